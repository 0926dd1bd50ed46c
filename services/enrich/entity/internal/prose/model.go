package prose

import "fmt"

// A Model holds prose's default English tagger and entity classifier. It is
// read-only after NewModel and may be shared by any number of goroutines.
type Model struct {
	Name string

	tagger    *perceptronTagger
	extracter *entityExtracter
}

// NewModel loads prose's default English model (upstream's "en-v2.0.0").
// It takes a fraction of a second; load it once and share it.
func NewModel() (*Model, error) {
	tagger, err := newPerceptronTagger()
	if err != nil {
		return nil, fmt.Errorf("prose tagger: %w", err)
	}
	extracter, err := newEntityExtracter()
	if err != nil {
		return nil, fmt.Errorf("prose entity model: %w", err)
	}
	return &Model{Name: "en-v2.0.0", tagger: tagger, extracter: extracter}, nil
}
