// Package health serves a process's /healthz, /readyz and /metrics.
package health

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Check reports whether a dependency is ready; nil means ready.
type Check func(ctx context.Context) error

// Server serves /healthz (always 200 while the process runs), /readyz (503
// until every check passes) and /metrics from its own registry.
type Server struct {
	addr     string
	log      *slog.Logger
	registry *prometheus.Registry

	mu     sync.Mutex
	checks map[string]Check
	ln     net.Listener // bound by Listen, served by Run
}

// New returns a server for addr (":8080"; "" disables listening but keeps
// the registry usable).
func New(addr string, log *slog.Logger) *Server {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return &Server{addr: addr, log: log, registry: reg, checks: map[string]Check{}}
}

// Registry is the process's metrics registry.
func (s *Server) Registry() *prometheus.Registry { return s.registry }

// AddCheck registers a readiness check.
func (s *Server) AddCheck(name string, c Check) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.checks[name] = c
}

// Ready runs every readiness check: nil when all pass, else their errors
// joined, each named.
func (s *Server) Ready(ctx context.Context) error {
	s.mu.Lock()
	checks := make(map[string]Check, len(s.checks))
	for k, v := range s.checks {
		checks[k] = v
	}
	s.mu.Unlock()
	var errs []error
	for name, c := range checks {
		if err := c(ctx); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
		}
	}
	return errors.Join(errs...)
}

// Handler returns the HTTP handler.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := s.Ready(ctx); err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("/metrics", promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{Registry: s.registry}))
	return mux
}

// Listen binds the address, so that a taken port is an error the caller
// sees before it starts anything else; Run then serves on it. Without
// Listen, Run binds the address itself.
func (s *Server) Listen() error {
	if s.addr == "" || s.ln != nil {
		return nil
	}
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		return fmt.Errorf("health listen %s: %w", s.addr, err)
	}
	s.ln = ln
	return nil
}

// Run serves until ctx is cancelled.
func (s *Server) Run(ctx context.Context) error {
	if s.addr == "" {
		<-ctx.Done()
		return nil
	}
	if err := s.Listen(); err != nil {
		return err
	}
	ln := s.ln
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 5 * time.Second}
	var wg sync.WaitGroup
	wg.Go(func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	})
	s.log.Info("health server", "addr", ln.Addr().String())
	err := srv.Serve(ln)
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// StageMetrics counts processed messages by stage and outcome; it
// implements jsbus.Observer.
type StageMetrics struct {
	messages *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

// NewStageMetrics registers the stage metrics on reg.
func NewStageMetrics(reg prometheus.Registerer) *StageMetrics {
	m := &StageMetrics{
		messages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "newsflow_messages_total", Help: "Messages handled, by stage and outcome (ok, retry, dead).",
		}, []string{"stage", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "newsflow_message_seconds", Help: "Time to handle one message, by stage.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14),
		}, []string{"stage"}),
	}
	reg.MustRegister(m.messages, m.duration)
	return m
}

// Observe records one handled message.
func (m *StageMetrics) Observe(stage, outcome string, d time.Duration) {
	m.messages.WithLabelValues(stage, outcome).Inc()
	m.duration.WithLabelValues(stage).Observe(d.Seconds())
}
