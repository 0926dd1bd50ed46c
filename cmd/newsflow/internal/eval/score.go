package eval

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The matching rules below follow ../shared/gold/GUIDELINES.md and the
// reference scorer score-gold line by line, so that both give the same numbers.

// Gold is one gold annotation file.
type Gold struct {
	ID       string       `json:"id"`
	Source   string       `json:"source,omitempty"`
	Quotes   []GoldQuote  `json:"quotes"`
	Entities []GoldEntity `json:"entities"`
	// HasQuotes is false for entity-only gold (no "quotes" key): no quotes are scored.
	HasQuotes bool `json:"-"`
}

// GoldQuote is one annotated quote.
type GoldQuote struct {
	Text           string   `json:"text"`
	Speaker        *string  `json:"speaker"`
	SpeakerAliases []string `json:"speaker_aliases"`
	SpeakerType    *string  `json:"speaker_type"`
	Cue            *string  `json:"cue"`
}

// GoldEntity is one annotated entity.
type GoldEntity struct {
	Name     string        `json:"name"`
	Type     string        `json:"type"`
	Aliases  []string      `json:"aliases"`
	Mentions []GoldMention `json:"mentions,omitempty"`
}

// GoldMention is a mention of a gold entity (GUM gold has them).
type GoldMention struct {
	Text string `json:"text"`
}

// norpComplete reports whether the gold marks nationality adjectives (GUM does not).
func (g *Gold) norpComplete() bool { return !strings.HasPrefix(g.Source, "GUM") }

var (
	// Python's \s also matches Unicode spaces; \p{Z} and the separators cover them.
	edgeRE  = regexp.MustCompile(`^[\s\p{Z}\x{85}\x{1c}-\x{1f}"'“”‘’.,;:!?()\[\]-]+|[\s\p{Z}\x{85}\x{1c}-\x{1f}"'“”‘’.,;:!?()\[\]-]+$`)
	spaceRE = regexp.MustCompile(`[\s\p{Z}\x{85}\x{1c}-\x{1f}]+`)
	artRE   = regexp.MustCompile(`^(the|a|an) `)
	quoteRp = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`)
)

// fold normalises a text for comparison: NFKC, straight quotes, one space,
// no outer punctuation, lower case.
func fold(s string) string {
	s = norm.NFKC.String(s)
	s = quoteRp.Replace(s)
	s = strings.TrimFunc(spaceRE.ReplaceAllString(s, " "), unicode.IsSpace)
	return strings.ToLower(edgeRE.ReplaceAllString(s, ""))
}

// overlap is the share of the longer folded text covered by the matching
// blocks of the two texts (difflib.SequenceMatcher without autojunk).
func overlap(a, b string) float64 {
	ra, rb := []rune(fold(a)), []rune(fold(b))
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	return float64(matchingChars(ra, rb)) / float64(max(len(ra), len(rb)))
}

// matchingChars sums the sizes of the matching blocks that Python's
// SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() finds:
// the longest common block (earliest in a, then in b, on ties), then the
// same recursively on the left and right remainders.
func matchingChars(a, b []rune) int {
	b2j := map[rune][]int{}
	for j, c := range b {
		b2j[c] = append(b2j[c], j)
	}
	type span struct{ alo, ahi, blo, bhi int }
	total := 0
	queue := []span{{0, len(a), 0, len(b)}}
	for len(queue) > 0 {
		s := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		i, j, k := longestMatch(a, b, b2j, s.alo, s.ahi, s.blo, s.bhi)
		if k == 0 {
			continue
		}
		total += k
		if s.alo < i && s.blo < j {
			queue = append(queue, span{s.alo, i, s.blo, j})
		}
		if i+k < s.ahi && j+k < s.bhi {
			queue = append(queue, span{i + k, s.ahi, j + k, s.bhi})
		}
	}
	return total
}

// longestMatch is difflib's find_longest_match with no junk.
func longestMatch(a, b []rune, b2j map[rune][]int, alo, ahi, blo, bhi int) (int, int, int) {
	besti, bestj, bestsize := alo, blo, 0
	j2len := map[int]int{}
	for i := alo; i < ahi; i++ {
		newj2len := map[int]int{}
		for _, j := range b2j[a[i]] {
			if j < blo {
				continue
			}
			if j >= bhi {
				break
			}
			k := j2len[j-1] + 1
			newj2len[j] = k
			if k > bestsize {
				besti, bestj, bestsize = i-k+1, j-k+1, k
			}
		}
		j2len = newj2len
	}
	for besti > alo && bestj > blo && a[besti-1] == b[bestj-1] {
		besti, bestj, bestsize = besti-1, bestj-1, bestsize+1
	}
	for besti+bestsize < ahi && bestj+bestsize < bhi && a[besti+bestsize] == b[bestj+bestsize] {
		bestsize++
	}
	return besti, bestj, bestsize
}

// matchQuotes pairs gold quotes with predicted quote texts: each gold quote
// takes the unused prediction that overlaps it most, if by at least 80%.
func matchQuotes(gold []GoldQuote, pred []string) [][2]int {
	var pairs [][2]int
	used := map[int]bool{}
	for gi, g := range gold {
		best, bj := 0.0, -1
		for pj, p := range pred {
			if used[pj] {
				continue
			}
			if o := overlap(g.Text, p); o > best {
				best, bj = o, pj
			}
		}
		if bj >= 0 && best >= 0.8 {
			used[bj] = true
			pairs = append(pairs, [2]int{gi, bj})
		}
	}
	return pairs
}

func nameForms(g GoldQuote) map[string]bool {
	forms := map[string]bool{}
	if g.Speaker != nil {
		forms[fold(*g.Speaker)] = true
	}
	for _, a := range g.SpeakerAliases {
		forms[fold(a)] = true
	}
	delete(forms, "")
	for f := range forms { // "the spokeswoman" also matches "spokeswoman"
		forms[artRE.ReplaceAllString(f, "")] = true
	}
	return forms
}

// speakerOK reports whether the predicted speaker names the gold speaker.
func speakerOK(g GoldQuote, pred string) bool {
	if g.Speaker == nil {
		return pred == ""
	}
	p := fold(pred)
	if p == "" {
		return false
	}
	p = artRE.ReplaceAllString(p, "")
	if nameForms(g)[p] {
		return true
	}
	pw := strings.Fields(p)
	if g.SpeakerType != nil && *g.SpeakerType == "PERSON" && *g.Speaker != "" && len(strings.Fields(*g.Speaker)) > 0 {
		gw := strings.Fields(fold(*g.Speaker))
		if len(gw) > 0 && len(pw) > 0 && pw[len(pw)-1] == gw[len(gw)-1] && !hasAny(pw, "spokeswoman", "spokesman", "spokesperson") {
			return true
		}
	}
	// Unnamed speakers: the head noun must be in the prediction.
	if *g.Speaker != "" && !startsUpper(*g.Speaker) {
		gw := strings.Fields(fold(*g.Speaker))
		return len(gw) > 0 && hasAny(pw, gw[len(gw)-1])
	}
	return false
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func hasAny(words []string, want ...string) bool {
	for _, w := range words {
		for _, x := range want {
			if w == x {
				return true
			}
		}
	}
	return false
}

// coarse maps other tag sets' type names onto the guideline's.
var coarse = map[string]string{"ORGANIZATION": "ORG", "LOCATION": "LOC", "FACILITY": "FAC", "GSP": "GPE"}

func coarseType(t string) string {
	if c, ok := coarse[t]; ok {
		return c
	}
	return t
}

func isPlace(t string) bool { return t == "GPE" || t == "LOC" || t == "FAC" }

// sameType: the place types count as one another, the line between them
// being a judgement call.
func sameType(a, b string) bool { return a == b || (isPlace(a) && isPlace(b)) }

// predEntity is the part of a predicted entity the scorer reads.
type predEntity struct {
	Name     string
	Type     string
	Aliases  []string
	Mentions []string
}

func entForms(name string, aliases, mentions []string) map[string]bool {
	forms := map[string]bool{fold(name): true}
	for _, a := range aliases {
		forms[fold(a)] = true
	}
	for _, m := range mentions {
		forms[fold(m)] = true
	}
	delete(forms, "")
	return forms
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// matchEntities counts true positives, false positives and false negatives:
// each gold entity takes the first unused prediction of a matching type that
// shares a form with it. NORP predictions are not false positives when the
// gold marks no NORP, or does not mark nationality adjectives at all.
func matchEntities(gold []GoldEntity, pred []predEntity, norpComplete bool) (tp, fp, fn int) {
	m := matchEntitiesDetail(gold, pred, norpComplete)
	return len(m.pairs), len(m.extra), len(m.missed)
}

// entityMatch is the outcome of matching one article's entities: the typed
// gold entities, the (gold, prediction) pairs, the gold left unmatched and
// the predictions counted as false positives.
type entityMatch struct {
	gold   []GoldEntity
	gforms []map[string]bool
	pforms []map[string]bool
	pairs  [][2]int
	missed []int
	extra  []int
}

func matchEntitiesDetail(gold []GoldEntity, pred []predEntity, norpComplete bool) entityMatch {
	var m entityMatch
	for _, g := range gold {
		if g.Type != "" {
			m.gold = append(m.gold, g)
		}
	}
	hasNORP := false
	if norpComplete {
		for _, g := range m.gold {
			if g.Type == "NORP" {
				hasNORP = true
			}
		}
	}
	used := map[int]bool{}
	m.pforms = make([]map[string]bool, len(pred))
	for i, p := range pred {
		m.pforms[i] = entForms(p.Name, p.Aliases, p.Mentions)
	}
	for gi, g := range m.gold {
		var gm []string
		for _, mt := range g.Mentions {
			gm = append(gm, mt.Text)
		}
		gf := entForms(g.Name, g.Aliases, gm)
		m.gforms = append(m.gforms, gf)
		hit := false
		for pj, p := range pred {
			if used[pj] {
				continue
			}
			if sameType(coarseType(p.Type), g.Type) && intersects(m.pforms[pj], gf) {
				used[pj] = true
				m.pairs = append(m.pairs, [2]int{gi, pj})
				hit = true
				break
			}
		}
		if !hit {
			m.missed = append(m.missed, gi)
		}
	}
	for i, p := range pred {
		if used[i] {
			continue
		}
		if hasNORP || coarseType(p.Type) != "NORP" {
			m.extra = append(m.extra, i)
		}
	}
	return m
}

// sameForms returns the first prediction counted as a false positive that
// shares a form with gold entity gi (whatever its type), or -1.
func (m entityMatch) sameForms(gi int, pred []predEntity, taken map[int]bool) int {
	for _, pj := range m.extra {
		if !taken[pj] && intersects(m.pforms[pj], m.gforms[gi]) {
			return pj
		}
	}
	return -1
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}
