package quote

import (
	"slices"
	"testing"
)

// TestTokenizeNumbers: a thousands separator stays inside its number, so a
// comma in "20,000" opens or closes no aside; other commas after digits
// split.
func TestTokenizeNumbers(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"thousands", "about 20,000 workers", []string{"about", "20,000", "workers"}},
		{"millions", "1,250,000 people", []string{"1,250,000", "people"}},
		{"a list of years", "in 2019, 2020 and 2021", []string{"in", "2019", ",", "2020", "and", "2021"}},
		{"two digits after the comma", "scores 3,45", []string{"scores", "3", ",", "45"}},
		{"four digits after the comma", "rows 1,2345", []string{"rows", "1", ",", "2345"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc(New(), tc.body, nil)
			d.tokenize(0, len(tc.body))
			var got []string
			for _, tk := range d.toks {
				got = append(got, tc.body[tk.s:tk.e])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("tokens %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSingleQuoted(t *testing.T) {
	tests := []struct {
		name string
		body string
		want bool
	}{
		{"curly single quotes and no double ones", "‘We are ready,’ she said.", true},
		{"straight single quotes after a colon", "He said: 'We are ready.'", true},
		{"double quotes present: singles are nested or scare quotes", "He said \"the 'new' plan is ready\".", false},
		{"apostrophes only", "It’s the players’ day; they don't mind.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := singleQuoted(tc.body); got != tc.want {
				t.Errorf("singleQuoted(%q) = %v, want %v", tc.body, got, tc.want)
			}
		})
	}
}
