// Package prose is a trimmed, faster copy of github.com/jdkato/prose/v2
// v2.0.0: tokenization, part-of-speech tagging and named-entity extraction
// with prose's default English model. See NOTICE for what changed.
//
// A *Model is read-only after NewModel and safe for concurrent use.
package prose
