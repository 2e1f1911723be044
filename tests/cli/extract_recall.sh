#!/usr/bin/env bash
# Extraction from the five bundled reports against events written by hand from reading them
# (tests/golden/expected_events.csv): prints precision and recall of control changes (place and new
# controller) and of strike locations; both recalls must be 100%.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
"$BIN" extract tests/data/sample/reports/*.txt -o "$WORK/events.csv" 2>/dev/null || fail "extract failed"
python3 - "$WORK/events.csv" "$TESTS/golden/expected_events.csv" <<'PY' || fail "recall below its floor"
import csv, os, sys
got = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
expected = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
def doc(row): return os.path.splitext(os.path.basename(row["source_document"]))[0]
def found(e, rows):
    for r in rows:
        if doc(r) != e["document"]:
            continue
        same_place = (e["place_id"] and r["place_id"] == e["place_id"]) or \
                     (e["written"] and e["written"].lower() in r["location_written"].lower())
        if not same_place:
            continue
        if e["kind"] == "control" and r["new_controller"] == e["new_controller"]:
            return True
        if e["kind"] == "strike" and r["sub_event_type"] in ("Air/drone strike", "Shelling/artillery/missile attack"):
            return True
    return False
floors = {"control": 1.0, "strike": 1.0}
ok = True
for kind in ("control", "strike"):
    want = [e for e in expected if e["kind"] == kind]
    hits = [e for e in want if found(e, got)]
    if kind == "control":
        mine = [r for r in got if r["new_controller"]]
    else:
        mine = [r for r in got if r["sub_event_type"] in ("Air/drone strike", "Shelling/artillery/missile attack")]
    correct = sum(1 for r in mine if any(
        doc(r) == e["document"] and ((e["place_id"] and r["place_id"] == e["place_id"]) or
                                     (e["written"] and e["written"].lower() in r["location_written"].lower()))
        and (kind == "strike" or r["new_controller"] == e["new_controller"]) for e in want))
    recall = len(hits) / len(want)
    precision = correct / len(mine) if mine else 0.0
    print(f"{kind:8} recall {recall:.0%} ({len(hits)}/{len(want)})  precision {precision:.0%} ({correct}/{len(mine)})")
    for e in want:
        if e not in hits:
            print(f"   missed: {e['document']} {e['written']} -> {e['new_controller'] or 'strike'}")
    ok = ok and recall >= floors[kind]
sys.exit(0 if ok else 1)
PY
echo "ok: recall at or above its floor"
