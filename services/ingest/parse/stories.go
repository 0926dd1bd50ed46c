package parse

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A full story, as fullStories counts one: an <article> with a heading of
// its own and at least storyParagraphs paragraphs of storyParagraphWords
// words. (Measured on the 1230 HTML pages of the go-trafilatura and
// go-readability test sets: 258 have two or more <article>s, nearly all
// teaser cards, related stories, comments or widgets of a few words; on
// 6 two or more are this long, and on one, a series page of 13 stories,
// all are.)
const (
	storyParagraphs     = 3
	storyParagraphWords = 8
)

// fullStories returns the outermost <article> elements of doc that are
// full stories, and how many outermost <article>s there are. (An
// <article> inside another is a comment or a quoted post of it.)
func fullStories(doc *html.Node) (stories []*html.Node, articles int) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Article {
			articles++
			if fullStory(n) {
				stories = append(stories, n)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return stories, articles
}

// fullStory reports an <article> with its own heading and several
// paragraphs of text.
func fullStory(a *html.Node) bool {
	heading, paras := false, 0
	for n := range a.Descendants() {
		switch {
		case headingElement(n):
			heading = heading || textOf(n) != ""
		case n.Type == html.ElementNode && n.DataAtom == atom.P:
			if wordCount(textOf(n)) >= storyParagraphWords {
				paras++
			}
		}
	}
	return heading && paras >= storyParagraphs
}

// storyDrafts reads each story of a page that holds only full stories
// as an article of its own, as a feed's items are: such a page (two
// stories side by side, a series page that shows its stories one after
// the other) kept only its first, and the others were lost without a
// word. The first story is read with the page's <head> (its address and
// metadata name the page's first story); the others with their own
// heading and text, and an address of their own: their heading's link,
// or the page's address with the story's id (#id), else none.
func (p *Parser) storyDrafts(doc *html.Node, stories []*html.Node) ([]draft, error) {
	head := ""
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.DataAtom == atom.Head {
			head = renderChildren(n)
			break
		}
	}
	m := scanPage(doc)
	pageAddr := resolveURL(m.base, m.canonical)
	var drafts []draft
	var firstErr error
	for i, s := range stories {
		var story strings.Builder
		if err := html.Render(&story, s); err != nil {
			return nil, fmt.Errorf("render story %d: %w", i+1, err)
		}
		h := ""
		if i == 0 {
			h = head
		}
		page := "<!doctype html><html><head>" + h + "</head><body>" + story.String() + "</body></html>"
		sub, err := parsePage(page)
		var d draft
		if err == nil {
			d, err = p.parseHTMLPage(sub, page)
		}
		if err == nil {
			err = checkHeadline(d.headline)
		}
		if err != nil {
			p.log.Warn("html story skipped", "story", i+1, "err", err)
			p.skip(fmt.Sprintf("article %d: %v", i+1, err))
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if i > 0 {
			// (Its own heading: the extractors' title of a page without
			// <head> was another story's, a heading in a box beside it.)
			if h := storyHeading(s); h != "" {
				d.headline = h
				d.body = dropLeadingRepeat(d.body, h)
			}
			d.url = storyAddress(s, firstNonEmpty(m.base, pageAddr), pageAddr)
		}
		drafts = append(drafts, d)
	}
	if len(drafts) == 0 {
		return nil, firstErr
	}
	p.log.Info("html: page of several stories read as one article each", "stories", len(stories))
	return drafts, nil
}

// headingElement reports an h1, h2 or h3 element: the headings a story
// gives itself.
func headingElement(n *html.Node) bool {
	return n.Type == html.ElementNode && (n.DataAtom == atom.H1 || n.DataAtom == atom.H2 || n.DataAtom == atom.H3)
}

// storyHeading is the text of a story's first heading.
func storyHeading(story *html.Node) string {
	for n := range story.Descendants() {
		if headingElement(n) {
			if t := textOf(n); t != "" {
				return t
			}
		}
	}
	return ""
}

// storyAddress is the link of a story's heading resolved against base,
// else the page's address with the story's id as its fragment, else "".
func storyAddress(story *html.Node, base, page string) string {
	for n := range story.Descendants() {
		if !headingElement(n) {
			continue
		}
		for a := range n.Descendants() {
			if a.Type == html.ElementNode && a.DataAtom == atom.A {
				if href := strings.TrimSpace(attr(a, "href")); href != "" && !strings.HasPrefix(href, "#") {
					return resolveURL(base, href)
				}
			}
		}
		break // (the story's own heading is its first)
	}
	if id := strings.TrimSpace(attr(story, "id")); id != "" {
		if u := pageURL(page); u != nil {
			u.Fragment = id
			return u.String()
		}
	}
	return ""
}

// renderChildren renders n's children as HTML.
func renderChildren(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		_ = html.Render(&b, c) // (a strings.Builder does not fail)
	}
	return b.String()
}
