// Package embedded runs the servers that newsflow needs inside the process:
// a NATS server with JetStream and FerretDB (a MongoDB wire-protocol server
// on SQLite). It is for laptops and tests; it never ends up in the service
// binaries, which only connect.
package embedded

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	natsserver "github.com/nats-io/nats-server/v2/server"
)

// ErrPortInUse reports a listen address that another process holds.
var ErrPortInUse = errors.New("port in use")

// ErrAddrNotAvailable reports a listen address whose host this machine
// does not have.
var ErrAddrNotAvailable = errors.New("address not available")

// NATSConfig sets up the embedded NATS server.
type NATSConfig struct {
	// Host and Port to listen on; Port -1 picks a free port.
	Host string
	Port int
	// StoreDir holds JetStream's files.
	StoreDir string
	// User and Password, or Token, turn authentication on.
	User, Password, Token string
}

// NATS is a running embedded NATS server.
type NATS struct {
	srv *natsserver.Server
	cfg NATSConfig
}

// StartNATS starts a NATS server with JetStream and waits until it accepts
// connections.
func StartNATS(cfg NATSConfig, log *slog.Logger) (*NATS, error) {
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	// (Any free port: the host is still checked, the server would only
	// time out on an address this machine does not have.)
	if err := checkFree(cfg.Host, max(cfg.Port, 0)); err != nil {
		return nil, fmt.Errorf("nats: %w", err)
	}
	if err := os.MkdirAll(cfg.StoreDir, 0o755); err != nil {
		return nil, fmt.Errorf("nats store dir: %w", err)
	}
	opts := &natsserver.Options{
		ServerName: "newsflow-embedded",
		Host:       cfg.Host, Port: cfg.Port,
		JetStream: true, StoreDir: cfg.StoreDir,
		NoSigs:        true,
		MaxPayload:    8 << 20, // articles up to the ingest limit, plus headers
		Username:      cfg.User,
		Password:      cfg.Password,
		Authorization: cfg.Token,
	}
	srv, err := natsserver.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("nats: %w", err)
	}
	srv.SetLoggerV2(&natsLogger{log: log}, false, false, false)
	go srv.Start()
	if !srv.ReadyForConnections(15 * time.Second) {
		srv.Shutdown()
		return nil, errors.New("nats: not ready after 15s")
	}
	return &NATS{srv: srv, cfg: cfg}, nil
}

// URL is the client URL without credentials.
func (n *NATS) URL() string { return n.srv.ClientURL() }

// InProcess lets a client in this process connect without a socket
// (jsbus.ConnConfig.InProcess).
func (n *NATS) InProcess() *natsserver.Server { return n.srv }

// Shutdown stops the server and waits for it.
func (n *NATS) Shutdown() {
	n.srv.Shutdown()
	n.srv.WaitForShutdown()
}

type natsLogger struct{ log *slog.Logger }

func (l *natsLogger) Noticef(f string, v ...any) { l.log.Debug(fmt.Sprintf(f, v...), "server", "nats") }
func (l *natsLogger) Warnf(f string, v ...any)   { l.log.Warn(fmt.Sprintf(f, v...), "server", "nats") }
func (l *natsLogger) Fatalf(f string, v ...any)  { l.log.Error(fmt.Sprintf(f, v...), "server", "nats") }
func (l *natsLogger) Errorf(f string, v ...any)  { l.log.Error(fmt.Sprintf(f, v...), "server", "nats") }
func (l *natsLogger) Debugf(f string, v ...any)  { l.log.Debug(fmt.Sprintf(f, v...), "server", "nats") }
func (l *natsLogger) Tracef(f string, v ...any)  {}

// MongoConfig sets up the embedded MongoDB-compatible server.
type MongoConfig struct {
	// Host and Port to listen on; Port 0 picks a free port.
	Host string
	Port int
	// Dir holds the SQLite files, one per database.
	Dir string
}

// Mongo is a running embedded FerretDB.
type Mongo struct {
	f      *ferretdb.FerretDB
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// StartMongo starts FerretDB with its SQLite backend.
func StartMongo(ctx context.Context, cfg MongoConfig, log *slog.Logger) (*Mongo, error) {
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	// (Any free port: the host is still checked, the server would only
	// time out on an address this machine does not have.)
	if err := checkFree(cfg.Host, max(cfg.Port, 0)); err != nil {
		return nil, fmt.Errorf("mongo: %w", err)
	}
	dir, err := filepath.Abs(cfg.Dir)
	if err != nil {
		return nil, fmt.Errorf("mongo dir: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("mongo dir: %w", err)
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port))},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
		// FerretDB logs every failed command at warn level with the whole
		// wire message; only its errors are worth a user's attention.
		Logger: slog.New(minLevel{Handler: log.Handler(), min: slog.LevelError}).With("server", "ferretdb"),
	})
	if err != nil {
		return nil, fmt.Errorf("mongo: %w", err)
	}
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	m := &Mongo{f: f, cancel: cancel}
	m.wg.Go(func() { _ = f.Run(rctx) })
	return m, nil
}

// URI is the mongodb:// URI clients use.
func (m *Mongo) URI() string { return m.f.MongoDBURI() }

// Shutdown stops the server and waits for it.
func (m *Mongo) Shutdown() {
	m.cancel()
	m.wg.Wait()
}

func checkFree(host string, port int) error {
	return CheckFree(net.JoinHostPort(host, strconv.Itoa(port)))
}

// CheckFree reports ErrPortInUse when another process listens on addr
// (host:port), ErrAddrNotAvailable when the host is no address of this
// machine, and the listener's error otherwise (a port out of range), so
// that a caller can refuse it before starting anything.
func CheckFree(addr string) error {
	ln, err := net.Listen("tcp", addr)
	switch {
	case err == nil:
		return ln.Close()
	case errors.Is(err, syscall.EADDRINUSE):
		return fmt.Errorf("%w: %s (another server runs there?)", ErrPortInUse, addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return fmt.Errorf("%w: %s (the host is no address of this machine)", ErrAddrNotAvailable, addr)
	default:
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
}

// minLevel drops records below min. Attributes and groups added with
// WithAttrs/WithGroup are only applied to the wrapped handler when a record
// at or above min is handled: FerretDB's SQL layer calls
// logger.With(query args...) twice per statement and logs at debug level, and
// eagerly formatting those attributes (whole documents, quoted) cost more
// CPU than the inserts' bookkeeping (2.5% of a bench run).
type minLevel struct {
	slog.Handler
	min slog.Level
	ops []func(slog.Handler) slog.Handler // pending WithAttrs/WithGroup, in order
}

func (m minLevel) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= m.min && m.Handler.Enabled(ctx, l)
}

func (m minLevel) Handle(ctx context.Context, r slog.Record) error {
	h := m.Handler
	for _, op := range m.ops {
		h = op(h)
	}
	return h.Handle(ctx, r)
}

func (m minLevel) with(op func(slog.Handler) slog.Handler) minLevel {
	ops := make([]func(slog.Handler) slog.Handler, len(m.ops), len(m.ops)+1)
	copy(ops, m.ops)
	return minLevel{Handler: m.Handler, min: m.min, ops: append(ops, op)}
}

func (m minLevel) WithAttrs(a []slog.Attr) slog.Handler {
	if len(a) == 0 {
		return m
	}
	return m.with(func(h slog.Handler) slog.Handler { return h.WithAttrs(a) })
}

func (m minLevel) WithGroup(g string) slog.Handler {
	if g == "" {
		return m
	}
	return m.with(func(h slog.Handler) slog.Handler { return h.WithGroup(g) })
}
