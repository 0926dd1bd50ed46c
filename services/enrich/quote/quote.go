// Package quote finds the direct quotes of a news article and attributes
// each one to its speaker.
//
// Quote spans come from pairing double quote marks (straight and curly)
// inside each paragraph; a quote left open at the end of a paragraph that is
// followed by a paragraph opening with a quote mark runs on into it (one
// quote per paragraph, as the gold guidelines count them). Marks that do not
// pair never reach past their paragraph.
//
// Speakers come from an ordered table of named attribution rules (rules.go):
// a reporting cue next to the quote (the English reporting verbs of WordNet's
// verb.communication, data/cues.txt, plus data/cues-extra.txt) and its
// subject or object; pronouns and definite descriptions resolve to the most
// recent compatible speaker or person; quotes without a cue that continue a
// speaker inherit that speaker. A speaker must be able to speak: never a
// nationality (NORP), a place only as the subject of its cue, never a law
// or an event. Named speakers are given by the canonical name of the
// article's entity when one covers them. ExtractTraced also returns which
// rule chose each speaker.
package quote

import (
	"sync"

	"github.com/newsflow/newsflow/pkg/article"
)

// Speaker types of Quote.SpeakerType.
const (
	SpeakerPerson = "PERSON"
	SpeakerOrg    = "ORG"
	SpeakerGroup  = "GROUP"
)

// Finder finds the direct quotes of an article body; it is the role the
// enrich stage depends on.
type Finder interface {
	Extract(body string, ents []article.Entity) []article.Quote
}

// Option configures an Extractor.
type Option func(*config)

type config struct {
	minPartialWords int
	extraCues       []string
}

// WithMinPartialWords sets how many words a quote that is not a full
// attributed sentence needs to count (default 3, as the gold guidelines say).
func WithMinPartialWords(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.minPartialWords = n
		}
	}
}

// WithCues adds reporting cues to the embedded list, each as written in
// running text ("said", "according to").
func WithCues(cues ...string) Option {
	return func(c *config) { c.extraCues = append(c.extraCues, cues...) }
}

// Extractor finds quotes and their speakers. It holds read-only word tables
// built once by New, so one Extractor is safe for concurrent use.
type Extractor struct {
	minPartial int
	lex        *lexicon
}

var _ Finder = (*Extractor)(nil)

// New builds an Extractor from the embedded cue and word tables.
func New(opts ...Option) *Extractor {
	c := config{minPartialWords: 3}
	for _, o := range opts {
		o(&c)
	}
	return &Extractor{minPartial: c.minPartialWords, lex: newLexicon(c.extraCues)}
}

// defaultExtractor is built on first use and never changed after, so sharing
// it between goroutines is safe.
var defaultExtractor = sync.OnceValue(func() *Extractor { return New() })

// Extract finds the direct quotes in body (paragraphs separated by "\n\n")
// and attributes their speakers with the default Extractor. ents are the
// article's entities, with mentions at byte offsets into body; they name the
// speakers by canonical name. Quote.Start/End are byte offsets into body of
// the quote text without its marks, and Paragraph is the 0-based paragraph.
func Extract(body string, ents []article.Entity) []article.Quote {
	return defaultExtractor().Extract(body, ents)
}

// Extract finds the direct quotes in body and attributes their speakers; see
// the package-level Extract for the contract.
func (x *Extractor) Extract(body string, ents []article.Entity) []article.Quote {
	if len(body) == 0 {
		return nil
	}
	d := newDoc(x, body, ents)
	return d.run()
}

// CountQuotes sets Entity.Quotes to the number of quotes whose speaker is
// the entity's canonical name, for the enrich stage to call after Extract.
func CountQuotes(ents []article.Entity, quotes []article.Quote) {
	n := make(map[string]int, len(quotes))
	for _, q := range quotes {
		if q.Speaker != "" {
			n[q.Speaker]++
		}
	}
	for i := range ents {
		ents[i].Quotes = n[ents[i].Name]
	}
}
