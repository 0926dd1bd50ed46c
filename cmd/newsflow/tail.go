package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
)

func cmdTail(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("tail", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print each whole event as JSON")
	all := fs.Bool("all", false, "start from the beginning of the stream")
	n := fs.Int("n", 0, "stop after this many events (0: follow until interrupted)")
	unique := fs.Bool("unique", false, "only first-seen articles: leave out copies (events with duplicate_of)")
	country := fs.String("country", "", "only articles about this country (ISO 3166-1 alpha-2 code, e.g. UA), from their linked places")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	js, closeConn, err := dialEnv(ctx, e, "newsflow-tail")
	if err != nil {
		return err
	}
	defer closeConn()
	policy := jetstream.DeliverNewPolicy
	if *all {
		policy = jetstream.DeliverAllPolicy
	}
	oc, err := js.OrderedConsumer(ctx, jsbus.StreamName, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{jsbus.SubjectEnriched}, DeliverPolicy: policy,
	})
	if err != nil {
		return fmt.Errorf("follow %s: %w", jsbus.SubjectEnriched, err)
	}
	it, err := oc.Messages()
	if err != nil {
		return fmt.Errorf("follow %s: %w", jsbus.SubjectEnriched, err)
	}
	defer it.Stop()
	go func() { <-ctx.Done(); it.Stop() }()
	for seen := 0; *n == 0 || seen < *n; seen++ {
		m, err := it.Next()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("follow %s: %w", jsbus.SubjectEnriched, err)
		}
		var a article.Article
		aerr := json.Unmarshal(m.Data(), &a)
		if aerr == nil && ((*unique && a.DuplicateOf != "") || (*country != "" && !slices.Contains(a.Countries, strings.ToUpper(*country)))) {
			seen-- // a left-out event is not one of the n asked for
			continue
		}
		if *asJSON {
			fmt.Fprintln(e.stdout, safeJSON(string(m.Data())))
			continue
		}
		if aerr != nil {
			fmt.Fprintf(e.stdout, "(undecodable event: %s)\n", safeLine(aerr.Error()))
			continue
		}
		fmt.Fprintln(e.stdout, summary(a))
	}
	return nil
}

// summary is the one-line form of an enriched article; anything from the
// event is escaped (see safeLine).
func summary(a article.Article) string {
	date := "----------"
	if a.PublishedAt != nil {
		date = a.PublishedAt.Format("2006-01-02")
	}
	line := fmt.Sprintf("%s  %-60s  entities=%d quotes=%d  id=%s", date, safeLine(a.Headline), len(a.Entities), len(a.Quotes), safeLine(a.ID))
	if len(a.Countries) > 0 {
		line += " countries=" + safeLine(strings.Join(a.Countries, ","))
	}
	if a.DuplicateOf != "" {
		line += fmt.Sprintf(" copy-of=%s (%.2f)", safeLine(a.DuplicateOf), a.Similarity)
	}
	if a.StoryID != "" && a.StoryID != a.ID {
		line += " story=" + safeLine(a.StoryID)
	}
	return line
}
