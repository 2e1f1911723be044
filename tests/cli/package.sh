#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` makes conflictmap_<version>_amd64.deb with Depends computed from the
# binary's libraries; extracted into a bare root, its program gives the build tree's outputs; lintian finds
# no error.
source "$(dirname "$0")/lib.sh"
build="$(cd "$(dirname "$BIN")" && pwd)"
command -v cpack >/dev/null && command -v dpkg-deb >/dev/null || { echo "skip: no cpack or dpkg-deb"; exit 0; }
# cpack writes beside the build's CPackConfig.cmake: run it on a copy of that config, into this test's folder
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$WORK/package" > "$WORK/cpack.log" 2>&1 \
  || fail "cpack failed: $(tail -5 "$WORK/cpack.log")"
deb=$(ls "$WORK"/package/conflictmap_*_amd64.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no conflictmap_<version>_amd64.deb: $(ls "$WORK/package")"
dpkg-deb --info "$deb" > "$WORK/info"
grep -E "^ Depends: .*libgdal[0-9]+ .*libgeos-c1v5" "$WORK/info" >/dev/null || fail "Depends not computed: $(grep Depends "$WORK/info")"
dpkg-deb -c "$deb" > "$WORK/contents"
grep -q "./usr/share/doc/conflictmap/copyright" "$WORK/contents" || fail "no copyright file"
grep -q "./usr/share/man/man1/conflictmap.1.gz" "$WORK/contents" || fail "no man page"
dpkg-deb -x "$deb" "$WORK/root"
run_sample_commands "$build/conflictmap" "$WORK/from_build"
run_sample_commands "$WORK/root/usr/bin/conflictmap" "$WORK/from_package"
same_sample_outputs "$WORK/from_build" "$WORK/from_package"
if command -v lintian >/dev/null; then
  lintian --no-tag-display-limit "$deb" > "$WORK/lintian" 2>&1 || true
  grep -q "^E:" "$WORK/lintian" && fail "lintian reports errors: $(grep '^E:' "$WORK/lintian")"
else
  echo "note: lintian is not installed; the package was not linted"
fi
echo "ok: package built, Depends computed, same outputs from the extracted program"
