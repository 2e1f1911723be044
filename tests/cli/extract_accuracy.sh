#!/usr/bin/env bash
# Extraction on the labelled development corpus (../shared/corpus/dev, read where it lies) must not fall below
# the figures it reached when they were last raised, less one label each (scripts/bench/extract_accuracy.py
# gives the figures and lists every miss). Skips when the corpus is not beside the project.
source "$(dirname "$0")/lib.sh"
corpus="$TESTS/../../shared/corpus/dev"
[ -d "$corpus" ] || { echo "skip: no development corpus at $corpus"; exit 77; }
/usr/bin/python3 "$TESTS/../scripts/bench/extract_accuracy.py" --binary "$BIN" --corpus "$corpus" --json "$WORK/figures.json" \
  > "$WORK/summary" || fail "the benchmark failed: $(cat "$WORK/summary")"
cat "$WORK/summary"
/usr/bin/python3 - "$WORK/figures.json" <<'PY' || fail "extraction fell below its floor"
import json, sys
figures = json.load(open(sys.argv[1]))
# When last raised, per language: strict hits, events at a labelled place, events, right actors, right new
# controllers, control-change hits. Each floor is that figure less one label (or one event).
raised = {"en": (230, 313, 339, 200, 93, 97), "ar": (64, 79, 95, 51, 18, 20)}
ok = True
for lang, (hits, correct, events, actor, controller, controller_hits) in raised.items():
    f = figures[lang]
    floors = {
        "strict_recall": (hits - 1) / f["labels"],
        "precision": (correct - 1) / events,
        "actor_accuracy": (actor - 1) / hits,
        "controller_accuracy": (controller - 1) / controller_hits,
    }
    for name, floor in floors.items():
        if f[name] + 1e-9 < floor:
            print(f"{lang} {name} {f[name]:.3f} is below its floor {floor:.3f}")
            ok = False
for kind in ("control_recall", "strike_recall"):
    if figures["bundled"][kind] < 1.0:
        print(f"bundled reports: {kind} {figures['bundled'][kind]:.3f} is below 1")
        ok = False
sys.exit(0 if ok else 1)
PY
echo "ok: extraction holds its figures on the development corpus"
