package jsbus_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

// TestTrimReadInput: on an input stream over half full, the input ingest
// has acknowledged goes and what it has not stays; a repeated drop of
// trimmed bytes is still a duplicate; and a stream under half full is left
// alone.
func TestTrimReadInput(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	js := connect(t, startServer(t))
	cfg := jsbus.StreamConfig{Replicas: 1, Duplicates: time.Minute, Memory: true, MaxBytes: 64 << 20, InMaxBytes: 1 << 20}
	if _, err := jsbus.EnsureStream(ctx, js, cfg); err != nil {
		t.Fatal(err)
	}
	pub := jsbus.NewPublisher(js)
	body := []byte(strings.Repeat("x", 200_000))
	dropN := func(from, to int) {
		t.Helper()
		for i := from; to > i; i++ {
			if _, err := pub.Publish(ctx, jsbus.SubjectRaw, "raw:"+string(rune('a'+i)), body, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	c, err := js.CreateOrUpdateConsumer(ctx, jsbus.StreamIn, jetstream.ConsumerConfig{Durable: jsbus.StageIngest, AckPolicy: jetstream.AckExplicitPolicy})
	if err != nil {
		t.Fatal(err)
	}
	// Two drops (400 KB): under half of 1 MiB, nothing goes.
	dropN(0, 2)
	ack(t, c, 2)
	if n, err := jsbus.TrimReadInput(ctx, js, jsbus.StageIngest); err != nil || n != 0 {
		t.Fatalf("under half full: trimmed %d, %v; want 0", n, err)
	}
	// Two more (800 KB), the third read, the fourth not.
	dropN(2, 4)
	ack(t, c, 1)
	n, err := jsbus.TrimReadInput(ctx, js, jsbus.StageIngest)
	if err != nil || n != 3 {
		t.Fatalf("over half full: trimmed %d, %v; want the 3 read", n, err)
	}
	s, err := js.Stream(ctx, jsbus.StreamIn)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != 1 || info.State.FirstSeq != 4 {
		t.Errorf("after the trim: %d messages from seq %d, want the unread one (seq 4)", info.State.Msgs, info.State.FirstSeq)
	}
	// Room again, and a trimmed drop repeated is still a duplicate.
	ackRepeat, err := pub.Publish(ctx, jsbus.SubjectRaw, "raw:a", body, nil)
	if err != nil || !ackRepeat.Duplicate {
		t.Errorf("repeat of a trimmed drop: %+v, %v; want a duplicate", ackRepeat, err)
	}
	dropN(4, 6)

	// Acknowledged out of order (4 and 6, not 5): only what lies at and
	// below the floor (4) goes; 5, unacknowledged, and 6 after it stay.
	batch, err := c.Fetch(3, jetstream.FetchMaxWait(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	for m := range batch.Messages() {
		md, err := m.Metadata()
		if err != nil {
			t.Fatal(err)
		}
		if md.Sequence.Stream != 5 {
			if err := m.DoubleAck(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	if n, err := jsbus.TrimReadInput(ctx, js, jsbus.StageIngest); err != nil || n != 1 {
		t.Fatalf("acknowledged out of order: trimmed %d, %v; want 1 (seq 4)", n, err)
	}
	if info, err = s.Info(ctx); err != nil {
		t.Fatal(err)
	}
	if info.State.Msgs != 2 || info.State.FirstSeq != 5 {
		t.Errorf("after trimming out-of-order acks: %d messages from seq %d, want 2 from seq 5", info.State.Msgs, info.State.FirstSeq)
	}
}

// ack fetches n messages of c and acknowledges them.
func ack(t *testing.T, c jetstream.Consumer, n int) {
	t.Helper()
	batch, err := c.Fetch(n, jetstream.FetchMaxWait(5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	got := 0
	for m := range batch.Messages() {
		if err := m.DoubleAck(context.Background()); err != nil {
			t.Fatal(err)
		}
		got++
	}
	if got != n {
		t.Fatalf("fetched %d, want %d", got, n)
	}
}
