// Command store writes enriched articles from articles.enriched into
// MongoDB. Configuration comes from the environment: the NATS settings of
// package service, and MONGO_URI (or MONGO_URI_FILE), MONGO_DATABASE,
// MONGO_COLLECTION, STORE_MAX_BATCH, STORE_FLUSH_INTERVAL.
package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"

	"syscall"
	"time"

	"github.com/newsflow/newsflow/pkg/health"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/service"
	"github.com/newsflow/newsflow/services/store/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "store:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, _ []string, getenv func(string) string, _, stderr io.Writer) error {
	cfg, err := store.ConfigFromEnv(getenv)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	return service.Main(ctx, jsbus.StageStore, getenv, stderr,
		func(ctx context.Context, r *service.Runner, hs *health.Server, log *slog.Logger) (jsbus.Handler, func(), error) {
			st, err := store.New(ctx, cfg, store.WithLogger(log))
			if err != nil {
				return nil, nil, err
			}
			hs.AddCheck("mongo", st.Ping)
			ictx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			if err := st.EnsureIndexes(ictx); err != nil {
				// Not fatal: the database may be starting; writes retry on their own.
				log.Warn("indexes", "err", err)
			}
			cleanup := func() { _ = st.Close(context.Background()) }
			return store.NewStage(st, r.Publisher(), log), cleanup, nil
		})
}
