package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/bench"
)

// TestBenchCommand runs 'newsflow bench --json' on a few articles: the
// embedded stack stores each of them, and the report carries the figures.
// Speed targets live in the bench command and the benchmarks, not here.
func TestBenchCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the embedded stack")
	}
	var out, errOut bytes.Buffer
	args := []string{"bench", "--n", "8", "--json", "--data", t.TempDir(), "--naive", "2", "--enrich-check"}
	if err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("bench: %v\n%s", err, errOut.String())
	}
	var r bench.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out.String())
	}
	if r.N != 8 || r.Pipeline.Stored != 8 || r.Pipeline.Dead != 0 {
		t.Errorf("n=%d stored=%d dead=%d, want 8 stored", r.N, r.Pipeline.Stored, r.Pipeline.Dead)
	}
	if r.Pipeline.Throughput.PerSec <= 0 || r.Ceiling.PerSec <= 0 || r.Ratio <= 0 || len(r.CeilingRuns) != 2 {
		t.Errorf("throughput %+v, ceiling %+v, ratio %v", r.Pipeline.Throughput, r.Ceiling, r.Ratio)
	}
	if r.Pipeline.Latency.P50 <= 0 || r.Pipeline.Latency.P99 < r.Pipeline.Latency.P50 {
		t.Errorf("latency %+v", r.Pipeline.Latency)
	}
	if r.PipelineMemory.PeakRSSBytes == 0 || r.PipelineMemory.PeakHeapBytes == 0 {
		t.Errorf("memory %+v", r.PipelineMemory)
	}
	if r.Naive == nil || r.EnrichAllCores == nil || r.EnrichOverNaive <= 0 {
		t.Errorf("naive %+v, enrich %+v", r.Naive, r.EnrichAllCores)
	}
	if c := r.CeilingStored; c == nil || c.Articles != 8 || r.StoredRatio <= 0 || r.StoredCPURatio <= 0 {
		t.Errorf("ceiling with store %+v, ratio %v / %v, want 8 articles stored in-process", c, r.StoredRatio, r.StoredCPURatio)
	}
	if r.SameAsSequential == nil || !*r.SameAsSequential {
		t.Errorf("enrich on all cores differs from one at a time")
	}
}

// TestBenchLatencyMode runs 'newsflow bench --rate': a few articles at a
// steady rate, each followed through its parsed, enriched and stored
// events. (The latency targets are the bench's to report, not this test's.)
func TestBenchLatencyMode(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the embedded stack")
	}
	var out, errOut bytes.Buffer
	args := []string{"bench", "--rate", "5", "--duration", "2s", "--json", "--data", t.TempDir()}
	if err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("bench: %v\n%s", err, errOut.String())
	}
	var r bench.Report
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out.String())
	}
	s := r.Steady
	if s == nil || s.Dropped != 10 || s.Stored != 10 || s.Dead != 0 || s.Rate != 5 {
		t.Fatalf("latency run %+v, want 10 articles stored at 5/s", s)
	}
	if s.Elapsed < 1500*time.Millisecond {
		t.Errorf("10 articles at 5/s dropped in %v: not a steady rate", s.Elapsed)
	}
	// Each step is inside the whole: drop->enriched within drop->stored,
	// and every figure measured.
	for name, l := range map[string]bench.Latency{"drop->enriched": s.DropToEnriched, "drop->stored": s.DropToStored, "ingest": s.Ingest, "enrich": s.Enrich, "store": s.Store} {
		if l.P50 <= 0 || l.P99 < l.P95 || l.P95 < l.P50 || l.Max < l.P99 {
			t.Errorf("%s latency %+v", name, l)
		}
	}
	if s.DropToEnriched.Max > s.DropToStored.Max || s.Ingest.P50 > s.DropToEnriched.P50 {
		t.Errorf("drop->enriched %+v, drop->stored %+v, ingest %+v", s.DropToEnriched, s.DropToStored, s.Ingest)
	}
	if r.Ceiling.PerSec != 0 || r.CeilingStored != nil {
		t.Errorf("the latency run measured a ceiling too")
	}
}

func TestBenchFlags(t *testing.T) {
	for _, args := range [][]string{{"bench", "--n", "0"}, {"bench", "--enrich-procs", "0"}, {"bench", "extra"}, {"bench", "--rate", "-1"}, {"bench", "--rate", "5", "--duration", "10ms"}, {"bench", "--rate", "5", "--no-pipeline"}} {
		var out bytes.Buffer
		if err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &out); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
