package quote

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/newsflow/newsflow/pkg/article"
)

// sharedDir is ../shared relative to the repository root.
const sharedDir = "../../../../shared"

// goldArticle is one gold text with its annotations.
type goldArticle struct {
	name   string
	body   string
	paras  int
	quotes []goldQuote
	ents   []goldEntity
}

type goldQuote struct {
	Text           string   `json:"text"`
	Speaker        *string  `json:"speaker"`
	SpeakerAliases []string `json:"speaker_aliases"`
	SpeakerType    *string  `json:"speaker_type"`
	Cue            *string  `json:"cue"`
}

type goldEntity struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Aliases []string `json:"aliases"`
}

var dateLine = regexp.MustCompile(`(?i)\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+\d{4}\s*$`)

// readArticleText is the dev reader for the gold texts: headline, then
// front matter up to a dateline line, then paragraphs; "██" map legends and
// a trailing "Published under:" line dropped.
func readArticleText(t testing.TB, raw string) string {
	t.Helper()
	var blocks [][]string
	var cur []string
	for _, line := range strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "██") {
			continue
		}
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	if len(blocks) == 0 {
		return ""
	}
	blocks = blocks[1:] // headline
	for i, b := range blocks {
		if i > 4 {
			break
		}
		if dateLine.MatchString(strings.TrimSpace(b[len(b)-1])) {
			blocks = blocks[i+1:]
			break
		}
	}
	var paras []string
	for _, b := range blocks {
		p := strings.TrimSpace(strings.Join(b, " "))
		if strings.HasPrefix(p, "Published under:") {
			continue
		}
		paras = append(paras, p)
	}
	return strings.Join(paras, "\n\n")
}

func loadGold(t testing.TB) []goldArticle {
	t.Helper()
	return loadGoldDir(t, filepath.Join(sharedDir, "gold"))
}

// devDir holds the held-out dev set: Wikinews 2019 corpus articles outside
// the gold, annotated for quotes by hand (see testdata/dev/ATTRIBUTION.md).
const devDir = "testdata/dev"

// loadGoldDir reads every NAME.gold.json of dir with its NAME.txt.
func loadGoldDir(t testing.TB, dir string) []goldArticle {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if len(files) == 0 {
		t.Fatalf("no gold under %s (../shared or testdata missing)", dir)
	}
	var out []goldArticle
	for _, f := range files {
		var g struct {
			Parsed struct {
				Paragraphs int `json:"paragraphs"`
			} `json:"parsed"`
			Quotes   []goldQuote  `json:"quotes"`
			Entities []goldEntity `json:"entities"`
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".gold.json")
		txt, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, goldArticle{name: name, body: readArticleText(t, string(txt)), paras: g.Parsed.Paragraphs, quotes: g.Quotes, ents: g.Entities})
	}
	return out
}

// goldEntities turns gold entities into entity-package-like entities with
// mentions found by string search, as a stand-in for a good entity tagger.
func goldEntities(body string, ges []goldEntity) []article.Entity {
	type form struct {
		s   string
		ent int
	}
	var forms []form
	for i, g := range ges {
		forms = append(forms, form{g.Name, i})
		for _, a := range g.Aliases {
			forms = append(forms, form{a, i})
		}
	}
	sort.SliceStable(forms, func(a, b int) bool { return len(forms[a].s) > len(forms[b].s) })
	taken := make([]bool, len(body))
	ents := make([]article.Entity, len(ges))
	for i, g := range ges {
		ents[i] = article.Entity{Name: g.Name, Type: g.Type, Aliases: g.Aliases}
	}
	for _, f := range forms {
		if f.s == "" {
			continue
		}
		for off := 0; ; {
			i := strings.Index(body[off:], f.s)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(f.s)
			off = e
			if (s > 0 && isAlnumByte(body[s-1])) || (e < len(body) && isAlnumByte(body[e])) {
				continue
			}
			free := true
			for k := s; k < e; k++ {
				free = free && !taken[k]
			}
			if !free {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			ents[f.ent].Mentions = append(ents[f.ent].Mentions, article.Mention{Start: s, End: e, Text: f.s})
		}
	}
	for i := range ents {
		ents[i].Count = len(ents[i].Mentions)
	}
	return ents
}

func isAlnumByte(b byte) bool {
	return b < 0x80 && (unicode.IsLetter(rune(b)) || unicode.IsDigit(rune(b)))
}

// Scoring, after GUIDELINES.md and tools/score-gold.
var edgeRe = regexp.MustCompile(`^[\s"'“”‘’.,;:!?()\[\]-]+|[\s"'“”‘’.,;:!?()\[\]-]+$`)

func fold(s string) string {
	r := strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`)
	s = strings.Join(strings.Fields(r.Replace(s)), " ")
	return strings.ToLower(edgeRe.ReplaceAllString(s, ""))
}

// overlap approximates difflib's matching-blocks ratio with a longest
// common subsequence over runes.
func overlap(a, b string) float64 {
	ra, rb := []rune(fold(a)), []rune(fold(b))
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			switch {
			case ra[i-1] == rb[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(rb)]) / float64(max(len(ra), len(rb)))
}

var detRe = regexp.MustCompile(`^(the|a|an) `)

func speakerOK(g goldQuote, pred string) bool {
	if g.Speaker == nil {
		return pred == ""
	}
	p := detRe.ReplaceAllString(fold(pred), "")
	if p == "" {
		return false
	}
	forms := map[string]bool{fold(*g.Speaker): true}
	for _, a := range g.SpeakerAliases {
		forms[fold(a)] = true
	}
	for f := range forms {
		forms[detRe.ReplaceAllString(f, "")] = true
	}
	if forms[p] {
		return true
	}
	pw := strings.Fields(p)
	if g.SpeakerType != nil && *g.SpeakerType == "PERSON" {
		gw := strings.Fields(fold(*g.Speaker))
		if len(gw) > 0 && pw[len(pw)-1] == gw[len(gw)-1] && !strings.Contains(p, "spokes") {
			return true
		}
	}
	if s := *g.Speaker; s != "" && !unicode.IsUpper([]rune(s)[0]) {
		gw := strings.Fields(fold(s))
		for _, w := range pw {
			if w == gw[len(gw)-1] {
				return true
			}
		}
	}
	return false
}

// score holds the quote figures of one article or of the whole set.
type score struct{ gold, pred, tp, spk int }

func (s score) prf() (p, r, f float64) {
	if s.pred > 0 {
		p = float64(s.tp) / float64(s.pred)
	}
	if s.gold > 0 {
		r = float64(s.tp) / float64(s.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (s score) speakerAcc() float64 {
	if s.tp == 0 {
		return 0
	}
	return float64(s.spk) / float64(s.tp)
}

func scoreArticle(gq []goldQuote, pq []article.Quote, miss func(string)) score {
	s := score{gold: len(gq), pred: len(pq)}
	used := map[int]bool{}
	for _, g := range gq {
		best, bj := 0.0, -1
		for j, p := range pq {
			if used[j] {
				continue
			}
			if o := overlap(g.Text, p.Text); o > best {
				best, bj = o, j
			}
		}
		if bj >= 0 && best >= 0.8 {
			used[bj] = true
			s.tp++
			if speakerOK(g, pq[bj].Speaker) {
				s.spk++
			} else {
				want := "<none>"
				if g.Speaker != nil {
					want = *g.Speaker
				}
				miss("speaker " + pq[bj].Speaker + " want " + want + ": " + trunc(g.Text))
			}
		} else {
			miss("missed: " + trunc(g.Text))
		}
	}
	for j, p := range pq {
		if !used[j] {
			miss("extra: " + trunc(p.Text) + " [" + p.Speaker + "]")
		}
	}
	return s
}

func trunc(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

type goldRun struct {
	name string
	s    score
}

func runGold(t *testing.T, arts []goldArticle, withEnts bool) ([]goldRun, score) {
	t.Helper()
	x := New()
	var rows []goldRun
	var tot score
	for _, a := range arts {
		if a.quotes == nil {
			continue
		}
		var ents []article.Entity
		if withEnts {
			ents = goldEntities(a.body, a.ents)
		}
		qs := x.Extract(a.body, ents)
		s := scoreArticle(a.quotes, qs, func(m string) { t.Logf("%s (ents=%v): %s", a.name, withEnts, m) })
		rows = append(rows, goldRun{a.name, s})
		tot.gold += s.gold
		tot.pred += s.pred
		tot.tp += s.tp
		tot.spk += s.spk
	}
	return rows, tot
}

// TestGoldReport logs a score table over the gold, with no entities and
// with the gold entities standing in for the entity stage, and checks the
// Go scorer against tools/score-gold on the predictions it writes.
func TestGoldReport(t *testing.T) {
	reportSet(t, loadGold(t), filepath.Join(sharedDir, "gold"), []bool{false, true})
}

// TestDevReport logs the same table over the held-out dev set (quotes
// only, so no entity run).
func TestDevReport(t *testing.T) {
	reportSet(t, loadGoldDir(t, devDir), devDir, []bool{false})
}

func reportSet(t *testing.T, arts []goldArticle, goldDir string, entRuns []bool) {
	for _, withEnts := range entRuns {
		rows, tot := runGold(t, arts, withEnts)
		var b strings.Builder
		b.WriteString("\narticle                       gold pred   P     R     F1   speaker\n")
		for _, r := range rows {
			p, rc, f := r.s.prf()
			b.WriteString(fmt.Sprintf("%-28s %4d %4d %.3f %.3f %.3f %d/%d\n", r.name, r.s.gold, r.s.pred, p, rc, f, r.s.spk, r.s.tp))
		}
		p, rc, f := tot.prf()
		b.WriteString(fmt.Sprintf("%-28s %4d %4d %.3f %.3f %.3f %.3f\n", "TOTAL", tot.gold, tot.pred, p, rc, f, tot.speakerAcc()))
		t.Logf("entities=%v%s", withEnts, b.String())
	}
	scorer := filepath.Join(sharedDir, "tools", "score-gold")
	if _, err := exec.LookPath("python3"); err != nil {
		return
	}
	if _, err := os.Stat(scorer); err != nil {
		return
	}
	for _, withEnts := range entRuns {
		dir := t.TempDir()
		x := New()
		for _, a := range arts {
			if a.quotes == nil {
				continue
			}
			var ents []article.Entity
			if withEnts {
				ents = goldEntities(a.body, a.ents)
			}
			doc := map[string]any{"quotes": x.Extract(a.body, ents), "entities": ents}
			b, _ := json.Marshal(doc)
			if err := os.WriteFile(filepath.Join(dir, a.name+".json"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		golds := t.TempDir()
		for _, a := range arts {
			if a.quotes == nil {
				continue
			}
			src := filepath.Join(goldDir, a.name+".gold.json")
			b, _ := os.ReadFile(src)
			_ = os.WriteFile(filepath.Join(golds, a.name+".gold.json"), b, 0o644)
		}
		out, err := exec.Command("python3", scorer, golds, dir).CombinedOutput()
		if err != nil {
			t.Fatalf("score-gold: %v\n%s", err, out)
		}
		t.Logf("score-gold (entities=%v):\n%s", withEnts, out)
	}
}

// TestGoldTargets asserts the targets on the quote gold: quote F1 at
// least 0.95 and speaker accuracy at least 0.90, with and without entities.
func TestGoldTargets(t *testing.T) {
	arts := loadGold(t)
	for _, withEnts := range []bool{false, true} {
		_, tot := runGold(t, arts, withEnts)
		_, _, f := tot.prf()
		if f < 0.95 {
			t.Errorf("entities=%v: quote F1 %.3f < 0.95", withEnts, f)
		}
		if a := tot.speakerAcc(); a < 0.90 {
			t.Errorf("entities=%v: speaker accuracy %.3f < 0.90", withEnts, a)
		}
	}
}
