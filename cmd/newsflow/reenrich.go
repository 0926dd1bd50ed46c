package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/services/enrich/enrich"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// HeaderRevision carries an enriched article's revision on a re-enrichment.
const HeaderRevision = "Newsflow-Revision"

// reenrichOptions are the flags of reenrich.
type reenrichOptions struct {
	// since keeps the articles ingested at or after it (zero: all).
	since time.Time
	// all re-enriches articles already at the current version too.
	all bool
	// version is the enricher version written (enrich.Version; tests
	// change it to play a rules change).
	version string
	// workers enrich in parallel.
	workers int
	// fanout limits the quote and entity events of each revision.
	fanout fanout.Config
}

func cmdReenrich(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("reenrich", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	since := fs.String("since", "", "only articles ingested in the last DURATION (720h) or since a time (RFC 3339)")
	all := fs.Bool("all", false, "also articles already enriched by the current version ("+enrich.Version+")")
	workers := fs.Int("workers", runtime.NumCPU(), "articles enriched in parallel")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: newsflow reenrich [--since T] [--all] [--workers N]\n\nRuns the stored articles through the current enricher and publishes the results on\narticles.enriched as revisions; the store replaces the documents in place. Reads MONGO_URI\nand NATS_URL as the services do.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		return strayArgs(e, fs)
	}
	if *workers < 1 {
		fmt.Fprintf(e.stderr, "reenrich: --workers %d: at least 1\n", *workers)
		return errUsage
	}
	o := reenrichOptions{all: *all, version: enrich.Version, workers: *workers, fanout: fanout.DefaultConfig()}
	if *since != "" {
		t, err := parseSince(*since, time.Now())
		if err != nil {
			fmt.Fprintln(e.stderr, "reenrich:", err)
			return errUsage
		}
		o.since = t
	}
	return reenrich(ctx, e, o)
}

// reenrichReport counts what a run did.
type reenrichReport struct {
	published, skipped, failed atomic.Int64
	// tried is the documents read and handed on; cut those of them that
	// an interruption stopped (not failures: a rerun does them).
	tried, cut atomic.Int64
}

// dispatch hands the documents next reads to workers running do, until
// next has no more or ctx ends, and counts the outcomes: an error after
// ctx ended counts as cut short, not as failed (the driver goes on
// returning the documents of its batch after a Ctrl-C).
func dispatch(ctx context.Context, workers int, next func() (article.Article, bool, error), do func(article.Article) error) (*reenrichReport, []error) {
	rep := &reenrichReport{}
	docs := make(chan article.Article)
	var wg sync.WaitGroup
	var errMu sync.Mutex
	var errs []error
	fail := func(err error) {
		rep.failed.Add(1)
		errMu.Lock()
		errs = append(errs, err)
		errMu.Unlock()
	}
	for range workers {
		wg.Go(func() {
			for a := range docs {
				switch err := do(a); {
				case err == nil:
					rep.published.Add(1)
				case ctx.Err() != nil:
					rep.cut.Add(1)
				default:
					fail(err)
				}
			}
		})
	}
	for ctx.Err() == nil {
		a, ok, err := next()
		if !ok {
			break
		}
		if err != nil {
			fail(err)
			continue
		}
		select {
		case docs <- a:
			rep.tried.Add(1)
		case <-ctx.Done():
		}
	}
	close(docs)
	wg.Wait()
	return rep, errs
}

// errInterrupted is reenrich's error when ctx ends before it read a
// document (not the driver's "context canceled" on a read).
func errInterrupted(ctx context.Context) error {
	return fmt.Errorf("reenrich: interrupted before reading any document: %w", ctx.Err())
}

// reenrich reads the stored articles o selects, enriches each again and
// publishes it with revision+1 on articles.enriched, and its quote and
// entity events when a stream takes them. A revision's message ids name
// the revision, so a run interrupted and started again publishes nothing
// twice: an article the store has written already is at the current
// version and skipped; one published but not yet stored gets the same
// ids, which the stream drops.
func reenrich(ctx context.Context, e env, o reenrichOptions) error {
	if err := o.fanout.Validate(); err != nil {
		return err
	}
	scfg, mc, err := connectStore(ctx, e, "newsflow-reenrich")
	if err != nil {
		if ctx.Err() != nil {
			return errInterrupted(ctx)
		}
		return err
	}
	defer func() { _ = mc.Disconnect(context.WithoutCancel(ctx)) }()
	coll := mc.Database(scfg.Database).Collection(scfg.Collection)
	js, closeConn, err := dialEnv(ctx, e, "newsflow-reenrich")
	if err != nil {
		return err
	}
	defer closeConn()
	if _, err := js.StreamNameBySubject(ctx, jsbus.SubjectEnriched); err != nil {
		if ctx.Err() != nil {
			return errInterrupted(ctx)
		}
		return fmt.Errorf("no stream takes %s (the services create it): %w", jsbus.SubjectEnriched, err)
	}
	withEvents := true
	if _, err := js.StreamNameBySubject(ctx, fanout.QuotePrefix+"x"); err != nil {
		withEvents = false
		fmt.Fprintf(e.stderr, "reenrich: no stream takes %s>: publishing the articles without their quote and entity events\n", fanout.QuotePrefix)
	}

	filter := bson.D{}
	if !o.since.IsZero() {
		filter = append(filter, bson.E{Key: "ingested_at", Value: bson.D{{Key: "$gte", Value: o.since}}})
	}
	selected := filter
	if !o.all {
		selected = append(bson.D{}, filter...)
		selected = append(selected, bson.E{Key: "enricher_version", Value: bson.D{{Key: "$ne", Value: o.version}}})
	}
	// What is skipped is what is already at the version (none with
	// --all: selected is filter); what an interruption leaves unread is
	// counted apart.
	total, err := coll.CountDocuments(ctx, filter)
	chosen := total
	if err == nil && !o.all {
		chosen, err = coll.CountDocuments(ctx, selected)
	}
	if ctx.Err() != nil {
		return errInterrupted(ctx)
	}
	if err != nil {
		return fmt.Errorf("count documents: %w", err)
	}
	atVersion := total - chosen
	cur, err := coll.Find(ctx, selected, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		if ctx.Err() != nil {
			return errInterrupted(ctx)
		}
		return fmt.Errorf("read documents: %w", err)
	}
	defer cur.Close(context.WithoutCancel(ctx))

	local, err := pipeline.NewLocal(parse.Config{})
	if err != nil {
		return err
	}
	next := func() (article.Article, bool, error) {
		if !cur.Next(ctx) {
			return article.Article{}, false, nil
		}
		var d storedDoc
		if err := cur.Decode(&d); err != nil {
			return article.Article{}, true, fmt.Errorf("decode document: %w", err)
		}
		return d.article(), true, nil
	}
	rep, errs := dispatch(ctx, o.workers, next, func(a article.Article) error {
		return reenrichOne(ctx, js, local.Enricher, a, o, withEvents)
	})
	if err := cur.Err(); err != nil && ctx.Err() == nil {
		errs = append(errs, fmt.Errorf("read documents: %w", err))
	}
	rep.skipped.Store(atVersion)
	unread := ""
	if left := chosen - rep.tried.Load() + rep.cut.Load(); left > 0 {
		unread = fmt.Sprintf(", %d not done (interrupted)", left)
	}
	fmt.Fprintf(e.stdout, "reenrich: %d articles published as revisions (enricher %s), %d skipped (already at %s), %d failed%s\n",
		rep.published.Load(), o.version, rep.skipped.Load(), o.version, rep.failed.Load(), unread)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return errors.Join(errs...)
}

// storedDoc is a document as the store writes it: the article and its
// version, ingested_at in nanoseconds.
type storedDoc struct {
	article.Article `bson:",inline"`
	Version         int64 `bson:"_version"`
}

// article returns the stored article with its ingest time to the
// nanosecond: a BSON date keeps milliseconds, and the store replaces a
// document only with a version (ingested_at in ns) at least the stored
// one, so a revision must carry the exact time to replace it in place.
func (d storedDoc) article() article.Article {
	a := d.Article
	if d.Version != 0 {
		a.IngestedAt = time.Unix(0, d.Version).UTC()
	}
	return a
}

// reenrichOne enriches one stored article again and publishes the revision.
func reenrichOne(ctx context.Context, js jetstream.JetStream, enr *enrich.Enricher, stored article.Article, o reenrichOptions, withEvents bool) error {
	in := stored
	// The enricher starts from the parsed article, as the pipeline does.
	in.Entities, in.Quotes, in.Countries, in.EnrichedAt = nil, nil, nil, nil
	out, err := enr.Enrich(ctx, in)
	if err != nil {
		return fmt.Errorf("enrich %s: %w", stored.ID, err)
	}
	// Copies and stories are the story tracker's, not the enricher's:
	// they keep what the stored article has.
	out.DuplicateOf, out.Similarity, out.StoryID = stored.DuplicateOf, stored.Similarity, stored.StoryID
	out.EnricherVersion, out.Revision = o.version, stored.Revision+1
	data, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("encode %s: %w", out.ID, err)
	}
	if withEvents {
		// The events first: once the article is stored at the current
		// version a rerun skips it, so its events must be out by then.
		evs, err := fanout.Events(out, o.fanout)
		if err != nil {
			return err
		}
		for _, ev := range evs {
			eo := enrich.FanoutOutput(ev, out.ID)
			eo.Header = nats.Header{}
			eo.Header.Set(jsbus.HeaderArticleID, out.ID)
			eo.Header.Set(HeaderRevision, strconv.Itoa(out.Revision))
			if err := publishOutput(ctx, js, stageReenrich, eo); err != nil {
				return fmt.Errorf("event of %s: %w", out.ID, err)
			}
		}
	}
	ao := jsbus.ArticleOutput(stageReenrich, jsbus.SubjectEnriched, jsbus.TypeEnriched, out.ID, out.Source.SHA256, data)
	ao.MsgID = revisionMsgID(out)
	ao.Header.Set(HeaderRevision, strconv.Itoa(out.Revision))
	if err := publishOutput(ctx, js, stageReenrich, ao); err != nil {
		return fmt.Errorf("article %s: %w", out.ID, err)
	}
	return nil
}

// stageReenrich names re-enrichment as the source of its events.
const stageReenrich = "reenrich"

// publishOutput publishes o as the consume loop does, with its CloudEvents
// headers (source: the command, stage) and its message id, and waits for
// the stream's ack.
func publishOutput(ctx context.Context, js jetstream.JetStream, stage string, o jsbus.Output) error {
	_, err := jsbus.NewPublisher(js).Publish(ctx, o.Subject, o.MsgID, o.Data, jsbus.EventHeader(stage, o, time.Now()))
	return err
}

// revisionMsgID is the Nats-Msg-Id of a re-enriched article: the stage
// message id of the article version with the revision, so a rerun of an
// interrupted reenrich publishes the same id.
func revisionMsgID(a article.Article) string {
	return jsbus.MsgID("reenrich", a.ID, a.Source.SHA256) + ":r" + strconv.Itoa(a.Revision)
}
