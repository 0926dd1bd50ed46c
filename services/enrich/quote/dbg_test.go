package quote

import "testing"

func TestDbg(t *testing.T) {
	body := `Incumbent President Donald Trump quickly took a parting shot on Twitter: "Oh no, really big political news, perhaps the biggest story in years! Part time Mayor of New York City, [Bill de Blasio], who was polling at a solid ZERO."`
	d := newDoc(New(), body, nil)
	for _, q := range d.run() {
		t.Logf("%+v", q)
	}
	t.Logf("%+v", d.sentenceSubject(0, 13))
}
