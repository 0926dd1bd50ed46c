package fanout_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// TestEventsThroughJetStream publishes an article's events into a real
// JetStream stream twice (a redelivery) and reads them back by wildcard:
// each event once, on the subject a subscriber computes from a name.
func TestEventsThroughJetStream(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	js := startJetStream(t)
	if _, err := js.CreateStream(ctx, jetstream.StreamConfig{
		Name: "ARTICLE_EVENTS", Subjects: []string{fanout.QuotePrefix + ">", fanout.EntityPrefix + ">"},
		Storage: jetstream.MemoryStorage, Duplicates: time.Minute,
	}); err != nil {
		t.Fatal(err)
	}
	evs, err := fanout.Events(sample(), fanout.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		for _, e := range evs {
			m := nats.NewMsg(e.Subject)
			m.Data = e.Data
			m.Header.Set(jetstream.MsgIDHeader, e.MsgID)
			m.Header.Set("ce-type", e.Type)
			if _, err := js.PublishMsg(ctx, m); err != nil {
				t.Fatalf("publish %s: %v", e.Subject, err)
			}
		}
	}
	tests := []struct {
		name   string
		filter string
		want   []string
	}{
		{"one speaker", fanout.QuoteSubject("Jane Doe"), []string{"articles.quote.jane-doe"}},
		{"all quotes", fanout.QuotePrefix + ">", []string{"articles.quote.jane-doe", "articles.quote.tom-roe", "articles.quote._unattributed"}},
		{"all people", fanout.EntityFilter(" person ", ""), []string{"articles.entity.person.jane-doe", "articles.entity.person.tom-roe"}},
		{"one place by name", fanout.EntityFilter("", "springfield"), []string{"articles.entity.gpe.springfield"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := js.OrderedConsumer(ctx, "ARTICLE_EVENTS", jetstream.OrderedConsumerConfig{FilterSubjects: []string{tc.filter}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for {
				m, err := c.Next(jetstream.FetchMaxWait(500 * time.Millisecond))
				if err != nil {
					break // nothing more within the wait: caught up
				}
				got = append(got, m.Subject())
				if typ := m.Headers().Get("ce-type"); !slices.Contains([]string{fanout.TypeQuote, fanout.TypeEntity}, typ) {
					t.Errorf("ce-type %q", typ)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// startJetStream runs an embedded NATS server with JetStream on a free
// port, shut down when the test ends.
func startJetStream(t *testing.T) jetstream.JetStream {
	t.Helper()
	return natstest.JetStream(t, natstest.Start(t).ClientURL())
}
