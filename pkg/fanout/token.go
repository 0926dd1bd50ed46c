// Package fanout turns an enriched article into small per-speaker and
// per-entity events: one per quote on articles.quote.<speaker>, one per
// entity on articles.entity.<type>.<name>, so that a subscriber follows one
// person, one organisation, all places or all quotes with one subject or
// wildcard. docs/subscribing.md describes the subjects, the tokens and the
// limits.
package fanout

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

// Token limits and reserved forms. A token holds lower-case letters, digits
// and '-' only, so '_' marks what newsflow makes up itself: a hash suffix
// on a cut token, an empty name, an unattributed quote. None of these can
// collide with the token of a real name.
const (
	// MaxTokenBytes is the longest token; a longer one is cut and ends in
	// "_" and a hash of the whole, so two long names that share a
	// beginning still get two subjects.
	MaxTokenBytes = 64
	// hashHex is the number of hex digits of the hash suffix.
	hashHex = 10
	// TokenUnattributed is the speaker token of a quote the article gives
	// no speaker for.
	TokenUnattributed = "_unattributed"
)

// foldLetters are Latin letters that Unicode does not decompose into a
// base letter and a mark, spelled as English text spells them.
var foldLetters = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ı': "i", 'ħ': "h", 'Ħ': "h",
}

// Token returns the subject token of a name (a speaker, an entity, an
// entity type):
//
//  1. compatibility decomposition (NFKD): full-width and ligature forms
//     become plain letters, accented letters a base letter and a mark;
//  2. marks are dropped and the few Latin letters without a decomposition
//     are spelled out (ß → ss, ø → o), then everything is lower case (a
//     Greek word's last σ is ς, as in "σωκρατης" for "ΣΩΚΡΑΤΗΣ");
//  3. letters and digits of any script are kept; apostrophes are dropped
//     (O'Brien → obrien); every other run of characters — spaces, dots,
//     hyphens, the wildcards * and >, punctuation, symbols, controls —
//     becomes one '-', and '-' never starts or ends a token;
//  4. a name with nothing left is "_" and a hash of the name; a token over
//     MaxTokenBytes is cut on a character boundary and given "_" and a
//     hash of the whole token.
//
// The result is always a valid single NATS subject token.
func Token(name string) string {
	tok, ok := asciiText(name)
	if !ok {
		tok = text(name)
	}
	if tok == "" {
		return "_" + hash(name)
	}
	if len(tok) <= MaxTokenBytes {
		return tok
	}
	cut := MaxTokenBytes - 1 - hashHex
	for cut > 0 && !utf8.RuneStart(tok[cut]) {
		cut--
	}
	return strings.TrimRight(tok[:cut], "-") + "_" + hash(tok)
}

// asciiText is text for a name of ASCII characters only, most names of
// the corpus, without the work the other scripts need: NFKD leaves ASCII
// as it is, and none of it is a mark, a folded letter or a Greek σ, so
// steps 1 and 2 come down to lower case. It reports false for any other
// name. (Token was some 40 % of building an article's events, most of
// it in the Unicode tables; TestASCIITextIsText holds the two paths
// equal.)
func asciiText(name string) (string, bool) {
	buf := make([]byte, 0, len(name))
	sep := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case c == '\'':
			continue
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z':
			if sep && len(buf) > 0 {
				buf = append(buf, '-')
			}
			sep = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		default:
			sep = true
		}
	}
	return string(buf), true
}

// text is steps 1 to 3 of Token for a name in any script.
func text(name string) string {
	var b strings.Builder
	sep := false
	signs := false // the last letter is of a script whose vowel signs are marks
	for _, r := range norm.NFKD.String(name) {
		switch {
		case (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)) && signs && !sep:
			// (Devanagari, Thai...: a vowel sign is part of the word, "मोदी"
			// and "मादा" are two names; dropped, or made a '-', they were
			// both म-द.)
			b.WriteRune(r)
			continue
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '’' || r == 'ʼ':
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if sep && b.Len() > 0 {
				finalSigma(&b)
				b.WriteByte('-')
			}
			sep = false
			signs = unicode.IsLetter(r) && unicode.In(r, signScripts...)
			if s, ok := foldLetters[r]; ok {
				b.WriteString(s)
				continue
			}
			b.WriteRune(unicode.ToLower(r))
		default:
			sep = true
		}
	}
	finalSigma(&b)
	return b.String()
}

// finalSigma writes a Greek word's last σ as ς, as Greek spells it in
// lower case: unicode.ToLower makes σ of every Σ, so "ΣΩΚΡΑΤΗΣ" was
// σωκρατησ and "Σωκράτης" σωκρατης, two tokens for names that differ only
// in case and accents.
func finalSigma(b *strings.Builder) {
	s := b.String()
	if !strings.HasSuffix(s, "σ") {
		return
	}
	// (σ alone is a word of one letter, not a word's end: left as it is.)
	rest := strings.TrimSuffix(s, "σ")
	if r, _ := utf8.DecodeLastRuneInString(rest); rest == "" || !unicode.IsLetter(r) {
		return
	}
	b.Reset()
	b.WriteString(rest)
	b.WriteString("ς")
}

// signScripts are the scripts whose vowel signs and viramas are combining
// marks that spell the word (Latin, Greek and Cyrillic marks are accents,
// dropped; Arabic and Hebrew marks are optional vowels, dropped too).
var signScripts = []*unicode.RangeTable{
	unicode.Devanagari, unicode.Bengali, unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya,
	unicode.Tamil, unicode.Telugu, unicode.Kannada, unicode.Malayalam, unicode.Sinhala,
	unicode.Thai, unicode.Lao, unicode.Tibetan, unicode.Myanmar, unicode.Khmer,
}

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:hashHex]
}

// Subject prefixes of the fan-out events, those of the ARTICLE_EVENTS
// stream.
const (
	QuotePrefix  = jsbus.SubjectQuotePrefix
	EntityPrefix = jsbus.SubjectEntityPrefix
)

// QuoteSubject returns the subject of the quotes of a speaker:
// articles.quote.<token>, or articles.quote._unattributed for "".
func QuoteSubject(speaker string) string {
	if strings.TrimSpace(speaker) == "" {
		return QuotePrefix + TokenUnattributed
	}
	return QuotePrefix + Token(speaker)
}

// EntitySubject returns the subject of an entity: articles.entity.<type in
// lower case>.<token of the name>.
func EntitySubject(typ, name string) string {
	return EntityPrefix + Token(typ) + "." + Token(name)
}

// EntityFilter returns the subject filter for an entity type and name,
// either of which may be empty for "any": EntityFilter("ORG", "") is
// articles.entity.org.*, EntityFilter("", "WHO") articles.entity.*.who.
func EntityFilter(typ, name string) string {
	t, n := "*", "*"
	if typ != "" {
		t = Token(typ)
	}
	if name != "" {
		n = Token(name)
	}
	return EntityPrefix + t + "." + n
}
