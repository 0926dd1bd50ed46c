package client_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/client"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// bus is an embedded NATS server with the ARTICLES and ARTICLE_EVENTS streams.
type bus struct {
	url string
	js  jetstream.JetStream
}

func startBus(t *testing.T) *bus {
	t.Helper()
	srv := natstest.Start(t)
	js := natstest.JetStream(t, srv.ClientURL())
	// The ARTICLES and ARTICLE_EVENTS streams as the pipeline makes them.
	if _, err := jsbus.EnsureStream(context.Background(), js, jsbus.DefaultStreamConfig()); err != nil {
		t.Fatal(err)
	}
	return &bus{url: srv.ClientURL(), js: js}
}

// publish publishes an enriched article and its fan-out events as the
// pipeline does: each with its message id, so a repeat is dropped.
func (b *bus) publish(t *testing.T, a article.Article) {
	t.Helper()
	ctx := context.Background()
	evs, err := fanout.Events(a, fanout.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if _, err := b.js.Publish(ctx, e.Subject, e.Data, jetstream.WithMsgID(e.MsgID)); err != nil {
			t.Fatalf("publish %s: %v", e.Subject, err)
		}
	}
	data := mustJSON(t, a)
	if _, err := b.js.Publish(ctx, jsbus.SubjectEnriched, data, jetstream.WithMsgID(fmt.Sprintf("enrich:%s:r%d", a.ID, a.Revision))); err != nil {
		t.Fatal(err)
	}
}

// publishArticles publishes makeArticle(0) to makeArticle(n-1).
func (b *bus) publishArticles(t *testing.T, n int) {
	t.Helper()
	for i := range n {
		b.publish(t, makeArticle(i))
	}
}

var speakers = []string{"Jane Doe", "Tom Roe", "José Álvarez", "Ana Lee"}

// makeArticle is synthetic article i: a quote by speakers[i%4], one by
// speakers[(i+1)%4], and the entities they name.
func makeArticle(i int) article.Article {
	s1, s2 := speakers[i%len(speakers)], speakers[(i+1)%len(speakers)]
	body := fmt.Sprintf(`"The harbour plan %d is ready," said %s. "We still disagree," %s replied.`, i, s1, s2)
	lang := "en"
	if i%10 == 0 {
		lang = "de"
	}
	return article.Article{
		SchemaVersion: 1, ID: fmt.Sprintf("%024x", i+1), Headline: fmt.Sprintf("Harbour plan %d", i), Body: body, Language: lang,
		IngestedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Tags: []string{},
		Source: article.Source{Format: "text", SHA256: strings.Repeat(fmt.Sprintf("%02x", i%256), 32)},
		Entities: []article.Entity{
			{Name: s1, Type: article.TypePerson, Count: 1, Mentions: []article.Mention{{Start: 1, End: 2, Text: s1}}},
			{Name: s2, Type: article.TypePerson, Count: 1, Mentions: []article.Mention{{Start: 3, End: 4, Text: s2}}},
			{Name: "Port Authority", Type: article.TypeOrg, Count: 1, Mentions: []article.Mention{{Start: 5, End: 6, Text: "Port Authority"}}},
		},
		Quotes: []article.Quote{
			{Text: fmt.Sprintf("The harbour plan %d is ready,", i), Speaker: s1, Cue: "said"},
			{Text: "We still disagree,", Speaker: s2, Cue: "replied"},
		},
	}
}

func newClient(t *testing.T, b *bus) *client.Client {
	t.Helper()
	cfg, err := client.ConfigFromEnv(func(k string) string {
		if k == "NATS_URL" {
			return b.url
		}
		return ""
	}, "client-test")
	if err != nil {
		t.Fatal(err)
	}
	c, err := client.Connect(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

type key struct {
	article  string
	revision int
	index    int
}

// collect subscribes until caught up and returns the events.
func collect(t *testing.T, c *client.Client, f client.Filter) []client.Event {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	f.UntilCaughtUp = true
	var evs []client.Event
	err := c.Subscribe(ctx, f, func(_ context.Context, ev client.Event) error {
		evs = append(evs, ev)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if ctx.Err() != nil {
		t.Fatal("subscription did not catch up within 60s")
	}
	return evs
}

// TestCatchUpOneSpeaker is the target: a subscriber started after 1,000
// articles were processed catches up on all the quotes of one speaker with
// one call, and receives each exactly once per article revision, though
// some articles were published twice (a redelivery) and some re-enriched.
func TestCatchUpOneSpeaker(t *testing.T) {
	b := startBus(t)
	const n = 1000
	want := map[key]bool{}
	for i := range n {
		a := makeArticle(i)
		b.publish(t, a)
		if i%7 == 0 {
			b.publish(t, a) // redelivered input: same events again
		}
		revs := []article.Article{a}
		if i%5 == 0 {
			r := a
			r.Revision, r.EnricherVersion = 1, "2"
			b.publish(t, r)
			revs = append(revs, r)
		}
		for _, r := range revs {
			for qi, q := range r.Quotes {
				if q.Speaker == "José Álvarez" {
					want[key{r.ID, r.Revision, qi}] = true
				}
			}
		}
	}
	c := newClient(t, b)
	evs := collect(t, c, client.Filter{Speakers: []string{"jose alvarez"}, All: true})
	got := map[key]int{}
	for _, ev := range evs {
		if ev.Kind != client.KindQuote || ev.Quote.Quote.Speaker != "José Álvarez" {
			t.Fatalf("event %s of kind %s: %s", ev.Subject, ev.Kind, ev.Data)
		}
		got[key{ev.Quote.ArticleID, ev.Quote.Revision, ev.Quote.Index}]++
	}
	for k, cnt := range got {
		if cnt != 1 {
			t.Errorf("%+v received %d times", k, cnt)
		}
		if !want[k] {
			t.Errorf("%+v received, not published", k)
		}
	}
	for k := range want {
		if got[k] == 0 {
			t.Errorf("%+v missed", k)
		}
	}
	if len(want) < 500 {
		t.Fatalf("only %d quotes by the speaker: the test data is wrong", len(want))
	}
	t.Logf("%d events of one speaker from %d articles, each once", len(evs), n)
}

func TestSubscribeFilters(t *testing.T) {
	b := startBus(t)
	for i := range 40 {
		a := makeArticle(i)
		if i%5 == 2 {
			// A copy of the article before: 8 of the 40, four with a
			// quote by Tom Roe (12, 17, 32, 37).
			orig := makeArticle(i - 1)
			a.DuplicateOf, a.Similarity, a.StoryID = orig.ID, 0.9, orig.ID
		}
		b.publish(t, a)
	}
	c := newClient(t, b)
	tests := []struct {
		name  string
		f     client.Filter
		want  int
		check func(client.Event) bool
	}{
		{"whole articles", client.Filter{All: true}, 40, func(e client.Event) bool { return e.Kind == client.KindArticle && e.Article.ID != "" }},
		{"articles in German", client.Filter{All: true, Language: "de"}, 4, func(e client.Event) bool { return e.Article.Language == "de" }},
		{"first-seen articles", client.Filter{All: true, Unique: true}, 32, func(e client.Event) bool { return e.Article.DuplicateOf == "" }},
		{"one speaker", client.Filter{All: true, Speakers: []string{"Tom Roe"}}, 20, func(e client.Event) bool { return e.Quote.Quote.Speaker == "Tom Roe" }},
		{"one speaker in first-seen articles", client.Filter{All: true, Speakers: []string{"Tom Roe"}, Unique: true}, 16, func(e client.Event) bool {
			return e.Quote.Quote.Speaker == "Tom Roe" && e.Quote.DuplicateOf == ""
		}},
		{"every quote", client.Filter{All: true, Speakers: []string{"*"}}, 80, func(e client.Event) bool { return e.Kind == client.KindQuote }},
		{"one entity by name", client.Filter{All: true, Entities: []string{"port authority"}}, 40, func(e client.Event) bool { return e.Entity.Entity.Name == "Port Authority" }},
		{"a type", client.Filter{All: true, Types: []string{"person"}}, 80, func(e client.Event) bool { return e.Entity.Entity.Type == article.TypePerson }},
		{"a type in first-seen articles", client.Filter{All: true, Types: []string{"person"}, Unique: true}, 64, func(e client.Event) bool {
			return e.Entity.Entity.Type == article.TypePerson && e.Entity.DuplicateOf == ""
		}},
		{"entity of the wrong type", client.Filter{All: true, Types: []string{"GPE"}, Entities: []string{"Port Authority"}}, 0, nil},
		{"from a sequence", client.Filter{FromSeq: 31}, 10, func(e client.Event) bool { return e.Seq >= 31 }},
		{"since a time after them", client.Filter{Since: time.Now()}, 0, nil},
		{"speaker and entity", client.Filter{All: true, Speakers: []string{"Ana Lee"}, Entities: []string{"Ana Lee"}}, 40, func(e client.Event) bool {
			return e.Kind == client.KindQuote && e.Quote.Quote.Speaker == "Ana Lee" || e.Kind == client.KindEntity && e.Entity.Entity.Name == "Ana Lee"
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs := collect(t, c, tc.f)
			if len(evs) != tc.want {
				t.Errorf("%d events, want %d", len(evs), tc.want)
			}
			for _, e := range evs {
				if !tc.check(e) {
					t.Errorf("unexpected event %s: %.200s", e.Subject, e.Data)
				}
			}
		})
	}
}

// TestDurableResumes stops a durable subscription half-way and starts it
// again: the second run gets the rest, nothing twice; a failing handler
// gets its event again.
func TestDurableResumes(t *testing.T) {
	b := startBus(t)
	b.publishArticles(t, 12)
	c := newClient(t, b)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	f := client.Filter{Durable: "desk", Speakers: []string{"Jane Doe"}, All: true, UntilCaughtUp: true}
	var mu sync.Mutex
	seen := map[string]int{}
	first := 0
	err := c.Subscribe(ctx, f, func(_ context.Context, ev client.Event) error {
		mu.Lock()
		defer mu.Unlock()
		seen[ev.ID]++
		first++
		if first == 3 {
			return client.ErrStop
		}
		return nil
	})
	if err != nil || first != 3 {
		t.Fatalf("first run: %v after %d events", err, first)
	}
	failed := false
	err = c.Subscribe(ctx, f, func(_ context.Context, ev client.Event) error {
		mu.Lock()
		defer mu.Unlock()
		if !failed {
			failed = true
			return errors.New("database down")
		}
		seen[ev.ID]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	handledOnce(t, seen, 6, "the 6 quotes by Jane Doe")
	noop := func(context.Context, client.Event) error { return nil }
	if err := c.Subscribe(ctx, client.Filter{Durable: "desk", Speakers: []string{"Tom Roe"}}, noop); err == nil || !strings.Contains(err.Error(), "exists with the filter") {
		t.Errorf("reusing a durable name with another filter: %v", err)
	}
	// Another start on the same durable is refused, not ignored; the
	// same start again resumes.
	if err := c.Subscribe(ctx, client.Filter{Durable: "desk", Speakers: []string{"Jane Doe"}, FromSeq: 2, UntilCaughtUp: true}, noop); !errors.Is(err, client.ErrDurableStart) {
		t.Errorf("another start on a durable: %v, want ErrDurableStart", err)
	}
	if err := c.Subscribe(ctx, f, noop); err != nil {
		t.Errorf("the same start again: %v, want it to resume", err)
	}
}

// handledOnce checks that seen (event id: times handled) holds want
// distinct events, each handled once.
func handledOnce(t *testing.T, seen map[string]int, want int, what string) {
	t.Helper()
	if len(seen) != want {
		t.Errorf("%d distinct events, want %s", len(seen), what)
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("event %s handled %d times", id, n)
		}
	}
}

func TestFilterValidate(t *testing.T) {
	tests := []struct {
		name string
		f    client.Filter
		want string
	}{
		{"two starts", client.Filter{All: true, FromSeq: 3}, "one start"},
		{"unknown type", client.Filter{Types: []string{"ANIMAL"}}, "entity type"},
		{"durable with a dot", client.Filter{Durable: "a.b"}, "durable name"},
		{"language", client.Filter{Language: "german"}, "language"},
		{"unknown language", client.Filter{Language: "zz"}, "language"},
		{"language of digits", client.Filter{Language: "12"}, "language"},
		{"empty speaker", client.Filter{Speakers: []string{"Jane Doe", " "}}, "empty speaker"},
		{"empty entity", client.Filter{Entities: []string{""}}, "empty entity"},
		{"since tomorrow", client.Filter{Since: time.Now().Add(24 * time.Hour)}, "in the future"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.f.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %v, want one about %q", err, tc.want)
			}
		})
	}
}

// TestGiveUpAndCleanUp: a durable handler that always fails gives the
// event up after MaxDeliver deliveries and still ends a catch-up; an
// ephemeral subscription leaves no consumer behind.
// TestDurableResumedOneAtATime: a durable subscription stopped after
// each event and started again (`tail --durable desk -n 1`, run again and
// again) hands each event once, in the stream's order, and loses none:
// the events fetched ahead and handed back at each stop were delivered
// without being handled, which a bound on the server's deliveries counted
// until it dropped them.
func TestDurableResumedOneAtATime(t *testing.T) {
	b := startBus(t)
	const n = 12
	b.publishArticles(t, n)
	c := newClient(t, b)
	f := client.Filter{Durable: "desk1", All: true}
	var seqs []uint64
	for run := range 8 {
		// Each run gets its event well within the consumer's AckWait
		// (30 s): an event sent to the last run's open pull would wait
		// that long.
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		handled := 0
		err := c.Subscribe(ctx, f, func(_ context.Context, ev client.Event) error {
			seqs = append(seqs, ev.Seq)
			handled++
			return client.ErrStop
		})
		cancel()
		if err != nil || handled != 1 {
			t.Fatalf("run %d: %v, %d events handled; want one", run+1, err, handled)
		}
	}
	for _, ev := range collect(t, c, f) {
		seqs = append(seqs, ev.Seq)
	}
	if len(seqs) != n {
		t.Fatalf("%d events handled (%v), want each of the %d articles once", len(seqs), seqs, n)
	}
	if !slices.IsSorted(seqs) || slices.Compact(slices.Clone(seqs))[n-1] != seqs[n-1] {
		t.Errorf("events out of order or repeated: %v", seqs)
	}
}

func TestGiveUpAndCleanUp(t *testing.T) {
	b := startBus(t)
	b.publish(t, makeArticle(0))
	c := newClient(t, b)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	calls := 0
	err := c.Subscribe(ctx, client.Filter{Durable: "failing", Speakers: []string{"Jane Doe"}, All: true, UntilCaughtUp: true, MaxDeliver: 2},
		func(context.Context, client.Event) error { calls++; return errors.New("always down") })
	if err != nil || calls != 2 || ctx.Err() != nil {
		t.Errorf("err %v after %d calls (ctx %v), want nil after 2", err, calls, ctx.Err())
	}
	evs := collect(t, c, client.Filter{All: true})
	if len(evs) != 1 {
		t.Fatalf("%d articles", len(evs))
	}
	s, err := b.js.Stream(ctx, jsbus.StreamName)
	if err != nil {
		t.Fatal(err)
	}
	for name := range s.ConsumerNames(ctx).Name() {
		t.Errorf("consumer %s left on %s", name, jsbus.StreamName)
	}
}

// TestDurableCancelledInHandlerAcks: a subscription cancelled while its
// handler runs still acknowledges the event the handler finished, so the
// next run starts at the event after it (it got the finished one again).
func TestDurableCancelledInHandlerAcks(t *testing.T) {
	b := startBus(t)
	b.publishArticles(t, 8)
	c := newClient(t, b)
	f := client.Filter{Durable: "cancelled", Speakers: []string{"*"}, All: true}
	cctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var handled []uint64
	err := c.Subscribe(cctx, f, func(_ context.Context, ev client.Event) error {
		handled = append(handled, ev.Seq)
		if len(handled) == 3 {
			cancel()
		}
		return nil
	})
	if err != nil || len(handled) != 3 {
		t.Fatalf("first run: %v after %d events", err, len(handled))
	}
	// (Past the 30 s AckWait: the next event may have gone to the first
	// run's pull request as it stopped, and comes back after AckWait; the
	// one handled must not come again.)
	ctx, cancel2 := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel2()
	var next uint64
	err = c.Subscribe(ctx, client.Filter{Durable: "cancelled", Speakers: []string{"*"}}, func(_ context.Context, ev client.Event) error {
		next = ev.Seq
		return client.ErrStop
	})
	if err != nil {
		t.Fatal(err)
	}
	if next == 0 || next <= handled[2] {
		t.Errorf("second run started at seq %d, want the event after %d (the last one handled)", next, handled[2])
	}
}

// TestTwoCatchUpsOnOneDurable: two subscriptions on one durable share its
// events, and both return once the stored ones are handled.
func TestTwoCatchUpsOnOneDurable(t *testing.T) {
	b := startBus(t)
	b.publishArticles(t, 20)
	c := newClient(t, b)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for k := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[k] = c.Subscribe(ctx, client.Filter{Durable: "shared", Speakers: []string{"*"}, All: true, UntilCaughtUp: true}, func(_ context.Context, ev client.Event) error {
				mu.Lock()
				seen[ev.ID]++
				mu.Unlock()
				return nil
			})
		}()
	}
	wg.Wait()
	if ctx.Err() != nil {
		t.Fatal("a subscription on the shared durable did not return once caught up")
	}
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	handledOnce(t, seen, 40, "the 40 quote events")
}

// TestFilterSubjectsOverlap: every speaker covers the ones named beside it
// (the server refuses overlapping filters), and a durable's speakers in
// another order are its filter all the same.
func TestFilterSubjectsOverlap(t *testing.T) {
	cfg := client.DefaultConfig()
	_, subjects := client.Filter{Speakers: []string{"*", "Jane Doe"}}.Subjects(cfg)
	if want := []string{fanout.QuotePrefix + ">"}; !slices.Equal(subjects, want) {
		t.Errorf("subjects %v, want %v", subjects, want)
	}
	b := startBus(t)
	b.publishArticles(t, 4)
	c := newClient(t, b)
	if evs := collect(t, c, client.Filter{Speakers: []string{"*", "Jane Doe"}}); len(evs) != 8 {
		t.Errorf("%d events for every speaker and Jane Doe, want the 8 quotes", len(evs))
	}
	collect(t, c, client.Filter{Durable: "order", Speakers: []string{"Jane Doe", "Tom Roe"}, All: true})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := c.Subscribe(ctx, client.Filter{Durable: "order", Speakers: []string{"Tom Roe", "Jane Doe"}, UntilCaughtUp: true}, func(context.Context, client.Event) error { return nil })
	if err != nil {
		t.Errorf("resuming a durable with its speakers in another order: %v", err)
	}
}

// TestCatchUpWithNoStartReadsStored: UntilCaughtUp with no start reads the
// events stored, as "tail --catch-up" does (new events only would be none).
func TestCatchUpWithNoStartReadsStored(t *testing.T) {
	b := startBus(t)
	b.publishArticles(t, 8)
	c := newClient(t, b)
	if evs := collect(t, c, client.Filter{Speakers: []string{"Jane Doe"}}); len(evs) != 4 {
		t.Errorf("%d events, want the 4 quotes by Jane Doe stored", len(evs))
	}
}

// TestUnhandledGoesBackAtOnce: an event the handler could not take
// (ErrUnhandled: its reader went away) ends Subscribe with that error and
// is the first event of the durable's next run, without the 30 s wait for
// an unacknowledged event.
func TestUnhandledGoesBackAtOnce(t *testing.T) {
	b := startBus(t)
	b.publishArticles(t, 4)
	c := newClient(t, b)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	f := client.Filter{Durable: "pipe", Speakers: []string{"Jane Doe"}, All: true, UntilCaughtUp: true}
	var first []string
	err := c.Subscribe(ctx, f, func(_ context.Context, ev client.Event) error {
		first = append(first, ev.ID)
		if len(first) == 2 {
			return fmt.Errorf("%w: write: broken pipe", client.ErrUnhandled)
		}
		return nil
	})
	if !errors.Is(err, client.ErrUnhandled) || len(first) != 2 {
		t.Fatalf("first run: %v after %d events, want ErrUnhandled after 2", err, len(first))
	}
	// (Well under the 30 s an unacknowledged event waits.)
	rctx, rcancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer rcancel()
	var next []string
	if err := c.Subscribe(rctx, f, func(_ context.Context, ev client.Event) error {
		next = append(next, ev.ID)
		return client.ErrStop
	}); err != nil {
		t.Fatal(err)
	}
	if len(next) != 1 || next[0] != first[1] {
		t.Errorf("next run began with %v, want the event handed back, %s", next, first[1])
	}
}

// TestWrongFilterRefused: an alerting bot's filter with a wrong value (an
// unset name, a date in the future, an unknown language) gets a clear
// error from Subscribe on a stream that holds events, rather than every
// entity (a blank name was articles.entity.*.*), the unattributed quotes,
// or nothing at all: a catch-up that ended at once or a subscription that
// waited without a word.
func TestWrongFilterRefused(t *testing.T) {
	b := startBus(t)
	b.publishArticles(t, 4)
	c := newClient(t, b)
	tests := []struct {
		name string
		f    client.Filter
		want string
	}{
		{"entity from an unset variable", client.Filter{Entities: []string{""}, All: true}, "empty entity name"},
		{"entity of a type, blank", client.Filter{Entities: []string{"  "}, Types: []string{"ORG"}, All: true}, "empty entity name"},
		{"speaker from an unset variable", client.Filter{Speakers: []string{""}, All: true}, "empty speaker name"},
		{"since next year", client.Filter{Speakers: []string{"Jane Doe"}, Since: time.Now().AddDate(1, 0, 0)}, "in the future"},
		{"catch up since tomorrow", client.Filter{Speakers: []string{"Jane Doe"}, Since: time.Now().Add(24 * time.Hour), UntilCaughtUp: true}, "in the future"},
		{"unknown language", client.Filter{Language: "zz", All: true}, `language "zz"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// (Bounded: the bug's subscription waited for ever.)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			got := 0
			err := c.Subscribe(ctx, tc.f, func(context.Context, client.Event) error { got++; return nil })
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Subscribe: %v after %d events, want an error about %q", err, got, tc.want)
			}
			if got > 0 {
				t.Errorf("%d events delivered to a refused filter", got)
			}
		})
	}
	// A Since a few seconds ahead (a clock ahead of the server's) is no
	// mistake.
	if err := (client.Filter{Since: time.Now().Add(10 * time.Second)}).Validate(); err != nil {
		t.Errorf("since 10 s ahead: %v", err)
	}
}
