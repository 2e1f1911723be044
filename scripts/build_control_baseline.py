#!/usr/bin/env python3
"""Builds gazetteer/syria/control_baseline_2017.csv: who held each place of Wikipedia's detailed Syria map
(about mid-2017), as a baseline for `conflictmap control --baseline`. Marks whose coordinates fall outside Syria (typos
in the transcribed source) are left out and reported.

Each mark with a controller becomes a row. Its place_id is the gazetteer place that carries the mark's label
as a wikipedia-map name (the nearest such place, within 10 km), so the baseline and extracted events speak
of the same settlements; a mark no place carries keeps only its coordinates.
Controller codes: gov → government, opp → opposition, SDF → sdf, IS → islamic_state, JaN → hts,
Turkey → turkey. Two-party marks: a stable mix keeps its first party (opp+JaN in Idlib is held jointly,
not fought over); a mixed-or-contested mark is contested.

Usage: scripts/build_control_baseline.py MARKS_TSV GAZETTEER_FOLDER OUTPUT_CSV
"""
import csv
import math
import sys

CODES = {"gov": "government", "opp": "opposition", "SDF": "sdf", "IS": "islamic_state", "JaN": "hts",
         "Turkey": "turkey"}
DATE = "2017-07-01"
SYRIA_BOX = (32.0, 35.3, 37.6, 42.6)  # south, west, north, east, with a margin


def distance_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def controller_of(mark):
    parties = mark["controller"].split("+")
    if len(parties) > 1 and mark["control_type"] == "mixed_or_contested":
        return "contested"
    return CODES.get(parties[0])


def main(marks_path, gazetteer, output):
    points = {}
    with open(f"{gazetteer}/places.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            points[row["id"]] = (float(row["lat"]), float(row["lon"]))
    ids_by_label = {}
    with open(f"{gazetteer}/names.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["source"] == "wikipedia-map":
                ids_by_label.setdefault(row["name"], set()).add(row["id"])
    rows = []
    with open(marks_path, encoding="utf-8") as f:
        for mark in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if mark["commented"] == "1" or not mark["controller"] or not mark["label"]:
                continue
            controller = controller_of(mark)
            if controller is None:
                continue
            point = (float(mark["lat"]), float(mark["lon"]))
            if not (SYRIA_BOX[0] <= point[0] <= SYRIA_BOX[2] and SYRIA_BOX[1] <= point[1] <= SYRIA_BOX[3]):
                print(f"build_control_baseline: mark line {mark['line_no']} ({mark['label']}) has coordinates "
                      f"{mark['lat']},{mark['lon']} outside Syria (a typo in the source): left out", file=sys.stderr)
                continue
            candidates = sorted((distance_km(point, points[i]), i) for i in ids_by_label.get(mark["label"], ()))
            place_id = candidates[0][1] if candidates and candidates[0][0] <= 10 else ""
            rows.append([place_id, mark["label"], f"{point[0]:.5f}", f"{point[1]:.5f}", controller, DATE,
                         mark["mark_code"], mark["line_no"]])
    with open(output, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["place_id", "name", "latitude", "longitude", "controller", "date", "mark_code", "source_line"])
        out.writerows(rows)
    print(f"build_control_baseline: {len(rows)} places ({sum(1 for r in rows if r[0])} tied to gazetteer ids)",
          file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
