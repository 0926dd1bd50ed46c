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
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/bench"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
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

// BenchmarkStoryShareWithBus is the figure the bound is about:
// copy and story recognition's CPU per article against parse and enrich's,
// with the shared state on a NATS server that runs as its own process (as
// in a deployment), each article assigned through a Tracker.
//
// Each iteration runs the corpus twice in the same process, once parsing
// and enriching alone and once also assigning every article, and the share
// is the difference of the two passes' CPU over the first's (so the
// collector's work counts where its garbage comes from, not where it
// happens to run). The server's CPU is read from /proc and reported apart,
// and added in a second share. Two ways of running: "inflight=8", the
// articles handled by as many workers at once as the enrich stage holds
// messages in newsflow up and bench on this 2-core machine
// (pipeline.EnrichInFlight); and "inflight=1", one article at a time, each
// waiting for its round trip with nothing else to do.
//
//	cd cmd/newsflow && go test -run '^$' -bench StoryShareWithBus -benchtime 4x ./internal/storyeval/
func BenchmarkStoryShareWithBus(b *testing.B) {
	rs := rows(b)
	p := process(b)
	srv := startServerProcess(b)
	raws := make([]string, len(rs))
	for i, r := range rs {
		raws[i] = r.Title + "\n\n" + r.Text + "\n"
	}
	for _, workers := range []int{pipeline.EnrichInFlight(), 1} {
		b.Run(fmt.Sprintf("inflight=%d", workers), func(b *testing.B) {
			storyShare(b, srv, p, raws, workers)
		})
	}
}

// storyShare runs BenchmarkStoryShareWithBus with the given workers.
func storyShare(b *testing.B, srv *serverProc, p Process, raws []string, workers int) {
	tr, _ := instance(b, srv.url)
	defer tr.Close()
	var next atomic.Int64 // new ids for every article assigned
	pass := func(assign bool) (client, server time.Duration) {
		runtime.GC()
		s0, c0 := srv.cpu(b), bench.CPUTime()
		work := make(chan string)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for raw := range work {
					a, err := p(context.Background(), raw)
					if err != nil {
						b.Error(err)
						continue
					}
					if !assign {
						continue
					}
					a.ID = fmt.Sprintf("%02x%022x", workers, next.Add(1)) // unique in every run on this server
					if _, err := tr.Assign(context.Background(), &a); err != nil {
						b.Error(err)
					}
				}
			})
		}
		for _, raw := range raws {
			work <- raw
		}
		close(work)
		wg.Wait()
		if b.Failed() {
			b.FailNow()
		}
		return bench.CPUTime() - c0, srv.cpu(b) - s0
	}
	pass(true) // warm up: the first articles of a bucket cost what no later one does
	b.ResetTimer()
	var alone, with, server time.Duration
	for n := 0; n < b.N; n++ {
		// Alternate which pass goes first so that a neighbour's load does
		// not always fall on the same one.
		if n%2 == 0 {
			c, _ := pass(false)
			alone += c
			c, s := pass(true)
			with, server = with+c, server+s
		} else {
			c, s := pass(true)
			with, server = with+c, server+s
			c, _ = pass(false)
			alone += c
		}
	}
	per := float64(b.N * len(raws))
	us := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1e3 / per }
	b.ReportMetric(us(alone), "µs-cpu-enrich/article")
	b.ReportMetric(us(with-alone), "µs-cpu-story/article")
	b.ReportMetric(us(server), "µs-cpu-server/article")
	b.ReportMetric(100*float64(with-alone)/float64(alone), "%-of-enrich")
	b.ReportMetric(100*float64(with-alone+server)/float64(alone), "%-of-enrich+server")
}
