package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

func TestSpeakerErrorKind(t *testing.T) {
	ents := []article.Entity{
		{Name: "Norway", Type: article.TypeGPE},
		{Name: "Canadian", Type: article.TypeNORP},
		{Name: "Jane Roe", Type: article.TypePerson},
	}
	person := GoldQuote{Speaker: ptr("Jane Roe"), SpeakerAliases: []string{"Roe"}, SpeakerType: ptr("PERSON")}
	none := GoldQuote{}
	tests := []struct {
		name string
		gold GoldQuote
		pred string
		want string
	}{
		{"nothing predicted", person, "", KindNoSpeaker},
		{"speaker where gold has none", none, "Jane Roe", KindSpuriousSpeak},
		{"a country", person, "Norway", KindCannotSpeak},
		{"a nationality", person, "Canadian", KindCannotSpeak},
		{"a pronoun", person, "she", KindUnresolved},
		{"a description for a name", person, "the minister", KindUnresolved},
		{"span runs on", person, "Jane Roe speaking", KindRunsOn},
		{"another name", person, "John Doe", KindWrongSpeaker},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := speakerErrorKind(tc.gold, tc.pred, ents); got != tc.want {
				t.Fatalf("speakerErrorKind(%q) = %q, want %q", tc.pred, got, tc.want)
			}
		})
	}
}

// TestCollectErrors builds one gold article and one prediction by hand and
// checks each kind of error, the rule each names, and the confusion matrix.
func TestCollectErrors(t *testing.T) {
	body := `Jane Roe said "we will build the bridge next year." Later "the river is too wide," Roe added. ` +
		`The mayor spoke at Harbor Hall: "nobody asked the people who live here," according to the Daily Bugle.`
	g := &Gold{HasQuotes: true, Source: "test",
		Quotes: []GoldQuote{
			{Text: "we will build the bridge next year.", Speaker: ptr("Jane Roe"), SpeakerType: ptr("PERSON")},
			{Text: "the river is too wide,", Speaker: ptr("Jane Roe"), SpeakerAliases: []string{"Roe"}, SpeakerType: ptr("PERSON")},
			{Text: "nobody asked the people who live here,", Speaker: ptr("the mayor"), SpeakerType: ptr("PERSON")},
		},
		Entities: []GoldEntity{
			{Name: "Jane Roe", Type: "PERSON", Aliases: []string{"Roe"}},
			{Name: "Harbor Hall", Type: "FAC"},
			{Name: "Daily Bugle", Type: "ORG"},
		},
	}
	runeIdx := func(s string) int { return len([]rune(body[:strings.Index(body, s)])) }
	q := func(text, spk string) article.Quote {
		s := runeIdx(text)
		return article.Quote{Text: text, Speaker: spk, Start: s, End: s + len([]rune(text))}
	}
	a := article.Article{Body: body,
		Quotes: []article.Quote{
			q("we will build the bridge next year.", "Jane Roe"), // right
			q("the river is too wide,", ""),                      // no speaker
			q("next year", "Jane Roe"),                           // extra quote
		},
		Entities: []article.Entity{
			{Name: "Jane Roe", Type: article.TypePerson},
			{Name: "Harbor Hall", Type: article.TypePerson}, // type confusion
			{Name: "Later", Type: article.TypeOrg},          // false positive
		},
	}
	tr := Trace{
		QuoteRules:  []string{"cue_subject", "", "cue_subject"},
		EntityRules: []EntityRules{{Typed: "first_name"}, {Made: []string{"join_caps"}, Typed: "first_name"}, {Typed: "org_default"}},
	}
	e := newErrors()
	e.collect("one", g, a, tr)

	wantKinds := map[string]int{KindNoSpeaker: 1, KindMissedQuote: 1, KindExtraQuote: 1}
	for k, n := range wantKinds {
		if e.QuoteKinds[k] != n {
			t.Errorf("quote kind %s = %d, want %d (all: %v)", k, e.QuoteKinds[k], n, e.QuoteKinds)
		}
	}
	if len(e.Quotes) != 3 {
		t.Fatalf("quote errors = %d, want 3: %+v", len(e.Quotes), e.Quotes)
	}
	if e.QuoteRules[noRule] != 2 || e.QuoteRules["cue_subject"] != 1 {
		t.Errorf("quote errors by rule = %v, want (none)=2 cue_subject=1", e.QuoteRules)
	}
	// Every quote a rule attributed counts, matched or extra: no rule has
	// more errors than quotes ("(none)" holds the missed quotes too).
	if e.QuoteRuleTotals["cue_subject"] != 2 || e.QuoteRuleTotals[noRule] != 1 {
		t.Errorf("quotes by rule = %v, want cue_subject=2 (none)=1", e.QuoteRuleTotals)
	}
	for r, n := range e.QuoteRules {
		if r != noRule && n > e.QuoteRuleTotals[r] {
			t.Errorf("rule %s: %d errors of %d quotes", r, n, e.QuoteRuleTotals[r])
		}
	}
	for _, qe := range e.Quotes {
		if qe.Kind == KindNoSpeaker && qe.PredText != "the river is too wide," {
			t.Errorf("the no-speaker error's predicted text %q, want the matched quote's", qe.PredText)
		}
		if qe.Kind == KindNoSpeaker && !strings.Contains(qe.Sentence, "Roe added") {
			t.Errorf("sentence of the no-speaker error = %q, want the sentence around the quote", qe.Sentence)
		}
		if qe.Kind == KindMissedQuote && !strings.Contains(qe.Sentence, "according to") {
			t.Errorf("sentence of the missed quote = %q", qe.Sentence)
		}
	}

	wantEnt := map[string]int{entityKindConfused: 1, entityKindFN: 1, entityKindFP: 1}
	for k, n := range wantEnt {
		if e.EntityKinds[k] != n {
			t.Errorf("entity kind %s = %d, want %d (all: %v)", k, e.EntityKinds[k], n, e.EntityKinds)
		}
	}
	if e.EntityRules["first_name"] != 1 || e.EntityRules["org_default"] != 1 {
		t.Errorf("entity errors by rule = %v, want first_name=1 org_default=1", e.EntityRules)
	}
	// Every prediction counts for the rule that typed it, right or wrong.
	if e.EntityRuleTotals["first_name"] != 2 || e.EntityRuleTotals["org_default"] != 1 {
		t.Errorf("entities by rule = %v, want first_name=2 org_default=1", e.EntityRuleTotals)
	}
	if e.Confusion["PERSON"]["PERSON"] != 1 || e.Confusion["FAC"]["PERSON"] != 1 ||
		e.Confusion["ORG"][noType] != 1 || e.Confusion[noType]["ORG"] != 1 {
		t.Errorf("confusion = %v", e.Confusion)
	}

	var out bytes.Buffer
	if err := e.Write(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"no_speaker  rule=(none)", "type_confusion", "typed_by=org_default", "gold\\pred"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("printed errors lack %q:\n%s", want, out.String())
		}
	}
}

// TestRunWithErrors runs the error report over the shared gold with a tracer
// that names one rule, and checks that the errors agree with the scores.
func TestRunWithErrors(t *testing.T) {
	if _, err := os.Stat(goldDir); err != nil {
		t.Fatalf("the shared gold must sit beside the repository: %v", err)
	}
	tracer := func(_ context.Context, a article.Article) (Trace, error) {
		tr := Trace{QuoteRules: make([]string, len(a.Quotes)), EntityRules: make([]EntityRules, len(a.Entities))}
		for i := range tr.EntityRules {
			tr.EntityRules[i].Typed = "traced"
		}
		return tr, nil
	}
	rep, err := Run(context.Background(), filepath.Join(goldDir, "gum"), entityPipeline(t), WithErrors(), WithTracer(tracer))
	if err != nil {
		t.Fatal(err)
	}
	var fp, fn int
	for _, r := range rep.Articles {
		fp += r.EntityFP
		fn += r.EntityFN
	}
	k := rep.Errors.EntityKinds
	// A confusion is one false negative and one false positive of the score.
	if k[entityKindFN]+k[entityKindConfused] != fn || k[entityKindFP]+k[entityKindConfused] != fp {
		t.Errorf("errors %v disagree with the scores: fp=%d fn=%d", k, fp, fn)
	}
	if fp > 0 && rep.Errors.EntityRules["traced"] == 0 {
		t.Errorf("no error names the traced rule: %v", rep.Errors.EntityRules)
	}
}

// TestWriteCountsListsRulesWithoutErrors: a rule that fired and was always
// right is printed at 0, so its record sits beside the others'.
func TestWriteCountsListsRulesWithoutErrors(t *testing.T) {
	var b strings.Builder
	writeCounts(&b, "by rule", map[string]int{"cue_after": 2}, map[string]int{"cue_after": 9, "sign_reading": 4})
	for _, want := range []string{"     2 / 9     cue_after\n", "     0 / 4     sign_reading\n"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("counts lack %q:\n%s", want, b.String())
		}
	}
	if strings.Index(b.String(), "cue_after") > strings.Index(b.String(), "sign_reading") {
		t.Errorf("rules with errors should come first:\n%s", b.String())
	}
}
