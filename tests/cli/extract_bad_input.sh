#!/usr/bin/env bash
# Bad reports get a clear error naming the file (and line), a non-zero exit, and no output.
source "$(dirname "$0")/lib.sh"
out="$WORK/out/events.csv"
mkdir -p "$WORK/out"
run() { "$BIN" extract "$@" -o "$out"; }

: > "$WORK/empty.txt"
expect_error "empty.txt: the report is empty" "$out" run "$WORK/empty.txt"

printf 'IS took Soran\n\x00\x01\x02binary' > "$WORK/binary.txt"
expect_error "binary.txt:2: the file is binary" "$out" run "$WORK/binary.txt"

printf 'IS took Soran.\nHal\xe9b was shelled.\n' > "$WORK/latin1.txt"
expect_error "latin1.txt:2: the text is not UTF-8" "$out" run "$WORK/latin1.txt"

printf 'Date: 2016-02-30\nIS took Soran.\n' > "$WORK/baddate.txt"
expect_error "baddate.txt:1: field 'date': '2016-02-30' is not a calendar date" "$out" run "$WORK/baddate.txt"

printf 'IS took control of Soran.\n' > "$WORK/ok.txt"
expect_error "the extension must be .geojson, .geojsonl, .csv or .gpkg" "$WORK/out/events.txt" \
  "$BIN" extract "$WORK/ok.txt" -o "$WORK/out/events.txt"
expect_error "is not a date YYYY-MM-DD" "$out" "$BIN" extract "$WORK/ok.txt" --date 2016-13-01 -o "$out"
expect_error "cannot write" "$WORK/no/such/folder/events.csv" \
  "$BIN" extract "$WORK/ok.txt" -o "$WORK/no/such/folder/events.csv"
# one bad report among good ones: nothing is written
expect_error "empty.txt: the report is empty" "$out" run "$WORK/ok.txt" "$WORK/empty.txt"
# the events cannot be written: the side report is not left behind either, and the error names the folder
expect_error "the folder does not exist" "$WORK/out/unresolved.csv" \
  "$BIN" extract "$WORK/ok.txt" -o "$WORK/nodir/e.csv" --unresolved "$WORK/out/unresolved.csv"
# a run-on line of 300 KB is read in pieces, in bounded time, and says so
/usr/bin/python3 -c "print(' '.join(['rebels captured Soran and shelled Kafra near Aleppo'] * 6000))" > "$WORK/runon.txt"
"$BIN" extract "$WORK/runon.txt" -o "$WORK/out/runon.csv" 2>"$WORK/runon.log" || fail "a run-on line failed: $(cat "$WORK/runon.log")"
grep -q "run-on sentences longer than 2000 bytes were read in pieces" "$WORK/runon.log" || fail "cut sentences not reported"
echo "ok: bad reports"
