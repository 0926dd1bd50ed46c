package storyeval

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestZZFindPanic(t *testing.T) {
	if os.Getenv("FINDPANIC") == "" {
		t.Skip()
	}
	samples := Generate(rows(t), 30, seedFromEnv())
	p := process(t)
	for i, s := range samples {
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Printf("PANIC sample %d family %d variant %s: %v\n%q\n", i, s.Family, s.Variant, r, s.Raw[:min(300, len(s.Raw))])
				}
			}()
			p(context.Background(), s.Raw)
		}()
	}
}

func seedFromEnv() uint64 {
	var s uint64
	fmt.Sscan(os.Getenv("FINDPANIC"), &s)
	return s
}
