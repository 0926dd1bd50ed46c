// Package parse turns one raw message dropped into newsflow (plain text,
// an HTML page, JSON or ninjs, an RSS/Atom/JSON feed) into structured
// articles, and refuses bad input with a machine-readable reason.
package parse

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"runtime/debug"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsflow/newsflow/pkg/article"
)

// Input is one raw message as dropped.
type Input struct {
	// Data is the original bytes.
	Data []byte
	// ContentType is the message's content-type header; may be "".
	ContentType string
	// Name is a file name hint (its extension helps pick the format); may be "".
	Name string
}

// Config configures a Parser. The zero value is usable: zero fields take
// their defaults.
type Config struct {
	// MaxBytes is the largest input accepted; default 5 MiB.
	MaxBytes int
	// MaxItems caps the articles taken from one feed, array or JSON Lines
	// input; default 10000.
	MaxItems int
	// LanguageSample is how many leading bytes of the body the language
	// detector reads; default 1024 (more costs time, not accuracy).
	LanguageSample int
	// Languages are the ISO 639-1 codes the language detector chooses
	// from; default the list in data/languages.txt.
	Languages []string
}

// Defaults.
const (
	DefaultMaxBytes       = 5 << 20
	DefaultMaxItems       = 10000
	DefaultLanguageSample = 1024
)

// withDefaults fills zero fields.
func (c Config) withDefaults() Config {
	if c.MaxBytes == 0 {
		c.MaxBytes = DefaultMaxBytes
	}
	if c.MaxItems == 0 {
		c.MaxItems = DefaultMaxItems
	}
	if c.LanguageSample == 0 {
		c.LanguageSample = DefaultLanguageSample
	}
	return c
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	switch {
	case c.MaxBytes < 0:
		return fmt.Errorf("parse config: MaxBytes %d < 0", c.MaxBytes)
	case c.MaxItems < 0:
		return fmt.Errorf("parse config: MaxItems %d < 0", c.MaxItems)
	case c.LanguageSample < 0:
		return fmt.Errorf("parse config: LanguageSample %d < 0", c.LanguageSample)
	}
	for _, l := range c.Languages {
		if len(l) != 2 {
			return fmt.Errorf("parse config: language %q is not an ISO 639-1 code", l)
		}
	}
	return nil
}

// Option customises a Parser.
type Option func(*Parser)

// WithClock sets the clock that stamps IngestedAt (default time.Now).
func WithClock(now func() time.Time) Option {
	return func(p *Parser) {
		if now != nil {
			p.now = now
		}
	}
}

// WithLogger sets the logger for skipped items and fallbacks (default: discard).
func WithLogger(l *slog.Logger) Option {
	return func(p *Parser) {
		if l != nil {
			p.log = l
		}
	}
}

// Parser parses raw input into articles. It is safe for concurrent use;
// everything costly (language models, date parser, word lists) is built
// once in New.
type Parser struct {
	cfg   Config
	now   func() time.Time
	log   *slog.Logger
	lang  langDetector
	dates *dateReader
	words wordLists
	// items counts the items of the input being parsed when over
	// MaxItems (set on a call's own copy, see Parse).
	items int
	// skipped names the first items of the input being parsed that were
	// left out ("line 2: not JSON"), and nSkipped counts them all, on a
	// call's own copy as items is. (Only the first few are kept: an input
	// of millions of bad values must not make an error of as many.)
	skipped  []string
	nSkipped int
}

// skippedShown is how many items left out an error names.
const skippedShown = 5

// skip records an item left out of the input being parsed, its
// description cut to a line's length.
func (p *Parser) skip(what string) {
	p.nSkipped++
	if len(p.skipped) < skippedShown {
		p.skipped = append(p.skipped, cutRunes(what, 160))
	}
}

// skippedList names the items left out: the first few, and how many more.
func (p *Parser) skippedList() string {
	s := strings.Join(p.skipped, "; ")
	if more := p.nSkipped - len(p.skipped); more > 0 {
		s += fmt.Sprintf("; and %d more", more)
	}
	return s
}

// cutRunes cuts s to at most n runes, marking the cut.
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

//go:embed data/*.txt
var dataFS embed.FS

// New builds a Parser.
func New(cfg Config, opts ...Option) (*Parser, error) {
	cfg = cfg.withDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	words, err := loadWordLists(dataFS)
	if err != nil {
		return nil, fmt.Errorf("parse word lists: %w", err)
	}
	if len(cfg.Languages) == 0 {
		cfg.Languages = words.languages
	}
	p := &Parser{
		cfg:   cfg,
		now:   time.Now,
		log:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		words: words,
	}
	for _, o := range opts {
		o(p)
	}
	p.dates = newDateReader(words.dateLabels)
	p.lang = newTrigramDetector(cfg.Languages, cfg.LanguageSample)
	return p, nil
}

// draft is what a format reader extracts before the shared finishing:
// cleaning, date parsing, language, id.
type draft struct {
	headline, subheadline, byline, caption string
	captions                               []string // more captions, joined after caption at the end
	description, siteName, url             string
	dateline                               string     // as written
	published                              *time.Time // when the format gives an instant
	tags                                   []string
	body                                   string // cleaned, paragraphs joined by "\n\n"
	feed, guid                             string // a feed item with no link: its feed and guid, its identity
}

// Parse returns the articles in one input: one for a page or a text, one
// per item for a feed, a JSON array or JSON Lines. Errors for bad input
// are article.Permanent with a reason (see the Reason constants) and wrap
// the matching sentinel error.
func (p *Parser) Parse(ctx context.Context, in Input) (arts []article.Article, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Parsing untrusted bytes goes through third-party code; one bad page
	// must dead-letter, not take the service down.
	defer func() {
		if r := recover(); r != nil {
			p.log.Error("parse panicked", "panic", r, "name", in.Name, "content_type", in.ContentType, "stack", string(debug.Stack()))
			arts, err = nil, fail(ReasonInternal, ErrInternal, fmt.Sprintf("%v", r))
		}
	}()
	if len(in.Data) > p.cfg.MaxBytes {
		return nil, fail(ReasonTooLarge, ErrTooLarge, fmt.Sprintf("%d bytes > %d", len(in.Data), p.cfg.MaxBytes))
	}
	if isBlank(in.Data) {
		return nil, fail(ReasonEmpty, ErrEmpty, "")
	}
	text, err := decodeText(in.Data, in.ContentType)
	if err != nil {
		return nil, err
	}
	if isBlank([]byte(cleanInline(text))) {
		return nil, fail(ReasonEmpty, ErrEmpty, "only whitespace or invisible characters")
	}
	format, err := chooseFormat(text, in.ContentType, in.Name)
	if err != nil {
		return nil, err
	}
	// This call's own view of the parser: its free-form date look-ups are
	// counted, so that no input can buy unbounded go-dateparser time.
	call := *p
	call.dates = p.dates.budgeted(maxFreeformDates)
	var drafts []draft
	switch format {
	case formatText:
		var d draft
		d, err = call.parseText(text)
		drafts = []draft{d}
	case formatMarkdown:
		var d draft
		if fields, rest, ok := frontMatter(text); ok {
			d, err = call.markdownDraft(fields, rest)
		} else {
			d, err = call.parseText(markdownText(text))
		}
		drafts = []draft{d}
	case formatHTML:
		drafts, err = call.parseHTML(text)
	case formatJSON:
		drafts, format, err = call.parseJSON(ctx, text)
	case formatFeed:
		drafts, format, err = call.parseFeed(ctx, text)
	default:
		err = fail(ReasonUnsupportedFormat, ErrUnsupportedFormat, format)
	}
	if err != nil {
		return nil, err
	}
	if len(drafts) == 1 {
		// (A feed or JSON input checks each item's headline, leaving out
		// only the item; a page or a text is its one article.)
		if err := checkHeadline(drafts[0].headline); err != nil {
			return nil, err
		}
	}
	hash := article.HashBytes(in.Data)
	now := p.now()
	arts = make([]article.Article, 0, len(drafts))
	for i, d := range drafts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a := call.finish(d, now)
		a.Source = article.Source{Format: format, ContentType: in.ContentType, Name: in.Name, SHA256: hash, Item: i}
		arts = append(arts, a)
	}
	arts = p.oneVersionEach(arts)
	if call.items > 0 {
		// Never a silent cut: the articles kept go on, and the input is
		// dead-lettered with the count of what was not read.
		return arts, fail(ReasonTooManyItems, ErrTooManyItems,
			fmt.Sprintf("read the first %d of %d items; the other %d were not processed (split the input, or raise the item limit)", p.cfg.MaxItems, call.items, call.items-p.cfg.MaxItems))
	}
	if call.nSkipped > 0 {
		// Nor a silent skip: the good items go on, and the input is
		// dead-lettered naming the ones left out.
		return arts, fail(ReasonSkippedItems, ErrSkippedItems, fmt.Sprintf("%d item(s) left out, %d processed: %s", call.nSkipped, len(arts), call.skippedList()))
	}
	return arts, nil
}

// oneVersionEach keeps one article per id: two items of one input with the
// same link (a story and its correction in one feed) would get the same
// message id, and the stream would keep the first and drop the second
// without a word. The newer by publication date is kept, the later item
// when the dates tie or are missing. Items that share a link but tell
// other stories (a feed that gives every item its home page's link) are
// both kept, the later with an id from its text.
func (p *Parser) oneVersionEach(arts []article.Article) []article.Article {
	at := make(map[string]int, len(arts))
	out := arts[:0]
	for _, a := range arts {
		j, seen := at[a.ID]
		if seen && !sameStory(a.Body, out[j].Body) {
			p.log.Warn("items with the same link tell other stories: both kept, the later with an id from its text", "link_id", a.ID, "item", a.Source.Item)
			a.ID = article.ID("", a.Headline, a.Body)
			j, seen = at[a.ID]
		}
		if !seen {
			at[a.ID] = len(out)
			out = append(out, a)
			continue
		}
		// The newer item wins; of two dated alike, or of two of which one
		// has no date (no telling which is newer), the longer: a teaser
		// made of the article's own words is the same story, and keeping
		// it lost the article.
		switch {
		case out[j].PublishedAt == nil || a.PublishedAt == nil || a.PublishedAt.Equal(*out[j].PublishedAt):
			if len(a.Body) >= len(out[j].Body) {
				out[j] = a
			}
		case a.PublishedAt.After(*out[j].PublishedAt):
			out[j] = a
		}
		p.log.Warn("items with the same id in one input: one kept", "id", a.ID, "kept_item", out[j].Source.Item)
	}
	return out
}

// sameStory reports two texts of which the shorter shares at least nine
// in ten of its words (lower-cased, as sets) with the longer: a story and
// its correction or its expanded update do, two stories do not, even two
// police briefs of one pattern ("a man was arrested ... after a fight
// outside a bar", "a woman was injured ... after a crash outside a shop"),
// which share four in five. (When in doubt both are kept: a correction
// taken for another story is a second document, a story taken for a
// correction was lost.)
func sameStory(a, b string) bool {
	words := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, w := range lowerWords(s) {
			m[w] = true
		}
		return m
	}
	wa, wb := words(a), words(b)
	both := 0
	for w := range wa {
		if wb[w] {
			both++
		}
	}
	shorter := min(len(wa), len(wb))
	return shorter == 0 || 10*both >= 9*shorter
}

// lowerWords returns the runs of letters and digits of s, lower-cased.
func lowerWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// isBlank reports input with nothing but whitespace.
func isBlank(b []byte) bool {
	return len(bytes.TrimSpace(b)) == 0
}

// addCaption adds one more photo caption; an article's captions are kept
// one per paragraph, since the names and quotes in them count too.
func (d *draft) addCaption(c string) {
	if c = strings.TrimSpace(c); c == "" {
		return
	}
	// Joined once in finish: appending to one string here made a page of
	// thousands of gallery captions cost quadratic time.
	d.captions = append(d.captions, c)
}

// allCaptions is caption and the added captions, one per paragraph.
func (d *draft) allCaptions() string {
	if len(d.captions) == 0 {
		return d.caption
	}
	parts := make([]string, 0, len(d.captions)+1)
	if d.caption != "" {
		parts = append(parts, d.caption)
	}
	return strings.Join(append(parts, d.captions...), "\n\n")
}

// cleanCaptions cleans each caption paragraph of s.
func cleanCaptions(s string) string {
	parts := strings.Split(s, "\n\n")
	out := parts[:0]
	for _, p := range parts {
		if p = cleanInline(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// cleanByline drops a byline prefix left on an author's name ("By",
// "Posted by", "Author:") and a byline that is only a template's label
// ("Posted on", "No Author", "Username"), which names no one.
func (p *Parser) cleanByline(s string) string {
	for rest, ok := p.cutBylinePrefix(s); ok; rest, ok = p.cutBylinePrefix(s) {
		s = rest
	}
	if p.words.bylineLabels[strings.Trim(strings.ToLower(s), " :.-–—|")] {
		return ""
	}
	return s
}

// finish cleans the fields of d and builds the article.
func (p *Parser) finish(d draft, now time.Time) article.Article {
	a := article.Article{
		SchemaVersion: article.SchemaVersion,
		URL:           cleanURL(d.url),
		Headline:      cleanInline(d.headline),
		Subheadline:   cleanInline(d.subheadline),
		Byline:        p.cleanByline(cleanInline(d.byline)),
		Caption:       cleanCaptions(d.allCaptions()),
		Description:   cleanInline(d.description),
		SiteName:      cleanInline(d.siteName),
		Dateline:      cleanInline(d.dateline),
		IngestedAt:    now,
		Tags:          cleanTags(d.tags),
		Body:          d.body,
	}
	if d.published != nil {
		t := d.published.UTC()
		a.PublishedAt = &t
	} else if a.Dateline != "" {
		if t, ok := p.dates.parse(a.Dateline); ok {
			a.PublishedAt = &t
		}
	}
	if a.PublishedAt != nil && a.PublishedAt.After(now.Add(maxFutureSkew)) {
		// A version that says it is published later wins in the store
		// over every version published before it, so a year typed wrong
		// (2042 for 2024) or set on purpose would lock the article against
		// corrections: a date beyond tomorrow's is not trusted.
		p.log.Warn("published date in the future ignored", "published", a.PublishedAt.Format(time.RFC3339))
		a.PublishedAt = nil
	}
	if a.URL == "" && strings.TrimSpace(d.url) != "" {
		// Not refused (an article needs no URL), but not dropped silently.
		p.log.Warn("url ignored: not a web address (http, https), a urn: or tag: name, or a relative path", "url", cutRunes(d.url, 200), "headline", cutRunes(a.Headline, 80))
	}
	a.Language = p.lang.detect(a.Body)
	a.ID = article.ID(a.URL, a.Headline, a.Body)
	if a.URL == "" && d.guid != "" && (d.feed != "" || globalGUID(d.guid)) {
		a.ID = article.FeedItemID(d.feed, d.guid)
	}
	return a
}

// maxHeadline is the longest headline taken, in characters once its
// whitespace is collapsed, as the article schema's maxLength: a longer one
// is a body or a whole file in the wrong field, which every listing and
// log line would print whole.
const maxHeadline = 1000

// checkHeadline refuses a headline over maxHeadline, naming its length.
func checkHeadline(h string) error {
	if len(h) <= maxHeadline { // (no more runes than bytes)
		return nil
	}
	if n := utf8.RuneCountInString(cleanInline(h)); n > maxHeadline {
		return fail(ReasonTooLarge, ErrTooLarge, fmt.Sprintf("headline of %d characters is over the limit of %d", n, maxHeadline))
	}
	return nil
}

// globalGUID reports a guid that names its item on its own, whatever the
// feed: a URI with a scheme ("urn:outlet:story:4711", "tag:outlet.example,
// 2024:4711") or a UUID. A feed with no address gives nothing to qualify
// another guid ("1", "4711") with, so its items take ids from their text.
func globalGUID(guid string) bool {
	if u, err := url.Parse(guid); err == nil && u.Scheme != "" && len(u.Scheme) > 1 && (u.Opaque != "" || u.Host != "") {
		return true
	}
	return uuidRe.MatchString(guid)
}

// uuidRe matches a UUID in its usual text form.
var uuidRe = regexp.MustCompile(`^(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

// maxFutureSkew is how far after its ingestion an article's published
// date may lie: time zones and embargoed copy put it hours ahead, never
// days.
const maxFutureSkew = 36 * time.Hour

// cleanTags trims, cleans and de-duplicates tags (case-folded), keeping
// their first spelling and order; never nil.
func cleanTags(tags []string) []string {
	out := make([]string, 0, len(tags))
	seen := make(map[string]bool, len(tags))
	for _, t := range tags {
		t = strings.Trim(cleanInline(t), " ,;|#")
		k := strings.ToLower(t)
		if t == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}

// wordLists are the curated lists under data/, read once.
type wordLists struct {
	tagPrefixes    []string
	bylinePrefixes []string
	bylineLabels   map[string]bool
	captionMarkers []string
	nameWords      map[string]bool
	dateLabels     []string
	languages      []string
	boilerplate    []*regexp.Regexp // data/boilerplate.txt
}

func loadWordLists(fsys embed.FS) (wordLists, error) {
	read := func(name string) ([]string, error) {
		b, err := fsys.ReadFile("data/" + name)
		if err != nil {
			return nil, err
		}
		var out []string
		for _, l := range strings.Split(string(b), "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.HasPrefix(l, "#") {
				continue
			}
			out = append(out, strings.ToLower(l))
		}
		if len(out) == 0 {
			return nil, errors.New(name + " is empty")
		}
		return out, nil
	}
	var w wordLists
	var err error
	if w.tagPrefixes, err = read("tag_prefixes.txt"); err != nil {
		return w, err
	}
	if w.bylinePrefixes, err = read("byline_prefixes.txt"); err != nil {
		return w, err
	}
	readSet := func(name string) (map[string]bool, error) {
		list, err := read(name)
		set := make(map[string]bool, len(list))
		for _, x := range list {
			set[x] = true
		}
		return set, err
	}
	if w.bylineLabels, err = readSet("byline_labels.txt"); err != nil {
		return w, err
	}
	if w.captionMarkers, err = read("caption_markers.txt"); err != nil {
		return w, err
	}
	if w.dateLabels, err = read("date_labels.txt"); err != nil {
		return w, err
	}
	if w.languages, err = read("languages.txt"); err != nil {
		return w, err
	}
	if w.nameWords, err = readSet("name_words.txt"); err != nil {
		return w, err
	}
	bp, err := read("boilerplate.txt")
	if err != nil {
		return w, err
	}
	if w.boilerplate, err = compileBoilerplate(bp); err != nil {
		return w, fmt.Errorf("boilerplate.txt: %w", err)
	}
	return w, nil
}

// cleanURL is the article's URL without spaces or control characters at
// all (a URL holds none; a NUL or newline in one is an attack on whatever
// prints or matches it).
func cleanURL(u string) string {
	u = strings.Map(func(r rune) rune {
		// (Format characters too: a right-to-left override shows a
		// reader another address than the one the link goes to.)
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, u)
	// Only a web address or a name is kept: a subscriber that renders the
	// url as a link must not be handed "javascript:..." or "data:...".
	// (ninjs gives its items "urn:" or "tag:" URIs; a relative path is kept
	// as written, it names no scheme.)
	if scheme, _, ok := strings.Cut(u, ":"); ok && !strings.ContainsAny(scheme, "/?#") {
		switch strings.ToLower(scheme) {
		case "http", "https":
			// A password written into the address is not passed to every
			// subscriber and stored.
			if p, err := url.Parse(u); err == nil && p.User != nil {
				p.User = nil
				return p.String()
			}
		case "urn", "tag":
		default:
			return ""
		}
	}
	return u
}
