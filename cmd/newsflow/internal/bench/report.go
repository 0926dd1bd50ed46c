package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// Machine describes where a report was measured.
type Machine struct {
	NumCPU     int    `json:"num_cpu"`
	GOMAXPROCS int    `json:"gomaxprocs"`
	CPUModel   string `json:"cpu_model"`
	GoVersion  string `json:"go_version"`
	// GOGC and MemoryLimit are the garbage collector's settings in effect.
	GOGC        int   `json:"gogc"`
	MemoryLimit int64 `json:"memory_limit_bytes"`
}

// ThisMachine describes the running machine and runtime.
func ThisMachine() Machine {
	gogc := debug.SetGCPercent(-1)
	debug.SetGCPercent(gogc)
	return Machine{
		NumCPU: runtime.NumCPU(), GOMAXPROCS: runtime.GOMAXPROCS(0), CPUModel: cpuModel(),
		GoVersion: runtime.Version(), GOGC: gogc, MemoryLimit: debug.SetMemoryLimit(-1),
	}
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// Report is the outcome of a bench run.
type Report struct {
	Machine Machine `json:"machine"`
	Corpus  string  `json:"corpus"`
	N       int     `json:"n"`
	// EnrichProcs is the number of processes running the enrich stage.
	EnrichProcs int `json:"enrich_procs"`

	Pipeline PipelineResult `json:"pipeline"`
	// PipelineNoFanout is the same pipeline without the per-quote and
	// per-entity events (bench --fanout-compare), and FanoutCost the share
	// of throughput they cost: 1 - Pipeline / PipelineNoFanout articles/s;
	// FanoutCPUCost the same in CPU per article.
	PipelineNoFanout *PipelineResult `json:"pipeline_no_fanout,omitempty"`
	FanoutCost       float64         `json:"fanout_cost,omitempty"`
	// FanoutRuns are the runs of bench --fanout-compare with and without
	// the events, in the order run (the first is Pipeline). When set,
	// FanoutCost compares the totals of the two kinds.
	FanoutRuns    []FanoutRun `json:"fanout_runs,omitempty"`
	FanoutCPUCost float64     `json:"fanout_cpu_cost,omitempty"`
	// Steady is the latency mode's run (bench --rate), instead of Pipeline.
	Steady         *SteadyResult `json:"latency_mode,omitempty"`
	PipelineMemory Memory        `json:"pipeline_memory"`
	// Ceiling is parse and enrich in-process on all cores over the same
	// articles: CeilingRuns (one before the pipeline, one after) together.
	Ceiling     Throughput   `json:"ceiling"`
	CeilingRuns []Throughput `json:"ceiling_runs"`
	// Ratio is pipeline throughput / ceiling throughput.
	Ratio float64 `json:"pipeline_over_ceiling"`
	// CPURatio is the ceiling's CPU time per article / the pipeline's: the
	// same ratio in work instead of wall time, which other processes on a
	// shared machine do not skew. (Child enrich processes are not counted.)
	CPURatio float64 `json:"pipeline_over_ceiling_cpu"`
	// CeilingStored is parse, enrich and the store's write in-process on
	// the pipeline's database, after the pipeline: the pipeline's work
	// without the message bus. StoredRatio and StoredCPURatio compare the
	// pipeline with it as Ratio and CPURatio do with Ceiling.
	CeilingStored  *Throughput `json:"ceiling_with_store,omitempty"`
	StoredRatio    float64     `json:"pipeline_over_ceiling_with_store,omitempty"`
	StoredCPURatio float64     `json:"pipeline_over_ceiling_with_store_cpu,omitempty"`

	// EnrichAllCores is enrich alone (already parsed articles) on all cores.
	EnrichAllCores *Throughput `json:"enrich_all_cores,omitempty"`
	// EnrichOneCore is enrich alone, one article at a time.
	EnrichOneCore *Throughput `json:"enrich_one_core,omitempty"`
	// Naive is prose.NewDocument(text) per article, one at a time.
	Naive *Throughput `json:"naive,omitempty"`
	// EnrichOverNaive is EnrichAllCores / Naive throughput.
	EnrichOverNaive float64 `json:"enrich_all_cores_over_naive,omitempty"`
	// SameAsSequential reports that enriching on all cores gave the same
	// entities and quotes as one article at a time.
	SameAsSequential *bool `json:"same_as_sequential,omitempty"`
}

// FanoutRun is one pipeline run of a fan-out comparison.
type FanoutRun struct {
	Fanout     bool       `json:"fanout"`
	Throughput Throughput `json:"throughput"`
}

// FanoutOrder is the order of the runs of a fan-out comparison with rounds
// runs of each kind: with (true) and without (false) alternating A B B A A
// B B A ..., so that a drift in the machine's load falls on both kinds.
func FanoutOrder(rounds int) []bool {
	out := make([]bool, 0, 2*rounds)
	for i := 0; i < 2*rounds; i++ {
		out = append(out, (i+1)/2%2 == 0)
	}
	return out
}

// fanoutTotals sums the runs with (true) or without (false) fan-out.
func fanoutTotals(runs []FanoutRun, with bool) Throughput {
	var ts []Throughput
	for _, r := range runs {
		if r.Fanout == with {
			ts = append(ts, r.Throughput)
		}
	}
	return sumThroughput(ts)
}

// sumThroughput is the throughput of several runs together: their articles,
// time and CPU summed (the zero Throughput for none).
func sumThroughput(ts []Throughput) Throughput {
	if len(ts) == 0 {
		return Throughput{}
	}
	var n int
	var d, cpu time.Duration
	for _, t := range ts {
		n, d, cpu = n+t.Articles, d+t.Elapsed, cpu+t.CPU
	}
	return newThroughput(n, ts[0].Workers, d, cpu)
}

// Summarize fills Ceiling from CeilingRuns and the ratios.
func (r *Report) Summarize() {
	if len(r.CeilingRuns) > 0 {
		r.Ceiling = sumThroughput(r.CeilingRuns)
	}
	if r.Ceiling.PerSec > 0 {
		r.Ratio = r.Pipeline.Throughput.PerSec / r.Ceiling.PerSec
	}
	with, without := r.Pipeline.Throughput, Throughput{}
	if nf := r.PipelineNoFanout; nf != nil {
		without = nf.Throughput
	}
	if len(r.FanoutRuns) > 0 {
		with, without = fanoutTotals(r.FanoutRuns, true), fanoutTotals(r.FanoutRuns, false)
	}
	if without.PerSec > 0 && without.CPUPerArticle > 0 {
		r.FanoutCost = 1 - with.PerSec/without.PerSec
		r.FanoutCPUCost = float64(with.CPUPerArticle)/float64(without.CPUPerArticle) - 1
	}
	if p := r.Pipeline.Throughput.CPUPerArticle; p > 0 {
		r.CPURatio = float64(r.Ceiling.CPUPerArticle) / float64(p)
	}
	if c := r.CeilingStored; c != nil {
		if c.PerSec > 0 {
			r.StoredRatio = r.Pipeline.Throughput.PerSec / c.PerSec
		}
		if p := r.Pipeline.Throughput.CPUPerArticle; p > 0 {
			r.StoredCPURatio = float64(c.CPUPerArticle) / float64(p)
		}
	}
}

// WriteJSON writes r as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes r for people.
func (r *Report) WriteText(w io.Writer) error {
	m := r.Machine
	var b strings.Builder
	fmt.Fprintf(&b, "machine   %d CPUs (GOMAXPROCS %d), %s, %s, GOGC=%d, memory limit %s\n",
		m.NumCPU, m.GOMAXPROCS, m.CPUModel, m.GoVersion, m.GOGC, limitString(m.MemoryLimit))
	fmt.Fprintf(&b, "corpus    %s, N=%d, enrich processes %d\n", r.Corpus, r.N, r.EnrichProcs)
	if s := r.Steady; s != nil {
		fmt.Fprintf(&b, "steady    %d articles dropped at %.1f/s over %s: %d stored, %d dead\n", s.Dropped, s.Rate, round(s.Elapsed), s.Stored, s.Dead)
		for _, l := range []struct {
			name string
			l    Latency
		}{{"drop->enriched", s.DropToEnriched}, {"drop->stored", s.DropToStored}, {"ingest (drop->parsed)", s.Ingest}, {"enrich (parsed->enriched)", s.Enrich}, {"store (enriched->stored)", s.Store}} {
			fmt.Fprintf(&b, "latency   %-26s p50 %s  p95 %s  p99 %s  max %s\n", l.name, round(l.l.P50), round(l.l.P95), round(l.l.P99), round(l.l.Max))
		}
		pm := r.PipelineMemory
		fmt.Fprintf(&b, "memory    peak RSS %s (end %s), peak Go heap %s\n", mib(pm.PeakRSSBytes), mib(pm.EndRSSBytes), mib(pm.PeakHeapBytes))
		_, err := io.WriteString(w, b.String())
		return err
	}
	p := r.Pipeline
	fmt.Fprintf(&b, "pipeline  %d stored, %d dead in %s: %.1f articles/s, CPU %s/article (dropped all in %s)\n",
		p.Stored, p.Dead, round(p.Throughput.Elapsed), p.Throughput.PerSec, round(p.Throughput.CPUPerArticle), round(p.DropElapsed))
	fmt.Fprintf(&b, "latency   drop->stored p50 %s  p95 %s  p99 %s  max %s\n",
		round(p.Latency.P50), round(p.Latency.P95), round(p.Latency.P99), round(p.Latency.Max))
	if nf := r.PipelineNoFanout; nf != nil {
		fmt.Fprintf(&b, "no fanout %d stored, %d dead in %s: %.1f articles/s, CPU %s/article\n",
			nf.Stored, nf.Dead, round(nf.Throughput.Elapsed), nf.Throughput.PerSec, round(nf.Throughput.CPUPerArticle))
		if len(r.FanoutRuns) > 1 {
			with, without := fanoutTotals(r.FanoutRuns, true), fanoutTotals(r.FanoutRuns, false)
			fmt.Fprintf(&b, "fanout    totals: with %.1f articles/s, %s CPU/article; without %.1f articles/s, %s CPU/article; runs in order:",
				with.PerSec, round(with.CPUPerArticle), without.PerSec, round(without.CPUPerArticle))
			for _, fr := range r.FanoutRuns {
				kind := "without"
				if fr.Fanout {
					kind = "with"
				}
				fmt.Fprintf(&b, " %s %.1f/s", kind, fr.Throughput.PerSec)
			}
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "fanout    cost %.1f%% of throughput, %.1f%% more CPU per article\n", 100*r.FanoutCost, 100*r.FanoutCPUCost)
	}
	pm := r.PipelineMemory
	fmt.Fprintf(&b, "memory    peak RSS %s (end %s), peak Go heap %s (end %s), peak Go total %s\n",
		mib(pm.PeakRSSBytes), mib(pm.EndRSSBytes), mib(pm.PeakHeapBytes), mib(pm.EndHeapBytes), mib(pm.PeakGoTotalBytes))
	for i, c := range r.CeilingRuns {
		when := "before"
		if i > 0 {
			when = "after"
		}
		fmt.Fprintf(&b, "ceiling   parse+enrich in-process, %d workers, %s the pipeline: %d articles in %s: %.1f articles/s, CPU %s/article\n",
			c.Workers, when, c.Articles, round(c.Elapsed), c.PerSec, round(c.CPUPerArticle))
	}
	if len(r.CeilingRuns) > 0 {
		fmt.Fprintf(&b, "ceiling   together: %.1f articles/s, CPU %s/article\n", r.Ceiling.PerSec, round(r.Ceiling.CPUPerArticle))
		fmt.Fprintf(&b, "ratio     pipeline/ceiling %.3f (wall clock), %.3f (CPU per article)\n", r.Ratio, r.CPURatio)
	}
	if c := r.CeilingStored; c != nil {
		fmt.Fprintf(&b, "with store parse+enrich+store in-process, %d workers, after the pipeline: %d articles in %s: %.1f articles/s, CPU %s/article\n",
			c.Workers, c.Articles, round(c.Elapsed), c.PerSec, round(c.CPUPerArticle))
		fmt.Fprintf(&b, "ratio     pipeline/(parse+enrich+store) %.3f (wall clock), %.3f (CPU per article)\n", r.StoredRatio, r.StoredCPURatio)
	}
	if t := r.EnrichAllCores; t != nil {
		fmt.Fprintf(&b, "enrich    all cores (%d workers): %.1f articles/s over %d articles\n", t.Workers, t.PerSec, t.Articles)
	}
	if t := r.EnrichOneCore; t != nil {
		fmt.Fprintf(&b, "enrich    one at a time: %.1f articles/s over %d articles\n", t.PerSec, t.Articles)
	}
	if r.SameAsSequential != nil {
		fmt.Fprintf(&b, "same      all-cores output equals one-at-a-time output: %v\n", *r.SameAsSequential)
	}
	if t := r.Naive; t != nil {
		fmt.Fprintf(&b, "naive     prose.NewDocument per article, one at a time: %.2f articles/s over %d articles\n", t.PerSec, t.Articles)
		fmt.Fprintf(&b, "speedup   enrich all cores / naive %.1fx\n", r.EnrichOverNaive)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func round(d time.Duration) time.Duration {
	switch {
	case d > 10*time.Second:
		return d.Round(100 * time.Millisecond)
	case d > time.Second:
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(100 * time.Microsecond)
}

func mib(b uint64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

func limitString(l int64) string {
	if l <= 0 || l == 1<<63-1 {
		return "none"
	}
	return mib(uint64(l))
}
