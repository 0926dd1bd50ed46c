package faulttest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

// TestDuplicates drops the same 50 articles three times: twice with
// 'newsflow drop' (the stream drops the repeat by its Nats-Msg-Id) and once
// published without any id, so ingest parses them again and the
// downstream ids must catch them. Then the same articles with other line
// endings (other bytes, the same article ids) replace their documents.
func TestDuplicates(t *testing.T) {
	c := newCluster(t, clusterOptions{})
	const n = 50
	arts := wikinews(t, n)
	dir := writeArticles(t, arts)
	dropped := 0
	out, err := c.dropFiles(nil, dir)
	if err != nil {
		t.Fatal(err)
	}
	dropped += n
	out, err = c.dropFiles(nil, dir)
	if err != nil {
		t.Fatal(err)
	}
	dropped += n
	if got := strings.Count(out, "duplicate "); got != n {
		t.Errorf("second drop: %d reported as duplicate, want %d\n%s", got, n, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for i, a := range arts {
		hdr := nats.Header{}
		hdr.Set(jsbus.HeaderSourceName, fmt.Sprintf("again-%d.txt", i))
		hdr.Set(jsbus.HeaderContentType, "text/plain")
		if _, err := c.js.PublishMsg(ctx, &nats.Msg{Subject: jsbus.SubjectRaw, Data: a, Header: hdr}); err != nil {
			t.Fatal(err)
		}
	}
	dropped += n
	got := c.settle(2*n, 3*time.Minute)
	t.Logf("after three drops: %s", got)
	c.assertExact(got, n, 0)
	dups := dropped - int(got.docs)

	// The same articles as other bytes: an update of each, still one
	// document per article.
	for i, a := range arts {
		crlf := bytes.ReplaceAll(a, []byte("\n"), []byte("\r\n"))
		if _, err := c.publishRaw(ctx, fmt.Sprintf("crlf-%d.txt", i), crlf, "text/plain"); err != nil {
			t.Fatal(err)
		}
	}
	dropped += n
	got = c.settle(3*n, 3*time.Minute)
	t.Logf("after the re-encoded drop: %s", got)
	if got.docs != n || got.complete != n {
		t.Errorf("documents %d (complete %d), want %d", got.docs, got.complete, n)
	}
	if got.enrichedDistinct != n {
		t.Errorf("distinct enriched ids %d, want %d", got.enrichedDistinct, n)
	}
	if got.dead != 0 {
		t.Errorf("dead letters %d", got.dead)
	}
	dups += n
	figures(t, dropped, got, dups, nil)
}

// badInput is one kind of bad input and where it enters the pipeline.
type badInput struct {
	name        string
	subject     string // articles.raw unless set
	contentType string
	data        []byte
	id          string // the article id, for dead letters made downstream of ingest
	stage       string // the stage that must dead-letter it
	reason      string // the reason it must carry ("" = any non-empty)
}

func badInputs() []badInput {
	huge := bytes.Repeat([]byte("A long line of words that never ends.\n\n"), 6<<20/40)
	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(i*7 + i/13)
	}
	raw := func(name, ct string, data []byte, reason string) badInput {
		return badInput{name: name, contentType: ct, data: data, stage: jsbus.StageIngest, reason: reason}
	}
	parsed := func(name string, data string, reason string) badInput {
		return badInput{name: name, subject: jsbus.SubjectParsed, data: []byte(data), stage: jsbus.StageEnrich, reason: reason}
	}
	enriched := func(name string, data string, reason string) badInput {
		return badInput{name: name, subject: jsbus.SubjectEnriched, data: []byte(data), stage: jsbus.StageStore, reason: reason}
	}
	return []badInput{
		raw("empty", "", nil, "empty"),
		raw("whitespace", "text/plain", []byte(" \n\t\r\n   \n"), "empty"),
		raw("binary", "", binary, "binary"),
		raw("png", "", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"), "binary"),
		raw("pdf-as-text", "text/plain", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n"), "binary"),
		raw("huge", "text/plain", huge, "too_large"),
		raw("invalid-utf8", "text/plain", []byte("Headline \x81 here\n\nBody \x8d\x90 bytes that are no encoding at all."), "invalid_utf8"),
		raw("utf16-lone-surrogate", "text/plain", []byte("\xff\xfeH\x00e\x00\x00\xd8"), ""),
		raw("truncated-html", "text/html", []byte("<html><head><title>Broken"), "no_text"),
		raw("html-without-text", "text/html", []byte("<html><body><div><img src=x.png></div><script>var a=1;</script></body></html>"), "no_text"),
		raw("json-wrong-shape", "application/json", []byte(`{"foo": 1, "bar": [1, 2]}`), "bad_json"),
		raw("json-array-of-wrong-shapes", "application/json", []byte(`[1, "x", {"a": 1}, null]`), "bad_json"),
		raw("json-truncated", "application/json", []byte(`{"title": "Half a JSON", "body": "It was cut`), "bad_json"),
		raw("json-null", "application/json", []byte(`null`), "bad_json"),
		raw("json-without-body", "application/json", []byte(`{"title": "A headline without any body"}`), "no_text"),
		raw("empty-json-array", "application/json", []byte(`[]`), "no_items"),
		raw("empty-rss-feed", "application/rss+xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>`), "no_items"),
		raw("broken-rss-feed", "application/rss+xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</ti`), "bad_feed"),
		raw("xml-not-a-feed", "application/xml", []byte(`<?xml version="1.0"?><note><to>T</to></note>`), "unsupported_format"),
		raw("headline-only", "text/plain", []byte("Just a headline"), "no_text"),
		parsed("parsed-not-json", "this is not JSON", "bad_json"),
		parsed("parsed-no-id", `{"headline": "No id", "body": "A parsed article without an id."}`, "no_id"),
		parsed("parsed-wrong-types", `{"id": 7, "body": ["a"]}`, "bad_json"),
		enriched("enriched-not-json", "\x00\x01 not JSON", "bad_json"),
		enriched("enriched-no-id", `{"headline": "No id", "body": "x", "schema_version": 1}`, "no_id"),
		enriched("enriched-wrong-shape", `{"id": "x1", "entities": "none"}`, "bad_json"),
		// Valid JSON with an id that no stage can make a document of:
		// enrich refuses it (an enriched event is public; one the store
		// would refuse is never published).
		{name: "parsed-empty-article", subject: jsbus.SubjectParsed, data: []byte(`{"id": "empty-article-1"}`), id: "empty-article-1", stage: jsbus.StageEnrich, reason: "invalid"},
		{name: "parsed-empty-body", subject: jsbus.SubjectParsed, data: []byte(`{"id": "0123456789abcdef0123abcd", "body": " ", "source": {"sha256": "` + strings.Repeat("ab", 32) + `"}, "ingested_at": "2026-01-01T00:00:00Z"}`), id: "0123456789abcdef0123abcd", stage: jsbus.StageEnrich, reason: "incomplete"},
	}
}

// TestBadInput publishes many kinds of bad input with a good article after
// each: every bad one ends as exactly one dead letter with a reason, at the
// stage that must refuse it, and every good article is stored.
func TestBadInput(t *testing.T) {
	c := newCluster(t, clusterOptions{})
	bad := badInputs()
	good := wikinews(t, len(bad))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for i, b := range bad {
		subject := b.subject
		if subject == "" {
			subject = jsbus.SubjectRaw
		}
		hdr := nats.Header{}
		hdr.Set(jsbus.HeaderSourceName, b.name)
		if b.contentType != "" {
			hdr.Set(jsbus.HeaderContentType, b.contentType)
		}
		if _, err := c.publish(ctx, subject, "bad:"+b.name, b.data, hdr); err != nil {
			t.Fatalf("%s: %v", b.name, err)
		}
		if _, err := c.publishRaw(ctx, fmt.Sprintf("good-%d.txt", i), good[i], "text/plain"); err != nil {
			t.Fatal(err)
		}
	}
	got := c.settle(uint64(len(bad)), 3*time.Minute)
	t.Logf("settled: %s", got)
	if got.docs != int64(len(good)) || got.complete != got.docs {
		t.Errorf("documents %d (complete %d), want all %d good articles", got.docs, got.complete, len(good))
	}
	letters, err := c.deadLetters(ctx, got.dead)
	if err != nil {
		t.Fatal(err)
	}
	bySource := map[string][]deadLetter{}
	for _, d := range letters {
		key := d.source
		if key == "" {
			key = "id:" + d.articleID
		}
		bySource[key] = append(bySource[key], d)
		if d.reason == "" || d.errText == "" {
			t.Errorf("dead letter of %q has no reason or error: %+v", d.source, d)
		}
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			ds := bySource[b.name]
			if b.id != "" {
				ds = append(ds, bySource["id:"+b.id]...)
			}
			if len(ds) != 1 {
				t.Fatalf("%d dead letters, want exactly 1", len(ds))
			}
			d := ds[0]
			if d.stage != b.stage {
				t.Errorf("dead-lettered by %s, want %s (%s: %s)", d.stage, b.stage, d.reason, d.errText)
			}
			if b.reason != "" && d.reason != b.reason {
				t.Errorf("reason %q, want %q (%s)", d.reason, b.reason, d.errText)
			}
			t.Logf("%s -> %s: %s: %s", b.name, d.stage, d.reason, d.errText)
		})
	}
	if got.dead != uint64(len(bad)) {
		t.Errorf("dead letters %d, want %d (one per bad input)", got.dead, len(bad))
	}
	if s := c.svc; !s["ingest"].running() || !s["enrich"].running() || !s["store"].running() || s["ingest"].starts+s["enrich"].starts+s["store"].starts != 3 {
		t.Errorf("a service crashed on bad input")
	}
	figures(t, len(bad)+len(good), got, 0, nil)
}
