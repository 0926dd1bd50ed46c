package deploycheck

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

// upDefaults are the ports 'newsflow up' listens on by default (up.go) and
// the NATS monitoring port: the compose stack must not publish them.
var upDefaults = []string{"4222", "27017", "8080", "8222"}

// loadCompose loads docker-compose.yml with the Compose v2 loader and the
// given environment only (no .env, no shell), as 'docker compose config'
// would.
func loadCompose(t *testing.T, env ...string) *types.Project {
	t.Helper()
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	opts, err := cli.NewProjectOptions([]string{filepath.Join(root, "docker-compose.yml")},
		cli.WithWorkingDirectory(root), cli.WithEnv(env), cli.WithDiscardEnvFile)
	if err != nil {
		t.Fatal(err)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		t.Fatalf("compose loader: %v", err)
	}
	return p
}

// env returns a service's environment variable ("" when unset).
func env(s types.ServiceConfig, k string) string {
	if v, ok := s.Environment[k]; ok && v != nil {
		return *v
	}
	return ""
}

func TestComposeServices(t *testing.T) {
	p := loadCompose(t)
	var names []string
	for n := range p.Services {
		names = append(names, n)
	}
	slices.Sort(names)
	if want := []string{"enrich", "ingest", "mongo", "nats", "store"}; !slices.Equal(names, want) {
		t.Fatalf("services %v, want %v", names, want)
	}
	for _, n := range names {
		s := p.Services[n]
		t.Run(n, func(t *testing.T) {
			if s.HealthCheck == nil || s.HealthCheck.Disable || len(s.HealthCheck.Test) < 2 {
				t.Fatalf("no health check: %+v", s.HealthCheck)
			}
		})
	}
}

// TestComposeStages: each stage is built from its Dockerfile, checks its
// health with its own binary, waits for a healthy NATS (and the store for a
// healthy MongoDB), logs in as its own NATS user with a secret file and
// reads replies on its own inbox prefix.
func TestComposeStages(t *testing.T) {
	p := loadCompose(t)
	auth := readFile(t, "deploy/nats/auth.conf")
	for _, stage := range []string{"ingest", "enrich", "store"} {
		t.Run(stage, func(t *testing.T) {
			s := p.Services[stage]
			if s.Build == nil || s.Build.Dockerfile != "deploy/"+stage+".Dockerfile" {
				t.Errorf("build %+v, want deploy/%s.Dockerfile", s.Build, stage)
			}
			bin := "/usr/local/bin/" + stage
			if got, want := []string(s.HealthCheck.Test), []string{"CMD", bin, "healthcheck"}; !slices.Equal(got, want) {
				t.Errorf("healthcheck %q, want %q", got, want)
			}
			if df := readFile(t, "deploy/"+stage+".Dockerfile"); !strings.Contains(df, `ENTRYPOINT ["`+bin+`"]`) {
				t.Errorf("the Dockerfile does not install %s as the entrypoint", bin)
			}
			wantDeps := map[string]bool{"nats": true}
			if stage == "store" {
				wantDeps["mongo"] = true
			}
			if len(s.DependsOn) != len(wantDeps) {
				t.Errorf("depends_on %v, want %v", s.DependsOn, wantDeps)
			}
			for dep := range wantDeps {
				if d, ok := s.DependsOn[dep]; !ok || d.Condition != types.ServiceConditionHealthy {
					t.Errorf("depends_on %s: %+v, want condition service_healthy", dep, d)
				}
			}
			if env(s, "NATS_URL") != "nats://nats:4222" {
				t.Errorf("NATS_URL %q", env(s, "NATS_URL"))
			}
			user := env(s, "NATS_USER")
			if user != stage {
				t.Errorf("NATS_USER %q, want %q", user, stage)
			}
			if !strings.Contains(auth, "user: "+user+",") || !strings.Contains(auth, `"_INBOX.`+user+`.>"`) {
				t.Errorf("auth.conf has no user %s with inbox _INBOX.%s.>", user, user)
			}
			if got := env(s, "NATS_INBOX_PREFIX"); got != "_INBOX."+user {
				t.Errorf("NATS_INBOX_PREFIX %q, want _INBOX.%s", got, user)
			}
			if got := env(s, "NATS_PASSWORD_FILE"); got != "/run/secrets/nats-"+stage+"-password" {
				t.Errorf("NATS_PASSWORD_FILE %q", got)
			}
			if env(s, "HEALTH_ADDR") != ":8080" {
				t.Errorf("HEALTH_ADDR %q: the health check probes :8080", env(s, "HEALTH_ADDR"))
			}
		})
	}
	st := p.Services["store"]
	if env(st, "MONGO_URI") != "" {
		t.Errorf("store: MONGO_URI is set; the URI is built from MONGO_HOST/USER/PASSWORD_FILE")
	}
	mongo := p.Services["mongo"]
	if env(st, "MONGO_HOST") != "mongo:27017" || env(st, "MONGO_USER") != env(mongo, "MONGO_INITDB_ROOT_USERNAME") ||
		env(st, "MONGO_PASSWORD_FILE") != env(mongo, "MONGO_INITDB_ROOT_PASSWORD_FILE") || env(st, "MONGO_AUTH_SOURCE") != "admin" {
		t.Errorf("store's MongoDB settings do not match the mongo service's root user: %v vs %v", st.Environment, mongo.Environment)
	}
}

// TestComposeSecrets: no password in an environment variable; every *_FILE
// is a secret the service mounts, declared as a file under ./secrets/ that
// scripts/compose-secrets.sh creates; the NATS server gets a file for each
// role its entrypoint reads.
func TestComposeSecrets(t *testing.T) {
	p := loadCompose(t)
	root, _ := filepath.Abs(repoRoot)
	for name, sec := range p.Secrets {
		if want := filepath.Join(root, "secrets", name); sec.File != want {
			t.Errorf("secret %s: file %q, want %q", name, sec.File, want)
		}
	}
	for n, s := range p.Services {
		mounted := map[string]bool{}
		for _, sec := range s.Secrets {
			if _, ok := p.Secrets[sec.Source]; !ok {
				t.Errorf("%s: secret %s is not declared", n, sec.Source)
			}
			mounted[sec.Source] = true
		}
		for k, v := range s.Environment {
			if strings.Contains(k, "PASSWORD") && !strings.HasSuffix(k, "_FILE") {
				t.Errorf("%s: %s is a password in the environment", n, k)
			}
			if strings.HasSuffix(k, "_FILE") {
				sec, ok := strings.CutPrefix(*v, "/run/secrets/")
				if !ok || !mounted[sec] {
					t.Errorf("%s: %s=%s is not a mounted secret", n, k, *v)
				}
			}
		}
	}
	nats := p.Services["nats"]
	roles := regexp.MustCompile(`for role in ([A-Z ]+); do`).FindStringSubmatch(readFile(t, "deploy/nats/entrypoint.sh"))
	if roles == nil {
		t.Fatal("entrypoint.sh: no role list")
	}
	for _, r := range strings.Fields(roles[1]) {
		if env(nats, "NATS_"+r+"_PASSWORD_FILE") == "" {
			t.Errorf("nats: no NATS_%s_PASSWORD_FILE", r)
		}
	}
	if got := []string(nats.Entrypoint); !slices.Equal(got, []string{"/bin/sh", "/etc/nats/entrypoint.sh"}) {
		t.Errorf("nats entrypoint %q: the passwords must go through entrypoint.sh", got)
	}
	mounts := map[string]string{}
	for _, v := range nats.Volumes {
		if v.Type == types.VolumeTypeBind {
			rel, _ := filepath.Rel(root, v.Source)
			mounts[v.Target] = rel
			if !v.ReadOnly {
				t.Errorf("nats: %s is mounted writable", v.Target)
			}
		}
	}
	for target, src := range map[string]string{
		"/etc/nats/nats.conf": "deploy/nats/nats.conf", "/etc/nats/auth.conf": "deploy/nats/auth.conf",
		"/etc/nats/entrypoint.sh": "deploy/nats/entrypoint.sh",
	} {
		if mounts[target] != src {
			t.Errorf("nats: %s mounted from %q, want %s", target, mounts[target], src)
		}
	}

	// The script creates every declared secret, readable by the services'
	// non-root user.
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "scripts"), 0o755); err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(dir, "scripts", "compose-secrets.sh")
	if err := os.WriteFile(script, []byte(readFile(t, "scripts/compose-secrets.sh")), 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("sh", script).CombinedOutput(); err != nil {
		t.Fatalf("compose-secrets.sh: %v\n%s", err, out)
	}
	for name := range p.Secrets {
		fi, err := os.Stat(filepath.Join(dir, "secrets", name))
		if err != nil {
			t.Errorf("compose-secrets.sh did not create %s: %v", name, err)
			continue
		}
		if fi.Mode().Perm()&0o004 == 0 || fi.Size() < 16 {
			t.Errorf("secrets/%s: mode %v size %d", name, fi.Mode(), fi.Size())
		}
	}
}

// TestComposePorts: only NATS and MongoDB publish ports, on loopback, away
// from the defaults of 'newsflow up'; .env can move them.
func TestComposePorts(t *testing.T) {
	tests := []struct {
		name string
		env  []string
		want map[string]string
	}{
		{"defaults", nil, map[string]string{"nats": "14222", "mongo": "27018"}},
		{"from .env", []string{"NEWSFLOW_NATS_PORT=24222", "NEWSFLOW_MONGO_PORT=37017"}, map[string]string{"nats": "24222", "mongo": "37017"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := loadCompose(t, tc.env...)
			for n, s := range p.Services {
				want, publishes := tc.want[n]
				if !publishes {
					if len(s.Ports) > 0 {
						t.Errorf("%s publishes %+v", n, s.Ports)
					}
					continue
				}
				if len(s.Ports) != 1 {
					t.Fatalf("%s ports %+v, want one", n, s.Ports)
				}
				port := s.Ports[0]
				if port.HostIP != "127.0.0.1" {
					t.Errorf("%s: published on %q, want 127.0.0.1", n, port.HostIP)
				}
				if port.Published != want || slices.Contains(upDefaults, port.Published) {
					t.Errorf("%s: host port %s, want %s (not one of newsflow up's %v)", n, port.Published, want, upDefaults)
				}
			}
		})
	}
	// .env.example names exactly the variables the file interpolates.
	example := readFile(t, ".env.example")
	for _, v := range []string{"NEWSFLOW_NATS_PORT=14222", "NEWSFLOW_MONGO_PORT=27018"} {
		if !strings.Contains(example, v) {
			t.Errorf(".env.example lacks %s", v)
		}
	}
}

// TestDockerfiles: the build image is the Go version go.mod asks for,
// modules are downloaded before the sources are copied, with cache mounts.
func TestDockerfiles(t *testing.T) {
	gomod := readFile(t, "services/ingest/go.mod")
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(gomod)
	if m == nil {
		t.Fatal("go.mod has no go line")
	}
	for _, stage := range []string{"ingest", "enrich", "store"} {
		t.Run(stage, func(t *testing.T) {
			df := readFile(t, "deploy/"+stage+".Dockerfile")
			if !strings.Contains(df, "FROM golang:"+m[1]+"-") {
				t.Errorf("build image is not golang:%s", m[1])
			}
			if v := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(readFile(t, "services/"+stage+"/go.mod")); v == nil || v[1] != m[1] {
				t.Errorf("services/%s/go.mod asks for another Go version: %v", stage, v)
			}
			dl := strings.Index(df, "go mod download")
			src := strings.Index(df, "COPY services/"+stage+"/ services/"+stage+"/")
			mods := strings.Index(df, "COPY services/"+stage+"/go.mod")
			if dl < 0 || src < 0 || mods < 0 || !(mods < dl && dl < src) {
				t.Errorf("want COPY go.mod, go mod download, then COPY sources (at %d, %d, %d)", mods, dl, src)
			}
			if strings.Count(df, "--mount=type=cache,target=/go/pkg/mod") < 2 || !strings.Contains(df, "--mount=type=cache,target=/root/.cache/go-build") {
				t.Errorf("no BuildKit cache mounts for modules and the build cache")
			}
		})
	}
}

func readFile(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
