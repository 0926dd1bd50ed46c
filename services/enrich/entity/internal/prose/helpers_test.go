package prose

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The upstream forms of the helpers the fork rewrote.

func upstreamShape(word string) string {
	if _, err := strconv.ParseFloat(word, 64); err == nil {
		return "number"
	} else if match, _ := regexp.MatchString(`\W+$`, word); match {
		return "punct"
	} else if match, _ := regexp.MatchString(`\w+$`, word); match {
		if strings.ToLower(word) == word {
			return "downcase"
		} else if strings.Title(word) == word { //nolint:staticcheck // upstream's definition
			return "upcase"
		} else {
			return "mixedcase"
		}
	}
	return "other"
}

func upstreamNormalize(word string) string {
	if word == "" {
		return word
	}
	first := string(word[0])
	if strings.Contains(word, "-") && first != "-" {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if _, err := strconv.Atoi(first); err == nil {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

var helperWords = []string{
	"", "a", "A", "The", "the", "THE", "McDonald", "iPhone", "U.S.", "U.S", "Mr.", "e.g.", "x_y", "_",
	"1", "1999", "+199", "-199", "1e5", "0x1p-2", "1_000", "3.14", "-", "--", "-LRB-", "-NONE-", "*", "*T*-1", "0",
	"inf", "Inf", "+Inf", "-infinity", "INFINITY", "nan", "NaN", "+nan", "infinite", "i", "n", "+", "+-",
	"café", "Café", "CAFÉ", "Ærø", "ǆemal", "ǅemal", "naïve", "Zürich", "São Paulo", "\xe2\x80", "ab\xff", "\xff",
	"it's", "Don't", "they'll", "O'Neill", "(", ")", ",", ".", "\"", "'", "$100", "100%", "#1", "@user", "a@b.com",
	"www.example.com", "http://x.org/a", "22-mile", "35-km", "Al-Qaeda", "self-driving", "x2", "2x", "A1", "ǈ", "ß",
}

func TestShapeNormalizeNumeric(t *testing.T) {
	for _, w := range helperWords {
		lower := strings.ToLower(w)
		if got, want := shape(w, lower), upstreamShape(w); got != want {
			t.Errorf("shape(%q) = %q, upstream %q", w, got, want)
		}
		if got, want := normalize(w), upstreamNormalize(w); got != want {
			t.Errorf("normalize(%q) = %q, upstream %q", w, got, want)
		}
		_, err := strconv.ParseFloat(w, 64)
		if got := isNumeric(w); got != (err == nil) {
			t.Errorf("isNumeric(%q) = %v", w, got)
		}
		if w == "" {
			continue
		}
		if got, want := nSuffix(w, lower, 3), strings.ToLower(w[len(w)-min(len(w), 3):]); got != want {
			t.Errorf("nSuffix(%q) = %q, want %q", w, got, want)
		}
		if got, want := nPrefix(w, lower, 3), strings.ToLower(w[:min(len(w), 3)]); got != want {
			t.Errorf("nPrefix(%q) = %q, want %q", w, got, want)
		}
		if got, want := isBasic(w), map[bool]string{true: "True", false: "False"}[stringInSlice(w, enWordList)]; got != want {
			t.Errorf("isBasic(%q) = %q, want %q", w, got, want)
		}
		if got, want := lowerTag(w), strings.ToLower(w); got != want {
			t.Errorf("lowerTag(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestTokenizeCacheAliases keeps upstream's tokenizer behaviour: a repeated
// whitespace-delimited span yields the same *Token values, so the tag and
// label of its last occurrence show at every occurrence.
func TestTokenizeCacheAliases(t *testing.T) {
	toks := newIterTokenizer().tokenize("said that he said so")
	if len(toks) != 5 || toks[0] != toks[3] {
		t.Fatalf("want the two \"said\" tokens shared: %v", toks)
	}
}
