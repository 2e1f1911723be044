#!/usr/bin/env bash
# ingest: when the events cannot be written, neither the events nor the --rejected report are left behind.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/out"
expect_error "the folder does not exist" "$WORK/out/rejected.csv" \
  "$BIN" ingest --format acled "$TESTS/data/ingest/acled_sample.csv" -o "$WORK/nodir/e.csv" --rejected "$WORK/out/rejected.csv"
expect_error "the folder does not exist" "$WORK/out/e.csv" \
  "$BIN" ingest --format acled "$TESTS/data/ingest/acled_sample.csv" -o "$WORK/out/e.csv" --rejected "$WORK/nodir/rejected.csv"
echo "ok: ingest bad outputs"
