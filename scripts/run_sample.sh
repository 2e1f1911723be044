#!/usr/bin/env bash
# The main job on the bundled sample: installs what is missing, builds, resolves the place names of the
# bundled reports (tests/data/sample/report_places.csv), and extracts events from the five bundled reports
# (tests/data/sample/reports/) against the embedded Syria gazetteer.
# Output: out/report_places.resolved.csv, out/events.geojson, out/events.csv, out/events.gpkg,
#         out/unresolved.csv (what could not be placed or classified)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
mkdir -p out
./build/conflictmap resolve --input tests/data/sample/report_places.csv --name-column name \
  --context-column context --output out/report_places.resolved.csv
for format in geojson csv gpkg; do
  ./build/conflictmap extract tests/data/sample/reports/*.txt -o "out/events.$format" \
    --unresolved out/unresolved.csv
done
echo
cut -d, -f5,6,8,17,19 out/events.csv | column -s, -t | head -40 || true
echo
echo "wrote out/report_places.resolved.csv and out/events.{geojson,csv,gpkg} (+ out/unresolved.csv)"
echo "try: ./build/conflictmap resolve 'Tell Refaat' --json"
