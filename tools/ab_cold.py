#!/usr/bin/env python3
"""Two builds of mutagen_rs timed against each other in one process.

On the shared VMs this project runs on, the same build's medians move by up
to 2x from one process to the next, so two builds can only be compared in
one process, interleaved. This tool keeps snapshots of built packages and
compares two of them:

    tools/ab_cold.py snapshot NAME      # copy the built package (after
                                        # maturin develop) to .cache/ab/NAME
    tools/ab_cold.py compare A B [--rounds N] [--warm] [--set SET ...]

`compare` imports each snapshot under its own 10-letter package name (the
package's Python imports and the module-name strings in its extension are
rewritten to that name: same length, so the binary stays valid), then times
``consume(cls(path))`` (bench_py's work: info and every tag value) for every
file of each set, A and B one after the other, their order alternating per
round. Cold (the default): a 3 ms sleep before every timed call, the state
in which every call after other work runs here (OPTIMIZATION_LOG.md,
session 4); --warm: the same call made once untimed first. `--work load`
times ``cls(path)`` plus the stream info only (``info.length``, ...; no tag
is read: what a scanner collecting durations does) instead of bench_py's
work. Prints the median us per file of each build and B/A.
"""

import argparse
import gc
import glob
import importlib
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from time import perf_counter_ns

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bindings" / "mtg-py" / "python" / "mutagen_rs"
SNAPSHOTS = ROOT / ".cache" / "ab"
NAME = "mutagen_rs"
CORPUS = ROOT / ".cache" / "corpus"
TEST_FILES = ROOT / "test_files"

# set name: (module, class, file pattern)
SETS = {
    "mp3_cbr": ("mp3", "MP3", str(CORPUS / "mp3_cbr" / "*")),
    "mp3_vbr": ("mp3", "MP3", str(CORPUS / "mp3_vbr" / "*")),
    "id3": ("id3", "ID3", str(CORPUS / "mp3_*" / "*")),
    "easymp3": ("mp3", "EasyMP3", str(CORPUS / "mp3_*" / "*")),
    "flac": ("flac", "FLAC", str(CORPUS / "flac" / "*")),
    "tf_mp3": ("mp3", "MP3", str(TEST_FILES / "*.mp3")),
    "tf_flac": ("flac", "FLAC", str(TEST_FILES / "*.flac")),
    # every call raises (no ID3 tag): the cost of the error
    "id3_on_flac": ("id3", "ID3", str(CORPUS / "flac" / "*")),
}


def snapshot(name):
    """Copy the package as built now (Python files and extension)."""
    if not list(PACKAGE.glob("_native*.so")):
        sys.exit("no built extension in %s: run maturin develop first"
                 % PACKAGE)
    dest = SNAPSHOTS / name / NAME
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(PACKAGE, dest,
                    ignore=shutil.ignore_patterns("__pycache__"))
    print("snapshot:", dest)


def renamed(name, alias, workdir):
    """The snapshot `name` as package `alias` under `workdir`."""
    if len(alias) != len(NAME):
        raise ValueError("the alias must be as long as %r" % NAME)
    src = SNAPSHOTS / name / NAME
    if not src.exists():
        sys.exit("no snapshot %r (tools/ab_cold.py snapshot %s)"
                 % (name, name))
    dest = workdir / alias
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("__pycache__"))
    for path in dest.rglob("*"):
        if path.suffix in (".py", ".pyi"):
            path.write_text(path.read_text().replace(NAME, alias))
        elif path.suffix == ".so":
            data = path.read_bytes()
            path.write_bytes(data.replace(NAME.encode(), alias.encode()))
    return dest


def consume_fn():
    sys.path.insert(0, str(ROOT / "tools"))
    import bench_py
    return bench_py.consume


def load_only(f):
    """Read the stream info of an opened file (if it has any), no tags."""
    info = getattr(f, "info", None)
    return [getattr(info, n, None)
            for n in ("length", "bitrate", "sample_rate", "channels")]


def compare(a, b, rounds, warm, sets, work="consume"):
    import tempfile
    workdir = Path(tempfile.mkdtemp(prefix="ab_cold_"))
    try:
        renamed(a, "mutagen_ra", workdir)
        renamed(b, "mutagen_rb", workdir)
        sys.path.insert(0, str(workdir))
        consume = consume_fn() if work == "consume" else load_only
        libs = [importlib.import_module(p) for p in ("mutagen_ra",
                                                     "mutagen_rb")]
        print("A = %s, B = %s; %s, %d rounds, work: %s; median us per file"
              % (a, b, "warm" if warm else "cold (3 ms sleep before each)",
                 rounds, work))
        gc.disable()
        for set_name in sets:
            module, cls_name, pattern = SETS[set_name]
            files = sorted(glob.glob(pattern))
            if not files:
                print("%-10s no files (%s)" % (set_name, pattern))
                continue
            classes = [getattr(importlib.import_module(
                lib.__name__ + "." + module), cls_name) for lib in libs]
            times = [[], []]
            failed = [0, 0]
            for r in range(rounds):
                for path in files:
                    order = (0, 1) if r % 2 == 0 else (1, 0)
                    for i in order:
                        if warm:
                            try:
                                consume(classes[i](path))
                            except Exception:
                                pass
                        else:
                            time.sleep(0.003)
                        # a file the class refuses is timed too (the
                        # exception is the answer, as for a scanner)
                        t0 = perf_counter_ns()
                        try:
                            consume(classes[i](path))
                        except Exception:
                            failed[i] += 1
                        times[i].append(perf_counter_ns() - t0)
            ma, mb = (statistics.median(t) / 1000 for t in times)
            note = ""
            if failed != [0, 0]:
                note = "  (raised: A %d, B %d of %d)" % (
                    failed[0], failed[1], len(times[0]))
            print("%-10s A %8.1f  B %8.1f  B/A %.3f%s" % (
                set_name, ma, mb, mb / ma, note))
    finally:
        gc.enable()
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="keep the built package")
    snap.add_argument("name")
    cmp_ = sub.add_parser("compare", help="time two snapshots")
    cmp_.add_argument("a")
    cmp_.add_argument("b")
    cmp_.add_argument("--rounds", type=int, default=20)
    cmp_.add_argument("--warm", action="store_true")
    cmp_.add_argument("--set", action="append", choices=sorted(SETS),
                      dest="sets")
    cmp_.add_argument("--work", choices=("consume", "load"),
                      default="consume")
    args = parser.parse_args()
    if args.command == "snapshot":
        snapshot(args.name)
    else:
        compare(args.a, args.b, args.rounds, args.warm,
                args.sets or list(SETS), args.work)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
