#!/bin/bash
# Runs 'newsflow bench' for several binaries in turns (A, B, A, B, ...), so
# that a shared machine's changing load weighs on each alike, and prints one
# line per run with the load average before it. From the repository root:
#
#   go build -o /tmp/nf-new ./cmd/newsflow
#   git archive main | (mkdir -p /tmp/nf-main && tar -x -C /tmp/nf-main)
#   (cd /tmp/nf-main && go build -o /tmp/nf-main-bin ./cmd/newsflow)
#   scripts/bench-ab.sh 3 /tmp/nf-new /tmp/nf-main-bin            # throughput, N = 1000
#   LATENCY=1 scripts/bench-ab.sh 3 /tmp/nf-new /tmp/nf-main-bin  # 20 articles/s for 30 s
#
# (The latency mode needs a binary that has 'bench --rate'.) The JSON
# reports stay in $OUT (default /tmp/bench-ab).
set -euo pipefail
runs=$1; shift
out=${OUT:-/tmp/bench-ab}
mkdir -p "$out"
for i in $(seq 1 "$runs"); do
  for bin in "$@"; do
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    name=$(basename "$bin")-r$i
    if [ -n "${LATENCY:-}" ]; then
      "$bin" bench --rate 20 --duration 30s --json > "$out/$name.json" 2> "$out/$name.err"
      python3 - "$out/$name.json" "$bin" "$i" "$load" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["latency_mode"]
f = lambda l: "%.0f/%.0f/%.0f" % (l["p50_ns"] / 1e6, l["p95_ns"] / 1e6, l["p99_ns"] / 1e6)
print(sys.argv[2], "run", sys.argv[3], "load", sys.argv[4], "stored", r["stored"], "dead", r["dead"],
      "p50/p95/p99 ms: enriched", f(r["drop_to_enriched"]), "stored", f(r["drop_to_stored"]),
      "ingest", f(r["stage_ingest"]), "enrich", f(r["stage_enrich"]), "store", f(r["stage_store"]))
PY
    else
      "$bin" bench --n 1000 --json > "$out/$name.json" 2> "$out/$name.err"
      python3 - "$out/$name.json" "$bin" "$i" "$load" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t, c = r["pipeline"]["throughput"], r["ceiling_with_store"]
print(sys.argv[2], "run", sys.argv[3], "load", sys.argv[4],
      "ratio %.3f cpu_ratio %.3f" % (r["pipeline_over_ceiling_with_store"], r["pipeline_over_ceiling_with_store_cpu"]),
      "pipeline %.1f/s %.2f ms CPU/article" % (t["articles_per_sec"], t["cpu_per_article_ns"] / 1e6),
      "ceiling %.1f/s %.2f ms CPU/article" % (c["articles_per_sec"], c["cpu_per_article_ns"] / 1e6))
PY
    fi
  done
done
