#!/usr/bin/env bash
# Installs what conflictmap needs to build and test on Debian 12, skipping what is already there.
# Usage: scripts/setup.sh [--with-qgis] [--with-browser]
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libgdal-dev gdal-bin python3-gdal libgeos-dev libproj-dev proj-bin
  libboost-dev catch2 libicu-dev libcli11-dev nlohmann-json3-dev libfmt-dev libsqlite3-dev libcpp-httplib-dev
  python3
)
for arg in "$@"; do
  case "$arg" in
    --with-qgis) packages+=(qgis python3-qgis qgis-providers) ;;
    --with-browser) packages+=(chromium nodejs npm) ;;
    *) echo "setup.sh: unknown option '$arg' (known: --with-qgis, --with-browser)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
