// Package enrich is the enrich stage: it adds named entities and quotes to
// parsed articles from articles.parsed and publishes them on
// articles.enriched.
package enrich

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"strings"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/services/enrich/quote"
	"github.com/newsflow/newsflow/services/enrich/story"
)

// Recognizer finds an article's entities, with byte offsets into its body.
type Recognizer interface {
	Recognize(ctx context.Context, a *article.Article) ([]article.Entity, error)
}

// QuoteFinder finds an article's quotes, with byte offsets into its body.
type QuoteFinder func(body string, ents []article.Entity) []article.Quote

// Enricher adds entities and quotes to articles. It is safe for concurrent use.
type Enricher struct {
	rec    Recognizer
	quotes QuoteFinder
	geo    GeoLinker
	now    func() time.Time
}

// GeoLinker links an article's place entities to GeoNames and sets its
// countries (geo.Linker). It reads mention offsets in bytes.
type GeoLinker interface {
	Link(a *article.Article)
}

// EnricherOption configures an Enricher.
type EnricherOption func(*Enricher)

// WithGeo makes the Enricher link places (docs/geo.md).
func WithGeo(g GeoLinker) EnricherOption { return func(e *Enricher) { e.geo = g } }

// NewEnricher returns an Enricher from a recognizer and a quote finder.
func NewEnricher(rec Recognizer, quotes QuoteFinder, opts ...EnricherOption) *Enricher {
	e := &Enricher{rec: rec, quotes: quotes, now: time.Now}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Enrich returns a copy of a with entities and quotes, offsets in code points.
func (e *Enricher) Enrich(ctx context.Context, a article.Article) (article.Article, error) {
	ents, err := e.rec.Recognize(ctx, &a)
	if err != nil {
		return a, fmt.Errorf("recognize entities: %w", err)
	}
	quotes := e.quotes(a.Body, inField(ents, article.FieldBody))
	if a.Caption != "" {
		// Captions quote placards and speakers too; their offsets count into
		// the captions.
		for _, q := range e.quotes(a.Caption, inField(ents, article.FieldCaption)) {
			q.Field = article.FieldCaption
			quotes = append(quotes, q)
		}
	}
	quote.CountQuotes(ents, quotes)
	if e.geo != nil {
		// Before the offsets become code points: the linker reads bytes.
		a.Entities = ents
		e.geo.Link(&a)
		ents = a.Entities
	}
	offsets := map[string]article.Offsets{
		article.FieldBody:    article.NewOffsets(a.Body),
		article.FieldCaption: article.NewOffsets(a.Caption),
	}
	for i := range ents {
		for j := range ents[i].Mentions {
			mt := &ents[i].Mentions[j]
			off := offsets[mt.Field]
			mt.Start, mt.End = off.Rune(mt.Start), off.Rune(mt.End)
		}
		ents[i].Count = len(ents[i].Mentions)
	}
	for i := range quotes {
		off := offsets[quotes[i].Field]
		quotes[i].Start, quotes[i].End = off.Rune(quotes[i].Start), off.Rune(quotes[i].End)
	}
	if ents == nil {
		ents = []article.Entity{}
	}
	if quotes == nil {
		quotes = []article.Quote{}
	}
	if a.Tags == nil {
		a.Tags = []string{}
	}
	a.Entities, a.Quotes = ents, quotes
	a.SchemaVersion = article.SchemaVersion
	a.EnricherVersion = Version
	now := e.now().UTC()
	a.EnrichedAt = &now
	return a, nil
}

// inField returns the entities with only their mentions in field, for the
// quote finder, which reads one text at a time.
func inField(ents []article.Entity, field string) []article.Entity {
	out := make([]article.Entity, len(ents))
	for i, e := range ents {
		e.Mentions = nil
		for _, m := range ents[i].Mentions {
			if m.Field == field {
				e.Mentions = append(e.Mentions, m)
			}
		}
		out[i] = e
	}
	return out
}

// Stage handles parsed-article messages.
type Stage struct {
	enr *Enricher
	log *slog.Logger
	lim Limits

	stories StoryAssigner
	fanout  fanout.Config // zero: no per-quote and per-entity events
}

// Limits bound the work one message may cause.
type Limits struct {
	// MaxBodyBytes is the largest body (plus captions) enriched: tagging
	// costs time and memory in proportion (about 1.4 s of a core per
	// 256 KB of name-dense text, measured), and no news article comes near
	// the default: the longest of the Wikinews corpus is 10 KB, a
	// 20,000-word long read about 120 KB.
	MaxBodyBytes int
	// MaxDocBytes is the largest enriched article published; it matches
	// the store's default limit, so nothing is published that the store
	// would refuse.
	MaxDocBytes int
}

// DefaultLimits returns the defaults: 256 KiB of text, 4 MiB of output.
func DefaultLimits() Limits { return Limits{MaxBodyBytes: 256 << 10, MaxDocBytes: 4 << 20} }

// CheckText refuses an article whose body and captions are over
// MaxBodyBytes, with the reason "too_large"; the stage and `newsflow
// process` both apply it, so what one refuses the other does too.
func (l Limits) CheckText(a *article.Article) error {
	if n := len(a.Body) + len(a.Caption); n > l.MaxBodyBytes {
		return article.Permanent("too_large", fmt.Errorf("parsed article %s: %d bytes of text over the limit of %d", a.ID, n, l.MaxBodyBytes))
	}
	return nil
}

// LimitsFromEnv reads ENRICH_MAX_BODY_BYTES and ENRICH_MAX_DOC_BYTES (byte
// counts with an optional KiB or MiB suffix) over the defaults.
func LimitsFromEnv(getenv func(string) string) (Limits, error) {
	l := DefaultLimits()
	for name, dst := range map[string]*int{"ENRICH_MAX_BODY_BYTES": &l.MaxBodyBytes, "ENRICH_MAX_DOC_BYTES": &l.MaxDocBytes} {
		if v := getenv(name); v != "" {
			n, err := jsbus.ParseBytes(v)
			if err != nil {
				return l, fmt.Errorf("%s: %w", name, err)
			}
			if n < 1<<10 {
				return l, fmt.Errorf("%s: %d bytes is below 1 KiB", name, n)
			}
			*dst = int(n)
		}
	}
	return l, nil
}

// StageOption configures a Stage.
type StageOption func(*Stage)

// StoryAssigner recognises copies and stories across every enrich
// instance (story.Tracker): it records the article and returns its
// duplicate_of, similarity and story_id.
type StoryAssigner interface {
	Assign(ctx context.Context, a *article.Article) (story.Decision, error)
}

// WithStories makes the stage mark copies and stories (docs/stories.md).
// Its errors (the shared state out of reach) are transient: the article is
// retried, never published without them.
func WithStories(sa StoryAssigner) StageOption { return func(s *Stage) { s.stories = sa } }

// WithFanout sets the limits of the per-quote and per-entity events the
// stage publishes beside each enriched article (docs/subscribing.md);
// fanout.DefaultConfig otherwise, and a zero Config publishes none.
func WithFanout(c fanout.Config) StageOption { return func(s *Stage) { s.fanout = c } }

// FanoutFromEnv is WithFanout with the limits of fanout.ConfigFromEnv
// (FANOUT_MAX_QUOTES, FANOUT_MAX_ENTITIES, FANOUT_MAX_MENTIONS; all 0 turn
// the events off).
func FanoutFromEnv(getenv func(string) string) (StageOption, error) {
	c, err := fanout.ConfigFromEnv(getenv)
	if err != nil {
		return nil, fmt.Errorf("fan-out: %w", err)
	}
	if c.MaxQuotes == 0 && c.MaxEntities == 0 {
		c = fanout.Config{}
	}
	return WithFanout(c), nil
}

// WithLimits sets the stage's limits (DefaultLimits otherwise).
func WithLimits(l Limits) StageOption { return func(s *Stage) { s.lim = l } }

// NewStage returns the enrich stage.
func NewStage(e *Enricher, log *slog.Logger, opts ...StageOption) *Stage {
	s := &Stage{enr: e, log: log, lim: DefaultLimits(), fanout: fanout.DefaultConfig()}
	for _, o := range opts {
		o(s)
	}
	return s
}

// hashPattern is the form ingest gives hashes (ids: article.ValidID).
var hashPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// checkInput refuses what ingest never publishes: anyone able to publish on
// articles.parsed reaches this stage, and an enriched event is public.
func (s *Stage) checkInput(a *article.Article, now time.Time) error {
	bad := func(format string, args ...any) error {
		return article.Permanent("invalid", fmt.Errorf("parsed article: "+format, args...))
	}
	switch {
	case a.ID == "":
		return article.Permanent("no_id", errors.New("parsed article has no id"))
	case !article.ValidID(a.ID):
		return bad("id %q is not 24 hex digits", a.ID)
	case !hashPattern.MatchString(a.Source.SHA256):
		return bad("source sha256 %q is not 64 hex digits", a.Source.SHA256)
	case strings.TrimSpace(a.Body) == "":
		// Never publish an event the store would refuse and subscribers
		// would see as if stored.
		return article.Permanent("incomplete", fmt.Errorf("parsed article %s has no body", a.ID))
	case a.IngestedAt.IsZero() || a.IngestedAt.After(now.Add(5*time.Minute)):
		return bad("ingested_at %s missing or in the future", a.IngestedAt.Format(time.RFC3339))
	}
	return s.lim.CheckText(a)
}

// Handle enriches one parsed article into its enriched-article event.
func (s *Stage) Handle(ctx context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
	if len(m.Data) > s.lim.MaxDocBytes {
		return nil, article.Permanent("too_large", fmt.Errorf("parsed article of %d bytes over the limit of %d", len(m.Data), s.lim.MaxDocBytes))
	}
	var a article.Article
	if err := json.Unmarshal(m.Data, &a); err != nil {
		return nil, article.Permanent("bad_json", fmt.Errorf("decode parsed article: %w", err))
	}
	if err := s.checkInput(&a, time.Now()); err != nil {
		return nil, err
	}
	out, err := s.enr.Enrich(ctx, a)
	if err != nil {
		if ctx.Err() != nil { // shutting down: someone else will take it
			return nil, err
		}
		return nil, article.Permanent("enrich", err)
	}
	if s.stories != nil {
		d, err := s.stories.Assign(ctx, &out)
		if err != nil {
			return nil, fmt.Errorf("copies and stories: %w", err)
		}
		out.DuplicateOf, out.Similarity, out.StoryID = d.DuplicateOf, d.Similarity, d.StoryID
	}
	data, err := json.Marshal(out)
	if err != nil {
		return nil, article.Permanent("encode", fmt.Errorf("encode enriched article: %w", err))
	}
	if len(data) > s.lim.MaxDocBytes {
		// Permanent: the same input gives the same output every time.
		return nil, article.Permanent("too_large", fmt.Errorf("enriched article %s is %d bytes, over the limit of %d (%d entities, %d quotes)",
			out.ID, len(data), s.lim.MaxDocBytes, len(out.Entities), len(out.Quotes)))
	}
	s.log.Debug("enriched", "article_id", out.ID, "stage", jsbus.StageEnrich, "entities", len(out.Entities), "quotes", len(out.Quotes))
	outs := []jsbus.Output{jsbus.ArticleOutput(jsbus.StageEnrich, jsbus.SubjectEnriched, jsbus.TypeEnriched, out.ID, out.Source.SHA256, data)}
	if s.fanout == (fanout.Config{}) {
		return outs, nil
	}
	evs, err := fanout.Events(out, s.fanout)
	if err != nil {
		return nil, article.Permanent("encode", err)
	}
	for _, ev := range evs {
		outs = append(outs, FanoutOutput(ev, out.ID))
	}
	return outs, nil
}

// FanoutOutput is the bus output of one per-quote or per-entity event of
// article id: what the stage and a re-enrichment publish.
func FanoutOutput(ev fanout.Event, id string) jsbus.Output {
	schema := fanout.SchemaEntity
	if ev.Type == fanout.TypeQuote {
		schema = fanout.SchemaQuote
	}
	return jsbus.Output{Subject: ev.Subject, MsgID: ev.MsgID, Type: ev.Type, ArticleID: id, DataSchema: schema, Data: ev.Data}
}
