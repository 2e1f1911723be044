#!/usr/bin/env bash
# `extract --input`: a corpus held as CSV or JSON Lines (plain, gzip or on stdin), one report per row, gives the
# same events as the report files, byte for byte and for any thread count; bad rows are reported by line and
# skipped; a missing column or an unreadable source is an error that writes nothing.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/.." || exit 1
REPORTS=(tests/data/sample/reports/*.txt)

# The bundled reports as a CSV (with quoted newlines) and as JSON Lines, the id column holding the file names
python3 - "$WORK" "${REPORTS[@]}" <<'PY'
import csv, json, sys
work, paths = sys.argv[1], sys.argv[2:]
with open(f"{work}/corpus.csv", "w", newline="", encoding="utf-8") as out:
    rows = csv.writer(out, lineterminator="\r\n")
    rows.writerow(["url", "text", "lang"])
    for p in paths:
        rows.writerow([p, open(p, encoding="utf-8").read(), "en"])
with open(f"{work}/corpus.jsonl", "w", encoding="utf-8") as out:
    for p in paths:
        out.write(json.dumps({"url": p, "text": open(p, encoding="utf-8").read(), "n": 1}, ensure_ascii=False) + "\n")
PY
"$BIN" extract "${REPORTS[@]}" -o "$WORK/files.csv" --unresolved "$WORK/files_unresolved.csv" 2>/dev/null ||
  fail "extract on the files failed"
for threads in 1 2; do
  "$BIN" extract --input "$WORK/corpus.csv" --id-column url --lang-column lang --threads "$threads" \
    -o "$WORK/csv_$threads.csv" --unresolved "$WORK/csv_unresolved_$threads.csv" 2>/dev/null || fail "--input CSV with $threads threads failed"
  cmp -s "$WORK/files.csv" "$WORK/csv_$threads.csv" || fail "--input CSV with $threads threads differs from the files' events"
  cmp -s "$WORK/files_unresolved.csv" "$WORK/csv_unresolved_$threads.csv" || fail "--unresolved differs with $threads threads"
done
echo "ok: a CSV corpus gives the files' events and unresolved mentions, with 1 and 2 threads"
gzip -c "$WORK/corpus.jsonl" > "$WORK/corpus.jsonl.gz"
"$BIN" extract --input "$WORK/corpus.jsonl.gz" --id-column url -o "$WORK/jsonl.csv" 2>/dev/null || fail "--input JSON Lines (gzip) failed"
cmp -s "$WORK/files.csv" "$WORK/jsonl.csv" || fail "--input JSON Lines differs from the files' events"
"$BIN" extract --input - --input-format jsonl --id-column url -o "$WORK/stdin.csv" < "$WORK/corpus.jsonl" 2>/dev/null ||
  fail "--input - failed"
cmp -s "$WORK/files.csv" "$WORK/stdin.csv" || fail "JSON Lines on stdin differ from the files' events"
echo "ok: JSON Lines, gzip and standard input give the same events"

# A folder is its corpus files in name order; GeoJSON Lines streams one feature per line
mkdir "$WORK/folder" && cp "$WORK/corpus.csv" "$WORK/folder/a.csv" && cp "$WORK/corpus.jsonl" "$WORK/folder/b.jsonl"
"$BIN" extract --input "$WORK/folder" --id-column url -o "$WORK/folder.geojsonl" 2>/dev/null || fail "--input FOLDER failed"
features=$(grep -c '"type": "Feature"' "$WORK/folder.geojsonl")
[ "$features" = $((2 * $(($(wc -l < "$WORK/files.csv") - 1)))) ] || fail "the folder gave $features features"
echo "ok: a folder's corpora in order, written as GeoJSON Lines ($features features)"

# Bad rows: not UTF-8, a bad date, no text, broken quoting, a language not read, a short row. Each is named by
# line and field; the good rows' events are written.
printf 'id,text,date,lang\nr1,"Air strikes hit Tal Rifaat yesterday.",2017-03-02,en\nr2,"bad \xff bytes",2017-03-02,en\nr3,"Clashes in Manbij.",March 2,en\nr4,,2017-03-02,en\nr5,"x"y,2017-03-02,en\nr6,"Des frappes sur Azaz.",2017-03-02,fr\nr7,short\nr8,"Shelling hit Azaz\nand Marea.",2017-03-05T10:00:00Z,ar\n' > "$WORK/bad.csv"
"$BIN" extract --input "$WORK/bad.csv" --id-column id --date-column date --lang-column lang -o "$WORK/bad_events.csv" \
  --rejected "$WORK/rejected.csv" 2>"$WORK/stderr" || fail "bad rows stopped the run: $(cat "$WORK/stderr")"
cat > "$WORK/expected_rejected.csv" <<'CSV'
source,line,field,reason
CSV
for row in "3,text,not UTF-8 text" "4,date,'March 2' is not a date (YYYY-MM-DD)" "5,text,no text" \
           "6,,text after a closing quote (a quote inside a field must be doubled)" \
           "7,lang,the language 'fr' is not read (English and Arabic are)" "8,,2 fields where the header has 4"; do
  echo "$WORK/bad.csv,$row" >> "$WORK/expected_rejected.csv"
done
diff "$WORK/expected_rejected.csv" "$WORK/rejected.csv" || fail "the rejected rows differ"
grep -q '^r1-001,2017-03-01,1,' "$WORK/bad_events.csv" || fail "row 2's strike, dated from the row's date, is missing"
grep -q '^r8-001,2017-03-05,' "$WORK/bad_events.csv" || fail "row 9 (a quoted newline, an ISO date-time) is missing"
grep -q "6 rows rejected" "$WORK/stderr" || fail "the summary does not count the rejected rows: $(cat "$WORK/stderr")"
echo "ok: six kinds of bad row are rejected by line and field, and the good rows' events are written"

# Whole-run errors write nothing
expect_error "field 'body': no such column" "$WORK/none.csv" "$BIN" extract --input "$WORK/corpus.csv" --text-column body -o "$WORK/none.csv" --unresolved "$WORK/none_unresolved.csv"
[ ! -e "$WORK/none_unresolved.csv" ] || fail "a missing column left --unresolved behind"
expect_error "no such file or folder" "$WORK/none.csv" "$BIN" extract --input "$WORK/missing.csv" -o "$WORK/none.csv"
expect_error "no file matches the pattern" "$WORK/none.csv" "$BIN" extract --input "$WORK/nothing*.csv" -o "$WORK/none.csv"
expect_error "needs --input-format" "$WORK/none.csv" "$BIN" extract --input - -o "$WORK/none.csv"
printf 'not gzip' > "$WORK/fake.csv.gz"
expect_error "fake.csv.gz" "$WORK/none.csv" "$BIN" extract --input "$WORK/fake.csv.gz" -o "$WORK/none.csv"
head -c 3000 "$WORK/corpus.jsonl.gz" > "$WORK/cut.jsonl.gz"
expect_error "damaged or cut short" "$WORK/none.csv" "$BIN" extract --input "$WORK/cut.jsonl.gz" -o "$WORK/none.csv"
