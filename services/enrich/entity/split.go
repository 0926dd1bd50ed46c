package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pkg/article"
)

// scratch is the working memory of one unit's rules, allocated once per
// unit (the chains' rules take pointers, which would otherwise escape per call).
type scratch struct {
	class classCtx
	join  joinCtx
}

// splitCtx is what the splitting rules see of one run of name tokens.
type splitCtx struct {
	text  string
	run   []token
	title string // the title cut off before the run, if any
	inGaz bool   // the whole run is a known name: no rule splits it
	sc    *scratch
}

// acronymAfter returns the acronym in brackets right after byte offset
// end of text ("... Terminals (ECT)"), or "".
func acronymAfter(text string, end int) string {
	rest := strings.TrimLeft(text[end:], " ")
	if !strings.HasPrefix(rest, "(") {
		return ""
	}
	acr, _, ok := strings.Cut(rest[1:], ")")
	if !ok || !isAcronym(acr) {
		return ""
	}
	return acr
}

// inComplement reports a word at k inside the "of" or "for" complement
// of an organisation word that leads a name ("Office of the Harbour Master").
func (r *Recognizer) inComplement(run []token, k int) bool {
	for x := 1; x < k; x++ {
		if w := run[x].text; (w == "of" || w == "for") && r.lx.leadCue[run[x-1].text] != "" {
			return true
		}
	}
	return run[k-1].text == "of"
}

// splitRule is one named step of the splitting chain: it returns the
// mentions the run splits into (none: no name at all) and true when it
// fires, else false.
type splitRule struct {
	name string
	fn   func(r *Recognizer, c splitCtx) ([]mention, bool)
}

// splitRules cut a run of name tokens into names, or drop it; the first that
// fires decides, and the parts go through the chain again (a function, as
// the rules call runMentions, which runs the chain).
func splitRules() []splitRule {
	return []splitRule{
		// "the 2019 IAAF World Athletics Championships": an event is no
		// entity, but the organisation it names is.
		{"event_parts", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			// ("Department of War" is an office: its head comes before "of".)
			if c.inGaz || len(run) < 2 || !r.eventHead(run) || hasWord(run, "of") || hasWord(run, "for") {
				return nil, false
			}
			// Annotators differ on the place in "the Iraq War"; an
			// organisation's name inside an event's is always its own.
			var ms []mention
			for _, m := range r.gazParts(c.text, run, nil) {
				if m.typ == article.TypeOrg {
					ms = append(ms, m)
				}
			}
			if len(ms) == 0 && isAcronym(run[0].text) && len(run[0].text) >= 3 {
				t := run[0]
				ms = []mention{{start: t.start, end: t.end, text: c.text[t.start:t.end], words: []string{t.text},
					typ: article.TypeOrg, ev: evRule, typedBy: r.typed("acronym")}}
			}
			return ms, true
		}},
		// "Black voters", "Indigenous communities": a word for a people by
		// race, capitalised as the AP Stylebook has it since 2020, before a
		// noun for people is that group (NORP); elsewhere ("Black Sea",
		// "Jack Black", "Black smoke") it is left to the other rules.
		{"race_before_people", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			if c.inGaz || len(c.run) != 1 || c.title != "" || !r.lx.raceGroups[c.run[0].text] {
				return nil, false
			}
			t := c.run[0]
			if !r.peopleNounAfter(c.text, t.end) {
				return nil, false
			}
			return []mention{{start: t.start, end: t.end, text: c.text[t.start:t.end], words: []string{t.text},
				typ: article.TypeNORP, ev: evRule, typedBy: r.typed("race_before_people")}}, true
		}},
		// "Korean-Canadian" is one group of people; "Canadian-US" (scientist)
		// is a nationality and a country: a hyphenated word whose capitalised
		// parts the lists all know is one NORP when each part is one, else
		// its parts.
		{"hyphen_known_parts", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			if c.inGaz || len(c.run) != 1 || c.title != "" {
				return nil, false
			}
			t := c.run[0]
			parts := strings.Split(t.text, "-")
			if len(parts) < 2 {
				return nil, false
			}
			// "the London-to-Paris route", "Asia-to-Europe services": two
			// places and the way between them are each themselves.
			if len(parts) == 3 && parts[1] == "to" {
				for _, p := range []string{parts[0], parts[2]} {
					typ, _, ok := r.lx.known(p)
					if !isCap(p) || !ok || typ != article.TypeGPE && typ != article.TypeLoc {
						return nil, false
					}
				}
				return r.hyphenParts(t), true
			}
			// ("the Asia-Pacific region": no nationality, no split; but "the
			// Mumbai-Ahmedabad line", "Israel-Gaza": countries and cities
			// side by side are each themselves.)
			allNORP, someNORP, allGPE := true, false, true
			for _, p := range parts {
				typ, _, ok := r.lx.known(p)
				if !isCap(p) || !ok {
					return nil, false
				}
				allNORP = allNORP && typ == article.TypeNORP
				someNORP = someNORP || typ == article.TypeNORP
				allGPE = allGPE && typ == article.TypeGPE
			}
			// (Places only before a noun of what runs or lies between
			// them: "Paris-Nice" is a race, "the Berlin-Brandenburg
			// airport" one place.)
			if !someNORP && (!allGPE || !r.betweenNounAfter(c.text, t)) {
				return nil, false
			}
			// ("the Syrian-Turkish border", "Israeli-Palestinian talks",
			// "a dual Israeli-Irish citizen": two peoples side by side, or
			// one person's two nationalities, are each themselves.)
			if allNORP && !r.betweenNounAfter(c.text, t) && !dualBefore(c.text, t.start) {
				return []mention{{start: t.start, end: t.end, text: c.text[t.start:t.end], words: []string{t.text},
					typ: article.TypeNORP, ev: evGaz, typedBy: r.typed(ruleGazetteer)}}, true
			}
			return r.hyphenParts(t), true
		}},
		// "Chester Arthur Jr. Memorial Day": a person's name ends at its suffix,
		// but "Chester Arthur Jr. Boulevard" is a street.
		{"generational_suffix", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			for k := 1; k+1 < len(run) && !c.inGaz; k++ {
				if r.lx.generational[run[k].text] && (run[k].text != "II" && run[k].text != "III" || r.lx.firstName(run[0].text)) &&
					!r.hasCue(run[k+1:]) {
					// ("Martin Luther King Jr. Day": the day named after
					// someone is a date, no mention of them.)
					if k+2 == len(run) && run[k+1].text == "Day" {
						return nil, true
					}
					return append(r.runMentions(c.text, run[:k+1], c.title, c.sc), r.runMentions(c.text, run[k+1:], "", c.sc)...), true
				}
			}
			return nil, false
		}},
		// "Judge Ana Ruiz KC", "Tom Vale MP": honours and degrees after a
		// person's name (postnominal in wordsets.txt) are no part of it.
		{"post_nominal", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			n := len(run)
			if n < 3 || c.inGaz || !r.lx.postNominal[run[n-1].text] {
				return nil, false
			}
			return r.runMentions(c.text, run[:n-1], c.title, c.sc), true
		}},
		// "Labour MPs", "three NGOs", "Tory MSPs": a plural of capital
		// letters is a common noun (members, bodies), no name; the name
		// before it is a modifier of its own.
		{"plural_acronym", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			if c.inGaz {
				return nil, false
			}
			for k, t := range c.run {
				// ("National Council of NGOs": the complement of a body's name.)
				if pluralAcronym(t.text) && !(k > 0 && c.run[k-1].text == "of") {
					var ms []mention
					if k > 0 {
						ms = r.runMentions(c.text, c.run[:k], c.title, c.sc)
					}
					if k+1 < len(c.run) {
						ms = append(ms, r.runMentions(c.text, c.run[k+1:], "", c.sc)...)
					}
					return ms, true
				}
			}
			return nil, false
		}},
		// "the State of Virginia": a polity before "of" and a known place
		// names that place.
		{"kind_of_place", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			if c.inGaz || len(run) < 3 || run[1].text != "of" || !r.lx.polityOf[run[0].text] {
				return nil, false
			}
			rest := run[2:]
			if rest[0].text == "the" && len(rest) > 1 {
				rest = rest[1:]
			}
			if typ, _, ok := r.lx.known(joinText(rest)); !ok || typ != article.TypeGPE {
				return nil, false
			}
			return r.runMentions(c.text, rest, "", c.sc), true
		}},
		// "the Princess", "the Pope": a title alone is no name.
		{"lone_title", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			w := c.run[0].text
			return nil, !c.inGaz && len(c.run) == 1 && r.lx.titles[strings.ToLower(w)] && !r.lx.firstName(w)
		}},
		// "the Minister for Energy, Ann Lowe": an office "for" something, with
		// no name in it, is a role.
		{"office_for", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			if c.inGaz {
				return nil, false
			}
			for k := 1; k+1 < len(c.run); k++ {
				if c.run[k].text == "for" && r.lx.titles[strings.ToLower(joinWords(c.run[:k]))] {
					return nil, true
				}
			}
			return nil, false
		}},
		// "the former Prime Minister": a title with no name; "Senate Majority
		// Leader" keeps "Senate", a known name.
		{"title_only", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			if c.inGaz || len(run) < 2 || !r.lx.titles[strings.ToLower(joinWords(run))] {
				return nil, false
			}
			for k := len(run) - 1; k >= 1; k-- {
				if _, known := r.lx.lookup(joinText(run[:k])); known {
					return r.runMentions(c.text, run[:k], "", c.sc), true
				}
			}
			return nil, true
		}},
		// "Canadian Ambassador", "Acme Chief Executive": a role after a name is
		// no part of it.
		{"trailing_title", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			if c.inGaz || len(run) < 2 {
				return nil, false
			}
			for k := 1; k < len(run); k++ { // longest title first
				if r.lx.honorific[strings.ToLower(run[k].text)] {
					continue // "Notre Dame": a courtesy title never follows its holder
				}
				if k == 1 && len(run) == 2 && (r.lx.firstName(run[0].text) || c.title != "") {
					continue // "(Senator) Anne Judge", "Mary Bishop": a surname that is a title
				}
				if r.inComplement(run, k) {
					continue // "Department of Justice", "Office of the Harbour Master": a title in the "of" complement completes the name
				}
				if r.lx.titles[strings.ToLower(joinWords(run[k:]))] {
					if _, cue := r.lx.headCue[run[len(run)-1].text]; !cue {
						return r.runMentions(c.text, run[:k], "", c.sc), true
					}
				}
			}
			return nil, false
		}},
		// "US Constitution", "Zimbabwean State": a country or its people before
		// common words that make no name of their own is the country alone.
		{"country_common_words", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			if c.inGaz || len(run) < 2 {
				return nil, false
			}
			if !r.lx.countryFirst[run[0].text] && !r.isNORP(run[0].text) {
				return nil, false
			}
			// "British Columbians": the people of a place of two words.
			if _, ok := r.lx.demonymPlace(joinText(run)); ok && len(run) == 2 {
				return nil, false
			}
			// ("Christian Bale won": a given name that is also a people's
			// word before a word prose calls a person's opens the person's
			// name.)
			if len(run) == 2 && r.lx.firstName(run[0].text) && strings.HasSuffix(run[1].label, "PERSON") && !r.lx.countries[run[0].text] {
				return nil, false
			}
			// ("Farmer Chad Smith said": a country's name before a surname
			// that is also an English word is a person's name where prose
			// reads both words as one.)
			if len(run) == 2 && r.lx.surnameWords[strings.ToLower(run[1].text)] && r.lx.headCue[run[1].text] == "" &&
				strings.HasSuffix(run[0].label, "PERSON") && strings.HasSuffix(run[1].label, "PERSON") {
				return nil, false
			}
			// ("Chad Hull, 37, was arrested": a country's name before a
			// word and an age is a person's name; places have no age.)
			if len(run) == 2 && ageAfter(c.text, run[1].end) {
				return nil, false
			}
			// ("the Australian Open", "the French Grand Prix": an event's
			// name holds no nationality of its own.)
			if r.eventHead(run) {
				return nil, false
			}
			for k := len(run) - 1; k >= 1; k-- {
				if r.lx.country(joinText(run[:k])) && r.descriptiveWords(run[k:]) && !r.hasCue(run[k:]) && !r.knownForm(joinText(run[k:])) {
					return r.runMentions(c.text, run[:k], "", c.sc), true
				}
			}
			return nil, false
		}},
		// "France Pierre Martin": a known place glued to a person's name;
		// "Republican US": a party or demonym before a known place.
		{"place_person", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			if c.inGaz || len(run) < 2 {
				return nil, false
			}
			if len(run) == 2 {
				_, np := r.lx.norp[run[0].text]
				if !np || !r.lx.country(run[1].text) || r.isNORP(run[1].text) {
					return nil, false
				}
				return append(r.runMentions(c.text, run[:1], "", c.sc), r.runMentions(c.text, run[1:], c.title, c.sc)...), true
			}
			for k := len(run) - 2; k >= 1; k-- {
				head := joinText(run[:k])
				e, g := r.lx.lookup(head)
				g = g && e.typ != article.TypeOrg
				_, np := r.lx.norp[head]
				if !g && !np {
					continue
				}
				rest := run[k:]
				// "Davao del Sur": a particle after a place continues its name;
				// "U.S. Route 61": so does a road's word.
				if r.hasCue(rest) || r.isParticle(rest[0].text) || r.lx.firstCue[rest[0].text] == article.TypeFac {
					break
				}
				if _, ok := r.lx.lookup(joinText(rest)); ok {
					break
				}
				// "Hassan Ahmed al-Bakri": a given name that is also a
				// town's, before another given name, opens a person's name.
				if k == 1 && r.lx.firstName(run[0].text) && r.lx.firstName(rest[0].text) {
					break
				}
				// "Carolina Mendoza Rivas": a given name that is also a
				// place's, before words that are no name the lists know and
				// start with no given name, opens a person's name with two
				// surnames; the place's name would leave a person without a
				// given name.
				if k == 1 && r.lx.firstName(run[0].text) && !r.lx.firstName(rest[0].text) && !r.lx.givenWords[rest[0].text] && r.plainSurnames(rest) {
					break
				}
				// ("Europe Container Terminals (ECT)": the acronym in
				// brackets after the run spells all of it, place and all.)
				if acr := acronymAfter(c.text, run[len(run)-1].end); acr != "" && initialsMatch(run, acr) {
					break
				}
				// ("Edinburgh Youth Climate Action wrote": a place and English
				// words before a verb of saying name one body, place_body.)
				if r.saysAfter(c.text, run[len(run)-1].end) && r.placeBodyName(joinText(run)) {
					break
				}
				return append(r.runMentions(c.text, run[:k], "", c.sc), r.runMentions(c.text, rest, c.title, c.sc)...), true
			}
			return nil, false
		}},
		// "a Virginia Democrat", "an Oklahoma Republican": a place before a
		// party member's or a people's word is the place and the NORP;
		// "Gigantic Chinese", "Forty-two Ukrainian": a common word or a
		// number before it is no part of a name.
		{"word_before_norp", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			if c.inGaz || len(run) != 2 || !r.isNORP(run[1].text) {
				return nil, false
			}
			whole := joinText(run)
			if r.isNORP(whole) {
				return nil, false
			}
			if _, ok := r.lx.demonymPlace(whole); ok {
				return nil, false // "South African", "British Columbian"
			}
			if e, ok := r.lx.lookup(run[0].text); ok && e.typ != article.TypeOrg && e.typ != article.TypePerson && e.typ != article.TypeNORP {
				// ("Gulf Arab states": a region before a people's word
				// narrows the people, one NORP; a party member's word stays
				// apart, "a Midwest Democrat".)
				if e.typ == article.TypeLoc && !r.lx.partyMembers[run[1].text] {
					return []mention{{start: run[0].start, end: run[1].end, text: c.text[run[0].start:run[1].end], words: []string{run[0].text, run[1].text},
						typ: article.TypeNORP, ev: evGaz, typedBy: r.typed("word_before_norp")}}, true
				}
				return append(r.runMentions(c.text, run[:1], "", c.sc), r.runMentions(c.text, run[1:], c.title, c.sc)...), true
			}
			// (The common word only where a capital proves nothing, at the
			// start of a sentence: "Scientific American reported" is a name.)
			if w := strings.ToLower(run[0].text); (numberWord(w) || r.lx.common[w] && run[0].initial) && !r.lx.firstName(run[0].text) && !r.knownForm(run[0].text) && !r.lx.countryFirst[run[0].text] {
				return r.runMentions(c.text, run[1:], c.title, c.sc), true
			}
			return nil, false
		}},
		// "the Peruvian Andes", "the Swiss Alps", "the Brazilian Amazon": a
		// people's adjective before a place the lists know, the whole no
		// name of its own, is the NORP and the place.
		{"norp_before_place", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			// (Not a given name: "Christian Washington scored".)
			if c.inGaz || len(run) < 2 || !r.isNORP(run[0].text) || r.lx.firstName(run[0].text) || r.isNORP(joinText(run)) {
				return nil, false
			}
			if _, ok := r.lx.demonymPlace(joinText(run)); ok {
				return nil, false
			}
			if e, ok := r.lx.lookup(joinText(run[1:])); !ok || e.typ != article.TypeLoc && e.typ != article.TypeGPE {
				return nil, false
			}
			return append(r.runMentions(c.text, run[:1], "", c.sc), r.runMentions(c.text, run[1:], c.title, c.sc)...), true
		}},
		// "a United Airlines Boeing 737": an airline's or a firm's name that
		// ends in its head word, glued to another firm the lists know (an
		// aircraft's maker before its model).
		{"org_then_org", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			if c.inGaz || len(run) < 3 {
				return nil, false
			}
			k := len(run) - 1
			if t, ok := r.lx.headCue[run[k-1].text]; !ok || t != article.TypeOrg || !r.knownOrg(run[k].text) || r.lx.headCue[run[k].text] != "" {
				return nil, false
			}
			return append(r.runMentions(c.text, run[:k], "", c.sc), r.runMentions(c.text, run[k:], "", c.sc)...), true
		}},
		// "the Wildlife Trust Mary Olsen": an organisation glued to the person
		// named after it (an apposition without a comma).
		{"org_person", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			if c.inGaz || len(c.run) < 3 {
				return nil, false
			}
			k := r.orgPersonSplit(c.run)
			if k == 0 {
				return nil, false
			}
			// ("Union Cycliste Internationale", "Tribunal Supremo Electoral":
			// one word for a kind of body opens a name, unless a title
			// before it makes it the title's ("Superintendent of Police
			// Rajinder Thakur", the title cut or left before "of") or a
			// given name follows; a known one or an
			// acronym may stand before a person, "NPR Hamza bin Laden".)
			// ("Economist Kavita Nair of ICICI said": a noun for a kind of
			// person, capitalised only as the sentence's first word, is the
			// role of the person after it, though the lists know a
			// magazine by it; person_noun_lead reads it.)
			if k == 1 && c.run[0].initial && r.lx.personNouns[strings.ToLower(c.run[0].text)] {
				return nil, false
			}
			afterOf := strings.HasSuffix(c.text[:c.run[0].start], " of ")
			if _, known := r.lx.lookup(c.run[0].text); k == 1 && c.title == "" && !afterOf && !known && !isAcronym(c.run[0].text) && !r.lx.firstName(c.run[1].text) {
				return nil, false
			}
			return append(r.runMentions(c.text, c.run[:k], "", c.sc), r.runMentions(c.text, c.run[k:], c.title, c.sc)...), true
		}},
		// "Actress Ann Lowe", "Board Member Tom Berg": common words ending
		// in a role noun, then a given name, are the person's role.
		// "Goalkeeper Oyelaran Adebisi Bello saved": a noun for a kind of person
		// opening the sentence, capitalised only for it, is a role.
		{"person_noun_lead", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			// ("Headteacher Sarah Lyle", "Concertgoer Abena Owusu": a compound
			// the lists lack whose last part is a noun for a person, before
			// a given name.)
			if len(run) >= 3 && run[0].initial && !r.lx.personNouns[strings.ToLower(run[0].text)] && r.lx.firstName(run[1].text) && r.compoundPersonNoun(run[0].text) {
				if _, known := r.lx.lookup(run[0].text); !known && !r.lx.firstName(run[0].text) && !r.lx.givenWords[run[0].text] {
					return r.runMentions(c.text, run[1:], run[0].text, c.sc), true
				}
			}
			if c.inGaz || len(run) < 2 || !run[0].initial || !r.lx.personNouns[strings.ToLower(run[0].text)] ||
				r.lx.firstName(run[0].text) || r.lx.givenWords[run[0].text] || r.hasCue(run[1:]) || r.commonWords(run[1:]) {
				return nil, false // ("Pioneer Natural Resources": no person's name is common words)
			}
			// A known name after the role only when the lists have it as a
			// place they generated ("Coach Rivera"), never a curated one.
			if e, known := r.lx.lookup(joinText(run[1:])); known && !e.weak || len(run) == 2 && !known {
				return nil, false
			}
			return r.runMentions(c.text, run[1:], run[0].text, c.sc), true
		}},
		// "NASA Chief Scientist Ana Ruiz", "AP Technology Writer Tom
		// Vale": a body's letters, a role of common words and a given
		// name are the body and its titled person.
		{"acronym_role_given", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			run := c.run
			if c.inGaz || len(run) < 4 || !isAcronym(run[0].text) || strings.Contains(run[0].text, ".") || len(run[0].text) < 2 {
				return nil, false
			}
			for k := 2; k+1 < len(run); k++ {
				if !r.lx.firstName(run[k].text) {
					continue
				}
				if !r.commonWords(run[1:k]) || r.hasCue(run[1:k]) || r.knownForm(joinText(run[:k+1])) || r.hasCue(run[k+1:]) {
					return nil, false
				}
				return append(r.runMentions(c.text, run[:1], "", c.sc), r.runMentions(c.text, run[k:], joinText(run[1:k]), c.sc)...), true
			}
			return nil, false
		}},
		{"role_before_given", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			if c.inGaz || len(c.run) < 3 || r.lx.regnal[c.run[0].text] {
				return nil, false
			}
			for k := 1; k+1 < len(c.run); k++ {
				if !r.lx.firstName(c.run[k].text) {
					continue
				}
				// "New York State": the words with the given name make a known
				// name, or the rest ends in an organisation or place word.
				if !r.commonWords(c.run[:k]) || r.hasCue(c.run[k-1:k]) || r.knownForm(joinText(c.run[:k+1])) || r.hasCue(c.run[k+1:]) {
					return nil, false
				}
				// ("Per Olav Strand": a preposition is no role.)
				if k == 1 && englishPreposition(strings.ToLower(c.run[0].text)) {
					return nil, false
				}
				return r.runMentions(c.text, c.run[k:], joinText(c.run[:k]), c.sc), true
			}
			return nil, false
		}},
		// "Minister of Industry and Trade Tran Duc Thang": the portfolio
		// a title's "of" names is English words; the words after it that
		// are none, two or more of them, are the title holder's name (a
		// known given name does it for role_before_given).
		{"portfolio_name", func(r *Recognizer, c splitCtx) ([]mention, bool) {
			if c.inGaz || len(c.run) < 3 {
				return nil, false
			}
			title, ok := r.titleOfBefore(c.text, c.run[0].start)
			if !ok {
				return nil, false
			}
			k := 0
			for k < len(c.run) && r.lx.common[strings.ToLower(c.run[k].text)] && !r.lx.firstName(c.run[k].text) {
				k++
			}
			if k == 0 || len(c.run)-k < 2 || r.hasCue(c.run[k:]) || r.knownForm(joinText(c.run[k:])) {
				return nil, false
			}
			for _, t := range c.run[k:] {
				if !isCap(t.text) || r.lx.common[strings.ToLower(t.text)] || r.knownForm(t.text) {
					return nil, false
				}
			}
			return r.runMentions(c.text, c.run[k:], title+" "+joinText(c.run[:k]), c.sc), true
		}},
	}
}

// titleOfBefore returns the title and its "of" right before offset start
// ("Minister of ", "Minister of the ", "Minister of Industry and "), or
// false.
func (r *Recognizer) titleOfBefore(text string, start int) (string, bool) {
	f := strings.Fields(text[max(0, start-48):start])
	n := len(f)
	// ("of Industry and [Trade ...]": the portfolio's first part.)
	if n >= 2 && f[n-1] == "and" && isCap(f[n-2]) && r.lx.common[strings.ToLower(f[n-2])] {
		n -= 2
	}
	if n >= 1 && f[n-1] == "the" {
		n--
	}
	if n < 2 || f[n-1] != "of" || !isCap(f[n-2]) || !r.lx.titles[strings.ToLower(f[n-2])] {
		return "", false
	}
	return strings.Join(f[n-2:], " "), true
}

// runMentions turns one run of name tokens into mentions: it trims the run,
// lets the first splitting rule that fires cut or drop it, and types what is
// left as one name.
func (r *Recognizer) runMentions(text string, run []token, title string, sc *scratch) []mention {
	run = r.trimRun(run)
	if len(run) == 0 {
		return nil
	}
	_, inGaz := r.lx.lookup(joinText(run))
	c := splitCtx{text: text, run: run, title: title, inGaz: inGaz, sc: sc}
	for _, rule := range r.splitRules {
		if ms, ok := rule.fn(r, c); ok {
			for i := range ms {
				ms[i].made.or(r.bit(rule.name))
			}
			return ms
		}
	}
	m := mention{
		start: run[0].start, end: run[len(run)-1].end,
		title: title,
	}
	m.text = text[m.start:m.end]
	m.words = make([]string, len(run))
	for i, t := range run {
		m.words[i] = t.text
	}
	prev, the := "", false
	if f := strings.Fields(c.text[max(0, run[0].start-16):run[0].start]); len(f) > 0 {
		prev = f[len(f)-1]
		// ("on the [Police Prefecture]": an editor's bracket after "the".)
		w := prev
		if len(f) > 1 && (prev == "[" || prev == "(") {
			w = f[len(f)-2]
		}
		the = w == "the" || w == "The"
	}
	res, rule := r.classify(run, m.text, title != "", r.lx.placePreps[prev], the, the && capitalTheInside(c.text, run[0].start), &sc.class)
	m.typedBy = r.typed(rule)
	m.typ, m.canon, m.ev, m.weak = res.typ, res.canon, res.ev, res.weak
	m.initial = run[0].initial
	return []mention{m}
}

// capitalTheInside reports a capital "The" right before offset start that
// stands inside a sentence, after a lower-case word, a digit or a comma
// ("reported The Mirror"), where only a title's "The" is capitalised.
func capitalTheInside(text string, start int) bool {
	if start < 5 || text[start-4:start] != "The " {
		return false
	}
	before := strings.TrimRight(text[:start-4], " ")
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == ',' || unicode.IsLower(r) || unicode.IsDigit(r)
}

// trimRun drops a leading "The" or title modifier the tagger kept, trailing
// punctuation and lower-case words, and a sentence's final period that the
// tokenizer left on a short word ("Me.").
func (r *Recognizer) trimRun(run []token) []token {
	for len(run) > 0 && (run[0].text == "The" || run[0].text == "the" || r.lx.leadMods[strings.ToLower(run[0].text)]) {
		// "The Hague", "The Gambia": a known name keeps its capital The.
		if run[0].text == "The" && len(run) > 1 && r.knownForm(joinText(run)) {
			break
		}
		run = run[1:]
	}
	// "Retired FBI agent", "Several Kenyan towns": a sentence's capitalised
	// first word is a common word, not part of the known name after it
	// (a nationality may take one: "Roman Catholic").
	// ("Elections Canada said": a field of service before a country is an
	// agency's name there too.)
	if len(run) >= 2 && run[0].initial && r.commonWords(run[:1]) && !r.hasCue(run[:1]) && r.lx.firstCue[run[0].text] == "" && r.lx.leadCue[run[0].text] == "" && !r.lx.regnal[run[0].text] && !r.fieldCountry(run) {
		rest := joinText(run[1:])
		// ("Coach Rivera said": a role before a name the generated lists
		// also have as a place is the name's title.)
		e, restKnown := r.lx.lookup(rest)
		roleBeforeWeak := restKnown && e.weak && r.lx.personNouns[strings.ToLower(run[0].text)]
		if _, whole := r.lx.lookup(joinText(run)); !whole && !roleBeforeWeak && (restKnown || len(run) == 2 && isAcronym(rest)) {
			run = run[1:]
		}
	}
	// "Insurer Allianz", "Drugmaker Novartis": a sentence's capitalised first
	// word naming a kind of business is no part of the name after it. (Only
	// agent nouns, which do not begin names: "Union Pacific", "Channel 4",
	// "Daily Mail" do.)
	// (Nor a firm that bears the word, "Carrier Global", "Carrier
	// Corporation": the rest is a common word or a head word.)
	// ("Carmaker Velo Motors": a word of its own before the head word
	// makes the rest a name.)
	if len(run) >= 2 && run[0].initial && r.agentKind(strings.ToLower(run[0].text)) && !r.knownForm(joinText(run)) &&
		(!r.hasCue(run[1:]) || r.ownWordBeforeHead(run[1:])) && !(len(run) == 2 && r.lx.common[strings.ToLower(run[1].text)]) {
		run = run[1:]
	}
	// ("al-Assad", "el-Sisi", "d'Estaing" end a name though they start in lower case.)
	// ("BBC Radio 4": a number after a word that takes one stays.)
	// ("the Labour party": a known party's small "party" stays, and a
	// station's small "station", "London Waterloo station".)
	for len(run) > 0 && !(len(run) >= 2 && startsDigit(run[len(run)-1].text) && r.lx.numbered[run[len(run)-2].text]) &&
		!(len(run) >= 2 && run[len(run)-1].text == "party" && r.knownForm(joinText(run))) &&
		!(len(run) >= 2 && run[len(run)-1].text == "station") &&
		!(len(run) >= 2 && r.lx.legalForms[run[len(run)-1].text]) && // "Midland Precision plc"
		!r.camelKnown(run[len(run)-1].text) && // "easyJet"
		(strings.IndexFunc(run[len(run)-1].text, unicode.IsLetter) < 0 ||
			!isCap(run[len(run)-1].text) && !((strings.Contains(run[len(run)-1].text, "-") || r.elided(run[len(run)-1].text)) && r.isParticle(run[len(run)-1].text))) {
		run = run[:len(run)-1]
	}
	if len(run) == 0 {
		return nil
	}
	if l := run[len(run)-1]; strings.HasSuffix(l.text, ".") && len(l.text) > 2 && !r.lx.abbrevs[strings.TrimSuffix(l.text, ".")] &&
		strings.Count(l.text, ".") == 1 && unicode.IsLower(rune(l.text[len(l.text)-2])) {
		l.text = strings.TrimSuffix(l.text, ".")
		l.end--
		run = append(run[:len(run)-1:len(run)-1], l)
	}
	return run
}

// orgPersonSplit finds where a person's name starts at the end of a run that
// begins with an organisation ("United Nations Ann Lowe"), or returns 0. The
// tail must look like a person's name (two or three capitalised words, a
// known given name first or prose's PERSON on it) and the head like an
// organisation (known, or holding a cue word).
func (r *Recognizer) orgPersonSplit(run []token) int {
	for _, tail := range []int{2, 3} {
		k := len(run) - tail
		if k < 1 {
			continue
		}
		rest := run[k:]
		if !isCap(run[k-1].text) {
			continue // "Confederation of African Football": a complement, not an apposition
		}
		particle := false // "NPR Hamza bin Laden"
		for _, t := range rest[1:] {
			particle = particle || r.isParticle(t.text)
		}
		if !allTitleCase(rest) && !particle || r.hasCue(rest) {
			continue
		}
		if _, ok := r.lx.lookup(joinText(rest)); ok {
			continue
		}
		first := rest[0]
		if r.lx.common[strings.ToLower(first.text)] && !r.lx.firstName(first.text) {
			continue
		}
		personish := r.lx.firstName(first.text) || particle && isCap(first.text) ||
			(tail == 2 && (strings.HasSuffix(first.label, "PERSON") || strings.HasSuffix(rest[1].label, "PERSON")) &&
				!strings.HasSuffix(first.label, "I-PERSON"))
		if tail == 3 && !r.lx.firstName(first.text) && !particle {
			personish = false
		}
		if !personish || !r.orgLike(run[:k]) {
			continue
		}
		return k
	}
	return 0
}

// orgLike reports whether a run names an organisation by the evidence of
// the lists: known as one, or an organisation cue at its head or lead.
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

// isNORP reports a nationality or group word.
func (r *Recognizer) isNORP(w string) bool {
	_, ok := r.lx.norp[w]
	return ok
}

// numberWord reports a number written in words, hyphenated or not
// ("forty-two", "seven").
func numberWord(w string) bool {
	for _, p := range strings.Split(w, "-") {
		switch p {
		case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
			"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
			"forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen", "dozens", "hundreds", "thousands":
		default:
			return false
		}
	}
	return true
}

// inGaz reports a name the gazetteer knows.
func (r *Recognizer) inGaz(s string) bool {
	_, ok := r.lx.lookup(s)
	return ok
}

// eventHead reports a run whose head names an event ("Championships",
// "War", "World Cup"): no entity type of its own.
func (r *Recognizer) eventHead(run []token) bool {
	last := run[len(run)-1].text
	if t, ok := r.lx.headCue[last]; ok && t == typeNone {
		// (A town the lists know keeps its name: "Silver Spring".)
		return !r.lx.townOrCity(joinText(run))
	}
	t, ok := r.lx.headCue[run[len(run)-2].text+" "+last]
	return ok && t == typeNone
}

// pluralAcronym reports two to five capitals and a plural "s" ("MPs",
// "NGOs", "URLs").
func pluralAcronym(w string) bool {
	n := len(w)
	if n < 3 || n > 6 || w[n-1] != 's' {
		return false
	}
	return isAcronym(w[:n-1]) && !strings.ContainsAny(w, ".&")
}

// ageAfter reports ", 37," (an age set off by commas) at offset i of text.
func ageAfter(text string, i int) bool {
	rest := text[i:]
	if !strings.HasPrefix(rest, ", ") {
		return false
	}
	rest = rest[2:]
	n := 0
	for n < len(rest) && n < 4 && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	return n >= 1 && n <= 3 && n < len(rest) && rest[n] == ','
}

// plainSurnames reports capitalised words that could be a person's
// surnames: none of them a head word of a body or place, a common English
// word or a name the lists know as something else.
func (r *Recognizer) plainSurnames(ws []token) bool {
	for _, w := range ws {
		if !isCap(w.text) || r.lx.headCue[w.text] != "" || r.lx.common[strings.ToLower(w.text)] {
			return false
		}
		if e, ok := r.lx.lookup(w.text); ok && e.typ != article.TypePerson && e.typ != article.TypeGPE {
			return false
		}
	}
	return true
}

// dualBefore reports "dual" as the word before start ("a dual
// Israeli-Irish citizen").
func dualBefore(text string, start int) bool {
	return strings.HasSuffix(strings.ToLower(strings.TrimRight(text[:start], " ")), " dual")
}

// betweenNounAfter reports a lower-case noun of a link or a relation right
// after token t ("the Mumbai-Ahmedabad rail line", "Israel-Gaza border",
// "London-Paris route").
func (r *Recognizer) betweenNounAfter(text string, t token) bool {
	// ("the Lisbon-Madrid high-speed rail line": up to two lower-case
	// modifiers before the noun.)
	rest := strings.Fields(text[t.end:min(len(text), t.end+60)])
	for k := 0; k < len(rest) && k < 3; k++ {
		w := strings.Trim(rest[k], ",.;:")
		if r.lx.betweenNouns[w] {
			return true
		}
		if c0, _ := utf8.DecodeRuneInString(w); w != rest[k] || w == "" || isCap(w) || !unicode.IsLetter(c0) {
			return false
		}
	}
	return false
}

// compoundPersonNoun reports a word written as one that ends with a noun
// for a kind of person of four letters or more after three or more
// letters: "Headteacher", "Concertgoer", "Businesswoman".
func (r *Recognizer) compoundPersonNoun(w string) bool {
	low := strings.ToLower(w)
	for i := 3; i+4 <= len(low); i++ {
		if r.lx.personNouns[low[i:]] {
			return true
		}
	}
	return false
}

// peopleNounAfter reports a lower-case noun for people right after byte at
// ("voters", "women", "communities"), or one after "and"/"or" and a
// capitalised word ("Black and Latino students").
func (r *Recognizer) peopleNounAfter(text string, at int) bool {
	f := strings.Fields(text[at:min(len(text), at+60)])
	if len(f) > 2 && (f[0] == "and" || f[0] == "or") && isCap(f[1]) {
		f = f[2:]
	}
	if len(f) == 0 {
		return false
	}
	w := strings.TrimRight(f[0], ".,;:!?)")
	if w == "" || isCap(w) {
		return false
	}
	switch w {
	case "people", "communities", "community", "families", "youth", "voters", "women", "men", "children":
		return true
	}
	return r.lx.personNouns[singularNoun(w)]
}

// englishPreposition reports a one-word English preposition (a closed
// class), which a capital at a sentence's start does not make a role.
func englishPreposition(w string) bool {
	switch w {
	case "per", "via", "with", "from", "for", "by", "at", "in", "on", "to", "of", "as", "than", "off", "upon", "into", "onto", "over", "under", "since", "until":
		return true
	}
	return false
}

// saysAfter reports a verb of saying as the word right after byte offset
// end of text ("... said", "... wrote").
func (r *Recognizer) saysAfter(text string, end int) bool {
	rest := strings.TrimLeft(text[end:], " ")
	w, _, _ := strings.Cut(rest, " ")
	return r.sayingVerb(strings.TrimRight(w, ".,;:"))
}

// ownWordBeforeHead reports a run of two or more words whose first is no
// common word, no connector and no head word, and whose last is an
// organisation's head word ("Velo Motors", not "Global Corporation").
func (r *Recognizer) ownWordBeforeHead(run []token) bool {
	if len(run) < 2 || r.hasCue(run[:1]) || r.lx.common[strings.ToLower(run[0].text)] {
		return false
	}
	t, ok := r.lx.headCue[run[len(run)-1].text]
	return ok && t == article.TypeOrg
}
