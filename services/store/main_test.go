package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/x/mongo/driver/connstring"

	"github.com/newsflow/newsflow/pkg/service"
)

// hardPasswords are passwords that broke a hand-written URI or a config
// file value: digits only, words a parser reads as a boolean or a size,
// spaces, separators and escapes of URLs, and non-ASCII letters.
var hardPasswords = []struct{ name, pass string }{
	{"digits only", "123456"},
	{"boolean word", "true"},
	{"size", "10GB"},
	{"spaces", "correct horse battery staple"},
	{"semicolon", "a;b;c"},
	{"base64 with slash and plus", "k3J/9+xQ2w=="},
	{"at slash colon", "p@ss/w:rd"},
	{"percent", "100%sure%2F"},
	{"question and hash", "what?#now&x=1"},
	{"quotes and backslash", `say "hi" \ bye '`},
	{"non-ASCII", "pässwörd-日本語"},
}

// startFerretDB runs the embedded MongoDB-compatible server of 'newsflow up'
// on a free port and returns its host:port.
func startFerretDB(t *testing.T) string {
	t.Helper()
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Handler:   "sqlite",
		SQLiteURL: "file:" + t.TempDir() + "/",
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = f.Run(ctx) })
	t.Cleanup(func() { cancel(); wg.Wait() })
	host := strings.TrimPrefix(f.MongoDBURI(), "mongodb://")
	host = host[:strings.IndexAny(host+"/", "/?")]
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.Dial("tcp", host)
		if err == nil {
			c.Close()
			return host
		}
		if time.Now().After(deadline) {
			t.Fatalf("ferretdb not listening at %s: %v", host, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestMongoURIFromParts builds the URI the store uses from MONGO_HOST,
// MONGO_USER and MONGO_PASSWORD_FILE (as docker-compose.yml sets them) for
// each hard password: the driver must read back the same user, password
// and host, and reach the embedded server there. The URI written by hand
// as the compose file did before fails for some of them, so the cases do
// test the escaping.
func TestMongoURIFromParts(t *testing.T) {
	host := startFerretDB(t)
	proxy := startSniffer(t, host)
	naiveBroke := 0
	for _, tc := range hardPasswords {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "mongo_password")
			// A secret file written by an editor ends with a newline.
			if err := os.WriteFile(file, []byte(tc.pass+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			naive := "mongodb://newsflow:" + tc.pass + "@" + host + "/?authSource=admin"
			if ncs, err := connstring.ParseAndValidate(naive); err != nil || ncs.Password != tc.pass || len(ncs.Hosts) != 1 || ncs.Hosts[0] != host {
				naiveBroke++
			}
			// The embedded server speaks PLAIN only (real MongoDB: SCRAM);
			// PLAIN puts the password on the wire as it is, so the proxy in
			// front of the server can check what arrives.
			env := map[string]string{"MONGO_HOST": proxy.addr, "MONGO_OPTIONS": "authMechanism=PLAIN", "MONGO_USER": "newsflow", "MONGO_PASSWORD_FILE": file}
			getenv, err := service.WithMongoURI(func(k string) string { return env[k] })
			if err != nil {
				t.Fatal(err)
			}
			uri := getenv("MONGO_URI")
			cs, err := connstring.ParseAndValidate(uri)
			if err != nil {
				t.Fatalf("driver refuses the built URI: %v", err)
			}
			if cs.Username != "newsflow" || cs.Password != tc.pass {
				t.Errorf("driver reads user %q password %q, want newsflow %q", cs.Username, cs.Password, tc.pass)
			}
			if len(cs.Hosts) != 1 || cs.Hosts[0] != proxy.addr {
				t.Errorf("driver reads hosts %q, want [%s]", cs.Hosts, proxy.addr)
			}
			if cs.AuthSource != "admin" {
				t.Errorf("auth source %q, want admin", cs.AuthSource)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			c, err := mongo.Connect(options.Client().ApplyURI(uri))
			if err != nil {
				t.Fatal(err)
			}
			defer c.Disconnect(context.Background())
			if err := c.Ping(ctx, nil); err != nil {
				t.Fatalf("ping %s: %v", host, err)
			}
			if want := []byte("\x00newsflow\x00" + tc.pass); !proxy.saw(want) {
				t.Errorf("the server was not sent the password %q", tc.pass)
			}

		})
	}
	if naiveBroke < 3 {
		t.Errorf("only %d passwords break a hand-written URI: the cases do not exercise the escaping", naiveBroke)
	}
}

// sniffer forwards TCP connections to a server and keeps what clients send.
type sniffer struct {
	addr string
	mu   sync.Mutex
	sent []byte
}

func (s *sniffer) saw(b []byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Contains(s.sent, b)
}

func (s *sniffer) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = append(s.sent, b...)
	return len(b), nil
}

// startSniffer listens on a free loopback port in front of target.
func startSniffer(t *testing.T, target string) *sniffer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &sniffer{addr: ln.Addr().String()}
	var wg sync.WaitGroup
	var conns sync.Map
	t.Cleanup(func() {
		ln.Close()
		conns.Range(func(k, _ any) bool { k.(net.Conn).Close(); return true })
		wg.Wait()
	})
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			conns.Store(c, nil)
			conns.Store(u, nil)
			wg.Go(func() { _, _ = io.Copy(io.MultiWriter(u, s), c); u.Close() })
			wg.Go(func() { _, _ = io.Copy(c, u); c.Close() })
		}
	})
	return s
}

// TestMongoURIFromEnvErrors: half-given settings are refused with a reason,
// and MONGO_URI wins over the parts.
func TestMongoURIFromEnvErrors(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantURI string
		wantErr string
	}{
		{"nothing set", map[string]string{}, "", ""},
		{"uri wins", map[string]string{"MONGO_URI": "mongodb://x", "MONGO_HOST": "h"}, "", ""},
		{"user without host", map[string]string{"MONGO_USER": "u"}, "", "need MONGO_HOST"},
		{"password without user", map[string]string{"MONGO_HOST": "h:1", "MONGO_PASSWORD": "p"}, "", "without MONGO_USER"},
		{"host with scheme", map[string]string{"MONGO_HOST": "mongodb://h"}, "", "without a scheme"},
		{"no auth", map[string]string{"MONGO_HOST": "h:1"}, "mongodb://h:1/", ""},
		{"options", map[string]string{"MONGO_HOST": "a:1,b:2", "MONGO_USER": "u", "MONGO_PASSWORD": "p+q", "MONGO_AUTH_SOURCE": "db", "MONGO_OPTIONS": "replicaSet=rs0"},
			"mongodb://u:p%2Bq@a:1,b:2/?authSource=db&replicaSet=rs0", ""},
		{"missing file", map[string]string{"MONGO_HOST": "h", "MONGO_USER": "u", "MONGO_PASSWORD_FILE": "/nonexistent/x"}, "", "read MONGO_PASSWORD_FILE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			uri, err := service.MongoURIFromEnv(func(k string) string { return tc.env[k] })
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if uri != tc.wantURI {
				t.Errorf("uri %q, want %q", uri, tc.wantURI)
			}
		})
	}
}
