package health_test

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/health"
)

func TestProbes(t *testing.T) {
	hs := health.New("", slog.New(slog.DiscardHandler))
	var connected atomic.Bool
	hs.AddCheck("nats", func(context.Context) error {
		if !connected.Load() {
			return errors.New("not connected")
		}
		return nil
	})
	m := health.NewStageMetrics(hs.Registry())
	m.Observe("enrich", "ok", 20*time.Millisecond)
	srv := httptest.NewServer(hs.Handler())
	defer srv.Close()

	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b strings.Builder
		buf := make([]byte, 64<<10)
		for {
			n, err := resp.Body.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		return resp.StatusCode, b.String()
	}
	tests := []struct {
		name      string
		connected bool
		path      string
		want      int
		contains  string
	}{
		{"healthz while not ready", false, "/healthz", 200, "ok"},
		{"readyz before connecting", false, "/readyz", 503, "nats: not connected"},
		{"readyz once connected", true, "/readyz", 200, "ready"},
		{"metrics", true, "/metrics", 200, `newsflow_messages_total{outcome="ok",stage="enrich"} 1`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			connected.Store(tc.connected)
			code, body := get(tc.path)
			if code != tc.want || !strings.Contains(body, tc.contains) {
				t.Errorf("GET %s = %d %q, want %d containing %q", tc.path, code, body, tc.want, tc.contains)
			}
		})
	}
}

// TestListenTakenPort: a taken port is an error from Listen, before
// anything is served, not a log line from a goroutine.
func TestListenTakenPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	s := health.New(ln.Addr().String(), slog.New(slog.DiscardHandler))
	if err := s.Listen(); err == nil || !strings.Contains(err.Error(), "health listen") {
		t.Fatalf("Listen on a taken port: %v, want an error", err)
	}
	free := health.New("127.0.0.1:0", slog.New(slog.DiscardHandler))
	if err := free.Listen(); err != nil {
		t.Fatalf("Listen on a free port: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- free.Run(ctx) }()
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run after Listen: %v", err)
	}
}
