#!/usr/bin/env bash
# Tiles of the synthetic scenario's control and density layers: the tile list and bytes against a golden
# file; pixels against gdalwarp's reprojection of the layer; MBTiles (TMS rows, metadata) and PMTiles read
# back; byte-identical reruns; shards merged equal to one run; an interrupted folder resumes; bad input.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
data=tests/data/layers
"$BIN" control "$data/scenario_events.csv" --baseline "$data/scenario_baseline.csv" --as-of 2016-06-20 \
  --influence 6000 --pixel-size 250 -o "$WORK/control.tif" 2>/dev/null || fail "control failed"
"$BIN" density "$data/scenario_events.csv" --bandwidth 8000 --pixel-size 250 -o "$WORK/strikes.tif" 2>/dev/null \
  || fail "density failed"
tiles() { "$BIN" tiles "$@" 2>"$WORK/tiles.log" || fail "tiles $*: $(cat "$WORK/tiles.log")"; }

tiles "$WORK/control.tif" "$WORK/strikes.tif" -z 6-12 -o "$WORK/folder"
(cd "$WORK/folder" && find . -name '*.png' | sort | xargs md5sum) > "$WORK/tiles.txt"
[ "${UPDATE_GOLDEN:-}" = 1 ] && cp "$WORK/tiles.txt" tests/golden/tiles/scenario_tiles.txt
cmp -s tests/golden/tiles/scenario_tiles.txt "$WORK/tiles.txt" \
  || { diff -u tests/golden/tiles/scenario_tiles.txt "$WORK/tiles.txt" | head -20; fail "tiles differ from the golden list"; }
grep -q '"minzoom": 6' "$WORK/folder/control/tiles.json" || fail "no TileJSON beside the folder tiles"

if /usr/bin/python3 -c "import numpy, osgeo" 2>/dev/null; then
  picks=$(cd "$WORK/folder/control" && for z in 12 10 8; do find $z -name '*.png' | sort | head -2; done | sed 's/\.png$//')
  /usr/bin/python3 tests/tiles/check_tile_pixels.py "$WORK/control.tif" "$WORK/folder/control" $picks || fail "control tile pixels"
  picks=$(cd "$WORK/folder/strikes" && for z in 11 9 7; do find $z -name '*.png' | sort | head -1; done | sed 's/\.png$//')
  /usr/bin/python3 tests/tiles/check_tile_pixels.py "$WORK/strikes.tif" "$WORK/folder/strikes" $picks || fail "density tile pixels"
fi

# containers: byte-identical reruns, and each holds exactly the folder's tiles
for ext in mbtiles pmtiles; do
  tiles "$WORK/control.tif" -z 6-12 -o "$WORK/control.$ext"
  tiles "$WORK/control.tif" -z 6-12 -o "$WORK/again.$ext"
  cmp -s "$WORK/control.$ext" "$WORK/again.$ext" || fail "two runs give different $ext files"
  "$BIN" merge-tiles "$WORK/control.$ext" -o "$WORK/from_$ext" 2>/dev/null || fail "reading $ext back"
  diff -r -x tiles.json "$WORK/folder/control" "$WORK/from_$ext" >/dev/null || fail "the $ext tiles differ from the folder's"
done
/usr/bin/python3 - "$WORK/control.mbtiles" "$WORK/folder/control" <<'PY' || fail "MBTiles check"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
meta = dict(db.execute("select name, value from metadata"))
assert meta["format"] == "png" and meta["minzoom"] == "6" and meta["maxzoom"] == "12" and meta["type"] == "overlay", meta
assert len(meta["bounds"].split(",")) == 4, meta["bounds"]
z, x, row, blob = db.execute("select zoom_level, tile_column, tile_row, tile_data from tiles order by 1 desc, 2, 3 limit 1").fetchone()
y = (1 << z) - 1 - row  # TMS rows count from the south
assert open(f"{sys.argv[2]}/{z}/{x}/{y}.png", "rb").read() == blob, (z, x, y)
print(f"ok: MBTiles metadata and TMS rows ({z}/{x}/{y} is row {row})")
PY

# shards: two halves merged give the same archive as one run
tiles "$WORK/control.tif" -z 6-12 --shard 0/2 -o "$WORK/part0.mbtiles"
tiles "$WORK/control.tif" -z 6-12 --shard 1/2 -o "$WORK/part1.pmtiles"
"$BIN" merge-tiles "$WORK/part0.mbtiles" "$WORK/part1.pmtiles" -o "$WORK/merged.pmtiles" 2>/dev/null || fail "merge"
cmp -s "$WORK/merged.pmtiles" "$WORK/control.pmtiles" || fail "merged shards differ from one run"
expect_error "shards must not overlap" "$WORK/overlap.pmtiles" \
  "$BIN" merge-tiles "$WORK/part0.mbtiles" "$WORK/part0.mbtiles" -o "$WORK/overlap.pmtiles"

# an interrupted folder: the missing tiles are rendered, the rest kept
find "$WORK/folder/control" -name '*.png' | sort | awk 'NR % 2 == 0' | xargs rm -f
tiles "$WORK/control.tif" -z 6-12 -o "$WORK/folder"
grep -q "control: 47 tiles in z6–12, 22 already done" "$WORK/tiles.log" || fail "resume: $(head -1 "$WORK/tiles.log")"
(cd "$WORK/folder" && find . -name '*.png' | sort | xargs md5sum) | cmp -s - tests/golden/tiles/scenario_tiles.txt \
  || fail "the resumed folder differs"

# an empty layer (every controller decayed) is valid: no tiles, and a container readers open
"$BIN" control "$data/scenario_events.csv" --as-of 2017-06-20 --decay-days 30 -o "$WORK/empty.tif" 2>/dev/null \
  || fail "the empty control layer"
tiles "$WORK/empty.tif" -z 6-10 -o "$WORK/empty.pmtiles"
grep -q "empty: 0 tiles" "$WORK/tiles.log" || fail "an empty layer made tiles: $(cat "$WORK/tiles.log")"
"$BIN" merge-tiles "$WORK/empty.pmtiles" -o "$WORK/empty_folder" 2>/dev/null || fail "the empty archive cannot be read"

expect_error "missing.tif: no such layer file" "$WORK/x" "$BIN" tiles "$WORK/missing.tif" -z 0-5 -o "$WORK/x"
expect_error "zooms run from 0 to 22" "$WORK/x" "$BIN" tiles "$WORK/control.tif" -z 0-23 -o "$WORK/x"
expect_error "the zoom range is reversed" "$WORK/x" "$BIN" tiles "$WORK/control.tif" -z 9-3 -o "$WORK/x"
expect_error "does not exist" "$WORK/nowhere/x.pmtiles" "$BIN" tiles "$WORK/control.tif" -z 0-5 -o "$WORK/nowhere/x.pmtiles"
expect_error "control.tif is not a folder" "$WORK/control.tif/x.mbtiles" "$BIN" tiles "$WORK/control.tif" -z 0-5 -o "$WORK/control.tif/x.mbtiles"
echo "ok: tiles"
