package quote

import (
	"slices"
	"strings"
)

// window is how many paragraphs back a pronoun or description looks for
// its referent.
const window = 2

// descWindow is how many paragraphs back a description looks for the
// name it renames.
const descWindow = 5

// candidate is a possible referent met while reading back from a pronoun.
type candidate struct {
	r          ref
	rank       int
	indefinite bool // a description opened by "a" or "an"
}

// Candidate ranks: a clause subject, then a possessor, then anything else.
const (
	rankOther = iota + 1
	rankPossessor
	rankSubordinate // subject of a "when", "because" ... clause
	rankSubject
)

func rankOf(subject, possessive bool) int {
	switch {
	case possessive:
		return rankPossessor
	case subject:
		return rankSubject
	}
	return rankOther
}

// resolvePronoun resolves a pronoun subject to the most recent compatible
// speaker or person, preferring clause subjects over objects.
func (d *doc) resolvePronoun(at int, pron string) ref {
	x, ok := d.interruptedSubject(at, pron)
	if !ok {
		x, ok = d.otherSexPronoun(at, pron)
	}
	var accept func(ref) bool
	if ok {
		accept = notNamed(x)
	}
	// (One who replies to a question is not its asker; the last speaker of
	// the pronoun's sex may still be the one who replies.)
	asker, replying := ref{}, false
	if !ok {
		if asker, replying = d.questionerBefore(at); replying {
			askers := d.askersBefore(at, asker)
			accept = func(r ref) bool { return !askers[r.name] }
		}
	}
	if mine := d.ownQuoteKin(at); mine != nil {
		prev := accept
		accept = func(r ref) bool {
			return (prev == nil || prev(r)) && (properName(r.name) || r.head < 0 || !d.isWord(r.head) || !mine[d.toks[r.head].low])
		}
	}
	r := d.resolveWhere(at, pron, accept)
	if !r.ok() && !ok {
		r = d.lastSpeakerOfSex(at, pron)
	}
	if !r.ok() && !ok {
		r = d.lastOrgSpeaker(at, pron)
	}
	// (With no one else to reply, the asker answers their own question.)
	if replying && !r.ok() {
		r = d.resolveWhere(at, pron, nil)
		if !r.ok() {
			r = d.lastSpeakerOfSex(at, pron)
		}
	}
	r.subj, r.via = false, "pronoun"
	d.lastPron = pron
	return r
}

// ownQuoteKin reads `"My daughter says I work too hard," she said`: the
// nouns the quote the pronoun at cues calls "my" ("daughter"), which
// describe someone other than its speaker; nil when there are none.
func (d *doc) ownQuoteKin(at int) map[string]bool {
	if at < 1 || d.toks[at-1].kind != kMark {
		return nil
	}
	var mine map[string]bool
	for _, q := range d.qs {
		if q.close != at-1 {
			continue
		}
		for k := q.open + 1; k+1 < q.close; k++ {
			if d.isWord(k) && d.toks[k].low == "my" && d.isWord(k+1) {
				if mine == nil {
					mine = map[string]bool{}
				}
				mine[d.toks[k+1].low] = true
			}
		}
		break
	}
	return mine
}

// lastSpeakerOfSex is the referent of a "he" or "she" that no one named
// before takes (the given-name lists say the other sex of everyone near):
// the person who spoke the quote just before, in its paragraph or the one
// before, when nobody else was named since. The article's own pronoun for
// its speaker outweighs a list of names ("Sasha Brook ... "...," he said";
// many given names are a man's in one language and a woman's in another).
func (d *doc) lastSpeakerOfSex(at int, pron string) ref {
	if pron != "he" && pron != "she" || d.resolving >= 0 {
		return ref{}
	}
	for i := len(d.qs) - 1; i >= 0; i-- {
		q := d.qs[i]
		if q.close < 0 || q.close >= at {
			continue
		}
		// (Not the one a teller recalls saying it: `"...," she recalls
		// him saying.`; the teller's pronoun is no sign of their sex.)
		if !q.done || q.teller.ok() || q.para < d.paraOf(at)-1 || q.spk.typ != SpeakerPerson || !properName(q.spk.name) {
			return ref{}
		}
		for k := q.close + 1; k < at; k++ {
			if e := d.personAt(k); e >= 0 && d.ents[e].Name != q.spk.name {
				return ref{}
			}
		}
		// (Only a proper name whose sex the given-name lists decided: a
		// speaker named with a word that says a sex, "the spokeswoman",
		// is left to genderOK, which has read it already.)
		for _, w := range strings.Fields(strings.ToLower(q.spk.name)) {
			if d.lex.in("male", w) || d.lex.in("female", w) {
				return ref{}
			}
		}
		return ref{name: q.spk.name, typ: q.spk.typ, head: at, etype: q.spk.etype}
	}
	return ref{}
}

// lastOrgSpeaker is the referent of an "it" that no one named within the
// window takes: the organisation that spoke the last quote before it, in
// its paragraph or the three before, when no other organisation nor place
// is named since (`"...," it said` paragraph after paragraph of a
// company's report, the company named once at the top).
func (d *doc) lastOrgSpeaker(at int, pron string) ref {
	if pron != "it" || d.resolving >= 0 {
		return ref{}
	}
	for i := len(d.qs) - 1; i >= 0; i-- {
		q := d.qs[i]
		// (The quote being attributed is not done yet: passed over.)
		if q.close < 0 || q.close >= at || !q.done {
			continue
		}
		if q.para < d.paraOf(at)-3 || q.spk.typ != SpeakerOrg || !q.spk.ok() {
			return ref{}
		}
		if d.otherBodyOrPlace(q.close+1, at, q.spk.name) {
			return ref{}
		}
		return ref{name: q.spk.name, typ: q.spk.typ, head: at, etype: q.spk.etype}
	}
	return ref{}
}

// otherBodyOrPlace reports an organisation other than name, or a place,
// that is the subject of a clause in [lo, hi): either may be what a later
// "it" means ("Russia closed the strait. "...," it said"). (One named
// elsewhere in a sentence, "more help from the RBI", "the recessions of
// India", is what a report is about, not who speaks.)
func (d *doc) otherBodyOrPlace(lo, hi int, name string) bool {
	for k := max(lo, 0); k < hi && k < len(d.toks); k++ {
		e := d.entityAt(k)
		if e < 0 || d.ents[e].Name == name || d.ents[e].Type != "ORG" && !d.isPlace(e) {
			continue
		}
		if s := d.mentionStart(k); d.rankAt(s, k) == rankSubject {
			return true
		}
	}
	return false
}

// notNamed accepts every referent but x (by name).
// askersBefore names the ones who put the questions quoted in the
// pronoun's paragraph and the two before it, with asker: at a press
// conference the reporters take turns and the one questioned answers
// ("'...?' the reporter pressed. ... '...?' a television journalist
// asked. '...,' he answered": not the first reporter either).
func (d *doc) askersBefore(at int, asker ref) map[string]bool {
	out := map[string]bool{asker.name: true}
	p := d.paraOf(at)
	for _, q := range d.qs {
		if q.close < 0 || q.close >= at {
			break
		}
		if q.para >= p-2 && q.done && q.spk.ok() && q.spk.via != "pronoun" && questionCue(q.cue) && endsQuestion(d.body[q.ts:q.te]) {
			out[q.spk.name] = true
		}
	}
	return out
}

func notNamed(x ref) func(ref) bool {
	return func(c ref) bool { return c.name != x.name }
}

// otherSexPronoun returns the referent of a "she" before a "he" (or a
// "he" before a "she") in a sentence whose subject is two people joined
// by "and": "Gurung and Adhikari met them; she promised aid, and he
// said" takes the two in turn, whatever the lists know of their names'
// sex. Only then: without the pair, the first pronoun's referent is as
// likely wrong when the names' sex is unknown.
func (d *doc) otherSexPronoun(at int, pron string) (ref, bool) {
	var other string
	switch pron {
	case "he":
		other = "she"
	case "she":
		other = "he"
	default:
		return ref{}, false
	}
	if d.resolving >= 0 {
		return ref{}, false
	}
	for k := at - 1; k >= 0 && k > at-30 && !d.toks[k].sentEnd; k-- {
		if !d.isWord(k) || d.toks[k].inQ || d.toks[k].low != other {
			continue
		}
		// The pair: two person entities joined by "and" before the first
		// pronoun, in its sentence, the first of them its referent (the
		// pairs are found first: resolving the pronoun costs more).
		var firsts []string
		for j := k - 1; j > 0 && !d.toks[j-1].sentEnd; j-- {
			if !d.isWord(j) || d.toks[j].low != "and" {
				continue
			}
			a, b := d.entityAt(j-1), d.entityAt(j+1)
			if a >= 0 && b >= 0 && a != b && d.ents[a].Type == "PERSON" && d.ents[b].Type == "PERSON" {
				firsts = append(firsts, d.ents[a].Name)
			}
		}
		if len(firsts) == 0 {
			return ref{}, false
		}
		if x := d.resolvePronounAt(k, other); x.ok() && slices.Contains(firsts, x.name) {
			return x, true
		}
		return ref{}, false
	}
	return ref{}, false
}

// auxiliary reports a form of "be" or "have" ("Wilder was asked": the one
// asked, no asker).
func auxiliary(w string) bool {
	return isBe(w) || w == "has" || w == "have" || w == "had"
}

// coordinatedPick reads a singular pronoun after a subject of two people
// joined by "and" ("Ateba and Essomba briefed journalists. "...," he
// said"), the person at k one of them: the one the sentence before had as
// its subject, else the one who spoke last before the pair, else the first
// named. Both must be what pron may stand for; else the caller goes on.
func (d *doc) coordinatedPick(k int, pron string, accept func(ref) bool) (ref, bool) {
	if pron != "he" && pron != "she" || d.personAt(k) < 0 {
		return ref{}, false
	}
	a, b := -1, -1 // last tokens of the two names
	s := d.mentionStart(k)
	switch {
	case d.isWord(s-1) && d.toks[s-1].low == "and":
		b = k
		x := s - 2
		// ("Martina Kova, the mission's deputy chief monitor, and Oksana
		// Hryts both spoke": an apposition after the first.)
		if d.isPunct(x, ",") {
			for y := x - 1; y >= 0 && y >= x-12 && !d.toks[y].sentEnd && !d.toks[y].inQ; y-- {
				if d.isPunct(y, ",") && d.personAt(y-1) >= 0 {
					x = y - 1
					break
				}
			}
		}
		if d.personAt(x) >= 0 {
			a = x
		}
	case d.isWord(d.mentionEnd(k)+1) && d.toks[d.mentionEnd(k)+1].low == "and" && d.personAt(d.mentionEnd(k)+2) >= 0:
		a, b = d.mentionEnd(k), d.mentionEnd(d.mentionEnd(k)+2)
	}
	if a < 0 || d.personAt(a) == d.personAt(b) {
		return ref{}, false
	}
	ca, okA := d.candidateAt(a, pron)
	cb, okB := d.candidateAt(b, pron)
	if !okA || !okB || ca.rank != rankSubject || accept != nil && (!accept(ca.r) || !accept(cb.r)) {
		return ref{}, false
	}
	pick := func(r ref) (ref, bool) {
		switch {
		case strings.EqualFold(r.name, ca.r.name):
			return ca.r, true
		case strings.EqualFold(r.name, cb.r.name):
			return cb.r, true
		}
		return ref{}, false
	}
	ss := d.sentenceStart(d.mentionStart(a))
	p := d.paraOf(ss)
	lo, hi := -1, ss
	if ss > d.paras[p].t0 {
		lo = d.sentenceBefore(ss, d.paras[p].t0)
	} else if p > 0 {
		hi = d.paras[p-1].t1
		lo = d.sentenceBefore(hi, d.paras[p-1].t0)
	}
	if lo >= 0 {
		if r, ok := pick(d.sentenceSubject(lo, hi)); ok {
			return r, true
		}
	}
	for i := len(d.qs) - 1; i >= 0; i-- {
		if q := d.qs[i]; q.close >= 0 && q.close < ss && q.done && q.spk.ok() {
			if r, ok := pick(q.spk); ok {
				return r, true
			}
			break
		}
	}
	return ca.r, true
}

// askedAudience reports a question whose attribution after it puts it to
// a crowd or an audience ("asked the crowd", "asked the delegates"): a
// speaker's question to the room, which they answer themselves.
func (d *doc) askedAudience(q *qspan) bool {
	if q.close < 0 {
		return false
	}
	for k := q.close + 1; k < len(d.toks) && k <= q.close+8 && !d.toks[k].sentEnd; k++ {
		if !d.isWord(k) || d.toks[k].inQ {
			continue
		}
		switch d.toks[k].low {
		case "crowd", "crowds", "audience", "delegates", "supporters", "rally", "room", "hall", "voters", "congregation", "members":
			return true
		}
	}
	return false
}

// afterRelative reports a word right after "who" or "which": the relative
// clause's verb ("who chairs the union"), no noun.
func (d *doc) afterRelative(k int) bool {
	p := k - 1
	return d.isWord(p) && !d.toks[p].inQ && (d.toks[p].low == "who" || d.toks[p].low == "which")
}

// reflexive reports a reflexive pronoun.
func reflexive(w string) bool {
	switch w {
	case "himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself":
		return true
	}
	return false
}

// questionerBefore returns the speaker of a quoted question right before
// the quote that a pronoun and a verb of replying attribute ('"Where were
// the flats then?" Pop asked. ¶ "I was deputy mayor," he replied'): the
// one who replies is not the one who asked.
func (d *doc) questionerBefore(at int) (ref, bool) {
	if d.cueAt(at+1) == 0 {
		return ref{}, false
	}
	reply := replyCue(d.toks[at+1].low)
	qi := -1
	for i, q := range d.qs {
		if q.close < 0 || q.close >= at {
			break
		}
		qi = i
	}
	if qi < 1 {
		return ref{}, false
	}
	q, pq := d.qs[qi], d.qs[qi-1]
	for k := q.close + 1; k < at; k++ {
		if d.isWord(k) {
			return ref{}, false
		}
	}
	if pq.close < 0 || !pq.done || !pq.spk.ok() || pq.para < q.para-1 || !endsQuestion(d.body[pq.ts:pq.te]) {
		return ref{}, false
	}
	// ("A reporter asked Ruiz, "...?" "...," she replied": a question put
	// to someone named before it; resolveWhere reads the one asked.)
	if strings.HasPrefix(pq.rule, "cue_before") || strings.HasPrefix(pq.rule, "colon") {
		return ref{}, false
	}
	// (Not a question one puts to oneself or to a crowd: `"Did I stay too
	// long?" Mills asked.`, `"Who will pay?" Ruiz asked the crowd.`)
	if d.firstSingular(pq) || d.askedAudience(pq) {
		return ref{}, false
	}
	// ("'...?' asked a second reporter. '...,' she said": any verb of
	// saying answers a question that someone described put with a verb of
	// asking; after a named one's or a pronoun's question ("'Who else
	// would have dared?' Malinowski asked. '...,' he said") the same one
	// often goes on.)
	if !reply && (!questionCue(pq.cue) || pq.spk.via == "pronoun" || properName(pq.spk.name) || !journalistNoun(lastWord(strings.ToLower(pq.spk.name)))) {
		return ref{}, false
	}
	for k := max(pq.close+1, pq.attrEnd); k < q.open; k++ {
		if d.isWord(k) {
			return ref{}, false
		}
	}
	return pq.spk, true
}

// interruptedSubject returns the referent of the subject that a
// parenthetical cue with a pronoun interrupts at the start of a sentence
// ("Solberg, he said, had seen the offer"): the pronoun never stands for
// it, or the writer would have put "he had seen".
func (d *doc) interruptedSubject(at int, pron string) (ref, bool) {
	if at < 2 || !d.isPunct(at-1, ",") {
		return ref{}, false
	}
	n := d.cueAt(at + 1)
	if n == 0 {
		return ref{}, false
	}
	// ("Solberg, he told local media, had seen": the cue's object or a
	// frame of a few words may close the aside.)
	e := at + 1 + n
	for e < at+1+n+6 && d.isWord(e) && !d.toks[e].inQ {
		e++
	}
	if !d.isPunct(e, ",") {
		return ref{}, false
	}
	c, ok := d.candidateAt(at-2, pron)
	if !ok || !d.sentStart(d.mentionStart(at-2)) {
		return ref{}, false
	}
	return c.r, true
}

func (d *doc) resolvePronounAt(at int, pron string) ref {
	return d.resolveWhere(at, pron, nil)
}

// resolveWhere is resolvePronounAt keeping only referents accept allows
// (all when accept is nil).
func (d *doc) resolveWhere(at int, pron string, accept func(ref) bool) ref {
	defer func(prev int) { d.resolving = prev }(d.resolving)
	d.resolving = at
	if r, ok := d.openingPossessor(at, pron, accept); ok {
		return r
	}
	// Read back paragraph by paragraph: a clause subject of the nearest
	// paragraph first, else its nearest mention, then the paragraph before.
	pi := d.paraOf(at)
	short := 0
	for p, lim := pi, pi-window; p >= 0 && p >= lim; p-- {
		// A paragraph of quoted words only ("the quote goes on" under
		// its speaker) names no one: it does not use up the window.
		if p < pi && d.quotedOnly(p) {
			lim--
			continue
		}
		// Nor does a related story's headline set between paragraphs
		// ("W. Va. nonprofit director will return after racist Obama
		// post"); one that opens on a person's name is read as any
		// paragraph, a caption or a live blog's heading of who speaks
		// next ("Station manager Kieran Doyle at the scene").
		if p < pi && d.titleLine(p) && !d.opensOnPerson(p) {
			lim--
			continue
		}
		// Wire copy gives each sentence a paragraph of its own: two
		// paragraphs of one sentence use up one paragraph of the window
		// (window sentences back at least).
		if p < pi && d.sentences(p) == 1 {
			if short++; short%2 == 1 {
				lim--
			}
		}
		hi := at - 1
		if p < pi {
			hi = d.paras[p].t1 - 1
		}
		var best *candidate
		for k := hi; k >= d.paras[p].t0; k-- {
			c, ok := d.candidateAt(k, pron)
			if !ok || (accept != nil && !accept(c.r)) {
				continue
			}
			if c.rank == rankSubject {
				// "A neighbour, who gave only her first name, Ewa, said": a
				// name set off by commas after the description (and its
				// relative clause) is the described person's.
				if best != nil && d.entityAt(k) < 0 && c.r.head == k && !d.lex.in("pronouns", d.toks[k].low) && c.r.typ == SpeakerPerson && best.r.typ == SpeakerPerson && properName(best.r.name) && (d.nameInApposition(k, best.r.head) || d.rolesBeforeName(k, best.r.head)) {
					return best.r
				}
				if r, ok := d.coordinatedPick(k, pron, accept); ok {
					return r
				}
				// "One of the women who fled was 25-year-old Nesma Haj": a
				// description the sentence equates with a name after "was"
				// is that person.
				if best != nil && !properName(c.r.name) && best.r.typ == SpeakerPerson && properName(best.r.name) && d.copulaBefore(best.r.head, k) {
					return best.r
				}
				// "Ada Brook talked of ... while a recurring guest actor":
				// an indefinite description in the sentence of a named subject
				// describes that person.
				if c.indefinite {
					if n, ok := d.nameSubjectBefore(k, pron); ok {
						return n
					}
				}
				// "Lena Varga stood beside her. "...," she said": the
				// subject's own clause calls another woman "her", the one
				// the story is about, and she speaks next.
				// "Jane Roe thanked Mary Kent and asked her what she
				// wanted. "...," she said": the one asked answers.
				// "A reporter asked Judge Mara Olsen, "...?" "...," she
				// replied": the one a quoted question was put to answers.
				if o := d.askedBeforeQuestion(k, at); o >= 0 {
					if c2, ok := d.candidateAt(o, pron); ok && (accept == nil || accept(c2.r)) {
						return c2.r
					}
				}
				if o := d.askedOther(k, pron); o >= 0 {
					if c2, ok := d.candidateAt(o, pron); ok && (accept == nil || accept(c2.r)) {
						return c2.r
					}
				}
				// "Huxley asked whether she could be impartial. "...," she
				// replied": the one who asks about "she" is not she.
				if d.askedWhether(k, pron) {
					continue
				}
				if p := d.objectPronounAfter(k, pron); p > 0 {
					if o := d.resolveWhere(d.mentionStart(k), pron, func(r ref) bool {
						return r.name != c.r.name && (accept == nil || accept(r))
					}); o.ok() && o.typ == SpeakerPerson && o.head < d.mentionStart(k) && d.paraOf(o.head) == d.paraOf(k) {
						return o
					}
				}
				return c.r
			}
			// "Soon after Ms. Brook arrived, she said": the subject of
			// a clause opening the pronoun's own sentence, with no subject
			// between, is who the pronoun is.
			if c.rank == rankSubordinate && best == nil && p == pi && d.sentenceStart(k) == d.sentenceStart(at) {
				return c.r
			}
			if best == nil || c.rank > best.rank {
				best = &c
			}
		}
		if best != nil {
			return best.r
		}
	}
	if pi <= window {
		if r, ok := d.personNamedAfter(at, pron, accept); ok {
			return r
		}
	}
	return ref{}
}

// personNamedAfter reads a story that opens on a pronoun's words before
// anyone is named (""...," he said on Monday. ... The man who described
// the moment was Almaz Turgunbaev"): with no referent before it, "he" or
// "she" is the first person of that sex the next paragraphs name outside
// quotation marks.
func (d *doc) personNamedAfter(at int, pron string, accept func(ref) bool) (ref, bool) {
	if pron != "he" && pron != "she" {
		return ref{}, false
	}
	// (Only where no one at all is named before: a person named before,
	// even one no rule reads as the referent, is read by later steps.)
	for k := 0; k < at; k++ {
		if e := d.entityAt(k); e >= 0 && d.ents[e].Type == "PERSON" {
			return ref{}, false
		}
	}
	// The next sentence that opens on "The" and a person's noun introduces
	// the one who spoke: a name the sentence equates with the noun ("The
	// man who described the moment was Almaz Turgunbaev", "The speaker,
	// Rodrigo Mamani, is a miner") is that person. With no name there
	// ("The worker, a welder, lost his job") the quote keeps no speaker:
	// taking the noun, or the first person named, gave wrong speakers
	// more often than right ones.
	last := d.paraOf(at) + 3
	for k := at + 1; k+1 < len(d.toks) && int(d.toks[k].para) <= last; k++ {
		if d.toks[k].inQ || d.sentenceStart(k) != k || !d.isWord(k) || d.toks[k].low != "the" {
			continue
		}
		h := k + 1
		for h < len(d.toks) && h <= k+3 && d.isWord(h) && !d.toks[h].capit && !d.lex.in("personnouns", d.toks[h].low) && !d.lex.in("personheads", d.toks[h].low) {
			h++
		}
		if !d.isWord(h) || d.toks[h].capit || !(d.lex.in("personnouns", d.toks[h].low) || d.lex.in("personheads", d.toks[h].low)) || !d.genderOK(pron, d.toks[h].low) {
			continue
		}
		for x := h + 1; x < len(d.toks) && !d.toks[x].sentEnd && x <= h+30; x++ {
			e := d.entityAt(x)
			if e < 0 || d.ents[e].Type != "PERSON" || d.mentionEnd(x) != x || d.toks[x].inQ {
				continue
			}
			if d.copulaBefore(x, h) || d.nameInApposition(h, x) {
				c, ok := d.candidateAt(x, pron)
				if ok && c.r.typ == SpeakerPerson && properName(c.r.name) && (accept == nil || accept(c.r)) {
					return c.r, true
				}
			}
			break
		}
		return ref{}, false
	}
	return ref{}, false
}

// openingPossessor reads "In Leyla Haddad's case, she decided": a
// person named in the possessive in the phrase that opens the sentence,
// right before the pronoun at and its comma, is who the pronoun is.
func (d *doc) openingPossessor(at int, pron string, accept func(ref) bool) (ref, bool) {
	if at < 2 || !d.isPunct(at-1, ",") {
		return ref{}, false
	}
	s0 := d.sentenceStart(at)
	if s0 >= at-2 || !d.isWord(s0) || !d.prepositionWord(d.toks[s0].low) {
		return ref{}, false
	}
	for k := at - 2; k > s0; k-- {
		if d.toks[k].inQ || !d.isWord(k) && !d.isPunct(k, "'") && !d.isPunct(k, "’") {
			return ref{}, false
		}
		if !d.possessive(k) {
			continue
		}
		if c, ok := d.candidateAt(k, pron); ok && c.r.typ == SpeakerPerson && (accept == nil || accept(c.r)) {
			return c.r, true
		}
		return ref{}, false
	}
	return ref{}, false
}

// cuePronounSpeaker returns the speaker of an attributed quote whose
// closing mark is just before the pronoun at k (`"...," he said`), while
// no quote read since has another speaker.
func (d *doc) cuePronounSpeaker(k int) (ref, bool) {
	if k < 1 || d.toks[k-1].kind != kMark {
		return ref{}, false
	}
	for j, q := range d.qs {
		if q.close != k-1 {
			continue
		}
		if !q.done || !q.spk.ok() || !strings.HasPrefix(q.rule, "cue_after") {
			break
		}
		// (`"...," she recalls him saying`: the pronoun is the teller's.)
		if q.teller.ok() {
			return q.teller, true
		}
		// Only while no one else has spoken since: a speaker between
		// is one the pronoun may stand for, known or not.
		for _, o := range d.qs[j+1:] {
			if o.open >= d.resolving {
				break
			}
			if o.spk.ok() && o.spk.name != q.spk.name {
				return ref{}, false
			}
		}
		return q.spk, true
	}
	return ref{}, false
}

// quotedOnly reports whether every word of paragraph p is inside a quote.
func (d *doc) quotedOnly(p int) bool {
	for k := d.paras[p].t0; k < d.paras[p].t1; k++ {
		if d.toks[k].kind == kWord && !d.toks[k].inQ {
			return false
		}
	}
	return true
}

// sentences counts the sentences of paragraph p.
func (d *doc) sentences(p int) int {
	n := 0
	for k := d.paras[p].t0; k < d.paras[p].t1; k++ {
		if d.toks[k].sentEnd {
			n++
		}
	}
	return max(n, 1)
}

func (d *doc) paraOf(at int) int {
	if at >= 0 && at < len(d.toks) {
		return int(d.toks[at].para)
	}
	return len(d.paras) - 1
}

func (d *doc) windowStart(at int) int {
	pi := d.paraOf(at) - window
	if pi < 0 {
		pi = 0
	}
	return d.paras[pi].t0
}

// candidateAt reports whether token k ends a referent compatible with pron.
func (d *doc) candidateAt(k int, pron string) (candidate, bool) {
	t := d.toks[k]
	if t.kind != kWord || t.inQ {
		return candidate{}, false
	}
	want := pronounWants(pron)
	if r, ok := d.spkAt[k]; ok {
		// ("...," he says. ... "...," she says: one the article called
		// "he" is no "she".)
		if s := d.sexOf[r.name]; s != "" && (pron == "he" || pron == "she") && s != pron {
			return candidate{}, false
		}
		if want.has(r.typ) && d.nameSexOK(pron, r.name) {
			// "She said an executive had assured her that "...."": the
			// speaker of relayed words is no subject of the main clause.
			if d.reportedSubject(k) {
				return candidate{r: r, rank: rankOther}, true
			}
			// "disagreed with Peter Lindqvist of Morningstar, who had
			// described Boeing as "...". "...," he said": a speaker named
			// as the object of a preposition is no clause subject.
			// ("Minister in the Ministry of Finance Colin Marsh said": a
			// name right before its verb of saying is that verb's subject,
			// whatever its title holds.)
			if b, ok := d.prepositionBefore(d.mentionStart(k)); ok && !d.passiveAgentAt(b) && d.cueAt(k+1) == 0 {
				return candidate{r: r, rank: rankOther}, true
			}
			return candidate{r: r, rank: rankSubject}, true
		}
		return candidate{}, false
	}
	// `"...," he said. [...] "...," he said`: the pronoun of an earlier
	// quote's cue stands for that quote's speaker; so does an
	// organisation's (`"...," it said` paragraph after paragraph of a
	// company's report).
	if t.low == pron && (pron == "he" || pron == "she" || pron == "it") {
		if r, ok := d.cuePronounSpeaker(k); ok && (pron != "it" || !d.otherBodyOrPlace(k, d.resolving, r.name)) {
			return candidate{r: r, rank: rankSubject}, true
		}
	}
	// "She said ... . "...," she said": a subject pronoun of the same
	// person stands for its own referent, ahead of the phrases after it.
	if t.low == pron && (pron == "he" || pron == "she") && d.subjectPosition(k) {
		// "asked Diego Silva whether he would play": the one asked.
		// (The pronoun is its clause's subject, and so, in the chain, is
		// the one asked: "A reporter from the daily asked Ada Brook whether
		// she ... "...," she said".)
		if o := d.askedObject(k); o >= 0 {
			c, ok := d.candidateAt(o, pron)
			if ok {
				c.rank = rankSubject
			}
			return c, ok
		}
		r, seen := d.prons[k]
		if !seen {
			if d.prons == nil {
				d.prons = map[int]ref{}
			}
			d.prons[k] = ref{} // a chain never comes back to k, but say so
			// ("Solberg, he said, was ...": the interrupted subject is
			// no more this pronoun's referent in a chain than alone.)
			var accept func(ref) bool
			if x, ok := d.interruptedSubject(k, pron); ok {
				accept = notNamed(x)
			}
			r = d.resolveWhere(k, pron, accept)
			d.prons[k] = r
		}
		if r.ok() {
			return candidate{r: r, rank: rankSubject}, true
		}
		return candidate{}, false
	}
	next := k + 1
	nextCap := next < len(d.toks) && d.isWord(next) && d.toks[next].capit
	if e := d.entityAt(k); e >= 0 {
		// A place or a nationality is never the referent of a speaker's pronoun.
		if d.isPlace(e) || d.ents[e].Type == "NORP" {
			return candidate{}, false
		}
		// Only the last token of the mention, so one mention is one candidate.
		if nextCap && d.entityAt(next) == e {
			return candidate{}, false
		}
		if d.modifier(next) && !d.possessive(k) { // "Fraser's appearance": a possessor, not a modifier
			return candidate{}, false
		}
		r := d.entityRef(e, k)
		if !want.has(r.typ) || !d.genderOK(pron, strings.ToLower(strings.Join(d.ents[e].Titles, " "))) || !d.nameSexOK(pron, d.ents[e].Name) {
			return candidate{}, false
		}
		s := d.mentionStart(k)
		// ("The book, Tierra y Gol, was published": a thing's name.)
		if d.thingApposition(k) {
			return candidate{}, false
		}
		if d.askerHere(s) { // "Asked by Ada Brook whether ..., he said": the asker
			return candidate{}, false
		}
		// ("under the criteria of the International Union for Conservation
		// of Nature (IUCN)": a short form in brackets stands where its full
		// name does, which is read in its own place.)
		if d.isPunct(s-1, "(") && d.isPunct(k+1, ")") && s-2 >= 0 && d.entityAt(s-2) == e {
			return candidate{}, false
		}
		// "told the BBC", "posted a video on Instagram": the outlet or
		// platform words went through is not who "the group" is.
		if r.typ == SpeakerOrg && d.mediumAt(s) {
			return candidate{}, false
		}
		return candidate{r: r, rank: d.rankAt(s, k)}, true
	}
	if t.capit && d.lex.in("temporal", t.low) {
		return candidate{}, false
	}
	if t.capit {
		// "Rep. Jody Hice (R-Ga.)": a party-and-state tag is no referent;
		// nor is a code with digits that is no entity ("FY21", "Q3").
		// (Nor "I", "I'm", "I've": the first person, capitalised.)
		if d.partyTag(k) || d.inPartyBracket(k) || strings.ContainsAny(t.low, "0123456789") || firstPerson(t.low) {
			return candidate{}, false
		}
		// "the Leeds-based company": an adjective made from a name.
		if d.nameAdjective(k) {
			return candidate{}, false
		}
		// "a UN rapporteur": a capitalised modifier of a role noun is not the referent.
		if nextCap || (d.modifier(next) && !d.possessive(k)) { // "Fraser's appearance": a possessor, not a modifier
			return candidate{}, false
		}
		// (A name's run ends with its paragraph and its sentence: "Craig
		// McDean/GQ" as a photo credit, then "Gosling is".)
		s := k
		for s > 0 && d.isWord(s-1) && (d.toks[s-1].capit || connector(d.toks[s-1].low)) && !d.toks[s-1].inQ && d.toks[s-1].para == t.para && !d.toks[s-1].sentEnd {
			s--
		}
		for s < k && (d.lex.in("determiners", d.toks[s].low) || d.lex.in("clause", d.toks[s].low) ||
			d.lex.in("prepositions", d.toks[s].low) || d.lex.in("pronouns", d.toks[s].low) || d.lex.in("adverbs", d.toks[s].low)) {
			s++
		}
		if d.lex.in("pronouns", t.low) || d.lex.in("determiners", t.low) || d.lex.in("clause", t.low) || d.lex.in("prepositions", t.low) {
			return candidate{}, false
		}
		// ("Meghan, Duchess of Sussex,", "the Bishop of Durham": the
		// place after a title's "of" is the title's, no referent.)
		if d.isWord(s-1) && d.toks[s-1].low == "of" && d.isWord(s-2) && d.toks[s-2].capit && d.isTitle(d.toks[s-2].low) {
			return candidate{}, false
		}
		// "The agency (Inamu) filed": a name in brackets after a phrase is
		// that phrase's short form, no referent of its own.
		if d.isPunct(s-1, "(") && d.isPunct(k+1, ")") {
			return candidate{}, false
		}
		// ("The book, Tierra y Gol, was published": a thing's name set
		// off by commas.)
		if d.isPunct(k+1, ",") && d.thingAppositionAt(s) {
			return candidate{}, false
		}
		// "Maura Lin of the Pulsar Timing Array": a run joined to a
		// person's name is that person's body, not a second referent.
		for i := s; i < k; i++ {
			if d.personAt(i) >= 0 {
				return candidate{}, false
			}
		}
		// A lone capitalised word that opens a sentence is most often not a
		// name; a group noun there ("Residents of the valley") is a group.
		if s == k && d.sentStart(k) && len(d.names[foldWord(t.low)]) == 0 {
			if d.lex.in("groupheads", t.low) && want.has(SpeakerGroup) {
				return candidate{r: d.descRef(k, k), rank: rankSubject}, true
			}
			return candidate{}, false
		}
		// "Arun Mehta, a BJP MP,", "Tariq Mahmood, the MP,": a title in a
		// description in apposition stands for the name before it.
		if d.isTitle(t.low) && d.isWord(s-1) && (d.toks[s-1].low == "a" || d.toks[s-1].low == "an" || d.toks[s-1].low == "the") && d.isPunct(s-2, ",") && d.personAt(s-3) >= 0 {
			return d.candidateAt(s-3, pron)
		}
		allTitle := true
		for i := s; i <= k; i++ {
			allTitle = allTitle && d.isTitle(d.toks[i].low)
		}
		if allTitle {
			// "the Defence Secretary" renames someone near; with no one
			// named under that title, the office speaks ("the Prime
			// Minister said ... he told NHK").
			// "the Governor of Lamu": the office keeps its capitalised complement.
			end := k
			for e := k + 2; e <= k+6 && e < len(d.toks); e++ {
				if _, ok := d.officeOf(s, e); ok {
					end = e
				}
			}
			if !want.has(SpeakerPerson) || !d.isWord(s-1) || d.toks[s-1].low != "the" || !d.genderOK(pron, strings.ToLower(d.body[d.toks[s].s:t.e])) ||
				end == k && d.isWord(k+1) && d.toks[k+1].low == "of" || d.askerHere(s) || d.rankAt(s, end) != rankSubject {
				return candidate{}, false // "including the Crown of Thorns"
			}
			r := d.resolveDescription(k)
			if end > k && (!r.ok() || r.via == "" || !properName(r.name)) {
				return candidate{r: ref{name: d.body[d.toks[s].s:d.toks[end].e], typ: SpeakerPerson, head: k}, rank: rankOther}, true
			}
			// The office that is the subject of the sentence right before
			// the pronoun's, or of its own, is its referent ("The Prime
			// Minister congratulated the team. "...," he wrote"), ahead of
			// a person named before.
			near := d.resolving > end && d.sentencesBetween(end, d.resolving) <= 1
			if !r.ok() || r.via == "" && !properName(r.name) {
				if near {
					return candidate{r: ref{name: d.body[d.toks[s].s:t.e], typ: SpeakerPerson, head: k}, rank: rankSubject}, true
				}
				return candidate{}, false
			}
			if !properName(r.name) || strings.EqualFold(r.name, d.toks[k].low) {
				r = ref{name: d.body[d.toks[s].s:t.e], typ: SpeakerPerson, head: k}
			}
			// A referent of last resort: a person named nearer, or a
			// subject before, is more likely the one meant; not so for
			// the subject of the sentence right before (near).
			if near {
				return candidate{r: r, rank: rankSubject}, true
			}
			return candidate{r: r, rank: rankOther}, true
		}
		// With the entities given, a capitalised run that is no entity and
		// starts with no given name is no person "he" or "she" means ("the
		// Second World War").
		if (pron == "he" || pron == "she") && len(d.ents) > 0 && s < k && !d.lex.in("malename", d.toks[s].low) && !d.lex.in("femalename", d.toks[s].low) && !d.givenInFullOther(t.low, k-s+1) {
			return candidate{}, false
		}
		// With the entities given, an acronym that is none ("GDP", "CEO")
		// is no organisation "it" means ("the bleakest forecasts on GDP yet.
		// "...," it said").
		if pron == "it" && len(d.ents) > 0 && s == k && len(t.low) >= 2 && strings.ToUpper(d.body[t.s:t.e]) == d.body[t.s:t.e] {
			return candidate{}, false
		}
		// Nor is one after "the" ("Marta Quill of the Greens"): a person's
		// name takes no article. (For a description's referent, only a
		// lower-case "the": "U2 guitarist The Edge" is a name.)
		if (pron == "he" || pron == "she" || pron == "person") && len(d.ents) > 0 && s == k && d.isWord(k-1) && d.toks[k-1].low == "the" && !(pron == "person" && d.toks[k-1].capit) && !d.givenInFull(t.low) {
			return candidate{}, false
		}
		// Nor one after a place and its comma, before an abbreviation's
		// full stop ("a rally in Austin, Tex., with"): the place's state.
		// (Not the subject after an opening phrase: "In a speech in
		// San Francisco, Gates spoke", "Speaking in Oslo, Hansen, the
		// foreign minister, urged".)
		if s == k && d.isPunct(s-1, ",") && d.placeBefore(s-1) && d.isPunct(k+1, ".") && !d.toks[k+1].sentEnd {
			return candidate{}, false
		}
		r := d.nameRef(s, k)
		if !want.has(r.typ) || !d.genderOK(pron, strings.ToLower(d.body[d.toks[s].s:t.e])) && d.pronounSex(r.name) == "" || !d.nameSexOK(pron, r.name) {
			return candidate{}, false
		}
		// "The Keys closed" after "the Florida Keys": a short form of a
		// place is no more a referent than the place.
		if d.placeNamed(r.name) {
			return candidate{}, false
		}
		if d.askerHere(s) {
			return candidate{}, false
		}
		rank := d.rankAt(s, k)
		// ("Jones runs Beechmont", "who follows Amazon": one capitalised
		// word right after a lower-case word that is no determiner,
		// preposition, clause word or noun for a person is a verb's
		// object, whatever verbs the lists know.)
		if s == k && rank == rankSubject && d.isWord(k-1) && !d.toks[k-1].capit && !d.toks[k-1].inQ && !d.invertedCueSubject(s) {
			w := d.toks[k-1].low
			if !d.lex.in("determiners", w) && !d.lex.in("prepositions", w) && !d.lex.in("clause", w) && !d.lex.in("adverbs", w) &&
				!d.roleWord(w) && !d.lex.in("personnouns", w) && !d.lex.in("personheads", w) && !d.lex.in("groupheads", w) && !d.isTitle(w) {
				rank = rankOther
			}
		}
		// "published in Nature": one capitalised word that is no entity,
		// no name the article gives in full, and no subject is more
		// likely a journal, a work or a place than the person "she" means.
		if s == k && rank != rankSubject && (pron == "he" || pron == "she") && !d.givenInFull(t.low) && !d.lex.in("malename", t.low) && !d.lex.in("femalename", t.low) {
			return candidate{}, false
		}
		// "Actor Tom Vale's appearance": a possessor is a referent of last resort.
		return candidate{r: r, rank: rank}, true
	}
	// "Hundreds of depositors gathered. They shouted": a counted plural
	// is a group "they" may mean.
	if !t.capit && want.has(SpeakerGroup) && !d.lex.in("groupheads", t.low) && d.pluralPeople(k) {
		if s := d.countedFrom(k); s >= 0 {
			return candidate{r: ref{name: d.countedName(s, k), typ: SpeakerGroup, head: k}, rank: d.rankAt(s, k)}, true
		}
	}
	// ("Ana Lind, who chairs the union": a verb after a relative pronoun.)
	if !t.capit && d.afterRelative(k) {
		return candidate{}, false
	}
	if d.lex.in("personheads", t.low) || d.lex.in("groupheads", t.low) || (d.lex.in("orgheads", t.low) && want.has(SpeakerOrg)) || d.personNounSubject(k, pron) {
		if nextCap || d.namedAfter(k) || d.namedAfterOf(k) {
			return candidate{}, false // "journalist Ada Brook", "a teacher named Ada Brook": the name is the referent
		}
		// ("puts her in the zone of woman of the moment": a singular noun
		// for a person with no determiner after "of" is a kind, no one.)
		if d.isWord(k-1) && d.toks[k-1].low == "of" && !d.toks[k-1].inQ && d.lex.in("personheads", t.low) && singularPerson(t.low) == t.low {
			return candidate{}, false
		}
		// "student union nights", "police cordon": a noun modifying the
		// noun after it is not the referent.
		if d.isWord(next) && !d.toks[next].capit && d.modifier(next) {
			return candidate{}, false
		}
		// "one of the bill's chief goals", "its principal aim": a role
		// that is also an adjective, before a noun, is no person.
		if (t.low == "chief" || t.low == "principal") && d.plainNoun(next) {
			return candidate{}, false
		}
		// "Her friend and fellow student, Ada Brook,": two roles of one
		// person; the second, before the apposition, stands for both.
		if d.isWord(k+1) && d.toks[k+1].low == "and" {
			for x := k + 2; x <= k+4 && d.isWord(x) && !d.toks[x].capit && !d.toks[x].inQ; x++ {
				if (d.lex.in("personheads", d.toks[x].low) || d.lex.in("personnouns", d.toks[x].low)) && d.isPunct(x+1, ",") {
					return candidate{}, false
				}
			}
		}
		// "His coach, Ada Brook, was": the name in apposition is the
		// referent, with the rank of the description's position; so is it
		// after the head's phrase ("a spokesman for the board, Ada Brook,").
		comma := d.afterHeadPhrase(k)
		if d.isPunct(comma, ",") {
			// ("according to her brother, Bikash Rai.": the apposition may
			// close the sentence.)
			// (Only after a preposition: "waited with her brother, Emre, and
			// a neighbour, Ali Demir." lists people around the subject.)
			stop := -1
			if _, ok := d.prepositionBefore(k); ok {
				for x := comma + 1; x < len(d.toks) && x <= comma+8; x++ {
					if d.isPunct(x, ".") {
						stop = x
						break
					}
				}
			}
			if e, _, end := d.appositionPersonTo(comma, stop); e >= 0 {
				r := d.entityRef(e, end)
				if want.has(r.typ) && d.genderOK(pron, strings.ToLower(r.name)) {
					a, _ := d.npEnd(k, d.windowStart(k))
					// ("said ... whether the driver, Kuldeep Kumar, had lost
					// control": not under a verb of saying.)
					return candidate{r: r, rank: rankOf(d.subjectPosition(a) && !d.reportedSubject(k), false)}, true
				}
				// "Her neighbour, Iain Ross,": the description is the
				// person named, whom "she" does not mean.
				return candidate{}, false
			}
		}
		a, _ := d.npEnd(k, d.windowStart(k))
		// ("A reporter asked Hale whether ... "...," he said": the asker.)
		if d.askerBefore(k) {
			return candidate{}, false
		}
		// "since becoming president", "served as mayor": a bare role after
		// a verb or "as" says what someone became, no one of its own.
		// ("who worked as his private secretary": also before the role's
		// modifiers; not "as the prime minister took the stage", where
		// "as" opens a clause.)
		// ("presented herself as the only candidate": after a reflexive
		// pronoun the role says what its subject is, with any determiner.)
		if d.isWord(k-1) && !d.toks[k-1].capit && becomeWord(d.toks[k-1].low) || a < k && d.isWord(a-1) && !d.toks[a-1].capit && d.toks[a-1].low == "as" &&
			(d.toks[a].low != "the" && d.toks[a].low != "this" && d.toks[a].low != "that" || d.isWord(a-2) && reflexive(d.toks[a-2].low)) {
			return candidate{}, false
		}
		// ("won the race, becoming the first woman to": nor after a
		// participle of becoming, with its determiner; "led Fox to become
		// one of the few black distillers": nor after "one of" or "among"
		// and a form of "become".)
		for x := a - 1; x < k && x >= 0; x++ {
			if d.isWord(x) && !d.toks[x].capit && (d.toks[x].low == "becoming" || d.toks[x].low == "became") {
				return candidate{}, false
			}
		}
		for x := a - 1; x >= 0 && x >= a-3 && d.isWord(x) && !d.toks[x].capit; x-- {
			if w := d.toks[x].low; w == "become" || w == "becomes" {
				return candidate{}, false
			}
			if w := d.toks[x].low; w != "of" && w != "one" && w != "among" {
				break
			}
		}
		// ("Irakadju Munduruku, a cacique, or chief, of the Munduruku": a
		// gloss after "or" stands for the noun it glosses.)
		if a == k && d.isWord(a-1) && d.toks[a-1].low == "or" && d.isPunct(a-2, ",") && d.isPunct(k+1, ",") && a-3 >= 0 && d.isWord(a-3) && !d.toks[a-3].capit {
			return d.candidateAt(a-3, pron)
		}
		// "Ada Brook, a UN rapporteur": a description in apposition stands for the name before it.
		// (Not a subject after a clause set before it: "Asked whether
		// the fans blamed their manager, the chairman shook his head.")
		if d.isPunct(a-1, ",") && a-2 >= 0 && !d.verbAfter(comma) {
			if c, ok := d.candidateAt(a-2, pron); ok {
				return c, true
			}
			// ("... with Rodrigo Alarcón, commander of the fire brigade.
			// "...," she said": the description is the man named, whom
			// "she" does not mean.)
			if d.personAt(a-2) >= 0 && (pron == "he" || pron == "she") {
				return candidate{}, false
			}
			// "Ada Brook said ... . The banker, a former Citibank
			// executive, said ...": the definite noun the description
			// stands beside is the person just named, as it would be
			// without the description.
			if h := a - 2; d.isWord(h) && !d.toks[h].capit && d.lex.in("personnouns", d.toks[h].low) && d.isWord(h-1) && d.toks[h-1].low == "the" &&
				d.subjectPosition(h-1) && d.noEarlierRole(h) {
				if r, ok := d.secondReference(h, h); ok && want.has(r.typ) && d.genderOK(pron, strings.ToLower(r.name)) {
					r.via, r.subj = "", false
					return candidate{r: r, rank: rankSubject}, true
				}
			}
			// "The 74-year-old, a retired school cook, said": so does an
			// age, for the person the article gave it.
			if h := a - 2; d.isWord(h) && ageNoun(d.toks[h].low) && d.isWord(h-1) && d.toks[h-1].low == "the" && d.subjectPosition(h-1) {
				if r := d.resolveDescription(h); r.ok() && properName(r.name) && want.has(r.typ) && d.genderOK(pron, strings.ToLower(r.name)) {
					r.via, r.subj = "", false
					return candidate{r: r, rank: rankSubject}, true
				}
			}
		}
		r := d.descRef(a, k)
		// ("A member of staff ... "...," she said": a member is of the
		// group the of-phrase names, which the description keeps.)
		if t.low == "member" && d.isWord(k+1) && d.toks[k+1].low == "of" {
			e := k + 2
			if d.isWord(e) && d.toks[e].low == "the" {
				e++
			}
			// (One noun, the phrase's end: not "a member of the public
			// health team".)
			if d.isWord(e) && !d.toks[e].capit && !d.toks[e].inQ && d.entityAt(e) < 0 && (!d.isWord(e+1) || d.cueAt(e+1) > 0 || d.toks[e+1].low == "who" || d.lex.in("prepositions", d.toks[e+1].low)) {
				r = ref{name: bareWord(d.body[d.toks[k].s:d.toks[e].e]), typ: SpeakerPerson, head: k}
			}
		}
		// ("A fisherman who gave only his nickname, Dodong, said": the
		// name the relative clause gives is the person's.)
		x := d.givenNameIn(k)
		// ("One voter in Kaiama, a trader who gave her name only as Mama
		// Risikat,": so in the description in apposition after it.)
		if cm := d.afterHeadPhrase(k); x < 0 && d.isPunct(cm, ",") && d.isWord(cm+1) && (d.toks[cm+1].low == "a" || d.toks[cm+1].low == "an") {
			for h2 := cm + 2; h2 <= cm+4 && d.isWord(h2) && !d.toks[h2].capit && !d.toks[h2].inQ; h2++ {
				if x = d.givenNameIn(h2); x >= 0 {
					break
				}
			}
		}
		if x >= 0 {
			y := x
			for d.isWord(y+1) && d.toks[y+1].capit && !d.toks[y+1].inQ {
				y++
			}
			r = ref{name: d.body[d.toks[x].s:d.toks[y].e], typ: SpeakerPerson, head: k}
		}
		// "The actress recalled" after "Actress Ada Brook": a definite
		// description stands for the person it renames.
		// So does "the authority said" after "the Civil Aviation
		// Authority grounded the fleet" for the organisation.
		// ("the former mayor argued": so with a word of tenure between.)
		tenured := a < k-1
		for x := a + 1; x < k && tenured; x++ {
			tenured = d.isWord(x) && !d.toks[x].capit && tenureWord(d.toks[x].low)
		}
		if (a == k-1 || tenured) && d.isWord(a) && d.toks[a].low == "the" && (d.lex.in("personheads", t.low) || d.lex.in("orgheads", t.low) && want.has(SpeakerOrg)) {
			if n := d.resolveDescription(k); n.ok() && n.via != "" && (properName(n.name) || n.typ == SpeakerOrg && bodyName(n.name)) && (d.lex.in("personheads", t.low) || n.typ == SpeakerOrg) {
				n.via = ""
				r = n
			}
		}
		// "...," said Hauwa Musa, a tailor. The mother of three said she
		// would vote again": a definite noun for a person the article has
		// not used before, as the subject right after a person is named,
		// renames that person.
		// (Only a noun that describes, not a role someone else may hold:
		// "The mayor said she would visit" after a resident's words is the
		// mayor.)
		if !properName(r.name) && a == k-1 && d.isWord(a) && d.toks[a].low == "the" && d.subjectPosition(a) && d.noEarlierRole(k) && !d.pluralPeople(k) && d.describingNoun(k) {
			if n, ok := d.renamedPerson(k); ok && want.has(n.typ) && d.genderOK(pron, strings.ToLower(n.name)) && d.genderOK(pron, t.low) && d.nameSexOK(pron, n.name) {
				n.via, n.subj = "", false
				r = n
			}
		}
		// "The 52-year-old minister dismissed the criticism. "...," she
		// said", "The veteran minister ...": a description with modifiers
		// that keep the person stands, as a subject, for whom it renames
		// after a cue.
		if !properName(r.name) && !tenured && a < k-1 && d.isWord(a) && d.toks[a].low == "the" && d.subjectPosition(a) &&
			(d.lex.in("personheads", t.low) || d.lex.in("personnouns", t.low)) && !d.pluralPeople(k) {
			if n := d.speakerFromNP(a, k); n.ok() && properName(n.name) && n.typ == SpeakerPerson {
				n.via, n.subj = "", false
				r = n
			}
		}
		// "The government of Northland": the organisation keeps its name.
		if e := d.orgOf(k, len(d.toks)); e > k {
			if o := d.speakerFromNP(a, e); o.ok() {
				r = o
			}
		}
		if !want.has(r.typ) || !d.genderOK(pron, strings.ToLower(r.name)) {
			return candidate{}, false
		}
		if d.askerHere(a) {
			return candidate{}, false
		}
		// ("His father, Ng Chi-wah, told the paper ... when their son first
		// started playing": the subject of a clause of time or cause inside
		// what a person or body named before it reported ranks below them,
		// as a name's does.)
		rank := rankOf(d.subjectPosition(a) && !d.reportedSubject(k), false)
		if rank == rankSubject && d.subordinateSubject(a) && d.cueBetweenNameAnd(a) {
			rank = rankSubordinate
		}
		return candidate{r: r, rank: rank, indefinite: d.isWord(a) && (d.toks[a].low == "a" || d.toks[a].low == "an")}, true
	}
	// "The 29-year-old thanked her coach": an age as a subject stands for
	// the person the article gave it.
	if ageNoun(t.low) && d.isWord(k-1) && d.toks[k-1].low == "the" && want.has(SpeakerPerson) && d.subjectPosition(k-1) {
		if n := d.resolveDescription(k); n.ok() && n.etype == "PERSON" && d.genderOK(pron, strings.ToLower(n.name)) && !d.askerHere(k-1) {
			n.via = ""
			return candidate{r: n, rank: rankOf(!d.reportedSubject(k), false)}, true
		}
	}
	// "The winger said he was excited" after "the winger Tavita Leiataua":
	// a definite noun for a kind of person, as a subject, stands for the
	// person the article named under it.
	if d.lex.in("personnouns", t.low) && !nextCap && d.isWord(k-1) && d.toks[k-1].low == "the" && want.has(SpeakerPerson) && d.subjectPosition(k-1) {
		if n := d.resolveDescription(k); n.ok() && n.via != "" && properName(n.name) && d.genderOK(pron, strings.ToLower(n.name)) && !d.askerHere(k-1) {
			n.via = ""
			return candidate{r: n, rank: rankOf(!d.reportedSubject(k), false)}, true
		}
		// "Asked by a journalist about his injury, the striker shrugged.
		// "...," he said": the subject of the main clause after a
		// question put is the one who answers, named or not.
		if d.askedOpenerOf(k-1) < 0 && d.isPunct(k-2, ",") {
			s := d.sentenceStart(k)
			if d.isWord(s) && d.askedOpener(s) && d.genderOK(pron, t.low) && d.verbAfter(k+1) {
				if r, ok := d.secondReference(k, k); ok && d.genderOK(pron, strings.ToLower(r.name)) {
					r.via, r.subj = "", false
					return candidate{r: r, rank: rankSubject}, true
				}
				// (Else the person the article was about before the
				// question, not its asker; else the description.)
				if r := d.resolveWhere(s, pron, func(r ref) bool { return r.typ == SpeakerPerson && properName(r.name) }); r.ok() {
					r.via, r.subj = "", false
					return candidate{r: r, rank: rankSubject}, true
				}
				return candidate{r: d.descRef(k, k), rank: rankSubject}, true
			}
		}
	}
	return candidate{}, false
}

// typeSet is a set of speaker types.
type typeSet uint8

func (s typeSet) has(typ string) bool {
	switch typ {
	case SpeakerPerson:
		return s&1 != 0
	case SpeakerOrg:
		return s&2 != 0
	case SpeakerGroup:
		return s&4 != 0
	}
	return false
}

// pronounWants gives the speaker types a pronoun can stand for.
func pronounWants(p string) typeSet {
	switch p {
	case "they", "them", "their":
		return 2 | 4
	case "it", "its":
		return 2
	case "we":
		return 1 | 2 | 4
	}
	return 1
}

// genderOK rejects a referent whose description says the other gender: a
// gendered word anywhere ("spokeswoman"), or a given name of the other sex
// as its first word after titles ("Emily Brook" against "he").
func (d *doc) genderOK(pron, desc string) bool {
	var other, otherName string
	switch pron {
	case "she", "her":
		other, otherName = "male", "malename"
	case "he", "him", "his":
		other, otherName = "female", "femalename"
	default:
		return true
	}
	f := strings.Fields(desc)
	// ("Paul Roe's sister", "the girls' father": the possessor is someone
	// else, whose sex says nothing of the one described.)
	for i := len(f) - 2; i >= 0; i-- {
		if w := f[i]; strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’") {
			f = f[i+1:]
			break
		}
	}
	// A name that marks its bearer's sex says more than the lists, which
	// read its first word as a given name ("Nguyen" opens women's names too).
	if m := nameMarksSex(f); m != "" {
		return m == pronounOfSex(pron)
	}
	first := true
	for _, w := range f {
		if d.lex.in(other, w) {
			return false
		}
		if first && !d.isTitle(w) {
			first = false
			// ("Siobhán": the lists write names without accents.)
			if d.lex.in(otherName, w) || hasNonASCII(w) && d.lex.in(otherName, foldWord(w)) {
				return false
			}
		}
	}
	return true
}

// namedBodyBefore is the named organisation, of the kind the noun head
// names, that the article was about before the sentence of token h.
func (d *doc) namedBodyBefore(h int, head string) ref {
	if r := d.resolveWhere(d.sentenceStart(h), "it", func(r ref) bool { return d.orgKindOK(head, r.name) && (r.etype != "" || properName(r.name)) }); r.ok() {
		return r
	}
	return d.onlyBodyCalled(h, head)
}

// onlyBodyCalled reads "Scientists at the University of Oslo found ...
// (two paragraphs of its people) ... The university said": past the
// pronouns' window, the noun renames the one organisation named before
// it, within descWindow paragraphs, whose own name holds the noun; none
// when two such were named.
//
// (Not when the article described such a body in lower case before: "The
// local council in Dunmore closed the theatre, funded by Arts Council
// England ... The council said" is Dunmore's.)
func (d *doc) onlyBodyCalled(h int, head string) ref {
	found, at := -1, -1
	for k := d.paras[max(0, d.paraOf(h)-descWindow)].t0; k < d.sentenceStart(h); k++ {
		if !d.isWord(k) || d.toks[k].inQ {
			continue
		}
		// ("Ethiopian Airlines ... the airline said": a body's name may
		// hold the noun in the plural.)
		// (Only as the head of the name, its last word before no "of":
		// "the Formula One Teams Association", "the Federation of Trade
		// Unions" are no team and no union.)
		if w := foldWord(d.toks[k].low); w != head && !(d.toks[k].capit && w == head+"s" && d.entityAt(k) >= 0 && d.entityAt(k+1) != d.entityAt(k) && !d.ofInName(k)) {
			continue
		}
		e := d.entityAt(k)
		if e < 0 && !d.toks[k].capit && !(d.isWord(k+1) && d.lex.in("docheads", d.toks[k+1].low)) {
			return ref{}
		}
		if e < 0 || d.ents[e].Type != "ORG" {
			continue
		}
		if found >= 0 && found != e {
			return ref{}
		}
		found, at = e, d.mentionTail(k)
	}
	if found < 0 {
		return ref{}
	}
	return d.entityRef(found, at)
}

// ofInName reports an "of" inside the entity mention that token k ends,
// before k.
func (d *doc) ofInName(k int) bool {
	e := d.entityAt(k)
	for x := k - 1; x >= 0 && d.entityAt(x) == e; x-- {
		if d.toks[x].low == "of" {
			return true
		}
	}
	return false
}

// otherBodyInSentence reports an organisation other than the one at token
// k named in k's sentence ("HSBC and Barclays cut rates").
func (d *doc) otherBodyInSentence(k int) bool {
	s := d.sentenceStart(k)
	e := s
	for e < len(d.toks) && (e == s || !d.toks[e-1].sentEnd) {
		e++
	}
	return d.otherBodyIn(s, e, d.entityAt(k))
}

// twoBodiesBefore reports two organisations named in the sentence before
// the one of token h.
func (d *doc) twoBodiesBefore(h int) bool {
	s := d.sentenceStart(h)
	return s > 0 && d.otherBodyIn(d.sentenceStart(s-1), s, -1)
}

// otherBodyIn reports an organisation named in tokens [lo, hi) other than
// the entity e0; with e0 < 0, other than the first one named there.
func (d *doc) otherBodyIn(lo, hi, e0 int) bool {
	for x := lo; x < hi; x++ {
		if e := d.entityAt(x); e >= 0 && d.ents[e].Type == "ORG" {
			if e0 >= 0 && e != e0 {
				return true
			}
			if e0 < 0 {
				e0 = e
			}
		}
	}
	return false
}

// givenNameIn returns the first token of the name a relative clause after
// the noun at k gives ("who gave only his first name, Dodong,", "who
// gave her name as Ruth"), or -1.
func (d *doc) givenNameIn(k int) int {
	if !d.isWord(k+1) || d.toks[k+1].low != "who" {
		return -1
	}
	// (Only a name the person gave as their own: "who gave only his
	// first name", not "who shouted the player's name, Mbappé,".)
	gave := false
	for c := k + 2; c < len(d.toks) && c <= k+9 && d.isWord(c) && !d.toks[c].inQ; c++ {
		switch w := d.toks[c].low; w {
		case "gave", "gives", "give", "giving", "identified", "uses", "used", "goes":
			gave = true
			continue
		case "name", "nickname", "surname", "names":
		default:
			continue
		}
		if !gave || !d.isWord(c-1) || !(d.toks[c-1].low == "his" || d.toks[c-1].low == "her" || d.toks[c-1].low == "their" || d.toks[c-1].low == "first" || d.toks[c-1].low == "given" || d.toks[c-1].low == "last") {
			return -1
		}
		switch {
		case d.isPunct(c+1, ",") && d.isWord(c+2) && d.toks[c+2].capit:
			return c + 2
		case d.isWord(c+1) && d.toks[c+1].low == "as" && d.isWord(c+2) && d.toks[c+2].capit:
			return c + 2
		case d.isWord(c+2) && d.toks[c+1].low == "only" && d.toks[c+2].low == "as" && d.isWord(c+3) && d.toks[c+3].capit:
			return c + 3 // "gave her name only as Mama Risikat"
		}
		return -1
	}
	return -1
}

// personNounSubject reports a singular noun for a kind of person (not a
// role) at k that heads an indefinite subject opening its sentence, with a
// verb of saying after it, for "he" or "she": "A firefighter said the
// teams were exhausted. "...," he said."
func (d *doc) personNounSubject(k int, pron string) bool {
	if pron != "he" && pron != "she" || d.toks[k].capit || !d.lex.in("personnouns", d.toks[k].low) || d.pluralPeople(k) {
		return false
	}
	// (Only a new person the sentence opens with, who speaks in it: not
	// "the widow of a soldier", "a recent spate of child ...".)
	a, _ := d.npEnd(k, d.windowStart(k))
	if a > k || !d.isWord(a) || d.toks[a].low != "a" && d.toks[a].low != "an" {
		return false
	}
	// ("Outside, a young porter refused a tip.": past a short opening
	// phrase set off by its comma.)
	opened := a != d.sentenceStart(k)
	if opened && !d.shortOpenerBefore(a) {
		return false
	}
	rel := false // past a relative clause ("A fisherman who gave only his nickname, Dodong, said")
	for c := k + 1; c < len(d.toks) && c <= k+16 && !d.toks[c].inQ; c++ {
		if d.cueAt(c) > 0 {
			return true
		}
		rel = rel || d.isWord(c) && d.toks[c].low == "who"
		// ("An employee of the council, he told reporters": a phrase set
		// before the subject describes it.)
		if !rel && d.isPunct(c, ",") && d.isWord(c+1) && (d.toks[c+1].capit || d.toks[c+1].low == "he" || d.toks[c+1].low == "she") {
			return false
		}
		// ("A fisherman who gave only his nickname, Dodong, said": the
		// name the clause gives is the person.)
		if rel && d.isPunct(c, ",") && d.personAt(c+1) >= 0 {
			return false
		}
		if d.toks[c].sentEnd {
			// ("A young porter refused to take a tip. "Keep it," he said":
			// or in the next sentence, which opens with the pronoun's
			// quote: the new person is who the words follow.)
			// (Of the pronoun's sex: not "a young waitress", nor "a cook
			// chopped onions as fast as she could" for "he". Nor after a
			// quote or a person named in its own paragraph: `"...," said
			// owner Frank Doyle. Inside, a young waiter poured coffee.
			// "...," he said` goes on with Doyle, and so does `Senator
			// Paul Vance toured the street. A firefighter pointed at the
			// ruins. "...," he said` with Vance.)
			at := d.resolving
			return at > c && !rel && d.sentencesBetween(c, at) == 1 && d.quoteOpensSentence(at) &&
				d.genderOK(pron, d.toks[k].low) && !d.otherSexIn(pron, a, c) && !d.hasMark(d.paras[d.paraOf(a)].t0, a) && !d.personBetween(d.paras[d.paraOf(a)].t0, a)
		}
	}
	return false
}

// negContraction reports a negative contraction ("wasn't", "didn’t").
func negContraction(w string) bool {
	return strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n\u2019t")
}

// otherSexIn reports a pronoun of the other sex than pron ("he" or "she")
// in tokens [lo, hi).
func (d *doc) otherSexIn(pron string, lo, hi int) bool {
	for x := lo; x < hi; x++ {
		if !d.isWord(x) {
			continue
		}
		switch d.toks[x].low {
		case "she", "her", "hers", "herself":
			if pron == "he" {
				return true
			}
		case "he", "him", "his", "himself":
			if pron == "she" {
				return true
			}
		}
	}
	return false
}

// shortOpenerBefore reports a phrase of at most four words and its comma
// before token a, opening a's sentence, that names no one ("Outside,",
// "Later that night,").
func (d *doc) shortOpenerBefore(a int) bool {
	s := d.sentenceStart(a)
	if !d.isPunct(a-1, ",") || a-1-s < 1 || a-1-s > 4 {
		return false
	}
	for x := s; x < a-1; x++ {
		if !d.isWord(x) || d.toks[x].inQ || d.entityAt(x) >= 0 {
			return false
		}
	}
	return true
}

// quoteOpensSentence reports that the sentence of token at opens with a
// quotation mark.
func (d *doc) quoteOpensSentence(at int) bool {
	s := d.sentenceStart(at)
	return s >= 0 && s < len(d.toks) && (d.toks[s].kind == kMark || d.toks[s].inQ)
}

// nameMarksSex returns "he" or "she" for the words of a lower-cased
// person's name whose own form tells the sex, else "": a word that says
// "daughter of" (Malay "binti", Arabic "bint", Malaysian Indian "a/p") or
// "son of" (Maasai "ole", Malaysian Indian "a/l"), a female East Slavic patronymic
// ("Petrovna"), an Icelandic "-dóttir", or the Vietnamese middle names
// "Thi" and "Van" after a family name. (Not "bin" nor "-ovich": family
// names carry them too, "Noor bin Ladin", "Anna Petrovich".)
func nameMarksSex(f []string) string {
	for i, w := range f {
		inner := i > 0 && i < len(f)-1
		switch {
		case inner && (w == "a/l" || w == "s/o" || w == "ole"):
			return "he"
		case inner && (w == "binti" || w == "binte" || w == "bint" || w == "bte" || w == "a/p" || w == "d/o"):
			return "she"
		case inner && (strings.HasSuffix(w, "ovna") || strings.HasSuffix(w, "evna") || strings.HasSuffix(w, "ichna")):
			return "she"
		case i == len(f)-1 && i > 0 && (strings.HasSuffix(w, "dóttir") || strings.HasSuffix(w, "dottir")):
			return "she"
		case i == 1 && len(f) >= 3 && w == "thi" && vietFamily(f[0]):
			return "she"
		case i == 1 && len(f) >= 3 && w == "van" && vietFamily(f[0]):
			return "he"
		}
	}
	return ""
}

// vietFamily reports one of the most common Vietnamese family names, which
// open a Vietnamese name (written without diacritics or with them).
func vietFamily(w string) bool {
	switch foldWord(w) {
	case "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "dinh", "trinh", "truong":
		return true
	}
	return false
}

// nameSexOK reports whether pron may stand for the person name: by what
// the article itself tells of their sex (pronounSex) where it tells it,
// which outweighs the given-name lists ("daughter Dylan Farrow"), else by
// the lists (genderOK).
func (d *doc) nameSexOK(pron, name string) bool {
	if p := pronounOfSex(pron); p != "" {
		if s := d.pronounSex(name); s != "" {
			return s == p
		}
		// ("Achieng Otieno ... "...," she said. ... Otieno and Sankale
		// spent the night there. "...," he said": the pronoun of a cue
		// already read for that speaker.)
		if s := d.sexOf[name]; s != "" {
			return s == p
		}
	}
	return d.genderOK(pron, strings.ToLower(name))
}

// pronounOfSex returns "he" or "she" for a pronoun of one sex ("him",
// "her"), else "".
func pronounOfSex(pron string) string {
	switch pron {
	case "he", "him", "his":
		return "he"
	case "she", "her":
		return "she"
	}
	return ""
}

// pronounSex returns "he" or "she" for a person the article itself calls
// so, and "" when it does not tell: the lists know few names of many
// languages ("Thandiwe", "Folasade"), and the article's own pronouns say
// what they cannot. The evidence is a sentence that opens with "He", "His",
// "She" or "Her" right after a sentence, in the same paragraph, whose
// subject is the one person it names, with no singular noun for a person
// in it ("Szabo was carried off by four officers. Her friend ...": Szabo
// is a woman; not "Lind met the envoy. He ..."); or a courtesy title or a
// noun of one sex beside the name (learnSexes). A person called both is
// left untold.
//
// Pronouns are the weaker evidence ("Wrona showed the guests the old
// harbour. Her cranes ..."): they count only for a name whose sex the
// given-name lists do not know. A courtesy title or a noun of one sex
// beside the name counts for any.
func (d *doc) pronounSex(name string) string {
	if d.learnedSex == nil {
		d.learnedSex, d.pronounSexes = d.learnSexes()
	}
	key := strings.ToLower(name)
	if s := d.learnedSex[key]; s != "" {
		return s
	}
	if s := d.pronounSexes[key]; s != "" && (d.genderOK("he", key) && d.genderOK("she", key) || d.sexByFoldingOnly(key) && !d.weakSex[key]) {
		return s
	}
	return ""
}

// sexByFoldingOnly reports whether the lists know the sex of name's given
// name only with its accents taken off: they are English and write none
// ("Siobhan"), so folding finds most accented names, but not all are the
// name they fold to ("Hédi", a man's name in the Maghreb, is the German
// woman's "Hedi"). The article's own pronouns are the better evidence
// there.
func (d *doc) sexByFoldingOnly(name string) bool {
	f := strings.Fields(name)
	if len(f) == 0 || nameMarksSex(f) != "" {
		return false
	}
	w := f[0]
	if !hasNonASCII(w) {
		return false
	}
	for _, set := range []string{"malename", "femalename", "male", "female"} {
		if d.lex.in(set, w) {
			return false
		}
	}
	for _, w := range f[1:] {
		if d.lex.in("male", w) || d.lex.in("female", w) {
			return false
		}
	}
	return true
}

// learnSexes reads the article once for pronounSex: byWord from courtesy
// titles and nouns of one sex beside a name, byPronoun from pronouns
// opening the sentence after one whose only person is its subject.
func (d *doc) learnSexes() (byWord, byPronoun map[string]string) {
	out, prons := map[string]string{}, map[string]string{}
	// (The cue after a quote is the weakest sign: the quote may answer
	// the person the sentence before was about. It counts only where
	// nothing else tells.)
	afterQuote := map[string]string{}
	cur, prev := 0, -1 // first tokens of this sentence and the one before
	for i := 0; i < len(d.toks); i++ {
		opens := i == 0 || d.toks[i-1].sentEnd
		if opens {
			prev, cur = cur, i
			if i == 0 || d.toks[i].para != d.toks[i-1].para {
				prev = -1
			}
		}
		// (A capitalised pronoun after a period opens a sentence, also
		// after an abbreviation the sentence marks read as none: "after
		// 2 p.m. Her friend"; the sentence before it then began at cur.)
		start := prev
		if !opens {
			// ("Hovland said the evacuation was calm. Two people were hurt,
			// he said.": a pronoun cue closing a sentence that names no
			// person stands for the one person the sentence before had.)
			// (So does one after a quote that opens the sentence after
			// it: `"...," he told reporters.`)
			if e, ok := d.quoteOpensAfterOnePerson(i); ok {
				tell(afterQuote, d.ents[e].Name, d.toks[i].low)
				continue
			}
			if d.isWord(i) && !d.toks[i].inQ && (d.toks[i].low == "he" || d.toks[i].low == "she") && d.isPunct(i-1, ",") && d.cueAt(i+1) > 0 && prev >= 0 && !d.personBetween(cur, i) && d.hasCue(prev, cur) && !d.callsAnother(prev, cur) {
				if e := d.onlyPersonSubject(prev, cur); e >= 0 {
					tell(prons, d.ents[e].Name, d.toks[i].low)
				}
				continue
			}
			// ("Alexis Chen told the inquiry she had raised concerns": a
			// pronoun opening what the one person of the sentence says is
			// that person.)
			if e, ok := d.saysOfSelf(cur, i); ok {
				tell(afterQuote, d.ents[e].Name, d.toks[i].low)
				continue
			}
			if !d.toks[i].capit || d.toks[i].para != d.toks[i-1].para || !strings.HasSuffix(d.body[d.toks[i-1].s:d.toks[i-1].e], ".") {
				continue
			}
			start = cur
		}
		if start < 0 || !d.isWord(i) || d.toks[i].inQ {
			continue
		}
		var pron string
		switch d.toks[i].low {
		case "he", "his":
			pron = "he"
		case "she", "her":
			pron = "she"
		default:
			continue
		}
		if e := d.onlyPersonSubject(start, i); e >= 0 {
			tell(prons, d.ents[e].Name, pron)
		}
	}
	// A reflexive or "own" in the person's own clause: "Okoro defended
	// herself", "Okoro, 41, who voted against her own party," (ownPronoun).
	for k := 0; k < len(d.toks); k++ {
		if e := d.personAt(k); e >= 0 && d.mentionStart(k) == k && !d.toks[k].inQ {
			if p := d.ownPronoun(k, e); p != "" {
				tell(prons, d.ents[e].Name, p)
			}
		}
	}
	// A courtesy title or a noun of one sex right before a person's name
	// ("Mrs Okafor", "actress Ana Lind"), or heading its apposition
	// ("Nomvula Dube, a mother of three,", "Tendai Moyo, her husband,").
	for k := 0; k < len(d.toks); k++ {
		e := d.personAt(k)
		if e < 0 || d.mentionStart(k) != k {
			continue
		}
		b := k - 1
		// ("Mrs. Okafor": past an abbreviation's period; not a sentence's,
		// "... for her husband. ¶ Mina, 35,".)
		if d.isPunct(b, ".") && d.toks[b].para == d.toks[k].para && d.isWord(b-1) && len(d.toks[b-1].low) <= 4 && d.isTitle(d.toks[b-1].low) {
			b--
		}
		// ("Hon. (Mrs) Funmi Adeyemi": a courtesy title in brackets.)
		if d.isPunct(b, ")") && d.isPunct(b-2, "(") {
			b--
		}
		if s := d.sexWord(b); s != "" {
			tell(out, d.ents[e].Name, s)
		}
		// ("who gave only his first name, Yacine,": the possessive
		// before the name's noun is the person's own.)
		if d.isPunct(k-1, ",") && d.isWord(k-2) && (d.toks[k-2].low == "name" || d.toks[k-2].low == "names" || d.toks[k-2].low == "nickname") {
			for x := k - 3; x >= 0 && x >= k-5 && d.isWord(x) && !d.toks[x].inQ; x-- {
				if w := d.toks[x].low; w == "his" || w == "her" {
					tell(out, d.ents[e].Name, pronounOfSex(w))
					break
				}
			}
		}
		end := d.mentionEnd(k)
		if !d.isPunct(end+1, ",") || !d.isWord(end+2) {
			continue
		}
		switch d.toks[end+2].low {
		case "a", "an", "the", "his", "her", "their":
		default:
			continue
		}
		for x := end + 3; x <= end+5 && d.isWord(x) && !d.toks[x].inQ; x++ {
			if w := d.toks[x].low; w == "of" || w == "to" || w == "for" || w == "and" {
				break
			}
			if s := d.sexWord(x); s != "" {
				// (Not a list: "Newsom, his wife and four children".)
				listed := false
				for y := x + 1; y < len(d.toks) && y <= x+8 && d.isWord(y); y++ {
					listed = listed || d.toks[y].low == "and"
				}
				if !listed {
					tell(out, d.ents[e].Name, s)
				}
				break
			}
		}
	}
	for name, sex := range afterQuote {
		if _, told := prons[name]; !told && sex != "" {
			prons[name] = sex
			if d.weakSex == nil {
				d.weakSex = map[string]bool{}
			}
			d.weakSex[strings.ToLower(name)] = true
		}
	}
	return out, prons
}

// quoteOpensAfterOnePerson reads a pronoun cue at i right after a quote's
// closing comma, the quote opening its sentence and naming no person,
// after a sentence with a cue whose subject is the one person it names
// (`Asante said the results were good. "We must be honest," he told
// reporters.`): it returns that person.
func (d *doc) quoteOpensAfterOnePerson(i int) (int, bool) {
	if !d.isWord(i) || d.toks[i].inQ || d.toks[i].low != "he" && d.toks[i].low != "she" || d.cueAt(i+1) == 0 {
		return -1, false
	}
	c := i - 1
	if c < 1 || d.toks[c].kind != kMark || d.toks[c].dir != mClose || !d.isPunct(c-1, ",") {
		return -1, false
	}
	o := c - 1
	for o >= 0 && !(d.toks[o].kind == kMark && d.toks[o].dir != mClose) {
		o--
	}
	if o < 1 || !d.toks[o-1].sentEnd || d.toks[o-1].para != d.toks[i].para || d.personBetween(o, i) {
		return -1, false
	}
	ps := d.sentenceStart(o - 1)
	if !d.hasCue(ps, o) {
		return -1, false
	}
	if d.callsAnother(ps, o) {
		return -1, false
	}
	e := d.onlyPersonSubject(ps, o)
	return e, e >= 0
}

// callsAnother reports a sentence [s, end) that calls a second person
// him, her or them outside quotes ("Bello asked him how fast it went. "Eleven
// knots," he said.": the one asked may be the one who answers).
func (d *doc) callsAnother(s, end int) bool {
	for k := s; k < end; k++ {
		if d.isWord(k) && !d.toks[k].inQ && (d.toks[k].low == "him" || d.toks[k].low == "her" || d.toks[k].low == "them") {
			return true
		}
	}
	return false
}

// ownPronoun returns "he" or "she" for a pronoun that can only be the
// person's own whose mention starts at k, the subject of its clause: a
// reflexive, or a possessive before "own", in the clause the name opens
// (or a relative clause on it) before any other person, noun for a
// person or comma ("Tendai Moyo defended himself", "Okoro, who voted
// against her own party,"); else "". A plain possessive or a pronoun
// after the name's verb of saying is as often another's ("Achebe called
// his decision a betrayal", "Mensah said she would appeal" of someone
// convicted).
func (d *doc) ownPronoun(k, e int) string {
	end := d.mentionEnd(k)
	if d.rankAt(k, end) != rankSubject {
		return ""
	}
	x := end + 1
	if d.isPunct(x, ",") {
		x++
		// ("Kamau, 39, who": an age between.)
		if d.isWord(x) && startsDigit(d.text(d.toks[x])) && d.isPunct(x+1, ",") {
			x += 2
		}
		if !d.isWord(x) || d.toks[x].low != "who" {
			return ""
		}
		x++
	}
	for y := x; y < len(d.toks) && y < x+20; y++ {
		if d.toks[y].inQ {
			return ""
		}
		if !d.isWord(y) {
			// (A comma or any other mark closes the clause; the relative
			// clause's pronoun stands before its closing comma.)
			if d.isPunct(y, "'") || d.isPunct(y, "’") {
				continue
			}
			return ""
		}
		t := d.toks[y]
		if o := d.entityAt(y); o >= 0 && o != e && d.ents[o].Type == "PERSON" {
			return ""
		}
		if !t.capit && (d.lex.in("personheads", t.low) || d.lex.in("personnouns", t.low)) {
			return ""
		}
		own := d.isWord(y+1) && d.toks[y+1].low == "own"
		switch t.low {
		case "himself", "herself":
			return reflexiveSex(t.low)
		case "his", "her":
			if own {
				return pronounOfSex(t.low)
			}
		case "he", "she", "him", "they", "them", "their":
			return ""
		}
		if t.sentEnd {
			return ""
		}
	}
	return ""
}

// tell records that the article calls the person name by pron ("he" or
// "she"); a person called both is left untold ("").
// saysOfSelf reports the person entity that a subject pronoun at i
// stands for when it opens the words a verb of saying reports, the
// sentence (from cur) having that one person as its subject and no other
// person between the verb and the pronoun: "Chen told the inquiry she",
// "Chen said that he".
func (d *doc) saysOfSelf(cur, i int) (int, bool) {
	if !d.isWord(i) || d.toks[i].inQ || d.toks[i].capit || (d.toks[i].low != "he" && d.toks[i].low != "she") {
		return -1, false
	}
	for c := i - 1; c >= cur && c >= i-5; c-- {
		if !d.isWord(c) || d.toks[c].inQ {
			return -1, false
		}
		n := d.cueAt(c)
		if n == 0 {
			continue
		}
		if c+n > i || d.personBetween(c+n, i) || d.lex.in("mental", d.toks[c].low) {
			return -1, false
		}
		if e := d.onlyPersonSubject(cur, c); e >= 0 {
			return e, true
		}
		// ("Alexis Chen, a nurse, told": a description in apposition is
		// the same person.)
		e, x := d.personOpening(cur, c)
		if e < 0 {
			return -1, false
		}
		end := d.mentionEnd(x)
		if d.possessive(end) || !d.isPunct(end+1, ",") || !d.isPunct(c-1, ",") || !d.isWord(end+2) {
			return -1, false
		}
		switch d.toks[end+2].low {
		case "a", "an", "the":
		default:
			return -1, false
		}
		for k := end + 2; k < c-1; k++ {
			if !d.isWord(k) || d.toks[k].inQ || d.entityAt(k) >= 0 && d.ents[d.entityAt(k)].Type == "PERSON" {
				return -1, false
			}
		}
		return e, true
	}
	return -1, false
}

func tell(out map[string]string, name, pron string) {
	key := strings.ToLower(name)
	if had, ok := out[key]; ok && had != pron {
		out[key] = ""
		return
	}
	out[key] = pron
}

// sexWord returns "he" or "she" for a word at k that says a person's sex
// and is no pronoun (a courtesy title or a noun: "Mrs", "mother",
// "spokesman"), else "".
func (d *doc) sexWord(k int) string {
	if !d.isWord(k) || d.toks[k].inQ {
		return ""
	}
	switch w := d.toks[k].low; {
	case w == "he" || w == "his" || w == "him" || w == "she" || w == "her" || w == "hers":
		return ""
	case d.lex.in("male", w):
		return "he"
	case d.lex.in("female", w):
		return "she"
	}
	return ""
}

// onlyPersonSubject returns the person entity that opens the sentence
// [s, end) (after capitalised title words) when it is the only person the
// sentence names and no singular noun for a person stands in it; else -1.
func (d *doc) onlyPersonSubject(s, end int) int {
	e, x := d.personOpening(s, end)
	if e < 0 {
		return -1
	}
	for k := x; k < end; k++ {
		if !d.isWord(k) || d.toks[k].inQ {
			continue
		}
		if o := d.entityAt(k); o >= 0 && o != e && d.ents[o].Type == "PERSON" {
			return -1
		}
		// (Any other person the sentence names by a noun may be the one:
		// "visited the victim's mother. Her son ...".)
		if w := d.toks[k].low; !d.toks[k].capit && !strings.HasSuffix(w, "s") && (d.lex.in("personheads", w) || d.lex.in("personnouns", w)) {
			return -1
		}
	}
	return e
}

// personOpening returns the person entity whose mention opens [s, end),
// past the titles before it, and the token where the mention starts; -1
// when no person's name opens it.
func (d *doc) personOpening(s, end int) (int, int) {
	x := s
	for x < end && d.isWord(x) && !d.toks[x].inQ && d.toks[x].capit && d.entityAt(x) < 0 && d.isTitle(d.toks[x].low) {
		x++
	}
	// ("Speaker of the assembly Hédi Ammar", "Minister of Trade Lan
	// Pham": a title's own "of" phrase, words only, before the name.)
	if x > s && d.isWord(x) && (d.toks[x].low == "of" || d.toks[x].low == "for") {
		for y := x + 1; y < end && y <= x+6 && d.isWord(y) && !d.toks[y].inQ && d.cueAt(y) == 0; y++ {
			if d.personAt(y) >= 0 {
				if d.mentionStart(y) == y {
					x = y
				}
				break
			}
		}
	}
	e := d.personAt(x)
	if e < 0 || d.mentionStart(x) != x {
		return -1, x
	}
	return e, x
}

// absoluteSubject reports a name [s, k] that is the subject of an
// absolute clause ("with Vale describing the scene"): "with" before it and
// a participle after it.
func (d *doc) absoluteSubject(s, k int) bool {
	return d.isWord(s-1) && d.toks[s-1].low == "with" && d.isWord(k+1) && strings.HasSuffix(d.toks[k+1].low, "ing")
}

// subjectPosition reports whether a phrase starting at token s (after
// titles, roles and determiners) opens a clause rather than follows a
// preposition or a verb.
func (d *doc) subjectPosition(s int) bool {
	k := d.beforePhrase(s)
	if k < 0 || d.toks[k].sentEnd {
		return true
	}
	// "On Tuesday the spokesperson dismissed it": after a sentence's
	// opening phrase of time, with no comma.
	if d.sentStart(k) && d.prepositionWord(d.toks[k].low) && s-k <= 3 {
		temporal := s-k >= 2
		for x := k + 1; x < s; x++ {
			temporal = temporal && d.isWord(x) && d.toks[x].capit && d.lex.in("temporal", d.toks[x].low)
		}
		if temporal {
			return true
		}
	}
	if d.isWord(k) {
		w := d.toks[k].low
		// The subject of a relative or reported clause ("in which Vale
		// became", "said that Vale") is not the clause subject a pronoun
		// looks for first.
		switch w {
		case "said", "says", "which", "whom", "whose", "where", "that":
			return false
		case "and", "or":
			// "would list Sailor Neptune and Sailor Uranus": without a
			// comma before it, "and" joins two nouns, not two clauses.
			// ("And Vale, a skeptic, accused": one that opens the sentence
			// opens its clause.)
			return d.isPunct(k-1, ",") || d.isPunct(k-1, ";") || d.sentStart(k)
		}
		return d.lex.in("clause", w)
	}
	if d.toks[k].para != d.toks[k+1].para {
		return true
	}
	s2 := d.text(d.toks[k])
	// "Star Trek: The Next Generation": a colon between capitalised words
	// is inside a title, not a clause boundary.
	if s2 == ":" && d.isWord(k-1) && d.toks[k-1].capit && !d.toks[k-1].sentEnd {
		return false
	}
	return s2 == "," || s2 == ";" || s2 == ":" || s2 == "(" || s2 == "—"
}

// beforePhrase walks left from the phrase starting at s over the rest of
// the phrase (titles, modifiers, determiners) and returns the token before
// it (-1 at the start of the text).
func (d *doc) beforePhrase(s int) int {
	k := s - 1
	for k >= 0 && !d.toks[k].inQ {
		// ("by Hon. (Mrs) Funmi Adeyemi": a courtesy title in brackets.)
		if d.isPunct(k, ")") && d.isWord(k-1) && d.toks[k-1].capit && d.isPunct(k-2, "(") {
			k -= 3
			continue
		}
		if !d.isWord(k) {
			break
		}
		w := d.toks[k].low
		// ("Ana Lind beat Sara Holm", "who beat Sara Holm": a lower-case
		// word after a person's name or a relative pronoun is a verb the
		// lists may not know.)
		if !d.toks[k].capit && k > 0 && (d.personAt(k-1) >= 0 && !d.possessive(k-1) || d.isWord(k-1) && (d.toks[k-1].low == "who" || d.toks[k-1].low == "which")) {
			break
		}
		// ("Superintendent of Police Gaurav Chauhan said": "of" inside a
		// capitalised title before the name.)
		if w == "of" && !d.toks[k].capit && d.isWord(k-1) && d.toks[k-1].capit && !d.toks[k-1].inQ && d.isTitle(d.toks[k-1].low) && d.isWord(k+1) && d.toks[k+1].capit {
			k--
			continue
		}
		// ("Florida Department of Transportation official Troy Pham said":
		// "of" inside a body's name that modifies the role before the name.)
		if w == "of" && !d.toks[k].capit && k > 0 && d.entityAt(k) >= 0 && d.entityAt(k-1) == d.entityAt(k) {
			k--
			continue
		}
		if d.toks[k].capit && !d.lex.in("clause", w) && !d.prepositionWord(w) ||
			(!d.toks[k].capit && w != "of" && !d.lex.in("prepositions", w) && !d.lex.in("clause", w) && !d.verbish(w) && d.cueAt(k) == 0 && !d.adverb(w) && !d.lex.in("mental", w) && !d.presentBeforeArticle(k)) {
			k--
			continue
		}
		// ("Standing nearby, retired teacher Ana Lind disagreed": a
		// participle before a person's noun that titles the name modifies
		// it.)
		if !d.toks[k].capit && strings.HasSuffix(w, "ed") && d.isWord(k+1) && k+1 < s && !d.toks[k+1].capit && d.lex.in("personnouns", d.toks[k+1].low) {
			k--
			continue
		}
		break
	}
	return k
}

// rankAt ranks a referent phrase [s, k]: the subject of an adverbial
// clause ("when the studio dubbed the series"; not "while", which often
// joins two main clauses) is a subject, but a
// pronoun looks first for the subject of a main clause, so it ranks just
// below one.
func (d *doc) rankAt(s, k int) int {
	subj := (d.subjectPosition(s) || d.absoluteSubject(s, k)) && !d.appositive(k) && !d.colonTail(s, k) || d.subjectApposition(s, k) || d.passiveAgent(s) || d.invertedSubject(s) || d.invertedCueSubject(s)
	subj = subj && !d.listedAfter(s, k)
	r := rankOf(subj && !d.reportedSubject(k) || d.accordingSource(s, k), d.possessive(k))
	if r == rankSubject && d.subordinateSubject(s) {
		return rankSubordinate
	}
	// "MamaCare, whose founder, Ada Usman, said the prize would fund a
	// pilot": the subject of a relative clause ranks above the objects
	// around it, below a main clause's subject.
	if r == rankOther && d.whoseSubject(s, k) {
		return rankSubordinate
	}
	// "Aigerim Nurlanovna, a student working in Ortúzar's group,": a
	// possessor inside an apposition to another person ranks below the
	// person it describes.
	if r == rankPossessor && d.inPersonApposition(s) {
		return rankOther - 1
	}
	// "The court heard from Jane Doe's mother. "...," she said": a
	// possessor of a person ranks below that person, whom the pronoun means.
	if r == rankPossessor && d.possessedPerson(k) {
		return rankOther - 1
	}
	return r
}

// possessedPerson reports a possessive at k followed by a noun for a
// person, after at most two lower-case modifiers ("Roe's eldest sister",
// "the firm's former chief executive").
func (d *doc) possessedPerson(k int) bool {
	for x := k + 1; x <= k+3 && d.isWord(x) && !d.toks[x].capit && !d.toks[x].inQ; x++ {
		w := d.toks[x].low
		if (d.lex.in("personheads", w) || d.lex.in("kinheads", w) || d.lex.in("personnouns", w)) && (!d.isWord(x+1) || !d.plainNoun(x+1)) {
			return true
		}
	}
	return false
}

// whoseSubject reports a name [s, k] in apposition to the noun of a
// relative "whose", before the clause's verb: ", whose founder, Ada
// Usman, said".
func (d *doc) whoseSubject(s, k int) bool {
	if !d.isPunct(s-1, ",") || !d.isWord(s-2) || d.toks[s-2].capit || !d.isWord(s-3) || d.toks[s-3].low != "whose" || !d.isPunct(k+1, ",") || !d.isWord(k+2) {
		return false
	}
	w := d.toks[k+2].low
	return !d.toks[k+2].capit && (d.cueAt(k+2) > 0 || d.verbish(w) || d.lex.in("auxiliaries", w))
}

// listedAfter reports a name [s, k] that a comma puts after another
// person's name in a list going on after it with a comma before "and" or
// "or" ("by Ruiz, Soto, and a third officer"): one of several, not a
// clause's subject because of the comma.
func (d *doc) listedAfter(s, k int) bool {
	b := d.beforePhrase(s)
	if !d.isPunct(b, ",") || d.personAt(b-1) < 0 {
		return false
	}
	// (Only a list with its comma before "and": "Unlike Maria Ruiz, Ana
	// Soto and her deputy voted" opens with a phrase, then the subject.)
	return d.isPunct(k+1, ",") && d.isWord(k+2) && (d.toks[k+2].low == "and" || d.toks[k+2].low == "or")
}

// inPersonApposition reports a phrase starting at s inside an apposition
// that a comma opens right after a person's name, within a few words and
// no other comma between.
func (d *doc) inPersonApposition(s int) bool {
	return d.personAppositionComma(s, 10) >= 0
}

// personAppositionComma is the comma that opens an apposition right after
// a person's name ("Ana Ruiz, a lawyer for the family,"), read back from
// token s-1 to the first comma within n tokens, the apposition opening
// with an article; -1 when there is none.
func (d *doc) personAppositionComma(s, n int) int {
	for c := s - 1; c >= 0 && c >= s-n; c-- {
		if d.toks[c].sentEnd || d.toks[c].kind == kMark {
			return -1
		}
		if d.isPunct(c, ",") {
			if c > 0 && d.personAt(c-1) >= 0 && d.isWord(c+1) && (d.toks[c+1].low == "a" || d.toks[c+1].low == "an" || d.toks[c+1].low == "the") {
				return c
			}
			return -1
		}
	}
	return -1
}

// accordingSource reports a name [s, k] that "according to" gives as the
// source of what its clause says, ending that clause ("..., according to
// ranger Pema Lhamo."): the one the article quotes, as much a speaker the
// next "she said" may mean as a subject is.
func (d *doc) accordingSource(s, k int) bool {
	if !d.isPunct(k+1, ".") && !d.isPunct(k+1, ",") && !d.isPunct(k+1, ";") {
		return false
	}
	p := s - 1
	for n := 0; n < 3 && p > 0 && d.isWord(p) && !d.toks[p].capit && d.toks[p].low != "to"; n++ {
		p-- // "according to park ranger Pema Lhamo": a role between
	}
	return p > 0 && d.isWord(p) && d.toks[p].low == "to" && d.isWord(p-1) && d.toks[p-1].low == "according"
}

// colonTail reports a phrase [s, k] after a colon that ends its sentence
// ("one company he hopes will call him: Harlow-Vantor."): what the colon
// names, in apposition to a noun before it, no clause's subject.
func (d *doc) colonTail(s, k int) bool {
	return d.isPunct(s-1, ":") && (d.isPunct(k+1, ".") || d.isPunct(k+1, "!") || d.isPunct(k+1, "?"))
}

// invertedCueSubject reports a phrase starting at s right after a verb
// of saying that follows a comma and ending its clause ("..., says Maura
// Lin."): the verb's subject, inverted, as much the one the sentence is
// about as a subject before its verb.
func (d *doc) invertedCueSubject(s int) bool {
	k := s
	if d.entityAt(s) >= 0 {
		k = d.mentionEnd(s)
	}
	return d.invertedAfterCommaAt(s-1, s, k)
}

// invertedAfterCommaAt reports a verb of saying at v after a comma, with
// the phrase [s, k] right after it closing the clause: ", says Maura Lin."
func (d *doc) invertedAfterCommaAt(v, s, k int) bool {
	return v >= 1 && s == v+1 && d.cueAt(v) == 1 && !d.toks[v].capit && d.isPunct(v-1, ",") &&
		k+1 < len(d.toks) && !d.isWord(k+1) && d.toks[k+1].kind != kMark
}

// invertedSubject reports a phrase starting at s that follows "was" in a
// sentence opened by a participle or "among" ("Standing beside her was
// Sarah Okoro", "Among the injured was Tom Vale"): the subject, inverted.
func (d *doc) invertedSubject(s int) bool {
	b := d.beforePhrase(s)
	if !d.isWord(b) {
		return false
	}
	switch d.toks[b].low {
	case "was", "were", "is", "are":
	default:
		return false
	}
	s0 := d.sentenceStart(b)
	if s0 >= b || !d.isWord(s0) {
		return false
	}
	w := d.toks[s0].low
	return strings.HasSuffix(w, "ing") && len(w) > 4 || w == "among"
}

// prepositionBefore returns the token before the phrase starting at s
// (beforePhrase) and whether it is a lower-case preposition: the phrase is
// that preposition's object.
func (d *doc) prepositionBefore(s int) (int, bool) {
	b := d.beforePhrase(s)
	return b, d.isWord(b) && !d.toks[b].capit && d.lex.in("prepositions", d.toks[b].low)
}

// passiveAgent reports a phrase starting at s that is the agent of a
// passive verb ("The delegation was led by Thomas Wendt"): who did it is
// what the clause is about, as its subject is in the active.
func (d *doc) passiveAgent(s int) bool { return d.passiveAgentAt(d.beforePhrase(s)) }

// passiveAgentAt is passiveAgent given the token b before the phrase.
func (d *doc) passiveAgentAt(b int) bool {
	if !d.isWord(b) || d.toks[b].low != "by" || !d.isWord(b-1) || !d.isWord(b-2) {
		return false
	}
	aux := b - 2
	switch d.toks[aux].low {
	case "was", "were", "is", "are", "been", "being":
	default:
		return false
	}
	// ("Kamau said the boy was abused by Ruiz": the agent of a passive in
	// what someone said is not what the sentence is about.)
	if s := d.sentenceStart(aux); s < aux {
		if _, n := d.lastCue(s, aux); n > 0 {
			return false
		}
	}
	// ("In their filing, which was seen by the Kyiv Post, they say": the
	// agent of a relative clause's passive is not what the sentence is
	// about.)
	// ("she was attacked by Ruiz and Soto", "Kamau was met by Soto": a
	// person who is the passive's own subject stays the one it is about.)
	if d.isWord(aux - 1) {
		switch d.toks[aux-1].low {
		case "which", "who", "that", "he", "she", "they", "i", "we":
			return false
		}
		if d.personAt(aux-1) >= 0 {
			return false
		}
	}
	w := d.toks[b-1].low
	return strings.HasSuffix(w, "ed") || d.lex.in("irregular", w) || w == "led"
}

// subordinateSubject reports a phrase starting at s right after a
// subordinating conjunction of time, cause or condition.
func (d *doc) subordinateSubject(s int) bool {
	k := d.beforePhrase(s)
	if !d.isWord(k) {
		return false
	}
	switch d.toks[k].low {
	case "when", "whenever", "after", "before", "because", "since", "if", "until", "unless", "although", "though", "once":
		return true
	case "as":
		// "stood by as Okonkwo spoke"; not "known as Zito", "such as",
		// "served as": after a participle or a comparison "as" opens no clause.
		p := k - 1
		for d.isWord(p) && strings.HasSuffix(d.toks[p].low, "ly") && p > k-3 { // "known simply as"
			p--
		}
		if d.isWord(p) {
			switch w := d.toks[p].low; {
			case strings.HasSuffix(w, "ed"), strings.HasSuffix(w, "en"), strings.HasSuffix(w, "wn"):
				return false
			case w == "such" || w == "same" || w == "well" || w == "so" || w == "serve" || w == "serves" || w == "serving" || w == "act" || w == "acts" || w == "acting":
				return false
			}
		}
		return true
	}
	return false
}

// resolveDescription resolves "the spokeswoman" to the fuller description
// or the named person the article gave before under that role.
func (d *doc) resolveDescription(h int) ref {
	r := d.resolveDescriptionAt(h)
	// "Ana Ruiz owns the factory. The injured workers said": people in
	// the plural rename no one person.
	if r.typ == SpeakerPerson && properName(r.name) && d.pluralPeople(h) {
		r = d.descRef(h, h)
	}
	// "The mission noted" after "Ana Lind, the head of the mission": a
	// body's noun renames no person (but "the office", "the campaign"
	// and "the team" may speak for their person).
	// (Only a person by a given name: the entity layer may type a body
	// as a person, "the club" is still "Kilmarnock". An age makes the noun
	// a person's: "the 31-year-old point guard".)
	if w := bareWord(d.toks[h].low); r.typ == SpeakerPerson && d.lex.in("orgheads", w) && !d.lex.in("personheads", w) && !d.lex.in("groupheads", w) &&
		w != "office" && w != "campaign" && w != "team" && d.byGivenName(r.name) && d.ageBefore(h) < 0 {
		r = d.descRef(h, h)
	}
	if c, ok := d.counterpartNearer(r, h); ok {
		r = c
	}
	if p, ok := d.bareRoleBefore(h, r); ok {
		r = p
	}
	if p, ok := d.roleHolderAfter(h, r); ok {
		r = p
	}
	if r.head != h || !strings.EqualFold(r.name, bareWord(d.toks[h].low)) {
		r.subj, r.via = false, "description"
	}
	return r
}

// counterpartNearer: "Trade Minister Ana Lind ... Her Tarvelian
// counterpart, Omar Haddad, ... Haddad rejected that. "...," the minister
// said": a counterpart named after the person a role was resolved to
// holds the same role, so when the counterpart was named nearer the
// description, the description is the counterpart's.
func (d *doc) counterpartNearer(r ref, h int) (ref, bool) {
	if r.typ != SpeakerPerson || r.src1 == 0 || !properName(r.name) {
		return ref{}, false
	}
	for k := r.src1; k < h; k++ {
		if !d.isWord(k) || d.toks[k].inQ || d.toks[k].low != "counterpart" {
			continue
		}
		// Only that person's counterpart: the person named last before
		// the word ("President Ana Lind met him. Her counterpart" is hers).
		owner := ""
		for y := k - 1; y >= r.src1-1 && y >= 0; y-- {
			if e := d.personAt(y); e >= 0 {
				owner = d.ents[e].Name
				break
			}
		}
		if owner != r.name {
			continue
		}
		x := k + 1
		if d.isPunct(x, ",") {
			x++
		}
		q := d.personAt(x)
		if q < 0 || d.ents[q].Name == r.name {
			continue
		}
		// The later of the two to be named before the description.
		for y := h - 1; y > x; y-- {
			if e := d.personAt(y); e >= 0 {
				switch d.ents[e].Name {
				case d.ents[q].Name:
					return d.entityRef(q, y), true
				case r.name:
					return ref{}, false
				}
			}
		}
		return ref{}, false
	}
	return ref{}, false
}

// askedObject returns the last token of the person named right after a
// verb of asking, before "whether", "if" or a question word and the
// pronoun at k ("asked Diego Silva whether he", "asked her what she"),
// or -1.
func (d *doc) askedObject(k int) int {
	w := k - 1
	if !d.isWord(w) || !questionWord(d.toks[w].low) {
		return -1
	}
	o := w - 1
	asking := func(x int) bool { return d.isWord(x) && (askingCue(d.toks[x].low) || d.toks[x].low == "asking") }
	// "thanked Mary Kent and asked her what she wanted": the one "her"
	// stands for, the person named before it in the sentence who is not
	// its subject.
	if d.isWord(o) && (d.toks[o].low == "her" || d.toks[o].low == "him") && asking(o-1) {
		ss := d.sentenceStart(o)
		for x := o - 2; x > ss; x-- {
			if d.personAt(x) >= 0 && d.mentionStart(x) > ss && !d.subjectMention(x) {
				return x
			}
		}
		return -1
	}
	if d.personAt(o) < 0 || !asking(d.mentionStart(o)-1) {
		return -1
	}
	return o
}

// verbAfter reports a verb at k, a description's first word after its
// phrase: the description is the subject of that verb, no apposition.
func (d *doc) verbAfter(k int) bool {
	if !d.isWord(k) || d.toks[k].capit || d.toks[k].inQ {
		return false
	}
	w := d.toks[k].low
	if d.adverb(w) && d.isWord(k+1) {
		w = d.toks[k+1].low
	}
	return d.verbish(w) || d.lex.in("auxiliaries", w) || d.cueAt(k) > 0 || strings.HasSuffix(w, "ed") || d.lex.in("irregular", w)
}

// hasNonASCII reports a word with a letter outside ASCII ("Siobhán").
func hasNonASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return true
		}
	}
	return false
}

// byGivenName reports a name that opens with a given name the lists know.
func (d *doc) byGivenName(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	return len(f) >= 2 && (d.lex.in("malename", f[0]) || d.lex.in("femalename", f[0]))
}

func (d *doc) resolveDescriptionAt(h int) ref {
	r, k := d.descAntecedent(h)
	if k >= 0 {
		r.src1 = k + 1
	}
	return r
}

// descAntecedent is resolveDescriptionAt with the token where the
// antecedent was found (-1 when none).
func (d *doc) descAntecedent(h int) (ref, int) {
	// A role renames the one the article named under it further back than
	// a pronoun reaches ("Health Minister Ana Ruiz" ... three paragraphs
	// on, "the minister said"); only a name that far, not a description.
	r, k := d.descAntecedentFrom(h, d.windowStart(h))
	if properName(r.name) {
		return r, k
	}
	// ("Another engineer ..., who asked not to be named, said": a new
	// person of the kind right before is no one named further back.)
	if k > 0 && d.isWord(k-1) && (d.toks[k-1].low == "another" || d.toks[k-1].low == "one") && !(d.isPunct(k-2, ",") && d.personAt(k-3) >= 0) {
		return r, k
	}
	// ("Marques, asked ..., was brief. "...," the justice replied": someone
	// near is no one further back; unless that is the person found there:
	// "Its chief forecaster, Tom Reyes, ..." three paragraphs on,
	// "According to Reyes, ... the forecaster said".)
	if d.paraOf(h)-window > 0 {
		if r2, k2 := d.descAntecedentFrom(h, d.paras[max(0, d.paraOf(h)-descWindow)].t0); k2 >= 0 && properName(r2.name) &&
			(!d.personInParagraph(h) || d.personNamedInParagraph(h, r2.name)) {
			return r2, k2
		}
		// "President Ana Lind" in the lede, "the president said" ten
		// paragraphs on: the one person the whole article titled so.
		if r2, k2, ok := d.onlyTitled(h); ok && (!d.personInParagraph(h) || d.personNamedInParagraph(h, r2.name)) {
			return r2, k2
		}
	}
	return r, k
}

// onlyTitled finds the person the article titled with the role at h
// anywhere before it, when it titled no one else so.
func (d *doc) onlyTitled(h int) (ref, int, bool) {
	var found ref
	at, two := -1, false
	d.descAntecedents(h, h-1, 0, func(r ref, k int) bool {
		if !properName(r.name) {
			return true // the description again, unresolved
		}
		if e := d.entityByName(strings.Fields(r.name)); r.typ != SpeakerPerson || e < 0 || d.ents[e].Type != "PERSON" {
			two = true // a people or a body titled so: not one person
			return false
		}
		if found.ok() && !strings.EqualFold(lastWord(found.name), lastWord(r.name)) {
			two = true // two people titled so
			return false
		}
		if !found.ok() || len(r.name) > len(found.name) {
			found = r
		}
		if at < 0 {
			at = k
		}
		return true
	})
	if two {
		return ref{}, -1, false
	}
	return found, at, found.ok()
}

// secondReference resolves a definite description of a person's role that
// no earlier words of the article gave anyone ("Detective Superintendent
// Owen Pryce led the inquiry. ... the senior officer said", "Minister for
// Culture Aine Roche ... the minister said") to the person named as the
// subject of its sentence or the sentence before: wire copy's second
// reference. Not a role that news mostly leaves unnamed ("the
// spokeswoman", "the official", "the witness").
// The description runs from a to its head h (at most three modifiers);
// speakerFromNP has checked that h is a person's noun with modifiers that
// keep the same person, used nowhere before.
func (d *doc) secondReference(a, h int) (ref, bool) {
	// (People in the plural are no second reference to one person.)
	if d.lex.in("unnamedheads", d.toks[h].low) || h-a > 3 || !d.isWord(a-1) || d.toks[a-1].low != "the" || d.pluralPeople(h) {
		return ref{}, false
	}
	s := d.sentenceStart(h)
	// ("He said the foreign minister had told him": a person before it in
	// its own sentence is someone else.)
	for x := s; x < a-1; x++ {
		if d.personAt(x) >= 0 || d.isWord(x) && !d.toks[x].inQ && (d.lex.in("pronouns", d.toks[x].low) && x == s || d.toks[x].low == "he" || d.toks[x].low == "she") {
			return ref{}, false
		}
	}
	prev := s
	for p := s - 1; p >= 0; p-- {
		if d.isWord(p) {
			prev = d.sentenceStart(p)
			break
		}
	}
	r := d.resolveWhere(h, "person", func(r ref) bool { return r.typ == SpeakerPerson && properName(r.name) })
	if !r.ok() || r.head < prev || !d.subjectMention(r.head) && !d.titledSubject(r.head) || d.passiveAfter(r.head) {
		return ref{}, false
	}
	r.head = h
	return r, true
}

// cueBetweenNameAnd reports a verb of saying between the first person or
// organisation named in the sentence of a and a: the clause at a is part
// of what that one reported ("X told the paper that ... when their son").
func (d *doc) cueBetweenNameAnd(a int) bool {
	named := false
	for x := d.sentenceStart(a); x < a; x++ {
		if e := d.entityAt(x); e >= 0 && (d.ents[e].Type == "PERSON" || d.ents[e].Type == "ORG") {
			named = true
			continue
		}
		if named && d.cueAt(x) > 0 {
			return true
		}
	}
	return false
}

// describingNoun reports a noun at k that describes a person rather than
// naming a role someone else may hold: a relative counted by children
// ("the mother of three", "the father of two"), or a noun for a kind of
// person that is no role or office ("the widow", "the pensioner").
func (d *doc) describingNoun(k int) bool {
	w := d.toks[k].low
	if d.lex.in("kinheads", w) {
		return d.isWord(k+1) && d.toks[k+1].low == "of" && d.isWord(k+2) && numberWord(d.toks[k+2].low)
	}
	return d.lex.in("personnouns", w) && !d.lex.in("personheads", w) && !d.lex.in("groupheads", w) && !d.isTitle(w)
}

// renamedPerson is secondReference for "the N" at h, where the person it
// renames may also be the one who spoke a quote in the sentence before
// (`"...," said Hauwa Musa, a tailor. The mother of three said`): the
// speaker of an inverted cue is the one that sentence is about.
func (d *doc) renamedPerson(h int) (ref, bool) {
	if r, ok := d.secondReference(h, h); ok {
		return r, true
	}
	if h < 1 || d.toks[h-1].low != "the" || d.sentenceStart(h) != h-1 {
		return ref{}, false
	}
	// ("The son of the woman who died": a relation to someone else, not a
	// second name; "the mother of three" describes.)
	if d.isWord(h+1) && d.toks[h+1].low == "of" && (!d.isWord(h+2) || !numberWord(d.toks[h+2].low)) {
		return ref{}, false
	}
	r := d.resolveWhere(h, "person", func(r ref) bool { return r.typ == SpeakerPerson && properName(r.name) })
	if !r.ok() {
		return ref{}, false
	}
	sp, ok := d.spkAt[r.head]
	if !ok || sp.name != r.name || d.sentencesBetween(r.head, h) > 1 || d.paraOf(r.head) != d.paraOf(h) {
		return ref{}, false
	}
	r.head = h
	return r, true
}

// personAfterComplement reads a capitalised title at k with its "for" or
// "of" complement of capitalised words and the person named after them
// ("Minister for Culture Aine Roche", "Secretary of State for Health Ana
// Lind").
func (d *doc) personAfterComplement(k int) (ref, bool) {
	x := k + 1
	for n := 0; n < 2 && d.isWord(x) && (d.toks[x].low == "for" || d.toks[x].low == "of"); n++ {
		x++
		if d.isWord(x) && d.toks[x].low == "the" {
			x++
		}
		for x < len(d.toks) && x < k+8 && d.isWord(x) && d.toks[x].capit && d.personAt(x) < 0 {
			x++
		}
	}
	if x == k+1 {
		return ref{}, false
	}
	// "Minister for Business, Industry and Innovation, Sofia Ekdahl,": a
	// list of fields, then the name in apposition.
	for n := 0; n < 6 && x < len(d.toks) && x < k+16; n++ {
		if d.isPunct(x, ",") {
			if e, at, _ := d.appositionPersonTo(x, -1); e >= 0 && at == x+1 {
				return d.entityRef(e, d.mentionEnd(at)), true
			}
			x++
		}
		if d.isWord(x) && (d.toks[x].low == "and" || d.toks[x].low == "the") && !d.toks[x].capit {
			x++
		}
		if !d.isWord(x) || !d.toks[x].capit {
			break
		}
		// ("Communications, Cyber Safety and the Arts": a field the
		// tagger took for a person, with "and" after it, is a field.)
		if d.personAt(x) >= 0 {
			if m := d.mentionEnd(x); d.isWord(m+1) && d.toks[m+1].low == "and" {
				x = m + 1
				continue
			}
			break
		}
		for x < len(d.toks) && x < k+16 && d.isWord(x) && d.toks[x].capit && d.personAt(x) < 0 {
			x++
		}
	}
	e := d.personAt(x)
	if e < 0 || d.mentionStart(x) != x {
		return ref{}, false
	}
	return d.entityRef(e, d.mentionEnd(x)), true
}

// passiveAfter reports a passive verb after the mention that ends at k
// ("Tom Baker was sentenced"): its subject is acted on, and a role the
// article then describes may be the one who acted.
func (d *doc) passiveAfter(k int) bool {
	e := d.mentionEnd(k)
	x := e + 1
	be := false // ("Sen then rose": an adverb alone makes no passive)
	for n := 0; n < 3 && d.isWord(x) && (isBe(d.toks[x].low) || d.toks[x].low == "been" || d.toks[x].low == "being" || d.adverb(d.toks[x].low)); n++ {
		be = be || !d.adverb(d.toks[x].low)
		x++
	}
	return be && d.isWord(x) && d.participle(d.toks[x].low)
}

// titledSubject reports a person's mention at k that opens its sentence
// after a title of capitalised words and their connectors ("Minister for
// Culture Aine Roche opened").
func (d *doc) titledSubject(k int) bool {
	s := d.mentionStart(k)
	ss := d.sentenceStart(s)
	if ss == s {
		return false
	}
	for x := ss; x < s; x++ {
		if !d.isWord(x) || !d.toks[x].capit && !connector(d.toks[x].low) && d.toks[x].low != "of" && d.toks[x].low != "for" && d.toks[x].low != "the" {
			return false
		}
	}
	// The verb follows the name: not "Minister for Culture Aine Roche's
	// office".
	e := d.mentionEnd(k)
	return !d.possessive(e) && d.isWord(e+1) && !d.toks[e+1].capit
}

// lastTitled: of the people the article titles with the role of the
// description at h (the nearest title at k, its name ending at j, and the
// titles before it back to lo), the one it mentioned last before h ("Sen.
// Ana Ruiz ... Sen. Tom Vale ... pressed again by Ruiz ... the senator
// said": Ruiz). False when that is the nearest title's own person, or the
// name is no known person.
func (d *doc) lastTitled(h, lo, k, j int) (ref, int, bool) {
	e1 := d.personAt(j)
	if e1 < 0 {
		return ref{}, 0, false
	}
	cands := []int{e1}
	for x := k - 1; x >= lo; x-- {
		if !d.toks[x].capit || !d.roleTitle(x, h) || d.lesserTitle(x, h) || d.otherTitle(x, h) {
			continue
		}
		if e := d.personAt(x + 1); e >= 0 && !slices.Contains(cands, e) {
			cands = append(cands, e)
		}
	}
	if len(cands) == 1 {
		return ref{}, 0, false
	}
	for y := h - 1; y > j; y-- {
		if e := d.personAt(y); e >= 0 && slices.Contains(cands, e) {
			if e == e1 {
				return ref{}, 0, false
			}
			return d.entityRef(e, y), y, true
		}
	}
	return ref{}, 0, false
}

// roleTitle reports a word at k, outside quotes, that says the role of the
// description whose head is at h: the same noun, or a capitalised title of
// that role ("Justice Mumbi Ngugi" ... "the judge"; titlefor.NOUN).
func (d *doc) roleTitle(k, h int) bool { return d.roleTitleOf(k, bareWord(d.toks[h].low)) }

// roleTitleOf is roleTitle for a role given as its noun.
func (d *doc) roleTitleOf(k int, head string) bool {
	t := d.toks[k]
	// ("President-elect Ana Varga" is the one "the future President"
	// renames.)
	return t.kind == kWord && !t.inQ && (t.low == head || t.capit && (d.lex.in("titlefor."+head, t.low) || t.low == head+"-elect"))
}

// personInParagraph reports a person named in the paragraph of token h,
// before it.
func (d *doc) personInParagraph(h int) bool {
	for k := d.paras[d.paraOf(h)].t0; k < h; k++ {
		if d.personAt(k) >= 0 {
			return true
		}
	}
	return false
}

// personNamedInParagraph reports a mention of the person called name in
// h's paragraph before h.
func (d *doc) personNamedInParagraph(h int, name string) bool {
	for k := d.paras[d.paraOf(h)].t0; k < h; k++ {
		if e := d.personAt(k); e >= 0 && d.ents[e].Name == name {
			return true
		}
	}
	return false
}

// coordinateRole returns the role noun joined by "and" to the role at k
// when a person's name follows it ("singer and actor Lena Hart": actor),
// else -1.
func (d *doc) coordinateRole(k int) int {
	n := k + 2
	if !d.isWord(n+1) || !d.isWord(k+1) || d.toks[k+1].low != "and" || !d.isWord(n) || d.toks[n].inQ {
		return -1
	}
	if w := d.toks[n].low; !d.lex.in("personheads", w) && !d.lex.in("personnouns", w) && !d.isTitle(w) {
		return -1
	}
	if e := d.personAt(n + 1); e < 0 || d.mentionStart(n+1) != n+1 {
		return -1
	}
	return n
}

// afterThe returns the first word after a "the" that opens the
// description whose head is at k, with at most three lower-case or
// capitalised modifiers between ("the former New York mayor"), else -1.
func (d *doc) afterThe(k int) int {
	for a := k; a >= 0 && a >= k-3; a-- {
		if !d.isWord(a) || d.toks[a].inQ {
			return -1
		}
		if d.isWord(a-1) && d.toks[a-1].low == "the" {
			return a
		}
	}
	return -1
}

// descAntecedentFrom is descAntecedent looking back no further than lo.
func (d *doc) descAntecedentFrom(h, lo int) (ref, int) {
	return d.descAntecedentIn(h, h-1, lo)
}

// descAntecedentIn is descAntecedentFrom reading back from token hi.
func (d *doc) descAntecedentIn(h, hi, lo int) (ref, int) {
	head := bareWord(d.toks[h].low)
	for k := hi; k >= lo; k-- {
		if r, ok := d.spkAt[k]; ok {
			// "a company spokesman" is no antecedent of "the company": in
			// a description only its head word renames it.
			ws := strings.Fields(strings.ToLower(r.name))
			if r.etype == "" && len(ws) > 0 {
				ws = ws[len(ws)-1:]
				if d.isWord(r.head) { // "spokesman for the board": its head
					ws = []string{d.toks[r.head].low}
				}
			}
			for _, w := range ws {
				if w == head {
					return ref{name: r.name, typ: r.typ, head: h}, k
				}
			}
			continue
		}
		t := d.toks[k]
		// "Ana Lind won the vote. The former trade minister's victory
		// ..." and later "the former minister said": an earlier
		// possessive description that was the wire's second reference to
		// the person its sentence followed renames that person here too.
		if !t.capit && !t.inQ && t.kind == kWord && d.possessive(k) && bareWord(t.low) == head {
			// (Only a role no earlier words gave anyone: "Mayor Tom Vale
			// ... the mayor's office said" is his.)
			if a1 := d.afterThe(k); a1 >= 0 && a1 > lo && !d.roleBefore(a1, head, true) {
				if r2, ok := d.secondReference(a1, k); ok {
					r2.head = h
					return r2, k
				}
			}
			continue
		}
		// "Another engineer at the site, who asked not to be named, said
		// ... "...," the engineer said": a new, unnamed person of that
		// kind in the sentence before is the one it renames, not one
		// named further back.
		if t.kind == kWord && !t.inQ && !t.capit && bareWord(t.low) == head && d.isWord(k-1) && (d.toks[k-1].low == "another" || d.toks[k-1].low == "one") && d.sentencesBetween(k, h) <= 1 &&
			!(d.isPunct(k-2, ",") && d.personAt(k-3) >= 0) { // ("Ana Ruiz, one nurse at the clinic,": the named one)
			return d.descRef(k-1, k), k
		}
		if !d.roleTitle(k, h) {
			continue
		}
		// ("the airline" is no title in "Kenya Airline Pilots
		// Association": a word of a body's or a place's name.)
		if e := d.entityAt(k); t.capit && e >= 0 && d.ents[e].Type != "PERSON" && !d.isTitle(t.low) {
			continue
		}
		// "the president" is not "Vice President Kamala Harris"; "the
		// foreign minister" is not "Deputy Foreign Minister Pavel Gromov".
		if d.lesserTitle(k, h) || d.otherTitle(k, h) {
			continue
		}
		if t.capit {
			// "Interior Minister Tom Vale": the role titles the name after it.
			j := k
			// ("Singer and actor Lena Hart": so does a role joined to the
			// one before the name.)
			if n := d.coordinateRole(k); n > k {
				j = n
			}
			k0 := j
			for j+1 < len(d.toks) && d.isWord(j+1) && d.toks[j+1].capit {
				j++
			}
			if j > k0 {
				if r, at, ok := d.lastTitled(h, lo, k, j); ok {
					return r, at
				}
				return d.nameRef(k0+1, j), k
			}
			// "Minister for Culture Aine Roche": the title's complement
			// comes before the name.
			if r, ok := d.personAfterComplement(k); ok {
				return r, k
			}
			// "Kenya's Interior Minister, Fred Okoth,": a name in
			// apposition to the title.
			if d.isPunct(k+1, ",") {
				if e, at, _ := d.appositionPerson(k + 1); e >= 0 {
					return d.entityRef(e, at), k
				}
			}
			// "Arun Mehta, a BJP MP, spoke first": a title in a
			// description in apposition after a person's name is that
			// person's.
			if a, _ := d.npEnd(k, lo); a < k && d.isPunct(a-1, ",") && d.isWord(a) && (d.toks[a].low == "a" || d.toks[a].low == "an") {
				if e := d.personAt(a - 2); e >= 0 {
					return d.entityRef(e, a-2), k
				}
			}
			continue
		}
		// "a company spokesman": a modifier of a person is no antecedent;
		// nor of a text, when the article named the one body so called
		// ("Harlow District Council ... A council report said": the
		// report is indefinite, not the council).
		if d.isWord(k+1) && !d.toks[k+1].capit && (d.lex.in("personheads", d.toks[k+1].low) || d.lex.in("groupheads", d.toks[k+1].low) ||
			d.lex.in("docheads", d.toks[k+1].low) && d.isWord(k-1) && d.lex.in("determiners", d.toks[k-1].low) && d.onlyBodyCalled(k, head).ok()) {
			continue
		}
		// "commissioner Ada Brook": the role titles the name after it; so
		// does a role joined to the one before the name ("singer and
		// actor Lena Hart").
		k0 := k
		if n := d.coordinateRole(k); n > k {
			k0 = n
		}
		if j := k0 + 1; j < len(d.toks) && d.isWord(j) && d.toks[j].capit {
			for j+1 < len(d.toks) && d.isWord(j+1) && d.toks[j+1].capit {
				j++
			}
			return d.nameRef(k0+1, j), k
		}
		// "The city's finance director, Mark Olsen, said", "its ambassador
		// to Germany, Jean Mba,": a name in apposition after the
		// description (and its phrase) is the one it describes.
		if cm := d.afterHeadPhrase(k); d.isPunct(cm, ",") {
			if e, at, _ := d.appositionPerson(cm); e >= 0 {
				return d.entityRef(e, at), k
			}
			// "Her publisher, Faber & Faber, said": a body named in
			// apposition is the one "the publisher" renames.
			if e := d.entityAt(cm + 1); e >= 0 && d.ents[e].Type == "ORG" && d.mentionStart(cm+1) == cm+1 {
				j := cm + 1 // the mention's last token ("Faber & Faber": "&" is no word of it)
				for x := cm + 2; x < len(d.toks) && x <= cm+8 && !d.isPunct(x, ",") && !d.isPunct(x, "."); x++ {
					if d.entityAt(x) == e {
						j = x
					}
				}
				if d.isPunct(j+1, ",") || d.isPunct(j+1, ".") {
					return d.entityRef(e, j), k
				}
			}
		}
		// "issued a statement ... the statement read": who issued it; with
		// no issuer there, the one the article was just about.
		if d.lex.in("docheads", head) {
			if r := d.docOwner(k); r.ok() {
				return r, k
			}
			break
		}
		// "the governor added" after "Governor John Rankin": an earlier
		// "the governor" renames whom it renamed there.
		if d.isWord(k-1) && d.toks[k-1].low == "the" && k-1 > lo {
			// (Only a capitalised title: "soul star Peabo Bryson" names a
			// guest, not whom "the star" stood for.)
			if r2, k2 := d.descAntecedentIn(k, k-2, lo); k2 >= 0 && d.toks[k2].capit && r2.typ == SpeakerPerson && properName(r2.name) {
				return ref{name: r2.name, typ: r2.typ, etype: r2.etype, head: h}, k2
			}
		}
		// "the Ouro Norte mining company": a body's name modifying the
		// noun, past a few lower-case modifiers, is the body it renames.
		if !t.capit && d.lex.in("orgheads", head) && !d.lex.in("personheads", head) {
			p := k - 1
			for p > lo && p >= k-2 && d.isWord(p) && !d.toks[p].capit && d.entityAt(p) < 0 && !d.lex.in("determiners", d.toks[p].low) {
				p--
			}
			if e := d.entityAt(p); e >= 0 && d.ents[e].Type == "ORG" && !d.possessive(p) && d.isWord(d.mentionStart(p)-1) && d.toks[d.mentionStart(p)-1].low == "the" && !strings.Contains(d.ents[e].Name, "-") {
				r := d.entityRef(e, p)
				r.head = h
				return r, k
			}
		}
		a, _ := d.npEnd(k, lo)
		// "Sanna Virta, who serves as environment minister,": a role a
		// relative clause gives the person named before it.
		if r, ok := d.relativeRole(a); ok {
			return r, k
		}
		// "Tom Vale, a spokesman for the council,": a description in
		// apposition stands for the person named before it.
		if d.isPunct(a-1, ",") {
			p := a - 2
			// "Ada Brook, 52, a nurse": an age between.
			if d.isWord(p) && isDigits(d.toks[p].low) && d.isPunct(p-1, ",") {
				p -= 2
			}
			if e := d.personAt(p); e >= 0 {
				return d.entityRef(e, p), k
			}
			// "Kestrel, the steel company that runs the plant,": so for an organisation.
			// ("Gull Press, a small independent publisher,": by any noun
			// no role of one person's.)
			if e := d.entityAt(p); e >= 0 && d.ents[e].Type == "ORG" && (d.lex.in("orgheads", head) || !d.lex.in("personheads", head) && !d.lex.in("kinheads", head)) {
				return d.entityRef(e, p), k
			}
		}
		// "The Strasbourg-based court found ... the court said": an
		// earlier description that renames a body the article named
		// stands for that body.
		if a2 := d.skipDeterminers(a, k); d.lex.in("orgheads", head) && d.seatModifiers(a2, k) {
			if r2, ok := d.seatedBody(head, k); ok {
				r2.head = h
				return r2, k
			}
		}
		// ("Busan International Film Festival ... the discovery of the
		// festival ... The festival said": an earlier lower-case mention of
		// a body is a second reference too: after a preposition, of the
		// body named further back; else of the one named before it, if
		// any.)
		if !t.capit && d.lex.in("orgheads", head) && !d.lex.in("personheads", head) {
			// (Not when the sentence before names two bodies: "Harwell
			// said of Velmarco. The company said" is either.)
			// (Only a definite mention: "A rival company had also bid"
			// is a body of its own.)
			if d.isWord(a) && (d.toks[a].low == "a" || d.toks[a].low == "an") {
				return d.descRef(a, k), k
			}
			if b := d.beforePhrase(k); b >= 0 && d.isWord(b) && d.prepositionWord(d.toks[b].low) && !d.twoBodiesBefore(h) && !d.twoBodiesBefore(k) {
				continue
			}
			if r := d.namedBodyBefore(h, head); r.ok() && r.head >= 0 && r.head < k && !d.otherBodyInSentence(r.head) {
				r.head = h
				return r, k
			}
		}
		return d.descRef(a, k), k
	}
	switch {
	case d.lex.in("orgheads", head) && !(d.agedPerson(h) && d.lex.in("personnouns", head)):
		// (Not a noun for a person too after an age: "the 31-year-old
		// guard".)
		// "the company said" after "Brightwater cut jobs": an organisation
		// noun stands for the organisation the article was just about.
		// An organisation whose own name has another organisation noun
		// is not it: "the company" is not the European Commission.
		// "Nova Scotia Power said ..., and the utility warned": the
		// organisation that opens the sentence as the subject of the
		// clause before "and" is the one the noun renames.
		if d.isWord(h-2) && d.toks[h-1].low == "the" && d.toks[h-2].low == "and" && d.isPunct(h-3, ",") {
			s := d.sentenceStart(h)
			if e := d.entityAt(s); e >= 0 && d.ents[e].Type == "ORG" && d.orgKindOK(head, d.ents[e].Name) && d.subjectPosition(s) {
				k := s
				for d.entityAt(k+1) == e {
					k++
				}
				return d.entityRef(e, k), k
			}
		}
		// Else the antecedent is in an earlier sentence: "In a post on
		// Facebook, the group wrote" is not Facebook's.
		// (A named one: "its supply chain" is no company.)
		if r := d.namedBodyBefore(h, head); r.ok() {
			r.head = h
			return r, -1
		}
	case d.lex.in("docheads", head):
		// ("A statement issued in his name read: "..." ... "...," the
		// statement added": the author of the text quoted before.)
		if r, ok := d.authoredTextBefore(h, head); ok {
			r.head = h
			return r, -1
		}
		// "the statement read": the one who issued it, the last speaker
		// or subject before.
		if r := d.resolvePronounAt(h, "we"); r.ok() {
			r.head = h
			return r, -1
		}
		return ref{}, -1 // a text is no speaker of its own
	case ageNoun(head) || d.agedPerson(h):
		// "the 45-year-old said" after "Ana Diaz, 45,": the person the
		// article gave that age; so "the 58-year-old diplomat".
		ageWord := head
		if !ageNoun(head) {
			ageWord = d.toks[d.ageBefore(h)].low
			// ("The 52-year-old commission president said" after
			// "commission president Rosa Quispe": the role the article
			// titled someone with says more than the age.)
			// (Once: the antecedent's own search may come back here.)
			if !d.agedRole {
				d.agedRole = true
				r, k := d.descAntecedent(h)
				d.agedRole = false
				if k >= 0 && properName(r.name) && r.typ == SpeakerPerson && !d.givenOtherAge(r.head, ageWord[:strings.Index(ageWord, "-")]) {
					return r, k
				}
			}
		}
		age := ageWord[:strings.Index(ageWord, "-")]
		for k := h - 1; k >= 2; k-- {
			if d.toks[k].low != age || !(d.isPunct(k-1, ",") || d.isPunct(k-1, "(")) {
				continue
			}
			if e := d.personAt(k - 2); e >= 0 {
				return d.entityRef(e, k-2), k
			}
		}
		// Else the person the article was just about, named: an age
		// renames a person, not a description ("whose daughter died"),
		// and not one the article gave another age ("Ana Lind, 30").
		// (Nor one whose given name is of the other sex than the noun's:
		// "the 12-year-old girl" is not "Paul Dane".)
		sex := ""
		switch {
		case d.lex.in("female", head):
			sex = "she"
		case d.lex.in("male", head):
			sex = "he"
		}
		if r := d.resolveWhere(h, "person", func(r ref) bool {
			return r.typ == SpeakerPerson && properName(r.name) && !d.givenOtherAge(r.head, age) && d.genderOK(sex, strings.ToLower(r.name)) && !d.thingApposition(r.head)
		}); r.ok() {
			r.head = h
			return r, -1
		}
	case d.parentOfCount(h):
		// "the father of two replied": an epithet, like an age, for the
		// person the article was just about, of the noun's sex.
		sex := "she"
		if d.lex.in("male", head) {
			sex = "he"
		}
		if r := d.resolveWhere(h, sex, func(r ref) bool { return r.typ == SpeakerPerson && properName(r.name) }); r.ok() && d.paraOf(r.head) >= d.paraOf(h)-1 && !d.indefinitePersonBetween(r.head, h) {
			r.head = h
			return r, -1
		}
	case d.freshPersonNoun(h):
		// "Spanish qualifier Lucía Ortega ... "...," the teenager from
		// Valencia admitted": a definite description the article has not
		// used before, of a kind of person rather than a role, renames the
		// person it was just about.
		// Only the subject of its clause: "Ana Lind, 17, beat Maria Sosa ...
		// the teenager said" is not Sosa's.
		if r := d.resolveWhere(h, "person", func(r ref) bool { return r.typ == SpeakerPerson && properName(r.name) }); r.ok() && d.paraOf(r.head) >= d.paraOf(h)-1 && d.subjectMention(r.head) {
			r.head = h
			return r, -1
		}
	}
	return d.descRef(h, h), -1
}

// indefinitePersonBetween reports a person brought in by "a" or "an"
// between tokens lo and hi ("Then a fan stood up"), who may be the one a
// later epithet describes.
func (d *doc) indefinitePersonBetween(lo, hi int) bool {
	for x := lo + 1; x < hi; x++ {
		if d.isWord(x) && !d.toks[x].inQ && (d.toks[x].low == "a" || d.toks[x].low == "an") && d.isWord(x+1) && !d.toks[x+1].capit &&
			(d.lex.in("personheads", d.toks[x+1].low) || d.lex.in("personnouns", d.toks[x+1].low)) {
			return true
		}
	}
	return false
}

// parentOfCount reports "the mother of three" at h: a parent's noun and
// the number of their children, an epithet for a person named before.
func (d *doc) parentOfCount(h int) bool {
	switch d.toks[h].low {
	case "father", "mother", "grandfather", "grandmother", "mum", "mom", "dad":
	default:
		return false
	}
	if !(d.isWord(h-1) && d.toks[h-1].low == "the" && d.isWord(h+2) && d.toks[h+1].low == "of" && (numberWord(d.toks[h+2].low) || isDigits(d.toks[h+2].low))) {
		return false
	}
	// (Not one who stays unnamed: "the mother of three, who asked not
	// to be named, said".)
	for x := h + 3; x < len(d.toks) && x <= h+12 && !d.toks[x].sentEnd; x++ {
		if d.isWord(x) && (d.toks[x].low == "named" || d.toks[x].low == "name" || d.toks[x].low == "identified") {
			return false
		}
	}
	return true
}

// relativeRole reads a role starting at a that a relative clause gives
// the person named before it: "Sanna Virta, who serves as environment
// minister,", "Tom Vale, who is the club's coach,", "..., who became
// mayor in 2016,".
func (d *doc) relativeRole(a int) (ref, bool) {
	v := a - 1
	if !d.isWord(v) {
		return ref{}, false
	}
	switch d.toks[v].low {
	case "as":
		v--
		if !d.isWord(v) {
			return ref{}, false
		}
		switch d.toks[v].low {
		case "serves", "served", "acts", "acted", "works", "worked":
		default:
			return ref{}, false
		}
	case "is", "became", "becomes":
	default:
		return ref{}, false
	}
	rel := v - 1
	if !d.isWord(rel) || d.toks[rel].low != "who" || !d.isPunct(rel-1, ",") {
		return ref{}, false
	}
	if e := d.personAt(rel - 2); e >= 0 {
		return d.entityRef(e, rel-2), true
	}
	return ref{}, false
}

// givenOtherAge reports whether the article gives the person whose mention
// ends at token k an age other than age ("Ana Lind, 30,").
func (d *doc) givenOtherAge(k int, age string) bool {
	e := d.entityAt(k)
	if e < 0 {
		return false
	}
	for x := 0; x+2 < len(d.toks); x++ {
		if d.entityAt(x) != e || d.entityAt(x+1) == e || !d.isPunct(x+1, ",") || !d.isWord(x+2) {
			continue
		}
		if a := d.toks[x+2].low; isDigits(a) && a != age {
			return true
		}
	}
	return false
}

// mentionStart is the first token of the entity mention that covers
// token k.
func (d *doc) mentionStart(k int) int {
	e := d.entityAt(k)
	for k > 0 && e >= 0 && d.entityAt(k-1) == e {
		k--
	}
	return k
}

// mentionEnd is the last token of the entity mention that covers token k
// (k itself outside any).
func (d *doc) mentionEnd(k int) int {
	e := d.entityAt(k)
	for e >= 0 && k+1 < len(d.toks) && d.entityAt(k+1) == e {
		k++
	}
	return k
}

// subjectMention reports whether the entity mention ending at token k is
// its clause's subject and the first person its sentence names.
func (d *doc) subjectMention(k int) bool {
	e := d.entityAt(k)
	if e < 0 {
		return false
	}
	s := d.mentionStart(k)
	for x := d.sentenceStart(s); x < s; x++ {
		if p := d.personAt(x); p >= 0 && p != e {
			return false
		}
	}
	return d.rankAt(s, k) == rankSubject
}

// freshPersonNoun reports "the N" at h where N is a noun for a kind of
// person (personnouns) but no role or office (personheads: "the judge"
// may be someone the article never named), and the article has not used
// N before.
func (d *doc) freshPersonNoun(h int) bool {
	w := d.toks[h].low
	if !d.isWord(h-1) || d.toks[h-1].low != "the" || d.toks[h].capit || !d.lex.in("personnouns", w) || d.lex.in("personheads", w) || d.lex.in("groupheads", w) || d.lex.in("counterparts", w) {
		return false
	}
	// "trained by Karl Brun ... the trainer said": an agent noun whose
	// activity the article spoke of may be someone else than the subject.
	stem := w
	for _, suf := range []string{"er", "or", "ist"} {
		if t, ok := strings.CutSuffix(w, suf); ok && len(t) >= 4 {
			stem = t
			break
		}
	}
	for k := h - 1; k >= 0; k-- {
		if d.toks[k].low == w || d.toks[k].low == w+"s" || stem != w && d.isWord(k) && strings.HasPrefix(d.toks[k].low, stem) {
			return false
		}
	}
	return true
}

// appositionRepeat resolves a description with modifiers that repeats,
// word for word, an apposition the article set after a person's name:
// "Tom Reed, the former champion, retired. ... the former champion
// said". The last such person before it is the one.
func (d *doc) appositionRepeat(a, h int) (ref, bool) {
	n := h - a + 1
	for k := a - 2; k >= 3; k-- {
		if !d.isWord(k) || d.toks[k].inQ || d.toks[k].low != d.toks[a].low {
			continue
		}
		same := k+n-1 < a-1
		for x := 1; same && x < n; x++ {
			same = d.isWord(k+x) && d.toks[k+x].low == d.toks[a+x].low
		}
		// (The apposition ends there: "Ivan Petrov, the former champion of
		// Russia," is not "the former champion".)
		if end := k + n; !same || !d.isWord(k-1) || !d.lex.in("determiners", d.toks[k-1].low) || !d.isPunct(k-2, ",") ||
			!(d.isPunct(end, ",") || d.toks[end-1].sentEnd || d.stop(end)) {
			continue
		}
		if e := d.personAt(k - 3); e >= 0 {
			return d.entityRef(e, k-3), true
		}
	}
	return ref{}, false
}

// titledWithModifiers finds, for the description [a, h] ("the chief
// minister"), the person the article named under a title with the same
// modifiers ("Chief Minister Ana Ruiz"), past nearer titles of the same
// role that lack them ("Prime Minister Tom Vale").
func (d *doc) titledWithModifiers(a, h int) (ref, bool) {
	hi, lo := h-1, d.paras[max(0, d.paraOf(h)-descWindow)].t0
	for n := 0; n < 4 && hi >= lo; n++ {
		r, k := d.descAntecedentIn(h, hi, lo)
		if k < 0 || !r.ok() {
			break
		}
		if properName(r.name) && d.titledAs(a, h, r) {
			r.subj, r.via = false, "description"
			return r, true
		}
		hi = min(k, hi) - 1
	}
	return ref{}, false
}

// titledAs reports whether the entity layer recorded, for the person r, a
// title made of the description's words [a, h] ("Chief Minister" for
// "the chief minister").
func (d *doc) titledAs(a, h int, r ref) bool {
	var words []string
	for k := a; k <= h; k++ {
		words = append(words, d.toks[k].low)
	}
	want := strings.Join(words, " ")
	for _, e := range d.ents {
		if e.Name != r.name {
			continue
		}
		for _, t := range e.Titles {
			if strings.EqualFold(t, want) {
				return true
			}
		}
	}
	return false
}

// afterHeadPhrase is the token after a head noun at k and the
// prepositional phrase that follows it, if a comma closes that phrase
// within a few words ("spokesman for the board,"); else k+1.
func (d *doc) afterHeadPhrase(k int) int {
	next := k + 1
	if !d.isWord(next) || d.toks[next].capit || !d.lex.in("prepositions", d.toks[next].low) {
		return next
	}
	for m := next + 1; m < len(d.toks) && m <= k+7 && d.isWord(m) && !d.toks[m].inQ; m++ {
		if d.isPunct(m+1, ",") {
			return m + 1
		}
	}
	return next
}

// appositionPerson reads an apposition that opens at the comma cm and
// names a person: the name right after the comma ("The city's finance
// director, Mark Olsen,"), after titles ("the chief medical officer, Dr.
// Ada Brook,"), or after a role of its own ("One survivor, 41-year-old
// farmer Tomas Reyes,", "a passenger, a teacher named Lina Okafor,"); a
// comma must close it. It returns the entity, the token where its name
// starts and the one where it ends, or -1 when there is none. A clause or
// a pronoun before the name ("a survivor, who lost her son Tom Reyes,")
// makes it someone else's.
func (d *doc) appositionPerson(cm int) (e, at, end int) {
	return d.appositionPersonTo(cm, -1)
}

// appositionPersonTo is appositionPerson where the apposition may also
// end at token close (the end of the clause) instead of a comma.
func (d *doc) appositionPersonTo(cm, close int) (e, at, end int) {
	j := cm + 1
	role := true // nothing between the comma and the name, or a role ending there
	for n := 0; n < 6 && d.isWord(j) && d.personAt(j) < 0; n++ {
		t := d.toks[j]
		switch {
		case t.capit && d.isTitle(t.low):
			role = true
		case (t.low == "named" || t.low == "called") && role && n > 0:
			// "a teacher named Lina Okafor": a role, then the name it is given.
		case ageNoun(t.low) && d.personAt(j+1) >= 0:
			// "said a neighbour, 72-year-old Ruth Mayer": an age right
			// before the name leaves the apposition as it was.
		case t.capit, t.inQ, d.lex.in("clause", t.low), d.lex.in("pronouns", t.low), d.lex.in("prepositions", t.low), d.verbish(t.low) && !d.roleAdjective(j):
			// ("the father of a boy named Tom Vale": the name is the boy's.)
			return -1, -1, -1
		case t.low == "named" || t.low == "called" || d.isTitle(t.low) ||
			d.lex.in("personheads", t.low) || d.lex.in("personnouns", t.low):
			role = true
		default: // an article, an age, a modifier ("construction worker")
			role = false
		}
		j++
	}
	e = d.personAt(j)
	if e < 0 || !role {
		return -1, -1, -1
	}
	at = j
	for d.entityAt(j+1) == e {
		j++
	}
	if !d.isPunct(j+1, ",") && j+1 != close {
		return -1, -1, -1
	}
	return e, at, j
}

// ofBodyAfter reads "of the Greens" or "from Kestrel Bank" at token k, a
// preposition and a capitalised name (after "the"), and returns the token
// after it, or -1.
func (d *doc) ofBodyAfter(k int) int {
	if !d.isWord(k) || d.toks[k].low != "of" && d.toks[k].low != "from" {
		return -1
	}
	j := k + 1
	if d.isWord(j) && d.toks[j].low == "the" {
		j++
	}
	n := j
	for n < len(d.toks) && n < j+5 && d.isWord(n) && d.toks[n].capit && !d.toks[n].inQ {
		n++
	}
	if n == j {
		return -1
	}
	return n
}

// roleAdjective reports a participle used as an adjective before a role
// ("retired teacher", "elected official").
func (d *doc) roleAdjective(j int) bool {
	n := j + 1
	if !strings.HasSuffix(d.toks[j].low, "ed") || !d.isWord(n) || d.toks[n].capit {
		return false
	}
	w := d.toks[n].low
	return d.lex.in("personheads", w) || d.lex.in("personnouns", w) || d.isTitle(w)
}

// namedAfter reports "named" or "called" and a person's name after the
// noun at k ("a teacher named Lina Okafor").
func (d *doc) namedAfter(k int) bool {
	return d.isWord(k+1) && (d.toks[k+1].low == "named" || d.toks[k+1].low == "called") && d.personAt(k+2) >= 0
}

// agedPerson reports a person noun after an age, the whole definite
// ("the 58-year-old diplomat").
func (d *doc) agedPerson(h int) bool {
	w := d.toks[h].low
	// (Also a noun the lists lack, "the 24-year-old midfielder"; not one
	// of a body or a text.)
	a := d.ageBefore(h)
	return a >= 1 && d.isWord(a-1) && d.toks[a-1].low == "the" && !d.toks[h].capit &&
		(d.lex.in("personheads", w) || d.lex.in("personnouns", w) || !d.verbish(w) && !d.lex.in("orgheads", w) && !d.lex.in("docheads", w) && !d.lex.in("clause", w))
}

// ageBefore is the index of an age right before the noun at h, or before
// one lower-case word before it ("the 31-year-old point guard"), else -1.
func (d *doc) ageBefore(h int) int {
	for a := h - 1; a >= h-2 && a >= 0; a-- {
		if !d.isWord(a) || d.toks[a].inQ {
			return -1
		}
		if ageNoun(d.toks[a].low) {
			return a
		}
		// (Between an age and a noun a word is a modifier, verb or not:
		// "point guard".)
		if d.toks[a].capit || d.lex.in("clause", d.toks[a].low) || d.lex.in("pronouns", d.toks[a].low) {
			return -1
		}
	}
	return -1
}

// ageNoun reports a person described by age ("45-year-old").
func ageNoun(w string) bool {
	i := strings.Index(w, "-year-old")
	return i > 0 && isDigits(w[:i]) && len(w) == i+len("-year-old")
}

// plainNoun reports a lower-case word at i outside quotes that can only
// be a noun there: no verb, cue, preposition, determiner, pronoun, adverb
// or clause word.
func (d *doc) plainNoun(i int) bool {
	if !d.isWord(i) || d.toks[i].capit || d.toks[i].inQ {
		return false
	}
	w := d.toks[i].low
	return !d.verbish(w) && d.cueAt(i) == 0 && !d.lex.in("prepositions", w) && !d.lex.in("determiners", w) && !d.lex.in("pronouns", w) &&
		!d.lex.in("clause", w) && !d.lex.in("auxiliaries", w) && !d.adverb(w) && !strings.HasSuffix(w, "ly")
}

// modifier reports whether token i, right after a capitalised word, shows
// that word to modify a noun ("a UN rapporteur", "EVD outbreak rates")
// rather than head its phrase. Present-tense verbs ("Vale warns") end in -s.
func (d *doc) modifier(i int) bool {
	if !d.isWord(i) || d.toks[i].capit || d.toks[i].inQ {
		return false
	}
	w := d.toks[i].low
	// "Ian Wood chairs the panel", "she heads a charity": a noun's plural
	// before a determiner is a verb with its object.
	if strings.HasSuffix(w, "s") && d.isWord(i+1) && !d.toks[i+1].capit && d.lex.in("determiners", d.toks[i+1].low) && d.toks[i+1].low != "of" {
		return false
	}
	if d.lex.in("personheads", w) || d.lex.in("groupheads", w) || d.lex.in("orgheads", w) || d.lex.in("docheads", w) {
		return true
	}
	// ("A woman sheltering at a school", "a man living near the river":
	// a participle with its preposition after the noun describes it.)
	if strings.HasSuffix(w, "ing") && d.isWord(i+1) && !d.toks[i+1].capit && d.lex.in("prepositions", d.toks[i+1].low) {
		return false
	}
	// ("Mr. Vale wasn't available": a negative contraction is a verb.)
	if d.verbish(w) || d.lex.in("irregular", w) || d.cueAt(i) > 0 || d.lex.in("clause", w) || d.lex.in("prepositions", w) ||
		d.adverb(w) || d.lex.in("determiners", w) || d.lex.in("pronouns", w) || strings.HasSuffix(w, "s") ||
		negContraction(w) ||
		questionWord(w) { // "asked Ana Lind what she would do"
		return false
	}
	// "Brightwater cut 300 jobs", "Vale set the date": a word followed by
	// a number or a determiner is a verb with its object, not a noun; so
	// is one followed by a person's name ("Vale beat Sara Holm").
	if n := i + 1; d.isWord(n) && !d.toks[n].capit && (isDigits(strings.ReplaceAll(d.toks[n].low, ",", "")) ||
		(d.lex.in("determiners", d.toks[n].low) && d.toks[n].low != "of")) || d.personObject(i+1) {
		return false
	}
	// "Kestrel Foods cut prices", "Vale won votes": so is a word followed
	// by a bare plural noun that is no verb and no people ("Kestrel Foods
	// employees": the name's people).
	if n := i + 1; d.isWord(n) && !d.toks[n].capit && !d.toks[n].inQ && len(d.toks[n].low) > 3 && strings.HasSuffix(d.toks[n].low, "s") &&
		!strings.HasSuffix(d.toks[n].low, "ss") && !d.verbish(d.toks[n].low) && d.cueAt(n) == 0 && !d.pluralPeople(n) {
		return false
	}
	return true
}

// namedAfterOf reports a role's "of" phrase of a few lower-case words
// and then a person's name ("mother of three Faith Chepkoech"): the name
// is the one the role describes.
func (d *doc) namedAfterOf(k int) bool {
	if !d.isWord(k+1) || d.toks[k+1].low != "of" {
		return false
	}
	for x := k + 2; x < k+6 && d.isWord(x) && !d.toks[x].inQ; x++ {
		if d.personAt(x) >= 0 {
			return x > k+2
		}
		if d.toks[x].capit {
			return false
		}
	}
	return false
}

// personObject reports a person's name at token i, or after a few words
// that describe one ("Polish champion Jan Nowak").
func (d *doc) personObject(i int) bool {
	for j := i; j < i+4 && d.isWord(j) && !d.toks[j].inQ; j++ {
		if d.personAt(j) >= 0 {
			return true
		}
		if !d.toks[j].capit && !d.describesPerson(j, j) {
			return false
		}
	}
	return false
}

// appositive reports a phrase ending at k that follows a comma and is
// closed by one ("a company, Brightwater Holdings, to"): it renames the
// phrase before it and is not a clause subject.
func (d *doc) appositive(k int) bool {
	s := k
	for s > 0 && k-s < 4 && d.isWord(s-1) {
		s--
	}
	n := k + 1
	return d.isPunct(s-1, ",") && n < len(d.toks) && (d.isPunct(n, ",") || d.isPunct(n, ".") || d.isPunct(n, ";")) &&
		s-2 >= 0 && d.isWord(s-2) && !d.toks[s-2].capit && !d.openingAdverbial(s-1)
}

// openingAdverbial reports whether the comma at c closes a phrase of place
// or time that opens the sentence ("Outside a polling station in the
// neighbourhood, Ana Soto, 63, said"): the name after it is the clause's
// subject, not an apposition to the phrase's last noun. A person's noun
// ends an apposition's phrase ("According to its founder, Ana Soto,").
func (d *doc) openingAdverbial(c int) bool {
	st := d.sentenceStart(c)
	if st >= c-2 || !d.isWord(st) || !d.isWord(c-1) {
		return false
	}
	switch d.toks[st].low {
	case "outside", "inside", "at", "in", "on", "near", "after", "before", "during", "across", "behind", "beside", "by", "from", "under", "over", "throughout", "within":
	default:
		return false
	}
	if w := d.toks[c-1].low; d.lex.in("personnouns", w) || d.lex.in("personheads", w) || d.lex.in("groupheads", w) || d.lex.in("orgheads", w) {
		return false
	}
	// (Nor a phrase that speaks of a person, whom the name may be: "At a
	// meeting with the man in charge of the project, Omar Velic,".)
	for i := st; i < c; i++ {
		if !d.isWord(i) || d.toks[i].inQ {
			return false
		}
		if w := singularPerson(d.toks[i].low); d.lex.in("personnouns", w) || d.lex.in("personheads", w) || d.lex.in("kinheads", d.toks[i].low) || d.entityAt(i) >= 0 && d.ents[d.entityAt(i)].Type == "PERSON" {
			return false
		}
	}
	return true
}

// subjectApposition reports a name s..k in apposition to the subject
// that opens its clause: "His Chilean counterpart, Foreign Minister
// Carolina Vidal, was more guarded" is Vidal's clause.
func (d *doc) subjectApposition(s, k int) bool {
	if !d.appositive(k) || !d.isPunct(k+1, ",") {
		return false
	}
	c := s - 1
	for c > 0 && !d.isPunct(c, ",") && s-c < 5 {
		c--
	}
	if !d.isPunct(c, ",") || !d.isWord(c-1) || d.toks[c-1].capit {
		return false
	}
	a, _ := d.npEnd(c-1, d.sentenceStart(c))
	// ("The parish priest who raised the money through ten years of
	// dinners in the square, Father Luigi Menotti, said": a person's noun
	// with a relative clause that opens the sentence, however long.)
	// (Not a name that spells out a name's noun: "a sign bearing the name,
	// Navalny,".)
	if r := d.relativeHeadBefore(c, d.sentenceStart(c)); r >= 0 && !nameNoun(d.toks[c-1].low) {
		a, _ = d.npEnd(r, d.sentenceStart(c))
	}
	// ("One of them, farmer Ana Soto, told": a part of a group.)
	if a-2 >= d.sentenceStart(c) && d.isWord(a-1) && d.toks[a-1].low == "of" && d.isWord(a-2) {
		switch d.toks[a-2].low {
		case "one", "another", "each", "either":
			a -= 2
		}
	}
	// (A phrase that opens with a verb is no subject: "who works on the
	// European mission, Rosetta, said" names a mission.)
	if w := d.toks[a].low; d.isWord(a) && !d.toks[a].capit && !d.lex.in("determiners", w) && !d.lex.in("personheads", w) && !d.lex.in("personnouns", w) &&
		!d.lex.in("groupheads", w) && !d.lex.in("orgheads", w) && (d.verbish(w) || strings.HasSuffix(w, "s") && d.isWord(a+1) && d.prepositionWord(d.toks[a+1].low)) {
		return false
	}
	// ("..., General Hamid Suleiman, who commands the RSF, sat beside":
	// a relative clause set off by commas stands before the verb.)
	v := k + 2
	if d.isWord(v) && d.toks[v].low == "who" {
		for v++; v < len(d.toks) && v <= k+25 && !d.toks[v].sentEnd && !d.isPunct(v, ",") && !d.toks[v].inQ; v++ {
		}
		if !d.isPunct(v, ",") {
			return false
		}
		v++
	}
	return a <= c-1 && d.subjectPosition(a) && d.isWord(v) && !d.toks[v].capit && (d.verbish(d.toks[v].low) || d.lex.in("auxiliaries", d.toks[v].low))
}

// nameSubjectBefore finds a named subject earlier in the sentence of token k.
func (d *doc) nameSubjectBefore(k int, pron string) (ref, bool) {
	for i := k - 1; i >= 0 && !d.toks[i].sentEnd && d.toks[i].para == d.toks[k].para; i-- {
		c, ok := d.candidateAt(i, pron)
		if ok && c.rank == rankSubject && d.toks[c.r.head].capit && properName(c.r.name) {
			return c.r, true
		}
	}
	return ref{}, false
}

// orgKindOK reports whether an organisation called name can be referred to
// as "the <head>": its name holds no other organisation noun ("the company"
// is not "the European Commission"); nouns for a business are one kind.
func (d *doc) orgKindOK(head, name string) bool {
	switch head {
	case "organisation", "organization", "ngo": // any body, whatever its name's head
		return true
	}
	ws := strings.Fields(strings.ToLower(name))
	// "the club said" after "Harwick City sacked their manager": a club's
	// name ends with its word (the entity stage types it a body).
	// (Only the one club the article names: in a match report "the team"
	// may be either side.)
	if (head == "club" || head == "team" || head == "side") && len(ws) > 1 && clubWord(ws[len(ws)-1]) {
		return d.clubsNamed() == 1
	}
	// (By the words that may head the name: "Kenya Airline Pilots
	// Association" is no airline.)
	for _, w := range orgHeadWords(ws) {
		w = strings.Trim(w, ".,'’")
		if w == head || (businessNoun(w) && businessNoun(head)) || (labourNoun(w) && head == "union") || (publicBodyNoun(w) && publicBodyNoun(head)) || (head == "party" && partyNoun(w)) || (head == "group" && memberBodyNoun(w)) {
			return true
		}
	}
	for _, w := range ws {
		w = strings.Trim(w, ".,'’")
		if d.lex.in("orgheads", w) && !businessNoun(w) {
			return false
		}
	}
	// "the court" is no company: an institution's noun other than a
	// government's names only an organisation called so.
	switch head {
	case "government", "administration", "regime", "authorities", "state", "city", "county",
		"regulator", "watchdog", "charity", "nonprofit", "agency": // kinds of body any name may have
		return true
	}
	return businessNoun(head) || !d.lex.in("orgheads", head)
}

// clubsNamed counts the organisations of the article whose names end
// with a club's word.
func (d *doc) clubsNamed() int {
	n := 0
	for _, e := range d.ents {
		if f := strings.Fields(strings.ToLower(e.Name)); e.Type == "ORG" && len(f) > 1 && clubWord(f[len(f)-1]) {
			n++
		}
	}
	return n
}

// clubWord reports the word a football or rugby club's name ends with
// ("Harwick City", "Kelvin Rangers", "Dunmore FC").
func clubWord(w string) bool {
	switch strings.Trim(w, ".") {
	case "city", "united", "town", "rovers", "athletic", "wanderers", "albion", "hotspur", "rangers", "county", "fc", "f.c", "afc", "a.f.c":
		return true
	}
	return false
}

// mediumAt reports a name at s that words went through: the object of a
// verb of telling that does not go on to an instruction ("told the BBC";
// not "told Kestrel Holdings on Monday to raise capital"), or of "on"
// right after a word of posting or stating ("a video on Instagram", "a
// statement on Facebook"; not "a ban on Kestrel Holdings").
func (d *doc) mediumAt(s int) bool {
	p := s - 1
	// ("told the Norwegian broadcaster NRK", "in an interview with the
	// Spanish newspaper El País": the kind of outlet before its name.)
	for x := p; x >= 0 && x > s-5 && d.isWord(x) && !d.toks[x].inQ; x-- {
		if w := d.toks[x].low; w == "the" || w == "a" {
			if x < p && outletWord(d.toks[p].low) {
				p = x
			}
			break
		}
	}
	if d.isWord(p) && (d.toks[p].low == "the" || d.toks[p].low == "a") {
		p--
	}
	if !d.isWord(p) {
		return false
	}
	// ("In a 2012 interview with The Hindu, Kulkarni said".)
	if d.toks[p].low == "with" {
		for x := p - 1; x >= 0 && x >= p-3 && d.isWord(x); x-- {
			if w := d.toks[x].low; w == "interview" || w == "interviews" {
				return true
			}
		}
		return false
	}
	switch d.toks[p].low {
	case "told", "tells", "telling":
		e := d.entityAt(s)
		k := s
		for k < len(d.toks) && d.entityAt(k) == e {
			k++
		}
		for n := 0; n < 4 && d.isWord(k+n) && !d.toks[k+n].inQ; n++ {
			if d.toks[k+n].low == "to" {
				return false
			}
		}
		return true
	case "on":
		if d.isWord(p - 1) {
			switch d.toks[p-1].low {
			case "posted", "post", "posts", "posting", "wrote", "written", "writing", "published", "shared", "statement", "video", "message", "said", "says", "tweeted", "blog", "page", "account":
				return true
			}
		}
	}
	return false
}

// labourNoun reports a word in a trade union's name ("Writers Guild",
// "United Auto Workers"): "the union" renames it.
func labourNoun(w string) bool {
	switch w {
	case "union", "guild", "workers", "brotherhood", "teamsters": // (not "federation": employers have them too)
		return true
	}
	return false
}

// memberBodyNoun reports a word that heads the name of a body of members
// or campaigners, which "the group" renames: "the group wrote" after the
// Peel Cycling Coalition.
func memberBodyNoun(w string) bool {
	switch w {
	case "coalition", "alliance", "association", "network", "campaign", "movement", "society", "federation",
		"league", "collective", "front", "forum", "caucus", "initiative", "union":
		return true
	}
	return false
}

// partyNoun reports a word that names political parties in place of
// "party": "the party urged" after the All Progressives Congress.
func partyNoun(w string) bool {
	switch w {
	case "congress", "alliance", "front", "movement", "league", "union", "coalition", "bloc", "rally", "democrats", "republicans",
		"conservatives", "liberals", "socialists", "greens", "labour", "labor", "forward", "together", "renaissance", "progressives":
		return true
	}
	return false
}

// publicBodyNoun reports a noun for a public body that news interchanges:
// "the agency" for the Federal Aviation Administration, "the regulator"
// for the Civil Aviation Authority.
func publicBodyNoun(w string) bool {
	switch w {
	case "agency", "administration", "authority", "commission", "regulator", "watchdog", "bureau", "directorate", "inspectorate", "service":
		return true
	}
	return false
}

// businessNoun reports the nouns a business goes by.
func businessNoun(w string) bool {
	switch w {
	case "company", "firm", "corporation", "corp", "inc", "ltd", "group", "holdings", "co", "business", "bank", "carrier", "airline", "manufacturer", "retailer", "plc", "llc",
		"utility", "insurer", "lender", "automaker", "carmaker", "startup", "chain", "conglomerate",
		"planemaker", "chipmaker", "drugmaker", "toymaker", "steelmaker":
		return true
	}
	return false
}

// givenInFull reports whether the article names someone in full (two words
// or more) ending with the word w ("Brook" after "Ada Brook").
func (d *doc) givenInFull(w string) bool { return d.givenInFullOther(w, 1) }

// copulaBefore reports a person's mention ending at token h that follows
// "was" or "is" (and an age) after token k, in the same sentence: "DESC
// was 25-year-old NAME".
func (d *doc) copulaBefore(h, k int) bool {
	j := d.mentionStart(h) - 1
	for j > k && d.isWord(j) && (strings.HasSuffix(d.toks[j].low, "-year-old") || d.lex.in("titles", d.toks[j].low)) {
		j--
	}
	if j <= k || !d.isWord(j) || !isBe(d.toks[j].low) {
		return false
	}
	for i := k; i < j; i++ {
		if d.toks[i].sentEnd {
			return false
		}
	}
	return true
}

// rolesBeforeName reports whether the role noun at k opens a run of
// lower-case role words before the name covering h ("Expedition leader
// and glaciologist Karen Vestergaard"): one noun phrase, whose person is
// the name.
func (d *doc) rolesBeforeName(k, h int) bool {
	ms, me := d.mentionStart(h), d.mentionEnd(h)
	if ms <= k+1 || ms > k+5 {
		return false
	}
	// (Two people, not one: "The bride's father and photographer Tom
	// Aker were": a possessed role, or a plural verb after the name.)
	if d.possessive(k-1) || d.isWord(me+1) && (d.toks[me+1].low == "were" || d.toks[me+1].low == "are" || d.toks[me+1].low == "have") {
		return false
	}
	for i := k + 1; i < ms; i++ {
		if !d.isWord(i) || d.toks[i].capit || d.toks[i].inQ {
			return false
		}
		if w := d.toks[i].low; w != "and" && !d.lex.in("personnouns", w) && !d.lex.in("personheads", w) && !d.lex.in("titles", w) && !d.agentNoun(i) {
			return false
		}
	}
	return true
}

// agentNoun reports a word at i that reads as a noun for someone who does
// something ("glaciologist", "campaigner", "surveyor"), by its ending, and
// is no verb of saying or other verb.
func (d *doc) agentNoun(i int) bool {
	w := d.toks[i].low
	if d.cueAt(i) > 0 || d.verbish(w) || d.prepositionWord(w) {
		return false
	}
	for _, suf := range [...]string{"ist", "er", "or", "ian", "ant", "ent"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// nameInApposition reports whether the name whose mention covers h is
// set off by commas after the description headed at k, right after it or
// after a relative clause on it, in one sentence: "a cousin, who did not
// want her surname published, Niamh, thanked".
func (d *doc) nameInApposition(k, h int) bool {
	ms, me := d.mentionStart(h), d.mentionEnd(h)
	if ms <= k+1 || !d.isPunct(ms-1, ",") {
		return false
	}
	// The name closes the description: its verb comes next ("Ewa, said",
	// "Niamh, thanked"), not more of a clause ("the boy, Adam, for three
	// years, said" names the boy).
	v := me + 1
	if d.isPunct(v, ",") {
		v++
	}
	if w := d.toks[v].low; !d.isWord(v) || d.toks[v].capit || d.prepositionWord(w) || d.lex.in("determiners", w) || d.lex.in("clause", w) && d.cueAt(v) == 0 || isDigits(w) {
		return false
	}
	// (A person's noun right before the name is the one it names: "who
	// had taught the boy, Adam,".)
	if w := d.toks[ms-2].low; d.isWord(ms-2) && ms-2 > k && (d.lex.in("personnouns", singularPerson(w)) || d.lex.in("personheads", singularPerson(w)) || d.lex.in("kinheads", w)) {
		return false
	}
	first := -1
	for i := k + 1; i < ms-1; i++ {
		if d.toks[i].sentEnd || d.toks[i].inQ {
			return false
		}
		if first < 0 && d.isPunct(i, ",") {
			first = i
		}
	}
	if first < 0 {
		// "the neighbour from upstairs, Ewa, said"
		for i := k + 1; i < ms-1; i++ {
			if !d.isWord(i) {
				return false
			}
		}
		return true
	}
	// ("A nurse whose patient, Ivo Brandt, died": the name is the
	// patient's.)
	return d.toks[first+1].low == "who"
}

// becomeWord reports a word after which a bare role noun is a
// complement ("becoming president", "elected mayor", "as coach").
func becomeWord(w string) bool {
	switch w {
	case "as", "become", "becomes", "became", "becoming", "elected", "named", "appointed", "remain", "remains", "remained", "is", "was", "be", "been":
		return true
	}
	return false
}

// givenInFullOther is givenInFull by a name longer than n (at least 1)
// words, so not the run of n words itself ("the Pulsar Timing Array"
// gives "Array" in full only as itself).
func (d *doc) givenInFullOther(w string, n int) bool {
	for _, r := range d.names[foldWord(w)] {
		if len(r.words) > n {
			return true
		}
	}
	return false
}

// reportedSubject reports a phrase ending at k inside the clause a
// reporting verb governs ("said an executive had", "told reporters a nurse
// had warned her"), not the subject of an inverted cue ("...," said Ada
// Brook) nor of the sentence's own clause.
func (d *doc) reportedSubject(k int) bool {
	s := k
	if d.entityAt(k) >= 0 {
		s = d.mentionStart(k)
	} else {
		s, _ = d.npEnd(k, d.windowStart(k))
	}
	// ("The account was disputed by al-Rubaie": the agent of a passive
	// verb of saying is its subject, nothing it reports.)
	if d.passiveAgent(s) {
		return false
	}
	for i := s - 1; i >= 0 && !d.toks[i].sentEnd && d.toks[i].para == d.toks[k].para && s-i <= 12; i-- {
		if !d.isWord(i) {
			// A comma closes the clause before ("Asked whether ..., Ada
			// declined"; "..., while the board welcomed").
			// "And, Ada Brook added, Tom Vale promised ...": a clause after
			// an attribution set off by commas is reported too.
			if d.isPunct(i, ",") && d.parentheticalCue(i) {
				return true
			}
			// "said it was too early to say whether the driver, Kuldeep
			// Kumar, had lost control": a name in apposition to a
			// description stands where the description does.
			if d.isPunct(i, ",") && i == s-1 && d.isWord(i-1) && !d.toks[i-1].capit && (d.lex.in("personnouns", d.toks[i-1].low) || d.lex.in("personheads", d.toks[i-1].low)) &&
				d.isWord(i-2) && (d.lex.in("determiners", d.toks[i-2].low) || d.lex.in("pronouns", d.toks[i-2].low)) {
				i -= 2
				continue
			}
			if d.toks[i].kind == kMark || d.isPunct(i, ":") || d.isPunct(i, ";") || d.isPunct(i, ",") {
				return false
			}
			continue
		}
		if d.toks[i].inQ {
			return false
		}
		// "Jacob Stokes thinks Obama can win": so under a verb of thinking.
		if !d.toks[i].capit && d.lex.in("mental", d.toks[i].low) && d.cueAt(i) == 0 {
			return true
		}
		if d.cueAt(i) > 0 {
			// "...," said Ada Brook: the inverted cue's own subject.
			p := i - 1
			if d.isPunct(p, ",") {
				p--
			}
			// ("The data will help, says Ada Brook.": so after a comma
			// without quotation marks, the name right after the verb and
			// ending the clause; not "Ada Brook, 40, told Radio Sur that".)
			inverted := i == d.beforePhrase(s) && p >= 0 && (d.toks[p].kind == kMark || d.invertedAfterCommaAt(i, s, k))
			return !inverted
		}
	}
	return false
}

// parentheticalCue reports an attribution that ends at the comma c and
// opens its sentence, alone ("Ada Brook added, ...") or after one opening
// word and a comma ("And, she said, ...").
func (d *doc) parentheticalCue(c int) bool {
	v := c - 1
	if !d.isWord(v) || d.toks[v].capit || d.toks[v].inQ || d.cueAt(v) == 0 {
		return false
	}
	n := v - 1
	if !d.isWord(n) {
		return false
	}
	s := n
	switch {
	case d.entityAt(n) >= 0:
		s = d.mentionStart(n)
	case d.toks[n].low == "he" || d.toks[n].low == "she" || d.toks[n].low == "they":
	default:
		return false
	}
	b := s - 1
	return d.sentStart(s) || d.isPunct(b, ",") && b >= 1 && d.sentStart(b-1)
}

// askedOpener reports a sentence that opens with the question put to
// someone ("Asked whether ...,", "Pressed on ...,") at token k.
func (d *doc) askedOpener(k int) bool {
	if !d.isWord(k) {
		return false
	}
	switch d.toks[k].low {
	case "asked", "pressed":
		return d.sentStart(k) || d.whenAsked(k)
	}
	return false
}

// whenAsked reports a verb of asking at k in a clause that opens its
// sentence with "when", "after" or "as" ("When a reporter asked Dawson
// whether a deal was close, he answered"): the question put to the one
// who answers after the comma, as "Asked whether ..." is.
func (d *doc) whenAsked(k int) bool {
	for i := k - 1; i >= 0 && k-i <= 6 && d.toks[i].para == d.toks[k].para; i-- {
		if !d.isWord(i) || d.toks[i].inQ {
			return false
		}
		if d.sentStart(i) {
			switch d.toks[i].low {
			case "when", "after", "as", "once":
				return true
			}
			return false
		}
	}
	return false
}

// whenAsker reports a phrase at s that asks in such a clause ("a
// reporter" in "When a reporter asked Dawson ..."): the one asking is
// not the one answering in its sentence.
func (d *doc) whenAsker(s int) bool {
	for i := s; i < len(d.toks) && i <= s+4; i++ {
		if !d.isWord(i) {
			return false
		}
		if w := d.toks[i].low; w == "asked" || w == "pressed" {
			return i > s && d.whenAsked(i) && d.resolving >= 0 && d.resolving < len(d.toks) && !d.sentenceBetween(i, d.resolving)
		}
	}
	return false
}

// askedSubject reads the speaker of a sentence that opens with the
// question put to him (a cue at k that is such an opener) and has no cue
// of its own before the quote at open: the subject after the comma that
// closes the question, or its possessor ("Vale's answer was short:").
func (d *doc) askedSubject(k, open int) (ref, string, bool) {
	if !d.askedOpener(k) {
		return ref{}, "", false
	}
	comma := -1
	for i := k + 1; i < open; i++ {
		if d.isPunct(i, ",") {
			comma = i
			break
		}
	}
	if comma < 0 || !d.isWord(comma+1) {
		return ref{}, "", false
	}
	r := d.sentenceSubject(comma+1, open)
	// "the IOM official gave", "the new champion shrugged": a described
	// person whose phrase names an organisation, or none the clause
	// reading finds, is the noun phrase after the comma.
	// "the minister said": a definite description renames the person
	// named under it, as it does anywhere else.
	if !r.ok() || r.etype == "ORG" || !properName(r.name) {
		if a, b := d.npRight(comma+1, open); a <= b {
			if r2 := d.speakerFromNP(a, b); r2.ok() && (!r.ok() || r.etype == "ORG" || properName(r2.name)) {
				r = r2
			}
		}
	}
	// The cue is what the sentence says of its subject right before the
	// quote ("was blunt", "replied"), up to three words.
	cue := ""
	e := open - 1
	for e > comma && (d.isPunct(e, ":") || d.isPunct(e, ",")) {
		e--
	}
	s := e
	for s-1 > comma && e-s < 2 && d.isWord(s-1) && !d.toks[s-1].capit && !d.toks[s-1].inQ {
		s--
	}
	if d.isWord(e) && !d.toks[e].capit && s <= e {
		cue = d.cueText(s, e-s+1)
	}
	return r, cue, true
}

// askedOpenerOf is the opener of the question that token s is in, or -1.
func (d *doc) askedOpenerOf(s int) int {
	for i := s; i >= 0 && (i == s || !d.toks[i].sentEnd) && d.toks[i].para == d.toks[s].para && s-i <= 25; i-- {
		if !d.isWord(i) {
			if d.isPunct(i, ",") || d.toks[i].kind == kMark {
				return -1
			}
			continue
		}
		if d.askedOpener(i) {
			// (After the verb of a clause opened by "when" stands the one
			// asked, who answers.)
			if !d.sentStart(i) {
				return -1
			}
			return i
		}
	}
	return -1
}

// askerHere reports a phrase starting at s inside the question that opens
// the sentence of the pronoun being resolved ("Asked by a reporter whether
// ..., she replied"), or that asked in the sentence right before it
// (askerBefore): the one asking is not the one answering. Further back the
// asker may well speak next.
func (d *doc) askerHere(s int) bool {
	if d.whenAsker(s) || d.askerBefore(s) {
		return true
	}
	o := d.askedOpenerOf(s)
	if o < 0 || d.resolving < 0 || d.resolving >= len(d.toks) {
		return false
	}
	return !d.sentenceBetween(o, d.resolving)
}

// firstPerson reports "I" and its contractions ("I'm", "I’ve").
func firstPerson(w string) bool {
	return w == "i" || strings.HasPrefix(w, "i'") || strings.HasPrefix(w, "i’")
}

// inPartyBracket reports a token inside a party-and-state bracket of the
// older style, "Sen. John Danforth (R., Mo.)": a state, no referent.
func (d *doc) inPartyBracket(k int) bool {
	for o := k - 1; o >= 0 && o >= k-4; o-- {
		if d.isPunct(o, ")") {
			return false
		}
		if !d.isPunct(o, "(") {
			continue
		}
		if !d.isWord(o + 1) {
			return false
		}
		w := strings.TrimSuffix(d.body[d.toks[o+1].s:d.toks[o+1].e], ".")
		if w != "D" && w != "R" && w != "I" {
			return false
		}
		return d.isPunct(o+2, ",") || d.isPunct(o+2, ".") && d.isPunct(o+3, ",")
	}
	return false
}

// lesserTitle reports a title word at k whose title, read back over its
// capitalised words (or the one word before), says vice, deputy, assistant,
// associate or former, where the description at h does not; or the
// description says former, ex or late and the title does not.
func (d *doc) lesserTitle(k, h int) bool {
words:
	for j := k - 1; j >= 0 && j >= k-3 && d.isWord(j) && !d.toks[j].inQ; j-- {
		w := d.toks[j].low
		switch w {
		case "vice", "deputy", "assistant", "associate", "former", "ex", "prime", "first", "late", "then":
			// ("the minister" is not "Prime Minister Anne Holt".)
			// (A word the description has too is no lesser title; one
			// before it may be: "the prime minister" is not "former prime
			// minister Kwame Asante".)
			for i := h - 1; i >= 0 && i >= h-3 && d.isWord(i); i-- {
				if d.toks[i].low == w {
					continue words
				}
			}
			return true
		}
		if j < k-1 && !d.toks[j].capit {
			break
		}
	}
	// ("the former president" is not "Chinese President Yang": one who
	// holds the office now; the description's "former" must be the
	// title's too.)
	for i := h - 1; i >= 0 && i >= h-3 && d.isWord(i) && !d.toks[i].inQ && !d.toks[i].capit; i-- {
		w := d.toks[i].low
		if w != "former" && w != "ex" && w != "late" {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-3 && d.isWord(j) && !d.toks[j].inQ; j-- {
			if d.toks[j].low == w {
				return false
			}
		}
		return true
	}
	return false
}

// placeNamed reports a name that is the name or an alias of a place or a
// nationality the article's entities hold.
func (d *doc) placeNamed(name string) bool {
	if d.places == nil {
		// Built once per article: pronouns are resolved many times.
		d.places = map[string]bool{}
		for e := range d.ents {
			if !d.isPlace(e) && d.ents[e].Type != "NORP" {
				continue
			}
			d.places[foldWord(d.ents[e].Name)] = true
			for _, a := range d.ents[e].Aliases {
				d.places[foldWord(a)] = true
			}
		}
	}
	return d.places[foldWord(name)]
}

// objectPronounAfter returns the position of an object pronoun of pron's
// gender ("him" for he, "her" for she) in the clause of the subject that
// ends at k, or 0. Such a pronoun cannot be that subject (it would be
// "himself"): it names someone else, the person the passage is about.
// Only up to the clause's end: "Keane said the coach had told him" may
// mean Keane.
func (d *doc) objectPronounAfter(k int, pron string) int {
	want := objectPronoun(pron)
	if want == "" {
		return 0
	}
	for i := k + 1; i < len(d.toks) && i <= k+10; i++ {
		t := d.toks[i]
		// (Past an apposition's closing comma or an age: "Her deputy,
		// Lena Varga, stood", "Varga, 30, stood".)
		if d.isPunct(i, ",") || isDigits(t.low) {
			// (Not into an aside: "Lockwood, standing beside her,
			// nodded" is about Lockwood.)
			if d.isPunct(i, ",") && d.isWord(i+1) && strings.HasSuffix(d.toks[i+1].low, "ing") {
				return 0
			}
			continue
		}
		if t.inQ || t.kind != kWord || t.capit || t.sentEnd {
			return 0
		}
		switch t.low {
		case "that", "who", "whom", "which", "when", "while", "because", "after", "before", "if", "as", "and", "but", "said", "says", "told", "himself", "herself", "his":
			return 0
		case "to":
			// ("turns to religion to keep him strong": an infinitive's
			// object may be the subject; "ran to him" is not.)
			if i+1 < len(d.toks) && d.toks[i+1].low != want {
				return 0
			}
		case want:
			// ("had a shift ahead of her", "looked around him": a place
			// around the subject may be the subject's own.)
			switch d.toks[i-1].low {
			case "of", "behind", "around", "near", "about", "above", "below", "under", "over", "within", "upon":
				return 0
			}
			if want == "her" {
				// ("stood beside her holding", "thanked her."; not "her
				// medal": a possessive may be the subject's own.)
				n := i + 1
				if n < len(d.toks) && d.isWord(n) && !strings.HasSuffix(d.toks[n].low, "ing") && !objectFollower(d.toks[n].low) {
					return 0
				}
			}
			return i
		}
	}
	return 0
}

// askedOther returns the last token of the person named after the
// subject ending at k and before "asked her" (or him, as pron wants) and a
// question word in the subject's sentence ("Jane Roe thanked Mary Kent
// and asked her what she wanted"), or -1: the one asked.
func (d *doc) askedOther(k int, pron string) int {
	want := objectPronoun(pron)
	if want == "" {
		return -1
	}
	for i := k + 1; i+2 < len(d.toks) && i <= k+15; i++ {
		t := d.toks[i]
		if t.sentEnd || t.inQ {
			return -1
		}
		if !d.isWord(i) || t.low != "asked" && t.low != "pressed" || d.toks[i+1].low != want {
			continue
		}
		if w := d.toks[i+2].low; !questionWord(w) && w != "to" && w != "about" {
			return -1
		}
		for x := i - 1; x > k; x-- {
			if d.personAt(x) >= 0 {
				return x
			}
		}
		return -1
	}
	return -1
}

// askedWhether reports a subject at k that asks, in its own sentence,
// whether pron (the same pronoun) could or would do something: "Huxley
// asked whether she could be impartial" speaks of another.
func (d *doc) askedWhether(k int, pron string) bool {
	if pron != "he" && pron != "she" {
		return false
	}
	for i := k + 1; i+2 < len(d.toks) && i <= k+6; i++ {
		t := d.toks[i]
		if t.sentEnd || t.inQ || !d.isWord(i) {
			return false
		}
		if t.low != "asked" && t.low != "wondered" && t.low != "questioned" {
			continue
		}
		// ("Omar Reyes has been asked whether he would buy": the one a
		// passive asks is the subject; "he" may be he.)
		if p := d.toks[i-1].low; d.isWord(i-1) && (p == "been" || p == "was" || p == "were" || p == "is" || p == "being") {
			return false
		}
		w := d.toks[i+1].low
		return (w == "whether" || w == "if") && d.isWord(i+2) && d.toks[i+2].low == pron
	}
	return false
}

// askedBeforeQuestion returns the last token of the person that the
// subject at k asked a quoted question ("A reporter asked Judge Mara
// Olsen, "...?""), when the question closes before at; else -1.
func (d *doc) askedBeforeQuestion(k, at int) int {
	for i := k + 1; i < at && i <= k+8; i++ {
		if d.toks[i].sentEnd || d.toks[i].inQ {
			return -1
		}
		if !d.isWord(i) || !askingCue(d.toks[i].low) {
			continue
		}
		last := -1
		x := i + 1
		for ; x < at && x <= i+5 && d.isWord(x); x++ {
			if d.personAt(x) >= 0 {
				last = x
			}
		}
		if last < 0 || last != x-1 || !d.isPunct(x, ",") && !d.isPunct(x, ":") {
			return -1
		}
		for _, q := range d.qs {
			if q.open == x+1 && q.close >= 0 && q.close < at && endsQuestion(d.body[q.ts:q.te]) {
				return last
			}
		}
		return -1
	}
	return -1
}

// objectPronoun is the object form of the subject pronoun he or she, or
// "" for another pronoun.
func objectPronoun(pron string) string {
	switch pron {
	case "he":
		return "him"
	case "she":
		return "her"
	}
	return ""
}

// questionWord reports a word that opens what is asked ("asked her
// whether", "asked him what").
func questionWord(w string) bool {
	switch w {
	case "whether", "if", "what", "how", "why", "when", "where":
		return true
	}
	return false
}

// objectFollower reports a word that follows an object "her" and never
// her possessions: "thanked her for", "beside her in the rain".
func objectFollower(w string) bool {
	switch w {
	case "in", "at", "on", "to", "for", "from", "with", "after", "before", "during", "into", "onto", "as", "again", "back", "up", "down", "off", "out", "away", "the", "a", "an":
		return true
	}
	return false
}

// otherTitle reports a title at k that names another office than the
// description at h, whose own title words are not all in it: "the Prime
// Minister" is not "Shadow Health Minister Mark Butler" nor "Foreign
// Minister Ana Lind". The description's title words are those written
// with a capital before its head ("the Foreign Secretary"), and "prime".
func (d *doc) otherTitle(k, h int) bool {
	// (An MP's capitalised words are a place: "the Bath MP".)
	if postNominal(d.toks[h].low) {
		return false
	}
	var want []string
	for i := h - 1; i >= 0 && i >= h-3 && d.isWord(i) && !d.toks[i].inQ && !d.sentStart(i+1); i-- {
		w := d.toks[i]
		if !w.capit && w.low != "prime" || d.lex.in("determiners", w.low) {
			break
		}
		want = append(want, w.low)
	}
	if len(want) == 0 {
		return false
	}
	have := map[string]bool{}
	// ("the prime minister, Kwame Asante," has "prime" too.)
	for j := k - 1; j >= 0 && j >= k-3 && d.isWord(j) && (d.toks[j].capit || d.toks[j].low == "prime") && !d.toks[j].inQ; j-- {
		have[d.toks[j].low] = true
	}
	for _, w := range want {
		if !have[w] {
			return true
		}
	}
	return false
}

// sentencesBetween counts the sentence ends in [i, j) outside quotes.
func (d *doc) sentencesBetween(i, j int) int {
	n := 0
	for k := max(i, 0); k < j && k < len(d.toks); k++ {
		if d.toks[k].sentEnd && !d.toks[k].inQ && d.toks[k].kind != kMark {
			n++
		}
	}
	return n
}

// askerBefore reports a phrase at s that is the subject of "asked" in the
// sentence right before an answer's pronoun ("Ana Ode asked her whether
// she saw the man. "...," she answered"): the one who answers is the one
// asked, not the asker.
func (d *doc) askerBefore(s int) bool {
	at := d.resolving
	if at < 0 || at+1 >= len(d.toks) || !d.isWord(at+1) {
		return false
	}
	// (Any verb of saying but a question of its own: "A reporter asked
	// Hale whether ... "...," he said".)
	if w := d.toks[at+1].low; d.cueAt(at+1) == 0 || w == "asked" || w == "asks" || w == "pressed" {
		return false
	}
	// ("A journalist from Marca asked", "A Spanish reporter asked": the
	// asker's phrase may take a place or a body after a preposition;
	// "A journalist from the news agency ANSA then asked": nouns and an
	// adverb too.)
	k := s
	for k < len(d.toks) && k < s+12 && d.isWord(k) && !d.toks[k].inQ && d.toks[k].low != "asked" && !auxiliary(d.toks[k].low) &&
		(d.toks[k].capit || d.lex.in("personheads", d.toks[k].low) || d.lex.in("groupheads", d.toks[k].low) || d.lex.in("personnouns", d.toks[k].low) ||
			k > s && (d.toks[k].low == "from" || d.toks[k].low == "of" || d.toks[k].low == "at" || d.toks[k].low == "the" ||
				d.adverb(d.toks[k].low) || !d.verbish(d.toks[k].low) && !d.lex.in("clause", d.toks[k].low) && d.cueAt(k) == 0)) {
		k++
	}
	if k == s || !d.isWord(k) || d.toks[k].low != "asked" || d.requestAfter(k) {
		return false
	}
	return d.sentencesBetween(k, at) == 1
}

// requestAfter reports "asked" at k making a request of no person rather
// than putting a question: "asked the court to keep the men in custody",
// "asked for calm". The one who asks goes on speaking; one asked by name
// or as a person ("asked the mayor to explain") may be the one who
// answers.
func (d *doc) requestAfter(k int) bool {
	o := k + 1
	if d.isWord(o) && (d.toks[o].low == "the" || d.toks[o].low == "a" || d.toks[o].low == "an") {
		o++
	}
	if !d.isWord(o) || d.toks[o].capit || d.lex.in("personheads", d.toks[o].low) || d.lex.in("personnouns", d.toks[o].low) {
		return false
	}
	for j := k + 1; j < len(d.toks) && j <= k+7 && d.isWord(j) && !d.toks[j].inQ; j++ {
		switch d.toks[j].low {
		case "to", "for":
			return true
		case "whether", "if", "about", "what", "why", "how", "when", "where", "who", "which":
			return false
		}
	}
	return false
}

// countedFrom returns where the quantity before the plural at k starts
// ("hundreds of angry depositors", "about 200 farmers"), or -1.
func (d *doc) countedFrom(k int) int {
	j := k - 1
	// (Up to two adjectives between: "hundreds of angry depositors".)
	for n := 0; n < 2 && d.isWord(j) && !d.toks[j].capit && !d.toks[j].inQ && j > 0 && !d.lex.in("prepositions", d.toks[j].low) && !isDigits(strings.ReplaceAll(d.toks[j].low, ",", "")) && !numberWord(d.toks[j].low); n++ {
		j--
	}
	if !d.isWord(j) || d.toks[j].inQ {
		return -1
	}
	if w := d.toks[j].low; w == "of" && d.isWord(j-1) {
		if countedPlural(d.toks[j-1].low) {
			return j - 1
		}
		return -1
	}
	if w := d.toks[j].low; isDigits(strings.ReplaceAll(w, ",", "")) || numberWord(w) || w == "several" {
		return j
	}
	return -1
}

// orgHeadWords returns the words of a body's lower-cased name that may
// head it: the last, and the one before its first "of", "for" or "on".
func orgHeadWords(ws []string) []string {
	if len(ws) == 0 {
		return ws
	}
	out := []string{ws[len(ws)-1]}
	for i := 1; i < len(ws); i++ {
		if ws[i] == "of" || ws[i] == "for" || ws[i] == "on" {
			out = append(out, ws[i-1])
			break
		}
	}
	return out
}

// personBetween reports a person named in [lo, hi).
func (d *doc) personBetween(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if d.personAt(k) >= 0 {
			return true
		}
	}
	return false
}

// outletWord reports a noun for a kind of news outlet ("broadcaster",
// "newspaper", "daily", "news agency").
func outletWord(w string) bool {
	switch w {
	case "broadcaster", "newspaper", "daily", "weekly", "paper", "tabloid", "magazine", "channel", "station", "radio", "television", "outlet", "website", "site", "network", "agency":
		return true
	}
	return false
}

// authoredTextBefore returns the speaker of the last quote before h, in
// its paragraph or the two before, that text_author gave a text with the
// head noun head: "the statement" that goes on is that text.
func (d *doc) authoredTextBefore(h int, head string) (ref, bool) {
	p := d.paraOf(h)
	for i := len(d.qs) - 1; i >= 0; i-- {
		q := d.qs[i]
		if q.close < 0 || q.close >= h || !q.done {
			continue
		}
		if q.para < p-2 {
			break
		}
		if !strings.HasPrefix(q.rule, "text_author") || !q.spk.ok() {
			continue
		}
		for k := d.sentenceStart(q.open); k < q.open; k++ {
			if d.isWord(k) && d.toks[k].low == head {
				return inherit(q.spk), true
			}
		}
		return ref{}, false
	}
	return ref{}, false
}

// relativeHeadBefore returns the head of a person's noun phrase that a
// restrictive relative clause ("who", "that", no comma before it) follows,
// the clause running up to the comma at c; -1 when there is none.
func (d *doc) relativeHeadBefore(c, lo int) int {
	for w := c - 1; w > lo && w >= c-30; w-- {
		if !d.isWord(w) && !d.isPunct(w, "-") {
			return -1
		}
		if l := d.toks[w].low; l != "who" && l != "that" {
			continue
		}
		h := w - 1
		if !d.isWord(h) || d.toks[h].capit || !(d.roleWord(d.toks[h].low) || d.lex.in("personnouns", d.toks[h].low)) {
			return -1
		}
		return h
	}
	return -1
}

// bareRoleBefore reads a bare "the president" at h that the resolution
// gave to someone the article only ever calls by a qualified title
// ("Kazakh President Yerlan Suleimenov", "the Kazakh president"), when
// an earlier bare "the president" was someone else ("Mongolian President
// Batbayar Gantulga ... the president said"): the bare title stays with
// the one it stood for.
func (d *doc) bareRoleBefore(h int, r ref) (ref, bool) {
	if !r.ok() || r.typ != SpeakerPerson || !properName(r.name) || !d.isWord(h-1) || d.toks[h-1].low != "the" || !d.roleWord(d.toks[h].low) || d.bareAt[h] {
		return ref{}, false
	}
	w := d.toks[h].low
	if !d.qualifiedDescriptionBefore(r.name, w, h) {
		return ref{}, false
	}
	if d.bareAt == nil {
		d.bareAt = map[int]bool{}
	}
	d.bareAt[h] = true
	defer delete(d.bareAt, h)
	for k := h - 2; k > 0 && k >= h-400; k-- {
		if !d.isWord(k) || d.toks[k].inQ || d.toks[k].low != w || d.toks[k-1].low != "the" {
			continue
		}
		p := d.resolveDescription(k)
		if p.ok() && p.typ == SpeakerPerson && properName(p.name) && p.name != r.name {
			p.head = h
			return p, true
		}
		return ref{}, false
	}
	return ref{}, false
}

// nameNoun reports a noun whose apposition spells out a name or words
// ("the name, Navalny", "the slogan, ...") rather than renaming a person.
func nameNoun(w string) bool {
	switch w {
	case "name", "names", "nickname", "pseudonym", "alias", "word", "words", "slogan", "title":
		return true
	}
	return false
}

// roleHolderAfter reads a definite role that no one named before holds,
// in an article's opening ("The chief executive of East Cape Forestry has
// told staff that ..."), as the person the next paragraphs name with that
// role ("chief executive Graham Holloway wrote"): news names the one its
// lead describes a little later.
func (d *doc) roleHolderAfter(h int, r ref) (ref, bool) {
	if r.ok() && properName(r.name) || !d.isWord(h) || !d.roleWord(d.toks[h].low) || !d.isWord(h-1) {
		return ref{}, false
	}
	// Only "the <role>" or "the <role> of ...", in the first two paragraphs.
	a := h - 1
	for a > 0 && d.isWord(a) && !d.toks[a].inQ && a >= h-3 && d.toks[a].low != "the" {
		a--
	}
	if !d.isWord(a) || d.toks[a].low != "the" || d.paraOf(h) > d.paraOf(0)+1 {
		return ref{}, false
	}
	w := d.toks[h].low
	hi := len(d.toks)
	if p := d.paraOf(h) + 3; p < len(d.paras) {
		hi = d.paras[p].t0
	}
	for k := h + 1; k < hi; k++ {
		e := d.entityAt(k)
		if e < 0 || d.ents[e].Type != "PERSON" || d.mentionStart(k) != k || d.toks[k].inQ {
			continue
		}
		// (Only the bare title: not "deputy mayor", "former chief
		// executive", "Oak Mills' chief executive".)
		if d.isWord(k-1) && d.toks[k-1].low == w && d.bareTitleAt(k-1) {
			return d.entityRef(e, k), true
		}
	}
	return ref{}, false
}

// thingApposition reports a name at k set off by a comma after a noun
// for a thing, not a person ("The book, Tierra y Gol, was published"):
// the name is the thing's, whatever the entity layer typed it.
func (d *doc) thingApposition(k int) bool {
	if !d.isWord(k) {
		return false
	}
	if e := d.mentionEnd(k); !d.isPunct(e+1, ",") && !d.isPunct(e+1, ")") {
		return false
	}
	return d.thingAppositionAt(d.mentionStart(k))
}

// thingAppositionAt is thingApposition for a name starting at s.
func (d *doc) thingAppositionAt(s int) bool {
	n := s - 2
	if !d.isPunct(s-1, ",") || !d.isWord(n) || d.toks[n].capit || !d.isWord(n-1) {
		return false
	}
	if w := d.toks[n-1].low; w != "the" && w != "a" && w != "an" && w != "his" && w != "her" && w != "their" && w != "its" {
		return false
	}
	return workNoun(d.toks[n].low)
}

// workNoun reports a noun for a work or a vessel, whose names look like
// people's ("the novel, Ada Grey", "the ship, Mary Rose").
func workNoun(w string) bool {
	switch w {
	case "book", "novel", "memoir", "biography", "film", "movie", "documentary", "album", "song", "single", "play", "musical", "opera",
		"poem", "painting", "series", "show", "programme", "program", "podcast", "game", "ship", "vessel", "boat", "yacht", "ferry", "tanker":
		return true
	}
	return false
}

// qualifiedDescriptionBefore reports a person whose every mention with
// the title w before it has a people's or place's name before the title
// ("Kazakh President Yerlan Suleimenov": no bare holder of the title),
// and "the Kazakh president" before h, after the first such mention: the
// writer repeating the qualifier to set that person apart from the bare
// "the president".
func (d *doc) qualifiedDescriptionBefore(name, w string, h int) bool {
	qual, at := "", -1 // the first titled mention's qualifier and place
	for k := 1; k < len(d.toks); k++ {
		e := d.entityAt(k)
		if e < 0 || d.mentionStart(k) != k || !strings.EqualFold(d.ents[e].Name, name) || !d.isWord(k-1) || d.toks[k-1].low != w {
			continue
		}
		t := k - 1
		if !d.isWord(t-1) || !d.toks[t-1].capit || !(d.isNORP(t-1) || d.nameAdjective(t-1) || d.entityAt(t-1) >= 0) {
			return false
		}
		if at < 0 {
			qual, at = d.toks[t-1].low, k
		}
	}
	for k := at + 1; at >= 0 && k < h; k++ {
		if d.isWord(k) && d.toks[k].low == w && !d.toks[k].inQ && d.isWord(k-1) && d.toks[k-1].low == qual && !d.toks[k].capit && d.isWord(k-2) && d.toks[k-2].low == "the" {
			return true
		}
	}
	return false
}

// journalistNoun reports a noun for one who puts questions for a living:
// after such a one's question any verb of saying answers it; a member of
// the public who asks often goes on speaking.
func journalistNoun(w string) bool {
	switch w {
	case "reporter", "journalist", "correspondent", "interviewer", "presenter", "host", "questioner", "reporters", "journalists":
		return true
	}
	return false
}

// bareTitleAt reports a title at t with nothing of its own before it: a
// sentence's start, punctuation other than an apostrophe, a verb of saying
// or a preposition ("In a letter, chief executive Tom Vale wrote", "said
// chief executive Tom Vale"); not "deputy mayor", "former chief
// executive", "Oak Mills' chief executive", "shadow minister".
func (d *doc) bareTitleAt(t int) bool {
	p := t - 1
	// (A two-word title: "chief executive".)
	if d.isWord(p) && !d.toks[p].capit && (d.isTitle(d.toks[p].low) || d.roleWord(d.toks[p].low)) && !d.lex.in("othermods", d.toks[p].low) {
		p--
	}
	if d.sentStart(p + 1) {
		return true
	}
	if !d.isWord(p) {
		return !d.isPunct(p, "'") && !d.isPunct(p, "’")
	}
	switch d.toks[p].low {
	case "and", "by", "with", "from", "to", "as", "said", "says", "told", "wrote":
		return true
	}
	return d.cueAt(p) > 0
}

// placeBefore reports a place's name (GPE or LOC) ending right before
// token k.
func (d *doc) placeBefore(k int) bool {
	e := d.entityAt(k - 1)
	return e >= 0 && (d.ents[e].Type == "GPE" || d.ents[e].Type == "LOC")
}
