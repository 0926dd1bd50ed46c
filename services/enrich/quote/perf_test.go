package quote

import (
	"strings"
	"testing"
	"time"
)

// TestLinearTime guards against quadratic blow-ups: a 100 times longer
// body of quotes, pronouns and stray marks must take under 1000 times
// longer (a quadratic cost would take about 10000 times longer).
func TestLinearTime(t *testing.T) {
	unit := "\"It is fine,\" she said. He told Reporters \"we will see\" and she added, \"maybe.\" The Officials said so. \"Open\n\n"
	x := New()
	// The best of three runs, so that a busy machine does not fail the test.
	timeIt := func(n int) time.Duration {
		body := strings.Repeat(unit, n)
		best := time.Duration(1 << 62)
		for i := 0; i < 3; i++ {
			start := time.Now()
			x.Extract(body, nil)
			best = min(best, time.Since(start))
		}
		return best
	}
	timeIt(10)
	small, big := timeIt(20), timeIt(2000)
	if small < time.Millisecond {
		small = time.Millisecond
	}
	if big > 1000*small {
		t.Fatalf("20 units %v, 2000 units %v: worse than linear", small, big)
	}
	t.Logf("20 units %v, 2000 units %v", small, big)
}
