// Package geoeval scores the geo linker (services/enrich/geo) against a
// hand-annotated gold set of place mentions and article countries from the
// Wikinews 2019 corpus (geo-gold.tsv), for `newsflow eval --geo` and for
// the tests that hold the linker to its targets.
package geoeval

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/storyeval"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/enrich/geo"
)

//go:embed geo-gold.tsv
var goldFile []byte

// ErrGold reports a gold file the evaluation cannot use.
var ErrGold = errors.New("geoeval: unusable gold set")

// Mention is one gold place: the entity name in one article and the
// GeoNames id it denotes (0: no place of the gazetteer, to stay unlinked).
type Mention struct {
	Article   string
	Name      string
	ID        int
	Ambiguous bool
}

// Gold is the annotated set.
type Gold struct {
	Mentions []Mention
	// Countries maps an article to the countries it is about.
	Countries map[string][]string
}

// LoadGold returns the embedded gold set (geo-gold.tsv).
func LoadGold() (Gold, error) { return ReadGold(goldFile) }

// ReadGold parses a gold file: "M", article, name, id, A|U lines and
// "C", article, comma-separated ISO codes lines; # starts a comment.
func ReadGold(data []byte) (Gold, error) {
	g := Gold{Countries: map[string][]string{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		switch {
		case f[0] == "M" && len(f) == 5 && (f[4] == "A" || f[4] == "U"):
			id, err := strconv.Atoi(f[3])
			if err != nil || id < 0 {
				return Gold{}, fmt.Errorf("%w: line %d: bad id %q", ErrGold, n, f[3])
			}
			g.Mentions = append(g.Mentions, Mention{Article: f[1], Name: f[2], ID: id, Ambiguous: f[4] == "A"})
		case f[0] == "C" && len(f) == 3:
			g.Countries[f[1]] = strings.Split(f[2], ",")
		default:
			return Gold{}, fmt.Errorf("%w: line %d: %q", ErrGold, n, t)
		}
	}
	if err := sc.Err(); err != nil {
		return Gold{}, fmt.Errorf("%w: %w", ErrGold, err)
	}
	if len(g.Mentions) == 0 {
		return Gold{}, fmt.Errorf("%w: no mentions", ErrGold)
	}
	return g, nil
}

// Score is a count of correct out of a total.
type Score struct {
	Total, Correct int
	Accuracy       float64
}

func (s *Score) add(ok bool) {
	s.Total++
	if ok {
		s.Correct++
	}
	s.Accuracy = float64(s.Correct) / float64(s.Total)
}

// Report is the result of one evaluation.
type Report struct {
	Articles int
	// Unambiguous and Ambiguous score the gold mentions the entity
	// recognizer found, by exact GeoNames id (or no link where the gold
	// has 0).
	Unambiguous, Ambiguous Score
	// SameCountry scores every found mention by its country alone.
	SameCountry Score
	// NotFound counts gold mentions whose entity the recognizer did not
	// produce (they count in no score above).
	NotFound int
	// CountryPrecision and CountryRecall compare Article.Countries with
	// the gold countries, summed over the annotated articles.
	CountryPrecision, CountryRecall float64
	CountryPredicted, CountryGold   int
	CountryCorrect                  int
	// Errors lists the wrong links and countries, one line each.
	Errors []string
}

// Process turns one raw article into an enriched one (parse and enrich).
type Process = storyeval.Process

// Run processes the corpus articles the gold set names, links their
// places with l, and scores them. rows are the corpus rows (see
// storyeval.LoadCorpus); a gold article missing from them is an error.
func Run(ctx context.Context, p Process, l *geo.Linker, rows []storyeval.Row, g Gold) (Report, error) {
	byName := map[string]storyeval.Row{}
	for _, r := range rows {
		byName[r.Name] = r
	}
	var names []string
	seen := map[string]bool{}
	for _, m := range g.Mentions {
		if !seen[m.Article] {
			seen[m.Article] = true
			names = append(names, m.Article)
		}
	}
	for a := range g.Countries {
		if !seen[a] {
			seen[a] = true
			names = append(names, a)
		}
	}
	sort.Strings(names)
	arts := map[string]article.Article{}
	for _, n := range names {
		r, ok := byName[n]
		if !ok {
			return Report{}, fmt.Errorf("%w: article %s is not in the corpus (or is held out)", ErrGold, n)
		}
		a, err := p(ctx, r.Title+"\n\n"+r.Text+"\n")
		if err != nil {
			return Report{}, fmt.Errorf("geoeval: %s: %w", n, err)
		}
		toBytes(&a)
		l.Link(&a)
		arts[n] = a
	}
	rep := Report{Articles: len(arts)}
	for _, m := range g.Mentions {
		a := arts[m.Article]
		e := findEntity(a, m.Name, l)
		if e == nil {
			rep.NotFound++
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s\t%q\tnot found by the recognizer", m.Article, m.Name))
			continue
		}
		got, gotCC := 0, ""
		if e.Geo != nil {
			got, gotCC = e.Geo.GeoNamesID, e.Geo.Country
		}
		ok := got == m.ID
		if m.Ambiguous {
			rep.Ambiguous.add(ok)
		} else {
			rep.Unambiguous.add(ok)
		}
		rep.SameCountry.add(gotCC == l.CountryOf(m.ID))
		if !ok {
			kind := "U"
			if m.Ambiguous {
				kind = "A"
			}
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s\t%q\t%s\twant %d got %d", m.Article, m.Name, kind, m.ID, got))
		}
	}
	for _, n := range names {
		gold, ok := g.Countries[n]
		if !ok {
			continue
		}
		want := map[string]bool{}
		for _, c := range gold {
			want[c] = true
		}
		got := arts[n].Countries
		rep.CountryPredicted += len(got)
		rep.CountryGold += len(gold)
		var wrong []string
		for _, c := range got {
			if want[c] {
				rep.CountryCorrect++
			} else {
				wrong = append(wrong, c)
			}
		}
		if len(wrong) > 0 {
			rep.Errors = append(rep.Errors, fmt.Sprintf("%s\tcountries %v, gold %v", n, got, gold))
		}
	}
	if rep.CountryPredicted > 0 {
		rep.CountryPrecision = float64(rep.CountryCorrect) / float64(rep.CountryPredicted)
	}
	if rep.CountryGold > 0 {
		rep.CountryRecall = float64(rep.CountryCorrect) / float64(rep.CountryGold)
	}
	return rep, nil
}

// Evaluate loads the corpus (leaving out the held-out articles named by
// the *.gold.json files of heldOutDir) and the embedded gold set, and runs
// the linker built with opts: what `newsflow eval --geo` calls.
func Evaluate(ctx context.Context, p Process, corpusPath, heldOutDir string, opts ...geo.Option) (Report, error) {
	rows, err := storyeval.LoadCorpusExcept(corpusPath, heldOutDir)
	if err != nil {
		return Report{}, fmt.Errorf("geoeval: %w", err)
	}
	g, err := LoadGold()
	if err != nil {
		return Report{}, err
	}
	l, err := geo.New(opts...)
	if err != nil {
		return Report{}, err
	}
	return Run(ctx, p, l, rows, g)
}

// findEntity returns the article's GPE or LOC entity with the name (or
// alias), nil if there is none.
func findEntity(a article.Article, name string, l *geo.Linker) *article.Entity {
	for i := range a.Entities {
		e := &a.Entities[i]
		if e.Type != article.TypeGPE && e.Type != article.TypeLoc {
			continue
		}
		if e.Name == name {
			return e
		}
	}
	for i := range a.Entities {
		e := &a.Entities[i]
		if e.Type != article.TypeGPE && e.Type != article.TypeLoc {
			continue
		}
		for _, al := range e.Aliases {
			if al == name {
				return e
			}
		}
	}
	// The gold names a place by the form the recognizer gave when it was
	// annotated ("United States"); an article that writes only "U.S." now
	// has an entity of that name. Take a place entity written another way
	// when the article writes one of the gold name's forms, or when it is
	// linked to one of the places the gold name can denote.
	for i := range a.Entities {
		e := &a.Entities[i]
		if e.Type != article.TypeGPE && e.Type != article.TypeLoc {
			continue
		}
		for _, m := range e.Mentions {
			if m.Text == name {
				return e
			}
		}
	}
	for i := range a.Entities {
		e := &a.Entities[i]
		if (e.Type != article.TypeGPE && e.Type != article.TypeLoc) || e.Geo == nil {
			continue
		}
		for _, c := range l.Candidates(name) {
			if c.GeoNamesID == e.Geo.GeoNamesID {
				return e
			}
		}
	}
	return nil
}

// String is the report as `newsflow eval --geo` prints it: one line of
// totals last.
func (r Report) String() string {
	return fmt.Sprintf("geo: articles=%d unambiguous=%d/%d (%.3f) ambiguous=%d/%d (%.3f) same-country=%.3f not-found=%d countries P=%.3f (%d/%d) R=%.3f (%d/%d)",
		r.Articles, r.Unambiguous.Correct, r.Unambiguous.Total, r.Unambiguous.Accuracy,
		r.Ambiguous.Correct, r.Ambiguous.Total, r.Ambiguous.Accuracy, r.SameCountry.Accuracy, r.NotFound,
		r.CountryPrecision, r.CountryCorrect, r.CountryPredicted, r.CountryRecall, r.CountryCorrect, r.CountryGold)
}

// toBytes turns an enriched article's code-point mention offsets back
// into the byte offsets the linker works on inside enrich.
func toBytes(a *article.Article) {
	idx := map[string][]int{article.FieldBody: runeStarts(a.Body), article.FieldCaption: runeStarts(a.Caption)}
	for i := range a.Entities {
		for j := range a.Entities[i].Mentions {
			m := &a.Entities[i].Mentions[j]
			s := idx[m.Field]
			if m.Start >= 0 && m.End < len(s) && m.Start <= m.End {
				m.Start, m.End = s[m.Start], s[m.End]
			}
		}
	}
}

// runeStarts maps each code point's index to its byte offset, with one
// more entry for the end of s.
func runeStarts(s string) []int {
	out := make([]int, 0, len(s)+1)
	for b := range s {
		out = append(out, b)
	}
	return append(out, len(s))
}
