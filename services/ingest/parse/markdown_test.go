package parse

import (
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
