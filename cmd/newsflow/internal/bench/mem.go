package bench

import (
	"bufio"
	"bytes"
	"os"
	"runtime/metrics"
	"strconv"
	"sync"
	"time"
)

// Memory is the peak memory seen over a phase.
type Memory struct {
	// PeakRSSBytes is the largest resident set sampled (VmRSS), or the
	// kernel's high-water mark (VmHWM) when that was reset at the start.
	PeakRSSBytes uint64 `json:"peak_rss_bytes"`
	// PeakHeapBytes is the largest Go heap (live and not yet swept objects).
	PeakHeapBytes uint64 `json:"peak_heap_bytes"`
	// PeakGoTotalBytes is the largest memory mapped by the Go runtime.
	PeakGoTotalBytes uint64 `json:"peak_go_total_bytes"`
	// EndRSSBytes and EndHeapBytes are the last samples.
	EndRSSBytes  uint64 `json:"end_rss_bytes"`
	EndHeapBytes uint64 `json:"end_heap_bytes"`
	// HWMReset reports whether the kernel's high-water mark was reset at the
	// start, so that PeakRSSBytes covers this phase only.
	HWMReset bool `json:"hwm_reset"`
	// Samples is the number of samples taken.
	Samples int `json:"samples"`
}

// Sampler samples the process's memory on a ticker.
type Sampler struct {
	every time.Duration
	stop  chan struct{}
	wg    sync.WaitGroup

	mu  sync.Mutex
	mem Memory
}

// StartSampler resets the kernel's RSS high-water mark if it can and samples
// memory every interval until Stop.
func StartSampler(every time.Duration) *Sampler {
	if every <= 0 {
		every = 50 * time.Millisecond
	}
	s := &Sampler{every: every, stop: make(chan struct{})}
	// Writing 5 to clear_refs resets VmHWM (Linux 4.0+).
	s.mem.HWMReset = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	s.sample()
	s.wg.Go(s.loop)
	return s
}

func (s *Sampler) loop() {
	t := time.NewTicker(s.every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.sample()
		case <-s.stop:
			return
		}
	}
}

var memMetrics = []string{"/memory/classes/heap/objects:bytes", "/memory/classes/total:bytes"}

func (s *Sampler) sample() {
	ms := make([]metrics.Sample, len(memMetrics))
	for i, n := range memMetrics {
		ms[i].Name = n
	}
	metrics.Read(ms)
	heap, total := ms[0].Value.Uint64(), ms[1].Value.Uint64()
	rss, _ := procStatus("VmRSS")
	s.mu.Lock()
	defer s.mu.Unlock()
	m := &s.mem
	m.Samples++
	m.PeakHeapBytes = max(m.PeakHeapBytes, heap)
	m.PeakGoTotalBytes = max(m.PeakGoTotalBytes, total)
	m.PeakRSSBytes = max(m.PeakRSSBytes, rss)
	m.EndRSSBytes, m.EndHeapBytes = rss, heap
}

// Stop takes a last sample, stops the sampler and returns the peaks.
func (s *Sampler) Stop() Memory {
	close(s.stop)
	s.wg.Wait()
	s.sample()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.mem.HWMReset {
		if hwm, ok := procStatus("VmHWM"); ok {
			s.mem.PeakRSSBytes = max(s.mem.PeakRSSBytes, hwm)
		}
	}
	return s.mem
}

// Snapshot returns the peaks so far.
func (s *Sampler) Snapshot() Memory {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.mem
}

// procStatus reads a "kB" field of /proc/self/status in bytes.
func procStatus(field string) (uint64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		k, v, ok := bytes.Cut(sc.Bytes(), []byte(":"))
		if !ok || string(k) != field {
			continue
		}
		v = bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(v), []byte("kB")))
		n, err := strconv.ParseUint(string(v), 10, 64)
		if err != nil {
			return 0, false
		}
		return n << 10, true
	}
	return 0, false
}
