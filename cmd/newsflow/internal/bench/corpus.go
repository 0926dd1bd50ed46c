// Package bench measures newsflow's throughput: it loads a corpus of raw
// articles, drops them into a running stack and times them until stored,
// measures the in-process ceiling (parse and enrich alone on all cores) and
// the naive use of prose, and samples the process's memory.
package bench

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsflow/newsflow/pkg/article"
)

// ErrEmptyCorpus reports a corpus without usable articles.
var ErrEmptyCorpus = errors.New("bench: corpus has no articles")

// Item is one raw article to drop: plain text, "title\n\ntext".
type Item struct {
	// Name is the source name sent with the article.
	Name string
	// Data is the raw bytes.
	Data []byte
	// SHA256 is the hex SHA-256 of Data, as the stored notices carry it.
	SHA256 string
}

// LoadCorpus reads n articles from a CSV with the columns url, date, title
// and text. For n beyond the corpus size it cycles through it again, marking
// each further copy in its title so that every article has its own id.
func LoadCorpus(path string, n int) ([]Item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	return ReadCorpus(f, n)
}

// ReadCorpus is LoadCorpus on a reader.
func ReadCorpus(r io.Reader, n int) ([]Item, error) {
	if n < 1 {
		return nil, fmt.Errorf("bench: n = %d: want at least 1", n)
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	type row struct{ title, text string }
	var rows []row
	for i, rec := range recs {
		if i == 0 || len(rec) < 4 {
			continue // header
		}
		title, text := strings.TrimSpace(rec[2]), strings.TrimSpace(rec[3])
		if title == "" || text == "" {
			continue
		}
		rows = append(rows, row{title, text})
	}
	if len(rows) == 0 {
		return nil, ErrEmptyCorpus
	}
	items := make([]Item, 0, n)
	seen := make(map[string]bool, n)
	for i := 0; len(items) < n; i++ {
		r := rows[i%len(rows)]
		title := r.title
		if c := i / len(rows); c > 0 {
			title = fmt.Sprintf("%s (copy %d)", title, c+1)
		}
		data := []byte(title + "\n\n" + r.text + "\n")
		sum := article.HashBytes(data)
		if seen[sum] { // the corpus repeats itself: skip, the stream would drop it as a duplicate
			if i > 2*n+len(rows) {
				return nil, fmt.Errorf("bench: corpus too repetitive for %d distinct articles", n)
			}
			continue
		}
		seen[sum] = true
		items = append(items, Item{Name: fmt.Sprintf("bench-%05d.txt", len(items)), Data: data, SHA256: sum})
	}
	return items, nil
}
