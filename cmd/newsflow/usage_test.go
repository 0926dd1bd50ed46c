package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
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
		{"replay of sequences with all", []string{"dead-letters", "replay", "--all", "12"}, "without sequences"},
		{"show with all", []string{"dead-letters", "show", "--all", "12"}, "without sequences"},
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

// TestSinceLocalDate: a date or time without a zone is the user's local
// one, so today's date is no time in the future east of Greenwich.
func TestSinceLocalDate(t *testing.T) {
	east := time.FixedZone("UTC+2", 2*3600)
	now := time.Date(2026, 12, 7, 1, 0, 0, 0, east) // 23:00 UTC the day before
	tests := []struct {
		name, since string
		want        time.Time
	}{
		{"today's date", "2026-12-07", time.Date(2026, 12, 7, 0, 0, 0, 0, east)},
		{"a time of today", "2026-12-07T00:30", time.Date(2026, 12, 7, 0, 30, 0, 0, east)},
		{"with its zone", "2026-12-06T22:00:00Z", time.Date(2026, 12, 6, 22, 0, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseSince(tc.since, now)
			if err != nil || !got.Equal(tc.want) {
				t.Errorf("parseSince(%q) = %v, %v; want %v", tc.since, got, err, tc.want)
			}
		})
	}
}
