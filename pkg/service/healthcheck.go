package service

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// Healthcheck asks the process's own health server for /readyz and returns
// nil only on 200. It is the container health check of the service images
// ('ingest healthcheck'), which have no shell, curl or wget. HEALTH_ADDR is
// read as the service reads it; an address without a host, or a wildcard
// one, is probed on loopback.
func Healthcheck(ctx context.Context, getenv func(string) string, out io.Writer) error {
	addr := getenv("HEALTH_ADDR")
	if addr == "" {
		addr = ":8080"
	}
	if addr == "off" {
		return fmt.Errorf("healthcheck: HEALTH_ADDR is off, nothing to probe")
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("healthcheck: HEALTH_ADDR %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	u := "http://" + net.JoinHostPort(host, port) + "/readyz"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s: %s: %s", u, resp.Status, body)
	}
	fmt.Fprintf(out, "%s", body)
	return nil
}
