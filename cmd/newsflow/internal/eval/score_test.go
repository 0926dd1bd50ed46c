package eval

import (
	"context"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

func ptr(s string) *string { return &s }

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"outer punctuation", `  "In Iraq,"  `, "in iraq"},
		{"curly quotes and spaces", "“We’ve\n long  maintained”", "we've long maintained"},
		{"nfkc", "ﬁne", "fine"},
		{"inner punctuation kept", "U.S.-led", "u.s.-led"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := fold(tc.in); got != tc.want {
				t.Fatalf("fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// The expected ratios were computed with Python's
// difflib.SequenceMatcher(None, a, b, autojunk=False) on the folded texts.
func TestOverlapMatchesDifflib(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want float64
	}{
		{"identical", "the presence of militias", "The presence of militias,", 1},
		{"prefix", "abcd", "abcdefgh", 0.5},
		{"crossing blocks", "abxcd", "cdxab", 0.4},  // blocks "ab" only: 2/5
		{"tie takes earliest", "aaab", "abaa", 0.5}, // "ab" first, then nothing fits: 2 of 4
		{"disjoint", "xyz", "abc", 0},
		{"empty", "", "abc", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := overlap(tc.a, tc.b); math.Abs(got-tc.want) > 1e-9 {
				t.Fatalf("overlap(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestSpeakerOK(t *testing.T) {
	helvey := GoldQuote{Speaker: ptr("David Helvey"), SpeakerAliases: []string{"Helvey"}, SpeakerType: ptr("PERSON")}
	spox := GoldQuote{Speaker: ptr("State Department spokeswoman"), SpeakerAliases: []string{"the spokeswoman"}, SpeakerType: ptr("PERSON")}
	unnamed := GoldQuote{Speaker: ptr("ministry spokesman"), SpeakerType: ptr("PERSON")}
	none := GoldQuote{}
	tests := []struct {
		name string
		g    GoldQuote
		pred string
		want bool
	}{
		{"exact", helvey, "David Helvey", true},
		{"alias case-folded", helvey, "helvey", true},
		{"last name of a person", helvey, "Mr. Helvey", true},
		{"other person", helvey, "Mike Pompeo", false},
		{"article dropped", spox, "spokeswoman", true},
		{"named description needs a form", spox, "a department spokeswoman", false},
		{"head noun of unnamed", unnamed, "a foreign ministry spokesman", true},
		{"wrong head", spox, "official", false},
		{"no speaker, none predicted", none, "", true},
		{"no speaker, one predicted", none, "Trump", false},
		{"missing prediction", helvey, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := speakerOK(tc.g, tc.pred); got != tc.want {
				t.Fatalf("speakerOK(%q) = %v, want %v", tc.pred, got, tc.want)
			}
		})
	}
}

func TestScore(t *testing.T) {
	gold := &Gold{
		HasQuotes: true,
		Quotes: []GoldQuote{
			{Text: "We've long maintained that our force presence in Afghanistan is conditions-based,", Speaker: ptr("David Helvey"), SpeakerType: ptr("PERSON")},
			{Text: "a danger not only to us", Speaker: ptr("State Department spokeswoman"), SpeakerType: ptr("PERSON")},
		},
		Entities: []GoldEntity{
			{Name: "Mike Pompeo", Type: "PERSON", Aliases: []string{"Pompeo"}},
			{Name: "United States", Type: "GPE", Aliases: []string{"U.S."}},
			{Name: "Middle East", Type: "LOC"},
			{Name: "Iraqi", Type: "NORP"},
		},
	}
	tests := []struct {
		name                          string
		gold                          *Gold
		pred                          article.Article
		tp, fp, fn, quotes, speakerOK int
	}{
		{
			name: "all right, place types interchangeable, match by mention text",
			gold: gold,
			pred: article.Article{
				Quotes: []article.Quote{{Text: "We’ve long maintained that our force presence in Afghanistan is conditions-based", Speaker: "Helvey"}},
				Entities: []article.Entity{
					{Name: "Pompeo", Type: "PERSON"},
					{Name: "America", Type: "GPE", Mentions: []article.Mention{{Text: "U.S."}}},
					{Name: "Middle East", Type: "GPE"},
					{Name: "Iraqi", Type: "NORP"},
				},
			},
			tp: 4, quotes: 1, speakerOK: 1, fn: 0,
		},
		{
			name: "wrong type, unmatched NORP counts when gold has NORP",
			gold: gold,
			pred: article.Article{Entities: []article.Entity{
				{Name: "Mike Pompeo", Type: "ORG"},
				{Name: "Russian", Type: "NORP"},
				{Name: "United States", Type: "ORGANIZATION"},
			}},
			tp: 0, fp: 3, fn: 4,
		},
		{
			name: "GUM gold: no quotes scored, NORP not a false positive",
			gold: &Gold{Source: "GUM V11", Entities: []GoldEntity{{Name: "Toronto", Type: "GPE"}}},
			pred: article.Article{
				Quotes:   []article.Quote{{Text: "anything at all here"}},
				Entities: []article.Entity{{Name: "Toronto", Type: "GPE"}, {Name: "Canadian", Type: "NORP"}, {Name: "Expo", Type: "ORG"}},
			},
			tp: 1, fp: 1, fn: 0,
		},
		{
			name: "one prediction cannot match two gold entities",
			gold: &Gold{Entities: []GoldEntity{{Name: "Trump", Type: "PERSON"}, {Name: "Donald Trump", Type: "PERSON", Aliases: []string{"Trump"}}}},
			pred: article.Article{Entities: []article.Entity{{Name: "Donald Trump", Type: "PERSON", Aliases: []string{"Trump"}}}},
			tp:   1, fn: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Score(tc.gold, tc.pred)
			if s.EntityTP != tc.tp || s.EntityFP != tc.fp || s.EntityFN != tc.fn {
				t.Errorf("entities tp/fp/fn = %d/%d/%d, want %d/%d/%d", s.EntityTP, s.EntityFP, s.EntityFN, tc.tp, tc.fp, tc.fn)
			}
			if s.MatchedQuotes != tc.quotes || s.SpeakerOK != tc.speakerOK {
				t.Errorf("quotes matched %d speaker %d, want %d %d", s.MatchedQuotes, s.SpeakerOK, tc.quotes, tc.speakerOK)
			}
		})
	}
}

func TestRunAndWrite(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Head\n\nMonday, January 7, 2019\n\nMike Pompeo said \"we are ready to go now\" today.")
	write("a.gold.json", `{"quotes":[{"text":"we are ready to go now","speaker":"Mike Pompeo","speaker_type":"PERSON"}],"entities":[{"name":"Mike Pompeo","type":"PERSON"}]}`)
	write("sub/b.txt", "Head\n\nBody.")
	write("sub/b.gold.json", `{"source":"GUM x","entities":[{"name":"Paris","type":"GPE"}]}`)
	write("c.gold.json", `{"entities":[]}`) // no text beside it: skipped
	p := func(ctx context.Context, name string, raw []byte) (article.Article, error) {
		a := PlainText(string(raw))
		if name == "a.txt" {
			a.Quotes = []article.Quote{{Text: "we are ready to go now", Speaker: "Pompeo"}}
			a.Entities = []article.Entity{{Name: "Mike Pompeo", Type: "PERSON"}}
		}
		return a, nil
	}
	rep, err := Run(context.Background(), dir, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) != 2 || rep.Articles[0].Name != "a" || rep.Articles[1].Name != "sub/b" {
		t.Fatalf("articles = %+v", rep.Articles)
	}
	if len(rep.Missing) != 1 || rep.Missing[0] != "c.gold.json" {
		t.Errorf("missing texts = %q, want [c.gold.json]", rep.Missing)
	}
	o := rep.Overall
	if o.QuoteF1 != 1 || o.SpeakerAcc != 1 || math.Abs(o.EntityR-0.5) > 1e-9 || o.EntityP != 1 {
		t.Fatalf("overall = %+v", o)
	}
	var b strings.Builder
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "entity_f1=0.667") {
		t.Errorf("report:\n%s", b.String())
	}
	out := t.TempDir()
	if err := rep.WritePredictions(out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "sub", "b.json")); err != nil {
		t.Error(err)
	}
	if _, err := Run(context.Background(), t.TempDir(), p); err == nil {
		t.Error("empty dir: want ErrNoGold")
	}
}

// TestAgreesWithReferenceScorer runs the entity pipeline over the shared gold,
// writes the predictions, and checks that score-gold prints the same
// per-article entity F1 for every article.
func TestAgreesWithReferenceScorer(t *testing.T) {
	scorer := filepath.Join(goldDir, "..", "tools", "score-gold")
	if _, err := os.Stat(scorer); err != nil {
		t.Fatalf("reference scorer: %v (../shared must be beside the repository)", err)
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	rep, err := Run(context.Background(), goldDir, entityPipeline(t))
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := rep.WritePredictions(out); err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`^(\S+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+(\d+)/(\d+)\s+([\d.]+)$`)
	ref := map[string]string{}
	for _, sub := range []string{"", "gum"} {
		cmd := exec.Command("python3", scorer, filepath.Join(goldDir, sub), filepath.Join(out, sub))
		b, err := cmd.Output()
		if err != nil {
			t.Fatalf("score-gold: %v", err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if m := row.FindStringSubmatch(l); m != nil {
				ref[filepath.ToSlash(filepath.Join(sub, m[1]))] = m[4] + " " + m[5] + "/" + m[6] + " " + m[7]
			}
		}
	}
	if len(ref) != len(rep.Articles) {
		t.Fatalf("reference scored %d articles, we scored %d", len(ref), len(rep.Articles))
	}
	for _, a := range rep.Articles {
		got := strconv.FormatFloat(a.QuoteF1, 'f', 3, 64) + " " + strconv.Itoa(a.SpeakerOK) + "/" + strconv.Itoa(a.MatchedQuotes) + " " + strconv.FormatFloat(a.EntityF1, 'f', 3, 64)
		if ref[a.Name] != got {
			t.Errorf("%s: score-gold %q, eval %q", a.Name, ref[a.Name], got)
		}
	}
}

// TestWriteShowsNothingToScore: an article with no quotes in its gold and
// none found (a GUM article: entity gold only) shows "-" for its quote
// scores, not 0.000; one with quotes shows its figures; the last line is
// the totals line, lowest article's entity F1 included.
func TestWriteShowsNothingToScore(t *testing.T) {
	r := &Report{Overall: Summary{Articles: 2}, Articles: []ArticleScore{
		{Name: "entities-only", EntityTP: 3, EntityFP: 1, EntityP: 0.75, EntityR: 1, EntityF1: 0.857},
		{Name: "with-quotes", GoldQuotes: 2, PredQuotes: 2, MatchedQuotes: 2, SpeakerOK: 2, QuoteP: 1, QuoteR: 1, QuoteF1: 1},
	}}
	var b strings.Builder
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(rows) != 4 {
		t.Fatalf("%d lines, want a header, two rows and the totals:\n%s", len(rows), b.String())
	}
	for _, tc := range []struct {
		row  string
		want []string
	}{
		{rows[1], []string{"entities-only", "0", "0", "-", "-", "-", "0/0", "0.750", "1.000", "0.857"}},
		{rows[2], []string{"with-quotes", "2", "2", "1.000", "1.000", "1.000", "2/2", "-", "-", "-"}},
	} {
		if got := strings.Fields(tc.row); !slices.Equal(got, tc.want) {
			t.Errorf("row %q, want %q", got, tc.want)
		}
	}
	if !strings.HasPrefix(rows[3], "articles=2 ") || !strings.Contains(rows[3], "lowest_entity_f1=") {
		t.Errorf("totals line %q", rows[3])
	}
}

// TestReadGoldRefusesBadFiles: a gold file that breaks the guidelines (a
// quote key misspelt, a type they do not define, a type key misspelt) is
// refused with what is wrong, not scored as newsflow's errors.
func TestReadGoldRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, gold, want string
	}{
		{"quote without text", `{"quotes": [{"txt": "We are close,", "speaker": "Ana Lind"}], "entities": []}`, "quote 1 has no text"},
		{"type not in the guidelines", `{"entities": [{"name": "Ana Lind", "type": "PER"}]}`, `type "PER"`},
		{"type key misspelt", `{"entities": [{"name": "Oslo", "tpye": "GPE"}]}`, `entity 1 ("Oslo")`},
		{"speaker type not in the guidelines", `{"quotes": [{"text": "We are close,", "speaker": "Ana Lind", "speaker_type": "PER"}]}`, "speaker_type"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, "a.gold.json")
			if err := os.WriteFile(path, []byte(tc.gold), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := ReadGold(path)
			if !errors.Is(err, ErrBadGold) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want ErrBadGold naming %q", err, tc.want)
			}
		})
	}
	ok := filepath.Join(dir, "ok.gold.json")
	if err := os.WriteFile(ok, []byte(`{"quotes": [{"text": "We are close,", "speaker": null, "speaker_type": null}], "entities": [{"name": "Oslo", "type": "GPE"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadGold(ok); err != nil {
		t.Errorf("a gold file of the guidelines: %v", err)
	}
}
