package bench

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

// SteadyConfig sets up a latency run: articles dropped one at a time at a
// steady rate well under the pipeline's capacity, so that what is measured
// is the time one article takes, not the queue in front of it.
type SteadyConfig struct {
	// Rate is articles dropped per second.
	Rate float64
	// Duration is how long articles are dropped; Rate*Duration articles.
	Duration time.Duration
	// Timeout bounds the wait for the last outcome after the last drop.
	Timeout time.Duration
}

// Validate reports a config that cannot work.
func (c SteadyConfig) Validate() error {
	switch {
	case c.Rate <= 0 || c.Rate > 1000:
		return errors.New("bench: rate must be in (0, 1000] articles/s")
	case c.Duration < time.Second:
		return errors.New("bench: duration must be at least 1s")
	case c.Timeout <= 0:
		return errors.New("bench: timeout must be positive")
	}
	return nil
}

// Articles is the number of articles a run drops.
func (c SteadyConfig) Articles() int { return max(1, int(c.Rate*c.Duration.Seconds())) }

// SteadyResult is what a latency run measured. Every time is taken in
// this process when the event reaches a subscriber (an ordered consumer
// on the stream), the way a user sees it.
type SteadyResult struct {
	Rate    float64       `json:"rate_per_sec"`
	Elapsed time.Duration `json:"drop_elapsed_ns"`
	Dropped int           `json:"dropped"`
	Stored  int           `json:"stored"`
	Dead    int           `json:"dead"`
	// DropToEnriched is from the drop's publish to the articles.enriched
	// event; DropToStored to the articles.stored notice.
	DropToEnriched Latency `json:"drop_to_enriched"`
	DropToStored   Latency `json:"drop_to_stored"`
	// Per stage: drop to articles.parsed (ingest, with the drop's own
	// publish), parsed to enriched (enrich), enriched to stored (store).
	Ingest Latency `json:"stage_ingest"`
	Enrich Latency `json:"stage_enrich"`
	Store  Latency `json:"stage_store"`
}

// DriveSteady drops items at cfg.Rate into the stack js talks to and
// follows each article's parsed, enriched and stored events.
func DriveSteady(ctx context.Context, js jetstream.JetStream, items []Item, cfg SteadyConfig, log *slog.Logger) (SteadyResult, error) {
	if err := cfg.Validate(); err != nil {
		return SteadyResult{}, err
	}
	items = items[:min(len(items), cfg.Articles())]
	index := make(map[string]int, len(items))
	for i, it := range items {
		index[it.SHA256] = i
	}
	type times struct{ drop, parsed, enriched, stored time.Time }
	var (
		mu   sync.Mutex
		at   = make([]times, len(items))
		dead = make([]bool, len(items))
		left = len(items)
		done = make(chan struct{})
	)
	stopFollow, err := jsbus.FollowSubjects(ctx, js, []string{jsbus.SubjectParsed, jsbus.SubjectEnriched, jsbus.SubjectStored, jsbus.SubjectDeadPrefix + ">"},
		jetstream.DeliverNewPolicy, func(m jetstream.Msg) {
			now := time.Now()
			i, ok := index[m.Headers().Get(jsbus.HeaderRawSHA256)]
			if !ok {
				return
			}
			mu.Lock()
			defer mu.Unlock()
			t := &at[i]
			final := false
			switch s := m.Subject(); {
			case s == jsbus.SubjectParsed && t.parsed.IsZero():
				t.parsed = now
			case s == jsbus.SubjectEnriched && t.enriched.IsZero():
				t.enriched = now
			case s == jsbus.SubjectStored && t.stored.IsZero():
				t.stored, final = now, !dead[i]
			case s != jsbus.SubjectParsed && s != jsbus.SubjectEnriched && s != jsbus.SubjectStored && !dead[i] && t.stored.IsZero():
				dead[i], final = true, true
			}
			if final {
				if left--; left == 0 {
					close(done)
				}
			}
		})
	if err != nil {
		return SteadyResult{}, fmt.Errorf("follow events: %w", err)
	}
	defer stopFollow()

	pub := jsbus.NewPublisher(js)
	interval := time.Duration(float64(time.Second) / cfg.Rate)
	tick := time.NewTicker(interval)
	defer tick.Stop()
	start := time.Now()
	for i, it := range items {
		if i > 0 {
			select {
			case <-tick.C:
			case <-ctx.Done():
				return SteadyResult{}, ctx.Err()
			}
		}
		hdr := nats.Header{}
		hdr.Set(jsbus.HeaderContentType, "text/plain")
		hdr.Set(jsbus.HeaderSourceName, it.Name)
		hdr.Set(jsbus.HeaderRawSHA256, it.SHA256)
		mu.Lock()
		at[i].drop = time.Now()
		mu.Unlock()
		ack, err := pub.Publish(ctx, jsbus.SubjectRaw, "raw:"+it.SHA256, it.Data, hdr)
		if err == nil && ack.Duplicate {
			err = fmt.Errorf("%s was dropped before (use a fresh --data dir)", it.Name)
		}
		if err != nil {
			return SteadyResult{}, fmt.Errorf("drop %s: %w", it.Name, err)
		}
	}
	res := SteadyResult{Rate: cfg.Rate, Elapsed: time.Since(start), Dropped: len(items)}
	log.Info("bench: dropped at a steady rate", "articles", len(items), "elapsed", res.Elapsed)
	wait := time.NewTimer(cfg.Timeout)
	defer wait.Stop()
	select {
	case <-done:
	case <-wait.C:
		mu.Lock()
		n := left
		mu.Unlock()
		return res, fmt.Errorf("bench: %d of %d articles without outcome %v after the last drop", n, len(items), cfg.Timeout)
	case <-ctx.Done():
		return res, ctx.Err()
	}
	mu.Lock()
	defer mu.Unlock()
	var toEnriched, toStored, ingest, enrich, store []time.Duration
	for i, t := range at {
		if dead[i] {
			res.Dead++
			continue
		}
		res.Stored++
		if t.parsed.IsZero() || t.enriched.IsZero() {
			// Seen before the consumer started delivering (cannot
			// happen with DeliverNew before the first drop): skip.
			continue
		}
		toEnriched = append(toEnriched, t.enriched.Sub(t.drop))
		toStored = append(toStored, t.stored.Sub(t.drop))
		ingest = append(ingest, t.parsed.Sub(t.drop))
		enrich = append(enrich, t.enriched.Sub(t.parsed))
		store = append(store, t.stored.Sub(t.enriched))
	}
	res.DropToEnriched, res.DropToStored = Summarize(toEnriched), Summarize(toStored)
	res.Ingest, res.Enrich, res.Store = Summarize(ingest), Summarize(enrich), Summarize(store)
	return res, nil
}
