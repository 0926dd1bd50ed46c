package parse

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/mmcdole/gofeed"
)

// parseFeed reads an RSS, Atom or JSON Feed: one article per item, from
// the item content when the feed carries it, else its summary, with the
// item link as URL.
func (p *Parser) parseFeed(ctx context.Context, text string) ([]draft, string, error) {
	var fix jsonFeedFix
	if strings.HasPrefix(strings.TrimSpace(text), "{") {
		fix = normalizeJSONFeed(text)
		text = fix.text
		if len(fix.warned) > 0 {
			p.log.Warn("JSON Feed fields of the wrong type ignored", "fields", cutRunes(strings.Join(fix.warned, "; "), 400))
		}
	}
	// gofeed.Parser keeps per-parse state: one per call (it is a few pointers).
	feed, err := gofeed.NewParser().ParseString(declareUTF8(text))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, "", fail(ReasonUnsupportedFormat, ErrUnsupportedFormat, "not an RSS, Atom or JSON feed")
		}
		return nil, "", fail(ReasonBadFeed, ErrBadFeed, fmt.Sprintf("read feed: %v", err))
	}
	format := formatRSS
	switch feed.FeedType {
	case "atom":
		format = formatAtom
	case "json":
		format = formatJSONFeed
	}
	if len(feed.Items) == 0 {
		return nil, format, fail(ReasonNoItems, ErrNoItems, "feed has no items")
	}
	items := feed.Items
	if len(items) > p.cfg.MaxItems {
		p.log.Warn("feed over the item limit", "items", len(items), "max", p.cfg.MaxItems)
		p.items = len(items)
		items = items[:p.cfg.MaxItems]
	}
	var drafts []draft
	var firstErr error // why the first item left out was, for a feed of none but those
	for i, it := range items {
		if err := ctx.Err(); err != nil {
			return nil, "", err
		}
		if it == nil {
			continue
		}
		if i < len(fix.bad) && fix.bad[i] != "" {
			// (A JSON Feed item whose title or text is no text: the
			// others go on, this one is named.)
			p.log.Warn("feed item skipped", "item", i+1, "why", fix.bad[i])
			p.skip(fmt.Sprintf("item %d: %s", i+1, fix.bad[i]))
			if firstErr == nil {
				firstErr = fail(ReasonBadJSON, ErrBadJSON, fmt.Sprintf("item %d: %s", i+1, fix.bad[i]))
			}
			continue
		}
		d := draft{
			headline: htmlInline(it.Title),
			url:      strings.TrimSpace(it.Link),
			siteName: htmlInline(feed.Title),
			tags:     it.Categories,
		}
		if it.Link == "" && strings.HasPrefix(it.GUID, "http") {
			d.url = it.GUID
		}
		// ("urn:outlet:story:4711" and no link: the guid, which the item's
		// edits keep, is its identity within its feed.)
		if d.url == "" {
			d.feed, d.guid = feedIdentity(feed), strings.TrimSpace(it.GUID)
		}
		// ("/news/2026/story": a link relative to the site, which the
		// channel's own link names; unresolved, the article had no id of
		// its URL and each correction became another article.)
		d.url = resolveURL(feed.Link, d.url)
		d.byline = feedAuthors(it)
		// (Content with no markup is plain text, JSON Feed's content_text
		// or Atom's type="text": its blank lines are its paragraphs, which
		// HTML's whitespace rules would run together.)
		content, summary := it.Content, it.Description
		if strings.TrimSpace(content) != "" {
			d.body = bodyText(content)
			d.description = htmlInline(summary)
		} else {
			d.body = bodyText(summary)
		}
		if it.Image != nil {
			d.caption = it.Image.Title
		}
		switch {
		case it.PublishedParsed != nil:
			t := it.PublishedParsed.UTC()
			d.dateline, d.published = it.Published, &t
		case it.UpdatedParsed != nil:
			t := it.UpdatedParsed.UTC()
			d.dateline, d.published = it.Updated, &t
		case it.Published != "":
			d.dateline = it.Published // finish tries the date parser on it
		}
		if d.headline == "" {
			d.headline = firstSentence(d.body)
		}
		if d.body == "" {
			p.log.Warn("feed item without text skipped", "item", i+1, "title", d.headline)
			p.skip(fmt.Sprintf("item %d (%q): no text", i+1, cutRunes(d.headline, 80)))
			if firstErr == nil {
				firstErr = fail(ReasonNoText, ErrNoText, "no feed item has text")
			}
			continue
		}
		if err := checkHeadline(d.headline); err != nil {
			p.log.Warn("feed item skipped", "item", i+1, "err", err)
			p.skip(fmt.Sprintf("item %d (%q): %v", i+1, cutRunes(d.headline, 40), err))
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		drafts = append(drafts, d)
	}
	if len(drafts) == 0 {
		if firstErr == nil { // (no items but nil ones)
			firstErr = fail(ReasonNoText, ErrNoText, "no feed item has text")
		}
		return nil, format, firstErr
	}
	return drafts, format, nil
}

func feedAuthors(it *gofeed.Item) string {
	var names []string
	for _, a := range it.Authors {
		if a != nil && strings.TrimSpace(a.Name) != "" {
			names = append(names, strings.TrimSpace(a.Name))
		}
	}
	if len(names) == 0 && it.Author != nil {
		if n := strings.TrimSpace(it.Author.Name); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		names = append(names, it.DublinCoreExt.Creator...)
	}
	return strings.Join(names, ", ")
}

// htmlInline renders a title-like field that may hold markup or entities.
func htmlInline(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	return strings.ReplaceAll(unescapeLeftover(htmlFragmentText(s)), "\n\n", " ")
}

// firstSentence gives an untitled item a headline from its text.
func firstSentence(body string) string {
	para, _, _ := strings.Cut(body, "\n\n")
	if i := strings.Index(para, ". "); i > 0 && i < 150 {
		return para[:i+1]
	}
	if len(para) > 150 {
		cut := strings.LastIndexByte(para[:150], ' ')
		if cut > 0 {
			return para[:cut] + "…"
		}
	}
	return para
}

// declareUTF8 makes the XML declaration of text, which decodeText has
// already decoded (by the charset its server or the declaration named,
// else as UTF-8 with Windows-1252 repairs), say UTF-8: the XML decoder
// honours the declared encoding and would decode a Latin-1 feed a second
// time ("CafÃ©"), or refuse a UTF-16 one.
func declareUTF8(text string) string {
	return xmlDeclEncoding.ReplaceAllString(text, `${1}"UTF-8"`)
}

// feedIdentity names a feed for its items' guids: its site link, else its
// own address, else "" (a feed's title names no feed: two feeds called
// "Latest news" numbering their items 1, 2, 3 took each other's ids).
func feedIdentity(f *gofeed.Feed) string {
	for _, s := range []string{f.Link, f.FeedLink} {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
