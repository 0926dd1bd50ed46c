#!/usr/bin/env bash
# Writes the texts of the "wsj" to "wsj6" sets (services/enrich/testdata/wsj,
# wsj2 to wsj6; wsj6 is held out) beside their annotations, so that `newsflow eval services/enrich/testdata/wsj` can run.
# The texts are stretches of 30 sentences of Wall Street Journal text (1989) from the
# Penn Treebank sample that the Go module github.com/jdkato/prose/v2 v2.0.0 carries as
# test data (testdata/treebank_tokens.json and treebank_tags.json: 100,676 tokens and
# their tags, no article boundaries). The module is a dependency of services/enrich.
# The treebank sample is not ours to redistribute, so the texts are not kept in this
# repository; the annotations are ours. Each gold file wsj-NNNN.gold.json names the
# stretch that starts at sentence NNNN (counted from 0). Needs go and python3.
# Usage: scripts/wsj-texts.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(cd "$root/services/enrich" && go mod download -json github.com/jdkato/prose/v2 | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
python3 - "$dir/testdata" "$root/services/enrich/testdata/wsj" "$root/services/enrich/testdata/wsj2" "$root/services/enrich/testdata/wsj3" "$root/services/enrich/testdata/wsj4" "$root/services/enrich/testdata/wsj5" "$root/services/enrich/testdata/wsj6" <<'PY'
import glob, json, os, sys
data, outs = sys.argv[1], sys.argv[2:]
toks = [t["text"] for t in json.load(open(data + "/treebank_tokens.json"))]
tags = json.load(open(data + "/treebank_tags.json"))
words = [(w, t) for w, t in zip(toks, tags) if t != "-NONE-"]  # traces and null elements out
# Sentences end at a tag "." (and a closing quote right after it).
sents, cur = [], []
for i, (w, t) in enumerate(words):
    cur.append(w)
    nxt = words[i + 1][0] if i + 1 < len(words) else None
    if t == "." and nxt != "''":
        sents.append(cur); cur = []
    elif w == "''" and i > 0 and words[i - 1][1] == ".":
        sents.append(cur); cur = []
if cur:
    sents.append(cur)
def detok(ws):
    """Treebank tokens back to text: `` and '' as curly quotes, punctuation and
    clitics attached, brackets restored."""
    out = ""
    for w in ws:
        w = {"-LRB-": "(", "-RRB-": ")", "-LCB-": "{", "-RCB-": "}"}.get(w, w)
        if w == "``":
            out += (" " if out else "") + "\u201c"; continue
        if w == "''":
            out += "\u201d"; continue
        if w in {".", ",", ";", ":", "?", "!", "%", ")", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'"} or out.endswith("\u201c") or out.endswith("(") or out.endswith("$ "):
            out += w
        elif out.endswith("$"):
            out += w
        else:
            out += (" " if out else "") + w
    return out.replace("$ ", "$")
S = [detok(s) for s in sents]
for out in outs:
  n = 0
  for g in sorted(glob.glob(out + "/wsj-*.gold.json")):
    name = os.path.basename(g)[: -len(".gold.json")]
    start = int(name.split("-")[1])
    chunk = S[start:start + 30]
    # Paragraphs of two sentences, kept open while a quotation or a bracket
    # is open (the treebank ends a sentence at the period of "(D., Mont."; the
    # bracket's close and the rest of the sentence come next, joined back).
    paras, cur, open_q, open_b = [], [], False, 0
    for s in chunk:
        if cur and s.startswith(")"):
            cur[-1] += s
        else:
            cur.append(s)
        open_q = (open_q + s.count("\u201c") - s.count("\u201d")) > 0
        open_b = max(0, open_b + s.count("(") - s.count(")"))
        if not open_q and not open_b and len(cur) >= 2:
            paras.append(" ".join(cur)); cur = []
    if cur:
        paras.append(" ".join(cur))
    title = f"Wall Street Journal, 1989: sentences {start + 1} to {start + len(chunk)} of the Penn Treebank sample"
    open(f"{out}/{name}.txt", "w").write(title + "\n\n" + "\n\n".join(paras) + "\n")
    n += 1
  print(f"{out}: wrote {n} texts")
PY
