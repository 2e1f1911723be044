#!/usr/bin/env bash
# Inputs the fuzzers found (tests/fuzz), each kept as it was found and run through the command that reads it.
# Each once crashed or broke a property; under the sanitizer build (scripts/test_sanitized.sh) any memory error
# or undefined behaviour in them fails the run.
source "$(dirname "$0")/lib.sh"
DATA="$TESTS/data/fuzz_regressions"

# An Arabic settlement word ("قرية") closing a sentence: the word after it was read past the sentence's tokens
"$BIN" extract "$DATA/settlement_word_ends_sentence.txt" -o "$WORK/events.csv" 2>"$WORK/stderr" ||
  fail "extract on settlement_word_ends_sentence.txt: $(cat "$WORK/stderr")"
echo "ok: a settlement word that ends a sentence"

# ACLED rows whose geo_precision and fatalities lie past int's range: refused by line and field, not wrapped
"$BIN" ingest "$DATA/acled_precision_past_int.csv" --format acled -o "$WORK/acled.csv" --rejected "$WORK/rejected.csv" \
  2>"$WORK/stderr" || fail "ingest exited non-zero: $(cat "$WORK/stderr")"
grep -q ',2,geo_precision,.*is not a precision' "$WORK/rejected.csv" || fail "line 2's geo_precision is not rejected: $(cat "$WORK/rejected.csv")"
printf 'event_date,sub_event_type,location,latitude,longitude,fatalities\n2017-03-01,Armed clash,Azaz,36.58,37.05,99999999999999999999\n' > "$WORK/dead.csv"
"$BIN" ingest "$WORK/dead.csv" --format csv -o "$WORK/dead_out.csv" --rejected "$WORK/dead_rejected.csv" 2>/dev/null || fail "ingest on dead.csv failed"
grep -q ',2,fatalities,' "$WORK/dead_rejected.csv" || fail "fatalities past int's range were not rejected"
echo "ok: numbers past int's range are rejected, not wrapped"

# A bearing of 1.2e55 km from a town (found by fuzzing): resolved at the town, never off the globe
for far in "122222222222222222222222222222222222222222222222222222220 km north of Manbij" "5000 km north of Aleppo"; do
  "$BIN" resolve "$far" --json > "$WORK/far.json" 2>"$WORK/stderr" || fail "resolve '$far': $(cat "$WORK/stderr")"
  python3 - "$WORK/far.json" <<'PY' || fail "'$far' gave a point off the globe or away from its town: $(cat "$WORK/far.json")"
import json, sys
answer = json.load(open(sys.argv[1]))
sys.exit(0 if 35 <= answer["lat"] <= 37.5 and 36 <= answer["lon"] <= 39 else 1)
PY
done
echo "ok: an offset past any country's size is no offset"

# A name that is not UTF-8 is refused with a message saying so
printf 'Tal Rifaat \xff' > "$WORK/name"
expect_error "not UTF-8" "$WORK/none" "$BIN" resolve "$(cat "$WORK/name")" --json
