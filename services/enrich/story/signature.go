package story

import (
	"bufio"
	_ "embed"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsflow/newsflow/pkg/article"
)

//go:embed data/stopwords-en.txt
var stopwordsFile string

// stopwords is the English stop-word list, read once from the embedded file
// and never changed after.
var stopwords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(stopwordsFile))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w != "" && !strings.HasPrefix(w, "#") {
			m[w] = true
		}
	}
	return m
})

// words returns the lower-case words of s (letters and digits, NFKC, accents kept).
// It runs on every article's body, so it lowers and splits in one pass
// (what strings.ToLower and a split on non-letters would give) and makes
// one string of all the words.
func words(s string) []string {
	s = norm.NFKC.String(s)
	var buf strings.Builder // its String makes no copy
	buf.Grow(len(s))
	spans := make([]int32, 0, len(s)/3) // start and end in buf of each word
	start := -1
	for i := 0; i < len(s); {
		c, size := s[i], 1
		r := rune(c)
		var isWord bool
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				r += 'a' - 'A'
			}
			isWord = 'a' <= r && r <= 'z' || '0' <= r && r <= '9'
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			r = unicode.ToLower(r)
			isWord = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case isWord && start < 0:
			start = buf.Len()
		case !isWord && start >= 0:
			spans = append(spans, int32(start), int32(buf.Len()))
			start = -1
		}
		if r < utf8.RuneSelf {
			buf.WriteByte(byte(r))
		} else {
			buf.WriteRune(r)
		}
		i += size
	}
	if start >= 0 {
		spans = append(spans, int32(start), int32(buf.Len()))
	}
	all := buf.String()
	out := make([]string, len(spans)/2)
	for k := range out {
		out[k] = all[spans[2*k]:spans[2*k+1]]
	}
	return out
}

// fnv64 is FNV-1a: a hash that is the same in every process and version,
// which the shared state needs (hash/maphash is seeded per process).
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix64 is the splitmix64 finaliser: one shingle hash and a seed give one
// independent-looking hash per MinHash slot.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// shingleHashes calls f with the hash of each k-word shingle of the
// text's words (the whole text as one shingle when it is shorter), repeats
// included: MinHash keeps each slot's least value, which a repeat does not
// change, so no set is built. Each word is hashed once and a shingle's
// hash combines its words' hashes.
func shingleHashes(ws []string, k int, f func(uint64)) {
	if len(ws) == 0 {
		return
	}
	if len(ws) < k {
		k = len(ws)
	}
	var ring [16]uint64 // the last k word hashes; k is at most 16 here
	if k > len(ring) {
		wh := make([]uint64, len(ws))
		for i, w := range ws {
			wh[i] = fnv64(w)
		}
		for i := 0; i+k <= len(ws); i++ {
			h := uint64(k)
			for j := i; j < i+k; j++ {
				h = mix64(h ^ wh[j])
			}
			f(h)
		}
		return
	}
	for i, w := range ws {
		ring[i%k] = fnv64(w)
		if i+1 < k {
			continue
		}
		h := uint64(k)
		for j := i + 1 - k; j <= i; j++ {
			h = mix64(h ^ ring[j%k])
		}
		f(h)
	}
}

// minHash returns the MinHash signature of the text's shingles by one
// permutation hashing: each shingle's mixed hash falls in one of n slots
// and each slot keeps its least value; an empty slot (short texts) takes
// the value of the next filled slot, mixed with the distance. Two texts
// agree in a slot with probability close to their shingles' Jaccard
// similarity, for one hash per shingle instead of n.
func minHash(ws []string, k, n int) []uint32 {
	sig := make([]uint32, n)
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	filled := make([]bool, n)
	some := false
	shingleHashes(ws, k, func(h uint64) {
		some = true
		x := mix64(h ^ seeds[0])
		slot := int((x >> 32) % uint64(n))
		if v := uint32(x); !filled[slot] || v < sig[slot] {
			sig[slot], filled[slot] = v, true
		}
	})
	if !some {
		return sig
	}
	for i := range sig {
		if filled[i] {
			continue
		}
		for d := 1; d < n; d++ {
			if j := (i + d) % n; filled[j] {
				sig[i] = uint32(mix64(uint64(sig[j]) ^ seeds[d%maxHashes]))
				break
			}
		}
	}
	return sig
}

// seeds are fixed so that signatures made by any instance, now or after a
// restart, compare.
var seeds = func() [maxHashes]uint64 {
	var s [maxHashes]uint64
	x := uint64(0x6e657773666c6f77) // "newsflow"
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix64(x)
	}
	return s
}()

const maxHashes = 256

// similarity estimates the Jaccard similarity of two signatures: the share
// of slots that agree.
func similarity(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// bandKeys returns one key per LSH band of rows slots: texts whose
// signatures agree on a whole band become candidates.
func bandKeys(sig []uint32, bands int) []uint64 {
	rows := len(sig) / bands
	keys := make([]uint64, bands)
	for b := 0; b < bands; b++ {
		h := uint64(14695981039346656037) ^ uint64(b)
		for _, v := range sig[b*rows : (b+1)*rows] {
			h = mix64(h ^ uint64(v))
		}
		keys[b] = h
	}
	return keys
}

// keyTerms returns the hashes of the article's most frequent content words
// (not stop words, at least four letters, not digits), most frequent first
// and, on ties, alphabetically, so every instance picks the same ones.
func keyTerms(text []string, n int) []uint32 {
	sw := stopwords()
	tf := make(map[string]int, len(text)/2)
	for _, w := range text {
		if utf8.RuneCountInString(w) < 4 || sw[w] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLetter(r) {
			continue
		}
		tf[w]++
	}
	type term struct {
		w string
		n int
	}
	// The n best (most frequent, then alphabetical) kept in order as the
	// terms go by: no sort of all of them.
	better := func(a, b term) bool { return a.n > b.n || a.n == b.n && a.w < b.w }
	ts := make([]term, 0, n)
	for w, k := range tf {
		t := term{w, k}
		if len(ts) == n {
			if n == 0 || !better(t, ts[n-1]) {
				continue
			}
			ts = ts[:n-1]
		}
		i := len(ts)
		ts = append(ts, t)
		for ; i > 0 && better(t, ts[i-1]); i-- {
			ts[i] = ts[i-1]
		}
		ts[i] = t
	}
	out := make([]uint32, len(ts))
	for i, t := range ts {
		out[i] = uint32(fnv64(t.w))
	}
	return out
}

// headlineTerms returns the hashes of the headline's words that name
// something: words of the article's entities' names (nationalities aside)
// or words the body writes with a capital inside a sentence. That is what
// the headline is about ("Puerto Rico", "Humberto"), not how it says it
// ("former", "dies", "announces"), which unrelated headlines share.
func headlineTerms(h, body string, ents []article.Entity) []uint32 {
	// The headline's few candidate words first, in order, each once: the
	// entities and the body are only asked about them.
	sw := stopwords()
	var cand []string
	for _, w := range words(h) {
		if utf8.RuneCountInString(w) < 3 || sw[w] || slices.Contains(cand, w) {
			continue
		}
		cand = append(cand, w)
	}
	if len(cand) == 0 {
		return nil
	}
	named := make([]bool, len(cand))
	var lens uint64 // the candidates' byte lengths under 64, as bits
	for _, w := range cand {
		if len(w) < 64 {
			lens |= 1 << len(w)
		}
	}
	mark := func(w string) {
		if i := slices.Index(cand, w); i >= 0 {
			named[i] = true
		}
	}
	// A body word is lowered only when it may be a candidate: lowering
	// keeps an ASCII word's length.
	markBody := func(w string) {
		if len(w) < 64 && lens&(1<<len(w)) == 0 && isASCII(w) {
			return
		}
		mark(strings.ToLower(w))
	}
	for _, e := range ents {
		if e.Type == article.TypeNORP {
			continue
		}
		for _, w := range words(e.Name) {
			mark(w)
		}
		for _, a := range e.Aliases {
			for _, w := range words(a) {
				mark(w)
			}
		}
	}
	properWords(body, markBody)
	var out []uint32
	for i, w := range cand {
		if named[i] {
			out = append(out, uint32(fnv64(w)))
		}
	}
	return out
}

// properWords calls f with each word that body writes with a capital letter after another word of the same sentence (not after '.',
// '!', '?', a quote mark or a line break): proper nouns, mostly.
func properWords(body string, f func(string)) {
	prev := '.'
	word := -1
	flush := func(end int) {
		if word >= 0 {
			w := body[word:end]
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				f(w)
			}
			word = -1
		}
	}
	for i := 0; i < len(body); {
		// ASCII inline; the rest through unicode.
		c, size := body[i], 1
		r := rune(c)
		var isWord, isSpace bool
		if c < utf8.RuneSelf {
			isWord = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
			isSpace = c == ' ' || '\t' <= c && c <= '\r'
		} else {
			r, size = utf8.DecodeRuneInString(body[i:])
			isWord = unicode.IsLetter(r) || unicode.IsDigit(r)
			isSpace = unicode.IsSpace(r)
		}
		switch {
		case isWord && word < 0:
			if prev != '.' && prev != '!' && prev != '?' && prev != '\n' && prev != '"' && prev != '“' {
				word = i
			} else {
				word = -2 - i // a sentence's first word: skip it
			}
		case !isWord && word != -1:
			if word >= 0 {
				flush(i)
			}
			word = -1
		}
		if !isSpace || r == '\n' {
			if !isWord {
				prev = r
			} else {
				prev = 'a'
			}
		}
		i += size
	}
	if word >= 0 {
		flush(len(body))
	}
}

// entityKeys returns the hashes of the article's main named entities (the
// most mentioned first, ties by name): people, organisations, places and
// facilities, not nationalities, which name no event.
func entityKeys(ents []article.Entity, n int) []uint32 {
	type e struct {
		key   string
		count int
	}
	var es []e
	seen := map[string]bool{}
	for _, x := range ents {
		if x.Type == article.TypeNORP {
			continue
		}
		k := x.Type + ":" + strings.Join(words(x.Name), " ")
		if seen[k] {
			continue
		}
		seen[k] = true
		c := x.Count
		if c == 0 {
			c = len(x.Mentions)
		}
		es = append(es, e{k, max(c, 1)})
	}
	sort.Slice(es, func(i, j int) bool {
		if es[i].count != es[j].count {
			return es[i].count > es[j].count
		}
		return es[i].key < es[j].key
	})
	if len(es) > n {
		es = es[:n]
	}
	out := make([]uint32, len(es))
	for i, x := range es {
		out[i] = uint32(fnv64(x.key))
	}
	return out
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
