// Copyright 2013 Matthew Honnibal
//
// Permission is hereby granted, free of charge, to any person obtaining a copy
// of this software and associated documentation files (the "Software"), to deal
// in the Software without restriction, including without limitation the rights
// to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
// copies of the Software, and to permit persons to whom the Software is
// furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in
// all copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
// OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
// THE SOFTWARE.

package prose

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mingrammer/commonregex"
)

var none = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
var keep = regexp.MustCompile(`^\-[A-Z]{3}\-$`)

// classWeight is one class's weight for a feature.
type classWeight struct {
	class  int
	weight float64
}

// averagedPerceptron is a Averaged Perceptron classifier. Read-only after
// newPerceptronTagger.
type averagedPerceptron struct {
	classes []string
	tagMap  map[string]string
	// weights maps a feature key to its class weights (upstream: a map of
	// maps from class name to weight).
	weights map[string][]classWeight
}

// perceptronTagger is a port of Textblob's "fast and accurate" POS tagger.
// See https://github.com/sloria/textblob-aptagger for details.
type perceptronTagger struct {
	model *averagedPerceptron
}

// newPerceptronTagger loads the built-in AveragedPerceptron model.
func newPerceptronTagger() (*perceptronTagger, error) {
	var wts map[string]map[string]float64
	var tags map[string]string
	var classes []string
	if err := decodeAsset("AveragedPerceptron", "classes.gob", &classes); err != nil {
		return nil, err
	}
	if err := decodeAsset("AveragedPerceptron", "tags.gob", &tags); err != nil {
		return nil, err
	}
	if err := decodeAsset("AveragedPerceptron", "weights.gob", &wts); err != nil {
		return nil, err
	}
	m := &averagedPerceptron{tagMap: tags, weights: make(map[string][]classWeight, len(wts))}
	index := map[string]int{}
	classOf := func(c string) int {
		if i, ok := index[c]; ok {
			return i
		}
		index[c] = len(m.classes)
		m.classes = append(m.classes, c)
		return len(m.classes) - 1
	}
	for _, c := range classes {
		classOf(c)
	}
	for feat, ws := range wts {
		cw := make([]classWeight, 0, len(ws))
		for c, w := range ws {
			cw = append(cw, classWeight{classOf(c), w})
		}
		slices.SortFunc(cw, func(a, b classWeight) int { return a.class - b.class })
		m.weights[feat] = cw
	}
	return &perceptronTagger{model: m}, nil
}

// tagScratch is the per-call working space of tag.
type tagScratch struct {
	key     []byte
	scores  []float64
	present []bool
}

// tag takes a slice of words and returns a slice of tagged tokens.
func (pt *perceptronTagger) tag(tokens []*Token) []*Token {
	var tag string
	var found bool

	p1, p2 := "-START-", "-START2-"
	length := len(tokens) + 4
	context := make([]string, length)
	context[0] = p1
	context[1] = p2
	for i, t := range tokens {
		context[i+2] = normalize(t.Text)
	}
	context[length-2] = "-END-"
	context[length-1] = "-END2-"
	s := tagScratch{
		key:     make([]byte, 0, 128),
		scores:  make([]float64, len(pt.model.classes)),
		present: make([]bool, len(pt.model.classes)),
	}
	for i := 0; i < len(tokens); i++ {
		word := tokens[i].Text
		if word == "-" {
			tag = "-"
		} else if _, ok := emoticons[word]; ok {
			tag = "SYM"
		} else if strings.IndexByte(word, '.') >= 0 && commonregex.LinkRegex.MatchString(word) ||
			strings.IndexByte(word, '@') >= 0 && commonregex.EmailRegex.MatchString(word) ||
			strings.HasPrefix(word, "@") {
			// A link always has a '.' and an address an '@'.
			tag = "NN"
		} else if (word == "0" || strings.HasPrefix(word, "*")) && none.MatchString(word) {
			tag = "-NONE-"
		} else if len(word) == 5 && word[0] == '-' && keep.MatchString(word) {
			tag = word
		} else if tag, found = pt.model.tagMap[word]; !found {
			tag = pt.model.predict(&s, i, context, word, p1, p2)
		}
		tokens[i].Tag = tag
		p2 = p1
		p1 = tag
	}

	return tokens
}

// predict scores the features of upstream's featurize and returns the best
// class. Every feature key is distinct, so each counts once.
func (m *averagedPerceptron) predict(s *tagScratch, i int, ctx []string, w, p1, p2 string) string {
	clear(s.scores)
	clear(s.present)
	suf := min(len(w), 3)
	i = min(len(ctx)-2, i+2)
	iminus := min(len(ctx[i-1]), 3)
	iplus := min(len(ctx[i+1]), 3)

	add := func(parts ...string) {
		k := s.key[:0]
		for j, p := range parts {
			if j > 0 {
				k = append(k, ' ')
			}
			k = append(k, p...)
		}
		s.key = k
		m.score(s)
	}
	add("bias")
	add("i suffix", w[len(w)-suf:])
	// upstream: string(w[0]), the byte as a rune.
	s.key = utf8.AppendRune(append(s.key[:0], "i pref1 "...), rune(w[0]))
	m.score(s)
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	add("i word", ctx[i])
	add("i-1 tag+i word", p1, ctx[i])
	add("i-1 word", ctx[i-1])
	add("i-1 suffix", ctx[i-1][len(ctx[i-1])-iminus:])
	add("i-2 word", ctx[i-2])
	add("i+1 word", ctx[i+1])
	add("i+1 suffix", ctx[i+1][len(ctx[i+1])-iplus:])
	add("i+2 word", ctx[i+2])

	var class string
	best := math.Inf(-1)
	for c, v := range s.scores {
		if s.present[c] && v > best {
			best = v
			class = m.classes[c]
		}
	}
	return class
}

// score adds the weights of feature s.key (value 1).
func (m *averagedPerceptron) score(s *tagScratch) {
	for _, cw := range m.weights[string(s.key)] {
		s.scores[cw.class] += cw.weight
		s.present[cw.class] = true
	}
}

func normalize(word string) string {
	if word == "" {
		return word
	}
	if word[0] != '-' && strings.IndexByte(word, '-') >= 0 {
		return "!HYPHEN"
	} else if len(word) == 4 && isAtoi(word) {
		return "!YEAR"
	} else if word[0] >= '0' && word[0] <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

// isAtoi reports whether strconv.Atoi accepts a short (< 19 bytes) s.
func isAtoi(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
