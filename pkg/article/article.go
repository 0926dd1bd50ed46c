// Package article defines the article that flows through newsflow: the parsed
// article that ingest publishes, and the same article with entities and quotes
// that enrich publishes and store writes.
//
// Offsets: every Start/End in an enriched article counts Unicode code points
// (not bytes, not UTF-16 units) into Body (or into Caption where the mention
// or quote says field "caption"), with End exclusive, so that
// body[start:end] in Python, or [...body].slice(start, end).join("") in
// JavaScript, gives the mention text. Inside Go code the stages work in byte
// offsets and convert once, with Offsets.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// SchemaVersion is the version of the enriched-article JSON document; it is
// bumped on any incompatible change to the fields below.
const SchemaVersion = 1

// Entity types.
const (
	TypePerson = "PERSON"
	TypeOrg    = "ORG"
	TypeGPE    = "GPE"
	TypeLoc    = "LOC"
	TypeFac    = "FAC"
	TypeNORP   = "NORP"
)

// Article is a news article: the parsed fields, and after enrich its
// entities and quotes. The same JSON is the event payload on
// articles.parsed and articles.enriched and the document in MongoDB.
type Article struct {
	SchemaVersion int    `json:"schema_version" bson:"schema_version"`
	ID            string `json:"id" bson:"_id"`
	URL           string `json:"url,omitempty" bson:"url,omitempty"`

	Headline    string `json:"headline" bson:"headline"`
	Subheadline string `json:"subheadline,omitempty" bson:"subheadline,omitempty"`
	Byline      string `json:"byline,omitempty" bson:"byline,omitempty"`
	// Caption holds the photo captions, separated by a blank line.
	Caption     string `json:"caption,omitempty" bson:"caption,omitempty"`
	Description string `json:"description,omitempty" bson:"description,omitempty"`
	SiteName    string `json:"site_name,omitempty" bson:"site_name,omitempty"`

	// Dateline is the date line as the article wrote it.
	Dateline string `json:"dateline,omitempty" bson:"dateline,omitempty"`
	// PublishedAt is nil when the article gives no date; never the ingest time.
	PublishedAt *time.Time `json:"published_at,omitempty" bson:"published_at,omitempty"`
	// IngestedAt is when ingest parsed the article.
	IngestedAt time.Time `json:"ingested_at" bson:"ingested_at"`

	Tags []string `json:"tags" bson:"tags"`
	// Language is an ISO 639-1 code detected from the body ("" if unknown).
	Language string `json:"language,omitempty" bson:"language,omitempty"`
	// Body is the article text, NFC, paragraphs separated by one blank line.
	Body string `json:"body" bson:"body"`

	Source Source `json:"source" bson:"source"`

	Entities []Entity `json:"entities" bson:"entities"`
	Quotes   []Quote  `json:"quotes" bson:"quotes"`
	// EnrichedAt is when enrich finished with the article.
	EnrichedAt *time.Time `json:"enriched_at,omitempty" bson:"enriched_at,omitempty"`
	// EnricherVersion names the entity and quote rules that enriched the
	// article (enrich.Version); 'newsflow reenrich' runs again the stored
	// articles whose version is not the current one.
	EnricherVersion string `json:"enricher_version,omitempty" bson:"enricher_version,omitempty"`
	// Revision is 0 (absent) for the first enrichment of this version of
	// the article and n for its n-th re-enrichment, which replaces the
	// stored document in place (same id, same ingested_at).
	Revision int `json:"revision,omitempty" bson:"revision,omitempty"`

	// Countries are the ISO 3166-1 alpha-2 codes of the countries the
	// article is about, from its places weighted by mentions and position,
	// most weight first.
	Countries []string `json:"countries,omitempty" bson:"countries,omitempty"`

	// DuplicateOf is the id of the first-seen article whose text this one
	// nearly repeats (a syndicated copy, a re-headlined, trimmed or
	// reordered version); absent for a first-seen article.
	DuplicateOf string `json:"duplicate_of,omitempty" bson:"duplicate_of,omitempty"`
	// Similarity is the estimated Jaccard similarity of this article's text
	// to DuplicateOf's (word pairs), 0 to 1; absent when DuplicateOf is.
	Similarity float64 `json:"similarity,omitempty" bson:"similarity,omitempty"`
	// StoryID is the id of the first article of the story this one belongs
	// to (its own id when it starts one); a copy is in its original's story.
	// Absent when enrich runs without story recognition.
	StoryID string `json:"story_id,omitempty" bson:"story_id,omitempty"`
}

// Source records where an article came from.
type Source struct {
	// Format is the detected input format: text, markdown, html, json, ninjs, rss, atom, jsonfeed.
	Format string `json:"format" bson:"format"`
	// ContentType is the content type the input was dropped with, if any.
	ContentType string `json:"content_type,omitempty" bson:"content_type,omitempty"`
	// Name is the file name the input was dropped from, if any.
	Name string `json:"name,omitempty" bson:"name,omitempty"`
	// SHA256 is the hex SHA-256 of the original bytes, for traceability.
	SHA256 string `json:"sha256" bson:"sha256"`
	// Item is the index of the article within a multi-article input (feed, array).
	Item int `json:"item,omitempty" bson:"item,omitempty"`
}

// Entity is one real-world thing named in the article, resolved across its mentions.
type Entity struct {
	// Name is the fullest form the article uses.
	Name string `json:"name" bson:"name"`
	// Type is one of PERSON ORG GPE LOC FAC NORP.
	Type     string    `json:"type" bson:"type"`
	Mentions []Mention `json:"mentions" bson:"mentions"`
	// Count is the number of mentions.
	Count int `json:"count" bson:"count"`
	// Aliases are the other forms the article uses for the entity.
	Aliases []string `json:"aliases,omitempty" bson:"aliases,omitempty"`
	// Titles are titles or roles cut off person names ("Secretary of State").
	Titles []string `json:"titles,omitempty" bson:"titles,omitempty"`
	// Quotes is the number of quotes attributed to the entity.
	Quotes int `json:"quotes,omitempty" bson:"quotes,omitempty"`
	// Geo links a place (GPE, and LOC where the gazetteer knows it) to
	// GeoNames; nil when no place of the gazetteer fits.
	Geo *Geo `json:"geo,omitempty" bson:"geo,omitempty"`
}

// Geo is a place entity's GeoNames entry.
type Geo struct {
	// GeoNamesID is the place's GeoNames id (https://www.geonames.org/ID).
	GeoNamesID int `json:"geonames_id" bson:"geonames_id"`
	// Country is the ISO 3166-1 alpha-2 code of the country it is in (or is).
	Country string `json:"country" bson:"country"`
	// Admin1 is the GeoNames first-level division code within the country
	// (a US state's postal code, for example), when the place is below one.
	Admin1 string  `json:"admin1,omitempty" bson:"admin1,omitempty"`
	Lat    float64 `json:"lat" bson:"lat"`
	Lon    float64 `json:"lon" bson:"lon"`
	// Confidence is how sure the link is, 0 to 1: 1 for a name only one
	// place bears, less when the article's context chose among several.
	Confidence float64 `json:"confidence" bson:"confidence"`
}

// Fields of an article that mentions and quotes can point into.
const (
	// FieldBody is the body; mentions and quotes without a field are in it.
	FieldBody = ""
	// FieldCaption is the photo captions, one per paragraph.
	FieldCaption = "caption"
)

// Mention is one occurrence of an entity in the body or a caption.
type Mention struct {
	Start int    `json:"start" bson:"start"`
	End   int    `json:"end" bson:"end"`
	Text  string `json:"text" bson:"text"`
	// Field names the text the offsets count into: absent for the body,
	// "caption" for the captions.
	Field string `json:"field,omitempty" bson:"field,omitempty"`
}

// Quote is one direct quote and who said it.
type Quote struct {
	// Text is the quoted text without the quote marks.
	Text string `json:"text" bson:"text"`
	// Speaker is the entity's canonical name, or the article's description of
	// an unnamed speaker; empty when the article gives none.
	Speaker string `json:"speaker,omitempty" bson:"speaker,omitempty"`
	// SpeakerType is PERSON, ORG, GROUP or empty.
	SpeakerType string `json:"speaker_type,omitempty" bson:"speaker_type,omitempty"`
	// Cue is the reporting verb or phrase as written; empty for a continuation.
	Cue   string `json:"cue,omitempty" bson:"cue,omitempty"`
	Start int    `json:"start" bson:"start"`
	End   int    `json:"end" bson:"end"`
	// Paragraph is the 0-based index of the paragraph holding the quote.
	Paragraph int `json:"paragraph" bson:"paragraph"`
	// Field names the text the offsets count into: absent for the body,
	// "caption" for the captions.
	Field string `json:"field,omitempty" bson:"field,omitempty"`
}

// ID returns the stable article id: from the canonical URL when there is
// one, else from the normalised headline and body.
func ID(canonicalURL, headline, body string) string {
	if u := CanonicalURL(canonicalURL); u != "" {
		return hashID("u", u)
	}
	return hashID("t", normalise(headline)+"\n"+normalise(body))
}

// FeedItemID returns the id of a feed item that has no link, by its
// feed and its guid (a publisher's id for the item that its edits keep):
// from its text, each edit would be another article.
func FeedItemID(feed, guid string) string {
	return hashID("g", strings.TrimSpace(feed)+"\n"+strings.TrimSpace(guid))
}

// ValidID reports whether id has the form ID gives: 24 lower-case
// hexadecimal digits.
func ValidID(id string) bool {
	if len(id) != 24 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func hashID(kind, s string) string {
	sum := sha256.Sum256([]byte(kind + ":" + s))
	return hex.EncodeToString(sum[:12])
}

// CanonicalURL normalises a URL for identity: lower-case scheme and host, no
// fragment, no default port, no trailing slash, tracking parameters removed.
// It returns "" for anything that is not an absolute http(s) URL, and for a
// site's home page: a page whose canonical link names the site's root (a
// common CMS mistake) is not one article, and every story of that site
// would share its id.
// ("ref" goes when it names a referrer, "?ref=rss", and stays when it is a
// number, as sites that number their stories "?ref=1001" use it: merging
// two stories loses one.)
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	u.Scheme = "https" // the same page over http and https is one article
	u.Host = strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(u.Host), ":80"), ":443")
	u.Fragment = ""
	u.User = nil
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		// ("view.php?sid=101;cat=4": ParseQuery drops every pair holding a
		// ";" or a bad escape, which would give every article of the page
		// one id; such a query keeps its pairs as written.)
		u.RawQuery = rawQueryWithout(u.RawQuery, trackingParam)
	} else {
		for k := range q {
			if trackingParam(k, q.Get(k)) {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	u.Path, u.RawPath = trimSlash(u.Path, u.RawPath)
	if u.Path == "" && u.RawQuery == "" {
		return ""
	}
	return u.String()
}

// trimSlash drops a trailing slash from a URL's path. An escaped slash
// ("%2F") is part of a segment, not a separator: a path holding one keeps
// its escaped form (RawPath), trimmed only of a real trailing slash, so
// "a%2Fb/" stays apart from "a/b" and "a%2F" from "a". Any other escaping
// is left to url.URL to write in its own form (RawPath cleared), as ids
// were always made, so those ids do not change.
func trimSlash(path, raw string) (string, string) {
	if !strings.Contains(strings.ToUpper(raw), "%2F") {
		return strings.TrimSuffix(path, "/"), ""
	}
	if strings.HasSuffix(raw, "/") {
		return strings.TrimSuffix(path, "/"), strings.TrimSuffix(raw, "/")
	}
	return path, raw
}

// trackingParam reports a query parameter that marks where a reader came
// from rather than which page it is.
func trackingParam(key, value string) bool {
	lk := strings.ToLower(key)
	return strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" || lk == "ref" && !allDigits(value)
}

// rawQueryWithout returns the pairs (joined by "&" or ";") of a query that
// url.ParseQuery refuses, as written, without those drop reports true for,
// sorted as url.Values.Encode sorts so that their order does not matter.
func rawQueryWithout(raw string, drop func(key, value string) bool) string {
	var kept []string
	// (Pairs joined by ";" too: "utm_source=rss;sid=101" keeps its sid.)
	for _, pair := range strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' }) {
		k, v, _ := strings.Cut(pair, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if uv, err := url.QueryUnescape(v); err == nil {
			v = uv
		}
		if !drop(k, v) {
			kept = append(kept, pair)
		}
	}
	sort.Strings(kept)
	return strings.Join(kept, "&")
}

// allDigits reports a non-empty string of ASCII digits.
func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// normalise folds case, Unicode form and whitespace so that the same text
// pasted twice gives the same id.
func normalise(s string) string {
	s = norm.NFKC.String(s)
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), unicode.IsSpace), " ")
}

// HashBytes returns the hex SHA-256 of b.
func HashBytes(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Paragraphs splits a body into its paragraphs with their byte offsets.
func Paragraphs(body string) []Span {
	var out []Span
	start := 0
	for start <= len(body) {
		i := strings.Index(body[start:], "\n\n")
		end := len(body)
		if i >= 0 {
			end = start + i
		}
		if end > start {
			out = append(out, Span{Start: start, End: end})
		}
		if i < 0 {
			break
		}
		start = end + 2
	}
	return out
}

// Span is a byte range [Start, End) of a string.
type Span struct{ Start, End int }

// Offsets converts byte offsets of one string into code-point offsets.
type Offsets struct{ idx []int }

// NewOffsets indexes s for byte-to-code-point conversion.
func NewOffsets(s string) Offsets {
	idx := make([]int, len(s)+1)
	n := 0
	for i := range s {
		idx[i] = n
		n++
	}
	// Bytes inside a multi-byte rune map to the rune's index; the end maps to the count.
	last := 0
	for i := 0; i < len(s); i++ {
		if i > 0 && idx[i] == 0 {
			idx[i] = last
		}
		last = idx[i]
	}
	idx[len(s)] = n
	return Offsets{idx: idx}
}

// Rune returns the code-point offset of byte offset b.
func (o Offsets) Rune(b int) int {
	if b < 0 {
		return 0
	}
	if b >= len(o.idx) {
		return o.idx[len(o.idx)-1]
	}
	return o.idx[b]
}
