package entity

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/enrich/givenname"
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

// personsPossessive undoes firm_possessive for a name the article gives a
// person elsewhere ("Senator Joan Grant ... Grant's said for months"):
// there the "'s" is "has", and the mention is the person's.
func (r *Recognizer) personsPossessive(ms []mention) {
	fp := r.bit(ruleFirmPossessive)
	var persons map[string]bool
	for i := range ms {
		m := &ms[i]
		if m.made[0]&fp[0] == 0 && m.made[1]&fp[1] == 0 || len(m.words) < 2 {
			continue
		}
		if persons == nil {
			persons = map[string]bool{}
			for _, o := range ms {
				if o.typ == article.TypePerson && len(o.words) > 0 {
					persons[fold(o.words[len(o.words)-1])] = true
				}
			}
		}
		if !persons[fold(m.words[len(m.words)-2])] {
			continue
		}
		suffix := m.words[len(m.words)-1]
		m.words = m.words[: len(m.words)-1 : len(m.words)-1]
		m.end -= len(suffix)
		m.text = strings.TrimSuffix(m.text, suffix)
		m.typ, m.ev = article.TypePerson, evRule
		m.made[0] &^= fp[0]
		m.made[1] &^= fp[1]
	}
}

// resolve groups the mentions of one article into entities.
// With traced it also returns, parallel to the entities, the rules behind
// each one.
func (r *Recognizer) resolve(body, head []mention, sporty, traced bool) ([]article.Entity, []Trace) {
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
	r.personsPossessive(body)
	all := append(append([]mention(nil), body...), head...)

	// Full person names first, so that short forms can find them.
	persons := map[string][]*group{} // surname -> groups
	given := map[string][]*group{}   // given name -> groups
	type surnameOf struct {
		sur string
		g   *group
	}
	var second []surnameOf // first of two surnames -> group, indexed last
	// "Forrest Jones" after "Michael Forrest Jones": the last words of
	// exactly one longer person's name are that person (tails).
	// ("Queen Elizabeth" after "Queen Elizabeth II": so is the name without
	// its generational suffix.)
	tails := newSoleKeys()
	for _, m := range all {
		if m.typ == article.TypePerson && len(m.words) >= 3 && m.canon == "" {
			full := fold(m.text)
			forms := make([]string, 0, len(m.words))
			for k := 1; k+1 < len(m.words); k++ {
				forms = append(forms, fold(wordsText(m.words[k:])))
			}
			if n := len(m.words); r.lx.generational[m.words[n-1]] {
				forms = append(forms, fold(wordsText(m.words[:n-1])))
			}
			for _, t := range forms {
				tails.add(t, full, full)
			}
		}
	}
	introduced := map[*group]int{} // where the body first names each person in full
	// "Police arrested Chinedu Okafor ... Mr Okafor denied it": a full name
	// no list knows and prose left unlabelled is indexed as a person's
	// when its last word alone is one's elsewhere (by a title, or where
	// news puts a person's name), so that the two are one person.
	// (Looked for only when the article has such a name: most have none.)
	var lone map[string]bool
	for _, m := range all {
		if m.typ == "" && len(m.words) >= 2 && m.canon == "" && r.unknownNameWords(m.words) {
			lone = map[string]bool{}
			break
		}
	}
	if lone != nil {
		for _, m := range all {
			if len(m.words) == 1 && (m.typ == article.TypePerson || m.typ == "" && m.personPlace) {
				lone[fold(m.words[0])] = true
			}
		}
	}
	for _, m := range all {
		if (m.typ == article.TypePerson || lone != nil && m.typ == "" && lone[fold(m.words[len(m.words)-1])] && r.unknownNameWords(m.words)) && len(m.words) >= 2 && m.canon == "" {
			key := "p:" + fold(m.text)
			// (A tail's given name and surname stand for the longer name's
			// person: "Elizabeth" after "Elizabeth II" and "Queen Elizabeth
			// II".)
			if full := tails.key[fold(m.text)]; full != "" {
				key = "p:" + full
			}
			g := get(key)
			if at, ok := introduced[g]; !m.headline && m.field == article.FieldBody && (!ok || m.start < at) {
				introduced[g] = m.start
			}
			first, last := m.words[0], m.words[len(m.words)-1]
			last, first = fold(last), fold(first)
			if !contains2(persons[last], g) {
				persons[last] = append(persons[last], g)
			}
			// "Abdel Fattah el-Sisi" ... "Sisi": a surname with its particle
			// is also used without it.
			if w := m.words[len(m.words)-1]; strings.IndexByte(w, '-') > 0 && r.isParticle(w) {
				_, rest, _ := strings.Cut(w, "-")
				if bare := fold(rest); !contains2(persons[bare], g) {
					second = append(second, surnameOf{bare, g})
				}
			}
			if !contains2(given[first], g) {
				given[first] = append(given[first], g)
			}
			// "Wilbur Ross Jr." ... "Mr. Ross": the surname is the word
			// before a generational suffix.
			if n := len(m.words); n >= 3 && r.lx.generational[m.words[n-1]] {
				if sur := fold(m.words[n-2]); !contains2(persons[sur], g) {
					persons[sur] = append(persons[sur], g)
				}
			}
			// "Ricardo Rosselló Nevares" ... "Rosselló": of a Spanish or
			// Portuguese double surname the first is used alone. Indexed
			// after the last word's people, so a name ending in it wins.
			if n := len(m.words); n >= 3 && isCap(m.words[n-2]) && !r.isParticle(m.words[n-2]) && !r.lx.firstName(m.words[n-2]) {
				if sur := fold(m.words[n-2]); !contains2(persons[sur], g) {
					second = append(second, surnameOf{sur, g})
				}
			}
			// "Choi Hye-in", "Park Min-jun": a hyphenated given name written
			// after the family name, which the article uses alone ("Moon").
			if l := m.words[len(m.words)-1]; len(m.words) <= 3 && eastAsianGiven(l) && !contains2(persons[first], g) {
				persons[first] = append(persons[first], g)
			}
		}
	}
	// "Joko Widodo, known as Jokowi": the one-word name a person is known
	// by stands for the person wherever the article uses it.
	for _, m := range all {
		if m.bornOf == 0 || len(m.words) != 1 || m.headline {
			continue
		}
		for _, o := range all {
			if o.field == m.field && o.start == m.bornOf-1 && o.typ == article.TypePerson && len(o.words) >= 2 && o.canon == "" {
				if k, g := fold(m.text), get("p:"+fold(o.text)); !contains2(persons[k], g) {
					second = append(second, surnameOf{k, g})
				}
				break
			}
		}
	}
	for _, p := range second {
		if !contains2(persons[p.sur], p.g) {
			persons[p.sur] = append(persons[p.sur], p.g)
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
	// Organisation names an acronym may spell less plainly ("JAXA").
	var longForms []mention
	for _, m := range all {
		if m.typ == article.TypeOrg && len(m.words) >= 2 {
			longForms = append(longForms, m)
		}
	}

	var fullNames []mention
	for _, m := range all {
		if (m.typ == article.TypeOrg || m.typ == article.TypeFac) && len(m.words) >= 3 && !m.headline {
			fullNames = append(fullNames, m)
		}
	}

	orgHeads := map[string]string{} // "NBC" -> key of "NBC News"
	nationalBodies := newSoleKeys()
	// "Senate" -> key of "Kenyan Senate": the body of one place or people,
	// "" when two such bodies share the head word.
	placeHeads := newSoleKeys()
	for _, m := range all {
		if m.typ == article.TypeOrg && len(m.words) == 2 && !m.headline {
			if typ, _, ok := r.lx.known(m.words[0]); ok && typ == article.TypeNORP {
				k := ownKey(&m)
				nationalBodies.add(m.words[0], k, k)
			}
		}
		if m.typ == article.TypeOrg && len(m.words) == 2 && r.lx.headCue[m.words[1]] == article.TypeOrg && m.canon == "" {
			k := "t:" + fold(m.text)
			orgHeads[m.words[0]] = k
			if typ, canon, ok := r.lx.known(m.words[0]); ok && (typ == article.TypeNORP || typ == article.TypeGPE) {
				placeHeads.add(m.words[1], k, placeBody(typ, canon, m.words[1]))
			}
		}
		// "Ford" beside "Ford Motor Company", "Hachette" beside "Hachette
		// Book Group": a company's own word before its trade and a
		// designator (not a given name: "Walt" is no "Walt Disney
		// Company"; nor a town's: "in Hammond" beside "Hammond Distilling
		// Co.").
		// (Three words: "Smith Brothers Construction Company" may be a
		// family's, and "Smith said" one of them.)
		// (Four or more: "Akashvani Aerospace Pvt Ltd", trade words and
		// designators only after the first.)
		if m.typ == article.TypeOrg && (len(m.words) == 3 || len(m.words) > 3 && r.tradeAndDesignators(m.words[1:])) && r.lx.designators[m.words[len(m.words)-1]] && m.canon == "" &&
			!r.lx.firstName(m.words[0]) && !r.lx.townOrCity(m.words[0]) && allCapitalised(m.words) && !r.placeWord(m.words[1:len(m.words)-1]) {
			if _, seen := orgHeads[m.words[0]]; !seen {
				orgHeads[m.words[0]] = "t:" + fold(m.text)
			}
		}
		// "Supreme Court", "House of Representatives" beside "United
		// States Supreme Court": a body named with its country or people
		// in front, named again without them.
		if m.typ == article.TypeOrg && len(m.words) >= 2 && !m.headline {
			k := ownKey(&m)
			for p := 1; p <= 3 && p < len(m.words); p++ {
				// ("United States Congress" ... "Congress": one word left
				// only when it names a body on its own.)
				if p+1 == len(m.words) && r.lx.headCue[m.words[p]] != article.TypeOrg {
					continue
				}
				// ("House Judiciary Committee" ... "the Judiciary Committee":
				// a chamber in front names whose committee it is.)
				// ("University of Hong Kong" beside "Chinese University of
				// Hong Kong": a rest with a place of its own names a body of
				// its own.)
				if r.ofKnownPlace(m.words[p:]) {
					continue
				}
				if typ, canon, ok := r.lx.known(wordsText(m.words[:p])); ok && (typ == article.TypeNORP && p == 1 || typ == article.TypeGPE || typ == article.TypeOrg && p == 1 && len(m.words) >= 3) && r.hasOrgHead(m.words[p:]) {
					body := placeBody(typ, canon, wordsText(m.words[p:]))
					placeHeads.add(wordsText(m.words[p:]), k, body)
					if sw := swappedOffice(m.words[p:]); sw != "" {
						placeHeads.add(sw, k, body)
					}
				}
			}
		}
	}
	// "Supreme Court" after "Supreme Court of Tarvel", "District Court"
	// after "District Court for the Northern District": an organisation's
	// name without its "of ..." complement, or a court's without its "for
	// ...", when only one name has that head.
	ofHead := newSoleKeys()
	orgTexts := map[string]bool{}
	for _, m := range all {
		if m.typ == article.TypeOrg {
			orgTexts[fold(m.text)] = true
		}
	}
	for _, m := range all {
		if m.typ != article.TypeOrg {
			continue
		}
		key := ownKey(&m)
		// ("House of Representatives" named alone, where the article also
		// names "United States House of Representatives": its head is the
		// place's body's.)
		if k := placeHeads.key[wordsText(m.words)]; k != "" {
			key = k
		}
		for k := 1; k < len(m.words)-1; k++ {
			// ("for" only after a court: "the People's Party for Freedom
			// and Democracy" is no People's Party.)
			if m.words[k] == "of" || m.words[k] == "for" && m.words[k-1] == "Court" {
				ofHead.add(fold(wordsText(m.words[:k])), key, key)
				// ("House" after "United States House of Representatives":
				// so is the head without the country or people in front,
				// when the article does not name the body without them too;
				// then that name's own head links it.)
				for p := 1; p <= 3 && p < k; p++ {
					if typ, canon, ok := r.lx.known(wordsText(m.words[:p])); ok && (typ == article.TypeGPE || typ == article.TypeNORP && p == 1) {
						if orgTexts[fold(wordsText(m.words[p:]))] {
							break
						}
						ofHead.add(fold(wordsText(m.words[p:k])), key, placeBody(typ, canon, fold(wordsText(m.words[p:]))))
						break
					}
				}
				break
			}
		}
	}
	// "Liverpool" beside "Liverpool F.C." in a match report: the town's
	// name alone is the club, as "Tottenham" is "Tottenham Hotspur".
	clubs := newSoleKeys()
	if sporty {
		for _, m := range all {
			if len(m.words) != 2 || m.canon != "" || m.typ != article.TypeOrg && !r.clubName(m.text) {
				continue
			}
			if w := m.words[1]; !r.lx.clubWords[w] && w != "FC" && w != "F.C." && w != "AFC" && w != "A.F.C." {
				continue
			}
			k := "t:" + fold(m.text)
			clubs.add(m.words[0], k, k)
		}
	}
	// A name's short form without the word for its kind, "" when two
	// entities share it: "Yilan" beside "Yilan County" (a division),
	// "Rheinland Bank" beside "Rheinland Bank AG" (a designator), "Thames"
	// beside "River Thames" and "Zambezi" beside "Zambezi River" (a
	// natural feature).
	divisions, undesignated, features := newSoleKeys(), newSoleKeys(), newSoleKeys()
	for _, m := range all {
		n := len(m.words)
		if n < 2 || m.headline {
			continue
		}
		// (The keys are built only for a name that has such a word.)
		add := func(s soleKeys, words []string) {
			k := ownKey(&m)
			s.add(fold(wordsText(words)), k, k)
		}
		switch place := m.typ == article.TypeGPE || m.typ == article.TypeLoc; {
		case place && r.lx.divisionKinds[m.words[n-1]]:
			add(divisions, m.words[:n-1])
		case place && r.lx.featureKinds[m.words[0]]:
			add(features, m.words[1:])
		case place && r.lx.featureKinds[m.words[n-1]]:
			add(features, m.words[:n-1])
		case m.typ == article.TypeOrg && n >= 3 && r.lx.designators[m.words[n-1]] && allCapitalised(m.words[:n-1]):
			add(undesignated, m.words[:n-1])
		}
	}
	c := &resolveCtx{introduced: introduced, tails: tails.key, groups: groups, persons: persons, given: given, initials: initials, longForms: longForms, fullNames: fullNames, orgHeads: orgHeads, nationalBodies: nationalBodies.key, placeHeads: placeHeads.key, ofHead: ofHead.key,
		keyAt: map[fieldAt]string{}, clubs: clubs.key, divisions: divisions.key, features: features.key, undesignated: undesignated.key}
	// A name linked to another entity keeps pointing there: "House" after
	// "House of Representatives" went to "United States House of
	// Representatives" follows it.
	redirect := map[string]string{}
	bracketed := map[string]bool{} // redirected by paren_acronym
	for _, m := range all {
		natural := ownKey(&m)
		key, by := "", ""
		for _, rule := range resolveRules {
			k, ok := rule.fn(r, c, &m)
			if !ok {
				continue
			}
			key, by = k, rule.name
			if traced && rule.name != "" {
				m.made.or(r.bit(rule.name))
			}
			break
		}
		// (Organisations and short forms in brackets only: "Washington
		// said" after "Denzel Washington" must not draw the city in after
		// it; "Phivolcs" after "(Phivolcs)" follows it.)
		// ("Cal Fire" after "... Fire Protection (Cal Fire)": a short form
		// in brackets names its body again, though its words read as a
		// person's; its type is the body's.)
		if m.typ == article.TypePerson && by == "" && bracketed[natural] && redirect[natural] != "" {
			key, m.typ = natural, ""
			if traced {
				m.made.or(r.bit("paren_acronym"))
			}
		}
		if m.typ == article.TypeOrg || m.typ == "" {
			for n := 0; n < 4 && redirect[key] != ""; n++ {
				key = redirect[key]
			}
		}
		if (m.typ == article.TypeOrg || by == "paren_acronym") && key != natural && groups[natural] == nil && redirect[natural] == "" {
			redirect[natural] = key
			bracketed[natural] = by == "paren_acronym"
		}
		if !m.headline {
			c.keyAt[fieldAt{m.field, m.start}] = key
		}
		get(key).add(m)
	}

	var out []article.Entity
	var headOnly []article.Entity
	var traces, headTraces []Trace
	var named map[string]bool // countries the article names, read when first needed
	for _, g := range order {
		typ := g.typ()
		// "between Baracoa and Guantanamo" in an article that names Cuba: a
		// name nothing else types, or that only prose calls a person, is a
		// place when it is a town of a country the article names.
		townTyped := false
		if !sporty && (typ == "" || typ == article.TypePerson && g.maxEv() <= evProse && len(g.titles) == 0) && g.placedOnly() && r.lx.townName(g) {
			if named == nil {
				named = r.countriesNamed(all)
			}
			if r.townOfNamed(g, named) {
				typ, townTyped = article.TypeGPE, true
			}
		}
		// "Maria, who has lived there for years, said", "a student named
		// Priya": a known given name that a "who" follows, or that is
		// given, names a person by that name alone, whatever prose guessed
		// (it calls "Maria" a place). Not before a verb of telling
		// ("Barr told reporters" is a surname's more often), nor after
		// "of" ("Rep. Ana Lind of Lawrence, who": the "who" is hers).
		// So does any name a noun for a person gives ("a student named
		// Wong"), one the lists do not know as something else.
		byGiven := !sporty && !townTyped && (typ == "" || typ == article.TypePerson || g.maxEv() <= evProse && typ != article.TypeNORP) && len(g.titles) == 0 && !multiWord(g) && len(g.ms) > 0 &&
			(r.lx.firstName(g.ms[0].text) || r.lx.givenWords[g.ms[0].text] || g.maxEv() < evGaz && g.anyMention(func(m *mention) bool { return m.givenPerson })) &&
			g.anyMention(func(m *mention) bool { return m.given || m.whoAfter }) && !g.anyMention(func(m *mention) bool { return m.announces || m.placed || m.bound || m.afterOf })
		// (Not a given name of someone the article names in full: "Emily
		// wrote" after "Emily Wraith" is no second person.)
		if byGiven {
			w := g.ms[0].text
			for _, o := range order {
				if o != g && o.anyMention(func(m *mention) bool { return len(m.words) > 1 && m.words[0] == w }) {
					byGiven = false
					break
				}
			}
		}
		if byGiven {
			typ = article.TypePerson
		}
		// "A spokesman, Şükrü Kayabaşı, said", "Şükrü Kayabaşı, who": a
		// name of two or three words that no list knows, where news puts a
		// person's, is a person's though prose gave it no label (it gives
		// none to some names of unfamiliar spelling).
		unknownPerson := typ == "" && !sporty && g.anyMention(func(m *mention) bool { return m.personPlace }) && r.unknownName(g)
		if unknownPerson {
			typ = article.TypePerson
		}
		// "business owner Amir Haddad said": a name of two or three
		// name-shaped words that nothing else types, right after a noun
		// for a person, is that person's, though a word of it is also an
		// English word ("amir").
		roleNamed := typ == "" && !sporty && g.anyMention(func(m *mention) bool { return m.roleBefore }) && r.nameShapedName(g)
		if roleNamed {
			typ = article.TypePerson
		}
		// "Everton manager Ana Lind", "Fulham fans": in a match report, a
		// lone name nothing else types, or only prose does, before a
		// club's people is the club.
		clubTyped := false
		// (Not a common word seen only where a sentence starts: "Club
		// captain Ana Lind said".)
		if sporty && !townTyped && !byGiven && !multiWord(g) && (typ == "" || g.maxEv() <= evProse && typ != article.TypeNORP) && len(g.titles) == 0 &&
			g.anyMention(func(m *mention) bool { return m.clubRole || m.team }) && !(allInitial(g) && r.lx.common[strings.ToLower(g.ms[0].text)]) {
			typ, clubTyped = article.TypeOrg, true
		}
		// "Qualtrix said on Tuesday it would cut 200 jobs": a lone name
		// nothing typed, that speaks of itself as "it" doing what a body
		// does, is an organisation's (as "Kestrel Mining said it would
		// appeal" is when prose read it as a person's, below).
		itBody := false
		if (typ == "" || typ == article.TypePerson && g.maxEv() <= evProse && len(g.titles) == 0 && !byGiven) && !sporty && len(g.ms) > 0 && !multiWord(g) && !r.lx.firstName(g.ms[0].text) && !r.lx.common[strings.ToLower(g.ms[0].text)] && !r.pluralCommon(g.ms[0].text) &&
			g.anyMention(func(m *mention) bool { return m.itActs }) && !g.anyMention(func(m *mention) bool { return m.given || m.personish || m.placed }) {
			typ, itBody = article.TypeOrg, true
		}
		// "Auckland Transport said", "Wellington Water said it would": a
		// known place before capitalised English words that no rule typed
		// and no person's name has, followed by a verb of saying, is a body
		// named for its place (a person's name would hold a given name or a
		// surname; a place's own kinds, "Airport", "Harbour", are typed by
		// their head words before this). So are capitalised English words
		// alone inside a sentence ("On Monday, Youth Climate Action said"),
		// and after a verb of saying ("..., said Auckland Transport.").
		placeBody := false
		if typ == "" && multiWord(g) && g.anyMention(func(m *mention) bool {
			return m.speaks || m.saidBy || m.itActs || m.announces || m.personish && !m.whoAfter
		}) &&
			!g.anyMention(func(m *mention) bool { return m.given || m.whoAfter || m.personPron || m.afterOf }) && (r.placeBodyName(fullestForm(g)) || r.wordsBodyName(g) || r.complementBodyName(fullestForm(g))) &&
			!insideLonger(g, order) && !lastWordAlone(g, order) {
			typ, placeBody = article.TypeOrg, true
		}
		// ("PPE supplies" after "personal protective equipment (PPE)": the
		// abbreviation of a common noun everywhere.)
		if typ == "" || g.anyMention(func(m *mention) bool { return m.abbrev }) && !g.anyMention(func(m *mention) bool { return len(m.words) > 1 }) {
			continue
		}
		// In a match report a country that plays is its national team.
		teamTyped := false
		// (So is a club prose reads as a person: "Kelvin Rangers".)
		if sporty && (typ == article.TypeGPE && (g.hasTeam() || r.clubName(fullestForm(g))) ||
			typ == article.TypePerson && len(g.titles) == 0 && r.clubName(fullestForm(g)) && (g.maxEv() <= evProse || noSurnameClub(fullestForm(g)))) {
			typ, teamTyped = article.TypeOrg, true
		}
		// Shape alone (capitalised words) is not enough for a lone word, and
		// prose's guess is not enough for a word seen only at sentence starts.
		if !townTyped && !byGiven && !clubTyped && !itBody && !placeBody && g.maxEv() < evProse && !multiWord(g) {
			continue
		}
		// News names a person in full first: a lone word that only prose
		// calls a person, with no title and no full name it belongs to, is
		// more often a place, a product or a typo ("Volvo"); one that
		// announces or reports is a company or an outlet ("Hasbro
		// announced", "Rappler reported"), also where it opens its
		// sentences.
		speaking := false
		if typ == article.TypePerson && !byGiven && g.maxEv() <= evProse && !multiWord(g) && len(g.titles) == 0 {
			// ("a student named Wong ... Wong said": a name given is a
			// person's; so is one that tells or adds, or that a "who"
			// follows, and one in a match report.)
			announces := g.anyMention(func(m *mention) bool { return m.announces })
			personal := g.anyMention(func(m *mention) bool { return m.given || m.personish })
			if sporty || !announces || personal || r.lx.firstName(g.ms[0].text) {
				continue
			}
			typ, speaking = article.TypeOrg, true
		}
		// "Kestrel Mining said it would appeal": a name only prose reads as a
		// person's, that speaks of itself as "it", is an organisation's.
		if typ == article.TypePerson && !byGiven && !speaking && g.maxEv() <= evProse && len(g.titles) == 0 && !r.lx.firstName(g.ms[0].words[0]) &&
			g.anyMention(func(m *mention) bool { return m.itActs }) && !g.anyMention(func(m *mention) bool { return m.given || m.personish }) {
			typ, speaking = article.TypeOrg, true
		}
		// "Tendai Hall said", "Jiyeon Church, a nurse,", "actor Sung-min
		// Park": a word no list knows before a frequent surname that also
		// heads the names of buildings or bodies, where news puts a
		// person's name and never after a place word or "the", is a
		// person's (given_surname_head does it for a given name the lists
		// know).
		surnameHeaded := false
		// (Speaking is no sign where the head word is an organisation's
		// or a temple's: "Mavuno Church said", "Murugan Temple said" are
		// the bodies.)
		full := fullestForm(g)
		head := full[strings.LastIndexByte(full, ' ')+1:]
		orgHead := r.orgHeadWord(head) || head == "Temple"
		if (typ == article.TypeFac || typ == article.TypeOrg || typ == article.TypeLoc) && len(g.titles) == 0 && r.surnameHeadName(full) &&
			g.anyMention(func(m *mention) bool {
				return m.roleBefore || m.givenPerson || !orgHead && (m.personPlace || m.personish || m.whoAfter)
			}) &&
			!g.anyMention(func(m *mention) bool {
				return m.placed || m.the || m.afterOf || m.bound || m.staff || m.owned || m.modifier
			}) {
			typ, surnameHeaded = article.TypePerson, true
		}
		// (A capital inside the word is a name's wherever it stands:
		// "JetBlue cancelled 40 flights".)
		// "The White House said", "Pentagon officials": a building that
		// speaks, or whose staff it names, is the body housed in it.
		housed := false
		// (A seat of government named by its street, "Downing Street has
		// rejected", is no street here.)
		seat := r.lx.seats[full]
		if typ == article.TypeFac && (seat || !r.lx.thoroughfare(full)) && g.anyMention(func(m *mention) bool {
			return (m.speaks || m.staff || m.acts && seat) && !m.placed
		}) {
			typ, housed = article.TypeOrg, true
		}
		if !townTyped && !speaking && !itBody && !placeBody && !byGiven && !clubTyped && g.maxEv() <= evProse && !multiWord(g) && allInitial(g) && !r.brandShape(g.ms[0].text) {
			continue
		}
		e := article.Entity{Type: typ, Titles: g.titles}
		if len(g.ms) == 0 {
			if r.cfg.SkipHeadlineOnly || g.maxEv() < evGaz {
				continue
			}
			// "Nancy Pelosi again elected Speaker", "Queen Elizabeth
			// agrees": a known word inside a longer name of a headline
			// that the body never uses alone is that name's, not an
			// entity of its own.
			// (An organisation's name that opens the run stays: "Toyota
			// Motor recalls cars".)
			if !g.anyHeadline(func(m *mention) bool { return !m.inRun || m.typ == article.TypeOrg && m.runStart }) {
				continue
			}
			e.Name = g.headOnly[0].text
			for _, m := range g.headOnly {
				if m.text == g.canon {
					e.Name = g.canon
				}
			}
			e.Mentions = []article.Mention{}
			headOnly = append(headOnly, e)
			if traced {
				headTraces = append(headTraces, g.trace(r.rules, typ, typedBy(teamTyped || clubTyped, townTyped, speaking || itBody, housed, unknownPerson, roleNamed || surnameHeaded, placeBody)))
			}
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
		e.Name = r.fullest(g, typ)
		for _, m := range e.Mentions {
			if m.Text != e.Name && !contains(e.Aliases, m.Text) {
				e.Aliases = append(e.Aliases, m.Text)
			}
		}
		// "The Greens" also reads "Greens" in the text.
		for _, m := range e.Mentions {
			if bare, ok := strings.CutPrefix(m.Text, "The "); ok && bare != e.Name && !contains(e.Aliases, bare) {
				e.Aliases = append(e.Aliases, bare)
			}
		}
		// Forms that only the headline fields use are forms of the entity too.
		for _, m := range g.headOnly {
			if m.text != e.Name && !contains(e.Aliases, m.text) {
				e.Aliases = append(e.Aliases, m.text)
			}
		}
		out = append(out, e)
		if traced {
			traces = append(traces, g.trace(r.rules, typ, typedBy(teamTyped || clubTyped, townTyped, speaking || itBody, housed, unknownPerson, roleNamed || surnameHeaded, placeBody)))
		}
	}
	if traced {
		// Sort the traces with their entities.
		idx := make([]int, len(out))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(i, j int) bool { return out[idx[i]].Mentions[0].Start < out[idx[j]].Mentions[0].Start })
		sorted := make([]article.Entity, len(out))
		st := make([]Trace, len(out))
		for i, x := range idx {
			sorted[i], st[i] = out[x], traces[x]
		}
		return append(sorted, headOnly...), append(st, headTraces...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions[0].Start < out[j].Mentions[0].Start })
	return append(out, headOnly...), nil
}

// clubName reports a town's name and a club word that together name no
// known place ("Manchester City", "Newcastle United"; not "Mexico City").
func (r *Recognizer) clubName(name string) bool {
	// A town of one word ("Stoke-on-Trent" counts as one) and one club word.
	town, club, ok := strings.Cut(name, " ")
	if !ok || strings.Contains(club, " ") || !r.lx.clubWords[club] {
		return false
	}
	if _, known := r.lx.lookup(name); known {
		return false
	}
	e, known := r.lx.lookup(town)
	if !known {
		// A town the lists lack, in a match report: "Harwick City",
		// "Kelvin Rangers"; a given name before a place's word is a
		// person's or a place's ("Jackson County").
		switch club {
		case "City", "Town", "County":
			return !r.lx.firstName(town)
		}
		return true
	}
	return e.typ == article.TypeGPE && !r.lx.countries[town]
}

// noSurnameClub reports a club's name whose club word no person's name
// ends with ("Kelvin Rangers", "Lucas Wanderers"), so a given name before
// it does not make it a person's.
func noSurnameClub(name string) bool {
	_, club, _ := strings.Cut(name, " ")
	switch club {
	case "Rangers", "Rovers", "Wanderers", "Athletic", "Albion", "Hotspur", "United":
		return true
	}
	return false
}

// eastAsianGiven reports a given name of two syllables joined by a hyphen,
// the second in lower case ("Jae-in", "Jong-un"), as East Asian names put
// after the family name.
func eastAsianGiven(w string) bool {
	i := strings.IndexByte(w, '-')
	return i > 0 && i+1 < len(w) && isCap(w) && unicode.IsLower(rune(w[i+1]))
}

// fieldAt is a mention's place: its field and start offset.
type fieldAt struct {
	field string
	start int
}

// resolveCtx is what the resolution rules see: the groups made so far and
// the indexes of the article's full names.
type resolveCtx struct {
	groups  map[string]*group
	persons map[string][]*group // surname -> groups of full person names
	// introduced: where the body first names each person of persons in
	// full (its byte offset).
	introduced map[*group]int
	given      map[string][]*group // given name -> groups
	initials   map[string]string   // "IRS" -> "Internal Revenue Service"
	// longForms are the organisations' names of two words or more.
	longForms []mention
	// fullNames are the organisations' and facilities' names of three
	// words or more, for their shorter forms (shorter_name).
	fullNames []mention
	orgHeads  map[string]string // "NBC" -> key of "NBC News"
	// nationalBodies: "American" -> key of "American Airlines", a body
	// whose name opens on a nationality ("" when two share it).
	nationalBodies map[string]string
	// placeHeads: "Senate" -> key of "Kenyan Senate" ("" if two share it)
	placeHeads map[string]string
	ofHead     map[string]string  // "Supreme Court" -> key of "Supreme Court of Appeal"
	keyAt      map[fieldAt]string // mention start in its field -> group key
	tails      map[string]string  // "forrest jones" -> "michael forrest jones" (one person ends so)
	// clubs: in a match report, "Liverpool" -> key of "Liverpool F.C."
	// ("" when two clubs share the town).
	clubs map[string]string
	// divisions: "yilan" -> key of "Yilan County" ("" when two places
	// share the name).
	divisions map[string]string
	// features: "thames" -> key of "River Thames" ("" when two features
	// share it).
	features map[string]string
	// undesignated: "rheinland bank" -> key of "Rheinland Bank AG" (""
	// when two companies share it).
	undesignated map[string]string
}

// resolveRule is one named step of the resolution chain: it returns the key
// of the entity a mention belongs to, and true when it decides. A rule may
// retype the mention (a surname is a person's).
type resolveRule struct {
	name string
	fn   func(r *Recognizer, c *resolveCtx, m *mention) (string, bool)
}

// resolveRules link a mention to its entity; the first that decides wins.
// Rules with no name are the plain cases (a mention is its own name).
var resolveRules = []resolveRule{
	// "Save the Rivers Alliance (SRA)": the acronym in brackets names the
	// entity before it.
	{"paren_acronym", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if m.parenOf == 0 || m.headline {
			return "", false
		}
		k := c.keyAt[fieldAt{m.field, m.parenOf - 1}]
		return k, k != ""
	}},
	// "Doris Day (born Doris Kappelhoff)": a birth name is its person's.
	{"birth_name", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if m.bornOf == 0 || m.headline {
			return "", false
		}
		k := c.keyAt[fieldAt{m.field, m.bornOf - 1}]
		if k == "" {
			return "", false
		}
		m.typ, m.canon = article.TypePerson, ""
		return k, true
	}},
	// "Rheinland Bank" beside "Rheinland Bank AG", "Lakeview Therapeutics"
	// beside "Lakeview Therapeutics Inc.": a company named again without
	// its designator, whatever its words look like.
	{"without_designator", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if len(c.undesignated) == 0 || len(m.words) < 2 || m.headline || m.typ == article.TypeNORP {
			return "", false
		}
		k := c.undesignated[fold(m.text)]
		if k == "" {
			return "", false
		}
		m.canon, m.typ = "", article.TypeOrg
		return k, true
	}},
	// "the Court of Appeal ... the Court": a name without its "of ..."
	// complement, when only one name in the article has that head.
	{"without_of", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if len(m.words) < 2 && m.typ != article.TypeOrg || m.typ == article.TypePerson {
			return "", false // a lone word only as a known organisation ("Parliament")
		}
		k := c.ofHead[fold(m.text)]
		if k != "" {
			m.canon = "" // the short form names no entity of its own
		}
		return k, k != ""
	}},
	// "Lopez" after "Ana Lopez"; several people sharing it: the first. A
	// city of the generated list gives way ("Austin" after "Jane Austin").
	// ("Lopez" in "a man from Lopez, Texas": a town with its state after a
	// place preposition stays the town.)
	{"surname", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if len(m.words) != 1 || !(m.ev < evGaz || m.typ == article.TypePerson || m.weak) {
			return "", false
		}
		if m.typ == article.TypeGPE && (m.placed || m.bound || m.afterOf) && m.placeAfter {
			return "", false
		}
		return r.asSurname(c, m)
	}},
	// "Phoenix thanked his family" after "Joaquin Phoenix", "Bloomberg
	// said" after "Michael Bloomberg": a one-word name the lists type as
	// a place or an organisation is the person the article names in full
	// with that surname, unless a place preposition or a word of motion
	// stands before it ("in Phoenix", "flew to Phoenix"), or "of" and a
	// state after it ("of Dorsey, Texas"), it plays as a team, or "the"
	// opens it.
	{"surname_over_list", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if len(m.words) != 1 || m.typ == article.TypePerson || m.placed || m.bound || m.team || m.the || m.typ == article.TypeNORP || m.afterOf && m.placeAfter {
			return "", false
		}
		// (Not an acronym or a country or territory: a person's "name"
		// ending in one is more likely two names run together.)
		if isAcronym(m.text) || r.lx.country(m.text) {
			return "", false
		}
		return r.asSurname(c, m)
	}},
	// "De Blasio" after "Bill de Blasio": a surname of several words,
	// in any case, is the person's whose full name ends with it.
	{"surname_phrase", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if len(m.words) < 2 || len(m.words) > 3 || m.typ != article.TypePerson && m.ev >= evGaz || r.lx.firstName(m.words[0]) {
			return "", false
		}
		own := "p:" + fold(m.text)
		for _, g := range c.persons[fold(m.words[len(m.words)-1])] {
			if g.key != own && strings.HasSuffix(g.key, " "+fold(m.text)) {
				m.typ, m.ev, m.typedBy, m.canon = article.TypePerson, evRule, r.typed(ruleSurname), ""
				return g.key, true
			}
		}
		return "", false
	}},
	// "Ms Bauchtman said" beside "Lydia Buchtmann": a surname after a
	// title, or before a person's verb of saying, that no one in the
	// article has, spelt within one edit (two from eight letters) of
	// exactly one person's surname, is that person's name misspelt (news
	// misspells names; two people a letter apart, one never named in full,
	// are rarer). Lists' names and frequent surnames are people of their
	// own ("Johnston" beside "Boris Johnson").
	{"misspelt_surname", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if len(m.words) != 1 || m.headline || m.title == "" && !m.personish || !(m.ev < evGaz || m.typ == article.TypePerson) {
			return "", false
		}
		w := m.words[0]
		if len([]rune(w)) < 6 || len(c.persons[fold(w)]) > 0 || r.lx.firstName(w) || r.lx.frequentSurnames[strings.ToLower(w)] || r.knownForm(w) {
			return "", false
		}
		g := c.misspeltOwner(fold(w))
		if g == nil {
			return "", false
		}
		m.typ, m.ev, m.typedBy, m.canon = article.TypePerson, evRule, r.typed(ruleSurname), ""
		return g.key, true
	}},
	// "Robert Mugabe" beside "Robert Gabriel Mugabe": the same first and
	// last names with a middle name left out are one person.
	{"middle_name", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if m.typ != article.TypePerson || len(m.words) < 2 || m.canon != "" {
			return "", false
		}
		own := "p:" + fold(m.text)
		k := c.fullestPerson(own, m.words[len(m.words)-1])
		return k, k != own
	}},
	// "Ana" after "Ana Lopez", when no one else has that name.
	{"given_name", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if len(m.words) != 1 || !(m.ev < evGaz || m.typ == article.TypePerson || m.weak) {
			return "", false
		}
		// ("Dublin" beside "Dublin Mid-West", "Porto" beside "Porto
		// Primeiro": a city the lists know, that no given-name list has,
		// is no one's given name.)
		if m.weak && !r.lx.firstName(m.words[0]) {
			return "", false
		}
		gs := c.given[fold(m.words[0])]
		if len(gs) != 1 {
			return "", false
		}
		m.typ, m.ev, m.typedBy, m.canon = article.TypePerson, evRule, r.typed(ruleGivenName), ""
		return gs[0].key, true
	}},
	// "Pale Tuli, Rosa Tuli and ...": a two-word name that shares its last
	// word with a person's full name in the article, and that only prose
	// typed otherwise, is a relative's name.
	{"shared_surname", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if len(m.words) != 2 || m.typ == article.TypePerson || m.ev > evProse || m.canon != "" || m.headline ||
			!isCap(m.words[0]) || !r.surnameLike(m.words[1]) || len(c.persons[fold(m.words[1])]) == 0 {
			return "", false
		}
		if _, known := r.lx.lookup(m.words[0]); known || r.isNORP(m.words[0]) || r.lx.titles[strings.ToLower(m.words[0])] {
			return "", false // "Democrat Spearman", "Senator Tuli"
		}
		if _, same := c.groups["p:"+fold(m.text)]; same {
			return "", false // the person's own name: same_words
		}
		m.typ, m.ev, m.typedBy = article.TypePerson, evRule, r.typed(ruleSurname)
		return "p:" + fold(m.text), true
	}},
	// "Acme" beside "Acme Bank": the name without its cue word; "Senate"
	// beside "Kenyan Senate" (the only body of a place or people with that
	// head): the name without its place. A place keeps its own name:
	// "Springfield" is the city, not a short form of "Springfield Herald".
	{"without_head", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if len(m.words) != 1 {
			// "the Supreme Court" after "the United States Supreme Court"
			// (not "Brazil's Supreme Court").
			if m.typ != article.TypeOrg || m.headline || m.owned {
				return "", false
			}
			k := c.placeHeads[wordsText(m.words)]
			if k != "" {
				m.canon = ""
			}
			return k, k != ""
		}
		// A place or a nationality is not short for the body named after
		// it ("Scottish ministers" beside "the Scottish Parliament"), but
		// for the town's club in a match report, where it is not placed
		// ("Liverpool, who won" beside "Liverpool F.C.", not "in Liverpool").
		if typ, _, ok := r.lx.known(m.text); ok && typ != article.TypeOrg && typ != article.TypePerson {
			if k := c.clubs[m.text]; k != "" && typ == article.TypeGPE && !m.placed && !m.bound && !m.the && !m.modifier {
				m.typ, m.canon = article.TypeOrg, ""
				return k, true
			}
			// ("American said in a statement" beside "American
			// Airlines": a nationality word that speaks, alone, is the
			// body the article named with it.)
			// (Not a surname of someone named in full: "Christian said"
			// beside "Dr. Marcus Christian" and "Christian Aid".)
			if k := c.nationalBodies[m.text]; k != "" && typ == article.TypeNORP && m.speaks && !m.the && !m.modifier && !m.placed && !m.headline && len(c.persons[fold(m.text)]) == 0 {
				m.typ, m.canon = article.TypeOrg, ""
				return k, true
			}
			return "", false
		}
		// Nor is a name its context makes a place ("in the capital, Vostra"
		// beside "Vostra University").
		if (m.typ == article.TypeGPE || m.typ == article.TypeLoc) && m.ev >= evRule {
			return "", false
		}
		k := c.orgHeads[m.text]
		if k == "" {
			// The place's body is named in full: the lists' generic
			// "Senate" does not rename it.
			if k = c.placeHeads[m.text]; k != "" {
				m.canon = ""
			}
		}
		return k, k != ""
	}},
	// "the Disaster Relief Agency" after "the National Disaster Relief
	// Agency", "Bradley Airport" beside "Bradley International Airport",
	// "the Ethics Committee" beside "the House Ethics and Reform
	// Committee": an organisation or a facility named again with some of
	// its words left out, its head kept, when only one name of the article
	// has those words in that order.
	{"shorter_name", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		// ("University of Hong Kong" beside "Chinese University of Hong
		// Kong": a name with a place of its own names a body of its own.)
		if len(m.words) < 2 || m.typ != article.TypeOrg && m.typ != article.TypeFac || m.canon != "" || len(c.fullNames) == 0 || r.ofKnownPlace(m.words) {
			return "", false
		}
		key := ""
		for i := range c.fullNames {
			l := &c.fullNames[i]
			if len(l.words) <= len(m.words) || l.words[len(l.words)-1] != m.words[len(m.words)-1] || !subsequence(m.words, l.words) {
				continue
			}
			if k := ownKey(l); key == "" {
				key = k
			} else if k != key {
				return "", false // two names it could stand for
			}
		}
		return key, key != ""
	}},
	// "Yilan" beside "Yilan County", "Hunan" beside "Hunan Province": a
	// place named again without its kind of division; not a country, a
	// state or a city of its own ("Washington" beside "Washington County",
	// "Auckland" beside "Auckland Region"), nor a name in capitals, a
	// dateline's city ("SACRAMENTO —").
	{"without_division", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		// (Most articles name no division: the lists are read only for a
		// name one of them has.)
		if len(c.divisions) == 0 || m.typ != article.TypeGPE && m.typ != article.TypeLoc {
			return "", false
		}
		k := c.divisions[fold(m.text)]
		if k == "" || r.lx.country(m.text) || r.lx.usState(m.text) || r.lx.city(m.text) || strings.ToUpper(m.text) == m.text {
			return "", false
		}
		m.canon = ""
		return k, true
	}},
	// "Thames" beside "River Thames", "Zambezi" beside "Zambezi River": a
	// natural feature named again without its kind, where the word reads
	// as a place; not a place the lists know of its own ("Kenya" beside
	// "Mount Kenya", "Manitoba" beside "Lake Manitoba"), nor a word that
	// opens a sentence ("Fall is busy" beside "Fall River").
	{"without_feature", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if len(c.features) == 0 || m.typ != article.TypeLoc && m.typ != article.TypeGPE && m.typ != "" || m.initial {
			return "", false
		}
		k := c.features[fold(m.text)]
		if k == "" || strings.ToUpper(m.text) == m.text {
			return "", false
		}
		if _, ok := r.lx.lookup(m.text); ok {
			return "", false
		}
		m.canon, m.typ = "", article.TypeLoc
		return k, true
	}},
	{"name_tail", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if m.typ != article.TypePerson || len(m.words) < 2 || m.canon != "" {
			return "", false
		}
		full := c.tails[fold(m.text)]
		return "p:" + full, full != ""
	}},
	{"", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if m.typ != article.TypePerson || len(m.words) < 2 || m.canon != "" {
			return "", false
		}
		return "p:" + fold(m.text), true
	}},
	{"", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if m.canon == "" {
			return "", false
		}
		// ("EFF" beside "Electronic Frontier Foundation": the article's
		// own name for the letters wins over the lists' other body.)
		// (Three letters or more, each a word's: "University of Surrey" is
		// no "US".)
		if acr := strings.ReplaceAll(m.text, ".", ""); isAcronym(m.text) && len(acr) >= 3 {
			if full := c.initials[acr]; full != "" && len(strings.Fields(full)) == len(acr) && !strings.EqualFold(full, m.canon) {
				if ent, ok := r.lx.lookup(full); !ok || !strings.EqualFold(ent.canonical, m.canon) {
					m.canon = ""
					return "", false
				}
			}
		}
		return "c:" + m.canon, true
	}},
	// "IRS" beside "Internal Revenue Service": initials.
	{"initials", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if !isAcronym(m.text) {
			return "", false
		}
		full := c.initials[strings.ReplaceAll(m.text, ".", "")]
		if full == "" {
			return "", false
		}
		if ent, ok := r.lx.lookup(full); ok {
			return "c:" + ent.canonical, true
		}
		return "t:" + strings.ToLower(full), true
	}},
	// "JAXA" beside "Japan Aerospace Exploration Agency", "IFRC" beside
	// "International Federation of Red Cross and Red Crescent Societies":
	// an acronym that is no name's plain initials spells exactly one of the
	// article's organisation names (spellsName).
	{"spelled_initials", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		acr := strings.ReplaceAll(m.text, ".", "")
		if !isAcronym(m.text) || len(acr) < 3 || r.knownForm(m.text) {
			return "", false
		}
		full := ""
		for _, l := range c.longForms {
			if spellsName(acr, l.words) {
				if full != "" && !strings.EqualFold(full, l.text) {
					return "", false // two names it could stand for
				}
				full = l.text
			}
		}
		if full == "" {
			return "", false
		}
		if ent, ok := r.lx.lookup(full); ok {
			return "c:" + ent.canonical, true
		}
		return "t:" + strings.ToLower(full), true
	}},
	// The same words typed as a person elsewhere in the article are the
	// same entity: its type is the vote of both.
	{"same_words", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if _, ok := r.lx.lookup(m.text); ok {
			return "", false
		}
		key := "p:" + fold(m.text)
		_, ok := c.groups[key]
		return key, ok
	}},
	{"", func(r *Recognizer, c *resolveCtx, m *mention) (string, bool) {
		if e, ok := r.lx.lookup(m.text); ok {
			return "c:" + e.canonical, true
		}
		// "The Greens" and "Greens" are one name.
		return "t:" + strings.TrimPrefix(fold(r.countryFull(m.words, m.text)), "the "), true
	}},
}

// asSurname makes the one-word mention m the person the article names in
// full with that surname (the first such person), when there is one.
func (r *Recognizer) asSurname(c *resolveCtx, m *mention) (string, bool) {
	gs := c.persons[fold(m.words[0])]
	// "Mr. Trump" after "his daughter Ivanka Trump": an honorific of one
	// sex is no one whose given name marks the other.
	if sex := honorificSex(m.title); sex != "" {
		var same []*group
		for _, g := range gs {
			if f := strings.Fields(strings.TrimPrefix(c.fullestPerson(g.key, m.words[0]), "p:")); len(f) < 2 || givenname.Sex(f[0]) == "" || givenname.Sex(f[0]) == sex {
				same = append(same, g)
			}
		}
		gs = same
	}
	if len(gs) == 0 {
		return "", false
	}
	m.typ, m.ev, m.typedBy, m.canon = article.TypePerson, evRule, r.typed(ruleSurname), ""
	return c.fullestPerson(c.surnameOwner(gs, m).key, m.words[0]), true
}

// surnameOwner picks, of the people gs sharing the surname m, the first,
// unless the body names that one in full only after m: then the one named
// in full last before m ("Mendizábal told" after "her daughter, Carolina
// Mendizábal Valderrama," and before "her husband, Andrés Mendizábal").
func (c *resolveCtx) surnameOwner(gs []*group, m *mention) *group {
	best, bestAt := gs[0], -1
	if at, ok := c.introduced[best]; len(gs) == 1 || m.headline || m.field != article.FieldBody || !ok || at < m.start {
		return best
	}
	for _, g := range gs {
		if at, ok := c.introduced[g]; ok && at < m.start && at > bestAt {
			best, bestAt = g, at
		}
	}
	return best
}

// countryFull spells out a short form of a country opening a longer name,
// so that "U.S. Navy" and "United States Navy" are one key.
func (r *Recognizer) countryFull(words []string, text string) string {
	for k := min(3, len(words)-1); k >= 1; k-- {
		lead := strings.Join(words[:k], " ")
		e, ok := r.lx.lookup(lead)
		if !ok || e.typ != article.TypeGPE || e.canonical == lead {
			continue
		}
		if !strings.HasPrefix(text, lead) {
			return text
		}
		return e.canonical + text[len(lead):]
	}
	return text
}

// trace gives the rules behind a group's entity: every joining, splitting
// and resolution rule of its mentions once, and the rule that typed the
// mention with the strongest evidence for the entity's type.
// typedBy names the rule of the output loop that typed a group, if any.
func typedBy(team, town, speaking, housed, unknownPerson, roleNamed, placeBody bool) string {
	switch {
	case placeBody:
		return rulePlaceBody
	case unknownPerson:
		return ruleUnknownPerson
	case roleNamed:
		return ruleRoleBeforeName
	case housed:
		return ruleHousedBody
	case team:
		return ruleSportTeam
	case town:
		return ruleTownOfCountry
	case speaking:
		return ruleSpeakingWord
	}
	return ""
}

// surnameHeadName reports a name of two words, a word no list knows and a
// frequent surname that also heads the names of buildings or bodies
// ("Tendai Hall", "Jiyeon Church"): shaped like a person's name and like a
// place's, so the words around it decide.
func (r *Recognizer) surnameHeadName(full string) bool {
	first, last, ok := strings.Cut(full, " ")
	if !ok || strings.Contains(last, " ") || last == "Street" || !r.lx.commonSurnames[strings.ToLower(last)] {
		return false
	}
	if _, head := r.lx.headCue[last]; !head {
		return false
	}
	return nameShaped(first) && r.unknownNameWord(first) && !r.lx.firstName(first) && !r.knownPlace(first) && !r.isNORP(first)
}

// unknownName reports a group whose fullest form is a name of two or three
// words that no list knows (the first may be a given name, a particle may
// stand between), each a capital and lower-case letters.
func (r *Recognizer) unknownName(g *group) bool {
	return r.unknownNameWords(strings.Fields(fullestForm(g)))
}

// nameShapedName reports a group whose fullest form is a name of
// name-shaped words (nameWords), one at least no common English word.
func (r *Recognizer) nameShapedName(g *group) bool {
	words := strings.Fields(fullestForm(g))
	if !r.nameWords(words) {
		return false
	}
	for _, w := range words {
		if !r.lx.common[strings.ToLower(w)] {
			return true // "Haddad"
		}
	}
	return false // ("winner Previous Next": a page's buttons)
}

// nameWords reports two or three words each a capital and lower-case
// letters (a particle may stand between), none a head word that types a
// name by itself and the first no article of another language ("El
// Tiempo").
func (r *Recognizer) nameWords(words []string) bool {
	if len(words) < 2 || len(words) > 3 || r.lx.foreignArticles[words[0]] {
		return false
	}
	// (The head words first, for every word: they cost no lower-casing.)
	for _, w := range words {
		if _, ok := r.lx.headCue[w]; ok {
			return false
		}
	}
	for k, w := range words {
		if !nameShaped(w) && !(k > 0 && k < len(words)-1 && r.isParticle(w)) {
			return false
		}
	}
	return true
}

// unknownNameWords is unknownName for a name's words.
func (r *Recognizer) unknownNameWords(words []string) bool {
	if !r.nameWords(words) {
		return false
	}
	unknown := 0
	for k, w := range words {
		if k > 0 && k < len(words)-1 && r.isParticle(w) {
			continue
		}
		if r.lx.common[strings.ToLower(w)] {
			return false
		}
		switch {
		case r.unknownWord(w):
			unknown++
		case k == 0 && r.lx.firstName(w):
		default:
			return false
		}
	}
	return unknown > 0
}

// nameShaped reports a word of a capital and then lower-case letters, with
// perhaps a hyphen or an apostrophe ("Okafor", "Adeyemi-Bakare", "Mārtiņš").
func nameShaped(w string) bool {
	lower := false
	for k, c := range w {
		switch {
		case k == 0:
			if !unicode.IsUpper(c) {
				return false
			}
		case unicode.IsLower(c):
			lower = true
		case c == '-' || c == '\'' || c == '\u2019' || unicode.IsUpper(c):
		default:
			return false
		}
	}
	return lower
}

// placeWord reports a word the lists know as a place or a people's
// ("Facebook Ireland Limited" is the company's Irish arm).
func (r *Recognizer) placeWord(words []string) bool {
	for _, w := range words {
		if typ, _, ok := r.lx.known(w); ok && (typ == article.TypeGPE || typ == article.TypeLoc || typ == article.TypeNORP) {
			return true
		}
	}
	return false
}

// allCapitalised reports words that all start with a capital.
func allCapitalised(words []string) bool {
	for _, w := range words {
		if !isCap(w) {
			return false
		}
	}
	return true
}

// anyMention reports whether f holds for one of g's mentions.
func (g *group) anyMention(f func(*mention) bool) bool { return anyOf(g.ms, f) }

// anyHeadline reports whether f holds for one of g's headline mentions.
func (g *group) anyHeadline(f func(*mention) bool) bool { return anyOf(g.headOnly, f) }

func anyOf(ms []mention, f func(*mention) bool) bool {
	for i := range ms {
		if f(&ms[i]) {
			return true
		}
	}
	return false
}

// placedOnly reports a group with a mention where places stand ("in
// Baracoa", "between Baracoa and ...") and none where people do ("Castro
// said", "Castro, who").
func (g *group) placedOnly() bool {
	placed := false
	for _, m := range g.ms {
		if m.personish || m.speaks || m.given {
			return false
		}
		placed = placed || m.placed
	}
	return placed
}

// trace reports the rules behind g; typed, when set, names the rule that
// typed it after its mentions did.
func (g *group) trace(rt *ruleTable, typ string, typed string) Trace {
	var made ruleBits
	var typedID uint8
	best := -1
	for _, ms := range [][]mention{g.ms, g.headOnly} {
		for _, m := range ms {
			made.or(m.made)
			if m.typ == typ && m.ev > best {
				best, typedID = m.ev, m.typedBy
			}
		}
	}
	t := Trace{Made: rt.names(made), Typed: rt.typedNames[typedID]}
	if typed != "" {
		t.Typed = typed
	}
	return t
}

// fullest picks the entity's name: the gazetteer's canonical form when the
// article uses it ("The Guardian" where it writes "the Guardian"), else the
// longest form the article uses, with the "the" before a publication's
// title ("The Ledger Times" where it writes "the Ledger Times").
func (r *Recognizer) fullest(g *group, typ string) string {
	name := fullestForm(g)
	// ("KELLY Osbourne has blasted": a tabloid's opening capitals are no
	// part of the name; the mention keeps them, as an alias.)
	if f := strings.Fields(name); typ == article.TypePerson && len(f) >= 2 && strings.ToUpper(f[1]) != f[1] && r.lx.firstName(capsName(f[0])) {
		name = capsName(f[0]) + name[len(f[0]):]
	}
	if typ != article.TypeOrg || g.canon != "" || strings.HasPrefix(name, "The ") {
		return name
	}
	for _, m := range g.ms {
		if m.text == name && m.the && len(m.words) > 1 && r.lx.publication[m.words[len(m.words)-1]] {
			return "The " + name
		}
	}
	return name
}

// fullestForm is fullest without the publication rule. A birth name ("Day
// was born Doris Mary Ann Kappelhoff") names the person but is not the name
// the article knows them by: it is the entity's name only when no other
// form has two words.
func fullestForm(g *group) string {
	best := ""
	other := false
	for _, m := range g.ms {
		if m.bornOf == 0 && len(m.words) >= 2 {
			other = true
			break
		}
	}
	for _, m := range g.ms {
		if other && m.bornOf != 0 {
			continue
		}
		if g.canon != "" && (m.text == g.canon || m.text == "The "+g.canon || m.the && strings.HasPrefix(g.canon, "The ") && g.canon[len("The "):] == m.text) {
			return g.canon
		}
		// (A name in another language in brackets is an alias only.)
		if utf8.RuneCountInString(m.text) > utf8.RuneCountInString(best) && !isAcronym(m.text) && !m.foreign || best == "" {
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
func fold(s string) string { return stripMarks(strings.ToLower(s)) }

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

// wordsText joins a mention's words as text: a space between words, none
// before a possessive ("People's Party", "Workers' Party").
func wordsText(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 && !strings.HasPrefix(w, "'") && !strings.HasPrefix(w, "\u2019") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// fullestPerson returns the key of the fullest name of the person keyed
// key, whose last name is last: "p:robert gabriel mugabe" for "p:robert
// mugabe" when the article names both.
func (c *resolveCtx) fullestPerson(key, last string) string {
	f := strings.Fields(strings.TrimPrefix(key, "p:"))
	if len(f) < 2 {
		return key
	}
	best := key
	for _, g := range c.persons[fold(last)] {
		if len(g.key) > len(best) && strings.HasPrefix(g.key, "p:"+f[0]+" ") {
			best = g.key
		}
	}
	return best
}

// countriesNamed returns the countries (canonical names) that the
// article's mentions name, as places or by their people ("Cuban").
func (r *Recognizer) countriesNamed(all []mention) map[string]bool {
	named := map[string]bool{}
	for _, m := range all {
		switch m.typ {
		case article.TypeGPE:
			if e, ok := r.lx.lookup(m.text); ok && e.typ == article.TypeGPE && r.lx.countries[e.canonical] {
				named[e.canonical] = true
			}
		case article.TypeNORP:
			adj := m.text
			if c, ok := r.lx.norp[adj]; ok {
				adj = c
			}
			if c, ok := r.lx.townPeople[adj]; ok {
				named[c] = true
			}
		}
	}
	return named
}

// townName reports whether every form of g is a town of towns.txt.
func (lx *lexicon) townName(g *group) bool {
	if len(g.ms) == 0 {
		return false
	}
	for _, m := range g.ms {
		if lx.towns[m.text] == "" {
			return false
		}
	}
	return true
}

// townOfNamed reports whether g's name is a town of a country in named.
func (r *Recognizer) townOfNamed(g *group, named map[string]bool) bool {
	for _, c := range strings.Split(r.lx.towns[g.ms[0].text], "|") {
		if named[c] {
			return true
		}
	}
	return false
}

// hasOrgHead reports words that hold an organisation's head word
// ("Supreme Court", "House of Representatives" has none: "House" is known
// alone as a legislature by the lists, see knownOrg).
func (r *Recognizer) hasOrgHead(words []string) bool {
	for _, w := range words {
		if r.lx.headCue[w] == article.TypeOrg {
			return true
		}
	}
	return r.knownOrg(wordsText(words))
}

// swappedOffice gives the other order of a government department's name:
// "Department of State" <-> "State Department", "Ministry of Defence" <->
// "Defence Ministry" ("" for other names).
func swappedOffice(words []string) string {
	office := func(w string) bool { return w == "Department" || w == "Ministry" }
	switch {
	case len(words) == 3 && office(words[0]) && words[1] == "of" && isCap(words[2]):
		return words[2] + " " + words[0]
	case len(words) == 2 && office(words[1]) && isCap(words[0]):
		return words[1] + " of " + words[0]
	}
	return ""
}

// subsequence reports whether the words of short occur in long in the same
// order.
func subsequence(short, long []string) bool {
	i := 0
	for _, w := range long {
		if i < len(short) && w == short[i] {
			i++
		}
	}
	return i == len(short)
}

// ownKey is the group key a mention has by its own name: its gazetteer
// canonical form, else its folded text.
func ownKey(m *mention) string {
	if m.canon != "" {
		return "c:" + m.canon
	}
	return "t:" + fold(m.text)
}

// tradeAndDesignators reports words that are each an organisation's head
// word or a designator ("Aerospace Pvt Ltd", "Mining Holdings Corp").
func (r *Recognizer) tradeAndDesignators(words []string) bool {
	for _, w := range words {
		if t, ok := r.lx.headCue[w]; !r.lx.designators[w] && (!ok || t != article.TypeOrg) {
			return false
		}
	}
	return true
}

// soleKeys maps a short form ("Senate", "Yilan", "Forrest Jones") to the
// key of the one entity the article names that has it, "" once two do.
// Two names of one body count as one: add takes the body's identity, the
// place's canonical name and the head for a body named after its country
// ("U.S. Navy" and "United States Navy"), else the key itself.
type soleKeys struct{ key, body map[string]string }

func newSoleKeys() soleKeys { return soleKeys{key: map[string]string{}, body: map[string]string{}} }

// add records that the entity k, of identity body, has the short form f.
func (s soleKeys) add(f, k, body string) {
	old, seen := s.key[f]
	switch {
	case !seen:
		s.key[f], s.body[f] = k, body
	case old != k && s.body[f] != body:
		s.key[f] = "" // two entities have it
	}
}

// placeBody is the identity of a body named after a place or a people of
// type typ and canonical name canon, with the rest of its name.
func placeBody(typ, canon, rest string) string { return typ + ":" + canon + " " + rest }

// ofKnownPlace reports words that end in "of" and a known place
// ("University of Hong Kong").
func (r *Recognizer) ofKnownPlace(words []string) bool {
	for k := 1; k < len(words)-1; k++ {
		if words[k] == "of" {
			return r.knownPlace(wordsText(words[k+1:]))
		}
	}
	return false
}

// placeBodyName reports a name of a known place followed by one to three
// capitalised English words ("Auckland Transport", "Edinburgh Youth
// Climate Action"), none a given name, a surname or a place, nor a word that
// ends a place's own name: the shape of a body named for where it serves.
func (r *Recognizer) placeBodyName(full string) bool {
	words := strings.Fields(full)
	for k := len(words) - 1; k >= 1; k-- {
		e, ok := r.lx.lookup(strings.Join(words[:k], " "))
		if !ok || (e.typ != article.TypeGPE && e.typ != article.TypeLoc) {
			continue
		}
		rest := words[k:]
		if len(rest) > 3 {
			return false
		}
		for _, w := range rest {
			if !r.bodyNameWord(w) {
				return false
			}
		}
		return true
	}
	return false
}

// wordsBodyName reports a name of two to four capitalised English words,
// none a given name, a frequent surname, a known name or a title, not
// headed by a noun for a person or a place's kind, written inside a
// sentence at least once ("Youth Climate Action"): words that only a
// body's name capitalises there.
func (r *Recognizer) wordsBodyName(g *group) bool {
	if allInitial(g) {
		return false
	}
	words := strings.Fields(fullestForm(g))
	// (Two words may be a stage name, "Ice Cube said": only one with an
	// article or an owner before it, "the Homicide Squad said", or that
	// speaks of itself as "it", is a body.)
	if len(words) < 2 || len(words) > 4 || len(words) == 2 && !g.anyMention(func(m *mention) bool { return m.itActs || m.the || m.owned }) {
		return false
	}
	for i, w := range words {
		low := strings.ToLower(w)
		if !r.bodyNameWord(w) || r.lx.titles[low] || r.lx.workKinds[low] {
			return false
		}
		if i == len(words)-1 && (r.lx.personNouns[low] || r.lx.personNouns[singularNoun(low)]) {
			return false
		}
	}
	return !r.lx.titles[strings.ToLower(strings.Join(words, " "))]
}

// bodyNameWord reports a word that may follow a place, or stand with its
// like, in the name of a body that place_body types: capitalised, no
// acronym, a common English word, no given name, frequent surname, known
// name or word that is no name alone, no office, text or event noun, and
// no head word of a place's or another non-organisation's name.
func (r *Recognizer) bodyNameWord(w string) bool {
	low := strings.ToLower(w)
	if !isCap(w) || isAcronym(w) || !r.lx.common[low] || r.lx.firstName(w) || r.lx.commonSurnames[low] || r.knownForm(w) || r.lx.nonNames[w] || r.lx.notBody[low] {
		return false
	}
	cue, ok := r.lx.headCue[w]
	return !ok || cue == article.TypeOrg
}

// insideLonger reports a name whose words stand inside another name of the
// article ("Big Sky Northern" beside "Big Sky Northern Railway"): a short
// form of that one, not a body of its own.
func insideLonger(g *group, order []*group) bool {
	full := " " + fullestForm(g) + " "
	for _, o := range order {
		if o != g && len(o.ms) > 0 && strings.Contains(" "+fullestForm(o)+" ", full) && fullestForm(o) != fullestForm(g) {
			return true
		}
	}
	return false
}

// complementBodyName reports a name of one to three capitalised words, "of",
// "for" or "and", and one to three capitalised words ("Transport for
// London", "Heart of Tunisia", "Fire and Emergency"), the first part (and
// after "and" the second) of bodyWord words: subject_complement joins such
// a name before a verb of saying.
func (r *Recognizer) complementBodyName(full string) bool {
	words := strings.Fields(full)
	at := -1
	for i, w := range words {
		if w == "of" || w == "for" || w == "and" {
			at = i
			break
		}
	}
	// ("Fire and Emergency": both parts such words.)
	if at > 0 && words[at] == "and" {
		for _, w := range words[at+1:] {
			if !r.bodyWord(w) {
				return false
			}
		}
	}
	if at < 1 || at > 3 || len(words)-at-1 < 1 || len(words)-at-1 > 3 {
		return false
	}
	for _, w := range words[:at] {
		if !r.bodyWord(w) {
			return false
		}
	}
	for _, w := range words[at+1:] {
		if !isCap(w) {
			return false
		}
	}
	return true
}

// lastWordAlone reports a name of two or more words whose last word the
// article also uses alone as a name ("London Breed ... Breed said"): a
// person's surname, so the whole is a person's name.
func lastWordAlone(g *group, order []*group) bool {
	f := strings.Fields(fullestForm(g))
	if len(f) < 2 {
		return false
	}
	last := f[len(f)-1]
	for _, o := range order {
		if o != g && len(o.ms) > 0 && fullestForm(o) == last {
			return true
		}
	}
	return false
}

// misspeltOwner returns the one person whose surname is within one edit of
// sur (two when both have eight letters or more) and starts with the same
// letter, or nil when none or several are.
func (c *resolveCtx) misspeltOwner(sur string) *group {
	rs := []rune(sur)
	var owner *group
	for k, gs := range c.persons {
		ks := []rune(k)
		if len(ks) < 6 || ks[0] != rs[0] {
			continue
		}
		limit := 1
		if len(ks) >= 8 && len(rs) >= 8 {
			limit = 2
		}
		if d := len(ks) - len(rs); d > limit || -d > limit || levenshtein.ComputeDistance(k, sur) > limit {
			continue
		}
		for _, g := range gs {
			if owner != nil && owner != g {
				return nil
			}
			owner = g
		}
	}
	return owner
}

// honorificSex returns the sex an honorific marks ("Mr." male, "Mrs.",
// "Ms." female), else "".
func honorificSex(title string) string {
	switch strings.TrimSuffix(strings.ToLower(title), ".") {
	case "mr", "sir", "lord", "mister":
		return givenname.Male
	case "mrs", "ms", "miss", "madam", "dame", "lady":
		return givenname.Female
	}
	return ""
}
