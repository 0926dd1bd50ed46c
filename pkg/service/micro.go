package service

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/micro"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

// Version is the version each stage announces on the NATS services API.
const Version = "0.1.0"

// ServiceName is the name a stage registers under on the NATS services API
// ('nats micro list' shows newsflow-ingest, newsflow-enrich, newsflow-store).
func ServiceName(stage string) string { return "newsflow-" + stage }

// StatusSubject is the subject of a stage's status endpoint; every instance
// answers in a queue group, and 'nats micro stats' asks each one.
func StatusSubject(stage string) string { return "newsflow.status." + stage }

// InstanceStats is what one running instance of a stage reports: the data of
// its status endpoint in 'nats micro stats', and the reply on
// StatusSubject.
type InstanceStats struct {
	Stage    string `json:"stage"`
	OK       uint64 `json:"ok"`
	Retried  uint64 `json:"retried"`
	Dead     uint64 `json:"dead"`
	InFlight int64  `json:"in_flight"`
	// HandleNanos is the time spent in the handler, summed over messages.
	HandleNanos int64     `json:"handle_nanos"`
	Started     time.Time `json:"started"`
}

// instance counts one process's work on one stage.
type instance struct {
	stage    string
	started  time.Time
	ok       atomic.Uint64
	retried  atomic.Uint64
	dead     atomic.Uint64
	inFlight atomic.Int64
	nanos    atomic.Int64
}

func (i *instance) Observe(_, outcome string, d time.Duration) {
	switch outcome {
	case jsbus.OutcomeOK:
		i.ok.Add(1)
	case jsbus.OutcomeRetry:
		i.retried.Add(1)
	case jsbus.OutcomeDead:
		i.dead.Add(1)
	}
	i.nanos.Add(int64(d))
}

func (i *instance) snapshot() InstanceStats {
	return InstanceStats{
		Stage: i.stage, OK: i.ok.Load(), Retried: i.retried.Load(), Dead: i.dead.Load(),
		InFlight: i.inFlight.Load(), HandleNanos: i.nanos.Load(), Started: i.started,
	}
}

// wrap counts the messages in the handler.
func (i *instance) wrap(h jsbus.Handler) jsbus.Handler {
	return jsbus.HandlerFunc(func(ctx context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
		i.inFlight.Add(1)
		defer i.inFlight.Add(-1)
		return h.Handle(ctx, m)
	})
}

// observers sends each outcome to all of its members.
type observers []jsbus.Observer

func (o observers) Observe(stage, outcome string, d time.Duration) {
	for _, x := range o {
		x.Observe(stage, outcome, d)
	}
}

// register announces the instance on the NATS services API.
func (i *instance) register(nc *nats.Conn) (micro.Service, error) {
	status := func(req micro.Request) { _ = req.RespondJSON(i.snapshot()) }
	stream, err := jsbus.InputStream(i.stage)
	if err != nil {
		return nil, err
	}
	svc, err := micro.AddService(nc, micro.Config{
		Name:        ServiceName(i.stage),
		Version:     Version,
		Description: "newsflow " + i.stage + " stage: consumes " + mustInput(i.stage) + " from stream " + stream,
		Metadata:    map[string]string{"stage": i.stage, "stream": stream, "consumer": i.stage},
		Endpoint: &micro.EndpointConfig{
			Subject: StatusSubject(i.stage),
			Handler: micro.HandlerFunc(status),
		},
		StatsHandler: func(*micro.Endpoint) any { return i.snapshot() },
	})
	if err != nil {
		return nil, fmt.Errorf("register %s on the services API: %w", ServiceName(i.stage), err)
	}
	return svc, nil
}

func mustInput(stage string) string {
	s, err := jsbus.InputSubject(stage)
	if err != nil {
		return "?"
	}
	return s
}
