#!/usr/bin/env bash
# One name on the command line, as text and as JSON, with candidates and context.
source "$(dirname "$0")/lib.sh"
"$BIN" resolve "تل رفعت" --json > "$WORK/json" || fail "resolve --json failed"
grep -q '"place_id": "C1621"' "$WORK/json" || fail "تل رفعت is not Tall Refaat: $(cat "$WORK/json")"
grep -q '"status": "resolved"' "$WORK/json" || fail "no status"
grep -q '"precision": 1' "$WORK/json" || fail "no precision"
grep -q '"candidates": \[' "$WORK/json" || fail "no candidates"
"$BIN" resolve Soran --context Hama > "$WORK/text" || fail "resolve failed"
grep -q "C3026" "$WORK/text" || fail "Soran in Hama is not C3026: $(cat "$WORK/text")"
"$BIN" resolve "Xqzvw Plorp" > "$WORK/none" || fail "an unresolved name is not an error"
grep -q "unresolved" "$WORK/none" || fail "nonsense was placed: $(cat "$WORK/none")"
echo "ok: single names"
