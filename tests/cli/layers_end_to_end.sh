#!/usr/bin/env bash
# The five bundled reports end to end: extracted events give a strike-density layer and control zones.
# The reports carry no dates, so their events count as reported on the snapshot date (--undated as-of).
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
"$BIN" extract tests/data/sample/reports/*.txt -o "$WORK/events.gpkg" 2>/dev/null || fail "extract failed"
"$BIN" density "$WORK/events.gpkg" -o "$WORK/strikes.tif" 2>"$WORK/density.log" || fail "density: $(cat "$WORK/density.log")"
grep -q "15 strike events selected (total weight 90)" "$WORK/density.log" || fail "density selected: $(cat "$WORK/density.log")"
[ "$(grep -c '"density_min"' "$WORK/strikes_isobands.geojson")" -ge 3 ] || fail "fewer than 3 isobands"
"$BIN" control "$WORK/events.gpkg" --as-of 2016-01-01 --undated as-of -o "$WORK/control.tif" 2>"$WORK/control.log" \
  || fail "control: $(cat "$WORK/control.log")"
for controller in islamic_state opposition contested; do
  grep -q "\"controller\": \"$controller\"" "$WORK/control_zones.geojson" || fail "no $controller zone from the reports"
done
# zones are clean polygons: no stray lines or spikes from the overlays (the IS zone stays around its villages)
! grep -q '"GeometryCollection"\|"LineString"' "$WORK/control_zones.geojson" || fail "a zone holds lines"
if /usr/bin/python3 -c "import osgeo" 2>/dev/null; then
  /usr/bin/python3 - "$WORK/control_zones.geojson" <<'PY' || fail "a zone reaches far beyond its settlements"
import sys
from osgeo import ogr
source = ogr.Open(sys.argv[1])  # kept: the layer dies with its data source
for f in source.GetLayer():
    west, east, south, north = f.GetGeometryRef().GetEnvelope()
    if f["controller"] != "contested" and (east - west > 1.0 or north - south > 1.0):
        sys.exit(f"{f['controller']} spans {east - west:.2f}° × {north - south:.2f}°")
PY
fi
# without --undated as-of the undated reports decide nothing, and the command says so
"$BIN" control "$WORK/events.gpkg" --as-of 2016-01-01 -o "$WORK/skipped.tif" 2>"$WORK/skipped.log" || fail "control (skip)"
grep -Eq "[1-9][0-9]* undated reports skipped" "$WORK/skipped.log" || fail "undated reports not reported: $(cat "$WORK/skipped.log")"
# the same events with lone carriage returns as line ends (an old Mac export) select the same strikes
"$BIN" extract tests/data/sample/reports/*.txt -o "$WORK/events.csv" 2>/dev/null || fail "extract to CSV failed"
tr '\n' '\r' < "$WORK/events.csv" > "$WORK/events_cr.csv"
"$BIN" density "$WORK/events_cr.csv" -o "$WORK/strikes_cr.tif" 2>"$WORK/density_cr.log" || fail "density on CR line ends: $(cat "$WORK/density_cr.log")"
grep -q "15 strike events selected (total weight 90)" "$WORK/density_cr.log" || fail "CR line ends: $(cat "$WORK/density_cr.log")"
echo "ok: the bundled reports give a density layer and control zones"
