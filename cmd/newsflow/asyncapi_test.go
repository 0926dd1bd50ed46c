package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v4"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
)

// asyncAPI is the part of schema/asyncapi.yaml the tests read.
type asyncAPI struct {
	AsyncAPI string `yaml:"asyncapi"`
	Channels map[string]struct {
		Address  string `yaml:"address"`
		Messages map[string]struct {
			Ref string `yaml:"$ref"`
		} `yaml:"messages"`
	} `yaml:"channels"`
	Components struct {
		Messages map[string]struct {
			Payload struct {
				Schema struct {
					Ref string `yaml:"$ref"`
				} `yaml:"schema"`
			} `yaml:"payload"`
			Examples []struct {
				Name    string         `yaml:"name"`
				Payload map[string]any `yaml:"payload"`
			} `yaml:"examples"`
		} `yaml:"messages"`
	} `yaml:"components"`
}

func loadAsyncAPI(t *testing.T) asyncAPI {
	t.Helper()
	b, err := os.ReadFile("../../schema/asyncapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc asyncAPI
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("asyncapi.yaml: %v", err)
	}
	if doc.AsyncAPI != "3.0.0" || len(doc.Channels) == 0 {
		t.Fatalf("asyncapi.yaml: version %q, %d channels", doc.AsyncAPI, len(doc.Channels))
	}
	return doc
}

// channelAddresses compiles the channel addresses of the document, each
// {param} standing for one token.
func channelAddresses(t *testing.T, doc asyncAPI) []*regexp.Regexp {
	t.Helper()
	var addrs []*regexp.Regexp
	for name, ch := range doc.Channels {
		if ch.Address == "" {
			t.Errorf("channel %s has no address", name)
			continue
		}
		pat := regexp.QuoteMeta(ch.Address)
		pat = regexp.MustCompile(`\\\{[a-z]+\\\}`).ReplaceAllString(pat, `[^.*> ]+`)
		addrs = append(addrs, regexp.MustCompile("^"+pat+"$"))
	}
	return addrs
}

// TestAsyncAPIDescribesLiveSubjects runs the embedded stack, listens on
// every subject while articles (and a file without text, for a dead letter) go
// through it, and checks that each subject a service published on, other
// than the NATS API's own ($JS, $KV, _INBOX), is a channel of
// schema/asyncapi.yaml: the list comes from the running code, not from
// the test.
func TestAsyncAPIDescribesLiveSubjects(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	addrs := channelAddresses(t, loadAsyncAPI(t))
	s := startStack(t)
	nc, err := nats.Connect(s.NATSURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	// A channel, not a callback: once Flush returns, every message the
	// server sent before its reply is in the channel (a callback may
	// still be behind, and unsubscribing drops what it has not run).
	msgs := make(chan *nats.Msg, 1<<16)
	sub, err := nc.ChanSubscribe(">", msgs)
	if err != nil {
		t.Fatal(err)
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	wiki, err := filepath.Glob(filepath.Join(sharedDir, "gold", "wikinews-2019-*.txt"))
	if err != nil || len(wiki) < 3 {
		t.Fatalf("wikinews gold articles: %v (%d)", err, len(wiki))
	}
	s.dropFiles(t, wiki[:3]...)
	notext := filepath.Join(t.TempDir(), "notext.txt")
	if err := os.WriteFile(notext, []byte("Just a headline\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := s.run("drop", "--wait", notext); err == nil || !strings.Contains(out, "dead notext.txt") {
		t.Fatalf("drop of a file without text: err=%v\n%s", err, out)
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	if n, err := sub.Dropped(); err != nil || n > 0 {
		t.Fatalf("%d messages dropped while listening (%v)", n, err)
	}
	if err := sub.Unsubscribe(); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for len(msgs) > 0 {
		seen[(<-msgs).Subject] = true
	}
	var public []string
	for subj := range seen {
		if strings.HasPrefix(subj, "$") || strings.HasPrefix(subj, "_INBOX.") {
			continue
		}
		public = append(public, subj)
	}
	slices.Sort(public)
	// Each kind must have been seen, or the listening proved nothing.
	for _, prefix := range []string{jsbus.SubjectRaw, jsbus.SubjectParsed, jsbus.SubjectEnriched, jsbus.SubjectStored, jsbus.SubjectDeadPrefix, jsbus.SubjectQuotePrefix, jsbus.SubjectEntityPrefix} {
		if !slices.ContainsFunc(public, func(s string) bool { return strings.HasPrefix(s, prefix) }) {
			t.Errorf("no subject %s… published while listening: %v", prefix, public)
		}
	}
	for _, subj := range public {
		if !slices.ContainsFunc(addrs, func(re *regexp.Regexp) bool { return re.MatchString(subj) }) {
			t.Errorf("subject %s is in no channel of schema/asyncapi.yaml", subj)
		}
	}
}

// TestAsyncAPICoversSubjects checks that the subjects the code builds for
// every stage, dead letter and entity type match a channel address of
// schema/asyncapi.yaml.
func TestAsyncAPICoversSubjects(t *testing.T) {
	doc := loadAsyncAPI(t)
	addrs := channelAddresses(t, doc)
	subjects := []string{
		jsbus.SubjectRaw, jsbus.SubjectParsed, jsbus.SubjectEnriched, jsbus.SubjectStored,
		fanout.QuoteSubject("Jane Doe"), fanout.QuoteSubject(""), fanout.EntitySubject(article.TypeOrg, "World Health Organization"),
	}
	for _, st := range []string{jsbus.StageIngest, jsbus.StageEnrich, jsbus.StageStore} {
		subjects = append(subjects, jsbus.DeadSubject(st))
	}
	for _, typ := range []string{article.TypePerson, article.TypeOrg, article.TypeGPE, article.TypeLoc, article.TypeFac, article.TypeNORP} {
		subjects = append(subjects, fanout.EntitySubject(typ, "x"))
	}
	evs, err := fanout.Events(sampleArticle(), fanout.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		subjects = append(subjects, e.Subject)
	}
	for _, s := range subjects {
		found := false
		for _, re := range addrs {
			found = found || re.MatchString(s)
		}
		if !found {
			t.Errorf("subject %s is in no channel of schema/asyncapi.yaml", s)
		}
	}
}

// TestAsyncAPIPayloadsValidate compiles every payload schema the document
// references, validates its examples, and validates real fan-out payloads
// against the quote and entity schemas.
func TestAsyncAPIPayloadsValidate(t *testing.T) {
	doc := loadAsyncAPI(t)
	c := schemaCompiler(t)
	compiled := map[string]*jsonschema.Schema{}
	for name, m := range doc.Components.Messages {
		ref := m.Payload.Schema.Ref
		if ref == "" {
			continue
		}
		sch, err := c.Compile(filepath.Join("../../schema", ref))
		if err != nil {
			t.Fatalf("message %s: schema %s: %v", name, ref, err)
		}
		compiled[filepath.Base(ref)] = sch
		for _, ex := range m.Examples {
			if err := sch.Validate(toJSON(t, ex.Payload)); err != nil {
				t.Errorf("message %s example %s: %v", name, ex.Name, err)
			}
		}
	}
	for _, f := range []string{"article.schema.json", "quote-event.schema.json", "entity-event.schema.json"} {
		if compiled[f] == nil {
			t.Fatalf("no message payload references %s", f)
		}
	}
	// The sample as it is, as the first article of its story, and as a
	// copy of that one.
	first, copied := sampleArticle(), sampleArticle()
	first.StoryID = first.ID
	copied.ID, copied.DuplicateOf, copied.Similarity, copied.StoryID = "89abcdef0123456789abcdef", first.ID, 0.83, first.ID
	var evs, copyEvs []fanout.Event
	for _, a := range []article.Article{sampleArticle(), first, copied} {
		aevs, err := fanout.Events(a, fanout.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		evs, copyEvs = append(evs, aevs...), aevs
	}
	for _, e := range evs {
		sch := compiled["entity-event.schema.json"]
		if e.Type == fanout.TypeQuote {
			sch = compiled["quote-event.schema.json"]
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(e.Data))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s payload %s: %v", e.Subject, e.Data, err)
		}
	}
	// The schemas must refuse what is wrong, not accept anything.
	bad := map[string]any{"schema_version": 1, "article_id": "not-an-id", "headline": "x", "index": 0, "quote": map[string]any{"text": "x"}}
	if err := compiled["quote-event.schema.json"].Validate(toJSON(t, bad)); err == nil {
		t.Error("quote schema accepts a bad article id and a quote without offsets")
	}
	// A copy's event with a wrong duplicate_of, similarity or story_id.
	for _, tc := range []struct {
		name, field string
		value       any
	}{
		{"duplicate_of not an id", "duplicate_of", "copy of yesterday's"},
		{"similarity above 1", "similarity", 1.5},
		{"story_id not an id", "story_id", 42},
	} {
		for _, e := range []fanout.Event{copyEvs[0], copyEvs[len(copyEvs)-1]} {
			sch, f := compiled["entity-event.schema.json"], "entity"
			if e.Type == fanout.TypeQuote {
				sch, f = compiled["quote-event.schema.json"], "quote"
			}
			var payload map[string]any
			if err := json.Unmarshal(e.Data, &payload); err != nil {
				t.Fatal(err)
			}
			payload[tc.field] = tc.value
			if err := sch.Validate(toJSON(t, payload)); err == nil {
				t.Errorf("%s schema accepts %s", f, tc.name)
			}
		}
	}
	// The payload $ids are what the events' ce-dataschema names.
	for f, id := range map[string]string{"quote-event.schema.json": fanout.SchemaQuote, "entity-event.schema.json": fanout.SchemaEntity} {
		b, err := os.ReadFile(filepath.Join("../../schema", f))
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			ID string `json:"$id"`
		}
		if err := json.Unmarshal(b, &s); err != nil || s.ID != id {
			t.Errorf("%s: $id %q (%v), want %q", f, s.ID, err, id)
		}
	}
}

// schemaCompiler returns a compiler that resolves the schemas' $ids to the
// files of schema/ rather than the network.
func schemaCompiler(t *testing.T) *jsonschema.Compiler {
	t.Helper()
	c := jsonschema.NewCompiler()
	files, err := filepath.Glob("../../schema/*.schema.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("schema files: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := c.AddResource("https://github.com/newsflow/newsflow/schema/"+filepath.Base(f), doc); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func toJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// sampleArticle is an enriched article of my own making.
func sampleArticle() article.Article {
	pub := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	body := `"We will open the bridge in May," said Mayor Jane Doe. The council of Springfield agreed.`
	return article.Article{
		SchemaVersion: 1, ID: "0123456789abcdef01234567", URL: "https://example.org/bridge", Headline: "Bridge to open in May",
		PublishedAt: &pub, Language: "en", Body: body, IngestedAt: pub, Tags: []string{}, Revision: 1, EnricherVersion: "2",
		Source: article.Source{Format: "text", SHA256: strings.Repeat("ab", 32)},
		Entities: []article.Entity{
			{Name: "Jane Doe", Type: article.TypePerson, Count: 1, Mentions: []article.Mention{{Start: 45, End: 53, Text: "Jane Doe"}}},
			{Name: "Springfield", Type: article.TypeGPE, Count: 1, Mentions: []article.Mention{{Start: 69, End: 80, Text: "Springfield"}}},
		},
		Quotes: []article.Quote{
			{Text: "We will open the bridge in May,", Speaker: "Jane Doe", SpeakerType: "PERSON", Cue: "said", Start: 1, End: 32},
			{Text: "Not yet.", Start: 60, End: 68},
		},
	}
}
