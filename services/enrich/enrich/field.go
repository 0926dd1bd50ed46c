package enrich

import "github.com/newsflow/newsflow/pkg/article"

// FieldEntities returns the entities with only their mentions in field
// (article.FieldBody or article.FieldCaption): what the quote finder is
// given for that text. Tools that re-run the quote finder beside Enrich,
// such as newsflow eval --errors, use it to see what Enrich saw.
func FieldEntities(ents []article.Entity, field string) []article.Entity {
	return inField(ents, field)
}
