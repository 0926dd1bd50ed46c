package enrich_test

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/services/enrich/enrich"
	"github.com/newsflow/newsflow/services/enrich/entity"
	"github.com/newsflow/newsflow/services/enrich/quote"
)

// TestStageChecksInput (issue 18, cases 4 and 7): the enrich stage refuses
// what ingest never publishes, never publishes an event without a body,
// and dead-letters output over its size limit at once.
func TestStageChecksInput(t *testing.T) {
	rec, err := entity.New(entity.Config{})
	if err != nil {
		t.Fatal(err)
	}
	enr := enrich.NewEnricher(rec, quote.Extract)
	good := func() article.Article {
		return article.Article{
			ID: "0123456789abcdef01234567", Headline: "Mayor opens bridge",
			Body:       "Mayor Jane Okafor opened the new bridge in Riverton on Monday.",
			Source:     article.Source{Format: "text", SHA256: strings.Repeat("ab", 32)},
			IngestedAt: time.Now().Add(-time.Minute).UTC(),
		}
	}
	tests := []struct {
		name   string
		edit   func(a *article.Article)
		limits enrich.Limits
		reason string
	}{
		{name: "good", edit: func(*article.Article) {}},
		{name: "empty body", edit: func(a *article.Article) { a.Body = " \n " }, reason: "incomplete"},
		{name: "no id", edit: func(a *article.Article) { a.ID = "" }, reason: "no_id"},
		{name: "id not hex", edit: func(a *article.Article) { a.ID = "$where" }, reason: "invalid"},
		{name: "bad hash", edit: func(a *article.Article) { a.Source.SHA256 = "x" }, reason: "invalid"},
		{name: "ingested in the future", edit: func(a *article.Article) { a.IngestedAt = time.Now().Add(time.Hour) }, reason: "invalid"},
		{name: "text over the limit", edit: func(a *article.Article) { a.Body = strings.Repeat("Jane Okafor met Sam Lee. ", 20000) }, reason: "too_large"},
		{name: "output over the limit", edit: func(a *article.Article) { a.Body = strings.Repeat("Jane Okafor met Sam Lee in Riverton. ", 100) },
			limits: enrich.Limits{MaxBodyBytes: 1 << 20, MaxDocBytes: 8 << 10}, reason: "too_large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := good()
			tc.edit(&a)
			data, _ := json.Marshal(a)
			var opts []enrich.StageOption
			if tc.limits != (enrich.Limits{}) {
				opts = append(opts, enrich.WithLimits(tc.limits))
			}
			outs, err := enrich.NewStage(enr, slog.New(slog.DiscardHandler), opts...).Handle(context.Background(), &jsbus.Msg{Data: data})
			if tc.reason == "" {
				if err != nil || len(outs) == 0 {
					t.Fatalf("good article: err %v, outputs %v", err, outs)
				}
				o := outs[0]
				if o.Subject != jsbus.SubjectEnriched || o.Type != jsbus.TypeEnriched || o.ArticleID != a.ID ||
					o.MsgID != jsbus.MsgID(jsbus.StageEnrich, a.ID, a.Source.SHA256) || o.DataSchema != jsbus.ArticleSchemaID {
					t.Errorf("output %+v", o)
				}
				var back article.Article
				if err := json.Unmarshal(o.Data, &back); err != nil || back.ID != a.ID || back.EnrichedAt == nil {
					t.Errorf("output data: %v, %+v", err, back)
				}
				return
			}
			if !errors.Is(err, article.ErrPermanent) || article.Reason(err) != tc.reason {
				t.Fatalf("err %v (reason %q), want a permanent %q", err, article.Reason(err), tc.reason)
			}
			if len(outs) != 0 {
				t.Errorf("outputs beside a permanent error: %v", outs)
			}
		})
	}
}

func TestLimitsFromEnv(t *testing.T) {
	env := map[string]string{"ENRICH_MAX_BODY_BYTES": "512KiB"}
	l, err := enrich.LimitsFromEnv(func(k string) string { return env[k] })
	if err != nil || l.MaxBodyBytes != 512<<10 || l.MaxDocBytes != enrich.DefaultLimits().MaxDocBytes {
		t.Fatalf("limits %+v, err %v", l, err)
	}
	if _, err := enrich.LimitsFromEnv(func(k string) string { return map[string]string{"ENRICH_MAX_DOC_BYTES": "10"}[k] }); err == nil {
		t.Error("a 10-byte limit was accepted")
	}
}

// TestStageFansOut: after the enriched article the stage returns one event
// per quote and per entity, on the subjects of their speaker and name, with
// their CloudEvents type and schema; a zero fan-out config returns none.
func TestStageFansOut(t *testing.T) {
	rec, err := entity.New(entity.Config{})
	if err != nil {
		t.Fatal(err)
	}
	enr := enrich.NewEnricher(rec, quote.Extract)
	a := article.Article{
		ID: "0123456789abcdef01234568", Headline: "Mayor opens bridge",
		Body:       "Mayor Jane Okafor opened the new bridge in Riverton on Monday. \"It joins our two halves,\" Okafor said.",
		Source:     article.Source{Format: "text", SHA256: strings.Repeat("cd", 32)},
		IngestedAt: time.Now().Add(-time.Minute).UTC(),
	}
	data, _ := json.Marshal(a)
	tests := []struct {
		name         string
		opts         []enrich.StageOption
		quotes, ents int
	}{
		{"default", nil, 1, 2},
		{"off", []enrich.StageOption{enrich.WithFanout(fanout.Config{})}, 0, 0},
		{"quotes only", []enrich.StageOption{enrich.WithFanout(fanout.Config{MaxQuotes: 5})}, 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			outs, err := enrich.NewStage(enr, slog.New(slog.DiscardHandler), tc.opts...).Handle(context.Background(), &jsbus.Msg{Data: data})
			if err != nil {
				t.Fatal(err)
			}
			if len(outs) == 0 || outs[0].Subject != jsbus.SubjectEnriched {
				t.Fatalf("first output %+v, want the enriched article", outs)
			}
			quotes, ents := 0, 0
			for _, o := range outs[1:] {
				if o.ArticleID != a.ID || o.MsgID == "" {
					t.Errorf("output %s: article %q, id %q", o.Subject, o.ArticleID, o.MsgID)
				}
				switch o.Type {
				case fanout.TypeQuote:
					quotes++
					if o.Subject != fanout.QuoteSubject("Jane Okafor") || o.DataSchema != fanout.SchemaQuote {
						t.Errorf("quote event on %s with schema %s", o.Subject, o.DataSchema)
					}
				case fanout.TypeEntity:
					ents++
					if !strings.HasPrefix(o.Subject, jsbus.SubjectEntityPrefix) || o.DataSchema != fanout.SchemaEntity {
						t.Errorf("entity event on %s with schema %s", o.Subject, o.DataSchema)
					}
				default:
					t.Errorf("output of type %q", o.Type)
				}
			}
			if quotes != tc.quotes || ents != tc.ents {
				t.Errorf("%d quote and %d entity events, want %d and %d", quotes, ents, tc.quotes, tc.ents)
			}
		})
	}
}
