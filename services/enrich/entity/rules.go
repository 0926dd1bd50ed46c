package entity

import (
	"errors"
	"fmt"
)

// ruleTable numbers the rules' names so that a mention records the rules
// behind it in a bit set (made) and a small number (typedBy) instead of
// strings: the record is kept on every mention, so it must cost little.
type ruleTable struct {
	madeID     map[string]ruleBits // joining, splitting and resolution rules -> bit
	madeNames  []string            // bit index -> name
	typedID    map[string]uint8    // typing rules -> id (0: none)
	typedNames []string            // id -> name
}

// Names of rules outside the chains.
const (
	ruleTitleCut       = "title_cut"        // a person title cut off before the name
	ruleKnownMultiword = "known_multiword"  // a known multi-word name prose did not see whole
	ruleHeadlinePart   = "headline_part"    // a known name inside a title-case headline run
	ruleHyphenPart     = "hyphen_part"      // a known name inside a hyphenated word
	ruleCapitalThe     = "capital_the"      // "The" inside a sentence joins the name after it
	ruleImageCredit    = "image_credit"     // a photo credit
	ruleOrdinalUnit    = "ordinal_unit"     // an ordinal before a body's name numbers it ("82nd Airborne Division")
	ruleAllLead        = "all_lead"         // a capital "All" before a body's name begins it ("All India Football Federation")
	ruleAcronymFirst   = "acronym_first"    // a name in brackets after the acronym it spells is its long form ("ISIS (Islamic State of Iraq and Syria)")
	ruleFirmPossessive = "firm_possessive"  // a name and its "'s" before a verb, with no noun to own: a firm's name ("Moody's said")
	ruleGazetteer      = "gazetteer"        // typed by the lists
	ruleSportTeam      = "sport_team"       // a country that plays, or a lone name before a club's people, typed as its team
	ruleTownOfCountry  = "town_of_country"  // a town of a country the article names
	ruleSpeakingWord   = "speaking_word"    // a lone word prose calls a person that announces or reports
	ruleHousedBody     = "housed_body"      // a building that speaks or whose staff it names is the body in it
	rulePlaceBody      = "place_body"       // a known place and capitalised English words, followed by a verb of saying
	ruleSurname        = "surname"          // typed as the person whose surname it is
	ruleGivenName      = "given_name"       // typed as the person whose given name it is
	rulePlaceList      = "place_list"       // a lone name in a list of places
	ruleOrgList        = "org_list"         // a lone name listed with an organisation
	rulePersonList     = "person_list"      // a name listed with a person's full name
	ruleUnknownPerson  = "unknown_person"   // a name of words no list knows, where news puts a person's
	ruleRoleBeforeName = "role_before_name" // a name of name-shaped words nothing else types, right after a noun for a person
)

// ruleBits is a set of joining, splitting and resolution rules, one bit
// each (room for 128).
type ruleBits [2]uint64

// or adds the rules of o to b.
func (b *ruleBits) or(o ruleBits) { b[0] |= o[0]; b[1] |= o[1] }

// empty reports a set without rules.
func (b ruleBits) empty() bool { return b[0]|b[1] == 0 }

// has reports rule i.
func (b ruleBits) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }

var errTooManyRules = errors.New("entity: more than 128 joining, splitting and resolution rules")

func newRuleTable(split []splitRule) (*ruleTable, error) {
	t := &ruleTable{madeID: map[string]ruleBits{}, typedID: map[string]uint8{}, typedNames: []string{""}}
	made := []string{ruleTitleCut, ruleKnownMultiword, ruleHeadlinePart, ruleHyphenPart, ruleCapitalThe, ruleImageCredit, ruleOrdinalUnit, ruleAllLead, ruleAcronymFirst, ruleFirmPossessive}
	for _, r := range joinRules {
		made = append(made, r.name)
	}
	for _, r := range split {
		made = append(made, r.name)
	}
	for _, r := range resolveRules {
		made = append(made, r.name)
	}
	for _, n := range made {
		if _, ok := t.madeID[n]; ok || n == "" {
			continue
		}
		i := len(t.madeNames)
		if i == 128 {
			return nil, errTooManyRules
		}
		var b ruleBits
		b[i/64] = 1 << (i % 64)
		t.madeID[n] = b
		t.madeNames = append(t.madeNames, n)
	}
	typed := []string{"race_before_people", "word_before_norp", ruleGazetteer, ruleSurname, ruleGivenName, ruleImageCredit, ruleSportTeam, ruleTownOfCountry, ruleSpeakingWord, ruleHousedBody, rulePlaceBody, rulePlaceList, ruleOrgList, rulePersonList, ruleUnknownPerson, ruleRoleBeforeName}
	for _, r := range classRules {
		typed = append(typed, r.name)
	}
	for _, r := range placeRules {
		typed = append(typed, r.name)
	}
	for _, n := range typed {
		if _, ok := t.typedID[n]; ok || n == "" {
			continue
		}
		if len(t.typedNames) == 255 {
			return nil, fmt.Errorf("entity: more than 254 typing rules")
		}
		t.typedID[n] = uint8(len(t.typedNames))
		t.typedNames = append(t.typedNames, n)
	}
	return t, nil
}

// bit is the bit of a joining, splitting or resolution rule.
func (r *Recognizer) bit(name string) ruleBits { return r.rules.madeID[name] }

// typed is the id of a typing rule.
func (r *Recognizer) typed(name string) uint8 { return r.rules.typedID[name] }

// madeNames lists the rules of a bit set, in table order.
func (t *ruleTable) names(made ruleBits) []string {
	var out []string
	for i, n := range t.madeNames {
		if made.has(i) {
			out = append(out, n)
		}
	}
	return out
}
