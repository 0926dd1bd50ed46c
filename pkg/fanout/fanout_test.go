package fanout_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/fanout"
)

func TestToken(t *testing.T) {
	long := strings.Repeat("Bartholomew ", 8)
	tests := []struct {
		name, in, want string
	}{
		{"plain name", "Jane Doe", "jane-doe"},
		{"accents folded", "José Müller-Lüdenscheidt", "jose-muller-ludenscheidt"},
		{"letters without decomposition", "Søren Weiß Łukasz", "soren-weiss-lukasz"},
		{"apostrophe dropped", "Siobhan O’Neill", "siobhan-oneill"},
		{"dots are separators", "J.R.R. Tolkien", "j-r-r-tolkien"},
		{"wildcards", "Star*Corp > Rivals", "star-corp-rivals"},
		{"runs collapse and ends trim", "  --Acme,  Inc.--  ", "acme-inc"},
		{"digits kept", "Group of 20", "group-of-20"},
		{"full-width compatibility form", "ＡＢＣ News", "abc-news"},
		{"other scripts kept in lower case", "Ольга Смирнова", "ольга-смирнова"},
		{"control and tab", "Jane\tDoe\x00", "jane-doe"},
		{"entity type", "PERSON", "person"},
		{"Greek in capitals ends in final sigma", "ΣΩΚΡΑΤΗΣ ΠΑΠΑΔΟΠΟΥΛΟΣ", "σωκρατης-παπαδοπουλος"},
		{"Greek as written", "Σωκράτης Παπαδόπουλος", "σωκρατης-παπαδοπουλος"},
		{"Greek sigma inside a word kept", "ΣΙΣΥΦΟΣ", "σισυφος"},
		{"Greek sigma before a dot", "Κ.Σ. Ολυμπιακός", "κ-σ-ολυμπιακος"},
		{"Devanagari keeps its vowel signs", "नरेंद्र मोदी", "नरेंद्र-मोदी"},
		{"Devanagari names apart by their vowel signs", "मादा", "मादा"},
		{"Thai keeps its vowel signs and tone marks", "ประยุทธ์ จันทร์โอชา", "ประยุทธ์-จันทร์โอชา"},
		{"Arabic drops its optional vowel marks", "مُحَمَّد", "محمد"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := fanout.Token(tc.in)
			if got != tc.want {
				t.Errorf("Token(%q) = %q, want %q", tc.in, got, tc.want)
			}
			checkToken(t, got)
		})
	}
	t.Run("empty is a hash", func(t *testing.T) {
		a, b := fanout.Token("***"), fanout.Token("???")
		if !strings.HasPrefix(a, "_") || a == b {
			t.Errorf("Token(***) = %q, Token(???) = %q: want distinct _hash tokens", a, b)
		}
	})
	t.Run("long names are cut with a hash", func(t *testing.T) {
		a, b := fanout.Token(long+"Smith"), fanout.Token(long+"Jones")
		if a == b {
			t.Fatalf("two long names share token %q", a)
		}
		for _, tok := range []string{a, b} {
			checkToken(t, tok)
			if len(tok) > fanout.MaxTokenBytes || !strings.HasPrefix(tok, "bartholomew-bartholomew") || !strings.Contains(tok, "_") {
				t.Errorf("cut token %q (%d bytes)", tok, len(tok))
			}
		}
	})
	t.Run("long multibyte names cut on a character boundary", func(t *testing.T) {
		tok := fanout.Token(strings.Repeat("Ж", 100))
		checkToken(t, tok)
		if len(tok) > fanout.MaxTokenBytes {
			t.Errorf("token of %d bytes", len(tok))
		}
	})
	t.Run("a token is its own token", func(t *testing.T) {
		for _, in := range []string{"Jane Doe", "José Müller", long} {
			if tok := fanout.Token(in); !strings.Contains(tok, "_") && fanout.Token(tok) != tok {
				t.Errorf("Token(Token(%q)) = %q, want %q", in, fanout.Token(tok), tok)
			}
		}
	})
}

// checkToken asserts tok is one valid NATS subject token.
func checkToken(t *testing.T, tok string) {
	t.Helper()
	if tok == "" || strings.ContainsAny(tok, ".*> \t\r\n\x00") || !utf8.ValidString(tok) {
		t.Errorf("token %q is not a valid subject token", tok)
	}
}

func TestSubjects(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"quote", fanout.QuoteSubject("Dr. Ada Lovelace"), "articles.quote.dr-ada-lovelace"},
		{"unattributed quote", fanout.QuoteSubject(" "), "articles.quote._unattributed"},
		{"entity", fanout.EntitySubject("ORG", "World Health Organization"), "articles.entity.org.world-health-organization"},
		{"entity with a dot", fanout.EntitySubject("GPE", "St. Louis"), "articles.entity.gpe.st-louis"},
		{"filter by type", fanout.EntityFilter("GPE", ""), "articles.entity.gpe.*"},
		{"filter by name", fanout.EntityFilter("", "WHO"), "articles.entity.*.who"},
		{"filter by both", fanout.EntityFilter("ORG", "WHO"), "articles.entity.org.who"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

// sample is an enriched article of my own making.
func sample() article.Article {
	pub := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	body := `"We will open the bridge in May," said Mayor Jane Doe. The council of Springfield agreed. "It is late," Tom Roe said.`
	return article.Article{
		SchemaVersion: 1, ID: "0123456789abcdef01234567", URL: "https://example.org/bridge", Headline: "Bridge to open in May",
		PublishedAt: &pub, Language: "en", Body: body, EnricherVersion: "v-test", Revision: 2,
		Source: article.Source{Format: "text", SHA256: strings.Repeat("ab", 32)},
		Entities: []article.Entity{
			{Name: "Jane Doe", Type: article.TypePerson, Count: 1, Mentions: []article.Mention{{Start: 42, End: 50, Text: "Jane Doe"}}},
			{Name: "Springfield", Type: article.TypeGPE, Count: 2, Mentions: []article.Mention{{Start: 67, End: 78, Text: "Springfield"}, {Start: 0, End: 1, Text: "x"}}},
			{Name: "Tom Roe", Type: article.TypePerson, Count: 1, Mentions: []article.Mention{{Start: 100, End: 107, Text: "Tom Roe"}}},
		},
		Quotes: []article.Quote{
			{Text: "We will open the bridge in May,", Speaker: "Jane Doe", SpeakerType: "PERSON", Cue: "said", Start: 1, End: 32},
			{Text: "It is late,", Speaker: "Tom Roe", SpeakerType: "PERSON", Cue: "said", Start: 88, End: 99},
			{Text: "Nobody told us.", Start: 120, End: 135},
		},
	}
}

func TestEvents(t *testing.T) {
	tests := []struct {
		name         string
		cfg          fanout.Config
		wantSubjects []string
	}{
		{"defaults", fanout.DefaultConfig(), []string{
			"articles.quote.jane-doe", "articles.quote.tom-roe", "articles.quote._unattributed",
			"articles.entity.person.jane-doe", "articles.entity.gpe.springfield", "articles.entity.person.tom-roe",
		}},
		{"limits keep the first quotes and the most mentioned entity", fanout.Config{MaxQuotes: 1, MaxEntities: 1, MaxMentions: 1}, []string{
			"articles.quote.jane-doe", "articles.entity.gpe.springfield",
		}},
		{"no fan-out", fanout.Config{}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs, err := fanout.Events(sample(), tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			ids := map[string]bool{}
			for _, e := range evs {
				got = append(got, e.Subject)
				if ids[e.MsgID] {
					t.Errorf("message id %q twice", e.MsgID)
				}
				ids[e.MsgID] = true
				if !strings.Contains(e.MsgID, ":r2:") {
					t.Errorf("message id %q does not name revision 2", e.MsgID)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.wantSubjects) {
				t.Errorf("subjects %v, want %v", got, tc.wantSubjects)
			}
		})
	}
}

func TestEventPayloads(t *testing.T) {
	cfg := fanout.DefaultConfig()
	cfg.MaxMentions = 1
	evs, err := fanout.Events(sample(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var q fanout.QuoteEvent
	if err := json.Unmarshal(evs[1].Data, &q); err != nil {
		t.Fatal(err)
	}
	if evs[1].Type != fanout.TypeQuote || q.ArticleID != "0123456789abcdef01234567" || q.Headline != "Bridge to open in May" ||
		q.URL == "" || q.PublishedAt == nil || q.Index != 1 || q.Quote.Text != "It is late," || q.Quote.Speaker != "Tom Roe" ||
		q.Quote.Cue != "said" || q.Revision != 2 || q.EnricherVersion != "v-test" || q.Language != "en" {
		t.Errorf("quote event %s: %+v", evs[1].Data, q)
	}
	var e fanout.EntityEvent
	if err := json.Unmarshal(evs[4].Data, &e); err != nil {
		t.Fatal(err)
	}
	if evs[4].Type != fanout.TypeEntity || e.Entity.Name != "Springfield" || e.Entity.Count != 2 || len(e.Entity.Mentions) != 1 || e.ArticleID == "" {
		t.Errorf("entity event %s: %+v", evs[4].Data, e)
	}
}

// TestEventPayloadsCarryCopyAndStory: every quote and entity event says
// whether its article is a copy (duplicate_of, similarity) and its story,
// as the whole article does; a first-seen article's events have no
// duplicate_of.
func TestEventPayloadsCarryCopyAndStory(t *testing.T) {
	const first, other = "0123456789abcdef01234567", "fedcba9876543210fedcba98"
	tests := []struct {
		name        string
		duplicateOf string
		similarity  float64
		storyID     string
	}{
		{"first-seen article starting its story", "", 0, first},
		{"first-seen article joining a story", "", 0, other},
		{"copy", other, 0.83, other},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := sample()
			a.DuplicateOf, a.Similarity, a.StoryID = tc.duplicateOf, tc.similarity, tc.storyID
			evs, err := fanout.Events(a, fanout.DefaultConfig())
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[string]int{}
			for _, e := range evs {
				kinds[e.Type]++
				var got map[string]any
				if err := json.Unmarshal(e.Data, &got); err != nil {
					t.Fatal(err)
				}
				want := map[string]any{"story_id": tc.storyID}
				if tc.duplicateOf != "" {
					want["duplicate_of"], want["similarity"] = tc.duplicateOf, tc.similarity
				}
				for _, field := range []string{"duplicate_of", "similarity", "story_id"} {
					if got[field] != want[field] {
						t.Errorf("%s: %s is %v, want %v: %s", e.Subject, field, got[field], want[field], e.Data)
					}
				}
			}
			if kinds[fanout.TypeQuote] == 0 || kinds[fanout.TypeEntity] == 0 {
				t.Fatalf("events %v: want quote and entity events", kinds)
			}
		})
	}
}

func TestEventsStableAcrossRuns(t *testing.T) {
	a, _ := fanout.Events(sample(), fanout.DefaultConfig())
	b, _ := fanout.Events(sample(), fanout.DefaultConfig())
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Error("two runs give different events")
	}
	next := sample()
	next.Revision = 3
	c, _ := fanout.Events(next, fanout.DefaultConfig())
	if a[0].MsgID == c[0].MsgID {
		t.Errorf("revision 3 reuses the message id %q of revision 2", a[0].MsgID)
	}
}

// TestEventsEncodeAsMarshal: the payloads Events splices together are
// byte for byte what json.Marshal gives for the QuoteEvent or EntityEvent
// (HTML-escaped characters, a line separator, fields left out when empty,
// mentions cut to the limit), and each is a slice of its own.
func TestEventsEncodeAsMarshal(t *testing.T) {
	rich := sample()
	rich.Headline = `Bridge <"open"> & "closed" \ again` + "\u2028"
	rich.DuplicateOf, rich.Similarity, rich.StoryID = "fedcba9876543210fedcba98", 0.8125, "fedcba9876543210fedcba98"
	rich.Quotes[0].Text = "<b>We</b> & they \x00 \u00e9"
	rich.Quotes[1].Field = "caption"
	rich.Entities[0].Aliases, rich.Entities[0].Titles, rich.Entities[0].Quotes = []string{"Doe"}, []string{"Mayor"}, 1
	rich.Entities[1].Geo = &article.Geo{GeoNamesID: 4951788, Country: "US"}
	bare := sample()
	bare.URL, bare.PublishedAt, bare.Language, bare.Revision, bare.EnricherVersion = "", nil, "", 0, ""
	for _, tc := range []struct {
		name string
		a    article.Article
		cfg  fanout.Config
	}{
		{"rich", rich, fanout.DefaultConfig()},
		{"optional fields empty", bare, fanout.DefaultConfig()},
		{"mentions cut", rich, fanout.Config{MaxQuotes: 2, MaxEntities: 2, MaxMentions: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs, err := fanout.Events(tc.a, tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			ref := fanout.Ref(tc.a)
			var want [][]byte
			for i, q := range tc.a.Quotes[:min(len(tc.a.Quotes), tc.cfg.MaxQuotes)] {
				b, _ := json.Marshal(fanout.QuoteEvent{SchemaVersion: fanout.EventSchemaVersion, ArticleRef: ref, Index: i, Quote: q})
				want = append(want, b)
			}
			for _, ev := range evs[len(want):] {
				var e fanout.EntityEvent
				if err := json.Unmarshal(ev.Data, &e); err != nil {
					t.Fatal(err)
				}
				// The entity as the article has it, its mentions cut.
				i := slices.IndexFunc(tc.a.Entities, func(x article.Entity) bool { return x.Name == e.Entity.Name })
				ent := tc.a.Entities[i]
				ent.Mentions = ent.Mentions[:min(len(ent.Mentions), tc.cfg.MaxMentions)]
				b, _ := json.Marshal(fanout.EntityEvent{SchemaVersion: fanout.EventSchemaVersion, ArticleRef: ref, Entity: ent})
				want = append(want, b)
			}
			if len(evs) != len(want) {
				t.Fatalf("%d events, want %d", len(evs), len(want))
			}
			for i, ev := range evs {
				if !bytes.Equal(ev.Data, want[i]) {
					t.Errorf("event %d:\n got %s\nwant %s", i, ev.Data, want[i])
				}
			}
			before := string(evs[1].Data)
			_ = append(evs[0].Data, "overwritten"...)
			if string(evs[1].Data) != before {
				t.Error("an append to one payload wrote over the next")
			}
		})
	}
}

func TestEventsErrors(t *testing.T) {
	tests := []struct {
		name string
		a    article.Article
		cfg  fanout.Config
		want string
	}{
		{"no id", article.Article{}, fanout.DefaultConfig(), "no id"},
		{"negative limit", sample(), fanout.Config{MaxQuotes: -1, MaxEntities: 1, MaxMentions: 1}, "max quotes"},
		{"huge limit", sample(), fanout.Config{MaxQuotes: 1, MaxEntities: 5000, MaxMentions: 1}, "max entities"},
		{"entities without mentions", sample(), fanout.Config{MaxQuotes: 1, MaxEntities: 1}, "max mentions"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := fanout.Events(tc.a, tc.cfg)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err %v, want one about %q", err, tc.want)
			}
		})
	}
}

func ExampleToken() {
	for _, name := range []string{"Mike Pompeo", "José Álvarez", "World Health Organization", "J.R.R. Tolkien", "Star*Corp > Rivals"} {
		fmt.Println(fanout.Token(name))
	}
	// Output:
	// mike-pompeo
	// jose-alvarez
	// world-health-organization
	// j-r-r-tolkien
	// star-corp-rivals
}

func ExampleEvents() {
	a := article.Article{
		ID: "0123456789abcdef01234567", Headline: "Council backs bridge",
		Source:   article.Source{SHA256: strings.Repeat("ab", 32)},
		Entities: []article.Entity{{Name: "Springfield", Type: article.TypeGPE, Count: 1, Mentions: []article.Mention{{Start: 0, End: 11, Text: "Springfield"}}}},
		Quotes:   []article.Quote{{Text: "We are ready.", Speaker: "Jane Doe", Cue: "said"}},
	}
	evs, err := fanout.Events(a, fanout.DefaultConfig())
	if err != nil {
		panic(err)
	}
	for _, e := range evs {
		fmt.Println(e.Subject, e.Type, e.MsgID)
	}
	// Output:
	// articles.quote.jane-doe org.newsflow.quote.v1 quote:0123456789abcdef01234567:abababababababab:r0:0
	// articles.entity.gpe.springfield org.newsflow.entity.v1 entity:0123456789abcdef01234567:abababababababab:r0:0
}

// TestDocumentedTokens checks the examples of docs/subscribing.md against
// Token, so the document cannot drift from the code.
func TestDocumentedTokens(t *testing.T) {
	doc, err := os.ReadFile("../../docs/subscribing.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(doc), "<!-- token-examples")
	table, _, ok2 := strings.Cut(table, "<!-- end token-examples")
	if !ok || !ok2 {
		t.Fatal("docs/subscribing.md has no token-examples table")
	}
	n := 0
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(line, "`")
		if len(cells) != 5 {
			continue
		}
		n++
		if got := fanout.Token(cells[1]); got != cells[3] {
			t.Errorf("docs say %q becomes %q; Token gives %q", cells[1], cells[3], got)
		}
	}
	if n < 10 {
		t.Errorf("only %d token examples in the document", n)
	}
}

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    fanout.Config
		wantErr string
	}{
		{"defaults", nil, fanout.DefaultConfig(), ""},
		{"set", map[string]string{"FANOUT_MAX_QUOTES": "5", "FANOUT_MAX_ENTITIES": "0", "FANOUT_MAX_MENTIONS": "3"}, fanout.Config{MaxQuotes: 5, MaxEntities: 0, MaxMentions: 3}, ""},
		{"not a number", map[string]string{"FANOUT_MAX_QUOTES": "many"}, fanout.Config{}, "FANOUT_MAX_QUOTES"},
		{"out of range", map[string]string{"FANOUT_MAX_ENTITIES": "100000"}, fanout.Config{}, "max entities"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := fanout.ConfigFromEnv(func(k string) string { return tc.env[k] })
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("err %v, want one about %s", err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}
