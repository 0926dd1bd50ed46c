package parse

import (
	"regexp"
	"strings"
)

// maxBoilerplateWords is the longest paragraph removeBoilerplate drops: a
// paywall box or a timestamp line is a few sentences; a paragraph of news
// that quotes such words is longer or has other sentences.
const maxBoilerplateWords = 40

// sentenceEnd splits a paragraph into sentences.
var sentenceEnd = regexp.MustCompile(`[.!?…]+(\s+|$)`)

// compileBoilerplate builds the matchers of data/boilerplate.txt, each
// anchored to a whole sentence.
func compileBoilerplate(lines []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(lines))
	for _, l := range lines {
		re, err := regexp.Compile(`^(?i:` + l + `)$`)
		if err != nil {
			return nil, err
		}
		out = append(out, re)
	}
	return out, nil
}

// removeBoilerplate drops the short paragraphs of body that are only
// paywall or timestamp boilerplate ("Subscribe to continue reading.
// Already a subscriber? Log in", "Updated 3 hours ago"), which the
// extractors keep when the page's markup does not mark them. It returns
// the body and how many paragraphs it dropped.
func (p *Parser) removeBoilerplate(body string) (string, int) {
	paras := strings.Split(body, "\n\n")
	out := paras[:0]
	dropped := 0
	for _, para := range paras {
		if p.boilerplate(para) {
			dropped++
			continue
		}
		out = append(out, para)
	}
	if dropped == 0 {
		return body, 0
	}
	return strings.Join(out, "\n\n"), dropped
}

// boilerplate reports a paragraph of at most maxBoilerplateWords words
// every sentence of which is one of the boilerplate phrases.
func (p *Parser) boilerplate(para string) bool {
	para = strings.TrimSpace(para)
	if para == "" || wordCount(para) > maxBoilerplateWords {
		return false
	}
	for _, s := range sentenceEnd.Split(para, -1) {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		match := false
		for _, re := range p.words.boilerplate {
			if re.MatchString(s) {
				match = true
				break
			}
		}
		if !match {
			return false
		}
	}
	return true
}
