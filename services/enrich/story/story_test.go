package story

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
)

func TestHashesJSON(t *testing.T) {
	for _, h := range []Hashes{nil, {0}, {1, 2, 0xffffffff}} {
		b, err := json.Marshal(h)
		if err != nil {
			t.Fatal(err)
		}
		var got Hashes
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if len(h) == 0 && len(got) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, h) {
			t.Errorf("%v -> %s -> %v", h, b, got)
		}
	}
	var bad Hashes
	if err := json.Unmarshal([]byte(`"AAA="`), &bad); err == nil {
		t.Error("two bytes decoded as hashes")
	}
}

func art(id, headline, body string, ents ...article.Entity) *article.Article {
	return &article.Article{ID: id, Headline: headline, Body: body, Entities: ents, IngestedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}
}

func ent(typ, name string, n int) article.Entity {
	return article.Entity{Name: name, Type: typ, Count: n}
}

// Sentences of our own, repeated into article-sized texts.
const (
	bridge = "The council of Eastbury voted on Tuesday to close the old river bridge after engineers found cracks in two of its piers. " +
		"Traffic will be sent through the northern ring road while repairs are planned, the council said in a statement. " +
		"Shop owners near the bridge said they feared losing customers during the closure, which could last several months. " +
		"The mayor, Dana Whitlock, promised a temporary footbridge for pedestrians by the end of the month. "
	harvest = "Farmers across the western valley reported the smallest apple harvest in a decade after a late frost in April. " +
		"Prices at the regional market rose by a third within a week, traders said, and cider makers warned of shortages. " +
		"The agriculture minister, Paul Ferrand, said emergency loans would be offered to growers who lost more than half their crop. "
)

func TestIndexDecisions(t *testing.T) {
	ix, err := NewIndex(Config{})
	if err != nil {
		t.Fatal(err)
	}
	c := Config{}.WithDefaults()
	ents := []article.Entity{ent("GPE", "Eastbury", 3), ent("PERSON", "Dana Whitlock", 2)}
	orig := art("a1", "Eastbury closes river bridge", bridge+bridge, ents...)
	copyA := art("a2", "Cracked bridge shut in Eastbury", "By a staff reporter. "+bridge+bridge+"All rights reserved.", ents...)
	other := art("a3", "Frost halves the apple harvest", harvest+harvest, ent("PERSON", "Paul Ferrand", 2))
	follow := art("a4", "Eastbury footbridge opens as river bridge stays shut",
		"A footbridge opened in Eastbury on Monday, weeks after cracks closed the river bridge. Dana Whitlock, the mayor, cut the ribbon and said repairs to the piers of the bridge would start in spring. The river bridge closure has cost shops customers.", ents...)

	tests := []struct {
		name string
		a    *article.Article
		want Decision
	}{
		{"first article starts its story", orig, Decision{StoryID: "a1"}},
		{"a copy with boilerplate points at the original", copyA, Decision{DuplicateOf: "a1", StoryID: "a1"}},
		{"another subject is its own story", other, Decision{StoryID: "a3"}},
		{"a follow-up joins the story", follow, Decision{StoryID: "a1"}},
		{"the original again keeps its decision", orig, Decision{StoryID: "a1"}},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ix.Apply(uint64(i+1), NewRecord(tc.a, c))
			got.Similarity = 0 // checked below
			if got != tc.want {
				t.Fatalf("decision %+v, want %+v", got, tc.want)
			}
		})
	}
	if d, _ := ix.Decision("a2"); d.Similarity < 0.5 || d.Similarity > 1 {
		t.Errorf("copy similarity %v, want in [0.5, 1]", d.Similarity)
	}
}

func TestStoryNeedsHeadlineName(t *testing.T) {
	ix, _ := NewIndex(Config{})
	c := Config{}.WithDefaults()
	us, cong := ent("GPE", "United States", 3), ent("ORG", "Congress", 2)
	a := art("b1", "Former senator dies at 80", strings.Repeat("The former senator served in Congress for two decades and died at home in the United States. ", 3), us, cong, ent("PERSON", "Ann Roe", 4))
	b := art("b2", "Former representative dies at 91", strings.Repeat("The former representative, who served in Congress, died in a hospital in the United States. ", 3), us, cong, ent("PERSON", "Bo Lee", 4))
	ix.Apply(1, NewRecord(a, c))
	if d := ix.Apply(2, NewRecord(b, c)); d.StoryID != "b2" {
		t.Errorf("two obituaries sharing only generic entities and words grouped: %+v", d)
	}
}

func TestConfigValidate(t *testing.T) {
	for name, c := range map[string]Config{
		"bands do not divide hashes": {Hashes: 64, Bands: 5},
		"too many hashes":            {Hashes: 1024},
		"threshold above one":        {Duplicate: 1.5},
	} {
		if err := c.WithDefaults().Validate(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if err := (Config{}).WithDefaults().Validate(); err != nil {
		t.Errorf("defaults: %v", err)
	}
}

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		on      bool
		ttl     time.Duration
		wantErr bool
	}{
		{"defaults", nil, true, 14 * 24 * time.Hour, false},
		{"off", map[string]string{"STORIES": "off"}, false, 14 * 24 * time.Hour, false},
		{"ttl", map[string]string{"STORY_TTL": "48h"}, true, 48 * time.Hour, false},
		{"bad switch", map[string]string{"STORIES": "maybe"}, false, 0, true},
		{"bad ttl", map[string]string{"STORY_TTL": "two days"}, false, 0, true},
		{"negative ttl", map[string]string{"STORY_TTL": "-1h"}, false, 0, true},
		{"replicas", map[string]string{"STREAM_REPLICAS": "3"}, true, 14 * 24 * time.Hour, false},
		{"bad replicas", map[string]string{"STREAM_REPLICAS": "three"}, false, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, on, err := ConfigFromEnv(func(k string) string { return tc.env[k] })
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if err == nil && (on != tc.on || c.TTL != tc.ttl) {
				t.Errorf("on=%v ttl=%v, want %v %v", on, c.TTL, tc.on, tc.ttl)
			}
		})
	}
}

// TestStoryIgnoresCommonHeadlineWords: a name in many headlines (here a
// president's) does not join two different events.
func TestStoryIgnoresCommonHeadlineWords(t *testing.T) {
	ix, _ := NewIndex(Config{})
	c := Config{}.WithDefaults()
	pres, us := ent("PERSON", "Ada Vance", 5), ent("GPE", "United States", 3)
	seq := uint64(0)
	add := func(id, headline, body string, ents ...article.Entity) Decision {
		seq++
		return ix.Apply(seq, NewRecord(art(id, headline, strings.Repeat(body, 3), ents...), c))
	}
	// Earlier headlines name the president, about other things: texts of
	// their own (copies of one text would be one headline, counted once).
	for i, h := range [][2]string{
		{"Vance signs budget", "President Ada Vance signed the spending bill for the United States on Monday after months of talks. "},
		{"Vance visits flooded towns", "Floods along the southern coast drew President Ada Vance to three towns of the United States where rivers burst their banks. "},
		{"Vance names ambassador", "A former diplomat was named ambassador by President Ada Vance, who praised her long career in the United States foreign service. "},
		{"Vance hosts science prize", "Young researchers met President Ada Vance at a prize ceremony, where the United States honoured work on batteries and vaccines. "},
	} {
		add(fmt.Sprintf("p%d", i), h[0], h[1], pres, us)
	}
	add("x1", "Vance orders troops home", "President Ada Vance ordered troops home from the border region of the United States, officials said. ", pres, us, ent("GPE", "Norland", 2))
	if d := add("x2", "Court orders Vance tax records released", "A court ordered the tax records of President Ada Vance released in the United States, officials said. ", pres, us, ent("ORG", "Supreme Court", 2)); d.StoryID != "x2" {
		t.Errorf("a president's name in both headlines joined two events: %+v", d)
	}
}

func TestProperWords(t *testing.T) {
	got := map[string]bool{}
	tx := readText("Storm Humberto turned north. It passed Bermuda on Tuesday, and \"The wind\" fell.\nOfficials said so.")
	for i, p := range tx.proper {
		if p {
			got[tx.word(i)] = true
		}
	}
	for _, w := range []string{"humberto", "bermuda", "tuesday"} {
		if !got[w] {
			t.Errorf("%q not found in %v", w, got)
		}
	}
	for _, w := range []string{"storm", "it", "the", "officials", "turned"} {
		if got[w] {
			t.Errorf("%q taken as a proper word", w)
		}
	}
}

// TestNewVersionReplacesItsText: an article's new version keeps its
// decision and takes its first text's place in the index, so a copy of
// the full story is found a copy (compared with the first, two-line
// version, it was not), and its old text no longer counts.
func TestNewVersionReplacesItsText(t *testing.T) {
	ix, err := NewIndex(Config{})
	if err != nil {
		t.Fatal(err)
	}
	c := Config{}.WithDefaults()
	ents := []article.Entity{ent("GPE", "Eastbury", 3), ent("PERSON", "Dana Whitlock", 2)}
	stub := art("a1", "Eastbury closes river bridge", "The council of Eastbury voted to close the old river bridge. This is a developing story.", ents...)
	full := art("a1", "Eastbury closes river bridge", bridge+bridge, ents...)
	full.IngestedAt = stub.IngestedAt.Add(time.Hour) // (the later version)
	wire := art("b1", "Cracked bridge shut in Eastbury", "By a staff reporter. "+bridge+bridge+"All rights reserved.", ents...)
	if d := ix.Apply(1, NewRecord(stub, c)); d != (Decision{StoryID: "a1"}) {
		t.Fatalf("first version: %+v", d)
	}
	if _, ok := ix.Current(NewRecord(full, c)); ok {
		t.Fatal("the new text counts as the one held already")
	}
	if d := ix.Apply(2, NewRecord(full, c)); d != (Decision{StoryID: "a1"}) {
		t.Errorf("the full version: %+v, want the article's decision", d)
	}
	if _, ok := ix.Current(NewRecord(full, c)); !ok {
		t.Error("the full text is not the one held after it was applied")
	}
	if d := ix.Apply(3, NewRecord(wire, c)); d.DuplicateOf != "a1" {
		t.Errorf("a copy of the full story: %+v, want a copy of a1", d)
	}
	// An older version redelivered after the newer one changes nothing.
	ix.Apply(4, NewRecord(stub, c))
	if _, ok := ix.Current(NewRecord(full, c)); !ok {
		t.Error("an older version redelivered took the newer one's place")
	}
}

// TestEditedIntoOtherTextDecidedAgain: a version of an article that is
// other text than its last is decided again, as new: the first-seen copy
// edited into another story no longer holds the copies of its old text,
// and a later copy of that text points at the copy that still has it; an
// article that was a copy and is edited into other text is a copy no more.
func TestEditedIntoOtherTextDecidedAgain(t *testing.T) {
	ix, err := NewIndex(Config{})
	if err != nil {
		t.Fatal(err)
	}
	c := Config{}.WithDefaults()
	ents := []article.Entity{ent("GPE", "Eastbury", 3), ent("PERSON", "Dana Whitlock", 2)}
	later := func(a *article.Article, d time.Duration) *article.Article {
		a.IngestedAt = a.IngestedAt.Add(d)
		return a
	}
	first := art("x1", "Eastbury closes river bridge", bridge+bridge)
	victim := art("v1", "Eastbury closes river bridge", bridge+bridge, ents...)
	edited := later(art("x1", "Frost halves the apple harvest", harvest+harvest+harvest), time.Hour)
	third := art("w1", "Cracked bridge shut in Eastbury", bridge+bridge+"All rights reserved.", ents...)
	ferry := "The island ferry will run twice as often from May, the harbour board said on Friday, after a year of complaints from commuters. " +
		"Two older boats will be replaced by a larger vessel built in a northern shipyard, and fares will stay the same for residents. "
	victimEdit := later(art("v1", "Island ferry to run twice as often", ferry+ferry+ferry), 2*time.Hour)
	steps := []struct {
		name string
		a    *article.Article
		want Decision
	}{
		{"the first of the text", first, Decision{StoryID: "x1"}},
		{"its copy", victim, Decision{DuplicateOf: "x1", StoryID: "x1"}},
		{"the first edited into another text", edited, Decision{StoryID: "x1"}},
		{"a later copy of the old text points at the copy that has it", third, Decision{DuplicateOf: "v1", StoryID: "x1"}},
		{"the copy edited into other text is no copy", victimEdit, Decision{StoryID: "v1"}},
	}
	for i, s := range steps {
		got := ix.Apply(uint64(i+1), NewRecord(s.a, c))
		got.Similarity = 0
		if got != s.want {
			t.Errorf("%s: %+v, want %+v", s.name, got, s.want)
		}
	}
}

// TestRedecidedOriginalNotACopyOfItsCopy: an original edited into a text
// near its own copy (but not near its old text) is decided again without
// that copy, which names it: the two would each be the other's copy, and
// both hidden from first-seen subscribers.
func TestRedecidedOriginalNotACopyOfItsCopy(t *testing.T) {
	ix, err := NewIndex(Config{})
	if err != nil {
		t.Fatal(err)
	}
	c := Config{}.WithDefaults()
	sig := func(changed ...[2]int) Hashes {
		h := make(Hashes, c.Hashes)
		for i := range h {
			h[i] = uint32(i + 1)
		}
		for _, r := range changed {
			for i := r[0]; i < r[1]; i++ {
				h[i] += 1000 * uint32(r[0]+1)
			}
		}
		return h
	}
	rec := func(id string, s Hashes, hour int) Record {
		t0 := time.Date(2026, 3, 1, hour, 0, 0, 0, time.UTC)
		return Record{ID: id, Sig: s, Time: t0, Ingested: t0.UnixNano()}
	}
	old, cp, edited := sig(), sig([2]int{0, 20}), sig([2]int{0, 20}, [2]int{20, 40})
	if similarity(cp, old) < c.Duplicate || similarity(edited, cp) < c.Duplicate || similarity(edited, old) >= c.Duplicate {
		t.Fatalf("signatures: copy~old %.2f, edited~copy %.2f, edited~old %.2f", similarity(cp, old), similarity(edited, cp), similarity(edited, old))
	}
	ix.Apply(1, rec("o1", old, 1))
	if d := ix.Apply(2, rec("c1", cp, 2)); d.DuplicateOf != "o1" {
		t.Fatalf("the copy: %+v", d)
	}
	if d := ix.Apply(3, rec("o1", edited, 3)); d.DuplicateOf == "c1" {
		t.Errorf("the edited original: %+v, a copy of its own copy", d)
	}
}

// TestCopiesDoNotMakeAHeadlineCommon: copies of one story repeat its
// headline's name, and did count among the headlines that have it: three
// outlets running the wire story made the name too common ("at most 1 %
// of the headlines") for a follow-up in other words to join the story.
func TestCopiesDoNotMakeAHeadlineCommon(t *testing.T) {
	ix, err := NewIndex(Config{})
	if err != nil {
		t.Fatal(err)
	}
	c := Config{}.WithDefaults()
	ents := []article.Entity{ent("GPE", "Eastbury", 3), ent("PERSON", "Dana Whitlock", 2)}
	steps := []struct {
		name string
		a    *article.Article
		want Decision
	}{
		{"the wire story", art("a1", "Eastbury closes river bridge", bridge+bridge, ents...), Decision{StoryID: "a1"}},
		{"a copy", art("c1", "Eastbury closes river bridge", "By a staff reporter. "+bridge+bridge, ents...), Decision{DuplicateOf: "a1", StoryID: "a1"}},
		{"another copy", art("c2", "Eastbury closes river bridge", bridge+bridge+"All rights reserved.", ents...), Decision{DuplicateOf: "a1", StoryID: "a1"}},
		{"a third copy", art("c3", "Eastbury closes cracked river bridge", bridge+bridge+"Copyright 2026 The Courier.", ents...), Decision{DuplicateOf: "a1", StoryID: "a1"}},
		{"a follow-up in other words joins the story", art("f1", "Eastbury footbridge opens as river bridge stays shut",
			"A footbridge opened in Eastbury on Monday, weeks after cracks closed the river bridge. Dana Whitlock, the mayor, cut the ribbon and said repairs to the piers of the bridge would start in spring. The river bridge closure has cost shops customers.", ents...),
			Decision{StoryID: "a1"}},
	}
	for i, s := range steps {
		got := ix.Apply(uint64(i+1), NewRecord(s.a, c))
		got.Similarity = 0
		if got != s.want {
			t.Errorf("%s: %+v, want %+v", s.name, got, s.want)
		}
	}
}

// TestGrowingCopyComparedWithItsOriginal: a new version of a copy (a live
// blog, a story updated a little at a time) stays a copy only while it is
// near its original, with its similarity to it now. Compared with its own
// last version only, each step near the one before, it stayed the copy of
// a text it had long outgrown, at its first similarity.
func TestGrowingCopyComparedWithItsOriginal(t *testing.T) {
	ix, err := NewIndex(Config{})
	if err != nil {
		t.Fatal(err)
	}
	c := Config{}.WithDefaults()
	// sig is the original's signature with the slots of the first n
	// sixteenths changed (a version's new paragraphs).
	sig := func(n int) Hashes {
		h := make(Hashes, c.Hashes)
		for i := range h {
			h[i] = uint32(i + 1)
			if i < n*c.Hashes/4/4 {
				h[i] += 1000
			}
		}
		return h
	}
	rec := func(id string, s Hashes, hour int) Record {
		t0 := time.Date(2026, 3, 1, hour, 0, 0, 0, time.UTC)
		return Record{ID: id, Sig: s, Time: t0, Ingested: t0.UnixNano()}
	}
	steps := []struct {
		name string
		rec  Record
		want Decision
	}{
		{"the original", rec("o1", sig(0), 1), Decision{StoryID: "o1"}},
		{"the blog's first version, a copy", rec("l1", sig(4), 2), Decision{DuplicateOf: "o1", Similarity: 0.75, StoryID: "o1"}},
		{"a version still near the original: its similarity now", rec("l1", sig(8), 3), Decision{DuplicateOf: "o1", Similarity: 0.5, StoryID: "o1"}},
		{"a version near the last but not the original is no copy", rec("l1", sig(12), 4), Decision{StoryID: "l1"}},
	}
	for i, s := range steps {
		if got := ix.Apply(uint64(i+1), s.rec); got != s.want {
			t.Errorf("%s: %+v, want %+v", s.name, got, s.want)
		}
	}
}

// TestExpiredRecordsLeftOut: a record written longer than the TTL before
// another is left out of its decision, by the records' own times: every
// instance decides alike whenever it replays them. The index dropped
// records only at an hourly sweep, counted from when it applied them, so
// a copy after a short STORY_TTL was still a copy, and an instance
// started later kept records longer than one running from the start.
func TestExpiredRecordsLeftOut(t *testing.T) {
	c := Config{TTL: time.Hour}.WithDefaults()
	ents := []article.Entity{ent("GPE", "Eastbury", 3), ent("PERSON", "Dana Whitlock", 2)}
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	orig := NewRecord(art("a1", "Eastbury closes river bridge", bridge+bridge, ents...), c)
	cp := NewRecord(art("c1", "Cracked bridge shut in Eastbury", "By a staff reporter. "+bridge+bridge, ents...), c)
	tests := []struct {
		name  string
		after time.Duration // between the two records' writes
		want  Decision
	}{
		{"within the TTL: a copy", 59 * time.Minute, Decision{DuplicateOf: "a1", StoryID: "a1"}},
		{"after the TTL: new", 61 * time.Minute, Decision{StoryID: "c1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ix, err := NewIndex(c)
			if err != nil {
				t.Fatal(err)
			}
			ix.now = func() time.Time { return t0 } // (an instance replaying early, before any sweep)
			ix.ApplyAt(1, orig, t0)
			got := ix.ApplyAt(2, cp, t0.Add(tc.after))
			got.Similarity = 0
			if got != tc.want {
				t.Errorf("%+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestSweepNeverChangesDecisions: two instances applying the same records
// decide alike whether or not one's periodic sweep (Expire, on its own
// clock) ran in between: expired records leave the counts a decision uses
// (headline words, entities) at the record's time, not at the sweep's.
// Before, an instance whose sweep had run let a record join a story that
// the other, still counting expired headlines as common, started anew; and
// a new version of a copy was compared with an expired original on one of
// them only (found by a reviewer).
func TestSweepNeverChangesDecisions(t *testing.T) {
	sig := func(seed uint32) Hashes {
		h := make(Hashes, 64)
		for i := range h {
			h[i] = seed*1000003 + uint32(i)*7919 + 1
		}
		return h
	}
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	t1 := t0.Add(2 * time.Hour)
	orig := sig(1)
	copyText := append(Hashes{}, orig...)
	for i := 40; i < 64; i++ {
		copyText[i] = 5000 + uint32(i)
	}
	edited := append(Hashes{}, copyText...)
	for i := 20; i < 40; i++ {
		edited[i] = 9000 + uint32(i)
	}
	tests := []struct {
		name    string
		recs    []Record
		sweepAt int // the sweep runs before this record, at its time
	}{
		{"headline words of expired records", []Record{
			{ID: "old-a", Sig: sig(2), Entities: Hashes{900, 950}, Headline: Hashes{42}, Terms: Hashes{7}, Time: t0},
			{ID: "old-b", Sig: sig(3), Entities: Hashes{901, 950}, Headline: Hashes{42}, Terms: Hashes{7}, Time: t0},
			{ID: "old-c", Sig: sig(4), Entities: Hashes{902, 950}, Headline: Hashes{42}, Terms: Hashes{7}, Time: t0},
			{ID: "x", Sig: sig(10), Entities: Hashes{1, 2}, Headline: Hashes{42}, Terms: Hashes{5, 6}, Time: t1},
			{ID: "y", Sig: sig(11), Entities: Hashes{1, 2}, Headline: Hashes{42}, Terms: Hashes{5, 6}, Time: t1.Add(time.Minute)},
		}, 3},
		{"a copy's new version after its original expired", []Record{
			{ID: "o", Sig: orig, Time: t0},
			{ID: "c", Sig: copyText, Time: t0.Add(50 * time.Minute)},
			{ID: "c", Sig: edited, Time: t0.Add(70 * time.Minute)},
		}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := NewIndex(Config{TTL: time.Hour})
			if err != nil {
				t.Fatal(err)
			}
			b, err := NewIndex(Config{TTL: time.Hour})
			if err != nil {
				t.Fatal(err)
			}
			for i, r := range tc.recs {
				if i == tc.sweepAt {
					at := r.Time
					b.now = func() time.Time { return at }
					b.Expire()
				}
				da, db := a.ApplyAt(uint64(i+1), r, r.Time), b.ApplyAt(uint64(i+1), r, r.Time)
				if da != db {
					t.Errorf("record %d (%s): the instance that swept decided %+v, the other %+v", i+1, r.ID, db, da)
				}
			}
		})
	}
}
