package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// TestRunCatchesUp runs the program against a real NATS server holding
// two articles' events and checks it prints the one speaker's quote, and
// the one entity's mentions, then stops when caught up.
func TestRunCatchesUp(t *testing.T) {
	srv := natstest.Start(t)
	js := natstest.JetStream(t, srv.ClientURL())
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := jsbus.EnsureStream(ctx, js, jsbus.DefaultStreamConfig()); err != nil {
		t.Fatal(err)
	}
	for i, spk := range []string{"Ana Lind", "Tom Roe"} {
		a := article.Article{
			SchemaVersion: article.SchemaVersion, ID: []string{"0123456789abcdef01234567", "89abcdef0123456789abcdef"}[i],
			Headline: "Harbour plan " + spk, Body: `"The plan is ready," said ` + spk + `.`,
			IngestedAt: time.Now().UTC(), Source: article.Source{Format: "text"},
			Entities: []article.Entity{{Name: spk, Type: article.TypePerson, Count: 1, Mentions: []article.Mention{{Start: 26, End: 26 + len(spk), Text: spk}}}},
			Quotes:   []article.Quote{{Text: "The plan is ready,", Speaker: spk, SpeakerType: "PERSON", Cue: "said", Start: 1, End: 19}},
		}
		evs, err := fanout.Events(a, fanout.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			if _, err := js.Publish(ctx, e.Subject, e.Data, jetstream.WithMsgID(e.MsgID)); err != nil {
				t.Fatal(err)
			}
		}
	}
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return srv.ClientURL()
		}
		return ""
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"one speaker", []string{"--speaker", "Tom Roe", "--since", "1h", "--until-caught-up"}, "Tom Roe: \"The plan is ready,\" (Harbour plan Tom Roe)\n"},
		{"one entity", []string{"--entity", "Ana Lind", "--since", "1h", "--until-caught-up"}, "PERSON Ana Lind: 1 mentions in \"Harbour plan Ana Lind\"\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if err := run(ctx, tc.args, getenv, &out, &errOut); err != nil {
				t.Fatalf("run: %v\n%s", err, errOut.String())
			}
			if out.String() != tc.want {
				t.Errorf("printed %q, want %q", out.String(), tc.want)
			}
		})
	}
}

// TestRunArguments: --help prints the usage and succeeds; a negative
// --since, a stray argument, an empty name or an unknown language is
// refused before any connection is tried.
func TestRunArguments(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		wantErr   string // "" for success
		wantUsage bool
	}{
		{name: "help", args: []string{"--help"}, wantUsage: true},
		{name: "short help", args: []string{"-h"}, wantUsage: true},
		{name: "negative since", args: []string{"--since", "-6h"}, wantErr: "--since -6h0m0s"},
		{name: "stray argument", args: []string{"Pompeo"}, wantErr: `unexpected argument "Pompeo"`},
		{name: "empty speaker", args: []string{"--speaker", ""}, wantErr: "empty speaker name"},
		{name: "empty entity", args: []string{"--entity", " ", "--since", "6h"}, wantErr: "empty entity name"},
		{name: "unknown language", args: []string{"--lang", "zz"}, wantErr: `language "zz"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			// No NATS_URL: a connection attempt would go to the default
			// address and fail with another error.
			err := run(context.Background(), tc.args, func(string) string { return "" }, &out, &errOut)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("err %v, want success", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("err %v, want one containing %q", err, tc.wantErr)
			}
			if got := strings.Contains(errOut.String(), "-speaker"); got != tc.wantUsage {
				t.Errorf("usage printed %v, want %v:\n%s", got, tc.wantUsage, errOut.String())
			}
		})
	}
}
