package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
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

// TestEvalRefusesUnreadFlags: a flag the chosen evaluation does not read
// is refused with its reason rather than ignored (--stories --geo ran the
// places alone, --geo --json printed text).
func TestEvalRefusesUnreadFlags(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-corpus.csv")
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"stories and geo", []string{"--stories", "--geo", missing}, "--stories and --geo exclude each other"},
		{"geo json", []string{"--geo", "--json", missing}, "--json does not apply to --geo"},
		{"geo totals", []string{"--geo", "--totals", missing}, "--totals does not apply to --geo"},
		{"geo predictions", []string{"--geo", "--predictions", t.TempDir(), missing}, "--predictions does not apply to --geo"},
		{"stories errors", []string{"--stories", "--errors", missing}, "--errors does not apply to --stories"},
		{"stories totals", []string{"--stories", "--totals", missing}, "--totals does not apply to --stories"},
		{"held-out on a gold directory", []string{"--held-out", t.TempDir(), t.TempDir()}, "--held-out is read by --stories and --geo only"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(context.Background(), append([]string{"eval"}, tc.args...), func(string) string { return "" }, strings.NewReader(""), &out, &errOut)
			if !errors.Is(err, errUsage) || !strings.Contains(errOut.String(), tc.says) {
				t.Errorf("err %v, stderr %q: want a usage error saying %q", err, errOut.String(), tc.says)
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q, want nothing", out.String())
			}
		})
	}
}
