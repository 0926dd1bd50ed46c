package entity

import (
	"context"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

// TestMentionsCorpus checks over the whole Wikinews 2019 corpus that every
// mention's offsets cover exactly its text in the body and that every
// entity's count is its number of mentions.
func TestMentionsCorpus(t *testing.T) {
	bodies := corpusBodies(t, 0)
	if len(bodies) < 100 {
		t.Fatalf("corpus has %d articles", len(bodies))
	}
	r := newTestRecognizer(t)
	mentions := 0
	for _, body := range bodies {
		a := &article.Article{Body: body}
		ents, err := r.Recognize(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		checkMentions(t, a, ents)
		for _, e := range ents {
			mentions += len(e.Mentions)
		}
	}
	if mentions < 1000 {
		t.Errorf("only %d mentions over %d articles", mentions, len(bodies))
	}
}

// TestParticleSurnameAlone checks that a family name written with its
// lower-case particle ("al-Rubaie"), used alone after the full name, is a
// mention of that person.
func TestParticleSurnameAlone(t *testing.T) {
	r := newTestRecognizer(t)
	a := &article.Article{Body: "Samir Jabbar al-Rubaie, a member of the commission, spoke on Monday.\n\nThe account was disputed by al-Rubaie on Tuesday."}
	ents, err := r.Recognize(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	checkMentions(t, a, ents)
	for _, e := range ents {
		if e.Name == "Samir Jabbar al-Rubaie" {
			if len(e.Mentions) != 2 {
				t.Errorf("%d mentions of %s, want 2: %+v", len(e.Mentions), e.Name, e.Mentions)
			}
			return
		}
	}
	t.Errorf("no entity Samir Jabbar al-Rubaie in %+v", ents)
}
