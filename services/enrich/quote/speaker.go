package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// speakerFromNP names the speaker that the noun phrase [a, b] stands for.
func (d *doc) speakerFromNP(a, b int) ref {
	// "..., and the utility warned": a conjunction opens no noun phrase.
	for a < b && d.isWord(a) && !d.toks[a].capit && (d.toks[a].low == "and" || d.toks[a].low == "but" || d.toks[a].low == "or") {
		a++
	}
	// "Dozens of commuters waited. Some shouted": a quantifier standing
	// alone is part of the group the article was just about.
	if a == b && d.isWord(a) && !d.toks[a].inQ && quantifierWord(d.toks[a].low) {
		if r := d.resolveWhere(a, "they", func(r ref) bool { return r.typ == SpeakerGroup }); r.ok() {
			r.via = "pronoun"
			return r
		}
	}
	// "One resident said "...". Another added: "..."": another person of
	// the kind just described speaks.
	if a == b && d.isWord(a) && d.toks[a].low == "another" && !d.toks[a].inQ {
		if r, ok := d.anotherOfKind(a); ok {
			return r
		}
	}
	// "One of the victims said": one person of a described group.
	if a+2 <= b && d.isWord(a) && d.toks[a].low == "one" && d.isWord(a+1) && d.toks[a+1].low == "of" && !d.toks[b].capit &&
		(d.lex.in("groupheads", d.toks[b].low) || d.lex.in("personheads", singularPerson(d.toks[b].low)) || d.lex.in("personnouns", singularPerson(d.toks[b].low))) {
		return d.descRef(a, b)
	}
	// "Members of the public said": "members" says nothing without its
	// group; the of phrase is the description's.
	if a+2 <= b && d.isWord(a) && d.toks[a].low == "members" && d.isWord(a+1) && d.toks[a+1].low == "of" && !d.toks[b].capit && d.entityAt(b) < 0 {
		return ref{name: bareWord(d.body[d.toks[a].s:d.toks[b].e]), typ: SpeakerGroup, head: a}
	}
	// "The union's Twitter account posted": an account speaks for its
	// owner, never for the platform that hosts it.
	if d.isWord(b) && !d.toks[b].capit && accountNoun(d.toks[b].low) {
		for p := b - 1; p > a && p >= b-3; p-- {
			if d.possessive(p) {
				return d.speakerFromNP(a, p)
			}
		}
	}
	// "Hundreds of tenants", "Dozens of residents": a number of people of
	// a group is the group.
	if a+2 <= b && d.isWord(a) && d.isWord(a+1) && d.toks[a+1].low == "of" && countedPlural(d.toks[a].low) {
		return d.speakerFromNP(a+2, b)
	}
	// "the foreign ministers of Britain, France and Germany said": the
	// last of places listed after people and "of" is none of the speakers;
	// the people are.
	if r, ok := d.peopleOfPlaces(a, b); ok {
		return r
	}
	// "Pupils from Kibera chanted", "residents of Bao Lam said": people
	// of a place are the people, never the place.
	if e := d.entityAt(b); e >= 0 && d.isPlace(e) {
		if x := d.mentionStart(b) - 1; x-1 >= a && d.isWord(x) && (d.toks[x].low == "from" || d.toks[x].low == "in") && d.isWord(x-1) && !d.toks[x-1].capit {
			if w := d.toks[x-1].low; d.lex.in("groupheads", w) || d.lex.in("personnouns", singularPerson(w)) || d.lex.in("personheads", singularPerson(w)) {
				return d.speakerFromNP(a, x-1)
			}
		}
	}
	// "A group of Vietnamese students shouted", "a crowd of fans": a
	// collective noun before the people it gathers is those people.
	if p, ok := d.collectiveOf(a, b); ok {
		return d.speakerFromNP(p, b)
	}
	// "One of them said" after "the children ...": one person of the group
	// the pronoun stands for.
	if d.isWord(b) && d.toks[b].low == "them" && d.isWord(b-1) && d.toks[b-1].low == "of" && d.isWord(b-2) && d.toks[b-2].low == "one" && a >= b-2 {
		// ("One of the children said "...". ... One of them went on": the
		// group one of whom spoke last, in the paragraph or the one before.)
		pb := d.paraOf(b)
		for i := len(d.qs) - 1; i >= 0; i-- {
			q := d.qs[i]
			if q.close < 0 || q.close >= b || q.para < pb-1 || !q.done {
				continue
			}
			if (strings.HasPrefix(q.spk.name, "one of the ") || d.oneOfAt(q.spk.head)) && q.spk.typ == SpeakerPerson {
				return ref{name: q.spk.name, typ: SpeakerPerson, head: b, via: "pronoun"}
			}
			break
		}
		if r := d.resolvePronoun(b, "them"); r.ok() && r.typ == SpeakerGroup && r.etype == "" {
			f := strings.Fields(r.name)
			if last := strings.ToLower(f[len(f)-1]); d.lex.in("groupheads", last) {
				// (One of them is one of the group, in the singular when
				// its noun is a person's: "survivor".)
				if one := singularPerson(last); one != last && (d.lex.in("personheads", one) || d.lex.in("personnouns", one)) {
					return ref{name: one, typ: SpeakerPerson, head: b, via: "pronoun"}
				}
				return ref{name: "one of the " + strings.ToLower(r.name[:1]) + r.name[1:], typ: SpeakerPerson, head: b, via: "pronoun"}
			}
		}
	}
	// "Grab's official Twitter account posted", "the club's Facebook page
	// said": an account or page speaks for its owner, never for the
	// platform it is on.
	if d.isWord(b) && !d.toks[b].capit && mediumHead(d.toks[b].low) {
		for k := b - 1; k >= a; k-- {
			if d.possessive(k) {
				// (A described owner, "the agency's account", is read as
				// before: the phrase may name the body otherwise.)
				if r := d.speakerFromNP(a, k); r.ok() && properName(r.name) {
					return r
				}
				// ("The Congress party's account": the organisation
				// named in the owner's phrase.)
				for x := k; x >= a; x-- {
					if e := d.entityAt(x); e >= 0 && d.ents[e].Type == "ORG" {
						return d.entityRef(e, x)
					}
				}
				break
			}
			if w := d.toks[k].low; d.isWord(k) && (w == "his" || w == "her" || w == "their" || w == "its") {
				return d.resolvePronoun(k, w)
			}
		}
	}
	// "The mother of Kevin Dean said", "a lawyer of the late Tom Vale":
	// someone close to the one named speaks, not that one.
	for k := a + 1; k < b && k <= a+3; k++ {
		if d.isWord(k) && d.toks[k].low == "of" && d.isWord(k-1) && (!d.toks[k-1].capit || d.sentStart(k-1)) && d.lex.in("kinheads", d.toks[k-1].low) &&
			d.isWord(b) && d.toks[b].capit && d.personAt(b) >= 0 {
			return d.descRef(a, k-1)
		}
	}
	// ("said the spokeswoman": the reader may have skipped the article.)
	// "a statement issued on his behalf", "on Ada Brook's behalf": the one
	// whose behalf it is speaks.
	for k := a + 1; k <= b; k++ {
		if d.toks[k].low == "behalf" {
			if r := d.behalfOwner(k, a, b+1); r.ok() {
				return r
			}
		}
	}
	definite := d.isWord(a-1) && !d.toks[a-1].inQ && (d.toks[a-1].low == "the" || d.toks[a-1].low == "this")
	possPron := -1
	for a <= b && d.isWord(a) && (d.lex.in("determiners", d.toks[a].low) || d.lex.in("prepositions", d.toks[a].low)) {
		if w := d.toks[a].low; w == "his" || w == "her" || w == "their" || w == "its" {
			possPron = a
		}
		if w := d.toks[a].low; w == "the" || w == "this" || w == "that" {
			definite = true
		}
		a++
	}
	if a > b {
		return ref{}
	}
	// "the former champion said" after "Tom Reed, the former champion,":
	// a description that repeats a person's apposition word for word.
	if definite && possPron < 0 && a < b && !d.toks[b].capit {
		if r, ok := d.appositionRepeat(a, b); ok {
			r.via, r.subj = "description", false
			return r
		}
	}
	// "the 22-year-old Swede told", "the Democrat added": a nationality or
	// a party member's noun, singular and definite, renames the person the
	// article was just about.
	// (Not a collective: "the French", "the Swiss", "the Chinese".)
	if definite && possPron < 0 && d.toks[b].capit && !strings.HasSuffix(d.toks[b].low, "s") && !collectiveDemonym(d.toks[b].low) {
		if e := d.entityAt(b); e >= 0 && d.ents[e].Type == "NORP" && d.entityAt(b+1) != e {
			// A person the article ties to that nation or party ("Erik
			// Lund of Sweden", "Swedish driver Erik Lund", "Democratic
			// Senator Ana Ruiz") first; else the person just named.
			stem := affiliationStem(d.toks[b].low)
			tied := func(r ref) bool { return r.typ == SpeakerPerson && d.affiliatedNear(r.head, stem) }
			for _, accept := range []func(ref) bool{tied, nil} {
				if accept != nil && stem == "" {
					continue
				}
				if r := d.resolveWhere(b, "person", accept); r.ok() && r.typ == SpeakerPerson && properName(r.name) {
					r.head, r.via = b, "description"
					return r
				}
			}
		}
	}
	// "Speaking in the Commons, the Conservative MP said", "the Democratic
	// senator added": a role after a party's adjective, definite, renames
	// the person the article was just about, else it is the description
	// (not the party: "MP" is no post-nominal here).
	// ("a Labour MP said": one not named.)
	// "the BJP MP said" after "Arun Mehta, a BJP MP,": so does a party
	// the entities know, for the person the article put in it.
	partyName := d.toks[a].capit && !d.lex.in("partyadj", d.toks[a].low) && d.orgWord(a) && (postNominal(d.toks[b].low) || d.isTitle(d.toks[b].low))
	if possPron < 0 && b == a+1 && (d.toks[a].capit && d.lex.in("partyadj", d.toks[a].low) || !d.toks[a].capit && d.lex.in("sideadj", d.toks[a].low) || definite && partyName) &&
		(postNominal(d.toks[b].low) || d.roleWord(d.toks[b].low) || d.isTitle(d.toks[b].low)) {
		if definite {
			// (A side of the house renames only one the article put on
			// that side: "Tom Vale, an opposition MP, ... the opposition
			// MP", not the Prime Minister just named before "the
			// opposition leader".)
			var accept func(ref) bool
			if !d.toks[a].capit {
				side := d.toks[a].low
				accept = func(r ref) bool { return d.wordNear(r.head, side, 6) }
			}
			if partyName {
				party := d.toks[a].low
				accept = func(r ref) bool { return d.sameSentenceWord(r.head, a, party, 6) }
			}
			if r := d.resolveWhere(b, "person", accept); r.ok() && r.typ == SpeakerPerson && properName(r.name) {
				r.head, r.via = b, "description"
				return r
			}
		}
		return ref{name: d.body[d.toks[a].s:d.toks[b].e], typ: SpeakerPerson, head: b}
	}
	// "the Bath MP told", "the Kingston and Surbiton MP said": capitalised
	// words between "the" and a role are a place it serves, no name (a
	// person's name takes no article): the person the article named under
	// that role, else the description.
	if definite && possPron < 0 && b > a && d.toks[a].capit && (postNominal(d.toks[b].low) || d.roleWord(d.toks[b].low)) && d.placeWords(a, b) {
		// (Not another description of that role: "the BJP MP" is not
		// "the Kolkata MP".)
		if r := d.resolveDescription(b); r.ok() && r.via != "" && properName(r.name) && !strings.EqualFold(lastWord(r.name), d.toks[b].low) {
			// ("Priya Sen then rose. "...," the Kolkata MP said": a place
			// the article never gave the one found under the role is news
			// about the person it was just about.)
			if !d.sameSentenceWord(r.head, a, d.toks[a].low, 8) {
				if r2, ok := d.secondReference(a, b); ok {
					r2.via, r2.subj = "description", false
					return r2
				}
			}
			return r
		}
		// (A place the entities know is read below: "the Poland captain"
		// renames the subject just named.)
		if d.entityAt(a) < 0 {
			return ref{name: d.body[d.toks[a].s:d.toks[b].e], typ: SpeakerPerson, head: b}
		}
	}
	// "the Greek Prime Minister said", "the acting Prime Minister said": a
	// capitalised office after a nationality or a word for its tenure is
	// the person the article named under it, else the office with its
	// modifier.
	if definite && possPron < 0 && b > a && (d.isNORP(a) && d.toks[a].capit || tenureWord(d.toks[a].low)) && d.allTitles(a+1, b) {
		if d.isNORP(a) {
			if r, ok := d.nationTied(a, b); ok {
				return r
			}
		} else if r := d.resolveDescription(b); r.ok() && r.via != "" && properName(r.name) {
			return r
		}
		return ref{name: d.body[d.toks[a].s:d.toks[b].e], typ: SpeakerPerson, head: b}
	}
	// "Kerala's Chief Minister said", "The state's Chief Minister said": a
	// capitalised office after a possessive is the person the article named
	// under it, else the office.
	for x := a; x < b && x <= a+3; x++ {
		if d.possessive(x) && d.allTitles(x+1, b) {
			if r := d.resolveDescription(b); r.ok() && r.via != "" && properName(r.name) {
				return r
			}
			return ref{name: d.body[d.toks[x+1].s:d.toks[b].e], typ: SpeakerPerson, head: b}
		}
	}
	// "the Prime Minister defended ... and accused": a capitalised office
	// alone is the person the article named under it, else the office.
	if definite && d.toks[a].capit && b-a < 4 {
		if d.allTitles(a, b) {
			r := d.resolveDescription(b)
			if !r.ok() || r.via == "" {
				return ref{name: d.body[d.toks[a].s:d.toks[b].e], typ: SpeakerPerson, head: b}
			}
			if properName(r.name) {
				return r
			}
		}
	}
	// "The Governor of Lamu said", "the Minister for Health told": a
	// capitalised office with a capitalised complement is the person the
	// article named under that title, else the office; never the place or
	// the field after "of".
	if definite {
		if x, ok := d.officeOf(a, b); ok {
			if r := d.resolveDescription(x); r.ok() && r.via != "" && properName(r.name) {
				return r
			}
			return ref{name: d.body[d.toks[a].s:d.toks[b].e], typ: SpeakerPerson, head: x}
		}
	}
	// "on behalf of the family": the words are the family's.
	if a+1 < b && d.toks[a].low == "behalf" && d.toks[a+1].low == "of" {
		return d.speakerFromNP(a+2, b)
	}
	if a == b && d.lex.in("pronouns", d.toks[a].low) {
		return d.resolvePronoun(a, d.toks[a].low)
	}
	// "the campaign group Kustwacht Noord", "the charity Ocean
	// Watch": a name after an organisation noun is the organisation.
	if d.toks[b].capit && !d.possessive(b) {
		s := b
		for s-1 > a && d.toks[s-1].capit {
			s--
		}
		pp := d.lowerPrepositionIn(a, s) // "Tom Vale of the victims' group Open Doors": the name is in his phrase
		if !pp && s-1 >= a && !d.toks[s-1].capit && (d.lex.in("orgheads", d.toks[s-1].low) || d.lex.in("groupheads", d.toks[s-1].low)) && (d.isNameNP(s, b) || s == b || d.entityAt(b) >= 0) && !d.sentStart(s) {
			if e := d.entityAt(b); e >= 0 {
				return d.entityRef(e, b)
			}
			r := d.nameRef(s, b)
			r.typ = SpeakerOrg
			return r
		}
	}
	// Of two coordinated phrases the one next to the cue speaks: "protesters
	// with flags and a banner from X saying" (a determiner opens the second;
	// without one, "X of Y and contributor to Z" is one person).
	// ("the foreign ministers of Canada and the United Kingdom": places
	// after "of" are the complement's, not a second speaker.)
	// ("Jane Roe of the Centre for Research and Education": an "and"
	// inside one name joins no phrases.)
	for k := b - 1; k > a; k-- {
		if d.toks[k].low == "and" && !d.toks[k].capit && (d.lex.in("determiners", d.toks[k+1].low) || d.toks[k+1].capit) {
			if e := d.entityAt(k + 1); e >= 0 && e == d.entityAt(k-1) {
				continue
			}
			// ("Sam Kimura of the Center for Oceanography: Research and
			// Education": capitalised words no entity holds, joined after
			// a preposition, are the rest of a body's name.)
			if d.toks[k+1].capit && d.entityAt(k+1) < 0 && d.toks[k-1].capit && d.lowerPrepositionIn(a, k) && !d.personBetween(k+1, b+1) && !d.roleWord(d.toks[k+1].low) {
				continue
			}
			if d.placesInComplement(a, k, b) {
				break
			}
			return d.speakerFromNP(k+1, b)
		}
	}
	// The head is the last word before the first preposition ("Steve
	// Peers of the University of Essex"), or the last word.
	p1 := b + 1
	for k := a + 1; k <= b; k++ {
		// "a source close to the minister": "close to" ends the head too;
		// so do "an official familiar with the talks", "people aware of
		// the plan".
		if d.toks[k].low == "close" && k < b && d.toks[k+1].low == "to" || postAdjective(d.toks[k].low) && k < b && d.prepositionWord(d.toks[k+1].low) && d.peopleAt(k-1) {
			p1 = k
			break
		}
		// A preposition inside a name ("House of Commons Speaker Tom
		// Vale") does not end the head.
		if !d.toks[k].capit && d.prepositionWord(d.toks[k].low) && d.entityAt(k) < 0 {
			p1 = k
			break
		}
	}
	// "A letter seen by the Herald", "a report obtained by Reuters": the
	// agent of a relaying participle after the head only saw the words;
	// the head before the participle is what speaks.
	if p1 <= b && d.toks[p1].low == "by" && p1-2 >= a && d.isWord(p1-1) && !d.toks[p1-1].capit && d.lex.in("relayed", d.toks[p1-1].low) {
		return d.speakerFromNP(a, p1-2)
	}
	h1 := p1 - 1
	// "A hand-painted sign tied to the railings", "a note left on the
	// door": a participle after a text's noun is the noun's; the noun
	// heads the phrase.
	if h1 > a && h1 < b && d.isWord(h1) && !d.toks[h1].capit && (strings.HasSuffix(d.toks[h1].low, "ed") || d.lex.in("irregular", d.toks[h1].low)) &&
		d.isWord(h1-1) && !d.toks[h1-1].capit && d.lex.in("docheads", d.toks[h1-1].low) {
		h1--
		p1 = h1 + 1
	}
	// "Lead author Sally Wasef of Northfield University": a name heading
	// the phrase speaks, not the organisation after its preposition.
	if h1 < b && d.entityAt(h1) < 0 && d.toks[h1].capit && !d.possessive(h1) {
		s := h1
		for s-1 >= a && (d.toks[s-1].capit || connector(d.toks[s-1].low)) {
			s--
		}
		// ("Chief Financial Officer of Super Value Ada Brook": a title, not
		// a name, heads the phrase.)
		if s < h1 && d.isNameNP(s, h1) && !d.lex.in("orgheads", d.toks[h1].low) && !d.roleWord(d.toks[h1].low) && !d.isTitle(d.toks[h1].low) {
			return d.nameRef(s, h1)
		}
	}
	// "the government of Samoa", "the ministry of health": an organisation
	// noun keeps its "of" phrase.
	if h1 < b && h1 >= a && !d.toks[h1].capit && d.lex.in("orgheads", d.toks[h1].low) && d.toks[p1].low == "of" && d.toks[b].capit && !d.possessive(b) {
		r := d.descRef(a, b)
		r.typ = SpeakerOrg
		return r
	}
	// "a group of creditors", "the family of the victim": a collective noun
	// and its "of" phrase of people describe the speaker together.
	// ("the group of creditors that brought the case": to its relative.)
	bc := b
	for k := p1 + 1; k < b; k++ {
		if w := d.toks[k].low; d.isWord(k) && (w == "that" || w == "who" || w == "which") {
			bc = k - 1
			break
		}
	}
	if h1 < bc && h1 >= a && !d.toks[h1].capit && d.lex.in("collectives", d.toks[h1].low) && d.toks[p1].low == "of" && bc-p1 <= 4 && !d.toks[bc].capit &&
		d.peopleNoun(d.toks[bc].low) {
		r := d.descRef(a, bc)
		r.typ = SpeakerGroup
		return r
	}
	// "a spokeswoman for the State Department said": an unnamed speaker is
	// the description cut to its head (GUIDELINES.md), not the body it
	// speaks for.
	// So is "an official from TfL": a person noun heading the phrase, the
	// body after its preposition.
	// "the senator from Kisumu", "the 23-year-old from Leicestershire": a
	// definite one renames the person the article named before.
	// ("a firefighter in Estrela told": where the person is is no speaker.)
	if h1 < b && h1 >= a && !d.toks[h1].capit && (d.lex.in("personheads", d.toks[h1].low) || d.lex.in("groupheads", d.toks[h1].low) || d.lex.in("personnouns", d.toks[h1].low) || ageNoun(d.toks[h1].low)) &&
		(d.toks[p1].low == "for" || d.toks[p1].low == "from" || d.toks[p1].low == "at" || d.toks[p1].low == "with" || d.toks[p1].low == "close" || d.toks[p1].low == "in" ||
			// ("The chief executive of East Cape Forestry said", "the
			// director of the museum": a role of a body is its holder.)
			d.toks[p1].low == "of" && d.lex.in("personheads", d.toks[h1].low) && d.isWord(b) && d.toks[b].capit && d.entityAt(b) >= 0 && d.ents[d.entityAt(b)].Type == "ORG") {
		if definite && d.toks[p1].low != "for" && d.toks[p1].low != "close" {
			if r := d.resolveDescription(h1); r.ok() && properName(r.name) {
				return r
			}
		}
		return d.descRef(a, h1)
	}
	// "a constituent from Dayton": a noun with a person sense among
	// others (WordNet's noun.person, personsenses in personnouns.txt),
	// from a place, is someone from there; the place is no speaker ("a
	// cable from Washington" is no one's and stays the government's).
	det := func(k int) bool { return k >= 0 && d.isWord(k) && d.lex.in("determiners", d.toks[k].low) }
	if h1 < b && h1 >= a && !d.toks[h1].capit && d.toks[p1].low == "from" && d.isWord(h1) && d.entityAt(p1+1) >= 0 && d.isPlace(d.entityAt(p1+1)) &&
		det(h1-1) && d.lex.in("personsenses", singularPerson(d.toks[h1].low)) {
		r := d.descRef(a, h1)
		r.typ = SpeakerPerson
		if strings.HasSuffix(d.toks[h1].low, "s") && !strings.HasSuffix(d.toks[h1].low, "ss") {
			r.typ = SpeakerGroup
		}
		return r
	}
	// "A post on her Facebook page", "a video on Vale's channel": a text
	// on someone's page is theirs, not the platform's.
	if h1 < b && h1 >= a && !d.toks[h1].capit && d.lex.in("docheads", d.toks[h1].low) && (d.toks[p1].low == "on" || d.toks[p1].low == "in") {
		for k := p1 + 1; k <= b; k++ {
			if w := d.toks[k].low; w == "his" || w == "her" || w == "their" || w == "its" {
				if r := d.resolvePronoun(k, w); r.ok() {
					return r
				}
				break
			}
			if d.possessive(k) && d.toks[k].capit {
				s := k
				for s-1 > p1 && d.toks[s-1].capit {
					s--
				}
				if e := d.entityAt(k); e >= 0 {
					return d.entityRef(e, k)
				}
				return d.nameRef(s, k)
			}
			// "a statement on the company website": the noun before the
			// medium owns it.
			switch d.toks[k].low {
			case "website", "site", "page", "account", "channel", "feed", "blog", "profile":
				if m := k - 1; m > p1 && !d.toks[m].capit && (d.lex.in("orgheads", d.toks[m].low) || d.lex.in("personheads", d.toks[m].low)) {
					return d.resolveDescription(m)
				}
			}
		}
	}
	// "the UAW union said", "the FNSEA farmers' union said", "the Reuters
	// news agency": a body's name before the noun of its kind is the body
	// (not its possessive: "Siemens' union" is the union of Siemens).
	if h1 >= a && h1 <= b && !d.toks[h1].capit && d.lex.in("bodykinds", d.toks[h1].low) {
		for k := h1 - 1; k >= a && k >= h1-3; k-- {
			if e := d.entityAt(k); e >= 0 && !d.possessive(k) {
				if d.ents[e].Type == "ORG" {
					return d.entityRef(e, k)
				}
				break
			}
			if (!d.isWord(k) || d.toks[k].capit) && !d.pluralPossessive(k) {
				break
			}
		}
	}
	for _, h := range []int{h1, b} {
		// "the mayor of Lyon": a place after the head is no speaker.
		if e := d.entityAt(h); e >= 0 && !d.possessive(h) && !(h != h1 && d.isPlace(e)) {
			return d.entityRef(e, h)
		}
	}
	// "Centre for River Studies scientist Ada Brook": a role noun
	// right before the closing name makes that name the head.
	if d.toks[b].capit && !d.possessive(b) {
		s := b
		for s-1 >= a && d.toks[s-1].capit {
			s--
		}
		if s-1 >= a && !d.toks[s-1].capit && d.roleWord(d.toks[s-1].low) {
			return d.nameRef(s, b)
		}
	}
	// "House of Commons Speaker Tom Vale": a title inside the closing
	// run introduces the name after it.
	if h1 < b && d.toks[b].capit && !d.possessive(b) {
		s := b
		for s-1 > h1 && (d.toks[s-1].capit || connector(d.toks[s-1].low)) {
			s--
		}
		for k := b - 1; k >= s; k-- {
			// Only a role title ("Speaker", "Minister"), not a portfolio word ("Health").
			if d.isTitle(d.toks[k].low) && d.roleWord(d.toks[k].low) {
				if d.isNameNP(k+1, b) {
					return d.nameRef(k+1, b)
				}
				break
			}
		}
	}
	if d.isNameNP(a, h1) {
		return d.nameRef(a, h1)
	}
	// "lead author Professor Ada Brook of the University": the first
	// phrase ends with the name.
	if h1 < b && d.toks[h1].capit && !d.possessive(h1) {
		s := h1
		for s-1 >= a && (d.toks[s-1].capit || connector(d.toks[s-1].low)) {
			s--
		}
		if d.isNameNP(s, h1) {
			return d.nameRef(s, h1)
		}
	}
	if d.toks[b].capit && !d.possessive(b) {
		s := b
		for s-1 >= a && (d.toks[s-1].capit || connector(d.toks[s-1].low)) {
			s--
		}
		for s < b && connector(d.toks[s].low) {
			s++
		}
		// "a police officer in Dover": a name inside a phrase after a
		// lower-case head is no part of the speaker.
		inPP := s > h1 && !d.toks[h1].capit && d.headNoun(d.toks[h1].low)
		if (d.isNameNP(s, b) || s == b) && !inPP {
			return d.nameRef(s, b)
		}
	}
	h := h1
	hw := d.toks[h].low
	if !d.toks[h].capit {
		switch {
		case definite && d.lex.in("orgheads", hw) && d.seatModifiers(a, h):
			// "the Strasbourg-based court said", "the state-run broadcaster
			// added": where a body sits or who runs it renames the body
			// the article was about, as the noun alone does, when the
			// article names one body of that kind before it ("Barclays and
			// HSBC ... the Edinburgh-based bank" may be either, or neither).
			if r, ok := d.seatedBody(hw, h); ok {
				return r
			}
			return d.descRef(a, h)
		case h == b && (hw == "poster" || hw == "posters") && d.posterActs(h):
			// "The poster wrote that", "One poster admitted ...,
			// writing": one who posts, when the verb is no sign's.
			r := d.descRef(a, h)
			r.typ = SpeakerPerson
			if hw == "posters" {
				r.typ = SpeakerGroup
			}
			return r
		case h == b && d.isWord(h-1) && d.lex.in("onewriter", d.toks[h-1].low) && d.lex.in("docheads", hw) && d.isWord(h+1) && !d.toks[h+1].inQ && d.lex.in("writerverbs", d.toks[h+1].low):
			// "One poster wrote", "with one poster writing": a text does
			// not write or post; the word names the person who does. (Only
			// one of several: "the paper writes" is the paper's outlet.)
			r := d.descRef(a, h)
			r.typ = SpeakerPerson
			return r
		case definite && possPron < 0 && d.ageBefore(h) == a && d.lex.in("personnouns", hw) && d.agedPerson(h):
			// "the 31-year-old point guard said" after "Team captain
			// Luis Echevarria said": an age and a kind of person rename
			// the person the article gave that age or was just about, as
			// "the 31-year-old" does; else they describe the speaker.
			if r := d.resolveDescription(h); r.ok() && properName(r.name) {
				return r
			}
			return d.descRef(a, h)
		case d.lex.in("subunits", hw) && (h-1 >= a && d.possessive(h-1) && d.toks[h-1].capit || h-2 >= a && d.possessive(h-2) && d.toks[h-2].capit && d.isWord(h-1)):
			// "Transparency International's Brazilian chapter said", "the
			// bank's US subsidiary said": a unit of a body speaks as the body.
			p := h - 1
			if !d.possessive(p) {
				p = h - 2
			}
			// (Only a body's: "Dr. Park's unit", "Tom Hardy's production
			// arm" are a person's, and someone of it speaks.)
			if e := d.entityAt(p); e >= 0 && d.ents[e].Type == "ORG" {
				return d.entityRef(e, p)
			}
			return d.descRef(h, h)
		case (d.lex.in("docheads", hw) || hw == "office") && h-2 >= a && d.possessive(h-2) && d.toks[h-2].capit && d.isWord(h-1) && !d.toks[h-1].capit && !d.headNoun(d.toks[h-1].low):
			// "Harbor Weekly's recent survey": a modifier between the
			// owner and the text.
			s := h - 2
			for s-1 >= a && d.toks[s-1].capit {
				s--
			}
			return d.nameRef(s, h-2)
		case (d.lex.in("docheads", hw) || saidNoun(hw) || hw == "office" || hw == "headquarters" || hw == "camp" || hw == "campaign") && h-1 >= a && d.possessive(h-1):
			// "the mayor's office", "the judge's statement": the owner speaks.
			// So do "according to Rossi's remarks", "the minister's
			// explanations": words said are their speaker's.
			if d.toks[h-1].capit {
				s := h - 1
				for s-1 >= a && d.toks[s-1].capit {
					s--
				}
				// "the Prime Minister's office": an office no one is named
				// under speaks as that office.
				allTitle := true
				for k := s; k <= h-1; k++ {
					allTitle = allTitle && d.isTitle(strings.TrimSuffix(strings.TrimSuffix(d.toks[k].low, "'s"), "’s"))
				}
				if allTitle {
					if r := d.resolveDescription(h - 1); r.ok() && r.via != "" && r.etype == "PERSON" {
						return r
					}
					return ref{name: d.body[d.toks[s].s:d.toks[h].e], typ: SpeakerOrg, head: h}
				}
				return d.nameRef(s, h-1)
			}
			// "the prime minister's office", "the mayor's campaign" after
			// the article named the one who holds the role: that person
			// speaks through it, as "Erdogan's office" is Erdogan's
			// (GUIDELINES' gold gives the person, the office an alias).
			// Unnamed, the office speaks as its holder's role.
			if hw == "office" || hw == "campaign" || hw == "camp" {
				if s := d.roleStart(a, h-1); s >= 0 {
					if r, ok := d.soleTitled(s, h-1); ok {
						return r
					}
					return d.descRef(s, h-1)
				}
			}
			// "the judge's statement": the person the article titled so.
			if d.isWord(h-2) && d.toks[h-2].low == "the" && d.lex.in("docheads", hw) {
				if r, ok := d.titledPersonBefore(h-1, bareWord(d.toks[h-1].low)); ok {
					return r
				}
				// "The court's ruling said" after "the Supreme Court": the
				// body the owner's noun renames, as "the court said" would.
				if w := bareWord(d.toks[h-1].low); d.lex.in("orgheads", w) && !d.lex.in("personheads", w) {
					if r := d.resolveDescription(h - 1); r.ok() && r.via == "description" && r.typ == SpeakerOrg {
						return r
					}
				}
			}
			return d.descRef(h-1, h-1)
		case d.lex.in("docheads", hw) && h-1 >= a && !d.possessive(h-1) && d.ownerWord(h-1) && possPron < 0:
			// (Not after a possessive pronoun: "her Instagram post" is hers.)
			// "the police report", "a company statement": the noun before
			// the document names who issued it.
			if e := d.entityAt(h - 1); e >= 0 {
				return d.entityRef(e, h-1)
			}
			// ("A council report said" after "Moreland City Council
			// voted": the body the noun renames, as "the council said"
			// would.)
			// (Only right after its determiner, "a county council report"
			// is another council; and only the one body whose own name
			// has the noun: "a government report" is no company's.)
			if w := d.toks[h-1].low; d.lex.in("orgheads", w) && !d.lex.in("personheads", w) && d.isWord(h-2) && d.lex.in("determiners", d.toks[h-2].low) {
				if r := d.onlyBodyCalled(h-1, w); r.ok() {
					r.head = h - 1
					return r
				}
			}
			return d.descRef(h-1, h-1)
		case (d.lex.in("docheads", hw) || saidNoun(hw)) && possPron >= 0:
			// "Their statement also read": the owner is the pronoun's referent.
			return d.resolvePronoun(possPron, d.toks[possPron].low)
		case (hw == "office" || hw == "campaign") && possPron == h-1 && (d.toks[possPron].low == "his" || d.toks[possPron].low == "her"):
			// "his office said", "her campaign said": a person's office or
			// campaign speaks for that person.
			if r := d.resolvePronoun(possPron, d.toks[possPron].low); r.ok() && r.typ == SpeakerPerson && properName(r.name) {
				return r
			}
			return d.descRef(a, h)
		case d.lex.in("docheads", hw):
			if r := d.docOwner(h); r.ok() {
				return r
			}
			// "An internal report ... "...," the report concludes": a
			// study or a report whose issuer the article never names
			// speaks under its own noun.
			// (Only a noun phrase opening on its article: "co-authored
			// last year's "..." report, told" is no report speaking.)
			if authoredWork(hw) && (definite || d.isWord(a-1) && !d.toks[a-1].inQ && (d.toks[a-1].low == "a" || d.toks[a-1].low == "an")) && !d.hasMark(a, h) {
				return d.descRef(h, h)
			}
			return ref{}
		case saidNoun(hw) && d.agentAfter(h):
			// "according to comments by the minister": words said by
			// someone are theirs, as a text issued by someone is.
			if r := d.docOwner(h); r.ok() {
				return r
			}
			return d.descRef(a, h)
		case d.lex.in("relheads", hw) && p1 < b && d.toks[p1].low == "of" && !d.toks[b].capit &&
			!d.lex.in("pronouns", d.toks[b].low):
			// "the head of the police's internal investigators": the role
			// and its "of" phrase describe the speaker together; the role
			// gives the type.
			r := d.descRef(a, b)
			r.typ = d.descType(hw)
			return r
		case h-1 >= a && d.toks[h-1].capit && !d.possessive(h-1) && !d.headNoun(hw) && strings.HasSuffix(hw, "ing"):
			// "Foreign Minister Jane Doe speaking at the summit": a
			// participle after a name; the name is the head.
			s := h - 1
			for s-1 >= a && (d.toks[s-1].capit || connector(d.toks[s-1].low)) {
				s--
			}
			return d.nameRef(s, h-1)
		case definite && a < h && (d.lex.in("personheads", hw) || d.lex.in("personnouns", hw)) && !d.adverb(hw) && d.sameOneModifiers(a, h) && d.noEarlierRole(h):
			// "the senior officer said" after "Detective Superintendent
			// Owen Pryce led the inquiry", "the Siemens chief" after
			// "Siemens chief executive Anna Vollmer": a second reference.
			if r, ok := d.secondReference(a, h); ok {
				r.via, r.subj = "description", false
				return r
			}
			return d.descRef(a, h)
		case definite && h == a:
			r := d.resolveDescription(h)
			if !properName(r.name) {
				if r2, ok := d.speakerJustBefore(a, h); ok {
					return r2
				}
				if r2, ok := d.bodyJustBefore(h); ok {
					return r2
				}
			}
			return r
		case definite && a+1 == h && d.participleAdjective(a, h):
			// "the retired teacher said" after "Ana Lind, a retired
			// teacher,": a participle says what became of the person;
			// the noun renames as it does alone.
			if r := d.resolveDescription(h); r.via != "" && properName(r.name) {
				return r
			}
			if r, ok := d.secondReference(a, h); ok {
				r.via, r.subj = "description", false
				return r
			}
			// ("The injured workers said": people in the plural are a
			// group the words belong to as it is described.)
			if d.pluralPeople(h) || d.lex.in("groupheads", hw) {
				return d.descRef(a, h)
			}
			// (Else no speaker here: the sentence before may name who
			// this is, "The chairperson said ... . "...," the retired
			// judge said".)
			return ref{}
		case definite && (d.headNoun(hw) || ageNoun(hw) || d.agedPerson(h)) && d.modifiersOnly(a, h):
			// "the Peruvian minister": a nationality names whose role it is.
			if r, ok := d.nationTied(a, h); ok {
				return r
			}
			// "the former minister" after "Former minister Tom Vale": the
			// description repeats the title with its modifiers.
			// "the 58-year-old diplomat": an age renames the person the
			// article gave that age, or was just about.
			if r, ok := d.titledWithModifiers(a, h); ok {
				return r
			}
			// "the young actor said" after "British actor Sam Okafor":
			// modifiers that keep the same person rename the one the
			// article gave that role, unless a title of its own set that
			// one apart ("Interior Minister Ravi Shah" is not "the foreign
			// minister").
			if r := d.resolveDescription(h); r.via != "" && (d.modifiersRepeat(a, h, r) || d.agedPerson(h) && properName(r.name) || d.kindModifiers(a, h, r)) {
				return r
			}
			if (d.lex.in("personheads", hw) || d.lex.in("personnouns", hw)) && d.sameOneModifiers(a, h) {
				if r, ok := d.keptAntecedent(a, h); ok {
					return r
				}
			}
			if r, ok := d.speakerJustBefore(a, h); ok && !d.titledForOther(a, h, r.name) {
				return r
			}
			return d.descRef(a, h)
		case definite && (d.lex.in("personheads", hw) || d.lex.in("personnouns", hw)) && d.placeOrBodyModifiers(a, h):
			if r, ok := d.nationTied(a, h); ok {
				return r
			}
			// "said the Chelsea manager" after "Chelsea manager Tom Vale";
			// "said the Pakistan captain" after "the captain, Imran Qadeer
			// ... Qadeer admitted ...": a role tied to a place or a body
			// renames the person the article titled so, else the subject
			// just named if the article gave that one the role, unless it
			// titled that one for another place or body.
			if r := d.resolveDescription(h); r.via != "" && properName(r.name) && d.modifiersRepeat(a, h, r) {
				return r
			}
			if r, ok := d.secondReference(a, h); ok && d.givenRole(r.name, h) && !d.titledForOther(a, h, r.name) {
				r.via, r.subj = "description", false
				return r
			}
			if r, ok := d.speakerJustBefore(a, h); ok && !d.titledForOther(a, h, r.name) {
				return r
			}
			return d.descRef(a, h)
		case definite && (d.lex.in("personheads", hw) || d.lex.in("personnouns", hw)) && d.bodyModifiers(a, h):
			// "the council leader said" after "Council leader Margaret
			// Holloway", "the police chief" after "Police Chief Tom Vale":
			// a body's noun before the role renames the person the article
			// titled with both; else it describes the speaker.
			if r := d.resolveDescription(h); r.via != "" && properName(r.name) && r.typ == SpeakerPerson && d.titleRepeats(a, h, r) {
				return r
			}
			return d.descRef(a, h)
		case !d.verbish(hw) && !d.lex.in("clause", hw) && !d.adverb(hw):
			if definite {
				if r, ok := d.speakerJustBefore(a, h); ok && !d.titledForOther(a, h, r.name) {
					return r
				}
			}
			return d.descRef(a, h)
		}
		for k := a; k <= b; k++ {
			if w := d.toks[k].low; d.lex.in("personheads", w) || d.lex.in("groupheads", w) {
				return d.descRef(a, k)
			}
		}
	}
	return ref{}
}

// speakerJustBefore reads a description of a person right after a
// sentence of its paragraph in which one person, and no one else, is named
// and speaks: `Sissoko said he had been unlucky. "...," the midfielder
// said` renames Sissoko, whom the article never called a midfielder. Not
// a noun news keeps for someone unnamed ("the spokeswoman").
func (d *doc) speakerJustBefore(a, h int) (ref, bool) {
	hw := d.toks[h].low
	// (A noun the lists lack may be a person's, "the midfielder", when
	// it is no body's, group's or text's.)
	if d.lex.in("unnamedheads", hw) || d.pluralPeople(h) || !d.lex.in("personheads", hw) && !d.lex.in("personnouns", hw) &&
		(d.lex.in("orgheads", hw) || d.lex.in("groupheads", hw) || d.lex.in("docheads", hw) || d.verbish(hw) || d.lex.in("clause", hw)) {
		return ref{}, false
	}
	if !d.isWord(a-1) || d.toks[a-1].low != "the" {
		return ref{}, false
	}
	// Only right after its quote (`"...," the midfielder said`): "In the
	// document, the writer supposes" after the mayor spoke is the writer.
	if !(a >= 3 && (d.toks[a-2].inQ || d.toks[a-3].inQ)) {
		return ref{}, false
	}
	// The sentence of the description, read from before its quote.
	t0 := d.paras[d.paraOf(h)].t0
	s := d.sentenceStart(h)
	// (The quote the description follows may hold sentences of its own:
	// its sentence starts at its opening mark.)
	for _, q := range d.qs {
		if q.close >= 0 && q.close < a && q.close >= a-3 && q.open < s {
			s = d.sentenceStart(q.open)
		}
	}
	for x := s; x < a-1; x++ {
		if d.toks[x].inQ {
			continue
		}
		if d.personAt(x) >= 0 || d.isWord(x) && (d.lex.in("pronouns", d.toks[x].low) || d.toks[x].low == "he" || d.toks[x].low == "she") {
			return ref{}, false
		}
	}
	if s <= t0 {
		return ref{}, false
	}
	first := d.soleSpeakerIn(d.sentenceStart(s-1), s, d.personAt, nil)
	if first < 0 {
		return ref{}, false
	}
	// (Not a role the article set apart: "the former governor", "the
	// arresting officer"; nor one side of a case or a contest, or someone
	// close to the one named: "the defendant" after "Detective Eva Lund
	// told the court".)
	if d.lex.in("counterparts", hw) || d.lex.in("kinheads", hw) {
		return ref{}, false
	}
	for k := a; k < h; k++ {
		if w := d.toks[k].low; d.lex.in("othermods", w) || strings.HasSuffix(w, "ing") {
			return ref{}, false
		}
	}
	r := d.entityRef(d.personAt(first), first)
	r.head, r.via, r.subj = h, "description", false
	return r, true
}

// bodyJustBefore reads "the company" opening a sentence right after one in
// which a single organisation, and no other, is named and speaks: `FCA said
// in a statement. The company said it remained "..."` is FCA's, though the
// article names other companies. The sentence before may end the paragraph
// before ("Desjardins said on Thursday ..." then "The cooperative said").
func (d *doc) bodyJustBefore(h int) (ref, bool) {
	hw := d.toks[h].low
	if !d.lex.in("orgheads", hw) || d.lex.in("personheads", hw) || d.lex.in("groupheads", hw) || !d.isWord(h-1) || d.toks[h-1].low != "the" {
		return ref{}, false
	}
	s := d.sentenceStart(h)
	if s != h-1 || s == 0 {
		return ref{}, false
	}
	ps := s - 1
	for ps > 0 && !d.isWord(ps) {
		ps--
	}
	body := func(k int) int {
		if e := d.entityAt(k); e >= 0 && d.ents[e].Type == "ORG" {
			return e
		}
		return -1
	}
	person := func(k int) bool {
		e := d.entityAt(k)
		return e >= 0 && d.ents[e].Type == "PERSON"
	}
	first := d.soleSpeakerIn(d.sentenceStart(ps), s, body, person)
	if first < 0 {
		return ref{}, false
	}
	r := d.entityRef(d.entityAt(first), first)
	r.head, r.via, r.subj = h, "description", false
	return r, true
}

// soleSpeakerIn finds the one entity that at gives in tokens [lo, hi),
// outside quotes, as the subject of a verb that is speech whatever else it
// may be ("was sentenced", "praised the constable" are no words of the one
// named): the token of its first mention, or -1 when none speaks there, a
// second entity is named, or a token blocks reports (nil: none) rules the
// sentence out.
func (d *doc) soleSpeakerIn(lo, hi int, at func(int) int, blocks func(int) bool) int {
	first, spoke := -1, false
	for x := lo; x < hi; x++ {
		if d.toks[x].inQ {
			continue
		}
		if blocks != nil && blocks(x) {
			return -1
		}
		if e := at(x); e >= 0 {
			if first >= 0 && e != at(first) {
				return -1
			}
			if first < 0 {
				if !d.subjectMention(x) && !d.speaksAfter(x) {
					return -1
				}
				first = x
			}
			continue
		}
		spoke = spoke || first >= 0 && d.cueAt(x) > 0 && d.lex.in("speechverbs", d.toks[x].low)
	}
	if !spoke {
		return -1
	}
	return first
}

// speaksAfter reports a verb of speech right after the mention at k (`"...,"
// FCA said`): the mention is its subject.
func (d *doc) speaksAfter(k int) bool {
	e := d.entityAt(k)
	n := k + 1
	for d.isWord(n) && d.entityAt(n) == e {
		n++
	}
	// ("Dr. Seemin Jamali, said": past the comma that closes an
	// apposition.)
	if d.isPunct(n, ",") && d.isWord(n+1) {
		n++
	}
	return d.cueAt(n) > 0 && d.lex.in("speechverbs", d.toks[n].low)
}

// sameOneModifiers reports whether tokens [a, h) are modifiers that keep
// the person one already named: no word that makes another one ("former",
// "deputy", "other").
func (d *doc) sameOneModifiers(a, h int) bool {
	for k := a; k < h; k++ {
		// (Nor a participle, "the arresting officer", or a capitalised
		// word that may tie it to someone else, "the French leader" after
		// "her French counterpart".)
		if !d.isWord(k) || d.toks[k].inQ || d.toks[k].capit || strings.HasSuffix(d.toks[k].low, "ing") || d.lex.in("othermods", d.toks[k].low) || d.possessive(k) || strings.ContainsAny(d.toks[k].low, "0123456789") {
			return false
		}
	}
	return true
}

// keptAntecedent reads back the last few people the article gave the role
// at h: the first whose title the modifiers [a, h) repeat, else the
// nearest one named, unless a capitalised title with a word of its own set
// that one apart ("Interior Minister Ravi Shah" is not "the foreign
// minister"; "British actor Sam Okafor" is "the young actor").
func (d *doc) keptAntecedent(a, h int) (ref, bool) {
	var nearest, kept ref
	n, apart := 0, false
	d.descAntecedents(h, h-1, d.paras[max(0, d.paraOf(h)-descWindow)].t0, func(r ref, k int) bool {
		if n++; n > 4 || !r.ok() {
			return false
		}
		r.src1, r.subj, r.via = k+1, false, "description"
		if properName(r.name) && r.typ == SpeakerPerson {
			if d.modifiersRepeat(a, h, r) {
				kept = r
				return false
			}
			if !nearest.ok() {
				// (Only a modifier of the role sets a title apart: "the
				// veteran minister" is "Finance Minister Amara Okafor".)
				if d.titledApart(k) && d.roleModifiers(a, h) {
					apart = true
					return false
				}
				nearest = r
			}
		}
		return true
	})
	switch {
	case kept.ok():
		return kept, true
	case apart:
		return ref{}, false
	}
	return nearest, nearest.ok()
}

// roleModifiers reports whether a modifier in [a, h) may qualify the role
// ("the foreign minister", "the energy minister", "the minority leader")
// rather than describe the person who holds it ("the veteran minister",
// "the embattled mayor", "the 52-year-old minister": holdermods and ages).
func (d *doc) roleModifiers(a, h int) bool {
	for k := a; k < h; k++ {
		if w := d.toks[k].low; d.isWord(k) && !d.lex.in("holdermods", w) && !ageNoun(w) {
			return true
		}
	}
	return false
}

// descAntecedents calls fn with each antecedent of the description at h
// that descAntecedentIn finds reading back from hi to lo, nearest first,
// until fn returns false. (An antecedent may be a later mention of the one
// found, past hi: reading goes on before hi, so it ends.)
func (d *doc) descAntecedents(h, hi, lo int, fn func(r ref, k int) bool) {
	for hi >= lo {
		r, k := d.descAntecedentIn(h, hi, lo)
		if k < 0 || !fn(r, k) {
			return
		}
		hi = min(k, hi) - 1
	}
}

// titledApart reports a capitalised role title at k with a capitalised
// word before it that is no place or nationality ("Interior Minister").
func (d *doc) titledApart(k int) bool {
	if !d.isWord(k) || !d.toks[k].capit || !d.isWord(k-1) || !d.toks[k-1].capit || d.sentStart(k) {
		return false
	}
	e := d.entityAt(k - 1)
	return e < 0 || d.ents[e].Type != "NORP" && !d.isPlace(e)
}

// placeOrBodyModifiers reports whether tokens [a, h) are all words of
// place, nationality or organisation names, or other capitalised words
// that are no title ("the Pakistan captain", "the Chelsea manager").
func (d *doc) placeOrBodyModifiers(a, h int) bool {
	if a >= h {
		return false
	}
	for k := a; k < h; k++ {
		// (A capitalised word the entity layer left out: "the Chelsea
		// manager"; not a title, "the Prime Minister".)
		e := d.entityAt(k)
		if !d.isWord(k) || !d.toks[k].capit || d.toks[k].inQ || d.possessive(k) || e >= 0 && d.ents[e].Type == "PERSON" || e < 0 && d.isTitle(d.toks[k].low) {
			return false
		}
	}
	return true
}

// bodyModifiers reports whether tokens [a, h) are lower-case nouns of a
// body or group ("council", "police", "union"), at most two, that say
// whose role the head at h is.
func (d *doc) bodyModifiers(a, h int) bool {
	if a >= h || h-a > 2 {
		return false
	}
	for k := a; k < h; k++ {
		if !d.isWord(k) || d.toks[k].capit || d.toks[k].inQ || d.possessive(k) {
			return false
		}
		if w := d.toks[k].low; !d.lex.in("orgheads", w) && !d.lex.in("groupheads", w) {
			return false
		}
	}
	return true
}

// titleRepeats reports whether the referent r was found under a title
// whose words right before its role word are the modifiers [a, h) ("the
// council leader" after "Council leader Margaret Holloway", not after
// "opposition leader Tom Vale" at "Tuesday's council meeting").
func (d *doc) titleRepeats(a, h int, r ref) bool {
	k, n := r.src1-1, h-a
	if k-n < 0 || k >= len(d.toks) || d.toks[k].low != d.toks[h].low {
		return false
	}
	for i := 0; i < n; i++ {
		if !d.isWord(k-n+i) || d.toks[k-n+i].low != d.toks[a+i].low {
			return false
		}
	}
	return true
}

// givenRole reports whether the article gives the person named name the
// role noun at h before it: "captain Imran Qadeer", "the captain, Imran
// Qadeer", "Imran Qadeer, the captain".
func (d *doc) givenRole(name string, h int) bool {
	is := func(k int) bool {
		e := d.personAt(k)
		return e >= 0 && d.ents[e].Name == name
	}
	for k := 1; k < h; k++ {
		if !d.isWord(k) || d.toks[k].low != d.toks[h].low || d.toks[k].inQ {
			continue
		}
		if is(k+1) || d.isPunct(k+1, ",") && is(k+2) || d.isWord(k-1) && d.toks[k-1].low == "the" && d.isPunct(k-2, ",") && is(k-3) {
			return true
		}
	}
	return false
}

// titledForOther reports whether the article gives the person named name
// the role at h under other capitalised words than the description's
// [a, h) ("South Africa captain Dean Kruger" is not "the Pakistan
// captain").
func (d *doc) titledForOther(a, h int, name string) bool {
	want := strings.ToLower(d.body[d.toks[a].s:d.toks[h-1].e])
	for k := 1; k+1 < len(d.toks); k++ {
		if k == h || !d.isWord(k) || d.toks[k].low != d.toks[h].low {
			continue
		}
		e := d.entityAt(k + 1)
		if e < 0 || d.ents[e].Name != name || d.entityAt(k) == e {
			continue
		}
		s := k
		for s-1 >= 0 && d.isWord(s-1) && d.toks[s-1].capit && !d.toks[s-1].inQ && !d.sentStart(s) {
			s--
		}
		if s < k && strings.ToLower(d.body[d.toks[s].s:d.toks[k-1].e]) != want {
			return true
		}
	}
	return false
}

// noEarlierRole reports that the role noun at h appears nowhere before it
// in the article (else the usual resolution finds whom it named).
func (d *doc) noEarlierRole(h int) bool { return !d.roleBefore(h, d.toks[h].low, false) }

// roleBefore reports the role noun head (or its plural) outside quotes
// before token k; with possessive, in a possessive form too ("the
// mayor's").
func (d *doc) roleBefore(k int, head string, possessive bool) bool {
	for x := k - 1; x >= 0; x-- {
		if !d.isWord(x) || d.toks[x].inQ {
			continue
		}
		w := d.toks[x].low
		if possessive {
			w = bareWord(w)
		}
		if w == head || w == head+"s" {
			return true
		}
	}
	return false
}

// modifiersOnly reports whether tokens [a, h) are lower-case words that
// can modify a role noun (not nouns of their own: no head noun, no name).
func (d *doc) modifiersOnly(a, h int) bool {
	for k := a; k < h; k++ {
		// ("the chief minister": a title word may modify the head.)
		if !d.isWord(k) || d.toks[k].capit || d.headNoun(d.toks[k].low) && !d.isTitle(d.toks[k].low) || d.lex.in("prepositions", d.toks[k].low) {
			return false
		}
	}
	return true
}

// modifiersRepeat reports whether the modifiers [a, h) of a description
// all stand in the name or the text right before the referent r was found
// ("the foreign minister" is not the "Interior Minister" named before).
func (d *doc) modifiersRepeat(a, h int, r ref) bool {
	if a == h {
		return true
	}
	var ctx []string
	for _, w := range strings.Fields(strings.ToLower(r.name)) {
		ctx = append(ctx, w)
	}
	if src := r.src1 - 1; src >= 0 {
		for k := max(0, src-4); k <= src && k < len(d.toks); k++ {
			ctx = append(ctx, d.toks[k].low)
		}
	}
	for k := a; k < h; k++ {
		found := false
		for _, w := range ctx {
			found = found || w == d.toks[k].low
		}
		if !found {
			return false
		}
	}
	return true
}

// headNoun reports a noun that heads a speaker's description: a role,
// group, organisation or document noun.
func (d *doc) headNoun(w string) bool {
	return d.lex.in("personheads", w) || d.lex.in("groupheads", w) || d.lex.in("orgheads", w) || d.lex.in("docheads", w)
}

// ownerWord reports whether token k, right before a document noun, names
// who issued the document: an organisation or person entity, or a role,
// group or organisation noun ("police", "company").
// A place's or a seat's name owns only a text a government issues ("A
// White House statement", "a Downing Street announcement"): it stands
// for its government there, never for the authors of "a Florida study".
func (d *doc) ownerWord(k int) bool {
	if e := d.entityAt(k); e >= 0 {
		if t := d.ents[e].Type; (t == "GPE" || t == "FAC") && d.isWord(k+1) {
			// ("A Lagos message from the governor": who it is from
			// issued it.)
			if d.isWord(k+2) && (d.toks[k+2].low == "from" || d.toks[k+2].low == "by") {
				return false
			}
			return issuedText(d.toks[k+1].low)
		}
		return d.ents[e].Type == "ORG" || d.ents[e].Type == "PERSON"
	}
	w := d.toks[k].low
	return !d.toks[k].capit && (d.lex.in("personheads", w) || d.lex.in("groupheads", w) || d.lex.in("orgheads", w))
}

// soleTitled is the one person the article titled with the role in
// [s, k] exactly ("Prime Minister Kwame Boateng" for "the prime
// minister's office"; not "Deputy Prime Minister Lena Ortiz", not
// "Mayor-elect Dana Hill", and no one when two mayors were named).
func (d *doc) soleTitled(s, k int) (ref, bool) {
	words := make([]string, 0, k-s+1)
	for x := s; x <= k; x++ {
		words = append(words, bareWord(d.toks[x].low))
	}
	role := strings.Join(words, " ")
	found := -1
	for e, ent := range d.ents {
		if ent.Type != "PERSON" {
			continue
		}
		for _, t := range ent.Titles {
			if strings.EqualFold(t, role) {
				if found >= 0 && found != e {
					return ref{}, false
				}
				found = e
			}
		}
	}
	if found < 0 {
		return ref{}, false
	}
	r := d.entityRef(found, k)
	r.via, r.subj = "description", false
	return r, true
}

// roleStart is where the definite role owning a text at k starts ("the
// prime minister's office": the token of "prime"), or -1 when k's
// possessive is no role after "the".
func (d *doc) roleStart(a, k int) int {
	if !d.roleWord(bareWord(d.toks[k].low)) && !d.lex.in("personheads", bareWord(d.toks[k].low)) {
		return -1
	}
	s := k
	for s-1 >= a && d.isWord(s-1) && !d.toks[s-1].capit && !d.lex.in("determiners", d.toks[s-1].low) && s > k-2 {
		s--
	}
	if !d.isWord(s-1) || d.toks[s-1].low != "the" {
		return -1
	}
	return s
}

// issuedText reports a noun for a text a body issues in its own name,
// as a statement is and a study or a law is not.
func issuedText(w string) bool {
	switch w {
	case "statement", "release", "communique", "communiqué", "announcement", "message", "letter", "note", "tweet", "warning", "response", "reply", "reaction", "memo", "readout":
		return true
	}
	return false
}

// readAloud reports "read" or "delivered" in [i, j): a text read out by
// someone who did not write it.
func (d *doc) readAloud(i, j int) bool {
	for k := i; k < j; k++ {
		if d.isWord(k) && (d.toks[k].low == "read" || d.toks[k].low == "delivered") {
			return true
		}
	}
	return false
}

// mentionTail returns the last token of the entity mention that covers
// token k (a plural's apostrophe inside it too), or k.
func (d *doc) mentionTail(k int) int {
	if d.entityAt(k) < 0 {
		return k
	}
	for _, m := range d.ments {
		if m.s <= d.toks[k].s && d.toks[k].s < m.e {
			for k+1 < len(d.toks) && d.toks[k+1].e <= m.e {
				k++
			}
			return k
		}
	}
	return k
}

// descRef is an unnamed speaker given as the article describes it.
func (d *doc) descRef(a, h int) ref {
	// ("a person close to the band", "a prosecutor familiar with the
	// case": an adjective after the noun opens what follows it; the noun
	// is the head.)
	if h > 0 && h > a && d.isWord(h) && d.isWord(h-1) && !d.toks[h-1].inQ {
		switch d.toks[h].low {
		case "close", "familiar", "near", "loyal", "opposed", "involved", "responsible", "critical":
			// (Only a noun for people before it: "a neighbour living close
			// by" has a participle there.)
			switch w := d.toks[h-1].low; {
			case w == "person" || w == "people" || w == "someone" || w == "source" || w == "sources" || w == "those",
				d.lex.in("personnouns", w) || d.lex.in("personnouns", singularPerson(w)) || d.roleWord(w) || d.lex.in("personheads", singularPerson(w)):
				h--
			}
		}
	}
	if a > h || a < 0 {
		a = h // no phrase read before the head: the head alone
	}
	if p, ok := d.collectiveOf(a, h); ok {
		a = p
	}
	// ("large parts of the crowd chanted": the head is the part; the group
	// after it speaks.)
	if d.isWord(h) && d.isWord(h+1) && d.toks[h+1].low == "of" {
		for g := h + 2; g <= h+5 && g < len(d.toks) && d.isWord(g) && !d.toks[g].inQ; g++ {
			if p, ok := d.partOf(h, g); ok {
				return d.descRef(p, g)
			}
		}
	}
	if r, ok := d.nameGivenAfter(h); ok {
		return r
	}
	// "One of the victims": one person of a group, named by the group's
	// noun in the singular ("victim"), as GUIDELINES cut a description to
	// its head.
	if a+2 <= h && d.isWord(a) && d.toks[a].low == "one" && d.isWord(a+1) && d.toks[a+1].low == "of" {
		name := "one" + d.body[d.toks[a].e:d.toks[h].e]
		if w := d.toks[h].low; !d.toks[h].capit && w != singularPerson(w) && (w == "people" || d.lex.in("personheads", singularPerson(w)) || d.lex.in("personnouns", singularPerson(w))) {
			name = singularPerson(w)
		}
		return ref{name: name, typ: SpeakerPerson, head: h}
	}
	// "Earlier this week the lawyer", "Asked by the judge": a description
	// starts after the last determiner or preposition before its head.
	// ("head of the city's inspectors", "government of Northland": an
	// of-phrase belongs to the description.)
	for k := h - 1; k > a; k-- {
		if d.isWord(k) && d.toks[k].low == "of" {
			break
		}
		if d.isWord(k) && !d.toks[k].capit && (d.lex.in("determiners", d.toks[k].low) || d.lex.in("prepositions", d.toks[k].low)) {
			if !(d.isWord(k-1) && d.toks[k-1].low == "of") {
				a = k
			}
			break
		}
	}
	// "by the opposing party": a preposition is no part of the description;
	// nor is "according to".
	for a < h && d.isWord(a) && (d.lex.in("determiners", d.toks[a].low) || (d.lex.in("prepositions", d.toks[a].low) && d.toks[a].low != "of") || d.toks[a].low == "according") {
		a++
	}
	end := h
	// "a spokesperson for the foreign ministry": whom a person speaks or
	// acts for belongs to the description.
	if d.lex.in("personheads", d.toks[h].low) && d.isWord(h+1) && d.toks[h+1].low == "for" && d.isWord(h+2) && !d.toks[h+2].inQ &&
		(d.toks[h+2].capit || d.toks[h+2].low == "the") { // not "an engineer for nearly three decades"
		if _, b := d.npRight(h+2, min(len(d.toks), h+10)); b >= h+2 && !d.toks[b].inQ {
			end = b
			// ("for the Universities and Colleges Employers’ Association":
			// to the end of the name the phrase reached into.)
			end = d.mentionTail(b)
		}
	}
	name := bareWord(d.body[d.toks[a].s:d.toks[end].e])
	return ref{name: name, typ: d.descType(bareWord(d.toks[h].low)), head: h}
}

// nameGivenAfter reads the name a described person gave in a relative
// clause after the head h: "One woman, who gave her name only as Mama
// Achieng,", "a driver who asked to be identified only as Tomas", "a
// man who identified himself as Ali"; also after an apposition ("Another
// resident, a fisherman who gave his name only as Einar") and in a
// participle ("a man known only as "El Contable"").
func (d *doc) nameGivenAfter(h int) (ref, bool) {
	x := h + 1
	if d.isPunct(x, ",") {
		x++
		// (", a fisherman who": an apposition's noun before the clause.)
		if d.isWord(x) && (d.toks[x].low == "a" || d.toks[x].low == "an") {
			y := x + 1
			for y < len(d.toks) && y <= x+3 && d.isWord(y) && !d.toks[y].capit && !d.toks[y].inQ && d.toks[y].low != "who" {
				y++
			}
			if y > x+1 && d.isWord(y) && d.toks[y].low == "who" {
				x = y
			}
		}
	}
	if !d.isWord(x) {
		return ref{}, false
	}
	switch d.toks[x].low {
	case "who":
		x++
	case "known", "identified":
	default:
		return ref{}, false
	}
	as := -1
	for y := x; y < len(d.toks) && y <= x+7 && d.isWord(y) && !d.toks[y].inQ && !d.toks[y].capit; y++ {
		if d.toks[y].low == "as" {
			as = y
			break
		}
		// ("who gave only his first name, Stavros,": the name after a
		// comma.)
		// (Only a first name: "who did not give her name, Maria Lopez
		// said," names the source, not her.)
		if d.toks[y].low == "name" && y > x && d.toks[y-1].low == "first" && d.isPunct(y+1, ",") {
			as = y + 1
			break
		}
	}
	if as < 0 {
		return ref{}, false
	}
	clause := " " + strings.TrimSuffix(d.body[d.toks[x].s:d.toks[as].e], ",") + " "
	if !strings.Contains(clause, " name ") && !strings.Contains(clause, " identified ") && !strings.Contains(clause, " introduced ") && !strings.Contains(clause, " known ") {
		return ref{}, false
	}
	// ("A police spokesman identified the victim as Tom Roe": the name of
	// someone else the verb identifies, not the one the speaker gave.)
	for y := x; y+1 < as; y++ {
		if w := d.toks[y].low; w != "identified" && w != "known" {
			continue
		}
		switch d.toks[y+1].low {
		case "the", "a", "an", "his", "her", "their", "its", "this", "that":
			return ref{}, false
		}
	}
	s := as + 1
	// (`known only as "El Contable"`: a name in quotation marks.)
	quoted := s < len(d.toks) && d.toks[s].kind == kMark
	if quoted {
		s++
	}
	e := s
	for e+1 < len(d.toks) && e+1 <= s+2 && d.isWord(e+1) && d.toks[e+1].capit && (quoted || !d.toks[e+1].inQ) {
		e++
	}
	if !d.isWord(s) || !d.toks[s].capit || d.toks[s].inQ && !quoted {
		return ref{}, false
	}
	if quoted && (e+1 >= len(d.toks) || d.toks[e+1].kind != kMark) {
		return ref{}, false
	}
	if p := d.personAt(e); p >= 0 {
		return d.entityRef(p, e), true
	}
	r := d.nameRef(s, e)
	r.typ = SpeakerPerson
	return r, true
}

// nationTied resolves a definite role after a nationality ("the Japanese
// minister said" after "Kenji Sato, Japan's trade minister,") to the
// person the article named nearest before beside that nation's name.
func (d *doc) nationTied(a, h int) (ref, bool) {
	hw := d.toks[h].low
	if !d.lex.in("personheads", hw) && !d.lex.in("personnouns", hw) && !d.isTitle(hw) {
		return ref{}, false
	}
	for x := a; x < h; x++ {
		if !d.isWord(x) || !d.toks[x].capit {
			continue
		}
		e := d.entityAt(x)
		if e < 0 || d.ents[e].Type != "NORP" {
			continue
		}
		stem := affiliationStem(d.toks[x].low)
		if stem == "" {
			return ref{}, false
		}
		r := d.resolveWhere(h, "person", func(r ref) bool {
			if r.typ != SpeakerPerson || !properName(r.name) {
				return false
			}
			// Any mention before h: the nation and the role are given where
			// the person is introduced, not where the article last named them.
			for i := 0; i < h; i++ {
				if e := d.personAt(i); e >= 0 && d.ents[e].Name == r.name && d.affiliatedNear(i, stem) && d.roleNear(i, hw) {
					return true
				}
			}
			return false
		})
		if !r.ok() {
			return ref{}, false
		}
		r.head, r.via, r.subj = h, "description", false
		return r, true
	}
	return ref{}, false
}

// roleNear reports the role noun w (or a title for it) within eight words
// of token k in its sentence: the role the article gave the one named at k.
// ("the Hungarian leader" is not "Hungary's foreign minister, Zoltan Kis".)
func (d *doc) roleNear(k int, w string) bool {
	for i := max(0, k-8); i < len(d.toks) && i <= k+8; i++ {
		if i != k && !d.sentenceBetween(min(i, k), max(i, k)) && d.roleTitleOf(i, w) {
			return true
		}
	}
	return false
}

// peopleAt reports a word at k that heads a phrase for people: a noun for
// a group or a kind of person ("residents", "the nurse"), or a plural of
// people ("fishermen", "children").
func (d *doc) peopleAt(k int) bool {
	h := d.toks[k].low
	return d.lex.in("groupheads", h) || d.lex.in("personheads", h) || d.lex.in("personnouns", h) || d.pluralPeople(k)
}

// peopleNoun reports a noun for people or for bodies of them, singular or
// plural ("creditors", "the victim", "unions", "parties").
func (d *doc) peopleNoun(w string) bool {
	for _, s := range []string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "ies") + "y"} {
		if d.lex.in("groupheads", s) || d.lex.in("personnouns", s) || d.lex.in("personheads", s) || d.lex.in("orgheads", s) {
			return true
		}
	}
	return false
}

func (d *doc) descType(head string) string {
	switch {
	case d.lex.in("orgplurals", head):
		return SpeakerGroup
	case d.lex.in("orgheads", head) || d.lex.in("docheads", head) || d.lex.in("polityheads", head):
		return SpeakerOrg
	case d.lex.in("groupheads", head):
		return SpeakerGroup
	case strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !d.lex.in("personheads", head):
		return SpeakerGroup
	}
	return SpeakerPerson
}

// nameRef names the speaker from the capitalised run [a, b]: titles cut
// off, then the entity or the fullest form of the name in the article.
func (d *doc) nameRef(a, b int) ref {
	// "State Department" is an organisation, not a titled "Department".
	// ("Labour MP": a portfolio word before the letters of a member is a
	// party's name, no title.)
	for a < b && (d.isTitle(d.toks[a].low) || d.roleWord(d.toks[a].low)) && !d.lex.in("orgheads", d.toks[b].low) && !(a+1 == b && postNominal(d.toks[b].low)) {
		a++
	}
	end := b
	for b > a && postNominal(d.toks[b].low) {
		b--
	}
	// "a Labour MP", "one Tory MSP": a party before the letters is no
	// name they follow; the role is the speaker.
	if b < end && b == a && (d.lex.in("partyadj", d.toks[a].low) || d.entityAt(a) >= 0 && d.ents[d.entityAt(a)].Type != "PERSON") {
		return ref{name: d.body[d.toks[a].s:d.toks[end].e], typ: SpeakerPerson, head: end}
	}
	for k := b - 1; k > a && !d.lex.in("orgheads", d.toks[b].low); k-- {
		if d.isTitle(d.toks[k].low) {
			a = k + 1
			break
		}
	}
	if e := d.entityAt(b); e >= 0 {
		return d.entityRef(e, b)
	}
	words := d.runWords(a, b)
	if e := d.entityByName(words); e >= 0 {
		return d.entityRef(e, b)
	}
	// "The Department issued" after "the Northland Department of Roads
	// and Bridges": the organisation named before with that noun.
	if len(words) == 1 && d.lex.in("orgheads", strings.ToLower(words[0])) {
		if e := d.orgNamedBefore(b, strings.ToLower(words[0])); e >= 0 {
			return d.entityRef(e, b)
		}
	}
	full := d.fullName(words)
	typ := SpeakerPerson
	for _, w := range full {
		lw := strings.ToLower(w)
		if d.lex.in("orgheads", lw) {
			typ = SpeakerOrg
		}
	}
	if len(full) == 1 && d.lex.in("groupheads", strings.ToLower(full[0])) {
		typ = SpeakerGroup
	}
	// An acronym ("NASA", "BBC") names an organisation.
	if len(full) == 1 && len(full[0]) > 1 && strings.ToUpper(full[0]) == full[0] && !d.isTitle(strings.ToLower(full[0])) {
		typ = SpeakerOrg
	}
	return ref{name: strings.Join(full, " "), typ: typ, head: b}
}

func (d *doc) entityRef(e, head int) ref {
	typ := SpeakerOrg
	switch d.ents[e].Type {
	case "PERSON":
		typ = SpeakerPerson
	case "NORP":
		typ = SpeakerGroup
		// "Democrats said": the group speaks by the plural the article
		// uses, not by the list's adjective form.
		if d.pluralGroup(head) {
			// ("Turkish Cypriots said": a people's adjective before the
			// plural belongs to the group's name.)
			s := d.mentionStart(head)
			if p := s - 1; d.isWord(p) && d.toks[p].capit && !d.toks[p].inQ && d.toks[p].e+1 == d.toks[s].s {
				if pe := d.entityAt(p); pe >= 0 && pe != e && d.ents[pe].Type == "NORP" {
					s = p
				}
			}
			return ref{name: d.body[d.toks[s].s:d.toks[head].e], typ: typ, head: head, etype: d.ents[e].Type}
		}
		// "a Michigan Republican said", "another Democrat added": one
		// member of a party or a people, counted by its determiner, is a
		// person, described by the words after the determiner.
		if a, ok := d.memberNoun(head); ok {
			return ref{name: d.body[d.toks[a].s:d.toks[head].e], typ: SpeakerPerson, head: head}
		}
	}
	return ref{name: d.ents[e].Name, typ: typ, head: head, etype: d.ents[e].Type}
}

// memberNoun reads the singular nationality or group word at head as a
// noun for one member when an indefinite determiner ("a", "an", "one",
// "another") counts it, with at most three capitalised or modifying words
// between ("a New Hampshire Republican", "another commonwealth
// Democrat"), and returns the first word after the determiner. ("the
// Republican", "Republican senators" and "Democrats" are read as before.)
func (d *doc) memberNoun(head int) (int, bool) {
	if !d.isWord(head) || !d.toks[head].capit || d.pluralGroup(head) || d.possessive(head) || d.mentionEnd(head) != head || d.isWord(head+1) && !d.toks[head+1].inQ && d.toks[head+1].capit {
		return 0, false
	}
	a := d.mentionStart(head)
	for n := 0; n <= 3; n++ {
		p := a - 1
		if !d.isWord(p) || d.toks[p].inQ || d.toks[p].sentEnd {
			return 0, false
		}
		switch d.toks[p].low {
		case "a", "an", "one", "another":
			return a, a <= head
		}
		if n == 3 || !d.toks[p].capit && (d.verbish(d.toks[p].low) || d.lex.cue1[d.toks[p].low] || strings.HasSuffix(d.toks[p].low, "ing")) {
			return 0, false
		}
		a = p
	}
	return 0, false
}

// isPlace reports an entity that is a place (GPE, LOC or FAC).
// placesInComplement reports an "and" at k that joins places inside an
// "of" phrase of a..b: "of Canada and the United Kingdom".
func (d *doc) placesInComplement(a, k, b int) bool {
	of := -1
	for x := a + 1; x < k; x++ {
		if d.isWord(x) && d.toks[x].low == "of" {
			of = x
			break
		}
	}
	if of < 0 {
		return false
	}
	e := d.entityAt(b)
	return e >= 0 && d.isPlace(e) && !d.possessive(b) && d.entityAt(k-1) >= 0 && d.isPlace(d.entityAt(k-1))
}

func (d *doc) isPlace(e int) bool {
	switch d.ents[e].Type {
	case "GPE", "LOC", "FAC":
		return true
	}
	return false
}

// entityAt returns the entity whose mention covers token i, or -1. A
// mention of a place or a nationality names a speaker only as a whole
// phrase head, which callers check.
func (d *doc) entityAt(i int) int {
	if !d.isWord(i) {
		return -1
	}
	return int(d.toks[i].ent)
}

// entityByName finds the entity a name refers to: the same name, alias or
// mention, or for people the same surname.
func (d *doc) entityByName(words []string) int {
	if len(d.ents) == 0 || len(words) == 0 {
		return -1
	}
	name := foldWord(strings.Join(words, " "))
	last := foldWord(words[len(words)-1])
	best := -1
	for i, e := range d.ents {
		if foldWord(e.Name) == name {
			return i
		}
		for _, a := range e.Aliases {
			if foldWord(a) == name {
				return i
			}
		}
		if best < 0 && e.Type == "PERSON" {
			f := strings.Fields(e.Name)
			if len(f) > 0 && foldWord(f[len(f)-1]) == last {
				best = i
			}
		}
	}
	return best
}

// fullName expands a short name to the fullest form in the article that
// ends with it ("Brook" → "Ada Brook").
func (d *doc) fullName(words []string) []string {
	if len(words) == 0 || (len(words) == 1 && d.isTitle(strings.ToLower(words[0]))) {
		return words
	}
	best := words
	bestCount := 0
	for _, nr := range d.names[foldWord(words[len(words)-1])] {
		if len(nr.words) < len(words) || len(nr.words) > 4 {
			continue
		}
		match := true
		for k := range words {
			if foldWord(nr.words[len(nr.words)-len(words)+k]) != foldWord(words[k]) {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if len(nr.words) > len(best) || (len(nr.words) == len(best) && nr.count > bestCount) {
			best, bestCount = nr.words, nr.count
		}
	}
	return best
}

// buildNames indexes the capitalised names of the body by last word, with
// titles cut off, for fullName.
func (d *doc) buildNames() {
	d.names = map[string][]nameRun{}
	for _, p := range d.paras {
		i := p.t0
		for i < p.t1 {
			if !d.isWord(i) || !d.toks[i].capit || d.toks[i].inQ {
				i++
				continue
			}
			j := i
			for j+1 < p.t1 && d.isWord(j+1) && !d.toks[j+1].inQ && !d.possessive(j) && !d.toks[j].sentEnd &&
				(d.toks[j+1].capit || (connector(d.toks[j+1].low) && j+2 < p.t1 && d.isWord(j+2) && d.toks[j+2].capit)) {
				j++
			}
			a := i
			for a <= j && (d.lex.in("determiners", d.toks[a].low) || d.lex.in("clause", d.toks[a].low) ||
				d.lex.in("prepositions", d.toks[a].low) || d.lex.in("adverbs", d.toks[a].low) || d.lex.in("pronouns", d.toks[a].low) ||
				d.lex.cue1[d.toks[a].low] || d.verbish(d.toks[a].low)) {
				a++
			}
			for k := j - 1; k >= a && !d.lex.in("orgheads", d.toks[j].low); k-- {
				if d.isTitle(d.toks[k].low) || d.roleWord(d.toks[k].low) {
					a = k + 1
					break
				}
			}
			// A lone capitalised word opening a sentence is no evidence of a name.
			if a <= j && j-a < 4 && !(a == j && d.sentStart(a)) {
				words := d.runWords(a, j)
				key := foldWord(words[len(words)-1])
				found := false
				for n := range d.names[key] {
					if strings.EqualFold(strings.Join(d.names[key][n].words, " "), strings.Join(words, " ")) {
						d.names[key][n].count++
						found = true
						break
					}
				}
				if !found {
					d.names[key] = append(d.names[key], nameRun{words: words, count: 1})
				}
			}
			i = j + 1
		}
	}
}

// docOwner names who issued the statement, report or sign at token h:
// "by X" or "from X" right after it, else the subject of the sentence.
// What it finds is never another text ("Many wrote in a blog post ...
// The poster wrote": no one, not "blog post"): a text is no speaker.
func (d *doc) docOwner(h int) ref {
	r := d.docIssuer(h)
	if f := strings.Fields(strings.ToLower(r.name)); r.etype == "" && len(f) > 0 && d.lex.in("docheads", f[len(f)-1]) && !d.lex.in("personheads", f[len(f)-1]) {
		return ref{}
	}
	return r
}

// docIssuer is docOwner before the check that it found no text.
func (d *doc) docIssuer(h int) ref {
	if d.owning[h] {
		return ref{}
	}
	if d.owning == nil {
		d.owning = map[int]bool{}
	}
	d.owning[h] = true
	defer delete(d.owning, h)
	// "a statement issued on behalf of the family": the words are theirs.
	for k := h + 1; k+2 < len(d.toks) && k <= h+4 && d.isWord(k) && !d.toks[k].inQ; k++ {
		if d.toks[k].low == "on" && d.isWord(k+1) && d.toks[k+1].low == "behalf" && d.isWord(k+2) && d.toks[k+2].low == "of" {
			if a, b := d.npRight(k+3, len(d.toks)); a <= b {
				return d.speakerFromNP(a, b)
			}
		}
	}
	// ("The report, published Monday by the Institute,": past an opening
	// comma.)
	for k := h + 1; k < len(d.toks) && k <= h+5 && (d.isWord(k) || k == h+1 && d.isPunct(k, ",")) && !d.toks[k].inQ; k++ {
		if w := d.toks[k].low; w == "by" || w == "from" {
			// "a letter seen by the Herald", "a memo obtained by Reuters":
			// who saw or obtained a text did not issue it ([relayed]);
			// nor did who read it aloud ("a statement read to the court
			// by her sister").
			if k > h+1 && d.lex.in("relayed", d.toks[k-1].low) || w == "by" && d.readAloud(h+1, k) {
				break
			}
			// ("The report, compiled by government scientists,": its
			// authors; who issued it is named where it was released.)
			// (But a body that prepared it issued it: "the report, prepared
			// by the Office of the Auditor General,".)
			if w == "by" && k > h+1 && authorVerb(d.toks[k-1].low) {
				if a, b := d.npRight(k+1, len(d.toks)); a <= b {
					if e := d.entityAt(b); e >= 0 && d.ents[e].Type == "ORG" && d.mentionStart(b) <= a+1 {
						return d.speakerFromNP(a, b)
					}
					// ("a statement written by the boy's mother, Ana
					// Lima,", "a letter written by Ana Lima": one's own
					// words, which another may read out.)
					if personalText(d.toks[h].low) {
						if d.isPunct(b+1, ",") {
							end := b + 1 // the apposition may close the sentence
							for end < len(d.toks) && !d.toks[end].sentEnd {
								end++
							}
							if e, at, _ := d.appositionPersonTo(b+1, end); e >= 0 {
								return d.entityRef(e, d.mentionEnd(at))
							}
						}
						if r := d.speakerFromNP(a, b); r.ok() && r.typ == SpeakerPerson {
							return r
						}
					}
				}
				break
			}
			a, b := d.npRight(k+1, len(d.toks))
			if a <= b {
				return d.speakerFromNP(a, b)
			}
		}
	}
	lo := h
	for lo > 0 && !d.toks[lo-1].sentEnd && d.toks[lo-1].kind != kMark {
		lo--
	}
	// "according to its annual report": the owner is the pronoun's referent.
	if a, _ := d.npEnd(h, lo); a <= h {
		for k := a; k < h; k++ {
			if w := d.toks[k].low; d.isWord(k) && (w == "its" || w == "their" || w == "his" || w == "her") {
				if r := d.resolvePronoun(k, w); r.ok() {
					return r
				}
				break
			}
		}
	}
	// "after the Institute, a research group, published a study of
	// mining towns": who published the text, in a clause inside the
	// sentence, issued it.
	if r, ok := d.publisherBefore(h, lo); ok {
		return r
	}
	if r := d.sentenceSubject(lo, h); r.ok() {
		return r
	}
	// "the statement read" with no owner in its sentence: who issued it
	// came before.
	// (Only a text the article spoke of before, or a body or person it
	// named: "According to witnesses, ... The report described" names no
	// issuer.)
	// ("The 64-page report said", "the new study found": so past the
	// text's own modifiers.)
	det := h - 1
	for det > lo && det >= h-3 && d.isWord(det) && !d.toks[det].capit && !d.toks[det].inQ && d.toks[det].low != "the" && d.toks[det].low != "this" && !d.possessive(det) {
		det--
	}
	if d.isWord(det) && (d.toks[det].low == "the" || d.toks[det].low == "this") {
		// "The U.S. Embassy says in a new report ... the World Bank ...
		// "...," the report notes": the text the article introduced
		// earlier speaks for whoever issued it there, not for the body
		// named last.
		if r, ok := d.introducedText(h); ok {
			return r
		}
		// "An internal report on the shutdown ... Mayor Reed said ...
		// the report concludes": a report the article introduced with no
		// issuer is no one's the article named since; unless its authors
		// were named where it was introduced ("A report written by
		// Professor Helen Shaw", "The study, led by Dr. Ian Ross,", "It
		// was produced by the office of the Ombudsman").
		if authoredWork(d.toks[h].low) {
			if r, ok := d.workAuthor(h); ok {
				return r
			}
			if d.textMentionedBefore(h) {
				return ref{}
			}
		}
		// (A body's description stays: "The city council said ... The
		// statement added".)
		r := d.resolveDescription(h)
		if r.ok() && !properName(r.name) && r.etype == "" && r.typ != SpeakerOrg && !d.textMentionedBefore(h) {
			return ref{}
		}
		return r
	}
	// "Protesters marched ... "...," one placard read": a sign with no
	// owner is carried by the group the article was just about.
	switch strings.TrimSuffix(d.toks[h].low, "s") {
	case "sign", "banner", "placard", "poster", "t-shirt", "shirt":
		if r := d.resolveWhere(h, "they", func(r ref) bool { return r.typ == SpeakerGroup }); r.ok() {
			r.head = h
			return r
		}
	}
	return ref{}
}

// introducedText finds the issuer of the text "the report" at h refers
// to: the owner of the nearest earlier mention of the same word that
// introduced it ("a new report", "the U.S. Embassy report", "its report"),
// not itself after "the" or "this".
func (d *doc) introducedText(h int) (ref, bool) {
	from := h - 1
	if postNoun(d.toks[h].low) {
		p, ok := d.postIntroduced(h)
		if !ok {
			return ref{}, false
		}
		from = p
	}
	for p := from; p > 0; p-- {
		if !d.isWord(p) || d.toks[p].inQ || d.toks[p].low != d.toks[h].low && !(statementNoun(d.toks[p].low) && statementNoun(d.toks[h].low)) && !(postNoun(d.toks[p].low) && postNoun(d.toks[h].low)) {
			continue
		}
		if d.isWord(p-1) && (d.toks[p-1].low == "the" || d.toks[p-1].low == "this") {
			continue
		}
		r := d.docOwner(p)
		if !r.ok() {
			// ("..., the Water Board says in a new report": the subject of
			// the cue before "in".)
			in := p - 2
			if d.isWord(in+1) && !d.lex.in("determiners", d.toks[in+1].low) {
				in--
			}
			if d.isWord(in) && d.toks[in].low == "in" && d.cueAt(in-1) == 1 {
				lo := in - 1
				for lo > 0 && !d.toks[lo-1].sentEnd && !d.isPunct(lo-1, ",") && d.toks[lo-1].kind != kMark {
					lo--
				}
				if a, b := d.npEnd(in-2, lo); a <= b {
					r = d.speakerFromNP(a, b)
				}
			}
		}
		if r.ok() && d.canSpeak(r) {
			r.subj, r.via = false, "description"
			return r, true
		}
		return ref{}, false
	}
	return ref{}, false
}

// postIntroduced finds the mention of a post that "the tweet" at h
// refers to, not itself after "the" or "this": the last one of the same
// noun ("Ruiz posted a tweet ... Lopes sent a message ... The tweet
// said"), else the last of another noun for a post with no tweeting
// between ("the fire service tweeted a warning. The tweet" is none of an
// earlier message's).
func (d *doc) postIntroduced(h int) (int, bool) {
	introduced := func(p int) bool {
		return d.isWord(p) && !d.toks[p].inQ && !(d.isWord(p-1) && (d.toks[p-1].low == "the" || d.toks[p-1].low == "this"))
	}
	for p := h - 1; p > 0; p-- {
		if d.toks[p].low == d.toks[h].low && introduced(p) {
			return p, true
		}
	}
	for p := h - 1; p > 0; p-- {
		if !d.isWord(p) || d.toks[p].inQ {
			continue
		}
		if postVerb(d.toks[p].low) {
			return -1, false
		}
		if postNoun(d.toks[p].low) && introduced(p) {
			return p, true
		}
	}
	return -1, false
}

// nameAdjective reports a capitalised word whose last hyphenated part is
// lower case: an adjective made from a name ("Leeds-based", "US-led").
func (d *doc) nameAdjective(k int) bool {
	w := d.text(d.toks[k])
	i := strings.LastIndexByte(w, '-')
	return i > 0 && i+1 < len(w) && unicode.IsLower(firstRune(w[i+1:]))
}

// quantityEnd is the first token after a quantity that opens a noun
// phrase at lo ("several hundred", "about 300", "more than fifty"), or lo.
func (d *doc) quantityEnd(lo, hi int) int {
	k := lo
	num := false
	for k < hi && d.isWord(k) && !d.toks[k].inQ {
		w := d.toks[k].low
		switch {
		case w == "several" || w == "about" || w == "around" || w == "nearly" || w == "almost" || w == "roughly" || w == "some" ||
			w == "more" || w == "than" || w == "at" || w == "least" || w == "over" || w == "up" || w == "to":
		case isDigits(strings.ReplaceAll(w, ",", "")) || numberWord(w):
			num = true
		// "hundreds of", "tens of thousands of": a counted plural and "of".
		case countedPlural(w) && d.isWord(k+1) && d.toks[k+1].low == "of":
			num = true
			k++
		default:
			if num {
				return k
			}
			return lo
		}
		k++
	}
	return lo
}

// collectiveOf reads "a group of Vietnamese students", "a crowd of fans"
// in [a, b]: a collective noun before the people it gathers is those
// people. It returns where the people's phrase starts, past a lower-case
// adjective before a capitalised word ("a group of independent United
// Nations experts": the people as their name calls them).
func (d *doc) collectiveOf(a, b int) (int, bool) {
	g := d.pastArticle(a, b)
	if g+2 > b || !d.isWord(g) || !d.isWord(g+1) || d.toks[g+1].low != "of" || d.toks[b].inQ || !(d.pluralPeople(b) || d.toks[b].capit && d.isNORP(b)) {
		return 0, false
	}
	// (Not a name: "The Group of Seven leaders".)
	if d.toks[g].capit && !d.sentStart(g) {
		return 0, false
	}
	switch d.toks[g].low {
	case "group", "crowd", "handful", "band", "gathering", "couple", "number", "busload", "row", "line":
	default:
		return 0, false
	}
	p := g + 2
	for p < b && d.isWord(p) && !d.toks[p].capit && d.isWord(p+1) && d.toks[p+1].capit {
		p++
	}
	return p, true
}

// partOf reports a phrase [a, b] that names a part of a group ("large
// parts of the crowd", "a section of the fans") and returns where the
// group's own phrase starts.
func (d *doc) partOf(a, b int) (int, bool) {
	for g := a; g+2 <= b && g <= a+2 && d.isWord(g) && !d.toks[g].capit && !d.toks[g].inQ; g++ {
		switch d.toks[g].low {
		case "part", "parts", "section", "sections", "segment", "segments":
		default:
			continue
		}
		if !d.isWord(g+1) || d.toks[g+1].low != "of" || d.toks[b].capit || !(d.lex.in("groupheads", d.toks[b].low) || d.pluralPeople(b)) {
			return 0, false
		}
		return g + 2, true
	}
	return 0, false
}

// pastArticle returns a, or the token after it when a is a determiner
// articleWord knows ("a", "the", "several") and the phrase goes on to b.
func (d *doc) pastArticle(a, b int) int {
	if a < b && d.isWord(a) && articleWord(d.toks[a].low) {
		return a + 1
	}
	return a
}

// countedPlural reports a number's plural that counts with "of"
// ("hundreds of tenants", "tens of thousands of demonstrators").
func countedPlural(w string) bool {
	switch w {
	case "hundreds", "thousands", "dozens", "scores", "millions", "tens":
		return true
	}
	return false
}

// numberWord reports a cardinal number written as a word.
func numberWord(w string) bool {
	switch w {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty",
		"forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen", "million":
		return true
	}
	return false
}

// sentenceSubject reads the subject at the start of the clause [lo, hi):
// an entity, a name, or a described person or group.
// openingPhraseEnd reads an opening phrase with no comma after it ("On
// the radio Tom Ward dodged", "Speaking on the radio he dodged"): lower-case
// words after the first, then a name or a subject pronoun with a verb
// right after it, before any comma. It returns where the clause's subject
// starts, or lo.
func (d *doc) openingPhraseEnd(lo, hi int) int {
	for k := lo + 1; k < hi && k <= lo+6; k++ {
		if !d.isWord(k) || d.toks[k].inQ {
			return lo
		}
		w := d.toks[k].low
		name := d.toks[k].capit && d.entityAt(k) >= 0 && d.ents[d.entityAt(k)].Type == "PERSON"
		if name || w == "he" || w == "she" || w == "they" || w == "we" {
			e := k
			if name {
				e = d.mentionEnd(k)
			}
			if d.isWord(e+1) && !d.toks[e+1].capit && d.verbish(d.toks[e+1].low) {
				return k
			}
			return lo
		}
		if d.toks[k].capit || d.verbish(w) || d.lex.in("clause", w) {
			return lo
		}
	}
	return lo
}

func (d *doc) sentenceSubject(lo, hi int) ref {
	// Skip an introductory phrase ("On Thursday, ", "Following the strike, ").
	// "Tired of the role, she left": so is a participle phrase.
	// ("Of that night, when he met her, he says": a clause after the
	// opening phrase is skipped as the phrase was; three at most.)
	for skips := 0; skips < 3 && d.openingAt(lo, hi, skips > 0); skips++ {
		// ("When Olsen asked ..., he declined": a clause a subordinator
		// opens has its own subject; the sentence's comes after its comma.)
		was := lo
		if k := d.openingPhraseEnd(lo, hi); k > lo && !d.subordinator(d.toks[lo].low) {
			lo = k
		} else {
			// (An opening phrase may hold a relative clause: "In a letter to
			// supporters that the club shared on its Facebook page later on
			// Sunday, he took responsibility".)
			for k := lo; k < hi && k < lo+24; k++ {
				if d.isPunct(k, ",") {
					lo = k + 1
					break
				}
			}
		}
		if lo == was {
			break
		}
	}
	// "Several hundred people", "About 300 fans": a quantity before the
	// group's noun is no name.
	quantified := false
	if q := d.quantityEnd(lo, hi); q > lo && q < hi && d.isWord(q) && (!d.toks[q].capit || d.isNORP(q)) {
		lo, quantified = q, true
	}
	stop := lo
	for stop < hi && stop < lo+maxNP {
		t := d.toks[stop]
		if t.inQ || t.kind == kMark || d.toks[stop].sentEnd {
			break
		}
		// "His running mate", "the ruling party": an -ing word after a
		// determiner modifies the noun after it.
		modifierIng := strings.HasSuffix(t.low, "ing") && stop > lo && d.isWord(stop-1) && d.lex.in("determiners", d.toks[stop-1].low) &&
			d.isWord(stop+1) && !d.toks[stop+1].capit && !d.lex.in("determiners", d.toks[stop+1].low) && !d.lex.in("prepositions", d.toks[stop+1].low)
		// ("Filmmaker and former TV host Jason Silva debuted": two roles of
		// the person named after them.)
		if t.low == "and" && stop > lo && d.rolesThenName(lo, stop, hi) {
			stop++
			continue
		}
		// ("Another resident, retired teacher Ruth Cole, disagreed": a
		// participle opening an apposition of a role and a name is the
		// role's adjective.)
		if e := d.appositionEnd(stop, hi); e > stop {
			stop = e
			continue
		}
		// ("The first lady tore into": a word the lists hold as an adverb
		// is an adjective after a determiner.)
		afterDet := stop > lo && d.isWord(stop-1) && d.lex.in("determiners", d.toks[stop-1].low)
		if t.kind == kWord && !t.capit && !modifierIng && (d.verbish(t.low) || d.lex.in("clause", t.low) || d.adverb(t.low) && !afterDet || d.cueAt(stop) > 0) {
			break
		}
		stop++
	}
	// "Tom Vale, chairman of the council in the Rees government, once
	// summed it up": a person's name opening the phrase and set off by a
	// comma before a description in lower case is its head; the names in
	// the description do not speak.
	if e := d.entityAt(lo); e >= 0 && d.ents[e].Type == "PERSON" {
		if m := d.mentionEnd(lo); m+2 < stop && d.isPunct(m+1, ",") && !d.possessive(m) && d.isWord(m+2) && !d.toks[m+2].capit {
			return d.entityRef(e, lo)
		}
	}
	// "a Republican, Tom Vale, has": an appositive name.
	// ("Consumer lending, where banks ...,": a name ends the phrase before
	// the comma; a lower-case noun there is the phrase's head.)
	if stop > lo && stop < len(d.toks) && d.isPunct(stop-1, ",") && d.isWord(stop-2) && d.toks[stop-2].capit {
		if r, _ := d.subjectLeft(stop, lo); r.ok() && d.isWord(r.head) && d.toks[r.head].capit && properName(r.name) {
			return r
		}
	}
	// "Hundreds of depositors gathered", "Thousands of Bangladeshis
	// marched": a plural noun counted is a group of people, whatever the
	// word lists know of it; its head word names it.
	if quantified {
		for k := lo; k < stop; k++ {
			if d.pluralPeople(k) {
				return ref{name: d.countedName(lo, k), typ: SpeakerGroup, head: k}
			}
		}
	}
	// The person a subject names is its head ("Former CIA deputy director
	// Tom Vale", "House of Commons Speaker Tom Vale"): the last
	// person in it, else the first organisation.
	person, org := -1, -1
	for k := lo; k < stop; k++ {
		if !d.isWord(k) {
			continue
		}
		if e := d.entityAt(k); e >= 0 && !d.possessive(k) {
			switch {
			case d.ents[e].Type == "PERSON":
				person = k
			case d.ents[e].Type == "ORG" && org < 0:
				org = k
			}
		}
	}
	if person >= 0 {
		return d.entityRef(d.entityAt(person), person)
	}
	if org >= 0 {
		// "A spokesperson for Harlow University said": a person noun
		// heading the phrase speaks for the organisation after it.
		for k := lo; k < org; k++ {
			if d.isWord(k) && !d.toks[k].capit && d.lex.in("personheads", d.toks[k].low) && d.isWord(k+1) && d.lex.in("prepositions", d.toks[k+1].low) {
				if r := d.speakerFromNP(lo, stop-1); r.ok() {
					return r
				}
				break
			}
		}
		// "Some CDU members signed": an organisation's name before a
		// group's or a role's noun modifies it; the people speak.
		if m := d.mentionEnd(org) + 1; m < stop && d.isWord(m) && !d.toks[m].capit && (d.lex.in("groupheads", d.toks[m].low) || d.lex.in("personheads", d.toks[m].low)) {
			if r := d.speakerFromNP(lo, m); r.ok() {
				return r
			}
		}
		return d.entityRef(d.entityAt(org), org)
	}
	for k := lo; k < stop; k++ {
		if !d.isWord(k) || !d.toks[k].capit || d.nameAdjective(k) || d.lex.in("determiners", d.toks[k].low) || d.lex.in("pronouns", d.toks[k].low) ||
			d.lex.in("prepositions", d.toks[k].low) || d.lex.in("clause", d.toks[k].low) || d.adverbAt(k) {
			continue
		}
		j := k
		for j+1 < stop && d.isWord(j+1) && (d.toks[j+1].capit || connector(d.toks[j+1].low)) && !d.possessive(j) {
			j++
		}
		// "Members of the House", "People holding a banner": a group noun opening the sentence.
		if k == j && d.sentStart(k) && (d.lex.in("groupheads", d.toks[k].low) || d.lex.in("personheads", d.toks[k].low)) {
			// ("Opposition parties voted": with the group's noun after it.)
			for j+1 < stop && d.isWord(j+1) && !d.toks[j+1].capit && (d.lex.in("groupheads", d.toks[j+1].low) || d.lex.in("orgheads", d.toks[j+1].low)) {
				j++
			}
			return d.descRef(k, j)
		}
		// "the Prime Minister stood up and accused": an office alone;
		// "The Governor of Ohio, who ..., said": with its complement.
		if !d.possessive(j) && d.isWord(k-1) && d.toks[k-1].low == "the" && d.allTitles(k, j) {
			for e := j + 2; e <= j+6 && e < hi; e++ {
				if _, ok := d.officeOf(k, e); ok && !d.possessive(e) {
					j = e
				}
			}
			// ("The Minister for Communications and Information, Tan Kok
			// Seng, was sharper": the name in apposition is the one.)
			if d.isPunct(j+1, ",") {
				if e, at, _ := d.appositionPerson(j + 1); e >= 0 {
					return d.entityRef(e, at)
				}
			}
			if r := d.speakerFromNP(k, j); r.ok() {
				return r
			}
		}
		if d.possessive(j) || !d.plausibleName(k, j, lo) || d.modifier(j+1) {
			k = j
			continue
		}
		return d.nameRef(k, j)
	}
	for k := stop - 1; k >= lo; k-- {
		// ("The 35-year-old was emotional", "The veteran defender
		// stopped": an age or a noun for a person after "the" heads a
		// description as a role word does.)
		definiteOther := false
		// ("The marchers walked ..., chanting": so does a plural noun for a
		// kind of person, whatever the group lists know.)
		if w := d.toks[k].low; d.isWord(k) && !d.toks[k].capit && (ageNoun(w) || d.lex.in("personnouns", w) || d.pluralPeopleWord(w)) {
			a, _ := d.npEnd(k, lo)
			definiteOther = a == lo && d.isWord(a) && d.toks[a].low == "the"
		}
		if w := d.toks[k].low; d.isWord(k) && !d.toks[k].capit && (definiteOther || d.lex.in("personheads", w) || d.lex.in("groupheads", w) ||
			d.lex.in("orgheads", w) || d.lex.in("docheads", w)) {
			a, _ := d.npEnd(k, lo)
			if d.lex.in("docheads", w) && !d.lex.in("personheads", w) {
				return d.speakerFromNP(a, k) // a text speaks for its issuer
			}
			// "The government of Northland issued": an organisation noun
			// keeps the name in its "of" phrase.
			if e := d.orgOf(k, stop); e > k {
				if r := d.speakerFromNP(a, e); r.ok() {
					return r
				}
			}
			// "The court also found ..., noting": a definite description
			// renames the one the article named before, as after a cue.
			if r := d.speakerFromNP(a, k); r.ok() && r.via != "" {
				return r
			}
			return d.descRef(a, k)
		}
	}
	if d.isWord(lo) && d.lex.in("pronouns", d.toks[lo].low) && lo < hi {
		return d.resolvePronoun(lo, d.toks[lo].low)
	}
	return ref{}
}

// openingAt reports a word at lo that opens what stands before a
// sentence's subject: first a phrase or a clause ("On Thursday,", "Tired of
// the role,", "When Olsen asked ...,"); after it (again) only a clause a
// conjunction opens ("Of that night, when he met her, he says"; "In Paris,
// in March" is no clause).
func (d *doc) openingAt(lo, hi int, again bool) bool {
	if !d.isWord(lo) {
		return false
	}
	w := d.toks[lo].low
	if again {
		return d.subordinator(w) || clauseOpener(w)
	}
	// ("Mining Minister Ana Soto welcomed it, saying": an -ing word
	// before a title is the portfolio's, no participle.)
	ing := strings.HasSuffix(w, "ing") && !(d.isWord(lo+1) && d.toks[lo+1].capit && d.isTitle(d.toks[lo+1].low))
	return d.prepositionWord(w) || ing || d.subordinator(w) || d.lex.in("clause", w) || d.adverbAt(lo) ||
		(d.entityAt(lo) < 0 && d.participle(w) && !d.givenInFull(w)) || d.pronounAfterComma(lo, hi)
}

// clauseOpener reports a conjunction of time or cause that opens a clause
// of its own after a sentence's opening phrase ("On Monday, because the
// roads were closed, ...").
func clauseOpener(w string) bool {
	switch w {
	case "because", "after", "before", "since", "as":
		return true
	}
	return false
}

// pronounAfterComma reports an opening phrase of a few words whose comma is
// followed by a subject pronoun ("Unhappy with her role, she left").
func (d *doc) pronounAfterComma(lo, hi int) bool {
	for k := lo + 1; k < hi && k <= lo+7 && d.isWord(k-1); k++ {
		if d.isPunct(k, ",") {
			if d.isWord(k + 1) {
				switch d.toks[k+1].low {
				case "he", "she", "they", "we", "i":
					return true
				}
			}
			return false
		}
	}
	return false
}

// orgNamedBefore returns the organisation entity mentioned last before
// token h (within the resolution window) whose name has the word head; -1
// when none.
func (d *doc) orgNamedBefore(h int, head string) int {
	for k := h - 1; k >= d.windowStart(h); k-- {
		e := d.entityAt(k)
		if e < 0 || d.ents[e].Type != "ORG" {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(d.ents[e].Name)) {
			if w == head {
				return e
			}
		}
	}
	return -1
}

// orgOf returns the last token of the name in the "of" phrase of the
// organisation noun at k ("government of Northland", "Ministry of the
// Interior"), looking no further than hi; -1 when there is none.
func (d *doc) orgOf(k, hi int) int {
	if !d.lex.in("orgheads", d.toks[k].low) || !d.isWord(k+1) || d.toks[k+1].low != "of" {
		return -1
	}
	j := k + 2
	for j < hi && d.isWord(j) && !d.toks[j].inQ && (d.toks[j].capit || connector(d.toks[j].low) || (j == k+2 && d.toks[j].low == "the")) {
		j++
	}
	if j-1 >= k+2 && d.toks[j-1].capit && !d.possessive(j-1) {
		return j - 1
	}
	return -1
}

// runWords is the words of tokens [a, b], a possessive ending cut off the last.
func (d *doc) runWords(a, b int) []string {
	words := make([]string, 0, b-a+1)
	for k := a; k <= b; k++ {
		words = append(words, d.text(d.toks[k]))
	}
	words[len(words)-1] = bareWord(words[len(words)-1])
	return words
}

// plausibleName reports whether the capitalised run [k, j] in a subject
// phrase starting at lo can name its subject: not a lone capitalised word
// opening the sentence unless the article uses it as a name elsewhere, not
// only titles, and not inside a prepositional phrase ("the mayor of
// London") unless a title names someone in it ("Secretary of State Tom
// Vale").
func (d *doc) plausibleName(k, j, lo int) bool {
	allTitle, hasTitle := true, false
	for i := k; i <= j; i++ {
		if d.isTitle(d.toks[i].low) {
			hasTitle = true
		} else {
			allTitle = false
		}
	}
	if allTitle || (k == j && d.lex.in("temporal", d.toks[k].low)) {
		return false
	}
	// A lone word opening the sentence is a name only if the article uses
	// it as one elsewhere, or a verb follows it ("Facebook released").
	if k == j && d.sentStart(k) && !d.knownName(k) && !(d.isWord(j+1) && !d.toks[j+1].capit && (d.verbish(d.toks[j+1].low) || d.cueAt(j+1) > 0)) {
		return false
	}
	p := k - 1
	for p >= lo && d.isWord(p) && !d.toks[p].capit && d.lex.in("determiners", d.toks[p].low) && d.toks[p].low != "of" {
		p--
	}
	if p >= lo && d.isWord(p) && !d.toks[p].capit && d.lex.in("prepositions", d.toks[p].low) {
		return hasTitle && !d.isTitle(d.toks[j].low)
	}
	return true
}

// knownName reports whether the word at k is used as a name elsewhere in
// the article: an entity, or a capitalised name not opening a sentence.
func (d *doc) knownName(k int) bool {
	if d.entityAt(k) >= 0 {
		return true
	}
	return len(d.names[foldWord(d.toks[k].low)]) > 0
}

// roleWord reports a role noun, hyphenated ones part by part ("Co-author").
func (d *doc) roleWord(w string) bool {
	if d.lex.in("personheads", w) {
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i > 0 {
		return d.lex.in("personheads", w[i+1:])
	}
	return false
}

// postNominal reports letters written after a name ("QC", "MP", "Jr.").
func postNominal(w string) bool {
	switch w {
	case "qc", "kc", "mp", "mep", "msp", "phd", "md", "obe", "mbe", "cbe":
		return true
	}
	return false
}

// properName reports a name whose words are all capitalised (particles aside).
func properName(s string) bool {
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !connector(w) && !particleName(w) {
			return false
		}
	}
	return true
}

// bodyName reports the name of a body: capitalised words joined by the
// lower-case words of institutions' names ("Ministry of Health", "Centre
// for Disease Control and Prevention").
func bodyName(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	for i, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || w == "&" {
			continue
		}
		switch w {
		case "of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "del":
			if i > 0 && i < len(f)-1 {
				continue
			}
		}
		return false
	}
	return true
}

// pluralGroup reports a capitalised plural noun at token i ("Democrats",
// "Kenyans"): the people of a nationality or group, who can speak.
func (d *doc) pluralGroup(i int) bool {
	if !d.isWord(i) || !d.toks[i].capit {
		return false
	}
	w := d.toks[i].low
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "'s")
}

// allTitles reports capitalised title words only in [a, b] ("Prime Minister").
func (d *doc) allTitles(a, b int) bool {
	for k := a; k <= b; k++ {
		if !d.isWord(k) || !d.toks[k].capit || !d.isTitle(d.toks[k].low) {
			return false
		}
	}
	return a <= b
}

// officeOf reports a capitalised office and its capitalised "of" or
// "for" complement spanning a..b ("Governor of Lamu", "Minister for
// Health", "Secretary of State"), and the token where the title ends.
func (d *doc) officeOf(a, b int) (int, bool) {
	if !d.allTitles(a, a) {
		return 0, false
	}
	x := a
	for x+1 <= b && d.allTitles(x+1, x+1) {
		x++
	}
	if x+2 > b || b-x > 5 || d.toks[x+1].low != "of" && d.toks[x+1].low != "for" || d.possessive(b) {
		return 0, false
	}
	for k := x + 2; k <= b; k++ {
		// ("the President of the European Commission": an article may
		// open the complement.)
		if k == x+2 && k < b && d.toks[k].low == "the" {
			continue
		}
		if !d.isWord(k) || !d.toks[k].capit && !connector(d.toks[k].low) && d.toks[k].low != "and" || d.toks[k].inQ {
			return 0, false
		}
	}
	return x, d.toks[b].capit
}

// collectiveDemonym reports a nationality word that names a people rather
// than one person ("the French", "the Japanese", "the Swiss", "the Dutch").
func collectiveDemonym(w string) bool {
	return strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "ss")
}

// affiliationStem is the first four letters a nationality or party noun
// shares with its country's or party's name and adjective ("swed" for
// Swede, Sweden, Swedish; "demo" for Democrat, Democratic), or "" for a
// word too short to tell.
func affiliationStem(w string) string {
	r := []rune(w)
	if len(r) < 5 {
		return ""
	}
	return string(r[:4])
}

// affiliatedNear reports a capitalised word starting with stem within six
// words of token k in its sentence, other than the one at k.
func (d *doc) affiliatedNear(k int, stem string) bool {
	if k < 0 || k >= len(d.toks) {
		return false
	}
	for i := max(0, k-6); i < len(d.toks) && i <= k+6; i++ {
		if i == k || !d.isWord(i) || !d.toks[i].capit || d.toks[i].inQ || d.toks[i].para != d.toks[k].para {
			continue
		}
		if strings.HasPrefix(d.toks[i].low, stem) && !d.sentenceBetween(min(i, k), max(i, k)) {
			return true
		}
	}
	return false
}

// claimOwner finds, between a cue and its quote [lo, hi), a possessive name
// before a noun for something said and "that" ("Ana Ruiz's claim that"):
// the one named said the words.
func (d *doc) claimOwner(lo, hi int) (ref, bool) {
	r, _, ok := d.claimOwnerAt(lo, hi)
	return r, ok
}

// claimOwnerAt is claimOwner that also returns the token of its "that" or
// "of", where the words reported begin.
func (d *doc) claimOwnerAt(lo, hi int) (ref, int, bool) {
	for k := lo; k+2 < hi; k++ {
		if !d.isWord(k) || d.toks[k].inQ || !d.possessive(k) || !d.isWord(k+1) || !d.isWord(k+2) {
			continue
		}
		switch nx := d.toks[k+2].low; {
		case nx == "that":
			switch d.toks[k+1].low {
			case "claim", "claims", "assertion", "statement", "warning", "suggestion", "argument", "insistence", "description", "accusation", "allegation", "remark", "remarks", "comment", "comments":
			default:
				continue
			}
		// "the minister's promise of "...": words promised or threatened
		// are the one's who promised them.
		case nx == "of" && k+3 == hi:
			switch d.toks[k+1].low {
			case "promise", "promises", "pledge", "pledges", "threat", "threats", "warning", "warnings":
			default:
				continue
			}
		// "rejected Jones's description of the vote as "...": the words
		// someone described a thing as are theirs.
		case nx == "of" && hi-1 > k+3 && hi-1 <= k+9 && d.isWord(hi-1) && d.toks[hi-1].low == "as":
			switch d.toks[k+1].low {
			case "description", "characterisation", "characterization", "portrayal", "depiction":
			default:
				continue
			}
		default:
			continue
		}
		if !d.toks[k].capit {
			// "the union's claim that": a described body or person.
			if r, ok := d.describedPossessor(d.sentenceStart(k), k); ok {
				return r, k + 2, true
			}
			continue
		}
		if e := d.entityAt(k); e >= 0 {
			return d.entityRef(e, k), k + 2, true
		}
		a := k
		for a-1 >= lo && d.isWord(a-1) && d.toks[a-1].capit {
			a--
		}
		if r := d.nameRef(a, k); r.ok() {
			return r, k + 2, true
		}
	}
	return ref{}, -1, false
}

// describedPossessor reads a lower-case possessive at token k opened by
// an article ("the union's", "the prime minister's") as the description
// of who speaks, when its head names a person, group, organisation or
// text.
func (d *doc) describedPossessor(lo, k int) (ref, bool) {
	for a := k - 1; a >= lo && a >= k-4; a-- {
		if !d.isWord(a) || d.toks[a].inQ || d.toks[a].capit && a < k-1 {
			return ref{}, false
		}
		switch d.toks[a].low {
		case "the", "a", "an":
			w := bareWord(d.toks[k].low)
			if !d.lex.in("personheads", w) && !d.lex.in("groupheads", w) && !d.lex.in("orgheads", w) && !d.lex.in("personnouns", w) {
				return ref{}, false
			}
			r := d.descRef(a, k)
			return r, r.ok()
		}
		if d.lex.in("prepositions", d.toks[a].low) || d.lex.in("clause", d.toks[a].low) || d.lex.in("determiners", d.toks[a].low) {
			return ref{}, false
		}
	}
	return ref{}, false
}

// titledPersonBefore finds, before token h and as far back as a
// description reaches (descWindow paragraphs), the last person named under
// a capitalised title of the role ("Judge Gray Miller" for "the judge's").
func (d *doc) titledPersonBefore(h int, role string) (ref, bool) {
	lo := d.paras[max(0, d.paraOf(h)-descWindow)].t0
	for k := h - 1; k >= lo; k-- {
		if !d.toks[k].capit || !d.roleTitleOf(k, role) {
			continue
		}
		j := k
		for j+1 < h && d.isWord(j+1) && d.toks[j+1].capit {
			j++
		}
		if e := d.personAt(j); e >= 0 && j > k {
			r := d.entityRef(e, j)
			r.via = "description"
			return r, true
		}
	}
	return ref{}, false
}

// placeWords reports tokens [a, b) that can only name a place before a
// role: capitalised words and "and", none of them a person's name, a
// title or a party's word ("Kingston and Surbiton", "Bath").
func (d *doc) placeWords(a, b int) bool {
	for k := a; k < b; k++ {
		t := d.toks[k]
		if !d.isWord(k) || t.inQ || (!t.capit && t.low != "and") || d.isTitle(t.low) || d.roleWord(t.low) || d.lex.in("partyadj", t.low) {
			return false
		}
		if e := d.entityAt(k); e >= 0 && d.ents[e].Type != "GPE" && d.ents[e].Type != "LOC" {
			return false
		}
		if d.lex.in("malename", t.low) || d.lex.in("femalename", t.low) {
			return false
		}
	}
	return d.toks[a].capit && d.toks[b-1].capit
}

// pluralPeople reports a word at k that names people in the plural: a
// nationality's plural ("Bangladeshis"), "people", "children", or the
// plural of a noun for a kind of person (WordNet's, personnouns.txt:
// "depositors", "pensioners").
func (d *doc) pluralPeople(k int) bool {
	t := d.toks[k]
	if !d.isWord(k) || t.inQ {
		return false
	}
	if t.capit {
		return d.isNORP(k) && strings.HasSuffix(t.low, "s")
	}
	// ("Ana Lind, who chairs the union": a verb after a relative pronoun
	// or a name, not a plural noun.)
	if d.afterRelative(k) || d.personAt(k-1) >= 0 && !d.toks[k-1].inQ && !d.possessive(k-1) {
		return false
	}
	return d.pluralPeopleWord(t.low)
}

// pluralPeopleWord reports a lower-cased word that is a plural noun for
// people ("residents", "fishermen", "analysts").
func (d *doc) pluralPeopleWord(w string) bool {
	switch w {
	case "people", "children", "men", "women":
		return true
	}
	// ("fishermen", "firefighters' spokeswomen": the plural of -man.)
	if sg, ok := strings.CutSuffix(w, "men"); ok && len(sg) >= 3 && (d.lex.in("personnouns", sg+"man") || d.lex.in("personheads", sg+"man")) {
		return true
	}
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") {
		return false
	}
	// (A noun for a kind of person in the plural: not "miles", "years".)
	for _, sg := range []string{strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es"), strings.TrimSuffix(w, "ies") + "y"} {
		if d.lex.in("personnouns", sg) || d.lex.in("personheads", sg) {
			return true
		}
	}
	// (Or an agent noun, "commuters", "picketers", "cyclists": not a
	// measure, "meters", "liters".)
	for _, sfx := range []string{"ers", "ors", "ists"} {
		if strings.HasSuffix(w, sfx) && !strings.HasSuffix(w, "meters") && !strings.HasSuffix(w, "liters") && w != "numbers" && w != "letters" && w != "orders" && w != "quarters" && w != "papers" && w != "matters" {
			return true
		}
	}
	return d.lex.in("groupheads", w)
}

// isNORP reports a token inside a nationality or group entity.
func (d *doc) isNORP(k int) bool {
	e := d.entityAt(k)
	return e >= 0 && d.ents[e].Type == "NORP"
}

// countedName is the name of a counted group whose plural is at k: the
// plural with the capitalised words before it ("Turkish Cypriots") or a
// hyphenated modifier ("auto-rickshaw drivers"), not an adjective
// ("angry farmers" is "farmers").
func (d *doc) countedName(lo, k int) string {
	a := k
	for a-1 >= lo && d.isWord(a-1) && !d.toks[a-1].inQ && (d.toks[k].capit && d.toks[a-1].capit || !d.toks[k].capit && strings.Contains(d.toks[a-1].low, "-")) {
		a--
	}
	return d.body[d.toks[a].s:d.toks[k].e]
}

// wordNear reports the word w within n tokens of token k, outside quotes.
func (d *doc) wordNear(k int, w string, n int) bool {
	return d.wordBetween(max(0, k-n), k+n, w, k)
}

// wordBetween reports the word w among tokens [lo, hi] other than those
// skipped, outside quotes.
func (d *doc) wordBetween(lo, hi int, w string, skip ...int) bool {
	for i := lo; i <= hi && i < len(d.toks); i++ {
		if !slices.Contains(skip, i) && d.isWord(i) && !d.toks[i].inQ && d.toks[i].low == w {
			return true
		}
	}
	return false
}

// mediumHead reports a noun for where a body or person posts: its account
// or page speaks for it.
func mediumHead(w string) bool {
	switch w {
	case "account", "accounts", "page", "feed", "channel", "profile", "handle", "website", "blog":
		return true
	}
	return false
}

// sameSentenceWord reports the word w within n tokens of k, in k's
// sentence, other than at but (the description that asks: "aboard the
// USS Kestrel, the Pentagon chief said" puts no one in the Pentagon).
func (d *doc) sameSentenceWord(k, but int, w string, n int) bool {
	hi := k
	for hi < len(d.toks)-1 && hi < k+n && !d.toks[hi+1].sentEnd {
		hi++
	}
	return d.wordBetween(max(d.sentenceStart(k), k-n), hi, w, k, but)
}

// orgWord reports a one-word organisation's name at k ("BJP", "Fidesz").
func (d *doc) orgWord(k int) bool {
	e := d.entityAt(k)
	return e >= 0 && d.ents[e].Type == "ORG" && d.mentionStart(k) == k && d.mentionEnd(k) == k
}

// publisherBefore reads `X published a study`, `X released a new report`
// for the text whose noun is at h: the subject of a verb of publishing
// right before it (past an article and a few modifiers), set off from
// anything before it by the sentence's start, a comma or a conjunction.
func (d *doc) publisherBefore(h, lo int) (ref, bool) {
	v := h - 1
	for v > lo && v >= h-3 && d.isWord(v) && !d.toks[v].capit && !publishVerb(d.toks[v].low) {
		v--
	}
	if v <= lo || !d.isWord(v) || !publishVerb(d.toks[v].low) {
		return ref{}, false
	}
	e := v - 1
	// ("the Institute, a research group based in Johannesburg,
	// published": the name before its apposition.)
	if d.isPunct(e, ",") {
		c := e - 1
		for c > lo && c >= e-15 && !d.isPunct(c, ",") && !d.toks[c].inQ {
			c--
		}
		if c <= lo || !d.isPunct(c, ",") {
			return ref{}, false
		}
		e = c - 1
	}
	a, b := d.npEnd(e, lo)
	if a > b {
		return ref{}, false
	}
	// ("scientists from the University of Miami and Apex Expeditions
	// published": names after a preposition, which a noun before it
	// governs, are not the subject, nor is a common noun they describe;
	// who published is read as before.)
	x := a - 1
	for x > lo && d.isWord(x) && (d.toks[x].capit || connector(d.toks[x].low) || d.toks[x].low == "and" || d.toks[x].low == "the") {
		x--
	}
	if d.isWord(x) {
		switch d.toks[x].low {
		case "from", "of", "at", "with", "in":
			return ref{}, false
		}
	}
	if !d.toks[a].capit {
		for y := a; y < b; y++ {
			switch d.toks[y].low {
			case "from", "of", "at", "with":
				return ref{}, false
			}
		}
	}
	r := d.speakerFromNP(a, b)
	if !r.ok() || !d.canSpeak(r) {
		return ref{}, false
	}
	return r, true
}

// publishVerb reports a verb by which a body or person makes a text
// public.
func publishVerb(w string) bool {
	switch w {
	case "published", "publishes", "released", "releases", "issued", "issues", "unveiled", "unveils", "posted", "posts":
		return true
	}
	return false
}

// personalText reports a noun for a text one person writes in their own
// voice, which the writer speaks whoever reads it out.
func personalText(w string) bool {
	switch w {
	case "statement", "letter", "note", "message", "email", "e-mail":
		return true
	}
	return false
}

// authorVerb reports a participle for writing a text, whose agent is its
// author rather than who issued it.
func authorVerb(w string) bool {
	switch w {
	case "compiled", "written", "prepared", "authored", "drafted", "co-authored":
		return true
	}
	return false
}

// tenureWord reports a word for how someone holds an office ("the acting
// Prime Minister", "the outgoing President").
func tenureWord(w string) bool {
	switch w {
	case "acting", "interim", "caretaker", "outgoing", "incoming", "former", "deputy", "future", "new", "current", "sitting", "then", "longtime":
		return true
	}
	return false
}

// lastWord returns the last word of s.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// singularPerson returns the singular of a plural noun for people,
// oneOfAt reports a head noun h read as "one of" its group ("One of the
// children", "one of the injured nurses").
func (d *doc) oneOfAt(h int) bool {
	if h < 0 || h >= len(d.toks) || !d.isWord(h) {
		return false
	}
	for k := h - 1; k >= 1 && k >= h-4 && d.isWord(k) && !d.toks[k].inQ; k-- {
		if d.toks[k].low == "of" {
			return d.isWord(k-1) && d.toks[k-1].low == "one"
		}
	}
	return false
}

// saidNoun reports a noun for words someone said, whose owner or agent
// speaks them ("Rossi's remarks", "comments by the minister", "the
// minister's explanations").
func saidNoun(w string) bool { return speechNoun(w) || w == "explanations" }

// agentAfter reports "by" or "from" right after the noun at h, or after a
// participle ("comments made by the minister").
func (d *doc) agentAfter(h int) bool {
	for k := h + 1; k <= h+2 && d.isWord(k) && !d.toks[k].inQ && !d.toks[k].capit; k++ {
		if w := d.toks[k].low; w == "by" || w == "from" {
			return true
		}
		if !strings.HasSuffix(d.toks[k].low, "ed") && !d.lex.in("irregular", d.toks[k].low) {
			return false
		}
	}
	return false
}

// irregular ones too ("children", "women").
func singularPerson(w string) string {
	switch w {
	case "children":
		return "child"
	case "women":
		return "woman"
	case "men":
		return "man"
	case "people":
		return "person"
	}
	return strings.TrimSuffix(w, "s")
}

// rolesThenName reports words [lo, k) before "and" at k that are roles (in
// lower case but for the sentence's first word) of a person named within
// the next words, before any verb: "Filmmaker and former TV host Jason
// Silva".
func (d *doc) rolesThenName(lo, k, hi int) bool {
	for x := lo; x < k; x++ {
		if !d.isWord(x) || d.toks[x].capit && !(x == lo && d.sentStart(x)) || d.entityAt(x) >= 0 {
			return false
		}
	}
	for x := k + 1; x < hi && x < k+9 && !d.toks[x].inQ; x++ {
		// ("The firm's co-founder and chief executive, Ana Lind, wrote":
		// the name in apposition after the roles.)
		if d.isPunct(x, ",") && x > k+1 && d.personAt(x+1) >= 0 {
			return true
		}
		if !d.isWord(x) {
			return false
		}
		if d.personAt(x) >= 0 {
			return true
		}
		if !d.toks[x].capit && d.verbish(d.toks[x].low) {
			return false
		}
	}
	return false
}

// appositionEnd returns the closing comma of an apposition of role words
// and a name that opens at k right after a comma ("a resident, retired
// teacher Ruth Cole, said"), or -1.
func (d *doc) appositionEnd(k, hi int) int {
	if k < 1 || !d.isPunct(k-1, ",") || !d.isWord(k) || d.toks[k].capit {
		return -1
	}
	for e := k + 1; e < hi && e <= k+8; e++ {
		if d.toks[e].inQ || d.toks[e].kind == kMark || d.toks[e].sentEnd {
			return -1
		}
		if d.isPunct(e, ",") {
			if d.roleThenName(k, e-1) && d.personAt(e-1) >= 0 {
				return e
			}
			return -1
		}
	}
	return -1
}

// textMentionedBefore reports the document noun at h ("report",
// "statement") used earlier in the article, outside quotes.
func (d *doc) textMentionedBefore(h int) bool {
	w := bareWord(d.toks[h].low)
	for k := h - 1; k >= 0; k-- {
		if d.isWord(k) && !d.toks[k].inQ && bareWord(d.toks[k].low) == w {
			return true
		}
	}
	return false
}

// kindModifiers reports modifiers that only say what kind of body an
// organisation is ("the environmental group" after "Greenpeace", "the
// Swiss-based firm"): they rename the organisation resolved, unless one
// sets another body apart ("the rival group", "the opposition party").
func (d *doc) kindModifiers(a, h int, r ref) bool {
	// (Only a body named in the description's paragraph: further back,
	// another may have come between unnamed.)
	if r.etype != "ORG" || !d.lex.in("orgheads", d.toks[h].low) {
		return false
	}
	named := false
	for k := h - 1; k >= d.paras[d.paraOf(h)].t0; k-- {
		if e := d.entityAt(k); e >= 0 && d.ents[e].Name == r.name {
			named = true
			break
		}
	}
	if !named {
		return false
	}
	for k := a; k < h; k++ {
		if !d.isWord(k) || d.toks[k].capit && d.entityAt(k) >= 0 {
			return false
		}
		switch d.toks[k].low {
		case "opposition", "ruling", "rival", "other", "another", "second", "third", "new", "former", "separate", "different", "smaller", "larger", "parent", "sister", "governing":
			return false
		}
	}
	return true
}

// anotherOfKind is the speaker "another" at token k stands for: one more
// person of the kind the last described speaker of this paragraph or the
// one before was ("one resident", "one of the victims": "resident",
// "victim"). Named speakers in between are passed over ("One resident
// said ... Mayor Ana Ruiz said ... Another said"); none described, none.
func (d *doc) anotherOfKind(k int) (ref, bool) {
	pk := d.paraOf(k)
	for i := len(d.qs) - 1; i >= 0; i-- {
		q := d.qs[i]
		if !q.done || q.open >= k || !q.spk.ok() {
			continue
		}
		if q.para < pk-1 {
			break
		}
		if properName(q.spk.name) || q.spk.typ != SpeakerPerson {
			continue
		}
		f := strings.Fields(q.spk.name)
		head := singularPerson(strings.ToLower(f[len(f)-1]))
		if !d.lex.in("personnouns", head) && !d.lex.in("personheads", head) {
			return ref{}, false
		}
		return ref{name: head, typ: SpeakerPerson, head: k, via: "description"}, true
	}
	return ref{}, false
}

// seatModifiers reports that the words [a, h) are all compounds saying
// where a body sits or who runs it: "Strasbourg-based", "state-run",
// "Paris-headquartered", "government-funded".
func (d *doc) seatModifiers(a, h int) bool {
	if a >= h {
		return false
	}
	for k := a; k < h; k++ {
		w := d.toks[k].low
		i := strings.LastIndexByte(w, '-')
		if !d.isWord(k) || i <= 0 {
			return false
		}
		switch w[i+1:] {
		case "based", "headquartered", "run", "owned", "funded", "backed":
		default:
			return false
		}
	}
	return true
}

// skipDeterminers is the first token from a up to h that is no determiner.
func (d *doc) skipDeterminers(a, h int) int {
	for a < h && d.isWord(a) && d.lex.in("determiners", d.toks[a].low) {
		a++
	}
	return a
}

// seatedBody resolves a body's noun at h, after modifiers that say where
// it sits (seatModifiers), to the body the article named, when it named
// one of that kind before h.
func (d *doc) seatedBody(head string, h int) (ref, bool) {
	r := d.resolveDescription(h)
	return r, r.via != "" && r.typ == SpeakerOrg && r.etype != "" && d.bodiesOfKind(head, h) == 1
}

// bodiesOfKind counts the organisations named before token h whose names
// the noun head may stand for (orgKindOK).
func (d *doc) bodiesOfKind(head string, h int) int {
	seen := map[int]bool{}
	for k := 0; k < h && k < len(d.toks); k++ {
		if e := d.entityAt(k); e >= 0 && !seen[e] && d.ents[e].Type == "ORG" && d.orgKindOK(head, d.ents[e].Name) {
			seen[e] = true
		}
	}
	return len(seen)
}

// lowerPrepositionIn reports a lower-case preposition among the words
// [a, k).
func (d *doc) lowerPrepositionIn(a, k int) bool {
	for x := a; x < k; x++ {
		if d.isWord(x) && !d.toks[x].capit && d.lex.in("prepositions", d.toks[x].low) {
			return true
		}
	}
	return false
}

// groupOfPerson reports a person's name at s right after a group's noun
// and "of" or "for" ("supporters of", "lawyers for"): the group speaks.
func (d *doc) groupOfPerson(s int) bool {
	if !d.isWord(s-1) || !d.isWord(s-2) || d.toks[s-2].capit && !d.sentStart(s-2) {
		return false
	}
	if w := d.toks[s-1].low; w != "of" && w != "for" {
		return false
	}
	return d.lex.in("groupheads", d.toks[s-2].low) && strings.HasSuffix(d.toks[s-2].low, "s")
}

// postNoun reports a noun for a text put on social media ("a message
// on Twitter ... The post read"): one text, whichever noun names it.
func postNoun(w string) bool {
	switch w {
	case "post", "tweet", "message":
		return true
	}
	return false
}

// postVerb reports a verb of posting on social media ("tweeted").
func postVerb(w string) bool {
	switch w {
	case "tweeted", "tweets", "retweeted":
		return true
	}
	return false
}

// posterActs reports a verb after "poster" at h, adverbs aside, that a
// person who posts online does and a sign does not: writing, admitting,
// commenting, replying ("The poster wrote", "One poster admitted"; not "A
// poster read", "one poster asked", "one poster tells drivers").
func (d *doc) posterActs(h int) bool {
	k := h + 1
	for d.isWord(k) && !d.toks[k].inQ && d.adverbAt(k) {
		k++
	}
	if !d.isWord(k) || d.toks[k].inQ {
		return false
	}
	switch w := d.toks[k].low; w {
	case "admitted", "admits", "commented", "comments", "replied", "replies", "complained", "complains", "confessed", "confesses", "explained", "explains", "responded", "responds":
		return true
	default:
		// (A sign asks, promises, tells and warns as well as it reads.)
		return d.lex.in("writerverbs", w)
	}
}

// workAuthor finds who wrote the report or study at h where the article
// spoke of it before: an agent after a participle of writing or leading,
// in the sentence of an earlier mention of the same noun or the one after
// it ("A report written by Professor Helen Shaw", "The study, led by Dr.
// Ian Ross of Marsh University,", "A report was published. It was
// written by former judge Sarah Tull").
func (d *doc) workAuthor(h int) (ref, bool) {
	byAgent := func(k int) (ref, bool) {
		if !d.isWord(k) || d.toks[k].low != "by" || d.toks[k].inQ {
			return ref{}, false
		}
		if v := d.toks[k-1].low; !authorVerb(v) && v != "led" && v != "produced" && v != "conducted" {
			return ref{}, false
		}
		if a, b := d.npRight(k+1, len(d.toks)); a <= b {
			if r := d.speakerFromNP(a, b); r.ok() && d.canSpeak(r) && (r.typ == SpeakerPerson || r.typ == SpeakerOrg) {
				r.subj, r.via = false, "description"
				return r, true
			}
		}
		return ref{}, false
	}
	for p := h - 1; p >= 0; p-- {
		if !d.isWord(p) || d.toks[p].inQ || d.toks[p].low != d.toks[h].low {
			continue
		}
		// The participle right after the noun, or after its comma.
		k := p + 2
		if d.isPunct(p+1, ",") {
			k = p + 3
		}
		if r, ok := byAgent(k); ok {
			return r, true
		}
		// "It was written by ..." opening the next sentence.
		e := p
		for e < h && !d.toks[e].sentEnd {
			e++
		}
		if s := e + 1; s+3 < h && d.isWord(s) && d.toks[s].low == "it" && d.isWord(s+1) && (d.toks[s+1].low == "was" || d.toks[s+1].low == "is") {
			if r, ok := byAgent(s + 3); ok {
				return r, true
			}
		}
	}
	return ref{}, false
}

// authoredWork reports a noun for a text that its authors wrote up as a
// piece of work, a report or a study, not one a body or a person issues
// to speak for itself (a statement, a letter): without a named issuer its
// words are its own.
func authoredWork(w string) bool {
	switch w {
	case "report", "study", "survey", "analysis", "review", "assessment", "audit", "paper", "dossier":
		return true
	}
	return false
}

// statementNoun reports a noun for a body's public statement, which news
// calls by one name and then another ("a joint press release ... the
// statement read").
func statementNoun(w string) bool {
	switch w {
	case "statement", "release", "communique", "communiqué", "announcement":
		return true
	}
	return false
}

// accountNoun reports a noun for where someone posts online ("account",
// "feed", "page", "channel").
func accountNoun(w string) bool {
	switch w {
	case "account", "feed", "page", "channel", "handle":
		return true
	}
	return false
}

// peopleOfPlaces reads the places listed before the phrase [a, b] (a
// place itself), back to "of" and a noun for people before it ("the
// foreign ministers of Britain, France and Germany"): those people, by
// their description.
func (d *doc) peopleOfPlaces(a, b int) (ref, bool) {
	e := d.entityAt(b)
	if e < 0 || !d.isPlace(e) {
		return ref{}, false
	}
	x := d.mentionStart(b)
	if x < a {
		return ref{}, false
	}
	listed := false
	for x > 1 {
		sep := x - 1 // ",", "and", or ", and"
		if !(d.isWord(sep) && d.toks[sep].low == "and" || d.isPunct(sep, ",")) {
			break
		}
		if d.isWord(sep) && d.isPunct(sep-1, ",") {
			sep--
		}
		p := sep - 1
		pe := d.entityAt(p)
		if p < 0 || pe < 0 || !d.isPlace(pe) {
			break
		}
		x = d.mentionStart(p)
		listed = true
	}
	if !listed || !d.isWord(x-1) || d.toks[x-1].low != "of" || !d.isWord(x-2) || d.toks[x-2].capit || d.toks[x-2].inQ {
		return ref{}, false
	}
	h := x - 2
	w := d.toks[h].low
	if !(d.lex.in("personnouns", singularPerson(w)) || d.lex.in("personheads", singularPerson(w)) || d.roleWord(singularPerson(w)) || d.lex.in("groupheads", w)) {
		return ref{}, false
	}
	na, _ := d.npEnd(h, d.sentenceStart(h))
	if na > h {
		return ref{}, false
	}
	r := d.descRef(na, h)
	return r, r.ok()
}
