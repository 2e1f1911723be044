#!/usr/bin/env bash
# Another country's gazetteer from an OCHA P-code table and a GeoNames dump, then resolution against it.
source "$(dirname "$0")/lib.sh"
"$BIN" gazetteer import --format ocha-pcodes "$TESTS/data/import/ocha_pcodes_small.csv" -o "$WORK/lebanon" 2>/dev/null \
  || fail "import failed"
[ -s "$WORK/lebanon/places.tsv" ] && [ -s "$WORK/lebanon/names.tsv" ] || fail "no gazetteer files written"
grep -q "^LB2201	village" "$WORK/lebanon/places.tsv" || fail "Qalamoun (Baalbek) missing"
"$BIN" --gazetteer "$WORK/lebanon" resolve "زحلة" > "$WORK/out" || fail "resolve failed"
grep -q "LB2101" "$WORK/out" || fail "زحلة is not Zahle: $(cat "$WORK/out")"
CONFLICTMAP_GAZETTEER="$WORK/lebanon" "$BIN" resolve Qalamoun --context Baalbek > "$WORK/env" || fail "env gazetteer failed"
grep -q "LB2201" "$WORK/env" || fail "Qalamoun in Baalbek is not LB2201: $(cat "$WORK/env")"
"$BIN" gazetteer import --format geonames "$TESTS/data/import/geonames_small.txt" -o "$WORK/gn" 2>/dev/null || fail "geonames import failed"
grep -q "geonames:276781" "$WORK/gn/places.tsv" || fail "Bhamdoun missing"
printf 'name,lat,lon\nZahle,33.8,35.9\n' > "$WORK/plain.csv"
expect_error "plain.csv:1: field 'admin1Pcode': not an OCHA P-code table" "$WORK/bad/places.tsv" \
  "$BIN" gazetteer import --format ocha-pcodes "$WORK/plain.csv" -o "$WORK/bad"
expect_error "geonames_small.txt:2: has 4 fields but the header has 3" "$WORK/bad/places.tsv" \
  "$BIN" gazetteer import --format ocha-pcodes "$TESTS/data/import/geonames_small.txt" -o "$WORK/bad"
# a new import replaces the folder's gazetteer whole: nothing of an earlier import (admin.gpkg, neighbours.tsv)
# is left to mix with it
"$BIN" gazetteer import --format ocha-pcodes "$TESTS/data/import/ocha_pcodes_small.csv" \
  --admin-layer "$TESTS/data/import/admin_small.geojson" -o "$WORK/again" 2>/dev/null || fail "import with admin failed"
[ -e "$WORK/again/admin.gpkg" ] || fail "no admin.gpkg from an import with admin layers"
"$BIN" gazetteer import --format geonames "$TESTS/data/import/geonames_small.txt" -o "$WORK/again" 2>/dev/null \
  || fail "second import failed"
[ ! -e "$WORK/again/admin.gpkg" ] && [ ! -e "$WORK/again/neighbours.tsv" ] || fail "an earlier import's files were kept"
grep -q "geonames:276781" "$WORK/again/places.tsv" || fail "the second import's places are missing"
# a failed import leaves the folder's gazetteer as it was, and no staging folder
cp "$WORK/again/places.tsv" "$WORK/places.before"
expect_error "not an OCHA P-code table" "$WORK/again/nothing" \
  "$BIN" gazetteer import --format ocha-pcodes "$WORK/plain.csv" -o "$WORK/again"
cmp -s "$WORK/places.before" "$WORK/again/places.tsv" || fail "a failed import changed the gazetteer"
ls -A "$WORK/again" | grep -q "tmp" && fail "a failed import left a staging folder"
# a file that cannot be replaced is named with the reason, not "Success"
rm -rf "$WORK/blocked" && mkdir -p "$WORK/blocked/places.tsv/inside"
expect_error "cannot write $WORK/blocked/places.tsv: " "$WORK/blocked/names.tsv" \
  "$BIN" gazetteer import --format geonames "$TESTS/data/import/geonames_small.txt" -o "$WORK/blocked"
grep -q "Success" "$WORK/stderr" && fail "the error says Success: $(cat "$WORK/stderr")"
# info counts places and names by source: the P-code table's 4 communities and 5 admin units, each with its names
"$BIN" --gazetteer "$WORK/lebanon" gazetteer info > "$WORK/info" || fail "gazetteer info failed"
grep -Eq "^  source ocha-pcodes +9 +9 +[1-9][0-9]* +primary$" "$WORK/info" || fail "info does not count by source: $(cat "$WORK/info")"
# admin polygons with bytes of another encoding, or far outside WGS84: refused, naming the feature and field
/usr/bin/python3 - "$TESTS/data/import/admin_small.geojson" "$WORK" <<'PY'
import json, sys
source, work = sys.argv[1], sys.argv[2]
text = open(source, encoding="utf-8").read()
open(f"{work}/admin_encoding.geojson", "wb").write(text.replace('"West"', '"WeXst"').encode().replace(b"WeXst", b"We\xffst"))
layer = json.loads(text)
layer["features"][1]["geometry"]["coordinates"] = [[[-2147483649, 33], [-2147483640, 33], [-2147483640, 34], [-2147483649, 34], [-2147483649, 33]]]
json.dump(layer, open(f"{work}/admin_far.geojson", "w"))
PY
expect_error "admin_encoding.geojson:1: field 'adm1_name': not valid UTF-8" "$WORK/enc/places.tsv" \
  "$BIN" gazetteer import --format ocha-admin "$WORK/admin_encoding.geojson" -o "$WORK/enc"
expect_error "admin_far.geojson:2: field 'geometry': the polygon lies at" "$WORK/far/places.tsv" \
  "$BIN" gazetteer import --format ocha-admin "$WORK/admin_far.geojson" -o "$WORK/far"
echo "ok: import"
