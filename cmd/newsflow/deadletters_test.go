package main

import (
	"testing"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/newsflow/newsflow/pkg/jsbus"
)

// TestDescribe: dead-letters list names what each letter holds: an
// article's id and the file it came from, or the dropped file and the
// first bytes of what could not be parsed.
func TestDescribe(t *testing.T) {
	tests := []struct {
		name   string
		header nats.Header
		data   string
		want   string
	}{
		{"an article from a file", nats.Header{jsbus.HeaderArticleID: {"83c2"}}, `{"id":"83c2","source":{"format":"text","name":"hugeline.txt"}}`, "article 83c2 (hugeline.txt)"},
		{"an article from stdin", nats.Header{jsbus.HeaderArticleID: {"83c2"}}, `{"id":"83c2","source":{"format":"text"}}`, "article 83c2"},
		{"an article that is no JSON", nats.Header{jsbus.HeaderArticleID: {"83c2"}}, `not json`, "article 83c2"},
		{"raw input", nats.Header{jsbus.HeaderSourceName: {"notes.txt"}}, "Just a headline", `notes.txt: "Just a headline"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := describe(&jetstream.RawStreamMsg{Header: tc.header, Data: []byte(tc.data)})
			if got != tc.want {
				t.Errorf("describe = %q, want %q", got, tc.want)
			}
		})
	}
}
