package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pkg/article"
)

// maxNP bounds how far a noun phrase is read, so a missed boundary cannot
// make a subject out of half a paragraph.
const maxNP = 14

// cueAt returns the number of tokens of the reporting cue starting at token
// i, or 0. A cue is written in lower case, except at a sentence start.
func (d *doc) cueAt(i int) int {
	if !d.isWord(i) || d.toks[i].inQ {
		return 0
	}
	t := d.toks[i]
	if t.capit && !d.sentStart(i) {
		return 0
	}
	// "the stated rationale", "its reported cost": an adjective, not a cue.
	// ("hours of talks", "days of comments": a form in -s after "of" is a
	// plural noun.)
	if d.isWord(i-1) && !d.toks[i-1].inQ {
		switch d.toks[i-1].low {
		case "the", "a", "an", "its", "their", "his", "her", "our", "this", "that":
			return 0
		case "of", "to", "amid", "despite", "over", "after", "with", "from", "against", "following", "during", "before", "through", "throughout", "between":
			// ("listen to calls for a ceasefire", "amid claims of fraud":
			// so after a preposition.)
			if strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss") {
				return 0
			}
			// ("was full of praise for", "words of warning and of
			// comment": a bare form after a preposition other than the
			// infinitive's "to" is a noun.)
			if d.toks[i-1].low != "to" && d.bareForm(t.low) {
				return 0
			}
		}
	}
	// ("Beijing's repeated provocations", "the board's stated aim": so
	// after a possessor's name, before the noun it describes.)
	// (Not before words said, whose owner the possessor is: "Laine's
	// reported remark that".)
	if strings.HasSuffix(t.low, "ed") && d.possessive(i-1) && !contractedVerb(d.toks[i-1].low) && d.isWord(i+1) && !d.toks[i+1].inQ && !d.toks[i+1].capit && !d.lex.in("clause", d.toks[i+1].low) && !d.lex.in("determiners", d.toks[i+1].low) && !d.lex.in("prepositions", d.toks[i+1].low) &&
		!speechNoun(d.toks[i+1].low) && !d.lex.in("docheads", d.toks[i+1].low) {
		return 0
	}
	// ("where four of the children were admitted", "had been admitted to
	// hospital": one admitted somewhere is taken in, not confessing.)
	if t.low == "admitted" && d.isWord(i-1) && (isBe(d.toks[i-1].low) || d.toks[i-1].low == "been") {
		return 0
	}
	// "would add $608 million to its costs", "added 2,000 jobs": adding
	// an amount is no saying.
	switch t.low {
	case "add", "adds", "added", "adding":
		if n := i + 1; d.isWord(n) && (isDigits(strings.ReplaceAll(strings.ReplaceAll(d.toks[n].low, ",", ""), ".", "")) || numberWord(d.toks[n].low) || d.toks[n].low == "another" || d.toks[n].low == "more") ||
			d.isPunct(n, "$") || d.isPunct(n, "£") || d.isPunct(n, "€") {
			return 0
		}
	}
	// "in a press conference", "a press release": the press's noun.
	// (Not before a title: "lawmakers press Secretary Alvarez".)
	if t.low == "press" && d.isWord(i+1) && !d.toks[i+1].inQ && !d.toks[i+1].capit {
		switch d.toks[i+1].low {
		case "conference", "conferences", "briefing", "briefings", "release", "releases", "secretary", "officer", "office", "statement", "event", "call", "corps", "gallery", "room", "pool", "aide":
			return 0
		}
	}
	// "a call", "including a long call": a bare form right after an
	// article, or after "a" and one word, is a noun. (Not "a few say",
	// "a handful say": quantities are their verb's subject.)
	if d.bareForm(t.low) && d.isWord(i-1) && !d.toks[i-1].inQ {
		switch d.toks[i-1].low {
		case "a", "an", "the", "each", "every", "another":
			return 0
		}
		if d.isWord(i-2) && !d.toks[i-2].inQ && (d.toks[i-2].low == "a" || d.toks[i-2].low == "an") && !d.toks[i-1].capit && !quantityNoun(d.toks[i-1].low) {
			return 0
		}
	}
	// "had found out about the cuts": finding out is learning, no saying.
	switch t.low {
	case "find", "finds", "found", "finding":
		if d.isWord(i+1) && d.toks[i+1].low == "out" {
			return 0
		}
	}
	// "one of the project managers present said": a bare form right
	// before an inflected verb of saying modifies the subject; the verb
	// after it is the cue.
	if d.bareForm(t.low) && d.isWord(i+1) && !d.toks[i+1].inQ && !d.bareForm(d.toks[i+1].low) && d.lex.cue1[d.toks[i+1].low] {
		return 0
	}
	// "a talk show", "the peace talk": a bare verb form after a singular
	// noun is a compound noun, not a cue.
	if d.bareForm(t.low) && d.isWord(i-1) && !d.toks[i-1].inQ && !d.toks[i-1].capit && d.nounBefore(d.toks[i-1].low) {
		return 0
	}
	// "its Prime deals have saved", "the claims were": a form in -s
	// before an auxiliary is a plural noun, the subject of that verb.
	// (Not before a capitalised one, a given name: "says Will Harmon".)
	if strings.HasSuffix(t.low, "s") && d.isWord(i+1) && !d.toks[i+1].inQ && !d.toks[i+1].capit {
		switch d.toks[i+1].low {
		case "have", "are", "were", "will", "would", "can", "could", "may", "might", "must", "should", "do", "did":
			return 0
		}
	}
	// "the report states that", "Emery states, "..."": a form that is as
	// often a noun is a cue only before "that", a comma or a colon, or
	// ending the sentence after a quote ("member states "agreed to" it" is
	// no cue).
	if d.lex.in("clausecues", t.low) {
		// "the company claims its prices", "Vale remarks the plan": after a
		// singular subject, a pronoun, a name or a noun for a person, a
		// body or a text ("Ortiz's comments:", "denied claims that" are
		// nouns), and before "that", a comma, a colon or a word that opens
		// a clause, it is the verb.
		n := i + 1
		subj := i - 1
		// ("Israel Silverman, an insurance-company lawyer, comments that":
		// past a description set off by commas after the subject.)
		if d.isPunct(subj, ",") {
			if cm := d.personAppositionComma(subj, 12); cm >= 0 {
				subj = cm - 1
			}
		}
		if n >= len(d.toks) || !d.isWord(subj) || d.toks[subj].inQ || !d.singularSubjectAt(subj) {
			return 0
		}
		if d.isPunct(n, ",") || d.isPunct(n, ":") || d.isWord(n) && d.toks[n].low == "that" {
			return 1
		}
		// `"...," the report states.`: ending the sentence right after a
		// quote and its subject, it is the verb that reports the quote.
		if d.isPunct(n, ".") && d.rightAfterQuote(i) {
			return 1
		}
		if d.isWord(n) && !d.toks[n].inQ && !d.lex.in("prepositions", d.toks[n].low) && !d.verbish(d.toks[n].low) && !d.lex.in("clause", d.toks[n].low) {
			return 1
		}
		return 0
	}
	// "referred to her as "an honest broker"": referring to someone as
	// quoted words names them so, as "described her as" does; only with
	// "as" and the words right after.
	switch t.low {
	case "refer", "refers", "referred", "referring":
		if d.isWord(i+1) && d.toks[i+1].low == "to" {
			for k := i + 2; k < len(d.toks) && k <= i+6 && !d.toks[k].inQ; k++ {
				if d.isWord(k) && d.toks[k].low == "as" {
					if k+1 < len(d.toks) && d.toks[k+1].kind == kMark && d.toks[k+1].dir != mClose {
						return 1
					}
					break
				}
			}
		}
	}
	for _, seq := range d.lex.cueN[t.low] {
		n := len(seq)
		ok := i+n <= len(d.toks)
		for k := 1; ok && k < n; k++ {
			ok = d.isWord(i+k) && d.toks[i+k].low == seq[k] && !d.toks[i+k].inQ
		}
		// ("commuters who were stuck in traffic", "a plan that was
		// held up": a phrasal verb after a form of "be" is a passive, no
		// saying.)
		if ok && n > 1 && d.isWord(i-1) && isBe(d.toks[i-1].low) {
			ok = false
		}
		if ok {
			return n
		}
	}
	// ("...," jokes like that one made him famous", "muses such as Dora
	// Maar": a present form in -s whose base is mostly a noun reports
	// only after its subject, `"...," he jokes`, or inverted before a
	// name right after the quote, `"...," jokes Vale`.)
	if (t.low == "jokes" || t.low == "muses") && !d.isWord(i-1) && !(d.rightAfterQuote(i) && d.isWord(i+1) && d.toks[i+1].capit && !d.toks[i+1].inQ) {
		return 0
	}
	if d.lex.afterOnly[t.low] && (d.rightAfterQuote(i) || d.sayingFrameAfter(i)) {
		return 1
	}
	if d.lex.cue1[t.low] {
		// "press secretary Josh Earnest", "a press release": "press"
		// before a singular noun for a person or a text is a compound
		// noun (not "Police say officer ...", "tell minister").
		if t.low == "press" && d.isWord(i+1) && !d.toks[i+1].inQ && !d.toks[i+1].capit && !strings.HasSuffix(d.toks[i+1].low, "s") &&
			(d.roleWord(d.toks[i+1].low) || d.lex.in("docheads", d.toks[i+1].low) || d.lex.in("personheads", d.toks[i+1].low)) {
			return 0
		}
		return 1
	}
	return 0
}

// bareForm reports a word that reads as a verb's base form: not -s, -ed,
// -ing and not an irregular inflection.
func (d *doc) bareForm(w string) bool {
	return !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing") && !d.lex.in("irregular", w)
}

// nounBefore reports a lower-case word that, before a bare verb form, reads
// as the first part of a compound noun: not a pronoun, auxiliary, adverb,
// "to", a plural subject or a closed-class word.
func (d *doc) nounBefore(w string) bool {
	plural := strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && w != "news"
	if w == "news" {
		return true // a mass noun takes "says": "the news show", "a news release"
	}
	if plural || ageNoun(w) || d.lex.in("pronouns", w) || d.lex.in("verbs", w) || d.adverb(w) || d.lex.in("clause", w) ||
		d.lex.in("prepositions", w) || d.lex.in("determiners", w) || d.lex.in("personheads", w) || d.lex.in("groupheads", w) || d.lex.in("orgheads", w) || d.lex.in("docheads", w) {
		return false // ("the statement read": a subject that speaks)
	}
	switch w {
	case "to", "not", "never", "i", "you", "we", "they", "let", "and", "or", "please":
		return false
	}
	return true
}

// cueEndsAt reports whether a cue ends at token i.
func (d *doc) cueEndsAt(i int) bool {
	for k := i; k >= 0 && k > i-3; k-- {
		if n := d.cueAt(k); n > 0 && k+n-1 == i {
			return true
		}
	}
	return false
}

// sentStart reports whether token i begins a sentence.
func (d *doc) sentStart(i int) bool {
	if i == 0 || d.toks[i-1].sentEnd {
		return true
	}
	if d.toks[i-1].para != d.toks[i].para {
		return true
	}
	return d.toks[i-1].kind == kMark && d.toks[i-1].dir != mClose
}

func (d *doc) cueText(i, n int) string { return d.body[d.toks[i].s:d.toks[i+n-1].e] }

// hasCue reports whether a cue starts in tokens [lo, hi).
func (d *doc) hasCue(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if d.cueAt(i) > 0 {
			return true
		}
	}
	return false
}

// lastCue finds the last cue in [lo, hi) outside quotes.
func (d *doc) lastCue(lo, hi int) (int, int) {
	for i := hi - 1; i >= lo; i-- {
		// "X commented — which the BBC noted as unusual — "...": skip an aside.
		if d.isPunct(i, "—") || d.isPunct(i, "–") || d.isPunct(i, ")") {
			open := "("
			if !d.isPunct(i, ")") {
				open = d.text(d.toks[i])
			}
			for k := i - 1; k >= lo; k-- {
				if d.isPunct(k, open) {
					i = k
					break
				}
			}
			continue
		}
		// "as reported by X" names a source, not the speaker.
		// ("as saying" is the quoted person's: "quoted Doe as saying").
		// "if written by the suspect", "when asked": a participle after a
		// subordinator is no finite verb of saying.
		// ("Vale once told him": "once" after its subject is an adverb.)
		if n := d.cueAt(i); n > 0 && i+n <= hi && !(d.isWord(i-1) && d.toks[i-1].low == "as" && !strings.HasSuffix(d.toks[i].low, "ing")) &&
			!(d.isWord(i-1) && d.subordinator(d.toks[i-1].low) && d.participle(d.toks[i].low) && !d.onceAdverb(i-1)) &&
			!d.inAccordingPhrase(lo, i) {
			return i, n
		}
	}
	return -1, 0
}

// personOfBodyAfterOpener reads the phrase that ends at the comma at j:
// a person's name, then "of", "at" or "from" and their body, after a
// phrase of a preposition that opens the sentence at lo and its comma.
func (d *doc) personOfBodyAfterOpener(j, lo int) (ref, int, bool) {
	k := j - 1
	for k > lo && !d.isPunct(k, ",") && d.isWord(k) && !d.toks[k].inQ && j-k < 16 {
		k--
	}
	if k <= lo || !d.isPunct(k, ",") {
		return ref{}, 0, false
	}
	e := d.personAt(k + 1)
	if e < 0 || d.mentionStart(k+1) != k+1 {
		return ref{}, 0, false
	}
	m := d.mentionEnd(k + 1)
	if m+1 >= j || !d.isWord(m+1) || (d.toks[m+1].low != "of" && d.toks[m+1].low != "at" && d.toks[m+1].low != "from") {
		return ref{}, 0, false
	}
	o := lo
	if d.isWord(o) && (d.toks[o].low == "but" || d.toks[o].low == "and") {
		o++
	}
	if !d.isWord(o) || !d.lex.in("prepositions", d.toks[o].low) {
		return ref{}, 0, false
	}
	for x := o; x < k; x++ {
		if d.toks[x].inQ || d.toks[x].kind == kMark || d.isPunct(x, ",") {
			return ref{}, 0, false
		}
	}
	return d.entityRef(e, k+1), k + 1, true
}

// inAccordingPhrase reports a past participle at i inside the phrase of
// an "according to" before it in [lo, i), with no comma between ("According
// to a charge sheet filed by the prosecutors,"): it says how the source
// came about, and reports nothing itself.
func (d *doc) inAccordingPhrase(lo, i int) bool {
	if !strings.HasSuffix(d.toks[i].low, "ed") {
		return false
	}
	// (Only a text's participle with its agent: "according to plan and
	// the chief praised" is a whole phrase and a clause of its own.)
	agent := false
	for k := i + 1; k < len(d.toks) && k <= i+5 && d.isWord(k) && !d.toks[k].inQ; k++ {
		if d.toks[k].low == "by" {
			agent = true
			break
		}
	}
	if !agent {
		return false
	}
	for k := i - 1; k > lo && k >= i-8; k-- {
		if !d.isWord(k) || d.toks[k].inQ || d.toks[k].low == "and" {
			return false
		}
		if d.toks[k].low == "to" && d.isWord(k-1) && d.toks[k-1].low == "according" {
			return d.isWord(k+1) && d.lex.in("determiners", d.toks[k+1].low)
		}
	}
	return false
}

// sourceSpeaker is the speaker named by "according to" [a, b]: no one
// when it is a news outlet, which reports the words rather than says them
// ("according to the Herald", "according to a BBC report").
func (d *doc) sourceSpeaker(a, b int) ref {
	// The head of the phrase, or the last word of an organisation's name in
	// it, names an outlet ("the Morning Herald", "a BBC News report");
	// "an independent expert" does not.
	for k := a; k <= b; k++ {
		if !d.isWord(k) || !d.lex.in("outlets", bareWord(d.toks[k].low)) {
			continue
		}
		e := d.entityAt(k)
		if k == b || (e >= 0 && d.ents[e].Type == "ORG" && d.entityAt(k+1) != e) {
			return ref{}
		}
	}
	// ("according to his remarks to reporters": the possessive pronoun
	// the phrase reader took for a determiner names whose words they are.)
	if d.isWord(a-1) && possessivePronoun(d.toks[a-1].low) && (speechNoun(d.toks[d.headOf(a, b)].low) || d.lex.in("docheads", d.toks[d.headOf(a, b)].low)) {
		a--
	}
	r := d.speakerFromNP(a, b)
	if f := strings.Fields(strings.ToLower(r.name)); r.typ == SpeakerOrg && len(f) > 0 && d.lex.in("outlets", f[len(f)-1]) {
		return ref{}
	}
	return r
}

// subordinator reports a word that opens a reduced adverbial clause.
func (d *doc) subordinator(w string) bool {
	switch w {
	case "if", "when", "once", "unless", "though", "although", "whether", "until", "while":
		return true
	}
	return false
}

// participle reports a past participle: -ed, -en, or an irregular form.
func (d *doc) participle(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || d.lex.in("irregular", w)
}

// pastTitles returns the first token at or after i that is no capitalised
// title ("Mr", "Dr.", "President") nor the period of one.
func (d *doc) pastTitles(i int) int {
	for i < len(d.toks) && (d.isWord(i) && d.toks[i].capit && d.lex.in("titles", d.toks[i].low) || d.isPunct(i, ".") && i > 0 && d.isWord(i-1) && d.lex.in("titles", d.toks[i-1].low)) {
		i++
	}
	return i
}

// pastTitlesBack returns the first token of the capitalised titles (and
// their periods) right before i, no further back than lo ("Dr Ana Ruiz":
// "Dr"); i when there are none.
func (d *doc) pastTitlesBack(i, lo int) int {
	for i-1 > lo && (d.isWord(i-1) && d.toks[i-1].capit && d.lex.in("titles", d.toks[i-1].low) || d.isPunct(i-1, ".") && d.isWord(i-2) && d.lex.in("titles", d.toks[i-2].low)) {
		i--
	}
	return i
}

// afterCue reads an attribution that follows the quote in its sentence:
// `, X said` or `, said X`.
func (d *doc) afterCue(q *qspan, lo, hi int) (ref, string) {
	if lo >= hi {
		return ref{}, ""
	}
	// (`"... the poem, 'Enough of this,'" she said`: the closing mark of a
	// quote nested at the end stands after the comma.)
	text := strings.TrimRight(d.body[q.ts:q.te], " ]'\u2019\u201d")
	linked := strings.HasSuffix(text, ",") || strings.HasSuffix(text, "?") || strings.HasSuffix(text, "!") ||
		strings.HasSuffix(text, ".") || strings.HasSuffix(text, "…") || strings.HasSuffix(text, "—") ||
		strings.HasSuffix(text, "-") || d.isPunct(lo, ",") || (d.cueAt(lo) > 0 && !d.toks[lo].capit) ||
		// `"... a rescue mission" Vale told the Herald`: the comma left out
		// before a name and its cue, after a whole utterance.
		// (Titles first: `"..." Mr Vale told the Herald`.)
		(d.toks[lo].capit && d.isWord(lo) && d.entityAt(d.pastTitles(lo)) >= 0 && unicode.IsUpper(firstRune(d.body[q.ts:q.te])) && d.sentStart(q.open))
	// `"..." — as Ada Brook likes to say —`: a dash or bracket before "as".
	asAside := (d.isPunct(lo, "\u2014") || d.isPunct(lo, "\u2013") || d.isPunct(lo, "(")) && d.isWord(lo+1) && d.toks[lo+1].low == "as"
	if !linked && !asAside {
		return ref{}, ""
	}
	i := lo
	if d.isPunct(i, ",") || asAside {
		i++
	}
	// `X said she "...", and Y wrote: "..."`: a clause coordinated after
	// a quote that a cue before it attributes is a new clause, whose cue
	// is not the quote's.
	if d.isWord(i) && !d.toks[i].capit && (d.toks[i].low == "and" || d.toks[i].low == "but") && !d.sentStart(q.open) {
		if s := d.sentenceStart(q.open); s < q.open {
			if c, n := d.lastCue(s, q.open); n > 0 && d.toks[c].low != "according" {
				return ref{}, ""
			}
		}
	}
	// `"...," with famine confirmed in the north`: a clause of "with", its
	// noun and a participle says what went with the words, not who said
	// them.
	if d.isWord(i) && d.toks[i].low == "with" && !d.toks[i].capit {
		return ref{}, ""
	}
	// `"...", despite reports in the local press`: a phrase of
	// "despite" or "amid" adds a circumstance; no one speaks in it.
	if d.isWord(i) && !d.toks[i].capit && (d.toks[i].low == "despite" || d.toks[i].low == "amid") {
		return ref{}, ""
	}
	// `"...," as Ada Brook put it`, `as Ada Brook said`: "as" opens the
	// clause of the cue.
	if d.isWord(i) && d.toks[i].low == "as" && !d.toks[i].capit && d.isWord(i+1) && d.cueAt(i+1) == 0 && (d.putItAfter(i+1) || d.asCueAfter(i+1)) {
		i++
	}
	end := hi
	for k := i; k < hi; k++ {
		if d.toks[k].sentEnd {
			end = k + 1
			break
		}
	}
	// `"...," the statement quoted Marco Zanetti as saying`: the one
	// quoted speaks, not the text or outlet that quotes.
	if r, cue, ok := d.quotedAsAfter(i, end); ok {
		return r, cue
	}
	// `"...," she recalls him saying`: the one remembered saying it
	// speaks, not the one who remembers.
	if r, cue, ok := d.recalledSayingAfter(q, i, end); ok {
		return r, cue
	}
	// `"...," the Teachers Union, the Nurses Guild and the Transport
	// Federation said in a joint statement`: bodies listed before the cue
	// speak together; the first named stands for them.
	if r, c, n, ok := d.bodiesBeforeCue(i, end); ok {
		q.attrEnd = c + n
		return r, d.cueText(c, n)
	}
	// `called it a "...," adding that ...`, `"...," having said ...`: a
	// participle clause after the quote has the sentence's subject, never
	// a subject of its own.
	if d.isWord(i) && !d.toks[i].capit && strings.HasSuffix(d.toks[i].low, "ing") && d.toks[i].low != "according" {
		c := i
		aux := d.toks[c].low == "having" || d.toks[c].low == "being"
		if aux {
			c++
		}
		s := d.sentenceStart(q.open)
		n := d.cueAt(c)
		if n > 0 && s < q.open {
			if r := d.sentenceSubject(s, q.open); r.ok() {
				q.attrEnd = c + n
				return r, d.cueText(c, n)
			}
		}
		if aux || n > 0 {
			return ref{}, ""
		}
		// ("striking nurses said": an -ing adjective opens a subject.)
	}
	if n := d.cueAt(i); n > 0 {
		a, b := d.npRight(i+n, end)
		if a <= b {
			b = d.coordinatedRight(a, b, end)
		}
		// (`"...," told the court she was`: the one told, then the clause
		// of what was told; no inverted subject.)
		if w := d.toks[i].low; (w == "told" || w == "tells") && a <= b && d.isWord(b+1) {
			switch d.toks[b+1].low {
			case "he", "she", "they", "we", "it", "that":
				return ref{}, ""
			}
		}
		// ("said a nurse coordinating the outreach teams": a participle
		// phrase after a person's noun describes that person.)
		for x := a; x+2 <= b; x++ {
			if w := d.toks[x].low; d.isWord(x) && !d.toks[x].capit && (d.lex.in("personheads", w) || d.lex.in("personnouns", w)) &&
				d.isWord(x+1) && !d.toks[x+1].capit && strings.HasSuffix(d.toks[x+1].low, "ing") && d.isWord(x+2) &&
				(d.lex.in("determiners", d.toks[x+2].low) || d.lex.in("prepositions", d.toks[x+2].low)) {
				// (Not one that names the person: "a protester using the
				// pseudonym Katya".)
				named := false
				for y := x + 2; y <= b; y++ {
					named = named || d.toks[y].capit
				}
				if !named {
					b = x
				}
				break
			}
		}
		// `..., whose leader described it as "...," said it would`: a
		// pronoun with a verb after the cue opens the clause "said"
		// reports; the quote is no object of that "said".
		if a == b && d.lex.in("pronouns", d.toks[a].low) && d.isWord(b+1) && !d.toks[b+1].capit && (d.verbish(d.toks[b+1].low) || d.lex.in("auxiliaries", d.toks[b+1].low)) {
			return ref{}, ""
		}
		// (So a definite noun with an auxiliary or a verb after it, in a
		// sentence that does not open on the quote: `Ana Ruiz, who once
		// called it "...," said the union would appeal`, `said the new
		// figures proved her right`.)
		if a <= b && d.isWord(i+n) && d.toks[i+n].low == "the" && d.isWord(b+1) && !d.toks[b+1].capit && (d.lex.in("auxiliaries", d.toks[b+1].low) || d.verbish(d.toks[b+1].low) && d.cueAt(b+1) == 0) && d.sentenceStart(q.open) < q.open {
			return ref{}, ""
		}
		if a <= b {
			// "said Northfield University's chancellor, Ada
			// Brook.": an organisation or a role, then a name in
			// apposition at the end: the name speaks.
			// ("said one of the judges, Mary Hale": the group's phrase,
			// then the name.)
			an := a
			if an+2 <= b && d.toks[an].low == "one" && d.isWord(an+1) && d.toks[an+1].low == "of" {
				an += 2
				if d.isWord(an) && d.lex.in("determiners", d.toks[an].low) && an < b {
					an++
				}
			}
			if r, ok := d.appositionName(an, b, end); ok {
				q.attrEnd = end
				return r, d.cueText(i, n)
			}
			// ("said one of them, a welder who has worked there since
			// 2009": a pronoun's "one of" is the person the description
			// after the comma describes.)
			if an == b && an > a && d.lex.in("pronouns", d.toks[b].low) && d.isPunct(b+1, ",") && d.isWord(b+2) && (d.toks[b+2].low == "a" || d.toks[b+2].low == "an") {
				a2, b2 := d.npRight(b+2, end)
				// ("a colleague of Dr Ann Smith", "a builder from Leeds":
				// the one described, not what a phrase after names.)
				for x := a2 + 1; x <= b2; x++ {
					if d.isWord(x) && d.lex.in("prepositions", d.toks[x].low) {
						b2 = x - 1
						break
					}
				}
				if a2 <= b2 && d.speakingHead(b2) {
					if r := d.speakerFromNP(a2, b2); r.ok() {
						q.attrEnd = b2 + 1
						return r, d.cueText(i, n)
					}
				}
			}
			r := d.speakerFromNP(a, b)
			if d.toks[i].low == "according" {
				r = d.sourceSpeaker(a, b)
			}
			if qr := d.quotingAfter(b+1, end); qr.ok() && r.typ != SpeakerPerson {
				r = qr // a statement quoting someone; a person quoting keeps the words
			}
			if r.via == "" {
				r.subj = true // "said Beijing": the inverted subject
			}
			if r.ok() {
				q.attrEnd = b + 1
				return r, d.cueText(i, n)
			}
		}
		return ref{}, ""
	}
	inRel, relAt := false, -1
	nickEnd := -1 // the word after a nickname's closing mark
	// (A relative clause in the subject lengthens it: `"...," the MP who
	// chairs the committee on financial inclusion, Ana Ruiz, said`.)
	lim := i + maxNP + 12
	for k := i; k < end && k < i+maxNP; k++ {
		if d.isWord(k) && !d.toks[k].capit && (d.toks[k].low == "who" || d.toks[k].low == "which" && d.isPunct(k-1, ",")) {
			lim += 10
			break
		}
	}
	for c := i + 1; c < end && c < lim; c++ {
		if d.toks[c].kind == kMark {
			// (Not a nickname's marks: `spokesperson Teodoro "Teddy"
			// Bautista-Lim told`.)
			if d.nicknameAt(c) {
				nickEnd = c + 3
				c += 2
				continue
			}
			// (Nor a work's title before a role: `union president and
			// "Harbour Lights" star Mara Quint told`.)
			if m := d.workTitleBeforeRole(c); m > 0 {
				nickEnd = m + 1
				c = m
				continue
			}
			break
		}
		// "Vale, who has denied wrongdoing, said": a verb inside a
		// relative clause set off by commas is not the cue.
		if d.isPunct(c, ",") {
			inRel = false
		} else if d.isWord(c) && (d.toks[c].low == "who" || d.toks[c].low == "whose" || d.toks[c].low == "which" && d.isPunct(c-1, ",")) {
			// (Also without a comma: "Ada Brook, a resident who posted
			// photos, said".)
			inRel, relAt = true, c
		}
		n := d.cueAt(c)
		// ("residents who live near the plant said": a restrictive
		// clause with no comma ends where a verb of saying follows its
		// own verb, at the end of the sentence's attribution.)
		if n > 0 && inRel && relAt > 0 && !d.isPunct(relAt-1, ",") && c > relAt+2 && (c+n >= end || d.stop(c+n) || d.isWord(c+n) && d.lex.in("prepositions", d.toks[c+n].low) || c+n+1 >= end || d.stop(c+n+1)) {
			inRel = false
		}
		if n == 0 || inRel {
			continue
		}
		// ("..., citing records showing": a participle clause after the
		// quote has no subject of its own.)
		if strings.HasSuffix(d.toks[c].low, "ing") && !d.toks[i].capit && strings.HasSuffix(d.toks[i].low, "ing") {
			break
		}
		// "a lawyer representing the family, Ada Brook, said": a participle
		// modifying the subject is not its verb when a finite cue follows.
		if strings.HasSuffix(d.toks[c].low, "ing") && d.hasCue(c+n, min(end, c+maxNP)) {
			continue
		}
		// (`"Will you resign?" Briggs was asked`: the one asked answers;
		// the question is the asker's, the agent after "by" or no one.)
		if a, ok := d.askedPassive(c, end); ok {
			return a, d.cueText(c, n)
		}
		r, start := d.subjectLeft(c, i)
		// `"...," a crew member of a ship that took part in the rescue
		// told`: a restrictive relative clause on the subject holds the
		// noun read back from the cue; the subject is before it.
		if r.ok() && start > i {
			for t := i + 1; t < start; t++ {
				if d.isPunct(t, ",") {
					break
				}
				if w := d.toks[t].low; d.isWord(t) && !d.toks[t].capit && (w == "that" || w == "who") {
					if r2 := d.speakerFromNP(i, t-1); r2.ok() && (r2.typ == SpeakerPerson || r2.typ == SpeakerGroup) && d.peopleNPBefore(t-1, i) {
						r, start = r2, i
						r.subj = true
					}
					break
				}
			}
		}
		// `"...," the president of the society, who has worked there for
		// years, Dr Ana Ruiz, told reporters`: a name set off by commas
		// right before the cue, after a long description, speaks.
		if x := c - 2; d.isPunct(c-1, ",") && d.personAt(x) >= 0 && (!r.ok() || r.etype != "PERSON" || start != i) {
			if m := d.pastTitlesBack(d.mentionStart(x), i); m > i && d.isPunct(m-1, ",") {
				r, start = d.entityRef(d.personAt(x), x), i
				r.subj = true
			}
		}
		// `"...," police and fire officials said`: the subject read back
		// from the cue stopped at an "and" that joins two nouns of one
		// subject; the whole coordination after the quote speaks.
		if r.ok() && start > i && d.coordinatedSubject(i, start, c) {
			r = d.speakerFromNP(i, c-1)
			if r.ok() {
				r.typ, r.subj = SpeakerGroup, true
				start = i
			}
		}
		// `"...," a spokeswoman for Acme and Globex said`: a person's noun
		// whose "for" or "of" phrase joins two names speaks, not the last
		// name, which the subject read back from the cue gives.
		if r.ok() && r.etype != "" && r.etype != "PERSON" && start == i {
			for x := i + 1; x < c && x <= i+3; x++ {
				if !d.isWord(x) || (d.toks[x].low != "for" && d.toks[x].low != "of") {
					continue
				}
				and := false
				for y := x + 1; y < c; y++ {
					and = and || d.isWord(y) && d.toks[y].low == "and"
				}
				if h := x - 1; and && !d.toks[h].capit && (d.lex.in("personheads", d.toks[h].low) || d.lex.in("personnouns", singularPerson(d.toks[h].low))) {
					if r2 := d.speakerFromNP(i, h); r2.ok() {
						r = r2
						r.subj = true
					}
				}
				break
			}
		}
		// `"...," fire chief Ada Brook and his deputy said`: a named person
		// and someone described after "and" speak together; the named one
		// is the speaker the article gives.
		if r.ok() {
			if r2, s2, ok := d.namedFirst(c, i); ok && s2 == i {
				r, start = r2, i
				r.subj = true
			}
		}
		if qr := d.quotingAfter(c+n, end); qr.ok() && (!r.ok() || r.typ != SpeakerPerson) {
			r, start = qr, i
		}
		// `"...," Maya Lund, senior vice president of fleet, finance and
		// partnerships at Nordair, said`: a person named first, then a
		// role set off by commas that lists with commas of its own, then
		// the cue: the person speaks.
		if (!r.ok() || start != i) && d.isPunct(c-1, ",") {
			if x := d.pastTitles(i); d.personAt(x) >= 0 && d.mentionStart(x) == x {
				if m := d.mentionEnd(x); d.isPunct(m+1, ",") && d.roleApposition(m+2, c-1) {
					r, start = d.entityRef(d.personAt(x), m), i
					r.subj = true
				}
			}
		}
		if r.ok() && (start == i || start == nickEnd) {
			// `"...", Baptiste described it as "..."`: a cue whose clause runs
			// on into the next quote of the sentence introduces that one.
			// (Only when this quote has a cue of its own before it:
			// `"...," Vale said in a statement that it had "..."` is Vale's.)
			if end == hi && !d.toks[end-1].sentEnd && hi < d.paras[q.para].t1 && d.toks[hi].kind == kMark && c+n < hi &&
				!d.isPunct(hi-1, ",") && !d.isPunct(hi-1, ":") && !d.hasCue(c+n, hi) && d.hasCue(d.sentenceStart(q.open), q.open) {
				return ref{}, ""
			}
			q.attrEnd = c + n
			return r, d.cueText(c, n)
		}
		break
	}
	// `"...," Vale bristled.`: a named person and one verb in the past
	// closing the clause after a quote that ends in a comma (`Vale
	// bristled when asked`) are its attribution, whatever verb the list
	// lacks.
	if strings.HasSuffix(text, ",") || d.isPunct(lo, ",") {
		if x := d.pastTitles(i); d.personAt(x) >= 0 && d.mentionStart(x) == x {
			m := d.mentionEnd(x)
			// (`"...," Augusto Reyes, Director of the Air and Marine
			// Branch.`: a name, its role, and the sentence's end, the verb
			// left out at the source.)
			if d.isPunct(m+1, ",") {
				e := m + 2
				for e < len(d.toks) && e < m+32 && !d.toks[e].sentEnd && !d.toks[e].inQ && !d.isPunct(e, ".") {
					e++
				}
				// (The full stop ends the sentence, or only a stray mark
				// follows it in the paragraph.)
				stop := d.isPunct(e, ".") && (d.toks[e].sentEnd || e+2 == d.paras[q.para].t1 && d.toks[e+1].kind == kMark)
				if stop && (d.roleApposition(m+2, e) || d.roleThenBody(m+2, e)) {
					q.attrEnd = e
					r := d.entityRef(d.personAt(x), m)
					r.subj = true
					return r, ""
				}
			}
			if v := m + 1; d.isWord(v) && !d.toks[v].capit && !d.toks[v].inQ && (strings.HasSuffix(d.toks[v].low, "ed") || d.lex.in("irregular", d.toks[v].low)) &&
				(d.toks[v].sentEnd || d.isPunct(v+1, ".") || d.isPunct(v+1, "!") || d.isWord(v+1) && d.subordinator(d.toks[v+1].low)) {
				q.attrEnd = v + 1
				r := d.entityRef(d.personAt(x), m)
				r.subj = true
				return r, d.toks[v].low
			}
		}
	}
	return ref{}, ""
}

// roleThenBody reports tokens [lo, hi) that are a role and what it is of,
// then a comma and a description of that body, which may hold a clause of
// its own ("senior fellow at the Technology Policy Institute, a
// Washington-based think tank that counts Facebook among its donors").
func (d *doc) roleThenBody(lo, hi int) bool {
	for c := lo + 2; c < hi-2; c++ {
		if !d.isPunct(c, ",") {
			continue
		}
		if !d.roleApposition(lo, c) || !d.isWord(c+1) || !articleWord(d.toks[c+1].low) || d.hasCue(c+1, hi) {
			return false
		}
		for k := c + 1; k < hi; k++ {
			if d.toks[k].kind == kMark || d.toks[k].inQ || d.personAt(k) >= 0 {
				return false
			}
		}
		return true
	}
	return false
}

// shortOpening reports a comma at cm closing a short phrase that opens
// the clause at lo, with no verb of saying and no one in it ("Also in New
// York,").
func (d *doc) shortOpening(lo, cm int) bool {
	if !d.isPunct(cm, ",") || cm-lo > 8 || d.hasCue(lo, cm) {
		return false
	}
	for k := lo; k < cm; k++ {
		if d.personAt(k) >= 0 || d.toks[k].inQ {
			return false
		}
	}
	return true
}

// roleApposition reports tokens [lo, hi) that are only a role and what it
// is of, lists inside it included ("senior vice president of fleet,
// finance and partnerships at Nordair"): a role word among its first four
// words, and no quotation mark, verb of saying, relative pronoun or form
// of "be" or "have".
func (d *doc) roleApposition(lo, hi int) bool {
	if hi-lo < 2 || hi-lo > 24 {
		return false
	}
	role := false
	for k := lo; k < hi; k++ {
		if d.toks[k].kind == kMark || d.toks[k].inQ || d.cueAt(k) > 0 {
			return false
		}
		if !d.isWord(k) {
			continue
		}
		w := d.toks[k].low
		if w == "who" || w == "which" || w == "that" || w == "whose" || isBe(w) || w == "has" || w == "have" || w == "had" {
			return false
		}
		if k < lo+4 && (d.roleWord(w) || d.isTitle(w) || d.lex.in("relheads", w)) {
			role = true
		}
	}
	return role
}

// quotingAfter reads ", quoting X" at token k (before end): a text or a
// body quoting someone gives that person's words.
// Only a name or a described person is quoted ("quoting figures from the
// ministry" quotes no one).
func (d *doc) quotingAfter(k, end int) ref {
	if !d.isPunct(k, ",") || !d.isWord(k+1) || d.toks[k+1].low != "quoting" {
		return ref{}
	}
	if a, b := d.npRight(k+2, end); a <= b && (d.isNameNP(a, b) || d.roleThenName(a, b) || d.personAt(b) >= 0) {
		return d.speakerFromNP(a, b)
	}
	return ref{}
}

// headOf is the head of the phrase [a, b]: the last word before its first
// preposition, else its last word.
func (d *doc) headOf(a, b int) int {
	for k := a + 1; k <= b; k++ {
		if !d.toks[k].capit && d.lex.in("prepositions", d.toks[k].low) {
			return k - 1
		}
	}
	return b
}

// sentenceStart is the first token of the sentence holding token k.
func (d *doc) sentenceStart(k int) int {
	s := k
	for s > d.paras[d.paraOf(k)].t0 && !d.toks[s-1].sentEnd {
		s--
	}
	return s
}

// afterSentence reads `"..." Vale said on Friday.`: a short sentence after
// the quote that is only an attribution.
func (d *doc) afterSentence(q *qspan, lo, hi int) (ref, string) {
	end := -1
	for k := lo; k < hi; k++ {
		if d.toks[k].sentEnd {
			end = k
			break
		}
	}
	// ("..." when he lands, Tom Vale, chairman of the Kestrel Ports
	// Authority, told reporters.": a name's apposition between the subject
	// and its cue lengthens the sentence, not the attribution.)
	maxLen, maxCue := 12, 7
	if a := d.appositionComma(lo, hi); a > 0 {
		maxLen, maxCue = a-lo+6, a-lo+2
	}
	if end < 0 || !d.stop(end) {
		return ref{}, ""
	}
	// ("... Reynolds asked Cameron in the Commons, much to MPs' glee.": a
	// short phrase after a comma, with no verb of saying, adds the
	// occasion; the attribution ends at the comma.)
	last := end
	if end-lo > maxLen {
		last = -1
		for cm := lo + 2; cm <= lo+maxLen && cm < end; cm++ {
			if d.isPunct(cm, ",") && end-cm <= 10 && !d.hasCue(cm+1, end) {
				last = cm
				break
			}
		}
		if last < 0 {
			return ref{}, ""
		}
	}
	for c := lo + 1; c < last && c < lo+maxCue; c++ {
		n := d.cueAt(c)
		if n == 0 {
			continue
		}
		for k := c + n; k < last; k++ {
			// "He went on to cite ...", "X said that ...": the sentence reports something else.
			if d.isWord(k) && (d.toks[k].low == "that" || d.lex.in("pronouns", d.toks[k].low) ||
				(d.toks[k].low == "to" && d.isWord(k+1) && !d.toks[k+1].capit && !d.lex.in("determiners", d.toks[k+1].low))) {
				return ref{}, "" // "X said that ..." reports something else
			}
		}
		// (An answer to a question quoted is not the question's
		// attribution: `"Will it reopen?" Owner Sam Reid replied in an
		// email, without giving a date.`)
		if last != end && (d.toks[c].low == "replied" || d.toks[c].low == "answered" || d.toks[c].low == "responded") {
			return ref{}, ""
		}
		if a, ok := d.askedPassive(c, end); ok {
			return a, d.cueText(c, n)
		}
		r, start := d.subjectLeft(c, lo)
		if r.ok() && start == lo {
			q.attrEnd = end + 1
			return r, d.cueText(c, n)
		}
		break
	}
	return ref{}, ""
}

// askedPassive reports a passive verb of asking at c ("was asked",
// "were asked") and returns the agent after "by" before end, if any: the
// question quoted is the asker's, not the subject's.
func (d *doc) askedPassive(c, end int) (ref, bool) {
	if d.toks[c].low != "asked" || !d.passiveAt(c) {
		return ref{}, false
	}
	for k := c + 1; k < end && k <= c+6; k++ {
		if d.isWord(k) && d.toks[k].low == "by" {
			if a, b := d.npRight(k+1, end); a <= b {
				return d.speakerFromNP(a, b), true
			}
			break
		}
	}
	return ref{}, true
}

// appositionComma returns the comma that closes an apposition after a
// name opening [lo, hi) when a verb of saying follows it ("Tom Vale,
// chairman of the Kestrel Ports Authority, told"): the name is one to four
// capitalised words, the apposition up to fifteen words with no quotation
// mark and no end of sentence; else -1.
func (d *doc) appositionComma(lo, hi int) int {
	k := lo
	for k < hi && k < lo+4 && d.isWord(k) && d.toks[k].capit {
		k++
	}
	if k == lo || !d.isPunct(k, ",") {
		return -1
	}
	for a := k + 2; a < hi && a <= k+16; a++ {
		t := d.toks[a]
		if t.kind == kMark || t.inQ || t.sentEnd {
			return -1
		}
		if d.isPunct(a, ",") {
			if d.cueAt(a+1) > 0 {
				return a
			}
			return -1
		}
	}
	return -1
}

// cueSpeaker finds who a cue before the quote attributes it to.
func (d *doc) cueSpeaker(c, n, lo, hi int, prev *qspan) ref {
	low := d.toks[c].low
	if n == 2 && low == "according" {
		a, b := d.npRight(c+n, hi)
		if a <= b {
			b = d.coordinatedRight(a, b, hi)
			// "According to the head of the mission, diplomat Ana Lind,":
			// a name in apposition is the source.
			// (Only after a description of a person: "According to police,
			// John Smith, a farmer, was" names the police.)
			head := d.toks[d.headOf(a, b)].low
			// (Also a noun with a person's sense among others: "her
			// agent, Friedrich von Hallberg,".)
			if d.isPunct(b+1, ",") && !d.toks[b].capit && (d.roleWord(head) || d.lex.in("personnouns", head) || d.lex.in("personsenses", head) || head == "head") {
				if a2, b2 := d.npRight(b+2, hi); a2 <= b2 && d.isPunct(b2+1, ",") && (d.isNameNP(a2, b2) || d.roleThenName(a2, b2)) {
					return d.speakerFromNP(a2, b2)
				}
			}
			return d.sourceSpeaker(a, b)
		}
		return ref{}
	}
	// "A police statement released after the arrest said": a text
	// opening the sentence, then a participle of issuing: the text's
	// issuer speaks, never the last noun of the participle's phrase.
	// (Its issuer not found, no one: "A statement released after talks
	// with the ministry said" is not the talks'.)
	if h := d.issuedTextSubject(c, lo); h >= 0 {
		if r := d.docOwner(h); r.ok() && d.canSpeak(r) {
			return r
		}
		return ref{}
	}
	// "Asked by reporters whether she would retire, Lind paused.": the
	// one asked answers, the subject after the comma, not the asker.
	if r, _, ok := d.askedSubject(c, hi); ok && r.ok() {
		return r
	}
	// "described by the Coast Herald as": a passive cue names its agent.
	for k := c + n; k < c+n+2 && k < hi && d.isWord(k); k++ {
		if d.toks[k].low == "by" {
			// ("told Wikinews by telephone": the means is no agent; nor a
			// time, "admitted daily by that date".)
			if a, b := d.npRight(k+1, hi); a <= b && !meansWord(d.toks[b].low) && !timeNoun(d.toks[b].low) && !d.lex.in("temporal", d.toks[b].low) {
				if r := d.speakerFromNP(a, b); r.ok() {
					return r
				}
			}
			break
		}
	}
	// "The Republicans — along with two Democrats — argue": an aside
	// between dashes after the subject, right before the cue.
	if o := d.dashAsideOpen(c-1, lo); o > lo && !strings.HasSuffix(low, "ing") {
		if r, _ := d.subjectLeft(o, lo); r.ok() && d.canSpeak(r) {
			return r
		}
	}
	// `the Republican said the ballots were "friendly territory" for his
	// party and predicted he would "..."`: a verb of saying joined by
	// "and" to the clause of the quote before, in the same sentence, has
	// that quote's speaker as its subject (the words between are no
	// subject of it).
	if a := c - 1; d.isWord(a) && d.toks[a].low == "and" && !d.toks[a].inQ && prev != nil && prev.spk.ok() && prev.close < a && !d.sentenceBetween(prev.close, c) {
		// (Not after a question put when a name opens the clause after
		// it: `asked him, "...?", Vale smiled and said` is Vale's.)
		s := prev.close + 1
		if d.isPunct(s, ",") {
			s++
		}
		if e := d.entityAt(s); !(e >= 0 && d.mentionStart(s) == s && endsQuestion(d.body[prev.ts:prev.te]) && d.ents[e].Type == "PERSON") {
			return ref{name: prev.spk.name, typ: prev.spk.typ, etype: prev.spk.etype, head: -1}
		}
	}
	// "would not intervene in what the spokesperson called "a matter for
	// the courts"": the subject of a verb of naming in a "what" clause
	// speaks, not the sentence's.
	switch low {
	// (So does one of judging with "as": "what one staff member dismissed
	// as "tire-kickers"".)
	case "called", "calls", "call", "termed", "terms", "described", "describes", "dubbed", "labelled", "labeled",
		"dismissed", "dismisses", "derided", "derides", "branded", "brands", "characterized", "characterised", "characterizes", "characterises":
		for k := c - 1; k >= lo && k >= c-6 && d.isWord(k) && !d.toks[k].inQ; k-- {
			if d.toks[k].low != "what" {
				continue
			}
			if k+1 <= c-1 {
				if r := d.speakerFromNP(k+1, c-1); r.ok() {
					return r
				}
			}
			break
		}
	}
	// "Muir read a statement on behalf of the family:": the words read out
	// are the family's, not the reader's.
	if low == "read" || low == "delivered" {
		for k := c + n; k < hi && k <= c+n+6 && d.isWord(k) && !d.toks[k].inQ; k++ {
			if d.toks[k].low == "behalf" && d.isWord(k-1) && d.toks[k-1].low == "on" {
				if r := d.behalfOwner(k, c+n, hi); r.ok() {
					return r
				}
				break
			}
		}
	}
	// "A statement issued on his behalf by his lawyers said": the one whose
	// behalf it is speaks.
	// (Not in an opening phrase: "In a statement on behalf of the family,
	// their lawyer said" is the lawyer's.)
	for k := c - 1; k > lo && !d.isPunct(k, ",") && !d.toks[k].inQ; k-- {
		if d.isWord(k) && d.toks[k].low == "behalf" {
			if r := d.behalfOwner(k, lo, c); r.ok() {
				return r
			}
		}
	}
	// A semicolon or colon closes the clause a subject can come from.
	for k := c - 1; k > lo; k-- {
		if (d.isPunct(k, ";") || d.isPunct(k, ":")) && !d.toks[k].inQ {
			// ("author Sam Kimura of the Center for Microbial
			// Oceanography: Research and Education (C-MORE) said": a
			// colon between a body's name and the capitalised rest of it.)
			if d.nameColon(k) {
				continue
			}
			lo = k + 1
			break
		}
	}
	if r, ok := d.reportedClauseSpeaker(c, lo); ok {
		return r
	}
	// `"Frankly," said Hale, "this plan is a disaster."`: an inverted cue
	// right after a quoted word too short to be a quote; its subject
	// follows it.
	if p := c - 1; p >= lo && d.toks[p].kind == kMark && d.isWord(c+n) && d.toks[c+n].capit {
		if a, b := d.npRight(c+n, hi); a <= b && d.isPunct(b+1, ",") {
			if r := d.speakerFromNP(a, b); r.ok() {
				return r
			}
		}
	}
	j := c - 1
	for j >= lo && d.isWord(j) && d.adverbAt(j) {
		j--
	}
	// "Vale was quoted in the Times saying": the subject of the passive
	// is the one quoted, with or without "as" ("as saying" is read below).
	if strings.HasSuffix(low, "ing") && !(d.isWord(c-1) && d.toks[c-1].low == "as") {
		for v := c - 1; v > lo && v >= c-8 && d.isWord(v) && !d.toks[v].inQ; v-- {
			if d.beQuoted(v) {
				if p := v + 1; p == c || d.isWord(p) && (d.toks[p].low == "in" || d.toks[p].low == "by" || d.toks[p].low == "on") {
					if r, _ := d.subjectLeft(v, lo); r.ok() {
						return r
					}
				}
				break
			}
		}
	}
	// "The Times quoted Jane Doe as saying": the quoted person speaks.
	if strings.HasSuffix(low, "ing") && d.isWord(c-1) && d.toks[c-1].low == "as" {
		// "Reuters quoted Ana Lind, a police spokeswoman, as saying": the
		// name before an apposition set off by commas.
		if d.isPunct(c-2, ",") {
			a, b := d.npEnd(c-3, lo)
			if d.entityAt(a) >= 0 {
				a = max(d.mentionStart(a), lo)
			}
			// ("a retired general", "retired general Than Htay": a
			// participle, an article and a role before the name are the
			// apposition's.)
			for a-1 > lo && d.isWord(a-1) && !d.toks[a-1].capit && (strings.HasSuffix(d.toks[a-1].low, "ed") || d.lex.in("determiners", d.toks[a-1].low) ||
				d.toks[a].capit && d.describesPerson(a-1, a-1)) {
				a--
			}
			if d.isPunct(a-1, ",") {
				a2, b2 := d.npEnd(a-2, lo)
				v := a2 - 1 // ("quoted the minister, ...": past an article)
				if d.isWord(v) && !d.toks[v].capit && d.lex.in("determiners", d.toks[v].low) {
					v--
				}
				if a2 <= b2 && d.isWord(v) && quotingVerb(d.toks[v].low) {
					// ("quoted Ana Lind's lawyer, Peter Gale, as saying": a
					// name in apposition to a description is the one.)
					// (So a role and a name: "quoted the minister, retired
					// general Than Htay, as saying".)
					if a <= b && (d.isNameNP(a, b) || d.roleThenName(a, b)) && !d.isNameNP(a2, b2) {
						a2, b2 = a, b
					}
					if r := d.speakerFromNP(a2, b2); r.ok() {
						return r
					}
				}
			}
		}
		if a, b := d.npEnd(c-2, lo); a <= b && d.isWord(a-1) && d.toks[a].low != "by" && d.toks[a].low != "in" && d.toks[a].low != "on" && quotingVerb(d.toks[a-1].low) {
			// ("The website quoted her as saying": whom "her" stands for.)
			if p := objectPronounSubject(d.toks[a].low); a == b && p != "" {
				if r := d.resolvePronoun(a, p); r.ok() {
					return r
				}
			}
			if r := d.speakerFromNP(a, b); r.ok() {
				return r
			}
		}
		// "Jane Doe was quoted by the Times as saying", "was quoted as
		// saying": the subject of the passive is the one quoted.
		// ("was quoted in The Daily Star as saying": so after an outlet.)
		v := c - 2
		if a, b := d.npEnd(c-2, lo); a <= b && (d.toks[a].low == "by" || d.toks[a].low == "in" || d.toks[a].low == "on") {
			v = a - 1
		}
		if d.beQuoted(v) {
			if r, _ := d.subjectLeft(v, lo); r.ok() {
				return r
			}
		}
	}
	// A participle ("..., adding", "tweeted her reasoning saying") hangs on
	// the subject of its clause, unless a sign or statement is its subject.
	// ("with one reader writing": the participle's own subject, after
	// "with", is read by subjectLeft.)
	// ("the council recommending": an organisation noun opening an
	// absolute clause is its subject; "praised the team saying" is not.)
	// ("posted to Twitter asking", "went to Paris asking": a name after a
	// preposition or a verb is their object, no subject of the participle.)
	// "the Likud party, which tried to rally support by saying": a
	// participle in a relative clause hangs on the pronoun's antecedent.
	// "a recording in which Harris can be heard telling a foreman": the
	// subject of a passive verb of perceiving speaks, not the sentence's.
	if strings.HasSuffix(low, "ing") && d.isWord(j) && j-1 >= lo && perceived(d.toks[j].low) && d.toks[j].low != "as" && d.toks[j].low != "quoted" &&
		d.isWord(j-1) && d.lex.in("auxiliaries", d.toks[j-1].low) {
		if r, _ := d.subjectLeft(c, lo); r.ok() {
			return r
		}
	}
	if strings.HasSuffix(low, "ing") {
		for k := j; k > lo && k >= j-12 && d.isWord(k) && !d.toks[k].inQ; k-- {
			if w := d.toks[k].low; w == "who" || w == "which" {
				if r := d.relativeAntecedent(k, lo); r.ok() {
					return r
				}
				break
			}
		}
	}
	objectName := false
	if j >= lo && d.isWord(j) && d.toks[j].capit {
		a := j
		for a-1 >= lo && d.isWord(a-1) && (d.toks[a-1].capit || connector(d.toks[a-1].low)) {
			a--
		}
		// (Not after "from", "of" or "by": "a banner from People's Vote
		// saying" is the banner's and its makers'.)
		if p := a - 1; p > lo && d.isWord(p) && !d.toks[p].capit {
			switch w := d.toks[p].low; w {
			case "to", "on", "at", "in", "into", "onto", "across", "through", "toward", "towards":
				objectName = true
			default:
				objectName = d.verbish(w) && !d.lex.in("prepositions", w)
			}
		}
	}
	if strings.HasSuffix(low, "ing") && !d.withSubject(j, lo) && (j < lo || !d.isWord(j) || objectName || !(d.lex.in("docheads", d.toks[j].low) || d.lex.in("personheads", d.toks[j].low) || d.lex.in("groupheads", d.toks[j].low) ||
		d.lex.in("orgheads", d.toks[j].low) && d.absoluteNP(j, lo) || d.toks[j].capit)) {
		// ("His running mate, Ana Lind, went further, telling the paper":
		// a sentence after the quote with its own subject is that
		// subject's.)
		if prev != nil && prev.spk.ok() && prev.close >= lo-1 && !d.sentenceBetween(prev.close, c) {
			return ref{name: prev.spk.name, typ: prev.spk.typ, head: -1}
		}
		// "Prices will rise, Ana Ruiz said yesterday, adding that ...": a
		// participle after a finite verb of saying hangs on that verb's
		// clause; its named subject speaks, not the words the sentence
		// opens with.
		// (Only the main clause's: "Reed hit back after Ruiz said he had
		// lied, calling ..." is Reed's.)
		// (Any verb of saying set off by a comma: "..., the governor
		// observed, adding".)
		if pc, pn := d.lastCue(lo, c); pn > 0 && !strings.HasSuffix(d.toks[pc].low, "ing") && (d.lex.in("speechverbs", d.toks[pc].low) || d.isPunct(pc+pn, ",")) {
			if r, st := d.subjectLeft(pc, lo); r.ok() && properName(r.name) && d.isWord(r.head) && d.toks[r.head].capit && (st == lo || d.isPunct(st-1, ",")) {
				return r
			}
		}
		// "The firm cancelled the book, but Stephen Kane objected, writing
		// on Twitter:": a participle after a clause that "but" or
		// "although" joins to the sentence hangs on that clause's subject.
		// (Only when the sentence's own subject is no person: "Mayor Tom
		// Vale approved it, although the council objected, saying" is
		// the mayor's as often as the council's.)
		// "Page would grow animated, and Schmidt would shut him down,
		// saying": a participle after a main clause joined by ", and"
		// hangs on that clause's subject, the nearer.
		if r := d.andClauseSubject(lo, c); r.ok() {
			return r
		}
		main := d.sentenceSubject(lo, c)
		if !main.ok() || main.typ != SpeakerPerson || main.etype != "PERSON" && properName(main.name) {
			if r := d.contrastClauseSubject(lo, c); r.ok() {
				return r
			}
		}
		if main.ok() {
			// ("Athens welcomed the decision, saying": a capital opening
			// the sentence is the participle's subject, its government.)
			if main.head >= 0 && main.head < len(d.toks) && d.entityAt(main.head) >= 0 && d.isPlace(d.entityAt(main.head)) && d.mentionStart(main.head) == d.sentenceStart(main.head) {
				main.subj = true
			}
			return main
		}
		if prev != nil && prev.spk.ok() && prev.close >= lo-1 {
			return ref{name: prev.spk.name, typ: prev.spk.typ, head: -1}
		}
		if pc, pn := d.lastCue(lo, c); pn > 0 {
			if r, _ := d.subjectLeft(pc, lo); r.ok() {
				return r
			}
		}
		if prev != nil && prev.spk.ok() {
			return ref{name: prev.spk.name, typ: prev.spk.typ, head: -1}
		}
		return ref{}
	}
	if r := d.relativeAntecedent(j, lo); r.ok() {
		return r
	}
	// "If the court agrees, that would end the case, says Ada Brook.": a
	// cue after a comma with its subject after it, to the sentence's end.
	if r, ok := d.invertedAfterComma(c, n, hi); ok {
		return r
	}
	// "A man who lives nearby said": a relative clause with no commas
	// between its noun phrase and the cue; the phrase before "who" speaks.
	for k := c - 1; k > lo && k >= c-12 && d.isWord(k) && !d.toks[k].inQ; k-- {
		// ("The group of creditors that brought the case said": "that"
		// after a collective's people.)
		if d.toks[k].low == "that" && !d.toks[k].capit {
			if a, b := d.npEnd(k-1, lo); a < b && d.isWord(b) && !d.toks[b].capit && d.peopleNoun(d.toks[b].low) {
				if r := d.speakerFromNP(a, b); r.ok() && r.typ == SpeakerGroup {
					return r
				}
			}
			continue
		}
		if d.toks[k].low == "who" && !d.toks[k].capit {
			// ("according to meteorologist Tomasz Kwiatek of the Institute
			// of Meteorology in Krakow, who said": after a comma, the person
			// the phrases of a body and a place follow.)
			// (Only "who" the cue's subject: not "Ms. Haley, who he called".)
			subj := true
			for x := k + 1; x < c; x++ {
				subj = subj && d.isWord(x) && (d.adverbAt(x) || d.lex.in("auxiliaries", d.toks[x].low))
			}
			if d.isPunct(k-1, ",") && subj {
				p0 := k - 2
				// ("Vale himself, who had described it as": past a
				// reflexive that only stresses the name.)
				if e := d.personAt(p0 - 1); d.isWord(p0) && reflexive(d.toks[p0].low) && e >= 0 && d.nameSexOK(reflexiveSex(d.toks[p0].low), d.ents[e].Name) {
					p0--
				}
				if p := d.personBeforePhrases(p0, lo); p >= 0 {
					return d.entityRef(d.personAt(p), p)
				}
				break
			}
			// ("a person wielding a needle who cried": only a person's or a
			// group's noun or name is what "who" stands for.)
			a, b := d.npEnd(k-1, lo)
			// ("a friend of John Smith who said": the person noun before
			// "of" is the one.)
			if a <= b && d.isWord(a-1) && d.toks[a-1].low == "of" {
				a, b = d.npEnd(a-2, lo)
				if a <= b && d.personAt(b) >= 0 {
					break
				}
			}
			for o := a + 1; o < b; o++ {
				if d.isWord(o) && d.toks[o].low == "of" && d.personAt(b) >= 0 {
					b = o - 1
					break
				}
			}
			if a <= b && d.isWord(b) && (d.personAt(b) >= 0 || !d.toks[b].capit &&
				(d.lex.in("personheads", d.toks[b].low) || d.lex.in("groupheads", d.toks[b].low) || d.lex.in("personnouns", d.toks[b].low) || d.lex.in("personnouns", strings.TrimSuffix(d.toks[b].low, "s")))) {
				if r := d.speakerFromNP(a, b); r.ok() {
					// ("Ana Ruiz, the senator who called it": a description
					// in apposition after a name is that person.)
					// (Only the description "who" follows, after a name
					// no preposition governs: "Unlike Tom Vale, the senator
					// who ... voted" is someone else.)
					if r.typ == SpeakerPerson && r.etype == "" && !properName(r.name) && b == k-1 && !d.wordBetween(a, b, "of") && d.isPunct(a-1, ",") && d.lex.in("determiners", d.toks[a].low) {
						if e := d.personAt(a - 2); e >= 0 && !d.governedName(a-2) && d.sameSexAs(strings.ToLower(r.name), d.ents[e].Name) {
							return d.entityRef(e, a-2)
						}
					}
					return r
				}
			}
			break
		}
	}
	// ("Fire chief Ada Brook and his deputy said": the named one.)
	if r, a, ok := d.namedFirst(c, lo); ok && (a == lo || d.isPunct(a-1, ",") || d.sentStart(a)) {
		return r
	}
	// "as Dorothy Arighi, an interior decorator in Arnold, Calif., puts
	// it:": a person named, then a role set off by commas (places with
	// commas of their own inside it), then the cue: the person.
	if d.isPunct(c-1, ",") {
		for x := c - 3; x > lo && x >= c-24; x-- {
			if d.toks[x].inQ {
				break
			}
			e := d.personAt(x)
			if e < 0 || d.mentionEnd(x) != x || !d.isPunct(x+1, ",") || !d.isWord(x+2) || !articleWord(d.toks[x+2].low) {
				continue
			}
			// (Only the clause's first words, after "as", or after a short
			// opening phrase with no one in it: "Also in New York, Israel
			// Silverman, an insurance-company lawyer, comments that"; not
			// "Tom Vale, a friend of Ana Ruiz, the mayor, said".)
			ms := d.mentionStart(x)
			if (ms == lo || d.isWord(ms-1) && d.toks[ms-1].low == "as" || d.shortOpening(lo, ms-1)) && d.roleApposition(x+2, c-1) {
				r := d.entityRef(e, x)
				r.subj = true
				return r
			}
		}
	}
	r, _ := d.subjectLeft(c, lo)
	if r.ok() {
		return r
	}
	// "Remarked scientist Ada Brook, "..."": a cue opening its sentence
	// is followed by its subject; so after a conjunction or a sentence
	// adverb that opens it ("But, says the general manager, "...").
	opener := func(k int) bool {
		switch d.toks[k].low {
		case "but", "and", "yet", "still", "so", "however", "instead", "meanwhile", "now", "then":
			return d.isWord(k)
		}
		return false
	}
	// (Only at the sentence's start: "... said X was "...," but accused
	// the government of "..."" goes on the clause before.)
	if c == lo || d.sentStart(lo) && (c-1 == lo && opener(lo) || c-2 == lo && opener(lo) && d.isPunct(c-1, ",")) {
		if a, b := d.npRight(c+n, hi); a <= b {
			// ("Says the bartender piously:": not the adverb after it.)
			for b > a && !d.toks[b].capit && (d.adverb(d.toks[b].low) || strings.HasSuffix(d.toks[b].low, "ly")) {
				b--
			}
			if r := d.speakerFromNP(a, b); r.ok() {
				return r
			}
		}
	}
	return d.sentenceSubject(lo, c)
}

// personBeforePhrases returns the last token of the person's name that
// ends at k or that phrases of "of", "at", "in" or "from" follow up to k
// ("Tomasz Kwiatek of the Institute of Meteorology in Krakow"), else -1.
func (d *doc) personBeforePhrases(k, lo int) int {
	for x := k; x >= lo && x > k-14 && !d.toks[x].inQ && !d.toks[x].sentEnd; x-- {
		if !d.isWord(x) {
			return -1
		}
		if d.personAt(x) >= 0 {
			if x == k || d.isWord(x+1) && slices.Contains([]string{"of", "at", "in", "from"}, d.toks[x+1].low) {
				return x
			}
			return -1
		}
	}
	return -1
}

// beforeBracket is the token before the "(" that a ")" at k closes, at
// most six tokens back and not before lo or into a quote ("the Water
// Board (HWB), which", "Ana Ruiz (D-Ohio), who"); else k.
func (d *doc) beforeBracket(k, lo int) int {
	if !d.isPunct(k, ")") {
		return k
	}
	for c := k - 1; c > lo && c >= k-6 && !d.toks[c].inQ; c-- {
		if d.isPunct(c, "(") {
			return c - 1
		}
	}
	return k
}

// beQuoted reports a passive "quoted" or "cited" at v ("Vale was quoted"):
// its subject is the one whose words are reported.
func (d *doc) beQuoted(v int) bool {
	return d.isWord(v) && (d.toks[v].low == "quoted" || d.toks[v].low == "cited") && d.isWord(v-1) && isBe(d.toks[v-1].low)
}

// contrastClauseSubject returns the subject of the last clause in [lo, c)
// opened by a word of contrast or concession after a comma (", but Kane
// objected," ", although Kane was among the critics,") when one who can
// speak is its subject and a verb follows the subject; c is a participle
// after that clause's comma.
func (d *doc) contrastClauseSubject(lo, c int) ref {
	return d.joinedClauseSubject(lo, c, false)
}

// andClauseSubject is contrastClauseSubject for a main clause joined by
// ", and" after a clause that ends in a lower-case word (", and Schmidt
// would shut him down, saying"; not a list of names, "Page, Brin, and
// Schmidt met, saying").
func (d *doc) andClauseSubject(lo, c int) ref {
	return d.joinedClauseSubject(lo, c, true)
}

// joinedClauseSubject reads the subject of the last clause in [lo, c)
// joined after a comma by a word of contrast or concession, or by "and"
// when and is set.
func (d *doc) joinedClauseSubject(lo, c int, and bool) ref {
	if !d.isPunct(c-1, ",") {
		return ref{}
	}
	for x := c - 2; x > lo; x-- {
		if d.toks[x].inQ || d.isPunct(x, ";") || d.isPunct(x, ":") {
			return ref{}
		}
		if !d.isWord(x) {
			continue
		}
		switch w := d.toks[x].low; {
		case !and && (w == "but" || w == "although" || w == "though" || w == "whereas" || w == "while"):
		case and && w == "and" && d.isWord(x-2) && !d.toks[x-2].inQ && (!d.toks[x-2].capit || d.lex.in("temporal", d.toks[x-2].low) || d.isWord(x-3) && d.prepositionWord(d.toks[x-3].low)):
			// (Also after a time or a place: "Prices rose in March, and
			// Ana Costa blamed the war, saying".)
		default:
			continue
		}
		if !d.isPunct(x-1, ",") {
			return ref{}
		}
		a, b := d.npRight(x+1, c-1)
		if a > b || a != x+1 && !(a == x+2 && d.lex.in("determiners", d.toks[x+1].low)) {
			return ref{}
		}
		// (A name ends its phrase: "Schmidt calmly cut him off".)
		if e := d.entityAt(a); e >= 0 && d.mentionStart(a) == a && d.mentionEnd(a) < b {
			b = d.mentionEnd(a)
		}
		// (verbAfter reads "was" as the adverb of "was among".)
		verb := func(k int) bool { return d.verbAfter(k) || d.isWord(k) && d.lex.in("auxiliaries", d.toks[k].low) }
		// ", but the council chairman, Tom Vale, stayed on,": the name in
		// apposition to the subject; ", but Tom Vale, the council
		// chairman, stayed on,": the verb after the apposition.
		v := b + 1
		if d.isPunct(b+1, ",") {
			for k := b + 2; k < c-1 && k <= b+10 && !d.toks[k].inQ; k++ {
				if d.isPunct(k, ",") {
					v = k + 1
					break
				}
			}
			if e, at, _ := d.appositionPerson(b + 1); e >= 0 && v > b+1 && verb(v) {
				return d.entityRef(e, at)
			}
		}
		// ("Weber calmly cut her off": a word in -ly after the subject is
		// an adverb, and a verb follows it.)
		adv := false
		for v < c && d.isWord(v) && !d.toks[v].capit && strings.HasSuffix(d.toks[v].low, "ly") && !d.verbAfter(v) {
			v, adv = v+1, true
		}
		if !verb(v) && !(adv && d.isWord(v) && !d.toks[v].capit && !d.lex.in("determiners", d.toks[v].low) && !d.lex.in("prepositions", d.toks[v].low)) {
			return ref{}
		}
		h := d.toks[b].low
		if e := d.entityAt(b); e < 0 && !d.lex.in("personheads", h) && !d.lex.in("groupheads", h) && !d.lex.in("orgheads", h) {
			return ref{} // "but the count was slow": no one who speaks
		}
		if r := d.speakerFromNP(a, b); r.ok() {
			return r
		}
		return ref{}
	}
	return ref{}
}

// absoluteNP reports a noun phrase ending at token j that opens its
// clause: at the start of [lo, j] or after a comma.
func (d *doc) absoluteNP(j, lo int) bool {
	a, b := d.npEnd(j, lo)
	return a <= b && (a == lo || d.isPunct(a-1, ","))
}

// withSubject reports a noun phrase ending at token j that "with" opens
// ("with one reader"): the subject of a participle after it, also
// before a name in apposition ("with its leader, Ana Ruiz,").
func (d *doc) withSubject(j, lo int) bool {
	if d.isPunct(j, ",") {
		k := j - 1
		for k > lo && d.isWord(k) && !d.toks[k].inQ {
			k--
		}
		if !d.isPunct(k, ",") || k+1 > j-1 || !d.isNameNP(k+1, j-1) && !d.roleThenName(k+1, j-1) {
			return false
		}
		j = k - 1
	}
	if j < lo || !d.isWord(j) || d.toks[j].capit {
		return false
	}
	a, b := d.npEnd(j, lo)
	return a < b && d.toks[a].low == "with"
}

// behalfOwner names X of "on behalf of X" or "on X's behalf" around the
// token k ("behalf"), within [lo, hi).
func (d *doc) behalfOwner(k, lo, hi int) ref {
	if d.isWord(k+1) && d.toks[k+1].low == "of" {
		if a, b := d.npRight(k+2, hi); a <= b {
			return d.speakerFromNP(a, b)
		}
		return ref{}
	}
	p := k - 1
	if p < lo || !d.isWord(p) {
		return ref{}
	}
	switch w := d.toks[p].low; {
	case w == "his" || w == "her" || w == "their" || w == "its":
		return d.resolvePronoun(p, w)
	case d.possessive(p) && d.toks[p].capit:
		s := p
		for s-1 >= lo && d.toks[s-1].capit && !d.possessive(s-1) {
			s--
		}
		return d.nameRef(s, p)
	}
	return ref{}
}

// subjectLeft reads the subject of the cue at token c, looking left no
// further than lo. It returns the speaker and the first token of the
// subject construction (with its appositive).
func (d *doc) subjectLeft(c, lo int) (ref, int) {
	r, s := d.subjectLeftNP(c, lo)
	// ("The doctor accused of misconduct told": the phrase of a passive
	// participle after the subject is none of it; the person before it
	// is.)
	// (Not a name the phrase leads to, "The doctor accused of misconduct,
	// Dr Sam Reid, told", nor a person inside another's phrase, "Lawyers
	// for the man accused of fraud told".)
	ofAt := s - 1
	if d.ofWith(s) {
		ofAt = s
	}
	if r.ok() && r.etype != "PERSON" && ofAt-1 > lo {
		if r2, a := d.personBeforePassive(ofAt); a >= lo && r2.ok() && !(d.isWord(a-1) && d.lex.in("prepositions", d.toks[a-1].low)) {
			r, s = r2, a
		}
	}
	if r2, s2, ok := d.falseIdentity(s, lo); ok && r.ok() {
		r, s = r2, s2
	}
	if r2, ok := d.describedCount(s, c, lo); ok {
		r = r2
	}
	// ("Supporters of Tom Vale said", "Lawyers for Ana Ruiz told": the
	// group speaks, about the person.)
	if r.ok() && r.etype == "PERSON" && r.via == "" && d.isWord(r.head) {
		if m := d.mentionStart(r.head); d.groupOfPerson(m) {
			if a, _ := d.npEnd(m-2, lo); a <= m-2 {
				if g := d.speakerFromNP(a, m-2); g.ok() {
					r, s = g, a
				}
			}
		}
	}
	if r.via == "" {
		r.subj = true
	}
	return r, s
}

// ofWith reports "of" or "with" at x, which opens the phrase of a
// passive participle ("accused of", "charged with").
func (d *doc) ofWith(x int) bool {
	return d.isWord(x) && (d.toks[x].low == "of" || d.toks[x].low == "with")
}

// personBeforePassive reads the person before a passive participle whose
// "of" or "with" is at x ("The doctor accused of", "A woman charged
// with"): the person and the first token of their phrase, or -1.
func (d *doc) personBeforePassive(x int) (ref, int) {
	if x < 2 || !d.ofWith(x) {
		return ref{}, -1
	}
	a := d.reducedPassive(x - 1)
	if a < 0 {
		return ref{}, -1
	}
	return d.speakerFromNP(a, x-2), a
}

// describedCount reads a subject that is only a count or an order ("The
// first, a taxi driver, said", "One, a midwife from Leeds, told"): the
// description set off by commas before the cue at c says who spoke.
func (d *doc) describedCount(s, c, lo int) (ref, bool) {
	h := s
	if d.isWord(h) && (d.toks[h].low == "the" || d.toks[h].low == "a") {
		h++
	}
	if !d.isWord(h) || d.toks[h].inQ || !d.isPunct(h+1, ",") || !d.isPunct(c-1, ",") {
		return ref{}, false
	}
	switch d.toks[h].low {
	case "one", "another", "first", "second", "third", "fourth", "fifth", "last", "other":
	default:
		return ref{}, false
	}
	a, b := h+2, c-2
	if a > b || !d.isWord(a) || (d.toks[a].low != "a" && d.toks[a].low != "an") {
		return ref{}, false
	}
	for k := a; k <= b; k++ {
		if !d.isWord(k) || d.toks[k].inQ {
			return ref{}, false
		}
		// ("The second, an MP who backs the plan,": the description
		// ends at its relative.)
		// ("One, a scaffolder from Peterhead,": so at a phrase of where
		// they come from or work.)
		if w := d.toks[k].low; k > a+1 && (w == "who" || w == "that" || w == "which" || w == "whose" || w == "from" || w == "in" || w == "at") {
			b = k - 1
			break
		}
	}
	r := d.speakerFromNP(a, b)
	if !r.ok() || r.typ != SpeakerPerson {
		return ref{}, false
	}
	return r, true
}

// falseIdentity reads a subject that starts at s after a participle of
// pretending ("A caller claiming to be her grandson said", "a man posing
// as a police officer told"): the one pretending speaks, not the one
// pretended to be. It returns that speaker and where its phrase starts.
func (d *doc) falseIdentity(s, lo int) (ref, int, bool) {
	// "claiming to be X" or "posing as X": the participle and the words
	// that tie it to X.
	j, as := s-1, false
	switch {
	case d.isWord(j) && d.toks[j].low == "be" && d.isWord(j-1) && d.toks[j-1].low == "to":
		j -= 2
	case d.isWord(j) && d.toks[j].low == "as":
		j, as = j-1, true
	default:
		return ref{}, 0, false
	}
	if !d.isWord(j) || d.toks[j].inQ {
		return ref{}, 0, false
	}
	switch d.toks[j].low {
	case "claiming", "pretending", "purporting":
		if as {
			return ref{}, 0, false
		}
	case "posing", "masquerading":
		if !as {
			return ref{}, 0, false
		}
	default:
		return ref{}, 0, false
	}
	a, b := d.npEnd(j-1, lo)
	// (Only a phrase that opens the clause: "received calls from a man
	// posing as an officer" is no one's claim.)
	if a > b || !d.clauseOpensAt(a, lo) {
		return ref{}, 0, false
	}
	r := d.speakerFromNP(a, b)
	if !r.ok() || r.typ == SpeakerOrg && r.etype == "" {
		return ref{}, 0, false
	}
	return r, a, true
}

// nameWithArticle reports an article at k inside a name no entity holds,
// between capitalised words after a preposition ("Tom Vale of Save the
// Children"); not a time before a new phrase ("in March the Council").
func (d *doc) nameWithArticle(k int) bool {
	p, n := k-1, k+1
	return d.isWord(n) && d.toks[n].capit && !d.toks[n].inQ && d.entityAt(p) < 0 && !d.lex.in("temporal", d.toks[p].low) &&
		d.isWord(p-1) && !d.toks[p-1].capit && d.lex.in("prepositions", d.toks[p-1].low)
}

// sayingFrameAfter reports the frames after a verb at i that only words
// fill: "that" ("the judge maintained that ..."), or a comma or colon and
// an opening quote mark ('the judge maintained, "You have ..."').
func (d *doc) sayingFrameAfter(i int) bool {
	n := i + 1
	if d.isWord(n) {
		return d.toks[n].low == "that" && !d.toks[n].inQ
	}
	return (d.isPunct(n, ",") || d.isPunct(n, ":")) && n+1 < len(d.toks) && d.toks[n+1].kind == kMark && d.toks[n+1].dir != mClose
}

// nameColon reports a colon at k inside a body's name, between the name
// and the capitalised rest of it that its short form in brackets closes
// ("the Center for Microbial Oceanography: Research and Education
// (C-MORE)"), which closes no clause; not one ending a lead-in ("The
// reaction from Downing Street: Ministers insisted").
func (d *doc) nameColon(k int) bool {
	if !d.isPunct(k, ":") || d.toks[k].inQ || !d.isWord(k+1) || !d.toks[k+1].capit || !d.isWord(k-1) || d.toks[k-1].sentEnd {
		return false
	}
	if e := d.entityAt(k - 1); e < 0 || d.ents[e].Type == "PERSON" {
		return false
	}
	x := k + 1
	for x < len(d.toks) && x <= k+8 && d.isWord(x) && !d.toks[x].inQ && (d.toks[x].capit || connector(d.toks[x].low) || d.toks[x].low == "and") {
		x++
	}
	if x == k+1 || !d.isPunct(x, "(") {
		return false
	}
	y := x + 1
	for y < len(d.toks) && y <= x+5 && !d.isPunct(y, ")") && (d.isPunct(y, "-") || isAcronymWord(d.text(d.toks[y]))) {
		y++
	}
	return y > x+1 && d.isPunct(y, ")")
}

// isAcronymWord reports a short form in capitals, perhaps with hyphens,
// digits or lower-case letters after the first capital ("C-MORE", "NASA",
// "C-MaRT"; "C" and "MORE" where the hyphen is a token).
func isAcronymWord(w string) bool {
	caps := 0
	for _, c := range w {
		switch {
		case c >= 'A' && c <= 'Z':
			caps++
		case c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' && caps > 0:
		default:
			return false
		}
	}
	return caps >= 2 || caps == 1 && len(w) == 1
}

// clauseOpensAt reports a phrase at a that opens its clause: at lo or a
// sentence start, after a comma or colon, or after a word that opens a
// clause ("after a caller claiming to be her grandson said").
func (d *doc) clauseOpensAt(a, lo int) bool {
	if a == lo || d.sentStart(a) || d.isPunct(a-1, ",") || d.isPunct(a-1, ":") {
		return true
	}
	if !d.isWord(a-1) || d.toks[a-1].inQ {
		return false
	}
	switch d.toks[a-1].low {
	case "after", "before", "when", "while", "because", "until", "since", "if", "although", "though", "and", "but", "that":
		return true
	}
	return false
}

// npStartPast returns where the noun phrase ending at k starts, back past
// the phrases of the prepositions preps it ends with ("the owner of a
// noodle shop", "a works council member at the plant").
func (d *doc) npStartPast(k, lo int, preps ...string) int {
	a, _ := d.npEnd(k, lo)
	for a-2 >= lo && d.isWord(a-1) && !d.toks[a-1].capit && slices.Contains(preps, d.toks[a-1].low) {
		a, _ = d.npEnd(a-2, lo)
	}
	return a
}

// peopleNPBefore reports a noun for people in the noun phrase that ends at
// k, or in the phrases of "at", "of", "for", "from" or "in" it ends
// ("a works council member at the plant").
func (d *doc) peopleNPBefore(k, lo int) bool {
	a := d.npStartPast(k, lo, "at", "of", "for", "from", "in")
	for x := max(a, lo); x <= k; x++ {
		if d.isWord(x) && !d.toks[x].capit && !d.toks[x].inQ && d.peopleAt(x) {
			return true
		}
	}
	return false
}

// perceived reports the words of "heard saying", "quoted as saying".
// agentParticiple reports a past participle that takes an agent with
// "by" after a noun for people: "interviewed by", "contacted by",
// "displaced by", "led by".
func agentParticiple(w string) bool {
	switch w {
	case "led", "held", "seen", "hit", "struck", "taken", "hired", "paid", "sent", "told", "caught", "shot", "employed", "represented":
		return true
	}
	return strings.HasSuffix(w, "ed") && len(w) > 4
}

func perceived(w string) bool {
	switch w {
	case "heard", "overheard", "seen", "filmed", "recorded", "caught", "quoted", "as":
		return true
	}
	return false
}

// timePhrase reports two words [i, j] that say when: "last week", "this
// year", "on Monday", "in March", "in 2019".
func (d *doc) timePhrase(i, j int) bool {
	if !d.isWord(i) || !d.isWord(j) || d.toks[i].inQ || d.toks[j].inQ || d.toks[i].capit {
		return false
	}
	w, n := d.toks[i].low, d.toks[j].low
	switch w {
	case "last", "this", "next", "earlier", "later":
		switch n {
		case "week", "month", "year", "weekend", "night", "morning", "afternoon", "evening", "spring", "summer", "autumn", "fall", "winter":
			return true
		}
		return d.toks[j].capit && d.lex.in("temporal", n)
	case "on", "in":
		return d.toks[j].capit && d.lex.in("temporal", n) || len(n) == 4 && isDigits(n)
	}
	return false
}

// subjectLeftNP is subjectLeft without marking the result as the subject.
func (d *doc) subjectLeftNP(c, lo int) (ref, int) {
	j := c - 1
	for j >= lo && d.isWord(j) && !d.toks[j].inQ && d.adverbAt(j) {
		j--
	}
	// ("Priebus, however, did note that": the auxiliary of emphasis
	// right before the cue.)
	// (Only before a bare form: "everything the minister does suggests"
	// has "does" for a verb of its own.)
	if j == c-1 && d.isWord(j) && !d.toks[j].inQ && (d.toks[j].low == "did" || d.toks[j].low == "does") && d.bareForm(d.toks[c].low) {
		j--
	}
	// ("one of the project managers present said": an adjective after
	// its noun.)
	if j > lo && d.isWord(j) && !d.toks[j].inQ && d.toks[j].low == "present" && d.isWord(j-1) && !d.toks[j-1].capit {
		j--
	}
	// ("Several passengers at the desk, however, said": a sentence adverb
	// set off by commas.)
	if j-2 >= lo && d.isPunct(j, ",") && d.isWord(j-1) && !d.toks[j-1].capit && d.sentenceAdverb(d.toks[j-1].low) && d.isPunct(j-2, ",") {
		j -= 3
	}
	// "the man could be heard saying", "she was quoted as saying": a
	// verb of perceiving or recording and its auxiliaries before the cue.
	if strings.HasSuffix(d.toks[c].low, "ing") {
		k := j
		for k >= lo && d.isWord(k) && !d.toks[k].inQ && !d.toks[k].capit && perceived(d.toks[k].low) {
			k--
		}
		if k < j {
			for k >= lo && d.isWord(k) && !d.toks[k].inQ && !d.toks[k].capit && (d.lex.in("auxiliaries", d.toks[k].low) || d.adverbAt(k)) {
				k--
			}
			j = k
		}
	}
	// "Robert Ruano last week said", "Amazon on Monday pledged": a time
	// phrase between the subject and its verb.
	if j-1 >= lo && d.timePhrase(j-1, j) {
		j -= 2
	}
	if j < lo {
		return ref{}, c
	}
	// "Ana Lind was reported by the Post to have said": the subject of a
	// raised passive speaks; the agent after "by" only reported it.
	if d.isWord(j) && d.toks[j].low == "have" && d.isWord(j-1) && d.toks[j-1].low == "to" {
		j--
	}
	if d.isWord(j) && d.toks[j].low == "to" && d.isWord(j+1) && d.toks[j+1].low == "have" {
		k := j - 1
		for b := j - 1; b > lo && b >= j-6 && d.isWord(b) && !d.toks[b].inQ; b-- {
			if d.toks[b].low == "by" {
				k = b - 1
				break
			}
		}
		if k-1 >= lo && d.isWord(k) && raisingVerb(d.toks[k].low) && d.isWord(k-1) && isBe(d.toks[k-1].low) {
			j = k - 2
			for j >= lo && d.isWord(j) && !d.toks[j].inQ && d.adverbAt(j) {
				j--
			}
		}
	}
	// ("the protesters Wikinews spoke to said": a reduced relative clause
	// whose verb strands a preposition, before a finite cue; not "declined
	// to say".)
	strandedTo := false
	if d.isWord(j) && (d.toks[j].low == "to" || d.toks[j].low == "with") && finiteCue(d.toks[c].low) && j-2 >= lo && d.isWord(j-1) && !d.toks[j-1].capit &&
		(strings.HasSuffix(d.toks[j-1].low, "ed") || d.toks[j-1].low == "spoke" || d.toks[j-1].low == "met") &&
		d.isWord(j-2) && (d.toks[j-2].capit || d.lex.in("pronouns", d.toks[j-2].low)) {
		j--
		strandedTo = true
	}
	// "went on to add", "declined to say": the subject governs the verb before "to".
	if !strandedTo && d.isWord(j) && d.toks[j].low == "to" {
		k := j - 1
		for k >= lo && k > j-5 && d.isWord(k) && !d.toks[k].capit && !d.lex.in("pronouns", d.toks[k].low) &&
			!d.lex.in("personheads", d.toks[k].low) && !d.lex.in("groupheads", d.toks[k].low) && !d.lex.in("orgheads", d.toks[k].low) {
			k--
		}
		j = k
		if j < lo {
			return ref{}, c
		}
	}
	// "Ada Brook (Blue Harbour) told": skip a parenthesis; "Rep. Tom Vale
	// (D., Ohio), said": and the comma after it.
	// (Only right after a person's name: "a researcher at the Institute
	// for Snow Research (WSL), said" ends an apposition.)
	if d.isPunct(j, ",") && !d.isPunct(j-2, "(") && d.personBracketBefore(j, lo) {
		j--
	}
	if d.isPunct(j, ")") {
		k := j - 1
		for k >= lo && !d.isPunct(k, "(") && j-k < 20 {
			k--
		}
		if k >= lo {
			j = k - 1
		}
	}
	// "the protesters the Herald interviewed said": skip a reduced relative clause.
	if d.isWord(j) && !d.toks[j].capit && (strings.HasSuffix(d.toks[j].low, "ed") || strandedTo) && j-1 >= lo && d.isWord(j-1) &&
		(d.toks[j-1].capit || d.lex.in("pronouns", d.toks[j-1].low)) {
		k := j - 1
		for k-1 >= lo && d.isWord(k-1) && d.toks[k-1].capit {
			k--
		}
		// ("the residents the BBC talked to": past the name's article.)
		// (A noun opening the sentence has its capital: "Residents".)
		if k-2 >= lo && d.isWord(k-1) && d.toks[k-1].low == "the" && d.isWord(k-2) && d.lowerAt(k-2) && !d.lex.in("determiners", d.toks[k-2].low) && !d.lex.in("prepositions", d.toks[k-2].low) {
			k--
		}
		if k-1 >= lo && d.isWord(k-1) && d.lowerAt(k-1) {
			j = k - 1
		}
	}
	// "Several dock workers interviewed by the Tarvel Courier said", "Two
	// nurses contacted by Reuters said": a passive participle and its
	// agent after a noun for people; the agent only reached them, the
	// people speak. (Not "a statement issued by the company said": a
	// document's issuer speaks for it.)
	for b := j; b > lo+1 && b >= j-6 && d.isWord(b) && !d.toks[b].inQ; b-- {
		if d.toks[b].low != "by" || d.toks[b].capit {
			continue
		}
		p, q := b-1, b-2
		if !d.isWord(p) || d.toks[p].capit || !agentParticiple(d.toks[p].low) || !d.isWord(q) || d.toks[q].inQ {
			break
		}
		if (!d.toks[q].capit || d.sentStart(q)) && d.peopleAt(q) {
			j = q
		}
		break
	}
	// "Spectators along the last kilometre chanted", "Fans outside the
	// stadium sang": a phrase of place after a plural noun for people that
	// opens the clause; the people are the subject, not the place.
	// ("Many evacuees at the showground in Taree said", "Dozens of
	// relatives waiting under a tent at the port said": phrases of place
	// in a row, and a participle before them.)
	// (A plural noun that speaks there for its kind, "Travel agents in
	// Kraków", "Several restaurants in Indiranagar", though no list has it
	// as a person's.)
	plural := func(w string) bool {
		return len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !d.lex.in("temporal", w) && !timeNoun(strings.TrimSuffix(w, "s"))
	}
	for p := j; p > lo && p >= j-12 && d.isWord(p) && !d.toks[p].inQ && d.cueAt(p) == 0; p-- {
		if d.toks[p].capit {
			continue
		}
		switch w := d.toks[p].low; {
		case w == "along" || w == "near" || w == "outside" || w == "inside" || w == "around" || w == "across" || w == "behind" || w == "beside" ||
			w == "opposite" || w == "at" || w == "in" || w == "under":
		case len(w) > 5 && strings.HasSuffix(w, "ing") && !d.lex.in("determiners", d.toks[p-1].low):
		// ("residents gathered around a television in a café said",
		// "commuters stranded by the suspension of services said": a
		// past participle after the people.)
		// (Not a verb with its object: "residents waved banners and
		// shouted".)
		case len(w) > 4 && strings.HasSuffix(w, "ed") && p < j-1 && d.isWord(p+1) && (d.prepositionWord(d.toks[p+1].low) || d.toks[p+1].low == "around" || d.toks[p+1].low == "along"):
		default:
			continue
		}
		h := p - 1
		if p == j || !d.isWord(h) || d.toks[h].inQ || !(d.pluralPeople(h) || d.toks[h].capit && d.sentStart(h) && d.pluralPeopleWord(d.toks[h].low) || !d.toks[h].capit && plural(d.toks[h].low)) {
			continue
		}
		a, _ := d.npEnd(h, lo)
		// (After a count: "Dozens of relatives".)
		if q := a - 2; q >= lo && d.isWord(a-1) && d.toks[a-1].low == "of" && d.isWord(q) && (countedPlural(d.toks[q].low) || quantifierWord(d.toks[q].low)) {
			a = q
		}
		if a <= h && d.clauseOpensAt(a, lo) {
			j = h
		}
		break
	}
	// "A lawyer representing the family said", "Residents living near the
	// plant told": a participle right after a noun for people opens a
	// reduced relative clause; the noun is the subject, not the participle's
	// object.
	for x := j; x > lo && x >= j-6 && d.isWord(x) && !d.toks[x].inQ; x-- {
		w := d.toks[x].low
		if d.toks[x].capit || len(w) < 6 || !strings.HasSuffix(w, "ing") {
			continue
		}
		// ("the meeting", "a shooting": a noun in -ing after an article;
		// the participle is further back.)
		if p := x - 1; d.isWord(p) && d.lex.in("determiners", d.toks[p].low) {
			continue
		}
		// (Not a participle inside a title: "chief operating officer".)
		if n := x + 1; n > j || !d.isWord(n) || d.peopleAt(n) || d.isTitle(d.toks[n].low) {
			break
		}
		if p := x - 1; d.isWord(p) && !d.toks[p].inQ && d.lowerAt(p) && d.peopleAt(p) && !d.possessive(p) {
			if a, _ := d.npEnd(p, lo); a <= p && d.clauseOpensAt(a, lo) {
				j = p
			}
		}
		break
	}
	// ("A voter interviewed outside the polling station said", "The
	// official charged with running the inquiry said": so does a past
	// participle and a preposition after it, the passive's phrase.)
	// (Within the subject: not past a verb of saying or an auxiliary, "A
	// French official briefed on the investigation said Mr. Abaaoud had
	// mentioned".)
	for x := j; x > lo && x >= j-7 && d.isWord(x) && !d.toks[x].inQ; x-- {
		w := d.toks[x].low
		ed := strings.HasSuffix(w, "ed")
		passive := ed && !d.toks[x].capit && x+1 <= j && d.isWord(x+1) && d.lex.in("prepositions", d.toks[x+1].low) && d.toks[x+1].low != "by"
		if !passive {
			if x < j && (d.cueAt(x) > 0 || !ed && d.lex.in("auxiliaries", w)) {
				break
			}
			continue
		}
		if p := x - 1; d.isWord(p) && !d.toks[p].inQ && d.lowerAt(p) && d.peopleAt(p) && !d.possessive(p) {
			if a, _ := d.npEnd(p, lo); a <= p && d.clauseOpensAt(a, lo) {
				j = p
			}
		}
		break
	}
	// "the owner of a noodle shop that has served workers for 30 years
	// put it": a restrictive relative clause with "that" and a verb of
	// its own; its head is before it.
	for k := j; k > lo+1 && k >= j-15 && d.isWord(k) && !d.toks[k].inQ; k-- {
		if d.toks[k].low != "that" || d.toks[k].capit || !d.isWord(k+1) || !d.isWord(k-1) || d.toks[k-1].capit {
			continue
		}
		// (A cue between is the clause's own verb: no relative clause.)
		if d.hasCue(k+1, j) {
			break
		}
		if p := d.toks[k-1].low; d.lex.in("determiners", p) || d.lex.in("pronouns", p) || d.lex.in("prepositions", p) || d.verbish(p) || d.adverbAt(k-1) {
			break
		}
		// (Only the clause's own subject: "rejected the offer that was put
		// to them and Tom Vale said", "In a statement that was released
		// the company said" keep theirs.)
		a := d.npStartPast(k-1, lo, "of", "for", "at")
		if !d.clauseOpensAt(a, lo) {
			break
		}
		switch n := d.toks[k+1].low; n {
		case "has", "have", "had", "is", "was", "are", "were", "will", "would", "can", "could":
			j = k - 1
		}
		break
	}
	// "Several graziers whose properties border the lease told",
	// "Residents who live near the plant said": a restrictive relative
	// clause on a noun for people, with no cue of its own; its head is
	// before it.
	for k := j; k > lo && k >= j-15 && d.isWord(k) && !d.toks[k].inQ; k-- {
		if d.toks[k].low != "who" && d.toks[k].low != "whose" || d.toks[k].capit || !d.isWord(k-1) || d.toks[k-1].capit && !d.sentStart(k-1) {
			continue
		}
		if d.hasCue(k+1, j+1) {
			break
		}
		// (The clause ends in a lower-case word that is no one's, with a
		// word of its own between: "whose lawyer told", "whose spokesman
		// Tom Vale said", "whose votes the minister said" leave the cue to
		// the clause's own subject.)
		if end := d.toks[j]; j < k+2 || end.capit || d.lex.in("personheads", end.low) || d.lex.in("groupheads", end.low) {
			break
		}
		// ("Members of the public who witnessed the crash said": the
		// people before "of the" are the head.)
		if d.peopleAt(k-1) || k-4 >= lo && d.isWord(k-2) && d.toks[k-2].low == "the" && d.isWord(k-3) && d.toks[k-3].low == "of" && d.isWord(k-4) && d.peopleAt(k-4) {
			j = k - 1
		}
		break
	}
	// "Medtronic, which is incorporated in Dublin, Ireland, and run from
	// Minneapolis, said": a relative clause set off by commas may hold
	// commas of its own; the subject is before it.
	if d.isPunct(j, ",") {
		for k := j - 1; k > lo && k >= j-30 && !d.toks[k].sentEnd && !d.toks[k].inQ && d.toks[k].kind != kMark; k-- {
			if !d.isWord(k) || d.toks[k].capit || (d.toks[k].low != "who" && d.toks[k].low != "which") || !d.isPunct(k-1, ",") {
				continue
			}
			if p := k - 2; p >= lo && d.isWord(p) && (d.toks[p].capit || d.lex.in("orgheads", d.toks[p].low) || d.lex.in("groupheads", d.toks[p].low)) {
				j = k - 1
			}
			break
		}
	}
	// "The Lima Group, a bloc of countries including Brazil, Colombia and
	// Peru, said": an apposition set off by commas that holds a list of its
	// own; the subject is before it.
	if d.isPunct(j, ",") {
		// (A list: commas and "and", "or" or "including"; not "a
		// solicitor for Doyle, Imran Sheikh, said", a name in apposition.)
		inner, list := false, false
		for k := j - 1; k > lo+1 && k >= j-30 && !d.toks[k].sentEnd && !d.toks[k].inQ && d.toks[k].kind != kMark; k-- {
			if d.isWord(k) && (d.toks[k].low == "and" || d.toks[k].low == "or" || d.toks[k].low == "including") {
				list = true
			}
			if !d.isPunct(k, ",") {
				continue
			}
			// ("Mr Parish, chairman of the environment, food and rural
			// affairs committee, said": so an apposition opening on a role.)
			// ("The Space Agency, part of the Ministry of Business,
			// Innovation and Employment, said": so one on "part of".)
			if w := d.toks[k+1]; d.isWord(k+1) && !w.capit && (w.low == "a" || w.low == "an" || w.low == "part" && d.isWord(k+2) && d.toks[k+2].low == "of" || d.roleWord(w.low) && d.isWord(k-1) && d.toks[k-1].capit) {
				if p := k - 1; inner && list && d.isWord(p) && (d.toks[p].capit || d.lex.in("orgheads", d.toks[p].low) || d.lex.in("groupheads", d.toks[p].low)) {
					j = p
				}
				break
			}
			inner = true
		}
	}
	// "But in letters sent in recent days, Chris Lezo of the IRS office
	// in Detroit, told": a person named with their body and a stray comma
	// before the cue, after a phrase opening the sentence.
	if d.isPunct(j, ",") {
		if r, a, ok := d.personOfBodyAfterOpener(j, lo); ok {
			return r, a
		}
	}
	// "Tom Vale, 52, of Leeds, told": an age and a place of origin set off
	// by commas are asides; the subject is before them.
	skipped := false
	for n := 0; n < 3 && d.isPunct(j, ","); n++ {
		k := j - 1
		for k >= lo && d.isWord(k) && !d.toks[k].inQ {
			k--
		}
		if !d.isPunct(k, ",") || k+1 > j-1 {
			break
		}
		first := d.toks[k+1]
		age := k+1 == j-1 && isDigits(first.low)
		// "Sen. Ana Ruiz, D-Calif., said": a party-and-state tag too.
		age = age || d.partyTag(k+1) && j-1-(k+1) <= 1
		origin := !first.capit && (first.low == "of" || first.low == "from") && j-1-(k+1) <= 4
		// "Vale, who has denied wrongdoing, said": a relative clause too.
		// "Toyota's union, which represents 20,000 workers, said": so is
		// "which" after a body.
		relative := false
		if !first.capit && k-1 >= lo && d.isWord(k-1) {
			named := d.toks[k-1].capit
			switch first.low {
			case "who", "whose":
				// ("A works council member at the plant, who asked not to
				// be named, said": a person's noun before it, past the
				// phrases that follow the noun.)
				relative = named || d.peopleNPBefore(k-1, lo)
			case "which":
				relative = named || d.lex.in("orgheads", d.toks[k-1].low) || d.lex.in("groupheads", d.toks[k-1].low)
			}
		}
		// "Ana Ruiz of the University of Leeds in Leeds, England, said": a
		// place after a place's comma says where the place is.
		place := d.mentionStart(k+1) == k+1 && d.placeAfterPlace(k, j)
		// ("Several shopkeepers in Dong-gu, the district around the
		// shipyard, said": what kind of place the place before is.)
		place = place || k-1 >= lo && d.isWord(k-1) && d.toks[k-1].capit && d.personAt(k-1) < 0 && (first.low == "the" || first.low == "a") && d.isWord(k+2) && placeNoun(d.toks[k+2].low)
		// "The jury, chaired by director Kang Min-seo, praised": a
		// participle and its agent set off by commas say who leads or
		// joins the subject; the subject is before them.
		// (Not after a text: "The report, prepared by the World Bank,
		// said" is the agent's.)
		agent := !first.capit && d.participle(first.low) && d.isWord(k+2) && d.toks[k+2].low == "by" && j-1 > k+2 && !(d.isWord(k-1) && d.lex.in("docheads", d.toks[k-1].low))
		// "One councillor who voted against it, speaking on condition of
		// anonymity, said": a participle of speaking set off by commas.
		speaking := !first.capit && strings.HasSuffix(first.low, "ing") && (d.cueAt(k+1) > 0 || first.low == "citing" || first.low == "referring") && j-1-(k+1) <= 12
		// "The Space Agency, part of the Ministry of Business, said": a
		// body's parent set off by commas is an aside.
		partOf := !first.capit && k+2 < j && d.isWord(k+2) && (first.low == "part" && d.toks[k+2].low == "of" ||
			(first.low == "a" || first.low == "an") && k+3 < j && d.isWord(k+3) && d.toks[k+3].low == "of" && subsidiaryNoun(d.toks[k+2].low))
		if !age && !origin && !relative && !place && !agent && !speaking && !partOf {
			break
		}
		j, skipped = k, true
	}
	// ("Speaking in Tokyo on Sunday, the prime minister, 54, said": the
	// phrase right before the asides is the subject, whatever opens the
	// sentence before it.)
	if skipped && d.isPunct(j, ",") && !d.isPunct(j-1, ",") {
		// (Not an apposition after a person's name: "Dr. Ken Ito, a
		// biologist in Osaka, Japan, called" is Ito's.)
		if a, b := d.npEnd(j-1, lo); a <= b && d.clauseOpensAt(a, lo) && !(a-2 >= lo && d.isPunct(a-1, ",") && d.personAt(a-2) >= 0) {
			// ("Several shopkeepers in Dong-gu, the district ..., said":
			// people before a phrase of place.)
			for x := a; x < b; x++ {
				if d.pluralPeople(x) && d.isWord(x+1) && (d.toks[x+1].low == "in" || d.toks[x+1].low == "at" || d.toks[x+1].low == "from") {
					b = x
					break
				}
			}
			if r := d.speakerFromNP(a, b); r.ok() {
				return r, a
			}
		}
		// ("One councillor who voted against the motion, speaking ...,
		// said": before the asides, a restrictive relative clause on a
		// noun for people that opens the clause.)
		for k := j - 1; k > lo && k >= j-15 && d.isWord(k) && !d.toks[k].inQ; k-- {
			if d.toks[k].low != "who" || d.toks[k].capit || d.hasCue(k+1, j) {
				continue
			}
			if d.peopleAt(k - 1) {
				if a, b := d.npEnd(k-1, lo); a <= b && d.clauseOpensAt(a, lo) {
					if r := d.speakerFromNP(a, b); r.ok() {
						return r, a
					}
				}
			}
			break
		}
	}
	if d.isPunct(j, ",") {
		k := j - 1
		for k >= lo && !d.isPunct(k, ",") && !d.toks[k].sentEnd && d.toks[k].kind != kMark && j-k < 30 {
			k--
		}
		if k >= lo && d.isPunct(k, ",") {
			aa, ab := k+1, j-1
			// ", while the novelist Ana Lind, who ..., called": a clause
			// opened by a conjunction has its subject after it.
			if aa < ab && d.isWord(aa) && !d.toks[aa].capit && (d.toks[aa].low == "while" || d.toks[aa].low == "whereas") {
				if r := d.speakerFromNP(aa+1, ab); r.ok() {
					return r, aa + 1
				}
			}
			pa, pb := d.npEnd(k-1, lo)
			// "Tom Vale, of the Herald, one of her sons, stated": the phrase
			// before is itself an aside; the subject is before its comma.
			// "Ada Brook, 52, a nurse, said": so is an age.
			for pa <= pb && ((!d.toks[pa].capit && d.lex.in("prepositions", d.toks[pa].low)) || (pa == pb && isDigits(d.toks[pa].low))) && d.isPunct(pa-1, ",") {
				k = pa - 1
				pa, pb = d.npEnd(k-1, lo)
			}
			// "Kim, speaking through his interpreter, Ana Lee, then
			// joked": a name in apposition to the object of a participle
			// aside is no subject; the subject is before the aside.
			if pa <= pb {
				for c0 := pa - 1; c0 > lo && c0 >= pa-8; c0-- {
					if !d.isPunct(c0, ",") {
						continue
					}
					if d.isWord(c0+1) && !d.toks[c0+1].capit && strings.HasSuffix(d.toks[c0+1].low, "ing") {
						if sa, sb := d.npEnd(c0-1, lo); sa <= sb && d.isNameNP(sa, sb) {
							return d.speakerFromNP(sa, sb), sa
						}
					}
					break
				}
			}
			// "The agency, the National Forest Corporation (CONAF),": a
			// short parenthesis closing the appositive (an acronym, a
			// party tag) is the name's aside.
			if d.isPunct(ab, ")") {
				for k := ab - 1; k > aa && k >= ab-4; k-- {
					if d.isPunct(k, "(") {
						ab = k - 1
						break
					}
				}
			}
			// "Her colleague, Sen. Marta Quill of the Greens,": the body
			// the named person belongs to may close the appositive.
			for o := aa + 1; o < ab; o++ {
				if d.ofBodyAfter(o) == ab+1 && (d.isNameNP(aa, o-1) || d.roleThenName(aa, o-1)) {
					ab = o - 1
					break
				}
			}
			// "The study's lead author, doctoral candidate Ravi Shah,":
			// an appositive that ends with a name is a name.
			apposName := d.isNameNP(aa, ab) || d.roleThenName(aa, ab)
			// "The regulator, the Energy Authority, said": a body's name
			// with its "the".
			if !apposName && aa < ab && d.isWord(aa) && d.toks[aa].low == "the" && d.isNameNP(aa+1, ab) {
				if e := d.entityAt(ab); e >= 0 && d.ents[e].Type == "ORG" {
					aa, apposName = aa+1, true
				}
			}
			// "Outside Parliament, the Law Society, which ..., said": a
			// place phrase opening the sentence is no subject; the phrase
			// after its comma is.
			// ("However, Ana Ruiz, who chairs the board, said": nor is a
			// sentence adverb.)
			if pa <= pb && (d.sentStart(pa) && d.prepositionWord(d.toks[pa].low) || pa > 0 && d.isWord(pa-1) && d.sentStart(pa-1) && d.prepositionWord(d.toks[pa-1].low) ||
				pa == pb && d.sentStart(pa) && d.sentenceAdverb(d.toks[pa].low)) {
				if r := d.speakerFromNP(aa, ab); r.ok() {
					return r, aa
				}
			}
			// ("Kestrel's CTO, Ana Ruiz,": a role a possessive opens is
			// no name, though its words are capitalised.)
			possRole := false
			for x := pa; x < pb; x++ {
				possRole = possRole || d.possessive(x)
			}
			// ("The head of the dissolved Congress, Ana Ruiz,": a
			// participle before the name the phrase ends with makes it a
			// description.)
			participle := d.isWord(pa-1) && !d.toks[pa-1].capit && !d.toks[pa-1].inQ && strings.HasSuffix(d.toks[pa-1].low, "ed") && pa-1 >= lo
			// ("A spokesperson for the warehouse operator, Northway
			// Logistics, said": a body's name renames the complement of the
			// person's noun, not the person, who speaks unnamed.)
			if e := d.entityAt(ab); apposName && pa < pb && e >= 0 && d.ents[e].Type == "ORG" {
				for x := pa + 1; x < pb; x++ {
					if w := d.toks[x].low; w != "for" && w != "of" && w != "at" || !d.isWord(x-1) || d.toks[x-1].capit {
						continue
					}
					if h := d.toks[x-1].low; d.lex.in("personheads", h) || d.lex.in("personnouns", h) {
						if r := d.speakerFromNP(pa, pb); r.ok() && r.typ == SpeakerPerson {
							return r, pa
						}
					}
					break
				}
			}
			if apposName && (pa > pb || !d.isNameNP(pa, pb) || possRole || participle || d.isTitle(d.toks[pb].low) || d.lex.in("determiners", d.toks[pa].low)) {
				start := aa - 1
				if pa <= pb {
					start = pa
				}
				return d.speakerFromNP(d.givenName(aa, ab), ab), start
			}
			if pa <= pb {
				// "The lawsuit, filed by the land council in March,
				// claimed": a text's issuer in the aside speaks.
				if r := d.issuerInAside(pb, aa, ab); r.ok() {
					return r, pa
				}
				return d.speakerFromNP(pa, pb), pa
			}
			return ref{}, c
		}
		j--
	}
	a, b := d.npEnd(j, lo)
	if a > b {
		return ref{}, c
	}
	// "with Vale describing": the participle's subject follows "with".
	if d.toks[a].low == "with" && strings.HasSuffix(d.toks[c].low, "ing") && a < b {
		return d.speakerFromNP(a+1, b), a
	}
	// "A letter seen by the Herald says": the agent of a relaying
	// participle after the subject's head only saw the words; the head
	// speaks ("a decree signed by the Pope" is the Pope's).
	if d.toks[a].low == "by" && !d.toks[a].capit && a-1 >= lo && d.isWord(a-1) && !d.toks[a-1].capit && d.lex.in("relayed", d.toks[a-1].low) {
		if pa, pb := d.npEnd(a-2, lo); pa <= pb {
			return d.speakerFromNP(pa, pb), pa
		}
	}
	// "A message posted on Telegram said", "A statement read on Al Masirah
	// television said": the channel a text went out on is no speaker; the
	// text speaks for its issuer.
	if w := d.toks[a].low; (w == "on" || w == "over" || w == "via") && a-2 >= lo && d.isWord(a-1) && !d.toks[a-1].capit &&
		(d.participle(d.toks[a-1].low) || d.toks[a-1].low == "read" || d.toks[a-1].low == "broadcast") && d.isWord(a-2) && d.lex.in("docheads", d.toks[a-2].low) && !d.lex.in("personheads", d.toks[a-2].low) {
		if pa, pb := d.npEnd(a-2, lo); pa <= pb {
			return d.speakerFromNP(pa, pb), pa
		}
	}
	// "The Israeli mission to the UN in Geneva called": a place or body in
	// phrases after the subject's head only says where it is; the head,
	// a body or a person, speaks.
	if h, ok := d.headBeforePlacePhrases(a, lo); ok {
		if pa, pb := d.npEnd(h, lo); pa <= pb {
			return d.speakerFromNP(pa, pb), pa
		}
	}
	// "Speaking at the summit Okafor told": a participle phrase opening the
	// sentence with no comma after it; the name that ends it is the
	// subject.
	if !d.toks[a].capit && d.lex.in("prepositions", d.toks[a].low) && a-1 >= lo && d.isWord(a-1) && d.toks[a-1].capit && d.sentStart(a-1) &&
		strings.HasSuffix(d.toks[a-1].low, "ing") && d.entityAt(a-1) < 0 && d.toks[b].capit {
		t := b
		if d.entityAt(b) >= 0 {
			t = d.mentionStart(b)
		}
		for d.entityAt(b) < 0 && t-1 > a && d.isWord(t-1) && d.toks[t-1].capit {
			t--
		}
		if t > a {
			if r := d.speakerFromNP(t, b); r.ok() {
				return r, t
			}
		}
	}
	// "Vale, on Sunday told": an adverbial phrase, the subject is before it.
	// (Not a quantity: "Outside, about fifty neighbours chanted".)
	if !d.toks[a].capit && d.lex.in("prepositions", d.toks[a].low) && a-1 >= lo && (d.isPunct(a-1, ",") || d.isWord(a-1)) && d.quantityEnd(a, b+1) == a {
		if r, s := d.subjectLeft(a, lo); r.ok() {
			return r, s
		}
	}
	// "Analysts at Kestrel Bank said", "Observers from the European Union
	// said": people of a body, in the plural, speak as a group; the body
	// only says where they are from.
	if r, ok := d.peopleAtBody(a, b); ok {
		return r, a
	}
	// "Ada Brook, president of the Kestrel Trust (KT) said": a role set
	// off by one comma after a person's name, its closing comma left out,
	// is the person's.
	if d.isPunct(a-1, ",") && d.isWord(a) && !d.toks[a].capit && d.roleWord(d.toks[a].low) {
		if pa, pb := d.npEnd(a-2, lo); pa <= pb && d.personAt(pb) >= 0 && d.isNameNP(pa, pb) {
			return d.speakerFromNP(pa, pb), pa
		}
	}
	return d.speakerFromNP(a, b), a
}

// lowerAt reports a word written without a capital, or whose capital only
// opens its sentence ("Residents", no name): a common word.
func (d *doc) lowerAt(x int) bool {
	return !d.toks[x].capit || d.sentStart(x) && d.entityAt(x) < 0
}

// postAdjective reports an adjective that follows a noun for people with a
// phrase of its own ("an official familiar with the talks", "sources close
// to the minister").
func postAdjective(w string) bool {
	switch w {
	case "familiar", "close", "aware", "involved", "knowledgeable", "loyal", "opposed", "sympathetic", "responsible", "present":
		return true
	}
	return false
}

// issuerInAside reads the agent of a participle opening the aside aa..ab
// after a text's head noun at h ("The report, written by three
// economists,"): who issued the text. Who only saw or obtained it
// ([relayed]) is no issuer.
func (d *doc) issuerInAside(h, aa, ab int) ref {
	if !d.isWord(h) || d.toks[h].capit || !d.lex.in("docheads", d.toks[h].low) || !d.isWord(aa) || d.toks[aa].capit ||
		!d.participle(d.toks[aa].low) || d.lex.in("relayed", d.toks[aa].low) {
		return ref{}
	}
	for k := aa + 1; k <= ab && k <= aa+3; k++ {
		if d.isWord(k) && d.toks[k].low == "by" {
			if a, b := d.npRight(k+1, ab+1); a <= b {
				return d.speakerFromNP(a, b)
			}
			return ref{}
		}
	}
	return ref{}
}

// dashAsideOpen returns the dash that opens an aside closed by the dash at
// j, in j's sentence after lo and within 24 tokens, with no quote, verb
// of saying or other dash inside; or -1.
func (d *doc) dashAsideOpen(j, lo int) int {
	dash := func(x int) bool { return d.isPunct(x, "—") || d.isPunct(x, "–") }
	if j <= lo || !dash(j) {
		return -1
	}
	for x := j - 1; x > lo && x >= j-24; x-- {
		if d.toks[x].inQ || d.toks[x].kind == kMark || d.toks[x].sentEnd || d.cueAt(x) > 0 {
			return -1
		}
		if dash(x) {
			// (An aside that names someone: not "— brutally so —".)
			named := false
			for y := x + 1; y < j; y++ {
				named = named || d.isWord(y) && d.toks[y].capit
			}
			if x > lo && d.isWord(x-1) && named {
				return x
			}
			return -1
		}
	}
	return -1
}

// npEnd reads a noun phrase leftwards from token j: words, not crossing
// punctuation, quotes, clause openers or verbs.
func (d *doc) npEnd(j, lo int) (int, int) {
	if j < lo || !d.isWord(j) || d.toks[j].inQ {
		return j + 1, j
	}
	if d.lex.in("pronouns", d.toks[j].low) {
		return j, j
	}
	k := j
	for k >= lo && k > j-maxNP && (d.isWord(k) && !d.toks[k].inQ || d.pluralPossessive(k) || d.nameAmpersand(k) || d.nameColon(k)) {
		t := d.toks[k]
		// ("Protest" as a heading of its own, then "About 200 protesters
		// gathered": a phrase ends where its sentence or paragraph does.)
		if k < j && (t.sentEnd || t.para != d.toks[j].para) {
			break
		}
		// "and" may join two parts of one subject ("X of Y and contributor to Z"), never end it.
		// (A participle between a determiner and the head is an
		// adjective: "the freed man", "a retired teacher".)
		// (Nor a word between an age and the head: "the 31-year-old point
		// guard".)
		if !t.capit && ((d.lex.in("clause", t.low) && (t.low != "and" || k == j)) || d.verbish(t.low) && !d.participleAdjective(k, j) && !(k < j && d.isWord(k-1) && ageNoun(d.toks[k-1].low))) {
			break
		}
		// ("Her list includes a doctor": no lists know every verb in the
		// present; a word in -s right before an article is one.)
		if k < j && d.presentBeforeArticle(k) {
			break
		}
		// (Only before a name, a role or a determiner: "chairs the panel
		// and attend student union nights" joins two verb phrases.)
		if t.low == "and" && k < j && d.isWord(k+1) && !d.toks[k+1].capit && !d.roleWord(d.toks[k+1].low) &&
			!d.isTitle(d.toks[k+1].low) && !d.lex.in("determiners", d.toks[k+1].low) && !d.lex.in("groupheads", d.toks[k+1].low) &&
			!d.sharedModifiers(k, j) {
			break
		}
		// ("Outside the conference centre, protesters": a preposition
		// opening the sentence before an article opens no noun phrase.)
		if t.capit && (d.lex.in("clause", t.low) || d.prepositionWord(t.low) && d.sentStart(k) && k < j && d.lex.in("determiners", d.toks[k+1].low)) {
			break
		}
		// ("Speaking at the summit Okafor told": a participle opening the
		// sentence opens a phrase of its own, no name.)
		// (Its object or phrase follows: "Speaking at", "Addressing the";
		// "Reading fans" is a town's fans.)
		if t.capit && k < j && d.sentStart(k) && strings.HasSuffix(t.low, "ing") && d.entityAt(k) < 0 && d.isWord(k+1) && !d.toks[k+1].capit &&
			(d.lex.in("prepositions", d.toks[k+1].low) || d.lex.in("determiners", d.toks[k+1].low)) {
			break
		}
		// "At the briefing in Jakarta one reporter", "On Wednesday the
		// company": a determiner right after a name opens a phrase of its
		// own.
		if k < j && !t.capit && articleWord(t.low) && k-1 >= lo && d.isWord(k-1) && d.toks[k-1].capit && !d.toks[k-1].inQ && !d.sentStart(k) && !d.isTitle(d.toks[k-1].low) && !d.nameWithArticle(k) {
			k--
			break
		}
		// "the analysis of its own data": a possessive after a
		// preposition stays inside the phrase; one opening it ("his
		// spokeswoman") is its determiner.
		if k < j && d.lex.in("pronouns", t.low) && !(possessivePronoun(t.low) && k-1 >= lo && d.isWord(k-1) && d.lex.in("prepositions", d.toks[k-1].low)) {
			if possessivePronoun(t.low) {
				k--
			}
			break
		}
		k--
	}
	return k + 1, j
}

// sharedModifiers reports an "and" at k between two modifiers of one
// person's noun at j, right after an article and maybe an age ("a corn and
// soybean farmer", "a 68-year-old father and grandfather" is not one: the
// word before "and" is a noun for a person of its own).
func (d *doc) sharedModifiers(k, j int) bool {
	if j-k > 3 || !d.isWord(j) || !d.lex.in("personnouns", d.toks[j].low) && !d.lex.in("personheads", d.toks[j].low) {
		return false
	}
	m := k - 1
	if !d.isWord(m) || d.toks[m].capit || d.verbish(d.toks[m].low) || d.lex.in("personnouns", d.toks[m].low) || d.lex.in("personheads", d.toks[m].low) {
		return false
	}
	for x := k + 1; x < j; x++ {
		if !d.isWord(x) || d.toks[x].capit || d.verbish(d.toks[x].low) {
			return false
		}
	}
	a := m - 1
	if d.isWord(a) && ageNoun(d.toks[a].low) {
		a--
	}
	return d.isWord(a) && (d.toks[a].low == "a" || d.toks[a].low == "an" || d.toks[a].low == "the")
}

// participleAdjective reports a participle at k between a determiner and
// the head j of a noun for a person: "the freed man", "a retired teacher"
// ("the board had" is no phrase: "had" is no participle).
func (d *doc) participleAdjective(k, j int) bool {
	if k >= j || !d.isWord(k+1) || d.toks[k+1].capit {
		return false
	}
	// (A past participle only: WordNet's irregular forms include present
	// participles, and "the planning officer", "the visiting professor"
	// name a role, not what became of someone.)
	w := d.toks[k].low
	if !strings.HasSuffix(w, "ed") && !d.lex.in("irregular", w) || strings.HasSuffix(w, "ing") || d.cueAt(k) > 0 {
		return false
	}
	// (`"...," registered dietitian Amanda Miller told`: with no
	// determiner, a participle opening the phrase right after a quote,
	// before a person's noun and the person's name; not "Zelinska,
	// who chairs the union, addressed members".)
	if !d.isWord(k - 1) {
		n := d.toks[k+1].low
		// (Not a group's plural alone: after `Lind called the plan "...,"`
		// the words of "excited supporters said" are still hers.)
		closed := func(x int) bool { return x >= 0 && d.toks[x].kind == kMark }
		return (closed(k-1) || d.isPunct(k-1, ",") && closed(k-2)) && (d.lex.in("personheads", n) || d.lex.in("personnouns", n)) &&
			d.isWord(k+2) && d.toks[k+2].capit && d.personAt(k+2) >= 0 && d.mentionStart(k+2) == k+2
	}
	switch d.toks[k-1].low {
	case "the", "a", "an", "his", "her", "their", "its", "this", "that":
	default:
		return false
	}
	// (Right before the head only: "an unidentified third officer" may be
	// one of a list after "by".)
	n := d.toks[k+1].low
	return k+1 == j && (d.lex.in("personheads", n) || d.lex.in("personnouns", n) || d.lex.in("groupheads", n) || n == "man" || n == "woman")
}

// articleWord reports a word that opens a noun phrase: an article, a
// demonstrative or a count ("one reporter", "the company").
func articleWord(w string) bool {
	switch w {
	case "the", "a", "an", "one", "this", "these", "those", "some", "several", "two", "three":
		return true
	}
	return false
}

// nameAmpersand reports an ampersand between two capitalised words, inside
// a name ("Johnson & Johnson", "School of Hygiene & Tropical Medicine").
func (d *doc) nameAmpersand(k int) bool {
	return d.isPunct(k, "&") && d.isWord(k-1) && d.isWord(k+1) && d.toks[k-1].capit && d.toks[k+1].capit && !d.toks[k-1].inQ
}

// pluralPossessive reports the apostrophe of a plural possessive inside a
// noun phrase ("the families' lawyer"), which does not end the phrase.
func (d *doc) pluralPossessive(k int) bool {
	return (d.isPunct(k, "'") || d.isPunct(k, "’")) && d.isWord(k-1) && d.isWord(k+1) && !d.toks[k-1].inQ &&
		d.toks[k].s == d.toks[k-1].e && d.toks[k+1].s > d.toks[k].e && strings.HasSuffix(d.toks[k-1].low, "s")
}

// possessivePronoun reports a possessive determiner.
func possessivePronoun(w string) bool {
	switch w {
	case "its", "his", "her", "their", "our", "my", "your":
		return true
	}
	return false
}

// verbish reports lower-case words that end a noun phrase: participles and
// auxiliaries.
func (d *doc) verbish(w string) bool {
	if d.lex.in("personheads", w) || d.lex.in("groupheads", w) {
		return false
	}
	switch w {
	case "is", "was", "are", "were", "be", "been", "has", "had", "have", "will", "would", "can", "could", "did", "does", "do", "may", "might", "must", "should",
		"read", "reads": // "a statement from the board read:"
		return true
	}
	if d.lex.in("verbs", w) || d.lex.in("irregular", w) {
		return true
	}
	return strings.HasSuffix(w, "ed") && len(w) > 4
}

// presentBeforeArticle reports a lower-case word in -s right before "a",
// "an" or "the" that is no preposition, adverb or determiner: a verb in
// the present ("includes a doctor", "runs the shop"), since a noun in the
// plural is not followed by an article inside one noun phrase.
func (d *doc) presentBeforeArticle(k int) bool {
	if !d.presentForm(k) || d.toks[k+1].low != "a" && d.toks[k+1].low != "an" && d.toks[k+1].low != "the" {
		return false
	}
	w := d.toks[k].low
	return w != "towards" && w != "besides" && w != "unless" && w != "whereas" && w != "perhaps" && w != "always" && w != "sometimes"
}

// presentForm reports a lower-case word in -s at k (not "ss", not a
// possessive, nor a preposition, determiner, clause word, sentence
// adverb or pronoun) with a word after it: the shape of a verb in the
// present, which presentBeforeArticle and presentAfterName read by what
// follows.
func (d *doc) presentForm(k int) bool {
	t := d.toks[k]
	if !d.isWord(k) || t.capit || t.inQ || len(t.low) < 4 || !strings.HasSuffix(t.low, "s") || strings.HasSuffix(t.low, "ss") || d.possessive(k) || !d.isWord(k+1) {
		return false
	}
	w := t.low
	return !d.lex.in("prepositions", w) && !d.lex.in("determiners", w) && !d.lex.in("clause", w) && !d.sentenceAdverb(w) && !d.lex.in("pronouns", w)
}

// presentAfterName reports a lower-case word in -s at k (not "ss", not a
// possessive) before an article, a demonstrative or an object pronoun:
// after a name it is the name's verb in the present ("calls that into
// question", "sells the", "warns it").
func (d *doc) presentAfterName(k int) bool {
	if !d.presentForm(k) {
		return false
	}
	switch d.toks[k+1].low {
	case "a", "an", "the", "that", "this", "these", "those", "it", "them", "him", "her", "its", "his", "their":
	default:
		return false
	}
	// (Not a noun for people or bodies: "told by Lufthansa negotiators
	// that".)
	w := d.toks[k].low
	sg := strings.TrimSuffix(w, "s")
	for _, set := range []string{"personheads", "personnouns", "groupheads", "orgheads", "docheads"} {
		if d.lex.in(set, w) || d.lex.in(set, sg) {
			return false
		}
	}
	return true
}

// speechNoun reports a noun for words said ("remark", "claim").
func speechNoun(w string) bool {
	switch w {
	case "remark", "remarks", "comment", "comments", "claim", "claims", "words", "promise", "promises", "pledge", "threat", "threats", "call", "calls", "view", "views", "position", "answer", "reply", "response", "quote", "quotes", "statement", "statements", "warning", "warnings", "assertion", "description", "explanation":
		return true
	}
	return false
}

// contractedVerb reports a pronoun with a contracted "is" or "has" ("he's
// repeated"), which a possessive's spelling shares.
func contractedVerb(w string) bool {
	switch strings.Replace(w, "’", "'", 1) {
	case "he's", "she's", "it's", "that's", "there's", "who's", "what's", "here's", "where's":
		return true
	}
	return false
}

// npRight reads a noun phrase rightwards from token i up to hi.
func (d *doc) npRight(i, hi int) (int, int) {
	// ("said one of the keepers": "one" before "of" heads the phrase.)
	for i < hi && d.isWord(i) && !d.toks[i].capit && d.lex.in("determiners", d.toks[i].low) && !(d.toks[i].low == "one" && d.isWord(i+1) && d.toks[i+1].low == "of") {
		i++
	}
	k := i
	for k < hi && k < i+maxNP && (d.isWord(k) && !d.toks[k].inQ || d.pluralPossessive(k) || d.nameAmpersand(k)) {
		t := d.toks[k]
		// ("a report by the Port Alliance last year": a time after the
		// phrase is none of it.)
		if k > i && d.timePhrase(k, k+1) {
			break
		}
		// "study co-author and research fellow Ana Ruiz": two roles of
		// one person named after them.
		if t.low == "and" && k > i && d.rolesThenPerson(i, k, hi) {
			k++
			continue
		}
		// ("a Ministry of Trade and Industry official": a word inside a
		// name is the name's.)
		if e := d.entityAt(k); e >= 0 && k > i && d.entityAt(k-1) == e {
			k++
			continue
		}
		if !t.capit && t.low != "of" && t.low != "for" && (d.lex.in("prepositions", t.low) || d.lex.in("clause", t.low)) {
			break
		}
		// ("a report by the Center on Poverty and Inequality calls that
		// into question": a word in -s after a name and before an
		// article or a pronoun is the name's verb.)
		if k > i && d.toks[k-1].capit && d.entityAt(k-1) >= 0 && d.presentAfterName(k) {
			break
		}
		// ("registered dietitian Ana Ruiz", "retired teacher Tom Vale",
		// "a retired police officer": a participle opening the phrase
		// before a role, or a noun and a role, is its adjective.)
		personRole := func(x int) bool { return d.isWord(x) && d.describesPerson(x, x) }
		if !t.capit && d.verbish(t.low) && t.low != "named" && t.low != "called" && t.low != "nicknamed" &&
			!(k == i && (personRole(k+1) || d.isWord(k+1) && !d.toks[k+1].capit && !d.verbish(d.toks[k+1].low) && personRole(k+2))) {
			break
		}
		// ("told the court she was": a subject pronoun after a noun opens
		// the clause that follows.)
		if k > i && !t.capit && (t.low == "he" || t.low == "she" || t.low == "they" || t.low == "we") {
			break
		}
		k++
		if d.lex.in("pronouns", t.low) && k == i+1 {
			break
		}
	}
	return i, k - 1
}

// isNameNP reports whether tokens [a, b] are a proper name (capitalised
// words, not only titles).
func (d *doc) isNameNP(a, b int) bool {
	if a > b || b-a > 6 {
		return false
	}
	// ("the group, Citizens for Clean Water, said": one entity's mention
	// from a to b is a name, lower-case words inside it too; not a
	// person's title alone.)
	if e := d.entityAt(a); e >= 0 && d.toks[a].capit && d.mentionStart(a) == a && d.mentionEnd(a) == b && !d.isTitle(d.toks[b].low) {
		return true
	}
	allTitle := true
	for k := a; k <= b; k++ {
		t := d.toks[k]
		if !d.isWord(k) || t.inQ {
			return false
		}
		if !t.capit && !connector(t.low) {
			return false
		}
		if d.lex.in("determiners", t.low) {
			return false
		}
		if !d.isTitle(t.low) {
			allTitle = false
		}
	}
	return !allTitle
}

// connector reports lower-case particles inside names ("bin", "van").
func connector(w string) bool {
	switch w {
	case "bin", "ibn", "al", "el", "de", "van", "von", "der", "den", "da", "di", "la", "le", "du", "del", "dos", "das", "y", "bint", "ben",
		"della", "dalla", "dello", "delle", "degli", "dei", "do", "des", "ter", "te", "'t", "ap", "binti", "binte", "zu", "a/l", "a/p", "s/o", "d/o", "ole":
		return true
	}
	return false
}

// isTitle reports title words, hyphenated ones part by part ("Ex-Prime").
func (d *doc) isTitle(w string) bool {
	if d.lex.in("titles", w) {
		return true
	}
	if !strings.Contains(w, "-") {
		return false
	}
	for _, p := range strings.Split(w, "-") {
		if !d.lex.in("titles", p) {
			return false
		}
	}
	return true
}

// adverb reports adverbs: the listed ones and words in -ly ("quickly").
func (d *doc) adverb(w string) bool {
	// ("have long argued": "long" only in lower case, which adverbAt
	// asks; "Long said" is Brock Long.)
	return d.lex.in("adverbs", w) || w == "long" || (strings.HasSuffix(w, "ly") && len(w) > 4 && !d.headNoun(w))
}

// sentenceAdverb reports a word that opens a sentence as an adverb of the
// whole ("However,", "Namely,", "Meanwhile,"), never as its subject.
func (d *doc) sentenceAdverb(w string) bool {
	// (The adverbs list holds "however", "nonetheless", "meanwhile";
	// "namely" ends in -ly.)
	return d.adverb(w)
}

// adverbAt reports an adverb at token i; capitalised words in -ly are names ("Conolly").
func (d *doc) adverbAt(i int) bool {
	if d.toks[i].capit {
		return d.lex.in("adverbs", d.toks[i].low)
	}
	return d.adverb(d.toks[i].low)
}

// roleThenName reports a phrase of role words ending with a name
// ("doctoral candidate Ravi Shah"), with no preposition or verb in it.
func (d *doc) roleThenName(a, b int) bool {
	if a > b || !d.isWord(b) || !d.toks[b].capit {
		return false
	}
	s := b
	for s-1 >= a && d.isWord(s-1) && (d.toks[s-1].capit || connector(d.toks[s-1].low)) {
		s--
	}
	// "a construction worker named Arif Hidayat": the role, then the name
	// it is given.
	r := s - 1
	if r-1 >= a && d.isWord(r) && (d.toks[r].low == "named" || d.toks[r].low == "called") {
		r--
	}
	// ("the British rider Tom Ashby": any noun for a kind of person right
	// before a person's name.)
	// ("19-year-old Sara Malik": an age before a person's name.)
	if r >= a && r == s-1 && ageNoun(d.toks[r].low) && d.personAt(b) >= 0 {
		return r == a || r == a+1 && d.lex.in("determiners", d.toks[a].low)
	}
	if r < a || !d.roleWord(d.toks[r].low) && !((r < s-1 || d.personAt(b) >= 0) && d.lex.in("personnouns", d.toks[r].low)) {
		return false
	}
	for k := a; k < r; k++ {
		w := d.toks[k].low
		// ("retired teacher Ana Lind": a participle right before the role
		// is its adjective.)
		if !d.isWord(k) || d.lex.in("prepositions", w) || d.verbish(w) && !(k == r-1 && strings.HasSuffix(w, "ed")) {
			return false
		}
	}
	return true
}

// givenName is where the name starts in "a teacher named Lina Okafor"
// ([a, b]): after "named" or "called"; else a.
func (d *doc) givenName(a, b int) int {
	for k := b - 1; k > a; k-- {
		if !d.isWord(k) || d.toks[k].capit || connector(d.toks[k].low) {
			continue
		}
		if d.toks[k].low == "named" || d.toks[k].low == "called" {
			return k + 1
		}
		break
	}
	return a
}

// appositionName reads `ORG, ROLE, Name` after an inverted cue: the noun
// phrase [a, b] is followed by comma-separated segments up to end, and the
// last one is a name after an organisation or a role noun.
func (d *doc) appositionName(a, b, end int) (ref, bool) {
	// ("says Tobias Lund, spokesperson for the watchdog, Datavakt": a
	// person named first speaks; the name after is the body's.)
	if e := d.entityAt(b); e >= 0 && d.ents[e].Type == "PERSON" && d.isNameNP(a, b) {
		return ref{}, false
	}
	// ("says Jack Morrow of Harlow Care Corp., Piscataway, N.J.": nor a
	// person named with the body they are of; the names after it are
	// the body's place.)
	if e := d.entityAt(a); e >= 0 && d.ents[e].Type == "PERSON" {
		if m := d.mentionEnd(a) + 1; m < b && d.isWord(m) && (d.toks[m].low == "of" || d.toks[m].low == "at" || d.toks[m].low == "from") {
			return ref{}, false
		}
	}
	// "the senator from Ohio, John Roe": a phrase after the head may come
	// before the comma; a relative clause too ("the official who
	// succeeded Tom Vale as chair in 2017, Ana Ruiz").
	lim := b + 6
	if w := d.toks[b+1].low; d.isWord(b+1) && (w == "who" || w == "that") {
		lim = b + 30
	}
	for k := b + 1; k < end && k <= lim && (d.isWord(k) || lim > b+6 && d.isPunct(k, "'")) && !d.toks[k].inQ; k++ {
		// (Not a name that renames the clause's own singular person:
		// "the woman who found the missing girl, Lena Ortiz".)
		if d.isPunct(k+1, ",") && !(lim > b+6 && !d.toks[k].capit && !strings.HasSuffix(d.toks[k].low, "s") && (d.lex.in("personheads", d.toks[k].low) || d.lex.in("personnouns", d.toks[k].low))) {
			b = k
		}
	}
	if !d.isPunct(b+1, ",") {
		return ref{}, false
	}
	last := end
	if last > 0 && d.stop(last-1) {
		last--
	}
	s := last - 1
	for s > b+1 && d.isWord(s) {
		s--
	}
	// "said the lead author, Nadia Farrokh of the University of Tarnby.":
	// the name ends before its affiliation.
	if d.isPunct(s, ",") && s+1 <= last-1 && !d.isNameNP(s+1, last-1) {
		for k := s + 2; k < last; k++ {
			if !d.isWord(k) || d.toks[k].capit {
				continue
			}
			if w := d.toks[k].low; (w == "of" || w == "from" || w == "at") && d.isNameNP(s+1, k-1) {
				if e := d.entityAt(k - 1); e >= 0 && d.ents[e].Type == "PERSON" {
					last = k
				}
			}
			break
		}
	}
	if !d.isPunct(s, ",") || s+1 > last-1 || !d.isNameNP(s+1, last-1) {
		// "said his father, Tom Vale, after the funeral": the name in
		// apposition is set off by commas, and a phrase about the
		// occasion follows.
		s = b + 1
		e := s + 1
		for e < last && d.isWord(e) && !d.toks[e].inQ {
			e++
		}
		if !d.isPunct(e, ",") || e-1 < s+1 || !d.isNameNP(s+1, e-1) || d.lex.in("temporal", d.toks[e-1].low) {
			// "said one protester, retired teacher Wiremu Tane.": a role
			// of its own before the name.
			// (The description's own head, before a relative clause it
			// took: "said the teenager who took the penalty, 19-year-old
			// striker Gabriel Nunes.")
			hb := b
			for k := a + 1; k < b; k++ {
				if w := d.toks[k].low; d.isWord(k) && !d.toks[k].capit && (w == "who" || w == "that") {
					hb = k - 1
					break
				}
			}
			if pe, at, _ := d.appositionPersonTo(b+1, last); pe >= 0 && d.describesPerson(a, hb) {
				return d.entityRef(pe, at), true
			}
			return ref{}, false
		}
		last = e
	}
	// ("said Ana Ruiz of Leeds University in Leeds, England.": a place
	// after a place's comma says where that place is.)
	if d.placeAfterPlace(s, last) {
		return ref{}, false
	}
	orgOrRole := false
	for k := a; k <= b; k++ {
		if d.lex.in("orgheads", d.toks[k].low) {
			orgOrRole = true
		}
		// ("said Oxfam's head of policy, Nadia Daar": a role noun with
		// its "of" phrase, after an organisation's name.)
		if d.isWord(k) && !d.toks[k].capit && d.lex.in("relheads", d.toks[k].low) && k+1 <= b && d.toks[k+1].low == "of" {
			orgOrRole = true
		}
	}
	// "said the senator from Ohio, John Roe": a role anywhere before the
	// name; "said their counsel, Peter Lund": any noun for a kind of person.
	// (One of a group: "said one of the judges, Mary Hale".)
	for p := a; p < s; p++ {
		if w := d.toks[p].low; d.isWord(p) && !d.toks[p].capit && (d.roleWord(w) || d.isTitle(w) || d.lex.in("personnouns", w) || d.oneOfAt(p) && (d.roleWord(singularPerson(w)) || d.lex.in("personnouns", singularPerson(w)))) {
			orgOrRole = true
		}
	}
	if p := s - 1; d.isWord(p) && (d.roleWord(d.toks[p].low) || d.isTitle(d.toks[p].low) || d.lex.in("personnouns", d.toks[p].low)) {
		orgOrRole = true
	}
	if !orgOrRole {
		return ref{}, false
	}
	return d.nameRef(s+1, last-1), true
}

// describesPerson reports a noun phrase a..b whose head is a noun for a
// kind of person ("one protester", "a local farmer").
func (d *doc) describesPerson(a, b int) bool {
	h := d.toks[b].low
	// (Or one of a group of such people: "one of the survivors".)
	if d.oneOfAt(b) {
		if one := singularPerson(h); one != h && (d.roleWord(one) || d.lex.in("personnouns", one)) {
			return !d.toks[b].capit
		}
	}
	return !d.toks[b].capit && (d.roleWord(h) || d.lex.in("personnouns", h))
}

// cueBefore reads a cue and its subject before quote q in its sentence.
func (d *doc) cueBefore(q *qspan, prev *qspan) (ref, string) {
	p := d.paras[q.para]
	lo := p.t0
	if prev != nil {
		lo = prev.close + 1
	}
	for k := q.open - 1; k >= lo; k-- {
		if d.toks[k].sentEnd {
			lo = k + 1
			break
		}
	}
	c, n := d.lastCue(lo, q.open)
	if n == 0 || d.toks[c].low == "according" {
		return ref{}, ""
	}
	if r := d.cueSpeaker(c, n, lo, q.open, prev); r.ok() {
		return r, d.cueText(c, n)
	}
	return ref{}, ""
}

// reportedClauseSpeaker reads a cue at c inside a clause that a verb of
// saying before it reports: `Ana Lind said a neighbour had run past
// shouting "..."`, `Lind said her neighbour, Tom Obura, had banged on the
// door and told her, "..."`, `Lind recalled that an engineer had phoned
// her to say: "..."`. The reported clause's subject speaks, not the
// sentence's. Only a subject that is no pronoun, followed by a finite verb.
func (d *doc) reportedClauseSpeaker(c, lo int) (ref, bool) {
	// Only a verb of speaking aloud whose words follow it (within its
	// object), not one that sums words up ("had called it", "described
	// the plan as"), which the sentence's subject reports in its own way.
	switch d.toks[c].low {
	case "told", "telling", "shouting", "shouted", "yelling", "yelled", "screaming", "screamed", "say", "saying", "whispered", "texted":
	default:
		return ref{}, false
	}
	near := false
	for k := c + 1; k < len(d.toks) && k <= c+4; k++ {
		if d.toks[k].kind == kMark {
			near = true
			break
		}
	}
	if !near {
		return ref{}, false
	}
	// A verb of telling must tell the sentence's own subject ("told her",
	// "told them"): "said police had done their job well and told
	// reporters" tells reporters, and its subject is the sentence's.
	if w := d.toks[c].low; w == "told" || w == "telling" {
		switch o := d.toks[c+1].low; {
		case d.isWord(c+1) && (o == "her" || o == "him" || o == "them" || o == "me" || o == "us"):
		default:
			return ref{}, false
		}
	}
	for s := c - 1; s > lo; s-- {
		t := d.toks[s]
		if !d.isWord(s) || t.inQ || t.capit {
			continue
		}
		switch t.low {
		case "said", "says", "recalled", "added", "explained", "claimed", "alleged", "recounted", "described", "wrote", "told", "tells":
		default:
			continue
		}
		a := s + 1
		// ("told reporters a neighbour had run past": the one told
		// comes first.)
		if t.low == "told" || t.low == "tells" {
			if !d.isWord(a) || d.toks[a].inQ {
				return ref{}, false
			}
			// The one told ends where the clause's subject opens: at a
			// determiner or a name after it.
			m := a + 1
			for m < c && d.isWord(m) && !d.toks[m].inQ && !d.lex.in("determiners", d.toks[m].low) && !(d.toks[m].capit && !d.toks[a].capit) && m < a+4 {
				m++
			}
			if m >= c || !d.isWord(m) || m >= a+4 {
				return ref{}, false
			}
			a = m
		}
		if d.isWord(a) && d.toks[a].low == "that" {
			a++
		}
		if !d.isWord(a) || d.toks[a].inQ || a >= c {
			return ref{}, false
		}
		switch d.toks[a].low {
		case "he", "she":
			// "She said he had told her": a pronoun of the other sex than
			// the sentence's, itself a pronoun, is someone else, who
			// spoke.
			other := "he"
			if d.toks[a].low == "he" {
				other = "she"
			}
			if v := a + 1; s-1 >= lo && d.isWord(s-1) && d.toks[s-1].low == other && d.isWord(v) && v < c {
				switch d.toks[v].low {
				case "had", "has", "would", "was":
					main := d.resolvePronoun(s-1, other)
					if r := d.resolveWhere(a, d.toks[a].low, func(r ref) bool { return r.typ == SpeakerPerson && r.name != main.name }); r.ok() {
						return r, true
					}
				}
			}
			return ref{}, false
		case "they", "it", "we", "i", "you", "there", "this":
			return ref{}, false
		}
		x, b := d.npRight(a, c)
		if x > b || b+1 >= c {
			return ref{}, false
		}
		r := d.speakerFromNP(x, b)
		v := b + 1
		// ("her neighbour, Tom Obura, had": the name in apposition.)
		if d.isPunct(v, ",") {
			if e, at, end := d.appositionPerson(v); e >= 0 && end+1 < c {
				r, v = d.entityRef(e, at), end+1
				if d.isPunct(v, ",") {
					v++
				}
			} else {
				return ref{}, false
			}
		}
		if !d.isWord(v) || v >= c {
			return ref{}, false
		}
		// ("an engineer who worked on the first satellite had phoned him
		// to say": past a relative clause to the subject's own verb.)
		if w := d.toks[v].low; (w == "who" || w == "whose") && !d.toks[v].inQ {
			aux := -1
			for k := v + 2; k < c && k <= v+10 && d.isWord(k) && !d.toks[k].inQ; k++ {
				if w := d.toks[k].low; w == "had" || w == "has" || w == "have" || w == "was" || w == "were" {
					aux = k
					break
				}
			}
			if aux < 0 {
				return ref{}, false
			}
			v = aux
		}
		switch w := d.toks[v].low; {
		case w == "had" || w == "has" || w == "have" || w == "was" || w == "were" || w == "would" || w == "could":
		case strings.HasSuffix(w, "ed") && d.verbish(w):
		// ("a guard ran into the hall shouting": an irregular past.)
		case d.lex.in("irregular", w) && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "s"):
		default:
			return ref{}, false
		}
		// ("a witness heard a man shouting", "the officer found the driver
		// yelling": a participle after a verb and its object is the
		// object's; only a verb with no object, or one it said it to,
		// leaves the words to the clause's subject.)
		if strings.HasSuffix(d.toks[c].low, "ing") && d.objectBeforeParticiple(v, c) {
			return ref{}, false
		}
		// (`said Haberland would start, and that he had told`: another
		// clause, with a subject of its own, holds the cue.)
		for k := v + 1; k < c; k++ {
			// ("said the halls were safe, saying:": a participle after a
			// comma hangs on the main clause.)
			if d.isPunct(k, ",") && strings.HasSuffix(d.toks[c].low, "ing") {
				return ref{}, false
			}
			switch d.toks[k].low {
			case "that", "he", "she", "they", "we", "i", "who", "which":
				if d.isWord(k) && !d.toks[k].inQ {
					return ref{}, false
				}
			// ("was thrown out after the owner told him:": a clause of its
			// own, with its own subject; not "the night before to say".)
			case "after", "before", "when", "where", "while", "because", "until", "as", "and", "but":
				if n := k + 1; d.isWord(k) && !d.toks[k].inQ && d.isWord(n) && (d.toks[n].capit || d.lex.in("determiners", d.toks[n].low) || d.lex.in("pronouns", d.toks[n].low)) {
					return ref{}, false
				}
			}
		}
		if !r.ok() || r.typ == SpeakerOrg && !d.isWord(r.head) {
			return ref{}, false
		}
		return r, true
	}
	return ref{}, false
}

// objectBeforeParticiple reports a verb at or after v (past its
// auxiliaries and adverbs) whose object stands before the participle at c:
// "heard a man shouting", "saw them running". A preposition after the verb
// ("ran into the hall shouting") or the participle itself is no object.
func (d *doc) objectBeforeParticiple(v, c int) bool {
	w := v
	for w < c && d.isWord(w) && (d.lex.in("auxiliaries", d.toks[w].low) || d.adverbAt(w)) {
		w++
	}
	if w >= c-1 {
		return false
	}
	n := w + 1
	for n < c && d.isWord(n) && d.adverbAt(n) {
		n++
	}
	if n >= c || !d.isWord(n) {
		return false
	}
	t := d.toks[n]
	return !d.lex.in("prepositions", t.low) && (t.capit || d.lex.in("determiners", t.low) || d.lex.in("pronouns", t.low) || isDigits(t.low) || numberWord(t.low))
}

// relativeSubject reads `X, 24, who cited ...:` in the clause [lo, hi): the
// subject of a relative "who" clause is the phrase before its comma. It
// also returns where the relative clause starts, to find its verb.
func (d *doc) relativeSubject(lo, hi int) (ref, int) {
	w := -1
	for k := hi - 1; k > lo; k-- {
		if d.isWord(k) && d.toks[k].low == "who" && !d.toks[k].inQ {
			w = k
			break
		}
	}
	if w < 0 || !d.isPunct(w-1, ",") {
		return ref{}, lo
	}
	j := w - 2
	// Skip an age or other number in apposition: "Tom Vale, 24,".
	if j-1 > lo && d.toks[j].kind != kWord && d.isPunct(j-1, ",") {
		j -= 2
	} else if j-1 > lo && d.isWord(j) && isDigits(d.toks[j].low) && d.isPunct(j-1, ",") {
		j -= 2
	}
	a, b := d.npEnd(j, lo)
	if a > b {
		return ref{}, lo
	}
	r := d.speakerFromNP(a, b)
	if r.typ != SpeakerPerson && r.typ != SpeakerGroup {
		return ref{}, lo
	}
	return r, w + 1
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// placeAfterPlace reports one place filling the tokens between the comma
// at c and end, right after another place ("in Leeds, England"): it says
// where that place is.
func (d *doc) placeAfterPlace(c, end int) bool {
	e := d.entityAt(c + 1)
	if e < 0 || !d.isPlace(e) || d.entityAt(end-1) != e {
		return false
	}
	e0 := d.entityAt(c - 1)
	return e0 >= 0 && d.isPlace(e0)
}

// prepositionWord reports a preposition: the lists' own, and "outside" and
// "inside", which they leave out for the adverb's sake ("Outside, fans
// sang") but which open a place phrase before a noun ("protesters outside
// the town hall", "Outside Parliament, the Law Society ... said").
func (d *doc) prepositionWord(w string) bool {
	return d.lex.in("prepositions", w) || w == "outside" || w == "inside"
}

// nicknameAt reports a quoted single capitalised word at k (the opening
// mark) between two capitalised words: a nickname inside a name
// (`Teodoro "Teddy" Bautista-Lim`).
func (d *doc) nicknameAt(k int) bool {
	return k > 0 && k+3 < len(d.toks) && d.toks[k].kind == kMark && d.isWord(k-1) && d.toks[k-1].capit && !d.toks[k-1].inQ &&
		d.isWord(k+1) && d.toks[k+1].capit && d.toks[k+2].kind == kMark && d.isWord(k+3) && d.toks[k+3].capit && !d.toks[k+3].inQ
}

// workTitleBeforeRole reports a title of one to five words in quotation
// marks opening at k, right before a noun for a person and a name (`"The
// Nanny" star Fran Drescher`), and returns its closing mark, else 0.
func (d *doc) workTitleBeforeRole(k int) int {
	if d.toks[k].kind != kMark || !d.isWord(k+1) || !d.toks[k+1].capit {
		return 0
	}
	for m := k + 2; m < len(d.toks) && m <= k+6; m++ {
		if d.toks[m].kind == kMark {
			// ("star", which the person nouns leave out for its other
			// senses, is the word news puts after a show's title.)
			if r := m + 1; d.isWord(r) && !d.toks[r].capit && (d.describesPerson(r, r) || d.toks[r].low == "star") && d.isWord(r+1) && d.toks[r+1].capit {
				return m
			}
			return 0
		}
		if !d.isWord(m) || !d.toks[m].capit && !connector(d.toks[m].low) {
			return 0
		}
	}
	return 0
}

// personBefore is the antecedent of a relative "who" at token w, looking
// no further left than lo: a person named right before it ("Tom Vale
// who said"), before its comma, or before an appositive between commas
// ("Ada Brook, a marine ecologist at Northfield University, who said"). A person after
// "of", "for", "with" or "to" is not the antecedent ("a friend of John Smith
// who said": the friend spoke).
func (d *doc) personBefore(w, lo int) ref {
	k := w - 1
	comma := k >= lo && d.isPunct(k, ",")
	if comma {
		k--
		// "Senator Ana Ruiz (D-Ohio), who": the person before a bracket.
		k = d.beforeBracket(k, lo)
		// "Peter Lindqvist of Morningstar, who": the person before the
		// body they are of.
		if d.personAt(k) < 0 && d.isWord(k) && d.toks[k].capit && (d.entityAt(k) < 0 || d.ents[d.entityAt(k)].Type == "ORG") {
			s0 := k
			for s0-1 > lo && d.isWord(s0-1) && d.toks[s0-1].capit && d.personAt(s0-1) < 0 {
				s0--
			}
			if d.isWord(s0-1) && d.toks[s0-1].low == "the" {
				s0--
			}
			if d.isWord(s0-1) && (d.toks[s0-1].low == "of" || d.toks[s0-1].low == "at" || d.toks[s0-1].low == "from") && d.personAt(s0-2) >= 0 {
				k = s0 - 2
			}
		}
		if d.personAt(k) < 0 {
			// An appositive: the person is before the comma that opens it.
			for c := k; c > lo && c > w-maxNP; c-- {
				if d.toks[c].inQ {
					break
				}
				if d.isPunct(c, ",") {
					k = c - 1
					break
				}
			}
		}
	}
	e := d.personAt(k)
	if k < lo || e < 0 {
		return ref{}
	}
	s := k
	for s-1 >= lo && d.entityAt(s-1) == e {
		s--
	}
	// "the daughter of Tom Vale, who": the relative is the person noun's;
	// "the resignation of Maria Holt, ..., who" is Holt's.
	if s-1 >= lo && d.isWord(s-1) {
		switch d.toks[s-1].low {
		case "for", "with", "to":
			// ("disagreed with Tom Vale, who had called": after a comma
			// the relative is the named person's.)
			if comma {
				break
			}
			fallthrough
		case "of":
			if n := s - 2; n < lo || !d.isWord(n) || d.lex.in("personheads", d.toks[n].low) || d.lex.in("groupheads", d.toks[n].low) ||
				d.lex.in("personnouns", d.toks[n].low) || d.lex.in("orgheads", d.toks[n].low) || d.toks[s-1].low != "of" {
				return ref{}
			}
		}
	}
	return d.entityRef(e, k)
}

// openingPerson is the person named at the start of the clause [lo, c)
// when a comma right before the cue at c closes an aside after the name
// ("Ivo Rask, a farmer who lost his barn, his herd and his home, said").
func (d *doc) openingPerson(lo, c int) ref {
	j := c - 1
	for j > lo && d.isWord(j) && d.adverbAt(j) {
		j--
	}
	if !d.isPunct(j, ",") {
		return ref{}
	}
	e := d.personAt(lo)
	if e < 0 {
		return ref{}
	}
	k := lo
	for k+1 < c && d.entityAt(k+1) == e {
		k++
	}
	if !d.isPunct(k+1, ",") || k+1 >= j {
		return ref{}
	}
	// ("Tom Vale, the owner, and the league said": a coordinated subject.)
	for m := k + 2; m < j; m++ {
		if d.isWord(m) && (d.toks[m].low == "and" || d.toks[m].low == "or") && d.isPunct(m-1, ",") {
			return ref{}
		}
	}
	return d.entityRef(e, k)
}

// personAt is the person entity whose mention covers token k, or -1.
func (d *doc) personAt(k int) int {
	if k < 0 || k >= len(d.toks) || d.toks[k].inQ {
		return -1
	}
	if e := d.entityAt(k); e >= 0 && d.ents[e].Type == article.TypePerson && !d.possessive(k) {
		return e
	}
	return -1
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// onceAdverb reports "once" at token i read as "at one time" ("Vale once
// told him", "had once warned") rather than as "as soon as": a word that
// is no clause boundary stands before it.
func (d *doc) onceAdverb(i int) bool {
	if d.toks[i].low != "once" || !d.isWord(i-1) || d.toks[i-1].inQ {
		return false
	}
	// ("who once called it": after a relative pronoun too, with a verb
	// after it; "who, once elected," sets the clause off.)
	switch d.toks[i-1].low {
	case "who", "which", "that":
		return d.isWord(i+1) && !d.toks[i+1].capit && (d.cueAt(i+1) > 0 || d.verbish(d.toks[i+1].low))
	}
	return !d.lex.in("clause", d.toks[i-1].low)
}

// sentenceBetween reports a sentence end in [i, j).
func (d *doc) sentenceBetween(i, j int) bool {
	for k := max(i, 0); k < j && k < len(d.toks); k++ {
		if d.toks[k].sentEnd {
			return true
		}
	}
	return false
}

// partyTag reports a token that is a US party-and-state tag after a
// politician's name ("R-Ga.", "D-California", "I-Vt."): an aside about
// the name before it, never a name of its own.
func (d *doc) partyTag(i int) bool {
	if !d.isWord(i) {
		return false
	}
	w := d.text(d.toks[i])
	return len(w) >= 3 && (w[0] == 'D' || w[0] == 'R' || w[0] == 'I') && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
}

// personBracketBefore reports a bracket closing right before token cm (a
// comma), opened within the ten tokens before, right after a person's
// name, no earlier than lo: "Rep. Tom Vale (D., Ohio),".
func (d *doc) personBracketBefore(cm, lo int) bool {
	if !d.isPunct(cm-1, ")") {
		return false
	}
	for o := cm - 2; o > lo && cm-o < 12; o-- {
		if d.isPunct(o, "(") {
			return d.personAt(o-1) >= 0
		}
	}
	return false
}

// invertedAfterComma reads the subject of a cue at c (n tokens) that
// follows a comma and is followed by its subject, which ends the sentence
// or is set off by a comma: ", says Ada Brook." (Not a participle or a
// verb whose object follows: ", telling reporters.")
func (d *doc) invertedAfterComma(c, n, hi int) (ref, bool) {
	low := d.toks[c].low
	if !d.isPunct(c-1, ",") || strings.HasSuffix(low, "ing") || n != 1 {
		return ref{}, false
	}
	// ("Rep. James Trask (D., Ohio), said the amendment, which ...": the
	// comma closes a bracket after a person's name, the subject.)
	if d.personBracketBefore(c-1, 0) {
		return ref{}, false
	}
	// Only verbs of saying that take no object: "Tom Vale, a former
	// minister, criticised the BBC." closes an aside, and its object is no
	// speaker.
	switch low {
	case "says", "said", "writes", "wrote", "adds", "added", "notes", "noted", "recalls", "recalled", "explains", "explained",
		"argues", "argued", "insists", "insisted", "continues", "continued", "observes", "observed", "concludes", "concluded",
		"admits", "admitted", "acknowledges", "acknowledged", "cautions", "cautioned", "predicts", "predicted":
	default:
		return ref{}, false
	}
	// ("Sarkozy, speaking to reporters, said of Chirac,": what follows
	// "of" or "about" is whom the words are about.)
	if d.isWord(c+n) && (d.toks[c+n].low == "of" || d.toks[c+n].low == "about") {
		return ref{}, false
	}
	a, b := d.npRight(c+n, hi)
	if a > b || !(d.toks[b].sentEnd || d.isPunct(b+1, ",") || d.isPunct(b+1, ".")) {
		return ref{}, false
	}
	// ("..., says registered dietitian Ana Ruiz.": a role before a name.)
	if !d.toks[a].capit && !d.lex.in("determiners", d.toks[a].low) && !(d.isWord(a-1) && d.lex.in("determiners", d.toks[a-1].low)) && !d.roleThenName(a, b) && d.personAt(b) < 0 {
		return ref{}, false
	}
	r := d.speakerFromNP(a, b)
	return r, r.ok()
}

// rolesThenPerson reports lower-case words [i, k) before "and" at k, and
// after it, before any punctuation, a person's name: "co-author and
// research fellow Ana Ruiz".
// ("the mayor and Ana Ruiz" are two people: not after a determiner, and
// only with a role between "and" and the name.)
func (d *doc) rolesThenPerson(i, k, hi int) bool {
	if d.isWord(i-1) && d.lex.in("determiners", d.toks[i-1].low) || d.personAt(k+1) >= 0 {
		return false
	}
	for x := i; x < k; x++ {
		// ("said police and council leader Ana Ruiz": a group is no role
		// of hers.)
		if !d.isWord(x) || d.toks[x].capit || d.lex.in("groupheads", d.toks[x].low) {
			return false
		}
	}
	for x := k + 1; x < hi && x < k+9 && d.isWord(x) && !d.toks[x].inQ; x++ {
		if d.personAt(x) >= 0 {
			return true
		}
	}
	return false
}

// headBeforePlacePhrases walks left from a noun phrase starting at a over
// "in", "at" and "to" phrases ("to the UN in Geneva") to the lower-case
// head noun of a body, group or person before them ("mission"), and
// returns its token.
func (d *doc) headBeforePlacePhrases(a, lo int) (int, bool) {
	for n := 0; n < 3; n++ {
		p := a - 1
		if p <= lo || !d.isWord(p) {
			return 0, false
		}
		switch d.toks[p].low {
		case "in", "at", "to":
		default:
			return 0, false
		}
		h := p - 1
		if !d.isWord(h) || d.toks[h].inQ {
			return 0, false
		}
		w := d.toks[h].low
		if !d.toks[h].capit && (d.lex.in("orgheads", w) || d.lex.in("groupheads", w) || d.lex.in("personheads", w)) {
			return h, true
		}
		pa, pb := d.npEnd(h, lo)
		if pa > pb || pa <= lo {
			return 0, false
		}
		a = pa
	}
	return 0, false
}

// bodiesBeforeCue reads a list of two or more organisations' names from
// i, joined by commas and "and" (each perhaps after "the"), right before a
// verb of saying: the first of them and the cue.
func (d *doc) bodiesBeforeCue(i, end int) (ref, int, int, bool) {
	first, count := -1, 0
	x := i
	for x < end && x < i+40 {
		if d.isWord(x) && d.toks[x].low == "the" && !d.toks[x].inQ {
			x++
		}
		e := d.entityAt(x)
		m := -1
		switch {
		case e >= 0 && d.ents[e].Type == "ORG" && d.mentionStart(x) == x:
			m = d.mentionEnd(x)
			// ("the Valley Fishers' Association": past the apostrophe of
			// a plural possessive inside the name.)
			for (d.isPunct(m+1, "'") || d.isPunct(m+1, "’")) && d.entityAt(m+2) == e {
				m = d.mentionEnd(m + 2)
			}
		case e >= 0 && first >= 0 && d.ents[e].Type != "PERSON" && d.mentionStart(x) == x:
			// ("..., the Marine Society and Blue Coast said": a later
			// member the entity stage took for a place.)
			m = d.mentionEnd(x)
		case e < 0 && first >= 0:
			// ("..., the Farmers Union and Clean Rivers Now said": a later
			// member the entity stage missed, a run of capitalised words,
			// or only partly found: "Save The Bees".)
			for y := x; y < end && y < x+6 && d.isWord(y) && d.toks[y].capit && !d.toks[y].inQ; y++ {
				m = y
				if e2 := d.entityAt(y); e2 >= 0 {
					if d.ents[e2].Type == "PERSON" {
						m = -1
						break
					}
					m = d.mentionEnd(y)
					break
				}
			}
		}
		if m < 0 {
			return ref{}, 0, 0, false
		}
		if first < 0 {
			first = m
		}
		count++
		x = m + 1
		switch {
		case d.isPunct(x, ","):
			x++
			if d.isWord(x) && d.toks[x].low == "and" {
				x++
			}
		case d.isWord(x) && d.toks[x].low == "and":
			x++
		default:
			if n := d.cueAt(x); n > 0 && count >= 2 {
				return d.entityRef(d.entityAt(first), first), x, n, true
			}
			return ref{}, 0, 0, false
		}
	}
	return ref{}, 0, 0, false
}

// quotedAsAfter reads `the statement quoted Marco Zanetti as saying`
// (and `quoted her as saying`) opening at i, within a few words, before
// end: the speaker is the one quoted, the cue its verb of saying.
func (d *doc) quotedAsAfter(i, end int) (ref, string, bool) {
	for x := i + 1; x < end && x <= i+6; x++ {
		if !d.isWord(x) || d.toks[x].inQ {
			return ref{}, "", false
		}
		if !quotingVerb(d.toks[x].low) {
			continue
		}
		for y := x + 2; y+1 < end && y <= x+8; y++ {
			if !d.isWord(y) || d.toks[y].low != "as" {
				continue
			}
			n := d.cueAt(y + 1)
			if n == 0 || !strings.HasSuffix(d.toks[y+1].low, "ing") {
				return ref{}, "", false
			}
			b := y - 1
			for c := x + 1; c < y; c++ { // "Ana Lind, a police spokeswoman, as saying"
				if d.isPunct(c, ",") {
					b = c - 1
					break
				}
			}
			if b == x+1 && d.isWord(b) {
				if p := objectPronounSubject(d.toks[b].low); p != "" {
					r := d.resolvePronoun(b, p)
					return r, d.cueText(y+1, n), r.ok()
				}
			}
			if b < x+1 {
				return ref{}, "", false
			}
			r := d.speakerFromNP(x+1, b)
			return r, d.cueText(y+1, n), r.ok()
		}
		return ref{}, "", false
	}
	return ref{}, "", false
}

// recalledSayingAfter reads, after a quote from token i to end, a subject
// and a verb of remembering or hearing whose object is followed by a verb
// of saying in -ing ("she recalls him saying", "Lind remembers Tom Vale
// telling her"): the object, a pronoun resolved or a name. The subject
// who recalls becomes q's teller.
func (d *doc) recalledSayingAfter(q *qspan, i, end int) (ref, string, bool) {
	for x := i + 1; x < end && x <= i+4; x++ {
		if !d.isWord(x) || d.toks[x].inQ {
			return ref{}, "", false
		}
		switch d.toks[x].low {
		case "recalls", "recalled", "remembers", "remembered", "heard", "hears", "recall", "remember":
		default:
			continue
		}
		// The object: one pronoun, or a name of at most three words.
		y, pron := x+1, ""
		if d.isWord(y) {
			pron = objectPronounSubject(d.toks[y].low)
		}
		for y < end && y <= x+3 && d.isWord(y) && d.toks[y].capit && !d.toks[y].inQ {
			y++
		}
		if y == x+1 && d.isWord(y) && pron != "" {
			y++
		}
		if y == x+1 || !d.isWord(y) || !strings.HasSuffix(d.toks[y].low, "ing") {
			return ref{}, "", false
		}
		n := d.cueAt(y)
		if n == 0 {
			return ref{}, "", false
		}
		// (The teller first: the pronoun resolved last is the one the
		// speaker's sex is learnt from.)
		teller, _ := d.subjectLeft(x, i)
		var r ref
		if pron != "" {
			r = d.resolvePronoun(x+1, pron)
		} else {
			r = d.speakerFromNP(x+1, y-1)
		}
		if r.ok() {
			q.teller = teller
		}
		return r, d.cueText(y, n), r.ok()
	}
	return ref{}, "", false
}

// objectPronounSubject returns the subject form of an object pronoun of a
// person or group ("her" gives "she"), else "".
func objectPronounSubject(w string) string {
	switch w {
	case "him":
		return "he"
	case "her":
		return "she"
	case "them":
		return "they"
	}
	return ""
}

// quotingVerb reports a verb that reports someone else's words as quoted
// ("The Times quoted Jane Doe as saying").
func quotingVerb(w string) bool {
	switch w {
	// ("The BBC reported the minister as saying": wire copy's other verb.)
	case "quoted", "quoting", "quotes", "quote", "cited", "citing", "cites", "reported", "reporting", "reports":
		return true
	}
	return false
}

// asCueAfter reports a name at k and a verb of saying after it, perhaps
// after "likes to" ("as Ada Brook said", "as Senator Ana Lind likes to
// say"): the clause "as" opens reports the words before.
func (d *doc) asCueAfter(k int) bool {
	if !d.toks[k].capit {
		return false
	}
	x := k
	for x < k+6 && (d.isWord(x) && d.toks[x].capit || d.isPunct(x, ".")) {
		x++
	}
	// ("Sen. Ted Cruz (Tex.) likes to say": a state in brackets.)
	if d.isPunct(x, "(") {
		for y := x + 1; y < x+5; y++ {
			if d.isPunct(y, ")") {
				x = y + 1
				break
			}
		}
	}
	if d.isWord(x) && d.isWord(x+1) && (d.toks[x].low == "likes" || d.toks[x].low == "liked") && d.toks[x+1].low == "to" {
		x += 2
	}
	return x > k && d.isWord(x) && !d.toks[x].capit && d.cueAt(x) > 0
}

// putItAfter reports "put it" or "puts it" within a name's length after k
// ("as Ada Brook put it"; not "as Ada Brook told them").
func (d *doc) putItAfter(k int) bool {
	for x := k; x < k+8 && d.isWord(x+1); x++ {
		if (d.toks[x].low == "put" || d.toks[x].low == "puts") && d.toks[x+1].low == "it" {
			return true
		}
	}
	return false
}

// raisingVerb reports a participle that raises the speaker of a passive:
// "was reported to have said", "is understood to have told".
func raisingVerb(w string) bool {
	switch w {
	case "reported", "said", "understood", "believed", "thought", "known", "alleged", "rumoured", "rumored", "claimed", "quoted", "heard":
		return true
	}
	return false
}

// meansWord reports a noun for how words reach someone: "by telephone",
// "by email" say how, not who.
func meansWord(w string) bool {
	switch w {
	case "telephone", "phone", "email", "e-mail", "mail", "letter", "text", "video", "videolink", "video-link", "fax", "radio", "post", "message", "satellite", "videoconference":
		return true
	}
	return false
}

// timeNoun reports a noun for a point or a span of time, which "by"
// ends no agent with ("by that date", "by the end").
func timeNoun(w string) bool {
	switch w {
	case "date", "time", "day", "days", "week", "weeks", "month", "months", "year", "years", "end", "deadline", "noon", "midnight",
		"morning", "afternoon", "evening", "night", "weekend", "then", "now":
		return true
	}
	return false
}

// coordinatedRight extends a noun phrase [a, b] read rightwards that
// stopped before an "and" joining a second noun of one plural subject
// ("according to police and county officials", "said residents and shop
// owners"): the end of the whole coordination, else b.
func (d *doc) coordinatedRight(a, b, hi int) int {
	// (The first part a group: "said the mayor and city officials" is the
	// mayor's.)
	if b-a > 2 || d.toks[b].capit || !d.isWord(b+1) || d.toks[b+1].low != "and" || !strings.HasSuffix(d.toks[b].low, "s") && !d.lex.in("groupheads", d.toks[b].low) {
		return b
	}
	for k := a; k <= b; k++ {
		if !d.isWord(k) || d.toks[k].capit || d.lex.in("pronouns", d.toks[k].low) {
			return b
		}
	}
	for j := b + 2; j < hi && j <= b+4; j++ {
		t := d.toks[j]
		if !d.conjunctWord(j) {
			return b
		}
		if strings.HasSuffix(t.low, "s") && d.peopleNoun(t.low) && !(d.isWord(j+1) && !d.toks[j+1].capit && d.peopleNoun(d.toks[j+1].low)) {
			// (Not the subject of a clause of its own: "said police and
			// later officers found a knife", "said engineers and
			// residents agreed".)
			if d.isWord(j+1) && !d.toks[j+1].capit && (d.verbish(d.toks[j+1].low) || d.cueAt(j+1) > 0 || d.adverbAt(j+1)) {
				return b
			}
			return j
		}
	}
	return b
}

// coordinatedSubject reports the words [i, start) before a subject that
// starts at start and ends before the cue at c as the first part of a
// coordinated subject: one to three lower-case words (no pronoun, verb or
// preposition) and then "and" ("police and", "state and", "residents and"
// before "shop owners said"), the subject's head a plural for people. Two
// groups or modifiers joined that way are one plural speaker.
func (d *doc) coordinatedSubject(i, start, c int) bool {
	if start-i < 2 || start-i > 4 || !d.isWord(start-1) || d.toks[start-1].low != "and" {
		return false
	}
	for k := i; k < start-1; k++ {
		t := d.toks[k]
		// (Nor an adverb or a word repeated across the "and": "again and
		// again residents said", "more and more residents".)
		if !d.conjunctWord(k) || d.adverbAt(k) || t.low == d.toks[start].low || t.low == "more" || t.low == "less" || t.low == "time" {
			return false
		}
	}
	h := c - 1
	for h >= start && d.isWord(h) && d.adverbAt(h) {
		h--
	}
	if h < start || !d.isWord(h) || d.toks[h].capit {
		return false
	}
	w := d.toks[h].low
	return strings.HasSuffix(w, "s") && d.peopleNoun(w)
}

// conjunctWord reports a word at k that may stand in one part of a
// coordinated plural subject: a lower-case word outside quotes that is no
// pronoun, determiner, preposition, verb or clause word.
func (d *doc) conjunctWord(k int) bool {
	t := d.toks[k]
	return d.isWord(k) && !t.inQ && !t.capit && !d.lex.in("pronouns", t.low) && !d.lex.in("determiners", t.low) &&
		!d.prepositionWord(t.low) && !d.verbish(t.low) && !d.lex.in("clause", t.low)
}

// namedFirst reads a subject before the cue at c (not before lo) that
// joins a name, maybe after its role, and, after "and", a description of
// at most three words with no capitalised word ("fire chief Ada Brook and
// his deputy", "Ada Brook and two neighbours"): both speak, and the named
// one is the speaker the article gives. It returns that person and where
// the name's phrase starts.
func (d *doc) namedFirst(c, lo int) (ref, int, bool) {
	and := -1
	for k := c - 1; k > lo && k >= c-4; k-- {
		if !d.isWord(k) || d.toks[k].capit || d.toks[k].inQ {
			return ref{}, 0, false
		}
		if d.toks[k].low == "and" {
			and = k
			break
		}
	}
	// (Not "Morgan Stanley and other banks": a body's name, of the
	// kind the description names.)
	if and < 0 || and == c-1 || !d.isWord(and-1) || !d.toks[and-1].capit || d.toks[and+1].low == "other" {
		return ref{}, 0, false
	}
	a, b := d.npEnd(and-1, lo)
	if a > b || !d.isNameNP(a, b) && !d.roleThenName(a, b) {
		return ref{}, 0, false
	}
	// (Nor the last name of a list: "Ana Voss, Ben Cole and two
	// neighbours told".)
	if a-2 >= lo && d.isPunct(a-1, ",") && d.isWord(a-2) && d.toks[a-2].capit {
		return ref{}, 0, false
	}
	r := d.speakerFromNP(a, b)
	if !r.ok() || r.typ != SpeakerPerson {
		return ref{}, 0, false
	}
	return r, a, true
}

// relativeAntecedent is who a relative pronoun at j that is its clause's
// subject stands for, or no ref.
func (d *doc) relativeAntecedent(j, lo int) ref {
	if j < lo || !d.isWord(j) || d.toks[j].inQ {
		return ref{}
	}
	switch d.toks[j].low {
	case "who":
		// "led by Ada Brook, a marine ecologist, who said": a relative
		// "who" speaks for the person named before it in the sentence.
		if r := d.personBefore(j, lo); r.ok() {
			return r
		}
		// ("a letter from a voter in Perth, who wrote": or for the
		// person described before its comma.)
		return d.describedBefore(j, lo)
	case "which":
		if j-1 < lo || !d.isPunct(j-1, ",") {
			return ref{}
		}
		// "the lottery firm, the Kestrel Group, which wrote": so does
		// "which" for the organisation named before it.
		// ("the Kestrel Water Board (KWB), which said": its short form in
		// brackets between.)
		h := d.beforeBracket(j-2, lo)
		// ("the Association of Plastic Producers of Ghana, which said":
		// the body, not the place its name ends with.)
		if e := d.entityAt(h); e >= 0 && (d.ents[e].Type == "GPE" || d.ents[e].Type == "LOC") {
			if m := d.mentionStart(h); d.isWord(m-1) && d.toks[m-1].low == "of" {
				if o := d.entityAt(m - 2); o >= 0 && d.ents[o].Type == "ORG" {
					return d.entityRef(o, m-2)
				}
			}
		}
		if e := d.entityAt(h); e >= 0 && d.ents[e].Type == "ORG" {
			return d.entityRef(e, h)
		}
		// "criticism from the opposition, which accused": so for a
		// described organisation or group.
		if d.isWord(h) && !d.toks[h].capit && (d.lex.in("orgheads", d.toks[h].low) || d.lex.in("groupheads", d.toks[h].low)) {
			// ("the governing Likud party, which said": the organisation's
			// name before its kind's noun.)
			if e := d.entityAt(h - 1); e >= 0 && d.ents[e].Type == "ORG" && d.lex.in("orgheads", d.toks[h].low) {
				return d.entityRef(e, h-1)
			}
			if a, _ := d.npEnd(h, lo); a <= h {
				return d.descRef(a, h)
			}
		}
	}
	return ref{}
}

// singularSubjectAt reports a word at k that can be the singular subject of
// a verb in -s right after it: "he", "she", "it", "who", "which", a name,
// or a singular noun for a person or a body.
func (d *doc) singularSubjectAt(k int) bool {
	t := d.toks[k]
	switch t.low {
	case "he", "she", "it", "who", "which":
		return true
	}
	if d.possessive(k) {
		return false
	}
	if t.capit {
		return !d.sentStart(k) || d.entityAt(k) >= 0
	}
	return !strings.HasSuffix(t.low, "s") && (d.lex.in("personheads", t.low) || d.lex.in("orgheads", t.low) || d.lex.in("docheads", t.low))
}

// describedBefore is the person described right before the comma of a
// relative "who" at token j, past places after "in", "at" or "to" ("a
// voter in Perth, who"), or no ref.
func (d *doc) describedBefore(j, lo int) ref {
	k := j - 2
	// ("a teacher in Eastbrook who wrote": so without the comma, after a
	// place.)
	if !d.isPunct(j-1, ",") {
		k = j - 1
		if e := d.entityAt(k); e < 0 || !d.isPlace(e) {
			return ref{}
		}
	}
	if k < lo || !d.isWord(k) {
		return ref{}
	}
	h := k
	if hh, ok := d.headBeforePlacePhrases(max(d.mentionStart(k), lo), lo); ok {
		h = hh
	}
	w := d.toks[h].low
	if d.toks[h].capit || d.toks[h].inQ || !(d.lex.in("personheads", w) || d.lex.in("personnouns", w)) {
		return ref{}
	}
	a, _ := d.npEnd(h, lo)
	return d.descRef(a, h)
}

// peopleAtBody reads a phrase [a, b] that opens with a plural noun for
// people, maybe after an article, and goes on with "at", "from" or "with"
// and a named body ("Analysts at Kestrel Bank", "Observers from the
// European Union"): the group, by its noun.
func (d *doc) peopleAtBody(a, b int) (ref, bool) {
	h := a
	if d.isWord(h) && articleWord(d.toks[h].low) {
		h++
	}
	p := h + 1
	if p >= b || !d.isWord(h) || !d.isWord(p) || d.toks[p].capit || !d.pluralPeople(h) && !(d.toks[h].capit && d.sentStart(h) && d.pluralPeopleWord(d.toks[h].low)) {
		return ref{}, false
	}
	switch d.toks[p].low {
	case "at", "from", "with":
	default:
		return ref{}, false
	}
	e := d.entityAt(b)
	if e < 0 || d.ents[e].Type != "ORG" {
		return ref{}, false
	}
	return ref{name: d.body[d.toks[h].s:d.toks[h].e], typ: SpeakerGroup, head: h}, true
}

// finiteCue reports a verb of saying in a finite form ("said", "told",
// "says", "added"), which no "to" of an infinitive comes before.
func finiteCue(w string) bool {
	switch w {
	case "said", "told", "wrote", "spoke", "says", "tells", "writes":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// rightAfterQuote reports a word at i that follows a closing quotation mark
// with at most a name or a short description between, in the quote's
// sentence (`"...," Vale fumed`, `"...," fumed the mayor`).
func (d *doc) rightAfterQuote(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := d.toks[k]
		if t.kind == kMark {
			// The quote closes on a comma, "!" or "?" inside it or a
			// comma after it, as a quote reported so does; not one that
			// ends its sentence (`"We will not back down." The crowd
			// cheered`) nor words used as a modifier (`"abusive"
			// messages`).
			if t.dir != mClose || t.sentEnd || k == 0 {
				return false
			}
			return d.isPunct(k-1, ",") || d.isPunct(k-1, "!") || d.isPunct(k-1, "?") || d.isPunct(k+1, ",")
		}
		if t.inQ || t.sentEnd || !d.isWord(k) && !d.isPunct(k, ",") && !d.isPunct(k, ".") {
			return false
		}
		// (A name or a short description only: "and the crowd cheered" is
		// a clause of its own.)
		if d.isWord(k) && (d.cueAt(k) > 0 || d.lex.in("clause", t.low) || t.low == "and" || t.low == "but" || t.low == "or" || t.low == "as" || t.low == "then") {
			return false
		}
	}
	return false
}

// placeNoun reports a noun for a kind of place ("the district around the
// shipyard", "a town of 3,000").
func placeNoun(w string) bool {
	switch w {
	case "district", "city", "town", "village", "region", "province", "state", "county", "capital", "area", "neighbourhood", "neighborhood", "suburb", "island", "port", "municipality", "borough":
		return true
	}
	return false
}

// reflexiveSex returns "he" for "himself", "she" for "herself", else the
// word itself (a reflexive of no one sex).
func reflexiveSex(w string) string {
	switch w {
	case "himself":
		return "he"
	case "herself":
		return "she"
	}
	return w
}

// governedName reports a person's name ending at k that a preposition
// governs in a phrase opening the sentence ("Unlike Tom Vale,", "Standing
// beside Ana Ruiz,", "In an interview with Ruiz,"): a phrase of its own
// before the clause's subject. ("The panel heard from Ana Ruiz, a nurse
// who" is the clause's own.)
func (d *doc) governedName(k int) bool {
	s := d.mentionStart(k)
	// (Past a title before the name: "beside Senator Ana Ruiz".)
	for s-1 >= 0 && d.isWord(s-1) && d.toks[s-1].capit && d.isTitle(d.toks[s-1].low) {
		s--
	}
	if !d.isWord(s - 1) {
		return false
	}
	governs := func(w string) bool { return d.prepositionWord(w) || w == "like" || w == "unlike" }
	if !governs(d.toks[s-1].low) {
		return false
	}
	st := d.sentenceStart(s)
	if s-1-st > 4 || !d.isWord(st) {
		return false
	}
	f := d.toks[st].low
	return governs(f) || strings.HasSuffix(f, "ing") || strings.HasSuffix(f, "ed")
}

// sameSexAs reports that a description of one sex ("the woman", "the
// father") may describe the person called name: either says no sex, or
// both say the same.
func (d *doc) sameSexAs(desc, name string) bool {
	switch {
	case !d.genderOK("he", desc):
		return d.nameSexOK("she", name)
	case !d.genderOK("she", desc):
		return d.nameSexOK("he", name)
	}
	return true
}

// subsidiaryNoun reports a noun for a body that is part of another ("a
// unit of", "a subsidiary of").
func subsidiaryNoun(w string) bool {
	switch w {
	case "unit", "subsidiary", "division", "arm", "branch", "wing":
		return true
	}
	return false
}

// issuedTextSubject finds the head of a text's noun opening the sentence
// of the cue at c ("A police statement released after the arrest said"):
// an article, at most three modifiers, a noun of a text, a participle of
// issuing and no other verb of saying before c; else -1.
func (d *doc) issuedTextSubject(c, lo int) int {
	a := d.sentenceStart(c)
	if a < lo || !d.isWord(a) || !articleWord(d.toks[a].low) {
		return -1
	}
	for h := a + 1; h < c-2 && h <= a+4; h++ {
		// (A possessor names the issuer, read where possessives are: "The
		// hospital's statement released on Friday said".)
		if !d.isWord(h) || d.toks[h].inQ || d.possessive(h) {
			return -1
		}
		if d.toks[h].capit || !d.lex.in("docheads", d.toks[h].low) {
			continue
		}
		switch d.toks[h+1].low {
		case "released", "issued", "published", "posted", "sent", "signed", "distributed", "circulated":
		default:
			return -1
		}
		// (An agent after it is read where passives are.)
		if d.isWord(h+2) && d.toks[h+2].low == "by" {
			return -1
		}
		if k, n := d.lastCue(h+1, c); n > 0 && k != c {
			return -1
		}
		return h
	}
	return -1
}

// quantityNoun reports a word after "a" that counts what follows ("a few
// say", "a handful of residents").
func quantityNoun(w string) bool {
	switch w {
	case "few", "lot", "lots", "number", "couple", "handful", "majority", "minority", "dozen", "score", "hundred", "thousand", "million", "third", "quarter", "half", "fraction", "host", "group", "series":
		return true
	}
	return false
}
