// Package natstest runs a real NATS server with JetStream inside a test,
// so that tests of every module start it the same way: on a free port of
// the loopback interface, its storage in the test's temporary directory,
// shut down when the test ends.
package natstest

import (
	"math/rand/v2"
	"net"
	"strconv"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Start runs the server and returns it once it accepts connections; the
// test's cleanup shuts it down (a test may shut it down earlier itself).
func Start(t testing.TB) *natsserver.Server {
	t.Helper()
	return StartWith(t, &natsserver.Options{JetStream: true, StoreDir: t.TempDir()})
}

// StartWith is Start with the test's own options (credentials, TLS,
// accounts); the host, a free port and NoSigs are set here.
func StartWith(t testing.TB, opts *natsserver.Options) *natsserver.Server {
	t.Helper()
	return startOn(t, opts, -1)
}

// StartRestartable is StartWith on a port below Linux's ephemeral range
// (32768-60999), for a server the test will Restart: while a server on an
// ephemeral port is down, the kernel may hand that port to any process's
// outgoing connection, and the server could not bind it again. The port is
// taken in 2000-9999, which the fault and cluster tests (10000-31999)
// leave alone.
func StartRestartable(t testing.TB, opts *natsserver.Options) *natsserver.Server {
	t.Helper()
	for range 1000 {
		p := 2000 + rand.IntN(8000)
		ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(p)))
		if err != nil {
			continue
		}
		_ = ln.Close()
		return startOn(t, opts, p)
	}
	t.Fatal("natstest: no free port in 2000-9999")
	return nil
}

// Restart shuts srv down as a crash would end it, keeps it down for down,
// and starts a server with opts (those srv was started with) again on the
// same port and storage: what a client sees of a server that dies and
// comes back. Start srv with StartRestartable. The test's cleanup shuts the new one down.
func Restart(t testing.TB, srv *natsserver.Server, opts *natsserver.Options, down time.Duration) *natsserver.Server {
	t.Helper()
	addr, ok := srv.Addr().(*net.TCPAddr)
	if !ok {
		t.Fatalf("natstest: server address %v is not TCP", srv.Addr())
	}
	srv.Shutdown()
	srv.WaitForShutdown()
	time.Sleep(down) // the outage itself
	return startOn(t, opts, addr.Port)
}

func startOn(t testing.TB, opts *natsserver.Options, port int) *natsserver.Server {
	t.Helper()
	opts.Host, opts.Port, opts.NoSigs = "127.0.0.1", port, true
	srv, err := natsserver.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats not ready")
	}
	t.Cleanup(func() { srv.Shutdown(); srv.WaitForShutdown() })
	return srv
}

// JetStream connects to url and returns a JetStream handle; the test's
// cleanup closes the connection.
func JetStream(t testing.TB, url string) jetstream.JetStream {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return js
}
