package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// TestEvalRefusesJSONWithTotals: --totals is how a held-out set is read,
// so it never prints the per-article rows --json would.
func TestEvalRefusesJSONWithTotals(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"eval", "--json", "--totals", t.TempDir()}, func(string) string { return "" }, strings.NewReader(""), &out, &errOut)
	if !errors.Is(err, errUsage) {
		t.Fatalf("err = %v, want errUsage", err)
	}
	if out.Len() != 0 || !strings.Contains(errOut.String(), "exclude each other") {
		t.Errorf("stdout %q, stderr %q", out.String(), errOut.String())
	}
}
