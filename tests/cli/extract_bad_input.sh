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
expect_error "the extension must be .geojson, .csv or .gpkg" "$WORK/out/events.txt" \
  "$BIN" extract "$WORK/ok.txt" -o "$WORK/out/events.txt"
expect_error "is not a date YYYY-MM-DD" "$out" "$BIN" extract "$WORK/ok.txt" --date 2016-13-01 -o "$out"
expect_error "cannot write" "$WORK/no/such/folder/events.csv" \
  "$BIN" extract "$WORK/ok.txt" -o "$WORK/no/such/folder/events.csv"
# one bad report among good ones: nothing is written
expect_error "empty.txt: the report is empty" "$out" run "$WORK/ok.txt" "$WORK/empty.txt"
echo "ok: bad reports"
