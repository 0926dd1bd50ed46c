// Package store is the store stage: it writes enriched articles from
// articles.enriched into MongoDB, one document per article id, and
// announces each write on articles.stored.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
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
	// FlushInterval is how long a write waits for more documents to join it.
	FlushInterval time.Duration
	// WriteTimeout bounds one write to the database.
	WriteTimeout time.Duration
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
	}
}

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
	}
	return nil
}

// Store writes articles into a MongoDB collection in batches. Concurrent
// Write calls are gathered into one insertMany, which the embedded
// SQLite-backed server handles far faster than single upserts.
type Store struct {
	cfg    Config
	client *mongo.Client
	coll   *mongo.Collection
	log    *slog.Logger

	reqs chan writeReq
	wg   sync.WaitGroup
	stop chan struct{}
	once sync.Once
}

type writeReq struct {
	doc  *article.Article
	done chan error
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
		log: slog.New(slog.DiscardHandler), reqs: make(chan writeReq), stop: make(chan struct{}),
	}
	for _, o := range opts {
		o(s)
	}
	s.wg.Go(s.loop)
	return s, nil
}

// Ping checks that the database answers; it backs the readiness probe.
func (s *Store) Ping(ctx context.Context) error { return s.client.Ping(ctx, nil) }

// Collection returns the articles collection.
func (s *Store) Collection() *mongo.Collection { return s.coll }

// EnsureIndexes creates the indexes for the queries users run: by date,
// entity name and type, quote speaker, tags, language. Indexes that exist
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
func (s *Store) Write(ctx context.Context, a *article.Article) error {
	r := writeReq{doc: a, done: make(chan error, 1)}
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
	for {
		var batch []writeReq
		select {
		case r := <-s.reqs:
			batch = append(batch, r)
		case <-s.stop:
			return
		}
		timer := time.NewTimer(s.cfg.FlushInterval)
	gather:
		for len(batch) < s.cfg.MaxBatch {
			select {
			case r := <-s.reqs:
				batch = append(batch, r)
			case <-timer.C:
				break gather
			}
		}
		timer.Stop()
		s.flush(batch)
	}
}

// flush inserts the batch in one unordered insertMany; documents whose id
// already exists (a redelivery, an article dropped twice) are replaced one
// by one, so the result is one document per id either way.
func (s *Store) flush(batch []writeReq) {
	ctx, cancel := context.WithTimeout(context.Background(), s.cfg.WriteTimeout)
	defer cancel()
	// The same id twice in one batch: keep the last, answer both.
	idx := make(map[string]int, len(batch))
	var docs []any
	var order []string
	for i, r := range batch {
		if _, seen := idx[r.doc.ID]; !seen {
			order = append(order, r.doc.ID)
		}
		idx[r.doc.ID] = i
	}
	for _, id := range order {
		docs = append(docs, batch[idx[id]].doc)
	}
	errs := make(map[string]error, len(order))
	_, err := s.coll.InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
	var bwe mongo.BulkWriteException
	switch {
	case err == nil:
	case errors.As(err, &bwe) && bwe.WriteConcernError == nil:
		for _, we := range bwe.WriteErrors {
			id := order[we.Index]
			if we.Code == 11000 { // duplicate key: replace
				errs[id] = s.replace(ctx, batch[idx[id]].doc)
			} else {
				errs[id] = fmt.Errorf("insert %s: %w", id, we)
			}
		}
	default:
		for _, id := range order {
			errs[id] = fmt.Errorf("insert batch: %w", err)
		}
	}
	for _, r := range batch {
		r.done <- errs[r.doc.ID]
	}
}

func (s *Store) replace(ctx context.Context, a *article.Article) error {
	_, err := s.coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: a.ID}}, a, options.Replace().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("replace %s: %w", a.ID, err)
	}
	return nil
}

// Stored is the notice published on articles.stored after a write.
type Stored struct {
	ID        string `json:"id"`
	Headline  string `json:"headline"`
	RawSHA256 string `json:"raw_sha256"`
	Entities  int    `json:"entities"`
	Quotes    int    `json:"quotes"`
}

// Writer writes one article durably.
type Writer interface {
	Write(ctx context.Context, a *article.Article) error
}

// Publisher publishes with a de-duplication id and waits for the ack.
type Publisher interface {
	Publish(ctx context.Context, subject, msgID string, data []byte, hdr nats.Header) (*jetstream.PubAck, error)
}

// Stage handles enriched-article messages.
type Stage struct {
	w   Writer
	pub Publisher
	log *slog.Logger
}

// NewStage returns the store stage.
func NewStage(w Writer, pub Publisher, log *slog.Logger) *Stage {
	return &Stage{w: w, pub: pub, log: log}
}

// Handle writes one enriched article, then announces it. A database error
// is transient and retried with backoff.
func (s *Stage) Handle(ctx context.Context, m *jsbus.Msg) error {
	var a article.Article
	if err := json.Unmarshal(m.Data, &a); err != nil {
		return article.Permanent("bad_json", fmt.Errorf("decode enriched article: %w", err))
	}
	if a.ID == "" {
		return article.Permanent("no_id", errors.New("enriched article has no id"))
	}
	// Retrying cannot complete an article: refuse it rather than store a
	// document without text that every query would trip over.
	if strings.TrimSpace(a.Body) == "" {
		return article.Permanent("incomplete", fmt.Errorf("enriched article %s has no body", a.ID))
	}
	if a.SchemaVersion == 0 {
		return article.Permanent("incomplete", fmt.Errorf("enriched article %s has no schema_version (not enriched)", a.ID))
	}
	if err := s.w.Write(ctx, &a); err != nil {
		return fmt.Errorf("write %s: %w", a.ID, err)
	}
	data, _ := json.Marshal(Stored{ID: a.ID, Headline: a.Headline, RawSHA256: a.Source.SHA256, Entities: len(a.Entities), Quotes: len(a.Quotes)})
	hdr := jsbus.ArticleHeader(a.ID, a.Source.SHA256)
	if _, err := s.pub.Publish(ctx, jsbus.SubjectStored, jsbus.MsgID(jsbus.StageStore, a.ID, a.Source.SHA256), data, hdr); err != nil {
		return err
	}
	s.log.Debug("stored", "article_id", a.ID, "stage", jsbus.StageStore)
	return nil
}

// ConfigFromEnv reads MONGO_URI (or MONGO_URI_FILE), MONGO_DATABASE,
// MONGO_COLLECTION, STORE_MAX_BATCH and STORE_FLUSH_INTERVAL over the
// defaults.
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
	if v := getenv("STORE_MAX_BATCH"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return c, fmt.Errorf("STORE_MAX_BATCH: %w", err)
		}
		c.MaxBatch = n
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

// RedactURI hides the password in a MongoDB URI, for logs and output.
func RedactURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return jsbus.RedactURL(uri) // hides a malformed user info too
	}
	if u.User == nil {
		return uri
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
