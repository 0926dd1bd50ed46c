package ingest_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/services/ingest/ingest"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// feed returns an RSS feed of n items of invented news.
func feed(n int) []byte {
	var items strings.Builder
	for i := range n {
		fmt.Fprintf(&items, "<item><title>Council meets on item %d</title><link>https://example.org/news/%d</link><description>The town council met on Tuesday to discuss item %d of its agenda, a new footbridge.</description></item>", i, i, i)
	}
	return []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Town news</title>` + items.String() + `</channel></rss>`)
}

// TestHandleReturnsOneEventPerArticle: the stage returns its parsed
// articles as outputs (the consume loop publishes them), with their ids,
// types and ingest time; over the item limit the articles read still go
// out beside a permanent error (the input becomes a dead letter), and so
// do they beside an item that could not be read.
func TestHandleReturnsOneEventPerArticle(t *testing.T) {
	stored := time.Date(2026, 11, 30, 5, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		items    int
		maxItems int
		outputs  int
		reason   string // of the permanent error, "" for none
		noText   bool   // a last item with a title and no text
	}{
		{name: "three items", items: 3, maxItems: 10, outputs: 3},
		{name: "over the item limit", items: 5, maxItems: 2, outputs: 2, reason: parse.ReasonTooManyItems},
		{name: "only whitespace", items: -1, maxItems: 10, reason: parse.ReasonEmpty},
		{name: "an item without text", items: 2, maxItems: 10, outputs: 2, reason: parse.ReasonSkippedItems, noText: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := parse.New(parse.Config{MaxItems: tc.maxItems})
			if err != nil {
				t.Fatal(err)
			}
			data, ct := feed(tc.items), "application/rss+xml"
			if tc.items < 0 {
				data, ct = []byte("   "), "text/plain"
			}
			if tc.noText {
				data = []byte(strings.Replace(string(data), "</channel>", "<item><title>Title only</title><link>https://example.org/news/x</link></item></channel>", 1))
			}
			hdr := nats.Header{}
			hdr.Set(jsbus.HeaderContentType, ct)
			outs, err := ingest.New(p, slog.New(slog.DiscardHandler)).Handle(context.Background(), &jsbus.Msg{Subject: jsbus.SubjectRaw, Data: data, Header: hdr, Time: stored})
			switch {
			case tc.reason == "" && err != nil:
				t.Fatalf("err %v", err)
			case tc.reason != "" && (!errors.Is(err, article.ErrPermanent) || article.Reason(err) != tc.reason):
				t.Fatalf("err %v (reason %q), want a permanent %q", err, article.Reason(err), tc.reason)
			}
			if len(outs) != tc.outputs {
				t.Fatalf("%d outputs, want %d", len(outs), tc.outputs)
			}
			ids := map[string]bool{}
			for _, o := range outs {
				var a article.Article
				if err := json.Unmarshal(o.Data, &a); err != nil {
					t.Fatal(err)
				}
				if o.Subject != jsbus.SubjectParsed || o.Type != jsbus.TypeParsed || o.ArticleID != a.ID ||
					o.MsgID != jsbus.MsgID(jsbus.StageIngest, a.ID, a.Source.SHA256) || o.Header.Get(jsbus.HeaderArticleID) != a.ID {
					t.Errorf("output %+v for article %s", o, a.ID)
				}
				if !a.IngestedAt.Equal(stored) {
					t.Errorf("ingested_at %v, want the stream's time %v", a.IngestedAt, stored)
				}
				ids[a.ID] = true
			}
			if len(ids) != len(outs) {
				t.Errorf("%d distinct ids for %d outputs", len(ids), len(outs))
			}
		})
	}
}

func TestParseConfigFromEnv(t *testing.T) {
	for _, tc := range []struct {
		name, value string
		want        int
		wantErr     bool
	}{
		{"unset: the parser's default", "", 0, false},
		{"bytes", "8000000", 8000000, false},
		{"with a suffix", "2KiB", 2048, false},
		{"not a number", "lots", 0, true},
		{"below 1 KiB", "12", 0, true},
		{"negative", "-1", 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ingest.ParseConfigFromEnv(func(k string) string {
				if k == "INGEST_MAX_BYTES" {
					return tc.value
				}
				return ""
			})
			if (err != nil) != tc.wantErr {
				t.Fatalf("err %v, want error: %v", err, tc.wantErr)
			}
			if err == nil && c.MaxBytes != tc.want {
				t.Errorf("MaxBytes %d, want %d", c.MaxBytes, tc.want)
			}
		})
	}
}

// TestHandleRefusesForgedRawID: raw input whose "raw:" message id is not
// the hash of its bytes is refused for good with reason forged_id; the
// true hash, and ids of another form, pass.
func TestHandleRefusesForgedRawID(t *testing.T) {
	data := []byte("Ferry resumes\n\nThe ferry resumed service on Monday after the storm.\n")
	tests := []struct {
		name   string
		id     string
		forged bool
	}{
		{"the bytes' own hash", "raw:" + article.HashBytes(data), false},
		{"another file's hash", "raw:" + article.HashBytes([]byte("Council meets\n\nThe council met.\n")), true},
		{"not a hash at all", "raw:x", true},
		{"no id", "", false},
		{"an id of another form", "my-crawler-17", false},
	}
	p, err := parse.New(parse.Config{})
	if err != nil {
		t.Fatal(err)
	}
	stage := ingest.New(p, slog.New(slog.DiscardHandler))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hdr := nats.Header{}
			hdr.Set(jsbus.HeaderContentType, "text/plain")
			if tc.id != "" {
				hdr.Set(nats.MsgIdHdr, tc.id)
			}
			outs, err := stage.Handle(context.Background(), &jsbus.Msg{Subject: jsbus.SubjectRaw, Data: data, Header: hdr})
			if tc.forged {
				if !errors.Is(err, ingest.ErrForgedID) || !errors.Is(err, article.ErrPermanent) || article.Reason(err) != ingest.ReasonForgedID || len(outs) != 0 {
					t.Fatalf("forged id: %d outputs, err %v; want none and a permanent forged_id", len(outs), err)
				}
				return
			}
			if err != nil || len(outs) != 1 {
				t.Fatalf("%d outputs, err %v; want the article", len(outs), err)
			}
		})
	}
}
