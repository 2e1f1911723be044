#!/usr/bin/env bash
# Builds and runs one libFuzzer target for SECONDS (default 600): scripts/fuzz.sh TARGET [SECONDS]
# Targets are tests/fuzz/fuzz_TARGET.cpp (report_extraction, resolver, acled_ingest, pmtiles_reader, …). The seed corpus is
# tests/fuzz/corpus/TARGET/ (read only); what the fuzzer finds goes to build-fuzz/corpus/TARGET/, and a crash to
# build-fuzz/crash-* with its input, to become a regression test. Needs clang and Debian's libclang-rt-14-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh TARGET [SECONDS]}"
seconds="${2:-600}"
[ -f "tests/fuzz/fuzz_${target}.cpp" ] || { echo "fuzz.sh: no target tests/fuzz/fuzz_${target}.cpp" >&2; exit 2; }
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCONFLICTMAP_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "fuzz_${target}" >/dev/null
mkdir -p "build-fuzz/corpus/${target}"
dictionary=()
[ -f "tests/fuzz/${target}.dict" ] && dictionary=(-dict="tests/fuzz/${target}.dict")
cd build-fuzz
exec "./tests/fuzz/fuzz_${target}" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=./ \
  ${dictionary[@]+"${dictionary[@]}"} "corpus/${target}" "../tests/fuzz/corpus/${target}"
