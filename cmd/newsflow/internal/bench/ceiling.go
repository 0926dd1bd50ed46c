package bench

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// Processor parses and enriches raw input in-process; pipeline.Local is one.
type Processor interface {
	Process(ctx context.Context, in parse.Input) ([]article.Article, error)
}

// Enricher adds entities and quotes to a parsed article; enrich.Enricher is one.
type Enricher interface {
	Enrich(ctx context.Context, a article.Article) (article.Article, error)
}

// Parser parses raw input; parse.Parser is one.
type Parser interface {
	Parse(ctx context.Context, in parse.Input) ([]article.Article, error)
}

// Throughput is a count of articles over a wall-clock time.
type Throughput struct {
	Articles int           `json:"articles"`
	Workers  int           `json:"workers"`
	Elapsed  time.Duration `json:"elapsed_ns"`
	// PerSec is Articles / Elapsed.
	PerSec float64 `json:"articles_per_sec"`
	// CPU is the process's CPU time (user and system) over the run, and
	// CPUPerArticle that divided by Articles: the cost of an article whatever
	// other processes on the machine take.
	CPU           time.Duration `json:"cpu_ns"`
	CPUPerArticle time.Duration `json:"cpu_per_article_ns"`
}

func newThroughput(n, workers int, d, cpu time.Duration) Throughput {
	t := Throughput{Articles: n, Workers: workers, Elapsed: d, CPU: cpu}
	if d > 0 {
		t.PerSec = float64(n) / d.Seconds()
	}
	if n > 0 {
		t.CPUPerArticle = cpu / time.Duration(n)
	}
	return t
}

// forEach runs fn(i) for i in [0, n) on workers goroutines and returns the
// first error; it waits for every goroutine it starts.
func forEach(ctx context.Context, n, workers int, fn func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, n)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := fn(ctx, i); err != nil {
					cancel(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := context.Cause(ctx); err != nil && err != context.Canceled {
		return err
	}
	return ctx.Err()
}

// Ceiling parses and enriches every item in-process on workers goroutines
// (a worker pool over p): the throughput no pipeline around the same code
// can beat on this machine.
func Ceiling(ctx context.Context, p Processor, items []Item, workers int) (Throughput, error) {
	var arts atomic.Int64
	start, cpu0 := time.Now(), CPUTime()
	err := forEach(ctx, len(items), workers, func(ctx context.Context, i int) error {
		out, err := p.Process(ctx, input(items[i]))
		if err != nil {
			return fmt.Errorf("process %s: %w", items[i].Name, err)
		}
		arts.Add(int64(len(out)))
		return nil
	})
	if err != nil {
		return Throughput{}, err
	}
	return newThroughput(int(arts.Load()), max(1, min(workers, len(items))), time.Since(start), CPUTime()-cpu0), nil
}

// Writer stores an enriched article; store.Store is one (it gathers
// concurrent writes into one insertMany).
type Writer interface {
	Write(ctx context.Context, a *article.Article) error
}

// CeilingStored is Ceiling followed by the store's write of each article,
// all in-process: workers goroutines parse and enrich, and writers
// goroutines hand the results to w concurrently, as the store stage does,
// so that w can batch them. Each id gets idPrefix (for a w shared with
// other writers). It is the same work as the pipeline's without the message
// bus between the stages.
func CeilingStored(ctx context.Context, p Processor, w Writer, items []Item, workers, writers int, idPrefix string) (Throughput, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var arts atomic.Int64
	ch := make(chan article.Article, writers)
	var wg sync.WaitGroup
	for range max(1, writers) {
		wg.Go(func() {
			for a := range ch {
				if ctx.Err() != nil {
					continue // drain after a failure without writing
				}
				if err := w.Write(ctx, &a); err != nil {
					cancel(fmt.Errorf("store %s: %w", a.ID, err))
					continue // drain, so that the producers never block
				}
				arts.Add(1)
			}
		})
	}
	start, cpu0 := time.Now(), CPUTime()
	err := forEach(ctx, len(items), workers, func(ctx context.Context, i int) error {
		out, err := p.Process(ctx, input(items[i]))
		if err != nil {
			return fmt.Errorf("process %s: %w", items[i].Name, err)
		}
		for _, a := range out {
			a.ID = idPrefix + a.ID
			ch <- a
		}
		return nil
	})
	close(ch)
	wg.Wait()
	if err == nil {
		if cerr := context.Cause(ctx); cerr != nil {
			err = cerr
		}
	}
	if err != nil {
		return Throughput{}, err
	}
	return newThroughput(int(arts.Load()), max(1, min(workers, len(items))), time.Since(start), CPUTime()-cpu0), nil
}

// ParseAll parses every item once, sequentially, for the enrich-only runs.
func ParseAll(ctx context.Context, p Parser, items []Item) ([]article.Article, error) {
	var out []article.Article
	for _, it := range items {
		arts, err := p.Parse(ctx, input(it))
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", it.Name, err)
		}
		out = append(out, arts...)
	}
	return out, nil
}

// EnrichAll enriches every article on workers goroutines and returns the
// results in input order.
func EnrichAll(ctx context.Context, e Enricher, arts []article.Article, workers int) ([]article.Article, Throughput, error) {
	out := make([]article.Article, len(arts))
	start, cpu0 := time.Now(), CPUTime()
	err := forEach(ctx, len(arts), workers, func(ctx context.Context, i int) error {
		a, err := e.Enrich(ctx, arts[i])
		if err != nil {
			return fmt.Errorf("enrich %s: %w", arts[i].ID, err)
		}
		out[i] = a
		return nil
	})
	if err != nil {
		return nil, Throughput{}, err
	}
	return out, newThroughput(len(arts), max(1, min(workers, len(arts))), time.Since(start), CPUTime()-cpu0), nil
}

// Naive tags each body with prose's default, prose.NewDocument(text), one
// article at a time: prose then reloads its model for every document.
func Naive(ctx context.Context, bodies []string) (Throughput, error) {
	start, cpu0 := time.Now(), CPUTime()
	for i, b := range bodies {
		if err := ctx.Err(); err != nil {
			return Throughput{}, err
		}
		if _, err := prose.NewDocument(b); err != nil {
			return Throughput{}, fmt.Errorf("prose article %d: %w", i, err)
		}
	}
	return newThroughput(len(bodies), 1, time.Since(start), CPUTime()-cpu0), nil
}

func input(it Item) parse.Input {
	return parse.Input{Data: it.Data, ContentType: "text/plain", Name: it.Name}
}
