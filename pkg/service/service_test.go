package service_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

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
