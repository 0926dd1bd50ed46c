package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newsflow/newsflow/pkg/article"
)

// group is one entity being built from its mentions.
type group struct {
	key      string
	ms       []mention
	headOnly []mention // mentions in headline fields (no body offsets)
	canon    string
	votes    map[string]int
	titles   []string
}

func (g *group) add(m mention) {
	if m.headline {
		g.headOnly = append(g.headOnly, m)
	} else {
		g.ms = append(g.ms, m)
	}
	if m.typ != "" {
		// Stronger evidence weighs more; a gazetteer hit outweighs any number
		// of guesses.
		w := []int{1, 2, 8, 100}[m.ev]
		g.votes[m.typ] += w
	}
	if m.canon != "" && g.canon == "" {
		g.canon = m.canon
	}
	if m.title != "" && !contains(g.titles, m.title) {
		g.titles = append(g.titles, m.title)
	}
}

func (g *group) typ() string {
	best, bw := "", 0
	for _, t := range []string{article.TypePerson, article.TypeGPE, article.TypeOrg, article.TypeNORP, article.TypeLoc, article.TypeFac} {
		if g.votes[t] > bw {
			best, bw = t, g.votes[t]
		}
	}
	return best
}

func (g *group) maxEv() int {
	ev := -1
	for _, m := range append(g.ms, g.headOnly...) {
		if m.typ != "" && m.ev > ev {
			ev = m.ev
		}
	}
	return ev
}

// resolve groups the mentions of one article into entities.
func (r *Recognizer) resolve(body, head []mention, sporty bool) []article.Entity {
	groups := map[string]*group{}
	var order []*group
	get := func(key string) *group {
		g, ok := groups[key]
		if !ok {
			g = &group{key: key, votes: map[string]int{}}
			groups[key] = g
			order = append(order, g)
		}
		return g
	}
	all := append(append([]mention(nil), body...), head...)

	// Full person names first, so that short forms can find them.
	persons := map[string][]*group{} // surname -> groups
	given := map[string][]*group{}   // given name -> groups
	for _, m := range all {
		if m.typ == article.TypePerson && len(m.words) >= 2 && m.canon == "" {
			g := get("p:" + fold(m.text))
			first, last := m.words[0], m.words[len(m.words)-1]
			last, first = fold(last), fold(first)
			if !contains2(persons[last], g) {
				persons[last] = append(persons[last], g)
			}
			if !contains2(given[first], g) {
				given[first] = append(given[first], g)
			}
		}
	}
	// Organisation initials: "Internal Revenue Service" gives "IRS".
	initials := map[string]string{}
	for _, m := range all {
		if (m.typ == article.TypeOrg || m.typ == article.TypeGPE) && len(m.words) >= 2 {
			var b strings.Builder
			for _, w := range m.words {
				if isCap(w) {
					r, _ := utf8.DecodeRuneInString(w)
					b.WriteRune(r)
				}
			}
			if b.Len() >= 2 {
				initials[b.String()] = m.text
			}
		}
	}

	orgHeads := map[string]string{} // "NBC" -> key of "NBC News"
	for _, m := range all {
		if m.typ == article.TypeOrg && len(m.words) == 2 && r.lx.headCue[m.words[1]] == article.TypeOrg && m.canon == "" {
			orgHeads[m.words[0]] = "t:" + fold(m.text)
		}
	}
	// "Supreme Court" after "Supreme Court of Cassation": an organisation's
	// name without its "of ..." complement, when only one name has that head.
	ofHead := map[string]string{}
	for _, m := range all {
		if m.typ != article.TypeOrg || m.canon != "" {
			continue
		}
		for k := 2; k < len(m.words)-1; k++ {
			if m.words[k] == "of" {
				h := fold(strings.Join(m.words[:k], " "))
				if prev, ok := ofHead[h]; ok && prev != "t:"+fold(m.text) {
					ofHead[h] = "" // two names share it: ambiguous
				} else if !ok {
					ofHead[h] = "t:" + fold(m.text)
				}
				break
			}
		}
	}
	type at struct {
		field string
		start int
	}
	keyAt := map[at]string{} // mention start in its field -> group key
	for _, m := range all {
		key := ""
		switch {
		case m.parenOf > 0 && keyAt[at{m.field, m.parenOf - 1}] != "" && !m.headline:
			key = keyAt[at{m.field, m.parenOf - 1}]
		case len(m.words) >= 2 && ofHead[fold(m.text)] != "" && m.typ != article.TypePerson:
			key = ofHead[fold(m.text)]
		case len(m.words) == 1 && len(persons[fold(m.words[0])]) > 0 && (m.ev < evGaz || m.typ == article.TypePerson):
			// "Pompeo" after "Mike Pompeo"; several people sharing it: the first.
			g := persons[fold(m.words[0])][0]
			key = g.key
			m.typ, m.ev = article.TypePerson, evRule
		case len(m.words) == 1 && len(given[fold(m.words[0])]) == 1 && (m.ev < evGaz || m.typ == article.TypePerson):
			// "Jamal" after "Jamal Khashoggi", when no one else has that name.
			key = given[fold(m.words[0])][0].key
			m.typ, m.ev = article.TypePerson, evRule
		case len(m.words) == 1 && orgHeads[m.text] != "":
			// "NBC" beside "NBC News": the name without its cue word.
			key = orgHeads[m.text]
		case m.typ == article.TypePerson && len(m.words) >= 2 && m.canon == "":
			key = "p:" + fold(m.text)
		case m.canon != "":
			key = "c:" + m.canon
		case isAcronym(m.text) && initials[strings.ReplaceAll(m.text, ".", "")] != "":
			full := initials[strings.ReplaceAll(m.text, ".", "")]
			if ent, ok := r.lx.lookup(full); ok {
				key = "c:" + ent.canonical
			} else {
				key = "t:" + strings.ToLower(full)
			}
		default:
			key = "t:" + fold(m.text)
			if c, ok := r.lx.lookup(m.text); ok {
				key = "c:" + c.canonical
			} else if _, ok := groups["p:"+fold(m.text)]; ok {
				// The same words typed otherwise elsewhere in the article
				// are the same entity: its type is the vote of both.
				key = "p:" + fold(m.text)
			}
		}
		if !m.headline {
			keyAt[at{m.field, m.start}] = key
		}
		get(key).add(m)
	}

	var out []article.Entity
	var headOnly []article.Entity
	for _, g := range order {
		typ := g.typ()
		if typ == "" {
			continue
		}
		// In a match report a country that plays is its national team.
		if sporty && typ == article.TypeGPE && g.hasTeam() {
			typ = article.TypeOrg
		}
		// Shape alone (capitalised words) is not enough for a lone word, and
		// prose's guess is not enough for a word seen only at sentence starts.
		if g.maxEv() < evProse && !multiWord(g) {
			continue
		}
		if g.maxEv() <= evProse && !multiWord(g) && allInitial(g) {
			continue
		}
		e := article.Entity{Type: typ, Titles: g.titles}
		if len(g.ms) == 0 {
			if r.cfg.SkipHeadlineOnly || g.maxEv() < evGaz {
				continue
			}
			e.Name = g.canon
			if e.Name == "" {
				e.Name = g.headOnly[0].text
			}
			e.Mentions = []article.Mention{}
			headOnly = append(headOnly, e)
			continue
		}
		// Body mentions first, then caption ones, each in text order.
		sort.Slice(g.ms, func(i, j int) bool {
			if g.ms[i].field != g.ms[j].field {
				return g.ms[i].field < g.ms[j].field
			}
			return g.ms[i].start < g.ms[j].start
		})
		seen := map[string]bool{}
		for i, m := range g.ms {
			if i > 0 && m.field == g.ms[i-1].field && m.start < g.ms[i-1].end {
				continue // overlapping duplicate
			}
			e.Mentions = append(e.Mentions, article.Mention{Start: m.start, End: m.end, Text: m.text, Field: m.field})
			if !seen[m.text] {
				seen[m.text] = true
			}
		}
		e.Count = len(e.Mentions)
		e.Name = fullest(g)
		for _, m := range e.Mentions {
			if m.Text != e.Name && !contains(e.Aliases, m.Text) {
				e.Aliases = append(e.Aliases, m.Text)
			}
		}
		// Forms that only the headline fields use are forms of the entity too.
		for _, m := range g.headOnly {
			if m.text != e.Name && !contains(e.Aliases, m.text) {
				e.Aliases = append(e.Aliases, m.text)
			}
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions[0].Start < out[j].Mentions[0].Start })
	return append(out, headOnly...)
}

// fullest picks the entity's name: the gazetteer's canonical form when the
// article uses it, else the longest form the article uses.
func fullest(g *group) string {
	if g.canon != "" {
		return g.canon
	}
	best := ""
	for _, m := range g.ms {
		if utf8.RuneCountInString(m.text) > utf8.RuneCountInString(best) && !isAcronym(m.text) || best == "" {
			best = m.text
		}
	}
	return best
}

func allInitial(g *group) bool {
	for _, m := range g.ms {
		if !m.initial {
			return false
		}
	}
	return true
}

// fold is the key of a name for matching forms: lower case, no diacritics
// ("Erdoğan" is "Erdogan").
func fold(s string) string {
	d := norm.NFD.String(strings.ToLower(s))
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, d)
}

func multiWord(g *group) bool {
	for _, m := range g.ms {
		if len(m.words) > 1 {
			return true
		}
	}
	return false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func contains2(gs []*group, g *group) bool {
	for _, x := range gs {
		if x == g {
			return true
		}
	}
	return false
}

func (g *group) hasTeam() bool {
	for _, m := range g.ms {
		if m.team {
			return true
		}
	}
	return false
}

