#!/usr/bin/env python3
"""Write a copy of an annotated set whose cue verbs are rewritten, to test
that attribution does not rest on the verbs the set happens to use.

Every "said" after a pronoun or a capitalised word ("she said", "Vale
said") becomes a verb drawn at random from a list of English verbs of
saying that news writing uses as cues; the gold stays as it is (speakers do
not change with the verb). A drop in speaker accuracy on the copy names a
verb the cue inventory lacks or a rule that reads only some verbs.

Usage: scripts/perturb-cues.py SRC_SET DST_DIR [SEED]
then:  newsflow eval --totals DST_DIR   (and --errors to see which quotes)
"""
import glob
import json
import os
import random
import re
import shutil
import sys

VERBS = ["stated", "remarked", "explained", "noted", "added", "declared", "insisted", "argued", "observed",
         "commented", "recalled", "warned", "acknowledged", "asserted", "maintained", "contended", "conceded",
         "quipped", "countered", "cautioned", "stressed", "emphasised", "replied", "responded", "admitted",
         "claimed", "announced", "wrote", "tweeted", "suggested", "pointed out", "affirmed", "reiterated",
         "confirmed", "disclosed", "revealed", "predicted", "complained", "lamented", "boasted", "protested",
         "urged", "vowed", "testified", "alleged", "continued", "concluded", "mused", "joked", "retorted",
         "snapped", "shouted", "whispered", "muttered", "exclaimed", "proclaimed", "reckoned", "speculated",
         "clarified", "elaborated", "underlined", "underscored", "highlighted", "reasoned", "wondered",
         "asked", "demanded", "recounted", "reflected", "agreed", "disagreed", "objected", "pleaded",
         "begged", "told reporters"]


def main():
    src, dst = sys.argv[1], sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    shutil.rmtree(dst, ignore_errors=True)
    os.makedirs(dst)

    def rewrite(m):
        v = rng.choice(VERBS)
        if v == "told reporters" and not m.group(2).startswith(","):
            v = "stated"
        return m.group(1) + v + m.group(2)

    for g in sorted(glob.glob(os.path.join(src, "*.gold.json"))):
        t = g[: -len(".gold.json")] + ".txt"
        if not os.path.exists(t):
            continue
        with open(t, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"(\b(?:he|she|they|[A-Z][a-z]+) )said([ ,.])", rewrite, text)
        base = os.path.basename(t)[:-4]
        with open(os.path.join(dst, base + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        shutil.copy(g, os.path.join(dst, base + ".gold.json"))


if __name__ == "__main__":
    main()
