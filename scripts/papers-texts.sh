#!/usr/bin/env bash
# Writes the texts of the "papers" development set (newspaper articles from
# the test pages of the Go module github.com/go-shiori/go-readability, which
# carries them as fixtures) beside their annotations in
# services/enrich/testdata/papers, so that `newsflow eval
# services/enrich/testdata/papers` can run. The texts are the publishers'
# and are not kept in this repository; the annotations (quotes, speakers,
# entities) are ours. Needs go and python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mod=github.com/go-shiori/go-readability@v0.0.0-20241012063810-92284fa8a71f
dir=$(cd "$root/services/enrich" && go mod download -json "$mod" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
python3 "$root/scripts/papers-texts.py" "$dir/test-pages" "$root/services/enrich/testdata/papers"
