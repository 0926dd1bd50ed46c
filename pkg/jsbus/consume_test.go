package jsbus_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
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

// startServer runs an embedded NATS server with JetStream on a free port,
// its storage in a temporary directory, shut down when the test ends.
func startServer(t testing.TB) string {
	t.Helper()
	return startWith(t, &natsserver.Options{JetStream: true, StoreDir: t.TempDir()})
}

func connect(t testing.TB, url string) jetstream.JetStream {
	t.Helper()
	js := natstest.JetStream(t, url)
	if _, err := jsbus.EnsureStream(context.Background(), js, jsbus.StreamConfig{Replicas: 1, Duplicates: time.Minute, Memory: true, MaxBytes: 64 << 20, InMaxBytes: 64 << 20}); err != nil {
		t.Fatal(err)
	}
	return js
}

func testConfig() jsbus.ConsumerConfig {
	c := jsbus.DefaultConsumerConfig(jsbus.StageIngest)
	c.MaxInFlight = 4
	c.AckWait = 2 * time.Second
	c.MaxDeliver = 3
	c.BackoffMin, c.BackoffMax = 50*time.Millisecond, 200*time.Millisecond
	c.FetchWait = 200 * time.Millisecond
	c.Grace = 5 * time.Second
	return c
}

// runConsumer runs the handler until the test ends and checks that Run
// returns and leaves no goroutine behind.
func runConsumer(t *testing.T, js jetstream.JetStream, cfg jsbus.ConsumerConfig, h jsbus.Handler) {
	t.Helper()
	c, err := jsbus.NewConsumer(context.Background(), js, cfg, h)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("consumer did not stop")
		}
		// Nothing the consumer started may outlive Run (server and client
		// goroutines are not ours and are left out).
		if n := consumerGoroutines(); n != 0 {
			t.Errorf("%d consumer goroutines left after Run returned", n)
		}
	})
}

// noOutput adapts a handler that makes no events.
func noOutput(f func(context.Context, *jsbus.Msg) error) jsbus.Handler {
	return jsbus.HandlerFunc(func(ctx context.Context, m *jsbus.Msg) ([]jsbus.Output, error) { return nil, f(ctx, m) })
}

func consumerGoroutines() int {
	buf := make([]byte, 4<<20)
	stacks := string(buf[:runtime.Stack(buf, true)])
	return strings.Count(stacks, "jsbus.(*Consumer)")
}

func publish(t *testing.T, js jetstream.JetStream, n int) {
	t.Helper()
	for i := range n {
		if _, err := js.Publish(context.Background(), jsbus.SubjectRaw, []byte(fmt.Sprintf("msg-%d", i))); err != nil {
			t.Fatal(err)
		}
	}
}

// deadLetters reads the dead letters of the ingest stage.
func deadLetters(t *testing.T, js jetstream.JetStream, want int) []jetstream.Msg {
	t.Helper()
	oc, err := js.OrderedConsumer(context.Background(), jsbus.StreamDead, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{jsbus.DeadSubject(jsbus.StageIngest)},
	})
	if err != nil {
		t.Fatal(err)
	}
	var out []jetstream.Msg
	deadline := time.Now().Add(15 * time.Second)
	for len(out) < want && time.Now().Before(deadline) {
		b, err := oc.Fetch(want-len(out), jetstream.FetchMaxWait(time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for m := range b.Messages() {
			out = append(out, m)
		}
	}
	return out
}

func TestConsumer(t *testing.T) {
	tests := []struct {
		name       string
		fail       func(m *jsbus.Msg) error // per delivery
		wantOK     int
		wantDead   int
		wantReason string
	}{
		{name: "all succeed", fail: func(*jsbus.Msg) error { return nil }, wantOK: 5},
		{name: "permanent error", fail: func(*jsbus.Msg) error { return article.Permanent("empty", errors.New("no text")) }, wantDead: 5, wantReason: "empty"},
		{name: "transient then success", fail: func(m *jsbus.Msg) error {
			if m.Delivered < 2 {
				return errors.New("database down")
			}
			return nil
		}, wantOK: 5},
		{name: "transient until max deliveries", fail: func(*jsbus.Msg) error { return errors.New("database down") }, wantDead: 5, wantReason: "max_deliveries"},
		{name: "panic", fail: func(*jsbus.Msg) error { panic("boom") }, wantDead: 5, wantReason: "panic"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			js := connect(t, startServer(t))
			var ok atomic.Int32
			var mu sync.Mutex
			seen := map[string]bool{}
			runConsumer(t, js, testConfig(), noOutput(func(_ context.Context, m *jsbus.Msg) error {
				if err := tc.fail(m); err != nil {
					return err
				}
				mu.Lock()
				defer mu.Unlock()
				if !seen[string(m.Data)] {
					seen[string(m.Data)] = true
					ok.Add(1)
				}
				return nil
			}))
			publish(t, js, 5)
			dead := deadLetters(t, js, tc.wantDead)
			deadline := time.Now().Add(10 * time.Second)
			for int(ok.Load()) < tc.wantOK && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			if int(ok.Load()) != tc.wantOK {
				t.Errorf("handled ok: %d, want %d", ok.Load(), tc.wantOK)
			}
			if len(dead) != tc.wantDead {
				t.Fatalf("dead letters: %d, want %d", len(dead), tc.wantDead)
			}
			for _, d := range dead {
				if got := d.Headers().Get(jsbus.HeaderReason); got != tc.wantReason {
					t.Errorf("reason %q, want %q", got, tc.wantReason)
				}
				if got := d.Headers().Get(jsbus.HeaderSubject); got != jsbus.SubjectRaw {
					t.Errorf("original subject %q", got)
				}
				if len(d.Data()) == 0 || string(d.Data()[:4]) != "msg-" {
					t.Errorf("dead letter lost the original bytes: %q", d.Data())
				}
			}
		})
	}
}

func TestConsumerBoundsInFlight(t *testing.T) {
	js := connect(t, startServer(t))
	cfg := testConfig()
	var cur, peak, done atomic.Int32
	runConsumer(t, js, cfg, noOutput(func(context.Context, *jsbus.Msg) error {
		n := cur.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
		cur.Add(-1)
		done.Add(1)
		return nil
	}))
	publish(t, js, 200)
	deadline := time.Now().Add(20 * time.Second)
	for done.Load() < 200 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if done.Load() != 200 {
		t.Fatalf("handled %d of 200", done.Load())
	}
	if p := peak.Load(); p > int32(cfg.MaxInFlight) || p < 2 {
		t.Errorf("peak in flight %d, want 2..%d", p, cfg.MaxInFlight)
	}
	cons, err := js.Consumer(context.Background(), jsbus.StreamIn, cfg.Stage)
	if err != nil {
		t.Fatal(err)
	}
	info, err := cons.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.NumRedelivered != 0 {
		t.Errorf("redelivered %d messages: nothing should wait past its ack wait", info.NumRedelivered)
	}
}

func TestBackoff(t *testing.T) {
	c := jsbus.ConsumerConfig{BackoffMin: time.Second, BackoffMax: 10 * time.Second}
	tests := []struct {
		name      string
		delivered uint64
		want      time.Duration
	}{
		{"first", 1, time.Second},
		{"second", 2, 2 * time.Second},
		{"fourth", 4, 8 * time.Second},
		{"capped", 9, 10 * time.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.Backoff(tc.delivered); got != tc.want {
				t.Errorf("Backoff(%d) = %v, want %v", tc.delivered, got, tc.want)
			}
		})
	}
}

// TestConnConfigValidateHidesSecrets checks that a URL the client could
// not parse is refused without quoting its password.
func TestConnConfigValidateHidesSecrets(t *testing.T) {
	err := jsbus.ConnConfig{URL: "nats://u:pa ss@h:4222"}.Validate()
	if err == nil {
		t.Fatal("an unparseable URL was accepted")
	}
	if strings.Contains(err.Error(), "pa ss") {
		t.Errorf("error quotes the password: %v", err)
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"password", "nats://u:secret@h:4222", "nats://u:xxxxx@h:4222"},
		{"token", "nats://tok@h:4222", "nats://xxxxx@h:4222"},
		{"list", "nats://a:4222,nats://u:p@b:4222", "nats://a:4222,nats://u:xxxxx@b:4222"},
		{"none", "nats://h:4222", "nats://h:4222"},
		{"unparseable password", "nats://u:pa ss@h:4222", "nats://u:xxxxx@h:4222"},
		{"bad escape", "nats://u:p%zz@h:4222", "nats://u:xxxxx@h:4222"},
		{"no scheme", "u:secret@h:4222", "u:xxxxx@h:4222"},
		{"no scheme mongo", "admin:s3cret@127.0.0.1:27017/newsflow", "admin:xxxxx@127.0.0.1:27017/newsflow"},
		{"unescaped at", "mongodb://u:p@ss@h1,h2:27017/", "mongodb://u:xxxxx@h1,h2:27017/"},
		{"srv", "mongodb+srv://u:secret@cluster0.example.net/db", "mongodb+srv://u:xxxxx@cluster0.example.net/db"},
		{"secret in query", "mongodb://h/?tlsCertificateKeyFilePassword=s3cret&authSource=admin",
			"mongodb://h/?tlsCertificateKeyFilePassword=xxxxx&authSource=admin"},
		{"aws token", "mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=AWS_SESSION_TOKEN:s3cret",
			"mongodb://h/?authMechanism=MONGODB-AWS&authMechanismProperties=xxxxx"},
		{"colon in user part", "user/x:secret@h", "xxxxx@h"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := jsbus.RedactURL(tc.in)
			if tc.name != "list" && got != jsbus.RedactURI(tc.in) {
				t.Errorf("RedactURL and RedactURI differ on %q", tc.in)
			}
			if got != tc.want {
				t.Errorf("RedactURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if strings.Contains(got, "secret") || strings.Contains(got, "s3cret") {
				t.Errorf("RedactURL(%q) = %q still shows the secret", tc.in, got)
			}
		})
	}
}

// TestConsumerGate: while the gate fails the loop fetches nothing, so the
// messages stay for other instances; once it passes they are handled.
func TestConsumerGate(t *testing.T) {
	js := connect(t, startServer(t))
	var ready atomic.Bool
	var handled atomic.Int32
	c, err := jsbus.NewConsumer(context.Background(), js, testConfig(), noOutput(func(context.Context, *jsbus.Msg) error {
		handled.Add(1)
		return nil
	}), jsbus.WithGate(func(context.Context) error {
		if ready.Load() {
			return nil
		}
		return errors.New("database unreachable")
	}))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	}()
	publish(t, js, 5)
	time.Sleep(time.Second) // several loop turns
	if n := handled.Load(); n != 0 {
		t.Fatalf("%d messages handled while not ready", n)
	}
	info, err := js.Consumer(context.Background(), jsbus.StreamIn, jsbus.StageIngest)
	if err != nil {
		t.Fatal(err)
	}
	if ci, err := info.Info(context.Background()); err != nil || ci.NumAckPending != 0 || ci.NumPending != 5 {
		t.Fatalf("consumer while not ready: %+v %v, want 5 pending and none taken", ci, err)
	}
	ready.Store(true)
	deadline := time.Now().Add(10 * time.Second)
	for handled.Load() < 5 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := handled.Load(); n != 5 {
		t.Errorf("%d messages handled once ready, want 5", n)
	}
}

// TestSourceNameGoesOn: the input's file name goes with the article to
// the next stage, so a dead letter there can name the file.
func TestSourceNameGoesOn(t *testing.T) {
	js := connect(t, startServer(t))
	runConsumer(t, js, testConfig(), jsbus.HandlerFunc(func(_ context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
		return []jsbus.Output{jsbus.ArticleOutput(jsbus.StageIngest, jsbus.SubjectParsed, jsbus.TypeParsed, "a1", "sum1", []byte(`{"id":"a1"}`))}, nil
	}))
	msg := nats.NewMsg(jsbus.SubjectRaw)
	msg.Data = []byte("Ferry resumes\n\nThe ferry resumed on Monday.")
	msg.Header.Set(jsbus.HeaderSourceName, "ferry.txt")
	if _, err := js.PublishMsg(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	s, err := js.Stream(context.Background(), jsbus.StreamName)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		m, err := s.GetLastMsgForSubject(context.Background(), jsbus.SubjectParsed)
		if err == nil {
			if got := m.Header.Get(jsbus.HeaderSourceName); got != "ferry.txt" {
				t.Errorf("parsed article's source name %q, want ferry.txt", got)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no parsed article: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestIngestDeadLetterNamesOwnBytes: a raw message's headers cannot make
// its dead letter pass for another dropper's file or article.
func TestIngestDeadLetterNamesOwnBytes(t *testing.T) {
	js := connect(t, startServer(t))
	runConsumer(t, js, testConfig(), noOutput(func(context.Context, *jsbus.Msg) error {
		return article.Permanent("binary", errors.New("junk"))
	}))
	msg := nats.NewMsg(jsbus.SubjectRaw)
	msg.Data = []byte{0, 1, 2, 0xff}
	msg.Header.Set(jsbus.HeaderRawSHA256, "someone-elses-sha")
	msg.Header.Set(jsbus.HeaderArticleID, "someone-elses-article")
	if _, err := js.PublishMsg(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	dl := deadLetters(t, js, 1)[0]
	if got, want := dl.Headers().Get(jsbus.HeaderRawSHA256), article.HashBytes(msg.Data); got != want {
		t.Errorf("dead letter's raw sha %q, want the bytes' own %q", got, want)
	}
	if got := dl.Headers().Get(jsbus.HeaderArticleID); got != "" {
		t.Errorf("dead letter names article %q from a raw message's header", got)
	}
}
