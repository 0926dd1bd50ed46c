package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pkg/article"
)

// Evidence strength behind a mention's type, used to vote within a group.
const (
	evNone  = 0 // shape only (capitalised words)
	evProse = 1 // prose's label, or an acronym
	evRule  = 2 // a title, a cue word, a given name
	evGaz   = 3 // the curated gazetteer
)

// mention is one name found in a unit, before resolution.
type mention struct {
	start, end int // byte offsets into the tagged text
	text       string
	words      []string
	typ        string // "" when unknown: kept only if resolution finds its entity
	canon      string // gazetteer canonical form, if any
	title      string // the title or role cut off the name
	ev         int
	headline   bool
	initial    bool // starts its sentence, where capitals prove nothing
}

// spans tags one unit and returns the names in it with their types.
func (r *Recognizer) spans(text string, u unit, headline bool) []mention {
	toks := r.tag(text, u)
	if len(toks) == 0 {
		return nil
	}
	n := len(toks)
	name := make([]bool, n)
	for i := range toks {
		name[i] = r.isNameToken(toks, i)
		toks[i].initial = sentenceStart(toks, i)
	}
	// Titles before a name are cut off and remembered for the name after them.
	titleOf := map[int]string{} // run start token -> title
	for i := 0; i < n; i++ {
		k, ok := r.titleAt(toks, i, name)
		if !ok {
			continue
		}
		for j := i; j < i+k; j++ {
			name[j] = false
		}
		titleOf[i+k] = joinText(toks[i : i+k])
		i += k - 1
	}

	var out []mention
	i := 0
	for i < n {
		if !name[i] {
			out = append(out, r.hyphenParts(toks[i])...)
			i++
			continue
		}
		j := i + 1
		for j < n {
			if name[j] {
				j++
				continue
			}
			// Particles inside person names: "bin Laden", "al-Assad", "de Blasio".
			if j+1 < n && name[j+1] && isParticle(toks[j].text) && toks[j].start == toks[j-1].end+1 {
				j += 2
				continue
			}
			if isParticle(toks[j].text) && strings.Contains(toks[j].text, "-") {
				j++
				continue
			}
			// "L. Ron Hubbard": the tokenizer splits the period off an initial.
			if toks[j].text == "." && len(toks[j-1].text) == 1 && toks[j].start == toks[j-1].end && j+1 < n && name[j+1] {
				j++
				continue
			}
			// "Kurdistan Workers' Party": a plural possessive inside a name.
			if toks[j].text == "'" && j+1 < n && name[j+1] && strings.HasSuffix(toks[j-1].text, "s") && toks[j].start == toks[j-1].end {
				j++
				continue
			}
			// "&" and connectors inside organisation names.
			if k := r.connector(toks, i, j, name); k > 0 {
				j += k
				continue
			}
			break
		}
		ms := r.runMentions(text, toks[i:j], titleOf[i])
		if headline {
			ms = append(ms, r.gazParts(text, toks[i:j], ms)...)
		}
		if len(ms) > 0 {
			r.placeContext(&ms[len(ms)-1], toks, i, j)
		}
		out = append(out, ms...)
		i = j
	}
	if headline {
		// Title case makes every word look like a name: keep only what the
		// curated lists vouch for.
		kept := out[:0]
		for _, m := range out {
			if m.ev == evGaz {
				m.headline = true
				kept = append(kept, m)
			}
		}
		out = kept
	}
	return out
}

// gazParts finds known names inside a title-case run that is not one
// ("Close Iraq Embassy" holds "Iraq"), longest first.
func (r *Recognizer) gazParts(text string, run []token, have []mention) []mention {
	for _, m := range have {
		if m.ev == evGaz {
			return nil
		}
	}
	var out []mention
	for i := 0; i < len(run); {
		k := min(len(run)-i, 4)
		for ; k >= 1; k-- {
			s := joinText(run[i : i+k])
			typ, canon := "", ""
			if e, ok := r.lx.lookup(s); ok {
				typ, canon = e.typ, e.canonical
			} else if c, ok := r.lx.norp[s]; ok {
				typ, canon = article.TypeNORP, c
			}
			if typ != "" {
				out = append(out, mention{start: run[i].start, end: run[i+k-1].end, text: text[run[i].start:run[i+k-1].end],
					words: strings.Fields(s), typ: typ, canon: canon, ev: evGaz})
				break
			}
		}
		i += max(k, 1)
	}
	return out
}

var placePreps = map[string]bool{"in": true, "from": true, "near": true, "at": true, "to": true,
	"outside": true, "across": true, "into": true, "of": true, "around": true, "toward": true, "towards": true}

// placeContext types an unknown name as a place where it stands like one:
// "in Magnitogorsk" when prose also called it a place, "Irving, Texas".
func (r *Recognizer) placeContext(m *mention, toks []token, i, j int) {
	if m.ev >= evRule {
		return
	}
	// "the Trump administration": a lone name before these is a person's.
	if len(m.words) == 1 && j < len(toks) && (toks[j].text == "administration" || toks[j].text == "campaign") {
		m.typ, m.ev = article.TypePerson, evRule
		return
	}
	if m.typ != "" && m.typ != article.TypeGPE && m.ev > evNone {
		return
	}
	if j+1 < len(toks) && toks[j].text == "," {
		if e, ok := r.lx.lookup(toks[j+1].text); ok && e.typ == article.TypeGPE && m.typ != article.TypePerson {
			m.typ, m.ev = article.TypeGPE, evRule
			return
		}
	}
	if m.typ == "" && len(m.words) == 1 && i > 0 && placePreps[toks[i-1].text] && strings.HasSuffix(toks[i].label, "GPE") {
		m.typ, m.ev = article.TypeGPE, evProse
	}
}

// isNameToken reports whether token i can be part of a name.
func (r *Recognizer) isNameToken(toks []token, i int) bool {
	t := toks[i]
	first, _ := utf8.DecodeRuneInString(t.text)
	if !unicode.IsUpper(first) {
		return false
	}
	if r.lx.months[t.text] {
		// "Theresa May" is a name, "May 2019" and "in May" are dates.
		prevName := i > 0 && isCap(toks[i-1].text) && !r.lx.nonNames[toks[i-1].text] && !r.lx.months[toks[i-1].text] &&
			toks[i-1].end+1 == t.start
		nextNum := i+1 < len(toks) && toks[i+1].tag == "CD"
		return prevName && !nextNum
	}
	if r.lx.nonNames[t.text] {
		return false
	}
	// "Iran-backed", "Luxembourg-based": an adjective; hyphenParts finds the name in it.
	if k := strings.LastIndexByte(t.text, '-'); k > 0 && k+1 < len(t.text) && !isCap(t.text[k+1:]) {
		if _, ok := r.lx.lookup(t.text); !ok {
			return false
		}
	}
	if strings.IndexFunc(t.text, unicode.IsLetter) < 0 {
		return false
	}
	if t.tag == "NNP" || t.tag == "NNPS" || t.label != "O" {
		return true
	}
	if _, ok := r.lx.lookup(t.text); ok {
		return true
	}
	if _, ok := r.lx.norp[t.text]; ok {
		return true
	}
	// A capitalised word inside a sentence is a name unless prose sees a
	// function word; at the start of a sentence capitals prove nothing.
	if sentenceStart(toks, i) {
		return false
	}
	switch t.tag {
	case "NN", "NNS", "JJ", "FW", "VBN", "VBG":
		return true
	}
	return false
}

func sentenceStart(toks []token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch toks[j].text {
		case `"`, "\u201c", "'", "\u2018", "(", "[", "-", "\u2014", ":":
			continue
		}
		return false
	}
	return true
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

var particles = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "van": true, "von": true,
	"de": true, "da": true, "di": true, "du": true, "der": true, "den": true, "la": true, "le": true, "dos": true, "das": true}

// isParticle reports lower-case name particles, alone or hyphenated ("al-Assad").
func isParticle(s string) bool {
	if particles[s] {
		return true
	}
	if i := strings.IndexByte(s, '-'); i > 0 && particles[s[:i]] && i+1 < len(s) && isCap(s[i+1:]) {
		return true
	}
	return false
}

// connector returns how many tokens at j join the run toks[i:j] to the name
// after them ("Government of Iraq", "Johnson & Johnson"), or 0.
func (r *Recognizer) connector(toks []token, i, j int, name []bool) int {
	n := len(toks)
	w := toks[j].text
	var k int
	switch {
	case w == "&":
		k = 1
	case (w == "of" || w == "for") && j+1 < n && toks[j+1].text == "the":
		k = 2
	case w == "of" || w == "for" || w == "and" || w == "on":
		k = 1
	default:
		return 0
	}
	if j+k >= n || !name[j+k] {
		return 0
	}
	if w == "&" {
		return k
	}
	// The right-hand name, up to the next break.
	e := j + k
	for e < n && name[e] {
		e++
	}
	left := toks[j-1].text
	whole := joinText(toks[i:e])
	if _, ok := r.lx.lookup(whole); ok {
		return k
	}
	if w == "and" {
		return 0 // "Iran and Iraq" are two names
	}
	if _, ok := r.lx.leadCue[left]; ok {
		return k
	}
	// "Office of the UN High Commissioner for Human Rights": once a name has
	// joined on a lead cue, its further "of"/"for" parts belong to it too.
	if _, ok := r.lx.leadCue[toks[i].text]; ok && hasWord(toks[i:j], "of") && w != "of" {
		return k
	}
	if t, ok := r.lx.headCue[left]; ok && t != article.TypeLoc && j-1 > i-1 {
		return k
	}
	return 0
}

// titleAt reports whether a person title starts at token i and is followed
// by a name, and how many tokens it spans (with its modifiers).
func (r *Recognizer) titleAt(toks []token, i int, name []bool) (int, bool) {
	n := len(toks)
	j := i
	for j < n && r.lx.titleMods[strings.ToLower(toks[j].text)] {
		j++
	}
	for k := min(r.lx.titleWords, n-j); k >= 1; k-- {
		if !r.lx.titles[strings.ToLower(joinWords(toks[j:j+k]))] {
			continue
		}
		e := j + k
		if e < n && toks[e].text == "." { // "Gen ." split by the tokenizer
			e++
		}
		if e >= n || !name[e] {
			if j > i && e < n && name[e] == false {
				return 0, false
			}
			continue
		}
		// The name after the title must look like a person's: not a known
		// place or organisation, not a name ending in an organisation word.
		end := e
		for end < n && name[end] {
			end++
		}
		rest := joinText(toks[e:end])
		if ent, ok := r.lx.lookup(rest); ok && ent.typ != article.TypePerson {
			continue
		}
		if _, ok := r.lx.norp[rest]; ok {
			continue
		}
		if _, ok := r.lx.headCue[toks[end-1].text]; ok {
			continue
		}
		if end-e == 1 && r.lx.leadCue[toks[e].text] != "" {
			continue
		}
		// "Dean Kamen": a given name that is also a title.
		if e-i == 1 && end-e == 1 && r.lx.firstNames[toks[i].text] {
			continue
		}
		return e - i, true
	}
	return 0, false
}

// leadMods are title modifiers that never begin a name ("Former US ...").
var leadMods = map[string]bool{"former": true, "ex": true, "acting": true, "late": true, "then": true,
	"outgoing": true, "incoming": true, "interim": true}

// runMentions turns one run of name tokens into mentions: it cuts trailing
// titles, splits a leading known place off a person's name, and types the rest.
func (r *Recognizer) runMentions(text string, run []token, title string) []mention {
	// Drop a leading "The" the tagger kept, and trailing punctuation.
	for len(run) > 0 && (run[0].text == "The" || run[0].text == "the" || leadMods[strings.ToLower(run[0].text)]) {
		run = run[1:]
	}
	for len(run) > 0 && (strings.IndexFunc(run[len(run)-1].text, unicode.IsLetter) < 0 || !isCap(run[len(run)-1].text)) {
		run = run[:len(run)-1]
	}
	if len(run) == 0 {
		return nil
	}
	// The tokenizer keeps a sentence's final period on short words ("Me.").
	if l := run[len(run)-1]; strings.HasSuffix(l.text, ".") && len(l.text) > 2 && !abbrevs[strings.TrimSuffix(l.text, ".")] &&
		strings.Count(l.text, ".") == 1 && unicode.IsLower(rune(l.text[len(l.text)-2])) {
		l.text = strings.TrimSuffix(l.text, ".")
		l.end--
		run = append(run[:len(run)-1:len(run)-1], l)
	}
	whole := joinText(run)
	_, inGaz := r.lx.lookup(whole)
	// "U.S. President", "Afghan Ambassador": a role after a place is no name.
	if !inGaz && len(run) > 1 {
		for k := 1; k < len(run); k++ { // longest title first
			if r.lx.titles[strings.ToLower(joinWords(run[k:]))] {
				if _, cue := r.lx.headCue[run[len(run)-1].text]; !cue {
					return r.runMentions(text, run[:k], "")
				}
			}
		}
	}
	// "United States Hamdullah Mohib": a known place glued to a person's name.
	if !inGaz && len(run) >= 3 {
		for k := len(run) - 2; k >= 1; k-- {
			head := joinText(run[:k])
			e, g := r.lx.lookup(head)
			g = g && e.typ != article.TypeOrg
			_, np := r.lx.norp[head]
			if !g && !np {
				continue
			}
			rest := run[k:]
			if _, cue := r.lx.headCue[rest[len(rest)-1].text]; cue {
				break
			}
			if _, ok := r.lx.lookup(joinText(rest)); ok {
				break
			}
			out := r.runMentions(text, run[:k], "")
			return append(out, r.runMentions(text, rest, title)...)
		}
	}
	m := mention{
		start: run[0].start, end: run[len(run)-1].end,
		title: title,
	}
	m.text = text[m.start:m.end]
	for _, t := range run {
		m.words = append(m.words, t.text)
	}
	m.typ, m.canon, m.ev = r.classify(run, m.text, title != "")
	m.initial = run[0].initial
	return []mention{m}
}

// classify types a name from the strongest evidence at hand.
func (r *Recognizer) classify(run []token, text string, titled bool) (typ, canon string, ev int) {
	lx := r.lx
	if e, ok := lx.lookup(text); ok {
		return e.typ, e.canonical, evGaz
	}
	if c, ok := lx.norp[text]; ok {
		return article.TypeNORP, c, evGaz
	}
	if titled {
		return article.TypePerson, "", evRule
	}
	last := run[len(run)-1].text
	if len(run) > 1 {
		if len(run) > 2 {
			if t, ok := lx.headCue[run[len(run)-2].text+" "+last]; ok {
				return t, "", evRule
			}
		}
		if t, ok := lx.headCue[last]; ok {
			return t, "", evRule
		}
		if t, ok := lx.leadCue[run[0].text]; ok && hasWord(run, "of") {
			return t, "", evRule
		}
		if lx.firstNames[run[0].text] {
			return article.TypePerson, "", evRule
		}
	}
	votes := map[string]int{}
	for _, t := range run {
		switch {
		case strings.HasSuffix(t.label, "PERSON"):
			votes[article.TypePerson]++
		case strings.HasSuffix(t.label, "GPE"):
			votes[article.TypeGPE]++
		case strings.HasSuffix(t.label, "ORGANIZATION"):
			votes[article.TypeOrg]++
		}
	}
	best, bn := "", 0
	for _, t := range []string{article.TypePerson, article.TypeOrg, article.TypeGPE} {
		if votes[t] > bn {
			best, bn = t, votes[t]
		}
	}
	if isAcronym(text) {
		return article.TypeOrg, "", evProse
	}
	if best == article.TypePerson && !lx.firstNames[run[0].text] {
		// "Civic Platform", "Pillow Talk": prose's PERSON on common words;
		// "Google Chrome", "IE6": products of known makers, model numbers.
		_, known := lx.lookup(run[0].text)
		if lx.common[strings.ToLower(run[0].text)] || known || strings.ContainsAny(text, "0123456789") {
			return "", "", evNone
		}
	}
	if best == article.TypeGPE && len(run) == 1 {
		// prose calls many lone capitalised words GPE ("Stage", "Trump");
		// a lone unknown word is a place only where it stands like one.
		return "", "", evNone
	}
	if best != "" {
		return best, "", evProse
	}
	if len(run) > 1 && len(run) <= 4 && allTitleCase(run) {
		return "", "", evNone // shape alone: only resolution can type it
	}
	return "", "", evNone
}

func hasWord(run []token, w string) bool {
	for _, t := range run {
		if t.text == w {
			return true
		}
	}
	return false
}

func isAcronym(s string) bool {
	letters := 0
	for _, c := range s {
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == '.' || c == '&':
		default:
			return false
		}
	}
	return letters >= 2 && letters <= 6
}

func allTitleCase(run []token) bool {
	if strings.ToUpper(joinText(run)) == joinText(run) {
		return false // shouting, not a name
	}
	for _, t := range run {
		if !isCap(t.text) || strings.IndexFunc(t.text, func(c rune) bool { return !unicode.IsLetter(c) && c != '.' && c != '\'' && c != '-' }) >= 0 {
			return false
		}
	}
	return true
}

// hyphenParts finds known names inside hyphenated words: "Iran-backed",
// "pro-Israel", "U.S.-led".
func (r *Recognizer) hyphenParts(t token) []mention {
	if !strings.Contains(t.text, "-") {
		return nil
	}
	var out []mention
	off := 0
	for _, part := range strings.Split(t.text, "-") {
		if isCap(part) {
			typ, canon := "", ""
			if e, ok := r.lx.lookup(part); ok {
				typ, canon = e.typ, e.canonical
			} else if c, ok := r.lx.norp[part]; ok {
				typ, canon = article.TypeNORP, c
			}
			if typ != "" {
				out = append(out, mention{start: t.start + off, end: t.start + off + len(part), text: part,
					words: []string{part}, typ: typ, canon: canon, ev: evGaz})
			}
		}
		off += len(part) + 1
	}
	return out
}

// joinText joins tokens as the text has them apart from spacing: words
// separated by one space, with no space before punctuation tokens that were
// glued to the previous word.
func joinText(ts []token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 && t.start > ts[i-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// joinWords joins token texts with single spaces (for phrase lists).
func joinWords(ts []token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}
