package enrich

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/services/enrich/story"
)

// StoriesFromEnv starts copy and story recognition on js when the
// environment leaves it on (story.ConfigFromEnv), returning the stage's
// option and the tracker's Close; with it off, no option and a no-op.
func StoriesFromEnv(ctx context.Context, js jetstream.JetStream, getenv func(string) string, log *slog.Logger) ([]StageOption, func(), error) {
	cfg, on, err := storiesConfig(getenv)
	if err != nil || !on {
		return nil, func() {}, err
	}
	// The bus may be away while the service starts (a restart of NATS, a
	// cluster electing a leader): wait for it as the consumer does,
	// rather than exit on the first refusal.
	wait := 250 * time.Millisecond
	for {
		tr, err := story.NewTracker(ctx, js, cfg, story.WithLogger(log))
		if err == nil {
			return []StageOption{WithStories(tr)}, func() { _ = tr.Close() }, nil
		}
		log.Warn("copies and stories: bucket not ready, retrying", "err", err, "in", wait)
		select {
		case <-ctx.Done():
			return nil, nil, fmt.Errorf("copies and stories: %w (last: %w)", ctx.Err(), err)
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Second)
	}
}

// storiesConfig reads STORIES and STORY_TTL: whether copies and stories
// are on, and the tracker's configuration, validated.
func storiesConfig(getenv func(string) string) (story.Config, bool, error) {
	cfg, on, err := story.ConfigFromEnv(getenv)
	if err != nil || !on {
		return cfg, false, err
	}
	if err := cfg.WithDefaults().Validate(); err != nil {
		return cfg, false, err
	}
	return cfg, true, nil
}

// CheckStoriesEnv reports a bad STORIES or STORY_TTL without connecting,
// so that a command can refuse it before it starts anything.
func CheckStoriesEnv(getenv func(string) string) error {
	_, _, err := storiesConfig(getenv)
	return err
}
