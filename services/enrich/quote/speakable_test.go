package quote

import (
	"context"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/newsflow/newsflow/pkg/article"
	ner "github.com/newsflow/newsflow/services/enrich/entity"
)

// recognizer is the real entity stage, built once for the tests that need
// the entities enrich would give the quote layer.
var recognizer = sync.OnceValues(func() (*ner.Recognizer, error) { return ner.New(ner.Config{}) })

// recognize returns the body entities the entity stage finds in body.
func recognize(tb testing.TB, body string) []article.Entity {
	tb.Helper()
	rec, err := recognizer()
	if err != nil {
		tb.Fatal(err)
	}
	a := article.Article{Body: body}
	ents, err := rec.Recognize(context.Background(), &a)
	if err != nil {
		tb.Fatal(err)
	}
	out := ents[:0]
	for _, e := range ents {
		ms := e.Mentions[:0]
		for _, m := range e.Mentions {
			if m.Field == "" || m.Field == article.FieldBody {
				ms = append(ms, m)
			}
		}
		e.Mentions = ms
		out = append(out, e)
	}
	return out
}

// TestCorpusSpeakersCanSpeak runs the entity stage and the quote layer over
// the 171 corpus articles and asserts that no quote's speaker is a NORP
// entity, and that a speaker that is a place (GPE, LOC, FAC) is the
// grammatical subject of its cue: one of its mentions stands right before
// the cue (adverbs aside, "Beijing on Monday said") or right after it
// ("said Beijing"). Failures name the article row and the speaker only.
func TestCorpusSpeakersCanSpeak(t *testing.T) {
	arts := loadCorpus(t)
	if len(arts) != 171 {
		t.Fatalf("corpus has %d articles, want 171", len(arts))
	}
	x := New()
	quotes, places := 0, 0
	for i, a := range arts {
		ents := recognize(t, a.body)
		qs, rules := x.ExtractTraced(a.body, ents)
		for j, q := range qs {
			quotes++
			for _, e := range ents {
				if e.Name != q.Speaker {
					continue
				}
				switch e.Type {
				case "NORP":
					t.Errorf("row %d: speaker %q is a NORP entity (rule %s)", i, q.Speaker, rules[j])
				case "GPE", "LOC", "FAC":
					places++
					if !subjectOfCue(a.body, q, e) {
						t.Errorf("row %d: place speaker %q is not the subject of its cue %q (rule %s)", i, q.Speaker, q.Cue, rules[j])
					}
				}
			}
		}
	}
	if quotes < 300 {
		t.Fatalf("only %d quotes over the corpus: the layer is broken", quotes)
	}
	t.Logf("%d quotes, %d with a place as speaker, all its cue's subject", quotes, places)
}

// subjectOfCue reports whether a mention of e in the quote's paragraph is
// followed by the cue (with at most three lower-case words between, such as
// "on Monday" or "also", and an appositive between commas) or follows the
// cue directly.
func subjectOfCue(body string, q article.Quote, e article.Entity) bool {
	if q.Cue == "" {
		return false
	}
	paras := article.Paragraphs(body)
	p := paras[q.Paragraph]
	for _, m := range e.Mentions {
		if m.Start < p.Start || m.End > p.End {
			continue
		}
		rest := body[m.End:p.End]
		// "Beijing, the capital, said": an appositive between commas.
		if strings.HasPrefix(rest, ",") {
			if c := strings.Index(rest[1:], ","); c >= 0 && len(strings.Fields(rest[1:c+1])) <= 12 && !strings.ContainsAny(rest[:c+1], "\"“”.") {
				rest = rest[c+2:]
			}
		}
		after := strings.Fields(rest)
		for k := 0; k < len(after) && k <= 3; k++ {
			w := strings.Trim(after[k], ",.;:")
			if w == q.Cue || strings.HasPrefix(strings.Join(after[k:], " "), q.Cue) {
				return true
			}
			if r := []rune(w); len(r) == 0 || unicode.IsUpper(r[0]) || strings.ContainsAny(after[k], "\"“”") {
				break
			}
		}
		before := strings.TrimRight(body[p.Start:m.Start], " ")
		if strings.HasSuffix(before, q.Cue) {
			return true
		}
	}
	return false
}
