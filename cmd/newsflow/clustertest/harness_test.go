package clustertest

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/natstest"
)

// repoRoot is the repository root, from this package's directory.
const repoRoot = "../../.."

// binDir holds the binaries TestMain builds: nats-server (the go.mod tool
// of cmd/newsflow), newsflow, ingest, enrich, store.
var binDir string

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		os.Exit(m.Run())
	}
	dir, err := os.MkdirTemp("", "newsflow-clustertest-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "clustertest:", err)
		os.Exit(1)
	}
	cmd := exec.Command("go", "build", "-o", dir+string(filepath.Separator),
		"github.com/nats-io/nats-server/v2", "./cmd/newsflow", "./services/ingest", "./services/enrich", "./services/store")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "clustertest: go build: %v\n%s", err, out)
		_ = os.RemoveAll(dir)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

var ports = natstest.NewPorts(20000, 32000)

// freePort gives a port of this package's range, below the ephemeral one
// and apart from faulttest 10000-19999, which go test work runs beside it
// (natstest.Ports says why).
func freePort(t *testing.T) int {
	t.Helper()
	return ports.Free(t)
}

// proc is one OS process the test can kill and restart; its output is
// appended to one log file across restarts.
type proc struct {
	name    string
	bin     string
	args    []string
	env     []string
	logPath string

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
}

func (p *proc) start(t *testing.T) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	f, err := os.OpenFile(p.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "=== start %s at %s\n", p.name, time.Now().Format(time.RFC3339Nano))
	cmd := exec.Command(p.bin, p.args...)
	cmd.Env = append(os.Environ(), p.env...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		f.Close()
		t.Fatalf("start %s: %v", p.name, err)
	}
	done := make(chan struct{})
	p.cmd, p.done = cmd, done
	// Owned by the proc: stop and the cleanup wait for done.
	go func() {
		err := cmd.Wait()
		fmt.Fprintf(f, "=== %s exited: %v\n", p.name, err)
		f.Close()
		close(done)
	}()
}

// stop sends sig and waits for the exit (killing after timeout).
func (p *proc) stop(sig syscall.Signal, timeout time.Duration) error {
	p.mu.Lock()
	cmd, done := p.cmd, p.done
	p.mu.Unlock()
	if cmd == nil {
		return nil
	}
	select {
	case <-done:
		return nil
	default:
	}
	_ = cmd.Process.Signal(sig)
	select {
	case <-done:
		return nil
	case <-time.After(timeout):
		_ = cmd.Process.Kill()
		<-done
		return fmt.Errorf("%s did not exit within %v of %v", p.name, timeout, sig)
	}
}

func (p *proc) running() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd == nil {
		return false
	}
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

func (p *proc) tail(n int) string {
	b, err := os.ReadFile(p.logPath)
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// node is one NATS server of the cluster.
type node struct {
	proc
	name                        string
	clientPort, routePort, http int
}

// waitFor polls cond until it holds or timeout passes.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, status := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s: %s", timeout, what, status)
		}
		time.Sleep(250 * time.Millisecond)
	}
}

func portOpen(port int) bool {
	c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), time.Second)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

// healthy asks a node's monitoring /healthz, which answers 200 once
// JetStream is up and its streams and consumers are current.
func (n *node) healthy() (bool, string) {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/healthz", n.http))
	if err != nil {
		return false, err.Error()
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, resp.Status
}

// nodeConfig writes deploy/nats/cluster.conf for node n, with routes to
// the three peers, into dir, with loopback ports, the test's certificates and data
// directory in place of the deployment's; each replaced string must be in
// the file, so the deployment file cannot drift from what runs here.
func nodeConfig(t *testing.T, dir, tlsDir string, n *node, nodes []*node) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "deploy/nats/cluster.conf"))
	if err != nil {
		t.Fatal(err)
	}
	repl := []string{
		"listen: 0.0.0.0:4222", fmt.Sprintf("listen: 127.0.0.1:%d", n.clientPort),
		"http: 0.0.0.0:8222", fmt.Sprintf("http: 127.0.0.1:%d", n.http),
		"listen: 0.0.0.0:6222", fmt.Sprintf("listen: 127.0.0.1:%d", n.routePort),
		`store_dir: "/data"`, fmt.Sprintf("store_dir: %q", filepath.Join(dir, "js")),
		"/etc/nats/tls/", tlsDir + "/",
	}
	for j, o := range nodes {
		repl = append(repl, fmt.Sprintf(`"nats-route://nats-%d:6222"`, j+1), fmt.Sprintf(`"nats-route://127.0.0.1:%d"`, o.routePort))
	}
	s := string(b)
	for k := 0; k < len(repl); k += 2 {
		if !strings.Contains(s, repl[k]) {
			t.Fatalf("deploy/nats/cluster.conf lacks %q", repl[k])
		}
		s = strings.ReplaceAll(s, repl[k], repl[k+1])
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	auth, err := os.ReadFile(filepath.Join(repoRoot, "deploy/nats/auth.conf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "auth.conf"), auth, 0o644); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "cluster.conf")
	if err := os.WriteFile(conf, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return conf
}

// startFerretDB runs the embedded MongoDB-compatible server (as 'newsflow
// up' does) in the test process and returns its URI.
func startFerretDB(t *testing.T) string {
	t.Helper()
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Handler:   "sqlite",
		SQLiteURL: "file:" + t.TempDir() + "/",
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = f.Run(ctx) })
	t.Cleanup(func() { cancel(); wg.Wait() })
	uri := f.MongoDBURI()
	host := strings.TrimPrefix(uri, "mongodb://")
	host = host[:strings.IndexAny(host+"/", "/?")]
	waitFor(t, 10*time.Second, "ferretdb", func() (bool, string) {
		c, err := net.Dial("tcp", host)
		if err != nil {
			return false, err.Error()
		}
		c.Close()
		return true, ""
	})
	return uri
}

// streamOf returns the stream that holds subject (one stream for all, or
// one for the input and one for the rest: the test does not assume).
func streamOf(ctx context.Context, js jetstream.JetStream, subject string) (jetstream.Stream, error) {
	name, err := js.StreamNameBySubject(ctx, subject)
	if err != nil {
		return nil, fmt.Errorf("stream of %s: %w", subject, err)
	}
	return js.Stream(ctx, name)
}

// countSubject returns the messages on subject (a filter, may end in >).
func countSubject(ctx context.Context, js jetstream.JetStream, subject string) (uint64, error) {
	s, err := streamOf(ctx, js, subject)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	info, err := s.Info(ctx, jetstream.WithSubjectFilter(subject))
	if err != nil {
		return 0, err
	}
	var n uint64
	for _, k := range info.State.Subjects {
		n += k
	}
	return n, nil
}

// headerValues reads header h of every message on subject.
func headerValues(ctx context.Context, js jetstream.JetStream, subject, h string, want uint64) ([]string, error) {
	if want == 0 {
		return nil, nil
	}
	s, err := streamOf(ctx, js, subject)
	if err != nil {
		return nil, err
	}
	oc, err := s.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}, HeadersOnly: true})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", subject, err)
	}
	var out []string
	for uint64(len(out)) < want {
		b, err := oc.Fetch(int(min(want-uint64(len(out)), 500)), jetstream.FetchMaxWait(3*time.Second))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", subject, err)
		}
		got := 0
		for m := range b.Messages() {
			got++
			out = append(out, m.Headers().Get(h))
		}
		if got == 0 {
			return nil, fmt.Errorf("read %s: %d of %d messages", subject, len(out), want)
		}
	}
	return out, nil
}

// connect dials the cluster as the operator, over TLS, to all URLs.
func connect(t *testing.T, urls, ca, pass string) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(urls, nats.RootCAs(ca), nats.UserInfo("operator", pass),
		nats.MaxReconnects(-1), nats.ReconnectWait(200*time.Millisecond), nats.Name("clustertest"))
	if err != nil {
		t.Fatalf("connect %s: %v", urls, err)
	}
	t.Cleanup(nc.Close)
	return nc
}

func mkdir(p string) error { return os.MkdirAll(p, 0o700) }

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// numRoutes asks a node's monitoring /routez how many distinct servers it
// has routes to (a route pool may open several connections per server).
func numRoutes(httpPort int) (int, error) {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/routez", httpPort))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var rz struct {
		Routes []struct {
			RemoteName string `json:"remote_name"`
			RemoteID   string `json:"remote_id"`
		} `json:"routes"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&rz); err != nil {
		return 0, err
	}
	peers := map[string]bool{}
	for _, r := range rz.Routes {
		peers[r.RemoteID] = true
	}
	return len(peers), nil
}
