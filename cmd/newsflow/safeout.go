package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Everything the CLI prints from a message (headers, headlines, bodies,
// file names) comes from whoever published it; an escape sequence in it
// would act on the operator's terminal (clear it, retitle it, hide lines,
// or worse on some terminals). These functions make such text inert.

// safeLine returns s for one line of output: every control or format
// character (C0, DEL, C1, bidi overrides, line and paragraph separators,
// newlines and tabs included) and every invalid byte becomes a visible
// escape such as \x1b or \u202e.
func safeLine(s string) string { return escapeControls(s, false, false) }

// safeText is safeLine for several lines: newlines and tabs stay.
func safeText(s string) string { return escapeControls(s, true, false) }

// safeJSON escapes like safeLine but in a form that keeps a JSON document
// valid (\u00XX), for --json output.
func safeJSON(s string) string { return escapeControls(s, false, true) }

func escapeControls(s string, keepLines, jsonForm bool) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || dangerous(r, keepLines) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			if jsonForm {
				b.WriteString(`\ufffd`)
			} else {
				fmt.Fprintf(&b, `\x%02x`, s[i])
			}
		case dangerous(r, keepLines):
			switch {
			case r < 0x80 && !jsonForm:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r > 0xffff && jsonForm:
				// JSON escapes a rune beyond the BMP as its UTF-16
				// surrogate pair (a tag character of a flag emoji).
				r1, r2 := utf16.EncodeRune(r)
				fmt.Fprintf(&b, `\u%04x\u%04x`, r1, r2)
			case r > 0xffff:
				fmt.Fprintf(&b, `\U%08x`, r)
			default:
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// dangerous reports a rune that must not reach a terminal raw.
func dangerous(r rune, keepLines bool) bool {
	if keepLines && (r == '\n' || r == '\t') {
		return false
	}
	// Cc: C0, DEL, C1 (U+009B is a one-byte CSI); Cf: bidi overrides and
	// other invisible format characters; Zl, Zp: line breaks of their own.
	return unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}
