package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gofrs/flock"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/embedded"
	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/pkg/health"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/logging"
	"github.com/newsflow/newsflow/pkg/service"
	"github.com/newsflow/newsflow/services/enrich/enrich"
	"github.com/newsflow/newsflow/services/ingest/ingest"
	"github.com/newsflow/newsflow/services/ingest/parse"
	"github.com/newsflow/newsflow/services/store/store"
)

// stringsFlag collects a repeatable flag.
type stringsFlag []string

func (s *stringsFlag) String() string     { return strings.Join(*s, ",") }
func (s *stringsFlag) Set(v string) error { *s = append(*s, v); return nil }

// upOptions are the settings of 'newsflow up'.
type upOptions struct {
	dataDir    string
	host       string
	natsPort   int
	mongoPort  int
	healthAddr string
	drops      []string
	noServices bool
	// servers lists the servers to embed when no URL is given: nats, mongo.
	servers  string
	natsUser string
	natsPass string
	// natsToken turns on token authentication instead of user and password.
	natsToken string
}

func cmdUp(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("up", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var o upOptions
	var drops stringsFlag
	fs.StringVar(&o.dataDir, "data", "newsflow-data", "directory for the embedded servers' files")
	fs.StringVar(&o.host, "host", "127.0.0.1", "address the embedded servers listen on")
	fs.IntVar(&o.natsPort, "nats-port", 4222, "port of the embedded NATS server (0 or -1: any free port)")
	fs.IntVar(&o.mongoPort, "mongo-port", 27017, "port of the embedded MongoDB-compatible server (0 or -1: any free port)")
	fs.StringVar(&o.healthAddr, "health-addr", "127.0.0.1:8080", "address of /healthz, /readyz and /metrics (\"off\" to disable)")
	fs.Var(&drops, "drop", "drop these files or folders after start (repeatable; further arguments are dropped too)")
	fs.BoolVar(&o.noServices, "no-services", false, "run only the embedded servers")
	fs.StringVar(&o.servers, "servers", "nats,mongo", "with --no-services: which servers to embed (nats, mongo or both), e.g. one per process")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: newsflow up [flags] [--drop PATH...]")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return errUsage
	}
	if strings.TrimSpace(o.dataDir) == "" {
		fmt.Fprintln(e.stderr, "up: --data is empty: name a directory for the embedded servers' files (default newsflow-data)")
		return errUsage
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	serversSet := set["servers"]
	// NATS_URL and MONGO_URI, exported for drop and tail, make up use
	// those servers and embed none: a port or a data directory asked for
	// on the command line would be ignored without a word.
	natsSet, mongoSet := e.getenv("NATS_URL") != "", e.getenv("MONGO_URI") != "" || e.getenv("MONGO_URI_FILE") != ""
	for _, c := range []struct {
		on         bool
		flag, what string
	}{
		{natsSet && set["nats-port"], "--nats-port", "NATS_URL is set, so up uses that server"},
		{mongoSet && set["mongo-port"], "--mongo-port", "MONGO_URI is set, so up uses that server"},
		{natsSet && mongoSet && set["data"], "--data", "NATS_URL and MONGO_URI are set, so up uses those servers"},
	} {
		if c.on {
			return fmt.Errorf("up: %s and embeds none; %s would be ignored: unset it for up (env -u NATS_URL -u MONGO_URI newsflow up ...) or leave %s out", c.what, c.flag, c.flag)
		}
	}
	if serversSet && !o.noServices {
		return errors.New("up: --servers chooses the servers of --no-services; add --no-services, or leave --servers out to run everything")
	}
	o.drops = append(drops, fs.Args()...)
	if len(drops) == 0 && fs.NArg() > 0 {
		return fmt.Errorf("up: unexpected arguments %q (did you mean --drop?)", fs.Args())
	}
	if o.healthAddr == "off" {
		o.healthAddr = ""
	}
	for _, p := range []struct {
		flag string
		port int
	}{{"--nats-port", o.natsPort}, {"--mongo-port", o.mongoPort}} {
		if p.port < -1 || p.port > 65535 {
			return fmt.Errorf("up: %s %d: a port is 1 to 65535 (0 or -1: any free port)", p.flag, p.port)
		}
	}
	// One convention for "any free port" on both: the NATS server's is -1
	// (its 0 is 4222), the listener's 0.
	if o.natsPort == 0 {
		o.natsPort = -1
	}
	if o.mongoPort == -1 {
		o.mongoPort = 0
	}
	o.natsUser, o.natsPass = e.getenv("NEWSFLOW_EMBEDDED_NATS_USER"), e.getenv("NEWSFLOW_EMBEDDED_NATS_PASSWORD")
	o.natsToken = e.getenv("NEWSFLOW_EMBEDDED_NATS_TOKEN")
	if o.natsToken != "" && o.natsUser != "" {
		return errors.New("up: NEWSFLOW_EMBEDDED_NATS_TOKEN and NEWSFLOW_EMBEDDED_NATS_USER exclude each other")
	}
	// (Half a pair left NATS open: a password without a user was ignored,
	// a user without one let anyone in under that name.)
	if (o.natsUser == "") != (o.natsPass == "") {
		return errors.New("up: NEWSFLOW_EMBEDDED_NATS_USER and NEWSFLOW_EMBEDDED_NATS_PASSWORD go together: set both, or neither (or NEWSFLOW_EMBEDDED_NATS_TOKEN alone)")
	}
	log, err := logging.New(e.stderr, logging.Config{Format: e.getenv("LOG_FORMAT"), Level: orDefault(e.getenv("LOG_LEVEL"), "warn")})
	if err != nil {
		return err
	}
	pipeline.TuneGC(e.getenv)
	// Say when Ctrl-C is taken and when everything has closed: draining
	// the in-flight messages may take a few seconds.
	const stopping = "stopping: finishing the messages in flight"
	said := make(chan struct{})
	stop := context.AfterFunc(ctx, func() { fmt.Fprintln(e.stdout, stopping); close(said) })
	err = up(ctx, e, o, log, nil)
	if ctx.Err() != nil {
		// (The stopping line first, always: up may return before the
		// goroutine that says it has run.)
		if stop() {
			fmt.Fprintln(e.stdout, stopping)
		} else {
			<-said
		}
		fmt.Fprintln(e.stdout, "stopped")
	} else if !stop() {
		<-said // (cancelled just now: said before returning)
	}
	return err
}

// loopbackHost reports a listening address that only this machine reaches.
func loopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// portFlag names the flag that chooses a port another process holds.
func portFlag(err error, flag string) error {
	switch {
	case errors.Is(err, embedded.ErrPortInUse):
		return fmt.Errorf("up: %w: choose another with %s", err, flag)
	case errors.Is(err, embedded.ErrAddrNotAvailable) && flag == "--health-addr":
		return fmt.Errorf("up: %w: choose another with %s", err, flag)
	case errors.Is(err, embedded.ErrAddrNotAvailable):
		return fmt.Errorf("up: %w: choose another with --host", err)
	}
	return err
}

func orDefault(v, d string) string {
	if v == "" {
		return d
	}
	return v
}

// ErrDataDirInUse is returned when another process runs embedded servers
// on the same --data directory: two NATS servers writing one store lose
// messages both have acknowledged.
var ErrDataDirInUse = errors.New("data directory in use")

// lockDataDir takes the lock file of dir (which up has made, or found)
// and returns its release.
func lockDataDir(dir string) (func(), error) {
	l := flock.New(filepath.Join(dir, "newsflow.lock"))
	ok, err := l.TryLock()
	if err != nil {
		return nil, fmt.Errorf("up: lock %s: %w", l.Path(), err)
	}
	if !ok {
		return nil, fmt.Errorf("up: %w: another newsflow up runs a server on %s (choose another --data)", ErrDataDirInUse, dir)
	}
	return func() { _ = l.Unlock() }, nil
}

// endpoints are where the running stack listens.
type endpoints struct {
	NATSURL  string
	MongoURI string
}

// up runs the stack until ctx ends. ready, if set, is called once the
// stages run.
func up(ctx context.Context, e env, o upOptions, log *slog.Logger, ready func(endpoints)) (err error) {
	// A start that fails (a port taken, a bad flag) before any stream
	// exists leaves behind no directory it made: streams are created by
	// the first connect, after which everything is the user's. What it
	// made is known when made (os.Mkdir succeeding, not a look before):
	// another up may make or use the same --data at the same moment, and
	// a symbolic link named as --data is the user's, even dangling.
	streamsMade, ownDir := false, false
	failedEarly := func() bool { return err != nil && !streamsMade }
	defer func() {
		// (Runs last: after the servers stopped and each server directory
		// this start made was removed under its lock; only if then empty.)
		if ownDir && failedEarly() {
			_ = os.Remove(o.dataDir)
		}
	}()
	cfg, err := service.ConfigFromEnv(e.getenv, "newsflow-up")
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	cfg.HealthAddr = o.healthAddr
	scfg, err := store.ConfigFromEnv(e.getenv)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	// The embedded stages read what the services read, and all of it
	// before anything starts: a bad value starts no server.
	pcfg, err := ingest.ParseConfigFromEnv(e.getenv)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	limits, err := enrich.LimitsFromEnv(e.getenv)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	fo, err := enrich.FanoutFromEnv(e.getenv)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	if err := enrich.CheckStoriesEnv(e.getenv); err != nil {
		return fmt.Errorf("config: %w", err)
	}

	embedNATS, embedMongo := e.getenv("NATS_URL") == "", e.getenv("MONGO_URI") == "" && e.getenv("MONGO_URI_FILE") == ""
	if o.noServices && o.servers != "" {
		want := map[string]bool{}
		for _, s := range strings.Split(o.servers, ",") {
			s = strings.TrimSpace(s)
			if s != "nats" && s != "mongo" {
				return fmt.Errorf("--servers: unknown server %q (want nats, mongo)", s)
			}
			want[s] = true
		}
		embedNATS, embedMongo = embedNATS && want["nats"], embedMongo && want["mongo"]
	}
	if o.noServices && !embedNATS && !embedMongo {
		return errors.New("up: --no-services with no server to embed (NATS_URL or MONGO_URI names the servers --servers asks for): nothing would run")
	}
	// (--drop with --no-services was ignored without a word.)
	if o.noServices && len(o.drops) > 0 && !embedNATS {
		return errors.New("up: --drop with --no-services drops into the embedded NATS, and this up embeds none (--servers mongo, or NATS_URL set): drop with newsflow drop where NATS runs")
	}
	if !loopbackHost(o.host) {
		// Not refused (a LAN demo is a fair use), but said: whoever
		// reaches this address can drop, read and delete.
		var open []string
		if embedMongo {
			open = append(open, "MongoDB has no password")
		}
		if embedNATS && o.natsUser == "" && o.natsToken == "" {
			open = append(open, "NATS has none (set NEWSFLOW_EMBEDDED_NATS_USER and NEWSFLOW_EMBEDDED_NATS_PASSWORD, or NEWSFLOW_EMBEDDED_NATS_TOKEN)")
		}
		if len(open) > 0 {
			fmt.Fprintf(e.stderr, "warning: the embedded servers listen on %s, beyond this machine: %s\n", o.host, strings.Join(open, "; "))
		}
	}
	// Each embedded server locks its own directory: two processes may run
	// one server each on one --data (--servers nats, --servers mongo), never
	// the same server twice.
	if embedNATS || embedMongo {
		if err := os.MkdirAll(filepath.Dir(filepath.Clean(o.dataDir)), 0o750); err != nil {
			return fmt.Errorf("up: data directory: %w", err)
		}
		switch err := os.Mkdir(o.dataDir, 0o750); {
		case err == nil:
			ownDir = true
		case !errors.Is(err, fs.ErrExist):
			return fmt.Errorf("up: data directory: %w", err)
		}
	}
	for server, on := range map[string]bool{"nats": embedNATS, "mongo": embedMongo} {
		if !on {
			continue
		}
		dir := filepath.Join(o.dataDir, server)
		mkErr := os.Mkdir(dir, 0o750)
		if mkErr != nil && !errors.Is(mkErr, fs.ErrExist) {
			return fmt.Errorf("up: data directory: %w", mkErr)
		}
		madeSub := mkErr == nil
		unlock, err := lockDataDir(dir)
		if err != nil {
			return err
		}
		defer func() {
			// A server directory this start made goes while its lock is
			// held (its server has stopped: deferred after this).
			if madeSub && failedEarly() {
				if rmErr := os.RemoveAll(dir); rmErr != nil {
					log.Warn("removing the data directory of a failed start", "dir", dir, "err", rmErr)
				}
			}
			unlock()
		}()
	}
	// (A taken health port is refused before any server starts, as a
	// taken server port is.)
	if !o.noServices && cfg.HealthAddr != "" {
		if err := embedded.CheckFree(cfg.HealthAddr); err != nil {
			return portFlag(err, "--health-addr (or --health-addr off)")
		}
	}
	var ep endpoints
	if embedNATS {
		ns, err := embedded.StartNATS(embedded.NATSConfig{
			Host: o.host, Port: o.natsPort, StoreDir: filepath.Join(o.dataDir, "nats"),
			User: o.natsUser, Password: o.natsPass, Token: o.natsToken,
		}, log)
		if err != nil {
			return portFlag(err, "--nats-port")
		}
		defer ns.Shutdown()
		cfg.NATS.URL = ns.URL()
		cfg.NATS.InProcess = ns.InProcess()
		cfg.NATS.User, cfg.NATS.Password, cfg.NATS.Token = o.natsUser, o.natsPass, o.natsToken
	}
	ep.NATSURL = dialable(cfg.NATS.URL)
	if embedMongo {
		ms, err := embedded.StartMongo(ctx, embedded.MongoConfig{Host: o.host, Port: o.mongoPort, Dir: filepath.Join(o.dataDir, "mongo")}, log)
		if err != nil {
			return portFlag(err, "--mongo-port")
		}
		defer ms.Shutdown()
		scfg.URI = ms.URI()
	}
	ep.MongoURI = dialable(scfg.URI)

	if !embedNATS && o.noServices {
		ep.NATSURL = ""
	}
	if !embedMongo && o.noServices {
		ep.MongoURI = ""
	}
	if ep.NATSURL != "" {
		u := safeLine(jsbus.RedactURL(ep.NATSURL))
		// (The credentials by reference to the variables that set them,
		// as in the export line below: the secret is not written out.)
		var creds string
		switch {
		case embedNATS && o.natsUser != "":
			creds = " --user " + safeLine(shellQuote(o.natsUser)) + ` --password "$NEWSFLOW_EMBEDDED_NATS_PASSWORD"`
		case embedNATS && o.natsToken != "":
			creds = ` --token "$NEWSFLOW_EMBEDDED_NATS_TOKEN"`
		}
		fmt.Fprintf(e.stdout, "NATS     %s   (try: nats --server %s%s stream info %s)\n", u, u, creds, jsbus.StreamName)
	}
	if ep.MongoURI != "" {
		u := safeLine(store.RedactURI(ep.MongoURI))
		fmt.Fprintf(e.stdout, "MongoDB  %s   (try: mongosh %s --eval 'db.getSiblingDB(\"%s\").%s.countDocuments()')\n",
			u, u, safeLine(scfg.Database), safeLine(scfg.Collection))
	}

	// drop, tail and status find the servers on the default ports; on
	// others they need the URLs.
	var exports []string
	if ep.NATSURL != "" && embedNATS && !strings.HasSuffix(ep.NATSURL, ":4222") {
		exports = append(exports, "NATS_URL="+safeLine(jsbus.RedactURL(ep.NATSURL)))
	}
	// (The credentials by reference to the variables that set them: the
	// password is not written out.)
	switch {
	case embedNATS && o.natsUser != "":
		exports = append(exports, "NATS_USER="+safeLine(shellQuote(o.natsUser)), `NATS_PASSWORD="$NEWSFLOW_EMBEDDED_NATS_PASSWORD"`)
	case embedNATS && o.natsToken != "":
		exports = append(exports, `NATS_TOKEN="$NEWSFLOW_EMBEDDED_NATS_TOKEN"`)
	}
	if ep.MongoURI != "" && embedMongo && !strings.Contains(ep.MongoURI, ":27017") {
		exports = append(exports, "MONGO_URI="+safeLine(store.RedactURI(ep.MongoURI)))
	}
	if len(exports) > 0 {
		fmt.Fprintf(e.stdout, "other commands (drop, tail, status) find these servers with: export %s\n", strings.Join(exports, " "))
	}

	if o.noServices {
		if embedNATS {
			// Create the streams now, so that drops are taken before any
			// service has started.
			r, err := service.Connect(ctx, cfg, health.New("", log), log)
			if err != nil {
				return err
			}
			streamsMade = true
			r.Close()
		}
		fmt.Fprintln(e.stdout, "servers running without services; Ctrl-C to stop")
		if ready != nil {
			ready(ep)
		}
		if len(o.drops) > 0 {
			// The streams exist, so the drops are taken; no stage runs to
			// store them, so they wait in ARTICLES_IN for an ingest rather
			// than --wait for what would not come.
			if err := drop(ctx, e, cfg.NATS, dropOptions{paths: o.drops}); err != nil && !errors.Is(err, context.Canceled) {
				fmt.Fprintln(e.stderr, "drop:", err)
			}
		}
		<-ctx.Done()
		return nil
	}

	hs := health.New(cfg.HealthAddr, log)
	if err := hs.Listen(); err != nil {
		return err
	}
	var wg sync.WaitGroup
	defer wg.Wait()
	hctx, stopHealth := context.WithCancel(context.WithoutCancel(ctx))
	defer stopHealth()
	wg.Go(func() {
		if err := hs.Run(hctx); err != nil {
			log.Error("health server", "err", err)
		}
	})

	// Not ready until the streams exist and the stages run: the checks of
	// the database and NATS are added on the way, and a drop accepted by a
	// readiness probe before the streams exist finds no stream.
	var running atomic.Bool
	hs.AddCheck("services", func(context.Context) error {
		if !running.Load() {
			return errors.New("starting")
		}
		return nil
	})
	// (The parser's warnings name the items of a feed or a JSON file it
	// skipped, in the log; the input's dead letter names them too, and
	// the other items are stored.)
	local, err := pipeline.NewLocal(pcfg, parse.WithLogger(log))
	if err != nil {
		return err
	}
	local.Limits = limits
	st, err := store.New(ctx, scfg, store.WithLogger(log))
	if err != nil {
		return fmt.Errorf("MongoDB at %s: %w", safeLine(store.RedactURI(scfg.URI)), err)
	}
	defer st.Close(context.WithoutCancel(ctx))
	hs.AddCheck("mongo", st.Ping)
	ictx, cancel := context.WithTimeout(ctx, 30*time.Second)
	err = st.EnsureIndexes(ictx)
	cancel()
	if err != nil {
		return fmt.Errorf("MongoDB at %s (unreachable? MONGO_URI names it when set): %w", safeLine(store.RedactURI(scfg.URI)), err)
	}
	// (Until the connect succeeds no stream takes a drop, so nothing of
	// the user's is in the servers: a NATS_URL out of reach still leaves
	// nothing behind.)
	r, err := service.Connect(ctx, cfg, hs, log)
	if err != nil {
		return err
	}
	streamsMade = true
	defer r.Close()
	storyOpts, closeStories, err := enrich.StoriesFromEnv(ctx, r.JetStream(), e.getenv, log)
	if err != nil {
		return err
	}
	defer closeStories()
	stages := pipeline.Stages(local, r, st, cfg.Consumer, log, append(storyOpts, fo)...)
	for i := range stages {
		// Enrich is the CPU-bound stage: one worker per core and a spare;
		// store gathers many articles into each database write.
		switch stages[i].Consumer.Stage {
		case jsbus.StageEnrich:
			stages[i].Consumer.MaxInFlight = pipeline.EnrichInFlight()
		case jsbus.StageStore:
			stages[i].Consumer.MaxInFlight = max(cfg.Consumer.MaxInFlight, pipeline.StoreInFlight)
			stages[i].Ready = st.Ping // no database, no fetching
		}
	}
	runErr := make(chan error, 1)
	wg.Go(func() { runErr <- r.Run(ctx, stages...) })
	running.Store(true)
	fmt.Fprintln(e.stdout, "services ingest, enrich, store running; Ctrl-C to stop")
	if ready != nil {
		ready(ep)
	}
	if len(o.drops) > 0 {
		dcfg := cfg.NATS
		wg.Go(func() {
			err := drop(ctx, e, dcfg, dropOptions{paths: o.drops, wait: true, timeout: 5 * time.Minute})
			if err != nil && !errors.Is(err, context.Canceled) {
				fmt.Fprintln(e.stderr, "drop:", err)
			}
		})
	}
	return <-runErr
}

// shellQuote quotes s for a POSIX shell when it holds anything but
// letters, digits and -_.@ (a user name copied into an export line).
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.@", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// dialable turns a URL whose host is a wildcard listen address
// ("nats://0.0.0.0:4222", "mongodb://[::]:27017/", what `up --host
// 0.0.0.0` listens on) into one this machine can dial (127.0.0.1) for the
// commands `up` prints; other machines use this machine's own address.
func dialable(u string) string {
	i := strings.Index(u, "://")
	if i < 0 {
		return u
	}
	k := i + 3
	if at := strings.LastIndex(u[k:k+strings.IndexAny(u[k:]+"/", "/")], "@"); at >= 0 {
		k += at + 1 // past user:password@
	}
	for _, wild := range []string{"0.0.0.0", "[::]"} {
		if rest := u[k:]; strings.HasPrefix(rest, wild) && (len(rest) == len(wild) || rest[len(wild)] == ':' || rest[len(wild)] == '/') {
			return u[:k] + "127.0.0.1" + rest[len(wild):]
		}
	}
	return u
}
