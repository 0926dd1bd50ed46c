package article

import "errors"

// ErrPermanent marks an error that retrying cannot fix: the message goes to
// a dead letter at once. Wrap it with Permanent.
var ErrPermanent = errors.New("permanent failure")

// ReasonError carries a machine-readable reason (such as "empty" or
// "too_large") for a dead letter, next to the human-readable error.
type ReasonError struct {
	Reason string
	Err    error
}

func (e *ReasonError) Error() string { return e.Reason + ": " + e.Err.Error() }

// Unwrap lets errors.Is see both the cause and ErrPermanent.
func (e *ReasonError) Unwrap() []error { return []error{e.Err, ErrPermanent} }

// Permanent wraps err as a permanent failure with a machine-readable reason.
func Permanent(reason string, err error) error {
	return &ReasonError{Reason: reason, Err: err}
}

// Reason returns the machine-readable reason of err, or "error" if it has none.
func Reason(err error) string {
	var re *ReasonError
	if errors.As(err, &re) {
		return re.Reason
	}
	return "error"
}
