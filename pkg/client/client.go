// Package client is the Go client for newsflow subscribers: it connects
// with the same environment variables as the services and delivers
// enriched articles, or the per-speaker and per-entity events of
// pkg/fanout, as typed values, with filters (speaker, entity, type,
// language, first-seen articles only, start time or sequence) and
// acknowledgements handled.
//
// A subscription is ephemeral (it starts where the filter says and is
// gone when it ends) or durable (named: the server remembers what was
// acknowledged, and the next Subscribe with the same name resumes there).
package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/text/language"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
)

// EventsStream is the stream of the fan-out events (articles.quote.> and
// articles.entity.>); the enriched articles are in jsbus.StreamName.
const EventsStream = jsbus.StreamEvents

// Config is how to reach NATS and the streams.
type Config struct {
	Conn jsbus.ConnConfig
	// ArticlesStream holds articles.enriched (ARTICLES by default).
	ArticlesStream string
	// EventsStream holds the fan-out events (ARTICLE_EVENTS by default).
	EventsStream string
}

// ConfigFromEnv reads the NATS settings the services read (NATS_URL,
// NATS_USER, NATS_PASSWORD(_FILE), NATS_TOKEN(_FILE), NATS_NKEY_FILE,
// NATS_CREDS_FILE, NATS_TLS_*, NATS_INBOX_PREFIX; see
// jsbus.ConnConfigFromEnv); name is the client name the server shows.
func ConfigFromEnv(getenv func(string) string, name string) (Config, error) {
	cc, err := jsbus.ConnConfigFromEnv(getenv, name)
	if err != nil {
		return Config{}, err
	}
	c := DefaultConfig()
	c.Conn = cc
	return c, nil
}

// DefaultConfig returns the default streams and nats.DefaultURL.
func DefaultConfig() Config {
	return Config{Conn: jsbus.ConnConfig{URL: nats.DefaultURL, Name: "newsflow-client"}, ArticlesStream: jsbus.StreamName, EventsStream: EventsStream}
}

// Validate reports a config that cannot work.
func (c Config) Validate() error {
	if c.ArticlesStream == "" || c.EventsStream == "" {
		return errors.New("client: stream names must be set")
	}
	return c.Conn.Validate()
}

// Client is a connection for subscribers. It is safe for concurrent use.
type Client struct {
	cfg Config
	nc  *nats.Conn
	js  jetstream.JetStream
	log *slog.Logger
	// outageLimit and outageGap: see the constants (tests shorten them).
	outageLimit, outageGap time.Duration
}

// Option configures a Client.
type Option func(*Client)

// WithLogger sets the logger (none by default).
func WithLogger(l *slog.Logger) Option { return func(c *Client) { c.log = l } }

// Connect connects to NATS; Close ends the connection.
func Connect(ctx context.Context, cfg Config, opts ...Option) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	c := &Client{cfg: cfg, log: slog.New(slog.DiscardHandler), outageLimit: outageLimit, outageGap: outageGap}
	for _, o := range opts {
		o(c)
	}
	nc, err := jsbus.Connect(ctx, cfg.Conn, c.log)
	if err != nil {
		return nil, err
	}
	js, err := jsbus.NewJetStream(nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	c.nc, c.js = nc, js
	return c, nil
}

// NewFromJetStream returns a Client on a connection the caller owns (and
// closes); Close does nothing then.
func NewFromJetStream(js jetstream.JetStream, cfg Config, opts ...Option) *Client {
	c := &Client{cfg: cfg, js: js, log: slog.New(slog.DiscardHandler), outageLimit: outageLimit, outageGap: outageGap}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Close closes the connection Connect opened.
func (c *Client) Close() {
	if c.nc != nil {
		c.nc.Close()
	}
}

// Kind is the kind of an event.
type Kind int

// Event kinds.
const (
	KindArticle Kind = iota + 1
	KindQuote
	KindEntity
)

func (k Kind) String() string {
	switch k {
	case KindArticle:
		return "article"
	case KindQuote:
		return "quote"
	case KindEntity:
		return "entity"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Typed payloads.
type (
	// Article is an enriched article (articles.enriched).
	Article = article.Article
	// Quote is one quote and its article (articles.quote.<speaker>).
	Quote = fanout.QuoteEvent
	// Entity is one entity and its article (articles.entity.<type>.<name>).
	Entity = fanout.EntityEvent
)

// Event is one delivered event; exactly one of Article, Quote and Entity
// is set, as Kind says.
type Event struct {
	Kind    Kind
	Subject string
	// Seq is the stream sequence: Filter.FromSeq = Seq+1 resumes after it.
	Seq uint64
	// Time is when the stream stored the event.
	Time time.Time
	// ID is the event's Nats-Msg-Id (ce-id).
	ID      string
	Article *Article
	Quote   *Quote
	Entity  *Entity
	// Data is the raw JSON payload.
	Data []byte
	// Headers are the message headers: the CloudEvents attributes (ce-type,
	// ce-time, ce-source ...), Nats-Msg-Id, content-type (lower case, as the
	// CloudEvents NATS binding writes it: Headers.Get is case-sensitive).
	Headers nats.Header
}

// ref returns the article reference a quote or entity event carries, nil
// for a whole article.
func (e Event) ref() *fanout.ArticleRef {
	switch {
	case e.Quote != nil:
		return &e.Quote.ArticleRef
	case e.Entity != nil:
		return &e.Entity.ArticleRef
	}
	return nil
}

// ArticleID returns the id of the event's article.
func (e Event) ArticleID() string {
	if e.Article != nil {
		return e.Article.ID
	}
	if r := e.ref(); r != nil {
		return r.ArticleID
	}
	return ""
}

// Revision returns the revision of the event's article (0: first enrichment).
func (e Event) Revision() int {
	if e.Article != nil {
		return e.Article.Revision
	}
	if r := e.ref(); r != nil {
		return r.Revision
	}
	return 0
}

// duplicateOf returns the id of the article the event's article is a copy
// of, empty for a first-seen article.
func (e Event) duplicateOf() string {
	if e.Article != nil {
		return e.Article.DuplicateOf
	}
	if r := e.ref(); r != nil {
		return r.DuplicateOf
	}
	return ""
}

// language returns the event's article language.
func (e Event) language() string {
	if e.Article != nil {
		return e.Article.Language
	}
	if r := e.ref(); r != nil {
		return r.Language
	}
	return ""
}

// Filter chooses the events of a subscription. With no Speakers, Entities
// or Types it delivers whole enriched articles; with any of them, the
// matching quote and entity events (one subscription reads one stream).
type Filter struct {
	// Speakers follows the quotes of these speakers (names, turned into
	// subject tokens by fanout.Token); "*" is every quote. A blank name
	// is refused.
	Speakers []string
	// Entities follows these entity names, of the Types if given, of any
	// type if not. A blank name is refused.
	Entities []string
	// Types (PERSON, ORG, GPE, LOC, FAC, NORP) alone follows every entity
	// of those types.
	Types []string
	// Language keeps only articles in this ISO 639-1 language ("de").
	Language string
	// Unique keeps only first-seen articles: events whose article is a
	// copy of one seen before (duplicate_of set) are acknowledged and
	// skipped, whole articles and quote and entity events alike.
	Unique bool
	// Since starts at the events stored at or after this time; FromSeq at
	// this stream sequence. Neither: only new events, or, for a durable
	// subscription that exists already, where it left off. A Since more
	// than a minute ahead of this machine's clock is refused.
	Since   time.Time
	FromSeq uint64
	// All starts at the beginning of the stream.
	All bool
	// Durable names a durable subscription; empty is ephemeral.
	Durable string
	// UntilCaughtUp ends Subscribe once every event stored when it started
	// (that matches the filter) is handled; with no start given it reads
	// them from the beginning (a durable that exists from where it left
	// off).
	UntilCaughtUp bool
	// MaxDeliver bounds the deliveries of one event whose handler keeps
	// failing (default 5): after that many failures in one Subscribe the
	// event is given up. Events fetched ahead and handed back when a
	// subscription stops do not count.
	MaxDeliver int
}

// Validate reports a filter that cannot work.
func (f Filter) Validate() error {
	var errs []error
	if !f.Since.IsZero() && f.FromSeq > 0 || f.All && (!f.Since.IsZero() || f.FromSeq > 0) {
		errs = append(errs, errors.New("filter: choose one start: all, a time or a sequence"))
	}
	for _, t := range f.Types {
		if !slices.Contains(entityTypes, strings.ToUpper(strings.TrimSpace(t))) {
			errs = append(errs, fmt.Errorf("filter: entity type %q: one of %s", t, strings.Join(entityTypes, " ")))
		}
	}
	if f.Durable != "" && strings.ContainsAny(f.Durable, ".*> \t") {
		errs = append(errs, fmt.Errorf("filter: durable name %q: no dots, wildcards or spaces", f.Durable))
	}
	if f.Language != "" {
		// (An unknown code, "zz", would match no article and wait without
		// a word.)
		if _, err := language.ParseBase(f.Language); err != nil || len(f.Language) != 2 {
			errs = append(errs, fmt.Errorf("filter: language %q: an ISO 639-1 code like en", f.Language))
		}
	}
	// A blank name, an unset variable's, would follow every entity
	// (articles.entity.*.*) or the unattributed quotes instead of the
	// one meant.
	for _, l := range []struct {
		what  string
		names []string
	}{{"speaker", f.Speakers}, {"entity", f.Entities}} {
		if slices.ContainsFunc(l.names, func(s string) bool { return strings.TrimSpace(s) == "" }) {
			errs = append(errs, fmt.Errorf("filter: an empty %s name", l.what))
		}
	}
	// A start in the future would deliver nothing until then: a catch-up
	// ended at once and a subscription waited without a word. (A little
	// ahead is a clock a little ahead of the server's.)
	if now := time.Now(); f.Since.After(now.Add(maxClockAhead)) {
		errs = append(errs, fmt.Errorf("filter: since %s: in the future (now is %s)", f.Since.Format(time.RFC3339), now.Format(time.RFC3339)))
	}
	if f.MaxDeliver < 0 {
		errs = append(errs, errors.New("filter: max deliver must not be negative"))
	}
	return errors.Join(errs...)
}

// maxClockAhead is how far in the future Filter.Since may be: a client's
// clock a little ahead of the server's, not a mistaken date.
const maxClockAhead = time.Minute

var entityTypes = []string{article.TypePerson, article.TypeOrg, article.TypeGPE, article.TypeLoc, article.TypeFac, article.TypeNORP}

// Subjects returns the stream and subject filters of f.
func (f Filter) Subjects(cfg Config) (stream string, subjects []string) {
	if len(f.Speakers) == 0 && len(f.Entities) == 0 && len(f.Types) == 0 {
		return cfg.ArticlesStream, []string{jsbus.SubjectEnriched}
	}
	add := func(s string) {
		if !slices.Contains(subjects, s) {
			subjects = append(subjects, s)
		}
	}
	// ("*" among the speakers covers the others: the server refuses
	// filters that overlap.)
	if slices.ContainsFunc(f.Speakers, func(s string) bool { return strings.TrimSpace(s) == "*" }) {
		add(fanout.QuotePrefix + ">")
	} else {
		for _, s := range f.Speakers {
			add(fanout.QuoteSubject(s))
		}
	}
	if len(f.Entities) == 0 && len(f.Types) == 0 {
		return cfg.EventsStream, subjects
	}
	types := f.Types
	if len(types) == 0 {
		types = []string{""}
	}
	for _, t := range types {
		if len(f.Entities) == 0 {
			add(fanout.EntityFilter(t, ""))
		}
		for _, e := range f.Entities {
			add(fanout.EntityFilter(t, e))
		}
	}
	return cfg.EventsStream, subjects
}

// Handler handles one event. For a durable subscription, nil acknowledges
// it and an error has it delivered again a second later (up to
// Filter.MaxDeliver times). An ephemeral subscription has no
// acknowledgements (a reader needs no rights beyond reading): an error
// ends Subscribe, and Filter.FromSeq = the event's Seq starts again there.
type Handler func(ctx context.Context, ev Event) error

// ErrStop returned by a Handler ends Subscribe without an error (the event
// is acknowledged).
var ErrStop = errors.New("stop")

// ErrUnhandled returned by a Handler (wrapped or not) ends Subscribe with
// that error and hands the event back unacknowledged, so that a durable's
// next run gets it first and at once: the handler could not take it (its
// reader went away, a pipe closed).
var ErrUnhandled = errors.New("event not handled")

// Subscribe delivers the events f chooses to h, one at a time in stream
// order, until ctx ends (it returns nil then), h returns ErrStop, or, with
// f.UntilCaughtUp, the events stored when it started are handled.
// Events of another language than f.Language, and with f.Unique the events
// of copies, are acknowledged and skipped. An outage of the servers (a
// cluster node lost, a restart) is ridden out for up to two minutes: an
// ephemeral subscription's consumer is made again at the event after the
// last one handed over, a durable is asked again.
func (c *Client) Subscribe(ctx context.Context, f Filter, h Handler) error {
	if err := f.Validate(); err != nil {
		return err
	}
	if h == nil {
		return errors.New("subscribe: no handler")
	}
	stream, subjects := f.Subjects(c.cfg)
	policy, startSeq, startTime := jetstream.DeliverNewPolicy, uint64(0), (*time.Time)(nil)
	switch {
	case f.All, f.UntilCaughtUp && f.FromSeq == 0 && f.Since.IsZero():
		// (Caught up with no start is caught up with what is stored, as
		// "tail --catch-up" reads it; a durable that exists resumes.)
		policy = jetstream.DeliverAllPolicy
	case f.FromSeq > 0:
		policy, startSeq = jetstream.DeliverByStartSequencePolicy, f.FromSeq
	case !f.Since.IsZero():
		t := f.Since
		policy, startTime = jetstream.DeliverByStartTimePolicy, &t
	}
	var cons jetstream.Consumer
	var err error
	durable := f.Durable != ""
	if durable {
		cons, err = c.durable(ctx, stream, subjects, f, policy, startSeq, startTime)
	} else {
		// A plain ephemeral consumer rather than an ordered one: its state
		// can be read before the first delivery (UntilCaughtUp).
		cons, err = c.js.CreateConsumer(ctx, stream, consumerConfig(subjects, f, policy, startSeq, startTime))
	}
	if err != nil {
		return fmt.Errorf("subscribe %s on %s: %w", strings.Join(subjects, ","), stream, err)
	}
	if !durable {
		defer func() {
			// An ephemeral consumer is of no use once Subscribe returns.
			dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			defer cancel()
			_ = c.js.DeleteConsumer(dctx, stream, cons.CachedInfo().Name)
		}()
	}
	if f.UntilCaughtUp {
		info, err := cons.Info(ctx)
		if err != nil {
			return fmt.Errorf("subscribe: consumer info: %w", err)
		}
		if settled(info) {
			return nil // nothing stored matches, nothing waits for redelivery
		}
	}
	next, stop, err := pull(cons, durable)
	if err != nil {
		return fmt.Errorf("subscribe %s on %s: %w", strings.Join(subjects, ","), stream, err)
	}
	defer func() { stop() }() // (stop changes when an ephemeral consumer is made again)
	// resume is where an ephemeral subscription starts again when its
	// consumer is lost: the stream sequence after the last event taken
	// (the consumer's own start before any).
	var resume uint64
	if !durable {
		resume = cons.CachedInfo().Delivered.Stream + 1
	}
	// outage is when the server first failed to serve this subscription
	// since it last did (zero while it serves), and lastFail when it last
	// failed: an outage yields failures every few seconds, so one more
	// than outageGap after the last is a new outage. (A quiet
	// subscription gets no event to say it was served again: a second
	// outage minutes after the first ended it at once.)
	var outage, lastFail time.Time
	// weather reports whether err is an outage to ride out (a cluster node
	// lost, a restart, a new consumer leader) and does so: it waits a
	// little, or for an ephemeral subscription makes its consumer again
	// where it left off. False: the subscription ends with err.
	weather := func(err error) bool {
		if ctx.Err() != nil || !passing(err, durable) {
			return false
		}
		if outage.IsZero() || time.Since(lastFail) > c.outageGap {
			outage = time.Now()
			c.log.Warn("subscription interrupted; resuming", "subjects", subjects, "resume_seq", resume, "err", err)
		}
		defer func() { lastFail = time.Now() }()
		for time.Since(outage) < c.outageLimit {
			select {
			case <-ctx.Done():
				return true // (the loop returns nil on ctx)
			case <-time.After(250 * time.Millisecond):
			}
			if durable {
				// A durable is replicated with the stream: it keeps its
				// place on the servers left and is asked again.
				return true
			}
			stop()
			var ncons jetstream.Consumer
			if ncons, err = c.remake(ctx, stream, subjects, f, cons, resume); err != nil {
				continue
			}
			cons = ncons
			var nnext func(context.Context) (jetstream.Msg, error)
			var nstop func()
			if nnext, nstop, err = pull(cons, false); err != nil {
				continue
			}
			next, stop = nnext, nstop
			outage = time.Time{} // (served again)
			return true
		}
		return false
	}
	// retry counts the failures of the events whose handler failed, not
	// yet handled: the subscription is not caught up while one waits for
	// its redelivery.
	retry := map[uint64]int{}
	// settling is set once every stored event was delivered but a durable
	// consumer may still have some to deliver again (handed back by an
	// earlier run, or an ack or term the server has not counted yet): the
	// wait for the next event is then short, and the consumer is asked.
	// (From the start for a durable: another subscription on the same
	// durable may be the one that handles the last events, and this one
	// would otherwise wait for an event that never comes.)
	settling := f.UntilCaughtUp && durable
	// caughtUp reports, after an event, that UntilCaughtUp is met.
	caughtUp := func(md *jetstream.MsgMetadata) (bool, error) {
		if !f.UntilCaughtUp || md.NumPending > 0 || len(retry) > 0 {
			return false, nil
		}
		if !durable {
			return true, nil
		}
		settling = true
		return false, nil
	}
	for {
		nctx, cancel := ctx, context.CancelFunc(func() {})
		if settling {
			nctx, cancel = context.WithTimeout(ctx, time.Second)
		}
		m, err := next(nctx)
		cancel()
		if err != nil && settling && ctx.Err() == nil && nctx.Err() != nil {
			info, err := cons.Info(ctx)
			if err != nil {
				if weather(err) {
					continue
				}
				return fmt.Errorf("subscribe: consumer info: %w", err)
			}
			if settled(info) && len(retry) == 0 {
				return nil
			}
			continue
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if weather(err) {
				continue
			}
			return fmt.Errorf("subscribe %s: %w", strings.Join(subjects, ","), err)
		}
		outage = time.Time{}
		md, err := m.Metadata()
		if err != nil {
			return fmt.Errorf("subscribe: message metadata: %w", err)
		}
		if !durable {
			if md.Sequence.Stream < resume {
				continue // (taken before the consumer was made again)
			}
			resume = md.Sequence.Stream + 1
		}
		ev, derr := decode(m, md)
		switch {
		case derr != nil:
			// A payload this client cannot read is reported and passed
			// over; redelivering it would not help.
			c.log.Error("undecodable event skipped", "subject", m.Subject(), "seq", md.Sequence.Stream, "err", derr)
		case f.Language != "" && !strings.EqualFold(ev.language(), f.Language):
		case f.Unique && ev.duplicateOf() != "":
		default:
			herr := h(ctx, ev)
			if errors.Is(herr, ErrUnhandled) {
				stop()
				_ = m.Nak()
				return fmt.Errorf("handle %s (seq %d): %w", m.Subject(), md.Sequence.Stream, herr)
			}
			// (Cancelled while the handler ran: the event it finished is
			// acknowledged, after unsubscribing, as for ErrStop.)
			if errors.Is(herr, ErrStop) || herr == nil && ctx.Err() != nil {
				// Stop before the ack: a durable's pulls ask for one
				// event each, so none is left open for the server to fill
				// once this one is acknowledged; the next event stays
				// first for the next start.
				stop()
				return ack(ctx, m, durable)
			}
			if herr != nil && !durable {
				return fmt.Errorf("handle %s (seq %d): %w", m.Subject(), md.Sequence.Stream, herr)
			}
			// (The handler's failures count, not the server's deliveries:
			// an event fetched ahead and handed back at a stop was
			// delivered without being handled.)
			if herr != nil && retry[md.Sequence.Stream]+1 >= maxDeliver(f) {
				// Given up for good: the server is told not to send it again.
				c.log.Error("handler failed on the last delivery; event given up", "article_id", ev.ArticleID(), "seq", md.Sequence.Stream, "err", herr)
				delete(retry, md.Sequence.Stream)
				_ = m.Term()
				if done, err := caughtUp(md); done || err != nil {
					return err
				}
				continue
			}
			if herr != nil {
				c.log.Warn("handler failed; event will be redelivered", "article_id", ev.ArticleID(), "seq", md.Sequence.Stream, "err", herr)
				retry[md.Sequence.Stream]++
				_ = m.NakWithDelay(time.Second)
				continue
			}
		}
		delete(retry, md.Sequence.Stream)
		if err := ack(ctx, m, durable); err != nil {
			return err
		}
		if done, err := caughtUp(md); done || err != nil {
			return err
		}
	}
}

// outageLimit is how long a subscription waits for the servers to serve
// it again (a cluster electing new leaders, a server restarting) before
// Subscribe gives up with the error.
const outageLimit = 2 * time.Minute

// outageGap is how long after its last failure an outage is over: longer
// than the failures of one come apart (an ephemeral pull expires in 10 s,
// a durable's fetch in 1 s).
const outageGap = 30 * time.Second

// passing reports err as one that an outage causes and that passes: the
// servers are reconnecting, electing, or lost the consumer (an ephemeral
// consumer has one replica and goes with its node; a durable's loss is
// not passing: it was deleted, and its place with it).
func passing(err error, durable bool) bool {
	var apiErr *jetstream.APIError
	switch {
	case errors.As(err, &apiErr) && apiErr.Code == 503, // JetStream temporarily unavailable
		errors.Is(err, jetstream.ErrNoHeartbeat),
		errors.Is(err, jetstream.ErrConsumerLeadershipChanged),
		errors.Is(err, nats.ErrNoResponders),
		errors.Is(err, nats.ErrTimeout),
		errors.Is(err, context.DeadlineExceeded),
		errors.Is(err, nats.ErrConnectionReconnecting),
		errors.Is(err, nats.ErrDisconnected),
		// The server's "server shutdown" status to a pending pull.
		errors.Is(err, jetstream.ErrServerShutdown):
		return true
	case durable:
		return false
	}
	return errors.Is(err, jetstream.ErrConsumerDeleted) || errors.Is(err, jetstream.ErrConsumerNotFound) ||
		errors.Is(err, jetstream.ErrMsgIteratorClosed) && !errors.Is(err, jetstream.ErrConnectionClosed)
}

// remake makes an ephemeral subscription's consumer again, to start at the
// stream sequence resume, and deletes the one it replaces if it is still
// there (else its inactivity limit removes it).
func (c *Client) remake(ctx context.Context, stream string, subjects []string, f Filter, old jetstream.Consumer, resume uint64) (jetstream.Consumer, error) {
	dctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	_ = c.js.DeleteConsumer(dctx, stream, old.CachedInfo().Name)
	cancel()
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return c.js.CreateConsumer(cctx, stream, consumerConfig(subjects, f, jetstream.DeliverByStartSequencePolicy, resume, nil))
}

// settled reports a consumer with nothing left to deliver: no stored
// event undelivered, every delivered one acknowledged (an event handed
// back keeps the ack floor below the delivered count).
func settled(info *jetstream.ConsumerInfo) bool {
	return info.NumPending == 0 && info.NumAckPending == 0 && info.Delivered.Consumer == info.AckFloor.Consumer
}

func ack(ctx context.Context, m jetstream.Msg, durable bool) error {
	if !durable {
		return nil
	}
	// DoubleAck waits for the server, so an acknowledged event is not
	// delivered again after a reconnect. (Not on ctx: a subscription
	// cancelled while its handler ran still acknowledges what the handler
	// finished, or the durable would wait AckWait and deliver it again.)
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := m.DoubleAck(actx); err != nil && ctx.Err() == nil {
		return fmt.Errorf("ack: %w", err)
	}
	return nil
}

func maxDeliver(f Filter) int {
	if f.MaxDeliver == 0 {
		return 5
	}
	return f.MaxDeliver
}

// pull returns how a subscription takes its events from cons. An
// ephemeral one streams them (Messages). A durable one asks for one event
// at a time, each request answered by one event or expired: with
// MaxAckPending 1 it gets no more anyway, and a stream's pull request,
// which stays open on the server after the client stops, would be sent
// the next event as soon as the last was acknowledged, to wait AckWait
// (30 s) before the next start could have it ("tail --durable desk -n 1"
// in a loop stalled one run in four).
func pull(cons jetstream.Consumer, durable bool) (next func(context.Context) (jetstream.Msg, error), stop func(), err error) {
	if !durable {
		// Pulls that expire in 10 s carry heartbeats every 5 s: a consumer
		// lost with its node is noticed in 10 s rather than the default 30.
		it, err := cons.Messages(jetstream.PullExpiry(10 * time.Second))
		if err != nil {
			return nil, nil, err
		}
		return func(ctx context.Context) (jetstream.Msg, error) { return it.Next(jetstream.NextContext(ctx)) }, it.Stop, nil
	}
	// fetchOne asks for one event and waits a second at most for it: nil
	// and no error when none came. (Short requests: one the server holds
	// when ctx ends, a Ctrl-C while waiting, can still be sent an event,
	// which then waits for AckWait before the next start has it.)
	fetchOne := func(ctx context.Context) (jetstream.Msg, error) {
		fctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		b, err := cons.Fetch(1, jetstream.FetchContext(fctx))
		if err != nil {
			return nil, err
		}
		for m := range b.Messages() {
			return m, nil
		}
		if err := b.Error(); err != nil && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, nats.ErrTimeout) {
			return nil, err
		}
		return nil, nil
	}
	return func(ctx context.Context) (jetstream.Msg, error) {
		for {
			if m, err := fetchOne(ctx); m != nil || err != nil {
				return m, err
			}
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
		}
	}, func() {}, nil
}

// consumerConfig is the consumer of a subscription (durable if f says so).
func consumerConfig(subjects []string, f Filter, policy jetstream.DeliverPolicy, seq uint64, t *time.Time) jetstream.ConsumerConfig {
	// MaxDeliver is unbounded on the server: the client gives an event up
	// after f.MaxDeliver failures of its handler. The server's count also
	// takes deliveries no handler saw (an event in flight when a
	// subscriber stopped), so a bound there dropped events that were
	// never handled ("tail --durable desk -n 1" run again and again).
	// MaxAckPending 1 keeps the stream's order across stops and
	// redeliveries: the server sends the next event once this one is
	// acknowledged (which Subscribe waits for anyway), so an event whose
	// handler failed comes again before any later one.
	cc := jetstream.ConsumerConfig{
		Durable: f.Durable, FilterSubjects: subjects, DeliverPolicy: policy, OptStartSeq: seq, OptStartTime: t,
		AckPolicy: jetstream.AckExplicitPolicy, AckWait: 30 * time.Second, MaxDeliver: -1, MaxAckPending: 1,
		Description: "newsflow subscriber",
	}
	if len(subjects) == 1 {
		// One filter goes in the create request's subject
		// ($JS.API.CONSUMER.CREATE.<stream>.<name>.<filter>), which lets
		// the server's permissions allow readers some subjects only.
		cc.FilterSubject, cc.FilterSubjects = subjects[0], nil
	}
	if f.Durable == "" {
		cc.AckPolicy, cc.AckWait, cc.MaxDeliver, cc.MaxAckPending = jetstream.AckNonePolicy, 0, 0, 0
		cc.InactiveThreshold = 5 * time.Minute
	}
	return cc
}

// ErrDurableStart: a start (all, a sequence, a time) asked of a durable
// that exists with another.
var ErrDurableStart = errors.New("a durable's start cannot change")

// startOf says where a consumer was made to start.
func startOf(cc jetstream.ConsumerConfig) string {
	switch cc.DeliverPolicy {
	case jetstream.DeliverAllPolicy:
		return "at the first event"
	case jetstream.DeliverByStartSequencePolicy:
		return fmt.Sprintf("at sequence %d", cc.OptStartSeq)
	case jetstream.DeliverByStartTimePolicy:
		if cc.OptStartTime != nil {
			return "at " + cc.OptStartTime.UTC().Format(time.RFC3339)
		}
	case jetstream.DeliverLastPolicy, jetstream.DeliverLastPerSubjectPolicy:
		return "at the last event"
	}
	return "with new events"
}

// durable returns the named consumer, created with f's start if new.
func (c *Client) durable(ctx context.Context, stream string, subjects []string, f Filter, policy jetstream.DeliverPolicy, seq uint64, t *time.Time) (jetstream.Consumer, error) {
	cons, err := c.js.Consumer(ctx, stream, f.Durable)
	if err == nil {
		have := cons.CachedInfo().Config
		got := have.FilterSubjects
		if have.FilterSubject != "" {
			got = []string{have.FilterSubject}
		}
		// (The same subjects in another order are the same filter.)
		if !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(subjects))) {
			return nil, fmt.Errorf("durable %s exists with the filter %v, not %v: choose another name or delete it", f.Durable, got, subjects)
		}
		// A durable resumes where it stopped; a start asked for that is
		// not the one it was made with would be ignored without a word
		// (the same start again, or any time for one made with a time,
		// is a rerun of the same command: it resumes).
		if explicit := f.All || f.FromSeq > 0 || !f.Since.IsZero(); explicit &&
			(have.DeliverPolicy != policy || policy == jetstream.DeliverByStartSequencePolicy && have.OptStartSeq != seq) {
			return nil, fmt.Errorf("%w: durable %s exists and resumes where it stopped (made to start %s): leave out the start, or choose another name or delete it",
				ErrDurableStart, f.Durable, startOf(have))
		}
		if have.MaxDeliver > 0 || have.MaxAckPending != 1 {
			// A durable made by an earlier client, with a bound on the
			// server's deliveries and many events in flight: made as
			// consumerConfig makes them now.
			cfg := have
			cfg.MaxDeliver, cfg.MaxAckPending = -1, 1
			upd, err := c.js.UpdateConsumer(ctx, stream, cfg)
			if err != nil {
				return nil, fmt.Errorf("durable %s: lift its server-side delivery bound: %w", f.Durable, err)
			}
			cons = upd
		}
		return cons, nil
	}
	if !errors.Is(err, jetstream.ErrConsumerNotFound) {
		return nil, err
	}
	return c.js.CreateConsumer(ctx, stream, consumerConfig(subjects, f, policy, seq, t))
}

// decode turns a message into a typed event by its subject.
func decode(m jetstream.Msg, md *jetstream.MsgMetadata) (Event, error) {
	ev := Event{Subject: m.Subject(), Seq: md.Sequence.Stream, Time: md.Timestamp, ID: m.Headers().Get(jetstream.MsgIDHeader), Data: m.Data(), Headers: m.Headers()}
	var err error
	switch {
	case strings.HasPrefix(ev.Subject, fanout.QuotePrefix):
		ev.Kind, ev.Quote = KindQuote, &Quote{}
		err = json.Unmarshal(ev.Data, ev.Quote)
	case strings.HasPrefix(ev.Subject, fanout.EntityPrefix):
		ev.Kind, ev.Entity = KindEntity, &Entity{}
		err = json.Unmarshal(ev.Data, ev.Entity)
	default:
		ev.Kind, ev.Article = KindArticle, &Article{}
		err = json.Unmarshal(ev.Data, ev.Article)
	}
	if err != nil {
		return ev, fmt.Errorf("decode %s event: %w", ev.Kind, err)
	}
	return ev, nil
}

// SpeakersNamed lists the speakers whose quotes are stored in the events
// stream under a subject token that is name's, or holds name's token as a
// run of its hyphen-separated parts ("Pompeo" finds mike-pompeo, "de
// Blasio" bill-de-blasio), with the count of their stored quotes: what a
// subscriber who knows one name of a speaker may mean, since a speaker's
// subject is made from the full name the enricher gave. When quotes are
// stored under name's own token, only that one is returned (one cheap
// question); else every speaker's subject is read, which on a stream of
// many speakers takes a while: bound it with ctx.
func (c *Client) SpeakersNamed(ctx context.Context, name string) (map[string]uint64, error) {
	tok := fanout.Token(name)
	st, err := c.js.Stream(ctx, c.cfg.EventsStream)
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	exact := fanout.QuoteSubject(name)
	info, err := st.Info(ctx, jetstream.WithSubjectFilter(exact))
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	if n := info.State.Subjects[exact]; n > 0 {
		return map[string]uint64{tok: n}, nil
	}
	info, err = st.Info(ctx, jetstream.WithSubjectFilter(fanout.QuotePrefix+"*"))
	if err != nil {
		return nil, fmt.Errorf("speakers: %w", err)
	}
	out := map[string]uint64{}
	for subj, n := range info.State.Subjects {
		t := strings.TrimPrefix(subj, fanout.QuotePrefix)
		if t == tok || strings.Contains("-"+t+"-", "-"+tok+"-") {
			out[t] = n
		}
	}
	return out, nil
}
