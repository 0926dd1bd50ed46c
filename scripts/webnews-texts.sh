#!/usr/bin/env bash
# Writes the texts of the "webnews" development set (English news pages
# carried as test fixtures by the Go modules go-trafilatura, go-htmldate and
# GoOse) beside their annotations in services/enrich/testdata/webnews, so
# that `newsflow eval services/enrich/testdata/webnews` can run. The texts
# are the publishers' and are not kept in this repository; the annotations
# (quotes and speakers, no entities) are ours. Needs go and python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/services/enrich/testdata/webnews"
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
cd "$root/scripts/webnews-texts"
GOWORK=off go run . "$out" "${args[@]}"
