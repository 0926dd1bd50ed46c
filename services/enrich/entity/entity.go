// Package entity finds the named entities of a news article with the prose v2
// tagger (a faster copy of it in internal/prose, same results) and a layer of rules and curated data that fixes its spans and types
// and resolves the mentions of one real-world thing into one entity.
//
// The layer tags each body sentence on its own (never across a line break),
// cuts titles and roles off person names, splits spans at dates, drops
// possessive endings, types names from gazetteers and cue words kept in
// data/, and resolves short forms ("Pompeo", "US") to the fullest form the
// article uses ("Mike Pompeo", "United States").
package entity

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"unicode"

	upstream "github.com/jdkato/prose/v2"

	"github.com/newsflow/newsflow/services/enrich/entity/internal/prose"

	"github.com/newsflow/newsflow/pkg/article"
)

// Sentinel errors.
var (
	// ErrInvalidConfig reports a Config that fails Validate.
	ErrInvalidConfig = errors.New("entity: invalid config")
	// ErrNilArticle reports a nil article passed to Recognize.
	ErrNilArticle = errors.New("entity: nil article")
	// ErrBadData reports a malformed embedded data file.
	ErrBadData = errors.New("entity: malformed data file")
)

// Defaults for Config.
const (
	DefaultMaxBodyBytes     = 2 << 20
	DefaultMaxSentenceBytes = 2000
)

// Config configures a Recognizer. The zero value is valid and means the defaults.
type Config struct {
	// MaxBodyBytes is the largest body tagged; the rest of a longer body is
	// ignored (logged), since tagging cost grows with length. 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int
	// MaxSentenceBytes cuts run-on "sentences" (tables, lists without
	// punctuation) into pieces for the tagger. 0 means DefaultMaxSentenceBytes.
	MaxSentenceBytes int
	// SkipHeadlineOnly drops entities that the headline, subheadline or
	// caption name but the body does not. By default they are kept, with no
	// mentions, when the evidence is strong (a known place or organisation).
	SkipHeadlineOnly bool
}

func (c Config) withDefaults() Config {
	if c.MaxBodyBytes == 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.MaxSentenceBytes == 0 {
		c.MaxSentenceBytes = DefaultMaxSentenceBytes
	}
	return c
}

// Validate reports whether the config is usable.
func (c Config) Validate() error {
	if c.MaxBodyBytes < 0 {
		return fmt.Errorf("%w: MaxBodyBytes %d < 0", ErrInvalidConfig, c.MaxBodyBytes)
	}
	if c.MaxSentenceBytes < 0 || (c.MaxSentenceBytes > 0 && c.MaxSentenceBytes < 100) {
		return fmt.Errorf("%w: MaxSentenceBytes %d (0 or >= 100)", ErrInvalidConfig, c.MaxSentenceBytes)
	}
	return nil
}

// Option changes how New builds a Recognizer.
type Option func(*options)

type options struct {
	log   *slog.Logger
	model *prose.Model
}

// WithLogger sets the logger (default: discard).
func WithLogger(l *slog.Logger) Option { return func(o *options) { o.log = l } }

// WithModel shares an already loaded prose model, so that several
// recognizers in one process (or tests) load it once.
func WithModel(m *prose.Model) Option { return func(o *options) { o.model = m } }

// Recognizer finds entities in articles. It is safe for concurrent use: the
// prose model and the data tables are read-only after New.
type Recognizer struct {
	cfg   Config
	log   *slog.Logger
	model *prose.Model
	lx    *lexicon
	// splitRules is the splitting chain (split.go), held here because its
	// rules call back into it.
	splitRules []splitRule
	rules      *ruleTable
}

// LoadModel loads prose's default English model into the tagger the
// recognizer uses (internal/prose). It is slow (about 0.3 s), so a process
// calls it once and shares the result.
func LoadModel() (*prose.Model, error) {
	m, err := prose.NewModel()
	if err != nil {
		return nil, fmt.Errorf("load prose model: %w", err)
	}
	return m, nil
}

// upstreamModel is unmodified prose's default model, loaded on first use.
var upstreamModel = sync.OnceValue(func() *upstream.Model {
	// prose builds its model on the first NewDocument without UsingModel;
	// the document's Model field hands it back for reuse.
	doc, err := upstream.NewDocument("", upstream.WithSegmentation(false))
	if err != nil {
		return nil
	}
	return doc.Model
})

// New builds a Recognizer, loading the prose model once unless WithModel gives one.
func New(cfg Config, opts ...Option) (*Recognizer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	o := options{}
	for _, opt := range opts {
		opt(&o)
	}
	if o.log == nil {
		o.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	lx, err := loadLexicon()
	if err != nil {
		return nil, fmt.Errorf("entity data: %w", err)
	}
	if o.model == nil {
		if o.model, err = LoadModel(); err != nil {
			return nil, err
		}
	}
	split := splitRules()
	rules, err := newRuleTable(split)
	if err != nil {
		return nil, err
	}
	return &Recognizer{cfg: cfg.withDefaults(), log: o.log, model: o.model, lx: lx, splitRules: split, rules: rules}, nil
}

// TaggerModel returns the model the recognizer tags with, to share it
// (WithModel).
func (r *Recognizer) TaggerModel() *prose.Model { return r.model }

// Model returns unmodified prose v2's default model, for comparisons with
// plain prose (prose.NewDocument(text, prose.UsingModel(m))). The recognizer
// does not use it: it is loaded on the first call, once per process.
func (r *Recognizer) Model() *upstream.Model { return upstreamModel() }

// Recognize returns the article's entities, resolved within the article.
// Mention offsets are byte offsets into a.Body. The headline, subheadline and
// caption are tagged apart from the body; entities named only there are
// returned with no mentions (unless Config.SkipHeadlineOnly).
func (r *Recognizer) Recognize(ctx context.Context, a *article.Article) ([]article.Entity, error) {
	ents, _, err := r.recognize(ctx, a, false)
	return ents, err
}

func (r *Recognizer) recognize(ctx context.Context, a *article.Article, traced bool) ([]article.Entity, []Trace, error) {
	if a == nil {
		return nil, nil, ErrNilArticle
	}
	body := a.Body
	if len(body) > r.cfg.MaxBodyBytes {
		r.log.Warn("entity: body cut for tagging", "article_id", a.ID, "stage", "entity", "bytes", len(body), "max", r.cfg.MaxBodyBytes)
		body = body[:r.cfg.MaxBodyBytes]
	}
	var ms []mention
	for _, u := range r.lx.units(body, r.cfg.MaxSentenceBytes) {
		if err := ctx.Err(); err != nil {
			return nil, nil, fmt.Errorf("recognize: %w", err)
		}
		// A heading inside the body ("Policy Shortcomings", "Key
		// Background") capitalises its words as a headline does, and
		// capitals throughout ("CLICK HERE TO GET THE APP", "TERMS AND
		// CONDITIONS") hide which words are names: prose's guess is no
		// evidence there; the lists and the rules (a given name, a head
		// word) still are ("NEW DELHI", a dateline, is listed).
		heading := headingLine(body, u)
		for _, m := range r.spans(body, u, false) {
			if m.ev < evRule && (heading || shouted(m.words)) {
				continue
			}
			ms = append(ms, m)
		}
	}
	// Captions are written in sentences like the body, and the names in
	// them count: tag them the same way, their mentions pointing into them.
	for _, u := range r.lx.units(a.Caption, r.cfg.MaxSentenceBytes) {
		cms := r.spans(a.Caption, u, false)
		for i := range cms {
			cms[i].field = article.FieldCaption
		}
		ms = append(ms, cms...)
	}
	var extra []mention
	if !r.cfg.SkipHeadlineOnly {
		for _, s := range []string{a.Headline, a.Subheadline} {
			for _, u := range r.lx.units(s, r.cfg.MaxSentenceBytes) {
				extra = append(extra, r.spans(s, u, true)...)
			}
		}
	}
	ents, traces := r.resolve(ms, extra, r.sporty(body), traced)
	return ents, traces, nil
}

// headingLine reports a unit that is a whole line of two to twelve words in
// title case with no closing punctuation: a heading, not a sentence.
func headingLine(body string, u unit) bool {
	if u.start > 0 && body[u.start-1] != '\n' || u.end < len(body) && body[u.end] != '\n' && body[u.end] != '\r' {
		return false
	}
	line := strings.TrimSpace(body[u.start:u.end])
	n := len(strings.Fields(line))
	if n < 2 || n > 12 || strings.ContainsAny(line[len(line)-1:], ".!?,;:\"”’)") || strings.Contains(line, ", ") {
		return false
	}
	return titleCase(line)
}

// shouted reports a name of three words or more written in capitals
// throughout, one of them a word of four letters or more (not a row of
// acronyms, "US EU UN"; two words may be a brand, "PLOS ONE").
func shouted(words []string) bool {
	if len(words) < 3 {
		return false
	}
	long := false
	for _, w := range words {
		letters := 0
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
		long = long || letters >= 4
	}
	return long
}
