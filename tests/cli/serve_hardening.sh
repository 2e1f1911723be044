#!/usr/bin/env bash
# `conflictmap serve` previews a web folder on loopback and must stay up and inside its folder whatever a client
# sends: traversal (plain, encoded, through symlinks and MBTiles symlinks), dotfiles, oversized paths, many or
# unknown range units, other methods, control bytes in the log, idle connections and many clients at once.
source "$(dirname "$0")/lib.sh"
command -v curl >/dev/null || { echo "skip: no curl"; exit 77; }
site="$WORK/site"
mkdir -p "$site/tiles" "$WORK/outside"
echo "<html>map</html>" > "$site/index.html"
head -c 200000 /dev/urandom > "$site/data.bin"
echo "secret" > "$site/.env"
echo "outside" > "$WORK/outside/private.txt"
ln -s "$WORK/outside/private.txt" "$site/link.txt"
/usr/bin/python3 - "$WORK/outside/stolen.mbtiles" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
db.execute("INSERT INTO tiles VALUES (0, 0, 0, ?)", (b"\x89PNG secret tile",))
db.commit()
PY
ln -s "$WORK/outside/stolen.mbtiles" "$site/tiles/stolen.mbtiles"

"$BIN" serve "$site" --port 0 >"$WORK/serve.out" 2>"$WORK/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do grep -q "serving" "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[^/]*/' "$WORK/serve.out") || fail "the server did not start: $(cat "$WORK/serve.err")"
case "$url" in http://127.0.0.1:*) ;; *) fail "serve binds to $url, not to loopback, by default" ;; esac
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }

[ "$(code "${url}index.html")" = 200 ] || fail "index.html is not served"
for path in "../outside/private.txt" "%2e%2e/outside/private.txt" "%2E%2E%2Foutside%2Fprivate.txt" "link.txt" ".env" \
            "//etc/passwd" "tiles/stolen/0/0/0.png"; do
  got=$(code --path-as-is "${url}${path}")
  [ "$got" = 403 ] || [ "$got" = 404 ] || fail "/${path} answered $got"
done
curl -s --path-as-is "${url}tiles/stolen/0/0/0.png" | grep -q secret && fail "a symlinked MBTiles from outside was served"

long=$(head -c 8000 /dev/zero | tr '\0' a)
[ "$(code "${url}${long}")" = 414 ] || fail "an 8000-byte path is not 414"
got=$(code "${url}tiles/$(head -c 1200 /dev/zero | tr '\0' b)/1/1/1.png")
case "$got" in 403|404|414) ;; *) fail "a tile path with a 1200-character name answered $got" ;; esac
[ "$(code "${url}index.html")" = 200 ] || fail "the server died after long paths"

ranges="bytes=$(printf '0-,%.0s' $(seq 200))0-"
length=$(curl -s -o /dev/null -w '%{size_download}' --max-time 10 -H "Range: $ranges" "${url}data.bin")
[ "$length" = 200000 ] || fail "200 overlapping ranges gave $length bytes instead of the file once"
[ "$(code -H 'Range: bytes=0-99' "${url}data.bin")" = 206 ] || fail "a single range is not 206"
# a range unit other than bytes is ignored (RFC 9110, 14.2): the whole file, 200
curl -s -o "$WORK/items.bin" -w '%{http_code}' --max-time 10 -H 'Range: items=0-10' "${url}data.bin" > "$WORK/items.code"
[ "$(cat "$WORK/items.code")" = 200 ] || fail "Range: items=0-10 answered $(cat "$WORK/items.code"), not 200"
cmp -s "$WORK/items.bin" "$site/data.bin" || fail "Range: items=0-10 did not give the whole file"
[ "$(code -H 'Range: items=0-10' "${url}missing.bin")" = 404 ] || fail "an unknown range unit hides a 404"
[ "$(code -H 'Range: bytes=300000-' "${url}data.bin")" = 416 ] || fail "a bytes range past the end is not 416"
[ "$(code -X POST --data x "${url}index.html")" = 405 ] || fail "POST is not 405"

curl -s -o /dev/null "${url}a%1b%5b31mred%0aforged" || true
grep -q $'\x1b' "$WORK/serve.err" && fail "an escape byte reached the log"
grep -q 'x1b' "$WORK/serve.err" || fail "the log does not show the escaped path: $(tail -2 "$WORK/serve.err")"

# idle half-open connections do not starve a real request
/usr/bin/python3 - "$url" <<'PY' || fail "a request waited behind idle connections"
import socket, sys, time, urllib.parse, urllib.request
u = urllib.parse.urlparse(sys.argv[1])
idle = []
for _ in range(30):
    s = socket.create_connection((u.hostname, u.port))
    s.send(b"GET /index.html HTTP/1.1\r\nHost: x\r\n")  # never finished
    idle.append(s)
start = time.time()
urllib.request.urlopen(sys.argv[1] + "index.html", timeout=5).read()
sys.exit(0 if time.time() - start < 3 else 1)
PY
# many clients at once
seq 200 | xargs -P 50 -I{} curl -s -o /dev/null -w '%{http_code}\n' --max-time 20 "${url}data.bin" > "$WORK/codes"
[ "$(grep -c '^200$' "$WORK/codes")" = 200 ] || fail "of 200 parallel GETs only $(grep -c '^200$' "$WORK/codes") succeeded"
echo "ok: serve stays up and inside its folder"
