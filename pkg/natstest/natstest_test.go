package natstest_test

import (
	"context"
	"testing"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/natstest"
)

// TestStartServesJetStream: the server takes a stream and a message, and
// it is down once the test that started it has ended.
func TestStartServesJetStream(t *testing.T) {
	var srv *natsserver.Server
	t.Run("inner", func(t *testing.T) {
		srv = natstest.Start(t)
		js := natstest.JetStream(t, srv.ClientURL())
		ctx := context.Background()
		if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "T", Subjects: []string{"t.>"}}); err != nil {
			t.Fatal(err)
		}
		if ack, err := js.Publish(ctx, "t.x", []byte("x")); err != nil || ack.Sequence != 1 {
			t.Fatalf("publish: %v, %+v", err, ack)
		}
	})
	if srv == nil || srv.Running() {
		t.Fatal("the server is still running after its test ended")
	}
}
