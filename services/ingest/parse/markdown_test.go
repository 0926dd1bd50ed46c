package parse

import (
	"context"
	"strings"
	"testing"
)

// TestMarkdown: a Markdown article loses its markup: the heading is the
// headline, emphasis and links keep their words, lists and quotations
// their text, code and images go.
func TestMarkdown(t *testing.T) {
	p := newTestParser(t)
	src := "# Floods close the Velmor bridge\n\n" +
		"Heavy rain **closed** the bridge on Monday, said [Ana Lind](https://example.org/lind), the town's mayor.\n\n" +
		"![a flooded road](road.jpg)\n\n" +
		"- Schools stayed shut.\n- Trains ran late.\n\n" +
		"> \"We have never seen it rise so fast,\" Lind said.\n\n" +
		"```\nnot = article text\n```\n"
	for _, in := range []Input{
		{Data: []byte(src), Name: "floods.md"},
		{Data: []byte(src), ContentType: "text/markdown; charset=utf-8", Name: "upload"},
	} {
		a := parseOne(t, p, in)
		if a.Headline != "Floods close the Velmor bridge" {
			t.Errorf("%s: headline %q", in.Name, a.Headline)
		}
		if a.Source.Format != formatMarkdown {
			t.Errorf("%s: format %q", in.Name, a.Source.Format)
		}
		for _, want := range []string{"Heavy rain closed the bridge on Monday, said Ana Lind, the town's mayor.", "Schools stayed shut.", "\"We have never seen it rise so fast,\" Lind said."} {
			if !strings.Contains(a.Body, want) {
				t.Errorf("%s: body lacks %q:\n%s", in.Name, want, a.Body)
			}
		}
		for _, gone := range []string{"**", "](", "https://", "```", "not = article text", "road.jpg", "#"} {
			if strings.Contains(a.Body+a.Headline, gone) {
				t.Errorf("%s: markup %q left in:\n%s", in.Name, gone, a.Body)
			}
		}
	}
}

// TestMarkdownFrontMatter: YAML front matter gives the title, date,
// author and tags; the Markdown after it is the body.
func TestMarkdownFrontMatter(t *testing.T) {
	p := newTestParser(t)
	body := "Heavy rain closed the Velmor bridge on Monday, the town's mayor said.\n\nSchools stayed shut across the district.\n"
	tests := []struct {
		name, src, headline, byline, date string
		bodyHas                           string
	}{
		{"title in front matter", "---\ntitle: Floods close the Velmor bridge\ndate: 2019-03-04\nauthor: Jane Roe\ntags: [weather, Velmor]\n---\n\n" + body,
			"Floods close the Velmor bridge", "Jane Roe", "2019-03-04", "Heavy rain closed"},
		{"a heading that repeats the title", "---\ntitle: Floods close the Velmor bridge\ndate: 2019-03-04\n---\n\n# Floods close the Velmor bridge\n\n" + body,
			"Floods close the Velmor bridge", "", "2019-03-04", "Heavy rain closed"},
		{"a heading without a title", "---\ndate: 2019-03-04\nauthor: Jane Roe\n---\n\n# Real heading\n\n" + body,
			"Real heading", "Jane Roe", "2019-03-04", "Schools stayed shut"},
		{"no front matter: a rule opens no block", "---\n\n# Floods close the Velmor bridge\n\n" + body,
			"Floods close the Velmor bridge", "", "", "Heavy rain closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := parseOne(t, p, Input{Data: []byte(tc.src), Name: "floods.md"})
			if a.Headline != tc.headline || a.Byline != tc.byline || pubDate(a) != tc.date {
				t.Errorf("headline %q byline %q date %q, want %q %q %q", a.Headline, a.Byline, pubDate(a), tc.headline, tc.byline, tc.date)
			}
			if !strings.Contains(a.Body, tc.bodyHas) || strings.Contains(a.Body, "title:") || strings.Contains(a.Body, tc.headline) {
				t.Errorf("body:\n%s", a.Body)
			}
		})
	}
}

// TestMarkdownDeepNesting: a line of thousands of nested list or quote
// markers (goldmark's cost grows with the square of the depth) is read as
// plain text, at once.
func TestMarkdownDeepNesting(t *testing.T) {
	p := newTestParser(t)
	for _, unit := range []string{"- ", ">", "1. "} {
		src := "Headline here\n\n" + strings.Repeat(unit, 40000) + " body text of the article goes on here.\n"
		if shallowMarkdown(src) {
			t.Errorf("%q x 40000 is taken for Markdown goldmark can parse in time", unit)
		}
		// Read as text, it is one article (this took minutes through goldmark).
		if arts, err := p.Parse(context.Background(), Input{Data: []byte(src), ContentType: "text/markdown"}); err != nil || len(arts) != 1 {
			t.Errorf("%q x 40000: %d articles, %v", unit, len(arts), err)
		}
	}
	if !shallowMarkdown("> quoted\n> > nested twice\n- item\n  - sub item\n1. first\n") {
		t.Error("ordinary nesting read as too deep")
	}
}
