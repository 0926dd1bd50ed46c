package parse

import (
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"go.yaml.in/yaml/v3"
)

// frontMatter splits a YAML front matter block ("---" lines around
// "title: ...", "date: ...") off a Markdown article, as static site
// generators and many CMS exports write it. ok is false when there is
// none or it is no YAML mapping; the text is then read whole.
func frontMatter(src string) (fields map[string]any, rest string, ok bool) {
	s := strings.TrimPrefix(src, "\ufeff")
	first, after, found := strings.Cut(s, "\n")
	if !found || strings.TrimSpace(first) != "---" {
		return nil, src, false
	}
	var block []string
	for {
		line, next, more := strings.Cut(after, "\n")
		if t := strings.TrimSpace(line); t == "---" || t == "..." {
			rest = next
			break
		}
		if !more {
			return nil, src, false // never closed
		}
		block = append(block, line)
		after = next
	}
	if err := yaml.Unmarshal([]byte(strings.Join(block, "\n")), &fields); err != nil || len(fields) == 0 {
		return nil, src, false
	}
	// Dates come back as time.Time; the JSON field readers take strings.
	for k, v := range fields {
		if t, isTime := v.(time.Time); isTime {
			fields[k] = t.Format(time.RFC3339)
		}
	}
	return fields, rest, true
}

// markdownDraft reads a Markdown article with front matter: its fields
// named as in JSON input (title, date, author, tags, url, description),
// the Markdown after it the body. Without a title the first block of the
// body is the headline; a first heading that repeats the title is left
// out of the body.
func (p *Parser) markdownDraft(fields map[string]any, rest string) (draft, error) {
	blocks := strings.Split(markdownText(rest), "\n\n")
	title := firstString(fields, "headline", "title", "name")
	switch {
	case title == "" && len(blocks) > 1:
		fields["title"], blocks = blocks[0], blocks[1:]
	case title != "" && len(blocks) > 0 && strings.EqualFold(strings.TrimSpace(blocks[0]), strings.TrimSpace(title)):
		blocks = blocks[1:]
	}
	fields["body"] = strings.Join(blocks, "\n\n")
	return p.simpleDraft(fields)
}

// maxMarkdownDepth bounds the block markers ("> ", "- ", "1. ") that may
// open a line of Markdown; articles use a few.
const maxMarkdownDepth = 16

// shallowMarkdown reports whether no line opens with more than
// maxMarkdownDepth block markers.
func shallowMarkdown(src string) bool {
	for line := range strings.SplitSeq(src, "\n") {
		depth := 0
		for i := 0; i < len(line); {
			switch c := line[i]; {
			case c == ' ' || c == '\t':
				i++
			case c == '>' || c == '-' || c == '*' || c == '+':
				depth++
				i++
			case c >= '0' && c <= '9':
				j := i
				for j < len(line) && line[j] >= '0' && line[j] <= '9' {
					j++
				}
				if j < len(line) && (line[j] == '.' || line[j] == ')') {
					depth++
					i = j + 1
					continue
				}
				i = len(line)
			default:
				i = len(line)
			}
			if depth > maxMarkdownDepth {
				return false
			}
		}
	}
	return true
}

// markdownText turns a Markdown article into the plain text parseText
// reads: one block per heading, paragraph, list item or quotation, with
// the markup gone (`**Ana Lind**` is "Ana Lind", `[the city](url)` is "the
// city"), so a heading first is the headline and emphasis never reaches
// the names. Code blocks and raw HTML are left out: no article text.
func markdownText(src string) string {
	if !shallowMarkdown(src) {
		// goldmark's block parser takes time in the square of the nesting
		// (a line of 16,000 "- " took seconds): markup nested deeper than
		// any article's is read as plain text.
		return src
	}
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
