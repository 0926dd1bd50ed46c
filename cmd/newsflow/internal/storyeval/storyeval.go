// Package storyeval measures how well newsflow recognises copies and
// stories: a test set of near-duplicates generated from a corpus (new
// headline, paragraphs dropped or reordered, words changed, boilerplate
// added), replayed in a shuffled order with the corpus's other articles as
// negatives, and hand-checked groups of real articles on one event.
package storyeval

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsflow/newsflow/cmd/newsflow/internal/pipeline"
	"github.com/newsflow/newsflow/pkg/article"
	"github.com/newsflow/newsflow/services/enrich/story"
)

// ErrCorpus reports a corpus the evaluation cannot use.
var ErrCorpus = errors.New("storyeval: unusable corpus")

// Row is one corpus article.
type Row struct {
	Index int
	Name  string // wikinews-2019-NNN, the name gold files use
	URL   string
	Title string
	Text  string
}

// LoadCorpus reads a CSV with the columns url, date, title and text,
// leaving out the rows whose Name is in exclude.
func LoadCorpus(path string, exclude map[string]bool) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	var rows []Row
	for i, rec := range recs[min(1, len(recs)):] {
		if len(rec) < 4 || strings.TrimSpace(rec[3]) == "" {
			continue
		}
		name := fmt.Sprintf("wikinews-2019-%03d", i)
		if exclude[name] {
			continue
		}
		rows = append(rows, Row{Index: i, Name: name, URL: rec[0], Title: strings.TrimSpace(rec[2]), Text: strings.TrimSpace(rec[3])})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%w: %s has no articles", ErrCorpus, path)
	}
	return rows, nil
}

// ErrHeldOut is returned when the held-out directory holds no gold files.
var ErrHeldOut = errors.New("storyeval: no held-out gold")

// HeldOut returns the article names of a gold directory (NAME.gold.json),
// to leave out of the evaluation; "" leaves none out, and a directory
// without gold files is an error (a mistyped path must not quietly let
// held-out articles in).
func HeldOut(dir string) (map[string]bool, error) {
	if dir == "" {
		return map[string]bool{}, nil
	}
	m, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil {
		return nil, fmt.Errorf("held-out: %w", err)
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("%w: no *.gold.json in %s (--held-out DIR names the gold whose articles are left out of the corpus; --held-out \"\" leaves none out)", ErrHeldOut, dir)
	}
	out := map[string]bool{}
	for _, p := range m {
		out[strings.TrimSuffix(filepath.Base(p), ".gold.json")] = true
	}
	return out, nil
}

//go:embed story-groups.txt
var groupsFile []byte

// Groups returns the hand-checked story groups of the Wikinews 2019 corpus
// (story-groups.txt).
func Groups() ([][]string, error) { return ReadGroups(bytes.NewReader(groupsFile)) }

// LoadCorpusExcept is LoadCorpus leaving out the articles of the gold
// directory heldOutDir (HeldOut): the corpus the evaluations may use.
func LoadCorpusExcept(corpusPath, heldOutDir string) ([]Row, error) {
	ex, err := HeldOut(heldOutDir)
	if err != nil {
		return nil, err
	}
	return LoadCorpus(corpusPath, ex)
}

// ReadGroups reads a story-groups file: corpus URLs, one per line, groups
// separated by blank lines, '#' comments.
func ReadGroups(r io.Reader) ([][]string, error) {
	var groups [][]string
	var cur []string
	sc := bufio.NewScanner(r)
	flush := func() {
		if len(cur) > 0 {
			groups = append(groups, cur)
			cur = nil
		}
	}
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "#"):
		case line == "":
			flush()
		default:
			cur = append(cur, line)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("story groups: %w", err)
	}
	return groups, nil
}

// Sample is one article of the generated set: an original (Variant
// "original") or a variant of one, in the family of its original.
type Sample struct {
	Family  int
	Variant string
	Raw     string // "title\n\nbody" as dropped
}

// Variant kinds of the generated set.
var Variants = []string{"headline", "drop_first", "drop_last", "reorder", "words", "boilerplate"}

// paragraphs splits a corpus text into its paragraphs (blank-line separated).
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Generate makes the duplicate test set from the rows with at least five
// paragraphs (a date line and four of text), up to n originals: each
// original and one variant of each kind. Every other original is a
// negative for it; originals that share their main entities are the hard
// negatives the report counts apart.
func Generate(rows []Row, n int, seed uint64) []Sample {
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	var pool []string // words to change others into
	for _, r := range rows {
		pool = append(pool, strings.Fields(r.Text)...)
	}
	var out []Sample
	fam := 0
	for _, r := range rows {
		ps := paragraphs(r.Text)
		if len(ps) < 5 || fam >= n {
			continue
		}
		// The first paragraph is the date line: keep it first in every variant.
		date, body := ps[0], ps[1:]
		mk := func(kind, title string, body []string) {
			out = append(out, Sample{Family: fam, Variant: kind,
				Raw: title + "\n\n" + date + "\n\n" + strings.Join(body, "\n\n") + "\n"})
		}
		mk("original", r.Title, body)
		mk("headline", "UPDATED: "+newHeadline(r.Title, rng), body)
		mk("drop_first", r.Title+" (short)", body[1:])
		mk("drop_last", r.Title+" (trimmed)", body[:len(body)-1])
		re := append([]string(nil), body...)
		for re[0] == body[0] { // a different order from the first paragraph on
			rng.Shuffle(len(re), func(i, j int) { re[i], re[j] = re[j], re[i] })
		}
		mk("reorder", r.Title+" (reordered)", re)
		rate := 0.05 + 0.10*rng.Float64()
		ch := make([]string, len(body))
		for i, p := range body {
			ws := strings.Fields(p)
			for k := range ws {
				if rng.Float64() < rate {
					ws[k] = pool[rng.IntN(len(pool))]
				}
			}
			ch[i] = strings.Join(ws, " ")
		}
		mk("words", r.Title+" (edited)", ch)
		bp := boilerplates[rng.IntN(len(boilerplates))]
		mk("boilerplate", r.Title, append(append([]string{bp[0]}, body...), bp[1:]...))
		fam++
	}
	return out
}

// newHeadline rewrites a headline: its words in another order, so that no
// title of the set repeats another's.
func newHeadline(t string, rng *rand.Rand) string {
	ws := strings.Fields(t)
	rng.Shuffle(len(ws), func(i, j int) { ws[i], ws[j] = ws[j], ws[i] })
	return strings.Join(ws, " ")
}

// boilerplates are the lines an outlet wraps a syndicated story in: a lead
// line, then closing lines.
var boilerplates = [][]string{
	{"By our correspondent | The Daily Ledger", "This story was first published by a partner news agency and is republished with permission.", "© 2019 The Daily Ledger. All rights reserved. Sign up for our morning newsletter to get the day's top stories in your inbox."},
	{"(Reuters wire via Metro Courier)", "Reporting by staff; editing by the news desk.", "Follow Metro Courier on social media for breaking news alerts. Comments on this article have been closed."},
	{"Posted in World News. Updated 3 hours ago.", "Have a story tip? Email our newsroom; we read every message.", "Advertisement. Continue reading below. Related: more stories from this region."},
}

// Process turns one raw article into an enriched one (parse and enrich).
type Process func(ctx context.Context, raw string) (article.Article, error)

// FromLocal returns the Process that parses and enriches each raw text
// in-process with l.
func FromLocal(l *pipeline.Local) Process {
	return func(ctx context.Context, raw string) (article.Article, error) {
		return l.ProcessText(ctx, "article.txt", []byte(raw))
	}
}

// DupReport is the score of copy recognition on the generated set.
type DupReport struct {
	Samples  int `json:"samples"`
	Families int `json:"families"`
	// Links counts articles marked duplicate_of; Correct those that point
	// into their own family.
	Links     int     `json:"links"`
	Correct   int     `json:"correct"`
	Expected  int     `json:"expected"` // family size - 1, summed
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	// RecallByVariant is the share of each variant kind linked into its
	// family (or linked to by its original when the variant came first).
	RecallByVariant map[string]float64 `json:"recall_by_variant"`
	// HardNegatives counts pairs of different originals that share a main
	// entity; HardFalse those marked as copies.
	HardNegatives int `json:"hard_negatives"`
	HardFalse     int `json:"hard_false"`
}

// StoryReport is the score of story grouping on the corpus against the
// hand-checked groups (pairwise).
type StoryReport struct {
	Articles  int     `json:"articles"`
	Groups    int     `json:"groups"`
	TruePairs int     `json:"true_pairs"`
	PredPairs int     `json:"pred_pairs"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	// Wrong lists the titles of pairs grouped wrongly or missed, to read.
	Wrong []string `json:"wrong,omitempty"`
}

// Duplicates enriches every sample, replays them into one story index in a
// shuffled order (a variant may come before its original) and scores the
// duplicate_of links.
func Duplicates(ctx context.Context, p Process, cfg story.Config, samples []Sample, seed uint64) (DupReport, error) {
	ix, err := story.NewIndex(cfg)
	if err != nil {
		return DupReport{}, err
	}
	c := cfg.WithDefaults()
	arts := make([]article.Article, len(samples))
	for i, s := range samples {
		a, err := p(ctx, s.Raw)
		if err != nil {
			return DupReport{}, fmt.Errorf("sample %d (%s): %w", i, s.Variant, err)
		}
		arts[i] = a
	}
	order := rand.New(rand.NewPCG(seed, ^seed)).Perm(len(samples))
	fam := map[string]int{}
	kind := map[string]string{}
	dec := map[string]story.Decision{}
	for seq, i := range order {
		a := arts[i]
		if _, dup := fam[a.ID]; dup {
			return DupReport{}, fmt.Errorf("%w: two samples with id %s", ErrCorpus, a.ID)
		}
		fam[a.ID], kind[a.ID] = samples[i].Family, samples[i].Variant
		rec := story.NewRecord(&a, c)
		dec[a.ID] = ix.Apply(uint64(seq+1), rec)
	}
	r := DupReport{Samples: len(samples), RecallByVariant: map[string]float64{}}
	size := map[int]int{}
	for _, s := range samples {
		size[s.Family]++
	}
	r.Families = len(size)
	for _, n := range size {
		r.Expected += n - 1
	}
	// A family is recognised member by member: each member but the first
	// seen should point into the family. By variant: a variant counts as
	// found when it is linked with its original's family either way.
	linked := map[string]bool{}
	for id, d := range dec {
		if d.DuplicateOf == "" {
			continue
		}
		r.Links++
		if fam[d.DuplicateOf] == fam[id] {
			r.Correct++
			linked[id], linked[d.DuplicateOf] = true, true
		}
	}
	byKind, ofKind := map[string]int{}, map[string]int{}
	for id, k := range kind {
		if k == "original" {
			continue
		}
		ofKind[k]++
		if linked[id] {
			byKind[k]++
		}
	}
	for k, n := range ofKind {
		r.RecallByVariant[k] = float64(byKind[k]) / float64(n)
	}
	if r.Links > 0 {
		r.Precision = float64(r.Correct) / float64(r.Links)
	}
	if r.Expected > 0 {
		r.Recall = float64(r.Correct) / float64(r.Expected)
	}
	// Hard negatives: originals of different families sharing a main entity.
	var origs []int
	for i, s := range samples {
		if s.Variant == "original" {
			origs = append(origs, i)
		}
	}
	for x := 0; x < len(origs); x++ {
		for y := x + 1; y < len(origs); y++ {
			a, b := arts[origs[x]], arts[origs[y]]
			if !shareMain(a, b) {
				continue
			}
			r.HardNegatives++
			if dec[a.ID].DuplicateOf == b.ID || dec[b.ID].DuplicateOf == a.ID {
				r.HardFalse++
			}
		}
	}
	return r, nil
}

// shareMain reports whether two articles share one of their three most
// mentioned entities.
func shareMain(a, b article.Article) bool {
	top := func(es []article.Entity) map[string]bool {
		s := append([]article.Entity(nil), es...)
		sort.SliceStable(s, func(i, j int) bool { return s[i].Count > s[j].Count })
		m := map[string]bool{}
		for i := 0; i < len(s) && i < 3; i++ {
			if s[i].Type != article.TypeNORP {
				m[s[i].Type+":"+s[i].Name] = true
			}
		}
		return m
	}
	ta := top(a.Entities)
	for k := range top(b.Entities) {
		if ta[k] {
			return true
		}
	}
	return false
}

// Stories replays the corpus in its order into one story index and scores
// the story ids pairwise against the hand-checked groups.
func Stories(ctx context.Context, p Process, cfg story.Config, rows []Row, groups [][]string) (StoryReport, error) {
	ix, err := story.NewIndex(cfg)
	if err != nil {
		return StoryReport{}, err
	}
	c := cfg.WithDefaults()
	group := map[string]int{}
	for gi, g := range groups {
		for _, u := range g {
			group[u] = gi + 1
		}
	}
	r := StoryReport{Articles: len(rows), Groups: len(groups)}
	storyOf := make([]string, len(rows))
	for i, row := range rows {
		a, err := p(ctx, row.Title+"\n\n"+row.Text+"\n")
		if err != nil {
			return StoryReport{}, fmt.Errorf("corpus %s: %w", row.Name, err)
		}
		rec := story.NewRecord(&a, c)
		storyOf[i] = ix.Apply(uint64(i+1), rec).StoryID
	}
	found := 0
	for _, g := range groups {
		for _, u := range g {
			for _, row := range rows {
				if row.URL == u {
					found++
				}
			}
		}
	}
	if n := len(group); found != n {
		return StoryReport{}, fmt.Errorf("%w: %d of the %d grouped URLs are in the corpus", ErrCorpus, found, n)
	}
	for i := range rows {
		for j := i + 1; j < len(rows); j++ {
			same := storyOf[i] == storyOf[j]
			truth := group[rows[i].URL] != 0 && group[rows[i].URL] == group[rows[j].URL]
			if truth {
				r.TruePairs++
			}
			if same {
				r.PredPairs++
			}
			if same && truth {
				r.Correct++
			}
			if same != truth {
				tag := "grouped wrongly"
				if truth {
					tag = "missed"
				}
				r.Wrong = append(r.Wrong, fmt.Sprintf("%s: %q / %q", tag, rows[i].Title, rows[j].Title))
			}
		}
	}
	if r.PredPairs > 0 {
		r.Precision = float64(r.Correct) / float64(r.PredPairs)
	}
	if r.TruePairs > 0 {
		r.Recall = float64(r.Correct) / float64(r.TruePairs)
	}
	return r, nil
}
