package embedded

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// minLevel applies attributes and groups lazily, but a record that passes
// must carry them exactly as the wrapped handler would have.
func TestMinLevelLazyAttrs(t *testing.T) {
	var buf bytes.Buffer
	base := slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})
	l := slog.New(minLevel{Handler: base, min: slog.LevelError}).With("server", "ferretdb")
	g := l.WithGroup("g").With("k", "v")
	l.With("query", "INSERT").Debug("dropped")
	if buf.Len() != 0 {
		t.Fatalf("debug record written: %q", buf.String())
	}
	g.Error("boom", "n", 1)
	l.Error("plain")
	out := buf.String()
	for _, want := range []string{`msg=boom server=ferretdb g.k=v g.n=1`, `msg=plain server=ferretdb`} {
		if !strings.Contains(out, want) {
			t.Errorf("output %q lacks %q", out, want)
		}
	}
	if strings.Contains(out, "query") {
		t.Errorf("attribute of a dropped record leaked: %q", out)
	}
}
