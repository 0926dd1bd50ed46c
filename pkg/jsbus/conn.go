package jsbus

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// ConnConfig holds how to reach and authenticate to NATS. Secrets may be
// given inline or as file paths (for Docker and Kubernetes secrets).
type ConnConfig struct {
	// URL is a comma-separated list of server URLs.
	URL string
	// Name is the client name shown by the server.
	Name      string
	User      string
	Password  string
	Token     string
	NKeyFile  string // an NKey seed file
	CredsFile string // a .creds file (JWT + seed)
	// TLSCAFile, TLSCertFile and TLSKeyFile set up TLS with a custom CA and
	// optional client certificate.
	TLSCAFile   string
	TLSCertFile string
	TLSKeyFile  string
	// InboxPrefix replaces "_INBOX" as the prefix of the reply subjects
	// (JetStream acks, API replies, pulled messages). Giving each role its
	// own prefix lets the server's permissions allow each user to
	// subscribe to its own replies only, not to everyone's.
	InboxPrefix string
	// ConnectTimeout bounds the first connection; reconnects go on forever.
	ConnectTimeout time.Duration
	// InProcess, if set, connects to a NATS server running in this process
	// without a socket (the all-in-one 'newsflow up'); URL is then only
	// shown to users.
	InProcess nats.InProcessConnProvider
}

// ConnConfigFromEnv reads the NATS settings from environment variables:
// NATS_URL, NATS_USER, NATS_PASSWORD(_FILE), NATS_TOKEN(_FILE), NATS_NKEY_FILE,
// NATS_CREDS_FILE, NATS_TLS_CA, NATS_TLS_CERT, NATS_TLS_KEY, NATS_INBOX_PREFIX.
func ConnConfigFromEnv(getenv func(string) string, name string) (ConnConfig, error) {
	c := ConnConfig{
		URL:         getenv("NATS_URL"),
		Name:        name,
		User:        getenv("NATS_USER"),
		NKeyFile:    getenv("NATS_NKEY_FILE"),
		CredsFile:   getenv("NATS_CREDS_FILE"),
		TLSCAFile:   getenv("NATS_TLS_CA"),
		TLSCertFile: getenv("NATS_TLS_CERT"),
		TLSKeyFile:  getenv("NATS_TLS_KEY"),
		InboxPrefix: getenv("NATS_INBOX_PREFIX"),
	}
	var err error
	if c.Password, err = secret(getenv, "NATS_PASSWORD"); err != nil {
		return c, err
	}
	if c.Token, err = secret(getenv, "NATS_TOKEN"); err != nil {
		return c, err
	}
	if c.URL == "" {
		c.URL = nats.DefaultURL
	}
	return c, nil
}

// secret reads NAME, or the file named by NAME_FILE.
func secret(getenv func(string) string, name string) (string, error) {
	if v := getenv(name); v != "" {
		return v, nil
	}
	if p := getenv(name + "_FILE"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			return "", fmt.Errorf("read %s_FILE: %w", name, err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	return "", nil
}

// Validate reports settings that cannot work together.
func (c ConnConfig) Validate() error {
	if c.URL == "" {
		return errors.New("nats url is empty")
	}
	// Check the URLs here: the client's own parse error would quote the
	// URL, secrets and all.
	for i, p := range strings.Split(c.URL, ",") {
		p = strings.TrimSpace(p)
		if !strings.Contains(p, "://") {
			p = "nats://" + p
		}
		u, err := url.Parse(p)
		if err != nil {
			return fmt.Errorf("nats url %d of the list (%s) does not parse; check the escaping of its user info", i+1, maskUserInfo(p))
		}
		switch strings.ToLower(u.Scheme) {
		case "nats", "tls", "ws", "wss":
		default:
			return fmt.Errorf("nats url %d of the list (%s): scheme %q; use nats://, tls://, ws:// or wss://", i+1, maskUserInfo(p), u.Scheme)
		}
	}
	if (c.TLSCertFile == "") != (c.TLSKeyFile == "") {
		return errors.New("nats tls: cert and key go together")
	}
	if p := c.InboxPrefix; p != "" && (strings.ContainsAny(p, "*> \t") || strings.HasSuffix(p, ".") || strings.HasPrefix(p, ".")) {
		return fmt.Errorf("nats inbox prefix %q: no wildcards, spaces or dots at the ends", p)
	}
	if c.CredsFile != "" && c.NKeyFile != "" {
		return errors.New("nats: choose a creds file or an nkey file, not both")
	}
	return nil
}

// Redacted returns the URL list with any password or token replaced, for logs.
func (c ConnConfig) Redacted() string { return RedactURL(c.URL) }

// RedactURL hides the secrets of each URL of a comma-separated list (NATS
// server lists): see RedactURI.
func RedactURL(list string) string {
	parts := strings.Split(list, ",")
	for i, p := range parts {
		parts[i] = RedactURI(p)
	}
	return strings.Join(parts, ",")
}

// secretParams are query parameters whose values are credentials, in
// lower case (MongoDB's tlsCertificateKeyFilePassword and
// authMechanismProperties, which holds AWS session tokens; and anything
// named like a password, token or key).
var secretParams = []string{"password", "secret", "token", "key", "credential", "authmechanismproperties", "sig"}

// RedactURI hides the credentials of one URI whatever its form: with or
// without a scheme ("user:pass@host" parses as scheme "user"), with
// unescaped or several '@', with several hosts, and in query parameters
// named like a secret. It works on the text, not on a parse that could
// fail or misread it; when unsure it hides more. The user name is kept
// when a password follows it.
func RedactURI(uri string) string {
	prefix, rest := "", uri
	if i := strings.Index(uri, "://"); i >= 0 {
		prefix, rest = uri[:i+3], uri[i+3:]
	}
	query := ""
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		info, host := rest[:at], rest[at+1:]
		if user, _, hasPass := strings.Cut(info, ":"); hasPass && !strings.ContainsAny(user, "/?#") {
			info = user + ":xxxxx"
		} else {
			info = "xxxxx"
		}
		rest = info + "@" + host
	}
	if q := strings.IndexAny(rest, "?"); q >= 0 {
		rest, query = rest[:q], rest[q+1:]
		params := strings.Split(query, "&")
		for i, p := range params {
			k, _, hasValue := strings.Cut(p, "=")
			if !hasValue {
				continue
			}
			lk := strings.ToLower(k)
			for _, sp := range secretParams {
				if strings.Contains(lk, sp) {
					params[i] = k + "=xxxxx"
					break
				}
			}
		}
		return prefix + rest + "?" + strings.Join(params, "&")
	}
	return prefix + rest
}

// maskUserInfo hides whatever precedes the last '@' after the scheme.
func maskUserInfo(s string) string { return RedactURI(s) }

// Connect dials NATS with reconnects that never give up, so a service rides
// out a server restart by itself.
func Connect(ctx context.Context, c ConnConfig, log *slog.Logger) (*nats.Conn, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	timeout := c.ConnectTimeout
	if timeout == 0 {
		timeout = 10 * time.Second
	}
	// The client keeps no error of a connection it retries; remember the
	// last so a timeout says why (refused, no such host, a bad credential).
	var lastConnErr atomic.Pointer[error]
	opts := []nats.Option{
		nats.Name(c.Name),
		nats.ReconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				lastConnErr.Store(&err)
			}
		}),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(500 * time.Millisecond),
		nats.RetryOnFailedConnect(true),
		nats.ReconnectBufSize(64 << 20),
		nats.DisconnectErrHandler(func(nc *nats.Conn, err error) {
			// A deliberate Close disconnects too, with no error: nothing
			// to warn about.
			if err == nil || nc.IsClosed() {
				return
			}
			log.Warn("nats disconnected", "err", err)
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			log.Info("nats reconnected", "url", RedactURL(nc.ConnectedUrl()))
		}),
	}
	if c.InboxPrefix != "" {
		opts = append(opts, nats.CustomInboxPrefix(c.InboxPrefix))
	}
	if c.InProcess != nil {
		opts = append(opts, nats.InProcessServer(c.InProcess))
	}
	if c.User != "" {
		opts = append(opts, nats.UserInfo(c.User, c.Password))
	}
	if c.Token != "" {
		opts = append(opts, nats.Token(c.Token))
	}
	if c.CredsFile != "" {
		opts = append(opts, nats.UserCredentials(c.CredsFile))
	}
	if c.NKeyFile != "" {
		o, err := nats.NkeyOptionFromSeed(c.NKeyFile)
		if err != nil {
			return nil, fmt.Errorf("nats nkey: %w", err)
		}
		opts = append(opts, o)
	}
	if c.TLSCAFile != "" {
		opts = append(opts, nats.RootCAs(c.TLSCAFile))
	}
	if c.TLSCertFile != "" {
		opts = append(opts, nats.ClientCert(c.TLSCertFile, c.TLSKeyFile))
	}
	nc, err := nats.Connect(c.URL, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect nats %s: %w", c.Redacted(), err)
	}
	// RetryOnFailedConnect returns at once; wait for the first connection so
	// a wrong URL or a refused credential fails loudly at start.
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	// The client's last error, else the last of a connection it retries.
	lastError := func() error {
		if err := nc.LastError(); err != nil {
			return err
		}
		if p := lastConnErr.Load(); p != nil {
			return *p
		}
		return nil
	}
	for !nc.IsConnected() {
		select {
		case <-ctx.Done():
			nc.Close()
			return nil, ctx.Err()
		case <-deadline.C:
			lastErr := lastError()
			nc.Close()
			if lastErr == nil {
				lastErr = errors.New("no answer")
			}
			err := fmt.Errorf("connect nats %s: %w after %s (is the NATS server running there? newsflow up prints its URL; NATS_URL chooses it)", c.Redacted(), lastErr, timeout)
			// (Only a server away may yet answer; a refused credential, a
			// TLS setting the server does not take, fails for good.)
			if !dialFailure(lastErr) {
				return nil, err
			}
			return nil, unreachableError{err}
		case <-tick.C:
			// A refused credential fails for good: say so now, not after
			// the timeout, and not as a server that may not be running.
			if lastErr := lastError(); authFailure(lastErr) {
				nc.Close()
				return nil, fmt.Errorf("connect nats %s: %w (the server refused the credentials: NATS_USER and NATS_PASSWORD, NATS_TOKEN, NATS_NKEY_FILE or NATS_CREDS_FILE give them; newsflow up prints what to export when its server has a password)", c.Redacted(), lastErr)
			}
		}
	}
	return nc, nil
}

// authFailure reports an error of the server refusing the client's
// credentials (or their absence).
func authFailure(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, nats.ErrAuthorization) || errors.Is(err, nats.ErrAuthExpired) || errors.Is(err, nats.ErrAuthRevoked) {
		return true
	}
	low := strings.ToLower(err.Error())
	return strings.Contains(low, "authorization violation") || strings.Contains(low, "authentication expired") || strings.Contains(low, "authentication revoked")
}

// ErrUnreachable is matched (errors.Is) by Connect's error when no NATS
// server answered in time: one may yet start, where a wrong credential or
// setting never works.
var ErrUnreachable = errors.New("nats server not reachable")

// dialFailure reports an error of reaching a server at all: refused, no
// answer in time, no such host, a connection reset.
func dialFailure(err error) bool {
	var ne net.Error
	var dns *net.DNSError
	if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, nats.ErrNoServers) ||
		errors.As(err, &dns) || errors.As(err, &ne) && ne.Timeout() {
		return true
	}
	low := strings.ToLower(err.Error())
	return low == "no answer" || strings.Contains(low, "connection refused") || strings.Contains(low, "no such host") || strings.Contains(low, "i/o timeout")
}

type unreachableError struct{ error }

func (e unreachableError) Unwrap() error        { return e.error }
func (e unreachableError) Is(target error) bool { return target == ErrUnreachable }

// NewJetStream wraps a connection in the JetStream API. An asynchronous
// publish (a stage's outputs) whose ack never comes is failed after 30s,
// so it does not stay pending for ever.
func NewJetStream(nc *nats.Conn) (jetstream.JetStream, error) {
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncTimeout(30*time.Second))
	if err != nil {
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	return js, nil
}
