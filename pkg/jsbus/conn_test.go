package jsbus_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"log/slog"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	natsserver "github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"

	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// writeCA makes a CA and a server certificate for 127.0.0.1 signed by it,
// and returns the CA file and the server's TLS config.
func writeCA(t *testing.T) (string, *tls.Config) {
	t.Helper()
	dir := t.TempDir()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "newsflow test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	srvKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	srvTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	srvDER, err := x509.CreateCertificate(rand.Reader, srvTmpl, caCert, &srvKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caFile := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return caFile, &tls.Config{
		Certificates: []tls.Certificate{{Certificate: [][]byte{srvDER}, PrivateKey: srvKey}},
		MinVersion:   tls.VersionTLS12,
	}
}

// startWith runs an embedded NATS server with opts on a free port of
// 127.0.0.1, shut down when the test ends.
func startWith(t testing.TB, opts *natsserver.Options) string {
	t.Helper()
	return natstest.StartWith(t, opts).ClientURL()
}

// TestConnectSecurity connects with each credential kind newsflow reads
// from the environment, and checks that a client without them is refused.
func TestConnectSecurity(t *testing.T) {
	caFile, srvTLS := writeCA(t)
	kp, err := nkeys.CreateUser()
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := kp.Seed()
	pub, _ := kp.PublicKey()
	seedFile := filepath.Join(t.TempDir(), "user.nk")
	if err := os.WriteFile(seedFile, seed, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		server  *natsserver.Options
		client  func(url string) jsbus.ConnConfig
		wantErr bool
	}{
		{"password", &natsserver.Options{Username: "nf", Password: "s3cret"},
			func(u string) jsbus.ConnConfig { return jsbus.ConnConfig{URL: u, User: "nf", Password: "s3cret"} }, false},
		{"wrong password", &natsserver.Options{Username: "nf", Password: "s3cret"},
			func(u string) jsbus.ConnConfig { return jsbus.ConnConfig{URL: u, User: "nf", Password: "nope"} }, true},
		{"no credentials", &natsserver.Options{Username: "nf", Password: "s3cret"},
			func(u string) jsbus.ConnConfig { return jsbus.ConnConfig{URL: u} }, true},
		{"token", &natsserver.Options{Authorization: "t0ken"},
			func(u string) jsbus.ConnConfig { return jsbus.ConnConfig{URL: u, Token: "t0ken"} }, false},
		{"nkey", &natsserver.Options{Nkeys: []*natsserver.NkeyUser{{Nkey: pub}}},
			func(u string) jsbus.ConnConfig { return jsbus.ConnConfig{URL: u, NKeyFile: seedFile} }, false},
		{"nkey missing", &natsserver.Options{Nkeys: []*natsserver.NkeyUser{{Nkey: pub}}},
			func(u string) jsbus.ConnConfig { return jsbus.ConnConfig{URL: u} }, true},
		{"tls with custom CA", &natsserver.Options{TLSConfig: srvTLS, TLS: true},
			func(u string) jsbus.ConnConfig { return jsbus.ConnConfig{URL: u, TLSCAFile: caFile} }, false},
		{"tls without the CA", &natsserver.Options{TLSConfig: srvTLS, TLS: true},
			func(u string) jsbus.ConnConfig { return jsbus.ConnConfig{URL: u} }, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			url := startWith(t, tc.server)
			cc := tc.client(url)
			cc.ConnectTimeout = 2 * time.Second
			nc, err := jsbus.Connect(context.Background(), cc, slog.New(slog.DiscardHandler))
			if tc.wantErr {
				if err == nil {
					nc.Close()
					t.Fatal("connected; want refused")
				}
				return
			}
			if err != nil {
				t.Fatalf("connect: %v", err)
			}
			defer nc.Close()
			if err := nc.Publish("x", []byte("y")); err != nil {
				t.Fatal(err)
			}
			if err := nc.FlushTimeout(2 * time.Second); err != nil {
				t.Fatalf("flush: %v", err)
			}
		})
	}
}

// TestConnectRefusedCredentials: a server that refuses the credentials is
// said to, at once (well before the connect timeout, which the context
// here would end first), not asked about as if it were not running.
func TestConnectRefusedCredentials(t *testing.T) {
	url := startWith(t, &natsserver.Options{Username: "nf", Password: "s3cret"})
	for _, tc := range []struct {
		name string
		cc   jsbus.ConnConfig
	}{
		{"wrong password", jsbus.ConnConfig{URL: url, User: "nf", Password: "nope"}},
		{"no credentials", jsbus.ConnConfig{URL: url}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			tc.cc.ConnectTimeout = 10 * time.Minute
			nc, err := jsbus.Connect(ctx, tc.cc, slog.New(slog.DiscardHandler))
			if err == nil {
				nc.Close()
				t.Fatal("connected; want refused")
			}
			if !errors.Is(err, nats.ErrAuthorization) || !strings.Contains(err.Error(), "refused the credentials") || strings.Contains(err.Error(), "running") {
				t.Errorf("error %q: want the refused credentials named (nats.ErrAuthorization), not a server that may be down", err)
			}
		})
	}
}

// TestConnectInProcess connects to a server of this process that listens
// on no socket at all, so the connection can only be the in-process one.
func TestConnectInProcess(t *testing.T) {
	srv, err := natsserver.NewServer(&natsserver.Options{DontListen: true, NoSigs: true, JetStream: true, StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatal("nats not ready")
	}
	t.Cleanup(func() { srv.Shutdown(); srv.WaitForShutdown() })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	nc, err := jsbus.Connect(ctx, jsbus.ConnConfig{URL: "nats://127.0.0.1:1", Name: "t", InProcess: srv, ConnectTimeout: 5 * time.Second}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	if err := nc.FlushTimeout(5 * time.Second); err != nil {
		t.Fatalf("round trip: %v", err)
	}
}

// TestConnectSaysWhy: a server that is not there is named with the cause,
// and a URL of another scheme is refused before any dial.
func TestConnectSaysWhy(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // a port nothing listens on
	_, err = jsbus.Connect(context.Background(), jsbus.ConnConfig{URL: "nats://" + addr, Name: "t", ConnectTimeout: time.Second}, slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), "refused") || !strings.Contains(err.Error(), "is the NATS server running") {
		t.Errorf("connect to a closed port: %v, want the refusal and a hint", err)
	}
	err = jsbus.ConnConfig{URL: "foo://bar", Name: "t"}.Validate()
	if err == nil || !strings.Contains(err.Error(), `scheme "foo"`) {
		t.Errorf("foo:// url: %v, want a scheme error", err)
	}
}
