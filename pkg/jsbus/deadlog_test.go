package jsbus_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestDeadLetterLogNamesItsSequence: the log line of a dead letter gives
// the sequence `newsflow dead-letters show` takes, not only the input's.
func TestDeadLetterLogNamesItsSequence(t *testing.T) {
	js := connect(t, startServer(t))
	var logs lockedBuffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	c, err := jsbus.NewConsumer(context.Background(), js, testConfig(), noOutput(func(context.Context, *jsbus.Msg) error {
		return article.Permanent("bad_input", errors.New("unreadable"))
	}), jsbus.WithLogger(log))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx) }()
	defer func() { cancel(); <-done }()
	publish(t, js, 1)
	dead := deadLetters(t, js, 1)
	if len(dead) != 1 {
		t.Fatalf("dead letters: %d, want 1", len(dead))
	}
	md, err := dead[0].Metadata()
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(logs.String(), "dead-lettered") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	for _, line := range strings.Split(logs.String(), "\n") {
		var rec struct {
			Msg string `json:"msg"`
			Seq uint64 `json:"dead_letter_seq"`
		}
		if json.Unmarshal([]byte(line), &rec) != nil || rec.Msg != "dead-lettered" {
			continue
		}
		if rec.Seq != md.Sequence.Stream {
			t.Errorf("logged dead_letter_seq %d, the dead letter is %d", rec.Seq, md.Sequence.Stream)
		}
		return
	}
	t.Fatalf("no dead-lettered log line:\n%s", logs.String())
}
