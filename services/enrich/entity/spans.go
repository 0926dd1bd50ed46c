package entity

import (
	"slices"
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
	owned      bool // a possessive stands right before it ("Britain's Ministry of Defence")
	inRun      bool // a known name found inside a longer capitalised run of a headline in sentence case ("Nancy" in "Nancy Pelosi")
	runStart   bool // such a name opens its run ("Toyota" in "Toyota Motor")
	parenOf    int  // 1 + start of the name this acronym stands for in brackets, or 0
	bornOf     int  // 1 + start of the person whose birth name, or name known by, this is ("Ann Lowe (born Ann Berg)", "Joko Widodo, known as Jokowi"), or 0
	team       bool // a country name used like a sports team ("Sweden defeated", "Sweden 1 – 0")
	clubRole   bool // a club's people follow it ("Everton manager", "Fulham fans")
	weak       bool // typed by the generated city list, which a person's name may override
	speaks     bool // a verb of an organisation's saying follows ("Hasbro announced", "Vale said")
	saidBy     bool // a verb of saying stands right before it ("..., said Auckland Transport")
	personPron bool // a verb of saying and "he" or "she" follow ("London Breed said she")
	announces  bool // a verb of announcing or reporting follows ("Hasbro announced", "Rappler reported")
	itActs     bool // a verb of saying and "it" acting follow ("Kestrel Mining said it would appeal")
	given      bool // "named" or "called" stands right before it ("a student named Wong")
	// givenPerson: and a noun for a person before that ("a student named
	// Wong", not "a ship named Endeavour").
	givenPerson bool
	placed      bool // a place preposition or "between" stands right before it ("in Baracoa")
	personish   bool // a person's verb of saying or ", who" follows ("Castro told", "Castro, who")
	bound       bool // a word of motion stands right before it ("to Phoenix", "visited Phoenix")
	afterOf     bool // "of" stands right before it ("Ana Lind of Lawrence")
	placeAfter  bool // a comma and a known place follow it ("Irving, Texas")
	whoAfter    bool // ", who" follows it ("Maria, who")
	// personPlace: it stands where news puts a person's name: before a
	// person's verb of saying, ", who" or "said" ("Mārtiņš Liepa, said").
	personPlace bool
	roleBefore  bool // a lower-case noun for a person stands right before it ("business owner Amir Haddad")
	modifier    bool // it modifies a noun after it ("Liverpool residents", "Liverpool-born")
	staff       bool // a noun for people who work in it follows ("White House officials", "Pentagon press secretary")
	acts        bool // a verb of speaking or deciding follows (seatverb), and no place word stands before ("the White House has rejected")
	abbrev      bool // letters defined in brackets for lower-case words ("personal protective equipment (PPE)")
	foreign     bool // the name in another language, in brackets, of the name before it ("(Oberster Gerichtshof)")

	// The rules behind the mention (Trace): made names the joining and
	// splitting rules that shaped it (bits of ruleTable), typedBy the
	// classifying or context rule that typed it (0: none).
	made    ruleBits
	typedBy uint8
}

// spans tags one unit and returns the names in it with their types.
// maxRun bounds the tokens of one run of name words: the longest names
// news prints run to about fifteen ("Daughters of the American Revolution
// Constitution Hall"), and splitting a run costs the square of its length
// ("Paris Paris Paris ..." twenty thousand times held a worker for half a
// minute). A longer run is read as runs of this length.
const maxRun = 32

func (r *Recognizer) spans(text string, u unit, headline bool) []mention {
	if ms, ok := r.credits(text, u); ok && !headline {
		return ms
	}
	toks := r.tag(text, u)
	if len(toks) == 0 {
		return nil
	}
	n := len(toks)
	name := make([]bool, n)
	for i := range toks {
		name[i] = r.isNameToken(toks, i)
		toks[i].initial = sentenceStart(toks, i)
		// "Ricardo Alves", "Maria Lopes": prose tags a surname in -s as a
		// verb; capitalised inside a sentence right after a given name, it
		// is the name's (not in a headline, whose verbs take capitals). So
		// is a surname that is an adverb ("Steven Still", "Ann Early"),
		// unless capitals go on after it, as in a title ("Why Grace Still
		// Matters").
		adverbSurname := strings.HasPrefix(toks[i].tag, "RB") && r.lx.surnameWords[strings.ToLower(toks[i].text)] && (i+1 >= n || !isCap(toks[i+1].text))
		if !name[i] && !headline && i > 0 && name[i-1] && (toks[i].tag == "VBZ" || adverbSurname) && isCap(toks[i].text) && !toks[i].initial &&
			toks[i-1].end+1 == toks[i].start && (r.lx.firstName(toks[i-1].text) || strings.HasSuffix(toks[i-1].label, "PERSON")) {
			name[i] = true
		}
	}
	// "Walter A. Reed", "Mary I. Okafor": a middle initial that prose
	// tags as a word ("A" a determiner, "I" a pronoun) between a name
	// and a capitalised word is the name's.
	for i := 1; i+2 < n; i++ {
		if !name[i] && name[i-1] && len(toks[i].text) == 1 && unicode.IsUpper(rune(toks[i].text[0])) &&
			toks[i+1].text == "." && toks[i+1].start == toks[i].end && isCap(toks[i+2].text) && !headline {
			name[i] = true
		}
	}
	// "Khaled Enany", "Ahmed Saleh", "Khaled el-Enany": prose tags a given
	// name in -ed as a verb, above all at a sentence's start, and one in -s
	// as a plural ("Jens Hartmann"); a known given name right before a name
	// word, or a surname with its particle, opens that name.
	for i := 0; i+1 < n; i++ {
		if name[i] || !(strings.HasPrefix(toks[i].tag, "VB") || toks[i].tag == "NNS") || !isCap(toks[i].text) || !r.lx.firstName(toks[i].text) || toks[i].end+1 != toks[i+1].start {
			continue
		}
		if w := toks[i+1].text; name[i+1] || strings.IndexByte(w, '-') > 0 && r.isParticle(w) {
			name[i], name[i+1] = true, true
		}
	}
	// "Blessing Mwale, a 29-year-old vendor,", "Do Thi Hoa, a rice farmer":
	// a given name that is also an English word, opening the sentence before
	// words no list knows and an apposition that describes a person, opens
	// the person's name.
	for i := 0; i+3 < n; i++ {
		if name[i] || !toks[i].initial || !isCap(toks[i].text) || r.lx.nonNames[toks[i].text] || !name[i+1] || toks[i].end+1 != toks[i+1].start ||
			strings.HasPrefix(toks[i].tag, "RB") || toks[i].tag == "DT" || toks[i].tag == "PRP" || toks[i].tag == "IN" || toks[i].tag == "CC" || toks[i].tag == "WDT" || toks[i].tag == "WP" {
			continue
		}
		e := i + 1
		for e < n && e <= i+3 && name[e] && r.unknownNameWord(toks[e].text) {
			e++
		}
		if e == i+1 || e >= n || name[e] || toks[e].text != "," || !r.personApposition(toks, e+1) {
			continue
		}
		name[i] = true
	}
	// "van der Berg told", "said de la Fuente": particles written before a
	// surname inside a sentence open its name.
	for i := n - 2; i >= 1; i-- {
		// ("How do Americans", "des Parisiens": not an English verb or a
		// French article before a name.)
		if name[i] || name[i-1] || !name[i+1] || toks[i].end+1 != toks[i+1].start || !isCap(toks[i+1].text) || r.isNORP(toks[i+1].text) {
			continue
		}
		switch p := toks[i].text; {
		case p == "der" || p == "den" || p == "la":
			// "van der Berg", "van den Broek", "de la Fuente": the second
			// particle of two.
			if i < 2 || name[i-2] || toks[i-1].end+1 != toks[i].start || (toks[i-1].text != "van" && toks[i-1].text != "de") {
				continue
			}
			name[i], name[i-1] = true, true
		case p == "van" || p == "von" || p == "de" || p == "da" || p == "di" || p == "du" || p == "del" || p == "della" || p == "bin" || p == "ibn" || p == "al" || p == "el":
			name[i] = true
		}
	}
	// "Tsai Ing-wen": a romanised given name after a one-syllable family
	// name belongs to the name, though prose may tag it an adjective and
	// a part of it ("Ing") be a name of the lists (not "Tel Aviv-based":
	// its second half is an English word).
	for i := 1; i < n; i++ {
		if !name[i] && name[i-1] && (i < 2 || !name[i-2] || r.lx.titles[strings.ToLower(toks[i-2].text)]) && toks[i-1].end+1 == toks[i].start && familyNameShape(toks[i-1].text) && syllablePair(toks[i].text) &&
			r.givenSyllable(toks[i].text[strings.IndexByte(toks[i].text, '-')+1:]) {
			name[i] = true
		}
	}
	// "London Waterloo station", "Cité station": a station's name takes
	// its small "station", as British and French usage writes it (not
	// after a known body, "the BBC station", "a Shell station").
	for i := 1; i < n; i++ {
		// (A noun, not the verb: "Germany station 4,000 troops", "to
		// station its ships".)
		if toks[i].text != "station" || !strings.HasPrefix(toks[i].tag, "NN") || !name[i-1] || !isCap(toks[i-1].text) || toks[i].start != toks[i-1].end+1 ||
			i+1 < n && (toks[i+1].tag == "CD" || toks[i+1].tag == "DT" || toks[i+1].tag == "PRP$" || startsDigit(toks[i+1].text)) {
			continue
		}
		s := i - 1
		for s > 0 && name[s-1] && toks[s].start == toks[s-1].end+1 {
			s--
		}
		if e, known := r.lx.lookup(joinText(toks[s:i])); known && e.typ != article.TypeGPE && e.typ != article.TypeLoc && e.typ != article.TypeFac {
			continue
		}
		// (Nor a broadcaster's: a call sign, "Capital FM", "Voice of
		// America".)
		if !slices.ContainsFunc(toks[s:i], func(t token) bool {
			return isAcronym(t.text) || t.text == "of" || t.text == "FM" || t.text == "AM" || t.text == "Radio" || t.text == "TV"
		}) {
			name[i] = true
		}
	}
	// Known multi-word names whose words prose does not all see as names
	// ("Bank of Canada" at a sentence start).
	var knownRun []bool // tokens marked so, allocated when one is
	for i := 0; i < n; i++ {
		if !isCap(toks[i].text) || name[i] && (i+1 >= n || name[i+1]) {
			continue
		}
		if !r.lx.gazFirst[toks[i].text] {
			continue // no known name starts with this word
		}
		for k := min(4, n-i); k >= 2; k-- {
			// ("the Democratic party", "the Labour party": a known party's
			// name written with a small "party", as some style guides have
			// it.)
			// (Not opening a sentence, "Green party hats", nor after a
			// possessive, "Italy's Democratic party", which is no party of
			// the lists'.)
			if !isCap(toks[i+k-1].text) && (toks[i+k-1].text != "party" || toks[i].initial || i > 0 && possessiveMark(toks[i-1].text)) {
				continue
			}
			// ("The Hindu nationalist RSS": a people's word before a noun
			// at a sentence start is the adjective, not the paper "The
			// Hindu".)
			if toks[i].text == "The" && k == 2 && i+k < n && !isCap(toks[i+k].text) &&
				(strings.HasPrefix(toks[i+k].tag, "NN") || toks[i+k].tag == "JJ") && toks[i+k].text != "newspaper" && r.isNORP(toks[i+1].text) {
				continue
			}
			if _, ok := r.lx.lookup(joinText(toks[i : i+k])); ok {
				if knownRun == nil {
					knownRun = make([]bool, n)
				}
				for x := i; x < i+k; x++ {
					name[x] = true
					knownRun[x] = true
				}
				i += k - 1
				break
			}
		}
	}
	// "Transportes Cruz del Sur said": a word that leads names in other
	// languages opens the name after it, though prose tags it a plural.
	for i := 0; i+1 < n; i++ {
		// (Not a verb's -ing form that leads names too: "Cycling Paris to
		// Roubaix is hard" is no body's name.)
		if !name[i] && name[i+1] && isCap(toks[i].text) && r.lx.firstCue[toks[i].text] != "" && toks[i].end+1 == toks[i+1].start &&
			toks[i].tag != "VBG" && !strings.HasSuffix(toks[i].text, "ing") {
			name[i] = true
		}
	}
	// "Elections Canada said": a field of public service before a country
	// names an agency, where prose sees a plural noun opening a sentence.
	for i := 0; i+1 < n; i++ {
		if !name[i] && name[i+1] && isCap(toks[i].text) && (i+2 >= n || !name[i+2]) && r.fieldCountry(toks[i:i+2]) {
			name[i] = true
		}
	}
	// Titles before a name are cut off and remembered for the name after them.
	titleOf := map[int]string{} // run start token -> title
	for i := 0; i < n; i++ {
		k, ok := r.titleAt(toks, i, name)
		// ("Doctors Without Borders said": a title word that opens a name
		// the lists know is the name's.)
		if !ok || knownRun != nil && knownRun[i] && (i == 0 || !knownRun[i-1]) {
			continue
		}
		// "Pope Francis", "Queen Elizabeth II": a regnal title before one
		// name (and a numeral) is part of it.
		if k == 1 && r.lx.regnal[toks[i].text] && r.regnalName(toks, i+1, name) && !r.knownForm(toks[i].text+" "+toks[i+1].text) {
			name[i] = true // a sentence's first word too
			titleOf[i] = toks[i].text
			i += k - 1
			continue
		}
		// "Queen Elizabeth Hospital", "King Edward VII Hospital": a royal
		// title and the name after it before an organisation's or a
		// building's head word name that body, titles and all (not a
		// person's title: "Judge Durham Hall").
		if r.lx.regnal[toks[i].text] && r.headAfterTitled(toks, i+k) || r.titledBody(toks, i+k) {
			i += k - 1
			continue
		}
		for j := i; j < i+k; j++ {
			name[j] = false
		}
		// "Chief Electoral Officer Ana Lind", "Deputy Chief Medical
		// Officer": capitalised common words right before the title, that
		// open the sentence or follow a lower-case word, are words of the
		// title the lists lack (not a name: "Harris County Judge", "Labour
		// Party Leader").
		if s := r.titleLead(toks, i); s < i {
			for j := s; j < i; j++ {
				name[j] = false
			}
		}
		if i+k < n && !name[i+k] && r.isParticle(toks[i+k].text) {
			name[i+k] = true // the particle that starts the name ("de Souza")
		}
		titleOf[i+k] = joinText(toks[i : i+k])
		i += k - 1
	}

	var out []mention
	sc := &scratch{}
	i := 0
	for i < n {
		if !name[i] {
			out = r.hyphenPartsAfter(text, toks, i, out)
			i++
			continue
		}
		j := i + 1
		var made ruleBits // joining rules that fired on this run
		jc := &sc.join
		*jc = joinCtx{toks: toks, name: name, i: i}
		for j < n && j-i < maxRun {
			if name[j] {
				j++
				continue
			}
			jc.j = j
			k, rule := r.join(jc)
			if k == 0 {
				break
			}
			made.or(r.bit(rule))
			j += k
		}
		// "St Patrick's Day", "St Andrew's Day": a day named after someone
		// is a date, no mention of them.
		// (Not "Kenya's Day of Prayer", "Microsoft's Day One": a day of
		// something, or a known body's or place's.)
		if j+1 < n && possessiveMark(toks[j].text) && toks[j+1].text == "Day" && toks[j].start == toks[j-1].end &&
			(j+2 >= n || toks[j+2].text != "of" && !isCap(toks[j+2].text)) && !r.knownNonPerson(joinText(toks[i:j])) {
			i = j + 2
			continue
		}
		if titleOf[i] != "" {
			made.or(r.bit(ruleTitleCut))
		}
		if knownRun != nil && knownRun[i] {
			made.or(r.bit(ruleKnownMultiword))
		}
		ms := r.runMentions(text, toks[i:j], titleOf[i], sc)
		if !made.empty() {
			for x := range ms {
				ms[x].made.or(made)
			}
		}
		// "chair of The Greens": a capital "The" inside a sentence is part of
		// the name after it.
		if len(ms) > 0 && i > 0 && toks[i-1].text == "The" && !toks[i-1].initial && ms[0].start == toks[i].start &&
			toks[i-1].end+1 == toks[i].start && !headline && (i < 2 || !strings.Contains("\"\u201c'\u2018([-\u2014:", toks[i-2].text)) {
			r.prependThe(text, &ms[0], toks[i-1])
		}
		// "the 82nd Airborne Division", "the 9th Circuit Court of Appeals":
		// an ordinal right before a body's name numbers the unit; it is
		// part of the name.
		// (Not a name used as a modifier: "the 2nd Kestrel City Council
		// meeting" numbers the meeting.)
		if len(ms) > 0 && i > 0 && ms[0].start == toks[i].start && ordinalWord(toks[i-1].text) && toks[i-1].end+1 == toks[i].start && r.orgHeaded(ms[0].words) &&
			(j >= len(toks) || isCap(toks[j].text) || !strings.HasPrefix(toks[j].tag, "NN") && toks[j].tag != "VBG" && toks[j].tag != "JJ") {
			ms[0].start = toks[i-1].start
			ms[0].text = text[ms[0].start:ms[0].end]
			ms[0].words = append([]string{toks[i-1].text}, ms[0].words...)
			ms[0].made.or(r.bit(ruleOrdinalUnit))
		}
		// "the All India Football Federation", "All Saints Church": a
		// capital "All" right before a body's name begins it; as with the
		// ordinal, not where the name modifies a noun ("All Labour Party
		// members"), which makes "All" a quantifier of that noun.
		// (Nor a possessive after it, "and" with another name, or a
		// capitalised plural: "All Harbour Union's branches", "All Kestrel
		// City Council and Tarvel City Council staff", "All Vale Party MPs".)
		nx := j // the token after the first mention
		for x := i; x < j; x++ {
			if len(ms) > 0 && toks[x].start >= ms[0].end {
				nx = x
				break
			}
		}
		if len(ms) > 0 && i > 0 && !headline && ms[0].start == toks[i].start && toks[i-1].text == "All" && toks[i-1].end+1 == toks[i].start && r.orgHeaded(ms[0].words) &&
			(nx == j || !isCap(toks[nx].text)) &&
			!strings.HasSuffix(ms[0].text, "'s") && !strings.HasSuffix(ms[0].text, "’s") && !isAcronym(strings.TrimSuffix(ms[0].words[len(ms[0].words)-1], "s")) &&
			(j >= len(toks) || !strings.HasPrefix(toks[j].tag, "NN") && toks[j].tag != "VBG" && toks[j].tag != "JJ" && !possessiveMark(toks[j].text) && toks[j].text != "and" && toks[j].text != "&" && !isCap(toks[j].text)) {
			ms[0].start = toks[i-1].start
			ms[0].text = text[ms[0].start:ms[0].end]
			ms[0].words = append([]string{"All"}, ms[0].words...)
			ms[0].made.or(r.bit(ruleAllLead))
		}
		// "Moody's said", "Sotheby's reported": a possessive owns a noun;
		// before a finite verb of saying it owns none, and the name with its
		// "'s" is a firm's (a person's possessive never stands alone as the
		// one who speaks). (Not before other verbs: "Kestrel's shares rose
		// while Vale's fell" leaves the noun out.)
		// (Not a person's name: "Councilman Victor Lee's said" is "has
		// said"; nor one the article gives a person elsewhere, which
		// resolve undoes.)
		if len(ms) > 0 && j+1 < n && possessiveMark(toks[j].text) && toks[j].start == toks[j-1].end && ms[len(ms)-1].end == toks[j-1].end &&
			titleOf[i] == "" && !(j-i >= 2 && r.lx.firstName(toks[i].text)) &&
			((toks[j+1].tag == "VBD" || toks[j+1].tag == "VBZ" || toks[j+1].tag == "VBN") && r.lx.orgSpeechVerb[toks[j+1].text] ||
				// ("McDonald's has said": the auxiliary, then the verb.)
				(toks[j+1].text == "has" || toks[j+1].text == "had") && j+2 < n && r.lx.orgSpeechVerb[toks[j+2].text]) &&
			(j+2 >= n || !strings.HasPrefix(toks[j+2].tag, "NN") || isCap(toks[j+2].text)) { // ("Laine's reported remark": an adjective)
			m := &ms[len(ms)-1]
			m.end = toks[j].end
			m.text = text[m.start:m.end]
			m.words = append(m.words[:len(m.words):len(m.words)], toks[j].text)
			m.typ, m.ev = article.TypeOrg, evRule
			m.made.or(r.bit(ruleFirmPossessive))
		}
		if headline {
			ms = append(ms, r.gazParts(text, toks[i:j], ms)...)
		}
		for x := range ms {
			ms[x].the = precededByThe(toks, i, j, ms[x].start)
		}
		if len(ms) > 0 {
			r.placeContext(text, &ms[len(ms)-1], toks, i, j)
		}
		// "Britain's Ministry of Defence": a name with an owner of its own.
		if len(ms) > 0 && i > 0 && ms[0].start == toks[i].start && (toks[i-1].text == "'s" || toks[i-1].text == "\u2019s") {
			ms[0].owned = true
		}
		if len(ms) == 1 && ms[0].typ == article.TypeGPE && ms[0].ev == evGaz {
			ms[0].team = r.teamContext(toks, i, j)
		}
		// "Tarvel beat Kestrel 2-1": a lone name that plays or scores is a
		// team too (read only in a match report, for a name no list types).
		// (Not after "for": "a plugin for Firefox"; nor a word in capitals.)
		if len(ms) == 1 && len(ms[0].words) == 1 && ms[0].ev <= evProse && ms[0].typ != article.TypeNORP && !r.lx.firstName(ms[0].text) &&
			!isAcronym(ms[0].text) && (i == 0 || !strings.EqualFold(toks[i-1].text, "for")) {
			ms[0].team = r.teamContext(toks, i, j) || j < n && scoreWord(toks[j].text)
		}
		// "Everton manager Ana Lind", "Fulham fans": a lone name before a
		// club's people (read only in a match report).
		if len(ms) == 1 && len(ms[0].words) == 1 && j < n && r.lx.clubRoles[toks[j].text] {
			ms[0].clubRole = true
		}
		// "Northern Rivers Alliance (NRA)": the acronym names the entity before it.
		inBrackets := len(ms) == 1 && i >= 2 && j < n && toks[i-1].text == "(" && toks[j].text == ")"
		// ("Philippine Institute of Volcanology and Seismology (Phivolcs)":
		// a short form in mixed case spelling the name counts.)
		// ("California Department of Forestry and Fire Protection (Cal
		// Fire)": so does a short name of a few words.)
		if inBrackets && !isAcronym(ms[0].text) && len(ms[0].words) <= 3 && len(ms[0].text) >= 4 {
			if x := nameBefore(out, toks, i-1); x >= 0 && out[x].typ == article.TypeOrg && len(out[x].words) >= 3 && spells(ms[0].text, out[x].words) && !r.knownForm(ms[0].text) {
				ms[0].parenOf = out[x].start + 1
				// (Typed as the body, whatever its words look like: "Cal"
				// is a given name.)
				ms[0].typ = article.TypeOrg
			}
		}
		// "the Supreme Court of Justice (Oberster Gerichtshof)", "the
		// Corruption Eradication Commission (Komisi Pemberantasan Korupsi,
		// KPK)": a name in another language in brackets after an
		// institution's or a place's name is that name as its own people
		// write it, and so is an acronym after it in the same brackets.
		if len(ms) == 1 && i >= 2 && j < n && toks[i-1].text == "(" && (toks[j].text == ")" || toks[j].text == ",") && r.foreignName(ms[0].words) {
			if x := nameBefore(out, toks, i-1); x >= 0 && out[x].typ != "" && out[x].typ != article.TypePerson && out[x].typ != article.TypeNORP {
				// (Its type is the name's before it, whatever its words
				// look like.)
				ms[0].parenOf, ms[0].foreign, ms[0].typ = out[x].start+1, true, ""
			}
		}
		if len(ms) == 1 && isAcronym(ms[0].text) && i >= 2 && j < n && toks[i-1].text == "," && toks[j].text == ")" && len(out) > 0 {
			if x := nameBefore(out, toks, i-1); x >= 0 && out[x].foreign {
				ms[0].parenOf = out[x].parenOf
			}
		}
		if inBrackets && isAcronym(ms[0].text) {
			// ("National Disaster Management Agency (BNPB)": after an
			// organisation's name an acronym in brackets is its own, in
			// whatever language it spells, if no place.)
			x := nameBefore(out, toks, i-1)
			_, state := dottedPair(ms[0].text)
			switch {
			case x >= 0 && out[x].typ == article.TypePerson && state:
				// ("Sen. Tim Scott (S.C.)": a dotted state's abbreviation
				// tags the person; it is no short form of the name and
				// names nothing of its own here.)
				ms[0].typ, ms[0].canon, ms[0].ev = "", "", evGaz
			case x >= 0 && (spells(ms[0].text, out[x].words) ||
				out[x].typ == article.TypeOrg && len(out[x].words) >= 2 && len(ms[0].text) >= 3 && (!r.knownForm(ms[0].text) || r.knownAsName(ms[0].text, out[x].text)) && !r.lx.exchanges[ms[0].text]):
				ms[0].parenOf = out[x].start + 1
			}
		}
		// "ISIS (Islamic State of Iraq and Syria)", "ODESC [Officials
		// Committee for ...]": a name in brackets right after an acronym
		// whose letters open its capitalised words is the acronym's long
		// form.
		squared := len(ms) == 1 && i >= 2 && j < n && toks[i-1].text == "[" && toks[j].text == "]"
		if (inBrackets || squared) && len(ms[0].words) >= 2 && !isAcronym(ms[0].text) && ms[0].typ != article.TypePerson {
			if x := nameBefore(out, toks, i-1); x >= 0 && isAcronym(out[x].text) && out[x].parenOf == 0 && spellsName(strings.ReplaceAll(out[x].text, ".", ""), ms[0].words) {
				ms[0].parenOf = out[x].start + 1
				ms[0].made.or(r.bit(ruleAcronymFirst))
			}
		}
		// "the Group of Seven, or G7,", "G7, or the Group of Seven,": a
		// short form and a long one set side by side by ", or" are one.
		if len(ms) == 1 && !headline && j < n && (toks[j].text == "," || toks[j].text == ")" || toks[j].text == ".") {
			k := i - 1
			if k > 0 && toks[k].text == "the" {
				k--
			}
			if k >= 2 && toks[k].text == "or" && toks[k-1].text == "," {
				if x := nameBefore(out, toks, k-1); x >= 0 && shortAndLong(out[x], ms[0]) {
					ms[0].parenOf = out[x].start + 1
				}
			}
		}
		// "Doris Day (born Doris Kappelhoff)", "Ann Lowe, born Ann Berg,":
		// a birth name is the person's before it.
		// "Day was born Doris Kappelhoff": so is the name after "was born".
		copula := i >= 3 && (toks[i-2].text == "was" || toks[i-2].text == "is")
		if len(ms) == 1 && i >= 3 && toks[i-1].text == "born" && (toks[i-2].text == "(" || toks[i-2].text == "," || copula) {
			if x := nameBefore(out, toks, i-2); x >= 0 && (out[x].typ == article.TypePerson || copula && out[x].typ == "") {
				ms[0].bornOf = out[x].start + 1
			}
		}
		// "Joko Widodo, known as Jokowi,", "(better known as Jokowi)": a name
		// the person is known by is the person's, as a birth name is.
		if len(ms) == 1 && i >= 4 && toks[i-1].text == "as" && toks[i-2].text == "known" {
			p := i - 3
			if w := toks[p].text; (w == "also" || w == "better" || w == "widely" || w == "popularly" || w == "commonly") && p >= 2 {
				p--
			}
			if toks[p].text == "," || toks[p].text == "(" {
				if x := nameBefore(out, toks, p); x >= 0 && out[x].typ == article.TypePerson {
					ms[0].bornOf = out[x].start + 1
				} else if x >= 0 && out[x].typ == article.TypeOrg && len(out[x].words) >= 2 && !r.knownForm(ms[0].text) && j < n && (toks[j].text == "," || toks[j].text == "." || toks[j].text == ")") {
					// "the Federal Financial Supervisory Authority, known as
					// BaFin,": a body's short name, as a bracketed one is
					// (the name alone: not "known as Jack Frey's union").
					ms[0].parenOf, ms[0].typ = out[x].start+1, article.TypeOrg
				}
			}
		}
		out = append(out, ms...)
		i = j
	}
	if !headline {
		r.placeLists(text, out)
		r.orgLists(text, out)
		r.personLists(text, out)
	} else {
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
	sentenceCase := !titleCase(text)
	for i := 0; i < len(run); {
		k := min(len(run)-i, 4)
		for ; k >= 1; k-- {
			s := joinText(run[i : i+k])
			if typ, canon, ok := r.lx.known(s); ok {
				out = append(out, mention{start: run[i].start, end: run[i+k-1].end, text: text[run[i].start:run[i+k-1].end],
					words: strings.Fields(s), typ: typ, canon: canon, ev: evGaz, made: r.bit(ruleHeadlinePart), typedBy: r.typed(ruleGazetteer),
					inRun: sentenceCase && k < len(run), runStart: i == 0})
				break
			}
		}
		i += max(k, 1)
	}
	return out
}

// titleCase reports a headline that capitalises its words: no word of
// four letters or more starts in lower case ("Storm Hits Kenya Coast
// Towns").
func titleCase(s string) bool {
	for w := range strings.FieldsSeq(s) {
		if r, _ := utf8.DecodeRuneInString(w); utf8.RuneCountInString(w) >= 4 && unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// isNameToken reports whether token i can be part of a name.
func (r *Recognizer) isNameToken(toks []token, i int) bool {
	t := toks[i]
	first, _ := utf8.DecodeRuneInString(t.text)
	if !unicode.IsUpper(first) {
		// "Midland Precision plc": a legal form written in lower case
		// ends the name before it.
		if r.lx.legalForms[t.text] && i > 0 && isCap(toks[i-1].text) && toks[i-1].end+1 == t.start {
			return true
		}
		// "easyJet", "eBay": a name the lists know written in camel case.
		if r.camelKnown(t.text) {
			return true
		}
		// "al-Qaeda": a name the lists know that opens with a lower-case
		// particle.
		if strings.IndexByte(t.text, '-') < 0 {
			return false
		}
		_, known := r.lx.lookup(t.text)
		// ("Omar al-Rashid", "disputed by al-Rubaie": a family name with
		// its particle, after a given name or alone as the article names a
		// person a second time.)
		return known || r.isParticle(t.text)
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
		return r.lx.holiday[t.text] && i > 0 && toks[i-1].end+1 == t.start &&
			(r.lx.firstName(toks[i-1].text) || strings.HasSuffix(toks[i-1].label, "PERSON")) ||
			r.weekdayGiven(toks, i)
	}
	// "Iran-backed", "Luxembourg-based": an adjective; hyphenParts finds the name in it.
	// ("Co-operation", "Anti-corruption" in a name's title case: an English
	// prefix before the hyphen, no adjective.)
	if k := strings.LastIndexByte(t.text, '-'); k > 0 && k+1 < len(t.text) && !isCap(t.text[k+1:]) {
		if _, ok := r.lx.lookup(t.text); !ok && !r.hyphenGiven(toks, i) && !r.lx.hyphenPrefixes[t.text[:k]] {
			return false
		}
	}
	if strings.IndexFunc(t.text, unicode.IsLetter) < 0 {
		return false
	}
	// "FY21", "Q3": a fiscal year or quarter is a date, no name.
	if periodCode(t.text) {
		return false
	}
	// "Chad/Sudan": two names joined by a slash; hyphenParts
	// finds each.
	if strings.ContainsRune(t.text, '/') {
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
	// function word; at the start of a sentence capitals prove nothing,
	// but for a word no English word list has, or a given name, right
	// before another name's word: "Babajide Sanwo-Olu urged", "Xi Jinping
	// urged", which prose tags as anything.
	if sentenceStart(toks, i) {
		// ("Qualtrix said on Tuesday it would cut 200 jobs": a word no
		// English word list has, alone before a verb of saying and an "it"
		// that acts as a body does, is a body's name.)
		if i+1 < len(toks) && r.lx.orgSpeechVerb[toks[i+1].text] && !r.englishWord(t.text) && r.itActsAfter(toks, i+1) {
			return true
		}
		return r.opensName(toks, i)
	}
	switch t.tag {
	case "NN", "NNS", "JJ", "FW", "VBN", "VBG":
		return true
	case "VBD":
		// ("On Monday, Planned Parenthood said": a capitalised past form
		// inside a sentence opening a run of capitals is a name's word,
		// however prose tags it.)
		return i+1 < len(toks) && isCap(toks[i+1].text) && toks[i+1].tag != "VBD"
	}
	return false
}

// camelKnown reports a name the lists know that opens in lower case and
// has a capital inside ("easyJet", "eBay").
func (r *Recognizer) camelKnown(w string) bool {
	if w == "" || !unicode.IsLower(rune(w[0])) || strings.IndexFunc(w, unicode.IsUpper) < 0 {
		return false
	}
	_, known := r.lx.lookup(w)
	return known
}

// prependThe makes the capital "The" right before a mention part of it
// ("chair of The Greens", "told The Verge").
func (r *Recognizer) prependThe(text string, m *mention, the token) {
	m.start = the.start
	m.text = text[m.start:m.end]
	m.words = append([]string{"The"}, m.words...)
	m.made.or(r.bit(ruleCapitalThe))
}

// ordinalWord reports an ordinal written in digits: "1st", "82nd", "9th".
func ordinalWord(w string) bool {
	n := len(w)
	if n < 3 || !startsDigit(w) {
		return false
	}
	switch w[n-2:] {
	case "st", "nd", "rd", "th":
	default:
		return false
	}
	for _, c := range w[:n-2] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// orgHeaded reports a name of two words or more whose head, or the word
// before its "of", marks a body ("Airborne Division", "Court of Appeals").
func (r *Recognizer) orgHeaded(words []string) bool {
	if len(words) < 2 {
		return false
	}
	head := words[len(words)-1]
	for x, w := range words {
		if w == "of" && x > 0 {
			head = words[x-1]
			break
		}
	}
	// (Not a legislature's term: "the 43rd Parliament" is the body's
	// sitting; the body is "Parliament".)
	switch head {
	case "Parliament", "Congress", "Assembly", "Legislature", "Senate", "Session", "Conference":
		return false
	}
	t, ok := r.lx.headCue[head]
	return ok && t == article.TypeOrg
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

// knownAsName reports a short form the lists know as the name of the body
// named before it, or of that body with a complement ("SPD" after "Social
// Democratic Party", the lists' "Social Democratic Party of Germany").
func (r *Recognizer) knownAsName(short, name string) bool {
	e, ok := r.lx.lookup(short)
	if !ok || e.typ != article.TypeOrg {
		return false
	}
	c, n := fold(e.canonical), fold(name)
	return c == n || strings.HasPrefix(c, n+" of ")
}

// knownForm reports a form the lists know as a name or a nationality.
func (r *Recognizer) knownForm(s string) bool {
	_, _, ok := r.lx.known(s)
	return ok
}

// commonOrgWord reports a common word the lists also hold as a body's short
// name ("Labor", "Industry"): in a complement it is the subject described
// ("Department of Labor and Industry").
func (r *Recognizer) commonOrgWord(w string) bool {
	typ, _, ok := r.lx.known(w)
	return ok && typ == article.TypeOrg && r.lx.common[strings.ToLower(w)]
}

// descriptiveWords is commonWords that also takes words with an English
// derivational ending ("Volcanology", "Seismology"), the subjects that an
// institute's or a ministry's name describes.
func (r *Recognizer) descriptiveWords(ts []token) bool {
	return r.describes(ts, false)
}

// complementWords is descriptiveWords for the subject of an
// organisation's complement, where a given name that is also a common
// word describes ("School of Marine and Atmospheric Science").
func (r *Recognizer) complementWords(ts []token) bool {
	return r.describes(ts, true)
}

func (r *Recognizer) describes(ts []token, commonGiven bool) bool {
	for x, t := range ts {
		// ("African American History": a people's adjective before the
		// subject describes it.)
		if x+1 < len(ts) && r.isNORP(t.text) {
			continue
		}
		if r.lx.firstName(t.text) && !(commonGiven && r.lx.common[strings.ToLower(t.text)]) || r.knownForm(t.text) {
			return false
		}
		// "Co-operation", "Land-Sea": each part a word.
		for _, part := range strings.Split(strings.ToLower(t.text), "-") {
			// ("Ports and Harbours Board": inflected and British forms too,
			// englishWord.)
			if !r.lx.common[part] && !r.lx.wordLike(part) && !r.lx.hyphenPrefixes[strings.Title(part)] && !r.englishWord(part) {
				return false
			}
		}
	}
	return len(ts) > 0
}

// commonWords reports whether every token is a plain English word that no
// list knows as a name ("Oceanic", "Drug"), the parts of a descriptive name.
func (r *Recognizer) commonWords(ts []token) bool { return r.wordsOnly(ts, false) }

// plainWords is commonWords that lets in a given name that is also a
// common word ("Flora", "Rock").
func (r *Recognizer) plainWords(ts []token) bool { return r.wordsOnly(ts, true) }

func (r *Recognizer) wordsOnly(ts []token, givenOK bool) bool {
	for _, t := range ts {
		if !r.lx.common[strings.ToLower(t.text)] || !givenOK && r.lx.firstName(t.text) || r.knownForm(t.text) {
			return false
		}
	}
	return len(ts) > 0
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

// regnalName reports one name word at j, with an optional generational
// numeral after it, and no other name word after them.
func (r *Recognizer) regnalName(toks []token, j int, name []bool) bool {
	if j >= len(toks) || !name[j] {
		return false
	}
	e := j + 1
	if e < len(toks) && name[e] && r.lx.generational[toks[e].text] {
		e++
	}
	// ("Sheikh Hamdan bin Saeed Al Nahyan": a name going on after a
	// particle is a full name, the title no part of it.)
	if e+1 < len(toks) && r.isParticle(toks[e].text) && isCap(toks[e+1].text) {
		return false
	}
	return e >= len(toks) || !name[e]
}

// hyphenPartsAfter appends the names inside the hyphenated word toks[i] to
// out. A known name of several words may end in it ("the United
// States-led coalition", "a New York-based firm"): then the words before the
// hyphen join it, replacing what the run of those words made.
func (r *Recognizer) hyphenPartsAfter(text string, toks []token, i int, out []mention) []mention {
	t := toks[i]
	h := strings.IndexByte(t.text, '-')
	// (Not before a romanised given name's second syllable: "Tsai
	// Ing-wen" holds no "Ing".)
	if h > 0 && isCap(t.text[:h]) && !r.givenSyllable(t.text[h+1:]) {
		for j := max(0, i-3); j < i; j++ {
			ok := true
			for k := j; k < i && ok; k++ {
				ok = isCap(toks[k].text) && toks[k+1].start == toks[k].end+1
			}
			if !ok {
				continue
			}
			name := text[toks[j].start : t.start+h]
			typ, canon, known := r.lx.known(name)
			if !known {
				continue
			}
			for len(out) > 0 && out[len(out)-1].end > toks[j].start {
				out = out[:len(out)-1]
			}
			words := make([]string, 0, i-j+1)
			for k := j; k < i; k++ {
				words = append(words, toks[k].text)
			}
			words = append(words, t.text[:h])
			out = append(out, mention{start: toks[j].start, end: t.start + h, text: name, words: words, typ: typ, canon: canon, modifier: true,
				ev: evGaz, made: r.bit(ruleHyphenPart), typedBy: r.typed(ruleGazetteer)})
			rest := r.hyphenParts(t)
			if len(rest) > 0 && rest[0].start == t.start {
				rest = rest[1:]
			}
			return append(out, rest...)
		}
	}
	return append(out, r.hyphenParts(t)...)
}

// hyphenParts finds known names inside hyphenated or slashed words:
// "Iran-backed", "pro-Israel", "U.S.-led", "Chad/Sudan".
func (r *Recognizer) hyphenParts(t token) []mention {
	if !strings.ContainsAny(t.text, "-/") {
		return nil
	}
	var out []mention
	off := 0
	parts := strings.FieldsFunc(t.text, func(c rune) bool { return c == '-' || c == '/' })
	for i, part := range parts {
		off = strings.Index(t.text[off:], part) + off
		if isCap(part) && !(i+1 < len(parts) && r.givenSyllable(parts[i+1])) {
			if typ, canon, ok := r.lx.known(part); ok {
				out = append(out, mention{start: t.start + off, end: t.start + off + len(part), text: part, modifier: true,
					words: []string{part}, typ: typ, canon: canon, ev: evGaz, made: r.bit(ruleHyphenPart), typedBy: r.typed(ruleGazetteer)})
			}
		}
		off += len(part)
	}
	return out
}

// givenSyllable reports the lower-case second half of a romanised given
// name ("Tsai Ing-wen", "Kim Jong-un", "Ko Wen-je"): a short syllable no
// English word, after which the capitalised half is no name of its own,
// as "Kenya" is in "Kenya-backed".
func (r *Recognizer) givenSyllable(w string) bool {
	if w == "" || len(w) > 4 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	// ("New York-ish", "Nato-ish": an English ending, no syllable.)
	switch w {
	case "ish", "esque", "ism", "ist", "ite", "ian", "like", "type":
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return !r.englishWord(w)
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

// initialsOf gives the capital initials of a name's words ("League of
// Urban Farmers and Gardeners" -> "LUFG"); digits count as initials.
func initialsOf(run []token) string {
	var b strings.Builder
	for _, t := range run {
		// "Anti-Corruption" gives "AC": each part of a hyphenated word.
		for _, part := range strings.Split(t.text, "-") {
			c, _ := utf8.DecodeRuneInString(part)
			if unicode.IsUpper(c) || unicode.IsDigit(c) {
				b.WriteRune(c)
			}
		}
	}
	return b.String()
}

// initialsMatch reports whether acr is the initials of run as initialsOf
// gives them, where the lower-case words of institutions' names ("in", "of",
// "for", "and", "on") may each give their initial too ("United Nations
// Mission in South Sudan" for "UNMISS", "Ministry of Health" for "MOH").
func initialsMatch(run []token, acr string) bool {
	acr = strings.ReplaceAll(acr, ".", "")
	if initialsOf(run) == acr {
		return true
	}
	// The initials of each word: required ones as upper-case, optional
	// ones (the connecting words) as lower-case.
	var parts []rune
	for _, t := range run {
		switch t.text {
		case "in", "of", "for", "and", "on":
			parts = append(parts, unicode.ToLower(rune(t.text[0])))
			continue
		}
		for _, part := range strings.Split(t.text, "-") {
			c, _ := utf8.DecodeRuneInString(part)
			if unicode.IsUpper(c) || unicode.IsDigit(c) {
				parts = append(parts, c)
			}
		}
	}
	want := []rune(strings.ToUpper(acr))
	// ok[i][k]: parts[i:] can spell want[k:].
	var match func(i, k int) bool
	match = func(i, k int) bool {
		if i == len(parts) {
			return k == len(want)
		}
		p := parts[i]
		if unicode.IsLower(p) {
			if match(i+1, k) {
				return true
			}
			return k < len(want) && unicode.ToUpper(p) == want[k] && match(i+1, k+1)
		}
		return k < len(want) && p == want[k] && match(i+1, k+1)
	}
	return len(parts) <= 24 && match(0, 0)
}

// spellsName reports whether an acronym stands for a name, more strictly
// than spells, for an acronym that is not beside the name: each capitalised
// word of the name gives the acronym's next letters in order, a prefix of
// itself ("Mountain" M or MO), or, once per name, its second letter alone
// ("Japan Aerospace eXploration Agency"); lower-case words give none, and
// words after "and" may give none ("International Federation of Red Cross
// and Red Crescent Societies" for "IFRC"). Hyphenated parts count as words.
func spellsName(acr string, words []string) bool {
	var parts []string
	tail := -1 // the first part after "and" or "&"
	for _, w := range words {
		if (w == "and" || w == "&") && tail < 0 {
			tail = len(parts)
		}
		for _, p := range strings.Split(w, "-") {
			if isCap(p) {
				parts = append(parts, strings.ToLower(p))
			}
		}
	}
	acr = strings.ToLower(acr)
	if len(parts) < 2 {
		return false
	}
	var match func(k, w int, second bool) bool
	match = func(k, w int, second bool) bool {
		if k == len(acr) {
			return w == len(parts) || tail >= 0 && w >= tail
		}
		if w == len(parts) {
			return false
		}
		p := parts[w]
		// A prefix of the word, longest first.
		n := 0
		for n < len(p) && k+n < len(acr) && p[n] == acr[k+n] {
			n++
		}
		for ; n > 0; n-- {
			if match(k+n, w+1, second) {
				return true
			}
		}
		return !second && len(p) > 1 && p[1] == acr[k] && match(k+1, w+1, true)
	}
	return match(0, 0, false)
}

// spells reports whether an acronym can stand for a name: its letters and
// digits appear in the name's words in order, the first one starting a word
// ("NRA" for "Northern Rivers Alliance", "G7F" for "Group of 7 Farmers").
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
	// ("Sit-in", "Drive-in" are words; "Jae-in", "Jae-myung" are given names.)
	if len(tail) < 2 || len(tail) > 5 || len(head) > 5 || r.lx.hyphenSuffixes[tail] && r.lx.common[strings.ToLower(head)] || strings.ToLower(tail) != tail {
		return false
	}
	if _, ok := r.lx.lookup(head); ok {
		return false
	}
	// ("Sixty-third", "T-shirt": words; "Eun-young", "Ji-young": a
	// syllable that is no word before the common one.)
	if numberWord(strings.ToLower(head)) || len(tail) == 5 && r.lx.common[tail] && (len(head) < 2 || r.lx.hyphenSuffixes[tail] || r.lx.common[strings.ToLower(head)]) {
		return false
	}
	if _, ok := r.lx.norp[head]; ok {
		return false
	}
	next := i+1 < len(toks) && toks[i+1].start == toks[i].end+1 && isCap(toks[i+1].text)
	prev := i > 0 && toks[i-1].end+1 == toks[i].start && isCap(toks[i-1].text)
	return next || prev
}

// shortAndLong reports, in either order, an organisation's name of two
// words or more and its short form: capitals that spell it, or its first
// letter and a number.
func shortAndLong(a, b mention) bool {
	if len(b.words) == 1 {
		a, b = b, a
	}
	if len(a.words) != 1 || len(b.words) < 2 || b.typ != article.TypeOrg && b.typ != "" && a.typ != article.TypeOrg {
		return false
	}
	// The short form spells the long one ("the Federal Emergency
	// Management Agency, or FEMA"), or is its first letter and a number
	// ("the G7, or the Group of Seven"); not "NATO, or the European Union".
	if isAcronym(a.text) {
		return spells(a.text, b.words)
	}
	return len(a.text) <= 5 && strings.ContainsAny(a.text, "0123456789") && a.text[0] == b.words[0][0]
}

// foreignName reports a name of two words or more none of whose
// capitalised words is an English word, a given name or a name the lists
// know, lower-case words being short particles ("Câmara dos Deputados",
// "Cumhuriyet Halk Partisi"): a name in another language.
func (r *Recognizer) foreignName(words []string) bool {
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if !isCap(w) {
			if utf8.RuneCountInString(w) > 3 {
				return false
			}
			continue
		}
		if isAcronym(w) || r.lx.common[strings.ToLower(w)] || r.lx.firstName(w) || r.knownForm(w) || r.lx.headCue[w] != "" {
			return false
		}
	}
	return true
}

// nameBefore returns the index in out of the last name before token k if
// it ends right before it (at the end of token k-1), else -1.
func nameBefore(out []mention, toks []token, k int) int {
	for x := len(out) - 1; x >= 0; x-- {
		if out[x].end <= toks[k].start {
			if out[x].end == toks[k-1].end {
				return x
			}
			return -1
		}
	}
	return -1
}

// teamContext reports whether the country name toks[i:j] stands like a
// sports team: before a score or a match verb, after "against", or after a
// score ("1 – 0 Chile"). It only counts in match reports (resolve).
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

// scoreWord reports a score written as one word: "2-1", "3–0".
func scoreWord(w string) bool {
	a, b, ok := strings.Cut(strings.ReplaceAll(w, "–", "-"), "-")
	return ok && a != "" && b != "" && len(a) <= 3 && len(b) <= 3 && strings.Trim(a, "0123456789") == "" && strings.Trim(b, "0123456789") == ""
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

// periodCode reports a fiscal period written as a code: "FY21", "FY2020",
// "Q3", "H1".
func periodCode(w string) bool {
	var digits string
	switch {
	case strings.HasPrefix(w, "FY"):
		digits = w[2:]
	case strings.HasPrefix(w, "Q") || strings.HasPrefix(w, "H"):
		digits = w[1:]
		if len(digits) != 1 {
			return false
		}
	default:
		return false
	}
	return len(digits) <= 4 && allDigits(digits)
}

// dottedPair reports two letters written with periods ("S.C.", "N.J."),
// as news style abbreviates a US state, and the letters without them.
func dottedPair(s string) (string, bool) {
	d := strings.ReplaceAll(s, ".", "")
	return d, len(d) == 2 && d != s
}

// headAfterTitled reports a head word of a building or of a house a
// founder names within the capitalised words from j on, after at least one
// name word, or a building's or street's head word at j.
func (r *Recognizer) headAfterTitled(toks []token, j int) bool {
	// "King Street East", "Queen Square": a street or a building named
	// for the title alone.
	if j < len(toks) && isCap(toks[j].text) {
		if t, ok := r.lx.headCue[toks[j].text]; ok && t == article.TypeFac {
			return true
		}
	}
	for x := j + 1; x < len(toks) && x < j+4 && isCap(toks[x].text); x++ {
		// A building's head or a house a founder names ("Hospital",
		// "School"), not a body a person may appear before ("the Prince
		// Harry High Court case").
		if t, ok := r.lx.headCue[toks[x].text]; ok && t == article.TypeFac || r.lx.founderHeads[toks[x].text] {
			return true
		}
	}
	return false
}

// titledBody reports a name after a title, from token j, that ends in a
// hospital's, a school's or an airport's head word no frequent surname is
// ("Gen. Luna Doctors' Hospital", "President Kennedy Airport"): the body
// is named after the titled person, title and all ("Judge Ana Hall" is
// the judge).
func (r *Recognizer) titledBody(toks []token, j int) bool {
	for x := j + 1; x < len(toks) && x < j+5 && (isCap(toks[x].text) || possessiveMark(toks[x].text)); x++ {
		w := toks[x].text
		if t, ok := r.lx.headCue[w]; (ok && t == article.TypeFac || r.lx.founderHeads[w]) && !r.lx.commonSurnames[strings.ToLower(w)] {
			return isCap(toks[j].text)
		}
	}
	return false
}

// opensName reports a sentence's first word that opens a name: not a
// common English word, or a given name, and not a modal ("Will Britain
// leave?"), right before a capitalised word that prose takes for a name
// or no English word list has.
func (r *Recognizer) opensName(toks []token, i int) bool {
	t := toks[i]
	if i+1 >= len(toks) || t.tag == "MD" || toks[i+1].start != t.end+1 || !isCap(toks[i+1].text) {
		return false
	}
	if r.englishWord(t.text) && !r.lx.firstName(t.text) {
		return false
	}
	n := toks[i+1]
	return n.tag == "NNP" || n.label != "O" || !r.englishWord(n.text) && !r.lx.nonNames[n.text]
}

// englishWord reports a word of the common-word list, also inflected or
// derived by a regular ending or prefix ("Bachelorettes", "Downloading",
// "Repurposed", "Commenter"), in British spelling ("Neighbouring"), or a
// hyphenated compound of such words ("Forest-Effect").
func (r *Recognizer) englishWord(w string) bool {
	// (A word of the list itself is looked up without building its lower
	// case: the map index of a converted byte slice does not allocate.)
	var buf [24]byte
	if b, ok := lowerASCII(buf[:0], w); ok && r.lx.common[string(b)] {
		return true
	}
	w = strings.ToLower(w)
	if r.lx.common[w] {
		return true
	}
	if a, b, ok := strings.Cut(w, "-"); ok && a != "" && b != "" {
		return r.englishWord(a) && r.englishWord(b)
	}
	for _, sfx := range englishEndings {
		if stem, ok := strings.CutSuffix(w, sfx.strip); ok && len(stem) >= 3 && r.lx.common[stem+sfx.add] {
			return true
		}
	}
	for _, p := range []string{"re", "un", "non", "pre", "over", "under", "out", "co"} {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 4 && r.englishWord(rest) {
			return true
		}
	}
	if v := strings.Replace(w, "our", "or", 1); v != w && r.englishWord(v) {
		return true
	}
	// British spellings the list holds in their American form: "defence",
	// "centre", "organise", "analyse".
	for _, sp := range [][2]string{{"ence", "ense"}, {"tre", "ter"}, {"ise", "ize"}, {"yse", "yze"}, {"isation", "ization"}} {
		if stem, ok := strings.CutSuffix(w, sp[0]); ok && len(stem) >= 2 && r.lx.common[stem+sp[1]] {
			return true
		}
	}
	return false
}

// englishEndings are regular English endings and what the stem had in
// their stead ("carries" -> "carry", "baked" -> "bake").
var englishEndings = []struct{ strip, add string }{
	{"ies", "y"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", ""}, {"ed", "e"}, {"ing", ""}, {"ing", "e"},
	{"ers", ""}, {"ers", "e"}, {"er", ""}, {"er", "e"}, {"ly", ""}, {"ness", ""}, {"ment", ""},
}

// placeLists types the lone words of a list of places that prose calls
// places, and that lone_gpe left untyped for want of a place's context,
// as places: "the towns damaged were Carrascal, Cantilan, Madrid, Carmen
// and Lanuza", where two or more of the list's names are places by the
// lists or a rule (a given name, "Carmen", among them too). A list is
// three names or more, joined by commas, "and" or "or".
func (r *Recognizer) placeLists(text string, ms []mention) {
	for a := 0; a < len(ms); {
		b := a
		// (The list ends at its "and" or "or": "talks in Tokyo and Seoul,
		// Kishida and Yoon agreed" is no list of four.)
		for b+1 < len(ms) && ms[b+1].field == ms[b].field && listJoint(text[ms[b].end:ms[b+1].start]) {
			b++
			if j := text[ms[b-1].end:ms[b].start]; j != ", " {
				break
			}
		}
		if b-a >= 2 {
			places := 0
			for k := a; k <= b; k++ {
				if ms[k].typ == article.TypeGPE && ms[k].ev >= evRule {
					places++
				}
			}
			// (Two places or more, and half the list at least.)
			if places >= 2 && 2*places >= b-a+1 {
				lone := r.typed("lone_gpe")
				for k := a; k <= b; k++ {
					m := &ms[k]
					if m.typ == "" && m.typedBy == lone && len(m.words) == 1 {
						m.typ, m.ev, m.typedBy = article.TypeGPE, evRule, r.typed(rulePlaceList)
					}
				}
			}
		}
		a = b + 1
	}
}

// orgLists types a lone word nothing typed, or only prose called a person,
// as an organisation where a list joins it to an organisation the rules or
// the lists typed: "executives from News Corporation and Fairfax", "ABC
// News, and Politifact". Not a common word, a town, an acronym, a modifier
// of a noun ("Apple and Cupertino officials") or a word opening the
// sentence; a person's surname still joins the person in resolution.
func (r *Recognizer) orgLists(text string, ms []mention) {
	org := func(k int) bool {
		return k >= 0 && k < len(ms) && ms[k].typ == article.TypeOrg && ms[k].ev >= evRule
	}
	for k := range ms {
		m := &ms[k]
		if m.typ != "" && (m.typ != article.TypePerson || m.ev > evProse) || len(m.words) != 1 || m.initial || m.modifier || len(m.text) < 3 ||
			r.lx.common[strings.ToLower(m.text)] || isAcronym(m.text) || r.lx.townOrCity(m.text) {
			continue
		}
		// (A comma alone may end an opening phrase, "According to the
		// Herald, Humberto is", and the word after "and" may share the
		// head of the name after it, "Avon and Somerset Police".)
		before := org(k-1) && ms[k-1].field == m.field && orgJoint(text[ms[k-1].end:m.start])
		after := org(k+1) && ms[k+1].field == m.field && orgJoint(text[m.end:ms[k+1].start])
		if after {
			n := &ms[k+1]
			if t, ok := r.lx.headCue[n.words[len(n.words)-1]]; ok && t == article.TypeOrg && len(n.words) >= 2 {
				after = false
			}
		}
		if before || after {
			m.typ, m.ev, m.typedBy = article.TypeOrg, evRule, r.typed(ruleOrgList)
		}
	}
}

// personLists types a name of two words or more that nothing typed as a
// person's where a list joins it to a person's full name: "with Tomas
// Veld, Yannick Harlow and Dries Kestrel making early runs" ("Dries" is an
// English word, "Kestrel" unknown). Not one a head word or the lists know,
// nor one whose words are all English words ("Golden Dawn").
func (r *Recognizer) personLists(text string, ms []mention) {
	person := func(k int) bool {
		return k >= 0 && k < len(ms) && ms[k].typ == article.TypePerson && len(ms[k].words) >= 2
	}
	for k := range ms {
		m := &ms[k]
		if m.typ != "" || len(m.words) < 2 || len(m.words) > 3 {
			continue
		}
		before := person(k-1) && ms[k-1].field == m.field && listJoint(text[ms[k-1].end:m.start])
		after := person(k+1) && ms[k+1].field == m.field && listJoint(text[m.end:ms[k+1].start])
		if !before && !after || r.hasCueWords(m.words) || r.knownForm(m.text) {
			continue
		}
		// (Nor one with an acronym or a place in it: "Amsterdam UMC".)
		unknown, other := false, false
		for _, w := range m.words {
			unknown = unknown || !r.lx.common[strings.ToLower(w)] && !r.lx.wordLike(strings.ToLower(w))
			if e, ok := r.lx.lookup(w); ok && e.typ != article.TypePerson || isAcronym(w) {
				other = true
			}
		}
		if unknown && !other {
			m.typ, m.ev, m.typedBy = article.TypePerson, evRule, r.typed(rulePersonList)
		}
	}
}

// hasCueWords reports a word of words that heads or leads names of a type.
func (r *Recognizer) hasCueWords(words []string) bool {
	for _, w := range words {
		if _, ok := r.lx.headCue[w]; ok || r.lx.firstCue[w] != "" {
			return true
		}
	}
	return false
}

// orgJoint reports text that joins the last two names of a list: a list's
// joint other than a bare comma.
func orgJoint(s string) bool { return s != ", " && listJoint(s) }

// listJoint reports text that joins two names of a list.
func listJoint(s string) bool {
	switch s {
	case ", ", ", and ", " and ", ", or ", " or ":
		return true
	}
	return false
}

// knownNonPerson reports a name the lists know as something other than a
// person.
func (r *Recognizer) knownNonPerson(s string) bool {
	e, ok := r.lx.lookup(s)
	return ok && e.typ != article.TypePerson
}

// titleLead returns where a run of capitalised common words right before
// the title at i starts (i when there is none): the run opens the sentence
// or follows a lower-case word, holds no name the lists know and no head
// word of a body or a place.
func (r *Recognizer) titleLead(toks []token, i int) int {
	// (Only before a title written with capitals: "ACT leader", "Rangers
	// manager" name a party and a club.)
	if !isCap(toks[i].text) {
		return i
	}
	s := i
	for s > 0 && isCap(toks[s-1].text) && toks[s-1].end+1 == toks[s].start && r.lx.common[strings.ToLower(toks[s-1].text)] && !isAcronym(toks[s-1].text) &&
		!r.lx.firstName(toks[s-1].text) && r.lx.headCue[toks[s-1].text] == "" && r.lx.leadCue[toks[s-1].text] == "" {
		if _, _, known := r.lx.known(toks[s-1].text); known {
			break
		}
		s--
	}
	if s == i || s > 0 && !toks[s].initial && (isCap(toks[s-1].text) || connectorWord(toks[s-1].text)) {
		return i
	}
	// (The run opens as titles do, "Chief", "Deputy", "Senior": a
	// place's name of common words is no title's, "Broken Hill Mayor".)
	if first := strings.ToLower(toks[s].text); !r.lx.titleFirst[first] && !r.lx.titleMods[first] {
		return i
	}
	if _, _, known := r.lx.known(joinText(toks[s:i])); known {
		return i
	}
	return s
}

// connectorWord reports a lower-case word that joins the words of a name
// ("Council of Governors", "Food and Drug").
func connectorWord(w string) bool {
	switch w {
	case "of", "for", "and", "&", "de", "du", "la", "the", "on":
		return true
	}
	return false
}

// unknownNameWord reports a capitalised word that no list knows and that is
// no common English word.
func (r *Recognizer) unknownNameWord(w string) bool {
	if !isCap(w) || isAcronym(w) || r.lx.common[strings.ToLower(w)] {
		return false
	}
	_, known := r.lx.lookup(w)
	return !known
}

// personApposition reports an apposition at toks[k] that describes a
// person: "a" or "an" and, within four words, a noun for a kind of person
// or an age ("a 29-year-old vendor", "a rice farmer"), or an owner's name
// and a title ("Myanmar's Minister for Social Welfare").
func (r *Recognizer) personApposition(toks []token, k int) bool {
	if k >= len(toks) {
		return false
	}
	switch toks[k].text {
	case "a", "an":
		for x := k + 1; x < len(toks) && x <= k+4; x++ {
			// (Not a noun a body fills: "a subsidiary of", "an investor".)
			if w := strings.ToLower(toks[x].text); r.lx.personNouns[w] && !r.orgKind(w) && !r.lx.companyRoles[w] || yearsOld(w) {
				return true
			}
			if toks[x].text == "," {
				return false
			}
		}
		return false
	}
	// "Precious Ndlovu, general secretary of the union,": a role with no
	// article, of the body or the people it serves.
	for x := k; x < len(toks)-1 && x <= k+2 && !isCap(toks[x].text); x++ {
		w := strings.ToLower(toks[x].text)
		if (r.lx.titles[w] || r.lx.personNouns[w] && !r.orgKind(w) && !r.lx.companyRoles[w]) && (toks[x+1].text == "of" || toks[x+1].text == "for" || toks[x+1].text == "at") {
			return true
		}
	}
	return k+2 < len(toks) && isCap(toks[k].text) && possessiveMark(toks[k+1].text) && r.lx.titles[strings.ToLower(toks[k+2].text)]
}

// weekdayGiven reports a weekday that is a given name, as West African
// names often are: "The coach, Sunday Okafor, resigned", "striker Friday
// Ekpo". The word after it is a capitalised name word no list knows, not a
// common word ("Sunday Times", "Monday Night"); the word before is none
// (the sentence's start), a comma, or a noun for a person or a title, not
// a word of time ("on Sunday", "last Friday", "by Monday").
func (r *Recognizer) weekdayGiven(toks []token, i int) bool {
	switch toks[i].text {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
	default:
		return false
	}
	if i+2 >= len(toks) || toks[i].end+1 != toks[i+1].start || toks[i+2].tag == "CD" {
		return false
	}
	n := toks[i+1].text
	if !isCap(n) || isAcronym(n) || r.lx.nonNames[n] || r.lx.months[n] || r.lx.common[strings.ToLower(n)] {
		return false
	}
	if e, ok := r.lx.lookup(n); ok && e.typ != article.TypePerson {
		return false
	}
	if i == 0 || toks[i].initial {
		return true
	}
	p := toks[i-1].text
	return p == "," || r.lx.personNouns[strings.ToLower(p)] || r.lx.titles[strings.ToLower(p)]
}
