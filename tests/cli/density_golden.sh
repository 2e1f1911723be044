#!/usr/bin/env bash
# Strike density of the synthetic scenario against golden isobands and raster checksum; the COG carries its
# parameters and units, conserves the strikes' mass, is valid and is byte-identical across runs; a date
# window and a half-life change the weights as documented.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
data=tests/data/layers
golden=tests/golden/layers
density() {
  "$BIN" density "$data/scenario_events.csv" --bandwidth 8000 --pixel-size 250 "$@" 2>"$WORK/density.log" \
    || fail "density failed: $(cat "$WORK/density.log")"
}
density -o "$WORK/strikes.tif"
density -o "$WORK/again.tif"
cmp -s "$WORK/strikes.tif" "$WORK/again.tif" || fail "two runs give different rasters"
cmp -s "$WORK/strikes_isobands.geojson" "$WORK/again_isobands.geojson" || fail "two runs give different isobands"
gdalinfo -checksum "$WORK/strikes.tif" | grep -o 'Checksum=[0-9]*' | head -1 > "$WORK/strikes_checksum.txt"
for name in strikes_isobands.geojson strikes_checksum.txt; do
  [ "${UPDATE_GOLDEN:-}" = 1 ] && cp "$WORK/$name" "$golden/scenario_$name"
  cmp -s "$golden/scenario_$name" "$WORK/$name" || { diff -u "$golden/scenario_$name" "$WORK/$name" | cut -c1-200 | head -20; fail "$name differs from the golden file"; }
done
info=$(gdalinfo "$WORK/strikes.tif")
for expected in "UNITS=strikes/km²" "KERNEL=quartic" "BANDWIDTH_M=8000" "PIXEL_SIZE_M=250" "TOTAL_WEIGHT=74" \
  "EVENTS_SELECTED=2" "LAYOUT=COG" "COMPRESSION=ZSTD" "NoData Value=-1" "Overviews:" "Type=Float32" "UTM zone 37N"; do
  grep -qF "$expected" <<<"$info" || fail "the raster lacks $expected"
done
mass=$(grep -o 'MASS_ON_GRID=[0-9.]*' <<<"$info" | cut -d= -f2)
awk -v m="$mass" 'BEGIN { exit !(m > 73.9 && m < 74.1) }' || fail "mass on the grid $mass, expected 74"
python3 "$TESTS/cli/rfc7946_check.py" "$WORK/strikes_isobands.geojson" || fail "the isobands break RFC 7946"
grep -q 'type="singlebandpseudocolor"' "$WORK/strikes.qml" || fail "no raster style"
grep -q 'type="graduatedSymbol" attr="density_min"' "$WORK/strikes_isobands.qml" || fail "no isoband style"
if /usr/bin/python3 -c "import osgeo_utils.samples.validate_cloud_optimized_geotiff" 2>/dev/null; then
  /usr/bin/python3 -m osgeo_utils.samples.validate_cloud_optimized_geotiff -q "$WORK/strikes.tif" || fail "not a valid COG"
fi
# --compress deflate: the same values, for readers without Zstandard
density -o "$WORK/deflate.tif" --compress deflate
grep -q "COMPRESSION=DEFLATE" <(gdalinfo "$WORK/deflate.tif") || fail "--compress deflate wrote another compression"
gdalinfo -checksum "$WORK/deflate.tif" | grep -o 'Checksum=[0-9]*' | head -1 | cmp -s - "$WORK/strikes_checksum.txt" \
  || fail "--compress deflate changed the values"
# 70 strikes on 2016-06-15 and 4 on 2016-06-16, as of 2016-06-16 with a one-day half-life: 35 + 4
mkdir -p "$WORK/raster_only"
density -o "$WORK/raster_only/strikes.tif" --no-isobands
cmp -s "$WORK/strikes.tif" "$WORK/raster_only/strikes.tif" || fail "--no-isobands changed the raster"
[ "$(ls "$WORK/raster_only")" = "$(printf 'strikes.qml\nstrikes.tif')" ] \
  || fail "--no-isobands wrote $(ls "$WORK/raster_only" | tr '\n' ' ')"
density -o "$WORK/decayed.tif" --as-of 2016-06-16 --half-life 1
grep -q "TOTAL_WEIGHT=39" <(gdalinfo "$WORK/decayed.tif") || fail "the half-life did not halve the older strikes"
density -o "$WORK/window.tif" --from 2016-06-16 --types shelling
grep -q "TOTAL_WEIGHT=4$" <(gdalinfo "$WORK/window.tif") || fail "the window and type filter kept the wrong strikes"
echo "ok: density matches the golden files"
