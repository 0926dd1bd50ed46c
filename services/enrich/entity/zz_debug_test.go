package entity

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

func TestZZDebug(t *testing.T) {
	s := os.Getenv("DBG")
	if s == "" {
		t.Skip()
	}
	r := newTestRecognizer(t)
	for _, body := range strings.Split(s, "||") {
		a := &article.Article{Headline: "Headline here", Body: strings.ReplaceAll(body, "|", "\n\n")}
		ents, tr, err := r.RecognizeTraced(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("== %s", body)
		for i, e := range ents {
			t.Logf("  %s %q %v typed=%s made=%v", e.Type, e.Name, e.Aliases, tr[i].Typed, tr[i].Made)
		}
		if os.Getenv("TOK") != "" {
			for _, u := range r.lx.units(a.Body, 1000) {
				toks := r.tag(a.Body, u)
				var b strings.Builder
				for i, tk := range toks {
					b.WriteString(tk.text + "/" + tk.tag + "/" + tk.label)
					if r.isNameToken(toks, i) {
						b.WriteString("*")
					}
					b.WriteString(" ")
				}
				t.Log(b.String())
			}
		}
	}
}
