// Command subscribe is an example newsflow subscriber built on pkg/client:
// it follows the quotes of one speaker (or the events of one entity) and
// prints one line each. It reads NATS_URL and the NATS_* credentials as
// the services do.
//
//	go run ./examples/subscribe --speaker "Mike Pompeo" --since 6h
//	go run ./examples/subscribe --entity "World Health Organization" --durable who-desk
//	go run ./examples/subscribe --speaker "Mike Pompeo" --since 24h --until-caught-up
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/newsflow/newsflow/pkg/client"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "subscribe:", err)
		os.Exit(1)
	}
}

// run parses args, subscribes and prints one line per event until ctx
// ends (or, with --until-caught-up, until the events there were at the
// start have been read).
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("subscribe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	speaker := fs.String("speaker", "", "follow this speaker's quotes")
	entity := fs.String("entity", "", "follow this entity's mentions")
	lang := fs.String("lang", "", "only articles in this language (ISO 639-1)")
	since := fs.Duration("since", 0, "start this far back (e.g. 6h); default: new events only")
	durable := fs.String("durable", "", "a durable subscription name: resume where the last run stopped")
	caughtUp := fs.Bool("until-caught-up", false, "stop once the events stored at the start have been read")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil // the usage asked for is printed; not a failure
		}
		return err
	}
	if *since < 0 {
		return fmt.Errorf("--since %v: a duration back from now is positive (e.g. 6h)", *since)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (filters are flags: --speaker, --entity, --lang, --since, --durable, --until-caught-up)", fs.Arg(0))
	}
	f := client.Filter{Language: *lang, Durable: *durable, UntilCaughtUp: *caughtUp}
	// A name given empty (--speaker "$NAME" with NAME unset) goes to the
	// filter, which refuses it, rather than being left out: the program
	// then followed every article without a word.
	fs.Visit(func(fl *flag.Flag) {
		switch fl.Name {
		case "speaker":
			f.Speakers = []string{*speaker}
		case "entity":
			f.Entities = []string{*entity}
		}
	})
	if *since > 0 {
		f.Since = time.Now().Add(-*since)
	}
	// (Checked before connecting: a wrong filter is told as such, not as
	// a server that cannot be reached.)
	if err := f.Validate(); err != nil {
		return err
	}
	cfg, err := client.ConfigFromEnv(getenv, "newsflow-example-subscriber")
	if err != nil {
		return err
	}
	c, err := client.Connect(ctx, cfg)
	if err != nil {
		return err
	}
	defer c.Close()
	return c.Subscribe(ctx, f, func(_ context.Context, ev client.Event) error {
		switch ev.Kind {
		case client.KindQuote:
			fmt.Fprintf(stdout, "%s: %q (%s)\n", ev.Quote.Quote.Speaker, ev.Quote.Quote.Text, ev.Quote.Headline)
		case client.KindEntity:
			fmt.Fprintf(stdout, "%s %s: %d mentions in %q\n", ev.Entity.Entity.Type, ev.Entity.Entity.Name, ev.Entity.Entity.Count, ev.Entity.Headline)
		case client.KindArticle:
			fmt.Fprintf(stdout, "%s  %s\n", ev.Article.ID, ev.Article.Headline)
		}
		return nil
	})
}
