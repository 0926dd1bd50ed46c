package givenname

import (
	"fmt"
	"testing"
)

func TestSex(t *testing.T) {
	tests := []struct {
		name, given, want string
	}{
		{"a woman's name", "Michelle", Female},
		{"a man's name", "Barack", Male},
		{"case is ignored", "mARGARET", Female},
		{"a word that is no name", "table", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sex(tt.given); got != tt.want {
				t.Errorf("Sex(%q) = %q, want %q", tt.given, got, tt.want)
			}
		})
	}
}

func ExampleSex() {
	fmt.Println(Sex("Ivanka"), Sex("Donald"))
	// Output: female male
}
