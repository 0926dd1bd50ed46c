package parse

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// markdownText turns a Markdown article into the plain text parseText
// reads: one block per heading, paragraph, list item or quotation, with
// the markup gone (`**Ana Lind**` is "Ana Lind", `[the city](url)` is "the
// city"), so a heading first is the headline and emphasis never reaches
// the names. Code blocks and raw HTML are left out: no article text.
func markdownText(src string) string {
	source := []byte(src)
	doc := goldmark.New().Parser().Parse(text.NewReader(source))
	var blocks []string
	var inline func(n ast.Node, b *strings.Builder)
	inline = func(n ast.Node, b *strings.Builder) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(source))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(t.Value)
			case *ast.CodeSpan, *ast.Emphasis, *ast.Link:
				inline(c, b)
			case *ast.AutoLink:
				b.Write(t.Label(source))
			case *ast.Image, *ast.RawHTML:
				// alt text and markup are no sentences of the article
			default:
				inline(c, b)
			}
		}
	}
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.Kind() {
			case ast.KindHeading, ast.KindParagraph, ast.KindTextBlock:
				var b strings.Builder
				inline(c, &b)
				if s := strings.TrimSpace(b.String()); s != "" {
					blocks = append(blocks, s)
				}
			case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock, ast.KindThematicBreak:
			default: // lists, list items, block quotes: their blocks
				walk(c)
			}
		}
	}
	walk(doc)
	return strings.Join(blocks, "\n\n")
}
