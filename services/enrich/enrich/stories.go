package enrich

import (
	"context"
	"log/slog"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/services/enrich/story"
)

// StoriesFromEnv starts copy and story recognition on js when the
// environment leaves it on (story.ConfigFromEnv), returning the stage's
// option and the tracker's Close; with it off, no option and a no-op.
func StoriesFromEnv(ctx context.Context, js jetstream.JetStream, getenv func(string) string, log *slog.Logger) ([]StageOption, func(), error) {
	cfg, on, err := story.ConfigFromEnv(getenv)
	if err != nil || !on {
		return nil, func() {}, err
	}
	tr, err := story.NewTracker(ctx, js, cfg, story.WithLogger(log))
	if err != nil {
		return nil, nil, err
	}
	return []StageOption{WithStories(tr)}, func() { _ = tr.Close() }, nil
}
