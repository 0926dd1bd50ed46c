package quote

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pkg/article"
)

// para is one body paragraph: its byte range and its token range [t0, t1).
type para struct{ s, e, t0, t1 int }

// qspan is one quote candidate and, once attributed, its speaker.
type qspan struct {
	open, close int // token indices of the marks; close is -1 when the quote runs to the paragraph end
	ts, te      int // byte range of the text
	para        int
	contPrev    bool // continues a quote left open at the end of the previous paragraph
	headless    bool // a continuation whose paragraph has no opening mark: open is its first word
	contNext    bool

	spk     ref
	cue     string
	rule    string // the attribution rule that chose spk, for ExtractTraced
	attrEnd int    // token index just past an attribution that follows the quote, else -1
	done    bool
	// teller: who recalls the words when the cue's subject is not their
	// speaker ("...," she recalls him saying): the one later quotes
	// with no cue of their own, and later pronouns, carry on from.
	teller ref
}

// carried is the speaker the quotes after q carry on from: its teller when
// it has one, else its speaker.
func (q *qspan) carried() ref {
	if q.teller.ok() {
		return q.teller
	}
	return q.spk
}

// ref is a resolved speaker.
type ref struct {
	name string
	typ  string
	head int // token index of the speaker's head word in the text, -1 when inherited

	etype string // the entity type (PERSON, ORG, GPE, NORP, ...) when an entity names it
	subj  bool   // read as the grammatical subject of the cue (or the subject of an inverted cue)
	via   string // "pronoun" or "description" when resolved from one, for the trace
	src1  int    // 1 + the token where a description's antecedent was found, 0 when none
}

func (r ref) ok() bool { return r.name != "" }

// mention is an entity mention with its entity index.
type mention struct{ s, e, ent int }

// doc is the per-call state of one Extract; it is never shared.
type doc struct {
	x    *Extractor
	lex  *lexicon
	body string
	// singles: the body quotes with single marks ('...', ‘...’), as some
	// British papers print speech; set when it has no double mark at all.
	singles bool
	// places holds the folded names and aliases of the article's places
	// and peoples (placeNamed), built on first use.
	places map[string]bool
	ents   []article.Entity
	ments  []mention
	toks   []tok
	paras  []para
	qs     []*qspan
	spkAt  map[int]ref
	prons  map[int]ref // subject pronoun token -> its referent, once resolved (a chain reads each once)
	// sexOf: a speaker's name -> "he" or "she", the pronoun that an
	// attributed quote's cue used for them ("...," he said); lastPron is
	// the pronoun resolvePronoun read last.
	sexOf    map[string]string
	lastPron string
	// learnedSex: a person's folded name -> "he" or "she", as the
	// article's own pronouns call them (pronounSex), built on first use.
	learnedSex map[string]string
	// pronounSexes: the same from the article's pronouns alone, weaker
	// evidence (pronounSex).
	pronounSexes map[string]string
	weakSex      map[string]bool      // names pronounSexes knows only from a cue after a quote
	agedRole     bool                 // resolving an aged role's antecedent ("the 52-year-old president")
	names        map[string][]nameRun // folded last word → names ending with it
	// resolving is the token of the pronoun being resolved (-1: none).
	resolving int
	// owning: the texts whose owner docOwner is reading, so that a text
	// named in its own owner's phrase ("a statement signed by 40 lawyers
	// the verdict was ...") ends the search rather than recursing forever.
	owning map[int]bool
	// bareAt guards bareRoleBefore against going round a chain of
	// descriptions twice.
	bareAt map[int]bool
}

// nameRun is a capitalised name found in the body, titles cut off.
type nameRun struct {
	words []string
	count int
}

func newDoc(x *Extractor, body string, ents []article.Entity) *doc {
	d := &doc{x: x, lex: x.lex, body: body, ents: ents, spkAt: map[int]ref{}, resolving: -1, singles: singleQuoted(body)}
	for i, e := range ents {
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.End <= len(body) && m.Start < m.End {
				d.ments = append(d.ments, mention{m.Start, m.End, i})
			}
		}
	}
	d.toks = make([]tok, 0, len(body)/5)
	return d
}

func (d *doc) run() []article.Quote {
	out, _ := d.runTraced()
	return out
}

// runTraced is run that also returns, parallel to the quotes, the name of
// the attribution rule that chose each speaker.
func (d *doc) runTraced() ([]article.Quote, []string) {
	for pi, sp := range article.Paragraphs(d.body) {
		t0 := len(d.toks)
		d.tokenize(sp.Start, sp.End)
		for k := t0; k < len(d.toks); k++ {
			d.toks[k].para = int32(pi)
			d.toks[k].ent = -1
		}
		d.paras = append(d.paras, para{s: sp.Start, e: sp.End, t0: t0, t1: len(d.toks)})
	}
	d.indexMentions()
	cands := d.pairMarks()
	for _, q := range cands {
		d.setInside(q, true)
	}
	d.markSentences()
	// Drop what is not speech: titles of works, scare quotes, short terms.
	for i, q := range cands {
		if d.keep(q, cands, i) {
			d.qs = append(d.qs, q)
		} else {
			d.setInside(q, false)
		}
	}
	d.markSentences()
	d.buildNames()
	out := make([]article.Quote, 0, len(d.qs))
	rules := make([]string, 0, len(d.qs))
	for i, q := range d.qs {
		d.attribute(i)
		out = append(out, article.Quote{
			Text: d.body[q.ts:q.te], Speaker: q.spk.name, SpeakerType: q.spk.typ, Cue: q.cue,
			Start: q.ts, End: q.te, Paragraph: q.para,
		})
		rules = append(rules, q.rule)
	}
	d.pullQuotes(out, rules)
	return out, rules
}

// pullQuotes gives a pull quote the speaker of the quote it repeats: a
// paragraph that is only a quote with no cue of its own, whose words stand
// again inside a quote of another paragraph that has a speaker (web pages
// set a line of the story apart in large type, and the extracted text keeps
// it as a paragraph of its own). The rules read such a paragraph as the
// last speaker's; the repeat, before or after it, says whose it is. The
// rule recorded is "pull_quote".
func (d *doc) pullQuotes(out []article.Quote, rules []string) {
	const minWords = 4
	for i, q := range d.qs {
		if q.cue != "" || q.contPrev || q.contNext || !d.aloneInPara(q) {
			continue
		}
		text := foldWords(out[i].Text)
		if strings.Count(text, " ")+1 < minWords {
			continue
		}
		// The nearest quote that repeats it whole, from a sentence's start:
		// a pull quote lifts whole sentences, while words that only stand
		// inside another quote, or in a partial quote, are someone echoing
		// them ("called the claim that "our harbour cannot wait" absurd").
		best := -1
		for j, o := range d.qs {
			if j == i || o.para == q.para || out[j].Speaker == "" || d.aloneInPara(o) && o.cue == "" || !startsUpper(out[j].Text) {
				continue
			}
			if !repeatsFromSentenceStart(out[j].Text, text) {
				continue
			}
			if best < 0 || abs(o.para-q.para) < abs(d.qs[best].para-q.para) {
				best = j
			}
		}
		if best >= 0 {
			out[i].Speaker, out[i].SpeakerType, rules[i] = out[best].Speaker, out[best].SpeakerType, "pull_quote"
			q.spk, q.rule = d.qs[best].spk, "pull_quote"
		}
	}
}

// firstWord returns the first word of text, past opening marks.
func firstWord(text string) string {
	f := strings.Fields(text)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimLeft(f[0], "\"'“‘")
}

// repeatsFromSentenceStart reports whether the folded words want stand in
// quote at the start of one of its sentences.
func repeatsFromSentenceStart(quote, want string) bool {
	rest := quote
	for {
		if strings.HasPrefix(foldWords(rest)+" ", want+" ") {
			return true
		}
		k := strings.IndexAny(rest, ".!?")
		if k < 0 {
			return false
		}
		rest = rest[k+1:]
	}
}

// startsUpper reports text whose first letter is a capital.
func startsUpper(text string) bool {
	for _, r := range text {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// aloneInPara reports a quote that is all of its paragraph but for
// punctuation.
func (d *doc) aloneInPara(q *qspan) bool {
	p := d.paras[q.para]
	if q.open != p.t0 || q.close < 0 {
		return false
	}
	for k := q.close + 1; k < p.t1; k++ {
		if d.toks[k].kind == kWord {
			return false
		}
	}
	return true
}

// foldWords lower-cases s and keeps its words, one space apart.
func foldWords(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}), " ")
}

func (d *doc) setInside(q *qspan, v bool) {
	end := q.close
	if end < 0 {
		end = d.paras[q.para].t1
	}
	i := q.open + 1
	if q.headless {
		i = q.open
	}
	for ; i < end; i++ {
		d.toks[i].inQ = v
	}
}

// pairMarks pairs the quote marks of each paragraph into top-level quote
// spans. Marks nested in a quote are part of its text. An opener left at the
// end of a paragraph continues into the next one only when that paragraph
// opens with a quote mark; otherwise it is kept to the paragraph end only
// when it looks like a quote whose closing mark was forgotten.
func (d *doc) pairMarks() []*qspan {
	var out []*qspan
	prevOpen := false
	for pi, p := range d.paras {
		var stack []int
		doubled := map[int]int{} // an opening mark -> the one typed right after it
		first := len(out)
		start := p.t0
		if h := d.headlessClose(out, pi); h > 0 {
			out = append(out, &qspan{open: p.t0, close: h, ts: d.toks[p.t0].s, te: d.toks[h].s, para: pi, attrEnd: -1, contPrev: true, headless: true})
			start = h + 1
		}
		for i := start; i < p.t1; i++ {
			t := d.toks[i]
			if t.kind != kMark {
				continue
			}
			dir := t.dir
			if dir == mEither {
				if len(stack) > 0 {
					dir = mClose
				} else {
					dir = mOpen
				}
			}
			// `saying "“It is ...”`: two opening marks typed together
			// open one quote (its text starts after both).
			if dir == mOpen && i > p.t0 && d.toks[i-1].kind == kMark && d.toks[i-1].e == t.s && len(stack) > 0 && stack[len(stack)-1] == i-1 &&
				d.doubleMark(i) && d.doubleMark(i-1) {
				doubled[i-1] = i
				continue
			}
			if dir == mOpen {
				// “A. “B.”: a double mark opening after a sentence inside a
				// quote left open by a double mark, with nothing closed in
				// between, is the next paragraph of the quote: a text taken
				// from a page or a feed that lost its breaks. The open
				// quote ends with its sentence, and the new one starts.
				if len(stack) == 1 && i > stack[0]+2 && d.stop(i-1) && d.doubleMark(i) && d.doubleMark(stack[0]) {
					o := stack[0]
					out = append(out, &qspan{open: o, close: i, ts: d.toks[o].e, te: d.toks[i-1].e, para: pi, attrEnd: -1})
					stack = stack[:0]
				}
				stack = append(stack, i)
				continue
			}
			if len(stack) == 0 {
				continue // a stray closing mark (or an inch sign)
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				ts := d.toks[o].e
				if x, ok := doubled[o]; ok {
					ts = d.toks[x].e
				}
				out = append(out, &qspan{open: o, close: i, ts: ts, te: t.s, para: pi, attrEnd: -1})
			}
		}
		if len(stack) > 0 {
			o := stack[0]
			te := p.s + len(strings.TrimRightFunc(d.body[p.s:p.e], unicode.IsSpace))
			q := &qspan{open: o, close: -1, ts: d.toks[o].e, te: te, para: pi, attrEnd: -1}
			switch {
			case te <= q.ts:
			case pi+1 < len(d.paras) && d.opensWithQuote(d.paras[pi+1]):
				q.contNext = true
				out = append(out, q)
			case d.looksUnclosed(o, p):
				out = append(out, q)
			}
		}
		if prevOpen && len(out) > first && out[first].open == p.t0 {
			out[first].contPrev = true
		}
		prevOpen = len(out) > 0 && out[len(out)-1].para == pi && out[len(out)-1].contNext
	}
	return out
}

// headlessClose finds a quote carried over a paragraph break with no mark
// to reopen it: the previous paragraph ends inside a quote that was never
// closed, and this paragraph's first mark closes one. It returns that
// mark's token, or -1.
func (d *doc) headlessClose(out []*qspan, pi int) int {
	if pi == 0 || len(out) == 0 {
		return -1
	}
	last := out[len(out)-1]
	p := d.paras[pi]
	if last.para != pi-1 || last.close >= 0 || last.contNext || d.opensWithQuote(p) {
		return -1
	}
	for i := p.t0; i < p.t1; i++ {
		if d.toks[i].kind != kMark {
			continue
		}
		if d.toks[i].dir == mClose && i > p.t0 {
			return i
		}
		return -1
	}
	return -1
}

// opensWithQuote reports whether paragraph p starts with an opening mark.
func (d *doc) opensWithQuote(p para) bool {
	return p.t1 > p.t0 && d.toks[p.t0].kind == kMark && d.toks[p.t0].dir != mClose
}

// looksUnclosed reports whether an opener with no closing mark in its
// paragraph still starts a quote: it opens the paragraph or follows a colon,
// a comma or a cue, and the paragraph ends a sentence.
func (d *doc) looksUnclosed(o int, p para) bool {
	last := d.toks[p.t1-1]
	if last.kind != kPunct || !strings.ContainsAny(d.text(last), ".!?") {
		return false
	}
	if o == p.t0 || d.isPunct(o-1, ":") || d.isPunct(o-1, ",") {
		return true
	}
	return d.cueAt(o-1) > 0 || d.cueEndsAt(o-1)
}

// markSentences sets tok.sentEnd: a full stop, question or exclamation mark
// outside quotes followed by a capital, a digit or an opening mark, a
// closing mark after such a stop, and the last token of each paragraph.
func (d *doc) markSentences() {
	for _, p := range d.paras {
		for i := p.t0; i < p.t1; i++ {
			t := &d.toks[i]
			t.sentEnd = false
			if i == p.t1-1 {
				t.sentEnd = true
				continue
			}
			if t.inQ {
				continue
			}
			n := d.toks[i+1]
			nextStarts := (n.kind == kWord && (n.capit || startsDigit(d.text(n)))) || (n.kind == kMark && n.dir != mClose)
			switch t.kind {
			case kWord:
				// "near Concourse B. The United flight": an initial's period
				// that a word opening a sentence follows ends it.
				if w := d.text(*t); len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z' && n.kind == kWord && n.capit && d.lex.in("sentstarts", n.low) {
					t.sentEnd = true
				}
				// "of magnitude 5.1. The civil defence chief": a decimal
				// number took the full stop after it into its word.
				if w := d.text(*t); len(w) >= 4 && w[len(w)-1] == '.' && w[len(w)-2] >= '0' && w[len(w)-2] <= '9' && strings.Count(w, ".") >= 2 && nextStarts {
					t.sentEnd = true
				}
			case kPunct:
				if d.stop(i) && nextStarts {
					t.sentEnd = true
				}
			case kMark:
				k := i - 1
				if d.isPunct(k, "]") {
					k--
				}
				if d.stop(k) && nextStarts {
					t.sentEnd = true
				}
			}
		}
	}
}

// doubleMark reports a double quotation mark at token i (not a single
// mark the document quotes with).
func (d *doc) doubleMark(i int) bool { return isQuoteMark(firstRune(d.text(d.toks[i]))) }

func (d *doc) stop(i int) bool {
	if i < 0 || d.toks[i].kind != kPunct {
		return false
	}
	s := d.text(d.toks[i])
	return s == "." || s == "!" || s == "?" || s == "…"
}

// workBefore reports a name's possessive right before the mark at open,
// which introduces a work's title ("Omar Rao's"); "titled" is read by
// titleBefore.
func (d *doc) workBefore(open int) bool {
	k := open - 1
	if k < 0 || d.toks[k].para != d.toks[open].para {
		return false
	}
	return d.possessive(k)
}

// titleBefore reports "titled", "entitled" or "headlined" right before
// the mark at open, or a work's noun after a determiner ("the article",
// "her new book").
func (d *doc) titleBefore(open int) bool {
	k := open - 1
	if !d.isWord(k) || d.toks[k].para != d.toks[open].para {
		return false
	}
	switch w := d.toks[k].low; w {
	case "titled", "entitled", "headlined":
		return true
	case "article", "book", "novel", "film", "movie", "song", "album", "essay", "column", "editorial", "poem", "documentary", "episode", "exhibition", "podcast", "headline", "paper":
		j := k - 1
		for n := 0; n < 2 && d.isWord(j) && !d.toks[j].capit && !d.lex.in("determiners", d.toks[j].low) && (strings.HasSuffix(d.toks[j].low, "ed") || d.toks[j].low == "new" || d.toks[j].low == "latest" || d.toks[j].low == "first"); n++ {
			j--
		}
		// (Not a work a verb labels: `called the film "a quiet
		// masterpiece"` reports the words.)
		return d.isWord(j) && d.lex.in("determiners", d.toks[j].low) && !(d.isWord(j-1) && !d.toks[j-1].capit && d.verbish(d.toks[j-1].low))
	}
	return false
}

func startsDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

// keep decides whether a candidate span is a quote: not a title of a work,
// and either long enough or a short full utterance tied to a cue.
func (d *doc) keep(q *qspan, cands []*qspan, i int) bool {
	text := strings.TrimSpace(d.body[q.ts:q.te])
	if text == "" {
		return false
	}
	words, lowers, caps := 0, 0, 0
	for _, f := range strings.Fields(text) {
		// (A word may open with an apostrophe either way round: "’til",
		// "'til".)
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(f, "([{'‘’\"“"))
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		words++
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsLower(r) && !d.lex.in("smallwords", strings.ToLower(strings.Trim(f, ",.;:!?'\"“”‘’()"))):
			lowers++
		}
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, "]"))
	endsSentence := strings.ContainsRune(".!?…", last)
	if words == 0 {
		return false
	}
	// `a poem titled "If Indeed I am Ill, Brother."`, `Ada Brook's "An
	// Ode to the Harbour"`: words in title case after "titled" or after a
	// name's possessive name a work.
	if caps >= 3 && lowers <= 1 && words <= 12 && !q.contPrev && !q.contNext && d.workBefore(q.open) {
		return false
	}
	// `a paper titled "The importance of forests"`, `the article "Are the
	// elections headed to a recount?"`: after "titled", or after a work's
	// noun and its determiner, a title in any case.
	if !q.contPrev && !q.contNext && d.titleBefore(q.open) {
		return false
	}
	// A run of capitalised words with no sentence end is a title or a name.
	if lowers == 0 && caps > 0 && words >= 2 && (!endsSentence || (words <= 5 && last == '.')) && words <= 12 && !q.contPrev && !q.contNext {
		return false
	}
	// "under the "one country, two systems" model": a short quoted term
	// between a determiner and the noun it modifies.
	if words <= 4 && q.close >= 0 && d.isWord(q.open-1) && (d.toks[q.open-1].low == "the" || d.toks[q.open-1].low == "a" || d.toks[q.open-1].low == "an") &&
		d.isWord(q.close+1) && !d.toks[q.close+1].capit && !d.verbish(d.toks[q.close+1].low) && !d.lex.in("prepositions", d.toks[q.close+1].low) &&
		!d.lex.in("clause", d.toks[q.close+1].low) && d.cueAt(q.close+1) == 0 && !d.adverb(d.toks[q.close+1].low) {
		return false
	}
	// `used the terms "same-sex family relationship"`, `the word "..."`:
	// a term being named, not words being reported.
	if words <= 5 && !endsSentence && q.close >= 0 && !q.contPrev && !q.contNext && d.isWord(q.open-1) {
		switch d.toks[q.open-1].low {
		case "term", "terms", "word", "words", "phrase", "phrases", "expression", "slogan", "label", "hashtag":
			return false
		}
	}
	if d.namedText(q, words, endsSentence, last) {
		return false
	}
	if words >= d.x.minPartial || q.contPrev || q.contNext {
		return true
	}
	// A short quote counts only as a whole utterance with its attribution
	// right after it ("No," she said), or as a whole sentence after a quote
	// of the same paragraph (`"We failed," Ana Lind said. "We listened."`).
	// (Not after a question: the answer is someone else's, `"Will you
	// run?" a reporter asked Ana Lind. "No."`.)
	if q.close >= 0 && endsSentence && i > 0 && cands[i-1].para == q.para && cands[i-1].close >= 0 && d.sentStart(q.open) &&
		!strings.HasSuffix(strings.TrimSpace(d.body[cands[i-1].ts:cands[i-1].te]), "?") &&
		unicode.IsUpper(firstRune(text)) && (q.close+1 >= len(d.toks) || d.toks[q.close].sentEnd || d.toks[q.close+1].sentEnd || d.paraOf(q.close+1) != q.para) {
		return true
	}
	if q.close < 0 || d.toks[q.close].sentEnd || !strings.ContainsRune(",.!?…", last) {
		return false
	}
	// ("Now," he said, "...": the first half of a quote its attribution
	// interrupts is a quote of its own, however short, as GUIDELINES has
	// it; blind annotators kept ten of eleven such halves in the
	// development sets.)
	// (Only a half that opens its sentence: `a flag – "igniting," as
	// Reuters reported, "fears of ..."` is a partial quote, too short.)
	hi := d.paras[q.para].t1
	if i+1 < len(cands) && cands[i+1].para == q.para {
		hi = cands[i+1].open
		cont := true
		for k := q.close + 1; k < hi; k++ {
			cont = cont && !d.toks[k].sentEnd
		}
		if cont && !d.sentStart(q.open) {
			return false
		}
	}
	// (`raised "great suspicion," Ana Lind said`: words inside the
	// sentence's own are a partial quote, too short to count.)
	if d.isWord(q.open-1) && !d.sentStart(q.open) {
		return false
	}
	r, _ := d.afterCue(q, q.close+1, hi)
	q.attrEnd = -1 // only a probe: attribute reads the attribution again
	return r.ok()
}

// indexMentions marks each token with the entity whose mention covers it
// (a possessive ending just past the mention included), so that look-ups
// cost nothing per token.
func (d *doc) indexMentions() {
	for _, m := range d.ments {
		i := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].e > m.s })
		for ; i < len(d.toks) && d.toks[i].s < m.e; i++ {
			if d.toks[i].kind == kWord && d.toks[i].s >= m.s && d.toks[i].e <= m.e+3 && d.toks[i].ent < 0 {
				d.toks[i].ent = int32(m.ent)
				// "WHO Director-General Tedros told": an acronym that names
				// an entity is no clause word of the lists ("who"). (Its
				// other readings stay: "US" is a title word.)
				if raw := d.body[d.toks[i].s:d.toks[i].e]; len(raw) >= 2 && raw == strings.ToUpper(raw) && d.lex.in("clause", d.toks[i].low) {
					d.toks[i].low = raw
				}
			}
		}
	}
}

// namedText reports a quote that names something rather than reports words
// said: a name or nickname after `known as`, `nicknamed`, `titled`
// (`also known as "the Iron Lady"`), and a question or motto in apposition
// to its noun (`added the question, "Where were you born?", to the form`).
func (d *doc) namedText(q *qspan, words int, endsSentence bool, last rune) bool {
	// `("the little tornado")`: a gloss in brackets right after a quote
	// translates it.
	if q.close >= 0 && d.isPunct(q.open-1, "(") && q.open-2 >= 0 && d.toks[q.open-2].kind == kMark && d.isPunct(q.close+1, ")") {
		return true
	}
	if q.close < 0 || q.contPrev || q.contNext {
		return false
	}
	k := q.open - 1
	if d.isPunct(k, ",") || d.isPunct(k, ":") {
		k--
	}
	if !d.isWord(k) {
		return false
	}
	w := d.toks[k].low
	switch w {
	case "question", "questions", "motto", "slogan", "hashtag", "headline", "caption":
		// The noun names the text; a question is named whole, `?` and all.
		// A question someone asks or puts ("he asked the question") is
		// still reported speech.
		if endsSentence && last != '?' && w != "headline" && w != "caption" {
			return false
		}
		// "a form of forty questions, "must be signed by a lawyer"": after
		// a comma, words that ask nothing are reported, not named.
		if last != '?' && d.isPunct(q.open-1, ",") && w != "headline" && w != "caption" {
			return false
		}
		for j := k - 1; j >= k-3 && d.isWord(j); j-- {
			switch d.toks[j].low {
			case "ask", "asks", "asked", "asking", "put", "puts", "putting", "pose", "poses", "posed", "posing", "raise", "raised", "raises", "raising":
				return false
			}
		}
		// "posted a photograph on Instagram with the caption "...": a
		// caption someone posts is what they wrote.
		// (Its sentence back to the verb: "tweeted the photo of a man
		// with a gun slung over his shoulder with the caption, "..."".)
		if w == "caption" {
			for j := k - 1; j >= 0 && j >= k-30 && !d.toks[j].sentEnd; j-- {
				switch d.toks[j].low {
				case "posted", "posts":
					// (Not "Officers posted at the gate": stationed.)
					if w := d.toks[j+1].low; d.isWord(j+1) && (d.lex.in("determiners", w) || d.lex.in("pronouns", w) || w == "on" || w == "online" || w == "to") {
						return false
					}
				case "shared", "shares", "uploaded", "tweeted", "wrote", "writes", "published":
					return false
				}
			}
		}
		return true
	}
	// `a look as if to say "You think you got me?"`: words nobody said,
	// read into a face or a gesture.
	if w == "say" || w == "saying" {
		j := k - 1
		if w == "say" && d.isWord(j) && d.toks[j].low == "to" {
			j--
		}
		if d.isWord(j) && (d.toks[j].low == "if" || d.toks[j].low == "though") && d.isWord(j-1) && d.toks[j-1].low == "as" {
			return true
		}
	}
	// `so-called "personally identifiable information"`: the writer
	// marks a term as someone else's, not words said (a term may be long
	// and may end the sentence).
	if k == q.open-1 && (w == "so-called" || (w == "called" && d.isWord(k-1) && d.toks[k-1].low == "so")) {
		return true
	}
	// `what the agency calls "weather and safety" leave`, `areas commonly
	// called "care deserts."`: a verb of naming right before a short quote,
	// its object left out, names a term; reported words take an object
	// first (`called the plan "a disaster for families"`). Not the noun
	// (`the referee's call "was simply wrong"`, `their calls "loud and
	// clear"`), nor a call for or on something (`called "for calm"`).
	if k == q.open-1 && words <= 4 {
		switch w {
		case "call", "calls", "called", "dubbed", "dubs", "termed", "labelled", "labeled":
			first := strings.ToLower(strings.TrimLeft(strings.Fields(d.body[q.ts:q.te])[0], "\"'“‘"))
			noun := k > 0 && d.isWord(k-1) && (d.lex.in("determiners", d.toks[k-1].low) || d.possessive(k-1) || d.lex.in("pronouns", d.toks[k-1].low) && strings.HasSuffix(d.toks[k-1].low, "r"))
			// ("denied what it called "baseless and defamatory
			// allegations" made by ...": "what" and a subject before the
			// verb, and no noun after the words, which are the whole
			// object: the subject's words, not a term.)
			whatClause := false
			for x := k - 1; x >= 0 && x >= k-4 && d.isWord(x) && !d.toks[x].inQ; x-- {
				if d.toks[x].low == "what" {
					whatClause = x < k-1
					break
				}
			}
			if whatClause && words >= 3 && (q.close < 0 || !d.plainNoun(q.close+1) || strings.HasSuffix(d.toks[q.close+1].low, "ed")) {
				return false
			}
			if !noun && !d.lex.in("prepositions", first) {
				return true
			}
		}
	}
	// `Kedah, often called "the rice bowl of Malaysia"`, `the town is
	// called "the gateway to the north"`: a passive verb of naming, after
	// an adverb of how often or a form of "be", names what is so called
	// (a name may run longer than a term).
	// (Not words an agent said, `was called "a betrayal" by the union`,
	// nor a call for or on something, `also called "on all parties to"`.)
	if k == q.open-1 && words <= 8 && (w == "called" || w == "dubbed" || w == "termed" || w == "labelled" || w == "labeled") && d.isWord(k-1) &&
		!(q.close >= 0 && d.isWord(q.close+1) && d.toks[q.close+1].low == "by") && !d.lex.in("prepositions", strings.ToLower(firstWord(d.body[q.ts:q.te]))) {
		switch d.toks[k-1].low {
		case "often", "sometimes", "widely", "commonly", "popularly", "affectionately", "generally", "usually", "locally",
			"is", "are", "was", "were", "been", "being":
			return true
		}
	}
	// `critics began to call her "the poet of the tides"`: calling someone
	// so as a habit that began or used to be gives them a name.
	if k == q.open-1 && words <= 8 && (w == "her" || w == "him" || w == "it" || w == "them") && d.isWord(k-1) && d.toks[k-1].low == "call" &&
		d.isWord(k-2) && d.toks[k-2].low == "to" && d.isWord(k-3) {
		switch d.toks[k-3].low {
		case "began", "begun", "begin", "begins", "started", "start", "starts", "came", "come", "used":
			return true
		}
	}
	if words > 6 {
		return false
	}
	// "nicknamed the dinosaur "...", "earning it the nickname "...": a
	// naming verb with its object, or a noun for a name, before the quote.
	if k == q.open-1 && (w == "nickname" || w == "moniker" || w == "nicknames") {
		return true
	}
	for j := k; j >= k-3 && j > 0 && d.isWord(j) && !d.toks[j].inQ; j-- {
		switch d.toks[j].low {
		case "nicknamed", "codenamed", "code-named":
			return true
		}
		if d.cueAt(j) > 0 { // "the man nicknamed Smiley told police "...""
			break
		}
	}
	if endsSentence || k != q.open-1 {
		return false
	}
	switch w {
	case "nicknamed", "titled", "entitled", "codenamed", "code-named", "aka", "a.k.a.":
		return true
	case "as":
		if d.isWord(k-1) && (d.toks[k-1].low == "known" || d.toks[k-1].low == "referred") {
			return true
		}
		// `Vollmer, known among some workers as "the man with the
		// scissors"`, `Vietnam, often described by investors as "the next
		// China"`: a name someone goes by, with who calls them so between.
		// (Only a phrase of who calls them so, right after the verb:
		// "known among some workers as", "often described by investors
		// as"; not "Little is known about the plan but the minister hailed
		// it as".)
		for j := k - 1; j >= 0 && j >= k-9 && d.isWord(j) && !d.toks[j].inQ; j-- {
			switch w := d.toks[j].low; w {
			case "known":
				return j < k-1 && d.isWord(j+1) && d.prepositionWord(d.toks[j+1].low) && d.toks[j+1].low != "about"
			case "described":
				if d.isWord(j-1) && d.isWord(j+1) && d.toks[j+1].low == "by" && !d.hasCue(j+1, k) {
					switch d.toks[j-1].low {
					case "often", "widely", "commonly", "sometimes", "frequently", "generally", "usually":
						return true
					}
				}
				return false
			case "that", "and", "but", "which", "who":
				return false
			}
		}
	}
	return false
}
