package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord = iota
	kPunct
	kMark // a double quote mark
)

// Quote-mark directions.
const (
	mOpen = iota + 1
	mClose
	mEither // a straight mark whose context does not tell
)

// tok is one token of the body.
type tok struct {
	s, e    int // byte offsets into body
	kind    uint8
	dir     uint8  // for marks
	capit   bool   // word starting with an upper-case letter
	low     string // lower-cased word
	inQ     bool   // inside a kept top-level quote (marks included)
	para    int32  // paragraph index
	ent     int32  // entity whose mention covers the token, or -1
	sentEnd bool   // the token ends a sentence
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether r may join two word parts ("Iran-backed", "U.S", "We've").
func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '.', '&':
		return true
	}
	return false
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»':
		return true
	}
	return false
}

// isSingleMark reports a single quotation mark: straight, opening or
// closing (the closing one is also the apostrophe).
func isSingleMark(r rune) bool { return r == '\'' || r == '‘' || r == '’' }

// singleQuoted reports a body that has no double quotation mark and opens
// a quote with a single one after a space, a colon or a paragraph's start:
// British papers that print speech in single marks. Inside words the
// marks stay apostrophes ("it’s", "don't").
func singleQuoted(body string) bool {
	// (One fast search per mark: ContainsAny walks rune by rune.)
	for _, m := range []string{"\"", "“", "”", "„", "«", "»"} {
		if strings.Contains(body, m) {
			return false
		}
	}
	for i, r := range body {
		if r != '‘' && r != '\'' {
			continue
		}
		if i > 0 {
			p, _ := utf8.DecodeLastRuneInString(body[:i])
			if !unicode.IsSpace(p) && p != ':' && p != '(' {
				continue
			}
		}
		n, _ := utf8.DecodeRuneInString(body[i+utf8.RuneLen(r):])
		if unicode.IsLetter(n) || unicode.IsDigit(n) {
			return true
		}
	}
	return false
}

// pluralApostrophe reports a mark between a word ending in "s" (before)
// and a space and a lower-case word (after): "the Commons' environment".
func pluralApostrophe(before, after string) bool {
	if !strings.HasSuffix(before, "s") || len(before) < 2 {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(before[:len(before)-1])
	if !unicode.IsLetter(p) || !strings.HasPrefix(after, " ") {
		return false
	}
	n, _ := utf8.DecodeRuneInString(after[1:])
	return unicode.IsLower(n)
}

// openSide reports whether r before a straight mark makes it look like an opener.
func openSide(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("([{—–-/<", r) || r == '“' || r == '«' || r == '„'
}

// closeSide reports whether r after a straight mark makes it look like a closer.
func closeSide(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}—–-/…>", r) || isQuoteMark(r)
}

// thousands reports a comma between the digits of a number: the word
// before it ends in a digit and three digits follow it, then no more.
func thousands(before, after string) bool {
	if before == "" || !isASCIIDigit(before[len(before)-1]) || len(after) < 3 {
		return false
	}
	for k := range 3 {
		if !isASCIIDigit(after[k]) {
			return false
		}
	}
	return len(after) == 3 || !isASCIIDigit(after[3])
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// tokenize appends the tokens of body[start:end] (one paragraph).
func (d *doc) tokenize(start, end int) {
	defer d.dropTokens(len(d.toks))
	body := d.body
	i := start
	singleOpen := false // a single mark opened a quote not yet closed
	for i < end {
		r, sz := utf8.DecodeRuneInString(body[i:])
		switch {
		case unicode.IsSpace(r):
			i += sz
		case isWordRune(r):
			j := i + sz
			for j < end {
				r2, s2 := utf8.DecodeRuneInString(body[j:])
				if isWordRune(r2) {
					j += s2
					continue
				}
				// "20,000": a thousands separator between digits.
				if r2 == ',' && thousands(body[i:j], body[j+1:end]) {
					j++
					continue
				}
				if isJoiner(r2) && j+s2 < end {
					r3, _ := utf8.DecodeRuneInString(body[j+s2:])
					if isWordRune(r3) {
						j += s2
						continue
					}
				}
				break
			}
			w := body[i:j]
			low := strings.ToLower(w)
			// A period after an abbreviation, an initial or a dotted word is part of it.
			if j < end && body[j] == '.' && (d.x.lex.in("abbreviations", low) || strings.Contains(w, ".") || unicode.IsUpper(r) && d.x.lex.in("capabbreviations", low) ||
				(utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r))) {
				j++
				low += "."
			}
			d.toks = append(d.toks, tok{s: i, e: j, kind: kWord, capit: unicode.IsUpper(r) || particleName(w), low: low})
			i = j
		case (r == '\'' || r == '`') && i+1 < end && body[i+1] == byte(r):
			// Wire copy typed on old systems writes a double quotation
			// mark as two apostrophes or two backticks (``...,'' said X):
			// one mark, read by its context as a straight one is.
			d.toks = append(d.toks, tok{s: i, e: i + 2, kind: kMark, dir: markDir(body, i, 2, start, end, '"')})
			i += 2
		case r == '"' && apostropheMark(body[start:end], i-start):
			// ("Kuwait"s oil minister": text whose apostrophes were typed
			// as quotation marks; a mark between a word and a lone "s" is
			// no quote's.)
			d.toks = append(d.toks, tok{s: i, e: i + 1, kind: kPunct})
			i++
		case d.singles && isSingleMark(r) && !singleOpen && pluralApostrophe(body[start:i], body[i+sz:end]):
			// ("chairman of the Commons' environment committee" in a paper
			// that quotes with single marks: with no single quote open, a
			// mark after a plural and before a lower-case word is the
			// possessive's apostrophe.)
			d.toks = append(d.toks, tok{s: i, e: i + sz, kind: kPunct})
			i += sz
		case isQuoteMark(r) || d.singles && isSingleMark(r) && !decadeAfter(body[i+sz:end]):
			dir := markDir(body, i, sz, start, end, r)
			if d.singles && isSingleMark(r) {
				singleOpen = dir == mOpen
			}
			d.toks = append(d.toks, tok{s: i, e: i + sz, kind: kMark, dir: dir})
			i += sz
		default:
			d.toks = append(d.toks, tok{s: i, e: i + sz, kind: kPunct})
			i += sz
		}
	}
}

// dropTokens removes, from token first on, the tokens the phrase reads on
// without: a short form in brackets after the name it stands for
// (bracketedShortForm) and a verb of saying typed twice (doubledTypo).
func (d *doc) dropTokens(first int) {
	out := first
	for k := first; k < len(d.toks); k++ {
		// (Tokens before k stay where they were read: out only trails k.)
		if k > first && d.bracketedShortForm(k) {
			k += 2
			continue
		}
		// ("...," said said Tom Hale: a typo no sentence needs, which hid
		// the inverted cue and its speaker.)
		if out > first && d.isWord(k) && d.isWord(out-1) && d.toks[k].low == d.toks[out-1].low && doubledTypo(d.toks[k].low) {
			continue
		}
		d.toks[out] = d.toks[k]
		out++
	}
	d.toks = d.toks[:out]
}

// doubledTypo reports a verb of saying that written twice is a typo: only
// the commonest cues, whose doubling is never English ("had had", "that
// that" are).
func doubledTypo(w string) bool {
	switch w {
	case "said", "says", "told", "tells", "added", "adds", "stated", "wrote":
		return true
	}
	return false
}

// bracketedShortForm reports at token k a short form in capitals in
// brackets after a capitalised word ("New South Wales Rural Fire Service
// (RFS) deputy commissioner Karen Whitlock said"): it names again what
// comes before it, and the phrase reads on without it. (Not before a
// capitalised word: "Member of Parliament (MP) Yvette Cooper" keeps the
// title's short form, which the rules read; nor before an adverb, "said
// Ana Lind (LNP) today", nor in a dateline, "WASHINGTON (AP)".)
func (d *doc) bracketedShortForm(k int) bool {
	return d.isPunct(k, "(") && d.isPunct(k+2, ")") && shortForm(d.text(d.toks[k+1])) &&
		d.isWord(k-1) && d.toks[k-1].capit && strings.ToUpper(d.text(d.toks[k-1])) != d.text(d.toks[k-1]) && // a dateline, "WASHINGTON (AP)"
		d.isWord(k+3) && !d.toks[k+3].capit && !d.adverb(d.toks[k+3].low) && !d.x.lex.in("temporal", d.toks[k+3].low) && !timeWord(d.toks[k+3].low)
}

// shortForm reports an acronym: two to eight letters, all capitals but
// for a lower-case letter or two inside ("RFS", "DOC", "DoJ").
func shortForm(w string) bool {
	if len(w) < 2 || len(w) > 8 || !unicode.IsUpper(rune(w[0])) {
		return false
	}
	lower := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			lower++
		case !unicode.IsUpper(r) && r != '&':
			return false
		}
	}
	return lower <= 2 && lower < len(w)-1
}

// markDir tells from its neighbours whether a mark opens or closes a quote.
func markDir(body string, i, sz, start, end int, r rune) uint8 {
	prevOpen, nextClose := true, true
	if i > start {
		p, _ := utf8.DecodeLastRuneInString(body[start:i])
		prevOpen = openSide(p)
	}
	if i+sz < end {
		n, _ := utf8.DecodeRuneInString(body[i+sz:])
		nextClose = closeSide(n)
	}
	// ("... ‘Hang on a second!’ “" ending the paragraph: a mark with
	// nothing after it opens nothing, whatever its shape.)
	if strings.TrimSpace(body[i+sz:end]) == "" && i > start {
		return mClose
	}
	switch r {
	case '“', '„', '«', '‘':
		if !prevOpen && nextClose {
			return mClose // sloppy typography: the context wins
		}
		return mOpen
	case '”', '»', '’':
		if prevOpen && !nextClose {
			return mOpen
		}
		return mClose
	}
	switch {
	case prevOpen && !nextClose:
		return mOpen
	case !prevOpen && nextClose:
		return mClose
	}
	return mEither
}

func (d *doc) text(t tok) string { return d.body[t.s:t.e] }

func (d *doc) isPunct(i int, s string) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].kind == kPunct && d.body[d.toks[i].s:d.toks[i].e] == s
}

func (d *doc) isWord(i int) bool { return i >= 0 && i < len(d.toks) && d.toks[i].kind == kWord }

// possessive reports whether the word ends in 's (or a bare apostrophe follows it).
func (d *doc) possessive(i int) bool {
	if !d.isWord(i) {
		return false
	}
	l := d.toks[i].low
	if strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s") {
		return true
	}
	return i+1 < len(d.toks) && d.toks[i+1].s == d.toks[i].e && (d.isPunct(i+1, "'") || d.isPunct(i+1, "’"))
}

// bareWord strips a possessive ending.
func bareWord(w string) string {
	for _, suf := range [...]string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// foldWord lower-cases and strips diacritics so that "Sahin" matches "Şahin".
func foldWord(w string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(bareWord(w)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if f, ok := foldRune(r); ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldRune folds the Latin letters with diacritics common in names.
func foldRune(r rune) (string, bool) {
	switch r {
	case 'á', 'à', 'â', 'ä', 'ã', 'å', 'ą', 'ă':
		return "a", true
	case 'ç', 'ć', 'č':
		return "c", true
	case 'ď', 'đ':
		return "d", true
	case 'é', 'è', 'ê', 'ë', 'ę', 'ě':
		return "e", true
	case 'ğ':
		return "g", true
	case 'í', 'ì', 'î', 'ï', 'ı':
		return "i", true
	case 'ł':
		return "l", true
	case 'ñ', 'ń', 'ň':
		return "n", true
	case 'ó', 'ò', 'ô', 'ö', 'õ', 'ø', 'ő':
		return "o", true
	case 'ř':
		return "r", true
	case 'ś', 'š', 'ş', 'ș':
		return "s", true
	case 'ß':
		return "ss", true
	case 'ť', 'ţ', 'ț':
		return "t", true
	case 'ú', 'ù', 'û', 'ü', 'ů', 'ű':
		return "u", true
	case 'ý', 'ÿ':
		return "y", true
	case 'ź', 'ż', 'ž':
		return "z", true
	}
	return "", false
}

// particleName reports a name with a lower-case Arabic or Dutch particle
// joined by a hyphen ("el-Sisi", "al-Assad"), which counts as capitalised.
func particleName(w string) bool {
	i := strings.IndexByte(w, '-')
	if i < 1 || i > 3 || i+1 >= len(w) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[i+1:])
	return unicode.IsUpper(r)
}

// decadeAfter reports two digits and an "s" ("'80s"): an apostrophe for a
// decade, no quote mark.
func decadeAfter(s string) bool {
	return len(s) >= 3 && isASCIIDigit(s[0]) && isASCIIDigit(s[1]) && s[2] == 's'
}

// timeWord reports a word that opens a phrase of time after a name
// ("last night", "this week", "afterwards", "overnight").
func timeWord(w string) bool {
	switch w {
	case "last", "this", "next", "afterwards", "afterward", "overnight", "earlier", "later", "on", "at", "in":
		return true
	}
	return false
}

// apostropheMark reports a straight double mark at i in s that stands for
// an apostrophe: right after a letter and before an "s" that ends a word.
func apostropheMark(s string, i int) bool {
	if i == 0 || i+1 >= len(s) || s[i+1] != 's' {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if !unicode.IsLetter(prev) {
		return false
	}
	if i+2 == len(s) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s[i+2:])
	return !isWordRune(next)
}
