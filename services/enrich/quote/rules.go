package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// attribCtx is what the attribution rules read about one quote: the quote,
// its neighbours in the paragraph and the token bounds of its sentence.
type attribCtx struct {
	d          *doc
	qi         int
	q          *qspan
	p          para
	prev, next *qspan // quotes of the same paragraph before and after, or nil
	afterHi    int    // end of the text an attribution after the quote may use
	gapLo      int    // start of the text between the previous quote and this one
	lo         int    // start of the quote's sentence, no earlier than gapLo
	cue        string // the cue the firing rule read, as written

	after *afterRead // the attribution after the quote, read once
}

// afterRead is the memoised `, X said` reading after the quote.
type afterRead struct {
	r   ref
	cue string
}

// rule is one named way of finding a quote's speaker. fn returns the
// speaker and true when the rule fires; it may set ctx.cue.
type rule struct {
	name string
	fn   func(*attribCtx) (ref, bool)
}

// rules is the attribution order: the first rule that fires with a speaker
// that can speak (canSpeak) names the quote's speaker. It is read-only.
// Once every quote has one, pull_quote (doc.pullQuotes) gives a quote
// paragraph with no cue the speaker of the quote it repeats.
var rules = []rule{
	{"source_after_cue_before", sourceAfterCueBefore}, // `X called it "...," according to the Herald`
	{"cue_after", cueAfter},                           // `"...," X said` / `"...," said X`
	{"participle_opener", participleOpener},           // `Observing that the judge "...," Murray concluded ...`
	{"shared_cue", sharedCue},                         // `"..." and "...," X said`
	{"dash_credit", dashCredit},                       // `"..." - X` closing the paragraph
	{"sign_reading", signReading},                     // `X held a sign reading "..."`
	{"closing_cue", closingCue},                       // `"..." in that law, Azzouz said.`
	{"continuation", continuation},                    // a second quote of the same sentence or paragraph, no cue between
	{"in_words", inWords},                             // `It was, in Ruiz's words, "..."`, `in the words of X`
	{"text_author", textAuthor},                       // `A statement issued in his name read: "..."`: the text's author
	{"cue_before", cueBeforeRule},                     // `X said "..."` in the quote's sentence
	{"claim_owner", claimOwnerRule},                   // `X welcomed Y's remark that "..."`, no cue: the one whose remark it was
	{"colon_subject", colonSubject},                   // `X praised the team: "..."`
	{"after_sentence", afterSentenceRule},             // `"..." X said on Friday.`
	{"according_to", accordingTo},                     // `"..." from the mud, according to police`
	{"words_frame_after", wordsFrameAfter},            // `"..." These were the words of X.`, also opening the next paragraph
	{"answer", answer},                                // `Wikinews asked X about the plan.` / `"..."` with no cue: the one asked
	{"prev_sentence_cue", prevSentenceCue},            // `X criticised the plan. "..."`
	{"prev_sentence_subject", prevSentenceSubject},    // `X left the series. "This is ..."`
	{"colon_paragraph", colonParagraph},               // `X said:` ending the paragraph before a quote paragraph
	{"next_question", nextQuestion},                   // `"...?" X asked. ¶ "...," Y replied. ¶ "And ...?"`: the asker again
	{"paragraph_continuation", paragraphContinuation}, // a paragraph opening with a quote continues the last speaker
	{"sentence_subject", sentenceSubjectRule},         // `X thanked the crews for their "courage ..."`, no cue anywhere
	{"words_of", wordsOf},                             // `"..." That was the message from X.`, `Those were the words of X: "..."`
	{"quote_paragraph", quoteParagraph},               // a paragraph that is only a quote: the person the paragraph before speaks of, else the last speaker
	{"possessed_words", possessedWords},               // `... helmet, their "number one requested hero helmet"`, no cue: the possessor's words
	{"text_names_itself", textNamesItself},            // `A statement said: "The Elite League is heartbroken to ..."`: an issuer named by its own text
}

// newAttribCtx builds the context of quote qi.
func (d *doc) newAttribCtx(qi int) *attribCtx {
	q := d.qs[qi]
	c := &attribCtx{d: d, qi: qi, q: q, p: d.paras[q.para]}
	if qi > 0 && d.qs[qi-1].para == q.para {
		c.prev = d.qs[qi-1]
	}
	if qi+1 < len(d.qs) && d.qs[qi+1].para == q.para {
		c.next = d.qs[qi+1]
	}
	c.afterHi = c.p.t1
	if c.next != nil {
		c.afterHi = c.next.open
	}
	c.gapLo = c.p.t0
	if c.prev != nil {
		c.gapLo = c.prev.close + 1
	}
	c.lo = c.gapLo
	for k := q.open - 1; k >= c.gapLo; k-- {
		if d.toks[k].sentEnd {
			c.lo = k + 1
			break
		}
	}
	return c
}

// attribute finds the speaker of quote qi with the first rule of rules
// that fires, and records the rule's name.
func (d *doc) attribute(qi int) {
	q := d.qs[qi]
	c := d.newAttribCtx(qi)
	d.lastPron = "" // (the attribution after the quote is read once, by the first rule that asks)
	for _, ru := range rules {
		c.cue = ""
		r, ok := ru.fn(c)
		if !ok || !r.ok() || !d.canSpeak(r) {
			continue
		}
		r = d.notTheAsker(qi, r, c.cue)
		if r2, ok := d.delayedIdentification(r, q.open); ok {
			r = r2
		}
		q.spk, q.cue, q.rule = r, c.cue, ru.name
		if r.via != "" {
			q.rule += "." + r.via
		}
		// (A teller, not the one whose words they recall, is whom a later
		// pronoun may mean: "...," Ana Ruiz recalls Lena Marsh telling her.
		// "...," she said.)
		if q.teller.ok() && q.teller.head >= 0 {
			d.spkAt[q.teller.head] = q.teller
		} else if r.head >= 0 {
			d.spkAt[r.head] = r
		}
		if r.via == "pronoun" && r.typ == SpeakerPerson && (d.lastPron == "he" || d.lastPron == "she") && properName(r.name) {
			if d.sexOf == nil {
				d.sexOf = map[string]string{}
			}
			if _, seen := d.sexOf[r.name]; !seen {
				d.sexOf[r.name] = d.lastPron
			}
		}
		break
	}
	q.done = true
}

// notTheAsker keeps a description that replies to a question from
// renaming the one who asked it (`"...?" asked Jennifer Wu, an analyst.
// "...," the 55-year-old engineer replied`): the description stays
// itself.
func (d *doc) notTheAsker(qi int, r ref, cue string) ref {
	if r.via != "description" || qi == 0 || r.head < 0 || r.head >= len(d.toks) {
		return r
	}
	switch strings.ToLower(cue) {
	case "replied", "answered", "responded", "retorted", "shot back", "countered":
	default:
		return r
	}
	p := d.qs[qi-1]
	if !p.spk.ok() || !strings.EqualFold(p.spk.name, r.name) || d.qs[qi].para-p.para > 1 ||
		!endsQuestion(d.body[p.ts:p.te]) {
		return r
	}
	a, _ := d.npEnd(r.head, d.windowStart(r.head))
	return d.descRef(a, r.head)
}

// inherit is a speaker carried over from another quote, still able to
// speak as it was there.
func inherit(r ref) ref { return ref{name: r.name, typ: r.typ, etype: r.etype, subj: r.subj, head: -1} }

// afterQuote reads `, X said` after the quote, once per quote.
func (c *attribCtx) afterQuote() afterRead {
	if c.after == nil {
		c.after = &afterRead{}
		if c.q.close >= 0 && !c.d.toks[c.q.close].sentEnd {
			c.after.r, c.after.cue = c.d.afterCue(c.q, c.q.close+1, c.afterHi)
		}
	}
	return *c.after
}

// sourceAfterCueBefore: "according to" after the quote names the outlet
// that reported it when the sentence has its own cue and speaker before the
// quote (`Lee called it a "...," according to the Herald`).
func sourceAfterCueBefore(c *attribCtx) (ref, bool) {
	a := c.afterQuote()
	// (An outlet relays: "the Herald reported"; a person who writes is
	// the one quoted: `... "...," writes the Post's Chris Mooney`.)
	// (And a group that tells what someone did: `Mayor Lee Harlan called
	// the plan "...," supporters said` is the mayor's.)
	relay := strings.HasPrefix(strings.ToLower(a.cue), "according") || relayVerb(a.cue) && a.r.etype != "PERSON"
	group := !relay && a.r.ok() && a.r.typ == SpeakerGroup && a.r.etype == ""
	if !a.r.ok() || !relay && !group {
		return ref{}, false
	}
	r, cue := c.d.cueBefore(c.q, c.prev)
	if group && (!r.ok() || r.typ == SpeakerGroup || !properName(r.name) || !c.d.quoteCompletesCue(c.lo, c.q.open)) {
		return ref{}, false
	}
	c.cue = cue
	return r, r.ok()
}

// quoteCompletesCue reports that the words from the last cue before open
// to the quote continue that cue's clause: no comma, no relative pronoun,
// no "but", and no "that" but a complementizer (`Mayor Vale announced
// fees that are "..."`, `Vale promised a station, but the site is "..."`
// start clauses of their own, which the group after the quote may judge).
func (d *doc) quoteCompletesCue(lo, open int) bool {
	k, n := d.lastCue(lo, open)
	if n == 0 {
		return false
	}
	for x := k + n; x < open; x++ {
		if d.isPunct(x, ",") || d.isPunct(x, ";") {
			return false
		}
		if !d.isWord(x) {
			continue
		}
		switch d.toks[x].low {
		case "which", "who", "whom", "whose", "but":
			return false
		case "that":
			// (Right after the cue, or after the one told: "said that",
			// "told reporters that".)
			if x != k+n && d.toks[k].low != "told" && d.toks[k].low != "tells" {
				return false
			}
		}
	}
	return true
}

// relayVerb reports an outlet's verb for words it relays (`Ana Lind said
// the plan "will fail," the Herald reported`): the subject before the
// quote spoke them.
func relayVerb(cue string) bool {
	switch strings.ToLower(cue) {
	case "reported", "reports", "writes", "wrote":
		return true
	}
	return false
}

// cueAfter: `"...," X said` or `"...," said X` in the quote's sentence.
func cueAfter(c *attribCtx) (ref, bool) {
	// (`Asked by a reporter, "...?", Vale answered`: the question is the
	// asker's, read by cue_before.)
	if _, ok := c.askerQuestion(); ok {
		return ref{}, false
	}
	// (`When a reporter asked him, "...?", Vale said`: so is a question
	// right after its verb of asking.)
	if c.askedRightBefore() {
		return ref{}, false
	}
	// (`"...," a charge the company denies`: a noun for what was said in
	// apposition to the quote; the verb after it is another's answer.)
	if c.d.claimApposition(c.q.close + 1) {
		return ref{}, false
	}
	// (`Quoting the governor, who had called the storm "...," Pratt asked`:
	// words a relative clause's verb of naming takes as its object are
	// that clause's subject's, read by cue_before.)
	if c.d.namedByRelative(c.lo, c.q.open) {
		return ref{}, false
	}
	a := c.afterQuote()
	c.cue = a.cue
	return a.r, a.r.ok()
}

// namedByRelative reports a verb of naming in a relative clause right
// before the quote at open ("who had called the storm", "critics who
// called it"), its object at most three words.
func (d *doc) namedByRelative(lo, open int) bool {
	for k := open - 1; k >= lo && k >= open-4; k-- {
		if !d.isWord(k) || d.toks[k].inQ {
			return false
		}
		switch d.toks[k].low {
		case "called", "termed", "dubbed", "described", "labelled", "labeled", "branded":
		default:
			continue
		}
		for x := k - 1; x >= lo && x >= k-3 && d.isWord(x); x-- {
			if w := d.toks[x].low; w == "who" || w == "which" || w == "that" {
				return true
			}
		}
		return false
	}
	return false
}

// hasOwnCue reports a verb of saying within a few words after the quote
// (`"...," he replied`), whether or not its subject was resolved.
func (c *attribCtx) hasOwnCue() bool {
	d := c.d
	for x := c.q.close + 1; x < len(d.toks) && x <= c.q.close+4 && x < c.afterHi; x++ {
		if d.toks[x].sentEnd {
			return false
		}
		if d.cueAt(x) > 0 {
			return true
		}
	}
	return false
}

// hasCueOutsideRelative is hasCue skipping a relative clause to the end
// of its sentence or the next comma: `said Jeff Chaney, a teacher who drove from Ames and
// said he may vote for her.` has no cue of its own.
func (d *doc) hasCueOutsideRelative(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		// (And a clause of "where" set off by commas right before the
		// quote: "Public transit, where fares cover a third of costs,
		// "needs ..."".)
		if d.isWord(i) && !d.toks[i].inQ && d.toks[i].low == "where" && d.isPunct(i-1, ",") {
			e := i
			for e < hi && !d.toks[e].sentEnd && !d.isPunct(e, ",") {
				e++
			}
			if d.isPunct(e, ",") && e+1 >= hi {
				i = e
				continue
			}
		}
		if d.isWord(i) && !d.toks[i].inQ && (d.toks[i].low == "who" || d.toks[i].low == "whose") {
			// (To a comma: "Ana Ruiz, who chairs the board, said" has.)
			for i < hi && !d.toks[i].sentEnd && !d.isPunct(i, ",") {
				i++
			}
			continue
		}
		if d.cueAt(i) > 0 {
			return true
		}
	}
	return false
}

// sharedCue: `"We have reached a turning point" and "the outlook is
// worse," Anna Browne said`: two quotes joined by "and" (or a comma)
// share the cue after the second.
func sharedCue(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	if c.next == nil || q.close < 0 || c.next.open <= q.close+1 || d.toks[q.close].sentEnd {
		return ref{}, false
	}
	for k := q.close + 1; k < c.next.open; k++ {
		if !d.isPunct(k, ",") && !(d.isWord(k) && (d.toks[k].low == "and" || d.toks[k].low == "or")) {
			if !d.relativeBetweenQuotes(q, c.next) {
				return ref{}, false
			}
			break
		}
	}
	nc := d.newAttribCtx(c.qi + 1)
	r, ok := cueAfter(nc)
	c.cue = nc.cue
	return r, ok
}

// accusationDone reports a verb of accusing at k whose "of" phrase has a
// word of its own before the quote opening at open ("accused the coach of
// misconduct "...""): the quote is no part of the accusation.
func (d *doc) accusationDone(k, open int) bool {
	switch d.toks[k].low {
	case "accused", "accuses", "accuse", "accusing":
	default:
		return false
	}
	for x := k + 1; x < open && x <= k+8; x++ {
		if !d.isWord(x) || d.toks[x].inQ {
			return false
		}
		if d.toks[x].low == "of" {
			// (The quote then opens a predicate, "should be heard";
			// not a noun phrase or a preposition that goes on with the
			// accusation, "of treating safety as "a box-ticking
			// exercise"", "of racism "at every stage"".)
			return x+1 < open && d.isWord(open-1) && d.isWord(open+1) && (d.lex.in("auxiliaries", d.toks[open+1].low) || d.verbish(d.toks[open+1].low))
		}
	}
	return false
}

// relativeBetweenQuotes reports a relative clause between two quotes of
// one sentence (`"...," which were slow and lost "...," the report
// states`): the first quote's comma inside its marks, then "which" or
// "who", a dozen words at most, no verb of saying and no sentence end
// before the second quote. Both quotes are the cue's after the second.
func (d *doc) relativeBetweenQuotes(q, next *qspan) bool {
	a, b := q.close+1, next.open
	if b-a > 14 || !strings.HasSuffix(strings.TrimSpace(d.body[q.ts:q.te]), ",") || !d.isWord(a) || (d.toks[a].low != "which" && d.toks[a].low != "who") {
		return false
	}
	// (Not a first quote with a cue of its own before it: `Frost called
	// the deal "...," which surprised his party, "...," Reyes added`; nor
	// one that a word before it takes, `a banner reading "..."`: only a
	// quote opening its sentence or its clause after a comma.)
	if d.hasCue(d.sentenceStart(q.open), q.open) || q.open != d.sentenceStart(q.open) && !d.isPunct(q.open-1, ",") {
		return false
	}
	for k := a; k < b; k++ {
		if d.toks[k].sentEnd || d.toks[k].kind == kMark || d.cueAt(k) > 0 {
			return false
		}
	}
	return true
}

// dashCredit: `"We were warned." - Helen Marsh`: a dash after the quote and
// a name that closes the paragraph credit the words, as a caption or an
// epigraph does; not when the quote's sentence has a cue before it (`Vale
// said the plan was "a disaster" - Ana Diaz disagreed`).
func dashCredit(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	if q.close < 0 || d.hasCue(c.lo, q.open) {
		return ref{}, false
	}
	k := q.close + 1
	if k >= c.afterHi || !(d.isPunct(k, "-") || d.isPunct(k, "\u2014") || d.isPunct(k, "\u2013")) {
		return ref{}, false
	}
	a, b := k+1, k+1
	for b < c.afterHi && b < a+6 && d.isWord(b) && !d.toks[b].inQ && (d.toks[b].capit || connector(d.toks[b].low)) {
		b++
	}
	// The name ends the paragraph, or only a full stop follows it.
	if b == a || b < c.p.t1 && !(b+1 == c.p.t1 && d.stop(b)) {
		return ref{}, false
	}
	if !d.isNameNP(a, b-1) {
		return ref{}, false
	}
	return d.nameRef(a, b-1), true
}

// signReading: `X held a sign reading "..."`, `placards that read "..."`:
// the words on a sign are its carrier's, the subject of the clause that
// holds the sign (else the group the article was just about).
func signReading(c *attribCtx) (ref, bool) {
	d := c.d
	k := c.q.open - 1
	if !d.isWord(k) || d.toks[k].inQ {
		return ref{}, false
	}
	cue := k
	switch d.toks[k].low {
	case "reading", "saying", "reads", "read", "said", "says":
	default:
		return ref{}, false
	}
	if d.isWord(k-1) && (d.toks[k-1].low == "that" || d.toks[k-1].low == "which") {
		k--
	}
	// "One read "...", while another simply said "..."": one of the signs
	// the sentence before speaks of.
	if j := k - 1; d.isWord(j) && (d.toks[j].low == "simply" || d.toks[j].low == "just") {
		k = j
	}
	h, lo := k-1, c.lo
	if j := k - 1; d.isWord(j) && (d.toks[j].low == "one" || d.toks[j].low == "another") && (j == c.lo || d.isPunct(j-1, ",") || d.isWord(j-1) && d.toks[j-1].low == "while") {
		h = -1
		for x := j - 1; x >= c.p.t0 && x >= j-60; x-- {
			if d.isWord(x) && !d.toks[x].inQ && signNoun(d.toks[x].low) && strings.HasSuffix(d.toks[x].low, "s") {
				h, lo = x, d.sentenceStart(x)
				break
			}
		}
	}
	if !d.isWord(h) || d.toks[h].inQ || !signNoun(d.toks[h].low) {
		return ref{}, false
	}
	r := d.signHolder(h, lo)
	if !r.ok() {
		return ref{}, false
	}
	c.cue = d.text(d.toks[cue])
	return r, true
}

// signNoun reports a word for a sign, banner or placard, or their plural.
func signNoun(w string) bool {
	switch strings.TrimSuffix(w, "s") {
	case "sign", "banner", "placard", "poster", "t-shirt", "shirt", "flag":
		return true
	}
	return false
}

// signHolder is who carries the sign at token h, in the clause from lo:
// the subject of the verb that holds it ("retired nurse Ana Petit carried
// a placard"), read as a cue's subject is; else the sign's owner.
func (d *doc) signHolder(h, lo int) ref {
	for v := h - 1; v >= lo && v >= h-4 && d.isWord(v) && !d.toks[v].inQ; v-- {
		if d.lex.in("holdverbs", d.toks[v].low) {
			// ("marched to city hall carrying signs": a participle hangs on
			// the clause's subject.)
			if strings.HasSuffix(d.toks[v].low, "ing") {
				if r := d.sentenceSubject(lo, v); r.ok() {
					return r
				}
				e := lo
				for e < v && d.isWord(e) && !d.toks[e].inQ && (d.toks[e].capit || !d.verbish(d.toks[e].low)) {
					e++
				}
				if e > lo && e < v {
					if r := d.speakerFromNP(lo, e-1); r.ok() {
						return r
					}
				}
			}
			// ("Parents of pupils who gathered outside the offices
			// held placards": a relative clause before the verb hangs on
			// the subject before "who".)
			for w := v - 1; w > lo; w-- {
				if !d.isWord(w) || d.toks[w].inQ {
					break
				}
				if d.toks[w].low == "who" {
					if a, b := d.npEnd(w-1, lo); a <= b {
						if r := d.speakerFromNP(a, b); r.ok() {
							return r
						}
					}
					break
				}
			}
			if r, _ := d.subjectLeft(v, lo); r.ok() {
				return r
			}
			break
		}
	}
	return d.docOwner(h)
}

// continuation: the previous quote of the paragraph was attributed and no
// cue stands between it (with its own attribution) and this one.
func continuation(c *attribCtx) (ref, bool) {
	if c.prev == nil || !c.prev.done {
		return ref{}, false
	}
	// (`Wikinews asked: "Will it pass?" "It will."`: an answer after a
	// question put is not the asker's; the answer rule reads it.)
	if questionCue(c.prev.cue) && c.lo == c.q.open && endsQuestion(c.d.body[c.prev.ts:c.prev.te]) && !endsQuestion(c.d.body[c.q.ts:c.q.te]) && !c.hasOwnCue() {
		return ref{}, false
	}
	// (`"A," Vale said. "Why now?" Brook asked.`: a question or an
	// exclamation ends its sentence at its mark, yet the cue after it is
	// its own; after_sentence reads it.)
	if t := strings.TrimRight(c.d.body[c.q.ts:c.q.te], " "); (strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!")) && c.q.close >= 0 && c.hasOwnCue() {
		return ref{}, false
	}
	from := c.gapLo
	if c.prev.attrEnd > from {
		from = c.prev.attrEnd
	}
	if c.d.hasCueOutsideRelative(from, c.q.open) {
		return ref{}, false
	}
	// (`"A," Vale says. Ana Diaz, an investor who says the market's "B,"
	// sees ...`: a new sentence whose subject's relative clause has the
	// cue; cue_before reads it.)
	if s := c.d.sentenceStart(c.q.open); s >= from && s > c.prev.close {
		// (Adverbs between: "Gosling, who apparently told Chazelle he
		// "...".)
		if k, n := c.d.lastCue(s, c.q.open); n > 0 {
			w := k - 1
			for w > s && c.d.isWord(w) && c.d.adverbAt(w) {
				w--
			}
			// (Not a clause closed by a comma before the quote, which
			// is then the main clause's: `Workers, who told managers
			// about the leaks, "were ignored"`.)
			if c.d.isWord(w) && c.d.toks[w].low == "who" && !c.d.isPunct(c.q.open-1, ",") {
				return ref{}, false
			}
		}
	}
	if c.d.newSubjectBetween(from, c.q.open, c.prev.spk) {
		return ref{}, false
	}
	// (`"...?" Ruiz asked. To which Vale's response was quick: "B."`: a
	// sentence of its own before the colon whose subject is another's
	// words names their owner; colon_subject reads it.)
	if s := c.d.sentenceStart(c.q.open); s >= c.prev.close && s >= from && c.d.isPunct(c.q.open-1, ":") {
		if r, ok := c.d.possessedWordsSubject(s, c.q.open-1); ok && lastWord(r.name) != lastWord(c.prev.spk.name) {
			return ref{}, false
		}
	}
	r := c.prev.carried()
	return inherit(r), r.ok()
}

// newSubjectBetween reports whether a whole sentence between the previous
// quote's attribution (from) and the quote at open has a named subject
// other than the previous speaker: `"A," Vale said. Brook disagreed: "B."`
// gives B to Brook, not to Vale.
func (d *doc) newSubjectBetween(from, open int, prev ref) bool {
	var ends []int
	for k := from; k < open; k++ {
		if d.toks[k].sentEnd {
			ends = append(ends, k)
		}
	}
	if len(ends) == 0 {
		return false
	}
	lo, hi := ends[len(ends)-1]+1, open
	if lo >= hi || (d.isPunct(open-1, ",") && lo == open-1) {
		// (One sentence between, ending right before the quote: it starts
		// where the gap does, `"A." Brook had a statement. "B."`.)
		// (Not the previous quote's own attribution: `"A," Vale told
		// Congress. "B."`.)
		lo, hi = from, ends[len(ends)-1]
		if len(ends) >= 2 {
			lo = ends[len(ends)-2] + 1
		} else if !d.sentenceAfterQuote(from) || d.hasCue(from, hi) {
			return false
		}
	}
	for lo < hi && !d.isWord(lo) {
		lo++
	}
	if lo >= hi {
		return false
	}
	r := d.sentenceSubject(lo, hi)
	if !r.ok() || r.via != "" || !properName(r.name) || r.typ == SpeakerGroup {
		return false
	}
	return !sameSpeaker(r.name, prev.name)
}

// sentenceAfterQuote reports a sentence starting at token k right after a
// quote's closing mark that ended the quote's last sentence (`"...
// further." Brook had ...`).
func (d *doc) sentenceAfterQuote(k int) bool {
	return k >= 2 && d.toks[k-1].kind == kMark && d.stop(k-2)
}

// sameSpeaker reports two names of one speaker: equal, or one the last
// word of the other ("Vale", "Tom Vale").
func sameSpeaker(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	la, lb := strings.Fields(a), strings.Fields(b)
	if len(la) == 0 || len(lb) == 0 {
		return false
	}
	return strings.EqualFold(la[len(la)-1], lb[len(lb)-1])
}

// cueBeforeRule: `X said "..."`, the last cue before the quote in its sentence.
func cueBeforeRule(c *attribCtx) (ref, bool) {
	d := c.d
	k, n := d.lastCue(c.lo, c.q.open)
	if n == 0 {
		return ref{}, false
	}
	// "Sofie Nyland said in a message read out by a family friend that
	// ...": the one who reads a text out relays it; its author speaks.
	if d.readOutText(k) {
		if o, ok := c.outerCue(k); ok {
			return o, true
		}
	}
	// "X told the Herald that police suspect the attackers had been "..."":
	// a verb of thinking under a verb of saying reports the teller's words.
	if n == 1 && d.lex.in("mental", d.toks[k].low) {
		if k2, n2 := d.lastCue(c.lo, k); n2 > 0 && !d.lex.in("mental", d.toks[k2].low) {
			k, n = k2, n2
		}
	}
	// "Yousaf told MSPs the inquiry had asked for the files, but "...",
	// "Lind alleges the firm had vowed to publish it despite her "...":
	// a cue that asks for or promises something, reported under an
	// earlier verb of saying, does not report the quote further on; the
	// teller does.
	if n == 1 && d.requestAt(k, c.q.open) {
		if k2, n2 := d.lastCue(c.lo, k); n2 > 0 && !d.lex.in("mental", d.toks[k2].low) && !d.requestAt(k2, k) && !d.clauseBreak(k2, k) {
			k, n = k2, n2
		}
	}
	// "Lind said that women who had accused the coach of misconduct
	// "should be heard"": an accusation whose "of" phrase is complete
	// before the quote says nothing of it; the teller does.
	if n == 1 && d.accusationDone(k, c.q.open) {
		if k2, n2 := d.lastCue(c.lo, k); n2 > 0 && !d.lex.in("mental", d.toks[k2].low) {
			k, n = k2, n2
		}
	}
	// `The man had asked him, Vale said, "..."`: an attribution set off by
	// commas between a cue and its words names who relays the exchange;
	// the earlier cue's subject speaks.
	if k2, n2, ok := d.interruptedCue(k, n, c.lo, c.q.open); ok {
		k, n = k2, n2
	}
	// "Vale said, according to the BBC, that the plan was "..."": an
	// outlet set off by commas right after a verb of saying only relays
	// what that verb's subject said.
	if k2, n2, ok := d.sourceAside(k, n, c.lo, c.q.open); ok {
		k, n = k2, n2
	}
	// "Judge Ruiz said Vale had shown "no remorse"", "Doe said the union
	// was prepared to continue the strike "...": a verb mostly used in
	// other senses (weak in cues.txt), under an earlier verb of saying,
	// does not report the quote; the teller does.
	// ("Lind said a guard ran in shouting "...": a verb of speaking aloud
	// right before the words, with a subject of its own, reports them.)
	_, aloud := d.reportedClauseSpeaker(k, c.lo)
	// (`Vale told the jury that fame "...", and that video recorded by a
	// photographer showed the blow "..."`: a weak verb, or a participle
	// inside the subject, in a second that-clause after the sentence's
	// quote before; that quote's speaker goes on.)
	agentPart := d.isWord(k+n) && d.toks[k+n].low == "by" && d.isWord(k-1) && !d.toks[k-1].capit && !d.lex.in("auxiliaries", d.toks[k-1].low) && !d.lex.in("pronouns", d.toks[k-1].low)
	if p := c.prev; n == 1 && (d.lex.weak[d.toks[k].low] || agentPart) && !aloud && p != nil && p.spk.ok() && p.close >= 0 && p.close < k &&
		d.sentenceStart(p.open) == d.sentenceStart(c.q.open) && d.andThatBetween(p.close+1, k) && strings.HasPrefix(p.rule, "cue_before") {
		c.cue = d.cueText(k, n)
		return inherit(p.spk), true
	}
	if n == 1 && d.lex.weak[d.toks[k].low] && !aloud {
		// ("Ruiz said the board had discussed a cut but considered it
		// "...": past the other verbs of the clause a verb of saying
		// reports, to that verb.)
		k2, n2 := d.lastCue(c.lo, k)
		for n2 == 1 && !d.lex.in("speechverbs", d.toks[k2].low) && !d.clauseBreak(k2, k) {
			k3, n3 := d.lastCue(c.lo, k2)
			if n3 == 0 || !d.lex.in("speechverbs", d.toks[k3].low) || d.clauseBreak(k3, k2) {
				break
			}
			k2, n2 = k3, n3
		}
		// (Not a cue inside an opening clause of "when" or "while" that a
		// comma closes: "When Ruiz complained, Vale responded that she
		// was "..."" is Vale's.)
		// (Nor past a comma that opens the weak verb's own clause on its
		// named subject after a sentence opening on a clause of "when":
		// "When Ruiz complained about Doocy, who she said was rude, Vale
		// responded that ...".)
		ownClause := false
		if n2 > 0 && d.isWord(c.lo) && openingSubordinator(d.toks[c.lo].low) {
			if sr, start := d.subjectLeft(k, c.lo); sr.ok() && start > k2 && d.isPunct(start-1, ",") && d.isWord(start) && d.toks[start].capit {
				ownClause = true
			}
		}
		if n2 > 0 && !d.lex.in("mental", d.toks[k2].low) && !d.lex.weak[d.toks[k2].low] && !d.clauseBreak(k2, k) && d.subordinateCue(k2, k) < 0 && !ownClause {
			k, n = k2, n2
		}
	}
	// "Earnest said the two leaders had spoken "a handful of times"": a
	// verb of talking with the words right after it (no "of", "about" or
	// colon between) takes no words as its object; an earlier verb of
	// saying reports them.
	if n == 1 && k+1 == c.q.open && talkVerb(d.toks[k].low) {
		if k2, n2 := d.lastCue(c.lo, k); n2 > 0 && !d.lex.in("mental", d.toks[k2].low) && !talkVerb(d.toks[k2].low) && !d.clauseBreak(k2, k) {
			k, n = k2, n2
		}
	}
	// "Judge Weller said the firm had ignored "every warning it was
	// sent"": words a verb of receiving takes as its object came to its
	// subject from someone else; under an earlier verb of saying, the
	// teller speaks.
	if n == 1 && d.lex.in("received", d.toks[k].low) {
		if k2, n2 := d.lastCue(c.lo, k); n2 > 0 && d.lex.in("speechverbs", d.toks[k2].low) && !d.clauseBreak(k2, k) {
			k, n = k2, n2
		}
	}
	// "it said the procedure had been upheld by the Supreme Court and that
	// changing it "is not feasible"": a second that-clause between the cue
	// and the words goes back to an earlier verb of saying; its subject
	// speaks.
	// So does a participle with its agent inside the subject of a later
	// verb: "Ruiz said the target recommended by a commission was
	// "ambitious"" is Ruiz's.
	if d.andThatBetween(k+n, c.q.open) || d.agentThenVerb(k+n, c.q.open) {
		if k2, n2 := d.lastCue(c.lo, k); n2 > 0 && !d.lex.in("mental", d.toks[k2].low) && !d.clauseBreak(k2, k) {
			k, n = k2, n2
		}
	}
	// "Joyce said the airline would announce "a major fleet decision"": a
	// verb of saying after a modal tells what is yet to be said,
	// under an earlier verb of saying that reports the quote; the teller
	// speaks.
	if n == 1 && d.futureCue(k) {
		if k2, n2 := d.lastCue(c.lo, k); n2 > 0 && !d.lex.in("mental", d.toks[k2].low) && !d.futureCue(k2) && !d.clauseBreak(k2, k) {
			k, n = k2, n2
		}
	}
	// "Ruiz said that while some ministers are urging caution, "...": a
	// cue inside a clause that "while" or "although" opens, closed by a
	// comma before the words, reports no words; the teller does.
	// (Only words that go on the teller's sentence in lower case: after
	// `when Governor Lind declared, "We will not raise taxes,"` the
	// capitalised words are the governor's.)
	if sub := d.subordinateCue(k, c.q.open); n == 1 && sub >= 0 && lowerStart(d.body[c.q.ts:c.q.te]) {
		if k2, n2 := d.lastCue(c.lo, sub); n2 > 0 && !d.lex.in("mental", d.toks[k2].low) && !d.clauseBreak(k2, sub) {
			k, n = k2, n2
		}
	}
	// "Kerr said the mayor, who rarely speaks on state matters, had been
	// "...": a cue inside a relative clause set off by commas, which the
	// sentence goes on past before the words, reports none of them; an
	// earlier verb of saying does.
	if rel := d.commaRelativeCue(k, c.q.open); n == 1 && rel >= 0 {
		if k2, n2 := d.lastCue(c.lo, rel); n2 > 0 && !d.lex.in("mental", d.toks[k2].low) && !d.clauseBreak(k2, rel) {
			k, n = k2, n2
			c.cue = d.cueText(k, n)
		}
	}
	// "Vale rejected Ana Ruiz's claim that the plan was "..."": words
	// reported as someone's claim are theirs, not the one rejecting it.
	// (The cue may be the noun itself: "the minister's promise of".)
	if r, ok := d.claimOwner(max(c.lo, k-1), c.q.open); ok {
		c.cue = d.cueText(k, n)
		return r, true
	}
	// "She remembers Vale's reply: "..."": a verb of recalling or
	// quoting whose object, right before the words, is someone's reply or
	// words gives that person's words (also with the noun read as the cue).
	if r, teller, ok := d.recalledWords(k, n, c.lo, c.q.open); ok {
		c.cue = d.cueText(k, n)
		c.q.teller = teller
		return r, true
	}
	// "Price read out a letter from Tom Vale: "..."": a text someone reads
	// out or shares speaks for its author.
	if r, ok := d.relayedText(k, n, c.q.open); ok {
		c.cue = d.cueText(k, n)
		return r, true
	}
	// `Asked by a reporter, "Will you resign?", Vale answered`: the words
	// right after the asker are the asker's question.
	if by, ok := c.askerQuestion(); ok && by == k+1 {
		if r := d.speakerFromNP(d.npRight(by+1, c.q.open)); r.ok() {
			c.cue = d.cueText(k, 2)
			c.q.attrEnd = -1 // the cue after the question is the answer's
			return r, true
		}
	}
	// "Asked whether ..., the minister was blunt: "..."": the question put
	// to the speaker opens the sentence; the speaker is the subject after it.
	if r, cue, ok := d.askedSubject(k, c.q.open); ok {
		c.cue = cue
		return r, r.ok()
	}
	c.cue = d.cueText(k, n)
	// "A woman accused of "..." told the court she was "...": the quote
	// before the cue sits in the subject's phrase of a passive
	// participle; the person before the participle is the subject.
	if p := c.prev; p != nil && p.close == k-1 {
		if r, a := d.personBeforePassive(p.open - 1); a >= 0 && r.ok() {
			r.subj = true
			return r, true
		}
	}
	// "Police arrested a man suspected of "...": a participle after a
	// person's noun is a passive of that person, who is no speaker; the
	// sentence's subject before it suspects or charges, when it is
	// someone else; no one otherwise ("A man accused of "..." appeared").
	if h := d.reducedPassive(k); h >= 0 {
		if s := d.sentenceStart(k); s < h {
			if r := d.sentenceSubject(s, h); r.ok() && d.canSpeak(r) && (r.head < 0 || r.head < h) {
				return r, true
			}
		}
		return ref{}, false
	}
	// `The plan was described as "..." by Vale`: a passive cue names its
	// agent after the quote; its subject is what was described.
	if d.passiveAt(k) && !d.agentFollows(k+n, c.q.open) {
		if c.q.close >= 0 && d.isWord(c.q.close+1) && d.toks[c.q.close+1].low == "by" {
			if a, b := d.npRight(c.q.close+2, c.afterHi); a <= b {
				r := d.speakerFromNP(a, b)
				return r, r.ok()
			}
		}
		// "The agency said it had been told to close offices "...": with
		// no agent, the words are reported by the cue that governs it.
		return c.outerCue(k)
	}
	// "Vale took to Twitter to criticise the board: "..."", "Vale went on
	// television to defend it": an infinitive of purpose has the subject
	// of the verb it serves, not the noun before it.
	if r, ok := d.purposeSubject(k, c.lo); ok {
		return r, true
	}
	r := d.cueSpeaker(k, n, c.lo, c.q.open, c.prev)
	// "Asked by a reporter whether ..., she replied": the asker is no speaker.
	if r.ok() && r.head >= 0 && r.head < k {
		if o := d.askedOpenerOf(r.head); o >= 0 {
			if r2, _, ok := d.askedSubject(o, c.q.open); ok && r2.ok() {
				r = r2
			}
		}
	}
	// "Ivo Rask, a farmer who lost his barn, ..., said": a description
	// read inside the aside gives way to the name the sentence opens with.
	if r.etype != "PERSON" {
		if o := d.openingPerson(c.lo, k); o.ok() {
			r = o
		}
	}
	// "Ana Lind was criticised for it, but in an interview last year
	// argued "...": a verb after "but" or "and" and a phrase of time or
	// place shares the subject the sentence opens with, a person's name;
	// the noun in the phrase is no subject.
	if b := d.coordinatorBefore(k, c.lo); b >= 0 && (!r.ok() || r.head > b) {
		if o := d.openingName(c.lo, b); o.ok() {
			r = o
		} else if !r.ok() && c.lo < b && quantifierWord(d.toks[c.lo].low) {
			// ("Some carried placards and chanted "...": so does a
			// quantifier the sentence opens with, for the group it counts.)
			if g := d.speakerFromNP(c.lo, c.lo); g.ok() && g.typ == SpeakerGroup {
				r = g
			}
		} else if !r.ok() && c.lo < b {
			// ("Exhausted volunteers cheered and chanted "...": so does a
			// noun for people the sentence opens with.)
			if a2, b2 := d.npRight(c.lo, b); a2 <= b2 && b2 < b && d.peopleAt(b2) && !d.toks[b2].inQ {
				if g := d.speakerFromNP(a2, b2); g.ok() && g.typ != SpeakerOrg {
					r = g
				}
			}
		}
	}
	// "The Senator called it "..." and said she would "...": a cue
	// coordinated with the one before the previous quote shares its subject.
	if !r.ok() && c.prev != nil && c.prev.spk.ok() && c.lo == c.gapLo && d.coordinated(k, c.lo) {
		return inherit(c.prev.spk), true
	}
	// "The airline said that flights would continue "...": a subject that
	// is no speaking noun leaves the words to the cue that governs it; so
	// does a participle whose subject cannot speak ("said in a statement
	// posted on its website that").
	// ("a neighbour had run past her house shouting "...": the clause
	// has a speaker of its own, and the house before the participle is
	// no subject.)
	muteSubject := r.ok() && !d.lex.in("speechverbs", d.toks[k].low) && (d.mute(r) || d.muteSubjectBefore(k) && !d.agentFollows(k+n, c.q.open) && !aloud)
	// ("a statement, first reported by Sky News:": past an adverb and a
	// comma too.)
	tp := k - 1
	for tp > c.lo && d.isWord(tp) && d.adverbAt(tp) {
		tp--
	}
	if d.isPunct(tp, ",") {
		tp--
	}
	// ("Lakeview, which denied the findings, said": a text named in a
	// relative clause after the subject is no subject.)
	participleOfText := d.participle(d.toks[k].low) && (!r.ok() || !d.canSpeak(r) || d.isWord(tp) && d.lex.in("docheads", d.toks[tp].low) && !d.relativeBetween(r.head, tp))
	if muteSubject || participleOfText {
		if o, ok := c.outerCue(k); ok {
			return o, true
		}
	}
	return r, r.ok()
}

// outerCue reads the cue before token k in the quote's sentence, whose
// clause holds the cue at k, and its speaker.
func (c *attribCtx) outerCue(k int) (ref, bool) {
	d := c.d
	k2, n2 := d.lastCue(c.lo, k)
	// ("The event, Ana Ruiz said, was supposed to show that "...": a verb
	// of thinking between is no teller.)
	for n2 == 1 && d.lex.in("mental", d.toks[k2].low) {
		k2, n2 = d.lastCue(c.lo, k2)
	}
	if n2 == 0 || d.passiveAt(k2) {
		return ref{}, false
	}
	r := d.cueSpeaker(k2, n2, c.lo, k, c.prev)
	if !r.ok() {
		return ref{}, false
	}
	c.cue = d.cueText(k2, n2)
	return r, true
}

// coordinated reports a cue at k that follows "and" or "but" with no
// subject of its own: `called it "..." and said`.
func (d *doc) coordinated(k, lo int) bool {
	j := k - 1
	for j >= lo && d.isWord(j) && d.adverbAt(j) {
		j--
	}
	return j >= lo && d.isWord(j) && (d.toks[j].low == "and" || d.toks[j].low == "but")
}

// coordinatorBefore is the index of the "but" or "and" that opens the
// clause of the cue at k, past adverbs, a time phrase and one
// prepositional phrase of lower-case words ("but in an interview last
// year argued"), or -1.
func (d *doc) coordinatorBefore(k, lo int) int {
	j := k - 1
	for j >= lo && d.isWord(j) && d.adverbAt(j) {
		j--
	}
	if j-1 >= lo && d.timePhrase(j-1, j) {
		j -= 2
	}
	// One prepositional phrase: a preposition, then up to four lower-case
	// words ("in an interview", "on his blog").
	for p := j; p >= lo && p >= j-4 && d.isWord(p) && !d.toks[p].capit && !d.toks[p].inQ; p-- {
		if p < j && d.lex.in("prepositions", d.toks[p].low) {
			j = p - 1
			break
		}
	}
	if j >= lo && d.isWord(j) && !d.toks[j].capit && (d.toks[j].low == "and" || d.toks[j].low == "but") {
		return j
	}
	return -1
}

// answer: a quote with no cue of its own that asks nothing, right after
// a question put, is the answer of the one asked: `Wikinews asked Ana
// Lind about the plan.` then `"It will pass."`, in the same paragraph or
// the next; `Lind was asked by Wikinews ...` too. After a quoted
// question (`Wikinews asked: "Will it pass?"`) the answer is the last
// other speaker's, the one being interviewed.
func answer(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	if c.lo != q.open || c.hasOwnCue() || q.contPrev || endsQuestion(d.body[q.ts:q.te]) {
		return ref{}, false
	}
	// A quoted question just before: the interviewee answers.
	if c.qi > 0 {
		pq := d.qs[c.qi-1]
		if (pq.para == q.para || pq.para == q.para-1) && pq.close >= 0 && endsQuestion(d.body[pq.ts:pq.te]) && (questionCue(pq.cue) || pq.rule == "next_question") && pq.spk.ok() &&
			!d.hasCue(pq.close+1, q.open) {
			for i := c.qi - 2; i >= 0 && i >= c.qi-12; i-- {
				if o := d.qs[i].spk; o.ok() && o.typ == SpeakerPerson && !strings.EqualFold(o.name, pq.spk.name) {
					c.cue = ""
					return inherit(o), true
				}
			}
			// (No one quoted before: the person the article named
			// before the question.)
			if o := d.resolveWhere(pq.open, "person", func(r ref) bool {
				return r.typ == SpeakerPerson && properName(r.name) && !strings.EqualFold(r.name, pq.spk.name)
			}); o.ok() {
				c.cue = ""
				o.via = "pronoun"
				return o, true
			}
			return ref{}, false
		}
	}
	// The sentence before: in this paragraph, or the last of the one
	// before when the quote opens its paragraph; no quote in it.
	var plo, phi int
	switch {
	case c.lo > c.p.t0 && c.lo > c.gapLo:
		plo, phi = d.sentenceBefore(c.lo, c.gapLo), c.lo
	case c.lo == c.p.t0 && q.para > 0:
		pp := d.paras[q.para-1]
		plo, phi = d.sentenceBefore(pp.t1, pp.t0), pp.t1
	default:
		return ref{}, false
	}
	if c.qi > 0 && d.qs[c.qi-1].close >= plo {
		return ref{}, false
	}
	for k := plo; k < phi; k++ {
		if !d.isWord(k) || d.toks[k].inQ || !askingCue(d.toks[k].low) || d.askedOpener(k) {
			continue
		}
		// ("who asked not to be named", "asked to remain anonymous": a
		// request, no question put to anyone.)
		if n := k + 1; d.isWord(n) && (d.toks[n].low == "not" || d.toks[n].low == "to") {
			continue
		}
		// ("When Chris Wallace asked him about it, Trump said the
		// following.": the sentence's own verb of saying after the
		// question tells who answered.)
		if ck, cn := d.lastCue(k+1, phi); cn > 0 && !askingCue(d.toks[ck].low) {
			return ref{}, false
		}
		if r := d.askedOne(k, plo); r.ok() {
			c.cue = ""
			return r, true
		}
		return ref{}, false
	}
	return ref{}, false
}

// endsQuestion reports a quote's text that ends with a question mark.
func endsQuestion(text string) bool {
	return strings.HasSuffix(strings.TrimRight(text, " \"'”’"), "?")
}

// askingCue reports a verb of asking a question.
func askingCue(w string) bool {
	switch strings.ToLower(w) {
	case "asked", "asks", "questioned", "pressed", "inquired", "enquired", "queried":
		return true
	}
	return false
}

// questionCue reports the cue of a quoted question put to someone:
// a verb of asking, or a further question ('"So you were not asked?"
// Ruiz followed up').
func questionCue(cue string) bool {
	switch strings.ToLower(cue) {
	case "followed up", "follows up":
		return true
	}
	return askingCue(cue)
}

// askedOne is the one asked by the verb of asking at k: a person named
// or described right after it ("asked Ana Lind about", "asked the veteran
// organiser what"), a pronoun's referent ("asked her"), or the subject of
// a passive ("Lind was asked by Wikinews").
func (d *doc) askedOne(k, lo int) ref {
	if d.isWord(k-1) && isBe(d.toks[k-1].low) && d.isWord(k+1) && d.toks[k+1].low == "by" {
		if r := d.sentenceSubject(lo, k-1); r.ok() && r.typ == SpeakerPerson {
			return r
		}
		return ref{}
	}
	o := k + 1
	if !d.isWord(o) || d.toks[o].inQ {
		return ref{}
	}
	switch d.toks[o].low {
	case "him", "her":
		pron := "he"
		if d.toks[o].low == "her" {
			pron = "she"
		}
		return d.resolvePronoun(o, pron)
	}
	if w := d.toks[o].low; d.lex.in("pronouns", w) || w == "you" || w == "me" || w == "us" || w == "them" || w == "it" {
		return ref{} // "asked you", "asked them": no one named
	}
	if e := d.personAt(o); e >= 0 && d.mentionStart(o) == o {
		return d.entityRef(e, d.mentionEnd(o))
	}
	// (The phrase ends before what is asked: "the veteran organiser what
	// he would say".)
	hi := o
	for hi < len(d.toks) && hi < o+8 && d.isWord(hi) && !d.toks[hi].inQ && !askedWhat(d.toks[hi].low) {
		hi++
	}
	a, b := d.npRight(o, hi)
	if a > b || !d.isWord(b) {
		return ref{}
	}
	if r := d.speakerFromNP(a, b); r.ok() && r.typ == SpeakerPerson {
		return r
	}
	return ref{}
}

// askedWhat reports a word that opens what is asked after the one asked
// ("what", "whether", "about", "to", "for").
func askedWhat(w string) bool {
	switch w {
	case "who", "about", "to", "for":
		return true
	}
	return questionWord(w)
}

// quantifierWord reports a quantifier that may stand alone for part of a
// group ("Some shouted", "Many wept").
func quantifierWord(w string) bool {
	switch w {
	case "some", "many", "others", "several", "most":
		return true
	}
	return false
}

// openingName is the person the sentence from lo opens with, among its
// first capitalised words before b ("Health Secretary Ana Lind was"), or
// no ref.
func (d *doc) openingName(lo, b int) ref {
	for k := lo; k < b && k < lo+6 && d.isWord(k) && d.toks[k].capit; k++ {
		if e := d.personAt(k); e >= 0 {
			end := k
			for end+1 < b && d.entityAt(end+1) == e {
				end++
			}
			return d.entityRef(e, end)
		}
	}
	return ref{}
}

// muteSubjectBefore reports a cue at k whose subject, right before it (past
// adverbs and auxiliaries), is a lower-case noun after a determiner that
// names no one who speaks ("the vote reflected"), whatever the noun was
// resolved to.
func (d *doc) muteSubjectBefore(k int) bool {
	j := k - 1
	for j >= 0 && d.isWord(j) && (d.adverbAt(j) || d.lex.in("auxiliaries", d.toks[j].low)) {
		j--
	}
	if j < 1 || !d.isWord(j) || d.toks[j].capit || !d.isWord(j-1) || !d.lex.in("determiners", d.toks[j-1].low) || d.lex.in("pronouns", d.toks[j].low) {
		return false
	}
	return d.mute(ref{name: d.toks[j].low, head: j})
}

// mute reports a speaker read from a lower-case noun that names no person,
// group, organisation or text ("flights would continue").
func (d *doc) mute(r ref) bool {
	if r.head < 0 || r.etype != "" || r.via == "pronoun" || !d.isWord(r.head) || d.toks[r.head].capit {
		return false
	}
	w := d.toks[r.head].low
	for _, set := range []string{"personheads", "groupheads", "orgheads", "docheads", "personnouns"} {
		if d.lex.in(set, w) {
			return false
		}
	}
	return true
}

// passiveAt reports a participle cue after a form of "be" ("was called",
// "were described", "has been labelled").
func (d *doc) passiveAt(k int) bool {
	if !d.participle(d.toks[k].low) {
		return false
	}
	j := k - 1
	for j >= 0 && d.isWord(j) && d.adverbAt(j) && !isBe(d.toks[j].low) {
		j--
	}
	return d.isWord(j) && isBe(d.toks[j].low)
}

// agentFollows reports "by" right after the cue, within [i, hi) (the
// agent before the quote: "described by critics as").
func (d *doc) agentFollows(i, hi int) bool {
	for k := i; k < i+2 && k < hi && d.isWord(k); k++ {
		if d.toks[k].low == "by" {
			return true
		}
	}
	return false
}

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being":
		return true
	}
	return false
}

// colonSubject: `X praised the team on Twitter: "..."`: a colon introduces
// the words of the clause subject; the cue is its verb.
func colonSubject(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	if !d.isPunct(q.open-1, ":") || q.open-1 <= c.lo {
		return ref{}, false
	}
	// "drew a sharp reply from Ana Lind: "..."", "a warning from the IMF:
	// "..."": a text or a reply from someone, right before the colon, is
	// theirs.
	if r, ok := d.fromSpeaker(q.open-1, c.lo); ok {
		return r, true
	}
	// "Nothing matched the power of Ana Ruiz's words: "..."" (not when a
	// person is the subject, who answers them: "Tom Vale was dismissive of
	// Ana Ruiz's comments: "..."").
	if r, ok := d.possessorOfWords(q.open-1, c.lo); ok {
		if s := d.sentenceSubject(c.lo, q.open-1); !s.ok() || s.etype != "PERSON" {
			return r, true
		}
	}
	if r, ok := d.possessedWordsSubject(c.lo, q.open-1); ok {
		c.cue = ""
		for k := c.lo; k < q.open-1; k++ {
			if d.isWord(k) && isBe(d.toks[k].low) {
				c.cue = d.text(d.toks[k])
				break
			}
		}
		return r, true
	}
	r, clo := d.relativeSubject(c.lo, q.open-1)
	if !r.ok() {
		r, clo = d.sentenceSubject(c.lo, q.open-1), c.lo
	}
	if !r.ok() {
		return ref{}, false
	}
	for k := clo; k < q.open-1; k++ {
		if d.isWord(k) && !d.toks[k].capit && (d.verbish(d.toks[k].low) || d.cueAt(k) > 0) {
			c.cue = d.text(d.toks[k])
			break
		}
	}
	return r, true
}

// afterSentenceRule: `"..." X said.`, a short sentence of attribution after
// a quote that ends its own sentence.
func afterSentenceRule(c *attribCtx) (ref, bool) {
	if c.q.close < 0 || !c.d.toks[c.q.close].sentEnd {
		return ref{}, false
	}
	r, cue := c.d.afterSentence(c.q, c.q.close+1, c.afterHi)
	c.cue = cue
	return r, r.ok()
}

// accordingTo: `"..." from under the mud, according to investigators.`:
// "according to" later in the quote's own sentence, no other cue between.
func accordingTo(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	if q.close < 0 || d.toks[q.close].sentEnd {
		return ref{}, false
	}
	for k := q.close + 1; k < c.afterHi; k++ {
		if d.toks[k].kind == kMark || d.toks[k].sentEnd {
			break
		}
		n := d.cueAt(k)
		if n == 0 {
			continue
		}
		if n == 2 && d.toks[k].low == "according" {
			r := d.cueSpeaker(k, n, k, c.afterHi, c.prev)
			c.cue = d.cueText(k, n)
			return r, r.ok()
		}
		break // another cue: the sentence reports something else
	}
	return ref{}, false
}

// closingCue: `"We must read" what the law says, Azzouz said.`: the
// sentence runs on past the quote and closes on its attribution after a
// comma, so the whole sentence, quote included, is that speaker's.
// (No cue between the quote and that comma: `"...," she said, as the
// minister warned` is a cue of its own.)
func closingCue(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	// (Nor a cue before it: `X said in a memo that "...", Y reported.`
	// is X's, reported by Y.)
	// ("While 50 countries have begun to deliver doses, we must now "...",
	// Etienne said.": a cue in an opening subordinate clause is not the
	// quote's.)
	from := c.lo
	if d.isWord(from) && subordinator(d.toks[from].low) {
		for k := q.open - 1; k > from; k-- {
			if d.isPunct(k, ",") {
				from = k + 1
				break
			}
		}
	}
	if q.close < 0 || d.toks[q.close].sentEnd || d.hasCue(from, q.open) {
		return ref{}, false
	}
	end := -1
	for k := q.close + 1; k < c.afterHi; k++ {
		if d.toks[k].kind == kMark {
			return ref{}, false
		}
		if d.toks[k].sentEnd {
			end = k
			break
		}
	}
	if end < 0 {
		return ref{}, false
	}
	for k := q.close + 1; k < end; k++ {
		if !d.isPunct(k, ",") {
			if d.cueAt(k) > 0 {
				return ref{}, false // a cue before the comma tried next
			}
			continue
		}
		if r, cue := d.afterSentence(q, k+1, end+1); r.ok() {
			c.cue = cue
			return r, true
		}
		// (`"...," told reporters` never inverts: whom one tells is no
		// speaker.)
		if n := d.cueAt(k + 1); n > 0 && d.toks[k+1].low != "according" && !d.toks[k+1].capit && !tellForm(d.toks[k+1].low) {
			if a, b := d.npRight(k+1+n, end); a <= b && (d.isPunct(b+1, ",") || b+1 == end) {
				if r := d.speakerFromNP(a, b); r.ok() {
					c.cue = d.cueText(k+1, n)
					q.attrEnd = b + 1
					return r, true
				}
			}
		}
	}
	return ref{}, false
}

// tellForm reports a form of "tell", whose object is the one told.
func tellForm(w string) bool { return w == "told" || w == "tells" || w == "tell" || w == "telling" }

// prevSentenceCue: a quote opening its sentence takes the cue of the
// sentence just before (`X criticised the decision. "..."`).
func prevSentenceCue(c *attribCtx) (ref, bool) {
	d := c.d
	if c.lo != c.q.open || c.lo <= c.gapLo {
		return ref{}, false
	}
	plo := d.sentenceBefore(c.lo, c.gapLo)
	k, n := d.lastCue(plo, c.lo)
	// ("It is easy, she says, for people to marvel at it.": a verb after
	// "to" is no one's saying; the cue before it is the sentence's.)
	// ("Malta had not been asked to coordinate it": a passive verb of
	// saying has the one spoken to for its subject; so past it too.)
	for n > 0 && d.isWord(k-1) && (d.toks[k-1].low == "to" || d.toks[k-1].low == "been" || d.toks[k-1].low == "being") {
		k, n = d.lastCue(plo, k)
	}
	// A cue in a relative clause set off by a comma reports that clause,
	// not the next quote; the sentence's cue before it does: "..., said
	// Ana Soto, head of the union, which represents 900 workers. "..."" (a
	// verb other than one of saying, "which" its subject); "Lind defended
	// the orders, which some residents said had come too late. "..."" (a
	// subject of its own, not a named person: "a letter, which Vale said
	// he never received. "I never saw it."" goes on with Vale).
	if n > 0 {
		if x, ok := d.relativeBefore(k, plo); ok {
			if k0, n0 := d.lastCue(plo, x); n0 > 0 {
				k, n = k0, n0
			}
		}
	}
	// (`"...," Holm bristled when a reporter asked what he fed them.
	// "..."`: a verb of asking in a clause of "when" after the
	// sentence's quote; that quote's speaker answers on.)
	if p := c.prev; n > 0 && p != nil && p.spk.ok() && p.close+1 >= plo && p.close < k && p.attrEnd > p.close && p.attrEnd <= k {
		for x := p.close + 1; x < k; x++ {
			if d.isWord(x) && !d.toks[x].capit && (d.toks[x].low == "when" || d.toks[x].low == "as" || d.toks[x].low == "after") && askingCue(d.toks[k].low) {
				c.cue = ""
				return inherit(p.spk), true
			}
		}
	}
	// ("Reed says Carr never complained that the exam was unfair. "Do I
	// pity her?"": a denied cue says nothing; the cue before it speaks on.)
	// (Only when there is one: "Ruth Amsel would not say whether she will
	// run. "I will decide after the holidays."" is still hers.)
	for n > 0 && d.deniedCue(k) {
		k2, n2 := d.lastCue(plo, k)
		if n2 == 0 {
			break
		}
		k, n = k2, n2
	}
	// ("Asked whether ..., Lind paused.": the question put is no cue of
	// the answer; the sentence's subject is read as any other's.)
	if n == 0 || d.askedOpener(k) {
		return ref{}, false
	}
	// ("A journalist asked Silva whether he would play. "I will be
	// fine," he replied.": what follows a question put and has a cue of
	// its own answers it; the asker's words would be a question.)
	if w := d.toks[k].low; (w == "asked" || w == "asks" || w == "pressed") && c.hasOwnCue() && !endsQuestion(d.body[c.q.ts:c.q.te]) {
		return ref{}, false
	}
	// (`"...," Ortega said, according to the agency EFE. "..."`, `"...,"
	// Lind said in comments reported by Le Monde. "..."`: the outlet that
	// relayed the quote before, after its speaker's own cue, is no speaker
	// of the next; that quote's speaker goes on.)
	if p := c.prev; n > 0 && p != nil && p.spk.ok() && p.close+1 >= plo && p.close < k {
		if w := d.toks[k].low; w == "according" || w == "reported" {
			c.cue = ""
			return inherit(p.spk), true
		}
	}
	r := d.cueSpeaker(k, n, plo, c.lo, c.prev)
	// "Dr Ada Brook noted the results suggest a link. "...": the last cue
	// is inside what the first reports (its subject right after the first
	// cue, no comma or conjunction between); the named reporter speaks,
	// not a described subject of the clause she reports.
	if r.ok() && r.via == "" && !properName(r.name) {
		if k0, n0 := d.lastCue(plo, k); n0 > 0 && d.complementOf(k0+n0, k) {
			if r0 := d.cueSpeaker(k0, n0, plo, k, c.prev); r0.ok() && r0.typ == SpeakerPerson && properName(r0.name) {
				k, n, r = k0, n0, r0
			}
		}
	}
	c.cue = d.cueText(k, n)
	return r, r.ok()
}

// prevSentenceSubject: with no cue at all, a full utterance opening its
// sentence (after at most a short phrase such as "At the launch,") after a
// sentence about a person is that person's (`She left the band. "I was
// tired of touring."`). Not for partial quotes.
func prevSentenceSubject(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	first, _ := utf8.DecodeRuneInString(d.body[q.ts:q.te])
	if q.open <= c.p.t0 || q.open-c.lo > 4 || !unicode.IsUpper(first) || c.lo <= c.gapLo {
		return ref{}, false
	}
	plo := d.sentenceBefore(c.lo, c.gapLo)
	// After another quote, only a whole sentence of its own after that
	// quote's attribution (`"A," Vale said. Brook disagreed. "B."`).
	// (Or right after a quote that ended its sentence with no attribution:
	// `"A." Brook had a statement. "B."`.)
	if c.prev != nil && plo <= c.gapLo && !(plo == c.gapLo && d.sentenceAfterQuote(plo)) {
		return ref{}, false
	}
	// ("Asked about rivals, Maria Holt shrugged. "...": the question put
	// to the subject opens its sentence; it is no cue of the quote.)
	from := plo
	if d.isWord(plo) && d.toks[plo].low == "asked" {
		for k := plo + 1; k < q.open && k < plo+20; k++ {
			if d.isPunct(k, ",") {
				from = k + 1
				break
			}
		}
	}
	if d.hasCue(from, q.open) {
		return ref{}, false
	}
	r := d.sentenceSubject(from, q.open)
	if !r.ok() || r.typ != SpeakerPerson {
		return ref{}, false
	}
	return inherit(r), true
}

// complementOf reports tokens [from, to) that can be the start of a
// reported clause: at most six words, an optional "that", no punctuation
// and no conjunction ("Ana Diaz said she was tired, but the mayor
// insisted" is two clauses).
func (d *doc) complementOf(from, to int) bool {
	if to-from > 7 {
		return false
	}
	for k := from; k < to; k++ {
		if !d.isWord(k) || d.toks[k].inQ {
			return false
		}
		switch d.toks[k].low {
		case "but", "and", "or", "while", "whereas", "although", "though", "because", "as", "when":
			return false
		}
	}
	return true
}

// colonParagraph: a paragraph that opens with a quote after a paragraph
// ending with a colon or a comma (`Vale said:`, `Vale stated,`) takes the
// cue of that last sentence.
func colonParagraph(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	if c.prev != nil || q.open != c.p.t0 || q.para == 0 {
		return ref{}, false
	}
	pp := d.paras[q.para-1]
	if pp.t1 <= pp.t0 || !(d.isPunct(pp.t1-1, ":") || d.isPunct(pp.t1-1, ",") || d.announcesNext(pp.t1-1)) || d.toks[pp.t1-1].inQ {
		return ref{}, false
	}
	lo := d.sentenceBefore(pp.t1, pp.t0)
	k, n := d.lastCue(lo, pp.t1-1)
	if n == 0 {
		// "The lawyer for the families, Serhiy Moroz, was blunt:": a
		// sentence with no cue that introduces the quote paragraph with a
		// colon gives it to its subject.
		if !d.isPunct(pp.t1-1, ":") {
			return ref{}, false
		}
		r := d.sentenceSubject(lo, pp.t1-1)
		return r, r.ok()
	}
	// ("A works council member said staff had raised concerns:": a verb
	// mostly of other senses under a verb of saying; the teller speaks,
	// as in cue_before.)
	if n == 1 && d.lex.weak[d.toks[k].low] {
		if k2, n2 := d.lastCue(lo, k); n2 > 0 && !d.lex.in("mental", d.toks[k2].low) && !d.lex.weak[d.toks[k2].low] && !d.clauseBreak(k2, k) {
			k, n = k2, n2
		}
	}
	r := d.cueSpeaker(k, n, lo, pp.t1-1, nil)
	c.cue = d.cueText(k, n)
	return r, r.ok()
}

// announcesNext reports a full stop at k that closes "the following" or
// "as follows" ("Trump said the following."): the words announced come
// next, as after a colon.
func (d *doc) announcesNext(k int) bool {
	if !d.toks[k].sentEnd || !d.isWord(k-1) || !d.isWord(k-2) {
		return false
	}
	w1, w2 := d.toks[k-2].low, d.toks[k-1].low
	return w1 == "the" && w2 == "following" || w1 == "as" && w2 == "follows"
}

// paragraphContinuation: a paragraph that opens with a quote continues the
// speaker of the previous paragraph's last quote.
// nextQuestion reads an exchange of questions and answers: a quote
// paragraph with no cue that asks a question, right after a paragraph that
// answers (its first quote was an answer or its cue a verb of replying) the
// question of the paragraph before it, is the asker's next question, not
// the one who answered going on.
func nextQuestion(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	// (Not a question about oneself: `"Who else could I have picked?"`
	// after the answer goes on with the one who answered.)
	if c.prev != nil || c.next != nil || q.open != c.p.t0 || q.close < 0 || c.hasOwnCue() || !endsQuestion(d.body[q.ts:q.te]) || d.firstSingular(q) {
		return ref{}, false
	}
	// The answer's paragraph: its first quote.
	a := c.qi - 1
	if a < 0 || d.qs[a].para != q.para-1 {
		return ref{}, false
	}
	for a > 0 && d.qs[a-1].para == d.qs[a].para {
		a--
	}
	aq := d.qs[a]
	if !aq.spk.ok() {
		return ref{}, false
	}
	// The question answered: the last quote of the paragraph before.
	if a == 0 || d.qs[a-1].para != aq.para-1 {
		return ref{}, false
	}
	x := a - 1
	for y := x; y >= 0 && d.qs[y].para == d.qs[x].para; y-- {
		if endsQuestion(d.body[d.qs[y].ts:d.qs[y].te]) {
			x = y
			break
		}
	}
	qq := d.qs[x]
	if !qq.spk.ok() || !endsQuestion(d.body[qq.ts:qq.te]) || strings.EqualFold(qq.spk.name, aq.spk.name) {
		return ref{}, false
	}
	// The answer read as one (its rule or a verb of replying), or any
	// words of another after a question its cue says was asked
	// (`"Why now?" Wikinews asked. ¶ "Because ...," Kerr said. ¶ "And
	// what ...?"`).
	if !strings.HasPrefix(aq.rule, "answer") && !replyCue(aq.cue) && !(questionCue(qq.cue) && interviewer(qq.spk)) {
		return ref{}, false
	}
	c.cue = ""
	return inherit(qq.spk), true
}

// interviewer reports a speaker whose questions are an interview's: an
// outlet, or a reporter, journalist, interviewer or correspondent
// (`"Why now?" Wikinews asked`; not the teachers of an open letter,
// whose questions the one who answers may turn back on them).
func interviewer(r ref) bool {
	if r.typ == SpeakerOrg {
		return true
	}
	for _, w := range strings.Fields(strings.ToLower(r.name)) {
		switch w {
		case "reporter", "reporters", "journalist", "journalists", "interviewer", "correspondent", "presenter", "host", "moderator":
			return true
		}
	}
	return false
}

// replyCue reports a verb of replying.
func replyCue(w string) bool {
	switch strings.ToLower(w) {
	case "replied", "replies", "responded", "responds", "answered", "answers", "retorted", "retorts", "countered", "counters":
		return true
	}
	return false
}

// participleOpener: a quote inside a clause that opens its sentence with a
// participle of saying (`Observing that the judge "has never shown any
// bias," Murray concluded that ...`, `Noting that the plan "...," Lind
// said`) is the words of the main clause's subject, whatever its verb, and
// though a quote of its own follows that verb.
func participleOpener(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	s := c.lo
	if q.close < 0 || s >= q.open || !d.isWord(s) || !d.sentStart(s) || !strings.HasSuffix(d.toks[s].low, "ing") || d.cueAt(s) == 0 {
		return ref{}, false
	}
	// The clause ends at the quote: a comma inside its marks or after them.
	m := q.close + 1
	if d.isPunct(m, ",") {
		m++
	} else if !strings.HasSuffix(strings.TrimSpace(d.body[q.ts:q.te]), ",") {
		return ref{}, false
	}
	// (No other quote or sentence end inside the clause, nor a cue of its
	// own: "Quoting the governor, who had called the storm "...," Pratt
	// asked" is the governor's.)
	for k := s; k < q.open; k++ {
		if d.toks[k].kind == kMark || d.toks[k].sentEnd {
			return ref{}, false
		}
	}
	if d.hasCue(s+1, q.open) {
		return ref{}, false
	}
	hi := m
	for hi < c.afterHi && hi < m+maxNP && d.toks[hi].kind != kMark && !d.toks[hi].sentEnd {
		hi++
	}
	r := d.sentenceSubject(m, hi)
	if !r.ok() || r.head < m || r.head > m+6 || r.typ != SpeakerPerson && r.typ != SpeakerOrg {
		return ref{}, false
	}
	c.cue = d.body[d.toks[s].s:d.toks[s].e]
	return r, true
}

func paragraphContinuation(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	if c.prev != nil || !(q.contPrev || q.open == c.p.t0) || c.qi == 0 || d.qs[c.qi-1].para != q.para-1 {
		return ref{}, false
	}
	pq := d.qs[c.qi-1]
	// ("..., she says. Buyers are more serious now, says Tom Vale of the
	// Collector. ¶ "..."": a sentence after the last quote and its
	// attribution that reports another named person's words passes the
	// paragraph on to that person.)
	if r, ok := d.laterReporter(pq, d.paras[q.para-1].t1); ok && r.name != pq.spk.name {
		c.cue = ""
		return inherit(r), true
	}
	r := pq.carried()
	return inherit(r), r.ok()
}

// laterReporter reads the sentences after quote pq and its attribution up
// to hi: the last of them, with no quote of its own, closing on an
// inverted cue and a named person (", says Tom Vale of the Collector.")
// gives that person.
func (d *doc) laterReporter(pq *qspan, hi int) (ref, bool) {
	from := max(pq.close, pq.attrEnd)
	if pq.close < 0 || from < 0 {
		return ref{}, false
	}
	for from < hi && !d.toks[from].sentEnd {
		from++
	}
	from++
	if from >= hi {
		return ref{}, false
	}
	plo := d.sentenceBefore(hi, from)
	for x := plo; x < hi; x++ {
		if d.toks[x].inQ || d.toks[x].kind == kMark {
			return ref{}, false
		}
	}
	k, n := d.lastCue(plo, hi)
	if n == 0 {
		return ref{}, false
	}
	r := d.cueSpeaker(k, n, plo, hi, nil)
	if !r.ok() || r.typ != SpeakerPerson || !properName(r.name) {
		return ref{}, false
	}
	// (Only the name after an inverted cue closing a paraphrase, the way
	// news hands a paragraph to someone new: not a verb deep in a clause,
	// "angered Tom Vale by not going beyond what had been reported", nor
	// a subject's report in the background, "The economist John Kenneth
	// Galbraith once said that ...".)
	if r.head < k {
		return ref{}, false
	}
	return r, true
}

// givenNameFirst reports a name of two words or more whose first word is
// a given name of data/firstnames.txt.
func (d *doc) givenNameFirst(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	return len(f) >= 2 && (d.lex.in("femalename", f[0]) || d.lex.in("malename", f[0]))
}

// sentenceBefore is the first token of the sentence that ends just before
// token lo (lo opens a sentence), no earlier than floor.
func (d *doc) sentenceBefore(lo, floor int) int {
	for k := lo - 2; k >= floor; k-- {
		if d.toks[k].sentEnd {
			return k + 1
		}
	}
	return floor
}

// canSpeak reports whether a speaker can have said words: a nationality
// or other NORP entity only as a plural subject of the cue, a place (GPE, LOC, FAC) only when
// it is itself the subject of the cue, standing for its government.
func (d *doc) canSpeak(r ref) bool {
	switch r.etype {
	case "NORP":
		// Only its people, as the subject of the cue: "Democrats said".
		return r.subj && d.pluralGroup(r.head)
	case "GPE", "LOC", "FAC":
		// A person the entity stage typed as a place ("according to Sophie
		// Roe" with Roe tagged GPE) is known by a given name.
		return r.subj || d.givenNameFirst(r.name)
	}
	// "The Clean Air Act says": a law, a work or an event has no voice.
	// (Not a person's name: "Jude Law" speaks.)
	// (Nor a body whose head comes before "for" or "of": "Commission for
	// Gambling Regulation" speaks.)
	f := strings.Fields(r.name)
	// (Nor an acronym in capitals: "ACT" is a party, not an act.)
	if len(f) > 0 && r.etype != "PERSON" && d.lex.in("mute", strings.ToLower(f[len(f)-1])) && !(r.etype == "ORG" && (d.headedBeforeOf(f) || isAcronymWord(f[len(f)-1]))) {
		return false
	}
	// "Section 3 of the act says", "Article 50 states": a part of a text
	// of law and its number.
	if len(f) == 2 && r.etype != "ORG" && !d.bodyApposition(r.head) && d.lex.in("lawparts", strings.ToLower(f[0])) && (isDigits(strings.TrimRight(f[1], "abcdefghABCDEFGH()")) || romanNumeral(f[1])) {
		return false
	}
	// A month, a weekday or a number is no speaker, nor the "There" of
	// "There was a swift response".
	if len(f) == 1 && (d.lex.in("temporal", strings.ToLower(f[0])) || isDigits(f[0]) || strings.EqualFold(f[0], "there") || strings.EqualFold(f[0], "here")) {
		return false
	}
	// "Invocation of the usual complaint: "..."": a lone abstract noun,
	// by its ending, with the "of" of what it is an act of, opening its
	// sentence, is no one ("the Administration of ..." speaks by its
	// list; "Lawrence said", "Security said" keep their speakers).
	if r.etype == "" && len(f) == 1 && r.head >= 0 && r.head+1 < len(d.toks) && d.sentenceStart(r.head) == r.head && d.toks[r.head+1].low == "of" &&
		!d.speakingHead(r.head) && abstractNoun(strings.ToLower(f[0])) {
		return false
	}
	// "what's presented", "trying to figure out what to ask": a question
	// word or a verb in -ing is no description of anyone ("the king" is).
	// ("a spokeswoman for Boeing": a capitalised -ing word ends a name.)
	if r.etype == "" && len(f) > 0 && !properName(r.name) {
		last := f[len(f)-1]
		switch h := strings.ToLower(last); {
		case h == "what" || h == "whatever" || h == "which" || h == "whichever":
			return false
		case strings.HasSuffix(h, "ing") && !d.peopleNoun(h) && !unicode.IsUpper(firstRune(last)):
			return false
		}
	}
	return true
}

// abstractNoun reports a noun whose English ending makes it an act, a
// state or a quality ("invocation", "reaction", "agreement", "sadness").
func abstractNoun(w string) bool {
	for _, sfx := range []string{"tion", "sion", "ment", "ness", "ity", "ance", "ence"} {
		if len(w) > len(sfx)+2 && strings.HasSuffix(w, sfx) {
			return true
		}
	}
	return false
}

// sentenceSubjectRule: `Ada Brook thanked the crews for their "courage and
// hard work"`: a partial quote inside a sentence with no cue before or
// after it is the words of the sentence's subject, when that subject can
// speak (a person, an organisation or a group).
func sentenceSubjectRule(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	if c.lo >= q.open || d.hasCue(c.lo, q.open) {
		return ref{}, false
	}
	end := c.afterHi
	for k := q.close + 1; k < c.afterHi; k++ {
		if d.toks[k].sentEnd {
			end = k
			break
		}
	}
	if q.close >= 0 && d.hasCue(q.close+1, end) {
		return ref{}, false
	}
	// The subject must open the sentence, not follow an opening phrase
	// that a quote may belong to ("In the words of the poet, ...").
	lo := c.lo
	// ("And Ana Lind argued that the mayor "...": a conjunction opening
	// the sentence comes before its subject.)
	if d.isWord(lo) && (d.toks[lo].low == "and" || d.toks[lo].low == "but") && lo+1 < q.open && d.isWord(lo+1) && d.toks[lo+1].capit {
		lo++
	}
	// ("Specifically, she was directing them to "...": a sentence adverb
	// set off by its comma comes before the subject.)
	if d.isWord(lo) && (d.adverbAt(lo) || d.adverb(d.toks[lo].low) && d.entityAt(lo) < 0) && d.isPunct(lo+1, ",") && lo+2 < q.open {
		lo += 2
	}
	// ("In a statement, the club thanked him for "...": a phrase naming
	// the text the words come from opens the sentence before its subject.)
	if k := d.inTextPhrase(lo, q.open); k > lo {
		lo = k
	}
	if d.isWord(lo) && (d.lex.in("prepositions", d.toks[lo].low) || d.lex.in("clause", d.toks[lo].low) || d.adverbAt(lo)) {
		return ref{}, false
	}
	r := d.sentenceSubject(lo, q.open)
	if r.ok() && r.via == "pronoun" && d.lex.in("pronouns", d.toks[lo].low) && d.isWord(lo+1) && !d.toks[lo+1].capit {
		return r, true // "She called it a "...""
	}
	// (A description speaks only as the one it renames: "The club
	// thanked him for "..."" after "Rovers FC dismissed ...".)
	if !r.ok() || r.via == "description" && !(properName(r.name) && d.speakingHead(r.head)) || r.head < lo || r.head >= q.open {
		return ref{}, false
	}
	// The speaker heads the sentence's first phrase: only capitalised
	// words, determiners and name particles come before its head, and the
	// word after it is lower case (its verb).
	// ("A rival economist, Ines Carvalho, "expects ...": or a description
	// and the name in apposition, before a quote that holds the verb.)
	from := lo
	appositive := false
	if m := d.mentionStart(r.head); m > lo+1 && d.isPunct(m-1, ",") && d.personAt(r.head) >= 0 && !d.hasCue(lo, m) {
		from, appositive = m, true
	}
	for k := from; k < r.head; k++ {
		if !d.isWord(k) || !(d.toks[k].capit || d.lex.in("determiners", d.toks[k].low) || connector(d.toks[k].low)) {
			return ref{}, false
		}
	}
	h := r.head
	for e := d.entityAt(h); e >= 0 && h+1 < q.open && d.entityAt(h+1) == e; h++ {
	}
	n := h + 1
	if d.isPunct(n, "(") && d.isPunct(n+2, ")") { // "The African Union (AU) on Thursday suspended"
		n += 3
	}
	// ("Rick Wamre, a 31-year-old asset manager for a Dallas firm, would
	// like to see ... because "...": past a role in apposition.)
	// ("Takuma Yamamoto, president of Fujitsu Ltd., believes "...": a
	// role with no article.)
	if d.isPunct(n, ",") && d.isWord(n+1) && (articleWord(d.toks[n+1].low) || !d.toks[n+1].capit && d.roleWord(d.toks[n+1].low)) {
		for m := n + 2; m < q.open && m <= n+20 && !d.toks[m].inQ; m++ {
			if d.isPunct(m, ",") {
				if d.roleApposition(n+1, m) {
					n = m + 1
				}
				break
			}
		}
	}
	// ("The clinic's director, Samuel Obi, "hopes to hire four more
	// nurses": the quote may hold the verb, in lower case.)
	if appositive && d.isPunct(n, ",") {
		n++
	}
	// (Only when the quote holds the verb: it opens on no determiner nor
	// relative word and closes the sentence; `The new coach, Lars Eide, "a
	// tactician of the old school," arrived` describes him.)
	if n == q.open && q.close >= 0 && unicode.IsLower(firstRune(d.body[q.ts:q.te])) && d.isWord(q.open+1) &&
		!d.lex.in("determiners", d.toks[q.open+1].low) && !d.lex.in("clause", d.toks[q.open+1].low) && d.closesSentence(q.close) {
		return r, true
	}
	if appositive {
		return ref{}, false
	}
	if !d.isWord(n) || d.toks[n].capit {
		return ref{}, false
	}
	return r, true
}

// closesSentence reports a quote's closing mark at k that ends its
// sentence: the mark or the token after it ends it, or nothing follows.
func (d *doc) closesSentence(k int) bool {
	return d.toks[k].sentEnd || k+1 >= len(d.toks) || d.toks[k+1].sentEnd && !d.isWord(k+1)
}

// quoteParagraph: a paragraph that is nothing but a quote, or opens with a
// whole-sentence quote followed by narrative with no cue, with no
// attribution, is the words of the one the paragraph before reports (`Mayor
// Tom Vale said the town needed help.` then `"We have no water."`), or of
// the person that paragraph is about, or else of the last speaker in the
// two paragraphs before.
func quoteParagraph(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	if c.prev != nil || c.next != nil || q.open != c.p.t0 || q.para == 0 {
		return ref{}, false
	}
	// Narrative after the quote in its paragraph leaves it a quote
	// paragraph when the quote is a whole sentence and nothing after it
	// attributes anything (`"We have no water." The town has been cut off
	// since Friday.`).
	if q.close >= 0 {
		for k := q.close + 1; k < c.p.t1; k++ {
			if d.isWord(k) && (!d.toks[q.close].sentEnd || d.hasCue(q.close+1, c.p.t1)) {
				return ref{}, false
			}
		}
	}
	pi := q.para - 1
	// (Not a caption of who speaks next: "Station manager Kieran Doyle
	// at the scene on Tuesday morning".)
	for pi > 0 && (d.furniture(pi) || d.creditLine(pi) || d.titleLine(pi) && !d.captionOfPerson(pi)) {
		pi--
	}
	pp := d.paras[pi]
	plo := d.sentenceBefore(pp.t1, pp.t0)
	for k := plo; k < pp.t1; k++ {
		if d.toks[k].inQ || d.toks[k].kind == kMark {
			plo = -1 // the paragraph before ends with a quote of its own
			break
		}
	}
	if plo >= 0 {
		if k, n := d.lastCue(plo, pp.t1); n > 0 {
			if r := d.cueSpeaker(k, n, plo, pp.t1, nil); r.ok() {
				c.cue = ""
				return inherit(r), true
			}
		}
		// ("The Hawks arrested Ngcobo ... ¶ "I kept copies of
		// everything.": words in the first person singular are one
		// person's, not those of a subject no list or rule made one.)
		if r := d.sentenceSubject(plo, pp.t1); r.ok() && r.typ == SpeakerPerson && r.etype != "ORG" && (r.etype == "PERSON" || !properName(r.name) || !d.firstSingular(q)) {
			return inherit(r), true
		}
		// "Pop used his closing minute to address young voters. Turnout
		// was below 40 percent. ¶ "...": a paragraph with no quote whose
		// one person is the subject of its first sentence is about that
		// person, whatever its last sentence adds.
		// (Not words about a third person, `"He was outstanding today."`:
		// the one the paragraph was about is spoken of.)
		if e, k := d.onePersonIn(pp.t0, pp.t1); e >= 0 && d.sentenceStart(k) == pp.t0 && d.subjectMention(k) && !d.hasMark(pp.t0, pp.t1) && !d.thirdSingular(q) {
			return inherit(d.entityRef(e, d.mentionEnd(k))), true
		}
	}
	for i := c.qi - 1; i >= 0 && d.qs[i].para >= q.para-window; i-- {
		if r := d.qs[i].carried(); r.ok() {
			return inherit(r), true
		}
	}
	// "But for Parata and his family the deaths are personal. ¶ "...":
	// with no speaker before, the one person the sentence before names.
	if plo >= 0 {
		if e, k := d.onePersonIn(plo, pp.t1); e >= 0 {
			return inherit(d.entityRef(e, d.mentionEnd(k))), true
		}
	}
	return ref{}, false
}

// firstSingular reports a quote that speaks in the first person singular
// ("I", "me", "my").
func (d *doc) firstSingular(q *qspan) bool {
	return d.quoteHasWord(q, "i", "me", "my", "myself", "i'm", "i've", "i'd", "i'll")
}

// quoteHasWord reports one of words (lower case) among the words of quote q.
func (d *doc) quoteHasWord(q *qspan, words ...string) bool {
	end := q.close
	if end < 0 {
		end = d.paras[q.para].t1
	}
	for k := q.open + 1; k < end; k++ {
		if d.isWord(k) && slices.Contains(words, d.toks[k].low) {
			return true
		}
	}
	return false
}

// onePersonIn returns the person entity named in [lo, hi) when it is the
// only one named there (possessives included), and the first token of its
// first mention there; else -1, -1.
func (d *doc) onePersonIn(lo, hi int) (int, int) {
	one, at := -1, -1
	for k := lo; k < hi; k++ {
		e := d.entityAt(k)
		if e < 0 || d.ents[e].Type != "PERSON" {
			continue
		}
		if one >= 0 && one != e {
			return -1, -1
		}
		if one < 0 {
			one, at = e, k
		}
	}
	return one, at
}

// wordsOf: `"..." That was the message from Tom Vale.`, `"...," was the
// message from Vale`, `Those were the words of Vale: "..."`: a noun for
// words said, then "of" or "from" and who said them, in the quote's
// sentence or in a short sentence right after it.
func wordsOf(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	hi := c.afterHi
	if q.close >= 0 {
		n := 0
		for k := q.close + 1; k < c.afterHi; k++ {
			if d.toks[k].sentEnd {
				n++
				if n == 2 || !d.toks[q.close].sentEnd {
					hi = k
					break
				}
			}
		}
	}
	try := func(lo, hi int) (ref, bool) {
		for k := lo; k+2 < hi; k++ {
			if !d.isWord(k) || d.toks[k].inQ {
				continue
			}
			if !wordsNoun(d.toks[k].low) {
				continue
			}
			if w := d.toks[k+1].low; d.isWord(k+1) && (w == "of" || w == "from") {
				if a, b := d.npRight(k+2, hi); a <= b {
					// Only someone: a name, or a person, group or
					// organisation noun ("the words of the speech" are no one's).
					if r := d.speakerFromNP(a, b); r.ok() && (r.etype != "" || properName(r.name) || d.someone(r.name)) {
						return r, true
					}
				}
			}
		}
		return ref{}, false
	}
	if q.close >= 0 && hi-q.close <= 14 {
		if r, ok := try(q.close+1, hi); ok {
			return r, true
		}
	}
	// "Those were the words of X: "..."", "In the words of X, "..."" (a
	// comma only after that frame: "After the remarks of Ana Ruiz on
	// Monday, "business as usual" resumed" is no one's quote).
	inTheWords := c.lo+2 < q.open && d.toks[c.lo].low == "in" && d.toks[c.lo+1].low == "the" && d.toks[c.lo+2].low == "words"
	// "In Ada Brook's words, "..."", "in economist Ada Brook's phrase,
	// "..."".
	if c.lo+2 < q.open && d.isPunct(q.open-1, ",") {
		if r, ok := d.possessorOfWords(q.open-1, c.lo); ok {
			return r, true
		}
	}
	if d.isPunct(q.open-1, ":") || d.isPunct(q.open-1, ",") && inTheWords {
		return try(c.lo, q.open-1)
	}
	return ref{}, false
}

// wordsFrameAfter: `"...". These were the words of Governor Tomas Berg,
// who ...`: the sentence right after a quote that closes its sentence,
// or the first of the next paragraph when the quote ends its own, names
// whose words they were.
func wordsFrameAfter(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	if q.close < 0 || !d.toks[q.close].sentEnd && !(q.close+1 < len(d.toks) && d.toks[q.close+1].sentEnd) {
		return ref{}, false
	}
	s := q.close + 1
	for s < len(d.toks) && !d.isWord(s) {
		s++
	}
	if c.next != nil && s >= c.next.open || s+5 >= len(d.toks) {
		return ref{}, false
	}
	// Another paragraph only when the quote is its paragraph's last words.
	if d.paraOf(s) != q.para && (d.paraOf(s) != q.para+1 || c.next != nil) {
		return ref{}, false
	}
	k, np := d.wordsFrameAt(s)
	if np < 0 {
		return ref{}, false
	}
	hi := np
	for hi < len(d.toks) && !d.toks[hi].sentEnd && hi < np+14 {
		hi++
	}
	if a, b := d.npRight(np, hi); a <= b {
		if r := d.authorNP(a, b, hi); r.ok() && (r.etype != "" || properName(r.name) || d.someoneRef(r)) {
			c.cue = d.cueText(k, 1)
			// ("That was how X put it": the verb after the speaker.)
			if d.toks[k].low == "how" {
				for v := b + 1; v < hi; v++ {
					if d.isWord(v) && !d.toks[v].capit && (d.cueAt(v) > 0 || d.verbish(d.toks[v].low)) {
						c.cue = d.text(d.toks[v])
						break
					}
				}
			}
			return r, true
		}
	}
	return ref{}, false
}

// wordsFrameAt reads, from the first word s of the sentence after a quote,
// a frame that names who spoke the quote: "These were the words of X",
// "The words were those of X", "That was the assessment of X", "That was
// how X put it", "So said X". It returns the frame's noun or verb and
// where the speaker's phrase starts, or -1.
func (d *doc) wordsFrameAt(s int) (int, int) {
	frameNoun := func(w string) bool {
		switch w {
		case "assessment", "view", "warning", "advice", "analysis", "opinion", "summary", "conclusion", "plea", "answer", "judgment", "judgement", "reaction":
			return true
		}
		return wordsNoun(w)
	}
	word := func(k int, ws ...string) bool { return d.isWord(k) && slices.Contains(ws, d.toks[k].low) }
	switch {
	// "So said Felipe Chan, 70,".
	case word(s, "so") && word(s+1, "said", "says", "wrote", "writes"):
		return s + 1, s + 2
	// "With those words, a former clerk became the first witness": the
	// sentence's subject spoke them.
	case word(s, "with") && word(s+1, "those", "these") && word(s+2, "words") && d.isPunct(s+3, ","):
		return s + 2, s + 4
	// "The words were those of Siti Rahayu".
	case word(s, "the") && d.isWord(s+1) && frameNoun(d.toks[s+1].low) && d.isWord(s+2) && isBe(d.toks[s+2].low) && word(s+3, "those", "that") && word(s+4, "of"):
		return s + 1, s + 5
	case !word(s, "these", "those", "that", "this", "such") || !d.isWord(s+1) || !isBe(d.toks[s+1].low):
		return -1, -1
	}
	k := s + 2
	// "That was how Hendra Prasetyo, head of the office, described it",
	// "That is what the company's chief, Ana Lind, said".
	if word(k, "how", "what") {
		return k, k + 1
	}
	if word(k, "the") {
		k++
	}
	// ("Those were the first words of X", "the last words of".)
	if word(k, "first", "last", "final", "opening", "closing", "only") {
		k++
	}
	if !d.isWord(k) || !frameNoun(d.toks[k].low) || !word(k+1, "of", "from") {
		return -1, -1
	}
	return k, k + 2
}

// wordsNoun reports a noun for what someone said ("the words of", "her
// message").
func wordsNoun(w string) bool {
	switch w {
	case "words", "message", "comment", "comments", "response", "reply", "remarks", "verdict", "phrase", "insistence", "assertion":
		return true
	}
	return false
}

// possessorOfWords reads "X's words:" before a colon at k: the named
// possessor of a noun for what was said.
func (d *doc) possessorOfWords(k, lo int) (ref, bool) {
	h := k - 1
	if !d.isWord(h) || !wordsNoun(d.toks[h].low) || !d.possessive(h-1) || !d.toks[h-1].capit {
		return ref{}, false
	}
	if e := d.entityAt(h - 1); e >= 0 {
		r := d.entityRef(e, h-1)
		return r, r.ok()
	}
	a := h - 1
	for a-1 >= lo && d.isWord(a-1) && d.toks[a-1].capit && !d.possessive(a-1) {
		a--
	}
	r := d.nameRef(a, h-1)
	return r, r.ok()
}

// possessedWordsSubject reads a sentence whose subject is someone's words
// and whose verb is "be", before the colon at k: "Baluyot's message to
// families still at home was simple:", "The department's advice to
// residents was repeated on radio:". The words are the possessor's, not
// those they were addressed to.
func (d *doc) possessedWordsSubject(lo, k int) (ref, bool) {
	s := d.sentenceStart(k)
	if s < lo {
		s = lo
	}
	h := -1
	for i := s + 1; i < k && i <= s+8; i++ {
		if !d.isWord(i) {
			return ref{}, false
		}
		if d.possessive(i - 1) {
			if w := d.toks[i].low; wordsNoun(w) || w == "advice" || w == "warning" || w == "plea" || w == "appeal" || w == "answer" || w == "instruction" || w == "instructions" {
				h = i
			}
			break
		}
	}
	if h < 0 {
		return ref{}, false
	}
	be := false
	for i := h + 1; i < k; i++ {
		if d.isWord(i) && isBe(d.toks[i].low) {
			be = true
			break
		}
	}
	if !be {
		return ref{}, false
	}
	if e := d.entityAt(h - 1); e >= 0 {
		r := d.entityRef(e, h-1)
		return r, r.ok()
	}
	// ("To which Greyjoy's response was": a name the entity stage did not
	// mark here is the phrase, not the words before it.)
	a := s
	if d.toks[h-1].capit {
		// (Not a sentence's opening adverb or time, nor another name:
		// "Later Solberg's comment", "In Cannes Ferrante's".)
		for a = h - 1; a-1 >= s && d.isWord(a-1) && d.toks[a-1].capit && d.entityAt(a-1) < 0; a-- {
			if w := d.toks[a-1].low; a-1 == d.sentenceStart(a-1) && (d.adverb(w) || d.lex.in("temporal", w)) {
				break
			}
		}
	}
	r := d.speakerFromNP(a, h-1)
	return r, r.ok()
}

// someone reports a description headed by a person, group or organisation
// noun.
func (d *doc) someone(desc string) bool {
	f := strings.Fields(strings.ToLower(desc))
	if len(f) == 0 {
		return false
	}
	w := f[len(f)-1]
	return d.roleWord(w) || d.lex.in("groupheads", w) || d.lex.in("orgheads", w)
}

// requestAt reports a cue at k followed by "for" or "to" whose object or
// infinitive runs on for at least two words before hi: "asked for the
// files", "vowed to publish the book" (not "promised to "protect ..."").
// ("Replied to his email with a message: "..."", "admitted to a
// colleague that "..."": "to" before whom it was said, and a colon or
// "that" before the quote, keep the words the cue's.)
func (d *doc) requestAt(k, hi int) bool {
	if !d.isWord(k+1) || (d.toks[k+1].low != "for" && d.toks[k+1].low != "to") || hi-(k+2) < 2 {
		return false
	}
	// ("the mayor had vowed to make the city "the cleanest ...": what a
	// promise promises is the promiser's words.)
	switch strings.TrimSuffix(strings.TrimSuffix(d.toks[k].low, "d"), "e") {
	case "vow", "promis", "pledg", "swor", "swear":
		if d.toks[k+1].low == "to" {
			return false
		}
	}
	if w := d.toks[k+2]; d.toks[k+1].low == "to" && (w.kind != kWord || w.capit || d.lex.in("determiners", w.low) || d.lex.in("pronouns", w.low) || w.low == "one" || isDigits(w.low)) {
		return false
	}
	for i := k + 2; i < hi; i++ {
		if d.isPunct(i, ":") || d.isWord(i) && d.toks[i].low == "that" {
			return false
		}
	}
	return true
}

// clauseBreak reports ", and", ", but" or ";" between tokens a and b: a new
// clause with its own subject ("Ana Ruiz said she would resign, and the
// party called for ...").
func (d *doc) clauseBreak(a, b int) bool {
	for k := a + 1; k < b; k++ {
		if d.isPunct(k, ";") || d.isPunct(k, ",") && d.isWord(k+1) && (d.toks[k+1].low == "and" || d.toks[k+1].low == "but") {
			return true
		}
	}
	return false
}

// lowerStart reports a quote whose first letter is lower case: words that
// go on the sentence around them.
func lowerStart(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) {
			return unicode.IsLower(r)
		}
	}
	return false
}

// subordinateCue returns the subordinator ("while", "although", "when",
// ...) that opens the clause of a cue at k, with no comma between, when a
// comma between the cue and open (the quote's mark) closes that clause
// ("that while some ministers are urging caution, "...""), or -1.
func (d *doc) subordinateCue(k, open int) int {
	closed := false
	for x := k + 1; x < open; x++ {
		if d.toks[x].inQ {
			return -1
		}
		closed = closed || d.isPunct(x, ",")
	}
	if !closed {
		return -1
	}
	for x := k - 1; x >= 0 && x >= k-8; x-- {
		if !d.isWord(x) || d.toks[x].inQ {
			return -1
		}
		switch d.toks[x].low {
		case "while", "although", "though", "whereas", "when", "if", "unless":
			return x
		}
	}
	return -1
}

// reducedPassive returns the head of "a man" in "a man suspected of",
// "a woman charged with": a past participle cue at k right after a
// lower-case noun for a person that a determiner opens, before "of",
// "with" or "as"; or -1.
func (d *doc) reducedPassive(k int) int {
	// (Only participles that are passive after a noun: "the minister
	// warned of", "a spokesman described as" are the subject's verbs.)
	objectOnly := false
	switch d.toks[k].low {
	case "suspected", "accused", "charged", "convicted", "wanted", "arrested", "detained", "jailed", "sentenced", "indicted", "acquitted":
	case "described", "identified", "known":
		// ("Police are hunting a man described as "...": passive after an
		// object; "A spokeswoman described as "..." reports" is active.)
		objectOnly = true
	default:
		return -1
	}
	if !d.isWord(k+1) || !d.isWord(k-1) || d.toks[k-1].capit {
		return -1
	}
	switch d.toks[k+1].low {
	case "of", "with", "as":
	default:
		return -1
	}
	h := d.toks[k-1].low
	if !d.lex.in("personnouns", h) && !d.lex.in("personheads", h) && h != "man" && h != "woman" && h != "person" && h != "men" && h != "women" && h != "people" {
		return -1
	}
	a := k - 2
	for a >= 0 && d.isWord(a) && !d.toks[a].capit && a > k-5 && !d.lex.in("determiners", d.toks[a].low) {
		a--
	}
	if a < 0 || !d.isWord(a) || !d.lex.in("determiners", d.toks[a].low) {
		return -1
	}
	if objectOnly && d.sentStart(a) {
		return -1
	}
	// (Not the subject of a clause: "what one staff member dismissed as".)
	if d.isWord(a - 1) {
		switch d.toks[a-1].low {
		case "what", "that", "who", "whom", "which", "as", "whatever":
			return -1
		}
	}
	return a
}

// commaRelativeCue returns the "who" or "which" after a comma that opens
// the relative clause of a cue at k, when the clause closes with a comma
// and the sentence goes on in words of its own before open (the quote's
// mark): ", who rarely speaks on state matters, had been "..."", or -1.
func (d *doc) commaRelativeCue(k, open int) int {
	rel := -1
	// (Or a participle aside opening on the cue: "the councillor, accused
	// of bullying staff, had been "..."".)
	if d.isPunct(k-1, ",") && strings.HasSuffix(d.toks[k].low, "ed") && d.isWord(k-2) && !d.toks[k-2].capit {
		rel = k
	}
	for x := k - 1; rel < 0 && x >= 0 && x >= k-6; x-- {
		if !d.isWord(x) || d.toks[x].inQ {
			return -1
		}
		if w := d.toks[x].low; w == "who" || w == "which" {
			if !d.isPunct(x-1, ",") {
				return -1
			}
			rel = x
			break
		}
	}
	if rel < 0 {
		return -1
	}
	for x := k + 1; x < open; x++ {
		if d.toks[x].inQ || d.toks[x].sentEnd {
			return -1
		}
		if d.isPunct(x, ",") {
			// (The main clause's verb right after the comma, before the
			// quote: not `, who told reporters, "..."`, nor an apposition
			// inside the clause, `, who warned that his opponent, Mayor
			// Ana Ruiz, was turning the city "..."`.)
			// (Nor a phrase set off inside the clause: `, who argued the
			// measure, approved by the House, was "..."`: no comma after.)
			if x+1 < open && d.isWord(x+1) && !d.toks[x+1].capit && (d.lex.in("auxiliaries", d.toks[x+1].low) || d.verbish(d.toks[x+1].low)) {
				for y := x + 1; y < open; y++ {
					if d.isPunct(y, ",") {
						return -1
					}
				}
				return rel
			}
			return -1
		}
	}
	return -1
}

// relativeBefore finds the "which" or "whom" after a comma that opens the
// relative clause of the cue at k (within six words, after lo), when that
// clause reports nothing the next quote continues: "which" itself its
// subject and the cue no verb of saying, or a subject of its own that is
// no named person.
func (d *doc) relativeBefore(k, lo int) (int, bool) {
	for x := k - 1; x > lo && x >= k-6 && d.isWord(x) && !d.toks[x].inQ; x-- {
		w := d.toks[x].low
		if w != "which" && w != "whom" {
			continue
		}
		if !d.isPunct(x-1, ",") {
			return 0, false
		}
		if x+1 == k {
			return x, w == "which" && !d.lex.in("speechverbs", d.toks[k].low)
		}
		for y := x + 1; y < k; y++ {
			if d.personAt(y) >= 0 || d.isWord(y) && d.toks[y].capit && d.entityAt(y) < 0 {
				return 0, false
			}
		}
		return x, true
	}
	return 0, false
}

// linkingAdverb reports an adverb that links a clause to what came
// before ("would nonetheless ask", "will also announce"), not one of
// habit ("would always tell" is past, not future).
func linkingAdverb(w string) bool {
	switch w {
	case "nonetheless", "nevertheless", "also", "further", "instead", "however", "moreover", "furthermore", "likely", "probably", "soon":
		return true
	}
	return false
}

// futureCue reports a cue at k after a modal: words yet to be said
// ("would announce", "will unveil"). (Not after "to": "seems to suggest",
// "went on to say" report the subject's words.)
func (d *doc) futureCue(k int) bool {
	j := k - 1
	if d.isWord(j) && (strings.HasSuffix(d.toks[j].low, "ly") || linkingAdverb(d.toks[j].low)) { // "would formally announce", "would nonetheless ask"
		j--
	}
	if !d.isWord(j) || d.toks[j].inQ {
		return false
	}
	switch d.toks[j].low {
	case "would", "will", "shall", "could", "might", "may", "should":
		return true
	case "to":
		// ("the chamber expected to deliver its decision", "plans to
		// announce": an infinitive after a verb of expecting or planning.)
		if d.isWord(j-1) && !d.toks[j-1].inQ {
			switch d.toks[j-1].low {
			case "expected", "expects", "expect", "plans", "planned", "plan", "intends", "intended", "intend", "hopes", "hoped", "hope",
				"wants", "wanted", "want", "due", "set", "scheduled", "going", "likely", "unlikely", "preparing", "prepared":
				return true
			}
		}
	}
	return false
}

// askerQuestion reports a quote right after the asker of an asked opener
// (`Asked by a reporter, "Will you resign?", Vale answered`): the asker's
// question, not the answerer's words. by is the position of the asker's
// "by".
func (c *attribCtx) askerQuestion() (by int, ok bool) {
	d := c.d
	e := c.q.open - 1
	for e > c.lo && (d.isPunct(e, ",") || d.isPunct(e, ":")) {
		e--
	}
	// (The asker may be a phrase: "Asked by a reporter from Folha de
	// S.Paulo, "...?"".)
	for k := e - 1; k >= c.lo && k >= e-10; k-- {
		if !d.isWord(k) && !d.isPunct(k, ".") || d.toks[k].inQ {
			return 0, false
		}
		if d.toks[k].low == "by" {
			a, b := d.npRight(k+1, e+1)
			return k, k-1 >= c.lo && d.askedOpener(k-1) && a <= b
		}
	}
	return 0, false
}

// askedRightBefore reports a quoted question right after a verb of asking
// and the one asked, in its sentence: `When a reporter asked him, "...?"`,
// `Ana Lind asked the mayor: "...?"`. The cue after it is the answer's.
func (c *attribCtx) askedRightBefore() bool {
	d := c.d
	if !endsQuestion(d.body[c.q.ts:c.q.te]) {
		return false
	}
	e := c.q.open - 1
	for e > c.lo && (d.isPunct(e, ",") || d.isPunct(e, ":")) {
		e--
	}
	if e < c.lo || !d.isWord(e) || d.toks[e].inQ {
		return false
	}
	switch {
	case askingCue(d.toks[e].low):
		return true
	case d.toks[e].low == "him" || d.toks[e].low == "her" || d.toks[e].low == "them":
		return d.isWord(e-1) && askingCue(d.toks[e-1].low)
	}
	// (The one asked by name or title: "asked the mayor", "asked Ana Lind".)
	for k := e - 1; k >= c.lo && k >= e-5 && d.isWord(k) && !d.toks[k].inQ; k-- {
		if askingCue(d.toks[k].low) {
			a, b := d.npRight(k+1, e+1)
			return a == k+1 && b == e
		}
	}
	return false
}

// interruptedCue returns the cue of the clause that an attribution at
// [k, k+n) interrupts just before a quote opening at open: "X asked
// him, Vale said, "..."" gives "asked". The interrupted clause is a
// subject, the cue and at most a pronoun it is said to.
func (d *doc) interruptedCue(k, n, lo, open int) (int, int, bool) {
	// (Only words that open a sentence of their own: "Vale answered, she
	// said, "with excuses"" goes on her sentence.)
	if !d.isPunct(k+n, ",") || k+n+1 != open || !d.isWord(open+1) || !d.toks[open+1].capit {
		return 0, 0, false
	}
	// ("had warned them, Vale said, "But nobody listened."": words that
	// go on from the clause before are the relayer's comment.)
	switch d.toks[open+1].low {
	case "but", "and", "or", "so", "yet", "not", "nor", "because", "although", "though", "which", "who":
		return 0, 0, false
	}
	r, s := d.subjectLeft(k, lo)
	if !r.ok() || !d.isPunct(s-1, ",") {
		return 0, 0, false
	}
	e := s - 2 // the interrupted clause's last word
	if d.isWord(e) && !d.toks[e].inQ {
		switch d.toks[e].low {
		case "him", "her", "them", "me", "us", "you":
			e--
		}
	}
	k2, n2 := d.lastCue(lo, e+1)
	if n2 == 0 || k2+n2-1 != e || d.lex.in("mental", d.toks[k2].low) {
		return 0, 0, false
	}
	// ("never replied, Vale said, "...": a denied cue says nothing.)
	if d.deniedCue(k2) {
		return 0, 0, false
	}
	if r2, _ := d.subjectLeft(k2, lo); !r2.ok() {
		return 0, 0, false
	}
	return k2, n2, true
}

// deniedCue reports a cue at k right after "never", "not" or "n't": a
// saying denied, which says nothing.
func (d *doc) deniedCue(k int) bool {
	p := k - 1
	return d.isWord(p) && (d.toks[p].low == "never" || d.toks[p].low == "not" || d.toks[p].low == "n't")
}

// purposeSubject reads a cue at k in an infinitive of purpose after a
// verb of going or using and its place or means ("took to Twitter to
// criticise", "went on television to defend", "used the speech to
// attack"): the verb's subject speaks. A verb that puts its object up to
// it ("asked Vale to explain") is read as before, by the noun.
func (d *doc) purposeSubject(k, lo int) (ref, bool) {
	if !d.isWord(k-1) || d.toks[k-1].low != "to" || d.toks[k-1].inQ {
		return ref{}, false
	}
	a, b := d.npEnd(k-2, lo)
	if a > b || a <= lo {
		return ref{}, false
	}
	v := a - 1
	if d.isWord(v) && !d.toks[v].inQ && (d.toks[v].low == "to" || d.toks[v].low == "on" || d.toks[v].low == "onto") {
		v--
	}
	if !d.isWord(v) || d.toks[v].inQ {
		return ref{}, false
	}
	switch d.toks[v].low {
	case "took", "takes", "take", "taking", "went", "goes", "go", "going", "turned", "turns", "turning", "used", "uses", "using", "appeared", "appears", "came", "comes":
	default:
		return ref{}, false
	}
	r, _ := d.subjectLeft(v, lo)
	if !r.ok() || !d.canSpeak(r) {
		return ref{}, false
	}
	return r, true
}

// sourceAside reports the verb of saying right before ", according to
// X," at k (a cue of n tokens): the cue whose subject speaks.
func (d *doc) sourceAside(k, n, lo, open int) (int, int, bool) {
	if n != 2 || d.toks[k].low != "according" || !d.isPunct(k-1, ",") {
		return 0, 0, false
	}
	// (The aside closes before the quote: a comma, then "that" or the
	// quote itself.)
	closed := false
	for x := k + n; x < open; x++ {
		if d.isPunct(x, ",") {
			closed = x+1 == open || d.isWord(x+1) && d.toks[x+1].low == "that" && x+2 <= open
			break
		}
	}
	if !closed {
		return 0, 0, false
	}
	k2, n2 := d.lastCue(lo, k-1)
	if n2 == 0 || k2+n2 != k-1 || d.toks[k2].low == "according" {
		return 0, 0, false
	}
	if r, _ := d.subjectLeft(k2, lo); !r.ok() {
		return 0, 0, false
	}
	return k2, n2, true
}

// fromSpeaker finds the source of a text or a reply named after "from"
// right before the colon at colon: "a sharp reply from Ana Lind:", "a
// warning from the IMF:", "a response from the opposition leader, Ana
// Lind:".
func (d *doc) fromSpeaker(colon, lo int) (ref, bool) {
	for f := colon - 1; f > lo+1 && f >= colon-8; f-- {
		if !d.isWord(f) || d.toks[f].low != "from" {
			continue
		}
		if !d.isWord(f-1) || !d.lex.in("docheads", d.toks[f-1].low) {
			return ref{}, false
		}
		a, b := d.npRight(f+1, colon)
		if a > b {
			return ref{}, false
		}
		if b+1 == colon {
			r := d.sourceSpeaker(a, b)
			return r, r.ok() && d.canSpeak(r)
		}
		if d.isPunct(b+1, ",") {
			if a2, b2 := d.npRight(b+2, colon); a2 <= b2 && b2+1 == colon && (d.isNameNP(a2, b2) || d.roleThenName(a2, b2)) {
				r := d.speakerFromNP(a2, b2)
				return r, r.ok()
			}
		}
		return ref{}, false
	}
	return ref{}, false
}

// relativeBetween reports a relative pronoun after a comma between tokens
// a and b: the words before b are an aside about a.
func (d *doc) relativeBetween(a, b int) bool {
	if a < 0 || b-a > 25 {
		return false
	}
	for x := a + 1; x < b; x++ {
		if d.isPunct(x-1, ",") && d.isWord(x) && !d.toks[x].inQ {
			switch d.toks[x].low {
			case "which", "who", "whose", "whom":
				return true
			}
		}
	}
	return false
}

// andThatBetween reports "and that" outside quotes in tokens [lo, hi)
// with no "that" before it: a cue with a that-clause of its own ("told
// reporters that prices would fall and that ...") is the one "and that"
// goes back to.
func (d *doc) andThatBetween(lo, hi int) bool {
	for x := lo; x+1 < hi; x++ {
		if !d.isWord(x) || d.toks[x].inQ {
			continue
		}
		if d.toks[x].low == "that" {
			return false
		}
		if d.toks[x].low == "and" && d.isWord(x+1) && d.toks[x+1].low == "that" {
			return true
		}
	}
	return false
}

// agentThenVerb reports "by" right at lo (a participle's agent) and a
// finite form of "be" before hi, outside quotes: the participle was inside
// the subject of that verb.
func (d *doc) agentThenVerb(lo, hi int) bool {
	if !d.isWord(lo) || d.toks[lo].low != "by" {
		return false
	}
	for x := lo + 1; x < hi; x++ {
		if !d.isWord(x) || d.toks[x].inQ {
			continue
		}
		switch d.toks[x].low {
		case "was", "were", "is", "are":
			return true
		case "that": // "told by a council officer that the decision was "...": the agent's own clause
			return false
		}
	}
	return false
}

// subordinator reports a word that opens a subordinate clause before the
// main clause of its sentence.
func subordinator(w string) bool {
	switch w {
	case "while", "although", "though", "whereas", "if", "when", "because", "since", "after", "before", "as", "once", "unless", "until":
		return true
	}
	return false
}

// inTextPhrase returns the token after the comma of an opening phrase that
// names a text ("In a statement,", "In a letter to members,", "In its
// annual report,"), or lo when the sentence opens otherwise.
func (d *doc) inTextPhrase(lo, hi int) int {
	if !d.isWord(lo) || d.toks[lo].low != "in" {
		return lo
	}
	text := false
	for k := lo + 1; k < hi && k <= lo+8; k++ {
		if d.toks[k].inQ || d.toks[k].kind == kMark {
			return lo
		}
		if d.isPunct(k, ",") {
			if text {
				return k + 1
			}
			return lo
		}
		if d.isWord(k) && k <= lo+3 && d.lex.in("docheads", d.toks[k].low) {
			text = true
		}
	}
	return lo
}

// speakingHead reports whether token h is a noun for someone who can speak:
// a person, a group of people or an organisation ("the club", not "the
// report").
func (d *doc) speakingHead(h int) bool {
	if !d.isWord(h) {
		return false
	}
	w := d.toks[h].low
	return d.lex.in("personheads", w) || d.lex.in("personnouns", w) || d.lex.in("groupheads", w) || d.lex.in("orgheads", w)
}

// delayedIdentification renames an unresolved description of a person
// ("the former mayor said") after a delayed-identification lede: a
// sentence that opens on a description with the same head noun ("The
// former mayor of Tarvel announced ...", "A Kestrel nurse who ...") and
// names no one, followed by a sentence that opens on a person's name ("Ian
// Brooke, who led the city ..."). News introduces a person so, and the
// description later stands for the name.
// at is the quote's opening mark: the lede and the name come before it.
func (d *doc) delayedIdentification(r ref, at int) (ref, bool) {
	h := r.head
	if r.typ != SpeakerPerson || h < 0 || h >= len(d.toks) || !d.isWord(h) {
		return ref{}, false
	}
	hw := bareWord(d.toks[h].low)
	if d.lex.in("unnamedheads", hw) || !d.lex.in("personheads", hw) && !d.lex.in("personnouns", hw) || properName(r.name) {
		return ref{}, false
	}
	atStart := d.sentenceStart(at)
	// The lede's description: the head noun within the first words of an
	// earlier sentence, after an article and modifiers only (the
	// description's own antecedent may be it).
	for e := h; e >= 0; e-- {
		if !d.isWord(e) || d.toks[e].inQ || bareWord(d.toks[e].low) != hw {
			continue
		}
		// (The description itself, or the noun inside a sentence, is no
		// lede: look further back.)
		s := d.sentenceStart(e)
		// ("The striker, who joined in the summer, said he was "...".
		// Joao Mendes, 22, added: ...": the quote's own sentence may be
		// the lede, the name in the sentence after it.)
		own := e == h && s == atStart
		if e >= atStart && !own || e-s > 4 || !d.isWord(s) || (d.toks[s].low != "a" && d.toks[s].low != "an" && d.toks[s].low != "the") {
			continue
		}
		for x := s + 1; x < e; x++ {
			if !d.isWord(x) || d.toks[x].inQ {
				return ref{}, false
			}
		}
		// The lede's sentence names no person.
		end := e
		for end < len(d.toks) && !d.toks[end].sentEnd {
			end++
		}
		for x := s; x <= end && x < len(d.toks); x++ {
			if d.personAt(x) >= 0 {
				return ref{}, false
			}
		}
		// The next sentence opens on a person's name, its subject.
		n := end + 1
		for n < len(d.toks) && !d.isWord(n) {
			n++
		}
		if n >= at && !own || !d.sentStart(n) {
			return ref{}, false
		}
		p := d.personAt(n)
		if p < 0 || !d.subjectMention(n) {
			return ref{}, false
		}
		// (Only a name introduced as the lede's person: given an age,
		// "Amara Lindqvist, 34,", or the lede's noun again, "Ian Brooke,
		// the former mayor,"; "Ana Ruiz, the health minister, presented the
		// award" or "Tom Vale, who organised the march," is someone else.)
		if !d.introducedAs(n, hw) {
			return ref{}, false
		}
		// (In the quote's own sentence, only a name that speaks next:
		// "A police spokesman said the man was "...". Tom Vale, 34, was
		// charged" is the man.)
		if own {
			e2 := n
			for e2 < len(d.toks) && e2 < n+12 && !d.toks[e2].sentEnd && !d.toks[e2].inQ {
				e2++
			}
			if !d.hasCue(n, e2) {
				return ref{}, false
			}
		}
		// (The noun given again to someone in between: no telling.)
		for x := n + 1; x < atStart && !own; x++ {
			if d.isWord(x) && !d.toks[x].inQ && bareWord(d.toks[x].low) == hw {
				return ref{}, false
			}
		}
		out := d.entityRef(p, n)
		out.head, out.via, out.subj = h, "description", false
		return out, true
	}
	return ref{}, false
}

// inWords: `It was, in Ruiz's words, "a betrayal"`, `in the words of the
// judge, "..."`, `"...," in her words.`: the phrase names whose words these
// are, whoever the clause's subject is.
func inWords(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	end := c.afterHi
	if q.close >= 0 {
		for k := q.close; k < c.afterHi; k++ {
			if d.toks[k].sentEnd {
				end = k + 1
				break
			}
		}
	}
	for k := c.lo; k < end; k++ {
		// ("In her view, the budget is "...": a view or an opinion so
		// held is put in its holder's words.)
		if k >= q.open && (q.close < 0 || k <= q.close) || !d.isWord(k) || d.toks[k].inQ || d.toks[k].low != "words" && d.toks[k].low != "view" && d.toks[k].low != "opinion" && d.toks[k].low != "quote" || d.toks[k].capit {
			continue
		}
		// "To quote the director of a shelter: "..."": the one quoted,
		// in the phrase right before the quote.
		if d.toks[k].low == "quote" {
			if k > q.open || !d.isWord(k-1) || d.toks[k-1].low != "to" {
				continue
			}
			e := q.open - 1
			if !d.isPunct(e, ":") && !d.isPunct(e, ",") {
				continue
			}
			if e-k > maxNP+4 || d.hasCue(k+1, e) {
				continue
			}
			toQuote := d.body[d.toks[k-1].s:d.toks[k].e]
			// ("To quote Ana Berg, the union leader, "...": the name before
			// its apposition.)
			// ("To quote him directly: "...": a pronoun.)
			if pr := map[string]string{"him": "he", "her": "she", "them": "they"}[d.toks[k+1].low]; pr != "" && d.isWord(k+1) {
				if r := d.resolvePronoun(k+1, pr); r.ok() {
					c.cue = toQuote
					return r, true
				}
				continue
			}
			// ("To quote the union's president, Ray Ochoa: "...": a name
			// in apposition after a role is the one.)
			b := e - 1
			for x := k + 2; x < e; x++ {
				if d.isPunct(x, ",") {
					if p := d.personAt(x + 1); p >= 0 && d.mentionStart(x+1) == x+1 && !properName(d.speakerFromNP(k+1, x-1).name) {
						c.cue = toQuote
						return d.entityRef(p, x+1), true
					}
					b = x - 1
					break
				}
			}
			// (Someone: "To quote the Bible" names a book.)
			if r := d.speakerFromNP(k+1, b); r.ok() && d.someoneRef(r) {
				c.cue = toQuote
				return r, true
			}
			continue
		}
		// (After the quote, only the phrase right after it: `"...," in
		// her words.`; "a claim that was, in the words of one critic,
		// nonsense" is about another's words.)
		if q.close >= 0 && k > q.close && k > q.close+6 {
			break
		}
		p := k - 1
		if d.isWord(p) && d.toks[p].low == "own" {
			p--
		}
		// "in the words of X"
		if p == k-1 && d.isWord(k+1) && d.toks[k+1].low == "of" && d.isWord(p) && d.toks[p].low == "the" && d.isWord(p-1) && d.toks[p-1].low == "in" {
			if a, b := d.npRight(k+2, min(len(d.toks), k+12)); a <= b {
				// ("in the words of its leader, Dana Okafor,": the name in
				// apposition.)
				if d.isPunct(b+1, ",") {
					if a2, b2 := d.npRight(b+2, min(len(d.toks), b+8)); a2 <= b2 && d.isNameNP(a2, b2) {
						a, b = a2, b2
					}
				}
				// (Only someone: "in the words of the old song" is no one's.)
				if r := d.speakerFromNP(a, b); r.ok() && (r.etype != "" || properName(r.name) || d.someone(r.name)) {
					c.cue = d.body[d.toks[p-1].s:d.toks[k+1].e]
					return r, true
				}
			}
			continue
		}
		// "in X's words", "in her own words"
		if !d.isWord(p) {
			continue
		}
		var r ref
		switch w := d.toks[p].low; {
		case w == "his" || w == "her" || w == "their" || w == "its":
			if !d.isWord(p-1) || d.toks[p-1].low != "in" {
				continue
			}
			r = d.resolvePronoun(p, w)
		default:
			// (The possessive's ending may be tokens of its own.)
			h := p
			for h > c.lo && (d.isPunct(h, "'") || d.isPunct(h, "’") || d.toks[h].low == "s" || d.toks[h].low == "'s" || d.toks[h].low == "’s") {
				h--
			}
			if h == p && !d.possessive(h) || !d.isWord(h) {
				continue
			}
			// The possessor: a name ("in Ana Ruiz's words") or a noun
			// after "the" ("in the judge's words").
			a := h
			for a-1 > c.lo && d.isWord(a-1) && d.toks[a].capit && d.toks[a-1].capit && !d.toks[a-1].inQ {
				a--
			}
			if d.isWord(a-1) && d.toks[a-1].low == "the" && !d.toks[h].capit {
				a--
			}
			if !d.isWord(a-1) || d.toks[a-1].low != "in" {
				continue
			}
			switch e := d.entityAt(h); {
			case e >= 0:
				r = d.entityRef(e, h)
			case d.toks[h].capit:
				r = ref{name: bareWord(d.body[d.toks[a].s:d.toks[h].e]), typ: SpeakerPerson, head: h}
			default:
				r = d.descRef(a, h)
			}
		}
		if r.ok() {
			c.cue = d.toks[k].low
			return r, true
		}
	}
	return ref{}, false
}

// romanNumeral reports a Roman numeral in capitals ("IV", "XII").
func romanNumeral(w string) bool {
	return w != "" && strings.Trim(w, "IVXLC") == ""
}

// introducedAs reports a person's name at n followed by an age set off by
// a comma ("Amara Lindqvist, 34,") or by an apposition with the noun hw
// ("Ian Brooke, the former mayor,").
func (d *doc) introducedAs(n int, hw string) bool {
	x := d.mentionEnd(n) + 1
	if !d.isPunct(x, ",") {
		return false
	}
	if d.isWord(x+1) && isDigits(d.toks[x+1].low) {
		return true
	}
	for k := x + 1; k < len(d.toks) && k <= x+6 && d.isWord(k) && !d.toks[k].inQ; k++ {
		if bareWord(d.toks[k].low) == hw {
			return true
		}
	}
	return false
}

// bodyApposition reports an apposition after the name ending at h that
// calls it a body ("Article 19, a free speech group,").
func (d *doc) bodyApposition(h int) bool {
	if h < 0 || !d.isPunct(h+1, ",") {
		return false
	}
	for k := h + 2; k < len(d.toks) && k <= h+7 && d.isWord(k) && !d.toks[k].inQ; k++ {
		if d.lex.in("orgheads", d.toks[k].low) || d.lex.in("groupheads", d.toks[k].low) {
			return true
		}
	}
	return false
}

// furniture reports a paragraph that is page furniture or a subheading,
// not narrative ("read more in politics", "Strike talks fail"): a few
// words with no quotation mark and no punctuation closing them. Such a
// line between a speaker's paragraph and a quote paragraph names no one.
func (d *doc) furniture(pi int) bool {
	p := d.paras[pi]
	if p.t1-p.t0 > 10 || p.t1 <= p.t0 || !d.isWord(p.t1-1) || d.hasMark(p.t0, p.t1) {
		return false
	}
	// (Not a line that names someone, as a vox pop or a panel puts the
	// speaker above the words: "Kim Lee, 34, nurse", "Labour candidate
	// Ann Lee": a capitalised word after the first.)
	for k := p.t0 + 1; k < p.t1; k++ {
		if d.isWord(k) && d.toks[k].capit {
			return false
		}
	}
	return true
}

// creditLine reports a photo credit set as its own line: a name and the
// outlet or agency it worked for ("Jo Lane for The New York Times", "Jo
// Lane/Getty Images"), or a line opening on "Photo", "Photograph" or
// "Credit". The photographer says nothing of the words below it.
func (d *doc) creditLine(pi int) bool {
	p := d.paras[pi]
	if p.t1-p.t0 > 12 || p.t1-p.t0 < 2 || d.hasMark(p.t0, p.t1) {
		return false
	}
	switch d.toks[p.t0].low {
	case "photo", "photograph", "photos", "photographs", "credit", "image":
		return d.toks[p.t0].capit
	}
	sep := -1
	for k := p.t0; k < p.t1; k++ {
		switch {
		case d.isPunct(k, "/"), d.isWord(k) && d.toks[k].low == "for" && !d.toks[k].capit:
			if sep >= 0 || k == p.t0 {
				return false
			}
			sep = k
		case d.isWord(k) && (d.toks[k].capit || k > sep && sep >= 0 && (d.toks[k].low == "the" || d.toks[k].low == "of")):
		default:
			return false
		}
	}
	// A name of two words or more before, a capitalised outlet after.
	return sep >= p.t0+2 && sep+1 < p.t1 && d.personAt(sep-1) >= 0
}

// titleLine reports a paragraph that is a headline set in the body, a
// related story's link, a subheading or a caption ("Nurse who saved a boy
// from the river will get a medal"): one line of six words or more, no
// comma, and no punctuation closing it. It tells another story and names no one the
// paragraphs around it go on about.
// (Not a line that names a speaker above the words, as a vox pop does:
// "Labour candidate Ann Lee", "Kim Lee, 34, nurse" are short or have
// commas.)
func (d *doc) titleLine(pi int) bool {
	p := d.paras[pi]
	if p.t1 <= p.t0 || !d.isWord(p.t1-1) {
		return false
	}
	words := 0
	for k := p.t0; k < p.t1; k++ {
		switch {
		case d.isWord(k):
			words++
		case d.isPunct(k, ","), d.isPunct(k, ";"), d.isPunct(k, ":"), d.toks[k].sentEnd:
			return false
		}
	}
	return words >= 6
}

// captionOfPerson reports a line that opens on a person's name, roles
// aside, and has no verb of saying ("Station manager Kieran Doyle at the
// scene on Tuesday morning"): a caption of who the words below are from,
// not a related story ("Doctor who called Ana Lind a liar resigns") nor
// a sentence that lost its full stop ("But Wilder did admit that ...").
func (d *doc) captionOfPerson(pi int) bool {
	return d.opensOnPerson(pi) && !d.hasCue(d.paras[pi].t0, d.paras[pi].t1)
}

// opensOnPerson reports a person's name among the first five tokens of
// paragraph pi (roles before it: "Prime Minister Anna Holt arrives").
func (d *doc) opensOnPerson(pi int) bool {
	p := d.paras[pi]
	for k := p.t0; k < p.t1 && k < p.t0+5; k++ {
		if d.personAt(k) >= 0 {
			return true
		}
	}
	return false
}

// hasMark reports a quotation mark in [lo, hi).
func (d *doc) hasMark(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if d.toks[k].kind == kMark {
			return true
		}
	}
	return false
}

// readOutText reports "read" at k after a noun for a text and before its
// agent ("a message read out by the host", "a statement read by her
// lawyer").
func (d *doc) readOutText(k int) bool {
	if !d.isWord(k) || d.toks[k].low != "read" || !d.isWord(k-1) || !d.lex.in("docheads", d.toks[k-1].low) {
		return false
	}
	// (Only the text the teller said something in: "said in a message
	// read out by"; not "listened to a statement read out by".)
	in := false
	for x := k - 2; x >= 0 && x >= k-4 && d.isWord(x); x-- {
		if d.toks[x].low == "in" {
			in = true
			break
		}
	}
	if !in {
		return false
	}
	n := k + 1
	if d.isWord(n) && d.toks[n].low == "out" {
		n++
	}
	return d.isWord(n) && d.toks[n].low == "by"
}

// thirdSingular reports a quote that speaks of someone in the third person
// singular ("he", "him", "his", "she", "her").
func (d *doc) thirdSingular(q *qspan) bool {
	return d.quoteHasWord(q, "he", "him", "his", "she", "her", "himself", "herself")
}

// textAuthor: `A statement issued in his name read: "..."`, `a message
// from the mayor, Darci Lopes, was read out by an official: "..."`, `A
// letter sent on behalf of the club said: "..."`: a text that is the
// subject of the sentence's one verb of saying, with its author after
// "from", "in X's name" or "on behalf of", speaks for that author, not
// for whoever read it out.
func textAuthor(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	k, n := d.lastCue(c.lo, q.open)
	if n == 0 {
		// ("A statement issued in his name read:": "read" is a text's
		// verb of saying only after it.)
		for i := q.open - 1; i > c.lo; i-- {
			if d.isWord(i) && d.toks[i].low == "read" {
				k, n = i, 1
				break
			}
		}
		if n == 0 {
			return ref{}, false
		}
	}
	h := -1
	for i := c.lo; i < k && i < c.lo+30; i++ {
		if !d.isWord(i) || d.toks[i].inQ {
			continue
		}
		if d.cueAt(i) > 0 {
			return ref{}, false
		}
		if d.toks[i].capit || !d.lex.in("docheads", d.toks[i].low) {
			continue
		}
		dt := i - 1
		if d.isWord(dt) && !d.lex.in("determiners", d.toks[dt].low) && !d.verbish(d.toks[dt].low) {
			dt--
		}
		// (The subject: opening the sentence or after an opening phrase's
		// comma; not "In a statement issued on behalf of the board, the
		// chairman said", nor "drew a response from".)
		if !d.isWord(dt) || !d.lex.in("determiners", d.toks[dt].low) || dt > c.lo && !d.isPunct(dt-1, ",") {
			return ref{}, false
		}
		h = i
		break
	}
	if h < 0 {
		return ref{}, false
	}
	r, end := d.textAuthorAfter(h+1, k)
	if !r.ok() {
		return ref{}, false
	}
	// The text's verb is the sentence's only one before the quote.
	if end > k {
		return ref{}, false
	}
	if k2, n2 := d.lastCue(end, k); n2 > 0 && k2 != k {
		return ref{}, false
	}
	c.cue = d.text(d.toks[k])
	return r, true
}

// textAuthorAfter reads the author of a text right after its head noun,
// from i: "from X", "(issued) in his name", "(issued) on X's behalf", "on
// behalf of X". It returns the author and where the phrase ends.
func (d *doc) textAuthorAfter(i, hi int) (ref, int) {
	// ("A statement from the ministry, issued on behalf of the minister,":
	// for whom it was issued, past where it came from.)
	// (Not past an agent: "The lawsuit, brought by the Centre on behalf of
	// the residents," is the Centre's.)
	for k := i; k+3 < hi && k <= i+10 && !(d.isWord(k) && d.toks[k].low == "by"); k++ {
		if d.isWord(k) && d.toks[k].low == "on" && d.toks[k+1].low == "behalf" && d.toks[k+2].low == "of" {
			if a, b := d.npRight(k+3, hi); a <= b {
				return d.authorNP(a, b, hi), b + 1
			}
		}
	}
	// (Only a participle of issuing: "A banner hung from a footbridge"
	// says where it hung.)
	if d.isWord(i) && !d.toks[i].capit && d.participle(d.toks[i].low) {
		switch d.toks[i].low {
		case "issued", "released", "sent", "posted", "published", "signed", "written", "delivered":
			i++
		default:
			return ref{}, i
		}
	}
	if !d.isWord(i) || i+1 >= hi {
		return ref{}, i
	}
	// "in his name", "on her behalf", "in Ruiz's name".
	possessed := func(o int, noun string) (ref, int) {
		if !d.isWord(o) || !d.isWord(o+1) {
			return ref{}, o
		}
		if w := d.toks[o].low; (w == "his" || w == "her") && d.toks[o+1].low == noun {
			r := d.resolvePronoun(o, pronounOfSex(w))
			return r, o + 2
		}
		if d.possessive(o) && d.toks[o].capit {
			e := o + 1
			if d.toks[o+1].kind != kWord {
				e = o + 2
			}
			if d.isWord(e) && d.toks[e].low == noun {
				if x := d.entityAt(o); x >= 0 {
					return d.entityRef(x, o), e + 1
				}
			}
		}
		return ref{}, o
	}
	switch w := d.toks[i].low; {
	case w == "in":
		return possessed(i+1, "name")
	case w == "on":
		return possessed(i+1, "behalf")
	case w == "from":
		if d.isWord(i+1) && (d.toks[i+1].low == "him" || d.toks[i+1].low == "her") {
			return d.resolvePronoun(i+1, pronounOfSex(d.toks[i+1].low)), i + 2
		}
		// (Only someone: "a letter from prison", "an email from last
		// year", "a banner from the protest" say where or when.)
		if a, b := d.npRight(i+1, hi); a <= b {
			if r := d.authorNP(a, b, hi); d.someoneRef(r) {
				return r, b + 1
			}
		}
	}
	return ref{}, i
}

// authorNP is the speaker a text's author phrase a..b names; a person's
// name in apposition after it ("the mayor of Parauapebas, Darci Lopes,")
// is that person.
func (d *doc) authorNP(a, b, hi int) ref {
	if b+2 < hi && d.isPunct(b+1, ",") {
		if x := d.entityAt(b + 2); x >= 0 && d.ents[x].Type == "PERSON" && d.mentionStart(b+2) == b+2 {
			return d.entityRef(x, b+2)
		}
	}
	return d.speakerFromNP(a, b)
}

// someoneRef reports a speaker that is someone: a person or a body named,
// or a description headed by a noun for a person, a group or a body.
func (d *doc) someoneRef(r ref) bool {
	switch {
	case !r.ok():
		return false
	case r.etype == "PERSON" || r.etype == "ORG":
		return true
	case r.etype != "":
		return false
	}
	return d.someone(r.name) || d.lex.in("personnouns", lastWord(strings.ToLower(r.name)))
}

// claimApposition reports, from k right after a quote, "a charge (that)
// ...", "an allegation ...", "a claim ...": a noun for the words just
// quoted, in apposition to them, whose clause says who disputes them.
func (d *doc) claimApposition(k int) bool {
	if d.isPunct(k, ",") {
		k++
	}
	if !d.isWord(k) || (d.toks[k].low != "a" && d.toks[k].low != "an") || !d.isWord(k+1) {
		return false
	}
	switch d.toks[k+1].low {
	case "charge", "claim", "allegation", "accusation", "assertion", "characterisation", "characterization", "suggestion", "criticism":
	case "remark", "comment", "phrase", "reference", "jibe", "swipe", "dig":
		// `"...," a remark widely read as aimed at her predecessor`: what
		// the words were taken to mean, not who read them out.
		for x := k + 2; x+1 < len(d.toks) && x <= k+5 && d.isWord(x) && !d.toks[x].inQ; x++ {
			switch d.toks[x].low {
			case "read", "seen", "interpreted", "taken", "understood", "viewed", "regarded", "perceived":
				if d.isWord(x+1) && d.toks[x+1].low == "as" {
					return true
				}
			}
		}
		return false
	default:
		return false
	}
	// (Only with a verb of disputing it: "a claim the company denies", "a
	// charge that Beijing has rejected"; not "a complaint filed by
	// residents said".)
	for x := k + 2; x < len(d.toks) && x <= k+10 && d.isWord(x) && !d.toks[x].inQ; x++ {
		switch d.toks[x].low {
		case "deny", "denies", "denied", "reject", "rejects", "rejected", "dispute", "disputes", "disputed", "dismiss", "dismisses", "dismissed", "refute", "refutes", "refuted", "contest", "contests", "contested":
			return true
		}
	}
	return false
}

// headedBeforeOf reports a body's name whose head, a noun for a body,
// comes before its "of" or "for" ("Commission for Gambling Regulation",
// "Office of Rail Regulation").
func (d *doc) headedBeforeOf(f []string) bool {
	for i, w := range f {
		if i > 0 && (w == "of" || w == "for") {
			return d.lex.in("orgheads", strings.ToLower(f[i-1]))
		}
	}
	return false
}

// claimOwnerRule: `Ruiz welcomed Lind's remark that nurses were "..."`
// with no verb of saying in the sentence: the words are the one's whose
// remark, claim or promise the sentence names.
func claimOwnerRule(c *attribCtx) (ref, bool) {
	d := c.d
	r, that, ok := d.claimOwnerAt(c.lo, c.q.open)
	if !ok {
		return ref{}, false
	}
	// Only words inside the clause the remark opens: "In response to the
	// company's statement that jobs were safe, workers unfurled a banner:
	// "..."" has a clause of its own after the comma.
	for k := that + 1; k < c.q.open; k++ {
		if d.isPunct(k, ",") || d.isPunct(k, ";") || d.isPunct(k, ":") || d.toks[k].inQ {
			return ref{}, false
		}
	}
	return r, true
}

// relayedText reads a cue of reading out or passing on a text (k, n) whose
// object is the text "from" its author, right before the quote at open
// ("read out a message from a resident:"): the author, when named or
// described as someone.
func (d *doc) relayedText(k, n, open int) (ref, bool) {
	switch d.toks[k].low {
	case "read", "reads", "shared", "shares", "forwarded", "circulated", "quoted", "quotes", "cited", "cites", "posted", "posts", "published", "publishes", "released", "releases":
	default:
		return ref{}, false
	}
	i := k + n
	if d.isWord(i) && d.toks[i].low == "out" {
		i++
	}
	if !d.isWord(i) || !d.lex.in("determiners", d.toks[i].low) || !d.isWord(i+1) || d.toks[i+1].capit || !d.lex.in("docheads", d.toks[i+1].low) {
		return ref{}, false
	}
	r, end := d.textAuthorAfter(i+2, open)
	if !r.ok() || end > open {
		return ref{}, false
	}
	// Only punctuation between the author and the words.
	for x := end; x < open; x++ {
		if d.isWord(x) {
			return ref{}, false
		}
	}
	return r, true
}

// recalledWords reads a cue of recalling, recounting or quoting (k, n)
// whose object is a named person's reply or words ending at the colon or
// comma right before open ("She remembers Vale's reply:", "recounted
// Ana Ruiz's words,"): that person, and the one who recalls them (the
// teller). lo is where the sentence starts.
func (d *doc) recalledWords(k, n, lo, open int) (ref, ref, bool) {
	if !d.isPunct(open-1, ":") && !d.isPunct(open-1, ",") {
		return ref{}, ref{}, false
	}
	// The object is the name, its possessive and the noun, and nothing
	// else ("She recalls her reply to Vale's message:" is her own).
	from, verb := k+n, k
	if w := d.toks[k].low; w == "reply" || w == "response" {
		// (The noun read as the cue: "She remembers Vale's reply:", the
		// verb of recalling right before the name.)
		if k+n != open-1 {
			return ref{}, ref{}, false
		}
		from = k - 1
		for from > lo && d.isWord(from-1) && d.toks[from-1].capit && !d.toks[from-1].inQ {
			from--
		}
		if !d.isWord(from-1) || !recallVerb(d.toks[from-1].low) {
			return ref{}, ref{}, false
		}
		verb = from - 1
	} else if !recallVerb(w) {
		return ref{}, ref{}, false
	}
	if open-2-from > 4 || open-2 <= from {
		return ref{}, ref{}, false
	}
	for x := from; x < open-2; x++ {
		if !d.isWord(x) || d.toks[x].inQ || !d.toks[x].capit {
			return ref{}, ref{}, false
		}
	}
	r, ok := d.possessorOfWords(open-1, from)
	if !ok {
		return ref{}, ref{}, false
	}
	teller, _ := d.subjectLeft(verb, lo)
	return r, teller, true
}

// recallVerb reports a verb of recalling, recounting or quoting.
func recallVerb(w string) bool {
	switch w {
	case "recalls", "recalled", "recalling", "remembers", "remembered", "remembering", "recounts", "recounted", "recounting",
		"quotes", "quoted", "quoting", "cites", "cited", "citing", "repeats", "repeated", "repeating":
		return true
	}
	return false
}

// possessedWords: a partial quote right after a possessive pronoun, with
// no cue anywhere (`The firm's next product is a folding bicycle, their
// "most requested design in a decade."`), is the words of the one the
// pronoun stands for.
func possessedWords(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	k := q.open - 1
	if k < c.lo || !d.isWord(k) || d.toks[k].inQ || !lowerStart(d.body[q.ts:q.te]) {
		return ref{}, false
	}
	var pron string
	switch w := d.toks[k].low; w {
	case "his", "her":
		pron = pronounOfSex(w)
	case "their":
		pron = "they"
	case "its":
		pron = "it"
	default:
		return ref{}, false
	}
	return d.resolvePronoun(k, pron), true
}

// textNamesItself reads a text with no issuer named outside it whose words
// open on an organisation as their subject (`A statement said: "The Elite
// League is heartbroken to confirm ..."`): bodies write their statements
// about themselves in the third person, so the one named is the issuer.
// Only a text noun as the cue's subject, an organisation the entity layer
// typed, at the quote's first words, and a verb right after it.
func textNamesItself(c *attribCtx) (ref, bool) {
	d, q := c.d, c.q
	k, n := d.lastCue(c.lo, q.open)
	if n == 0 || k-1 < c.lo {
		return ref{}, false
	}
	a, b := d.npEnd(k-1, c.lo)
	if a > b || !d.isWord(b) || d.toks[b].capit || !selfIssuedText(d.toks[b].low) {
		return ref{}, false
	}
	x := q.open + 1
	if d.isWord(x) && d.toks[x].low == "the" {
		x++
	}
	e := d.entityAt(x)
	if e < 0 || d.ents[e].Type != "ORG" || d.mentionStart(x) != x && !(x == q.open+2 && d.mentionStart(x) == q.open+1) {
		return ref{}, false
	}
	if !d.selfStatement(d.mentionEnd(x) + 1) {
		return ref{}, false
	}
	m := d.mentionEnd(x)
	c.cue = d.cueText(k, n)
	return d.entityRef(e, m), true
}

// selfIssuedText reports a noun for a text a body issues in its own name
// (a statement, a release, an announcement, a post), not one it may be
// the subject of (a report, a letter, a study).
func selfIssuedText(w string) bool {
	switch w {
	case "statement", "release", "announcement", "message", "notice", "post", "tweet":
		return true
	}
	return false
}

// selfStatement reads the words after a body's name that open a statement
// in its own name: a form of "be" and a word of feeling or resolve ("is
// heartbroken to confirm", "are deeply saddened", "is aware of"), or a
// verb of announcing ("confirms", "regrets", "would like to", "wishes
// to").
func (d *doc) selfStatement(v int) bool {
	if !d.isWord(v) || d.toks[v].capit {
		return false
	}
	switch d.toks[v].low {
	case "confirms", "regrets", "announces", "welcomes", "apologises", "apologizes", "wishes", "thanks", "condemns", "acknowledges":
		return true
	case "would":
		return d.isWord(v+1) && d.toks[v+1].low == "like"
	}
	if !isBe(d.toks[v].low) {
		return false
	}
	a := v + 1
	for d.isWord(a) && (strings.HasSuffix(d.toks[a].low, "ly") || d.toks[a].low == "very" || d.toks[a].low == "so") {
		a++
	}
	if !d.isWord(a) {
		return false
	}
	switch d.toks[a].low {
	case "saddened", "sad", "heartbroken", "devastated", "shocked", "delighted", "pleased", "proud", "thrilled", "honoured", "honored",
		"aware", "committed", "sorry", "disappointed", "grateful", "concerned", "appalled", "dismayed", "determined", "excited":
		return true
	}
	return false
}

// talkVerb reports a form of talking that takes no words as its object
// ("had spoken", "talked").
func talkVerb(w string) bool {
	switch w {
	case "spoke", "spoken", "speak", "speaks", "talked", "talk", "talks", "chatted", "conversed":
		return true
	}
	return false
}

// openingSubordinator reports a word that opens a clause before the main
// one ("When Ruiz complained, Vale responded").
func openingSubordinator(w string) bool {
	switch w {
	case "when", "while", "after", "before", "as", "because", "although", "though", "since", "once", "if", "whenever":
		return true
	}
	return false
}
