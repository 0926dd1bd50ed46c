package main

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// upServers runs `newsflow up` with args until it says it runs (or 60s
// pass) and returns its output and a stop that cancels it and returns its
// error.
func upServers(t *testing.T, args ...string) (out *syncBuffer, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out = &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, func(string) string { return "" }, strings.NewReader(""), out, out) }()
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(out.String(), "Ctrl-C to stop") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	return out, sync.OnceValue(func() error { cancel(); return <-done })
}

// TestUpAnyFreePort: 0 and -1 both mean "any free port" for both servers.
func TestUpAnyFreePort(t *testing.T) {
	for _, ports := range [][2]string{{"0", "-1"}, {"-1", "0"}} {
		t.Run("nats "+ports[0]+" mongo "+ports[1], func(t *testing.T) {
			out, stop := upServers(t, "up", "--data", t.TempDir(), "--nats-port", ports[0], "--mongo-port", ports[1], "--health-addr", "off", "--no-services")
			if err := stop(); err != nil {
				t.Fatalf("up: %v\n%s", err, out.String())
			}
			for _, m := range regexp.MustCompile(`(?:nats|mongodb)://[^ ]*:(\d+)`).FindAllStringSubmatch(out.String(), -1) {
				if m[1] == "4222" || m[1] == "27017" || m[1] == "0" {
					t.Errorf("port %s, want a free one:\n%s", m[1], out.String())
				}
			}
			if !strings.Contains(out.String(), "servers running") {
				t.Fatalf("not started:\n%s", out.String())
			}
		})
	}
}

// TestUpSaysStopped: Ctrl-C is acknowledged at once and the end said,
// with the servers alone and with the services too (up's defaults, as the
// README's first command runs it).
func TestUpSaysStopped(t *testing.T) {
	for _, tc := range []struct {
		name, running string
		extra         []string
	}{
		{"servers", "servers running", []string{"--no-services"}},
		{"services", "services ingest, enrich, store running", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, stop := upServers(t, append([]string{"up", "--data", t.TempDir(), "--nats-port", "0", "--mongo-port", "0", "--health-addr", "off"}, tc.extra...)...)
			if err := stop(); err != nil {
				t.Fatalf("up: %v\n%s", err, out.String())
			}
			got := out.String()
			if !strings.Contains(got, tc.running) {
				t.Errorf("never said %q:\n%s", tc.running, got)
			}
			stopping, stopped := strings.Index(got, "stopping:"), strings.LastIndex(got, "\nstopped\n")
			if stopping < 0 || stopped < stopping {
				t.Errorf("want a stopping line, then stopped last:\n%s", got)
			}
		})
	}
}

// TestUpRefusesDataDirInUse: a second up on the same --data refuses it
// (two NATS servers on one store lose acknowledged messages), and --servers
// without --no-services is a usage error, not ignored.
func TestUpRefusesDataDirInUse(t *testing.T) {
	args := []string{"up", "--data", t.TempDir(), "--nats-port", "0", "--mongo-port", "0", "--health-addr", "off", "--no-services"}
	out, stop := upServers(t, args...)
	t.Cleanup(func() { _ = stop() })
	if !strings.Contains(out.String(), "servers running") {
		t.Fatalf("first up not started:\n%s", out.String())
	}
	var second syncBuffer
	err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &second, &second)
	if !errors.Is(err, ErrDataDirInUse) {
		t.Errorf("second up on the same data: %v, want ErrDataDirInUse\n%s", err, second.String())
	}
	err = run(context.Background(), []string{"up", "--data", t.TempDir(), "--servers", "mongo"}, func(string) string { return "" }, strings.NewReader(""), &second, &second)
	if err == nil || !strings.Contains(err.Error(), "--no-services") {
		t.Errorf("--servers without --no-services: %v, want an error naming --no-services", err)
	}
}
