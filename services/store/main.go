// Command store writes enriched articles from articles.enriched into
// MongoDB. Configuration comes from the environment: the NATS settings of
// package service, and MONGO_URI (or MONGO_URI_FILE, or MONGO_HOST,
// MONGO_USER and MONGO_PASSWORD(_FILE) from which the URI is built),
// MONGO_DATABASE, MONGO_COLLECTION, STORE_MAX_BATCH, STORE_FLUSH_INTERVAL.
// 'store healthcheck' probes a running store's /readyz (the container
// health check).
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/newsflow/newsflow/pkg/health"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/service"
	"github.com/newsflow/newsflow/services/store/store"
)

// usage is the package doc, for --help.
const usage = `Command store writes enriched articles from articles.enriched into
MongoDB. Configuration comes from the environment: the NATS settings of
package service, and MONGO_URI (or MONGO_URI_FILE, or MONGO_HOST,
MONGO_USER and MONGO_PASSWORD(_FILE) from which the URI is built),
MONGO_DATABASE, MONGO_COLLECTION, STORE_MAX_BATCH, STORE_FLUSH_INTERVAL.
"store healthcheck" probes a running store's /readyz (the container
health check).`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "store:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	// The container health check: the image has no shell or wget.
	switch cmd, err := service.Args("store", usage, args, stdout); {
	case err != nil:
		return err
	case cmd == "help":
		return nil
	case cmd == "healthcheck":
		return service.Healthcheck(ctx, getenv, stdout)
	}
	// MONGO_HOST, MONGO_USER and MONGO_PASSWORD(_FILE) build the URI with
	// the password escaped; MONGO_URI, if set, is used as written.
	getenv, err := service.WithMongoURI(getenv)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	cfg, err := store.ConfigFromEnv(getenv)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return service.Main(ctx, jsbus.StageStore, getenv, stderr,
		func(ctx context.Context, _ *service.Runner, hs *health.Server, log *slog.Logger) (jsbus.Handler, func(), error) {
			st, err := store.New(ctx, cfg, store.WithLogger(log))
			if err != nil {
				return nil, nil, err
			}
			hs.AddCheck("mongo", st.Ping)
			// Not waited for: the database may be starting, and writes
			// retry on their own; the indexes come when it answers.
			ictx, cancel := context.WithCancel(ctx)
			var wg sync.WaitGroup
			wg.Go(func() {
				if err := st.EnsureIndexesWhenReachable(ictx, 5*time.Second); err == nil {
					log.Info("indexes ready")
				}
			})
			cleanup := func() {
				cancel()
				wg.Wait()
				_ = st.Close(context.Background())
			}
			return store.NewStage(st, log), cleanup, nil
		})
}
