package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
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
		// (Flags after the arguments are read as flags, not taken for them.)
		{"a flag after the paths", []string{"drop", "story.txt", "--timeout", "0"}, "--timeout 0s: want a time"},
		{"a stray argument before a flag", []string{"tail", "stray", "--json"}, `unexpected argument "stray"`},
		{"a flag's value missing at the end", []string{"tail", "--lang"}, "flag needs an argument: --lang"},
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

// TestFlagsAfterPaths: "newsflow process FILE --indent" indents, and "--"
// still ends the flags.
func TestFlagsAfterPaths(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.txt")
	if err := os.WriteFile(path, []byte("Ferry service resumes\n\nThe ferry between the two islands resumed on Friday after a week of storms, the operator said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), []string{"process", path, "--indent"}, func(string) string { return "" }, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("process FILE --indent: %v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "\n  \"") || strings.Contains(errOut.String(), "--indent") {
		t.Errorf("process FILE --indent: want indented JSON and no complaint about --indent; stdout:\n%s\nstderr:\n%s", out.String(), errOut.String())
	}
	out.Reset()
	errOut.Reset()
	err := run(context.Background(), []string{"process", "--", path, "--indent"}, func(string) string { return "" }, strings.NewReader(""), &out, &errOut)
	if err == nil || !strings.Contains(err.Error()+errOut.String(), "lstat --indent") {
		t.Errorf("process -- FILE --indent: err %v, want --indent read as a path that is not there; stderr:\n%s", err, errOut.String())
	}
}

// TestUsageLineListsEveryFlag: a command's usage line names every flag the
// command takes (drop's lacked --timeout).
func TestUsageLineListsEveryFlag(t *testing.T) {
	for _, cmd := range []string{"drop", "tail", "process"} {
		t.Run(cmd, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(context.Background(), []string{cmd, "--help"}, func(string) string { return "" }, strings.NewReader(""), &out, &out); err != nil {
				t.Fatalf("%s --help: %v", cmd, err)
			}
			usage, defaults, _ := strings.Cut(out.String(), "\n")
			if !strings.HasPrefix(usage, "usage: newsflow "+cmd+" ") {
				t.Fatalf("first line %q, want the usage line", usage)
			}
			n := 0
			for _, l := range strings.Split(defaults, "\n") {
				// (PrintDefaults: "  -name type" then the description.)
				name, ok := strings.CutPrefix(l, "  -")
				if !ok {
					continue
				}
				name, _, _ = strings.Cut(name, " ")
				n++
				flag := "--" + name
				if name == "n" {
					flag = "-n"
				}
				if !strings.Contains(usage, "["+flag+" ") && !strings.Contains(usage, "["+flag+"]") && !strings.Contains(usage, "| "+flag+" ") && !strings.Contains(usage, "| "+flag+"]") {
					t.Errorf("usage line %q does not name %s", usage, flag)
				}
			}
			if n == 0 {
				t.Errorf("no flags listed:\n%s", out.String())
			}
		})
	}
}
