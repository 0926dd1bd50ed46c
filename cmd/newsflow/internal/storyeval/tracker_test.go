package storyeval

import (
	"context"
	"errors"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/natstest"
	"github.com/newsflow/newsflow/services/enrich/story"
)

// startJetStream runs one real NATS server with JetStream for the test.
func startJetStream(t testing.TB) string {
	t.Helper()
	return natstest.Start(t).ClientURL()
}

// instance is one enrich instance's tracker on its own connection.
func instance(t testing.TB, url string) (*story.Tracker, *nats.Conn) {
	t.Helper()
	return instanceWith(t, url, story.Config{})
}

// instanceWith is instance with the given config.
func instanceWith(t testing.TB, url string, cfg story.Config) (*story.Tracker, *nats.Conn) {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tr, err := story.NewTracker(ctx, js, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return tr, nc
}

// TestTrackersAgreeUnderConcurrency: two instances assign a generated set
// of originals and copies at the same time, from many goroutines each. Each
// article's decision must be the same whichever instance is asked, every
// copy must point at a first-seen article of its own family, a redelivered
// article keeps its decision, and an instance started afterwards replays
// the same decisions.
func TestTrackersAgreeUnderConcurrency(t *testing.T) {
	url := startJetStream(t)

	samples := Generate(rows(t), 20, 3)
	p := process(t)
	arts := make([]article.Article, len(samples))
	fam := map[string]int{}
	for i, s := range samples {
		x, err := p(context.Background(), s.Raw)
		if err != nil {
			t.Fatal(err)
		}
		arts[i] = x
		fam[x.ID] = s.Family
	}
	a, nca := instance(t, url)
	b, ncb := instance(t, url)
	order := rand.New(rand.NewPCG(5, 6)).Perm(len(arts))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var mu sync.Mutex
	got := map[string]story.Decision{}
	var wg sync.WaitGroup
	work := make(chan int)
	for w := 0; w < 16; w++ {
		tr := a
		if w%2 == 1 {
			tr = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				d, err := tr.Assign(ctx, &arts[i])
				if err != nil {
					t.Error(err)
					continue
				}
				mu.Lock()
				got[arts[i].ID] = d
				mu.Unlock()
			}
		}()
	}
	for _, i := range order {
		work <- i
	}
	close(work)
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}

	links, wrong := 0, 0
	for id, d := range got {
		if d.DuplicateOf == "" {
			if d.StoryID == "" {
				t.Errorf("%s: no story id", id)
			}
			continue
		}
		links++
		if fam[d.DuplicateOf] != fam[id] {
			wrong++
		}
		if o := got[d.DuplicateOf]; o.DuplicateOf != "" {
			t.Errorf("%s is a copy of %s, itself a copy of %s: want the first-seen article", id, d.DuplicateOf, o.DuplicateOf)
		}
		if d.StoryID != got[d.DuplicateOf].StoryID {
			t.Errorf("copy %s is in story %s, its original in %s", id, d.StoryID, got[d.DuplicateOf].StoryID)
		}
	}
	if want := len(arts) - 20; links < want*9/10 || wrong > 0 {
		t.Errorf("%d copies linked (%d wrongly), want about %d and none wrong", links, wrong, want)
	}

	// The same decisions from either instance, again (a redelivery), and
	// from an instance that starts now and replays the bucket.
	c, ncc := instance(t, url)
	for _, tr := range []*story.Tracker{a, b, c} {
		for i := range arts {
			d, err := tr.Assign(ctx, &arts[i])
			if err != nil {
				t.Fatal(err)
			}
			if d != got[arts[i].ID] {
				t.Fatalf("article %s: %+v now, %+v first", arts[i].ID, d, got[arts[i].ID])
			}
		}
	}
	t.Logf("%d articles, %d copies linked, agreed by three instances", len(arts), links)

	for _, tr := range []*story.Tracker{a, b, c} {
		if err := tr.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Assign(ctx, &arts[0]); !errors.Is(err, story.ErrClosed) {
		t.Errorf("assign after close: %v, want ErrClosed", err)
	}
	for _, nc := range []*nats.Conn{nca, ncb, ncc} {
		nc.Close()
	}
	// The server's own goroutines come and go with its streams: look for
	// ours and the client's by name.
	var stacks string
	checkFor(t, 5*time.Second, func() bool {
		buf := make([]byte, 1<<20)
		stacks = string(buf[:runtime.Stack(buf, true)])
		return !strings.Contains(stacks, "services/enrich/story.") && !strings.Contains(stacks, "nats-io/nats.go.")
	})
	if strings.Contains(stacks, "services/enrich/story.") || strings.Contains(stacks, "nats-io/nats.go.") {
		t.Errorf("goroutines left after close:\n%s", stacks)
	}
}

// checkFor polls f until it holds or the time is up.
func checkFor(t *testing.T, total time.Duration, f func() bool) {
	t.Helper()
	deadline := time.Now().Add(total)
	for !f() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
}

// TestTrackersAgreeOnSimultaneousCopies: for each of 30 families, two
// near-duplicates (the original and a variant, or two variants) are
// assigned at the same instant, one through each of two instances on one
// real server, released together by a barrier; in another round the same
// article reaches both instances at once (a redelivery race). Both
// instances, and a third started afterwards, must give every article the
// same decision, and of each simultaneous pair exactly one is first.
func TestTrackersAgreeOnSimultaneousCopies(t *testing.T) {
	url := startJetStream(t)
	samples := Generate(rows(t), 30, 7)
	perFam := len(Variants) + 1
	arts := enrichSamples(t, samples)
	a, _ := instance(t, url)
	b, _ := instance(t, url)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	type pair struct{ x, y int } // indexes into arts, x to a and y to b
	var pairs []pair
	for f := 0; f*perFam < len(arts); f++ {
		base := f * perFam
		pairs = append(pairs, pair{base, base + 1 + f%len(Variants)}) // original and a variant
		pairs = append(pairs, pair{base + 2, base + 2})               // one article on both at once
	}
	got := map[*story.Tracker]map[string]story.Decision{a: {}, b: {}}
	var mu sync.Mutex
	for _, pr := range pairs {
		start := make(chan struct{})
		var wg sync.WaitGroup
		for _, job := range []struct {
			tr *story.Tracker
			i  int
		}{{a, pr.x}, {b, pr.y}} {
			wg.Go(func() {
				<-start
				d, err := job.tr.Assign(ctx, &arts[job.i])
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				got[job.tr][arts[job.i].ID] = d
				mu.Unlock()
			})
		}
		close(start)
		wg.Wait()
	}
	if t.Failed() {
		t.FailNow()
	}
	c, _ := instance(t, url)
	firsts := 0
	for _, pr := range pairs {
		x, y := arts[pr.x].ID, arts[pr.y].ID
		for _, id := range []string{x, y} {
			want, err := a.Assign(ctx, &arts[pr.x])
			if id == y {
				want, err = b.Assign(ctx, &arts[pr.y])
			}
			if err != nil {
				t.Fatal(err)
			}
			for name, tr := range map[string]*story.Tracker{"a": a, "b": b, "c": c} {
				i := pr.x
				if id == y {
					i = pr.y
				}
				d, err := tr.Assign(ctx, &arts[i])
				if err != nil {
					t.Fatal(err)
				}
				if d != want {
					t.Errorf("%s: instance %s says %+v, the other %+v", id, name, d, want)
				}
			}
		}
		if x == y {
			if got[a][x] != got[b][x] {
				t.Errorf("%s assigned on both at once: %+v and %+v", x, got[a][x], got[b][x])
			}
			continue
		}
		dx, dy := got[a][x], got[b][y]
		switch {
		case dx.DuplicateOf == "" && dy.DuplicateOf == x:
			firsts++
		case dy.DuplicateOf == "" && dx.DuplicateOf == y:
			firsts++
		default:
			t.Errorf("pair %s / %s: %+v and %+v, want exactly one first and the other its copy", x, y, dx, dy)
		}
	}
	t.Logf("%d simultaneous pairs of copies, each with one first article agreed by three instances", firsts)
	for _, tr := range []*story.Tracker{a, b, c} {
		if err := tr.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTrackerBatchesConcurrentArticles: articles assigned at the same
// moment from many goroutines of one instance go out in fewer messages
// than articles, and each still gets its own decision.
func TestTrackerBatchesConcurrentArticles(t *testing.T) {
	url := startJetStream(t)
	tr, nc := instance(t, url)
	defer tr.Close()
	arts := enrichSamples(t, Generate(rows(t), 8, 3))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range arts {
		wg.Go(func() {
			<-start
			d, err := tr.Assign(ctx, &arts[i])
			if err != nil {
				t.Error(err)
			} else if d.StoryID == "" {
				t.Errorf("%s: no story", arts[i].ID)
			}
		})
	}
	close(start)
	wg.Wait()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	st, err := js.Stream(ctx, "KV_"+story.Config{}.WithDefaults().Bucket)
	if err != nil {
		t.Fatal(err)
	}
	msgs := st.CachedInfo().State.Msgs
	if msgs == 0 || msgs >= uint64(len(arts)) {
		t.Errorf("%d articles at once went out in %d messages, want fewer messages than articles", len(arts), msgs)
	}
	if tr.Len() != len(arts) {
		t.Errorf("index holds %d records, want %d", tr.Len(), len(arts))
	}
}

// TestTrackerServerGone: with the server shut down, Assign returns an
// error (the article is retried) once its record has not come back within
// the tracker's bound, instead of waiting for its context.
func TestTrackerServerGone(t *testing.T) {
	srv := natstest.Start(t) // shut down below, mid-test
	tr, _ := instance(t, srv.ClientURL())
	defer tr.Close()
	p := process(t)
	x, err := p(context.Background(), "Storm reaches coast\n\nThe storm reached the coast of Norland on Monday, officials said, and thousands left their homes.\n")
	if err != nil {
		t.Fatal(err)
	}
	srv.Shutdown()
	srv.WaitForShutdown()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	t0 := time.Now()
	if _, err := tr.Assign(ctx, &x); err == nil {
		t.Fatal("assign with the server gone: no error")
	} else if ctx.Err() != nil {
		t.Errorf("assign waited for its context (%v) instead of failing: %v", time.Since(t0), err)
	}
}

// enrichSamples parses and enriches each generated sample, in order.
func enrichSamples(t *testing.T, samples []Sample) []article.Article {
	t.Helper()
	p := process(t)
	arts := make([]article.Article, len(samples))
	for i, s := range samples {
		x, err := p(context.Background(), s.Raw)
		if err != nil {
			t.Fatal(err)
		}
		arts[i] = x
	}
	return arts
}
