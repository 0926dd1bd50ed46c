package storyeval

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/newsflow/newsflow/services/enrich/story"
)

func TestZZDumpRecords(t *testing.T) {
	out := os.Getenv("DUMP_RECORDS")
	if out == "" {
		t.Skip()
	}
	samples := Generate(rows(t), 120, 1)
	p := process(t)
	var recs []story.Record
	for _, s := range samples {
		a, err := p(t.Context(), s.Raw)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, story.NewRecord(&a, story.Config{}.WithDefaults()))
	}
	data, _ := json.Marshal(recs)
	os.WriteFile(out, data, 0o644)
}
