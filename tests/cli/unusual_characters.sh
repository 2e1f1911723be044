#!/usr/bin/env bash
# Text pasted from PDFs and web pages: byte-order marks, Arabic presentation forms (assigned and unassigned),
# zero-width and direction marks. Every command that folds names must take them without crashing, and a BOM at
# the top of a report must not shift spans.
source "$(dirname "$0")/lib.sh"
status_of() { local s=0; "$@" >"$WORK/stdout" 2>"$WORK/stderr" || s=$?; echo "$s"; }

# extract: "a", U+FEFF, newline (5 bytes) crashed with unbounded recursion
printf 'a\xef\xbb\xbf\n' > "$WORK/bom_inside.txt"
s=$(status_of "$BIN" extract "$WORK/bom_inside.txt" -o "$WORK/bom_inside.csv")
[ "$s" = 0 ] || fail "extract on a U+FEFF inside a line exited $s: $(cat "$WORK/stderr")"

# resolve --input: a name ending in U+FE75, a code point of the presentation block with no compatibility form
printf 'name\na\xef\xb9\xb5\n' > "$WORK/fe75.csv"
s=$(status_of "$BIN" resolve --input "$WORK/fe75.csv" --name-column name --output "$WORK/fe75_out.csv")
[ "$s" = 0 ] || fail "resolve --input on U+FE75 exited $s"
grep -q "unresolved: .*fe75.csv:2" "$WORK/stderr" || fail "the unresolvable name is not reported: $(cat "$WORK/stderr")"

# ingest --format csv: U+FE75 in a location
{ head -1 "$TESTS/data/ingest/acled_sample.csv"
  sed -n 2p "$TESTS/data/ingest/acled_sample.csv" | sed 's/,Tal Rifaat,/,Tal Rifaat\xef\xb9\xb5,/'; } > "$WORK/fe75_events.csv"
s=$(status_of "$BIN" ingest --format csv "$WORK/fe75_events.csv" -o "$WORK/fe75_events_out.csv")
[ "$s" = 0 ] || fail "ingest on U+FE75 exited $s: $(cat "$WORK/stderr")"

# gazetteer import: admin names holding a BOM
sed 's/"West"/"\xef\xbb\xbfWest"/; s/"الشرق"/"\xef\xbb\xbfالشرق"/' "$TESTS/data/import/admin_small.geojson" > "$WORK/admin_bom.geojson"
s=$(status_of "$BIN" gazetteer import --format ocha-pcodes "$TESTS/data/import/ocha_pcodes_small.csv" \
      --admin-layer "$WORK/admin_bom.geojson" -o "$WORK/gaz_bom")
[ "$s" = 0 ] || fail "gazetteer import with BOMs in admin names exited $s: $(cat "$WORK/stderr")"

# presentation forms fold to their letters: "ﺣﻠﺐ" is حلب, Aleppo
"$BIN" resolve "$(printf '\xef\xba\xa3\xef\xbb\xa0\xef\xba\x90')" > "$WORK/aleppo" || fail "resolve of presentation forms failed"
grep -qi "aleppo\|حلب" "$WORK/aleppo" || fail "presentation forms of حلب do not resolve to Aleppo: $(cat "$WORK/aleppo")"
# a zero-width non-joiner and a right-to-left mark inside a name do not split it
"$BIN" resolve "$(printf 'حل\xe2\x80\x8cب\xe2\x80\x8f')" > "$WORK/aleppo_zw" || fail "resolve with zero-width marks failed"
grep -qi "aleppo\|حلب" "$WORK/aleppo_zw" || fail "حلب with zero-width marks does not resolve: $(cat "$WORK/aleppo_zw")"

# a report that starts with a BOM: the span is the file's own byte offset of the sentence
printf '\xef\xbb\xbfIS took control of Soran.\n' > "$WORK/bom_first.txt"
"$BIN" extract "$WORK/bom_first.txt" --date 2016-01-01 -o "$WORK/bom_first.csv" 2>/dev/null || fail "extract of a BOM report failed"
/usr/bin/python3 - "$WORK/bom_first.csv" "$WORK/bom_first.txt" <<'PY' || fail "spans of a BOM report are not the file's offsets"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
data = open(sys.argv[2], "rb").read()
assert rows, "no event"
for r in rows:
    b, e = int(r["span_start"]), int(r["span_end"])
    assert data[b:e].decode("utf-8") == r["notes"], (b, e, data[b:e], r["notes"])
PY
echo "ok: unusual characters"
