package parse

import (
	"bytes"
	"encoding/json"
	"mime"
	"path"
	"regexp"
	"strings"
)

// Input formats (Source.Format; feed readers refine formatFeed into
// rss/atom/jsonfeed and JSON into json/ninjs).
const (
	formatText     = "text"
	formatMarkdown = "markdown"
	formatHTML     = "html"
	formatJSON     = "json"
	formatNinjs    = "ninjs"
	formatFeed     = "feed"
	formatRSS      = "rss"
	formatAtom     = "atom"
	formatJSONFeed = "jsonfeed"
)

// chooseFormat picks the reader: a specific content type decides; a
// generic or missing one (text/plain, application/octet-stream, XML) lets
// the file extension and then the bytes decide.
func chooseFormat(text, contentType, name string) (string, error) {
	mt := ""
	if contentType != "" {
		if m, _, err := mime.ParseMediaType(contentType); err == nil {
			mt = strings.ToLower(m)
		} else {
			mt = strings.ToLower(strings.TrimSpace(strings.Split(contentType, ";")[0]))
		}
	}
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml":
		return formatHTML, nil
	case mt == "application/rss+xml" || mt == "application/atom+xml" || mt == "application/rdf+xml" || mt == "application/feed+json":
		return formatFeed, nil
	case mt == "application/json" || mt == "application/ld+json" || mt == "application/x-ndjson" ||
		mt == "application/jsonl" || mt == "application/x-jsonlines" || mt == "application/jsonlines" ||
		mt == "application/ninjs+json" || strings.HasSuffix(mt, "+json"):
		return formatJSON, nil
	case mt == "text/csv" || mt == "text/tab-separated-values":
		// A table is no article: read as text it would become one article
		// headlined with the column names.
		return "", fail(ReasonUnsupportedFormat, ErrUnsupportedFormat, "a table ("+cutRunes(mt, 100)+"): drop one article per row as JSON Lines instead")
	case mt == "text/markdown" || mt == "text/x-markdown":
		return formatMarkdown, nil
	case mt == "", mt == "text/plain", mt == "application/octet-stream", mt == "application/xml", mt == "text/xml", mt == "binary/octet-stream":
		// generic: decide below
	case strings.HasPrefix(mt, "text/"):
		return formatText, nil
	default:
		return "", fail(ReasonUnsupportedFormat, ErrUnsupportedFormat, "content type "+cutRunes(mt, 100))
	}
	sniffed := sniff(text)
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		// (A feed or JSON saved as .html is read as what it is.)
		if sniffed == formatJSON || sniffed == formatFeed {
			return sniffed, nil
		}
		return formatHTML, nil
	case ".json", ".jsonl", ".ndjson", ".ninjs":
		return formatJSON, nil
	case ".rss", ".atom":
		return formatFeed, nil
	case ".csv", ".tsv":
		return "", fail(ReasonUnsupportedFormat, ErrUnsupportedFormat, "a table ("+path.Ext(name)+"): drop one article per row as JSON Lines instead")
	case ".md", ".markdown":
		if sniffed == formatHTML || sniffed == formatFeed || sniffed == formatJSON {
			return sniffed, nil
		}
		return formatMarkdown, nil
	case ".txt", ".text":
		// A .txt that is plainly markup or JSON is still read as what it is.
		if sniffed == formatHTML || sniffed == formatFeed || sniffed == formatJSON {
			return sniffed, nil
		}
		return formatText, nil
	}
	if sniffed == "xml" {
		return "", fail(ReasonUnsupportedFormat, ErrUnsupportedFormat, "XML that is neither a feed nor HTML")
	}
	return sniffed, nil
}

// Sniff reports whether data plainly is JSON (one whole valid value first)
// or a feed, by the test ingest applies when no specific content type
// decides: what a client should not label by a file's extension alone.
func Sniff(data []byte) (isJSON, isFeed bool) {
	s := sniff(string(data))
	return s == formatJSON, s == formatFeed
}

// sniff guesses the format from the first bytes.
func sniff(text string) string {
	s := strings.TrimLeft(text, " \t\r\n\uFEFF")
	if s == "" {
		return formatText
	}
	switch s[0] {
	case '{', '[':
		// Only valid JSON counts: "[Photo] ..." opens text articles too.
		dec := json.NewDecoder(strings.NewReader(s))
		var v json.RawMessage
		if dec.Decode(&v) == nil {
			return formatJSON
		}
		return formatText
	case '<':
		head := strings.ToLower(s[:min(len(s), 2048)])
		for _, f := range []string{"<rss", "<feed", "<rdf:rdf"} {
			if strings.Contains(head, f) {
				return formatFeed
			}
		}
		// A feed whose elements carry a namespace prefix (<a:feed
		// xmlns:a="http://www.w3.org/2005/Atom">) is a feed: it was
		// refused as XML that is no feed.
		if feedRoot.MatchString(head) {
			return formatFeed
		}
		for _, h := range []string{"<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div", "<meta", "<title", "<h1"} {
			if strings.Contains(head, h) {
				return formatHTML
			}
		}
		if strings.HasPrefix(head, "<?xml") {
			return "xml"
		}
		return formatHTML
	}
	return formatText
}

// feedRoot matches the start of a prefixed feed root element in a
// lower-cased head.
var feedRoot = regexp.MustCompile(`<[a-z_][a-z0-9_.-]*:(feed|rss|rdf)[\s>]`)

// looksLikeHTML reports a string holding HTML markup (JSON bodies and feed
// items often carry HTML).
func looksLikeHTML(s string) bool {
	i := strings.IndexByte(s, '<')
	if i < 0 {
		return false
	}
	b := []byte(strings.ToLower(s[i:min(len(s), i+4096)]))
	for _, t := range [][]byte{[]byte("<p"), []byte("<br"), []byte("<div"), []byte("</"), []byte("<h"), []byte("<a "), []byte("<img"), []byte("<li")} {
		if bytes.Contains(b, t) {
			return true
		}
	}
	return false
}
