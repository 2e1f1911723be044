#!/usr/bin/env bash
# ingest: when the events cannot be written, neither the events nor the --rejected report are left behind.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/out"
expect_error "the folder does not exist" "$WORK/out/rejected.csv" \
  "$BIN" ingest --format acled "$TESTS/data/ingest/acled_sample.csv" -o "$WORK/nodir/e.csv" --rejected "$WORK/out/rejected.csv"
expect_error "the folder does not exist" "$WORK/out/e.csv" \
  "$BIN" ingest --format acled "$TESTS/data/ingest/acled_sample.csv" -o "$WORK/out/e.csv" --rejected "$WORK/nodir/rejected.csv"
# a GeoJSON sequence cut off in its third feature: refused, naming the feature, instead of two events and
# "0 rows rejected"
feature='{"type":"Feature","properties":{"event_date":"2016-01-0N","event_type":"Battles","sub_event_type":"Armed clash","location":"Manbij"},"geometry":{"type":"Point","coordinates":[37.95,36.52]}}'
{ echo "${feature/N/1}"; echo "${feature/N/2}"; printf '%s' "${feature:0:60}"; } > "$WORK/cut.geojsonl"
expect_error "cut.geojsonl:3: cannot read the feature after the 2 read whole" "$WORK/out/cut.csv" \
  "$BIN" ingest --format geojson "$WORK/cut.geojsonl" -o "$WORK/out/cut.csv"
expect_error "cut.geojsonl:3: cannot read the feature after the 2 read whole" "$WORK/out/cut.tif" \
  "$BIN" density "$WORK/cut.geojsonl" -o "$WORK/out/cut.tif"
echo "ok: ingest bad outputs"
# An OGR source with bytes of another encoding, or a point no WGS84 coordinate: each row is refused and
# reported, and what is written reads back
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"event_date":"2016-01-02","sub_event_type":"Air/drone strike","location":"Bad \xff name"},"geometry":{"type":"Point","coordinates":[37.1,36.2]}},{"type":"Feature","properties":{"event_date":"2016-01-03","sub_event_type":"Air/drone strike","location":"Far"},"geometry":{"type":"Point","coordinates":[-2147483649,36.2]}},{"type":"Feature","properties":{"event_date":"2016-01-04","sub_event_type":"Air/drone strike","location":"Good"},"geometry":{"type":"Point","coordinates":[37.2,36.3]}}]}' > "$WORK/encodings.geojson"
"$BIN" ingest --format geojson "$WORK/encodings.geojson" -o "$WORK/encodings.csv" --rejected "$WORK/encodings_rejected.csv" \
  2>"$WORK/stderr" || fail "ingest of a source with two bad rows failed: $(cat "$WORK/stderr")"
grep -q "encodings.geojson:1: field 'location': not valid UTF-8" "$WORK/stderr" || fail "invalid UTF-8 not reported: $(cat "$WORK/stderr")"
grep -q "encodings.geojson:2: field 'geometry': longitude -2147483649 is not a longitude" "$WORK/stderr" \
  || fail "an impossible longitude not reported: $(cat "$WORK/stderr")"
[ "$(wc -l < "$WORK/encodings.csv")" = 2 ] || fail "not exactly the one good row written"
"$BIN" density "$WORK/encodings.csv" -o "$WORK/encodings.tif" 2>"$WORK/stderr" || fail "the output does not read back: $(cat "$WORK/stderr")"
echo "ok: invalid UTF-8 and impossible points in an OGR source"
