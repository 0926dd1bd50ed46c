#!/bin/sh
# Starts nats-server with the passwords of deploy/nats/auth.conf.
#
# nats-server parses the value of an environment variable that a config
# file references ($NATS_INGEST_PASSWORD) as config syntax, so a password
# such as 123456, true, 10GB, "a b" or "a;b" would be read as a number, a
# boolean, a size or two tokens, or refuse to load. This script hands each
# password over as a double-quoted config string instead, with '\' and '"'
# escaped, so every password reaches the server as it is.
#
# For each role it reads NATS_<ROLE>_PASSWORD_FILE (a Docker secret) or else
# NATS_<ROLE>_PASSWORD. Leading and trailing white space is not part of a
# password (the services trim a secret file the same way). A role without a
# password gets a random one, so nobody can log in as it.
set -eu

quote() {
	# \ -> \\ and " -> \" ; the sed script treats the value as one line.
	printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

trim() {
	printf '%s' "$1" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//'
}

for role in DROPPER INGEST ENRICH STORE SUBSCRIBER OPERATOR; do
	file_var="NATS_${role}_PASSWORD_FILE"
	var="NATS_${role}_PASSWORD"
	eval "file=\${$file_var:-}"
	eval "value=\${$var:-}"
	if [ -n "$file" ]; then
		if [ ! -r "$file" ]; then
			echo "entrypoint: $file_var: cannot read $file" >&2
			exit 1
		fi
		value=$(cat "$file")
	fi
	value=$(trim "$value")
	if [ -z "$value" ]; then
		value=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
	fi
	export "$var=$(quote "$value")"
	unset "$file_var"
done

exec "${NATS_SERVER_BIN:-nats-server}" "$@"
