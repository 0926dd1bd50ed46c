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

// DriveConfig sets up a pipeline run.
type DriveConfig struct {
	// Publishers is the number of concurrent publishers dropping articles;
	// each waits for its JetStream ack before the next publish.
	Publishers int
	// Timeout bounds the whole run.
	Timeout time.Duration
}

// DefaultDriveConfig returns the defaults.
func DefaultDriveConfig() DriveConfig {
	return DriveConfig{Publishers: 64, Timeout: 30 * time.Minute}
}

// Validate reports a config that cannot work.
func (c DriveConfig) Validate() error {
	switch {
	case c.Publishers < 1:
		return errors.New("bench: publishers must be at least 1")
	case c.Timeout <= 0:
		return errors.New("bench: timeout must be positive")
	}
	return nil
}

// PipelineResult is what a pipeline run measured.
type PipelineResult struct {
	Dropped int `json:"dropped"`
	Stored  int `json:"stored"`
	Dead    int `json:"dead"`
	// DropElapsed is from the first drop to the last publish ack.
	DropElapsed time.Duration `json:"drop_elapsed_ns"`
	// Throughput is stored articles from the first drop to the last stored notice.
	Throughput Throughput `json:"throughput"`
	// Latency is from each article's drop to its stored notice.
	Latency Latency `json:"latency"`
}

// Drive drops items into the stack that js talks to, all at once through
// concurrent publishers, and follows articles.stored and the dead letters
// until every item has an outcome.
func Drive(ctx context.Context, js jetstream.JetStream, items []Item, cfg DriveConfig, log *slog.Logger) (PipelineResult, error) {
	if err := cfg.Validate(); err != nil {
		return PipelineResult{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()

	index := make(map[string]int, len(items))
	for i, it := range items {
		index[it.SHA256] = i
	}
	// Follow outcomes before the first drop so none is missed.
	type outcome struct {
		sum  string
		dead bool
		at   time.Time
	}
	outcomes := make(chan outcome, len(items)+1024)
	stopFollow, err := jsbus.FollowSubjects(ctx, js, []string{jsbus.SubjectStored, jsbus.SubjectDeadPrefix + ">"}, jetstream.DeliverNewPolicy, func(m jetstream.Msg) {
		o := outcome{sum: m.Headers().Get(jsbus.HeaderRawSHA256), dead: m.Subject() != jsbus.SubjectStored, at: time.Now()}
		select {
		case outcomes <- o:
		default: // full: only possible with many foreign messages; the run then times out
			log.Warn("bench: outcome dropped", "subject", m.Subject())
		}
	})
	if err != nil {
		return PipelineResult{}, fmt.Errorf("follow outcomes: %w", err)
	}
	defer stopFollow()

	dropAt := make([]time.Time, len(items))
	pub := jsbus.NewPublisher(js)
	var wg sync.WaitGroup
	jobs := make(chan int)
	pubErr := make(chan error, cfg.Publishers)
	start, cpu0 := time.Now(), CPUTime()
	for range min(cfg.Publishers, len(items)) {
		wg.Go(func() {
			for i := range jobs {
				it := items[i]
				hdr := nats.Header{}
				hdr.Set(jsbus.HeaderContentType, "text/plain")
				hdr.Set(jsbus.HeaderSourceName, it.Name)
				hdr.Set(jsbus.HeaderRawSHA256, it.SHA256)
				dropAt[i] = time.Now()
				ack, err := pub.Publish(ctx, jsbus.SubjectRaw, "raw:"+it.SHA256, it.Data, hdr)
				if err == nil && ack.Duplicate {
					err = fmt.Errorf("%s was dropped before (use a fresh --data dir)", it.Name)
				}
				if err != nil {
					pubErr <- fmt.Errorf("drop %s: %w", it.Name, err)
					return
				}
			}
		})
	}
	var feedErr error
feed:
	for i := range items {
		select {
		case jobs <- i:
		case err := <-pubErr:
			feedErr = err
			break feed
		case <-ctx.Done():
			feedErr = ctx.Err()
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	dropDone := time.Since(start)
	if feedErr == nil {
		select {
		case feedErr = <-pubErr:
		default:
		}
	}
	if feedErr != nil {
		return PipelineResult{}, feedErr
	}
	log.Info("bench: dropped", "articles", len(items), "elapsed", dropDone)

	res := PipelineResult{Dropped: len(items), DropElapsed: dropDone}
	done := make([]bool, len(items))
	lat := make([]time.Duration, 0, len(items))
	var last time.Time
	var lastCPU time.Duration
	progress := time.NewTicker(10 * time.Second)
	defer progress.Stop()
	for res.Stored+res.Dead < len(items) {
		select {
		case o := <-outcomes:
			i, ok := index[o.sum]
			if !ok || done[i] {
				continue
			}
			done[i] = true
			if o.dead {
				res.Dead++
				continue
			}
			res.Stored++
			lat = append(lat, o.at.Sub(dropAt[i]))
			last, lastCPU = o.at, CPUTime()
		case <-progress.C:
			log.Info("bench: progress", "stored", res.Stored, "dead", res.Dead, "of", len(items))
		case <-ctx.Done():
			return res, fmt.Errorf("bench: %d of %d articles without outcome: %w", len(items)-res.Stored-res.Dead, len(items), ctx.Err())
		}
	}
	res.Throughput = newThroughput(res.Stored, 0, last.Sub(start), lastCPU-cpu0)
	res.Latency = Summarize(lat)
	return res, nil
}
