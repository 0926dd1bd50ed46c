package jsbus_test

import (
	"context"
	"testing"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

// TestConsumerUpgrade: a durable made by an older newsflow (max deliver
// counted by the server) is updated to the unlimited one in place.
func TestConsumerUpgrade(t *testing.T) {
	js := connect(t, startServer(t))
	ctx := context.Background()
	if _, err := js.CreateOrUpdateConsumer(ctx, jsbus.StreamName, jetstream.ConsumerConfig{
		Durable: jsbus.StageEnrich, FilterSubject: jsbus.SubjectParsed, AckPolicy: jetstream.AckExplicitPolicy, MaxDeliver: 20,
	}); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	cfg.Stage = jsbus.StageEnrich
	if _, err := jsbus.NewConsumer(ctx, js, cfg, noOutput(func(context.Context, *jsbus.Msg) error { return nil })); err != nil {
		t.Fatal(err)
	}
	c, err := js.Consumer(ctx, jsbus.StreamName, jsbus.StageEnrich)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.CachedInfo().Config.MaxDeliver; got != -1 {
		t.Errorf("max deliver %d after the upgrade, want -1", got)
	}
}
