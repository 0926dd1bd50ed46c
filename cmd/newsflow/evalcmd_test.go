package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

const sharedGold = "../../../shared/gold"

// TestEvalErrorsCommand runs 'newsflow eval --errors' on the shared gold:
// the tracer must line up with the pipeline's output (it fails otherwise),
// and the report prints the error sections after the usual table.
func TestEvalErrorsCommand(t *testing.T) {
	if _, err := os.Stat(sharedGold); err != nil {
		t.Fatalf("the shared gold must sit beside the repository: %v", err)
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"eval", "--errors", sharedGold}, func(string) string { return "" }, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("eval --errors: %v\n%s", err, errOut.String())
	}
	for _, want := range []string{"articles=21", "== quote errors ==", "== quote errors by rule", "== entity errors ==",
		"== entity false positives and confusions by typing rule ==", "== entity type confusion"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

// TestEvalTotalsCommand: --totals prints the summary line and nothing else,
// so a held-out set can be measured without reading its articles.
func TestEvalTotalsCommand(t *testing.T) {
	if _, err := os.Stat(sharedGold); err != nil {
		t.Fatalf("the shared gold must sit beside the repository: %v", err)
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"eval", "--totals", "--errors", sharedGold + "/gum"}, func(string) string { return "" }, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("eval --totals: %v\n%s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "articles=12 ") || !strings.Contains(lines[0], "lowest_entity_f1=") {
		t.Errorf("--totals printed %q, want one summary line", out.String())
	}
}
