#!/usr/bin/env python3
"""Where the pipeline's CPU goes: each sample of a CPU profile counted once,
by the first category (in the order below) whose pattern its stack contains.

    go build -o /tmp/newsflow ./cmd/newsflow
    /tmp/newsflow bench --n 1000 --no-ceiling --cpuprofile /tmp/p.prof
    python3 scripts/profile-shares.py /tmp/newsflow /tmp/p.prof

docs/performance.md quotes its output.
"""
import collections
import re
import subprocess
import sys

# First match wins: the stages' own work before the layers they call.
CATEGORIES = [
    ("enrich", "enrich.(*Enricher).Enrich"),
    ("parse", "parse.(*Parser).Parse"),
    ("stories", "story.(*Tracker).Assign"),
    ("store-validate", "store.Validate"),
    ("ferretdb-insert", "sqlite.(*collection).InsertAll"),
    ("ferretdb-other", "FerretDB"),
    ("mongo-driver", "mongo-driver"),
    ("gc-mark", "gcBgMarkWorker"),
    ("gc-sweep", "bgsweep"),
    ("json", "encoding/json"),
    ("nats-server", "nats-server"),
    ("nats-client", "nats.go"),
    ("jsbus", "jsbus"),
    ("bench-driver", "internal/bench"),
]


def main(binary, profile):
    out = subprocess.run(["go", "tool", "pprof", "-traces", binary, profile],
                         capture_output=True, text=True, check=True).stdout
    total, per = 0.0, collections.Counter()
    for block in out.split("-----------+-------------------------------------------------------")[1:]:
        lines = [l for l in block.strip().split("\n") if l.strip()]
        m = lines and re.match(r"\s*([\d.]+)(ms|s)\s+(.*)", lines[0])
        if not m:
            continue
        v = float(m.group(1)) * (0.001 if m.group(2) == "ms" else 1)
        stack = " ".join([m.group(3)] + lines[1:])
        total += v
        per[next((name for name, pat in CATEGORIES if pat in stack), "other")] += v
    for name, v in per.most_common():
        print(f"{name:16s} {v:6.2f}s {100 * v / total:5.1f}%")
    print(f"{'total':16s} {total:6.2f}s")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: profile-shares.py BINARY PROFILE")
    main(sys.argv[1], sys.argv[2])
