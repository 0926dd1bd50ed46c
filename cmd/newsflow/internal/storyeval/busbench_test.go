package storyeval

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/bench"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/enrich/story"
)

// serverProc is a nats-server running as a process of its own, so that
// the benchmark's getrusage counts the client alone and the server's CPU
// is read from /proc apart.
type serverProc struct {
	cmd *exec.Cmd
	url string
}

// startServerProcess builds nats-server from the module's dependency and
// runs it with JetStream on a free loopback port until the benchmark ends.
func startServerProcess(b *testing.B) *serverProc {
	b.Helper()
	dir := b.TempDir()
	bin := filepath.Join(dir, "nats-server")
	build := exec.Command("go", "build", "-o", bin, "github.com/nats-io/nats-server/v2")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build nats-server: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	args := []string{"-a", "127.0.0.1", "-p", strconv.Itoa(port), "-js", "-sd", filepath.Join(dir, "js")}
	if p := os.Getenv("STORYBENCH_SERVER_PROFILE_PORT"); p != "" { // to profile the server
		args = append(args, "--profile", p)
	}
	cmd := exec.Command(bin, args...)
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	s := &serverProc{cmd: cmd, url: fmt.Sprintf("nats://127.0.0.1:%d", port)}
	b.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	})
	deadline := time.Now().Add(20 * time.Second)
	for {
		nc, err := nats.Connect(s.url)
		if err == nil {
			nc.Close()
			return s
		}
		if time.Now().After(deadline) {
			b.Fatalf("nats-server not ready: %v\n%s", err, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// cpu returns the server process's user and system CPU time so far.
func (s *serverProc) cpu(b *testing.B) time.Duration {
	b.Helper()
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		b.Fatalf("server CPU time (this benchmark reads /proc): %v", err)
	}
	// The fields after the command name, which ends with the last ')'.
	f := strings.Fields(string(raw[bytes.LastIndexByte(raw, ')')+2:]))
	// utime and stime are fields 14 and 15 of the line, 12 and 13 here.
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		b.Fatalf("server CPU time: %q", raw)
	}
	const tick = 100 // USER_HZ, 100 on Linux
	return time.Duration(ut+st) * time.Second / tick
}

// idleMarkCPU returns the CPU time the collector has spent marking on cores
// that nothing else wanted (runtime/metrics), which the runtime's
// documentation says to subtract from GC CPU to get what the program
// makes it do: it runs when a goroutine waits with a core free, as an
// article waiting for its round trip does in a benchmark that has nothing
// else to run meanwhile.
func idleMarkCPU() time.Duration {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/mark/idle:cpu-seconds"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindFloat64 {
		return 0
	}
	return time.Duration(s[0].Value.Float64() * float64(time.Second))
}

// cpuWork is this process's CPU time (getrusage) less idleMarkCPU.
func cpuWork() time.Duration { return bench.CPUTime() - idleMarkCPU() }

// BenchmarkStoryShareWithBus is the figure the bound is about:
// copy and story recognition's CPU per article against parse and enrich's,
// with the shared state on a NATS server that runs as a process of its own
// (as in a deployment), each article assigned through a Tracker.
//
// What is counted: CPU time from getrusage less the collector's marking on
// otherwise idle cores (cpuWork). Parse and enrich's CPU per article is
// this process's over passes of the corpus, the collector's work included.
// The story's is this process's while only Assign runs (on the corpus
// articles enriched beforehand, under new ids): the record, the publish,
// the client's reading of the acknowledgement and of every instance's
// records, the replay and the decision, and the collector's work on the
// garbage that makes; the enrich models stay in the heap as in the
// service. The server's CPU is read from /proc and reported apart, and
// added in a second share. Two ways of calling: "inflight=8", from as many
// goroutines at once as the enrich stage handles messages in newsflow up
// and bench on this 2-core machine (pipeline.EnrichInFlight), and
// "inflight=1", one article at a time.
//
// (Measuring the story as the difference between a pass that enriches and
// assigns and one that only enriches was tried and dropped: on this shared
// machine two identical passes differed by up to 10 % of enrich.)
//
//	cd cmd/newsflow && go test -run '^$' -bench StoryShareWithBus -benchtime 4x ./internal/storyeval/
func BenchmarkStoryShareWithBus(b *testing.B) {
	rs := rows(b)
	p := process(b)
	srv := startServerProcess(b)
	var arts []article.Article
	runtime.GC()
	c0, r0 := cpuWork(), bench.CPUTime()
	const passes = 3
	for n := range passes {
		for _, r := range rs {
			a, err := p(context.Background(), r.Title+"\n\n"+r.Text+"\n")
			if err != nil {
				b.Fatal(err)
			}
			if n == 0 {
				arts = append(arts, a)
			}
		}
	}
	enrich := (cpuWork() - c0) / time.Duration(passes*len(rs))
	b.Logf("parse and enrich: %v of CPU per article, %v before subtracting idle marking", enrich, (bench.CPUTime()-r0)/time.Duration(passes*len(rs)))
	var ids atomic.Int64 // every article assigned gets a new id, across runs
	for _, workers := range []int{pipeline.EnrichInFlight(), 1} {
		b.Run(fmt.Sprintf("inflight=%d", workers), func(b *testing.B) {
			storyShare(b, srv, arts, enrich, workers, &ids)
		})
	}
}

// storyShare runs BenchmarkStoryShareWithBus with the given workers.
func storyShare(b *testing.B, srv *serverProc, arts []article.Article, enrich time.Duration, workers int, ids *atomic.Int64) {
	// Each pass assigns the corpus as new articles into a bucket of its
	// own: the index holds the corpus as it would real news, not ever more
	// copies of the same articles (each one a copy to check against all of
	// them). The trackers start before the timer.
	type bucket struct {
		tr   *story.Tracker
		name string
	}
	buckets := make([]bucket, b.N+1)
	var js jetstream.JetStream
	for n := range buckets {
		name := fmt.Sprintf("STORYBENCH_%d", ids.Add(1))
		tr, nc := instanceWith(b, srv.url, story.Config{Bucket: name})
		defer tr.Close()
		buckets[n] = bucket{tr, name}
		if js == nil {
			var err error
			if js, err = jetstream.New(nc); err != nil {
				b.Fatal(err)
			}
		}
	}
	np := 0
	pass := func() {
		tr := buckets[np].tr
		np++
		work := make(chan int)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for i := range work {
					a := arts[i]
					a.ID = fmt.Sprintf("%024x", ids.Add(1))
					if _, err := tr.Assign(context.Background(), &a); err != nil {
						b.Error(err)
					}
				}
			})
		}
		for i := range arts {
			work <- i
		}
		close(work)
		wg.Wait()
		if b.Failed() {
			b.FailNow()
		}
	}
	pass() // warm up
	runtime.GC()
	b.ResetTimer()
	s0, c0, r0, w0 := srv.cpu(b), cpuWork(), bench.CPUTime(), time.Now()
	for n := 0; n < b.N; n++ {
		pass()
	}
	client, server, wall := cpuWork()-c0, srv.cpu(b)-s0, time.Since(w0)
	raw := bench.CPUTime() - r0
	b.StopTimer()
	msgs := uint64(0)
	for _, bk := range buckets[1:] {
		st, err := js.Stream(context.Background(), "KV_"+bk.name)
		if err != nil {
			b.Fatal(err)
		}
		msgs += st.CachedInfo().State.Msgs
	}
	per := float64(b.N * len(arts))
	us := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 / per }
	b.ReportMetric(us(enrich)*per, "µs-cpu-enrich/article")
	b.ReportMetric(us(client), "µs-cpu-story/article")
	b.ReportMetric(us(raw), "µs-rusage-story/article")
	b.ReportMetric(us(wall), "µs-wall-story/article")
	b.ReportMetric(us(server), "µs-cpu-server/article")
	b.ReportMetric(100*float64(client)/per/float64(enrich), "%-of-enrich")
	b.ReportMetric(100*float64(client+server)/per/float64(enrich), "%-of-enrich+server")
	b.ReportMetric(per/float64(msgs), "articles/message")
}
