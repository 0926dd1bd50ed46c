// Package jsbus is newsflow's JetStream bus: the stream and subjects that
// connect the stages, the connection settings, the publish path with
// de-duplication ids, and the consume loop that every stage runs.
package jsbus

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Streams and subjects. External input (articles.raw) lives in its own
// stream, ARTICLES_IN, apart from what the stages write (ARTICLES): a
// stream's de-duplication window is its own, so a producer allowed to drop
// raw articles cannot publish a message id a stage will use later and make
// the stage's real output vanish as a "duplicate"; and the two streams can
// be given different publish permissions and retention.
const (
	// StreamName is the stream of the stages' outputs: parsed, enriched
	// and stored. Only services (and an operator replaying a dead letter)
	// write here.
	StreamName = "ARTICLES"
	// StreamDead is the stream of dead letters (articles.dead.<stage>):
	// apart from ARTICLES so that a flood of input that goes through,
	// whose outputs fill ARTICLES, cannot push out the failures of others
	// before anyone has read them.
	StreamDead = "ARTICLES_DEAD"
	// StreamIn is the stream of external input: articles.raw only.
	StreamIn = "ARTICLES_IN"
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
	// OutcomePrefix prefixes the copies the server republishes of stored
	// notices and dead letters once their stream has stored them
	// (outcomes.stored, outcomes.dead.<stage>): what 'newsflow drop
	// --wait' follows with a plain subscription, so that an outcome it
	// reports is already in its stream (a plain subscription to
	// articles.dead.> heard a letter before ARTICLES_DEAD held it), and a
	// dropper needs no right on any consumer.
	OutcomePrefix = "outcomes."
	// StreamEvents is the stream of the small per-quote and per-entity
	// events (issue 14), many per article: apart from ARTICLES so that its
	// volume has limits of its own and subscribers may read it whole.
	StreamEvents = "ARTICLE_EVENTS"
	// SubjectQuotePrefix prefixes per-quote events: articles.quote.<speaker token>...
	SubjectQuotePrefix = "articles.quote."
	// SubjectEntityPrefix prefixes per-entity events: articles.entity.<type>.<entity token>...
	SubjectEntityPrefix = "articles.entity."
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

// InputHeaders are the headers a stage reads from its input; a dead letter
// keeps only these of its input (plus its own Newsflow-* diagnosis), and a
// replay sends only these back. Anything else, Nats-* control headers
// above all (Nats-Expected-*, Nats-Msg-Id, Nats-Rollup, Nats-TTL), is
// dropped: it would act on the publish of the dead letter or the replay.
var InputHeaders = []string{HeaderContentType, HeaderSourceName, HeaderArticleID, HeaderRawSHA256}

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

// InputStream returns the stream holding a stage's input subject.
func InputStream(stage string) (string, error) {
	switch stage {
	case StageIngest:
		return StreamIn, nil
	case StageEnrich, StageStore:
		return StreamName, nil
	}
	return "", fmt.Errorf("unknown stage %q", stage)
}

// StreamOfSubject returns the stream a newsflow subject is stored in.
func StreamOfSubject(subject string) string {
	switch {
	case subject == SubjectRaw:
		return StreamIn
	case strings.HasPrefix(subject, SubjectQuotePrefix), strings.HasPrefix(subject, SubjectEntityPrefix):
		return StreamEvents
	case strings.HasPrefix(subject, SubjectDeadPrefix):
		return StreamDead
	}
	return StreamName
}

// Retention defaults. Input is only needed until ingest has read it
// (ingest trims what it has read from a filling stream, TrimReadInput;
// a failure's bytes are in its dead letter), stage outputs are the record that subscribers
// and operators read back, so they are kept longer.
const (
	DefaultInMaxAge   = 72 * time.Hour
	DefaultInMaxBytes = 1 << 30
	DefaultMaxAge     = 30 * 24 * time.Hour
	DefaultMaxBytes   = 4 << 30
	// Per-quote and per-entity events are small (a few hundred bytes)
	// but some thirty per article; they are kept as long as the articles,
	// and take at most as many bytes (see StreamConfig.EventsMaxBytes).
	DefaultEventsMaxAge = 30 * 24 * time.Hour
	// Dead letters are kept as long as the outputs, in a sixteenth of
	// their bytes (see StreamConfig.DeadMaxBytes): the four streams' bytes
	// stay within the 10 GB that deploy/nats gives JetStream.
	DefaultDeadMaxAge = 30 * 24 * time.Hour
)

// StreamConfig sets up the ARTICLES_IN, ARTICLES, ARTICLE_EVENTS and
// ARTICLES_DEAD streams. Limits left at
// 0 take the defaults above, so a stream is bounded unless a limit is set
// to -1 on purpose.
type StreamConfig struct {
	// Replicas is 1 for a single server, 3 on a cluster.
	Replicas int
	// MaxAge and MaxBytes bound ARTICLES (stage outputs). When full, the
	// oldest messages go.
	MaxAge   time.Duration
	MaxBytes int64
	// InMaxAge and InMaxBytes bound ARTICLES_IN (raw input). When it is
	// full, a new drop is refused (the dropper gets an error) rather than
	// evicting input that ingest has not read yet.
	InMaxAge   time.Duration
	InMaxBytes int64
	// EventsMaxAge and EventsMaxBytes bound ARTICLE_EVENTS (per-quote and
	// per-entity events). When full, the oldest messages go. An
	// EventsMaxBytes of 0 takes ARTICLES' limit, so a deployment that sized
	// ARTICLES (a small memory stream in a test) sizes both.
	EventsMaxAge   time.Duration
	EventsMaxBytes int64
	// DeadMaxAge and DeadMaxBytes bound ARTICLES_DEAD (dead letters).
	// When full, the oldest go. A DeadMaxBytes of 0 takes a sixteenth of
	// ARTICLES' limit (256 MiB by default, at least 1 MiB; unbounded if
	// ARTICLES is).
	DeadMaxAge   time.Duration
	DeadMaxBytes int64
	// Duplicates is the window in which a repeated Nats-Msg-Id is dropped
	// from ARTICLES and ARTICLE_EVENTS; it is cut to a stream's MaxAge if
	// longer.
	Duplicates time.Duration
	// InDuplicates is ARTICLES_IN's window: 0 is the stream's MaxAge (72h
	// by default), so a file dropped again while its first copy is kept is
	// refused as a duplicate rather than enriched and published again
	// under the same ids after the short window of the outputs.
	InDuplicates time.Duration
	// Memory keeps the streams in memory instead of files (tests, benchmarks).
	Memory bool
}

// DefaultStreamConfig returns the defaults.
func DefaultStreamConfig() StreamConfig {
	return StreamConfig{
		Replicas: 1, Duplicates: 10 * time.Minute,
		MaxAge: DefaultMaxAge, MaxBytes: DefaultMaxBytes,
		InMaxAge: DefaultInMaxAge, InMaxBytes: DefaultInMaxBytes,
		EventsMaxAge: DefaultEventsMaxAge,
		DeadMaxAge:   DefaultDeadMaxAge,
	}
}

// Validate reports a config that cannot work.
func (c StreamConfig) Validate() error {
	if c.Replicas < 1 || c.Replicas > 5 {
		return fmt.Errorf("stream replicas %d: must be 1 to 5", c.Replicas)
	}
	if c.Duplicates <= 0 {
		return fmt.Errorf("stream duplicates window must be positive")
	}
	if c.InDuplicates < 0 || c.InDuplicates > 0 && c.InDuplicates < time.Second {
		return fmt.Errorf("input stream duplicates window %v: must be at least 1s, or 0 (the stream's max age)", c.InDuplicates)
	}
	for _, d := range []time.Duration{c.MaxAge, c.InMaxAge, c.EventsMaxAge, c.DeadMaxAge} {
		if d < 0 && d != -1 || d > 0 && d < time.Second {
			return fmt.Errorf("stream max age %v: must be at least 1s, 0 (default) or -1 (unbounded)", d)
		}
	}
	for _, n := range []int64{c.MaxBytes, c.InMaxBytes, c.EventsMaxBytes, c.DeadMaxBytes} {
		if n < -1 || n > 0 && n < 1<<20 {
			return fmt.Errorf("stream max bytes %d: must be at least 1 MiB, 0 (default) or -1 (unbounded)", n)
		}
	}
	return nil
}

// limit turns a configured limit into the server's: 0 is the default, -1
// unbounded (0 to the server).
func limit[T time.Duration | int64](v, def T) T {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return v
}

// streamConfigs returns the server configs of ARTICLES_IN, ARTICLES,
// ARTICLE_EVENTS and ARTICLES_DEAD.
func (c StreamConfig) streamConfigs() []jetstream.StreamConfig {
	storage := jetstream.FileStorage
	if c.Memory {
		storage = jetstream.MemoryStorage
	}
	// A duplicate window is cut to its stream's max age.
	dup := func(window, age time.Duration) time.Duration {
		if age > 0 && window > age {
			return age
		}
		return window
	}
	inAge, inBytes := limit(c.InMaxAge, DefaultInMaxAge), limit(c.InMaxBytes, DefaultInMaxBytes)
	inWindow := c.InDuplicates
	if inWindow == 0 {
		// The whole time a drop is kept; an unbounded stream keeps the
		// default window.
		inWindow = DefaultInMaxAge
		if inAge > 0 {
			inWindow = inAge
		}
	}
	age, bytes := limit(c.MaxAge, DefaultMaxAge), limit(c.MaxBytes, DefaultMaxBytes)
	evAge, evBytes := limit(c.EventsMaxAge, DefaultEventsMaxAge), limit(c.EventsMaxBytes, bytes)
	deadAge, deadBytes := limit(c.DeadMaxAge, DefaultDeadMaxAge), limit(c.DeadMaxBytes, max(bytes/16, 1<<20))
	if bytes == 0 && c.DeadMaxBytes == 0 {
		deadBytes = 0 // ARTICLES unbounded: so are its dead letters
	}
	toBytes := func(n int64) int64 {
		if n == 0 {
			return -1 // the server's "unlimited"
		}
		return n
	}
	return []jetstream.StreamConfig{{
		Name:        StreamIn,
		Description: "newsflow input: raw articles as dropped",
		Subjects:    []string{SubjectRaw},
		Storage:     storage,
		Replicas:    c.Replicas,
		MaxAge:      inAge,
		MaxBytes:    toBytes(inBytes),
		Duplicates:  dup(inWindow, inAge),
		Retention:   jetstream.LimitsPolicy,
		Discard:     jetstream.DiscardNew,
	}, {
		Name:        StreamName,
		Description: "newsflow stage outputs: parsed, enriched and stored",
		Subjects:    []string{SubjectParsed, SubjectEnriched, SubjectStored},
		RePublish:   &jetstream.RePublish{Source: SubjectStored, Destination: OutcomePrefix + "stored"},
		Storage:     storage,
		Replicas:    c.Replicas,
		MaxAge:      age,
		MaxBytes:    toBytes(bytes),
		Duplicates:  dup(c.Duplicates, age),
		Retention:   jetstream.LimitsPolicy,
		Discard:     jetstream.DiscardOld,
	}, {
		Name:        StreamEvents,
		Description: "newsflow per-quote and per-entity events",
		Subjects:    []string{SubjectQuotePrefix + ">", SubjectEntityPrefix + ">"},
		Storage:     storage,
		Replicas:    c.Replicas,
		MaxAge:      evAge,
		MaxBytes:    toBytes(evBytes),
		Duplicates:  dup(c.Duplicates, evAge),
		Retention:   jetstream.LimitsPolicy,
		Discard:     jetstream.DiscardOld,
	}, {
		Name:        StreamDead,
		Description: "newsflow dead letters: what a stage could not process, with the reason",
		Subjects:    []string{SubjectDeadPrefix + ">"},
		RePublish:   &jetstream.RePublish{Source: SubjectDeadPrefix + ">", Destination: OutcomePrefix + "dead.>"},
		Storage:     storage,
		Replicas:    c.Replicas,
		MaxAge:      deadAge,
		MaxBytes:    toBytes(deadBytes),
		Duplicates:  dup(c.Duplicates, deadAge),
		Retention:   jetstream.LimitsPolicy,
		Discard:     jetstream.DiscardOld,
	}}
}

// EnsureStream creates the ARTICLES_IN, ARTICLES, ARTICLE_EVENTS and
// ARTICLES_DEAD streams or updates them to cfg, and returns ARTICLES. A stream whose config already matches is
// left alone, so a service with only STREAM.INFO rights starts on streams
// an operator set up. An ARTICLES stream of the old one-stream layout
// (subjects articles.>) is moved to the new subjects first; its ingest
// consumer goes (raw messages still in it are not carried over). An
// ARTICLES that holds articles.dead.> gives the subject up to
// ARTICLES_DEAD; the dead letters it keeps move with MoveDeadLetters.
func EnsureStream(ctx context.Context, js jetstream.JetStream, cfg StreamConfig) (jetstream.Stream, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	wants := cfg.streamConfigs()
	// ARTICLES first: an old ARTICLES holding articles.> overlaps
	// ARTICLES_IN, and one holding articles.dead.> ARTICLES_DEAD.
	var out jetstream.Stream
	for _, want := range []jetstream.StreamConfig{wants[1], wants[0], wants[2], wants[3]} {
		s, err := ensureOne(ctx, js, want)
		if err != nil {
			return nil, err
		}
		if want.Name == StreamName {
			out = s
		}
	}
	return out, nil
}

func ensureOne(ctx context.Context, js jetstream.JetStream, want jetstream.StreamConfig) (jetstream.Stream, error) {
	s, err := js.Stream(ctx, want.Name)
	switch {
	case errors.Is(err, jetstream.ErrStreamNotFound):
		s, err = js.CreateStream(ctx, want)
		if err != nil && !errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			return nil, fmt.Errorf("create stream %s: %w", want.Name, err)
		}
		if err == nil {
			return s, nil
		}
		if s, err = js.Stream(ctx, want.Name); err != nil { // created meanwhile by another service
			return nil, fmt.Errorf("stream %s: %w", want.Name, err)
		}
	case err != nil:
		return nil, fmt.Errorf("stream %s: %w", want.Name, err)
	}
	have := s.CachedInfo().Config
	if sameStream(have, want) {
		return s, nil
	}
	if want.Name == StreamName && slices.Contains(have.Subjects, "articles.>") {
		// The old layout: its ingest consumer filters articles.raw, which
		// leaves this stream now.
		if err := js.DeleteConsumer(ctx, StreamName, StageIngest); err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
			return nil, fmt.Errorf("move stream %s to the two-stream layout: delete old ingest consumer: %w", StreamName, err)
		}
	}
	s, err = js.UpdateStream(ctx, want)
	if err != nil {
		return nil, fmt.Errorf("update stream %s: %w", want.Name, err)
	}
	return s, nil
}

// sameStream compares the settings newsflow chooses.
func sameStream(have, want jetstream.StreamConfig) bool {
	return slices.Equal(have.Subjects, want.Subjects) && have.MaxAge == want.MaxAge && have.MaxBytes == want.MaxBytes &&
		have.Duplicates == want.Duplicates && have.Discard == want.Discard && have.Replicas == want.Replicas &&
		have.Retention == want.Retention && reflect.DeepEqual(have.RePublish, want.RePublish)
}

// StreamConfigFromEnv reads the stream settings over the defaults:
// STREAM_REPLICAS, STREAM_MAX_AGE, STREAM_MAX_BYTES (ARTICLES),
// STREAM_IN_MAX_AGE, STREAM_IN_MAX_BYTES (ARTICLES_IN),
// STREAM_EVENTS_MAX_AGE, STREAM_EVENTS_MAX_BYTES (ARTICLE_EVENTS),
// STREAM_DEAD_MAX_AGE, STREAM_DEAD_MAX_BYTES (ARTICLES_DEAD),
// STREAM_DUPLICATES (ARTICLES, ARTICLE_EVENTS), STREAM_IN_DUPLICATES
// (ARTICLES_IN; default its max age).
// Ages are Go durations ("72h"), sizes bytes with an optional KiB, MiB or
// GiB suffix; -1 means unbounded.
func StreamConfigFromEnv(getenv func(string) string) (StreamConfig, error) {
	c := DefaultStreamConfig()
	var errs []error
	if v := getenv("STREAM_REPLICAS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("STREAM_REPLICAS: %w", err))
		}
		c.Replicas = n
	}
	for name, dst := range map[string]*time.Duration{"STREAM_MAX_AGE": &c.MaxAge, "STREAM_IN_MAX_AGE": &c.InMaxAge, "STREAM_EVENTS_MAX_AGE": &c.EventsMaxAge, "STREAM_DEAD_MAX_AGE": &c.DeadMaxAge, "STREAM_DUPLICATES": &c.Duplicates, "STREAM_IN_DUPLICATES": &c.InDuplicates} {
		if v := getenv(name); v != "" {
			if v == "-1" {
				*dst = -1
				continue
			}
			d, err := time.ParseDuration(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
			}
			*dst = d
		}
	}
	for name, dst := range map[string]*int64{"STREAM_MAX_BYTES": &c.MaxBytes, "STREAM_IN_MAX_BYTES": &c.InMaxBytes, "STREAM_EVENTS_MAX_BYTES": &c.EventsMaxBytes, "STREAM_DEAD_MAX_BYTES": &c.DeadMaxBytes} {
		if v := getenv(name); v != "" {
			n, err := ParseBytes(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
			}
			*dst = n
		}
	}
	if err := errors.Join(errs...); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// ParseBytes reads a byte count with an optional KiB, MiB, GiB or TiB suffix
// ("512MiB"); "-1" is returned as -1.
func ParseBytes(s string) (int64, error) {
	orig := strings.TrimSpace(s)
	s = orig
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"TB", 1 << 40}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if v, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = strings.TrimSpace(v), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		// (The value as written: "1Ti" quoted a value nobody wrote.)
		return 0, fmt.Errorf("byte count %q: want a number of bytes, or with KiB, MiB, GiB or TiB (KB, MB, GB, TB read the same)", orig)
	}
	if n == -1 {
		return -1, nil
	}
	// ("17179869184GiB" wrapped to 0, read as the default.)
	if n > math.MaxInt64/mult || n < math.MinInt64/mult {
		return 0, fmt.Errorf("byte count %q: too large", orig)
	}
	return n * mult, nil
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
// or a stored notice can be traced back to the drop. (The content type is
// the CloudEvents content-type header, set by EventHeader.)
func ArticleHeader(articleID, rawSHA256 string) nats.Header {
	hdr := make(nats.Header, 2)
	hdr.Set(HeaderArticleID, articleID)
	hdr.Set(HeaderRawSHA256, rawSHA256)
	return hdr
}

// TrimReadInput removes from ARTICLES_IN the raw input the durable
// consumer named consumer (the ingest stage) has acknowledged, once the
// stream holds more than half of its byte or message limit, and returns
// how many messages went. Input stays after ingest has read it only for a
// look back; a stream that kept it until it aged out refused every new
// drop once it was full (DiscardNew), although nothing in it was still
// needed. Unread and unacknowledged input is never touched (everything
// above the consumer's acknowledgement floor stays), and a failure already
// has its bytes in a dead letter (its start only, past the dead letter's
// size limit).
//
// The ids in the de-duplication window stay, so a drop repeated within it
// is still a duplicate; but a server that restarts rebuilds that window
// from the messages it holds, so after a restart a trimmed drop repeated
// is taken again.
func TrimReadInput(ctx context.Context, js jetstream.JetStream, consumer string) (uint64, error) {
	s, err := js.Stream(ctx, StreamIn)
	if err != nil {
		return 0, fmt.Errorf("trim input: %w", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("trim input: %w", err)
	}
	half := func(used uint64, limit int64) bool { return limit > 0 && used > uint64(limit)/2 }
	if !half(info.State.Bytes, info.Config.MaxBytes) && !half(info.State.Msgs, info.Config.MaxMsgs) {
		return 0, nil
	}
	ci, err := s.Consumer(ctx, consumer)
	if err != nil {
		return 0, fmt.Errorf("trim input: consumer %s: %w", consumer, err)
	}
	cinfo, err := ci.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("trim input: consumer %s: %w", consumer, err)
	}
	floor := cinfo.AckFloor.Stream
	if floor < info.State.FirstSeq {
		return 0, nil
	}
	// (Purge keeps every message at and above the given sequence.)
	if err := s.Purge(ctx, jetstream.WithPurgeSequence(floor+1)); err != nil {
		return 0, fmt.Errorf("trim input: %w", err)
	}
	// (What is gone, about, from the state after: another ingest process
	// may have trimmed the same messages at the same time.)
	after, err := s.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("trim input: %w", err)
	}
	if after.State.Msgs >= info.State.Msgs {
		return 0, nil
	}
	return info.State.Msgs - after.State.Msgs, nil
}
