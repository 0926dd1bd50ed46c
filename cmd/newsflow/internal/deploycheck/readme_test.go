package deploycheck

import (
	"context"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// TestReadmeQueries runs the README's mongosh queries, written with the
// driver, on the embedded server of 'newsflow up' (FerretDB), which the
// README's first commands point mongosh at. The positional projection
// {"quotes.$": 1} it showed before fails there ("couldn't find a matching
// element"), an $elemMatch projection is not implemented, and $unwind
// drops the other fields; projecting the whole quotes array works on
// FerretDB and MongoDB alike.
func TestReadmeQueries(t *testing.T) {
	readme := readFile(t, "README.md")
	for _, q := range []string{
		`db.articles.find({"entities.name": "Mike Pompeo"}).sort({published_at: -1})`,
		`db.articles.find({"quotes.speaker": "State Department spokeswoman"}, {headline: 1, quotes: 1})`,
	} {
		if !strings.Contains(readme, q) {
			t.Errorf("README lacks the query this test runs: %s", q)
		}
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: "127.0.0.1:0"}, Handler: "sqlite",
		SQLiteURL: "file:" + t.TempDir() + "/",
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = f.Run(ctx) })
	defer func() { cancel(); wg.Wait() }()
	c, err := mongo.Connect(options.Client().ApplyURI(f.MongoDBURI()))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Disconnect(context.Background())
	coll := c.Database("newsflow").Collection("articles")
	qctx, qcancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer qcancel()
	const who = "State Department spokeswoman"
	docs := []any{
		bson.D{{Key: "_id", Value: "a1"}, {Key: "headline", Value: "Talks resume"}, {Key: "published_at", Value: "2019-01-02"},
			{Key: "entities", Value: bson.A{bson.D{{Key: "name", Value: "Mike Pompeo"}}}},
			{Key: "quotes", Value: bson.A{
				bson.D{{Key: "text", Value: "We are hopeful."}, {Key: "speaker", Value: "Mike Pompeo"}},
				bson.D{{Key: "text", Value: "Talks will go on."}, {Key: "speaker", Value: who}},
			}}},
		bson.D{{Key: "_id", Value: "a2"}, {Key: "headline", Value: "Other news"}, {Key: "published_at", Value: "2019-01-03"},
			{Key: "entities", Value: bson.A{bson.D{{Key: "name", Value: "Mike Pompeo"}}}},
			{Key: "quotes", Value: bson.A{bson.D{{Key: "text", Value: "No comment."}, {Key: "speaker", Value: "a minister"}}}}},
	}
	if _, err := coll.InsertMany(qctx, docs); err != nil {
		t.Fatal(err)
	}

	cur, err := coll.Find(qctx, bson.D{{Key: "entities.name", Value: "Mike Pompeo"}}, options.Find().SetSort(bson.D{{Key: "published_at", Value: -1}}))
	if err != nil {
		t.Fatal(err)
	}
	var all []bson.M
	if err := cur.All(qctx, &all); err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0]["_id"] != "a2" {
		t.Errorf("first query: %v, want a2 then a1", all)
	}

	cur, err = coll.Find(qctx, bson.D{{Key: "quotes.speaker", Value: who}},
		options.Find().SetProjection(bson.D{{Key: "headline", Value: 1}, {Key: "quotes", Value: 1}}))
	if err != nil {
		t.Fatalf("second query: %v", err)
	}
	var got []struct {
		ID       string `bson:"_id"`
		Headline string
		Quotes   []struct{ Text, Speaker string }
		Entities []any
	}
	if err := cur.All(qctx, &got); err != nil {
		t.Fatalf("second query: %v", err)
	}
	if len(got) != 1 || got[0].ID != "a1" || got[0].Headline != "Talks resume" || len(got[0].Quotes) != 2 ||
		got[0].Quotes[1].Speaker != who || got[0].Entities != nil {
		t.Errorf("second query: %+v, want a1 with its headline and quotes only", got)
	}
}
