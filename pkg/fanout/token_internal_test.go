package fanout

import (
	"math/rand/v2"
	"testing"
)

// TestASCIITextIsText: the ASCII path of Token gives what the path for
// every script gives, for every ASCII character alone, after a letter and
// between letters, and for random ASCII strings.
func TestASCIITextIsText(t *testing.T) {
	var inputs []string
	for c := range 128 {
		s := string(rune(c))
		inputs = append(inputs, s, "a"+s, s+"B", "Ab"+s+"9z", s+s+"x"+s)
	}
	inputs = append(inputs, "", "  --Acme,  Inc.--  ", "J.R.R. Tolkien", "O'Brien", "Star*Corp > Rivals", "Group of 20", "PERSON")
	rng := rand.New(rand.NewPCG(14, 76))
	for range 5000 {
		b := make([]byte, rng.IntN(90))
		for i := range b {
			b[i] = byte(rng.IntN(128))
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		got, ok := asciiText(in)
		if !ok {
			t.Fatalf("asciiText(%q) refused an ASCII name", in)
		}
		if want := text(in); got != want {
			t.Errorf("asciiText(%q) = %q, text gives %q", in, got, want)
		}
	}
	for _, in := range []string{"José", "Ольга", "ＡＢＣ", "O’Neill", "a\x80"} {
		if _, ok := asciiText(in); ok {
			t.Errorf("asciiText(%q) took a name that is not ASCII", in)
		}
	}
}
