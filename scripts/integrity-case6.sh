#!/bin/bash
# Issue 18, case 6: sixteen name-dense texts dropped into 'newsflow up', then
# one good article; prints how long the good article took to be stored, the
# dead letters, /readyz, and the peak RSS of the whole up process (embedded
# NATS and FerretDB included).
#
# usage: scripts/integrity-case6.sh [KB_PER_TEXT]   (default 1600, the issue's case)
# Needs go, python3, curl, bc, GNU time (/usr/bin/time). Uses ports 14222,
# 27117 and 18080.
set -eu
KB=${1:-1600}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
W=$(mktemp -d)
UP=
trap 'if [ -n "$UP" ]; then kill -INT "$(pgrep -P "$UP")" 2>/dev/null; wait "$UP"; fi; rm -rf "$W"' EXIT
(cd "$ROOT" && go build -o "$W/newsflow" ./cmd/newsflow)
mkdir "$W/attack"
python3 - "$W/attack" "$KB" <<'PY'
import sys
d, kb = sys.argv[1], int(sys.argv[2])
first = ["Alice","Bruno","Chidi","Dana","Emeka","Fatima","Goran","Hana","Ivan","Jun"]
last = ["Okafor","Lindqvist","Moreau","Tanaka","Petrov","Garcia","Nkemelu","Rossi","Haddad","Kowalski"]
for seed in range(16):
    out = ["Meeting of many people number %d\n\n" % seed]; n = len(out[0]); i = 0
    while n < kb * 1024:
        s = "%s %s of Acme Holdings met %s %s in Vienna. " % (first[i%10], last[(i//10+seed)%10], first[(i+3)%10], last[(i//7)%10])
        if i % 20 == 19: s += "\n\n"
        out.append(s); n += len(s); i += 1
    open("%s/text-%02d.txt" % (d, seed), "w").write("".join(out))
PY
printf 'Council approves new library for Goodtown\n\nThe town council of Goodtown approved a new public library on Tuesday, the mayor, Jane Okafor, said.\n\n"Reading rooms are the heart of a town," Okafor told reporters after the vote.\n' > "$W/good.txt"
B=$W/newsflow
/usr/bin/time -v "$B" up --data "$W/data" --nats-port 14222 --mongo-port 27117 --health-addr 127.0.0.1:18080 > "$W/up.log" 2> "$W/up.err" &
UP=$!
for _ in $(seq 60); do curl -sf 127.0.0.1:18080/readyz >/dev/null && break; sleep 1; done
export NATS_URL=nats://127.0.0.1:14222
"$B" drop "$W/attack" > /dev/null
t1=$(date +%s.%N)
"$B" drop --wait --timeout 5m "$W/good.txt"
t2=$(date +%s.%N)
echo "good article stored $(echo "$t2 - $t1" | bc) s after its drop"
# Wait until every attack text has an outcome (stored or dead letter).
for i in $(seq 180); do
  n=$(( $("$B" dead-letters list | tail -1 | awk '{print $1}') + $(curl -s 127.0.0.1:18080/metrics | awk '/^newsflow_messages_total/ && /stage="store"/ && /outcome="ok"/ {s += $2} END {print s+0}') ))
  [ "$n" -ge 17 ] && break
  sleep 1
done
echo "all 16 attack texts had an outcome $(echo "$(date +%s.%N) - $t1" | bc) s after the good article's drop (outcomes seen: $n of 17)"
echo "readyz: $(curl -s 127.0.0.1:18080/readyz)"
"$B" dead-letters list | awk 'NR>1 && NF>3 {print $2, $3}' | sort | uniq -c
kill -INT "$(pgrep -P "$UP")" 2>/dev/null || true
wait "$UP" || true
UP=
grep -E 'Maximum resident' "$W/up.err"
