package main

import (
	"encoding/json"
	"testing"
)

// TestSafeJSONRoundTrip: what safeJSON escapes, a JSON decoder reads back
// as the same text, beyond the Basic Multilingual Plane too (the tag
// characters of a subdivision flag are format characters above U+FFFF);
// nothing dangerous is left raw.
func TestSafeJSONRoundTrip(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"flag of England", "cheer \U0001F3F4\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F at Wembley"},
		{"bidi override and escape", "Ready\u202e now \x1b[2J"},
		{"plain", "Jane Doe said"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := safeJSON(tc.in)
			var back string
			if err := json.Unmarshal([]byte(`"`+out+`"`), &back); err != nil {
				t.Fatalf("%q: %v", out, err)
			}
			if back != tc.in {
				t.Errorf("read back %q, want %q", back, tc.in)
			}
			for _, r := range out {
				if dangerous(r, false) {
					t.Errorf("%q left raw in %q", r, out)
				}
			}
		})
	}
}
