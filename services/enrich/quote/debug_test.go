package quote

import (
	"os"
	"testing"
)

// TestDebugArticle prints the quotes of QUOTE_DEBUG (a gold name); dev aid.
func TestDebugArticle(t *testing.T) {
	name := os.Getenv("QUOTE_DEBUG")
	if name == "" {
		t.Skip("set QUOTE_DEBUG")
	}
	for _, a := range append(loadGold(t), loadGoldDir(t, devDir)...) {
		if a.name != name {
			continue
		}
		for _, q := range New().Extract(a.body, nil) {
			t.Logf("p%d [%s|%s|%s] %q", q.Paragraph, q.Speaker, q.SpeakerType, q.Cue, trunc(q.Text))
		}
	}
}
