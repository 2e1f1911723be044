#!/usr/bin/env python3
"""Fits the resolver's score calibration: one factor per (status, match) group, so that a group's mean score
equals its share of answers within 5 km, on the development file (../shared/eval/airwars_dev.csv, English and
Arabic names pooled, read in place), shrunk toward 1 for small groups. Seven numbers; nothing else from the file
reaches the project.

It runs the resolver with calibration switched off (CONFLICTMAP_RAW_SCORES=1), prints each group's size, mean raw
score, share within 5 km and the factor, and the C++ table to paste into src/resolve/score_calibration.cpp.

Usage: scripts/bench/fit_score_calibration.py [--binary build/conflictmap] [--eval FILE]
"""
import argparse
import collections
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import resolver_accuracy as ra  # noqa: E402

PRIOR = 30  # answers


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ra.ROOT, "build", "conflictmap"))
    parser.add_argument("--eval", default=os.path.join(ra.ROOT, "..", "shared", "eval", "airwars_dev.csv"))
    parser.add_argument("--gazetteer", default=os.path.join(ra.ROOT, "gazetteer", "syria"))
    args = parser.parse_args()
    with open(args.eval, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["latitude"] and r["geolocation_precision"] in ra.SETTLEMENT]
    os.environ["CONFLICTMAP_RAW_SCORES"] = "1"
    groups = collections.defaultdict(lambda: [0, 0.0, 0])  # answers, sum of raw scores, within 5 km
    for name_col, region_col in (("location_original", "region_original"), ("location_ar", "region_ar")):
        usable = [r for r in rows if r[name_col].strip()]
        answers, _ = ra.run_resolver(args.binary, args.gazetteer, usable, name_col, region_col)
        for row, answer in zip(usable, answers):
            if answer is None:
                continue
            d = ra.km(answer[0], answer[1], float(row["latitude"]), float(row["longitude"]))
            g = groups[(answer[3]["status"], answer[3]["match"])]
            g[0] += 1
            g[1] += answer[2]
            g[2] += d <= 5
    print(f"{'status':10}{'match':12}{'answers':>8}{'mean raw':>10}{'within 5 km':>12}{'factor':>8}")
    table = []
    for (status, match), (n, total, within) in sorted(groups.items()):
        # a small group is shrunk toward no change: PRIOR answers' worth of factor 1
        raw_factor = min(1.0, within / total) if total else 1.0
        factor = (n * raw_factor + PRIOR) / (n + PRIOR)
        print(f"{status:10}{match:12}{n:8}{total / n:10.3f}{within / n:12.3f}{factor:8.3f}")
        table.append(f'    {{"{status}", "{match}", {factor:.3f}}},  // {n} answers')
    print("\n".join(table))


if __name__ == "__main__":
    main()
