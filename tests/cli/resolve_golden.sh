#!/usr/bin/env bash
# Batch resolution of the bundled reports' place names against a golden file; a rerun on one thread is
# byte-identical to one on every core.
source "$(dirname "$0")/lib.sh"
golden="$TESTS/golden/report_places.resolved.csv"
"$BIN" resolve --input "$TESTS/data/sample/report_places.csv" --name-column name --context-column context \
  --output "$WORK/first.csv" 2>"$WORK/summary" || fail "resolve failed: $(cat "$WORK/summary")"
"$BIN" resolve --input "$TESTS/data/sample/report_places.csv" --name-column name --context-column context \
  --output "$WORK/second.csv" --threads 1 2>/dev/null || fail "second run failed"
cmp -s "$WORK/first.csv" "$WORK/second.csv" || fail "a run on every core and one on one thread differ"
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp "$WORK/first.csv" "$golden"; echo "updated $golden"; fi
diff -u "$golden" "$WORK/first.csv" || fail "output differs from $golden (rerun with UPDATE_GOLDEN=1 if intended)"
grep -q "26 rows" "$WORK/summary" || fail "the summary does not count the rows: $(cat "$WORK/summary")"
head -1 "$WORK/first.csv" | grep -qx "report,name,context,resolved_lat,resolved_lon,place_id,place_name,score,precision,match,status,namesakes" \
  || fail "the header is not the input's columns plus the seven resolve columns"
echo "ok: golden batch output"
