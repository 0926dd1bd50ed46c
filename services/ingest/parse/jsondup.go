package parse

import (
	"encoding/json"
	"fmt"
	"strings"
)

// readKeys are the JSON fields ingest reads text from (simple articles,
// ninjs, JSON Feed, the envelopes it unwraps and the objects nested in
// those fields): a key given twice among them loses the first value
// without a word, since encoding/json keeps the last.
var readKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, list := range [][]string{
		{"headline", "title", "name", "subheadline", "subtitle", "dek", "standfirst", "alternativeHeadline"},
		{"author", "byline", "authors", "by", "creator", "caption", "image_caption"},
		{"description", "summary", "excerpt", "abstract", "lede", "site_name", "siteName", "source", "publisher", "site"},
		{"tags", "keywords", "categories", "topics", "subjects", "subject", "genre"},
		{"body", "text", "content", "articleBody", "article_body", "body_text", "bodyText", "body_html", "bodyHtml", "body_xhtml", "html", "bodies"},
		{"published", "published_at", "publishedAt", "datePublished", "date", "pubDate", "created", "created_at", "updated", "dateModified"},
		{"headlines", "descriptions", "description_text", "description_usage", "value", "role", "contenttype", "contentType", "literal", "displayName", "label", "term"},
		{"contentcreated", "contentCreated", "firstcreated", "firstCreated", "versioncreated", "versionCreated", "embargoed", "copyrightholder", "copyrightHolder", "provider", "$schema"},
		{"articles", "items", "data", "results", "stories", "docs"},
		{"version", "id", "content_text", "content_html", "external_url", "date_published", "date_modified", "home_page_url", "href"},
		urlKeys, textFields, bodyFields,
	} {
		for _, k := range list {
			m[k] = true
		}
	}
	return m
}()

// dupKey is a read key given twice in one object of a JSON value.
type dupKey struct {
	// path leads from the value to the object: object keys (string) and
	// array places (int).
	path []any
	key  string
}

// item returns the place of the item the duplicate is in when path
// starts with prefix and then an array place, or -1.
func (d dupKey) item(prefix ...any) int {
	if len(d.path) <= len(prefix) {
		return -1
	}
	for i, p := range prefix {
		if d.path[i] != p {
			return -1
		}
	}
	if n, ok := d.path[len(prefix)].(int); ok {
		return n
	}
	return -1
}

// reason names the duplicate for a dead letter, the key with the fields
// it is nested in below the item (skip: the path elements above it).
func (d dupKey) reason(skip int) string {
	var in []string
	for _, p := range d.path[min(skip, len(d.path)):] {
		if s, ok := p.(string); ok {
			in = append(in, fmt.Sprintf("%q", s))
		}
	}
	where := ""
	if len(in) > 0 {
		where = " in " + strings.Join(in, " > ")
	}
	return fmt.Sprintf("duplicate key %q%s: given twice in one object, of which only the last value would be read", d.key, where)
}

// mayHaveDuplicates reports whether raw, the text v was decoded from,
// holds more key/value pairs than v's objects keep: then some object
// gave a key twice. One pass over the bytes, far cheaper than the token
// pass of duplicateKeys, which runs only when this says so.
func mayHaveDuplicates(raw string, v any) bool {
	pairs, inString, escaped := 0, false, false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case escaped:
			escaped = false
		case inString && c == '\\':
			escaped = true
		case c == '"':
			inString = !inString
		case !inString && c == ':':
			pairs++
		}
	}
	return pairs > countEntries(v)
}

// countEntries counts the keys of all objects in v. (v was decoded by
// encoding/json, whose nesting limit bounds the recursion.)
func countEntries(v any) int {
	n := 0
	switch x := v.(type) {
	case map[string]any:
		n += len(x)
		for _, e := range x {
			n += countEntries(e)
		}
	case []any:
		for _, e := range x {
			n += countEntries(e)
		}
	}
	return n
}

// duplicateKeys finds the read keys given twice in one object of raw, a
// JSON value that decoded without error, in the objects reached from the
// top through read keys and arrays (a duplicate in a field ingest never
// reads loses nothing). At most one per object is named.
func duplicateKeys(raw string) []dupKey {
	type frame struct {
		obj      bool
		relevant bool
		wantKey  bool
		key      string // the object's current key
		idx      int    // the array's current place
		seen     map[string]bool
		reported bool
	}
	var stack []*frame
	var out []dupKey
	path := func() []any {
		p := make([]any, 0, len(stack))
		for _, f := range stack[:len(stack)-1] {
			if f.obj {
				p = append(p, f.key)
			} else {
				p = append(p, f.idx)
			}
		}
		return p
	}
	// done marks a value of the innermost container as read.
	done := func() {
		if len(stack) == 0 {
			return
		}
		if f := stack[len(stack)-1]; f.obj {
			f.wantKey = true
		} else {
			f.idx++
		}
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			break // (io.EOF: raw decoded once already)
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				relevant := true
				if len(stack) > 0 {
					parent := stack[len(stack)-1]
					relevant = parent.relevant && (!parent.obj || readKeys[parent.key])
				}
				stack = append(stack, &frame{obj: t == '{', relevant: relevant, wantKey: t == '{'})
			default:
				stack = stack[:len(stack)-1]
				done()
			}
		case string:
			if f := stack[len(stack)-1]; f.obj && f.wantKey {
				f.wantKey, f.key = false, t
				if !f.relevant || !readKeys[t] {
					continue
				}
				if f.seen == nil {
					f.seen = map[string]bool{}
				}
				if f.seen[t] && !f.reported {
					f.reported = true
					out = append(out, dupKey{path: path(), key: t})
				}
				f.seen[t] = true
				continue
			}
			done()
		default:
			done()
		}
	}
	return out
}
