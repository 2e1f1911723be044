#!/usr/bin/env python3
"""Streaming `ingest` of a large ACLED-style table (generated here, deterministic): time, rows/s and peak memory
with 1 and 2 threads, for tables of growing size, against `ogr2ogr` copying the same CSV to CSV in the same run
(GDAL reading and writing every row without checking or placing any). Peak memory must follow one batch, not
the table.

Usage: scripts/bench/ingest_stream.py [--binary build/conflictmap] [--rows 500000,1000000,2000000]
"""
import argparse
import csv
import os
import random
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from child_process import run  # noqa: E402
TYPES = ["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Remote explosive/landmine/IED",
         "Attack", "Government regains territory", "Non-state actor overtakes territory"]
ACTORS = ["Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)", "Islamic State (Syria)",
          "Hayat Tahrir al Sham", "Syrian Democratic Forces", "Unidentified Armed Group (Syria)"]
LOCATIONS = [("Saraqib", "Idlib", 35.8611, 36.8061), ("Manbij", "Aleppo", 36.5266, 37.9549),
             ("Tal Rifaat", "Aleppo", 36.4726, 37.0941), ("Deir ez-Zor", "Deir ez-Zor", 35.3359, 40.1408),
             ("Douma", "Rural Damascus", 33.5711, 36.4025), ("Kafr Nabl", "Idlib", 35.6136, 36.5615)]



def write_table(path, rows):
    rng = random.Random(5)
    header = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
              "actor1", "actor2", "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
              "source", "notes", "fatalities"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        for i in range(rows):
            place, admin1, lat, lon = rng.choice(LOCATIONS)
            sub = rng.choice(TYPES)
            day = 1 + i % 28
            # one row in fifty without coordinates: the resolver places it from its location and admin1
            coordinates = ("", "") if i % 50 == 7 else (f"{lat + rng.uniform(-0.05, 0.05):.4f}",
                                                          f"{lon + rng.uniform(-0.05, 0.05):.4f}")
            out.writerow([f"SYR{i:07d}", f"2017-{1 + i % 12:02d}-{day:02d}", "2017", "1", "Political violence",
                          "Explosions/Remote violence", sub, rng.choice(ACTORS), "", "Syria", admin1, "", place,
                          coordinates[0], coordinates[1], str(1 + i % 3), "Generated",
                          f"On {day} of the month, reports of {sub.lower()} near {place}.", str(i % 4)])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "conflictmap"))
    parser.add_argument("--rows", default="500000,1000000,2000000")
    args = parser.parse_args()
    ogr2ogr = shutil.which("ogr2ogr")
    with tempfile.TemporaryDirectory() as work:
        for rows in [int(r) for r in args.rows.split(",")]:
            table = os.path.join(work, "acled.csv")
            write_table(table, rows)
            mb = os.path.getsize(table) / 1e6
            figures = {}
            for threads in (1, 2):
                seconds, rss = run([args.binary, "ingest", table, "--format", "acled", "--threads", str(threads),
                                    "-o", os.path.join(work, "events.csv")])
                figures[threads] = (seconds, rss)
            line = (f"ingest {rows:,} rows ({mb:.0f} MB): 1 thread {figures[1][0]:.1f} s ({rows / figures[1][0]:,.0f} "
                    f"rows/s, peak RSS {figures[1][1]:.0f} MB); 2 threads {figures[2][0]:.1f} s "
                    f"({figures[1][0] / figures[2][0]:.2f}x, peak RSS {figures[2][1]:.0f} MB)")
            if ogr2ogr:
                peer, peer_rss = run([ogr2ogr, "-f", "CSV", os.path.join(work, "copy.csv"), table])
                line += f"; ogr2ogr CSV copy {peer:.1f} s (peak {peer_rss:.0f} MB), ingest/ogr2ogr {figures[1][0] / peer:.2f}x"
            print(line, flush=True)
            for name in ("acled.csv", "events.csv", "copy.csv"):
                if os.path.exists(os.path.join(work, name)):
                    os.remove(os.path.join(work, name))


if __name__ == "__main__":
    main()
