package entity

import (
	"regexp"
	"strings"

	"github.com/newsflow/newsflow/pkg/article"
)

// creditRe finds a photo credit, Wikinews style: "Image: Ann Lee (flickr)."
// or "(Image: NASA)". Group 1 is the credit list.
var creditRe = regexp.MustCompile(`(?:^|\()\s*(?:Image|Images|Photo|Photos):\s*([^()]+(?:\([^()]*\)[^()]*)*?)\s*(?:\)\s*\.?\s*$|\.?\s*$)`)

// slashCreditRe finds a credit line of names joined by slashes, the whole
// unit, in brackets or not. Group 1 is the list.
var slashCreditRe = regexp.MustCompile(`^\s*\(?\s*((?:[A-Z][\p{L}.'’-]*(?: [A-Z][\p{L}.'’-]*)*)(?:/(?:[A-Z][\p{L}.'’-]*(?: [A-Z][\p{L}.'’-]*)*))+)\s*\)?\s*\.?\s*$`)

// knownSlashPart reports a slash-joined list with a body the lists know
// ("AFP", "Getty Images").
func (r *Recognizer) knownSlashPart(list string) bool {
	for _, p := range strings.Split(list, "/") {
		if typ, _, ok := r.lx.known(strings.TrimSpace(p)); ok && typ == article.TypeOrg {
			return true
		}
	}
	return false
}

// credits reads a photo credit unit ("Image: Ann Lee (flickr), Tom Berg
// (montage)."): each credited name is an entity as written, a person unless
// the lists know it or it is an acronym; a site in brackets that is no
// common word ("flickr") is an organisation. ok is false when the unit is
// no credit.
func (r *Recognizer) credits(text string, u unit) ([]mention, bool) {
	s := text[u.start:u.end]
	var loc []int
	if strings.Contains(s, "Image") || strings.Contains(s, "Photo") {
		loc = creditRe.FindStringSubmatchIndex(s)
	}
	if loc == nil && strings.IndexByte(s, '/') > 0 {
		// "Thomas Coex/AFP/Getty Images", "(JIM WATSON/AFP/Getty Images)":
		// a newspaper's credit line, names joined by slashes with no
		// other words, one of them a body the lists know.
		loc = slashCreditRe.FindStringSubmatchIndex(s)
		if loc != nil && !r.knownSlashPart(s[loc[2]:loc[3]]) {
			loc = nil
		}
	}
	if loc == nil {
		return nil, false
	}
	var out []mention
	add := func(start, end int, site bool) {
		for start < end && text[start] == ' ' {
			start++
		}
		for end > start && strings.ContainsRune(" .,;", rune(text[end-1])) {
			end--
		}
		if start >= end {
			return
		}
		name := text[start:end]
		m := mention{start: start, end: end, text: name, words: strings.Fields(name), ev: evRule,
			made: r.bit(ruleImageCredit), typedBy: r.typed(ruleImageCredit), typ: article.TypePerson}
		switch typ, canon, ok := r.lx.known(name); {
		case ok:
			m.typ, m.canon, m.ev, m.typedBy = typ, canon, evGaz, r.typed(ruleGazetteer)
		case len(m.words) > 1 && (r.lx.headCue[m.words[len(m.words)-1]] == article.TypeOrg || r.lx.headCue[m.words[len(m.words)-1]] == article.TypeFac || creditAgency(m.words[len(m.words)-1])):
			// "Image: City Council.", "Getty Images"; "Photos: Oakland
			// Zoo": a place's name credits the institution that runs it.
			m.typ = article.TypeOrg
		case isAcronym(name) || site:
			if site && (len(m.words) != 1 || r.lx.common[strings.ToLower(name)] || r.lx.creditRoles[strings.ToLower(name)]) {
				return // "(photos)", "(montage)": a role, not a site
			}
			m.typ = article.TypeOrg
		}
		out = append(out, m)
	}
	list, base := s[loc[2]:loc[3]], u.start+loc[2]
	for off := 0; off < len(list); {
		end := strings.Index(list[off:], ", ")
		if end < 0 {
			end = len(list)
		} else {
			end += off
		}
		part := list[off:end]
		if i := strings.IndexByte(part, '('); i >= 0 {
			add(base+off, base+off+i, false)
			if j := strings.IndexByte(part[i:], ')'); j > 0 {
				add(base+off+i+1, base+off+i+j, true)
			}
		} else {
			// "JIM WATSON/AFP/Getty Images": each name between slashes.
			from := off
			for k := off; k <= end; k++ {
				if k == end || list[k] == '/' {
					add(base+from, base+k, false)
					from = k + 1
				}
			}
		}
		off = end + len(", ")
	}
	return out, len(out) > 0
}

// creditAgency reports the last word of a picture agency's name ("Getty
// Images", "Magnum Photos", "PA Pictures").
func creditAgency(w string) bool {
	switch w {
	case "Images", "Photos", "Pictures", "Photography":
		return true
	}
	return false
}
