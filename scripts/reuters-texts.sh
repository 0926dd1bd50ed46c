#!/usr/bin/env bash
# Writes the texts of the "reuters" development set (services/enrich/testdata/reuters)
# beside its annotations, so that `newsflow eval services/enrich/testdata/reuters` can run.
# The texts are Reuters newswire stories of 1987 from the Reuters-21578 collection as the
# R package tm ships them (texts/crude, texts/acq, texts/reuters-21578.xml), taken here
# from Debian's r-cran-tm package. Reuters-21578 is distributed free of charge for research
# only, so the texts are not kept in this repository; the annotations are ours.
# Usage: scripts/reuters-texts.sh. Needs apt-get (Debian's package index), dpkg-deb, python3.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/services/enrich/testdata/reuters"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download r-cran-tm >/dev/null 2>&1 && dpkg-deb -x r-cran-tm_*.deb x)
texts=$(echo "$tmp"/x/usr/lib/R/site-library/tm/texts)
python3 - "$texts" "$out" <<'PY'
import glob, html, os, re, sys
texts, out = sys.argv[1], sys.argv[2]
want = {os.path.basename(f)[:-len(".gold.json")] for f in glob.glob(out + "/*.gold.json")}
seen, n = set(), 0
def conv(doc, name):
    """Title line, blank line, then the story's paragraphs (the wire's indented lines);
    the closing "Reuter" sign-off left out."""
    global n
    t = re.search(r"<TITLE>(.*?)</TITLE>", doc, re.S)
    b = re.search(r"<BODY>(.*?)</BODY>", doc, re.S)
    if not t or not b:
        return
    title = html.unescape(t.group(1)).strip()
    body = re.sub(r"\s*Reuter\s*$", "", html.unescape(b.group(1)))
    paras = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", body) if p.strip()]
    if len(" ".join(paras).split()) < 60:
        return
    key = title + paras[0][:50]
    if key in seen:
        return
    seen.add(key)
    if name in want:
        open(f"{out}/{name}.txt", "w").write(title + "\n\n" + "\n\n".join(paras) + "\n")
        n += 1
for f in sorted(glob.glob(texts + "/crude/*.xml") + glob.glob(texts + "/acq/*.xml")):
    conv(open(f, encoding="latin-1").read(), os.path.basename(os.path.dirname(f)) + "-" + os.path.basename(f)[5:10])
for i, doc in enumerate(re.findall(r"<REUTERS.*?</REUTERS>", open(texts + "/reuters-21578.xml", encoding="latin-1").read(), re.S)):
    conv(doc, "r21578-%02d" % i)
print(f"wrote {n} texts of {len(want)} annotated articles to {out}")
if n != len(want):
    sys.exit("some annotated articles were not found in the package")
PY
