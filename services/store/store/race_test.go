package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
)

// TestRaceBetweenReadAndReplace: another store process writes the article
// between the store's read of the stored version (and its copy among the
// versions) and its replacement. The write decides again against the
// version stored then: it is stored, or kept as late or refused, never
// lost, and no kept version says it was replaced by a version that did
// not replace it. (The write that lost the race was dropped: neither
// stored nor kept, and its copy of the stored version falsely said
// "replaced by" it.)
func TestRaceBetweenReadAndReplace(t *testing.T) {
	ctx := context.Background()
	uri := startFerretDB(t)
	s := newTestStore(t, uri, nil)
	other := newTestStore(t, uri, nil) // another store process
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	n := 0x2a00 // (ids of this test's own)
	// v is a version dropped at t0+h hours, dated d hours after t0.
	v := func(id, headline string, h, d float64) *article.Article {
		return datedVersion(id, headline, t0, time.Duration(h*float64(time.Hour)), time.Duration(d*float64(time.Hour)))
	}
	tests := []struct {
		name string
		// versions: stored first, written, written by the other store in
		// between.
		versions func(id string) (stored, write, between *article.Article)
		result   error // the write's (nil: written)
		want     string
		kept     []keptVersion // newest first
	}{
		{
			name: "a newer version in between: kept as late",
			versions: func(id string) (_, _, _ *article.Article) {
				return v(id, "one", 0, 0), v(id, "three", 2, 0), v(id, "four", 3, 0)
			},
			result: &SupersededError{Reason: ReasonDroppedLater, Kept: true},
			want:   "four",
			kept:   []keptVersion{{"three", false, false, "four"}, {"one", true, false, "four"}},
		},
		{
			name: "an older version in between: replaced and kept",
			versions: func(id string) (_, _, _ *article.Article) {
				return v(id, "one", 0, 0), v(id, "four", 3, 0), v(id, "three", 2, 0)
			},
			want: "four",
			kept: []keptVersion{{"three", false, false, "four"}, {"one", true, false, "three"}},
		},
		{
			name: "a version dated later in between: refused and kept",
			versions: func(id string) (_, _, _ *article.Article) {
				return v(id, "one", 0, -48), v(id, "fix", 2, -47), v(id, "later", 1, -46)
			},
			result: &SupersededError{Reason: ReasonPublishedLater, Kept: true},
			want:   "later",
			kept:   []keptVersion{{"fix", false, true, "later"}, {"one", true, false, "later"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n++
			id := fmt.Sprintf("%024x", n)
			stored, write, between := tc.versions(id)
			if stored != nil {
				if err := s.Write(ctx, stored); err != nil {
					t.Fatal(err)
				}
			}
			raced := false
			s.beforeReplace = func(*article.Article) {
				if raced {
					return
				}
				raced = true
				if err := other.Write(ctx, between); err != nil {
					t.Errorf("write in between: %v", err)
				}
			}
			t.Cleanup(func() { s.beforeReplace = nil })
			checkResult(t, write.Headline, s.Write(ctx, write), tc.result)
			if !raced {
				t.Fatal("no write in between")
			}
			all := []*article.Article{write, between}
			if stored != nil {
				all = append(all, stored)
			}
			checkStoredAndKept(ctx, t, s, id, tc.want, tc.kept, all...)
		})
	}
}

// TestDropsInOneMillisecond: two versions dropped within one millisecond
// are ordered by their exact drop times, as the database's filter orders
// them, though the database keeps the stored one's ingest time to the
// millisecond. (The store took the one dropped earlier for the newer,
// copied the stored one as replaced by it, and the filter refused it:
// lost, and a false copy.)
func TestDropsInOneMillisecond(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t, startFerretDB(t), nil)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name         string
		stored, late time.Duration // drop times after t0
		result       error
		want         string
		kept         []keptVersion
	}{
		{"dropped earlier in the same millisecond: kept as late", 700 * time.Microsecond, 300 * time.Microsecond,
			&SupersededError{Reason: ReasonDroppedLater, Kept: true}, "stored",
			[]keptVersion{{"late", false, false, "stored"}}},
		{"dropped later in the same millisecond: replaces", 300 * time.Microsecond, 700 * time.Microsecond,
			nil, "late",
			[]keptVersion{{"stored", true, false, "late"}}},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			id := fmt.Sprintf("%024x", 0x2b00+i)
			stored := undated(datedVersion(id, "stored", t0, tc.stored, 0))
			late := undated(datedVersion(id, "late", t0, tc.late, 0))
			if err := s.Write(ctx, stored); err != nil {
				t.Fatal(err)
			}
			checkResult(t, late.Headline, s.Write(ctx, late), tc.result)
			checkStoredAndKept(ctx, t, s, id, tc.want, tc.kept, stored, late)
		})
	}
}

// TestHigherRevisionWinsInOneBatch: equal versions in one batch (a
// redelivered enrichment and a re-enrichment) leave the higher revision
// stored, whatever order they arrive in. (The later arrival won: an older
// enrichment redelivered last overwrote the re-enrichment.)
func TestHigherRevisionWinsInOneBatch(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t, startFerretDB(t), nil)
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for i, order := range [][]int{{1, 0}, {0, 1}, {1, 0, 1}, {0, 1, 0}} {
		t.Run(fmt.Sprint(order), func(t *testing.T) {
			id := fmt.Sprintf("%024x", 0x2c00+i)
			batch := make([]writeReq, len(order))
			for j, rev := range order {
				a := datedVersion(id, fmt.Sprintf("revision %d", rev), t0, 0, 0)
				a.Revision = rev
				batch[j] = writeReq{doc: a, size: approxSize(a), since: time.Now(), done: make(chan error, 1)}
			}
			if failed := s.flush(batch); failed {
				t.Fatal("flush failed")
			}
			for _, r := range batch {
				if err := <-r.done; err != nil {
					t.Errorf("%s: %v", r.doc.Headline, err)
				}
			}
			if got := storedArticle(ctx, t, s, id); got.Revision != 1 {
				t.Errorf("stored revision %d (%q), want 1", got.Revision, got.Headline)
			}
		})
	}
}

// TestKeepersAtOnceLoseNothing: two store processes keeping versions of
// one article at once keep both: another keeper writes between this
// one's read of the versions and its write, whether the versions document
// existed or not. (Each read the versions, added its own and wrote them
// back, so the last write dropped the other's.)
func TestKeepersAtOnceLoseNothing(t *testing.T) {
	ctx := context.Background()
	uri := startFerretDB(t)
	s := newTestStore(t, uri, nil)
	other := newTestStore(t, uri, nil) // another store process
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	// keep keeps a (a replaced version of its own text) through k.
	keep := func(t *testing.T, k *Store, a *article.Article) {
		t.Helper()
		if _, err := k.keepVersion(ctx, a.ID, Version{Version: version(a), ReplacedBy: version(a) + 1, Article: *a}, false); err != nil {
			t.Fatal(err)
		}
	}
	for i, exists := range []bool{false, true} {
		t.Run(fmt.Sprintf("versions document exists: %v", exists), func(t *testing.T) {
			id := fmt.Sprintf("%024x", 0x2d00+i)
			want := []string{"other", "this"}
			if exists {
				keep(t, s, datedVersion(id, "first", t0, 0, 0))
				want = append(want, "first")
			}
			raced := false
			s.beforeVersionsWrite = func(string) {
				if !raced {
					raced = true
					keep(t, other, datedVersion(id, "other", t0, 2*time.Hour, 0))
				}
			}
			t.Cleanup(func() { s.beforeVersionsWrite = nil })
			keep(t, s, datedVersion(id, "this", t0, time.Hour, 0))
			if !raced {
				t.Fatal("no keeper in between")
			}
			kept, err := s.Versions(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, k := range kept {
				got = append(got, k.Article.Headline)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("kept %q, want %q", got, want)
			}
		})
	}
}
