#!/usr/bin/env bash
# Writes the texts of the "webnews" and "webblind" development sets (English
# news pages carried as test fixtures by the Go modules go-trafilatura,
# go-htmldate, go-readability and GoOse) beside their annotations in
# services/enrich/testdata/SET, so that `newsflow eval
# services/enrich/testdata/SET` can run. Usage: webnews-texts.sh [SET...]. The texts
# are the publishers' and are not kept in this repository; the annotations
# (webnews: quotes and speakers; the webblind sets: entities too) are ours.
# A gold file whose fixture says "extractor": "newsflow" gets the text that
# newsflow's own HTML parser makes of the page (`newsflow process`: the
# headline, a blank line, the body's paragraphs), which is what enrich sees when
# a user drops that page; the others get go-trafilatura's. Needs go and python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# Default: every set of web pages (webnews; webblind to webblind5, webblind7, webblind9, webblind10 and webblind11, annotated blind).
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(webnews webblind webblind2 webblind3 webblind4 webblind5 webblind7 webblind9 webblind10 webblind11)
newsflow=$(mktemp -d)/newsflow
trap 'rm -rf "$(dirname "$newsflow")"' EXIT
(cd "$root" && go build -o "$newsflow" ./cmd/newsflow)
for set in "${sets[@]}"; do
out="$root/services/enrich/testdata/$set"
args=()
for mv in $(python3 -c '
import glob,json,sys
s=set()
for f in glob.glob(sys.argv[1]+"/*.gold.json"):
    d=json.load(open(f))["fixture"]; s.add(d["module"]+"@"+d["version"])
print(" ".join(sorted(s)))' "$out"); do
  dir=$(cd "$root/scripts/webnews-texts" && GOWORK=off GOFLAGS=-mod=mod go mod download -json "$mv" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
  args+=("$mv=$dir")
done
(cd "$root/scripts/webnews-texts" && GOWORK=off go run . "$out" "${args[@]}")
# Pages to be read as newsflow reads them: overwrite with its parser's text.
python3 "$root/scripts/page-texts.py" "$out" "$newsflow" "${args[@]}"
done
