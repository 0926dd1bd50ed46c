// Command ingest parses raw articles from articles.raw into structured
// articles on articles.parsed. Configuration comes from the environment: the
// NATS settings of package service, and INGEST_MAX_BYTES (5 MiB).
// 'ingest healthcheck' probes a running ingest's /readyz (the container
// health check).
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/newsflow/newsflow/pkg/health"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/service"
	"github.com/newsflow/newsflow/services/ingest/ingest"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// usage is the package doc, for --help.
const usage = `Command ingest parses raw articles from articles.raw into structured
articles on articles.parsed. Configuration comes from the environment:
the NATS settings of package service, and INGEST_MAX_BYTES (5 MiB).
"ingest healthcheck" probes a running ingest's /readyz (the container
health check).`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "ingest:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	// The container health check: the image has no shell or wget.
	switch cmd, err := service.Args("ingest", usage, args, stdout); {
	case err != nil:
		return err
	case cmd == "help":
		return nil
	case cmd == "healthcheck":
		return service.Healthcheck(ctx, getenv, stdout)
	}
	pcfg, err := ingest.ParseConfigFromEnv(getenv)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return service.Main(ctx, jsbus.StageIngest, getenv, stderr,
		func(_ context.Context, _ *service.Runner, _ *health.Server, log *slog.Logger) (jsbus.Handler, func(), error) {
			p, err := parse.New(pcfg, parse.WithLogger(log))
			if err != nil {
				return nil, nil, fmt.Errorf("parser: %w", err)
			}
			return ingest.New(p, log), nil, nil
		})
}
