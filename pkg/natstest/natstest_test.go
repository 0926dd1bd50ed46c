package natstest_test

import (
	"context"
	"net"
	"strconv"
	"testing"
	"time"

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

// TestRestartKeepsPortAndStreams: a restartable server listens below the
// ephemeral range, and after Restart it is back on the same port with the
// stream and its message.
func TestRestartKeepsPortAndStreams(t *testing.T) {
	opts := &natsserver.Options{JetStream: true, StoreDir: t.TempDir()}
	srv := natstest.StartRestartable(t, opts)
	url := srv.ClientURL()
	if port := srv.Addr().(*net.TCPAddr).Port; port < 2000 || port >= 10000 {
		t.Fatalf("port %d, want one in 2000-9999", port)
	}
	ctx := context.Background()
	js := natstest.JetStream(t, url)
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{Name: "T", Subjects: []string{"t.>"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, "t.x", []byte("x")); err != nil {
		t.Fatal(err)
	}
	srv = natstest.Restart(t, srv, opts, 100*time.Millisecond)
	if srv.ClientURL() != url {
		t.Fatalf("restarted on %s, want %s", srv.ClientURL(), url)
	}
	s, err := natstest.JetStream(t, url).Stream(ctx, "T")
	if err != nil {
		t.Fatal(err)
	}
	if n := s.CachedInfo().State.Msgs; n != 1 {
		t.Fatalf("stream holds %d messages after the restart, want 1", n)
	}
}

// TestPortsNeverTwice: every port is in the range, free, and handed out once.
func TestPortsNeverTwice(t *testing.T) {
	p := natstest.NewPorts(3000, 3050)
	seen := map[int]bool{}
	for range 20 {
		port := p.Free(t)
		if port < 3000 || port >= 3050 {
			t.Fatalf("port %d outside 3000-3049", port)
		}
		if seen[port] {
			t.Fatalf("port %d handed out twice", port)
		}
		seen[port] = true
		ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			t.Fatalf("port %d is not free: %v", port, err)
		}
		ln.Close()
	}
}
