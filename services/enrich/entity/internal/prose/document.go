package prose

import "errors"

// A DocOpt represents a setting that changes the document creation process.
type DocOpt func(doc *Document, opts *DocOpts)

// DocOpts controls the Document creation process. Unlike upstream there is
// no segmentation: a Document is tagged as one run of text.
type DocOpts struct {
	Extract  bool // If true, include named-entity extraction
	Tag      bool // If true, include POS tagging
	Tokenize bool // If true, include tokenization
}

// WithTokenization can enable (the default) or disable tokenization.
func WithTokenization(include bool) DocOpt {
	return func(doc *Document, opts *DocOpts) { opts.Tokenize = include }
}

// WithTagging can enable (the default) or disable POS tagging.
func WithTagging(include bool) DocOpt {
	return func(doc *Document, opts *DocOpts) { opts.Tag = include }
}

// WithExtraction can enable (the default) or disable named-entity extraction.
func WithExtraction(include bool) DocOpt {
	return func(doc *Document, opts *DocOpts) { opts.Extract = include }
}

// UsingModel sets the model (required: the fork does not load one per document).
func UsingModel(model *Model) DocOpt {
	return func(doc *Document, opts *DocOpts) { doc.Model = model }
}

// A Document represents a parsed body of text.
type Document struct {
	Model *Model
	Text  string

	entities []Entity
	tokens   []*Token
}

// Tokens returns `doc`'s tokens.
func (doc *Document) Tokens() []Token {
	tokens := make([]Token, 0, len(doc.tokens))
	for _, tok := range doc.tokens {
		tokens = append(tokens, *tok)
	}
	return tokens
}

// Entities returns `doc`'s entities.
func (doc *Document) Entities() []Entity {
	return doc.entities
}

var defaultOpts = DocOpts{
	Tokenize: true,
	Tag:      true,
	Extract:  true,
}

// NewDocument tokenizes, tags and classifies text with the given model, as
// upstream's NewDocument with WithSegmentation(false) and UsingModel.
func NewDocument(text string, opts ...DocOpt) (*Document, error) {
	doc := Document{Text: text}
	base := defaultOpts
	for _, applyOpt := range opts {
		applyOpt(&doc, &base)
	}
	if doc.Model == nil {
		return nil, errors.New("prose: NewDocument needs UsingModel")
	}
	if base.Tokenize || base.Tag || base.Extract {
		doc.tokens = newIterTokenizer().tokenize(text)
	}
	if base.Tag || base.Extract {
		doc.tokens = doc.Model.tagger.tag(doc.tokens)
	}
	if base.Extract {
		doc.tokens = doc.Model.extracter.classify(doc.tokens)
		doc.entities = doc.Model.extracter.chunk(doc.tokens)
	}
	return &doc, nil
}
