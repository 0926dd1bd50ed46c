package story

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// The shared state's messages. One message carries the records of one
// batch, each article's record once, in a compact binary form: a byte
// telling the format, the record count, then each record as its id, time
// and four lists of 32-bit hashes. Records are about 430 bytes (721 as the
// JSON they replaced, which a message starting with '{' still is: records
// written by an older newsflow are read as before).
const (
	formatBatch byte = 0x02
	// maxBatch bounds the records of one message, so that a record's place
	// in the shared order (the message's revision times maxBatch plus its
	// place in the message) fits in a uint64.
	maxBatch = 1 << 12
)

// errRecord reports a message that is not a batch of records.
var errRecord = errors.New("story: unreadable record")

// appendBatch encodes recs as one message.
func appendBatch(dst []byte, recs []Record) []byte {
	dst = append(dst, formatBatch)
	dst = binary.AppendUvarint(dst, uint64(len(recs)))
	for i := range recs {
		dst = appendRecord(dst, &recs[i])
	}
	return dst
}

func appendRecord(dst []byte, r *Record) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(r.ID)))
	dst = append(dst, r.ID...)
	dst = binary.AppendVarint(dst, r.Time.Unix())
	dst = binary.AppendUvarint(dst, uint64(r.Time.Nanosecond()))
	for _, h := range [...]Hashes{r.Sig, r.Entities, r.Terms, r.Headline} {
		dst = binary.AppendUvarint(dst, uint64(len(h)))
		for _, v := range h {
			dst = binary.LittleEndian.AppendUint32(dst, v)
		}
	}
	return dst
}

// decodeBatch calls f with each record of a message, in order. A message
// of the JSON format is one record.
func decodeBatch(data []byte, f func(Record)) error {
	if len(data) > 0 && data[0] == '{' {
		var r Record
		if err := json.Unmarshal(data, &r); err != nil {
			return fmt.Errorf("%w: %w", errRecord, err)
		}
		if r.ID == "" {
			return fmt.Errorf("%w: no id", errRecord)
		}
		f(r)
		return nil
	}
	if len(data) == 0 || data[0] != formatBatch {
		return fmt.Errorf("%w: unknown format", errRecord)
	}
	d := decoder{b: data[1:]}
	n := d.uvarint()
	if d.err != nil || n > maxBatch {
		return fmt.Errorf("%w: bad record count", errRecord)
	}
	recs := make([]Record, 0, n)
	for range n {
		r := d.record()
		if d.err != nil {
			return d.err
		}
		recs = append(recs, r)
	}
	if len(d.b) != 0 {
		return fmt.Errorf("%w: %d bytes after the records", errRecord, len(d.b))
	}
	// Only a whole message is applied: a torn one changes nothing.
	for _, r := range recs {
		f(r)
	}
	return nil
}

// decoder reads a message, keeping the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: truncated %s", errRecord, what)
	}
	d.b = nil
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail("number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) record() Record {
	var r Record
	n := d.uvarint()
	if d.err != nil || n == 0 || n > uint64(len(d.b)) {
		d.fail("id")
		return r
	}
	r.ID = string(d.b[:n])
	d.b = d.b[n:]
	sec := d.varint()
	nsec := d.uvarint()
	if nsec >= uint64(time.Second) {
		d.fail("time")
	}
	r.Time = time.Unix(sec, int64(nsec)).UTC()
	// The four lists share one allocation: they live as long as the record.
	var lens [4]uint64
	var buf Hashes
	rest := d.b
	total := uint64(0)
	for i := range lens { // a first pass for the lengths
		lens[i] = d.uvarint()
		if d.err != nil || lens[i] > uint64(len(d.b))/4 {
			d.fail("hashes")
			return r
		}
		total += lens[i]
		d.b = d.b[4*lens[i]:]
	}
	d.b = rest
	buf = make(Hashes, total)
	lists := [4]*Hashes{&r.Sig, &r.Entities, &r.Terms, &r.Headline}
	for i, l := range lens {
		d.uvarint()
		h := buf[:l:l]
		buf = buf[l:]
		for j := range h {
			h[j] = binary.LittleEndian.Uint32(d.b[4*j:])
		}
		d.b = d.b[4*l:]
		if l > 0 {
			*lists[i] = h
		}
	}
	return r
}

// RoundTrip returns r as another instance reads it from the shared state:
// encoded and decoded. For tests and benchmarks of the whole path.
func RoundTrip(r Record) (Record, error) {
	var out Record
	err := decodeBatch(appendBatch(nil, []Record{r}), func(x Record) { out = x })
	return out, err
}
