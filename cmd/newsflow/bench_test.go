package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

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

func TestBenchFlags(t *testing.T) {
	for _, args := range [][]string{{"bench", "--n", "0"}, {"bench", "--enrich-procs", "0"}, {"bench", "extra"}} {
		var out bytes.Buffer
		if err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &out); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
