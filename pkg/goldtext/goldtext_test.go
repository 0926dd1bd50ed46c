package goldtext

import (
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want article.Article
	}{
		{
			name: "wikinews layout",
			raw:  "Storm hits coast\n\nMonday, October 7, 2019\n\nThe storm hit the coast.\n\nIt moved north.\n\nPublished under: weather\n",
			want: article.Article{Headline: "Storm hits coast", Dateline: "Monday, October 7, 2019",
				Body: "The storm hit the coast.\n\nIt moved north."},
		},
		{
			name: "seed layout with subheadline, caption and legend lines",
			raw: "Talks resume\r\n\r\nBoth sides return\r\n\r\nThe delegates arrive. ██ Map legend\r\n\r\nSeptember 28, 2020\r\n\r\n" +
				"The talks resumed.\r\n██ legend\r\n",
			want: article.Article{Headline: "Talks resume", Subheadline: "Both sides return", Caption: "The delegates arrive. ██ Map legend",
				Dateline: "September 28, 2020", Body: "The talks resumed."},
		},
		{name: "empty", raw: "  \n\n", want: article.Article{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(tc.raw)
			if got.Headline != tc.want.Headline || got.Subheadline != tc.want.Subheadline || got.Caption != tc.want.Caption ||
				got.Dateline != tc.want.Dateline || got.Body != tc.want.Body {
				t.Errorf("Parse() = %+v\nwant %+v", got, tc.want)
			}
		})
	}
}
