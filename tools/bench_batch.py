#!/usr/bin/env python3
"""Throughput of mutagen_rs.batch_open on the corpus, by thread count.

Each timed call opens every corpus file once (``batch_open(paths,
threads=n)``: what File() returns for each, tags and info loaded); the thread
counts are interleaved round by round, so drift on this shared machine
cancels. Reports the median files per second per thread count and the
speed-up over one thread. Nothing is cached between calls (DESIGN.md): each
round opens the files anew.

With --cold, the corpus files are evicted from the page cache before every
timed call (posix_fadvise DONTNEED on each file; only those files, so the
interpreter's own code stays in memory), so each call reads them from the
disk: what a library scan of files not read recently sees.

Usage: .venv/bin/python tools/bench_batch.py [--rounds N] [--threads 1,2,4]
           [--cold]
"""

import argparse
import gc
import os
import statistics
import sys
from pathlib import Path
from time import perf_counter_ns

import mutagen_rs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / ".cache" / "corpus"


def evict(paths):
    for p in paths:
        fd = os.open(p, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--threads", default=None,
                    help="comma-separated thread counts (default 1,2 and "
                         "the usable cores)")
    ap.add_argument("--cold", action="store_true",
                    help="evict the corpus from the page cache before every "
                         "timed call")
    args = ap.parse_args(argv)
    cores = len(os.sched_getaffinity(0))
    if args.threads:
        counts = [int(t) for t in args.threads.split(",")]
    else:
        counts = sorted({1, 2, cores})
    paths = sorted(str(p) for p in CORPUS.rglob("*") if p.is_file())
    if not paths:
        print("no corpus (run: make corpus)")
        return 1
    results = mutagen_rs.batch_open(paths, threads=1)
    opened = sum(1 for r in results
                 if r is not None and not isinstance(r, Exception))
    print("# batch_open: %d corpus files (%d opened, %d None or error), "
          "%d usable cores, %d rounds, %s page cache" % (
              len(paths), opened, len(paths) - opened, cores, args.rounds,
              "cold (evicted before each call)" if args.cold else "warm"))
    samples = {n: [] for n in counts}
    gc.collect()
    gc.disable()
    try:
        for r in range(args.rounds + 2):
            order = counts if r % 2 else list(reversed(counts))
            for n in order:
                if args.cold:
                    evict(paths)
                t0 = perf_counter_ns()
                mutagen_rs.batch_open(paths, threads=n)
                dt = perf_counter_ns() - t0
                if r >= 2:
                    samples[n].append(dt)
            gc.enable()
            gc.collect()
            gc.disable()
    finally:
        gc.enable()
    base = statistics.median(samples[counts[0]])
    print("threads  median ms  files/s  speed-up")
    for n in counts:
        med = statistics.median(samples[n])
        print("%7d  %9.2f  %7.0f  %7.2fx" % (
            n, med / 1e6, len(paths) / (med / 1e9), base / med))
    return 0


if __name__ == "__main__":
    sys.exit(main())
