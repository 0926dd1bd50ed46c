package entity

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pkg/article"
	"golang.org/x/text/unicode/norm"
)

// The curated lists live in data/ as plain text so that they can be reviewed
// and extended without touching code; each file's header names its source.
//
//go:embed data/*.txt
var dataFS embed.FS

// typeNone marks cue words of names that are no entity type here (events,
// shows, prizes): "World Cup", "Science Fair".
const typeNone = "NONE"

// portfolioOffices are the offices a minister's portfolio word also
// precedes in a title ("Trade Commissioner", "Health Secretary").
var portfolioOffices = []string{"commissioner", "secretary", "chief", "envoy", "spokesman", "spokeswoman", "spokesperson"}

// gazEntry is one known name: its canonical form and type.
type gazEntry struct {
	canonical string
	typ       string
	// weak marks entries of the generated city list: a person's name in the
	// same article may claim the word ("Austin" after "Austin Reed").
	weak bool
}

// lexicon holds the read-only lookup tables built from the data files.
type lexicon struct {
	gaz        map[string]gazEntry // exact surface form -> entry
	gazLower   map[string]gazEntry // lower-cased form, for forms with lower-case letters
	gazAcronym map[string]gazEntry // lower-cased form of an acronym of four letters or more, for its word-like spelling ("Nato")
	acronymMax int                 // the longest form in gazAcronym, in bytes, to skip longer names quickly
	gazSquash  map[string]gazEntry // lower-cased multi-word form without its spaces ("hongkong")
	gazFirst   map[string]bool     // first words of the multi-word forms, to skip runs quickly
	norp       map[string]string   // surface form (and plural) -> canonical adjective
	headCue    map[string]string   // last word of a name -> type
	leadCue    map[string]string   // first word of "X of Y" -> type
	firstCue   map[string]string   // first word of any multi-word name -> type ("Instituto")
	titles     map[string]bool     // lower-cased title phrases
	titleWords int                 // longest title in words
	titleFirst map[string]bool     // first words of the titles, to skip the rest quickly
	titleMods  map[string]bool
	firstNames map[string]bool
	// givenWords are given names that are also English words ("Rock",
	// "Park"): a person's name only where prose already reads one.
	givenWords map[string]bool
	nonNames   map[string]bool // exact-case words that are never names
	common     map[string]bool // common lower-case English words
	// surnameWords are common words that are also surnames ("bush",
	// "rice"; surnamewords.txt, from the 1990 US Census).
	surnameWords map[string]bool
	months       map[string]bool
	acronyms     map[string]bool   // common acronyms that are not names on their own
	sportCtx     map[string]bool   // words of match reports
	teamAfter    map[string]bool   // "Sweden defeated": a team
	teamBefore   map[string]bool   // "against Panama": a team
	clubRoles    map[string]bool   // "Everton manager": a club's people after its name
	postal       map[string]string // "CT" -> "Connecticut": US postal codes, after "City, "
	countries    map[string]bool   // names and aliases of countries (countries.txt)
	firstLevel   map[string]bool   // first-level divisions of countries (subdivisions.txt): states, provinces, nations
	cities       map[string]bool   // cities of cities.txt (100,000 people or more, capitals)
	// towns maps a town of towns.txt to the countries (canonical names,
	// joined by "|") that have a town so named, and townPeople a nationality word's
	// canonical adjective to its country: a town is a place only where the
	// article names its country.
	towns      map[string]string
	townPeople map[string]string
	// countryFirst holds the first words of every country form, to skip
	// runs that start no country quickly.
	countryFirst map[string]bool

	// Closed word classes (wordsets.txt).
	abbrevs, starters, particles, possessiveInName, honorific, generational, auxiliaries, theLocs, govNouns,
	leadMods, hyphenSuffixes, compass, holiday, placePreps, placeBeforeOf, personNext, kinNouns, storms, locBefore, publication, creditRoles, orgKinds, elisions, workKinds, jurisdictions, hyphenPrefixes, tellVerbs, govLevels, polityOf, personNouns, orgNext, regnal, numbered, companyRoles, outletVerb, outletEnd, postNominal, orgSpeechVerb, exchanges, clubWords, leadVerbs, agencyFields, staffNouns, thoroughfares, divisionKinds, featureKinds, betweenNouns, goldenPrizes, foreignArticles, raceGroups, seatVerbs, itActVerbs, partyMembers, placeEvents, notBody map[string]bool
	outletLead     map[string]bool   // "interview with": two words, lower case, joined by a space
	wordEndings    []string          // wordending
	adjEndings     []string          // adjending
	placeNouns     map[string]string // noun after a name -> the place type it gives
	placeOf        map[string]string // noun before "of" and a name -> the place type it gives
	dwellers       map[string]bool   // nouns for the people living in a place ("residents of X")
	landPlurals    map[string]bool   // plural nouns that name land after a place ("Florida Keys")
	founderHeads   map[string]bool   // heads of names a founder's possessive opens ("Addenbrooke's Hospital")
	designators    map[string]bool   // words that end a company's registered name ("Ford Motor Company")
	legalForms     map[string]bool   // designators that are a legal form ("Ltd", "plc"): no name goes on after one
	partnerWords   map[string]bool   // a firm's partners after "&" ("Hale & Sons")
	execOf         map[string]bool   // nouns before "of" and a company's name ("CEO of Merck")
	bodyRoles      map[string]bool   // posts between a lone body's name and its holder ("Isvaro chief executive Lars Holm")
	languages      map[string]bool   // names of languages (languages.txt: "Swahili")
	wordCities     map[string]bool   // cities named by a common word (wordcities.txt: "Reading")
	seats          map[string]bool   // buildings news names for the government inside (seats.txt: "White House")
	commonSurnames map[string]bool   // frequent surnames that are words (commonsurnames.txt: "hall")
	placeSurnames  map[string]bool   // frequent surnames that are one-word places (placesurnames.txt: "Jackson")
	// frequentSurnames: the census list's 5,000 most frequent surnames,
	// lower-case (frequentsurnames.txt: "johnston").
	frequentSurnames map[string]bool
	eponymNouns      map[string]bool   // nouns after a possessive that name a disease or a law ("Parkinson's disease")
	paperHeads       map[string]bool   // words that end a newspaper's name ("The Globe and Mail")
	eventPlurals     map[string]bool   // plural heads of events named after a place ("London Riots")
	spellings        *strings.Replacer // British <-> American spellings
	spellingKeys     []string          // the forms spellings replaces, to skip Replace (which allocates) when none occurs
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		gaz:              map[string]gazEntry{},
		gazLower:         map[string]gazEntry{},
		gazAcronym:       map[string]gazEntry{},
		gazSquash:        map[string]gazEntry{},
		gazFirst:         map[string]bool{},
		norp:             map[string]string{},
		headCue:          map[string]string{},
		leadCue:          map[string]string{},
		firstCue:         map[string]string{},
		titles:           map[string]bool{},
		titleFirst:       map[string]bool{},
		titleMods:        map[string]bool{},
		firstNames:       map[string]bool{},
		languages:        map[string]bool{},
		wordCities:       map[string]bool{},
		seats:            map[string]bool{},
		commonSurnames:   map[string]bool{},
		frequentSurnames: make(map[string]bool, 5000),
		placeSurnames:    map[string]bool{},
		givenWords:       map[string]bool{},
		nonNames:         map[string]bool{},
		common:           make(map[string]bool, 40000),
		surnameWords:     make(map[string]bool, 4000),
		months:           map[string]bool{},
		acronyms:         map[string]bool{},
		personNouns:      map[string]bool{},
		sportCtx:         map[string]bool{},
		teamAfter:        map[string]bool{},
		teamBefore:       map[string]bool{},
		clubRoles:        map[string]bool{},
		countries:        map[string]bool{},
		firstLevel:       map[string]bool{},
		cities:           map[string]bool{},
		countryFirst:     map[string]bool{},
	}
	// Order matters: the first list that claims a form keeps it, so the more
	// specific lists (places) come before the broad ones (organisations).
	// The generated city list comes last: any curated name wins over it.
	for _, f := range []struct {
		file, typ string
		weak      bool
	}{
		{"gpe.txt", article.TypeGPE, false},
		{"countries.txt", article.TypeGPE, false},
		{"loc.txt", article.TypeLoc, false},
		{"fac.txt", article.TypeFac, false},
		{"org.txt", article.TypeOrg, false},
		{"airlines.txt", article.TypeOrg, true},
		{"organisations.txt", article.TypeOrg, true},
		{"brands.txt", article.TypeOrg, true},
		{"cities.txt", article.TypeGPE, true},
		{"subdivisions.txt", article.TypeGPE, true},
	} {
		if err := eachLine(f.file, func(line string) error {
			forms := strings.Split(line, "|")
			e := gazEntry{canonical: strings.TrimSpace(forms[0]), typ: f.typ, weak: f.weak}
			if f.file == "subdivisions.txt" {
				for _, form := range forms {
					lx.firstLevel[strings.TrimSpace(form)] = true
				}
			}
			if f.file == "cities.txt" {
				for _, form := range forms {
					lx.cities[strings.TrimSpace(form)] = true
				}
			}
			if f.file == "countries.txt" {
				for _, form := range forms {
					form = strings.TrimSpace(form)
					lx.countries[form] = true
					if w, _, _ := strings.Cut(form, " "); w != "" {
						lx.countryFirst[w] = true
					}
				}
			}
			for _, form := range forms {
				lx.addGaz(strings.TrimSpace(form), e)
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	// Curated aliases of countries ("U.S.") start country forms too.
	for form, e := range lx.gaz {
		if e.typ == article.TypeGPE && lx.countries[e.canonical] {
			w, _, _ := strings.Cut(form, " ")
			lx.countryFirst[w] = true
		}
	}
	for _, file := range []string{"norp.txt", "demonyms.txt"} {
		if err := eachLine(file, func(line string) error {
			forms := strings.Split(line, "|")
			canon := strings.TrimSpace(forms[0])
			for _, form := range forms {
				form = strings.TrimSpace(form)
				for _, v := range []string{form, plural(form)} {
					// ("Philippine" makes no "Philippines": a plural that
					// is a country's name is the country.)
					if e, ok := lx.gaz[v]; ok && v != form && e.typ == article.TypeGPE {
						continue
					}
					if _, ok := lx.norp[v]; !ok {
						lx.norp[v] = canon
					}
				}
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	if err := lx.loadTowns(); err != nil {
		return nil, err
	}
	if err := eachLine("cues.txt", func(line string) error {
		f := strings.Fields(line)
		if len(f) < 3 {
			return fmt.Errorf("cue line %q: %w", line, ErrBadData)
		}
		word := strings.Join(f[2:], " ")
		m := lx.headCue
		switch f[1] {
		case "lead":
			m = lx.leadCue
		case "first":
			m = lx.firstCue
		}
		if _, ok := m[word]; !ok {
			m[word] = f[0]
		}
		return nil
	}); err != nil {
		return nil, err
	}
	addTitle := func(t string) {
		lx.titles[t] = true
		// "President-elect Trump", "Prime Minister-designate Kovac": one
		// chosen for an office holds its title before taking it up.
		lx.titles[t+"-elect"] = true
		lx.titles[t+"-designate"] = true
		words := strings.Fields(t)
		if len(words) > lx.titleWords {
			lx.titleWords = len(words)
		}
		if len(words) > 0 {
			lx.titleFirst[words[0]] = true
		}
		if len(words) == 1 { // the suffix joins the last word: "Prime Minister-elect"
			lx.titleFirst[t+"-elect"] = true
			lx.titleFirst[t+"-designate"] = true
		}
	}
	var portfolios []string
	if err := eachLine("titles.txt", func(line string) error {
		t := strings.ToLower(line)
		addTitle(t)
		// "Prof Lewin", "Sen Tim Scott": British and headline style drop
		// the abbreviation's period.
		if a, ok := strings.CutSuffix(t, "."); ok && !strings.Contains(a, " ") && !strings.Contains(a, ".") && t != "st." {
			addTitle(a)
		}
		// "Trade Minister": "trade" is a portfolio, which other offices
		// take too ("Trade Commissioner").
		if p, ok := strings.CutSuffix(t, " minister"); ok && !strings.Contains(p, " ") && p != "prime" {
			portfolios = append(portfolios, p)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for _, p := range portfolios {
		for _, office := range portfolioOffices {
			addTitle(p + " " + office)
		}
	}
	for file, m := range map[string]map[string]bool{
		"titlemods.txt":        lx.titleMods,
		"firstnames.txt":       lx.firstNames,
		"givennames.txt":       lx.firstNames,
		"givenwords.txt":       lx.givenWords,
		"languages.txt":        lx.languages,
		"wordcities.txt":       lx.wordCities,
		"seats.txt":            lx.seats,
		"commonsurnames.txt":   lx.commonSurnames,
		"placesurnames.txt":    lx.placeSurnames,
		"frequentsurnames.txt": lx.frequentSurnames,
		"nonnames.txt":         lx.nonNames,
		"commonwords.txt":      lx.common,
		"surnamewords.txt":     lx.surnameWords,
		"acronyms.txt":         lx.acronyms,
		"personnouns.txt":      lx.personNouns,
	} {
		if err := eachLine(file, func(line string) error { m[line] = true; return nil }); err != nil {
			return nil, err
		}
	}
	// The common words are SCOWL's American spellings; news in British
	// English writes "organisers", "realised", "organisation" (the -ise
	// forms of every -ize word).
	var british []string
	for w := range lx.common {
		if b := britishSpelling(w); b != w {
			british = append(british, b)
		}
	}
	for _, b := range british {
		lx.common[b] = true
	}
	// Given names of other languages (worldnames.txt) are evidence too,
	// unless a list knows the word as a place, an organisation or a people
	// ("Florence", "Sahara"), or as a word or non-name.
	if err := eachLine("worldnames.txt", func(n string) error {
		if lx.firstNames[n] || lx.givenWords[n] || lx.nonNames[n] || lx.common[strings.ToLower(n)] {
			return nil
		}
		if _, ok := lx.gaz[n]; ok {
			return nil
		}
		if _, ok := lx.norp[n]; ok {
			return nil
		}
		lx.firstNames[n] = true
		return nil
	}); err != nil {
		return nil, err
	}
	// The files write contractions with a straight apostrophe ("I've");
	// news text often has the typographic one.
	for w := range lx.nonNames {
		if strings.Contains(w, "'") {
			lx.nonNames[strings.ReplaceAll(w, "'", "\u2019")] = true
		}
	}
	if err := eachLine("sports.txt", func(line string) error {
		f := strings.Fields(line)
		if len(f) != 2 {
			return fmt.Errorf("sports line %q: %w", line, ErrBadData)
		}
		switch f[0] {
		case "context":
			lx.sportCtx[f[1]] = true
		case "team":
			lx.teamAfter[f[1]] = true
		case "before":
			lx.teamBefore[f[1]] = true
		case "role":
			lx.clubRoles[f[1]] = true
		default:
			return fmt.Errorf("sports line %q: %w", line, ErrBadData)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := lx.loadWordSets(); err != nil {
		return nil, err
	}
	lx.postal = map[string]string{}
	if err := eachLine("uspostal.txt", func(line string) error {
		code, name, ok := strings.Cut(line, " ")
		e, known := lx.lookup(strings.TrimSpace(name))
		if !ok || !known || e.typ != article.TypeGPE {
			return fmt.Errorf("postal line %q: %w", line, ErrBadData)
		}
		lx.postal[code] = e.canonical
		return nil
	}); err != nil {
		return nil, err
	}
	for _, m := range []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"} {
		lx.months[m] = true
	}
	return lx, nil
}

func (lx *lexicon) addGaz(form string, e gazEntry) {
	if form == "" {
		return
	}
	if _, ok := lx.gaz[form]; !ok {
		lx.gaz[form] = e
	}
	// The first word of a multi-word form, as a token may have it:
	// up to the space ("U.S."), and up to the first other character
	// ("People" of "People's Party", "Washington" of "Washington, D.C.").
	if w, _, multi := strings.Cut(form, " "); multi {
		if sq := strings.ToLower(strings.ReplaceAll(form, " ", "")); lx.gazSquash[sq].typ == "" {
			lx.gazSquash[sq] = e
		}
		lx.gazFirst[w] = true
		if i := strings.IndexFunc(w, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) }); i > 0 {
			lx.gazFirst[w[:i]] = true
		}
	}
	// Acronyms stay case-sensitive ("US" is not "us"); other forms also match
	// in another case ("the netherlands" in a lower-cased headline).
	low := strings.ToLower(form)
	if strings.ToUpper(form) != form {
		if _, ok := lx.gazLower[low]; !ok {
			lx.gazLower[low] = e
		}
	} else if utf8.RuneCountInString(form) >= 4 && !strings.ContainsAny(form, ". ") {
		// "Nato", "Unesco", "Zanu-PF": British style writes an acronym
		// that is read as a word with one capital.
		if _, ok := lx.gazAcronym[low]; !ok {
			lx.gazAcronym[low] = e
			lx.acronymMax = max(lx.acronymMax, len(low))
		}
	}
}

// usState reports a US state's name (the names uspostal.txt gives its codes).
func (lx *lexicon) usState(s string) bool {
	for _, name := range lx.postal {
		if name == s {
			return true
		}
	}
	return false
}

// city reports a city of cities.txt.
func (lx *lexicon) city(s string) bool { return lx.cities[s] }

// townOrCity reports a populated place of cities.txt or towns.txt.
func (lx *lexicon) townOrCity(s string) bool {
	if e, ok := lx.lookup(s); ok && e.typ == article.TypeGPE {
		return true
	}
	return lx.towns[s] != ""
}

// lookup finds a name in the gazetteer, with "The"/"the" dropped.
func (lx *lexicon) lookup(s string) (gazEntry, bool) {
	if e, ok := lx.gaz[s]; ok {
		return e, true
	}
	low := strings.ToLower(s)
	if e, ok := lx.gazLower[low]; ok && s != low {
		return e, true
	}
	// ("Nato", "Zanu-PF": one capital first; not a common word, "Care".)
	if len(s) >= 4 && len(low) <= lx.acronymMax && s != low {
		if e, ok := lx.gazAcronym[low]; ok && isCap(s) && s != strings.ToUpper(s) && !lx.common[low] {
			return e, true
		}
	}
	// British and American spellings of the same name.
	if lx.hasSpelling(s) {
		if v := lx.spellings.Replace(s); v != s {
			if e, ok := lx.gaz[v]; ok {
				return e, true
			}
		}
	}
	// The lists write apostrophes straight; news prints them curly too
	// ("Kurdistan Workers’ Party").
	if strings.Contains(s, "’") {
		return lx.lookup(strings.ReplaceAll(s, "’", "'"))
	}
	return gazEntry{}, false
}

// demonymSuffixes are the endings of English demonyms and what the place's
// name has in their stead: "Alabam-ians" (Alabama), "Colorad-ans"
// (Colorado), "Tex-ans" (Texas), "Catalonia-n", "London-ers".
var demonymSuffixes = []struct {
	strip string
	add   []string
}{
	{"ians", []string{"a", "ia", ""}}, {"ian", []string{"a", "ia", ""}},
	{"ans", []string{"a", "o", "as", ""}}, {"an", []string{"a", "o", "as", ""}},
	{"ns", []string{""}}, {"n", []string{""}},
	{"ers", []string{""}}, {"er", []string{""}},
	{"ites", []string{"", "e"}}, {"ite", []string{"", "e"}},
}

// demonymPlace returns the known place (a GPE or LOC of the curated lists,
// not of the generated city list) whose people the word names by an
// English demonym ending, or false: "Coloradans", "Hongkongers".
func (lx *lexicon) demonymPlace(w string) (gazEntry, bool) {
	for _, sfx := range demonymSuffixes {
		stem, ok := strings.CutSuffix(w, sfx.strip)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		for _, add := range sfx.add {
			form := stem + add
			e, ok := lx.lookup(form)
			if !ok {
				e, ok = lx.gazSquash[strings.ToLower(form)]
			}
			if ok && !e.weak && (e.typ == article.TypeGPE || e.typ == article.TypeLoc) {
				return e, true
			}
		}
	}
	return gazEntry{}, false
}

// known types a form the lists know: its gazetteer entry, else its
// nationality or group (NORP) form.
func (lx *lexicon) known(s string) (typ, canon string, ok bool) {
	if e, ok := lx.lookup(s); ok {
		return e.typ, e.canonical, true
	}
	if c, ok := lx.norp[s]; ok {
		return article.TypeNORP, c, true
	}
	return "", "", false
}

// cue is the type a cue word gives the name it ends an "X of Y" part of:
// its lead cue ("University of"), else its head cue ("Hall of Mirrors").
func (lx *lexicon) cue(w string) (string, bool) {
	if t, ok := lx.leadCue[w]; ok {
		return t, true
	}
	t, ok := lx.headCue[w]
	return t, ok
}

// wordLike reports a word with an English derivational ending ("Martian",
// "Christianity").
func (lx *lexicon) wordLike(w string) bool {
	for _, e := range lx.wordEndings {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// country reports a form that names a country ("US", "Zimbabwe") or its
// people ("Zimbabwean").
func (lx *lexicon) country(s string) bool {
	if lx.countries[s] {
		return true
	}
	if e, ok := lx.lookup(s); ok {
		return e.typ == article.TypeGPE && lx.countries[e.canonical]
	}
	_, ok := lx.norp[s]
	return ok
}

// loadWordSets reads the closed word classes of wordsets.txt.
func (lx *lexicon) loadWordSets() error {
	sets := map[string]*map[string]bool{
		"abbrev": &lx.abbrevs, "starter": &lx.starters, "particle": &lx.particles,
		"possessive": &lx.possessiveInName, "honorific": &lx.honorific, "generational": &lx.generational, "auxiliary": &lx.auxiliaries, "theloc": &lx.theLocs, "govnoun": &lx.govNouns,
		"leadmod": &lx.leadMods, "hyphensuffix": &lx.hyphenSuffixes, "compass": &lx.compass,
		"holiday": &lx.holiday, "placeprep": &lx.placePreps, "placebeforeof": &lx.placeBeforeOf, "personnext": &lx.personNext, "kinnoun": &lx.kinNouns, "storm": &lx.storms, "locbefore": &lx.locBefore,
		"publication": &lx.publication, "creditrole": &lx.creditRoles, "orgkind": &lx.orgKinds, "placeevent": &lx.placeEvents, "elision": &lx.elisions, "workkind": &lx.workKinds, "notbody": &lx.notBody, "jurisdiction": &lx.jurisdictions,
		"hyphenprefix": &lx.hyphenPrefixes, "tellverb": &lx.tellVerbs, "govlevel": &lx.govLevels, "polityof": &lx.polityOf, "orgnext": &lx.orgNext, "regnal": &lx.regnal, "numbered": &lx.numbered, "companyroles": &lx.companyRoles, "outletverb": &lx.outletVerb, "outletend": &lx.outletEnd, "postnominal": &lx.postNominal, "orgspeechverb": &lx.orgSpeechVerb, "exchange": &lx.exchanges, "leadverb": &lx.leadVerbs, "staffnoun": &lx.staffNouns, "thoroughfare": &lx.thoroughfares, "dwellers": &lx.dwellers, "divisionkind": &lx.divisionKinds, "featurekind": &lx.featureKinds, "betweennoun": &lx.betweenNouns, "goldenprize": &lx.goldenPrizes, "foreignarticle": &lx.foreignArticles, "racegroup": &lx.raceGroups, "seatverb": &lx.seatVerbs, "itactverb": &lx.itActVerbs, "partymember": &lx.partyMembers,
		"clubword": &lx.clubWords, "agencyfield": &lx.agencyFields, "landplural": &lx.landPlurals, "founderhead": &lx.founderHeads, "designator": &lx.designators, "legalform": &lx.legalForms, "partnerword": &lx.partnerWords, "execof": &lx.execOf, "bodyrole": &lx.bodyRoles, "eponymnoun": &lx.eponymNouns, "paperhead": &lx.paperHeads, "eventplural": &lx.eventPlurals,
	}
	for _, m := range sets {
		*m = map[string]bool{}
	}
	lx.placeNouns = map[string]string{}
	lx.placeOf = map[string]string{}
	lx.outletLead = map[string]bool{}
	var pairs []string
	err := eachLine("wordsets.txt", func(line string) error {
		f := strings.Fields(line)
		if len(f) < 2 {
			return fmt.Errorf("word set line %q: %w", line, ErrBadData)
		}
		set, words := f[0], f[1:]
		switch {
		case set == "spelling":
			if len(words)%2 != 0 {
				return fmt.Errorf("spelling line %q: %w", line, ErrBadData)
			}
			for i := 0; i < len(words); i += 2 {
				pairs = append(pairs, words[i], words[i+1], words[i+1], words[i])
			}
		case strings.HasPrefix(set, "placenoun."):
			for _, w := range words {
				lx.placeNouns[w] = strings.TrimPrefix(set, "placenoun.")
			}
		case set == "outletlead":
			for _, w := range words {
				a, b, ok := strings.Cut(w, ":")
				if !ok {
					return fmt.Errorf("outletlead %q is no pair: %w", w, ErrBadData)
				}
				lx.outletLead[a+" "+b] = true
			}
		case strings.HasPrefix(set, "placeof."):
			for _, w := range words {
				lx.placeOf[w] = strings.TrimPrefix(set, "placeof.")
			}
		case set == "wordending":
			lx.wordEndings = append(lx.wordEndings, words...)
		case set == "adjending":
			lx.adjEndings = append(lx.adjEndings, words...)
		default:
			m, ok := sets[set]
			if !ok {
				return fmt.Errorf("unknown word set %q: %w", set, ErrBadData)
			}
			for _, w := range words {
				(*m)[w] = true
			}
		}
		return nil
	})
	lx.spellings = strings.NewReplacer(pairs...)
	for i := 0; i < len(pairs); i += 2 {
		lx.spellingKeys = append(lx.spellingKeys, pairs[i])
	}
	return err
}

// loadTowns reads towns.txt: "@Country|Demonym..." lines start a country,
// the lines after it are its towns. Countries are keyed by the canonical
// name the gazetteer gives them, as mentions of them are.
func (lx *lexicon) loadTowns() error {
	lx.towns = make(map[string]string, 45000)
	lx.townPeople = map[string]string{}
	country := ""
	return eachLine("towns.txt", func(line string) error {
		if head, ok := strings.CutPrefix(line, "@"); ok {
			forms := strings.Split(head, "|")
			country = strings.TrimSpace(forms[0])
			if e, ok := lx.lookup(country); ok && e.typ == article.TypeGPE {
				country = e.canonical
			}
			for _, d := range forms[1:] {
				d = strings.TrimSpace(d)
				if c, ok := lx.norp[d]; ok {
					d = c
				}
				if _, taken := lx.townPeople[d]; !taken {
					lx.townPeople[d] = country
				}
			}
			return nil
		}
		if country == "" {
			return fmt.Errorf("town %q before any country: %w", line, ErrBadData)
		}
		for _, form := range strings.Split(line, "|") {
			form = strings.TrimSpace(form)
			switch cs := lx.towns[form]; {
			case cs == "":
				lx.towns[form] = country
			case cs != country && !strings.HasSuffix(cs, "|"+country):
				lx.towns[form] = cs + "|" + country
			}
		}
		return nil
	})
}

func eachLine(file string, fn func(string) error) error {
	f, err := dataFS.Open("data/" + file)
	if err != nil {
		return fmt.Errorf("open %s: %w", file, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	return nil
}

// plural gives the plural of a demonym: Iraqi -> Iraqis, Chinese -> Chinese.
func plural(s string) string {
	switch {
	case strings.HasSuffix(s, "ese"), strings.HasSuffix(s, "ish"), strings.HasSuffix(s, "ch"),
		strings.HasSuffix(s, "s"), strings.HasSuffix(s, "ic"):
		return s
	case strings.HasSuffix(s, "man"):
		return strings.TrimSuffix(s, "man") + "men"
	}
	return s + "s"
}

// dataFiles lists the embedded data files, for the documentation test.
func dataFiles() ([]string, error) {
	var out []string
	err := fs.WalkDir(dataFS, "data", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			out = append(out, path)
		}
		return nil
	})
	return out, err
}

// thoroughfare reports a name whose last word heads a street's, a road's,
// a bridge's or a square's name.
func (lx *lexicon) thoroughfare(name string) bool {
	f := strings.Fields(name)
	return len(f) > 1 && lx.thoroughfares[f[len(f)-1]]
}

// firstName reports a given name of the lists. A name written with
// diacritics the lists leave out is one too ("Óscar", "José", "François"
// are the lists' "Oscar", "Jose", "Francois"), unless the lists know the
// accented word as a name of its own ("Belén", "Hermès").
func (lx *lexicon) firstName(w string) bool {
	if lx.firstNames[w] {
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			if _, known := lx.lookup(w); known {
				return false
			}
			return lx.firstNames[stripMarks(w)]
		}
	}
	return false
}

// stripMarks removes the combining marks of s, keeping its case.
func stripMarks(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s))
}

// britishSpelling gives the -ise form of an -ize word ("organizers" ->
// "organisers", "organization" -> "organisation"), else w.
func britishSpelling(w string) string {
	for _, sfx := range []string{"ize", "izes", "ized", "izing", "izer", "izers", "ization", "izations"} {
		if stem, ok := strings.CutSuffix(w, sfx); ok && len(stem) >= 3 {
			return stem + "is" + sfx[2:]
		}
	}
	return w
}

// hasSpelling reports a form in s that spellings would replace.
func (lx *lexicon) hasSpelling(s string) bool {
	for _, k := range lx.spellingKeys {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}
