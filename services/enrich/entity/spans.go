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
	start, end int    // byte offsets into the tagged text
	field      string // the article field tagged: article.FieldBody or FieldCaption
	text       string
	words      []string
	typ        string // "" when unknown: kept only if resolution finds its entity
	canon      string // gazetteer canonical form, if any
	title      string // the title or role cut off the name
	ev         int
	headline   bool
	initial    bool // starts its sentence, where capitals prove nothing
	the        bool // "the" or "The" stands right before it
	parenOf    int  // 1 + start of the name this acronym stands for in brackets, or 0
	team       bool // a country name used like a sports team ("Sweden defeated", "Sweden 1 – 0")
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
	// Known multi-word names whose words prose does not all see as names
	// ("PC World" at a sentence start).
	for i := 0; i < n; i++ {
		if !isCap(toks[i].text) || name[i] && (i+1 >= n || name[i+1]) {
			continue
		}
		for k := min(4, n-i); k >= 2; k-- {
			if !isCap(toks[i+k-1].text) {
				continue
			}
			if _, ok := r.lx.lookup(joinText(toks[i : i+k])); ok {
				for x := i; x < i+k; x++ {
					name[x] = true
				}
				i += k - 1
				break
			}
		}
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
		if i+k < n && !name[i+k] && isParticle(toks[i+k].text) {
			name[i+k] = true // the particle that starts the name ("de Blasio")
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
			// "People's Party", "Children's Hospital", "Sheriff's Office": a
			// possessive of a word for people or an office-holder inside a
			// name; other possessives ("Clinton's Senate") and one before a
			// known name or nationality ("The Mayor's Labour colleagues")
			// end the name.
			if (toks[j].text == "'s" || toks[j].text == "\u2019s") && j+1 < n && name[j+1] && toks[j].start == toks[j-1].end &&
				possessiveInName[toks[j-1].text] && !r.knownForm(toks[j+1].text) {
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
		for x := range ms {
			ms[x].the = precededByThe(toks, i, j, ms[x].start)
		}
		if len(ms) == 1 && ms[0].typ == article.TypeGPE && ms[0].ev == evGaz {
			ms[0].team = r.teamContext(toks, i, j)
		}
		// "Syrian Democratic Forces (SDF)": the acronym names the entity before it.
		if len(ms) == 1 && i >= 2 && j < n && toks[i-1].text == "(" && toks[j].text == ")" && isAcronym(ms[0].text) {
			for x := len(out) - 1; x >= 0; x-- {
				if out[x].end <= toks[i-1].start {
					if out[x].end == toks[i-2].end && spells(ms[0].text, out[x].words) {
						ms[0].parenOf = out[x].start + 1
					}
					break
				}
			}
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
			if typ, canon, ok := r.lx.known(s); ok {
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
	// "Hartford, CT": a postal code after a place and a comma is the state.
	if c, ok := r.lx.postal[m.text]; ok && i >= 2 && toks[i-1].text == "," && isCap(toks[i-2].text) {
		m.typ, m.canon, m.ev = article.TypeGPE, c, evGaz
		return
	}
	if m.ev >= evRule {
		return
	}
	// "the Trump administration": a lone name before these is a person's.
	if len(m.words) == 1 && j < len(toks) && (toks[j].text == "administration" || toks[j].text == "campaign") {
		m.typ, m.ev = article.TypePerson, evRule
		return
	}
	// "the river Seine", "the Tsuen Wan district": a common noun that
	// says what kind of place the name is outweighs the tagger's guess.
	if i > 0 && (toks[i-1].text == "river" || toks[i-1].text == "lake") {
		m.typ, m.ev = article.TypeLoc, evRule
		return
	}
	// Only where the noun ends the phrase ("a Starbucks region
	// spokesperson" is no place) and the name does not start with a given
	// name ("the John Lewis district").
	// Nor on one word ("flip the Pelosi district", "the Tottenham
	// stadium": a person's or a club's name), nor after "a" ("a Trump
	// county"), nor a facility noun on an organisation ("the Real Madrid
	// stadium").
	if j < len(toks) && len(m.words) >= 2 && !r.lx.firstNames[m.words[0]] && (j+1 >= len(toks) || !strings.HasPrefix(toks[j+1].tag, "NN")) &&
		!(i > 0 && (toks[i-1].text == "a" || toks[i-1].text == "an")) {
		if t, ok := placeNouns[toks[j].text]; ok && !isAcronym(m.text) && !strings.Contains(m.text, "/") && !r.hasNORP(m.words) &&
			!(t == article.TypeFac && m.typ == article.TypeOrg) {
			m.typ, m.ev = t, evRule
			return
		}
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
	// "of" after a capitalised word is inside a name ("Medal of Freedom",
	// "Band of Renown"), not "north of X".
	ofName := i > 1 && toks[i-1].text == "of" && isCap(toks[i-2].text) && !compass[toks[i-2].text]
	if m.typ == "" && len(m.words) == 1 && i > 0 && placePreps[toks[i-1].text] && !ofName && strings.HasSuffix(toks[i].label, "GPE") &&
		!isAcronym(m.text) && !r.lx.firstNames[m.text] && !r.lx.common[strings.ToLower(m.text)] {
		m.typ, m.ev = article.TypeGPE, evProse
	}
}

// hasNORP reports a nationality or religion word among words ("Greek
// Orthodox church", "Pentecostal church": adjectives, not names).
func (r *Recognizer) hasNORP(words []string) bool {
	for _, w := range words {
		if _, ok := r.lx.norp[w]; ok {
			return true
		}
	}
	return false
}

// placeNouns are lower-case nouns that, right after a name, say which kind
// of place it is ("the Tsuen Wan district", "the Amazon river", "the Notre
// Dame cathedral").
var placeNouns = map[string]string{
	"river": article.TypeLoc, "region": article.TypeLoc, "valley": article.TypeLoc,
	"district": article.TypeGPE, "province": article.TypeGPE, "prefecture": article.TypeGPE,
	"county": article.TypeGPE, "municipality": article.TypeGPE,
	"cathedral": article.TypeFac, "church": article.TypeFac, "mosque": article.TypeFac, "temple": article.TypeFac,
	"synagogue": article.TypeFac, "stadium": article.TypeFac, "airport": article.TypeFac, "bridge": article.TypeFac,
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
		// "Johnnie Christmas": a holiday word as a surname after a given name.
		return holidaySurname[t.text] && i > 0 && toks[i-1].end+1 == t.start &&
			(r.lx.firstNames[toks[i-1].text] || strings.HasSuffix(toks[i-1].label, "PERSON"))
	}
	// "Iran-backed", "Luxembourg-based": an adjective; hyphenParts finds the name in it.
	if k := strings.LastIndexByte(t.text, '-'); k > 0 && k+1 < len(t.text) && !isCap(t.text[k+1:]) {
		if _, ok := r.lx.lookup(t.text); !ok && !r.hyphenGiven(toks, i) {
			return false
		}
	}
	if strings.IndexFunc(t.text, unicode.IsLetter) < 0 {
		return false
	}
	// "US$86,000" is an amount; "[T]he" an editor's capital.
	if strings.ContainsAny(t.text, "$€£¥]") {
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
	"de": true, "da": true, "di": true, "du": true, "der": true, "den": true, "la": true, "le": true, "dos": true, "das": true,
	"del": true, "della": true, "des": true}

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

// knownForm reports a form the lists know as a name or a nationality.
func (r *Recognizer) knownForm(s string) bool {
	_, _, ok := r.lx.known(s)
	return ok
}

// commonWords reports whether every token is a plain English word that no
// list knows as a name ("Oceanic", "Drug"), the parts of a descriptive name.
func (r *Recognizer) commonWords(ts []token) bool {
	for _, t := range ts {
		if !r.lx.common[strings.ToLower(t.text)] || r.lx.firstNames[t.text] || r.knownForm(t.text) {
			return false
		}
	}
	return len(ts) > 0
}

// tookComplement reports a run that holds an organisation word followed by
// "of", "for" or "on" and a complement of common words ("Department of
// Health"; not "University of Miami", whose complement is a name).
func (r *Recognizer) tookComplement(run []token) bool {
	for x := 0; x+2 < len(run); x++ {
		switch run[x+1].text {
		case "of", "for", "on":
		default:
			continue
		}
		if t, ok := r.lx.cue(run[x].text); ok && t == article.TypeOrg && r.commonWords(run[x+2:]) {
			return true
		}
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
	// "Union of Rationalist Atheists and Agnostics (UAAR)": the acronym in
	// brackets after the name spells the whole.
	if e+2 < n && toks[e].text == "(" && toks[e+2].text == ")" && isAcronym(toks[e+1].text) &&
		initialsOf(toks[i:e]) == strings.ReplaceAll(toks[e+1].text, ".", "") {
		return k
	}
	if w == "and" {
		// "National Oceanic and Atmospheric Administration": common words
		// on both sides and an organisation word at the end are one name;
		// "Iran and Iraq", "Smith and Jones Ltd" are two.
		if t, ok := r.lx.headCue[toks[e-1].text]; ok && t == article.TypeOrg && e-1 > j+k-1 &&
			r.commonWords(toks[i:j]) && r.commonWords(toks[j+k:e-1]) {
			return k
		}
		// "Department of Health and Social Care", "National Institute of
		// Allergy and Infectious Diseases": an organisation that has taken
		// its "of" complement goes on with common words, unless they end in
		// an organisation word of their own ("Ministry of Defence and
		// Foreign Office" are two).
		if r.tookComplement(toks[i:j]) && r.commonWords(toks[j+k:e]) {
			if t, ok := r.lx.headCue[toks[e-1].text]; !ok || t != article.TypeOrg {
				return k
			}
		}
		return 0
	}
	// Place words lead a name with "of" only ("State of Virginia", not
	// "Secretary of State for Scotland").
	if t, ok := r.lx.leadCue[left]; ok && (w == "of" || t == article.TypeOrg) {
		return k
	}
	// "Office of the UN High Commissioner for Human Rights": once a name has
	// joined on a lead cue, its further "of"/"for" parts belong to it too.
	if _, ok := r.lx.leadCue[toks[i].text]; ok && hasWord(toks[i:j], "of") && w != "of" {
		return k
	}
	// "Centre for Control of Iodine Deficiency Disorders": likewise after an
	// organisation head word that has already taken a complement.
	if w == "of" || w == "for" {
		for x := i; x+1 < j; x++ {
			if t, ok := r.lx.headCue[toks[x].text]; ok && t == article.TypeOrg &&
				(toks[x+1].text == "for" || toks[x+1].text == "on" || toks[x+1].text == "of" && w == "for") {
				return k
			}
		}
	}

	if t, ok := r.lx.headCue[left]; ok && t != article.TypeLoc && t != typeNone && (w == "of" || t == article.TypeOrg || t == article.TypeFac) && j-1 > i-1 {
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
	// Every title starts with one of a few words: most tokens start none.
	if j >= n || !r.lx.titleFirst[strings.ToLower(toks[j].text)] {
		return 0, false
	}
	for k := min(r.lx.titleWords, n-j); k >= 1; k-- {
		if !r.lx.titles[strings.ToLower(joinWords(toks[j:j+k]))] {
			continue
		}
		e := j + k
		if e < n && toks[e].text == "." { // "Gen ." split by the tokenizer
			e++
		}
		// "Secretary of State for Defence John Healey", "Minister for
		// Foreign Affairs Penny Wong": the office's "for ..." is part of the
		// title when a given name follows it.
		if e+1 < n && toks[e].text == "for" {
			g := e + 1
			for g < n && g < e+8 && name[g] {
				g++
			}
			// The person's name starts at a given name, or at the first of
			// the last two words that the tagger calls a person.
			for f := e + 2; f < g; f++ {
				if r.lx.firstNames[toks[f].text] || f == g-2 && strings.HasSuffix(toks[f].label, "PERSON") {
					e = f
					break
				}
			}
		}
		// "Mayor de Blasio": a particle may start the name.
		particle := e+1 < n && !name[e] && isParticle(toks[e].text) && name[e+1]
		if e >= n || !name[e] && !particle {
			if (j > i && e < n && !name[e]) || k > 1 {
				// "As Attorney General, Barr": no name after the longest
				// title, and none of its words ("General") is one.
				return 0, false
			}
			continue
		}
		// "Martin Luther King Jr.": a suffix is no name after a title;
		// "the Speaker of the House of Representatives": nor is "of ...".
		if generational[toks[e].text] || !isCap(toks[e].text) && !isParticle(toks[e].text) {
			continue
		}
		// The name after the title must look like a person's: not a known
		// place or organisation, not a name ending in an organisation word.
		end := e
		if particle {
			end++
		}
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

// possessiveInName are the words whose possessive stays inside a name:
// people in general and office-holders ("People's Party", "Women's
// Institute", "District Attorney's Office").
var possessiveInName = map[string]bool{"People": true, "Children": true, "Women": true, "Men": true,
	"Workers": true, "Veterans": true, "Farmers": true, "Citizens": true, "Peoples": true, "Sheriff": true,
	"Attorney": true, "Coroner": true, "Mayor": true, "Governor": true, "Chancellor": true, "Lord": true, "Saint": true}

// honorific are courtesy titles: they stand before a name, never after one
// as a role does ("U.S. President"), so a name ending in one keeps it.
var honorific = map[string]bool{"dame": true, "sir": true, "lady": true, "lord": true, "mr": true, "mr.": true,
	"mrs": true, "mrs.": true, "ms": true, "ms.": true, "miss": true, "saint": true, "st.": true}

// generational are the suffixes that end a person's name.
var generational = map[string]bool{"Jr.": true, "Jr": true, "Sr.": true, "Sr": true, "II": true, "III": true}

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
	// ("al-Assad", "el-Sisi" end a name though they start in lower case.)
	for len(run) > 0 && (strings.IndexFunc(run[len(run)-1].text, unicode.IsLetter) < 0 ||
		!isCap(run[len(run)-1].text) && !(strings.Contains(run[len(run)-1].text, "-") && isParticle(run[len(run)-1].text))) {
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
	// "Martin Luther King Jr. Day": a person's name ends at its suffix.
	for k := 1; k+1 < len(run) && !inGaz; k++ {
		// ... but "Martin Luther King Jr. Boulevard" is a street.
		if generational[run[k].text] && (run[k].text != "II" && run[k].text != "III" || r.lx.firstNames[run[0].text]) &&
			!r.hasCue(run[k+1:]) {
			return append(r.runMentions(text, run[:k+1], title), r.runMentions(text, run[k+1:], "")...)
		}
	}
	// "U.S. President", "Afghan Ambassador": a role after a place is no name.
	if !inGaz && len(run) == 1 && r.lx.titles[strings.ToLower(whole)] && !r.lx.firstNames[whole] {
		return nil // "the Princess", "the Pope": a title, no name
	}
	// "The Secretary of State for Scotland, Ian Murray": an office "for"
	// something, with no name in it, is a role.
	if !inGaz {
		for k := 1; k+1 < len(run); k++ {
			if run[k].text == "for" && r.lx.titles[strings.ToLower(joinWords(run[:k]))] {
				return nil
			}
		}
	}
	if !inGaz && len(run) > 1 {
		// "former Foreign Secretary, mayor of London": a title with no name
		// ("Senate Majority Leader" keeps "Senate", a known name).
		if r.lx.titles[strings.ToLower(joinWords(run))] {
			for k := len(run) - 1; k >= 1; k-- {
				if _, known := r.lx.lookup(joinText(run[:k])); known {
					return r.runMentions(text, run[:k], "")
				}
			}
			return nil
		}
		for k := 1; k < len(run); k++ { // longest title first
			if honorific[strings.ToLower(run[k].text)] {
				continue // "Notre Dame": a courtesy title never follows its holder
			}
			if k == 1 && len(run) == 2 && (r.lx.firstNames[run[0].text] || title != "") {
				continue // "(Senator) Angus King", "Julie Bishop": a surname that is a title
			}
			if r.lx.titles[strings.ToLower(joinWords(run[k:]))] {
				if _, cue := r.lx.headCue[run[len(run)-1].text]; !cue {
					return r.runMentions(text, run[:k], "")
				}
			}
		}
	}
	// "US Constitution", "Zimbabwean State": a country or its people before
	// common words that make no name of their own is the country alone.
	if !inGaz && len(run) >= 2 {
		for k := len(run) - 1; k >= 1; k-- {
			if r.lx.country(joinText(run[:k])) && r.commonWords(run[k:]) && !r.hasCue(run[k:]) {
				return r.runMentions(text, run[:k], "")
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
			if r.hasCue(rest) {
				break
			}
			if _, ok := r.lx.lookup(joinText(rest)); ok {
				break
			}
			out := r.runMentions(text, run[:k], "")
			return append(out, r.runMentions(text, rest, title)...)
		}
	}
	// "the Refugee Council Enver Solomon": an organisation glued to the
	// person named after it (an apposition without a comma).
	if !inGaz && len(run) >= 3 {
		if k := r.orgPersonSplit(run); k > 0 {
			out := r.runMentions(text, run[:k], "")
			return append(out, r.runMentions(text, run[k:], title)...)
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
	if typ, canon, ok := lx.known(text); ok {
		return typ, canon, evGaz
	}
	// "Eastern Europeans", "West African": a compass word before a demonym.
	if len(run) == 2 && compass[run[0].text] {
		if _, ok := lx.norp[run[1].text]; ok {
			return article.TypeNORP, "", evGaz
		}
	}
	if titled {
		return article.TypePerson, "", evRule
	}
	last := run[len(run)-1].text
	if len(run) == 1 && isCallSign(text) {
		return article.TypeOrg, "", evRule
	}
	// "Brexit", "Expo", "Games" alone: events are no entity type here.
	if t, ok := lx.headCue[last]; ok && t == typeNone && len(run) == 1 {
		return "", "", evNone
	}
	var ofType string
	ofTyped := false
	if len(run) > 1 {
		ofType, ofTyped = r.ofHeadType(run)
	}
	// "Department of War": the word before "of" types the name before an
	// event word at its end can.
	if ofTyped && hasWord(run, "of") {
		return ofType, "", evRule
	}
	if len(run) > 1 {
		// "World Cup", "Google Science Fair": events and shows are not
		// entity types here.
		if t, ok := lx.headCue[last]; ok && t == typeNone {
			return "", "", evNone
		}
		if t, ok := lx.headCue[run[len(run)-2].text+" "+last]; ok && t == typeNone {
			return "", "", evNone
		}
		// "Instituto Gonzaga": organisation words that lead a name; "USS
		// Ronald Reagan": a ship, no entity type.
		if t, ok := lx.firstCue[run[0].text]; ok {
			if t == typeNone {
				return "", "", evNone
			}
			return t, "", evRule
		}
		// "United States Department of State", "Hall of Mirrors": in "X of
		// Y" the head is X, so the word before "of" types the name, not
		// the place after it (also "for", "on").
		if ofTyped {
			return ofType, "", evRule
		}
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
		// "Centre for Control of ...", "Council on American-Islamic
		// Relations": an organisation word with its complement.
		for k := 0; k+1 < len(run); k++ {
			if t, ok := lx.headCue[run[k].text]; ok && t == article.TypeOrg && k > 0 {
				switch run[k+1].text {
				case "of", "for", "on":
					return t, "", evRule
				}
			}
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
		// "CEO", "GMT", "HTML", "XVII", shouted "UNLESS": not names.
		if lx.acronyms[text] || isRoman(text) || len(text) >= 4 && lx.common[strings.ToLower(text)] {
			return "", "", evNone
		}
		return article.TypeOrg, "", evProse
	}
	if best == article.TypePerson && len(run) == 1 && camelCase(text) {
		return article.TypeOrg, "", evProse // "MicroMega": a brand, not a person
	}
	if best == article.TypePerson && len(run) > 1 {
		// "Hitwise UK": a company's national arm, not a person.
		if e, ok := lx.lookup(last); ok && e.typ == article.TypeGPE && isAcronym(last) {
			return article.TypeOrg, "", evProse
		}
	}
	if best == article.TypeGPE && len(run) > 2 && lx.common[strings.ToLower(run[0].text)] && !compass[run[0].text] {
		// "Food Standards Australia New Zealand": a body named after a place.
		for _, t := range run[1:] {
			if e, ok := lx.lookup(t.text); ok && e.typ == article.TypeGPE {
				return article.TypeOrg, "", evProse
			}
		}
	}
	if best == article.TypePerson && !lx.firstNames[run[0].text] {
		// "Civic Platform", "Pillow Talk": prose's PERSON on common words;
		// "Google Chrome", "IE6": products of known makers, model numbers.
		_, known := lx.lookup(run[0].text)
		if lx.common[strings.ToLower(run[0].text)] || known || strings.ContainsAny(text, "0123456789") {
			return "", "", evNone
		}
		// "Abu Dhabi Media", "Muslim Mindanao": a place or a people in a
		// name that no given name starts is no person's name.
		if len(run) > 1 && r.placeInName(run) {
			return "", "", evNone
		}
	}
	if best == article.TypeGPE && len(run) == 1 {
		// prose calls many lone capitalised words GPE ("Stage", "Trump");
		// a lone unknown word is a place only where it stands like one.
		return "", "", evNone
	}
	if best == article.TypeGPE && len(run) > 1 {
		// "Group F": prose's place on a name with an organisation word.
		for _, t := range run {
			if c, ok := lx.headCue[t.text]; ok && c == article.TypeOrg {
				return article.TypeOrg, "", evProse
			}
		}
	}
	if best != "" {
		return best, "", evProse
	}
	if len(run) > 1 && len(run) <= 4 && allTitleCase(run) {
		return "", "", evNone // shape alone: only resolution can type it
	}
	return "", "", evNone
}

// isCallSign reports a broadcaster's call sign with its band ("WSET-TV",
// "KQED-FM"): a station, so an organisation.
func isCallSign(s string) bool {
	call, band, ok := strings.Cut(s, "-")
	// Call letters: K or W (US), C (Canada), then two or three letters.
	if !ok || len(call) < 3 || len(call) > 4 || !strings.ContainsRune("KWC", rune(call[0])) || !isAcronym(call) || strings.Contains(call, ".") {
		return false
	}
	switch band {
	case "TV", "FM", "AM", "DT", "LD", "CD":
		return true
	}
	return false
}

// ofHeadType types a name "X of Y" (also "for", "on") by the cue word
// that ends X: its lead cue ("University of", "House of") if it has one,
// else its head cue ("Hall of Mirrors"). Event words type nothing.
func (r *Recognizer) ofHeadType(run []token) (string, bool) {
	for k := 1; k+1 < len(run); k++ {
		switch run[k].text {
		case "of", "for", "on":
		default:
			continue
		}
		// "State for Defence John Healey": a person follows; no type here.
		for _, t := range run[k+1:] {
			if r.lx.firstNames[t.text] {
				return "", false
			}
		}
		// "Islamic State of Iraq": a known name of two words or more before
		// "of" keeps its type.
		if run[k].text == "of" && k >= 2 {
			if e, ok := r.lx.lookup(joinText(run[:k])); ok {
				return e.typ, true
			}
		}
		// "Daughters of the American Revolution Constitution Hall": a tail
		// that ends in an organisation or facility word is the head itself;
		// one that ends in a place word ("of the United Kingdom") is not.
		if t, ok := r.lx.headCue[run[len(run)-1].text]; ok && (t == article.TypeOrg || t == article.TypeFac) && len(run)-1 > k+1 {
			return "", false
		}
		t, ok := r.lx.cue(run[k-1].text)
		if !ok || t == typeNone {
			return "", false
		}
		return t, true
	}
	return "", false
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
			if typ, canon, ok := r.lx.known(part); ok {
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

// hasCue reports whether a run holds an organisation, facility or place cue
// word anywhere, or an "of"/"for" that only names of institutions have.
func (r *Recognizer) hasCue(run []token) bool {
	for _, t := range run {
		if _, ok := r.lx.headCue[t.text]; ok {
			return true
		}
		if t.text == "of" || t.text == "for" || t.text == "on" {
			return true
		}
	}
	return false
}

// orgPersonSplit finds where a person's name starts at the end of a run that
// begins with an organisation ("United Nations Nikki Haley", "University of
// Texas Arlington Amneh Jafari"), or returns 0. The tail must look like a
// person's name (two or three capitalised words, a known given name first or
// prose's PERSON on it) and the head like an organisation (known, or holding
// a cue word, or tagged as one by prose).
func (r *Recognizer) orgPersonSplit(run []token) int {
	for _, tail := range []int{2, 3} {
		k := len(run) - tail
		if k < 1 {
			continue
		}
		rest := run[k:]
		if !allTitleCase(rest) || r.hasCue(rest) {
			continue
		}
		if _, ok := r.lx.lookup(joinText(rest)); ok {
			continue
		}
		first := rest[0]
		if r.lx.common[strings.ToLower(first.text)] && !r.lx.firstNames[first.text] {
			continue
		}
		personish := r.lx.firstNames[first.text] ||
			(tail == 2 && (strings.HasSuffix(first.label, "PERSON") || strings.HasSuffix(rest[1].label, "PERSON")) &&
				!strings.HasSuffix(first.label, "I-PERSON"))
		if tail == 3 && !r.lx.firstNames[first.text] {
			personish = false
		}
		if !personish {
			continue
		}
		head := run[:k]
		if !r.orgLike(head) {
			continue
		}
		return k
	}
	return 0
}

// orgLike reports whether a run names an organisation by the evidence of
// the lists or prose's label on its last word.
func (r *Recognizer) orgLike(head []token) bool {
	if e, ok := r.lx.lookup(joinText(head)); ok {
		return e.typ == article.TypeOrg
	}
	if t, ok := r.lx.headCue[head[len(head)-1].text]; ok && t == article.TypeOrg {
		return true
	}
	if len(head) >= 2 && hasWord(head, "of") {
		if t, ok := r.lx.leadCue[head[0].text]; ok && t == article.TypeOrg {
			return true
		}
	}
	return false
}

// precededByThe reports whether the word before the byte offset start (within
// or just before the run toks[i:j]) is "the".
func precededByThe(toks []token, i, j, start int) bool {
	for x := j - 1; x >= 0 && x >= i-1; x-- {
		if toks[x].end <= start {
			return toks[x].text == "the" || toks[x].text == "The"
		}
	}
	return false
}

// isRoman reports Roman numerals ("XVII", "II"), which are not acronyms.
func isRoman(s string) bool {
	return len(s) >= 2 && strings.Trim(s, "IVXLCDM") == ""
}

// initialsOf gives the capital initials of a name's words ("Union of
// Rationalist Atheists and Agnostics" -> "URAA"); digits count as initials.
func initialsOf(run []token) string {
	var b strings.Builder
	for _, t := range run {
		c, _ := utf8.DecodeRuneInString(t.text)
		if unicode.IsUpper(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// spells reports whether an acronym can stand for a name: its letters and
// digits appear in the name's words in order, the first one starting a word
// ("SDF" for "Syrian Democratic Forces", "M5S" for "Movimento 5 Stelle").
func spells(acr string, words []string) bool {
	acr = strings.ToLower(strings.ReplaceAll(acr, ".", ""))
	name := strings.ToLower(strings.Join(words, " "))
	if acr == "" || name == "" {
		return false
	}
	first := false
	for _, w := range words {
		if strings.HasPrefix(strings.ToLower(w), acr[:1]) {
			first = true
		}
	}
	if !first {
		return false
	}
	k := 0
	for _, c := range name {
		if k < len(acr) && rune(acr[k]) == c {
			k++
		}
	}
	return k == len(acr)
}

// hyphenSuffixes are English word endings after a hyphen ("Iran-backed",
// "UK-wide"); hyphenGiven never takes them for a syllable of a name.
var hyphenSuffixes = map[string]bool{"led": true, "run": true, "era": true, "like": true, "wide": true, "free": true,
	"held": true, "born": true, "made": true, "based": true, "backed": true, "owned": true, "style": true, "type": true,
	"size": true, "day": true, "year": true, "old": true, "up": true, "in": true, "out": true, "off": true, "on": true,
	"to": true, "for": true, "and": true, "the": true, "ish": true, "esque": true, "only": true, "linked": true, "bound": true}

// hyphenGiven reports a romanised hyphenated given name ("Hau Lung-bin",
// "Man-kei Tam"): a capitalised syllable, a hyphen and a short lower-case
// syllable, next to another capitalised name word.
func (r *Recognizer) hyphenGiven(toks []token, i int) bool {
	w := toks[i].text
	k := strings.IndexByte(w, '-')
	if k <= 0 || k != strings.LastIndexByte(w, '-') {
		return false
	}
	head, tail := w[:k], w[k+1:]
	if len(tail) < 2 || len(tail) > 4 || len(head) > 5 || hyphenSuffixes[tail] || strings.ToLower(tail) != tail {
		return false
	}
	if _, ok := r.lx.lookup(head); ok {
		return false
	}
	if _, ok := r.lx.norp[head]; ok {
		return false
	}
	next := i+1 < len(toks) && toks[i+1].start == toks[i].end+1 && isCap(toks[i+1].text)
	prev := i > 0 && toks[i-1].end+1 == toks[i].start && isCap(toks[i-1].text)
	return next || prev
}

// teamContext reports whether the country name toks[i:j] stands like a
// sports team: before a score or a match verb, after "against", or after a
// score ("1 – 0 Korea Republic"). It only counts in match reports (resolve).
func (r *Recognizer) teamContext(toks []token, i, j int) bool {
	n := len(toks)
	if j < n {
		nx := strings.ToLower(toks[j].text)
		if r.lx.teamAfter[nx] || toks[j].tag == "CD" && j+1 < n && isDash(toks[j+1].text) {
			return true
		}
		if nx == "'s" || nx == "'" {
			return false
		}
	}
	if i > 0 {
		pv := strings.ToLower(toks[i-1].text)
		if r.lx.teamBefore[pv] || toks[i-1].tag == "CD" && i > 1 && isDash(toks[i-2].text) {
			return true
		}
	}
	return false
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" || s == ":" }

// sporty reports whether a text reads like a match report: at least three
// distinct match-report words.
func (r *Recognizer) sporty(text string) bool {
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(c rune) bool { return !unicode.IsLetter(c) && c != '-' }) {
		if r.lx.sportCtx[w] {
			seen[w] = true
			if len(seen) >= 3 {
				return true
			}
		}
	}
	return false
}

// compass words start place names ("New Zealand", "North Carolina").
var compass = map[string]bool{"New": true, "North": true, "South": true, "East": true, "West": true, "Northern": true,
	"Southern": true, "Eastern": true, "Western": true, "Central": true, "Greater": true, "Upper": true, "Lower": true, "Great": true}

// camelCase reports a word with a capital after a lower-case letter
// ("MicroMega", "YouTube"), which brands have and given names do not, apart
// from "McDonald", "DeVito", "MacArthur"-style prefixes.
func camelCase(w string) bool {
	for _, p := range []string{"Mc", "Mac", "De", "Di", "Da", "Le", "La", "Van", "Von", "Du", "O'"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) && isCap(w[len(p):]) {
			return false
		}
	}
	prevLower := false
	for _, c := range w {
		if unicode.IsUpper(c) && prevLower {
			return true
		}
		prevLower = unicode.IsLower(c)
	}
	return false
}

// holidaySurname are holiday words that are also surnames.
var holidaySurname = map[string]bool{"Christmas": true, "Easter": true}

// placeInName reports a run that starts with a known place ("Abu Dhabi
// Media") or holds a country, curated place or nationality word ("Muslim
// Mindanao").
func (r *Recognizer) placeInName(run []token) bool {
	for k := len(run) - 1; k >= 1; k-- {
		if e, ok := r.lx.lookup(joinText(run[:k])); ok && e.typ != article.TypeOrg {
			return true
		}
	}
	for _, t := range run {
		if e, ok := r.lx.lookup(t.text); ok && !e.weak && e.typ != article.TypeOrg {
			return true
		}
		if _, ok := r.lx.norp[t.text]; ok {
			return true
		}
	}
	return false
}
