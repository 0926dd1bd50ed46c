package parse

import (
	"context"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// TestCarelessFeedsAndPages: careless and hostile input of the kinds
// publishers send (stop 74's probe) is read for its text and its date, or
// its bad items are named, rather than the whole input refused, markup
// stored as text, a 1970 date stored, or characters dropped.
func TestCarelessFeedsAndPages(t *testing.T) {
	p := newTestParser(t)
	jf := func(second string) string {
		return `{"version": "https://jsonfeed.org/version/1.1", "title": "JF", "home_page_url": "https://jf.example.com/", "items": [
{"id": "1", "url": "https://jf.example.com/1", "title": "First", "content_text": "` + para1 + `"},
{"id": "2", "url": "https://jf.example.com/2", "content_text": "` + para2 + `", ` + second + `}]}`
	}
	const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>R</title><link>https://r.example.com/</link>`
	tests := []struct {
		name     string
		in       Input
		n        int    // articles
		skipped  string // the item named as left out, "" for none
		item     int    // the article checked
		headline string
		date     string // published_at, RFC 3339; "none" for none, "" not checked
		paras    int    // paragraphs of the body, 0 not checked
		has      string // in the body
		lacks    []string
		byline   string
		tags     []string
	}{
		{name: "json feed date as unix seconds",
			in: Input{Data: []byte(jf(`"title": "Second", "date_published": 1712397600`))},
			n:  2, item: 1, headline: "Second", date: "2024-04-06T10:00:00Z"},
		{name: "json feed date as unix milliseconds",
			in: Input{Data: []byte(jf(`"title": "Second", "date_published": 1712397600000`))},
			n:  2, item: 1, headline: "Second", date: "2024-04-06T10:00:00Z"},
		{name: "json feed title a number",
			in: Input{Data: []byte(jf(`"title": 12345`))},
			n:  1, skipped: `item 2: "title" is a number, not text`, headline: "First"},
		{name: "json feed tags and authors as strings, an attachment of a fractional size",
			in: Input{Data: []byte(jf(`"title": "Second", "tags": "port, strike", "authors": "Jane Doe", "attachments": [{"url": "x", "size_in_bytes": 1.5}]`))},
			n:  2, item: 1, headline: "Second", byline: "Jane Doe", tags: []string{"port", "strike"}},
		{name: "json feed item that is no object",
			in: Input{Data: []byte(strings.Replace(jf(`"title": "Second"`), "}]}", "}, 7]}", 1))},
			n:  2, skipped: "item 3: a number", headline: "First"},
		{name: "json date written as digits",
			in: Input{Data: []byte(`{"title": "Digits", "body": "` + para1 + `", "published": 20240406}`), ContentType: "application/json"},
			n:  1, headline: "Digits", date: "2024-04-06T00:00:00Z"},
		{name: "json date a small number is no date",
			in: Input{Data: []byte(`{"title": "Small", "body": "` + para1 + `", "published": 2024}`), ContentType: "application/json"},
			n:  1, headline: "Small", date: "none"},
		{name: "json body in nested arrays",
			in: Input{Data: []byte(`{"title": "Nested", "body": [["` + para1 + `", "` + para2 + `"], ["The end."]]}`), ContentType: "application/json"},
			n:  1, headline: "Nested", paras: 3, has: "The end."},
		{name: "json body_html nested too deep for a tree",
			in: Input{Data: []byte(`{"title": "Deep", "body_html": "<p>` + para1 + `</p>` + strings.Repeat("<div>", 600) + `Last words.` + strings.Repeat("</div>", 600) + `"}`), ContentType: "application/json"},
			n:  1, headline: "Deep", paras: 2, has: "Last words.", lacks: []string{"<div>", "</div>", "<p>"}},
		{name: "page whose article is in noscript",
			in: Input{Data: []byte(`<!doctype html><html><head><title>App story</title><script>app()</script></head><body><div id="app"></div><noscript><h1>App story</h1><p>` + para1 + `</p><p>` + para2 + `</p></noscript></body></html>`), ContentType: "text/html"},
			n:  1, headline: "App story", paras: 2, has: "Pompeo", lacks: []string{"<p>", "<h1>"}},
		{name: "atom with a prefixed root and no content type",
			in: Input{Data: []byte(`<?xml version="1.0" encoding="utf-8"?><a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title><a:id>urn:p</a:id><a:link href="https://p.example.com/"/><a:entry><a:title>Prefixed</a:title><a:id>urn:p:1</a:id><a:link href="https://p.example.com/1"/><a:updated>2024-04-06T10:00:00Z</a:updated><a:content type="html">&lt;p&gt;` + para1 + `&lt;/p&gt;</a:content></a:entry></a:feed>`)},
			n:  1, headline: "Prefixed", date: "2024-04-06T10:00:00Z", has: "Pompeo"},
		{name: "atom xhtml content with prefixed elements",
			in: Input{Data: []byte(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="http://www.w3.org/1999/xhtml"><title>X</title><id>urn:x</id><link href="https://x.example.com/"/><entry><title>Xhtml</title><id>urn:x:1</id><link href="https://x.example.com/1"/><updated>2024-04-06T10:00:00Z</updated><content type="xhtml"><x:div><x:p>` + para1 + `</x:p><x:p>` + para2 + `</x:p></x:div></content></entry></feed>`)},
			n:  1, headline: "Xhtml", paras: 2},
		{name: "rss description escaped twice",
			in: Input{Data: []byte(rss + `<item><title>Twice</title><link>https://r.example.com/1</link><description>The plan&amp;nbsp;was sound &amp;amp; fair, &amp;#8220;the mayor said&amp;#8221; on Monday to the council.</description></item></channel></rss>`)},
			n:  1, headline: "Twice", has: "The plan was sound & fair, “the mayor said” on Monday", lacks: []string{"&nbsp;", "&amp;", "&#"}},
		{name: "rss html description escaped twice",
			in: Input{Data: []byte(rss + `<item><title>Twice html</title><link>https://r.example.com/2</link><description>&lt;p&gt;Caf&amp;amp;eacute; owners&amp;amp;nbsp;said AT&amp;amp;amp;T and R&amp;amp;D were &amp;amp;quot;late&amp;amp;quot; with the cables for the whole street.&lt;/p&gt;</description></item></channel></rss>`)},
			n:  1, headline: "Twice html", has: `Café owners said AT&T and R&D were "late"`, lacks: []string{"&nbsp;", "&amp;", "&quot;", "\u00a0"}},
		{name: "page whose meta charset lies",
			in: Input{Data: []byte("<html><head><meta charset=\"shift_jis\"><title>Caf\xe9 story</title></head><body><article><h1>Caf\xe9 owners protest</h1><p>" + para1 + " The caf\xe9 owners said so.</p><p>" + para2 + "</p></article></body></html>"), ContentType: "text/html"},
			n:  1, headline: "Café owners protest", has: "The café owners said so."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := p.Parse(context.Background(), tc.in)
			checkSkipped(t, err, tc.skipped)
			if len(arts) != tc.n {
				t.Fatalf("%d articles, want %d", len(arts), tc.n)
			}
			a := arts[tc.item]
			if a.Headline != tc.headline {
				t.Errorf("headline %q, want %q", a.Headline, tc.headline)
			}
			date := "none"
			if a.PublishedAt != nil {
				date = a.PublishedAt.Format(time.RFC3339)
			}
			if tc.date != "" && date != tc.date {
				t.Errorf("published_at %q, want %q", date, tc.date)
			}
			if n := strings.Count(a.Body, "\n\n") + 1; tc.paras != 0 && n != tc.paras {
				t.Errorf("%d paragraphs, want %d: %q", n, tc.paras, a.Body)
			}
			if !strings.Contains(a.Body, tc.has) {
				t.Errorf("body lacks %q: %q", tc.has, a.Body)
			}
			for _, s := range tc.lacks {
				if strings.Contains(a.Body, s) {
					t.Errorf("body has %q: %q", s, a.Body)
				}
			}
			if tc.byline != "" && a.Byline != tc.byline {
				t.Errorf("byline %q, want %q", a.Byline, tc.byline)
			}
			if tc.tags != nil && strings.Join(a.Tags, "|") != strings.Join(tc.tags, "|") {
				t.Errorf("tags %q, want %q", a.Tags, tc.tags)
			}
		})
	}
}

// TestDeclaredCharsetKeptForAStrayByte: a page read by its declared
// charset keeps it when one byte pair or byte is outside it (a vendor
// character in Shift_JIS, an undefined byte in windows-1251); only a
// declaration its bytes break throughout gives way to the Windows-1252
// repair (a reviewer found the Shift_JIS page refused and the Cyrillic one
// garbled once any one replacement character made the declaration a lie).
func TestDeclaredCharsetKeptForAStrayByte(t *testing.T) {
	p := newTestParser(t)
	enc := func(e *charmap.Charmap, s string) string {
		t.Helper()
		b, err := e.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	sjis := func(s string) string {
		t.Helper()
		b, err := japanese.ShiftJIS.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	jaBody := "東京都の会議で、新しい計画が発表されました。市民の多くはこの計画に賛成しています。"
	ruBody := "Президент выступил в парламенте во вторник и рассказал о новом плане для всей страны и её жителей."
	tests := []struct {
		name, page, has string
	}{
		{"shift_jis with one vendor character",
			"<html><head><meta charset=\"shift_jis\"><title>x</title></head><body><article><h1>" + sjis("会議") + "</h1><p>" + sjis(jaBody) + "\xf0\x40" + sjis(jaBody) + "</p><p>" + sjis(jaBody) + "</p></article></body></html>",
			"東京都の会議"},
		{"windows-1251 with one undefined byte",
			"<html><head><meta charset=\"windows-1251\"><title>x</title></head><body><article><h1>" + enc(charmap.Windows1251, "Новости") + "</h1><p>" + enc(charmap.Windows1251, ruBody) + " \x98 " + enc(charmap.Windows1251, ruBody) + "</p><p>" + enc(charmap.Windows1251, ruBody) + "</p></article></body></html>",
			"Президент выступил"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := p.Parse(context.Background(), Input{Data: []byte(tc.page), ContentType: "text/html"})
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if len(arts) != 1 || !strings.Contains(arts[0].Body, tc.has) {
				t.Errorf("body %q, want it to hold %q", cutRunes(arts[0].Body, 120), tc.has)
			}
		})
	}
}

// TestLeftoverReferencesWhole: only whole references are decoded in a
// text; a legacy entity's name at the start of another word ("&notit;")
// stays as written.
func TestLeftoverReferencesWhole(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"named", "caf&eacute; and&nbsp;bar", "café and\u00a0bar"},
		{"numeric", "&#8220;quoted&#8221;", "\u201cquoted\u201d"},
		{"semicolon itself", "a&semi;b", "a;b"},
		{"legacy entity's name opening another", "&notit; and &copyright; and &amplifier;", "&notit; and &copyright; and &amplifier;"},
		{"no semicolon", "AT&T and R&D", "AT&T and R&D"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := unescapeLeftover(tc.in); got != tc.want {
				t.Errorf("unescapeLeftover(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
