package deploycheck

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
)

// repoRoot is the repository root, from this package's directory.
const repoRoot = "../../../.."

var (
	buildOnce sync.Once
	natsBin   string
	buildErr  error
)

// natsServerBin builds the real nats-server (the go.mod tool of
// cmd/newsflow, the version the project embeds) once per test binary.
func natsServerBin(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "newsflow-deploycheck-")
		if err != nil {
			buildErr = err
			return
		}
		natsBin = filepath.Join(dir, "nats-server")
		cmd := exec.Command("go", "build", "-o", natsBin, "github.com/nats-io/nats-server/v2")
		cmd.Dir = filepath.Join(repoRoot, "cmd", "newsflow")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build nats-server: %w\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return natsBin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if natsBin != "" {
		_ = os.RemoveAll(filepath.Dir(natsBin))
	}
	os.Exit(code)
}

// roles are the NATS users of deploy/nats/auth.conf.
var roles = []string{"dropper", "ingest", "enrich", "store", "subscriber", "operator"}

// natsProc is a nats-server started through deploy/nats/entrypoint.sh.
type natsProc struct {
	cmd      *exec.Cmd
	done     chan struct{}
	log      string
	portsDir string // where the server writes its ports file
}

// startNATS runs entrypoint.sh with env and args, as the compose file does
// (the script execs the real nats-server binary).
func startNATS(t *testing.T, portsDir string, env []string, args ...string) *natsProc {
	t.Helper()
	logPath := filepath.Join(t.TempDir(), "nats.log")
	f, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", append([]string{filepath.Join(repoRoot, "deploy/nats/entrypoint.sh")}, args...)...)
	cmd.Env = append(os.Environ(), append(env, "NATS_SERVER_BIN="+natsServerBin(t))...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &natsProc{cmd: cmd, done: make(chan struct{}), log: logPath, portsDir: portsDir}
	go func() { _ = cmd.Wait(); f.Close(); close(p.done) }()
	t.Cleanup(func() { p.kill() })
	return p
}

func (p *natsProc) kill() {
	select {
	case <-p.done:
		return
	default:
	}
	_ = p.cmd.Process.Kill()
	<-p.done
}

// logText is the server's output so far.
func (p *natsProc) logText() string {
	b, _ := os.ReadFile(p.log)
	return string(b)
}

// waitUp waits until the server has written its ports file and accepts
// the operator, and returns its client URL; or fails with its log.
func (p *natsProc) waitUp(t *testing.T, opts ...nats.Option) string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		select {
		case <-p.done:
			t.Fatalf("nats-server exited:\n%s", p.logText())
		default:
		}
		url, err := p.clientURL()
		if err == nil {
			var nc *nats.Conn
			if nc, err = nats.Connect(url, append(opts, nats.Timeout(time.Second))...); err == nil {
				nc.Close()
				return url
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("nats-server not ready: %v\n%s", err, p.logText())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// clientURL reads the client URL from the ports file the server writes
// once it listens: ports chosen by the server itself, because a port
// picked free beforehand can be taken by a parallel test before the
// server binds it (CI saw "address already in use").
func (p *natsProc) clientURL() (string, error) {
	files, err := filepath.Glob(filepath.Join(p.portsDir, "*.ports"))
	if err != nil || len(files) == 0 {
		return "", fmt.Errorf("no ports file in %s yet", p.portsDir)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		return "", err
	}
	var ports struct {
		Nats []string `json:"nats"`
	}
	if err := json.Unmarshal(b, &ports); err != nil || len(ports.Nats) == 0 {
		return "", fmt.Errorf("ports file %s: %q", files[0], b)
	}
	return ports.Nats[0], nil
}

// secretFiles writes one password file per role, as Docker mounts secrets,
// and returns the environment that names them.
func secretFiles(t *testing.T, pass func(role string) string) []string {
	t.Helper()
	dir := t.TempDir()
	var env []string
	for _, r := range roles {
		p := filepath.Join(dir, r)
		if err := os.WriteFile(p, []byte(pass(r)+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		env = append(env, "NATS_"+strings.ToUpper(r)+"_PASSWORD_FILE="+p)
	}
	return env
}

// localArgs runs deploy/nats/nats.conf on loopback ports the server
// chooses and reports in a ports file under portsDir: the address and
// ports by flags, the JetStream directory (which no flag overrides) by
// copying the config beside auth.conf with only its store_dir line changed.
func localArgs(t *testing.T) (portsDir string, args []string) {
	t.Helper()
	dir := t.TempDir()
	conf := copyConf(t, dir, "nats.conf", map[string]string{"store_dir: /data": "store_dir: " + strconv.Quote(filepath.Join(dir, "js"))})
	copyConf(t, dir, "auth.conf", nil)
	portsDir = filepath.Join(dir, "ports")
	if err := os.Mkdir(portsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	return portsDir, []string{
		"--config", conf, "--addr", "127.0.0.1", "--port", "-1",
		"--http_port", "-1", "--ports_file_dir", portsDir,
	}
}

// copyConf copies deploy/nats/<name> into dir with each old string
// replaced; an old string that is not in the file fails the test, so the
// deploy file cannot drift away from what is tested.
func copyConf(t *testing.T, dir, name string, replace map[string]string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "deploy/nats", name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for old, repl := range replace {
		if !strings.Contains(s, old) {
			t.Fatalf("deploy/nats/%s lacks %q", name, old)
		}
		s = strings.ReplaceAll(s, old, repl)
	}
	out := filepath.Join(dir, name)
	if err := os.WriteFile(out, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}
