// Package ingest is the ingest stage: it turns raw messages from
// articles.raw into parsed articles on articles.parsed.
package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

// Parser turns raw bytes into articles.
type Parser interface {
	Parse(ctx context.Context, in parse.Input) ([]article.Article, error)
}

// Publisher publishes with a de-duplication id and waits for the ack.
type Publisher interface {
	Publish(ctx context.Context, subject, msgID string, data []byte, hdr nats.Header) (*jetstream.PubAck, error)
}

// Stage handles raw messages.
type Stage struct {
	parser Parser
	pub    Publisher
	log    *slog.Logger
}

// New returns the ingest stage.
func New(p Parser, pub Publisher, log *slog.Logger) *Stage {
	return &Stage{parser: p, pub: pub, log: log}
}

// Handle parses one raw message and publishes each article it holds. A
// parse failure is permanent; a publish failure is retried (the ids make
// the articles already published harmless duplicates).
func (s *Stage) Handle(ctx context.Context, m *jsbus.Msg) error {
	in := parse.Input{Data: m.Data, ContentType: m.Header.Get(jsbus.HeaderContentType), Name: m.Header.Get(jsbus.HeaderSourceName)}
	arts, err := s.parser.Parse(ctx, in)
	// Over the item limit, the articles read still go on; the input is
	// then dead-lettered (the error below) so the rest is not lost unseen.
	over := errors.Is(err, parse.ErrTooManyItems) && len(arts) > 0
	if err != nil && !over {
		return fmt.Errorf("parse: %w", err)
	}
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
			return article.Permanent("encode", fmt.Errorf("encode article: %w", err))
		}
		hdr := jsbus.ArticleHeader(a.ID, a.Source.SHA256)
		if _, err := s.pub.Publish(ctx, jsbus.SubjectParsed, jsbus.MsgID(jsbus.StageIngest, a.ID, a.Source.SHA256), data, hdr); err != nil {
			return err
		}
		s.log.Debug("parsed", "article_id", a.ID, "stage", jsbus.StageIngest, "headline", a.Headline)
	}
	if over {
		return fmt.Errorf("parse: %w", err)
	}
	return nil
}
