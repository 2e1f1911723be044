#!/usr/bin/env bash
# Installs what is missing, builds with tests, and runs every test through ctest.
# QGIS (for the test that opens every layer in QGIS) and Chromium with the viewer's npm packages (for the
# browser test) are installed too, unless CONFLICTMAP_WITH_QGIS=0 or CONFLICTMAP_WITH_BROWSER=0. Tests whose
# tools are missing skip with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=()
[ "${CONFLICTMAP_WITH_QGIS:-1}" = 1 ] && extras+=(--with-qgis)
[ "${CONFLICTMAP_WITH_BROWSER:-1}" = 1 ] && extras+=(--with-browser)
bash scripts/setup.sh ${extras[@]+"${extras[@]}"}
bash scripts/build.sh -DBUILD_TESTING=ON >/dev/null
cd build
ctest --output-on-failure -j"$(nproc)"
