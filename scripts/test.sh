#!/usr/bin/env bash
# Installs what is missing, builds with tests, and runs every test through ctest.
# Set CONFLICTMAP_WITH_QGIS=1 or CONFLICTMAP_WITH_BROWSER=1 to also install QGIS or Chromium for the tests
# that need them (later stages); without them those tests skip with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=()
[ "${CONFLICTMAP_WITH_QGIS:-0}" = 1 ] && extras+=(--with-qgis)
[ "${CONFLICTMAP_WITH_BROWSER:-0}" = 1 ] && extras+=(--with-browser)
bash scripts/setup.sh ${extras[@]+"${extras[@]}"}
bash scripts/build.sh -DBUILD_TESTING=ON >/dev/null
cd build
ctest --output-on-failure -j"$(nproc)"
