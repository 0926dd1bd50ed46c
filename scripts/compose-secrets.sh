#!/bin/sh
# Creates ./secrets/ with a random password per NATS user and for MongoDB,
# the files docker-compose.yml mounts as Docker secrets. An existing file is
# kept (MongoDB keeps its first password in its volume: to change
# secrets/mongo-password, run 'docker compose down -v' first).
#
# The files are readable by all (0644) because the services run as a
# non-root user in their containers and Compose (without swarm) mounts a
# secret file with its host permissions; the folder itself is 0700.
set -eu
cd "$(dirname "$0")/.."
mkdir -p secrets
chmod 700 secrets
for name in nats-dropper-password nats-ingest-password nats-enrich-password \
	nats-store-password nats-subscriber-password nats-operator-password mongo-password; do
	f="secrets/$name"
	if [ -s "$f" ]; then
		echo "kept    $f"
		continue
	fi
	# base64 of 24 random bytes: '/' and '+' included on purpose.
	head -c 24 /dev/urandom | base64 > "$f"
	chmod 644 "$f"
	echo "created $f"
done
