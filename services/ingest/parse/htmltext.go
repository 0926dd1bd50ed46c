package parse

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlFragmentText renders an HTML fragment (a feed item's content, a JSON
// body_html) as body text: block elements become paragraphs, <br> a line
// break, scripts, styles and figures are left out.
func htmlFragmentText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		// (Nested deeper than x/net/html builds a tree for: the markup
		// itself was the body before, "<p>...</p><div><div>...".)
		return tokenText(s)
	}
	var b strings.Builder
	for _, n := range nodes {
		renderText(&b, n)
	}
	return cleanBody(b.String())
}

// unescapeLeftover decodes the character references left in a text: an
// RSS description is HTML whatever its markup, so "plan&nbsp;was" in one
// without tags is a space, and a feed or CMS that escapes twice
// ("&amp;nbsp;", "&amp;amp;") leaves "&nbsp;" and "&amp;" in the text
// once its HTML is read, which were stored as written. Only a whole
// reference, ending in ";", is decoded ("AT&T", "R&D" stay).
func unescapeLeftover(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return charRef.ReplaceAllStringFunc(s, wholeRef)
}

// wholeRef decodes ref when it is one reference as a whole: html's
// unescaping also reads a legacy entity at the start of an unknown name
// ("&notit;" as "¬it;"), which is no reference to decode.
func wholeRef(ref string) string {
	u := html.UnescapeString(ref)
	if strings.HasSuffix(u, ";") && ref != "&semi;" {
		return ref
	}
	return u
}

// charRef matches a named or numeric character reference.
var charRef = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)

// tokenText renders HTML as renderText does, from its tokens rather than
// a tree: for markup no tree is built of (elements nested too deep).
func tokenText(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside elements whose text is left out
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		name, _ := z.TagName()
		a := atom.Lookup(name)
		switch tt {
		case html.TextToken:
			if skip == 0 {
				b.WriteString(strings.ReplaceAll(string(z.Text()), "\n", " "))
			}
		case html.StartTagToken, html.EndTagToken:
			switch {
			case skippedElement(a):
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case a == atom.Br:
				b.WriteString("\n")
			case isBlockElement(a):
				b.WriteString("\n\n")
			}
		case html.SelfClosingTagToken:
			if a == atom.Br {
				b.WriteString("\n")
			}
		}
	}
	return cleanBody(b.String())
}

// skippedElement reports an element whose text is no part of the body.
func skippedElement(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Figure, atom.Iframe, atom.Svg, atom.Nav, atom.Aside, atom.Button, atom.Form:
		return true
	}
	return false
}

func renderText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		return
	case html.ElementNode:
		switch a := elementAtom(n); {
		case skippedElement(a):
			return
		case a == atom.Br:
			b.WriteString("\n")
			return
		}
	}
	block := n.Type == html.ElementNode && isBlockElement(elementAtom(n))
	if block {
		b.WriteString("\n\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		renderText(b, c)
	}
	if block {
		b.WriteString("\n\n")
	}
}

// elementAtom is n's tag as an atom. trafilatura builds the elements of
// its result by name only, leaving DataAtom zero: read from the name, its
// list items are blocks as the page's own are ("Main Street.</li><li>Lower
// Main Street" ran together as "Main Street.Lower Main Street").
func elementAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	name := strings.ToLower(n.Data)
	// An XHTML element with a namespace prefix (Atom's type="xhtml"
	// content, <x:p>...</x:p>) is the element it names: its paragraphs
	// ran together ("the old mill.Firefighters said").
	if _, local, ok := strings.Cut(name, ":"); ok {
		name = local
	}
	return atom.Lookup([]byte(name))
}

func isBlockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Li, atom.Ul, atom.Ol, atom.Pre, atom.Section, atom.Article,
		atom.Header, atom.Footer, atom.Table, atom.Tr, atom.Dl, atom.Dt, atom.Dd, atom.Hr, atom.Main:
		return true
	}
	return false
}

// BodyHTML writes a stored body as HTML that Parse reads back to the same
// text as a JSON article's "body" (what `newsflow history --show` prints
// for `drop -`): a paragraph a <p>, markup characters escaped, and a
// character reference the text holds as written ("quoting &amp;") escaped
// once more, since the parser decodes the references left once HTML is
// read (feeds that escape twice).
func BodyHTML(body string) string {
	var b strings.Builder
	for _, p := range strings.Split(body, "\n\n") {
		p = charRef.ReplaceAllStringFunc(p, func(ref string) string { return "&amp;" + ref[1:] })
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>\n")
	}
	return b.String()
}
