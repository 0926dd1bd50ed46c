package client_test

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/client"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// TestSubscriptionOutlivesAnOutage: a subscription that is running when
// the server loses its consumer (as an ephemeral consumer, which has one
// replica, is lost with the cluster node that held it) or restarts goes
// on where it was, and hands over every event once, those published
// before, during and after the outage. Before, Subscribe ended with "no
// heartbeat received", "consumer deleted" or "no responders", and
// "newsflow tail" and the Go client with it.
func TestSubscriptionOutlivesAnOutage(t *testing.T) {
	for _, tc := range []struct {
		name    string
		durable string
		// outage disrupts the subscription on srv and returns the server
		// that serves afterwards.
		outage func(t *testing.T, srv *natsserver.Server, opts *natsserver.Options, js jetstream.JetStream) *natsserver.Server
	}{
		{name: "ephemeral, its consumer lost", outage: deleteConsumers},
		{name: "ephemeral, server restarted", outage: restartServer},
		{name: "durable, server restarted", durable: "desk", outage: restartServer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts, srv, js, b := outageBus(t)
			r := subscribeRunning(t, newClient(t, b), client.Filter{All: true, Durable: tc.durable})
			const before, after = 20, 20
			b.publishArticles(t, before)
			waitCount(t, r.count, before, r.done)

			srv = tc.outage(t, srv, opts, js)
			// The test's own connection reconnects to the server that
			// serves now; publish with retries while it does.
			for i := before; i < before+after; i++ {
				publishRetrying(t, b, i)
			}
			waitCount(t, r.count, before+after, r.done)
			r.stillRunning(t)
			r.mu.Lock()
			handledOnce(t, r.seen, before+after, "all 40 articles")
			r.mu.Unlock()
			r.stop(t)
		})
	}
}

// outageBus starts a JetStream server with the articles stream, on options
// a restart can reuse, and a bus to publish on it.
func outageBus(t *testing.T) (*natsserver.Options, *natsserver.Server, jetstream.JetStream, *bus) {
	t.Helper()
	opts := &natsserver.Options{JetStream: true, StoreDir: t.TempDir()}
	srv := natstest.StartRestartable(t, opts)
	js := natstest.JetStream(t, srv.ClientURL())
	if _, err := jsbus.EnsureStream(context.Background(), js, jsbus.DefaultStreamConfig()); err != nil {
		t.Fatal(err)
	}
	return opts, srv, js, &bus{url: srv.ClientURL(), js: js}
}

// running is a Subscribe running in the background, counting the
// articles its handler saw.
type running struct {
	mu     sync.Mutex
	seen   map[string]int
	done   chan error
	cancel context.CancelFunc
}

// subscribeRunning starts c.Subscribe(f) for at most 90 seconds.
func subscribeRunning(t *testing.T, c *client.Client, f client.Filter) *running {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	r := &running{seen: map[string]int{}, done: make(chan error, 1), cancel: cancel}
	go func() {
		r.done <- c.Subscribe(ctx, f, func(_ context.Context, ev client.Event) error {
			r.mu.Lock()
			r.seen[ev.ArticleID()]++
			r.mu.Unlock()
			return nil
		})
	}()
	return r
}

// count is how many articles the handler saw.
func (r *running) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.seen)
}

// stillRunning fails the test if Subscribe has ended.
func (r *running) stillRunning(t *testing.T) {
	t.Helper()
	select {
	case err := <-r.done:
		t.Fatalf("Subscribe ended: %v", err)
	default:
	}
}

// stop cancels the subscription and wants it to end without error.
func (r *running) stop(t *testing.T) {
	t.Helper()
	r.cancel()
	if err := <-r.done; err != nil {
		t.Fatalf("Subscribe after cancel: %v", err)
	}
}

// deleteConsumers deletes every consumer on the articles stream, as the
// loss of the node that held an ephemeral consumer does.
func deleteConsumers(t *testing.T, srv *natsserver.Server, _ *natsserver.Options, js jetstream.JetStream) *natsserver.Server {
	t.Helper()
	ctx := context.Background()
	st, err := js.Stream(ctx, jsbus.StreamName)
	if err != nil {
		t.Fatal(err)
	}
	names := st.ConsumerNames(ctx)
	var n int
	for name := range names.Name() {
		if err := js.DeleteConsumer(ctx, jsbus.StreamName, name); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if err := names.Err(); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no consumer to delete: the subscription has none")
	}
	return srv
}

// restartServer stops the server for three seconds, longer than a
// subscriber's heartbeats may be missed, and starts it again.
func restartServer(t *testing.T, srv *natsserver.Server, opts *natsserver.Options, _ jetstream.JetStream) *natsserver.Server {
	t.Helper()
	return natstest.Restart(t, srv, opts, 3*time.Second)
}

// publishRetrying publishes makeArticle(i) until the server takes it.
func publishRetrying(t *testing.T, b *bus, i int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := publishOnce(b, makeArticle(i))
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("publish article %d: %v", i, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func publishOnce(b *bus, a client.Article) error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	data, err := json.Marshal(a)
	if err != nil {
		return err
	}
	_, err = b.js.Publish(ctx, jsbus.SubjectEnriched, data, jetstream.WithMsgID("enrich:"+a.ID+":r0"))
	return err
}

// waitCount waits until count reaches n, failing early if Subscribe ends.
func waitCount(t *testing.T, count func() int, n int, done <-chan error) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for count() < n {
		select {
		case err := <-done:
			t.Fatalf("Subscribe ended with %d of %d events: %v", count(), n, err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d events after 60s", count(), n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestQuietSubscriptionOutlivesTwoOutages: an outage long after another
// ended is a new one, though no event came between to say it had ended.
// (A quiet subscription, `tail --speaker X`, ended at once at its second
// outage once the first was older than the limit; found by a reviewer.)
func TestQuietSubscriptionOutlivesTwoOutages(t *testing.T) {
	_, srv, js, b := outageBus(t)
	c := newClient(t, b)
	client.SetOutageTimes(c, 3*time.Second, time.Second)
	r := subscribeRunning(t, c, client.Filter{All: true})
	b.publishArticles(t, 5)
	waitCount(t, r.count, 5, r.done)
	// Two outages, with no event between and the first over for longer
	// than the limit when the second comes.
	deleteConsumers(t, srv, nil, js)
	time.Sleep(5 * time.Second)
	deleteConsumers(t, srv, nil, js)
	time.Sleep(500 * time.Millisecond)
	for i := 5; i < 10; i++ {
		publishRetrying(t, b, i)
	}
	waitCount(t, r.count, 10, r.done)
	r.stillRunning(t)
	r.stop(t)
}
