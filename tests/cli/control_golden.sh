#!/usr/bin/env bash
# A control snapshot series on a small synthetic scenario (a baseline, captures, a reversal, a clash)
# against golden files: the zone and front GeoJSON of every date, the snapshot index, and the raster's
# checksum. Two runs give byte-identical files, and every raster is a valid Cloud-Optimized GeoTIFF.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
data=tests/data/layers
golden=tests/golden/layers
run() {
  "$BIN" control "$data/scenario_events.csv" --baseline "$data/scenario_baseline.csv" \
    --as-of 2016-05-15,2016-06-05,2016-06-20 --influence 6000 --pixel-size 250 -o "$1/scenario.tif" 2>"$1.log" \
    || fail "control failed: $(cat "$1.log")"
}
mkdir -p "$WORK/a" "$WORK/b"
run "$WORK/a"
run "$WORK/b"
for f in "$WORK"/a/*; do
  cmp -s "$f" "$WORK/b/$(basename "$f")" || fail "two runs differ in $(basename "$f")"
done
for tif in "$WORK"/a/*.tif; do
  echo "$(basename "$tif") $(gdalinfo -checksum "$tif" | grep -o 'Checksum=[0-9]*' | head -1)"
done > "$WORK/a/checksums.txt"
compared=(scenario_snapshots.json checksums.txt)
for date in 2016-05-15 2016-06-05 2016-06-20; do
  compared+=("scenario_${date}_zones.geojson" "scenario_${date}_fronts.geojson")
done
for name in "${compared[@]}"; do
  [ "${UPDATE_GOLDEN:-}" = 1 ] && cp "$WORK/a/$name" "$golden/$name"
  cmp -s "$golden/$name" "$WORK/a/$name" || { diff -u "$golden/$name" "$WORK/a/$name" | cut -c1-200 | head -20; fail "$name differs from the golden file"; }
done
python3 "$TESTS/cli/rfc7946_check.py" "$WORK"/a/*_zones.geojson "$WORK"/a/*_fronts.geojson \
  || fail "the zones or fronts break RFC 7946"
# the last snapshot: the reversal leaves Suran with the opposition, the clash makes Marea contested
grep -q '"controller": "contested".*"event_ids": \[ "s4" \]' "$WORK/a/scenario_2016-06-20_zones.geojson" \
  || fail "Marea's clash did not make it contested"
grep -q '"controller": "opposition".*"event_ids": \[ "s3" \]' "$WORK/a/scenario_2016-06-20_zones.geojson" \
  || fail "the rebels' regaining of Suran did not decide the opposition zone"
grep -q 'paletteEntry value="4"' "$WORK/a/scenario_2016-06-20.qml" || fail "the raster style lacks the IS colour"
grep -q '<Category>Islamic State</Category>' "$WORK/a/scenario_2016-06-20.tif.aux.xml" \
  || fail "the raster has no category names"
grep -q 'GFU_Name\|<FieldDefn index="1">' "$WORK/a/scenario_2016-06-20.tif.aux.xml" || fail "the raster has no attribute table"
if /usr/bin/python3 -c "import osgeo_utils.samples.validate_cloud_optimized_geotiff" 2>/dev/null; then
  for tif in "$WORK"/a/*.tif; do
    /usr/bin/python3 -m osgeo_utils.samples.validate_cloud_optimized_geotiff -q "$tif" || fail "$tif is not a valid COG"
  done
fi
echo "ok: control snapshots match the golden files"
