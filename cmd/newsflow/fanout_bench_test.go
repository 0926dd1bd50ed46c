package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/storyeval"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// BenchmarkFanout sets the cost of the per-speaker and per-entity events
// against the work enrich does for an article, over the shared corpus
// (held-out articles left out): enrich alone, building the events, and
// publishing the enriched article with or without its events into a
// JetStream stream in memory. Each reports per article; the pipeline
// figure is 'newsflow bench' once enrich publishes the events.
//
//	go test -run - -bench Fanout -benchtime 3x ./cmd/newsflow
func BenchmarkFanout(b *testing.B) {
	rows, err := storyeval.LoadCorpusExcept(filepath.Join(sharedDir, "corpus", "wikinews-2019.csv"), filepath.Join(sharedDir, "gold-check"))
	if err != nil {
		b.Fatalf("the shared corpus must sit beside the repository: %v", err)
	}
	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var parsed, enriched []article.Article
	for _, r := range rows {
		arts, err := local.Parser.Parse(ctx, parse.Input{Data: []byte(r.Title + "\n\n" + r.Text), Name: r.Name + ".txt", ContentType: "text/plain"})
		if err != nil {
			continue
		}
		e, err := local.Enricher.Enrich(ctx, arts[0])
		if err != nil {
			b.Fatal(err)
		}
		parsed, enriched = append(parsed, arts[0]), append(enriched, e)
	}
	if len(enriched) < 100 {
		b.Fatalf("%d corpus articles enriched", len(enriched))
	}
	events := 0
	for _, a := range enriched {
		evs, _ := fanout.Events(a, fanout.DefaultConfig())
		events += len(evs)
	}
	perArticle := func(b *testing.B, f func(i int)) {
		b.Helper()
		start := time.Now()
		n := 0
		for b.Loop() {
			for i := range enriched {
				f(i)
				n++
			}
		}
		b.ReportMetric(float64(time.Since(start).Microseconds())/float64(n), "µs/article")
		b.ReportMetric(float64(events)/float64(len(enriched)), "events/article")
	}
	b.Run("enrich", func(b *testing.B) {
		perArticle(b, func(i int) {
			if _, err := local.Enricher.Enrich(ctx, parsed[i]); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("events", func(b *testing.B) {
		perArticle(b, func(i int) {
			if _, err := fanout.Events(enriched[i], fanout.DefaultConfig()); err != nil {
				b.Fatal(err)
			}
		})
	})
	publish := func(b *testing.B, withEvents bool) {
		_, js := eventBus(b)
		rev := 0
		perArticle(b, func(i int) {
			a := enriched[i]
			if i == 0 {
				rev++
			}
			a.Revision = rev // new message ids on every loop
			data, _ := json.Marshal(a)
			futures := []jetstream.PubAckFuture{}
			f, err := js.PublishAsync(jsbus.SubjectEnriched, data, jetstream.WithMsgID(revisionMsgID(a)))
			if err != nil {
				b.Fatal(err)
			}
			futures = append(futures, f)
			if withEvents {
				evs, _ := fanout.Events(a, fanout.DefaultConfig())
				for _, e := range evs {
					f, err := js.PublishAsync(e.Subject, e.Data, jetstream.WithMsgID(e.MsgID))
					if err != nil {
						b.Fatal(err)
					}
					futures = append(futures, f)
				}
			}
			// A stage waits for its article's acks before acking its input.
			for _, f := range futures {
				select {
				case <-f.Ok():
				case err := <-f.Err():
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("publish-article", func(b *testing.B) { publish(b, false) })
	b.Run("publish-article-and-events", func(b *testing.B) { publish(b, true) })
}
