#!/usr/bin/env bash
# A run stopped by SIGTERM or SIGINT (a scheduler, Ctrl-C) while it writes leaves no file of any kind, and its
# exit status still says which signal stopped it.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
interrupt_while_writing() {
  local signal="$1" status_wanted="$2" folder="$WORK/$1"
  mkdir -p "$folder"
  # with job control on, the background run keeps the default SIGINT a terminal's Ctrl-C would send
  set -m
  "$BIN" control tests/data/layers/scenario_events.csv --baseline tests/data/layers/scenario_baseline.csv \
    --as-of 2016-06-20 --influence 6000 --pixel-size 60 -o "$folder/control.tif" 2>/dev/null &
  local pid=$! seen=""
  set +m
  for _ in $(seq 1 600); do
    seen=$(ls -A "$folder")
    [ -n "$seen" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  [ -n "$seen" ] || fail "control finished before anything was staged (nothing to interrupt)"
  kill "-$signal" "$pid"
  local status=0
  wait "$pid" || status=$?
  if [ -z "$(ls -A "$folder")" ]; then
    [ "$status" = "$status_wanted" ] || fail "SIG$signal: exit status $status, not $status_wanted"
    echo "ok: SIG$signal while writing ($seen) left nothing"
  elif [ "$status" = 0 ] && [ -e "$folder/control.tif" ]; then
    echo "ok: SIG$signal came after the files were in place"  # the run won the race: whole outputs are fine
  else
    fail "SIG$signal left: $(ls -A "$folder")"
  fi
}
interrupt_while_writing TERM 143
interrupt_while_writing INT 130
