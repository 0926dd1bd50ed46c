package jsbus_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// TestStageIDsCannotBeSquatted (issue 18, case 2): a producer that may
// only drop raw articles publishes junk under the message id a stage will
// use for a real article. The stage's publish must still be stored: input
// and stage outputs de-duplicate in separate streams.
func TestStageIDsCannotBeSquatted(t *testing.T) {
	js := connect(t, startServer(t))
	ctx := context.Background()
	id, sum := "0123456789abcdef01234567", strings.Repeat("ab", 32)
	tests := []struct{ name, stage, subject string }{
		{"enrich id", jsbus.StageEnrich, jsbus.SubjectEnriched},
		{"ingest id", jsbus.StageIngest, jsbus.SubjectParsed},
		{"store id", jsbus.StageStore, jsbus.SubjectStored},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msgID := jsbus.MsgID(tc.stage, id, sum)
			if _, err := js.PublishMsg(ctx, &nats.Msg{Subject: jsbus.SubjectRaw, Data: []byte("junk")}, jetstream.WithMsgID(msgID)); err != nil {
				t.Fatal(err)
			}
			ack, err := jsbus.NewPublisher(js).Publish(ctx, tc.subject, msgID, []byte(`{"real":true}`), nil)
			if err != nil {
				t.Fatal(err)
			}
			if ack.Duplicate {
				t.Fatalf("the stage's real output on %s was taken for a duplicate of a dropper's junk", tc.subject)
			}
			if ack.Stream != jsbus.StreamName {
				t.Errorf("stage output went to stream %s, want %s", ack.Stream, jsbus.StreamName)
			}
		})
	}
}

// TestDeadLetterDropsControlHeaders (case 3): an input carrying
// Nats-Expected-* headers that held when it was published must still
// become a dead letter, and the letter carries no Nats-* header of it.
func TestDeadLetterDropsControlHeaders(t *testing.T) {
	js := connect(t, startServer(t))
	ctx := context.Background()
	runConsumer(t, js, testConfig(), noOutput(func(context.Context, *jsbus.Msg) error {
		return article.Permanent("empty", errors.New("no text"))
	}))
	for i := range 3 {
		s, err := js.Stream(ctx, jsbus.StreamIn)
		if err != nil {
			t.Fatal(err)
		}
		info, err := s.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		hdr := nats.Header{}
		last := strconv.FormatUint(info.State.LastSeq, 10)
		hdr.Set("Nats-Expected-Last-Sequence", last)
		hdr.Set("Nats-Expected-Last-Subject-Sequence", last)
		hdr.Set("Nats-Expected-Stream", jsbus.StreamIn)
		hdr.Set(jsbus.HeaderSourceName, fmt.Sprintf("poison-%d.txt", i))
		if _, err := js.PublishMsg(ctx, &nats.Msg{Subject: jsbus.SubjectRaw, Data: []byte("msg-poison"), Header: hdr}); err != nil {
			t.Fatalf("publish input %d: %v", i, err)
		}
	}
	dead := deadLetters(t, js, 3)
	if len(dead) != 3 {
		t.Fatalf("dead letters: %d, want 3 (the letters were refused?)", len(dead))
	}
	for _, d := range dead {
		for k := range d.Headers() {
			if k == nats.MsgIdHdr && strings.HasPrefix(d.Headers().Get(k), "dead:") {
				continue // the letter's own id
			}
			if strings.HasPrefix(strings.ToLower(k), "nats-") {
				t.Errorf("dead letter carries control header %s", k)
			}
		}
		if !strings.HasPrefix(d.Headers().Get(jsbus.HeaderSourceName), "poison-") {
			t.Errorf("dead letter lost the input's source name: %v", d.Headers())
		}
	}
}

// TestDeadLetterAfterFailedLastDelivery (issue 13): when the dead letter
// cannot be published on a message's last allowed delivery, the message
// must come back until its dead letter is in, not vanish.
func TestDeadLetterAfterFailedLastDelivery(t *testing.T) {
	js := connect(t, startServer(t))
	ctx := context.Background()
	cfg := testConfig()
	cfg.MaxDeliver = 2
	var handled atomic.Int32
	last := make(chan struct{})
	var once sync.Once
	runConsumer(t, js, cfg, noOutput(func(_ context.Context, m *jsbus.Msg) error {
		handled.Add(1)
		if int(m.Delivered) == cfg.MaxDeliver {
			once.Do(func() { close(last) })
		}
		return errors.New("database down")
	}))
	// Take the dead letters' stream away: a dead-letter publish now finds
	// no stream and fails.
	if err := js.DeleteStream(ctx, jsbus.StreamDead); err != nil {
		t.Fatal(err)
	}
	publish(t, js, 1)
	select {
	case <-last:
	case <-time.After(10 * time.Second):
		t.Fatal("the last allowed delivery never came")
	}
	time.Sleep(2 * time.Second) // its dead letter is refused meanwhile (the client retries a publish without a stream for about 0.5 s)
	if _, err := jsbus.EnsureStream(ctx, js, jsbus.StreamConfig{Replicas: 1, Duplicates: time.Minute, Memory: true, MaxBytes: 64 << 20, InMaxBytes: 64 << 20}); err != nil {
		t.Fatal(err)
	}
	dead := deadLetters(t, js, 1)
	if len(dead) != 1 {
		t.Fatalf("dead letters: %d, want 1: the message was lost after its last delivery", len(dead))
	}
	if got := dead[0].Headers().Get(jsbus.HeaderReason); got != "max_deliveries" {
		t.Errorf("reason %q, want max_deliveries", got)
	}
	if d, _ := strconv.Atoi(dead[0].Headers().Get(jsbus.HeaderDeliveries)); d <= cfg.MaxDeliver {
		t.Errorf("dead letter made on delivery %d: want one after the failed last delivery %d", d, cfg.MaxDeliver)
	}
	if n := handled.Load(); n != int32(cfg.MaxDeliver) {
		t.Errorf("handler ran %d times, want %d (never past the limit)", n, cfg.MaxDeliver)
	}
}

// TestTooLargeIsPermanent (case 7): output over the server's maximum
// payload is a permanent error with reason too_large at once, so the
// input is dead-lettered on its first delivery instead of retried.
func TestTooLargeIsPermanent(t *testing.T) {
	url := startWith(t, &natsserver.Options{JetStream: true, StoreDir: t.TempDir(), MaxPayload: 1 << 20})
	js := connect(t, url)
	ctx := context.Background()
	big := make([]byte, 2<<20)
	_, err := jsbus.NewPublisher(js).Publish(ctx, jsbus.SubjectParsed, "x", big, nil)
	if !errors.Is(err, article.ErrPermanent) || article.Reason(err) != "too_large" {
		t.Fatalf("publish over max payload: %v, want a permanent too_large error", err)
	}
	runConsumer(t, js, testConfig(), jsbus.HandlerFunc(func(ctx context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
		return []jsbus.Output{{Subject: jsbus.SubjectParsed, MsgID: "out:" + string(m.Data), Type: jsbus.TypeParsed, Data: big}}, nil
	}))
	publish(t, js, 1)
	dead := deadLetters(t, js, 1)
	if len(dead) != 1 {
		t.Fatalf("dead letters: %d, want 1", len(dead))
	}
	if got := dead[0].Headers().Get(jsbus.HeaderReason); got != "too_large" {
		t.Errorf("reason %q, want too_large", got)
	}
	if got := dead[0].Headers().Get(jsbus.HeaderDeliveries); got != "1" {
		t.Errorf("dead-lettered after %s deliveries, want 1 (no retries for a permanent error)", got)
	}
}

// TestOneTooLargeItem: one item of a feed over the server's maximum
// payload dead-letters the input for it, and the feed's other items are
// published; an article's own outputs (its enriched event and its
// per-quote events) go out together or not at all.
func TestOneTooLargeItem(t *testing.T) {
	url := startWith(t, &natsserver.Options{JetStream: true, StoreDir: t.TempDir(), MaxPayload: 1 << 20})
	js := connect(t, url)
	ctx := context.Background()
	big := make([]byte, 2<<20)
	runConsumer(t, js, testConfig(), jsbus.HandlerFunc(func(_ context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
		in := string(m.Data)
		item := func(n, subject, typ string, data []byte) jsbus.Output {
			return jsbus.Output{Subject: subject, MsgID: in + ":" + n, Type: typ, Data: data}
		}
		if in == "msg-0" { // a feed of three items, the second too large
			return []jsbus.Output{
				item("a", jsbus.SubjectParsed, jsbus.TypeParsed, []byte(in+"-a")),
				item("b", jsbus.SubjectParsed, jsbus.TypeParsed, big),
				item("c", jsbus.SubjectParsed, jsbus.TypeParsed, []byte(in+"-c")),
			}, nil
		}
		// one article: an event beside the too large output
		return []jsbus.Output{
			item("a", jsbus.SubjectParsed, jsbus.TypeParsed, big),
			item("q", "articles.quote.x", "org.newsflow.quote.v1", []byte(in+"-q")),
		}, nil
	}))
	publish(t, js, 2)
	deadWithReason(t, js, 2, "too_large")
	got := map[string]int{}
	for _, subject := range []string{jsbus.SubjectParsed, "articles.quote.x"} {
		stream := jsbus.StreamName
		if subject != jsbus.SubjectParsed {
			stream = jsbus.StreamEvents
		}
		oc, err := js.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}})
		if err != nil {
			continue // no such stream: nothing published on it
		}
		for {
			m, err := oc.Next(jetstream.FetchMaxWait(time.Second))
			if err != nil {
				break
			}
			got[string(m.Data())]++
		}
	}
	if len(got) != 2 || got["msg-0-a"] != 1 || got["msg-0-c"] != 1 {
		t.Errorf("published %v, want the feed's two good items once each and nothing of the one-article input", got)
	}
}

// TestOutputsOfAPartlyBadInput: a stage's outputs go out even when it
// dead-letters its input (a feed over the item limit), an output without a
// message id is a permanent bad_output, and a stage's transient error
// publishes nothing until the retry succeeds.
func TestOutputsOfAPartlyBadInput(t *testing.T) {
	js := connect(t, startServer(t))
	ctx := context.Background()
	var tries atomic.Int32
	runConsumer(t, js, testConfig(), jsbus.HandlerFunc(func(_ context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
		out := []jsbus.Output{{Subject: jsbus.SubjectParsed, MsgID: "out:" + string(m.Data), Type: jsbus.TypeParsed, Data: m.Data}}
		switch string(m.Data) {
		case "msg-0": // partly good
			return out, article.Permanent("too_many_items", errors.New("over the limit"))
		case "msg-1": // a stage's bug
			return []jsbus.Output{{Subject: jsbus.SubjectParsed, Type: jsbus.TypeParsed, Data: m.Data}}, nil
		}
		if tries.Add(1) == 1 { // transient once, then fine
			return out, errors.New("database down")
		}
		return out, nil
	}))
	publish(t, js, 3)
	dead := deadLetters(t, js, 2)
	reasons := map[string]bool{}
	for _, d := range dead {
		reasons[d.Headers().Get(jsbus.HeaderReason)] = true
	}
	if len(dead) != 2 || !reasons["too_many_items"] || !reasons["bad_output"] {
		t.Errorf("dead letters with reasons %v, want too_many_items and bad_output", reasons)
	}
	oc, err := js.OrderedConsumer(ctx, jsbus.StreamName, jetstream.OrderedConsumerConfig{FilterSubjects: []string{jsbus.SubjectParsed}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for {
		m, err := oc.Next(jetstream.FetchMaxWait(2 * time.Second))
		if err != nil {
			break
		}
		got[string(m.Data())]++
	}
	if len(got) != 2 || got["msg-0"] != 1 || got["msg-2"] != 1 {
		t.Errorf("outputs %v, want msg-0 (beside its dead letter) and msg-2 (after its retry) once each", got)
	}
	if tries.Load() < 2 {
		t.Errorf("the transient error was not retried (%d tries)", tries.Load())
	}
}

// TestRetention (issue 13): the streams are bounded by default, input
// shorter than outputs; messages past the max age go, and a consumer
// still handles every message exactly once, before and after.
func TestRetention(t *testing.T) {
	t.Run("bounded by default", func(t *testing.T) {
		js := connect0(t, startServer(t))
		ctx := context.Background()
		if _, err := jsbus.EnsureStream(ctx, js, jsbus.DefaultStreamConfig()); err != nil {
			t.Fatal(err)
		}
		in, out, ev, dead := streamConfig(t, js, jsbus.StreamIn), streamConfig(t, js, jsbus.StreamName), streamConfig(t, js, jsbus.StreamEvents), streamConfig(t, js, jsbus.StreamDead)
		if !slices.Equal(dead.Subjects, []string{"articles.dead.>"}) || dead.Discard != jetstream.DiscardOld || dead.MaxBytes != out.MaxBytes/16 {
			t.Errorf("stream %s: subjects %v, discard %v, max bytes %d (ARTICLES %d)", dead.Name, dead.Subjects, dead.Discard, dead.MaxBytes, out.MaxBytes)
		}
		if !slices.Equal(ev.Subjects, []string{"articles.quote.>", "articles.entity.>"}) || ev.Discard != jetstream.DiscardOld {
			t.Errorf("stream %s: subjects %v, discard %v", ev.Name, ev.Subjects, ev.Discard)
		}
		for _, c := range []jetstream.StreamConfig{in, out, ev, dead} {
			if c.MaxAge <= 0 || c.MaxBytes <= 0 {
				t.Errorf("stream %s unbounded: max age %v, max bytes %d", c.Name, c.MaxAge, c.MaxBytes)
			}
		}
		if in.MaxAge >= out.MaxAge {
			t.Errorf("input kept %v, outputs %v: input should go first", in.MaxAge, out.MaxAge)
		}
		if in.Discard != jetstream.DiscardNew {
			t.Errorf("a full input stream must refuse new drops, not evict unread input")
		}
	})
	t.Run("configurable", func(t *testing.T) {
		env := map[string]string{"STREAM_MAX_AGE": "48h", "STREAM_MAX_BYTES": "2GiB", "STREAM_IN_MAX_AGE": "90m", "STREAM_IN_MAX_BYTES": "256MiB",
			"STREAM_EVENTS_MAX_AGE": "24h", "STREAM_EVENTS_MAX_BYTES": "512MiB", "STREAM_DEAD_MAX_AGE": "240h", "STREAM_DEAD_MAX_BYTES": "64MiB"}
		c, err := jsbus.StreamConfigFromEnv(func(k string) string { return env[k] })
		if err != nil {
			t.Fatal(err)
		}
		if c.MaxAge != 48*time.Hour || c.MaxBytes != 2<<30 || c.InMaxAge != 90*time.Minute || c.InMaxBytes != 256<<20 ||
			c.EventsMaxAge != 24*time.Hour || c.EventsMaxBytes != 512<<20 || c.DeadMaxAge != 240*time.Hour || c.DeadMaxBytes != 64<<20 {
			t.Errorf("config from env: %+v", c)
		}
		if _, err := jsbus.StreamConfigFromEnv(func(k string) string { return map[string]string{"STREAM_MAX_BYTES": "12"}[k] }); err == nil {
			t.Error("a 12-byte stream was accepted")
		}
	})
	t.Run("old messages go, exactly once holds", func(t *testing.T) {
		js := natstest.JetStream(t, startServer(t))
		ctx := context.Background()
		if _, err := jsbus.EnsureStream(ctx, js, jsbus.StreamConfig{Replicas: 1, Duplicates: time.Second, Memory: true, InMaxAge: 2 * time.Second, MaxBytes: 64 << 20, InMaxBytes: 64 << 20}); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		seen := map[string]int{}
		runConsumer(t, js, testConfig(), noOutput(func(_ context.Context, m *jsbus.Msg) error {
			mu.Lock()
			defer mu.Unlock()
			seen[string(m.Data)]++
			return nil
		}))
		pub := jsbus.NewPublisher(js)
		drop := func(from, to int) {
			t.Helper()
			for i := from; i < to; i++ {
				for range 2 { // a publisher's retry: stored once
					if _, err := pub.Publish(ctx, jsbus.SubjectRaw, fmt.Sprintf("raw:%d", i), []byte(fmt.Sprintf("msg-%d", i)), nil); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		waitSeen := func(n int) {
			t.Helper()
			for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
				mu.Lock()
				got := len(seen)
				mu.Unlock()
				if got >= n {
					return
				}
			}
		}
		drop(0, 5)
		waitSeen(5)
		time.Sleep(3 * time.Second)
		s, err := js.Stream(ctx, jsbus.StreamIn)
		if err != nil {
			t.Fatal(err)
		}
		info, err := s.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if info.State.Msgs != 0 {
			t.Errorf("input stream holds %d messages past its max age", info.State.Msgs)
		}
		drop(5, 10)
		waitSeen(10)
		time.Sleep(300 * time.Millisecond)
		mu.Lock()
		defer mu.Unlock()
		for i := range 10 {
			if n := seen[fmt.Sprintf("msg-%d", i)]; n != 1 {
				t.Errorf("msg-%d handled %d times, want 1", i, n)
			}
		}
	})
}

func streamConfig(t *testing.T, js jetstream.JetStream, name string) jetstream.StreamConfig {
	t.Helper()
	s, err := js.Stream(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	return s.CachedInfo().Config
}

// TestEnsureStreamMovesOldLayout: an ARTICLES stream of the one-stream
// layout (articles.>) with its ingest consumer is moved to the new layout.
func TestEnsureStreamMovesOldLayout(t *testing.T) {
	js := connect0(t, startServer(t))
	ctx := context.Background()
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: jsbus.StreamName, Subjects: []string{"articles.>"}, Storage: jetstream.MemoryStorage}); err != nil {
		t.Fatal(err)
	}
	if _, err := js.CreateOrUpdateConsumer(ctx, jsbus.StreamName, jetstream.ConsumerConfig{Durable: jsbus.StageIngest, FilterSubject: jsbus.SubjectRaw, AckPolicy: jetstream.AckExplicitPolicy}); err != nil {
		t.Fatal(err)
	}
	if _, err := jsbus.EnsureStream(ctx, js, jsbus.StreamConfig{Replicas: 1, Duplicates: time.Minute, Memory: true, MaxBytes: 64 << 20, InMaxBytes: 64 << 20}); err != nil {
		t.Fatal(err)
	}
	ack, err := js.Publish(ctx, jsbus.SubjectRaw, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	if ack.Stream != jsbus.StreamIn {
		t.Errorf("articles.raw stored in %s, want %s", ack.Stream, jsbus.StreamIn)
	}
}

// TestDeadLettersOutliveAFlood: outputs that fill ARTICLES push its oldest
// messages out, never a dead letter, which ARTICLES_DEAD keeps under its
// own limits.
func TestDeadLettersOutliveAFlood(t *testing.T) {
	js := connect0(t, startServer(t))
	ctx := context.Background()
	if _, err := jsbus.EnsureStream(ctx, js, jsbus.StreamConfig{Replicas: 1, Duplicates: time.Minute, Memory: true, MaxBytes: 1 << 20, InMaxBytes: 1 << 20}); err != nil {
		t.Fatal(err)
	}
	pub := jsbus.NewPublisher(js)
	ack, err := pub.Publish(ctx, jsbus.DeadSubject(jsbus.StageIngest), "dead:1", []byte("someone's failed input"), nats.Header{jsbus.HeaderReason: []string{"bad_json"}})
	if err != nil {
		t.Fatal(err)
	}
	if ack.Stream != jsbus.StreamDead {
		t.Fatalf("dead letter stored in %s, want %s", ack.Stream, jsbus.StreamDead)
	}
	body := bytes.Repeat([]byte("x"), 4<<10)
	for i := range 600 { // 2.4 MB into a 1 MiB ARTICLES
		if _, err := pub.Publish(ctx, jsbus.SubjectStored, fmt.Sprintf("stored:%d", i), body, nil); err != nil {
			t.Fatal(err)
		}
	}
	dead, err := js.Stream(ctx, jsbus.StreamDead)
	if err != nil {
		t.Fatal(err)
	}
	m, err := dead.GetMsg(ctx, ack.Sequence)
	if err != nil || string(m.Data) != "someone's failed input" {
		t.Fatalf("the dead letter after the flood: %v", err)
	}
	arts, err := js.Stream(ctx, jsbus.StreamName)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := arts.Info(ctx); err != nil || info.State.FirstSeq == 1 {
		t.Fatalf("ARTICLES did not drop its oldest (info %v, err %v): the flood proves nothing", info.State, err)
	}
}

// TestMoveDeadLetters: the dead letters an ARTICLES of the earlier layout
// holds move to ARTICLES_DEAD once, with their headers, less the control
// ones; ARTICLES keeps its other messages.
func TestMoveDeadLetters(t *testing.T) {
	js := oldDeadLayout(t)
	ctx := context.Background()
	pub := jsbus.NewPublisher(js)
	for i, subj := range []string{jsbus.DeadSubject(jsbus.StageIngest), jsbus.SubjectStored, jsbus.DeadSubject(jsbus.StageStore)} {
		if _, err := pub.Publish(ctx, subj, fmt.Sprintf("old:%d", i), fmt.Appendf(nil, "letter %d", i), nats.Header{jsbus.HeaderReason: []string{fmt.Sprintf("reason %d", i)}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := jsbus.EnsureStream(ctx, js, jsbus.StreamConfig{Replicas: 1, Duplicates: time.Minute, Memory: true, MaxBytes: 64 << 20, InMaxBytes: 64 << 20}); err != nil {
		t.Fatal(err)
	}
	for run, want := range []int{2, 0} {
		n, err := jsbus.MoveDeadLetters(ctx, js)
		if err != nil || n != want {
			t.Fatalf("run %d: moved %d, %v; want %d", run+1, n, err, want)
		}
	}
	dead, err := js.Stream(ctx, jsbus.StreamDead)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for seq := uint64(1); seq <= 2; seq++ {
		m, err := dead.GetMsg(ctx, seq)
		if err != nil {
			t.Fatal(err)
		}
		if m.Header.Get(jetstream.MsgIDHeader) != fmt.Sprintf("moved:%d", map[uint64]int{1: 1, 2: 3}[seq]) {
			t.Errorf("moved letter %d has id %q", seq, m.Header.Get(jetstream.MsgIDHeader))
		}
		got = append(got, m.Subject+" "+string(m.Data)+" "+m.Header.Get(jsbus.HeaderReason))
	}
	want := []string{"articles.dead.ingest letter 0 reason 0", "articles.dead.store letter 2 reason 2"}
	if !slices.Equal(got, want) {
		t.Errorf("moved %q, want %q", got, want)
	}
	arts, err := js.Stream(ctx, jsbus.StreamName)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := arts.Info(ctx); err != nil || info.State.Msgs != 1 {
		t.Errorf("ARTICLES keeps %d messages (%v), want the stored notice alone", info.State.Msgs, err)
	}
}

// TestMoveDeadLettersStopsWhenFull: letters that ARTICLES_DEAD has no room
// for stay in ARTICLES (a move that overfilled it would push out the ones
// it moved first, their originals deleted).
func TestMoveDeadLettersStopsWhenFull(t *testing.T) {
	js := oldDeadLayout(t)
	ctx := context.Background()
	pub := jsbus.NewPublisher(js)
	letter := bytes.Repeat([]byte("x"), 300<<10)
	for i := range 6 { // 1.8 MB of letters for a 1 MiB ARTICLES_DEAD
		if _, err := pub.Publish(ctx, jsbus.DeadSubject(jsbus.StageIngest), fmt.Sprintf("old:%d", i), letter, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := jsbus.EnsureStream(ctx, js, jsbus.StreamConfig{Replicas: 1, Duplicates: time.Minute, Memory: true, MaxBytes: 64 << 20, InMaxBytes: 64 << 20, DeadMaxBytes: 1 << 20}); err != nil {
		t.Fatal(err)
	}
	n, err := jsbus.MoveDeadLetters(ctx, js)
	if !errors.Is(err, jsbus.ErrDeadStreamFull) || n == 0 || n >= 6 {
		t.Fatalf("moved %d: %v; want some moved, then ErrDeadStreamFull", n, err)
	}
	dead, err := js.Stream(ctx, jsbus.StreamDead)
	if err != nil {
		t.Fatal(err)
	}
	arts, err := js.Stream(ctx, jsbus.StreamName)
	if err != nil {
		t.Fatal(err)
	}
	di, err1 := dead.Info(ctx)
	ai, err2 := arts.Info(ctx)
	if err1 != nil || err2 != nil || di.State.Msgs != uint64(n) || di.State.FirstSeq != 1 || ai.State.Msgs != uint64(6-n) {
		t.Errorf("after the move: %d in %s (first %d), %d left in %s; want %d moved, none pushed out, the rest kept (%v %v)",
			di.State.Msgs, jsbus.StreamDead, di.State.FirstSeq, ai.State.Msgs, jsbus.StreamName, n, err1, err2)
	}
}

// oldDeadLayout starts a server with ARTICLES as the layout before
// ARTICLES_DEAD made it: the dead letters' subjects its own.
func oldDeadLayout(t *testing.T) jetstream.JetStream {
	t.Helper()
	js := connect0(t, startServer(t))
	if _, err := js.CreateStream(context.Background(), jetstream.StreamConfig{Name: jsbus.StreamName, Storage: jetstream.MemoryStorage,
		Subjects: []string{jsbus.SubjectParsed, jsbus.SubjectEnriched, jsbus.SubjectStored, jsbus.SubjectDeadPrefix + ">"}}); err != nil {
		t.Fatal(err)
	}
	return js
}

func connect0(t *testing.T, url string) jetstream.JetStream {
	t.Helper()
	return natstest.JetStream(t, url)
}

// TestRefusedOutputRetriesTheInput: an input is acknowledged only once the
// stream has stored every output. An output no stream takes, or one the
// stream refuses, keeps the input unacknowledged (retried, then a dead
// letter), while the good outputs beside it are stored.
func TestRefusedOutputRetriesTheInput(t *testing.T) {
	refused := map[string]jsbus.Output{
		"msg-0": {Subject: "nowhere.x", MsgID: "nowhere:0", Type: jsbus.TypeParsed, Data: []byte("{}")},
		"msg-1": {Subject: jsbus.SubjectParsed, MsgID: "refused:1", Type: jsbus.TypeParsed, Data: []byte("{}"),
			Header: nats.Header{jetstream.ExpectedLastSeqHeader: []string{"999999"}}},
	}
	js := connect(t, startServer(t))
	var handled atomic.Int32
	runConsumer(t, js, testConfig(), jsbus.HandlerFunc(func(_ context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
		handled.Add(1)
		good := jsbus.Output{Subject: jsbus.SubjectParsed, MsgID: "good:" + string(m.Data), Type: jsbus.TypeParsed, Data: m.Data}
		return []jsbus.Output{good, refused[string(m.Data)], good}, nil
	}))
	publish(t, js, 2)
	deadWithReason(t, js, 2, "max_deliveries")
	if n := handled.Load(); n < 2*int32(testConfig().MaxDeliver) {
		t.Errorf("handled %d times, want every delivery of both inputs (%d)", n, 2*testConfig().MaxDeliver)
	}
}

// TestInputDuplicateWindow: ARTICLES_IN keeps a drop's id for as long as
// it keeps the drop (a file dropped again an hour later is a duplicate),
// while the outputs' streams keep the short window; STREAM_IN_DUPLICATES
// sets it, cut to the stream's max age.
func TestInputDuplicateWindow(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want time.Duration
	}{
		{"default: the input's max age", nil, jsbus.DefaultInMaxAge},
		{"follows STREAM_IN_MAX_AGE", map[string]string{"STREAM_IN_MAX_AGE": "24h"}, 24 * time.Hour},
		{"set", map[string]string{"STREAM_IN_DUPLICATES": "2h"}, 2 * time.Hour},
		{"cut to the max age", map[string]string{"STREAM_IN_DUPLICATES": "100h", "STREAM_IN_MAX_AGE": "48h"}, 48 * time.Hour},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := jsbus.StreamConfigFromEnv(func(k string) string { return c.env[k] })
			if err != nil {
				t.Fatal(err)
			}
			cfg.Memory = true
			cfg.MaxBytes, cfg.InMaxBytes = 64<<20, 64<<20
			js := connect0(t, startServer(t))
			if _, err := jsbus.EnsureStream(context.Background(), js, cfg); err != nil {
				t.Fatal(err)
			}
			if got := streamConfig(t, js, jsbus.StreamIn).Duplicates; got != c.want {
				t.Errorf("ARTICLES_IN duplicates window %v, want %v", got, c.want)
			}
			if got := streamConfig(t, js, jsbus.StreamName).Duplicates; got != 10*time.Minute {
				t.Errorf("ARTICLES duplicates window %v, want the default 10m", got)
			}
		})
	}
}

// deadWithReason waits for n dead letters and checks that each gives the
// reason.
func deadWithReason(t *testing.T, js jetstream.JetStream, n int, reason string) []jetstream.Msg {
	t.Helper()
	dead := deadLetters(t, js, n)
	if len(dead) != n {
		t.Fatalf("dead letters: %d, want %d", len(dead), n)
	}
	for _, d := range dead {
		if got := d.Headers().Get(jsbus.HeaderReason); got != reason {
			t.Errorf("dead letter of %q: reason %q, want %s", d.Data(), got, reason)
		}
	}
	return dead
}
