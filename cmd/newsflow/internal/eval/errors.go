package eval

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/newsflow/newsflow/pkg/article"
)

// Trace names the rules behind an enriched article's quotes and entities,
// parallel to Article.Quotes and Article.Entities. The enrich layers record
// them internally; the eval command asks for them to explain its errors.
type Trace struct {
	// QuoteRules[i] names the attribution rule that chose Quotes[i]'s speaker.
	QuoteRules []string
	// EntityRules[i] names the rules that made and typed Entities[i].
	EntityRules []EntityRules
}

// EntityRules names the rules behind one entity.
type EntityRules struct {
	// Made names the joining and splitting rules behind its mentions.
	Made []string
	// Typed names the rule that gave it its type.
	Typed string
}

// Tracer returns the trace of an enriched article, computed from the
// article as the pipeline returned it.
type Tracer func(ctx context.Context, a article.Article) (Trace, error)

// Option configures Run.
type Option func(*runConfig)

type runConfig struct {
	tracer Tracer
	errors bool
}

// WithErrors makes Run collect every quote and entity error (Report.Errors).
func WithErrors() Option { return func(c *runConfig) { c.errors = true } }

// WithTracer gives Run the rules behind each prediction, so that each error
// names the rule responsible. Without it errors carry no rule.
func WithTracer(t Tracer) Option { return func(c *runConfig) { c.tracer = t } }

// Quote error kinds: a quote missed or invented, and the kinds of wrong
// speaker that issue 11 names.
const (
	KindMissedQuote    = "missed_quote"
	KindExtraQuote     = "extra_quote"
	KindNoSpeaker      = "no_speaker"       // gold names a speaker, the prediction none
	KindSpuriousSpeak  = "spurious_speaker" // gold has no speaker, the prediction one
	KindCannotSpeak    = "cannot_speak"     // a place, nationality or common noun named as the speaker
	KindUnresolved     = "unresolved"       // a pronoun or a description where the gold names someone
	KindRunsOn         = "runs_on"          // the speaker span runs past the gold name
	KindWrongSpeaker   = "wrong_speaker"    // another name than the gold's
	noRule             = "(none)"
	noType             = "-"
	entityKindFP       = "false_positive"
	entityKindFN       = "false_negative"
	entityKindConfused = "type_confusion"
)

// QuoteError is one missed or extra quote, or a matched quote whose speaker is wrong.
type QuoteError struct {
	Article     string `json:"article"`
	Kind        string `json:"kind"`
	Sentence    string `json:"sentence,omitempty"`
	GoldText    string `json:"gold_text,omitempty"`
	PredText    string `json:"pred_text,omitempty"`
	GoldSpeaker string `json:"gold_speaker,omitempty"`
	PredSpeaker string `json:"pred_speaker,omitempty"`
	Rule        string `json:"rule,omitempty"`
}

// EntityError is one false positive, false negative or type confusion.
type EntityError struct {
	Article  string `json:"article"`
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	GoldType string `json:"gold_type,omitempty"`
	PredType string `json:"pred_type,omitempty"`
	// Rule is the rule that typed the prediction (false positives and confusions).
	Rule string `json:"rule,omitempty"`
	// Made names the rules that made the prediction.
	Made []string `json:"made,omitempty"`
}

// Errors is every error of a run, with counts by kind and by rule.
type Errors struct {
	Quotes   []QuoteError  `json:"quotes"`
	Entities []EntityError `json:"entities"`
	// QuoteKinds and QuoteRules count quote errors by kind and by the rule that chose the speaker.
	QuoteKinds map[string]int `json:"quote_kinds"`
	QuoteRules map[string]int `json:"quote_rules"`
	// QuoteRuleTotals counts every matched quote by rule, right or wrong, so
	// a rule's error rate can be read beside its errors.
	QuoteRuleTotals map[string]int `json:"quote_rule_totals"`
	// EntityKinds counts entity errors by kind, EntityRules false positives
	// and confusions by the rule that typed them.
	EntityKinds map[string]int `json:"entity_kinds"`
	EntityRules map[string]int `json:"entity_rules"`
	// EntityRuleTotals counts every predicted entity by the rule that typed
	// it, right or wrong, so a rule's precision can be read beside its errors.
	EntityRuleTotals map[string]int `json:"entity_rule_totals"`
	// Confusion counts gold type (row) against predicted type (column) over
	// the matched and unmatched entities; "-" is no entity.
	Confusion map[string]map[string]int `json:"confusion"`
}

func newErrors() *Errors {
	return &Errors{
		QuoteKinds: map[string]int{}, QuoteRules: map[string]int{}, QuoteRuleTotals: map[string]int{},
		EntityKinds: map[string]int{}, EntityRules: map[string]int{}, EntityRuleTotals: map[string]int{},
		Confusion: map[string]map[string]int{},
	}
}

func (e *Errors) confuse(gold, pred string) {
	row := e.Confusion[gold]
	if row == nil {
		row = map[string]int{}
		e.Confusion[gold] = row
	}
	row[pred]++
}

func ruleOr(s string) string {
	if s == "" {
		return noRule
	}
	return s
}

// collect adds one article's errors.
func (e *Errors) collect(name string, g *Gold, a article.Article, tr Trace) {
	e.collectQuotes(name, g, a, tr)
	e.collectEntities(name, g, a, tr)
}

func (e *Errors) collectQuotes(name string, g *Gold, a article.Article, tr Trace) {
	if !g.HasQuotes {
		return
	}
	pred := make([]string, len(a.Quotes))
	for i, q := range a.Quotes {
		pred[i] = q.Text
	}
	rule := func(i int) string {
		if i < len(tr.QuoteRules) {
			return ruleOr(tr.QuoteRules[i])
		}
		return noRule
	}
	pairs := matchQuotes(g.Quotes, pred)
	goldHit, predHit := map[int]bool{}, map[int]bool{}
	for _, pr := range pairs {
		gi, pj := pr[0], pr[1]
		goldHit[gi], predHit[pj] = true, true
		gq, pq := g.Quotes[gi], a.Quotes[pj]
		e.QuoteRuleTotals[rule(pj)]++
		if speakerOK(gq, pq.Speaker) {
			continue
		}
		kind := speakerErrorKind(gq, pq.Speaker, a.Entities)
		e.add(QuoteError{
			Article: name, Kind: kind, Sentence: quoteContext(a, pq),
			GoldText: gq.Text, GoldSpeaker: deref(gq.Speaker), PredText: pq.Text, PredSpeaker: pq.Speaker, Rule: rule(pj),
		})
	}
	for gi, gq := range g.Quotes {
		if !goldHit[gi] {
			e.add(QuoteError{Article: name, Kind: KindMissedQuote, Sentence: findContext(a.Body, gq.Text),
				GoldText: gq.Text, GoldSpeaker: deref(gq.Speaker), Rule: noRule})
		}
	}
	for pj, pq := range a.Quotes {
		if !predHit[pj] {
			e.QuoteRuleTotals[rule(pj)]++ // (an extra quote the rule attributed counts among its quotes too)
			e.add(QuoteError{Article: name, Kind: KindExtraQuote, Sentence: quoteContext(a, pq),
				PredText: pq.Text, PredSpeaker: pq.Speaker, Rule: rule(pj)})
		}
	}
}

func (e *Errors) add(q QuoteError) {
	e.Quotes = append(e.Quotes, q)
	e.QuoteKinds[q.Kind]++
	e.QuoteRules[q.Rule]++
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
	"him": true, "her": true, "them": true, "us": true, "who": true,
}

// speakerErrorKind sorts a wrong speaker into the kinds of issue 11.
func speakerErrorKind(g GoldQuote, pred string, ents []article.Entity) string {
	gold := deref(g.Speaker)
	switch {
	case pred == "":
		return KindNoSpeaker
	case gold == "":
		return KindSpuriousSpeak
	}
	p := fold(pred)
	for _, ent := range ents {
		if fold(ent.Name) == p {
			switch ent.Type {
			case article.TypeNORP, article.TypeGPE, article.TypeLoc, article.TypeFac:
				return KindCannotSpeak
			}
			break
		}
	}
	if pronouns[p] {
		return KindUnresolved
	}
	for f := range nameForms(g) {
		if f != "" && f != p && strings.Contains(" "+p+" ", " "+f+" ") {
			return KindRunsOn
		}
	}
	if startsUpper(gold) && !startsUpper(strings.TrimPrefix(strings.TrimPrefix(pred, "the "), "The ")) {
		return KindUnresolved // a description where the gold names someone
	}
	return KindWrongSpeaker
}

// quoteContext returns the sentence (or, failing that, the stretch of the
// paragraph) around a predicted quote, so that the error can be read alone.
func quoteContext(a article.Article, q article.Quote) string {
	text := a.Body
	if q.Field == article.FieldCaption {
		text = a.Caption
	}
	rs := []rune(text)
	if q.Start < 0 || q.End > len(rs) || q.Start > q.End {
		return ""
	}
	return sentenceAround(rs, q.Start, q.End)
}

// findContext finds a gold quote's text in the body and returns the
// sentence around it, or "" when it is not found verbatim.
func findContext(body, quote string) string {
	probe := quote
	if r := []rune(probe); len(r) > 40 {
		probe = string(r[:40])
	}
	i := strings.Index(body, probe)
	if i < 0 {
		return ""
	}
	rs := []rune(body)
	start := len([]rune(body[:i]))
	return sentenceAround(rs, start, start+len([]rune(quote)))
}

// sentenceAround widens [start, end) to the sentence around it: back to
// the end of the previous sentence and on to the end of this one, within
// its paragraph and at most 160 code points either side.
func sentenceAround(rs []rune, start, end int) string {
	lo, hi := start, end
	for lo > 0 && rs[lo-1] != '\n' && start-lo < 160 && !sentenceEnd(rs, lo-2) {
		lo--
	}
	for hi < len(rs) && rs[hi] != '\n' && hi-end < 160 && !sentenceEnd(rs, hi-1) {
		hi++
	}
	return strings.Join(strings.FieldsFunc(string(rs[lo:hi]), unicode.IsSpace), " ")
}

// sentenceEnd reports whether rs[i] ends a sentence: '.', '!' or '?' (or
// a closing quote after one) followed by a space.
func sentenceEnd(rs []rune, i int) bool {
	if i < 0 || i+1 >= len(rs) || !unicode.IsSpace(rs[i+1]) {
		return false
	}
	c := rs[i]
	if (c == '"' || c == '”' || c == '’') && i > 0 {
		c = rs[i-1]
	}
	return c == '.' || c == '!' || c == '?'
}

func (e *Errors) collectEntities(name string, g *Gold, a article.Article, tr Trace) {
	if len(g.Entities) == 0 { // quote-only gold (the quote dev set) annotates no entities
		return
	}
	pred := make([]predEntity, 0, len(a.Entities))
	for _, ent := range a.Entities {
		p := predEntity{Name: ent.Name, Type: ent.Type, Aliases: ent.Aliases}
		for _, m := range ent.Mentions {
			p.Mentions = append(p.Mentions, m.Text)
		}
		pred = append(pred, p)
	}
	rules := func(i int) EntityRules {
		if i < len(tr.EntityRules) {
			return tr.EntityRules[i]
		}
		return EntityRules{}
	}
	for j := range pred {
		e.EntityRuleTotals[ruleOr(rules(j).Typed)]++
	}
	m := matchEntitiesDetail(g.Entities, pred, g.norpComplete())
	for _, pr := range m.pairs {
		e.confuse(m.gold[pr[0]].Type, coarseType(pred[pr[1]].Type))
	}
	confusedPred := map[int]bool{}
	for _, gi := range m.missed {
		ge := m.gold[gi]
		// A prediction that shares a form but not the type is a confusion.
		pj := m.sameForms(gi, pred, confusedPred)
		if pj >= 0 {
			confusedPred[pj] = true
			r := rules(pj)
			e.confuse(ge.Type, coarseType(pred[pj].Type))
			e.addEntity(EntityError{Article: name, Kind: entityKindConfused, Name: ge.Name, GoldType: ge.Type,
				PredType: pred[pj].Type, Rule: ruleOr(r.Typed), Made: r.Made})
			continue
		}
		e.confuse(ge.Type, noType)
		e.addEntity(EntityError{Article: name, Kind: entityKindFN, Name: ge.Name, GoldType: ge.Type})
	}
	for _, pj := range m.extra {
		if confusedPred[pj] {
			continue
		}
		r := rules(pj)
		e.confuse(noType, coarseType(pred[pj].Type))
		e.addEntity(EntityError{Article: name, Kind: entityKindFP, Name: pred[pj].Name, PredType: pred[pj].Type,
			Rule: ruleOr(r.Typed), Made: r.Made})
	}
}

func (e *Errors) addEntity(x EntityError) {
	e.Entities = append(e.Entities, x)
	e.EntityKinds[x.Kind]++
	if x.Kind != entityKindFN {
		e.EntityRules[x.Rule]++
	}
}

// Write prints every error, then the counts by kind and rule and the type
// confusion matrix.
func (e *Errors) Write(w io.Writer) error {
	var b strings.Builder
	b.WriteString("\n== quote errors ==\n")
	for _, q := range e.Quotes {
		fmt.Fprintf(&b, "%s  %s  rule=%s\n", q.Article, q.Kind, q.Rule)
		if q.Sentence != "" {
			fmt.Fprintf(&b, "    sentence: %s\n", q.Sentence)
		}
		if q.GoldText != "" || q.GoldSpeaker != "" {
			fmt.Fprintf(&b, "    gold: %q  speaker=%q\n", clip(q.GoldText, 80), q.GoldSpeaker)
		}
		if q.PredText != "" || q.PredSpeaker != "" || q.Kind != KindMissedQuote {
			fmt.Fprintf(&b, "    pred: %q  speaker=%q\n", clip(q.PredText, 80), q.PredSpeaker)
		}
	}
	writeCounts(&b, "quote errors by kind", e.QuoteKinds, nil)
	writeCounts(&b, "quote errors by rule (errors / quotes the rule attributed)", e.QuoteRules, e.QuoteRuleTotals)
	b.WriteString("\n== entity errors ==\n")
	for _, x := range e.Entities {
		switch x.Kind {
		case entityKindFN:
			fmt.Fprintf(&b, "%s  %s  %s %q\n", x.Article, x.Kind, x.GoldType, x.Name)
		case entityKindConfused:
			fmt.Fprintf(&b, "%s  %s  %q gold=%s pred=%s  typed_by=%s made_by=%s\n", x.Article, x.Kind, x.Name, x.GoldType, x.PredType, x.Rule, strings.Join(x.Made, ","))
		default:
			fmt.Fprintf(&b, "%s  %s  %s %q  typed_by=%s made_by=%s\n", x.Article, x.Kind, x.PredType, x.Name, x.Rule, strings.Join(x.Made, ","))
		}
	}
	writeCounts(&b, "entity errors by kind", e.EntityKinds, nil)
	writeCounts(&b, "entity false positives and confusions by typing rule (errors / entities the rule typed)", e.EntityRules, e.EntityRuleTotals)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write errors: %w", err)
	}
	return e.writeConfusion(w)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func writeCounts(b *strings.Builder, title string, n, of map[string]int) {
	fmt.Fprintf(b, "\n== %s ==\n", title)
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	// (Rules that fired without an error are listed too, at 0: how often a
	// rule is right matters as much as how often it is wrong.)
	for k := range of {
		if _, ok := n[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if n[keys[i]] != n[keys[j]] {
			return n[keys[i]] > n[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		if of != nil {
			fmt.Fprintf(b, "%6d / %-5d %s\n", n[k], of[k], k)
		} else {
			fmt.Fprintf(b, "%6d  %s\n", n[k], k)
		}
	}
}

// writeConfusion prints gold types as rows and predicted types as columns.
func (e *Errors) writeConfusion(w io.Writer) error {
	types := map[string]bool{}
	for g, row := range e.Confusion {
		types[g] = true
		for p := range row {
			types[p] = true
		}
	}
	var cols []string
	for t := range types {
		if t != noType {
			cols = append(cols, t)
		}
	}
	sort.Strings(cols)
	cols = append(cols, noType)
	if _, err := io.WriteString(w, "\n== entity type confusion (rows gold, columns predicted, - none) ==\n"); err != nil {
		return fmt.Errorf("write errors: %w", err)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "gold\\pred\t%s\t\n", strings.Join(cols, "\t"))
	for _, g := range cols {
		fmt.Fprintf(tw, "%s", g)
		for _, p := range cols {
			fmt.Fprintf(tw, "\t%d", e.Confusion[g][p])
		}
		fmt.Fprintln(tw, "\t")
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write errors: %w", err)
	}
	return nil
}
