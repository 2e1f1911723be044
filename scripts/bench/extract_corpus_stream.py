#!/usr/bin/env python3
"""Streaming extraction of a corpus (`extract --input`): throughput with 1 and 2 threads and peak memory, for
corpora of growing size. The corpus is the bundled reports repeated, each copy with its own id, as JSON Lines.
The peer is the same program on the same reports as files (the whole-in-memory path), measured in this run.

Usage: scripts/bench/extract_corpus_stream.py [--binary build/conflictmap] [--sizes-mb 50,100,200] [--repeat 3]
Peak memory must not grow with the corpus: only with one batch. `--threads 1` runs reading, extraction and
writing in turn on one core; with 2 they overlap on both.
"""
import argparse
import glob
import json
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from child_process import run  # noqa: E402



def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "conflictmap"))
    parser.add_argument("--sizes-mb", default="50,100,200")
    parser.add_argument("--repeat", type=int, default=3, help="runs per thread count; the fastest counts")
    args = parser.parse_args()
    reports = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(ROOT, "tests/data/sample/reports/*.txt")))]
    with tempfile.TemporaryDirectory() as work:
        files = []
        for k, text in enumerate(reports * 20):
            path = os.path.join(work, f"r{k}.txt")
            open(path, "w", encoding="utf-8").write(text)
            files.append(path)
        mb = sum(os.path.getsize(p) for p in files) / 1e6
        seconds, rss = run([args.binary, "extract", *files, "-o", os.path.join(work, "files.csv")])
        peer_rate = mb / seconds
        print(f"peer: extract on {len(files)} files ({mb:.1f} MB): {mb / seconds:.2f} MB/s, peak RSS {rss:.0f} MB")
        for size in [float(s) for s in args.sizes_mb.split(",")]:
            corpus = os.path.join(work, "corpus.jsonl")
            written, row = 0, 0
            with open(corpus, "w", encoding="utf-8") as out:
                while written < size * 1e6:
                    text = reports[row % len(reports)]
                    line = json.dumps({"id": f"row{row}", "text": text}, ensure_ascii=False) + "\n"
                    out.write(line)
                    written += len(line.encode("utf-8"))
                    row += 1
            # the best of `--repeat` runs per thread count, the counts taking turns: on a shared machine a run
            # is slowed by its neighbours, never sped up
            figures = {1: (0.0, 0.0), 2: (0.0, 0.0)}
            for _ in range(args.repeat):
                for threads in (1, 2):
                    seconds, rss = run([args.binary, "extract", "--input", corpus, "--id-column", "id", "--threads",
                                        str(threads), "-o", os.path.join(work, "events.csv")])
                    rate = written / 1e6 / seconds
                    figures[threads] = (max(figures[threads][0], rate), max(figures[threads][1], rss))
            print(f"--input {written / 1e6:.0f} MB ({row} rows): 1 thread {figures[1][0]:.2f} MB/s, 2 threads "
                  f"{figures[2][0]:.2f} MB/s ({figures[2][0] / figures[1][0]:.2f}x); peak RSS {figures[1][1]:.0f} / "
                  f"{figures[2][1]:.0f} MB; 1 thread against the peer {figures[1][0] / peer_rate:.2f}x")
            os.remove(corpus)


if __name__ == "__main__":
    main()
