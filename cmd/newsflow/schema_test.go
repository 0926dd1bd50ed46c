package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestProcessOutputMatchesSchema checks that what 'newsflow process' prints
// for each example input is valid against the published JSON Schema, and
// that offsets point at their text.
func TestProcessOutputMatchesSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("../../schema/article.schema.json")
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	inputs, err := filepath.Glob("../../examples/*.*")
	if err != nil {
		t.Fatal(err)
	}
	inputs = append(inputs, filepath.Join(sharedDir, "gold", "seed-article.txt"))
	var args []string
	for _, in := range inputs {
		if !strings.HasSuffix(in, ".md") {
			args = append(args, in)
		}
	}
	var out, errOut bytes.Buffer
	if err := run(context.Background(), append([]string{"process"}, args...), func(string) string { return "" }, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("process: %v\n%s", err, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < len(args) {
		t.Fatalf("%d articles from %d inputs", len(lines), len(args))
	}
	for i, line := range lines {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(line))
		if err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("article %d does not match the schema: %v", i, err)
		}
		var a struct {
			Body     string `json:"body"`
			Caption  string `json:"caption"`
			Entities []struct {
				Mentions []struct {
					Start, End  int
					Text, Field string
				}
			}
			Quotes []struct {
				Start, End  int
				Text, Field string
			}
		}
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		check := func(start, end int, text, field string) {
			t.Helper()
			body := []rune(a.Body)
			if field == "caption" {
				body = []rune(a.Caption)
			}
			if start < 0 || end > len(body) || start > end {
				t.Errorf("article %d: offsets [%d,%d) outside body of %d code points", i, start, end, len(body))
				return
			}
			if got := string(body[start:end]); got != text {
				t.Errorf("article %d: [%d,%d) is %q, want %q", i, start, end, got, text)
			}
		}
		for _, e := range a.Entities {
			for _, m := range e.Mentions {
				check(m.Start, m.End, m.Text, m.Field)
			}
		}
		for _, q := range a.Quotes {
			check(q.Start, q.End, q.Text, q.Field)
		}
	}
}

// TestServiceBinariesLeaveOutEmbeddedServers guards the rule that the
// embedded NATS server and database are for the CLI only.
func TestServiceBinariesLeaveOutEmbeddedServers(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	for _, svc := range []string{"ingest", "enrich", "store"} {
		t.Run(svc, func(t *testing.T) {
			cmd := exec.Command("go", "list", "-deps", ".")
			cmd.Dir = filepath.Join("..", "..", "services", svc)
			cmd.Env = append(os.Environ(), "GOFLAGS=")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("go list: %v\n%s", err, out)
			}
			deps := string(out)
			if !strings.Contains(deps, "github.com/nats-io/nats.go") {
				t.Fatalf("go list output looks wrong:\n%.500s", deps)
			}
			for _, heavy := range []string{"github.com/nats-io/nats-server", "github.com/FerretDB/FerretDB", "modernc.org/sqlite"} {
				if strings.Contains(deps, heavy) {
					t.Errorf("%s links %s", svc, heavy)
				}
			}
		})
	}
}
