package enrich

// Version names the enrichment rules: entity recognition, quote
// attribution and place linking. Every enriched article records it
// (enricher_version), and 'newsflow reenrich' runs the stored articles of
// any other version through the current rules. Bump it with any change to
// the rules or their data that changes what an article gets; leave it for
// a change that does not (speed, logging).
const Version = "2026.11.30"
