package parse

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
)

// TestOverItemLimitIsNotSilent (issue 18, case 8): an input with more items
// than MaxItems yields the first MaxItems articles and a permanent
// too_many_items error that counts the rest.
func TestOverItemLimitIsNotSilent(t *testing.T) {
	p, err := New(Config{MaxItems: 3}, WithClock(func() time.Time { return fixedNow }))
	if err != nil {
		t.Fatal(err)
	}
	item := func(i int) string {
		return fmt.Sprintf("The body of item %d tells of a new bridge over the river, opened on Monday by the city's mayor.", i)
	}
	var rss, arr, lines strings.Builder
	rss.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>`)
	arr.WriteString("[")
	for i := range 5 {
		fmt.Fprintf(&rss, "<item><title>Item %d</title><link>https://example.org/%d</link><description>%s</description></item>", i, i, item(i))
		if i > 0 {
			arr.WriteString(",")
		}
		fmt.Fprintf(&arr, `{"title": "Item %d", "body": %q}`, i, item(i))
		fmt.Fprintf(&lines, "{\"title\": \"Item %d\", \"body\": %q}\n", i, item(i))
	}
	rss.WriteString("</channel></rss>")
	arr.WriteString("]")
	tests := []struct {
		name, contentType, data string
	}{
		{"rss", "application/rss+xml", rss.String()},
		{"json array", "application/json", arr.String()},
		{"json lines", "application/x-ndjson", lines.String()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := p.Parse(context.Background(), Input{Data: []byte(tc.data), ContentType: tc.contentType})
			if !errors.Is(err, ErrTooManyItems) || !errors.Is(err, article.ErrPermanent) || article.Reason(err) != ReasonTooManyItems {
				t.Fatalf("err = %v, want a permanent %s", err, ReasonTooManyItems)
			}
			if !strings.Contains(err.Error(), "first 3 of 5") {
				t.Errorf("error does not count the items: %v", err)
			}
			if len(arts) != 3 {
				t.Errorf("%d articles, want the first 3", len(arts))
			}
		})
	}
	t.Run("at the limit", func(t *testing.T) {
		p3, _ := New(Config{MaxItems: 5})
		arts, err := p3.Parse(context.Background(), Input{Data: []byte(arr.String()), ContentType: "application/json"})
		if err != nil || len(arts) != 5 {
			t.Fatalf("5 items with a limit of 5: %d articles, err %v", len(arts), err)
		}
	})
}
