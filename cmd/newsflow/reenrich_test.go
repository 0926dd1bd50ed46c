package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/client"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/services/enrich/enrich"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// storedState is what the test reads of each stored document.
type storedState struct {
	ID              string    `bson:"_id"`
	Version         int64     `bson:"_version"`
	Revision        int       `bson:"revision"`
	EnricherVersion string    `bson:"enricher_version"`
	EnrichedAt      time.Time `bson:"enriched_at"`
	Quotes          []struct {
		Speaker string `bson:"speaker"`
	} `bson:"quotes"`
}

func readStored(t *testing.T, coll *mongo.Collection) map[string]storedState {
	t.Helper()
	cur, err := coll.Find(context.Background(), bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	var docs []storedState
	if err := cur.All(context.Background(), &docs); err != nil {
		t.Fatal(err)
	}
	out := map[string]storedState{}
	for _, d := range docs {
		out[d.ID] = d
	}
	return out
}

// waitStored waits until every document is at revision rev of version v.
func waitStored(t *testing.T, coll *mongo.Collection, n, rev int, v string) map[string]storedState {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		docs := readStored(t, coll)
		done := len(docs) == n
		for _, d := range docs {
			done = done && d.Revision == rev && d.EnricherVersion == v
		}
		if done {
			return docs
		}
		if time.Now().After(deadline) {
			t.Fatalf("documents not at revision %d of %s after 2 minutes: %+v", rev, v, docs)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// TestReenrich runs the real stack (NATS, FerretDB, the three services):
// articles go through the pipeline, then reenrich runs them again as if
// the enricher's version had changed. The documents are replaced in place
// (same ids, same ingest version) at revision 1, a second run skips them,
// a run interrupted after publishing is rerun without duplicates, and the
// quote events of each revision are in the stream once.
func TestReenrich(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	ctx := context.Background()
	nc, err := nats.Connect(s.NATSURL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ensureEventsStream(t, js)
	s.dropFiles(t, "../../examples/wikinews-2019-006.txt", "../../examples/wikinews-2019-133.txt", "../../examples/wikinews-2019-020.json", filepath.Join(sharedDir, "gold", "seed-article.txt"))
	coll := s.collection(t)
	before := readStored(t, coll)
	n := len(before)
	if n < 4 {
		t.Fatalf("%d documents stored", n)
	}
	for _, d := range before {
		if d.Revision != 0 || d.EnricherVersion != enrich.Version {
			t.Fatalf("pipeline stored %s at revision %d of %q, want 0 of %q", d.ID, d.Revision, d.EnricherVersion, enrich.Version)
		}
	}
	runReenrich := func(t *testing.T, o reenrichOptions) string {
		t.Helper()
		var out bytes.Buffer
		o.workers, o.fanout = 2, fanout.DefaultConfig()
		if err := reenrich(ctx, env{getenv: s.getenv, stdout: &out, stderr: &out}, o); err != nil {
			t.Fatalf("reenrich: %v\n%s", err, out.String())
		}
		return out.String()
	}
	enrichedBefore := subjectCount(t, js, jsbus.SubjectEnriched)

	// A rules change: version test-2.
	out := runReenrich(t, reenrichOptions{version: "test-2"})
	if want := fmt.Sprintf("%d articles published as revisions (enricher test-2), 0 skipped", n); !strings.Contains(out, want) {
		t.Errorf("first run: %s, want %q", out, want)
	}
	after := waitStored(t, coll, n, 1, "test-2")
	for id, d := range after {
		b, ok := before[id]
		if !ok {
			t.Errorf("new document %s: the revision did not replace in place", id)
			continue
		}
		if d.Version != b.Version {
			t.Errorf("%s: _version %d, was %d", id, d.Version, b.Version)
		}
		if !d.EnrichedAt.After(b.EnrichedAt) {
			t.Errorf("%s: enriched_at %v not renewed (was %v)", id, d.EnrichedAt, b.EnrichedAt)
		}
	}
	if got := subjectCount(t, js, jsbus.SubjectEnriched); got != enrichedBefore+uint64(n) {
		t.Errorf("%d articles.enriched events after the first run, want %d", got, enrichedBefore+uint64(n))
	}

	// The same version again: nothing to do.
	out = runReenrich(t, reenrichOptions{version: "test-2"})
	if want := fmt.Sprintf("0 articles published as revisions (enricher test-2), %d skipped", n); !strings.Contains(out, want) {
		t.Errorf("second run: %s, want %q", out, want)
	}
	if got := subjectCount(t, js, jsbus.SubjectEnriched); got != enrichedBefore+uint64(n) {
		t.Errorf("a run with nothing to do published: %d articles.enriched events", got)
	}

	// An interrupted run: one article published but not yet stored when
	// the run stopped (played by publishing it by hand), then a rerun.
	quotesBefore := subjectCount(t, js, fanout.QuotePrefix+">")
	cur, err := coll.Find(ctx, bson.D{{Key: "_id", Value: firstKey(after)}})
	if err != nil {
		t.Fatal(err)
	}
	var docs []storedDoc
	if err := cur.All(ctx, &docs); err != nil || len(docs) != 1 {
		t.Fatalf("read one document: %v (%d)", err, len(docs))
	}
	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		t.Fatal(err)
	}
	o3 := reenrichOptions{version: "test-3", fanout: fanout.DefaultConfig()}
	if err := reenrichOne(ctx, js, local.Enricher, docs[0].article(), o3, true); err != nil {
		t.Fatal(err)
	}
	runReenrich(t, o3)
	waitStored(t, coll, n, 2, "test-3")
	if got := subjectCount(t, js, jsbus.SubjectEnriched); got != enrichedBefore+2*uint64(n) {
		t.Errorf("%d articles.enriched events after the rerun, want %d (one per article and revision)", got, enrichedBefore+2*uint64(n))
	}

	// The revisions' quote events: each article's quotes once per revision.
	final := readStored(t, coll)
	wantQuotes := 0
	for _, d := range final {
		wantQuotes += min(len(d.Quotes), fanout.DefaultConfig().MaxQuotes)
	}
	if wantQuotes == 0 {
		t.Fatal("no quotes in the stored articles: the test data is wrong")
	}
	// Revision 0 is the pipeline's own, 1 and 2 re-enrichments.
	if got := subjectCount(t, js, fanout.QuotePrefix+">"); got != uint64(3*wantQuotes) || got-quotesBefore != uint64(wantQuotes) {
		t.Errorf("%d quote events (%d before the rerun), want %d per revision", got, quotesBefore, wantQuotes)
	}
	c := client.NewFromJetStream(js, client.DefaultConfig())
	seen := map[string]int{}
	cctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	err = c.Subscribe(cctx, client.Filter{Speakers: []string{"*"}, All: true, UntilCaughtUp: true}, func(_ context.Context, ev client.Event) error {
		if ev.Quote.EnricherVersion != map[int]string{0: enrich.Version, 1: "test-2", 2: "test-3"}[ev.Quote.Revision] {
			t.Errorf("quote event of revision %d by enricher %q", ev.Quote.Revision, ev.Quote.EnricherVersion)
		}
		seen[ev.ID]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 3*wantQuotes {
		t.Errorf("%d distinct quote events, want %d", len(seen), 3*wantQuotes)
	}

	// --all runs the articles already at the current version too.
	out = runReenrich(t, reenrichOptions{version: "test-3", all: true})
	if want := fmt.Sprintf("%d articles published as revisions (enricher test-3), 0 skipped", n); !strings.Contains(out, want) {
		t.Errorf("--all run: %s, want %q", out, want)
	}
	waitStored(t, coll, n, 3, "test-3")

	// Interrupted before it read a document: said in words, not as the
	// driver's "context canceled" on a read.
	cctx, cancelNow := context.WithCancel(ctx)
	cancelNow()
	var iout bytes.Buffer
	if err := reenrich(cctx, env{getenv: s.getenv, stdout: &iout, stderr: &iout}, reenrichOptions{version: "test-4"}); err == nil || !strings.Contains(err.Error(), "interrupted before reading any document") {
		t.Errorf("reenrich interrupted at once: %v, want interrupted before reading any document\n%s", err, iout.String())
	}
}

// TestReenrichDispatchInterrupted: documents a Ctrl-C stops (the driver
// still returns those of its batch) are counted as cut short, never as
// failed; a real failure still is one.
func TestReenrichDispatchInterrupted(t *testing.T) {
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprintf("%d workers", workers), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			i := 0
			next := func() (article.Article, bool, error) { // a batch the driver keeps returning
				i++
				return article.Article{ID: fmt.Sprint(i)}, i <= 100, nil
			}
			var calls atomic.Int64
			rep, errs := dispatch(ctx, workers, next, func(a article.Article) error {
				switch n := calls.Add(1); {
				case n == 2:
					return errors.New("the enricher refused it")
				case n == 3:
					cancel()
				case n > 3:
					// (A later call waits for the third's Ctrl-C, however
					// the workers are scheduled: on a loaded machine the
					// other workers could otherwise publish the whole batch
					// before the third one's cancel runs.)
					<-ctx.Done()
				}
				if ctx.Err() != nil {
					return fmt.Errorf("publish %s: %w", a.ID, ctx.Err())
				}
				return nil
			})
			if rep.failed.Load() != 1 || len(errs) != 1 {
				t.Errorf("%d failed (%v), want the one refusal", rep.failed.Load(), errs)
			}
			if rep.tried.Load() >= 100 || rep.published.Load()+rep.failed.Load()+rep.cut.Load() != rep.tried.Load() {
				t.Errorf("tried %d: %d published, %d failed, %d cut; want every one tried counted once, and the rest left", rep.tried.Load(), rep.published.Load(), rep.failed.Load(), rep.cut.Load())
			}
		})
	}
}

func TestReenrichUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"since garbage", []string{"--since", "last week"}},
		{"since a future date", []string{"--since", "2999-01-01"}},
		{"stray argument", []string{"docs"}},
		{"no workers", []string{"--workers", "0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), append([]string{"reenrich"}, tc.args...), func(string) string { return "" }, strings.NewReader(""), &out, &out)
			if err != errUsage {
				t.Errorf("err %v, want usage\n%s", err, out.String())
			}
		})
	}
}

func firstKey(m map[string]storedState) string {
	for k := range m {
		return k
	}
	return ""
}
