package parse

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pkg/article"
)

// FuzzParse: any bytes with any content type and name give articles that
// keep the body invariants, or a permanent error with a reason; never a panic.
func FuzzParse(f *testing.F) {
	seeds := []struct{ data, ct, name string }{
		{"U.S. Threatens To Close Iraq Embassy\n\nPompeo warns\n\nSecretary of State Mike Pompeo\nSeptember 28, 2020\n\nBody text here.\n\nPublished under: Iran , Iraq", "", "a.txt"},
		{"Title\n\nTuesday, October 8, 2019\u00a0\n\n\n██\u00a0Legend\n\nParagraph one.", "text/plain", ""},
		{`<html><head><title>T</title></head><body><article><h1>T</h1><p>Some words in a paragraph here.</p></article></body></html>`, "text/html", ""},
		{`{"title": "T", "body": "B", "published": "2020-09-28"}`, "application/json", ""},
		{`[{"headlines": [{"value": "T"}], "bodies": [{"value": "<p>B</p>"}], "uri": "u"}]`, "", "x.json"},
		{"{\"title\":\"A\",\"text\":\"B\"}\n{\"title\":\"C\",\"text\":\"D\"}", "application/x-ndjson", ""},
		{`<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>I</title><description>D</description></item></channel></rss>`, "", ""},
		{`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>E</title><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>`, "application/atom+xml", ""},
		{`{"version": "https://jsonfeed.org/version/1", "items": [{"content_text": "x"}]}`, "", ""},
		{"\xff\xfeH\x00i\x00", "", ""},
		{"Caf\xe9 \x93quoted\x94", "text/plain; charset=latin1", ""},
		{"", "", ""},
		// Items left out beside good ones: a line that is no JSON, values
		// that are no objects, an item without text, CRLF and a BOM.
		{"\ufeff{\"title\":\"A\",\"text\":\"B b b.\"}\r\nnot json\r\n42\r\n{\"title\":\"no body\"}\r\n", "application/x-ndjson", ""},
		{`[{"title": "T", "body": "B b b."}, "oops", null, [1]]`, "", "x.json"},
		{`{"articles": [{"title": "T", "body": "B b b."}, 7]}`, "", ""},
		{`<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>I</title><description>D d d.</description></item><item><title>Title only</title></item></channel></rss>`, "", ""},
		// A stray NUL in a text (dropped), and a headline over the limit
		// beside a good item (left out).
		{"Headline\x00 here\n\nA body with a stray \x00 NUL in it.", "", ""},
		{`[{"title": "` + strings.Repeat("H ", 600) + `", "body": "B b b."}, {"title": "T", "body": "B b b."}]`, "", "x.json"},
	}
	for _, s := range seeds {
		f.Add([]byte(s.data), s.ct, s.name)
	}
	p, err := New(Config{MaxBytes: 1 << 20})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, ct, name string) {
		arts, err := p.Parse(context.Background(), Input{Data: data, ContentType: ct, Name: name})
		if err != nil {
			if errors.Is(err, ErrInternal) {
				t.Fatalf("parser panicked: %v", err)
			}
			if !errors.Is(err, article.ErrPermanent) || article.Reason(err) == "error" {
				t.Fatalf("error without reason: %v", err)
			}
			// Only an input read in part has articles beside its error,
			// and they are checked as any others; the error stays short.
			partial := errors.Is(err, ErrSkippedItems) || errors.Is(err, ErrTooManyItems)
			if partial != (len(arts) > 0) {
				t.Fatalf("%d articles beside %v", len(arts), err)
			}
			if len(err.Error()) > 4096 {
				t.Fatalf("error of %d bytes", len(err.Error()))
			}
			if !partial {
				return
			}
		}
		if len(arts) == 0 {
			t.Fatal("no articles and no error")
		}
		for _, a := range arts {
			if a.Body == "" || a.ID == "" || a.Tags == nil || a.SchemaVersion != article.SchemaVersion {
				t.Fatalf("incomplete article: %+v", a)
			}
			if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Headline) || strings.Contains(a.Body, "\n\n\n") ||
				strings.HasPrefix(a.Body, "\n") || strings.HasSuffix(a.Body, "\n") {
				t.Fatalf("body breaks invariants: %q", a.Body)
			}
			if utf8.RuneCountInString(a.Headline) > maxHeadline || strings.ContainsFunc(a.Headline+a.Body, func(r rune) bool { return r < 0x20 && r != '\n' }) {
				t.Fatalf("headline of %d characters, or a control character kept: %q %q", utf8.RuneCountInString(a.Headline), a.Headline, a.Body)
			}
			if a.PublishedAt != nil && a.PublishedAt.Location().String() != "UTC" {
				t.Fatalf("published not UTC: %v", a.PublishedAt)
			}
		}
	})
}
