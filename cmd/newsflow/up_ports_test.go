package main

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// upServers runs `newsflow up` with args until it says it runs (or 60s
// pass) and returns its output and a stop that cancels it and returns its
// error.
func upServers(t *testing.T, args ...string) (out *syncBuffer, stop func() error) {
	t.Helper()
	return upServersEnv(t, nil, args...)
}

// upServersEnv is upServers with the environment env (NAME=value).
func upServersEnv(t *testing.T, env []string, args ...string) (out *syncBuffer, stop func() error) {
	t.Helper()
	getenv := func(k string) string {
		for _, kv := range env {
			if name, v, _ := strings.Cut(kv, "="); name == k {
				return v
			}
		}
		return ""
	}
	ctx, cancel := context.WithCancel(context.Background())
	out = &syncBuffer{}
	done := make(chan struct{})
	var runErr error
	go func() { runErr = run(ctx, args, getenv, strings.NewReader(""), out, out); close(done) }()
	// (Until it says it runs, or it has stopped: a refusal.)
	deadline := time.After(60 * time.Second)
	for !strings.Contains(out.String(), "Ctrl-C to stop") {
		select {
		case <-done:
		case <-deadline:
		case <-time.After(50 * time.Millisecond):
			continue
		}
		break
	}
	return out, sync.OnceValue(func() error { cancel(); <-done; return runErr })
}

// TestUpAnyFreePort: 0 and -1 both mean "any free port" for both servers.
func TestUpAnyFreePort(t *testing.T) {
	for _, ports := range [][2]string{{"0", "-1"}, {"-1", "0"}} {
		t.Run("nats "+ports[0]+" mongo "+ports[1], func(t *testing.T) {
			out, stop := upServers(t, "up", "--data", t.TempDir(), "--nats-port", ports[0], "--mongo-port", ports[1], "--health-addr", "off", "--no-services")
			if err := stop(); err != nil {
				t.Fatalf("up: %v\n%s", err, out.String())
			}
			for _, m := range regexp.MustCompile(`(?:nats|mongodb)://[^ ]*:(\d+)`).FindAllStringSubmatch(out.String(), -1) {
				if m[1] == "4222" || m[1] == "27017" || m[1] == "0" {
					t.Errorf("port %s, want a free one:\n%s", m[1], out.String())
				}
			}
			if !strings.Contains(out.String(), "servers running") {
				t.Fatalf("not started:\n%s", out.String())
			}
			// Off the default ports, up says how the other commands find it.
			if !regexp.MustCompile(`export NATS_URL=nats://\S+ MONGO_URI=mongodb://\S+`).MatchString(out.String()) {
				t.Errorf("no export hint:\n%s", out.String())
			}
		})
	}
}

// TestUpHintsCarryCredentials: with authentication on, the natscli line up
// prints names the credentials, by reference to the variables that hold
// the secret (a hint without them is refused by the server).
func TestUpHintsCarryCredentials(t *testing.T) {
	const secret = "hint-s3cret"
	tests := []struct {
		name string
		env  []string
		want string
	}{
		{"user and password", []string{"NEWSFLOW_EMBEDDED_NATS_USER=desk", "NEWSFLOW_EMBEDDED_NATS_PASSWORD=" + secret},
			` --user desk --password "$NEWSFLOW_EMBEDDED_NATS_PASSWORD" stream info `},
		{"token", []string{"NEWSFLOW_EMBEDDED_NATS_TOKEN=" + secret},
			` --token "$NEWSFLOW_EMBEDDED_NATS_TOKEN" stream info `},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, stop := upServersEnv(t, tc.env, "up", "--data", t.TempDir(), "--nats-port", "-1", "--mongo-port", "-1", "--health-addr", "off", "--no-services")
			if err := stop(); err != nil {
				t.Fatalf("up: %v\n%s", err, out.String())
			}
			var hint string
			for _, line := range strings.Split(out.String(), "\n") {
				if strings.Contains(line, "try: nats ") {
					hint = line
				}
			}
			if !strings.Contains(hint, tc.want) {
				t.Errorf("natscli hint %q lacks %q:\n%s", hint, tc.want, out.String())
			}
			if strings.Contains(out.String(), secret) {
				t.Errorf("up printed the secret:\n%s", out.String())
			}
		})
	}
}

// TestUpSaysStopped: Ctrl-C is acknowledged at once and the end said,
// with the servers alone and with the services too (up's defaults, as the
// README's first command runs it).
func TestUpSaysStopped(t *testing.T) {
	for _, tc := range []struct {
		name, running string
		extra         []string
	}{
		{"servers", "servers running", []string{"--no-services"}},
		{"services", "services ingest, enrich, store running", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, stop := upServers(t, append([]string{"up", "--data", t.TempDir(), "--nats-port", "0", "--mongo-port", "0", "--health-addr", "off"}, tc.extra...)...)
			if err := stop(); err != nil {
				t.Fatalf("up: %v\n%s", err, out.String())
			}
			got := out.String()
			if !strings.Contains(got, tc.running) {
				t.Errorf("never said %q:\n%s", tc.running, got)
			}
			stopping, stopped := strings.Index(got, "stopping:"), strings.LastIndex(got, "\nstopped\n")
			if stopping < 0 || stopped < stopping {
				t.Errorf("want a stopping line, then stopped last:\n%s", got)
			}
		})
	}
}

// TestUpRefusesDataDirInUse: a second up on the same --data refuses it
// (two NATS servers on one store lose acknowledged messages), and --servers
// without --no-services is a usage error, not ignored.
func TestUpRefusesDataDirInUse(t *testing.T) {
	args := []string{"up", "--data", t.TempDir(), "--nats-port", "0", "--mongo-port", "0", "--health-addr", "off", "--no-services"}
	out, stop := upServers(t, args...)
	t.Cleanup(func() { _ = stop() })
	if !strings.Contains(out.String(), "servers running") {
		t.Fatalf("first up not started:\n%s", out.String())
	}
	var second syncBuffer
	err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &second, &second)
	if !errors.Is(err, ErrDataDirInUse) {
		t.Errorf("second up on the same data: %v, want ErrDataDirInUse\n%s", err, second.String())
	}
	err = run(context.Background(), []string{"up", "--data", t.TempDir(), "--servers", "mongo"}, func(string) string { return "" }, strings.NewReader(""), &second, &second)
	if err == nil || !strings.Contains(err.Error(), "--no-services") {
		t.Errorf("--servers without --no-services: %v, want an error naming --no-services", err)
	}
}

// TestUpRefusesIgnoredFlags: with NATS_URL or MONGO_URI set (exported for
// drop and tail), up embeds no such server, so a port or a data directory
// asked for would be ignored: up says so and starts nothing.
func TestUpRefusesIgnoredFlags(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		says string
	}{
		{"nats port", map[string]string{"NATS_URL": "nats://127.0.0.1:1"}, []string{"--nats-port", "14999"}, "NATS_URL is set"},
		{"mongo port", map[string]string{"MONGO_URI": "mongodb://127.0.0.1:1/"}, []string{"--mongo-port", "27999"}, "MONGO_URI is set"},
		{"data", map[string]string{"NATS_URL": "nats://127.0.0.1:1", "MONGO_URI": "mongodb://127.0.0.1:1/"}, []string{"--data", t.TempDir()}, "--data would be ignored"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(context.Background(), append([]string{"up"}, tc.args...), func(k string) string { return tc.env[k] }, strings.NewReader(""), &out, &out)
			if err == nil || !strings.Contains(err.Error(), tc.says) || strings.Contains(out.String(), "NATS ") {
				t.Errorf("err %v, want one saying %q, nothing started:\n%s", err, tc.says, out.String())
			}
		})
	}
}

// TestUpPortTaken: a taken port, the health server's too, is refused
// before any server starts, naming the flag that chooses another.
func TestUpPortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	taken := ln.Addr().(*net.TCPAddr)
	for _, tc := range []struct {
		name string
		args []string
		flag string
	}{
		{"health", []string{"--health-addr", taken.String(), "--nats-port", "-1", "--mongo-port", "0"}, "--health-addr"},
		{"nats", []string{"--nats-port", strconv.Itoa(taken.Port), "--mongo-port", "0", "--health-addr", "off"}, "--nats-port"},
		{"mongo", []string{"--nats-port", "-1", "--mongo-port", strconv.Itoa(taken.Port), "--health-addr", "off"}, "--mongo-port"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// A --data directory the failed start made is gone after it;
			// one that was there before stays, with what it held.
			parent := t.TempDir()
			made := filepath.Join(parent, "made")
			var out bytes.Buffer
			args := append([]string{"up", "--data", made}, tc.args...)
			err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &out)
			if err == nil || !strings.Contains(err.Error(), tc.flag) {
				t.Errorf("err %v, want one naming %s:\n%s", err, tc.flag, out.String())
			}
			if tc.flag != "--mongo-port" && strings.Contains(out.String(), "NATS ") {
				t.Errorf("a server started before the %s check:\n%s", tc.flag, out.String())
			}
			if _, err := os.Stat(made); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the failed start left its --data directory %s (stat: %v)", made, err)
			}
			kept := filepath.Join(parent, "kept")
			if err := os.MkdirAll(kept, 0o750); err != nil {
				t.Fatal(err)
			}
			mine := filepath.Join(kept, "notes.txt")
			if err := os.WriteFile(mine, []byte("mine"), 0o644); err != nil {
				t.Fatal(err)
			}
			args = append([]string{"up", "--data", kept}, tc.args...)
			if err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &out); err == nil {
				t.Fatalf("up on a taken port started:\n%s", out.String())
			}
			if _, err := os.Stat(mine); err != nil {
				t.Errorf("a failed start touched a --data directory that was there before: %v", err)
			}
			if left, _ := os.ReadDir(kept); len(left) != 1 {
				t.Errorf("a failed start left %d entries in a --data directory that held one", len(left))
			}
			// A symbolic link named as --data is the user's, even dangling.
			link := filepath.Join(parent, "link")
			if err := os.Symlink(filepath.Join(parent, "nowhere"), link); err != nil {
				t.Fatal(err)
			}
			args = append([]string{"up", "--data", link}, tc.args...)
			if err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &out); err == nil {
				t.Fatalf("up on a taken port started:\n%s", out.String())
			}
			if _, err := os.Lstat(link); err != nil {
				t.Errorf("a failed start removed the symbolic link given as --data: %v", err)
			}
		})
	}
}

// TestUpRefusesBadAddress: a host that is no address of this machine and a
// port out of range are said as such, not as a port another server holds.
func TestUpRefusesBadAddress(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"host not here", []string{"--host", "192.0.2.1", "--nats-port", "-1", "--mongo-port", "0"}, "--host"},
		{"nats port out of range", []string{"--nats-port", "70000"}, "a port is 1 to 65535"},
		{"mongo port negative", []string{"--mongo-port", "-5"}, "a port is 1 to 65535"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			args := append([]string{"up", "--data", filepath.Join(t.TempDir(), "d"), "--health-addr", "off"}, tc.args...)
			err := run(context.Background(), args, func(string) string { return "" }, strings.NewReader(""), &out, &out)
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "port in use") {
				t.Errorf("err %v, want one with %q and no \"port in use\"", err, tc.want)
			}
		})
	}
}

// TestUpReadsStageLimits: the stages 'up' embeds read the limits the
// services read (INGEST_MAX_BYTES, ENRICH_MAX_BODY_BYTES), so a too_large
// dead letter can be replayed after raising them, as with the services.
func TestUpReadsStageLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStackEnv(t, map[string]string{"INGEST_MAX_BYTES": "2KiB", "ENRICH_MAX_BODY_BYTES": "1KiB"})
	dir := t.TempDir()
	sentence := "The harbour board met in Tarnfield on Monday to discuss the new pier. "
	files := map[string]string{
		"big-file.txt":  "Pier plans\n\n" + strings.Repeat(sentence, 40), // over 2 KiB: ingest
		"long-text.txt": "Pier plans\n\n" + strings.Repeat(sentence, 20), // under 2 KiB, text over 1 KiB: enrich
		"short.txt":     "Pier plans\n\n" + sentence,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _ := s.run("drop", "--wait", "--timeout", "2m", dir) // the dead letters make drop exit non-zero
	for _, want := range []string{"> 2048", "over the limit of 1024", "stored short.txt"} {
		if !strings.Contains(out, want) {
			t.Errorf("drop output has no %q:\n%s", want, out)
		}
	}
}

// TestUpRefusesBadSettingsFirst: a bad value of a setting the embedded
// stages read is refused before any server starts, and leaves no --data
// directory behind.
func TestUpRefusesBadSettingsFirst(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"up", "--data", ""}, func(string) string { return "" }, strings.NewReader(""), &out, &out); err != errUsage || !strings.Contains(out.String(), "--data is empty") {
		t.Errorf("up --data '': %v, want a usage error\n%s", err, out.String())
	}
	natsSet := func(k string) string {
		if k == "NATS_URL" {
			return "nats://127.0.0.1:1"
		}
		return ""
	}
	out.Reset()
	// (Were it not refused, it would run until this context ends.)
	nctx, ncancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer ncancel()
	if err := run(nctx, []string{"up", "--no-services", "--servers", "nats", "--data", t.TempDir()}, natsSet, strings.NewReader(""), &out, &out); err == nil || !strings.Contains(err.Error(), "nothing would run") {
		t.Errorf("up --no-services --servers nats with NATS_URL set: %v, want a refusal", err)
	}
	// An external NATS out of reach: the embedded MongoDB's directory,
	// made by this start, goes with it.
	nowhere := filepath.Join(t.TempDir(), "data")
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return "nats://127.0.0.1:1"
		}
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := run(ctx, []string{"up", "--data", nowhere, "--mongo-port", "0", "--health-addr", "off"}, getenv, strings.NewReader(""), &out, &out); err == nil {
		t.Errorf("up with NATS out of reach started")
	}
	if _, err := os.Stat(nowhere); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("up with NATS out of reach left %s (stat: %v)", nowhere, err)
	}
	// Half of a user and password pair is refused before anything starts.
	for _, env := range [][]string{{"NEWSFLOW_EMBEDDED_NATS_PASSWORD=secret"}, {"NEWSFLOW_EMBEDDED_NATS_USER=bob"}} {
		dir := filepath.Join(t.TempDir(), "data")
		out, stop := upServersEnv(t, env, "up", "--data", dir, "--nats-port", "-1", "--mongo-port", "-1", "--health-addr", "off", "--no-services")
		if err := stop(); err == nil || !strings.Contains(err.Error(), "go together") || strings.Contains(out.String(), "servers running") {
			t.Errorf("up with %s: %v, want a refusal\n%s", env, err, out.String())
		}
	}
	for _, tc := range []struct{ name, key, value string }{
		{"stories", "STORIES", "maybe"},
		{"ingest limit", "INGEST_MAX_BYTES", "lots"},
		{"enrich limit", "ENRICH_MAX_BODY_BYTES", "12"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			var out bytes.Buffer
			getenv := func(k string) string {
				if k == tc.key {
					return tc.value
				}
				return ""
			}
			// (A start that does not refuse runs until the context ends.)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			err := run(ctx, []string{"up", "--data", data, "--nats-port", "-1", "--mongo-port", "0", "--health-addr", "off"}, getenv, strings.NewReader(""), &out, &out)
			if err == nil || !strings.Contains(err.Error(), tc.key) {
				t.Fatalf("%s=%s: err %v, want one naming %s\n%s", tc.key, tc.value, err, tc.key, out.String())
			}
			if strings.Contains(out.String(), "NATS ") {
				t.Errorf("a server started before %s was refused:\n%s", tc.key, out.String())
			}
			if _, err := os.Stat(data); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the refused start left %s (stat: %v)", data, err)
			}
		})
	}
}

// TestUpFailedStartSparesAnotherUp: a start that fails on a --data
// directory another running up uses removes nothing of the other's: not
// when its own lock is refused, not when it fails after making a server
// directory of its own beside the other's (which it removes).
func TestUpFailedStartSparesAnotherUp(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	startServers(t, upOptions{dataDir: data, natsPort: -1, servers: "nats"})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	taken := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"its lock refused", []string{"--nats-port", "-1", "--mongo-port", "0", "--health-addr", "off"}},
		{"a server of its own beside", []string{"--no-services", "--servers", "mongo", "--mongo-port", taken}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var bout bytes.Buffer
			if err := run(context.Background(), append([]string{"up", "--data", data}, tc.args...), func(string) string { return "" }, strings.NewReader(""), &bout, &bout); err == nil {
				t.Fatalf("the second up started:\n%s", bout.String())
			}
			if _, err := os.Stat(filepath.Join(data, "nats", "newsflow.lock")); err != nil {
				t.Errorf("the failed start removed the running up's directory: %v", err)
			}
			if _, err := os.Stat(filepath.Join(data, "mongo")); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("the failed start left its own server directory (stat: %v)", err)
			}
		})
	}
}

// TestLoopbackHost: up warns when its servers listen beyond this machine.
func TestLoopbackHost(t *testing.T) {
	for host, want := range map[string]bool{"127.0.0.1": true, "localhost": true, "::1": true, "127.0.0.2": true, "0.0.0.0": false, "::": false, "192.168.1.20": false, "example.com": false} {
		t.Run(host, func(t *testing.T) {
			if got := loopbackHost(host); got != want {
				t.Errorf("loopbackHost(%q) = %v, want %v", host, got, want)
			}
		})
	}
}

// TestDialable: the URLs `up --host 0.0.0.0` prints are ones this machine
// can dial, not its wildcard listen address.
func TestDialable(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"nats on all IPv4", "nats://0.0.0.0:36907", "nats://127.0.0.1:36907"},
		{"mongo on all IPv6", "mongodb://[::]:36315/", "mongodb://127.0.0.1:36315/"},
		{"credentials kept", "nats://u:p@0.0.0.0:4222", "nats://u:p@127.0.0.1:4222"},
		{"loopback as it is", "nats://127.0.0.1:4222", "nats://127.0.0.1:4222"},
		{"a host name as it is", "mongodb://db.example:27017/", "mongodb://db.example:27017/"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := dialable(tc.in); got != tc.want {
				t.Errorf("dialable(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestUpNoServicesDrops: --drop with --no-services drops the files into
// the embedded NATS, where they wait for an ingest (they were ignored
// without a word), and is refused when no NATS is embedded to take them.
func TestUpNoServicesDrops(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt"} {
		body := "Headline of " + name + "\n\nThe body of " + name + " says enough to be an article.\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		servers []string
		msgs    uint64 // in ARTICLES_IN once dropped
		refused string
	}{
		{"both servers", nil, 2, ""},
		{"nats only", []string{"--servers", "nats"}, 2, ""},
		{"no nats to drop to", []string{"--servers", "mongo"}, 0, "--drop with --no-services"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"up", "--data", t.TempDir(), "--nats-port", "0", "--mongo-port", "0", "--health-addr", "off", "--no-services"}, tc.servers...)
			out, stop := upServers(t, append(args, "--drop", dir)...)
			if tc.refused != "" {
				if err := stop(); err == nil || !strings.Contains(err.Error(), tc.refused) {
					t.Fatalf("err %v, want one saying %q\n%s", err, tc.refused, out.String())
				}
				return
			}
			defer func() { _ = stop() }()
			m := regexp.MustCompile(`NATS +(nats://\S+)`).FindStringSubmatch(out.String())
			if m == nil {
				t.Fatalf("no NATS URL:\n%s", out.String())
			}
			js := natstest.JetStream(t, m[1])
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			var got uint64
			for ctx.Err() == nil {
				if s, err := js.Stream(ctx, jsbus.StreamIn); err == nil {
					if info, err := s.Info(ctx); err == nil {
						if got = info.State.Msgs; got >= tc.msgs {
							break
						}
					}
				}
				time.Sleep(50 * time.Millisecond)
			}
			if got != tc.msgs || strings.Count(out.String(), "dropped ") != int(tc.msgs) {
				t.Errorf("%d messages in %s, want %d:\n%s", got, jsbus.StreamIn, tc.msgs, out.String())
			}
		})
	}
}
