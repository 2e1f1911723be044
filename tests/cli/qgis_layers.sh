#!/usr/bin/env bash
# Every layer output opened in QGIS through its Python API (Debian's python3-qgis, which belongs to
# /usr/bin/python3): valid, the right CRS and extent, its .qml style applied, and one rendered map.
# Skips (status 77) where QGIS is not installed: install it with CONFLICTMAP_WITH_QGIS=1 bash scripts/test.sh.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
if ! /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
  echo "SKIP: QGIS's Python API is not installed (CONFLICTMAP_WITH_QGIS=1 bash scripts/test.sh installs it)"
  exit 77
fi
"$BIN" density tests/data/layers/scenario_events.csv --bandwidth 8000 --pixel-size 250 -o "$WORK/strikes.tif" 2>"$WORK/log" \
  || fail "density: $(cat "$WORK/log")"
"$BIN" control tests/data/layers/scenario_events.csv --baseline tests/data/layers/scenario_baseline.csv \
  --as-of 2016-06-20 --influence 6000 --pixel-size 250 -o "$WORK/control.tif" 2>"$WORK/log" || fail "control: $(cat "$WORK/log")"
status=0
QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/qgis/check_layers.py "$WORK" "$WORK/map.png" >"$WORK/qgis.log" 2>&1 || status=$?
grep -v "^QStandardPaths" "$WORK/qgis.log"
[ "$status" = 0 ] || fail "QGIS check failed"
[ -z "${CONFLICTMAP_KEEP_MAP:-}" ] || cp "$WORK/map.png" "$CONFLICTMAP_KEEP_MAP"
