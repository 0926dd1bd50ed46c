package parse

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// frontLimit is how many lines after the headline may still be front
// matter (subheadline, caption, byline, dateline); beyond that, text is body.
const frontLimit = 6

// line is one cleaned, non-blank line with the block (blank-line separated
// group) it belongs to.
type line struct {
	text  string
	block int
}

// parseText reads a plain-text article: headline, then front matter
// (subheadline, caption, byline, dateline) told apart by shape, then
// paragraphs, with a trailing "Published under:" tag line and without map
// legend lines ("██ ...").
func (p *Parser) parseText(text string) (draft, error) {
	var d draft
	blocks := textBlocks(text)
	blocks = dropLegendLines(blocks)
	if n := len(blocks); n > 0 {
		if tags, ok := p.tagLine(blocks[n-1]); ok {
			d.tags = tags
			blocks = blocks[:n-1]
		}
	}
	if len(blocks) == 0 {
		return d, fail(ReasonNoText, ErrNoText, "no text lines")
	}
	var lines []line
	for bi, b := range blocks {
		for _, l := range b {
			lines = append(lines, line{text: l, block: bi})
		}
	}

	i := 0
	// A leading date line (some exports put the date first) is the dateline.
	if t, ok := p.dates.dateline(lines[0].text); ok && len(lines) > 1 {
		d.dateline, d.published = lines[0].text, &t
		i++
	}
	if leadParagraph(lines, i) {
		// ("The council voted on Thursday to close ... next year.": a text
		// with no title line keeps its first paragraph in the body; its
		// first sentence is the headline, as for a feed item with none.)
		d.headline = firstSentence(lines[i].text)
	} else {
		d.headline = lines[i].text
		i++
	}

	i = p.frontMatter(&d, lines, i)

	// The body: the remaining lines, regrouped by block.
	var paras []string
	for j := i; j < len(lines); {
		k := j
		for k < len(lines) && lines[k].block == lines[j].block {
			k++
		}
		blk := make([]string, 0, k-j)
		for _, l := range lines[j:k] {
			blk = append(blk, l.text)
		}
		paras = append(paras, blockParagraphs(blk)...)
		j = k
	}
	paras = p.tidyParagraphs(&d, paras)
	if len(paras) == 0 {
		return d, fail(ReasonNoText, ErrNoText, "headline only, no body")
	}
	if d.dateline == "" {
		// AP/Reuters style: "WASHINGTON, Sept. 28, 2020 — The ..." opens the first paragraph.
		if dl, t, ok := p.leadDateline(paras[0]); ok {
			d.dateline, d.published = dl, &t
		}
	}
	d.body = joinParagraphs(paras)
	return d, nil
}

// leadParagraph reports a first line at i that is a paragraph rather than
// a title: it ends a sentence and is long (a headline rarely runs to 120
// characters with a full stop), or it is the text's only line.
func leadParagraph(lines []line, i int) bool {
	l := lines[i].text
	if !endsSentence(l) {
		return false
	}
	n := utf8.RuneCountInString(l)
	return n >= 120 || i == len(lines)-1 && n >= 40
}

// frontMatter classifies the lines after the headline until the first
// paragraph-shaped line and returns the index where the body starts.
func (p *Parser) frontMatter(d *draft, lines []line, i int) int {
	start := i
	kind := make(map[int]string) // precomputed date/byline marks, by line index
	for j := i; j < len(lines) && j < start+frontLimit; j++ {
		if _, ok := p.dates.dateline(lines[j].text); ok {
			kind[j] = "date"
		} else if _, ok := p.byline(lines[j].text); ok {
			kind[j] = "byline"
		}
	}
	for ; i < len(lines) && i < start+frontLimit; i++ {
		l := lines[i].text
		switch kind[i] {
		case "date":
			if d.dateline == "" {
				t, _ := p.dates.dateline(l)
				d.dateline, d.published = l, &t
				continue
			}
		case "byline":
			if d.byline == "" {
				d.byline, _ = p.byline(l)
				continue
			}
		}
		if paragraphShaped(l) || leadIn(l) || p.wrappedParagraph(lines, i, kind) {
			return i
		}
		// Which short line is it? A line sharing its block with the
		// dateline or byline, or marked as a photo credit, is a caption; a
		// line of mostly capitalised words (names, titles) is a caption; a
		// sentence-like line is the subheadline.
		nearMeta := false
		for j := i - 1; j <= i+1; j++ {
			if j >= 0 && j < len(lines) && j != i && lines[j].block == lines[i].block && kind[j] != "" {
				nearMeta = true
			}
		}
		switch {
		case p.captionMarked(l) && d.caption == "":
			d.caption = l
		case nearMeta && d.caption == "":
			d.caption = l
		case d.subheadline == "" && d.caption == "" && !p.nameLike(l):
			d.subheadline = l
		case d.caption == "" && p.nameLike(l) && !(d.subheadline == "" && captionPending(lines, i, start, kind)):
			d.caption = l
		case d.subheadline == "":
			d.subheadline = l
		default:
			return i // a second unexplained short line: body starts here
		}
	}
	return i
}

// wrappedParagraph reports a line that opens a hard-wrapped paragraph: its
// block holds no date or byline line and reads, joined, as body text.
func (p *Parser) wrappedParagraph(lines []line, i int, kind map[int]string) bool {
	b := lines[i].block
	if i+1 >= len(lines) || lines[i+1].block != b {
		return false
	}
	var blk []string
	for j := i; j < len(lines) && lines[j].block == b; j++ {
		if kind[j] != "" {
			return false
		}
		blk = append(blk, lines[j].text)
	}
	return paragraphShaped(blockParagraphs(blk)[0])
}

// captionPending reports a later front line that shares its block with the
// dateline or byline: that one is the caption, so an earlier short line is
// the subheadline even when it is title-cased.
func captionPending(lines []line, i, start int, kind map[int]string) bool {
	for j := i + 1; j < len(lines) && j < start+frontLimit; j++ {
		if kind[j] != "" || paragraphShaped(lines[j].text) {
			continue
		}
		for k := j - 1; k <= j+1; k++ {
			if k > i && k < len(lines) && k != j && lines[k].block == lines[j].block && kind[k] != "" {
				return true
			}
		}
	}
	return false
}

// paragraphShaped reports a line that reads as body text: a sentence of
// several words, or simply long.
func paragraphShaped(s string) bool {
	n := utf8.RuneCountInString(s)
	if n > 160 {
		return true
	}
	// (Words as wordCount counts them: a script written without spaces,
	// Chinese or Japanese, counts one for every two letters; by spaces a
	// sentence of it was one word, and an article's first paragraph was
	// taken for a subheadline.)
	return endsSentence(s) && wordCount(s) >= 6 && !strings.HasSuffix(strings.TrimRight(s, "\"'”’)"), "..")
}

// leadIn reports a line of body text that introduces what follows it with
// a colon ("A lawyer for the families was blunt:"): no subheadline ends so.
func leadIn(s string) bool {
	return strings.HasSuffix(strings.TrimSpace(s), ":") && len(strings.Fields(s)) >= 6
}

// byline returns the name in a byline ("By Jane Doe" gives "Jane Doe").
func (p *Parser) byline(s string) (string, bool) {
	if utf8.RuneCountInString(s) > 100 || len(strings.Fields(s)) > 14 {
		return "", false
	}
	rest, ok := p.cutBylinePrefix(s)
	if !ok {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) || endsSentence(rest) && !initialEnd(rest) {
		return "", false
	}
	return rest, true
}

// cutBylinePrefix returns s after the byline prefix it opens with ("By ",
// "Author:"; a word prefix needs a space after it), trimmed. (No two
// prefixes of the list both fit one line.)
func (p *Parser) cutBylinePrefix(s string) (string, bool) {
	low := strings.ToLower(s)
	for _, pre := range p.words.bylinePrefixes {
		if rest, ok := strings.CutPrefix(low, pre); ok && rest != "" && (strings.HasSuffix(pre, ":") || rest[0] == ' ') {
			return strings.TrimSpace(s[len(pre):]), true
		}
	}
	return s, false
}

// initialEnd reports a name ending in an initial or "Jr." rather than a sentence.
func initialEnd(s string) bool {
	f := strings.Fields(s)
	last := f[len(f)-1]
	return len(last) <= 3 && strings.HasSuffix(last, ".")
}

// captionMarked reports a photo caption by its credit markers.
func (p *Parser) captionMarked(s string) bool {
	low := strings.ToLower(s)
	for _, m := range p.words.captionMarkers {
		if strings.HasPrefix(low, m) || strings.HasSuffix(strings.TrimRight(low, ") ."), strings.TrimLeft(m, "(/ ")) && strings.Contains(low, m) {
			return true
		}
	}
	return false
}

// nameLike reports a short line made mostly of capitalised words: names
// and titles ("Secretary of State Mike Pompeo"), the shape of a caption,
// not of a subheadline sentence.
func (p *Parser) nameLike(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 12 || endsSentence(s) {
		return false
	}
	caps, other := 0, 0
	for _, w := range words {
		w = strings.Trim(w, "\"'“”‘’(),:;")
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case p.words.nameWords[strings.ToLower(w)]:
		default:
			other++
		}
	}
	return caps > 0 && other == 0
}

// tagLine reads a trailing "Published under: A , B" block.
func (p *Parser) tagLine(block []string) ([]string, bool) {
	if len(block) != 1 {
		return nil, false
	}
	s := block[0]
	low := strings.ToLower(s)
	for _, pre := range p.words.tagPrefixes {
		if !strings.HasPrefix(low, pre) {
			continue
		}
		rest := strings.TrimSpace(s[len(pre):])
		if !strings.HasPrefix(rest, ":") {
			continue
		}
		rest = rest[1:]
		// (Each of ",", ";" and "|" separates: "Budget; Bergen, council"
		// is three tags.)
		return strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ';' || r == '|' }), true
	}
	return nil, false
}

// dropLegendLines removes map-legend lines ("██ Syrian Arab Republic"):
// lines that start with a block-drawing glyph are key entries of a map or
// chart image, not body text.
func dropLegendLines(blocks [][]string) [][]string {
	out := blocks[:0]
	for _, b := range blocks {
		kept := b[:0]
		for _, l := range b {
			r, _ := utf8.DecodeRuneInString(l)
			if r >= 0x2580 && r <= 0x259f || r == '■' || r == '▬' {
				continue
			}
			kept = append(kept, l)
		}
		if len(kept) > 0 {
			out = append(out, kept)
		}
	}
	return out
}

// leadDateline finds an AP-style dateline opening a paragraph
// ("WASHINGTON, Sept. 28, 2020 — ...") and returns it and its date.
func (p *Parser) leadDateline(para string) (string, time.Time, bool) {
	for _, sep := range []string{" — ", " – ", " -- ", " - "} {
		i := strings.Index(para, sep)
		if i <= 0 || i > 80 {
			continue
		}
		head := para[:i]
		// Try the text after each comma: "CITY, State, Sept. 28, 2020".
		for k := 0; k >= 0 && k < len(head); {
			if t, ok := p.dates.parse(strings.TrimSpace(head[k:])); ok {
				return head, t, true
			}
			n := strings.IndexByte(head[k:], ',')
			if n < 0 {
				break
			}
			k += n + 1
		}
	}
	return "", time.Time{}, false
}

// tidyParagraphs handles what pages pasted as text carry between the
// paragraphs: pull-quote attributions ("—Troy Roberts") join the quote
// they sign; photo captions with a credit ("Placards. Image: J. Doe.")
// and galleries (runs of three or more short captions) leave the body for
// the article's captions.
func (p *Parser) tidyParagraphs(d *draft, paras []string) []string {
	out := paras[:0]
	// A run of signature lines ("—Volodymyr Zelensky", "—President of
	// Ukraine") joins the paragraph before it once, at the run's end:
	// joining line by line made long runs cost quadratic time.
	var sig []string
	flush := func() {
		if len(sig) > 0 {
			out[len(out)-1] += " " + strings.Join(sig, " ")
			sig = sig[:0]
		}
	}
	for _, para := range paras {
		switch {
		case len(out) > 0 && attribution(para):
			sig = append(sig, para)
		case creditCaption(para):
			d.addCaption(para)
		default:
			flush()
			out = append(out, para)
		}
	}
	flush()
	// Galleries: runs of short fragments that are not sentences.
	kept := out[:0]
	for i := 0; i < len(out); {
		j := i
		for j < len(out) && fragment(out[j]) {
			j++
		}
		if j-i >= 3 {
			for _, c := range out[i:j] {
				d.addCaption(c)
			}
			i = j
			continue
		}
		if j == i {
			j++
		}
		kept = append(kept, out[i:j]...)
		i = j
	}
	return kept
}

// attribution reports a pull-quote signature line: a dash and a short name
// or description ("—Łukasz Szumowski on the failed efforts ...").
func attribution(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	if r != '—' && r != '–' && r != '―' && !(r == '-' && strings.HasPrefix(s, "- ")) {
		return false
	}
	rest := strings.TrimSpace(s[size:])
	first, _ := utf8.DecodeRuneInString(rest)
	return rest != "" && unicode.IsUpper(first) && len(strings.Fields(rest)) <= 15
}

// creditCaption reports a photo caption that ends with its credit
// ("Trafalgar Square. Image: Mirrys.", "Image: Nicholas Moreau.").
func creditCaption(s string) bool {
	if len(strings.Fields(s)) > 50 {
		return false
	}
	low := strings.ToLower(s)
	for _, m := range []string{"image:", "photo:", "picture:", "photograph:", "photo credit:", "credit:"} {
		i := strings.LastIndex(low, m)
		if i < 0 || (i > 0 && low[i-1] != ' ' && low[i-1] != '(') {
			continue
		}
		if tail := strings.Fields(s[i+len(m):]); len(tail) >= 1 && len(tail) <= 8 {
			return true
		}
	}
	return false
}

// fragment reports a short line that is not a sentence: a gallery caption.
func fragment(s string) bool {
	return len(strings.Fields(s)) <= 15 && !endsSentence(s) || creditCaption(s)
}
