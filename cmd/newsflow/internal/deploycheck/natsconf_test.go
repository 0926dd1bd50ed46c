package deploycheck

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
)

// hardPasswords broke the NATS config when referenced as $NATS_PASSWORD
// (parsed as a number, a boolean, a size, or several tokens) or a URL.
var hardPasswords = []struct{ name, pass string }{
	{"digits only", "123456"},
	{"boolean word", "true"},
	{"size", "10GB"},
	{"spaces", "correct horse battery staple"},
	{"semicolon", "a;b;c"},
	{"base64 with slash and plus", "k3J/9+xQ2w=="},
	{"at slash colon", "p@ss/w:rd"},
	{"percent", "100%sure%2F"},
	{"hash and braces", "x#y{z}[w]"},
	{"dollar", "$NATS_PASSWORD$1"},
	{"quotes and backslash", `say "hi" \ bye '\x41`},
	{"non-ASCII", "pässwörd-日本語"},
}

// TestNATSConfPasswords runs the real nats-server on deploy/nats/nats.conf
// through deploy/nats/entrypoint.sh with each hard password in the
// secret files of every role: the server must start, each role log in with
// its password, and a wrong password be refused.
func TestNATSConfPasswords(t *testing.T) {
	for _, tc := range hardPasswords {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// Each role its own password, all of the same hard kind.
			pass := func(role string) string { return tc.pass + "-" + role }
			if tc.name == "digits only" || tc.name == "boolean word" || tc.name == "size" {
				pass = func(string) string { return tc.pass } // exactly the value that broke
			}
			dir, args := localArgs(t)
			p := startNATS(t, dir, secretFiles(t, pass), args...)
			url := p.waitUp(t, nats.UserInfo("operator", pass("operator")))
			for _, r := range roles {
				nc, err := nats.Connect(url, nats.UserInfo(r, pass(r)), nats.Timeout(2*time.Second))
				if err != nil {
					t.Errorf("%s with its password: %v", r, err)
					continue
				}
				nc.Close()
			}
			_, err := nats.Connect(url, nats.UserInfo("ingest", pass("ingest")+"x"), nats.Timeout(2*time.Second))
			if err == nil || !strings.Contains(strings.ToLower(err.Error()), "authorization") {
				t.Errorf("wrong password: err %v, want an authorization violation", err)
			}
			if len(tc.pass) >= 8 && strings.Contains(p.logText(), tc.pass) { // "true" is in any log
				t.Errorf("the server log shows the password")
			}
		})
	}
}

// TestNATSConfPlainEnv: a password given as NATS_<ROLE>_PASSWORD (not a
// file) is quoted the same way; a role without one cannot log in with an
// empty password.
func TestNATSConfPlainEnv(t *testing.T) {
	dir, args := localArgs(t)
	p := startNATS(t, dir, []string{"NATS_OPERATOR_PASSWORD=123456", "NATS_INGEST_PASSWORD=true"}, args...)
	url := p.waitUp(t, nats.UserInfo("operator", "123456"))
	if nc, err := nats.Connect(url, nats.UserInfo("ingest", "true")); err != nil {
		t.Errorf("ingest: %v", err)
	} else {
		nc.Close()
	}
	if _, err := nats.Connect(url, nats.UserInfo("store", "")); err == nil {
		t.Errorf("store without a password set logged in with an empty one")
	}
}

// TestNATSConfPermissions checks what each role may do on the real config,
// on subjects that do not depend on the stream layout: a role's own input
// and output, and what it must not touch.
func TestNATSConfPermissions(t *testing.T) {
	dir, args := localArgs(t)
	pass := func(r string) string { return "pw " + r }
	p := startNATS(t, dir, secretFiles(t, pass), args...)
	url := p.waitUp(t, nats.UserInfo("operator", pass("operator")))
	tests := []struct {
		role, op, subject string
		allowed           bool
	}{
		{"dropper", "pub", "articles.raw", true},
		{"dropper", "pub", "articles.enriched", false},
		{"dropper", "sub", "articles.>", false},
		{"dropper", "sub", "_INBOX.dropper.x", true},
		{"dropper", "sub", "_INBOX.ingest.x", false},
		// (drop --wait: plain subscriptions to the outcomes; no consumer
		// right, which would reach a subscriber's durable.)
		{"dropper", "sub", "outcomes.stored", true},
		{"dropper", "sub", "outcomes.dead.ingest", true},
		{"dropper", "sub", "articles.dead.ingest", false},
		{"dropper", "sub", "articles.parsed", false},
		{"dropper", "pub", "$JS.API.CONSUMER.CREATE.ARTICLES.x.articles.stored", false},
		{"dropper", "pub", "$JS.API.CONSUMER.CREATE.ARTICLES.desk.articles.stored", false},
		{"dropper", "pub", "$JS.API.CONSUMER.DELETE.ARTICLES.desk", false},
		{"dropper", "pub", "$JS.API.CONSUMER.MSG.NEXT.ARTICLES.desk", false},
		{"dropper", "pub", "$JS.API.CONSUMER.CREATE.ARTICLES_DEAD.x.articles.dead.ingest", false},
		{"dropper", "pub", "$JS.ACK.ARTICLES.enrich.1.2.1.1733300000000000000.0", false},
		{"dropper", "pub", "$JS.API.STREAM.PURGE.ARTICLES_DEAD", false},
		{"subscriber", "pub", "$JS.API.CONSUMER.CREATE.ARTICLES_DEAD.x.articles.dead.ingest", false},
		{"store", "pub", "$JS.API.STREAM.INFO.ARTICLES_DEAD", true},
		{"ingest", "pub", "articles.parsed", true},
		{"ingest", "pub", "articles.enriched", false},
		{"ingest", "pub", "articles.dead.ingest", true},
		{"ingest", "pub", "articles.dead.enrich", false},
		{"ingest", "pub", "$JS.API.STREAM.DELETE.ARTICLES", false},
		{"ingest", "pub", "$JS.API.STREAM.PURGE.ARTICLES_IN", true},
		{"ingest", "pub", "$JS.API.STREAM.PURGE.ARTICLES_DEAD", false},
		{"dropper", "pub", "$JS.API.STREAM.PURGE.ARTICLES_IN", false},
		{"ingest", "sub", "$SRV.PING", true},
		{"enrich", "pub", "articles.enriched", true},
		{"enrich", "pub", "articles.raw", false},
		{"enrich", "pub", "$KV.NEWSFLOW_STORIES.a.0123", true},
		{"enrich", "pub", "$JS.API.STREAM.DELETE.KV_NEWSFLOW_STORIES", false},
		{"dropper", "pub", "$KV.NEWSFLOW_STORIES.a.0123", false},
		{"store", "pub", "$KV.NEWSFLOW_STORIES.a.0123", false},
		{"store", "pub", "articles.stored", true},
		{"store", "pub", "$JS.API.STREAM.PURGE.ARTICLES", false},
		{"subscriber", "pub", "articles.raw", false},
		{"subscriber", "pub", "$JS.API.CONSUMER.CREATE.ARTICLES.x.articles.enriched", true},
		{"subscriber", "pub", "$JS.API.CONSUMER.CREATE.ARTICLES.x.articles.dead.ingest", false},
		{"subscriber", "pub", "$JS.API.CONSUMER.CREATE.ARTICLES.x", false},
		{"subscriber", "pub", "$JS.API.CONSUMER.MSG.NEXT.ARTICLES.store", false},
		// (Its own durable's acknowledgements, never a stage's.)
		{"subscriber", "pub", "$JS.ACK.ARTICLES.deskA.1.2.1.1733300000000000000.0", true},
		{"subscriber", "pub", "$JS.ACK.ARTICLES.enrich.1.2.1.1733300000000000000.0", false},
		{"subscriber", "pub", "$JS.ACK.ARTICLES.store.1.2.1.1733300000000000000.0", false},
		{"subscriber", "sub", "articles.enriched", false},
		// Per-quote and per-entity events (ARTICLE_EVENTS): enrich writes
		// them, subscribers read them, nobody else writes them.
		{"enrich", "pub", "articles.quote.jane_doe", true},
		{"enrich", "pub", "articles.entity.org.who", true},
		{"enrich", "pub", "$JS.API.STREAM.INFO.ARTICLE_EVENTS", true},
		{"ingest", "pub", "articles.quote.jane_doe", false},
		{"store", "pub", "articles.entity.org.who", false},
		{"dropper", "pub", "articles.quote.jane_doe", false},
		{"subscriber", "pub", "articles.quote.jane_doe", false},
		{"subscriber", "pub", "$JS.API.CONSUMER.CREATE.ARTICLE_EVENTS.x.articles.quote.jane_doe", true},
		{"subscriber", "pub", "$JS.API.CONSUMER.MSG.NEXT.ARTICLE_EVENTS.x", true},
		{"subscriber", "pub", "$JS.API.STREAM.PURGE.ARTICLE_EVENTS", false},
		{"operator", "pub", "$JS.API.STREAM.PURGE.ARTICLES", true},
		{"operator", "sub", "$SRV.>", true},
	}
	for _, tc := range tests {
		t.Run(tc.role+" "+tc.op+" "+tc.subject, func(t *testing.T) {
			errs := make(chan error, 4)
			nc, err := nats.Connect(url, nats.UserInfo(tc.role, pass(tc.role)),
				nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) { errs <- err }))
			if err != nil {
				t.Fatal(err)
			}
			defer nc.Close()
			if tc.op == "pub" {
				err = nc.Publish(tc.subject, []byte("x"))
			} else {
				_, err = nc.SubscribeSync(tc.subject)
			}
			if err == nil {
				err = nc.FlushTimeout(2 * time.Second)
			}
			select {
			case e := <-errs:
				err = errors.Join(err, e)
			case <-time.After(200 * time.Millisecond):
			}
			denied := err != nil && strings.Contains(strings.ToLower(err.Error()), "permissions violation")
			if err != nil && !denied {
				t.Fatalf("unexpected error: %v", err)
			}
			if denied == tc.allowed {
				t.Errorf("allowed=%v, want %v (err %v)", !denied, tc.allowed, err)
			}
		})
	}
}
