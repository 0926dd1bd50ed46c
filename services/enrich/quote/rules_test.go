package quote

import (
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

// TestRules runs each attribution rule of the table on sentences written
// for it and checks that the rule fired (its name is the quote's trace) and
// named the right speaker. Every rule of the table must have a case.
func TestRules(t *testing.T) {
	tests := []struct {
		rule    string // the trace expected, rule name first
		name    string
		body    string
		q       int // index of the quote checked
		speaker string
	}{
		{"source_after_cue_before", "according to after the quote names who relayed it, the subject before speaks",
			`Mia Park called the scheme "a gift to the rich and nothing else," according to her aides.`, 0, "Mia Park"},
		{"cue_before", "an outlet after according to is no speaker; the subject before speaks",
			`Mia Park called the scheme "a gift to the rich and nothing else," according to the Gazette.`, 0, "Mia Park"},
		{"sign_reading", "a sign's words are its carrier's",
			`In Lyon, retired nurse Ana Petit carried a placard that read "Our hands are tired" past the town hall.`, 0, "Ana Petit"},
		{"sign_reading", "placards carried by a group are the group's",
			`Marchers in central Lyon carried placards reading "Not one more year", referring to the reform.`, 0, "Marchers"},
		{"sign_reading", "one of the signs a group carried",
			`Hundreds of tenants marched to city hall carrying handmade signs. One read "Where will our children sleep?", while another simply said "No to eviction".`, 1, "tenants"},
		{"cue_after", "name then cue after the quote",
			`"The roof could fall in at any moment," Ravi Shah said.`, 0, "Ravi Shah"},
		{"cue_after", "inverted cue with a role and the name in apposition",
			`"We will win this seat back," said the senator from Ohio, John Roe.`, 0, "John Roe"},
		{"cue_after", "name with an appositive before the cue",
			`"The hospital ignored every warning," Jane Doe, a lawyer for the family, told reporters.`, 0, "Jane Doe"},
		{"cue_after", "an unnamed spokesperson for a body is the description with whom she speaks for",
			`"Talks will resume in March," a spokeswoman for the Tarvel Ministry of Trade said.`, 0, "spokeswoman for the Tarvel Ministry of Trade"},
		{"cue_after", "a possessive opens the role before a name in apposition",
			"Senator Lia Moss was taken to hospital.\n\n\"The senator is resting comfortably,\" her spokeswoman, Ana Diaz, told reporters.", 0, "Ana Diaz"},
		{"cue_before", "an and inside an organisation's name after of joins no second speaker",
			`Lead author Lena Ortiz of the Kestrel Institute for Ocean Science and Technology (KIOST) said, "We saw the bloom form within days."`, 0, "Lena Ortiz"},
		{"cue_after", "a voice verb is a cue",
			`"That is a fantasy and nothing more," Ravi Shah scoffed.`, 0, "Ravi Shah"},
		{"cue_before.description", "the role whose statement reads is the person titled with it",
			"Judge Ravi Shah dismissed the case on Friday.\n\nPart of the judge's ruling reads: \"The evidence was gathered unlawfully.\"", 0, "Ravi Shah"},
		{"cue_after", "two roles joined by and before one name",
			`"The stripes confuse the flies," said study co-author and research fellow Lena Ortiz.`, 0, "Lena Ortiz"},
		{"cue_after", "a retort with a particle is a cue, not a continuation of the one retorted to",
			"Omar Haddad mocked his rival's record.\n\n\"Leave my family out of this debate,\" Lena Ortiz shot back.", 0, "Lena Ortiz"},
		{"cue_after.pronoun", "a fiscal-year code is no referent of it",
			"Economists at Kestrel Capital said policymakers had been slow. It can be noted that growth was estimated to slide to 5 per cent for FY20 even before the floods. \"Despite the support so far, we believe activity will fall sharply,\" it said.", 0, "Kestrel Capital"},
		{"cue_after.pronoun", "a party-and-state tag in brackets is no referent",
			"Rep. Lena Ortiz (D-Ore.) voted against the bill on Monday.\n\n\"It does nothing for renters,\" she said.", 0, "Lena Ortiz"},
		{"cue_before", "a party-and-state tag between commas is an aside, not the subject",
			`A spokeswoman for Sen. Ravi Shah, R-Texas, said the senator had "serious doubts about the timing."`, 0, "spokeswoman for Sen. Ravi Shah"},
		{"cue_after.pronoun", "a subject after a sentence-opening And is the clause subject a pronoun looks for",
			"Omar Haddad stayed away from the budget. And Ravi Shah, a critic of the deal, again attacked the ministry. \"Level with the voters for once,\" he said.", 0, "Ravi Shah"},
		{"cue_before", "a cue that asks for something, reported under a verb of saying, leaves the quote to the teller",
			`Lena Ortiz told councillors the auditors had asked for the accounts in May, "just a few weeks ago".`, 0, "Lena Ortiz"},
		{"cue_before", "a promise reported under a verb of saying, its words right after to, is the promiser's",
			`Lena Ortiz said the mayor had promised to "repair every road by the winter."`, 0, "mayor"},
		{"cue_after.pronoun", "a pronoun resolves to the person named before",
			"Lena Ortiz opened the new library on Friday.\n\n\"Books change lives,\" she said.", 0, "Lena Ortiz"},
		{"cue_after.description", "the union renames a guild or a workers' body",
			"The Harbour Dockers Guild rejected the offer on Monday.\n\n\"Our members deserve better,\" the union said.", 0, "Harbour Dockers Guild"},
		{"cue_after.description", "the organisation noun resolves to the organisation",
			"Brightwater Holdings announced 300 job cuts last week.\n\n\"The decision was difficult,\" the company said.", 0, "Brightwater Holdings"},
		{"cue_after.pronoun", "the subject of a relative clause is not the pronoun's referent",
			"Refusing to resign, Ravi Shah agreed to a deal in which Omar Haddad became his deputy. \"Nobody will remove me,\" he declared.", 0, "Ravi Shah"},
		{"cue_after.pronoun", "a name in apposition to a subject description is the referent",
			"His coach, Helen Marsh, was delighted with the result.\n\n\"He was brilliant today,\" she said.", 0, "Helen Marsh"},
		{"cue_after.description", "an inverted cue with a description by age",
			"Ravi Shah scored twice.\n\n\"It was the best day of my life,\" said the 23-year-old.", 0, "Ravi Shah"},
		{"cue_after.description", "a role in apposition after an age",
			"Helen Marsh, 52, a nurse from the town, was among the first to arrive.\n\n\"It was chaos,\" the nurse said.", 0, "Helen Marsh"},
		{"cue_before.pronoun", "the subject of an absolute clause is the latest subject",
			"Ravi Shah and Omar Haddad both spoke, with Haddad describing the damage. He also said \"the east wing cannot be saved.\"", 0, "Omar Haddad"},
		{"cue_after.description", "a description repeating the title with its modifier",
			"Former minister Ravi Shah denied the claims.\n\n\"It is all lies,\" the former minister said.", 0, "Ravi Shah"},
		{"cue_after.description", "a person described by age",
			"Ravi Shah was arrested on Monday.\n\n\"I did nothing wrong at all,\" the 45-year-old said.", 0, "Ravi Shah"},
		{"cue_after.description", "the statement is its issuer's",
			"The Brightwater board issued a statement on Monday.\n\n\"The sale will go ahead as planned,\" the statement read.", 0, "Brightwater board"},
		{"cue_after.description", "a role in apposition to a name",
			"Ravi Shah, a spokesman for the council, spoke on Monday.\n\n\"We will review the decision,\" the spokesman said.", 0, "Ravi Shah"},
		{"cue_after.pronoun", "they for a group opening a sentence",
			"Residents of the valley were angry.\n\n\"Nobody warned us about the water,\" they said.", 0, "Residents"},
		{"cue_after", "a description with another modifier is someone else",
			"Interior Minister Ravi Shah spoke first.\n\n\"We disagree,\" the foreign minister said.", 0, "foreign minister"},
		{"cue_after", "an inverted cue with a kin noun and the name in apposition, then a phrase",
			`"The water rose in minutes," said her brother, Omar Haddad, after the funeral.`, 0, "Omar Haddad"},
		{"cue_after.pronoun", "a participle clause after the quote has the sentence's subject",
			"Tara Quinn joined the company in 2010. She saw the new job as a \"chance to start all over again,\" having questioned herself for years.", 0, "Tara Quinn"},
		{"cue_after", "a participle cue after the quote; its object is no speaker",
			`The Ministry of Health called the outbreak "a danger to every hospital in the region", warning that beds were short.`, 0, "Ministry of Health"},
		{"cue_after.pronoun", "the subject of a when clause ranks below a main clause subject",
			"Another singer, Helen Marsh, joined the tour in 2010, when Brightline dubbed the show into French. When she was cast, \"I cried for a week,\" she told the audience.", 0, "Helen Marsh"},
		{"cue_before", "an organisation noun keeps the name of its of phrase",
			`The government of Northland issued a statement saying "the islands must decide their own future and nobody else."`, 0, "government of Northland"},
		{"cue_before.pronoun", "their for an organisation with an of phrase",
			"The government of Northland issued a statement on Monday. Their statement also read \"the islands must decide their own future.\"", 0, "government of Northland"},
		{"cue_after.description", "the company is not an organisation named with another organisation noun",
			"The European Commission fined Brightwater Holdings on Monday.\n\n\"The fine is unjust,\" the company said.", 0, "Brightwater Holdings"},
		{"cue_after.description", "a verb before a number is no noun modifier of the name",
			"Brightwater Holdings cut 300 jobs on Monday.\n\n\"The decision was painful but necessary,\" the firm said.", 0, "Brightwater Holdings"},
		{"cue_before", "the subject of a passive quoted-by is the one quoted",
			`Ravi Shah was quoted by the Coast Herald as saying "the talks have collapsed for good."`, 0, "Ravi Shah"},
		{"colon_subject", "a new subject between two quotes of a paragraph ends the continuation",
			"Tom Vale met Ada Brook on Monday.\n\n\"There is no money left,\" Vale said. Brook disagreed: \"There is plenty of money.\"", 1, "Ada Brook"},
		{"prev_sentence_subject", "a sentence about another person after a quote's attribution",
			"Tom Vale met Ada Brook on Monday.\n\n\"There is no money left,\" Vale said. Brook disagreed. \"There is plenty of money in the fund.\"", 1, "Ada Brook"},
		{"continuation", "a sentence about no person between two quotes keeps the speaker",
			"Tom Vale met Ada Brook on Monday.\n\n\"There is no money left,\" Vale said. The fund was closed in May. \"There is nothing we can do about it.\"", 1, "Tom Vale"},
		{"cue_after.pronoun", "one capitalised word after a preposition is no referent for she",
			"Ada Brook led the study.\n\nThe results were published in Nature on Monday.\n\n\"We did not expect this,\" she said.", 0, "Ada Brook"},
		{"sentence_subject", "a partial quote in a sentence with no cue is its subject's",
			`Ada Brook thanked the firefighters for their "courage and hard work through the night."`, 0, "Ada Brook"},
		{"sentence_subject", "an organisation named over several words heads the sentence",
			`The Northfield Ministry of Health thanked nurses for their "courage and hard work through the night."`, 0, "Northfield Ministry of Health"},
		{"sentence_subject.pronoun", "a pronoun subject resolves",
			"Tara Quinn joined the company in 2010. She looked at the new job as a \"chance to start all over again,\" and never looked back.", 0, "Tara Quinn"},
		{"prev_sentence_subject", "an opening phrase before a pronoun subject is skipped",
			"Ada Brook joined the cast in 1987.\n\nUnhappy with her role, she left the series after a year. \"This is not what I wanted to do with my life.\"", 0, "Ada Brook"},
		{"cue_before", "an age and a place of origin between the name and its cue",
			`Tom Vale, 52, of Leeds, told the court "I never touched the money at all."`, 0, "Tom Vale"},
		{"cue_after", "an age then a role between the name and its cue",
			`"The ward was full," Ada Brook, 52, a nurse, said.`, 0, "Ada Brook"},
		{"prev_sentence_subject", "a definite description as a pronoun's referent stands for the person it renames; a colon inside a title is no clause boundary",
			"Actress Ada Brook will appear in a new series. The actress recalled her years on Star Trek: The Next Generation, when the cast were \"the poor relations of the studio.\"\n\nUnhappy with her role, she left the series after a year. \"This is not what I wanted to do with my life.\"", 1, "Ada Brook"},
		{"cue_after.pronoun", "a name after and with no comma is an object, not a clause subject",
			"Another singer, Helen Marsh, named Ravi Shah and Omar Haddad as her heroes. \"They taught me everything,\" she said.", 0, "Helen Marsh"},
		{"cue_before.pronoun", "a possessor before a noun is a referent, not a modifier",
			"Singer Omar Haddad's visit to the festival came straight from a tour of Peru. He joked \"I still have sand in my boots.\"", 0, "Omar Haddad"},
		{"colon_subject", "a capitalised organisation noun stands for the organisation named before with it",
			"The Northland Department of Roads and Bridges closed the road on Monday.\n\nThe Department issued a statement that the bridge had cracked: \"There was a crack in the main beam on Friday night.\"", 0, "Northland Department of Roads and Bridges"},
		{"quote_paragraph", "a quote paragraph after a paragraph of reported speech",
			"Mayor Tom Vale said the town needed help from the army.\n\n\"We have no water and no power, and the roads are closed.\"", 0, "Tom Vale"},
		{"quote_paragraph", "a quote paragraph after a paragraph about a person",
			"Mayor Tom Vale visited the shelter on Monday.\n\n\"We have no water and no power, and the roads are closed.\"", 0, "Tom Vale"},
		{"quote_paragraph", "a paragraph opening with a whole quote, then narrative with no cue",
			"Mayor Tom Vale said the town needed help from the army.\n\n\"We have no water and no power.\" The town has been cut off since Friday.", 0, "Tom Vale"},
		{"quote_paragraph", "a quote paragraph after a paragraph with no speaker takes the last speaker",
			"\"We have no water and no power,\" Mayor Tom Vale said.\n\nThe town has been cut off since Friday.\n\n\"The army must come now.\"", 1, "Tom Vale"},
		{"cue_before", "an organisation noun does not refer to a platform in its own sentence",
			`In a post on Facebook, the group wrote: "We are heartbroken by the loss of our friend."`, 0, "group"},
		{"cue_before", "a verb of thinking under a verb of saying: the teller speaks",
			`Tom Vale told the Coast Herald that police suspect the attackers had been "planning this for months, maybe years."`, 0, "Tom Vale"},
		{"cue_before.pronoun", "one of them is one person of the group the pronoun stands for",
			`Survivors of the flood gathered on Monday. One of them said "we want the truth and nothing less than the truth."`, 0, "one of the survivors"},
		{"cue_after", "a relative clause set off by commas between the name and its cue",
			"Tom Vale was charged in May.\n\n\"I had no idea,\" Vale, who has denied wrongdoing, said on Monday.", 0, "Tom Vale"},
		{"colon_subject", "a person who answers someone's words speaks, not their owner",
			`Ravi Shah was dismissive of Lena Ortiz's comments: "She has never run anything in her life."`, 0, "Ravi Shah"},
		{"cue_after", "a group before and is no role of the person named after it",
			`"We will rebuild the square," said police and council leader Lena Ortiz.`, 0, "police"},
		{"words_of", "in the words of someone, before a comma",
			`In the words of Lena Ortiz, "Every town gets the roads it is willing to pay for."`, 0, "Lena Ortiz"},
		{"colon_subject", "a possessor of words before a colon, not the clause subject",
			`Nothing in the debate matched the force of Lena Ortiz's words: "This town deserves better roads."`, 0, "Lena Ortiz"},
		{"cue_before", "a teller inside commas, past a verb of thinking, owns the words a mute subject shows",
			`The hearing, the Harbour Gazette observes, was supposed to show voters that "the council had nothing to hide."`, 0, "The Harbour Gazette"},
		{"cue_before", "a place in phrases after the subject's head only says where the body is",
			`The Tarvanian mission to the UN in Geneva called the report "deplorable and deeply concerning".`, 0, "Tarvanian mission"},
		{"cue_before", "a participle after a statement and a comma names who relayed it, not the speaker",
			`Ravi Shah said in a statement, first reported by the Harbour Gazette: "I resign with a clear conscience."`, 0, "Ravi Shah"},
		{"words_of", "the message from someone in a short sentence after the quote",
			`"We will not back down." That was the message from Tom Vale on Monday.`, 0, "Tom Vale"},
		{"words_of", "the words of someone before a colon",
			`Those were the words of Tom Vale: "We will not back down, not now, not ever."`, 0, "Tom Vale"},
		{"continuation", "the second part of an interrupted quote",
			`"We tried everything we could," said Ravi Shah, "and we will try again next year."`, 1, "Ravi Shah"},
		{"cue_before", "subject and cue before the quote",
			`Foreign Minister Jane Doe speaking at the summit said "the talks have failed completely."`, 0, "Jane Doe"},
		{"cue_before", "quoted as saying",
			`The Morning Ledger quoted Jane Doe as saying "the plan is a disaster for the town."`, 0, "Jane Doe"},
		{"cue_before", "a statement issued on behalf of someone is theirs",
			`A statement issued on behalf of the family said "we are devastated by the loss of our son."`, 0, "family"},
		{"cue_before", "a name heading the phrase speaks, not the organisation after it",
			`Lead author Sally Wasef of Northfield University explained, "the birds were caught in the wild."`, 0, "Sally Wasef"},
		{"cue_before", "a noun before a bare verb form makes a compound, not a cue",
			`Mayor Ravi Shah spoke on a morning talk show when he made the announcement: "I am leaving the race."`, 0, "Ravi Shah"},
		{"cue_before", "a participle after a subordinator is no cue; according to governs the sentence",
			`According to prosecutor Helen Marsh, the letter if written by the accused would settle the case: "We would have our motive."`, 0, "Helen Marsh"},
		{"cue_before", "a passive cue names its agent after the quote",
			`The plan was described as "a disaster for the whole town" by opposition leader Ravi Shah.`, 0, "Ravi Shah"},
		{"cue_before.pronoun", "a statement issued on someone's behalf is theirs",
			"Ravi Shah was arrested on Monday.\n\nA statement issued on his behalf by his lawyers said \"he denies all the charges against him.\"", 0, "Ravi Shah"},
		{"cue_before", "the subject speaks when the behalf is in an opening phrase",
			`In a statement issued on behalf of the family, their lawyer said "they want answers from the school."`, 0, "lawyer"},
		{"cue_after", "a participle modifying the subject is not its verb",
			`"We will appeal," a lawyer representing the family, Helen Marsh, said.`, 0, "Helen Marsh"},
		{"cue_before", "according to before the quote",
			`According to Tom Berger, "the shelter has room for two hundred people."`, 0, "Tom Berger"},
		{"colon_subject", "a colon introduces the subject's words",
			`Mayor Helen Marsh thanked the volunteers: "You kept this town alive."`, 0, "Helen Marsh"},
		{"after_sentence", "a short sentence of attribution after the quote",
			`"Our house is on fire. We have to act now." Helen Marsh wrote on Friday.`, 0, "Helen Marsh"},
		{"closing_cue", "the sentence runs on past the quote and closes on its attribution",
			"The mill closed in March.\n\n\"Nobody told us the truth\" about the debts, Karin Lund said on Tuesday.", 0, "Karin Lund"},
		{"closing_cue", "an inverted attribution closes the sentence",
			"The budget was cut again.\n\n\"We will lose the night buses\" if it passes, said Omar Haddad, a union organiser.", 0, "Omar Haddad"},
		{"cue_before", "a cue before the quote keeps it; the closing one reports the report",
			"Lena Frost wrote in a memo that the \"plan has run out of money\" before winter, the Ledger reported.", 0, "Lena Frost"},
		{"cue_before.description", "a capitalised title alone renames the person the article gave that role",
			`Carla Voss, the director of the regional health office, spoke on Tuesday. The Director said "we must keep testing every traveller."`, 0, "Carla Voss"},
		{"cue_before.description", "a definite description as the subject of a participle cue renames the organisation",
			`The Fourth District Court of Appeal ruled against the retailer on Monday. The court also found the law valid, noting that "the statute plainly applies to online sellers."`, 0, "Fourth District Court of Appeal"},
		{"cue_after.pronoun", "a role noun's plural before a determiner is a verb, not a modifier of the name",
			`Ian Wood chairs the review panel. "We failed them," he says.`, 0, "Ian Wood"},
		{"cue_after.pronoun", "a noun modifying the noun after it is not a referent, and and joins verb phrases",
			`Prof Ian Wood chairs the review panel at Halden University. Students there can join clubs, sit on benches outside, and attend student union nights at a local club. "We failed them," he says.`, 0, "Ian Wood"},
		{"cue_after.pronoun", "a capitalised run no entity, given in full only as itself, is no person",
			`The array will time pulsars across the sky, says Maura Lin of the Pulsar Timing Array. "That is where the telescope will shine," she says.`, 0, "Maura Lin"},
		{"cue_before", "a time phrase between the subject and its cue",
			`The report was released on Friday. Transport chief Robert Ruano last week said "there are still two things missing."`, 0, "Robert Ruano"},
		{"cue_before", "a time phrase after an appositive, before the cue",
			`The retailer joined the pledge. Amazon.com Inc., the largest online retailer, last year pledged to reach "net zero carbon by 2040."`, 0, "Amazon.com Inc."},
		{"cue_after", "a verb of perceiving and its auxiliaries stand between the subject and an -ing cue",
			`Staff watched the video. "My girlfriend is trying to get an appointment," the man could be heard saying.`, 0, "man"},
		{"cue_before", "states before a comma is a verb of saying",
			`In another post, in which he links to a story on the rally, Tom Emery states, "Some people actually think the vote was rigged."`, 0, "Tom Emery"},
		{"closing_cue", "states before a quote with no comma is a noun",
			`Member states "agreed to the whole text" in March, officials said.`, 0, "officials"},
		{"cue_after.pronoun", "a name in brackets is the short form of the phrase before it, no referent",
			`Carlos Vega apologised on Monday. The agency (Inamu) had filed the complaint in 2019. "I offer my most sincere apologies," he said.`, 0, "Carlos Vega"},
		{"cue_before.pronoun", "a bare role after becoming is a complement, no referent",
			`Ana Ruiz flew to Nairobi on Friday for her first visit since becoming president. With a year left in power, she said trade was the area where she had been "most frustrated and most stymied" in office.`, 0, "Ana Ruiz"},
		{"cue_before", "a person noun heading the subject speaks for the organisation after it",
			`A spokesperson for Harlow University said the halls were safe, saying: "We understand this is difficult for students."`, 0, "spokesperson for Harlow University"},
		{"cue_before", "a title heading the phrase before 'of' is no name; the name after the organisation speaks",
			`Prices rose again in May. President and Chief Financial Officer of Super Value Debra Symonette said the chain would "beat the price" of rivals.`, 0, "Debra Symonette"},
		{"cue_after.pronoun", "a description the sentence equates with a name after was is that person",
			`One of the women who fled the city was 25-year-old Nesma Haj. "I am from Gaza City," she said.`, 0, "Nesma Haj"},
		{"cue_after", "a verb inside a relative clause with no comma before who is not the cue",
			`Smoke covered the city on Monday. "Residents started complaining about the smoke weeks ago," Alberto Silva, a Recife resident who posted photos of the haze, said.`, 0, "Alberto Silva"},
		{"cue_before", "a form in -s before an auxiliary is a plural noun, no cue",
			`Meanwhile, the grocer insists its new prices and Prime deals have saved shoppers "hundreds of millions of dollars" this year.`, 0, "grocer"},
		{"shared_cue", "two quotes joined by and share the cue after the second",
			`The bank cut its forecast. "We have now reached a turning point" and "the outlook is worse than we feared," Anna Browne said.`, 0, "Anna Browne"},
		{"cue_after.pronoun", "the subject of a clause under a verb of thinking is not the sentence's subject",
			`Jacob Stokes thinks Obama can still win the vote. "The president has a real chance," he said.`, 0, "Jacob Stokes"},
		{"cue_before.description", "a description repeated renames whom its first use renamed",
			`Governor John Rankin spoke on Monday. "The arrest was a US operation," the governor added. Amid the shocking news, the governor called for "calm at this time".`, 1, "John Rankin"},
		{"continuation", "a closing inverted attribution is the quote's, and the next quote continues it",
			`Sales were down. "There is going to be a rude awakening" for retailers, said Jared Drieling, an analyst. "The industry is still bickering over how long it will last."`, 1, "Jared Drieling"},
		{"continuation", "a verb of saying inside the speaker's relative clause is no new cue",
			`"We came to listen," said Jeff Chaney, 60, a retired teacher who drove from Ames and said he may vote for the senator. "I like him, he speaks the truth."`, 1, "Jeff Chaney"},
		{"cue_after", "remembers after a quote is a verb of saying, its subject after it",
			`The goats ate everything on the island. "Those goats were so smart," remembers Shanna Cole, who led the team.`, 0, "Shanna Cole"},
		{"according_to", "according to later in the quote's sentence",
			`The truck was found "broken into two pieces" under the bridge, according to investigators.`, 0, "investigators"},
		{"prev_sentence_cue", "a verb after an aside is no inverted cue: its object does not speak",
			"Ravi Shah, a former minister, criticised the broadcaster. \"It has lost its way completely.\"", 0, "Ravi Shah"},
		{"cue_before", "a request after a new clause keeps its own subject",
			`Lena Ortiz said she would resign, and the party called for new elections to be held "as soon as humanly possible".`, 0, "party"},
		{"prev_sentence_cue", "an inverted cue after a comma takes the subject after it, past a fronted if-clause",
			"If the council accepts the offer, that would mean selling the park, says Lena Ortiz. \"Nobody voted for that.\"", 0, "Lena Ortiz"},
		{"prev_sentence_cue", "a quote opening its sentence after a sentence with a cue",
			`Ravi Shah criticised the ruling. "It is a sad day for justice in this country."`, 0, "Ravi Shah"},
		{"prev_sentence_subject", "a full utterance after a sentence about a person",
			`Helen Marsh left the band in 2015. "I was tired of touring all year round."`, 0, "Helen Marsh"},
		{"colon_paragraph", "a cue and colon closing the paragraph before",
			"Ravi Shah said:\n\n\"We will not give up on this town, whatever it takes.\"", 0, "Ravi Shah"},
		{"colon_paragraph", "a cue and comma closing the paragraph before",
			"At the hearing the harbour master, Ines Moreau, told the panel,\n\n\"Nobody on the quay was warned.\" The panel adjourned.", 0, "Ines Moreau"},
		{"dash_credit", "an epigraph: a name after a dash closes the quote's paragraph",
			"\"Every flood teaches us something.\" \u2014 Tariq Benali\n\nThe river rose again on Sunday.", 0, "Tariq Benali"},
		{"cue_before", "a cue before the quote outweighs a name after a dash",
			`Tom Vale said the plan was "a disaster for the town" - Ana Diaz, the mayor, disagreed.`, 0, "Tom Vale"},
		{"cue_before", "a document speaks for its possessor across a modifier",
			`According to the Tarvel Transport Board's yearly survey, "most drivers ignore the new limit."`, 0, "Tarvel Transport Board"},
		{"prev_sentence_cue", "the named reporter of a clause with a cue of its own speaks",
			`In her speech, Senator Lia Moss argued that official data shows crime is falling. "We should be proud of that."`, 0, "Lia Moss"},
		{"prev_sentence_cue", "a second clause after but has its own speaker",
			`Ana Diaz said she was tired, but the mayor insisted the bridge would reopen. "We have done all we can."`, 0, "mayor"},
		{"cue_before", "an unnamed person from a body is the description cut to its head",
			`A volunteer from the Harbour Rescue Trust stated: "We pulled four people out of the water tonight."`, 0, "volunteer"},
		{"cue_before", "an organisation noun as the subject of a participle cue in an absolute clause",
			`Roads across the county stayed shut on Monday, the highways agency warning "more snow is on the way."`, 0, "highways agency"},
		{"cue_before", "an organisation noun as the object before a participle cue is no subject",
			`Tom Vale praised the team saying "they never gave up at all."`, 0, "Tom Vale"},
		{"cue_before", "the subject after with of a participle cue, not the sentence's subject",
			`Fans filled the square, with one onlooker saying "this is our year at last!"`, 0, "onlooker"},
		{"cue_before", "the subject of a participle cue in an absolute clause",
			`The council approved the plan, the mayor calling it "a fresh start for the town".`, 0, "mayor"},
		{"paragraph_continuation", "a paragraph opening with a quote continues the speaker",
			"\"We lost the vote,\" said Omar Haddad.\n\n\"But we will keep working for the families of the town and their children.\"", 1, "Omar Haddad"},
	}
	x := New()
	covered := map[string]bool{}
	for _, tc := range tests {
		t.Run(tc.rule+"/"+tc.name, func(t *testing.T) {
			qs, names := x.ExtractTraced(tc.body, recognize(t, tc.body))
			if tc.q >= len(qs) {
				t.Fatalf("%d quotes, want quote %d", len(qs), tc.q)
			}
			if names[tc.q] != tc.rule {
				t.Errorf("rule %q fired, want %q", names[tc.q], tc.rule)
			}
			if qs[tc.q].Speaker != tc.speaker {
				t.Errorf("speaker %q, want %q", qs[tc.q].Speaker, tc.speaker)
			}
		})
		covered[strings.SplitN(tc.rule, ".", 2)[0]] = true
	}
	for _, r := range rules {
		if !covered[r.name] {
			t.Errorf("rule %s has no test case", r.name)
		}
	}
}

// TestCanSpeak checks who may be a speaker: never a nationality, a place
// only as the subject of its cue, never a law or an event.
func TestCanSpeak(t *testing.T) {
	tests := []struct {
		name, body string
		ents       func(string) []article.Entity
		speaker    string
	}{
		{"a news outlet after according to reports the words, it does not say them", `The bridge was "closed for good," according to the Morning Herald.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Morning Herald", "ORG")} }, ""},
		{"a nationality is no speaker", `The Canadian said "we will not sign this agreement at all."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Canadian", "NORP")} }, ""},
		{"a group described by a nationality speaks by its head", `"The tanker broke the rules," the Israeli military said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Israeli", "NORP")} }, "Israeli military"},
		{"a place as the subject of the cue speaks for its government", `Beijing said "the sanctions are an interference in internal affairs."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Beijing", "GPE")} }, "Beijing"},
		{"a place after the head is no speaker", `"The ship was seized," a police officer in Dover said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Dover", "GPE")} }, "police officer"},
		{"a place is no pronoun's referent", "Lena Ortiz flew to Peru on Monday.\n\n\"It was a long trip,\" she said.",
			func(b string) []article.Entity {
				return []article.Entity{entity(b, "Lena Ortiz", "PERSON"), entity(b, "Peru", "GPE")}
			}, "Lena Ortiz"},
		{"an independent expert after according to is a speaker", `The bridge was "closed for good," according to an independent expert.`, nil, "independent expert"},
		{"a person whose surname is a mute noun speaks", `"The bridge is closed for good," Tom Law said.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Tom Law", "PERSON")} }, "Tom Law"},
		{"a person the entity stage typed as a place still speaks", `The bridge was "closed for good," according to Sarah Whitby.`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Sarah Whitby", "GPE")} }, "Sarah Whitby"},
		{"the subject of a passive cue is no speaker", `Ravi Shah was told "your contract will not be renewed this year."`,
			func(b string) []article.Entity { return []article.Entity{entity(b, "Ravi Shah", "PERSON")} }, ""},
		{"a law is no speaker", `The Clean Air Act says "no person shall emit such gases at all."`, nil, ""},
		{"a sentence whose subject is a thing gives no speaker", `The book follows a girl who is "too clever for her own good" in a small town.`, nil, ""},
		{"the words of a thing are no one's", `"We will not back down." The crowd cheered for ten minutes after the words of the speech.`, nil, ""},
		{"a month is no speaker", `March said "the fund will close next year, whatever happens."`, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ents []article.Entity
			if tc.ents != nil {
				ents = tc.ents(tc.body)
			}
			qs := New().Extract(tc.body, ents)
			if len(qs) != 1 {
				t.Fatalf("%d quotes, want 1", len(qs))
			}
			if qs[0].Speaker != tc.speaker {
				t.Errorf("speaker %q, want %q", qs[0].Speaker, tc.speaker)
			}
		})
	}
}
