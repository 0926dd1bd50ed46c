// Package service runs newsflow stages as processes: it reads the shared
// settings from the environment, connects to NATS, sets up the stream and
// the durable consumers, serves health and metrics, and shuts down cleanly.
package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/health"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/logging"
)

// Config holds what every stage process shares.
type Config struct {
	NATS   jsbus.ConnConfig
	Stream jsbus.StreamConfig
	// Consumer is the template for each stage's consumer; Stage is set per stage.
	Consumer   jsbus.ConsumerConfig
	HealthAddr string
	Log        logging.Config
}

// Validate reports a config that cannot work.
func (c Config) Validate() error {
	if err := c.NATS.Validate(); err != nil {
		return err
	}
	return c.Stream.Validate()
}

// ConfigFromEnv reads the shared settings; unset variables keep defaults.
//
//	NATS_URL and the NATS_* credentials (see jsbus.ConnConfigFromEnv)
//	HEALTH_ADDR      address of /healthz, /readyz, /metrics (":8080"; "off" disables)
//	MAX_IN_FLIGHT    messages handled at once per stage (16)
//	ACK_WAIT         e.g. 30s
//	MAX_DELIVER      deliveries before a dead letter (20)
//	SHUTDOWN_GRACE   time to finish in-flight messages on SIGTERM (20s)
//	STREAM_*         the streams' replicas, ages and sizes (see jsbus.StreamConfigFromEnv)
//	LOG_FORMAT       text or json;  LOG_LEVEL debug, info, warn, error
func ConfigFromEnv(getenv func(string) string, name string) (Config, error) {
	nc, err := jsbus.ConnConfigFromEnv(getenv, name)
	if err != nil {
		return Config{}, err
	}
	sc, err := jsbus.StreamConfigFromEnv(getenv)
	if err != nil {
		return Config{}, err
	}
	c := Config{
		NATS:       nc,
		Stream:     sc,
		Consumer:   jsbus.DefaultConsumerConfig(""),
		HealthAddr: ":8080",
		Log:        logging.Config{Format: getenv("LOG_FORMAT"), Level: getenv("LOG_LEVEL")},
	}
	if v := getenv("HEALTH_ADDR"); v != "" {
		c.HealthAddr = v
	}
	if c.HealthAddr == "off" {
		c.HealthAddr = ""
	}
	var errs []error
	intVar := func(name string, dst *int) {
		if v := getenv(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
			}
			*dst = n
		}
	}
	durVar := func(name string, dst *time.Duration) {
		if v := getenv(name); v != "" {
			d, err := time.ParseDuration(v)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
			}
			*dst = d
		}
	}
	intVar("MAX_IN_FLIGHT", &c.Consumer.MaxInFlight)
	intVar("MAX_DELIVER", &c.Consumer.MaxDeliver)
	durVar("ACK_WAIT", &c.Consumer.AckWait)
	durVar("SHUTDOWN_GRACE", &c.Consumer.Grace)
	return c, errors.Join(errs...)
}

// Stage is one stage to run: its consumer settings and its handler.
type Stage struct {
	Consumer jsbus.ConsumerConfig
	Handler  jsbus.Handler
	// Ready, if set, gates fetching: while it fails the stage takes no
	// messages (a store without its database), leaving them to others.
	Ready health.Check
}

// Runner runs stages on one NATS connection.
type Runner struct {
	nc      *nats.Conn
	js      jetstream.JetStream
	log     *slog.Logger
	health  *health.Server
	metrics *health.StageMetrics
}

// Connect dials NATS, sets up the stream, and registers a readiness check
// on the health server.
func Connect(ctx context.Context, cfg Config, hs *health.Server, log *slog.Logger) (*Runner, error) {
	nc, err := jsbus.Connect(ctx, cfg.NATS, log)
	if err != nil {
		return nil, err
	}
	js, err := jsbus.NewJetStream(nc)
	if err != nil {
		nc.Close()
		return nil, err
	}
	// The stream may be on its way (a cluster electing a leader): retry a while.
	var serr error
	for range 30 {
		sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		_, serr = jsbus.EnsureStream(sctx, js, cfg.Stream)
		cancel()
		if serr == nil || ctx.Err() != nil {
			break
		}
		log.Warn("stream not ready", "err", serr)
		time.Sleep(time.Second)
	}
	if serr != nil {
		nc.Close()
		return nil, serr
	}
	hs.AddCheck("nats", func(context.Context) error {
		if !nc.IsConnected() {
			return errors.New("not connected")
		}
		return nil
	})
	log.Info("connected to nats", "url", jsbus.RedactURL(nc.ConnectedUrlRedacted()))
	return &Runner{nc: nc, js: js, log: log, health: hs, metrics: health.NewStageMetrics(hs.Registry())}, nil
}

// Publisher returns a publisher on the runner's connection.
func (r *Runner) Publisher() *jsbus.Publisher { return jsbus.NewPublisher(r.js) }

// JetStream returns the runner's JetStream context, for stages that keep
// shared state of their own (enrich's copies and stories).
func (r *Runner) JetStream() jetstream.JetStream { return r.js }

// Run runs the stages until ctx is cancelled, then drains them. Each stage
// registers on the NATS services API for as long as it runs, so that
// 'nats micro list' and 'newsflow status' see every instance.
func (r *Runner) Run(ctx context.Context, stages ...Stage) error {
	consumers := make([]*jsbus.Consumer, 0, len(stages))
	for _, s := range stages {
		inst := &instance{stage: s.Consumer.Stage, started: time.Now().UTC()}
		s.Handler = inst.wrap(s.Handler)
		c, err := r.newConsumer(ctx, s, observers{r.metrics, inst})
		if err != nil {
			// A stop while the consumer was still being created (Ctrl-C
			// right after start-up) is a clean stop: nothing was fetched.
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		svc, err := inst.register(r.nc)
		if err != nil {
			return err
		}
		defer func() { _ = svc.Stop() }()
		consumers = append(consumers, c)
		r.log.Info("stage running", "stage", s.Consumer.Stage, "max_in_flight", s.Consumer.MaxInFlight)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(consumers))
	for i, c := range consumers {
		// (The trimmer lives as long as its stage: a stage that stops on
		// an error stops it too, and Run returns.)
		sctx, stop := context.WithCancel(ctx)
		wg.Go(func() { defer stop(); errs[i] = c.Run(sctx) })
		if stages[i].Consumer.Stage == jsbus.StageIngest {
			wg.Go(func() { r.trimInput(sctx) })
		}
	}
	wg.Wait()
	return errors.Join(errs...)
}

// trimInterval is how often an ingest process looks whether the input
// stream needs its read input trimmed.
const trimInterval = 10 * time.Second

// trimInput removes the input ingest has read from a filling input stream
// until ctx ends (jsbus.TrimReadInput): without it, input kept until it
// aged out made a full stream refuse every drop.
func (r *Runner) trimInput(ctx context.Context) {
	t := time.NewTicker(trimInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		n, err := jsbus.TrimReadInput(cctx, r.js, jsbus.StageIngest)
		cancel()
		switch {
		case err != nil && ctx.Err() == nil:
			r.log.Warn("input not trimmed", "stage", jsbus.StageIngest, "err", err)
		case n > 0:
			r.log.Info("read input trimmed", "stage", jsbus.StageIngest, "messages", n)
		}
	}
}

// newConsumer creates the stage's durable consumer, retrying until ctx ends:
// NATS may go away while a service starts (a restart, a leader election),
// and a service that gave up then would stay down while the server came
// back. A bad configuration fails at once.
func (r *Runner) newConsumer(ctx context.Context, s Stage, obs jsbus.Observer) (*jsbus.Consumer, error) {
	if err := s.Consumer.Validate(); err != nil {
		return nil, fmt.Errorf("consumer %s: %w", s.Consumer.Stage, err)
	}
	wait := 250 * time.Millisecond
	for {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		opts := []jsbus.ConsumerOption{jsbus.WithLogger(r.log), jsbus.WithObserver(obs)}
		if s.Ready != nil {
			opts = append(opts, jsbus.WithGate(s.Ready))
		}
		c, err := jsbus.NewConsumer(cctx, r.js, s.Consumer, s.Handler, opts...)
		cancel()
		if err == nil {
			return c, nil
		}
		r.log.Warn("consumer not ready", "stage", s.Consumer.Stage, "err", err, "retry_in", wait)
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Second)
	}
}

// Close flushes and closes the connection.
func (r *Runner) Close() {
	_ = r.nc.FlushTimeout(2 * time.Second)
	r.nc.Close()
}

// Setup builds a stage's handler once the runner is connected; the cleanup
// it returns runs after the stage has drained.
type Setup func(ctx context.Context, r *Runner, hs *health.Server, log *slog.Logger) (jsbus.Handler, func(), error)

// Main runs one stage as a process: the body of each service's run().
func Main(ctx context.Context, stage string, getenv func(string) string, stderr io.Writer, setup Setup) error {
	cfg, err := ConfigFromEnv(getenv, "newsflow-"+stage)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	log, err := logging.New(stderr, cfg.Log)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	log = log.With("service", stage)
	hs := health.New(cfg.HealthAddr, log)
	if err := hs.Listen(); err != nil {
		return err
	}
	var wg sync.WaitGroup
	hctx, stopHealth := context.WithCancel(context.WithoutCancel(ctx))
	defer func() { stopHealth(); wg.Wait() }()
	wg.Go(func() {
		if err := hs.Run(hctx); err != nil {
			log.Error("health server", "err", err)
		}
	})

	// A signal during start-up (connecting, loading a model) is a clean
	// stop too: nothing has been fetched yet.
	stoppedEarly := func(err error) error {
		if ctx.Err() != nil {
			log.Info("stopped", "during", "start-up")
			return nil
		}
		return err
	}
	// A service started before its NATS server keeps trying (each try
	// waits ConnectTimeout), as it rides out a restart later; a wrong
	// setting or credential fails at once. (newsflow's own commands, up
	// among them, say it at once instead.)
	r, err := Connect(ctx, cfg, hs, log)
	for err != nil && errors.Is(err, jsbus.ErrUnreachable) && ctx.Err() == nil {
		log.Warn("nats not reachable yet; trying again", "err", err)
		r, err = Connect(ctx, cfg, hs, log)
	}
	if err != nil {
		return stoppedEarly(err)
	}
	defer r.Close()
	h, cleanup, err := setup(ctx, r, hs, log)
	if err != nil {
		return stoppedEarly(err)
	}
	if cleanup != nil {
		defer cleanup()
	}
	cc := cfg.Consumer
	cc.Stage = stage
	// A standalone service fetches only while /readyz passes (NATS, and
	// the store's database).
	err = r.Run(ctx, Stage{Consumer: cc, Handler: h, Ready: hs.Ready})
	if err != nil {
		return stoppedEarly(err)
	}
	log.Info("stopped")
	return nil
}
