package fanout

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
)

// CloudEvents types of the fan-out events (ce-type); the version suffix
// changes with any incompatible change to the payload.
const (
	TypeQuote  = "org.newsflow.quote.v1"
	TypeEntity = "org.newsflow.entity.v1"
)

// Schema ids (ce-dataschema) of the payloads, the $id of the JSON Schemas
// in schema/.
const (
	SchemaQuote  = "https://github.com/newsflow/newsflow/schema/quote-event.schema.json"
	SchemaEntity = "https://github.com/newsflow/newsflow/schema/entity-event.schema.json"
)

// Event is one fan-out message ready to publish.
type Event struct {
	// Subject is articles.quote.<speaker> or articles.entity.<type>.<name>.
	Subject string
	// MsgID is the Nats-Msg-Id and ce-id: the same for the same article
	// revision and event, so a redelivered or rerun publish is dropped by
	// the stream as a duplicate.
	MsgID string
	// Type is the CloudEvents type, TypeQuote or TypeEntity.
	Type string
	// Data is the JSON payload, a QuoteEvent or an EntityEvent.
	Data []byte
}

// ArticleRef is what every fan-out event says about its article, enough to
// show it and to fetch the whole article.
type ArticleRef struct {
	ArticleID   string     `json:"article_id"`
	Headline    string     `json:"headline"`
	URL         string     `json:"url,omitempty"`
	PublishedAt *time.Time `json:"published_at,omitempty"`
	Language    string     `json:"language,omitempty"`
	// Revision is 0 for the first enrichment, n for the n-th re-enrichment.
	Revision        int    `json:"revision,omitempty"`
	EnricherVersion string `json:"enricher_version,omitempty"`
	// DuplicateOf is the id of the first-seen article this one nearly
	// repeats, with their Similarity; empty for a first-seen article.
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	Similarity  float64 `json:"similarity,omitempty"`
	// StoryID is the id of the first article of the article's story.
	StoryID string `json:"story_id,omitempty"`
}

// QuoteEvent is the payload of articles.quote.<token>.
type QuoteEvent struct {
	SchemaVersion int `json:"schema_version"`
	ArticleRef
	// Index is the quote's index in the article's quotes.
	Index int           `json:"index"`
	Quote article.Quote `json:"quote"`
}

// EntityEvent is the payload of articles.entity.<type>.<token>.
type EntityEvent struct {
	SchemaVersion int `json:"schema_version"`
	ArticleRef
	// Entity is the entity with its mentions (at most Config.MaxMentions;
	// Count still says how many the article has).
	Entity article.Entity `json:"entity"`
}

// EventSchemaVersion is the schema_version of the fan-out payloads.
const EventSchemaVersion = 1

// Config limits the fan-out of one article: a long article listing a
// hundred names must not flood the stream.
type Config struct {
	// MaxQuotes is the most quote events per article, the first quotes in
	// article order.
	MaxQuotes int
	// MaxEntities is the most entity events per article, the most
	// mentioned entities first.
	MaxEntities int
	// MaxMentions is the most mentions one entity event carries.
	MaxMentions int
}

// DefaultConfig returns the default limits.
func DefaultConfig() Config { return Config{MaxQuotes: 50, MaxEntities: 50, MaxMentions: 20} }

// Validate reports limits that cannot work.
func (c Config) Validate() error {
	var errs []error
	for _, l := range []struct {
		name string
		v    int
	}{{"max quotes", c.MaxQuotes}, {"max entities", c.MaxEntities}, {"max mentions", c.MaxMentions}} {
		if l.v < 0 || l.v > 1000 {
			errs = append(errs, fmt.Errorf("fanout %s %d: must be 0 to 1000", l.name, l.v))
		}
	}
	if c.MaxMentions == 0 && c.MaxEntities > 0 {
		errs = append(errs, errors.New("fanout max mentions must be at least 1 when entities fan out"))
	}
	return errors.Join(errs...)
}

// Ref returns the article reference of a.
func Ref(a article.Article) ArticleRef {
	return ArticleRef{
		ArticleID: a.ID, Headline: a.Headline, URL: a.URL, PublishedAt: a.PublishedAt,
		Language: a.Language, Revision: a.Revision, EnricherVersion: a.EnricherVersion,
		DuplicateOf: a.DuplicateOf, Similarity: a.Similarity, StoryID: a.StoryID,
	}
}

// msgID is "<kind>:<article id>:<source hash prefix>:r<revision>:<n>": the
// article id and source hash name the article version as the stages'
// message ids do, the revision its re-enrichment, n the event.
func msgID(kind string, a article.Article, n int) string {
	sha := a.Source.SHA256
	return kind + ":" + a.ID + ":" + sha[:min(16, len(sha))] + ":r" + strconv.Itoa(a.Revision) + ":" + strconv.Itoa(n)
}

// Events returns the fan-out events of an enriched article: one per quote
// (the first cfg.MaxQuotes) and one per entity (the cfg.MaxEntities most
// mentioned). It is pure: the same article and config give the same events.
func Events(a article.Article, cfg Config) ([]Event, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if a.ID == "" {
		return nil, errors.New("fanout: article has no id")
	}
	// Every event of the article carries the same reference: it is encoded
	// once and spliced into each payload, and all payloads are written into
	// one buffer, rather than a json.Marshal of each whole event (the
	// reference again, a struct walked by reflection, a copy each). This
	// was the larger part of building the events, themselves about a fifth
	// of what the fan-out costs the pipeline (docs/performance.md, stop
	// 76). The bytes are those json.Marshal gives for a QuoteEvent or an
	// EntityEvent (TestEventsEncodeAsMarshal): the fields in struct order,
	// the embedded reference's where it is embedded.
	ref, err := json.Marshal(Ref(a))
	if err != nil {
		return nil, fmt.Errorf("fanout: encode article %s: %w", a.ID, err)
	}
	ref = ref[1 : len(ref)-1] // its fields, without the braces (article_id is never omitted)
	quotes, ents := a.Quotes[:min(len(a.Quotes), cfg.MaxQuotes)], topEntities(a.Entities, cfg.MaxEntities)
	out := make([]Event, 0, len(quotes)+len(ents))
	var buf bytes.Buffer
	buf.Grow((len(quotes) + len(ents)) * (len(ref) + 300))
	// (An Encoder writes into buf, with the HTML escaping json.Marshal
	// does, and a newline after each value that is cut again.)
	enc := json.NewEncoder(&buf)
	var ends []int
	open := func() {
		buf.WriteString(`{"schema_version":`)
		buf.WriteString(strconv.Itoa(EventSchemaVersion))
		buf.WriteByte(',')
		buf.Write(ref)
	}
	closeValue := func() {
		buf.Truncate(buf.Len() - 1) // the Encoder's newline
		buf.WriteByte('}')
		ends = append(ends, buf.Len())
	}
	for i, q := range quotes {
		open()
		buf.WriteString(`,"index":`)
		buf.WriteString(strconv.Itoa(i))
		buf.WriteString(`,"quote":`)
		if err := enc.Encode(q); err != nil {
			return nil, fmt.Errorf("fanout: encode quote %d of %s: %w", i, a.ID, err)
		}
		closeValue()
		out = append(out, Event{Subject: QuoteSubject(q.Speaker), MsgID: msgID("quote", a, i), Type: TypeQuote})
	}
	for i, e := range ents {
		if len(e.Mentions) > cfg.MaxMentions {
			e.Mentions = e.Mentions[:cfg.MaxMentions]
		}
		open()
		buf.WriteString(`,"entity":`)
		if err := enc.Encode(e); err != nil {
			return nil, fmt.Errorf("fanout: encode entity %q of %s: %w", e.Name, a.ID, err)
		}
		closeValue()
		out = append(out, Event{Subject: EntitySubject(e.Type, e.Name), MsgID: msgID("entity", a, i), Type: TypeEntity})
	}
	// Each payload its own slice of the buffer, capped at its end so that
	// an append to one cannot write over the next.
	b, start := buf.Bytes(), 0
	for i, end := range ends {
		out[i].Data = b[start:end:end]
		start = end
	}
	return out, nil
}

// topEntities returns the n most mentioned entities, ties in article order,
// then in article order again so the events follow the article.
func topEntities(ents []article.Entity, n int) []article.Entity {
	if len(ents) <= n {
		return ents
	}
	idx := make([]int, len(ents))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(ents[y].Count, ents[x].Count) })
	idx = idx[:n]
	slices.Sort(idx)
	out := make([]article.Entity, n)
	for i, j := range idx {
		out[i] = ents[j]
	}
	return out
}

// ConfigFromEnv reads FANOUT_MAX_QUOTES, FANOUT_MAX_ENTITIES and
// FANOUT_MAX_MENTIONS over the defaults (0 turns that fan-out off).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	c := DefaultConfig()
	var errs []error
	for _, v := range []struct {
		name string
		dst  *int
	}{{"FANOUT_MAX_QUOTES", &c.MaxQuotes}, {"FANOUT_MAX_ENTITIES", &c.MaxEntities}, {"FANOUT_MAX_MENTIONS", &c.MaxMentions}} {
		s := getenv(v.name)
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", v.name, err))
			continue
		}
		*v.dst = n
	}
	if err := errors.Join(errs...); err != nil {
		return c, err
	}
	return c, c.Validate()
}
