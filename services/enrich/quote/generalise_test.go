package quote

import "testing"

// TestGeneralRules runs one small article of our own per rule added for
// the held-out dev set (testdata/dev).
func TestGeneralRules(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		wants []want
	}{
		{"she skips a man named by his given name",
			`Laura Kent met officers Mark Dyer and Paul Rees at a bar. She later told a guard "they took my phone away".`,
			[]want{{"they took my phone away", "Laura Kent", "PERSON", "told", 0}}},
		{"he skips a woman named by her given name",
			`Thomas Webb questioned Helen Price at the hearing. He told reporters "the witness was not credible at all".`,
			[]want{{"the witness was not credible at all", "Thomas Webb", "PERSON", "told", 0}}},
		{"a surname that is a given name does not decide the gender",
			`Ruth Charles left the court. "We are broken by this," she said.`,
			[]want{{"We are broken by this,", "Ruth Charles", "PERSON", "said", 0}}},
		{"role with its of-phrase, then a pronoun",
			`The head of the city's fire inspectors told the inquiry "the exits were locked." She also said "nobody checked the alarms that night."`,
			[]want{
				{"the exits were locked.", "head of the city's fire inspectors", "PERSON", "told", 0},
				{"nobody checked the alarms that night.", "head of the city's fire inspectors", "PERSON", "said", 0}}},
		{"one of a group speaks as a person",
			`One of the survivors agreed to speak. She said "the water rose in minutes".`,
			[]want{{"the water rose in minutes", "survivor", "PERSON", "said", 0}}},
		{"one of a group as the subject",
			`Two girls were hurt. One of the girls said the driver was "going far too fast for the road".`,
			[]want{{"going far too fast for the road", "girl", "PERSON", "said", 0}}},
		{"inverted cue with organisation, role and name in apposition",
			`"She was a rare talent," said Riverside College's president, Omar Haddad.`,
			[]want{{"She was a rare talent,", "Omar Haddad", "PERSON", "said", 0}}},
		{"inverted cue with a plain name keeps it",
			`"We will appeal," said Omar Haddad, a lawyer.`,
			[]want{{"We will appeal,", "Omar Haddad", "PERSON", "said", 0}}},
		{"according to after the quote names the source, not the speaker",
			`Grace Lin called the plan a "waste of public money from the start," according to the Herald.`,
			[]want{{"waste of public money from the start,", "Grace Lin", "PERSON", "called", 0}}},
		{"according to after the quote with no other cue is the speaker",
			`The bridge is "safe for light traffic only," according to Grace Lin.`,
			[]want{{"safe for light traffic only,", "Grace Lin", "PERSON", "according to", 0}}},
		{"relative who-clause before a colon",
			`Another was nurse Peter Olsen, 31, who cited his training: "You just act. Anyone would have done the same."`,
			[]want{{"You just act. Anyone would have done the same.", "Peter Olsen", "PERSON", "cited", 0}}},
		{"informed is a cue",
			`Police questioned Anna Berg on Monday. She informed them she would stay, but "that she would not leave the city this month".`,
			[]want{{"that she would not leave the city this month", "Anna Berg", "PERSON", "informed", 0}}},
		{"finding out is no saying",
			`The union said many members had found out about the cuts "through the media before anyone told them".`,
			[]want{{"through the media before anyone told them", "union", "ORG", "said", 0}}},
		{"a sign with a participle after its noun is no one's",
			`A hand-painted sign tied to the railings read "Rent is theft and always was".`,
			[]want{{"Rent is theft and always was", "", "", "", 0}}},
		{"the subject of a verb of naming in a what-clause speaks",
			`The minister said the state would not intervene in what the spokesperson called "a matter for the social partners".`,
			[]want{{"a matter for the social partners", "spokesperson", "PERSON", "called", 0}}},
		{"a body's rules speak for the body",
			`The club's rules say that members must "wear white at all times on court".`,
			[]want{{"wear white at all times on court", "club", "ORG", "say", 0}}},
		{"a board and its of-phrase of people describe the speaker together",
			`The charity's board of directors said it had "cooperated fully with investigators from the first day".`,
			[]want{{"cooperated fully with investigators from the first day", "charity's board of directors", "GROUP", "said", 0}}},
		{"a cue joined by and to the clause of the quote before has its speaker",
			`Tom Vale said the late ballots were "historically friendly territory" for his party and predicted he would "end up on top by a few hundred votes".`,
			[]want{{"historically friendly territory", "Tom Vale", "PERSON", "said", 0}, {"end up on top by a few hundred votes", "Tom Vale", "PERSON", "predicted", 0}}},
		{"a plural after during is a noun, no cue",
			`Union leader Tom Vale spoke on Monday. The 56-year-old said that Ana Lind, the head of operations at the port, had told him during talks on Monday night that "not a single job guarantee will be signed".`,
			[]want{{"not a single job guarantee will be signed", "Ana Lind", "PERSON", "told", 0}}},
		{"a named term is not a quote",
			`Critics preferred the terms "civil partnership scheme" and "registered union" to marriage.`,
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.body, nil, tc.wants) })
	}
}

// TestDevTargets asserts the targets on the held-out dev set: quote F1 at
// least 0.95 and speaker accuracy at least 0.90, with no entities.
func TestDevTargets(t *testing.T) {
	_, tot := runGold(t, loadGoldDir(t, devDir), false)
	if tot.gold < 100 {
		t.Fatalf("dev set has %d quotes, want at least 100", tot.gold)
	}
	_, _, f := tot.prf()
	if f < 0.95 {
		t.Errorf("dev quote F1 %.3f < 0.95", f)
	}
	if a := tot.speakerAcc(); a < 0.90 {
		t.Errorf("dev speaker accuracy %.3f < 0.90", a)
	}
}
