package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/logging"
	"github.com/newsflow/newsflow/services/ingest/parse"
	"github.com/newsflow/newsflow/services/store/store"
)

type dropOptions struct {
	paths   []string
	wait    bool
	timeout time.Duration
}

func cmdDrop(ctx context.Context, e env, args []string) error {
	fset := flag.NewFlagSet("drop", flag.ContinueOnError)
	fset.SetOutput(e.stderr)
	var o dropOptions
	fset.BoolVar(&o.wait, "wait", false, "wait until each article is stored and print its id and headline")
	fset.DurationVar(&o.timeout, "timeout", 2*time.Minute, "how long --wait waits (more than 0)")
	fset.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: newsflow drop [--wait] [--timeout D] PATH... (files, folders, or - for stdin); NATS_URL selects the server")
		fset.PrintDefaults()
	}
	if err := parseFlags(fset, args); err != nil {
		return errUsage
	}
	o.paths = fset.Args()
	if len(o.paths) == 0 {
		fset.Usage()
		return errUsage
	}
	if !o.wait && flagSet(fset, "timeout") {
		// (--timeout without --wait was ignored: drop waits only for the
		// JetStream acks, which have their own bound.)
		fmt.Fprintln(e.stderr, "drop: --timeout bounds --wait; give --wait too")
		return errUsage
	}
	if o.timeout <= 0 {
		// (0 timed out at once, after publishing: no outcome read.)
		fmt.Fprintf(e.stderr, "drop: --timeout %v: want a time to wait, such as 2m\n", o.timeout)
		return errUsage
	}
	cc, err := jsbus.ConnConfigFromEnv(e.getenv, "newsflow-drop")
	if err != nil {
		return err
	}
	return drop(ctx, e, cc, o)
}

// rawFile is one input to drop.
type rawFile struct {
	name        string
	data        []byte
	contentType string
}

// contentTypes maps file extensions to the content type sent with them;
// ingest still sniffs the bytes when a type is missing or wrong.
var contentTypes = map[string]string{
	".txt": "text/plain", ".text": "text/plain", ".md": "text/plain",
	".html": "text/html", ".htm": "text/html", ".xhtml": "text/html",
	".json": "application/json", ".jsonl": "application/x-ndjson", ".ndjson": "application/x-ndjson",
	".xml": "application/xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml",
}

// typeOf is the content type a file's extension names, or none when the
// bytes plainly are another format (JSON or a feed saved as .html or
// .txt, by ingest's own test, parse.Sniff): ingest then decides from the
// name and the bytes instead of reading them as the extension says.
func typeOf(name string, data []byte) string {
	ct := contentTypes[strings.ToLower(filepath.Ext(name))]
	isJSON, isFeed := parse.Sniff(data)
	switch {
	case strings.HasPrefix(ct, "text/") && (isJSON || isFeed):
		return ""
	case strings.Contains(ct, "json") && !isJSON:
		return ""
	}
	return ct
}

// errEmptyFolder: a folder given to drop or process holds no file to read.
var errEmptyFolder = errors.New("no article files in this folder (hidden files and folders, README, LICENSE, NOTICE and ATTRIBUTION files, *.gold.json and Go files are left out)")

// collect reads the files named by paths; folders are walked, "-" is stdin.
// What cannot be read, or is left out with a reason, is in the errors.
func collect(paths []string, stdin io.Reader) ([]rawFile, []error) {
	var out []rawFile
	var unread []error
	for _, p := range paths {
		if p == "-" {
			b, err := io.ReadAll(stdin)
			if err != nil {
				unread = append(unread, fmt.Errorf("read stdin: %w", err))
				continue
			}
			out = append(out, rawFile{name: "stdin", data: b})
			continue
		}
		var files []string
		links := 0 // links found in the folder, each refused
		root := p
		// (A link to a folder is the folder: WalkDir does not follow a
		// link it is given, and the link was refused as "a folder".)
		if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				root = p + string(filepath.Separator)
			}
		}
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if path != root && skipInFolder(d.Name()) {
				return nil
			}
			// A link found in a folder is not followed, to a file or a
			// folder: it may lead out of the folder (a link to
			// /etc/passwd would be stored as an article). A link named
			// on the command line is the user's choice and is followed.
			if path != root && d.Type()&fs.ModeSymlink != 0 {
				unread = append(unread, fmt.Errorf("read %s: %w", path, linkRefusal(path)))
				links++
				return nil
			}
			files = append(files, path)
			return nil
		})
		if err != nil {
			// (One path that cannot be read leaves the others to drop.)
			unread = append(unread, fmt.Errorf("read %s: %w", p, err))
			continue
		}
		if len(files) == 0 {
			// A folder with nothing to read is said, not passed over.
			// (One holding only links has said so of each link.)
			if links == 0 {
				unread = append(unread, fmt.Errorf("read %s: %w", p, errEmptyFolder))
			}
			continue
		}
		sort.Strings(files)
		for _, f := range files {
			inFolder := f != root
			b, err := readArticleFile(f, !inFolder)
			if err != nil {
				unread = append(unread, fmt.Errorf("read %s: %w", f, err))
				continue
			}
			out = append(out, rawFile{name: sourceName(root, f), data: b, contentType: typeOf(f, b)})
		}
	}
	return out, unread
}

// sourceName is the name a file is dropped under, printed and sent as its
// source name (kept in its article's source.name and in its dead
// letters): a file of a folder by its path in the folder ("sub/a.txt",
// so that two a.txt in two subfolders are told apart), a file named on
// the command line by its base name, as before. Neither is ever an
// absolute path of the user's machine.
func sourceName(root, path string) string {
	if path == root {
		return filepath.Base(path)
	}
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return filepath.Base(path)
	}
	return filepath.ToSlash(rel)
}

// errLinkInFolder says why a symbolic link found in a folder was not read.
var errLinkInFolder = errors.New("a symbolic link inside the folder, not followed")

// linkRefusal says what a link found in a folder leads to, and how to drop
// that if the user means to.
func linkRefusal(path string) error {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		if inner := errors.Unwrap(err); inner != nil {
			err = inner // (the path is said already)
		}
		return fmt.Errorf("%w (it leads nowhere: %w)", errLinkInFolder, err)
	case st.IsDir():
		return fmt.Errorf("%w (a link to a folder: drop the folder it names)", errLinkInFolder)
	}
	return fmt.Errorf("%w (a link to a file: name the link on the command line to drop the file it links to)", errLinkInFolder)
}

// maxReadBytes is the largest file read as an article: the most a NATS
// server's max_payload can be, so that a larger file (a video left in the
// folder) is refused without being read into memory.
const maxReadBytes = 64 << 20

// errNotRegular and errFileTooLarge say why a file was not read.
var (
	errNotRegular   = errors.New("not a regular file, left out")
	errFileTooLarge = errors.New("too large to be an article, left out")
)

// readArticleFile reads a regular file of at most maxReadBytes. A named
// pipe, a device or a socket is refused before anything is read: reading
// one blocks until something writes to it, and no signal ends the wait.
// Unless follow is set, a symbolic link is refused too.
func readArticleFile(path string, follow bool) ([]byte, error) {
	// Opened without blocking and checked on the open file, so that a
	// pipe put in its place after a check by name cannot block either;
	// and, for a file of a folder, without following a link put in its
	// place after the walk saw a plain file.
	flags := os.O_RDONLY | syscall.O_NONBLOCK
	if !follow {
		flags |= syscall.O_NOFOLLOW
	}
	f, err := os.OpenFile(path, flags, 0)
	if errors.Is(err, syscall.ELOOP) && !follow {
		return nil, linkRefusal(path)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%w (%s)", errNotRegular, fileKind(fi.Mode()))
	}
	if fi.Size() > maxReadBytes {
		return nil, fmt.Errorf("%w: %d bytes, over %d", errFileTooLarge, fi.Size(), maxReadBytes)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxReadBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxReadBytes {
		// (It grew after the size was read.)
		return nil, fmt.Errorf("%w: over %d bytes", errFileTooLarge, maxReadBytes)
	}
	return b, nil
}

// fileKind names a file's type for a message.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "not a plain file"
}

// skipInFolder tells the files of a folder that are not articles: hidden
// files, gold annotations, the folder's own documentation, and Go source
// and module files (examples/ holds a subscriber program beside the
// sample articles). A file named on the command line is always dropped.
func skipInFolder(name string) bool {
	// The documentation's whole name, with any extension ("README.md",
	// "LICENSE", "NOTICE.txt"), not its first letters: an article may be
	// named "notice-to-residents.txt" or "licensed-drivers-strike.txt".
	stem, _, _ := strings.Cut(strings.ToUpper(name), ".")
	switch stem {
	case "README", "LICENSE", "LICENCE", "LICENSES", "ATTRIBUTION", "NOTICE", "COPYING":
		return true
	}
	switch {
	case strings.HasSuffix(name, ".go"), name == "go.mod", name == "go.sum":
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".gold.json")
}

// dialEnv connects to the NATS server that the environment names.
func dialEnv(ctx context.Context, e env, name string) (jetstream.JetStream, func(), error) {
	cc, err := jsbus.ConnConfigFromEnv(e.getenv, name)
	if err != nil {
		return nil, nil, err
	}
	return dial(ctx, e, cc)
}

// dial connects a short-lived client command to NATS; the func closes it.
func dial(ctx context.Context, e env, cc jsbus.ConnConfig) (jetstream.JetStream, func(), error) {
	log, _ := logging.New(e.stderr, logging.Config{Level: "error"})
	nc, err := jsbus.Connect(ctx, cc, log)
	if err != nil {
		return nil, nil, err
	}
	js, err := jsbus.NewJetStream(nc)
	if err != nil {
		nc.Close()
		return nil, nil, err
	}
	return js, nc.Close, nil
}

// drop publishes files to articles.raw; with wait it follows
// articles.stored and the dead letters until each file has an outcome.
// ErrNoStream reports a drop on a server where no stream takes articles.raw.
var ErrNoStream = errors.New("no input stream")

func drop(ctx context.Context, e env, cc jsbus.ConnConfig, o dropOptions) error {
	files, unread := collect(o.paths, e.stdin)
	if len(files) == 0 && len(unread) > 0 {
		return errors.Join(unread...)
	}
	js, closeConn, err := dial(ctx, e, cc)
	if err != nil {
		return err
	}
	defer closeConn()
	var outcomes <-chan *nats.Msg
	if o.wait {
		// Subscribe before publishing so no outcome can be missed: plain
		// subscriptions to the copies the server republishes once a stored
		// notice or a dead letter is in its stream (jsbus.OutcomePrefix),
		// so that what drop reports is there to list, and a dropper needs
		// the right to subscribe to them and none on any consumer, which
		// would let it delete or drain a subscriber's durable.
		ch := make(chan *nats.Msg, 64)
		nc := js.Conn()
		for _, subject := range []string{jsbus.OutcomePrefix + "stored", jsbus.OutcomePrefix + "dead.>"} {
			sub, err := nc.Subscribe(subject, func(m *nats.Msg) {
				// (The subject it was stored on, which the server's copy
				// names in a header.)
				m.Subject = m.Header.Get(jetstream.SubjectHeader)
				select {
				case ch <- m:
				case <-ctx.Done():
				}
			})
			if err != nil {
				return fmt.Errorf("follow outcomes: %w", err)
			}
			defer func() { _ = sub.Unsubscribe() }()
		}
		// (The server has the subscriptions before the first drop.)
		if err := nc.FlushTimeout(10 * time.Second); err != nil {
			return fmt.Errorf("follow outcomes: %w", err)
		}
		if err := nc.LastError(); err != nil {
			return fmt.Errorf("follow outcomes: %w", err)
		}
		outcomes = ch
	}
	pub := jsbus.NewPublisher(js)
	// A feed or a JSON Lines file holds several articles: with --wait,
	// each file is read here as ingest will read it, to know how many
	// outcomes to wait for.
	var parser *parse.Parser
	if o.wait {
		// No byte limit here: ingest's own (INGEST_MAX_BYTES, which this
		// process may not know) refuses a file whole, and a whole-file
		// dead letter ends the wait whatever was predicted.
		if parser, err = parse.New(parse.Config{MaxBytes: math.MaxInt32}); err != nil {
			return fmt.Errorf("parser: %w", err)
		}
	}
	pending := map[string]*awaited{} // raw sha256 -> what is still awaited
	// --timeout counts from here: reading the files as ingest will (to
	// know what to wait for) is part of the wait, and a large crafted page
	// may take long to read.
	waitCtx, cancelWait := context.WithTimeout(ctx, o.timeout)
	defer cancelWait()
	refused := 0 // files refused before they reached the stream
	for _, err := range unread {
		fmt.Fprintf(e.stdout, "refused %s\n", safeLine(err.Error()))
		refused++
	}
	for _, f := range files {
		// (A byte-order mark alone is as empty: the parser would only
		// dead-letter it.)
		if len(bytes.TrimSpace(bytes.TrimPrefix(f.data, []byte("\xef\xbb\xbf")))) == 0 {
			fmt.Fprintf(e.stdout, "refused %s: empty input, nothing to drop\n", safeLine(f.name))
			refused++
			continue
		}
		sum := article.HashBytes(f.data)
		hdr := nats.Header{}
		if f.contentType != "" {
			hdr.Set(jsbus.HeaderContentType, f.contentType)
		}
		hdr.Set(jsbus.HeaderSourceName, f.name)
		hdr.Set(jsbus.HeaderRawSHA256, sum)
		ack, err := pub.Publish(ctx, jsbus.SubjectRaw, "raw:"+sum, f.data, hdr)
		if errors.Is(err, jetstream.ErrNoStreamResponse) || errors.Is(err, nats.ErrNoResponders) {
			return fmt.Errorf("drop %s: %w: no stream takes %s on this server yet; the services create the streams when they start (newsflow up, or the ingest service), then drop again",
				safeLine(f.name), ErrNoStream, jsbus.SubjectRaw)
		}
		if errors.Is(err, article.ErrPermanent) {
			// This file cannot be taken (larger than the server's maximum
			// payload): say so and drop the rest.
			fmt.Fprintf(e.stdout, "refused %s: %v\n", safeLine(f.name), err)
			refused++
			continue
		}
		if why, full := inputFull(err); full {
			// Files after it may still fit (smaller ones), and the user
			// wants to know each file's fate: say so and go on.
			// (Ingest trims the input it has read once the stream is half
			// full: a full one holds input not yet read.)
			fmt.Fprintf(e.stdout, "refused %s: the input stream %s is full (%s) of input ingest has not read yet: is ingest running and keeping up? (newsflow status); drop again later, or give the services a larger STREAM_IN_MAX_BYTES\n",
				safeLine(f.name), jsbus.StreamIn, safeLine(why))
			refused++
			continue
		}
		if err != nil {
			return fmt.Errorf("drop %s: %w", safeLine(f.name), err)
		}
		if ack.Duplicate {
			fmt.Fprintf(e.stdout, "duplicate %s (dropped before; not processed again; if no article came of it, newsflow dead-letters may show a forged_id letter that claimed its id)\n", safeLine(f.name))
			continue
		}
		fmt.Fprintf(e.stdout, "dropped %s seq=%d\n", safeLine(f.name), ack.Sequence)
		if o.wait {
			pending[sum] = newAwaited(waitCtx, parser, f)
		}
	}
	if !o.wait || len(pending) == 0 {
		return refusedErr(refused)
	}
	var failed, superseded int
	for len(pending) > 0 {
		select {
		case <-waitCtx.Done():
			if ctx.Err() != nil {
				// The files are in the stream: say so, not "context canceled".
				return fmt.Errorf("interrupted: %d file(s) dropped and not waited for (they are processed all the same; newsflow status, tail or dead-letters shows them)", len(pending))
			}
			return fmt.Errorf("timed out waiting for the articles of %d file(s) (are ingest, enrich and store running? newsflow status shows them)", len(pending))
		case m := <-outcomes:
			sum := m.Header.Get(jsbus.HeaderRawSHA256)
			w, ok := pending[sum]
			if !ok {
				continue
			}
			name := w.name
			var id string
			whole := false // an outcome for the whole file: ingest refused it
			if m.Subject == jsbus.SubjectStored {
				var s store.Stored
				_ = json.Unmarshal(m.Data, &s)
				id = s.ID
				if w.seen[id] {
					continue
				}
				if s.Superseded {
					// The store kept the version it had, and says why.
					superseded++
					why := "published later, or dropped later when undated" // (a store that gives no reason)
					switch s.Reason {
					case store.ReasonPublishedLater:
						why = "it is dated later"
					case store.ReasonDroppedLater:
						why = "it was dropped later; the dates are equal or missing"
					}
					kept := ""
					if s.Kept {
						kept = "; this version is kept: newsflow history " + safeLine(s.ID) + " lists it"
					}
					fmt.Fprintf(e.stdout, "not written %s %s  %s: a newer version of this article is stored (%s)%s\n", safeLine(name), safeLine(s.ID), safeLine(strconv.Quote(s.Headline)), why, kept)
				} else {
					fmt.Fprintf(e.stdout, "stored %s %s  %s (entities=%d quotes=%d)\n", safeLine(name), safeLine(s.ID), safeLine(strconv.Quote(s.Headline)), s.Entities, s.Quotes)
				}
			} else {
				stage := deadStage(m.Subject)
				id = m.Header.Get(jsbus.HeaderArticleID)
				// A file's dead letter ends it, unless ingest published
				// the articles it read beside it (items left out, over
				// the item limit): decided by the letter's reason, not by
				// what drop predicted.
				reason := m.Header.Get(jsbus.HeaderReason)
				whole = (stage == jsbus.StageIngest || id == "") && !(parse.ReasonReadInPart(reason) && w.partial)
				if !whole && w.seen[id] {
					continue
				}
				failed++
				// ("reason=binary: binary input ...", not "reason=binary:
				// parse: binary: binary input ...": the reason once.)
				msg := strings.TrimPrefix(m.Header.Get(jsbus.HeaderError), "parse: ")
				msg = strings.TrimPrefix(msg, reason+": ")
				fmt.Fprintf(e.stdout, "dead %s stage=%s reason=%s: %s\n", safeLine(name), safeLine(stage), safeLine(reason), safeLine(msg))
			}
			w.seen[id] = true
			if w.left--; whole || w.left <= 0 {
				delete(pending, sum)
			}
		}
	}
	// Both kinds of failure are summed up when both happened. (A version
	// not written is no failure: the store kept the one published later,
	// as it should, and the line above says so.)
	var deadErr error
	if failed > 0 {
		deadErr = fmt.Errorf("%w: %d", ErrDeadLettered, failed)
	}
	if superseded > 0 {
		fmt.Fprintf(e.stdout, "%d not written: the store holds a newer version (dated later, or dropped later)\n", superseded)
	}
	return errors.Join(deadErr, refusedErr(refused))
}

// ErrDeadLettered is returned by drop --wait when articles or files it
// dropped were dead-lettered.
var ErrDeadLettered = errors.New("some articles or files were dead-lettered")

// storeFailedCode is the JetStream API error a stream at its limits
// (DiscardNew) answers a publish with: "maximum bytes exceeded",
// "maximum messages exceeded".
const storeFailedCode = 10077

// inputFull reports a publish refused because the input stream is at its
// limits, with the server's words.
func inputFull(err error) (string, bool) {
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode == storeFailedCode && strings.HasPrefix(apiErr.Description, "maximum ") {
		return apiErr.Description, true
	}
	return "", false
}

// ErrRefused is returned when drop refused some files (empty, larger
// than the server takes, or not taken by a full input stream) and dropped
// the others.
var ErrRefused = errors.New("some files were refused")

func refusedErr(n int) error {
	if n == 0 {
		return nil
	}
	return fmt.Errorf("%w: %d", ErrRefused, n)
}

// awaited is what drop --wait still waits for of one dropped file: an
// outcome (stored or dead) for each of its articles.
type awaited struct {
	name string
	left int             // outcomes still to come
	seen map[string]bool // article ids with an outcome (redeliveries count once)
	// partial: ingest will publish the articles it read and dead-letter
	// the file for the rest (items left out, over the item limit), so the
	// file's dead letter is one outcome among the articles', not the end.
	partial bool
}

// newAwaited reads f as ingest will and counts its distinct articles (the
// same id twice is stored once); input ingest will refuse answers with one
// dead letter.
func newAwaited(ctx context.Context, p *parse.Parser, f rawFile) *awaited {
	w := &awaited{name: f.name, left: 1, seen: map[string]bool{}}
	arts, err := p.Parse(ctx, parse.Input{Data: f.data, ContentType: f.contentType, Name: f.name})
	w.partial = len(arts) > 0 && parse.ReadInPart(err)
	if (err != nil && !w.partial) || len(arts) == 0 {
		return w
	}
	ids := map[string]bool{}
	for _, a := range arts {
		ids[a.ID] = true
	}
	w.left = len(ids)
	if w.partial {
		w.left++ // the file's dead letter
	}
	return w
}
