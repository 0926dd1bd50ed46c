package quote

import (
	"strings"
	"sync"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

// want is one expected quote: its text, speaker, cue and paragraph.
type want struct {
	text, speaker, typ, cue string
	para                    int
}

// checkQuotes asserts that Extract finds exactly the wanted quotes, in order.
func checkQuotes(t *testing.T, body string, ents []article.Entity, wants []want) {
	t.Helper()
	got := New().Extract(body, ents)
	for _, q := range got {
		if body[q.Start:q.End] != q.Text {
			t.Errorf("offsets [%d,%d) give %q, text is %q", q.Start, q.End, body[q.Start:q.End], q.Text)
		}
	}
	if len(got) != len(wants) {
		for _, q := range got {
			t.Logf("got %q [%s|%s|%s] p%d", q.Text, q.Speaker, q.SpeakerType, q.Cue, q.Paragraph)
		}
		t.Fatalf("got %d quotes, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		q := got[i]
		if q.Text != w.text {
			t.Errorf("quote %d text %q, want %q", i, q.Text, w.text)
		}
		if q.Speaker != w.speaker {
			t.Errorf("quote %d (%q) speaker %q, want %q", i, w.text, q.Speaker, w.speaker)
		}
		if w.typ != "" && q.SpeakerType != w.typ {
			t.Errorf("quote %d (%q) speaker type %q, want %q", i, w.text, q.SpeakerType, w.typ)
		}
		if q.Cue != w.cue {
			t.Errorf("quote %d (%q) cue %q, want %q", i, w.text, q.Cue, w.cue)
		}
		if q.Paragraph != w.para {
			t.Errorf("quote %d (%q) paragraph %d, want %d", i, w.text, q.Paragraph, w.para)
		}
	}
}

// entity builds an entity with mentions of each form found in body.
func entity(body, name, typ string, forms ...string) article.Entity {
	e := article.Entity{Name: name, Type: typ}
	for _, f := range append([]string{name}, forms...) {
		for off := 0; ; {
			i := strings.Index(body[off:], f)
			if i < 0 {
				break
			}
			s := off + i
			overlaps := false
			for _, m := range e.Mentions {
				overlaps = overlaps || (s < m.End && m.Start < s+len(f))
			}
			if !overlaps {
				e.Mentions = append(e.Mentions, article.Mention{Start: s, End: s + len(f), Text: f})
			}
			off = s + len(f)
		}
	}
	e.Count = len(e.Mentions)
	return e
}

// TestTextOwnedByItsOwnPhrase: a text whose owner's phrase names the text
// again ("a statement signed by 40 lawyers the verdict was") once sent
// docOwner and speakerFromNP round each other until the stack overflowed,
// killing the process; the search now ends there.
func TestTextOwnedByItsOwnPhrase(t *testing.T) {
	body := `According to a statement signed by 40 lawyers the verdict was "a travesty of justice".`
	qs := New().Extract(body, recognize(t, body))
	if len(qs) != 1 || qs[0].Text != "a travesty of justice" {
		t.Fatalf("got %+v, want the one quote", qs)
	}
}

func TestQuoteSpans(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		wants []want
	}{
		{"straight marks, speaker after",
			`"We will rebuild the bridge this year," Maria Lopez said on Monday.`,
			[]want{{"We will rebuild the bridge this year,", "Maria Lopez", "PERSON", "said", 0}}},
		{"the answer to a question is no quote of the asker's",
			`"Will you run again?" a reporter asked Senator Ana Lind. "No."`,
			[]want{{"Will you run again?", "reporter", "PERSON", "asked", 0}}},
		{"an initial before a family name spelt like an article",
			`Professor Jin K. An said in a statement: "This could change how we treat cancer."`,
			[]want{{"This could change how we treat cancer.", "Jin K. An", "PERSON", "said", 0}}},
		{"an initial's period before a word opening a sentence ends it",
			`The plane stopped near Concourse B. The Kestrel flight was delayed. Kestrel said the plane was "completely safe to fly".`,
			[]want{{"completely safe to fly", "Kestrel", "PERSON", "said", 0}}},
		{"a short half of a quote interrupted inside its sentence is a partial quote, too short",
			`He hung a black flag on the bridge – "stirring," as the agency reported, "fears of an attack in the heart of the city."`,
			[]want{{"fears of an attack in the heart of the city.", "agency", "ORG", "reported", 0}}},
		{"a short whole sentence after a quote of the same paragraph",
			`"We failed the town," Maria Lopez said. "We listened."`,
			[]want{{"We failed the town,", "Maria Lopez", "PERSON", "said", 0}, {"We listened.", "Maria Lopez", "PERSON", "", 0}}},
		{"a word opening with a curly apostrophe counts toward a partial quote's three words",
			`Maria Lopez said the river had been quiet "up ’til now."`,
			[]want{{"up ’til now.", "Maria Lopez", "PERSON", "said", 0}}},
		{"apostrophes typed as double marks open no quote",
			`Ana Lind said the cartel"s pricing committee would meet at the request of the body"s members. "We expect prices to rise," Lind said.`,
			[]want{{"We expect prices to rise,", "Ana Lind", "PERSON", "said", 0}}},
		{"curly marks, inverted cue",
			`“The water is still rising,” said Tom Berger, who runs the shelter.`,
			[]want{{"The water is still rising,", "Tom Berger", "PERSON", "said", 0}}},
		{"single quotes nested in a quote",
			`"My mother told me, 'never sign anything you have not read,' and she was right," Ana Diaz said.`,
			[]want{{"My mother told me, 'never sign anything you have not read,' and she was right,", "Ana Diaz", "PERSON", "said", 0}}},
		{"double marks nested in a quote",
			`Ken Ross wrote: "The "experts" were wrong about the dam from the start."`,
			[]want{{`The "experts" were wrong about the dam from the start.`, "Ken Ross", "PERSON", "wrote", 0}}},
		{"quote interrupted by its attribution",
			`"The first part is done," Ana Diaz said, "and the second part starts next week."`,
			[]want{
				{"The first part is done,", "Ana Diaz", "PERSON", "said", 0},
				{"and the second part starts next week.", "Ana Diaz", "PERSON", "", 0}}},
		{"quote over two paragraphs",
			"Mayor Ruth Okafor said: \"The first phase of the plan is finished.\n\n\"The second phase will start in May and end in June.\"",
			[]want{
				{"The first phase of the plan is finished.", "Ruth Okafor", "PERSON", "said", 0},
				{"The second phase will start in May and end in June.", "Ruth Okafor", "PERSON", "", 1}}},
		{"quote carried over a paragraph break with only its closing mark",
			"After the vote the union's leader, Ada Brennan, said: \"We have waited three years for this.\n\nNobody here will forget what the drivers gave up.\" The strike ends on Friday.",
			[]want{
				{"We have waited three years for this.", "Ada Brennan", "PERSON", "said", 0},
				{"Nobody here will forget what the drivers gave up.", "Ada Brennan", "PERSON", "", 1}}},
		{"a stray closing mark after a closed quote is no continuation",
			"Ada Brennan said: \"We have waited three years.\"\n\nThe drivers\" pay rises by 4%, the union said.",
			[]want{{"We have waited three years.", "Ada Brennan", "PERSON", "said", 0}}},
		{"partial quote inside a sentence",
			`Health Minister Lena Park called the outbreak "a danger to every hospital in the region" on Friday.`,
			[]want{{"a danger to every hospital in the region", "Lena Park", "PERSON", "called", 0}}},
		{"scare quote of two words is not a quote",
			`The so-called "fake news" story spread quickly, Lena Park said.`,
			nil},
		{"a term after so-called is not a quote, however long",
			`Regulators want the so-called "right to be forgotten" extended, and critics fear a so called "digital border wall." Ana Ruiz attacked the so-called "right of every citizen to be forgotten by search engines" on Monday.`,
			nil},
		{"wire copy's two apostrophes close a quote, two backticks open one",
			"\"We hope the neighbours will come by car,'' said hotel owner Gianni Serra. ``Clear rules can guarantee our guests' safety,'' Serra added.",
			[]want{
				{"We hope the neighbours will come by car,", "Gianni Serra", "PERSON", "said", 0},
				{"Clear rules can guarantee our guests' safety,", "Gianni Serra", "PERSON", "added", 0}}},
		{"a term right after a verb of naming is not a quote",
			`Staff on what the ministry calls "weather and safety" leave were paid. Towns without a clinic, commonly called "maternity care deserts," grew in number, and the plan was dubbed "the harbour deal."`,
			nil},
		{"a call as a noun before a quote reports words",
			`Coach Ana Diaz said the referee's call "was simply wrong and cost us the game." Fans took up their calls "loud and clear," Diaz added.`,
			[]want{
				{"was simply wrong and cost us the game.", "Ana Diaz", "PERSON", "said", 0},
				{"loud and clear,", "Ana Diaz", "PERSON", "added", 0}}},
		{"a passive verb of naming after an adverb or a form of be names, however long",
			`Lake Tarvel, often called "the blue eye of the northern plains", draws tourists. The old quarter is called "the town that forgot to sleep" in the guidebooks.`,
			nil},
		{"a passive verb of naming with an agent reports the agent's words, and a call on or for something is a call",
			`The decision was called "a betrayal of every working family" by union leader Ana Ruiz. Ruiz also called "on all parties to return to the table".`,
			[]want{
				{"a betrayal of every working family", "Ana Ruiz", "PERSON", "called", 0},
				{"on all parties to return to the table", "Ana Ruiz", "PERSON", "called", 0}}},
		{"calling someone so as a habit that began gives a name",
			`Reporters in Lyon soon began to call him "the quiet man of the left bank", a name he hated.`,
			nil},
		{"a name someone is known by, with who calls them so between, is no quote",
			`Mbeki, known among the miners as "the quiet lion of the valley", declined to comment. Tarvel, often described by investors as "the next big market", grew fast.`,
			nil},
		{"known about is no name known by, and a verb of saying after the quote names its speaker",
			`Little is known about the plan but the minister hailed it as "a historic step for our people". The minister was also seen as "the heir apparent to the party", said analyst Ivan Krastev.`,
			[]want{
				{"a historic step for our people", "minister", "PERSON", "hailed", 0},
				{"the heir apparent to the party", "Ivan Krastev", "PERSON", "said", 0}}},
		{"a call for something before a quote reports words",
			`Mayor Ruth Okafor called "for calm and restraint" on Monday.`,
			[]want{{"for calm and restraint", "Ruth Okafor", "PERSON", "called", 0}}},
		{"a verb of naming with its object before the quote reports words",
			`Mayor Ruth Okafor called the budget "a disaster for working families" on Monday.`,
			[]want{{"a disaster for working families", "Ruth Okafor", "PERSON", "called", 0}}},
		{"title of a work is not a quote",
			`The band played "Day After Day" and "Here Comes The Sun" at the festival.`,
			nil},
		{"a title in title case after titled or a possessive is not a quote",
			`Her poem is titled "If Indeed I am Ill, Brother." The book opens with Omar Rao's "An Ode to the Harbour in Winter" and ends with a letter.`,
			nil},
		{"a title in title case after a name's possessive is not a quote",
			`The collection opens with Omar Rao's "If Indeed I am Ill, Brother." and ends with a letter.`,
			nil},
		{"nickname is not a quote",
			`Joe "The Big Man" Smith opened the door.`,
			nil},
		{"a name after known as is not a quote",
			`The striker, known as "the little engine", scored twice on Sunday.`,
			nil},
		{"a naming verb with its object before a nickname",
			`Local papers have nicknamed the new bridge "the long grey ribbon" since it opened.`,
			nil},
		{"a nickname after the noun for one",
			`The course has earned the nickname "the fastest loop in Europe" among runners.`,
			nil},
		{"a gloss in brackets after a quote translates it",
			`Fans nicknamed her "la pequena tormenta" ("the little storm") for her serve, Ana Diaz said.`,
			nil},
		{"words read into a look are not said",
			`The coach raised an eyebrow at the referee, as if to say "Are you sure about that call?" The match went on. She shrugged as though saying "Not my problem at all."`,
			nil},
		{"a title after titled is not a quote",
			`Her second novel, titled "A House by the Estuary", comes out in May.`,
			nil},
		{"a question on a form is named, not said",
			`The council wants to print the question, "Do you own a car?", on every permit form.`,
			nil},
		{"a question someone asks is said",
			`Ana Diaz asked the question, "Who will pay for the new bridge?", at the meeting.`,
			[]want{{"Who will pay for the new bridge?", "Ana Diaz", "PERSON", "asked", 0}}},
		{"two opening marks typed together open one quote",
			`Tom Ward dodged the question, saying "“It is not about who is right, it is about the evidence.” Ana Lind said: "Nothing is decided yet."`,
			[]want{{"It is not about who is right, it is about the evidence.", "Tom Ward", "PERSON", "saying", 0}, {"Nothing is decided yet.", "Ana Lind", "PERSON", "said", 0}}},
		{"a title after titled, in sentence case",
			`The team set out its findings in a paper titled "The importance of river deltas for the survival of eels." It was published on Monday.`,
			nil},
		{"a title after a work's noun and its determiner",
			`The article "Are the county elections headed to a recount?" (Page B1) helped me understand the count.`,
			nil},
		{"a work a verb labels reports the words",
			`Critic Ruth Pemberton called the film "admirable, beautiful, and forty minutes too long."`,
			[]want{{"admirable, beautiful, and forty minutes too long.", "Ruth Pemberton", "PERSON", "called", 0}}},
		{"two words inside the sentence are a partial quote, too short",
			`The timing of the vote raises "great suspicion," Ana Lind said.`,
			nil},
		{"short full utterance tied to its cue",
			`"No," Ana Diaz said.`,
			[]want{{"No,", "Ana Diaz", "PERSON", "said", 0}}},
		{"unbalanced mark stays in its paragraph",
			"The sign said \"closed for winter and\n\nLater, \"the roads will reopen in spring,\" said Tom Berger.",
			[]want{{"the roads will reopen in spring,", "Tom Berger", "PERSON", "said", 1}}},
		{"a quote's paragraphs run together: the next opening mark ends the one before",
			`Transport chief Ana Velasquez said: “The numbers no longer add up for winter. “We will look again in the spring.” The union disagreed.`,
			[]want{{"The numbers no longer add up for winter.", "Ana Velasquez", "PERSON", "said", 0}, {"We will look again in the spring.", "Ana Velasquez", "PERSON", "", 0}}},
		{"the same with straight marks",
			`Its leader, Tom Breck, said: "This is a blow to the islands. "People rely on these boats to get to work."`,
			[]want{{"This is a blow to the islands.", "Tom Breck", "PERSON", "said", 0}, {"People rely on these boats to get to work.", "Tom Breck", "PERSON", "", 0}}},
		{"inch marks are not quotes",
			`The storm left 12" of snow in the valley, officials said.`,
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkQuotes(t, tc.body, nil, tc.wants) })
	}
}

func TestSpeakers(t *testing.T) {
	vargaBody := `Daniel Varga, a deputy minister of transport, spoke on Tuesday. "Our timetable depends on the weather," Varga told parliament.`
	tests := []struct {
		name  string
		body  string
		ents  func(body string) []article.Entity
		wants []want
	}{
		{"a short form in brackets after its body's name is no referent of its own",
			"The authors ask that the lizard be listed under the rules of the Kestrel Wildlife Authority (KWA). \"Every known site lies inside a logging concession,\" they wrote.",
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Kestrel Wildlife Authority", "ORG", "KWA")}
			},
			[]want{{"Every known site lies inside a logging concession,", "authors", "GROUP", "wrote", 0}}},
		{"a verb in the present before an article ends a noun phrase: the people it lists are its objects",
			"Mira Osei, a nurse from Kumasi, runs the night ward. Her team includes a surgeon, two porters and a cleaner.\n\n\"We have never had so many patients,\" she said.",
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Mira Osei", "PERSON"), entity(b, "Kumasi", "GPE")}
			},
			[]want{{"We have never had so many patients,", "Mira Osei", "PERSON", "said", 1}}},
		{"the subject of a clause of time ranks below the main clause's",
			"His uncle, Tomas Brandt, told the local paper that the family could not afford a private tutor for the boys when their son first went to school. \"We sold the last cows that spring,\" he said.",
			func(b string) []article.Entity { return []article.Entity{entity(b, "Tomas Brandt", "PERSON")} },
			[]want{{"We sold the last cows that spring,", "Tomas Brandt", "PERSON", "said", 0}}},
		{"a definite noun opening the sentence after a quote's inverted cue renames its speaker",
			"\"We waited six hours to vote,\" said Ama Darko, a 41-year-old trader. The grandmother of five said she would come back. \"I will not give up my vote,\" she said.",
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ama Darko", "PERSON")} },
			[]want{
				{"We waited six hours to vote,", "Ama Darko", "PERSON", "said", 0},
				{"I will not give up my vote,", "Ama Darko", "PERSON", "said", 0}}},
		{"not when it opens a new paragraph, nor for a relation to someone else",
			"\"We waited six hours to vote,\" said Ama Darko, a 41-year-old trader. The son of the woman who ran the stall said he would come back. \"I will not give up my vote,\" he said.",
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ama Darko", "PERSON")} },
			[]want{
				{"We waited six hours to vote,", "Ama Darko", "PERSON", "said", 0},
				{"I will not give up my vote,", "son", "PERSON", "said", 0}}},
		{"it keeps standing for the organisation that spoke, past paragraphs that name none and an acronym that is none",
			"Harbour Lines warned of delays on Monday. \"Sailings will be cut by a third,\" it said.\n\nFuel costs have risen for a year. Freight rates rose too.\n\nThe slump will cut growth. Forecasters expect a fall in GDP. Few saw it coming.\n\n\"We expect the cuts to last until May,\" it said.",
			func(b string) []article.Entity { return []article.Entity{entity(b, "Harbour Lines", "ORG")} },
			[]want{
				{"Sailings will be cut by a third,", "Harbour Lines", "ORG", "said", 0},
				{"We expect the cuts to last until May,", "Harbour Lines", "ORG", "said", 3}}},
		{"it does not reach past a country named since",
			"Harbour Lines warned of delays on Monday. \"Sailings will be cut by a third,\" it said.\n\nFuel costs have risen for a year. Freight rates rose too.\n\nRussia closed the strait on Tuesday. Ships turned back.\n\n\"The strait stays closed until further notice,\" it said.",
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Harbour Lines", "ORG"), entity(b, "Russia", "GPE")}
			},
			[]want{
				{"Sailings will be cut by a third,", "Harbour Lines", "ORG", "said", 0},
				{"The strait stays closed until further notice,", "", "", "", 3}}},
		{"it does not reach past another organisation named since",
			"Harbour Lines warned of delays on Monday. \"Sailings will be cut by a third,\" it said.\n\nFuel costs have risen for a year.\n\nThe rival Velmora Ferries has kept its timetable.\n\n\"We expect no cuts,\" it said.",
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Harbour Lines", "ORG"), entity(b, "Velmora Ferries", "ORG")}
			},
			[]want{
				{"Sailings will be cut by a third,", "Harbour Lines", "ORG", "said", 0},
				{"We expect no cuts,", "Velmora Ferries", "ORG", "said", 3}}},
		{"what someone became is no one else for a later he",
			"Tom Vale runs the Harlow Brewery.\n\nDiversification is what led Vale to become one of the very few distillery owners in the county, and the only one in the valley. He also cut his travel.\n\n\"I wanted to not be so dependent on beer,\" he says.",
			nil,
			[]want{{"I wanted to not be so dependent on beer,", "Tom Vale", "PERSON", "says", 2}}},
		{"a described person who is the subject stays the referent",
			"One of the very few distillery owners in the county spoke at the fair.\n\n\"I wanted to not be so dependent on beer,\" he said.",
			nil,
			[]want{{"I wanted to not be so dependent on beer,", "owner", "PERSON", "said", 1}}},
		{"a pull quote takes the speaker of the quote it repeats, later in the page",
			"The mayor, Tomas Wiecek, defended the delay. \"We need the money first,\" he said.\n\n\"Our harbour cannot wait another winter.\"\n\n\"Our harbour cannot wait another winter,\" council member Ada Brennan said. \"The boats are leaving.\"",
			nil,
			[]want{
				{"We need the money first,", "Tomas Wiecek", "PERSON", "said", 0},
				{"Our harbour cannot wait another winter.", "Ada Brennan", "PERSON", "", 1},
				{"Our harbour cannot wait another winter,", "Ada Brennan", "PERSON", "said", 2},
				{"The boats are leaving.", "Ada Brennan", "PERSON", "", 2}}},
		{"a pull quote takes the speaker of the quote it repeats, earlier in the page",
			"\"The boats are leaving. The harbour cannot wait another winter,\" council member Ada Brennan said.\n\nThe mayor, Tomas Wiecek, defended the delay. \"We need the money first,\" he said.\n\n\"The harbour cannot wait another winter.\"",
			nil,
			[]want{
				{"The boats are leaving. The harbour cannot wait another winter,", "Ada Brennan", "PERSON", "said", 0},
				{"We need the money first,", "Tomas Wiecek", "PERSON", "said", 1},
				{"The harbour cannot wait another winter.", "Ada Brennan", "PERSON", "", 2}}},
		{"words another speaker echoes inside a sentence do not make a pull quote",
			"The mayor, Tomas Wiecek, defended the delay. \"We need the money first,\" he said.\n\n\"Our harbour cannot wait another winter.\"\n\nCouncil member Ada Brennan called the claim that \"our harbour cannot wait another winter\" absurd. Union leader Dev Anand said: \"I came because our harbour cannot wait another winter, as everyone knows.\"",
			nil,
			[]want{
				{"We need the money first,", "Tomas Wiecek", "PERSON", "said", 0},
				{"Our harbour cannot wait another winter.", "Tomas Wiecek", "PERSON", "", 1},
				{"our harbour cannot wait another winter", "Ada Brennan", "PERSON", "called", 2},
				{"I came because our harbour cannot wait another winter, as everyone knows.", "Dev Anand", "PERSON", "said", 2}}},
		{"a quote paragraph that repeats nothing stays the last speaker's",
			"The mayor, Tomas Wiecek, defended the delay. \"We need the money first,\" he said.\n\n\"The harbour will wait one more winter.\"",
			nil,
			[]want{
				{"We need the money first,", "Tomas Wiecek", "PERSON", "said", 0},
				{"The harbour will wait one more winter.", "Tomas Wiecek", "PERSON", "", 1}}},
		{"another after a described speaker is one more of that kind, past a named speaker",
			`Traders at the market were divided. "Prices will fall by spring," one fishmonger said. Harbour master Ilse Brandt disagreed. Another replied: "Nobody here believes that any more."`,
			nil,
			[]want{
				{"Prices will fall by spring,", "fishmonger", "PERSON", "said", 0},
				{"Nobody here believes that any more.", "fishmonger", "PERSON", "replied", 0}}},
		{"another with no described speaker before it stays unresolved",
			`"The tunnel will open in May," said project director Ilse Brandt. Another asked: "Who will pay for the delays?"`,
			nil,
			[]want{
				{"The tunnel will open in May,", "Ilse Brandt", "PERSON", "said", 0},
				{"Who will pay for the delays?", "", "", "", 0}}},
		{"a capitalised office keeps its complement and is no place",
			`The Governor of Lamu said schools would be rebuilt "before the rains come back". "We will send doctors," the Minister of Health told reporters.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Lamu", "GPE")} },
			[]want{
				{"before the rains come back", "Governor of Lamu", "PERSON", "said", 0},
				{"We will send doctors,", "Minister of Health", "PERSON", "told", 0}}},
		{"a capitalised office with its complement is the referent of last resort",
			`"The house fell," Lamu resident Ada Marwa told the newspaper.

The Governor of Lamu declared an emergency. "No family will sleep outside," he told local reporters.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Lamu", "GPE"), entity(b, "Ada Marwa", "PERSON")}
			},
			[]want{
				{"The house fell,", "Ada Marwa", "PERSON", "told", 0},
				{"No family will sleep outside,", "Governor of Lamu", "PERSON", "told", 1}}},
		{"an age renames the person just named, not a description in a relative clause",
			`Outside the court on Friday, families held banners reading "justice for our children now" and one mother, Ama Owusu-Berg, whose daughter died in 2021, read aloud from a letter the hospital had sent her.

"It was foreseeable," the 41-year-old told reporters.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ama Owusu-Berg", "PERSON")} },
			[]want{{"justice for our children now", "families", "GROUP", "reading", 0}, {"It was foreseeable,", "Ama Owusu-Berg", "PERSON", "told", 1}}},
		{"a description with a title's modifiers renames the one titled so, past a nearer title of the same role",
			`Chief Minister Ana Ruiz told the assembly the floods were the worst in years.

Prime Minister Tom Vale tweeted that he had spoken to Ruiz.

"We are doing everything we can," the chief minister told reporters.`,
			func(b string) []article.Entity {
				ruiz, vale := entity(b, "Ana Ruiz", "PERSON", "Ruiz"), entity(b, "Tom Vale", "PERSON")
				ruiz.Titles, vale.Titles = []string{"Chief Minister"}, []string{"Prime Minister"}
				return []article.Entity{ruiz, vale}
			},
			[]want{{"We are doing everything we can,", "Ana Ruiz", "PERSON", "told", 2}}},
		{"a fresh person noun is not the object of the sentence before",
			`Eva Lund, 17, beat world champion Maria Sosa in straight sets on Sunday. "It still feels like a dream," the teenager said.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Eva Lund", "PERSON"), entity(b, "Maria Sosa", "PERSON")}
			},
			[]want{{"It still feels like a dream,", "teenager", "PERSON", "said", 0}}},
		{"one side of a case stays a description",
			`Detective Eva Lund told the court she found the knife in the car. "I have never seen that knife in my life," the defendant said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Eva Lund", "PERSON")} },
			[]want{{"I have never seen that knife in my life,", "defendant", "PERSON", "said", 0}}},
		{"an age is no one's the article gave another age",
			`Eva Lund, 30, was driving behind the bus when it left the road. "The bus just flipped over," the 45-year-old driver said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Eva Lund", "PERSON")} },
			[]want{{"The bus just flipped over,", "45-year-old driver", "PERSON", "said", 0}}},
		{"a name inside a prepositional phrase of the apposition is someone else's",
			`One man, the father of a boy named Tom Berg, said the school had ignored warnings. "My son could have died that day," he said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Tom Berg", "PERSON")} },
			[]want{{"My son could have died that day,", "man", "PERSON", "said", 0}}},
		{"one told to do something is no medium",
			`Regulators told Kestrel Holdings on Monday to raise more capital. The company said the demand was "unreasonable and unnecessary".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Kestrel Holdings", "ORG")} },
			[]want{{"unreasonable and unnecessary", "Kestrel Holdings", "ORG", "said", 0}}},
		{"a ban on a company is no medium",
			`The minister said a ban on Kestrel Holdings was likely. The company called it "deeply flawed and unfair".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Kestrel Holdings", "ORG")} },
			[]want{{"deeply flawed and unfair", "Kestrel Holdings", "ORG", "called", 0}}},
		{"a title's modifiers match only a recorded title",
			`Chief Minister Lia Park opened the session. The party chief, Minister Tom Berg, walked out. "We will not be silenced," the chief minister said.`,
			func(b string) []article.Entity {
				park, berg := entity(b, "Lia Park", "PERSON"), entity(b, "Tom Berg", "PERSON")
				park.Titles, berg.Titles = []string{"Chief Minister"}, []string{"Minister"}
				return []article.Entity{park, berg}
			},
			[]want{{"We will not be silenced,", "Lia Park", "PERSON", "said", 0}}},
		{"a platform words were posted on is not the group",
			`Actress Ana Lind wrote on Instagram that she was proud of the jury. A collective of farmers had written to the minister in May. On Saturday, the group said the vote showed "what happens when farmers are finally heard".`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Ana Lind", "PERSON"), entity(b, "Instagram", "ORG")}
			},
			[]want{{"what happens when farmers are finally heard", "group", "", "said", 0}}},
		{"an organisation is any body, whatever its name's head",
			`The charity Ocean Guard told the BBC it would appeal. The organisation said the ruling was "a blow to every coastal community".`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Ocean Guard", "ORG"), entity(b, "BBC", "ORG")}
			},
			[]want{{"a blow to every coastal community", "Ocean Guard", "ORG", "said", 0}}},
		{"a definite kind of person the article has not used renames the person just named",
			`Kenyan runner Mercy Wanjiru, 19, won the race on Sunday. "My legs were gone at the end," the youngster from Eldoret said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Mercy Wanjiru", "PERSON")} },
			[]want{{"My legs were gone at the end,", "Mercy Wanjiru", "PERSON", "said", 0}}},
		{"a role never named stays a description",
			`Tom Baker was sentenced to six years on Friday. "You showed no remorse at all," the judge said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Tom Baker", "PERSON")} },
			[]want{{"You showed no remorse at all,", "judge", "PERSON", "said", 0}}},
		{"a role named in apposition to the subject, then a pronoun",
			`One witness, a bus driver named Tomas Reyes, said he had braked hard. "The car came from nowhere," he said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Tomas Reyes", "PERSON")} },
			[]want{{"The car came from nowhere,", "Tomas Reyes", "PERSON", "said", 0}}},
		{"a role called by name in apposition to the subject of a cue",
			`A second witness, a taxi driver called Ana Lind, told reporters: "The lights were off."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ana Lind", "PERSON")} },
			[]want{{"The lights were off.", "Ana Lind", "PERSON", "told", 0}}},
		{"an age before a person noun renames the person just named",
			`Paulo Mendes, who met the minister twice this week, said he remained hopeful. "We are closer than people think," the 58-year-old diplomat said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Paulo Mendes", "PERSON")} },
			[]want{{"We are closer than people think,", "Paulo Mendes", "PERSON", "said", 0}}},
		{"a name in apposition keeps its body after it",
			`Her colleague, Sen. Marta Quill of the Greens, tweeted: "Now let's finish the job."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Marta Quill", "PERSON"), entity(b, "Greens", "ORG")}
			},
			[]want{{"Now let's finish the job.", "Marta Quill", "PERSON", "tweeted", 0}}},
		{"a capitalised word after the is no referent of she",
			`The bill passed on Tuesday. Her colleague, Marta Quill of the Greens, voted for it. "Now let's finish the job," she said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Marta Quill", "PERSON")} },
			[]want{{"Now let's finish the job,", "Marta Quill", "PERSON", "said", 0}}},
		{"any noun for a kind of person before a name in apposition after an inverted cue",
			`"We will appeal," said their counsel, Ines Marr.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ines Marr", "PERSON")} },
			[]want{{"We will appeal,", "Ines Marr", "PERSON", "said", 0}}},
		{"a plural possessive stays inside the noun phrase",
			`"We will appeal," said the growers' lawyer, Ines Marr. "The deal is unfair," the dockers' union said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ines Marr", "PERSON")} },
			[]want{{"We will appeal,", "Ines Marr", "PERSON", "said", 0}, {"The deal is unfair,", "dockers' union", "ORG", "said", 0}}},
		{"an acronym that names an organisation is no clause word before a titled name",
			`"The risk is high," WHO Director-General Ana Ruiz told a news conference.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "WHO", "ORG"), entity(b, "Ana Ruiz", "PERSON")}
			},
			[]want{{"The risk is high,", "Ana Ruiz", "PERSON", "told", 0}}},
		{"a title of the same role renames the person titled so",
			`Justice Amara Osei dismissed the petition on Monday.

Lawyers for the families said they would appeal. "This ruling ignores the evidence," said Peter Lund, their counsel.

"The petitioners have not shown any harm," the judge wrote.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Amara Osei", "PERSON"), entity(b, "Peter Lund", "PERSON")}
			},
			[]want{{"This ruling ignores the evidence,", "Peter Lund", "PERSON", "said", 1}, {"The petitioners have not shown any harm,", "Amara Osei", "PERSON", "wrote", 2}}},
		{"of two people titled with the role, the one the article mentioned last",
			`Sen. Ana Ruiz opened the hearing on Tuesday. Sen. Tom Vale, the committee's chairman, spoke next.

The nominee was pressed again by Ruiz in the afternoon. "You have not answered my question," the senator said.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Ana Ruiz", "PERSON", "Ruiz"), entity(b, "Tom Vale", "PERSON")}
			},
			[]want{{"You have not answered my question,", "Ana Ruiz", "PERSON", "said", 1}}},
		{"a role renames the person named under it further back than a pronoun reaches",
			`Health Minister Lena Varga defended the rollout on Tuesday.

"We are ahead of plan," Varga told reporters.

Opposition leader Tomas Brandt disagreed. He said the ministry had lost control.

Asked whether she would resign, the minister said, "That question is not on the table."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Lena Varga", "PERSON", "Varga"), entity(b, "Tomas Brandt", "PERSON")}
			},
			[]want{{"We are ahead of plan,", "Lena Varga", "PERSON", "told", 1}, {"That question is not on the table.", "Lena Varga", "PERSON", "said", 3}}},
		{"a name with a role of its own in apposition after an inverted cue speaks",
			`"They want to turn the harbour into a car park," said one protester, retired teacher Mere Tamaki.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Mere Tamaki", "PERSON")} },
			[]want{{"They want to turn the harbour into a car park,", "Mere Tamaki", "PERSON", "said", 0}}},
		{"a pronoun and a verb after 'said' open the clause it reports, not an inverted attribution",
			`The opposition Freedom Alliance, whose leader Kofi Asare described the cabinet as "the same old faces in new chairs," said it would scrutinise every appointment.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Kofi Asare", "PERSON"), entity(b, "Freedom Alliance", "ORG")}
			},
			[]want{{"the same old faces in new chairs,", "Kofi Asare", "PERSON", "described", 0}}},
		{"a name in apposition to the subject that opens its clause is that clause's subject",
			`Trade Commissioner Janis Berzins said he was hopeful. His Chilean counterpart, Foreign Minister Carolina Vidal, was more guarded. "There are still differences," she said.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Janis Berzins", "PERSON"), entity(b, "Carolina Vidal", "PERSON")}
			},
			[]want{{"There are still differences,", "Carolina Vidal", "PERSON", "said", 0}}},
		{"a description whose apposition names someone of the other gender is no referent of the pronoun",
			`Pensioner Morag Reid said the cold was unbearable. Her neighbour, Iain Ross, brought her a heater. "He is an angel," she said.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Morag Reid", "PERSON"), entity(b, "Iain Ross", "PERSON")}
			},
			[]want{{"He is an angel,", "Morag Reid", "PERSON", "said", 0}}},
		{"places joined inside an of-phrase are no second speaker",
			`In a joint statement, the foreign ministers of Norway and Chile urged "restraint on all sides".`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Norway", "GPE"), entity(b, "Chile", "GPE")}
			},
			[]want{{"restraint on all sides", "foreign ministers", "GROUP", "urged", 0}}},
		{"a second speaker joined after an of-phrase speaks",
			`The mayor of Lyon and the governor said the bridge would reopen "before the end of the summer".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Lyon", "GPE")} },
			[]want{{"before the end of the summer", "governor", "PERSON", "said", 0}}},
		{"a relative clause with a number in it after a body is an aside before the cue",
			`Toyota's union, which represents about 20,000 workers, said in a statement that it would seek "the best possible terms for every member".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Toyota", "ORG")} },
			[]want{{"the best possible terms for every member", "Toyota's union", "ORG", "said", 0}}},
		{"a text's issuer named in an aside after it speaks",
			`The lawsuit, filed by the Northern Land Council in March, claimed the rule would cause "irreversible harm to fish stocks".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Northern Land Council", "ORG")} },
			[]want{{"irreversible harm to fish stocks", "Northern Land Council", "ORG", "claimed", 0}}},
		{"who obtained a text named in an aside is no speaker",
			`The memo, obtained by Reuters on Monday, said the plant was "running far beyond its safe limits".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Reuters", "ORG")} },
			[]want{{"running far beyond its safe limits", "", "", "", 0}}},
		{"a kind of business after 'and the' renames the organisation opening the sentence",
			`Nova Scotia Power said 400,000 customers had lost power, and the utility warned repairs could take "several days in the hardest-hit areas".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Nova Scotia Power", "ORG")} },
			[]want{{"several days in the hardest-hit areas", "Nova Scotia Power", "ORG", "warned", 0}}},
		{"another kind of body after 'and the' is another body",
			`Nova Scotia Power said 400,000 customers had lost power, and the council warned roads would stay closed "until every line is safe".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Nova Scotia Power", "ORG")} },
			[]want{{"until every line is safe", "council", "ORG", "warned", 0}}},
		{"a name in apposition after its own role stands for the description before it",
			`Floods hit the valley on Monday. One survivor, 41-year-old farmer Tomas Reyes, told the radio that the water came at night. "We lost everything in an hour," he said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Tomas Reyes", "PERSON")} },
			[]want{{"We lost everything in an hour,", "Tomas Reyes", "PERSON", "said", 0}}},
		{"a role named after a description is the referent",
			`A ferry sank on Tuesday. One passenger, a teacher named Lina Okafor, told reporters she had swum for an hour. "The water was cold," she said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Lina Okafor", "PERSON")} },
			[]want{{"The water was cold,", "Lina Okafor", "PERSON", "said", 0}}},
		{"a name inside a relative clause in apposition is someone else",
			`One survivor, who lost her son Tom Reyes, spoke to reporters on Monday. "Nobody warned us," she said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Tom Reyes", "PERSON")} },
			[]want{{"Nobody warned us,", "survivor", "PERSON", "said", 0}}},
		{"a titled name in apposition after a description with a complement is the referent",
			`The region's chief engineer of roads, Dr. Hana Ilves, inspected the bridge on Friday. "The cracks are old," she said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Hana Ilves", "PERSON")} },
			[]want{{"The cracks are old,", "Hana Ilves", "PERSON", "said", 0}}},
		{"a pronoun subject stands for its referent ahead of the speaker of relayed words",
			`Mayor Rita Lund met the builders on Monday. She said a site manager had promised her that "the road will open in May". "I have heard that before," she said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Rita Lund", "PERSON")} },
			[]want{
				{"the road will open in May", "site manager", "PERSON", "promised", 0},
				{"I have heard that before,", "Rita Lund", "PERSON", "said", 0}}},
		{"the subject after a question that opens the sentence is the speaker",
			`Mayor Ilse Brandt opened the session. Asked whether the plan would survive the winter, Brandt was blunt: "It will not survive." Asked what had gone wrong, Brandt's answer was short: "Everything we feared at the start."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ilse Brandt", "PERSON")} },
			[]want{
				{"It will not survive.", "Ilse Brandt", "PERSON", "was blunt", 0},
				{"Everything we feared at the start.", "Ilse Brandt", "PERSON", "answer was short", 0}}},
		{"the one who asks is no speaker and no referent",
			`Judge Mira Sandoval closed the hearing. Asked by a local reporter whether she would stay on, she smiled and replied: "Not this time, no."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Mira Sandoval", "PERSON")} },
			[]want{{"Not this time, no.", "Mira Sandoval", "PERSON", "replied", 0}}},
		{"the subject of relayed words after an object is no referent of the teller's pronoun",
			`Nadia Rahim, a teacher, told reporters a neighbour had warned her that "the river is rising fast". "We left at midnight," she said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Nadia Rahim", "PERSON")} },
			[]want{
				{"the river is rising fast", "neighbour", "PERSON", "warned", 0},
				{"We left at midnight,", "Nadia Rahim", "PERSON", "said", 0}}},
		{"a verb of judging reports the characterisation it quotes",
			`The union's leader, Ana Ruiz, resigned on Friday, accusing the board of "breaking every promise it made". Her deputy dismissed the offer as "too little and far too late".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ana Ruiz", "PERSON")} },
			[]want{
				{"breaking every promise it made", "Ana Ruiz", "PERSON", "accusing", 0},
				{"too little and far too late", "deputy", "PERSON", "dismissed", 0}}},
		{"a definite description with a from-phrase renames the person named before",
			`Senator Mara Quist led the debate. "We were not consulted," the senator from Hollis added.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Mara Quist", "PERSON")} },
			[]want{{"We were not consulted,", "Mara Quist", "PERSON", "added", 0}}},
		{"a noun for a kind of person with no antecedent is no one named before",
			`Jockey Tom Vale rode the winner, trained by Karl Brun. "He ran like a dream," the trainer said.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Tom Vale", "PERSON"), entity(b, "Karl Brun", "PERSON")}
			},
			[]want{{"He ran like a dream,", "trainer", "PERSON", "said", 0}}},
		{"a noun for a kind of person with no one named stays the description",
			`The junior final ended late on Sunday. "My legs were shaking the whole time," the teenager admitted.`, nil,
			[]want{{"My legs were shaking the whole time,", "teenager", "PERSON", "admitted", 0}}},
		{"a statement from an organisation read: its words, not the verb",
			`Kestrel Rail cancelled all trains on Monday. A statement from the company read: "We apologise to every passenger affected."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Kestrel Rail", "ORG")} },
			[]want{{"We apologise to every passenger affected.", "Kestrel Rail", "ORG", "read", 0}}},
		{"once after its subject is an adverb, and the relayed speaker speaks",
			`Pavel Novak testified that Dorn once told him: "Nothing moves in this town without my signature."`, nil,
			[]want{{"Nothing moves in this town without my signature.", "Dorn", "PERSON", "told", 0}}},
		{"a participle in a sentence with its own subject after a quote is that subject's",
			`"We will win this seat," Mayor Tom Reyes said. His running mate, Clara Voss, went further, telling the Daily Post that the race had been "the dirtiest this city has seen".`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Tom Reyes", "PERSON"), entity(b, "Clara Voss", "PERSON")}
			},
			[]want{
				{"We will win this seat,", "Tom Reyes", "PERSON", "said", 0},
				{"the dirtiest this city has seen", "Clara Voss", "PERSON", "telling", 0}}},
		{"a given name from the generated lists tells the referent's sex",
			`Mayor Thiago Bezerra met Councillor Aminata Diallo on Monday. "The buses will run again by June," she said.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Thiago Bezerra", "PERSON"), entity(b, "Aminata Diallo", "PERSON")}
			},
			[]want{{"The buses will run again by June,", "Aminata Diallo", "PERSON", "said", 0}}},
		{"a short East Asian family name first tells no sex",
			`Political scientist Ma Lun said turnout was high. He noted, "The public has shown its position."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ma Lun", "PERSON")} },
			[]want{{"The public has shown its position.", "Ma Lun", "PERSON", "noted", 0}}},
		{"a singular nationality noun, definite, renames the person just named",
			`Lars Ekdahl won the race in Monaco. "I left him just enough room on the inside," the 22-year-old Swede told reporters.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Lars Ekdahl", "PERSON"), entity(b, "Monaco", "GPE"), entity(b, "Swede", "NORP")}
			},
			[]want{{"I left him just enough room on the inside,", "Lars Ekdahl", "PERSON", "told", 0}}},
		{"an office no one is named under speaks through its pronoun",
			`Turnout was the lowest since the end of the Second World War. Speaking in Osaka, the Prime Minister said voters wanted stability. "The people have given us a clear mandate," he told reporters.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Osaka", "GPE")} },
			[]want{{"The people have given us a clear mandate,", "Prime Minister", "PERSON", "told", 0}}},
		{"a title inside a name's of-phrase is no office that speaks",
			`Mayor Ines Marot said workers had saved the Crown of Thorns. "They are safe now," she wrote.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ines Marot", "PERSON")} },
			[]want{{"They are safe now,", "Ines Marot", "PERSON", "wrote", 0}}},
		{"the office of a title no one is named under speaks as the office",
			`Nine people died on the coast road. In a statement, the Prime Minister's office said the government was "deeply saddened by this accident".`, nil,
			[]want{{"deeply saddened by this accident", "Prime Minister's office", "ORG", "said", 0}}},
		{"an institution's noun renames only an organisation called so",
			`The Harlow District Court jailed a former engineer on Friday. The company he worked for lost its lead in batteries. In its ruling, the court said the leak had done "serious damage to the whole industry".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Harlow District Court", "ORG")} },
			[]want{{"serious damage to the whole industry", "Harlow District Court", "ORG", "said", 0}}},
		{"an office alone as the subject of a coordinated cue speaks as the office",
			`Speaking before the vote, the Prime Minister stood up and accused the opposition of "playing games with the country".`, nil,
			[]want{{"playing games with the country", "Prime Minister", "PERSON", "accused", 0}}},
		{"a police rank's abbreviation ends no sentence",
			`"This was planned for weeks," the lead investigator, Det. Insp. Mara Quist, said on Tuesday.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Mara Quist", "PERSON")} },
			[]want{{"This was planned for weeks,", "Mara Quist", "PERSON", "said", 0}}},
		{"someone's response or answer speaks for them",
			`Councillor Tom Reyes said little on Monday. Reyes's answer was short: "The budget is closed for this year."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Tom Reyes", "PERSON")} },
			[]want{{"The budget is closed for this year.", "Tom Reyes", "PERSON", "was", 0}}},
		{"a sign with no owner is carried by the group just named",
			`Hundreds of farmers blocked the ring road on Monday. "No farms, no food, no future," one placard read.`, nil,
			[]want{{"No farms, no food, no future,", "Hundreds of farmers", "GROUP", "read", 0}}},
		{"the one who asked may speak in the next sentence",
			`Questioned by detective Ana Ruiz for six hours, the suspect finally confessed. "He was calm the whole time," she said later.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ana Ruiz", "PERSON")} },
			[]want{{"He was calm the whole time,", "Ana Ruiz", "PERSON", "said", 0}}},
		{"an office is a referent of last resort, after a person named nearer",
			`The Prime Minister met union leaders on Tuesday. One of them, Tom Vale, said the talks had gone well. "He listened to us for once," he told reporters.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Tom Vale", "PERSON")} },
			[]want{{"He listened to us for once,", "Tom Vale", "PERSON", "told", 0}}},
		{"a nickname before the cue's subject leaves the quote a quote",
			`Prosecutors say the man nicknamed Smiley told police "I did it myself" when he was arrested.`, nil,
			[]want{{"I did it myself", "Smiley", "PERSON", "told", 0}}},
		{"the subject after a question keeps its appositive name",
			`Asked about the report, the company's chief executive, Ivo Rask, was defiant: "We did nothing wrong."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ivo Rask", "PERSON")} },
			[]want{{"We did nothing wrong.", "Ivo Rask", "PERSON", "was defiant", 0}}},
		{"the minister is not a deputy minister named with a longer title",
			`The deal was signed by Foreign Minister Anika Dahl and Deputy Foreign Minister Pavel Gromov. Dahl called it "about saving lives". The foreign minister added, "Minutes matter at sea."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Anika Dahl", "PERSON"), entity(b, "Pavel Gromov", "PERSON")}
			},
			[]want{
				{"about saving lives", "Anika Dahl", "PERSON", "called", 0},
				{"Minutes matter at sea.", "Anika Dahl", "PERSON", "added", 0}}},
		{"which after a described organisation or group is that body",
			`The mayor, Ines Marot, faced criticism from the opposition, which accused the council of "learning nothing from the floods".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ines Marot", "PERSON")} },
			[]want{{"learning nothing from the floods", "opposition", "GROUP", "accused", 0}}},
		{"a nationality noun renames the person the article ties to that nation, not the last one named",
			`Erik Lund of Sweden reached the semi-finals on Tuesday. He will face Rafael Nunez, who beat Tom Ford in straight sets. "I am ready for anything," the Swede said.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Erik Lund", "PERSON"), entity(b, "Sweden", "GPE"), entity(b, "Rafael Nunez", "PERSON"), entity(b, "Tom Ford", "PERSON"), entity(b, "Swede", "NORP")}
			},
			[]want{{"I am ready for anything,", "Erik Lund", "PERSON", "said", 0}}},
		{"words reported as someone's claim are theirs, not the one rejecting it",
			`Mayor Tom Vale rejected Councillor Ana Ruiz's claim that the scheme was "a total waste of public money".`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Tom Vale", "PERSON"), entity(b, "Ana Ruiz", "PERSON")}
			},
			[]want{{"a total waste of public money", "Ana Ruiz", "PERSON", "rejected", 0}}},
		{"an age noun before a bare cue is its subject, not part of a compound",
			`Kenji Mori returned to Osaka on Friday after six months abroad. As the 71-year-old put it on his arrival, "Nobody decides where I eat my lunch."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Kenji Mori", "PERSON"), entity(b, "Osaka", "GPE")}
			},
			[]want{{"Nobody decides where I eat my lunch.", "Kenji Mori", "PERSON", "put it", 0}}},
		{"subject before the cue",
			`Senator Alma Reyes said "the budget leaves rural schools without any help."`, nil,
			[]want{{"the budget leaves rural schools without any help.", "Alma Reyes", "PERSON", "said", 0}}},
		{"a cue coordinated with the one before the previous quote shares its subject",
			`Councillor Ben Achterberg called the plan "a waste of good land" and said he would "vote against it at every stage".`, nil,
			[]want{
				{"a waste of good land", "Ben Achterberg", "PERSON", "called", 0},
				{"vote against it at every stage", "Ben Achterberg", "PERSON", "said", 0}}},
		{"a passive cue with no agent leaves the words to the cue that governs it",
			`The school board said it had been asked to cut two classes "to balance the books by the spring," and that teachers would stay.`, nil,
			[]want{{"to balance the books by the spring,", "school board", "ORG", "said", 0}}},
		{"a subject that cannot speak leaves the words to the cue that governs it",
			`The ferry operator said two boats were out of service and that sailings would continue "with longer gaps between them until May."`, nil,
			[]want{{"with longer gaps between them until May.", "ferry operator", "PERSON", "said", 0}}},
		{"a report's owner through its possessive pronoun, past an adjective made from a place",
			`Harbor Foods said on Monday it would close ten shops. The Leeds-based company's profit fell, according to its annual report. The report said the year had been "hit by a wet summer and by higher costs for almost everything."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Harbor Foods", "ORG")} },
			[]want{{"hit by a wet summer and by higher costs for almost everything.", "Harbor Foods", "ORG", "said", 0}}},
		{"a modifier in a described speaker is no antecedent of a description",
			`Korvan Steel cut 200 jobs on Monday. "We made our best offer," a company spokesman said. The company said output would fall and that the plant would run "with a skeleton crew of managers."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Korvan Steel", "ORG")} },
			[]want{
				{"We made our best offer,", "company spokesman", "PERSON", "said", 0},
				{"with a skeleton crew of managers.", "Korvan Steel", "ORG", "said", 0}}},
		{"quotes in a list each take the cue before them",
			`Reactions to the offer split three ways: Okonjo called it "a cut dressed up as a rise", Baptiste described it as "a start we can build on", and Ferreira warned that her members would "vote on it next week" in every depot.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Okonjo", "PERSON"), entity(b, "Baptiste", "PERSON"), entity(b, "Ferreira", "PERSON")}
			},
			[]want{
				{"a cut dressed up as a rise", "Okonjo", "PERSON", "called", 0},
				{"a start we can build on", "Baptiste", "PERSON", "described", 0},
				{"vote on it next week", "Ferreira", "PERSON", "warned", 0}}},
		{"according to is no part of a description a pronoun refers to",
			`According to the Dutch scientist, two of the samples were lost in transit, a fact she said "nobody had written down until now."`, nil,
			[]want{{"nobody had written down until now.", "Dutch scientist", "PERSON", "said", 0}}},
		{"an age in apposition names the person an age noun describes",
			`Tomas Lind, 61, lost the council vote. Erik Sand won it easily. Asked about the result, the 61-year-old said it was "a fair fight and a clean one."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Tomas Lind", "PERSON"), entity(b, "Erik Sand", "PERSON")}
			},
			[]want{{"a fair fight and a clean one.", "Tomas Lind", "PERSON", "said", 0}}},
		{"a description starts after the last determiner before its head",
			`Ana Kovac was sentenced on Friday. Earlier that day the prosecutor had said Kovac showed "no remorse at any point in the trial."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ana Kovac", "PERSON")} },
			[]want{{"no remorse at any point in the trial.", "prosecutor", "PERSON", "said", 0}}},
		{"a participle clause after the quote has no subject of its own",
			`The mayor, Ines Falk, said the bridge had been closed "for the safety of every driver", citing reports showing cracks in two piers.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ines Falk", "PERSON")} },
			[]want{{"for the safety of every driver", "Ines Falk", "PERSON", "said", 0}}},
		{"a text quoting someone gives that person's words",
			`"We have found the cause of the leak," the notice on the gate said, quoting chief engineer Lena Brandt.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Lena Brandt", "PERSON")} },
			[]want{{"We have found the cause of the leak,", "Lena Brandt", "PERSON", "said", 0}}},
		{"a post on someone's page is theirs, not the platform's",
			`Senator Ruth Okafor left the chamber before the vote. A message on her office door later read: "I will not vote for a bill I have not been allowed to read."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Ruth Okafor", "PERSON"), entity(b, "Instagram", "ORG")}
			},
			[]want{{"I will not vote for a bill I have not been allowed to read.", "Ruth Okafor", "PERSON", "read", 0}}},
		{"a description names the person in apposition after its phrase",
			`Kenya's envoy to the talks, Wanjiru Kamau, arrived late. Paul Otieno spoke first. "We came to sign, not to talk," the envoy said.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Wanjiru Kamau", "PERSON"), entity(b, "Paul Otieno", "PERSON")}
			},
			[]want{{"We came to sign, not to talk,", "Wanjiru Kamau", "PERSON", "said", 0}}},
		{"a name in apposition after according to is the source",
			`According to the chair of the inquiry, judge Mette Holm, the files had been "kept in a basement nobody could enter."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Mette Holm", "PERSON")} },
			[]want{{"kept in a basement nobody could enter.", "Mette Holm", "PERSON", "According to", 0}}},
		{"a name after an organisation noun is the organisation",
			`On Monday the campaign group Kustwacht Noord said it would "send two boats to the coast tonight."`, nil,
			[]want{{"send two boats to the coast tonight.", "Kustwacht Noord", "ORG", "said", 0}}},
		{"an office's owner across a modifier",
			`Asked about the arrests, the Interpol's regional office in Lyon replied that it remained "in contact with both families."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Interpol", "ORG")} },
			[]want{{"in contact with both families.", "Interpol", "ORG", "replied", 0}}},
		{"a participle cue after the previous quote's attribution keeps its speaker",
			`"We count what we see," Lars Berg said, adding that his team had been stopped at two roadblocks "by men who gave no names."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Lars Berg", "PERSON")} },
			[]want{
				{"We count what we see,", "Lars Berg", "PERSON", "said", 0},
				{"by men who gave no names.", "Lars Berg", "PERSON", "adding", 0}}},
		{"a participle whose subject cannot speak leaves the words to the governing cue",
			`The water board said in a letter sent to every home that taps would run "brown for a week at most."`, nil,
			[]want{{"brown for a week at most.", "water board", "ORG", "said", 0}}},
		{"who after an event of a named person is that person",
			`The vote prompted the resignation of Maria Holt, the housing minister, who wrote in her letter that she no longer believed "this plan can fix the crisis."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Maria Holt", "PERSON")} },
			[]want{{"this plan can fix the crisis.", "Maria Holt", "PERSON", "wrote", 0}}},
		{"the name a sentence opens with speaks past a long aside",
			`Paul Ndlovu, a teacher who lost his wife, two sons and his home in the flood, said in a message to reporters: "Nothing will bring them back."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Paul Ndlovu", "PERSON")} },
			[]want{{"Nothing will bring them back.", "Paul Ndlovu", "PERSON", "said", 0}}},
		{"a floating quantifier is no part of the speaker",
			`Ana Lind and Tom Sato both said the deal was "the best we could get."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Ana Lind", "PERSON"), entity(b, "Tom Sato", "PERSON")}
			},
			[]want{{"the best we could get.", "Tom Sato", "PERSON", "said", 0}}},
		{"a report's issuer past an aside opened by a comma",
			`The report, published Monday by the Harbour Institute, warned that "the coast will flood every winter by 2040."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Harbour Institute", "ORG")} },
			[]want{{"the coast will flood every winter by 2040.", "Harbour Institute", "ORG", "warned", 0}}},
		{"a name in apposition inside a participle aside is no subject",
			`Director Kim Sang-ho, speaking through his interpreter, Ana Lee, then joked that he would "share the prize with everyone in this room."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Kim Sang-ho", "PERSON"), entity(b, "Ana Lee", "PERSON")}
			},
			[]want{{"share the prize with everyone in this room.", "Kim Sang-ho", "PERSON", "joked", 0}}},
		{"a statement on an organisation's website is the organisation's",
			`Kestrel Foods said it would close ten shops. A statement on the company website read: "We apologise to all our customers."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Kestrel Foods", "ORG")} },
			[]want{{"We apologise to all our customers.", "Kestrel Foods", "ORG", "read", 0}}},
		{"an -ing adjective opens a subject after a quote",
			`"We cannot live on this pay," striking porters said on Tuesday.`, nil,
			[]want{{"We cannot live on this pay,", "striking porters", "GROUP", "said", 0}}},
		{"a collective noun before a verb of speech speaks",
			`Stewards said the crowd chanted "out, out, out tonight".`, nil,
			[]want{{"out, out, out tonight", "crowd", "GROUP", "chanted", 0}}},
		{"a name after according to an organisation is no source",
			`According to police, Ivo Rask, a local farmer, was "shouting and screaming" before the crash.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ivo Rask", "PERSON")} },
			[]want{{"shouting and screaming", "police", "ORG", "According to", 0}}},
		{"a person quoting figures keeps the words",
			`"The numbers are simply wrong," Ivo Rask said, quoting figures from the health ministry.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ivo Rask", "PERSON")} },
			[]want{{"The numbers are simply wrong,", "Ivo Rask", "PERSON", "said", 0}}},
		{"which speaks for the organisation named before it",
			`The lottery firm, the Kestrel Group, which wrote that it had "no record of the ticket", declined to say more.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Kestrel Group", "ORG")} },
			[]want{{"no record of the ticket", "Kestrel Group", "ORG", "wrote", 0}}},
		{"the president is not the vice president",
			`President Ana Lopes and Vice President Rui Mota met the unions. "We will not raise the tax this year," the president said.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Ana Lopes", "PERSON"), entity(b, "Rui Mota", "PERSON")}
			},
			[]want{{"We will not raise the tax this year,", "Ana Lopes", "PERSON", "said", 0}}},
		{"a subject that cannot speak before a cue leaves the words to the governing cue",
			`Opposition leader Rosa Ferraz said the result showed anger in towns "that nobody has listened to for years".`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Rosa Ferraz", "PERSON")} },
			[]want{{"that nobody has listened to for years", "Rosa Ferraz", "PERSON", "said", 0}}},
		{"a pronoun refers to the name in apposition after the head's phrase",
			`A spokeswoman for the port authority, Lotte Vermeer, spoke to reporters on Monday. Asked about the delays, she said: "Every ship will be unloaded by Friday."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Lotte Vermeer", "PERSON")} },
			[]want{{"Every ship will be unloaded by Friday.", "Lotte Vermeer", "PERSON", "said", 0}}},
		{"subject with an appositive",
			`Alma Reyes, the chair of the committee, said "we will vote on the bill next week."`, nil,
			[]want{{"we will vote on the bill next week.", "Alma Reyes", "PERSON", "said", 0}}},
		{"title in front, name in the appositive",
			`The committee chair, Alma Reyes, said "we will vote on the bill next week."`, nil,
			[]want{{"we will vote on the bill next week.", "Alma Reyes", "PERSON", "said", 0}}},
		{"according to",
			`According to Tom Berger, "the shelter has room for two hundred people."`, nil,
			[]want{{"the shelter has room for two hundred people.", "Tom Berger", "PERSON", "According to", 0}}},
		{"pronoun resolves to the last named person",
			`Alma Reyes spoke after the vote. "We lost this round but not the fight," she said.`, nil,
			[]want{{"We lost this round but not the fight,", "Alma Reyes", "PERSON", "said", 0}}},
		{"description resolves to the fuller description",
			"A hospital spokeswoman declined to give numbers. \"We are at full capacity tonight,\" the spokeswoman added.", nil,
			[]want{{"We are at full capacity tonight,", "hospital spokeswoman", "PERSON", "added", 0}}},
		{"unnamed speaker is not replaced by a nearby name",
			`Tom Berger was not at the scene. A police spokesman said "the road will stay closed overnight."`, nil,
			[]want{{"the road will stay closed overnight.", "police spokesman", "PERSON", "said", 0}}},
		{"continuation paragraph inherits the speaker",
			"\"The dam held,\" Ana Diaz said.\n\n\"We will inspect it again in the morning.\"", nil,
			[]want{
				{"The dam held,", "Ana Diaz", "PERSON", "said", 0},
				{"We will inspect it again in the morning.", "Ana Diaz", "PERSON", "", 1}}},
		{"group speaker",
			`Some of the protesters said they came to "defend the right to work in Europe".`, nil,
			[]want{{"defend the right to work in Europe", "protesters", "GROUP", "said", 0}}},
		{"organisation speaker from an entity",
			`The Health Ministry said in a statement that "all clinics will stay open."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Health Ministry", "ORG")} },
			[]want{{"all clinics will stay open.", "Health Ministry", "ORG", "said", 0}}},
		{"entity canonical name for a surname",
			vargaBody,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "David Helvey", "PERSON", "Helvey")}
			},
			[]want{{"Our timetable depends on the weather,", "Daniel Varga", "PERSON", "told", 0}}},
		{"fullest name in the article without entities",
			vargaBody, nil,
			[]want{{"Our timetable depends on the weather,", "Daniel Varga", "PERSON", "told", 0}}},
		{"statement owner speaks",
			`Brightwater released a statement which read, in part, "this ruling leaves many questions open."`, nil,
			[]want{{"this ruling leaves many questions open.", "Brightwater", "", "read", 0}}},
		{"colon after the subject's clause",
			`Former deputy director Karen Holt praised him online: "He was one of the finest pilots we ever trained."`, nil,
			[]want{{"He was one of the finest pilots we ever trained.", "Karen Holt", "PERSON", "praised", 0}}},
		{"a full quote with no cue after a sentence about a person",
			"Ana Diaz left the stage early. \"This is not what I wanted to do with my evening.\"", nil,
			[]want{{"This is not what I wanted to do with my evening.", "Ana Diaz", "PERSON", "", 0}}},
		{"a partial quote with no cue gets no speaker",
			`Ana Diaz visited the valley. The damage there was "worse than anything seen before" in the region.`, nil,
			[]want{{"worse than anything seen before", "", "", "", 0}}},
		{"a place speaking through its government is an organisation",
			`"We cannot pay for a second bridge," the county said in a statement.`, nil,
			[]want{{"We cannot pay for a second bridge,", "county", "ORG", "said", 0}}},
		{"words after a comma that ask nothing are reported, not a named question",
			`The form, which has dozens of questions, "must be signed by a lawyer", the agency said.`, nil,
			[]want{{"must be signed by a lawyer", "agency", "ORG", "said", 0}}},
		{"who obtained a text did not write it",
			`An internal email obtained by Reuters warns that "the budget will run out by May."`, nil,
			[]want{{"the budget will run out by May.", "", "", "", 0}}},
		{"who sent a text wrote it",
			`A statement emailed by the club said "the match will go ahead as planned."`, nil,
			[]want{{"the match will go ahead as planned.", "club", "ORG", "said", 0}}},
		{"passive cue names its agent",
			`The ship's course was described by the harbour master as "rather hectic and confused".`, nil,
			[]want{{"rather hectic and confused", "harbour master", "PERSON", "described", 0}}},
		{"an aside between dashes holds no cue",
			`Speaker Ruth Ames commented on the vote — which the Herald called unusual — "this is a breach of every rule we have."`, nil,
			[]want{{"this is a breach of every rule we have.", "Ruth Ames", "PERSON", "commented", 0}}},
		{"a relative who speaks for the person before it",
			`The survey was led by Omar Nadim, a soil scientist at Lakeside College, who said "better drainage can save most of these fields."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Omar Nadim", "PERSON"), entity(b, "Lakeside College", "ORG")}
			},
			[]want{{"better drainage can save most of these fields.", "Omar Nadim", "PERSON", "said", 0}}},
		{"who after a person introduced by of is not that person",
			`The BBC interviewed a friend of John Smith who said "he was a kind man."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "BBC", "ORG"), entity(b, "John Smith", "PERSON")}
			},
			[]want{{"he was a kind man.", "friend", "PERSON", "said", 0}}},
		{"a capitalised name after a quote inside a sentence is no speaker; the chanting subject is",
			`Supporters chanted "Lock her up, lock her up, lock her up" Donald Trump said afterwards he had not encouraged it.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Donald Trump", "PERSON")} },
			[]want{{"Lock her up, lock her up, lock her up", "Supporters", "GROUP", "chanted", 0}}},
		{"no comma between the quote and a named speaker",
			`Peter Lund works at the port. "It is likely that the radio had been switched off by the crew" Lund told reporters yesterday.`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Peter Lund", "PERSON", "Lund")}
			},
			[]want{{"It is likely that the radio had been switched off by the crew", "Peter Lund", "PERSON", "told", 0}}},
		{"according to at the end of the quote's sentence",
			`The boiler was found "cracked along its whole length" under the floor of the cellar, according to investigators.`, nil,
			[]want{{"cracked along its whole length", "investigators", "", "according to", 0}}},
		{"the person in a subject speaks, not the organisation before it",
			`Former NATO deputy commander Karen Holt praised Varga online: "He was one of the finest pilots we ever trained."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "NATO", "ORG"), entity(b, "Karen Holt", "PERSON"), entity(b, "Varga", "PERSON")}
			},
			[]want{{"He was one of the finest pilots we ever trained.", "Karen Holt", "PERSON", "praised", 0}}},
		{"a preposition inside a name does not end the subject's head",
			`Chamber of Deputies Speaker Ruth Ames said "the reason is plain for everyone to see."`,
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Chamber of Deputies", "ORG"), entity(b, "Ruth Ames", "PERSON")}
			},
			[]want{{"the reason is plain for everyone to see.", "Ruth Ames", "PERSON", "said", 0}}},
		{"reacted is a cue",
			`Mick Jagger also reacted on Twitter, "Sad news hearing that Ginger Baker has died."`, nil,
			[]want{{"Sad news hearing that Ginger Baker has died.", "Mick Jagger", "PERSON", "reacted", 0}}},
		{"a description resolves to the name in apposition after it",
			`The city's finance director, Mark Olsen, told reporters the reserves were healthy. "There is no deficit coming," the director said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Mark Olsen", "PERSON")} },
			[]want{{"There is no deficit coming,", "Mark Olsen", "PERSON", "said", 0}}},
		{"a description far back resolves when the paragraph names the same person",
			"Residents of Port Ellery were evacuated on Tuesday after a storm surge breached the town's sea wall. Mayor Linda Okafor, who declared a state of emergency, said crews worked through the night.\n\n" +
				"\"We have never seen water this high,\" Okafor told reporters. \"The wall was built for a storm like this, and it failed.\"\n\n" +
				"The national weather service had warned of the surge two days earlier. Its chief forecaster, Tom Reyes, defended the warning. \"We issued the alert on Sunday,\" he said. \"Everyone had time to leave.\"\n\n" +
				"Okafor disagreed. She said the alert came too late for the elderly. \"Many of them had no way to get out,\" she said.\n\n" +
				"Local resident Peter Walsh, 67, lost his home. \"Everything is gone,\" Walsh said. \"My wife's photographs, my father's tools, all of it.\"\n\n" +
				"According to Reyes, more storms are expected this winter. \"This is the new normal,\" the forecaster said.\n\n" +
				"The town council will meet on Friday. A council spokeswoman said the meeting would decide \"how and where to rebuild\".",
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Linda Okafor", "PERSON", "Okafor"), entity(b, "Tom Reyes", "PERSON", "Reyes"), entity(b, "Peter Walsh", "PERSON", "Walsh")}
			},
			[]want{
				{"We have never seen water this high,", "Linda Okafor", "PERSON", "told", 1},
				{"The wall was built for a storm like this, and it failed.", "Linda Okafor", "PERSON", "", 1},
				{"We issued the alert on Sunday,", "Tom Reyes", "PERSON", "said", 2},
				{"Everyone had time to leave.", "Tom Reyes", "PERSON", "", 2},
				{"Many of them had no way to get out,", "Linda Okafor", "PERSON", "said", 3},
				{"Everything is gone,", "Peter Walsh", "PERSON", "said", 4},
				{"My wife's photographs, my father's tools, all of it.", "Peter Walsh", "PERSON", "", 4},
				{"This is the new normal,", "Tom Reyes", "PERSON", "said", 5},
				{"how and where to rebuild", "council spokeswoman", "PERSON", "said", 6}}},
		{"a group's plural speaks, its adjective does not",
			`"We will block this bill," Democrats said on Monday. A Democratic aide called it "a bad day for the country."`,
			func(b string) []article.Entity {
				e := entity(b, "Democrats", "NORP")
				e.Name = "Democrat"
				return []article.Entity{e}
			},
			[]want{{"We will block this bill,", "Democrats", "GROUP", "said", 0}, {"a bad day for the country.", "Democratic aide", "PERSON", "called", 0}}},
		{"a possessor entity is a pronoun's referent",
			`Actor Tom Vale's appearance at the festival followed a long shoot with The Silver Coast crew. He quipped "I still have sand in my boots."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Tom Vale", "PERSON")} },
			[]want{{"I still have sand in my boots.", "Tom Vale", "PERSON", "quipped", 0}}},
		{"a news show is no cue",
			`Mayor Tom Reyes spoke on the station's morning news show City Today when he made the announcement: "It is clearly not my time."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Tom Reyes", "PERSON")} },
			[]want{{"It is clearly not my time.", "Tom Reyes", "PERSON", "spoke", 0}}},
		{"no speaker when the article gives none",
			`"Revoke the law now" poster at the march.`, nil,
			[]want{{"Revoke the law now", "", "", "", 0}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ents []article.Entity
			if tc.ents != nil {
				ents = tc.ents(tc.body)
			}
			checkQuotes(t, tc.body, ents, tc.wants)
		})
	}
}

func TestSeedArticle(t *testing.T) {
	body := "A State Department spokeswoman declined to comment on the conversation's specifics, though she emphasized America’s growing frustration with \"Iran-backed groups launching rockets at our Embassy.\"\n\n" +
		"\"We've long maintained that our force presence in Afghanistan is conditions-based,\" David Helvey, acting assistant secretary of defense for Indo-Pacific Security Affairs, told Congress. \"The president [decided] that the conditions of Afghanistan were sufficient to reduce our force presence.\""
	checkQuotes(t, body, nil, []want{
		{"Iran-backed groups launching rockets at our Embassy.", "State Department spokeswoman", "PERSON", "emphasized", 0},
		{"We've long maintained that our force presence in Afghanistan is conditions-based,", "David Helvey", "PERSON", "told", 1},
		{"The president [decided] that the conditions of Afghanistan were sufficient to reduce our force presence.", "David Helvey", "PERSON", "", 1},
	})
}

func TestCountQuotes(t *testing.T) {
	ents := []article.Entity{{Name: "Ana Diaz", Type: "PERSON"}, {Name: "Tom Berger", Type: "PERSON"}}
	CountQuotes(ents, []article.Quote{{Speaker: "Ana Diaz"}, {Speaker: "Ana Diaz"}, {Speaker: "someone"}})
	if ents[0].Quotes != 2 || ents[1].Quotes != 0 {
		t.Fatalf("counts %d, %d; want 2, 0", ents[0].Quotes, ents[1].Quotes)
	}
}

// TestConcurrent runs one Extractor from many goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	body := `"The first part is done," Ana Diaz said, "and the second part starts next week."`
	x := New()
	want := x.Extract(body, nil)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				got := Extract(body, nil)
				if len(got) != len(want) || got[0] != want[0] {
					t.Errorf("concurrent result differs: %+v", got)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestOptions(t *testing.T) {
	body := `She called it "bad idea" and left, Ana Diaz said.`
	if n := len(New().Extract(body, nil)); n != 0 {
		t.Fatalf("default: %d quotes, want 0 (two words)", n)
	}
	if n := len(New(WithMinPartialWords(2)).Extract(body, nil)); n != 1 {
		t.Fatalf("WithMinPartialWords(2): %d quotes, want 1", n)
	}
	cue := `"We are ready for the storm," Ana Diaz grumbled.`
	if q := New(WithCues("grumbled")).Extract(cue, nil); len(q) != 1 || q[0].Speaker != "Ana Diaz" || q[0].Cue != "grumbled" {
		t.Fatalf("WithCues: %+v", q)
	}
}

func TestCollectiveDemonym(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"french", true}, {"swiss", true}, {"japanese", true}, {"dutch", true}, {"british", true},
		{"swede", false}, {"nigerian", false}, {"democrat", false}, {"argentine", false},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			if got := collectiveDemonym(tc.word); got != tc.want {
				t.Errorf("collectiveDemonym(%q) = %v, want %v", tc.word, got, tc.want)
			}
		})
	}
}
