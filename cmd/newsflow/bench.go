package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/bench"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/health"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/logging"
	"github.com/newsflow/newsflow/pkg/service"
	"github.com/newsflow/newsflow/services/enrich/enrich"
	"github.com/newsflow/newsflow/services/ingest/parse"
	"github.com/newsflow/newsflow/services/store/store"
)

// defaultCorpus is the Wikinews corpus, relative to the repository root.
const defaultCorpus = "../shared/corpus/wikinews-2019.csv"

// benchOptions are the settings of 'newsflow bench'.
type benchOptions struct {
	n           int
	corpus      string
	json        bool
	dataDir     string
	naive       int
	enrichCheck bool
	workers     int
	enrichProcs int
	publishers  int
	timeout     time.Duration
	noCeiling   bool
	noFanout    bool
	// fanoutCompare runs the pipeline again without fan-out;
	// fanoutRounds is how many runs of each kind, in ABBA order.
	fanoutCompare bool
	fanoutRounds  int
	noPipeline    bool
	cpuProfile    string
	// rate and duration, set, make a latency run: articles dropped at a
	// steady rate instead of all at once.
	rate       float64
	duration   time.Duration
	memProfile string
	// workerEnrich, set in a child process, is the NATS URL to run one
	// more enrich consumer against.
	workerEnrich string
}

func cmdBench(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var o benchOptions
	fs.IntVar(&o.n, "n", 1000, "articles to drop (the corpus is cycled with distinct ids)")
	fs.StringVar(&o.corpus, "corpus", "", "CSV corpus (url,date,title,text); default "+defaultCorpus+" from the repository root")
	fs.BoolVar(&o.json, "json", false, "print the report as JSON")
	fs.StringVar(&o.dataDir, "data", "", "directory for the embedded servers' files (default: a temporary directory, removed after)")
	fs.IntVar(&o.naive, "naive", 0, "also time prose.NewDocument per article, one at a time, over K articles, against enrich on all cores")
	fs.BoolVar(&o.enrichCheck, "enrich-check", false, "also time enrich alone on all cores and one at a time, and check both give the same output")
	fs.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "workers of the in-process ceiling")
	fs.IntVar(&o.enrichProcs, "enrich-procs", 1, "processes running the enrich stage (more than 1 starts child processes on the same consumer)")
	fs.IntVar(&o.publishers, "publishers", 64, "concurrent publishers dropping articles")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Minute, "bound on the pipeline run")
	fs.BoolVar(&o.noCeiling, "no-ceiling", false, "skip the in-process ceiling")
	fs.BoolVar(&o.noFanout, "no-fanout", false, "publish no per-quote and per-entity events (to measure what they cost)")
	fs.BoolVar(&o.fanoutCompare, "fanout-compare", false, "run the pipeline again without the per-quote and per-entity events and report their cost")
	fs.IntVar(&o.fanoutRounds, "fanout-rounds", 2, "with --fanout-compare: runs with and without the events, this many of each, alternating with-without-without-with so a drift in the machine's load falls on both; the cost compares their totals")
	fs.BoolVar(&o.noPipeline, "no-pipeline", false, "skip the pipeline run (measure the in-process figures only)")
	fs.Float64Var(&o.rate, "rate", 0, "latency mode: drop articles one at a time at this rate (articles/s) for --duration, and report drop->enriched, drop->stored and per-stage p50/p95/p99 (no ceiling)")
	fs.DurationVar(&o.duration, "duration", 30*time.Second, "latency mode: how long to drop articles at --rate")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the pipeline run (drop to last stored) to this file")
	fs.StringVar(&o.memProfile, "memprofile", "", "write a heap profile to this file when the pipeline run ends (before the stack stops)")
	fs.StringVar(&o.workerEnrich, "worker-enrich", "", "internal: run one enrich consumer against this NATS URL until stdin closes")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: newsflow bench [--n 1000] [--corpus PATH] [--json] [--data DIR] [--naive K] [--enrich-procs P]")
		fmt.Fprintln(e.stderr, "       newsflow bench --rate 20 [--duration 30s] [--json]   (latency mode)")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("bench: unexpected arguments %q", fs.Args())
	}
	log, err := logging.New(e.stderr, logging.Config{Format: e.getenv("LOG_FORMAT"), Level: orDefault(e.getenv("LOG_LEVEL"), "warn")})
	if err != nil {
		return err
	}
	if o.workerEnrich != "" {
		return benchEnrichWorker(ctx, e, o.workerEnrich, log)
	}
	if err := o.validate(); err != nil {
		return err
	}
	pipeline.TuneGC(e.getenv) // as 'newsflow up' runs
	rep, err := runBench(ctx, e, o, log)
	if err != nil {
		return err
	}
	if o.json {
		return rep.WriteJSON(e.stdout)
	}
	return rep.WriteText(e.stdout)
}

func (o *benchOptions) validate() error {
	if o.fanoutRounds < 1 {
		return fmt.Errorf("bench: --fanout-rounds %d: must be at least 1", o.fanoutRounds)
	}
	if o.fanoutCompare && (o.cpuProfile != "" || o.memProfile != "") {
		// A profile would slow the first run only, which has the events.
		return fmt.Errorf("bench: --fanout-compare cannot be used with --cpuprofile or --memprofile")
	}
	switch {
	case o.n < 1:
		return errors.New("bench: --n must be at least 1")
	case o.naive < 0:
		return errors.New("bench: --naive must not be negative")
	case o.workers < 1:
		return errors.New("bench: --workers must be at least 1")
	case o.enrichProcs < 1:
		return errors.New("bench: --enrich-procs must be at least 1")
	case o.rate < 0:
		return errors.New("bench: --rate must not be negative")
	case o.rate > 0 && o.duration < time.Second:
		return errors.New("bench: --duration must be at least 1s")
	case o.rate > 0 && o.noPipeline:
		return errors.New("bench: --rate measures the pipeline; it cannot go with --no-pipeline")
	}
	if o.rate > 0 {
		// The latency run measures single articles on a quiet pipeline:
		// no ceiling, and as many articles as the rate and duration make.
		o.noCeiling, o.n = true, max(1, int(o.rate*o.duration.Seconds()))
	}
	return nil
}

// findCorpus returns path, or the default corpus looked up from the working
// directory and its parents (so that tests in cmd/newsflow find it too).
func findCorpus(path string) (string, error) {
	if path != "" {
		return path, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for range 5 {
		p := filepath.Join(dir, filepath.FromSlash(defaultCorpus))
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		dir = filepath.Dir(dir)
	}
	return "", fmt.Errorf("bench: corpus %s not found from the working directory (use --corpus)", defaultCorpus)
}

func runBench(ctx context.Context, e env, o benchOptions, log *slog.Logger) (*bench.Report, error) {
	corpus, err := findCorpus(o.corpus)
	if err != nil {
		return nil, err
	}
	items, err := bench.LoadCorpus(corpus, o.n)
	if err != nil {
		return nil, err
	}
	rep := &bench.Report{Machine: bench.ThisMachine(), Corpus: corpus, N: len(items), EnrichProcs: o.enrichProcs}

	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		return nil, err
	}
	// The ceiling runs before and after the pipeline and counts both, so
	// that a machine whose load drifts during the run skews neither side.
	ceiling := func() error {
		if o.noCeiling {
			return nil
		}
		log.Info("bench: ceiling", "workers", o.workers)
		t, err := bench.Ceiling(ctx, local, items, o.workers)
		if err != nil {
			return err
		}
		rep.CeilingRuns = append(rep.CeilingRuns, t)
		return nil
	}
	if err := ceiling(); err != nil {
		return nil, err
	}
	if !o.noPipeline {
		runtime.GC()
		debug.FreeOSMemory() // the pipeline's memory is measured from here
		if err := benchPipeline(ctx, e, o, local, items, rep, log); err != nil {
			return nil, err
		}
		runtime.GC()
		if err := ceiling(); err != nil {
			return nil, err
		}
		if o.fanoutCompare && !o.noFanout {
			rep.FanoutRuns = []bench.FanoutRun{{Fanout: true, Throughput: rep.Pipeline.Throughput}}
			// The first run (with) is the one above; the rest follow in
			// bench.FanoutOrder.
			for i, with := range bench.FanoutOrder(o.fanoutRounds)[1:] {
				runtime.GC()
				debug.FreeOSMemory()
				ro, res := o, &bench.Report{}
				ro.noFanout = !with
				ro.cpuProfile, ro.memProfile = "", ""
				log.Info("bench: fan-out comparison run", "fanout", with, "run", i+2)
				if err := benchPipeline(ctx, e, ro, local, items, res, log); err != nil {
					return nil, err
				}
				rep.FanoutRuns = append(rep.FanoutRuns, bench.FanoutRun{Fanout: with, Throughput: res.Pipeline.Throughput})
				if !with && rep.PipelineNoFanout == nil {
					rep.PipelineNoFanout = &res.Pipeline
				}
			}
		}
	}
	rep.Summarize()
	if o.naive > 0 || o.enrichCheck {
		if err := benchEnrich(ctx, o, local, items, rep, log); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// benchPipeline runs the embedded stack, drops the items and waits until
// each is stored, sampling memory meanwhile.
func benchPipeline(ctx context.Context, e env, o benchOptions, local *pipeline.Local, items []bench.Item, rep *bench.Report, log *slog.Logger) error {
	dataDir := o.dataDir
	if dataDir == "" {
		d, err := os.MkdirTemp("", "newsflow-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dataDir = d
	}
	sampler := bench.StartSampler(50 * time.Millisecond)
	// The stack always embeds its servers: servers given by NATS_URL or
	// MONGO_URI would measure another machine.
	upEnv := env{getenv: func(k string) string {
		switch k {
		case "LOG_LEVEL", "LOG_FORMAT":
			return e.getenv(k)
		case "FANOUT_MAX_QUOTES", "FANOUT_MAX_ENTITIES":
			if o.noFanout {
				return "0"
			}
		}
		return ""
	}, stdin: strings.NewReader(""), stdout: io.Discard, stderr: e.stderr}
	uo := upOptions{dataDir: dataDir, host: "127.0.0.1", natsPort: -1, mongoPort: 0}

	sctx, stop := context.WithCancel(ctx)
	defer stop()
	ready := make(chan endpoints, 1)
	upDone := make(chan error, 1)
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Go(func() { upDone <- up(sctx, upEnv, uo, log, func(ep endpoints) { ready <- ep }) })
	var ep endpoints
	select {
	case ep = <-ready:
	case err := <-upDone:
		return fmt.Errorf("bench: stack: %w", err)
	case <-ctx.Done():
		return ctx.Err()
	}
	stopStack := func() error {
		stop()
		if err := <-upDone; err != nil && !errors.Is(err, context.Canceled) {
			return fmt.Errorf("bench: stack: %w", err)
		}
		return nil
	}

	workers, err := startEnrichWorkers(sctx, e, ep.NATSURL, o.enrichProcs-1, o.noFanout, log)
	if err != nil {
		_ = stopStack()
		return err
	}
	nc, err := jsbus.Connect(ctx, jsbus.ConnConfig{URL: ep.NATSURL, Name: "newsflow-bench"}, log)
	if err != nil {
		workers.stop()
		_ = stopStack()
		return err
	}
	js, err := jsbus.NewJetStream(nc)
	stopProfile := func() error { return nil }
	if err == nil && o.cpuProfile != "" {
		stopProfile, err = startCPUProfile(o.cpuProfile)
	}
	if err == nil && o.rate > 0 {
		var s bench.SteadyResult
		s, err = bench.DriveSteady(ctx, js, items, bench.SteadyConfig{Rate: o.rate, Duration: o.duration, Timeout: min(o.timeout, time.Minute)}, log)
		rep.Steady = &s
		err = errors.Join(err, stopProfile())
	} else if err == nil {
		dc := bench.DefaultDriveConfig()
		dc.Publishers, dc.Timeout = o.publishers, o.timeout
		rep.Pipeline, err = bench.Drive(ctx, js, items, dc, log)
		// The profile is of the pipeline run alone, not of what follows.
		err = errors.Join(err, stopProfile())
	}
	rep.PipelineMemory = sampler.Stop()
	if o.memProfile != "" {
		err = errors.Join(err, writeHeapProfile(o.memProfile))
	}
	nc.Close()
	werr := workers.stop()
	if err == nil && werr == nil && !o.noCeiling {
		err = benchStoredCeiling(ctx, upEnv, ep, local, items, o.workers, rep, log)
	}
	return errors.Join(err, werr, stopStack())
}

// benchStoredCeiling runs parse, enrich and the store's write in-process
// against the stack's database server: the pipeline's work without the
// message bus between the stages. It writes into a database of its own,
// with the pipeline's indexes, empty at the start as the pipeline's was,
// and drops it afterwards.
func benchStoredCeiling(ctx context.Context, upEnv env, ep endpoints, local *pipeline.Local, items []bench.Item, workers int, rep *bench.Report, log *slog.Logger) error {
	scfg, err := store.ConfigFromEnv(upEnv.getenv)
	if err != nil {
		return err
	}
	scfg.URI, scfg.Database = ep.MongoURI, scfg.Database+"_bench_ceiling"
	st, err := store.New(ctx, scfg, store.WithLogger(log))
	if err != nil {
		return fmt.Errorf("bench: store: %w", err)
	}
	ictx, cancel := context.WithTimeout(ctx, 30*time.Second)
	err = st.EnsureIndexes(ictx)
	cancel()
	var t bench.Throughput
	if err == nil {
		runtime.GC()
		log.Info("bench: ceiling with store", "workers", workers, "database", scfg.Database)
		t, err = bench.CeilingStored(ctx, local, st, items, workers, pipeline.StoreInFlight, "")
	}
	dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	err = errors.Join(err, st.Collection().Database().Drop(dctx), st.Close(dctx))
	cancel()
	if err != nil {
		return fmt.Errorf("bench: ceiling with store: %w", err)
	}
	rep.CeilingStored = &t
	return nil
}

// startCPUProfile profiles the process's CPU into path until the returned
// function is called.
func startCPUProfile(path string) (func() error, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() error {
		pprof.StopCPUProfile()
		return f.Close()
	}, nil
}

// writeHeapProfile writes the live heap after a garbage collection.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("heap profile: %w", err)
	}
	return f.Close()
}

// benchEnrich times enrich alone on all cores and one at a time, checks
// that both give the same output, and times naive prose.
func benchEnrich(ctx context.Context, o benchOptions, local *pipeline.Local, items []bench.Item, rep *bench.Report, log *slog.Logger) error {
	// One pass over the corpus at most: the copies add nothing here.
	m := min(len(items), max(o.naive, 171))
	arts, err := bench.ParseAll(ctx, local.Parser, items[:m])
	if err != nil {
		return err
	}
	log.Info("bench: enrich all cores", "articles", len(arts))
	par, tp, err := bench.EnrichAll(ctx, local.Enricher, arts, o.workers)
	if err != nil {
		return err
	}
	rep.EnrichAllCores = &tp
	if o.enrichCheck {
		log.Info("bench: enrich one at a time", "articles", len(arts))
		seq, ts, err := bench.EnrichAll(ctx, local.Enricher, arts, 1)
		if err != nil {
			return err
		}
		rep.EnrichOneCore = &ts
		same := sameEnrichment(par, seq)
		rep.SameAsSequential = &same
	}
	if o.naive > 0 {
		k := min(o.naive, len(arts))
		bodies := make([]string, k)
		for i := range bodies {
			bodies[i] = arts[i].Body
		}
		log.Info("bench: naive prose", "articles", k)
		tn, err := bench.Naive(ctx, bodies)
		if err != nil {
			return err
		}
		rep.Naive = &tn
		if tn.PerSec > 0 {
			rep.EnrichOverNaive = tp.PerSec / tn.PerSec
		}
	}
	return nil
}

// sameEnrichment reports whether two runs found the same entities and quotes.
func sameEnrichment(a, b []article.Article) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || !reflect.DeepEqual(a[i].Entities, b[i].Entities) || !reflect.DeepEqual(a[i].Quotes, b[i].Quotes) {
			return false
		}
	}
	return true
}

// enrichWorkers are child processes each running one more enrich consumer.
type enrichWorkers struct {
	procs []*exec.Cmd
	stdin []io.Closer
	log   *slog.Logger
}

// startEnrichWorkers starts n child processes ('newsflow bench
// --worker-enrich URL') and waits until each consumes.
func startEnrichWorkers(ctx context.Context, e env, natsURL string, n int, noFanout bool, log *slog.Logger) (*enrichWorkers, error) {
	w := &enrichWorkers{log: log}
	if n <= 0 {
		return w, nil
	}
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("bench: enrich workers: %w", err)
	}
	for i := range n {
		cmd := exec.Command(self, "bench", "--worker-enrich", natsURL)
		if noFanout {
			cmd.Env = append(os.Environ(), "FANOUT_MAX_QUOTES=0", "FANOUT_MAX_ENTITIES=0")
		}
		cmd.Stderr = e.stderr
		in, err := cmd.StdinPipe()
		if err != nil {
			w.stop()
			return nil, err
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			w.stop()
			return nil, err
		}
		if err := cmd.Start(); err != nil {
			w.stop()
			return nil, fmt.Errorf("bench: start enrich worker: %w", err)
		}
		w.procs, w.stdin = append(w.procs, cmd), append(w.stdin, in)
		line, err := bufio.NewReader(out).ReadString('\n')
		if err != nil || strings.TrimSpace(line) != "ready" {
			w.stop()
			return nil, fmt.Errorf("bench: enrich worker %d did not start: %q %v", i+1, line, err)
		}
		log.Info("bench: enrich worker ready", "pid", cmd.Process.Pid)
	}
	return w, nil
}

// stop closes each worker's stdin, which makes it drain and exit, and waits.
func (w *enrichWorkers) stop() error {
	for _, c := range w.stdin {
		_ = c.Close()
	}
	var errs []error
	for _, p := range w.procs {
		if err := p.Wait(); err != nil {
			errs = append(errs, fmt.Errorf("enrich worker %d: %w", p.Process.Pid, err))
		}
	}
	w.procs, w.stdin = nil, nil
	return errors.Join(errs...)
}

// benchEnrichWorker is the child process: one enrich consumer on natsURL
// until stdin closes or ctx ends.
func benchEnrichWorker(ctx context.Context, e env, natsURL string, log *slog.Logger) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cfg, err := service.ConfigFromEnv(func(k string) string {
		if k == "NATS_URL" {
			return natsURL
		}
		return e.getenv(k)
	}, "newsflow-bench-enrich")
	if err != nil {
		return err
	}
	pipeline.TuneGC(e.getenv)
	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		return err
	}
	r, err := service.Connect(ctx, cfg, health.New("", log), log)
	if err != nil {
		return err
	}
	defer r.Close()
	storyOpts, closeStories, err := enrich.StoriesFromEnv(ctx, r.JetStream(), e.getenv, log)
	if err != nil {
		return err
	}
	defer closeStories()
	fo, err := enrich.FanoutFromEnv(e.getenv)
	if err != nil {
		return err
	}
	cc := cfg.Consumer
	cc.Stage = jsbus.StageEnrich
	cc.MaxInFlight = pipeline.EnrichInFlight()
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Go(func() {
		_, _ = io.Copy(io.Discard, e.stdin)
		cancel()
	})
	runErr := make(chan error, 1)
	wg.Go(func() {
		runErr <- r.Run(ctx, service.Stage{Consumer: cc, Handler: enrich.NewStage(local.Enricher, log, append(storyOpts, fo)...)})
	})
	fmt.Fprintln(e.stdout, "ready")
	err = <-runErr
	if c, ok := e.stdin.(io.Closer); ok {
		_ = c.Close() // ends the stdin reader if a signal ended the run
	}
	return err
}
