package geoeval

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/storyeval"
	"github.com/newsflow/newsflow/services/enrich/geo"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

const (
	corpusPath = "../../../../../shared/corpus/wikinews-2019.csv"
	heldOutDir = "../../../../../shared/gold-check"
)

var local = sync.OnceValues(func() (*pipeline.Local, error) { return pipeline.NewLocal(parse.Config{}) })

func process(t testing.TB) Process {
	t.Helper()
	l, err := local()
	if err != nil {
		t.Fatal(err)
	}
	return storyeval.FromLocal(l)
}

func rows(t testing.TB) []storyeval.Row {
	t.Helper()
	rs, err := storyeval.LoadCorpusExcept(corpusPath, heldOutDir)
	if err != nil {
		t.Fatalf("the shared corpus and held-out set must sit beside the repository: %v", err)
	}
	return rs
}

func TestGoldSetIsLargeEnoughAndOutsideTheHeldOutSet(t *testing.T) {
	g, err := LoadGold()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := storyeval.HeldOut(heldOutDir)
	if err != nil {
		t.Fatalf("the shared held-out set must sit beside the repository: %v", err)
	}
	amb := 0
	for _, m := range g.Mentions {
		if ex[m.Article] {
			t.Errorf("%s is held out", m.Article)
		}
		if m.Ambiguous {
			amb++
		}
	}
	if len(g.Mentions) < 200 || amb < 40 {
		t.Errorf("gold set has %d mentions, %d ambiguous; want at least 200 and 40", len(g.Mentions), amb)
	}
	if len(g.Countries) < 50 {
		t.Errorf("gold set has countries for %d articles, want at least 50", len(g.Countries))
	}
}

func TestReadGoldRejectsBadLines(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"empty", "# only a comment\n"},
		{"bad id", "M\ta\tParis\tx\tA\n"},
		{"bad kind", "M\ta\tParis\t2988507\tmaybe\n"},
		{"unknown record", "Z\ta\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ReadGold([]byte(tc.data)); err == nil {
				t.Errorf("ReadGold(%q) gave no error", tc.data)
			}
		})
	}
}

func TestRunRejectsGoldArticlesOutsideTheCorpus(t *testing.T) {
	l, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	g := Gold{Mentions: []Mention{{Article: "wikinews-2019-999", Name: "Paris", ID: 2988507}}}
	rs := []storyeval.Row{{Name: "wikinews-2019-000", Title: "t", Text: "Paris."}}
	if _, err := Run(context.Background(), process(t), l, rs, g); err == nil {
		t.Error("Run accepted a gold article missing from the corpus")
	}
}

func TestEvaluateLoadsEverything(t *testing.T) {
	r, err := Evaluate(context.Background(), process(t), corpusPath, heldOutDir)
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles < 100 || r.Unambiguous.Total+r.Ambiguous.Total+r.NotFound < 200 {
		t.Errorf("evaluated %d articles and %d mentions", r.Articles, r.Unambiguous.Total+r.Ambiguous.Total)
	}
	if !strings.HasPrefix(r.String(), "geo: articles=") {
		t.Errorf("report line %q", r.String())
	}
	if _, err := Evaluate(context.Background(), process(t), corpusPath, "no-such-dir"); err == nil {
		t.Error("Evaluate accepted a missing held-out directory")
	}
}

// TestLinkerMeetsTargetsOnGoldSet holds the linker to the targets
// on the annotated corpus articles.
func TestLinkerMeetsTargetsOnGoldSet(t *testing.T) {
	g, err := LoadGold()
	if err != nil {
		t.Fatal(err)
	}
	l, err := geo.New()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(context.Background(), process(t), l, rows(t), g)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s\n%s", r, strings.Join(r.Errors, "\n"))
	if r.Unambiguous.Accuracy < 0.95 {
		t.Errorf("unambiguous accuracy %.3f, want >= 0.95", r.Unambiguous.Accuracy)
	}
	if r.Ambiguous.Accuracy < 0.85 {
		t.Errorf("ambiguous accuracy %.3f, want >= 0.85", r.Ambiguous.Accuracy)
	}
	if r.CountryPrecision < 0.95 {
		t.Errorf("country precision %.3f, want >= 0.95", r.CountryPrecision)
	}
	if r.NotFound > len(g.Mentions)/20 {
		t.Errorf("%d gold mentions not found by the recognizer", r.NotFound)
	}
}
