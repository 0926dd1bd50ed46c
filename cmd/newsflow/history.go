package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/service"
	"github.com/newsflow/newsflow/services/store/store"
)

// errNoVersion: the version asked for is not kept.
var errNoVersion = errors.New("no such version kept")

func cmdHistory(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("history", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	show := fs.String("show", "", "print the kept version VERSION (its number in the list) as an article that 'newsflow drop -' takes back")
	asJSON := fs.Bool("json", false, "print the kept versions as JSON, one a line")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: newsflow history [--json | --show VERSION] ARTICLE_ID\n\nLists the versions of an article that later versions replaced, which the store keeps\n(STORE_KEEP_VERSIONS, default 10) in the collection MONGO_COLLECTION + \"_versions\".\nTo bring one back: newsflow history --show VERSION ID | newsflow drop -\nReads MONGO_URI as the services do.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		if fs.NArg() > 1 {
			return strayArgs(e, fs)
		}
		fs.Usage()
		return errUsage
	}
	if *show != "" && *asJSON {
		fmt.Fprintln(e.stderr, "history: --show and --json exclude each other")
		return errUsage
	}
	id := fs.Arg(0)
	if !article.ValidID(id) {
		// (A mistyped id would otherwise read as an article with no
		// versions kept.)
		fmt.Fprintf(e.stderr, "history: %q is no article id (24 hexadecimal characters, as tail and the documents show them)\n", id)
		return errUsage
	}
	n := 0
	if *show != "" {
		if n, _ = strconv.Atoi(*show); n < 1 {
			fmt.Fprintf(e.stderr, "history: --show %q: a version's number in the list (1 is the last replaced)\n", *show)
			return errUsage
		}
	}
	scfg, mc, err := connectStore(ctx, e, "newsflow-history")
	if err != nil {
		return err
	}
	defer func() { _ = mc.Disconnect(context.WithoutCancel(ctx)) }()
	vs, err := store.ReadVersions(ctx, mc.Database(scfg.Database).Collection(scfg.Collection+store.VersionsSuffix), id)
	if err != nil {
		return err
	}
	switch {
	case n > 0:
		if n > len(vs) {
			return fmt.Errorf("history: version %d of %s: %w (%d kept)", n, id, errNoVersion, len(vs))
		}
		old := vs[n-1].Article
		// The store keeps the version published last: a replacing version
		// dated later (a hostile one, or a correction) would refuse the
		// old text dated earlier, so the old text takes the later date.
		var cur article.Article
		err := mc.Database(scfg.Database).Collection(scfg.Collection).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&cur)
		if err != nil && !errors.Is(err, mongo.ErrNoDocuments) {
			return fmt.Errorf("read stored %s: %w", id, err)
		}
		if cur.PublishedAt != nil && (old.PublishedAt == nil || cur.PublishedAt.After(*old.PublishedAt)) {
			old.PublishedAt = cur.PublishedAt
		}
		d := droppable(old)
		// A field the parser leaves aside makes each restore's bytes new:
		// the same text restored a second time (after a second hostile
		// update) would otherwise be a duplicate of the first restore.
		d["restored_at"] = time.Now().UTC().Format(time.RFC3339Nano)
		return json.NewEncoder(e.stdout).Encode(d)
	case *asJSON:
		enc := json.NewEncoder(e.stdout)
		for _, v := range vs {
			if err := enc.Encode(v); err != nil {
				return err
			}
		}
		return nil
	}
	if len(vs) == 0 {
		fmt.Fprintf(e.stdout, "no replaced versions of %s kept\n", id)
		return nil
	}
	fmt.Fprintf(e.stdout, "%-3s  %-20s  %-20s  %6s  %s\n", "#", "INGESTED", "REPLACED", "WORDS", "HEADLINE")
	for i, v := range vs {
		first := "" // the article as first stored, which the bound on versions keeps
		if v.First {
			first = " (first stored)"
		}
		fmt.Fprintf(e.stdout, "%-3d  %-20s  %-20s  %6d  %s%s\n", i+1,
			time.Unix(0, v.Version).UTC().Format(time.RFC3339), v.ReplacedAt.UTC().Format(time.RFC3339),
			len(strings.Fields(v.Article.Body)), clip(v.Article.Headline, 60), first)
	}
	return nil
}

// connectStore reads the store's settings from the environment
// (storeConfigFromEnv), connects to its database under the application
// name app and checks that the server answers, so that a wrong address is
// said as such rather than as the driver's topology.
func connectStore(ctx context.Context, e env, app string) (store.Config, *mongo.Client, error) {
	scfg, err := storeConfigFromEnv(e.getenv)
	if err != nil {
		return scfg, nil, fmt.Errorf("config: %w", err)
	}
	mc, err := mongo.Connect(options.Client().ApplyURI(scfg.URI).SetServerSelectionTimeout(10 * time.Second).SetAppName(app))
	if err != nil {
		return scfg, nil, fmt.Errorf("connect mongo: %w", err)
	}
	if err := mc.Ping(ctx, nil); err != nil {
		_ = mc.Disconnect(context.WithoutCancel(ctx))
		if ctx.Err() != nil {
			return scfg, nil, ctx.Err()
		}
		return scfg, nil, fmt.Errorf("connect mongo %s: %w (is the database running there? newsflow up prints its URI; MONGO_URI or MONGO_HOST chooses it)", store.RedactURI(scfg.URI), err)
	}
	return scfg, mc, nil
}

// storeConfigFromEnv reads the store's settings as the store service does:
// MONGO_URI, else the URI MONGO_HOST, MONGO_USER and MONGO_PASSWORD(_FILE)
// build, and the rest.
func storeConfigFromEnv(getenv func(string) string) (store.Config, error) {
	getenv, err := service.WithMongoURI(getenv)
	if err != nil {
		return store.Config{}, err
	}
	return store.ConfigFromEnv(getenv)
}

// droppable is what 'newsflow drop' needs of a kept version to ingest it
// again as the newest: its text, URL (which gives the same id), date and
// the fields the parser reads from a JSON article.
func droppable(a article.Article) map[string]any {
	m := map[string]any{"headline": a.Headline, "body": bodyHTML(a.Body)}
	for k, v := range map[string]string{"url": a.URL, "subheadline": a.Subheadline, "byline": a.Byline, "description": a.Description, "site_name": a.SiteName, "caption": a.Caption} {
		if v != "" {
			m[k] = v
		}
	}
	if len(a.Tags) > 0 {
		m["tags"] = a.Tags
	}
	// (To the nanosecond: a date cut to the second would lose to the
	// stored one it was meant to equal.)
	if a.PublishedAt != nil {
		m["published_at"] = a.PublishedAt.UTC().Format(time.RFC3339Nano)
	}
	return m
}

// bodyHTML writes a stored body as the HTML the parser reads back to the
// same text: a plain string that mentions a tag ("text between <script>
// and </script>") would be read as HTML and lose the words between. (A
// stored body's paragraphs hold no line breaks: the parser joined them.)
func bodyHTML(body string) string {
	var b strings.Builder
	for _, p := range strings.Split(body, "\n\n") {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>\n")
	}
	return b.String()
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
