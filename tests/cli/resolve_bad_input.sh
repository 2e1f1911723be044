#!/usr/bin/env bash
# Each bad input gets a clear error naming the file (and line or column), a non-zero exit, and no output.
source "$(dirname "$0")/lib.sh"
out="$WORK/out/resolved.csv"
mkdir -p "$WORK/out"
run() { "$BIN" resolve --input "$1" --name-column name --output "$out"; }

expect_error "File does not exist: $WORK/missing.csv" "$out" run "$WORK/missing.csv"

printf 'place,region\nSoran,Aleppo\n' > "$WORK/columns.csv"
expect_error "columns.csv:1: field 'name': no such column (the header has: place, region)" "$out" run "$WORK/columns.csv"

printf 'name\nSoran\nHal\xe9b\n' > "$WORK/latin1.csv"
expect_error "latin1.csv:3: not valid UTF-8" "$out" run "$WORK/latin1.csv"

printf 'name,context\nSoran,Aleppo\n"Tal Rifaat,Aleppo\nKafra,Aleppo\n' > "$WORK/quotes.csv"
expect_error "quotes.csv:3: a quoted field opens here and never closes" "$out" run "$WORK/quotes.csv"

: > "$WORK/empty.csv"
expect_error "empty.csv: the file is empty" "$out" run "$WORK/empty.csv"

printf 'name\nSoran\n' > "$WORK/ok.csv"
expect_error "cannot write" "$WORK/no/such/folder/out.csv" \
  "$BIN" resolve --input "$WORK/ok.csv" --name-column name --output "$WORK/no/such/folder/out.csv"

printf 'name,match\nSoran,x\n' > "$WORK/clash.csv"
expect_error "field 'match': the input already has this column" "$out" run "$WORK/clash.csv"

expect_error "gazetteer" "$out" "$BIN" --gazetteer "$WORK/nowhere" resolve Soran
