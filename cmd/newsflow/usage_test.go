package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestUsageSaysWhatIsWrong: flag values a command would have ignored or
// misread are refused, before any connection, with what is wrong (found by
// running every documented command as a user would).
func TestUsageSaysWhatIsWrong(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"tail from sequence 0", []string{"tail", "--from", "0"}, "sequences start at 1"},
		{"drop timeout without wait", []string{"drop", "--timeout", "5m", "a.txt"}, "--timeout bounds --wait"},
		{"status negative interval", []string{"status", "--interval", "-1s"}, "--interval -1s"},
		{"dead letter shown without its sequence", []string{"dead-letters", "show"}, "give one dead letter's sequence"},
		{"replay without sequences or all", []string{"dead-letters", "replay"}, "or --all"},
		{"unknown dead-letters subcommand", []string{"dead-letters", "bogus"}, `"bogus"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			// (No server listens here: a command that dialled would fail
			// otherwise than with errUsage.)
			getenv := func(k string) string {
				if k == "NATS_URL" {
					return "nats://127.0.0.1:1"
				}
				return ""
			}
			err := run(context.Background(), tc.args, getenv, strings.NewReader(""), &out, &out)
			if err != errUsage || !strings.Contains(out.String(), tc.want) {
				t.Errorf("err %v, output %q; want usage saying %q", err, out.String(), tc.want)
			}
		})
	}
}
