package faulttest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
)

// TestAuth runs NATS with authentication on: clients without credentials
// or with wrong ones are refused, the services and 'newsflow drop' with
// them work end to end, and no process prints the secret.
func TestAuth(t *testing.T) {
	const secret = "s3cr3t-Pa55-faulttest"
	tests := []struct {
		name    string
		natsEnv []string
		svcEnv  func(dir string) []string // the secret from a file, as in Kubernetes
		client  nats.Option
		wrong   nats.Option
		dropEnv []string
	}{
		{
			name:    "user and password",
			natsEnv: []string{"NEWSFLOW_EMBEDDED_NATS_USER=newsflow", "NEWSFLOW_EMBEDDED_NATS_PASSWORD=" + secret},
			svcEnv: func(dir string) []string {
				return []string{"NATS_USER=newsflow", "NATS_PASSWORD_FILE=" + writeSecret(t, dir, secret)}
			},
			client:  nats.UserInfo("newsflow", secret),
			wrong:   nats.UserInfo("newsflow", "guess"),
			dropEnv: []string{"NATS_USER=newsflow", "NATS_PASSWORD=" + secret},
		},
		{
			name:    "token",
			natsEnv: []string{"NEWSFLOW_EMBEDDED_NATS_TOKEN=" + secret},
			svcEnv: func(dir string) []string {
				return []string{"NATS_TOKEN_FILE=" + writeSecret(t, dir, secret)}
			},
			client:  nats.Token(secret),
			wrong:   nats.Token("guess"),
			dropEnv: []string{"NATS_TOKEN=" + secret},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newCluster(t, clusterOptions{
				natsEnv:    tc.natsEnv,
				serviceEnv: tc.svcEnv(t.TempDir()),
				clientOpts: []nats.Option{tc.client},
			})
			for _, bad := range []struct {
				name string
				opts []nats.Option
			}{
				{"no credentials", nil},
				{"wrong credentials", []nats.Option{tc.wrong}},
			} {
				nc, err := nats.Connect(c.natsURL, append(bad.opts, nats.Timeout(5*time.Second))...)
				if err == nil {
					nc.Close()
					t.Errorf("a client with %s was let in", bad.name)
				} else if !strings.Contains(strings.ToLower(err.Error()), "authorization") {
					t.Errorf("client with %s: %v, want an authorization error", bad.name, err)
				}
			}
			arts := wikinews(t, 3)
			dir := writeArticles(t, arts)
			if out, err := c.dropFiles(nil, dir); err == nil {
				t.Errorf("newsflow drop without credentials succeeded:\n%s", out)
			}
			out, err := c.dropFiles(tc.dropEnv, "--wait", "--timeout", "2m", dir)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Count(out, "stored "); got != len(arts) {
				t.Errorf("drop --wait reported %d stored, want %d:\n%s", got, len(arts), out)
			}
			got := c.settle(uint64(len(arts)), 2*time.Minute)
			c.assertExact(got, len(arts), 0)
			for _, p := range c.procs() {
				if strings.Contains(p.log(), secret) {
					t.Errorf("%s printed the secret", p.name)
				}
			}
			if strings.Contains(out, secret) {
				t.Errorf("newsflow drop printed the secret")
			}
			figures(t, len(arts), got, 0, []string{"unauthenticated client refused", "wrong credentials refused", "drop without credentials refused"})
		})
	}
}

// writeSecret writes a secret file as a secret store would mount it.
func writeSecret(t *testing.T, dir, secret string) string {
	t.Helper()
	p := filepath.Join(dir, "nats-secret")
	if err := os.WriteFile(p, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}
