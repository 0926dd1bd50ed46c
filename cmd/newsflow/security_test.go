package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/embedded"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
	"github.com/newsflow/newsflow/services/ingest/ingest"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// Tests of issue 18: what a publisher can do to other people's articles.
// Each runs against the real embedded servers of 'newsflow up'.

func (s *stack) js(t *testing.T) jetstream.JetStream {
	t.Helper()
	return natstest.JetStream(t, s.NATSURL)
}

// writeFile writes data into a fresh temporary directory and returns its path.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// goodArticle is a short article of our own, unique per name.
func goodArticle(name string) []byte {
	return []byte(fmt.Sprintf("Council approves new library for %s\n\n"+
		"The town council of %s approved a new public library on Tuesday, the mayor, Jane Okafor, said.\n\n"+
		"\"Reading rooms are the heart of a town,\" Okafor told reporters after the vote.", name, name))
}

func subjectCount(t *testing.T, js jetstream.JetStream, subject string) uint64 {
	t.Helper()
	s, err := js.Stream(context.Background(), jsbus.StreamOfSubject(subject))
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(context.Background(), jetstream.WithSubjectFilter(subject))
	if err != nil {
		t.Fatal(err)
	}
	var n uint64
	for _, k := range info.State.Subjects {
		n += k
	}
	return n
}

// TestReplayGoesOnlyToStageInput (case 1): a forged dead letter whose
// original-subject header names the JetStream purge API; replaying it must
// publish to the stage's input and purge nothing.
func TestReplayGoesOnlyToStageInput(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	js := s.js(t)
	ctx := context.Background()
	out := s.dropFiles(t, writeFile(t, "keep.txt", goodArticle("Keepsake")))
	if !strings.Contains(out, "stored keep.txt") {
		t.Fatalf("drop: %s", out)
	}
	before := subjectCount(t, js, jsbus.SubjectStored)
	tests := []struct {
		name, subject string
		wantTo        string // "" for refused
	}{
		{"purge header on an enrich letter", jsbus.DeadSubject(jsbus.StageEnrich), jsbus.SubjectParsed},
		{"purge header on an ingest letter", jsbus.DeadSubject(jsbus.StageIngest), jsbus.SubjectRaw},
		{"letter of no stage", jsbus.SubjectDeadPrefix + "nobody", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hdr := nats.Header{}
			hdr.Set(jsbus.HeaderSubject, "$JS.API.STREAM.PURGE."+jsbus.StreamName)
			hdr.Set(jsbus.HeaderStage, jsbus.StageEnrich)
			hdr.Set(jsbus.HeaderReason, "bad_json")
			ack, err := js.PublishMsg(ctx, &nats.Msg{Subject: tc.subject, Data: []byte(`{"filter":"articles.stored"}`), Header: hdr})
			if err != nil {
				t.Fatal(err)
			}
			out, err := s.run("dead-letters", "replay", fmt.Sprint(ack.Sequence))
			switch {
			case tc.wantTo == "" && err == nil:
				t.Errorf("replay of a letter of no stage succeeded:\n%s", out)
			case tc.wantTo != "" && (err != nil || !strings.Contains(out, "to "+tc.wantTo)):
				t.Errorf("replay: err %v, want it sent to %s:\n%s", err, tc.wantTo, out)
			}
			if got := subjectCount(t, js, jsbus.SubjectStored); got < before {
				t.Fatalf("articles.stored went from %d to %d messages: the replay purged the stream", before, got)
			}
			// A replayed event carries the CloudEvents headers of its kind.
			if tc.wantTo == jsbus.SubjectParsed {
				st, err := js.Stream(ctx, jsbus.StreamName)
				if err != nil {
					t.Fatal(err)
				}
				m, err := st.GetLastMsgForSubject(ctx, jsbus.SubjectParsed)
				if err != nil {
					t.Fatal(err)
				}
				if m.Header.Get(jsbus.HeaderCEType) != jsbus.TypeParsed || m.Header.Get(jsbus.HeaderCESpecVersion) != jsbus.CESpecVersion ||
					m.Header.Get(jsbus.HeaderCEID) == "" || m.Header.Get(jsbus.HeaderCESource) != jsbus.Source("replay") {
					t.Errorf("replayed message headers %v, want CloudEvents attributes of a parsed article", m.Header)
				}
			}
		})
	}
}

// TestForgedStageOutputRefused (case 4): messages published on
// articles.enriched by anyone, aimed at a stored article's id, are
// dead-lettered by the store, and the stored document stays as it was.
func TestForgedStageOutputRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	js := s.js(t)
	ctx := context.Background()
	out := s.dropFiles(t, writeFile(t, "real.txt", goodArticle("Realton")))
	if !strings.Contains(out, "stored real.txt") {
		t.Fatalf("drop: %s", out)
	}
	coll := s.collection(t)
	var real article.Article
	if err := coll.FindOne(ctx, bson.D{}).Decode(&real); err != nil {
		t.Fatal(err)
	}
	forge := func(edit func(a *article.Article)) []byte {
		a := real
		a.Entities = append([]article.Entity(nil), real.Entities...)
		a.Quotes = append([]article.Quote(nil), real.Quotes...)
		a.Headline = "FORGED"
		edit(&a)
		b, _ := json.Marshal(a)
		return b
	}
	forged := []struct {
		name, reason string
		data         []byte
	}{
		{"negative schema version", "invalid", forge(func(a *article.Article) { a.SchemaVersion = -1 })},
		{"offsets out of range", "invalid", forge(func(a *article.Article) {
			a.Quotes = []article.Quote{{Text: "x", Start: 5, End: 1 << 20}}
		})},
		{"id $where", "invalid", forge(func(a *article.Article) { a.ID = "$where" })},
		{"pinned in the future", "invalid", forge(func(a *article.Article) { a.IngestedAt = time.Now().Add(10 * 365 * 24 * time.Hour) })},
		{"5 MB document", "too_large", forge(func(a *article.Article) { a.Body = strings.Repeat("Forged words fill the page. ", 5<<20/28) })},
	}
	for _, f := range forged {
		hdr := jsbus.ArticleHeader(real.ID, real.Source.SHA256)
		hdr.Set(jsbus.HeaderSourceName, f.name)
		if _, err := js.PublishMsg(ctx, &nats.Msg{Subject: jsbus.SubjectEnriched, Data: f.data, Header: hdr}); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
	}
	letters := waitDeadLetters(t, js, jsbus.DeadSubject(jsbus.StageStore), len(forged))
	for _, f := range forged {
		t.Run(f.name, func(t *testing.T) {
			m, ok := letters[f.name]
			if !ok {
				t.Fatalf("no dead letter")
			}
			if got := m.Get(jsbus.HeaderReason); got != f.reason {
				t.Errorf("reason %q, want %q (%s)", got, f.reason, m.Get(jsbus.HeaderError))
			}
		})
	}
	var now article.Article
	if err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: real.ID}}).Decode(&now); err != nil {
		t.Fatal(err)
	}
	if now.Headline != real.Headline {
		t.Errorf("stored article replaced by a forgery: headline %q", now.Headline)
	}
	if n, _ := coll.CountDocuments(ctx, bson.D{}); n != 1 {
		t.Errorf("%d documents, want the 1 real article", n)
	}
}

// waitDeadLetters reads want dead letters on subject, keyed by source name.
func waitDeadLetters(t *testing.T, js jetstream.JetStream, subject string, want int) map[string]nats.Header {
	t.Helper()
	oc, err := js.OrderedConsumer(context.Background(), jsbus.StreamOfSubject(subject), jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}, HeadersOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]nats.Header{}
	for deadline := time.Now().Add(90 * time.Second); len(out) < want && time.Now().Before(deadline); {
		b, err := oc.Fetch(want-len(out), jetstream.FetchMaxWait(time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for m := range b.Messages() {
			out[m.Headers().Get(jsbus.HeaderSourceName)] = m.Headers()
		}
	}
	if len(out) < want {
		t.Fatalf("%d dead letters on %s, want %d", len(out), subject, want)
	}
	return out
}

// TestNewerVersionKept (case 5): a long old version of an article and its
// short correction (same URL) dropped together: the correction is stored,
// whichever enrich finishes last.
func TestNewerVersionKept(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	url := "https://news.example.org/2026/council-vote"
	long := strings.Repeat("The council of Brightwater met on Tuesday; Mayor Jane Okafor and Treasurer Sam Lee spoke for the plan. ", 2000)
	old, _ := json.Marshal(map[string]string{"url": url, "title": "Council vote (first version)", "body": long})
	fix, _ := json.Marshal(map[string]string{"url": url, "title": "Council vote (corrected)", "body": "The council of Brightwater voted on Tuesday, Mayor Jane Okafor said."})
	dir := t.TempDir()
	// Named so that the old version is dropped first.
	for name, b := range map[string][]byte{"1-old.json": old, "2-fix.json": fix} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := s.dropFiles(t, dir)
	// (Each has an outcome: stored, or "not written" when the old version
	// reached the store after its correction.)
	if countPrefixed(out, "stored ")+countPrefixed(out, "not written ") != 2 {
		t.Fatalf("drop:\n%s", out)
	}
	var a article.Article
	if err := s.collection(t).FindOne(context.Background(), bson.D{}).Decode(&a); err != nil {
		t.Fatal(err)
	}
	if a.Headline != "Council vote (corrected)" {
		t.Errorf("stored %q: the older version overwrote its correction", a.Headline)
	}
}

// TestHugeArticlesDoNotStallStore (case 6): sixteen 1.6 MB name-dense texts,
// then a good article: the good one is stored, the huge ones are
// dead-lettered with their reason at once.
func TestHugeArticlesDoNotStallStore(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	dir := t.TempDir()
	for i := range 16 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("huge-%02d.txt", i)), nameDense(i, 1600<<10), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _ := s.run("drop", "--wait", "--timeout", "3m", dir) // fails: the huge ones are dead
	if got := strings.Count(out, "reason=too_large"); got != 16 {
		t.Fatalf("%d of 16 huge texts dead-lettered as too_large:\n%s", got, out)
	}
	start := time.Now()
	out = s.dropFiles(t, writeFile(t, "good.txt", goodArticle("Afterton")))
	if !strings.Contains(out, "stored good.txt") {
		t.Fatalf("good article after the huge ones: %s", out)
	}
	t.Logf("good article stored %v after its drop", time.Since(start).Round(time.Millisecond))
}

// nameDense is n bytes of text dense in names, different for each seed.
func nameDense(seed, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "Meeting of many people number %d\n\n", seed)
	first := []string{"Alice", "Bruno", "Chidi", "Dana", "Emeka", "Fatima", "Goran", "Hana", "Ivan", "Jun"}
	last := []string{"Okafor", "Lindqvist", "Moreau", "Tanaka", "Petrov", "Garcia", "Nkemelu", "Rossi", "Haddad", "Kowalski"}
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%s %s of Acme Holdings met %s %s in Vienna. ", first[i%10], last[(i/10+seed)%10], first[(i+3)%10], last[(i/7)%10])
		if i%20 == 19 {
			b.WriteString("\n\n")
		}
	}
	return []byte(b.String())
}

// TestFeedOverItemLimit (case 8): a feed with more items than the limit
// publishes the items within it and dead-letters the input with the count
// of the rest, instead of dropping them silently.
func TestFeedOverItemLimit(t *testing.T) {
	ns, err := embedded.StartNATS(embedded.NATSConfig{Port: -1, StoreDir: t.TempDir()}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ns.Shutdown)
	nc, err := nats.Connect(ns.URL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	if _, err := jsbus.EnsureStream(ctx, js, jsbus.StreamConfig{Replicas: 1, Duplicates: time.Minute, Memory: true, MaxBytes: 64 << 20, InMaxBytes: 64 << 20}); err != nil {
		t.Fatal(err)
	}
	p, err := parse.New(parse.Config{MaxItems: 3})
	if err != nil {
		t.Fatal(err)
	}
	cfg := jsbus.DefaultConsumerConfig(jsbus.StageIngest)
	cons, err := jsbus.NewConsumer(ctx, js, cfg, ingest.New(p, slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Go(func() { _ = cons.Run(ctx) })
	t.Cleanup(func() { cancel(); wg.Wait() })
	var items strings.Builder
	for i := range 5 {
		fmt.Fprintf(&items, "<item><title>Item %d of the feed</title><link>https://example.org/%d</link><description>The body of item %d, with a few words of its own.</description></item>", i, i, i)
	}
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Five</title>` + items.String() + `</channel></rss>`
	hdr := nats.Header{}
	hdr.Set(jsbus.HeaderContentType, "application/rss+xml")
	hdr.Set(jsbus.HeaderSourceName, "five.rss")
	if _, err := js.PublishMsg(ctx, &nats.Msg{Subject: jsbus.SubjectRaw, Data: []byte(feed), Header: hdr}); err != nil {
		t.Fatal(err)
	}
	letters := waitDeadLetters(t, js, jsbus.DeadSubject(jsbus.StageIngest), 1)
	d := letters["five.rss"]
	if d.Get(jsbus.HeaderReason) != parse.ReasonTooManyItems || !strings.Contains(d.Get(jsbus.HeaderError), "first 3 of 5") {
		t.Errorf("dead letter: reason %q, error %q", d.Get(jsbus.HeaderReason), d.Get(jsbus.HeaderError))
	}
	if n := subjectCount(t, js, jsbus.SubjectParsed); n != 3 {
		t.Errorf("%d parsed articles, want the 3 within the limit", n)
	}
}

// TestCLIOutputIsEscaped (case 9): escape sequences in headlines, source
// names, headers and bodies never reach the terminal raw; a MongoDB URI
// without a scheme is printed without its password.
func TestCLIOutputIsEscaped(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	js := s.js(t)
	ctx := context.Background()
	const esc = "\x1b]0;pwned\x07\x1b[2J\u009b31m\u202e"
	// A forged event first, so that tail --all -n 1 shows it.
	forged, _ := json.Marshal(article.Article{ID: "0123456789abcdef01234567", Headline: "Forged " + esc, Body: "x " + esc})
	if _, err := js.Publish(ctx, jsbus.SubjectEnriched, forged); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "evil"+esc[:4]+".txt"), goodArticle("Escapeville"), 0o644); err != nil {
		t.Fatal(err)
	}
	dropOut := s.dropFiles(t, dir)
	hdr := nats.Header{}
	hdr.Set(jsbus.HeaderSourceName, "bad"+esc)
	hdr.Set("X-Evil", esc)
	ack, err := js.PublishMsg(ctx, &nats.Msg{Subject: jsbus.DeadSubject(jsbus.StageIngest), Data: []byte("body " + esc), Header: hdr})
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"drop":              dropOut,
		"tail":              s.cli(t, "tail", "--all", "-n", "1"),
		"tail --json":       s.cli(t, "tail", "--all", "-n", "1", "--json"),
		"dead-letters list": s.cli(t, "dead-letters", "list"),
		"dead-letters show": s.cli(t, "dead-letters", "show", fmt.Sprint(ack.Sequence)),
	}
	for name, out := range outputs {
		t.Run(name, func(t *testing.T) {
			if strings.ContainsAny(out, "\x1b\x07\u009b\u202e") {
				t.Errorf("raw control characters in the output:\n%q", out)
			}
			if !strings.Contains(out, `\x1b`) && !strings.Contains(out, `\u001b`) {
				t.Errorf("the escape sequence is not shown escaped:\n%q", out)
			}
		})
	}
	t.Run("tail --json stays JSON", func(t *testing.T) {
		var a article.Article
		if err := json.Unmarshal([]byte(outputs["tail --json"]), &a); err != nil {
			t.Fatalf("tail --json: %v", err)
		}
	})
	t.Run("mongo uri without a scheme", func(t *testing.T) {
		var out syncBuffer
		e := env{getenv: func(k string) string {
			if k == "MONGO_URI" {
				return "admin:s3cretpw@127.0.0.1:1/newsflow"
			}
			return ""
		}, stdin: strings.NewReader(""), stdout: &out, stderr: &out}
		uctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		o := upOptions{dataDir: t.TempDir(), host: "127.0.0.1", natsPort: -1}
		_ = up(uctx, e, o, slog.New(slog.NewTextHandler(&out, nil)), func(endpoints) { cancel() })
		if strings.Contains(out.String(), "s3cretpw") {
			t.Errorf("up printed the password:\n%s", out.String())
		}
		if !strings.Contains(out.String(), "admin:xxxxx@127.0.0.1") {
			t.Errorf("up did not print the redacted URI:\n%s", out.String())
		}
	})
}
