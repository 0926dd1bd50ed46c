package parse

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/newsflow/newsflow/pkg/article"
)

// longBody is a text of some 1300 bytes, so that a NUL put after it is
// past the 512 bytes the content sniffer reads.
var longBody = strings.Repeat(para1+" "+para2+"\n\n", 5)

// TestStrayControlBytes: a text with a stray NUL or other control byte is
// an article without them; it was refused whole as binary, "detected
// text/plain".
func TestStrayControlBytes(t *testing.T) {
	p := newTestParser(t)
	latin, _ := charmap.Windows1252.NewEncoder().String("Café owners protest\n\nThe café owners said “no” to the new rules.\x00 " + para1)
	tests := []struct {
		name, data, ct, headline, bodyHas string
	}{
		{"a NUL past the sniffer's 512 bytes", "Embassy warning issued\n\n" + longBody + "The embassy\x00 stays open for now.", "",
			"Embassy warning issued", "The embassy stays open for now."},
		{"a NUL in the headline", "Embassy\x00 warning issued\n\n" + para1, "", "Embassy warning issued", para1},
		{"a NUL in a short text", "Embassy warning issued\n\nSecretary\x00 of State Mike Pompeo warned the Iraqi government on Sunday.", "",
			"Embassy warning issued", "Secretary of State Mike Pompeo warned"},
		{"other control bytes", "Embassy warning issued\n\n" + strings.Replace(para1, "Pompeo", "Pompeo\x01\x1b", 1) + "\n\n" + para2, "",
			"Embassy warning issued", "Mike Pompeo warned"},
		{"a NUL in Windows-1252 text", latin, "", "Café owners protest", "said “no” to"},
		{"a NUL in a feed, which XML refuses", `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item><title>Embassy warning</title><description>` +
			para1 + "\x00" + `</description></item></channel></rss>`, "", "Embassy warning", para1},
		{"a NUL in JSON, which JSON refuses", `{"headline": "Embassy warning", "body": "` + para1 + "\x00" + `"}`, "application/json", "Embassy warning", para1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := parseOne(t, p, Input{Data: []byte(tc.data), ContentType: tc.ct})
			if a.Headline != tc.headline || !strings.Contains(a.Body, tc.bodyHas) {
				t.Errorf("headline %q, body %q; want %q, a body with %q", a.Headline, head(a.Body, 80), tc.headline, tc.bodyHas)
			}
			for _, s := range []string{a.Headline, a.Body} {
				if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' }) {
					t.Errorf("control character kept: %q", s)
				}
			}
		})
	}
}

// TestBinaryStillRefused: binary data is refused as binary with evidence
// that is not a text content type.
func TestBinaryStillRefused(t *testing.T) {
	p := newTestParser(t)
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String("Embassy warning issued\n\n" + longBody)
	nulEvery10 := []byte("Embassy warning issued\n\n" + longBody)
	for i := 9; i < len(nulEvery10); i += 10 {
		nulEvery10[i] = 0
	}
	tests := []struct {
		name, data, want string
	}{
		{"random bytes", string(random), "control characters"},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + string(make([]byte, 64)), "file signature of image/png"},
		{"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + longBody, "file signature of application/pdf"},
		{"zip", "PK\x03\x04\x14\x00\x00\x00\x08\x00" + longBody, "file signature of application/zip"},
		{"a NUL in every ten bytes", string(nulEvery10), "control characters"},
		{"utf-16 without a BOM", utf16, "UTF-16 without a byte-order mark"},
		// (Past the first 8 KiB, which binaryEvidence reads: checkText
		// counts the whole decoded text.)
		{"control bytes past the first 8 KiB", strings.Repeat(para1+"\n", 70) + strings.Repeat("ab\x00\x01\x02", 3000), "characters are control characters"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := p.Parse(context.Background(), Input{Data: []byte(tc.data), Name: "a.txt"})
			if !errors.Is(err, ErrBinary) || article.Reason(err) != ReasonBinary {
				t.Fatalf("%d articles, err %v; want %s", len(arts), err, ReasonBinary)
			}
			if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "text/") {
				t.Errorf("err %q: want evidence %q, and no text content type", err, tc.want)
			}
		})
	}
}

// TestHeadlineLimit: a headline over 1000 characters (once its whitespace
// is collapsed) is refused as too_large, or its item left out of a feed or
// a JSON array while the others go on; it was stored and printed whole.
func TestHeadlineLimit(t *testing.T) {
	p := newTestParser(t)
	long := strings.Repeat("H", 100000)
	wordy := strings.TrimSpace(strings.Repeat("Bridge ", 143)) // 1000 characters
	jsonItem := func(h string) string { return fmt.Sprintf(`{"headline": %q, "body": %q}`, h, para1) }
	rssItem := func(h string) string {
		return `<item><title>` + h + `</title><description>` + para1 + `</description></item>`
	}
	rss := func(items ...string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>` + strings.Join(items, "") + `</channel></rss>`
	}
	page := `<html><head><title>T</title></head><body><article><h1>` + strings.Repeat("Word ", 300) + `</h1><p>` + para1 + `</p><p>` + para2 + `</p></article></body></html>`
	tests := []struct {
		name, data string
		articles   int    // articles that go on
		reason     string // of the error, "" for none
		errHas     string
	}{
		{"a JSON object", jsonItem(long), 0, ReasonTooLarge, "headline of 100000 characters is over the limit of 1000"},
		{"1000 characters", jsonItem(wordy), 1, "", ""},
		{"1001 characters", jsonItem(wordy + "s"), 0, ReasonTooLarge, "headline of 1001 characters"},
		{"1000 characters once its spaces collapse", jsonItem(strings.ReplaceAll(wordy, " ", " \n\t ")), 1, "", ""},
		{"a text's first line", strings.Repeat("word ", 300) + "\n\n" + para1, 0, ReasonTooLarge, "headline of 1499 characters"},
		{"an HTML page's h1", page, 0, ReasonTooLarge, "over the limit of 1000"},
		{"one item of a JSON array", "[" + jsonItem(long) + ", " + jsonItem("Embassy warning") + "]", 1, ReasonSkippedItems, "item 1: too_large"},
		{"one item of a feed", rss(rssItem(long), rssItem("Embassy warning")), 1, ReasonSkippedItems, "headline of 100000 characters"},
		{"the one item of a feed", rss(rssItem(long)), 0, ReasonTooLarge, "headline of 100000 characters"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := p.Parse(context.Background(), Input{Data: []byte(tc.data)})
			if len(arts) != tc.articles {
				t.Errorf("%d articles, want %d", len(arts), tc.articles)
			}
			for _, a := range arts {
				if n := len([]rune(a.Headline)); n > 1000 {
					t.Errorf("headline of %d characters kept", n)
				}
			}
			switch {
			case tc.reason == "" && err != nil:
				t.Errorf("err %v, want none", err)
			case tc.reason != "" && (article.Reason(err) != tc.reason || !strings.Contains(fmt.Sprint(err), tc.errHas)):
				t.Errorf("err %v; want %s naming %q", err, tc.reason, tc.errHas)
			}
		})
	}
}

// TestJSONWrongTypes: a headline or body of a type no text is read from is
// named as such, an object or a list as a number is; an object headline
// was "no headline".
func TestJSONWrongTypes(t *testing.T) {
	p := newTestParser(t)
	tests := []struct {
		name, data, want string
	}{
		{"number headline", `{"headline": 12345, "body": "` + para1 + `"}`, `"headline" is a number, not text`},
		{"object headline", `{"headline": {"en": "Nested"}, "body": "` + para1 + `"}`, `"headline" is an object, not text`},
		{"list headline", `{"headline": ["Nested"], "body": "` + para1 + `"}`, `"headline" is a list, not text`},
		{"object title", `{"title": {"en": "Nested"}, "body": "` + para1 + `"}`, `"title" is an object, not text`},
		{"object body", `{"headline": "Embassy warning", "body": {"en": "` + para1 + `"}}`, `"body" is an object, not text`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := p.Parse(context.Background(), Input{Data: []byte(tc.data), ContentType: "application/json"})
			if !errors.Is(err, ErrBadJSON) || article.Reason(err) != ReasonBadJSON || !strings.Contains(fmt.Sprint(err), tc.want) {
				t.Errorf("err %v; want %s naming %q", err, ReasonBadJSON, tc.want)
			}
		})
	}
	// (Still read: an object of a shape text is taken from.)
	a := parseOne(t, p, Input{Data: []byte(`{"headline": {"value": "Embassy warning"}, "body": {"text": "` + para1 + `"}}`), ContentType: "application/json"})
	if a.Headline != "Embassy warning" || a.Body != para1 {
		t.Errorf("headline %q body %q", a.Headline, a.Body)
	}
}

// syncBuffer is a log sink safe for the parser's concurrent use.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// take returns what was logged and empties the buffer.
func (b *syncBuffer) take() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.buf.String()
	b.buf.Reset()
	return s
}

// TestIgnoredFieldsWarned: a date or URL field the article goes on
// without is warned of in the log, naming the field; both were dropped
// without a word.
func TestIgnoredFieldsWarned(t *testing.T) {
	var logs syncBuffer
	p, err := New(Config{}, WithClock(func() time.Time { return fixedNow }), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	if err != nil {
		t.Fatal(err)
	}
	const good = `"headline": "Embassy warning", "body": "` + para1 + `"`
	tests := []struct {
		name, data string
		date, url  bool     // kept
		warns      []string // in the log; none when empty
	}{
		{"fine fields", `{` + good + `, "published_at": "2024-04-30T10:00:00Z", "url": "https://example.com/a"}`, true, true, nil},
		{"unreadable date", `{` + good + `, "published_at": "yesterday-ish"}`, false, false,
			[]string{`msg="JSON date field ignored: not a date" field=published_at value=yesterday-ish headline="Embassy warning"`}},
		{"date of the wrong type", `{` + good + `, "published": true}`, false, false,
			[]string{`field=published value="true or false"`}},
		{"unreadable date before a readable one", `{` + good + `, "published": "soon", "updated": "2024-04-30"}`, true, false,
			[]string{`field=published value=soon`}},
		{"script url", `{` + good + `, "url": "javascript:alert(1)"}`, false, false,
			[]string{`msg="url ignored: not a web address`, `url=javascript:alert(1)`}},
		{"url of the wrong type", `{` + good + `, "url": 42}`, false, false,
			[]string{`msg="JSON url field ignored: not text" field=url value="a number"`}},
		{"script canonical link of a page", `<html><head><title>Embassy warning</title><link rel="canonical" href="javascript:alert(1)"></head><body><article><h1>Embassy warning</h1><p>` +
			para1 + `</p><p>` + para2 + `</p></article></body></html>`, false, false, []string{`url=javascript:alert(1)`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			logs.take()
			a := parseOne(t, p, Input{Data: []byte(tc.data)})
			if (a.PublishedAt != nil) != tc.date || (a.URL != "") != tc.url {
				t.Errorf("published %v url %q; want date %v url %v", a.PublishedAt, a.URL, tc.date, tc.url)
			}
			got := logs.take()
			for _, w := range tc.warns {
				if !strings.Contains(got, w) {
					t.Errorf("log does not warn %q:\n%s", w, got)
				}
			}
			if len(tc.warns) == 0 && got != "" {
				t.Errorf("warned of good fields:\n%s", got)
			}
		})
	}
}
