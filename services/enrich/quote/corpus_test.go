package quote

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusArticle is one Wikinews 2019 article of the shared corpus.
type corpusArticle struct{ title, body string }

// loadCorpus reads ../shared/corpus/wikinews-2019.csv and builds each body
// the way the dev reader does: the dateline line and "██" map legends
// dropped, paragraphs joined by a blank line.
func loadCorpus(tb testing.TB) []corpusArticle {
	tb.Helper()
	f, err := os.Open(filepath.Join(sharedDir, "corpus", "wikinews-2019.csv"))
	if err != nil {
		tb.Fatalf("the corpus is missing (it is in ../shared): %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	var out []corpusArticle
	for _, r := range recs[1:] {
		// The dev reader expects a headline line first.
		out = append(out, corpusArticle{title: r[2], body: readArticleText(tb, r[2]+"\n\n"+r[3])})
	}
	return out
}

// BenchmarkExtract runs Extract over all Wikinews 2019 bodies, with no
// entities (the entity list only shortens name look-ups).
func BenchmarkExtract(b *testing.B) {
	arts := loadCorpus(b)
	x := New()
	bytes := 0
	for _, a := range arts {
		bytes += len(a.body)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			x.Extract(a.body, nil)
		}
	}
	perArticle := float64(b.Elapsed().Nanoseconds()) / float64(b.N*len(arts))
	b.ReportMetric(perArticle, "ns/article")
	b.ReportMetric(1e9/perArticle, "articles/sec")
}

// TestCorpusDump writes every quote of the corpus to $QUOTE_DUMP for
// reading by eye; a dev aid, skipped otherwise.
func TestCorpusDump(t *testing.T) {
	path := os.Getenv("QUOTE_DUMP")
	if path == "" {
		t.Skip("set QUOTE_DUMP=file")
	}
	var b strings.Builder
	x := New()
	for i, a := range loadCorpus(t) {
		fmt.Fprintf(&b, "## %d %s\n", i, a.title)
		for _, q := range x.Extract(a.body, nil) {
			fmt.Fprintf(&b, "  p%d [%s|%s|%s] %q\n", q.Paragraph, q.Speaker, q.SpeakerType, q.Cue, q.Text)
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
