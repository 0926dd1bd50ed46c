package entity

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/goldtext"
)

// TestDevErrors prints the entity errors on the development gold
// (../shared/gold only) when ENTITY_DEV_ERRORS=1: a development aid.
func TestDevErrors(t *testing.T) {
	if os.Getenv("ENTITY_DEV_ERRORS") == "" {
		t.Skip("set ENTITY_DEV_ERRORS=1")
	}
	files, _ := filepath.Glob(filepath.Join(goldDir, "*.gold.json"))
	gum, _ := filepath.Glob(filepath.Join(goldDir, "gum", "*.gold.json"))
	files = append(files, gum...)
	rec := newTestRecognizer(t)
	fold := func(s string) string {
		s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(s)
		s = strings.Join(strings.Fields(s), " ")
		return strings.ToLower(strings.Trim(s, " \"'.,;:!?()[]-"))
	}
	place := func(x string) bool { return x == "GPE" || x == "LOC" || x == "FAC" }
	for _, f := range files {
		b, _ := os.ReadFile(f)
		var g goldFile
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		raw, _ := os.ReadFile(strings.TrimSuffix(f, ".gold.json") + ".txt")
		a := goldtext.Parse(string(raw))
		ents, tr, err := rec.RecognizeTraced(context.Background(), &a)
		if err != nil {
			t.Fatal(err)
		}
		pf := make([]map[string]bool, len(ents))
		for i, e := range ents {
			pf[i] = map[string]bool{fold(e.Name): true}
			for _, x := range e.Aliases {
				pf[i][fold(x)] = true
			}
			for _, m := range e.Mentions {
				pf[i][fold(m.Text)] = true
			}
		}
		used := map[int]bool{}
		var lines []string
		for _, ge := range g.Entities {
			gf := map[string]bool{fold(ge.Name): true}
			for _, x := range ge.Aliases {
				gf[fold(x)] = true
			}
			for _, m := range ge.Mentions {
				gf[fold(m.Text)] = true
			}
			hit, typeMis := false, -1
			for j := range ents {
				inter := false
				for k := range pf[j] {
					inter = inter || gf[k]
				}
				if !inter || used[j] {
					continue
				}
				if ents[j].Type == ge.Type || place(ents[j].Type) && place(ge.Type) {
					used[j], hit = true, true
					break
				}
				typeMis = j
			}
			if !hit {
				if typeMis >= 0 {
					lines = append(lines, fmt.Sprintf("  TYPE gold %s %q pred %s %v", ge.Type, ge.Name, ents[typeMis].Type, tr[typeMis]))
				} else {
					lines = append(lines, fmt.Sprintf("  FN   %s %q %v", ge.Type, ge.Name, ge.Aliases))
				}
			}
		}
		for j, e := range ents {
			if !used[j] {
				lines = append(lines, fmt.Sprintf("  FP   %s %q %v %v", e.Type, e.Name, e.Aliases, tr[j]))
			}
		}
		sort.Strings(lines)
		fmt.Printf("== %s\n%s\n", filepath.Base(f), strings.Join(lines, "\n"))
	}
}

// TestDevDump prints the entities of development corpus articles (a JSON
// list of {id, headline, text} at ENTITY_DEV_DUMP, articles outside the
// held-out set) for reading.
func TestDevDump(t *testing.T) {
	p := os.Getenv("ENTITY_DEV_DUMP")
	if p == "" {
		t.Skip("set ENTITY_DEV_DUMP=file.json")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var docs []struct{ ID, Headline, Text string }
	if err := json.Unmarshal(b, &docs); err != nil {
		t.Fatal(err)
	}
	rec := newTestRecognizer(t)
	for _, d := range docs {
		a := goldtext.Parse(d.Headline + "\n\n" + d.Text)
		ents, tr, err := rec.RecognizeTraced(context.Background(), &a)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("== %s %s\n", d.ID, d.Headline)
		for i, e := range ents {
			fmt.Printf("  %-6s %q %v %v\n", e.Type, e.Name, e.Aliases, tr[i])
		}
	}
}

// TestDevSentence prints the entities of the text in ENTITY_DEV_TEXT.
func TestDevSentence(t *testing.T) {
	s := os.Getenv("ENTITY_DEV_TEXT")
	if s == "" {
		t.Skip("set ENTITY_DEV_TEXT")
	}
	rec := newTestRecognizer(t)
	ents, tr, err := rec.RecognizeTraced(context.Background(), &article.Article{Body: s})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range ents {
		fmt.Printf("  %-6s %q %v %v\n", e.Type, e.Name, e.Aliases, tr[i])
	}
}
