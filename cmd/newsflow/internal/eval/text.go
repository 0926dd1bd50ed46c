package eval

import (
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/goldtext"
)

// PlainText parses the plain-text layout of the gold articles
// (goldtext.Parse). It stands in for the ingest parser in tests and when the
// parser is not wired.
func PlainText(raw string) article.Article { return goldtext.Parse(raw) }
