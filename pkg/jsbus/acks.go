package jsbus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ackRouter hands the stream's acks of the consume loop's publishes to the
// message waiting for them. Each handled message is a batch; an output's
// reply subject is <prefix>.<batch>.<index>, on one subscription for the
// whole loop.
//
// It does what jetstream's PublishMsgAsync does for the loop, for less: a
// message's outputs (with fan-out, an enriched article and some twenty
// events) each cost a future with its own channels, a registration under
// the publisher's lock and a full JSON decode of the ack, together about a
// sixth of the client's CPU per event. Here a batch has one channel, and an
// ack that says "stored" in the server's usual form is taken as such
// without decoding; anything else is decoded and checked as jetstream does.
// Every output is still acknowledged by the stream before its input is.
type ackRouter struct {
	sub    *nats.Subscription
	prefix string

	mu      sync.Mutex
	next    uint64
	batches map[uint64]chan ackResult
}

// ackResult is the outcome of one output's publish.
type ackResult struct {
	index int
	err   error
}

// errNoStream is the reply of the server when no stream takes the subject.
var errNoStream = errors.New("no stream took the message (no responders)")

// newAckRouter subscribes to the replies on a new inbox of nc (under its
// inbox prefix, which the roles' permissions allow).
func newAckRouter(nc *nats.Conn) (*ackRouter, error) {
	r := &ackRouter{prefix: nc.NewInbox(), batches: map[uint64]chan ackResult{}}
	sub, err := nc.Subscribe(r.prefix+".*.*", r.route)
	if err != nil {
		return nil, fmt.Errorf("subscribe to publish acks: %w", err)
	}
	r.sub = sub
	return r, nil
}

// close ends the subscription.
func (r *ackRouter) close() { _ = r.sub.Unsubscribe() }

// open starts a batch of n outputs: it returns the batch's reply subject
// prefix (the output's index follows), the channel its acks arrive on, and
// the function that ends it (late acks are then dropped).
func (r *ackRouter) open(n int) (string, <-chan ackResult, func()) {
	ch := make(chan ackResult, n)
	r.mu.Lock()
	r.next++
	id := r.next
	r.batches[id] = ch
	r.mu.Unlock()
	return r.prefix + "." + strconv.FormatUint(id, 10) + ".", ch, func() {
		r.mu.Lock()
		delete(r.batches, id)
		r.mu.Unlock()
	}
}

// route hands one ack to its batch.
func (r *ackRouter) route(m *nats.Msg) {
	batch, index, ok := strings.Cut(strings.TrimPrefix(m.Subject, r.prefix+"."), ".")
	id, err1 := strconv.ParseUint(batch, 10, 64)
	i, err2 := strconv.Atoi(index)
	if !ok || err1 != nil || err2 != nil {
		return
	}
	r.mu.Lock()
	ch := r.batches[id]
	r.mu.Unlock()
	if ch == nil {
		return // the batch gave up (a timeout, a failed publish)
	}
	// The channel holds one result per output: this never blocks, unless
	// the server acked one output twice, which it does not.
	select {
	case ch <- ackResult{index: i, err: ackError(m)}:
	default:
	}
}

// storedPrefix begins the server's ack of a stored message:
// {"stream":"<name>","seq":<n>[,"duplicate":true]}.
var storedPrefix = []byte(`{"stream":"`)

// ackError returns nil if m is the stream's ack of a stored message, else
// what went wrong, as jetstream's PublishMsgAsync would report it.
func ackError(m *nats.Msg) error {
	if len(m.Data) == 0 {
		if m.Header.Get("Status") == "503" {
			return errNoStream
		}
		return fmt.Errorf("%w: status %q", jetstream.ErrInvalidJSAck, m.Header.Get("Status"))
	}
	// A stream name holds no quote, so a name follows storedPrefix; an
	// error response holds "error".
	if bytes.HasPrefix(m.Data, storedPrefix) && len(m.Data) > len(storedPrefix) && m.Data[len(storedPrefix)] != '"' &&
		!bytes.Contains(m.Data, []byte(`"error"`)) {
		return nil
	}
	var pa struct {
		Stream string              `json:"stream"`
		Error  *jetstream.APIError `json:"error"`
	}
	if err := json.Unmarshal(m.Data, &pa); err != nil {
		return fmt.Errorf("%w: %w", jetstream.ErrInvalidJSAck, err)
	}
	if pa.Error != nil {
		return pa.Error
	}
	if pa.Stream == "" {
		return jetstream.ErrInvalidJSAck
	}
	return nil
}
