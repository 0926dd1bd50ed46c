package story

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestBatchRoundTrip(t *testing.T) {
	when := time.Date(2019, 10, 9, 14, 30, 5, 123456789, time.UTC)
	full := Record{ID: "5d9e0c1a2b3c4d5e6f708192", Sig: Hashes{1, 2, 0xffffffff}, Entities: Hashes{7, 8},
		Terms: Hashes{9}, Headline: Hashes{10, 11, 12}, Time: when}
	tests := []struct {
		name string
		recs []Record
	}{
		{"one record", []Record{full}},
		{"empty lists stay nil", []Record{{ID: "a", Sig: Hashes{5}, Time: when}}},
		{"zero time", []Record{{ID: "b", Sig: Hashes{5}}}},
		{"time before 1970", []Record{{ID: "c", Sig: Hashes{5}, Time: time.Date(1960, 1, 1, 0, 0, 0, 1, time.UTC)}}},
		{"several in order", []Record{full, {ID: "id with spaces, é", Sig: Hashes{3}, Time: when.Add(time.Hour)}, full}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []Record
			if err := decodeBatch(appendBatch(nil, tc.recs), func(r Record) { got = append(got, r) }); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.recs) {
				t.Errorf("got %+v\nwant %+v", got, tc.recs)
			}
		})
	}
}

// TestBatchReadsJSONRecords: records written by the JSON format before
// batches are still read, as one record per message.
func TestBatchReadsJSONRecords(t *testing.T) {
	want := Record{ID: "x1", Sig: Hashes{1, 2}, Entities: Hashes{3}, Time: time.Date(2019, 1, 2, 3, 4, 5, 6, time.UTC)}
	data, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var got []Record
	if err := decodeBatch(data, func(r Record) { got = append(got, r) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestBatchRefusesDamage: a torn or foreign message is an error and
// applies nothing, not a partial batch.
func TestBatchRefusesDamage(t *testing.T) {
	good := appendBatch(nil, []Record{{ID: "a", Sig: Hashes{1, 2, 3}}, {ID: "b", Sig: Hashes{4}}})
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"unknown format", []byte{0x07, 1}},
		{"cut in the second record", good[:len(good)-2]},
		{"bytes after the records", append(append([]byte{}, good...), 0)},
		{"count over the bound", append([]byte{formatBatch}, 0xff, 0xff, 0x03)},
		{"bad JSON", []byte(`{"id":`)},
		{"JSON without id", []byte(`{"sig":"AAAAAA=="}`)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			err := decodeBatch(tc.data, func(Record) { n++ })
			if !errors.Is(err, errRecord) {
				t.Errorf("err = %v, want errRecord", err)
			}
			if n != 0 {
				t.Errorf("%d records applied from a damaged message", n)
			}
		})
	}
}

// TestWordsAsLowerAndSplit: the one-pass words give what lowering the
// NFKC text and splitting it on everything but letters and digits gives.
func TestWordsAsLowerAndSplit(t *testing.T) {
	ref := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(norm.NFKC.String(s)), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
	}
	for _, s := range []string{
		"",
		"Plain ASCII, with 2019's numbers.",
		"“Curly quotes” — and an em-dash; Ça VA? İstanbul ÅNGSTRÖM",
		"ﬁne ligature, full-width ＡＢＣ１２３, Kelvin \u212a",
		"bad \xff bytes\xc3 inside",
		"trailing word",
	} {
		if got, want := words(s), ref(s); !reflect.DeepEqual(got, want) && (len(got) != 0 || len(want) != 0) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestKeyTermsAsSorted: the top terms kept as they go by are those a full
// sort by frequency, then alphabetically, gives.
func TestKeyTermsAsSorted(t *testing.T) {
	ref := func(text []string, n int) []uint32 {
		sw := stopwords()
		tf := map[string]int{}
		for _, w := range text {
			if len([]rune(w)) < 4 || sw[w] || !unicode.IsLetter([]rune(w)[0]) {
				continue
			}
			tf[w]++
		}
		var ws []string
		for w := range tf {
			ws = append(ws, w)
		}
		sort.Slice(ws, func(i, j int) bool {
			if tf[ws[i]] != tf[ws[j]] {
				return tf[ws[i]] > tf[ws[j]]
			}
			return ws[i] < ws[j]
		})
		if len(ws) > n {
			ws = ws[:n]
		}
		out := make([]uint32, len(ws))
		for i, w := range ws {
			out[i] = uint32(fnv64(w))
		}
		return out
	}
	vocab := strings.Fields("storm coast river bridge council mayor police court judge the which about 2019 élan zebra apple mango delta alpha omega")
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name  string
		words int
		n     int
	}{{"empty", 0, 15}, {"fewer terms than n", 5, 15}, {"many ties", 200, 15}, {"n of one", 50, 1}, {"n of zero", 50, 0}} {
		t.Run(tc.name, func(t *testing.T) {
			ws := make([]string, tc.words)
			for i := range ws {
				ws[i] = vocab[rng.IntN(len(vocab))]
			}
			if got, want := keyTerms(readText(strings.Join(ws, " ")), tc.n), ref(ws, tc.n); !reflect.DeepEqual(got, want) && (len(got) != 0 || len(want) != 0) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}
