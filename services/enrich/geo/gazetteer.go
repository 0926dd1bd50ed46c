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
}

// regionWords are the generic words that end first-level region names in
// English ("Chelyabinsk Oblast", "Sindh Province"); a mention may use
// another of them ("Chelyabinsk region") or none.
var regionWords = []string{"oblast", "province", "region", "state", "governorate", "prefecture", "county", "krai", "republic", "district", "territory", "department", "municipality"}

// loadGazetteer parses the TSV written by scripts/gen-gazetteer.sh and
// the alias file.
func loadGazetteer(data, aliases []byte) (*gazetteer, error) {
	g := &gazetteer{byName: map[string][]int32{}, regionBase: map[string][]int32{}, country: map[string]int32{}, byID: map[int]int32{}}
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

// normalize folds a place name for lookup: no accents, lower case, no
// periods (U.S.), other punctuation as spaces, no leading "the" and no
// possessive "'s".
func normalize(s string) string {
	s = norm.NFD.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '.':
			continue
		case r == '\'' || r == '’':
			b.WriteRune('\'')
			space = false
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
	out := b.String()
	out = strings.TrimSuffix(out, "'s")
	out = strings.TrimSuffix(out, "'")
	out = strings.TrimPrefix(out, "the ")
	return out
}

// lookup returns the places a name may denote: its exact entries, or else
// the regions whose name without the generic word it is (with or without
// a generic word of its own).
func (g *gazetteer) lookup(name string) []int32 {
	n := normalize(name)
	if c := g.byName[n]; len(c) > 0 {
		return c
	}
	if b := regionBaseName(n); b != "" {
		if c := g.byName[b]; len(c) > 0 {
			var regions []int32
			for _, i := range c {
				if g.places[i].kind == kindRegion {
					regions = append(regions, i)
				}
			}
			if len(regions) > 0 {
				return regions
			}
		}
		return g.regionBase[b]
	}
	return g.regionBase[n]
}
