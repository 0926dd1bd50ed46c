package entity

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/goldtext"
)

// goldDir is ../shared/gold from the repository root.
const goldDir = "../../../../shared/gold"

// Floors over all gold (seed, Wikinews 2019, GUM news), asserted by
// TestGoldF1. Issue 4 set 0.85 and 0.6; issue 12 removed the list entries
// and aliases fitted to these articles, which took the smallest article
// (GUM_news_ie9: three entities) to 0.571, so its floor is 0.55. The
// held-out set (gold-check) is the measure of accuracy, not this one.
const (
	targetF1     = 0.85
	targetMinArt = 0.55
)

type goldFile struct {
	Source   string `json:"source"`
	Entities []struct {
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Aliases  []string `json:"aliases"`
		Mentions []struct {
			Text string `json:"text"`
		} `json:"mentions"`
	} `json:"entities"`
}

// scoreEntities is the entity half of the GUIDELINES.md scoring (the full
// scorer lives in cmd/newsflow/internal/eval and is cross-checked there).
func scoreEntities(t *testing.T, g goldFile, pred []article.Entity) (tp, fp, fn int) {
	t.Helper()
	fold := func(s string) string {
		s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
		s = strings.Join(strings.Fields(s), " ")
		return strings.ToLower(strings.Trim(s, " \"'.,;:!?()[]-"))
	}
	place := func(x string) bool { return x == "GPE" || x == "LOC" || x == "FAC" }
	forms := func(name string, al, ms []string) map[string]bool {
		f := map[string]bool{fold(name): true}
		for _, a := range append(al, ms...) {
			f[fold(a)] = true
		}
		delete(f, "")
		return f
	}
	norp := !strings.HasPrefix(g.Source, "GUM")
	hasNORP := false
	for _, e := range g.Entities {
		hasNORP = hasNORP || (norp && e.Type == "NORP")
	}
	used := map[int]bool{}
	for _, ge := range g.Entities {
		var gm []string
		for _, m := range ge.Mentions {
			gm = append(gm, m.Text)
		}
		gf := forms(ge.Name, ge.Aliases, gm)
		for j, p := range pred {
			if used[j] || !(p.Type == ge.Type || place(p.Type) && place(ge.Type)) {
				continue
			}
			var pm []string
			for _, m := range p.Mentions {
				pm = append(pm, m.Text)
			}
			hit := false
			for f := range forms(p.Name, p.Aliases, pm) {
				hit = hit || gf[f]
			}
			if hit {
				used[j] = true
				tp++
				break
			}
		}
	}
	for j, p := range pred {
		if !used[j] && (hasNORP || p.Type != article.TypeNORP) {
			fp++
		}
	}
	return tp, fp, len(g.Entities) - tp
}

func f1(tp, fp, fn int) float64 {
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	return 2 * p * r / (p + r)
}

func TestGoldF1(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(goldDir, "*.gold.json"))
	gum, _ := filepath.Glob(filepath.Join(goldDir, "gum", "*.gold.json"))
	files = append(files, gum...)
	if len(files) == 0 {
		t.Skip("no shared gold at " + goldDir)
	}
	rec := newTestRecognizer(t)
	wantF1, wantMin := targetF1, targetMinArt
	var tp, fp, fn int
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".gold.json")
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldFile
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		raw, err := os.ReadFile(strings.TrimSuffix(f, ".gold.json") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		a := goldtext.Parse(string(raw))
		ents, err := rec.Recognize(context.Background(), &a)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkMentions(t, &a, ents)
		a1, b1, c1 := scoreEntities(t, g, ents)
		tp, fp, fn = tp+a1, fp+b1, fn+c1
		af := f1(a1, b1, c1)
		t.Logf("%-24s entity F1 %.3f (tp %d fp %d fn %d)", name, af, a1, b1, c1)
		if af < wantMin {
			t.Errorf("%s: entity F1 %.3f < %.2f", name, af, wantMin)
		}
	}
	all := f1(tp, fp, fn)
	t.Logf("overall entity F1 %.3f (target %.2f)", all, targetF1)
	if all < wantF1 {
		t.Errorf("overall entity F1 %.3f < %.2f", all, wantF1)
	}
}

// checkMentions asserts that every mention points at its text in the body
// (or the captions, for a caption mention) and that Count and the name are
// consistent.
func checkMentions(t *testing.T, a *article.Article, ents []article.Entity) {
	t.Helper()
	for _, e := range ents {
		if e.Count != len(e.Mentions) {
			t.Errorf("%s: count %d, %d mentions", e.Name, e.Count, len(e.Mentions))
		}
		for _, m := range e.Mentions {
			body := a.Body
			if m.Field == article.FieldCaption {
				body = a.Caption
			}
			if m.Start < 0 || m.End > len(body) || m.Start >= m.End || body[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %+v does not match body", e.Name, m)
			}
		}
		switch e.Type {
		case article.TypePerson, article.TypeOrg, article.TypeGPE, article.TypeLoc, article.TypeFac, article.TypeNORP:
		default:
			t.Errorf("%s: type %q", e.Name, e.Type)
		}
	}
}
