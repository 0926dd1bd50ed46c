package quote

import "github.com/newsflow/newsflow/pkg/article"

// ExtractTraced is Extract that also returns, parallel to the quotes, the
// name of the attribution rule that chose each quote's speaker ("" when no
// rule named one). The rule names are for evaluation and debugging (newsflow
// eval --errors); they are not part of the published article.
func (x *Extractor) ExtractTraced(body string, ents []article.Entity) ([]article.Quote, []string) {
	if len(body) == 0 {
		return nil, nil
	}
	return newDoc(x, body, ents).runTraced()
}
