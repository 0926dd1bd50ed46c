// Command enrich tags named entities and quotes in parsed articles from
// articles.parsed and publishes them on articles.enriched. Configuration
// comes from the environment: the NATS settings of package service
// (MAX_IN_FLIGHT defaults to two per core here).
// 'enrich healthcheck' probes a running enrich's /readyz (the container
// health check).
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"syscall"

	"github.com/newsflow/newsflow/pkg/health"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/service"
	"github.com/newsflow/newsflow/services/enrich/enrich"
	"github.com/newsflow/newsflow/services/enrich/entity"
	"github.com/newsflow/newsflow/services/enrich/geo"
	"github.com/newsflow/newsflow/services/enrich/quote"
)

// usage is the package doc, for --help.
const usage = `Command enrich tags named entities and quotes in parsed articles from
articles.parsed and publishes them on articles.enriched. Configuration
comes from the environment: the NATS settings of package service
(MAX_IN_FLIGHT defaults to two per core here). "enrich healthcheck"
probes a running enrich's /readyz (the container health check).`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "enrich:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	// The container health check: the image has no shell or wget.
	switch cmd, err := service.Args("enrich", usage, args, stdout); {
	case err != nil:
		return err
	case cmd == "help":
		return nil
	case cmd == "healthcheck":
		return service.Healthcheck(ctx, getenv, stdout)
	}
	// Enrich is CPU-bound: by default one message per core and a spare.
	env := func(k string) string {
		if k == "MAX_IN_FLIGHT" && getenv(k) == "" {
			return strconv.Itoa(2 * runtime.GOMAXPROCS(0))
		}
		return getenv(k)
	}
	return service.Main(ctx, jsbus.StageEnrich, env, stderr,
		func(ctx context.Context, r *service.Runner, _ *health.Server, log *slog.Logger) (jsbus.Handler, func(), error) {
			rec, err := entity.New(entity.Config{})
			if err != nil {
				return nil, nil, fmt.Errorf("entity recognizer: %w", err)
			}
			opts, cleanup, err := enrich.StoriesFromEnv(ctx, r.JetStream(), getenv, log)
			if err != nil {
				return nil, nil, err
			}
			gl, err := geo.New()
			if err != nil {
				cleanup()
				return nil, nil, fmt.Errorf("gazetteer: %w", err)
			}
			lim, err := enrich.LimitsFromEnv(getenv)
			if err != nil {
				cleanup()
				return nil, nil, err
			}
			fo, err := enrich.FanoutFromEnv(getenv)
			if err != nil {
				cleanup()
				return nil, nil, err
			}
			opts = append(opts, enrich.WithLimits(lim), fo)
			return enrich.NewStage(enrich.NewEnricher(rec, quote.Extract, enrich.WithGeo(gl)), log, opts...), cleanup, nil
		})
}
