#!/usr/bin/env bash
# The shipped gazetteer is exactly what scripts/syria_sources.json builds from ../shared/data, byte for byte.
# Skips (exit 77) where the sources are not beside the repository.
source "$(dirname "$0")/lib.sh"
root="$(cd "$TESTS/.." && pwd)"
data="$root/../shared/data"
if [ ! -d "$data" ]; then echo "skipped: no sources at $data"; exit 77; fi
"$BIN" gazetteer build "$root/scripts/syria_sources.json" --data-root "$data" -o "$WORK/syria" 2>/dev/null \
  || fail "the build failed"
for f in places.tsv names.tsv neighbours.tsv admin.gpkg; do
  cmp -s "$WORK/syria/$f" "$root/gazetteer/syria/$f" \
    || fail "gazetteer/syria/$f is not what the sources build: run scripts/build_gazetteer.sh"
done
echo "ok: the shipped gazetteer matches its sources"
