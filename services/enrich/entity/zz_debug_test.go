package entity

import (
	"strings"
	"context"
	"os"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

func TestZZEnts(t *testing.T) {
	body := os.Getenv("ZZ_TEXT")
	if body == "" {
		t.Skip()
	}
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	a := article.Article{Body: body, Headline: "x"}
	ents, trs, err := r.RecognizeTraced(context.Background(), &a)
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range ents {
		t.Logf("ENT %s %q %v by=%s", e.Type, e.Name, e.Aliases, trs[i].Typed)
	}
}

func TestZZWord(t *testing.T) {
	w := os.Getenv("ZZ_WORD")
	if w == "" {
		t.Skip()
	}
	r, _ := New(Config{})
	t.Logf("first=%v common=%v known=%v english=%v wordlike=%v", r.lx.firstName(w), r.lx.common[strings.ToLower(w)], r.knownForm(w), r.englishWord(strings.ToLower(w)), r.lx.wordLike(strings.ToLower(w)))
}

func TestZZMade(t *testing.T) {
	s := os.Getenv("ZZ_TEXT")
	if s == "" {
		t.Skip()
	}
	r := newTestRecognizer(t)
	m := mentionOf(t, r, s, os.Getenv("ZZ_PHRASE"), false)
	t.Logf("MADE %q %v", m.text, r.rules.names(m.made))
}

func TestZZSpans(t *testing.T) {
	s := os.Getenv("ZZ_TEXT")
	if s == "" {
		t.Skip()
	}
	r := newTestRecognizer(t)
	for _, u := range r.lx.units(s, r.cfg.MaxSentenceBytes) {
		for _, m := range r.spans(s, u, false) {
			t.Logf("SPAN %q typ=%q ev=%d speaks=%v it=%v personish=%v given=%v made=%v", m.text, m.typ, m.ev, m.speaks, m.itActs, m.personish, m.given, r.rules.names(m.made))
		}
	}
}
