// Package geo links the place entities of an enriched article to GeoNames:
// each GPE (and LOC the gazetteer knows) gets its GeoNames id, country,
// first-level region and coordinates, and the article gets the countries it
// is about. Ambiguous names ("Georgia", "Paris") are resolved from the
// article: the place named right after it, the other places it names, its
// dateline, and population last (docs/geo.md).
package geo

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/newsflow/newsflow/pkg/article"
)

//go:embed data/gazetteer.tsv
var gazetteerTSV []byte

//go:embed data/aliases.tsv
var aliasesTSV []byte

// Linker links place entities to the gazetteer. It is read-only after New
// and safe for concurrent use.
type Linker struct {
	g     *gazetteer
	rules []Rule
	cfg   Config
}

// Config tunes the linker; the zero value takes the defaults.
type Config struct {
	// CountryShare is the least share of the top country's weight another
	// country needs to be one of the article's countries (default 0.6;
	// docs/geo.md has the sweep behind it).
	CountryShare float64
	// MaxCountries caps Article.Countries (default 3).
	MaxCountries int
}

func (c Config) withDefaults() Config {
	if c.CountryShare == 0 {
		c.CountryShare = 0.6
	}
	if c.MaxCountries == 0 {
		c.MaxCountries = 3
	}
	return c
}

// Validate reports a configuration the linker cannot use.
func (c Config) Validate() error {
	if c.CountryShare < 0 || c.CountryShare > 1 {
		return fmt.Errorf("geo: CountryShare %v outside [0,1]", c.CountryShare)
	}
	if c.MaxCountries < 0 {
		return fmt.Errorf("geo: MaxCountries %d negative", c.MaxCountries)
	}
	return nil
}

// Option configures New.
type Option func(*Linker)

// WithConfig sets the configuration.
func WithConfig(c Config) Option { return func(l *Linker) { l.cfg = c } }

// WithRules replaces the disambiguation rules (Rules() by default), to
// measure what each contributes.
func WithRules(r []Rule) Option { return func(l *Linker) { l.rules = r } }

// New loads the embedded gazetteer (about 28,000 places) and returns a
// linker.
func New(opts ...Option) (*Linker, error) {
	g, err := loadGazetteer(gazetteerTSV, aliasesTSV)
	if err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	l := &Linker{g: g, rules: Rules()}
	for _, o := range opts {
		o(l)
	}
	l.cfg = l.cfg.withDefaults()
	if err := l.cfg.Validate(); err != nil {
		return nil, err
	}
	return l, nil
}

// Candidate is one place a mention may denote, as the rules see it.
type Candidate struct {
	GeoNamesID int
	// Kind is "country", "region" or "city".
	Kind       string
	Country    string
	Admin1     string
	Population int
	// Capital is true for a national capital.
	Capital bool
	// Name is the gazetteer's name.
	Name string
}

// Context is what the article says around one place entity: the evidence
// the rules weigh.
type Context struct {
	// Next is the place named right after a mention, after a comma
	// ("Paris, Texas"); nil when there is none.
	Next []Candidate
	// Countries counts, per ISO code, the article's other place entities in
	// (or being) that country.
	Countries map[string]int
	// Admin1s counts, per "CC.ADMIN1", the article's other place entities in
	// (or being) that first-level region.
	Admin1s map[string]int
	// Dateline holds the countries of the places the dateline names.
	Dateline map[string]bool
}

// Rule is one named step of disambiguation: it scores a candidate in the
// article's context; the candidate with the highest total wins.
type Rule struct {
	Name  string
	Score func(c Candidate, ctx Context) float64
}

// Rules returns the disambiguation rules in order; docs/geo.md explains
// the weights.
func Rules() []Rule {
	return []Rule{
		{"qualifier", func(c Candidate, ctx Context) float64 {
			// "Paris, Texas", "Georgia, US": the place named right after.
			for _, n := range ctx.Next {
				if n.Kind == "country" && n.Country == c.Country && c.Kind != "country" {
					return 4
				}
				if n.Kind == "region" && n.Country == c.Country && n.Admin1 == c.Admin1 && c.Kind == "city" {
					return 4
				}
			}
			return 0
		}},
		{"same-region", func(c Candidate, ctx Context) float64 {
			// Atlanta in the article makes Georgia the US state.
			if c.Kind == "country" || c.Admin1 == "" {
				return 0
			}
			if ctx.Admin1s[c.Country+"."+c.Admin1] > 0 {
				return 2
			}
			return 0
		}},
		{"same-country", func(c Candidate, ctx Context) float64 {
			// Tbilisi in the article makes Georgia the country.
			if n := ctx.Countries[c.Country]; n > 0 {
				return 1.5 + 0.5*math.Min(float64(n-1), 2)/2
			}
			return 0
		}},
		{"dateline", func(c Candidate, ctx Context) float64 {
			if ctx.Dateline[c.Country] {
				return 1
			}
			return 0
		}},
		{"prominence", func(c Candidate, _ Context) float64 {
			// News names countries and capitals more than their size says.
			switch {
			case c.Kind == "country":
				return 0.6
			case c.Capital:
				return 0.4
			}
			return 0
		}},
		{"population", func(c Candidate, _ Context) float64 {
			// The last resort, one point per tenfold: news names Paris,
			// France far more than Paris, Texas, unless the article says
			// it is in Texas (same-region, qualifier outweigh it).
			return math.Log10(float64(c.Population) + 1)
		}},
	}
}

func (g *gazetteer) candidate(i int32) Candidate {
	p := &g.places[i]
	k := "city"
	switch p.kind {
	case kindCountry:
		k = "country"
	case kindRegion:
		k = "region"
	}
	return Candidate{GeoNamesID: p.id, Kind: k, Country: p.country, Admin1: p.admin1, Population: p.pop, Capital: p.feature == "PPLC", Name: p.name}
}

// Decision is how one entity was linked, for evaluation and debugging.
type Decision struct {
	Entity     string
	Candidates int
	Chosen     Candidate
	// Fired names the rules that scored the chosen candidate above zero.
	Fired      []string
	Confidence float64
}

// Link sets Geo on the article's GPE and LOC entities the gazetteer knows
// and sets Countries.
func (l *Linker) Link(a *article.Article) { l.Explain(a) }

// Explain links like Link and returns each linked entity's decision.
func (l *Linker) Explain(a *article.Article) []Decision {
	type ent struct {
		idx   int
		cands []int32
		next  []Candidate
	}
	var ents []ent
	for i := range a.Entities {
		e := &a.Entities[i]
		e.Geo = nil
		if e.Type != article.TypeGPE && e.Type != article.TypeLoc {
			continue
		}
		if e.Type == article.TypeLoc && isLandform(e.Name) {
			continue
		}
		cands := l.forms(e)
		if len(cands) == 0 {
			continue
		}
		next := l.qualifiers(a, e)
		if !l.fitsQualifier(cands, next) {
			// "Randolph, New Hampshire": the article says where the place
			// is, and no place of the gazetteer by that name is there.
			continue
		}
		ents = append(ents, ent{idx: i, cands: cands, next: next})
	}
	dl := l.dateline(a.Dateline)
	// Pass 1: the entities with one candidate are the first context; pass 2
	// resolves every entity against the others' pass-1 picks, counting an
	// ambiguous pick only when it was clear (ContextConfidence): two
	// small namesakes must not vouch for each other.
	choice := make([]int32, len(ents))
	sure := make([]bool, len(ents))
	for k, e := range ents {
		choice[k] = -1
		if len(e.cands) == 1 {
			choice[k], sure[k] = e.cands[0], true
		}
	}
	var out []Decision
	for pass := 0; pass < 2; pass++ {
		next := make([]int32, len(ents))
		nextSure := make([]bool, len(ents))
		out = out[:0]
		for k, e := range ents {
			ctx := Context{Next: e.next, Countries: map[string]int{}, Admin1s: map[string]int{}, Dateline: dl}
			for j, c := range choice {
				if j == k || c < 0 || !sure[j] {
					continue
				}
				p := &l.g.places[c]
				ctx.Countries[p.country]++
				if p.admin1 != "" {
					ctx.Admin1s[p.country+"."+p.admin1]++
				}
			}
			d := l.decide(e.cands, ctx)
			d.Entity = a.Entities[e.idx].Name
			out = append(out, d)
			next[k] = l.indexOf(e.cands, d.Chosen.GeoNamesID)
			nextSure[k] = d.Confidence >= ContextConfidence
		}
		choice, sure = next, nextSure
	}
	for k, e := range ents {
		p := &l.g.places[choice[k]]
		if l.strayTown(p, choice, k) {
			out[k].Fired = append(out[k].Fired, "stray-town")
			continue
		}
		a.Entities[e.idx].Geo = &article.Geo{GeoNamesID: p.id, Country: p.country, Admin1: p.admin1, Lat: p.lat, Lon: p.lon, Confidence: out[k].Confidence}
	}
	a.Countries = l.countries(a)
	return out
}

// fitsQualifier reports whether some candidate lies in the places named
// right after the mention; true when none is named or a candidate is no
// city.
func (l *Linker) fitsQualifier(cands []int32, next []Candidate) bool {
	if len(next) == 0 {
		return true
	}
	for _, i := range cands {
		p := &l.g.places[i]
		if p.kind != kindCity {
			// "France, Mexico, the Netherlands" is a list, not a qualifier.
			return true
		}
		for _, n := range next {
			switch {
			case n.Kind == "country" && p.country == n.Country:
				return true
			case n.Kind == "region" && p.country == n.Country && (p.kind != kindCity || p.admin1 == n.Admin1):
				return true
			}
		}
	}
	return false
}

// ContextConfidence is the least confidence an ambiguous place's pick
// needs to count as context for the others.
const ContextConfidence = 0.8

// StrayTownPopulation is the size under which a town is linked only when
// the article names another place in its country: a small town abroad is
// more likely a namesake the gazetteer lacks ("Whitehall" in London is not
// Whitehall, Ohio).
const StrayTownPopulation = 50000

// strayTown reports whether the k-th choice is a small town in a country
// no other place of the article is in, while the article names places.
func (l *Linker) strayTown(p *place, choice []int32, k int) bool {
	if p.kind != kindCity || p.pop >= StrayTownPopulation {
		return false
	}
	others := 0
	for j, c := range choice {
		if j == k || c < 0 {
			continue
		}
		others++
		if l.g.places[c].country == p.country {
			return false
		}
	}
	return others > 0
}

func (l *Linker) indexOf(cands []int32, id int) int32 {
	for _, c := range cands {
		if l.g.places[c].id == id {
			return c
		}
	}
	return cands[0]
}

// decide scores every candidate with every rule.
func (l *Linker) decide(cands []int32, ctx Context) Decision {
	best, second := -1.0, -1.0
	var d Decision
	d.Candidates = len(cands)
	for _, i := range cands {
		c := l.g.candidate(i)
		total := 0.0
		var fired []string
		for _, r := range l.rules {
			if s := r.Score(c, ctx); s > 0 {
				total += s
				fired = append(fired, r.Name)
			}
		}
		switch {
		case total > best:
			second, best = best, total
			d.Chosen, d.Fired = c, fired
		case total > second:
			second = total
		}
	}
	d.Confidence = 1
	if len(cands) > 1 {
		// The margin over the runner-up, squashed to (0.5, 1).
		m := best - second
		d.Confidence = math.Round((0.5+0.5*m/(m+1))*100) / 100
	}
	return d
}

// forms returns the candidates of the entity: of its most used form
// that names one place only ("New York City" rather than "New York",
// "Washington, D.C." rather than "Washington"), else of its name, else of
// any form the gazetteer knows.
func (l *Linker) forms(e *article.Entity) []int32 {
	uses := map[string]int{}
	for _, m := range e.Mentions {
		uses[m.Text]++
	}
	forms := append([]string{e.Name}, e.Aliases...)
	sort.SliceStable(forms, func(i, j int) bool { return uses[forms[i]] > uses[forms[j]] })
	var first []int32
	for _, f := range forms {
		c := l.g.lookup(f)
		if len(c) == 1 {
			return c
		}
		if f == e.Name && len(c) > 0 {
			first = c
		}
		if first == nil && len(c) > 0 {
			first = c
		}
	}
	return first
}

// landforms end the names of seas, rivers and mountains that share a
// name with a region ("Red Sea" is also a Sudanese state); a LOC so
// named is not linked.
var landforms = []string{"sea", "ocean", "gulf", "river", "lake", "strait", "mountains", "desert", "channel", "peninsula", "valley", "coast", "island", "islands"}

func isLandform(name string) bool {
	n := normalize(name)
	for _, w := range landforms {
		if strings.HasSuffix(n, " "+w) || strings.HasPrefix(n, w+" ") {
			return true
		}
	}
	return false
}

// qualifiers returns the places named right after the entity's mentions
// behind a comma ("Paris, Texas", "Athens, Georgia").
func (l *Linker) qualifiers(a *article.Article, e *article.Entity) []Candidate {
	var out []Candidate
	for _, m := range e.Mentions {
		text := a.Body
		if m.Field == article.FieldCaption {
			text = a.Caption
		}
		if m.Start < 0 || m.End <= m.Start || m.End > len(text) || text[m.Start:m.End] != m.Text {
			// Link works on byte offsets (before enrich converts them).
			continue
		}
		rest, ok := strings.CutPrefix(text[m.End:], ", ")
		if !ok {
			continue
		}
		words := strings.Fields(rest)
		if len(words) == 0 || !unicode.IsUpper([]rune(words[0])[0]) {
			// "Tandag City, the capital of ...": no place name follows.
			continue
		}
		// Try the longest name first: "New South Wales" before "New".
		for n := min(3, len(words)); n >= 1; n-- {
			cands := l.g.lookup(strings.TrimRight(strings.Join(words[:n], " "), ",;:)"))
			if len(cands) == 0 {
				continue
			}
			for _, i := range cands {
				if p := l.g.places[i]; p.kind != kindCity {
					out = append(out, l.g.candidate(i))
				}
			}
			break
		}
	}
	return out
}

// dateline returns the countries of the places a dateline names
// ("KYIV, Ukraine —"): its comma-separated parts that are countries, or
// places of one country.
func (l *Linker) dateline(s string) map[string]bool {
	out := map[string]bool{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '—' || r == '–' || r == '(' || r == ')' }) {
		part = strings.TrimSpace(part)
		if part == "" || len(part) > 40 {
			continue
		}
		cands := l.g.lookup(part)
		cc := ""
		for _, i := range cands {
			p := &l.g.places[i]
			if cc != "" && p.country != cc {
				cc = ""
				break
			}
			cc = p.country
		}
		if cc != "" {
			out[cc] = true
		}
	}
	return out
}

// countries weighs the article's countries: every mention of a linked
// place counts for its country, a mention in the headline or the first
// paragraph counts double, each weighted by the link's confidence.
func (l *Linker) countries(a *article.Article) []string {
	lead := len(a.Body)
	if i := strings.Index(a.Body, "\n\n"); i >= 0 {
		lead = i
	}
	headline := normalize(a.Headline)
	w := map[string]float64{}
	for _, e := range a.Entities {
		if e.Geo == nil {
			continue
		}
		for _, m := range e.Mentions {
			x := 1.0
			if m.Field == article.FieldBody && m.Start < lead {
				x = 2
			}
			w[e.Geo.Country] += x * e.Geo.Confidence
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if n := normalize(n); n != "" && containsWord(headline, n) {
				w[e.Geo.Country] += 2 * e.Geo.Confidence
				break
			}
		}
	}
	var ccs []string
	top := 0.0
	for cc, x := range w {
		ccs = append(ccs, cc)
		top = math.Max(top, x)
	}
	sort.Slice(ccs, func(i, j int) bool {
		if w[ccs[i]] != w[ccs[j]] {
			return w[ccs[i]] > w[ccs[j]]
		}
		return ccs[i] < ccs[j]
	})
	out := ccs[:0]
	for _, cc := range ccs {
		if w[cc] >= l.cfg.CountryShare*top && len(out) < l.cfg.MaxCountries {
			out = append(out, cc)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// containsWord reports whether the normalised text has the normalised
// name as whole words.
func containsWord(text, name string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return false
		}
		s, e := i+j, i+j+len(name)
		if (s == 0 || text[s-1] == ' ') && (e == len(text) || text[e] == ' ') {
			return true
		}
		i = s + 1
	}
}

// Candidates returns the places of the gazetteer a name may denote, as
// Link would consider them; for annotation and evaluation.
func (l *Linker) Candidates(name string) []Candidate {
	var out []Candidate
	for _, i := range l.g.lookup(name) {
		out = append(out, l.g.candidate(i))
	}
	return out
}

// CountryOf returns the ISO code of the country of the place with the
// GeoNames id, "" when the gazetteer does not have it.
func (l *Linker) CountryOf(id int) string {
	if i, ok := l.g.byID[id]; ok {
		return l.g.places[i].country
	}
	return ""
}
