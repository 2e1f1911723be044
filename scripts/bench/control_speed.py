#!/usr/bin/env python3
"""Control zones for every OCHA community (about 7,250 settlements) on one date, measured in one run against
QGIS doing the core of the same work (qgis:voronoipolygons, then native:dissolve by controller, through
qgis_process). The goal: `conflictmap control` in under 2 s for the whole command.

Each community takes the controller of the nearest mark of the mid-2017 baseline, so the zones have a
realistic pattern of fronts.

Usage: scripts/bench/control_speed.py [--repeat 3] [--skip-qgis]
"""
import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, "build", "conflictmap")
GAZETTEER = os.path.join(ROOT, "gazetteer", "syria")


def communities():
    rows = []
    with open(os.path.join(GAZETTEER, "places.tsv"), encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if "ocha-pcodes" in row["sources"].split(",") and row["kind"] in ("city", "town", "village", "camp"):
                rows.append((row["id"], float(row["lat"]), float(row["lon"])))
    return rows


def baseline_marks():
    marks = []
    with open(os.path.join(GAZETTEER, "control_baseline_2017.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            marks.append((float(row["latitude"]), float(row["longitude"]), row["controller"]))
    return marks


def timed(command, env=None):
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-qgis", action="store_true")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="control_bench_")
    places = communities()
    marks = baseline_marks()
    mark_xy = np.array([(m[0], m[1]) for m in marks])
    baseline = os.path.join(folder, "communities.csv")
    with open(baseline, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["place_id", "latitude", "longitude", "controller", "date"])
        for place_id, lat, lon in places:
            nearest = int(np.argmin((mark_xy[:, 0] - lat) ** 2 + ((mark_xy[:, 1] - lon) * 0.82) ** 2))
            out.writerow([place_id, f"{lat:.6f}", f"{lon:.6f}", marks[nearest][2], "2017-07-01"])
    print(f"{len(places)} OCHA communities, controllers from the nearest 2017 baseline mark")

    ours = min(timed([BIN, "control", "--baseline", baseline, "--as-of", "2017-07-01", "-o",
                      os.path.join(folder, "control.tif")]) for _ in range(args.repeat))
    print(f"conflictmap control: {ours:.2f} s (best of {args.repeat}; whole command: gazetteer, Voronoi, dissolve, "
          f"clip to reach and country, fronts, raster COG, GeoJSON, styles) — goal < 2 s: "
          f"{'met' if ours < 2 else 'NOT met'}")
    if args.skip_qgis:
        return
    points = os.path.join(folder, "communities.gpkg")
    timed(["ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:32637", "-s_srs", "EPSG:4326", "-oo", "X_POSSIBLE_NAMES=longitude",
           "-oo", "Y_POSSIBLE_NAMES=latitude", points, baseline])
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    voronoi = os.path.join(folder, "voronoi.gpkg")
    dissolved = os.path.join(folder, "dissolved.gpkg")
    start = time.perf_counter()
    timed(["qgis_process.bin", "run", "qgis:voronoipolygons", f"--INPUT={points}", "--BUFFER=0", f"--OUTPUT={voronoi}"], env)
    timed(["qgis_process.bin", "run", "native:dissolve", f"--INPUT={voronoi}", "--FIELD=controller", f"--OUTPUT={dissolved}"], env)
    theirs = time.perf_counter() - start
    print(f"QGIS voronoipolygons + dissolve: {theirs:.2f} s (Voronoi and dissolve only: no reach, clip, fronts or raster)")
    print(f"  ratio: conflictmap is {theirs / ours:.1f}× faster than QGIS")


if __name__ == "__main__":
    main()
