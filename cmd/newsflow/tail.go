package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/pkg/client"
	"github.com/newsflow/newsflow/pkg/fanout"
	"github.com/newsflow/newsflow/pkg/jsbus"
	"github.com/newsflow/newsflow/pkg/logging"

	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/text/language"
)

// listFlag is a flag that may be given several times.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func cmdTail(ctx context.Context, e env, args []string) error {
	fs := flag.NewFlagSet("tail", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var speakers, entities, types listFlag
	fs.Var(&speakers, "speaker", "follow this speaker's quotes (articles.quote.<token>; repeatable; * for every quote)")
	fs.Var(&entities, "entity", "follow this entity (articles.entity.<type>.<token>; repeatable)")
	fs.Var(&types, "type", "follow entities of this type: PERSON ORG GPE LOC FAC NORP (repeatable; with --entity, only that type)")
	lang := fs.String("lang", "", "only articles in this language (ISO 639-1, e.g. de)")
	since := fs.String("since", "", "start with the events of the last DURATION (6h) or since a time (RFC 3339)")
	from := fs.Uint64("from", 0, "start at this stream sequence (each line ends with its seq=N)")
	asJSON := fs.Bool("json", false, "print each whole event as JSON")
	all := fs.Bool("all", false, "start from the beginning of the stream")
	catchUp := fs.Bool("catch-up", false, "print the events stored when tail started, then stop (from the beginning unless --since, --from or a durable's place says otherwise)")
	durable := fs.String("durable", "", "a durable subscription: a later tail with the same name resumes where this one stopped")
	n := fs.Int("n", 0, "stop after this many events (0: follow until interrupted)")
	unique := fs.Bool("unique", false, "only first-seen articles: leave out copies and their quotes and entities (events with duplicate_of)")
	country := fs.String("country", "", "only articles about this country (ISO 3166-1 alpha-2 code, e.g. UA), from their linked places")
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: newsflow tail [--speaker NAME] [--entity NAME] [--type T] [--lang L] [--since 6h | --from SEQ | --all] [--catch-up] [--durable NAME] [--json] [-n N] [--unique] [--country CC]\n\nFollows enriched-article events (new ones unless a start is given), or with --speaker,\n--entity or --type the per-quote and per-entity events. Reads NATS_URL as the services do.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		return strayArgs(e, fs)
	}
	if *n < 0 {
		fmt.Fprintf(e.stderr, "tail: -n %d: want a count of events, or 0 to follow until interrupted\n", *n)
		return errUsage
	}
	// (--from 0 was taken for no start: new events only, without a word.)
	if *from == 0 && flagSet(fs, "from") {
		fmt.Fprintln(e.stderr, "tail: --from 0: stream sequences start at 1 (--all starts at the first event)")
		return errUsage
	}
	// ("--speaker ''", from an unset shell variable, would follow
	// nothing and wait for ever without a word.)
	for name, vs := range map[string][]string{"speaker": speakers, "entity": entities, "type": types, "lang": {*lang}, "country": {*country}, "durable": {*durable}} {
		if slices.ContainsFunc(vs, func(v string) bool { return strings.TrimSpace(v) == "" }) && flagSet(fs, name) {
			fmt.Fprintf(e.stderr, "tail: --%s is empty\n", name)
			return errUsage
		}
	}
	// (--catch-up with no start prints what is stored: the client reads
	// UntilCaughtUp with no start from the first event, and a durable
	// that exists resumes, as no start was asked of it.)
	f := client.Filter{
		Speakers: speakers, Entities: entities, Types: upper(types), Language: strings.ToLower(*lang), Unique: *unique,
		FromSeq: *from, All: *all, UntilCaughtUp: *catchUp, Durable: *durable,
	}
	if *since != "" {
		t, err := parseSince(*since, time.Now())
		if err != nil {
			fmt.Fprintln(e.stderr, "tail:", err)
			return errUsage
		}
		f.Since = t
	}
	events := len(speakers)+len(entities)+len(types) > 0
	if events && *country != "" {
		fmt.Fprintln(e.stderr, "tail: --country filters whole articles; it does not go with --speaker, --entity or --type")
		return errUsage
	}
	if *country != "" {
		// An unknown code would match nothing, silently.
		r, err := language.ParseRegion(*country)
		if err != nil || len(*country) != 2 || !r.IsCountry() {
			fmt.Fprintf(e.stderr, "tail: --country %q is no ISO 3166-1 alpha-2 country code (e.g. UA, GB)\n", *country)
			return errUsage
		}
		*country = r.Canonicalize().String() // "UK" is GB
	}
	if err := f.Validate(); err != nil {
		fmt.Fprintln(e.stderr, "tail:", err)
		return errUsage
	}
	cfg, err := client.ConfigFromEnv(e.getenv, "newsflow-tail")
	if err != nil {
		return err
	}
	// Errors (an event that does not decode) go to stderr; warnings
	// (a disconnect, the one at the end too) do not.
	log, _ := logging.New(e.stderr, logging.Config{Level: "error"})
	// (Connected here rather than by client.Connect: the entity hint
	// reads the events stream itself, on the same connection.)
	if err := cfg.Validate(); err != nil {
		return err
	}
	nc, err := jsbus.Connect(ctx, cfg.Conn, log)
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jsbus.NewJetStream(nc)
	if err != nil {
		return err
	}
	c := client.NewFromJetStream(js, cfg, client.WithLogger(log))
	speakerHints(ctx, e.stderr, c, speakers)
	entityHints(ctx, e.stderr, js, cfg.EventsStream, entities, f.Types)
	seen := 0
	err = c.Subscribe(ctx, f, func(_ context.Context, ev client.Event) error {
		if a := ev.Article; a != nil && *country != "" && !slices.Contains(a.Countries, strings.ToUpper(*country)) {
			return nil // a left-out event is not one of the n asked for
		}
		var werr error
		if *asJSON {
			_, werr = fmt.Fprintln(e.stdout, safeJSON(string(ev.Data)))
		} else {
			// The stream sequence ends the line: --from SEQ+1 resumes after it.
			_, werr = fmt.Fprintf(e.stdout, "%s seq=%d\n", eventLine(ev), ev.Seq)
		}
		if werr != nil {
			// ("tail --durable desk | head -2": the reader went away; the
			// event goes back, for the next run at once.)
			return fmt.Errorf("%w: write: %w", client.ErrUnhandled, werr)
		}
		seen++
		if *n > 0 && seen >= *n {
			return client.ErrStop
		}
		return nil
	})
	if errors.Is(err, client.ErrUnhandled) && errors.Is(err, syscall.EPIPE) {
		return nil // the reader went away ("tail | head"): a quiet end
	}
	if err != nil {
		_, stream := f.Subjects(cfg)
		return fmt.Errorf("follow %s: %w", strings.Join(stream, ","), err)
	}
	return nil
}

func upper(l []string) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = strings.ToUpper(strings.TrimSpace(s))
	}
	return out
}

// parseSince reads --since: a duration back from now, or a time no later
// than now.
func parseSince(s string, now time.Time) (time.Time, error) {
	if d, err := time.ParseDuration(s); err == nil {
		if d <= 0 {
			return time.Time{}, fmt.Errorf("--since %s: a positive duration", s)
		}
		return now.Add(-d), nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		// (A date or time without a zone is the user's local one: read as
		// UTC, today's date east of Greenwich was "in the future".)
		if t, err := time.ParseInLocation(layout, s, now.Location()); err == nil {
			// (A start in the future chose nothing: tail waited without a
			// word, reenrich skipped every article. A minute ahead is a
			// clock ahead of the server's.)
			if t.After(now.Add(time.Minute)) {
				return time.Time{}, fmt.Errorf("--since %s: in the future (now is %s); a time back from now, or a duration (6h)", s, now.UTC().Format(time.RFC3339))
			}
			return t, nil
		}
	}
	if _, err := strconv.Atoi(s); err == nil {
		return time.Time{}, errors.New("--since " + s + ": a duration needs a unit (6h, 90m); for a sequence use --from")
	}
	return time.Time{}, fmt.Errorf("--since %s: a duration (6h) or a time (2026-03-04 or 2026-03-04T15:04, local time, or RFC 3339)", s)
}

// eventLine is the one-line form of an event; anything from the event is
// escaped (see safeLine).
func eventLine(ev client.Event) string {
	date := func(t *time.Time) string {
		if t == nil {
			return "----------"
		}
		return t.Format("2006-01-02")
	}
	rev := func(r int) string {
		if r == 0 {
			return ""
		}
		return " rev=" + strconv.Itoa(r)
	}
	switch {
	case ev.Article != nil:
		return summary(*ev.Article) + rev(ev.Article.Revision)
	case ev.Quote != nil:
		q := ev.Quote
		speaker := q.Quote.Speaker
		if speaker == "" {
			speaker = "(unattributed)"
		}
		return fmt.Sprintf("%s  %s: “%s”  [%s]  id=%s%s", date(q.PublishedAt), safeLine(speaker), safeLine(q.Quote.Text), safeLine(q.Headline), safeLine(q.ArticleID), rev(q.Revision))
	case ev.Entity != nil:
		en := ev.Entity
		return fmt.Sprintf("%s  %s %s ×%d  [%s]  id=%s%s", date(en.PublishedAt), safeLine(en.Entity.Type), safeLine(en.Entity.Name), en.Entity.Count, safeLine(en.Headline), safeLine(en.ArticleID), rev(en.Revision))
	}
	return "(undecodable event " + safeLine(ev.Subject) + ")"
}

// summary is the one-line form of an enriched article; anything from the
// event is escaped (see safeLine).
func summary(a article.Article) string {
	date := "----------"
	if a.PublishedAt != nil {
		date = a.PublishedAt.Format("2006-01-02")
	}
	line := fmt.Sprintf("%s  %-60s  entities=%d quotes=%d  id=%s", date, safeLine(a.Headline), len(a.Entities), len(a.Quotes), safeLine(a.ID))
	if len(a.Countries) > 0 {
		line += " countries=" + safeLine(strings.Join(a.Countries, ","))
	}
	if a.DuplicateOf != "" {
		line += fmt.Sprintf(" copy-of=%s (%.2f)", safeLine(a.DuplicateOf), a.Similarity)
	}
	if a.StoryID != "" && a.StoryID != a.ID {
		line += " story=" + safeLine(a.StoryID)
	}
	return line
}

// speakerHints tells, for a --speaker with no quotes stored under its
// name, the stored speakers that name may mean ("Trump": Donald Trump's
// quotes are under donald-trump); tail still follows the name as given.
// Best effort: no hint when the stream cannot be asked.
func speakerHints(ctx context.Context, w io.Writer, c *client.Client, speakers []string) {
	// A hint is not worth a wait: on a stream of very many speakers the
	// scan is cut short, and tail follows without it.
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	for _, sp := range speakers {
		if strings.TrimSpace(sp) == "*" {
			continue
		}
		named, err := c.SpeakersNamed(ctx, sp)
		if err != nil || len(named) == 0 {
			continue
		}
		if _, ok := named[fanout.Token(sp)]; ok {
			continue
		}
		toks := slices.Sorted(maps.Keys(named))
		list := hintList(toks, func(t string) string { return fmt.Sprintf("%s (%d)", t, named[t]) })
		fmt.Fprintf(w, "tail: no quotes stored under %q (%s); stored speakers with that name: %s. A speaker is followed by the full name, e.g. --speaker %s\n",
			sp, fanout.QuoteSubject(sp), list, toks[0])
	}
}

// entityHints tells, for an --entity with no events stored under its name
// (of the --type given, if any), the stored entities it may mean: those
// whose token holds the name's as a run of its parts ("Authority":
// port-authority), as for speakers, and those whose stored name or an
// alias of it is the name, in any case ("who": world-health-organization,
// known as WHO); or that none is stored by that name. tail still follows
// the name as given. Best effort, from the events stream as the speaker
// hint: no hint when it cannot be asked, and aliases are read from the
// last event of each entity within the time a hint may take.
func entityHints(ctx context.Context, w io.Writer, js jetstream.JetStream, stream string, entities, types []string) {
	if len(entities) == 0 {
		return
	}
	// A hint is not worth a wait (see speakerHints).
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	st, err := js.Stream(ctx, stream)
	if err != nil {
		return
	}
	if len(types) == 0 {
		types = []string{""}
	}
	// count gives the events stored under each subject the filter matches.
	count := func(filter string) (map[string]uint64, error) {
		info, err := st.Info(ctx, jetstream.WithSubjectFilter(filter))
		if err != nil {
			return nil, err
		}
		return info.State.Subjects, nil
	}
	var stored map[string]uint64    // every entity of the types: subject -> events
	var aliases map[string][]string // subject -> the names it is stored under
	complete := true
	for _, name := range entities {
		tok := fanout.Token(name)
		subject := fanout.EntityFilter(types[0], name)
		if len(types) > 1 {
			subject = fanout.EntityFilter("", name)
		}
		exact := false
		for _, t := range types {
			// (One cheap question when the name is stored as given.)
			n, err := count(fanout.EntityFilter(t, name))
			if err != nil {
				return
			}
			exact = exact || len(n) > 0
		}
		if exact {
			continue
		}
		if stored == nil {
			stored = map[string]uint64{}
			var filters []string
			for _, t := range types {
				filters = append(filters, fanout.EntityFilter(t, ""))
				n, err := count(fanout.EntityFilter(t, ""))
				if err != nil {
					return
				}
				maps.Copy(stored, n)
			}
			aliases, complete = entityNames(ctx, st, filters)
		}
		named := map[string]uint64{}
		for subj, n := range stored {
			if _, t := entityOf(subj); strings.Contains("-"+t+"-", "-"+tok+"-") {
				named[subj] = n
			}
		}
		for subj, names := range aliases {
			if slices.ContainsFunc(names, func(a string) bool { return strings.EqualFold(a, name) || fanout.Token(a) == tok }) {
				named[subj] = stored[subj]
			}
		}
		if len(named) == 0 {
			if complete {
				fmt.Fprintf(w, "tail: no entity events stored under %q (%s), and no stored entity has that name or alias\n", name, subject)
			}
			continue
		}
		keys := slices.Sorted(maps.Keys(named))
		list := hintList(keys, func(k string) string {
			typ, t := entityOf(k)
			return fmt.Sprintf("%s (%s, %d)", t, typ, named[k])
		})
		typ, t := entityOf(keys[0])
		fmt.Fprintf(w, "tail: no entity events stored under %q (%s); stored entities with that name or alias: %s. An entity is followed by the name it is stored under, e.g. --entity %s --type %s\n",
			name, subject, list, t, typ)
	}
}

// hintList joins the first five of keys, each as label writes it, and says
// how many more there are.
func hintList(keys []string, label func(string) string) string {
	const shown = 5
	var parts []string
	for i, k := range keys {
		if i == shown {
			parts = append(parts, fmt.Sprintf("and %d more", len(keys)-shown))
			break
		}
		parts = append(parts, label(k))
	}
	return strings.Join(parts, ", ")
}

// entityOf splits an entity event's subject into its type, in capitals,
// and its name's token.
func entityOf(subject string) (typ, tok string) {
	typ, tok, _ = strings.Cut(strings.TrimPrefix(subject, fanout.EntityPrefix), ".")
	return strings.ToUpper(typ), tok
}

// entityNames reads the last event of each entity the filters match and
// returns, by subject, the names the entity is stored under: its name and
// aliases. complete is false when they could not all be read in time.
func entityNames(ctx context.Context, st jetstream.Stream, filters []string) (names map[string][]string, complete bool) {
	names = map[string][]string{}
	cc := jetstream.ConsumerConfig{
		DeliverPolicy: jetstream.DeliverLastPerSubjectPolicy, AckPolicy: jetstream.AckNonePolicy,
		InactiveThreshold: time.Minute, Description: "newsflow tail entity hint",
	}
	if len(filters) == 1 {
		// (In the create request's subject, which a reader's rights allow.)
		cc.FilterSubject = filters[0]
	} else {
		cc.FilterSubjects = filters
	}
	cons, err := st.CreateConsumer(ctx, cc)
	if err != nil {
		return names, false
	}
	defer func() {
		dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		defer cancel()
		_ = st.DeleteConsumer(dctx, cons.CachedInfo().Name)
	}()
	pending := cons.CachedInfo().NumPending
	for pending > 0 {
		b, err := cons.Fetch(int(min(pending, 256)), jetstream.FetchContext(ctx))
		if err != nil {
			return names, false
		}
		got := 0
		for m := range b.Messages() {
			got++
			var ev fanout.EntityEvent
			if json.Unmarshal(m.Data(), &ev) == nil {
				names[m.Subject()] = append([]string{ev.Entity.Name}, ev.Entity.Aliases...)
			}
			if md, err := m.Metadata(); err == nil {
				pending = md.NumPending
			}
		}
		if b.Error() != nil || got == 0 {
			return names, false
		}
	}
	return names, true
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
