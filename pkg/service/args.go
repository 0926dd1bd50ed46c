package service

import (
	"errors"
	"fmt"
	"io"
)

// ErrUsage is returned for command-line arguments a service does not take.
var ErrUsage = errors.New("usage")

// Args reads a service's command line: no argument runs the service,
// "healthcheck" probes a running one, "-h", "--help" or "help" prints
// usage (the service's doc, then the shared settings) and asks the caller
// to stop. Anything else is an error rather than a service started by
// mistake: the services take their settings from the environment only.
func Args(name, doc string, args []string, stdout io.Writer) (cmd string, err error) {
	if len(args) <= 1 {
		return "", nil
	}
	switch args[1] {
	case "healthcheck":
		if len(args) > 2 {
			return "", fmt.Errorf("%w: %s healthcheck takes no arguments", ErrUsage, name)
		}
		return "healthcheck", nil
	case "-h", "-help", "--help", "help":
		fmt.Fprintf(stdout, "usage: %s [healthcheck]\n\n%s\n\n%s", name, doc, sharedUsage)
		return "help", nil
	}
	return "", fmt.Errorf("%w: %s takes no arguments but healthcheck (settings come from the environment; %s --help)", ErrUsage, name, name)
}

const sharedUsage = `Settings come from the environment: NATS_URL, NATS_USER and
NATS_PASSWORD, NATS_TOKEN, NATS_NKEY_FILE or NATS_CREDS_FILE, NATS_TLS_CA,
NATS_TLS_CERT, NATS_TLS_KEY, HEALTH_ADDR (default :8080, "off"),
LOG_FORMAT, LOG_LEVEL, STREAM_* and the stage's own variables (the
table of variables in README, "Commands").
`
