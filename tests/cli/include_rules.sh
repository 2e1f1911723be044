#!/usr/bin/env bash
# The source tree keeps the pipeline's layering (src/README.md): core includes nothing of ours, io only core,
# each stage core, io and earlier stages, cli anything. The checker must pass on the tree, and must fail, naming
# the file and line, when an include breaks a rule.
source "$(dirname "$0")/lib.sh"
ROOT="$TESTS/.."
CHECK="$ROOT/scripts/check_include_rules.py"

python3 "$CHECK" "$ROOT/src" >"$WORK/out" 2>&1 || fail "the include rules are broken: $(cat "$WORK/out")"
echo "ok: the tree keeps its layering"

# Each kind of breach, on a copy: core reaching into a stage, io reaching into a stage, a stage reaching forward
# (events → tiles), and a stage reaching into cli
breach() {
  local file="$1" include="$2"
  rm -rf "$WORK/src" && cp -r "$ROOT/src" "$WORK/src"
  printf '#include "%s"\n' "$include" >> "$WORK/src/$file"
  local status=0
  python3 "$CHECK" "$WORK/src" >"$WORK/out" 2>&1 || status=$?
  [ "$status" -ne 0 ] || fail "the checker let $file include $include"
  grep -qF "src/${file%.*}" "$WORK/out" || fail "the checker did not name $file: $(cat "$WORK/out")"
  echo "ok: $file may not include $include"
}
breach core/geo.hpp events/lexicon.hpp
breach io/atomic_file.cpp tiles/pmtiles_archive.hpp
breach events/lexicon.cpp tiles/tile_pyramid.hpp
breach layers/density_surface.cpp cli/command.hpp
breach names/skeleton.cpp gazetteer/gazetteer.hpp

# Two concepts that include each other (the tile sinks and MBTiles once did)
breach tiles/mbtiles_file.cpp tiles/tile_sinks.hpp

# A folder of src/ that is no layer is a breach too: new folders are placed in the order first
rm -rf "$WORK/src" && cp -r "$ROOT/src" "$WORK/src" && mkdir "$WORK/src/misc" && echo '#pragma once' > "$WORK/src/misc/x.hpp"
python3 "$CHECK" "$WORK/src" >"$WORK/out" 2>&1 && fail "the checker accepted a folder that is no layer"
echo "ok: a new folder must be given its place"
