#!/usr/bin/env bash
# Writes a help2man include file with one section per subcommand, from each subcommand's --help, so the man
# page documents every flag as the program itself does.
# Usage: scripts/man_subcommands.sh PROGRAM OUTPUT
set -euo pipefail
program="$1"
output="$2"
{
  echo "[SUBCOMMANDS]"
  "$program" --help | awk '/^Subcommands:/{on=1; next} on && NF {print $1}' | while read -r sub; do
    echo ".SS $sub"
    echo ".nf"
    "$program" "$sub" --help | sed -e "s|$program|conflictmap|g" -e 's/\\/\\\\/g' -e 's/^\./\\\&./'
    echo ".fi"
  done
} > "$output"
