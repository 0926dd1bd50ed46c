package store

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newsflow/newsflow/pkg/article"
)

// schemaJSON is a copy of schema/article.schema.json (a module cannot embed
// files above its directory); TestSchemaCopyIsCurrent keeps them equal.
//
//go:embed article.schema.json
var schemaJSON []byte

var compileSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("article schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("article.schema.json", doc); err != nil {
		return nil, fmt.Errorf("article schema: %w", err)
	}
	return c.Compile("article.schema.json")
})

// maxFuture is how far ahead of this clock an ingest time may be: the
// version the store compares (see version) must not be set ahead by a
// forged message, which would pin its text over every later update.
const maxFuture = 5 * time.Minute

// Validate checks an enriched article before it is written: its JSON
// against the published schema, and the invariants a schema cannot say
// (offsets inside the text they count into, mention text at its offsets,
// an ingest time that is not in the future). Whatever fails is a
// permanent error with the reason "invalid": the message is dead-lettered,
// nothing is written.
func Validate(data []byte, a *article.Article, now time.Time) error {
	sch, err := compileSchema()
	if err != nil {
		return err // the embedded schema is broken: a bug, not bad input
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return article.Permanent("bad_json", fmt.Errorf("decode enriched article: %w", err))
	}
	if err := sch.Validate(v); err != nil {
		return article.Permanent("invalid", fmt.Errorf("enriched article does not match the schema: %s", schemaErrors(err)))
	}
	return invariants(a, now)
}

// schemaErrors says what failed where, one "field: what" a failure
// ("headline: maxLength: got 100,000, want 1,000"), for the dead letter.
func schemaErrors(err error) string {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return err.Error()
	}
	var out []string
	for _, u := range ve.BasicOutput().Errors {
		if u.Error == nil {
			continue
		}
		at := strings.TrimPrefix(u.InstanceLocation, "/")
		if at == "" {
			at = "the article"
		}
		out = append(out, at+": "+u.Error.String())
	}
	if len(out) == 0 {
		return err.Error()
	}
	return strings.Join(out, "; ")
}

func invariants(a *article.Article, now time.Time) error {
	bad := func(format string, args ...any) error {
		return article.Permanent("invalid", fmt.Errorf("enriched article %s: "+format, append([]any{a.ID}, args...)...))
	}
	if a.IngestedAt.After(now.Add(maxFuture)) {
		return bad("ingested_at %s is in the future", a.IngestedAt.Format(time.RFC3339))
	}
	if a.IngestedAt.IsZero() {
		return bad("no ingested_at")
	}
	texts := map[string]int{
		article.FieldBody:    utf8.RuneCountInString(a.Body),
		article.FieldCaption: utf8.RuneCountInString(a.Caption),
	}
	span := func(what, field string, start, end int) error {
		n, ok := texts[field]
		if !ok {
			return bad("%s: unknown field %q", what, field)
		}
		if start < 0 || end <= start || end > n {
			return bad("%s: offsets [%d, %d) outside the %d code points of %q", what, start, end, n, field)
		}
		return nil
	}
	for i, e := range a.Entities {
		if e.Count != len(e.Mentions) {
			return bad("entity %d: count %d for %d mentions", i, e.Count, len(e.Mentions))
		}
		for j, m := range e.Mentions {
			if err := span(fmt.Sprintf("entity %d mention %d", i, j), m.Field, m.Start, m.End); err != nil {
				return err
			}
		}
	}
	paragraphs := len(article.Paragraphs(a.Body))
	for i, q := range a.Quotes {
		if err := span(fmt.Sprintf("quote %d", i), q.Field, q.Start, q.End); err != nil {
			return err
		}
		if q.Paragraph < 0 || q.Field == article.FieldBody && q.Paragraph >= max(paragraphs, 1) {
			return bad("quote %d: paragraph %d of %d", i, q.Paragraph, paragraphs)
		}
	}
	return nil
}

// decode reads an enriched article; json errors are permanent.
func decode(data []byte) (*article.Article, error) {
	var a article.Article
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, article.Permanent("bad_json", fmt.Errorf("decode enriched article: %w", err))
	}
	return &a, nil
}
