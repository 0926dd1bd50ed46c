package parse

import (
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
		return cleanBody(s)
	}
	var b strings.Builder
	for _, n := range nodes {
		renderText(&b, n)
	}
	return cleanBody(b.String())
}

func renderText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		return
	case html.ElementNode:
		switch elementAtom(n) {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Figure, atom.Iframe, atom.Svg, atom.Nav, atom.Aside, atom.Button, atom.Form:
			return
		case atom.Br:
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
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
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
