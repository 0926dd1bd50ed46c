package geo

import (
	"runtime"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

// newLinker loads the embedded gazetteer once per test.
func newLinker(t testing.TB, opts ...Option) *Linker {
	t.Helper()
	l, err := New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// place describes one entity of a test article: its type and the forms of
// its mentions as they appear, in order, in the body.
type ent struct {
	typ   string
	forms []string
}

// build makes an article from a body and its place entities, finding
// each mention's byte offsets in the body (the next occurrence).
func build(t *testing.T, headline, body string, ents ...ent) *article.Article {
	t.Helper()
	a := &article.Article{Headline: headline, Body: body}
	from := map[string]int{}
	for _, e := range ents {
		en := article.Entity{Name: e.forms[0], Type: e.typ}
		for _, f := range e.forms {
			i := strings.Index(body[from[f]:], f)
			if i < 0 {
				t.Fatalf("%q not in body after %d", f, from[f])
			}
			s := from[f] + i
			from[f] = s + len(f)
			en.Mentions = append(en.Mentions, article.Mention{Start: s, End: s + len(f), Text: f})
			if f != en.Name && !contains(en.Aliases, f) {
				en.Aliases = append(en.Aliases, f)
			}
		}
		en.Count = len(en.Mentions)
		a.Entities = append(a.Entities, en)
	}
	return a
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func geoOf(t *testing.T, a *article.Article, name string) *article.Geo {
	t.Helper()
	for _, e := range a.Entities {
		if e.Name == name {
			return e.Geo
		}
	}
	t.Fatalf("no entity %q", name)
	return nil
}

func TestLinkResolvesFromTheArticle(t *testing.T) {
	l := newLinker(t)
	for _, tc := range []struct {
		name      string
		body      string
		ents      []ent
		place     string
		country   string
		admin1    string
		id        int // 0: any
		unlinked  bool
		countries []string
	}{
		{name: "state next to its capital", body: "Storms hit Atlanta overnight. Georgia declared an emergency.",
			ents: []ent{{"GPE", []string{"Atlanta"}}, {"GPE", []string{"Georgia"}}}, place: "Georgia", country: "US", admin1: "GA", id: 4197000},
		{name: "country next to its capital", body: "Talks opened in Tbilisi on Friday. Georgia wants closer ties with the EU.",
			ents: []ent{{"GPE", []string{"Tbilisi"}}, {"GPE", []string{"Georgia"}}}, place: "Georgia", country: "GE", id: 614540},
		{name: "qualifier after a comma", body: "The fair was held in Paris, Texas, last weekend.",
			ents: []ent{{"GPE", []string{"Paris"}}, {"GPE", []string{"Texas"}}}, place: "Paris", country: "US", admin1: "TX"},
		{name: "population without context", body: "She moved to Paris in 1990.",
			ents: []ent{{"GPE", []string{"Paris"}}}, place: "Paris", country: "FR", id: 2988507},
		{name: "country alias with periods", body: "The U.S. said on Monday it would respond.",
			ents: []ent{{"GPE", []string{"U.S."}}}, place: "U.S.", country: "US", id: 6252001, countries: []string{"US"}},
		{name: "Britain", body: "Britain and France signed the pact.",
			ents: []ent{{"GPE", []string{"Britain"}}, {"GPE", []string{"France"}}}, place: "Britain", country: "GB", countries: []string{"FR", "GB"}},
		{name: "UK", body: "Ministers in the UK met on Tuesday.",
			ents: []ent{{"GPE", []string{"UK"}}}, place: "UK", country: "GB"},
		{name: "the most used form decides", body: "Police in New York City said the New York City subway reopened; New York officials agreed.",
			ents: []ent{{"GPE", []string{"New York City", "New York City", "New York"}}}, place: "New York City", id: 5128581},
		{name: "namesake region gives way to the city", body: "The summit took place in Moscow.",
			ents: []ent{{"GPE", []string{"Moscow"}}}, place: "Moscow", country: "RU", id: 524901},
		{name: "place too small for the gazetteer", body: "The crash happened in Randolph, New Hampshire, on Friday.",
			ents: []ent{{"GPE", []string{"Randolph"}}, {"GPE", []string{"New Hampshire"}}}, place: "Randolph", unlinked: true},
		{name: "small town abroad is a namesake", body: "Crowds gathered in London outside Downing Street and in Whitehall.",
			ents: []ent{{"GPE", []string{"London"}}, {"GPE", []string{"Whitehall"}}}, place: "Whitehall", unlinked: true},
		{name: "continent is no town", body: "Prices rose across Asia this year.",
			ents: []ent{{"LOC", []string{"Asia"}}}, place: "Asia", unlinked: true},
		{name: "sea is no region", body: "A ship sank in the Red Sea.",
			ents: []ent{{"LOC", []string{"Red Sea"}}}, place: "Red Sea", unlinked: true},
		{name: "region with another generic word", body: "Floods struck the Chelyabinsk region.",
			ents: []ent{{"GPE", []string{"Chelyabinsk region"}}}, place: "Chelyabinsk region", country: "RU"},
		{name: "no qualifier in a lowercase apposition", body: "Officials met in Tandag City, the capital of the province, on Monday.",
			ents: []ent{{"GPE", []string{"Tandag City"}}}, place: "Tandag City", country: "PH", id: 1683302},
		{name: "city written with City", body: "The quake was felt in Davao City.",
			ents: []ent{{"GPE", []string{"Davao City"}}}, place: "Davao City", country: "PH", id: 1715348},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := build(t, "", tc.body, tc.ents...)
			l.Link(a)
			g := geoOf(t, a, tc.place)
			if tc.unlinked {
				if g != nil {
					t.Fatalf("%s linked to %+v, want no link", tc.place, *g)
				}
				return
			}
			if g == nil {
				t.Fatalf("%s not linked", tc.place)
			}
			if g.Country != tc.country && tc.country != "" || tc.admin1 != "" && g.Admin1 != tc.admin1 || tc.id != 0 && g.GeoNamesID != tc.id {
				t.Errorf("%s linked to %+v, want country %s admin1 %q id %d", tc.place, *g, tc.country, tc.admin1, tc.id)
			}
			if g.Confidence <= 0 || g.Confidence > 1 {
				t.Errorf("confidence %v outside (0,1]", g.Confidence)
			}
			if tc.countries != nil && strings.Join(a.Countries, ",") != strings.Join(tc.countries, ",") {
				t.Errorf("countries %v, want %v", a.Countries, tc.countries)
			}
		})
	}
}

func TestCountriesWeighMentionsAndPosition(t *testing.T) {
	l := newLinker(t)
	a := build(t, "Floods in Peru", "Floods in Peru killed ten. Rescuers in Lima worked overnight.\n\nPeru asked Chile for help.",
		ent{"GPE", []string{"Peru", "Peru"}}, ent{"GPE", []string{"Lima"}}, ent{"GPE", []string{"Chile"}})
	l.Link(a)
	if len(a.Countries) != 1 || a.Countries[0] != "PE" {
		t.Errorf("countries %v, want [PE] (Chile is named once, late)", a.Countries)
	}
	b := build(t, "", "Spain and Portugal agreed on water rights. Spain will release more water; Portugal will monitor it.",
		ent{"GPE", []string{"Spain", "Spain"}}, ent{"GPE", []string{"Portugal", "Portugal"}})
	l.Link(b)
	if strings.Join(b.Countries, ",") != "ES,PT" {
		t.Errorf("countries %v, want [ES PT] (equal weight, code order)", b.Countries)
	}
	c := &article.Article{Body: "Nothing here."}
	l.Link(c)
	if c.Countries != nil {
		t.Errorf("countries %v for an article without places", c.Countries)
	}
}

func TestRulesEachFireAlone(t *testing.T) {
	city := Candidate{Kind: "city", Country: "US", Admin1: "GA", Population: 400000}
	country := Candidate{Kind: "country", Country: "GE", Population: 3000000}
	capital := Candidate{Kind: "city", Country: "FR", Admin1: "11", Population: 2000000, Capital: true}
	empty := Context{}
	byName := map[string]Rule{}
	for _, r := range Rules() {
		byName[r.Name] = r
	}
	for _, tc := range []struct {
		rule string
		c    Candidate
		ctx  Context
		fire bool
	}{
		{"qualifier", city, Context{Next: []Candidate{{Kind: "region", Country: "US", Admin1: "GA"}}}, true},
		{"qualifier", city, Context{Next: []Candidate{{Kind: "region", Country: "US", Admin1: "TX"}}}, false},
		{"qualifier", country, Context{Next: []Candidate{{Kind: "country", Country: "GE"}}}, false},
		{"same-region", city, Context{Admin1s: map[string]int{"US.GA": 1}}, true},
		{"same-region", city, Context{Admin1s: map[string]int{"US.FL": 1}}, false},
		{"same-region", country, Context{Admin1s: map[string]int{"GE.": 1}}, false},
		{"same-country", country, Context{Countries: map[string]int{"GE": 1}}, true},
		{"same-country", country, Context{Countries: map[string]int{"US": 3}}, false},
		{"dateline", city, Context{Dateline: map[string]bool{"US": true}}, true},
		{"dateline", city, empty, false},
		{"prominence", country, empty, true},
		{"prominence", capital, empty, true},
		{"prominence", city, empty, false},
		{"population", city, empty, true},
		{"population", Candidate{}, empty, false},
	} {
		r, ok := byName[tc.rule]
		if !ok {
			t.Fatalf("no rule %q", tc.rule)
		}
		if got := r.Score(tc.c, tc.ctx) > 0; got != tc.fire {
			t.Errorf("%s on %+v in %+v fired %v, want %v", tc.rule, tc.c, tc.ctx, got, tc.fire)
		}
	}
}

func TestExplainSaysWhichRulesFired(t *testing.T) {
	l := newLinker(t)
	a := build(t, "", "Storms hit Atlanta overnight. Georgia declared an emergency.",
		ent{"GPE", []string{"Atlanta"}}, ent{"GPE", []string{"Georgia"}})
	ds := l.Explain(a)
	var georgia *Decision
	for i := range ds {
		if ds[i].Entity == "Georgia" {
			georgia = &ds[i]
		}
	}
	if georgia == nil || georgia.Candidates < 2 || !contains(georgia.Fired, "same-region") {
		t.Fatalf("Georgia decision %+v, want several candidates and same-region fired", georgia)
	}
	// Without the rules that read the article, population alone decides.
	bare := newLinker(t, WithRules([]Rule{Rules()[len(Rules())-1]}))
	b := build(t, "", "Storms hit Atlanta overnight. Georgia declared an emergency.",
		ent{"GPE", []string{"Atlanta"}}, ent{"GPE", []string{"Georgia"}})
	for _, d := range bare.Explain(b) {
		if len(d.Fired) != 1 || d.Fired[0] != "population" {
			t.Errorf("%s fired %v with the population rule alone", d.Entity, d.Fired)
		}
	}
}

func TestDatelineNamesTheCountry(t *testing.T) {
	l := newLinker(t)
	for _, tc := range []struct {
		dateline string
		want     string
	}{
		{"KYIV, Ukraine —", "UA"},
		{"Tbilisi, Georgia", "GE"},
		{"Monday, March 4, 2019", ""},
	} {
		got := l.dateline(tc.dateline)
		if tc.want == "" && len(got) != 0 || tc.want != "" && !got[tc.want] {
			t.Errorf("dateline(%q) = %v, want %q", tc.dateline, got, tc.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"U.S.", "us"},
		{"the United States", "united states"},
		{"São Paulo", "sao paulo"},
		{"Nukuʻalofa", "nukualofa"},
		{"Russia's", "russia"},
		{"Guinea-Bissau", "guinea bissau"},
		{"Washington, D.C.", "washington dc"},
	} {
		if got := normalize(tc.in); got != tc.want {
			t.Errorf("normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLoadGazetteerRejectsBadData(t *testing.T) {
	good := "C\t1\tXX\t\t1\t2\t3\tPCLI\tXland\t\n"
	for _, tc := range []struct{ name, data, aliases string }{
		{"short line", "C\t1\tXX\n", ""},
		{"bad id", "C\tx\tXX\t\t1\t2\t3\tPCLI\tXland\t\n", ""},
		{"no countries", "P\t1\tXX\t01\t1\t2\t3\tPPL\tXtown\t\n", ""},
		{"alias to unknown code", good, "Exland\tYY\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := loadGazetteer([]byte(tc.data), []byte(tc.aliases)); err == nil {
				t.Error("no error")
			}
		})
	}
	g, err := loadGazetteer([]byte(good), []byte("# comment\nExland\tXX\n"))
	if err != nil || len(g.lookup("Exland")) != 1 {
		t.Errorf("alias not loaded: %v", err)
	}
}

func TestConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		c  Config
		ok bool
	}{
		{Config{}.withDefaults(), true},
		{Config{CountryShare: 1.5}, false},
		{Config{MaxCountries: -1}, false},
	} {
		if err := tc.c.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v: Validate() = %v", tc.c, err)
		}
	}
	if _, err := New(WithConfig(Config{CountryShare: 2})); err == nil {
		t.Error("New accepted a bad config")
	}
}

// TestGazetteerMemory holds the loaded gazetteer under the 30 MB.
func TestGazetteerMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	l := newLinker(t)
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
	t.Logf("gazetteer: %d places, %.1f MB of heap", len(l.g.places), mb)
	if mb > 30 {
		t.Errorf("gazetteer takes %.1f MB, want < 30", mb)
	}
	runtime.KeepAlive(l)
}

func BenchmarkLink(b *testing.B) {
	l := newLinker(b)
	body := "Storms hit Atlanta overnight, officials in Georgia said. Flights to Paris and London were cancelled; Florida and Texas braced for rain."
	ents := []article.Entity{}
	for _, n := range []string{"Atlanta", "Georgia", "Paris", "London", "Florida", "Texas"} {
		i := strings.Index(body, n)
		ents = append(ents, article.Entity{Name: n, Type: article.TypeGPE, Count: 1, Mentions: []article.Mention{{Start: i, End: i + len(n), Text: n}}})
	}
	b.ReportAllocs()
	for b.Loop() {
		a := article.Article{Body: body, Entities: append([]article.Entity(nil), ents...)}
		l.Link(&a)
	}
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
