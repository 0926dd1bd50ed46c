package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsflow/newsflow/services/enrich/entity/internal/prose"
)

// unit is a byte range of a text that is tagged on its own: one sentence of
// one line.
type unit struct{ start, end int }

// token is a prose token placed in the original text.
type token struct {
	text       string // as in the original text
	tag, label string
	start, end int // byte offsets into the text the unit belongs to
	initial    bool
}

// units splits text into lines and each line into sentences. Tagging a
// sentence at a time keeps prose's chunker from running a name across a line
// or sentence break, and it is cheaper than prose's own punkt segmenter.
func (lx *lexicon) units(text string, maxLen int) []unit {
	var out []unit
	start := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		out = lx.appendSentences(out, text, start, end, maxLen)
		start = end + 1
	}
	return out
}

func (lx *lexicon) appendSentences(out []unit, text string, start, end, maxLen int) []unit {
	line := text[start:end]
	s := 0
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(line) && strings.IndexByte(`"')]`, line[j]) >= 0 {
			j++
		}
		if j < len(line) && strings.HasPrefix(line[j:], "\u201d") {
			j += len("\u201d")
		}
		if j >= len(line) {
			continue
		}
		k := j
		// ("said Tom Vale."That is our theme": a sentence that ends on a
		// quotation mark with no space before the next one's capital.)
		if line[j] != ' ' {
			if r, _ := utf8.DecodeRuneInString(line[j:]); j == i+1 || !unicode.IsUpper(r) {
				continue
			}
		}
		for k < len(line) && line[k] == ' ' {
			k++
		}
		if k >= len(line) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(line[k:])
		if !unicode.IsUpper(r) && r != '"' && r != '\u201c' && !unicode.IsDigit(r) {
			continue
		}
		if c == '.' && lx.abbreviationBefore(line[s:i+1], line[k:]) {
			continue
		}
		out = appendUnit(out, text, start+s, start+j, maxLen)
		s = k
		i = k - 1
	}
	return appendUnit(out, text, start+s, end, maxLen)
}

// abbreviationBefore reports whether the period closing prev belongs to an
// abbreviation rather than ending the sentence.
func (lx *lexicon) abbreviationBefore(prev, next string) bool {
	w := prev
	if i := strings.LastIndexAny(w, " (\t"); i >= 0 {
		w = w[i+1:]
	}
	core := strings.TrimSuffix(w, ".")
	switch {
	case len(core) == 1 && unicode.IsUpper(rune(core[0])): // initial: "George W. Bush"
		return true
	case lx.abbrevs[core]:
		return true
	case strings.Count(core, ".") >= 1 && len(core) <= 6: // U.S, D.C, U.K
		nw := next
		if i := strings.IndexByte(nw, ' '); i >= 0 {
			nw = nw[:i]
		}
		return !lx.starters[nw]
	}
	return false
}

func appendUnit(out []unit, text string, start, end, maxLen int) []unit {
	for end-start > maxLen {
		// Cut an over-long run at a space so that no word is split.
		cut := strings.LastIndexByte(text[start:start+maxLen], ' ')
		if cut <= 0 {
			cut = maxLen
		}
		out = append(out, unit{start, start + cut})
		start += cut
	}
	if strings.TrimSpace(text[start:end]) != "" {
		out = append(out, unit{start, end})
	}
	return out
}

// sanitizer mirrors prose's own input replacements, which change byte
// lengths; tokens are aligned on the sanitized text and mapped back.
var curly = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

// tag runs prose on text[u.start:u.end] and places its tokens in text.
func (r *Recognizer) tag(text string, u unit) []token {
	src := text[u.start:u.end]
	san, back := sanitize(src)
	if strings.TrimSpace(san) == "" {
		return nil
	}
	doc, err := prose.NewDocument(san, prose.UsingModel(r.model))
	if err != nil {
		return nil
	}
	ptoks := doc.Tokens()
	out := make([]token, 0, len(ptoks))
	pos := 0
	for _, pt := range ptoks {
		i := strings.Index(san[pos:], pt.Text)
		if i < 0 {
			continue
		}
		s, e := pos+i, pos+i+len(pt.Text)
		// "D'Souza", "O'Malley": prose takes "'Souza" for a clitic like
		// "'s" and drops it; the capital and its apostrophe word are one name.
		if len(pt.Text) == 1 && pt.Text != "I" {
			e += elision(san[e:])
		}
		pos = e
		// "Punta Tombo[...]": an editor's bracket glued to a word is no
		// part of it.
		if k := strings.IndexByte(pt.Text, '['); k > 0 && e-s > k {
			e = s + k
		}
		// "North Cotabato— declared": a dash glued to a word ends it.
		if k := strings.Index(pt.Text, "\u2014"); k > 0 && e-s > k {
			e = s + k
		}
		os, oe := s, e
		if back != nil {
			os, oe = back[s], back[e]
		}
		tag := pt.Tag
		if e-s > len(pt.Text) {
			tag = "NNP"
		}
		// "the attack — Ansar al-Sharia, an armed group — and": prose tags
		// a dash of its own NNP; the treebank's tag for it is ":".
		if pt.Text == "\u2014" || pt.Text == "\u2013" {
			tag = ":"
		}
		out = append(out, token{
			text: src[os:oe], tag: tag, label: pt.Label,
			start: u.start + os, end: u.start + oe,
		})
	}
	return out
}

// elision returns the length of an apostrophe and a capitalised word at the
// start of rest ("'Souza" in "D'Souza"), or 0.
func elision(rest string) int {
	if len(rest) < 3 || rest[0] != '\'' || rest[1] < 'A' || rest[1] > 'Z' {
		return 0
	}
	n := 2
	for n < len(rest) {
		r, size := utf8.DecodeRuneInString(rest[n:])
		if !unicode.IsLetter(r) {
			break
		}
		n += size
	}
	return n
}

// sanitize applies prose's replacements and returns, when anything changed,
// the map from sanitized byte offsets to original ones (len(san)+1 entries).
func sanitize(src string) (string, []int) {
	if !strings.ContainsAny(src, "\u201c\u201d\u2018\u2019&") && !strings.Contains(src, "--") && !strings.Contains(src, "\u2014") {
		return src, nil
	}
	var b strings.Builder
	back := make([]int, 0, len(src)+1)
	for i := 0; i < len(src); {
		rep, n := "", 0
		switch {
		case strings.HasPrefix(src[i:], "\u201c"), strings.HasPrefix(src[i:], "\u201d"):
			rep, n = `"`, 3
		case strings.HasPrefix(src[i:], "\u2018"), strings.HasPrefix(src[i:], "\u2019"):
			rep, n = "'", 3
		case strings.HasPrefix(src[i:], "&rsquo;"):
			rep, n = "'", len("&rsquo;")
		case strings.HasPrefix(src[i:], "--"), strings.HasPrefix(src[i:], "\u2014"):
			// "NEW YORK--Acme Corp. said", "Kyiv\u2014Ukraine's": a dash
			// glued to the words on both sides is one token to prose;
			// spaced, it separates them as it does in the text's sense.
			n = len("\u2014")
			if src[i] == '-' {
				n = 2
				for i+n < len(src) && src[i+n] == '-' {
					n++
				}
			}
			rep = " " + src[i:i+n] + " "
		}
		if n > 0 {
			b.WriteString(rep)
			back = append(back, i)
			if len(rep) > 1 { // a spaced dash: each of its bytes, then the space after it
				for k := range n {
					back = append(back, i+k)
				}
				back = append(back, i+n)
			}
			i += n
			continue
		}
		b.WriteByte(src[i])
		back = append(back, i)
		i++
	}
	back = append(back, len(src))
	return b.String(), back
}
