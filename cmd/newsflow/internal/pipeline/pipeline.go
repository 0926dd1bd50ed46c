// Package pipeline assembles newsflow's stages in one process: the local
// parse+enrich path used by process, eval and bench, and the three
// JetStream stages used by up.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"runtime/debug"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/service"
	"github.com/newsflow/newsflow/services/enrich/enrich"
	"github.com/newsflow/newsflow/services/enrich/entity"
	"github.com/newsflow/newsflow/services/enrich/geo"
	"github.com/newsflow/newsflow/services/enrich/quote"
	"github.com/newsflow/newsflow/services/ingest/ingest"
	"github.com/newsflow/newsflow/services/ingest/parse"
	"github.com/newsflow/newsflow/services/store/store"
)

// Local parses and enriches without servers. It is safe for concurrent use.
type Local struct {
	Parser   *parse.Parser
	Enricher *enrich.Enricher
	// Limits are the enrich stage's (enrich.DefaultLimits): an article the
	// pipeline would dead-letter as too large is refused here too.
	Limits enrich.Limits
}

// NewLocal builds the parser and the enricher (loading the tagger model
// once); opts go to the parser (parse.WithLogger for the items it skips).
func NewLocal(pcfg parse.Config, opts ...parse.Option) (*Local, error) {
	p, err := parse.New(pcfg, opts...)
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	rec, err := entity.New(entity.Config{})
	if err != nil {
		return nil, fmt.Errorf("entity recognizer: %w", err)
	}
	gl, err := geo.New()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return &Local{Parser: p, Enricher: enrich.NewEnricher(rec, quote.Extract, enrich.WithGeo(gl)), Limits: enrich.DefaultLimits()}, nil
}

// Process parses in and enriches every article it holds. As in the
// pipeline, an input over the item limit or with items that could not be
// read (parse.ErrTooManyItems, parse.ErrSkippedItems), or with articles
// over the enrich stage's limits, gives the other articles beside the
// errors.
func (l *Local) Process(ctx context.Context, in parse.Input) ([]article.Article, error) {
	arts, perr := l.Parser.Parse(ctx, in)
	if perr != nil && (len(arts) == 0 || !parse.ReadInPart(perr)) {
		return nil, perr
	}
	// An article the enrich stage would dead-letter (too large) is an
	// error beside the others, which go on as they would in the pipeline.
	out := make([]article.Article, 0, len(arts))
	errs := []error{perr}
	for _, a := range arts {
		if err := l.Limits.CheckText(&a); err != nil {
			errs = append(errs, err)
			continue
		}
		e, err := l.Enricher.Enrich(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("enrich %s: %w", a.ID, err)
		}
		out = append(out, e)
	}
	return out, errors.Join(errs...)
}

// ProcessText parses raw as a plain-text article named name and enriches
// it: what the evaluations run on each gold or corpus article.
func (l *Local) ProcessText(ctx context.Context, name string, raw []byte) (article.Article, error) {
	arts, err := l.Process(ctx, parse.Input{Data: raw, Name: name, ContentType: "text/plain"})
	if err != nil {
		return article.Article{}, err
	}
	return arts[0], nil
}

// Stages returns the ingest, enrich and store stages on r, with the
// consumer template tmpl, writing through st.
func Stages(l *Local, r *service.Runner, st *store.Store, tmpl jsbus.ConsumerConfig, log *slog.Logger, enrichOpts ...enrich.StageOption) []service.Stage {
	with := func(stage string) jsbus.ConsumerConfig {
		c := tmpl
		c.Stage = stage
		return c
	}
	return []service.Stage{
		{Consumer: with(jsbus.StageIngest), Handler: ingest.New(l.Parser, log)},
		{Consumer: with(jsbus.StageEnrich), Handler: enrich.NewStage(l.Enricher, log, append([]enrich.StageOption{enrich.WithLimits(l.Limits)}, enrichOpts...)...)},
		{Consumer: with(jsbus.StageStore), Handler: store.NewStage(st, log)},
	}
}

// StoreInFlight is the store stage's MaxInFlight in one process (at least):
// the articles it holds at once, so that the store can gather many of them
// into each database write.
const StoreInFlight = 256

// EnrichInFlight is the enrich stage's MaxInFlight in one process: enrich is
// CPU-bound, so it needs at least one article per core and one more per core
// waiting, which keeps every core busy while a worker publishes its result.
// It holds four per core: the consumer only fetches as many messages as it
// has free slots, and with two per core a slot frees up one at a time, so
// nearly every message cost a pull request of its own and a round trip
// through the server; with four per core the fetches are larger and the
// all-in-one bench spends less CPU per article on transport (measured:
// pipeline/ceiling 0.49 -> 0.53 at N = 1000, docs/performance.md). Eight per
// core measured no better. Articles held but not yet started wait in the
// Go scheduler, not in the server, so the AckWait keep-alive covers them.
func EnrichInFlight() int { return 4 * runtime.GOMAXPROCS(0) }

// DefaultMemoryLimit is the soft memory limit of the all-in-one process
// (runtime/debug.SetMemoryLimit): the garbage collector works harder as the
// Go heap nears it, which keeps the process well under 500 MB while the
// tagger allocates heavily per token.
const DefaultMemoryLimit = 384 << 20

// TuneGC sets the all-in-one process's soft memory limit to
// DefaultMemoryLimit unless GOMEMLIMIT is set. Call it once from main-like
// code: it changes the whole process.
func TuneGC(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(DefaultMemoryLimit)
	}
}
