#!/usr/bin/env bash
# Installs what conflictmap needs to build and test on Debian 12, skipping what is already there.
# Usage: scripts/setup.sh [--with-qgis] [--with-viewer] [--with-browser]
#   --with-qgis     QGIS and its Python API (the test that opens every layer in QGIS)
#   --with-viewer   Node.js and npm if missing, then the web viewer's npm packages (tiles/node_modules)
#   --with-browser  the viewer, plus Debian's Chromium for the browser test
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libgdal-dev gdal-bin python3-gdal libgeos-dev libproj-dev proj-bin
  libboost-dev catch2 libicu-dev libcli11-dev nlohmann-json3-dev libfmt-dev libsqlite3-dev libcpp-httplib-dev
  libhunspell-dev hunspell-ar libjemalloc-dev help2man lintian
  pybind11-dev python3-dev python3-numpy python3-pandas python3-geopandas python3-pytest python3-dask python3-distributed
  python3 curl
)
viewer=0
for arg in "$@"; do
  case "$arg" in
    --with-qgis) packages+=(qgis python3-qgis qgis-providers) ;;
    --with-viewer) viewer=1 ;;
    --with-browser) viewer=1; packages+=(chromium) ;;
    *) echo "setup.sh: unknown option '$arg' (known: --with-qgis, --with-viewer, --with-browser)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js may come from elsewhere than Debian (with npm inside): only a missing command is installed.
if [ "$viewer" = 1 ]; then
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
else
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$viewer" = 1 ]; then
  root="$(cd "$(dirname "$0")/.." && pwd)"
  if [ -d "$root/tiles/node_modules/maplibre-gl" ] && [ -d "$root/tiles/node_modules/pmtiles" ] \
     && [ -d "$root/tiles/node_modules/playwright-core" ] \
     && [ "$root/tiles/node_modules/.package-lock.json" -nt "$root/tiles/package-lock.json" ]; then
    echo "setup: the viewer's npm packages are installed"
  else
    echo "setup: installing the viewer's npm packages (tiles/)"
    (cd "$root/tiles" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
