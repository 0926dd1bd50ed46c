package jsbus_test

import (
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

func TestParseBytes(t *testing.T) {
	tests := []struct {
		name, in string
		want     int64
		errHas   string
	}{
		{"plain", "1024", 1024, ""},
		{"binary units", "512MiB", 512 << 20, ""},
		{"tebibytes", "1TiB", 1 << 40, ""},
		{"decimal names read as binary", "5MB", 5 << 20, ""},
		{"no limit", "-1", -1, ""},
		{"a count that wraps to zero", "17179869184GiB", 0, "too large"},
		{"a count that wraps negative", "9000000000GiB", 0, "too large"},
		{"garbage quoted as written", "1PiB", 0, `"1PiB"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := jsbus.ParseBytes(tc.in)
			if tc.errHas != "" {
				if err == nil || !strings.Contains(err.Error(), tc.errHas) {
					t.Errorf("ParseBytes(%q) = %d, %v; want an error saying %s", tc.in, got, err, tc.errHas)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("ParseBytes(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
			}
		})
	}
}
