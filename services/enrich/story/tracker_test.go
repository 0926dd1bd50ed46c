package story

import (
	"context"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// newTracker is one enrich instance's tracker on its own connection to
// url, closed at the test's end.
func newTracker(t *testing.T, url string, cfg Config) *Tracker {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tr, err := NewTracker(ctx, natstest.JetStream(t, url), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = tr.Close() })
	return tr
}

// TestTrackerForgetsAfterTTL (STORY_TTL, on a real NATS server): a copy
// dropped after the TTL is no copy, for the instance that saw the original
// and for one started after it. The instances' indexes kept records until
// an hourly sweep, so with STORY_TTL=1m a copy dropped 75 s after its
// original was still marked one (found by a trial of newsflow up).
func TestTrackerForgetsAfterTTL(t *testing.T) {
	url := natstest.Start(t).ClientURL()
	cfg := Config{TTL: time.Second}
	ents := []article.Entity{ent("GPE", "Eastbury", 3), ent("PERSON", "Dana Whitlock", 2)}
	first := newTracker(t, url, cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	// Two originals, so that each instance's copy has its own.
	for _, a := range []*article.Article{art("a1", "Eastbury closes river bridge", bridge+bridge, ents...), art("a2", "Frost halves the apple harvest", harvest+harvest)} {
		if d, err := first.Assign(ctx, a); err != nil || d != (Decision{StoryID: a.ID}) {
			t.Fatalf("original %s: %+v, %v", a.ID, d, err)
		}
	}
	time.Sleep(1500 * time.Millisecond)
	later := newTracker(t, url, cfg)
	for _, tc := range []struct {
		name string
		tr   *Tracker
		cp   *article.Article
	}{
		{"the instance that saw the original", first, art("c1", "Cracked bridge shut in Eastbury", "By a staff reporter. "+bridge+bridge, ents...)},
		{"an instance started later", later, art("c2", "Apple harvest smallest in a decade", harvest+harvest+"All rights reserved.")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cp := tc.cp
			d, err := tc.tr.Assign(ctx, cp)
			if err != nil {
				t.Fatal(err)
			}
			if d.DuplicateOf != "" {
				t.Errorf("a copy after the TTL: %+v, want no copy", d)
			}
		})
	}
}
