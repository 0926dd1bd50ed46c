package geoeval

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/bench"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/enrich/geo"
)

// BenchmarkGeoShare compares, per corpus article, the CPU time of linking
// places with that of parse and enrich: the bound is 10 % of
// enrich's time.
//
//	cd cmd/newsflow && go test -run '^$' -bench GeoShare ./internal/geoeval/
func BenchmarkGeoShare(b *testing.B) {
	rs := rows(b)
	p := process(b)
	l, err := geo.New()
	if err != nil {
		b.Fatal(err)
	}
	raws := make([]string, len(rs))
	arts := make([]article.Article, len(rs))
	for i, r := range rs {
		raws[i] = r.Title + "\n\n" + r.Text + "\n"
		if arts[i], err = p(context.Background(), raws[i]); err != nil {
			b.Fatal(err)
		}
		toBytes(&arts[i])
	}
	b.ResetTimer()
	var enrich, link time.Duration
	for n := 0; n < b.N; n++ {
		runtime.GC()
		t0 := bench.CPUTime()
		for _, raw := range raws {
			if _, err := p(context.Background(), raw); err != nil {
				b.Fatal(err)
			}
		}
		t1 := bench.CPUTime()
		for i := range arts {
			l.Link(&arts[i])
		}
		t2 := bench.CPUTime()
		enrich += t1 - t0
		link += t2 - t1
	}
	per := float64(b.N * len(arts))
	b.ReportMetric(float64(enrich.Microseconds())/per, "µs-cpu-parse+enrich/article")
	b.ReportMetric(float64(link.Microseconds())/per, "µs-cpu-geo/article")
	b.ReportMetric(100*float64(link)/float64(enrich), "%-of-enrich")
}
