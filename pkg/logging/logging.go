// Package logging builds the slog logger that a process passes down.
package logging

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
)

// Config selects the log format and level.
type Config struct {
	// Format is "text" or "json".
	Format string
	// Level is debug, info, warn or error.
	Level string
}

// Validate reports an unknown format or level.
func (c Config) Validate() error {
	switch c.Format {
	case "", "text", "json":
	default:
		return fmt.Errorf("log format %q: want text or json", c.Format)
	}
	var l slog.Level
	if c.Level != "" {
		if err := l.UnmarshalText([]byte(c.Level)); err != nil {
			return fmt.Errorf("log level %q: %w", c.Level, err)
		}
	}
	return nil
}

// New returns a logger writing to w.
func New(w io.Writer, c Config) (*slog.Logger, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	var level slog.Level
	if c.Level != "" {
		_ = level.UnmarshalText([]byte(strings.ToLower(c.Level)))
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return slog.New(slog.NewTextHandler(w, opts)), nil
}
