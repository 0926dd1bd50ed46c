// Package natstest runs a real NATS server with JetStream inside a test,
// so that tests of every module start it the same way: on a free port of
// the loopback interface, its storage in the test's temporary directory,
// shut down when the test ends.
package natstest

import (
	"math/rand/v2"
	"net"
	"strconv"
	"sync"
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

// Ports hands out TCP ports no one listens on from [lo, hi), a range
// below Linux's ephemeral one (32768-60999), and never the same port twice.
// A server a test stops and starts again needs such a port: while it is
// down, a port from the ephemeral range may be handed to any process's
// outgoing connection, and the server could not bind it again. Test
// packages that run side by side take ranges of their own (faulttest
// 10000-19999, clustertest 20000-31999, StartRestartable 2000-9999).
type Ports struct {
	lo, hi int
	mu     sync.Mutex
	given  map[int]bool
}

// NewPorts returns the ports of [lo, hi).
func NewPorts(lo, hi int) *Ports {
	return &Ports{lo: lo, hi: hi, given: map[int]bool{}}
}

// Free returns a port of the range that was free a moment ago and was not
// handed out before; the test fails when it finds none.
func (p *Ports) Free(t testing.TB) int {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	for range 1000 {
		port := p.lo + rand.IntN(p.hi-p.lo)
		if p.given[port] {
			continue
		}
		ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			continue
		}
		_ = ln.Close()
		p.given[port] = true
		return port
	}
	t.Fatalf("natstest: no free port in %d-%d", p.lo, p.hi-1)
	return 0
}

// StartRestartable is StartWith on a port of 2000-9999 (see Ports), for a
// server the test will Restart.
func StartRestartable(t testing.TB, opts *natsserver.Options) *natsserver.Server {
	t.Helper()
	return startOn(t, opts, NewPorts(2000, 10000).Free(t))
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
