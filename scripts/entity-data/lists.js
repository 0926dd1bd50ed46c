// Reading the entity data files, for the generator scripts beside this one.
"use strict";
const fs = require("fs");
const path = require("path");

// forms returns every form of a data file's lines (the "|"-separated
// names), lower case; comment lines and blank lines are skipped.
function forms(dir, file) {
  const out = new Set();
  for (const l of fs.readFileSync(path.join(dir, file), "utf8").split("\n")) {
    const t = l.trim();
    if (!t || t.startsWith("#")) continue;
    for (const f of t.split("|")) out.add(f.trim().toLowerCase());
  }
  return out;
}

// formsOf returns the forms of all the files together.
function formsOf(dir, files) {
  const out = new Set();
  for (const f of files) for (const w of forms(dir, f)) out.add(w);
  return out;
}

// takenLists are the lists whose words a generated name list leaves out
// when the name is one word: words, places, peoples, given names,
// languages and acronyms.
const takenLists = ["commonwords.txt", "countries.txt", "demonyms.txt", "norp.txt", "cities.txt", "towns.txt", "gpe.txt", "loc.txt",
  "subdivisions.txt", "givennames.txt", "givenwords.txt", "firstnames.txt", "worldnames.txt", "nonnames.txt", "languages.txt", "acronyms.txt"];

module.exports = { forms, formsOf, takenLists };
