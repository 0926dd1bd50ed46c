package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/newsflow/newsflow/pkg/article"
)

// lateWrite is one write of TestLateVersionKept and its outcome (nil:
// written).
type lateWrite struct {
	a    *article.Article
	want error
}

// TestLateVersionKept: a version dropped before the stored one that
// reaches the store after it (enrich redelivered or reordered it) is
// superseded, and kept among the versions as if it had come in order and
// been replaced: at its place in drop order, replaced by the version after
// it, not refused; unless its text is the stored one's or kept already.
// The bound treats it as a replaced version: with the versions full, one
// dropped before every kept version is the one to go, one dropped between
// them pushes out the oldest but the first stored; the first stored stays
// marked first whatever came late.
func TestLateVersionKept(t *testing.T) {
	ctx := context.Background()
	s := newTestStore(t, startFerretDB(t), func(c *Config) { c.KeepVersions = 3 })
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	n := 0x1a00 // (ids of this test's own)
	// v is an undated version of the case's article dropped at t0+h hours.
	v := func(id, headline string, h float64) *article.Article {
		a := datedVersion(id, headline, t0, time.Duration(h*float64(time.Hour)), 0)
		a.PublishedAt = nil
		return a
	}
	kept := &SupersededError{Reason: ReasonDroppedLater, Kept: true}
	notKept := &SupersededError{Reason: ReasonDroppedLater}
	tests := []struct {
		name   string
		writes func(id string) []lateWrite // in the order they reach the store
		// setup runs after the writes but the last.
		setup func(t *testing.T, id string)
		want  string        // the stored version's headline
		kept  []keptVersion // newest first
	}{
		{
			name: "late with a new text: kept",
			writes: func(id string) []lateWrite {
				return []lateWrite{{v(id, "one", 0), nil}, {v(id, "three", 2), nil}, {v(id, "two", 1), kept}}
			},
			want: "three",
			kept: []keptVersion{{"two", false, false, "three"}, {"one", true, false, "three"}},
		},
		{
			name: "late with the stored text: not kept",
			writes: func(id string) []lateWrite {
				again := v(id, "three", 1) // (the stored text, dropped earlier: a feed polled twice)
				return []lateWrite{{v(id, "one", 0), nil}, {v(id, "three", 2), nil}, {again, notKept}}
			},
			want: "three",
			kept: []keptVersion{{"one", true, false, "three"}},
		},
		{
			name: "late with a kept version's text: kept once",
			writes: func(id string) []lateWrite {
				return []lateWrite{{v(id, "one", 0), nil}, {v(id, "three", 2), nil}, {v(id, "one", 1), kept}}
			},
			want: "three",
			kept: []keptVersion{{"one", true, false, "three"}},
		},
		{
			name: "late redelivered twice: kept once",
			writes: func(id string) []lateWrite {
				late := v(id, "two", 1)
				return []lateWrite{{v(id, "one", 0), nil}, {v(id, "three", 2), nil}, {late, kept}, {late, kept}, {late, kept}}
			},
			want: "three",
			kept: []keptVersion{{"two", false, false, "three"}, {"one", true, false, "three"}},
		},
		{
			name: "late before any version was replaced: the first stored stays first",
			writes: func(id string) []lateWrite {
				return []lateWrite{{v(id, "two", 1), nil}, {v(id, "one", 0), kept}, {v(id, "three", 2), nil}}
			},
			want: "three",
			kept: []keptVersion{{"two", true, false, "three"}, {"one", false, false, "two"}},
		},
		{
			name: "late before the first stored: kept before it",
			writes: func(id string) []lateWrite {
				return []lateWrite{{v(id, "one", 0), nil}, {v(id, "two", 1), nil}, {v(id, "zero", -1), kept}}
			},
			want: "two",
			kept: []keptVersion{{"one", true, false, "two"}, {"zero", false, false, "one"}},
		},
		{
			name: "late into versions kept before they were marked: the oldest kept is the first",
			writes: func(id string) []lateWrite {
				return []lateWrite{{v(id, "one", 0), nil}, {v(id, "two", 1), nil}, {v(id, "zero", -1), kept}}
			},
			setup: func(t *testing.T, id string) {
				t.Helper()
				if _, err := s.versions.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$unset", Value: bson.D{{Key: "versions.0.first", Value: ""}}}}); err != nil {
					t.Fatal(err)
				}
			},
			want: "two",
			kept: []keptVersion{{"one", true, false, "two"}, {"zero", false, false, "one"}},
		},
		{
			name: "versions full, late before every kept version: the bound leaves it out",
			writes: func(id string) []lateWrite {
				return []lateWrite{{v(id, "v0", 0), nil}, {v(id, "v1", 1), nil}, {v(id, "v2", 2), nil}, {v(id, "v3", 3), nil}, {v(id, "v4", 4), nil},
					{v(id, "late", 1.5), notKept}}
			},
			want: "v4",
			kept: []keptVersion{{"v3", false, false, "v4"}, {"v2", false, false, "v3"}, {"v0", true, false, "v1"}},
		},
		{
			name: "versions full, late between kept versions: the oldest but the first goes",
			writes: func(id string) []lateWrite {
				return []lateWrite{{v(id, "v0", 0), nil}, {v(id, "v1", 1), nil}, {v(id, "v2", 2), nil}, {v(id, "v3", 3), nil}, {v(id, "v4", 4), nil},
					{v(id, "late", 2.5), kept}}
			},
			want: "v4",
			kept: []keptVersion{{"v3", false, false, "v4"}, {"late", false, false, "v3"}, {"v0", true, false, "v1"}},
		},
		{
			name: "versions full, late before the first stored: not kept, the first stays",
			writes: func(id string) []lateWrite {
				return []lateWrite{{v(id, "v0", 0), nil}, {v(id, "v1", 1), nil}, {v(id, "v2", 2), nil}, {v(id, "v3", 3), nil},
					{v(id, "late", -1), notKept}}
			},
			want: "v3",
			kept: []keptVersion{{"v2", false, false, "v3"}, {"v1", false, false, "v2"}, {"v0", true, false, "v1"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n++
			id := fmt.Sprintf("%024x", n)
			writes := tc.writes(id)
			var all []*article.Article
			for i, w := range writes {
				if i == len(writes)-1 && tc.setup != nil {
					tc.setup(t, id)
				}
				checkResult(t, fmt.Sprintf("write %d (%s)", i, w.a.Headline), s.Write(ctx, w.a), w.want)
				all = append(all, w.a)
			}
			checkStoredAndKept(ctx, t, s, id, tc.want, tc.kept, all...)
		})
	}
}
