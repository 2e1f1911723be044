#!/usr/bin/env bash
# The main job on the bundled sample: installs what is missing, builds, and resolves the place names of the
# bundled reports (tests/data/sample/report_places.csv) against the embedded Syria gazetteer.
# Output: out/report_places.resolved.csv
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
mkdir -p out
./build/conflictmap resolve --input tests/data/sample/report_places.csv --name-column name \
  --context-column context --output out/report_places.resolved.csv
echo
cut -d, -f2,6- out/report_places.resolved.csv | column -s, -t || cat out/report_places.resolved.csv
echo
echo "wrote out/report_places.resolved.csv; try: ./build/conflictmap resolve 'Tell Refaat' --json"
