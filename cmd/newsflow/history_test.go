package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// TestDroppableReadsBackTheSameText: what 'history --show' prints is parsed
// by 'drop -' back to the kept text, whatever characters the text holds.
func TestDroppableReadsBackTheSameText(t *testing.T) {
	p, err := parse.New(parse.Config{})
	if err != nil {
		t.Fatal(err)
	}
	published := time.Date(2026, 11, 30, 9, 30, 0, 0, time.UTC)
	tests := []struct {
		name string
		body string
	}{
		{"plain paragraphs", "The council met on Monday.\n\nIt voted to close the old gym."},
		{"a text that mentions tags", "The flaw let attackers hide code inside <script> tags on comment pages. The patch strips any text between <script> and </script> before a page is shown.\n\nUsers should update at once, the lab said."},
		{"markup-like characters and entities", "Shares rose 5% & bonds fell <1%; \"a <b>bold</b> move\" said the analyst, quoting &amp; as written.\n\nMore next week."},
		{"references written twice over", "The page showed &amp;amp; and &#8220; where it meant & and a quote mark; &nbsp; too."},
		{"one paragraph", "Ferry services resumed on Friday after a week of storms."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old := article.Article{Headline: "Browser flaw <patched>", Body: tc.body, URL: "https://news.example.com/2026/11/flaw", PublishedAt: &published}
			b, err := json.Marshal(droppable(old))
			if err != nil {
				t.Fatal(err)
			}
			arts, err := p.Parse(context.Background(), parse.Input{Data: b, Name: "-"})
			if err != nil {
				t.Fatalf("parse %s: %v", b, err)
			}
			if len(arts) != 1 {
				t.Fatalf("%d articles, want 1", len(arts))
			}
			got := arts[0]
			if got.Body != old.Body {
				t.Errorf("body read back as\n%q\nwant\n%q", got.Body, old.Body)
			}
			if got.Headline != old.Headline || got.URL != old.URL || got.ID != article.ID(old.URL, "", "") {
				t.Errorf("read back headline %q url %q id %s; want %q %q %s", got.Headline, got.URL, got.ID, old.Headline, old.URL, article.ID(old.URL, "", ""))
			}
		})
	}
}

// TestHistoryReadsMongoHost: history (and reenrich, through the same
// connection) reads MONGO_HOST as the store does, and says where it looked
// when nothing answers there.
func TestHistoryReadsMongoHost(t *testing.T) {
	env := map[string]string{"MONGO_HOST": "127.0.0.1:1"}
	var out bytes.Buffer
	err := run(context.Background(), []string{"history", "0123456789abcdef01234567"}, func(k string) string { return env[k] }, strings.NewReader(""), &out, &out)
	if err == nil {
		t.Fatal("history with no database: no error")
	}
	if msg := err.Error(); !strings.Contains(msg, "127.0.0.1:1") || strings.Contains(msg, "localhost:27017") || !strings.Contains(msg, "is the database running there") {
		t.Errorf("error %q: want the MONGO_HOST address and a hint, not localhost:27017", msg)
	}
}
