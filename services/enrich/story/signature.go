package story

import (
	"bufio"
	_ "embed"
	"math"
	"math/bits"
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

// stopHashes is the stop-word list by the words' fnv64 hashes, for texts
// read by readText.
var stopHashes = sync.OnceValue(func() map[uint64]bool {
	m := map[uint64]bool{}
	for w := range stopwords() {
		m[fnv64(w)] = true
	}
	return m
})

// words returns the lower-case words of s (letters and digits, NFKC, accents kept).
func words(s string) []string {
	t := readText(s)
	out := make([]string, t.len())
	for i := range out {
		out[i] = t.word(i)
	}
	return out
}

// text is a text read once for a record: its lower-case words (letters
// and digits, NFKC, accents kept), each word's hash, and which words it
// writes as proper nouns.
type text struct {
	all    string   // the lower-case text
	spans  []int32  // start and end in all of each word
	hashes []uint64 // fnv64 of each word
	// proper marks the words written with a capital letter after another
	// word of the same sentence (not after '.', '!', '?', a quote mark or
	// a line break): proper nouns, mostly.
	proper []bool
}

// readText reads s in one pass: it lowers and splits (what strings.ToLower
// and a split on non-letters would give), notes each word's capital and
// place in its sentence, and makes one string of all the words. It runs on
// every article's body.
func readText(s string) text {
	s = norm.NFKC.String(s)
	var buf strings.Builder // the words only; its String makes no copy
	buf.Grow(len(s))
	var t text
	t.spans = make([]int32, 0, len(s)/3) // start and end in buf of each word
	t.hashes = make([]uint64, 0, len(s)/5)
	t.proper = make([]bool, 0, len(s)/5)
	start := -1
	var h uint64    // the word's fnv64 so far
	prev := '.'     // the last character that is not a space, or a line break
	var enc [4]byte // a lowered rune's bytes
	for i := 0; i < len(s); {
		c, size := s[i], 1
		r := rune(c) // as written
		lr := r      // lowered
		var isWord, isSpace bool
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				lr += 'a' - 'A'
			}
			isWord = 'a' <= lr && lr <= 'z' || '0' <= lr && lr <= '9'
			isSpace = c == ' ' || '\t' <= c && c <= '\r'
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			lr = unicode.ToLower(r)
			isWord = unicode.IsLetter(lr) || unicode.IsDigit(lr)
			isSpace = unicode.IsSpace(r)
		}
		i += size
		if !isWord {
			if start >= 0 {
				t.spans = append(t.spans, int32(start), int32(buf.Len()))
				t.hashes = append(t.hashes, h)
				start = -1
			}
			if !isSpace || r == '\n' {
				prev = r
			}
			continue
		}
		if start < 0 {
			start, h = buf.Len(), fnvBasis
			inSentence := prev != '.' && prev != '!' && prev != '?' && prev != '\n' && prev != '"' && prev != '“'
			t.proper = append(t.proper, inSentence && unicode.IsUpper(r))
			prev = 'a'
		}
		if lr < utf8.RuneSelf {
			buf.WriteByte(byte(lr))
			h = (h ^ uint64(lr)) * fnvPrime
			continue
		}
		for _, b := range utf8.AppendRune(enc[:0], lr) {
			buf.WriteByte(b)
			h = (h ^ uint64(b)) * fnvPrime
		}
	}
	if start >= 0 {
		t.spans = append(t.spans, int32(start), int32(buf.Len()))
		t.hashes = append(t.hashes, h)
	}
	t.all = buf.String()
	return t
}

// len returns the number of words.
func (t text) len() int { return len(t.hashes) }

// word returns the i-th word.
func (t text) word(i int) string { return t.all[t.spans[2*i]:t.spans[2*i+1]] }

// fnv64 is FNV-1a: a hash that is the same in every process and version,
// which the shared state needs (hash/maphash is seeded per process).
func fnv64(s string) uint64 {
	h := uint64(fnvBasis)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// FNV-1a's 64-bit offset basis and prime.
const fnvBasis, fnvPrime = 14695981039346656037, 1099511628211

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
// change, so no set is built. wh are the words' hashes (text.hashes): a
// shingle's hash combines its words'.
func shingleHashes(wh []uint64, k int, f func(uint64)) {
	if len(wh) == 0 {
		return
	}
	if len(wh) < k {
		k = len(wh)
	}
	for i := 0; i+k <= len(wh); i++ {
		h := uint64(k)
		for _, x := range wh[i : i+k] {
			h = mix64(h ^ x)
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
func minHash(wh []uint64, k, n int) []uint32 {
	sig := make([]uint32, n)
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	filled := make([]bool, n)
	some := false
	shingleHashes(wh, k, func(h uint64) {
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

// keyTerms returns the hashes of the text's most frequent content words
// (not stop words, at least four letters, not digits), most frequent first
// and, on ties, alphabetically, so every instance picks the same ones.
// Words are counted by hash (text.hashes): a 64-bit collision between two
// of an article's words is not to be expected.
func keyTerms(t text, n int) []uint32 {
	sw := stopHashes()
	type term struct {
		h    uint64
		word int32 // the index of its first occurrence
		n    int32
	}
	tf := make([]term, 0, t.len()/2)
	// An open-addressing table of the terms by hash (index+1 in tf, 0
	// empty), at most half full: the words' hashes are hashes already.
	slots := make([]int32, 1<<bits.Len(uint(2*t.len())))
	mask := uint64(len(slots) - 1)
words:
	for i, h := range t.hashes {
		w := t.word(i)
		if len(w) < 4 || utf8.RuneCountInString(w) < 4 {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLetter(r) {
			continue
		}
		for j := h & mask; ; j = (j + 1) & mask {
			switch k := slots[j]; {
			case k == 0:
				if sw[h] {
					continue words
				}
				tf = append(tf, term{h, int32(i), 1})
				slots[j] = int32(len(tf))
				continue words
			case tf[k-1].h == h:
				tf[k-1].n++
				continue words
			}
		}
	}
	// The n best (most frequent, then alphabetical) kept in order as the
	// terms go by: no sort of all of them.
	better := func(a, b term) bool {
		return a.n > b.n || a.n == b.n && t.word(int(a.word)) < t.word(int(b.word))
	}
	ts := make([]term, 0, n)
	for _, x := range tf {
		if len(ts) == n {
			if n == 0 || !better(x, ts[n-1]) {
				continue
			}
			ts = ts[:n-1]
		}
		i := len(ts)
		ts = append(ts, x)
		for ; i > 0 && better(x, ts[i-1]); i-- {
			ts[i] = ts[i-1]
		}
		ts[i] = x
	}
	out := make([]uint32, len(ts))
	for i, x := range ts {
		out[i] = uint32(x.h)
	}
	return out
}

// headlineTerms returns the hashes of the headline's words that name
// something: words of the article's entities' names (nationalities aside)
// or words the body writes with a capital inside a sentence. That is what
// the headline is about ("Puerto Rico", "Humberto"), not how it says it
// ("former", "dies", "announces"), which unrelated headlines share.
func headlineTerms(h string, body text, ents []article.Entity) []uint32 {
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
	maybe := func(w string) bool { return len(w) >= 64 || lens&(1<<len(w)) != 0 }
	mark := func(w string) {
		if i := slices.Index(cand, w); i >= 0 {
			named[i] = true
		}
	}
	// An ASCII name's words are compared as written, without lowering
	// them into new strings: a lowered ASCII word equals a candidate only
	// if the candidate is ASCII and equal but for case.
	markName := func(name string) {
		if !isASCII(name) {
			for _, w := range words(name) {
				mark(w)
			}
			return
		}
		asciiWords(name, func(w string) {
			if !maybe(w) {
				return
			}
			for i, c := range cand {
				if isASCII(c) && strings.EqualFold(w, c) {
					named[i] = true
				}
			}
		})
	}
	for _, e := range ents {
		if e.Type == article.TypeNORP {
			continue
		}
		markName(e.Name)
		for _, a := range e.Aliases {
			markName(a)
		}
	}
	for i, p := range body.proper {
		if w := body.word(i); p && maybe(w) {
			mark(w)
		}
	}
	var out []uint32
	for i, w := range cand {
		if named[i] {
			out = append(out, uint32(fnv64(w)))
		}
	}
	return out
}

// asciiWords calls f with each word of the ASCII text s as written (runs
// of letters and digits), the words readText would give but for case.
func asciiWords(s string, f func(string)) {
	start := -1
	for i := 0; i <= len(s); i++ {
		isWord := false
		if i < len(s) {
			c := s[i]
			isWord = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		}
		switch {
		case isWord && start < 0:
			start = i
		case !isWord && start >= 0:
			f(s[start:i])
			start = -1
		}
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
	var b []byte
	for _, x := range ents {
		if x.Type == article.TypeNORP {
			continue
		}
		// The key is the type and the name's lower-case words, one space apart.
		b = append(append(b[:0], x.Type...), ':')
		first := true
		sep := func() {
			if !first {
				b = append(b, ' ')
			}
			first = false
		}
		if isASCII(x.Name) {
			asciiWords(x.Name, func(w string) {
				sep()
				for i := 0; i < len(w); i++ {
					c := w[i]
					if 'A' <= c && c <= 'Z' {
						c += 'a' - 'A'
					}
					b = append(b, c)
				}
			})
		} else {
			for _, w := range words(x.Name) {
				sep()
				b = append(b, w...)
			}
		}
		if seen[string(b)] {
			continue
		}
		k := string(b)
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
