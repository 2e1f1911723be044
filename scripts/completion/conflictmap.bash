# bash completion for conflictmap: subcommands, then the flags the chosen subcommand's --help lists, so that it
# never falls behind the program.
_conflictmap() {
  local cur words_before command
  cur="${COMP_WORDS[COMP_CWORD]}"
  words_before=("${COMP_WORDS[@]:1:COMP_CWORD-1}")
  local subcommands
  subcommands=$("${COMP_WORDS[0]}" --help 2>/dev/null | awk '/^Subcommands:/{on=1; next} on && NF {print $1}')
  command=""
  local word
  for word in "${words_before[@]}"; do
    if [[ " $subcommands " == *" $word "* ]]; then command="$word"; break; fi
  done
  if [[ -z "$command" ]]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=($(compgen -W "--help --version --gazetteer" -- "$cur"))
    else
      COMPREPLY=($(compgen -W "$subcommands" -- "$cur"))
    fi
    return
  fi
  if [[ "$cur" == -* ]]; then
    local flags
    flags=$("${COMP_WORDS[0]}" "$command" --help 2>/dev/null | grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z0-9-]*' | tr -d ' ,' | sort -u)
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _conflictmap conflictmap
