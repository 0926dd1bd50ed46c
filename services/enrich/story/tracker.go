package story

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"regexp"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
)

// ErrClosed reports a Tracker used after Close.
var ErrClosed = errors.New("story: tracker closed")

// Tracker recognises copies and stories across every enrich instance. Each
// article leaves a Record in a JetStream key-value bucket (created once per
// id, so a redelivered article keeps its first place); every instance
// replays the bucket, in its one order, into a local Index, and an
// article's decision is read once the instance has replayed up to the
// article's own record. Two copies handled at the same moment by two
// instances therefore agree on which came first. Records expire after
// Config.TTL.
type Tracker struct {
	kv  jetstream.KeyValue
	ix  *Index
	cfg Config
	log *slog.Logger

	mu      sync.Mutex
	cond    *sync.Cond
	applied uint64
	err     error // the watcher's end, once it ended
	closed  bool

	cancel context.CancelFunc
	done   chan struct{}
}

// TrackerOption configures a Tracker.
type TrackerOption func(*Tracker)

// WithLogger sets the logger (default slog.Default()).
func WithLogger(l *slog.Logger) TrackerOption { return func(t *Tracker) { t.log = l } }

// NewTracker creates (or opens) the bucket and starts replaying it. Close
// stops the replay.
func NewTracker(ctx context.Context, js jetstream.JetStream, cfg Config, opts ...TrackerOption) (*Tracker, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	ix, err := NewIndex(cfg)
	if err != nil {
		return nil, err
	}
	kv, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
		Bucket:      cfg.Bucket,
		Description: "newsflow: one record per article for copies and stories",
		TTL:         cfg.TTL,
		History:     1,
		Storage:     jetstream.FileStorage,
		Replicas:    cfg.Replicas,
	})
	if err != nil {
		return nil, fmt.Errorf("story bucket %s: %w", cfg.Bucket, err)
	}
	t := &Tracker{kv: kv, ix: ix, cfg: cfg, log: slog.Default(), done: make(chan struct{})}
	for _, o := range opts {
		o(t)
	}
	t.cond = sync.NewCond(&t.mu)
	// The watch outlives ctx (which only bounds start-up); Close ends it.
	wctx, cancel := context.WithCancel(context.Background())
	t.cancel = cancel
	w, err := kv.WatchAll(wctx, jetstream.IgnoreDeletes())
	if err != nil {
		cancel()
		return nil, fmt.Errorf("story bucket watch: %w", err)
	}
	go t.replay(wctx, w)
	return t, nil
}

// replay applies every record of the bucket in order until the watch ends.
func (t *Tracker) replay(ctx context.Context, w jetstream.KeyWatcher) {
	defer close(t.done)
	defer func() { _ = w.Stop() }()
	expire := time.NewTicker(time.Hour)
	defer expire.Stop()
	for {
		select {
		case <-ctx.Done():
			t.finish(ErrClosed)
			return
		case <-expire.C:
			t.ix.Expire()
		case e, ok := <-w.Updates():
			if !ok {
				t.finish(fmt.Errorf("story bucket watch ended: %w", ErrClosed))
				return
			}
			if e == nil { // the initial values are all in
				continue
			}
			var rec Record
			if err := json.Unmarshal(e.Value(), &rec); err != nil || rec.ID == "" {
				t.log.Warn("story: unreadable record skipped", "key", e.Key(), "err", err)
			} else {
				t.ix.Apply(e.Revision(), rec)
			}
			t.mu.Lock()
			t.applied = e.Revision()
			t.cond.Broadcast()
			t.mu.Unlock()
		}
	}
}

func (t *Tracker) finish(err error) {
	t.mu.Lock()
	t.err = err
	t.cond.Broadcast()
	t.mu.Unlock()
}

var keyOK = regexp.MustCompile(`^[A-Za-z0-9_-]{1,200}$`)

// recordKey is the bucket key of an article id: the id itself when it is a
// plain token (newsflow's ids are hex), else a hash of it.
func recordKey(id string) string {
	if keyOK.MatchString(id) {
		return "a." + id
	}
	sum := sha256.Sum256([]byte(id))
	return "h." + hex.EncodeToString(sum[:16])
}

// Assign records the article and returns what the shared state says of it.
// The article's entities must be set (it runs after entity recognition).
func (t *Tracker) Assign(ctx context.Context, a *article.Article) (Decision, error) {
	if a == nil || a.ID == "" {
		return Decision{}, fmt.Errorf("story: article without id")
	}
	t.mu.Lock()
	closed := t.closed
	t.mu.Unlock()
	if closed {
		return Decision{}, ErrClosed
	}
	rec := NewRecord(a, t.cfg)
	data, err := json.Marshal(rec)
	if err != nil {
		return Decision{}, fmt.Errorf("story: encode record: %w", err)
	}
	key := recordKey(a.ID)
	rev, err := t.kv.Create(ctx, key, data)
	if errors.Is(err, jetstream.ErrKeyExists) {
		// Seen before (a redelivery, or the same article dropped twice): its
		// first record keeps its place.
		e, gerr := t.kv.Get(ctx, key)
		if gerr != nil {
			return Decision{}, fmt.Errorf("story: read record: %w", gerr)
		}
		rev, err = e.Revision(), nil
	}
	if err != nil {
		return Decision{}, fmt.Errorf("story: write record: %w", err)
	}
	if err := t.waitApplied(ctx, rev); err != nil {
		return Decision{}, err
	}
	d, ok := t.ix.Decision(a.ID)
	if !ok {
		return Decision{}, fmt.Errorf("story: record of %s applied but not indexed", a.ID)
	}
	return d, nil
}

// waitApplied blocks until the replay has applied revision rev.
func (t *Tracker) waitApplied(ctx context.Context, rev uint64) error {
	stop := context.AfterFunc(ctx, func() {
		t.mu.Lock()
		t.cond.Broadcast()
		t.mu.Unlock()
	})
	defer stop()
	t.mu.Lock()
	defer t.mu.Unlock()
	for t.applied < rev {
		if t.err != nil {
			return t.err
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("story: wait for the shared state: %w", err)
		}
		t.cond.Wait()
	}
	return nil
}

// Len returns the number of records in this instance's index.
func (t *Tracker) Len() int { return t.ix.Len() }

// Close stops the replay and waits for it.
func (t *Tracker) Close() error {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return nil
	}
	t.closed = true
	t.mu.Unlock()
	t.cancel()
	<-t.done
	return nil
}
