package parse

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"

	"github.com/newsflow/newsflow/pkg/article"
)

const para1 = "Secretary of State Mike Pompeo warned the Iraqi government on Sunday that the United States would close its embassy in Baghdad."
const para2 = "An official familiar with the matter told reporters that the warning came during a Saturday night phone call with Iraqi leaders."

func TestPlainTextShapes(t *testing.T) {
	p := newTestParser(t)
	cases := []struct {
		name                                         string
		text                                         string
		headline, sub, caption, byline, date, dateln string
		tags                                         []string
		bodyStart                                    string
		paras                                        int
	}{
		{
			name:     "byline and dateline, no subheadline",
			text:     "Embassy Warning Issued\n\nBy Jane Doe\nSeptember 28, 2020\n\n" + para1 + "\n\n" + para2,
			headline: "Embassy Warning Issued", byline: "Jane Doe", date: "2020-09-28", dateln: "September 28, 2020",
			bodyStart: "Secretary of State", paras: 2,
		},
		{
			name:     "caption then byline; title-case subheadline in its own block",
			text:     "Embassy Warning Issued\n\nPompeo Warns Iraqi Leaders Over Attacks On Troops\n\nSecretary of State Mike Pompeo\nBy Jane Doe\nSept. 28, 2020\n\n" + para1,
			headline: "Embassy Warning Issued", sub: "Pompeo Warns Iraqi Leaders Over Attacks On Troops", caption: "Secretary of State Mike Pompeo",
			byline: "Jane Doe", date: "2020-09-28", dateln: "Sept. 28, 2020", bodyStart: "Secretary of State", paras: 1,
		},
		{
			name:     "a lead-in ending with a colon is body, not a subheadline",
			text:     "Families Protest Swap\n\nMonday, July 1, 2019\n\nA lawyer for the families, Ana Diaz, was blunt:\n\n\"The state traded justice for a photograph.\"",
			headline: "Families Protest Swap", date: "2019-07-01", dateln: "Monday, July 1, 2019", bodyStart: "A lawyer for the families", paras: 2,
		},
		{
			name:     "first paragraph starting with a weekday is body, no date",
			text:     "Strike Kills Militia Leaders\n\nThursday, United States forces killed several militia leaders in a drone strike near Baghdad airport.\n\n" + para2,
			headline: "Strike Kills Militia Leaders", bodyStart: "Thursday, United States forces", paras: 2,
		},
		{
			name:     "weekday date with time and zone",
			text:     "Headline Here\n\nMonday, September 28, 2020 10:15 AM EST\n\n" + para1,
			headline: "Headline Here", date: "2020-09-28", dateln: "Monday, September 28, 2020 10:15 AM EST", bodyStart: "Secretary", paras: 1,
		},
		{
			name:     "day-month-year and labelled date",
			text:     "Headline Here\n\nPublished: 28 September 2020\n\n" + para1,
			headline: "Headline Here", date: "2020-09-28", dateln: "Published: 28 September 2020", bodyStart: "Secretary", paras: 1,
		},
		{
			name:     "AP dateline in the first paragraph",
			text:     "Headline Here\n\nWASHINGTON, Sept. 28, 2020 — " + para1 + "\n\n" + para2,
			headline: "Headline Here", date: "2020-09-28", dateln: "WASHINGTON, Sept. 28, 2020", bodyStart: "WASHINGTON, Sept. 28", paras: 2,
		},
		{
			name:      "a text with no title line keeps its lead paragraph",
			text:      "The council voted on Thursday to close the old gym after years of falling membership and rising repair bills. The building will be sold next year.\n\n" + para2,
			headline:  "The council voted on Thursday to close the old gym after years of falling membership and rising repair bills.",
			bodyStart: "The council voted on Thursday", paras: 2,
		},
		{
			name:      "a text of one paragraph on one line is body",
			text:      "Ferry services between the two islands resumed on Friday after a week of storms.\n",
			headline:  "Ferry services between the two islands resumed on Friday after a week of storms.",
			bodyStart: "Ferry services between", paras: 1,
		},
		{
			name:     "no date at all",
			text:     "Headline Here\n\n" + para1 + "\n\n" + para2,
			headline: "Headline Here", bodyStart: "Secretary", paras: 2,
		},
		{
			name:     "hard-wrapped paragraphs, CRLF, tags with semicolons",
			text:     "Headline Here\r\n\r\nSecretary of State Mike Pompeo warned the Iraqi\r\ngovernment on Sunday that the United States would\r\nclose its embassy.\r\n\r\nAn official told reporters about it.\r\n\r\nTags: Iraq; Iran; iraq",
			headline: "Headline Here", tags: []string{"Iraq", "Iran"}, bodyStart: "Secretary of State Mike Pompeo warned the Iraqi government on Sunday", paras: 2,
		},
		{
			name:     "one paragraph per line without blank lines",
			text:     "Headline Here\n\n" + para1 + "\n" + para2 + "\n" + para1,
			headline: "Headline Here", bodyStart: "Secretary", paras: 3,
		},
		{
			name:     "invisible characters and odd spaces",
			text:     "Head\u200bline  Here\u00a0\n\n\ufeffSecretary\u00a0of State   Mike\tPompeo warned\u00ad the Iraqi government on Sunday.\n\n\n\n" + para2,
			headline: "Headline Here", bodyStart: "Secretary of State Mike Pompeo warned the Iraqi", paras: 2,
		},
		{
			name:     "typographic hyphens become the hyphen names are written with",
			text:     "Jean\u2011Luc Roux Wins\n\nJean\u2011Luc Roux and Marie\u2010Anne Petit won the vote in the town on Monday, officials said.",
			headline: "Jean-Luc Roux Wins", bodyStart: "Jean-Luc Roux and Marie-Anne Petit won", paras: 1,
		},
		{
			name:     "NFD input becomes NFC",
			text:     "Cafe\u0301 Owners Protest\n\nThe cafe\u0301 owners of Gdan\u0301sk protested on Monday against the new rules for terraces.",
			headline: "Café Owners Protest", bodyStart: "The café owners of Gdańsk", paras: 1,
		},
		{
			name:     "legend lines and gallery captions leave the body",
			text:     "Headline Here\n\nTuesday, October 8, 2019\n\n██ Syrian Arab Republic\n\n██ Tahrir al-Sham\n\n" + para1 + "\n\nTrafalgar Square. Image: Mirrys.\n\n" + para2,
			headline: "Headline Here", date: "2019-10-08", dateln: "Tuesday, October 8, 2019", caption: "Trafalgar Square. Image: Mirrys.", bodyStart: "Secretary", paras: 2,
		},
		{
			name:     "pull-quote attribution joins its quote",
			text:     "Headline Here\n\n" + para1 + "\n\n\"We did everything we could.\"\n\n—Łukasz Szumowski\n\n" + para2,
			headline: "Headline Here", bodyStart: "Secretary", paras: 3,
		},
		{
			name:     "a signature on two lines joins its quote whole",
			text:     "Headline Here\n\n" + para1 + "\n\n\"We stand firm.\"\n\n—Volodymyr Zelensky\n\n—President of Ukraine\n\n" + para2,
			headline: "Headline Here", bodyStart: "Secretary", paras: 3,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := parseOne(t, p, Input{Data: []byte(tc.text)})
			if a.Headline != tc.headline || a.Subheadline != tc.sub || a.Caption != tc.caption || a.Byline != tc.byline {
				t.Errorf("headline %q sub %q caption %q byline %q\nwant     %q sub %q caption %q byline %q",
					a.Headline, a.Subheadline, a.Caption, a.Byline, tc.headline, tc.sub, tc.caption, tc.byline)
			}
			if pubDate(a) != tc.date || a.Dateline != tc.dateln {
				t.Errorf("published %q dateline %q, want %q %q", pubDate(a), a.Dateline, tc.date, tc.dateln)
			}
			if tc.tags == nil {
				tc.tags = []string{}
			}
			if !slices.Equal(a.Tags, tc.tags) {
				t.Errorf("tags = %q, want %q", a.Tags, tc.tags)
			}
			if !strings.HasPrefix(a.Body, tc.bodyStart) {
				t.Errorf("body = %q, want prefix %q", head(a.Body, 100), tc.bodyStart)
			}
			if n := strings.Count(a.Body, "\n\n") + 1; n != tc.paras {
				t.Errorf("paragraphs = %d, want %d: %q", n, tc.paras, a.Body)
			}
			checkBodyShape(t, a.Body)
		})
	}
}

func TestDates(t *testing.T) {
	p := newTestParser(t)
	est := time.FixedZone("EST", -5*3600)
	cases := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"September 28, 2020", time.Date(2020, 9, 28, 0, 0, 0, 0, time.UTC), true},
		{"Sept. 28, 2020", time.Date(2020, 9, 28, 0, 0, 0, 0, time.UTC), true},
		{"Sep 28, 2020", time.Date(2020, 9, 28, 0, 0, 0, 0, time.UTC), true},
		{"28 September 2020", time.Date(2020, 9, 28, 0, 0, 0, 0, time.UTC), true},
		{"Monday, September 28, 2020", time.Date(2020, 9, 28, 0, 0, 0, 0, time.UTC), true},
		{"Monday, September 28, 2020 10:15 AM EST", time.Date(2020, 9, 28, 10, 15, 0, 0, est), true},
		{"2020-09-28T10:15:00+02:00", time.Date(2020, 9, 28, 8, 15, 0, 0, time.UTC), true},
		{"2020-09-28T10:15:00", time.Date(2020, 9, 28, 10, 15, 0, 0, time.UTC), true},
		{"2020-09-28", time.Date(2020, 9, 28, 0, 0, 0, 0, time.UTC), true},
		{"Mon, 28 Sep 2020 10:15:00 +0000", time.Date(2020, 9, 28, 10, 15, 0, 0, time.UTC), true},
		{"Thursday", time.Time{}, false},
		{"Thursday, United States forces killed", time.Time{}, false},
		{"September 2020", time.Time{}, false},
		{"yesterday", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tc := range cases {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := p.dates.parse(tc.in)
			if ok != tc.ok || (ok && !got.Equal(tc.want)) {
				t.Fatalf("parse(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
			}
			if ok && got.Location() != time.UTC {
				t.Errorf("not UTC: %v", got)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	p := newTestParser(t)
	text := "Café Owners Protest in Gdańsk\n\nThe café owners said “no” to the new rules for terraces on Monday, officials said."
	latin, _ := charmap.Windows1252.NewEncoder().String(strings.ReplaceAll(text, "ń", "n"))
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	mixed := strings.Replace(text, "“no”", "\x93no\x94", 1) // UTF-8 with pasted Windows quotes
	feed := `<?xml version="1.0" encoding="%s"?><rss version="2.0"><channel><title>T</title><item><title>Café Owners Protest in Zürich</title>` +
		`<link>https://example.com/cafe</link><description>The café owners of Zürich said no to the new rules for terraces on Monday, officials said.</description></item></channel></rss>`
	latinFeed, _ := charmap.ISO8859_1.NewEncoder().String(fmt.Sprintf(feed, "ISO-8859-1"))
	utf16Feed, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(fmt.Sprintf(feed, "UTF-16"))
	cyrFeed, _ := charmap.Windows1251.NewEncoder().String(`<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>T</title><item><title>Кафе в Москве</title>` +
		`<link>https://example.com/kafe</link><description>Владельцы кафе в Москве в понедельник выступили против новых правил для летних веранд, сообщили чиновники.</description></item></channel></rss>`)
	page := func(meta, headline, body string) string {
		return `<!doctype html><html><head>` + meta + `<title>` + headline + `</title></head><body><article><h1>` + headline + `</h1><p>` + body + `</p><p>` + body + `</p></article></body></html>`
	}
	// (Japanese writes no spaces: three sentences a paragraph are words
	// enough for a page's text.)
	jaBody := "市長は月曜日に、川に架かる新しい橋が三月に開通すると述べた。市の職員も同じことを述べた。工事は去年始まった。"
	sjisPage, _ := japanese.ShiftJIS.NewEncoder().String(page(`<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`, "新しい橋が開通", jaBody))
	koiPage, _ := charmap.KOI8R.NewEncoder().String(page(`<meta charset="koi8-r">`, "Мэр открыл новый мост", "Мэр города заявил в понедельник, что новый мост через реку откроется для движения в марте."))
	// A head that opens with 1.5 KB of script before its charset.
	script := `<script>window.dataLayer = window.dataLayer || [];` + strings.Repeat(`dataLayer.push({"event": "pageview", "section": "news"});`, 30) + `</script>`
	lateCyr, _ := charmap.Windows1251.NewEncoder().String(page(script+`<meta charset="windows-1251">`, "Мэр открыл новый мост", "Мэр города заявил в понедельник, что новый мост через реку откроется для движения в марте."))
	lateHTTPEquiv, _ := charmap.Windows1251.NewEncoder().String(page(script+`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, "Мэр открыл новый мост", "Мэр города заявил в понедельник, что новый мост через реку откроется для движения в марте."))
	// (A viewport <meta> in the first 1024 bytes, as nearly every page has.)
	lateAfterViewport, _ := charmap.Windows1251.NewEncoder().String(page(`<meta name="viewport" content="width=device-width">`+script+`<meta charset="windows-1251">`, "Мэр открыл новый мост", "Мэр города заявил в понедельник, что новый мост через реку откроется для движения в марте."))
	cases := []struct {
		name, data, ct, headline, bodyHas string
	}{
		{"utf-8 page in Japanese", page(`<meta charset="utf-8">`, "新しい橋が開通", jaBody), "", "新しい橋が開通", "新しい橋が三月に開通"},
		{"Shift_JIS page declared in its meta http-equiv", sjisPage, "", "新しい橋が開通", "新しい橋が三月に開通"},
		{"koi8-r page declared only in its meta charset", koiPage, "", "Мэр открыл новый мост", "новый мост через реку"},
		{"windows-1251 page declared after 1024 bytes of script", lateCyr, "", "Мэр открыл новый мост", "новый мост через реку"},
		{"windows-1251 page declared in meta http-equiv after the script", lateHTTPEquiv, "", "Мэр открыл новый мост", "новый мост через реку"},
		{"windows-1251 page declared after a viewport meta and the script", lateAfterViewport, "", "Мэр открыл новый мост", "новый мост через реку"},
		{"windows-1252 repaired", latin, "", "Café Owners Protest in Gdansk", "said “no” to"},
		{"declared latin-1", latin, "text/plain; charset=windows-1252", "Café Owners Protest in Gdansk", "café owners"},
		{"utf-16 with BOM", utf16, "", "Café Owners Protest in Gdańsk", "said “no” to"},
		{"utf-8 with cp1252 quotes", mixed, "", "Café Owners Protest in Gdańsk", "said “no” to"},
		{"utf-8 BOM", "\ufeff" + text, "text/plain", "Café Owners Protest in Gdańsk", "café owners"},
		// A feed's XML declaration names its bytes' encoding, which the
		// XML reader would apply a second time to the decoded text.
		{"latin-1 feed that declares it", latinFeed, "", "Café Owners Protest in Zürich", "café owners"},
		{"latin-1 feed declared by its content type", latinFeed, "application/rss+xml; charset=iso-8859-1", "Café Owners Protest in Zürich", "café owners"},
		{"utf-16 feed with BOM that declares it", utf16Feed, "", "Café Owners Protest in Zürich", "café owners"},
		{"windows-1251 feed declared only in its XML declaration", cyrFeed, "", "Кафе в Москве", "кафе в Москве в понедельник"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := parseOne(t, p, Input{Data: []byte(tc.data), ContentType: tc.ct})
			if a.Headline != tc.headline || !strings.Contains(a.Body, tc.bodyHas) {
				t.Errorf("headline %q body %q", a.Headline, a.Body)
			}
		})
	}
}

func TestJSONShapes(t *testing.T) {
	p := newTestParser(t)
	body := para1 + "\n\n" + para2
	cases := []struct {
		name, data, ct, format string
		n                      int
		headline, byline, date string
		url                    string
		tags                   []string
	}{
		{"simple", `{"headline": "H1", "text": "` + para1 + `", "url": "https://ex.com/a?utm_source=x", "date": "Sept. 28, 2020", "author": {"name": "Jane Doe"}, "keywords": "Iraq, Iran"}`,
			"application/json", "json", 1, "H1", "Jane Doe", "2020-09-28", "https://ex.com/a?utm_source=x", []string{"Iraq", "Iran"}},
		{"array", `[{"title": "A", "body": "` + para1 + `"}, {"title": "B", "body": "` + para2 + `"}]`, "", "json", 2, "A", "", "", "", []string{}},
		{"json lines", "{\"title\": \"A\", \"body\": \"" + para1 + "\"}\n{\"title\": \"B\", \"body\": \"" + para2 + "\"}\n", "application/x-ndjson", "json", 2, "A", "", "", "", []string{}},
		{"wrapper and html body and paragraph array", `{"articles": [{"title": "A", "body": "<p>` + para1 + `</p><p>` + para2 + `</p>", "authors": ["Jane Doe", "John Roe"], "published": "2020-09-28T10:00:00Z"}, {"title": "B", "body": ["` + para1 + `", "` + para2 + `"]}]}`,
			"", "json", 2, "A", "Jane Doe, John Roe", "2020-09-28", "", []string{}},
		{"bad item skipped", `[{"title": "A", "body": "` + para1 + `"}, {"title": "no body"}]`, "", "json", 1, "A", "", "", "", []string{}},
		{"json lines with a value that is no object and an item without text", "{\"title\": \"A\", \"body\": \"" + para1 + "\"}\n42\n{\"title\": \"no body\"}\n", "application/x-ndjson", "json", 1, "A", "", "", "", []string{}},
		{"array with values that are no objects", `[{"title": "A", "body": "` + para1 + `"}, "oops", null]`, "", "json", 1, "A", "", "", "", []string{}},
		{"json lines with a line that is no JSON", "{\"title\": \"A\", \"body\": \"" + para1 + "\"}\nnot json at all\n{\"title\": \"B\", \"body\": \"" + para2 + "\"}\n", "application/x-ndjson", "json", 2, "A", "", "", "", []string{}},
		{"ninjs 2", `{"uri": "https://ex.com/n1", "type": "text", "versioncreated": "2020-09-28T12:00:00Z", "headlines": [{"role": "main", "value": "N1"}, {"role": "sub", "value": "Sub"}], "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>` + para1 + `</p>"}], "by": "Jane Doe", "subjects": [{"name": "Politics"}, {"name": "Iraq"}]}`,
			"application/json", "ninjs", 1, "N1", "Jane Doe", "2020-09-28", "https://ex.com/n1", []string{"Politics", "Iraq"}},
		{"ninjs 3 camelCase", `{"uri": "https://ex.com/n3", "versionCreated": "2020-09-28T23:30:00-04:00", "headlines": [{"value": "N3"}], "bodies": [{"contentType": "text/plain", "value": "` + para1 + `"}], "subjects": [{"name": "Iraq"}]}`,
			"application/ninjs+json", "ninjs", 1, "N3", "", "2020-09-29", "https://ex.com/n3", []string{"Iraq"}},
		{"ninjs 1 body_text", `{"uri": "urn:x:1", "type": "text", "headline": "N0", "body_text": "` + para1 + `", "versioncreated": "2020-09-28T00:00:00Z"}`,
			"", "ninjs", 1, "N0", "", "2020-09-28", "urn:x:1", []string{}},
	}
	_ = body
	// The items left out are named in an error beside the articles kept
	// (the ingest stage dead-letters the input with it).
	skipped := map[string]string{
		"bad item skipped":                       "1 item(s) left out, 1 processed: item 2: no_text",
		"json lines with a line that is no JSON": "1 item(s) left out, 2 processed: line 2: not JSON",
		"json lines with a value that is no object and an item without text": "2 item(s) left out, 1 processed: line 2: a number, not an article object; line 3: no_text",
		"array with values that are no objects":                              "2 item(s) left out, 1 processed: item 2: a string, not an article object; item 3: null, not an article object",
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := p.Parse(context.Background(), Input{Data: []byte(tc.data), ContentType: tc.ct})
			checkSkipped(t, err, skipped[tc.name])
			if len(arts) != tc.n {
				t.Fatalf("%d articles, want %d", len(arts), tc.n)
			}
			a := arts[0]
			if a.Headline != tc.headline || a.Byline != tc.byline || pubDate(a) != tc.date || a.URL != tc.url || a.Source.Format != tc.format {
				t.Errorf("got headline %q byline %q date %q url %q format %q", a.Headline, a.Byline, pubDate(a), a.URL, a.Source.Format)
			}
			if !slices.Equal(a.Tags, tc.tags) {
				t.Errorf("tags %q want %q", a.Tags, tc.tags)
			}
			for i, x := range arts {
				if x.Source.Item != i || x.Body == "" || x.Language != "en" {
					t.Errorf("item %d: source %+v lang %q body %q", i, x.Source, x.Language, head(x.Body, 40))
				}
				checkBodyShape(t, x.Body)
			}
			if arts[0].ID == "" || (len(arts) > 1 && arts[0].ID == arts[1].ID) {
				t.Errorf("ids not distinct")
			}
		})
	}
}

// TestBadJSONDocument: a pretty-printed document with a syntax error is
// refused as a whole, not read line by line.
func TestBadJSONDocument(t *testing.T) {
	p := newTestParser(t)
	doc := "[\n  {\"title\": \"A\", \"body\": \"" + para1 + "\"},\n  {\"title\": \"B\" \"body\": \"x\"}\n]\n"
	_, err := p.Parse(context.Background(), Input{Data: []byte(doc), ContentType: "application/json"})
	if !errors.Is(err, ErrBadJSON) {
		t.Fatalf("a bad document: %v, want ErrBadJSON", err)
	}
}

func TestFeeds(t *testing.T) {
	p := newTestParser(t)
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Example News</title><id>urn:x</id><updated>2020-09-28T00:00:00Z</updated>
<entry><title>Atom one</title><link href="https://ex.com/1"/><id>urn:1</id><published>2020-09-28T10:00:00Z</published><updated>2020-09-29T00:00:00Z</updated><author><name>Jane Doe</name></author><category term="Iraq"/><summary>Short summary.</summary><content type="html">&lt;p&gt;` + para1 + `&lt;/p&gt;&lt;p&gt;` + para2 + `&lt;/p&gt;</content></entry>
<entry><title>Atom two</title><link href="https://ex.com/2"/><id>urn:2</id><updated>2020-09-27T10:00:00Z</updated><summary>` + para2 + `</summary></entry></feed>`
	jf := `{"version": "https://jsonfeed.org/version/1.1", "title": "Example JSON", "items": [{"id": "1", "url": "https://ex.com/j1", "title": "JSON one", "content_html": "<p>` + para1 + `</p>", "date_published": "2020-09-28T10:00:00Z", "tags": ["Iraq"], "authors": [{"name": "Jane Doe"}]}]}`
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>RSS News</title><link>https://ex.com/</link><description>d</description><item><title>RSS one</title><link>https://ex.com/r1</link><description>` + para1 + `</description><pubDate>Mon, 28 Sep 2020 10:00:00 EST</pubDate></item><item><title>No text</title><link>https://ex.com/r2</link></item></channel></rss>`
	cases := []struct {
		name, data, ct, format string
		n                      int
		headline, url, date    string
		byline, desc           string
		paras                  int
	}{
		{"atom content over summary", atom, "", "atom", 2, "Atom one", "https://ex.com/1", "2020-09-28", "Jane Doe", "Short summary.", 2},
		{"json feed", jf, "application/feed+json", "jsonfeed", 1, "JSON one", "https://ex.com/j1", "2020-09-28", "Jane Doe", "", 1},
		{"rss summary only, empty item skipped", rss, "application/rss+xml", "rss", 1, "RSS one", "https://ex.com/r1", "2020-09-28", "", "", 1},
		{"rss by extension", rss, "", "rss", 1, "RSS one", "https://ex.com/r1", "2020-09-28", "", "", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := p.Parse(context.Background(), Input{Data: []byte(tc.data), ContentType: tc.ct, Name: "feed.xml"})
			want := ""
			if tc.format == "rss" {
				want = `item 2 ("No text"): no text`
			}
			checkSkipped(t, err, want)
			if len(arts) != tc.n {
				t.Fatalf("%d articles, want %d", len(arts), tc.n)
			}
			a := arts[0]
			if a.Headline != tc.headline || a.URL != tc.url || pubDate(a) != tc.date || a.Byline != tc.byline || a.Description != tc.desc || a.Source.Format != tc.format {
				t.Errorf("got %q %q %q byline %q desc %q format %q", a.Headline, a.URL, pubDate(a), a.Byline, a.Description, a.Source.Format)
			}
			if n := strings.Count(a.Body, "\n\n") + 1; n != tc.paras {
				t.Errorf("paragraphs %d want %d: %q", n, tc.paras, a.Body)
			}
		})
	}
}

func TestHTMLMetadata(t *testing.T) {
	p := newTestParser(t)
	page := `<!doctype html><html lang="en"><head><title>Embassy Warning | Example Times</title>
<meta property="og:site_name" content="Example Times"><meta name="description" content="Pompeo warns Iraqi leaders.">
<meta name="author" content="Jane Doe"><meta name="keywords" content="Iraq, Iran, Mike Pompeo">
<link rel="canonical" href="https://example.com/news/embassy-warning">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Embassy Warning", "datePublished": "Monday, September 28, 2020 10:15 AM EST"}</script>
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<main><article><h1>Embassy Warning</h1><figure><img src="p.jpg"><figcaption>Secretary of State Mike Pompeo</figcaption></figure>
<p>` + para1 + `</p><p>` + para2 + `</p><p>` + para1 + ` Again, for length.</p></article></main>
<footer>Copyright Example Times. All rights reserved. Contact us. Careers. Advertise.</footer></body></html>`
	a := parseOne(t, p, Input{Data: []byte(page), Name: "page.html"})
	want := map[string][2]string{
		"headline":  {a.Headline, "Embassy Warning"},
		"byline":    {a.Byline, "Jane Doe"},
		"site":      {a.SiteName, "Example Times"},
		"desc":      {a.Description, "Pompeo warns Iraqi leaders."},
		"url":       {a.URL, "https://example.com/news/embassy-warning"},
		"caption":   {a.Caption, "Secretary of State Mike Pompeo"},
		"published": {a.PublishedAt.UTC().Format(time.RFC3339), "2020-09-28T15:15:00Z"},
		"language":  {a.Language, "en"},
		"format":    {a.Source.Format, "html"},
	}
	for k, v := range want {
		if v[0] != v[1] {
			t.Errorf("%s = %q, want %q", k, v[0], v[1])
		}
	}
	if !slices.Equal(a.Tags, []string{"Iraq", "Iran", "Mike Pompeo"}) {
		t.Errorf("tags = %q", a.Tags)
	}
	if !strings.HasPrefix(a.Body, "Secretary of State") || strings.Contains(a.Body, "Copyright") || strings.Contains(a.Body, "Home") {
		t.Errorf("body = %q", a.Body)
	}
}

// TestBylineCleaned: a byline prefix left on the name goes, and a byline
// that is only a template's label is none.
func TestBylineCleaned(t *testing.T) {
	p := newTestParser(t)
	for _, tc := range []struct{ in, want string }{
		{"Jane Doe", "Jane Doe"},
		{"By Jane Doe", "Jane Doe"},
		{"Posted by Jane Doe", "Jane Doe"},
		{"Author: Jane Doe", "Jane Doe"},
		{"Posted on", ""},
		{"No Author", ""},
		{"Username", ""},
		{"Bylander Smith", "Bylander Smith"},
		{"Authority Staff", "Authority Staff"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			js := `{"headline": "H1", "author": "` + tc.in + `", "body": "` + para1 + `"}`
			a := parseOne(t, p, Input{Data: []byte(js), ContentType: "application/json"})
			if a.Byline != tc.want {
				t.Errorf("byline %q, want %q", a.Byline, tc.want)
			}
		})
	}
}

// TestOwnDataShapes: shapes of input a user brings: a JSON body field
// left empty before the filled one, a tag line with mixed separators, a
// plain-text article in a script written without spaces.
func TestOwnDataShapes(t *testing.T) {
	p := newTestParser(t)
	t.Run("empty body field before the text", func(t *testing.T) {
		for _, js := range []string{`{"title": "H1", "body": "", "text": "` + para1 + `"}`, `{"title": "H1", "text": "   ", "content": "` + para1 + `"}`} {
			a := parseOne(t, p, Input{Data: []byte(js), ContentType: "application/json"})
			if a.Body != para1 {
				t.Errorf("%s: body %q", js, a.Body)
			}
		}
	})
	t.Run("tag line with mixed separators", func(t *testing.T) {
		text := "Council approves budget\n\n" + para1 + "\n\nTags: Budget; Bergen | council, budget\n"
		a := parseOne(t, p, Input{Data: []byte(text), ContentType: "text/plain"})
		if !slices.Equal(a.Tags, []string{"Budget", "Bergen", "council"}) {
			t.Errorf("tags %q", a.Tags)
		}
	})
	t.Run("Chinese text paragraphs", func(t *testing.T) {
		first := "市长星期一说：“这个新计划将会大大改善全市居民的日常生活。”"
		text := "市政府宣布新的交通计划\n\n" + first + "\n\n该计划预计将在明年开始实施，总投资约为五十亿元人民币。\n"
		a := parseOne(t, p, Input{Data: []byte(text), ContentType: "text/plain"})
		if !strings.HasPrefix(a.Body, first) || a.Subheadline != "" {
			t.Errorf("subheadline %q, body %q: want the first paragraph in the body", a.Subheadline, a.Body)
		}
	})
}

// TestHTMLHeadlineNotASiteName: a lone <h1> that shares few words with the
// page's title is a site's, section's or widget's name, not the headline;
// an <h1> that is the title less the site's name is the headline.
func TestHTMLHeadlineNotASiteName(t *testing.T) {
	p := newTestParser(t)
	page := func(title, og, h1 string) string {
		return `<!doctype html><html lang="en"><head><title>` + title + `</title><meta property="og:title" content="` + og + `"></head><body>` +
			`<header>` + h1 + `</header><div class="story"><p>` + para1 + `</p><p>` + para2 + `</p><p>` + para1 + ` Again, for length.</p></div></body></html>`
	}
	for _, tc := range []struct{ name, title, og, h1, want string }{
		{"the site's name", "Senate approves later retirement age - POLITICO", "Senate approves later retirement age", "<h1>POLITICO</h1>", "Senate approves later retirement age"},
		{"a newsletter widget", "Voters back school bond in Travis County | KXAN", "Voters back school bond in Travis County", "<h1>KXAN Daily Forecast Newsletter</h1>", "Voters back school bond in Travis County"},
		{"the headline, the title with the site's name", "Ferry fares rise in March | Example Times", "", "<h1>Ferry fares rise in March</h1>", "Ferry fares rise in March"},
		{"the headline, a social title of other words but half shared", "Ferry fares rise in March", "Ferry fares climb again as the council votes", "<h1>Ferry fares rise in March</h1>", "Ferry fares rise in March"},
		{"the headline, the site's name the only title", "Springfield Gazette", "", "<h1>City council approves budget</h1>", "City council approves budget"},
		{"the headline, a title of no words", "—", "", "<h1>City council approves budget</h1>", "City council approves budget"},
		{"the headline, within a longer title", "Storm closes schools across the county as snow piles up on roads", "", "<h1>Storm closes schools</h1>", "Storm closes schools"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := parseOne(t, p, Input{Data: []byte(page(tc.title, tc.og, tc.h1)), Name: "page.html"})
			if a.Headline != tc.want {
				t.Errorf("headline %q, want %q", a.Headline, tc.want)
			}
		})
	}
}

// A page of two short paragraphs is what trafilatura's baseline garbles:
// it ran them together and repeated the page's text after them.
func TestShortHTMLPageKeepsItsParagraphs(t *testing.T) {
	p := newTestParser(t)
	page := `<html><head><title>Harbour fees</title></head><body><h1>Fishers protest harbour fees in Velmora</h1>` +
		`<p>Fishers blocked the harbour of Velmora on Monday morning.</p><p>"We cannot pay these fees," said Anna Lind.</p></body></html>`
	a := parseOne(t, p, Input{Data: []byte(page), Name: "short.html"})
	want := "Fishers blocked the harbour of Velmora on Monday morning.\n\n\"We cannot pay these fees,\" said Anna Lind."
	if a.Body != want {
		t.Errorf("body = %q, want %q", a.Body, want)
	}
	if a.Headline != "Fishers protest harbour fees in Velmora" {
		t.Errorf("headline = %q", a.Headline)
	}
}

func TestFormatChoice(t *testing.T) {
	cases := []struct {
		name, text, ct, file, want string
	}{
		{"content type wins over extension", "{}", "text/html", "a.json", "html"},
		{"extension when generic type", "<p>x</p>", "application/octet-stream", "a.html", "html"},
		{"sniff html", "  <!DOCTYPE html><html>", "", "", "html"},
		{"sniff rss", "<?xml version=\"1.0\"?><rss>", "", "", "feed"},
		{"sniff json", "[{\"a\":1}]", "", "", "json"},
		{"bracket text is text", "[Photo] Headline\n\nBody.", "", "", "text"},
		{"txt that is html", "<html><body><p>x</p></body></html>", "text/plain", "a.txt", "html"},
		{"json saved as html", "{\"title\": \"A\", \"body\": \"B\"}", "", "a.html", "json"},
		{"feed saved as html", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel></channel></rss>", "", "a.html", "feed"},
		{"json saved as txt", "[{\"title\": \"A\"}]", "text/plain", "a.txt", "json"},
		{"html page stays html", "<html><body><p>{x}</p></body></html>", "", "a.html", "html"},
		{"plain", "Headline\n\nBody.", "", "a.txt", "text"},
		{"markdown", "# Headline", "text/markdown", "", "markdown"},
		{"markdown by extension", "# Headline", "", "story.md", "markdown"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := chooseFormat(tc.text, tc.ct, tc.file)
			if err != nil || got != tc.want {
				t.Fatalf("chooseFormat = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

// TestTablesRefused: a CSV or TSV file is refused as unsupported, not read
// as one article headlined with its column names.
func TestTablesRefused(t *testing.T) {
	cases := []struct{ name, ct, file string }{
		{"csv by extension", "", "corpus.csv"},
		{"tsv by extension", "text/plain", "corpus.tsv"},
		{"csv by content type", "text/csv", "upload"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := chooseFormat("url,date,title,text\nhttps://x,2019-01-01,A,B\n", c.ct, c.file)
			if !errors.Is(err, ErrUnsupportedFormat) || !strings.Contains(err.Error(), "JSON Lines") {
				t.Fatalf("err = %v, want unsupported_format naming JSON Lines", err)
			}
		})
	}
}

func TestConcurrentParse(t *testing.T) {
	p := newTestParser(t)
	data := readShared(t, "gold/seed-article.txt")
	want := parseOne(t, p, Input{Data: data})
	done := make(chan string, 16)
	for range 16 {
		go func() {
			arts, err := p.Parse(context.Background(), Input{Data: data})
			if err != nil || len(arts) != 1 {
				done <- "error"
				return
			}
			done <- arts[0].ID + arts[0].Body
		}()
	}
	for range 16 {
		if got := <-done; got != want.ID+want.Body {
			t.Fatalf("concurrent parse differs")
		}
	}
}

// TestLinearTime guards against quadratic blow-ups on pasted pages: a 100
// times longer input of one repeated shape must take under 1000 times
// longer (a quadratic cost would take about 10000 times longer). The shapes
// are the ones that were quadratic: gallery fragments and credit captions
// (all moved to Caption) and pull-quote signature lines.
func TestLinearTime(t *testing.T) {
	p := newTestParser(t)
	shapes := []struct{ name, unit string }{
		{"short fragments", "ab\n\n"},
		{"credit captions", "x. Image: J.\n\n"},
		{"signature lines", "—A\n\n"},
	}
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			timeIt := func(n int) time.Duration {
				in := Input{Data: []byte("Headline\n\n" + para1 + "\n\n" + strings.Repeat(sh.unit, n)), ContentType: "text/plain"}
				best := time.Duration(1 << 62)
				for range 3 { // the best of three, so that a busy machine does not fail it
					start := time.Now()
					_, _ = p.Parse(context.Background(), in)
					best = min(best, time.Since(start))
				}
				return best
			}
			timeIt(10)
			small, big := max(timeIt(1000), time.Millisecond), timeIt(100000)
			if big > 1000*small {
				t.Fatalf("1000 units %v, 100000 units %v: worse than linear", small, big)
			}
			t.Logf("1000 units %v, 100000 units %v", small, big)
		})
	}
}

// TestFreeformDateBudget: one input buys at most maxFreeformDates
// go-dateparser calls; dates in the common layouts are not counted.
func TestFreeformDateBudget(t *testing.T) {
	p := newTestParser(t)
	n := 0
	item := func(date string) string {
		n++ // distinct titles: items of one id would be one article
		return `{"title":"Storm ` + strconv.Itoa(n) + `","body":"` + para1 + `","date":"` + date + `"}`
	}
	var items []string
	for range maxFreeformDates + 10 {
		items = append(items, item("Monday, September 28, 2020 10:15 AM EST")) // go-dateparser only
	}
	items = append(items, item("2020-09-28")) // a layout: always read
	arts, err := p.Parse(context.Background(), Input{Data: []byte("[" + strings.Join(items, ",") + "]"), ContentType: "application/json"})
	if err != nil {
		t.Fatal(err)
	}
	dated := 0
	for _, a := range arts[:len(arts)-1] {
		if a.PublishedAt != nil {
			dated++
		}
	}
	if dated != maxFreeformDates {
		t.Errorf("%d of %d free-form dates read, want the first %d", dated, len(arts)-1, maxFreeformDates)
	}
	if last := arts[len(arts)-1]; last.PublishedAt == nil {
		t.Error("a date in a common layout was not read after the budget ran out")
	}
	// The budget is per call: the next input reads its free-form date.
	a := parseOne(t, p, Input{Data: []byte(item("Monday, September 28, 2020 10:15 AM EST")), ContentType: "application/json"})
	if a.PublishedAt == nil {
		t.Error("the budget leaked into the next call")
	}
}

// TestURLCleaned: control characters and spaces never stay in a URL.
func TestURLCleaned(t *testing.T) {
	p := newTestParser(t)
	data := `{"title": "A", "body": "` + para1 + `", "url": " https://nul.example/a\u0000b\n$x.y "}`
	arts, err := p.Parse(context.Background(), Input{Data: []byte(data), ContentType: "application/json"})
	if err != nil {
		t.Fatal(err)
	}
	if got := arts[0].URL; got != "https://nul.example/ab$x.y" {
		t.Errorf("url %q", got)
	}
}

// TestFeedSameLinkTwice: two items with one link (a story and its
// correction) make one article, the newer, not two with one id of which
// the stream would silently keep the first.
func TestFeedSameLinkTwice(t *testing.T) {
	p := newTestParser(t)
	corrected := strings.Replace(para1, "on Sunday", "on Saturday", 1)
	// (An update that adds far more than it had: the same story.)
	expanded := corrected + " " + para2 + " " + strings.Repeat("Officials in Baghdad and Washington gave no further details on Monday evening. ", 3)
	item := func(title, date, text string) string {
		return `<item><title>` + title + `</title><link>https://feed.example/story/1</link><pubDate>` + date + `</pubDate><description>` + text + `</description></item>`
	}
	for _, tc := range []struct{ name, first, second string }{
		{"correction last", item("Bridge opens", "Mon, 28 Sep 2020 10:00:00 GMT", para1), item("Bridge opening delayed, correction", "Tue, 29 Sep 2020 10:00:00 GMT", corrected)},
		{"correction first", item("Bridge opening delayed, correction", "Tue, 29 Sep 2020 10:00:00 GMT", corrected), item("Bridge opens", "Mon, 28 Sep 2020 10:00:00 GMT", para1)},
		{"expanded update last", item("Bridge opens", "Mon, 28 Sep 2020 10:00:00 GMT", para1), item("Bridge opening delayed, correction", "Tue, 29 Sep 2020 10:00:00 GMT", expanded)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>N</title><link>https://feed.example/</link><description>d</description>` + tc.first + tc.second + `</channel></rss>`
			arts, err := p.Parse(context.Background(), Input{Data: []byte(rss), ContentType: "application/rss+xml"})
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 || arts[0].Headline != "Bridge opening delayed, correction" {
				t.Fatalf("%d articles, first %q; want the correction alone", len(arts), arts[0].Headline)
			}
		})
	}
}

// TestFeedTeaserKeepsTheArticle: a teaser under the article's link, dated
// alike, or either undated (no telling which is newer), is the same story;
// the article is kept, whichever comes first and whichever lacks the date.
func TestFeedTeaserKeepsTheArticle(t *testing.T) {
	p := newTestParser(t)
	teaser := "Secretary of State Mike Pompeo warned Iraqi leaders on Sunday."
	item := func(text string, dated bool) string {
		date := ""
		if dated {
			date = `<pubDate>Mon, 28 Sep 2020 10:00:00 GMT</pubDate>`
		}
		return `<item><title>Pompeo warns Iraq</title><link>https://feed.example/story/2</link>` + date + `<description>` + text + `</description></item>`
	}
	for _, tc := range []struct{ name, first, second string }{
		{"article first", item(para1, true), item(teaser, true)},
		{"teaser first", item(teaser, true), item(para1, true)},
		{"dated article first, undated teaser", item(para1, true), item(teaser, false)},
		{"undated teaser first, dated article", item(teaser, false), item(para1, true)},
		{"undated article first, dated teaser", item(para1, false), item(teaser, true)},
		{"dated teaser first, undated article", item(teaser, true), item(para1, false)},
		{"both undated, teaser first", item(teaser, false), item(para1, false)},
		{"both undated, article first", item(para1, false), item(teaser, false)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>N</title><link>https://feed.example/</link><description>d</description>` + tc.first + tc.second + `</channel></rss>`
			arts, err := p.Parse(context.Background(), Input{Data: []byte(rss), ContentType: "application/rss+xml"})
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 || arts[0].Body != para1 {
				t.Fatalf("%d articles, first body %q; want the article alone", len(arts), arts[0].Body)
			}
		})
	}
}

// guidFeed returns an RSS feed of one item with a guid and no link, its
// channel opening with head (title, link).
func guidFeed(head string) func(guid, title, text string) []byte {
	return func(guid, title, text string) []byte {
		return []byte(`<?xml version="1.0"?><rss version="2.0"><channel>` + head + `<description>d</description><item><title>` + title +
			`</title><guid isPermaLink="false">` + guid + `</guid><pubDate>Mon, 28 Sep 2020 10:00:00 GMT</pubDate><description>` + text + `</description></item></channel></rss>`)
	}
}

// oneItemID parses a feed of one item and returns the item's id.
func oneItemID(t *testing.T, p *Parser, data []byte) string {
	t.Helper()
	arts, err := p.Parse(context.Background(), Input{Data: data, ContentType: "application/rss+xml"})
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	return arts[0].ID
}

// TestFeedWithoutAddressItemIDs: two feeds with no link and one title,
// numbering their items alike, are two publishers: their items keep apart.
// A guid that names its item on its own (a URN, a tag URI, a UUID) still
// keeps the item's id through an edit.
func TestFeedWithoutAddressItemIDs(t *testing.T) {
	p := newTestParser(t)
	feed := guidFeed(`<title>Latest news</title>`)
	id := func(data []byte) string { t.Helper(); return oneItemID(t, p, data) }
	a := id(feed("1", "Town council approves budget", para1))
	b := id(feed("1", "Village fair cancelled", para2))
	if a == b {
		t.Errorf("two feeds' items numbered 1 share the id %s", a)
	}
	for _, guid := range []string{"urn:outlet:story:4711", "tag:outlet.example,2024:4711", "0f8fad5b-d9cb-469f-a165-70867728950e"} {
		first := id(feed(guid, "Pompeo warns Iraq", para1))
		if edited := id(feed(guid, "Pompeo warns Iraq (updated)", para1+" Update: the embassy stays open.")); edited != first {
			t.Errorf("guid %s: the edited item has id %s, the first %s: want one article", guid, edited, first)
		}
	}
}

// TestFeedGUIDWithoutLink: an item with no link keeps the id of its guid
// through an edit (its text would give each version another id); other
// guids are other articles.
func TestFeedGUIDWithoutLink(t *testing.T) {
	p := newTestParser(t)
	feed := guidFeed(`<title>N</title><link>https://feed.example/</link>`)
	id := func(data []byte) string { t.Helper(); return oneItemID(t, p, data) }
	first := id(feed("urn:outlet:story:4711", "Pompeo warns Iraq", para1))
	if edited := id(feed("urn:outlet:story:4711", "Pompeo warns Iraq (updated)", para1+" Update: the embassy stays open.")); edited != first {
		t.Errorf("the edited item has id %s, the first %s: want one article", edited, first)
	}
	if other := id(feed("urn:outlet:story:4712", "Pompeo warns Iraq", para1)); other == first {
		t.Errorf("another guid has the same id %s", other)
	}
}

// TestFeedPlainTextParagraphs: a feed item's content without markup (JSON
// Feed's content_text, Atom's type="text") keeps its paragraphs.
func TestFeedPlainTextParagraphs(t *testing.T) {
	p := newTestParser(t)
	text := para1 + "\n\n" + para2 + "\n\nCorrection: an earlier version gave the wrong day."
	js, err := json.Marshal(map[string]any{"version": "https://jsonfeed.org/version/1.1", "title": "N", "items": []any{map[string]any{
		"id": "1", "url": "https://feed.example/a/1", "title": "Pompeo warns Iraq", "content_text": text, "date_published": "2020-09-28T10:00:00Z"}}})
	if err != nil {
		t.Fatal(err)
	}
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>N</title><id>urn:n</id><updated>2020-09-28T10:00:00Z</updated><entry><title>Pompeo warns Iraq</title><id>urn:n:1</id><link href="https://feed.example/a/2"/><updated>2020-09-28T10:00:00Z</updated><content type="text">` + text + `</content></entry></feed>`
	for _, in := range []Input{{Data: js, ContentType: "application/feed+json"}, {Data: []byte(atom), ContentType: "application/atom+xml"}} {
		arts, err := p.Parse(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != 1 || len(article.Paragraphs(arts[0].Body)) != 3 {
			t.Errorf("%s: %d articles, body %q; want one of three paragraphs", in.ContentType, len(arts), arts[0].Body)
		}
	}
}

// TestFeedBriefsSharingALink: short briefs of one pattern under one link
// are two stories, both kept (the second with an id from its text), not a
// story and its correction.
func TestFeedBriefsSharingALink(t *testing.T) {
	p := newTestParser(t)
	item := func(title, text string) string {
		return `<item><title>` + title + `</title><link>https://briefs.example/police</link><pubDate>Fri, 04 Dec 2026 08:00:00 GMT</pubDate><description>` + text + `</description></item>`
	}
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Police briefs</title><link>https://briefs.example/</link><description>d</description>` +
		item("Man arrested in city centre", "Police said on Friday that a man was arrested in the city centre after a fight outside a bar on Main Street.") +
		item("Woman injured in city centre", "Police said on Friday that a woman was injured in the city centre after a crash outside a shop on Main Street.") +
		`</channel></rss>`
	arts, err := p.Parse(context.Background(), Input{Data: []byte(rss), ContentType: "application/rss+xml"})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].ID == arts[1].ID {
		t.Fatalf("%d articles, want two with their own ids: %+v", len(arts), arts)
	}
}

// checkSkipped checks Parse's error: nil when want is empty, else
// ErrSkippedItems (reason skipped_items) naming want.
func checkSkipped(t *testing.T, err error, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	if !errors.Is(err, ErrSkippedItems) || article.Reason(err) != ReasonSkippedItems || !strings.Contains(err.Error(), want) {
		t.Fatalf("err %v, want %s naming %q", err, ReasonSkippedItems, want)
	}
}

// TestItemsLeftOutNamed: the items left out are named by where they are,
// a run of bad lines once, and only the first few of many, so that no
// input makes an error (and a log line) of its own size.
func TestItemsLeftOutNamed(t *testing.T) {
	p := newTestParser(t)
	good := `{"title": "A", "body": "` + para1 + `"}`
	tests := []struct {
		name, data string
		want       string
		maxLen     int
	}{
		{"many values that are no objects", "[" + good + strings.Repeat(", 0", 1000) + "]",
			"1000 item(s) left out, 1 processed: item 2: a number, not an article object; item 3: a number, not an article object; item 4: a number, not an article object; item 5: a number, not an article object; item 6: a number, not an article object; and 995 more", 600},
		{"a pretty-printed object among JSON Lines", "{\n  \"title\": \"B\",\n  \"body\": \"x\"\n}\nnot json\n" + good + "\n",
			"1 item(s) left out, 1 processed: lines 1-5: not JSON", 300},
		{"an array on a line of JSON Lines", good + "\n" + `[{"title": "no body"}]` + "\n",
			"1 item(s) left out, 1 processed: line 2 item 1: no_text", 300},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := p.Parse(context.Background(), Input{Data: []byte(tc.data), ContentType: "application/json"})
			if len(arts) != 1 {
				t.Errorf("%d articles, want 1", len(arts))
			}
			if !errors.Is(err, ErrSkippedItems) || !strings.Contains(err.Error(), tc.want) || len(err.Error()) > tc.maxLen {
				t.Errorf("err (%d bytes) %v\nwant %s naming %q, at most %d bytes", len(fmt.Sprint(err)), err, ReasonSkippedItems, tc.want, tc.maxLen)
			}
		})
	}
}

func TestReadInPart(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"items left out", fail(ReasonSkippedItems, ErrSkippedItems, "line 2: not JSON"), true},
		{"over the item limit", fail(ReasonTooManyItems, ErrTooManyItems, ""), true},
		{"refused whole", fail(ReasonTooLarge, ErrTooLarge, ""), false},
		{"no error", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ReadInPart(tc.err); got != tc.want {
				t.Errorf("ReadInPart = %v, want %v", got, tc.want)
			}
			if got := ReasonReadInPart(article.Reason(tc.err)); tc.err != nil && got != tc.want {
				t.Errorf("ReasonReadInPart(%q) = %v, want %v", article.Reason(tc.err), got, tc.want)
			}
		})
	}
}

// TestFuturePublishedDateIgnored: a date more than a day and a half after
// ingestion is not kept, since the store lets the version published last
// win and a wrong year would lock the article against corrections; a few
// hours ahead (another time zone, an embargo) is kept.
func TestFuturePublishedDateIgnored(t *testing.T) {
	p := newTestParser(t)
	tests := []struct {
		name      string
		published time.Time
		kept      bool
	}{
		{"a typo in the year", fixedNow.AddDate(18, 0, 0), false},
		{"two days ahead", fixedNow.Add(48 * time.Hour), false},
		{"hours ahead", fixedNow.Add(10 * time.Hour), true},
		{"yesterday", fixedNow.Add(-24 * time.Hour), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := fmt.Sprintf(`{"url": "https://example.com/budget", "headline": "Council approves budget", "body": %q, "published": %q}`, para1, tc.published.Format(time.RFC3339))
			a := parseOne(t, p, Input{Data: []byte(in), ContentType: "application/json"})
			switch {
			case tc.kept && (a.PublishedAt == nil || !a.PublishedAt.Equal(tc.published)):
				t.Errorf("published = %v, want %v", a.PublishedAt, tc.published)
			case !tc.kept && a.PublishedAt != nil:
				t.Errorf("published = %v, want none", a.PublishedAt)
			}
		})
	}
}

// TestCanonicalLinkToSiteRoot: two stories of a site whose pages all name
// its home page as their canonical link keep ids of their own (they shared
// one, and the store kept only the last).
func TestCanonicalLinkToSiteRoot(t *testing.T) {
	p := newTestParser(t)
	page := func(h1, text string) string {
		return `<html><head><title>` + h1 + `</title><link rel="canonical" href="https://site.example/"></head><body><article><h1>` + h1 + `</h1><p>` + text + `</p><p>` + para1 + `</p></article></body></html>`
	}
	a := parseOne(t, p, Input{Data: []byte(page("Warehouse fire in Velmora", "A fire destroyed a warehouse in the port of Velmora on Monday night, the fire brigade said.")), Name: "c1.html"})
	b := parseOne(t, p, Input{Data: []byte(page("Council votes on harbour fees", "The council of Velmora voted on Tuesday to raise the harbour fees by a tenth, its chair said.")), Name: "c2.html"})
	if a.ID == b.ID {
		t.Errorf("two stories share the id %s", a.ID)
	}
}

// TestFeedItemsSharingALinkButNotAStory: a feed that gives two different
// stories one link (its home page's) keeps both, with ids of their own; it
// kept one and dropped the other with only a log line.
func TestFeedItemsSharingALinkButNotAStory(t *testing.T) {
	p := newTestParser(t)
	item := func(title, text string) string {
		return `<item><title>` + title + `</title><link>https://feed.example/news</link><description>` + text + `</description></item>`
	}
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>N</title><link>https://feed.example/</link><description>d</description>` +
		item("Warehouse fire in Velmora", "A fire destroyed a warehouse in the port of Velmora on Monday night, the fire brigade said.") +
		item("Council votes on harbour fees", "The council voted on Tuesday to raise the harbour fees by a tenth, its chair told reporters.") + `</channel></rss>`
	arts, err := p.Parse(context.Background(), Input{Data: []byte(rss), ContentType: "application/rss+xml"})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].ID == arts[1].ID {
		t.Fatalf("%d articles, want both stories with ids of their own: %+v", len(arts), arts)
	}
}

// TestURLSchemes: an article's url is a web address or a name; a script
// or data URL, which a subscriber rendering links would run, is dropped,
// and so are a password and format characters written into it.
func TestURLSchemes(t *testing.T) {
	p := newTestParser(t)
	for _, tc := range []struct{ name, url, want string }{
		{"web address", "https://example.com/a", "https://example.com/a"},
		{"script", "javascript:alert(1)", ""},
		{"script in capitals", "JavaScript:alert(1)", ""},
		{"data", "data:text/html;base64,PHNjcmlwdD4=", ""},
		{"urn", "urn:newsml:example.com:20240501:a1", "urn:newsml:example.com:20240501:a1"},
		{"relative path", "/news/a?x=1:2", "/news/a?x=1:2"},
		{"password in the address", "https://user:secret@example.com/story", "https://example.com/story"},
		{"right-to-left override", "https://example.com/\u202Egpj.exe", "https://example.com/gpj.exe"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := fmt.Sprintf(`{"url": %q, "headline": "Council approves budget", "body": %q}`, tc.url, para1)
			if a := parseOne(t, p, Input{Data: []byte(in), ContentType: "application/json"}); a.URL != tc.want {
				t.Errorf("url = %q, want %q", a.URL, tc.want)
			}
		})
	}
}

// TestListItemsStayApart: trafilatura's result names its elements without
// atoms, and its list items ran together ("Main Street.Lower Main Street").
func TestListItemsStayApart(t *testing.T) {
	p := newTestParser(t)
	page := `<html><head><title>Flood works</title></head><body><article><h1>County lists its flood works for Velmora</h1>` +
		`<p>` + para1 + `</p><p>` + para2 + `</p><p>The county named the projects it will fund this year:</p>` +
		`<ul><li>Culvert on Harbour Road: grade an earthen berm to reduce water on Main Street.</li> <li>Lower Main Street channel: remove the rear of six buildings.</li></ul>` +
		`<p>Work starts in May and ends before the autumn storms, the county's engineer said on Monday.</p></article></body></html>`
	a := parseOne(t, p, Input{Data: []byte(page), Name: "list.html"})
	if strings.Contains(a.Body, "Street.Lower") || !strings.Contains(a.Body, "Main Street.\n\nLower Main Street") {
		t.Errorf("list items run together or lost: %q", a.Body)
	}
}

// TestShortHTMLPageKeepsTrafilaturasCleanText: a short page that
// trafilatura reads cleanly keeps its text; readability's, with the byline
// and the newsletter box, is not taken.
func TestShortHTMLPageKeepsTrafilaturasCleanText(t *testing.T) {
	p := newTestParser(t)
	page := `<html><head><title>Harbour fees</title></head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>` +
		`<main><article><h1>Fishers protest harbour fees in Velmora</h1><p class="byline">By Ana Ruiz</p>` +
		`<p>Fishers blocked the harbour of Velmora on Monday morning, saying the new fees would ruin them.</p>` +
		`<p>"We cannot pay these fees," said Anna Lind, who has fished there for thirty years.</p>` +
		`<p>The council will meet on Thursday to discuss the fees, its chair said.</p></article></main>` +
		`<div class="newsletter"><p>Sign up for our newsletter to get the best stories of the day delivered to your inbox every morning, free of charge.</p></div>` +
		`<footer><p>Copyright Velmora Gazette. All rights reserved. Terms of use and privacy policy apply to this site.</p></footer></body></html>`
	a := parseOne(t, p, Input{Data: []byte(page), Name: "clean.html"})
	if strings.Contains(a.Body, "Sign up") || strings.Contains(a.Body, "By Ana Ruiz") || !strings.HasPrefix(a.Body, "Fishers blocked") || strings.Count(a.Body, "\n\n") != 2 {
		t.Errorf("body = %q", a.Body)
	}
}

// TestDecodePageCharset: a page's bytes are read in the encoding its
// <meta> names (a Shift_JIS page in http-equiv form; Parse itself reads no
// text from a page in a script without spaces, so decodeText is checked).
func TestDecodePageCharset(t *testing.T) {
	src := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>新しい橋が開通</title></head><body><p>市長は月曜日に述べた。</p></body></html>`
	data, err := japanese.ShiftJIS.NewEncoder().String(src)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeText([]byte(data), "")
	if err != nil {
		t.Fatalf("decodeText: %v", err)
	}
	if got != src {
		t.Errorf("decoded %q, want %q", got, src)
	}
}

// TestRelativeLinksResolved: a feed item's link relative to its site is
// made absolute against the channel's link, and a page's relative
// canonical link against its og:url or <base>; with no absolute base the
// link stays as written. (Unresolved, each correction of such an article
// became a new document.)
func TestRelativeLinksResolved(t *testing.T) {
	p := newTestParser(t)
	feed := func(channel, item string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour News</title><link>` + channel + `</link><description>x</description>` +
			`<item><title>Council approves budget</title><link>` + item + `</link><description>` + para1 + `</description></item></channel></rss>`
	}
	page := func(head string) string {
		return `<html><head><title>Council approves budget</title>` + head + `</head><body><article><h1>Council approves budget</h1><p>` + para1 + `</p><p>` + para2 + `</p></article></body></html>`
	}
	for _, tc := range []struct{ name, data, want string }{
		{"feed item path", feed("https://harbour.example.com/", "/news/2026/budget"), "https://harbour.example.com/news/2026/budget"},
		{"feed item relative to a section", feed("https://harbour.example.com/news/", "2026/budget"), "https://harbour.example.com/news/2026/budget"},
		{"feed item absolute", feed("https://harbour.example.com/", "https://other.example.org/budget"), "https://other.example.org/budget"},
		{"feed without a site link", feed("", "/news/2026/budget"), "/news/2026/budget"},
		{"page canonical against og:url", page(`<link rel="canonical" href="/news/budget"><meta property="og:url" content="https://harbour.example.com/news/budget?ref=home">`), "https://harbour.example.com/news/budget"},
		{"page canonical against base", page(`<base href="https://harbour.example.com/news/"><link rel="canonical" href="budget">`), "https://harbour.example.com/news/budget"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if a := parseOne(t, p, Input{Data: []byte(tc.data)}); a.URL != tc.want {
				t.Errorf("url = %q, want %q", a.URL, tc.want)
			}
		})
	}
}
