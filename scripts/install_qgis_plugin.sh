#!/usr/bin/env bash
# Links (or with --copy, copies) the conflictmap Processing provider into a QGIS profile's plugin folder.
# Usage: scripts/install_qgis_plugin.sh [--copy] [PROFILE_FOLDER]
#   PROFILE_FOLDER  default: ~/.local/share/QGIS/QGIS3/profiles/default
# Then, in QGIS: Plugins > Manage and Install Plugins > Installed > tick "conflictmap"; the algorithms appear in
# the Processing toolbox under "conflictmap". The provider runs `conflictmap` from PATH unless its path is set in
# Settings > Options > Processing > Providers > conflictmap.
set -euo pipefail
copy=0
if [ "${1:-}" = "--copy" ]; then copy=1; shift; fi
profile="${1:-$HOME/.local/share/QGIS/QGIS3/profiles/default}"
source="$(cd "$(dirname "$0")/../qgis/conflictmap_processing" && pwd)"
plugins="$profile/python/plugins"
mkdir -p "$plugins"
rm -rf "$plugins/conflictmap_processing"
if [ "$copy" = 1 ]; then
  cp -r "$source" "$plugins/conflictmap_processing"
else
  ln -s "$source" "$plugins/conflictmap_processing"
fi
echo "installed the conflictmap plugin into $plugins; enable it in QGIS under Plugins > Manage and Install Plugins"
