// Package goldtext reads the plain-text layout of the annotated gold
// articles (../shared/gold/*.txt): the text the gold offsets and names refer
// to, for the evaluation command and the accuracy tests.
package goldtext

import (
	"strings"

	"github.com/newsflow/newsflow/pkg/article"
)

// Parse reads the plain-text layout of the gold articles: headline, blank
// line, optional subheadline and caption (seed), a dateline, then paragraphs
// separated by blank lines; map-legend lines ("██") and a trailing
// "Published under:" line are not body text. Body paragraphs are separated
// by one blank line.
func Parse(raw string) article.Article {
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	blocks := strings.Split(raw, "\n\n")
	var paras []string
	for _, b := range blocks {
		var lines []string
		for _, l := range strings.Split(b, "\n") {
			l = strings.TrimRight(l, " \t")
			if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "██") {
				continue
			}
			lines = append(lines, strings.TrimSpace(l))
		}
		if len(lines) > 0 {
			paras = append(paras, lines...)
		}
	}
	var a article.Article
	if len(paras) == 0 {
		return a
	}
	a.Headline, paras = paras[0], paras[1:]
	isDate := func(s string) bool {
		for _, m := range []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"} {
			if strings.Contains(s, m) && len(s) < 40 && strings.ContainsAny(s, "0123456789") {
				return true
			}
		}
		return false
	}
	// Seed layout: subheadline, caption, dateline before the body.
	for i := 0; i < len(paras) && i < 3; i++ {
		if isDate(paras[i]) {
			if i >= 1 {
				a.Subheadline = paras[0]
			}
			if i >= 2 {
				a.Caption = paras[1]
			}
			a.Dateline = paras[i]
			paras = paras[i+1:]
			break
		}
	}
	if n := len(paras); n > 0 && strings.HasPrefix(paras[n-1], "Published under:") {
		paras = paras[:n-1]
	}
	a.Body = strings.Join(paras, "\n\n")
	return a
}
