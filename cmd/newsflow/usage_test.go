package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestStrayArguments: a command given an argument it does not take, or a
// flag value out of range, says which and prints its usage; nothing runs.
func TestStrayArguments(t *testing.T) {
	tests := []struct {
		name string
		args []string
		says string
	}{
		{"tail", []string{"tail", "stray"}, `unexpected argument "stray"`},
		{"reenrich", []string{"reenrich", "stray"}, `unexpected argument "stray"`},
		{"reenrich workers", []string{"reenrich", "--workers", "0"}, "at least 1"},
		{"status", []string{"status", "stray"}, `unexpected argument "stray"`},
		{"dead-letters list", []string{"dead-letters", "list", "stray"}, `unexpected argument "stray"`},
		{"dead-letters stage", []string{"dead-letters", "list", "--stage", "bogus"}, "one of ingest, enrich, store"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), tc.args, func(string) string { return "" }, strings.NewReader(""), &out, &out)
			if err != errUsage || !strings.Contains(out.String(), tc.says) {
				t.Errorf("err %v, want usage saying %q:\n%s", err, tc.says, out.String())
			}
		})
	}
}

// TestCommandHelp: "newsflow COMMAND --help" prints the command's usage on
// stdout and succeeds, for every command; nothing runs.
func TestCommandHelp(t *testing.T) {
	for _, cmd := range []string{"up", "drop", "tail", "process", "eval", "dead-letters", "bench", "status", "reenrich"} {
		for _, flag := range []string{"-h", "--help"} {
			t.Run(cmd+flag, func(t *testing.T) {
				var out, errOut bytes.Buffer
				err := run(context.Background(), []string{cmd, flag}, func(string) string { return "" }, strings.NewReader(""), &out, &errOut)
				if err != nil || !strings.Contains(out.String(), "usage") && !strings.Contains(out.String(), "Usage") || errOut.Len() > 0 {
					t.Errorf("err %v\nstdout:\n%s\nstderr:\n%s", err, out.String(), errOut.String())
				}
			})
		}
	}
}
