package geo

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Kinds of place in the gazetteer.
const (
	kindCountry = 'C'
	kindRegion  = 'A'
	kindCity    = 'P'
)

// place is one gazetteer entry.
type place struct {
	id      int
	kind    byte
	country string
	admin1  string
	lat     float64
	lon     float64
	pop     int
	feature string
	name    string
}

// gazetteer is the read-only place data and its name index.
type gazetteer struct {
	places []place
	// byName maps a normalised name to the places that bear it.
	byName map[string][]int32
	// regionBase maps a region's name without its generic word
	// ("Kharkiv" for "Kharkiv Oblast") to the region.
	regionBase map[string][]int32
	// country maps an ISO code to its country entry.
	country map[string]int32
	// byID maps a GeoNames id to its entry.
	byID map[int]int32
	// never holds the names that are no place to link (continents), which
	// towns elsewhere also bear.
	never map[string]bool
}

// regionWords are the generic words that end first-level region names in
// English ("Chelyabinsk Oblast", "Sindh Province"); a mention may use
// another of them ("Chelyabinsk region") or none.
// "County" and "district" are not among them: in most countries they name
// second-level divisions, which the gazetteer does not hold.
var regionWords = []string{"oblast", "province", "region", "state", "governorate", "prefecture", "krai", "republic", "territory", "department"}

// loadGazetteer parses the TSV written by scripts/gen-gazetteer.sh and
// the alias file.
func loadGazetteer(data, aliases []byte) (*gazetteer, error) {
	g := &gazetteer{byName: map[string][]int32{}, regionBase: map[string][]int32{}, country: map[string]int32{}, byID: map[int]int32{}, never: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 10 || len(f[0]) != 1 {
			return nil, fmt.Errorf("gazetteer line %d: want 10 tab-separated fields, got %d", line, len(f))
		}
		if f[0] == "K" {
			g.never[normalize(f[8])] = true
			continue
		}
		id, err1 := strconv.Atoi(f[1])
		lat, err2 := strconv.ParseFloat(f[4], 64)
		lon, err3 := strconv.ParseFloat(f[5], 64)
		pop, err4 := strconv.Atoi(f[6])
		for _, err := range []error{err1, err2, err3, err4} {
			if err != nil {
				return nil, fmt.Errorf("gazetteer line %d: %w", line, err)
			}
		}
		p := place{id: id, kind: f[0][0], country: f[2], admin1: f[3], lat: lat, lon: lon, pop: pop, feature: f[7], name: f[8]}
		i := int32(len(g.places))
		g.places = append(g.places, p)
		g.byID[p.id] = i
		names := []string{p.name}
		if f[9] != "" {
			names = append(names, strings.Split(f[9], "|")...)
		}
		if p.kind == kindCity {
			// "Washington, D.C." is also called "Washington".
			if head, _, ok := strings.Cut(p.name, ","); ok {
				names = append(names, head)
			}
		}
		for _, n := range names {
			g.add(g.byName, normalize(n), i)
		}
		switch p.kind {
		case kindCountry:
			g.country[p.country] = i
		case kindRegion:
			if b := regionBaseName(normalize(p.name)); b != "" {
				g.add(g.regionBase, b, i)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	if len(g.country) == 0 {
		return nil, fmt.Errorf("gazetteer: no countries")
	}
	sc = bufio.NewScanner(bytes.NewReader(aliases))
	line = 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		alias, cc, ok := strings.Cut(t, "\t")
		i, known := g.country[cc]
		if !ok || !known {
			return nil, fmt.Errorf("aliases line %d: want alias<TAB>known ISO code, got %q", line, t)
		}
		g.add(g.byName, normalize(alias), i)
	}
	return g, sc.Err()
}

// add indexes place i under name once.
func (g *gazetteer) add(m map[string][]int32, name string, i int32) {
	if name == "" {
		return
	}
	for _, j := range m[name] {
		if j == i {
			return
		}
	}
	m[name] = append(m[name], i)
}

// regionBaseName strips a trailing generic region word from a normalised
// name; "" when there is none or nothing would remain.
func regionBaseName(n string) string {
	for _, w := range regionWords {
		if b, ok := strings.CutSuffix(n, " "+w); ok && b != "" {
			return b
		}
	}
	return ""
}

// normalize folds a place name for lookup: no possessive "'s", no
// accents, lower case, no periods (U.S.) or apostrophes, other
// punctuation as spaces, no leading "the".
func normalize(s string) string {
	for _, p := range []string{"'s", "’s", "'", "’"} {
		s = strings.TrimSuffix(s, p)
	}
	s = norm.NFD.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '.':
			continue
		case r == '\'' || r == '’' || r == '‘' || r == 'ʻ' || r == 'ʼ' || r == '`':
			// Nuku‘alofa, Nukuʻalofa and Nuku'alofa are one name.
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// lookup returns the places a name may denote: its exact entries, or else
// what the steps of nameForms find for a variant of it. A region named
// like a city inside it ("Moscow", "São Paulo") gives way to the city.
func (g *gazetteer) lookup(name string) []int32 {
	n := normalize(name)
	if g.never[n] {
		return nil
	}
	c := g.byName[n]
	if len(c) == 0 {
		for _, f := range nameForms {
			if c = f.find(g, n); len(c) > 0 {
				break
			}
		}
	}
	return g.dropNamesakeRegions(c)
}

// nameForm is one named way a news text varies a gazetteer name.
type nameForm struct {
	name string
	find func(g *gazetteer, n string) []int32
}

// nameForms are tried in order when the exact name is not in the
// gazetteer.
var nameForms = []nameForm{
	// "Chelyabinsk region" for "Chelyabinsk Oblast": the regions only.
	{"region-word", func(g *gazetteer, n string) []int32 {
		b := regionBaseName(n)
		if b == "" {
			return g.regionBase[n]
		}
		if r := g.ofKind(g.byName[b], kindRegion); len(r) > 0 {
			return r
		}
		return g.regionBase[b]
	}},
	// "State of Virginia", "Province of Quebec".
	{"state-of", func(g *gazetteer, n string) []int32 {
		for _, p := range []string{"state of ", "province of ", "region of "} {
			if b, ok := strings.CutPrefix(n, p); ok {
				return g.ofKind(g.byName[b], kindRegion)
			}
		}
		return nil
	}},
	// "Davao City" for Davao: the cities only.
	{"city-word", func(g *gazetteer, n string) []int32 {
		if b, ok := strings.CutSuffix(n, " city"); ok {
			return g.ofKind(g.byName[b], kindCity)
		}
		return nil
	}},
}

func (g *gazetteer) ofKind(c []int32, k byte) []int32 {
	var out []int32
	for _, i := range c {
		if g.places[i].kind == k {
			out = append(out, i)
		}
	}
	return out
}

// dropNamesakeRegions removes a region when a city of the same name lies
// in it: news names the city.
func (g *gazetteer) dropNamesakeRegions(c []int32) []int32 {
	if len(c) < 2 {
		return c
	}
	cities := map[string]bool{}
	for _, i := range c {
		if p := &g.places[i]; p.kind == kindCity {
			cities[p.country+"."+p.admin1] = true
		}
	}
	out := c[:0:0]
	for _, i := range c {
		if p := &g.places[i]; p.kind == kindRegion && cities[p.country+"."+p.admin1] {
			continue
		}
		out = append(out, i)
	}
	return out
}
