package store

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsflow/newsflow/pkg/article"
)

// startFerretDB runs FerretDB with its SQLite backend (the embedded server
// of 'newsflow up') on a free port, stopped when b ends. It lives in this
// test file only: the store binary never links it.
func startFerretDB(b testing.TB) string {
	b.Helper()
	return startFerretDBAt(b, "127.0.0.1:0")
}

// startFerretDBAt runs FerretDB on addr (host:port; port 0 for a free one).
func startFerretDBAt(b testing.TB, addr string) string {
	b.Helper()
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Handler:   "sqlite",
		SQLiteURL: "file:" + b.TempDir() + "/",
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
	})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = f.Run(ctx) })
	b.Cleanup(func() { cancel(); wg.Wait() })
	uri := f.MongoDBURI()
	host := strings.TrimPrefix(uri, "mongodb://")
	host = host[:strings.IndexAny(host+"/", "/?")]
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.Dial("tcp", host)
		if err == nil {
			c.Close()
			return uri
		}
		if time.Now().After(deadline) {
			b.Fatalf("ferretdb not listening at %s: %v", uri, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// benchArticle is an enriched article of the corpus's typical size: a
// 2.4 KB body, a dozen entities with mentions, two quotes.
func benchArticle(id string) *article.Article {
	now := time.Date(2019, 1, 4, 0, 0, 0, 0, time.UTC)
	body := strings.Repeat("An apartment building collapsed on Monday in Magnitogorsk, a city in the Ural region of Russia. ", 25)
	a := &article.Article{
		ID: id, Headline: "Magnitogorsk apartment building collapses after explosion " + id,
		Language: "en", Body: body, PublishedAt: &now, EnrichedAt: &now,
		Tags: []string{"Russia", "Disasters"}, SchemaVersion: article.SchemaVersion,
		Source: article.Source{Format: "text", SHA256: strings.Repeat("ab", 32)},
	}
	for i := range 12 {
		a.Entities = append(a.Entities, article.Entity{
			Name: fmt.Sprintf("Entity %d", i), Type: "GPE", Count: 2,
			Mentions: []article.Mention{{Start: i * 10, End: i*10 + 8, Text: "Entity"}, {Start: i*10 + 100, End: i*10 + 108, Text: "Entity"}},
		})
	}
	a.Quotes = []article.Quote{
		{Text: "presumably between 36 and 40 people under the rubble", Speaker: "Yevgeny Zinichev", Cue: "told", Start: 10, End: 60},
		{Text: "we are working day and night", Speaker: "Oleg Klimov", Cue: "said", Start: 200, End: 230},
	}
	return a
}

func reportDocs(b *testing.B, docs int64) {
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkStoreWrite compares the two ways of writing enriched articles
// into the embedded SQLite-backed server:
//
//   - single-upsert: one ReplaceOne upsert per article, one at a time;
//   - batched: Store.Write from many concurrent handlers (as the store stage
//     runs), which the Store gathers into unordered insertMany calls;
//   - batched-rewrite: 64 concurrent writes of ids that are already stored
//     (redeliveries, articles dropped twice): insertMany reports duplicate
//     keys and the Store replaces those documents in one bulk write.
func BenchmarkStoreWrite(b *testing.B) {
	uri := startFerretDB(b)
	ctx := context.Background()
	cfg := DefaultConfig()
	cfg.URI = uri
	newStore := func(b *testing.B) *Store {
		s, err := New(ctx, cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = s.Close(ctx) })
		return s
	}
	// The indexes of production, created once: the embedded FerretDB
	// (v1.24, SQLite) panics on createIndexes for a second collection.
	if err := newStore(b).EnsureIndexes(ctx); err != nil {
		b.Fatal(err)
	}
	var run atomic.Int64 // distinct ids across runs of a sub-benchmark

	b.Run("single-upsert", func(b *testing.B) {
		s := newStore(b)
		r := run.Add(1)
		var n int64
		for b.Loop() {
			a := benchArticle(fmt.Sprintf("s%d-%d", r, n))
			if _, err := s.coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: a.ID}}, a, options.Replace().SetUpsert(true)); err != nil {
				b.Fatal(err)
			}
			n++
		}
		reportDocs(b, n)
	})

	b.Run("batched", func(b *testing.B) {
		s := newStore(b)
		r := run.Add(1)
		var n atomic.Int64
		b.SetParallelism(128) // as many writers as the store stage has in flight
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				a := benchArticle(fmt.Sprintf("b%d-%d", r, n.Add(1)))
				if err := s.Write(ctx, a); err != nil {
					b.Error(err)
					return
				}
			}
		})
		reportDocs(b, n.Load())
	})

	b.Run("batched-rewrite", func(b *testing.B) {
		// One op is a batch of 64 concurrent writes of ids already stored.
		const ids = 64
		s := newStore(b)
		for i := range ids {
			if err := s.replace(ctx, benchArticle(fmt.Sprintf("r-%d", i))); err != nil {
				b.Fatal(err)
			}
		}
		var n int64
		for b.Loop() {
			var wg sync.WaitGroup
			for i := range ids {
				wg.Go(func() {
					if err := s.Write(ctx, benchArticle(fmt.Sprintf("r-%d", i))); err != nil {
						b.Error(err)
					}
				})
			}
			wg.Wait()
			n += ids
		}
		filter := bson.D{{Key: "_id", Value: bson.D{{Key: "$regex", Value: "^r-"}}}}
		if c, err := s.coll.CountDocuments(ctx, filter); err != nil || c != ids {
			b.Errorf("documents after rewrites: %d (%v), want %d", c, err, ids)
		}
		reportDocs(b, n)
	})
}
