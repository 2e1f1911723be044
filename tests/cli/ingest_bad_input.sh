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
