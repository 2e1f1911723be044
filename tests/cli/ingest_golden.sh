#!/usr/bin/env bash
# ACLED, UCDP GED, a mapped CSV and an OGR source ingested against golden files; bad rows are reported by
# line and reason while the good rows are kept; a table missing a needed column is an error naming it.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
data=tests/data/ingest
check() {  # name, then the ingest arguments
  local name="$1"; shift
  "$BIN" ingest "$@" -o "$WORK/$name.csv" --rejected "$WORK/$name.rejected.csv" 2>"$WORK/$name.log" \
    || fail "$name: ingest failed: $(cat "$WORK/$name.log")"
  "$BIN" ingest "$@" -o "$WORK/$name.again.csv" 2>/dev/null || fail "$name: second run failed"
  cmp -s "$WORK/$name.csv" "$WORK/$name.again.csv" || fail "$name: two runs differ"
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$WORK/$name.csv" "tests/golden/ingest/$name.csv"
    cp "$WORK/$name.rejected.csv" "tests/golden/ingest/$name.rejected.csv"
  fi
  diff -u "tests/golden/ingest/$name.csv" "$WORK/$name.csv" || fail "$name: events differ from the golden file"
  diff -u "tests/golden/ingest/$name.rejected.csv" "$WORK/$name.rejected.csv" || fail "$name: rejected rows differ"
}
check acled "$data/acled_sample.csv" --format acled
grep -q "acled_sample.csv:4: field 'latitude': '95.5' is not a latitude" "$WORK/acled.log" \
  || fail "the out-of-range row is not reported by line: $(cat "$WORK/acled.log")"
grep -q "^SYR0004,.*,C1621," "$WORK/acled.csv" || fail "the row without coordinates was not placed by the resolver"
check ucdp "$data/ucdp_sample.csv" --format ucdp-ged
check mapped "$data/mapped_sample.csv" --format csv --map event_date=when --map sub_event_type=what \
  --map actor1=who --map location=where --map admin1=governorate --map latitude=lat --map longitude=lon \
  --map fatalities=killed
# any OGR source: the ACLED events written as GeoJSON read back through OGR give the same events
"$BIN" ingest "$data/acled_sample.csv" --format acled -o "$WORK/acled.geojson" 2>/dev/null || fail "GeoJSON output"
"$BIN" ingest "$WORK/acled.geojson" --format ogr --map event_id=event_id -o "$WORK/roundtrip.csv" 2>"$WORK/ogr.log" \
  || fail "ingesting GeoJSON failed: $(cat "$WORK/ogr.log")"
[ "$(cut -d, -f1-6 "$WORK/roundtrip.csv")" = "$(cut -d, -f1-6 "$WORK/acled.csv")" ] \
  || fail "the OGR round trip changed the events"
# a needed column missing: an error naming it, and no output
printf 'date,kind\n2015-10-07,Armed clash\n' > "$WORK/wrong.csv"
expect_error "wrong.csv:1: field 'event_date': no such column" "$WORK/out.csv" \
  "$BIN" ingest "$WORK/wrong.csv" --format csv -o "$WORK/out.csv"
expect_error "'when' is not field=column" "$WORK/out.csv" \
  "$BIN" ingest "$data/mapped_sample.csv" --format csv --map when -o "$WORK/out.csv"
echo "ok: ingestion"
