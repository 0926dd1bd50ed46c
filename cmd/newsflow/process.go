package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/logging"
	"github.com/newsflow/newsflow/services/enrich/enrich"
	"github.com/newsflow/newsflow/services/ingest/ingest"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

func cmdProcess(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("process", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	indent := fs.Bool("indent", false, "indent the JSON")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: newsflow process [--indent] PATH... (files, folders, or - for stdin)")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	files, unread := collect(fs.Args(), e.stdin)
	// Items of a feed or a JSON file that the parser skips are warned of
	// on stderr and named in the file's error; the others are printed.
	log, err := logging.New(e.stderr, logging.Config{Format: e.getenv("LOG_FORMAT"), Level: orDefault(e.getenv("LOG_LEVEL"), "warn")})
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	// The ingest and enrich services' limits, read as they read them.
	pcfg, err := ingest.ParseConfigFromEnv(e.getenv)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	local, err := pipeline.NewLocal(pcfg, parse.WithLogger(log))
	if err != nil {
		return err
	}
	if local.Limits, err = enrich.LimitsFromEnv(e.getenv); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	var out bytes.Buffer
	errs := unread // each path that cannot be read is reported; the others are processed
	for _, f := range files {
		// (Items left out of a feed or JSON Lines file: the others are
		// printed, and the file is reported as the pipeline would
		// dead-letter it.)
		arts, err := local.Process(ctx, parse.Input{Data: f.data, ContentType: f.contentType, Name: f.name})
		for _, a := range arts {
			// The enrich stage refuses an enriched article over
			// ENRICH_MAX_DOC_BYTES (it reads the parsed one, smaller,
			// under the same bound): so does process.
			// (Encoded once: the bytes measured are the bytes printed.)
			doc, jerr := json.Marshal(a)
			if jerr != nil {
				return fmt.Errorf("encode %s: %w", a.ID, jerr)
			}
			if len(doc) > local.Limits.MaxDocBytes {
				err = errors.Join(err, article.Permanent("too_large", fmt.Errorf("enriched article %s is %d bytes, over the limit of %d (ENRICH_MAX_DOC_BYTES)", a.ID, len(doc), local.Limits.MaxDocBytes)))
				continue
			}
			out.Reset()
			if *indent {
				_ = json.Indent(&out, doc, "", "  ")
			} else {
				out.Write(doc)
			}
			out.WriteByte('\n')
			if _, err := e.stdout.Write(out.Bytes()); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		if err != nil {
			// The error starts with the reason a dead letter would carry.
			errs = append(errs, fmt.Errorf("%s: %w", f.name, err))
		}
	}
	return errors.Join(errs...)
}
