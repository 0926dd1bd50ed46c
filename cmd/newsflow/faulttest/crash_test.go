package faulttest

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"syscall"
	"testing"
	"time"
)

// dropInBatches drops the articles with 'newsflow drop', batch files at a
// time with pause between batches, so that raw input keeps arriving while
// faults are injected. It returns the number dropped.
func dropInBatches(t *testing.T, c *cluster, arts [][]byte, batch int, pause time.Duration) int {
	t.Helper()
	dropped := 0
	for i := 0; i < len(arts); i += batch {
		dir := writeArticles(t, arts[i:min(i+batch, len(arts))])
		if _, err := c.dropFiles(nil, dir); err != nil {
			t.Errorf("drop batch %d: %v", i/batch, err)
			return dropped
		}
		dropped += min(batch, len(arts)-i)
		if i+batch < len(arts) {
			time.Sleep(pause) // pacing the input, not waiting for an outcome
		}
	}
	return dropped
}

// TestCrash kills each service with SIGKILL at random moments, twice or
// more, while 300 articles flow, restarts it, and checks that every article
// ends as exactly one complete document and one enriched event.
func TestCrash(t *testing.T) {
	c := newCluster(t, clusterOptions{})
	const n = 300
	arts := wikinews(t, n)
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 42))
	t.Logf("chaos seed %d", seed)

	// Each service twice, in random order, at random moments.
	var plan []string
	for range 2 {
		plan = append(plan, services...)
	}
	rng.Shuffle(len(plan), func(i, j int) { plan[i], plan[j] = plan[j], plan[i] })
	gaps := make([]time.Duration, len(plan))
	downs := make([]time.Duration, len(plan))
	for i := range plan {
		gaps[i] = time.Duration(1000+rng.IntN(3000)) * time.Millisecond
		downs[i] = time.Duration(100+rng.IntN(1400)) * time.Millisecond
	}

	start := time.Now()
	var faults []string
	var wg sync.WaitGroup
	wg.Go(func() {
		for i, s := range plan {
			time.Sleep(gaps[i]) // a random moment
			p := c.svc[s]
			if _, err := p.stop(syscall.SIGKILL, 10*time.Second); err != nil {
				t.Errorf("kill %s: %v", s, err)
			}
			faults = append(faults, fmt.Sprintf("SIGKILL %s at %.1fs (stored %d)", s, time.Since(start).Seconds(), c.progress()))
			time.Sleep(downs[i]) // stays down a random while
			if err := p.start(); err != nil {
				t.Error(err)
				return
			}
		}
	})
	// Small batches keep input arriving for as long as the kill plan runs
	// (about 20s), now that the stages clear a batch in well under a second.
	dropped := dropInBatches(t, c, arts, 10, 400*time.Millisecond)
	wg.Wait()

	got := c.settle(n, 4*time.Minute)
	t.Logf("settled after %.1fs: %s", time.Since(start).Seconds(), got)
	c.assertExact(got, n, 0)
	figures(t, dropped, got, int(got.enrichedTotal)-got.enrichedDistinct, faults)
}
