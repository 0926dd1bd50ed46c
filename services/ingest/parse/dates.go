package parse

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	dateparser "github.com/markusmobius/go-dateparser"
)

// dateReader reads the dates newsrooms write. Common layouts go through
// time.Parse (microseconds); anything else through go-dateparser, whose
// Parser is built once because it is costly to set up and safe for
// concurrent use (it serialises calls internally, so the fast path also
// keeps Parse calls from queueing on its lock).
type dateReader struct {
	dp      *dateparser.Parser
	cfg     *dateparser.Configuration
	layouts []string
	labels  []string
	// left counts the go-dateparser calls one Parse call may still make
	// (nil: no limit). A crafted string costs go-dateparser ~10 ms and
	// holds its lock, so an input full of them must not buy minutes.
	left *int
}

// maxFreeformDates bounds the go-dateparser calls of one Parse call; the
// common layouts (time.Parse) are not counted. A feed or a JSON array of
// many items whose dates all need go-dateparser gets the first ones parsed
// and the rest from the layouts only.
const maxFreeformDates = 64

// budgeted returns a reader for one Parse call, sharing d's parser, that
// makes at most n go-dateparser calls.
func (d *dateReader) budgeted(n int) *dateReader {
	c := *d
	c.left = &n
	return &c
}

func newDateReader(labels []string) *dateReader {
	return &dateReader{
		dp: &dateparser.Parser{},
		cfg: &dateparser.Configuration{
			Languages:       []string{"en"},
			StrictParsing:   true, // day, month and year: a bare weekday is not a date
			DefaultTimezone: time.UTC,
			// A fixed reference time keeps results independent of the clock;
			// strict parsing never reads it for the date itself.
			CurrentTime: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
		},
		layouts: []string{
			time.RFC3339Nano,
			"2006-01-02T15:04:05Z0700",
			"2006-01-02T15:04:05",
			"2006-01-02T15:04",
			"2006-01-02 15:04:05Z07:00",
			"2006-01-02 15:04:05",
			"2006-01-02 15:04",
			"2006-01-02",
			"Monday, January 2, 2006",
			"Monday, January 2 2006",
			"Monday January 2, 2006",
			"January 2, 2006",
			"January 2 2006",
			"Jan 2, 2006",
			"Jan. 2, 2006",
			"Mon, Jan 2, 2006",
			"Monday, 2 January 2006",
			"Monday 2 January 2006",
			"2 January 2006",
			"2 Jan 2006",
			"02 Jan 2006",
			"January 2, 2006 3:04 PM",
			"January 2, 2006 15:04",
			"Mon, 02 Jan 2006 15:04:05 -0700",
			"Mon, 2 Jan 2006 15:04:05 -0700",
			"Mon, 02 Jan 2006 15:04:05 Z",
		},
		labels: labels,
	}
}

// parse returns the instant a date string names, in UTC (a date with no
// zone is taken as UTC), and whether it named one with day, month and year.
func (d *dateReader) parse(s string) (time.Time, bool) {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ".,;:|—–-"))
	if s == "" || len(s) > 80 || !strings.ContainsAny(s, "0123456789") {
		return time.Time{}, false
	}
	for _, l := range d.layouts {
		if t, err := time.Parse(l, s); err == nil {
			return plausible(t)
		}
	}
	if !dateShaped(s) {
		return time.Time{}, false
	}
	if d.left != nil {
		if *d.left <= 0 {
			return time.Time{}, false
		}
		*d.left--
	}
	dt, err := d.dp.Parse(d.cfg, s)
	if err != nil || dt.IsZero() {
		return time.Time{}, false
	}
	return plausible(dt.Time)
}

// plausible rejects years no news article has.
func plausible(t time.Time) (time.Time, bool) {
	if t.Year() < 1800 || t.Year() > 2200 {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// dateShaped is a cheap gate before go-dateparser: a year (four digits)
// and at most a dozen words, mostly date words or numbers.
func dateShaped(s string) bool {
	digits, run := 0, 0
	year := false
	for _, r := range s {
		if r >= '0' && r <= '9' {
			run++
			digits++
			if run == 4 {
				year = true
			}
			continue
		}
		run = 0
	}
	if !year {
		return false
	}
	return len(strings.Fields(s)) <= 12
}

// dateline reports whether a whole line is a date line and returns its
// instant. It accepts a label ("Published: ...") and a place or source
// before or after a dash ("WASHINGTON — Sept. 28, 2020").
func (d *dateReader) dateline(line string) (time.Time, bool) {
	if utf8.RuneCountInString(line) > 80 || !strings.ContainsAny(line, "0123456789") {
		return time.Time{}, false
	}
	s := d.stripLabel(line)
	if t, ok := d.parse(s); ok {
		return t, true
	}
	for _, sep := range []string{" — ", " – ", " - ", " | ", " · ", " • "} {
		if i := strings.Index(s, sep); i >= 0 {
			if t, ok := d.parse(s[i+len(sep):]); ok && !hasLowerWords(s[:i]) {
				return t, true
			}
			if t, ok := d.parse(s[:i]); ok && !hasLowerWords(s[i+len(sep):]) {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// stripLabel removes a leading "Published:"-style label.
func (d *dateReader) stripLabel(s string) string {
	low := strings.ToLower(s)
	for _, l := range d.labels {
		if strings.HasPrefix(low, l) {
			rest := strings.TrimLeft(s[len(l):], " ")
			if strings.HasPrefix(rest, ":") {
				return strings.TrimSpace(rest[1:])
			}
			if l == "published on" || l == "posted on" {
				return rest
			}
		}
	}
	return s
}

// hasLowerWords reports whether s reads like running text (several
// lower-case words) rather than a place name or a source.
func hasLowerWords(s string) bool {
	n := 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			n++
		}
	}
	return n > 1
}
