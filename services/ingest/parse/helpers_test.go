package parse

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
)

// sharedDir is ../shared seen from this package directory.
const sharedDir = "../../../../shared"

var fixedNow = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)

// testParser is built once: building lingua's models per test is slow.
var testParser = sync.OnceValues(func() (*Parser, error) {
	return New(Config{}, WithClock(func() time.Time { return fixedNow }))
})

func newTestParser(t testing.TB) *Parser {
	t.Helper()
	p, err := testParser()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return p
}

func parseOne(t testing.TB, p *Parser, in Input) article.Article {
	t.Helper()
	arts, err := p.Parse(context.Background(), in)
	if err != nil {
		t.Fatalf("Parse(%s): %v", in.Name, err)
	}
	if len(arts) != 1 {
		t.Fatalf("Parse(%s): %d articles, want 1", in.Name, len(arts))
	}
	return arts[0]
}

func readShared(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sharedDir, rel))
	if err != nil {
		// (CI has ../shared beside the repository: its absence is an error,
		// not a reason to skip.)
		t.Fatalf("shared material not available: %v", err)
	}
	return b
}

// corpusRow is one Wikinews 2019 article (CC BY 2.5, see
// ../shared/corpus/ATTRIBUTION.md).
type corpusRow struct{ url, date, title, text string }

func readCorpus(t testing.TB) []corpusRow {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedDir, "corpus", "wikinews-2019.csv"))
	if err != nil {
		t.Fatalf("corpus not available (../shared is beside the repository in CI): %v", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read corpus: %v", err)
	}
	var rows []corpusRow
	for i, r := range recs {
		if i == 0 {
			continue // header url,date,title,text
		}
		rows = append(rows, corpusRow{url: r[0], date: r[1], title: r[2], text: r[3]})
	}
	return rows
}
