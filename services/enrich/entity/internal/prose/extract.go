package prose

import (
	"math"
	"strconv"
	"strings"
)

var featureOrder = []string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

// labelWeight is one label's weight for an input feature.
type labelWeight struct {
	label  int
	weight float64
}

// binaryMaxentClassifier is upstream's maxent model (see
// https://www.nltk.org/_modules/nltk/classify/maxent.html) with its joint
// features "fname-fval-label" regrouped by "fname-fval": each input feature
// is looked up once for all labels. Read-only after newEntityExtracter.
type binaryMaxentClassifier struct {
	labels []string
	simple []string // simplePOS of each label
	index  map[string][]labelWeight
}

// newMaxentClassifier builds the index: for every label L and every joint
// feature P+"-"+L of the mapping, index[P] holds (L, weight). That is the
// set of lookups upstream's encode makes succeed, so the scores are the same.
func newMaxentClassifier(weights []float64, mapping map[string]int, labels []string) *binaryMaxentClassifier {
	m := &binaryMaxentClassifier{index: make(map[string][]labelWeight, len(mapping)/2)}
	for _, l := range labels {
		if !stringInSlice(l, m.labels) {
			m.labels = append(m.labels, l)
			m.simple = append(m.simple, simplePOS(l))
		}
	}
	for key, id := range mapping {
		for li, l := range m.labels {
			if len(key) > len(l) && strings.HasSuffix(key, l) && key[len(key)-len(l)-1] == '-' {
				p := key[:len(key)-len(l)-1]
				m.index[p] = append(m.index[p], labelWeight{li, weights[id]})
			}
		}
	}
	return m
}

// entityExtracter is a maximum entropy classifier.
type entityExtracter struct {
	model *binaryMaxentClassifier
}

// newEntityExtracter loads the default model.
func newEntityExtracter() (*entityExtracter, error) {
	var mapping map[string]int
	var weights []float64
	var labels []string
	if err := decodeAsset("Maxent", "mapping.gob", &mapping); err != nil {
		return nil, err
	}
	if err := decodeAsset("Maxent", "weights.gob", &weights); err != nil {
		return nil, err
	}
	if err := decodeAsset("Maxent", "labels.gob", &labels); err != nil {
		return nil, err
	}
	return &entityExtracter{model: newMaxentClassifier(weights, mapping, labels)}, nil
}

// chunk finds named-entity "chunks" from the given, pre-labeled tokens.
func (e *entityExtracter) chunk(tokens []*Token) []Entity {
	entities := []Entity{}
	end := ""

	parts := []*Token{}
	idx := 0

	for _, tok := range tokens {
		label := tok.Label
		if (label != "O" && label != end) ||
			(idx > 0 && tok.Tag == parts[idx-1].Tag) ||
			(idx > 0 && tok.Tag == "CD" && parts[idx-1].Label != "O") {
			end = strings.Replace(label, "B", "I", 1)
			parts = append(parts, tok)
			idx++
		} else if (label == "O" && end != "") || label == end {
			// We've found the end of an entity.
			if label != "O" {
				parts = append(parts, tok)
			}
			entities = append(entities, coalesce(parts))

			end = ""
			parts = []*Token{}
			idx = 0
		}
	}

	return entities
}

// wordFeats are the per-token feature values that do not depend on the
// labels already given: computed once per token.
type wordFeats struct {
	lower, shape, basic, suffix3, prefix3 string
}

// classify labels the tokens as upstream's classify: for each token, the
// label whose joint features weigh most given the words, the tags and the
// labels before it.
func (e *entityExtracter) classify(tokens []*Token) []*Token {
	m := e.model
	n := len(tokens)
	wf := make([]wordFeats, n)
	for i, t := range tokens {
		w := t.Text
		lower := strings.ToLower(w)
		wf[i] = wordFeats{
			lower:   lower,
			shape:   shape(w, lower),
			basic:   isBasic(w),
			suffix3: nSuffix(w, lower, 3),
			prefix3: nPrefix(w, lower, 3),
		}
	}
	history := make([]string, 0, n)
	totals := make([]float64, len(m.labels))
	key := make([]byte, 0, 128)

	// feat adds the weights of input feature name-val to the totals; the
	// calls below go in featureOrder, the order upstream sums them in.
	feat := func(name, val string) {
		key = append(append(append(key[:0], name...), '-'), val...)
		m.lookup(key, totals)
	}
	for i := 0; i < n; i++ {
		clear(totals)
		f := &wf[i]
		word := tokens[i].Text
		pos := tokens[i].Tag
		prevtag, prevword, prevpos, prevShape := "None", "None", "None", "None"
		if i > 0 {
			prevword = wf[i-1].lower
			prevpos = tokens[i-1].Tag
			prevtag = history[i-1]
		}
		if i > 1 {
			prevShape = wf[i-1].shape
		}
		nextword, nextpos := "None", "None"
		if i < n-1 {
			nextword = wf[i+1].lower
			nextpos = lowerTag(tokens[i+1].Tag)
		}
		// The "x+y" features are written in place (upstream: strings.Join).
		feat("bias", "True")
		feat("en-wordlist", f.basic)
		feat("nextpos", nextpos)
		feat("nextword", nextword)
		feat("pos", pos)
		key = append(append(append(append(append(key[:0], "pos+prevtag"...), '-'), pos...), '+'), prevtag...)
		m.lookup(key, totals)
		feat("prefix3", f.prefix3)
		feat("prevpos", prevpos)
		feat("prevtag", prevtag)
		feat("prevword", prevword)
		feat("shape", f.shape)
		key = append(append(append(append(append(key[:0], "shape+prevtag"...), '-'), prevShape...), '+'), prevtag...)
		m.lookup(key, totals)
		feat("suffix3", f.suffix3)
		feat("word", word)
		key = append(append(append(append(append(key[:0], "word+nextpos"...), '-'), f.lower...), '+'), nextpos...)
		m.lookup(key, totals)
		feat("word.lower", f.lower)
		feat("wordlen", strconv.Itoa(len(word)))

		best, label := math.Inf(-1), ""
		for li, v := range totals {
			if v > best {
				best, label = v, m.labels[li]
			}
		}
		tokens[i].Label = label
		history = append(history, m.simpleOf(label))
	}
	return tokens
}

// lookup adds the weights of input feature key to totals.
func (m *binaryMaxentClassifier) lookup(key []byte, totals []float64) {
	for _, lw := range m.index[string(key)] {
		totals[lw.label] += lw.weight
	}
}

// simpleOf is simplePOS(label) for a known label without allocating.
func (m *binaryMaxentClassifier) simpleOf(label string) string {
	for i, l := range m.labels {
		if l == label {
			return m.simple[i]
		}
	}
	return simplePOS(label)
}

// lowerTag is strings.ToLower for a POS tag; tags are upper-case ASCII, so
// the common ones are answered without allocating.
func lowerTag(tag string) string {
	if l, ok := lowerTags[tag]; ok {
		return l
	}
	return strings.ToLower(tag)
}

var lowerTags = func() map[string]string {
	m := map[string]string{}
	for _, t := range []string{"(", ")", ",", "--", ".", ":", "``", "''", "$", "#", "-", "-NONE-", "SYM",
		"CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNP", "NNPS",
		"NNS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "TO", "UH", "VB", "VBD",
		"VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB"} {
		m[t] = strings.ToLower(t)
	}
	return m
}()

func simplePOS(pos string) string {
	if strings.HasPrefix(pos, "V") {
		return "v"
	}
	return strings.Split(pos, "-")[0]
}

func parseEntities(ents []string) string {
	if stringInSlice("B-PERSON", ents) && len(ents) == 2 {
		// PERSON takes precedence because it's hard to identify.
		return "PERSON"
	}
	return strings.Split(ents[0], "-")[1]
}

func coalesce(parts []*Token) Entity {
	length := len(parts)
	labels := make([]string, length)
	tokens := make([]string, length)
	for i, tok := range parts {
		tokens[i] = tok.Text
		labels[i] = tok.Label
	}
	return Entity{
		Label: parseEntities(labels),
		Text:  strings.Join(tokens, " "),
	}
}
