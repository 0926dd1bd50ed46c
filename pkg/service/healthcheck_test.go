package service

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/health"
)

// TestHealthcheck runs the health server a service runs and probes it as
// the container health check does: 503 until every check passes, then 0.
func TestHealthcheck(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	hs := health.New(net.JoinHostPort("0.0.0.0", itoa(port)), slog.New(slog.DiscardHandler))
	var ready sync.Mutex
	var ok bool
	hs.AddCheck("nats", func(context.Context) error {
		ready.Lock()
		defer ready.Unlock()
		if !ok {
			return errors.New("not connected")
		}
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = hs.Run(ctx) })
	defer func() { cancel(); wg.Wait() }()

	tests := []struct {
		name    string
		addr    string
		ready   bool
		wantErr string
	}{
		{"not ready", ":" + itoa(port), false, "503"},
		{"ready, port only", ":" + itoa(port), true, ""},
		{"ready, wildcard host", "0.0.0.0:" + itoa(port), true, ""},
		{"nothing listens", "127.0.0.1:1", true, "connect"},
		{"health off", "off", true, "HEALTH_ADDR is off"},
		{"bad address", "8080", true, "HEALTH_ADDR"},
	}
	// The server starts in the background: wait for it.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", "127.0.0.1:"+itoa(port)); err == nil {
			c.Close()
			break
		} else if time.Now().After(deadline) {
			t.Fatal(err)
		}
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ready.Lock()
			ok = tc.ready
			ready.Unlock()
			err := Healthcheck(context.Background(), func(k string) string {
				if k == "HEALTH_ADDR" {
					return tc.addr
				}
				return ""
			}, io.Discard)
			if tc.wantErr == "" && err != nil {
				t.Fatalf("healthy: %v", err)
			}
			if tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("err %v, want %q", err, tc.wantErr)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
