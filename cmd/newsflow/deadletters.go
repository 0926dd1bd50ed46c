package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/services/ingest/parse"
)

const deadUsage = `usage:
  newsflow dead-letters [list] [--stage S]     list dead letters: sequence, stage, reason, time, article id or a preview
  newsflow dead-letters show SEQ               show one dead letter with its headers and bytes
  newsflow dead-letters replay SEQ...|--all [--stage S] [--force]
                                               publish them back to their stage's input and remove them
                                               (a file read in part, skipped_items or too_many_items: --force)
`

func cmdDeadLetters(ctx context.Context, e env, args []string) error {
	sub := "list"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("dead-letters", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	stage := fs.String("stage", "", "only this stage (ingest, enrich, store)")
	all := fs.Bool("all", false, "replay every dead letter (of --stage, if given)")
	force := fs.Bool("force", false, "replay also the dead letters of files whose other items were published (skipped_items, too_many_items)")
	fs.Usage = func() { fmt.Fprint(e.stderr, deadUsage); fs.PrintDefaults() }
	if err := parseFlags(fs, args); err != nil {
		return errUsage
	}
	switch *stage {
	case "", jsbus.StageIngest, jsbus.StageEnrich, jsbus.StageStore:
	default:
		fmt.Fprintf(e.stderr, "dead-letters: --stage %q: one of ingest, enrich, store\n", *stage)
		return errUsage
	}
	// (What is wrong is said before connecting: "show" without its
	// sequence printed the usage alone.)
	switch {
	case sub == "list" && fs.NArg() > 0:
		return strayArgs(e, fs)
	case sub == "show" && fs.NArg() != 1:
		fmt.Fprintln(e.stderr, "dead-letters show: give one dead letter's sequence (SEQ in 'newsflow dead-letters list')")
		return errUsage
	case *all && (sub != "replay" || fs.NArg() > 0):
		// ("replay 12 --all" replayed every dead letter.)
		fmt.Fprintln(e.stderr, "dead-letters: --all replays every dead letter; give it alone to replay, without sequences")
		return errUsage
	case sub == "replay" && !*all && fs.NArg() == 0:
		fmt.Fprintln(e.stderr, "dead-letters replay: give the sequences to replay (SEQ in 'newsflow dead-letters list'), or --all")
		return errUsage
	case sub != "list" && sub != "show" && sub != "replay":
		fmt.Fprintf(e.stderr, "dead-letters: %q: want list, show SEQ or replay SEQ... (or --all)\n", sub)
		return errUsage
	}
	js, closeConn, err := dialEnv(ctx, e, "newsflow-dead-letters")
	if err != nil {
		return err
	}
	defer closeConn()
	dl := deadLetters{js: js}
	// Dead letters that an earlier version kept in ARTICLES move to
	// ARTICLES_DEAD first, so that list, show and replay see them (under
	// new sequence numbers). Without the rights to move them, the others
	// are still listed.
	if n, err := jsbus.MoveDeadLetters(ctx, js); err != nil {
		fmt.Fprintf(e.stderr, "dead-letters: the dead letters of the earlier layout in %s were not all moved to %s: %v\n", jsbus.StreamName, jsbus.StreamDead, err)
	} else if n > 0 {
		fmt.Fprintf(e.stderr, "dead-letters: moved %d dead letter(s) of the earlier layout from %s to %s (new sequence numbers)\n", n, jsbus.StreamName, jsbus.StreamDead)
	}
	switch sub {
	case "list":
		letters, err := dl.list(ctx, *stage)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%-8s %-7s %-18s %-20s %s\n", "SEQ", "STAGE", "REASON", "FAILED AT", "ARTICLE / PREVIEW")
		for _, m := range letters {
			// (To the second, so that the columns line up; show has the
			// header as written.)
			at := m.Header.Get(jsbus.HeaderFailedAt)
			if t, err := time.Parse(time.RFC3339Nano, at); err == nil {
				at = t.UTC().Format(time.RFC3339)
			}
			fmt.Fprintf(e.stdout, "%-8d %-7s %-18s %-20s %s\n", m.Sequence, safeLine(deadStage(m.Subject)),
				safeLine(m.Header.Get(jsbus.HeaderReason)), safeLine(at), safeLine(describe(m)))
		}
		fmt.Fprintf(e.stdout, "%d dead letter(s)\n", len(letters))
		return nil
	case "show":
		if fs.NArg() != 1 {
			fs.Usage()
			return errUsage
		}
		seq, err := strconv.ParseUint(fs.Arg(0), 10, 64)
		if err != nil {
			return fmt.Errorf("sequence %q: %w", fs.Arg(0), err)
		}
		m, err := dl.get(ctx, seq)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "sequence: %d\nsubject:  %s\n", m.Sequence, safeLine(m.Subject))
		keys := make([]string, 0, len(m.Header))
		for k := range m.Header {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(e.stdout, "%s: %s\n", safeLine(k), safeLine(strings.Join(m.Header[k], ", ")))
		}
		fmt.Fprintf(e.stdout, "bytes: %d\n\n", len(m.Data))
		if utf8.Valid(m.Data) {
			fmt.Fprintln(e.stdout, safeText(string(m.Data)))
		} else {
			fmt.Fprintf(e.stdout, "%q\n", preview(m.Data, 2000))
		}
		return nil
	case "replay":
		var seqs []uint64
		if *all {
			letters, err := dl.list(ctx, *stage)
			if err != nil {
				return err
			}
			for _, m := range letters {
				seqs = append(seqs, m.Sequence)
			}
		} else {
			if fs.NArg() == 0 {
				fs.Usage()
				return errUsage
			}
			for _, a := range fs.Args() {
				seq, err := strconv.ParseUint(a, 10, 64)
				if err != nil {
					return fmt.Errorf("sequence %q: %w", a, err)
				}
				seqs = append(seqs, seq)
			}
		}
		// Named letters are all checked before any is replayed: one that
		// needs --force must not stop the list halfway.
		if !*all && !*force {
			for _, seq := range seqs {
				m, err := dl.get(ctx, seq)
				if err != nil {
					return err
				}
				if r := m.Header.Get(jsbus.HeaderReason); parse.ReasonReadInPart(r) {
					return fmt.Errorf("dead letter %d (%s): %w; nothing replayed", seq, safeLine(r), errPartialLetter)
				}
			}
		}
		replayed, kept := 0, 0
		for _, seq := range seqs {
			subject, err := dl.replay(ctx, seq, *force)
			if errors.Is(err, errPartialLetter) && *all {
				fmt.Fprintf(e.stdout, "kept %d: %v\n", seq, err)
				kept++
				continue
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "replayed %d to %s\n", seq, safeLine(subject))
			replayed++
		}
		fmt.Fprintf(e.stdout, "%d replayed\n", replayed)
		if kept > 0 {
			fmt.Fprintf(e.stdout, "%d kept (--force replays them)\n", kept)
		}
		return nil
	}
	fmt.Fprint(e.stderr, deadUsage)
	return errUsage
}

// deadLetters reads and replays the dead-letter subjects.
type deadLetters struct{ js jetstream.JetStream }

func (d deadLetters) list(ctx context.Context, stage string) ([]*jetstream.RawStreamMsg, error) {
	filter := jsbus.SubjectDeadPrefix + ">"
	if stage != "" {
		filter = jsbus.DeadSubject(stage)
	}
	s, err := d.js.Stream(ctx, jsbus.StreamDead)
	if err != nil {
		return nil, fmt.Errorf("stream: %w", err)
	}
	info, err := s.Info(ctx, jetstream.WithSubjectFilter(filter))
	if err != nil {
		return nil, fmt.Errorf("stream info: %w", err)
	}
	var total uint64
	for _, n := range info.State.Subjects {
		total += n
	}
	var out []*jetstream.RawStreamMsg
	if total == 0 {
		return out, nil
	}
	oc, err := d.js.OrderedConsumer(ctx, jsbus.StreamDead, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{filter}, DeliverPolicy: jetstream.DeliverAllPolicy,
	})
	if err != nil {
		return nil, fmt.Errorf("read dead letters: %w", err)
	}
	for uint64(len(out)) < total {
		batch, err := oc.Fetch(256, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			return nil, fmt.Errorf("read dead letters: %w", err)
		}
		got := 0
		for m := range batch.Messages() {
			got++
			md, _ := m.Metadata()
			raw := &jetstream.RawStreamMsg{Subject: m.Subject(), Header: m.Headers(), Data: m.Data()}
			if md != nil {
				raw.Sequence, raw.Time = md.Sequence.Stream, md.Timestamp
			}
			out = append(out, raw)
		}
		if got == 0 {
			break // some were replayed meanwhile
		}
	}
	return out, nil
}

func (d deadLetters) get(ctx context.Context, seq uint64) (*jetstream.RawStreamMsg, error) {
	s, err := d.js.Stream(ctx, jsbus.StreamDead)
	if err != nil {
		return nil, fmt.Errorf("stream: %w", err)
	}
	m, err := s.GetMsg(ctx, seq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		// (Not the server's "nats: API error: code=404 ...".)
		return nil, fmt.Errorf("dead letter %d: no message with that sequence (replayed, purged or never there; 'newsflow dead-letters' lists them): %w", seq, err)
	}
	if err != nil {
		return nil, fmt.Errorf("dead letter %d: %w", seq, err)
	}
	if !strings.HasPrefix(m.Subject, jsbus.SubjectDeadPrefix) {
		return nil, fmt.Errorf("message %d is on %s, not a dead letter", seq, m.Subject)
	}
	return m, nil
}

// replay publishes a dead letter's bytes back to the input of the stage it
// failed in, then deletes it, so it is listed no more. The target is
// derived from the subject the letter is stored on (articles.dead.<stage>,
// which only that stage may publish), never from a header: headers are
// whatever the failed input carried, and a forged one could name a
// JetStream API subject. Only the input headers a stage reads go along.
func (d deadLetters) replay(ctx context.Context, seq uint64, force bool) (string, error) {
	m, err := d.get(ctx, seq)
	if err != nil {
		return "", err
	}
	// A file ingest read in part: its good items went on, and the same
	// bytes would fail on the same items again while publishing those
	// items' events once more (after the duplicate window).
	if r := m.Header.Get(jsbus.HeaderReason); !force && parse.ReasonReadInPart(r) {
		return "", fmt.Errorf("dead letter %d (%s): %w", seq, safeLine(r), errPartialLetter)
	}
	subject, err := replaySubject(m)
	if err != nil {
		return "", fmt.Errorf("dead letter %d: %w", seq, err)
	}
	if n := m.Header.Get(jsbus.HeaderTruncated); n != "" {
		return "", fmt.Errorf("dead letter %d holds only the start of its %s-byte input; it cannot be replayed", seq, safeLine(n))
	}
	hdr := nats.Header{}
	for _, k := range jsbus.InputHeaders {
		if v := m.Header.Values(k); len(v) > 0 {
			hdr[k] = v
		}
	}
	// A random part: a replay id that others could predict could be
	// published first and make the replay a "duplicate".
	id := fmt.Sprintf("replay:%d:%s", seq, randomTag())
	// A stage's input that is an event (a parsed or an enriched article)
	// goes back with the CloudEvents headers every event has; raw input
	// has none.
	if typ := eventType(subject); typ != "" {
		o := jsbus.Output{Subject: subject, MsgID: id, Type: typ, ArticleID: m.Header.Get(jsbus.HeaderArticleID), Header: hdr}
		if subject == jsbus.SubjectEnriched {
			o.DataSchema = jsbus.ArticleSchemaID
		}
		hdr = jsbus.EventHeader("replay", o, time.Now())
	}
	if _, err := jsbus.NewPublisher(d.js).Publish(ctx, subject, id, m.Data, hdr); err != nil {
		return "", err
	}
	s, err := d.js.Stream(ctx, jsbus.StreamDead)
	if err != nil {
		return "", fmt.Errorf("stream: %w", err)
	}
	if err := s.DeleteMsg(ctx, seq); err != nil {
		return "", fmt.Errorf("remove dead letter %d: %w", seq, err)
	}
	return subject, nil
}

// randomTag is 16 hexadecimal digits of randomness: the part of a
// command's message id (a replay, a restore) that no one else could
// publish first to make it a "duplicate".
func randomTag() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// errPartialLetter: the dead letter is of a file whose other items were
// published; replay needs --force.
var errPartialLetter = errors.New("the file's other items were published; replaying it would fail on the same items and repeat the others' events: fix the file and drop it again, or replay with --force")

// eventType is the CloudEvents type of the events on subject, or "".
func eventType(subject string) string {
	switch subject {
	case jsbus.SubjectParsed:
		return jsbus.TypeParsed
	case jsbus.SubjectEnriched:
		return jsbus.TypeEnriched
	}
	return ""
}

// deadStage is the stage of a dead letter, from its subject.
func deadStage(subject string) string {
	stage, _ := strings.CutPrefix(subject, jsbus.SubjectDeadPrefix)
	return stage
}

// replaySubject is the input subject of the stage a dead letter is from.
func replaySubject(m *jetstream.RawStreamMsg) (string, error) {
	stage, ok := strings.CutPrefix(m.Subject, jsbus.SubjectDeadPrefix)
	if !ok {
		return "", fmt.Errorf("subject %s is not a dead-letter subject", safeLine(m.Subject))
	}
	subject, err := jsbus.InputSubject(stage)
	if err != nil {
		return "", fmt.Errorf("no stage input to replay to: %w", err)
	}
	return subject, nil
}

func describe(m *jetstream.RawStreamMsg) string {
	if id := m.Header.Get(jsbus.HeaderArticleID); id != "" {
		// ("article 83c2... (hugeline.txt)": the file it came from, when
		// the dead letter holds the article.)
		var a struct {
			Source struct {
				Name string `json:"name"`
			} `json:"source"`
		}
		if json.Unmarshal(m.Data, &a) == nil && a.Source.Name != "" {
			return "article " + id + " (" + a.Source.Name + ")"
		}
		return "article " + id
	}
	name := m.Header.Get(jsbus.HeaderSourceName)
	if name != "" {
		name += ": "
	}
	return name + fmt.Sprintf("%q", preview(m.Data, 60))
}

// preview gives the first n bytes of b with runs of white space made one
// space; bytes that are no UTF-8 stay as they are, so that %q shows them
// as \xNN beside the escaped control characters (a binary file's preview
// printed raw replacement characters among escapes).
func preview(b []byte, n int) string {
	return strings.Join(strings.Fields(string(b[:min(len(b), n)])), " ")
}
