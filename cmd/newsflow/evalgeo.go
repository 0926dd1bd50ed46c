package main

import (
	"context"
	"fmt"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/geoeval"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/storyeval"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// evalGeo scores place linking against the gold place mentions (docs/geo.md).
func evalGeo(ctx context.Context, e env, corpus, heldOut string, withErrors bool) error {
	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		return err
	}
	r, err := geoeval.Evaluate(ctx, storyeval.FromLocal(local), corpus, heldOut)
	if err != nil {
		return err
	}
	if withErrors {
		for _, l := range r.Errors {
			fmt.Fprintln(e.stdout, l)
		}
	}
	_, err = fmt.Fprintln(e.stdout, r.String())
	return err
}
