#!/usr/bin/env bash
# Regenerates gazetteer/syria from the sources in ../shared/data (see scripts/syria_sources.json).
# Usage: scripts/build_gazetteer.sh [DATA_ROOT]   (default: ../shared/data beside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."
data_root="${1:-$(cd .. && pwd)/shared/data}"
[ -d "$data_root" ] || { echo "build_gazetteer: no source folder at $data_root" >&2; exit 1; }
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target conflictmap >/dev/null
./build/conflictmap gazetteer build scripts/syria_sources.json --data-root "$data_root" -o gazetteer/syria
# BUILD.md names the sources relative to the data root, not to this machine
sed -i "s|$data_root/||g" gazetteer/syria/BUILD.md
# the mid-2017 control baseline from the Wikipedia map marks, tied to the gazetteer's ids
python3 scripts/build_control_baseline.py "$data_root/wikipedia-syria-map/syria_detailed_map_marks.tsv" \
  gazetteer/syria gazetteer/syria/control_baseline_2017.csv
