#!/usr/bin/env bash
# `cmake --install` into a prefix that is then moved elsewhere: the moved program finds its data beside
# itself, holds no path of the source or build tree, and its outputs equal the build tree's byte for byte.
source "$(dirname "$0")/lib.sh"
build="$(dirname "$BIN")"
[ -f "$build/cmake_install.cmake" ] || fail "no cmake_install.cmake beside $BIN"
cmake --install "$build" --prefix "$WORK/prefix" >/dev/null || fail "cmake --install failed"
mv "$WORK/prefix" "$WORK/moved"
installed="$WORK/moved/bin/conflictmap"
[ -x "$installed" ] || fail "no bin/conflictmap in the prefix"
[ -f "$WORK/moved/share/conflictmap/gazetteer/syria/places.tsv" ] || fail "no gazetteer under share/conflictmap"
[ -f "$WORK/moved/share/bash-completion/completions/conflictmap" ] || fail "no bash completion"
source_tree="$(cd "$TESTS/.." && pwd)"
build_tree="$(cd "$build" && pwd)"
# UndefinedBehaviorSanitizer keeps the source files' paths for its reports: a sanitized build is a test build,
# never installed for use, and only the check of paths is left out for it
if grep -q "^CONFLICTMAP_SANITIZE:BOOL=ON" "$build/CMakeCache.txt" 2>/dev/null; then
  echo "note: a sanitized build names its sources for its reports; the path check is for normal builds"
elif strings "$installed" | grep -qF -e "$source_tree" -e "$build_tree"; then
  fail "the installed binary holds a path of the source or build tree"
fi
"$installed" --version > "$WORK/version" || fail "--version failed"
grep -q "^data: $WORK/moved/share/conflictmap$" "$WORK/version" || fail "the data folder is not the moved prefix's: $(cat "$WORK/version")"
grep -Eq "^gazetteer: syria .* [0-9]+ places, [0-9]+ names" "$WORK/version" || fail "--version names no gazetteer: $(cat "$WORK/version")"
grep -Eq "^GDAL [0-9.]+, GEOS [0-9.]+.*, PROJ [0-9.]+" "$WORK/version" || fail "--version names no library versions"

# the Python module, when built, is installed too and finds the moved data folder from beside itself
if grep -q "^BUILD_PYTHON:BOOL=ON" "$build/CMakeCache.txt" 2>/dev/null; then
  package="$WORK/moved/lib/python3/dist-packages"
  [ -f "$package/conflictmap/__init__.py" ] || fail "no Python package under lib/python3/dist-packages"
  (cd "$WORK" && env -u CONFLICTMAP_DATA -u CONFLICTMAP_GAZETTEER PYTHONPATH="$package" /usr/bin/python3 -c \
    'import conflictmap; r = conflictmap.Resolver(); assert r.gazetteer.startswith("'"$WORK/moved/share/conflictmap"'"), r.gazetteer; assert r.resolve("Saraqib")["place_id"] == "C3916"') \
    || fail "the installed Python module does not work from the moved prefix"
fi

run_sample_commands "$(cd "$build" && pwd)/conflictmap" "$WORK/from_build"
run_sample_commands "$installed" "$WORK/from_install"
same_sample_outputs "$WORK/from_build" "$WORK/from_install"
echo "ok: installed, moved, and the same outputs"
