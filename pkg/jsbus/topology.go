// Package jsbus is newsflow's JetStream bus: the stream and subjects that
// connect the stages, the connection settings, the publish path with
// de-duplication ids, and the consume loop that every stage runs.
package jsbus

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Subjects of the ARTICLES stream.
const (
	// StreamName is the one stream that holds every subject below.
	StreamName = "ARTICLES"
	// SubjectRaw carries raw bytes as dropped, with a Content-Type header.
	SubjectRaw = "articles.raw"
	// SubjectParsed carries parsed articles (JSON).
	SubjectParsed = "articles.parsed"
	// SubjectEnriched carries enriched articles (JSON): the public event.
	SubjectEnriched = "articles.enriched"
	// SubjectStored carries a small notice once an article is in MongoDB.
	SubjectStored = "articles.stored"
	// SubjectDeadPrefix prefixes dead letters: articles.dead.<stage>.
	SubjectDeadPrefix = "articles.dead."
)

// Headers used on newsflow messages.
const (
	HeaderContentType = "Content-Type"
	HeaderSourceName  = "Newsflow-Source-Name"
	HeaderArticleID   = "Newsflow-Article-Id"
	HeaderRawSHA256   = "Newsflow-Raw-Sha256"
	HeaderStage       = "Newsflow-Stage"
	HeaderReason      = "Newsflow-Reason"
	HeaderError       = "Newsflow-Error"
	HeaderSubject     = "Newsflow-Original-Subject"
	HeaderFailedAt    = "Newsflow-Failed-At"
	HeaderDeliveries  = "Newsflow-Deliveries"
)

// Stage names, also the durable consumer names.
const (
	StageIngest = "ingest"
	StageEnrich = "enrich"
	StageStore  = "store"
)

// DeadSubject returns the dead-letter subject of a stage.
func DeadSubject(stage string) string { return SubjectDeadPrefix + stage }

// InputSubject returns the subject a stage consumes.
func InputSubject(stage string) (string, error) {
	switch stage {
	case StageIngest:
		return SubjectRaw, nil
	case StageEnrich:
		return SubjectParsed, nil
	case StageStore:
		return SubjectEnriched, nil
	}
	return "", fmt.Errorf("unknown stage %q", stage)
}

// StreamConfig sets up the ARTICLES stream.
type StreamConfig struct {
	// Replicas is 1 for a single server, 3 on a cluster.
	Replicas int
	// MaxAge bounds how long messages are kept; 0 keeps them.
	MaxAge time.Duration
	// Duplicates is the window in which a repeated Nats-Msg-Id is dropped.
	Duplicates time.Duration
	// Memory keeps the stream in memory instead of files (tests, benchmarks).
	Memory bool
}

// DefaultStreamConfig returns the defaults.
func DefaultStreamConfig() StreamConfig {
	return StreamConfig{Replicas: 1, Duplicates: 10 * time.Minute}
}

// Validate reports a config that cannot work.
func (c StreamConfig) Validate() error {
	if c.Replicas < 1 || c.Replicas > 5 {
		return fmt.Errorf("stream replicas %d: must be 1 to 5", c.Replicas)
	}
	if c.Duplicates <= 0 {
		return fmt.Errorf("stream duplicates window must be positive")
	}
	return nil
}

// EnsureStream creates the ARTICLES stream or updates it to cfg.
func EnsureStream(ctx context.Context, js jetstream.JetStream, cfg StreamConfig) (jetstream.Stream, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	storage := jetstream.FileStorage
	if cfg.Memory {
		storage = jetstream.MemoryStorage
	}
	s, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:        StreamName,
		Description: "newsflow articles: raw, parsed, enriched, stored and dead letters",
		Subjects:    []string{"articles.>"},
		Storage:     storage,
		Replicas:    cfg.Replicas,
		MaxAge:      cfg.MaxAge,
		Duplicates:  cfg.Duplicates,
		Retention:   jetstream.LimitsPolicy,
		Discard:     jetstream.DiscardOld,
	})
	if err != nil {
		return nil, fmt.Errorf("ensure stream %s: %w", StreamName, err)
	}
	return s, nil
}

// MsgID is the Nats-Msg-Id of an article published by a stage: the stage,
// the article id and a prefix of the raw input's hash. A redelivered input
// so yields the same id and is stored once by the stream, while the same
// article dropped again as other bytes (an update) goes through.
func MsgID(stage, articleID, rawSHA256 string) string {
	return stage + ":" + articleID + ":" + rawSHA256[:min(16, len(rawSHA256))]
}

// ArticleHeader returns the headers of a JSON message about one article:
// its id and the hash of the raw input it came from, so that a dead letter
// or a stored notice can be traced back to the drop.
func ArticleHeader(articleID, rawSHA256 string) nats.Header {
	hdr := nats.Header{}
	hdr.Set(HeaderArticleID, articleID)
	hdr.Set(HeaderRawSHA256, rawSHA256)
	hdr.Set(HeaderContentType, "application/json")
	return hdr
}
