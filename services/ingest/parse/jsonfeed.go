package parse

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// jsonFeedFix is what normalizeJSONFeed did to a JSON Feed: the feed as
// gofeed can read it, and for each item a reason to leave it out ("" to
// keep it).
type jsonFeedFix struct {
	text   string
	bad    []string
	warned []string // fields dropped or coerced, for the log
}

// normalizeJSONFeed makes a JSON Feed of careless types readable: gofeed
// decodes it into typed fields, so one item's date as a Unix number, a
// title as a number or tags as one string refused the whole feed
// (bad_feed) and every other item with it. Dates given as numbers become
// RFC 3339 text, an id a string (as the spec says), tags and authors
// given as a string a list of one; an item whose title or content is no
// text is marked to be left out with its reason; other fields of the wrong
// type are dropped with a warning. A text that is no JSON object is
// returned as it is, for gofeed to refuse.
func normalizeJSONFeed(text string) jsonFeedFix {
	fix := jsonFeedFix{text: text}
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var feed map[string]any
	if dec.Decode(&feed) != nil || feed == nil {
		return fix
	}
	warn := func(where, field string, v any) {
		fix.warned = append(fix.warned, fmt.Sprintf("%s%q: %s", where, field, jsonKind(v)))
	}
	for _, k := range []string{"version", "title", "home_page_url", "feed_url", "description", "user_comment", "next_url", "icon", "favicon", "language"} {
		if !textField(feed, k) {
			warn("", k, feed[k])
			delete(feed, k)
		}
	}
	fixAuthors(feed, "", warn)
	if _, ok := feed["expired"].(bool); !ok {
		delete(feed, "expired")
	}
	items, ok := feed["items"].([]any)
	if !ok {
		return fix // (no list of items: gofeed says so)
	}
	fix.bad = make([]string, len(items))
	// An item that gives a key twice (two "content_text") is left out
	// with its reason: gofeed would read one and lose the other's text.
	// (Marked after the loop, which must still fix its types: gofeed
	// refuses the whole feed for one item's.)
	var dups []dupKey
	if mayHaveDuplicates(text, feed) {
		dups = duplicateKeys(text)
	}
	for i, e := range items {
		where := fmt.Sprintf("item %d ", i+1)
		it, ok := e.(map[string]any)
		if !ok {
			fix.bad[i] = notAnArticle(e)
			if _, isList := e.([]any); isList {
				fix.bad[i] = "a list, not an item object"
			}
			items[i] = map[string]any{}
			continue
		}
		if n, ok := it["id"].(json.Number); ok {
			it["id"] = n.String() // (the spec: a reader coerces an id to a string)
		}
		for _, k := range []string{"title", "content_html", "content_text"} {
			if !textField(it, k) {
				fix.bad[i] = fmt.Sprintf("%q is %s, not text", k, jsonKind(it[k]))
				delete(it, k)
			}
		}
		for _, k := range []string{"id", "url", "external_url", "summary", "image", "banner_image", "language"} {
			if !textField(it, k) {
				warn(where, k, it[k])
				delete(it, k)
			}
		}
		for _, k := range []string{"date_published", "date_modified"} {
			v, has := it[k]
			if !has {
				continue
			}
			if _, isText := v.(string); isText {
				continue
			}
			if n, isNum := v.(json.Number); isNum {
				if t, ok := numericDate(n.String()); ok {
					it[k] = t.Format(time.RFC3339)
					continue
				}
			}
			warn(where, k, v)
			delete(it, k)
		}
		switch tags := it["tags"].(type) {
		case nil:
		case []any:
			var keep []any
			for _, t := range tags {
				if s := scalarString(t); s != "" {
					keep = append(keep, s)
				}
			}
			it["tags"] = keep
		case string:
			var keep []any
			for _, t := range strings.Split(tags, ",") {
				keep = append(keep, t)
			}
			it["tags"] = keep
		default:
			warn(where, "tags", tags)
			delete(it, "tags")
		}
		fixAuthors(it, where, warn)
		// (ingest reads no attachments; one of a wrong type, a size of
		// 1.5 bytes, refused the feed.)
		delete(it, "attachments")
	}
	for i := range fix.bad {
		if r := dupReason(dups, i, "items"); r != "" {
			fix.bad[i] = r
		}
	}
	b, err := json.Marshal(feed)
	if err != nil {
		return jsonFeedFix{text: text}
	}
	fix.text = string(b)
	return fix
}

// textField reports whether o's field k is absent, null or a string.
func textField(o map[string]any, k string) bool {
	switch o[k].(type) {
	case nil, string:
		return true
	}
	return false
}

// fixAuthors makes o's "author" an object and "authors" a list of objects
// with string fields: a name given as a string ("author": "Jane Doe")
// becomes {"name": "Jane Doe"}; anything else is dropped with a warning.
func fixAuthors(o map[string]any, where string, warn func(where, field string, v any)) {
	author := func(v any) (map[string]any, bool) {
		switch a := v.(type) {
		case string:
			return map[string]any{"name": a}, true
		case map[string]any:
			for _, k := range []string{"name", "url", "avatar"} {
				if !textField(a, k) {
					delete(a, k)
				}
			}
			return a, true
		}
		return nil, false
	}
	if v, has := o["author"]; has && v != nil {
		if a, ok := author(v); ok {
			o["author"] = a
		} else {
			warn(where, "author", v)
			delete(o, "author")
		}
	}
	if v, has := o["authors"]; has && v != nil {
		list, ok := v.([]any)
		if !ok {
			list = []any{v}
		}
		var keep []any
		for _, e := range list {
			if a, ok := author(e); ok {
				keep = append(keep, a)
			} else {
				warn(where, "authors", e)
			}
		}
		o["authors"] = keep
	}
}

// numericDate reads a date given as a number: 8 digits as a date written
// without separators (20240506), a Unix time in milliseconds (13 digits)
// or seconds. A Unix time before 1980 is no news article's: it is a
// number that means something else (a year, an id), and 1970 dates were
// stored for them.
func numericDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if yyyymmdd.MatchString(s) {
		if t, err := time.Parse("20060102", s); err == nil {
			return plausible(t)
		}
		return time.Time{}, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return time.Time{}, false
	}
	if f >= 1e11 { // (1e11 seconds is the year 5138)
		f /= 1000
	}
	if f >= 1e11 {
		return time.Time{}, false
	}
	sec, frac := math.Modf(f)
	t := time.Unix(int64(sec), int64(frac*1e9)).UTC()
	if t.Year() < 1980 {
		return time.Time{}, false
	}
	return plausible(t)
}

// yyyymmdd matches a date written as eight digits from the years 1800 to
// 2199.
var yyyymmdd = regexp.MustCompile(`^(1[89]|2[01])\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$`)
