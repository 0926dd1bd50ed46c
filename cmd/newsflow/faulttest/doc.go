// Package faulttest proves newsflow's delivery promise with real processes:
// NATS and the MongoDB-compatible server each run as their own OS process
// ('newsflow up --no-services --servers ...'), and ingest, enrich and store
// run as the binaries built from this repository. The tests kill, stop and
// restart those processes while articles flow, feed the pipeline bad input
// and duplicates, and then check the exact outcome: one document and one
// enriched event per article, or one dead letter with a reason.
//
// The package has no code of its own besides this comment; everything is in
// its tests. Run them with
//
//	go test -v -count=1 ./cmd/newsflow/faulttest
//
// from the repository root (-short skips them).
package faulttest
