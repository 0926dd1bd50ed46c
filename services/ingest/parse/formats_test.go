package parse

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
)

// The corpus rendered in each format (fixtures built here from the CSV,
// not committed): each must give the headline and date of the CSV and a
// body overlapping the plain-text body by at least 95%.

type rendered struct {
	in      Input
	format  string
	isFeed  bool
	perItem bool
}

func renderHTML(r corpusRow, paras []string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>%s - Wikinews, the free news source</title>
<meta property="og:title" content="%s">
<meta property="og:site_name" content="Wikinews">
<meta property="article:published_time" content="%sT00:00:00Z">
<link rel="canonical" href="%s">
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience on our site. By continuing to browse you agree to our use of cookies.</p><button>Accept</button></div>
<header class="site-header"><nav><ul><li><a href="/">Main page</a></li><li><a href="/politics">Politics</a></li><li><a href="/science">Science</a></li><li><a href="/sports">Sports</a></li><li><a href="/about">About Wikinews</a></li></ul></nav></header>
<main><article><header><h1>%s</h1><p class="dateline"><time datetime="%s">%s</time></p></header>
`, html.EscapeString(r.title), html.EscapeString(r.title), r.date, html.EscapeString(r.url), html.EscapeString(r.title), r.date, r.date)
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
	}
	b.WriteString(`</article>
<aside class="related"><h2>Related news</h2><ul><li><a href="/a">Earlier story on the same subject from last year</a></li><li><a href="/b">Another related story that readers also viewed</a></li></ul></aside></main>
<footer><p>All text published on Wikinews is available under the Creative Commons Attribution 2.5 License.</p><ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>
</body></html>`)
	return []byte(b.String())
}

func renderJSON(r corpusRow, body string) []byte {
	b, _ := json.Marshal(map[string]any{"title": r.title, "body": body, "url": r.url, "published": r.date, "author": "Wikinews", "tags": []string{"wikinews"}})
	return b
}

func renderNinjs(r corpusRow, body string) []byte {
	b, _ := json.Marshal(map[string]any{
		"$schema":        "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json",
		"uri":            r.url,
		"type":           "text",
		"versioncreated": r.date + "T00:00:00Z",
		"headlines":      []map[string]string{{"role": "main", "value": r.title}},
		"bodies":         []map[string]string{{"role": "main", "contenttype": "text/plain", "value": body}},
		"by":             "Wikinews",
		"subjects":       []map[string]string{{"name": "News", "uri": "http://cv.iptc.org/newscodes/mediatopic/20000763"}},
	})
	return b
}

func renderRSS(rows []corpusRow, bodies []string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wikinews</title><link>https://en.wikinews.org/</link><description>Wikinews 2019</description>`)
	for i, r := range rows {
		d, _ := time.Parse("2006-01-02", r.date)
		var html_ strings.Builder
		for _, p := range strings.Split(bodies[i], "\n\n") {
			html_.WriteString("<p>" + html.EscapeString(p) + "</p>")
		}
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description>%s</description><content:encoded><![CDATA[%s]]></content:encoded></item>",
			html.EscapeString(r.title), html.EscapeString(r.url), d.Format(time.RFC1123Z), html.EscapeString(headSample(bodies[i], 200)), html_.String())
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// overlap is the share of the words of want that got appears to hold (as
// a multiset), in [0, 1].
func overlap(want, got string) float64 {
	counts := map[string]int{}
	for _, w := range strings.Fields(got) {
		counts[w]++
	}
	n, hit := 0, 0
	for _, w := range strings.Fields(want) {
		n++
		if counts[w] > 0 {
			counts[w]--
			hit++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(hit) / float64(n)
}

func TestCorpusFormats(t *testing.T) {
	p := newTestParser(t)
	rows := readCorpus(t)
	if testing.Short() {
		rows = rows[:20]
	}
	plain := make([]article.Article, len(rows))
	for i, r := range rows {
		plain[i] = parseOne(t, p, Input{Data: []byte(r.title + "\n\n" + r.text)})
	}
	check := func(t *testing.T, r corpusRow, want, got article.Article, format string) {
		t.Helper()
		if got.Headline != r.title {
			t.Errorf("headline = %q, want %q", got.Headline, r.title)
		}
		if pubDate(got) != r.date {
			t.Errorf("published = %q, want %q", pubDate(got), r.date)
		}
		if ov := overlap(want.Body, got.Body); ov < 0.95 {
			t.Errorf("body overlap %.3f < 0.95\nplain: %q\ngot:   %q", ov, head(want.Body, 200), head(got.Body, 200))
		}
		if ov := overlap(got.Body, want.Body); ov < 0.95 {
			t.Errorf("extra text in body: overlap %.3f < 0.95\ngot: %q", ov, tail(got.Body, 300))
		}
		if got.Source.Format != format {
			t.Errorf("format = %q, want %q", got.Source.Format, format)
		}
		checkBodyShape(t, got.Body)
	}
	for _, tc := range []struct {
		name, contentType, format string
		render                    func(corpusRow, article.Article) []byte
	}{
		{"html", "text/html; charset=utf-8", "html", func(r corpusRow, a article.Article) []byte {
			return renderHTML(r, strings.Split(a.Body, "\n\n"))
		}},
		{"json", "application/json", "json", func(r corpusRow, a article.Article) []byte { return renderJSON(r, a.Body) }},
		{"ninjs", "application/json", "ninjs", func(r corpusRow, a article.Article) []byte { return renderNinjs(r, a.Body) }},
		{"html-sniffed", "", "html", func(r corpusRow, a article.Article) []byte {
			return renderHTML(r, strings.Split(a.Body, "\n\n"))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pass := 0
			for i, r := range rows {
				if t.Run(fmt.Sprintf("row%03d", i), func(t *testing.T) {
					got := parseOne(t, p, Input{Data: tc.render(r, plain[i]), ContentType: tc.contentType})
					check(t, r, plain[i], got, tc.format)
					if tc.format != "html" && got.URL != r.url {
						t.Errorf("url = %q, want %q", got.URL, r.url)
					}
				}) {
					pass++
				}
			}
			t.Logf("%s: %d/%d pass", tc.name, pass, len(rows))
		})
	}
	t.Run("rss", func(t *testing.T) {
		bodies := make([]string, len(rows))
		for i := range rows {
			bodies[i] = plain[i].Body
		}
		arts, err := p.Parse(context.Background(), Input{Data: renderRSS(rows, bodies), ContentType: "application/rss+xml"})
		if err != nil {
			t.Fatal(err)
		}
		if len(arts) != len(rows) {
			t.Fatalf("%d articles, want %d", len(arts), len(rows))
		}
		for i, r := range rows {
			t.Run(fmt.Sprintf("row%03d", i), func(t *testing.T) {
				check(t, r, plain[i], arts[i], "rss")
				if arts[i].Source.Item != i || arts[i].URL != r.url || arts[i].SiteName != "Wikinews" {
					t.Errorf("item %d url %q site %q", arts[i].Source.Item, arts[i].URL, arts[i].SiteName)
				}
			})
		}
	})
}
