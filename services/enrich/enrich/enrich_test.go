package enrich_test

import (
	"context"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/enrich/enrich"
	"github.com/newsflow/newsflow/services/enrich/entity"
	"github.com/newsflow/newsflow/services/enrich/quote"
)

func TestEnrichOffsetsAndCounts(t *testing.T) {
	rec, err := entity.New(entity.Config{})
	if err != nil {
		t.Fatal(err)
	}
	e := enrich.NewEnricher(rec, quote.Extract)
	in := article.Article{
		ID:       "x",
		Headline: "Erdoğan warns Europe",
		Body: "Turkish President Recep Tayyip Erdoğan spoke in Ankara on Monday.\n\n" +
			"“We will not wait for anyone’s permission,” Erdoğan told reporters.",
		Caption: "Protesters in İstanbul hold a banner saying “we want our jobs back now”. Image: Jane Doe.",
	}
	out, err := e.Enrich(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string][]rune{article.FieldBody: []rune(out.Body), article.FieldCaption: []rune(out.Caption)}
	var erdogan *article.Entity
	for i, ent := range out.Entities {
		if ent.Count != len(ent.Mentions) {
			t.Errorf("%s: count %d, %d mentions", ent.Name, ent.Count, len(ent.Mentions))
		}
		for _, m := range ent.Mentions {
			rs := texts[m.Field]
			if m.Start < 0 || m.End > len(rs) || string(rs[m.Start:m.End]) != m.Text {
				t.Errorf("%s: mention %+v does not point at its text", ent.Name, m)
			}
		}
		if ent.Name == "Recep Tayyip Erdoğan" {
			erdogan = &out.Entities[i]
		}
	}
	if erdogan == nil {
		t.Fatalf("no entity Recep Tayyip Erdoğan in %+v", out.Entities)
	}
	if erdogan.Count != 2 || erdogan.Quotes != 1 {
		t.Errorf("Erdoğan: count %d quotes %d, want 2 and 1", erdogan.Count, erdogan.Quotes)
	}
	fields := map[string]int{}
	for _, q := range out.Quotes {
		rs := texts[q.Field]
		if q.Start < 0 || q.End > len(rs) || string(rs[q.Start:q.End]) != q.Text {
			t.Errorf("quote %+v does not point at its text", q)
		}
		fields[q.Field]++
	}
	if fields[article.FieldBody] != 1 || fields[article.FieldCaption] != 1 {
		t.Errorf("quotes by field %v, want one in the body and one in the caption", fields)
	}
	if out.SchemaVersion != article.SchemaVersion || out.EnrichedAt == nil || out.Tags == nil {
		t.Errorf("schema_version %d, enriched_at %v, tags %v", out.SchemaVersion, out.EnrichedAt, out.Tags)
	}
}
