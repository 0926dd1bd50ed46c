package client_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/client"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
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

// Catch up on the last six hours of one speaker's quotes, then stop;
// Unique leaves out the quotes of copies of an article (syndicated,
// re-headlined). (exampleEnv stands in for a running pipeline: an
// embedded NATS server holding one article's events.)
func ExampleClient_Subscribe() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	getenv, stop, err := exampleEnv(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer stop()
	cfg, err := client.ConfigFromEnv(getenv, "quote-desk")
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
	// Output:
	// Mike Pompeo said "We will not stand by," (Embassy may close)
}

// exampleEnv starts an embedded NATS server with the pipeline's streams,
// publishes one enriched article's events as the enrich stage does, and
// returns the environment a subscriber reads (NATS_URL) and a stop
// function.
func exampleEnv(ctx context.Context) (func(string) string, func(), error) {
	dir, err := os.MkdirTemp("", "newsflow-example-")
	if err != nil {
		return nil, nil, err
	}
	srv, err := natsserver.NewServer(&natsserver.Options{Host: "127.0.0.1", Port: -1, NoSigs: true, JetStream: true, StoreDir: dir})
	if err != nil {
		return nil, nil, err
	}
	go srv.Start()
	stop := func() { srv.Shutdown(); srv.WaitForShutdown(); os.RemoveAll(dir) }
	if !srv.ReadyForConnections(10 * time.Second) {
		stop()
		return nil, nil, errors.New("nats not ready")
	}
	nc, err := nats.Connect(srv.ClientURL())
	if err != nil {
		stop()
		return nil, nil, err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err == nil {
		_, err = jsbus.EnsureStream(ctx, js, jsbus.DefaultStreamConfig())
	}
	var evs []fanout.Event
	if err == nil {
		a := article.Article{
			SchemaVersion: article.SchemaVersion, ID: "0123456789abcdef01234567", Headline: "Embassy may close",
			Body:       `"We will not stand by," said Mike Pompeo.`,
			IngestedAt: time.Now().UTC(), Source: article.Source{Format: "text"},
			Entities: []article.Entity{{Name: "Mike Pompeo", Type: article.TypePerson, Count: 1, Mentions: []article.Mention{{Start: 29, End: 40, Text: "Mike Pompeo"}}}},
			Quotes:   []article.Quote{{Text: "We will not stand by,", Speaker: "Mike Pompeo", SpeakerType: "PERSON", Cue: "said", Start: 1, End: 22}},
		}
		evs, err = fanout.Events(a, fanout.DefaultConfig())
	}
	for _, e := range evs {
		if err == nil {
			_, err = js.Publish(ctx, e.Subject, e.Data, jetstream.WithMsgID(e.MsgID))
		}
	}
	if err != nil {
		stop()
		return nil, nil, err
	}
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return srv.ClientURL()
		}
		return ""
	}
	return getenv, stop, nil
}

// Find the speakers a subscriber may mean by one of their names: their
// quotes are stored under the full name's subject.
func ExampleClient_SpeakersNamed() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	getenv, stop, err := exampleEnv(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer stop()
	cfg, err := client.ConfigFromEnv(getenv, "quote-desk")
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
	named, err := c.SpeakersNamed(ctx, "Pompeo")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(named)
	// Output:
	// map[mike-pompeo:1]
}
