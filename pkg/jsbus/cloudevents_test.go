package jsbus_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cloudevents/sdk-go/v2/binding/spec"
	cloudevents "github.com/cloudevents/sdk-go/v2/event"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
)

// ceVersions reads CloudEvents attributes as the NATS protocol binding
// puts them in binary mode: ce-<name> headers, and datacontenttype in
// content-type.
var ceVersions = spec.WithPrefixMatchExact(func(name string) string {
	if name == "datacontenttype" {
		return "content-type"
	}
	return "ce-" + name
}, "ce-")

// decodeEvent builds a CloudEvent from a NATS message with the CloudEvents
// SDK's attribute rules (each value parsed and typed by the SDK: ce-time as
// an RFC 3339 time, ce-source and ce-dataschema as URI references), and
// validates it against the 1.0 spec (required attributes present and
// non-empty, formats).
func decodeEvent(t *testing.T, m jetstream.Msg) cloudevents.Event {
	t.Helper()
	hdr := m.Headers()
	v := ceVersions.Version(hdr.Get(jsbus.HeaderCESpecVersion))
	if v == nil {
		t.Fatalf("%s: unknown ce-specversion %q", m.Subject(), hdr.Get(jsbus.HeaderCESpecVersion))
	}
	ctx := v.NewContext()
	for _, a := range v.Attributes() {
		name := a.PrefixedName()
		if a.Kind() == spec.DataContentType {
			name = jsbus.HeaderCEContentType
		}
		if val := hdr.Get(name); val != "" {
			if err := a.Set(ctx, val); err != nil {
				t.Fatalf("%s: attribute %s = %q: %v", m.Subject(), name, val, err)
			}
		}
	}
	e := cloudevents.Event{Context: ctx, DataEncoded: m.Data()}
	if err := e.Validate(); err != nil {
		t.Fatalf("%s: not a valid CloudEvent: %v (headers %v)", m.Subject(), err, hdr)
	}
	return e
}

// TestEventsAreCloudEvents runs a stage whose outputs cover every kind of
// event the loop publishes (parsed, enriched, stored, a future per-quote
// event, and a dead letter) and decodes each with the CloudEvents SDK.
func TestEventsAreCloudEvents(t *testing.T) {
	js := connect(t, startServer(t))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	const id, sum = "0123456789abcdef01234567", "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12"
	outs := []jsbus.Output{
		jsbus.ArticleOutput(jsbus.StageIngest, jsbus.SubjectParsed, jsbus.TypeParsed, id, sum, []byte(`{"id":"`+id+`"}`)),
		jsbus.ArticleOutput(jsbus.StageEnrich, jsbus.SubjectEnriched, jsbus.TypeEnriched, id, sum, []byte(`{"id":"`+id+`"}`)),
		jsbus.ArticleOutput(jsbus.StageStore, jsbus.SubjectStored, jsbus.TypeStored, id, sum, []byte(`{"id":"`+id+`"}`)),
		{Subject: jsbus.SubjectQuotePrefix + "jane_doe", MsgID: "quote:" + id + ":0", Type: "org.newsflow.quote.v1", ArticleID: id, Data: []byte(`{}`)},
	}
	runConsumer(t, js, testConfig(), jsbus.HandlerFunc(func(_ context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
		if string(m.Data) == "poison" {
			return nil, article.Permanent("invalid", errors.New("poison"))
		}
		return outs, nil
	}))
	for _, data := range []string{"good", "good again", "poison"} {
		hdr := nats.Header{}
		hdr.Set(jsbus.HeaderContentType, "text/plain")
		if _, err := js.PublishMsg(ctx, &nats.Msg{Subject: jsbus.SubjectRaw, Data: []byte(data), Header: hdr}); err != nil {
			t.Fatal(err)
		}
	}

	type want struct {
		typ, subject, schema, contentType string
		id                                string
	}
	wants := map[string]want{
		jsbus.SubjectParsed:                  {jsbus.TypeParsed, id, "", "application/json", outs[0].MsgID},
		jsbus.SubjectEnriched:                {jsbus.TypeEnriched, id, jsbus.ArticleSchemaID, "application/json", outs[1].MsgID},
		jsbus.SubjectStored:                  {jsbus.TypeStored, id, "", "application/json", outs[2].MsgID},
		outs[3].Subject:                      {"org.newsflow.quote.v1", id, "", "application/json", outs[3].MsgID},
		jsbus.DeadSubject(jsbus.StageIngest): {typ: jsbus.TypeDead, contentType: "text/plain"},
	}
	got := map[string]int{}
	ids := map[string]string{}
	for _, stream := range []string{jsbus.StreamName, jsbus.StreamEvents, jsbus.StreamDead} {
		oc, err := js.OrderedConsumer(ctx, stream, jetstream.OrderedConsumerConfig{})
		if err != nil {
			t.Fatal(err)
		}
		n := 3
		if stream != jsbus.StreamName {
			n = 1
		}
		for range n {
			m, err := oc.Next(jetstream.FetchMaxWait(10 * time.Second))
			if err != nil {
				t.Fatalf("%s: %d events read: %v", stream, len(got), err)
			}
			e := decodeEvent(t, m)
			w, ok := wants[m.Subject()]
			if !ok {
				t.Fatalf("unexpected event on %s", m.Subject())
			}
			got[m.Subject()]++
			if prev, dup := ids[e.ID()]; dup {
				t.Errorf("ce-id %q on %s and %s", e.ID(), prev, m.Subject())
			}
			ids[e.ID()] = m.Subject()
			if e.SpecVersion() != "1.0" || e.Type() != w.typ || e.Subject() != w.subject || e.DataSchema() != w.schema || e.DataContentType() != w.contentType {
				t.Errorf("%s: specversion %q type %q subject %q dataschema %q content-type %q, want %+v",
					m.Subject(), e.SpecVersion(), e.Type(), e.Subject(), e.DataSchema(), e.DataContentType(), w)
			}
			if w.id != "" && e.ID() != w.id {
				t.Errorf("%s: ce-id %q, want the message id %q", m.Subject(), e.ID(), w.id)
			}
			// The event's id is its de-duplication id: a redelivered
			// input makes the same event, stored once.
			if e.ID() != m.Headers().Get(nats.MsgIdHdr) {
				t.Errorf("%s: ce-id %q, Nats-Msg-Id %q", m.Subject(), e.ID(), m.Headers().Get(nats.MsgIdHdr))
			}
			if u, err := url.Parse(e.Source()); err != nil || !strings.HasPrefix(e.Source(), "/newsflow/") {
				t.Errorf("%s: ce-source %q (%v)", m.Subject(), e.Source(), err)
			} else if u.Path != jsbus.Source(jsbus.StageIngest) {
				t.Errorf("%s: ce-source %q, want the stage's", m.Subject(), e.Source())
			}
			if age := time.Since(e.Time()); e.Time().IsZero() || age < 0 || age > time.Minute {
				t.Errorf("%s: ce-time %v", m.Subject(), e.Time())
			}
		}
	}
	for s := range wants {
		if got[s] != 1 {
			t.Errorf("%d events on %s, want 1 (the second drop's outputs are duplicates of the first's)", got[s], s)
		}
	}
}
