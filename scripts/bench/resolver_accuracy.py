#!/usr/bin/env python3
"""Resolver accuracy on third-party strike locations (../shared/eval/airwars_dev.csv, evaluation only).

Runs `conflictmap resolve` in batch mode on the English and the Arabic place strings, each with its region as
context, and reports, for rows with settlement-level precision: accuracy within 1, 5 and 25 km, the unresolved
share, the share answered confidently (score >= 0.8) but more than 25 km off, and a reliability table (for each
score bin, the share within 5 and 25 km, which a calibrated score matches). As the peer in the same run it
scores a plain baseline: exact lookup of the whole normalised string among OCHA community names.

Then it prints the speed bars (load, index, lookups per second) from build/bench_resolver_speed.

The evaluation rows are read where they are and written only to a temporary folder; nothing here may feed them
into the gazetteer or any table.

Usage: scripts/bench/resolver_accuracy.py [--eval FILE] [--binary build/conflictmap] [--misses N]
"""
import argparse
import csv
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata

SETTLEMENT = {"village", "town", "city", "neighbourhood_area", "exact_location", "within_100m", "within_1m",
              "street", "nearby_landmark", "exact_location_other"}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def plain(text):
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u064B-\u065F\u0640]", "", text)
    text = re.sub(r"[أإآ]", "ا", text).replace("ة", "ه").replace("ى", "ي")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def baseline(rows, column, gazetteer):
    """Exact match of the whole normalised string to an OCHA community name."""
    index = {}
    names = os.path.join(gazetteer, "names.tsv")
    places = {}
    with open(os.path.join(gazetteer, "places.tsv"), encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            places[r["id"]] = (float(r["lat"]), float(r["lon"]))
    with open(names, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            if r["source"] == "ocha-pcodes":
                index.setdefault(plain(r["name"]), places[r["id"]])
    out = []
    for row in rows:
        point = index.get(plain(row[column]))
        out.append((point[0], point[1], 1.0) if point else None)
    return out


def run_resolver(binary, gazetteer, rows, name_col, region_col):
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = os.path.join(tmp, "in.csv"), os.path.join(tmp, "out.csv")
        with open(src, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["row", "name", "region"])
            for i, row in enumerate(rows):
                w.writerow([i, row[name_col], row[region_col]])
        start = time.perf_counter()
        subprocess.run([binary, "--gazetteer", gazetteer, "resolve", "--input", src, "--name-column", "name",
                        "--context-column", "region", "--output", dst], check=True, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        out = []
        with open(dst, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["resolved_lat"]:
                    out.append((float(r["resolved_lat"]), float(r["resolved_lon"]), float(r["score"]), r))
                else:
                    out.append(None)
        return out, seconds


def score(rows, answers):
    n = len(rows)
    within = {1: 0, 5: 0, 25: 0}
    unresolved = confident_wrong = 0
    misses = []
    for row, answer in zip(rows, answers):
        if answer is None:
            unresolved += 1
            misses.append((None, row, answer))
            continue
        d = km(answer[0], answer[1], float(row["latitude"]), float(row["longitude"]))
        for limit in within:
            if d <= limit:
                within[limit] += 1
        if d > 25 and answer[2] >= 0.8:
            confident_wrong += 1
        if d > 5:
            misses.append((d, row, answer))
    return {"n": n, **{f"at{k}": v / n for k, v in within.items()}, "unresolved": unresolved / n,
            "confident_wrong": confident_wrong / n}, misses


def print_reliability(label, rows, answers):
    """For each score bin: how many answers, and the share within 5 and 25 km. A calibrated score matches the
    share within 5 km."""
    bins = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
    print(f"{label:10}reliability: score bin, answers, mean score, within 5 km, within 25 km")
    for low, high in bins:
        inside = [(a, row) for row, a in zip(rows, answers) if a is not None and low <= a[2] < high]
        if not inside:
            continue
        dists = [km(a[0], a[1], float(row["latitude"]), float(row["longitude"])) for a, row in inside]
        mean = sum(a[2] for a, _ in inside) / len(inside)
        at5 = sum(d <= 5 for d in dists) / len(dists)
        at25 = sum(d <= 25 for d in dists) / len(dists)
        flag = "" if len(inside) < 50 or abs(at5 - mean) <= 0.05 else "  (more than 5 points off)"
        print(f"{'':10}  [{low:.1f}, {min(high, 1.0):.1f}{']' if high > 1 else ')'}  {len(inside):6}  {mean:6.3f}"
              f"  {at5:6.1%}  {at25:6.1%}{flag}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", default=os.path.join(ROOT, "..", "shared", "eval", "airwars_dev.csv"))
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "conflictmap"))
    parser.add_argument("--gazetteer", default=os.path.join(ROOT, "gazetteer", "syria"))
    parser.add_argument("--misses", type=int, default=0, help="print this many misses per language")
    args = parser.parse_args()
    if not os.path.exists(args.eval):
        sys.exit(f"resolver_accuracy: no evaluation file at {args.eval}")
    with open(args.eval, encoding="utf-8") as f:
        all_rows = list(csv.DictReader(f))
    rows = [r for r in all_rows if r["latitude"] and r["geolocation_precision"] in SETTLEMENT]
    print(f"{len(all_rows)} rows, {len(rows)} with coordinates and settlement-level precision")
    print(f"{'':10}{'tool':10}{'<=1km':>8}{'<=5km':>8}{'<=25km':>8}{'unres.':>8}{'conf.wrong':>11}{'seconds':>9}")
    for label, name_col, region_col in (("English", "location_original", "region_original"),
                                        ("Arabic", "location_ar", "region_ar")):
        usable = [r for r in rows if r[name_col].strip()]
        answers, seconds = run_resolver(args.binary, args.gazetteer, usable, name_col, region_col)
        ours, misses = score(usable, answers)
        peer, _ = score(usable, baseline(usable, name_col, args.gazetteer))
        for tool, s, t in (("conflictmap", ours, f"{seconds:.2f}"), ("baseline", peer, "")):
            print(f"{label:10}{tool:10}{s['at1']:8.1%}{s['at5']:8.1%}{s['at25']:8.1%}{s['unresolved']:8.1%}"
                  f"{s['confident_wrong']:11.1%}{t:>9}")
        print(f"{label:10}ratio at 5 km: {ours['at5'] / max(peer['at5'], 1e-9):.2f}x the baseline ({len(usable)} rows); "
              f"conflictmap within 5 km: {round(ours['at5'] * ours['n'])}/{ours['n']}")
        print_reliability(label, usable, answers)
        for d, row, answer in misses[: args.misses]:
            got = f"{answer[3]['place_name']} ({answer[3]['match']}, {answer[2]:.2f}) {d:.0f} km off" if answer else "unresolved"
            print(f"   miss: {row[name_col]!r} | {row[region_col]!r} -> {got}")
    # the speed bars, measured by the C++ benchmark beside the binary (load, index, lookups per second)
    speed = os.path.join(os.path.dirname(args.binary), "bench_resolver_speed")
    if os.path.exists(speed):
        print()
        sys.stdout.flush()
        subprocess.run([speed, args.gazetteer], check=True)
    else:
        print(f"(no {speed}: build it for the speed bars)")


if __name__ == "__main__":
    main()
