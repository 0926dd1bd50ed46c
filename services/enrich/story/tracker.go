package story

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
)

// ErrClosed reports a Tracker used after Close.
var ErrClosed = errors.New("story: tracker closed")

// Tracker recognises copies and stories across every enrich instance. Each
// article leaves a Record in a JetStream key-value bucket; every instance
// replays the bucket, in the stream's one order, into a local Index, and
// an article's decision is the one made when its own record is replayed,
// from the records before it. Two copies handled at the same moment by two
// instances therefore agree on which came first, and so does an instance
// started later. An article seen again (a redelivery) keeps its first
// record's decision. Records expire after Config.TTL.
//
// The records of the articles an instance handles at the same moment go
// out together, one message per batch (group commit): one publish, one
// stored message and one delivery to each instance, whatever the batch's
// size. When articles come faster than Config.Linger apart, a record waits
// up to Linger for the next ones.
type Tracker struct {
	kv     jetstream.KeyValue
	nc     *nats.Conn
	ix     *Index
	cfg    Config
	log    *slog.Logger
	prefix string // this instance's key prefix: its batches' keys are unique
	// subject is the bucket's subject prefix ("$KV.<bucket>.").
	subject string

	mu      sync.Mutex
	queue   []Record                     // records the writer has not taken yet
	waiting map[string][]chan assignment // article id -> its Assign calls
	err     error                        // set once the tracker cannot go on
	batches uint64
	// Arrivals, for lingering: the queue's oldest record's, the last one's
	// and the average gap between two (weighted to the recent ones).
	first, last time.Time
	gap         time.Duration
	// futile counts the lingering batches in a row that nobody joined
	// (one caller at a time, however fast): past futileMax lingering stops
	// until the batch count reaches retryAt.
	futile  int
	retryAt uint64

	kick   chan struct{} // wakes the writer
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// assignment is the answer to one Assign call.
type assignment struct {
	d   Decision
	err error
}

// TrackerOption configures a Tracker.
type TrackerOption func(*Tracker)

// WithLogger sets the logger (default slog.Default()).
func WithLogger(l *slog.Logger) TrackerOption { return func(t *Tracker) { t.log = l } }

const (
	// replayTimeout bounds the wait for an article's record to come back
	// through the replay; the article is then retried.
	replayTimeout = 10 * time.Second
	// After futileMax lingering batches in a row that no other record
	// joined, lingering stops for retryAfter batches.
	futileMax, retryAfter = 3, 64
	// maxPerMessage bounds a message's records: about 1 KB each at most
	// (the headline's words are few), well under NATS's 1 MB payload.
	maxPerMessage = 256
)

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
		Description: "newsflow: the records of articles for copies and stories",
		TTL:         cfg.TTL,
		History:     1,
		Storage:     jetstream.FileStorage,
		Replicas:    cfg.Replicas,
	})
	if err != nil {
		return nil, fmt.Errorf("story bucket %s: %w", cfg.Bucket, err)
	}
	var id [8]byte
	if _, err := rand.Read(id[:]); err != nil {
		return nil, fmt.Errorf("story: instance id: %w", err)
	}
	t := &Tracker{kv: kv, nc: js.Conn(), ix: ix, cfg: cfg, log: slog.Default(), prefix: "b." + hex.EncodeToString(id[:]) + ".", subject: "$KV." + cfg.Bucket + ".",
		waiting: map[string][]chan assignment{}, kick: make(chan struct{}, 1)}
	for _, o := range opts {
		o(t)
	}
	// The goroutines outlive ctx (which only bounds start-up); Close ends them.
	wctx, cancel := context.WithCancel(context.Background())
	t.cancel = cancel
	w, err := kv.WatchAll(wctx, jetstream.IgnoreDeletes())
	if err != nil {
		cancel()
		return nil, fmt.Errorf("story bucket watch: %w", err)
	}
	t.wg.Add(2)
	go t.replay(wctx, w)
	go t.write(wctx)
	return t, nil
}

// replay applies every record of the bucket in order until the watch ends,
// answering the Assign calls that wait for the articles it applies.
func (t *Tracker) replay(ctx context.Context, w jetstream.KeyWatcher) {
	defer t.wg.Done()
	defer func() { _ = w.Stop() }()
	// The index leaves expired records out of decisions by itself; the
	// sweep frees them, often enough for a short TTL.
	expire := time.NewTicker(min(time.Hour, max(t.cfg.TTL/4, time.Second)))
	defer expire.Stop()
	var ids []string
	for {
		select {
		case <-ctx.Done():
			t.fail(ErrClosed)
			return
		case <-expire.C:
			t.ix.Expire()
		case e, ok := <-w.Updates():
			if !ok {
				t.fail(fmt.Errorf("story bucket watch ended: %w", ErrClosed))
				return
			}
			if e == nil { // the initial values are all in
				continue
			}
			ids = ids[:0]
			i := uint64(0)
			err := decodeBatch(e.Value(), func(r Record) {
				// A record's place: its message's, then its own in the message.
				// At the stream's time of the message: the bucket's TTL
				// counts from it, and every instance reads the same.
				t.ix.ApplyAt(e.Revision()*maxBatch+i, r, e.Created())
				ids = append(ids, r.ID)
				i++
			})
			if err != nil {
				t.log.Warn("story: unreadable record skipped", "key", e.Key(), "err", err)
			}
			t.answer(ids)
		}
	}
}

// answer gives the Assign calls waiting for ids their decisions.
func (t *Tracker) answer(ids []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.waiting) == 0 {
		return
	}
	for _, id := range ids {
		chs, ok := t.waiting[id]
		if !ok {
			continue
		}
		d, _ := t.ix.Decision(id)
		for _, ch := range chs {
			ch <- assignment{d: d}
		}
		delete(t.waiting, id)
	}
}

// write publishes the queued records, one batch per message, until ctx ends.
func (t *Tracker) write(ctx context.Context) {
	defer t.wg.Done()
	var buf []byte
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.kick:
		}
		for {
			t.mu.Lock()
			if len(t.queue) == 0 {
				t.mu.Unlock()
				break
			}
			// Articles coming faster than Linger apart: let the next ones
			// join this message rather than each costing one.
			lingered := t.cfg.Linger > 0 && t.gap > 0 && t.gap < t.cfg.Linger && (t.futile < futileMax || t.batches >= t.retryAt)
			if lingered {
				wait := time.Until(t.first.Add(t.cfg.Linger))
				t.mu.Unlock()
				if wait > 0 {
					timer := time.NewTimer(wait)
					select {
					case <-ctx.Done():
						timer.Stop()
						return
					case <-timer.C:
					}
				}
				t.mu.Lock()
			}
			n := min(len(t.queue), maxPerMessage)
			recs := t.queue[:n:n]
			t.queue = t.queue[n:]
			if len(t.queue) == 0 {
				t.queue = nil
			}
			t.batches++
			key := t.prefix + strconv.FormatUint(t.batches, 36)
			switch {
			case !lingered:
			case n > 1:
				t.futile = 0
			default:
				if t.futile++; t.futile >= futileMax {
					t.retryAt = t.batches + retryAfter
				}
			}
			t.mu.Unlock()
			buf = appendBatch(buf[:0], recs)
			// No acknowledgement is waited for: a record is known stored
			// when the replay brings it back, which every Assign waits for
			// anyway (up to replayTimeout). Should a message be stored
			// after its articles gave up, its records keep their place and
			// a retried article gets the first one's decision.
			if err := t.nc.Publish(t.subject+key, buf); err != nil {
				t.failIDs(recs, fmt.Errorf("story: write records: %w", err))
			}
		}
	}
}

// failIDs answers the Assign calls waiting for recs with err.
func (t *Tracker) failIDs(recs []Record, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, r := range recs {
		for _, ch := range t.waiting[r.ID] {
			ch <- assignment{err: err}
		}
		delete(t.waiting, r.ID)
	}
}

// fail ends the tracker: every waiting and later Assign gets err.
func (t *Tracker) fail(err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.err == nil {
		t.err = err
	}
	for id, chs := range t.waiting {
		for _, ch := range chs {
			ch <- assignment{err: t.err}
		}
		delete(t.waiting, id)
	}
	t.queue = nil
}

// Assign records the article and returns what the shared state says of it.
// The article's entities must be set (it runs after entity recognition).
func (t *Tracker) Assign(ctx context.Context, a *article.Article) (Decision, error) {
	if a == nil || a.ID == "" {
		return Decision{}, fmt.Errorf("story: article without id")
	}
	t.mu.Lock()
	closedErr := t.err
	t.mu.Unlock()
	if closedErr != nil {
		return Decision{}, closedErr
	}
	// Seen before with this text (a redelivery, the same article dropped
	// twice): no round trip is needed. A new version is recorded: it keeps
	// the article's decision and replaces its text in the index.
	rec := NewRecord(a, t.cfg)
	if d, ok := t.ix.Current(rec); ok {
		return d, nil
	}
	ch := make(chan assignment, 1)
	t.mu.Lock()
	if t.err != nil {
		err := t.err
		t.mu.Unlock()
		return Decision{}, err
	}
	// Even if another record of this id is applied meanwhile, this one is
	// replayed too and answers.
	t.waiting[a.ID] = append(t.waiting[a.ID], ch)
	now := time.Now()
	if !t.last.IsZero() {
		t.gap = (3*t.gap + now.Sub(t.last)) / 4
	}
	t.last = now
	if len(t.queue) == 0 {
		t.first = now
	}
	t.queue = append(t.queue, rec)
	t.mu.Unlock()
	select {
	case t.kick <- struct{}{}:
	default: // the writer is already woken
	}
	timer := time.NewTimer(replayTimeout + max(t.cfg.Linger, 0))
	defer timer.Stop()
	var err error
	select {
	case r := <-ch:
		return r.d, r.err
	case <-ctx.Done():
		err = fmt.Errorf("story: wait for the shared state: %w", ctx.Err())
	case <-timer.C:
		err = fmt.Errorf("story: record of %s not back from the shared state within %v", a.ID, replayTimeout)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	select {
	case r := <-ch: // answered meanwhile
		return r.d, r.err
	default:
	}
	chs := t.waiting[a.ID]
	for i, c := range chs {
		if c == ch {
			chs = append(chs[:i:i], chs[i+1:]...)
			break
		}
	}
	if len(chs) == 0 {
		delete(t.waiting, a.ID)
	} else {
		t.waiting[a.ID] = chs
	}
	return Decision{}, err
}

// Len returns the number of records in this instance's index.
func (t *Tracker) Len() int { return t.ix.Len() }

// Close stops the replay and the writer and waits for them; waiting Assign
// calls return ErrClosed.
func (t *Tracker) Close() error {
	t.cancel()
	t.wg.Wait()
	t.fail(ErrClosed)
	return nil
}
