package quote

import (
	_ "embed"
	"strings"

	"github.com/newsflow/newsflow/services/enrich/givenname"
)

// cuesData is the reporting-cue table; its header says where it comes from.
//
//go:embed data/cues.txt
var cuesData string

// cuesExtraData holds reporting constructions the WordNet-derived table
// cannot give ("according to"); its header says why each is there.
//
//go:embed data/cues-extra.txt
var cuesExtraData string

// wordsData holds the closed word classes and role nouns used to read
// subjects and descriptions.
//
//go:embed data/words.txt
var wordsData string

// namesData holds given names used for one sex only, for pronoun gender.
//
//go:embed data/firstnames.txt
var namesData string

// irregularData holds the irregular verb forms of WordNet ("flew", "said").
//
//go:embed data/irregular.txt
var irregularData string

// personNounsData holds WordNet's nouns for a kind of person ("volunteer").
//
//go:embed data/personnouns.txt
var personNounsData string

// lexicon is the read-only word tables of an Extractor.
type lexicon struct {
	cue1 map[string]bool // one-word cues, lower case
	weak map[string]bool // one-word cues of verbs mostly used in other senses ("showed")
	// afterOnly holds verbs that report words only right after them
	// (`"...," Vale fumed`): elsewhere they are other verbs or nouns
	// ("fumed at the delay", "reckoned with").
	afterOnly map[string]bool
	cueN      map[string][][]string // multi-word cues keyed by first word
	sets      map[string]map[string]bool
}

func newLexicon(extra []string) *lexicon {
	l := &lexicon{cue1: map[string]bool{}, weak: map[string]bool{}, afterOnly: map[string]bool{}, cueN: map[string][][]string{}, sets: map[string]map[string]bool{}}
	// The hand-written table comes second: its cues are never weak unless
	// its line says so ("~").
	for _, data := range []string{cuesData, cuesExtraData} {
		for _, line := range strings.Split(data, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if rest, ok := strings.CutPrefix(line, "^"); ok {
				for _, f := range strings.Fields(rest) {
					l.afterOnly[strings.ToLower(f)] = true
				}
				continue
			}
			weak := strings.HasPrefix(line, "~")
			for i, f := range strings.Fields(strings.TrimPrefix(line, "~")) {
				if i == 0 && strings.HasSuffix(f, ":") {
					continue // a lemma label that is not itself a cue
				}
				c := strings.ReplaceAll(f, "_", " ")
				l.addCue(c)
				if weak && !strings.Contains(c, " ") {
					l.weak[c] = true
				} else if data == cuesExtraData {
					delete(l.weak, c)
				}
			}
		}
	}
	for _, c := range extra {
		l.addCue(c)
	}
	sec := ""
	for _, line := range strings.Split(wordsData+"\n"+namesData+"\n"+givenname.Table()+"\n"+irregularData+"\n"+personNounsData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			sec = line[1 : len(line)-1]
			if l.sets[sec] == nil {
				l.sets[sec] = map[string]bool{}
			}
			continue
		}
		for _, f := range strings.Fields(line) {
			l.sets[sec][strings.ToLower(f)] = true
		}
	}
	// A name the lists give both sexes tells neither.
	for w := range l.sets["malename"] {
		if l.sets["femalename"][w] {
			delete(l.sets["malename"], w)
			delete(l.sets["femalename"], w)
		}
	}
	for w := range l.sets["orgplurals"] {
		l.sets["orgheads"][w] = true
	}
	// A role noun's plural heads a group ("nurses", "spokesmen"); one
	// elected or named to it before taking it up is a person too
	// ("mayor-elect", "minister-designate").
	heads := make([]string, 0, len(l.sets["personheads"]))
	for w := range l.sets["personheads"] {
		heads = append(heads, w)
	}
	for _, w := range heads {
		l.sets["groupheads"][plural(w)] = true
		if !strings.ContainsAny(w, " -") {
			l.sets["personheads"][w+"-elect"] = true
			l.sets["personheads"][w+"-designate"] = true
		}
	}
	return l
}

// plural is the regular English plural of a noun, "-man" nouns included.
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "x"):
		return w + "es"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func (l *lexicon) addCue(c string) {
	ws := strings.Fields(strings.ToLower(c))
	switch len(ws) {
	case 0:
	case 1:
		l.cue1[ws[0]] = true
	default:
		l.cueN[ws[0]] = append(l.cueN[ws[0]], ws)
	}
}

// in reports whether the lower-cased word w is in the word class set.
func (l *lexicon) in(set, w string) bool { return l.sets[set][w] }
