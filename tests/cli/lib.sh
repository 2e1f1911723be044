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
