package pipeline_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/health"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
	"github.com/newsflow/newsflow/pkg/service"
	"github.com/newsflow/newsflow/services/enrich/enrich"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

const corpusPath = "../../../../../shared/corpus/wikinews-2019.csv"

// counting wraps a stage's handler and counts the articles it handled.
type counting struct {
	h  jsbus.Handler
	mu *sync.Mutex
	by map[string][]int // article id -> consumers that enriched it
	me int
}

func (c counting) Handle(ctx context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
	outs, err := c.h.Handle(ctx, m)
	if err == nil {
		c.mu.Lock()
		id := m.Header.Get(jsbus.HeaderArticleID)
		c.by[id] = append(c.by[id], c.me)
		c.mu.Unlock()
	}
	return outs, err
}

// TestTwoEnrichConsumersShareTheWork runs two enrich consumers, each on its
// own NATS connection as two processes would, on the one durable consumer of
// a real JetStream server, and checks that together they enrich every
// article exactly once and that both take a share.
func TestTwoEnrichConsumersShareTheWork(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a NATS server and enriches 24 articles")
	}
	const n = 24
	srv := natstest.Start(t)

	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		t.Fatal(err)
	}
	arts := corpusArticles(t, local, n)

	log := slog.New(slog.DiscardHandler)
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return srv.ClientURL()
		}
		return ""
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	t.Cleanup(func() { cancel(); wg.Wait() })
	var mu sync.Mutex
	by := map[string][]int{}
	for i := range 2 {
		cfg, err := service.ConfigFromEnv(getenv, fmt.Sprintf("enrich-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		r, err := service.Connect(ctx, cfg, health.New("", log), log)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(r.Close)
		cc := cfg.Consumer
		cc.Stage, cc.MaxInFlight = jsbus.StageEnrich, 2
		h := counting{h: enrich.NewStage(local.Enricher, log), mu: &mu, by: by, me: i}
		wg.Go(func() {
			if err := r.Run(ctx, service.Stage{Consumer: cc, Handler: h}); err != nil {
				t.Errorf("consumer %d: %v", i, err)
			}
		})
	}

	nc, err := nats.Connect(srv.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := jsbus.EnsureStream(ctx, js, jsbus.DefaultStreamConfig()); err != nil {
		t.Fatal(err)
	}
	pub := jsbus.NewPublisher(js)
	for i, a := range arts {
		data, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		hdr := nats.Header{}
		hdr.Set(jsbus.HeaderArticleID, a.ID)
		// A loaded machine can take longer than the default 5 s to ack.
		pctx, pcancel := context.WithTimeout(ctx, 30*time.Second)
		_, err = pub.Publish(pctx, jsbus.SubjectParsed, jsbus.MsgID(jsbus.StageIngest, a.ID, a.Source.SHA256), data, hdr)
		pcancel()
		if err != nil {
			t.Fatalf("article %d (%d bytes): %v", i, len(data), err)
		}
	}

	// Every article comes out on articles.enriched once.
	oc, err := js.OrderedConsumer(ctx, jsbus.StreamName, jetstream.OrderedConsumerConfig{FilterSubjects: []string{jsbus.SubjectEnriched}})
	if err != nil {
		t.Fatal(err)
	}
	events := map[string]int{}
	deadline := time.Now().Add(3 * time.Minute)
	for len(events) < n && time.Now().Before(deadline) {
		b, err := oc.Fetch(n, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		for m := range b.Messages() {
			events[m.Headers().Get(jsbus.HeaderArticleID)]++
		}
	}
	if len(events) != n {
		t.Fatalf("%d of %d articles enriched", len(events), n)
	}
	time.Sleep(500 * time.Millisecond) // a second enrichment would show by now

	mu.Lock()
	defer mu.Unlock()
	share := [2]int{}
	for _, a := range arts {
		if got := by[a.ID]; len(got) != 1 {
			t.Errorf("%s enriched %d times (by consumers %v)", a.ID, len(got), got)
		} else {
			share[got[0]]++
		}
		if events[a.ID] != 1 {
			t.Errorf("%s: %d enriched events", a.ID, events[a.ID])
		}
	}
	if share[0] == 0 || share[1] == 0 {
		t.Errorf("consumers enriched %v articles: both should take a share", share)
	}
	t.Logf("consumers enriched %d and %d articles", share[0], share[1])
}

// corpusArticles parses the first n articles of the Wikinews corpus.
func corpusArticles(t *testing.T, local *pipeline.Local, n int) []article.Article {
	t.Helper()
	f, err := os.Open(corpusPath)
	if err != nil {
		t.Skip("no corpus: ", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []article.Article
	for _, rec := range recs[1:] {
		arts, err := local.Parser.Parse(context.Background(), parse.Input{Data: []byte(rec[2] + "\n\n" + strings.TrimSpace(rec[3])), ContentType: "text/plain"})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, arts...)
		if len(out) >= n {
			return out[:n]
		}
	}
	t.Fatalf("corpus has fewer than %d articles", n)
	return nil
}
