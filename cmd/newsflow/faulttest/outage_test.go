package faulttest

import (
	"fmt"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// waitProgress waits until at least docs documents are stored.
func waitProgress(t *testing.T, c *cluster, docs int64) {
	t.Helper()
	waitFor(t, 3*time.Minute, fmt.Sprintf("%d documents stored", docs), func() (bool, string) {
		n := c.progress()
		return n >= docs, fmt.Sprintf("%d stored", n)
	})
}

// TestNATSRestart stops the NATS server mid-run, once with SIGTERM and once
// with SIGKILL, and starts it again on the same port and data directory;
// the services reconnect by themselves and the counts are exact.
func TestNATSRestart(t *testing.T) {
	c := newCluster(t, clusterOptions{})
	const n = 200 // 300 in TestCrash; fewer here keeps the suite short
	arts := wikinews(t, n)
	start := time.Now()
	var faults []string
	// Half the articles, then NATS goes down at once, while the stages work
	// on them: the stages clear a hundred articles in well under a second,
	// so waiting for progress first would stop NATS on an idle pipeline.
	for i, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL} {
		if _, err := c.dropFiles(nil, writeArticles(t, arts[i*n/2:(i+1)*n/2])); err != nil {
			t.Fatal(err)
		}
		faults = append(faults, fmt.Sprintf("NATS %v at %.1fs (stored %d of %d dropped), down 2s", sig, time.Since(start).Seconds(), c.progress(), (i+1)*n/2))
		c.restartServer(c.nats, c.natsPort, sig, 2*time.Second)
	}
	got := c.settle(n, 4*time.Minute)
	t.Logf("settled after %.1fs: %s", time.Since(start).Seconds(), got)
	c.assertExact(got, n, 0)
	for _, s := range services {
		if p := c.svc[s]; p.starts != 1 || !p.running() {
			t.Errorf("%s was restarted or died (starts=%d running=%v): services must reconnect by themselves", s, p.starts, p.running())
		}
		if !strings.Contains(c.svc[s].log(), "nats reconnected") {
			t.Errorf("%s log has no reconnect", s)
		}
	}
	figures(t, n, got, int(got.enrichedTotal)-got.enrichedDistinct, faults)
}

// TestDatabaseOutage stops the MongoDB-compatible server for 20 seconds
// mid-run; store backs off and resumes, nothing is dead-lettered, and the
// counts are exact.
func TestDatabaseOutage(t *testing.T) {
	c := newCluster(t, clusterOptions{})
	const n, before = 200, 40
	arts := wikinews(t, n)
	// Part of the articles go in before the outage, the rest while the
	// database is down, so that store must hold them and retry however fast
	// the stages upstream are.
	if _, err := c.dropFiles(nil, writeArticles(t, arts[:before])); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	waitProgress(t, c, before)
	const down = 20 * time.Second
	faults := []string{fmt.Sprintf("MongoDB SIGTERM at %.1fs (stored %d), down %v", time.Since(start).Seconds(), c.progress(), down)}
	if _, err := c.mongo.stop(syscall.SIGTERM, 30*time.Second); err != nil {
		t.Fatalf("stop mongo: %v", err)
	}
	stopped := time.Now()
	if _, err := c.dropFiles(nil, writeArticles(t, arts[before:])); err != nil {
		t.Fatal(err)
	}
	time.Sleep(down - time.Since(stopped)) // the outage itself: a duration, not a wait for an outcome
	c.waitPortFree(c.mongoPort)
	c.mongo.mustStart(t)
	c.waitPort(c.mongoPort)
	t.Logf("mongo restarted on port %d", c.mongoPort)
	got := c.settle(n, 4*time.Minute)
	t.Logf("settled after %.1fs: %s", time.Since(start).Seconds(), got)
	c.assertExact(got, n, 0)
	// The store holds the articles one of two ways: a write that fails is
	// retried later, or its readiness check (the database's ping) fails
	// first and it fetches nothing until the database is back; which one
	// depends on whether a write was under way when the database went.
	log := c.svc["store"].log()
	retries := strings.Count(log, "retry later")
	paused := strings.Count(log, "not ready, fetching nothing")
	if retries == 0 && paused == 0 {
		t.Errorf("store log shows neither a retry nor a pause during the outage")
	}
	if p := c.svc["store"]; p.starts != 1 || !p.running() {
		t.Errorf("store was restarted or died (starts=%d running=%v)", p.starts, p.running())
	}
	t.Logf("store retried %d deliveries and paused fetching %d times during the outage", retries, paused)
	figures(t, n, got, int(got.enrichedTotal)-got.enrichedDistinct, faults)
}

// TestGracefulShutdown sends SIGTERM to enrich and store while they hold
// in-flight messages: each exits cleanly within its grace period, and after
// a restart nothing is lost or doubled.
func TestGracefulShutdown(t *testing.T) {
	const grace = 8 * time.Second // SHUTDOWN_GRACE of the cluster
	c := newCluster(t, clusterOptions{})
	const n = 120
	arts := wikinews(t, n)
	start := time.Now()
	// Input keeps arriving while the services are stopped, so that each
	// SIGTERM finds work in flight.
	var wg sync.WaitGroup
	wg.Go(func() { dropInBatches(t, c, arts, 5, 300*time.Millisecond) })
	defer wg.Wait()
	var faults []string
	for i, s := range []string{"enrich", "store", "enrich"} {
		waitProgress(t, c, int64(20+30*i))
		p := c.svc[s]
		took, err := p.stop(syscall.SIGTERM, grace+10*time.Second)
		if err != nil {
			t.Errorf("SIGTERM %s: %v", s, err)
		}
		if took > grace+3*time.Second {
			t.Errorf("%s took %v to stop, grace is %v", s, took, grace)
		}
		if code := p.exitCode(); code != 0 {
			t.Errorf("%s exit code %d after SIGTERM, want 0", s, code)
		}
		if !strings.Contains(p.log(), "stopped") {
			t.Errorf("%s did not log a clean stop", s)
		}
		faults = append(faults, fmt.Sprintf("SIGTERM %s at %.1fs (stored %d): exited in %v", s, time.Since(start).Seconds(), c.progress(), took.Round(time.Millisecond)))
		p.mustStart(t)
	}
	got := c.settle(n, 4*time.Minute)
	t.Logf("settled after %.1fs: %s", time.Since(start).Seconds(), got)
	c.assertExact(got, n, 0)
	figures(t, n, got, int(got.enrichedTotal)-got.enrichedDistinct, faults)
}
