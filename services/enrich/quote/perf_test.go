package quote

import (
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
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

// BenchmarkQuoteShareOfEnrich runs what the enrich stage runs per article,
// the entity stage then quote extraction and attribution, over the 171
// corpus articles, and reports the quote layer's share of the time
// (quote_%). The target is under 10 %; the benchmark fails above it.
func BenchmarkQuoteShareOfEnrich(b *testing.B) {
	arts := loadCorpus(b)
	x := New()
	ents := make([][]article.Entity, len(arts))
	for i, a := range arts {
		ents[i] = recognize(b, a.body) // warm the recognizer's tables
	}
	var recT, quoteT time.Duration
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for i, a := range arts {
			t0 := time.Now()
			ents[i] = recognize(b, a.body)
			t1 := time.Now()
			x.Extract(a.body, ents[i])
			quoteT += time.Since(t1)
			recT += t1.Sub(t0)
		}
	}
	share := 100 * float64(quoteT) / float64(recT+quoteT)
	b.ReportMetric(share, "quote_%")
	b.ReportMetric(float64(quoteT.Nanoseconds())/float64(b.N*len(arts)), "quote_ns/article")
	b.ReportMetric(float64(recT.Nanoseconds())/float64(b.N*len(arts)), "entity_ns/article")
	if share >= 10 {
		b.Errorf("quote extraction takes %.1f%% of enrich time, want under 10%%", share)
	}
}
