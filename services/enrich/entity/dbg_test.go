package entity

import "testing"

func TestDbgSpans(t *testing.T) {
	r := newTestRecognizer(t)
	for _, s := range []string{
		"Tom Hale was leaving the Blue Rays for The Rolling Stones, Hale said.",
		"Ann Lee, who was known from The Yardbirds, formed Cream.",
		"Paul Smith of The Beatles fame joined.",
		"Tom Dunn joined the Rock and Roll Hall of Fame in 2001.",
		"The High Court of England and Wales ruled.",
		"He said so in an interview with Dawn, the newspaper.",
	} {
		for _, tk := range r.tag(s, unit{0, len(s)}) {
			t.Logf("%q %s %s", tk.text, tk.tag, tk.label)
		}
		for _, m := range r.spans(s, unit{0, len(s)}, false) {
			t.Logf("  => %q %s %s", m.text, m.typ, r.rules.typedNames[m.typedBy])
		}
	}
}
