package service

import (
	"fmt"
	"os"
	"strings"
)

// MongoURIFromEnv builds the MongoDB URI from parts, so that a password
// never has to be written into a URL by hand:
//
//	MONGO_HOST                 host[:port], or a comma-separated list (required for this form)
//	MONGO_USER                 user name (optional)
//	MONGO_PASSWORD(_FILE)      password, or the file that holds it (a Docker secret)
//	MONGO_AUTH_SOURCE          database that holds the user ("admin")
//	MONGO_OPTIONS              further URI options, e.g. "tls=true&replicaSet=rs0"
//
// It returns "" when MONGO_URI or MONGO_URI_FILE is set (they win, as
// written) or MONGO_HOST is not. Every byte of the user name and password
// that is not unreserved in RFC 3986 is percent-encoded, so '/', '@', ':',
// '%', '+', spaces and non-ASCII letters reach the server as they are.
func MongoURIFromEnv(getenv func(string) string) (string, error) {
	if getenv("MONGO_URI") != "" || getenv("MONGO_URI_FILE") != "" {
		return "", nil
	}
	host := strings.TrimSpace(getenv("MONGO_HOST"))
	if host == "" {
		if getenv("MONGO_USER") != "" || getenv("MONGO_PASSWORD") != "" || getenv("MONGO_PASSWORD_FILE") != "" {
			return "", fmt.Errorf("MONGO_USER and MONGO_PASSWORD need MONGO_HOST (or give MONGO_URI)")
		}
		return "", nil
	}
	if strings.ContainsAny(host, "/?@") {
		return "", fmt.Errorf("MONGO_HOST %q: want host[:port][,host[:port]...], without a scheme, user or path", host)
	}
	user := getenv("MONGO_USER")
	pass := getenv("MONGO_PASSWORD")
	if pass == "" {
		if p := getenv("MONGO_PASSWORD_FILE"); p != "" {
			b, err := os.ReadFile(p)
			if err != nil {
				return "", fmt.Errorf("read MONGO_PASSWORD_FILE: %w", err)
			}
			// Only the line end goes: the mongo image's *_FILE reader keeps
			// every other byte, and both sides must agree.
			pass = strings.TrimRight(string(b), "\r\n")
		}
	}
	if pass != "" && user == "" {
		return "", fmt.Errorf("MONGO_PASSWORD without MONGO_USER")
	}
	var b strings.Builder
	b.WriteString("mongodb://")
	if user != "" {
		b.WriteString(escapeUserInfo(user))
		if pass != "" {
			b.WriteString(":" + escapeUserInfo(pass))
		}
		b.WriteString("@")
	}
	b.WriteString(host + "/")
	var opts []string
	if user != "" {
		src := getenv("MONGO_AUTH_SOURCE")
		if src == "" {
			src = "admin"
		}
		opts = append(opts, "authSource="+escapeUserInfo(src))
	}
	if o := strings.TrimPrefix(getenv("MONGO_OPTIONS"), "?"); o != "" {
		opts = append(opts, o)
	}
	if len(opts) > 0 {
		b.WriteString("?" + strings.Join(opts, "&"))
	}
	return b.String(), nil
}

// escapeUserInfo percent-encodes every byte but the unreserved ones
// (A-Z a-z 0-9 - . _ ~). url.UserPassword leaves '+', ';' and '=' as they
// are, which decoders that treat '+' as a space would change.
func escapeUserInfo(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// WithMongoURI returns getenv with MONGO_URI set from MongoURIFromEnv when
// the parts are given, for code that reads MONGO_URI.
func WithMongoURI(getenv func(string) string) (func(string) string, error) {
	uri, err := MongoURIFromEnv(getenv)
	if err != nil || uri == "" {
		return getenv, err
	}
	return func(k string) string {
		if k == "MONGO_URI" {
			return uri
		}
		return getenv(k)
	}, nil
}
