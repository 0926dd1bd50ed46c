// Package store is the store stage: it writes enriched articles from
// articles.enriched into MongoDB, one document per article id, and
// announces each write on articles.stored.
package store

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
)

// Config sets up the MongoDB writer.
type Config struct {
	// URI is the MongoDB connection string (credentials and TLS go here).
	URI string
	// Database and Collection name where articles go.
	Database, Collection string
	// MaxBatch bounds the documents in one write.
	MaxBatch int
	// FlushInterval is how long a batch of writes that queued up (a busy
	// store) waits for more documents to join it; a write that finds no
	// other waiting goes at once.
	FlushInterval time.Duration
	// WriteTimeout bounds one write to the database.
	WriteTimeout time.Duration
	// MaxBatchBytes bounds the (approximate) bytes of the documents in one
	// write, next to MaxBatch: a few large documents make a write of their
	// own instead of one huge write that times out and is retried forever.
	MaxBatchBytes int
	// MaxDocBytes is the largest enriched article the store accepts (its
	// JSON); a larger one is dead-lettered.
	MaxDocBytes int
	// StallAfter is how long the oldest write may wait, or writes keep
	// failing, before readiness (Ping) reports the store stalled.
	StallAfter time.Duration
	// KeepVersions is how many replaced versions of each article the store
	// keeps in the collection named Collection + "_versions" (0: none), so
	// that a careless or hostile update (a near-empty text under the same
	// URL) destroys nothing.
	KeepVersions int
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{
		URI:           "mongodb://localhost:27017",
		Database:      "newsflow",
		Collection:    "articles",
		MaxBatch:      256,
		FlushInterval: 5 * time.Millisecond,
		WriteTimeout:  10 * time.Second,
		MaxBatchBytes: 16 << 20,
		MaxDocBytes:   DefaultMaxDocBytes,
		StallAfter:    30 * time.Second,
		KeepVersions:  10,
	}
}

// DefaultMaxDocBytes is the default largest enriched article: far above any
// news article (tens of KB), far below what stalls a write.
const DefaultMaxDocBytes = 4 << 20

// Validate reports a config that cannot work.
func (c Config) Validate() error {
	switch {
	case c.URI == "":
		return errors.New("mongo uri is empty")
	case c.Database == "" || c.Collection == "":
		return errors.New("mongo database and collection must be set")
	case c.MaxBatch < 1:
		return errors.New("max batch must be at least 1")
	case c.FlushInterval < 0:
		return errors.New("flush interval must not be negative")
	case c.WriteTimeout <= 0:
		return errors.New("write timeout must be positive")
	case c.MaxDocBytes < 1<<10:
		return errors.New("max document bytes must be at least 1 KiB")
	case c.MaxBatchBytes < c.MaxDocBytes:
		return errors.New("max batch bytes must be at least max document bytes")
	case c.StallAfter <= 0:
		return errors.New("stall-after must be positive")
	case c.KeepVersions < 0:
		return errors.New("versions kept must not be negative")
	}
	return nil
}

// Store writes articles into a MongoDB collection in batches. Concurrent
// Write calls are gathered into one insertMany, which the embedded
// SQLite-backed server handles far faster than single upserts.
type Store struct {
	cfg      Config
	client   *mongo.Client
	coll     *mongo.Collection
	versions *mongo.Collection // replaced versions (see Config.KeepVersions)
	log      *slog.Logger

	reqs chan writeReq
	wg   sync.WaitGroup
	stop chan struct{}
	once sync.Once

	// health of the writer, for Ping.
	mu         sync.Mutex
	flushSince time.Time // start of the flush in progress, zero when idle
	failures   int       // flushes failed in a row
	failSince  time.Time // first of those failures
	batches    int       // writes made, for tests and metrics

	// beforeReplace, for tests, runs between keepStored and the
	// replacement (where another store process may write).
	beforeReplace func(a *article.Article)
	// beforeVersionsWrite, for tests, runs between updateVersions' read
	// and its write.
	beforeVersionsWrite func(id string)
}

type writeReq struct {
	doc   *article.Article
	size  int
	since time.Time
	done  chan error
}

// ErrSuperseded answers a write of a version older than the stored one:
// nothing was written, which is the right outcome (not a failure). The
// error returned is a *SupersededError, which says why.
var ErrSuperseded = errors.New("a newer version of the article is stored")

// Why a stored version won over a write (SupersededError.Reason,
// Stored.Reason).
const (
	// ReasonPublishedLater: both versions are dated and the stored one is
	// dated later.
	ReasonPublishedLater = "published_later"
	// ReasonDroppedLater: the stored one was dropped later, and the dates
	// order nothing: equal, missing, or later than the drop that carried
	// them (see supersedes).
	ReasonDroppedLater = "dropped_later"
)

// SupersededError is the ErrSuperseded a write returns (errors.Is finds
// ErrSuperseded in it).
type SupersededError struct {
	// Reason is ReasonPublishedLater or ReasonDroppedLater; empty when the
	// stored version could not be read to tell.
	Reason string
	// Kept is set when this version's text is kept among the article's
	// versions, where 'newsflow history' finds it: marked refused when it
	// was dropped later (see Version.Refused), else, dropped earlier and
	// delivered late, as a replaced version in its place in drop order. Not
	// when its text is the stored one's, nor when the bound leaves it out
	// (versions full, and it dropped before all kept but the first stored,
	// as in order it would have gone).
	Kept bool
}

func (e *SupersededError) Error() string {
	switch e.Reason {
	case ReasonPublishedLater:
		return ErrSuperseded.Error() + " (published later)"
	case ReasonDroppedLater:
		return ErrSuperseded.Error() + " (dropped later, with an equal or no date)"
	}
	return ErrSuperseded.Error()
}

// Unwrap returns ErrSuperseded.
func (e *SupersededError) Unwrap() error { return ErrSuperseded }

// supersededBy is the error for a write of a that lost to the stored cur.
func supersededBy(a, cur *article.Article, kept bool) *SupersededError {
	// (The branch of supersedes that decided.)
	why := ReasonDroppedLater
	if dated(a) && dated(cur) && !a.PublishedAt.Equal(*cur.PublishedAt) {
		why = ReasonPublishedLater
	}
	return &SupersededError{Reason: why, Kept: kept}
}

// document is what goes into the collection: the article and its version,
// the ingest time in nanoseconds, which the write compares with the stored
// document's in the database itself.
type document struct {
	article.Article `bson:",inline"`
	Version         int64 `bson:"_version"`
	// Dated: the version's date may order it (see dated); written so the
	// replacement's filter can ask. Documents written before it have none
	// and are ordered by their date, as they were.
	Dated bool `bson:"_dated"`
}

// newDocument is the stored form of a.
func newDocument(a *article.Article) document {
	return document{Article: *a, Version: version(a), Dated: dated(a)}
}

// version orders the versions of one article: when the newsflow server
// accepted the drop (ingest sets IngestedAt from the input's stream
// timestamp), so a retry or a slow enrich never brings back an older text.
func version(a *article.Article) int64 { return a.IngestedAt.UnixNano() }

// supersedes reports whether a may replace b: published later when both
// give a date (a copy of last year's version dropped today is no update,
// and this year's wins whatever the order of the drops), else dropped no
// earlier.
//
// A date later than the drop that carried it orders nothing: one drop dated
// a day ahead (ingest allows 36 hours for time zones) would otherwise win
// over every correction, which carries the article's real, earlier date,
// for good. Such a version is ordered by when it was dropped.
func supersedes(a, b *article.Article) bool {
	if dated(a) && dated(b) && !a.PublishedAt.Equal(*b.PublishedAt) {
		return a.PublishedAt.After(*b.PublishedAt)
	}
	return version(a) >= version(b)
}

// dated reports a version whose date may order it: it has one, no later
// than when it was dropped.
func dated(a *article.Article) bool {
	return a.PublishedAt != nil && (a.IngestedAt.IsZero() || !a.PublishedAt.After(a.IngestedAt))
}

// Option configures a Store.
type Option func(*Store)

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) Option { return func(s *Store) { s.log = l } }

// New connects to MongoDB (lazily: the driver reconnects by itself) and
// starts the batch writer; Close stops it.
func New(ctx context.Context, cfg Config, opts ...Option) (*Store, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	client, err := mongo.Connect(options.Client().ApplyURI(cfg.URI).
		SetServerSelectionTimeout(5 * time.Second).SetAppName("newsflow-store"))
	if err != nil {
		return nil, fmt.Errorf("connect mongo: %w", err)
	}
	s := &Store{
		cfg: cfg, client: client, coll: client.Database(cfg.Database).Collection(cfg.Collection),
		versions: client.Database(cfg.Database).Collection(cfg.Collection + VersionsSuffix),
		log:      slog.New(slog.DiscardHandler), reqs: make(chan writeReq), stop: make(chan struct{}),
	}
	for _, o := range opts {
		o(s)
	}
	s.wg.Go(s.loop)
	return s, nil
}

// Ping backs the readiness probe: it reports a database that does not
// answer, and a writer that is stalled (a write in progress for longer than
// StallAfter, or writes failing for that long), so that an orchestrator
// stops routing to it and an operator sees it.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.stalled(time.Now()); err != nil {
		return err
	}
	return s.client.Ping(ctx, nil)
}

func (s *Store) stalled(now time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.flushSince.IsZero() && now.Sub(s.flushSince) > s.cfg.StallAfter {
		return fmt.Errorf("store stalled: a write has been running for %v", now.Sub(s.flushSince).Round(time.Second))
	}
	if s.failures > 0 && now.Sub(s.failSince) > s.cfg.StallAfter {
		return fmt.Errorf("store stalled: %d writes in a row failed over %v", s.failures, now.Sub(s.failSince).Round(time.Second))
	}
	return nil
}

// Collection returns the articles collection.
func (s *Store) Collection() *mongo.Collection { return s.coll }

// VersionsSuffix names the collection of replaced versions after the
// articles' collection ("articles_versions").
const VersionsSuffix = "_versions"

// Version is a replaced version of an article, as kept in the versions
// collection: the whole stored document as it was, and when and by which
// version it was replaced.
//
// A version dropped before the stored one that reaches the store after it
// (enrich redelivered or reordered it) is kept as if it had come in order
// and been replaced: ReplacedBy is the version stored after it in drop
// order (the oldest newer one kept, else the stored one), ReplacedAt when
// it reached the store. It is not marked (only Refused versions lost to a
// date): it takes its place in drop order and the bound treats it as any
// replaced version.
type Version struct {
	// Version is the replaced document's _version (its ingest time in
	// nanoseconds); ReplacedBy the version that replaced it.
	Version    int64           `bson:"_version" json:"version"`
	ReplacedBy int64           `bson:"replaced_by" json:"replaced_by"`
	ReplacedAt time.Time       `bson:"replaced_at" json:"replaced_at"`
	Article    article.Article `bson:"article" json:"article"`
	// First marks the article as it was first stored, which the bound on
	// kept versions never removes.
	First bool `bson:"first,omitempty" json:"first,omitempty"`
	// Refused marks a version that was never stored: dropped after the
	// stored one but dated earlier, it lost (ReplacedBy is then the stored
	// version it lost to). A correction carrying an article's real date
	// loses so to a hostile version dated just before it was dropped; kept
	// here, 'newsflow history --restore' brings it back.
	Refused bool `bson:"refused,omitempty" json:"refused,omitempty"`
}

// versionsDoc holds the kept versions of one article, oldest first (in the
// order kept; a late one at its place in drop order), in one document
// under the article's id: found and written by _id alone, which every
// MongoDB-compatible server looks up by index (FerretDB v1 pushes no other
// filter down to SQLite, so a query on another field would read the whole
// collection on every update).
type versionsDoc struct {
	ID       string    `bson:"_id"`
	Versions []Version `bson:"versions"`
	// FirstNotKept: versions delivered late were kept before any replaced
	// one, so the article as first stored is still the stored document;
	// the next version replaced is it, and is marked First. (Versions
	// alone cannot tell: a late version looks replaced, and would be
	// taken for the first stored, which a forged old drop could then
	// unpin.)
	FirstNotKept bool `bson:"first_not_kept,omitempty"`
	// Rev counts the writes of the document, so that a write of what was
	// read finds whether another store process wrote in between (see
	// updateVersions).
	Rev int64 `bson:"rev,omitempty"`
}

// maxVersionsBytes bounds the kept versions of one article (their encoded
// size) well under MongoDB's 16 MiB document limit; the newest is kept
// whatever its size (an article is at most MaxDocBytes), the first stored
// beside it when the two fit.
const maxVersionsBytes = 8 << 20

// EnsureIndexesWhenReachable creates the indexes (EnsureIndexes), trying
// again every interval while the database cannot be reached, until it
// succeeds or ctx ends: a store started before its database would
// otherwise run without them.
func (s *Store) EnsureIndexesWhenReachable(ctx context.Context, every time.Duration) error {
	for {
		ictx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := s.EnsureIndexes(ictx)
		cancel()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// (Only while the database cannot be reached: a refusal, a user
		// without the right or an index in the way, is said once.)
		if !mongo.IsNetworkError(err) && !mongo.IsTimeout(err) && !errors.Is(err, context.DeadlineExceeded) {
			s.log.Warn("indexes not created", "err", err)
			return err
		}
		s.log.Warn("indexes not created yet; trying again", "err", err, "in", every)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(every):
		}
	}
}

// EnsureIndexes creates the indexes for the queries users run: by date,
// entity name and type, quote speaker, tags, language, story and copy,
// countries and GeoNames ids. Indexes that exist
// already are left alone (asking FerretDB v1 to create existing indexes
// again in one createIndexes call makes it drop the connection).
func (s *Store) EnsureIndexes(ctx context.Context) error {
	want := []struct {
		name string
		keys bson.D
	}{
		{"published_at", bson.D{{Key: "published_at", Value: -1}}},
		{"entity_name", bson.D{{Key: "entities.name", Value: 1}}},
		{"entity_type_name", bson.D{{Key: "entities.type", Value: 1}, {Key: "entities.name", Value: 1}}},
		{"quote_speaker", bson.D{{Key: "quotes.speaker", Value: 1}}},
		{"tags", bson.D{{Key: "tags", Value: 1}}},
		{"language_published_at", bson.D{{Key: "language", Value: 1}, {Key: "published_at", Value: -1}}},
		{"story_published_at", bson.D{{Key: "story_id", Value: 1}, {Key: "published_at", Value: -1}}},
		{"duplicate_of", bson.D{{Key: "duplicate_of", Value: 1}}},
		{"countries_published_at", bson.D{{Key: "countries", Value: 1}, {Key: "published_at", Value: -1}}},
		{"entity_geonames_id", bson.D{{Key: "entities.geo.geonames_id", Value: 1}}},
	}
	specs, err := s.coll.Indexes().ListSpecifications(ctx)
	if err != nil {
		return fmt.Errorf("list indexes: %w", err)
	}
	have := make(map[string]bool, len(specs))
	for _, sp := range specs {
		have[sp.Name] = true
	}
	var missing []mongo.IndexModel
	for _, ix := range want {
		if !have[ix.name] {
			missing = append(missing, mongo.IndexModel{Keys: ix.keys, Options: options.Index().SetName(ix.name)})
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if _, err := s.coll.Indexes().CreateMany(ctx, missing); err != nil {
		return fmt.Errorf("create indexes: %w", err)
	}
	return nil
}

// Write stores a, replacing any document with the same id. It returns once
// the database has acknowledged the write.
//
// The write keeps the newest version: a document whose version (see
// version) is older than the stored one is not written and Write returns
// ErrSuperseded (a *SupersededError, saying why); an equal version is
// written again (a redelivery).
func (s *Store) Write(ctx context.Context, a *article.Article) error {
	r := writeReq{doc: a, size: approxSize(a), since: time.Now(), done: make(chan error, 1)}
	select {
	case s.reqs <- r:
	case <-ctx.Done():
		return ctx.Err()
	case <-s.stop:
		return errors.New("store closed")
	}
	select {
	case err := <-r.done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close stops the writer after the batch in progress and disconnects.
func (s *Store) Close(ctx context.Context) error {
	s.once.Do(func() { close(s.stop) })
	s.wg.Wait()
	return s.client.Disconnect(ctx)
}

func (s *Store) loop() {
	var carry []writeReq // a write that did not fit the last batch
	for {
		batch := carry
		carry = nil
		if len(batch) == 0 {
			select {
			case r := <-s.reqs:
				batch = append(batch, r)
			case <-s.stop:
				return
			}
		}
		bytes := batch[0].size
		full := func() bool { return len(batch) >= s.cfg.MaxBatch || bytes >= s.cfg.MaxBatchBytes }
		take := func(r writeReq) bool {
			if bytes+r.size > s.cfg.MaxBatchBytes {
				carry = append(carry, r) // the next batch's first
				return false
			}
			batch, bytes = append(batch, r), bytes+r.size
			return true
		}
		// Take the writes waiting already. A write that finds none goes
		// at once: a lone article (a quiet pipeline) should not wait for
		// company that is not coming. Under load, writes queue up while a
		// batch is written, and the next batch then waits up to
		// FlushInterval for more to join.
	drain:
		for !full() {
			select {
			case r := <-s.reqs:
				if !take(r) {
					break drain
				}
			default:
				break drain
			}
		}
		if len(batch) > 1 && len(carry) == 0 && s.cfg.FlushInterval > 0 {
			timer := time.NewTimer(s.cfg.FlushInterval)
		gather:
			for !full() {
				select {
				case r := <-s.reqs:
					if !take(r) {
						break gather
					}
				case <-timer.C:
					break gather
				}
			}
			timer.Stop()
		}
		s.mu.Lock()
		s.flushSince = batch[0].since // the oldest write's wait counts
		s.mu.Unlock()
		failed := s.flush(batch)
		s.mu.Lock()
		s.flushSince = time.Time{}
		s.batches++
		switch {
		case !failed:
			s.failures = 0
		case s.failures == 0:
			s.failures, s.failSince = 1, time.Now()
		default:
			s.failures++
		}
		s.mu.Unlock()
	}
}

// approxSize is about the bytes of a's document, to bound batches: every
// text the document holds, with room for names and numbers (tags, bylines
// and the source's name too: a publisher may fill any of them).
func approxSize(a *article.Article) int {
	n := 512 + len(a.ID) + len(a.URL) + len(a.Headline) + len(a.Subheadline) + len(a.Byline) + len(a.Caption) +
		len(a.Description) + len(a.SiteName) + len(a.Dateline) + len(a.Language) + len(a.Body) +
		len(a.EnricherVersion) + len(a.DuplicateOf) + len(a.StoryID) +
		len(a.Source.Format) + len(a.Source.ContentType) + len(a.Source.Name) + len(a.Source.SHA256)
	for _, list := range [][]string{a.Tags, a.Countries} {
		for _, s := range list {
			n += 16 + len(s)
		}
	}
	for _, e := range a.Entities {
		n += 128 + len(e.Name) + len(e.Type)
		for _, list := range [][]string{e.Aliases, e.Titles} {
			for _, s := range list {
				n += 16 + len(s)
			}
		}
		if e.Geo != nil {
			n += 128 + len(e.Geo.Country) + len(e.Geo.Admin1)
		}
		for _, m := range e.Mentions {
			n += 64 + len(m.Text) + len(m.Field)
		}
	}
	for _, q := range a.Quotes {
		n += 128 + len(q.Text) + len(q.Speaker) + len(q.SpeakerType) + len(q.Cue) + len(q.Field)
	}
	return n
}

// versionBytes is the size of v as the versions document holds it.
func versionBytes(v *Version) int {
	b, err := bson.Marshal(v)
	if err != nil {
		return approxSize(&v.Article) // (what cannot be encoded will fail the write anyway)
	}
	return len(b)
}

// flush inserts the batch in one unordered insertMany; documents whose id
// already exists (a redelivery, an article dropped twice, a new version)
// are replaced one by one if not older than the stored one, so the result
// is one document per id, the newest. The insert and each replacement
// are bounded by WriteTimeout apiece. It reports whether the database
// failed (as opposed to a version being superseded).
//
// Several versions of one id in the batch are written one after another,
// in the order they were dropped, each as if it had come in a batch of its
// own: a version replaced within the batch is then kept among the versions
// (or refused, or superseded by the stored one) exactly as across batches.
// Writing only the batch's newest lost the others for good: a full text
// dropped just before a near-empty one under the same URL was in neither
// collection.
func (s *Store) flush(batch []writeReq) (failed bool) {
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.WriteTimeout)
	defer cancel()
	groups := make(map[string][]int, len(batch)) // id: indexes into batch
	var order []string
	for i, r := range batch {
		if _, seen := groups[r.doc.ID]; !seen {
			order = append(order, r.doc.ID)
		}
		groups[r.doc.ID] = append(groups[r.doc.ID], i)
	}
	errs := make([]error, len(batch))
	var docs []any
	var single []int // batch index of each of docs
	for _, id := range order {
		if g := groups[id]; len(g) == 1 {
			docs, single = append(docs, newDocument(batch[g[0]].doc)), append(single, g[0])
		}
	}
	if len(docs) > 0 {
		_, err := s.coll.InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
		var bwe mongo.BulkWriteException
		switch {
		case err == nil:
		case errors.As(err, &bwe) && bwe.WriteConcernError == nil:
			for _, we := range bwe.WriteErrors {
				i := single[we.Index]
				if we.Code == 11000 { // duplicate key: replace if not older
					// Each replacement has a deadline of its own: they run
					// one after another, and under the batch's, a batch of
					// re-enriched articles (every one a replacement) ran out
					// of time after the first few and was redelivered.
					errs[i] = s.replaceWithin(batch[i].doc)
				} else {
					errs[i] = fmt.Errorf("insert %s: %w", batch[i].doc.ID, we)
				}
			}
		default:
			for _, i := range single {
				errs[i] = fmt.Errorf("insert batch: %w", err)
			}
		}
	}
	for _, id := range order {
		g := groups[id]
		if len(g) == 1 {
			continue
		}
		// Dropped order; among equal versions (a redelivery, a
		// re-enrichment) the higher revision last, so it is what stays
		// (the arrival order among equal revisions).
		slices.SortStableFunc(g, func(a, b int) int {
			return cmp.Or(cmp.Compare(version(batch[a].doc), version(batch[b].doc)), cmp.Compare(batch[a].doc.Revision, batch[b].doc.Revision))
		})
		var stop error
		for _, i := range g {
			if stop != nil {
				// Not written before the version that failed is: that one,
				// retried, would then be older than the stored one, and
				// lost.
				errs[i] = fmt.Errorf("replace %s: an earlier version failed: %w", id, stop)
				continue
			}
			errs[i] = s.replaceWithin(batch[i].doc)
			if errs[i] != nil && !errors.Is(errs[i], ErrSuperseded) {
				stop = errs[i]
			}
		}
	}
	for i, r := range batch {
		if errs[i] != nil && !errors.Is(errs[i], ErrSuperseded) {
			failed = true
		}
		r.done <- errs[i]
	}
	return failed
}

// replaceWithin is replace under a deadline of WriteTimeout of its own.
func (s *Store) replaceWithin(a *article.Article) error {
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.WriteTimeout)
	defer cancel()
	return s.replace(ctx, a)
}

// replace writes a over the stored document of its id unless that one is
// newer, in one conditional upsert: the filter matches the id only with a
// version not above a's, so with a newer document stored the upsert tries
// an insert of the same _id and fails on the unique key, which means
// "superseded". One store process makes its writes one after another, so
// it never lets an older version win. On MongoDB the filter and the write
// are one atomic step per document, so several store processes cannot
// either. FerretDB v1 differs: it reads, then writes, without a lock, so
// two store processes writing two versions of one article at the same
// moment can leave the older one (BenchmarkTwoStoresRacing measures how
// often); run one store process on FerretDB.
//
// With versions kept, the write also requires the stored version to be
// the one keepStored read and copied (none: an insert), so that another
// store process's write in between is noticed rather than overwritten
// uncopied or lost to: replace then decides again (see below).
func (s *Store) replace(ctx context.Context, a *article.Article) error {
	for try := 1; ; try++ {
		read, err := s.keepStored(ctx, a)
		if err != nil {
			return err
		}
		if s.beforeReplace != nil {
			s.beforeReplace(a)
		}
		err = s.replaceIfNewer(ctx, a, read)
		if !mongo.IsDuplicateKeyError(err) {
			if err != nil {
				return fmt.Errorf("replace %s: %w", a.ID, err)
			}
			return nil
		}
		// The stored version changed after keepStored read it (another
		// store process wrote one): the copy it made does not say what
		// replaced that version, and a, neither stored nor kept, would be
		// lost. Correct the copy and decide again against the version
		// stored now (a is then kept as late or refused, or replaces it).
		if read.copied {
			if err := s.correctReplacedBy(ctx, a.ID, read.version, version(a)); err != nil {
				return err
			}
		}
		if !read.checked {
			// (No versions kept: the filter refused a; read the stored
			// version to say why.)
			serr := &SupersededError{}
			var cur document
			if s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: a.ID}}).Decode(&cur) == nil {
				serr = supersededBy(truncated(a), cur.exact(), false)
			}
			return fmt.Errorf("replace %s: %w", a.ID, serr)
		}
		if try == maxReplaceTries {
			// (A transient failure: the write is tried again later.)
			return fmt.Errorf("replace %s: %w", a.ID, errReplaceBusy)
		}
	}
}

// errReplaceBusy: other store processes wrote the article on every try.
var errReplaceBusy = errors.New("stored version changed by another writer on every try")

// maxReplaceTries bounds how often replace decides again after another
// store process wrote the article between its read and its write.
const maxReplaceTries = 5

// replaceIfNewer is the conditional upsert of replace: a duplicate key
// error means a newer version is stored, or (with read.checked) another
// than the one read.
func (s *Store) replaceIfNewer(ctx context.Context, a *article.Article, read storedRead) error {
	if read.checked && !read.found {
		_, err := s.coll.InsertOne(ctx, newDocument(a))
		return err
	}
	v := version(a)
	// The filter is supersedes(a, stored) as a query.
	droppedNoLater := bson.D{{Key: "$or", Value: bson.A{
		bson.D{{Key: "_version", Value: bson.D{{Key: "$lte", Value: v}}}},
		bson.D{{Key: "_version", Value: bson.D{{Key: "$exists", Value: false}}}},
	}}}
	filter := bson.D{{Key: "_id", Value: a.ID}}
	if dated(a) {
		// The stored version's date orders it when it was written dated,
		// or, written before _dated was, when it has one.
		storedDated := bson.D{{Key: "$or", Value: bson.A{
			bson.D{{Key: "_dated", Value: true}},
			bson.D{{Key: "_dated", Value: bson.D{{Key: "$exists", Value: false}}}, {Key: "published_at", Value: bson.D{{Key: "$exists", Value: true}}}},
		}}}
		storedUndated := bson.D{{Key: "$or", Value: bson.A{
			bson.D{{Key: "_dated", Value: false}},
			bson.D{{Key: "_dated", Value: bson.D{{Key: "$exists", Value: false}}}, {Key: "published_at", Value: bson.D{{Key: "$exists", Value: false}}}},
		}}}
		filter = append(filter, bson.E{Key: "$or", Value: bson.A{
			bson.D{{Key: "$and", Value: bson.A{storedUndated, droppedNoLater}}},
			bson.D{{Key: "$and", Value: bson.A{storedDated, bson.D{{Key: "published_at", Value: bson.D{{Key: "$lt", Value: *a.PublishedAt}}}}}}},
			bson.D{{Key: "$and", Value: bson.A{storedDated, bson.D{{Key: "published_at", Value: *a.PublishedAt}}, droppedNoLater}}},
		}})
	} else {
		filter = append(filter, droppedNoLater...)
	}
	if read.checked {
		same := bson.E{Key: "_version", Value: read.version}
		if read.version == 0 { // (written before _version was)
			same.Value = bson.D{{Key: "$exists", Value: false}}
		}
		filter = append(filter, bson.E{Key: "$and", Value: bson.A{bson.D{same}}})
	}
	_, err := s.coll.ReplaceOne(ctx, filter, newDocument(a), options.Replace().SetUpsert(true))
	return err
}

// storedRead is what keepStored read of the stored document.
type storedRead struct {
	checked bool  // read at all (not when no versions are kept)
	found   bool  // a document is stored
	version int64 // its _version
	copied  bool  // kept among the versions as replaced by the write
}

// exact is the stored article as the replacement's filter sees it: dropped
// at its exact version (the database cut IngestedAt to the millisecond; two
// drops in one millisecond would otherwise compare wrong).
func (d *document) exact() *article.Article {
	a := d.Article
	if d.Version != 0 {
		a.IngestedAt = time.Unix(0, d.Version).UTC()
	}
	return &a
}

// keepStored copies the stored document of a's id into the versions
// collection before a replaces it, keeping the newest KeepVersions copies
// of that article. It is written first, so a crash between the copy and
// the replacement loses nothing (a retry finds the copy there and adds it
// once). Not for a redelivery of the stored version itself nor a
// re-enrichment (same version). A version that will not replace it
// (ErrSuperseded, as the write would say) is kept itself when its text is
// not the stored one's: marked refused when it was dropped later than the
// stored one, else (dropped earlier, delivered late) as a replaced version,
// which in order it would have been.
//
// It reports what it read of the stored document and whether it copied it
// as replaced by a (replace corrects the copy when another store process
// replaced it first).
func (s *Store) keepStored(ctx context.Context, a *article.Article) (read storedRead, err error) {
	if s.cfg.KeepVersions == 0 {
		return read, nil
	}
	var cur document
	err = s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: a.ID}}).Decode(&cur)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return storedRead{checked: true}, nil
	}
	if err != nil {
		return read, fmt.Errorf("read stored %s: %w", a.ID, err)
	}
	read = storedRead{checked: true, found: true, version: cur.Version}
	v := version(a)
	if cur.Version == v {
		return read, nil
	}
	// (The database keeps dates to the millisecond: compare a's so too,
	// and the stored version exactly, or an older version a fraction of a
	// millisecond later would seem to win here and lose in the
	// replacement's filter, leaving a false copy.)
	at, stored := truncated(a), cur.exact()
	if !supersedes(at, stored) {
		// Dropped later, dated earlier: kept as refused. Dropped earlier
		// and delivered late: never stored, so its text is nowhere else.
		kept := false
		if !sameText(at, &cur.Article) {
			ver := Version{Version: v, ReplacedBy: cur.Version, ReplacedAt: time.Now().UTC(), Article: *a, Refused: v > cur.Version}
			if kept, err = s.keepVersion(ctx, a.ID, ver, !ver.Refused); err != nil {
				return read, err
			}
		}
		return read, fmt.Errorf("replace %s: %w", a.ID, supersededBy(at, stored, kept))
	}
	// The same text again (a feed polled every hour, a file dropped twice
	// after the duplicate window) replaces nothing worth keeping: a copy
	// of it would push the versions that differ out of the bound.
	if sameText(at, &cur.Article) {
		return read, nil
	}
	_, err = s.keepVersion(ctx, a.ID, Version{Version: cur.Version, ReplacedBy: v, ReplacedAt: time.Now().UTC(), Article: cur.Article}, false)
	read.copied = err == nil
	return read, err
}

// correctReplacedBy fixes the kept copy of version from of id that says
// version by replaced it, when by did not (another store process replaced
// it first): it says instead the version after it in drop order, the
// oldest newer one kept, else the one stored now.
func (s *Store) correctReplacedBy(ctx context.Context, id string, from, by int64) error {
	var cur document
	if err := s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&cur); err != nil {
		return fmt.Errorf("read stored %s: %w", id, err)
	}
	return s.updateVersions(ctx, id, func(kept *versionsDoc) bool {
		i := slices.IndexFunc(kept.Versions, func(k Version) bool { return k.Version == from && k.ReplacedBy == by && !k.Refused })
		if i < 0 {
			return false
		}
		if cur.Version == from {
			return false // (still stored: a may yet replace it, decided again)
		}
		next := cur.Version
		for _, k := range kept.Versions {
			if !k.Refused && k.Version > from && k.Version < next {
				next = k.Version
			}
		}
		kept.Versions[i].ReplacedBy = next
		return true
	})
}

// truncated is a with its date to the millisecond, as the database keeps
// dates.
func truncated(a *article.Article) *article.Article {
	at := *a
	if at.PublishedAt != nil {
		p := at.PublishedAt.Truncate(time.Millisecond)
		at.PublishedAt = &p
	}
	return &at
}

// keepVersion adds ver to the kept versions of id, once (a retry finds it
// there), marking the first stored, within the bound. A late version (one
// dropped before the stored version, delivered after it) goes to its place
// in drop order, replaced by the version after it there. It reports
// whether ver's text is among the kept versions afterwards.
func (s *Store) keepVersion(ctx context.Context, id string, ver Version, late bool) (bool, error) {
	var in bool
	err := s.updateVersions(ctx, id, func(kept *versionsDoc) bool {
		in = true
		for _, k := range kept.Versions {
			if k.Version == ver.Version {
				return false // kept by an earlier try
			}
			// (A stale text dropped again, or delivered late again, is
			// kept once.)
			if (ver.Refused || late) && sameText(&ver.Article, &k.Article) {
				return false
			}
		}
		s.addVersion(kept, ver, late)
		in = slices.ContainsFunc(kept.Versions, func(k Version) bool { return k.Version == ver.Version })
		return true
	})
	if err != nil {
		return false, fmt.Errorf("keep version of %s: %w", id, err)
	}
	return in, nil
}

// maxVersionsTries bounds the tries of updateVersions while other store
// processes change the same article's versions.
const maxVersionsTries = 10

// errVersionsBusy: updateVersions lost to other writers every try.
var errVersionsBusy = errors.New("versions changed by another writer on every try")

// updateVersions reads the kept versions of id, lets edit change them
// (it reports whether it did), and writes them back only if no one else
// wrote them in between: the document's revision must still be the one
// read, and a new document must not exist yet (its insert fails on the
// _id then). Else it reads and edits again: two store processes keeping
// versions of one article at once would otherwise lose one's.
func (s *Store) updateVersions(ctx context.Context, id string, edit func(*versionsDoc) bool) error {
	for range maxVersionsTries {
		var kept versionsDoc
		err := s.versions.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&kept)
		found := err == nil
		if err != nil && !errors.Is(err, mongo.ErrNoDocuments) {
			return fmt.Errorf("read versions %s: %w", id, err)
		}
		kept.ID = id
		rev := kept.Rev
		if !edit(&kept) {
			return nil
		}
		kept.Rev = rev + 1
		if s.beforeVersionsWrite != nil {
			s.beforeVersionsWrite(id)
		}
		if !found {
			_, err = s.versions.InsertOne(ctx, kept)
			if mongo.IsDuplicateKeyError(err) {
				continue // inserted meanwhile
			}
			if err != nil {
				return fmt.Errorf("write versions %s: %w", id, err)
			}
			return nil
		}
		filter := bson.D{{Key: "_id", Value: id}, {Key: "rev", Value: rev}}
		if rev == 0 { // (written before revisions were)
			filter[1] = bson.E{Key: "rev", Value: bson.D{{Key: "$exists", Value: false}}}
		}
		res, err := s.versions.ReplaceOne(ctx, filter, kept)
		if err != nil {
			return fmt.Errorf("write versions %s: %w", id, err)
		}
		if res.MatchedCount == 1 {
			return nil
		}
	}
	return fmt.Errorf("write versions %s: %w", id, errVersionsBusy)
}

// addVersion adds ver to kept (see keepVersion).
func (s *Store) addVersion(kept *versionsDoc, ver Version, late bool) {
	stored := slices.IndexFunc(kept.Versions, func(v Version) bool { return !v.Refused })
	hasFirst := slices.ContainsFunc(kept.Versions, func(v Version) bool { return v.First })
	if !hasFirst && stored >= 0 && !kept.FirstNotKept && len(kept.Versions) < s.cfg.KeepVersions {
		// Kept before versions were marked, and fewer than the bound, so
		// none was pushed out yet: the oldest is the first stored. (Marked
		// now, before a late version goes in before it.)
		kept.Versions[stored].First, hasFirst = true, true
	}
	switch {
	case late:
		// At its place in drop order: after the last version dropped
		// before it. The first stored stays the stored document.
		at := len(kept.Versions)
		for at > 0 && kept.Versions[at-1].Version > ver.Version {
			at--
		}
		for _, k := range kept.Versions {
			if !k.Refused && k.Version > ver.Version && k.Version < ver.ReplacedBy {
				ver.ReplacedBy = k.Version
			}
		}
		kept.FirstNotKept = kept.FirstNotKept || stored < 0
		kept.Versions = slices.Insert(kept.Versions, at, ver)
	case !ver.Refused:
		// The first replaced version kept is the article as first stored.
		ver.First = stored < 0 || (kept.FirstNotKept && !hasFirst)
		kept.FirstNotKept = false
		kept.Versions = append(kept.Versions, ver)
	default:
		kept.Versions = append(kept.Versions, ver)
	}
	kept.Versions = s.bound(kept.Versions)
}

// bound trims kept versions (oldest first) to KeepVersions and
// maxVersionsBytes: the article as first stored stays (a run of updates
// cannot push the original out) when it and the newest fit together, then
// the newest, the very newest whatever its size; of the refused versions only the newest maxRefused, so that
// stale texts dropped again and again push out no more than that many
// replaced ones. A late version counts as a replaced one at its place in
// drop order: with the versions full, one dropped before all the others
// kept (bar the first stored) is the one to go, as in order it would have.
func (s *Store) bound(vs []Version) []Version {
	drop := make([]bool, len(vs))
	refused := 0
	for i := len(vs) - 1; i >= 0; i-- {
		if vs[i].Refused {
			refused++
			drop[i] = refused > maxRefused
		}
	}
	// Each version's encoded size, once (an article is up to MaxDocBytes).
	sizes := make([]int, len(vs))
	for i := range vs {
		sizes[i] = versionBytes(&vs[i])
	}
	keep := make([]bool, len(vs))
	budget, size := s.cfg.KeepVersions, 0
	// (Not when it and the newest alone pass the bound: two articles of
	// STORE_MAX_DOC_BYTES could pass MongoDB's 16 MiB.)
	first := slices.IndexFunc(vs, func(v Version) bool { return v.First })
	if first >= 0 && first < len(vs)-1 && budget > 1 && sizes[first]+sizes[len(vs)-1] <= maxVersionsBytes {
		keep[first], budget, size = true, budget-1, sizes[first]
	}
	kept := 0
	for i := len(vs) - 1; i >= 0 && kept < budget; i-- {
		if drop[i] || keep[i] {
			continue
		}
		size += sizes[i]
		if kept > 0 && size > maxVersionsBytes {
			break
		}
		keep[i] = true
		kept++
	}
	out := make([]Version, 0, kept+1)
	for i := range vs {
		if keep[i] {
			out = append(out, vs[i])
		}
	}
	return out
}

// maxRefused is how many refused versions of one article are kept.
const maxRefused = 2

// sameText reports whether a and b hold the same article as a reader
// sees it: headlines, byline, texts, address and date (dates compared as
// the database keeps them, to the millisecond).
func sameText(a, b *article.Article) bool {
	if a.Headline != b.Headline || a.Subheadline != b.Subheadline || a.Byline != b.Byline || a.Caption != b.Caption ||
		a.Description != b.Description || a.Body != b.Body || a.URL != b.URL {
		return false
	}
	if (a.PublishedAt == nil) != (b.PublishedAt == nil) {
		return false
	}
	return a.PublishedAt == nil || a.PublishedAt.Truncate(time.Millisecond).Equal(b.PublishedAt.Truncate(time.Millisecond))
}

// Versions returns the kept versions of the article id, newest first.
func (s *Store) Versions(ctx context.Context, id string) ([]Version, error) {
	return ReadVersions(ctx, s.versions, id)
}

// ReadVersions returns the kept versions of the article id from the
// versions collection coll (the articles' collection's name and
// VersionsSuffix), newest first; none when it keeps none.
func ReadVersions(ctx context.Context, coll *mongo.Collection, id string) ([]Version, error) {
	var kept versionsDoc
	err := coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&kept)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read versions %s: %w", id, err)
	}
	slices.Reverse(kept.Versions)
	return kept.Versions, nil
}

// Stored is the notice published on articles.stored after a write.
type Stored struct {
	ID        string `json:"id"`
	Headline  string `json:"headline"`
	RawSHA256 string `json:"raw_sha256"`
	Entities  int    `json:"entities"`
	Quotes    int    `json:"quotes"`
	// Superseded is set when a newer version of the article was stored
	// already, so this one was not written.
	Superseded bool `json:"superseded,omitempty"`
	// Reason says, with Superseded, why the stored version won:
	// ReasonPublishedLater or ReasonDroppedLater (empty when the store
	// could not tell).
	Reason string `json:"reason,omitempty"`
	// Kept is set, with Superseded, when this version was kept among the
	// article's versions (refused: dropped later, dated earlier; or
	// dropped earlier and delivered late, as a replaced version), which
	// 'newsflow history' lists and can restore.
	Kept bool `json:"kept,omitempty"`
}

// Writer writes one article durably.
type Writer interface {
	Write(ctx context.Context, a *article.Article) error
}

// Stage handles enriched-article messages.
type Stage struct {
	w      Writer
	log    *slog.Logger
	maxDoc int
}

// StageOption configures a Stage.
type StageOption func(*Stage)

// WithMaxDocBytes sets the largest enriched article accepted
// (DefaultMaxDocBytes by default; use the Config's MaxDocBytes).
func WithMaxDocBytes(n int) StageOption { return func(s *Stage) { s.maxDoc = n } }

// NewStage returns the store stage.
func NewStage(w Writer, log *slog.Logger, opts ...StageOption) *Stage {
	s := &Stage{w: w, log: log, maxDoc: DefaultMaxDocBytes}
	if st, ok := w.(*Store); ok {
		s.maxDoc = st.cfg.MaxDocBytes
	}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Handle validates one enriched article, writes it, then returns its
// stored notice. Anyone who can publish on articles.enriched reaches this
// point, so the store trusts nothing it has not checked: size, the JSON
// Schema and the invariants (see Validate). A database error is transient
// and retried with backoff; an older version than the stored one is
// acknowledged without a write (its notice says superseded).
func (s *Stage) Handle(ctx context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
	if len(m.Data) > s.maxDoc {
		return nil, article.Permanent("too_large", fmt.Errorf("enriched article of %d bytes over the limit of %d", len(m.Data), s.maxDoc))
	}
	a, err := decode(m.Data)
	if err != nil {
		return nil, err
	}
	if a.ID == "" {
		return nil, article.Permanent("no_id", errors.New("enriched article has no id"))
	}
	// Retrying cannot complete an article: refuse it rather than store a
	// document without text that every query would trip over.
	if strings.TrimSpace(a.Body) == "" {
		return nil, article.Permanent("incomplete", fmt.Errorf("enriched article %s has no body", a.ID))
	}
	if err := Validate(m.Data, a, time.Now()); err != nil {
		return nil, err
	}
	log := s.log.With("article_id", a.ID, "stage", jsbus.StageStore)
	notice := Stored{ID: a.ID, Headline: a.Headline, RawSHA256: a.Source.SHA256, Entities: len(a.Entities), Quotes: len(a.Quotes)}
	if err := s.w.Write(ctx, a); errors.Is(err, ErrSuperseded) {
		notice.Superseded = true
		if serr := (*SupersededError)(nil); errors.As(err, &serr) {
			notice.Reason, notice.Kept = serr.Reason, serr.Kept
		}
		log.Info("older version not written", "ingested_at", a.IngestedAt, "reason", notice.Reason, "kept", notice.Kept)
	} else if err != nil {
		return nil, fmt.Errorf("write %s: %w", a.ID, err)
	}
	data, err := json.Marshal(notice)
	if err != nil {
		return nil, article.Permanent("encode", fmt.Errorf("encode stored notice: %w", err))
	}
	log.Debug("stored")
	o := jsbus.ArticleOutput(jsbus.StageStore, jsbus.SubjectStored, jsbus.TypeStored, a.ID, a.Source.SHA256, data)
	if a.Revision > 0 {
		// A re-enriched article is stored again: its notice is a new event,
		// not a duplicate of the first one's.
		o.MsgID += ":r" + strconv.Itoa(a.Revision)
	}
	return []jsbus.Output{o}, nil
}

// ConfigFromEnv reads MONGO_URI (or MONGO_URI_FILE), MONGO_DATABASE,
// MONGO_COLLECTION, STORE_MAX_BATCH, STORE_MAX_BATCH_BYTES,
// STORE_MAX_DOC_BYTES, STORE_FLUSH_INTERVAL and STORE_KEEP_VERSIONS over
// the defaults.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	c := DefaultConfig()
	if v := getenv("MONGO_URI"); v != "" {
		c.URI = v
	} else if p := getenv("MONGO_URI_FILE"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			return c, fmt.Errorf("read MONGO_URI_FILE: %w", err)
		}
		c.URI = strings.TrimSpace(string(b))
	}
	if v := getenv("MONGO_DATABASE"); v != "" {
		c.Database = v
	}
	if v := getenv("MONGO_COLLECTION"); v != "" {
		c.Collection = v
	}
	for name, dst := range map[string]*int{"STORE_MAX_BATCH": &c.MaxBatch, "STORE_KEEP_VERSIONS": &c.KeepVersions} {
		if v := getenv(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				return c, fmt.Errorf("%s: %w", name, err)
			}
			*dst = n
		}
	}
	for name, dst := range map[string]*int{"STORE_MAX_BATCH_BYTES": &c.MaxBatchBytes, "STORE_MAX_DOC_BYTES": &c.MaxDocBytes} {
		if v := getenv(name); v != "" {
			n, err := jsbus.ParseBytes(v)
			if err != nil {
				return c, fmt.Errorf("%s: %w", name, err)
			}
			*dst = int(n)
		}
	}
	if v := getenv("STORE_FLUSH_INTERVAL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return c, fmt.Errorf("STORE_FLUSH_INTERVAL: %w", err)
		}
		c.FlushInterval = d
	}
	return c, c.Validate()
}

// RedactURI hides the credentials in a MongoDB URI, whatever its form
// (with or without a scheme, several hosts, secrets in the query), for logs
// and output.
func RedactURI(uri string) string { return jsbus.RedactURI(uri) }
