package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// eventBus runs an embedded NATS server with the ARTICLES streams and
// ARTICLE_EVENTS, and returns its URL and a JetStream handle.
func eventBus(t testing.TB) (string, jetstream.JetStream) {
	t.Helper()
	srv := natstest.Start(t)
	js := natstest.JetStream(t, srv.ClientURL())
	cfg := jsbus.DefaultStreamConfig()
	// File streams: the server reserves a memory stream's MaxBytes, which
	// fails beside the servers of other tests.
	if _, err := jsbus.EnsureStream(context.Background(), js, cfg); err != nil {
		t.Fatal(err)
	}
	ensureEventsStream(t, js)
	return srv.ClientURL(), js
}

// ensureEventsStream makes the pipeline's streams, ARTICLE_EVENTS among
// them, unless they exist.
func ensureEventsStream(t testing.TB, js jetstream.JetStream) {
	t.Helper()
	if _, err := jsbus.EnsureStream(context.Background(), js, jsbus.DefaultStreamConfig()); err != nil {
		t.Fatal(err)
	}
}

// publishEnriched publishes an enriched article and its fan-out events as
// the pipeline does, each with its message id.
func publishEnriched(t *testing.T, js jetstream.JetStream, a article.Article) {
	t.Helper()
	ctx := context.Background()
	evs, err := fanout.Events(a, fanout.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if _, err := js.Publish(ctx, e.Subject, e.Data, jetstream.WithMsgID(e.MsgID)); err != nil {
			t.Fatalf("publish %s: %v", e.Subject, err)
		}
	}
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, jsbus.SubjectEnriched, data, jetstream.WithMsgID(fmt.Sprintf("enrich:%s:r%d", a.ID, a.Revision))); err != nil {
		t.Fatal(err)
	}
}

var tailSpeakers = []string{"Jane Doe", "Tom Roe", "José Álvarez", "Ana Lee"}

// harbourArticle is synthetic article i: quotes by two of tailSpeakers,
// the two as people and the port authority as an organisation.
func harbourArticle(i int) article.Article {
	s1, s2 := tailSpeakers[i%len(tailSpeakers)], tailSpeakers[(i+1)%len(tailSpeakers)]
	lang := "en"
	if i%10 == 0 {
		lang = "de"
	}
	pub := time.Date(2026, 2, 1+i%28, 9, 0, 0, 0, time.UTC)
	return article.Article{
		SchemaVersion: 1, ID: fmt.Sprintf("%024x", i+1), Headline: fmt.Sprintf("Harbour plan %d", i), PublishedAt: &pub,
		Body: fmt.Sprintf(`"The harbour plan %d is ready," said %s.`, i, s1), Language: lang,
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

func runTail(t *testing.T, url string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return url
		}
		return ""
	}
	if err := run(ctx, append([]string{"tail"}, args...), getenv, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("tail %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
	if ctx.Err() != nil {
		t.Fatalf("tail %s did not end within 60s", strings.Join(args, " "))
	}
	return out.String()
}

func lines(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func TestTailFilters(t *testing.T) {
	url, js := eventBus(t)
	var copies []string
	for i := range 20 {
		a := harbourArticle(i)
		a.StoryID = a.ID
		if i%5 == 2 {
			// A copy of the article before: 4 of the 20, two with a quote
			// by Tom Roe (12, 17).
			orig := harbourArticle(i - 1)
			a.DuplicateOf, a.Similarity, a.StoryID = orig.ID, 0.9, orig.ID
			copies = append(copies, a.ID)
		}
		publishEnriched(t, js, a)
	}
	tests := []struct {
		name   string
		args   []string
		want   int
		each   string // every line contains this
		unique bool   // no line is of a copy
	}{
		{"articles", []string{"--all", "--catch-up"}, 20, "Harbour plan", false},
		{"articles caught up with no start given", []string{"--catch-up"}, 20, "Harbour plan", false},
		{"one speaker caught up with no start given", []string{"--catch-up", "--speaker", "tom roe"}, 10, "Tom Roe: “", false},
		{"first-seen articles", []string{"--all", "--catch-up", "--unique"}, 16, "Harbour plan", true},
		{"articles in German", []string{"--all", "--catch-up", "--lang", "DE"}, 2, "Harbour plan", false},
		{"one speaker", []string{"--all", "--catch-up", "--speaker", "tom roe"}, 10, "Tom Roe: “", false},
		{"one speaker in first-seen articles", []string{"--all", "--catch-up", "--speaker", "tom roe", "--unique"}, 8, "Tom Roe: “", true},
		{"two speakers", []string{"--all", "--catch-up", "--speaker", "Tom Roe", "--speaker", "Ana Lee"}, 20, ": “", false},
		{"one entity", []string{"--all", "--catch-up", "--entity", "Port Authority"}, 20, "ORG Port Authority ×1", false},
		{"a type", []string{"--all", "--catch-up", "--type", "person"}, 40, "PERSON ", false},
		{"a type in first-seen articles", []string{"--all", "--catch-up", "--type", "person", "--unique"}, 32, "PERSON ", true},
		{"first-seen as JSON", []string{"--all", "--catch-up", "--json", "--entity", "port authority", "--unique"}, 16, `"story_id":`, true},
		{"speaker in German articles", []string{"--all", "--catch-up", "--speaker", "Jane Doe", "--lang", "de"}, 1, "Jane Doe", false},
		{"from a sequence", []string{"--from", "18", "--catch-up"}, 3, "Harbour plan", false},
		{"the sequence each line ends with", []string{"--from", "20", "--catch-up"}, 1, " seq=20", false},
		{"since", []string{"--since", "1h", "--catch-up", "--speaker", "*"}, 40, ": “", false},
		{"n", []string{"--all", "-n", "3", "--speaker", "*"}, 3, ": “", false},
		{"json", []string{"--all", "--catch-up", "--json", "--entity", "port authority", "--type", "ORG"}, 20, `"article_id":`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := lines(runTail(t, url, tc.args...))
			if len(got) != tc.want {
				t.Errorf("%d lines, want %d:\n%s", len(got), tc.want, strings.Join(got, "\n"))
			}
			for _, l := range got {
				if !strings.Contains(l, tc.each) {
					t.Errorf("line without %q: %s", tc.each, l)
				}
				for _, id := range copies {
					if tc.unique && (strings.Contains(l, "id="+id) || strings.Contains(l, `"article_id":"`+id)) {
						t.Errorf("line of a copy: %s", l)
					}
				}
			}
		})
	}
}

// TestTailEscapesEvents: a speaker, quote or headline with a terminal
// escape sequence is printed inert.
func TestTailEscapesEvents(t *testing.T) {
	url, js := eventBus(t)
	a := harbourArticle(0)
	a.Headline = "Harbour\x1b[2J plan"
	a.Quotes[0].Speaker, a.Quotes[0].Text = "Jane\x1b]0;owned\x07 Doe", "Ready\u202e now"
	publishEnriched(t, js, a)
	out := runTail(t, url, "--all", "--catch-up", "--speaker", "*")
	if strings.ContainsAny(out, "\x1b\x07\u202e") {
		t.Errorf("raw control characters in the output:\n%q", out)
	}
	if !strings.Contains(out, `\x1b`) || !strings.Contains(out, `\u202e`) {
		t.Errorf("the escapes are not shown:\n%s", out)
	}
}

func TestTailUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"since without unit", []string{"--since", "6"}},
		{"since garbage", []string{"--since", "yesterday"}},
		{"since a future date", []string{"--since", "2999-01-01", "--speaker", "Jane Doe"}},
		{"since a future time", []string{"--since", time.Now().Add(time.Hour).Format(time.RFC3339), "--catch-up"}},
		{"unknown language", []string{"--lang", "zz"}},
		{"unknown type", []string{"--type", "ANIMAL"}},
		{"two starts", []string{"--all", "--from", "3"}},
		{"country with speaker", []string{"--speaker", "Jane Doe", "--country", "UA"}},
		{"unknown country", []string{"--country", "XX"}},
		{"country name, not code", []string{"--country", "Ukraine"}},
		{"negative count", []string{"-n", "-1"}},
		{"empty speaker", []string{"--speaker", ""}},
		{"empty entity among others", []string{"--entity", "WHO", "--entity", " "}},
		{"empty language", []string{"--lang", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), append([]string{"tail"}, tc.args...), func(string) string { return "" }, strings.NewReader(""), &out, &out)
			if err != errUsage {
				t.Errorf("err %v, want usage\n%s", err, out.String())
			}
		})
	}
}

// TestTailCatchUpOneSpeaker is the target with the CLI: after 1,000
// articles (some delivered twice, some re-enriched), one command prints
// every quote of one speaker exactly once per article revision.
func TestTailCatchUpOneSpeaker(t *testing.T) {
	url, js := eventBus(t)
	type key struct {
		id            string
		revision, idx int
	}
	want := map[key]bool{}
	for i := range 1000 {
		a := harbourArticle(i)
		arts := []article.Article{a}
		if i%5 == 0 {
			r := a
			r.Revision, r.EnricherVersion = 1, "2"
			arts = append(arts, r)
		}
		for _, r := range arts {
			publishEnriched(t, js, r)
			if i%7 == 0 {
				publishEnriched(t, js, r) // redelivered: same message ids
			}
			for qi, q := range r.Quotes {
				if q.Speaker == "José Álvarez" {
					want[key{r.ID, r.Revision, qi}] = true
				}
			}
		}
	}
	out := runTail(t, url, "--speaker", "Jose Alvarez", "--all", "--catch-up", "--json")
	got := map[key]int{}
	for _, l := range lines(out) {
		var q fanout.QuoteEvent
		if err := json.Unmarshal([]byte(l), &q); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		if q.Quote.Speaker != "José Álvarez" {
			t.Errorf("quote by %q", q.Quote.Speaker)
		}
		got[key{q.ArticleID, q.Revision, q.Index}]++
	}
	for k, n := range got {
		if n != 1 || !want[k] {
			t.Errorf("%+v printed %d times (published: %v)", k, n, want[k])
		}
	}
	if len(got) != len(want) || len(want) < 500 {
		t.Errorf("%d distinct quotes printed, %d published", len(got), len(want))
	}
}

// TestTailSpeakerHint: a --speaker given by one of the names of stored
// speakers (a surname) follows that name as given and says on stderr which
// stored speakers it may mean; the full name gets no hint.
func TestTailSpeakerHint(t *testing.T) {
	url, js := eventBus(t)
	for i := range 4 {
		publishEnriched(t, js, harbourArticle(i))
	}
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return url
		}
		return ""
	}
	for _, tc := range []struct {
		name, speaker string
		lines         int
		hint          string // on stderr; "" for none
	}{
		{"a surname", "Roe", 0, `no quotes stored under "Roe" (articles.quote.roe); stored speakers with that name: tom-roe (2)`},
		{"the full name", "Tom Roe", 2, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			var out, errOut bytes.Buffer
			if err := run(ctx, []string{"tail", "--all", "--catch-up", "--speaker", tc.speaker}, getenv, strings.NewReader(""), &out, &errOut); err != nil {
				t.Fatalf("tail: %v\n%s", err, errOut.String())
			}
			if n := len(lines(out.String())); n != tc.lines {
				t.Errorf("%d lines, want %d:\n%s", n, tc.lines, out.String())
			}
			if tc.hint == "" && strings.Contains(errOut.String(), "no quotes stored") || tc.hint != "" && !strings.Contains(errOut.String(), tc.hint) {
				t.Errorf("stderr %q, want hint %q", errOut.String(), tc.hint)
			}
		})
	}
}

// TestTailEntityHint: an --entity given by an alias of a stored entity
// (in any case), by one of the parts of its name, or by a name nothing is
// stored under follows that name as given and says on stderr which stored
// entities it may mean, or that none has that name; the stored name gets
// no hint.
func TestTailEntityHint(t *testing.T) {
	url, js := eventBus(t)
	for i := range 4 {
		publishEnriched(t, js, harbourArticle(i))
	}
	who := harbourArticle(4)
	who.ID, who.Headline = fmt.Sprintf("%024x", 999), "Health agency warns of measles"
	who.Entities = append(who.Entities, article.Entity{
		Name: "World Health Organization", Type: article.TypeOrg, Count: 2, Aliases: []string{"WHO"},
		Mentions: []article.Mention{{Start: 7, End: 8, Text: "World Health Organization"}, {Start: 9, End: 10, Text: "WHO"}},
	})
	publishEnriched(t, js, who)
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return url
		}
		return ""
	}
	const whoHint = `stored entities with that name or alias: world-health-organization (ORG, 1). An entity is followed by the name it is stored under, e.g. --entity world-health-organization --type ORG`
	for _, tc := range []struct {
		name  string
		args  []string
		lines int
		hint  string // on stderr; "" for none
	}{
		{"an alias", []string{"--entity", "WHO"}, 0, `tail: no entity events stored under "WHO" (articles.entity.*.who); ` + whoHint},
		{"an alias in lower case", []string{"--entity", "who"}, 0, `no entity events stored under "who" (articles.entity.*.who); ` + whoHint},
		{"an alias of the type given", []string{"--entity", "WHO", "--type", "org"}, 0, `no entity events stored under "WHO" (articles.entity.org.who); ` + whoHint},
		{"a part of the name", []string{"--entity", "Authority"}, 0, `no entity events stored under "Authority" (articles.entity.*.authority); stored entities with that name or alias: port-authority (ORG, 5)`},
		{"an unknown name", []string{"--entity", "Zorblax"}, 0, `tail: no entity events stored under "Zorblax" (articles.entity.*.zorblax), and no stored entity has that name or alias`},
		{"an alias of another type", []string{"--entity", "WHO", "--type", "PERSON"}, 0, `no entity events stored under "WHO" (articles.entity.person.who), and no stored entity has that name or alias`},
		{"the stored name", []string{"--entity", "World Health Organization"}, 1, ""},
		{"the stored token", []string{"--entity", "port-authority"}, 5, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			var out, errOut bytes.Buffer
			if err := run(ctx, append([]string{"tail", "--all", "--catch-up"}, tc.args...), getenv, strings.NewReader(""), &out, &errOut); err != nil {
				t.Fatalf("tail: %v\n%s", err, errOut.String())
			}
			if n := len(lines(out.String())); n != tc.lines {
				t.Errorf("%d lines, want %d:\n%s", n, tc.lines, out.String())
			}
			if tc.hint == "" && strings.Contains(errOut.String(), "no entity events stored") || tc.hint != "" && !strings.Contains(errOut.String(), tc.hint) {
				t.Errorf("stderr %q, want hint %q", errOut.String(), tc.hint)
			}
		})
	}
}

// TestHistoryRefusesAnIdThatIsNone: a mistyped id is a usage error, not an
// article without versions (checked before any connection).
func TestHistoryRefusesAnIdThatIsNone(t *testing.T) {
	for _, id := range []string{"nothex", "E0D348C937381DC9DD906BD2", "e0d348c937381dc9dd906bd"} {
		var out bytes.Buffer
		err := run(context.Background(), []string{"history", id}, func(string) string { return "" }, strings.NewReader(""), &out, &out)
		if err != errUsage || !strings.Contains(out.String(), "no article id") {
			t.Errorf("history %s: err %v, want usage naming the id\n%s", id, err, out.String())
		}
	}
}

// TestDropRefusesNoTimeout: --timeout 0 is a usage error (it timed out at
// once after publishing), checked before any connection.
func TestDropRefusesNoTimeout(t *testing.T) {
	for _, v := range []string{"0", "-1s"} {
		var out bytes.Buffer
		err := run(context.Background(), []string{"drop", "--wait", "--timeout", v, "x.txt"}, func(string) string { return "" }, strings.NewReader(""), &out, &out)
		if err != errUsage || !strings.Contains(out.String(), "--timeout") {
			t.Errorf("drop --timeout %s: err %v, want usage\n%s", v, err, out.String())
		}
	}
}

// pipeWriter takes max writes and then fails as a closed pipe does.
type pipeWriter struct {
	bytes.Buffer
	max, n int
}

func (w *pipeWriter) Write(p []byte) (int, error) {
	if w.n >= w.max {
		return 0, syscall.EPIPE
	}
	w.n++
	return w.Buffer.Write(p)
}

// TestTailDurableReruns: a durable made with a start resumes under
// --catch-up with no start (refused before: tail turned it into --all);
// a closed pipe ends tail quietly and hands the event in hand back, so the
// next run prints it first.
func TestTailDurableReruns(t *testing.T) {
	url, js := eventBus(t)
	for i := range 6 {
		publishEnriched(t, js, harbourArticle(i))
	}
	if got := lines(runTail(t, url, "--durable", "desk", "--from", "3", "-n", "1")); len(got) != 1 || !strings.HasSuffix(got[0], " seq=3") {
		t.Fatalf("first run: %q, want the event at seq 3", got)
	}
	if got := lines(runTail(t, url, "--durable", "desk", "--catch-up")); len(got) != 3 {
		t.Errorf("--catch-up on the durable: %d lines, want the 3 after seq 3:\n%s", len(got), strings.Join(got, "\n"))
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return url
		}
		return ""
	}
	w := &pipeWriter{max: 2}
	var errOut bytes.Buffer
	if err := run(ctx, []string{"tail", "--durable", "pipe", "--all"}, getenv, strings.NewReader(""), w, &errOut); err != nil {
		t.Fatalf("tail into a closed pipe: %v, want a quiet end\n%s", err, errOut.String())
	}
	got := lines(runTail(t, url, "--durable", "pipe", "--catch-up"))
	if len(got) != 4 || !strings.HasSuffix(got[0], " seq=3") {
		t.Errorf("after the closed pipe: %q, want the 4 events from seq 3, the one handed back first", got)
	}
}
