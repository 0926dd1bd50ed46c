package jsbus_test

import (
	"bytes"
	"context"
	"fmt"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

// BenchmarkConsumeLoop measures the bus's own cost per message: a stage
// whose work is nothing, one 8 KiB output per input (about a parsed
// article), through a real server. "returned" is the stage returning its
// output (the loop publishes it asynchronously); "published" is the stage
// publishing it itself and waiting for the ack, as stages did before.
// Metric cpu-us/msg is this process's CPU (client and embedded server).
func BenchmarkConsumeLoop(b *testing.B) {
	payload := bytes.Repeat([]byte("x"), 8<<10)
	for _, mode := range []string{"returned", "published"} {
		b.Run(mode, func(b *testing.B) {
			js := connect(b, startServer(b))
			var done atomic.Int64
			cfg := testConfig()
			cfg.MaxInFlight = 16
			var h jsbus.Handler = jsbus.HandlerFunc(func(ctx context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
				defer done.Add(1)
				id := fmt.Sprintf("out:%d", m.Sequence)
				if mode == "published" {
					_, err := jsbus.NewPublisher(js).Publish(ctx, jsbus.SubjectParsed, id, payload, nil)
					return nil, err
				}
				return []jsbus.Output{{Subject: jsbus.SubjectParsed, MsgID: id, Type: jsbus.TypeParsed, Data: payload}}, nil
			})
			runConsumeLoop(b, js, cfg, h, &done)
		})
	}
}

// runConsumeLoop runs a consumer with handler h, publishes b.N inputs of
// 1 KiB on the raw subject, waits until done counts them all handled and
// reports the process's CPU per input.
func runConsumeLoop(b *testing.B, js jetstream.JetStream, cfg jsbus.ConsumerConfig, h jsbus.Handler, done *atomic.Int64) {
	b.Helper()
	c, err := jsbus.NewConsumer(context.Background(), js, cfg, h)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() { _ = c.Run(ctx); close(stopped) }()
	defer func() { cancel(); <-stopped }()
	in := make([]byte, 1024)
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := js.PublishAsync(jsbus.SubjectRaw, in); err != nil {
			b.Fatal(err)
		}
	}
	<-js.PublishAsyncComplete()
	for done.Load() < int64(b.N) {
		time.Sleep(time.Millisecond)
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-us/msg")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
