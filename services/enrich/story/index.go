package story

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/newsflow/newsflow/pkg/article"
)

// Config sets the signature, the thresholds and the shared state's bounds.
// The zero value takes the defaults; every instance sharing a bucket must
// use the same signature settings (Shingle, Hashes, Bands).
type Config struct {
	// Shingle is the number of words per shingle (default 2).
	Shingle int
	// Hashes is the MinHash signature length (default 64).
	Hashes int
	// Bands is the number of LSH bands (default 32: 2 rows each).
	Bands int
	// Duplicate is the least estimated Jaccard similarity of two texts'
	// shingles for the later to be a copy of the earlier (default 0.5).
	Duplicate float64
	// An article joins an earlier one's story when, within Window, they
	// share at least StoryEntities of their main entities (default 2), at
	// least StoryHeadline headline words that name an entity (default 1) and
	// at least StoryTerms of the smaller set of key terms (default 0.1).
	StoryEntities, StoryHeadline int
	StoryTerms                   float64
	// Window is how far apart in time (published, else ingested) two
	// articles of one story may be (default 7 days).
	Window time.Duration
	// MaxEntities and MaxTerms bound the story features kept per article
	// (default 10 and 15).
	MaxEntities, MaxTerms int
	// Bucket is the JetStream key-value bucket shared by the instances
	// (default NEWSFLOW_STORIES).
	Bucket string
	// TTL is how long an article's record stays in the bucket and in each
	// instance's index (default 14 days): copies and stories are recognised
	// within it.
	TTL time.Duration
	// Replicas is the bucket's replica count (default 1).
	Replicas int
	// Linger is how long an instance's records may wait for others to go
	// out in one message when articles come faster than that (default
	// 3ms; negative: never). Every message costs the server a block write
	// and each instance a delivery, whatever its size; articles that come
	// one at a time, slower than Linger, never wait.
	Linger time.Duration
}

// ErrConfig reports an invalid Config.
var ErrConfig = errors.New("story: invalid config")

// WithDefaults returns c with every zero field set to its default.
func (c Config) WithDefaults() Config {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&c.Shingle, 2)
	def(&c.Hashes, 64)
	def(&c.Bands, 32)
	def(&c.MaxEntities, 10)
	def(&c.MaxTerms, 15)
	def(&c.Replicas, 1)
	if c.Duplicate == 0 {
		c.Duplicate = 0.5
	}
	def(&c.StoryEntities, 2)
	def(&c.StoryHeadline, 1)
	if c.StoryTerms == 0 {
		c.StoryTerms = 0.1
	}
	if c.Window == 0 {
		c.Window = 7 * 24 * time.Hour
	}
	if c.TTL == 0 {
		c.TTL = 14 * 24 * time.Hour
	}
	if c.Linger == 0 {
		c.Linger = 3 * time.Millisecond
	}
	if c.Bucket == "" {
		c.Bucket = "NEWSFLOW_STORIES"
	}
	return c
}

// ConfigFromEnv reads STORIES ("off" turns copy and story recognition off;
// default on), STORY_TTL (how long articles are remembered, a Go
// duration; default 336h) and STREAM_REPLICAS (the bucket's replicas, as
// the streams') and returns the config with defaults and whether
// recognition is on.
func ConfigFromEnv(getenv func(string) string) (Config, bool, error) {
	var c Config
	on := true
	switch v := getenv("STORIES"); v {
	case "", "on", "true", "1":
	case "off", "false", "0":
		on = false
	default:
		return c, false, fmt.Errorf("%w: STORIES=%q: want on or off", ErrConfig, v)
	}
	// The bucket is replicated like the streams on a cluster.
	if v := getenv("STREAM_REPLICAS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return c, false, fmt.Errorf("%w: STREAM_REPLICAS: %w", ErrConfig, err)
		}
		c.Replicas = n
	}
	if v := getenv("STORY_TTL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return c, false, fmt.Errorf("%w: STORY_TTL: %w", ErrConfig, err)
		}
		c.TTL = d
	}
	c = c.WithDefaults()
	if err := c.Validate(); err != nil {
		return c, false, err
	}
	return c, on, nil
}

// Validate reports the first invalid setting.
func (c Config) Validate() error {
	switch {
	case c.Shingle < 1:
		return fmt.Errorf("%w: shingle %d < 1", ErrConfig, c.Shingle)
	case c.Hashes < 1 || c.Hashes > maxHashes:
		return fmt.Errorf("%w: hashes %d not in 1..%d", ErrConfig, c.Hashes, maxHashes)
	case c.Bands < 1 || c.Hashes%c.Bands != 0:
		return fmt.Errorf("%w: %d bands do not divide %d hashes", ErrConfig, c.Bands, c.Hashes)
	case c.Duplicate <= 0 || c.Duplicate > 1 || c.StoryTerms < 0 || c.StoryTerms > 1 || c.StoryEntities < 1 || c.StoryHeadline < 0:
		return fmt.Errorf("%w: thresholds must be in (0, 1]", ErrConfig)
	case c.Window < 0 || c.TTL <= 0:
		return fmt.Errorf("%w: window and ttl must be positive", ErrConfig)
	case c.Replicas < 1 || c.Replicas > 5:
		return fmt.Errorf("%w: replicas %d not in 1..5", ErrConfig, c.Replicas)
	}
	return nil
}

// Record is what one article leaves in the shared state: its id, its text
// signature, the hashes of its main entities and key terms, and its time.
type Record struct {
	ID       string    `json:"id"`
	Sig      Hashes    `json:"sig"`
	Entities Hashes    `json:"ents,omitempty"`
	Terms    Hashes    `json:"terms,omitempty"`
	Headline Hashes    `json:"head,omitempty"`
	Time     time.Time `json:"t"`
	// Ingested orders versions of one article dated alike, as the store
	// does (its ingestion time in Unix nanoseconds).
	Ingested int64 `json:"v,omitempty"`
}

// newerThan reports a record of a later version of its article than o: a
// later date, or the same and ingested later (a redelivery of an older
// version is not).
func (r Record) newerThan(o Record) bool {
	return r.Time.After(o.Time) || r.Time.Equal(o.Time) && r.Ingested > o.Ingested
}

// Hashes are 32-bit hashes, kept in the bucket as base64 of their
// little-endian bytes: half the size of JSON numbers.
type Hashes []uint32

// MarshalJSON encodes the hashes as one base64 string.
func (h Hashes) MarshalJSON() ([]byte, error) {
	b := make([]byte, 4*len(h))
	for i, v := range h {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return json.Marshal(b)
}

// UnmarshalJSON decodes what MarshalJSON wrote.
func (h *Hashes) UnmarshalJSON(data []byte) error {
	var b []byte
	if err := json.Unmarshal(data, &b); err != nil {
		return fmt.Errorf("story hashes: %w", err)
	}
	if len(b)%4 != 0 {
		return fmt.Errorf("story hashes: %d bytes is not a whole number of hashes", len(b))
	}
	out := make(Hashes, len(b)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	*h = out
	return nil
}

// NewRecord computes an article's record from its body, entities and time.
func NewRecord(a *article.Article, c Config) Record {
	t := a.IngestedAt
	if a.PublishedAt != nil {
		t = *a.PublishedAt
	}
	body := readText(a.Body)
	return Record{
		ID:       a.ID,
		Sig:      minHash(body.hashes, c.Shingle, c.Hashes),
		Entities: entityKeys(a.Entities, c.MaxEntities),
		Terms:    keyTerms(body, c.MaxTerms),
		Headline: headlineTerms(a.Headline, body, a.Entities),
		Time:     t.UTC(),
		Ingested: a.IngestedAt.UnixNano(),
	}
}

// Decision is what the shared state says of one article.
type Decision struct {
	// DuplicateOf is the id of the first-seen article whose text this one
	// nearly repeats, or "".
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Similarity is the estimated Jaccard similarity to that article.
	Similarity float64 `json:"similarity,omitempty"`
	// StoryID is the id of the first article of the story this one belongs to.
	StoryID string `json:"story_id"`
}

// entry is one record in the index, with its place in the shared order.
type entry struct {
	seq uint64
	rec Record
	dec Decision
	// seen is when the record was written (the stream's time, else when
	// the index applied it): it expires TTL after, as in the bucket.
	seen time.Time
	// counted: indexed by add (its bands, entities and headline words
	// counted), which forget undoes.
	counted bool
	// retexted: a version that is other text replaced the article's
	// first, so copies of the old text no longer point at it.
	retexted bool
}

// Index decides copies and stories by replaying records in one order: the
// shared state's sequence. Each decision reads only the records before it,
// so every instance that replays the same sequence makes the same
// decisions, and two copies handled at the same moment by two instances
// still agree on which came first. It is safe for concurrent use.
type Index struct {
	cfg Config
	now func() time.Time

	mu      sync.Mutex
	entries map[uint64]*entry // by seq
	byID    map[string]*entry
	bands   []map[uint64][]uint64 // band -> key -> seqs
	ents    map[uint32][]uint64   // entity hash -> seqs
	df      map[uint32]int        // entity hash -> records that name it
	// hdf counts, per headline word hash, the records whose headline has
	// it, and heads the records counted, copies aside: a copy repeats its
	// original's headline (three outlets running one wire story made its
	// own name too common to join a fourth, other text to the story).
	hdf     map[uint32]int
	heads   int
	applied uint64
	// fifo holds the entries in the order they were applied, so that
	// ApplyAt forgets those expired at its record's time before deciding:
	// the counts (heads, hdf, df) an instance decides with then depend on
	// the stream alone, not on when its sweep last ran.
	fifo   []*entry
	head   int
	lastAt time.Time // the latest time applied
	stale  bool      // posting lists may hold sequences of forgotten entries
}

// NewIndex returns an empty Index for c (with defaults applied).
func NewIndex(c Config) (*Index, error) {
	c = c.WithDefaults()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	ix := &Index{cfg: c, now: time.Now, entries: map[uint64]*entry{}, byID: map[string]*entry{},
		ents: map[uint32][]uint64{}, df: map[uint32]int{}, hdf: map[uint32]int{}}
	ix.bands = make([]map[uint64][]uint64, c.Bands)
	for i := range ix.bands {
		ix.bands[i] = map[uint64][]uint64{}
	}
	return ix, nil
}

// Apply decides rec at position seq from the records before it and adds
// it, as written now (ApplyAt).
func (ix *Index) Apply(seq uint64, rec Record) Decision {
	return ix.ApplyAt(seq, rec, ix.now())
}

// ApplyAt decides rec at position seq, written at the time at, from the
// records before it written within the TTL before at, and adds it. A
// record whose id is already in the index keeps its first decision; seq
// and at must grow from call to call. With the stream's times, every
// instance leaves out the same expired records whenever it replays them.
func (ix *Index) ApplyAt(seq uint64, rec Record, at time.Time) Decision {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if seq > ix.applied {
		ix.applied = seq
	}
	if at.After(ix.lastAt) {
		ix.lastAt = at
	}
	ix.expireAt(at)
	if e, ok := ix.byID[rec.ID]; ok && ix.expired(e, at) {
		// Its record is gone from the bucket: the article is new again.
		ix.forget(e)
	}
	if e, ok := ix.byID[rec.ID]; ok {
		if !ix.replaces(rec, e) {
			return e.dec
		}
		// A new version of the article (an update, a correction): it takes
		// its old text's place in the index, so that later copies are
		// compared with the text the store holds now (a wire copy of the
		// full story was no copy of its first two-line version). A version
		// near its old text keeps the article's decision; one that is
		// other text is decided again, as new: a copy edited into another
		// story stayed a copy of the first, and an original edited so
		// stayed the original its copies named.
		ix.forget(e)
		keys := bandKeys(rec.Sig, ix.cfg.Bands)
		dec, retexted := e.dec, e.retexted
		if len(e.rec.Sig) == ix.cfg.Hashes && similarity(rec.Sig, e.rec.Sig) < ix.cfg.Duplicate {
			dec, retexted = ix.decide(rec, keys, at), true
		} else if o := ix.byID[dec.DuplicateOf]; dec.DuplicateOf != "" && o != nil {
			// A copy stays one only while near its original, not near its
			// own last version: a live blog growing a little at a time
			// stayed the copy of a three-paragraph text it had long
			// outgrown, with that first similarity.
			if sim := similarity(rec.Sig, o.rec.Sig); sim >= ix.cfg.Duplicate {
				dec.Similarity = math.Round(sim*1000) / 1000
			} else {
				dec, retexted = ix.decide(rec, keys, at), true
			}
		}
		ix.add(&entry{seq: seq, rec: rec, dec: dec, seen: at, retexted: retexted}, keys)
		return dec
	}
	if len(rec.Sig) != ix.cfg.Hashes {
		// A record from an instance with other settings cannot be
		// compared; it starts its own story.
		d := Decision{StoryID: rec.ID}
		e := &entry{seq: seq, rec: rec, dec: d, seen: at}
		ix.byID[rec.ID] = e
		ix.fifo = append(ix.fifo, e)
		return d
	}
	keys := bandKeys(rec.Sig, ix.cfg.Bands)
	d := ix.decide(rec, keys, at)
	ix.add(&entry{seq: seq, rec: rec, dec: d, seen: at}, keys)
	return d
}

// expireAt forgets the entries written longer than the TTL before at, in
// the order they were applied (at grows from call to call; a time out of
// order, a new stream leader's clock a little behind, ends the walk early,
// and the expiry checks in ApplyAt and decide still leave such an entry
// out of a decision).
func (ix *Index) expireAt(at time.Time) {
	for ix.head < len(ix.fifo) {
		e := ix.fifo[ix.head]
		if !ix.expired(e, at) {
			break
		}
		// (An entry a new version replaced was forgotten then.)
		if ix.byID[e.rec.ID] == e {
			ix.forget(e)
		}
		ix.fifo[ix.head] = nil
		ix.head++
	}
	if ix.head > 1024 && 2*ix.head > len(ix.fifo) {
		ix.fifo = append([]*entry(nil), ix.fifo[ix.head:]...)
		ix.head = 0
	}
}

// expired reports whether e was written longer than the TTL before at.
func (ix *Index) expired(e *entry, at time.Time) bool {
	return at.Sub(e.seen) > ix.cfg.TTL
}

// add indexes e under its band keys, entities and headline words.
func (ix *Index) add(e *entry, keys []uint64) {
	e.counted = true
	ix.fifo = append(ix.fifo, e)
	ix.entries[e.seq] = e
	ix.byID[e.rec.ID] = e
	for b, k := range keys {
		ix.bands[b][k] = append(ix.bands[b][k], e.seq)
	}
	for _, h := range e.rec.Entities {
		ix.ents[h] = append(ix.ents[h], e.seq)
		ix.df[h]++
	}
	if e.dec.DuplicateOf != "" {
		return
	}
	ix.heads++
	for _, h := range e.rec.Headline {
		ix.hdf[h]++
	}
}

// forget takes e out of the index (its sequence out of the posting lists
// at the next Expire, which skips sequences with no entry).
func (ix *Index) forget(e *entry) {
	delete(ix.byID, e.rec.ID)
	delete(ix.entries, e.seq)
	ix.stale = true
	if !e.counted {
		return // (a record of other settings: never indexed)
	}
	for _, h := range e.rec.Entities {
		ix.df[h]--
		if ix.df[h] <= 0 {
			delete(ix.df, h)
		}
	}
	if e.dec.DuplicateOf != "" {
		return
	}
	ix.heads--
	for _, h := range e.rec.Headline {
		ix.hdf[h]--
		if ix.hdf[h] <= 0 {
			delete(ix.hdf, h)
		}
	}
}

// Current reports whether rec is the record the index holds for its
// article (the same text), and the decision made for the article.
func (ix *Index) Current(rec Record) (Decision, bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	e, ok := ix.byID[rec.ID]
	if !ok || ix.replaces(rec, e) || ix.expired(e, ix.now()) {
		return Decision{}, false
	}
	return e.dec, true
}

// replaces reports whether rec is a new version of e's article that takes
// its place in the index: other text, newer, of the index's settings.
func (ix *Index) replaces(rec Record, e *entry) bool {
	return len(rec.Sig) == ix.cfg.Hashes && !slices.Equal(e.rec.Sig, rec.Sig) && rec.newerThan(e.rec)
}

// Decision returns the decision made for an article id, if applied.
func (ix *Index) Decision(id string) (Decision, bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	e, ok := ix.byID[id]
	if !ok {
		return Decision{}, false
	}
	return e.dec, true
}

// Applied returns the highest sequence applied.
func (ix *Index) Applied() uint64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.applied
}

// Len returns the number of records held.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.byID)
}

func (ix *Index) decide(rec Record, keys []uint64, at time.Time) Decision {
	// A copy: the earliest record whose signature is near enough; a copy of
	// a copy points at the original.
	var best *entry
	bestSim := 0.0
	for b, k := range keys {
		for _, s := range ix.bands[b][k] {
			e := ix.entries[s]
			// (Not a copy of this very article: an original edited and
			// decided again would be a copy of its own copy, each hidden
			// as the other's.)
			if e == nil || (best != nil && e.seq >= best.seq) || e.dec.DuplicateOf == rec.ID || ix.expired(e, at) {
				continue
			}
			if sim := similarity(rec.Sig, e.rec.Sig); sim >= ix.cfg.Duplicate {
				best, bestSim = e, sim
			}
		}
	}
	if best != nil {
		orig := best
		// A copy of a copy points at the original, unless the original
		// has since been edited into a text this one is not near: then at
		// the copy that still has the text.
		if best.dec.DuplicateOf != "" {
			if o := ix.byID[best.dec.DuplicateOf]; o != nil && !ix.expired(o, at) {
				if sim := similarity(rec.Sig, o.rec.Sig); sim >= ix.cfg.Duplicate || !o.retexted {
					orig, bestSim = o, sim
				}
			}
		}
		return Decision{DuplicateOf: orig.rec.ID, Similarity: math.Round(bestSim*1000) / 1000, StoryID: storyOf(orig)}
	}
	// A story: the earlier article within the window that shares enough
	// of its main entities, a headline word and some key terms; of several,
	// the one whose shared entities are rarest.
	var story *entry
	bestScore := 0.0
	checked := map[uint64]bool{}
	for _, h := range rec.Entities {
		for _, s := range ix.ents[h] {
			if checked[s] {
				continue
			}
			checked[s] = true
			e := ix.entries[s]
			if e == nil || absDur(e.rec.Time.Sub(rec.Time)) > ix.cfg.Window || ix.expired(e, at) {
				continue
			}
			sc, ok := ix.sameStory(rec, e.rec)
			if ok && (sc > bestScore || (sc == bestScore && e.seq < story.seq)) {
				story, bestScore = e, sc
			}
		}
	}
	if story != nil {
		return Decision{StoryID: storyOf(story)}
	}
	return Decision{StoryID: rec.ID}
}

func storyOf(e *entry) string {
	if e.dec.StoryID != "" {
		return e.dec.StoryID
	}
	return e.rec.ID
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// storyParts are the measures that decide whether two articles tell one story.
type storyParts struct {
	// Entities is the number of main entities they share, Rarity the sum of
	// those entities' inverse document frequencies in the index.
	Entities int
	Rarity   float64
	// Headline is the number of headline words naming an entity they share,
	// among the words few headlines have.
	Headline int
	// Terms is the share of the smaller set of key terms they share.
	Terms float64
}

func (ix *Index) parts(a, b Record) storyParts {
	var p storyParts
	n := float64(len(ix.byID) + 1)
	inB := make(map[uint32]bool, len(b.Entities))
	for _, h := range b.Entities {
		inB[h] = true
	}
	for _, h := range a.Entities {
		if inB[h] {
			p.Entities++
			p.Rarity += math.Log(1 + n/float64(ix.df[h]+1))
		}
	}
	// A headline word shared by many headlines (a head of state in the
	// news every day) tells no story apart: count only words at most 1 %
	// of the headlines so far have (or two, early on), copies aside.
	limit := max(2, ix.heads/100)
	for _, x := range a.Headline {
		if ix.hdf[x] > limit {
			continue
		}
		for _, y := range b.Headline {
			if x == y {
				p.Headline++
				break
			}
		}
	}
	if m := min(len(a.Terms), len(b.Terms)); m > 0 {
		p.Terms = float64(overlap(a.Terms, b.Terms)) / float64(m)
	}
	return p
}

func overlap(a, b []uint32) int {
	k := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				k++
				break
			}
		}
	}
	return k
}

// sameStory reports whether b's story takes a, and how strongly.
func (ix *Index) sameStory(a, b Record) (float64, bool) {
	p := ix.parts(a, b)
	ok := p.Entities >= ix.cfg.StoryEntities && p.Headline >= ix.cfg.StoryHeadline && p.Terms >= ix.cfg.StoryTerms
	return p.Rarity, ok
}

// Expire frees what expiry left behind: the records written longer than
// the TTL before the latest record applied (ApplyAt has taken them out of
// decisions already; by that time, not the clock's, so that an instance
// behind the stream drops nothing the records it has yet to apply would
// still see), and their sequences in the posting lists.
func (ix *Index) Expire() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.expireAt(ix.lastAt)
	if ix.stale { // drop the forgotten seqs from the posting lists
		ix.stale = false
		keep := func(ss []uint64) []uint64 {
			out := ss[:0]
			for _, s := range ss {
				if ix.entries[s] != nil {
					out = append(out, s)
				}
			}
			return out
		}
		for _, m := range ix.bands {
			for k, ss := range m {
				if ss = keep(ss); len(ss) == 0 {
					delete(m, k)
				} else {
					m[k] = ss
				}
			}
		}
		for h, ss := range ix.ents {
			if ss = keep(ss); len(ss) == 0 {
				delete(ix.ents, h)
			} else {
				ix.ents[h] = ss
			}
		}
	}
}
