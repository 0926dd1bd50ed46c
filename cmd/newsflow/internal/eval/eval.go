// Package eval scores the pipeline's enriched articles against gold
// annotations (../shared/gold/GUIDELINES.md): quote precision, recall and F1,
// speaker accuracy, and entity precision, recall and F1, per article and
// overall. It is the engine of the `newsflow eval GOLD_DIR` command and
// agrees with the reference scorer score-gold on the same predictions.
package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/newsflow/newsflow/pkg/article"
)

// ErrNoGold reports a gold directory with no NAME.txt beside a NAME.gold.json.
var ErrNoGold = errors.New("eval: no gold articles found")

// Pipeline turns one raw article file into the enriched article (parse +
// enrich), injected by the caller.
type Pipeline func(ctx context.Context, name string, raw []byte) (article.Article, error)

// ArticleScore is the score of one article.
type ArticleScore struct {
	// Name is the article's path relative to the gold directory, without ".txt".
	Name          string  `json:"name"`
	GoldQuotes    int     `json:"gold_quotes"`
	PredQuotes    int     `json:"pred_quotes"`
	MatchedQuotes int     `json:"matched_quotes"`
	SpeakerOK     int     `json:"speaker_ok"`
	QuoteP        float64 `json:"quote_p"`
	QuoteR        float64 `json:"quote_r"`
	QuoteF1       float64 `json:"quote_f1"`
	EntityTP      int     `json:"entity_tp"`
	EntityFP      int     `json:"entity_fp"`
	EntityFN      int     `json:"entity_fn"`
	EntityP       float64 `json:"entity_p"`
	EntityR       float64 `json:"entity_r"`
	EntityF1      float64 `json:"entity_f1"`
	// Error is the pipeline's error, if it failed; the article then counts as nothing found.
	Error string `json:"error,omitempty"`
}

// Summary is the score over all articles (micro-averaged), with the keys of score-gold's summary.
type Summary struct {
	Articles              int     `json:"articles"`
	QuoteP                float64 `json:"quote_p"`
	QuoteR                float64 `json:"quote_r"`
	QuoteF1               float64 `json:"quote_f1"`
	SpeakerAcc            float64 `json:"speaker_acc"`
	QuoteWithRightSpeaker float64 `json:"quote_with_right_speaker"`
	EntityP               float64 `json:"entity_p"`
	EntityR               float64 `json:"entity_r"`
	EntityF1              float64 `json:"entity_f1"`
}

// Report holds the scores of one run and the enriched articles it scored.
type Report struct {
	Articles []ArticleScore `json:"articles"`
	Overall  Summary        `json:"overall"`
	// Errors is every error of the run, when Run was given WithErrors.
	Errors *Errors `json:"errors,omitempty"`
	// Missing names the gold files (relative to the gold directory) with
	// no NAME.txt beside them, which the scores leave out: a set whose
	// texts are fetched by a script, or a text not yet copied in.
	Missing []string `json:"missing_texts,omitempty"`
	preds   map[string]article.Article
}

// Run scores p over every NAME.txt under goldDir (recursively) that has a
// NAME.gold.json beside it. A pipeline error on one article is recorded in
// its row and the article counts as nothing found; Run fails only on gold it
// cannot read, or when ctx ends (or, with WithTracer, the tracer fails).
func Run(ctx context.Context, goldDir string, p Pipeline, opts ...Option) (*Report, error) {
	var cfg runConfig
	for _, o := range opts {
		o(&cfg)
	}
	var names, missing []string
	err := filepath.WalkDir(goldDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".gold.json") {
			return nil
		}
		base := strings.TrimSuffix(path, ".gold.json")
		if _, err := os.Stat(base + ".txt"); err == nil {
			names = append(names, base)
		} else if rel, rerr := filepath.Rel(goldDir, path); rerr == nil {
			missing = append(missing, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("walk gold %s: %w", goldDir, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w in %s", ErrNoGold, goldDir)
	}
	sort.Strings(names)
	rep := &Report{preds: map[string]article.Article{}, Missing: missing}
	if cfg.errors {
		rep.Errors = newErrors()
	}
	var tot counts
	for _, base := range names {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		gold, err := ReadGold(base + ".gold.json")
		if err != nil {
			return nil, err
		}
		raw, err := os.ReadFile(base + ".txt")
		if err != nil {
			return nil, fmt.Errorf("read article: %w", err)
		}
		rel, _ := filepath.Rel(goldDir, base)
		rel = filepath.ToSlash(rel)
		a, perr := p(ctx, filepath.Base(base)+".txt", raw)
		var row ArticleScore
		if perr != nil {
			row = Score(gold, article.Article{})
			row.Error = perr.Error()
		} else {
			rep.preds[rel] = a
			row = Score(gold, a)
		}
		if rep.Errors != nil {
			var tr Trace
			if cfg.tracer != nil && perr == nil {
				if tr, err = cfg.tracer(ctx, a); err != nil {
					return nil, fmt.Errorf("trace %s: %w", rel, err)
				}
			}
			rep.Errors.collect(rel, gold, a, tr)
		}
		row.Name = rel
		tot.add(row)
		rep.Articles = append(rep.Articles, row)
	}
	rep.Overall = tot.summary(len(rep.Articles))
	return rep, nil
}

// ReadGold reads one NAME.gold.json.
func ReadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gold: %w", err)
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("parse gold %s: %w", path, err)
	}
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return nil, fmt.Errorf("parse gold %s: %w", path, err)
	}
	_, g.HasQuotes = keys["quotes"]
	if err := g.validate(); err != nil {
		return nil, fmt.Errorf("gold %s: %w (see ../shared/gold/GUIDELINES.md)", path, err)
	}
	return &g, nil
}

// ErrBadGold reports a gold file that breaks the annotation guidelines:
// scored as it is, a quote without text or an entity of no known type
// would count as errors of newsflow's.
var ErrBadGold = errors.New("gold file breaks the guidelines")

// validate reports the quotes without text, speaker types and entity
// types the guidelines do not define, and entities without a name (a
// misspelt key reads as a missing field).
func (g *Gold) validate() error {
	var bad []string
	for i, q := range g.Quotes {
		if strings.TrimSpace(q.Text) == "" {
			bad = append(bad, fmt.Sprintf("quote %d has no text", i+1))
		}
		if q.SpeakerType != nil && !slices.Contains([]string{"PERSON", "ORG", "GROUP"}, *q.SpeakerType) {
			bad = append(bad, fmt.Sprintf("quote %d: speaker_type %q is not PERSON, ORG, GROUP or null", i+1, *q.SpeakerType))
		}
	}
	for i, e := range g.Entities {
		if strings.TrimSpace(e.Name) == "" {
			bad = append(bad, fmt.Sprintf("entity %d has no name", i+1))
		}
		if !slices.Contains([]string{"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}, e.Type) {
			bad = append(bad, fmt.Sprintf("entity %d (%q): type %q is not one of PERSON, ORG, GPE, LOC, FAC, NORP", i+1, e.Name, e.Type))
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%w: %s", ErrBadGold, strings.Join(bad, "; "))
	}
	return nil
}

// Score scores one enriched article against its gold.
func Score(g *Gold, a article.Article) ArticleScore {
	var row ArticleScore
	var pq []string
	var speakers []string
	if g.HasQuotes { // entity-only gold (GUM) scores no quotes
		for _, q := range a.Quotes {
			pq = append(pq, q.Text)
			speakers = append(speakers, q.Speaker)
		}
	}
	pairs := matchQuotes(g.Quotes, pq)
	for _, pr := range pairs {
		if speakerOK(g.Quotes[pr[0]], speakers[pr[1]]) {
			row.SpeakerOK++
		}
	}
	row.GoldQuotes, row.PredQuotes, row.MatchedQuotes = len(g.Quotes), len(pq), len(pairs)
	row.QuoteP, row.QuoteR, row.QuoteF1 = prf(len(pairs), len(pq)-len(pairs), len(g.Quotes)-len(pairs))

	pe := make([]predEntity, 0, len(a.Entities))
	for _, e := range a.Entities {
		p := predEntity{Name: e.Name, Type: e.Type, Aliases: e.Aliases}
		for _, m := range e.Mentions {
			p.Mentions = append(p.Mentions, m.Text)
		}
		pe = append(pe, p)
	}
	row.EntityTP, row.EntityFP, row.EntityFN = matchEntities(g.Entities, pe, g.norpComplete())
	row.EntityP, row.EntityR, row.EntityF1 = prf(row.EntityTP, row.EntityFP, row.EntityFN)
	return row
}

type counts struct{ qtp, qfp, qfn, spk, etp, efp, efn int }

func (c *counts) add(r ArticleScore) {
	c.qtp += r.MatchedQuotes
	c.qfp += r.PredQuotes - r.MatchedQuotes
	c.qfn += r.GoldQuotes - r.MatchedQuotes
	c.spk += r.SpeakerOK
	c.etp += r.EntityTP
	c.efp += r.EntityFP
	c.efn += r.EntityFN
}

func (c counts) summary(n int) Summary {
	s := Summary{Articles: n}
	s.QuoteP, s.QuoteR, s.QuoteF1 = prf(c.qtp, c.qfp, c.qfn)
	s.EntityP, s.EntityR, s.EntityF1 = prf(c.etp, c.efp, c.efn)
	if c.qtp > 0 {
		s.SpeakerAcc = float64(c.spk) / float64(c.qtp)
	}
	if g := c.qtp + c.qfn; g > 0 {
		s.QuoteWithRightSpeaker = float64(c.spk) / float64(g)
	}
	return s
}

// Write prints one row per article and the overall scores, like score-gold
// (with entity precision and recall added); the last line is the summary.
func (r *Report) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "article\tgold_q\tpred_q\tquoteP\tquoteR\tquoteF1\tspeaker\tentityP\tentityR\tentityF1\t")
	for _, a := range r.Articles {
		// An article with nothing to find and nothing found scores "-"
		// (a GUM article has no quote gold), not a misleading 0.000.
		quotes := prfCells(a.GoldQuotes+a.PredQuotes == 0, a.QuoteP, a.QuoteR, a.QuoteF1)
		ents := prfCells(a.EntityTP+a.EntityFP+a.EntityFN == 0, a.EntityP, a.EntityR, a.EntityF1)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d/%d\t%s\t%s\n",
			a.Name, a.GoldQuotes, a.PredQuotes, quotes, a.SpeakerOK, a.MatchedQuotes, ents, errNote(a.Error))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return r.WriteTotals(w)
}

// prfCells is precision, recall and F1 as three cells, or three "-".
func prfCells(none bool, p, r, f float64) string {
	if none {
		return "-\t-\t-"
	}
	return fmt.Sprintf("%.3f\t%.3f\t%.3f", p, r, f)
}

func errNote(e string) string {
	if e == "" {
		return ""
	}
	return "error: " + e
}

// WriteTotals prints only the summary line: what a held-out set may be read for.
func (r *Report) WriteTotals(w io.Writer) error {
	s := r.Overall
	_, err := fmt.Fprintf(w, "articles=%d quote_p=%.3f quote_r=%.3f quote_f1=%.3f speaker_acc=%.3f quote_with_right_speaker=%.3f entity_p=%.3f entity_r=%.3f entity_f1=%.3f lowest_entity_f1=%.3f\n",
		s.Articles, s.QuoteP, s.QuoteR, s.QuoteF1, s.SpeakerAcc, s.QuoteWithRightSpeaker, s.EntityP, s.EntityR, s.EntityF1, r.LowestEntityF1())
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// LowestEntityF1 is the lowest entity F1 of an article with gold entities.
func (r *Report) LowestEntityF1() float64 {
	low, any := 1.0, false
	for _, a := range r.Articles {
		if a.EntityTP+a.EntityFN == 0 {
			continue
		}
		any = true
		low = min(low, a.EntityF1)
	}
	if !any {
		return 0
	}
	return low
}

// WriteJSON writes the report as one JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("write report json: %w", err)
	}
	return nil
}

// WritePredictions writes each scored enriched article to dir as NAME.json,
// keeping the gold directory's layout (gum/NAME.json), so that the reference
// scorer can be run on the same predictions: score-gold GOLD_DIR dir.
func (r *Report) WritePredictions(dir string) error {
	for name, a := range r.preds {
		path := filepath.Join(dir, filepath.FromSlash(name)+".json")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("write predictions: %w", err)
		}
		b, err := json.MarshalIndent(a, "", "  ")
		if err != nil {
			return fmt.Errorf("encode prediction %s: %w", name, err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return fmt.Errorf("write predictions: %w", err)
		}
	}
	return nil
}

// Prediction returns the enriched article scored under name (relative to the gold directory).
func (r *Report) Prediction(name string) (article.Article, bool) {
	a, ok := r.preds[name]
	return a, ok
}
