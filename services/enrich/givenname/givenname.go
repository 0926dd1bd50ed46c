// Package givenname tells the sex that an English given name marks, from a
// generated table of names used for one sex only (gendernames.txt, written
// by scripts/gender-names.sh; its header names the sources).
package givenname

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed gendernames.txt
var table string

// Sex values returned by Sex.
const (
	Male   = "male"
	Female = "female"
)

// Table returns the table's text: sections "[femalename]" and
// "[malename]" of lower-case names.
func Table() string { return table }

// sexes parses the table once: a name listed under both sections marks
// neither.
var sexes = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	sec := ""
	for _, line := range strings.Split(table, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "[femalename]":
			sec = Female
		case line == "[malename]":
			sec = Male
		default:
			for _, f := range strings.Fields(line) {
				if s, ok := out[f]; ok && s != sec {
					out[f] = ""
					continue
				}
				out[f] = sec
			}
		}
	}
	return out
})

// Sex returns Male or Female for a given name used for one sex only
// ("Michelle", "Barack"), else "". Case is ignored.
func Sex(name string) string { return sexes()[strings.ToLower(name)] }
