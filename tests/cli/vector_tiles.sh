#!/usr/bin/env bash
# Vector tiles of the scenario's events, zones and fronts: a folder GDAL can read back with one layer per
# source, an MBTiles file, and a PMTiles archive holding the same tiles; bad input refused.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
data=tests/data/layers
"$BIN" control "$data/scenario_events.csv" --baseline "$data/scenario_baseline.csv" --as-of 2016-06-20 \
  --influence 6000 --pixel-size 250 -o "$WORK/control.tif" 2>/dev/null || fail "control"
sources=("$WORK/control_zones.geojson" "$WORK/control_fronts.geojson")
for out in folder tiles.mbtiles tiles.pmtiles; do
  "$BIN" vector-tiles "${sources[@]}" -z 6-11 -o "$WORK/$out" 2>"$WORK/vt.log" || fail "vector-tiles $out: $(cat "$WORK/vt.log")"
  grep -q "2 layers" "$WORK/vt.log" || fail "$out: $(cat "$WORK/vt.log")"
done
# GDAL's MVT driver reads a tile back: the zones' layer is there at every zoom
for z in 6 11; do
  tile=$(find "$WORK/folder/$z" -name '*.pbf' | sort | head -1)
  [ -n "$tile" ] || fail "no tile at zoom $z"
  ogrinfo -ro -so "$tile" 2>&1 | grep -q "control_zones" || fail "GDAL cannot read $tile back"
done
grep -q 'control_fronts' "$WORK/folder/metadata.json" || fail "the fronts layer is missing from the metadata"
grep -q 'vector_layers' "$WORK/folder/metadata.json" || fail "no vector_layers in the folder's metadata"
/usr/bin/python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
meta = dict(db.execute('select name, value from metadata'))
assert meta['format'] == 'pbf' and 'vector_layers' in meta['json'], meta
assert db.execute('select count(*) from tiles').fetchone()[0] > 0
" "$WORK/tiles.mbtiles" || fail "MBTiles metadata"
"$BIN" merge-tiles "$WORK/tiles.pmtiles" -o "$WORK/from_pmtiles" 2>/dev/null || fail "reading the PMTiles back"
diff -r -x metadata.json -x tiles.json "$WORK/folder" "$WORK/from_pmtiles" >/dev/null || fail "the PMTiles tiles differ from the folder's"
expect_error "missing.geojson: no such source" "$WORK/x.pmtiles" "$BIN" vector-tiles "$WORK/missing.geojson" -z 0-5 -o "$WORK/x.pmtiles"
expect_error "zooms run from 0 to 22" "$WORK/x.pmtiles" "$BIN" vector-tiles "${sources[@]}" -z 0-30 -o "$WORK/x.pmtiles"
printf 'a,b\n1,2\n' > "$WORK/nogeometry.csv"
expect_error "nogeometry.csv: no feature has a geometry" "$WORK/y.pmtiles" "$BIN" vector-tiles "$WORK/nogeometry.csv" -z 0-3 -o "$WORK/y.pmtiles"
echo "ok: vector tiles"
