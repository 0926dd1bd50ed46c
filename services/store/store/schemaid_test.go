package store

import (
	"encoding/json"
	"testing"

	"github.com/newsflow/newsflow/pkg/jsbus"
)

// TestArticleSchemaID: the ce-dataschema of enriched events is the $id of
// the schema the store validates them against (a copy of
// schema/article.schema.json, kept equal by TestSchemaCopyIsCurrent).
func TestArticleSchemaID(t *testing.T) {
	var doc struct {
		ID string `json:"$id"`
	}
	if err := json.Unmarshal(schemaJSON, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ID == "" || doc.ID != jsbus.ArticleSchemaID {
		t.Errorf("schema $id %q, jsbus.ArticleSchemaID %q", doc.ID, jsbus.ArticleSchemaID)
	}
}
