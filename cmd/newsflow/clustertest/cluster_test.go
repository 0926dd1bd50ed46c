package clustertest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

const (
	articles = 300
	// operatorPass is a password of a hard kind on purpose (see
	// deploycheck): digits only.
	operatorPass = "20190104"
)

// article returns the i-th test article: plain text of our own, each one
// distinct, with a person, a place and a quote for enrich to find.
func article(i int) []byte {
	return fmt.Appendf(nil, "Harbour council approves ferry timetable number %d\n\n"+
		"The harbour council of Portsmouth approved timetable number %d for the island ferries on Tuesday. "+
		"\"The new crossings will run every forty minutes,\" said council leader Margaret Ellison. "+
		"Passengers in Ryde welcomed the change, report %d of the day.\n", i, i, i)
}

// stack is the cluster, the database and the services of one test.
type stack struct {
	t      *testing.T
	dir    string
	tlsDir string
	nodes  []*node
	svcs   []*proc
	urls   string
	ca     string
	nc     *nats.Conn
	js     jetstream.JetStream
	coll   *mongo.Collection
	health map[string]int
}

func newStack(t *testing.T, withServices bool) *stack {
	t.Helper()
	if testing.Short() || binDir == "" {
		t.Skip("real-process cluster test skipped in -short mode")
	}
	dir := t.TempDir()
	tlsDir := filepath.Join(dir, "tls")
	if err := mkdir(tlsDir); err != nil {
		t.Fatal(err)
	}
	makeCerts(t, tlsDir)
	s := &stack{t: t, dir: dir, tlsDir: tlsDir, ca: filepath.Join(tlsDir, "ca.pem"), health: map[string]int{}}
	for i := range 3 {
		s.nodes = append(s.nodes, &node{name: fmt.Sprintf("nats-%d", i+1), clientPort: freePort(t), routePort: freePort(t), http: freePort(t)})
	}
	var urls []string
	for _, n := range s.nodes {
		conf := nodeConfig(t, filepath.Join(dir, n.name), tlsDir, n, s.nodes)
		n.proc = proc{
			name: n.name, bin: "sh", logPath: filepath.Join(dir, n.name+".log"),
			args: []string{filepath.Join(repoRoot, "deploy/nats/entrypoint.sh"), "--config", conf},
			env: []string{
				"NATS_SERVER_BIN=" + filepath.Join(binDir, "nats-server"), "NATS_SERVER_NAME=" + n.name,
				"NATS_OPERATOR_PASSWORD=" + operatorPass,
				"NATS_INGEST_PASSWORD=" + operatorPass + "-ingest",
				"NATS_ENRICH_PASSWORD=" + operatorPass + "-enrich",
				"NATS_STORE_PASSWORD=" + operatorPass + "-store",
				"NATS_DROPPER_PASSWORD=" + operatorPass + "-dropper",
				"NATS_SUBSCRIBER_PASSWORD=" + operatorPass + "-subscriber",
			},
		}
		urls = append(urls, fmt.Sprintf("tls://127.0.0.1:%d", n.clientPort))
	}
	s.urls = strings.Join(urls, ",")
	t.Cleanup(s.shutdown)
	for _, n := range s.nodes {
		n.start(t)
	}
	for _, n := range s.nodes {
		waitFor(t, 60*time.Second, n.name+" healthy", n.healthy)
	}
	s.nc = connect(t, s.urls, s.ca, operatorPass)
	var err error
	if s.js, err = jetstream.New(s.nc); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 60*time.Second, "a JetStream meta leader", func() (bool, string) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		if _, err := s.js.AccountInfo(ctx); err != nil {
			return false, err.Error()
		}
		return true, ""
	})

	if !withServices {
		return s
	}
	mongoURI := startFerretDB(t)
	mc, err := mongo.Connect(options.Client().ApplyURI(mongoURI))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = mc.Disconnect(context.Background()) })
	s.coll = mc.Database("newsflow").Collection("articles")

	for _, name := range []string{"ingest", "enrich", "store"} {
		s.health[name] = freePort(t)
		s.svcs = append(s.svcs, &proc{
			name: name, bin: filepath.Join(binDir, name), logPath: filepath.Join(dir, name+".log"),
			env: s.serviceEnv(name, mongoURI),
		})
	}
	for _, p := range s.svcs {
		p.start(t)
	}
	return s
}

// serviceEnv is a service's environment: every URL of the cluster, its CA,
// three replicas, and its own least-privilege user of auth.conf with its
// own reply prefix.
func (s *stack) serviceEnv(name, mongoURI string) []string {
	return []string{
		"NATS_URL=" + s.urls, "NATS_TLS_CA=" + s.ca,
		"NATS_USER=" + name, "NATS_PASSWORD=" + operatorPass + "-" + name, "NATS_INBOX_PREFIX=_INBOX." + name,
		"STREAM_REPLICAS=3", "MONGO_URI=" + mongoURI,
		"HEALTH_ADDR=127.0.0.1:" + strconv.Itoa(s.health[name]),
		"ACK_WAIT=10s", "SHUTDOWN_GRACE=8s", "LOG_LEVEL=info",
	}
}

func (s *stack) shutdown() {
	all := append([]*proc{}, s.svcs...)
	for _, n := range s.nodes {
		all = append(all, &n.proc)
	}
	if s.t.Failed() {
		for _, p := range all {
			s.t.Logf("---- tail of %s log (%s) ----\n%s", p.name, p.logPath, p.tail(30))
		}
	}
	for _, p := range all {
		if err := p.stop(syscall.SIGKILL, 10*time.Second); err != nil {
			s.t.Error(err)
		}
	}
}

// leader returns the node that leads the stream holding subject.
func (s *stack) leader(subject string) (*node, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	st, err := streamOf(ctx, s.js, subject)
	if err != nil {
		return nil, err
	}
	info, err := st.Info(ctx)
	if err != nil {
		return nil, err
	}
	if info.Cluster == nil {
		return nil, fmt.Errorf("stream %s has no cluster info", info.Config.Name)
	}
	for _, n := range s.nodes {
		if n.name == info.Cluster.Leader {
			return n, nil
		}
	}
	return nil, fmt.Errorf("stream %s: leader %q is not one of ours", info.Config.Name, info.Cluster.Leader)
}

// publish publishes one raw article as 'newsflow drop' does (its hash as
// the Nats-Msg-Id), retrying while the cluster elects a leader; it returns
// the number of attempts that failed.
func (s *stack) publish(ctx context.Context, i int) (int, error) {
	data := article(i)
	sum := sha256.Sum256(data)
	hdr := nats.Header{}
	hdr.Set(jsbus.HeaderSourceName, fmt.Sprintf("cluster-%03d.txt", i))
	hdr.Set(jsbus.HeaderContentType, "text/plain; charset=utf-8")
	failed := 0
	for {
		pctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		_, err := s.js.PublishMsg(pctx, &nats.Msg{Subject: jsbus.SubjectRaw, Data: data, Header: hdr},
			jetstream.WithMsgID("raw:"+hex.EncodeToString(sum[:])))
		cancel()
		if err == nil {
			return failed, nil
		}
		failed++
		if ctx.Err() != nil {
			return failed, err
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// restart stops a node with sig, keeps it down for down, starts it again
// on the same ports and data, and waits until it is healthy.
func (s *stack) restart(n *node, sig syscall.Signal, down time.Duration) {
	s.t.Helper()
	if err := n.stop(sig, 30*time.Second); err != nil {
		s.t.Error(err)
	}
	time.Sleep(down) // the outage itself, not a wait for an outcome
	waitFor(s.t, 30*time.Second, n.name+" ports free", func() (bool, string) {
		return !portOpen(n.clientPort) && !portOpen(n.routePort), "still bound"
	})
	n.start(s.t)
	waitFor(s.t, 90*time.Second, n.name+" healthy again", n.healthy)
}

// counts are the outcome, read from the streams and the database.
type counts struct {
	raw, enriched, dead uint64
	distinct            int
	docs                int64
}

func (c counts) String() string {
	return fmt.Sprintf("raw=%d enriched=%d (distinct %d) dead=%d docs=%d", c.raw, c.enriched, c.distinct, c.dead, c.docs)
}

func (s *stack) count(ctx context.Context) (counts, error) {
	var c counts
	var err error
	if c.raw, err = countSubject(ctx, s.js, jsbus.SubjectRaw); err != nil {
		return c, err
	}
	if c.enriched, err = countSubject(ctx, s.js, jsbus.SubjectEnriched); err != nil {
		return c, err
	}
	if c.dead, err = countSubject(ctx, s.js, jsbus.SubjectDeadPrefix+">"); err != nil {
		return c, err
	}
	ids, err := headerValues(ctx, s.js, jsbus.SubjectEnriched, jsbus.HeaderArticleID, c.enriched)
	if err != nil {
		return c, err
	}
	seen := map[string]bool{}
	for _, id := range ids {
		seen[id] = true
	}
	c.distinct = len(seen)
	c.docs, err = s.coll.CountDocuments(ctx, bson.D{})
	return c, err
}

// idle reports whether every stage has nothing pending or unacknowledged.
func (s *stack) idle(ctx context.Context) (bool, string) {
	var status []string
	for _, stage := range []string{jsbus.StageIngest, jsbus.StageEnrich, jsbus.StageStore} {
		in, _ := jsbus.InputSubject(stage)
		st, err := streamOf(ctx, s.js, in)
		if err != nil {
			return false, err.Error()
		}
		cons, err := st.Consumer(ctx, stage)
		if err != nil {
			return false, fmt.Sprintf("consumer %s: %v", stage, err)
		}
		info, err := cons.Info(ctx)
		if err != nil {
			return false, fmt.Sprintf("consumer %s: %v", stage, err)
		}
		status = append(status, fmt.Sprintf("%s pending=%d ack_pending=%d", stage, info.NumPending, info.NumAckPending))
		if info.NumPending != 0 || info.NumAckPending != 0 {
			return false, strings.Join(status, "; ")
		}
	}
	return true, strings.Join(status, "; ")
}

// settle waits until the pipeline is idle with every article through,
// twice in a row, and returns the counts.
func (s *stack) settle(timeout time.Duration) counts {
	s.t.Helper()
	var last counts
	streak := 0
	waitFor(s.t, timeout, "the pipeline to settle", func() (bool, string) {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		ok, status := s.idle(ctx)
		c, err := s.count(ctx)
		if err != nil {
			streak = 0
			return false, err.Error()
		}
		last = c
		if !ok || c.raw < articles || c.docs < int64(c.enriched) {
			streak = 0
			return false, status + " | " + c.String()
		}
		streak++
		return streak >= 2, status
	})
	return last
}

// TestClusterLosesANode is the scenario of the package comment.
func TestClusterLosesANode(t *testing.T) {
	s := newStack(t, true)
	// The services create the streams with three replicas.
	waitFor(t, 60*time.Second, "the stream of articles.raw with 3 replicas", func() (bool, string) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		for _, subj := range []string{jsbus.SubjectRaw, jsbus.SubjectEnriched} {
			st, err := streamOf(ctx, s.js, subj)
			if err != nil {
				return false, err.Error()
			}
			if r := st.CachedInfo().Config.Replicas; r != 3 {
				return false, fmt.Sprintf("%s replicas %d", st.CachedInfo().Config.Name, r)
			}
		}
		return true, ""
	})
	// Each service's own health check (the container's) passes once ready.
	for _, p := range s.svcs {
		waitFor(t, 60*time.Second, p.name+" healthcheck", func() (bool, string) {
			cmd := exec.Command(p.bin, "healthcheck")
			cmd.Env = append(cmd.Environ(), "HEALTH_ADDR=127.0.0.1:"+strconv.Itoa(s.health[p.name]))
			out, err := cmd.CombinedOutput()
			return err == nil, string(out)
		})
	}

	var faults []string
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	type result struct{ failedAttempts int }
	done := make(chan result, 1)
	go func() { // owned: the test waits for done below
		failed := 0
		for i := range articles {
			n, err := s.publish(ctx, i)
			failed += n
			if err != nil {
				t.Errorf("publish %d: %v", i, err)
				break
			}
			time.Sleep(30 * time.Millisecond) // pacing the input over ~10s
		}
		done <- result{failed}
	}()

	// Kill the leader of the input stream while articles arrive.
	time.Sleep(2 * time.Second)
	lead, err := s.leader(jsbus.SubjectRaw)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("killing %s, the leader of the stream of %s", lead.name, jsbus.SubjectRaw)
	s.restart(lead, syscall.SIGKILL, 5*time.Second)
	faults = append(faults, "SIGKILL stream leader "+lead.name)
	r := <-done
	t.Logf("all %d articles published; %d publish attempts failed during the outage and were retried", articles, r.failedAttempts)

	// Rolling restart, one node at a time, each healthy before the next.
	for _, n := range s.nodes {
		s.restart(n, syscall.SIGTERM, time.Second)
		faults = append(faults, "rolling restart "+n.name)
	}
	c := s.settle(5 * time.Minute)

	line := fmt.Sprintf("FIGURES %s: dropped=%d stored=%d enriched=%d (distinct %d) dead-lettered=%d raw-in-stream=%d publish-retries=%d faults=%d",
		t.Name(), articles, c.docs, c.enriched, c.distinct, c.dead, c.raw, r.failedAttempts, len(faults))
	t.Log(line)
	t.Logf("faults injected: %s", strings.Join(faults, ", "))
	fmt.Println(line)
	if c.docs != articles {
		t.Errorf("documents: %d, want exactly %d", c.docs, articles)
	}
	if c.enriched != articles || c.distinct != articles {
		t.Errorf("enriched events: %d (distinct %d), want exactly %d, none twice", c.enriched, c.distinct, articles)
	}
	if c.dead != 0 {
		t.Errorf("dead letters: %d, want none", c.dead)
	}
	if c.raw != articles {
		t.Errorf("raw messages: %d, want %d (a retried publish is de-duplicated)", c.raw, articles)
	}
	for _, p := range s.svcs {
		if !p.running() {
			t.Errorf("%s exited", p.name)
		}
	}
	s.checkStatus(c)
}

// checkStatus runs 'newsflow status --json' against the cluster, as an
// operator would: it must see the three-replica streams with a leader, one
// instance of each service, nothing pending and the documents.
func (s *stack) checkStatus(c counts) {
	s.t.Helper()
	cmd := exec.Command(filepath.Join(binDir, "newsflow"), "status", "--json", "--interval", "0")
	cmd.Env = append(cmd.Environ(), s.svcs[2].env...) // the store's: NATS and MongoDB
	cmd.Env = append(cmd.Env, "NATS_USER=operator", "NATS_PASSWORD="+operatorPass, "NATS_INBOX_PREFIX=_INBOX")
	out, err := cmd.Output()
	if err != nil {
		s.t.Fatalf("newsflow status: %v\n%s", err, out)
	}
	var r struct {
		Streams []struct {
			Name     string `json:"name"`
			Replicas int    `json:"replicas"`
			Leader   string `json:"leader"`
		} `json:"streams"`
		Stages []struct {
			Stage     string `json:"stage"`
			Pending   uint64 `json:"pending"`
			InFlight  int    `json:"in_flight"`
			Dead      uint64 `json:"dead_letters"`
			Instances int    `json:"instances"`
			Err       string `json:"error"`
		} `json:"stages"`
		Mongo struct {
			Documents int64 `json:"documents"`
		} `json:"mongo"`
	}
	if err := json.Unmarshal(out, &r); err != nil {
		s.t.Fatalf("status output: %v\n%s", err, out)
	}
	s.t.Logf("newsflow status --json:\n%s", out)
	if len(r.Streams) == 0 {
		s.t.Errorf("status shows no stream")
	}
	for _, st := range r.Streams {
		if st.Replicas != 3 || st.Leader == "" {
			s.t.Errorf("status: stream %s replicas %d leader %q", st.Name, st.Replicas, st.Leader)
		}
	}
	for _, st := range r.Stages {
		if st.Err != "" || st.Instances != 1 || st.Pending != 0 || st.InFlight != 0 || st.Dead != 0 {
			s.t.Errorf("status: stage %+v", st)
		}
	}
	if r.Mongo.Documents != c.docs {
		s.t.Errorf("status: %d documents, the database has %d", r.Mongo.Documents, c.docs)
	}
}

// TestClusterRouteAuthorization: a fourth server with a certificate of the
// same CA, but not the route identity, is refused as a route; the three
// nodes keep their two routes each.
// TestClusterDropperWaits: "newsflow drop --wait" as the dropper user of
// deploy/nats/auth.conf, as the README tells a compose user to run it,
// publishes the file and reports its outcome: stored for an article,
// dead-lettered for input no parser reads.
func TestClusterDropperWaits(t *testing.T) {
	s := newStack(t, true)
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "ferry.txt"), filepath.Join(dir, "noise.bin")
	if err := os.WriteFile(good, article(1), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte{0x00, 0xff, 0xfe, 0x01, 0x02, 0x00, 0x9c}, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file, want string
		ok         bool
	}{
		{good, "stored ", true},
		{bad, "dead ", false},
	} {
		cmd := exec.Command(filepath.Join(binDir, "newsflow"), "drop", "--wait", "--timeout", "90s", tc.file)
		cmd.Env = []string{
			"NATS_URL=" + s.urls, "NATS_TLS_CA=" + s.ca,
			"NATS_USER=dropper", "NATS_PASSWORD=" + operatorPass + "-dropper", "NATS_INBOX_PREFIX=_INBOX.dropper",
		}
		out, err := cmd.CombinedOutput()
		if (err == nil) != tc.ok || !strings.Contains(string(out), tc.want) {
			t.Errorf("drop --wait %s as dropper: %v, want ok=%v and %q in:\n%s", filepath.Base(tc.file), err, tc.ok, tc.want, out)
		}
	}
}

func TestClusterRouteAuthorization(t *testing.T) {
	s := newStack(t, false)
	n4 := &node{name: "nats-4", clientPort: freePort(t), routePort: freePort(t), http: freePort(t)}
	// nats-4 presents the client-facing certificate on its routes.
	strangerTLS := filepath.Join(s.dir, "tls-stranger")
	if err := mkdir(strangerTLS); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"ca.pem", "server.pem", "server-key.pem"} {
		copyFile(t, filepath.Join(s.tlsDir, f), filepath.Join(strangerTLS, f))
	}
	copyFile(t, filepath.Join(s.tlsDir, "server.pem"), filepath.Join(strangerTLS, "route.pem"))
	copyFile(t, filepath.Join(s.tlsDir, "server-key.pem"), filepath.Join(strangerTLS, "route-key.pem"))
	conf := nodeConfig(t, filepath.Join(s.dir, n4.name), strangerTLS, n4, s.nodes)
	n4.proc = proc{
		name: n4.name, bin: "sh", logPath: filepath.Join(s.dir, n4.name+".log"),
		args: []string{filepath.Join(repoRoot, "deploy/nats/entrypoint.sh"), "--config", conf},
		env:  []string{"NATS_SERVER_BIN=" + filepath.Join(binDir, "nats-server"), "NATS_SERVER_NAME=" + n4.name},
	}
	n4.start(t)
	t.Cleanup(func() { _ = n4.stop(syscall.SIGKILL, 10*time.Second) })
	waitFor(t, 30*time.Second, "nats-4 listening", func() (bool, string) { return portOpen(n4.clientPort), "not yet" })
	// Routes are retried every second: give nats-4 several tries.
	time.Sleep(5 * time.Second) // a span for attempts to happen, not a wait for an outcome
	for _, n := range s.nodes {
		routes, err := numRoutes(n.http)
		if err != nil {
			t.Fatal(err)
		}
		if routes != 2 {
			t.Errorf("%s has %d routes, want 2 (the other two nodes only)", n.name, routes)
		}
	}
	// nats-4 counts a route of its own for the few milliseconds each refused
	// attempt lasts (CI once sampled one), so ask for a moment with none: a
	// route that was let in would stay and never give one.
	waitFor(t, 10*time.Second, "nats-4 without routes", func() (bool, string) {
		routes, err := numRoutes(n4.http)
		return err == nil && routes == 0, fmt.Sprintf("%d routes (err %v)", routes, err)
	})
	if log := n4.tail(200); !strings.Contains(strings.ToLower(log), "authorization") {
		t.Errorf("nats-4's log shows no refusal:\n%s", log)
	}
}
