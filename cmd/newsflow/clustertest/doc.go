// Package clustertest proves that newsflow runs on a three-node NATS
// cluster and loses nothing when a node goes: three real nats-server
// processes run deploy/nats/cluster.conf (through deploy/nats/entrypoint.sh,
// on loopback ports, with certificates made by the test) with TLS for
// clients and mutual TLS with authorization on the routes; the stream has
// three replicas; ingest, enrich and store run as the repository's binaries
// connected to all three URLs. 300 articles are dropped while the server
// that leads the stream is killed (SIGKILL) and restarted, then every server
// is restarted in turn; the test then checks for exactly 300 documents and
// 300 enriched events, none twice, and no dead letter, and prints the
// figures. It has no code besides this comment.
//
//	go test -v -count=1 ./cmd/newsflow/clustertest
//
// from the repository root (-short skips it).
package clustertest
