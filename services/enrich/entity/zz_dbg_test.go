package entity

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

func TestZZDebug(t *testing.T) {
	s := os.Getenv("DBG")
	if s == "" {
		t.Skip()
	}
	r := newTestRecognizer(t)
	for _, u := range units(s, 2000) {
		for _, tk := range r.tag(s, u) {
			fmt.Printf("%q/%s/%s ", tk.text, tk.tag, tk.label)
		}
		fmt.Println()
	}
	a := article.Article{Body: s}
	ents, _ := r.Recognize(context.Background(), &a)
	for _, e := range ents {
		fmt.Printf("%s %s %q\n", e.Type, e.Name, e.Aliases)
	}
}
