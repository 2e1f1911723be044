#!/usr/bin/env bash
# Builds conflictmap and its unit tests with AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/) and
# runs the unit tests and the command tests under them; any sanitizer report fails the run. The browser and QGIS
# tests run once, in the normal build (scripts/test.sh). Expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DCONFLICTMAP_SANITIZE=ON -DBUILD_TESTING=ON -DBUILD_PYTHON=OFF >/dev/null
cmake --build build-asan -j"$(nproc)" --target conflictmap conflictmap_tests conflictmap_man conflictmap_changelog >/dev/null
# Leaks from GDAL's and PROJ's process-wide caches are suppressed, one line per cause (tests/sanitizers/lsan.supp).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=0"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
cd build-asan
ctest --output-on-failure -j"$(nproc)" -E 'cli\.(browser_viewer|qgis_layers|qgis_processing)'
