package store

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// TestWriteIsIdempotent writes articles concurrently (so they share
// batches), then writes the same ids again with new content, and a batch
// holding one id twice: one document per id, holding the last write.
func TestWriteIsIdempotent(t *testing.T) {
	ctx := context.Background()
	cfg := DefaultConfig()
	cfg.URI = startFerretDB(t)
	cfg.Collection = "articles"
	s, err := New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	// Twice: a restarted store finds its indexes there already.
	for range 2 {
		if err := s.EnsureIndexes(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}

	write := func(t *testing.T, ids []string, headline string) {
		t.Helper()
		var wg sync.WaitGroup
		errs := make([]error, len(ids))
		for i, id := range ids {
			wg.Go(func() {
				a := benchArticle(id)
				a.Headline = headline
				errs[i] = s.Write(ctx, a)
			})
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("write %s: %v", ids[i], err)
			}
		}
	}
	var ids []string
	for i := range 40 {
		ids = append(ids, fmt.Sprintf("a%02d", i))
	}
	tests := []struct {
		name     string
		ids      []string
		headline string
	}{
		{"first write", ids, "first"},
		{"redelivery of the same ids", ids[:10], "second"},
		{"one id twice in a batch", []string{"a20", "a20", "a21"}, "third"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			write(t, tc.ids, tc.headline)
			n, err := s.Collection().CountDocuments(ctx, bson.D{})
			if err != nil {
				t.Fatal(err)
			}
			if n != int64(len(ids)) {
				t.Fatalf("documents: %d, want %d", n, len(ids))
			}
			for _, id := range tc.ids {
				got := storedArticle(ctx, t, s, id)
				if got.Headline != tc.headline {
					t.Errorf("%s: headline %q, want %q", id, got.Headline, tc.headline)
				}
				if got.PublishedAt == nil || !got.PublishedAt.Equal(time.Date(2019, 1, 4, 0, 0, 0, 0, time.UTC)) || len(got.Entities) != 12 {
					t.Errorf("%s: stored document incomplete: %+v", id, got.PublishedAt)
				}
			}
		})
	}
}

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		wantURI string
		wantErr bool
	}{
		{"defaults", nil, "mongodb://localhost:27017", false},
		{"uri", map[string]string{"MONGO_URI": "mongodb://u:p@h:27017/?authSource=admin"}, "mongodb://u:p@h:27017/?authSource=admin", false},
		{"bad batch", map[string]string{"STORE_MAX_BATCH": "x"}, "", true},
		{"zero batch", map[string]string{"STORE_MAX_BATCH": "0"}, "", true},
		{"flush interval", map[string]string{"STORE_FLUSH_INTERVAL": "20ms"}, "mongodb://localhost:27017", false},
		{"bad flush interval", map[string]string{"STORE_FLUSH_INTERVAL": "x"}, "", true},
		{"negative flush interval", map[string]string{"STORE_FLUSH_INTERVAL": "-1ms"}, "", true},
		{"bad versions kept", map[string]string{"STORE_KEEP_VERSIONS": "x"}, "", true},
		{"negative versions kept", map[string]string{"STORE_KEEP_VERSIONS": "-1"}, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ConfigFromEnv(func(k string) string { return tc.env[k] })
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tc.wantErr)
			}
			if !tc.wantErr && c.URI != tc.wantURI {
				t.Errorf("URI = %q, want %q", c.URI, tc.wantURI)
			}
		})
	}
	if c, err := ConfigFromEnv(func(k string) string { return map[string]string{"STORE_KEEP_VERSIONS": "3", "STORE_MAX_BATCH": "7"}[k] }); err != nil || c.KeepVersions != 3 || c.MaxBatch != 7 {
		t.Errorf("STORE_KEEP_VERSIONS=3 STORE_MAX_BATCH=7: %d, %d, %v", c.KeepVersions, c.MaxBatch, err)
	}
	if got := RedactURI("mongodb://u:secret@h:27017/"); got != "mongodb://u:xxxxx@h:27017/" {
		t.Errorf("RedactURI = %q", got)
	}
}
