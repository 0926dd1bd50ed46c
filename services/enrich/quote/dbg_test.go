package quote

import "testing"

func TestDbg(t *testing.T) {
	body := `The researchers claim to hope. Wong and three of his co-authors have started a company, spotLESS Materials, to transform their invention into a product. He remarked, "As a researcher in an academic setting, my goal is to invent things."`
	d := newDoc(New(), body, nil)
	for _, q := range d.run() {
		t.Logf("%+v", q)
	}
}
