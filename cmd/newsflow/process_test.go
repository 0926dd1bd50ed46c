package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestProcessAppliesEnrichLimits: `process` refuses what the enrich stage
// would dead-letter as too large, with the same reason, instead of
// spending minutes on it.
func TestProcessAppliesEnrichLimits(t *testing.T) {
	body := "Headline of a long one\n\n" + strings.Repeat("Ana Lind met Tom Berg in Velmor on Monday. ", 100)
	getenv := func(k string) string {
		if k == "ENRICH_MAX_BODY_BYTES" {
			return "2KiB"
		}
		return ""
	}
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"process", "-"}, getenv, strings.NewReader(body), &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "too_large") {
		t.Fatalf("err = %v, want a too_large refusal", err)
	}
	if out.Len() != 0 {
		t.Errorf("printed an article over the limit: %.80s", out.String())
	}
	out.Reset()
	if err := run(context.Background(), []string{"process", "-"}, func(string) string { return "" }, strings.NewReader(body), &out, &errOut); err != nil {
		t.Fatalf("under the default limit: %v", err)
	}
	if !strings.Contains(out.String(), "Ana Lind") {
		t.Errorf("no article under the default limit: %.80s", out.String())
	}
}
