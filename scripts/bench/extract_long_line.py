#!/usr/bin/env python3
"""`conflictmap extract` on a report that is one long line with no full stop (text pasted from a page without its
line breaks), of 1 MB and 5 MB, built from the words of the bundled reports. Prints MB/s (the bar is >= 1 MB/s)
and peak memory, against `grep -c` over the same file measured in the same run.

Usage: scripts/bench/extract_long_line.py [--binary build/conflictmap] [--sizes 1,5]
"""
import argparse
import os
import random
import resource
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def words_of_bundled_reports():
    folder = os.path.join(ROOT, "tests", "data", "sample", "reports")
    words = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            words += [w.strip(".") for w in f.read().split() if w.strip(".")]
    return words


def timed(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, max(after.ru_maxrss, before.ru_maxrss) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "conflictmap"))
    parser.add_argument("--sizes", default="1,5", help="line sizes in MB")
    args = parser.parse_args()
    words = words_of_bundled_reports()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as work:
        for mb in (float(x) for x in args.sizes.split(",")):
            size = int(mb * 1_000_000)
            parts, length = [], 0
            while length < size:
                w = rng.choice(words)
                parts.append(w)
                length += len(w.encode()) + 1
            path = os.path.join(work, f"line_{mb:g}mb.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(" ".join(parts) + "\n")
            bytes_ = os.path.getsize(path)
            seconds, peak = timed([args.binary, "extract", path, "-o", os.path.join(work, "events.csv")])
            peer, _ = timed(["grep", "-ciE", "control|strikes|سيطر", path])
            print(f"{bytes_ / 1e6:.1f} MB on one line: extract {seconds:.2f} s = {bytes_ / 1e6 / seconds:.2f} MB/s "
                  f"(bar >= 1 MB/s), peak RSS {peak:.0f} MB; grep -ciE {peer:.3f} s, ratio {seconds / peer:.0f}x")


if __name__ == "__main__":
    main()
