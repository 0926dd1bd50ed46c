package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/eval"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

func cmdEval(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	withErrors := fs.Bool("errors", false, "also print every quote and entity error with the rule responsible, counts per kind and rule, and the entity type confusion matrix")
	totals := fs.Bool("totals", false, "print only the summary line (what a held-out set such as ../shared/gold-check may be read for)")
	stories := fs.Bool("stories", false, "score copies and stories instead: the generated near-duplicate set and the hand-checked story groups, from the corpus given as the argument (default "+defaultCorpus+")")
	geoFlag := fs.Bool("geo", false, "score place linking instead: the gold place mentions and countries of the corpus given as the argument (default "+defaultCorpus+"), docs/geo.md")
	heldOut := fs.String("held-out", "../shared/gold-check", "with --stories or --geo: a gold directory whose articles are left out of the corpus (\"\": none)")
	predDir := fs.String("predictions", "", "also write each enriched article as NAME.json here (for ../shared/tools/score-gold)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: newsflow eval [--json | --totals] [--errors] [--predictions DIR] GOLD_DIR | newsflow eval --stories [--json] [--held-out DIR] [CORPUS_CSV] | newsflow eval --geo [--errors] [--held-out DIR] [CORPUS_CSV]  (scores NAME.txt against NAME.gold.json, see ../shared/gold/GUIDELINES.md)")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return errUsage
	}
	if *asJSON && *totals {
		// --totals is how a held-out set is read; --json would print
		// every article's row.
		fmt.Fprintln(e.stderr, "eval: --json and --totals exclude each other")
		return errUsage
	}
	if err := evalFlagsApply(fs); err != nil {
		fmt.Fprintln(e.stderr, "eval:", err)
		return errUsage
	}
	if *geoFlag {
		if fs.NArg() > 1 {
			fs.Usage()
			return errUsage
		}
		corpus := defaultCorpus
		if fs.NArg() == 1 {
			corpus = fs.Arg(0)
		}
		return evalGeo(ctx, e, corpus, *heldOut, *withErrors)
	}
	if *stories {
		if fs.NArg() > 1 {
			fs.Usage()
			return errUsage
		}
		corpus := defaultCorpus
		if fs.NArg() == 1 {
			corpus = fs.Arg(0)
		}
		return evalStories(ctx, e, corpus, *heldOut, *asJSON)
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		return err
	}
	var opts []eval.Option
	if *withErrors && !*totals {
		tr, err := newTracer()
		if err != nil {
			return err
		}
		opts = append(opts, eval.WithErrors(), eval.WithTracer(tr))
	}
	report, err := eval.Run(ctx, fs.Arg(0), local.ProcessText, opts...)
	if err != nil {
		return err
	}
	if n := len(report.Missing); n > 0 {
		// (A gold file without its text was left out without a word: a
		// score over fewer articles than the user annotated.)
		fmt.Fprintf(e.stderr, "eval: %d gold file(s) without a NAME.txt beside them left out: %s\n", n, hintList(report.Missing, func(name string) string { return name }))
	}
	if *predDir != "" {
		if err := report.WritePredictions(*predDir); err != nil {
			return err
		}
	}
	switch {
	case *asJSON:
		return report.WriteJSON(e.stdout)
	case *totals:
		return report.WriteTotals(e.stdout)
	}
	if err := report.Write(e.stdout); err != nil {
		return err
	}
	if report.Errors != nil {
		return report.Errors.Write(e.stdout)
	}
	return nil
}

// evalFlagsApply refuses a flag set on the command line that the chosen
// kind of evaluation does not read: --stories --geo ran the places alone,
// --geo --json printed text to a script expecting JSON, and --held-out
// on a gold directory left nothing out, each without a word.
func evalFlagsApply(fs *flag.FlagSet) error {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	mode, unread := "", []string{"held-out"} // a gold directory's
	switch {
	case set["stories"] && set["geo"]:
		return errors.New("--stories and --geo exclude each other: run one, then the other")
	case set["stories"]:
		mode, unread = "--stories", []string{"errors", "totals", "predictions"}
	case set["geo"]:
		mode, unread = "--geo", []string{"json", "totals", "predictions"}
	}
	for _, name := range unread {
		if !set[name] {
			continue
		}
		if mode == "" {
			return fmt.Errorf("--%s is read by --stories and --geo only: a gold directory's articles are all scored", name)
		}
		return fmt.Errorf("--%s does not apply to %s (it would be ignored)", name, mode)
	}
	return nil
}
