package jsbus_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

// rolePermissions are the permissions of /work/notes/issue-18-permissions.md
// (and the README's Security model) for the roles this test plays: each
// role subscribes only to its own inbox.
func rolePermissions() map[string]*natsserver.Permissions {
	api := "$JS.API."
	durableDeny := []string{
		api + "CONSUMER.MSG.NEXT.ARTICLES.enrich", api + "CONSUMER.MSG.NEXT.ARTICLES.store",
		api + "CONSUMER.CREATE.ARTICLES.enrich.>", api + "CONSUMER.CREATE.ARTICLES.store.>",
		api + "CONSUMER.DELETE.ARTICLES.enrich", api + "CONSUMER.DELETE.ARTICLES.store",
	}
	inbox := func(role string) *natsserver.SubjectPermission {
		return &natsserver.SubjectPermission{Allow: []string{"_INBOX." + role + ".>"}}
	}
	return map[string]*natsserver.Permissions{
		"admin": {Publish: &natsserver.SubjectPermission{Allow: []string{">"}}, Subscribe: &natsserver.SubjectPermission{Allow: []string{">"}}},
		"dropper": {
			Publish:   &natsserver.SubjectPermission{Allow: []string{jsbus.SubjectRaw}},
			Subscribe: inbox("dropper"),
		},
		"enrich": {
			Publish: &natsserver.SubjectPermission{Allow: []string{
				jsbus.SubjectEnriched, jsbus.DeadSubject(jsbus.StageEnrich),
				jsbus.SubjectQuotePrefix + ">", jsbus.SubjectEntityPrefix + ">",
				api + "STREAM.INFO.ARTICLES_IN", api + "STREAM.INFO.ARTICLES", api + "STREAM.INFO.ARTICLE_EVENTS", api + "STREAM.INFO.ARTICLES_DEAD",
				api + "CONSUMER.CREATE.ARTICLES.enrich.articles.parsed",
				api + "CONSUMER.INFO.ARTICLES.enrich",
				api + "CONSUMER.MSG.NEXT.ARTICLES.enrich",
				"$JS.ACK.ARTICLES.enrich.>",
			}},
			Subscribe: inbox("enrich"),
		},
		"subscriber": {
			Publish: &natsserver.SubjectPermission{
				Allow: []string{
					api + "STREAM.INFO.ARTICLES",
					api + "CONSUMER.CREATE.ARTICLES.*.articles.enriched",
					api + "CONSUMER.CREATE.ARTICLES.*.articles.stored",
					api + "CONSUMER.MSG.NEXT.ARTICLES.*", api + "CONSUMER.INFO.ARTICLES.*",
					api + "CONSUMER.DELETE.ARTICLES.*",
					api + "STREAM.INFO.ARTICLE_EVENTS",
					api + "CONSUMER.CREATE.ARTICLE_EVENTS.>",
					api + "CONSUMER.MSG.NEXT.ARTICLE_EVENTS.*", api + "CONSUMER.INFO.ARTICLE_EVENTS.*",
					api + "CONSUMER.DELETE.ARTICLE_EVENTS.*",
				},
				Deny: durableDeny,
			},
			Subscribe: inbox("subscriber"),
		},
	}
}

// TestLeastPrivilege plays the roles of the permission notes against a
// real server: each can do its work and nothing else that matters.
func TestLeastPrivilege(t *testing.T) {
	var users []*natsserver.User
	for name, p := range rolePermissions() {
		users = append(users, &natsserver.User{Username: name, Password: "pw-" + name, Permissions: p})
	}
	url := startWith(t, &natsserver.Options{JetStream: true, StoreDir: t.TempDir(), Users: users})
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	as := func(role string) jetstream.JetStream {
		t.Helper()
		cc := jsbus.ConnConfig{URL: url, User: role, Password: "pw-" + role, ConnectTimeout: 5 * time.Second}
		if role != "admin" {
			cc.InboxPrefix = "_INBOX." + role
		}
		nc, err := jsbus.Connect(ctx, cc, slog.New(slog.DiscardHandler))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(nc.Close)
		js, err := jetstream.New(nc, jetstream.WithDefaultTimeout(2*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		return js
	}
	admin := as("admin")
	cfg := jsbus.StreamConfig{Replicas: 1, Duplicates: time.Minute, Memory: true, MaxBytes: 64 << 20, InMaxBytes: 64 << 20}
	if _, err := jsbus.EnsureStream(ctx, admin, cfg); err != nil {
		t.Fatal(err)
	}
	pub := func(js jetstream.JetStream, subject string) error {
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		_, err := jsbus.NewPublisher(js).Publish(pctx, subject, "", []byte(`{}`), nil)
		return err
	}

	dropper, enrich, sub := as("dropper"), as("enrich"), as("subscriber")
	t.Run("dropper drops raw articles", func(t *testing.T) {
		if err := pub(dropper, jsbus.SubjectRaw); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("dropper cannot forge stage output", func(t *testing.T) {
		for _, s := range []string{jsbus.SubjectParsed, jsbus.SubjectEnriched, jsbus.DeadSubject(jsbus.StageEnrich), "$JS.API.STREAM.PURGE.ARTICLES"} {
			if err := pub(dropper, s); err == nil {
				t.Errorf("dropper published on %s", s)
			}
		}
	})
	t.Run("enrich runs with its grants only", func(t *testing.T) {
		if _, err := jsbus.EnsureStream(ctx, enrich, cfg); err != nil {
			t.Fatalf("stream check with STREAM.INFO only: %v", err)
		}
		if err := pub(admin, jsbus.SubjectParsed); err != nil {
			t.Fatal(err)
		}
		cc := testConfig()
		cc.Stage = jsbus.StageEnrich
		// Its outputs go out through the consume loop's asynchronous
		// publish, acks on the role's own inbox.
		runConsumer(t, enrich, cc, jsbus.HandlerFunc(func(ctx context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
			return []jsbus.Output{
				{Subject: jsbus.SubjectEnriched, MsgID: "enrich:x", Type: jsbus.TypeEnriched, Data: m.Data},
				{Subject: jsbus.SubjectQuotePrefix + "jane_doe", MsgID: "quote:x", Type: "org.newsflow.quote.v1", Data: m.Data},
				{Subject: jsbus.SubjectEntityPrefix + "org.who", MsgID: "entity:x", Type: "org.newsflow.entity.v1", Data: m.Data},
			}, nil
		}))
		for _, s := range []string{jsbus.SubjectEnriched, jsbus.SubjectQuotePrefix + "jane_doe", jsbus.SubjectEntityPrefix + "org.who"} {
			oc, err := admin.OrderedConsumer(ctx, jsbus.StreamOfSubject(s), jetstream.OrderedConsumerConfig{FilterSubjects: []string{s}})
			if err != nil {
				t.Fatal(err)
			}
			m, err := oc.Next(jetstream.FetchMaxWait(20 * time.Second))
			if err != nil {
				t.Fatalf("enrich's output on %s: %v", s, err)
			}
			if m.Headers().Get(jsbus.HeaderCESpecVersion) != jsbus.CESpecVersion {
				t.Errorf("%s: no CloudEvents headers: %v", s, m.Headers())
			}
		}
		for _, s := range []string{jsbus.SubjectStored, jsbus.SubjectParsed} {
			if err := pub(enrich, s); err == nil {
				t.Errorf("enrich published on %s", s)
			}
		}
	})
	t.Run("subscriber reads events but not the stages' queues", func(t *testing.T) {
		oc, err := sub.OrderedConsumer(ctx, jsbus.StreamName, jetstream.OrderedConsumerConfig{FilterSubjects: []string{jsbus.SubjectEnriched}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := oc.Next(jetstream.FetchMaxWait(5 * time.Second)); err != nil {
			t.Fatalf("read an event: %v", err)
		}
		short, cancelShort := context.WithTimeout(ctx, 3*time.Second)
		defer cancelShort()
		if _, err := sub.OrderedConsumer(short, jsbus.StreamDead, jetstream.OrderedConsumerConfig{FilterSubjects: []string{jsbus.SubjectDeadPrefix + ">"}}); err == nil {
			t.Error("subscriber read dead letters")
		}
		// A message waits for enrich (stopped now); the subscriber must
		// not be able to pull it (and so burn its deliveries).
		if err := pub(admin, jsbus.SubjectParsed); err != nil {
			t.Fatal(err)
		}
		if cons, err := sub.Consumer(short, jsbus.StreamName, jsbus.StageEnrich); err == nil {
			if b, err := cons.Fetch(1, jetstream.FetchMaxWait(time.Second)); err == nil {
				for range b.Messages() {
					t.Error("subscriber pulled from the enrich durable")
				}
			}
		}
		c, err := admin.Consumer(ctx, jsbus.StreamName, jsbus.StageEnrich)
		if err != nil {
			t.Fatal(err)
		}
		if info, err := c.Info(ctx); err != nil || info.NumPending != 1 || info.NumAckPending != 0 {
			t.Errorf("enrich durable after the subscriber's try: %+v, %v", info, err)
		}
		if err := pub(sub, jsbus.SubjectEnriched); err == nil {
			t.Error("subscriber published an event")
		}
		// Per-quote and per-entity events are the subscriber's to read,
		// one speaker or all of them, and not to write.
		for _, f := range []string{jsbus.SubjectQuotePrefix + "jane_doe", jsbus.SubjectEntityPrefix + ">"} {
			oc, err := sub.OrderedConsumer(ctx, jsbus.StreamEvents, jetstream.OrderedConsumerConfig{FilterSubjects: []string{f}})
			if err != nil {
				t.Fatalf("subscribe to %s: %v", f, err)
			}
			if _, err := oc.Next(jetstream.FetchMaxWait(5 * time.Second)); err != nil {
				t.Errorf("read %s: %v", f, err)
			}
		}
		if err := pub(sub, jsbus.SubjectQuotePrefix+"forged"); err == nil {
			t.Error("subscriber published a quote event")
		}
		if !strings.HasPrefix(sub.Conn().NewRespInbox(), "_INBOX.subscriber.") {
			t.Errorf("inbox prefix not applied: %s", sub.Conn().NewRespInbox())
		}
	})
}
