#!/usr/bin/env bash
# The main job on the bundled sample: installs what is missing, builds, resolves the place names of the
# bundled reports (tests/data/sample/report_places.csv), and extracts events from the five bundled reports
# (tests/data/sample/reports/) against the embedded Syria gazetteer.
# Output: out/report_places.resolved.csv, out/events.geojson, out/events.csv, out/events.gpkg,
#         out/unresolved.csv (what could not be placed or classified),
#         out/strikes.tif (+ _isobands.geojson, .qml): strike density of the reports' events,
#         out/control_reports.tif (+ _zones/_fronts.geojson, .qml): control zones the reports describe,
#         out/control_2017.tif (+ …): control zones of the mid-2017 baseline (Wikipedia's map),
#         out/site/: the web map (viewer, PMTiles of every layer, events, zones, boundaries) for any static host
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-viewer
bash scripts/build.sh >/dev/null
mkdir -p out
./build/conflictmap resolve --input tests/data/sample/report_places.csv --name-column name \
  --context-column context --output out/report_places.resolved.csv
for format in geojson csv gpkg; do
  ./build/conflictmap extract tests/data/sample/reports/*.txt -o "out/events.$format" \
    --unresolved out/unresolved.csv
done
# Layers. The bundled reports carry no dates: their events count as reported on the snapshot date.
./build/conflictmap density out/events.gpkg -o out/strikes.tif
./build/conflictmap control out/events.gpkg --as-of 2016-01-01 --undated as-of -o out/control_reports.tif
./build/conflictmap control --baseline gazetteer/syria/control_baseline_2017.csv --as-of 2017-07-01 \
  -o out/control_2017.tif
# Tiles and the web map: both control runs on one date slider, the density, and the events with their sentences.
./build/conflictmap web --density out/strikes.tif --control out/control_reports.tif --control out/control_2017.tif \
  --events out/events.geojson -z 5-11 --title "conflictmap: the bundled reports" -o out/site
echo
python3 - out/events.csv <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(f"{'event':34} {'actor':26} {'place':22} {'written':28} new controller")
for r in rows[:40]:
    print(f"{r['sub_event_type'][:33]:34} {r['actor1'][:25]:26} {r['location'][:21]:22} {r['location_written'][:27]:28} {r['new_controller']}")
if len(rows) > 40:
    print(f"… {len(rows) - 40} more in out/events.csv")
PY
echo
echo "wrote out/report_places.resolved.csv and out/events.{geojson,csv,gpkg} (+ out/unresolved.csv)"
echo "wrote out/strikes.tif, out/control_reports.tif, out/control_2017.tif with their GeoJSON and .qml styles"
echo "open them in QGIS: qgis out/control_2017.tif out/control_2017_fronts.geojson out/strikes.tif"
echo "wrote out/site/ (the web map); open it with:"
echo "  ./build/conflictmap serve out/site    # then visit http://127.0.0.1:8080/"
echo "try: ./build/conflictmap resolve 'Tell Refaat' --json"
