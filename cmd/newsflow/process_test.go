package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProcessAppliesEnrichLimits: `process` refuses what the enrich stage
// would dead-letter as too large, with the same reason, instead of
// spending minutes on it: a body over ENRICH_MAX_BODY_BYTES, and an
// enriched article over ENRICH_MAX_DOC_BYTES (which it used to print).
func TestProcessAppliesEnrichLimits(t *testing.T) {
	for _, tc := range []struct {
		name, variable, body, want string
	}{
		{"body", "ENRICH_MAX_BODY_BYTES", "Headline of a long one\n\n" + strings.Repeat("Ana Lind met Tom Berg in Velmor on Monday. ", 100), "too_large"},
		{"enriched document", "ENRICH_MAX_DOC_BYTES", "Headline of a mid-sized one\n\n" + strings.Repeat("Ana Lind met Tom Berg in Velmor on Monday. ", 40), "ENRICH_MAX_DOC_BYTES"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			getenv := func(k string) string {
				if k == tc.variable {
					return "2KiB"
				}
				return ""
			}
			var out, errOut bytes.Buffer
			err := run(context.Background(), []string{"process", "-"}, getenv, strings.NewReader(tc.body), &out, &errOut)
			if err == nil || !strings.Contains(err.Error(), "too_large") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want a too_large refusal naming %s", err, tc.want)
			}
			if out.Len() != 0 {
				t.Errorf("printed an article over the limit: %.80s", out.String())
			}
			out.Reset()
			if err := run(context.Background(), []string{"process", "-"}, func(string) string { return "" }, strings.NewReader(tc.body), &out, &errOut); err != nil {
				t.Fatalf("under the default limits: %v", err)
			}
			if !strings.Contains(out.String(), "Ana Lind") {
				t.Errorf("no article under the default limits: %.80s", out.String())
			}
		})
	}
}

// TestProcessNamesItemsLeftOut: a JSON Lines file with a line that is no
// JSON and a feed with an item without text print their good articles and
// fail naming what was left out, with the reason the ingest stage's dead
// letter carries (skipped_items), instead of a warning alone.
func TestProcessNamesItemsLeftOut(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"lines.jsonl": `{"headline":"Ferry resumes","body":"The ferry to Velmor resumed service on Monday, its operator said."}` + "\n" +
			`{"headline":"Broken", "body": oops}` + "\n" +
			`{"headline":"Bridge opens","body":"The new bridge over the Tarn opened on Tuesday, the council said."}` + "\n",
		"feed.rss": `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://ex.com/</link><description>d</description>` +
			`<item><title>Ferry resumes</title><link>https://ex.com/1</link><description>The ferry to Velmor resumed service on Monday, its operator said.</description></item>` +
			`<item><title>Title only</title><link>https://ex.com/2</link></item></channel></rss>`,
	}
	for _, tc := range []struct {
		name, file string
		printed    int
		leftOut    string
	}{
		{"json lines", "lines.jsonl", 2, "line 2: not JSON"},
		{"feed", "feed.rss", 1, `item 2 ("Title only"): no text`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			if err := os.WriteFile(path, []byte(files[tc.file]), 0o644); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			err := run(context.Background(), []string{"process", path}, func(string) string { return "" }, strings.NewReader(""), &out, &errOut)
			if err == nil || !strings.Contains(err.Error(), "skipped_items") || !strings.Contains(err.Error(), tc.leftOut) {
				t.Fatalf("err = %v, want skipped_items naming %q", err, tc.leftOut)
			}
			if n := strings.Count(strings.TrimSpace(out.String()), "\n") + 1; out.Len() == 0 || n != tc.printed {
				t.Errorf("printed %d articles, want %d:\n%.300s", n, tc.printed, out.String())
			}
		})
	}
}

// TestProcessKeepsArticlesBesideOneTooLarge: in a JSON array, the article
// over the enrich limit is refused with its reason and the other printed,
// as the pipeline dead-letters the one and stores the other.
func TestProcessKeepsArticlesBesideOneTooLarge(t *testing.T) {
	long := strings.Repeat("Ana Lind met Tom Berg in Velmor on Monday. ", 100)
	in := `[{"headline":"Long one","body":"` + long + `"},{"headline":"Short one","body":"The ferry to Velmor resumed service on Monday, its operator said."}]`
	getenv := func(k string) string {
		if k == "ENRICH_MAX_BODY_BYTES" {
			return "2KiB"
		}
		return ""
	}
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"process", "-"}, getenv, strings.NewReader(in), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "too_large") {
		t.Fatalf("err = %v, want a too_large refusal", err)
	}
	if n := len(lines(out.String())); n != 1 || !strings.Contains(out.String(), "Short one") {
		t.Errorf("printed %d articles, want the short one:\n%.200s", n, out.String())
	}
}

// TestDeadLetterPreviewEscapesBytes: a binary input's preview, quoted as
// the list prints it, holds escapes only, no raw replacement characters.
func TestDeadLetterPreviewEscapesBytes(t *testing.T) {
	got := fmt.Sprintf("%q", preview([]byte("p\xf0\x0e#[l\xe9\x01H  \n\tok"), 60))
	if strings.ContainsRune(got, '\uFFFD') || !strings.Contains(got, `\xf0`) || !strings.Contains(got, "H ok") {
		t.Errorf("preview quoted %s, want \\xNN escapes and white space folded", got)
	}
}
