package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsflow/newsflow/pkg/article"
)

// sharedDir is ../shared beside the repository root.
const sharedDir = "../../../shared"

// syncBuffer is a bytes.Buffer safe for the goroutines of up.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// stack is an embedded newsflow stack run by a test.
type stack struct {
	endpoints
	out *syncBuffer
}

// startStack runs 'newsflow up' in-process on free ports with its data in a
// temporary directory, and stops it when the test ends.
func startStack(t *testing.T) *stack {
	t.Helper()
	return startStackEnv(t, nil)
}

// startStackEnv is startStack with up's environment.
func startStackEnv(t *testing.T, vars map[string]string) *stack {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	e := env{getenv: func(k string) string { return vars[k] }, stdin: strings.NewReader(""), stdout: out, stderr: out}
	o := upOptions{dataDir: t.TempDir(), host: "127.0.0.1", natsPort: -1, mongoPort: 0}
	readyCh := make(chan endpoints, 1)
	done := make(chan error, 1)
	log := slog.New(slog.NewTextHandler(out, &slog.HandlerOptions{Level: slog.LevelWarn}))
	go func() { done <- up(ctx, e, o, log, func(ep endpoints) { readyCh <- ep }) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("up: %v", err)
			}
		case <-time.After(60 * time.Second):
			t.Errorf("up did not stop within 60s")
		}
	})
	select {
	case ep := <-readyCh:
		return &stack{endpoints: ep, out: out}
	case err := <-done:
		t.Fatalf("up failed: %v\n%s", err, out)
	case <-time.After(60 * time.Second):
		t.Fatalf("up not ready after 60s\n%s", out)
	}
	return nil
}

// startServers runs 'up --no-services' in-process with o (its servers
// only, none of the stages), waits until they are ready and stops them
// when the test ends.
func startServers(t *testing.T, o upOptions) endpoints {
	t.Helper()
	o.host, o.noServices = "127.0.0.1", true
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	e := env{getenv: func(string) string { return "" }, stdin: strings.NewReader(""), stdout: out, stderr: out}
	readyCh := make(chan endpoints, 1)
	done := make(chan error, 1)
	go func() { done <- up(ctx, e, o, slog.New(slog.DiscardHandler), func(ep endpoints) { readyCh <- ep }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("up: %v", err)
		}
	})
	select {
	case ep := <-readyCh:
		return ep
	case err := <-done:
		t.Fatalf("up failed: %v\n%s", err, out)
	case <-time.After(60 * time.Second):
		t.Fatalf("up not ready after 60s\n%s", out)
	}
	return endpoints{}
}

// dropFiles runs 'newsflow drop --wait' against the stack.
func (s *stack) dropFiles(t *testing.T, paths ...string) string {
	t.Helper()
	return s.cli(t, append([]string{"drop", "--wait", "--timeout", "2m"}, paths...)...)
}

func (s *stack) collection(t *testing.T) *mongo.Collection {
	t.Helper()
	c, err := mongo.Connect(options.Client().ApplyURI(s.MongoURI))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Disconnect(context.Background()) })
	return c.Database("newsflow").Collection("articles")
}

func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	seed := filepath.Join(sharedDir, "gold", "seed-article.txt")
	wiki, err := filepath.Glob(filepath.Join(sharedDir, "gold", "wikinews-2019-*.txt"))
	if err != nil || len(wiki) < 3 {
		t.Fatalf("wikinews gold articles: %v (%d)", err, len(wiki))
	}
	out := s.dropFiles(t, append([]string{seed}, wiki...)...)
	if n := countPrefixed(out, "stored "); n != 1+len(wiki) {
		t.Fatalf("want %d stored lines, got:\n%s", 1+len(wiki), out)
	}

	coll := s.collection(t)
	ctx := context.Background()
	n, err := coll.CountDocuments(ctx, bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(1+len(wiki)) {
		t.Fatalf("documents: got %d, want %d", n, 1+len(wiki))
	}

	var a article.Article
	if err := coll.FindOne(ctx, bson.D{{Key: "headline", Value: "U.S. Threatens To Close Iraq Embassy"}}).Decode(&a); err != nil {
		t.Fatalf("seed article not stored: %v", err)
	}
	t.Run("seed fields", func(t *testing.T) {
		if a.PublishedAt == nil || a.PublishedAt.UTC().Format("2006-01-02") != "2020-09-28" {
			t.Errorf("published_at = %v, want 2020-09-28", a.PublishedAt)
		}
		if got := strings.Join(a.Tags, "|"); got != "Iran|Iraq|Mike Pompeo" {
			t.Errorf("tags = %q", got)
		}
		if a.SchemaVersion != article.SchemaVersion {
			t.Errorf("schema_version = %d", a.SchemaVersion)
		}
		var pompeo *article.Entity
		for i := range a.Entities {
			if a.Entities[i].Name == "Mike Pompeo" {
				pompeo = &a.Entities[i]
			}
		}
		if pompeo == nil || pompeo.Type != article.TypePerson {
			t.Errorf("entity Mike Pompeo PERSON missing: %+v", pompeo)
		} else {
			for _, m := range pompeo.Mentions {
				body := []rune(a.Body)
				if m.Field == article.FieldCaption {
					body = []rune(a.Caption)
				}
				if got := string(body[m.Start:m.End]); got != m.Text {
					t.Errorf("mention offsets [%d,%d) give %q, text is %q", m.Start, m.End, got, m.Text)
				}
			}
		}
		want := "We've long maintained that our force presence in Afghanistan is conditions-based,"
		found := false
		for _, q := range a.Quotes {
			if q.Text == want {
				found = true
				if q.Speaker != "David Helvey" {
					t.Errorf("quote speaker = %q, want David Helvey", q.Speaker)
				}
			}
		}
		if !found {
			t.Errorf("quote %q not found in %+v", want, a.Quotes)
		}
	})

	t.Run("dropped twice stores one document", func(t *testing.T) {
		// Other bytes, same article: a changed trailing newline defeats the
		// raw de-duplication, so this exercises the upsert by id.
		raw, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		again := filepath.Join(t.TempDir(), "seed-again.txt")
		if err := os.WriteFile(again, append(raw, "\n\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		if out := s.dropFiles(t, seed); !strings.HasPrefix(out, "duplicate ") {
			t.Errorf("same bytes again: want a duplicate, got %q", out)
		}
		if out := s.dropFiles(t, again); !strings.Contains(out, "stored seed-again.txt "+a.ID) {
			t.Errorf("same article as other bytes: want it stored under %s, got %q", a.ID, out)
		}
		n, err := coll.CountDocuments(ctx, bson.D{{Key: "_id", Value: a.ID}})
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Fatalf("documents with id %s: %d, want 1", a.ID, n)
		}
		total, _ := coll.CountDocuments(ctx, bson.D{})
		if total != int64(1+len(wiki)) {
			t.Fatalf("documents: got %d, want %d", total, 1+len(wiki))
		}
	})

	t.Run("tail prints one line per enriched article", func(t *testing.T) {
		out := s.cli(t, "tail", "--all", "-n", "3")
		if got := strings.Count(out, "\n"); got != 3 {
			t.Fatalf("tail -n 3 printed %d lines:\n%s", got, out)
		}
		if !strings.Contains(out, "entities=") || !strings.Contains(out, "quotes=") {
			t.Errorf("tail summary lacks counts:\n%s", out)
		}
	})

	t.Run("places are linked and tail --country filters on them", func(t *testing.T) {
		if !slices.Contains(a.Countries, "IQ") {
			t.Errorf("seed countries = %v, want IQ among them", a.Countries)
		}
		linked := false
		for _, ent := range a.Entities {
			if ent.Name == "Iraq" && ent.Geo != nil && ent.Geo.Country == "IQ" && ent.Geo.GeoNamesID > 0 {
				linked = true
			}
		}
		if !linked {
			t.Errorf("Iraq not linked to GeoNames")
		}
		n, err := coll.CountDocuments(ctx, bson.D{{Key: "countries", Value: "IQ"}})
		if err != nil || n < 1 {
			t.Errorf("documents about IQ: %d (%v)", n, err)
		}
		out := s.cli(t, "tail", "--all", "--country", "iq", "-n", "1")
		if !strings.Contains(out, "countries=") || !strings.Contains(out, "IQ") {
			t.Errorf("tail --country iq:\n%s", out)
		}
	})

	t.Run("a re-headlined copy is marked and left out by tail --unique", func(t *testing.T) {
		if a.StoryID != a.ID || a.DuplicateOf != "" {
			t.Fatalf("first-seen article: story_id=%q duplicate_of=%q, want its own id and none", a.StoryID, a.DuplicateOf)
		}
		raw, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitN(string(raw), "\n", 2)
		copyPath := filepath.Join(t.TempDir(), "syndicated.txt")
		if err := os.WriteFile(copyPath, []byte("Washington warns it may shut its Baghdad embassy\n"+lines[1]), 0o644); err != nil {
			t.Fatal(err)
		}
		if out := s.dropFiles(t, copyPath); !strings.Contains(out, "stored syndicated.txt") {
			t.Fatalf("copy not stored: %q", out)
		}
		var c article.Article
		if err := coll.FindOne(ctx, bson.D{{Key: "headline", Value: "Washington warns it may shut its Baghdad embassy"}}).Decode(&c); err != nil {
			t.Fatalf("copy not found: %v", err)
		}
		if c.DuplicateOf != a.ID || c.Similarity < 0.5 || c.StoryID != a.ID {
			t.Errorf("copy: duplicate_of=%q similarity=%v story_id=%q, want %s, >= 0.5, %s", c.DuplicateOf, c.Similarity, c.StoryID, a.ID, a.ID)
		}
		n, err := coll.CountDocuments(ctx, bson.D{{Key: "duplicate_of", Value: a.ID}})
		if err != nil || n != 1 {
			t.Errorf("documents with duplicate_of %s: %d (%v), want 1", a.ID, n, err)
		}
		// One more article after the copy, so that --unique must step over it.
		later := filepath.Join(t.TempDir(), "later.txt")
		if err := os.WriteFile(later, []byte("Harbour ferry resumes service\n\nThe harbour ferry between Northpoint and the islands resumed service on Monday after a week of storms kept it in port.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if out := s.dropFiles(t, later); !strings.Contains(out, "stored later.txt") {
			t.Fatalf("later article not stored: %q", out)
		}
		// Events so far: each article once, the seed again as other bytes,
		// the copy and the later article.
		all := s.cli(t, "tail", "--all", "-n", fmt.Sprint(4+len(wiki)))
		unique := s.cli(t, "tail", "--all", "--unique", "-n", fmt.Sprint(3+len(wiki)))
		if !strings.Contains(unique, "Harbour ferry resumes service") {
			t.Errorf("tail --unique stopped before the article after the copy:\n%s", unique)
		}
		if !strings.Contains(all, "copy-of="+a.ID) || strings.Contains(unique, c.ID) {
			t.Errorf("tail shows the copy, tail --unique leaves it out; got:\n%s\n--unique:\n%s", all, unique)
		}
	})

	t.Run("bad input becomes a dead letter that can be listed", func(t *testing.T) {
		notext := filepath.Join(t.TempDir(), "notext.txt")
		if err := os.WriteFile(notext, []byte("Just a headline\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := s.run("drop", "--wait", notext)
		if err == nil || !strings.Contains(out, "dead notext.txt stage=ingest reason=no_text") {
			t.Fatalf("drop of a file without text: err=%v\n%s", err, out)
		}
		// The reason is said once, not again in the error after it.
		if strings.Contains(out, "reason=no_text: parse:") || strings.Contains(out, "reason=no_text: no_text:") {
			t.Errorf("the reason repeated:\n%s", out)
		}
		list := s.cli(t, "dead-letters", "list")
		if !strings.Contains(list, "no_text") || !strings.Contains(list, "1 dead letter(s)") {
			t.Errorf("dead-letters list:\n%s", list)
		}
		// The time of failure to the second, so that the columns line up
		// under their headings.
		if lines := strings.Split(list, "\n"); len(lines) < 2 || !regexp.MustCompile(`^\d+ +ingest +no_text +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ +\S`).MatchString(lines[1]) ||
			strings.Index(lines[0], "ARTICLE") != len(regexp.MustCompile(`^\d+ +ingest +no_text +\S+ +`).FindString(lines[1])) {
			t.Errorf("dead-letters list columns:\n%s", list)
		}
	})
}

// getenv gives a command the stack's NATS and MongoDB addresses.
func (s *stack) getenv(k string) string {
	switch k {
	case "NATS_URL":
		return s.NATSURL
	case "MONGO_URI":
		return s.MongoURI
	}
	return ""
}

// run runs a newsflow command against the stack.
func (s *stack) run(args ...string) (string, error) {
	var out bytes.Buffer
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return s.NATSURL
		}
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	err := run(ctx, args, getenv, strings.NewReader(""), &out, &out)
	return out.String(), err
}

// cli runs a newsflow command that must succeed and returns its output.
func (s *stack) cli(t *testing.T, args ...string) string {
	t.Helper()
	out, err := s.run(args...)
	if err != nil {
		t.Fatalf("newsflow %s: %v\n%s\nstack log:\n%s", strings.Join(args, " "), err, out, s.out)
	}
	return out
}

// countPrefixed counts the lines of out that start with prefix.
func countPrefixed(out, prefix string) int {
	n := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, prefix) {
			n++
		}
	}
	return n
}

// TestDropWaitFeed: drop --wait reports every article of a feed, not only
// the first outcome of the file.
func TestDropWaitFeed(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	out := s.dropFiles(t, filepath.Join("..", "..", "examples", "wikinews-2019-feed.rss"))
	if n := countPrefixed(out, "stored wikinews-2019-feed.rss "); n != 2 {
		t.Fatalf("want 2 stored lines for the feed's 2 items, got:\n%s", out)
	}
}

// TestHistoryBringsBack: a near-empty version dropped under an article's
// URL, dated later, replaces it, the store keeps the replaced version,
// 'history' lists it and 'history --show' gives it back to 'drop -', which
// restores the text.
func TestHistoryBringsBack(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	const url = "https://news.example.org/2026/12/04/harbour-bridge-reopens"
	full := writeFile(t, "full.json", []byte(`{"headline": "Harbour bridge reopens after repairs", "url": "`+url+`", "published": "2026-12-03",
"body": "The harbour bridge reopened to traffic on Wednesday after eight months of repairs.\n\nEngineers replaced the deck and two of the four cables, the city council said."}`))
	// (Dated a day later: the restore must not lose to the later date.)
	blank := writeFile(t, "blank.json", []byte(`{"headline": "x", "url": "`+url+`", "published": "2026-12-04", "body": "Removed."}`))
	s.dropFiles(t, full)
	s.dropFiles(t, blank)
	id := article.ID(article.CanonicalURL(url), "", "")
	var doc article.Article
	if err := s.collection(t).FindOne(context.Background(), bson.D{{Key: "_id", Value: id}}).Decode(&doc); err != nil || doc.Headline != "x" {
		t.Fatalf("stored after the blank version: %q, %v", doc.Headline, err)
	}
	runWith := func(stdin string, args ...string) string {
		t.Helper()
		var out bytes.Buffer
		if err := run(context.Background(), args, s.getenv, strings.NewReader(stdin), &out, &out); err != nil {
			t.Fatalf("newsflow %s: %v\n%s", strings.Join(args, " "), err, out.String())
		}
		return out.String()
	}
	list := runWith("", "history", id)
	if !strings.Contains(list, "Harbour bridge reopens") || countPrefixed(list, "1 ") != 1 {
		t.Fatalf("history:\n%s", list)
	}
	old := runWith("", "history", "--show", "1", id)
	runWith(old, "drop", "--wait", "--timeout", "2m", "-")
	if err := s.collection(t).FindOne(context.Background(), bson.D{{Key: "_id", Value: id}}).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	if doc.Headline != "Harbour bridge reopens after repairs" || !strings.Contains(doc.Body, "two of the four cables") {
		t.Errorf("restored %q: %q", doc.Headline, doc.Body)
	}
	if list := runWith("", "history", id); countPrefixed(list, "2 ") != 1 || !strings.Contains(list, " x") {
		t.Errorf("history after the restore:\n%s", list)
	}
	// Hostile versions again: one dated as the first (the same text
	// restored again is no duplicate of the first restore), then one dated
	// to the millisecond (the restore keeps the fraction it must equal).
	for i, date := range []string{"2026-12-04", "2026-12-05T08:00:00.900Z"} {
		blank := writeFile(t, fmt.Sprintf("blank%d.json", i+2), []byte(`{"headline": "y`+strconv.Itoa(i)+`", "url": "`+url+`", "published": "`+date+`", "body": "Removed again."}`))
		s.dropFiles(t, blank)
		if err := s.collection(t).FindOne(context.Background(), bson.D{{Key: "_id", Value: id}}).Decode(&doc); err != nil || doc.Headline != "y"+strconv.Itoa(i) {
			t.Fatalf("stored after hostile version %d: %q, %v", i+2, doc.Headline, err)
		}
		again := runWith("", "history", "--show", "1", id)
		if out := runWith(again, "drop", "--wait", "--timeout", "2m", "-"); strings.Contains(out, "duplicate") || strings.Contains(out, "not written") {
			t.Fatalf("restore after hostile version %d refused:\n%s", i+2, out)
		}
		if err := s.collection(t).FindOne(context.Background(), bson.D{{Key: "_id", Value: id}}).Decode(&doc); err != nil {
			t.Fatal(err)
		}
		if doc.Headline != "Harbour bridge reopens after repairs" {
			t.Errorf("after restoring from hostile version %d: %q: %q", i+2, doc.Headline, doc.Body)
		}
	}
}

// TestHistoryRestoresFeedItem: 'history --restore' brings back a replaced
// version of a feed item without a link (its id from its feed and guid,
// which 'history --show | drop -' would lose to an id from its text) under
// the same id, as the newest version, keeping the one it replaces.
func TestHistoryRestoresFeedItem(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	feed := func(v, minute string) string {
		return writeFile(t, "feed"+v+".rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><link>https://desk.example.org/</link><description>d</description>`+
			`<item><title>Harbour strike ends `+v+`</title><guid isPermaLink="false">desk-item-77</guid><pubDate>Tue, 03 Mar 2026 10:`+minute+`:00 GMT</pubDate>`+
			`<description>"The strike is over," said union leader Maria Sandoval on Tuesday, text `+v+`, after talks with the harbour board lasted through the night.</description></item></channel></rss>`))
	}
	s.dropFiles(t, feed("v1", "01"))
	s.dropFiles(t, feed("v2", "02"))
	var docs []article.Article
	cur, err := s.collection(t).Find(context.Background(), bson.D{})
	if err != nil {
		t.Fatal(err)
	}
	if err := cur.All(context.Background(), &docs); err != nil || len(docs) != 1 || docs[0].Headline != "Harbour strike ends v2" {
		t.Fatalf("stored: %d documents (%v), want v2 alone", len(docs), err)
	}
	id := docs[0].ID
	var out bytes.Buffer
	if err := run(context.Background(), []string{"history", "--restore", "1", id}, s.getenv, strings.NewReader(""), &out, &out); err != nil {
		t.Fatalf("history --restore: %v\n%s", err, out.String())
	}
	var doc article.Article
	for deadline := time.Now().Add(90 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		err := s.collection(t).FindOne(context.Background(), bson.D{{Key: "_id", Value: id}}).Decode(&doc)
		if err == nil && doc.Headline == "Harbour strike ends v1" {
			break
		}
		if time.Now().After(deadline) {
			var dl bytes.Buffer
			_ = run(context.Background(), []string{"dead-letters"}, s.getenv, strings.NewReader(""), &dl, &dl)
			t.Fatalf("after the restore: %q, %v; dead letters:\n%s", doc.Headline, err, dl.String())
		}
	}
	if len(doc.Quotes) != 1 || doc.Quotes[0].Speaker != "Maria Sandoval" {
		t.Errorf("restored version not enriched: %+v", doc.Quotes)
	}
	if n, err := s.collection(t).CountDocuments(context.Background(), bson.D{}); err != nil || n != 1 {
		t.Errorf("%d documents after the restore (%v), want the one article", n, err)
	}
	out.Reset()
	if err := run(context.Background(), []string{"history", id}, s.getenv, strings.NewReader(""), &out, &out); err != nil || !strings.Contains(out.String(), "Harbour strike ends v2") {
		t.Errorf("history after the restore (%v):\n%s", err, out.String())
	}
}

// TestCraftedPageDeadLetters: a page of 200,000 one-letter paragraphs
// (1.6 MB, under the size limit), whose reading cost grows with elements
// times text, is refused at once with a reason, by drop --wait and by
// ingest (before, it held an ingest worker for minutes and drop's wait past
// its --timeout).
func TestCraftedPageDeadLetters(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	page := writeFile(t, "long.html", []byte("<html><head><title>Long</title></head><body><article>"+strings.Repeat("<p>a</p>", 200000)+"</article></body></html>"))
	out, err := s.run("drop", "--wait", "--timeout", "1m", page)
	if err == nil || strings.Contains(err.Error(), "timed out") || !strings.Contains(out, "too complex") {
		t.Fatalf("drop --wait of a crafted page: %v\n%s", err, out)
	}
}
