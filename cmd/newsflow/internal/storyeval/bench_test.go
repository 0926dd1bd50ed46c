package storyeval

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/bench"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/enrich/story"
)

// enriched returns the corpus articles parsed and enriched.
func enriched(b *testing.B) []article.Article {
	b.Helper()
	p := process(b)
	var arts []article.Article
	for _, r := range rows(b) {
		a, err := p(context.Background(), r.Title+"\n\n"+r.Text+"\n")
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

// BenchmarkStoryShare compares, per article, the in-process work of copy
// and story recognition (the record and its decision) with parse and
// enrich, in CPU time: the bound is 5 % of enrich's time. The shared state's
// round trip is measured apart (BenchmarkTrackerAssign).
//
//	cd cmd/newsflow && go test -run '^$' -bench StoryShare ./internal/storyeval/
func BenchmarkStoryShare(b *testing.B) {
	rs := rows(b)
	p := process(b)
	raws := make([]string, len(rs))
	for i, r := range rs {
		raws[i] = r.Title + "\n\n" + r.Text + "\n"
	}
	arts := enriched(b)
	c := story.Config{}.WithDefaults()
	b.ResetTimer()
	var enrich, stories time.Duration
	for n := 0; n < b.N; n++ {
		ix, err := story.NewIndex(c)
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		t0 := bench.CPUTime()
		for _, raw := range raws {
			if _, err := p(context.Background(), raw); err != nil {
				b.Fatal(err)
			}
		}
		t1 := bench.CPUTime()
		for i := range arts {
			ix.Apply(uint64(i+1), story.NewRecord(&arts[i], c))
		}
		t2 := bench.CPUTime()
		enrich += t1 - t0
		stories += t2 - t1
	}
	per := float64(b.N * len(arts))
	b.ReportMetric(float64(enrich.Microseconds())/per, "µs-cpu-parse+enrich/article")
	b.ReportMetric(float64(stories.Microseconds())/per, "µs-cpu-story/article")
	b.ReportMetric(100*float64(stories)/float64(enrich), "%-of-enrich")
}

// BenchmarkStoryShareWithBucket is BenchmarkStoryShare with the shared
// state in the loop: each article is parsed and enriched, then assigned
// through a Tracker on a real server in this process (so the server's CPU
// counts against the stories), alternately, so that both see the same load.
//
//	cd cmd/newsflow && go test -run '^$' -bench StoryShareWithBucket -benchtime 3x ./internal/storyeval/
func BenchmarkStoryShareWithBucket(b *testing.B) {
	rs := rows(b)
	p := process(b)
	url := startJetStream(b)
	tr, _ := instance(b, url)
	defer tr.Close()
	b.ResetTimer()
	var enrich, stories time.Duration
	k := 0
	for n := 0; n < b.N; n++ {
		for _, r := range rs {
			t0 := bench.CPUTime()
			a, err := p(context.Background(), r.Title+"\n\n"+r.Text+"\n")
			if err != nil {
				b.Fatal(err)
			}
			t1 := bench.CPUTime()
			a.ID = fmt.Sprintf("%024x", k) // a new article each time
			k++
			if _, err := tr.Assign(context.Background(), &a); err != nil {
				b.Fatal(err)
			}
			t2 := bench.CPUTime()
			enrich += t1 - t0
			stories += t2 - t1
		}
	}
	per := float64(k)
	b.ReportMetric(float64(enrich.Microseconds())/per, "µs-cpu-parse+enrich/article")
	b.ReportMetric(float64(stories.Microseconds())/per, "µs-cpu-story/article")
	b.ReportMetric(100*float64(stories)/float64(enrich), "%-of-enrich")
}

// BenchmarkTrackerAssign measures one article's record written to the
// bucket and its decision read back through the replay, on a real server
// in this process, in wall time and in CPU time (client and server).
func BenchmarkTrackerAssign(b *testing.B) {
	url := startJetStream(b)
	tr, _ := instance(b, url)
	defer tr.Close()
	arts := enriched(b)
	b.ResetTimer()
	c0 := bench.CPUTime()
	for n := 0; n < b.N; n++ {
		a := arts[n%len(arts)]
		a.ID = fmt.Sprintf("%024x", n) // a new article each time
		if _, err := tr.Assign(context.Background(), &a); err != nil {
			b.Fatal(err)
		}
	}
	// The server runs in this process: its share of the work counts too.
	b.ReportMetric(float64((bench.CPUTime()-c0).Microseconds())/float64(b.N), "µs-cpu/op")
}

// BenchmarkBucketAt100k fills the bucket with 100,000 records (the corpus
// articles under new ids) through one Tracker and reports the bucket's
// bytes and the Go heap held by the instance's index. Run once:
//
//	cd cmd/newsflow && go test -run '^$' -bench BucketAt100k -benchtime 1x -timeout 30m ./internal/storyeval/
func BenchmarkBucketAt100k(b *testing.B) {
	const n = 100_000
	url := startJetStream(b)
	tr, nc := instance(b, url)
	defer tr.Close()
	arts := enriched(b)
	runtime.GC()
	var m0 runtime.MemStats
	runtime.ReadMemStats(&m0)
	b.ResetTimer()
	for i := 0; i < n; i++ {
		a := arts[i%len(arts)]
		a.ID = fmt.Sprintf("%024x", i)
		if _, err := tr.Assign(context.Background(), &a); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	var m1 runtime.MemStats
	runtime.ReadMemStats(&m1)
	js, err := jetstream.New(nc)
	if err != nil {
		b.Fatal(err)
	}
	st, err := js.Stream(context.Background(), "KV_"+story.Config{}.WithDefaults().Bucket)
	if err != nil {
		b.Fatal(err)
	}
	info, err := st.Info(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(info.State.Bytes)/(1<<20), "MiB-bucket")
	b.ReportMetric(float64(info.State.Bytes)/n, "B/record")
	b.ReportMetric(float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc))/(1<<20), "MiB-index-heap")
	if tr.Len() != n {
		b.Errorf("index holds %d records, want %d", tr.Len(), n)
	}
}

// BenchmarkRecordAndDecide is the in-process story work alone, per
// article: the record computed from an enriched article, encoded and
// decoded as the shared state carries it, and decided in an index holding
// the corpus so far (each op one article; the index starts anew after
// every pass over the corpus).
//
//	cd cmd/newsflow && go test -run '^$' -bench RecordAndDecide -benchmem ./internal/storyeval/
func BenchmarkRecordAndDecide(b *testing.B) {
	arts := enriched(b)
	c := story.Config{}.WithDefaults()
	ix, err := story.NewIndex(c)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	b.ResetTimer()
	c0 := bench.CPUTime()
	for n := 0; n < b.N; n++ {
		i := n % len(arts)
		if i == 0 && n > 0 {
			b.StopTimer()
			ix, _ = story.NewIndex(c)
			b.StartTimer()
		}
		rec, err := story.RoundTrip(story.NewRecord(&arts[i], c))
		if err != nil {
			b.Fatal(err)
		}
		ix.Apply(uint64(n+1), rec)
	}
	b.ReportMetric(float64((bench.CPUTime()-c0).Microseconds())/float64(b.N), "µs-cpu/op")
}
