#!/usr/bin/env bash
# Baselines: the shipped mid-2017 baseline gives the well-known map (the government in Damascus and the west,
# the SDF in the north-east, IS along the Euphrates, the opposition in Idlib); a polygon baseline gives its
# controller to every gazetteer settlement inside it.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
"$BIN" control --baseline gazetteer/syria/control_baseline_2017.csv --as-of 2017-07-01 -o "$WORK/c2017.tif" \
  2>"$WORK/log" || fail "control: $(cat "$WORK/log")"
at() {  # lat lon → the category name at that point
  gdallocationinfo -valonly -wgs84 "$WORK/c2017.tif" "$2" "$1"
}
check_at() {  # place lat lon expected-value
  local got
  got=$(at "$2" "$3")
  [ "$got" = "$4" ] || fail "$1 ($2, $3): category $got, expected $4"
  echo "ok: $1 is category $4"
}
check_at Damascus 33.513 36.292 1
check_at Homs 34.73 36.71 1
check_at Latakia 35.52 35.79 1
check_at "Idlib city" 35.93 36.63 2
check_at Qamishli-countryside 37.03 41.10 3
check_at Kobani 36.89 38.35 3
check_at "Deir ez-Zor countryside (Mayadin)" 35.02 40.45 4
check_at "al-Bukamal" 34.46 40.92 4
# polygons: a box around Azaz held by the Turkish army and allied factions
cat > "$WORK/box.geojson" <<'JSON'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"controller":"turkey","date":"2017-03-01"},
"geometry":{"type":"Polygon","coordinates":[[[36.98,36.55],[37.10,36.55],[37.10,36.63],[36.98,36.63],[36.98,36.55]]]}}]}
JSON
"$BIN" control --baseline "$WORK/box.geojson" --as-of 2017-07-01 -o "$WORK/box.tif" 2>"$WORK/log" \
  || fail "polygon baseline: $(cat "$WORK/log")"
grep -q '"controller": "turkey"' "$WORK/box_zones.geojson" || fail "no Turkish zone from the polygon"
n=$(grep -o '"settlements": [0-9]*' "$WORK/box_zones.geojson" | cut -d' ' -f2)
[ "${n:-0}" -ge 3 ] || fail "the polygon covered only ${n:-0} settlements"
grep -q "baseline places" "$WORK/log" || fail "no summary"
echo "ok: baselines ($n settlements inside the polygon)"
