#!/usr/bin/env bash
# The shipped gazetteer (with the spelling costs learned from it) is exactly what scripts/syria_sources.json builds
# from ../shared/data, byte for byte, and
# so is the mid-2017 control baseline.
# Skips (exit 77) where the sources are not beside the repository.
source "$(dirname "$0")/lib.sh"
root="$(cd "$TESTS/.." && pwd)"
data="$root/../shared/data"
if [ ! -d "$data" ]; then echo "skipped: no sources at $data"; exit 77; fi
"$BIN" gazetteer build "$root/scripts/syria_sources.json" --data-root "$data" -o "$WORK/syria" 2>/dev/null \
  || fail "the build failed"
for f in places.tsv names.tsv neighbours.tsv sources.tsv spelling_costs.tsv admin.gpkg; do
  cmp -s "$WORK/syria/$f" "$root/gazetteer/syria/$f" \
    || fail "gazetteer/syria/$f is not what the sources build: run scripts/build_gazetteer.sh"
done
python3 "$root/scripts/build_control_baseline.py" "$data/wikipedia-syria-map/syria_detailed_map_marks.tsv" \
  "$root/gazetteer/syria" "$WORK/control_baseline_2017.csv" 2>/dev/null || fail "the control baseline build failed"
cmp -s "$WORK/control_baseline_2017.csv" "$root/gazetteer/syria/control_baseline_2017.csv" \
  || fail "gazetteer/syria/control_baseline_2017.csv is not what the sources build: run scripts/build_gazetteer.sh"
echo "ok: the shipped gazetteer and control baseline match their sources"
