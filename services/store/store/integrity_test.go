package store

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
)

func TestSchemaCopyIsCurrent(t *testing.T) {
	want, err := os.ReadFile("../../../schema/article.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, schemaJSON) {
		t.Fatal("services/store/store/article.schema.json differs from schema/article.schema.json: copy it over")
	}
}

func newTestStore(t *testing.T, uri string, edit func(*Config)) *Store {
	t.Helper()
	cfg := DefaultConfig()
	cfg.URI = uri
	if edit != nil {
		edit(&cfg)
	}
	s, err := New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}

// TestNewestVersionWins (case 5): two versions of one article, a large old
// one and its small correction, written in every order, in one batch and
// from two stores at once: the stored document is the newer.
func TestNewestVersionWins(t *testing.T) {
	ctx := context.Background()
	uri := startFerretDB(t)
	s1 := newTestStore(t, uri, nil)
	s2 := newTestStore(t, uri, nil)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	version := func(id, headline string, at time.Time, bodyRepeat int) *article.Article {
		a := benchArticle(id)
		a.Headline, a.IngestedAt = headline, at
		a.Body = strings.Repeat(a.Body, bodyRepeat)
		return a
	}
	tests := []struct {
		name  string
		write func(t *testing.T, old, new *article.Article)
	}{
		{"new then old", func(t *testing.T, old, new *article.Article) {
			if err := s1.Write(ctx, new); err != nil {
				t.Fatal(err)
			}
			if err := s1.Write(ctx, old); !errors.Is(err, ErrSuperseded) {
				t.Fatalf("writing the old version: %v, want ErrSuperseded", err)
			}
		}},
		{"old then new", func(t *testing.T, old, new *article.Article) {
			for _, a := range []*article.Article{old, new} {
				if err := s1.Write(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{"one batch", func(t *testing.T, old, new *article.Article) {
			var wg sync.WaitGroup
			for _, a := range []*article.Article{new, old, new, old} {
				wg.Go(func() { _ = s1.Write(ctx, a) })
			}
			wg.Wait()
		}},
		{"one store racing", func(t *testing.T, old, new *article.Article) {
			if err := s1.Write(ctx, version(old.ID, "older still", old.IngestedAt.Add(-time.Hour), 1)); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			for range 5 {
				wg.Go(func() { _ = s1.Write(ctx, new) })
				wg.Go(func() { _ = s1.Write(ctx, old) })
			}
			wg.Wait()
		}},
		{"another store, later", func(t *testing.T, old, new *article.Article) {
			if err := s1.Write(ctx, new); err != nil {
				t.Fatal(err)
			}
			if err := s2.Write(ctx, old); !errors.Is(err, ErrSuperseded) {
				t.Fatalf("second store writing the old version: %v, want ErrSuperseded", err)
			}
		}},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := strings.Repeat("0", 23) + string(rune('a'+i))
			old := version(id, "old and long", t0, 40)
			new := version(id, "correction", t0.Add(time.Millisecond/3), 1)
			tc.write(t, old, new)
			if got := storedArticle(ctx, t, s1, id); got.Headline != "correction" {
				t.Errorf("stored %q, want the newer version", got.Headline)
			}
		})
	}
}

// TestOlderPublishedVersionLoses: a version dropped later that says it was
// published before the stored one (last year's copy dropped again, or a
// forged "update" with an old date) does not replace it, alone or in one
// batch with it.
func TestOlderPublishedVersionLoses(t *testing.T) {
	ctx := context.Background()
	uri := startFerretDB(t)
	s := newTestStore(t, uri, nil)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	pub := func(y int) *time.Time { p := time.Date(y, 5, 3, 0, 0, 0, 0, time.UTC); return &p }
	for i, batch := range []bool{false, true} {
		id := strings.Repeat("0", 22) + "p" + string(rune('a'+i))
		real := benchArticle(id)
		real.Headline, real.IngestedAt, real.PublishedAt = "real", t0, pub(2019)
		stale := benchArticle(id)
		stale.Headline, stale.IngestedAt, stale.PublishedAt = "stale", t0.Add(time.Hour), pub(1999)
		if batch {
			writeTogether(ctx, s, real, stale)
		} else {
			if err := s.Write(ctx, real); err != nil {
				t.Fatal(err)
			}
			if err := s.Write(ctx, stale); !errors.Is(err, ErrSuperseded) {
				t.Errorf("older published version: %v, want ErrSuperseded", err)
			}
		}
		if got := storedArticle(ctx, t, s, id); got.Headline != "real" {
			t.Errorf("batch=%v: stored %q, want the version published later", batch, got.Headline)
		}
	}
}

// datedVersion is benchArticle(id) with its headline, dropped (ingested)
// at t0+dropped and dated (published) t0+dated.
func datedVersion(id, headline string, t0 time.Time, dropped, dated time.Duration) *article.Article {
	a := benchArticle(id)
	p := t0.Add(dated)
	a.Headline, a.IngestedAt, a.PublishedAt = headline, t0.Add(dropped), &p
	return a
}

// TestFutureDateLocksNothing: a version dated after it was dropped (a
// hostile or careless drop dated a day ahead) replaces the stored one by
// arrival, and a correction dropped after it, carrying the article's real
// and earlier date, replaces it in turn, alone or in one batch; a version
// with an earlier date dropped later still loses to a real one.
func TestFutureDateLocksNothing(t *testing.T) {
	ctx := context.Background()
	uri := startFerretDB(t)
	s := newTestStore(t, uri, nil)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for i, batch := range []bool{false, true} {
		id := strings.Repeat("0", 22) + "f" + string(rune('a'+i))
		real := datedVersion(id, "real", t0, 0, -48*time.Hour)
		ahead := datedVersion(id, "ahead", t0, time.Hour, 31*time.Hour)
		fix := datedVersion(id, "correction", t0, 2*time.Hour, -47*time.Hour)
		if err := s.Write(ctx, real); err != nil {
			t.Fatal(err)
		}
		if batch {
			writeTogether(ctx, s, ahead, fix)
		} else {
			if err := s.Write(ctx, ahead); err != nil {
				t.Fatalf("version dated ahead: %v", err)
			}
			if err := s.Write(ctx, fix); err != nil {
				t.Errorf("correction after a version dated ahead: %v, want it written", err)
			}
		}
		if got := storedArticle(ctx, t, s, id); got.Headline != "correction" {
			t.Errorf("batch=%v: stored %q, want the correction", batch, got.Headline)
		}
		stale := datedVersion(id, "stale", t0, 3*time.Hour, -72*time.Hour)
		if err := s.Write(ctx, stale); !errors.Is(err, ErrSuperseded) {
			t.Errorf("batch=%v: older dated version after the correction: %v, want ErrSuperseded", batch, err)
		}
	}
}

// TestRefusedCorrectionKept: a hostile version dated just before it was
// dropped replaces the real one; the correction dropped after it, carrying
// the article's real and earlier date, loses, but is kept among the
// versions marked refused, so that it can be restored; a late delivery of
// a version dropped earlier, never stored, is kept too, not refused, at its
// place in drop order, as if it had come in order and been replaced.
func TestRefusedCorrectionKept(t *testing.T) {
	ctx := context.Background()
	uri := startFerretDB(t)
	s := newTestStore(t, uri, nil)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	id := strings.Repeat("0", 22) + "rc"
	real := datedVersion(id, "real", t0, 0, -48*time.Hour)
	hijack := datedVersion(id, "hijack", t0, time.Hour, time.Hour-time.Minute)
	hijack.Body, hijack.Entities, hijack.Quotes = "Nothing happened.", nil, nil
	fix := datedVersion(id, "correction", t0, 2*time.Hour, -47*time.Hour)
	late := datedVersion(id, "late", t0, -time.Hour, -72*time.Hour)
	for _, a := range []*article.Article{real, hijack} {
		if err := s.Write(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range []*article.Article{fix, fix, late} { // (the correction redelivered)
		checkResult(t, a.Headline, s.Write(ctx, a), &SupersededError{Reason: ReasonPublishedLater, Kept: true})
	}
	vs, err := s.Versions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	type kept struct {
		headline       string
		first, refused bool
	}
	var got []kept
	for _, v := range vs {
		got = append(got, kept{v.Article.Headline, v.First, v.Refused})
	}
	want := []kept{{"correction", false, true}, {"real", true, false}, {"late", false, false}} // newest first
	if !slices.Equal(got, want) {
		t.Errorf("versions kept %+v, want %+v", got, want)
	}
	if len(vs) > 0 && vs[0].Refused && (vs[0].ReplacedBy != version(hijack) || vs[0].Article.Body != fix.Body) {
		t.Errorf("refused correction: lost to %d (want the hijack's %d), body kept %v", vs[0].ReplacedBy, version(hijack), vs[0].Article.Body == fix.Body)
	}
	// (In order, the real version, dropped after it, would have replaced
	// the late one.)
	if len(vs) == 3 && vs[2].ReplacedBy != version(real) {
		t.Errorf("late version: replaced by %d, want the real one's %d", vs[2].ReplacedBy, version(real))
	}

	// The same stale text dropped again and again (a feed polled every
	// hour) is kept once; other refused texts push out only older refused
	// ones, never the replaced versions.
	for i := range 4 {
		again := *fix
		again.IngestedAt = t0.Add(time.Duration(3+i) * time.Hour)
		if err := s.Write(ctx, &again); !errors.Is(err, ErrSuperseded) {
			t.Fatalf("stale copy %d: %v, want ErrSuperseded", i, err)
		}
	}
	for i := range 3 {
		other := *fix
		other.Headline, other.IngestedAt = fmt.Sprintf("stale %d", i), t0.Add(time.Duration(10+i)*time.Hour)
		if err := s.Write(ctx, &other); !errors.Is(err, ErrSuperseded) {
			t.Fatalf("stale text %d: %v, want ErrSuperseded", i, err)
		}
	}
	vs, err = s.Versions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, v := range vs {
		got = append(got, kept{v.Article.Headline, v.First, v.Refused})
	}
	want = []kept{{"stale 2", false, true}, {"stale 1", false, true}, {"real", true, false}, {"late", false, false}}
	if !slices.Equal(got, want) {
		t.Errorf("after stale drops, versions kept %+v, want %+v", got, want)
	}
}

// TestReplacedVersionsKept: a version that replaces the stored one leaves
// a copy of it in the versions collection (a near-empty "update" under the
// same URL destroys nothing); a redelivery of the stored version leaves
// none; a version dropped earlier and delivered late is kept in drop order;
// the first stored and the newest copies stay, KeepVersions in all;
// KeepVersions 0 keeps none.
func TestReplacedVersionsKept(t *testing.T) {
	ctx := context.Background()
	uri := startFerretDB(t)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	version := func(id, headline string, at time.Duration, body string) *article.Article {
		a := benchArticle(id)
		a.Headline, a.IngestedAt, a.PublishedAt = headline, t0.Add(at), nil
		if body != "" {
			a.Body, a.Entities, a.Quotes = body, nil, nil
		}
		return a
	}
	headlines := func(t *testing.T, s *Store, id string) []string {
		t.Helper()
		vs, err := s.Versions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var hs []string
		for _, v := range vs {
			if v.Article.ID != id || v.ReplacedBy <= v.Version {
				t.Errorf("version %+v: wrong ids or order", v)
			}
			hs = append(hs, v.Article.Headline)
		}
		return hs
	}
	s := newTestStore(t, uri, func(c *Config) { c.KeepVersions = 2 })
	if err := s.EnsureIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	id := strings.Repeat("0", 22) + "v1"
	full := version(id, "full", 0, "")
	for _, step := range []struct {
		name    string
		a       *article.Article
		wantErr error
		want    []string
	}{
		{"first write", full, nil, nil},
		{"a near-empty update", version(id, "blank", time.Hour, "x."), nil, []string{"full"}},
		{"its redelivery", version(id, "blank", time.Hour, "x."), nil, []string{"full"}},
		{"an older version, delivered late", version(id, "old", -time.Hour, ""), ErrSuperseded, []string{"full", "old"}},
		{"a correction after a crash between copy and replace", version(id, "fixed", 2*time.Hour, ""), nil, []string{"blank", "full"}},
		{"one more, past the bound: the first stays", version(id, "last", 3*time.Hour, ""), nil, []string{"fixed", "full"}},
		// A feed polled again: the same text in a new drop keeps no copy
		// of itself, so the versions that differ stay within the bound.
		{"the same text dropped again", version(id, "last", 4*time.Hour, ""), nil, []string{"fixed", "full"}},
		{"and again", version(id, "last", 5*time.Hour, ""), nil, []string{"fixed", "full"}},
	} {
		if strings.Contains(step.name, "crash") {
			// The copy made, the replacement not: the retry copies nothing twice.
			if _, err := s.keepStored(ctx, step.a); err != nil {
				t.Fatal(err)
			}
		}
		err := s.Write(ctx, step.a)
		if !errors.Is(err, step.wantErr) {
			t.Fatalf("%s: write: %v, want %v", step.name, err, step.wantErr)
		}
		if got := headlines(t, s, id); !slices.Equal(got, step.want) {
			t.Errorf("%s: versions kept %q, want %q", step.name, got, step.want)
		}
	}
	// The copies are whole: the first stored with its entities, marked
	// first; the correction after it not.
	vs, err := s.Versions(ctx, id)
	if err != nil || len(vs) != 2 {
		t.Fatalf("versions: %v, %d", err, len(vs))
	}
	if !vs[1].First || vs[0].First || vs[1].Article.Body != full.Body || len(vs[1].Article.Entities) != len(full.Entities) {
		t.Errorf("kept: first %v %q (%d entities), then first %v; want the full text first", vs[1].First, vs[1].Article.Headline, len(vs[1].Article.Entities), vs[0].First)
	}

	none := newTestStore(t, uri, func(c *Config) { c.KeepVersions = 0; c.Collection = "plain" })
	id2 := strings.Repeat("0", 22) + "v2"
	for _, a := range []*article.Article{version(id2, "a", 0, ""), version(id2, "b", time.Hour, "")} {
		if err := none.Write(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if got := headlines(t, none, id2); len(got) != 0 {
		t.Errorf("KeepVersions 0 kept %q", got)
	}
}

// TestHostileVersionsBounded: a run of updates under another publisher's
// URL, more than KeepVersions of them, leaves the article as first stored
// among the versions; updates that fill fields the texts do not count
// (tags, byline, the source's name) keep the versions document within
// maxVersionsBytes and one version.
func TestHostileVersionsBounded(t *testing.T) {
	ctx := context.Background()
	uri := startFerretDB(t)
	s := newTestStore(t, uri, func(*Config) {})
	if err := s.EnsureIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	update := func(id string, i int) *article.Article {
		a := benchArticle(id)
		a.Headline, a.IngestedAt, a.PublishedAt = fmt.Sprintf("withdrawn %d", i), t0.Add(time.Duration(i)*time.Hour), nil
		a.Body, a.Entities, a.Quotes = fmt.Sprintf("This story was withdrawn, notice %d.", i), nil, nil
		return a
	}
	t.Run("the original stays", func(t *testing.T) {
		id := strings.Repeat("0", 22) + "h1"
		orig := benchArticle(id)
		orig.IngestedAt, orig.PublishedAt = t0, nil
		for i, a := range append([]*article.Article{orig}, func() (out []*article.Article) {
			for i := 1; i <= DefaultConfig().KeepVersions+1; i++ {
				out = append(out, update(id, i))
			}
			return out
		}()...) {
			if err := s.Write(ctx, a); err != nil {
				t.Fatalf("write %d: %v", i, err)
			}
		}
		vs, err := s.Versions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(vs) != DefaultConfig().KeepVersions {
			t.Errorf("%d versions kept, want %d", len(vs), DefaultConfig().KeepVersions)
		}
		if last := vs[len(vs)-1]; !last.First || last.Article.Body != orig.Body {
			t.Errorf("oldest kept version %q (first %v), want the original text", last.Article.Headline, last.First)
		}
		if vs[0].Article.Headline != "withdrawn 10" {
			t.Errorf("newest kept version %q, want withdrawn 10", vs[0].Article.Headline)
		}
	})
	t.Run("versions kept before they were marked", func(t *testing.T) {
		id := strings.Repeat("0", 22) + "h3"
		orig := benchArticle(id)
		orig.IngestedAt, orig.PublishedAt = t0, nil
		if err := s.Write(ctx, orig); err != nil {
			t.Fatal(err)
		}
		if err := s.Write(ctx, update(id, 1)); err != nil {
			t.Fatal(err)
		}
		// (As an earlier version kept them: no mark.)
		if _, err := s.versions.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$unset", Value: bson.D{{Key: "versions.0.first", Value: ""}}}}); err != nil {
			t.Fatal(err)
		}
		for i := 2; i <= DefaultConfig().KeepVersions+2; i++ {
			if err := s.Write(ctx, update(id, i)); err != nil {
				t.Fatalf("write %d: %v", i, err)
			}
		}
		vs, err := s.Versions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if last := vs[len(vs)-1]; !last.First || last.Article.Body != orig.Body {
			t.Errorf("oldest kept version %q (first %v), want the original text", last.Article.Headline, last.First)
		}
	})
	t.Run("fields beyond the texts count", func(t *testing.T) {
		id := strings.Repeat("0", 22) + "h2"
		for i := 0; i <= 7; i++ {
			a := update(id, i)
			a.Tags = []string{strings.Repeat(fmt.Sprintf("tag%d ", i), 600_000)} // 3 MB
			a.Byline = strings.Repeat("b", 100_000)
			a.Source.Name = strings.Repeat("n", 100_000)
			if err := s.Write(ctx, a); err != nil {
				t.Fatalf("write %d: %v", i, err)
			}
		}
		var doc bson.Raw
		if err := s.versions.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&doc); err != nil {
			t.Fatal(err)
		}
		if len(doc) > maxVersionsBytes+3_500_000 {
			t.Errorf("versions document of %d bytes, over the bound %d and one version", len(doc), maxVersionsBytes)
		}
	})
}

// TestApproxSizeCoversEveryField: the batch bound's estimate is never
// under the document's encoded size, whichever field a publisher fills
// (a field added to article.Article and left out of approxSize fails here).
func TestApproxSizeCoversEveryField(t *testing.T) {
	a := benchArticle(strings.Repeat("0", 22) + "s1")
	fill(reflect.ValueOf(a).Elem(), strings.Repeat("x", 10_000))
	b, err := bson.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if got := approxSize(a); got < len(b) {
		t.Errorf("approxSize %d under the encoded size %d", got, len(b))
	}
}

// fill sets every string of v, in structs, pointers and slices, to s.
func fill(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).CanSet() {
				fill(v.Field(i), s)
			}
		}
	case reflect.Pointer:
		if v.IsNil() && v.CanSet() && v.Type().Elem().Kind() == reflect.Struct {
			v.Set(reflect.New(v.Type().Elem()))
		}
		if !v.IsNil() {
			fill(v.Elem(), s)
		}
	case reflect.Slice:
		if v.Len() == 0 && v.CanSet() {
			v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		}
		for i := 0; i < v.Len(); i++ {
			fill(v.Index(i), s)
		}
	}
}

// TestStalledStoreNotReady (case 6): writes that keep failing while the
// database still answers pings make readiness fail.
func TestStalledStoreNotReady(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t, startFerretDB(t), func(c *Config) {
		c.WriteTimeout = time.Microsecond // every write times out
		c.StallAfter = 500 * time.Millisecond
	})
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("fresh store not ready: %v", err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		if err := s.Write(ctx, benchArticle("stall")); err == nil {
			t.Fatal("a write succeeded within a microsecond; cannot test a stall")
		}
		time.Sleep(100 * time.Millisecond)
	}
	err := s.Ping(ctx)
	if err == nil || !strings.Contains(err.Error(), "stalled") {
		t.Fatalf("Ping after 2s of failing writes: %v, want a stall", err)
	}
}

// TestBatchesBoundedInBytes (case 6): large documents do not gather into
// one huge write.
func TestBatchesBoundedInBytes(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t, startFerretDB(t), func(c *Config) {
		c.MaxDocBytes, c.MaxBatchBytes = 512<<10, 1<<20
		c.FlushInterval = 200 * time.Millisecond // let every write join
	})
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range 8 {
		wg.Go(func() {
			a := benchArticle(strings.Repeat("1", 23) + string(rune('a'+i)))
			a.Body = strings.Repeat("x", 300<<10)
			errs[i] = s.Write(ctx, a)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	s.mu.Lock()
	n := s.batches
	s.mu.Unlock()
	if n < 3 {
		t.Errorf("8 documents of 300 KB in %d writes; at most 1 MB a write needs at least 3", n)
	}
}

// recorder is a Writer that remembers what reached it.
type recorder struct {
	mu     sync.Mutex
	writes []string
}

func (r *recorder) Write(_ context.Context, a *article.Article) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.writes = append(r.writes, a.ID)
	return nil
}

// TestStageRefusesForgedArticles (case 4): what anyone could publish on
// articles.enriched is checked before it is written.
func TestStageRefusesForgedArticles(t *testing.T) {
	good := func() *article.Article {
		a := benchArticle("0123456789abcdef01234567")
		a.IngestedAt = time.Now().Add(-time.Minute).UTC()
		return a
	}
	tests := []struct {
		name   string
		edit   func(a *article.Article)
		raw    string // instead of the edited article
		reason string // "" for accepted
		says   string // in the error
	}{
		{name: "good", edit: func(*article.Article) {}},
		{name: "negative schema version", edit: func(a *article.Article) { a.SchemaVersion = -1 }, reason: "invalid"},
		{name: "id $where", edit: func(a *article.Article) { a.ID = "$where" }, reason: "invalid"},
		{name: "mention past the body", edit: func(a *article.Article) { a.Entities[0].Mentions[0].End = len(a.Body) + 10 }, reason: "invalid"},
		{name: "negative offset", edit: func(a *article.Article) { a.Quotes[0].Start = -5 }, reason: "invalid"},
		{name: "caption offsets without a caption", edit: func(a *article.Article) { a.Entities[1].Mentions[0].Field = article.FieldCaption }, reason: "invalid"},
		{name: "unknown field", edit: func(a *article.Article) { a.Quotes[0].Field = "$set" }, reason: "invalid"},
		{name: "ingested in the future", edit: func(a *article.Article) { a.IngestedAt = time.Now().Add(24 * 365 * time.Hour) }, reason: "invalid"},
		{name: "bad hash", edit: func(a *article.Article) { a.Source.SHA256 = "zz" }, reason: "invalid"},
		{name: "empty body", edit: func(a *article.Article) { a.Body = "  " }, reason: "incomplete"},
		{name: "headline of 100,000 characters", edit: func(a *article.Article) { a.Headline = strings.Repeat("Headline ", 100000/9+1) }, reason: "invalid", says: "headline: maxLength: got 100,008, want 1,000"},
		{name: "headline of 1001 characters", edit: func(a *article.Article) { a.Headline = strings.Repeat("x", 1001) }, reason: "invalid", says: "headline: maxLength"},
		// (Code points, not bytes: 3000 bytes of UTF-8.)
		{name: "headline of 1000 characters", edit: func(a *article.Article) { a.Headline = strings.Repeat("語", 1000) }},
		{name: "8 MB document", edit: func(a *article.Article) { a.Body = strings.Repeat("Name Surname met Other Person. ", 8<<20/31) }, reason: "too_large"},
		{name: "operator in a field", raw: `{"id":"0123456789abcdef01234567","schema_version":1,"body":"x","headline":{"$gt":""}}`, reason: "bad_json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.raw)
			if tc.raw == "" {
				a := good()
				tc.edit(a)
				var err error
				if data, err = json.Marshal(a); err != nil {
					t.Fatal(err)
				}
			}
			r := &recorder{}
			outs, err := NewStage(r, slogDiscard()).Handle(context.Background(), &jsbus.Msg{Subject: jsbus.SubjectEnriched, Data: data})
			if tc.reason == "" {
				if err != nil || len(r.writes) != 1 || len(outs) != 1 {
					t.Fatalf("good article: err %v, writes %v, outputs %v", err, r.writes, outs)
				}
				var n Stored
				if o := outs[0]; o.Subject != jsbus.SubjectStored || o.Type != jsbus.TypeStored || json.Unmarshal(o.Data, &n) != nil || n.ID != r.writes[0] {
					t.Errorf("stored notice %+v (%+v)", o, n)
				}
				return
			}
			if !errors.Is(err, article.ErrPermanent) || article.Reason(err) != tc.reason {
				t.Fatalf("err %v (reason %q), want a permanent %q", err, article.Reason(err), tc.reason)
			}
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("err %q, want it to say %q", err, tc.says)
			}
			if len(r.writes) != 0 || len(outs) != 0 {
				t.Errorf("forged article reached the database (%v) or was announced (%v)", r.writes, outs)
			}
		})
	}
}

func slogDiscard() *slog.Logger { return slog.New(slog.DiscardHandler) }

// BenchmarkTwoStoresRacing measures FerretDB v1's lack of an atomic
// conditional write: two store processes writing an old and a new version
// of one article at the same moment (five times each) after an older
// version. Metric older-kept/op: the share of rounds that end with the old
// version stored (0 on MongoDB, where the conditional upsert is atomic).
func BenchmarkTwoStoresRacing(b *testing.B) {
	ctx := context.Background()
	uri := startFerretDB(b)
	stores := [2]*Store{}
	for i := range stores {
		cfg := DefaultConfig()
		cfg.URI = uri
		s, err := New(ctx, cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = s.Close(context.Background()) })
		stores[i] = s
	}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	kept := 0
	for i := 0; b.Loop(); i++ {
		id := fmt.Sprintf("%024x", i)
		mk := func(h string, at time.Time) *article.Article {
			a := benchArticle(id)
			a.Headline, a.IngestedAt = h, at
			return a
		}
		if err := stores[0].Write(ctx, mk("oldest", t0.Add(-time.Hour))); err != nil {
			b.Fatal(err)
		}
		var wg sync.WaitGroup
		for range 5 {
			wg.Go(func() { _ = stores[0].Write(ctx, mk("new", t0.Add(time.Second))) })
			wg.Go(func() { _ = stores[1].Write(ctx, mk("old", t0)) })
		}
		wg.Wait()
		if got := storedArticle(ctx, b, stores[0], id); got.Headline != "new" {
			kept++
		}
	}
	b.ReportMetric(float64(kept)/float64(b.N), "older-kept/op")
}

// storedArticle reads the stored document of id through s.
func storedArticle(ctx context.Context, tb testing.TB, s *Store, id string) article.Article {
	tb.Helper()
	var got article.Article
	if err := s.Collection().FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&got); err != nil {
		tb.Fatalf("find %s: %v", id, err)
	}
	return got
}

// writeTogether writes the versions at once, so that the store takes
// them in one batch; their outcomes are read from what it stored.
func writeTogether(ctx context.Context, s *Store, as ...*article.Article) {
	var wg sync.WaitGroup
	for _, a := range as {
		wg.Go(func() { _ = s.Write(ctx, a) })
	}
	wg.Wait()
}

// TestIndexesWhenDatabaseComesLater: a store started before its database
// creates the indexes once the database answers (they were tried once at
// start and never again).
func TestIndexesWhenDatabaseComesLater(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cfg := DefaultConfig()
	cfg.URI = "mongodb://" + addr + "/?serverSelectionTimeoutMS=500"
	s, err := New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.EnsureIndexesWhenReachable(ctx, 200*time.Millisecond) }()
	time.Sleep(time.Second) // a few failed tries
	select {
	case err := <-done:
		t.Fatalf("returned before the database was there: %v", err)
	default:
	}
	startFerretDBAt(t, addr)
	if err := <-done; err != nil {
		t.Fatalf("indexes once the database came: %v", err)
	}
	specs, err := s.coll.Indexes().ListSpecifications(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, sp := range specs {
		names[sp.Name] = true
	}
	for _, want := range []string{"published_at", "quote_speaker", "story_published_at"} {
		if !names[want] {
			t.Errorf("no index %s among %v", want, names)
		}
	}
}

// TestBoundPinsFirstStoredAnywhere: the article as first stored stays
// within the byte bound also when a refused version was kept before it,
// and refused versions beyond maxRefused go first.
func TestBoundPinsFirstStoredAnywhere(t *testing.T) {
	s := &Store{cfg: Config{KeepVersions: 10}}
	big := func(headline string, first, refused bool) Version {
		a := article.Article{Headline: headline, Body: strings.Repeat("word ", 3<<20/5)}
		return Version{Article: a, First: first, Refused: refused}
	}
	headlines := func(vs []Version) []string {
		var hs []string
		for _, v := range vs {
			hs = append(hs, v.Article.Headline)
		}
		return hs
	}
	tests := []struct {
		name string
		in   []Version
		want []string
	}{
		{"a refused version before the first stored, 3 MiB each",
			[]Version{big("refused", false, true), big("first", true, false), big("second", false, false), big("newest", false, false)},
			[]string{"first", "newest"}},
		{"three small refused versions: the oldest goes",
			[]Version{{Article: article.Article{Headline: "r1"}, Refused: true}, {Article: article.Article{Headline: "first"}, First: true}, {Article: article.Article{Headline: "r2"}, Refused: true}, {Article: article.Article{Headline: "r3"}, Refused: true}},
			[]string{"first", "r2", "r3"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := headlines(s.bound(tc.in)); !slices.Equal(got, tc.want) {
				t.Errorf("kept %q, want %q", got, tc.want)
			}
		})
	}
}

// TestRefusedInOneBatchKept: a correction written in the same batch as the
// hostile version dated later that wins over it is kept as refused too.
func TestRefusedInOneBatchKept(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t, startFerretDB(t), nil)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	id := strings.Repeat("0", 22) + "rb"
	real := datedVersion(id, "real", t0, 0, -48*time.Hour)
	if err := s.Write(ctx, real); err != nil {
		t.Fatal(err)
	}
	hijack := datedVersion(id, "hijack", t0, time.Hour, time.Hour-time.Minute)
	fix := datedVersion(id, "correction", t0, 2*time.Hour, -47*time.Hour)
	batch := []writeReq{{doc: hijack, done: make(chan error, 1)}, {doc: fix, done: make(chan error, 1)}}
	if failed := s.flush(batch); failed {
		t.Fatal("flush failed")
	}
	if err := <-batch[0].done; err != nil {
		t.Fatalf("hijack: %v", err)
	}
	if err := <-batch[1].done; !errors.Is(err, ErrSuperseded) {
		t.Fatalf("correction: %v, want ErrSuperseded", err)
	}
	vs, err := s.Versions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(vs, func(v Version) bool { return v.Refused && v.Article.Headline == "correction" }) {
		t.Errorf("versions kept %d, none the refused correction", len(vs))
	}
}
