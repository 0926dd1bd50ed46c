// Package ingest is the ingest stage: it turns raw messages from
// articles.raw into parsed articles on articles.parsed.
package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/nats-io/nats.go"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// Parser turns raw bytes into articles.
type Parser interface {
	Parse(ctx context.Context, in parse.Input) ([]article.Article, error)
}

// Stage handles raw messages.
type Stage struct {
	parser Parser
	log    *slog.Logger
}

// New returns the ingest stage.
func New(p Parser, log *slog.Logger) *Stage {
	return &Stage{parser: p, log: log}
}

// Handle parses one raw message into one parsed-article event per article
// it holds. A parse failure is permanent. Over the item limit, or with
// items that could not be read (a JSON Lines line that is no JSON, a feed
// item without text), the articles read still go out and the input is
// then dead-lettered (the permanent error beside them, naming what was
// left out), so the rest is not lost unseen.
func (s *Stage) Handle(ctx context.Context, m *jsbus.Msg) ([]jsbus.Output, error) {
	if err := checkRawID(m); err != nil {
		return nil, err
	}
	in := parse.Input{Data: m.Data, ContentType: m.Header.Get(jsbus.HeaderContentType), Name: m.Header.Get(jsbus.HeaderSourceName)}
	arts, err := s.parser.Parse(ctx, in)
	over := parse.ReadInPart(err) && len(arts) > 0
	if err != nil && !over {
		return nil, fmt.Errorf("parse: %w", err)
	}
	outs := make([]jsbus.Output, 0, len(arts))
	for i := range arts {
		a := &arts[i]
		if !m.Time.IsZero() {
			// The article's version (store keeps the newest) is when the
			// server accepted the drop: ordered as the drops were, the
			// same for every retry of this input.
			a.IngestedAt = m.Time.UTC()
		}
		data, err := json.Marshal(a)
		if err != nil {
			return nil, article.Permanent("encode", fmt.Errorf("encode article: %w", err))
		}
		outs = append(outs, jsbus.ArticleOutput(jsbus.StageIngest, jsbus.SubjectParsed, jsbus.TypeParsed, a.ID, a.Source.SHA256, data))
		s.log.Debug("parsed", "article_id", a.ID, "stage", jsbus.StageIngest, "headline", a.Headline)
	}
	if over {
		return outs, fmt.Errorf("parse: %w", err)
	}
	return outs, nil
}

// ReasonForgedID is the dead letter reason of raw input whose message id
// names other bytes.
const ReasonForgedID = "forged_id"

// ErrForgedID: a raw message's id ("raw:<sha256>", as newsflow drop
// writes it) is not the hash of its bytes.
var ErrForgedID = errors.New("message id names other bytes")

// checkRawID refuses raw input whose "raw:<sha256>" message id is not the
// hash of its bytes. Anyone who may drop can send such a message, to claim
// the id of bytes someone else will drop: the stream then takes that
// later drop as a duplicate within its window. The claim cannot be undone
// here, but it becomes a dead letter that says what it is (the dropper of
// the real bytes is told where to look), instead of a parsed article.
func checkRawID(m *jsbus.Msg) error {
	id := m.Header.Get(nats.MsgIdHdr)
	if !strings.HasPrefix(id, "raw:") || id == "raw:"+article.HashBytes(m.Data) {
		return nil
	}
	if len(id) > 80 {
		id = id[:80]
	}
	return article.Permanent(ReasonForgedID, fmt.Errorf("%w: message id %q is not raw:<sha256 of the bytes>", ErrForgedID, id))
}

// ParseConfigFromEnv reads INGEST_MAX_BYTES (a byte count with an optional
// KiB or MiB suffix; default parse.DefaultMaxBytes) into the parser's
// Config, for the ingest service and every command that embeds the stage.
func ParseConfigFromEnv(getenv func(string) string) (parse.Config, error) {
	var c parse.Config
	if v := getenv("INGEST_MAX_BYTES"); v != "" {
		n, err := jsbus.ParseBytes(v)
		if err != nil {
			return c, fmt.Errorf("INGEST_MAX_BYTES: %w", err)
		}
		if n < 1<<10 {
			return c, fmt.Errorf("INGEST_MAX_BYTES: %d bytes is below 1 KiB", n)
		}
		c.MaxBytes = int(n)
	}
	return c, c.Validate()
}
