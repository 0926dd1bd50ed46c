package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/natstest"
)

// TestDropWithoutStream: a drop on a NATS server where the services never
// created the streams says so, instead of "no response from stream".
func TestDropWithoutStream(t *testing.T) {
	srv := natstest.Start(t)
	f := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(f, []byte("Ferry resumes\n\nThe ferry resumed service on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return srv.ClientURL()
		}
		return ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err := run(ctx, []string{"drop", f}, getenv, strings.NewReader(""), &out, &out)
	if !errors.Is(err, ErrNoStream) || !strings.Contains(err.Error(), "services create the streams") {
		t.Fatalf("drop without streams: %v\n%s", err, out.String())
	}
}

// TestDropOnServersWithoutServices: 'up --no-services' creates the streams,
// so a drop is taken before any service runs.
func TestDropOnServersWithoutServices(t *testing.T) {
	ep := startServers(t, upOptions{dataDir: t.TempDir(), natsPort: -1, servers: "nats"})
	f := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(f, []byte("Ferry resumes\n\nThe ferry resumed service on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var dout bytes.Buffer
	getenv := func(k string) string {
		if k == "NATS_URL" {
			return ep.NATSURL
		}
		return ""
	}
	dctx, dcancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer dcancel()
	if err := run(dctx, []string{"drop", f}, getenv, strings.NewReader(""), &dout, &dout); err != nil || !strings.Contains(dout.String(), "dropped a.txt seq=1") {
		t.Fatalf("drop on servers without services: %v\n%s", err, dout.String())
	}

	// Before any service ran, status says so rather than quoting the
	// server's "consumer not found".
	var sout bytes.Buffer
	if err := run(dctx, []string{"status", "--json", "--no-mongo", "--interval", "100ms"}, getenv, strings.NewReader(""), &sout, &sout); err != nil {
		t.Fatalf("status: %v\n%s", err, sout.String())
	}
	if !strings.Contains(sout.String(), "no consumer yet: no ingest service has started") || strings.Contains(sout.String(), "consumer not found") {
		t.Errorf("status before any service:\n%s", sout.String())
	}

	// A folder with an empty file and one over the server's maximum
	// payload: both refused with their reason, the others dropped.
	dir := t.TempDir()
	for name, body := range map[string]string{
		"b.txt":     "Bridge opens\n\nThe bridge opened on Tuesday.\n",
		"big.txt":   "Big\n\n" + strings.Repeat("word ", 2<<20),
		"empty.txt": "  \n",
		"bom.txt":   "\xef\xbb\xbf \n",
		"z.txt":     "Zoo reopens\n\nThe zoo reopened on Friday.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A path that does not exist is refused too, and the rest dropped.
	dout.Reset()
	err := run(dctx, []string{"drop", dir, filepath.Join(dir, "nowhere.txt")}, getenv, strings.NewReader(""), &dout, &dout)
	if !errors.Is(err, ErrRefused) {
		t.Errorf("drop of a folder with refused files: %v, want ErrRefused\n%s", err, dout.String())
	}
	for _, want := range []string{"dropped b.txt", "refused big.txt: too_large", "refused empty.txt: empty input", "refused bom.txt: empty input", "dropped z.txt", "refused read " + filepath.Join(dir, "nowhere.txt")} {
		if !strings.Contains(dout.String(), want) {
			t.Errorf("no %q in:\n%s", want, dout.String())
		}
	}
}

// TestCollectFolder checks which files of a folder a drop reads: articles
// at any depth, not documentation, annotations, hidden files or Go code.
func TestCollectFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]bool{ // name -> dropped
		"a.txt": true, "b.json": true, "feeds/c.rss": true,
		// (Articles whose names open with a documentation file's name.)
		"notice-to-residents.txt": true, "licensed-drivers-strike.txt": true, "readmission-rates.html": true,
		"README.md": false, "LICENSE": false, "NOTICE.txt": false, "ATTRIBUTION.md": false, "a.gold.json": false, ".hidden": false,
		"subscribe/main.go": false, "subscribe/main_test.go": false, "subscribe/go.mod": false, "subscribe/go.sum": false,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, unread := collect([]string{dir, filepath.Join(dir, "missing.txt")}, strings.NewReader(""))
	// A path that cannot be read is reported and the others are read.
	if len(unread) != 1 || !strings.Contains(unread[0].Error(), "missing.txt") {
		t.Errorf("unreadable paths %v, want missing.txt", unread)
	}
	var names []string
	for _, f := range got {
		names = append(names, f.name)
	}
	slices.Sort(names)
	if want := []string{"a.txt", "b.json", "feeds/c.rss", "licensed-drivers-strike.txt", "notice-to-residents.txt", "readmission-rates.html"}; !slices.Equal(names, want) {
		t.Errorf("dropped %v, want %v", names, want)
	}
	// A link to the folder is the folder.
	link := filepath.Join(t.TempDir(), "inbox")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	got, unread = collect([]string{link}, strings.NewReader(""))
	if len(unread) != 0 || len(got) != len(names) {
		t.Errorf("a link to the folder: %d files, unread %v; want %d files", len(got), unread, len(names))
	}
	// A link to a folder inside a folder is said, not followed, and the
	// rest is read.
	outer := t.TempDir()
	if err := os.WriteFile(filepath.Join(outer, "z.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(outer, "inner")); err != nil {
		t.Fatal(err)
	}
	got, unread = collect([]string{outer}, strings.NewReader(""))
	if len(got) != 1 || len(unread) != 1 || !strings.Contains(unread[0].Error(), "not followed") {
		t.Errorf("a link to a folder inside: %d files, unread %v; want z.txt and the link said", len(got), unread)
	}
}

// TestCollectLeavesOutWhatIsNoArticleFile: a named pipe in a folder is
// refused without being opened (opening one blocks until a writer comes),
// and a file over maxReadBytes without being read; the rest is read.
func TestCollectLeavesOutWhatIsNoArticleFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Headline\n\nBody."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
		t.Fatal(err)
	}
	big, err := os.Create(filepath.Join(dir, "video.mp4"))
	if err != nil {
		t.Fatal(err)
	}
	// (Sparse: no disk is used for it.)
	if err := big.Truncate(maxReadBytes + 1); err != nil {
		t.Fatal(err)
	}
	big.Close()
	done := make(chan struct{})
	var got []rawFile
	var unread []error
	go func() {
		defer close(done)
		got, unread = collect([]string{dir}, strings.NewReader(""))
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("collect blocked on the named pipe")
	}
	if len(got) != 1 || got[0].name != "a.txt" {
		t.Errorf("read %v, want a.txt only", got)
	}
	if len(unread) != 2 || !errors.Is(unread[0], errNotRegular) && !errors.Is(unread[1], errNotRegular) || !errors.Is(unread[0], errFileTooLarge) && !errors.Is(unread[1], errFileTooLarge) {
		t.Errorf("refused %v, want the pipe as no regular file and the video as too large", unread)
	}
}

// TestTypeOf: drop sends the extension's content type unless the bytes
// plainly are another format.
func TestTypeOf(t *testing.T) {
	tests := []struct{ name, file, data, want string }{
		{"html", "a.html", "<html><body><p>x</p></body></html>", "text/html"},
		{"json saved as html", "a.html", `{"title": "A", "body": "B"}`, ""},
		{"feed saved as txt", "a.txt", `<?xml version="1.0"?><rss></rss>`, ""},
		{"text", "a.txt", "Headline\n\nBody.", "text/plain"},
		{"json", "a.json", `[{"title": "A"}]`, "application/json"},
		{"json extension, text inside", "a.json", "Headline\n\nBody.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := typeOf(tc.file, []byte(tc.data)); got != tc.want {
				t.Errorf("typeOf(%s) = %q, want %q", tc.file, got, tc.want)
			}
		})
	}
}

// TestDropWaitPartialInput: drop --wait follows a JSON Lines file with a
// line that is no JSON to the end: its good articles stored, the file's
// dead letter naming the line; with a refused file beside it, both
// failures are summed up; an empty folder is refused, not passed over.
func TestDropWaitPartialInput(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	dir := t.TempDir()
	lines := `{"headline":"Ferry resumes","body":"The ferry to Velmor resumed service on Monday, its operator said."}` + "\n" +
		`{"headline":"Broken", "body": oops}` + "\n" +
		`{"headline":"Bridge opens","body":"The new bridge over the Tarn opened on Tuesday, the council said."}` + "\n"
	for name, body := range map[string]string{"lines.jsonl": lines, "empty.txt": " \n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out bytes.Buffer
	err := run(ctx, []string{"drop", "--wait", "--timeout", "90s", dir}, s.getenv, strings.NewReader(""), &out, &out)
	if !errors.Is(err, ErrDeadLettered) || !errors.Is(err, ErrRefused) {
		t.Errorf("err %v, want both ErrDeadLettered and ErrRefused", err)
	}
	got := out.String()
	if n := strings.Count(got, "stored lines.jsonl "); n != 2 {
		t.Errorf("%d articles of lines.jsonl stored, want 2:\n%s", n, got)
	}
	for _, want := range []string{"dead lines.jsonl stage=ingest reason=skipped_items", "line 2: not JSON", "refused empty.txt"} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}

	// Named, its dead letter is not replayed without --force, and nothing
	// else named with it is.
	out.Reset()
	if err := run(ctx, []string{"dead-letters", "list", "--stage", "ingest"}, s.getenv, strings.NewReader(""), &out, &out); err != nil {
		t.Fatalf("dead-letters list: %v", err)
	}
	var seq string
	for _, l := range strings.Split(out.String(), "\n") {
		if f := strings.Fields(l); len(f) > 2 && f[2] == "skipped_items" {
			seq = f[0]
		}
	}
	out.Reset()
	if err := run(ctx, []string{"dead-letters", "replay", seq}, s.getenv, strings.NewReader(""), &out, &out); !errors.Is(err, errPartialLetter) || !strings.Contains(err.Error(), "nothing replayed") {
		t.Errorf("dead-letters replay %q: %v, want errPartialLetter, nothing replayed\n%s", seq, err, out.String())
	}
	// A sequence with no message says so in words, not as the server's 404.
	out.Reset()
	if err := run(ctx, []string{"dead-letters", "replay", "999999"}, s.getenv, strings.NewReader(""), &out, &out); err == nil || !strings.Contains(err.Error(), "no message with that sequence") {
		t.Errorf("dead-letters replay 999999: %v, want no message with that sequence", err)
	}
	// Its dead letter is kept by replay --all: the same bytes would fail on
	// the same line and publish the good lines again; --force replays it.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"dead-letters", "replay", "--all", "--stage", "ingest"}, "0 replayed\n1 kept"},
		{[]string{"dead-letters", "replay", "--all", "--stage", "ingest", "--force"}, "1 replayed"},
	} {
		out.Reset()
		if err := run(ctx, tc.args, s.getenv, strings.NewReader(""), &out, &out); err != nil || !strings.Contains(out.String(), tc.want) {
			t.Errorf("%s: %v, want %q in:\n%s", strings.Join(tc.args, " "), err, tc.want, out.String())
		}
	}

	empty := t.TempDir()
	out.Reset()
	err = run(ctx, []string{"drop", "--wait", empty}, s.getenv, strings.NewReader(""), &out, &out)
	if !errors.Is(err, errEmptyFolder) {
		t.Errorf("drop of an empty folder: %v, want errEmptyFolder\n%s", err, out.String())
	}
}

// TestDropWaitFileRefusedWhole: a feed with an item left out that ingest
// refuses whole (over its INGEST_MAX_BYTES, which drop does not read) ends
// drop --wait at its dead letter, as any file refused whole does.
func TestDropWaitFileRefusedWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStackEnv(t, map[string]string{"INGEST_MAX_BYTES": "2KiB"})
	var items strings.Builder
	for i := range 12 {
		fmt.Fprintf(&items, "<item><title>Pier works, part %d</title><link>https://example.org/pier/%d</link><description>The harbour board in Tarnfield approved part %d of the pier works on Monday, its chair said.</description></item>", i, i, i)
	}
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour news</title>` + items.String() +
		`<item><title>Title only</title><link>https://example.org/pier/x</link></item></channel></rss>`
	if len(feed) <= 2048 {
		t.Fatalf("the feed is %d bytes, want over 2 KiB", len(feed))
	}
	path := filepath.Join(t.TempDir(), "feed.rss")
	if err := os.WriteFile(path, []byte(feed), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out bytes.Buffer
	err := run(ctx, []string{"drop", "--wait", "--timeout", "60s", path}, s.getenv, strings.NewReader(""), &out, &out)
	if !errors.Is(err, ErrDeadLettered) || !strings.Contains(out.String(), "dead feed.rss stage=ingest reason=too_large") {
		t.Errorf("err %v, want the file dead-lettered whole and the wait ended\n%s", err, out.String())
	}
}

// TestDropWaitSaysWhatWasNotWritten: a version of an article that says it
// was published before the stored one is not written; drop --wait says so,
// where it used to print "stored" (and exits 0: the store did as it
// should).
func TestDropWaitSaysWhatWasNotWritten(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	dir := t.TempDir()
	body := "The harbour council of Velmora approved the budget for the new ferry terminal on Monday, its chair said."
	newer := fmt.Sprintf(`{"url":"https://example.com/ferry","headline":"Ferry budget approved","body":%q,"published":"2024-03-01T12:00:00Z"}`, body)
	older := fmt.Sprintf(`{"url":"https://example.com/ferry","headline":"Ferry budget approved (first version)","body":%q,"published":"2024-03-01T09:00:00Z"}`, body+" More to follow.")
	for name, data := range map[string]string{"newer.json": newer, "older.json": older} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out bytes.Buffer
	if err := run(ctx, []string{"drop", "--wait", "--timeout", "90s", filepath.Join(dir, "newer.json")}, s.getenv, strings.NewReader(""), &out, &out); err != nil {
		t.Fatalf("first drop: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := run(ctx, []string{"drop", "--wait", "--timeout", "90s", filepath.Join(dir, "older.json")}, s.getenv, strings.NewReader(""), &out, &out); err != nil {
		t.Errorf("second drop: %v", err)
	}
	if got := out.String(); !strings.Contains(got, "not written older.json") || !strings.Contains(got, "1 not written") || strings.Contains(got, "stored older.json") {
		t.Errorf("output does not say the older version was not written:\n%s", got)
	}
	// (Both dated: the store's reason is the date, and the refused text,
	// dropped later with another text, is kept where history finds it.)
	if got := out.String(); !strings.Contains(got, "(it is dated later)") || !strings.Contains(got, "newsflow history") {
		t.Errorf("output does not give the store's reason and where the version is kept:\n%s", got)
	}
}

// TestDropGoesOnWhenInputFull: a file the full input stream refuses is
// reported with the reason and what to do, and the files after it that
// still fit are dropped.
func TestDropGoesOnWhenInputFull(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cfg := jsbus.DefaultStreamConfig()
	cfg.InMaxBytes = 1 << 20
	getenv := streamServer(t, cfg)
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a.txt": "Harbour\n\n" + strings.Repeat("The harbour opened. ", 35_000),
		"b.txt": "Bridge\n\n" + strings.Repeat("The bridge opened. ", 35_000),
		"c.txt": "Zoo reopens\n\nThe zoo reopened on Friday.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	err := run(ctx, []string{"drop", dir}, getenv, strings.NewReader(""), &out, &out)
	if !errors.Is(err, ErrRefused) {
		t.Errorf("drop into a full input stream: %v, want ErrRefused\n%s", err, out.String())
	}
	for _, want := range []string{"dropped a.txt", "refused b.txt: the input stream ARTICLES_IN is full", "dropped c.txt"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in:\n%s", want, out.String())
		}
	}
}

// TestDropWaitInterrupted: Ctrl-C during drop --wait says the files were
// dropped and not waited for, not "context canceled".
func TestDropWaitInterrupted(t *testing.T) {
	getenv := streamServer(t, jsbus.DefaultStreamConfig())
	f := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(f, []byte("Ferry resumes\n\nThe ferry resumed service on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"drop", "--wait", f}, getenv, strings.NewReader(""), out, out) }()
	// No service runs: once dropped, the wait goes on until interrupted.
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "dropped a.txt") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err == nil || !strings.Contains(err.Error(), "interrupted: 1 file(s) dropped and not waited for") {
		t.Errorf("drop --wait interrupted: %v, want it to say the file was dropped\n%s", err, out.String())
	}
}

// streamServer starts a NATS server with the streams of cfg (as the
// services create them) and returns the environment that names it.
func streamServer(t *testing.T, cfg jsbus.StreamConfig) func(string) string {
	t.Helper()
	srv := natstest.Start(t)
	if _, err := jsbus.EnsureStream(context.Background(), natstest.JetStream(t, srv.ClientURL()), cfg); err != nil {
		t.Fatal(err)
	}
	return func(k string) string {
		if k == "NATS_URL" {
			return srv.ClientURL()
		}
		return ""
	}
}

// writeTree writes files (a slash path under dir -> its content).
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// symlink makes link point at target, making link's folder if need be.
func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// TestCollectRefusesLinksInFolder: a symbolic link found while walking a
// folder is not followed, whether to a file (out of the folder or in it)
// or to a folder: each is refused with its reason and the rest is read. A
// link named on the command line is followed.
func TestCollectRefusesLinksInFolder(t *testing.T) {
	const secret = "Secret\n\nA file outside the folder, not to be dropped.\n"
	tests := []struct {
		name  string
		setup func(t *testing.T, dir, outside string) []string // the paths to collect
		names []string                                         // the files read
		says  []string                                         // in the refusals, one each
	}{
		{"a link to a file outside", func(t *testing.T, dir, outside string) []string {
			symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt"))
			return []string{dir}
		}, []string{"a.txt"}, []string{"link.txt: a symbolic link inside the folder, not followed (a link to a file"}},
		{"a link in a subfolder", func(t *testing.T, dir, outside string) []string {
			symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(dir, "sub", "link.txt"))
			return []string{dir}
		}, []string{"a.txt"}, []string{filepath.Join("sub", "link.txt") + ": a symbolic link inside the folder"}},
		{"a relative link to a file of the folder", func(t *testing.T, dir, outside string) []string {
			symlink(t, "a.txt", filepath.Join(dir, "same.txt"))
			return []string{dir}
		}, []string{"a.txt"}, []string{"same.txt: a symbolic link inside the folder"}},
		{"a link to a folder", func(t *testing.T, dir, outside string) []string {
			symlink(t, outside, filepath.Join(dir, "inner"))
			return []string{dir}
		}, []string{"a.txt"}, []string{"inner: a symbolic link inside the folder, not followed (a link to a folder"}},
		{"a link to nothing", func(t *testing.T, dir, outside string) []string {
			symlink(t, filepath.Join(outside, "gone.txt"), filepath.Join(dir, "gone.txt"))
			return []string{dir}
		}, []string{"a.txt"}, []string{"gone.txt: a symbolic link inside the folder, not followed (it leads nowhere"}},
		{"a folder of links only", func(t *testing.T, dir, outside string) []string {
			only := filepath.Join(t.TempDir(), "only")
			symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(only, "link.txt"))
			return []string{only}
		}, nil, []string{"link.txt: a symbolic link inside the folder"}},
		{"a link named on the command line", func(t *testing.T, dir, outside string) []string {
			link := filepath.Join(t.TempDir(), "chosen.txt")
			symlink(t, filepath.Join(outside, "secret.txt"), link)
			return []string{link}
		}, []string{"chosen.txt"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir, outside := t.TempDir(), t.TempDir()
			writeTree(t, dir, map[string]string{"a.txt": "Ferry resumes\n\nThe ferry resumed service.\n"})
			writeTree(t, outside, map[string]string{"secret.txt": secret})
			got, unread := collect(tc.setup(t, dir, outside), strings.NewReader(""))
			var names []string
			for _, f := range got {
				names = append(names, f.name)
				if string(f.data) == secret && tc.says != nil {
					t.Errorf("%s: read the file outside the folder through a link", f.name)
				}
			}
			if !slices.Equal(names, tc.names) {
				t.Errorf("read %v, want %v", names, tc.names)
			}
			if len(unread) != len(tc.says) {
				t.Fatalf("refused %v, want %d refusal(s)", unread, len(tc.says))
			}
			for i, want := range tc.says {
				if !errors.Is(unread[i], errLinkInFolder) || !strings.Contains(unread[i].Error(), want) {
					t.Errorf("refusal %q, want errLinkInFolder saying %q", unread[i], want)
				}
			}
		})
	}
}

// TestReadArticleFileRefusesLinkUnlessFollowed: a file of a folder is
// opened without following a link, so that one put in its place after the
// walk is refused too; a path named on the command line is followed.
func TestReadArticleFileRefusesLinkUnlessFollowed(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"secret.txt": "Secret\n\nOutside.\n"})
	link := filepath.Join(t.TempDir(), "a.txt")
	symlink(t, filepath.Join(dir, "secret.txt"), link)
	if _, err := readArticleFile(link, false); !errors.Is(err, errLinkInFolder) {
		t.Errorf("a link, not followed: %v, want errLinkInFolder", err)
	}
	if b, err := readArticleFile(link, true); err != nil || !strings.HasPrefix(string(b), "Secret") {
		t.Errorf("a link, followed: %q, %v", b, err)
	}
}

// TestCollectNamesFilesByPathInFolder: a file of a folder is named by its
// path in the folder, so that sub/a.txt and a.txt are told apart; a file
// named on the command line by its base name; never an absolute path.
func TestCollectNamesFilesByPathInFolder(t *testing.T) {
	parent := t.TempDir()
	writeTree(t, parent, map[string]string{
		"dir/a.txt": "A", "dir/sub/a.txt": "B", "dir/sub/deeper/c.json": `{"headline":"C"}`,
	})
	link := filepath.Join(t.TempDir(), "inbox")
	symlink(t, filepath.Join(parent, "dir"), link)
	inFolder := []string{"a.txt", "sub/a.txt", "sub/deeper/c.json"}
	tests := []struct {
		name  string
		paths []string
		want  []string
	}{
		{"a folder, relative", []string{"dir"}, inFolder},
		{"a folder with a slash", []string{"dir/"}, inFolder},
		{"a folder, absolute", []string{filepath.Join(parent, "dir")}, inFolder},
		{"a subfolder", []string{filepath.Join("dir", "sub")}, []string{"a.txt", "deeper/c.json"}},
		{"a link to the folder", []string{link}, inFolder},
		{"a file named", []string{filepath.Join("dir", "sub", "a.txt")}, []string{"a.txt"}},
		{"a file named by its absolute path", []string{filepath.Join(parent, "dir", "sub", "deeper", "c.json")}, []string{"c.json"}},
	}
	t.Chdir(parent)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, unread := collect(tc.paths, strings.NewReader(""))
			if len(unread) > 0 {
				t.Fatalf("refused %v", unread)
			}
			var names []string
			for _, f := range got {
				names = append(names, f.name)
			}
			if !slices.Equal(names, tc.want) {
				t.Errorf("named %q, want %q", names, tc.want)
			}
		})
	}
}

// TestDropFolderNamesAndLinks runs drop --wait on a folder with a
// subfolder and links against the whole pipeline: the files of the
// subfolder are printed, stored and dead-lettered under their path in the
// folder, the links are refused (drop exits non-zero, as for any file it
// refuses) and what they link to is not stored; a link named on the
// command line is dropped.
func TestDropFolderNamesAndLinks(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test")
	}
	s := startStack(t)
	dir, outside := t.TempDir(), t.TempDir()
	writeTree(t, dir, map[string]string{
		"sub/ferry.txt":  "Ferry resumes on the Velmor route\n\nThe ferry to Velmor resumed service on Monday after a week of storms, its operator said.\n",
		"sub/notext.txt": "Just a headline\n",
	})
	writeTree(t, outside, map[string]string{
		"secret.txt": "Secret harbour memo leaked\n\nThe harbour board of Tarnfield met in secret on Friday to discuss the pier, a memo says.\n",
	})
	symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt"))
	symlink(t, outside, filepath.Join(dir, "elsewhere"))

	out, err := s.run("drop", "--wait", "--timeout", "2m", dir)
	if !errors.Is(err, ErrRefused) || !errors.Is(err, ErrDeadLettered) {
		t.Errorf("err %v, want ErrRefused and ErrDeadLettered", err)
	}
	for _, want := range []string{
		"dropped sub/ferry.txt seq=", "stored sub/ferry.txt ", "dead sub/notext.txt stage=ingest reason=no_text",
		"refused read " + filepath.Join(dir, "link.txt") + ": a symbolic link inside the folder, not followed",
		"refused read " + filepath.Join(dir, "elsewhere") + ": a symbolic link inside the folder, not followed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "Secret harbour memo") {
		t.Errorf("the file outside the folder was dropped through a link:\n%s", out)
	}
	// The dead letter and the stored article carry the same name, relative.
	if list := s.cli(t, "dead-letters", "list"); !strings.Contains(list, "sub/notext.txt") || strings.Contains(list, dir) {
		t.Errorf("dead-letters list, want sub/notext.txt and no absolute path:\n%s", list)
	}
	arts := s.cli(t, "tail", "--all", "--catch-up", "--json")
	if !strings.Contains(arts, `"name":"sub/ferry.txt"`) || strings.Contains(arts, dir) || strings.Contains(arts, "Secret harbour memo") {
		t.Errorf("stored articles, want source name sub/ferry.txt, no absolute path, nothing from outside:\n%s", arts)
	}

	// Named on the command line, a link is the user's choice: followed.
	out, err = s.run("drop", "--wait", "--timeout", "2m", filepath.Join(dir, "link.txt"))
	if err != nil || !strings.Contains(out, "stored link.txt ") || !strings.Contains(out, "Secret harbour memo") {
		t.Errorf("drop of a link named on the command line: %v\n%s", err, out)
	}
}
