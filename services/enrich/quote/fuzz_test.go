package quote

import (
	"testing"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pkg/article"
)

// FuzzExtract checks that Extract never panics, that every quote's offsets
// lie in the body and give its text, and that paragraphs are in range.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"A," he said, "B."`,
		"\"Open quote with no end\n\n\"and a second paragraph\"",
		`He said "x "y" z" and 'w'.`,
		"“curly” ”reversed“ «guillemets» „low“",
		`12" of snow, "" empty, " spaced " marks`,
		"A State Department spokeswoman said \"Iran-backed groups launching rockets.\"\n\n\"More,\" she added.",
		"\"\n\n\"\n\n\"",
		"Dr. J. R. R. Smith Jr., the U.S. envoy, said: \"Yes.\"",
		"According to a statement signed by 40 lawyers the verdict was \"a travesty of justice\".",
	} {
		f.Add(s, 0, 3)
	}
	x := New()
	f.Fuzz(func(t *testing.T, body string, ms, ml int) {
		// A mention with arbitrary (possibly bad) offsets must not break Extract.
		ents := []article.Entity{{Name: "Someone", Type: "PERSON", Mentions: []article.Mention{{Start: ms, End: ms + ml}}}}
		for _, q := range x.Extract(body, ents) {
			if q.Start < 0 || q.End > len(body) || q.Start > q.End {
				t.Fatalf("offsets [%d,%d) outside body of %d bytes", q.Start, q.End, len(body))
			}
			if body[q.Start:q.End] != q.Text {
				t.Fatalf("body[%d:%d] = %q, text %q", q.Start, q.End, body[q.Start:q.End], q.Text)
			}
			if utf8.ValidString(body) && !utf8.ValidString(q.Text) {
				t.Fatalf("quote splits a rune: %q", q.Text)
			}
			if q.Paragraph < 0 || q.Paragraph >= len(article.Paragraphs(body)) {
				t.Fatalf("paragraph %d out of range", q.Paragraph)
			}
		}
	})
}
