package entity

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

// tagged tags one sentence as a unit and returns its tokens.
func tagged(t *testing.T, r *Recognizer, s string) []token {
	t.Helper()
	toks := r.tag(s, unit{0, len(s)})
	if len(toks) == 0 {
		t.Fatalf("no tokens in %q", s)
	}
	for i := range toks {
		toks[i].initial = sentenceStart(toks, i)
	}
	return toks
}

// recognizeBody returns the entities of an article with body alone.
func recognizeBody(t *testing.T, r *Recognizer, body string) []article.Entity {
	t.Helper()
	ents, err := r.Recognize(context.Background(), &article.Article{Body: body})
	if err != nil {
		t.Fatal(err)
	}
	return ents
}

// runOf returns the tokens of s that make up phrase.
func runOf(t *testing.T, r *Recognizer, s, phrase string) []token {
	t.Helper()
	at := strings.Index(s, phrase)
	if at < 0 {
		t.Fatalf("%q not in %q", phrase, s)
	}
	var run []token
	for _, tk := range tagged(t, r, s) {
		if tk.start >= at && tk.end <= at+len(phrase) {
			run = append(run, tk)
		}
	}
	if joinText(run) != phrase {
		t.Fatalf("tokens of %q give %q", phrase, joinText(run))
	}
	return run
}

// mentionOf returns the mention with text phrase that spans finds in s.
func mentionOf(t *testing.T, r *Recognizer, s, phrase string, headline bool) mention {
	t.Helper()
	ms := r.spans(s, unit{0, len(s)}, headline)
	for _, m := range ms {
		if m.text == phrase {
			return m
		}
	}
	var got []string
	for _, m := range ms {
		got = append(got, m.text)
	}
	t.Fatalf("no mention %q in %q: %q", phrase, s, got)
	return mention{}
}

func TestClassRules(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		rule, sentence, phrase string
		titled                 bool
		want                   string // type; "" for no entity type
	}{
		{"gazetteer", "Flights to Nairobi resumed on Monday.", "Nairobi", false, article.TypeGPE},
		{"gazetteer", "Protesters gathered outside the Capitol on Wednesday.", "Capitol", false, article.TypeFac},
		{"given_surname_head", "Michael Hall said the plan was sound.", "Michael Hall", false, article.TypePerson},
		{"given_surname_head", "Trade envoy Carla Hills met the ministers on Friday.", "Carla Hills", false, article.TypePerson},
		{"given_surname_head", "Grace Park, a lawyer, said she would appeal.", "Grace Park", false, article.TypePerson},
		{"prose_label", "Shares in Tarvex VR rose after the headset launch.", "Tarvex VR", false, article.TypeOrg},
		{"head_cue", "Fans gathered at Albert Park on Sunday.", "Albert Park", false, article.TypeFac},
		{"head_cue", "Researchers at the Tarvel Institutet said the data were new.", "Tarvel Institutet", false, article.TypeOrg},
		{"head_cue", "Commuters on the Kestrel Underground were delayed for an hour.", "Kestrel Underground", false, article.TypeOrg},
		{"head_cue", "The Tarvel State Opera cancelled the premiere.", "Tarvel State Opera", false, article.TypeOrg},
		{"head_cue", "Dancers of the Kestrel Ballet went on strike.", "Kestrel Ballet", false, article.TypeOrg},
		{"head_cue", "The Tarvel State Capitol was evacuated on Monday.", "Tarvel State Capitol", false, article.TypeFac},
		{"head_cue", "Shares in Dunmore Healthcare rose after the results.", "Dunmore Healthcare", false, article.TypeOrg},
		{"head_cue", "Workers at Veldan Biosciences walked out on Tuesday.", "Veldan Biosciences", false, article.TypeOrg},
		{"head_cue", "Shops on George Street closed early.", "George Street", false, article.TypeFac},
		{"head_cue", "Protesters marched from Kestrel Junction to the square.", "Kestrel Junction", false, article.TypeFac},
		{"head_cue", "Talks with Marta Kessel AB ended on Monday.", "Marta Kessel AB", false, article.TypeOrg},
		{"head_cue", "Shares of Ilsa Brandt Co fell 4 percent.", "Ilsa Brandt Co", false, article.TypeOrg},
		{"head_cue", "Customers of Harwell Freight waited a week for parcels.", "Harwell Freight", false, article.TypeOrg},
		{"head_cue", "Troops entered the Tarvel Governorate on Monday.", "Tarvel Governorate", false, article.TypeGPE},
		{"head_cue", "Water was cut in Anand Nagar and Sunil Vihar on Monday.", "Anand Nagar", false, article.TypeGPE},
		{"head_cue", "The play opened at the Marlow Playhouse on Friday.", "Marlow Playhouse", false, article.TypeFac},
		{"head_cue", "Traffic on Gandhi Marg was stopped near the station.", "Gandhi Marg", false, article.TypeFac},
		{"head_cue", "Tourists filled Myrtle Beach last week.", "Myrtle Beach", false, article.TypeLoc},
		{"head_cue", "Mourners gathered at Greenvale Cemetery on Sunday.", "Greenvale Cemetery", false, article.TypeFac},
		{"head_cue", "The yacht ran aground off Pelican Cay at dawn.", "Pelican Cay", false, article.TypeLoc},
		{"head_cue", "The claim was first reported by the Kestrel Valley Monitor on Friday.", "Kestrel Valley Monitor", false, article.TypeOrg},
		{"head_cue", "Editors at the Tarvel Advertiser declined to comment.", "Tarvel Advertiser", false, article.TypeOrg},
		{"head_cue", "The vessel, operated by Kestrel Shipping Lines, sank on Sunday.", "Kestrel Shipping Lines", false, article.TypeOrg},
		{"head_cue", "Shares in Harlow Motor rose after the merger.", "Harlow Motor", false, article.TypeOrg},
		{"head_cue", "The bill passed the Tarvel Rada on Friday.", "Tarvel Rada", false, article.TypeOrg},
		{"head_cue", "The minister was sworn in at Kestrel Bhavan.", "Kestrel Bhavan", false, article.TypeFac},
		{"head_cue", "Customers of Tarvel Wireless lost service on Monday.", "Tarvel Wireless", false, article.TypeOrg},
		{"compass_demonym", "Many Southern Europeans travel in August.", "Southern Europeans", false, article.TypeNORP},
		{"hyphenated_given", "Striker Park Tae-woon scored twice for the visitors.", "Park Tae-woon", false, article.TypePerson},
		{"hyphenated_given", "Reporters asked Chen Yi-ling about the vote.", "Chen Yi-ling", false, article.TypePerson},
		{"hyphenated_given", "Talks with Kang Hye-young ended.", "Kang Hye-young", false, article.TypePerson},
		{"hyphenated_given", "Voters in the south backed Lin Ing-hua on Saturday.", "Lin Ing-hua", false, article.TypePerson},
		{"hyphenated_given", "Lin Ing-hua won the vote in the south.", "Lin Ing-hua", false, article.TypePerson},
		{"head_cue", "Coins of the Tarvelian Empire were found.", "Tarvelian Empire", false, article.TypeGPE},
		{"day_name", "Markets were shut for Harvest Day in the north.", "Harvest Day", false, ""},
		{"golden_prize", "Her second film won the Golden Leopard last summer.", "Golden Leopard", false, ""},
		{"foreign_article", "The editor of El Vigilante resigned on Monday.", "El Vigilante", false, article.TypeOrg},
		{"event_head", "The Equal Access Clause was cited in the ruling.", "Equal Access Clause", false, ""},
		{"place_paper", "An editorial in the Des Moines Register backed the bill.", "Des Moines Register", false, article.TypeOrg},
		{"head_cue", "Regulars at the Harbour Tavern raised money.", "Harbour Tavern", false, article.TypeFac},
		{"non_name", "Forecasters expect La Niña to bring a wet winter.", "La Niña", false, ""},
		{"town_name", "Floodwater reached Niagara Falls on Tuesday.", "Niagara Falls", false, article.TypeGPE},
		{"town_name", "The storm hit Port Douglas overnight.", "Port Douglas", false, article.TypeGPE},
		{"compass_demonym", "Talks between Turkish Cypriots and the island government resumed.", "Turkish Cypriots", false, article.TypeNORP},
		{"place_team", "Fans of the Nairobi Falcons cheered the late goal.", "Nairobi Falcons", false, article.TypeOrg},
		{"place_land", "Floods reached the Nairobi Lowlands on Monday.", "Nairobi Lowlands", false, article.TypeLoc},
		{"title_person", "The ruling upset Judge Okafor deeply.", "Okafor", true, article.TypePerson},
		{"call_sign", "The interview aired on KTVB-TV last night.", "KTVB-TV", false, article.TypeOrg},
		{"event_word", "Tickets for the Olympics sold out.", "Olympics", false, ""},
		{"of_head", "She joined the Ministry of Fisheries in 2010.", "Ministry of Fisheries", false, article.TypeOrg},
		{"event_head", "Crowds gathered for the Harbour Festival on Saturday.", "Harbour Festival", false, ""},
		{"compass_place", "He was born in Salford, Greater Manchester, in 1960.", "Greater Manchester", false, article.TypeGPE},
		{"road_number", "Traffic on Kestrel State Route 9 stopped.", "Kestrel State Route 9", false, article.TypeFac},
		{"storm_name", "Typhoon Kestrel flooded the coast on Monday.", "Typhoon Kestrel", false, ""},
		{"first_cue", "He studied at the Instituto Mendes for two years.", "Instituto Mendes", false, article.TypeOrg},
		{"unknown_place_person", "Nasima Akter, whose daughter was treated on Monday, said the ward was full.", "Nasima Akter", false, article.TypePerson},
		{"first_cue", "Buses left Ciudad Morena at dawn.", "Ciudad Morena", false, article.TypeGPE},
		{"first_cue", "The ferry docked at Port Kestrel on Monday.", "Port Kestrel", false, article.TypeGPE},
		{"head_cue", "Police arrested members of the Kelvo Brotherhood.", "Kelvo Brotherhood", false, article.TypeOrg},
		{"first_cue", "Two climbers died on Mont Varenne on Monday.", "Mont Varenne", false, article.TypeLoc},
		{"first_cue", "Plans call for the River Colvane to be diverted.", "River Colvane", false, article.TypeLoc},
		{"first_cue", "Divers searched Loch Varrish for the wreck.", "Loch Varrish", false, article.TypeLoc},
		{"first_cue", "The team reached the summit of Mt Kestrel at noon.", "Mt Kestrel", false, article.TypeLoc},
		{"first_cue", "Firefighters from the Vigili del Fuoco rescued 200 people.", "Vigili del Fuoco", false, article.TypeOrg},
		{"head_cue", "Tarvel F.C. won the cup on Saturday.", "Tarvel F.C.", false, article.TypeOrg},
		{"head_then_place", "He studied at Vardon College London for two years.", "Vardon College London", false, article.TypeOrg},
		{"head_then_place", "The Vardon University Dubai campus opened in May.", "Vardon University Dubai", false, article.TypeOrg},
		{"head_cue", "The Tarvel Police Prefecture said two men were held.", "Tarvel Police Prefecture", false, article.TypeOrg},
		{"head_cue", "Doctors at the Kessler Clinic agreed.", "Kessler Clinic", false, article.TypeOrg},
		{"head_cue", "He was taken to Tarvel Royal Infirmary on Monday.", "Tarvel Royal Infirmary", false, article.TypeFac},
		{"head_cue", "Leaders of the Tarvelian Economic Community met on Monday.", "Tarvelian Economic Community", false, article.TypeOrg},
		{"head_cue", "Patrol boats met near Second Tarvo Shoal on Monday.", "Second Tarvo Shoal", false, article.TypeLoc},
		{"ampersand_org", "Shares in Halvorsen & Okafor fell on Monday.", "Halvorsen & Okafor", false, article.TypeOrg},
		{"ampersand_org", "Her uncle still runs Marsh & Sons in the town.", "Marsh & Sons", false, article.TypeOrg},
		{"field_country", "The plane was grounded by Transport Canada on Monday.", "Transport Canada", false, article.TypeOrg},
		{"field_country", "Statistics Norway said prices rose in May.", "Statistics Norway", false, article.TypeOrg},
		{"field_country", "Two men were held by officers of Police Scotland on Monday.", "Police Scotland", false, article.TypeOrg},
		{"gazetteer", "Officials in Trinidad & Tobago said the storm had passed.", "Trinidad & Tobago", false, article.TypeGPE},
		{"first_cue", "The story ran in the Gazzetta Rossi on Sunday.", "Gazzetta Rossi", false, article.TypeOrg},
		{"first_cue", "Two wards of the Ospedale Maggiore were closed.", "Ospedale Maggiore", false, article.TypeFac},
		{"first_cue", "Shells fell on Deir al-Tarek overnight.", "Deir al-Tarek", false, article.TypeGPE},
		{"first_cue", "The train from Gare de Vennes was late.", "Gare de Vennes", false, article.TypeFac},
		{"first_cue", "The player was fined by Tennis Norway last year.", "Tennis Norway", false, article.TypeOrg},
		{"head_cue", "According to Harwell Research, sales fell in May.", "Harwell Research", false, article.TypeOrg},
		{"head_cue", "The battery maker Lenoge Technology was sued.", "Lenoge Technology", false, article.TypeOrg},
		{"head_cue", "Officials at Sri Lanka Cricket confirmed the tour.", "Sri Lanka Cricket", false, article.TypeOrg},
		{"compass_after", "Traffic stopped on Harlow Road East for an hour.", "Harlow Road East", false, article.TypeFac},
		{"first_cue", "Surfers left Praia Verde before the storm.", "Praia Verde", false, article.TypeLoc},
		{"first_cue", "Diners at Trattoria Bellini waited an hour.", "Trattoria Bellini", false, article.TypeOrg},
		{"head_cue", "Crowds filled the Rosenthaler Platz on Sunday.", "Rosenthaler Platz", false, article.TypeFac},
		{"compass_after", "Voters in Leeds West chose a new MP on Thursday.", "Leeds West", false, article.TypeGPE},
		{"compass_after", "Voters in Nakuru Central queued from dawn.", "Nakuru Central", false, article.TypeGPE},
		{"compass_after", "She was elected a TD for Galway North-West in 2016.", "Galway North-West", false, article.TypeGPE},
		{"compass_after", "He stood for Leeds Mid-West on Thursday.", "Leeds Mid-West", false, article.TypeGPE},
		{"given_name", "Austin West, her producer, said the show would go on.", "Austin West", false, article.TypePerson},
		{"head_cue", "Inmates at Ruth Mallory Correctional Facility were moved.", "Ruth Mallory Correctional Facility", false, article.TypeFac},
		{"people_for", "A rally by Tenants for Fair Rent drew crowds.", "Tenants for Fair Rent", false, article.TypeOrg},
		{"for_head", "The Council for Rural Clinics met on Friday.", "Council for Rural Clinics", false, article.TypeOrg},
		{"head_cue_pair", "Volunteers of the Lakeside Red Cross helped.", "Lakeside Red Cross", false, article.TypeOrg},
		{"head_cue_pair", "Protesters marched to Parliament House on Friday.", "Parliament House", false, article.TypeFac},
		{"head_cue_pair", "Crowds gathered outside the Kestrel Opera House.", "Kestrel Opera House", false, article.TypeFac},
		{"head_cue_pair", "Emergency crews from Kestrel County Fire Rescue reached the scene.", "Kestrel County Fire Rescue", false, article.TypeOrg},
		{"head_cue", "The Dravik Foundation paid for the school.", "Dravik Foundation", false, article.TypeOrg},
		{"head_cue", "The launch from Vostrov Cosmodrome was delayed.", "Vostrov Cosmodrome", false, article.TypeFac},
		{"head_cue", "The audit was done by Harbourline Consulting last year.", "Harbourline Consulting", false, article.TypeOrg},
		{"lead_cue", "Students of the University of Tarvel marched.", "University of Tarvel", false, article.TypeOrg},
		{"lead_cue", "The cyclone formed in the Bay of Kestrel on Monday.", "Bay of Kestrel", false, article.TypeLoc},
		{"lead_cue", "Tourists queued outside the Palace of Tarvel.", "Palace of Tarvel", false, article.TypeFac},
		{"lead_cue", "It appeared in the Proceedings of the Tarvel Academy on Monday.", "Proceedings of the Tarvel Academy", false, article.TypeOrg},
		{"org_complement", "The Tarvel Centre for Rare Metals published it.", "Tarvel Centre for Rare Metals", false, article.TypeOrg},
		{"org_complement", "The Committee to Shield Reporters condemned the arrest.", "Committee to Shield Reporters", false, article.TypeOrg},
		{"given_name", "Reporters asked Gregory Tallis about it.", "Gregory Tallis", false, article.TypePerson},
		{"initials_surname", "Critics compared her to J.D. Varnholt last year.", "J.D. Varnholt", false, article.TypePerson},
		{"initials_surname", "The prize is named after J.R.R. Tolkien.", "J.R.R. Tolkien", false, article.TypePerson},
		{"given_name", "Reporters asked Khaled Mansour about it.", "Khaled Mansour", false, article.TypePerson},
		{"given_name", "The prize went to Thibault Verlaine and his team.", "Thibault Verlaine", false, article.TypePerson},
		{"place_particle", "Floods hit Nairobi del Norte on Monday.", "Nairobi del Norte", false, article.TypeGPE},
		{"particle_surname", "Reporters asked Tahir al-Masri about it.", "Tahir al-Masri", false, article.TypePerson},
		{"acronym", "The statement came from the KFRB on Tuesday.", "KFRB", false, article.TypeOrg},
		{"acronym", "The company's C.E.O. resigned on Tuesday.", "C.E.O.", false, ""},
		{"acronym", "Developers could download the new SDK from Monday.", "SDK", false, ""},
		{"common_word_alone", "The Committee met again on Monday.", "Committee", false, ""},
		{"camel_brand", "The startup QuillStack raised money.", "QuillStack", false, article.TypeOrg},
		{"camel_brand", "Shares of TorvaLink fell.", "TorvaLink", false, article.TypeOrg},
		{"people_known_org", "The Russian State Duma passed the bill on Tuesday.", "Russian State Duma", false, article.TypeOrg},
		{"acronym_hyphen", "Engineering firm KTV-Marlow won the contract.", "KTV-Marlow", false, article.TypeOrg},
		{"acronym_led", "Researchers at UC Merrow said the results were clear.", "UC Merrow", false, article.TypeOrg},
		{"national_arm", "Researchers at Zentrix UK agreed.", "Zentrix UK", false, article.TypeOrg},
		{"national_arm", "Kelvora New Zealand called the study a warning.", "Kelvora New Zealand", false, article.TypeOrg},
		{"national_arm", "The runner was banned by Athletics Kenya on Monday.", "Athletics Kenya", false, article.TypeOrg},
		{"body_of_place", "A ruling by Health Standards Australia New Zealand followed.", "Health Standards Australia New Zealand", false, article.TypeOrg},
		{"person_not_name", "Fans praised Silver Lining on its release.", "Silver Lining", false, ""},
		{"person_place_word", "The report by Nairobi Metro Review appeared.", "Nairobi Metro Review", false, ""},
		{"lone_gpe", "The choir sang Vandoria twice.", "Vandoria", false, ""},
		{"gpe_org_word", "Members of Group Kestrel Norway voted.", "Group Kestrel Norway", false, article.TypeOrg},
		{"word_not_surname", "Yesterday Velmar Biology announced its plan.", "Velmar Biology", false, article.TypeOrg},
		{"word_not_surname", "Yesterday Baltavia Ferries apologised for the delays.", "Baltavia Ferries", false, article.TypeOrg},
		{"web_address", "Readers of Kalvora.com complained on Monday.", "Kalvora.com", false, article.TypeOrg},
		{"web_address", "The story first ran on VTR.com.br last week.", "VTR.com.br", false, article.TypeOrg},
		{"prose_label", "Yesterday Marek Dvorsky announced his plan.", "Marek Dvorsky", false, article.TypePerson},
		{"the_paper", "The claim was first made to The Herald on Monday.", "Herald", false, article.TypeOrg},
	}
	covered := map[string]bool{}
	for _, tc := range tests {
		covered[tc.rule] = true
		t.Run(tc.rule, func(t *testing.T) {
			run := runOf(t, r, tc.sentence, tc.phrase)
			i := slices.IndexFunc(classRules, func(c classRule) bool { return c.name == tc.rule })
			if i < 0 {
				t.Fatalf("no class rule %q", tc.rule)
			}
			before := strings.ToLower(tc.sentence[:max(0, strings.Index(tc.sentence, tc.phrase))])
			at := max(0, strings.Index(tc.sentence, tc.phrase))
			c := classCtx{run: run, text: tc.phrase, titled: tc.titled, last: run[len(run)-1].text, afterThe: strings.HasSuffix(before, "the "), afterCapThe: capitalTheInside(tc.sentence, at)}
			res, ok := classRules[i].fn(r, &c)
			if !ok || res.typ != tc.want {
				t.Errorf("rule alone: fired %v type %q, want fired with %q", ok, res.typ, tc.want)
			}
		})
	}
	for _, c := range classRules {
		if !covered[c.name] {
			t.Errorf("class rule %q has no test", c.name)
		}
	}
}

// TestTwoWordsNoPerson: two English words, the second no surname the
// census lists, name no person whatever the first looks like ("Marine" is
// a given name), and prose's PERSON guess on them is left; a surname that
// is a word keeps the person.
func TestTwoWordsNoPerson(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, rule, sentence, phrase string
		person                       bool
	}{
		{"a given name before a common noun", "given_name", "Data from Marine Traffic showed the ship had turned.", "Marine Traffic", false},
		{"prose's guess on two common words", "prose_label", "Data from Harbour Traffic showed the ship had turned.", "Harbour Traffic", false},
		{"a surname that is a word", "given_name", "Grace Baker said the ship had turned.", "Grace Baker", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			i := slices.IndexFunc(classRules, func(c classRule) bool { return c.name == tc.rule })
			run := runOf(t, r, tc.sentence, tc.phrase)
			c := classCtx{run: run, text: tc.phrase, last: run[len(run)-1].text}
			if tc.rule == "prose_label" && c.vote() != article.TypePerson {
				t.Fatalf("prose votes %q for %q: the case no longer tests the rule", c.vote(), tc.phrase)
			}
			res, ok := classRules[i].fn(r, &c)
			if got := ok && res.typ == article.TypePerson; got != tc.person {
				t.Errorf("%s typed %q a person: %v, want %v", tc.rule, tc.phrase, got, tc.person)
			}
		})
	}
}

// TestProseLabelOnlyPerson: prose's own label types a name only as a
// person; its organisation and place guesses, measured right under half the
// time on names no rule typed, leave the name to resolution.
func TestProseLabelOnlyPerson(t *testing.T) {
	r := newTestRecognizer(t)
	i := slices.IndexFunc(classRules, func(c classRule) bool { return c.name == "prose_label" })
	tests := []struct{ name, sentence, phrase, vote string }{
		{"an organisation guess", "The Radical Green Democrats walked out.", "Radical Green Democrats", article.TypeOrg},
		{"another organisation guess", "Visitors came to the Progress Exposition in 1933.", "Progress Exposition", article.TypeOrg},
		{"a place guess", "The Green Chamber opened at noon.", "Green Chamber", article.TypeGPE},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			run := runOf(t, r, tc.sentence, tc.phrase)
			c := classCtx{run: run, text: tc.phrase, last: run[len(run)-1].text}
			if v := c.vote(); v != tc.vote {
				t.Fatalf("prose votes %q for %q, want %q: the case no longer tests the rule", v, tc.phrase, tc.vote)
			}
			if res, ok := classRules[i].fn(r, &c); ok {
				t.Errorf("prose_label typed %q as %q", tc.phrase, res.typ)
			}
		})
	}
}

func TestPlaceRules(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		rule, sentence, phrase, want string
	}{
		{"postal_code", "The plant in Bakersfield, CA, closed.", "CA", article.TypeGPE},
		{"postal_code", "He was born in Greenville, S.C., in 1970.", "S.C.", article.TypeGPE},
		{"postal_code", "Police in Tarvel, Mass., said the man fled.", "Mass", article.TypeGPE},
		{"postal_code", "Prices in Tarvel City, Nev., spiked on Monday.", "Nev", article.TypeGPE},
		{"state_tag", "Sen. Ana Kovic (R-Mo.) sent a brief to the court.", "Mo", article.TypeGPE},
		{"state_tag", "Sen. Ana Kovic, D-Calif., disagreed with the plan.", "Calif", article.TypeGPE},
		{"state_tag", "Reps. Ana Kovic (Ill.) and Tom Roe signed it.", "Ill", article.TypeGPE},
		{"state_tag", "Rep. Ana Kovic (D-N.Y.) spoke first.", "N.Y", article.TypeGPE},
		{"common_expansion", "Clinics ran out of rapid diagnostic kits (RDK) by noon.", "RDK", ""},
		{"common_expansion", "The first small modular reactor (SMR) opened in May.", "SMR", ""},
		{"noble_title", "The Duke of Kestrel opened the new wing on Monday.", "Kestrel", ""},
		{"noble_title", "Prince Tomas and Ilse, Duchess of Varna, visited the school.", "Ilse", article.TypePerson},
		{"language_use", "The ruling was published in French and English on Monday.", "English", ""},
		{"language_use", "She answered the questions in Portuguese, the officials said.", "Portuguese", ""},
		{"language_use", "The imam is known for preaching only in formal classical Arabic to his followers.", "Arabic", ""},
		{"kin_given", "He is survived by his wife Maureen, who ran the bakery.", "Maureen", article.TypePerson},
		{"which_body", "Velmoor Water, which supplies two million homes, was fined on Monday.", "Velmoor Water", article.TypeOrg},
		{"age_apposition", "Nairobi Edwards, 42, was arrested on Monday.", "Nairobi Edwards", article.TypePerson},
		{"capital_name", "Protests spread to Ostrana, the regional capital, Velkovo, by nightfall.", "Velkovo", article.TypeGPE},
		{"country_person", "In the final, Serenity Chepkoech of Kenya held off the champion.", "Serenity Chepkoech", article.TypePerson},
		{"country_person", "At the line, Serenity Chepkoech of Uganda raised both arms.", "Serenity Chepkoech", article.TypePerson},
		{"kin_given", "Her mother, Anwar, told police about the fire.", "Anwar", article.TypePerson},
		{"kin_given", "His daughters Ana and Maria found the letters.", "Maria", article.TypePerson},
		{"role_apposition", "Sanguem Brook, spokesperson for the council, declined to comment.", "Sanguem Brook", article.TypePerson},
		{"name_then_kind", "Rangmanch Pune, the theatre group he founded in 1968, said its doors would stay open.", "Rangmanch Pune", article.TypeOrg},
		{"the_name_kind", "Villagers blamed the Ouro Verde mining company for the spill.", "Ouro Verde", article.TypeOrg},
		{"role_apposition", "Lemayian ole Sankale, the sanctuary's manager, said the fence was finished.", "Lemayian ole Sankale", article.TypePerson},
		{"role_apposition", "Three islanders, Pale Fono, the mother of two, sued.", "Pale Fono", article.TypePerson},
		{"role_apposition", "Rain fell as she spoke beside Precious Mvula, the head of the relief agency, on Friday.", "Precious Mvula", article.TypePerson},
		{"the_plural_group", "Her brother was known from The Larkspurs, she said.", "The Larkspurs", article.TypeOrg},
		{"person_next", "Critics of the Okonkwo administration spoke.", "Okonkwo", article.TypePerson},
		{"loc_before", "Boats sank in the river Tavra last week.", "Tavra", article.TypeLoc},
		{"place_of", "At least twelve people died in the town of Velmor on Sunday.", "Velmor", article.TypeGPE},
		{"capital_name", "She spoke to voters in the capital, Velgrad, on Monday.", "Velgrad", article.TypeGPE},
		{"capital_name", "He spoke at a rally in the state capital, Velgrad, on Monday.", "Velgrad", article.TypeGPE},
		{"kind_apposition", "Her party, Kivuli, said it would appeal.", "Kivuli", article.TypeOrg},
		{"kind_apposition", "The largest trade union federation, Korvo, said last week that wages rose.", "Korvo", article.TypeOrg},
		{"spelled_acronym", "Leaders of Umoja Wa Wakulima (UWW) met the minister.", "Umoja Wa Wakulima", article.TypeOrg},
		{"dwellers_of", "One resident of Kota Lumbe told the radio the bridge was gone.", "Kota Lumbe", article.TypeGPE},
		{"dwellers_of", "Residents of Bao Lam said the road was closed.", "Bao Lam", article.TypeGPE},
		{"place_of", "Ferries to the island of Kavari stopped.", "Kavari", article.TypeLoc},
		{"place_of", "The mayor of Velmor-sur-Mer, Ana Lind, closed the beaches.", "Velmor-sur-Mer", article.TypeGPE},
		{"place_of", "The mayor of Tarvel said the bridge would reopen.", "Tarvel", article.TypeGPE},
		{"portfolio_before_title", "Mineral Resources Minister Idris Korhan said the mine would reopen.", "Mineral Resources", ""},
		{"place_of", "Crowds gathered in the eastern Velgrad district of Kapsatet Moiben on Sunday.", "Kapsatet Moiben", article.TypeGPE},
		{"work_before", "She wrote the novel Angel Catbird in 2016.", "Angel Catbird", ""},
		{"leads_object", "The veteran, who heads Kestrel Ndovu, spoke first.", "Kestrel Ndovu", article.TypeOrg},
		{"leads_object", "In 1998 she founded Brightmoor Tallis as a small design studio.", "Brightmoor Tallis", article.TypeOrg},
		{"model_version", "The airline grounded its Tarvel 797 QX after the crash.", "QX", ""},
		{"led_by", "The rival Beacon for Civic Renewal, led by Ada Mensah, walked out.", "Beacon for Civic Renewal", article.TypeOrg},
		{"place_demonym", "Many Nova Scotians lost power on Sunday.", "Nova Scotians", article.TypeNORP},
		{"place_demonym", "Ferry fares rose for islanders and for British Columbians who commute.", "British Columbians", article.TypeNORP},
		{"model_version", "Pilots said the 797 QX was hard to fly.", "QX", ""},
		{"model_version", "Tarvel Air grounded its 797 QX fleet after the crash.", "QX", ""},
		{"work_after", "Fans queued for Arkham Rising, a video game from 2015.", "Arkham Rising", ""},
		{"place_demonym", "Many Coloradans voted early.", "Coloradans", article.TypeNORP},
		{"place_demonym", "Catalonian leaders met in May.", "Catalonian", article.TypeNORP},
		{"kind_before", "A bus run by the airline Norwind crashed.", "Norwind", article.TypeOrg},
		{"kind_before", "A minister told state broadcaster Velcom that the city would not pay.", "Velcom", article.TypeOrg},
		{"kind_before", "Software maker Zentrova cut 1,200 jobs.", "Zentrova", article.TypeOrg},
		{"kind_before", "Talks on a merger with French carmaker Renault ended on Thursday.", "Renault", article.TypeOrg},
		{"kind_before", "The bus crashed on Monday, local radio station Onda Verde reported.", "Onda Verde", article.TypeOrg},
		{"kind_before", "The claim was repeated by state news firm Kavra on Sunday.", "Kavra", article.TypeOrg},
		{"kind_before", "Insurer Valdoria raised its forecast on Tuesday.", "Valdoria", article.TypeOrg},
		{"kind_noun_after", "The report was carried by the Kestova news agency on Monday.", "Kestova", article.TypeOrg},
		{"kind_noun_after", "He told the Dawn newspaper that he would resign.", "Dawn", article.TypeOrg},
		{"kind_noun_after", "The minister told Velcom24 television that talks would resume.", "Velcom24", article.TypeOrg},
		{"kind_noun_after", "Voters backed the Tarnavo party in Sunday's election.", "Tarnavo", article.TypeOrg},
		{"kind_noun_after", "She shared an article by Marlow magazine on Monday.", "Marlow", article.TypeOrg},
		{"newsroom_for", "Ana Lind is a reporter for Voxlane Tech covering the courts.", "Voxlane Tech", article.TypeOrg},
		{"kind_before", "Shares of chipmaker Tarnexa rose 4% on Monday.", "Tarnexa", article.TypeOrg},
		{"employer_before_role", "Condolences came from Radio Tempo Norte producer Jamal Haddad and others.", "Radio Tempo Norte", article.TypeOrg},
		{"head_cue", "Guests were led out of the Harbour Inn Hotel on Tarvel Parade on Monday.", "Harbour Inn Hotel", article.TypeFac},
		{"head_cue", "Guests were led out of the Harbour Inn Hotel on Tarvel Parade on Monday.", "Tarvel Parade", article.TypeFac},
		{"head_cue", "Kasper Lind signed for Tarvik FF on a two-year deal.", "Tarvik FF", article.TypeOrg},
		{"head_cue", "The Kestrels lost 20-17 at Marrow Field on Sunday.", "Marrow Field", article.TypeFac},
		{"first_cue", "The final at Stadion Tarvski ended 1-0.", "Stadion Tarvski", article.TypeFac},
		{"head_cue", "The wedding was held at Tarvel Abbey in June.", "Tarvel Abbey", article.TypeFac},
		{"head_cue", "Members of the Kisan Vikas Sangh blocked the road.", "Kisan Vikas Sangh", article.TypeOrg},
		{"head_cue", "The Tarvel Patriarchate cut its ties with Kestrel.", "Tarvel Patriarchate", article.TypeOrg},
		{"the_paper", "Maria Keller is a correspondent for The Post and lives in Leeds.", "The Post", article.TypeOrg},
		{"the_paper", "The driver had been ill for months, reported The Mirror.", "The Mirror", article.TypeOrg},
		{"the_paper", "The council said nothing when contacted by The Journal on Friday.", "The Journal", article.TypeOrg},
		{"posted_on", "He ended his campaign in a post on Medium on Friday.", "Medium", article.TypeOrg},
		{"published_in", "The findings were published in Tarvel Astronomy on Wednesday.", "Tarvel Astronomy", article.TypeOrg},
		{"published_in", "The findings were published in Cosmos on Wednesday.", "Cosmos", article.TypeOrg},
		{"kind_after_the", "As the storm hit, Met Vardan, the national weather service for Ireland, issued a warning.", "Met Vardan", article.TypeOrg},
		{"kind_after_the", "Voters backed Tawala Kuu, the ruling party of Tanzania, on Sunday.", "Tawala Kuu", article.TypeOrg},
		{"posted_on", "She wrote on Tarvelpost that the party had lost its way.", "Tarvelpost", article.TypeOrg},
		{"outlet_object", `"We will appeal," the mayor told Radio Kestrel.`, "Radio Kestrel", article.TypeOrg},
		{"outlet_object", `"We will appeal," the mayor told the Harlow Beacon.`, "Harlow Beacon", article.TypeOrg},
		{"outlet_object", "The coach told Vienna Live he was proud of the team.", "Vienna Live", article.TypeOrg},
		{"speaking_org", "Brightwell said on Monday it would cut 300 jobs.", "Brightwell", article.TypeOrg},
		{"posted_on", "The singer had about 750,000 followers on Tarvelpost before the ban.", "Tarvelpost", article.TypeOrg},
		{"posted_on", "He opened an account on Tarvelpost in 2015.", "Tarvelpost", article.TypeOrg},
		{"org_next", "The Dravosk's spokesman, Ivan Petrenko, told reporters the crew was safe.", "Dravosk", article.TypeOrg},
		{"outlet_object", "According to Radio Fenix, the talks failed on Friday.", "Radio Fenix", article.TypeOrg},
		{"outlet_object", "She said so in an interview with Radio Kanal on Sunday.", "Radio Kanal", article.TypeOrg},
		{"outlet_object", "The mayor told Velcom that the verdict was wrong.", "Velcom", article.TypeOrg},
		{"outlet_object", "The memo, seen by Tagblatt, said staff would be paid.", "Tagblatt", article.TypeOrg},
		{"kind_before", "In an interview the coach told the weekly Gazeta Sul that he would stay.", "Gazeta Sul", article.TypeOrg},
		{"kind_before", "A survivor told the news agency Veltara that he had clung to a door.", "Veltara", article.TypeOrg},
		{"kind_before", "Its smaller rival Zentrova has lost a third of its value.", "Zentrova", article.TypeOrg},
		{"kind_before", "He is an analyst at the Lagos brokerage Chapel Hill Tarnow.", "Chapel Hill Tarnow", article.TypeOrg},
		{"kind_before", "Her agent told the Spanish sports daily Corvena that she would stay.", "Corvena", article.TypeOrg},
		{"role_at", "Costs will climb, warned a senior economist at Skarholt in Bergen.", "Skarholt", article.TypeOrg},
		{"lone_person", "\"We will stay,\" said Tarmizi, 58, a dairy farmer from the village.", "Tarmizi", article.TypePerson},
		{"lone_person", "Budhrak, a 60-year-old farmer from the valley, lost his crop.", "Budhrak", article.TypePerson},
		{"lone_person", "A miner who gave his name only as Pavlek told the radio station he was afraid.", "Pavlek", article.TypePerson},
		{"lone_person", "The veteran defender known simply as Zitto praised the home side.", "Zitto", article.TypePerson},
		{"org_next", "Analysts said Vorlane's employees walked out.", "Vorlane", article.TypeOrg},
		{"org_next", "Shares in Kestrova fell 4% on Monday.", "Kestrova", article.TypeOrg},
		{"org_next", "Vorlane's chief executive, Ana Ruiz, resigned on Monday.", "Vorlane", article.TypeOrg},
		{"org_next", "The race was won by Kestrova's Arjun Mehra after a long duel.", "Kestrova", article.TypeOrg},
		{"given_name_kind_after", "Soldiers fought Ansar Tariq, a militant group, near the border.", "Ansar Tariq", article.TypeOrg},
		{"given_name_kind_after", "The ban hit Ansar al-Tawhid, an Islamist-linked organization, in May.", "Ansar al-Tawhid", article.TypeOrg},
		// (A dash after the description is no noun it modifies.)
		{"given_name_kind_after", "The ban hit the group behind the raid — Ansar al-Tawhid, an armed organization — in May.", "Ansar al-Tawhid", article.TypeOrg},
		{"kind_after", "The messages were sent on Quillo, a messaging app.", "Quillo", article.TypeOrg},
		{"kind_after", "Workers at Plenko, a Polish shipping company, walked out on Monday.", "Plenko", article.TypeOrg},
		{"kind_after", "The licence went to Tarvolix, a start-up company based in Lyon, on Monday.", "Tarvolix", article.TypeOrg},
		{"kind_after_the", "Yesterday Vorsat, the Russian space agency, announced the launch.", "Vorsat", article.TypeOrg},
		{"kind_after_the", "On Monday the Carabenos, Chile's national police force, said it had made arrests.", "Carabenos", article.TypeOrg},
		{"kind_after_the", "Shares of Telvanta, the Delhi-based mobile network, fell.", "Telvanta", article.TypeOrg},
		{"kind_noun_after", "The IG Vardmetall union rejected the plan on Tuesday.", "IG Vardmetall", article.TypeOrg},
		{"kind_noun_after", "Members of the Tarvosa union walked out.", "Tarvosa", article.TypeOrg},
		{"kind_apposition", "Sweden's financial regulator, Vardinspektionen, said it had opened an inquiry.", "Vardinspektionen", article.TypeOrg},
		{"kind_apposition", "Later the state broadcaster, Telvoro, reported the result.", "Telvoro", article.TypeOrg},
		{"kind_apposition", "The airport stayed open, according to its operator, Isvaro.", "Isvaro", article.TypeOrg},
		{"kind_list", "The plan was backed by companies including Isvaro of Italy and Tarvenko of France.", "Isvaro", article.TypeOrg},
		{"kind_list", "The plan was backed by companies including Isvaro of Italy and Tarvenko of France.", "Tarvenko", article.TypeOrg},
		{"kind_list", "Energy firms such as Isvaro have bid for the licence.", "Isvaro", article.TypeOrg},
		{"employer_before_role", "At a press conference, Isvaro chief executive Lars Holm said the deal was done.", "Isvaro", article.TypeOrg},
		{"employer_before_role", "The plan was unveiled by Isvaro CEO Ana Ruiz on Monday.", "Isvaro", article.TypeOrg},
		{"employer_before_role", "The deal was praised by Tarvenko chief executive Lars Holm.", "Tarvenko", article.TypeOrg},
		{"kind_after_the", "Exams are marked by Kestrovia, the national examinations council, each year.", "Kestrovia", article.TypeOrg},
		{"kind_after_the", "The deal still has to be approved by the Folketrand, Norway's parliament.", "Folketrand", article.TypeOrg},
		{"agent_org", "A bus operated by Vialtra crashed near the coast.", "Vialtra", article.TypeOrg},
		{"agent_org", "The boat was chartered by Worldwide Diving Tours last year.", "Worldwide Diving Tours", article.TypeOrg},
		{"person_noun_before", "The prize went to the sculptor Fang Weiqi on Friday.", "Fang Weiqi", article.TypePerson},
		{"person_noun_before", "Her manager, Fang Weiqi, read a short statement.", "Fang Weiqi", article.TypePerson},
		{"kind_apposition_cue", "Harbour Bridge, the local charity, fed 400 families.", "Harbour Bridge", article.TypeOrg},
		{"kind_apposition_cue", "Stade Varenne, the rugby union club from Pau, sacked its coach.", "Stade Varenne", article.TypeOrg},
		{"kind_before_place", "The bank Santander said its profits rose.", "Santander", article.TypeOrg},
		{"kind_before_place", "Shares in the mining company Volta fell on Monday.", "Volta", article.TypeOrg},
		{"person_noun_before", "The ferry authority opened an inquiry. Its head, Tide Mesk, said it would take a month.", "Tide Mesk", article.TypePerson},
		{"title_apposition", "Ports Authority Chief Executive, Aldina Marsh, said the pipes were old.", "Aldina Marsh", article.TypePerson},
		{"place_noun", "Floods hit the Sha Lek district on Monday.", "Sha Lek", article.TypeGPE},
		{"place_noun", "She was taken to Royal Tarvel hospital on 12 April.", "Royal Tarvel", article.TypeFac},
		{"place_noun", "Progress in Maharashtra's Tarvona district has been slow.", "Tarvona", article.TypeGPE},
		{"place_noun", "The eruption of the Kilvara volcano last year was huge.", "Kilvara", article.TypeLoc},
		{"place_noun", "Hikers crossed the Tavrani desert in May.", "Tavrani", article.TypeLoc},
		{"place_noun", "Police evacuated homes in the Kovarin district on Monday.", "Kovarin", article.TypeGPE},
		{"place_noun", "Thieves struck in the city's Yorvane district.", "Yorvane", article.TypeGPE},
		{"place_noun", "Ships waited at anchor in the Tarvesh estuary.", "Tarvesh", article.TypeLoc},
		{"comma_place", "The storm reached Tarrow, Ohio, at noon.", "Tarrow", article.TypeGPE},
		{"town_of_state", "The winner, a nurse from Marcus, Iowa, said she would travel.", "Marcus", article.TypeGPE},
		{"kinds_including", "At least two towns, including Kashvar, declared a state of calamity.", "Kashvar", article.TypeGPE},
		{"in_place", "The family moved to Kashvar in 2004.", "Kashvar", article.TypeGPE},
		{"in_place", "In Kashvar, officials closed the schools.", "Kashvar", article.TypeGPE},
		{"in_word_city", "Police in Reading said two men were held.", "Reading", article.TypeGPE},
		{"in_word_city", "Hundreds marched in Mobile on Sunday.", "Mobile", article.TypeGPE},
		{"in_place", "Her family lives in Kashvar ward.", "Kashvar", article.TypeGPE},
		{"in_place", "Hundreds of fighters died in the Kashvar offensive last year.", "Kashvar", article.TypeGPE},
		{"in_place", "Fires burned in the villages of Kashvar and west of Dremlin.", "Dremlin", article.TypeGPE},
		{"route_place", "The ferry runs from Mombasa to Pangani Kilwa twice a week.", "Pangani Kilwa", article.TypeGPE},
		{"exec_of", "He is the CEO of Dravenko and a keen sailor.", "Dravenko", article.TypeOrg},
		{"exec_of", "A spokesperson for Dravenko said the report was false.", "Dravenko", article.TypeOrg},
		{"based_org", "The deal was signed by Nairobi-based Carbon Harvest on Monday.", "Carbon Harvest", article.TypeOrg},
		{"eponym", "Her father died of Halvorsen's disease in 2001.", "Halvorsen", ""},
		{"listed_org", "Prices rose at Walmart, Kestrova and Aldi.", "Kestrova", article.TypeOrg},
		{"listed_org", "Prices rose at Kestrova and Walmart on Monday.", "Kestrova", article.TypeOrg},
		{"route_place", "Buses run from Kapsatet Moiben to Nairobi every hour.", "Kapsatet Moiben", article.TypeGPE},
		{"route_place", "Police fired tear gas in Kapsatet Moiben and Mombasa on Sunday.", "Kapsatet Moiben", article.TypeGPE},
		{"the_name", "The band played at the Grace Tarvel in Dundee on Friday.", "Grace Tarvel", article.TypeFac},
		{"employer_at", "Analysts at Maria Kestova said the shares were cheap.", "Maria Kestova", article.TypeOrg},
		{"the_place", "The lander touched down on the Moon late on Thursday.", "Moon", article.TypeLoc},
		{"surname_head_apposition", "Ngarewo Church, a nurse at the clinic, said the ward was full.", "Ngarewo Church", article.TypePerson},
		{"surname_head_apposition", "The mayor of Orvane, Ngarewo Park, opened the fair.", "Ngarewo Park", article.TypePerson},
		{"surname_head_apposition", "Ngarewo Park of the Tarvel Institute said the data were new.", "Ngarewo Park", article.TypePerson},
		{"surname_head_apposition", "Ngarewo Church, 42, said the ward was full.", "Ngarewo Church", article.TypePerson},
		{"title_portfolio", "The Minister of National Security, Tom Vale, disagreed with the plan.", "National Security", ""},
		{"employer_at", "An analyst at Tarvelles said the shares were cheap.", "Tarvelles", article.TypeOrg},
		{"role_at", "Strategists at Kordavia wrote that a merger was unlikely.", "Kordavia", article.TypeOrg},
		{"the_name", "Farmers from the Maria Kestova marched on Monday.", "Maria Kestova", article.TypeOrg},
	}
	covered := map[string]bool{"": true}
	for _, tc := range tests {
		covered[tc.rule] = true
		t.Run(tc.rule, func(t *testing.T) {
			m := mentionOf(t, r, tc.sentence, tc.phrase, false)
			if got := r.rules.typedNames[m.typedBy]; got != tc.rule || m.typ != tc.want {
				t.Errorf("typed %q by %q, want %q by %q", m.typ, got, tc.want, tc.rule)
			}
		})
	}
	for _, c := range placeRules {
		if !covered[c.name] {
			t.Errorf("place rule %q has no test", c.name)
		}
	}
}

func TestJoinRules(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		rule, sentence, phrase string
		headline               bool
	}{
		{"particle", "Talks with Rafael de Souza ended.", "Rafael de Souza", false},
		{"particle", "Fires burned in the Serra do Tavo for days.", "Serra do Tavo", false},
		{"particle", "Lawyers led by Jan van der Hoek said they would appeal.", "Jan van der Hoek", false},
		{"particle", "The speaker, Marta Puig i Soler, opened the session.", "Marta Puig i Soler", false},
		{"particle", "Coach Paolo dalla Riva praised the defence.", "Paolo dalla Riva", false},
		{"particle", "Goalkeeper Joris van 't Veld kept a clean sheet.", "Joris van 't Veld", false},
		{"particle", "The poet Gethin ap Rhys read first.", "Gethin ap Rhys", false},
		{"particle", "Voters backed Nurul Huda binti Osman in the by-election.", "Nurul Huda binti Osman", false},
		{"particle", "Farmers backed R. Muthu a/l Selvam in the by-election.", "R. Muthu a/l Selvam", false},
		{"particle", "The goal came from Daan ter Horst in the second half.", "Daan ter Horst", false},
		{"particle", "The network Red Andina por el Agua marched on Friday.", "Red Andina por el Agua", false},
		{"particle", "He trained at the Institut de Tarvel et d'Orvane for two years.", "Institut de Tarvel et d'Orvane", false},
		{"particle", "She studied at the Conservatoire des Tarves et Marches in Lyon.", "Conservatoire des Tarves et Marches", false},
		{"elided_particle", "Former president Paul Marchand d'Aubry died.", "Paul Marchand d'Aubry", false},
		{"word_before_head", "Staff at the Tarvel Update Centre were moved.", "Tarvel Update Centre", false},
		{"and_descriptive", "Beijing's Hong Kong and Macau Affairs Office condemned the march.", "Hong Kong and Macau Affairs Office", false},
		{"initial_period", "The novelist J. Rex Potter died.", "J. Rex Potter", false},
		{"nickname", `A jury convicted Thomas "Tommy" Varga on Friday.`, `Thomas "Tommy" Varga`, false},
		{"nickname", "Fans cheered Daniel 'Danny' Orme on Sunday.", "Daniel 'Danny' Orme", false},
		{"head_cue", "A report by the Center for a Safer Tarvel found gaps.", "Center for a Safer Tarvel", false},
		{"designator_possessive", "Shares of Kessel's Corp fell 3 percent on Monday.", "Kessel's Corp", false},
		{"founder_possessive", "The boy was taken to St. Mary's Hospital on Monday.", "St. Mary's Hospital", false},
		{"founder_possessive", "Patients at Tarvel's General Centre were moved on Monday.", "Tarvel's General Centre", false},
		{"couple_and", "The Ivo and Mira Halvorsen Foundation gave the money.", "Ivo and Mira Halvorsen Foundation", false},
		{"and_descriptive", "The Kenya Roads and Bridges Authority closed the road.", "Kenya Roads and Bridges Authority", false},
		{"and_descriptive", "The Kaduna State Fire and Rescue Service said the blaze was out.", "Kaduna State Fire and Rescue Service", false},
		{"founder_possessive", "The Halvorsen's Association funded the trial.", "Halvorsen's Association", false},
		{"founder_possessive", "Pilgrims filled St Tarvel's Square at noon.", "St Tarvel's Square", false},
		{"plural_possessive", "The Farmers' Union protested.", "Farmers' Union", false},
		{"plural_possessive", "The attack at Tarvelmongers’ Hall shocked the city.", "Tarvelmongers’ Hall", false},
		{"possessive_in_name", "The Sheriff's Office declined to comment.", "Sheriff's Office", false},
		{"field_list_name", "The Food, Drink and Allied Workers' Union said members were angry.", "Food, Drink and Allied Workers' Union", false},
		{"field_list_name", "The Fire, Police and Ambulance Service responded within minutes.", "Fire, Police and Ambulance Service", false},
		{"possessive_in_name", "The Kestrel Seamen's Union called a strike.", "Kestrel Seamen's Union", false},
		{"ampersand", "Shares of Harlow & Finch fell.", "Harlow & Finch", false},
		{"and_company", "Shares of Tarvel Harlow and Company fell.", "Tarvel Harlow and Company", false},
		{"known_whole", "Workers of the International Committee of the Red Cross left.", "International Committee of the Red Cross", false},
		{"acronym_spells", "The League of Urban Farmers and Gardeners (LUFG) met.", "League of Urban Farmers and Gardeners", false},
		{"acronym_spells", "The Ethics and Anti-Graft Office (EAGO) said so.", "Ethics and Anti-Graft Office", false},
		{"acronym_spells", "The Council for Trade and Co-operation in Asia (CTCA) met.", "Council for Trade and Co-operation in Asia", false},
		{"acronym_spells", "The Relief Mission in North Varda (RMINV) said so.", "Relief Mission in North Varda", false},
		{"and_descriptive", "The National Soil and Water Conservation Service warned.", "National Soil and Water Conservation Service", false},
		{"and_descriptive", "A spokesman for the Ports and Ferries Operators’ Association disagreed.", "Ports and Ferries Operators’ Association", false},
		{"and_descriptive", "Inspector Rhys Kendall of Kent and Essex Police said the work was long.", "Kent and Essex Police", false},
		{"and_complement_pair", "Fighters of the Kestrel Front of Iraq and Syria fled on Monday.", "Kestrel Front of Iraq and Syria", false},
		{"and_complement_pair", "The Tarvel Union of Weavers and Dyers went on strike.", "Tarvel Union of Weavers and Dyers", false},
		{"and_complement", "The Department of Energy and Climate Change agreed.", "Department of Energy and Climate Change", false},
		{"and_complement", "Visitors filled the Museum of Kenyan History and Culture.", "Museum of Kenyan History and Culture", false},
		{"and_complement", "Scientists at the Tarvel School of Marine and Coastal Science said so.", "Tarvel School of Marine and Coastal Science", false},
		{"and_complement", "The Tarvel Department of Labor and Industry fined the builder.", "Tarvel Department of Labor and Industry", false},
		{"and_descriptive", "He was inducted into the Jazz and Blues Hall of Fame in 1994.", "Jazz and Blues Hall of Fame", false},
		{"and_descriptive", "Fauna and Flora Trust said the goats had recovered.", "Fauna and Flora Trust", false},
		{"and_descriptive", "Tourism is critical, said the Global Travel and Tourism Council on Monday.", "Global Travel and Tourism Council", false},
		{"and_descriptive", "The Senate Housing and Planning Committee met on Tuesday.", "Senate Housing and Planning Committee", false},
		{"lead_cue", "Voters in the State of Tarvel decided.", "State of Tarvel", false},
		{"and_place", "The High Court of Kenya and Uganda ruled on Monday.", "High Court of Kenya and Uganda", false},
		{"lead_cue_more", "The Office of the Commissioner for Fair Trade ruled.", "Office of the Commissioner for Fair Trade", false},
		{"lead_cue_more", "The file went to the Office of the Commissioner of Kestrel Charities on Friday.", "Office of the Commissioner of Kestrel Charities", false},
		{"complement_more", "The Centre for Research of Tropical Diseases said so.", "Centre for Research of Tropical Diseases", false},
		{"people_for", "She joined Nurses for Safe Staffing last year.", "Nurses for Safe Staffing", false},
		{"cause_in_place", "She joined Lawyers for Justice in Peru last year.", "Lawyers for Justice in Peru", false},
		{"cause_in_place", "The Council for Trade and Development in Africa met.", "Council for Trade and Development in Africa", false},
		{"founder_possessive", "He was taken to Vellacott's Hospital on Monday.", "Vellacott's Hospital", false},
		{"founder_possessive", "She studied at Queen's College Tarvel in 2001.", "Queen's College Tarvel", false},
		{"campus_at", "She studied at the University of Tarvel at Kisumu in 2004.", "University of Tarvel at Kisumu", false},
		{"paper_and", "She wrote for the Beacon and Mail until 2010.", "Beacon and Mail", false},
		{"campus_comma", "She studied at the University of Nevada, Reno in 2004.", "University of Nevada, Reno", false},
		{"head_cue", "Visitors filled the Museum of Modern Art.", "Museum of Modern Art", false},
		{"head_cue", "Donations went to Harbour Aid for Syrians, a small charity.", "Harbour Aid for Syrians", false},
		{"title_cut", "Prime Minister Hana Berg resigned.", "Hana Berg", false},
		{"title_cut", "Smt. Lakshmi Raman joined the protest on Monday.", "Lakshmi Raman", false},
		{"title_cut", "Alhaji Musa Bello welcomed the decision.", "Musa Bello", false},
		{"title_cut", "Co-author Lia Brandt said the data were clear.", "Lia Brandt", false},
		{"title_cut", "Meteorologist David Park said the storm was unusual for May.", "David Park", false},
		{"title_cut", "Nurse Mary Hall told reporters the ward had been full for weeks.", "Mary Hall", false},
		{"title_cut", "Water Minister Ngarewo Hall said the dam would open in May.", "Ngarewo Hall", false},
		{"title_cut", "The club said ex-captain Tom Vella would coach the juniors.", "Tom Vella", false},
		{"title_cut", "Senators Marco Vella and Tom Berg objected.", "Marco Vella", false},
		{"title_cut", "On Monday, Sen Lia Brandt voted against the bill.", "Lia Brandt", false},
		{"title_cut", "Critics such as Prof Tom Vella disagreed.", "Tom Vella", false},
		{"title_cut", "The court found that Mme Orlan had told the truth.", "Orlan", false},
		{"title_cut", "The ruling upset Senator-elect Okafor deeply.", "Okafor", false},
		{"title_cut", "Later, Judge Jackson said the appeal had failed.", "Jackson", false},
		{"title_cut", "On Friday, Mayor Houston opened the bridge.", "Houston", false},
		{"title_cut", "Aides to Prime Minister-designate Brannagh met the unions.", "Brannagh", false},
		{"title_cut", "On Monday, Princess Charlotte opened the new ward.", "Princess Charlotte", false},
		{"capital_the", "She chaired The Pinewood Society until 2010.", "The Pinewood Society", false},
		{"ordinal_unit", "Troops of the 41st Highland Brigade reached Tarvel on Monday.", "41st Highland Brigade", false},
		{"ordinal_unit", "The case went to the 3rd District Court of Appeals in Kestrel.", "3rd District Court of Appeals", false},
		{"all_lead", "Officials of the All Tarvel Rowing Federation met on Monday.", "All Tarvel Rowing Federation", false},
		{"all_lead", "All Kestrel Radio reported the result on Monday.", "All Kestrel Radio", false},
		{"firm_possessive", "In a note to clients, Tarvell's said the outlook was weak.", "Tarvell's", false},
		{"firm_possessive", "The bonds were cut to junk, Halvard's reported on Monday.", "Halvard's", false},
		{"firm_possessive", "Tarvell's has said the new menu will reach every store by June.", "Tarvell's", false},
		{"known_multiword", "Council of Europe officials met on Monday.", "Council of Europe", false},
		{"known_multiword", "She joined the Labour party in 1998.", "Labour party", false},
		{"headline_part", "Storm Hits Kenya Coast Towns", "Kenya", true},
		{"hyphen_part", "The Kenya-backed plan failed.", "Kenya", false},
		{"and_complement", "The Ministry of Fisheries and Communications issued a warning.", "Ministry of Fisheries and Communications", false},
		{"and_complement", "Analysts at the Baltic Centre for Defence and Security disagreed.", "Baltic Centre for Defence and Security", false},
		{"list_complement", "The Kestrel Agency for Hydrology, Geophysics and Mapping issued a warning.", "Kestrel Agency for Hydrology, Geophysics and Mapping", false},
		{"list_complement", "The Department of Fisheries, Forests and Water issued new permits.", "Department of Fisheries, Forests and Water", false},
		{"adjective_list", "The Tarvel Scientific, Technical and Industrial Council met on Monday.", "Tarvel Scientific, Technical and Industrial Council", false},
		{"adjective_list", "Delegates of the Pacific Medical, Dental and Surgical Association voted.", "Pacific Medical, Dental and Surgical Association", false},
		{"adjective_list", "Delegates of the Pacific Medical, Dental, and Surgical Association voted.", "Pacific Medical, Dental, and Surgical Association", false},
		{"list_complement", "The Ministry of Water, Land and Coastal Affairs issued new permits.", "Ministry of Water, Land and Coastal Affairs", false},
		{"list_complement", "The Department of Transport, Tourism and Local Government issued new permits.", "Department of Transport, Tourism and Local Government", false},
		{"and_descriptive", "A report by the Ports and Harbours Board was released.", "Ports and Harbours Board", false},
		{"led_by", "The rival Beacon for Civic Renewal, led by Ada Mensah, walked out.", "Beacon for Civic Renewal", false},
		{"to_purpose", "The Coalition to Save Harbour Wetlands filed a suit.", "Coalition to Save Harbour Wetlands", false},
		{"numbered", "She told Harbour Radio 2 that the plan had failed.", "Harbour Radio 2", false},
		{"of_country", "The Association of Tea Growers of Kenya objected.", "Association of Tea Growers of Kenya", false},
		{"of_country", "The Federation of Trade Unions of Ukraine called a strike.", "Federation of Trade Unions of Ukraine", false},
		{"subject_complement", "Transport for Kelso said the line would stay shut.", "Transport for Kelso", false},
		{"subject_complement", "Fire and Emergency said its crews had left.", "Fire and Emergency", false},
	}
	covered := map[string]bool{}
	for _, tc := range tests {
		covered[tc.rule] = true
		t.Run(tc.rule, func(t *testing.T) {
			m := mentionOf(t, r, tc.sentence, tc.phrase, tc.headline)
			if made := r.rules.names(m.made); !slices.Contains(made, tc.rule) {
				t.Errorf("%q made by %v, want %q", m.text, made, tc.rule)
			}
		})
	}
	for _, c := range joinRules {
		if !covered[c.name] {
			t.Errorf("join rule %q has no test", c.name)
		}
	}
}

func TestSplitRules(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		rule, sentence, phrase string
		want                   []string // the mentions the run splits into
	}{
		{"generational_suffix", "Schools closed for Chester Arthur Jr. Remembrance Day on Monday.", "Chester Arthur Jr. Remembrance Day", []string{"Chester Arthur Jr.", "Remembrance Day"}},
		{"generational_suffix", "Banks closed on Tomas Vale Jr. Day in the state.", "Tomas Vale Jr. Day", nil},
		{"post_nominal", "The judge, Ana Ruiz KC, adjourned the case.", "Ana Ruiz KC", []string{"Ana Ruiz"}},
		{"org_then_org", "A Kestrel Airways Boeing 737 landed safely.", "Kestrel Airways Boeing", []string{"Kestrel Airways", "Boeing"}},
		{"plural_acronym", "Forty Labour MPs signed the letter.", "Labour MPs", []string{"Labour"}},
		{"plural_acronym", "The bill split Green MEPs from the rest.", "Green MEPs", []string{"Green"}},
		{"hyphen_known_parts", "A Korean-Canadian actor won.", "Korean-Canadian", []string{"Korean-Canadian"}},
		{"hyphen_known_parts", "The Kenyan-US scientist won.", "Kenyan-US", []string{"Kenyan", "US"}},
		{"hyphen_known_parts", "Troops moved to the Peruvian-Bolivian border.", "Peruvian-Bolivian", []string{"Peruvian", "Bolivian"}},
		{"hyphen_known_parts", "A dual Kenyan-Swedish citizen was freed.", "Kenyan-Swedish", []string{"Kenyan", "Swedish"}},
		{"lone_title", "Then the Archbishop arrived.", "Archbishop", nil},
		{"office_for", "The Minister for Energy spoke.", "Minister for Energy", nil},
		{"title_only", "The former Prime Minister spoke.", "Prime Minister", nil},
		{"trailing_title", "Kenya Ambassador spoke first.", "Kenya Ambassador", []string{"Kenya"}},
		{"country_common_words", "He quoted the Kenyan Constitution.", "Kenyan Constitution", []string{"Kenyan"}},
		{"place_person", "Guests from France Pierre Lemaire and others came.", "France Pierre Lemaire", []string{"France", "Pierre Lemaire"}},
		{"place_person", "A Republican US senator objected.", "Republican US", []string{"Republican", "US"}},
		{"acronym_role_given", "The plan was drawn up by KRT Regional Coordinator Maria Santos last year.", "KRT Regional Coordinator Maria Santos", []string{"KRT", "Maria Santos"}},
		{"word_before_norp", "Tom Cole, an Oklahoma Republican, backed the bill.", "Oklahoma Republican", []string{"Oklahoma", "Republican"}},
		{"word_before_norp", "Forty-two Ukrainian sailors were freed on Monday.", "Forty-two Ukrainian", []string{"Ukrainian"}},
		{"word_before_norp", "Envoys of three Sahel Arab communities met on Monday.", "Sahel Arab", []string{"Sahel Arab"}},
		{"word_before_norp", "A Midwest Democrat voted against the bill.", "Midwest Democrat", []string{"Midwest", "Democrat"}},
		{"word_before_norp", "Gigantic Chinese dish opens to astronomers.", "Gigantic Chinese", []string{"Chinese"}},
		{"norp_before_place", "A new species of frog was found in the Peruvian Andes.", "Peruvian Andes", []string{"Peruvian", "Andes"}},
		{"norp_before_place", "Snow closed roads in the Swiss Alps on Monday.", "Swiss Alps", []string{"Swiss", "Alps"}},
		{"hyphen_known_parts", "The loan will fund the Lisbon-Madrid high-speed rail line.", "Lisbon-Madrid", []string{"Lisbon", "Madrid"}},
		{"hyphen_known_parts", "Talks on the Israel-Gaza ceasefire resumed on Monday.", "Israel-Gaza", []string{"Israel", "Gaza"}},
		{"hyphen_known_parts", "Fares on the London-to-Paris route rose.", "London-to-Paris", []string{"London", "Paris"}},
		{"org_person", "The director of the Wildlife Trust Mary Olsen spoke.", "Wildlife Trust Mary Olsen", []string{"Wildlife Trust", "Mary Olsen"}},
		{"event_parts", "She won at the 2021 WRAF World Rowing Championships in May.", "WRAF World Rowing Championships", []string{"WRAF"}},
		{"org_person", "The analyst told NPR Tahir al-Masri had left the country.", "NPR Tahir al-Masri", []string{"NPR", "Tahir al-Masri"}},
		{"role_before_given", "It was led by Board Member Mary Olsen on Monday.", "Board Member Mary Olsen", []string{"Mary Olsen"}},
		{"portfolio_name", "Minister of Industry and Trade Dao Quy Vuong signed it.", "Trade Dao Quy Vuong", []string{"Dao Quy Vuong"}},
		{"portfolio_name", "Minister of Industry Tshimanga Kabeya visited the site.", "Industry Tshimanga Kabeya", []string{"Tshimanga Kabeya"}},
		{"person_noun_lead", "Goalkeeper Oyelaran Adebisi Bello saved twice.", "Goalkeeper Oyelaran Adebisi Bello", []string{"Oyelaran Adebisi Bello"}},
		{"person_noun_lead", "Economist Tavita Rennick of Harbour Securities expects two cuts.", "Economist Tavita Rennick", []string{"Tavita Rennick"}},
		{"person_noun_lead", "Headteacher Sarah Lyle closed the school on Monday.", "Headteacher Sarah Lyle", []string{"Sarah Lyle"}},
		{"kind_of_place", "The dam is owned by the State of Oregon and leased out.", "State of Oregon", []string{"Oregon"}},
		{"race_before_people", "The survey found that Black voters backed the levy.", "Black", []string{"Black"}},
		{"race_before_people", "The fund supports Indigenous and Latino students in the valley.", "Indigenous", []string{"Indigenous"}},
	}
	covered := map[string]bool{}
	for _, tc := range tests {
		covered[tc.rule] = true
		t.Run(tc.rule, func(t *testing.T) {
			ms := r.runMentions(tc.sentence, runOf(t, r, tc.sentence, tc.phrase), "", &scratch{})
			var got []string
			for _, m := range ms {
				got = append(got, m.text)
				if made := r.rules.names(m.made); !slices.Contains(made, tc.rule) {
					t.Errorf("%q made by %v, want %q", m.text, made, tc.rule)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("split into %q, want %q", got, tc.want)
			}
		})
	}
	for _, c := range r.splitRules {
		if !covered[c.name] {
			t.Errorf("split rule %q has no test", c.name)
		}
	}
}

func TestResolveRules(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		rule, body, form, want string
	}{
		{"paren_acronym", "The Northern Rivers Alliance (NRA) sued. The NRA won.", "NRA", article.TypeOrg},
		{"paren_acronym", "Leaders of the G9, or the Group of Nine, met on Monday.", "Group of Nine", article.TypeOrg},
		{"paren_acronym", "Fighters of the Tarvel Liberation Front, or TLF, attacked the town.", "TLF", article.TypeOrg},
		{"paren_acronym", "The National Flood Relief Agency (BPBN) said 30 people died. BPBN later raised the toll.", "BPBN", article.TypeOrg},
		{"paren_acronym", "The Tarvel Institute of Volcanology and Seismology (Tarvolcs) said the quake was shallow. Tarvolcs later raised its magnitude.", "Tarvolcs", article.TypeOrg},
		{"acronym_first", "Fighters of the KLF (Kestrel Liberation Front) attacked the town. The KLF denied it.", "Kestrel Liberation Front", article.TypeOrg},
		{"acronym_first", "She said, \"I have asked the NFWA [National Flood Warning Agency] to act.\"", "National Flood Warning Agency", article.TypeOrg},
		{"without_of", "The Supreme Court of Tarvel ruled. The Supreme Court later agreed.", "Supreme Court of Tarvel", article.TypeOrg},
		{"without_of", "The Tarvel District Court for the Eastern Circuit ruled. The Tarvel District Court later agreed.", "Tarvel District Court", article.TypeOrg},
		{"without_of", "The Parliament of Tarvel met. Parliament later agreed.", "Parliament", article.TypeOrg},
		{"without_of", "The Kenyan House of Assembly met. The House later agreed.", "House", article.TypeOrg},
		{"surname_over_list", "Joaquin Phoenix won the award. Phoenix thanked his family.", "Phoenix", article.TypePerson},
		{"without_division", "Floods hit Hunan Province on Monday. Rice farmers in Hunan lost their crops.", "Hunan", article.TypeGPE},
		{"without_designator", "Kestrel Harbour Bank AG fell 3% on Monday. Shares in Kestrel Harbour Bank had risen in May.", "Kestrel Harbour Bank", article.TypeOrg},
		{"without_designator", "Tarvel Therapeutics Inc. was fined. Tarvel Therapeutics said it would appeal.", "Tarvel Therapeutics", article.TypeOrg},
		{"without_feature", "Kayaks raced down the River Kestrel on Monday. Trout fishing on the Kestrel is banned in May.", "Kestrel", article.TypeLoc},
		{"without_feature", "Barges crossed the Varne River on Monday. Fishing on the Varne is banned.", "Varne", article.TypeLoc},
		{"name_tail", "Lena Maria Ortiz runs the farm. Maria Ortiz said the harvest was late.", "Maria Ortiz", article.TypePerson},
		{"surname_over_list", "Michael Bloomberg spoke in Denver. Bloomberg said he would run again.", "Bloomberg", article.TypePerson},
		{"surname", "Ana Lopez won the vote. Lopez thanked her staff.", "Lopez", article.TypePerson},
		{"surname", "Ricardo Molina Vargas resigned. Molina said he would leave in August.", "Molina", article.TypePerson},
		{"surname", "Omar el-Fadli opened the bridge on Monday. Fadli said it would carry 9,000 cars a day.", "Fadli", article.TypePerson},
		{"given_name", "Ana Lopez won the vote. Everyone cheered for Ana afterwards.", "Ana", article.TypePerson},
		{"birth_name", "The singer Ada Lane (born Ada Marie Koval) died on Monday.", "Ada Marie Koval", article.TypePerson},
		{"birth_name", "Governor Tarek Osmani, known as Tarvo, opened the port. Tarvo said it would bring jobs.", "Tarvo", article.TypePerson},
		{"birth_name", "Mayor Lia Brandt (better known as Libra) spoke first.", "Libra", article.TypePerson},
		{"middle_name", "Ana Maria Lopez was born in 1950. Ana Lopez later moved abroad.", "Ana Lopez", article.TypePerson},
		{"middle_name", "Queen Sofia II opened the session. Crowds greeted Queen Sofia outside.", "Queen Sofia", article.TypePerson},
		{"surname_phrase", "Mayor Tom de Souza spoke first. Later Senator De Souza replied.", "De Souza", article.TypePerson},
		{"shared_surname", "Pale Fono sued the state in March. Her brother, Sione Fono, sued too.", "Pale Fono", article.TypePerson},
		{"misspelt_surname", "Lydia Brandstetter runs the food agency. Ms Brandsteter said the levels were safe.", "Brandsteter", article.TypePerson},
		{"without_head", "Dravik Bank cut its rates. Dravik said profits rose.", "Dravik", article.TypeOrg},
		{"without_head", "The Dravik Motor Company recalled 4,000 cars. Dravik said the fault was minor.", "Dravik", article.TypeOrg},
		{"without_head", "The satellite was built by Isvarani Aerospace Pvt Ltd. \"We did it,\" said Isvarani founder Ana Ruiz.", "Isvarani", article.TypeOrg},
		{"without_head", "The Chilean Senate voted on Monday. The Senate will vote again in June.", "Senate", article.TypeOrg},
		{"without_head", "The Kenya National Assembly voted on Monday. The National Assembly adjourned.", "National Assembly", article.TypeOrg},
		{"without_head", "A ship of the U.S. Navy towed the barge. The United States Navy said the Navy would pay.", "Navy", article.TypeOrg},
		{"shorter_name", "The National Flood Warning Agency issued an alert. Later the Flood Warning Agency lifted it.", "Flood Warning Agency", article.TypeOrg},
		{"shorter_name", "Fog closed Kestrel Regional International Airport. Kestrel Airport reopened at noon.", "Kestrel Airport", article.TypeFac},
		{"shorter_name", "The House Ethics and Budget Committee met. The Ethics Committee later voted.", "Ethics Committee", article.TypeOrg},
		{"initials", "The Federal Mining Agency said so, and the FMA repeated it.", "FMA", article.TypeOrg},
		{"spelled_initials", "The Korvan Aerospace Exploration Office launched a probe. A KAXO engineer said it was on course.", "KAXO", article.TypeOrg},
		{"spelled_initials", "The Pacific Oceanographic Institute measured the swell. PACOI said the waves reached nine metres.", "PACOI", article.TypeOrg},
		{"same_words", "Mayor Tavi Kell spoke. The Tavi Kell statement followed.", "Tavi Kell", article.TypePerson},
		{"surname_over_city", "Ana Tyler chaired the panel. Tyler said it went well.", "Tyler", article.TypePerson},
		{"surname", "Premier Park Min-jun opened the bridge. Park said it was a proud day.", "Park", article.TypePerson},
	}
	covered := map[string]bool{"": true}
	for _, tc := range tests {
		rule := strings.TrimSuffix(tc.rule, "_over_city")
		covered[rule] = true
		t.Run(tc.rule, func(t *testing.T) {
			ents, trs, err := r.RecognizeTraced(context.Background(), &article.Article{Body: tc.body})
			if err != nil {
				t.Fatal(err)
			}
			if len(trs) != len(ents) {
				t.Fatalf("%d traces for %d entities", len(trs), len(ents))
			}
			for i, e := range ents {
				for _, m := range e.Mentions {
					if m.Text != tc.form {
						continue
					}
					if e.Type != tc.want || !slices.Contains(trs[i].Made, rule) {
						t.Errorf("%q in %q %s, made by %v; want %s by %q", tc.form, e.Name, e.Type, trs[i].Made, tc.want, rule)
					}
					return
				}
			}
			t.Errorf("no mention %q in %v", tc.form, ents)
		})
	}
	for _, c := range resolveRules {
		if !covered[c.name] {
			t.Errorf("resolve rule %q has no test", c.name)
		}
	}
}

func TestSpellsName(t *testing.T) {
	tests := []struct {
		name, acr, words string
		want             bool
	}{
		{"initials", "FMA", "Federal Mining Agency", true},
		{"a prefix of a word", "ICIMOD", "International Centre for Integrated Mountain Development", true},
		{"one second letter", "JAXA", "Japan Aerospace Exploration Agency", true},
		{"words after and may give none", "IFRC", "International Federation of Red Cross and Red Crescent Societies", true},
		{"a word before and gives none", "IRC", "International Federation of Red Cross and Red Crescent Societies", false},
		{"letters from inside words", "SSEN", "Scottish Parliament", false},
		{"two second letters", "XXA", "Axe Ixe Agency", false},
		{"one word", "NASA", "Nasaville", false},
		{"hyphenated parts", "WADA", "World Anti-Doping Agency", true},
		{"letters left over", "FMAX", "Federal Mining Agency", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := spellsName(tc.acr, strings.Fields(tc.words)); got != tc.want {
				t.Errorf("spellsName(%q, %q) = %v, want %v", tc.acr, tc.words, got, tc.want)
			}
		})
	}
}

// TestWithoutHeadKeepsPlaces: a nationality is not short for the body
// named after it, and a head word two such bodies share joins neither.
func TestWithoutHeadKeepsPlaces(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, body, form, notIn string
	}{
		{"nationality", "The Scottish Parliament passed the bill. Scottish ministers welcomed it.", "Scottish", "Scottish Parliament"},
		{"two bodies", "The Chilean Senate and the Peruvian Senate met in Lima. The Senate of each country will vote in May.", "Senate", "Chilean Senate"},
		{"two bodies, the other", "The Chilean Senate and the Peruvian Senate met in Lima. The Senate of each country will vote in May.", "Senate", "Peruvian Senate"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := recognizeBody(t, r, tc.body)
			for _, e := range ents {
				if (e.Name == tc.notIn || slices.Contains(e.Aliases, tc.notIn)) && (e.Name == tc.form || slices.Contains(e.Aliases, tc.form)) {
					t.Errorf("%q and %q are one entity: %+v", tc.form, tc.notIn, e)
				}
			}
		})
	}
}

// TestPlaceRulesDecline: context a place rule must not read as its own.
func TestPlaceRulesDecline(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, rule, sentence, phrase string
	}{
		// A kind after a given name that is also a person's trade, or a
		// kind followed by the noun it modifies, describes a person.
		{"a building's kind in apposition", "kind_apposition_cue", "Kestrel Hall, the concert venue, was closed.", "Kestrel Hall"},
		{"a capital set off by commas after the place it names", "capital_name", "In Tarvel, the provincial capital, Dewi Siregar kept her children indoors.", "Dewi Siregar"},
		{"a club of a country followed by another", "country_person", "TP Mazembe of Congo and Simba SC of Tanzania drew 1-1.", "TP Mazembe"},
		{"a place's kind before a town", "kind_before_place", "He moved to the port city Santander in 2010.", "Santander"},
		{"a kind of body before a country", "kind_before_place", "The airline Kenya resumed its flights.", "Kenya"},
		{"a person's trade", "given_name_kind_after", "The film was backed by Maria Lopez, a publisher, in 2020.", "Maria Lopez"},
		{"a kind modifying a noun", "given_name_kind_after", "The deal was signed by Maria Lopez, a group leader, on Monday.", "Maria Lopez"},
		// A lawyer or a spokesman may work for a person.
		{"a job done for a person", "newsroom_for", "He hired a lawyer for Tarvex Holm on Monday.", "Tarvex Holm"},
		// Capitals after a year are no product's version.
		{"model version after a year", "model_version", "Tarvel won the 2031 KFA Cup final.", "KFA"},
		// Letters after a person's name and a comma are a degree.
		{"degree after a person", "postal_code", "The study was led by Ana Ruiz, MD, at the clinic.", "MD"},
		// Two capitals in brackets with no party letter are an acronym or a degree.
		{"acronym in brackets", "state_tag", "The Kestrel Press Association (PA) reported the deal.", "PA"},
		{"degree in brackets", "state_tag", "The study was led by Ana Ruiz (MD) at the clinic.", "MD"},
		// "led by" after a place says who led something done there.
		{"led by after a place", "led_by", "Officials began an inquiry at Kelvora Airport, led by Ada Mensah.", "Kelvora Airport"},
		// A place the lists know stays a place after a verb of leading; a
		// possessive names whose office it is.
		{"leads a country", "leads_object", "The 61-year-old, who leads Peru, spoke first.", "Peru"},
		{"heads a person's office", "leads_object", "The aide, who heads Ada Mensah's office, spoke first.", "Ada Mensah"},
		{"a contest", "leads_object", "Scottie Barr leads Rory Quill by three shots after two rounds.", "Rory Quill"},
		{"a given name after no who", "leads_object", "In the standings Barr heads Rory Quill and three others.", "Rory Quill"},
		// A lone word before a role is a modifier or a surname.
		{"a modifier before a role", "employer_before_role", "Lead author Ada Brook said the data were clear.", "Lead"},
		{"a prefixed modifier before a role", "employer_before_role", "Co-lead author Ada Brook said the data were clear.", "Co-lead"},
		{"a leader's surname before a role", "employer_before_role", "Tarkov negotiator Vladimir Medinsky led the delegation.", "Tarkov"},
		{"an opening adjective before a role", "employer_before_role", "Tech entrepreneur Lena Ross launched a startup.", "Tech"},
		{"a person's trade after a nationality", "kind_after", "Kovacevic, a Polish drone operator, died on Monday.", "Kovacevic"},
		{"a miner is a person", "kind_after_the", "The trapped miner, Kovac, was pulled from the rubble.", "Kovac"},
		{"a player's creative force", "kind_after_the", "Pedri, Barcelona's creative force, was injured.", "Pedri"},
		{"a shipbuilder who retires", "kind_after_the", "Nowak, the Polish shipbuilder, said he would retire.", "Nowak"},
		{"an owner prose reads as a person", "agent_org", "The refinery is owned by Aliko Dangote.", "Aliko Dangote"},
		{"a people after a verb of operating", "agent_org", "The mines were operated by Romans.", "Romans"},
		{"a place's customs union", "kind_noun_after", "Trade inside the Eurasian customs union grew.", "Eurasian"},
		{"a place event noun without the place preposition", "in_place", "The Kashvar offensive began on Monday.", "Kashvar"},
		{"a person's rival", "kind_before", "His rival Okafor won the seat on Sunday.", "Okafor"},
		{"a known place owning a person", "org_next", "Kenya's Eliud Kipchoge won the race.", "Kenya"},
		{"a person's spokesman", "org_next", "Okafor's spokesman, Ivan Petrenko, told reporters the minister was safe.", "Okafor"},
		{"a title's spokeswoman", "org_next", "The Duchess's spokeswoman said she would not attend.", "Duchess"},
		{"a portrait, no platform", "posted_on", "The magazine ran a profile on Adebayo last year.", "Adebayo"},
		{"a term known as a name", "lone_person", "The withdrawal, known as Brexit, was delayed again.", "Brexit"},
		{"a known place described", "lone_person", "Kenya, a country in east Africa, voted on Monday.", "Kenya"},
		{"a people's television", "kind_noun_after", "She spoke to Kenyan television on Monday.", "Kenyan"},
		{"a place's radio", "kind_noun_after", "He told Nairobi radio that the road was shut.", "Nairobi"},
		{"a given name before party", "kind_noun_after", "Guests came to the Maria party on Saturday.", "Maria"},
		{"a surname before a person's lawyer", "employer_before_role", "On Friday, Okafor lawyer Ada Brook filed the appeal.", "Okafor"},
		{"one word after a verb people follow", "agent_org", "The shop was run by Okafor until 2010.", "Okafor"},
		{"a person after a verb of owning", "agent_org", "The home is owned by Ada Brook.", "Ada Brook"},
		{"a place before a role", "employer_before_role", "Later, Nairobi businessman Tom Reyes spoke.", "Nairobi"},
		{"a nationality among the modifiers of a person", "kind_after_the", "She met Ada Brook, the Polish head of the union, on Monday.", "Ada Brook"},
		{"a spokesman for a body in apposition", "kind_apposition", "A spokesman for the Polish company, Ana Liepa, declined to comment.", "Ana Liepa"},
		{"published in a known city", "published_in", "The book was published in London in 1998.", "London"},
		{"reported in a place", "published_in", "Cholera cases were reported in Kibera Town on Monday.", "Kibera Town"},
		{"a country's law", "eponym", "Kenya's law on land changed in May.", "Kenya"},
		{"published in a language", "published_in", "The ruling was published in Swahili on Monday.", "Swahili"},
		{"answered in a language", "in_place", "She answered in Urdu.", "Urdu"},
		{"a word city inside a longer name", "in_word_city", "Readers met in Reading Room Four on Monday.", "Reading Room Four"},
		{"a word city after of without a noun of place", "in_word_city", "They read the Declaration of Independence aloud.", "Independence"},
		{"of after a noun of no place", "in_place", "The firm bought Veltrix instead of Quorvan last year.", "Quorvan"},
		{"a word before a noun that is no place", "in_place", "Two hikers fell ill from Kestavan virus last spring.", "Kestavan"},
		{"a person described by a role", "kind_after_the", "Oluwaseun Bello, the head of the union, said the strike would go on.", "Oluwaseun Bello"},
		{"a spokesman for a group", "kind_after_the", "Zanele Mokoena, the spokeswoman for the party, confirmed the vote.", "Zanele Mokoena"},
		{"a person prose reads before a role", "employer_before_role", "Bola Tinubu aide Dada Olusegun denied the report.", "Bola Tinubu"},
		{"a storm before a role", "employer_before_role", "Hurricane Katrina survivor Bola Ajayi spoke first.", "Hurricane Katrina"},
		{"a job noun after a preposition", "kind_before", "The plan was submitted by property developer Kyriakou last year.", "Kyriakou"},
		// A maker that is a person, and a kind that also names a person's
		// work, opening a sentence; a heading.
		{"a person's maker noun", "kind_before", "The award went to filmmaker Tarvo Lindqvist on Friday.", "Tarvo Lindqvist"},
		{"a person's kind noun", "kind_before", "Broadcaster Tarvo Lindqvist said the show would end.", "Tarvo Lindqvist"},
		{"a heading", "kind_before", "Operator Tools", "Operator Tools"},
		{"a page's owner", "posted_on", "The threat appeared in a message on Okafor Nwosu's page.", "Okafor Nwosu"},
		{"a day", "posted_on", "He posted the video on Election Day.", "Election Day"},
		{"a surname before a role", "employer_before_role", "Officials said Vale adviser Tom Berg had resigned.", "Vale"},
		{"a kind with a common complement", "kind_after_the", "Ships reached Tarvosa, the chain of islands, on Monday.", "Tarvosa"},
		{"a kind that is a possessor", "kind_after_the", "The minister met Ada Brook, the company's founder, on Monday.", "Ada Brook"},
		// A name before a noun or a possessive modifies it or owns.
		{"a name before a noun", "the_name", "Critics of the Maria Kestova administration spoke first.", "Maria Kestova"},
		{"a name before a possessive", "the_name", "The Maria Kestova's lawyers left.", "Maria Kestova"},
		{"a title between", "the_name", "Mourners remembered the late Maria Kestova on Friday.", "Maria Kestova"},
		{"a kin noun before at", "employer_at", "She met her sister at Maria Kestova's house.", "Maria Kestova"},
		{"an adjective of a place before a village", "place_noun", "Parents in the Kestrian village of Holm protested.", "Kestrian"},
		{"a common word before a district", "place_noun", "Crowds filled the Central district on Sunday.", "Central"},
		{"a person's adviser", "employer_before_role", "Officials said Okafor adviser Tom Berg had resigned.", "Okafor"},
		{"a compound before a chairman", "employer_before_role", "The Kestrel-Museum chairman Ana Ruiz spoke first.", "Kestrel-Museum"},
		{"names not after a kind of body", "kind_list", "Guests from towns including Isvaro and Tarvenko came.", "Isvaro"},
		{"a comma ending an opening phrase", "kind_list", "Speaking to newspapers, Mensahu said the plan would fail.", "Mensahu"},
		{"a relative clause after a plural kind", "kind_list", "It is one of the companies Okafu founded in 2010.", "Okafu"},
		{"an athlete's coach", "employer_before_role", "Alcarov coach Juan Ferrero said the wrist had healed.", "Alcarov"},
		{"a person's chief spokesman", "employer_before_role", "Netanyov chief spokesman Ana Ruiz denied it.", "Netanyov"},
		{"a region's president", "employer_before_role", "Puntlov president Ana Ruiz met the envoy.", "Puntlov"},
		{"a person after a meeting with a body", "kind_apposition", "After a meeting with the union, Okonkwu, the labour minister, said the talks had failed.", "Okonkwu"},
		{"an authority on a subject", "kind_after", "Okonkwu, a leading authority on tropical medicine, said the outbreak was over.", "Okonkwu"},
		{"an ordinal opening a sentence", "kind_after", "Second, a joint committee will review the plan.", "Second"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := mentionOf(t, r, tc.sentence, tc.phrase, false)
			if got := r.rules.typedNames[m.typedBy]; got == tc.rule {
				t.Errorf("%q typed %q by %q", tc.phrase, m.typ, got)
			}
		})
	}
}

// TestWorldNamesSparePlaces: worldnames.txt's maps list places as names
// ("Baghdad", "Argentina"); a word the lists know as a place stays one.
func TestWorldNamesSparePlaces(t *testing.T) {
	r := newTestRecognizer(t)
	for _, w := range []string{"Baghdad", "Argentina", "Alabama", "Africa"} {
		if r.lx.firstNames[w] {
			t.Errorf("%q, a known place, is taken as a given name", w)
		}
	}
	if !r.lx.firstNames["Khaled"] || !r.lx.firstNames["Ilaria"] {
		t.Errorf("worldnames.txt not loaded: Khaled %v, Ilaria %v", r.lx.firstNames["Khaled"], r.lx.firstNames["Ilaria"])
	}
}

// TestCommaPlaceNotBeforePossessive: "X, Country's ..." opens a clause; X
// is no town of that country.
func TestCommaPlaceNotBeforePossessive(t *testing.T) {
	r := newTestRecognizer(t)
	ents := recognizeBody(t, r, "Snow closed the roads on Founders' Day, Norway's road agency said.")
	for _, e := range ents {
		if e.Name == "Day" || e.Name == "Founders' Day" {
			t.Errorf("%q taken as %s", e.Name, e.Type)
		}
	}
}

// TestClubNames: in a match report a town and a club word that name no
// known place are the club; a known city of that shape stays a city.
func TestClubNames(t *testing.T) {
	r := newTestRecognizer(t)
	body := "Leicester City beat Hull 3 – 1 in the league on Saturday. The striker scored twice in the first half, and the goalkeeper saved a penalty. Fans travelled from Mexico City for the match."
	ents := recognizeBody(t, r, body)
	got := map[string]string{}
	for _, e := range ents {
		got[e.Name] = e.Type
	}
	if got["Leicester City"] != article.TypeOrg || got["Mexico City"] != article.TypeGPE {
		t.Errorf("Leicester City %q (want ORG), Mexico City %q (want GPE): %v", got["Leicester City"], got["Mexico City"], got)
	}
}

// TestSpelledInitialsAmbiguous: an acronym two of the article's names could
// stand for joins neither.
func TestSpelledInitialsAmbiguous(t *testing.T) {
	r := newTestRecognizer(t)
	body := "The Korvan Aerospace Exploration Office and the Kelda Arms Export Office both objected. The KAXO statement was short."
	ents := recognizeBody(t, r, body)
	for _, e := range ents {
		if e.Name != "KAXO" && slices.Contains(e.Aliases, "KAXO") {
			t.Errorf("KAXO joined %q though two names spell it", e.Name)
		}
	}
}

func TestTraceTyped(t *testing.T) {
	r := newTestRecognizer(t)
	body := "Officials in Nairobi met the Dravik Foundation. Norway beat Chile 2 - 1 in the group match, and the striker scored a goal in the league."
	ents, trs, err := r.RecognizeTraced(context.Background(), &article.Article{Body: body})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Nairobi": "gazetteer", "Dravik Foundation": "head_cue", "Norway": "sport_team"}
	for i, e := range ents {
		if w, ok := want[e.Name]; ok {
			if trs[i].Typed != w {
				t.Errorf("%s typed by %q, want %q", e.Name, trs[i].Typed, w)
			}
			delete(want, e.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing entities %v in %v", want, ents)
	}
	plain := recognizeBody(t, r, body)
	if !slices.EqualFunc(plain, ents, func(a, b article.Entity) bool { return a.Name == b.Name && a.Type == b.Type && a.Count == b.Count }) {
		t.Errorf("Recognize and RecognizeTraced differ:\n%v\n%v", plain, ents)
	}
}

func TestCredits(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, line string
		want       map[string]string // credited name -> type
	}{
		{"person and site", "Marchers on the bridge. Image: Tessa Lindqvist (flickr).", map[string]string{"Tessa Lindqvist": "PERSON", "flickr": "ORG"}},
		{"username", "The rally. Image: RiverGull42.", map[string]string{"RiverGull42": "PERSON"}},
		{"roles are no sites", "Image: Tessa Lindqvist (photos), Omar Haddad (montage).", map[string]string{"Tessa Lindqvist": "PERSON", "Omar Haddad": "PERSON"}},
		{"an organisation", "Image: Harbour City Council.", map[string]string{"Harbour City Council": "ORG"}},
		{"a known name", "Image: NASA.", map[string]string{"NASA": "ORG"}},
		{"a place's name credits its institution", "The new enclosure. Photos: Harbourside Zoo", map[string]string{"Harbourside Zoo": "ORG"}},
		{"names joined by slashes after Photo", "Photo: TESSA LINDQVIST/AFP/Getty Images", map[string]string{"TESSA LINDQVIST": "PERSON", "AFP": "ORG", "Getty Images": "ORG"}},
		{"a newspaper's credit line alone", "He left on Monday.\n\nOmar Haddad/AFP/Getty Images", map[string]string{"Omar Haddad": "PERSON", "AFP": "ORG", "Getty Images": "ORG"}},
		{"a slash with no body the lists know is no credit", "Omar Haddad/Tessa Lindqvist", map[string]string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents, trs, err := r.RecognizeTraced(context.Background(), &article.Article{Body: tc.line})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for i, e := range ents {
				if slices.Contains(trs[i].Made, "image_credit") || trs[i].Typed == "image_credit" {
					got[e.Name] = e.Type
				}
			}
			for n, typ := range tc.want {
				if got[n] != typ {
					t.Errorf("%q: type %q, want %q (credits %v, entities %v)", n, got[n], typ, got, ents)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("credits %v, want %v", got, tc.want)
			}
		})
	}
}

// A place named alone stays the place, not a short form of an organisation
// that starts with it.
func TestWithoutHeadSparesPlaces(t *testing.T) {
	r := newTestRecognizer(t)
	body := "The council of Nairobi met on Monday. Reporters from the Nairobi Herald attended the session."
	ents := recognizeBody(t, r, body)
	for _, e := range ents {
		if e.Name == "Nairobi" {
			if e.Type != article.TypeGPE || len(e.Aliases) != 0 {
				t.Errorf("Nairobi = %s %v, want GPE without aliases", e.Type, e.Aliases)
			}
			return
		}
	}
	t.Errorf("no Nairobi in %v", ents)
}

// TestNamesFromOwnSentences checks names that earlier went wrong on
// sentences of our own: a sentence's first common word, a place word that
// opens a name, a level of government before a title.
func TestNamesFromOwnSentences(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, body, want, typ string
	}{
		{"a body's name after \"for the\" is its own, not the complement of the one before", "Ines Marlow, who follows the Security Council for the Kestrel Policy Group, said the vote was close.", "Kestrel Policy Group", article.TypeOrg},
		{"a place opening a name the acronym after it spells keeps its place", "Rotterdam Grain Terminals (RGT) said the strike had cost it a week of exports.", "Rotterdam Grain Terminals", article.TypeOrg},
		{"a school district named for its town", "Teachers in Omaha and Omaha Public Schools reached a deal on Monday.", "Omaha Public Schools", article.TypeOrg},
		{"a one-word body before for the and another body's name is one name", "The Friends for the Harlow Museum met on Monday.", "Friends for the Harlow Museum", article.TypeOrg},
		{"a body with its complement, and another with its own, are two", "The merger of Harlow Bank of Commerce and Kestrel Bank of Tarvel was approved.", "Harlow Bank of Commerce", article.TypeOrg},
		{"a body with its complement and a second field ending in a head word is one", "The Ministry of Housing and Local Government said rents would be capped.", "Ministry of Housing and Local Government", article.TypeOrg},
		{"a title that also modifies titles, opening the sentence before two name words no list knows", "Principal Tawhiri Ngarewa arrived at the school at dawn.", "Tawhiri Ngarewa", article.TypePerson},
		{"sentence-initial common word", "Retired FBI agent Dana Ruiz spoke on Monday.", "FBI", article.TypeOrg},
		{"a country's name as a given name before a surname that is a word", "Farmer Chad Smith said his barn had burned down.", "Chad Smith", article.TypePerson},
		{"a name before a sentence that ends on a quotation mark with no space after it", `"We will defend the pension," said party chairman Tom Vale."That is our theme."`, "Tom Vale", article.TypePerson},
		{"a name of English and unknown words listed with people's full names", "The chances fell to Tomas Veld, Yannick Harlow and Dries Kestvaart in the first half.", "Dries Kestvaart", article.TypePerson},
		{"a title word opening a name the lists know", "Doctors Without Borders said its clinic in the port had been hit.", "Doctors Without Borders", article.TypeOrg},
		{"a weekday as a given name after a comma", "The coach, Sunday Okafor, resigned on Monday.", "Sunday Okafor", article.TypePerson},
		{"a weekday as a given name after a person's noun", "The club named assistant coach Friday Ekwueme as interim manager.", "Friday Ekwueme", article.TypePerson},
		{"a canal", "The Kestrel Canal reopened to ships on Monday.", "Kestrel Canal", article.TypeFac},
		{"a sea passage", "Sailors crossed the Tarvel Passage in winter.", "Tarvel Passage", article.TypeLoc},
		{"uplands", "Snow fell across the Harlow Highlands overnight.", "Harlow Highlands", article.TypeLoc},
		{"a broadcaster named for the sport it covers", "The final will be shown on Tarvel Sports from eight.", "Tarvel Sports", article.TypeOrg},
		{"a laboratory's short name", "Harlow Lab launched its third rocket on Friday.", "Harlow Lab", article.TypeOrg},
		{"a state's legislature", "A bill before the Oregon Legislature would ban the sale.", "Oregon Legislature", article.TypeOrg},
		{"a legislative assembly named in Hindi", "The bill passed in Vidhan Sabha on Monday.", "Vidhan Sabha", article.TypeOrg},
		{"a league named in Spanish", "The striker scored twice in Liga Kestrel on Sunday.", "Liga Kestrel", article.TypeOrg},
		{"a romanised given name whose second syllable is an English word", "The court heard from Han Seo-young on Thursday.", "Han Seo-young", article.TypePerson},
		{"a place before -based keeps out of a person's name", "The deal went to Port Kestrel-based Tarvel Holdings.", "Tarvel Holdings", article.TypeOrg},
		{"an archive that counts shootings", "Figures from the Tarvel Shooting Archive showed a rise.", "Tarvel Shooting Archive", article.TypeOrg},
		{"a watchdog named Watch", "Kestrel Rights Watch said the trial was unfair.", "Kestrel Rights Watch", article.TypeOrg},
		{"a public body named for what it keeps", "The Marven Land Registry said sales had slowed.", "Marven Land Registry", article.TypeOrg},
		{"a company-name ending", "Shares of Dalvik Electronics fell 4 percent.", "Dalvik Electronics", article.TypeOrg},
		{"a league named for its place and Premiership", "The club leads the Northern Premiership by five points.", "Northern Premiership", article.TypeOrg},
		{"a word leading company names in Spanish opening a sentence", "Transportes Kestrel del Norte said the bus was new.", "Transportes Kestrel del Norte", article.TypeOrg},
		{"an -ing word among the leading words stays out of the name after it", "Cycling Paris to Lyon takes two days.", "Paris", article.TypeGPE},
		{"a Portuguese company word opening a sentence", "Companhia Tarvel do Sul said it would pay.", "Companhia Tarvel do Sul", article.TypeOrg},
		{"a Spanish plural article as a particle", "She teaches at the Universidad de los Tarveles in Quito.", "Universidad de los Tarveles", article.TypeOrg},
		{"a sentence's first common word in British spelling stays out of the name", "Organisers Kestrel Events Ltd said 40,000 runners took part.", "Kestrel Events Ltd", article.TypeOrg},
		{"a legislature named with its own word for a chamber", "The Legislative Kurultai voted 80 to 12 to pass the budget.", "Legislative Kurultai", article.TypeOrg},
		{"a building named for the legislature it houses", "Protesters surrounded the Legislative Kurultai Complex on Monday.", "Legislative Kurultai Complex", article.TypeFac},
		{"a military or police command", "The Tarvel State Police Command said two men were held.", "Tarvel State Police Command", article.TypeOrg},
		{"a title word inside a name before a plural noun", "The Tarvel Centre for Social Justice Studies published the report.", "Tarvel Centre for Social Justice Studies", article.TypeOrg},
		{"a field of service and a country opening a sentence", "Elections Norway said turnout was the highest since 1990.", "Elections Norway", article.TypeOrg},
		{"a known name that opens with a lower-case particle", "Fighters loyal to al-Qaeda attacked the base.", "al-Qaeda", article.TypeOrg},
		{"an armed group named with an Arabic word for a front", "Fighters of Jabhat al-Kestrel attacked the port.", "Jabhat al-Kestrel", article.TypeOrg},
		{"a religion's name is a group's", "Buddhism spread across the region in that century.", "Buddhism", article.TypeNORP},
		{"a given name that is also a religion's opens a person's name", "Islam Karimov ruled Uzbekistan for years.", "Islam Karimov", article.TypePerson},
		{"a station's name with its small station", "Crowds filled Kashvar station on Friday night.", "Kashvar station", article.TypeFac},
		{"a place given as an instance of a plural kind of place", "At least two towns —including Makilala in the south— declared a state of calamity.", "Makilala", article.TypeGPE},
		{"places given after such as a plural kind of place", "Several villages, including Tandag, Bislig and Lanuza, were flooded.", "Lanuza", article.TypeGPE},
		{"a lone word in a list of places prose calls a place", "The quake damaged the towns of Madrid, Cortes, Tandag and Bislig on Monday.", "Tandag", article.TypeGPE},
		{"an office of a department before a name the lists do not know", "Minister of Tourism Aziz el-Mansouri opened the fair.", "Aziz el-Mansouri", article.TypePerson},
		{"an office of a department, the name after a comma", "The fair opened, said Secretary of Tourism Idris Korhan, on Monday.", "Idris Korhan", article.TypePerson},
		{"a street abbreviated", "The pub on Kestrel St reopened on Friday.", "Kestrel St", article.TypeFac},
		{"a drive", "Police closed Harlow Drive on Monday.", "Harlow Drive", article.TypeFac},
		{"a pub", "Drinkers packed the Kestrel Arms on Friday night.", "Kestrel Arms", article.TypeFac},
		{"an arch", "Crowds gathered under Harlow Arch on Saturday.", "Harlow Arch", article.TypeFac},
		{"a museum is an institution", "The Tarvel Museum of Glass bought the vase for its collection.", "Tarvel Museum of Glass", article.TypeOrg},
		{"a gallery is an institution", "The Harbourside Gallery will show her prints in May.", "Harbourside Gallery", article.TypeOrg},
		{"an embassy is a mission", "The Kenyan Embassy issued a travel warning on Monday.", "Kenyan Embassy", article.TypeOrg},
		{"a country's armed service named alone", "Divers from the Navy searched the bay on Monday.", "Navy", article.TypeOrg},
		{"two services in one phrase are two bodies", "Boats of the Kenyan Navy and Coast Guard joined the search.", "Coast Guard", article.TypeOrg},
		{"a region by its English name", "Floods hit Tuscany and Lombardy on Monday.", "Tuscany", article.TypeGPE},
		{"a people's word stays one beside the regions", "Talks with German officials resumed on Monday.", "German", article.TypeNORP},
		{"a world region of the UN's scheme", "Measles spread across the Americas last year.", "Americas", article.TypeLoc},
		{"a panel on a subject", "A report by the Intergovernmental Panel on Ocean Health warned of floods.", "Intergovernmental Panel on Ocean Health", article.TypeOrg},
		{"a town named like an event", "Residents of Silver Spring, Maryland, voted on Monday.", "Silver Spring", article.TypeGPE},
		{"a seat of government before its staff is the body housed in it", "White House press secretary Lia Brandt said so.", "White House", article.TypeOrg},
		{"a seat of government that speaks is the body housed in it", "The Pentagon said on Monday that the drill went well, and the White House said so too.", "White House", article.TypeOrg},
		{"a seat of government as a place stays a building", "Tourists photographed the White House on Monday.", "White House", article.TypeFac},
		{"a partner's full name and another name joined by an ampersand are a firm", "Lawyers from Harlan Best & Rudolph filed the suit on Monday.", "Harlan Best & Rudolph", article.TypeOrg},
		{"a partner's full name alone stays a person", "Harlan Best filed the suit on Monday.", "Harlan Best", article.TypePerson},
		{"a seat of government that acts is the body housed in it", "Aid groups said the White House has rejected every request for a pause.", "White House", article.TypeOrg},
		{"a seat of government that acts after an adverb", "The White House quietly dropped the plan in May.", "White House", article.TypeOrg},
		{"a seat of government described stays a building", "The White House was repainted in 1998.", "White House", article.TypeFac},
		{"a seat of government's walls stay a building's", "Guards stood at the gates, and the White House's lawn was closed.", "White House", article.TypeFac},
		{"a building no government sits in that acts stays a building", "The Harlow Dam has held back the river since 1952.", "Harlow Dam", article.TypeFac},
		{"a seat of government that burns stays a building", "The White House burned in 1814, and the White House lost power in a storm.", "White House", article.TypeFac},
		{"a seat of government named by its street that acts is the body housed in it", "Downing Street has rejected the claim, a spokesman said.", "Downing Street", article.TypeOrg},
		{"a palace that decides is the royal household", "Buckingham Palace declined to comment on the report.", "Buckingham Palace", article.TypeOrg},
		{"a street that speaks stays a street", "Residents of Harlow Street said the noise was unbearable.", "Harlow Street", article.TypeFac},
		{"a complex is a facility", "Protesters stormed the Tarvel Assembly Complex on Monday.", "Tarvel Assembly Complex", article.TypeFac},
		{"a faculty of a university", "The Faculty of Law and Economics appointed a new dean.", "Faculty of Law and Economics", article.TypeOrg},
		{"a brand's camel case where it opens a sentence", "TorvaLink cancelled 40 flights on Sunday.", "TorvaLink", article.TypeOrg},
		{"nationality keeps its word", "Roman Catholic bishops met in the city.", "Roman Catholic", article.TypeNORP},
		{"county first", "Officials in County Cork said the storm had passed.", "County Cork", article.TypeGPE},
		{"mount first", "Hikers climbed Mount Apo on Monday.", "Mount Apo", article.TypeLoc},
		{"government level before a title", "City Councilwoman Grace Park urged both sides to talk.", "Grace Park", article.TypePerson},
		{"a kind of body opening a name is no organisation before a person", "The Union Nautique Aramontaise (UNA) fined the crew.", "Union Nautique Aramontaise", article.TypeOrg},
		{"international in French ends an organisation's name", "Donors gave money to Amis Aramont Internationale last year.", "Amis Aramont Internationale", article.TypeOrg},
		{"a federation in French opens an organisation's name", "The Fédération Aramontaise de Voile banned him.", "Fédération Aramontaise de Voile", article.TypeOrg},
		{"independent heads a newspaper's name after a nationality", "She told the Welsh Independent about the fire.", "The Welsh Independent", article.TypeOrg},
		{"a street named for a royal title alone, with a compass point", "Shops on Prince Street North closed early.", "Prince Street North", article.TypeFac},
		{"a name after an age", "One of them, 19-year-old Ouma Nkata, said so.", "Ouma Nkata", article.TypePerson},
		{"Deutsche opens a German body's name", "Deutsche Aramont cut 300 jobs.", "Deutsche Aramont", article.TypeOrg},
		{"a neighbourhood after a name says it is a place", "Residents of the Ardmore Vale neighbourhood complained.", "Ardmore Vale", article.TypeGPE},
		{"a sentence's first word no English list has, before a name", "Babajide Okonkwo-Tella urged calm on Monday.", "Babajide Okonkwo-Tella", article.TypePerson},
		{"a sentence's first word that is a given name and a word, before a name", "Xi Lianfeng urged calm on Monday.", "Xi Lianfeng", article.TypePerson},
		{"a capitalised past form opening a name inside a sentence", "On Monday, Planned Harvest Foundation said the farm would close.", "Planned Harvest Foundation", article.TypeOrg},
		{"whom a spokesman speaks for keeps the given name", "A spokesman for Boris Walker said the trip was off.", "Boris Walker", article.TypePerson},
		{"a spokesman's office in common words is cut off the name", "Opposition spokesman for Foreign Affairs Tom Berg said the deal was bad.", "Tom Berg", article.TypePerson},
		{"a spokeswoman speaks for a body of two words that name no one", "Ana Ruiz, a spokeswoman for Société Générale, said the bank was safe.", "Société Générale", article.TypeOrg},
		{"a lone given name, an aside in brackets and a person's description", "Hana (not her real name), a nurse at the clinic, said she was afraid.", "Hana", article.TypePerson},
		{"films heads a production company's name", "The series was made by Harlow Films in Leeds.", "Harlow Films", article.TypeOrg},
		{"a conservatoire of a country keeps its complement", "She studied at the Royal Conservatoire of Wales in Cardiff.", "Royal Conservatoire of Wales", article.TypeOrg},
		{"casa opens a building's name", "The president spoke at the Casa Amarilla on Monday.", "Casa Amarilla", article.TypeFac},
		{"a ministry of a list of fields in -ment and -tion", "The Ministry of Housing, Resettlement and Immigration sent aid.", "Ministry of Housing, Resettlement and Immigration", article.TypeOrg},
		{"an airline from the OpenFlights list", "Finnair cancelled 30 flights on Monday.", "Finnair", article.TypeOrg},
		{"speaking_word: a name that speaks of itself as it acting is an organisation's", "Regulators fined Tarvo Kestrinen Vale on Monday. Tarvo Kestrinen Vale said it would appeal the fine.", "Tarvo Kestrinen Vale", article.TypeOrg},
		{"a company from compromise's lexicon", "Hasbro cut prices on Monday.", "Hasbro", article.TypeOrg},
		{"a brand from simple-icons after a preposition of place", "Listeners moved to Spotify in large numbers.", "Spotify", article.TypeOrg},
		{"a brand from simple-icons with no cue", "Shares fell after Reddit warned of weaker spending.", "Reddit", article.TypeOrg},
		{"a surname the brand list leaves to people", "Mr Pearson told the court he was innocent.", "Pearson", article.TypePerson},
		{"an outlet's name with a foreign article after according to", "According to El Veraz, the plan will fail.", "El Veraz", article.TypeOrg},
		{"a newspaper in German", "According to Kestreler Zeitung, the plan will fail.", "Kestreler Zeitung", article.TypeOrg},
		{"a short company name written in capitals or not", "Analysts expect IKEA to follow Ikea.", "Ikea", article.TypeOrg},
		{"a person's name wins over the company list's surname-like entry", "Olga Bayer told the court she was innocent.", "Olga Bayer", article.TypePerson},
		{"a given name alone that a who follows", "Residents were angry. Maria, who has lived there for years, said so.", "Maria", article.TypePerson},
		{"a given name alone that is given", "A student called Priya told the meeting it was unfair.", "Priya", article.TypePerson},
		{"a given name that is also a town's before another given name", "Hassan Omar al-Tarvel said the talks had failed.", "Hassan Omar al-Tarvel", article.TypePerson},
		{"an Arabic word for a town opens a place's name", "Residents fled Maarat al-Tarvel on Monday.", "Maarat al-Tarvel", article.TypeGPE},
		{"an Arabic word for battalions opens an armed group's name", "Fighters of Kataib al-Tarvel attacked the post.", "Kataib al-Tarvel", article.TypeOrg},
		{"a consultancy before a name makes it an organisation", "The consultancy Tarvelia said prices rose.", "Tarvelia", article.TypeOrg},
		{"a gerund before the kind noun before a name", "The carmaker began by hiring law firm Tarvel Kestrel.", "Tarvel Kestrel", article.TypeOrg},
		{"a given name in -s opening a sentence", "Hans Weber said the plan would fail.", "Hans Weber", article.TypePerson},
		{"a local councillor's title", "Alderwoman Nell Varga voted against the plan.", "Nell Varga", article.TypePerson},
		{"a councillor's abbreviated title", "The group leader, Cllr Owen Marsh, walked out.", "Owen Marsh", article.TypePerson},
		{"a level of government after a name ends the place", "Harris County Judge Lina Ortega urged residents to stay home.", "Harris County", article.TypeGPE},
		{"a title that is also a title modifier", "Marlow County Executive Dana Ruiz declared an emergency.", "Dana Ruiz", article.TypePerson},
		{"the place before such a title", "Marlow County Executive Dana Ruiz declared an emergency.", "Marlow County", article.TypeGPE},
		{"place before a comma and a two-word state", "She was born in Shelby, North Carolina, in 1953.", "Shelby", article.TypeGPE},
		{"saint names an institution", "Patients were taken to Saint Francis Hospital on Monday.", "Saint Francis Hospital", article.TypeFac},
		{"no role split inside a known name", "Officials of New York State met on Monday.", "New York State", article.TypeGPE},
		{"an institute of two subjects", "The Kenyan Institute of Hydrology and Seismology issued a warning.", "Kenyan Institute of Hydrology and Seismology", article.TypeOrg},
		{"a newspaper head", "According to Kisumu Bulletin, the earthquake was the strongest.", "Kisumu Bulletin", article.TypeOrg},
		{"a title modifier ends the text", "Dana Ruiz moved to Nairobi, the capital city", "Dana Ruiz", article.TypePerson},
		{"chamber of commerce", "A report by the Harbor Chamber of Commerce said so.", "Harbor Chamber of Commerce", article.TypeOrg},
		{"a creek is a natural place", "The water rose in Harlan Creek overnight.", "Harlan Creek", article.TypeLoc},
		{"a plural head word", "The Tarvel Centers for Soil Research issued a warning.", "Tarvel Centers for Soil Research", article.TypeOrg},
		{"a club's head word", "Fans of Harbor United cheered on Saturday.", "Harbor United", article.TypeOrg},
		{"a stadium named in French", "The final was played at the Stade Marcel Roux in May.", "Stade Marcel Roux", article.TypeFac},
		{"international heads an organisation", "Donors gave money to Harbor Relief International last year.", "Harbor Relief International", article.TypeOrg},
		{"daily opens a newspaper's name", "She told the Daily Courant about it on Monday.", "Daily Courant", article.TypeOrg},
		{"a known name of two words before a hyphen", "A New Zealand-based charity sent tents to the camp.", "New Zealand", article.TypeGPE},
		{"two places joined by a slash", "Clashes were reported along the Chad/Sudan border overnight.", "Sudan", article.TypeGPE},
		{"a province from ISO 3166-2", "Floods cut the roads to Nakhon Sawan on Monday.", "Nakhon Sawan", article.TypeGPE},
		{"a hyphenated given name after the family name", "Governor Choi Hye-in met the strikers.", "Choi Hye-in", article.TypePerson},
		{"a regnal title is part of the name", "The crowd cheered Queen Margrethe II on Sunday.", "Queen Margrethe II", article.TypePerson},
		{"a papal name keeps its title", "The crowd in the square greeted Pope Benedict warmly.", "Pope Benedict", article.TypePerson},
		{"a regnal name opening a sentence", "King Faisal met the envoy on Monday.", "King Faisal", article.TypePerson},
		{"a sheikh's title before one given name is part of it", "Sheikh Rashida won the vote on Sunday.", "Sheikh Rashida", article.TypePerson},
		{"a sheikh's title before a full name with its particle is cut", "The statement was issued on behalf of Sheikh Rashid bin Saeed Al Tarvel, the minister.", "Rashid bin Saeed Al Tarvel", article.TypePerson},
		{"a peer's title before one name", "The ruling was read by Lady Marsh on Tuesday.", "Lady Marsh", article.TypePerson},
		{"an agency's administrator", "Space agency Administrator Ruth Kell said the launch went well.", "Ruth Kell", article.TypePerson},
		{"a given name the generated lists have as a district", "Kumi Asante called it a victory.", "Kumi Asante", article.TypePerson},
		{"a given name the generated lists have as a city", "Milan Horvat, a senior fellow at the Harbour Institute, said the result was clear.", "Milan Horvat", article.TypePerson},
		{"a seat of government named by its building is a facility", "Staff at the White House declined to comment.", "White House", article.TypeFac},
		{"a numbered road", "The crash closed Highway 16 near the town.", "Highway 16", article.TypeFac},
		{"a confederation takes a nationality and a sport", "The Confederation of Oceanian Football fined the club.", "Confederation of Oceanian Football", article.TypeOrg},
		{"a superintendency takes its field and its region", "The Superintendency of Archaeology for Tarvel opened the site.", "Superintendency of Archaeology for Tarvel", article.TypeOrg},
		{"a surname in -s that prose reads as a verb", "The court sentenced former mayor Ricardo Alves to prison on Thursday.", "Ricardo Alves", article.TypePerson},
		{"a given name in -ed that prose reads as a verb", "Khaled Mansour, the harbour master, closed the port on Friday.", "Khaled Mansour", article.TypePerson},
		{"a given name in -ed inside a sentence", "On Friday Ahmed Saleh closed the port.", "Ahmed Saleh", article.TypePerson},
		{"a given name in -ed before a surname with its particle", "Egypt's trade minister, Khaled el-Masri, closed the port on Friday.", "Khaled el-Masri", article.TypePerson},
		{"an office-holder's possessive inside a name", "In a statement, the Regional Auditor's Office said the accounts were late.", "Regional Auditor's Office", article.TypeOrg},
		{"a metro is a transit company", "Riders of the Kelvora Metro faced delays on Monday.", "Kelvora Metro", article.TypeOrg},
		{"a name after a spokesman for a company is the spokesman's", "A spokesman for the company, Vitauts Liepa, said so.", "Vitauts Liepa", article.TypePerson},
		{"capital heads an investment firm's name", "The round was led by Harbour Peak Capital, a London venture firm.", "Harbour Peak Capital", article.TypeOrg},
		{"a radio station's band heads its name", "In an interview with Joy FM, the minister said so.", "Joy FM", article.TypeOrg},
		{"a bloc named after its kind", "Talks with the South American bloc Vantosur resumed on Monday.", "Vantosur", article.TypeOrg},
		{"a one-word portfolio the title list lacks stays out of the name before it", "Nigerian Oil Minister Tunde Bako said output would rise.", "Nigerian", article.TypeNORP},
		{"a portfolio that is an organisation's head word before Minister", "Ghanaian Energy Minister Kofi Mensah said so.", "Ghanaian", article.TypeNORP},
		{"a minister's portfolio before another office is part of the title", "EU Trade Commissioner Ilze Kalnina said talks would resume.", "EU", article.TypeOrg},
		{"a known name keeps its capital The", "Lawyers for both sides met in The Hague on Monday.", "The Hague", article.TypeGPE},
		{"a known outlet keeps its capital The", `"We are reviewing it," the carmaker told The Verge on Monday.`, "The Verge", article.TypeOrg},
		{"an industry word heads a company's name", "Customers of Kestrel Valley Power lost service on Sunday.", "Kestrel Valley Power", article.TypeOrg},
		{"an endowment heads an organisation's name", "A scholar at the Marlow Endowment for Civic Studies said so.", "Marlow Endowment for Civic Studies", article.TypeOrg},
		{"a green party by its members' plural", "Labour and the Greens formed a coalition on Monday.", "Greens", article.TypeOrg},
		{"relief heads an organisation's name", "Volunteers of Harbour Relief handed out food.", "Harbour Relief", article.TypeOrg},
		{"a dateline glued to a company by two hyphens", "HARTFORD--Tarvel Holdings said on Monday its profit rose.", "Tarvel Holdings", article.TypeOrg},
		{"a dateline glued to a company by two hyphens is a place", "HARTFORD--Tarvel Holdings said on Monday its profit rose.", "HARTFORD", article.TypeGPE},
		{"a company glued to a country by a long dash", "The talks in Harlow\u2014Kestrel Holdings' home\u2014ended.", "Kestrel Holdings", article.TypeOrg},
		{"a name after a noun for a person, one word of it an English word", "Local shop owner Amir Haddad said trade had fallen by half.", "Amir Haddad", article.TypePerson},
		{"a name after a role a company fills too, after a noun that opens the sentence", "Shop owner Amir Haddad said trade had fallen by half.", "Amir Haddad", article.TypePerson},
		{"a name of unknown words before of and a country", "PARIS — Tadej Kovačič of Slovenia won the stage on Sunday.", "Tadej Kovačič", article.TypePerson},
		{"a distributor before an unknown name", "The film opens through distributor Le Kestrel in September.", "Le Kestrel", article.TypeOrg},
		{"a winery before an unknown name", "Grapes come from the local winery Bodegas Tarvel in the valley.", "Bodegas Tarvel", article.TypeOrg},
		{"a chief information officer's acronym before a name", "The memo came from Tarvel CIO Dana Ruiz on Monday.", "Dana Ruiz", article.TypePerson},
		{"a body cited in the middle of a sentence makes no body of the name before it", "Tebogo Mokoena, the union said, was arrested on Monday.", "Tebogo Mokoena", article.TypePerson},
		{"a kind of body in apposition after a name makes it a body", "Rangmanch Pune, the theatre group he founded in 1968, said its doors would stay open.", "Rangmanch Pune", article.TypeOrg},
		{"a participle describing the body after its kind still makes the name a body", "Kestrel Marine, a firm specialising in ship radios, told reporters it would help.", "Kestrel Marine", article.TypeOrg},
		{"a past form set off by commas after the kind is a source cited mid-sentence", "Okwudili Nwachukwu, the club confirmed, has signed for two years.", "Okwudili Nwachukwu", article.TypePerson},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if e := entityNamed(t, r, tc.body, tc.want); e.Type != tc.typ {
				t.Errorf("%q typed %s, want %s", e.Name, e.Type, tc.typ)
			}
		})
	}
}

// entityNamed recognizes body and returns its entity called name, failing
// the test when there is none.
func entityNamed(t *testing.T, r *Recognizer, body, name string) article.Entity {
	t.Helper()
	ents := recognizeBody(t, r, body)
	for _, e := range ents {
		if e.Name == name {
			return e
		}
	}
	t.Fatalf("no %q in %v", name, ents)
	return article.Entity{}
}

// TestCountryShortFormMerges: a country's short form opening a name is
// the same entity as its full form, named by the fuller form, with the
// short one as an alias the article uses.
func TestCountryShortFormMerges(t *testing.T) {
	r := newTestRecognizer(t)
	body := "The UK Coast Guard searched the bay all night. On Tuesday the United Kingdom Coast Guard called off the search."
	ents := recognizeBody(t, r, body)
	var found []article.Entity
	for _, e := range ents {
		if strings.Contains(e.Name, "Coast Guard") {
			found = append(found, e)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d Coast Guard entities, want 1: %v", len(found), found)
	}
	if e := found[0]; e.Name != "United Kingdom Coast Guard" || !slices.Contains(e.Aliases, "UK Coast Guard") {
		t.Errorf("got %q aliases %v, want United Kingdom Coast Guard with alias UK Coast Guard", e.Name, e.Aliases)
	}
}

// TestRulesDoNotMisfire holds sentences of our own where a context rule
// could fire wrongly: a name must keep its type (typ), or must not be
// typed notType (absent is fine).
func TestRulesDoNotMisfire(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, body, entity, typ, notType string
	}{
		{"prose_label: a given name before an honour the lists lack keeps a person", "The report was welcomed by Gina Tarvel AO, who chairs the board. Tarvel said it was fair.", "Gina Tarvel AO", article.TypePerson, ""},
		{"lead_cue_more: an office's place after the holder's title stays a place", "The Office of the President of Kenya issued a statement.", "Kenya", article.TypeGPE, ""},
		{"head_cue: a known organisation after on is where it was shown", "The band posted a video of the show at Kestrel Arena on YouTube.", "Kestrel Arena", article.TypeFac, ""},
		{"norp_before_place: a given name that is a people's adjective before a place opens a person's name", "Christian Washington scored twice on Sunday.", "Christian Washington", article.TypePerson, ""},
		{"race_before_people: a colour before a noun for no people is no group", "Black smoke rose from the Tarvel plant on Monday.", "Black", "", article.TypeNORP},
		{"race_before_people: a surname after a courtesy title is a person", "Ms Black told reporters the talks had failed.", "Black", article.TypePerson, ""},
		{"given_name: a city no given-name list has is no given name of a name it opens", "Ana Lind, a TD for Galway Mid-West, spoke. Rents in Galway rose.", "Galway", article.TypeGPE, ""},
		{"given_name: nor of a slogan prose reads as a person", "Ana Lind ran under the slogan \"Galway Primeiro\". Galway has a new mayor.", "Galway", article.TypeGPE, ""},
		{"the_place: a surname that is also a place after the stays a person's without it", "President Moon Jae-in met reporters. Moon said the talks went well.", "Moon Jae-in", article.TypePerson, ""},
		{"head_cue: a person whose surname is a head word keeps the body after of apart", "Sarah Park of the Tarvel Institute said the data were sound.", "Sarah Park", article.TypePerson, ""},
		{"role_before_name: a word no list knows before a surname that is a head word, speaking, is a person", "Ngarewo Hall said the dam would open in May.", "Ngarewo Hall", article.TypePerson, ""},
		{"role_before_name: so after a noun for a person", "The plan was backed by local farmer Ngarewo Park on Monday.", "Ngarewo Park", article.TypePerson, ""},
		{"head_cue: such a name after a place preposition stays a place", "Fans gathered at Ngarewo Park on Sunday.", "Ngarewo Park", article.TypeFac, ""},
		{"head_cue: a body with such a name that speaks stays the body", "Ngarewo Church said its services would move online.", "Ngarewo Church", article.TypeOrg, ""},
		{"head_cue: such a name after a possessive role before the comma is no person", "The coach's old ground, Ngarewo Field, will host the match.", "Ngarewo Field", article.TypeFac, ""},
		{"head_cue: such a name after a title places are named after stays a place", "President Ngarewo Field was packed for the rally.", "President Ngarewo Field", article.TypeFac, ""},
		{"of_head: a hall of a university that does not speak stays one building", "Ngarewo Hall of the University of Tarvel was evacuated.", "Ngarewo Hall of the University of Tarvel", article.TypeFac, ""},
		{"given_name: a three-word name whose last syllable is an English word stays a person", "Ng Kok Hen said the exercise would go ahead.", "Ng Kok Hen", article.TypePerson, ""},
		{"given_name: so after a capitalised middle particle", "Nguyen Van Chat said it was over.", "Nguyen Van Chat", article.TypePerson, ""},
		{"compass_after: a pair of opposites is no part of a place", "Pyongyang North-South talks ended on Monday.", "Pyongyang North-South", "", article.TypeGPE},
		{"the_place: not before a government's noun", "Critics said the Moon administration had ignored the warnings.", "Moon", "", article.TypeLoc},
		{"head_cue: such a name after the and a title stays a place", "The Governor Ngarewo Park building burned down.", "Ngarewo Park", "", article.TypePerson},
		{"head_cue: such a name before of the and no body is a place", "Visitors to Ngarewo Park of the Lakes District left early.", "Ngarewo Park", "", article.TypePerson},
		{"head_cue: the body after such a person's name is an entity of its own", "Ngarewo Park of the Tarvel Institute said the data were new.", "Tarvel Institute", article.TypeOrg, ""},
		{"head_cue: the body after such a person's name is an entity of its own", "Sarah Park of the Tarvel Institute said the data were sound.", "Tarvel Institute", article.TypeOrg, ""},
		{"head_cue: after the, a given name and a head word join what follows", "Visitors to the Albert Hall of Music queued.", "Albert Hall of Music", article.TypeFac, ""},
		{"place_person: a given name that is also a place's before two surnames opens a person's name", "Carolina Mendoza Rivas, the opposition leader, was arrested on Monday.", "Carolina Mendoza Rivas", article.TypePerson, ""},
		{"place_person: a given name that is also a place's before two surnames is no place", "Carolina Mendoza Rivas, the opposition leader, was arrested on Monday.", "Carolina", "", article.TypeGPE},
		{"head_cue: a company's name ends at its designator before of and a town", "The satellite was built by Astrion Industries of Toulouse in 2019.", "Astrion Industries", article.TypeOrg, ""},
		{"head_cue: a town after a company's designator and of is a place", "The satellite was built by Astrion Industries of Toulouse in 2019.", "Toulouse", article.TypeGPE, ""},
		{"head_cue: a country after a designator and of is part of a national company's name", "Grain was stored by the Harvest Corporation of India in 2019.", "Harvest Corporation of India", article.TypeOrg, ""},
		{"role_before_name: common words after a noun for a person are no name", "The photo contest winner Previous Next was shown on the page.", "Previous Next", "", article.TypePerson},
		{"by_given: the name a person is identified by is a given name", "Rescuers pulled a boy, identified only as Tomasz, from the rubble on Monday.", "Tomasz", article.TypePerson, ""},
		{"by_given: identified as a given name", "The driver, identified as Marta, was unhurt.", "Marta", article.TypePerson, ""},
		{"by_given: a given name after an age is a person's", "Ahmed Saleh came home. His eldest daughter, 14-year-old Emma, said she had been nervous.", "Emma", article.TypePerson, ""},
		{"by_given: a place after of before a who is no person", "Senator Ana Lind of Lawrence, who led the debate, spoke first.", "Lawrence", "", article.TypePerson},
		{"title: a civic title alone is no person", "The Lord Mayor of Tarvel opened the fair on Monday.", "Lord Mayor", "", article.TypePerson},
		{"title: a member of a parliament spelt out is no organisation", "Member of Parliament (MP) Tom Vale of the Labour Party objected.", "Member of Parliament", "", article.TypeOrg},
		{"title: a member of the European Parliament spelt out is no organisation", "Member of the European Parliament (MEP) Tom Vale objected.", "Member of the European Parliament", "", article.TypeOrg},
		{"title: a member of Congress names no Congress", "Member of Congress Ana Lind agreed.", "Congress", "", article.TypeOrg},
		{"the_paper: a paper's head word after a sentence's The is no title", "The Post office in Tarvel closed on Monday.", "Post", "", article.TypeOrg},
		{"the_paper: a paper's head word after a quote's The is no title", "He said: \"The Star was bright.\"", "Star", "", article.TypeOrg},
		{"known_multiword: a people's word before a noun at a sentence start is no paper", "The Hindu nationalist group held a rally in Tarvel.", "Hindu", article.TypeNORP, ""},
		{"known_multiword: a paper's known name before its verb", "The Hindu reported that the talks had failed.", "The Hindu", article.TypeOrg, ""},
		{"work_before: a verb, not a kind of work", "Records show Northwind Airlines paid the fine.", "Northwind Airlines", article.TypeOrg, ""},
		{"work_before: a verb before a person", "Documents show Ana Diaz met the minister twice.", "Ana Diaz", article.TypePerson, ""},
		{"work_after: a person described by a job", "Tom Vale, a film director from Leeds, told jokes.", "Tom Vale", article.TypePerson, ""},
		{"and_place: a government of two places is two", "The Government of Canada and Ontario announced joint funding.", "Government of Canada and Ontario", "", article.TypeOrg},
		{"kind_before: a name opening a reported clause", "The coach told the team Okafor would start.", "Okafor", "", article.TypeOrg},
		{"plural_possessive: a known body's possessive ends its name", "The House of Representatives' Committee on Ways and Means asked for the files.", "House of Representatives", article.TypeOrg, ""},
		{"known_multiword: a people's party is no known party", "A Kenyan party won the seat on Monday.", "Kenyan", article.TypeNORP, ""},
		{"known_multiword: a party's adjective alone stays a group's", "Democratic senators blocked the bill on Monday.", "Democratic", article.TypeNORP, ""},
		{"first_cue: River without the before it opens a person's name", "Local singer River Delaney, 24, won the contest on Monday.", "River Delaney", "", article.TypeLoc},
		{"without_feature: a province of its own beside a lake named after it", "Flooding around Lake Manitoba worsened on Monday. Manitoba declared a state of emergency.", "Manitoba", article.TypeGPE, ""},
		{"hyphen_known_parts: two cities naming a race are no places", "Tom Vale won Paris-Nice on Sunday after a crash on the final climb.", "Paris", "", article.TypeGPE},
		{"known as: a possessive phrase after known as is no short name", "The Tarvel Workers Union, known as Jack Frey's union by its members, called a strike.", "Jack Frey", article.TypePerson, ""},
		{"accents: a town's name the lists know accented is no given name", "The Bolivian town of Belén was cut off by mudslides on Monday.", "Belén", article.TypeGPE, ""},
		{"titleLead: a town's name of common words before a title stays a place", "Broken Hill Mayor Tavia Rennick said the water was safe.", "Broken Hill", article.TypeGPE, ""},
		{"a known body's station is the body", "He worked at the BBC station for years.", "BBC", article.TypeOrg, ""},
		{"place_list: a list ends at its and", "Following talks in Tokyo and Seoul, Kishida and Yoon agreed to cooperate.", "Kishida", "", article.TypeGPE},
		{"title cut: an accented title spelt without its accent", "Tanaiste Leo Varadkar revealed the plan on Monday.", "Leo Varadkar", article.TypePerson, ""},
		{"gazetteer: an acronym of four letters or more written as a word", "Ministers from Nato met in Brussels on Monday.", "Nato", article.TypeOrg, ""},
		{"gazetteer: a hyphenated acronym written with one capital first", "She rose through the ranks of the ruling Zanu-PF in two years.", "Zanu-PF", article.TypeOrg, ""},
		{"org_list: a lone word listed after an organisation is one", "Talks between Kestrel Holdings and Varnex ended on Monday.", "Varnex", article.TypeOrg, ""},
		{"org_list: a lone word listed before an organisation is one", "Shares in Zolta and Kestrel Holdings fell on Monday.", "Zolta", article.TypeOrg, ""},
		{"org_list: a comma after an opening phrase joins no list", "According to the Tarvel Herald, Humberto was weakening.", "Humberto", "", article.TypeOrg},
		{"org_list: a word sharing the head of the name after and", "Officers of Kelby and Tarvel Police arrested two men.", "Kelby", "", article.TypeOrg},
		{"kinds_including: not past a list that and closed", "Across regions such as Tigray and Amhara, Kamau and other aid workers distributed food.", "Kamau", "", article.TypeLoc},
		{"station: the verb", "The plan would see Germany station 4,000 troops in Lithuania.", "Germany", article.TypeGPE, ""},
		{"station: a broadcaster's call sign", "The KDKA station aired the speech live.", "KDKA", article.TypeOrg, ""},
		{"a day of something after a country's possessive keeps the country", "The paper reported on Kenya's Day of Prayer at State House.", "Kenya", article.TypeGPE, ""},
		{"head_cue: a county named after an organisation's word is a place", "Police in Union County, New Jersey, arrested two men.", "Union County", article.TypeGPE, ""},
		{"kinds_including: an instance of firms is no place", "Firms such as Velmarco rose on Monday.", "Velmarco", "", article.TypeGPE},
		{"place_list: a list of people with two places in it", "Fans of Arsenal, Chelsea, Liverpool and Spurs marched on Monday.", "Arsenal", "", article.TypeGPE},
		{"a saint's day is a date, no saint nor place", "Crowds marched on St Ninian's Day in Whithorn.", "St Ninian", "", article.TypeGPE},
		{"a saint's day is a date, no person", "Crowds marched on St Ninian's Day in Whithorn.", "Ninian", "", article.TypePerson},
		{"title cut: an office of a body whose name ends in its head word keeps the body", "Director of Border Force Idris Korhan said checks would increase.", "Border Force", article.TypeOrg, ""},
		{"a name given: a noun a company fills is no person's", "The startup found an investor called Velmarco within weeks.", "Velmarco", "", article.TypePerson},
		{"known_multiword: a colour opening a sentence before party is no party", "Green party hats and streamers filled the hall.", "Green party", "", article.TypeOrg},
		{"known_multiword: another country's party is not the lists' one", "Italy's Democratic party lost the election on Sunday.", "Democratic party", "", article.TypeOrg},
		{"without_of: for after a party's name is its own", "The People's Party for Freedom and Democracy won 33 seats. In Spain, the People's Party lost ground.", "People's Party", article.TypeOrg, ""},
		{"title cut: an office of a known place keeps the place", "Governor of Ohio Idris Korhan signed the bill.", "Ohio", article.TypeGPE, ""},
		{"title cut: an office of a known city keeps the city", "The Mayor of New York City Idris Korhan spoke.", "New York City", article.TypeGPE, ""},
		{"country_common_words: a given name that is a people's word opens a person's name", "Christian Bale won the award on Monday.", "Christian Bale", article.TypePerson, ""},
		{"title cut: a prince's title opening a known place", "Fishermen from Prince Edward Island protested on Monday.", "Prince Edward Island", article.TypeGPE, ""},
		{"title cut: a sultan's title opening a known place", "The storm hit Sultan Kudarat on Monday.", "Sultan Kudarat", article.TypeGPE, ""},
		{"title cut: a sultan's title before a person", "Sultan Ahmad Shah met the king on Monday.", "Ahmad Shah", article.TypePerson, ""},
		{"title cut: a saint's title opening a known place", "The jury in St. Louis ruled on Friday.", "St. Louis", article.TypeGPE, ""},
		{"title cut: a saint's title opening a known place spelt out", "She moved to Saint Petersburg in May.", "Saint Petersburg", article.TypeGPE, ""},
		{"speaking_org: a surname after the full name is a person's", "Anna Ebner joined the board. Ebner said she was happy.", "Anna Ebner", article.TypePerson, ""},
		{"head_cue: a surname that is a building word", "Helen Chambers, 41, lost her job in March.", "Helen Chambers", article.TypePerson, ""},
		{"head_cue: a surname that is a junction's word, with an age", "Helen Corner, 41, lost her job in March.", "Helen Corner", article.TypePerson, ""},
		{"head_cue: a surname that is a junction's word, she", "Ines Corner said she would resign.", "Ines Corner", article.TypePerson, ""},
		{"outlet_object: people told", "The health secretary told MPs that help was coming.", "MPs", "", article.TypeOrg},
		{"speaking_word: the empty it of a judgement says nothing of who speaks", "Regulators fined Tarvo Kestrinen Vale on Monday. Tarvo Kestrinen Vale said it would be difficult to pay the fine.", "Tarvo Kestrinen Vale", article.TypePerson, article.TypeOrg},
		{"title cut: a saint's possessive is no city", "Saint Paul's letter was read aloud.", "Saint Paul", "", article.TypeGPE},
		{"outlet_object: the person told, a clause after", "The coach told Okafor he would start.", "Okafor", "", article.TypeOrg},
		{"outlet_object: a given name is a person told", "The coach told Maria Okafor on Friday.", "Maria Okafor", "", article.TypeOrg},
		{"outlet_object: a surname told after the full name is the person's", "Chinedu Okafor trained alone. The coach told Okafor that he would start.", "Chinedu Okafor", article.TypePerson, article.TypeOrg},
		{"speaking_word: a thing's it", "The bridge was damaged in the storm. Mbeki Odhiambo said it had collapsed overnight.", "Mbeki Odhiambo", "", article.TypeOrg},
		{"speaking_word: a ferry's it", "The ferry stopped in March. Tarvo Kestrinen said it would resume in June.", "Tarvo Kestrinen", "", article.TypeOrg},
		{"outlet_object: a lone name told that he", "The judge told Okafor that he would be jailed.", "Okafor", "", article.TypeOrg},
		{"outlet_object: a lone name told on a day", "The coach told Kestrinen on Monday that the team would travel.", "Kestrinen", "", article.TypeOrg},
		{"outlet_object: a person quoted by name", "According to Ana Diaz, the talks failed.", "Ana Diaz", article.TypePerson, ""},
		{"opens_name: an inflected English word opening a sentence is no given name", "Repurposed Tarvel pianos sell well.", "Repurposed Tarvel", "", article.TypePerson},
		{"opens_name: a modal opening a question is no given name", "Will Tarvel vote to leave?", "Will Tarvel", "", article.TypePerson},
		{"kind_after: a kind with an of complement", "The boats sailed to Tavra, a chain of islands.", "Tavra", "", article.TypeOrg},
		{"hyphen_known_parts: two regions stay one word", "Trade in the Asia-Pacific region grew.", "Asia", "", article.TypeLoc},
		{"adjective_list: parties named in a list stay apart", "Voters backed the Green, Labour and Liberal Party candidates.", "Liberal Party", article.TypeOrg, ""},
		{"word_not_surname: a plain word that is a surname", "Yesterday Okonkwo Rice announced his plan.", "Okonkwo Rice", article.TypePerson, ""},
		{"word_not_surname: a title before the name", "Dr. Okonkwo Biology announced his plan.", "Okonkwo Biology", article.TypePerson, ""},
		{"word_not_surname: a surname that is a concrete word", "Tennis player Holger Rune said on Monday he would rest his wrist.", "Holger Rune", article.TypePerson, ""},
		{"word_not_surname: a surname that is a concrete word, untitled", "Rishabh Pant hit a century as India won.", "Rishabh Pant", article.TypePerson, ""},
		{"foreign_article: a surname's particle stays a person's", "Marine Le Pen spoke in Lyon on Sunday.", "Marine Le Pen", article.TypePerson, ""},
		{"acronym: a vaccine's letters are no organisation", "Children were given the MMR vaccine at school.", "MMR", "", article.TypeOrg},
		{"place_team: a junction named Circus is no club", "Crowds gathered at Oxford Circus on Saturday.", "Oxford Circus", "", article.TypeOrg},
		{"place_team: a tournament is no club", "She won the Dubai Masters last year.", "Dubai Masters", "", article.TypeOrg},
		{"place_demonym: a surname before a verb", "Hollander said he would resign.", "Hollander", "", article.TypeNORP},
		{"person_noun_before: a name with an organisation word", "Shares in the carrier Dravo Airways fell.", "Dravo Airways", article.TypeOrg, ""},
		{"person_noun_before: a known place after a role", "The envoy visited the mayor of Port Moresby.", "Port Moresby", "", article.TypePerson},
		{"country_common_words: an event's name holds no nationality", "He reached the final of the Kenyan Open in March.", "Kenyan", "", article.TypeNORP},
		{"where_complement: a country after a legal form says where the company is", "Shares of Varsha Textiles Ltd of India rose on Monday.", "Varsha Textiles Ltd", article.TypeOrg, ""},
		{"where_complement: the country after a legal form is a place", "Shares of Varsha Textiles Ltd of India rose on Monday.", "India", article.TypeGPE, ""},
		{"where_complement: a country after a national company's word stays in its name", "The Grain Corporation of India raised its prices.", "Grain Corporation of India", article.TypeOrg, ""},
		{"legal form: a lower-case plc ends a company's name", "Talks with Harwick Engineering plc broke down.", "Harwick Engineering plc", article.TypeOrg, ""},
		{"person_noun_before: a name ending in a plural no one bears as a surname", "Tickets, sold through the promoter Kestrel Concerts, went quickly.", "Kestrel Concerts", "", article.TypePerson},
		{"word_not_surname: a frequent surname that is a plural stays a person's", "Xolani Banks said he was proud of the team.", "Xolani Banks", article.TypePerson, ""},
		{"kind_before: a town between the article and the kind", "The ferry, run by the Tromsø company Nordkyst Ferjer, struck rocks.", "Nordkyst Ferjer", article.TypeOrg, ""},
		{"title_cut: an office with its of-phrase before a name of unknown words", "The case was filed by Director of Public Prosecutions Noordin Kamau on Monday.", "Noordin Kamau", article.TypePerson, ""},
		{"title_cut: Minister of State", "Minister of State Kevin Moran visited the site.", "Kevin Moran", article.TypePerson, ""},
		{"role_before_given: a preposition opening a name is no role", "Per Olav Strand, the coach, said he was happy.", "Per Olav Strand", article.TypePerson, ""},
		{"field_list_name: a minister's portfolio is no body of its own", "Denmark's Minister for Climate, Energy and Utilities, Jens Holm, spoke.", "Climate, Energy and Utilities", "", article.TypeOrg},
		{"field_list_name: a list of countries is no body's name", "Officials from Kenya, Uganda and Tanzania met in Arusha.", "Uganda", article.TypeGPE, ""},
		{"language_use: a list of peoples before a noun stays peoples", "Talks between French, German and Italian leaders ended.", "German", article.TypeNORP, ""},
		{"plural title: not before a numeral of a team's name", "He plays for Kings XI Tarvel in the league.", "XI Tarvel", "", article.TypePerson},
		{"lead_cue: a directorate-general and its field", "The Directorate-General for Fisheries fined the firm.", "Directorate-General for Fisheries", article.TypeOrg, ""},
		{"gazetteer: a known name written in camel case", "A spokeswoman for easyJet declined to comment.", "easyJet", article.TypeOrg, ""},
		{"head_cue: Place after a given name is a surname", "Emma Place, 34, said she would appeal against the verdict.", "Emma Place", article.TypePerson, ""},
		{"head_cue_pair: law courts are a building", "Reporters waited outside the Kestrel Law Courts on Monday.", "Kestrel Law Courts", article.TypeFac, ""},
		{"where_complement: a street after on is where the office stands", "Crowds gathered outside the Tarvel Office on Kessler Street on Monday.", "Kessler Street", article.TypeFac, ""},
		{"where_complement: an island after on", "The rocket lifted off from the Tarvel Spaceport on Dorran Island.", "Dorran Island", article.TypeLoc, ""},
		{"where_complement: a known place after on", "Workers picketed the Tarvel Institute on Nairobi on Friday.", "Tarvel Institute", article.TypeOrg, ""},
		{"where_complement: an airport for another", "The jet left Kessler International Airport for Dorran Regional Airport at noon.", "Dorran Regional Airport", article.TypeFac, ""},
		{"where_complement: a body on a subject stays one", "She spoke at the Tarvel Council on Urban Renewal.", "Tarvel Council on Urban Renewal", article.TypeOrg, ""},
		{"person_noun_lead: a given name opening the name", "Hunter Ralston Boyd said so.", "Hunter Ralston Boyd", article.TypePerson, ""},
		{"and_complement: an institution head after and is a second name", "The Ministry of Defence and Foreign Office disagreed.", "Foreign Office", article.TypeOrg, ""},
		{"list_complement: a list closed by no and", "The Ministry of Tourism, Crafts Minister Ana Diaz said so.", "Ana Diaz", article.TypePerson, ""},
		{"trailing_title: a title in an office's complement", "Lawyers for the Office of the Chief Coroner asked for more time.", "Office of the Chief Coroner", article.TypeOrg, ""},
		{"role_at: a known place after at", "A nurse at Nairobi said the ward was full.", "Nairobi", article.TypeGPE, ""},
		{"place_particle: a given name that is also a town's", "The court heard from Leon de Wit on Friday.", "Leon de Wit", article.TypePerson, ""},
		{"org_next: a verb that looks like a noun", "Mr Dobrev shares his view with the minister.", "Dobrev", "", article.TypeOrg},
		{"to_purpose: a place after to", "Officials sent the Council to Port Harcourt on Monday.", "Port Harcourt", article.TypeGPE, ""},
		{"head_cue: a nationality before a common noun ends the complement", "The High Council of the Nigerian city of Kano met on Friday.", "High Council", article.TypeOrg, ""},
		{"two places joined by and are two", "Courts in England and Wales sat on Monday.", "Wales", article.TypeGPE, ""},
		{"person_noun_before: a role a company fills", "The buyer, Grey Heron Capital Partners, paid in cash.", "Grey Heron Capital Partners", "", article.TypePerson},
		{"person_noun_before: a sponsor", "Its sponsor, Kelp Cola, pulled out.", "Kelp Cola", "", article.TypePerson},
		{"unknown_place_person: after a place preposition", "He grew up in Kafr Yasif, near the coast.", "Kafr Yasif", "", article.TypePerson},
		{"list_complement: a list of organisations", "The Department for Transport, Harbour Rail and Kestrel Water said so.", "Department for Transport, Harbour Rail and Kestrel Water", "", article.TypeOrg},
		{"gazetteer: a title before a name the generated lists have as a place", "Coach Rivera said the team would recover.", "Rivera", article.TypePerson, ""},
		{"person_noun_lead: common words after a role word are no name", "Pioneer Natural Resources said output rose.", "Natural Resources", "", article.TypePerson},
		{"place_team: a plural that names land is no club", "Storms hit the Leeds Dales and the Nairobi Plains.", "Nairobi Plains", "", article.TypeOrg},
		{"place_team: a party's members after a state are no club", "Texas Republicans met on Monday.", "Texas Republicans", "", article.TypeOrg},
		{"people_for: a nationality after for is no group name", "It was good news for Kenyans for once.", "Kenyans", article.TypeNORP, ""},
		{"head_cue: a guild of a country is one name", "The Writers Guild of Tarvania approved the contract.", "Writers Guild of Tarvania", article.TypeOrg, ""},
		{"kin_given: a partner may be a party", "The ruling party and its partner Kavuli kept their majority.", "Kavuli", "", article.TypePerson},
		{"founder_possessive: a place's possessive is no founder's", "The new wing of Nairobi's Royal Hospital opened.", "Royal Hospital", article.TypeFac, ""},
		{"language_use: a people's adjective before a noun stays", "Talks in French territory resumed on Monday.", "French", article.TypeNORP, ""},
		{"place_team: a given name that is also a town opens a person", "Lincoln Edwards, 42, was arrested on Monday.", "Lincoln Edwards", article.TypePerson, ""},
		{"place_land: a given name that is also a town opens a person", "Victoria Wells, 29, was taken to hospital.", "Victoria Wells", article.TypePerson, ""},
		{"place_team: events named after a place are no club", "The London Riots followed the verdict.", "London Riots", "", article.TypeOrg},
		{"language_use: a faith after in is no language", "Pilgrims travel to the city, the holiest site in Christianity, every spring.", "Christianity", article.TypeNORP, ""},
		{"language_use: a people's plural is people", "A surge in Venezuelans crossing the border was reported on Monday.", "Venezuelans", article.TypeNORP, ""},
		{"people_for: a known name after for is what they are paid for", "They paid Nigerians for Facebook moderation work.", "Facebook", article.TypeOrg, ""},
		{"founder_possessive: a person of two words before a full institution name", "Ana Ruiz's Harvard Medical School mentor spoke first.", "Ana Ruiz", article.TypePerson, ""},
		{"kin_given: a name before a noun modifies it", "Her husband, Goldman banker Tom Reed, spoke first.", "Goldman", "", article.TypePerson},
		{"route_place: a given name at the end of a route is a person's", "The letter went from Nairobi to Grace Wanjiru.", "Grace Wanjiru", article.TypePerson, article.TypeGPE},
		{"and_descriptive: two people before a facility's head", "Smith and Grace Hall were married in June.", "Smith and Grace Hall", "", article.TypeFac},
		{"listed_org: a letter beside a company", "Vitamin D and Walmart sales rose.", "D", "", article.TypeOrg},
		{"exec_of: a given name after a role", "She is the founder of Grace and a keen sailor.", "Grace", "", article.TypeOrg},
		{"eponym: a person's full name before law", "Governor Ada Brook's law on guns was upheld.", "Ada Brook", article.TypePerson, ""},
		{"eponym: an adjective after the possessive", "Donald Brook's constant attacks worried editors.", "Donald Brook", article.TypePerson, ""},
		{"route_place: a person between", "Talks between France and Ada Brook stalled.", "Ada Brook", article.TypePerson, article.TypeGPE},
		{"exec_of: employees of a person", "Former employees of Ada Brook said so.", "Ada Brook", article.TypePerson, article.TypeOrg},
		{"listed_org: a town beside a company", "Apple and Cupertino officials agreed on the deal.", "Cupertino", "", article.TypeOrg},
		{"first_cue: a given name that opens a group's name elsewhere", "Hayat Khan and Jamaat Ali were arrested.", "Hayat Khan", article.TypePerson, article.TypeOrg},
		{"camel_brand: a degree is no brand", "PhD students marched on Sunday.", "PhD", "", article.TypeOrg},
		{"camel_brand: a hyphenated surname is no brand", "On Monday, Hale-McArdle said she would stay.", "Hale-McArdle", "", article.TypeOrg},
		{"campus_comma: a country after the comma is where the university is", "She studied at the University of Leeds, England, in 2004.", "England", article.TypeGPE, ""},
		{"campus_comma: a state's university and a state after the comma", "Teams from the University of Nevada, Utah and Idaho met.", "Utah", article.TypeGPE, ""},
		{"campus_at: a hospital the university works at is no campus", "Researchers of the University of Tarvel at Kestrel Hospital said so.", "Kestrel Hospital", article.TypeFac, ""},
		{"and_descriptive: a first part with a head of its own is a body of its own", "The UN General Assembly and Security Council met on Monday.", "Security Council", article.TypeOrg, ""},
		{"title cut: a dotless title before a particle is no title", "Riders climbed the Col du Tarvel on Friday.", "du Tarvel", "", article.TypePerson},
		{"and_descriptive: two bodies of one head joined by and are two", "The strike hit American Airlines and United Airlines on Monday.", "United Airlines", article.TypeOrg, ""},
		{"and_descriptive: a one-word head before and stays in the name", "The University and College Union called a strike.", "University and College Union", article.TypeOrg, ""},
		{"acronym: a medical procedure is no organisation", "Paramedics gave him CPR before a PCR test.", "CPR", "", article.TypeOrg},
		{"paper_and: two newspapers", "Reporters from the Times and Guardian asked.", "Times and Guardian", "", article.TypeOrg},
		{"event_head: a historical event is no group of people", "Tourism fell after the Arab Spring in 2011.", "Arab", "", article.TypeNORP},
		{"event_head: a historical period is no organisation", "Millions lost their jobs in the Great Depression.", "Great Depression", "", article.TypeOrg},
		{"event_head: a treaty named after a city is no organisation", "Kenya signed the Nairobi Protocol in 2004.", "Nairobi Protocol", "", article.TypeOrg},
		{"event_head: a law is no person", "The Tarvel Clean Water Act was passed in May.", "Tarvel Clean Water Act", "", article.TypePerson},
		{"an index is no organisation", "Tarvania ranked 137th on the Global Fairness Index last year.", "Global Fairness Index", "", article.TypeOrg},
		{"a people's plural that is a country's name is the country", "The Bar Association of the Philippines said the arrest was unlawful.", "Bar Association of the Philippines", article.TypeOrg, ""},
		{"acronym_hyphen: a probe's mixed-case name is no company", "The OSIRIS-REx probe reached the asteroid.", "OSIRIS-REx", "", article.TypeOrg},
		{"title cut: a provincial legislator's title", "Opposition MNA Dalia Rivard called for an inquiry.", "Dalia Rivard", article.TypePerson, ""},
		{"title cut: a cabinet secretary's title is no cabinet", "Transport Cabinet Secretary Idris Korhan said the road would reopen.", "Cabinet", "", article.TypeOrg},
		{"a people's word before a known body names that body", "The Russian State Duma passed the bill on Tuesday.", "Russian State Duma", article.TypeOrg, ""},
		{"a given name that is an English word opens a sentence before a person's apposition", "Traders waited all day. Blessing Wekesa, a 34-year-old trader, said she had closed her stall.", "Blessing Wekesa", article.TypePerson, ""},
		{"ten is a number, no particle between two names", "In Lagos ten Chinese nationals were arrested on Monday.", "Lagos", article.TypeGPE, ""},
		{"sans is English, no particle between two names", "Coldplay sans Chris Martin played a short set.", "Chris Martin", article.TypePerson, ""},
		{"a given name that is an English word opens a sentence before a role with no article", "The union met on Friday. Precious Mokoena, general secretary of the Tarvel Miners Union, said the talks had failed.", "Precious Mokoena", article.TypePerson, ""},
		{"a given name that is an English word before an owner's title", "Win Thura Kyaw, Tarvania's Minister for Trade, said the border was open.", "Win Thura Kyaw", article.TypePerson, ""},
		{"a body's apposition is no person's", "Coastal Velmar Minerals, a subsidiary of the Perth-based Meridian Resources, said no.", "Coastal Velmar Minerals", "", article.TypePerson},
		{"and_descriptive: two places after a preposition are two places before a body", "Talks between Israel and Gaza Health Ministry officials failed.", "Israel", article.TypeGPE, ""},
		{"without_head: a rest with a place of its own is a body of its own", "Students at the University of Hong Kong and the Chinese University of Hong Kong marched.", "University of Hong Kong", article.TypeOrg, ""},
		{"initials_surname: a country's letters before a body are no initials", "A ship of the U.S. Navy towed the barge.", "U.S. Navy", article.TypeOrg, article.TypePerson},
		{"initials_surname: a ship's prefix is no initials", "The Lost Boats Project said the wreck was the remains of the U.S.S. Kestrel. Divers reached the Kestrel in June.", "U.S.S. Kestrel", "", article.TypePerson},
		{"the_name: initials written together after the are a person's", "Profits will rise, according to the H.W. Varnholt, head of plastics.", "H.W. Varnholt", article.TypePerson, ""},
		{"initials_surname: a context that makes initials a company's still decides", "Shares of J.P. Morgan rose 2 per cent after the bank beat forecasts.", "J.P. Morgan", article.TypeOrg, article.TypePerson},
		{"initials_surname: a state's letters are no initials", "The N.Y. Giants lost 24-10 to Dallas on Sunday.", "N.Y. Giants", "", article.TypePerson},
		{"initials_surname: initials before a stadium's head name the stadium", "Fans filled the A.J. Kestrel Stadium on Monday.", "A.J. Kestrel Stadium", "", article.TypePerson},
		{"place_of: the governor of a named bank is no place's", "The governor of the Bank of Tarvel resigned.", "Bank of Tarvel", article.TypeOrg, ""},
		{"surname: a town with its state after a place preposition", "Police named the driver as Tom Varga. He lived in Varga, Texas, with his aunt.", "Varga", article.TypeGPE, ""},
		{"town_of_state: a given name as a town", "Police named the driver as Tom Dorsey. Dorsey, 21, of Dorsey, Texas, was held.", "Dorsey", article.TypeGPE, ""},
		{"shorter_name: two names it could stand for", "The Senate Harbour Finance Committee and the House Rail Finance Committee met. The Finance Committee adjourned.", "Finance Committee", article.TypeOrg, ""},
		{"title_person: a title before a hospital's name", "She was flown to the Gen. Ortega Memorial Hospital on Monday.", "Gen. Ortega Memorial Hospital", article.TypeFac, ""},
		{"title_person: a judge whose surname is a building's word", "Judge Ana Hall said the case would go on.", "Ana Hall", article.TypePerson, ""},
		{"spans: a capitalised adverb after a given name inside a sentence is its surname", "The county's emergency manager, Steven Still, said it was ready.", "Steven Still", article.TypePerson, ""},
		{"spans: an adverb in small letters after a given name is no surname", "Officials said Steven still had the keys.", "Steven Still", "", article.TypePerson},
		{"spans: a capitalised adverb inside a title is no surname", "The society reprinted Why Grace Still Matters To Our Town on Monday.", "Grace Still", "", article.TypePerson},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := recognizeBody(t, r, tc.body)
			var got *article.Entity
			for i := range ents {
				if ents[i].Name == tc.entity {
					got = &ents[i]
				}
			}
			switch {
			case tc.typ != "" && got == nil:
				t.Errorf("no %q in %v", tc.entity, ents)
			case tc.typ != "" && got.Type != tc.typ:
				t.Errorf("%q typed %s, want %s", tc.entity, got.Type, tc.typ)
			case tc.notType != "" && got != nil && got.Type == tc.notType:
				t.Errorf("%q typed %s", tc.entity, got.Type)
			}
		})
	}
}

// TestParticleOpensName: particles written before a surname inside a
// sentence belong to the name the article uses ("van der Berg told"), so
// the alias is that form, not the bare last word; an English verb or a
// French article before a capital is no particle.
func TestParticleOpensName(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, body, entity, alias string
	}{
		{"two particles", "Health Minister Marit van der Holm spoke on Tuesday. Later, van der Holm told reporters the plan would stand.", "Marit van der Holm", "van der Holm"},
		{"spanish particles", "Party leader Tomas de la Vega resigned. Members said de la Vega had lost their trust.", "Tomas de la Vega", "de la Vega"},
		{"one particle", "Mayor Rui da Costa opened the bridge. Residents thanked da Costa for it.", "Rui da Costa", "da Costa"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if e := entityNamed(t, r, tc.body, tc.entity); !slices.Contains(e.Aliases, tc.alias) {
				t.Errorf("%q aliases %q, want %q among them", e.Name, e.Aliases, tc.alias)
			}
		})
	}
	ents := recognizeBody(t, r, "How do Americans feel about it? The mayor of the city des Parisiens spoke.")
	for _, e := range ents {
		if strings.HasPrefix(e.Name, "do ") || strings.HasPrefix(e.Name, "des ") {
			t.Errorf("a verb or an article opened the name %q", e.Name)
		}
	}
}

// TestTownOfCountry: a town of towns.txt is a place only in an article that
// names its country, by name or by its people, and never takes a person's
// name from them.
func TestTownOfCountry(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []typedCase{
		{"country named", "Floods cut the road between Sipalay and the coast, officials in the Philippines said.", "Sipalay", article.TypeGPE},
		{"people named", "A Cuban tour bus overturned between Banes and the coast on Thursday.", "Banes", article.TypeGPE},
		{"country not named", "Floods cut the road between Sipalay and the coast, officials said.", "Sipalay", ""},
		{"another country named", "A tour bus overturned between Banes and the coast on Thursday, Mexican officials said.", "Banes", ""},
		{"a person's surname", "Officials in Cuba said the driver, Luis Banes, was hurt. Banes was taken to hospital.", "Banes", article.TypePerson},
		{"a surname that speaks", "Chile will hold a runoff in December. Castro, who finished third, said he would back neither candidate.", "Castro", ""},
		{"no place context", "Voters in Chile went to the polls. Castro finished third in the first round.", "Castro", ""},
		{"a letter to a surname", "Guatemala's court ruled on Monday. A letter to Coban was read aloud.", "Coban", ""},
	}
	runTypedCases(t, r, tests, article.TypeGPE, ruleTownOfCountry)
}

// TestSpeakingWord: a lone word that only prose calls a person and that
// announces or reports is an organisation; a name given after "named", or
// a surname of a person named in full, stays a person's.
func TestSpeakingWord(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []typedCase{
		{"announces", "This week, Dravenko announced that it would close two plants in the north.", "Dravenko", article.TypeOrg},
		{"a name given", `A nurse named Okoye said the ward was full. "We had no beds," Okoye said.`, "Okoye", article.TypePerson},
		{"a name given alone", "A retired teacher named Okoye found the wallet on Monday.", "Okoye", article.TypePerson},
		{"a name given to a ship", "The crew sailed a ship named Endeavour across the bay on Monday.", "Endeavour", ""},
		{"a surname", "Ada Brook left the party in May. On Monday, Brook announced a new movement.", "Brook", article.TypePerson},
		{"a surname that says", `Quintero scored twice for the hosts. "We deserved more," Quintero said.`, "Quintero", ""},
		{"a surname a who follows", "Quintero, who chairs the committee, announced an inquiry.", "Quintero", ""},
		{"a surname that confirms", "Boateng confirmed that talks would resume on Monday.", "Boateng", ""},
		{"reports", "On Tuesday, Kabarnet reported that the senator had resigned.", "Kabarnet", article.TypeOrg},
		{"reports where it opens the sentence", "Mabuhayan reported three deaths in the port city on Tuesday.", "Mabuhayan", article.TypeOrg},
		{"opens a sentence and says", "Kabarnet said three people had died in the port city.", "Kabarnet", ""},
		{"a reporter who reports", "Kabarnet, who covers the courts, reported that the senator had resigned.", "Kabarnet", ""},
		{"opens a sentence and says it acts as a body does", "Kabarnet said on Tuesday it would cut 200 jobs.", "Kabarnet", article.TypeOrg},
		{"says that it acts as a body does", "On Monday, Dravenko said in a statement that it would appeal.", "Dravenko", article.TypeOrg},
		{"says and the it is no body", "Kabarnet said on Monday it would take weeks.", "Kabarnet", ""},
		{"says it did no wrong", "Kabarnet said it had done nothing wrong.", "Kabarnet", article.TypeOrg},
		{"says it did no wrong, without an auxiliary", "Dravenko Analytica said on Monday it did nothing illegal.", "Dravenko Analytica", article.TypeOrg},
		{"says it did nothing, which a thing may", "Kabarnet said it had done nothing for weeks.", "Kabarnet", ""},
	}
	runTypedCases(t, r, tests, article.TypeOrg, ruleSpeakingWord)
}

// TestPlaceBody: a known place before capitalised English words, followed
// by a verb of saying, is a body named for its place, and so are such words
// alone inside a sentence; a place before a given name or a frequent
// surname stays a person's, words headed by a noun for people or seen only
// where sentences start type nothing, nor do they without a verb of saying
// or inside a longer name the article uses.
func TestPlaceBody(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []typedCase{
		{"says", "Auckland Transport said on Monday that three bus routes would close.", "Auckland Transport", article.TypeOrg},
		{"says it acts", "Wellington Water said it would replace the pipes by March.", "Wellington Water", article.TypeOrg},
		{"writes, three words after the place", "After the march, Edinburgh Youth Climate Action wrote that the day had gone well.", "Edinburgh Youth Climate Action", article.TypeOrg},
		{"announces", "On Tuesday, Dublin Bus announced that it would hire 200 drivers.", "Dublin Bus", article.TypeOrg},
		{"a place that is a given name, then a surname", "Sydney Young said she had waited two hours.", "Sydney Young", article.TypePerson},
		{"no verb of saying", "The new timetable of Auckland Transport starts on Monday.", "Auckland Transport", ""},
		{"English words alone inside a sentence", "On Monday, Youth Climate Action said the march would go ahead.", "Youth Climate Action", article.TypeOrg},
		{"English words headed by a noun for people", "On Monday, Senior Officials said the talks were over.", "Senior Officials", ""},
		{"English words only where sentences start", "Youth Climate Action said the march would go ahead.", "Youth Climate Action", ""},
		{"a given name and a surname that are English words", "Later, Grant Wood said he was fine.", "Grant Wood", article.TypePerson},
		{"words, for and a place, before a verb of saying", "Transport for Kelso said the line would stay shut until Friday.", "Transport for Kelso", article.TypeOrg},
		{"words, of and a country", "On Sunday, Heart of Malawi said it had won more seats than any other party.", "Heart of Malawi", article.TypeOrg},
		{"words, and and words", "On Sunday, Fire and Emergency said its crews had left the valley.", "Fire and Emergency", article.TypeOrg},
		{"and between surnames is no body", "On Sunday, Smith and Jones said they had left the valley.", "Smith and Jones", ""},
		{"after an inverted cue", `"Three bus routes will close," said Auckland Transport.`, "Auckland Transport", article.TypeOrg},
		{"after a verb of saying that opens a clause", "A scientist said Farewell Spit was a trap for whales.", "Farewell Spit", ""},
		{"a text before of is no body", "The court noted that the Code of Conduct says every member must declare gifts.", "Code of Conduct", ""},
		{"the complement of a text is no body", "The judges noted that the Charter of Rights and Freedoms says every person may protest.", "Rights and Freedoms", ""},
		{"two services joined by and", "On Sunday, Police and Ambulance said the road would stay closed.", "Police and Ambulance", ""},
		{"the last two of a list", "On Sunday, Earth, Wind and Fire said the tour would go on.", "Wind and Fire", ""},
		{"a place fronted by a preposition is no list's first item", "In Malawi, Freedom and Direct Democracy said it would join the talks.", "Freedom and Direct Democracy", article.TypeOrg},
		{"two words alone may be a stage name", "On Tuesday, Ice Cube said the film would open in May.", "Ice Cube", ""},
		{"two words after an article", "A detective of the Homicide Squad said the man had been seen on Friday.", "Homicide Squad", article.TypeOrg},
		{"a place and a word, then she", "Later, Kelso Breed said she would run again.", "Kelso Breed", article.TypePerson},
		{"a title before of is no body", "The Mayor of Kelso said the line would stay shut until Friday.", "Mayor of Kelso", ""},
		{"a person's name before of is no body", "Yuko Hasegawa of Sophia University said the vote was close.", "Yuko Hasegawa", article.TypePerson},
		{"inside a longer name of the article", "The march was called by Youth Climate Action Network. On Monday, Youth Climate Action said it would go ahead.", "Youth Climate Action", ""},
	}
	runTypedCases(t, r, tests, article.TypeOrg, rulePlaceBody)
}

// TestUnknownPerson: a name of two or three words that no list knows and
// prose leaves unlabelled is a person's before a verb of saying or ", who";
// elsewhere, or of English words, it stays untyped.
func TestUnknownPerson(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []typedCase{
		{"apposition before said", "A spokesman for the firm, Şükrü Kayabaşı, said the plant would close.", "Şükrü Kayabaşı", article.TypePerson},
		{"before said", "Şükrü Kayabaşı said the plant would close.", "Şükrü Kayabaşı", article.TypePerson},
		{"before a who", "Şükrü Kayabaşı, who drives a taxi, waited outside.", "Şükrü Kayabaşı", article.TypePerson},
		{"before another verb", "Şükrü Kayabaşı leads the union.", "Şükrü Kayabaşı", ""},
		{"words of the language", "The report, Harbour Traffic, said ships had turned.", "Harbour Traffic", ""},
	}
	runTypedCases(t, r, tests, article.TypePerson, ruleUnknownPerson)
}

// TestUnknownFullName: a full name no list knows and prose left
// unlabelled is one person with its surname where that surname alone is a
// person's; "according to" does not make it an outlet.
func TestUnknownFullName(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []typedCase{
		{"a surname a title gives", "Police arrested Chinedu Okafor on Monday. Mr Okafor denied the charges.", "Chinedu Okafor", article.TypePerson},
		{"a surname that says", `Police arrested Chinedu Okafor on Monday. "I am innocent," Okafor said.`, "Chinedu Okafor", article.TypePerson},
		{"a surname that does not", "Police arrested Chinedu Okafor on Monday. Okafor is 34.", "Chinedu Okafor", ""},
		{"after according to", "According to Chinedu Okafor, the plan will fail.", "Chinedu Okafor", ""},
	}
	runTypedCases(t, r, tests, article.TypePerson, ruleSurname)
}

// TestSurnameOwner: a surname alone belongs to the person the article named
// in full before it, not to one it names only later; the first of several
// named before it keeps it.
func TestSurnameOwner(t *testing.T) {
	checkAliasOwners(t, []aliasCase{
		{"named only later", "Her daughter, Carolina Mendoza Rivas, spoke first. Mendoza thanked the nurses. Her father, Luis Mendoza, arrived later.", "Mendoza", "Carolina Mendoza Rivas"},
		{"both named before", "Ana Lopez and her brother Marco Lopez spoke. Lopez thanked the nurses.", "Lopez", "Ana Lopez"},
	})
}

// TestBirthNameIsAnAlias: the name a person was born with is one of their
// names, not the name the article knows them by.
func TestBirthNameIsAnAlias(t *testing.T) {
	checkAliasOwners(t, []aliasCase{
		{"was born", "The jazz singer Ada Lane died on Monday. Lane was born Adelheid Maria Kovalczyk in Ohio.", "Adelheid Maria Kovalczyk", "Ada Lane"},
		{"in brackets", "Ada Lane (born Adelheid Maria Kovalczyk) died on Monday.", "Adelheid Maria Kovalczyk", "Ada Lane"},
		{"the only full name", "Lane died on Monday. Lane was born Adelheid Kovalczyk in Ohio.", "Lane", "Adelheid Kovalczyk"},
	})
}

// aliasCase is a text, a form in it and the entity that should have it
// as an alias.
type aliasCase struct{ name, body, form, owner string }

func checkAliasOwners(t *testing.T, tests []aliasCase) {
	t.Helper()
	r := newTestRecognizer(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if owner := aliasOwner(t, r, tc.body, tc.form); owner != tc.owner {
				t.Errorf("%q is an alias of %q, want %q", tc.form, owner, tc.owner)
			}
		})
	}
}

// TestMisspeltSurname: a titled surname no one has, one or two letters
// from one person's, is that person's; near two people, a list's surname
// or a short one, it is not.
func TestMisspeltSurname(t *testing.T) {
	checkAliasOwners(t, []aliasCase{
		{"one letter off, titled", "Lydia Brandstetter runs the food agency. Ms Brandsteter said the levels were safe.", "Brandsteter", "Lydia Brandstetter"},
		{"two letters off, long", "The report was written by Pieter Vanderhoeven. Dr Vandenhoeven said more tests were needed.", "Vandenhoeven", "Pieter Vanderhoeven"},
		{"before a verb of saying", "Anneke Kowalczyk opened the clinic. Kowalcyzk told reporters it was full.", "Kowalcyzk", "Anneke Kowalczyk"},
		{"two people near it", "Tomas Bergstrand and Ida Bergstrom met. Mr Bergstran said they agreed.", "Bergstran", ""},
		{"a frequent surname is someone", "Boris Johnson spoke first. Mr Johnston said he disagreed.", "Johnston", ""},
		{"short surnames differ", "Ana Lopes spoke first. Mr Lopez said he disagreed.", "Lopez", ""},
		{"untitled and not speaking", "Lydia Brandstetter runs the food agency. The Brandsteter report came out in May.", "Brandsteter", ""},
	})
}

// aliasOwner recognises body and returns the name of the entity that has
// form among its aliases (the last such), or "" when none has.
func aliasOwner(t *testing.T, r *Recognizer, body, form string) string {
	t.Helper()
	owner := ""
	for _, e := range recognizeBody(t, r, body) {
		if e.Name != form && slices.Contains(e.Aliases, form) {
			owner = e.Name
		}
	}
	return owner
}

// typedCase is a sentence, a phrase in it and the type it should get
// ("" for none).
type typedCase struct {
	name, body, phrase, want string
}

// runTypedCases checks each case's type, and that the rule typed the
// phrase wherever it gets ruleType.
func runTypedCases(t *testing.T, r *Recognizer, tests []typedCase, ruleType, rule string) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, by := typedIn(t, r, tc.body, tc.phrase)
			if got != tc.want {
				t.Errorf("%q typed %q (by %q), want %q", tc.phrase, got, by, tc.want)
			}
			if tc.want == ruleType && by != rule {
				t.Errorf("%q typed by %q, want %q", tc.phrase, by, rule)
			}
		})
	}
}

// typedIn recognises body and returns the type of the entity named or
// aliased phrase and the rule that typed it ("" when there is none).
func typedIn(t *testing.T, r *Recognizer, body, phrase string) (typ, by string) {
	t.Helper()
	ents, trs, err := r.RecognizeTraced(context.Background(), &article.Article{Body: body})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range ents {
		if e.Name == phrase || slices.Contains(e.Aliases, phrase) {
			typ, by = e.Type, trs[i].Typed
		}
	}
	return typ, by
}

// TestSurnameOverListKeepsPlaces: a place named after a preposition or a
// word of motion stays a place beside a person of that surname.
func TestSurnameOverListKeepsPlaces(t *testing.T) {
	r := newTestRecognizer(t)
	for _, body := range []string{
		"Denzel Washington flew to Washington on Monday to meet the senators.",
		"Joaquin Phoenix grew up in Phoenix before the family moved west.",
	} {
		ents, err := r.Recognize(context.Background(), &article.Article{Body: body})
		if err != nil {
			t.Fatal(err)
		}
		places := 0
		for _, e := range ents {
			if e.Type == article.TypeGPE {
				places++
			}
		}
		if places != 1 {
			t.Errorf("%q: %d places in %v, want 1", body, places, ents)
		}
	}
}

// TestWordBeforeNorpKeepsNames: mid-sentence, a common word before a
// people's word is part of a name ("Scientific American"), and a whole
// demonym stays whole.
func TestWordBeforeNorpKeepsNames(t *testing.T) {
	r := newTestRecognizer(t)
	for _, tc := range []struct{ body, name string }{
		{"The findings were reported by Scientific American on Monday.", "Scientific American"},
		{"The South African squad landed on Monday.", "South African"},
	} {
		ents, err := r.Recognize(context.Background(), &article.Article{Body: tc.body})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range ents {
			found = found || e.Name == tc.name
		}
		if !found {
			t.Errorf("%q: no entity %q in %v", tc.body, tc.name, ents)
		}
	}
}

// TestMiddleInitialThatIsAWord: "A" (a determiner to the tagger) between a
// given name and a surname is the person's middle initial.
func TestMiddleInitialThatIsAWord(t *testing.T) {
	r := newTestRecognizer(t)
	body := "Walter A. Reed, 80, spoke at the chapel on Sunday."
	ents, err := r.Recognize(context.Background(), &article.Article{Body: body})
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name != "Walter A. Reed" || ents[0].Type != article.TypePerson {
		t.Errorf("%q: got %v, want the person Walter A. Reed", body, ents)
	}
}

// TestPeriodCodesAreNoNames: a fiscal year or quarter written as a code is
// a date, never an entity of any type.
func TestPeriodCodesAreNoNames(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct{ name, body, code string }{
		{"fiscal year, two digits", "The bank expects growth to slow in FY21, Kestrel Capital said.", "FY21"},
		{"fiscal year, four digits", "Profit in FY2020 fell by a third, the Harlow Group reported.", "FY2020"},
		{"quarter", "Sales rose in Q3 at Brightwater Holdings.", "Q3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, e := range recognizeBody(t, r, tc.body) {
				if strings.Contains(e.Name, tc.code) {
					t.Errorf("%q is an entity (%s)", e.Name, e.Type)
				}
			}
		})
	}
}

// TestCountryPrefixedBody: a body named with its country in front and then
// without it is one entity (one word left only when it is a body's head
// word: "Parliament", not a party), and a name linked to the short form follows it
// ("the House" after "the House of Representatives").
func TestCountryPrefixedBody(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct{ name, body, want string }{
		{"court", "The Kenya Supreme Court ruled on Monday. The Supreme Court said the law stood.", "Kenya Supreme Court"},
		{"a chamber's committee", "The Senate Fisheries Committee met on Monday. The Fisheries Committee will vote on Friday.", "Senate Fisheries Committee"},
		{"a legislature's one word", "The Kenya Parliament passed the bill. Parliament then rose for the summer.", "Kenya Parliament"},
		{"department in the other order", "The Kenya Department of Fisheries opened the port. The Fisheries Department later closed it.", "Kenya Department of Fisheries"},
		{"chamber and its head word", "The Kenya House of Representatives voted. The House of Representatives then adjourned. The House returns in May.", "Kenya House of Representatives"},
		{"the place written two ways", "A bill on fishing quotas reached the United States House of Representatives in March. Critics in the US House of Representatives called it weak, and the House sent it back.", "United States House of Representatives"},
		{"the lists' chamber named alone before the head word", "A bill on fishing quotas reached the United States House of Representatives in March. Fishermen lobbied the House of Representatives for weeks, and the House sent it back.", "United States House of Representatives"},
		{"a service with its place written two ways", "A ship of the U.S. Navy towed the barge. The United States Navy said the Navy would pay.", "United States Navy"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var orgs []article.Entity
			for _, e := range recognizeBody(t, r, tc.body) {
				if e.Type == article.TypeOrg {
					orgs = append(orgs, e)
				}
			}
			if len(orgs) != 1 || orgs[0].Name != tc.want {
				t.Errorf("organisations %v, want one: %q", orgs, tc.want)
			}
		})
	}
}

// TestCountryPrefixedBodyInHeadline: the lists' name of a chamber in the
// headline, the chamber with its country in the body and its head word
// alone are one body.
func TestCountryPrefixedBodyInHeadline(t *testing.T) {
	r := newTestRecognizer(t)
	a := &article.Article{
		Headline: "Fishing quota bill heads to House of Representatives",
		Body:     "A bill on fishing quotas reached the United States House of Representatives in March. Fishermen said the House would reject it.",
	}
	ents, err := r.Recognize(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	var orgs []article.Entity
	for _, e := range ents {
		if e.Type == article.TypeOrg {
			orgs = append(orgs, e)
		}
	}
	if len(orgs) != 1 || !slices.Contains(orgs[0].Aliases, "House") {
		t.Errorf("organisations %v, want one with the alias House", orgs)
	}
}

// TestWithoutDivisionSparesOtherPlaces: a country, a US state or a city
// named like a division is a place of its own.
func TestWithoutDivisionSparesOtherPlaces(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct{ name, body, place string }{
		{"a state", "Police in Washington County said the storm had left Washington by Friday.", "Washington"},
		{"a city", "Flights to Auckland resumed on Monday as roads across the Auckland Region dried out.", "Auckland"},
		{"a city in a dateline's capitals", "SACRAMENTO — Fires burned across Sacramento County on Monday.", "SACRAMENTO"},
		{"a country", "Officials in Panama Province said ships were waiting off Panama.", "Panama"},
		{"a country that is no city", "Officials in Kenya Province said trade with Kenya had stopped.", "Kenya"},
		{"a state in a dateline's capitals", "WASHINGTON — Police in Washington County said the road was closed.", "WASHINGTON"},
		{"a city of several words in a dateline's capitals", "DAR ES SALAAM — Floods hit Dar es Salaam Region on Monday.", "DAR ES SALAAM"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := recognizeBody(t, r, tc.body)
			for _, e := range ents {
				if e.Name == tc.place {
					return
				}
			}
			t.Errorf("no entity named %q in %v", tc.place, ents)
		})
	}
}

// TestOwnedAndPersonNamesStayApart: a body with an owner of its own is not
// another country's body of the same name, and a person's surname does not
// draw the city of that name into the person.
func TestOwnedAndPersonNamesStayApart(t *testing.T) {
	r := newTestRecognizer(t)
	ents := recognizeBody(t, r, "Russia's Supreme Court upheld the ban on Monday. The United States Supreme Court ruled otherwise. Britain's Supreme Court did not sit.")
	courts := 0
	for _, e := range ents {
		if e.Type == article.TypeOrg && strings.Contains(e.Name, "Supreme Court") {
			courts++
		}
	}
	if courts < 2 {
		t.Errorf("%d courts in %v, want the owned ones apart", courts, ents)
	}
	ents = recognizeBody(t, r, "The actor Denzel Washington spoke at the gala. Washington said he was honoured. Later, officials in Washington announced new sanctions.")
	var person, place bool
	for _, e := range ents {
		person = person || e.Type == article.TypePerson && e.Name == "Denzel Washington"
		place = place || e.Type == article.TypeGPE && e.Name == "Washington"
	}
	if !person || !place {
		t.Errorf("entities %v, want the actor and the city apart", ents)
	}
}

// TestDesignatorShortForms: a company's own word is its short form beside
// the registered name, not when it is a given name, a town, or the company
// is a national arm.
func TestDesignatorShortForms(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, body, short, long string
		same                    bool
	}{
		{"trade and designator", "The Dravik Book Group dropped the memoir. Dravik said it had listened.", "Dravik", "Dravik Book Group", true},
		{"a national arm", "Dravik Kenya Limited filed the appeal. Dravik said the ruling was wrong.", "Dravik", "Dravik Kenya Limited", false},
		{"a town", "Hammond Brewing Co. closed in 1920. The plant in Hammond, Indiana, reopened.", "Hammond", "Hammond Brewing Co.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := recognizeBody(t, r, tc.body)
			var long *article.Entity
			for i := range ents {
				if ents[i].Name == tc.long {
					long = &ents[i]
				}
			}
			if long == nil {
				t.Fatalf("no %q in %v", tc.long, ents)
			}
			if got := slices.Contains(long.Aliases, tc.short); got != tc.same {
				t.Errorf("%q an alias of %q: %v, want %v (%v)", tc.short, tc.long, got, tc.same, ents)
			}
		})
	}
}

// TestOrAliasNeedsAShortForm: ", or" offers a choice between two full
// names, or between a long name and a short form that does not spell it;
// neither is merged into the other.
func TestOrAliasNeedsAShortForm(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct{ name, body, alone string }{
		{"two full names", "Voters backed the Tarvel Labour Party, or the Liberal Democrats, in May.", "Liberal Democrats"},
		{"a short form that spells another name", "Kenya could join the Tarvel Trade Union, or NATO, within a decade.", "NATO"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := recognizeBody(t, r, tc.body)
			found := false
			for _, e := range ents {
				if e.Name == tc.alone && len(e.Aliases) > 0 || e.Name != tc.alone && slices.Contains(e.Aliases, tc.alone) {
					t.Errorf("%s merged: %v", tc.alone, ents)
				}
				found = found || e.Name == tc.alone
			}
			if !found {
				t.Errorf("no %s in %v", tc.alone, ents)
			}
		})
	}
}

// TestForeignNameInBrackets: a name in another language in brackets after
// an institution's name, and an acronym after it in the same brackets, are
// that institution's aliases, not entities of their own; an English name or
// a person's after a name in brackets stays its own.
func TestForeignNameInBrackets(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, body, entity string
		aliases            []string
		separate           string // a name that must stay an entity of its own
	}{
		{"a court's own name", "The Supreme Court (Wysoki Tribunał Narodu) upheld the ban.", "Supreme Court", []string{"Wysoki Tribunał Narodu"}, ""},
		{"with its acronym after a comma", "The Election Board (Komisi Pilihan Raya, KPR) delayed the count.", "Election Board", []string{"Komisi Pilihan Raya", "KPR"}, ""},
		{"particles inside", "The Chamber of Deputies (Câmara dos Vereadores) voted.", "Chamber of Deputies", []string{"Câmara dos Vereadores"}, ""},
		{"a person in brackets stays a person", "The Tarvel Institute (Ana Diaz) declined to comment.", "Tarvel Institute", nil, "Ana Diaz"},
		{"English words in brackets are no translation", "The Tarvel Trust (Harbour Office) paid.", "Tarvel Trust", nil, "Harbour Office"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := recognizeBody(t, r, tc.body)
			e := entityNamed(t, r, tc.body, tc.entity)
			for _, a := range tc.aliases {
				if !slices.Contains(e.Aliases, a) {
					t.Errorf("%q aliases %v, want %q", e.Name, e.Aliases, a)
				}
				for _, o := range ents {
					if o.Name == a {
						t.Errorf("%q is an entity of its own: %v", a, ents)
					}
				}
			}
			if tc.separate != "" && slices.Contains(e.Aliases, tc.separate) {
				t.Errorf("%q took %q as an alias", e.Name, tc.separate)
			}
		})
	}
}

// TestCurlyApostropheLookup: a listed name printed with a curly apostrophe
// is the listed name, as with a straight one, and keeps the article's form.
func TestCurlyApostropheLookup(t *testing.T) {
	r := newTestRecognizer(t)
	for _, body := range []string{
		"Fighters of the Kurdistan Workers’ Party (PKK) crossed the border on Monday.",
		"Fighters of the Kurdistan Workers' Party (PKK) crossed the border on Monday.",
	} {
		ents := recognizeBody(t, r, body)
		want := body[strings.Index(body, "Kurdistan"):strings.Index(body, " (PKK)")]
		found := false
		for _, e := range ents {
			if e.Name == "PKK" {
				t.Errorf("%q: the acronym is an entity of its own", body)
			}
			if e.Name == want && slices.Contains(e.Aliases, "PKK") {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no entity %q with alias PKK in %+v", body, want, ents)
		}
	}
}

// TestWeekdayStaysADay checks that weekdayGiven leaves a weekday that
// dates something out of the name after it.
func TestWeekdayStaysADay(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct{ name, body string }{
		{"after on", "The vote on Sunday Kestrel lost by two seats."},
		{"after last", "Since last Friday Tarvel has reported no new cases."},
		{"before a common word", "The Sunday Market in Harlow reopened."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents, err := r.Recognize(context.Background(), &article.Article{Body: tc.body})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range ents {
				for _, d := range []string{"Sunday", "Friday"} {
					if strings.Contains(e.Name, d) {
						t.Errorf("%q made a name of a day: %q %s", tc.body, e.Name, e.Type)
					}
				}
			}
		})
	}
}

// TestLeadingWordDeclines holds a word that a joining step may put before
// a body's name out of it where it belongs to something else: the ordinal
// of a legislature's term or of a modified noun (ordinal_unit), and an
// "All" that counts the people of a noun the name modifies, or stands
// before a possessive, a list or a plural (all_lead).
func TestLeadingWordDeclines(t *testing.T) {
	r := newTestRecognizer(t)
	for _, tc := range []struct{ name, sentence, word string }{
		{"a legislature's term", "Members of the 45th Tarvel Parliament were sworn in on Monday.", "45th"},
		{"a name used as a modifier", "Delegates left the 2nd Kestrel City Council meeting early.", "2nd"},
		{"All before a name modifying a noun", "All Kestrel Rowing Federation members voted on Monday.", "All"},
		{"All before a name modifying a noun, two words", "All Tarvel City Council staff were sent home.", "All"},
		{"All before a possessive", "All Kestrel Rowing Union's branches voted on Monday.", "All"},
		{"All before a plural of letters", "All Tarvel Party MPs voted against the bill.", "All"},
		{"All before a list", "All Kestrel City Council and Tarvel City Council staff were sent home.", "All"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, m := range r.spans(tc.sentence, unit{0, len(tc.sentence)}, false) {
				if strings.Contains(m.text, tc.word) {
					t.Errorf("%q holds %q (made by %v)", m.text, tc.word, r.rules.names(m.made))
				}
			}
		})
	}
}

// TestLeaderComplement: a party "of" a person's full name is led by that
// person; the two are two names, and a party "of" a common word keeps it.
func TestLeaderComplement(t *testing.T) {
	r := newTestRecognizer(t)
	for _, tc := range []struct{ name, sentence, phrase string }{
		{"the party and its leader", "The Kestrel Party of Ana Ruiz won the most seats.", "Kestrel Party"},
		{"the leader", "The Kestrel Party of Ana Ruiz won the most seats.", "Ana Ruiz"},
		{"a party of regions", "The Party of Tarvel Regions lost every seat.", "Party of Tarvel Regions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mentionOf(t, r, tc.sentence, tc.phrase, false)
		})
	}
}

// TestDistinctPlacesStayApart: a name the lists used to give as another
// place's alias names a place of its own (an island beside the state, a
// former colony beside its successor, a territory beside the capital inside
// it), while a true alias still joins its country.
func TestDistinctPlacesStayApart(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, body string
		want       []string // entity names, each its own entity
		alias      [2]string
	}{
		{"an island beside the state",
			"The United Kingdom sent 300 athletes to Tokyo, and Great Britain won gold in the rowing final. Britain had not won it since 2000.",
			[]string{"United Kingdom", "Great Britain"}, [2]string{"United Kingdom", "Britain"}},
		{"a former colony beside its successor",
			"Farmers who left Southern Rhodesia in 1965 returned to Zimbabwe after 1980.",
			[]string{"Southern Rhodesia", "Zimbabwe"}, [2]string{}},
		{"a former federation beside a state of today",
			"She was born in Yugoslavia and has lived in Serbia since the war.",
			[]string{"Yugoslavia", "Serbia"}, [2]string{}},
		{"a territory beside its capital",
			"The fire broke out in New Delhi, the capital of India. Buildings in Delhi may not exceed four floors.",
			[]string{"New Delhi", "Delhi"}, [2]string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := recognizeBody(t, r, tc.body)
			byName := map[string]article.Entity{}
			for _, e := range ents {
				byName[e.Name] = e
			}
			for _, n := range tc.want {
				e, ok := byName[n]
				if !ok {
					t.Fatalf("no entity named %q in %v", n, ents)
				}
				if e.Type != article.TypeGPE {
					t.Errorf("%q typed %s, want GPE", n, e.Type)
				}
			}
			if tc.alias[0] != "" && !slices.Contains(byName[tc.alias[0]].Aliases, tc.alias[1]) {
				t.Errorf("%q aliases %v, want %q among them", tc.alias[0], byName[tc.alias[0]].Aliases, tc.alias[1])
			}
		})
	}
}

// TestAcronymFirstNeedsItsLetters: a name in brackets after an acronym is
// its long form only when the acronym's letters open its words.
func TestAcronymFirstNeedsItsLetters(t *testing.T) {
	r := newTestRecognizer(t)
	ents := recognizeBody(t, r, "Staff of the KLF (Tarvel Harbour Authority) went on strike on Monday.")
	names := map[string]bool{}
	for _, e := range ents {
		names[e.Name] = true
	}
	if !names["KLF"] || !names["Tarvel Harbour Authority"] {
		t.Errorf("want KLF and Tarvel Harbour Authority apart, got %v", ents)
	}
}

// TestBroadcasterAndItsNews: a broadcaster and its news division, both
// named in one article, are one entity (org.txt gives "X News" as an alias
// of "X").
func TestBroadcasterAndItsNews(t *testing.T) {
	r := newTestRecognizer(t)
	ents := recognizeBody(t, r, "The mayor told CBS News on Monday that the bridge would reopen. CBS later said the repairs had cost $4 million.")
	var found []article.Entity
	for _, e := range ents {
		if strings.HasPrefix(e.Name, "CBS") {
			found = append(found, e)
		}
	}
	if len(found) != 1 || !slices.Contains(append(found[0].Aliases, found[0].Name), "CBS News") {
		t.Errorf("want one CBS entity with the form CBS News, got %v", found)
	}
}

// TestCauseInPlaceLeavesTowns: cause_in_place joins a country or a region
// after a body named for a cause, never a town, where the body stands.
func TestCauseInPlaceLeavesTowns(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, body string
		want       []string
	}{
		{"a town after an institute for a field", "Staff of the Tarvel Institute for Soil Research in Leeds met on Monday.", []string{"Tarvel Institute for Soil Research", "Leeds"}},
		{"a company in a country", "Toyota in Japan said sales fell.", []string{"Toyota", "Japan"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]bool{}
			for _, e := range recognizeBody(t, r, tc.body) {
				got[e.Name] = true
			}
			for _, n := range tc.want {
				if !got[n] {
					t.Errorf("no entity named %q in %v", n, got)
				}
			}
		})
	}
}

// TestRomanisedGivenName: a romanised given name after a family name is
// the person's, though its first syllable is a name of the lists ("Ing",
// a bank) and prose tags it no name; the known name still counts where
// its hyphen joins an English word ("Kenya-backed").
func TestRomanisedGivenName(t *testing.T) {
	r := newTestRecognizer(t)
	for _, body := range []string{
		"Later Lin Ing-wen spoke to the crowd in the square.",
		"President Lin Ing-wen spoke to the crowd in the square.",
		"Voters in the south backed Kuo Ing-mei on Saturday.",
	} {
		t.Run(body, func(t *testing.T) {
			var person bool
			for _, e := range recognizeBody(t, r, body) {
				if e.Type == article.TypeOrg {
					t.Errorf("organisation %q inside a person's given name", e.Name)
				}
				person = person || e.Type == article.TypePerson && strings.Contains(e.Name, "Ing-")
			}
			if !person {
				t.Error("no person with the hyphenated given name")
			}
		})
	}
	for _, tc := range []struct{ body, place string }{
		{"The Kenya-backed plan failed on Monday.", "Kenya"},
		{"Aid reached the Tel Aviv-based charity on Monday.", "Tel Aviv"},
		{"Critics called the new district rather New York-ish in its scale.", "New York"},
	} {
		if e := entityNamed(t, r, tc.body, tc.place); e.Type != article.TypeGPE {
			t.Errorf("%s typed %q, want GPE", tc.place, e.Type)
		}
	}
}

// TestTabloidCapitals: a tabloid opens its story with words in capitals
// ("KELLY Osbourne has blasted"); a given name so written still names a
// person, while an acronym before a name keeps making an organisation.
func TestTabloidCapitals(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct{ name, body, entity, want string }{
		{"given name in capitals, named in title case", "MARTHA Quillon has slammed the council over the bin strike.", "Martha Quillon", article.TypePerson},
		{"another given name in capitals", "TREVOR Blanchard has quit the panel show after ten years.", "Trevor Blanchard", article.TypePerson},
		{"an acronym leads an organisation", "Researchers at UC Merrow said the results were clear.", "UC Merrow", article.TypeOrg},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Helper()
			ents := recognizeBody(t, r, tc.body)
			i := slices.IndexFunc(ents, func(e article.Entity) bool { return e.Name == tc.entity })
			if i < 0 {
				t.Fatalf("no entity %q in %v", tc.entity, ents)
			}
			if ents[i].Type != tc.want {
				t.Errorf("%q typed %s, want %s", tc.entity, ents[i].Type, tc.want)
			}
		})
	}
}

// TestMentionEntity: the entity a short mention joins. A surname after an
// honorific of one sex joins no full name whose given name marks the
// other sex; a nationality word that speaks alone is the body named with
// it.
func TestMentionEntity(t *testing.T) {
	r := newTestRecognizer(t)
	tests := []struct {
		name, body, form, want, typ string // want: the entity holding the last mention of form
	}{
		{"a man's honorific is no woman named in full", "The senator's daughter, Ivanka Lorne, spoke first. Mr. Lorne said he was proud of her.", "Lorne", "Lorne", article.TypePerson},
		{"a woman's honorific joins the woman named in full", "The senator's husband, Tom Lorne, spoke first. Then Mary Lorne took the stage. Ms. Lorne said she was proud.", "Lorne", "Mary Lorne", article.TypePerson},
		{"a woman's honorific passes over the man named first", "Barack Obama and Michelle Obama arrived together. Mrs. Obama spoke first.", "Obama", "Michelle Obama", article.TypePerson},
		{"no honorific: the first named, as before", "Barack Obama and Michelle Obama arrived together. Obama spoke first.", "Obama", "Barack Obama", article.TypePerson},
		{"a nationality word that speaks is the body named with it", "Workers struck at American Airlines on Friday. American said in a statement that all flights ran.", "American", "American Airlines", article.TypeOrg},
		{"a surname of someone named in full is no body named with it (it stays what the lists make it)", "Christian Aid launched an appeal on Monday. Its director, Dr. Marcus Christian, visited the camps. Christian said the hunger was the worst he had seen.", "Christian", "Christian", article.TypeNORP},
		{"a nationality word that is no subject stays a people", "Workers struck at American Airlines on Friday. Many American travellers waited for hours.", "American", "American", article.TypeNORP},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ents := recognizeBody(t, r, tc.body)
			at := strings.LastIndex(tc.body, tc.form)
			for _, e := range ents {
				for _, m := range e.Mentions {
					if m.Start <= at && at < m.End {
						if e.Name != tc.want || e.Type != tc.typ {
							t.Errorf("%q (at %d) is in %q %s, want %q %s", tc.form, at, e.Name, e.Type, tc.want, tc.typ)
						}
						return
					}
				}
			}
			t.Errorf("no mention at %d of %q in %v", at, tc.form, ents)
		})
	}
}
