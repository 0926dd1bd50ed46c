#!/usr/bin/env python3
"""Regenerate services/enrich/quote/data/cues.txt, the reporting-verb table,
from WordNet 3.0 (Princeton University; WordNet 3.0 licence, a BSD-style
licence that allows use, copying and redistribution with its notice).

The inventory is principled rather than fitted to any article: every verb
of WordNet's verb.communication lexicographer file (lex file 32) whose synset
either allows the frame "Somebody ----s that CLAUSE" (frame 26, the frame of
reported speech) or is a troponym (a manner of) "say, state, tell (express
in words)", "express, verbalize, utter", "talk, speak" or "utter, emit,
let out", keeping only verbs that are mostly verbs of saying: in WordNet's
sense-tagged corpus counts (cntlist.rev) their verb.communication senses make
at least 15 % of their verb uses ("make", "give" and "abuse" go; untagged rare
verbs such as "quip" stay). Inflections come from WordNet's verb.exc
(irregular and doubled forms) and regular English morphology. A verb whose
noun uses are at least half as frequent as its verb uses ("claim", "note",
"state", "charge") is listed only by its -ed and -ing forms, since its base
and -s forms read as nouns in news text. A verb whose communication senses
make under 30 % of its tagged uses ("show", "raise", "continue") is marked
weak ("~" before its line's first field): it reports a quote only when no
other verb of saying governs it ("the judge said Vale had shown "..."" is
the judge's).

It also writes data/irregular.txt: the irregular inflections of all English
verbs from WordNet's verb.exc ("flew", "cut" is regular in form and absent),
which tell a subject followed by its verb ("Ortiz flew") from a modifier
followed by its noun ("a UN rapporteur").

Usage: scripts/gen-quote-cues.py [WORDNET_DICT_DIR]
Without a directory it fetches the Debian package wordnet-base with
`apt-get download` into a temporary directory and reads it from there.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wordnetdict import wordnet_dir  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                   "services", "enrich", "quote", "data", "cues.txt")

ROOTS = [  # (a lemma of the synset, words its gloss starts with)
    ("say", "express in words"),
    ("express", "articulate; either verbally"),
    ("talk", "exchange thoughts"),
    ("utter", "express in speech"),
]
PARTICLES = {"out", "up", "on", "back", "off", "down", "in", "over", "forth"}




def read_synsets(d):
    syn = {}
    with open(os.path.join(d, "data.verb"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head, gloss = line.split("|", 1)
            f_ = head.split()
            off, lex = f_[0], int(f_[1])
            n = int(f_[3], 16)
            words = [f_[4 + 2 * i].lower() for i in range(n)]
            i = 4 + 2 * n
            p = int(f_[i])
            i += 1
            ptrs = []
            for _ in range(p):
                ptrs.append((f_[i], f_[i + 1]))
                i += 4
            frames = set()
            if i < len(f_):
                fc = int(f_[i])
                i += 1
                for _ in range(fc):
                    frames.add(int(f_[i + 1]))
                    i += 3
            syn[off] = (lex, words, ptrs, frames, gloss.strip())
    return syn


MIN_SHARE = 0.15
WEAK_SHARE = 0.30


def tagcounts(d):
    """Per lemma: tagged uses in verb.communication, as any verb, as a noun."""
    comm, verb, noun = {}, {}, {}
    with open(os.path.join(d, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, _, n = line.split()
            lemma, rest = key.split("%", 1)
            t = rest.split(":")
            if t[0] == "2":
                verb[lemma] = verb.get(lemma, 0) + int(n)
                if t[1] == "32":
                    comm[lemma] = comm.get(lemma, 0) + int(n)
            elif t[0] == "1":
                noun[lemma] = noun.get(lemma, 0) + int(n)
    return comm, verb, noun


def irregulars(d):
    out = {}
    with open(os.path.join(d, "verb.exc"), encoding="latin-1") as f:
        for line in f:
            form, base = line.split()[:2]
            out.setdefault(base, []).append(form)
    return out


VOWELS = "aeiou"


def regular(base):
    if base.endswith(("s", "x", "z", "ch", "sh")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past = base + "d"
        ing = base + "ing" if base.endswith(("ee", "ye", "oe")) else base[:-1] + "ing"
    elif base.endswith("y") and base[-2:-1] not in VOWELS:
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    if base.endswith("ie"):
        ing = base[:-2] + "ying"
    return third, past, ing


def forms(base, exc, nounish):
    third, past, ing = regular(base)
    irr = exc.get(base, [])
    out = [] if nounish else [base, third]
    pasts = [f for f in irr if not f.endswith("ing")]
    ings = [f for f in irr if f.endswith("ing")]
    out += pasts or [past]
    out += ings or [ing]
    seen, uniq = set(), []
    for f in out:
        if f not in seen:
            seen.add(f)
            uniq.append(f)
    return uniq


def main():
    d = wordnet_dir()
    syn = read_synsets(d)
    roots = []
    for lemma, gloss in ROOTS:
        roots += [o for o, s in syn.items() if lemma in s[1] and s[4].startswith(gloss)]
    closure, stack = set(), list(roots)
    while stack:
        o = stack.pop()
        if o in closure:
            continue
        closure.add(o)
        stack += [po for t, po in syn[o][2] if t == "~"]
    lemmas = set()
    for o, s in syn.items():
        if s[0] == 32 and (26 in s[3] or o in closure):
            lemmas.update(s[1])
    ccount, vcount, ncount = tagcounts(d)
    exc = irregulars(d)
    lines = []
    for lemma in sorted(lemmas):
        parts = lemma.split("_")
        if len(parts) > 2 or (len(parts) == 2 and parts[1] not in PARTICLES) or "-" in parts[0] or not parts[0].isalpha():
            continue
        head = parts[0]
        v = vcount.get(lemma, 0)
        if v > 0 and ccount.get(lemma, 0) < MIN_SHARE * v:
            continue  # mostly not a verb of saying
        nounish = ncount.get(lemma, 0) > 0 and 2 * ncount.get(lemma, 0) >= v
        fs = forms(head, exc, nounish)
        if len(parts) == 2:
            fs = [f + "_" + parts[1] for f in fs]
        label = [] if not nounish else [lemma + ":"]
        line = " ".join(label + fs)
        if v > 0 and ccount.get(lemma, 0) < WEAK_SHARE * v:
            line = "~" + line  # mostly not a verb of saying
        lines.append(line)
    with open(OUT, "w") as f:
        f.write("# Source: WordNet 3.0, Princeton University (WordNet 3.0 licence: use, copy, modify and distribute with its copyright notice; Debian package wordnet-base); generated by scripts/gen-quote-cues.py, do not edit.\n")
        f.write("# Reporting verbs: verb.communication synsets with the frame \"Somebody ----s that CLAUSE\" or troponyms of say/express/talk/utter, mostly used as verbs of saying (see the script), with inflections.\n")
        f.write("# A line is the forms of one verb; a first field ending in \":\" is a label, not a cue (noun-like base forms left out); \"_\" joins a multi-word cue; \"~\" first marks a weak verb (communication senses under 30 % of its tagged uses).\n")
        f.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.\n")
        f.write("\n".join(lines) + "\n")
    print(f"{len(lines)} verbs written to {OUT}", file=sys.stderr)
    irr = sorted({f for forms_ in exc.values() for f in forms_ if f.isalpha()})
    out2 = os.path.join(os.path.dirname(OUT), "irregular.txt")
    with open(out2, "w") as f:
        f.write("# Source: WordNet 3.0 verb.exc, Princeton University (WordNet 3.0 licence: use, copy, modify and distribute with its copyright notice; Debian package wordnet-base); generated by scripts/gen-quote-cues.py, do not edit.\n")
        f.write("# Irregular inflected forms of English verbs, one section for the quote lexicon.\n[irregular]\n")
        for i in range(0, len(irr), 16):
            f.write(" ".join(irr[i:i + 16]) + "\n")
    print(f"{len(irr)} irregular forms written to {out2}", file=sys.stderr)


if __name__ == "__main__":
    main()
