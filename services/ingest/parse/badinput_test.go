package parse

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

func TestBadInput(t *testing.T) {
	p := newTestParser(t)
	small, err := New(Config{MaxBytes: 64})
	if err != nil {
		t.Fatal(err)
	}
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...)
	cases := []struct {
		name   string
		p      *Parser
		in     Input
		reason string
		want   error
	}{
		{"empty", p, Input{}, "empty", ErrEmpty},
		{"whitespace", p, Input{Data: []byte(" \n\t\r\n  \n")}, "empty", ErrEmpty},
		{"invisible only", p, Input{Data: []byte("\u200b\u00a0\ufeff \n")}, "empty", ErrEmpty},
		{"binary png", p, Input{Data: png, Name: "photo.txt"}, "binary", ErrBinary},
		{"binary nul", p, Input{Data: []byte("Headline\x00\x01\x02\x03 body")}, "binary", ErrBinary},
		{"binary gzip", p, Input{Data: []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03text")}, "binary", ErrBinary},
		{"invalid utf8", p, Input{Data: []byte("Headline\n\nA body with bytes \x81\x8d\x90 that no encoding explains, in a sentence.")}, "invalid_utf8", ErrInvalidUTF8},
		{"too large", small, Input{Data: []byte(strings.Repeat("Long text. ", 10))}, "too_large", ErrTooLarge},
		{"html without article", p, Input{Data: []byte(`<html><head><title>Login</title></head><body><nav><a href="/">Home</a> <a href="/x">News</a></nav><form><input name="u"><button>Sign in</button></form></body></html>`), ContentType: "text/html"}, "no_text", ErrNoText},
		{"json syntax", p, Input{Data: []byte(`{"title": "x", "body": `), ContentType: "application/json"}, "bad_json", ErrBadJSON},
		{"json wrong shape", p, Input{Data: []byte(`{"foo": 1, "bar": [1, 2]}`), ContentType: "application/json"}, "bad_json", ErrBadJSON},
		{"json scalar", p, Input{Data: []byte(`42`), ContentType: "application/json"}, "bad_json", ErrBadJSON},
		{"json array of numbers", p, Input{Data: []byte(`[1, 2, 3]`), Name: "a.json"}, "bad_json", ErrBadJSON},
		{"json headline of the wrong type", p, Input{Data: []byte(`{"headline": 12345, "body": "A body of text long enough to be an article."}`), ContentType: "application/json"}, "bad_json", ErrBadJSON},
		{"json body of the wrong type", p, Input{Data: []byte(`{"headline": "A headline", "body": 12345}`), ContentType: "application/json"}, "bad_json", ErrBadJSON},
		{"json empty array", p, Input{Data: []byte(`[]`), ContentType: "application/json"}, "no_items", ErrNoItems},
		{"json no body", p, Input{Data: []byte(`{"title": "Only a title"}`), ContentType: "application/json"}, "no_text", ErrNoText},
		{"rss no items", p, Input{Data: []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title><link>https://example.com/</link><description>none</description></channel></rss>`)}, "no_items", ErrNoItems},
		{"atom no items", p, Input{Data: []byte(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title><id>urn:x</id><updated>2020-09-28T00:00:00Z</updated></feed>`)}, "no_items", ErrNoItems},
		{"json feed no items", p, Input{Data: []byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "Empty", "items": []}`)}, "no_items", ErrNoItems},
		{"unsupported content type", p, Input{Data: []byte("some text"), ContentType: "application/vnd.ms-excel"}, "unsupported_format", ErrUnsupportedFormat},
		{"unsupported xml", p, Input{Data: []byte(`<?xml version="1.0"?><invoice><total>3</total></invoice>`)}, "unsupported_format", ErrUnsupportedFormat},
		{"headline only", p, Input{Data: []byte("Just a headline")}, "no_text", ErrNoText},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := tc.p.Parse(context.Background(), tc.in)
			if err == nil {
				t.Fatalf("no error, got %d articles: %+v", len(arts), arts)
			}
			if got := article.Reason(err); got != tc.reason {
				t.Errorf("reason = %q, want %q (err %v)", got, tc.reason, err)
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.want)
			}
			if !errors.Is(err, article.ErrPermanent) {
				t.Errorf("error is not permanent: %v", err)
			}
		})
	}
}

func TestCanceledContext(t *testing.T) {
	p := newTestParser(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Parse(ctx, Input{Data: []byte("Headline\n\nBody text here.")}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestConfig(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
		ok   bool
	}{
		{"zero is defaults", Config{}, true},
		{"negative max bytes", Config{MaxBytes: -1}, false},
		{"negative items", Config{MaxItems: -1}, false},
		{"bad language", Config{Languages: []string{"english"}}, false},
		{"languages", Config{Languages: []string{"en", "de"}}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.cfg)
			if (err == nil) != tc.ok {
				t.Fatalf("New(%+v) err = %v, want ok=%v", tc.cfg, err, tc.ok)
			}
		})
	}
	if d := (Config{}).withDefaults(); d.MaxBytes != 5<<20 {
		t.Errorf("default MaxBytes = %d", d.MaxBytes)
	}
}
