package bench

import (
	"context"
	"errors"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

const corpusPath = "../../../../../shared/corpus/wikinews-2019.csv"

const tinyCSV = `url,date,title,text
https://a,2019-01-01,First,"Monday, January 7, 2019

The city council of Springfield voted on Monday to build a new bridge over the river, officials said.

The bridge is expected to open in two years and will cost about ten million dollars."
https://b,2019-01-02,Second,"Tuesday, January 8, 2019

Heavy snow closed schools across the northern region on Tuesday, the weather service said.

Roads were cleared by the evening and most schools plan to reopen on Wednesday morning."
`

func TestReadCorpusCyclesWithDistinctIDs(t *testing.T) {
	items, err := ReadCorpus(strings.NewReader(tinyCSV), 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 5 {
		t.Fatalf("got %d items, want 5", len(items))
	}
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.SHA256] {
			t.Errorf("duplicate item %s", it.Name)
		}
		seen[it.SHA256] = true
		if it.SHA256 != article.HashBytes(it.Data) {
			t.Errorf("%s: sha256 does not match its data", it.Name)
		}
	}
	if got := string(items[0].Data); !strings.HasPrefix(got, "First\n\nMonday") {
		t.Errorf("first item = %q, want title, blank line, text", got)
	}
	if got := string(items[2].Data); !strings.HasPrefix(got, "First (copy 2)\n\n") {
		t.Errorf("third item = %q, want a marked copy", got)
	}

	// Parsed, every copy is an article of its own.
	p, err := parse.New(parse.Config{})
	if err != nil {
		t.Fatal(err)
	}
	arts, err := ParseAll(context.Background(), p, items)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, a := range arts {
		ids[a.ID] = true
	}
	if len(ids) != len(items) {
		t.Errorf("%d distinct article ids for %d items", len(ids), len(items))
	}
}

func TestReadCorpusErrors(t *testing.T) {
	if _, err := ReadCorpus(strings.NewReader("url,date,title,text\n"), 3); !errors.Is(err, ErrEmptyCorpus) {
		t.Errorf("empty corpus: err = %v", err)
	}
	if _, err := ReadCorpus(strings.NewReader(tinyCSV), 0); err == nil {
		t.Error("n = 0: no error")
	}
}

func TestSummarize(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	got := Summarize(ds)
	want := Latency{P50: 50 * time.Millisecond, P95: 95 * time.Millisecond, P99: 99 * time.Millisecond, Max: 100 * time.Millisecond}
	if got != want {
		t.Errorf("Summarize = %+v, want %+v", got, want)
	}
	if (Summarize(nil) != Latency{}) {
		t.Error("Summarize(nil) is not zero")
	}
}

func TestForEachVisitsEachOnceAndStopsOnError(t *testing.T) {
	var hits [100]atomic.Int32
	if err := forEach(context.Background(), len(hits), 7, func(_ context.Context, i int) error {
		hits[i].Add(1)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i := range hits {
		if n := hits[i].Load(); n != 1 {
			t.Fatalf("index %d visited %d times", i, n)
		}
	}
	boom := errors.New("boom")
	err := forEach(context.Background(), 1000, 4, func(_ context.Context, i int) error {
		if i == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want boom", err)
	}
}

func TestSamplerSeesMemory(t *testing.T) {
	s := StartSampler(time.Millisecond)
	buf := make([]byte, 32<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	time.Sleep(10 * time.Millisecond)
	m := s.Stop()
	if m.PeakHeapBytes < 32<<20 || m.PeakRSSBytes < 32<<20 || m.Samples < 2 {
		t.Errorf("memory = %+v, want peaks of at least 32 MiB", m)
	}
	_ = buf[len(buf)-1]
}

// TestEnrichConcurrentEqualsSequential checks that enriching on all cores
// finds exactly the entities and quotes of enriching one article at a time:
// the shared model and data tables are read-only.
func TestEnrichConcurrentEqualsSequential(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the tagger model and enriches 60 articles")
	}
	items, err := LoadCorpus(corpusPath, 60)
	if err != nil {
		t.Skip("no corpus: ", err)
	}
	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	arts, err := ParseAll(ctx, local.Parser, items)
	if err != nil {
		t.Fatal(err)
	}
	seq, _, err := EnrichAll(ctx, local.Enricher, arts, 1)
	if err != nil {
		t.Fatal(err)
	}
	par, _, err := EnrichAll(ctx, local.Enricher, arts, 8)
	if err != nil {
		t.Fatal(err)
	}
	for i := range seq {
		if !reflect.DeepEqual(seq[i].Entities, par[i].Entities) {
			t.Errorf("%s: entities differ between sequential and concurrent enrichment", seq[i].ID)
		}
		if !reflect.DeepEqual(seq[i].Quotes, par[i].Quotes) {
			t.Errorf("%s: quotes differ between sequential and concurrent enrichment", seq[i].ID)
		}
	}
}

// recordingWriter is a Writer that keeps the ids it was given, or fails.
type recordingWriter struct {
	mu   sync.Mutex
	ids  []string
	fail error
}

func (w *recordingWriter) Write(_ context.Context, a *article.Article) error {
	if w.fail != nil {
		return w.fail
	}
	if a.EnrichedAt == nil {
		return errors.New("article " + a.ID + " is not enriched")
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ids = append(w.ids, a.ID)
	return nil
}

// tinyRun returns six items of the tiny corpus and an in-process pipeline.
func tinyRun(t *testing.T) ([]Item, *pipeline.Local) {
	t.Helper()
	items, err := ReadCorpus(strings.NewReader(tinyCSV), 6)
	if err != nil {
		t.Fatal(err)
	}
	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		t.Fatal(err)
	}
	return items, local
}

func TestCeilingStored(t *testing.T) {
	items, local := tinyRun(t)
	want := map[string]bool{}
	for _, it := range items {
		arts, err := local.Parser.Parse(context.Background(), input(it))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			want["ceiling-"+a.ID] = true
		}
	}
	tests := []struct {
		name    string
		fail    error
		wantErr bool
	}{
		{name: "stores every article once under the prefix"},
		{name: "a failed write is the run's error", fail: errors.New("disk full"), wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := &recordingWriter{fail: tc.fail}
			tp, err := CeilingStored(context.Background(), local, w, items, 2, 4, "ceiling-")
			if tc.wantErr {
				if !errors.Is(err, tc.fail) {
					t.Fatalf("err = %v, want %v", err, tc.fail)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, id := range w.ids {
				if got[id] {
					t.Errorf("%s written twice", id)
				}
				got[id] = true
			}
			if !reflect.DeepEqual(got, want) || tp.Articles != len(want) || tp.PerSec <= 0 {
				t.Errorf("wrote %v (throughput %+v), want %v", got, tp, want)
			}
		})
	}
}

func TestReportRatios(t *testing.T) {
	tp := func(n int, d, cpu time.Duration) Throughput { return newThroughput(n, 2, d, cpu) }
	pipe := PipelineResult{Throughput: tp(100, 4*time.Second, 800*time.Millisecond)} // 25/s, 8 ms
	stored := tp(100, 2*time.Second, 600*time.Millisecond)                           // 50/s, 6 ms
	tests := []struct {
		name                               string
		r                                  Report
		ratio, cpuRatio, stored, storedCPU float64
	}{
		{
			name: "both ceilings",
			r: Report{
				Pipeline: pipe,
				// together 200 articles in 4 s = 50/s, 4 ms each
				CeilingRuns:   []Throughput{tp(100, time.Second, 400*time.Millisecond), tp(100, 3*time.Second, 400*time.Millisecond)},
				CeilingStored: &stored,
			},
			ratio: 0.5, cpuRatio: 0.5, stored: 0.5, storedCPU: 0.75,
		},
		{name: "no ceiling runs", r: Report{Pipeline: pipe}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			r.Summarize()
			for _, c := range []struct {
				what      string
				got, want float64
			}{
				{"ratio", r.Ratio, tc.ratio}, {"cpu ratio", r.CPURatio, tc.cpuRatio},
				{"stored ratio", r.StoredRatio, tc.stored}, {"stored cpu ratio", r.StoredCPURatio, tc.storedCPU},
			} {
				if d := c.got - c.want; d > 1e-9 || d < -1e-9 {
					t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
				}
			}
		})
	}
}

// TestFanoutCost checks the fan-out cost from one run of each kind and
// from alternating runs, where the totals of each kind are compared.
func TestFanoutCost(t *testing.T) {
	tp := func(n int, d, cpu time.Duration) Throughput { return newThroughput(n, 2, d, cpu) }
	tests := []struct {
		name          string
		r             Report
		cost, cpuCost float64
	}{
		{
			name: "one run each",
			r: Report{
				Pipeline:         PipelineResult{Throughput: tp(100, 5*time.Second, time.Second)},           // 20/s, 10 ms
				PipelineNoFanout: &PipelineResult{Throughput: tp(100, 4*time.Second, 800*time.Millisecond)}, // 25/s, 8 ms
			},
			cost: 0.2, cpuCost: 0.25,
		},
		{
			name: "alternating runs compare totals, not the first pair",
			r: Report{
				Pipeline:         PipelineResult{Throughput: tp(100, 6*time.Second, time.Second)},
				PipelineNoFanout: &PipelineResult{Throughput: tp(100, 4*time.Second, 800*time.Millisecond)},
				FanoutRuns: []FanoutRun{
					{true, tp(100, 6*time.Second, time.Second)},
					{false, tp(100, 4*time.Second, 800*time.Millisecond)},
					{false, tp(100, 6*time.Second, 1200*time.Millisecond)},
					{true, tp(100, 4*time.Second, 1000*time.Millisecond)},
				},
			},
			// with: 200 in 10 s, 10 ms; without: 200 in 10 s, 10 ms
			cost: 0, cpuCost: 0,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			r.Summarize()
			if d := r.FanoutCost - tc.cost; d > 1e-9 || d < -1e-9 {
				t.Errorf("fan-out cost = %v, want %v", r.FanoutCost, tc.cost)
			}
			if d := r.FanoutCPUCost - tc.cpuCost; d > 1e-9 || d < -1e-9 {
				t.Errorf("fan-out CPU cost = %v, want %v", r.FanoutCPUCost, tc.cpuCost)
			}
		})
	}
}

// TestFanoutOrder checks that a comparison of K rounds runs K of each
// kind, starting with fan-out, in the order A B B A A B B A.
func TestFanoutOrder(t *testing.T) {
	tests := []struct {
		name   string
		rounds int
		want   string
	}{
		{"one round", 1, "AB"},
		{"two rounds", 2, "ABBA"},
		{"three rounds", 3, "ABBAAB"},
		{"four rounds", 4, "ABBAABBA"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got strings.Builder
			for _, with := range FanoutOrder(tc.rounds) {
				if with {
					got.WriteByte('A')
				} else {
					got.WriteByte('B')
				}
			}
			if got.String() != tc.want {
				t.Errorf("order %s, want %s", got.String(), tc.want)
			}
		})
	}
}

// blockingWriter blocks every write until its context ends.
type blockingWriter struct{}

func (blockingWriter) Write(ctx context.Context, _ *article.Article) error {
	<-ctx.Done()
	return ctx.Err()
}

func TestCeilingStoredCancelled(t *testing.T) {
	items, local := tinyRun(t)
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	if _, err := CeilingStored(ctx, local, blockingWriter{}, items, 2, 4, ""); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's", err)
	}
	// Every goroutine it started has ended.
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after, %d before", n, before)
	}
}
