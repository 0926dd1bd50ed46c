package client_test

import (
	"context"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/client"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// TestSubscribeWithReaderRights subscribes as the SUBSCRIBER role of
// deploy/nats/auth.conf (as pkg/jsbus's permission test has it): an
// ephemeral subscription to articles.enriched needs no more rights than
// 'newsflow tail' always had.
func TestSubscribeWithReaderRights(t *testing.T) {
	const api = "$JS.API."
	sub := &natsserver.Permissions{
		Publish: &natsserver.SubjectPermission{Allow: []string{
			api + "STREAM.INFO.ARTICLES",
			api + "CONSUMER.CREATE.ARTICLES.*.articles.enriched",
			api + "CONSUMER.CREATE.ARTICLES.*.articles.stored",
			api + "CONSUMER.MSG.NEXT.ARTICLES.*", api + "CONSUMER.INFO.ARTICLES.*",
			api + "CONSUMER.DELETE.ARTICLES.*",
		}},
		Subscribe: &natsserver.SubjectPermission{Allow: []string{"_INBOX.subscriber.>"}},
	}
	srv := natstest.StartWith(t, &natsserver.Options{
		JetStream: true, StoreDir: t.TempDir(),
		Users: []*natsserver.User{{Username: "admin", Password: "pw-admin"}, {Username: "subscriber", Password: "pw-sub", Permissions: sub}},
	})
	nc, err := nats.Connect(srv.ClientURL(), nats.UserInfo("admin", "pw-admin"))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, _ := jetstream.New(nc)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := jsbus.EnsureStream(ctx, js, jsbus.DefaultStreamConfig()); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if _, err := js.Publish(ctx, jsbus.SubjectEnriched, mustJSON(t, makeArticle(i))); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"NATS_URL": srv.ClientURL(), "NATS_USER": "subscriber", "NATS_PASSWORD": "pw-sub", "NATS_INBOX_PREFIX": "_INBOX.subscriber"}
	cfg, err := client.ConfigFromEnv(func(k string) string { return env[k] }, "reader")
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.Connect(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	n := 0
	err = c.Subscribe(ctx, client.Filter{All: true, UntilCaughtUp: true}, func(context.Context, client.Event) error { n++; return nil })
	if err != nil || n != 3 {
		t.Fatalf("subscribe as a reader: %v, %d events, want 3", err, n)
	}
}
