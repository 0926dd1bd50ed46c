package jsbus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
)

// Msg is one message handed to a stage.
type Msg struct {
	Subject string
	Data    []byte
	Header  nats.Header
	// Delivered counts deliveries of this message, 1 on the first.
	Delivered uint64
	// Sequence is the message's stream sequence.
	Sequence uint64
	// Time is when the stream stored the message (the server's clock).
	Time time.Time
}

// Handler processes one message and returns the events it makes of it;
// the consume loop publishes them (Output), acknowledges the input once the
// stream has acknowledged every output, and turns errors into retries or
// dead letters:
//
//   - nil: the outputs are published, then the input is acknowledged;
//   - an error wrapping article.ErrPermanent: the outputs, if any, are
//     published (what was good in a partly bad input), then the input
//     becomes a dead letter;
//   - any other error: the outputs are dropped and the input is retried
//     later, with backoff.
//
// A failed publish is retried as a whole (the message ids make the outputs
// already stored harmless duplicates); an output over the server's maximum
// payload is permanent.
type Handler interface {
	Handle(ctx context.Context, m *Msg) ([]Output, error)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, m *Msg) ([]Output, error)

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, m *Msg) ([]Output, error) { return f(ctx, m) }

// ConsumerConfig tunes a stage's durable consumer and its loop.
type ConsumerConfig struct {
	// Stage is the stage name; it names the durable consumer and dead letters.
	Stage string
	// MaxInFlight bounds the messages a process holds at once; no message is
	// fetched before a worker is free for it.
	MaxInFlight int
	// AckWait is how long the server waits for an ack before redelivering;
	// long handlers send in-progress signals every AckWait/3.
	AckWait time.Duration
	// MaxDeliver bounds deliveries; the last failed one becomes a dead letter.
	MaxDeliver int
	// BackoffMin and BackoffMax bound the growing delay before a retry.
	BackoffMin, BackoffMax time.Duration
	// FetchWait is how long one pull request waits for messages.
	FetchWait time.Duration
	// Grace is how long shutdown waits for in-flight messages before it
	// cancels them (they are then redelivered).
	Grace time.Duration
	// PublishTimeout bounds the wait for the stream's acks of a message's
	// outputs; past it the input is retried. 0 means 10s.
	PublishTimeout time.Duration
}

// DefaultConsumerConfig returns the defaults for a stage.
func DefaultConsumerConfig(stage string) ConsumerConfig {
	return ConsumerConfig{
		Stage:       stage,
		MaxInFlight: 16,
		AckWait:     30 * time.Second,
		MaxDeliver:  20,
		BackoffMin:  500 * time.Millisecond,
		BackoffMax:  30 * time.Second,
		FetchWait:   time.Second,
		Grace:       20 * time.Second,
	}
}

// Validate reports a config that cannot work.
func (c ConsumerConfig) Validate() error {
	if _, err := InputSubject(c.Stage); err != nil {
		return err
	}
	switch {
	case c.MaxInFlight < 1:
		return errors.New("max in flight must be at least 1")
	case c.AckWait < time.Second:
		return errors.New("ack wait must be at least 1s")
	case c.MaxDeliver < 2:
		return errors.New("max deliver must be at least 2")
	case c.BackoffMin <= 0 || c.BackoffMax < c.BackoffMin:
		return errors.New("backoff: need 0 < min <= max")
	case c.FetchWait < 100*time.Millisecond:
		return errors.New("fetch wait must be at least 100ms")
	case c.Grace < 0:
		return errors.New("grace must not be negative")
	case c.PublishTimeout < 0:
		return errors.New("publish timeout must not be negative")
	}
	return nil
}

// Backoff returns the delay before delivery n+1 after n failed deliveries.
func (c ConsumerConfig) Backoff(n uint64) time.Duration {
	d := c.BackoffMin
	for i := uint64(1); i < n && d < c.BackoffMax; i++ {
		d *= 2
	}
	return min(d, c.BackoffMax)
}

// Observer receives the outcome of each message, for metrics.
type Observer interface {
	Observe(stage, outcome string, d time.Duration)
}

type nopObserver struct{}

func (nopObserver) Observe(string, string, time.Duration) {}

// Outcomes reported to an Observer.
const (
	OutcomeOK    = "ok"
	OutcomeRetry = "retry"
	OutcomeDead  = "dead"
)

// Consumer runs a stage's consume loop.
type Consumer struct {
	cfg  ConsumerConfig
	js   jetstream.JetStream
	cons jetstream.Consumer
	h    Handler
	log  *slog.Logger
	obs  Observer
	pub  *Publisher
	gate func(context.Context) error
}

// ConsumerOption configures a Consumer.
type ConsumerOption func(*Consumer)

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) ConsumerOption { return func(c *Consumer) { c.log = l } }

// WithGate makes the loop fetch only while ready reports nil: a store that
// cannot reach its database takes no messages that another instance could
// handle. ready is asked at most once a second while it passes.
func WithGate(ready func(context.Context) error) ConsumerOption {
	return func(c *Consumer) { c.gate = ready }
}

// WithObserver sets the metrics observer.
func WithObserver(o Observer) ConsumerOption { return func(c *Consumer) { c.obs = o } }

// NewConsumer creates or updates the stage's durable pull consumer.
func NewConsumer(ctx context.Context, js jetstream.JetStream, cfg ConsumerConfig, h Handler, opts ...ConsumerOption) (*Consumer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("consumer %s: %w", cfg.Stage, err)
	}
	subject, _ := InputSubject(cfg.Stage)
	stream, _ := InputStream(cfg.Stage)
	c := &Consumer{cfg: cfg, js: js, h: h, log: slog.New(slog.DiscardHandler), obs: nopObserver{}, pub: NewPublisher(js)}
	for _, o := range opts {
		o(c)
	}
	c.log = c.log.With("stage", cfg.Stage)
	cons, err := js.CreateOrUpdateConsumer(ctx, stream, jetstream.ConsumerConfig{
		Durable:       cfg.Stage,
		Description:   "newsflow " + cfg.Stage + " stage",
		FilterSubject: subject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		// The server does not count deliveries for us: a message whose
		// last allowed delivery failed to become a dead letter (the
		// publish refused, the process killed meanwhile) would never be
		// delivered again, lost without a trace. The loop counts instead
		// (handle) and keeps redelivering until the dead letter is in.
		MaxDeliver: -1,
		// Several processes share this consumer; the bound per process is
		// MaxInFlight, this one is for all of them together.
		MaxAckPending: 10000,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	})
	if err != nil {
		return nil, fmt.Errorf("consumer %s: %w", cfg.Stage, err)
	}
	c.cons = cons
	return c, nil
}

// Run fetches and handles messages until ctx is cancelled, then waits up to
// the grace period for in-flight messages. Every goroutine it starts has
// ended when it returns. It fails only if it cannot subscribe to the
// stream's acks of its publishes.
func (c *Consumer) Run(ctx context.Context) error {
	acks, err := newAckRouter(c.js.Conn())
	if err != nil {
		return fmt.Errorf("consumer %s: %w", c.cfg.Stage, err)
	}
	defer acks.close()
	hctx, cancelHandlers := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelHandlers()
	slots := make(chan struct{}, c.cfg.MaxInFlight)
	var wg sync.WaitGroup
	g := gate{ready: c.gate, log: c.log, pause: c.cfg.BackoffMin}

	for ctx.Err() == nil {
		if !g.open(ctx) {
			continue
		}
		// Take at least one free slot, then as many more as are free, so
		// that nothing is fetched that no worker can start on.
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			continue
		}
		n := 1
	more:
		for n < c.cfg.MaxInFlight {
			select {
			case slots <- struct{}{}:
				n++
			default:
				break more
			}
		}
		// The pull request's own expiry, not a context deadline: with a
		// context the client stops listening only 10 % after the server
		// stops sending, and on a loaded machine a message the server
		// sent in that last moment could reach the client after it had
		// stopped, then sit unacknowledged for the whole AckWait (30s)
		// before anyone saw it again (seen in bench --rate runs). With FetchMaxWait the client waits for the server's
		// "request expired" status, which follows every message sent.
		batch, err := c.cons.Fetch(n, jetstream.FetchMaxWait(c.cfg.FetchWait))
		got := 0
		if err == nil {
			for m := range batch.Messages() {
				got++
				wg.Go(func() {
					defer func() { <-slots }()
					c.handle(hctx, acks, m)
				})
			}
			err = batch.Error()
		}
		for range n - got {
			<-slots
		}
		if err != nil && ctx.Err() == nil && !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, nats.ErrTimeout) {
			c.log.Warn("fetch", "err", err)
			select { // the server may be restarting: do not spin
			case <-time.After(c.cfg.BackoffMin):
			case <-ctx.Done():
			}
		}
	}

	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(c.cfg.Grace):
		c.log.Warn("grace period over, cancelling in-flight messages")
		cancelHandlers()
		<-done
	}
	return nil
}

// gate holds the loop while a readiness check fails.
type gate struct {
	ready  func(context.Context) error
	log    *slog.Logger
	pause  time.Duration
	passed time.Time // when it last passed
	closed bool      // the last check failed
}

// open reports whether the loop may fetch; when not, it has waited a pause.
func (g *gate) open(ctx context.Context) bool {
	if g.ready == nil || !g.closed && time.Since(g.passed) < time.Second {
		return true
	}
	cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	err := g.ready(cctx)
	cancel()
	if err == nil {
		if g.closed {
			g.log.Info("ready again, fetching")
		}
		g.closed, g.passed = false, time.Now()
		return true
	}
	if !g.closed {
		g.log.Warn("not ready, fetching nothing until it is", "err", err)
	}
	g.closed = true
	select {
	case <-time.After(max(g.pause, 250*time.Millisecond)):
	case <-ctx.Done():
	}
	return false
}

func (c *Consumer) handle(ctx context.Context, acks *ackRouter, jm jetstream.Msg) {
	start := time.Now()
	m := &Msg{Subject: jm.Subject(), Data: jm.Data(), Header: jm.Headers()}
	if md, err := jm.Metadata(); err == nil {
		m.Delivered, m.Sequence, m.Time = md.NumDelivered, md.Sequence.Stream, md.Timestamp
	}
	// Built only on the paths that log: most messages log nothing.
	log := func() *slog.Logger { return c.log.With("seq", m.Sequence, "delivered", m.Delivered) }
	if m.Delivered > 1 {
		// A retry, or a message whose ack or handling was lost (the
		// process died, the ack wait ran out): worth seeing.
		log().Info("redelivered", "since_stored", time.Since(m.Time).Round(time.Millisecond))
	}

	// Tell the server we are alive on long messages so it does not redeliver.
	stop := make(chan struct{})
	var tick sync.WaitGroup
	tick.Go(func() {
		t := time.NewTicker(c.cfg.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				_ = jm.InProgress()
			case <-stop:
				return
			}
		}
	})
	var (
		outs []Output
		err  error
	)
	if int(m.Delivered) > c.cfg.MaxDeliver {
		// Past the last allowed delivery: an earlier dead letter failed to
		// publish, or the process died handling it (a message that kills
		// the process must not be handled again and again).
		err = article.Permanent("max_deliveries", fmt.Errorf("delivered %d times without an outcome (limit %d)", m.Delivered, c.cfg.MaxDeliver))
	} else {
		outs, err = c.safeHandle(ctx, m)
	}
	if len(outs) > 0 && (err == nil || errors.Is(err, article.ErrPermanent)) {
		if perr := c.publish(ctx, acks, outs, m.Header.Get(HeaderSourceName)); perr != nil {
			// A transient failure retries the input, even one bound for
			// the dead letters: its good outputs must not be lost.
			err = perr
		}
	}
	close(stop)
	tick.Wait()

	switch {
	case err == nil:
		if aerr := jm.Ack(); aerr != nil {
			log().Warn("ack", "err", aerr) // redelivered later; outputs are idempotent
		}
		c.obs.Observe(c.cfg.Stage, OutcomeOK, time.Since(start))
	case errors.Is(err, article.ErrPermanent):
		c.dead(ctx, jm, m, err, log(), start)
	case int(m.Delivered) >= c.cfg.MaxDeliver:
		c.dead(ctx, jm, m, article.Permanent("max_deliveries", err), log(), start)
	default:
		delay := c.cfg.Backoff(m.Delivered)
		log().Warn("retry later", "err", err, "delay", delay)
		_ = jm.NakWithDelay(delay)
		c.obs.Observe(c.cfg.Stage, OutcomeRetry, time.Since(start))
	}
}

// publish sends every output at once, without waiting for each ack in
// turn, and returns once the stream has acknowledged all of them: one
// round trip per message rather than one per output, and no output lost
// if the process dies before the input's ack (it is then redelivered and
// the outputs' ids make the second copies duplicates). The acks come back
// through acks.
//
// source, the input's file name, goes on with the article to the next
// stage, so its dead letters name the file too.
func (c *Consumer) publish(ctx context.Context, acks *ackRouter, outs []Output, source string) error {
	eh := newEventHeaders(c.cfg.Stage, time.Now())
	limit := c.pub.maxPayload()
	// One header map for every output, filled again for each: the client
	// encodes it in PublishMsg and keeps nothing of it, and a map per
	// output was most of what the fan-out events allocated.
	hdr := make(nats.Header, 16)
	// Every output checked before any is published.
	var (
		tooLarge error
		fit      []Output
	)
	for i, o := range outs {
		if o.Subject == "" || o.MsgID == "" || o.Type == "" {
			// A stage's bug, the same on every retry.
			return article.Permanent("bad_output", fmt.Errorf("output without subject, message id or type: %q %q %q", o.Subject, o.MsgID, o.Type))
		}
		eh.fill(hdr, o)
		err := checkSize(&nats.Msg{Subject: o.Subject, Data: o.Data, Header: hdr}, o.MsgID, limit)
		switch {
		case err == nil:
			if tooLarge != nil {
				fit = append(fit, o)
			}
		case !separateItems(outs):
			return err
		case tooLarge == nil:
			tooLarge = fmt.Errorf("item %d of %d: %w", i+1, len(outs), err)
			fit = append(make([]Output, 0, len(outs)), outs[:i]...)
		}
	}
	if tooLarge != nil {
		// One item of a feed too large for the server: the others go on,
		// and the input goes to the dead letters for it, whole.
		if len(fit) == 0 {
			return tooLarge
		}
		outs = fit
	}
	reply, results, done := acks.open(len(outs))
	defer done()
	nc := c.js.Conn()
	var src []string
	if source != "" {
		src = []string{source}
	}
	for i, o := range outs {
		eh.fill(hdr, o)
		hdr[nats.MsgIdHdr] = hdr[HeaderCEID]
		if src != nil && (o.Subject == SubjectParsed || o.Subject == SubjectEnriched) && o.Header.Get(HeaderSourceName) == "" {
			hdr[HeaderSourceName] = src
		}
		msg := nats.Msg{Subject: o.Subject, Reply: reply + strconv.Itoa(i), Header: hdr, Data: o.Data}
		if err := nc.PublishMsg(&msg); err != nil {
			return fmt.Errorf("publish %s: %w", o.Subject, err)
		}
	}
	if err := c.awaitAcks(ctx, outs, results); err != nil {
		return err
	}
	return tooLarge
}

// separateItems reports whether outs are articles of one input that stand
// alone (the items of a feed or an array), so that one too large for the
// server need not hold back the others. The outputs of one article (its
// enriched event and the per-quote events) go out together or not at all.
func separateItems(outs []Output) bool {
	if len(outs) < 2 {
		return false
	}
	for _, o := range outs {
		if o.Subject != SubjectParsed {
			return false
		}
	}
	return true
}

// awaitAcks waits for the stream's ack of every output, each once, and
// returns the first failure.
func (c *Consumer) awaitAcks(ctx context.Context, outs []Output, results <-chan ackResult) error {
	timeout := c.cfg.PublishTimeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	acked := make([]bool, len(outs))
	for n := 0; n < len(outs); {
		select {
		case r := <-results:
			if r.index < 0 || r.index >= len(outs) || acked[r.index] {
				continue
			}
			if r.err != nil {
				return fmt.Errorf("publish %s: %w", outs[r.index].Subject, r.err)
			}
			acked[r.index] = true
			n++
		case <-timer.C:
			return fmt.Errorf("publish %s: no ack from the stream within %v", outs[slices.Index(acked, false)].Subject, timeout)
		case <-ctx.Done():
			return fmt.Errorf("publish %s: %w", outs[slices.Index(acked, false)].Subject, ctx.Err())
		}
	}
	return nil
}

// safeHandle turns a panic in a stage into a permanent error, so one bad
// message never takes the process down.
func (c *Consumer) safeHandle(ctx context.Context, m *Msg) (outs []Output, err error) {
	defer func() {
		if r := recover(); r != nil {
			c.log.Error("stage panicked", "panic", r, "stack", string(debug.Stack()))
			outs, err = nil, article.Permanent("panic", fmt.Errorf("panic: %v", r))
		}
	}()
	return c.h.Handle(ctx, m)
}

func (c *Consumer) dead(ctx context.Context, jm jetstream.Msg, m *Msg, cause error, log *slog.Logger, start time.Time) {
	dseq, err := c.pub.DeadLetter(ctx, c.cfg.Stage, m, cause)
	if err != nil {
		// Without a dead letter the message must not be dropped: retry.
		log.Error("dead letter", "err", err)
		_ = jm.NakWithDelay(c.cfg.Backoff(m.Delivered))
		c.obs.Observe(c.cfg.Stage, OutcomeRetry, time.Since(start))
		return
	}
	// The dead letter's own sequence is the one `newsflow dead-letters`
	// lists and replays; the log's seq is the input's.
	log.Warn("dead-lettered", "reason", article.Reason(cause), "dead_letter_seq", dseq, "source", m.Header.Get(HeaderSourceName), "err", cause)
	_ = jm.TermWithReason(article.Reason(cause))
	c.obs.Observe(c.cfg.Stage, OutcomeDead, time.Since(start))
}

// Publisher publishes to the stream and waits for the server's ack.
type Publisher struct{ js jetstream.JetStream }

// maxPayload is the connected server's limit, 0 if unknown.
func (p *Publisher) maxPayload() int64 {
	if nc := p.js.Conn(); nc != nil && nc.IsConnected() {
		return nc.MaxPayload()
	}
	return 0
}

// headerSize is about what hdr takes on the wire.
func headerSize(hdr nats.Header) int {
	n := len("NATS/1.0\r\n\r\n") + len(nats.MsgIdHdr) + 4
	for k, vs := range hdr {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}

// checkSize refuses a message over the server's maximum payload (limit, 0
// if unknown). Too large for the server is permanent: say so at once
// rather than let the stage retry it for minutes.
func checkSize(msg *nats.Msg, msgID string, limit int64) error {
	if limit > 0 && int64(len(msg.Data)+headerSize(msg.Header)+len(msgID)+64) > limit {
		return article.Permanent("too_large", fmt.Errorf("publish %s: %d bytes over the server's maximum payload of %d", msg.Subject, len(msg.Data), limit))
	}
	return nil
}

// HeaderTruncated on a dead letter holds the input's size when its bytes
// were cut to fit the server's maximum payload; such a letter cannot be
// replayed.
const HeaderTruncated = "Newsflow-Truncated"

// NewPublisher returns a Publisher on js.
func NewPublisher(js jetstream.JetStream) *Publisher { return &Publisher{js: js} }

// Publish sends data to subject with a Nats-Msg-Id, so that a retry within
// the stream's duplicate window is stored once. It returns once the stream
// has acknowledged the message.
func (p *Publisher) Publish(ctx context.Context, subject, msgID string, data []byte, hdr nats.Header) (*jetstream.PubAck, error) {
	msg := &nats.Msg{Subject: subject, Data: data, Header: hdr}
	if msg.Header == nil {
		msg.Header = nats.Header{}
	}
	if err := checkSize(msg, msgID, p.maxPayload()); err != nil {
		return nil, err
	}
	ack, err := p.js.PublishMsg(ctx, msg, jetstream.WithMsgID(msgID))
	if err != nil {
		return nil, fmt.Errorf("publish %s: %w", subject, err)
	}
	return ack, nil
}

// DeadLetter publishes m's original bytes and headers to the stage's dead
// letter subject with the reason. Its id is the input's stream sequence, so a
// redelivered poison message makes one dead letter. It returns the dead
// letter's sequence in the stream (what `newsflow dead-letters` shows).
func (p *Publisher) DeadLetter(ctx context.Context, stage string, m *Msg, cause error) (uint64, error) {
	// Only the input headers a stage reads: control headers such as
	// Nats-Expected-Last-Sequence would make the server refuse the dead
	// letter, every time.
	hdr := nats.Header{}
	for _, k := range InputHeaders {
		if v := m.Header.Values(k); len(v) > 0 {
			hdr[k] = append([]string(nil), v...)
		}
	}
	if stage == StageIngest {
		// A dropper's headers are its own word: what names the input in a
		// dead letter (drop --wait matches on it) is computed from the
		// bytes, and raw input names no article, so that no message can
		// pass for another dropper's file or article.
		hdr.Set(HeaderRawSHA256, article.HashBytes(m.Data))
		hdr.Del(HeaderArticleID)
	}
	msgErr := cause.Error()
	if len(msgErr) > 1024 {
		msgErr = msgErr[:1024]
	}
	// Header values are one line of valid text.
	msgErr = strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' || r == utf8.RuneError {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(msgErr, " "))
	hdr.Set(HeaderStage, stage)
	hdr.Set(HeaderReason, article.Reason(cause))
	hdr.Set(HeaderError, msgErr)
	hdr.Set(HeaderSubject, m.Subject)
	hdr.Set(HeaderFailedAt, time.Now().UTC().Format(time.RFC3339Nano))
	hdr.Set(HeaderDeliveries, strconv.FormatUint(m.Delivered, 10))
	id := fmt.Sprintf("dead:%s:%d", stage, m.Sequence)
	// A CloudEvent like every other: its data is the input as it came,
	// so its content type is the input's.
	ct := m.Header.Get(HeaderCEContentType)
	if ct == "" {
		ct = m.Header.Get(HeaderContentType)
	}
	if ct == "" {
		ct = "application/octet-stream"
	}
	for k, v := range EventHeader(stage, Output{MsgID: id, Type: TypeDead, ArticleID: m.Header.Get(HeaderArticleID)}, time.Now()) {
		hdr[k] = v
	}
	hdr.Set(HeaderCEContentType, ct)
	data := m.Data
	if limit := p.maxPayload(); limit > 0 && int64(len(data)+headerSize(hdr)+len(id)+64) > limit {
		// Keep the diagnosis and the start of the input rather than no
		// dead letter at all.
		hdr.Set(HeaderTruncated, strconv.Itoa(len(data)))
		data = data[:max(0, limit-int64(headerSize(hdr)+len(id)+64)-4096)]
	}
	ack, err := p.Publish(ctx, DeadSubject(stage), id, data, hdr)
	if err != nil {
		return 0, err
	}
	return ack.Sequence, nil
}
