package jsbus

import (
	"errors"
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

func TestAckError(t *testing.T) {
	status := func(code string) nats.Header { return nats.Header{"Status": []string{code}} }
	tests := []struct {
		name string
		msg  nats.Msg
		ok   bool
		is   error
	}{
		{name: "stored", msg: nats.Msg{Data: []byte(`{"stream":"ARTICLE_EVENTS","seq":12}`)}, ok: true},
		{name: "duplicate", msg: nats.Msg{Data: []byte(`{"stream":"ARTICLES","seq":3,"duplicate":true}`)}, ok: true},
		{name: "with domain", msg: nats.Msg{Data: []byte(`{"stream":"ARTICLES","domain":"hub","seq":3}`)}, ok: true},
		{name: "other order", msg: nats.Msg{Data: []byte(`{"seq":3,"stream":"ARTICLES"}`)}, ok: true},
		{name: "refused", msg: nats.Msg{Data: []byte(`{"error":{"code":400,"err_code":10071,"description":"wrong last sequence: 5"},"stream":"ARTICLES","seq":0}`)}},
		{name: "refused after the stream", msg: nats.Msg{Data: []byte(`{"stream":"ARTICLES","error":{"code":503,"err_code":10077,"description":"maximum messages exceeded"}}`)}},
		{name: "no stream", msg: nats.Msg{Header: status("503")}, is: errNoStream},
		{name: "other status", msg: nats.Msg{Header: status("408")}, is: jetstream.ErrInvalidJSAck},
		{name: "empty stream", msg: nats.Msg{Data: []byte(`{"stream":"","seq":1}`)}, is: jetstream.ErrInvalidJSAck},
		{name: "not json", msg: nats.Msg{Data: []byte(`+OK`)}, is: jetstream.ErrInvalidJSAck},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := ackError(&tc.msg)
			if tc.ok != (err == nil) {
				t.Fatalf("ackError = %v, want ok %v", err, tc.ok)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("ackError = %v, want %v", err, tc.is)
			}
			var apiErr *jetstream.APIError
			if !tc.ok && tc.is == nil && !errors.As(err, &apiErr) {
				t.Errorf("ackError = %v, want the server's API error", err)
			}
		})
	}
}
