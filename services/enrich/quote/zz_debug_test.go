package quote

import (
	"os"
	"testing"
)

func TestZZ(t *testing.T) {
	f := os.Getenv("ZZ")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	txt := string(b)
	ents := recognize(t, txt)
	if os.Getenv("ZZE") != "" {
		for _, e := range ents {
			t.Logf("ent %s %q %v", e.Type, e.Name, e.Mentions)
		}
	}
	qs, names := New().ExtractTraced(txt, ents)
	for i, q := range qs {
		t.Logf("%s | %q (%s) | %.60q", names[i], q.Speaker, q.SpeakerType, q.Text)
	}
}
