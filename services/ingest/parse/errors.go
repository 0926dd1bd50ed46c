package parse

import (
	"errors"

	"github.com/newsflow/newsflow/pkg/article"
)

// Machine-readable reasons carried by the errors Parse returns (see
// article.Reason). They name the dead-letter cause on articles.dead.ingest.
const (
	ReasonEmpty             = "empty"
	ReasonBinary            = "binary"
	ReasonInvalidUTF8       = "invalid_utf8"
	ReasonTooLarge          = "too_large"
	ReasonNoText            = "no_text"
	ReasonBadJSON           = "bad_json"
	ReasonNoItems           = "no_items"
	ReasonBadFeed           = "bad_feed"
	ReasonUnsupportedFormat = "unsupported_format"
	// ReasonTooManyItems: a feed, array or JSON Lines input over
	// Config.MaxItems; the first MaxItems articles are still published.
	ReasonTooManyItems = "too_many_items"
	// ReasonSkippedItems: items of a feed, array or JSON Lines input that
	// could not be read (a line that is no JSON, an item without text)
	// while others could; the others are still published.
	ReasonSkippedItems = "skipped_items"
	// ReasonInternal marks a bug: a reader panicked on this input. The
	// input still dead-letters (retrying would panic again).
	ReasonInternal = "internal"
)

// Sentinel errors; every error Parse returns for bad input wraps one of them
// and article.ErrPermanent, so errors.Is works for both.
var (
	// ErrEmpty: the input is empty or only whitespace.
	ErrEmpty = errors.New("input is empty")
	// ErrBinary: the input is binary data (an image, an archive, ...), not text.
	ErrBinary = errors.New("input is binary data")
	// ErrInvalidUTF8: the input is not UTF-8 and cannot be repaired.
	ErrInvalidUTF8 = errors.New("input is not valid UTF-8 and cannot be repaired")
	// ErrTooLarge: the input is over Config.MaxBytes, or an article's
	// headline is over 1000 characters (an item of a feed or a JSON
	// array with one is left out, see ErrSkippedItems).
	ErrTooLarge = errors.New("input is over the size limit")
	// ErrNoText: the input holds no article text (an HTML page without an
	// article, a JSON item without a body, ...).
	ErrNoText = errors.New("no article text found")
	// ErrBadJSON: the input is not valid JSON or not the shape of an article.
	ErrBadJSON = errors.New("bad JSON article")
	// ErrNoItems: a feed, JSON array or JSON Lines input with no items.
	ErrNoItems = errors.New("no items")
	// ErrBadFeed: the input looks like a feed but cannot be read as one.
	ErrBadFeed = errors.New("bad feed")
	// ErrUnsupportedFormat: the content type or the bytes name a format that
	// ingest does not read.
	ErrUnsupportedFormat = errors.New("unsupported format")
	// ErrTooManyItems: the input holds more items than Config.MaxItems.
	// Parse returns it together with the articles of the first MaxItems.
	ErrTooManyItems = errors.New("input has more items than the limit")
	// ErrSkippedItems: some items of the input could not be read. Parse
	// returns it together with the articles of the others.
	ErrSkippedItems = errors.New("items left out")
	// ErrInternal: parsing panicked; a bug to fix, reported as permanent.
	ErrInternal = errors.New("internal parser failure")
)

// ReadInPart reports an error Parse returns beside the articles it read:
// some items were left out (ErrSkippedItems) or the input was over the
// item limit (ErrTooManyItems). The articles go on; the input is
// dead-lettered with the error.
func ReadInPart(err error) bool {
	return errors.Is(err, ErrSkippedItems) || errors.Is(err, ErrTooManyItems)
}

// ReasonReadInPart reports the reason of such an error (a dead letter's).
func ReasonReadInPart(reason string) bool {
	return reason == ReasonSkippedItems || reason == ReasonTooManyItems
}

// fail wraps a sentinel with detail as a permanent error with its reason.
func fail(reason string, sentinel error, detail string) error {
	if detail == "" {
		return article.Permanent(reason, sentinel)
	}
	return article.Permanent(reason, &detailError{sentinel: sentinel, detail: detail})
}

// detailError adds context to a sentinel without hiding it from errors.Is.
type detailError struct {
	sentinel error
	detail   string
}

func (e *detailError) Error() string { return e.sentinel.Error() + ": " + e.detail }
func (e *detailError) Unwrap() error { return e.sentinel }
