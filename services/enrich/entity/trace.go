package entity

import (
	"context"

	"github.com/newsflow/newsflow/pkg/article"
)

// Trace says which rules made an entity (joined and split the words of its
// mentions) and which rule gave it its type. It is for evaluation and
// debugging (newsflow eval --errors), not part of the published article.
type Trace struct {
	// Made names the joining and splitting rules behind the entity's mentions.
	Made []string
	// Typed names the classifying rule that gave the entity its type.
	Typed string
}

// RecognizeTraced is Recognize that also returns, parallel to the entities,
// the rules behind each one. The rule names are the short snake_case names
// of the chains in join.go, split.go, classify.go and resolve.go; they are
// stable across runs.
func (r *Recognizer) RecognizeTraced(ctx context.Context, a *article.Article) ([]article.Entity, []Trace, error) {
	return r.recognize(ctx, a, true)
}
