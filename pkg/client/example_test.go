package client_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/newsflow/newsflow/pkg/client"
)

// The subjects a filter reads: names become subject tokens.
func ExampleFilter_Subjects() {
	cfg := client.DefaultConfig()
	for _, f := range []client.Filter{
		{},
		{Speakers: []string{"Mike Pompeo"}},
		{Entities: []string{"World Health Organization"}, Types: []string{"ORG"}},
		{Types: []string{"GPE", "LOC"}},
		{Speakers: []string{"*"}},
	} {
		fmt.Println(f.Subjects(cfg))
	}
	// Output:
	// ARTICLES [articles.enriched]
	// ARTICLE_EVENTS [articles.quote.mike-pompeo]
	// ARTICLE_EVENTS [articles.entity.org.world-health-organization]
	// ARTICLE_EVENTS [articles.entity.gpe.* articles.entity.loc.*]
	// ARTICLE_EVENTS [articles.quote.>]
}

// Catch up on the last six hours of one speaker's quotes, then stop; a
// quote repeated by copies of an article (syndicated, re-headlined) is
// printed once, from the first-seen article.
func ExampleClient_Subscribe() {
	ctx := context.Background()
	cfg, err := client.ConfigFromEnv(os.Getenv, "quote-desk")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := client.Connect(ctx, cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer c.Close()
	f := client.Filter{Speakers: []string{"Mike Pompeo"}, Unique: true, Since: time.Now().Add(-6 * time.Hour), UntilCaughtUp: true}
	err = c.Subscribe(ctx, f, func(_ context.Context, ev client.Event) error {
		fmt.Printf("%s said %q (%s)\n", ev.Quote.Quote.Speaker, ev.Quote.Quote.Text, ev.Quote.Headline)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
}
