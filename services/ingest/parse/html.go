package parse

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/newsflow/newsflow/pkg/article"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minBodyWords is the least text an HTML page must yield to count as an
// article; less is a page of chrome (a login wall, an index page).
const minBodyWords = 12

// shortBodyRunes is the length under which trafilatura's text may be its
// baseline extraction, which garbles short pages (parseHTML).
const shortBodyRunes = 500

// maxFallbackBytes is the page size up to which trafilatura also runs its
// fallback extractors: real article pages are far smaller, and a crafted
// page of tags made the comparison take seconds.
const maxFallbackBytes = 256 << 10

// maxHTMLWork bounds elements × text bytes of a page (see parseHTML).
const maxHTMLWork = 4_000_000_000

// elementsAndText counts the element nodes of doc and the bytes of its text.
func elementsAndText(doc *html.Node) (elements, text int) {
	for n := range doc.Descendants() {
		switch n.Type {
		case html.ElementNode:
			elements++
		case html.TextNode:
			text += len(n.Data)
		}
	}
	return elements, text
}

// parseHTML reads a page: one article, or one per story when the page
// holds several full stories (see fullStories).
func (p *Parser) parseHTML(text string) ([]draft, error) {
	doc, err := parsePage(text)
	if err != nil {
		return nil, err
	}
	// trafilatura joins an element's text to what it has extracted so far
	// one element at a time, which costs the elements times the text: a
	// crafted page of 200,000 one-letter paragraphs (1.6 MB, under the
	// size limit) held a worker for minutes. Above this work no news page
	// goes (15,000 elements and 200 KB of text is 3e9).
	if n, t := elementsAndText(doc); n*t > maxHTMLWork {
		return nil, fail(ReasonTooLarge, ErrTooLarge, fmt.Sprintf("page too complex to read: %d elements around %d bytes of text", n, t))
	}
	stories, articles := fullStories(doc)
	if len(stories) >= 2 && len(stories) == articles {
		return p.storyDrafts(doc, stories)
	}
	if len(stories) >= 2 {
		// (Among teasers, forms or widgets in <article>s: one story is
		// read, as trafilatura chooses it; not silently.)
		p.log.Warn("html: page has several <article> stories among other <article> elements; only the main text is read",
			"articles", articles, "full_stories", len(stories))
	}
	d, err := p.parseHTMLPage(doc, text)
	if err != nil {
		return nil, err
	}
	return []draft{d}, nil
}

// parseHTMLPage extracts the main text and metadata of a page (doc,
// parsed from text) with go-trafilatura (which itself compares its
// result with readability and DOM-distiller), falling back to readeck's
// go-readability when trafilatura finds too little.
func (p *Parser) parseHTMLPage(doc *html.Node, text string) (draft, error) {
	var d draft
	m := scanPage(doc)

	var meta trafilatura.Metadata
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		// trafilatura's comparison with its fallback extractors costs
		// more than linear time; above maxFallbackBytes a page keeps
		// trafilatura's own result (and readability below if that is thin).
		EnableFallback:  len(text) <= maxFallbackBytes,
		ExcludeComments: true,
		ExcludeTables:   false,
		HtmlDateMode:    trafilatura.Fast,
		OriginalURL:     pageURL(m.canonical),
	})
	if err == nil && res != nil {
		meta = res.Metadata
		d.body = nodeText(res.ContentNode)
	}
	// A short result may be trafilatura's baseline, which for a page of a
	// few paragraphs runs them together and repeats the page's text after
	// them ("...the city.\"We cannot pay,\" said X.Cafe owners protest...");
	// below shortBodyRunes readability's text is taken when it shows that
	// fault: more paragraphs from no more words (not when it adds a byline
	// or a newsletter box trafilatura rightly left out).
	if short := utf8.RuneCountInString(d.body) < shortBodyRunes; short || wordCount(d.body) < minBodyWords {
		// trafilatura prunes and rewrites the tree it is given, so
		// readability reads a fresh one.
		fresh, ferr := parsePage(text)
		if ferr != nil {
			return d, ferr
		}
		ps := readability.NewParser()
		art, rerr := ps.ParseDocument(fresh, pageURL(m.canonical))
		if rerr == nil && art.Node != nil {
			b := nodeText(art.Node)
			nb, nd := wordCount(b), wordCount(d.body)
			garbled := short && nb >= minBodyWords && nb <= nd && strings.Count(b, "\n\n") > strings.Count(d.body, "\n\n")
			if garbled || nd < minBodyWords && nb > nd {
				d.body = b
				p.log.Debug("html: readability used for a short page")
			}
			if meta.Title == "" {
				meta.Title = art.Title()
			}
			if meta.Author == "" {
				meta.Author = art.Byline()
			}
		}
	}
	if body, n := p.removeBoilerplate(d.body); n > 0 {
		p.log.Debug("html: boilerplate paragraphs dropped", "paragraphs", n)
		d.body = body
	}
	if wordCount(d.body) < minBodyWords {
		return d, fail(ReasonNoText, ErrNoText, "HTML page has no article text")
	}

	d.headline = headlineOf(m.h1, meta.Title, m.ogTitle, m.title)
	d.body = dropLeadingRepeat(d.body, d.headline)
	d.byline = strings.TrimSpace(strings.TrimPrefix(meta.Author, "By "))
	d.description = firstNonEmpty(meta.Description, m.description)
	d.siteName = meta.Sitename
	// (A canonical link to the site's root names no article: the page's
	// own URL, when it states one, does.)
	// (A canonical link relative to the page's own URL or its <base> is
	// resolved against it.)
	d.url = resolveURL(firstNonEmpty(m.base, meta.URL), firstNonEmpty(m.canonical, meta.URL))
	if article.CanonicalURL(d.url) == "" && article.CanonicalURL(meta.URL) != "" {
		d.url = meta.URL
	}
	d.caption = m.figcaption
	d.subheadline = m.subheadline
	d.tags = append(append(append([]string{}, m.keywords...), meta.Tags...), meta.Categories...)
	for _, raw := range m.dates {
		if t, ok := p.dates.parse(raw); ok {
			d.dateline, d.published = raw, &t
			break
		}
	}
	if d.published == nil && !meta.Date.IsZero() {
		t := meta.Date.UTC()
		d.published = &t
	}
	if d.headline == "" {
		d.headline = firstSentence(d.body)
	}
	return d, nil
}

// parsePage parses a page as a browser without scripts does: the
// elements in a <noscript> are elements, as a reader without JavaScript
// sees them. (Parsed as with scripts, a page whose article is in its
// <noscript>, an app's fallback, was stored with "<h1>...</h1><p>..." as
// its body text.)
func parsePage(text string) (*html.Node, error) {
	doc, err := html.ParseWithOptions(strings.NewReader(text), html.ParseOptionEnableScripting(false))
	if err != nil {
		// (x/net/html refuses elements nested over 512 deep; no page
		// made by a person or a CMS is.)
		return nil, fail(ReasonNoText, ErrNoText, "parse HTML: "+err.Error()+" (elements nested deeper than any page's)")
	}
	return doc, nil
}

// pageMeta holds what the page states about itself, read before extraction.
type pageMeta struct {
	title, ogTitle, h1, description, canonical, figcaption, subheadline string
	base                                                                string // <base href>
	keywords                                                            []string
	dates                                                               []string // raw published-date values, best first
}

// scanPage reads the page's own statements: meta tags, JSON-LD, <time>,
// the article's <h1> and first <figcaption>.
func scanPage(doc *html.Node) pageMeta {
	var m pageMeta
	var metaDates, ldDates, timeDates []string
	var h1s []string
	var inArticle func(*html.Node) bool
	inArticle = func(n *html.Node) bool {
		for a := n.Parent; a != nil; a = a.Parent {
			if a.DataAtom == atom.Article || a.DataAtom == atom.Main {
				return true
			}
		}
		return false
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if m.title == "" {
					m.title = textOf(n)
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					m.ogTitle = val
				case "description", "og:description":
					if m.description == "" {
						m.description = val
					}
				case "article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "date",
					"dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "og:published_time":
					metaDates = append(metaDates, val)
				case "keywords", "news_keywords", "article:tag":
					for _, k := range strings.Split(val, ",") {
						m.keywords = append(m.keywords, k)
					}
				}
			case atom.Base:
				if m.base == "" {
					m.base = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Script:
				if strings.Contains(attr(n, "type"), "ld+json") {
					ldDates = append(ldDates, jsonLDDates(textOf(n))...)
				}
			case atom.Time:
				if dt := firstNonEmpty(attr(n, "datetime"), textOf(n)); dt != "" && (inArticle(n) || attr(n, "pubdate") != "") {
					timeDates = append(timeDates, dt)
				}
			case atom.H1:
				h1s = append(h1s, textOf(n))
				if inArticle(n) && m.h1 == "" {
					m.h1 = textOf(n)
				}
			case atom.Figcaption:
				if m.figcaption == "" && inArticle(n) {
					m.figcaption = textOf(n)
				}
			case atom.Nav, atom.Footer, atom.Aside:
				return // chrome says nothing about the article
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if m.h1 == "" && len(h1s) == 1 {
		m.h1 = h1s[0]
	}
	m.dates = append(append(append(m.dates, metaDates...), ldDates...), timeDates...)
	return m
}

// jsonLDDates returns datePublished values of a JSON-LD block.
func jsonLDDates(s string) []string {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return nil
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if d, ok := x["datePublished"].(string); ok {
				out = append(out, d)
			}
			for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
				walk(x[k])
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return cleanInline(b.String())
}

// nodeText renders extracted content as body text.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	renderText(&b, n)
	return cleanBody(b.String())
}

// dropLeadingRepeat removes a first paragraph that only repeats the headline.
// headlineOf is the page's <h1>, the headline as the page shows it,
// unless none of the titles its metadata gives (in order of preference)
// shares half the words of either with it (the <h1>'s from three words)
// and the first title with words has more of them: such an <h1> names the site, a section or a widget
// ("POLITICO", "KXAN Daily Forecast Newsletter", "Sie sind hier:") and
// that title is the headline. (A title shorter than the <h1>, a site's
// name in <title>, does not replace it.)
func headlineOf(h1 string, titles ...string) string {
	hw := lowerWords(h1)
	var first []string
	firstTitle := ""
	for _, title := range titles {
		tw := lowerWords(title)
		if len(tw) == 0 {
			continue
		}
		if firstTitle == "" {
			firstTitle, first = title, tw
		}
		// (Half the <h1>'s words in the title counts from three words: a
		// site's name of one or two is in its titles, "... - POLITICO".)
		if 2*shared(tw, hw) >= len(tw) || len(hw) >= 3 && 2*shared(hw, tw) >= len(hw) {
			return h1
		}
	}
	if len(hw) == 0 || firstTitle != "" && len(first) > len(hw) {
		return firstNonEmpty(firstTitle, h1)
	}
	return h1
}

// shared counts the words of a that b has.
func shared(a, b []string) int {
	in := make(map[string]bool, len(b))
	for _, w := range b {
		in[w] = true
	}
	n := 0
	for _, w := range a {
		if in[w] {
			n++
		}
	}
	return n
}

func dropLeadingRepeat(body, headline string) string {
	first, rest, ok := strings.Cut(body, "\n\n")
	if ok && headline != "" && strings.EqualFold(first, cleanInline(headline)) {
		return rest
	}
	return body
}

func pageURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return nil
	}
	return u
}

// resolveURL makes ref absolute against base when ref has no scheme and
// base is an absolute http(s) URL; else it returns ref as it is.
func resolveURL(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil || r.Scheme != "" {
		return ref
	}
	b := pageURL(strings.TrimSpace(base))
	if b == nil || b.Scheme != "http" && b.Scheme != "https" {
		return ref
	}
	return b.ResolveReference(r).String()
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// wordCount counts the words of s: its space-separated fields, where a
// field in a script written without spaces (Chinese, Japanese, Thai, ...)
// counts one word for every two of its letters in that script, a rough
// length of a word there (a Japanese page of three sentences was one
// "word" a paragraph and read as no text).
func wordCount(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		dense := 0
		for _, r := range f {
			if unspaced(r) {
				dense++
			}
		}
		n += max(1, dense/2)
	}
	return n
}

// unspaced reports a letter of a script that writes no spaces between
// words.
func unspaced(r rune) bool {
	return r >= 0x0E00 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan))
}
