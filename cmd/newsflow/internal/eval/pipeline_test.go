package eval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/enrich/entity"
)

const goldDir = "../../../../../shared/gold"

// entityPipeline parses with PlainText and tags entities, converting the
// mention offsets to code points as the enriched article has them.
func entityPipeline(t testing.TB) Pipeline {
	t.Helper()
	rec, err := entity.New(entity.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return func(ctx context.Context, name string, raw []byte) (article.Article, error) {
		a := PlainText(string(raw))
		ents, err := rec.Recognize(ctx, &a)
		if err != nil {
			return a, err
		}
		off := article.NewOffsets(a.Body)
		for i := range ents {
			for j := range ents[i].Mentions {
				m := &ents[i].Mentions[j]
				m.Start, m.End = off.Rune(m.Start), off.Rune(m.End)
			}
		}
		a.Entities = ents
		return a, nil
	}
}

// TestEntityEval runs the recognizer over the gold and, when EVAL_OUT is set,
// writes the report and the predictions there for the reference scorer.
func TestEntityEval(t *testing.T) {
	if _, err := os.Stat(goldDir); err != nil {
		t.Fatalf("the shared gold must sit beside the repository: %v", err)
	}
	rep, err := Run(context.Background(), goldDir, entityPipeline(t))
	if err != nil {
		t.Fatal(err)
	}
	if out := os.Getenv("EVAL_OUT"); out != "" {
		if err := rep.WritePredictions(out); err != nil {
			t.Fatal(err)
		}
		f, _ := os.Create(filepath.Join(out, "report.txt"))
		defer f.Close()
		if err := rep.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	if rep.Overall.Articles < 20 {
		t.Errorf("articles = %d, want all gold", rep.Overall.Articles)
	}
}

// TestRawProseEval scores plain prose v2 entities (one entity per distinct
// text and label, the "before" figure of docs/entities.md) when EVAL_RAW_OUT is set.
func TestRawProseEval(t *testing.T) {
	out := os.Getenv("EVAL_RAW_OUT")
	if out == "" {
		t.Skip("set EVAL_RAW_OUT to score raw prose")
	}
	rec, err := entity.New(entity.Config{})
	if err != nil {
		t.Fatal(err)
	}
	p := func(ctx context.Context, name string, raw []byte) (article.Article, error) {
		a := PlainText(string(raw))
		doc, err := prose.NewDocument(a.Body, prose.UsingModel(rec.Model()))
		if err != nil {
			return a, err
		}
		seen := map[string]bool{}
		for _, e := range doc.Entities() {
			if k := e.Label + "|" + e.Text; !seen[k] {
				seen[k] = true
				a.Entities = append(a.Entities, article.Entity{Name: e.Text, Type: e.Label})
			}
		}
		return a, nil
	}
	rep, err := Run(context.Background(), goldDir, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := rep.WritePredictions(out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(out, "report.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := rep.Write(f); err != nil {
		t.Fatal(err)
	}
}
