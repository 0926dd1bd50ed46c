package parse

import (
	"context"
	"testing"
)

// BenchmarkParse parses the Wikinews 2019 corpus as plain text; ns/article
// is the cost of one article.
func BenchmarkParse(b *testing.B) {
	p := newTestParser(b)
	rows := readCorpus(b)
	inputs := make([]Input, len(rows))
	size := 0
	for i, r := range rows {
		inputs[i] = Input{Data: []byte(r.title + "\n\n" + r.text)}
		size += len(inputs[i].Data)
	}
	ctx := context.Background()
	b.SetBytes(int64(size / len(rows)))
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		if _, err := p.Parse(ctx, inputs[n%len(inputs)]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/article")
}
