package storyeval

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/services/enrich/story"
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
	return FromLocal(l)
}

func rows(t testing.TB) []Row {
	t.Helper()
	rs, err := LoadCorpusExcept(corpusPath, heldOutDir)
	if err != nil {
		t.Fatalf("the shared corpus and held-out set must sit beside the repository: %v", err)
	}
	return rs
}

func TestDuplicatesOnGeneratedSet(t *testing.T) {
	rs := rows(t)
	samples := Generate(rs, 120, 1)
	if fams := len(samples) / (len(Variants) + 1); fams < 100 {
		t.Fatalf("generated %d families, want at least 100", fams)
	}
	r, err := Duplicates(context.Background(), process(t), story.Config{}, samples, 7)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("duplicates: %+v", r)
	if r.Precision < 0.99 || r.Recall < 0.95 {
		t.Errorf("duplicates precision %.3f recall %.3f, want >= 0.99 and >= 0.95", r.Precision, r.Recall)
	}
	if r.HardNegatives == 0 {
		t.Errorf("no pair of originals shares a main entity: the set has no hard negatives")
	}
}

func TestStoriesOnHandCheckedGroups(t *testing.T) {
	groups, err := Groups()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Stories(context.Background(), process(t), story.Config{}, rows(t), groups)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stories: articles=%d pairs true=%d pred=%d correct=%d P=%.3f R=%.3f\n%s", r.Articles, r.TruePairs, r.PredPairs, r.Correct, r.Precision, r.Recall, strings.Join(r.Wrong, "\n"))
	if r.Precision < 0.90 || r.Recall < 0.80 {
		t.Errorf("stories precision %.3f recall %.3f, want >= 0.90 and >= 0.80", r.Precision, r.Recall)
	}
}
