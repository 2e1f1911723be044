# Shared helpers for the command tests: `fail` stops the test with a message; `expect_error` runs a command
# that must fail with a message containing a text, and must leave no output file behind.
set -u
BIN="$1"
TESTS="$2"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_error() {
  local text="$1" output="$2"
  shift 2
  local status=0
  "$@" >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
  [ "$status" -ne 0 ] || fail "expected a non-zero exit from: $*"
  grep -qF -- "$text" "$WORK/stderr" || fail "expected '$text' in the error, got: $(cat "$WORK/stderr")"
  [ ! -e "$output" ] || fail "a failed run left $output behind"
  ls -A "$(dirname "$output")" 2>/dev/null | grep -q '\.tmp\.' && fail "a failed run left a temporary file"
  echo "ok: $text"
}
# The sample's resolve, extract, density and web, from a folder holding only copies of the inputs, with no
# variable pointing the program at any data: what an installed program must do alike (install.sh, package.sh).
run_sample_commands() {
  local program="$1" folder="$2"
  mkdir -p "$folder"
  cp -r "$TESTS/data/sample/reports" "$TESTS/data/sample/report_places.csv" "$folder/"
  (
    cd "$folder" || exit 1
    unset CONFLICTMAP_GAZETTEER CONFLICTMAP_LEXICONS CONFLICTMAP_STYLES CONFLICTMAP_VIEWER CONFLICTMAP_DATA
    "$program" resolve --input report_places.csv --name-column name --context-column context --output resolved.csv &&
    "$program" extract reports/*.txt -o events.csv --unresolved unresolved.csv &&
    "$program" density events.csv -o strikes.tif --pixel-size 2000 &&
    "$program" web --density strikes.tif --events events.csv -o site
  ) > "$folder.log" 2>&1 || fail "a command failed in $folder: $(cat "$folder.log")"
}
# Both runs of run_sample_commands wrote the same files, byte for byte.
same_sample_outputs() {
  local first="$1" second="$2" output
  for output in resolved.csv events.csv unresolved.csv strikes.tif strikes_isobands.geojson strikes.qml; do
    [ -s "$first/$output" ] || fail "the first run wrote no $output"
    cmp -s "$first/$output" "$second/$output" || fail "$output differs between $first and $second"
  done
  diff -r "$first/site" "$second/site" > "$WORK/site.diff" || fail "the web folders differ: $(head -5 "$WORK/site.diff")"
  [ -f "$second/site/lib/maplibre-gl.js" ] || fail "the second run's web map lacks MapLibre"
}
