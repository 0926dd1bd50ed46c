package prose

import (
	"bytes"
	"encoding/gob"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	upstream "github.com/jdkato/prose/v2"
)

// decodeAsset decodes one gob file of the default model, embedded in the
// unmodified upstream package.
func decodeAsset(folder, name string, v any) error {
	b, err := upstream.Asset(path.Join("model", folder, name))
	if err != nil {
		return err
	}
	return gob.NewDecoder(bytes.NewReader(b)).Decode(v)
}

// isNumeric reports whether strconv.ParseFloat accepts s. ParseFloat
// allocates an error on failure, so strings that cannot parse (no digit and
// not an inf/nan spelling) are rejected first.
func isNumeric(s string) bool {
	if s == "" {
		return false
	}
	digit := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			digit = true
			break
		}
	}
	if !digit {
		switch s[0] {
		case '+', '-', 'i', 'I', 'n', 'N':
			if len(s) > len("+infinity") {
				return false
			}
		default:
			return false
		}
	}
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// stringInSlice determines if `slice` contains the string `a`.
func stringInSlice(a string, slice []string) bool {
	for _, b := range slice {
		if a == b {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	n := len(s)
	for _, prefix := range prefixes {
		if n > len(prefix) && strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes []string) bool {
	n := len(s)
	for _, suffix := range suffixes {
		if n > len(suffix) && strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

func hasAnyIndex(s string, suffixes []string) int {
	n := len(s)
	for _, suffix := range suffixes {
		idx := strings.Index(s, suffix)
		if idx >= 0 && n > len(suffix) {
			return idx
		}
	}
	return -1
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// nSuffix is strings.ToLower(word[len(word)-min(len(word), n):]); lower is
// strings.ToLower(word), whose bytes are the same for an ASCII word.
func nSuffix(word, lower string, n int) string {
	if isASCII(word) {
		return lower[len(lower)-min(len(lower), n):]
	}
	return strings.ToLower(word[len(word)-min(len(word), n):])
}

// nPrefix is strings.ToLower(word[:min(len(word), n)]).
func nPrefix(word, lower string, n int) string {
	if isASCII(word) {
		return lower[:min(len(lower), n)]
	}
	return strings.ToLower(word[:min(len(word), n)])
}

// enWords is enWordList as a set (read-only after init).
var enWords = func() map[string]struct{} {
	m := make(map[string]struct{}, len(enWordList))
	for _, w := range enWordList {
		m[w] = struct{}{}
	}
	return m
}()

func isBasic(word string) string {
	if _, ok := enWords[word]; ok {
		return "True"
	}
	return "False"
}

// isWordByte is regexp's ASCII \w.
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// shape is upstream's shape without its per-call regexp compilation:
// `\W+$` matches when the last rune is not an ASCII word character (a rune
// of a non-ASCII or invalid last byte never is), and `\w+$` otherwise
// (for a non-empty word). lower is strings.ToLower(word).
func shape(word, lower string) string {
	if isNumeric(word) {
		return "number"
	}
	if word == "" {
		return "other"
	}
	if !isWordByte(word[len(word)-1]) {
		return "punct"
	}
	if lower == word {
		return "downcase"
	} else if isTitle(word) {
		return "upcase"
	}
	return "mixedcase"
}

// isTitle reports whether strings.Title(word) == word without building it.
func isTitle(s string) bool {
	prev := ' '
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return false // strings.Map writes U+FFFD for it: not equal
		}
		if isSeparator(prev) && unicode.ToTitle(r) != r {
			return false
		}
		prev = r
		i += n
	}
	return true
}

// isSeparator is strings.isSeparator (used by strings.Title).
func isSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9':
			return false
		case 'a' <= r && r <= 'z':
			return false
		case 'A' <= r && r <= 'Z':
			return false
		case r == '_':
			return false
		}
		return true
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}
