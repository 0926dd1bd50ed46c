package article_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/newsflow/newsflow/pkg/article"
)

func TestID(t *testing.T) {
	tests := []struct {
		name         string
		a, b         [3]string // url, headline, body
		wantSameID   bool
		wantFromURLs bool
	}{
		{"same url, other text", [3]string{"https://ex.com/a", "H", "B"}, [3]string{"https://ex.com/a", "H2", "B2"}, true, true},
		{"url variants", [3]string{"http://EX.com/a/?utm_source=x#top", "", ""}, [3]string{"https://ex.com/a", "", ""}, true, true},
		{"other urls", [3]string{"https://ex.com/a", "H", "B"}, [3]string{"https://ex.com/b", "H", "B"}, false, true},
		{"no url, whitespace and case", [3]string{"", "U.S. Threatens", "Body  text\n\nmore"}, [3]string{"", "u.s.  threatens ", "body text more"}, true, false},
		{"no url, other body", [3]string{"", "H", "Body one"}, [3]string{"", "H", "Body two"}, false, false},
		{"relative url is no url", [3]string{"/a", "H", "B"}, [3]string{"", "H", "B"}, true, false},
		// (A CMS that names the site's root as every page's canonical link.)
		{"a site's home page is no article's url", [3]string{"https://ex.com/", "Fire in the warehouse", "B1"}, [3]string{"https://ex.com", "Council votes", "B2"}, false, false},
		{"a story numbered by ref", [3]string{"https://ex.com/view?ref=1001", "H", "B"}, [3]string{"https://ex.com/view?ref=2002", "H", "B"}, false, true},
		{"a referrer named by ref", [3]string{"https://ex.com/story?ref=twitter", "H", "B"}, [3]string{"https://ex.com/story?ref=rss", "H2", "B2"}, true, true},
		{"a home page with a referrer is still a home page", [3]string{"https://ex.com/?ref=rss", "Fire in the warehouse", "B1"}, [3]string{"https://ex.com/?ref=rss", "Council votes", "B2"}, false, false},
		// (url.ParseQuery drops pairs holding ";" or a bad escape.)
		{"stories told apart by a query with semicolons", [3]string{"https://ex.com/view.php?sid=101;cat=4", "H", "B"}, [3]string{"https://ex.com/view.php?sid=202;cat=4", "H", "B"}, false, true},
		{"stories told apart by a query with a bad escape", [3]string{"https://ex.com/view?q=50%&id=1", "H", "B"}, [3]string{"https://ex.com/view?q=50%&id=2", "H", "B"}, false, true},
		{"a tracking pair joined by a semicolon to a story's", [3]string{"https://ex.com/view.php?utm_source=rss;sid=101", "H", "B"}, [3]string{"https://ex.com/view.php?utm_source=rss;sid=202", "H", "B"}, false, true},
		{"a semicolon query without its tracking pair", [3]string{"https://ex.com/view.php?sid=101;cat=4&utm_source=rss", "H", "B"}, [3]string{"https://ex.com/view.php?sid=101;cat=4", "H2", "B2"}, true, true},
		// (Trimming the trailing slash must not decode an escaped one.)
		{"an escaped slash is not a slash", [3]string{"https://ex.com/a%2Fb/", "H", "B"}, [3]string{"https://ex.com/a/b", "H", "B"}, false, true},
		{"an escaped slash, with and without the trailing slash", [3]string{"https://ex.com/a%2Fb/", "H", "B"}, [3]string{"https://ex.com/a%2Fb", "H2", "B2"}, true, true},
		{"an escaped slash at the end is not a trailing slash", [3]string{"https://ex.com/a%2F", "H", "B"}, [3]string{"https://ex.com/a", "H", "B"}, false, true},
		// (Ids of other escapes as they always were.)
		{"lower-case escapes are the same page", [3]string{"https://ex.com/caf%c3%a9/", "H", "B"}, [3]string{"https://ex.com/café/", "H2", "B2"}, true, true},
		{"an escaped tilde is a tilde", [3]string{"https://ex.com/a%7Eb/", "H", "B"}, [3]string{"https://ex.com/a~b", "H2", "B2"}, true, true},
		{"a home page with a story's query is a url", [3]string{"https://ex.com/?p=17", "H", "B1"}, [3]string{"https://ex.com/?p=17", "H2", "B2"}, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ia := article.ID(tc.a[0], tc.a[1], tc.a[2])
			ib := article.ID(tc.b[0], tc.b[1], tc.b[2])
			if (ia == ib) != tc.wantSameID {
				t.Errorf("ID(%q) = %s, ID(%q) = %s; same = %v, want %v", tc.a, ia, tc.b, ib, ia == ib, tc.wantSameID)
			}
			if len(ia) != 24 || !article.ValidID(ia) || !article.ValidID(ib) {
				t.Errorf("id %q, %q: want 24 hex digits, valid", ia, ib)
			}
		})
	}
}

func TestOffsets(t *testing.T) {
	s := "Erdoğan said “yes” — 100%"
	off := article.NewOffsets(s)
	tests := []struct {
		name string
		sub  string
	}{
		{"ascii start", "Erdo"},
		{"after two-byte rune", "said"},
		{"curly quote", "“yes”"},
		{"after dash", "100%"},
	}
	runes := []rune(s)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := indexOf(s, tc.sub)
			start, end := off.Rune(b), off.Rune(b+len(tc.sub))
			if got := string(runes[start:end]); got != tc.sub {
				t.Errorf("code points [%d,%d) give %q, want %q", start, end, got, tc.sub)
			}
		})
	}
	if got := off.Rune(len(s)); got != len(runes) {
		t.Errorf("end maps to %d, want %d", got, len(runes))
	}
}

func indexOf(s, sub string) int {
	for i := range s {
		if len(s)-i >= len(sub) && s[i:i+len(sub)] == sub {
			return i
		}
	}
	panic(fmt.Sprintf("%q not in %q", sub, s))
}

func TestParagraphs(t *testing.T) {
	body := "One.\n\nTwo two.\n\nThree."
	ps := article.Paragraphs(body)
	want := []string{"One.", "Two two.", "Three."}
	if len(ps) != len(want) {
		t.Fatalf("%d paragraphs, want %d", len(ps), len(want))
	}
	for i, p := range ps {
		if got := body[p.Start:p.End]; got != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, got, want[i])
		}
	}
}

func TestReason(t *testing.T) {
	cause := errors.New("no text")
	err := fmt.Errorf("parse: %w", article.Permanent("empty", cause))
	if !errors.Is(err, article.ErrPermanent) || !errors.Is(err, cause) {
		t.Errorf("errors.Is fails on %v", err)
	}
	if got := article.Reason(err); got != "empty" {
		t.Errorf("Reason = %q", got)
	}
	if got := article.Reason(cause); got != "error" {
		t.Errorf("Reason of a plain error = %q", got)
	}
}

func TestValidID(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want bool
	}{
		{"e0d348c937381dc9dd906bd2", true},
		{"E0D348C937381DC9DD906BD2", false},
		{"e0d348c937381dc9dd906bd", false},
		{"e0d348c937381dc9dd906bd2a", false},
		{"e0d348c937381dc9dd906bdg", false},
		{"nothex", false},
		{"", false},
	} {
		if got := article.ValidID(tc.id); got != tc.want {
			t.Errorf("ValidID(%q) = %v, want %v", tc.id, got, tc.want)
		}
	}
}
