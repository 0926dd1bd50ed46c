package jsbus

import (
	"time"

	"github.com/nats-io/nats.go"
)

// Output is one event a stage emits for the message it handled. The
// stage only says what the event is; the consume loop publishes it (with
// its CloudEvents headers and de-duplication id), waits for the stream's
// ack of every output, and only then acknowledges the input.
type Output struct {
	// Subject is where the event goes (articles.parsed, articles.enriched,
	// ...). Subject, MsgID and Type are required: an output without one is
	// a permanent error (reason bad_output).
	Subject string
	// MsgID is the Nats-Msg-Id and the CloudEvents id: stable across
	// redeliveries of the input (see MsgID), so a retry is stored once.
	MsgID string
	// Type is the CloudEvents type (ce-type), versioned: TypeParsed, ...
	Type string
	// ArticleID is the article the event is about (ce-subject); empty if none.
	ArticleID string
	// DataSchema is the URI of the JSON Schema of Data (ce-dataschema);
	// empty if none.
	DataSchema string
	// Data is the payload, JSON.
	Data []byte
	// Header holds extra headers (Newsflow-*), or nil.
	Header nats.Header
}

// CloudEvents types, one per event kind, versioned: a payload change that
// breaks readers gets a new version.
const (
	TypeParsed   = "org.newsflow.article.parsed.v1"
	TypeEnriched = "org.newsflow.article.enriched.v1"
	TypeStored   = "org.newsflow.article.stored.v1"
	TypeDead     = "org.newsflow.article.dead.v1"
)

// ArticleSchemaID is the $id of schema/article.schema.json, the schema of
// parsed and enriched articles (ce-dataschema).
const ArticleSchemaID = "https://github.com/newsflow/newsflow/schema/article.schema.json"

// CloudEvents 1.0 NATS protocol binding, binary mode: each attribute is a
// header named ce-<attribute>, the data is the payload, and datacontenttype
// is the content-type header.
const (
	HeaderCESpecVersion = "ce-specversion"
	HeaderCEID          = "ce-id"
	HeaderCESource      = "ce-source"
	HeaderCEType        = "ce-type"
	HeaderCETime        = "ce-time"
	HeaderCESubject     = "ce-subject"
	HeaderCEDataSchema  = "ce-dataschema"
	// HeaderCEContentType is datacontenttype in the NATS binding. NATS
	// headers are case-sensitive: it is not Content-Type, which raw drops
	// carry for ingest.
	HeaderCEContentType = "content-type"
	// CESpecVersion is the CloudEvents version newsflow speaks.
	CESpecVersion = "1.0"
)

// Source returns the CloudEvents source of a stage's events.
func Source(stage string) string { return "/newsflow/" + stage }

// EventHeader returns the headers of an output published by stage at now:
// the output's own headers and the CloudEvents attributes. The consume
// loop builds them the same way (eventHeaders); anything else that
// publishes newsflow events (a re-enrichment) calls it, so that every
// event looks alike.
func EventHeader(stage string, o Output, now time.Time) nats.Header {
	eh := newEventHeaders(stage, now)
	return eh.header(o)
}

// eventHeaders builds the headers of the outputs of one message, all
// published by the same stage at the same time. The values the outputs
// share (spec version, source, time, content type, and the subject and
// schema of consecutive outputs about the same article) are made once and
// shared between their headers: a message's fan-out events differ only in
// their id and type, and building and formatting the rest for each of them
// was a good part of their cost. Nothing changes a header's values once
// built (nats.Header.Set and Add replace or append, never write in place).
type eventHeaders struct {
	spec, source, time, contentType []string
	// subject and schema are the last ce-subject and ce-dataschema values.
	subject, schema []string
}

// newEventHeaders returns the builder of the headers of stage's outputs
// published at now.
func newEventHeaders(stage string, now time.Time) eventHeaders {
	return eventHeaders{
		spec:        []string{CESpecVersion},
		source:      []string{Source(stage)},
		time:        []string{now.UTC().Format(time.RFC3339Nano)},
		contentType: []string{"application/json"},
	}
}

// header returns the headers of o: its own and the CloudEvents attributes.
func (e *eventHeaders) header(o Output) nats.Header {
	hdr := make(nats.Header, len(o.Header)+8)
	e.fill(hdr, o)
	return hdr
}

// fill empties hdr and puts the headers of o in it.
func (e *eventHeaders) fill(hdr nats.Header, o Output) {
	clear(hdr)
	for k, v := range o.Header {
		hdr[k] = v
	}
	hdr[HeaderCESpecVersion] = e.spec
	hdr[HeaderCEID] = []string{o.MsgID}
	hdr[HeaderCESource] = e.source
	hdr[HeaderCEType] = []string{o.Type}
	hdr[HeaderCETime] = e.time
	if o.ArticleID != "" {
		hdr[HeaderCESubject] = e.shared(&e.subject, o.ArticleID)
	}
	if o.DataSchema != "" {
		hdr[HeaderCEDataSchema] = e.shared(&e.schema, o.DataSchema)
	}
	hdr[HeaderCEContentType] = e.contentType
}

// shared returns *last if it holds v, else a new value it keeps in *last.
func (e *eventHeaders) shared(last *[]string, v string) []string {
	if len(*last) != 1 || (*last)[0] != v {
		*last = []string{v}
	}
	return *last
}

// ArticleOutput is the output of a stage about one article: the event's
// subject, type and payload, with the article's headers and a message id
// derived from the stage, the article and its raw input (MsgID).
func ArticleOutput(stage, subject, typ, articleID, rawSHA256 string, data []byte) Output {
	o := Output{
		Subject: subject, MsgID: MsgID(stage, articleID, rawSHA256), Type: typ,
		ArticleID: articleID, Data: data, Header: ArticleHeader(articleID, rawSHA256),
	}
	// A parsed article has no entities or quotes yet, so only an enriched
	// one matches the article schema.
	if subject == SubjectEnriched {
		o.DataSchema = ArticleSchemaID
	}
	return o
}
