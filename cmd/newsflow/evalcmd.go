package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/eval"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

func cmdEval(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	predDir := fs.String("predictions", "", "also write each enriched article as NAME.json here (for ../shared/tools/score-gold)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: newsflow eval [--json] GOLD_DIR  (scores NAME.txt against NAME.gold.json, see ../shared/gold/GUIDELINES.md)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		return err
	}
	report, err := eval.Run(ctx, fs.Arg(0), func(ctx context.Context, name string, raw []byte) (article.Article, error) {
		arts, err := local.Process(ctx, parse.Input{Data: raw, Name: name, ContentType: "text/plain"})
		if err != nil {
			return article.Article{}, err
		}
		return arts[0], nil
	})
	if err != nil {
		return err
	}
	if *predDir != "" {
		if err := report.WritePredictions(*predDir); err != nil {
			return err
		}
	}
	if *asJSON {
		return report.WriteJSON(e.stdout)
	}
	return report.Write(e.stdout)
}
