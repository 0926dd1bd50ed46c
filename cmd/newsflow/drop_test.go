package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
)

// TestDropWithoutStream: a drop on a NATS server where the services never
// created the streams says so, instead of "no response from stream".
func TestDropWithoutStream(t *testing.T) {
	srv, err := natsserver.NewServer(&natsserver.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats not ready")
	}
	t.Cleanup(func() { srv.Shutdown(); srv.WaitForShutdown() })
	f := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(f, []byte("Ferry resumes\n\nThe ferry resumed service on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return srv.ClientURL()
		}
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = run(ctx, []string{"drop", f}, getenv, strings.NewReader(""), &out, &out)
	if !errors.Is(err, ErrNoStream) || !strings.Contains(err.Error(), "services create the streams") {
		t.Fatalf("drop without streams: %v\n%s", err, out.String())
	}
}
