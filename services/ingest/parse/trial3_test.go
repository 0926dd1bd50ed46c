package parse

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

// TestDuplicateJSONKeys: an article object that gives a field ingest
// reads twice (two "body" keys) is refused with bad_json naming the key,
// rather than read with the last value and the first text lost; in an
// array, JSON Lines or a feed only that item is left out, and named. A
// key given twice that ingest does not read costs nothing.
func TestDuplicateJSONKeys(t *testing.T) {
	p := newTestParser(t)
	good := `{"title": "Good", "body": "` + para1 + `"}`
	other := `{"title": "Other", "body": "` + para2 + `"}`
	dup := `{"title": "Dup", "body": "` + para1 + `", "body": "` + para2 + `"}`
	tests := []struct {
		name   string
		data   string
		n      int    // articles read
		reason string // of the error, "" for none
		names  string // in the error
	}{
		{name: "two bodies", data: dup, reason: ReasonBadJSON, names: `duplicate key "body"`},
		{name: "two titles", data: `{"title":"First title","title":"Second title","body":"` + para1 + `"}`, reason: ReasonBadJSON, names: `duplicate key "title"`},
		{name: "the key escaped once", data: `{"title": "Esc", "body": "` + para1 + `", "b\u006fdy": "` + para2 + `"}`, reason: ReasonBadJSON, names: `duplicate key "body"`},
		{name: "nested in a read field", data: `{"title": "Nest", "author": {"name": "Ann", "name": "Bob"}, "body": "` + para1 + `"}`, reason: ReasonBadJSON, names: `duplicate key "name" in "author"`},
		{name: "an unread field twice", data: `{"title": "Unread", "x_rank": 1, "x_rank": 2, "body": "` + para1 + `: a colon \": in text"}`, n: 1},
		{name: "no key twice, colons in strings", data: `{"title": "A: b", "body": "` + para1 + ` \"k\": 1"}`, n: 1},
		{name: "one item of an array", data: "[" + good + ", " + dup + ", " + other + "]", n: 2, reason: ReasonSkippedItems, names: `item 2: bad_json: bad JSON article: duplicate key "body"`},
		{name: "one line of JSON Lines", data: good + "\n" + dup + "\n", n: 1, reason: ReasonSkippedItems, names: `line 2: bad_json: bad JSON article: duplicate key "body"`},
		{name: "one item of an envelope", data: `{"articles": [` + good + `, ` + dup + `]}`, n: 1, reason: ReasonSkippedItems, names: `item 2: bad_json: bad JSON article: duplicate key "body"`},
		{name: "the envelope's list twice", data: `{"articles": [` + good + `], "articles": [` + good + `]}`, reason: ReasonBadJSON, names: `duplicate key "articles"`},
		{name: "one item of a JSON Feed", data: `{"version": "https://jsonfeed.org/version/1.1", "title": "F", "items": [
{"id": "1", "url": "https://f.example.com/1", "title": "One", "content_text": "` + para1 + `"},
{"id": "2", "url": "https://f.example.com/2", "title": "Two", "content_text": "` + para1 + `", "content_text": "` + para2 + `"}]}`,
			n: 1, reason: ReasonSkippedItems, names: `item 2: duplicate key "content_text"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := p.Parse(context.Background(), Input{Data: []byte(tc.data), ContentType: "application/json"})
			checkRead(t, arts, err, tc.n, tc.reason, tc.names)
		})
	}
}

// checkRead checks the articles read and the error's reason and text.
func checkRead(t *testing.T, arts []article.Article, err error, n int, reason, names string) {
	t.Helper()
	if len(arts) != n {
		t.Errorf("%d articles, want %d (err %v)", len(arts), n, err)
	}
	if reason == "" {
		if err != nil {
			t.Errorf("err %v, want none", err)
		}
		return
	}
	if !errors.Is(err, article.ErrPermanent) || article.Reason(err) != reason || !strings.Contains(err.Error(), names) {
		t.Errorf("err %v (reason %q), want %s naming %q", err, article.Reason(err), reason, names)
	}
}

// page wraps body in a page with a canonical address.
func page(body string) []byte {
	return []byte(`<!doctype html><html><head><title>Daily Example</title><link rel="canonical" href="https://daily.example.com/today"></head><body><nav><a href="/">Home</a></nav>` + body + `</body></html>`)
}

// story is an <article> of a heading and three paragraphs of its own
// (attrs on the element, the heading's inner HTML, paras the first of
// paragraphs).
func story(attrs, heading string, paras int) string {
	p := storyParagraphsText[paras : paras+3]
	return `<article` + attrs + `><h1>` + heading + `</h1><p>` + p[0] + `</p><p>` + p[1] + `</p><p>` + p[2] + `</p></article>`
}

var storyParagraphsText = []string{
	"The harbour authority said on Tuesday that the new container terminal would open next spring, creating hundreds of jobs.",
	`"We have waited a long time for this," said port director Maria Olsen, who has led the project since 2019.`,
	"The terminal cost 400 million euros and was funded partly by the European Union and the regional government.",
	"A late-season storm closed the mountain pass on Wednesday, stranding dozens of drivers overnight in deep snow.",
	"Rescue teams reached the last vehicles by morning, the police said in a statement issued from the valley.",
	"The pass is expected to reopen on Friday if the weather improves as the national forecasters have predicted.",
	"The old iron bridge over the river reopened to traffic on Thursday after two years of repairs and delays.",
	"Engineers replaced every rivet of the main span, the city's transport office said at a ceremony on the bank.",
	"Shopkeepers on both sides of the river said they hoped the customers who had stayed away would now return.",
}

// TestSeveralStoriesOnAPage: a page of two or more <article>s that are
// all full stories (a heading, several paragraphs) is read as one article
// each, as a feed's items, the later ones with their heading's link or
// the page's address and their id; a story beside teaser cards, or with
// comments in <article>s of its own, stays one article.
func TestSeveralStoriesOnAPage(t *testing.T) {
	p := newTestParser(t)
	teaser := `<article class="teaser"><h3><a href="/other">Other news</a></h3><p>A short teaser of another story.</p></article>`
	comment := `<article class="comment"><h3>Reader</h3><p>I was at the meeting and the hall was full of people who wanted to speak.</p><p>Nobody from the council answered the questions we had about the costs.</p><p>We will come back in June with more questions and more neighbours.</p></article>`
	tests := []struct {
		name      string
		body      string
		headlines []string
		urls      []string
	}{
		{name: "two stories", body: story("", "Harbour terminal to open", 0) + story(` id="storm"`, "Storm closes pass", 3),
			headlines: []string{"Harbour terminal to open", "Storm closes pass"},
			urls:      []string{"https://daily.example.com/today", "https://daily.example.com/today#storm"}},
		{name: "a story whose heading links to it", body: story("", "Harbour terminal to open", 0) + story("", `<a href="/2024/bridge">Bridge reopens</a>`, 6) + story("", "Storm closes pass", 3),
			headlines: []string{"Harbour terminal to open", "Bridge reopens", "Storm closes pass"},
			urls:      []string{"https://daily.example.com/today", "https://daily.example.com/2024/bridge", ""}},
		{name: "a story among teaser cards", body: story("", "Harbour terminal to open", 0) + teaser + teaser,
			headlines: []string{"Harbour terminal to open"}, urls: []string{"https://daily.example.com/today"}},
		{name: "comments inside the story", body: strings.Replace(story("", "Harbour terminal to open", 0), "</article>", comment+"</article>", 1),
			headlines: []string{"Harbour terminal to open"}, urls: []string{"https://daily.example.com/today"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := p.Parse(context.Background(), Input{Data: page(tc.body), ContentType: "text/html"})
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != len(tc.headlines) {
				t.Fatalf("%d articles, want %d", len(arts), len(tc.headlines))
			}
			for i, a := range arts {
				if a.Headline != tc.headlines[i] || a.URL != tc.urls[i] || a.Source.Item != i {
					t.Errorf("article %d: %q %q item %d, want %q %q", i, a.Headline, a.URL, a.Source.Item, tc.headlines[i], tc.urls[i])
				}
				// Its own story's text, and no other's.
				for h, first := range map[string]int{"Harbour terminal to open": 0, "Storm closes pass": 3, "Bridge reopens": 6} {
					if has := strings.Contains(a.Body, storyParagraphsText[first]); has != (h == a.Headline) {
						t.Errorf("article %d (%q): has the text of %q: %v; body %q", i, a.Headline, h, has, a.Body)
					}
				}
			}
		})
	}
}

// TestBoilerplateDropped: a short paragraph that is only paywall or
// timestamp boilerplate is dropped from a page's body; a paragraph of
// news with such words in it, or with other sentences, is kept.
func TestBoilerplateDropped(t *testing.T) {
	p := newTestParser(t)
	news := `<p>The harbour authority said on Tuesday that the new container terminal would open next spring, creating hundreds of jobs in the region.</p><p>"We have waited a long time for this," said port director Maria Olsen, who has led the project since 2019.</p>`
	tests := []struct {
		name string
		para string
		drop bool
	}{
		{"a paywall box", "Subscribe to continue reading. You have reached your limit of free articles this month. Already a subscriber? Log in to read the rest of this story.", true},
		{"a relative timestamp", "Updated 3 hours ago", true},
		{"a bare relative time", "2 minutes ago", true},
		{"members only", "This article is only available to subscribers.", true},
		{"news about subscribers", "The paper said it had lost 10,000 subscribers since it asked readers to log in to read the rest of each story.", false},
		{"boilerplate with a sentence of news", "Already a subscriber? The mayor resigned on Monday after a vote of no confidence.", false},
		{"a quote of the phrase", `"Subscribe to continue reading" was the first thing readers saw, the editor said.`, false},
		{"a dated line of news", "Three hours ago the first ship docked at the new terminal, the port said.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := parseOne(t, p, Input{Data: page(`<article><h1>Terminal story</h1>` + news + `<p>` + tc.para + `</p><p>The terminal cost 400 million euros and was funded partly by the European Union.</p></article>`), ContentType: "text/html"})
			if got := strings.Contains(a.Body, tc.para); got == tc.drop {
				t.Errorf("paragraph kept: %v, want %v; body %q", got, !tc.drop, a.Body)
			}
			if !strings.Contains(a.Body, "400 million euros") || !strings.Contains(a.Body, "Maria Olsen") {
				t.Errorf("news lost: %q", a.Body)
			}
		})
	}
}

// TestBoilerplateKeepsNews: no paragraph of the Wikinews corpus is taken
// for boilerplate. (Also checked once on the 1230 HTML pages of the
// go-trafilatura and go-readability test sets: no paragraph dropped.)
func TestBoilerplateKeepsNews(t *testing.T) {
	p := newTestParser(t)
	n := 0
	for _, r := range readCorpus(t) {
		for para := range strings.SplitSeq(r.text, "\n") {
			if para = strings.TrimSpace(para); para == "" {
				continue
			}
			n++
			if p.boilerplate(para) {
				t.Errorf("%s: news paragraph taken for boilerplate: %q", r.url, para)
			}
		}
	}
	if n < 1000 {
		t.Fatalf("only %d corpus paragraphs read", n)
	}
}
