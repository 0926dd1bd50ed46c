package service_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/health"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/service"
)

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		check   func(service.Config) bool
		wantErr bool
	}{
		{"defaults", nil, func(c service.Config) bool {
			return c.HealthAddr == ":8080" && c.Consumer.MaxInFlight == 16 && c.Stream.Replicas == 1
		}, false},
		{"overrides", map[string]string{"MAX_IN_FLIGHT": "4", "ACK_WAIT": "10s", "STREAM_REPLICAS": "3", "HEALTH_ADDR": "off"}, func(c service.Config) bool {
			return c.Consumer.MaxInFlight == 4 && c.Consumer.AckWait == 10*time.Second && c.Stream.Replicas == 3 && c.HealthAddr == ""
		}, false},
		{"bad number", map[string]string{"MAX_DELIVER": "many"}, nil, true},
		{"bad duration", map[string]string{"SHUTDOWN_GRACE": "soon"}, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := service.ConfigFromEnv(func(k string) string { return tc.env[k] }, "test")
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if !tc.wantErr && !tc.check(c) {
				t.Errorf("config %+v", c)
			}
		})
	}
}

// TestMainStopsCleanlyDuringStartup: a SIGTERM (here: a cancelled context)
// that comes while the service still connects is a clean stop, not an error.
func TestMainStopsCleanlyDuringStartup(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there: the connect keeps retrying
	env := map[string]string{"NATS_URL": "nats://" + addr, "HEALTH_ADDR": "off"}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	err = service.Main(ctx, jsbus.StageIngest, func(k string) string { return env[k] }, io.Discard,
		func(context.Context, *service.Runner, *health.Server, *slog.Logger) (jsbus.Handler, func(), error) {
			t.Error("setup ran without a connection")
			return nil, nil, nil
		})
	if err != nil {
		t.Errorf("Main = %v, want a clean stop", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Main took %v to stop", d)
	}
}

// TestRunWaitsForNATS takes JetStream away after the runner connected and
// before its consumer exists, as a restart of the server during a service's
// start-up does: Run must keep trying and consume once it is back, not fail
// (a service that gave up stayed down in a fault test).
func TestRunWaitsForNATS(t *testing.T) {
	port, start := restartableNATS(t)
	srv := start(true)
	url := fmt.Sprintf("nats://127.0.0.1:%d", port)
	cfg, err := service.ConfigFromEnv(func(k string) string {
		return map[string]string{"NATS_URL": url, "HEALTH_ADDR": "off"}[k]
	}, "test")
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	r, err := service.Connect(ctx, cfg, health.New("off", log), log)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	srv.Shutdown()
	srv.WaitForShutdown()

	got := make(chan string, 1)
	h := jsbus.HandlerFunc(func(_ context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
		select {
		case got <- string(m.Data):
		default:
		}
		return nil, nil
	})
	cc := cfg.Consumer
	cc.Stage = jsbus.StageIngest
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- r.Run(runCtx, service.Stage{Consumer: cc, Handler: h}) }()

	// A server without JetStream answers the consumer request with an
	// error at once, as a restarting cluster can: Run must not give up.
	srv = start(false)
	time.Sleep(2 * time.Second)
	select {
	case err := <-done:
		t.Fatalf("Run gave up while JetStream was away: %v", err)
	default:
	}
	srv.Shutdown()
	srv.WaitForShutdown()
	srv = start(true)
	t.Cleanup(func() { srv.Shutdown(); srv.WaitForShutdown() })

	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(ctx, jsbus.SubjectRaw, []byte("after the restart")); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-got:
		if m != "after the restart" {
			t.Errorf("handled %q", m)
		}
	case err := <-done:
		t.Fatalf("Run returned %v before consuming", err)
	case <-time.After(30 * time.Second):
		t.Fatal("the message was not consumed after NATS came back")
	}
	stop()
	if err := <-done; err != nil {
		t.Errorf("Run = %v after a clean stop", err)
	}
}

// TestRunStopsCleanlyBeforeItsConsumer: a stop while the stage's consumer
// cannot be created yet (Ctrl-C right after `newsflow up` started; here
// JetStream is away after the runner connected) is a clean stop, not an
// error.
func TestRunStopsCleanlyBeforeItsConsumer(t *testing.T) {
	port, start := restartableNATS(t)
	srv := start(true)
	cfg, err := service.ConfigFromEnv(func(k string) string {
		return map[string]string{"NATS_URL": fmt.Sprintf("nats://127.0.0.1:%d", port), "HEALTH_ADDR": "off"}[k]
	}, "test")
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	r, err := service.Connect(context.Background(), cfg, health.New("off", log), log)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	srv.Shutdown()
	srv.WaitForShutdown()
	srv = start(false)
	t.Cleanup(func() { srv.Shutdown(); srv.WaitForShutdown() })

	cc := cfg.Consumer
	cc.Stage = jsbus.StageIngest
	h := jsbus.HandlerFunc(func(context.Context, *jsbus.Msg) ([]jsbus.Output, error) { return nil, nil })
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := r.Run(ctx, service.Stage{Consumer: cc, Handler: h}); err != nil {
		t.Errorf("Run = %v, want a clean stop", err)
	}
}

// restartableNATS picks a free port and returns it with a function that
// starts a NATS server there, with JetStream (on one store directory for
// every start) or without, and waits until it takes connections: a server
// a test can stop and start again at the same address.
func restartableNATS(t *testing.T) (int, func(jetStream bool) *natsserver.Server) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	storeDir := t.TempDir()
	return port, func(jetStream bool) *natsserver.Server {
		t.Helper()
		srv, err := natsserver.NewServer(&natsserver.Options{Host: "127.0.0.1", Port: port, NoSigs: true,
			JetStream: jetStream, StoreDir: storeDir})
		if err != nil {
			t.Fatal(err)
		}
		go srv.Start()
		if !srv.ReadyForConnections(10 * time.Second) {
			t.Fatal("nats not ready")
		}
		return srv
	}
}

// TestMainWaitsForNATS: a service started before its NATS server keeps
// trying and runs once the server is up (it gave up after 10 s before).
func TestMainWaitsForNATS(t *testing.T) {
	port, start := restartableNATS(t)
	getenv := func(k string) string {
		switch k {
		case "NATS_URL":
			return fmt.Sprintf("nats://127.0.0.1:%d", port)
		case "HEALTH_ADDR":
			return "off"
		}
		return ""
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- service.Main(ctx, jsbus.StageStore, getenv, io.Discard, func(context.Context, *service.Runner, *health.Server, *slog.Logger) (jsbus.Handler, func(), error) {
			close(ready)
			return jsbus.HandlerFunc(func(context.Context, *jsbus.Msg) ([]jsbus.Output, error) { return nil, nil }), nil, nil
		})
	}()
	// (Past the first try's 10 s, which used to be the last.)
	select {
	case err := <-done:
		t.Fatalf("Main returned with no NATS server: %v", err)
	case <-time.After(11 * time.Second):
	}
	srv := start(true)
	defer srv.Shutdown()
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("Main returned: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("the service did not start within 30 s of the server")
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Main after a stop: %v", err)
	}
}
