package faulttest

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// binDir holds the binaries TestMain builds: newsflow, ingest, enrich, store.
var binDir string

// corpusPath is the Wikinews corpus, in ../shared beside the repository.
const corpusPath = "../../../../shared/corpus/wikinews-2019.csv"

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		os.Exit(m.Run()) // every test skips itself
	}
	dir, err := os.MkdirTemp("", "newsflow-faulttest-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "faulttest:", err)
		os.Exit(1)
	}
	if err := buildBinaries(dir); err != nil {
		fmt.Fprintln(os.Stderr, "faulttest:", err)
		_ = os.RemoveAll(dir)
		os.Exit(1)
	}
	binDir = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// buildBinaries builds the four binaries with one go build from the
// repository root (workspace mode).
func buildBinaries(dir string) error {
	root, err := filepath.Abs("../../..")
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(root, "go.work")); err != nil {
		return fmt.Errorf("repository root %s: %w", root, err)
	}
	cmd := exec.Command("go", "build", "-o", dir+string(filepath.Separator),
		"./cmd/newsflow", "./services/ingest", "./services/enrich", "./services/store")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %w\n%s", err, out)
	}
	return nil
}

// needBinaries skips the test in -short mode.
func needBinaries(t *testing.T) {
	t.Helper()
	if testing.Short() || binDir == "" {
		t.Skip("real-process fault tests are skipped in -short mode")
	}
}

var ports = natstest.NewPorts(10000, 20000)

// freePort gives a port of this package's range, below the ephemeral one
// and apart from clustertest 20000-31999, which go test work runs beside it
// (natstest.Ports says why).
func freePort(t *testing.T) int {
	t.Helper()
	return ports.Free(t)
}

// proc is one OS process of the stack that a test can kill and restart.
// Its output goes to a log file that is appended to across restarts.
type proc struct {
	name    string
	bin     string
	args    []string
	env     []string
	logPath string

	mu     sync.Mutex
	cmd    *exec.Cmd
	done   chan struct{} // closed when the current run has exited
	starts int
}

// start runs the process; it must not be running.
func (p *proc) start() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd != nil {
		select {
		case <-p.done:
		default:
			return fmt.Errorf("%s: start while running", p.name)
		}
	}
	f, err := os.OpenFile(p.logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	fmt.Fprintf(f, "=== start %d of %s at %s\n", p.starts+1, p.name, time.Now().Format(time.RFC3339Nano))
	cmd := exec.Command(p.bin, p.args...)
	cmd.Env = append(os.Environ(), p.env...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		f.Close()
		return fmt.Errorf("start %s: %w", p.name, err)
	}
	p.starts++
	done := make(chan struct{})
	p.cmd, p.done = cmd, done
	// This goroutine is owned by the proc: every stop and the cleanup wait
	// for done.
	go func() {
		err := cmd.Wait()
		fmt.Fprintf(f, "=== %s exited: %v\n", p.name, err)
		f.Close()
		close(done)
	}()
	return nil
}

// mustStart starts p or fails the test (call it from the test goroutine).
func (p *proc) mustStart(t *testing.T) {
	t.Helper()
	if err := p.start(); err != nil {
		t.Fatal(err)
	}
}

// running reports whether the process runs.
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

// stop sends sig and waits up to timeout for the exit; it returns how long
// the exit took, and an error if the process outlived the timeout (it is
// then killed).
func (p *proc) stop(sig syscall.Signal, timeout time.Duration) (time.Duration, error) {
	p.mu.Lock()
	cmd, done := p.cmd, p.done
	p.mu.Unlock()
	if cmd == nil {
		return 0, nil
	}
	start := time.Now()
	select {
	case <-done:
		return 0, nil
	default:
	}
	_ = cmd.Process.Signal(sig)
	select {
	case <-done:
		return time.Since(start), nil
	case <-time.After(timeout):
		_ = cmd.Process.Kill()
		<-done
		return time.Since(start), fmt.Errorf("%s did not exit within %v of %v", p.name, timeout, sig)
	}
}

// exitCode is the last run's exit code (-1 when killed by a signal).
func (p *proc) exitCode() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd == nil || p.cmd.ProcessState == nil {
		return -2
	}
	return p.cmd.ProcessState.ExitCode()
}

// tail returns the last n lines of the process's log.
func (p *proc) tail(n int) string {
	b, err := os.ReadFile(p.logPath)
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// log returns the whole log of the process.
func (p *proc) log() string {
	b, _ := os.ReadFile(p.logPath)
	return string(b)
}

// clusterOptions configure a test stack.
type clusterOptions struct {
	// natsEnv is added to the NATS server's environment (auth settings).
	natsEnv []string
	// serviceEnv is added to each service's environment (credentials,
	// overrides of the defaults below).
	serviceEnv []string
	// natsURL is the URL clients and services use; default nats://127.0.0.1:PORT.
	natsURL func(port int) string
	// clientOpts are the test client's extra NATS options (credentials).
	clientOpts []nats.Option
}

// Services of the pipeline, in flow order.
var services = []string{"ingest", "enrich", "store"}

// cluster is a newsflow stack of five OS processes.
type cluster struct {
	t         *testing.T
	dir       string
	natsPort  int
	mongoPort int
	natsURL   string
	mongoURI  string
	nats      *proc
	mongo     *proc
	svc       map[string]*proc

	nc    *nats.Conn
	js    jetstream.JetStream
	mongC *mongo.Client
	coll  *mongo.Collection
}

// newCluster starts NATS and MongoDB processes and the three services, and
// connects the test's clients. Everything is killed when the test ends; on
// failure the tails of the processes' logs are printed.
func newCluster(t *testing.T, o clusterOptions) *cluster {
	t.Helper()
	needBinaries(t)
	c := &cluster{t: t, dir: t.TempDir(), natsPort: freePort(t), mongoPort: freePort(t), svc: map[string]*proc{}}
	c.natsURL = fmt.Sprintf("nats://127.0.0.1:%d", c.natsPort)
	if o.natsURL != nil {
		c.natsURL = o.natsURL(c.natsPort)
	}
	c.mongoURI = fmt.Sprintf("mongodb://127.0.0.1:%d/", c.mongoPort)
	data := filepath.Join(c.dir, "data")
	nf := filepath.Join(binDir, "newsflow")
	c.nats = &proc{name: "nats", bin: nf, logPath: filepath.Join(c.dir, "nats.log"), env: o.natsEnv,
		args: []string{"up", "--no-services", "--servers", "nats", "--nats-port", strconv.Itoa(c.natsPort), "--data", data, "--health-addr", "off"}}
	c.mongo = &proc{name: "mongo", bin: nf, logPath: filepath.Join(c.dir, "mongo.log"),
		args: []string{"up", "--no-services", "--servers", "mongo", "--mongo-port", strconv.Itoa(c.mongoPort), "--data", data, "--health-addr", "off"}}
	env := []string{
		"NATS_URL=" + c.natsURL,
		"MONGO_URI=" + c.mongoURI,
		"HEALTH_ADDR=off",
		"ACK_WAIT=10s",
		"SHUTDOWN_GRACE=8s",
		"LOG_LEVEL=info",
	}
	env = append(env, o.serviceEnv...)
	for _, s := range services {
		c.svc[s] = &proc{name: s, bin: filepath.Join(binDir, s), env: env, logPath: filepath.Join(c.dir, s+".log")}
	}
	t.Cleanup(c.shutdown)

	c.nats.mustStart(t)
	c.mongo.mustStart(t)
	c.waitPort(c.natsPort)
	c.waitPort(c.mongoPort)

	opts := append([]nats.Option{nats.MaxReconnects(-1), nats.ReconnectWait(200 * time.Millisecond), nats.Name("faulttest")}, o.clientOpts...)
	nc, err := nats.Connect(c.natsURL, opts...)
	if err != nil {
		t.Fatalf("connect nats: %v", err)
	}
	c.nc = nc
	if c.js, err = jetstream.New(nc); err != nil {
		t.Fatal(err)
	}
	// The stream exists before anything is dropped, as the services would
	// create it (same settings, so their EnsureStream is a no-op).
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := jsbus.EnsureStream(ctx, c.js, jsbus.DefaultStreamConfig()); err != nil {
		t.Fatalf("stream: %v", err)
	}
	mc, err := mongo.Connect(options.Client().ApplyURI(c.mongoURI).SetServerSelectionTimeout(5 * time.Second))
	if err != nil {
		t.Fatal(err)
	}
	c.mongC, c.coll = mc, mc.Database("newsflow").Collection("articles")
	for _, s := range services {
		c.svc[s].mustStart(t)
	}
	return c
}

// procs lists every process of the cluster.
func (c *cluster) procs() []*proc {
	return []*proc{c.nats, c.mongo, c.svc["ingest"], c.svc["enrich"], c.svc["store"]}
}

// shutdown kills every process and closes the clients; on failure it
// prints the tail of each process's log.
func (c *cluster) shutdown() {
	if c.t.Failed() {
		for _, p := range c.procs() {
			c.t.Logf("---- tail of %s log (%s) ----\n%s", p.name, p.logPath, p.tail(40))
		}
	}
	for _, p := range c.procs() {
		if _, err := p.stop(syscall.SIGKILL, 10*time.Second); err != nil {
			c.t.Errorf("cleanup: %v", err)
		}
	}
	if c.nc != nil {
		c.nc.Close()
	}
	if c.mongC != nil {
		_ = c.mongC.Disconnect(context.Background())
	}
}

// waitPort waits until something listens on port.
func (c *cluster) waitPort(port int) {
	c.t.Helper()
	waitFor(c.t, 60*time.Second, fmt.Sprintf("port %d listening", port), func() (bool, string) {
		conn, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
		if err != nil {
			return false, err.Error()
		}
		conn.Close()
		return true, ""
	})
}

// waitFor polls cond every 250ms until it holds or timeout passes; then the
// test fails with what cond said last.
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

// restartServer stops a server process with sig, keeps it down for down,
// and starts it again on the same port and data directory.
func (c *cluster) restartServer(p *proc, port int, sig syscall.Signal, down time.Duration) {
	c.t.Helper()
	if _, err := p.stop(sig, 30*time.Second); err != nil {
		c.t.Errorf("stop %s: %v", p.name, err)
	}
	c.t.Logf("%s stopped with %v; down for %v", p.name, sig, down)
	time.Sleep(down) // the outage itself: a duration, not a wait for an outcome
	c.waitPortFree(port)
	p.mustStart(c.t)
	c.waitPort(port)
	c.t.Logf("%s restarted on port %d", p.name, port)
}

// waitPortFree waits until port can be bound again.
func (c *cluster) waitPortFree(port int) {
	c.t.Helper()
	waitFor(c.t, 30*time.Second, fmt.Sprintf("port %d free", port), func() (bool, string) {
		ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
		if err != nil {
			return false, err.Error()
		}
		ln.Close()
		return true, ""
	})
}

// publishRaw publishes one raw article as 'newsflow drop' does: with its
// hash as the Nats-Msg-Id. It reports whether the stream saw a duplicate.
func (c *cluster) publishRaw(ctx context.Context, name string, data []byte, contentType string) (bool, error) {
	hdr := nats.Header{}
	hdr.Set(jsbus.HeaderSourceName, name)
	if contentType != "" {
		hdr.Set(jsbus.HeaderContentType, contentType)
	}
	return c.publish(ctx, jsbus.SubjectRaw, "raw:"+article.HashBytes(data), data, hdr)
}

// publish publishes to subject and waits for the stream's ack, retrying
// while the server is unreachable.
func (c *cluster) publish(ctx context.Context, subject, msgID string, data []byte, hdr nats.Header) (bool, error) {
	for {
		pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		ack, err := c.js.PublishMsg(pctx, &nats.Msg{Subject: subject, Data: data, Header: hdr}, jetstream.WithMsgID(msgID))
		cancel()
		if err == nil {
			return ack.Duplicate, nil
		}
		if ctx.Err() != nil {
			return false, fmt.Errorf("publish %s: %w", subject, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// dropFiles runs 'newsflow drop' on paths, as a user would.
func (c *cluster) dropFiles(env []string, paths ...string) (string, error) {
	cmd := exec.Command(filepath.Join(binDir, "newsflow"), append([]string{"drop"}, paths...)...)
	cmd.Env = append(append(os.Environ(), "NATS_URL="+c.natsURL), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("newsflow drop: %w\n%s", err, out.String())
	}
	return out.String(), nil
}

// counts is the outcome of a run, read from the stream and the database.
type counts struct {
	docs, complete     int64
	enrichedTotal      uint64
	enrichedDistinct   int
	dead               uint64
	deadByStage        map[string]uint64
	raw, parsed, store uint64
}

func (n counts) String() string {
	return fmt.Sprintf("docs=%d complete=%d enriched=%d (distinct ids %d) dead=%d %v raw=%d parsed=%d stored-notices=%d",
		n.docs, n.complete, n.enrichedTotal, n.enrichedDistinct, n.dead, n.deadByStage, n.raw, n.parsed, n.store)
}

// subjectCounts returns the number of messages per subject in the stream.
func (c *cluster) subjectCounts(ctx context.Context) (map[string]uint64, error) {
	out := map[string]uint64{}
	for _, name := range []string{jsbus.StreamIn, jsbus.StreamName, jsbus.StreamDead} {
		s, err := c.js.Stream(ctx, name)
		if err != nil {
			return nil, fmt.Errorf("stream %s: %w", name, err)
		}
		info, err := s.Info(ctx, jetstream.WithSubjectFilter("articles.>"))
		if err != nil {
			return nil, fmt.Errorf("stream info %s: %w", name, err)
		}
		for k, v := range info.State.Subjects {
			out[k] += v
		}
	}
	return out, nil
}

// count reads every figure of the outcome.
func (c *cluster) count(ctx context.Context) (counts, error) {
	var n counts
	subj, err := c.subjectCounts(ctx)
	if err != nil {
		return n, err
	}
	n.deadByStage = map[string]uint64{}
	for s, k := range subj {
		if stage, ok := strings.CutPrefix(s, jsbus.SubjectDeadPrefix); ok {
			n.dead += k
			n.deadByStage[stage] = k
		}
	}
	n.raw, n.parsed, n.store, n.enrichedTotal = subj[jsbus.SubjectRaw], subj[jsbus.SubjectParsed], subj[jsbus.SubjectStored], subj[jsbus.SubjectEnriched]
	ids, err := c.headerValues(ctx, jsbus.SubjectEnriched, jsbus.HeaderArticleID, n.enrichedTotal)
	if err != nil {
		return n, err
	}
	distinct := map[string]bool{}
	for _, id := range ids {
		distinct[id] = true
	}
	n.enrichedDistinct = len(distinct)
	if n.docs, err = c.coll.CountDocuments(ctx, bson.D{}); err != nil {
		return n, fmt.Errorf("count documents: %w", err)
	}
	complete := bson.D{
		{Key: "headline", Value: bson.D{{Key: "$exists", Value: true}, {Key: "$ne", Value: ""}}},
		{Key: "body", Value: bson.D{{Key: "$exists", Value: true}, {Key: "$ne", Value: ""}}},
		{Key: "entities", Value: bson.D{{Key: "$exists", Value: true}}},
		{Key: "quotes", Value: bson.D{{Key: "$exists", Value: true}}},
		{Key: "schema_version", Value: bson.D{{Key: "$exists", Value: true}}},
	}
	if n.complete, err = c.coll.CountDocuments(ctx, complete); err != nil {
		return n, fmt.Errorf("count complete documents: %w", err)
	}
	return n, nil
}

// headerValues reads header h of every message on subject (headers only).
func (c *cluster) headerValues(ctx context.Context, subject, h string, want uint64) ([]string, error) {
	if want == 0 {
		return nil, nil
	}
	oc, err := c.js.OrderedConsumer(ctx, jsbus.StreamOfSubject(subject), jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{subject}, HeadersOnly: true,
	})
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
		if err := b.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
			return nil, fmt.Errorf("read %s: %w", subject, err)
		}
		if got == 0 {
			return nil, fmt.Errorf("read %s: %d of %d messages", subject, len(out), want)
		}
	}
	return out, nil
}

// deadLetter is one dead letter's headers.
type deadLetter struct {
	stage, reason, source, articleID, errText string
}

// deadLetters reads every dead letter's headers.
func (c *cluster) deadLetters(ctx context.Context, want uint64) ([]deadLetter, error) {
	if want == 0 {
		return nil, nil
	}
	oc, err := c.js.OrderedConsumer(ctx, jsbus.StreamDead, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{jsbus.SubjectDeadPrefix + ">"}, HeadersOnly: true,
	})
	if err != nil {
		return nil, fmt.Errorf("read dead letters: %w", err)
	}
	var out []deadLetter
	for uint64(len(out)) < want {
		b, err := oc.Fetch(int(want-uint64(len(out))), jetstream.FetchMaxWait(3*time.Second))
		if err != nil {
			return nil, fmt.Errorf("read dead letters: %w", err)
		}
		got := 0
		for m := range b.Messages() {
			got++
			h := m.Headers()
			out = append(out, deadLetter{stage: h.Get(jsbus.HeaderStage), reason: h.Get(jsbus.HeaderReason),
				source: h.Get(jsbus.HeaderSourceName), articleID: h.Get(jsbus.HeaderArticleID), errText: h.Get(jsbus.HeaderError)})
		}
		if got == 0 {
			return nil, fmt.Errorf("read dead letters: %d of %d", len(out), want)
		}
	}
	return out, nil
}

// idle reports whether every stage's consumer has nothing pending and
// nothing awaiting an ack, checked in flow order so that a message moving
// downstream during the check is still seen.
func (c *cluster) idle(ctx context.Context) (bool, string) {
	var status []string
	for _, s := range services {
		stream, err := jsbus.InputStream(s)
		if err != nil {
			return false, err.Error()
		}
		cons, err := c.js.Consumer(ctx, stream, s)
		if err != nil {
			return false, fmt.Sprintf("consumer %s: %v", s, err)
		}
		info, err := cons.Info(ctx)
		if err != nil {
			return false, fmt.Sprintf("consumer %s: %v", s, err)
		}
		status = append(status, fmt.Sprintf("%s pending=%d ack_pending=%d redelivered=%d", s, info.NumPending, info.NumAckPending, info.NumRedelivered))
		if info.NumPending != 0 || info.NumAckPending != 0 {
			return false, strings.Join(status, "; ")
		}
	}
	return true, strings.Join(status, "; ")
}

// settle waits until the pipeline is idle twice in a row with the raw
// subject holding at least minRaw messages, then returns the counts.
func (c *cluster) settle(minRaw uint64, timeout time.Duration) counts {
	c.t.Helper()
	streak := 0
	var last counts
	waitFor(c.t, timeout, "the pipeline to settle", func() (bool, string) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		ok, status := c.idle(ctx)
		n, err := c.count(ctx)
		if err != nil {
			streak = 0
			return false, err.Error()
		}
		last = n
		if !ok || n.raw < minRaw {
			streak = 0
			return false, status + " | " + n.String()
		}
		streak++
		return streak >= 2, status
	})
	return last
}

// progress returns the documents stored so far, or -1.
func (c *cluster) progress() int64 {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	n, err := c.coll.CountDocuments(ctx, bson.D{})
	if err != nil {
		return -1
	}
	return n
}

// assertExact checks the promise for articles distinct good articles and
// deadWant dead letters.
func (c *cluster) assertExact(n counts, articles int, deadWant uint64) {
	c.t.Helper()
	if n.docs != int64(articles) {
		c.t.Errorf("documents: %d, want exactly %d", n.docs, articles)
	}
	if n.complete != n.docs {
		c.t.Errorf("complete documents: %d of %d", n.complete, n.docs)
	}
	if n.enrichedDistinct != articles {
		c.t.Errorf("distinct enriched article ids: %d, want %d", n.enrichedDistinct, articles)
	}
	if n.enrichedTotal != uint64(articles) {
		c.t.Errorf("enriched events: %d, want exactly %d (one per article)", n.enrichedTotal, articles)
	}
	if n.dead != deadWant {
		c.t.Errorf("dead letters: %d %v, want %d", n.dead, n.deadByStage, deadWant)
	}
}

// figures prints the figures every test reports at its end.
func figures(t *testing.T, dropped int, n counts, duplicates int, faults []string) {
	t.Helper()
	line := fmt.Sprintf("FIGURES %s: dropped=%d stored=%d enriched=%d (distinct %d) dead-lettered=%d duplicates=%d faults=%d",
		t.Name(), dropped, n.docs, n.enrichedTotal, n.enrichedDistinct, n.dead, duplicates, len(faults))
	t.Log(line)
	if len(faults) > 0 {
		t.Logf("faults injected: %s", strings.Join(faults, ", "))
	}
	fmt.Println(line) // also visible without -v
}

// wikinews reads the corpus and returns n distinct plain-text articles:
// "title\n\ntext", cycling the corpus and, from the second round on,
// marking the title and adding a closing paragraph so each one is new.
func wikinews(t *testing.T, n int) [][]byte {
	t.Helper()
	f, err := os.Open(corpusPath)
	if err != nil {
		t.Fatalf("corpus: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		t.Fatalf("corpus: %v", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	var rows [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("corpus: %v", err)
		}
		rows = append(rows, rec)
	}
	if len(rows) == 0 {
		t.Fatal("corpus is empty")
	}
	out := make([][]byte, n)
	for i := range n {
		rec := rows[i%len(rows)]
		title, text := strings.TrimSpace(rec[col["title"]]), strings.TrimSpace(rec[col["text"]])
		if round := i / len(rows); round > 0 {
			title = fmt.Sprintf("%s (follow-up %d)", title, round)
			text += fmt.Sprintf("\n\nThis follow-up report number %d was filed by the newsflow desk.", i)
		}
		out[i] = []byte(title + "\n\n" + text + "\n")
	}
	return out
}

// writeArticles writes articles as files a1.txt... into a new directory.
func writeArticles(t *testing.T, arts [][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for i, a := range arts {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("article-%03d.txt", i)), a, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
