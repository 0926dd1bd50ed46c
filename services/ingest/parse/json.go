package parse

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// parseJSON reads one JSON object, an array of them, or JSON Lines; each
// object is a simple article (title/headline, body/text, url, published,
// author, tags) or an IPTC ninjs document. A JSON Feed goes to the feed
// reader; {"articles": [...]}-style wrappers are unwrapped.
func (p *Parser) parseJSON(ctx context.Context, text string) ([]draft, string, error) {
	values, lines, raws, err := p.decodeJSONValues(text)
	if err != nil {
		return nil, "", err
	}
	// Each object gets a label for the items left out: its line in JSON
	// Lines, its place in an array; and the error that refuses it before
	// it is read, a key given twice.
	var objs []map[string]any
	var labels []string
	var objErrs []error
	// addItems adds the items of an array, refusing those with a
	// duplicate key under the array's path (at).
	addItems := func(prefix string, items []any, dups []dupKey, at ...any) {
		for i, e := range items {
			label := fmt.Sprintf("%sitem %d", prefix, i+1)
			if o, ok := e.(map[string]any); ok {
				objs, labels, objErrs = append(objs, o), append(labels, label), append(objErrs, dupError(dups, i, at...))
				continue
			}
			p.skip(fmt.Sprintf("%s: %s", label, notAnArticle(e)))
		}
	}
	for i, v := range values {
		where := fmt.Sprintf("line %d", lines[i])
		// (An array on a line of JSON Lines: its items by line and place.)
		prefix := ""
		if len(values) > 1 {
			prefix = where + " "
		}
		// A key given twice (two "body" fields) keeps only the last
		// value: the text of the first was lost without a word.
		var dups []dupKey
		if mayHaveDuplicates(raws[i], v) {
			dups = duplicateKeys(raws[i])
		}
		switch x := v.(type) {
		case map[string]any:
			if isJSONFeed(x) {
				if len(values) > 1 {
					return nil, "", fail(ReasonBadJSON, ErrBadJSON, "JSON Feed inside JSON Lines")
				}
				// (normalizeJSONFeed finds its duplicates.)
				return p.parseFeed(ctx, text)
			}
			if items, ok := wrappedItems(x); ok {
				key := wrapperKey(x)
				// (Twice the list's key, or another read key of the
				// envelope: a list of items may be lost, so the whole
				// value is refused.)
				if err := dupError(dups, -1, key); err != nil && len(values) == 1 {
					return nil, "", err
				} else if err != nil {
					p.skip(fmt.Sprintf("%s: %v", where, err))
					continue
				}
				addItems(prefix, items, dups, key)
				continue
			}
			if len(values) == 1 {
				where = "the object"
			}
			objs, labels, objErrs = append(objs, x), append(labels, where), append(objErrs, dupError(dups, -1))
		case []any:
			addItems(prefix, x, dups)
		default:
			if len(values) == 1 {
				return nil, "", fail(ReasonBadJSON, ErrBadJSON, fmt.Sprintf("top-level %s", notAnArticle(v)))
			}
			// A value of JSON Lines that is no object: its neighbours go on.
			p.skip(fmt.Sprintf("%s: %s", where, notAnArticle(v)))
		}
	}
	if len(objs) == 0 {
		if p.nSkipped > 0 {
			return nil, "", fail(ReasonBadJSON, ErrBadJSON, "no article object: "+p.skippedList())
		}
		return nil, "", fail(ReasonNoItems, ErrNoItems, "no JSON objects")
	}
	if len(objs) > p.cfg.MaxItems {
		p.log.Warn("json input over the item limit", "items", len(objs), "max", p.cfg.MaxItems)
		p.items = len(objs)
		objs = objs[:p.cfg.MaxItems]
		objErrs = objErrs[:p.cfg.MaxItems]
	}
	format := formatJSON
	var drafts []draft
	var firstErr error
	for i, o := range objs {
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		var d draft
		err := objErrs[i]
		switch {
		case err != nil:
		case isNinjs(o):
			format = formatNinjs
			d, err = p.ninjsDraft(o)
		default:
			d, err = p.simpleDraft(o)
		}
		if err == nil {
			err = checkHeadline(d.headline)
		}
		if err != nil {
			// One bad item must not lose the others; all bad fails the input.
			p.log.Warn("json item skipped", "item", labels[i], "err", err)
			p.skip(fmt.Sprintf("%s: %v", labels[i], err))
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		drafts = append(drafts, d)
	}
	if len(drafts) == 0 {
		return nil, "", firstErr
	}
	return drafts, format, nil
}

// decodeJSONValues reads every top-level value (one for JSON, several for
// JSON Lines) and the line each starts on. A JSON Lines input with lines
// that are no JSON keeps its good lines (jsonLines); one bad document stays
// an error.
func (p *Parser) decodeJSONValues(text string) (values []any, lines []int, raws []string, err error) {
	values, lines, raws, err = decodeJSONStream(text)
	if err == nil {
		return values, lines, raws, nil
	}
	if vals, lines, raws, skipped := jsonLines(text); len(vals) > 0 {
		p.log.Warn("json lines skipped", "lines", len(skipped), "err", err)
		// A run of lines that are no JSON is one entry: a pretty-printed
		// document is many lines, not many items.
		for k := 0; k < len(skipped); {
			e := k
			for e+1 < len(skipped) && skipped[e+1] == skipped[e]+1 {
				e++
			}
			if e == k {
				p.skip(fmt.Sprintf("line %d: not JSON", skipped[k]))
			} else {
				p.skip(fmt.Sprintf("lines %d-%d: not JSON (one document over several lines is read only as a whole file)", skipped[k], skipped[e]))
			}
			k = e + 1
		}
		return vals, lines, raws, nil
	}
	return nil, nil, nil, err
}

// jsonLines reads text line by line, keeping each line that is one whole
// JSON object or array (and its text), and counts the other non-empty
// lines. A pretty-printed document has no such line ("{", `"a": 1,`,
// `{...},`).
func jsonLines(text string) (out []any, lines []int, raws []string, skipped []int) {
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		n++
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil || strings.TrimSpace(line[dec.InputOffset():]) != "" {
			skipped = append(skipped, n)
			continue
		}
		// (A line that is JSON but no object is left to parseJSON, which
		// names what it is.)
		out, lines, raws = append(out, v), append(lines, n), append(raws, line)
	}
	return out, lines, raws, skipped
}

// decodeJSONStream reads the top-level values of text, the line each
// starts on and the text of each.
func decodeJSONStream(text string) ([]any, []int, []string, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var out []any
	var lines []int
	var raws []string
	line, at := 1, 0 // the line of byte at
	for {
		// The value starts at the first byte after the last one that is
		// no space.
		start := int(dec.InputOffset())
		for start < len(text) && strings.ContainsRune(" \t\r\n", rune(text[start])) {
			start++
		}
		line += strings.Count(text[at:min(start, len(text))], "\n")
		at = min(start, len(text))
		var v any
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, nil, fail(ReasonBadJSON, ErrBadJSON, fmt.Sprintf("decode value %d: %v", len(out)+1, err))
		}
		out, lines, raws = append(out, v), append(lines, line), append(raws, text[at:min(int(dec.InputOffset()), len(text))])
	}
	if len(out) == 0 {
		return nil, nil, nil, fail(ReasonBadJSON, ErrBadJSON, "no JSON value")
	}
	return out, lines, raws, nil
}

// notAnArticle names a JSON value that is no article object.
func notAnArticle(v any) string {
	kind := jsonKind(v)
	if _, ok := v.([]any); ok {
		kind = "an array inside an array" // (one level of arrays is read)
	}
	return kind + ", not an article object"
}

// wrappedItems unwraps {"articles": [...]} and similar envelopes.
func wrappedItems(o map[string]any) ([]any, bool) {
	if k := wrapperKey(o); k != "" {
		return o[k].([]any), true
	}
	return nil, false
}

// wrapperKey is the key of an envelope's list of items, "" for an
// object that is no envelope.
func wrapperKey(o map[string]any) string {
	if hasAny(o, "headline", "title", "headlines", "body", "text", "bodies", "body_text", "body_html") {
		return ""
	}
	for _, k := range []string{"articles", "items", "data", "results", "stories", "docs"} {
		if _, ok := o[k].([]any); ok {
			return k
		}
	}
	return ""
}

// dupError is the bad_json error for dupReason's duplicate; nil when
// there is none.
func dupError(dups []dupKey, item int, at ...any) error {
	if r := dupReason(dups, item, at...); r != "" {
		return fail(ReasonBadJSON, ErrBadJSON, r)
	}
	return nil
}

// dupReason names the first duplicate of dups in the item at place item
// of the list at path at, or, with item -1, in the value outside that
// list's items; "" when there is none.
func dupReason(dups []dupKey, item int, at ...any) string {
	for _, d := range dups {
		switch in := d.item(at...); {
		case item >= 0 && in == item:
			return d.reason(len(at) + 1)
		case item < 0 && in < 0:
			return d.reason(0)
		}
	}
	return ""
}

func isJSONFeed(o map[string]any) bool {
	v, _ := o["version"].(string)
	return strings.Contains(v, "jsonfeed.org")
}

// isNinjs recognises IPTC ninjs 1.x-3.x by fields the simple shape lacks.
func isNinjs(o map[string]any) bool {
	if s, _ := o["$schema"].(string); strings.Contains(strings.ToLower(s), "ninjs") {
		return true
	}
	return hasAny(o, "headlines", "bodies", "versioncreated", "versionCreated", "body_text", "body_html", "firstcreated", "firstCreated") ||
		(hasAny(o, "uri") && hasAny(o, "type", "profile", "altids", "altIds", "subject", "subjects"))
}

// simpleDraft reads the simple article shape.
func (p *Parser) simpleDraft(o map[string]any) (draft, error) {
	d := draft{
		headline:    firstString(o, "headline", "title", "name"),
		subheadline: firstString(o, "subheadline", "subtitle", "dek", "standfirst", "alternativeHeadline"),
		byline:      names(firstOf(o, "author", "byline", "authors", "by", "creator")),
		caption:     firstString(o, "caption", "image_caption"),
		description: firstString(o, "description", "summary", "excerpt", "abstract", "lede"),
		siteName:    names(firstOf(o, "site_name", "siteName", "source", "publisher", "site")),
		url:         firstString(o, urlKeys...),
		tags:        stringList(firstOf(o, "tags", "keywords", "categories", "topics", "subjects")),
	}
	if !hasAny(o, "headline", "title", "name", "body", "text", "content", "articleBody", "body_html", "html") {
		return d, fail(ReasonBadJSON, ErrBadJSON, "object has none of title/headline/body/text")
	}
	// The first body field with text: {"body": "", "text": "..."} is the
	// text's (an empty or blank field left by an export names no body).
	for _, k := range []string{"body", "text", "content", "articleBody", "article_body", "body_text", "body_html", "html"} {
		if v := o[k]; v != nil {
			if d.body = bodyText(v); strings.TrimSpace(d.body) != "" {
				break
			}
		}
	}
	if strings.TrimSpace(d.body) == "" {
		d.body = ""
	}
	// ({"headline": 12345}: the field is there, of the wrong type; that is
	// the publisher's JSON to fix, not an article without text.)
	if d.body == "" {
		if k, v := wrongType(o, bodyFields, true, "body", "text", "content", "articleBody"); k != "" {
			return d, fail(ReasonBadJSON, ErrBadJSON, fmt.Sprintf("JSON item's %q is %s, not text", k, jsonKind(v)))
		}
		return d, fail(ReasonNoText, ErrNoText, "JSON item has no body text")
	}
	if d.headline == "" {
		// ({"headline": {"en": "..."}}: as wrong a type as a number.)
		if k, v := wrongType(o, textFields, false, "headline", "title"); k != "" {
			return d, fail(ReasonBadJSON, ErrBadJSON, fmt.Sprintf("JSON item's %q is %s, not text", k, jsonKind(v)))
		}
		return d, fail(ReasonNoText, ErrNoText, "JSON item has no headline")
	}
	if d.url == "" {
		// (Not refused, an article needs no URL; but not silently
		// dropped either. A URL of another scheme is warned of in finish.)
		if k, v := wrongType(o, textFields, false, urlKeys...); k != "" {
			p.log.Warn("JSON url field ignored: not text", "field", k, "value", jsonKind(v), "headline", cutRunes(d.headline, 80))
		}
	}
	p.jsonDate(&d, o, "published", "published_at", "publishedAt", "datePublished", "date", "pubDate", "created", "created_at", "updated", "dateModified")
	return d, nil
}

// ninjsDraft reads an IPTC ninjs document (1.x snake-ish names, 2.x
// lower-case, 3.x camelCase).
func (p *Parser) ninjsDraft(o map[string]any) (draft, error) {
	d := draft{url: firstString(o, "uri", "url")}
	d.headline = roleValue(o["headlines"], "main", "")
	if d.headline == "" {
		d.headline = firstString(o, "headline", "title")
	}
	d.subheadline = roleValue(o["headlines"], "sub", "subtitle", "subheadline", "alternative")
	d.description = roleValue(o["descriptions"], "summary", "")
	if d.description == "" {
		d.description = firstString(o, "description_text", "description_usage")
	}
	d.byline = names(o["by"])
	d.siteName = names(firstOf(o, "copyrightholder", "copyrightHolder", "provider"))
	// Bodies: prefer plain text, else HTML converted.
	if b, ok := o["bodies"].([]any); ok {
		var plain, html string
		for _, e := range b {
			m, _ := e.(map[string]any)
			v := firstString(m, "value")
			ct := strings.ToLower(firstString(m, "contenttype", "contentType"))
			switch {
			case strings.Contains(ct, "html") && html == "":
				html = v
			case plain == "" && !strings.Contains(ct, "html"):
				plain = v
			}
		}
		if plain != "" {
			d.body = cleanBody(plain)
		} else {
			d.body = htmlFragmentText(html)
		}
	}
	if d.body == "" {
		if t := firstString(o, "body_text", "bodyText"); t != "" {
			d.body = cleanBody(t)
		} else {
			d.body = htmlFragmentText(firstString(o, "body_html", "bodyHtml", "body_xhtml"))
		}
	}
	for _, k := range []string{"subjects", "subject", "keywords", "genre"} {
		switch v := o[k].(type) {
		case []any:
			for _, e := range v {
				switch x := e.(type) {
				case string:
					d.tags = append(d.tags, x)
				case map[string]any:
					if n := firstString(x, "name", "literal", "value"); n != "" {
						d.tags = append(d.tags, n)
					}
				}
			}
		}
	}
	if d.body == "" {
		return d, fail(ReasonNoText, ErrNoText, "ninjs item has no body")
	}
	if d.headline == "" {
		return d, fail(ReasonNoText, ErrNoText, "ninjs item has no headline")
	}
	p.jsonDate(&d, o, "contentcreated", "contentCreated", "firstcreated", "firstCreated", "versioncreated", "versionCreated", "embargoed")
	return d, nil
}

// urlKeys are the fields an article's URL is read from, in order.
var urlKeys = []string{"url", "canonical_url", "canonicalUrl", "link", "uri", "permalink"}

// jsonDate sets the dateline and instant from the first date field that
// parses, and warns of each one before it that does not ("yesterday-ish",
// true): the article goes on, without the date or with a later field's.
func (p *Parser) jsonDate(d *draft, o map[string]any, keys ...string) {
	for _, k := range keys {
		v, ok := o[k]
		if !ok || v == nil {
			continue
		}
		s := scalarString(v)
		if s == "" {
			if _, isString := v.(string); !isString {
				p.log.Warn("JSON date field ignored: not a date", "field", k, "value", jsonKind(v), "headline", cutRunes(d.headline, 80))
			}
			continue
		}
		if p.jsonDateValue(d, s, v) {
			return
		}
		p.log.Warn("JSON date field ignored: not a date", "field", k, "value", cutRunes(s, 80), "headline", cutRunes(d.headline, 80))
	}
}

// jsonDateValue sets the dateline and instant from a date field's value
// v (s as text) when it names a date.
func (p *Parser) jsonDateValue(d *draft, s string, v any) bool {
	if t, ok := p.dates.parse(s); ok {
		d.dateline, d.published = s, &t
		return true
	}
	// A number (or a string of digits): Unix seconds or milliseconds, or
	// a date written 20240506, which read as seconds was stored as
	// 1970-08-23.
	if _, ok := v.(json.Number); ok || allDigits(s) {
		if t, ok := numericDate(s); ok {
			d.dateline, d.published = s, &t
			return true
		}
	}
	return false
}

// wrongType returns the first of keys that o has with a value of a type
// no text is read from, where text belongs: a number, a boolean or null;
// a list, unless lists are read (a body's paragraphs); or an object with
// none of fields, the ones text is read from ({"en": "..."}).
func wrongType(o map[string]any, fields []string, lists bool, keys ...string) (string, any) {
	for _, k := range keys {
		v, ok := o[k]
		if !ok {
			continue
		}
		switch x := v.(type) {
		case json.Number, float64, bool, nil:
			return k, v
		case []any:
			if !lists {
				return k, v
			}
		case map[string]any:
			if !hasKey(x, fields...) {
				return k, v
			}
		}
	}
	return "", nil
}

// textFields are the fields of an object where a text field is read
// from ({"name": "Jane"}, {"value": "Headline"}), and bodyFields those of
// an object where a body is.
var (
	textFields = []string{"value", "name", "text", "href", "url"}
	bodyFields = []string{"text", "value", "content", "html"}
)

// hasKey reports whether o has one of keys, whatever its value.
func hasKey(o map[string]any, keys ...string) bool {
	for _, k := range keys {
		if _, ok := o[k]; ok {
			return true
		}
	}
	return false
}

// jsonKind names the kind of a decoded JSON value for a message.
func jsonKind(v any) string {
	switch v.(type) {
	case json.Number, float64:
		return "a number"
	case bool:
		return "true or false"
	case nil:
		return "null"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return "a string"
}

// bodyText turns a JSON body (a string, an array of paragraphs, or HTML)
// into body form.
func bodyText(v any) string {
	switch x := v.(type) {
	case string:
		if looksLikeHTML(x) {
			t := htmlFragmentText(x)
			if u := unescapeLeftover(t); u != t {
				t = cleanBody(u) // (a &nbsp; decoded is a space to clean)
			}
			return t
		}
		return cleanBody(unescapeLeftover(x))
	case []any:
		var paras []string
		for _, e := range x {
			switch y := e.(type) {
			case string:
				paras = append(paras, bodyText(y))
			case map[string]any:
				paras = append(paras, bodyText(firstOf(y, "text", "value", "content", "body")))
			case []any:
				// (Paragraphs grouped in sections, [["p1", "p2"], ["p3"]]:
				// read as no body before, and the item refused with its
				// text in it.)
				paras = append(paras, bodyText(y))
			}
		}
		return joinParagraphs(strings.Split(strings.Join(paras, "\n\n"), "\n\n"))
	case map[string]any:
		return bodyText(firstOf(x, bodyFields...))
	}
	return ""
}

// roleValue returns the value of the ninjs list entry with one of roles,
// or with no role, or the first entry when roles[0] is "main".
func roleValue(v any, roles ...string) string {
	list, ok := v.([]any)
	if !ok {
		return ""
	}
	var norole, first string
	for _, e := range list {
		m, _ := e.(map[string]any)
		val := firstString(m, "value")
		if val == "" {
			continue
		}
		if first == "" {
			first = val
		}
		role := strings.ToLower(firstString(m, "role"))
		for _, r := range roles {
			if r != "" && role == r {
				return val
			}
		}
		if role == "" && norole == "" {
			norole = val
		}
	}
	if roles[0] == "main" || roles[0] == "summary" {
		if norole != "" {
			return norole
		}
		return first
	}
	return ""
}

func hasAny(o map[string]any, keys ...string) bool {
	for _, k := range keys {
		if v, ok := o[k]; ok && v != nil {
			return true
		}
	}
	return false
}

func firstOf(o map[string]any, keys ...string) any {
	for _, k := range keys {
		if v, ok := o[k]; ok && v != nil {
			return v
		}
	}
	return nil
}

// firstString returns the first key holding a non-empty string (or a
// {"value"/"name": ...} object, as CMS exports nest them).
func firstString(o map[string]any, keys ...string) string {
	for _, k := range keys {
		switch v := o[k].(type) {
		case string:
			if s := strings.TrimSpace(v); s != "" {
				return s
			}
		case map[string]any:
			if s := firstString(v, textFields...); s != "" {
				return s
			}
		}
	}
	return ""
}

// allDigits reports a non-empty string of ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func scalarString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case json.Number:
		return x.String()
	}
	return ""
}

// names joins author-like values: "Jane", ["Jane", "John"], {"name": "Jane"}.
func names(v any) string {
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if s := strings.TrimSpace(x); s != "" {
				out = append(out, strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "By "), "by ")))
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			if s := firstString(x, "name", "literal", "value", "displayName"); s != "" {
				out = append(out, s)
			}
		}
	}
	walk(v)
	return strings.Join(out, ", ")
}

// stringList reads tags: an array of strings or objects, or a
// comma-separated string.
func stringList(v any) []string {
	switch x := v.(type) {
	case string:
		return strings.Split(x, ",")
	case []any:
		var out []string
		for _, e := range x {
			switch y := e.(type) {
			case string:
				out = append(out, y)
			case map[string]any:
				if s := firstString(y, "name", "value", "label", "term"); s != "" {
					out = append(out, s)
				}
			}
		}
		return out
	}
	return nil
}
