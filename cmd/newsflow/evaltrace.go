package main

import (
	"context"
	"fmt"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/eval"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/enrich/enrich"
	"github.com/newsflow/newsflow/services/enrich/entity"
	"github.com/newsflow/newsflow/services/enrich/quote"
)

// newTracer returns an eval.Tracer that runs the entity and quote layers
// again on an enriched article, asking each for the rules behind its output.
// Both layers are deterministic, so the traces line up with the article's
// entities and quotes; a mismatch is reported as an error, not guessed at.
func newTracer() (eval.Tracer, error) {
	rec, err := entity.New(entity.Config{})
	if err != nil {
		return nil, fmt.Errorf("entity recognizer: %w", err)
	}
	x := quote.New()
	return func(ctx context.Context, a article.Article) (eval.Trace, error) {
		ents, traces, err := rec.RecognizeTraced(ctx, &a)
		if err != nil {
			return eval.Trace{}, err
		}
		if len(traces) != len(a.Entities) {
			return eval.Trace{}, fmt.Errorf("entity trace: %d traces for %d entities", len(traces), len(a.Entities))
		}
		var tr eval.Trace
		for _, t := range traces {
			tr.EntityRules = append(tr.EntityRules, eval.EntityRules{Made: t.Made, Typed: t.Typed})
		}
		qs, rules := x.ExtractTraced(a.Body, enrich.FieldEntities(ents, article.FieldBody))
		if a.Caption != "" {
			cqs, crules := x.ExtractTraced(a.Caption, enrich.FieldEntities(ents, article.FieldCaption))
			qs, rules = append(qs, cqs...), append(rules, crules...)
		}
		if len(qs) != len(a.Quotes) {
			return eval.Trace{}, fmt.Errorf("quote trace: %d quotes for %d", len(qs), len(a.Quotes))
		}
		tr.QuoteRules = rules
		return tr, nil
	}, nil
}
