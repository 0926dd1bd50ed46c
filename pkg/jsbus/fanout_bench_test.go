package jsbus_test

import (
	"bytes"
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// BenchmarkConsumeLoopFanout measures what the per-quote and per-entity
// events add to the bus's cost per input: a stage whose work is nothing
// returns one 8 KiB article and, in "events", 17 events of 600 bytes (about
// an enriched article of the corpus), into file streams as the pipeline
// keeps them. Metric cpu-us/msg is this process's CPU (client and
// embedded server) per input.
func BenchmarkConsumeLoopFanout(b *testing.B) {
	article := bytes.Repeat([]byte("x"), 8<<10)
	event := bytes.Repeat([]byte("y"), 600)
	for _, events := range []int{0, 17} {
		b.Run(fmt.Sprintf("events=%d", events), func(b *testing.B) {
			js := natstest.JetStream(b, startServer(b))
			if _, err := jsbus.EnsureStream(context.Background(), js, jsbus.DefaultStreamConfig()); err != nil {
				b.Fatal(err)
			}
			var done atomic.Int64
			cfg := testConfig()
			cfg.MaxInFlight = 16
			h := jsbus.HandlerFunc(func(ctx context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
				defer done.Add(1)
				id := fmt.Sprintf("a%d", m.Sequence)
				outs := []jsbus.Output{jsbus.ArticleOutput(jsbus.StageIngest, jsbus.SubjectParsed, jsbus.TypeParsed, id, "0123456789abcdef0123", article)}
				for i := range events {
					outs = append(outs, jsbus.Output{
						Subject: fmt.Sprintf("%sperson.name-%d", jsbus.SubjectEntityPrefix, i), MsgID: fmt.Sprintf("entity:%s:0123456789abcdef:r0:%d", id, i),
						Type: "org.newsflow.entity.v1", ArticleID: id, DataSchema: "https://github.com/newsflow/newsflow/schema/entity-event.schema.json", Data: event,
					})
				}
				return outs, nil
			})
			runConsumeLoop(b, js, cfg, h, &done)
		})
	}
}
