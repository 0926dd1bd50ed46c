package enrich_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/services/enrich/enrich"
)

// TestStoriesWaitForTheBus: with the bus away while the service starts,
// copy and story recognition keeps trying until its context ends instead
// of failing on the first refusal (a NATS restart must not end enrich).
func TestStoriesWaitForTheBus(t *testing.T) {
	// Nothing listens on this port: the connection stays reconnecting.
	nc, err := nats.Connect("nats://127.0.0.1:1", nats.RetryOnFailedConnect(true), nats.MaxReconnects(-1), nats.ReconnectWait(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	// Each JetStream call gives up quickly, as one does when the server
	// is down for longer than the API timeout.
	js, err := jetstream.New(nc, jetstream.WithDefaultTimeout(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	// No deadline on the context: the service's own start-up has none.
	ctx, cancel := context.WithCancel(context.Background())
	stop := time.AfterFunc(1500*time.Millisecond, cancel)
	defer func() { stop.Stop(); cancel() }()
	start := time.Now()
	_, _, err = enrich.StoriesFromEnv(ctx, js, func(string) string { return "" }, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want the context's end after retrying", err)
	}
	if waited := time.Since(start); waited < time.Second {
		t.Fatalf("gave up after %v, before its context ended", waited)
	}
}
