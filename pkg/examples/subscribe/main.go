// Command subscribe is an example newsflow subscriber built on pkg/client:
// it follows the quotes of one speaker (or the events of one entity) and
// prints one line each. It reads NATS_URL and the NATS_* credentials as
// the services do.
//
//	go run ./pkg/examples/subscribe --speaker "Mike Pompeo" --since 6h
//	go run ./pkg/examples/subscribe --entity "World Health Organization" --durable who-desk
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/newsflow/newsflow/pkg/client"
)

func main() {
	speaker := flag.String("speaker", "", "follow this speaker's quotes")
	entity := flag.String("entity", "", "follow this entity's mentions")
	lang := flag.String("lang", "", "only articles in this language (ISO 639-1)")
	since := flag.Duration("since", 0, "start this far back (e.g. 6h); default: new events only")
	durable := flag.String("durable", "", "a durable subscription name: resume where the last run stopped")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *speaker, *entity, *lang, *since, *durable); err != nil {
		fmt.Fprintln(os.Stderr, "subscribe:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, speaker, entity, lang string, since time.Duration, durable string) error {
	cfg, err := client.ConfigFromEnv(os.Getenv, "newsflow-example-subscriber")
	if err != nil {
		return err
	}
	c, err := client.Connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer c.Close()
	f := client.Filter{Language: lang, Durable: durable}
	if speaker != "" {
		f.Speakers = []string{speaker}
	}
	if entity != "" {
		f.Entities = []string{entity}
	}
	if since > 0 {
		f.Since = time.Now().Add(-since)
	}
	return c.Subscribe(ctx, f, func(_ context.Context, ev client.Event) error {
		switch ev.Kind {
		case client.KindQuote:
			fmt.Printf("%s: %q (%s)\n", ev.Quote.Quote.Speaker, ev.Quote.Quote.Text, ev.Quote.Headline)
		case client.KindEntity:
			fmt.Printf("%s %s: %d mentions in %q\n", ev.Entity.Entity.Type, ev.Entity.Entity.Name, ev.Entity.Entity.Count, ev.Entity.Headline)
		case client.KindArticle:
			fmt.Printf("%s  %s\n", ev.Article.ID, ev.Article.Headline)
		}
		return nil
	})
}
