package clustertest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// routeIdentity is the DNS name of the route certificate that
// cluster.conf's cluster.authorization admits.
const routeIdentity = "route.newsflow.internal"

// makeCerts writes a CA and the certificates cluster.conf names into dir:
// server.pem for clients, route.pem for routes (and a stranger's route
// certificate from another CA, for the negative check).
func makeCerts(t *testing.T, dir string) {
	t.Helper()
	caKey, caCert := newCA(t, "newsflow test CA")
	write := func(name string, der []byte, typ string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("ca.pem", caCert.Raw, "CERTIFICATE")
	nodes := []string{"nats-1", "nats-2", "nats-3", "localhost"}
	for _, c := range []struct {
		file string
		dns  []string
	}{
		{"server", nodes},
		{"route", append([]string{routeIdentity}, nodes...)},
	} {
		key, der := leaf(t, caKey, caCert, c.file, c.dns)
		write(c.file+".pem", der, "CERTIFICATE")
		write(c.file+"-key.pem", key, "EC PRIVATE KEY")
	}
}

func newCA(t *testing.T, cn string) (*ecdsa.PrivateKey, *x509.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return key, cert
}

// leaf returns a PEM-ready key and certificate for both server and client
// use (a route both accepts and dials), valid for 127.0.0.1 and dns.
func leaf(t *testing.T, caKey *ecdsa.PrivateKey, ca *x509.Certificate, cn string, dns []string) (keyDER, certDER []byte) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial, _ := rand.Int(rand.Reader, big.NewInt(1<<62))
	tmpl := &x509.Certificate{
		SerialNumber: serial, Subject: pkix.Name{CommonName: cn},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		DNSNames: dns, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth},
	}
	certDER, err = x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err = x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return keyDER, certDER
}
