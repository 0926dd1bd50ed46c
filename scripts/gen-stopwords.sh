#!/usr/bin/env bash
# Regenerates services/enrich/story/data/stopwords-en.txt from the npm
# package stopwords-iso (MIT): the English list, one word per line, sorted.
# Usage: scripts/gen-stopwords.sh [VERSION]   (default 1.1.0)
set -euo pipefail
cd "$(dirname "$0")/.."
ver="${1:-1.1.0}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "stopwords-iso@$ver" >/dev/null && tar xzf stopwords-iso-*.tgz)
out=services/enrich/story/data/stopwords-en.txt
{
  echo "# source: npm stopwords-iso@$ver (https://github.com/stopwords-iso/stopwords-iso), licence MIT; English list; regenerate with scripts/gen-stopwords.sh"
  node -e 'const d=require(process.argv[1]); for (const w of [...new Set(d.en.map(s=>s.toLowerCase()))].sort()) console.log(w)' "$tmp/package/stopwords-iso.json"
} >"$out"
echo "wrote $out ($(($(wc -l <"$out") - 1)) words)"
