package entity

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pkg/article"
)

// webAddressRe matches a name written as a web address: a capitalised or
// upper-case site name and one or more lower-case domain labels.
var webAddressRe = regexp.MustCompile(`^[\p{Lu}\d][\p{L}\d-]*(?:\.[a-z]{2,})+$`)

// classCtx is what the classifying rules see of one name.
type classCtx struct {
	run    []token
	text   string
	titled bool // a person title was cut off before it
	last   string

	afterPlacePrep bool // a place preposition ("in", "near") stands right before the run
	afterThe       bool // "the" stands right before the run
	afterCapThe    bool // a capital "The" inside a sentence stands right before it

	ofDone  bool // ofType computed
	ofType  string
	ofTyped bool

	voted bool   // best computed
	best  string // prose's majority label on the run's tokens
}

// of types the name by the cue word before its "of", "for" or "on", once.
func (c *classCtx) of(r *Recognizer) (string, bool) {
	if !c.ofDone {
		c.ofDone = true
		if len(c.run) > 1 {
			c.ofType, c.ofTyped = r.ofHeadType(c.run)
		}
	}
	return c.ofType, c.ofTyped
}

// vote is prose's majority label on the run, once.
func (c *classCtx) vote() string {
	if c.voted {
		return c.best
	}
	c.voted = true
	var person, org, gpe int
	for _, t := range c.run {
		switch {
		case strings.HasSuffix(t.label, "PERSON"):
			person++
		case strings.HasSuffix(t.label, "GPE"):
			gpe++
		case strings.HasSuffix(t.label, "ORGANIZATION"):
			org++
		}
	}
	// Ties go to PERSON, then ORG, then GPE.
	best, bn := "", 0
	for _, v := range []struct {
		t string
		n int
	}{{article.TypePerson, person}, {article.TypeOrg, org}, {article.TypeGPE, gpe}} {
		if v.n > bn {
			best, bn = v.t, v.n
		}
	}
	c.best = best
	return best
}

// classResult is a classifying rule's verdict: a type ("" for no entity
// type), the gazetteer's canonical form, and the strength of the evidence.
type classResult struct {
	typ, canon string
	ev         int
	weak       bool // from the generated city list
}

// classRule is one named step of the classifying chain: it returns its
// verdict and true when it decides the name's type, else false.
type classRule struct {
	name string
	fn   func(r *Recognizer, c *classCtx) (classResult, bool)
}

// unknownWord reports a capitalised word the lists know nothing of: no
// name, common word, given name, nationality or title.
func (r *Recognizer) unknownWord(w string) bool {
	if _, ok := r.lx.lookup(w); ok {
		return false
	}
	return isCap(w) && !r.lx.common[strings.ToLower(w)] && !r.lx.firstName(w) && !r.lx.givenWords[w] && !r.isNORP(w) &&
		!r.lx.titles[strings.ToLower(w)] && !r.lx.nonNames[w] && !r.lx.compass[w]
}

// countryStart reports a word that may start a country's name: a known
// name of one word, or the first word of a longer one (a cheap test
// before joining the words).
func (r *Recognizer) countryStart(w string) bool {
	if r.lx.gazFirst[w] {
		return true
	}
	_, ok := r.lx.lookup(w)
	return ok
}

// compassWord reports a compass point, or "Central", as constituencies and
// districts are named, also a hyphenated pair of them ("North-West",
// "Mid-West", "North-Central").
func compassWord(w string) bool {
	a, b, pair := strings.Cut(w, "-")
	one := func(x string) bool {
		switch x {
		case "North", "South", "East", "West", "Central":
			return true
		}
		return false
	}
	if !pair {
		return one(w)
	}
	// (Not a pair of opposites: "North-South talks".)
	switch {
	case a == "North" || a == "South" || a == "Mid":
		return b == "East" || b == "West" || b == "Central" || b == "east" || b == "west"
	case a == "East" || a == "West":
		return b == "Central"
	}
	return false
}

// placeOrOrgHead reports a word that heads the names of organisations,
// facilities or places and is no frequent surname ("Hospital",
// "University"; not "Hall", "Park").
func (r *Recognizer) placeOrOrgHead(w string) bool {
	t, ok := r.lx.headCue[w]
	return ok && t != article.TypePerson && t != article.TypeNORP && !r.lx.commonSurnames[strings.ToLower(w)]
}

// orgHeadWord reports a word that heads organisations' names.
func (r *Recognizer) orgHeadWord(w string) bool {
	t, ok := r.lx.headCue[w]
	return ok && t == article.TypeOrg
}

// knownOrg reports a name the lists know as an organisation's.
func (r *Recognizer) knownOrg(w string) bool {
	e, ok := r.lx.lookup(w)
	return ok && e.typ == article.TypeOrg
}

// dottedInitials reports two or three capital initials written together,
// each with its period ("J.D.", "J.R.R.").
func dottedInitials(w string) bool {
	n := len(w) / 2
	if len(w)%2 != 0 || n < 2 || n > 3 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// noType is the verdict that a name has no entity type.
var noType = classResult{ev: evNone}

// classRules types a name from the strongest evidence at hand: the first
// rule that decides wins, so the order is the logic.
var classRules = []classRule{
	// "New Year", "El Niño": phrases of nonnames.txt are no names, though
	// their words look like one.
	{"non_name", func(r *Recognizer, c *classCtx) (classResult, bool) {
		return noType, len(c.run) >= 2 && r.lx.nonNames[c.text]
	}},
	{"gazetteer", func(r *Recognizer, c *classCtx) (classResult, bool) {
		// ("Coach Rivera": a title before a name the generated lists also
		// have as a place makes it a person's.)
		if e, ok := r.lx.lookup(c.text); ok && !((e.weak || r.lx.placeSurnames[c.text]) && c.titled) {
			return classResult{typ: e.typ, canon: e.canonical, ev: evGaz, weak: e.weak}, true
		}
		// ("Trinidad & Tobago": the lists write "and".)
		if strings.Contains(c.text, " & ") {
			if e, ok := r.lx.lookup(strings.Replace(c.text, " & ", " and ", 1)); ok && !e.weak {
				return classResult{typ: e.typ, canon: e.canonical, ev: evGaz}, true
			}
		}
		if canon, ok := r.lx.norp[c.text]; ok {
			return classResult{typ: article.TypeNORP, canon: canon, ev: evGaz}, true
		}
		return classResult{}, false
	}},
	// "reported The Mirror", "a correspondent for The Post": a newspaper's
	// head word alone after a capital "The" inside a sentence is the
	// paper's title (the capital "The" joins it).
	{"the_paper", func(r *Recognizer, c *classCtx) (classResult, bool) {
		return classResult{typ: article.TypeOrg, ev: evRule}, len(c.run) == 1 && c.afterCapThe && r.lx.publication[c.text]
	}},
	// "Davao del Sur", "Lucena de la Sierra": a known place continued by a
	// particle and a name is a place.
	{"place_particle", func(r *Recognizer, c *classCtx) (classResult, bool) {
		for k := 1; k+1 < len(c.run) && k <= 3; k++ {
			if !r.isParticle(c.run[k].text) {
				continue
			}
			// ("Leon van Dijk": a given name that is also a town's, before a
			// surname's particle, is a person's.)
			e, ok := r.lx.lookup(joinText(c.run[:k]))
			if ok && (e.typ == article.TypeGPE || e.typ == article.TypeLoc) && isCap(c.last) && !(k == 1 && r.lx.firstName(c.run[0].text)) {
				return classResult{typ: e.typ, ev: evRule}, true
			}
			return classResult{}, false
		}
		return classResult{}, false
	}},
	// "Niagara Falls", "Port Douglas": a name of several words that
	// GeoNames has as a town is that place; towns share one-word names
	// with words and people, but rarely names of several words (not one
	// a given name or a title opens: "Diego de Almagro", "Mayor Ana Lind").
	{"town_name", func(r *Recognizer, c *classCtx) (classResult, bool) {
		// (Prose's strength, so that the words around it still decide:
		// "Notre Dame cathedral".)
		ok := len(c.run) >= 2 && !c.titled && !r.lx.firstName(c.run[0].text) && r.lx.towns[c.text] != ""
		return classResult{typ: article.TypeGPE, ev: evProse}, ok
	}},
	// "Eastern Europeans", "West African": a compass word before a demonym.
	// "North Korean", "Turkish Cypriots", "Greek Cypriot": a compass word or
	// a nationality before a people's noun is a group of people.
	{"compass_demonym", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) != 2 {
			return classResult{}, false
		}
		_, firstNORP := r.lx.norp[c.run[0].text]
		if !r.lx.compass[c.run[0].text] && !firstNORP {
			return classResult{}, false
		}
		if _, ok := r.lx.norp[c.run[1].text]; ok {
			return classResult{typ: article.TypeNORP, ev: evGaz}, true
		}
		return classResult{}, false
	}},
	// "Greater Manchester", "Southern California", "East Java": a compass
	// word before a known place is a part of that place.
	{"compass_place", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) < 2 || !r.lx.compass[c.run[0].text] {
			return classResult{}, false
		}
		e, ok := r.lx.lookup(joinText(c.run[1:]))
		if !ok || e.typ != article.TypeGPE && e.typ != article.TypeLoc {
			return classResult{}, false
		}
		return classResult{typ: e.typ, ev: evRule}, true
	}},
	// (Not a name a title cut off that ends in a head word no surname
	// is: "Gen. Luna Doctors' Hospital" is the hospital of a town named
	// after a general; "Judge Ana Hall" is a person.)
	{"title_person", func(r *Recognizer, c *classCtx) (classResult, bool) {
		return classResult{typ: article.TypePerson, ev: evRule}, c.titled && !(len(c.run) >= 2 && r.placeOrOrgHead(c.last))
	}},
	{"call_sign", func(r *Recognizer, c *classCtx) (classResult, bool) {
		return classResult{typ: article.TypeOrg, ev: evRule}, len(c.run) == 1 && isCallSign(c.text)
	}},
	// "Brexit", "Expo", "Games" alone: events are no entity type here.
	{"event_word", func(r *Recognizer, c *classCtx) (classResult, bool) {
		t, ok := r.lx.headCue[c.last]
		return noType, ok && t == typeNone && len(c.run) == 1
	}},
	// "Department of War": the word before "of" types the name before an
	// event word at its end can.
	{"of_head", func(r *Recognizer, c *classCtx) (classResult, bool) {
		t, ok := c.of(r)
		return classResult{typ: t, ev: evRule}, ok && hasWord(c.run, "of")
	}},
	// "World Cup", "Google Science Fair": events and shows are no entity type.
	{"event_head", func(r *Recognizer, c *classCtx) (classResult, bool) {
		return noType, len(c.run) >= 2 && r.eventHead(c.run)
	}},
	// "U.S. Route 61", "State Highway 1": a road's word and its number
	// after a place name a road.
	{"road_number", func(r *Recognizer, c *classCtx) (classResult, bool) {
		n := len(c.run)
		if n < 3 || strings.Trim(c.run[n-1].text, "0123456789") != "" || r.lx.firstCue[c.run[n-2].text] != article.TypeFac {
			return classResult{}, false
		}
		return classResult{typ: article.TypeFac, ev: evRule}, true
	}},
	// "Typhoon Hagibis", "Tropical Storm Barry": a named storm is a
	// weather event, no entity type, unless a head word ends the name
	// ("Hurricane Relief Fund").
	{"storm_name", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) < 2 || !r.lx.storms[c.run[0].text] {
			return classResult{}, false
		}
		_, head := r.lx.headCue[c.last]
		return noType, !head
	}},
	// "Chicago Bears", "Sheffield Steelers": a known place and a plural
	// nickname name a club, whatever prose calls them.
	{"place_team", func(r *Recognizer, c *classCtx) (classResult, bool) {
		return classResult{typ: article.TypeOrg, ev: evProse}, r.placeTeam(c.run)
	}},
	// "Des Moines Register", "Kansas City Star": a known city and a
	// newspaper's head word name the paper, whatever a given name in the
	// city's name suggests.
	{"place_paper", func(r *Recognizer, c *classCtx) (classResult, bool) {
		n := len(c.run)
		if n < 2 || !r.lx.publication[c.last] {
			return classResult{}, false
		}
		e, ok := r.lx.lookup(joinText(c.run[:n-1]))
		return classResult{typ: article.TypeOrg, ev: evRule}, ok && e.typ == article.TypeGPE
	}},
	// "Florida Keys", "Ohio Valleys": a known place and a plural
	// that names land is a region.
	{"place_land", func(r *Recognizer, c *classCtx) (classResult, bool) {
		ok := len(c.run) >= 2 && r.lx.landPlurals[c.last] && r.placeBeforeLast(c.run)
		return classResult{typ: article.TypeLoc, ev: evProse}, ok
	}},
	// "Instituto Gonzaga": organisation words that lead a name; "USS Ronald
	// Reagan": a ship, no entity type.
	{"first_cue", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) < 2 {
			return classResult{}, false
		}
		t, ok := r.lx.firstCue[c.run[0].text]
		// "the River Thames": a river's name opens with its kind after
		// "the"; without it "River" is as often a given name ("River
		// Phoenix") or a firm's first word ("River Cottage").
		if !ok && c.run[0].text == "River" && c.afterThe {
			t, ok = article.TypeLoc, true
		}
		if t == typeNone {
			return noType, ok
		}
		if t != article.TypeOrg && r.hasCue(c.run[1:]) {
			return classResult{}, false // a place word first and a head word: the head decides
		}
		// "Legislative Council Complex", "Banco Sur Tower": a building named
		// for the body it houses is the building.
		if t == article.TypeOrg && r.lx.headCue[c.last] == article.TypeFac {
			return classResult{}, false
		}
		return classResult{typ: t, ev: evRule}, ok
	}},
	// "Students for Fair Housing": people "for" a cause are a group.
	{"people_for", func(r *Recognizer, c *classCtx) (classResult, bool) {
		for x := 1; x+1 < len(c.run); x++ {
			if c.run[x].text == "for" && r.peoplePlural(c.run[x-1].text) {
				return classResult{typ: article.TypeOrg, ev: evRule}, true
			}
		}
		return classResult{}, false
	}},
	// "Council for Science", "Hall on Water": in "X for Y" the head is X.
	{"for_head", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) < 2 {
			return classResult{}, false
		}
		t, ok := c.of(r)
		return classResult{typ: t, ev: evRule}, ok
	}},
	// "Michael Hall said", "Grace Park, a lawyer,": a given name before a
	// head word that is also a frequent surname is a person's name, where
	// no "the" or place preposition makes it a place ("at Albert Park",
	// "the Sarah Hall building") and the given name is no place
	// ("Victoria Park"); givenSurnameHead.
	{"given_surname_head", func(r *Recognizer, c *classCtx) (classResult, bool) {
		ok := len(c.run) == 2 && !c.afterThe && !c.afterPlacePrep && r.givenSurnameHead(c.run[0].text, c.last)
		return classResult{typ: article.TypePerson, ev: evRule}, ok
	}},
	// "Red Cross Society", "Bay Area": a two-word head.
	{"head_cue_pair", func(r *Recognizer, c *classCtx) (classResult, bool) {
		// ("Parliament House" alone: the pair is the whole name.)
		if len(c.run) < 2 {
			return classResult{}, false
		}
		t, ok := r.lx.headCue[c.run[len(c.run)-2].text+" "+c.last]
		return classResult{typ: t, ev: evRule}, ok
	}},
	// "Justice Department", "Heathrow Airport": the last word says the type.
	{"head_cue", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) < 2 {
			return classResult{}, false
		}
		t, ok := r.lx.headCue[c.last]
		// ("Silver Spring": eventHead keeps a town the lists know.)
		if ok && t == typeNone && !r.eventHead(c.run) {
			return classResult{}, false
		}
		// ("Paris Police Prefecture": a division's word after an
		// organisation's head word names that body's branch, a body.)
		// (Three words, or two after "the": "in Union County", "Centre
		// County" are places.)
		if ok && t == article.TypeGPE && (len(c.run) >= 3 || c.afterThe) {
			if pt, org := r.lx.headCue[c.run[len(c.run)-2].text]; org && pt == article.TypeOrg {
				t = article.TypeOrg
			}
		}
		return classResult{typ: t, ev: evRule}, ok
	}},
	// "Imperial College London", "Vardon University Dubai": a known city
	// or country after an organisation's head word, in a name of three
	// words or more, names the body (or its campus there), not the place.
	{"head_then_place", func(r *Recognizer, c *classCtx) (classResult, bool) {
		n := len(c.run)
		if n < 3 || !r.knownPlace(c.last) || r.lx.firstName(c.run[0].text) {
			return classResult{}, false
		}
		if t, ok := r.lx.headCue[c.run[n-2].text]; !ok || t != article.TypeOrg {
			return classResult{}, false
		}
		return classResult{typ: article.TypeOrg, ev: evRule}, true
	}},
	// "Bloor Street West", "Leeds West", "Kisumu Central": a compass
	// point (or "Central", as constituencies and districts are named) after a head
	// word or a known place names a part of it, of the same type.
	{"compass_after", func(r *Recognizer, c *classCtx) (classResult, bool) {
		n := len(c.run)
		if n < 2 || r.lx.firstName(c.run[0].text) { // "Austin West", "Lincoln West": a person's
			return classResult{}, false
		}
		if !compassWord(c.last) {
			return classResult{}, false
		}
		if n >= 3 {
			if t, ok := r.lx.headCue[c.run[n-2].text]; ok && t != typeNone {
				return classResult{typ: t, ev: evRule}, true
			}
		}
		if e, ok := r.lx.lookup(joinText(c.run[:n-1])); ok && e.typ == article.TypeGPE {
			return classResult{typ: article.TypeGPE, ev: evRule}, true
		}
		return classResult{}, false
	}},
	// "University of Miami": the first word of "X of Y" says the type.
	{"lead_cue", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) < 2 {
			return classResult{}, false
		}
		t, ok := r.lx.leadCue[c.run[0].text]
		return classResult{typ: t, ev: evRule}, ok && hasWord(c.run, "of")
	}},
	// "Centre for Study of ...", "Council on Arab-Nordic Trade": an
	// organisation word with its complement.
	{"org_complement", func(r *Recognizer, c *classCtx) (classResult, bool) {
		for k := 0; k+1 < len(c.run); k++ {
			if t, ok := r.lx.headCue[c.run[k].text]; ok && t == article.TypeOrg {
				switch w := c.run[k+1].text; {
				case w == "to": // "Committee to Protect Journalists" (to_cause)
					return classResult{typ: t, ev: evRule}, true
				case k > 0 && (w == "of" || w == "for" || w == "on"):
					return classResult{typ: t, ev: evRule}, true
				}
			}
		}
		return classResult{}, false
	}},
	// "Procter & Gamble", "Simon & Schuster": names joined by an ampersand
	// are a firm's or a group's, whatever given names they hold (known
	// places such as "Trinidad & Tobago" are typed before).
	// (One word on each side, a designator after them allowed: "Tiffany
	// & Co."; not a phrase such as "Web & App Activity".)
	{"ampersand_org", func(r *Recognizer, c *classCtx) (classResult, bool) {
		n := len(c.run)
		// ("Michael Best & Friedrich", "Harlan Best & Rudolph": a partner's
		// full name before the ampersand, one name after it, is a firm's.)
		if n == 4 && c.run[2].text == "&" && isCap(c.run[0].text) && isCap(c.run[1].text) && isCap(c.run[3].text) &&
			r.lx.firstName(c.run[0].text) && !r.knownPlace(c.run[3].text) && !isAcronym(c.run[3].text) {
			return classResult{typ: article.TypeOrg, ev: evRule}, true
		}
		if n < 3 || n > 4 || c.run[1].text != "&" || !isCap(c.run[0].text) || !isCap(c.run[2].text) || n == 4 && !r.lx.designators[c.run[3].text] {
			return classResult{}, false
		}
		// ("Privacy & Security", "Light & Temperature": two common nouns
		// head a page's section; "FB & IG": abbreviations.)
		// ("Hale & Sons", "Lowe & Partners": a family's or partners' firm.)
		if n == 3 && r.lx.partnerWords[c.run[2].text] {
			return classResult{typ: article.TypeOrg, ev: evRule}, true
		}
		if r.lx.common[strings.ToLower(c.run[0].text)] && r.lx.common[strings.ToLower(c.run[2].text)] || isAcronym(c.run[0].text) || isAcronym(c.run[2].text) {
			return classResult{}, false
		}
		// ("Bosnia & Herzegovina": places the lists know apart.)
		if r.knownPlace(c.run[0].text) || r.knownPlace(c.run[2].text) {
			return classResult{}, false
		}
		return classResult{typ: article.TypeOrg, ev: evRule}, true
	}},
	// "El Tiempo", "La Presse", "Der Tagesspiegel": a definite article of
	// another language before one or two capitalised words that no list
	// knows is a newspaper's or a firm's name, whatever person prose reads
	// (known names, "Los Angeles", were typed above).
	{"foreign_article", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) < 2 || len(c.run) > 3 || !r.lx.foreignArticles[c.run[0].text] || c.vote() != article.TypePerson {
			return classResult{}, false
		}
		for _, t := range c.run[1:] {
			if !isCap(t.text) || r.lx.firstName(t.text) || r.knownForm(t.text) {
				return classResult{}, false
			}
		}
		return classResult{typ: article.TypeOrg, ev: evProse}, true
	}},
	// ("Marine Traffic", "Rose Garden": a given name that is an English
	// word before an English word that is no surname names no person.)
	{"given_name", func(r *Recognizer, c *classCtx) (classResult, bool) {
		ok := len(c.run) > 1 && r.lx.firstName(c.run[0].text) && !r.wordsNoPerson(c.run)
		return classResult{typ: article.TypePerson, ev: evRule}, ok
	}},
	// "J.D. Salinger", "H.G. Wells": a person's initials written together
	// before one surname (not a place's letters, "U.S. Navy", "N.Y.
	// Giants"; nor a body's head after them, "A.C. Milan Stadium"). Only
	// prose's strength: a context that makes the name a company's ("shares
	// of J.P. Morgan") still decides, and longer names ("R.J. Reynolds
	// Tobacco") are left to the other rules.
	{"initials_surname", func(r *Recognizer, c *classCtx) (classResult, bool) {
		first := c.run[0].text
		if len(c.run) != 2 || !dottedInitials(first) || strings.HasPrefix(first, "U.S.") {
			return classResult{}, false
		}
		if bare := strings.ReplaceAll(first, ".", ""); r.lx.postal[bare] != "" || bare == "HM" || r.knownForm(first) || r.knownForm(bare) {
			return classResult{}, false
		}
		if t := c.run[1].text; !isCap(t) || isAcronym(t) || r.placeOrOrgHead(t) || r.lx.nonNames[t] {
			return classResult{}, false
		}
		return classResult{typ: article.TypePerson, ev: evProse}, true
	}},
	// "Ziad al-Sharabi", "Hamid bin Khalid": a name ending in an Arabic
	// surname particle is a person's (places are in the gazetteer).
	{"particle_surname", func(r *Recognizer, c *classCtx) (classResult, bool) {
		n := len(c.run)
		if n < 2 || n > 4 || r.lx.common[strings.ToLower(c.run[0].text)] || r.knownForm(c.run[0].text) {
			return classResult{}, false
		}
		last, prev := c.run[n-1].text, c.run[n-2].text
		arabic := func(p string) bool { return p == "al" || p == "el" }
		patronym := func(p string) bool { return p == "bin" || p == "ibn" || p == "bint" }
		i := strings.IndexByte(last, '-')
		ok := i > 0 && arabic(last[:i]) && i+1 < len(last) && isCap(last[i+1:]) || n >= 3 && patronym(prev)
		return classResult{typ: article.TypePerson, ev: evRule}, ok
	}},
	// "Park Ji-hoon", "Tsai Ing-wen": a one-syllable family name before a
	// given name of two syllables joined by a hyphen, as Korean and
	// Taiwanese names are romanised, is a person's (not a Korean
	// district's suffix: "Gangnam-gu", "Jeju-do").
	{"hyphenated_given", func(r *Recognizer, c *classCtx) (classResult, bool) {
		ok := len(c.run) == 2 && familyNameShape(c.run[0].text) && syllablePair(c.run[1].text)
		return classResult{typ: article.TypePerson, ev: evRule}, ok
	}},
	// "CEO", "GMT", "HTML", "XVII", shouted "UNLESS": not names; other
	// acronyms are organisations.
	{"acronym", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if !isAcronym(c.text) {
			return classResult{}, false
		}
		// ("C.E.O.", "H.I.V.": dotted as some papers write them.)
		if r.lx.acronyms[c.text] || r.lx.acronyms[strings.ReplaceAll(c.text, ".", "")] || isRoman(c.text) || len(c.text) >= 4 && r.lx.common[strings.ToLower(c.text)] {
			return noType, true
		}
		return classResult{typ: article.TypeOrg, ev: evProse}, true
	}},
	// "the Committee", "the Cathedral": a cue word alone refers back to a
	// name; "Commerce", "Central": a lone common English word is no name on
	// prose's word (a known one, "Apple", is in the gazetteer).
	{"common_word_alone", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) != 1 || c.vote() == "" { // no label: no type anyway
			return classResult{}, false
		}
		_, cue := r.lx.headCue[c.text]
		return noType, cue || r.lx.common[strings.ToLower(c.text)] && !r.lx.firstName(c.text)
	}},
	// "MicroMega": prose's PERSON on a camel-case word is a brand; so is
	// its GPE, which it gives such a word that opens a sentence ("JetBlue
	// cancelled 40 flights"; places the lists know were typed above).
	{"camel_brand", func(r *Recognizer, c *classCtx) (classResult, bool) {
		v := c.vote()
		ok := len(c.run) == 1 && (v == article.TypePerson && camelCase(c.text, r.lx.particles) || v == article.TypeGPE && r.brandShape(c.text))
		return classResult{typ: article.TypeOrg, ev: evProse}, ok
	}},
	// "SNC-Lavalin", "JBS-Friboi": one word of an acronym and a capitalised
	// name joined by a hyphen, neither a place nor a people, is a company's
	// (not "US-Iran", "UK-Irish": hyphenParts finds those).
	{"acronym_hyphen", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) != 1 || c.vote() == article.TypeNORP {
			return classResult{}, false
		}
		a, b, ok := strings.Cut(c.text, "-")
		// (A word after the hyphen in plain title case: "OSIRIS-REx" is a
		// probe's name.)
		if !ok || strings.Contains(b, "-") || len(a) < 2 || !isAcronym(a) || strings.Contains(a, ".") || utf8.RuneCountInString(b) < 3 || !isCap(b) ||
			strings.IndexFunc(b[1:], func(c rune) bool { return !unicode.IsLower(c) }) >= 0 {
			return classResult{}, false
		}
		if _, known := r.lx.lookup(a); known {
			return classResult{}, false
		}
		if _, known := r.lx.lookup(b); known || r.isNORP(b) || r.lx.common[strings.ToLower(b)] {
			return classResult{}, false
		}
		return classResult{typ: article.TypeOrg, ev: evProse}, true
	}},
	// "UC Davis", "PLoS One": a name led by an acronym or a mixed-case word
	// that prose calls a person is an organisation's (initials of a person
	// are written with periods: "J.R. Smith").
	// ("KELLY Osbourne has blasted": a tabloid's opening words in capitals;
	// a given name so written, of four letters or more, is still one.)
	{"acronym_led", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) < 2 || c.vote() != article.TypePerson || r.lx.firstName(c.run[0].text) {
			return classResult{}, false
		}
		// ("MORGAN Stanley has cut": the lists know the name in title
		// case as a body's.)
		if first := capsName(c.run[0].text); first != "" {
			if typ, _, ok := r.lx.known(first + " " + joinText(c.run[1:])); ok && typ == article.TypeOrg {
				return classResult{typ: article.TypeOrg, ev: evProse}, true
			}
			if r.lx.firstName(first) {
				return classResult{}, false
			}
		}
		w := c.run[0].text
		ok := len(w) >= 2 && (isAcronym(w) && !strings.Contains(w, ".") || camelCase(w, r.lx.particles))
		return classResult{typ: article.TypeOrg, ev: evProse}, ok
	}},
	// "Hitwise UK": a company's national arm, not a person.
	// "Greenpeace New Zealand", "Oxfam Canada": so is one unknown word that
	// is no common word, given name or nationality before a country's name.
	// "Transport Canada", "Police Scotland", "Health Canada": a public
	// service's field (agencyfield in wordsets.txt) before a country's
	// or a nation's name is that country's agency.
	{"field_country", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) != 2 || r.knownForm(c.text) {
			return classResult{}, false
		}
		return classResult{typ: article.TypeOrg, ev: evRule}, r.fieldCountry(c.run)
	}},
	{"national_arm", func(r *Recognizer, c *classCtx) (classResult, bool) {
		// "Athletics Kenya", "Radio Canada": so is an organisation's head word.
		if len(c.run) >= 2 && r.countryStart(c.run[1].text) && r.lx.country(joinText(c.run[1:])) &&
			(r.unknownWord(c.run[0].text) || r.knownOrg(c.run[0].text) || r.orgHeadWord(c.run[0].text)) {
			return classResult{typ: article.TypeOrg, ev: evProse}, true
		}
		if c.vote() != article.TypePerson || len(c.run) < 2 {
			return classResult{}, false
		}
		e, ok := r.lx.lookup(c.last)
		return classResult{typ: article.TypeOrg, ev: evProse}, ok && e.typ == article.TypeGPE && isAcronym(c.last)
	}},
	// "Food Standards Australia": a body named after a place.
	{"body_of_place", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if c.vote() != article.TypeGPE || len(c.run) < 3 || !r.lx.common[strings.ToLower(c.run[0].text)] || r.lx.compass[c.run[0].text] {
			return classResult{}, false
		}
		for _, t := range c.run[1:] {
			if e, ok := r.lx.lookup(t.text); ok && e.typ == article.TypeGPE {
				return classResult{typ: article.TypeOrg, ev: evProse}, true
			}
		}
		return classResult{}, false
	}},
	// "Civic Platform", "Pillow Talk": prose's PERSON on common words;
	// "Google Chrome", "IE6": products of known makers, model numbers.
	{"person_not_name", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if c.vote() != article.TypePerson || r.lx.firstName(c.run[0].text) {
			return classResult{}, false
		}
		e, known := r.lx.lookup(c.run[0].text)
		// (A place only the generated lists know may be a given name:
		// "Kumi Naidoo".)
		known = known && !(e.weak && len(c.run) >= 2 && r.surnameLike(c.last))
		if !known && len(c.run) == 2 && r.lx.givenWords[c.run[0].text] && !r.lx.storms[c.run[0].text] && r.surnameLike(c.last) {
			return classResult{}, false // "Rock Hudson", "Park Joo-Ho": a given name that is also a word
		}
		return noType, r.lx.common[strings.ToLower(c.run[0].text)] || known || strings.ContainsAny(c.text, "0123456789")
	}},
	// "the Russian State Duma", "the Kenyan Cabinet Office": a people's
	// word before a body the lists know names that body of that people,
	// whatever prose guessed (as "Kenyan Senate" is one name).
	{"people_known_org", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if len(c.run) < 2 || !r.isNORP(c.run[0].text) {
			return classResult{}, false
		}
		typ, _, ok := r.lx.known(joinText(c.run[1:]))
		return classResult{typ: article.TypeOrg, ev: evProse}, ok && typ == article.TypeOrg
	}},
	// "Abu Dhabi Media", "Muslim Mindanao": a place or a people in a name
	// that no given name starts is no person's name.
	{"person_place_word", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if c.vote() != article.TypePerson || len(c.run) < 2 || r.lx.firstName(c.run[0].text) {
			return classResult{}, false
		}
		return noType, r.placeInName(c.run)
	}},
	// prose calls many lone capitalised words GPE ("Stage", "Trump"); a lone
	// unknown word is a place only where it stands like one (placeRules).
	{"lone_gpe", func(r *Recognizer, c *classCtx) (classResult, bool) {
		return noType, c.vote() == article.TypeGPE && len(c.run) == 1
	}},
	// "Group F": prose's place on a name with an organisation word.
	{"gpe_org_word", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if c.vote() != article.TypeGPE {
			return classResult{}, false
		}
		for _, t := range c.run {
			if cue, ok := r.lx.headCue[t.text]; ok && cue == article.TypeOrg {
				return classResult{typ: article.TypeOrg, ev: evProse}, true
			}
		}
		return classResult{}, false
	}},
	// "Nasima Akter", "Sipho Nkosi": prose's place on a name of two or
	// three unknown words with no place word in it is most often a person
	// it has not seen; places of several words are known or carry a cue.
	{"unknown_place_person", func(r *Recognizer, c *classCtx) (classResult, bool) {
		if c.vote() != article.TypeGPE || len(c.run) < 2 || len(c.run) > 3 || r.hasCue(c.run) || r.placeInName(c.run) || c.afterPlacePrep {
			return classResult{}, false // ("in Kampong Cham": where a place stands)
		}
		for _, t := range c.run {
			if r.lx.common[strings.ToLower(t.text)] || r.isParticle(t.text) || r.knownForm(t.text) || r.lx.compass[t.text] ||
				strings.IndexFunc(t.text, func(c rune) bool { return !unicode.IsLetter(c) && c != '-' }) >= 0 {
				return classResult{}, false
			}
		}
		return classResult{typ: article.TypePerson, ev: evProse}, true
	}},
	// "Golden Lion", "Golden Globe": a prize or a trophy is no entity,
	// whatever prose calls it.
	{"golden_prize", func(r *Recognizer, c *classCtx) (classResult, bool) {
		return noType, len(c.run) == 2 && c.run[0].text == "Golden" && r.lx.goldenPrizes[c.last]
	}},
	// "Labor Day", "Bastille Day": a day's name is no entity, whatever
	// prose calls it or a body inside it ("Doris Day" has a given name).
	{"day_name", func(r *Recognizer, c *classCtx) (classResult, bool) {
		return noType, len(c.run) >= 2 && c.last == "Day" && !r.lx.firstName(c.run[0].text) && !c.titled
	}},
	// "Velmar Biology", "Orvane Safety", "Kelburn Farmers": prose's person
	// on a name whose first word is no given name and whose last is a
	// plain English word no one bears as a surname (the 1990 US Census
	// list: "Rice", "Bush" are surnames) is an organisation's, when that
	// word is a plural or an abstract noun by its ending ("-ogy", "-ety",
	// "-ment"): a surname that is also a word is most often a concrete
	// noun ("Holger Rune", "Rishabh Pant", "Kimbal Musk").
	// (A plural the census has only as a rare surname, outside its 2,000
	// most frequent, is the word: "Baltavia Ferries", "Gull Books"; not
	// "Woods", "Banks", "Brooks".)
	{"word_not_surname", func(r *Recognizer, c *classCtx) (classResult, bool) {
		n := len(c.run)
		if c.vote() != article.TypePerson || c.titled || n < 2 || n > 3 {
			return classResult{}, false
		}
		first, last := c.run[0].text, strings.ToLower(c.last)
		if r.lx.firstName(first) || r.lx.givenWords[first] || r.isParticle(first) || !r.wordNoSurname(last) || !isCap(c.last) || isRoman(c.last) {
			return classResult{}, false
		}
		for _, t := range c.run[1 : n-1] {
			if r.isParticle(t.text) || !isCap(t.text) {
				return classResult{}, false
			}
		}
		return classResult{typ: article.TypeOrg, ev: evProse}, true
	}},
	// "Znak.com", "UOL.com.br": a name written as a web address is the
	// site's, an organisation (news sites, platforms, companies).
	{"web_address", func(r *Recognizer, c *classCtx) (classResult, bool) {
		return classResult{typ: article.TypeOrg, ev: evRule}, len(c.run) == 1 && webAddressRe.MatchString(c.text)
	}},
	// Prose's own label is kept for a person only. Measured over every
	// development set (stop 37), on names no rule before this one typed,
	// its person was right 154 times in 172, its organisation 28 in 73 and
	// its place 6 in 30: an entity typed at under half precision costs F1,
	// so those names stay untyped unless resolution or context types them.
	{"prose_label", func(r *Recognizer, c *classCtx) (classResult, bool) {
		best := c.vote()
		noPerson := best == article.TypePerson && r.wordsNoPerson(c.run)
		// ("Oculus VR": what prose took for a person's name closes on an
		// acronym no person's does, a body's.)
		if noPerson && isAcronym(c.last) {
			return classResult{typ: article.TypeOrg, ev: evProse}, true
		}
		return classResult{typ: best, ev: evProse}, best == article.TypePerson && !noPerson
	}},
}

// classify types a name with the first classifying rule that decides, and
// names that rule ("" when none did: shape alone, typed only by resolution).
func (r *Recognizer) classify(run []token, text string, titled, afterPlacePrep, afterThe, afterCapThe bool, c *classCtx) (classResult, string) {
	*c = classCtx{run: run, text: text, titled: titled, afterPlacePrep: afterPlacePrep, afterThe: afterThe, afterCapThe: afterCapThe, last: run[len(run)-1].text}
	for _, rule := range classRules {
		if res, ok := rule.fn(r, c); ok {
			return res, rule.name
		}
	}
	return noType, ""
}

// adjectivalPlaceWord reports a word shaped like an adjective of a place
// or a people by its English ending ("Cumbrian", "Cornish", "Maltese"):
// "the Cumbrian village" names no village. (A known place so shaped,
// "Dalian", is typed by the lists before this.)
func adjectivalPlaceWord(w string) bool {
	for _, sfx := range []string{"ian", "ean", "ese", "ish"} {
		if strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}

// placeCtx is what the context rules see: the mention and the tokens of its
// unit, the name being toks[i:j].
type placeCtx struct {
	m    *mention
	text string // the tagged text the offsets point into
	toks []token
	i, j int
}

// placeRule is one named step of the context chain: it retypes the mention
// and reports true when its context decides the type.
type placeRule struct {
	name string
	fn   func(r *Recognizer, c placeCtx) bool
}

// placeRules type a name by the words around it, after classRules; the first
// that fires wins.
var placeRules = []placeRule{
	// "died of Parkinson's disease", "Moore's law": a name in the name of a
	// disease or a law is no entity.
	{"eponym", func(r *Recognizer, c placeCtx) bool {
		m, toks, j := c.m, c.toks, c.j
		// (One word only, as diseases and laws are named: "Donald Trump's
		// law" is his; nor "law school", "law enforcement".)
		if len(m.words) != 1 || j+1 >= len(toks) || toks[j].text != "'s" && toks[j].text != "’s" || !r.lx.eponymNouns[toks[j+1].text] || m.ev >= evGaz && m.typ != article.TypePerson ||
			j+2 < len(toks) && strings.HasPrefix(toks[j+2].tag, "NN") && !isCap(toks[j+2].text) {
			return false
		}
		m.typ, m.canon, m.ev = "", "", evGaz
		return true
	}},
	// "The Minister of National Security, Tom Vale,": a portfolio after a
	// person's title and "of" or "for" names no body of its own (the
	// ministry would): common words that prose called an organisation or
	// left untyped. A place stays ("the Governor of Lamu").
	{"title_portfolio", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if m.ev > evProse || m.typ != article.TypeOrg && m.typ != "" || i < 2 || toks[i-1].text != "of" && toks[i-1].text != "for" {
			return false
		}
		if !isCap(toks[i-2].text) || !r.lx.titles[strings.ToLower(toks[i-2].text)] {
			return false
		}
		// (A portfolio is named in common words; "the CEO of Dravenko"
		// names the company.)
		for _, w := range m.words {
			if !r.lx.common[strings.ToLower(w)] {
				return false
			}
		}
		m.typ, m.canon, m.ev = "", "", evGaz
		return true
	}},
	// "Mineral Resources Minister Gwede Mantashe": common words before a
	// title and a name are the title's portfolio, no name of their own.
	{"portfolio_before_title", func(r *Recognizer, c placeCtx) bool {
		m, toks, j := c.m, c.toks, c.j
		// (Only the titles of a government's portfolios: "Broken Hill
		// Mayor" names a town.)
		if m.ev > evProse || j+1 >= len(toks) || !isCap(toks[j+1].text) {
			return false
		}
		switch toks[j].text {
		case "Minister", "Secretary", "Commissioner":
		default:
			return false
		}
		if _, _, known := r.lx.known(m.text); known {
			return false
		}
		for _, w := range m.words {
			if !r.lx.common[strings.ToLower(w)] || r.knownForm(w) {
				return false
			}
		}
		m.typ, m.canon, m.ev = "", "", evGaz
		return true
	}},
	// "personal protective equipment (PPE)", "a fast radio burst (FRB)":
	// letters that spell the lower-case words before their brackets
	// abbreviate a common noun, no name.
	{"common_expansion", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if len(m.words) != 1 || i < 3 || j >= len(toks) || toks[i-1].text != "(" || toks[j].text != ")" {
			return false
		}
		w := m.words[0]
		if pluralAcronym(w) {
			w = w[:len(w)-1]
		}
		if !isAcronym(w) || strings.Contains(w, ".") || !spellsBefore(toks[:i-1], w) {
			return false
		}
		m.typ, m.canon, m.ev, m.abbrev = "", "", evGaz, true
		return true
	}},
	// "the Duke of Edinburgh", "Meghan, Duchess of Sussex": the place of a
	// noble title names the title, no place of the story; and a given name
	// the title follows is its holder's.
	{"noble_title", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if i >= 2 && toks[i-1].text == "of" && nobleTitle(toks[i-2].text) && (m.typ == article.TypeGPE || m.typ == article.TypeLoc || m.typ == "" || m.ev <= evProse) {
			m.typ, m.canon, m.ev = "", "", evGaz
			return true
		}
		if len(m.words) == 1 && r.lx.firstName(m.words[0]) && j+2 < len(toks) && toks[j].text == "," && nobleTitle(toks[j+1].text) && toks[j+2].text == "of" {
			m.typ, m.ev = article.TypePerson, evRule
			return true
		}
		return false
	}},
	// "issued in French and English", "she speaks English", "English
	// language tests": a nationality's word naming a language is no
	// group of people.
	{"language_use", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		// (Only a word ISO 639 has as a language's name: "in Islam", "in
		// Christianity" are in a faith.)
		if len(m.words) != 1 || m.typ != article.TypeNORP || !r.lx.languages[m.text] || !r.languageAt(toks, i, j) {
			return false
		}
		m.typ, m.canon, m.ev = "", "", evGaz
		return true
	}},
	// "Hartford, CT": a postal code after a place and a comma is the state.
	{"postal_code", func(r *Recognizer, c placeCtx) bool {
		s, ok := r.postalState(c, c.m.text, true)
		if !ok || c.i < 2 || c.toks[c.i-1].text != "," || !isCap(c.toks[c.i-2].text) {
			return false
		}
		// ("Ana Ruiz, MD, said": letters after a person's name are a
		// degree, not a state.)
		k := c.i - 2
		for k > 0 && isCap(c.toks[k-1].text) {
			k--
		}
		if k < c.i-2 && r.lx.firstName(c.toks[k].text) && !r.lx.townOrCity(joinText(c.toks[k:c.i-1])) {
			return false
		}
		c.m.typ, c.m.canon, c.m.ev = article.TypeGPE, s, evGaz
		return true
	}},
	// "Sen. Ana Lind (R-Mo.)", "Ana Lind, D-Calif., said", "Reps. Ana
	// Lind (Ill.) and": a state in a legislator's party-and-state tag.
	{"state_tag", func(r *Recognizer, c placeCtx) bool {
		m := c.m
		if m.ev >= evGaz || len(m.words) != 1 || c.i < 2 {
			return false
		}
		code, party := m.text, ""
		if len(code) > 2 && code[1] == '-' && strings.ContainsRune("RDI", rune(code[0])) {
			code, party = code[2:], code[:2]
		}
		// Without a party letter only a dotted form (`(Ill.)`, `(N.Y.)`): a
		// bare pair of capitals in brackets is an acronym (`the Press
		// Association (PA)`) or a degree (`Ana Lind (MD)`).
		s, ok := r.postalState(c, code, party != "")
		if !ok {
			return false
		}
		// Right after a capitalised name: in brackets, or set off by
		// commas with its party.
		open := c.toks[c.i-1].text
		if !isCap(c.toks[c.i-2].text) || !(open == "(" || open == "," && party != "") {
			return false
		}
		if party != "" {
			m.start += len(party)
			m.text = code
			m.words = []string{code}
		}
		m.typ, m.canon, m.ev = article.TypeGPE, s, evGaz
		return true
	}},
	// "the Umbrella for Democratic Change, led by Duma Boko,": a name
	// that someone leads is an organisation's (a party, a group, a team),
	// not a person's or a place's.
	{"led_by", func(r *Recognizer, c placeCtx) bool {
		m := c.m
		// ("an investigation at Bradley Airport, led by ...": a place's name
		// before it is where, not who.)
		if m.ev >= evGaz || m.typ != "" && m.typ != article.TypeOrg && m.typ != article.TypePerson || !ledBy(c.toks, c.j) || m.typ == article.TypePerson && r.lx.firstName(m.words[0]) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "The 52-year-old, who leads Fianna Fáil, ...": the object of a verb
	// of leading or founding is a body, not a person, unless a list knows
	// it as a place ("who leads Peru" keeps the country).
	{"leads_object", func(r *Recognizer, c placeCtx) bool {
		m := c.m
		if m.ev >= evGaz || c.i == 0 || !r.lx.leadVerbs[c.toks[c.i-1].text] || m.typ != "" && m.typ != article.TypePerson && m.typ != article.TypeOrg {
			return false
		}
		if c.j < len(c.toks) {
			switch c.toks[c.j].text {
			case "'s", "’s", "by", "in", "on", "at", "with":
				// "who heads Ada Brook's office"; "Vale leads Ana Ruiz by
				// two points", "heads Tom Berg in the rankings": a contest.
				return false
			}
		}
		// A given name first is a person's, except after "who": "the
		// 52-year-old, who leads Fianna Fáil".
		if r.lx.firstName(m.words[0]) && (c.i < 2 || c.toks[c.i-2].text != "who") {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "the Boeing 737 MAX", "a 797 XL": capitals after a model number name
	// a product's version, no entity; a name the lists know keeps its type
	// ("the 27 EU members").
	{"model_version", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if m.ev >= evGaz || !isAcronym(m.text) || i < 2 || !allDigits(toks[i-1].text) || isYear(toks[i-1].text) {
			return false // "the 2019 IAAF World Championships": a year
		}
		// ("its 737 MAX fleet", "Boeing's 737 MAX": so after a possessive.)
		if w := toks[i-2].text; w != "the" && w != "The" && w != "a" && w != "A" && !ownerWord(w) && (!isCap(w) || toks[i-2].initial) {
			return false
		}
		m.typ, m.ev = "", evRule
		return true
	}},
	// "the novel Angel Catbird", "the game Arkham Rising": a title after a
	// kind of work is a work's, no entity, whatever prose guessed; a name
	// the lists know keeps its type ("the film Paris").
	{"work_before", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if m.ev >= evGaz || i == 0 || !r.lx.workKinds[toks[i-1].text] || !r.kindNoun(toks, i-1) {
			return false
		}
		m.typ, m.ev = "", evRule
		return true
	}},
	// "Arkham Rising, a video game from 2015": a name described after a
	// comma as a kind of work (the kind ending its phrase: "a film
	// director" is a person) is a work's.
	{"work_after", func(r *Recognizer, c placeCtx) bool {
		if c.m.ev >= evGaz || c.m.typ == article.TypePerson && c.m.ev > evProse || r.lx.firstName(c.m.words[0]) || !describedAs(c.toks, c.j, r.lx.workKinds, nil, nil) {
			return false
		}
		c.m.typ, c.m.ev = "", evRule
		return true
	}},
	// "Coloradans", "Hongkongers", "Catalonian leaders": one word that
	// names the people of a known place by an English demonym ending; a
	// singular form only before a noun or an adjective ("Hollander said"
	// is a surname); not a given name or a common word.
	{"place_demonym", func(r *Recognizer, c placeCtx) bool {
		m, toks, j := c.m, c.toks, c.j
		if m.ev > evProse || len(m.words) > 2 || r.lx.firstName(m.words[0]) || len(m.words) == 1 && r.lx.common[strings.ToLower(m.text)] {
			return false
		}
		if !strings.HasSuffix(m.text, "s") && (j >= len(toks) || isCap(toks[j].text) || !(strings.HasPrefix(toks[j].tag, "NN") || toks[j].tag == "JJ")) {
			return false
		}
		// "British Columbians": two words name the people of a place of two.
		if e, ok := r.lx.demonymPlace(m.text); !ok || len(m.words) == 2 && strings.Count(e.canonical, " ") != 1 {
			return false
		}
		m.typ, m.ev = article.TypeNORP, evRule
		return true
	}},
	// "Chama Cha Mapinduzi (CCM)": a name of two words or more that the
	// acronym in brackets after it spells is an organisation's; people
	// have no acronyms.
	{"spelled_acronym", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if m.ev > evProse || m.typ != "" && m.typ != article.TypePerson || len(m.words) < 2 || j+2 >= len(toks) ||
			toks[j].text != "(" || toks[j+2].text != ")" || !isAcronym(toks[j+1].text) || r.lx.firstName(m.words[0]) {
			return false
		}
		if !initialsMatch(toks[i:j], toks[j+1].text) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "his wife Mary", "her mother, Anwar,", "their children Ana and
	// Tom": a one-word name right after a kin noun is a person's given
	// name, over a generated list's town.
	{"kin_given", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if len(m.words) != 1 || m.typ == article.TypePerson && m.ev >= evRule || m.ev >= evGaz && !m.weak || m.typ == article.TypeNORP || i == 0 {
			return false
		}
		if !r.lx.firstName(m.words[0]) && !r.unknownWord(m.words[0]) && !m.weak {
			return false
		}
		// ("Her husband, Goldman banker Tom Reed": a name before a noun
		// modifies it.)
		if !r.afterKin(toks, i) || c.j < len(toks) && !isCap(toks[c.j].text) && strings.HasPrefix(toks[c.j].tag, "NN") {
			return false
		}
		m.typ, m.ev, m.canon, m.weak = article.TypePerson, evRule, "", false
		return true
	}},
	// "landed on the Moon": a place the lists leave out for the surname it
	// also is (theloc in wordsets.txt) is that place after "the".
	{"the_place", func(r *Recognizer, c placeCtx) bool {
		m := c.m
		if len(m.words) != 1 || !m.the || !r.lx.theLocs[m.text] || c.j < len(c.toks) && isCap(c.toks[c.j].text) {
			return false
		}
		// ("the Moon administration": the surname's government.)
		if c.j < len(c.toks) && r.lx.govNouns[strings.ToLower(c.toks[c.j].text)] {
			return false
		}
		m.typ, m.ev, m.canon = article.TypeLoc, evRule, ""
		return true
	}},
	// "at the Rose Bowl in", "chairs the Valley Growers' Forum.": English
	// gives a person's name no "the" (a title or an age comes between:
	// "the late Ann Roe", "the 45-year-old Ann Roe"), so a name that "the"
	// opens and no noun follows is a place after "at the", else a body,
	// whatever a given name or prose made of it. ("the Trump
	// administration", "the Roe family": a name before a noun modifies it.)
	{"the_name", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, mentionStart(c), c.j
		// ("the H.W. Varga": initials written together are a person's.)
		if m.typ != article.TypePerson || m.ev > evRule || m.title != "" || !m.the || m.modifier || i < 1 || j < len(toks) && possessiveMark(toks[j].text) ||
			len(m.words) > 1 && dottedInitials(m.words[0]) {
			return false
		}
		m.typ, m.ev, m.canon = article.TypeOrg, evRule, ""
		if i >= 2 && venuePrep(toks[i-2].text) && !r.lx.publication[m.words[len(m.words)-1]] {
			m.typ = article.TypeFac
		}
		return true
	}},
	// "analysts at Morgan Stanley", "an economist at Goldman Sachs": a
	// name after a job noun and "at" is the employer, whatever a given
	// name in it suggested (people are not where one works).
	{"employer_at", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, mentionStart(c)
		// (One word only on prose's guess: "analysts at Jefferies".)
		one := len(m.words) == 1 && m.ev <= evProse && !r.lx.firstName(m.words[0])
		if m.typ != article.TypePerson || m.ev > evRule || m.title != "" || len(m.words) < 2 && !one || i < 2 || toks[i-1].text != "at" || isCap(toks[i-2].text) && !toks[i-2].initial ||
			c.j < len(toks) && possessiveMark(toks[c.j].text) {
			return false
		}
		w := strings.TrimSuffix(strings.ToLower(toks[i-2].text), "s")
		if !r.lx.personNouns[w] || r.lx.kinNouns[w] || w == "friend" || w == "neighbour" || w == "neighbor" || w == "guest" || w == "visitor" {
			return false
		}
		m.typ, m.ev, m.canon = article.TypeOrg, evRule, ""
		return true
	}},
	// "a reporter for Breitbart Tech", "a columnist for Kestrel Weekly": a
	// name only prose typed after a newsroom job and "for" is the outlet
	// the job is done for (a lawyer or a spokesman may work for a person).
	{"newsroom_for", func(r *Recognizer, c placeCtx) bool {
		m, toks := c.m, c.toks
		if m.ev > evProse || m.typ == article.TypeNORP {
			return false
		}
		i := mentionStart(c)
		if i < 2 || toks[i-1].text != "for" || r.lx.firstName(m.words[0]) || r.knownPlace(m.text) {
			return false
		}
		switch strings.TrimSuffix(toks[i-2].text, "s") {
		case "reporter", "correspondent", "columnist", "editor", "writer", "journalist", "contributor", "commentator", "photographer", "critic":
		default:
			return false
		}
		m.typ, m.ev, m.canon = article.TypeOrg, evRule, ""
		return true
	}},
	// "Jaish Tariq, a militant group,", "Ansar al-Sharia, an
	// al-Qaeda-linked organization": a name that only a given name in it
	// made a person's, described by "a" and a kind of organisation that is
	// no person's trade ("a group", not "a publisher"), is an organisation's.
	{"given_name_kind_after", func(r *Recognizer, c placeCtx) bool {
		m := c.m
		if m.typ != article.TypePerson || m.ev != evRule || m.title != "" || len(m.words) < 2 || !r.lx.firstName(m.words[0]) {
			return false
		}
		k := describedAsAt(c.toks, c.j, r.lx.orgKinds, r.kindModifier, r.tradeKind)
		if k < 0 || r.tradeKind(c.toks[k].text) {
			return false
		}
		m.typ, m.ev, m.canon = article.TypeOrg, evRule, ""
		return true
	}},
	// "Jiyeon Church, a nurse,", "The mayor of Paris, Zanele Park,",
	// "Zanele Park of the University of Geneva told": a word no list knows
	// and a frequent surname that also heads the names of buildings or
	// bodies (surnameHeadName), with a person's description or an age set
	// off beside it or the body one works for after it, is a person's
	// name, whatever the head word made of it.
	{"surname_head_apposition", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if len(m.words) != 2 || m.typ == article.TypePerson || !r.surnameHeadName(m.text) {
			return false
		}
		after := j+1 < len(toks) && toks[j].text == "," && (r.personApposition(toks, j+1) || ageAfter(c.text, toks[j-1].end))
		// ("Zanele Park of the University of Geneva told": of the body one
		// works for, saying; personBeforeOf. Not a hall of a university.)
		employer := r.employerSays(toks, j)
		if !after && !employer && !(j < len(toks) && toks[j].text == "," && r.roleBeforeComma(toks, i-1)) {
			return false
		}
		m.typ, m.ev, m.canon = article.TypePerson, evRule, ""
		return true
	}},
	// "The bank Santander said", "the mining company Volta": a kind of body
	// right before a one-word name the gazetteer holds as a town or region
	// (no country) names the body, as it does an unknown name (kind_before).
	{"kind_before_place", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if m.ev != evGaz || len(m.words) != 1 || m.typ != article.TypeGPE && m.typ != article.TypeLoc || r.lx.country(m.text) ||
			i < 2 || !r.orgKind(toks[i-1].text) || !r.kindNoun(toks, i-1) || !determinerBefore(toks, i-1) {
			return false
		}
		m.typ, m.ev, m.canon = article.TypeOrg, evRule, ""
		return true
	}},
	// "Stade Garonnais, the rugby union club from Agen,", "Hope Bridge, a
	// local charity,": a kind of body in apposition outweighs the place
	// or building word that opened or closed the name.
	{"kind_apposition_cue", func(r *Recognizer, c placeCtx) bool {
		m := c.m
		if m.ev != evRule || m.typ != article.TypeFac && m.typ != article.TypeLoc || len(m.words) < 2 ||
			!describedAsThe(c.toks, c.j, r.lx.orgKinds, r.lx.personNouns, nil, nil) {
			return false
		}
		m.typ = article.TypeOrg
		return true
	}},
	// Stronger evidence than prose's stands.
	{"", func(r *Recognizer, c placeCtx) bool { return c.m.ev >= evRule }},
	// "Tarvel Water, which supplies two million homes,", "Marine JarHeads
	// MC, which includes veterans": people take "who"; a name prose read as
	// a person's that a relative "which" follows is a body's.
	{"which_body", func(r *Recognizer, c placeCtx) bool {
		m, toks, j := c.m, c.toks, c.j
		if m.typ != article.TypePerson || len(m.words) < 2 || j+1 >= len(toks) || toks[j].text != "," || toks[j+1].text != "which" {
			return false
		}
		m.typ, m.ev, m.canon = article.TypeOrg, evRule, ""
		return true
	}},
	// "Lincoln Edwards, 42, was arrested": a name of two words or more with
	// an age set off by commas is a person's, whatever a town in it or a
	// plural after it suggested ("Victoria Wells, 29,").
	{"age_apposition", func(r *Recognizer, c placeCtx) bool {
		m, toks, j := c.m, c.toks, c.j
		if len(m.words) < 2 || m.typ == article.TypePerson || m.ev >= evGaz || !ageAfter(c.text, toks[j-1].end) {
			return false
		}
		m.typ, m.ev, m.canon = article.TypePerson, evRule, ""
		return true
	}},
	// "Purity Jerotich of Kenya held off": a name of two or three words no
	// list knows, its last no English word, of a country and followed by
	// its verb, is a person's (news introduces athletes and delegates so;
	// a body has a word of its kind). ("Kenya's X" is as often a firm.)
	{"country_person", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if len(m.words) < 2 || len(m.words) > 3 || m.typ != "" || m.ev > evProse || r.hasCue(toks[i:j]) {
			return false
		}
		for _, w := range m.words {
			if !isCap(w) || r.knownForm(w) {
				return false
			}
		}
		if last := m.words[len(m.words)-1]; r.englishWord(last) {
			return false
		}
		// (Only as a clause's subject, a verb after the country: "TP
		// Mazembe of Congo and Simba SC drew" are clubs; and no acronym.)
		of := j+2 < len(toks) && toks[j].text == "of" && r.lx.countries[toks[j+1].text] && !isCap(toks[j+2].text) && toks[j+2].text != "and" && toks[j+2].text != ","
		for _, w := range m.words {
			if isAcronym(w) {
				return false
			}
		}
		if !of {
			return false
		}
		m.typ, m.ev, m.canon = article.TypePerson, evRule, ""
		return true
	}},
	// "said Tarmizi, 58, a dairy farmer", "Budhrak, a 60-year-old
	// farmer,", "a miner who gave his name only as Pavlek": one word no
	// list knows, given an age or a person's description in apposition,
	// or given as someone's name, is a person's (news names people it
	// meets by one name).
	{"lone_person", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if len(m.words) != 1 || m.ev > evProse || m.typ != "" && m.typ != article.TypePerson && m.typ != article.TypeGPE ||
			isAcronym(m.text) || r.lx.common[strings.ToLower(m.text)] || r.knownPlace(m.text) || r.knownOrg(m.text) {
			return false
		}
		// ("Omar (not his real name), a student,": an aside in brackets
		// may stand between the name and its description.)
		jj := afterAside(toks, j)
		described := jj+1 < len(toks) && toks[jj].text == "," && r.personApposition(toks, jj+1)
		if !ageAfter(c.text, toks[j-1].end) && !described && !givenAsName(toks, i) {
			return false
		}
		m.typ, m.ev, m.canon = article.TypePerson, evRule, ""
		return true
	}},
	// "Ravi Mehta, spokesperson for the party", "Lia Toma, the mother of
	// two": a name of two words or more set off by a comma and followed by a
	// role or a kin noun is a person's, whatever prose guessed of an unknown
	// name; one with a known place or an organisation word stays as it is.
	{"role_apposition", func(r *Recognizer, c placeCtx) bool {
		m, toks, j := c.m, c.toks, c.j
		// ("Jiyeon Church, a nurse,": a surname that is also a head word
		// heads no place here; surnameHeadName.)
		surnamed := r.surnameHeadName(m.text)
		if len(m.words) < 2 || m.typ == article.TypePerson || m.typ == article.TypeNORP || m.typ == article.TypeFac && !surnamed ||
			j+2 >= len(toks) || toks[j].text != "," || r.hasCue(c.toks[c.i:j]) && !surnamed || r.placeInName(c.toks[c.i:j]) {
			return false
		}
		k := j + 1
		for k < len(toks)-1 && (r.lx.leadMods[toks[k].text] || toks[k].text == "a" || toks[k].text == "an" || toks[k].text == "the") {
			k++
		}
		// ("Lemayian ole Sankale, the sanctuary's manager,": past the
		// owner in the possessive, a lower-case noun or two.)
		if toks[k-1].text == "the" {
			for x := k; x < len(toks)-1 && x <= k+2 && unicode.IsLower(rune(toks[x].text[0])); x++ {
				if possessiveTok(toks[x].text) || x+1 < len(toks) && possessiveMark(toks[x+1].text) {
					if possessiveMark(toks[x+1].text) {
						x++
					}
					k = x + 1
					break
				}
			}
		}
		w := toks[k].text
		// ("the head of the disaster agency": head as the one at its top.)
		headOf := w == "head" && k+1 < len(toks) && toks[k+1].text == "of"
		// (Or "a 29-year-old vendor", "a rice farmer": a kind of person.)
		if !r.lx.kinNouns[w] && !(unicode.IsLower(rune(w[0])) && r.lx.titles[w]) && !headOf && !r.personApposition(toks, j+1) {
			return false
		}
		m.typ, m.ev = article.TypePerson, evRule
		return true
	}},
	// "the sculptor Fang Weiqi", "Her manager, Fang Weiqi,", "Off-spinner
	// Kamrul Hasan Mithu", "19-year-old Ouma Nkata": a name of two to four
	// words right after a noun for a kind of person (data/personnouns.txt,
	// from WordNet) or an age, or set off after one by a comma, is a
	// person's, whatever prose guessed of an unknown name; one with a known
	// place or an organisation word stays.
	{"person_noun_before", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if len(m.words) < 2 || len(m.words) > 4 || m.typ == article.TypePerson || m.typ == article.TypeNORP || i == 0 ||
			r.hasCue(toks[i:j]) && !r.surnameHeadName(m.text) || r.placeInName(toks[i:j]) {
			return false
		}
		p := i - 1
		if toks[p].text == "," {
			if p == 0 || j < len(toks) && toks[j].text != "," && toks[j].text != "." {
				return false
			}
			p--
		}
		w := strings.ToLower(toks[p].text)
		// ("19-year-old Ouma Nkata": an age is a person's too.)
		if yearsOld(w) {
			m.typ, m.ev = article.TypePerson, evRule
			return true
		}
		if k := strings.LastIndexByte(w, '-'); k > 0 {
			w = w[k+1:]
		}
		// "Its head, Rein Kask,", "the agency's head, Rein Kask,": a body's
		// head set off by commas is a person, as "director" is ("head" alone
		// is no person's noun: "the head of state", "Head Office").
		if w == "head" && toks[p+1].text == "," && p > 0 && ownerWord(toks[p-1].text) {
			m.typ, m.ev = article.TypePerson, evRule
			return true
		}
		if !r.lx.personNouns[w] || r.lx.companyRoles[w] || r.lx.orgKinds[w] || isCap(toks[p].text) && !toks[p].initial {
			return false
		}
		// ("the promoter Kestrel Concerts": a name ending in a plural
		// word no one bears as a surname is no person's.)
		if r.wordNoSurname(strings.ToLower(m.words[len(m.words)-1])) && !r.lx.firstName(m.words[0]) {
			return false
		}
		m.typ, m.ev = article.TypePerson, evRule
		return true
	}},
	// "Chief Executive, Grainia Long, said": a name of two or three words
	// set off by commas right after a capitalised title of two words or
	// more is the person holding it, whatever prose guessed of an unknown
	// name (one title word alone may end a body's name: "the Executive,
	// Stormont House,").
	{"title_apposition", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if len(m.words) < 2 || len(m.words) > 3 || m.typ == article.TypePerson || m.ev >= evGaz || i < 3 || toks[i-1].text != "," ||
			j >= len(toks) || toks[j].text != "," || r.hasCue(toks[i:j]) || r.placeInName(toks[i:j]) {
			return false
		}
		if !isCap(toks[i-2].text) || !isCap(toks[i-3].text) || !r.lx.titles[strings.ToLower(toks[i-3].text+" "+toks[i-2].text)] {
			return false
		}
		// ("Kate Bell, Chief Executive, Mind Cymru,": a title set off
		// after a name of its own is followed by the employer.)
		if i >= 5 && toks[i-4].text == "," {
			return false
		}
		m.typ, m.ev = article.TypePerson, evRule
		return true
	}},
	// "played with The Rolling Stones", "voted for The Greens": an untyped
	// plural name that keeps a capital "The" inside a sentence is a group
	// (a band, a party, a team); "The Time of Your Life" (a work) has "of".
	{"the_plural_group", func(r *Recognizer, c placeCtx) bool {
		m := c.m
		if m.typ != "" || len(m.words) < 2 || m.words[0] != "The" || slices.Contains(m.words, "of") {
			return false
		}
		last := m.words[len(m.words)-1]
		if len(last) < 4 || !strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss") || strings.HasSuffix(last, "'s") {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "the Lopez administration": a lone name before these is a person's.
	{"person_next", func(r *Recognizer, c placeCtx) bool {
		if len(c.m.words) != 1 || c.j >= len(c.toks) || !r.lx.personNext[c.toks[c.j].text] {
			return false
		}
		c.m.typ, c.m.ev = article.TypePerson, evRule
		return true
	}},
	// "the town of Velmor", "the island of Kavari": a kind of place, after
	// a determiner, then "of" make the name a place of that kind.
	{"place_of", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if m.ev > evProse || i < 3 || toks[i-1].text != "of" {
			return false
		}
		t, ok := r.lx.placeOf[toks[i-2].text]
		if !ok {
			return false
		}
		// ("the eastern Caracas district of Las Mercedes": up to two
		// modifiers between the determiner and the noun.)
		d := i - 3
		for d > 0 && d >= i-5 && !determinerWord(strings.ToLower(toks[d].text)) && toks[d].text != "," && toks[d].text != "." {
			d--
		}
		switch strings.ToLower(toks[d].text) {
		case "the", "a", "an", "this", "that", "its", "their", "his", "her", "our":
		default:
			return false
		}
		m.typ, m.ev = t, evRule
		return true
	}},
	// "one resident of Nur Abad", "villagers of Kota Baru": the name
	// after a noun for the people who live somewhere and "of" is a place,
	// whatever prose guessed.
	{"dwellers_of", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if m.ev > evProse || i < 2 || toks[i-1].text != "of" || !r.lx.dwellers[strings.ToLower(toks[i-2].text)] {
			return false
		}
		m.typ, m.ev = article.TypeGPE, evRule
		return true
	}},
	// "in the capital, Velgrad", "the capital Velgrad": the name a
	// capital is given is a place's.
	{"capital_name", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if m.ev > evProse || i < 2 || m.typ == article.TypePerson && m.ev > evNone && r.lx.firstName(m.words[0]) {
			return false
		}
		k := i - 1
		if toks[k].text == "," {
			k--
		}
		// ("the state capital, Frankfort": a noun for the kind of division
		// between.)
		if k < 1 || toks[k].text != "capital" || strings.ToLower(toks[k-1].text) != "the" && toks[k-1].tag != "JJ" && toks[k-1].tag != "POS" &&
			!(toks[k-1].tag == "NN" && k >= 2 && strings.ToLower(toks[k-2].text) == "the") {
			return false
		}
		// ("In Pekanbaru, the provincial capital, Dewi Siregar has": the
		// capital set off by commas after a place names that place; the
		// name after its comma opens the clause. Not a name in apposition
		// itself: "Ostrana, the regional capital, Velkovo, by nightfall".)
		a := k - 1
		for a > 0 && !strings.EqualFold(toks[a].text, "the") && k-a < 3 {
			a--
		}
		if toks[i-1].text == "," && a >= 2 && strings.EqualFold(toks[a].text, "the") && toks[a-1].text == "," && isCap(toks[a-2].text) &&
			c.j < len(toks) && toks[c.j].text != "," {
			return false
		}
		m.typ, m.ev = article.TypeGPE, evRule
		return true
	}},
	// "the river Thames": a natural-feature noun before the name.
	{"loc_before", func(r *Recognizer, c placeCtx) bool {
		if c.i == 0 || !r.lx.locBefore[c.toks[c.i-1].text] {
			return false
		}
		c.m.typ, c.m.ev = article.TypeLoc, evRule
		return true
	}},
	// "the journal Quillon", "state news firm Saba": a common noun for a
	// kind of organisation right before a name nothing else typed makes
	// it an organisation's; not a name that starts with a given name
	// ("the company Ana Lopez founded").
	// "Sky News Arabia producer Jamal al-Harbi", "Kestrel Bank economist
	// Ana Lind": a name before a noun for a kind of person and a name
	// employs that person. (A lone word may be a person's surname, as in
	// "Trump adviser Roger Stone", or a modifier, as in "Lead author Ada
	// Brook"; a given name first is a person's.)
	{"employer_before_role", func(r *Recognizer, c placeCtx) bool {
		m, toks, j := c.m, c.toks, c.j
		if len(m.words) == 1 {
			return r.bodyBeforeRole(c)
		}
		// (A name prose reads as a person's stays one: "Bola Tinubu aide
		// Dada Olusegun"; so does a storm: "Hurricane Katrina survivor".)
		if m.ev >= evGaz || len(m.words) < 2 || j+1 >= len(toks) || m.typ != "" && m.typ != article.TypeOrg ||
			r.lx.firstName(m.words[0]) || r.lx.storms[m.words[0]] || r.hasNORP(m.words) {
			return false
		}
		if w := toks[j].text; isCap(w) || !r.lx.personNouns[w] || !isCap(toks[j+1].text) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "The findings were published in Nature Astronomy": a name after "in"
	// and a verb of publishing is a journal or a newspaper; a place the
	// lists know stays one ("published in London").
	{"published_in", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		// (Only "published": "reported in Kibera", "appeared in Star Wars"
		// take places and works; one word only when no language or place
		// the lists know: "published in Nature", not "published in
		// Swahili".)
		if m.ev > evProse || m.typ != "" && m.typ != article.TypeOrg && m.typ != article.TypePerson || i < 2 || toks[i-1].text != "in" || r.lx.firstName(m.words[0]) ||
			len(m.words) == 1 && (r.knownForm(m.text) || r.isNORP(m.text) || r.lx.languages[m.text] || m.initial) {
			return false
		}
		switch toks[i-2].text {
		case "published", "publishes":
			m.typ, m.ev = article.TypeOrg, evRule
			return true
		}
		return false
	}},
	// "a post on Medium", "she wrote on Substack": a name after "on" and a
	// word of posting is the platform's.
	{"posted_on", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if m.ev >= evGaz || m.typ != "" && m.typ != article.TypeOrg && m.typ != article.TypePerson || i < 2 || toks[i-1].text != "on" || r.lx.firstName(m.words[0]) {
			return false
		}
		// ("a post on Okafor's page": the page's owner; "posted on Election
		// Day", "on Christmas Eve", "on Mardi Gras": a day.)
		if c.j < len(toks) && (toks[c.j].text == "'s" || toks[c.j].text == "’s") || r.lx.holiday[m.words[0]] {
			return false
		}
		switch m.words[len(m.words)-1] {
		case "Day", "Eve", "Gras", "Night":
			return false
		}
		for q := i - 2; q >= 0 && q >= i-4; q-- {
			switch toks[q].text {
			// ("750,000 followers on Zentrova", "an account on Zentrova":
			// a platform's users; not "a profile on Adebayo", a portrait.)
			case "post", "posts", "posted", "posting", "wrote", "written", "writing", "blog", "video", "videos", "message", "livestream", "thread",
				"followers", "subscribers", "account", "accounts":
				m.typ, m.ev = article.TypeOrg, evRule
				return true
			}
			if isCap(toks[q].text) || toks[q].text == "," || toks[q].text == "." {
				return false
			}
		}
		return false
	}},
	{"kind_before", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		// (A given name the lists hold may be a company's after a kind no
		// person is called by: "carmaker Renault", "insurer Ford".)
		agentBefore := i > 0 && len(m.words) == 1 && r.agentKind(strings.ToLower(toks[i-1].text))
		if m.ev > evProse || m.typ == article.TypeNORP || r.lx.firstName(m.words[0]) && !agentBefore ||
			m.typ != "" && m.typ != article.TypePerson && len(m.words) > 1 {
			return false
		}
		// "Insurer Allianz raised", "Drugmaker Novartis said": the kind
		// noun opens the sentence, capitalised only for it, and was split
		// off the name.
		// (Not a heading: "Developer Tools". A verb or a comma follows.)
		if mi := mentionStart(c); mi == i+1 && toks[i].initial && r.agentKind(strings.ToLower(toks[i].text)) &&
			c.j < len(toks) && (toks[c.j].text == "," || !isCap(toks[c.j].text) && unicode.IsLetter(rune(toks[c.j].text[0]))) {
			m.typ, m.ev = article.TypeOrg, evRule
			return true
		}
		// "its smaller rival Zentrova", "its partner Tarvel": a body's
		// rival, partner or parent is a body ("his rival Okafor" is a
		// person's).
		if i >= 2 && len(m.words) == 1 && m.typ != article.TypeGPE && m.typ != article.TypeLoc && bodyRelation(toks[i-1].text) && itsBefore(toks, i-1) {
			m.typ, m.ev = article.TypeOrg, evRule
			return true
		}
		if i == 0 || !r.orgKind(toks[i-1].text) {
			return false
		}
		// "told the newspaper Diario Norte that": a name the clause does not
		// go on from is the object of the telling verb.
		object := c.j < len(toks) && (toks[c.j].text == "that" || toks[c.j].tag == "IN" || toks[c.j].tag == "," || toks[c.j].tag == ".")
		if !r.kindNoun(toks, i-1) && !(object && r.kindNounTold(toks, i-1)) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "companies including Isvaro and Tarvenko", "energy firms such as
	// Isvaro": the names listed as examples of kinds of organisation in
	// the plural are organisations.
	{"kind_list", func(r *Recognizer, c placeCtx) bool {
		m, toks := c.m, c.toks
		if m.ev > evProse || m.typ == article.TypeNORP {
			return false
		}
		p := mentionStart(c) - 1
		// (Right after the kind, its opener or a list's comma or "and":
		// "firms such as Let There Be Neon" is no list of "Be Neon".)
		if p < 1 || isCap(toks[p].text) {
			return false
		}
		// Back over the names listed before this one ("Isvaro of Italy
		// and").
		for n := 0; p > 0 && n < 16; n++ {
			if t := toks[p].text; t != "," && t != "and" && t != "or" && t != "of" && (!isCap(t) || toks[p].initial) {
				break
			}
			p--
		}
		// (Only after an opener of examples: a comma after the plural may
		// end an opening phrase, "Speaking to newspapers, Mensah said",
		// and a name right after it may open a relative clause, "the
		// companies Okafor founded".)
		switch {
		case p >= 1 && toks[p].text == "including":
			p--
		case p >= 2 && toks[p].text == "as" && toks[p-1].text == "such":
			p -= 2
		default:
			return false
		}
		if w := strings.ToLower(toks[p].text); w == singularNoun(w) || !r.orgKind(singularNoun(w)) ||
			r.lx.firstName(m.words[0]) || len(m.words) == 1 && r.englishWord(m.text) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "His party, Chadema, said", "her company, Lumatex,": a name in
	// apposition after a determiner and a kind of organisation is one.
	{"kind_apposition", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		// ("according to its operator, Isvara.": the sentence may end
		// with the name.)
		if m.ev > evProse || m.typ != "" && m.typ != article.TypePerson || i < 3 || toks[i-1].text != "," || j >= len(toks) || toks[j].text != "," && !(toks[j].text == "." && j+1 == len(toks)) ||
			!r.lx.orgKinds[toks[i-2].text] || r.lx.firstName(m.words[0]) {
			return false
		}
		// Back over up to three lower-case modifiers to the determiner, or
		// to a place's possessive: "Sweden's financial regulator, Vardex,",
		// "the largest trade union federation, Korvo,".
		d := i - 3
		for n := 0; n < 3 && d > 0 && !isCap(toks[d].text) && (strings.HasPrefix(toks[d].tag, "JJ") || strings.HasPrefix(toks[d].tag, "NN")) && !determinerWord(strings.ToLower(toks[d].text)); n++ {
			d--
		}
		switch {
		case determinerWord(strings.ToLower(toks[d].text)):
		case d >= 1 && possessiveMark(toks[d].text) && r.knownPlace(toks[d-1].text):
			d--
		default:
			return false
		}
		// ("a spokesman for the company, Ana Liepa,", "after a meeting with
		// the union, Okonkwo, the minister,": the name is someone else's;
		// "according to its operator, Vardex." names the body.)
		if d >= 1 && toks[d-1].tag == "IN" && !(toks[d-1].text == "to" && d >= 2 && strings.EqualFold(toks[d-2].text, "according")) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "Rangmanch Pune, the theatre group he founded,", "Vestkyst Konsert,
	// a concert promoter,": a name set off by a comma and followed by a
	// determiner, a few lower-case modifiers and a kind of organisation is
	// one, whatever prose or a place word in it guessed.
	{"name_then_kind", func(r *Recognizer, c placeCtx) bool {
		m, toks, j := c.m, c.toks, c.j
		if m.ev > evProse || m.typ == article.TypeOrg || m.typ == article.TypeNORP || len(m.words) < 2 || j+2 >= len(toks) || toks[j].text != "," || r.lx.firstName(m.words[0]) {
			return false
		}
		k := j + 1
		if w := strings.ToLower(toks[k].text); w != "the" && w != "a" && w != "an" {
			return false
		}
		if !r.kindHead(toks, k+1, 4, "VBN", true) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "the minister told Radio Kestrel.", "according to Tagblatt,", "in an
	// interview with Kanal Nord": a name nothing typed, in the place where
	// news names the outlet that carried the words, is the outlet's. Told
	// takes it only where the clause ends with it ("told Okafor he would
	// start" is a person's); a given name first is a person's.
	{"outlet_object", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		// ("told France Bleu he had feared": a name of two words or more
		// before a pronoun's clause; one word there is the person told,
		// "told Okafor he would start".)
		// (A person's label prose alone gave one word no list knows yields
		// too: a surname alone comes after the full name, which resolution
		// finds.)
		proseOnly := m.typ == article.TypePerson && m.ev == evProse && len(m.words) == 1 && !r.lx.common[strings.ToLower(m.text)]
		if m.ev > evProse || m.typ == article.TypePerson && !proseOnly || m.typ == article.TypeNORP || i == 0 || r.lx.firstName(m.words[0]) ||
			j < len(toks) && !r.lx.outletEnd[strings.ToLower(toks[j].text)] && (len(m.words) < 2 || !subjectPronoun(toks[j].text)) {
			return false
		}
		if t := strings.TrimSuffix(m.text, "s"); t != m.text && isAcronym(t) {
			return false // "told MPs": people, not an outlet
		}
		// ("according to Chinedu Okafor": two or three words no list knows
		// are a person's name more often than an outlet's.)
		if len(m.words) >= 2 && r.unknownNameWords(m.words) {
			return false
		}
		mi := mentionStart(c)
		p := mi - 1
		if p > 0 && toks[p].text == "the" { // "told the Kyiv Herald"
			p--
		}
		// "told The Verge": a known name with its capital "The".
		if p > 0 && toks[p].text == "The" && toks[p].end+1 == toks[mi].start && r.knownForm("The "+m.text) {
			r.prependThe(c.text, m, toks[p])
			p--
		}
		lead := p >= 1 && r.lx.outletLead[strings.ToLower(toks[p-1].text)+" "+strings.ToLower(toks[p].text)]
		if !lead && !r.lx.outletVerb[toks[p].text] {
			return false
		}
		// (A lone word prose reads as a person's is an outlet told only
		// right before the words told, "that" and a clause about someone
		// else or a colon and the quote: "told Okafor that he would be
		// jailed", "told Okafor on Monday that" are the person's.)
		if proseOnly && !lead && (j+1 >= len(toks) || toks[j].text != "that" && toks[j].text != ":" || personalPronoun(toks[j+1].text)) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "Novartis said", "Handelsblatt reported": one unknown word that
	// nothing typed, as the subject of a verb of saying, is an
	// organisation's name; a person's surname alone comes after the full
	// name, which resolution finds (it retypes the mention).
	{"speaking_org", func(r *Recognizer, c placeCtx) bool {
		m, toks, j := c.m, c.toks, c.j
		if m.typ != "" || m.ev != evNone || len(m.words) != 1 || j >= len(toks) || !r.lx.orgSpeechVerb[toks[j].text] ||
			r.lx.firstName(m.text) || r.lx.common[strings.ToLower(m.text)] || isAcronym(m.text) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "Quillo, a messaging app": a name set off by a comma and described
	// by "a" and a kind of organisation within three words.
	{"kind_after", func(r *Recognizer, c placeCtx) bool {
		m := c.m
		// ("Second, a joint committee": no English word alone that
		// opens the sentence.)
		if m.ev > evProse || m.typ == article.TypeNORP || m.typ == article.TypePerson || r.lx.firstName(m.words[0]) ||
			len(m.words) == 1 && c.toks[mentionStart(c)].initial && r.englishWord(m.text) ||
			!describedAs(c.toks, c.j, r.lx.orgKinds, r.kindModifier, r.tradeKind) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "Met Éireann, the national meteorological service for Ireland,": a
	// name set off by a comma and described by "the", a few modifiers and
	// a kind of organisation that ends the phrase or takes a name's
	// complement.
	{"kind_after_the", func(r *Recognizer, c placeCtx) bool {
		m := c.m
		if m.ev > evProse || m.typ == article.TypeNORP || r.lx.firstName(m.words[0]) || !describedAsThe(c.toks, c.j, r.lx.orgKinds, r.lx.personNouns, r.kindModifier, r.tradeKind) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "the Kowloon Bay district": a common noun that says what kind of
	// place the name is outweighs the tagger's guess; only where the noun
	// ends the phrase ("a Starbucks region spokesperson" is no place), on two
	// words or more ("the Pelosi district": a person's), not after "a" ("a
	// Trump county"), not starting with a given name ("the John Lewis
	// district"), and no facility noun on an organisation ("the Real Madrid
	// stadium").
	{"place_noun", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		// ("Maharashtra's Palghar district": one word too after a known
		// place's possessive.)
		placeOwned := i >= 2 && possessiveMark(toks[i-1].text) && r.knownPlace(toks[i-2].text)
		// ("the Kilvara volcano", "the Tavra river": one word too before a
		// natural feature's noun after "the"; no person's name stands there.)
		natural := i >= 1 && toks[i-1].text == "the" && j < len(toks) && r.lx.placeNouns[toks[j].text] == article.TypeLoc
		// ("the Kreuzberg district", "the city's Yorkville district": one
		// word no dictionary holds before a division's noun, after "the" or
		// a possessive.)
		division := i >= 1 && (strings.EqualFold(toks[i-1].text, "the") || possessiveMark(toks[i-1].text)) && j < len(toks) && r.lx.placeNouns[toks[j].text] == article.TypeGPE &&
			len(m.words) == 1 && !r.lx.common[strings.ToLower(m.words[0])] && !adjectivalPlaceWord(m.words[0])
		if j >= len(toks) || len(m.words) < 2 && !placeOwned && !natural && !division || r.lx.firstName(m.words[0]) || j+1 < len(toks) && strings.HasPrefix(toks[j+1].tag, "NN") ||
			i > 0 && (toks[i-1].text == "a" || toks[i-1].text == "an") {
			return false
		}
		t, ok := r.lx.placeNouns[toks[j].text]
		if !ok || isAcronym(m.text) || strings.Contains(m.text, "/") || r.hasNORP(m.words) || t == article.TypeFac && m.typ == article.TypeOrg {
			return false
		}
		m.typ, m.ev = t, evRule
		return true
	}},
	// "the Antara news agency", "the Dawn newspaper", "Vulture magazine":
	// a name right before "news agency", "newspaper", "tabloid" or
	// "magazine" is the outlet's, whatever prose or the given names say.
	{"kind_noun_after", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, mentionStart(c), c.j
		if m.ev > evGaz || j >= len(toks) || m.typ == article.TypeNORP || r.lx.countries[m.text] {
			return false
		}
		// Only an outlet's noun, a paper's or an agency's, whose name may be
		// a place's or a given name ("Fars", "Dawn"): a party's, a team's or
		// a group's follows words that are no names, "the Brexit party",
		// "the Olympic team"; "daily" and "weekly" are adverbs too.
		w := toks[j].text
		news := w == "news" && j+1 < len(toks) && (toks[j+1].text == "agency" || toks[j+1].text == "outlet" || toks[j+1].text == "website")
		// ("the IG Metall union", "the Unite union": a union's name comes
		// before the word, whatever person prose reads; not a place's
		// customs union, "the Eurasian customs union".)
		union := w == "union" && !r.knownPlace(m.text) && !r.hasNORP(m.words) && i > 0 && strings.EqualFold(toks[i-1].text, "the")
		// ("told Velcom24 television", "on Kestrel radio": a broadcaster's
		// name before its medium; not a place's or a people's, "Kenyan
		// television".)
		medium := (w == "television" || w == "radio" || w == "TV") && !r.knownPlace(m.text) && !r.hasNORP(m.words)
		// ("the Tarnavo party": a name no list knows before a small
		// "party" is the party's; a word or a people's name there is an
		// adjective, "the Brexit party", "the Green party".)
		party := w == "party" && !r.lx.firstName(m.words[0]) && !r.knownPlace(m.text) && !r.hasNORP(m.words) && !r.plainWords(toks[i:j]) && i > 0 && strings.EqualFold(toks[i-1].text, "the")
		if !news && !union && !medium && !party && w != "newspaper" && w != "tabloid" && w != "magazine" {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "the Ouro Norte mining company", "the Kestrel Platinum group": a
	// name after "the" that a few lower-case modifiers and a kind of
	// organisation follow, as the noun phrase's head, is that
	// organisation's, not the person prose guessed.
	{"the_name_kind", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		// (Only a name prose took for a person's or left untyped, of two
		// words or more: a place before a kind is a modifier, "the Cork
		// hurling club", and one untyped word stays one, "the People's
		// Party".)
		if m.ev > evProse || m.typ != article.TypePerson && m.typ != "" || len(m.words) < 2 || i < 1 || j >= len(toks) || !strings.EqualFold(toks[i-1].text, "the") || r.lx.firstName(m.words[0]) {
			return false
		}
		// (A verb after the kind is the name's own: "the Roe group said".)
		if !r.kindHead(toks, j, 3, "VBG", false) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// Prose's non-place type stands against the weaker rules below.
	// "Vorlane CEO", "Vorlane's shareholders", "shares in Vorlane": what only
	// an organisation has makes a name an organisation's.
	{"org_next", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if m.ev > evProse || m.typ == article.TypeNORP || m.typ == article.TypePerson && r.lx.firstName(m.words[0]) || r.placeInName(toks[i:j]) {
			return false
		}
		k := j
		if k < len(toks) && (toks[k].text == "'s" || toks[k].text == "’s") {
			k++
		}
		// ("Kestrova's chief executive": a company's; "Lowe's chief of
		// staff" may be a person's.)
		next := k < len(toks) && (r.lx.orgNext[toks[k].text] ||
			toks[k].text == "chief" && k+1 < len(toks) && (toks[k+1].text == "executive" || toks[k+1].text == "financial" || toks[k+1].text == "operating"))
		// ("The Tavaro's spokesman": a person's name takes no "the"; a
		// title or a common word does: "The Duchess's spokeswoman".)
		next = next || m.the && k > j && k < len(toks) && spokesWord(toks[k].text) && len(m.words) == 1 &&
			!r.lx.common[strings.ToLower(m.text)] && !r.lx.titles[strings.ToLower(m.text)] && !r.lx.titleFirst[strings.ToLower(m.text)] && !r.lx.personNouns[strings.ToLower(m.text)]
		sharesIn := i >= 2 && (toks[i-1].text == "in" || toks[i-1].text == "of") && (strings.EqualFold(toks[i-2].text, "shares") || strings.EqualFold(toks[i-2].text, "stake"))
		// "Kestrova's Arjun Mehra": a name no
		// list knows, owning a person named in full, is the team or the
		// outlet the person works for ("Kenya's Eliud Kipchoge" is known).
		employer := k > j && k+1 < len(toks) && r.lx.firstName(toks[k].text) && isCap(toks[k+1].text) && toks[k+1].start == toks[k].end+1 &&
			len(m.words) == 1 && !r.lx.firstName(m.words[0]) && !r.knownPlace(m.text) && !r.lx.common[strings.ToLower(m.text)]
		if !next && !sharesIn && !employer {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "CEO of Merck", "a subsidiary of Kestrova": what only a company or a
	// body has, before "of", makes the name after it one.
	// "a spokesperson for Kestrova": a name of one word no list knows, for
	// which a spokesperson speaks, is a body's (a person's is written in
	// full or with a title: "a spokesman for Mr. Lowe").
	{"exec_of", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if m.ev > evProse || m.typ == article.TypeNORP || len(m.words) > 3 || i < 2 {
			return false
		}
		// (The words before first: the tests after them cost more.)
		// (So is a name of two or three words none of which is a given
		// name, a title or a frequent surname: "a spokeswoman for Société
		// Générale"; "a spokesman for Boris Johnson", "for Mrs Merkel" is
		// a person's.)
		spokesFor := toks[i-1].text == "for" && (len(m.words) == 1 || r.noPersonWords(m.words)) && spokesWord(toks[i-2].text)
		if !spokesFor && (toks[i-1].text != "of" || !r.lx.execOf[toks[i-2].text]) {
			return false
		}
		if r.lx.firstName(m.words[0]) || r.placeInName(toks[i:j]) || spokesFor && (r.lx.common[strings.ToLower(m.text)] || r.knownPlace(m.text)) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "British Columbia-based Carbon Engineering": what a place's
	// "-based" describes, right before its name, is an organisation.
	{"based_org", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if m.ev > evProse || m.typ == article.TypeNORP || i == 0 || !strings.HasSuffix(toks[i-1].text, "-based") || r.lx.firstName(m.words[0]) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "a bus operated by Vialtra", "the boat was chartered by Worldwide
	// Diving Tours": who operates, charters or manufactures a vehicle, a
	// vessel or a product is a company. A person's given name first is a
	// person's; one word only after the verbs a person's surname rarely
	// follows ("owned by Okafor", "run by Okafor" are people as often).
	{"agent_org", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if m.ev > evProse || m.typ == article.TypeNORP || i < 2 || toks[i-1].text != "by" || r.lx.firstName(m.words[0]) ||
			r.placeInName(toks[i:c.j]) || m.modifier || r.isNORP(strings.TrimSuffix(m.words[0], "s")) {
			return false
		}
		// ("owned by Ratan Tata", "run by Bola Tinubu": a name prose reads
		// as a person's, whatever given name the lists lack, stays one.)
		if len(m.words) > 1 && m.typ == article.TypePerson && m.ev > evNone {
			return false
		}
		one := false
		switch toks[i-2].text {
		case "operated", "chartered", "manufactured", "leased":
			one = true
		case "owned", "built", "run", "acquired", "bought", "sponsored":
		default:
			return false
		}
		// (Nor a plural, a people's: "operated by Romans".)
		if len(m.words) == 1 && (!one || r.lx.common[strings.ToLower(m.text)] || utf8.RuneCountInString(m.text) < 3 ||
			strings.HasSuffix(m.text, "s") && !strings.HasSuffix(m.text, "ss")) {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "Walmart, Kroger and Costco": a lone word listed beside an
	// organisation the lists know is one too.
	{"listed_org", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if m.ev > evProse || m.typ == article.TypeNORP || len(m.words) != 1 || len(m.text) < 3 || strings.ContainsAny(m.text, "0123456789") ||
			r.lx.firstName(m.text) || r.lx.common[strings.ToLower(m.text)] || r.lx.townOrCity(m.text) {
			return false
		}
		// listed: a separator at sep, and past it at k a known
		// organisation of one word, with no capitalised word on its far
		// side at 2k-sep.
		listed := func(sep, k int) bool {
			switch toks[sep].text {
			case ",", "and", "or":
			default:
				return false
			}
			far := 2*k - sep
			return k >= 0 && k < len(toks) && isCap(toks[k].text) && r.knownOrg(toks[k].text) &&
				(far < 0 || far >= len(toks) || !isCap(toks[far].text))
		}
		before := i >= 2 && listed(i-1, i-2)
		after := j+1 < len(toks) && listed(j, j+1)
		if !before && !after {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "an economist at Skarholt", "a researcher at Halvorsen": where a kind
	// of person works, not a place the lists know, is an organisation.
	{"role_at", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if m.ev > evProse || m.typ == article.TypePerson || m.typ == article.TypeNORP || i < 2 || toks[i-1].text != "at" ||
			isCap(toks[i-2].text) && !toks[i-2].initial || r.placeInName(toks[i:c.j]) {
			return false
		}
		// ("Analysts at Kordavia wrote": the job noun in the plural, or
		// opening the sentence.)
		if w := strings.ToLower(toks[i-2].text); !r.lx.personNouns[w] && !r.lx.personNouns[strings.TrimSuffix(w, "s")] {
			return false
		}
		m.typ, m.ev = article.TypeOrg, evRule
		return true
	}},
	// "from Jakarta to Pangkal Pinang", "between Tarvel and Kisumu": a
	// name that only prose typed, at one end of a route whose other end
	// is a place the lists know, is a place.
	{"route_place", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if m.ev > evProse || m.typ == article.TypeNORP || m.typ == article.TypeOrg || len(m.words) > 3 || i == 0 || r.lx.firstName(m.words[0]) {
			return false
		}
		prev := toks[i-1].text
		// ("Talks between France and Smith": two parties, one a person.)
		if (prev == "and" || prev == "between") && m.typ == article.TypePerson {
			return false
		}
		var other []token
		switch prev {
		case "to":
			// "from Jakarta to": the other end before.
			other = placeBefore(toks, i-1, "from")
		case "from":
			other = placeAfter(toks, j, "to")
		case "and":
			other = placeBefore(toks, i-1, "between")
		case "between":
			other = placeAfter(toks, j, "and")
		case "in":
			// "in Tsim Sha Tsui and Sham Shui Po": a known place beside
			// it in one list of where.
			other = knownPlaceAfterAnd(r, toks, j)
		}
		if other == nil {
			return false
		}
		if e, ok := r.lx.lookup(joinText(other)); !ok || e.typ != article.TypeGPE && e.typ != article.TypeLoc {
			return false
		}
		m.typ, m.ev = article.TypeGPE, evRule
		return true
	}},
	// "a man from Lopez, Texas", "Ana Lind of Lawrence, Kansas": one word
	// after a place preposition or "of", with a comma and a known place
	// after it, is a town, though a given name or a surname.
	{"town_of_state", func(r *Recognizer, c placeCtx) bool {
		m := c.m
		if len(m.words) != 1 || m.ev > evRule || m.typ != "" && m.typ != article.TypePerson || !m.placeAfter || !(m.placed || m.bound || m.afterOf) {
			return false
		}
		m.typ, m.ev = article.TypeGPE, evRule
		return true
	}},
	{"", func(r *Recognizer, c placeCtx) bool {
		return c.m.typ != "" && c.m.typ != article.TypeGPE && c.m.ev > evNone
	}},
	// "Irving, Texas": a name before a comma and a known place.
	{"comma_place", func(r *Recognizer, c placeCtx) bool {
		if c.j+1 >= len(c.toks) || c.toks[c.j].text != "," || c.m.typ == article.TypePerson {
			return false
		}
		if t, ok := r.lx.headCue[c.toks[c.j-1].text]; ok && t == typeNone {
			return false // "the World Cup, Sweden won": an event
		}
		if !r.placeAfterComma(c.toks, c.j) {
			return false
		}
		c.m.typ, c.m.ev = article.TypeGPE, evRule
		return true
	}},
	// "two towns, including Makilala,", "resorts such as Boracay and
	// Coron": a lone word prose calls a place, given as an instance of a
	// plural kind of place (placenoun), is one of that kind.
	{"kinds_including", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		if i < 2 || m.typ != "" || len(m.words) != 1 || !strings.HasSuffix(toks[i].label, "GPE") && !strings.HasSuffix(toks[i].label, "LOC") || isAcronym(m.text) {
			return false
		}
		// Back over the names listed before it to the word that opens the
		// examples.
		// (Not past a list that "and" closed before a comma: "regions such
		// as Tigray and Amhara, Kamau and other aid workers".)
		k := i - 1
		comma := false
		for k > 0 && (toks[k].text == "," || toks[k].text == "and" || toks[k].text == "or" || isCap(toks[k].text)) {
			switch toks[k].text {
			case ",":
				comma = true
			case "and", "or":
				if comma {
					return false
				}
			}
			k--
		}
		// (A dash may stand glued before the word: "towns —including".)
		switch opener := strings.TrimLeft(toks[k].text, "—–-"); {
		case k >= 1 && (opener == "including" || opener == "like"):
			k--
		case k >= 2 && toks[k].text == "as" && toks[k-1].text == "such":
			k -= 2
		default:
			return false
		}
		if k >= 0 && (toks[k].text == "," || toks[k].text == "—" || toks[k].text == "–") {
			k--
		}
		if k < 0 {
			return false
		}
		w := toks[k].text
		if !strings.HasSuffix(w, "s") {
			return false
		}
		t := r.lx.placeNouns[strings.TrimSuffix(w, "s")]
		if t == "" {
			t = r.lx.placeNouns[strings.TrimSuffix(w, "es")]
		}
		if t != article.TypeGPE && t != article.TypeLoc {
			return false
		}
		m.typ, m.ev = t, evRule
		return true
	}},
	// "in Magnitogorsk": a lone unknown word after a place preposition that
	// prose also calls a place; "of" after a capitalised word is inside a
	// name ("Medal of Freedom"), not "north of X"; given names, common
	// words, single letters and words with an English derivational ending
	// ("Martian", "Christianity") are no places.
	{"in_place", func(r *Recognizer, c placeCtx) bool {
		m, toks, i := c.m, c.toks, c.i
		// "casualties in the Kashvar offensive", "fires in the Amazon
		// rainforest": a place before what news names by where it
		// happened, after a place preposition and "the".
		if i >= 2 && toks[i-1].text == "the" && r.lx.placePreps[toks[i-2].text] && c.j < len(toks) && r.lx.placeEvents[toks[c.j].text] {
			i--
		}
		// ("In Nawada, the collector said": the preposition may open the
		// sentence.)
		prep := ""
		if i > 0 {
			if prep = toks[i-1].text; toks[i-1].initial {
				prep = strings.ToLower(prep)
			}
		}
		if m.typ != "" || len(m.words) != 1 || i == 0 || !r.lx.placePreps[prep] || !strings.HasSuffix(toks[c.i].label, "GPE") ||
			isAcronym(m.text) || len(m.text) < 3 || strings.Contains(m.text, "-") || r.lx.firstName(m.text) || r.lx.common[strings.ToLower(m.text)] || r.lx.wordLike(m.text) ||
			r.lx.languages[m.text] { // "she answered in Urdu"
			return false
		}
		if i > 1 && toks[i-1].text == "of" && isCap(toks[i-2].text) && !r.lx.compass[toks[i-2].text] {
			return false
		}
		// ("instead of Tumblr", "the head of Basarnas": after "of", only a
		// noun of space or a kind of place, "the towns of Dorgali".)
		if i > 1 && toks[i-1].text == "of" && !isCap(toks[i-2].text) && !r.placeBeforeOf(toks[i-2].text) {
			return false
		}
		// ("died from Powassan virus", "at Waterloo station": a word
		// before a noun that is no kind of place names the thing.)
		if j := c.j; m.modifier && j < len(toks) && r.lx.placeNouns[toks[j].text] == "" && !r.lx.dwellers[toks[j].text] && !r.lx.placeEvents[toks[j].text] {
			return false
		}
		m.typ, m.ev = article.TypeGPE, evProse
		return true
	}},
	// "police in Reading said", "flooding in Cork, the county's": a city
	// whose name is a common word (wordcities.txt) is the city after a
	// place preposition, when no capitalised word follows to make it part
	// of a longer name ("in Reading Room") and, after "of", a noun of
	// place comes before ("the city of Mobile", not "Declaration of
	// Independence").
	{"in_word_city", func(r *Recognizer, c placeCtx) bool {
		m, toks, i, j := c.m, c.toks, c.i, c.j
		if m.typ != "" || len(m.words) != 1 || i == 0 || !r.lx.wordCities[m.text] || !r.lx.placePreps[toks[i-1].text] {
			return false
		}
		if j < len(toks) && isCap(toks[j].text) {
			return false
		}
		if toks[i-1].text == "of" && (i < 2 || !r.placeBeforeOf(toks[i-2].text)) {
			return false
		}
		m.typ, m.ev = article.TypeGPE, evRule
		return true
	}},
}

// givenSurnameHead reports a given name before a building's or a body's
// head word that is also one of the most frequent surnames ("Michael
// Hall", "Grace Park"; commonsurnames.txt): a person's name where no "the"
// or place preposition stands before it. Heads of natural places and
// settlements stay places ("Myrtle Beach", "Crystal Lake"), and so does
// Street, whose names are given names more than any place's ("George
// Street").
func (r *Recognizer) givenSurnameHead(first, last string) bool {
	// ("Carla Hills", "Anna Banks": a natural place's head word that is a
	// frequent surname too, after a given name; a place the lists know,
	// "Beverly Hills", is typed by them first.)
	if t, head := r.lx.headCue[last]; head && t == article.TypeLoc && r.lx.frequentSurnames[strings.ToLower(last)] {
		return r.lx.firstName(first) && !r.knownPlace(first) && !r.isNORP(first)
	}
	if !r.lx.commonSurnames[strings.ToLower(last)] || last == "Street" {
		return false
	}
	if t, head := r.lx.headCue[last]; !head || t != article.TypeFac && t != article.TypeOrg {
		return false
	}
	return (r.lx.firstName(first) || r.lx.givenWords[first]) && !r.knownPlace(first) && !r.isNORP(first)
}

// placeBeforeOf reports a lower-case noun that, before "of", makes the
// name after it a place: one of space or direction, a kind of place or
// its dwellers, singular or plural ("the villages of Harmondsworth").
func (r *Recognizer) placeBeforeOf(w string) bool {
	if r.lx.placeBeforeOf[w] || r.lx.dwellers[w] {
		return true
	}
	for _, s := range []string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
		if r.lx.placeOf[s] != "" || r.lx.placeNouns[s] == article.TypeGPE || r.lx.placeNouns[s] == article.TypeLoc {
			return true
		}
	}
	return false
}

// placeBefore returns the capitalised words between the word prep and
// toks[k] ("from Jakarta" before "to"), or nil.
func placeBefore(toks []token, k int, prep string) []token {
	s := k
	for s > 0 && k-s < 3 && isCap(toks[s-1].text) {
		s--
	}
	if s == k || s == 0 || toks[s-1].text != prep {
		return nil
	}
	return toks[s:k]
}

// placeAfter returns the capitalised words after the word prep at toks[j]
// ("to Jakarta" after a name that "from" opened), or nil.
// knownPlaceAfterAnd returns the known place of up to four capitalised
// words after "and" at toks[j], or nil.
func knownPlaceAfterAnd(r *Recognizer, toks []token, j int) []token {
	if j >= len(toks) || toks[j].text != "and" {
		return nil
	}
	end := j + 1
	for end < len(toks) && end < j+5 && isCap(toks[end].text) {
		end++
	}
	for e := end; e > j+1; e-- {
		if r.knownPlace(joinText(toks[j+1 : e])) {
			return toks[j+1 : e]
		}
	}
	return nil
}

func placeAfter(toks []token, j int, prep string) []token {
	if j >= len(toks) || toks[j].text != prep {
		return nil
	}
	e := j + 1
	for e < len(toks) && e-j <= 3 && isCap(toks[e].text) {
		e++
	}
	if e == j+1 || e-j > 3 {
		return nil
	}
	return toks[j+1 : e]
}

// fieldCountry reports a field of public service before a country, or a
// nation or state that is no town ("Statistics Canada", "Police
// Scotland"): an agency's name.
func (r *Recognizer) fieldCountry(run []token) bool {
	if len(run) != 2 || !r.lx.agencyFields[run[0].text] {
		return false
	}
	e, ok := r.lx.lookup(run[1].text)
	return r.lx.countries[run[1].text] || ok && e.typ == article.TypeGPE && !e.weak && r.lx.firstLevel[run[1].text]
}

// actsAt reports a verb of speaking or deciding (seatverb) at token j,
// an adverb or an auxiliary allowed before it ("has rejected", "quietly
// dropped"): what a body does, not what a building undergoes ("burned",
// "reopened", "was built").
func (r *Recognizer) actsAt(toks []token, j int) bool {
	for n := 0; n < 2 && j < len(toks); n++ {
		switch w := strings.ToLower(toks[j].text); {
		case strings.HasPrefix(toks[j].tag, "RB"), w == "has", w == "have", w == "had", w == "will", w == "would", w == "could", w == "should", w == "may", w == "might":
			j++
			continue
		}
		break
	}
	return j < len(toks) && r.lx.seatVerbs[strings.ToLower(toks[j].text)]
}

// possessiveMark reports the token of a possessive after a name.
func possessiveMark(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

// venuePrep reports a preposition that puts "the" and a name in a place:
// "at the Rose Bowl", "inside the Jewel Room".
func venuePrep(w string) bool {
	switch w {
	case "at", "in", "inside", "outside", "near", "into", "across", "around", "beside", "opposite":
		return true
	}
	return false
}

// determinerWord reports a determiner or possessive before a noun.
func determinerWord(w string) bool {
	switch w {
	case "the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "my", "your":
		return true
	}
	return false
}

// mentionStart is the index of the mention's first token: a run may hold
// words before it (a sentence's first word split off).
func mentionStart(c placeCtx) int {
	mi := c.i
	for mi < c.j && c.toks[mi].start < c.m.start {
		mi++
	}
	return mi
}

// bodyBeforeRole types a one-word name that no list knows and that is no
// English word, written before a post only a company or a body has and the
// holder's name ("Isvaro chief executive Lars Holm", "Isvaro CEO Ana
// Ruiz").
func (r *Recognizer) bodyBeforeRole(c placeCtx) bool {
	m, toks, j := c.m, c.toks, c.j
	// (Not a compound: "the Kestrel-Museum chairman" may name a building.)
	if m.ev > evProse || m.typ == article.TypeNORP || j >= len(toks) || !r.lx.bodyRoles[toks[j].text] || strings.ContainsRune(m.text, '-') ||
		r.lx.firstName(m.text) || r.englishWord(m.text) || r.knownPlace(m.text) || r.isNORP(m.text) {
		return false
	}
	// ("Isvaro chief executive Lars Holm", "Isvaro CEO Ana Ruiz"; not
	// "Isvaro chief, who", nor "chief of staff" or "chief spokesman",
	// which a person has.)
	k := j
	for k < len(toks) && k < j+4 && r.lx.bodyRoles[toks[k].text] {
		k++
	}
	if k == j || toks[k-1].text == "chief" || k >= len(toks) || !isCap(toks[k].text) || isAcronym(toks[k].text) {
		return false
	}
	m.typ, m.ev = article.TypeOrg, evRule
	return true
}

// singularNoun strips a regular plural ending ("companies" → "company",
// "firms" → "firm", "businesses" → "business").
func singularNoun(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// wordsNoPerson reports two English words, the second one that the census
// lists as no surname ("Marine Traffic", "Rose Garden"; not "Grace Baker",
// "Will Bush"): no person's name.
//
// So does a longer name, or one whose given name is also a place the
// lists know, that ends in a common word no one bears as a surname ("Walt
// Disney World", "Yale Climate Connections", "Alberta Wildfire"): people's
// names end in surnames.
func (r *Recognizer) wordsNoPerson(run []token) bool {
	if len(run) < 2 {
		return false
	}
	last := run[len(run)-1].text
	// "Oculus VR", "Marine JarHeads MC": a name that closes on an acronym
	// is a body's or a product's; a person's closes on a postnominal
	// ("Ana Ruiz MP") or a generational numeral ("Henry Ford II").
	if isAcronym(last) {
		// (Nor after a given name: "Gina Rinehart AO", "Karen Bell JP"
		// close on honours the lists do not hold.)
		return len(last) <= 4 && !isAcronym(run[0].text) && !r.lx.firstName(run[0].text) && !r.lx.postNominal[last] && !r.lx.generational[last] && !isRoman(last)
	}
	if !isCap(last) {
		return false
	}
	// (The cheap tests of each shape first: lowering the word allocates.)
	switch {
	case len(run) == 2 && r.englishWord(run[0].text):
	case len(run) == 2:
		if !r.knownPlace(run[0].text) || r.lx.firstName(last) || r.lx.generational[last] {
			return false
		}
	default:
		// (Without a given name first, a word of five letters or more:
		// "Ng Kok Hen", "Nguyen Van Chat" are names whose last syllable
		// is also an English word.)
		if !r.lx.firstName(run[0].text) && len(last) < 5 || r.lx.firstName(last) || r.lx.generational[last] {
			return false
		}
	}
	var buf [32]byte
	l, ok := lowerASCII(buf[:0], last)
	if !ok {
		return false
	}
	// (Map lookups of a converted byte slice allocate nothing.)
	if !r.lx.common[string(l)] || r.lx.surnameWords[string(l)] || r.lx.auxiliaries[string(l)] {
		return false
	}
	if len(run) > 2 {
		if p, ok := lowerASCII(buf[:0], run[len(run)-2].text); !ok || r.lx.particles[string(p)] {
			return false // "Nguyen Van Chat": a particle before the last word
		}
	}
	return true
}

// lowerASCII appends the lower case of w to b when w is ASCII and fits;
// ok is false otherwise.
func lowerASCII(b []byte, w string) ([]byte, bool) {
	if len(w) > cap(b) {
		return b, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return b, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}

// orgKind reports a common noun for a kind of organisation (orgkind in
// wordsets.txt), or a compound naming a maker of something ("drugmaker",
// "chipmaker"), which English coins freely.
func (r *Recognizer) orgKind(w string) bool {
	return r.lx.orgKinds[w] || len(w) > len("maker")+2 && strings.HasSuffix(w, "maker") && !r.lx.personNouns[w] // not "filmmaker"
}

// agentKind reports a kind of organisation named by an agent noun
// ("insurer", "chipmaker"), which no name begins with; not one that also
// names a person's work ("broadcaster", "developer").
func (r *Recognizer) agentKind(w string) bool {
	return r.orgKind(w) && !r.lx.personNouns[w] && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "or") || w == "airline" || w == "watchdog" || w == "conglomerate")
}

// kindNounTold reports "told the newspaper" before the name: a kind noun
// after a telling verb and a determiner, with up to three modifiers
// between ("told the news agency", "told the Spanish sports daily"):
// lower-case nouns and adjectives, or names the lists know.
func (r *Recognizer) kindNounTold(toks []token, k int) bool {
	j := k - 1
	for ; j >= 0 && k-j <= 3; j-- {
		t := toks[j]
		if determinerWord(strings.ToLower(t.text)) {
			break
		}
		// ("told state broadcaster Velcom that": no determiner.)
		if r.lx.tellVerbs[t.text] {
			return true
		}
		if isCap(t.text) {
			if _, _, ok := r.lx.known(t.text); !ok {
				return false
			}
			continue
		}
		if !strings.HasPrefix(t.tag, "NN") && t.tag != "JJ" {
			return false
		}
	}
	return j >= 1 && determinerWord(strings.ToLower(toks[j].text)) && r.lx.tellVerbs[toks[j-1].text]
}

// kindNoun reports a kind noun at token k that introduces the name after
// it as a noun phrase's head: before it, past at most four modifiers
// (lower-case words, or nationalities and places the lists know: "US team",
// "the South American group"), a determiner, a possessive ("Adamowicz's
// former party") or a known modifier, or the sentence's capitalised first
// words ("State news firm"), or a preposition right before it ("in
// journal Nature"); and no verb of telling before a determiner
// ("told the team Okafor would start": the name opens a clause).
func (r *Recognizer) kindNoun(toks []token, k int) bool {
	j, known := k-1, false
	for j >= 0 && k-j <= 4 {
		t := toks[j]
		if isCap(t.text) {
			if t.initial {
				// "State news firm", "Software maker"; not "Records show".
				return j+1 < k || strings.HasPrefix(toks[k].tag, "NN")
			}
			// ("the Tromsø company Nordkyst": a town the lists hold only
			// as a town.)
			if _, _, ok := r.lx.known(t.text); !ok && !r.lx.townOrCity(t.text) {
				break
			}
			known = true
		} else if !(strings.HasPrefix(t.tag, "NN") || t.tag == "JJ" || t.tag == "CD" || t.tag == "VBN" || t.tag == "VBG" && j+1 < k) {
			break
		}
		j--
	}
	if j < 0 {
		return true
	}
	if isCap(toks[j].text) && toks[j].initial {
		return j+1 < k || strings.HasPrefix(toks[k].tag, "NN")
	}
	switch w := strings.ToLower(toks[j].text); {
	case toks[j].tag == "IN" && (j+1 == k || known && j+2 == k):
		// "published in journal Nature", "run by airline Norwind"; "a
		// merger with French carmaker Renault": a people's or a place's
		// word between.
		return true
	case determinerWord(w):
		return j == 0 || !r.lx.tellVerbs[toks[j-1].text]
	case toks[j].tag == "POS" || w == "'s" || w == "\u2019s":
		return true
	case (w == "," || toks[j].tag == "IN") && j+1 < k && !r.lx.personNouns[toks[k].text]:
		// "the bus crashed, local radio station Radio Sur reported", "made
		// by state news firm Saba"; not a kind that is also a job ("from
		// property developer Kyriakou").
		return true
	}
	return known
}

// describedAs reports a name ending before token j that a comma, "a" or
// "an" and, within three words, a noun of kinds describe, the noun ending
// its phrase ("Quillo, a messaging app"; not "a bank holiday").
func describedAs(toks []token, j int, kinds map[string]bool, capMod func(w string) bool, personish func(w string) bool) bool {
	return describedAsAt(toks, j, kinds, capMod, personish) >= 0
}

// describedAsAt is describedAs returning the index of the kind's word, or
// -1.
func describedAsAt(toks []token, j int, kinds map[string]bool, capMod func(w string) bool, personish func(w string) bool) int {
	if j+2 >= len(toks) || toks[j].text != "," || (toks[j+1].text != "a" && toks[j+1].text != "an") {
		return -1
	}
	modded := false
	for k := j + 2; k < len(toks) && k <= j+4; k++ {
		w := toks[k].text
		if !kinds[w] {
			if r, _ := utf8.DecodeRuneInString(w); isCap(w) && (capMod == nil || !capMod(w)) || !unicode.IsLetter(r) {
				return -1
			}
			modded = modded || isCap(w)
			continue
		}
		// ("Kovac, a Polish drone operator,": a kind that is also a
		// person's trade stays as it was without the capitalised word.)
		if modded && personish != nil && personish(w) {
			return -1
		}
		// "a chain of islands", "a site for pilgrims": a kind with an
		// "of" or "for" complement describes something else.
		if k+1 < len(toks) && (toks[k+1].text == "of" || toks[k+1].text == "for") {
			return -1
		}
		if k+1 >= len(toks) || !strings.HasPrefix(toks[k+1].tag, "NN") || isCap(toks[k+1].text) {
			return k
		}
		// ("Nordbiotica, a start-up company based in Espoo,": a kind
		// before another kind modifies it.)
		if kinds[toks[k+1].text] && k+1 <= j+4 {
			continue
		}
		return -1
	}
	return -1
}

// placeWordAt reports a word at k that stands before a place: a
// preposition of location in any case ("In Évian", "near Cullinan"),
// "between", "nearby" or "including".
func placeWordAt(toks []token, k int) bool {
	if k < 0 {
		return false
	}
	// (Not "of", "to" or "from": "supporters of Morales", "a letter to
	// Morales" take people as often.)
	switch strings.ToLower(toks[k].text) {
	case "in", "near", "at", "outside", "around", "across", "between", "nearby", "including":
		return true
	}
	return false
}

// describedAsThe reports ", the" at j, at most three lower-case modifiers
// and a noun of kinds that ends the phrase or takes "of", "for" or "in"
// and a capitalised name ("the ruling party of Kenya"; not "the chain of
// islands" or "the company's founder").
func describedAsThe(toks []token, j int, kinds, persons map[string]bool, capMod func(w string) bool, personish func(w string) bool) bool {
	if j+2 >= len(toks) || toks[j].text != "," {
		return false
	}
	first, modded := j+2, false
	switch {
	case toks[j+1].text == "the":
	case capMod != nil && j+3 < len(toks) && possessiveMark(toks[j+2].text) && capMod(toks[j+1].text):
		// "Carabineros, Chile's national police force,": a known place's
		// possessive stands for "the".
		first, modded = j+3, true
	default:
		return false
	}
	for k := first; k < len(toks) && k <= first+3; k++ {
		w := toks[k].text
		if r, _ := utf8.DecodeRuneInString(w); isCap(w) && (capMod == nil || !capMod(w)) || !unicode.IsLetter(r) {
			return false
		}
		if isCap(w) {
			modded = true
			continue // "the Russian space agency"
		}
		if !kinds[w] {
			// Modifiers only: "the spokesman for the group", "the head of
			// the union" describe a person.
			if t := toks[k].tag; persons[w] && strings.HasPrefix(t, "NN") || !(strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN") || t == "VBG" || t == "VBN") {
				return false
			}
			continue
		}
		if modded && personish != nil && personish(w) {
			return false
		}
		// ("Pedri, Barcelona's creative force,": only a body's force.)
		if w == "force" && (k == first || !bodyForce(toks[k-1].text)) {
			return false
		}
		if k+1 >= len(toks) {
			return true
		}
		// ("the rugby union club": a kind that modifies another.)
		if k < first+3 && kinds[toks[k+1].text] {
			continue
		}
		switch toks[k+1].text {
		case ",", ".", ";":
			return true
		case "of", "for", "in", "from":
			n := k + 2
			if n < len(toks) && toks[n].text == "the" {
				n++
			}
			return n < len(toks) && isCap(toks[n].text)
		}
		return false
	}
	return false
}

// placeContext types a name by the words around it (placeRules) and
// records the rule that did.
func (r *Recognizer) placeContext(text string, m *mention, toks []token, i, j int) {
	m.speaks = j < len(toks) && r.lx.orgSpeechVerb[toks[j].text]
	m.personPron = j+1 < len(toks) && r.saysAfterTok(toks, j) && (toks[j+1].text == "he" || toks[j+1].text == "she")
	// ("said Farewell Spit was a trap": the words after a verb of saying
	// open what it says; an inverted cue's subject ends its clause.)
	if i > 0 && (j >= len(toks) || toks[j].text == ".") {
		switch toks[i-1].text {
		case "said", "says", "wrote", "added", "announced", "stated", "warned":
			m.saidBy = true
		}
	}
	if j < len(toks) {
		switch toks[j].text {
		case "reported", "reports":
			// An outlet's verb: "Rappler reported that the senator had
			// resigned".
			m.announces = true
		case "announced", "announces", "confirmed", "confirms":
			// Only when "it" follows: "Hasbro announced that it would";
			// not "Boateng confirmed that talks would resume".
			for k := j + 1; k < len(toks) && k <= j+4; k++ {
				if toks[k].text == "it" || toks[k].text == "its" {
					m.announces = true
					break
				}
			}
		}
	}
	m.itActs = m.speaks && r.itActsAfter(toks, j)
	// ("his daughter, 14-year-old Emma,": an age before a name gives it
	// as a person's too.)
	// ("a boy, identified only as Ivan,": the name the police or the
	// family gave is a given name too.)
	m.given = i > 0 && (toks[i-1].text == "named" || toks[i-1].text == "called" || yearsOld(toks[i-1].text) ||
		toks[i-1].text == "as" && i > 1 && (toks[i-2].text == "identified" || toks[i-2].text == "only" && i > 2 && (toks[i-3].text == "identified" || toks[i-3].text == "known")))
	// ("a student named Wong": the noun before it is a person's.)
	// (Not a noun a company fills as often: "an investor called SoftBank".)
	m.givenPerson = m.given && i > 1 && r.lx.personNouns[toks[i-2].text] && !r.lx.companyRoles[toks[i-2].text]
	// (A role a company fills too only after a noun that makes it a
	// person's: "business owner Amir Haddad", not "owner Tarvel".)
	m.roleBefore = i > 0 && !isCap(toks[i-1].text) && r.lx.personNouns[toks[i-1].text] &&
		(!r.lx.companyRoles[toks[i-1].text] || i > 1 && strings.HasPrefix(toks[i-2].tag, "NN") && (!isCap(toks[i-2].text) || toks[i-2].initial))
	for k := j; k < len(toks) && k <= j+1 && !isCap(toks[k].text); k++ {
		if r.lx.staffNouns[toks[k].text] {
			m.staff = true
			break
		}
	}
	// ("Staff at the White House declined": where it stands, not who acts.)
	m.acts = r.actsAt(toks, j) && !placeWordAt(toks, i-1) && !(i >= 2 && strings.EqualFold(toks[i-1].text, "the") && placeWordAt(toks, i-2))
	m.modifier = j < len(toks) && !isCap(toks[j].text) && strings.HasPrefix(toks[j].tag, "NN") ||
		m.end < len(text) && text[m.end] == '-'

	m.placeAfter = r.placeAfterComma(toks, j)
	m.placed = placeWordAt(toks, i-1) ||
		i >= 3 && toks[i-1].text == "and" && isCap(toks[i-2].text) && placeWordAt(toks, i-3) // "between Zwolle and Emmen"
	if i > 0 {
		switch strings.ToLower(toks[i-1].text) {
		case "to", "from", "into", "via", "towards", "toward", "visit", "visits", "visited", "visiting", "across", "through":
			m.bound = true
		case "of":
			m.afterOf = true
		}
	}
	if j < len(toks) {
		switch toks[j].text {
		case "told", "tells", "added", "adds", "wrote", "argued", "insisted", "explained", "replied":
			m.personish = true
		case ",":
			m.personish = j+1 < len(toks) && toks[j+1].text == "who"
			m.whoAfter = m.personish
		}
	}
	// ("Tadej Pogačar of Slovenia won": a name of words no list knows,
	// then "of" and a country, is where news puts a person's, most of all
	// in sport; a body's name has a head word, "Bank of Slovenia".)
	m.personPlace = m.personish || r.personPlaceAt(toks, j) || j+1 < len(toks) && toks[j].text == "of" && r.lx.country(toks[j+1].text) && (j+2 >= len(toks) || !isCap(toks[j+2].text))
	c := placeCtx{m: m, text: text, toks: toks, i: i, j: j}
	for _, rule := range placeRules {
		if rule.fn(r, c) {
			if rule.name != "" {
				m.typedBy = r.typed(rule.name)
			}
			return
		}
	}
}

// employerSays reports "of the" at j and a body's name of capitalised
// words with an organisation's head word, then a verb of saying ("of the
// University of Geneva told"): where news puts a person who works there.
func (r *Recognizer) employerSays(toks []token, j int) bool {
	if j+2 >= len(toks) || toks[j].text != "of" || toks[j+1].text != "the" {
		return false
	}
	body := false
	x := j + 2
	for ; x < len(toks) && x <= j+8 && (isCap(toks[x].text) || toks[x].text == "of"); x++ {
		body = body || r.orgHeadWord(toks[x].text)
	}
	if x < len(toks) && toks[x].text == "," {
		x++
	}
	if !body || x >= len(toks) {
		return false
	}
	switch toks[x].text {
	case "said", "says", "told", "tells", "added", "wrote", "explained":
		return true
	}
	return false
}

// roleBeforeComma reports a lower-case noun for a person or a title
// heading the phrase before the comma at k, past the capitalised words of
// its complement ("the mayor of Paris,", "her lawyer,"): the name after the
// comma is set off as that person's (not "the coach's old ground,").
func (r *Recognizer) roleBeforeComma(toks []token, k int) bool {
	if k < 1 || k >= len(toks) || toks[k].text != "," {
		return false
	}
	for x := k - 1; x >= 0 && x >= k-6; x-- {
		w := toks[x].text
		if isCap(w) && !toks[x].initial || w == "of" || w == "the" || w == "for" {
			continue
		}
		low := strings.ToLower(w)
		return r.lx.personNouns[low] && !r.orgKind(low) && !r.lx.companyRoles[low] || r.lx.titles[low] && !isCap(w)
	}
	return false
}

// personPlaceAt reports a name whose run ends before token j, where a verb
// of saying follows ("said", ", said"): where news puts a person's. (A
// person's noun or an age beside it types it by the classifying rules.)
func (r *Recognizer) personPlaceAt(toks []token, j int) bool {
	if j < len(toks) && toks[j].text == "," {
		j++
	}
	return j < len(toks) && (toks[j].text == "said" || toks[j].text == "says")
}

// placeAfterComma reports a known place after the comma at token j, that
// no possessive makes a clause's subject ("Irving, Texas"; not "on New
// Year's Day, Indonesia's disaster agency said"). The place may take
// several words: "Shelby, North Carolina".
func (r *Recognizer) placeAfterComma(toks []token, j int) bool {
	if j+1 >= len(toks) || toks[j].text != "," {
		return false
	}
	for k := min(4, len(toks)-j-1); k >= 1; k-- {
		if !isCap(toks[j+k].text) {
			continue
		}
		if e, ok := r.lx.lookup(joinText(toks[j+1 : j+1+k])); ok && e.typ == article.TypeGPE {
			n := j + 1 + k
			return n >= len(toks) || toks[n].text != "'s" && toks[n].text != "’s"
		}
	}
	return false
}

// personalPronoun reports a pronoun that stands for a person (or people)
// as a clause's subject or a possessive: "he", "she", "his", "her", "they".
func personalPronoun(w string) bool {
	switch strings.ToLower(w) {
	case "he", "she", "they", "his", "her", "their", "i", "we", "you":
		return true
	}
	return false
}

// subjectPronoun reports a pronoun that opens a clause.
func subjectPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "we", "it", "I":
		return true
	}
	return false
}

// surnameLike reports a word that can only be a name: capitalised, no
// common English word, no organisation or place cue, not known as another
// kind of name, and no English derivational ending.
func (r *Recognizer) surnameLike(w string) bool {
	if !isCap(w) || isAcronym(w) || r.lx.common[strings.ToLower(w)] || r.lx.wordLike(w) {
		return false
	}
	if _, cue := r.lx.headCue[w]; cue {
		return false
	}
	_, known := r.lx.lookup(w)
	return !known
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

// placeInName reports a run that starts with a known place ("Abu Dhabi
// Media") or holds a country, curated place or nationality word ("Muslim
// Mindanao").
func (r *Recognizer) placeInName(run []token) bool {
	// (A place only the generated lists know may be a given name: "Kumi
	// Naidoo", "Milan Vaishnav".)
	for k := len(run) - 1; k >= 1; k-- {
		if e, ok := r.lx.lookup(joinText(run[:k])); ok && e.typ != article.TypeOrg && !(e.weak && len(run) == 2 && r.surnameLike(run[1].text)) {
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
			if r.lx.firstName(t.text) {
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
		// "Sons of Norway Community Hall": a tail that ends in an
		// organisation or facility word is the head itself; one that ends in
		// a place word ("of the Kingdom of Spain") is not.
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

// isRoman reports Roman numerals ("XVII", "II"), which are not acronyms.
func isRoman(s string) bool {
	return len(s) >= 2 && strings.Trim(s, "IVXLCDM") == ""
}

// brandShape reports a camel-case word with the length of a brand's name
// and no joining mark: "TikTok", "BlackRock"; not "PhD", "WiFi",
// "Murray-McIntosh" or "Bibcode:1999".
func (r *Recognizer) brandShape(w string) bool {
	return utf8.RuneCountInString(w) >= 5 && !strings.ContainsAny(w, "-:") && camelCase(w, r.lx.particles)
}

// camelCase reports a word with a capital after a lower-case letter
// ("MicroMega", "YouTube"), which brands have and given names do not, apart
// from "McDonald", "DeVito", "MacArthur"-style prefixes and capitalised
// name particles.
func camelCase(w string, particles map[string]bool) bool {
	// ("Hale-McArdle": each part of a hyphenated name on its own.)
	if strings.Contains(w, "-") {
		for part := range strings.SplitSeq(w, "-") {
			if camelCase(part, particles) {
				return true
			}
		}
		return false
	}
	for _, p := range []string{"Mc", "Mac", "O'"} {
		if strings.HasPrefix(w, p) && len(w) > len(p) && isCap(w[len(p):]) {
			return false
		}
	}
	for p := range particles {
		if len(p) >= 2 && len(w) > len(p) && strings.EqualFold(w[:len(p)], p) && isCap(w) && isCap(w[len(p):]) {
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

// isYear reports a year of modern history written in digits ("2019").
func isYear(s string) bool {
	if len(s) != 4 || !allDigits(s) {
		return false
	}
	return s >= "1800" && s <= "2199"
}

// allDigits reports a word of digits only ("737").
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// placeTeam reports a run that is a known place followed by one plural
// word that is no place word, nationality or given name: a sports club
// ("Green Bay Packers"). Plurals that name land ("Florida Keys", "Great
// Plains") are places.
func (r *Recognizer) placeTeam(run []token) bool {
	if len(run) < 2 {
		return false
	}
	w := run[len(run)-1].text
	// ("Oxford Circus", "Bolton Campus": a Latin singular is no plural.)
	if len(w) < 4 || !isCap(w) || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.ContainsAny(w, "'’.-") {
		return false
	}
	if _, cue := r.lx.headCue[w]; cue || r.isNORP(w) || r.lx.firstName(w) || r.lx.landPlurals[w] || r.lx.eventPlurals[w] || strings.HasSuffix(w, "ings") {
		return false
	}
	return r.placeBeforeLast(run)
}

// placeBeforeLast reports a run whose words before the last are a known
// place ("Green Bay" of "Green Bay Packers", "Florida" of "Florida Keys").
func (r *Recognizer) placeBeforeLast(run []token) bool {
	e, ok := r.lx.lookup(joinText(run[:len(run)-1]))
	return ok && e.typ == article.TypeGPE
}

// afterKin reports a one-word name at token i that follows a kin noun
// ("wife Mary", "mother, Anwar,"), or that is joined by "and" to one
// that does ("children Ana and Tom").
func (r *Recognizer) afterKin(toks []token, i int) bool {
	kin := func(w string) bool {
		w = strings.ToLower(w)
		// ("its partner Komeito": a partner may be a party or a firm.)
		if r.lx.kinNouns[w] && w != "partner" {
			return true
		}
		switch w {
		case "children", "sons", "daughters", "parents", "brothers", "sisters", "grandchildren", "twins", "siblings":
			return true
		}
		return false
	}
	// kinBefore: a kin noun right before token q, past a comma.
	kinBefore := func(q int) bool {
		b := q - 1
		if toks[b].text == "," && b > 0 {
			b--
		}
		return kin(toks[b].text) && !isCap(toks[b].text)
	}
	if kinBefore(i) {
		return true
	}
	// "Ana and Tom", "Ana, Tom and Lia": the earlier names of the list.
	if toks[i-1].text == "and" || toks[i-1].text == "," {
		for q := i - 2; q >= 1 && q > i-8; q -= 2 {
			if !isCap(toks[q].text) || !r.lx.firstName(toks[q].text) {
				return false
			}
			if kinBefore(q) {
				return true
			}
			if toks[q-1].text != "," && toks[q-1].text != "and" {
				return false
			}
		}
	}
	return false
}

// languageAt reports a one-word nationality's name at [i, j) used for a
// language: after "in", "into" or a verb of speaking with no noun after
// it ("in English"; not "in French territory"), before "language" or
// "translation", or joined by "and" to one so used ("in French and
// English").
func (r *Recognizer) languageAt(toks []token, i, j int) bool {
	next := ""
	if j < len(toks) {
		next = strings.ToLower(toks[j].text)
	}
	switch next {
	case "language", "languages", "translation", "translations", "subtitles", "speakers", "speaker", "dialect":
		return true
	}
	nounAt := func(k int) bool {
		return k < len(toks) && !isCap(toks[k].text) && (strings.HasPrefix(toks[k].tag, "NN") || strings.HasPrefix(toks[k].tag, "JJ"))
	}
	// ("a surge in Venezuelans crossing": a people's plural is people;
	// "in Chinese and Russian ports": the noun after the pair.)
	if i == 0 || nounAt(j) || strings.HasSuffix(toks[i].text, "s") {
		return false
	}
	if j+1 < len(toks) && (toks[j].text == "and" || toks[j].text == "or") && r.isNORP(toks[j+1].text) && nounAt(j+2) {
		return false
	}
	p := i - 1
	if w := toks[p].text; (w == "and" || w == "or") && p >= 2 && r.isNORP(toks[p-1].text) {
		p -= 2
	}
	// ("in formal classical Arabic": past adjectives to the preposition.)
	for n := 0; n < 2 && p > 0 && !isCap(toks[p].text) && toks[p].tag == "JJ"; n++ {
		p--
	}
	switch strings.ToLower(toks[p].text) {
	case "in", "into", "speak", "speaks", "spoke", "speaking", "spoken", "fluent", "translated":
		return true
	}
	return false
}

// familyNameShape reports a capitalised word of two to five ASCII letters
// with one vowel group: a romanised East Asian family name ("Park",
// "Tsai", "Moon", "Kim").
func familyNameShape(w string) bool {
	if len(w) < 2 || len(w) > 5 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	groups, prevVowel := 0, false
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
		v := strings.IndexByte("aeiouy", c) >= 0
		if v && !prevVowel {
			groups++
		}
		prevVowel = v
	}
	return groups == 1
}

// syllablePair reports a romanised given name of two syllables joined by a
// hyphen, the second in lower case: "Ji-hoon", "Ing-wen", "Jae-in".
func syllablePair(w string) bool {
	i := strings.IndexByte(w, '-')
	if i < 1 || i > 5 || len(w)-i-1 < 1 || len(w)-i-1 > 5 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for k := 1; k < len(w); k++ {
		if c := w[k]; k != i && (c < 'a' || c > 'z') {
			return false
		}
	}
	switch w[i+1:] {
	case "do", "gu", "si", "gun", "dong", "ri", "myeon", "eup", "ro", "gil":
		return false
	}
	return true
}

// spellsBefore reports lower-case words at the end of toks whose initials
// (each part of a hyphenated word counting, "of", "and" and "the" skipped)
// spell the acronym a.
func spellsBefore(toks []token, a string) bool {
	want := strings.ToLower(a)
	k := len(want)
	for x := len(toks) - 1; x >= 0 && k > 0; x-- {
		t := toks[x].text
		if t == "" || !unicode.IsLower(rune(t[0])) {
			return false
		}
		switch t {
		case "of", "and", "the", "for", "on", "in", "to":
			continue
		}
		parts := strings.Split(t, "-")
		for p := len(parts) - 1; p >= 0 && k > 0; p-- {
			if parts[p] == "" {
				continue
			}
			if parts[p][0] != want[k-1] {
				return false
			}
			k--
		}
	}
	return k == 0
}

// abstractOrPlural reports a lower-case noun that is a plural ("farmers")
// or ends like an abstract noun ("biology", "safety", "treatment").
// wordNoSurname reports a lower-cased English word that ends a name as the
// word, not as a surname: a plural or an abstract noun by its ending that
// the 1990 census has as no surname, or, for a plural, only as a rare one
// outside its 2,000 most frequent ("ferries", "concerts"; not "woods",
// "banks").
func (r *Recognizer) wordNoSurname(w string) bool {
	if !r.lx.common[w] || !abstractOrPlural(w) {
		return false
	}
	return !r.lx.surnameWords[w] || strings.HasSuffix(w, "s") && !r.lx.commonSurnames[w]
}

func abstractOrPlural(w string) bool {
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
		return true
	}
	for _, suf := range []string{"ogy", "ics", "ity", "ety", "ment", "ness", "ship", "tion", "sion", "ance", "ence", "ture", "ing", "phy"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// postalState returns the state a US postal code or AP abbreviation at the
// mention of c stands for: code itself only when bare is allowed, its
// dotted form ("S.C."), or the AP form with the period after the mention
// ("Mass."; the tokenizer may split the period off, or keep it in the
// token and out of the name).
func (r *Recognizer) postalState(c placeCtx, code string, bare bool) (string, bool) {
	if bare {
		if s, ok := r.lx.postal[code]; ok {
			return s, true
		}
	}
	if d, dotted := dottedPair(code); dotted {
		if s, ok := r.lx.postal[d]; ok {
			return s, true
		}
	}
	if c.j < len(c.toks) && c.toks[c.j].text == "." && c.toks[c.j].start == c.toks[c.j-1].end || c.toks[c.j-1].text == c.m.text+"." {
		s, ok := r.lx.postal[code+"."]
		return s, ok
	}
	return "", false
}

// yearsOld reports an age written as one word ("45-year-old").
func yearsOld(w string) bool {
	n, ok := strings.CutSuffix(strings.ToLower(w), "-year-old")
	return ok && n != "" && allDigits(n)
}

// tradeKind reports a kind of organisation that is also a person's
// trade or a role people fill as often ("operator", "shipbuilder",
// "publisher"): after a capitalised modifier it may describe a person.
func (r *Recognizer) tradeKind(w string) bool {
	return r.lx.personNouns[w] || r.lx.companyRoles[w]
}

// bodyForce reports a word before "force" that makes it a body: "police
// force", "air force", "task force".
func bodyForce(w string) bool {
	switch w {
	case "police", "air", "security", "task", "defence", "defense", "military", "naval", "border", "armed", "peacekeeping":
		return true
	}
	return false
}

// kindModifier reports a capitalised word that may stand among the
// modifiers of a kind of organisation: a nationality ("a Polish
// shipbuilder"), a place the lists know ("a Lagos payments firm",
// "Chile's national police force") or a place's "-based" ("the New
// Delhi-based mobile operator").
func (r *Recognizer) kindModifier(w string) bool {
	// "a London-based charity", "an Iran-backed militia", "a
	// Saudi-led coalition": a name joined to a participle of ties.
	if i := strings.LastIndexByte(w, '-'); i > 0 {
		switch w[i+1:] {
		case "based", "backed", "linked", "led", "allied", "aligned", "affiliated", "owned", "funded", "run", "born":
			return true
		}
	}
	return r.isNORP(w) || r.knownPlace(w)
}

// knownPlace reports a word the lists know as a country, state or city.
func (r *Recognizer) knownPlace(w string) bool {
	typ, _, ok := r.lx.known(w)
	return ok && (typ == article.TypeGPE || typ == article.TypeLoc)
}

// nobleTitle reports a title of the peerage that takes "of" and a place
// ("Duke of Edinburgh", "Countess of Wessex").
func nobleTitle(w string) bool {
	switch w {
	case "Duke", "Duchess", "Earl", "Countess", "Marquess", "Marchioness", "Viscount", "Viscountess", "Baron", "Baroness":
		return true
	}
	return false
}

// bodyRelation reports a noun for what one body is to another ("rival",
// "partner", "parent").
func bodyRelation(w string) bool {
	switch w {
	case "rival", "rivals", "competitor", "partner", "parent", "subsidiary", "owner", "sponsor", "ally":
		return true
	}
	return false
}

// itsBefore reports "its" before token k, past up to two lower-case
// modifiers ("its smaller rival", "its junior coalition partner").
func itsBefore(toks []token, k int) bool {
	for n, x := 0, k-1; x >= 0 && n <= 2; n, x = n+1, x-1 {
		switch w := toks[x].text; {
		case strings.EqualFold(w, "its"):
			return true
		case isCap(w) || !(strings.HasPrefix(toks[x].tag, "JJ") || strings.HasPrefix(toks[x].tag, "NN")):
			return false
		}
	}
	return false
}

// givenAsName reports the words before token i that give a person's name
// alone: "gave his name (only) as", "gave only her first name,", "known
// simply as", "identified only as".
func givenAsName(toks []token, i int) bool {
	w := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return strings.ToLower(toks[k].text)
	}
	k := i - 1
	if w(k) == "," {
		k--
	}
	if w(k) == "as" {
		k--
		only := w(k) == "only" || w(k) == "simply"
		if only {
			k--
		}
		switch w(k) {
		case "known", "identified", "named":
			// ("known as Brexit", "Muslims known as Salafists": a term;
			// "known simply as Zitto", "identified only as Ana": a person.)
			return only
		case "name":
			return w(k-1) == "his" || w(k-1) == "her" || w(k-1) == "their" || w(k-1) == "first"
		}
		return false
	}
	// "gave only her first name, Nadja,"
	return w(k) == "name" && w(k-1) == "first" && (w(k-2) == "his" || w(k-2) == "her")
}

// itActsAfter reports the verb of saying at j followed, within six words
// and no punctuation, by an "it" that acts as a body does (itActsAt):
// "said on Tuesday that it would cut".
func (r *Recognizer) itActsAfter(toks []token, j int) bool {
	for k := j + 1; k < len(toks) && k <= j+6; k++ {
		if toks[k].text == "it" {
			return r.itActsAt(toks, k)
		}
		if !isWordTok(toks[k].text) {
			return false
		}
	}
	return false
}

// isWordTok reports a token of letters or digits (no punctuation).
func isWordTok(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// itActsAt reports "it" at k as the subject of an act only a body does
// (itactverb in wordsets.txt: "it would appeal", "it has filed", "it
// plans to"), after an auxiliary and an optional "not". Not the empty it
// of a judgement or a span of time ("it would be difficult", "it would
// take weeks"), nor a thing's ("it had collapsed", "it would resume").
func (r *Recognizer) itActsAt(toks []token, k int) bool {
	if k+2 >= len(toks) || toks[k].text != "it" {
		return false
	}
	switch toks[k+1].text {
	case "plans", "planned", "intends", "intended":
		return toks[k+2].text == "to" // (a thing plans nothing)
	case "did":
		return wrongdoingDenied(toks, k+2)
	case "would", "will", "had", "has", "could":
	default:
		return false
	}
	v := k + 2
	if toks[v].text == "not" && v+1 < len(toks) {
		v++
	}
	// ("it had done nothing wrong": only one who acts does wrong.)
	return r.lx.itActVerbs[toks[v].text] || toks[v].text == "done" && wrongdoingDenied(toks, v+1)
}

// wrongdoingDenied reports "nothing wrong" (or illegal, improper,
// unlawful) at k.
func wrongdoingDenied(toks []token, k int) bool {
	if k+1 >= len(toks) || toks[k].text != "nothing" {
		return false
	}
	switch toks[k+1].text {
	case "wrong", "illegal", "improper", "unlawful":
		return true
	}
	return false
}

// ownerWord reports a possessive determiner or a possessive noun ("its",
// "the agency's").
func ownerWord(w string) bool {
	switch strings.ToLower(w) {
	case "its", "their", "his", "her", "our":
		return true
	}
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// determinerBefore reports "the", "a" or "an" before the kind noun at k,
// past up to two lower-case modifiers ("the online retailer").
func determinerBefore(toks []token, k int) bool {
	for p := k - 1; p >= 0 && p >= k-3; p-- {
		w := strings.ToLower(toks[p].text)
		switch first, _ := utf8.DecodeRuneInString(w); {
		case w == "the" || w == "a" || w == "an":
			return true
		case isCap(toks[p].text) || !unicode.IsLetter(first):
			return false
		}
	}
	return false
}

// kindHead reports whether the tokens from k, past at most n-1 lower-case
// modifiers (adjectives, nouns, or the verb form whose tag begins with
// participle), reach a kind of organisation that heads its phrase: not
// one that modifies a noun or owns something ("the union's general
// secretary", "a central bank governor"), not a word for a person too ("a
// machine operator"), not "a member of the group". With clauseVerb false,
// a finite verb after the kind makes it a cited source instead ("Tebogo
// Mokoena, the union said, was arrested", "the club confirmed, has
// signed"); a participle that describes the body is fine ("a firm
// specialising in AIS").
func (r *Recognizer) kindHead(toks []token, k, n int, participle string, clauseVerb bool) bool {
	for end := k + n; k < len(toks) && k < end; k++ {
		w := toks[k].text
		if isCap(w) || w == "," || possessiveTok(w) || possessiveMark(w) {
			return false
		}
		if bodyKind(w) {
			if k+1 < len(toks) && (toks[k+1].text == "of" || strings.HasPrefix(toks[k+1].tag, "NN") || strings.HasPrefix(toks[k+1].tag, "POS") || possessiveMark(toks[k+1].text) || clauseVerb && finiteAfterKind(toks, k+1)) {
				return false
			}
			return !r.lx.personNouns[w]
		}
		if !strings.HasPrefix(toks[k].tag, "JJ") && !strings.HasPrefix(toks[k].tag, "NN") && !strings.HasPrefix(toks[k].tag, participle) {
			return false
		}
	}
	return false
}

// bodyKind reports a noun for a kind of organisation that never names a
// person's job ("group", "charity", "label"; not "operator", "developer").
func bodyKind(w string) bool {
	switch w {
	case "group", "company", "firm", "corporation", "charity", "band", "troupe", "orchestra", "choir", "ensemble", "label", "broadcaster",
		"newspaper", "magazine", "club", "party", "union", "association", "organisation", "organization", "foundation", "federation",
		"institute", "agency", "network", "studio", "startup", "start-up", "coalition", "alliance", "movement", "nonprofit", "non-profit":
		return true
	}
	return false
}

// finiteAfterKind reports a verb at k that makes the kind word before it
// the subject of a clause of its own: a finite verb, or a past form set off
// by a comma ("the club confirmed, has signed").
func finiteAfterKind(toks []token, k int) bool {
	switch toks[k].tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	case "VBN":
		return k+1 < len(toks) && toks[k+1].text == ","
	}
	return false
}

// noPersonWords reports two or three capitalised words of which none is a
// given name, a title or a known surname.
func (r *Recognizer) noPersonWords(words []string) bool {
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if !isCap(w) || r.lx.firstName(w) || r.lx.givenWords[w] || r.lx.titles[strings.ToLower(w)] || r.lx.frequentSurnames[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// afterAside returns the token after an aside in brackets that opens at
// j (at most eight tokens inside), else j.
func afterAside(toks []token, j int) int {
	if j >= len(toks) || toks[j].text != "(" {
		return j
	}
	for x := j + 1; x < len(toks) && x <= j+9; x++ {
		switch toks[x].text {
		case ")":
			return x + 1
		case "(":
			return j
		}
	}
	return j
}

// capsName is a word written in capitals of four letters or more in title
// case ("KELLY" → "Kelly"), else "".
func capsName(w string) string {
	if utf8.RuneCountInString(w) < 4 || !isAcronym(w) || strings.ContainsAny(w, ".-0123456789") {
		return ""
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(r) + strings.ToLower(w[n:])
}
