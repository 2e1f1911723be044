#!/usr/bin/env bash
# Bad input to density and control: each is a clear error naming what is wrong (file, line and field
# where there is one), a non-zero exit, and no file left behind.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
events=tests/data/layers/scenario_events.csv
out="$WORK/out/layer.tif"
mkdir -p "$WORK/out"
head -1 "$events" > "$WORK/empty.csv"
expect_error "empty.csv: holds no events" "$out" "$BIN" density "$WORK/empty.csv" -o "$out"
expect_error "empty.csv: holds no events" "$out" "$BIN" control "$WORK/empty.csv" --as-of 2016-06-01 -o "$out"
expect_error "no strike events to map" "$out" "$BIN" density "$events" --from 2020-01-01 -o "$out"
expect_error "outside the date window" "$out" "$BIN" density "$events" --from 2020-01-01 -o "$out"
expect_error "--bandwidth: '0' is out of range: give a finite number above 0" "$out" "$BIN" density "$events" --bandwidth 0 -o "$out"
expect_error "--bandwidth: '-5' is out of range" "$out" "$BIN" density "$events" --bandwidth -5 -o "$out"
expect_error "use --pixel-size" "$out" "$BIN" density "$events" --pixel-size 1 -o "$out"
expect_error "--half-life: needs --as-of" "$out" "$BIN" density "$events" --half-life 10 -o "$out"
expect_error "name it .tif" "$WORK/out/layer.png" "$BIN" density "$events" -o "$WORK/out/layer.png"
sed 's/^s6,2016-06-15.*$/s6,2016-06-15,1,Explosions\/Remote violence,Air\/drone strike,Russian air force,,Paris,48.8566,2.3522,1,,,,5,,scenario/' \
  "$events" > "$WORK/abroad.csv"
expect_error "1 event lies more than 25 km outside the gazetteer's country" "$out" "$BIN" density "$WORK/abroad.csv" -o "$out"
grep -qF "event s6 (scenario) at 48.85660,2.35220" "$WORK/stderr" || fail "the event abroad is not named"
sed 's/Shelling\/artillery\/missile attack/Mortar party/' "$events" > "$WORK/badtype.csv"
expect_error "badtype.csv:8: field 'sub_event_type': 'Mortar party' is not one of ACLED's sub-event types" "$out" \
  "$BIN" density "$WORK/badtype.csv" -o "$out"
sed 's/^s2,2016-06-01/s2,2016-06-41/' "$events" > "$WORK/baddate.csv"
expect_error "baddate.csv:3: field 'event_date'" "$out" "$BIN" control "$WORK/baddate.csv" --as-of 2016-06-20 -o "$out"
sed 's/C1597,Dabeq,,,islamic_state/C1597,Dabeq,,,martians/' tests/data/layers/scenario_baseline.csv > "$WORK/baseline.csv"
expect_error "baseline.csv:7: field 'controller': 'martians' is no category" "$out" \
  "$BIN" control --baseline "$WORK/baseline.csv" --as-of 2016-06-20 -o "$out"
sed 's/,2016-05-01$/,/' tests/data/layers/scenario_baseline.csv > "$WORK/undated_baseline.csv"
expect_error "undated_baseline.csv:2: field 'date': is empty: give the baseline's date with --baseline-date" "$out" \
  "$BIN" control --baseline "$WORK/undated_baseline.csv" --as-of 2016-06-20 -o "$out"
expect_error "--as-of: the range ends before it starts" "$out" "$BIN" control "$events" --as-of 2017-01-01..2016-01-01/1m -o "$out"
expect_error "give events, a --baseline, or both" "$out" "$BIN" control --as-of 2016-06-01 -o "$out"
expect_error "$WORK/missing: the folder does not exist" "$WORK/missing/layer.tif" \
  "$BIN" control "$events" --as-of 2016-06-20 -o "$WORK/missing/layer.tif"
# numeric options: NaN, infinities and out-of-range values are refused, naming the option
expect_error "--half-life: 'nan' is not finite" "$out" "$BIN" density "$events" --half-life nan -o "$out"
expect_error "--fatality-weight: '-1' is out of range" "$out" "$BIN" density "$events" --fatality-weight -1 -o "$out"
expect_error "--pixel-size: 'inf' is not finite" "$out" "$BIN" density "$events" --pixel-size inf -o "$out"
expect_error "--levels: 'nan' is not finite" "$out" "$BIN" density "$events" --levels 1,nan -o "$out"
expect_error "--influence: 'nan' is not finite" "$out" "$BIN" control "$events" --as-of 2016-06-20 --influence nan -o "$out"
# the isobands may not overwrite the raster or its style; nothing is written
expect_error "--isobands: '$WORK/out/same.tif' would overwrite the density raster" "$WORK/out/same.tif" \
  "$BIN" density "$events" -o "$WORK/out/same.tif" --isobands "$WORK/out/same.tif"
expect_error "would overwrite the density raster" "$WORK/out/d.tif" \
  "$BIN" density "$events" -o "$WORK/out/d.tif" --isobands "$WORK/out/d.geojson"
# every grid has a size guard, control's too
expect_error "over the limit of 100000000 cells; use --pixel-size" "$out" \
  "$BIN" control "$events" --as-of 2016-06-20 --pixel-size 5 -o "$out"
# a step that would overflow the calendar
expect_error "--as-of: the step '300000000y' is too long" "$out" \
  "$BIN" control "$events" --as-of 2017-01-01..2017-12-01/300000000y -o "$out"
[ -z "$(ls -A "$WORK/out")" ] || fail "failed runs left files: $(ls -A "$WORK/out")"
echo "ok: bad layer input is refused"
