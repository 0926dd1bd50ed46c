// Package deploycheck holds the tests of the deployment files under
// deploy/ and docker-compose.yml, which no container engine runs here: the
// NATS configuration and its entrypoint run as a real nats-server process
// with every kind of password, the compose file is loaded with the Compose
// v2 loader (compose-go) and checked for what the README promises, and the
// cluster configuration runs as three real nats-server processes (see
// package clustertest). It has no code besides this comment.
//
//	go test -count=1 ./cmd/newsflow/internal/deploycheck
package deploycheck
