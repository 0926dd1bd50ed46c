package entity

import (
	"context"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/newsflow/newsflow/pkg/article"
	fork "github.com/newsflow/newsflow/services/enrich/entity/internal/prose"
)

const corpusPath = "../../../../shared/corpus/wikinews-2019.csv"

// corpusBodies reads up to n article bodies of the Wikinews 2019 corpus
// (n <= 0: all), with paragraphs separated by one blank line as in Body.
func corpusBodies(tb testing.TB, n int) []string {
	tb.Helper()
	f, err := os.Open(corpusPath)
	if err != nil {
		tb.Fatal("no corpus (../shared is needed): " + err.Error())
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, rec := range recs[1:] {
		var paras []string
		for _, p := range strings.Split(rec[3], "\n") {
			if p = strings.TrimSpace(p); p != "" && !strings.HasPrefix(p, "██") {
				paras = append(paras, p)
			}
		}
		if len(paras) > 1 {
			paras = paras[1:] // the dateline
		}
		out = append(out, strings.Join(paras, "\n\n"))
		if n > 0 && len(out) == n {
			break
		}
	}
	return out
}

func reportRate(b *testing.B, n int) {
	b.Helper()
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkProseNaive is prose's default: NewDocument reloads the model per article.
func BenchmarkProseNaive(b *testing.B) {
	bodies := corpusBodies(b, 10) // slow: a sample
	b.ResetTimer()
	for b.Loop() {
		for _, s := range bodies {
			if _, err := prose.NewDocument(s); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportRate(b, len(bodies))
}

// BenchmarkProseShared is plain prose tagging (unmodified upstream prose)
// with a shared model: the baseline.
func BenchmarkProseShared(b *testing.B) {
	bodies := corpusBodies(b, 0)
	m := upstreamModel()
	if m == nil {
		b.Fatal("no upstream model")
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range bodies {
			if _, err := prose.NewDocument(s, prose.UsingModel(m)); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportRate(b, len(bodies))
}

// BenchmarkProseSharedFork is the same tagging with internal/prose, the copy
// the entity layer uses.
func BenchmarkProseSharedFork(b *testing.B) {
	bodies := corpusBodies(b, 0)
	m, err := sharedModel()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range bodies {
			if _, err := fork.NewDocument(s, fork.UsingModel(m)); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportRate(b, len(bodies))
}

// BenchmarkRecognize is the entity layer over the same bodies.
func BenchmarkRecognize(b *testing.B) {
	bodies := corpusBodies(b, 0)
	r := newTestRecognizer(b)
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range bodies {
			if _, err := r.Recognize(ctx, &article.Article{Body: s}); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportRate(b, len(bodies))
}

// BenchmarkLongNameRun: a body of one capitalised place name said 20,000
// times, a crafted article's worst case for splitting runs of name words
// (23 s an article before runs were bounded by maxRun; see
// TestLongNameRunEnds).
func BenchmarkLongNameRun(b *testing.B) {
	r := newTestRecognizer(b)
	a := article.Article{Body: strings.Repeat("Paris ", 20000) + "."}
	b.ResetTimer()
	for b.Loop() {
		if _, err := r.Recognize(context.Background(), &a); err != nil {
			b.Fatal(err)
		}
	}
}
