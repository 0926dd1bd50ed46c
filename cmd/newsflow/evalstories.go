package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/storyeval"
	"github.com/newsflow/newsflow/services/enrich/story"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// Sizes of the generated duplicate set: originals, and the seeds of the
// variants and of the replay order, fixed so that runs compare.
const (
	storyFamilies  = 120
	storyGenSeed   = 1
	storyOrderSeed = 7
)

// evalStories scores copy and story recognition (docs/stories.md).
func evalStories(ctx context.Context, e env, corpus, heldOut string, asJSON bool) error {
	rows, err := storyeval.LoadCorpusExcept(corpus, heldOut)
	if err != nil {
		return err
	}
	groups, err := storyeval.Groups()
	if err != nil {
		return err
	}
	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		return err
	}
	p := storyeval.FromLocal(local)
	dup, err := storyeval.Duplicates(ctx, p, story.Config{}, storyeval.Generate(rows, storyFamilies, storyGenSeed), storyOrderSeed)
	if err != nil {
		return err
	}
	st, err := storyeval.Stories(ctx, p, story.Config{}, rows, groups)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"duplicates": dup, "stories": st}); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		return nil
	}
	kinds := make([]string, 0, len(dup.RecallByVariant))
	for k := range dup.RecallByVariant {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Fprintf(e.stdout, "duplicates (generated from %d corpus articles: %d samples in %d families, shuffled):\n", len(rows), dup.Samples, dup.Families)
	fmt.Fprintf(e.stdout, "  links=%d correct=%d expected=%d precision=%.3f recall=%.3f\n", dup.Links, dup.Correct, dup.Expected, dup.Precision, dup.Recall)
	for _, k := range kinds {
		fmt.Fprintf(e.stdout, "  recall %-12s %.3f\n", k, dup.RecallByVariant[k])
	}
	fmt.Fprintf(e.stdout, "  originals sharing a main entity: %d pairs, %d marked as copies\n", dup.HardNegatives, dup.HardFalse)
	fmt.Fprintf(e.stdout, "stories (%d corpus articles in order, %d hand-checked groups):\n", st.Articles, st.Groups)
	fmt.Fprintf(e.stdout, "  pairs true=%d predicted=%d correct=%d precision=%.3f recall=%.3f\n", st.TruePairs, st.PredPairs, st.Correct, st.Precision, st.Recall)
	for _, w := range st.Wrong {
		fmt.Fprintf(e.stdout, "  %s\n", w)
	}
	fmt.Fprintf(e.stdout, "duplicate_p=%.3f duplicate_r=%.3f story_p=%.3f story_r=%.3f\n", dup.Precision, dup.Recall, st.Precision, st.Recall)
	return nil
}
