#!/usr/bin/env python3
"""What bench_py's corpus rows can show at best: the cost of a call whose
loading and frame building were free, timed in the state bench_py times ours in.

bench_py times each call of ours right after a mutagen call, which on this
project's VMs leaves every following call slow (OPTIMIZATION_LOG.md, session
4: time after a few ms of other work, not eviction, makes system calls and
first touches slow). This tool times, per corpus file and always right after
a mutagen call on that file (bench_py's `consume(cls(path))`, untimed):

  mutagen   mutagen's whole call (`consume(cls(path))`), timed right after
            an untimed call of its own: the number bench_py divides by
  ours      our whole call
  io        what any reader must do here: open, pread of the first 64 KiB,
            pread of the last 128 bytes (ID3v1), close
  consume   bench_py's `consume()` of a tag object of ours loaded and built
            before the rounds (no system call, no parsing, no building)
  io+consume  both in one timed region: a lower bound for any call that
            gives back our Python objects

and prints the time the row's target ratio allows (mutagen / target) next to
these. When `io+consume` alone is at or above that budget, no loading code,
however fast, can meet the target in bench_py.

Usage: .venv/bin/python tools/bench_bound.py [--rounds N] [--row ROW ...]
"""

import argparse
import gc
import glob
import os
import statistics
import sys
from pathlib import Path
from time import perf_counter_ns

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from bench_py import CORPUS, consume  # noqa: E402  (same work as bench_py)

import mutagen.flac  # noqa: E402
import mutagen.id3  # noqa: E402
import mutagen.mp3  # noqa: E402
import mutagen_rs.flac  # noqa: E402
import mutagen_rs.id3  # noqa: E402
import mutagen_rs.mp3  # noqa: E402

# row: (mutagen class, our class, file pattern, target ratio of the issue)
ROWS = {
    "id3": (mutagen.id3.ID3, mutagen_rs.id3.ID3, "mp3_*/*", 40),
    "mp3_cbr": (mutagen.mp3.MP3, mutagen_rs.mp3.MP3, "mp3_cbr/*", 50),
    "mp3_vbr": (mutagen.mp3.MP3, mutagen_rs.mp3.MP3, "mp3_vbr/*", 50),
    "flac": (mutagen.flac.FLAC, mutagen_rs.flac.FLAC, "flac/*", 20),
}


def io_any_reader(path, size):
    fd = os.open(path, os.O_RDONLY)
    os.pread(fd, 65536, 0)
    os.pread(fd, 128, max(0, size - 128))
    os.close(fd)


def measure(row, rounds):
    m_cls, rs_cls, pattern, target = ROWS[row]
    files = sorted(glob.glob(str(CORPUS / pattern)))
    if not files:
        return None
    sizes = {p: os.path.getsize(p) for p in files}
    built = {p: rs_cls(p) for p in files}
    for p in files:
        consume(built[p])  # every frame built, every value made once

    def io_consume(p):
        io_any_reader(p, sizes[p])
        consume(built[p])

    parts = {
        "mutagen": lambda p: consume(m_cls(p)),
        "ours": lambda p: consume(rs_cls(p)),
        "io": lambda p: io_any_reader(p, sizes[p]),
        "consume": lambda p: consume(built[p]),
        "io+consume": io_consume,
    }
    samples = {name: [] for name in parts}
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            for p in files:
                for name, fn in parts.items():
                    consume(m_cls(p))  # the state bench_py times ours in
                    t0 = perf_counter_ns()
                    fn(p)
                    samples[name].append(perf_counter_ns() - t0)
            gc.enable()
            gc.collect()
            gc.disable()
    finally:
        gc.enable()
    med = {name: statistics.median(v) / 1000 for name, v in samples.items()}
    return len(files), target, med


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--row", action="append", choices=sorted(ROWS))
    args = parser.parse_args()
    rows = args.row or list(ROWS)
    print("median us per file, each timed right after a mutagen call on the file")
    head = ("row", "files", "mutagen", "target", "budget", "ours", "io", "consume",
            "io+consume", "m/rs", "best m/x")
    print("%-8s %5s %8s %6s %7s %7s %6s %8s %10s %6s %8s" % head)
    for row in rows:
        got = measure(row, args.rounds)
        if got is None:
            print("%-8s no files under %s" % (row, CORPUS))
            continue
        n, target, med = got
        budget = med["mutagen"] / target
        print("%-8s %5d %8.0f %5dx %7.1f %7.1f %6.1f %8.1f %10.1f %5.1fx %7.1fx" % (
            row, n, med["mutagen"], target, budget, med["ours"], med["io"],
            med["consume"], med["io+consume"], med["mutagen"] / med["ours"],
            med["mutagen"] / med["io+consume"]))
    print("budget = mutagen / target; best m/x = mutagen / (io+consume): the ratio "
          "a call with free loading and building would show")


if __name__ == "__main__":
    main()
