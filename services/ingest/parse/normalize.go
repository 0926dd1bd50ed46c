package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanInline normalises one line of text: NFC, every Unicode space and tab
// as one ASCII space, invisible and control characters removed, runs of
// spaces collapsed, ends trimmed. It keeps ZWJ/ZWNJ only where they shape
// text (emoji sequences, joining scripts), since there they are not stray.
func cleanInline(s string) string {
	if isPlainASCIILine(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	prev := rune(0)
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			// Repair already happened on input; a stray replacement char is noise.
			continue
		case r == '\u200d' || r == '\u200c':
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !joinerShapes(prev, next) {
				continue
			}
		case isInvisible(r):
			continue
		case r == '\u2010' || r == '\u2011':
			// ("Jean‑Luc" with a non-breaking hyphen: one name with the
			// hyphen every other copy of it has.)
			r = '-'
		case r == '\t' || r == '\n' || r == '\r' || unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		prev = r
	}
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// isPlainASCIILine reports whether s is printable ASCII with single inner
// spaces and no leading or trailing space: the common case, kept allocation-free.
func isPlainASCIILine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f {
			return false
		}
		if c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// isInvisible reports format characters that carry no text: zero-width
// space, word joiner, BOM, soft hyphen, directional marks and the like.
func isInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u180e', '\u200b', '\u200e', '\u200f', '\u2060', '\u2061',
		'\u2062', '\u2063', '\u2064', '\ufeff', '\ufffe', '\u202a', '\u202b',
		'\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069':
		return true
	}
	return false
}

// joinerShapes reports whether a ZWJ/ZWNJ between prev and next does
// something: joins emoji (symbols, modifiers) or letters of a joining script.
func joinerShapes(prev, next rune) bool {
	if prev == 0 || next == 0 || next == utf8.RuneError {
		return false
	}
	emoji := func(r rune) bool { return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == '\ufe0f' }
	if emoji(prev) && emoji(next) {
		return true
	}
	// Latin letters never need joiners; Arabic, Persian, Indic scripts do.
	return unicode.IsLetter(prev) && unicode.IsLetter(next) && prev > 0x24f && next > 0x24f
}

// splitLines splits text into lines, accepting \r\n, \r and the Unicode
// line and paragraph separators.
func splitLines(s string) []string {
	if strings.ContainsAny(s, "\r\u2028\u2029\u0085") {
		s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n", "\u0085", "\n").Replace(s)
	}
	return strings.Split(s, "\n")
}

// joinParagraphs cleans each paragraph and joins the non-empty ones with
// exactly one blank line.
func joinParagraphs(paras []string) string {
	var b strings.Builder
	for _, p := range paras {
		p = cleanInline(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	return b.String()
}

// cleanBody normalises free text with line breaks into body form: blank
// lines separate paragraphs, single line breaks inside a paragraph are
// resolved by blockParagraphs.
func cleanBody(s string) string {
	var paras []string
	for _, blk := range textBlocks(s) {
		paras = append(paras, blockParagraphs(blk)...)
	}
	return joinParagraphs(paras)
}

// textBlocks cleans the lines of s and groups them into blocks separated by
// blank lines.
func textBlocks(s string) [][]string {
	var blocks [][]string
	var cur []string
	for _, ln := range splitLines(s) {
		ln = cleanInline(ln)
		if ln == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, ln)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

// blockParagraphs turns the lines of one block into paragraphs. Hard-wrapped
// text (all lines short) is joined with spaces, breaking only after a
// sentence end on a visibly short line; a block of long lines is one
// paragraph per line, as pasted from a page.
func blockParagraphs(lines []string) []string {
	if len(lines) == 1 {
		return lines
	}
	maxLen := 0
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > maxLen {
			maxLen = n
		}
	}
	if maxLen > 100 {
		return lines
	}
	var out []string
	var cur strings.Builder
	for _, l := range lines {
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(l)
		if endsSentence(l) && utf8.RuneCountInString(l)*10 < maxLen*7 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]")
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}
