package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/service"
	"github.com/newsflow/newsflow/services/ingest/parse"
	"github.com/newsflow/newsflow/services/store/store"
)

// errNoVersion: the version asked for is not kept.
var errNoVersion = errors.New("no such version kept")

func cmdHistory(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("history", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	show := fs.String("show", "", "print the kept version VERSION (its number in the list) as an article that 'newsflow drop -' takes back")
	asJSON := fs.Bool("json", false, "print the kept versions as JSON, one a line")
	restore := fs.String("restore", "", "publish the kept version VERSION as the article's newest version, through enrich and the store, under the same id (any article, also a feed item without a link or a text without a URL, which --show and drop give a new id); needs the rights to publish articles.parsed (the operator)")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: newsflow history [--json | --show VERSION | --restore VERSION] ARTICLE_ID\n\nLists the versions of an article that later versions replaced, and those dropped later\nbut refused for an earlier date (a correction behind a hostile update), which the store keeps\n(STORE_KEEP_VERSIONS, default 10) in the collection MONGO_COLLECTION + \"_versions\".\nTo bring one back: newsflow history --show VERSION ID | newsflow drop - (an article with a URL),\nor newsflow history --restore VERSION ID (any article; reads NATS_URL too).\nReads MONGO_URI as the services do.")
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
	modes := 0
	for _, on := range []bool{*show != "", *asJSON, *restore != ""} {
		if on {
			modes++
		}
	}
	if modes > 1 {
		fmt.Fprintln(e.stderr, "history: --show, --json and --restore exclude each other")
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
	flag, v := "--show", *show
	if *restore != "" {
		flag, v = "--restore", *restore
	}
	if v != "" {
		if n, _ = strconv.Atoi(v); n < 1 {
			fmt.Fprintf(e.stderr, "history: %s %q: a version's number in the list (1 is the last replaced)\n", flag, v)
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
		if *restore != "" {
			return restoreVersion(ctx, e, old)
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
		switch {
		case v.First:
			first = " (first stored)"
		case v.Refused:
			// (REPLACED is then when it lost.)
			first = " (refused: dropped later but dated before the stored version; --restore brings it back)"
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

// restoreVersion publishes a kept version as a parsed article under its
// own id, ingested now, so that enrich and the store take it as the
// article's newest version: unlike 'drop', which gives an article without
// a URL the id of its text (or its feed and guid, which a kept version
// does not hold), it keeps the id of any article.
func restoreVersion(ctx context.Context, e env, old article.Article) error {
	a := article.Article{
		SchemaVersion: article.SchemaVersion, ID: old.ID, URL: old.URL,
		Headline: old.Headline, Subheadline: old.Subheadline, Byline: old.Byline, Caption: old.Caption,
		Description: old.Description, SiteName: old.SiteName, Dateline: old.Dateline, PublishedAt: old.PublishedAt,
		IngestedAt: time.Now().UTC(), Tags: old.Tags, Language: old.Language, Body: old.Body, Source: old.Source,
		Entities: []article.Entity{}, Quotes: []article.Quote{},
	}
	if a.Tags == nil {
		a.Tags = []string{}
	}
	// The restore is an input of its own: the stages' message ids come
	// from the article's id and its input's hash, and the old version's
	// hash would make enrich's output a duplicate of the old one's.
	tag := randomTag()
	a.Source.SHA256 = article.HashBytes([]byte("restore:" + a.ID + ":" + tag + ":" + a.Source.SHA256))
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("history: encode %s: %w", a.ID, err)
	}
	js, closeConn, err := dialEnv(ctx, e, "newsflow-history")
	if err != nil {
		return err
	}
	defer closeConn()
	o := jsbus.ArticleOutput("restore", jsbus.SubjectParsed, jsbus.TypeParsed, a.ID, a.Source.SHA256, data)
	o.MsgID = "restore:" + a.ID + ":" + tag
	if err := publishOutput(ctx, js, "restore", o); err != nil {
		return fmt.Errorf("history: restore %s: %w", a.ID, err)
	}
	fmt.Fprintf(e.stdout, "restored %s %s: published as its newest version (enrich and the store take it from here)\n", safeLine(a.ID), safeLine(strconv.Quote(a.Headline)))
	return nil
}

// droppable is what 'newsflow drop' needs of a kept version to ingest it
// again as the newest: its text, URL (which gives the same id), date and
// the fields the parser reads from a JSON article.
func droppable(a article.Article) map[string]any {
	m := map[string]any{"headline": a.Headline, "body": parse.BodyHTML(a.Body)}
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

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
