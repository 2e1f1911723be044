#!/usr/bin/env python3
"""`conflictmap.dask.extract_corpus` on a LocalCluster with 1 and 2 worker processes against `conflictmap
extract --input` with 1 and 2 threads on the same JSON Lines corpus (the bundled reports repeated, ids varied),
in the same run: MB/s, and Dask's overhead against the CLI on as many cores.

Usage: PYTHONPATH=build/python /usr/bin/python3 scripts/bench/dask_extract.py [--mb 40] [--binary build/conflictmap]
"""
import argparse
import glob
import json
import os
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=40)
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "conflictmap"))
    args = parser.parse_args()
    from dask.distributed import Client, LocalCluster
    from conflictmap.dask import extract_corpus
    reports = [open(p, encoding="utf-8").read()
               for p in sorted(glob.glob(os.path.join(ROOT, "tests/data/sample/reports/*.txt")))]
    with tempfile.TemporaryDirectory() as work:
        corpus = os.path.join(work, "corpus.jsonl")
        written = row = 0
        with open(corpus, "w", encoding="utf-8") as out:
            while written < args.mb * 1e6:
                line = json.dumps({"id": f"row{row}", "text": reports[row % len(reports)]}, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                row += 1
        mb = written / 1e6
        cli = {}
        for threads in (1, 2):
            start = time.perf_counter()
            subprocess.run([args.binary, "extract", "--input", corpus, "--id-column", "id", "--threads", str(threads),
                            "-o", os.path.join(work, "cli.csv")], check=True, stderr=subprocess.DEVNULL)
            cli[threads] = time.perf_counter() - start
        dask = {}
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                    Client(cluster) as client:
                start = time.perf_counter()
                extract_corpus(corpus, id="id", client=client, blocksize="4MB", output=os.path.join(work, "dask.csv"))
                dask[workers] = time.perf_counter() - start
        same = open(os.path.join(work, "cli.csv"), "rb").read() == open(os.path.join(work, "dask.csv"), "rb").read()
        print(f"{mb:.0f} MB, {row:,} rows: CLI 1 thread {mb / cli[1]:.2f} MB/s, 2 threads {mb / cli[2]:.2f} MB/s; "
              f"Dask 1 worker {mb / dask[1]:.2f} MB/s (overhead {dask[1] / cli[1] - 1:+.0%}), 2 workers "
              f"{mb / dask[2]:.2f} MB/s (overhead {dask[2] / cli[2] - 1:+.0%}, {dask[1] / dask[2]:.2f}x 1 worker); "
              f"events file identical to the CLI's: {same}")


if __name__ == "__main__":
    main()
