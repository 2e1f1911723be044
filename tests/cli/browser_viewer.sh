#!/usr/bin/env bash
# The web folder end to end: `conflictmap web` on the synthetic scenario, `conflictmap serve` on loopback,
# then headless Chromium (playwright-core) checks tiles, layers, the date slider and popups, and the pmtiles
# npm package reads the archives back. The server's rules are checked with curl. Skips (77) without
# Chromium or the viewer's npm packages: bash scripts/test.sh installs them.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || fail "no project folder"
export CONFLICTMAP_VIEWER="$PWD/tiles"
if [ ! -x /usr/bin/chromium ] || [ ! -d tiles/node_modules/playwright-core ] || ! command -v node >/dev/null; then
  echo "SKIP: needs /usr/bin/chromium, node and tiles/node_modules (bash scripts/test.sh installs them)"
  exit 77
fi
data=tests/data/layers
"$BIN" control "$data/scenario_events.csv" --baseline "$data/scenario_baseline.csv" --as-of 2016-05-15,2016-06-05,2016-06-20 \
  --influence 6000 --pixel-size 250 -o "$WORK/control.tif" 2>/dev/null || fail "control"
"$BIN" density "$data/scenario_events.csv" --bandwidth 8000 --pixel-size 250 -o "$WORK/strikes.tif" 2>/dev/null || fail "density"
"$BIN" web --density "$WORK/strikes.tif" --control "$WORK/control_snapshots.json" --events "$data/scenario_events.csv" \
  -z 7-11 -o "$WORK/site" 2>"$WORK/web.log" || fail "web: $(cat "$WORK/web.log")"
for f in index.html viewer.js lib/maplibre-gl.js lib/pmtiles.js config.json data/events.geojson data/boundaries.geojson \
  tiles/density.pmtiles tiles/control_2.pmtiles data/control_2_fronts.geojson; do
  [ -s "$WORK/site/$f" ] || fail "the web folder lacks $f"
done
! grep -rqE "https?://(unpkg|cdn|cdnjs|jsdelivr)" "$WORK/site/index.html" "$WORK/site/viewer.js" || fail "the viewer loads from a CDN"

"$BIN" serve "$WORK/site" --port 0 --quiet >"$WORK/serve.out" 2>"$WORK/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do grep -q "http://" "$WORK/serve.out" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/' "$WORK/serve.out") || fail "serve did not start: $(cat "$WORK/serve.err")"
case "$url" in http://127.0.0.1:*) ;; *) fail "serve binds to $url, not loopback" ;; esac

status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(status "$url")" = 200 ] || fail "the page"
[ "$(status --path-as-is "${url}../../etc/passwd")" = 403 ] || fail "path traversal not refused"
[ "$(status --path-as-is "${url}%2e%2e/%2e%2e/etc/passwd")" = 403 ] || fail "encoded traversal not refused"
[ "$(status -X POST -d x "$url")" = 405 ] || fail "POST not refused"
head -c 200000 /dev/zero > "$WORK/big.bin"
# refused before its body is read: 405 (any method but GET and HEAD) or 413 (too large)
big=$(status -X POST --data-binary @"$WORK/big.bin" "$url")
[ "$big" = 405 ] || [ "$big" = 413 ] || fail "an oversized request is not refused: $big"
[ "$(status "${url}$(printf 'x%.0s' $(seq 9000))")" = 414 ] || fail "an overlong URL is not refused"
curl -s -D - -o /dev/null "${url}tiles/density.pmtiles" -H "Range: bytes=0-16383" > "$WORK/headers"
grep -q "206 Partial Content" "$WORK/headers" && grep -qi "content-type: application/vnd.pmtiles" "$WORK/headers" \
  && grep -qi "cache-control: public, max-age=3600" "$WORK/headers" || fail "range, type or cache header: $(cat "$WORK/headers")"
curl -s -D - -o /dev/null "${url}config.json" | grep -qi "cache-control: no-cache" || fail "config.json must revalidate"
curl -s -D - -o /dev/null "${url}data/events.geojson" | grep -qi "content-type: application/geo+json" || fail "GeoJSON type"
echo "ok: serve's rules"

"$BIN" merge-tiles "$WORK/site/tiles/control_2.pmtiles" -o "$WORK/control_2_folder" 2>/dev/null || fail "reading the archive back"
node tests/browser/read_pmtiles.mjs "$WORK/site/tiles/control_2.pmtiles" "$WORK/control_2_folder" 7 11 || fail "the pmtiles package"
node tests/browser/viewer_test.mjs "$url" "$WORK/viewer.png" || fail "the viewer in Chromium"
[ -z "${CONFLICTMAP_KEEP_SCREENSHOT:-}" ] || cp "$WORK/viewer.png" "$CONFLICTMAP_KEEP_SCREENSHOT"

expect_error "is not a folder" "$WORK/none" "$BIN" serve "$WORK/missing-site"
echo "ok: the viewer, served and in a browser"
