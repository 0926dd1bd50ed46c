package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pkg/article"
)

// joinCtx is what the joining rules see: the unit's tokens, which of them
// are name tokens, and the run toks[i:j] that a non-name token at j might
// continue.
type joinCtx struct {
	toks []token
	name []bool
	i, j int

	// The connector at j, computed once per j (connAt == j+1 when set).
	connAt int
	conn   connector
}

// connector is a connecting word at j ("of", "for the", "&", "and", "on")
// and the name after it.
type connector struct {
	w  string // the connecting word
	k  int    // tokens it spans ("of the": 2); 0: no connector with a name after it
	e  int    // end of the name after it
	ok bool
}

func (c *joinCtx) connector() connector {
	if c.connAt == c.j+1 {
		return c.conn
	}
	c.connAt = c.j + 1
	c.conn = connector{}
	toks, j, n := c.toks, c.j, len(c.toks)
	w := toks[j].text
	k := 0
	switch {
	case w == "&":
		k = 1
	case (w == "of" || w == "for") && j+1 < n && toks[j+1].text == "the":
		k = 2
	// "Center for a New American Security", "Committee for a Responsible
	// Federal Budget": a cause's article after "for".
	case w == "for" && j+1 < n && (toks[j+1].text == "a" || toks[j+1].text == "an"):
		k = 2
	case w == "of" || w == "for" || w == "and" || w == "on":
		k = 1
	}
	if k == 0 || j+k >= n || !c.name[j+k] {
		return c.conn
	}
	e := j + k
	for e < n && c.name[e] {
		e++
		// ("Universities and Colleges Employers’ Association": a plural's
		// possessive inside the name after it.)
		if e+1 < n && pluralApostrophe(toks, e) && c.name[e+1] {
			e++
		}
	}
	c.conn = connector{w: w, k: k, e: e, ok: true}
	return c.conn
}

// apostrophe reports an apostrophe standing alone, straight or curly.
func apostrophe(w string) bool { return w == "'" || w == "\u2019" }

// pluralApostrophe reports an apostrophe at token j written right after a
// word in -s: a plural's possessive ("Farmers' Union").
func pluralApostrophe(t []token, j int) bool {
	return j > 0 && apostrophe(t[j].text) && t[j].start == t[j-1].end && strings.HasSuffix(t[j-1].text, "s")
}

// joinRule is one named step of the joining chain: it returns how many
// tokens at j join the run toks[i:j] to the name after them, or 0.
type joinRule struct {
	name string
	fn   func(r *Recognizer, c *joinCtx) int
}

// joinRules continue a run of name tokens across a token that is no name on
// its own; the first rule that fires decides.
var joinRules = []joinRule{
	// Particles inside person names: "bin Laden", "de Souza".
	{"particle", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		// "van der Hoek", "de la Cruz": two particles in a row.
		k := 0
		for k < 2 && j+k < len(t) && r.isParticle(t[j+k].text) && t[j+k].start == t[j+k-1].end+1 {
			k++
		}
		if k > 0 && j+k < len(t) && c.name[j+k] {
			return k + 1
		}
		// "Brigade de Recherche et d'Intervention": an elided particle
		// after another carries the name's word itself.
		if k == 2 && r.elided(t[j+1].text) {
			return 2
		}
		return 0
	}},
	// "Parramatta Local Court", "Harbor General Hospital": a capitalised
	// word that is no name alone, between a name and an organisation or
	// facility head word, is part of the name.
	{"word_before_head", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if j+1 >= len(t) || !isCap(t[j].text) || !r.lx.nonNames[t[j].text] || !c.name[j+1] ||
			t[j].start != t[j-1].end+1 || t[j+1].start != t[j].end+1 {
			return 0
		}
		if cue, ok := r.lx.headCue[t[j+1].text]; ok && (cue == article.TypeOrg || cue == article.TypeFac) {
			return 1
		}
		return 0
	}},
	// "Valéry Giscard d'Estaing": an elided particle and the capital after
	// its apostrophe, written right after the name.
	{"elided_particle", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if t[j].start != t[j-1].end+1 || !r.elided(t[j].text) {
			return 0
		}
		return 1
	}},
	// "Raymond "Ray" Kowalski", "James 'Whitey' Bulger": a nickname in
	// quotation marks between a given name and the family name.
	{"nickname", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if t[j].start != t[j-1].end+1 || !(r.lx.firstName(t[j-1].text) || r.lx.givenWords[t[j-1].text]) {
			return 0
		}
		// Written as one name: the marks hug the nickname, spaces outside.
		// The tokenizer keeps a single opening mark on the word ("'Bob").
		k := 3
		if w := strings.TrimLeft(t[j].text, "'\u2018"); w != t[j].text && isCap(w) {
			k = 2
		} else if !isQuoteMark(t[j].text) || j+1 >= len(t) || !c.name[j+1] || t[j+1].start != t[j].end {
			return 0
		}
		if j+k >= len(t) || !isQuoteMark(t[j+k-1].text) || t[j+k-1].start != t[j+k-2].end || !c.name[j+k] || t[j+k].start != t[j+k-1].end+1 {
			return 0
		}
		return k
	}},
	// "J. Rex Potter": the tokenizer splits the period off an initial.
	{"initial_period", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if t[j].text == "." && len(t[j-1].text) == 1 && t[j].start == t[j-1].end && j+1 < len(t) && c.name[j+1] {
			return 1
		}
		return 0
	}},
	// "Farmers' Union": a plural possessive inside a name.
	{"plural_possessive", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if !pluralApostrophe(t, j) || j+1 >= len(t) || !c.name[j+1] ||
			isAcronym(t[j+1].text) || r.lx.abbrevs[t[j+1].text] {
			return 0 // ("the Academy of Sciences' FAST telescope", "DeSantis' No. 2")
		}
		k := j + 1
		for k < len(t) && c.name[k] {
			k++
		}
		// Only before a body's or a building's name that ends in its head
		// word: news prints a plural's possessive before any name ("Nets’
		// Kevin Durant", "Axios' Kaveh Waddell", "the Democrats’ Senate
		// majority"). Then a common plural that names no party or people
		// opens a body's name ("British Bankers’ Association", "Farmers'
		// Union"), a saint's name a building's or a body's ("St Thomas’
		// Hospital"); with a straight apostrophe, any plural but a party's
		// or a people's ("Fishmongers' Hall").
		// (A straight apostrophe after a common plural as before: "Catholic
		// Bishops' Conference of the Philippines", "Farmers' Unions".)
		// ("the House of Representatives' Committee on Ways and Means": a
		// known body's possessive names another body, its own.)
		if j-c.i >= 2 && r.knownForm(joinText(t[c.i:j])) {
			return 0
		}
		norp := r.isNORP(t[j-1].text)
		common := r.lx.common[strings.ToLower(t[j-1].text)] && !norp
		if t[j].text == "'" && common {
			return 1
		}
		head, ok := r.lx.headCue[t[k-1].text]
		if !ok || head != article.TypeOrg && head != article.TypeFac || norp {
			return 0
		}
		if head == article.TypeOrg && common {
			return 1
		}
		// (A curly apostrophe too after a plural no dictionary holds:
		// "Fishmongers’ Hall" is as much a name as "Fishmongers' Hall".)
		if saintWord(t[c.i].text) || t[j].text == "'" || !common {
			return 1
		}
		return 0
	}},
	// "People's Party", "Sheriff's Office": a possessive of a word for people
	// or an office-holder inside a name (also of any plural for a kind of
	// person before an organisation's head: "the Kestrel Fishermen's
	// Association", "Dock Workers' Union"); other possessives ("Lopez's
	// Senate") and one before a known name or nationality ("the Mayor's
	// French guests") end the name.
	{"possessive_in_name", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if (t[j].text == "'s" || t[j].text == "\u2019s") && j+1 < len(t) && c.name[j+1] && t[j].start == t[j-1].end &&
			(r.lx.possessiveInName[t[j-1].text] || r.kindOfPeople(t[j-1].text) && r.lx.headCue[t[j+1].text] == article.TypeOrg) && !r.knownForm(t[j+1].text) {
			return 1
		}
		return 0
	}},
	// "McDonald's Corp", "Macy's Inc.": a name's possessive before a company's
	// legal form alone is the company's name (the form is no name by
	// itself).
	{"designator_possessive", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if t[j].text != "'s" && t[j].text != "\u2019s" || j-c.i != 1 || j+1 >= len(t) || t[j].start != t[j-1].end || !c.name[j+1] || !r.lx.designators[t[j+1].text] {
			return 0
		}
		if j+2 < len(t) && c.name[j+2] {
			return 0
		}
		return 1
	}},
	// "Addenbrooke's Hospital", "King's College London", "Grauman's
	// Egyptian Theatre": a founder's or saint's possessive opens the name
	// of a house of care, learning, worship or show (not a place's:
	// "London's Royal Hospital").
	{"founder_possessive", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		// ("St. Peter's Square": a saint's name takes its title, and any
		// head word of a place or building.)
		saint := saintWord(t[c.i].text)
		if t[j].text != "'s" && t[j].text != "\u2019s" || j+1 >= len(t) || !c.name[j+1] || t[j].start != t[j-1].end || j-c.i > 1 && !(saint && j-c.i <= 3) {
			return 0
		}
		if typ, _, ok := r.lx.known(t[j-1].text); ok && typ != article.TypePerson && !saint {
			return 0
		}
		// ("Cruz's Princeton University classmates": only descriptive words
		// between the possessive and the head.)
		for k := j + 1; k < len(t) && k <= j+3 && c.name[k]; k++ {
			if r.lx.founderHeads[t[k].text] {
				// (A body's possessor only right before its head:
				// "Alzheimer's Association", not "Trump's National Rifle
				// Association speech".)
				if (t[k].text == "Association" || t[k].text == "Society") && k != j+1 {
					return 0
				}
				// (A place's head only after a descriptive word: "Queen's
				// Medical Centre", not "Trump's Center speech".)
				switch t[k].text {
				case "Centre", "Center", "Park", "Square", "Hall", "Market":
					if k == j+1 && !saint {
						return 0
					}
				}
				return 1
			}
			if typ, ok := r.lx.headCue[t[k].text]; saint && ok && typ != typeNone {
				return 1
			}
			if !r.lx.common[strings.ToLower(t[k].text)] && !r.isNORP(t[k].text) || r.knownForm(t[k].text) && !r.isNORP(t[k].text) {
				return 0
			}
		}
		return 0
	}},
	// "Marks & Spencer": "&" always joins.
	{"ampersand", func(r *Recognizer, c *joinCtx) int {
		if cn := c.connector(); cn.ok && cn.w == "&" {
			return cn.k
		}
		return 0
	}},
	// "Eli Lilly and Company", "Harlow and Sons": "and" before a firm's
	// designator joins it to the name before.
	{"and_company", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w != "and" || cn.e != c.j+2 {
			return 0
		}
		switch c.toks[c.j+1].text {
		case "Company", "Co.", "Co", "Sons", "Partners", "Associates":
			return cn.k
		}
		return 0
	}},
	// "Bank of England": the whole is a known name.
	{"known_whole", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok {
			return 0
		}
		if _, ok := r.lx.lookup(joinText(c.toks[c.i:cn.e])); ok {
			return cn.k
		}
		return 0
	}},
	// "League of Urban Farmers and Gardeners (LUFG)": the acronym in
	// brackets after the name spells the whole.
	// The bracket may come after further connectors and names
	// ("Organization for Security and Co-operation in Europe (OSCE)").
	{"acronym_spells", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		t := c.toks
		if !cn.ok && t[c.j].text == "in" && c.j+1 < len(t) && c.name[c.j+1] {
			// ("... Co-operation in Europe (OSCE)": "in" joins only here.)
			cn = connector{w: "in", k: 1, e: c.j + 1, ok: true}
			for cn.e < len(t) && c.name[cn.e] {
				cn.e++
			}
		}
		if !cn.ok {
			return 0
		}
		e := cn.e
		for e < len(t) && e < cn.e+12 && t[e].text != "(" {
			switch w := t[e].text; {
			case isCap(w), w == "of", w == "for", w == "and", w == "in", w == "on", w == "the", w == "&":
				e++
				continue
			}
			return 0
		}
		if e+2 < len(t) && t[e].text == "(" && t[e+2].text == ")" && isAcronym(t[e+1].text) &&
			initialsMatch(t[c.i:e], t[e+1].text) {
			return cn.k
		}
		return 0
	}},
	// "National Soil and Water Conservation Service": common words on both
	// sides of "and" and an organisation word at the end are one name;
	// "Spain and Portugal", "Smith and Jones Ltd" are two.
	{"and_descriptive", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w != "and" {
			return 0
		}
		t := c.toks
		// ("House Oversight and Reform Committee": a body the lists know
		// may open it.)
		before := t[c.i:c.j]
		// (So may a country's name or its people's: "Kenya Roads and
		// Highways Authority", "Ethiopian Transport and Logistics Ministry".)
		if len(before) >= 2 && (r.knownOrg(before[0].text) || r.lx.countries[before[0].text] || r.isNORP(before[0].text)) {
			before = before[1:]
		} else {
			// ("Lagos State Fire and Rescue Service", "Greater Manchester
			// Fire and Rescue Service": a place, and the kind of place it
			// is.)
			for n := min(3, len(before)-1); n >= 1; n-- {
				if r.knownPlace(joinText(before[:n])) {
					before = before[n:]
					if len(before) >= 2 && placeKind(before[0].text) {
						before = before[1:]
					}
					break
				}
			}
		}
		// ("UN General Assembly and Security Council": a first part with a
		// head of its own is a body of its own; so is one that has taken
		// its complement before a body the lists know or one with a
		// complement of its own, "Ministry of Defence and Foreign Office",
		// "Oriental Bank of Commerce and United Bank of India"; not
		// "Ministry of Housing and Local Government".)
		// ("American Airlines and United Airlines": so is one whose head
		// the name after "and" ends on again.)
		if cue, ok := r.lx.headCue[t[c.j-1].text]; ok && cue == article.TypeOrg && (c.j-c.i >= 3 || cn.e-1 > c.j && t[cn.e-1].text == t[c.j-1].text) || r.tookComplement(t[c.i:c.j]) && (r.knownOrg(joinText(t[c.j+cn.k:cn.e])) || cn.e < len(t) && (t[cn.e].text == "of" || t[cn.e].text == "for")) {
			return 0
		}
		// ("Rock and Roll Hall of Fame", "Fauna and Flora International":
		// a facility's head too, and for an organisation given names that
		// are also words; not "Smith and Grace Hall", two people.)
		cue, ok := r.lx.headCue[t[cn.e-1].text]
		after := t[c.j+cn.k : cn.e-1]
		if n := len(after); n >= 2 && apostrophe(after[n-1].text) {
			after = after[:n-1] // "Employers’ Association"
		}
		switch {
		case !ok || cn.e-1 <= c.j+cn.k-1:
		case cue == article.TypeOrg && r.complementWords(before) && r.complementWords(after),
			cue == article.TypeFac && r.commonWords(before) && r.commonWords(after),
			// ("Hong Kong and Macau Affairs Office", "Europe and Central
			// Asia Department": two places a body's remit joins.)
			// (After "the" or an owner only: "between Israel and Gaza
			// Health Ministry officials" is two places.)
			// ("Inspector Rhys Kendall of Avon and Somerset Police": so after
			// the "of", "at" or "from" that ties a person to the body.)
			cue == article.TypeOrg && c.i > 0 && (strings.EqualFold(t[c.i-1].text, "the") || possessiveTok(t[c.i-1].text) || t[c.i-1].text == "of" || t[c.i-1].text == "at" || t[c.i-1].text == "from") &&
				r.knownPlace(joinText(t[c.i:c.j])) && (r.placeThenWords(after) || len(after) > 0 && r.knownPlace(joinText(after))):
			return cn.k
		}
		return 0
	}},
	// "Bill and Melinda Gates Foundation": a couple's given names before
	// their family name and an organisation's head. (Not one name twice,
	// "Faber and Faber": relatives share a surname, "Williams and
	// Williams".)
	{"couple_and", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w != "and" || c.j-c.i != 1 {
			return 0
		}
		t := c.toks
		first, next := t[c.i].text, t[c.j+cn.k].text
		if cue, ok := r.lx.headCue[t[cn.e-1].text]; ok && cue == article.TypeOrg && cn.e-(c.j+cn.k) >= 3 &&
			r.lx.firstName(first) && r.lx.firstName(next) {
			return cn.k
		}
		return 0
	}},
	// "The Globe and Mail": after "the", a common word, "and" and a word
	// that ends a newspaper's name are one newspaper ("the Times and
	// Guardian" are two).
	{"paper_and", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		t := c.toks
		i := c.i
		if i < c.j && t[i].text == "The" {
			i++
		}
		if !cn.ok || cn.w != "and" || c.j-i != 1 || cn.e != c.j+2 || i == 0 || !strings.EqualFold(t[i-1].text, "the") ||
			!r.lx.paperHeads[t[c.j+1].text] || r.lx.paperHeads[t[i].text] || !r.plainWords(t[i:c.j]) {
			return 0
		}
		return cn.k
	}},
	// "Department of Energy and Climate Change": an organisation that has
	// taken its "of" complement goes on with common words, unless they end in
	// an organisation word of their own ("Ministry of Defence and Foreign
	// Office" are two).
	{"and_complement", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w != "and" || !r.tookComplement(c.toks[c.i:c.j]) || !r.complementWords(c.toks[c.j+cn.k:cn.e]) {
			return 0
		}
		if r.institutionHead(c.toks[cn.e-1].text) {
			return 0
		}
		return cn.k
	}},
	// "Association of Plastic Producers of Ghana", "Federation of Trade
	// Unions of Ukraine": a body that has taken its "of" complement takes
	// a second "of" and the country it is of, as its full name does.
	{"of_country", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w != "of" || cn.k != 1 || !r.tookComplement(c.toks[c.i:c.j]) || !r.lx.countries[joinText(c.toks[c.j+1:cn.e])] {
			return 0
		}
		// ("the Office of the President of Kenya": the country is the
		// title holder's, not the office's name.)
		if r.lx.titles[strings.ToLower(c.toks[c.j-1].text)] {
			return 0
		}
		// ("... of Ghana's capital": the country's own; "... of Kenya and
		// Uganda": the countries of the body, not its name.)
		if cn.e < len(c.toks) && (possessiveTok(c.toks[cn.e].text) || c.toks[cn.e].text == "and") {
			return 0
		}
		return cn.k
	}},
	// "BBC Radio 4", "Route 66", "Launch Complex 39A": a number completes
	// a name whose last word takes one (numbered in wordsets.txt).
	{"numbered", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if !r.lx.numbered[t[j-1].text] || t[j].start != t[j-1].end+1 || !startsDigit(t[j].text) || len(t[j].text) > 4 ||
			strings.IndexFunc(t[j].text, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) }) >= 0 {
			return 0
		}
		return 1
	}},
	// "Coalition to Save Harbour Wetlands", "Campaign to End Loneliness": an
	// organisation word, "to", a verb and what it acts on, all capitalised.
	{"to_purpose", func(r *Recognizer, c *joinCtx) int {
		toks, n, j := c.toks, len(c.toks), c.j
		if toks[j].text != "to" || j+2 >= n || !isCap(toks[j+1].text) || !c.name[j+2] {
			return 0
		}
		if cue, ok := r.lx.cue(toks[j-1].text); !ok || cue != article.TypeOrg {
			return 0
		}
		v := strings.ToLower(toks[j+1].text)
		if !r.lx.common[v] || strings.HasSuffix(v, "ing") || r.knownForm(toks[j+1].text) {
			return 0
		}
		e := j + 2
		for e < n && c.name[e] {
			e++
		}
		if r.knownForm(joinText(toks[j+1:e])) || r.knownForm(joinText(toks[j+2:e])) {
			return 0
		}
		return e - j
	}},
	// "Ministry of Culture, Sport and Heritage": an organisation that has
	// taken its "of" complement goes on with a list of common words that
	// "and" closes.
	{"list_complement", func(r *Recognizer, c *joinCtx) int {
		toks, n := c.toks, len(c.toks)
		if toks[c.j].text != "," || !r.tookComplement(toks[c.i:c.j]) {
			return 0
		}
		x := c.j
		for x < n && toks[x].text == "," {
			e := x + 1
			if e < n && toks[e].text == "and" {
				break // an Oxford comma
			}
			for e < n && c.name[e] {
				e++
			}
			// One word an item: "Transport, Network Rail and Southern
			// Water" are three organisations.
			if e != x+2 || !r.descriptiveWords(toks[x+1:e]) {
				return 0
			}
			x = e
		}
		if x < n && toks[x].text == "," {
			x++
		}
		if x >= n || toks[x].text != "and" {
			return 0
		}
		e := x + 1
		for e < n && c.name[e] {
			e++
		}
		// The last item may take two words ("Food and Rural Affairs"); an
		// institution's word ends it only after an adjective of its field
		// ("Housing, Planning and Local Government").
		if e != x+2 && e != x+3 || !r.descriptiveWords(toks[x+1:e]) ||
			r.institutionHead(toks[e-1].text) && !(e == x+3 && r.lx.common[strings.ToLower(toks[x+1].text)] && !r.knownForm(toks[x+1].text)) {
			return 0
		}
		return e - c.j
	}},
	// "United Nations Educational, Scientific and Cultural Organization":
	// a body's fields given as adjectives in a list that "and" closes
	// before its head word are one name ("the Green, Labour and Liberal
	// Party" are three: a name is no adjective).
	{"adjective_list", func(r *Recognizer, c *joinCtx) int {
		toks, n := c.toks, len(c.toks)
		if toks[c.j].text != "," || c.j-c.i < 2 || !r.fieldAdjective(toks[c.j-1].text) {
			return 0
		}
		x := c.j
		for x < n && toks[x].text == "," {
			// ("Medical, Dental, and Surgical": an Oxford comma.)
			if x > c.j && x+1 < n && toks[x+1].text == "and" {
				x++
				break
			}
			if x+2 >= n || !c.name[x+1] || !r.fieldAdjective(toks[x+1].text) {
				return 0
			}
			x += 2
		}
		if x >= n || toks[x].text != "and" {
			return 0
		}
		e := x + 1
		for e < n && c.name[e] {
			e++
		}
		if e-x-1 < 2 || e-x-1 > 3 {
			return 0
		}
		if cue, ok := r.lx.headCue[toks[e-1].text]; !ok || cue != article.TypeOrg {
			return 0
		}
		for _, t := range toks[x+1 : e-1] {
			if !r.fieldAdjective(t.text) {
				return 0
			}
		}
		return x + 1 - c.j
	}},
	// "High Court of England and Wales": a court or church word, "of" and a
	// known place go on with "and" and another known place; "the Bank of
	// England and Barclays" stays two names.
	{"and_place", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		t := c.toks
		if !cn.ok || cn.w != "and" || c.j-c.i < 3 || t[c.j-2].text != "of" {
			return 0
		}
		// Only a court's or a church's jurisdiction spans two places ("the
		// Government of Canada and Ontario" are two); no possessive after.
		if !r.lx.jurisdictions[t[c.j-3].text] || cn.e < len(t) && strings.HasPrefix(t[cn.e].text, "'") {
			return 0
		}
		for _, p := range [][]token{t[c.j-1 : c.j], t[c.j+cn.k : cn.e]} {
			if e, ok := r.lx.lookup(joinText(p)); !ok || e.typ != article.TypeGPE && e.typ != article.TypeLoc {
				return 0
			}
		}
		return cn.k
	}},
	// "Kestrel Front of Iraq and Syria", "Tarvel Survey of Denmark and
	// Greenland": a name whose "of" complement is a country goes on with
	// "and" and one more country; "Tarvel Union of Weavers and Dyers": so
	// with a plural of people after a plural of people.
	// ("Ambassador of Iraq and Syria's envoy" keeps its possessive apart.)
	{"and_complement_pair", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w != "and" || cn.e-(c.j+cn.k) != 1 || cn.e < len(c.toks) && possessiveTok(c.toks[cn.e].text) {
			return 0
		}
		t := c.toks
		of := -1
		for x := c.j - 2; x > c.i; x-- {
			if t[x].text == "of" {
				of = x
				break
			}
		}
		if of < 0 {
			return 0
		}
		if _, ok := r.lx.cue(t[of-1].text); !ok && !r.knownOrg(joinText(t[c.i:of])) {
			return 0
		}
		last, next := t[c.j-1].text, t[c.j+cn.k].text
		countries := of == c.j-2 && r.lx.countries[last] && r.lx.countries[next]
		plurals := r.peoplePlural(last) && r.peoplePlural(next) && !r.knownPlace(last) && !r.knownPlace(next)
		if !countries && !plurals {
			return 0
		}
		return cn.k
	}},
	// "State of Virginia", "Ministry for Women": a lead cue before the
	// connector; place words lead a name with "of" only ("Secretary of State
	// for Scotland" is a title).
	{"lead_cue", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w == "and" {
			return 0
		}
		if t, ok := r.lx.leadCue[c.toks[c.j-1].text]; ok && (cn.w == "of" || t == article.TypeOrg) && !r.adjectiveComplement(c, cn) && !r.whereComplement(c, cn) && !r.leaderComplement(c, cn) && !r.bodyForBody(c, cn) {
			return cn.k
		}
		return 0
	}},
	// "Office of the Commissioner for Fair Trade": once a name has joined
	// on a lead cue, its further "for"/"on" parts belong to it too.
	// ("Office of the Director of Public Prosecutions": an office named
	// after its holder's title takes the title's "of" part too, unless
	// that names a place: "Ministry of Health of Kenya" stays two.)
	{"lead_cue_more", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w == "and" {
			return 0
		}
		if _, ok := r.lx.leadCue[c.toks[c.i].text]; !ok || !hasWord(c.toks[c.i:c.j], "of") || r.whereComplement(c, cn) {
			return 0
		}
		if cn.w == "of" {
			if !r.lx.titles[strings.ToLower(c.toks[c.j-1].text)] {
				return 0
			}
			if _, known := r.lx.lookup(joinText(c.toks[c.j+cn.k : cn.e])); known {
				return 0
			}
		}
		return cn.k
	}},
	// "Centre for Research on Tropical Diseases": likewise after an
	// organisation head word that has already taken a complement.
	{"complement_more", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w != "of" && cn.w != "for" {
			return 0
		}
		t := c.toks
		for x := c.i; x+1 < c.j; x++ {
			if cue, ok := r.lx.headCue[t[x].text]; ok && cue == article.TypeOrg &&
				(t[x+1].text == "for" || t[x+1].text == "on" || t[x+1].text == "of" && cn.w == "for") {
				return cn.k
			}
		}
		return 0
	}},
	// "the Umbrella for Democratic Change, led by Duma Boko,": a body that
	// someone leads; its "for"/"of" part is its own whatever its first word.
	{"led_by", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w != "of" && cn.w != "for" || !ledBy(c.toks, cn.e) {
			return 0
		}
		return cn.k
	}},
	// "University of Texas at Austin": a campus of a university system.
	{"campus_at", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if t[j].text != "at" || j+1 >= len(t) || !c.name[j+1] || t[c.i].text != "University" || !hasWord(t[c.i:j], "of") {
			return 0
		}
		// ("University of Toronto at Sunnybrook Hospital": a place the
		// university works at is no campus; a campus is a town's name.)
		for k := j + 1; k < len(t) && c.name[k]; k++ {
			if _, cue := r.lx.headCue[t[k].text]; cue || r.lx.landPlurals[t[k].text] || k > j+2 {
				return 0
			}
		}
		return 1
	}},
	// "Philippine Atmospheric, Geophysical and Astronomical Services
	// Administration", "the Shop, Distributive and Allied Employees'
	// Association": a body named by a list of its fields, commas and one
	// "and" between capitalised common words, up to its organisation head
	// word, is one name.
	{"field_list_name", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if t[j].text != "," || j-c.i > 2 {
			return 0
		}
		// (Not a title's or a body's complement, "Minister for Climate,
		// Energy and Utilities"; nor, below, a name before a noun, "MIT's
		// Science, Technology and Society program".)
		if p := c.i - 1; p >= 0 && (t[p].text == "for" || t[p].text == "of" || t[p].text == "on") {
			return 0
		}
		for x := c.i; x < j; x++ {
			if !isCap(t[x].text) || !r.descriptiveWords(t[x:x+1]) && !r.isNORP(t[x].text) {
				return 0
			}
		}
		and, head := false, -1
	words:
		for x := j + 1; x < len(t) && x <= j+10; x++ {
			w := t[x].text
			switch {
			case w == "," && !and:
				continue
			case w == "and" && !and:
				and = true
				continue
			case w == "'" || w == "'s" || w == "\u2019" || w == "\u2019s":
				continue
			case !isCap(w) || t[x].start > t[x-1].end+1:
				break words // the name ends
			}
			if r.lx.headCue[w] == article.TypeOrg {
				if and {
					head = x
				}
			} else if bare := strings.TrimRight(w, "'\u2019"); r.lx.firstName(bare) || r.knownForm(bare) || r.isNORP(bare) {
				return 0 // ("Employees'": a plural's possessive; "Distributive": no word the lists have, but no name either)
			}
		}
		if head < 0 || head+1 < len(t) && strings.HasPrefix(t[head+1].tag, "NN") && !isCap(t[head+1].text) {
			return 0
		}
		return head + 1 - j
	}},
	// "University of California, San Diego": a campus of a state's
	// university named after a comma by its town (not "University of
	// Leeds, England", whose complement is no state, nor "the University
	// of Nevada, Utah and Idaho", a list of states).
	{"campus_comma", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if t[j].text != "," || j+1 >= len(t) || !c.name[j+1] || j-c.i < 3 || t[c.i].text != "University" || t[c.i+1].text != "of" ||
			!r.lx.usState(joinText(t[c.i+2:j])) {
			return 0
		}
		e := j + 1
		for e < len(t) && c.name[e] && e-j <= 3 {
			e++
		}
		town := joinText(t[j+1 : e])
		if e-j > 3 || r.lx.usState(town) || !r.lx.townOrCity(town) {
			return 0
		}
		return 1
	}},
	// "Students for Fair Housing", "Americans for Prosperity": people in
	// the plural "for" a cause name a group that campaigns for it.
	{"people_for", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w != "for" || cn.k != 1 || !r.peoplePlural(c.toks[c.j-1].text) {
			return 0
		}
		// ("paid Nigerians for Facebook moderation work", "compensate
		// Ukrainians for Russian shelling": a known name or a people's word
		// after "for", or a noun after it, is what they are for.)
		t := c.toks
		if r.isNORP(t[c.j+1].text) || r.knownForm(t[c.j+1].text) || cn.e < len(t) && !isCap(t[cn.e].text) && strings.HasPrefix(t[cn.e].tag, "NN") {
			return 0
		}
		return cn.k
	}},
	// "Transport for London said", "Heart of Tunisia said": capitalised
	// words, "of" or "for" and a name, right before a verb of saying, are
	// the one name of who speaks (not a title: "Mayor of London said").
	{"subject_complement", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || (cn.w != "of" && cn.w != "for" && cn.w != "and") || cn.k != 1 || c.j-c.i > 3 || cn.e-(c.j+cn.k) > 3 || cn.e >= len(c.toks) {
			return 0
		}
		if !r.saysAfterTok(c.toks, cn.e) || r.personBeforeOf(c) {
			return 0
		}
		words := c.toks[c.i:c.j]
		// ("Fire and Emergency said": joined by "and", both parts are
		// such words, no two bodies or people of their own; "Police and
		// Fire said" are two services, a body's head word opening it.)
		if cn.w == "and" {
			if cue, ok := r.lx.headCue[words[0].text]; ok && cue == article.TypeOrg {
				return 0
			}
			// ("Earth, Wind and Fire said": the last two of a list.)
			if listBefore(r, c.toks, c.i) {
				return 0
			}
			words = append(words[:len(words):len(words)], c.toks[c.j+1:cn.e]...)
		}
		for _, t := range words {
			if !r.bodyWord(t.text) {
				return 0
			}
		}
		return cn.k
	}},
	// "Students for Justice in Palestine", "Organization for Security and
	// Co-operation in Europe": a body named for a cause takes the place its
	// cause is in ("Toyota in Japan" is two names).
	{"cause_in_place", func(r *Recognizer, c *joinCtx) int {
		t, j := c.toks, c.j
		if t[j].text != "in" || j+1 >= len(t) || !c.name[j+1] || j-c.i < 2 {
			return 0
		}
		if !hasWord(t[c.i+1:j-1], "for") {
			return 0
		}
		e := j + 1
		for e < len(t) && c.name[e] {
			e++
		}
		if e-j > 3 {
			return 0
		}
		// (A country or a region, not a town: "Max Planck Institute for
		// Solid State Research in Stuttgart" is where the body stands.)
		place := joinText(t[j+1 : e])
		if g, ok := r.lx.lookup(place); !ok || !r.lx.country(place) && g.typ != article.TypeLoc {
			return 0
		}
		return 1
	}},
	// "Museum of Modern Art", "Agency for Health": a head cue (no natural
	// place, no event) before "of", or an organisation or facility word
	// before any connector.
	{"head_cue", func(r *Recognizer, c *joinCtx) int {
		cn := c.connector()
		if !cn.ok || cn.w == "and" {
			return 0
		}
		t, ok := r.lx.headCue[c.toks[c.j-1].text]
		if r.whereComplement(c, cn) || r.personBeforeOf(c) || r.leaderComplement(c, cn) || r.bodyForBody(c, cn) {
			return 0
		}
		if ok && t != article.TypeLoc && t != typeNone && (cn.w == "of" || t == article.TypeOrg || t == article.TypeFac) && c.j-1 > c.i-1 && !r.adjectiveComplement(c, cn) {
			return cn.k
		}
		return 0
	}},
}

// bodyForBody reports "for the" before a body's full name of its own,
// ending in an organisation's head word ("who follows the Security
// Council for the International Crisis Group"): the work one body does
// for another, two names ("Centre for the Study of Democracy" is one).
func (r *Recognizer) bodyForBody(c *joinCtx, cn connector) bool {
	// (A first part of one word needs its complement: "Friends for the
	// Royal Academy", "Campaign for the National Trust" are one body.)
	if cn.w != "for" || cn.k != 2 || cn.e-(c.j+cn.k) < 2 || c.j-c.i < 2 {
		return false
	}
	cue, ok := r.lx.headCue[c.toks[cn.e-1].text]
	return ok && cue == article.TypeOrg
}

// personBeforeOf reports a person's name whose surname is a head word
// ("Sarah Park of the Tarvel Institute", givenSurnameHead): what follows
// says where the person works or comes from, not the rest of a name.
//
// (So is one of a word no list knows, surnameHeadName, before "of the",
// a body and a verb of saying: "Zanele Park of the University of Geneva
// told"; not "Kivuli Hall of the University of Lagos was evacuated".)
func (r *Recognizer) personBeforeOf(c *joinCtx) bool {
	if c.j-c.i != 2 {
		return false
	}
	if !r.givenSurnameHead(c.toks[c.i].text, c.toks[c.j-1].text) {
		t := c.toks
		if !r.employerSays(t, c.j) || !r.surnameHeadName(t[c.i].text+" "+t[c.j-1].text) {
			return false
		}
	}
	if c.i > 0 {
		if b := c.toks[c.i-1].text; strings.EqualFold(b, "the") || r.lx.placePreps[b] {
			return false
		}
	}
	return true
}

// menPlural reports a capitalised plural in -men of a noun for a kind of
// person (WordNet's, personnouns.txt): "Fishermen", "Seamen".
func (r *Recognizer) menPlural(w string) bool {
	low := strings.ToLower(w)
	return isCap(w) && strings.HasSuffix(low, "men") && r.lx.personNouns[strings.TrimSuffix(low, "men")+"man"]
}

// whereComplement reports a name after "on" (or a place after "of" after a
// company's designator) that says where the name before stands, a
// street's, an island's or a known place's ("Costigans Pub on Washington
// St", "the Spaceport on Wallops Island"), and a
// facility "for" another facility ("left Logan Airport for Newark
// Airport"): two names, not one ("Council on Foreign Relations" is one).
func (r *Recognizer) whereComplement(c *joinCtx, cn connector) bool {
	// "Astrion Industries of Toulouse", "Kestrel Holdings of Ohio": a
	// company's registered name ends at its designator; a known town or
	// state after "of" says where it is. (A country is part of the name
	// of a national company: "Food Corporation of India".)
	if cn.ok && cn.w == "of" && c.j-1 > c.i && r.lx.designators[c.toks[c.j-1].text] {
		place := joinText(c.toks[c.j+cn.k : cn.e])
		e, ok := r.lx.lookup(place)
		// ("Varsha Textiles Ltd of India": after a legal form a country
		// too says where the company is.)
		if ok && e.typ == article.TypeGPE && r.lx.legalForms[c.toks[c.j-1].text] {
			return true
		}
		return ok && e.typ == article.TypeGPE && !r.lx.country(place) && !r.lx.country(e.canonical)
	}
	if !cn.ok || cn.w != "on" && cn.w != "for" {
		return false
	}
	last := c.toks[cn.e-1].text
	head, cue := r.lx.headCue[last]
	if cn.w == "for" {
		before, ok := r.lx.headCue[c.toks[c.j-1].text]
		return cue && ok && head == article.TypeFac && before == article.TypeFac
	}
	if cue && (head == article.TypeFac || head == article.TypeLoc) {
		return true
	}
	// ("Tom Hall on Twitter", "the Arena on YouTube": a known
	// organisation after "on" is where something was said or shown.)
	e, ok := r.lx.lookup(joinText(c.toks[c.j+cn.k : cn.e]))
	return ok && (e.typ == article.TypeGPE || e.typ == article.TypeLoc || cn.w == "on" && e.typ == article.TypeOrg)
}

// isQuoteMark reports a straight or curly quotation mark.
func isQuoteMark(s string) bool {
	switch s {
	case `"`, "'", "\u201c", "\u201d", "\u2018", "\u2019":
		return true
	}
	return false
}

// ledBy reports ", led by" and a capitalised word at toks[k:], the
// apposition of a body that someone leads.
func ledBy(toks []token, k int) bool {
	return k+3 < len(toks) && toks[k].text == "," && toks[k+1].text == "led" && toks[k+2].text == "by" && isCap(toks[k+3].text)
}

// join runs the joining chain at j and returns how many tokens join and the
// rule that joined them.
func (r *Recognizer) join(c *joinCtx) (int, string) {
	for _, rule := range joinRules {
		if k := rule.fn(r, c); k > 0 {
			return k, rule.name
		}
	}
	return 0, ""
}

// adjectiveComplement reports a complement that is one nationality word
// before a lower-case noun: "the Legislative Council of the Australian
// state of Victoria" names the council of a state, not of "the Australian".
func (r *Recognizer) adjectiveComplement(c *joinCtx, cn connector) bool {
	// ("Harbour Aid for Syrians, a small charity": a people before a
	// comma modifies nothing.)
	if cn.e-(c.j+cn.k) != 1 || cn.e >= len(c.toks) {
		return false
	}
	if next := c.toks[cn.e].text; isCap(next) || next != "" && strings.Contains(",.;:)", next) {
		return false
	}
	return r.isNORP(c.toks[c.j+cn.k].text)
}

// institutionHead reports an organisation word that heads a name of its
// own, before or after ("Office", "Ministry"): "Ministry of Defence and
// Foreign Office" are two names, "Ministry of Transport and
// Communications" one.
func (r *Recognizer) institutionHead(w string) bool {
	cue, ok := r.lx.headCue[w]
	return ok && cue == article.TypeOrg && r.lx.leadCue[w] == article.TypeOrg
}

// subjectWords is complementWords that also takes a common word the lists
// hold as a body's short name ("Labor", "Industry"), which after an
// organisation word's "of" is the subject described ("Department of Labor
// and Industry").
func (r *Recognizer) subjectWords(ts []token) bool {
	if r.complementWords(ts) {
		return true
	}
	for i := range ts {
		if !r.commonOrgWord(ts[i].text) && !r.complementWords(ts[i:i+1]) {
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
		if t, ok := r.lx.cue(run[x].text); ok && (t == article.TypeOrg || t == article.TypeFac) && r.subjectWords(run[x+2:]) {
			return true
		}
	}
	return false
}

// titleAt reports whether a person title starts at token i and is followed
// by a name, and how many tokens it spans (with its modifiers).
func (r *Recognizer) titleAt(toks []token, i int, name []bool) (int, bool) {
	n := len(toks)
	// "Harris County Judge Lina Hidalgo": a capitalised level of
	// government right after a name ends that place's name; the title
	// starts after it.
	// ("U.S. District Judge", "Manhattan District Attorney": a district
	// names the office's court or prosecutor, not a place.)
	if i > 0 && name[i-1] && toks[i].start == toks[i-1].end+1 && r.lx.govLevels[toks[i].text] {
		return 0, false
	}
	if r.saintPlace(toks, i) {
		return 0, false
	}
	j := i
	for j < n && r.lx.titleMods[strings.ToLower(toks[j].text)] {
		j++
	}
	if j >= n { // "... in the city": modifiers end the text
		return 0, false
	}
	// "County Executive Ed Day", "Attorney General Ana Ruiz": the last
	// modifier is itself the title when no title follows it.
	// ("the Chief Coroner": only before a given name.)
	// ("Health Service Executive": "County Executive" is a title, the
	// word alone is not.)
	// (A given name written with accents the lists leave out too:
	// "General Óscar Tarvelo".)
	// ("Principal Aroha Ngata arrived": or before two name words that are
	// no English words and no name the lists know, as a title before a
	// name reads anywhere else; not "Chief Electoral Officer", "General
	// Data Protection Regulation".)
	if j > i && !r.lx.titleFirst[strings.ToLower(toks[j].text)] && (r.lx.firstName(toks[j].text) || name[j] && j+1 < n && name[j+1] && isCap(toks[j+1].text) && !r.lx.titleMods[strings.ToLower(toks[j].text)] &&
		!r.englishWord(toks[j].text) && !r.englishWord(toks[j+1].text) && !r.knownForm(toks[j].text)) &&
		(r.lx.titles[strings.ToLower(toks[j-1].text)] || i > 0 && r.lx.govLevels[toks[i-1].text] && r.lx.titles[strings.ToLower(toks[i-1].text+" "+toks[j-1].text)]) {
		j--
	}
	govTitle := i > 0 && r.lx.govLevels[toks[i-1].text] && j < n && r.lx.titles[strings.ToLower(toks[i-1].text+" "+toks[j].text)]
	// Every title starts with one of a few words: most tokens start none.
	// A plural one-word title ("Senators Ann Lowe and Tom Berg") counts too.
	first := strings.ToLower(toks[j].text)
	plural := false
	// ("Kings XI Punjab": not before a numeral, which makes a team's name.)
	if j < n && !r.lx.titleFirst[first] && strings.HasSuffix(first, "s") && r.lx.titles[strings.TrimSuffix(first, "s")] && !(j+1 < n && isRoman(toks[j+1].text)) {
		plural = true
	}
	// "Co-author Ana Ruiz", "Ex-captain Tom Berg": a prefix and a noun for
	// a kind of person or a title, written as one word, is a title of one
	// word.
	oneWordRole := false
	if p, rest, ok := strings.Cut(first, "-"); ok && (p == "co" || p == "ex" || p == "vice") && (r.lx.personNouns[rest] || r.lx.titles[rest]) {
		oneWordRole = true
	}
	// "Meteorologist David Park said", "Nurse Mary Hall told": a noun for
	// a kind of person (WordNet) capitalised only because it opens the
	// sentence, before a known given name and a surname, is a role,
	// whether or not the title list has it. (Not a word that is a given
	// name itself: "Mason Grant"; nor one inside a name or a title written
	// with capitals mid-sentence, as religious titles are: "Mufti Abdul
	// Qawi", "Royal Society Research Fellow Ada Brook".)
	if j == i && sentenceStart(toks, i) && !r.lx.titleFirst[first] && !plural && !oneWordRole && j+2 < n && r.lx.personNouns[first] && !r.lx.firstName(toks[j].text) && !r.lx.givenWords[toks[j].text] &&
		r.lx.firstName(toks[j+1].text) && isCap(toks[j+2].text) && name[j+1] && name[j+2] {
		oneWordRole = true
	}
	// "Saudi Arabian Oil Minister Hisham Nazer", "Tourism Secretary Ana
	// Ruiz": a portfolio in one common word before "Minister" or
	// "Secretary" is part of the title, whether or not the list has it.
	portfolio := j == i && j+1 < n && !r.lx.titleFirst[first] && !plural && !oneWordRole && r.lx.common[first] && !r.lx.firstName(toks[j].text) &&
		(toks[j+1].text == "Minister" || toks[j+1].text == "Secretary") &&
		!(i > 0 && isCap(toks[i-1].text) && r.lx.common[strings.ToLower(toks[i-1].text)]) // (a portfolio of two words: portfolio_before_title)
	if j >= n || !r.lx.titleFirst[first] && !plural && !oneWordRole && !portfolio {
		return 0, false
	}
	// "Prince Edward Island", "Sultan Kudarat": a title that opens the name
	// of a place the lists know is that name's (a saint's: saintPlace).
	for e := j + 2; !saintWord(toks[j].text) && e <= j+4 && e <= n && isCap(toks[e-1].text); e++ {
		if ent, ok := r.lx.lookup(joinText(toks[j:e])); ok && (ent.typ == article.TypeGPE || ent.typ == article.TypeLoc || ent.typ == article.TypeFac) {
			return 0, false
		}
	}
	for k := min(r.lx.titleWords, n-j); k >= 1; k-- {
		if (plural || oneWordRole) && k > 1 {
			continue
		}
		if portfolio && k != 2 || !portfolio && !plural && !oneWordRole && !(govTitle && k == 1) && !r.lx.titles[strings.ToLower(joinWords(toks[j:j+k]))] {
			continue
		}
		e := j + k
		if e < n && toks[e].text == "." { // "Gen ." split by the tokenizer
			e++
		}
		// "Secretary of State for Transport Ann Lowe", "Minister for Energy
		// Tom Berg": the office's "for ..." is part of the title when a
		// given name follows it.
		// "Minister of Interior Fathi Bashagha": so is its "of ...", a field
		// in common words, none of them a name the lists know ("President
		// of Kenya Uhuru Kenyatta" keeps Kenya) or a body's or place's head
		// word ("Director of Border Force", "Governor of Plateau State").
		// ("a spokesman for Boris Johnson", "for Société Générale": whom a
		// spokesperson speaks for is named after "for", no field of the
		// office, unless in common words: "spokesman for Foreign Affairs
		// Tom Berg".)
		if e+1 < n && toks[e].text == "for" && spokesWord(strings.ToLower(toks[j+k-1].text)) && !r.lx.common[strings.ToLower(toks[e+1].text)] {
			return 0, false
		}
		if e+1 < n && (toks[e].text == "for" || toks[e].text == "of") {
			g := e + 1
			// (A surname with its particle, "al-Eryani", ends the name.)
			for g < n && g < e+8 && (name[g] || g > e+1 && strings.IndexByte(toks[g].text, '-') > 0 && r.isParticle(toks[g].text)) {
				g++
			}
			// The person's name starts at a given name, or at the first of
			// the last two words when the tagger calls it a person or the
			// last is a surname with its particle.
			// ("Director of Public Prosecutions Noordin Haji": so at the
			// last two when neither is an English word and the office's
			// words before them all are.)
			for f := e + 2; f < g; f++ {
				unknownPair := f == g-2 && !r.lx.common[strings.ToLower(toks[f].text)] && !r.lx.common[strings.ToLower(toks[f+1].text)] && r.descriptiveWords(toks[e+1:f])
				if r.lx.firstName(toks[f].text) || f == g-2 && (strings.HasSuffix(toks[f].label, "PERSON") || !name[g-1] || unknownPair) {
					if toks[e].text == "of" && (plural || !r.descriptiveWords(toks[e+1:f]) || r.hasCue(toks[e+1:f]) || r.knownWordIn(toks[e+1:f], toks[f:g])) {
						break
					}
					e = f
					break
				}
			}
		}
		// "Mayor de Souza": a particle may start the name (not after a
		// title written without its period: "Col du Galibier").
		particle := e+1 < n && !name[e] && r.isParticle(toks[e].text) && name[e+1] && !(k == 1 && r.lx.abbrevs[toks[j].text])
		if e >= n || !name[e] && !particle {
			if (j > i && e < n && !name[e]) || k > 1 {
				// "As Attorney General, Smith": no name after the longest
				// title, and none of its words ("General") is one.
				return 0, false
			}
			continue
		}
		// "Chester Arthur Jr.": a suffix is no name after a title; "the
		// Chair of the Senate": nor is "of ...".
		if r.lx.generational[toks[e].text] || !isCap(toks[e].text) && !r.isParticle(toks[e].text) {
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
		// ("Queen Victoria", "Princess Charlotte": a royal title before a
		// lone given name that is also a city names the monarch, unless the
		// two words together are a known place: "Prince Rupert".)
		// ("Sheikh Hamdan bin Saeed Al Nahyan": a name going on after a
		// particle is a full name; the title is cut off it.)
		royal := k == 1 && r.lx.regnal[toks[j].text] && end-e == 1 && r.lx.firstName(rest) && !r.knownForm(toks[j].text+" "+rest) &&
			!(end+1 < n && r.isParticle(toks[end].text) && isCap(toks[end+1].text))
		// ("Judge Jackson", "Mayor Houston": a frequent surname that is also
		// a place is the surname after a person's title.)
		if ent, ok := r.lx.lookup(rest); ok && ent.typ != article.TypePerson && !royal && !(end-e == 1 && r.lx.placeSurnames[rest]) {
			continue
		}
		if _, ok := r.lx.norp[rest]; ok {
			continue
		}
		// "Councilwoman Grace Park": a given name first makes it a
		// person's name all the same.
		// ("Saint Francis Hospital" is named after its saint.)
		low := strings.ToLower(toks[j].text)
		saint := low == "saint" || low == "st." || low == "st"
		// (So does a word no list knows before a surname that is also a
		// head word: "Minister Tendai Hall", surnameHeadName; not after a
		// title places are named after, "President Mwinyi Field".)
		namesake := r.lx.regnal[toks[j].text] || toks[j].text == "President" || toks[j].text == "General"
		if _, ok := r.lx.headCue[toks[end-1].text]; ok && !(end-e >= 2 && r.lx.firstName(toks[e].text) && !saint) &&
			!(end-e == 2 && !saint && !namesake && !(i > 0 && strings.EqualFold(toks[i-1].text, "the")) && r.surnameHeadName(toks[e].text+" "+toks[e+1].text)) {
			continue
		}
		if end-e == 1 && r.lx.leadCue[toks[e].text] != "" {
			continue
		}
		// "Doctor Who": a pronoun after a title is no name (closed class).
		if pronounWord(toks[e].text) {
			continue
		}
		// "Dean Wormer": a given name that is also a title.
		if e-i == 1 && end-e == 1 && r.lx.firstName(toks[i].text) {
			continue
		}
		// "Institute of Criminal Justice Studies": a title word inside a
		// capitalised run, before one plural common noun, is a word of
		// that name.
		if i > 0 && name[i-1] && end-e == 1 && r.pluralCommon(toks[e].text) {
			return 0, false
		}
		return e - i, true
	}
	return 0, false
}

// pluralCommon reports a capitalised plural of a common noun ("Studies",
// "Affairs", "Services").
func (r *Recognizer) pluralCommon(w string) bool {
	low := strings.ToLower(w)
	switch {
	case strings.HasSuffix(low, "ies") && r.lx.common[strings.TrimSuffix(low, "ies")+"y"]:
		return true
	case strings.HasSuffix(low, "s") && !strings.HasSuffix(low, "ss") && r.lx.common[strings.TrimSuffix(low, "s")]:
		return !r.lx.firstName(w)
	}
	return false
}

// isParticle reports lower-case name particles, alone or hyphenated ("al-Assad").
func (r *Recognizer) isParticle(s string) bool {
	if r.lx.particles[s] {
		return true
	}
	if i := strings.IndexByte(s, '-'); i > 0 && r.lx.particles[s[:i]] && i+1 < len(s) && isCap(s[i+1:]) {
		return true
	}
	return r.elided(s)
}

// elided reports an elided particle and the capital after its apostrophe
// ("d'Estaing", "dell'Orto").
func (r *Recognizer) elided(s string) bool {
	k := strings.IndexAny(s, "'\u2019")
	if k <= 0 || !r.lx.elisions[s[:k]] {
		return false
	}
	_, size := utf8.DecodeRuneInString(s[k:])
	return isCap(s[k+size:])
}

// pronounWord reports an English pronoun or wh-word, a closed class of
// words that name no one.
func pronounWord(w string) bool {
	switch strings.ToLower(w) {
	case "who", "whom", "whose", "what", "which", "it", "this", "that", "these", "those",
		"he", "she", "they", "we", "you", "i", "me", "him", "her", "us", "them":
		return true
	}
	return false
}

// startsDigit reports a token that opens with a digit ("4", "39A").
func startsDigit(s string) bool {
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// saintWord reports the title of a saint as names write it: "St.", "St",
// "Saint".
func saintWord(w string) bool { return w == "St." || w == "St" || w == "Saint" }

// saintPlace reports "St." or "Saint" at token i opening a place's or a
// building's name, not a saint's title: "St. Louis", "Saint Petersburg"
// (known in the spellings the text allows), "St Thomas Hospital" (a head
// word right after the saint's name); not a saint's possessive ("Saint
// Paul's letter").
func (r *Recognizer) saintPlace(toks []token, i int) bool {
	w := toks[i].text
	if !saintWord(w) || i > 0 && isCap(toks[i-1].text) && !toks[i].initial {
		return false // "Yves Saint Laurent": inside a person's name
	}
	k := i + 1
	if k < len(toks) && toks[k].text == "." {
		k++
	}
	if k >= len(toks) || !isCap(toks[k].text) {
		return false
	}
	for n := 1; n <= 2 && k+n <= len(toks); n++ {
		rest := joinText(toks[k : k+n])
		// "Saint Paul's letter": a saint's possessive, not the city; but
		// "St. Paul's Cathedral", "St Peter's Square": the possessive
		// before a head word names the building or the place.
		after := -1
		switch {
		case strings.HasSuffix(rest, "'s") || strings.HasSuffix(rest, "’s"):
			after = k + n
		case k+n < len(toks) && (toks[k+n].text == "'s" || toks[k+n].text == "’s"):
			after = k + n + 1
		}
		if after >= 0 {
			if after < len(toks) && isCap(toks[after].text) {
				if t, ok := r.lx.headCue[toks[after].text]; ok && t != typeNone {
					return true
				}
			}
			return false
		}
		spellings := []string{"St. ", "St ", "Saint "}
		if w == "Saint" { // spelt out, only as the place is spelt
			spellings = spellings[2:]
		}
		for _, p := range spellings {
			if _, ok := r.lx.lookup(p + rest); ok {
				return true
			}
		}
	}
	next := k + 1
	if next < len(toks) && isCap(toks[next].text) {
		if _, ok := r.lx.headCue[toks[next].text]; ok {
			return true
		}
	}
	return false
}

// peoplePlural reports a capitalised plural for people: a nationality
// ("Americans") or a kind of person ("Students", "Doctors").
func (r *Recognizer) peoplePlural(w string) bool {
	if !isCap(w) || !strings.HasSuffix(w, "s") || len(w) < 4 {
		return false
	}
	if r.isNORP(w) {
		return true
	}
	low := strings.ToLower(w)
	return r.lx.personNouns[strings.TrimSuffix(low, "s")] || strings.HasSuffix(low, "ies") && r.lx.personNouns[strings.TrimSuffix(low, "ies")+"y"]
}

// kindOfPeople reports a capitalised plural for a kind of person, no
// nationality: "Fishermen", "Teachers", "Nurses".
func (r *Recognizer) kindOfPeople(w string) bool {
	return r.menPlural(w) || r.peoplePlural(w) && !r.isNORP(w)
}

// fieldAdjective reports a capitalised common English adjective of a
// field ("Educational", "Scientific", "Cultural", "Technical"): a word of
// an adjective's ending (adjending) that no list knows as a name.
func (r *Recognizer) fieldAdjective(w string) bool {
	l := strings.ToLower(w)
	if !isCap(w) || !r.lx.common[l] || r.knownForm(w) || r.isNORP(w) {
		return false
	}
	if _, cue := r.lx.headCue[w]; cue {
		return false
	}
	for _, end := range r.lx.adjEndings {
		if strings.HasSuffix(l, end) {
			return true
		}
	}
	return false
}

// knownWordIn reports whether a word of toks, or a name the lists know
// that starts them and may run on into more ("New" of "New York City"),
// is known.
func (r *Recognizer) knownWordIn(toks, more []token) bool {
	for _, t := range toks {
		if r.knownForm(t.text) || r.isNORP(t.text) {
			return true
		}
	}
	for k := 1; k <= len(more); k++ {
		if r.knownForm(joinText(toks) + " " + joinText(more[:k])) {
			return true
		}
	}
	return r.knownForm(joinText(toks))
}

// placeThenWords reports a known place followed by words that describe
// ("Macau Affairs", "Central Asia Regional").
func (r *Recognizer) placeThenWords(ts []token) bool {
	for p := 1; p < len(ts); p++ {
		if r.knownPlace(joinText(ts[:p])) && r.complementWords(ts[p:]) {
			return true
		}
	}
	return false
}

// possessiveTok reports an owner's word ("Beijing's") or its bare mark.
func possessiveTok(w string) bool {
	return possessiveMark(w) || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// leaderComplement reports a party or a movement "of" a person's full name
// ("the Brexit Party of Nigel Farage", "the Justice Party of Ana Ruiz"):
// the person leads it; the name is no part of the party's.
func (r *Recognizer) leaderComplement(c *joinCtx, cn connector) bool {
	switch c.toks[c.j-1].text {
	case "Party", "Alliance", "Movement", "Coalition", "Front", "Bloc":
	default:
		return false
	}
	name := c.toks[c.j+cn.k : cn.e]
	if cn.w != "of" || len(name) < 2 || len(name) > 3 || !r.lx.firstName(name[0].text) || r.knownForm(joinText(name)) {
		return false
	}
	for _, t := range name {
		if !isCap(t.text) || r.lx.common[strings.ToLower(t.text)] && !r.lx.firstName(t.text) {
			return false
		}
	}
	return true
}

// placeKind reports a word that says what kind of place the name before it
// is ("Lagos State", "Kildare County", "Cebu City").
func placeKind(w string) bool {
	switch w {
	case "State", "County", "City", "Province", "Region", "District", "Borough", "Shire":
		return true
	}
	return false
}

// saysAfterTok reports a verb of saying at token j ("... said", "... wrote").
func (r *Recognizer) saysAfterTok(toks []token, j int) bool {
	return j < len(toks) && r.sayingVerb(toks[j].text)
}

// sayingVerb reports a verb of saying that a body's name comes right
// before: a verb of an organisation's saying (orgspeechverb) or one of
// telling or writing.
func (r *Recognizer) sayingVerb(w string) bool {
	switch w {
	case "told", "tells", "added", "adds", "wrote", "writes":
		return true
	}
	return r.lx.orgSpeechVerb[w]
}

// bodyWord reports a capitalised common English word that no title, noun
// for people, given name or known name is: a word of a body's name when it
// is capitalised inside a sentence ("Transport", "Emergency").
func (r *Recognizer) bodyWord(w string) bool {
	low := strings.ToLower(w)
	return isCap(w) && (r.lx.common[low] || r.pluralCommon(w)) && !r.lx.titles[low] && !r.lx.personNouns[low] && !r.lx.personNouns[singularNoun(low)] &&
		!r.lx.firstName(w) && !r.knownForm(w) && !r.lx.nonNames[w] && !r.lx.notBody[low] && !r.lx.workKinds[low]
}

// listBefore reports whether the name ending just before the comma at
// toks[i-1] is a list's first item ("Earth, Wind and Fire"), not a phrase
// fronted before the subject: a name after a preposition ("In Czechia,
// Freedom and Direct Democracy said") is where or when, not an item.
func listBefore(r *Recognizer, toks []token, i int) bool {
	if i < 2 || toks[i-1].text != "," {
		return false
	}
	k := i - 2
	if !isCap(toks[k].text) || toks[k].initial || r.lx.nonNames[toks[k].text] {
		return false
	}
	for k > 0 && isCap(toks[k-1].text) && !toks[k-1].initial {
		k--
	}
	return k == 0 || toks[k-1].tag != "IN"
}

// spokesWord reports a lower-cased word for a spokesperson.
func spokesWord(w string) bool {
	return w == "spokesman" || w == "spokeswoman" || w == "spokesperson"
}
