#!/usr/bin/env python3
"""The Python module's `Resolver.resolve_many` against the batch CLI (`resolve --input`) on the same names, in
the same run: names/s on one thread and on two, and the module's overhead for a batch (the bar: under 10%).
The CLI's time is counted without its start-up (measured on a one-name file), as the module's is counted
without loading the Resolver; each module pass starts on a fresh Resolver, as cold as the CLI's run.

The CLI links jemalloc (on transparent huge pages); Python's own allocator is glibc's, which the engine's many
small allocations feel. So the run is repeated in a child interpreter with jemalloc preloaded as the CLI has it
(LD_PRELOAD, MALLOC_CONF), and both lines are printed: the second is the overhead of the module itself.

Usage: PYTHONPATH=build/python /usr/bin/python3 scripts/bench/python_resolve_many.py [--names 50000] [--binary build/conflictmap]
"""
import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import time

import conflictmap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JEMALLOC = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"


def names_from_gazetteer(count, folder):
    with open(os.path.join(folder, "names.tsv"), encoding="utf-8") as f:
        column = f.readline().rstrip("\n").split("\t").index("name")
        names = [line.rstrip("\n").split("\t")[column] for line in f]
    rng = random.Random(3)
    out = []
    for _ in range(count):
        name = rng.choice(names)
        if rng.random() < 0.3 and len(name) > 4:  # a letter dropped, as reports misspell
            i = rng.randrange(1, len(name) - 1)
            name = name[:i] + name[i + 1:]
        out.append(name)
    return out


def cli_seconds(binary, names, work, threads=1):
    path = os.path.join(work, f"names{len(names)}.csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["name"])
        writer.writerows([n] for n in names)
    start = time.perf_counter()
    subprocess.run([binary, "resolve", "--input", path, "--name-column", "name", "--threads", str(threads),
                    "--output", os.path.join(work, "out.csv")], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--names", type=int, default=50000)
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "conflictmap"))
    args = parser.parse_args()
    start = time.perf_counter()
    resolver = conflictmap.Resolver()
    load = time.perf_counter() - start
    names = names_from_gazetteer(args.names, resolver.gazetteer)
    with tempfile.TemporaryDirectory() as work:
        startup = min(cli_seconds(args.binary, names[:1], work) for _ in range(3))
        # the best of three on each side: these machines are noisy
        cli = min(cli_seconds(args.binary, names, work) for _ in range(3)) - startup
        cli2 = min(cli_seconds(args.binary, names, work, threads=2) for _ in range(3)) - startup
    # each pass on a fresh Resolver (its load left out), so that it starts as cold as the CLI's run: the memory of
    # fuzzy answers a run fills belongs to its index
    def cold(threads, engine_only=False):
        fresh = conflictmap.Resolver()
        start = time.perf_counter()
        if engine_only:
            fresh._engine.resolve_many(names, [], threads)
        else:
            fresh.resolve_many(names, threads=threads)
        return time.perf_counter() - start
    timings = {threads: min(cold(threads) for _ in range(3)) for threads in (1, 2)}
    engine = min(cold(1, engine_only=True) for _ in range(3))
    allocator = "jemalloc preloaded" if "jemalloc" in os.environ.get("LD_PRELOAD", "") else "Python's allocator"
    print(f"[{allocator}] {len(names):,} names: CLI batch {len(names) / cli:,.0f} names/s on 1 thread, {len(names) / cli2:,.0f} on 2 "
          f"(start-up {startup:.2f} s left out); "
          f"resolve_many 1 thread {len(names) / timings[1]:,.0f} names/s, overhead {timings[1] / cli - 1:+.1%} (the engine "
          f"call alone {engine / cli - 1:+.1%}, the DataFrame {(timings[1] - engine) / cli:+.1%}); "
          f"2 threads {len(names) / timings[2]:,.0f} names/s ({timings[1] / timings[2]:.2f}x); Resolver load {load:.2f} s")
    sys.stdout.flush()
    if "LD_PRELOAD" not in os.environ and os.path.exists(JEMALLOC):
        env = dict(os.environ, LD_PRELOAD=JEMALLOC, MALLOC_CONF="thp:always,metadata_thp:auto")
        subprocess.run([sys.executable, os.path.abspath(__file__), *sys.argv[1:]], env=env, check=True)


if __name__ == "__main__":
    main()
