#!/usr/bin/env bash
# The QGIS Processing provider (qgis/conflictmap_processing) run headless through processing.run with Debian's
# python3-qgis: every algorithm, a bad input and a cancel (tests/qgis/processing_provider.py).
# Skips (status 77) where QGIS is not installed.
source "$(dirname "$0")/lib.sh"
if ! /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
  echo "SKIP: QGIS's Python API is not installed (CONFLICTMAP_WITH_QGIS=1 bash scripts/test.sh installs it)"
  exit 77
fi
program="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
status=0
QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$TESTS/qgis/processing_provider.py" "$program" "$(cd "$TESTS/.." && pwd)" "$WORK" \
  >"$WORK/qgis.log" 2>&1 || status=$?
grep -v "^QStandardPaths" "$WORK/qgis.log"
[ "$status" = 0 ] || fail "the Processing provider test failed"
# CONFLICTMAP_TOOLBOX_SHOT=FILE.png keeps a picture of the toolbox group (the README's qgis/toolbox.png)
