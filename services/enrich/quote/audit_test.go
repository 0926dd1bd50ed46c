package quote

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestCorpusAudit writes each quote of corpus articles $QUOTE_AUDIT_FROM..+30
// with its context to $QUOTE_AUDIT, for judging speakers by eye; a dev aid.
func TestCorpusAudit(t *testing.T) {
	path := os.Getenv("QUOTE_AUDIT")
	if path == "" {
		t.Skip("set QUOTE_AUDIT=file")
	}
	from := 0
	fmt.Sscan(os.Getenv("QUOTE_AUDIT_FROM"), &from)
	var b strings.Builder
	x := New()
	for i, a := range loadCorpus(t) {
		if i < from || i >= from+30 {
			continue
		}
		for _, q := range x.Extract(a.body, nil) {
			lo, hi := max(0, q.Start-160), min(len(a.body), q.End+90)
			ctx := strings.ReplaceAll(a.body[lo:q.Start]+"«Q»"+a.body[q.End:hi], "\n", " ")
			fmt.Fprintf(&b, "%d [%s] cue=%q\n   %s\n", i, q.Speaker, q.Cue, ctx)
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
