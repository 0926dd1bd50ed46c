#!/usr/bin/env bash
# Regenerates services/enrich/entity/data/uspostal.txt (US state codes and
# AP abbreviations) from npm us. Needs node and npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent us@2.0.0)
NODE_PATH="$tmp/node_modules" node "$root/scripts/us-postal/gen.js" "$root/services/enrich/entity/data"
