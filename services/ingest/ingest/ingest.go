// Package ingest is the ingest stage: it turns raw messages from
// articles.raw into parsed articles on articles.parsed.
package ingest

import (
	"context"
	"encoding/json"
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
	if err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	for i := range arts {
		a := &arts[i]
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
	return nil
}
