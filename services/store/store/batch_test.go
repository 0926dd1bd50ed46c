package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// keptVersion is what a test checks of a kept version.
type keptVersion struct {
	headline       string
	first, refused bool
	replacedBy     string // the headline of the version it lost to
}

// keptVersions reads the kept versions of id, newest first, naming the
// version each lost to by its headline among vs.
func keptVersions(ctx context.Context, t *testing.T, s *Store, id string, vs ...*article.Article) []keptVersion {
	t.Helper()
	kept, err := s.Versions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var got []keptVersion
	for _, k := range kept {
		by := "?"
		if i := slices.IndexFunc(vs, func(a *article.Article) bool { return version(a) == k.ReplacedBy }); i >= 0 {
			by = vs[i].Headline
		}
		got = append(got, keptVersion{k.Article.Headline, k.First, k.Refused, by})
	}
	return got
}

// checkStoredAndKept checks that the stored document of id is the version
// headlined want and that the kept versions, newest first, are kept (each
// named, with the version it lost to, by its headline among vs).
func checkStoredAndKept(ctx context.Context, t *testing.T, s *Store, id, want string, kept []keptVersion, vs ...*article.Article) {
	t.Helper()
	if got := storedArticle(ctx, t, s, id); got.Headline != want {
		t.Errorf("stored %q, want %q", got.Headline, want)
	}
	if got := keptVersions(ctx, t, s, id, vs...); !slices.Equal(got, kept) {
		t.Errorf("versions kept %+v, want %+v", got, kept)
	}
}

// batchCase is two or more versions of one article written in one batch,
// after the versions stored, and what must come of them.
type batchCase struct {
	name   string
	stored []*article.Article // written before, one by one
	batch  []*article.Article // in the order they reach the store
	// want is the version stored after the batch, kept the versions then
	// kept (newest first), results the outcome of each of batch (nil:
	// written).
	want    string
	kept    []keptVersion
	results []error
}

// batchCases are the cases for id: t0 is when the first version was
// dropped (dates are relative to it).
func batchCases(id func(string) string, t0 time.Time) []batchCase {
	full := func(id, headline string, dropped, dated time.Duration) *article.Article {
		a := datedVersion(id, headline, t0, dropped, dated)
		sum := sha256.Sum256([]byte(id + headline))
		a.Source.SHA256 = hex.EncodeToString(sum[:]) // (a drop of its own)
		return a
	}
	blank := func(id, headline string, dropped, dated time.Duration) *article.Article {
		a := full(id, headline, dropped, dated)
		a.Body, a.Entities, a.Quotes = "x", []article.Entity{}, []article.Quote{}
		return a
	}
	var cases []batchCase

	// The user's case: a full text and a near-empty one under the same URL
	// and date, dropped one after the other, in one batch whatever order
	// enrich hands them on in.
	for _, c := range []struct {
		name       string
		blankFirst bool
	}{{"same date, full text then near-empty", false}, {"same date, near-empty reaches the store first", true}} {
		i := id(c.name)
		f, b := full(i, "full", 0, -time.Hour), blank(i, "blank", time.Second, -time.Hour)
		batch := []*article.Article{f, b}
		if c.blankFirst {
			batch = []*article.Article{b, f}
		}
		results := []error{nil, nil}
		cases = append(cases, batchCase{
			name: c.name, batch: batch, want: "blank",
			kept: []keptVersion{{"full", true, false, "blank"}}, results: results,
		})
	}

	i := id("older-dated")
	real := full(i, "real", 0, -48*time.Hour)
	newer := full(i, "newer", 2*time.Hour, -24*time.Hour)
	stale := blank(i, "stale", time.Hour, -72*time.Hour)
	cases = append(cases, batchCase{
		// Dropped between the stored version and the winner, dated before
		// the stored one: refused by the stored one, as in a batch of its
		// own, and kept so.
		name: "older-dated than the stored version", stored: []*article.Article{real},
		batch: []*article.Article{newer, stale}, want: "newer",
		kept:    []keptVersion{{"real", true, false, "newer"}, {"stale", false, true, "real"}},
		results: []error{nil, &SupersededError{Reason: ReasonPublishedLater, Kept: true}},
	})

	i = id("dated between")
	real = full(i, "real", 0, -48*time.Hour)
	newer = full(i, "newer", 2*time.Hour, -24*time.Hour)
	mid := blank(i, "mid", time.Hour, -36*time.Hour)
	cases = append(cases, batchCase{
		name: "dated between the stored version and the winner", stored: []*article.Article{real},
		batch: []*article.Article{newer, mid}, want: "newer",
		kept:    []keptVersion{{"mid", false, false, "newer"}, {"real", true, false, "mid"}},
		results: []error{nil, nil},
	})

	i = id("dropped after")
	real = full(i, "real", 0, -48*time.Hour)
	hijack := blank(i, "hijack", time.Hour, time.Hour-time.Minute)
	fix := full(i, "correction", 2*time.Hour, -47*time.Hour)
	cases = append(cases, batchCase{
		name: "dropped after the winner, dated before it", stored: []*article.Article{real},
		batch: []*article.Article{fix, hijack}, want: "hijack",
		kept:    []keptVersion{{"correction", false, true, "hijack"}, {"real", true, false, "hijack"}},
		results: []error{&SupersededError{Reason: ReasonPublishedLater, Kept: true}, nil},
	})

	i = id("late")
	one, three := full(i, "one", 0, -time.Hour), full(i, "three", time.Hour, -time.Hour)
	two, four := full(i, "two", 30*time.Minute, -time.Hour), full(i, "four", 2*time.Hour, -time.Hour)
	cases = append(cases, batchCase{
		// Dropped before the stored version, delivered in a later batch:
		// kept in drop order, as the stored one replaced in the batch is.
		name: "dropped before the stored version, delivered late", stored: []*article.Article{one, three},
		batch: []*article.Article{two, four}, want: "four",
		kept:    []keptVersion{{"three", false, false, "four"}, {"two", false, false, "three"}, {"one", true, false, "three"}},
		results: []error{&SupersededError{Reason: ReasonDroppedLater, Kept: true}, nil},
	})

	i = id("redelivered")
	f := full(i, "full", 0, -time.Hour)
	cases = append(cases, batchCase{
		name: "one version twice (a redelivery)", batch: []*article.Article{f, f}, want: "full",
		results: []error{nil, nil},
	})
	return cases
}

// checkResult compares the outcome of a write with want (nil: written).
func checkResult(t *testing.T, what string, got, want error) {
	t.Helper()
	var serr *SupersededError
	switch {
	case want == nil && got != nil:
		t.Errorf("%s: %v, want it written", what, got)
	case want != nil && !errors.As(got, &serr):
		t.Errorf("%s: %v, want %v", what, got, want)
	case want != nil && *serr != *want.(*SupersededError):
		t.Errorf("%s: %+v, want %+v", what, *serr, *want.(*SupersededError))
	}
}

// TestVersionsInOneBatchKept: versions of one article written in one
// batch end as they would written one batch each, in the order they were
// dropped: the winner stored, a version it replaced kept among the
// versions, one older than the stored version refused and kept as across
// batches. (Only the winner was written; a full text dropped just before
// a near-empty one was in neither collection.)
func TestVersionsInOneBatchKept(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t, startFerretDB(t), nil)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	n := 0xb00 // (ids of this test's own)
	id := func(string) string { n++; return fmt.Sprintf("%024x", n) }
	for _, tc := range batchCases(id, t0) {
		t.Run(tc.name, func(t *testing.T) {
			for _, a := range tc.stored {
				if err := s.Write(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
			// (flush is what the writer's loop calls with the writes that
			// queued up: one batch, whatever the timing.)
			batch := make([]writeReq, len(tc.batch))
			for i, a := range tc.batch {
				batch[i] = writeReq{doc: a, size: approxSize(a), since: time.Now(), done: make(chan error, 1)}
			}
			if failed := s.flush(batch); failed {
				t.Fatal("flush failed")
			}
			for i, r := range batch {
				checkResult(t, r.doc.Headline, <-r.done, tc.results[i])
			}
			id := tc.batch[0].ID
			checkStoredAndKept(ctx, t, s, id, tc.want, tc.kept, append(tc.stored, tc.batch...)...)
		})
	}
}

// TestSupersededReason: a version that loses to the stored one is told
// why, published later or dropped later (an equal date orders nothing),
// and whether it was kept; the stage's notice says so.
func TestSupersededReason(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t, startFerretDB(t), nil)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name   string
		stored *article.Article
		late   *article.Article
		want   SupersededError
	}{
		{"same date, dropped earlier, delivered late",
			datedVersion("0000000000000000000000e1", "later drop", t0, time.Hour, 0),
			datedVersion("0000000000000000000000e1", "earlier drop", t0, 0, 0),
			SupersededError{Reason: ReasonDroppedLater, Kept: true}},
		{"undated, dropped earlier, delivered late",
			undated(datedVersion("0000000000000000000000e2", "later drop", t0, time.Hour, 0)),
			undated(datedVersion("0000000000000000000000e2", "earlier drop", t0, 0, 0)),
			SupersededError{Reason: ReasonDroppedLater, Kept: true}},
		{"dated earlier, dropped later",
			datedVersion("0000000000000000000000e3", "real", t0, 0, 0),
			datedVersion("0000000000000000000000e3", "stale", t0, time.Hour, -time.Hour),
			SupersededError{Reason: ReasonPublishedLater, Kept: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := s.Write(ctx, tc.stored); err != nil {
				t.Fatal(err)
			}
			checkResult(t, tc.late.Headline, s.Write(ctx, tc.late), &tc.want)
			// The stage's notice says it too (the late version once more:
			// the same outcome).
			outs, err := NewStage(s, slogDiscard()).Handle(ctx, &jsbus.Msg{Subject: jsbus.SubjectEnriched, Data: enrichedJSON(t, tc.late)})
			if err != nil || len(outs) != 1 {
				t.Fatalf("handle: %v, %d outputs", err, len(outs))
			}
			var n Stored
			if err := json.Unmarshal(outs[0].Data, &n); err != nil {
				t.Fatal(err)
			}
			if !n.Superseded || n.Reason != tc.want.Reason || n.Kept != tc.want.Kept {
				t.Errorf("notice %+v, want superseded, reason %q, kept %v", n, tc.want.Reason, tc.want.Kept)
			}
		})
	}
}

// undated is a without a date.
func undated(a *article.Article) *article.Article { a.PublishedAt = nil; return a }

// enrichedJSON is a as published on articles.enriched.
func enrichedJSON(t *testing.T, a *article.Article) []byte {
	t.Helper()
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// oneBatch is a Writer that holds writes until n have come, then has the
// store write them in one batch, as its loop does with writes that queued
// up while it wrote (which timing alone cannot make sure of in a test).
type oneBatch struct {
	s    *Store
	n    int
	mu   sync.Mutex
	reqs []writeReq
}

func (b *oneBatch) Write(ctx context.Context, a *article.Article) error {
	r := writeReq{doc: a, size: approxSize(a), since: time.Now(), done: make(chan error, 1)}
	b.mu.Lock()
	if b.reqs = append(b.reqs, r); len(b.reqs) == b.n {
		go b.s.flush(b.reqs)
		b.reqs = nil
	}
	b.mu.Unlock()
	select {
	case err := <-r.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// TestOneBatchThroughNATS: the versions of one article published on
// articles.enriched reach the store stage through a real NATS server and
// are written in one batch; each gets its stored notice, the winner is
// stored and the others are kept as across batches.
func TestOneBatchThroughNATS(t *testing.T) {
	ctx := context.Background()
	srv := natstest.Start(t)
	js := natstest.JetStream(t, srv.ClientURL())
	if _, err := jsbus.EnsureStream(ctx, js, jsbus.StreamConfig{Replicas: 1, Duplicates: time.Minute, Memory: true, MaxBytes: 64 << 20, InMaxBytes: 64 << 20}); err != nil {
		t.Fatal(err)
	}
	s := newTestStore(t, startFerretDB(t), nil)
	cfg := jsbus.DefaultConsumerConfig(jsbus.StageStore)
	cfg.MaxInFlight, cfg.FetchWait, cfg.Grace = 4, 200*time.Millisecond, 5*time.Second
	c, err := jsbus.NewConsumer(ctx, js, cfg, NewStage(&oneBatch{s: s, n: 2}, slogDiscard()), jsbus.WithLogger(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))))
	if err != nil {
		t.Fatal(err)
	}
	rctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- c.Run(rctx) }()
	t.Cleanup(func() { cancel(); <-done })
	notices, err := js.OrderedConsumer(ctx, jsbus.StreamName, jetstream.OrderedConsumerConfig{FilterSubjects: []string{jsbus.SubjectStored}})
	if err != nil {
		t.Fatal(err)
	}
	pub := jsbus.NewPublisher(js)
	// (The cases drop up to two hours after t0; the stage refuses ingest
	// times ahead.)
	t0 := time.Now().Add(-3 * time.Hour).UTC().Truncate(time.Millisecond)
	n := 0xc00 // (ids of this test's own)
	id := func(string) string { n++; return fmt.Sprintf("%024x", n) }
	for _, tc := range batchCases(id, t0) {
		if len(tc.batch) != 2 || tc.batch[0] == tc.batch[1] {
			continue // (the oneBatch writer takes two; a redelivery is one message)
		}
		t.Run(tc.name, func(t *testing.T) {
			for _, a := range tc.stored {
				if err := s.Write(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
			for _, a := range tc.batch {
				if _, err := pub.Publish(ctx, jsbus.SubjectEnriched, "test:"+a.Source.SHA256, enrichedJSON(t, a), nil); err != nil {
					t.Fatal(err)
				}
			}
			got := map[string]Stored{}
			for len(got) < len(tc.batch) {
				m, err := notices.Next(jetstream.FetchMaxWait(20 * time.Second))
				if err != nil {
					t.Fatalf("stored notices: %v (have %d of %d)", err, len(got), len(tc.batch))
				}
				var st Stored
				if err := json.Unmarshal(m.Data(), &st); err != nil {
					t.Fatal(err)
				}
				got[st.Headline] = st
			}
			for i, a := range tc.batch {
				n := got[a.Headline]
				want, _ := tc.results[i].(*SupersededError)
				if want == nil && n.Superseded || want != nil && (!n.Superseded || n.Reason != want.Reason || n.Kept != want.Kept) {
					t.Errorf("%s: notice %+v, want %+v", a.Headline, n, want)
				}
			}
			id := tc.batch[0].ID
			checkStoredAndKept(ctx, t, s, id, tc.want, tc.kept, append(tc.stored, tc.batch...)...)
		})
	}
}
