package service_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/service"
)

func TestArgs(t *testing.T) {
	cases := []struct {
		name    string
		args    []string
		cmd     string
		err     bool
		printed string
	}{
		{"no argument runs the service", []string{"ingest"}, "", false, ""},
		{"healthcheck", []string{"ingest", "healthcheck"}, "healthcheck", false, ""},
		{"help prints usage and stops", []string{"ingest", "--help"}, "help", false, "usage: ingest"},
		{"short help", []string{"ingest", "-h"}, "help", false, "NATS_URL"},
		{"an unknown flag is an error, not a started service", []string{"ingest", "--verbose"}, "", true, ""},
		{"healthcheck takes nothing more", []string{"ingest", "healthcheck", "x"}, "", true, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			cmd, err := service.Args("ingest", "Command ingest parses.", c.args, &out)
			if (err != nil) != c.err || c.err && !errors.Is(err, service.ErrUsage) {
				t.Fatalf("err = %v, want error %v", err, c.err)
			}
			if cmd != c.cmd {
				t.Errorf("cmd = %q, want %q", cmd, c.cmd)
			}
			if !strings.Contains(out.String(), c.printed) || c.printed == "" && out.Len() > 0 {
				t.Errorf("printed %q, want it to contain %q", out.String(), c.printed)
			}
		})
	}
}
