#!/usr/bin/env python3
"""mutagen vs mutagen_rs, side by side in one process (make bench-py).

What one timed call does (what a user does, DESIGN.md "Honest performance"):
open the file from its path with the format's class (mutagen.mp3.MP3 vs
mutagen_rs.mp3.MP3, ...; the "File()" row uses mutagen.File vs mutagen_rs.File),
then read info.length, info.bitrate, info.sample_rate, info.channels (where the
class has them) and every tag key and value: ``for k in tags.keys(): v = tags[k]``
and the value's text is materialised (str() of ID3 frames, ASF and APEv2 values;
the strings of Vorbis comment and MP4 lists; FLAC's pictures list too). Picture
payloads are not read, only their mime/desc/type (DESIGN: "skip a picture's bytes
until asked for"); MP4 covers are bytes subclasses, so their len() is taken.
Every call opens the file anew; nothing is cached by this harness.

The two libraries are interleaved per file and their order alternates per round,
so drift on this shared machine cancels; gc is disabled while timing. Each row
reports the median microseconds per file over all (file, round) samples and the
ratio mutagen/mutagen_rs. The I/O floor is os.open + os.pread(fd, 65536, 0) +
os.close on the same files, timed in the same rounds.

The never-seen check times each library on N fresh copies of one file (distinct
names, each timed once) against the same file N times; distinct/repeated must be
~1.0 (no state may survive between calls, DESIGN.md). Each file is read once with
plain syscalls right before its timed call, so that only library state differs.

A mutagen_rs module or class that is missing, or that fails on a file, shows
"n/a" (with the reason) instead of crashing. The values both libraries read are
summarised (a length count) and compared; a difference is flagged in the notes.

Usage: .venv/bin/python tools/bench_py.py [--rounds N] [--only FORMAT ...]
           [--json OUT] [--distinct N] [--no-corpus] [--no-test-files]
"""

import argparse
import datetime
import gc
import importlib
import json
import os
import pkgutil
import platform
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from time import perf_counter_ns

ROOT = Path(__file__).resolve().parent.parent
TEST_FILES = ROOT / "test_files"
CORPUS = ROOT / ".cache" / "corpus"
DEFAULT_JSON = ROOT / "bench-results" / "bench_py.json"

import mutagen  # noqa: E402  (the reference; from .venv)

# Import every mutagen format module before mutagen_rs, so that an import hook
# (mutagen_rs.install_as_mutagen) can never swap the reference for our own code.
for _m in pkgutil.iter_modules(mutagen.__path__):
    if not _m.name.startswith("_"):
        importlib.import_module("mutagen." + _m.name)

try:
    import mutagen_rs
    RS_IMPORT_ERROR = None
except Exception as e:  # not built, or broken: every mutagen_rs row is n/a
    mutagen_rs = None
    RS_IMPORT_ERROR = f"{type(e).__name__}: {e}"


# ---------------------------------------------------------------------------
# The work of one call


def touch(v):
    """Materialise one tag value; return a size summary (equal work, both libs)."""
    if isinstance(v, str):
        return len(v)
    if isinstance(v, (bytes, bytearray)):
        return len(v)
    if isinstance(v, (list, tuple)):
        n = 0
        for x in v:
            n += touch(x)
        return n
    if isinstance(v, (bool, int, float)):
        return 1
    if hasattr(v, "mime"):
        # a picture (ID3 APIC/PIC, FLAC Picture): its metadata, not its payload
        return len(str(v.mime)) + len(str(v.desc)) + int(v.type)
    if getattr(v, "kind", None) == 1:
        # an APEv2 binary value: its size, not a repr of its bytes
        return len(v)
    return len(str(v))


def consume(f):
    """Read info and every tag key and value of an opened file object."""
    if f is None:
        return -1
    n = 0
    info = getattr(f, "info", None)
    for name in ("length", "bitrate", "sample_rate", "channels"):
        x = getattr(info, name, None)
        if x is not None:
            n += 1 if x else 0
    # a tag object (ID3 rows) is its own tags
    tags = f.tags if hasattr(f, "tags") else f
    if tags is not None:
        for k in tags.keys():
            v = tags[k]
            n += len(k) + touch(v)
    pictures = getattr(f, "pictures", None)
    if pictures:
        n += touch(list(pictures))
    return n


def make_work(opener):
    def work(path):
        return consume(opener(path))
    return work


def io_floor(path):
    fd = os.open(path, os.O_RDONLY)
    os.pread(fd, 65536, 0)
    os.close(fd)
    return 0


def prewarm(path):
    fd = os.open(path, os.O_RDONLY)
    while os.read(fd, 1 << 20):
        pass
    os.close(fd)


def time_one(fn, path):
    t0 = perf_counter_ns()
    fn(path)
    return perf_counter_ns() - t0


# ---------------------------------------------------------------------------
# Rows: (label, mutagen opener, mutagen_rs opener or reason, files)


class Row:
    def __init__(self, label, module, clsname, files, group=None):
        self.label = label
        self.module = module        # "mutagen.mp3", or None for File()
        self.clsname = clsname      # "MP3", or "File"
        self.group = group
        self.files = [str(p) for p in files]
        m_mod = importlib.import_module(module or "mutagen")
        if "mutagen_rs" in (getattr(m_mod, "__file__", None) or "mutagen_rs"):
            raise SystemExit(f"{m_mod.__name__} is not the real mutagen (import hook?)")
        self.m_open = getattr(m_mod, clsname)
        self.rs_open, self.rs_reason = resolve_rs(module, clsname)
        self.timed_files = []
        self.rs_ok = False
        self.notes = []
        self.samples = {"mutagen": [], "rs": [], "floor": []}

    def matches(self, only):
        if not only:
            return True
        keys = {self.label.lower(), self.clsname.lower(), (self.group or "").lower()}
        if self.clsname == "File":
            keys |= {"file", "file()"}
        return any(o.lower() in keys for o in only)


def resolve_rs(module, clsname):
    if mutagen_rs is None:
        return None, "mutagen_rs not importable"
    modname = "mutagen_rs" + (module[len("mutagen"):] if module else "")
    try:
        mod = importlib.import_module(modname)
    except Exception as e:
        return None, f"no module {modname} ({type(e).__name__})"
    cls = getattr(mod, clsname, None)
    if cls is None:
        return None, f"no {modname}.{clsname}"
    return cls, None


def test_file_rows():
    files = sorted(p for p in TEST_FILES.iterdir() if p.is_file() and p.name != "README.md")
    groups = {}
    ape_extra = []
    id3_files = []
    from mutagen.apev2 import APEv2, APEv2File
    from mutagen.id3 import ID3
    for p in files:
        f = mutagen.File(p)
        if f is None:
            print(f"warning: mutagen does not recognise {p.name}; skipped", file=sys.stderr)
            continue
        cls = type(f)
        groups.setdefault((cls.__module__, cls.__name__), []).append(p)
        if not isinstance(f, APEv2File):
            try:
                APEv2(p)
                ape_extra.append(p)
            except Exception:
                pass
        try:
            ID3(p)
            id3_files.append(p)
        except Exception:
            pass
    rows = [Row(name, mod, name, ps) for (mod, name), ps in sorted(groups.items(),
                                                                   key=lambda kv: kv[0][1])]
    if ape_extra:
        rows.append(Row("APEv2File", "mutagen.apev2", "APEv2File", ape_extra))
    if id3_files:
        rows.append(Row("ID3", "mutagen.id3", "ID3", id3_files))
    rows.append(Row("File()", None, "File", [p for ps in groups.values() for p in ps]))
    return rows


def corpus_rows():
    rows = []
    everything = []
    mp3s = []
    for gdir in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        files = sorted(p for p in gdir.iterdir() if p.is_file())
        if not files:
            continue
        f = mutagen.File(files[0])
        cls = type(f)
        rows.append(Row(f"{cls.__name__} ({gdir.name})", cls.__module__, cls.__name__,
                        files, group=gdir.name))
        everything += files
        if gdir.name.startswith("mp3"):
            mp3s += files
    if mp3s:
        rows.append(Row("ID3 (mp3)", "mutagen.id3", "ID3", mp3s, group="id3"))
    if everything:
        rows.append(Row("File()", None, "File", everything))
    return rows


# ---------------------------------------------------------------------------
# Validation, timing


def validate(row):
    """Run each library once per file: keep the files mutagen reads; find out
    whether mutagen_rs reads them and reads the same amount of text."""
    m_work = make_work(row.m_open)
    rs_work = make_work(row.rs_open) if row.rs_open else None
    m_good, both_good, rs_fail, mismatch = [], [], [], []
    for p in row.files:
        try:
            m_val = m_work(p)
        except Exception as e:
            row.notes.append(f"mutagen fails on {os.path.basename(p)}: {type(e).__name__}")
            continue
        m_good.append(p)
        if rs_work is None:
            continue
        try:
            rs_val = rs_work(p)
        except Exception as e:
            rs_fail.append(e)
            continue
        both_good.append(p)
        if rs_val != m_val:
            mismatch.append(os.path.basename(p))
    if not both_good:
        # mutagen_rs missing, or failing on every file: time mutagen alone
        if rs_fail:
            e = rs_fail[0]
            row.rs_reason = f"{type(e).__name__}: {str(e)[:60]}"
        row.timed_files = m_good
        return
    row.rs_ok = True
    row.timed_files = both_good
    if rs_fail:
        row.notes.append(f"rs fails on {len(rs_fail)}/{len(m_good)} files; timed on the rest")
    if mismatch:
        row.notes.append(f"values differ on {len(mismatch)} files (e.g. {mismatch[0]})")


def run_rounds(rows, rounds, warmup):
    """Interleave mutagen, mutagen_rs and the I/O floor per file; alternate order."""
    plan = []
    for row in rows:
        m_work = make_work(row.m_open)
        rs_work = make_work(row.rs_open) if row.rs_ok else None
        for p in row.timed_files:
            plan.append((row, p, m_work, rs_work))
    gc.collect()
    gc.disable()
    try:
        for r in range(warmup + rounds):
            keep = r >= warmup
            for row, p, m_work, rs_work in plan:
                order = [("mutagen", m_work), ("rs", rs_work), ("floor", io_floor)]
                if r % 2:
                    order = [order[1], order[0], order[2]]
                for name, fn in order:
                    if fn is None:
                        continue
                    try:
                        t = time_one(fn, p)
                    except Exception as e:  # should not happen after validate()
                        if name == "rs":
                            row.rs_ok = False
                            row.rs_reason = f"{type(e).__name__} while timing"
                        continue
                    if keep:
                        row.samples[name].append(t)
            gc.enable()
            gc.collect()
            gc.disable()
    finally:
        gc.enable()


def us(samples):
    return statistics.median(samples) / 1000.0 if samples else None


def fmt_us(x):
    if x is None:
        return "n/a"
    return f"{x:.1f}" if x < 1000 else f"{x:.0f}"


def fmt_ratio(x):
    if x is None:
        return "n/a"
    return f"{x:.2f}x" if x < 100 else f"{x:.0f}x"


def summarise(rows):
    out = []
    for row in rows:
        m = us(row.samples["mutagen"])
        rs = us(row.samples["rs"]) if row.rs_ok else None
        fl = us(row.samples["floor"])
        notes = list(row.notes)
        if not row.rs_ok and row.rs_reason:
            notes.insert(0, f"rs n/a: {row.rs_reason}")
        out.append({
            "label": row.label,
            "class": row.clsname,
            "module": row.module or "mutagen",
            "files": len(row.timed_files),
            "samples": len(row.samples["mutagen"]),
            "mutagen_us": m,
            "mutagen_rs_us": rs,
            "ratio_mutagen_over_rs": (m / rs) if (m and rs) else None,
            "floor_us": fl,
            "mutagen_over_floor": (m / fl) if (m and fl) else None,
            "rs_over_floor": (rs / fl) if (rs and fl) else None,
            "notes": notes,
        })
    return out


def print_table(title, summary):
    print(f"\n## {title}")
    hdr = (f"{'format':26s} {'files':>5s} {'mutagen us':>11s} {'rs us':>9s} {'m/rs':>8s} "
           f"{'floor us':>9s} {'m/floor':>8s} {'rs/floor':>8s}  notes")
    print(hdr)
    print("-" * len(hdr))
    for s in summary:
        print(f"{s['label'][:26]:26s} {s['files']:5d} {fmt_us(s['mutagen_us']):>11s} "
              f"{fmt_us(s['mutagen_rs_us']):>9s} {fmt_ratio(s['ratio_mutagen_over_rs']):>8s} "
              f"{fmt_us(s['floor_us']):>9s} {fmt_ratio(s['mutagen_over_floor']):>8s} "
              f"{fmt_ratio(s['rs_over_floor']):>8s}  {'; '.join(s['notes'])}")


# ---------------------------------------------------------------------------
# Never-seen vs repeated


def distinct_check(rows, n, warmup):
    """Per format: N fresh copies (each timed once) vs one file N times."""
    results = []
    tmp = Path(tempfile.mkdtemp(prefix="bench_py_distinct_"))
    try:
        for row in rows:
            if row.clsname == "File" or not row.timed_files:
                continue
            src = row.timed_files[0]
            ext = os.path.splitext(src)[1]
            res = {"label": row.label, "file": os.path.basename(src), "n": n}
            libs = [("mutagen", make_work(row.m_open))]
            if row.rs_ok:
                libs.append(("rs", make_work(row.rs_open)))
            for name, work in libs:
                # fresh copies for each library, made just before it is timed
                d = tmp / f"{name}_{len(results)}"
                d.mkdir()
                copies = []
                for i in range(n):
                    c = d / f"{i:05d}_{os.urandom(4).hex()}{ext}"
                    shutil.copyfile(src, c)
                    copies.append(str(c))
                for _ in range(warmup):
                    work(src)
                dist, rep = [], []
                gc.collect()
                gc.disable()
                try:
                    for i, c in enumerate(copies):
                        # Both files are read once by plain syscalls just before
                        # their timed call, so the kernel and CPU caches are
                        # equally warm and only the library's own state differs.
                        pair = [(dist, c), (rep, src)]
                        if i % 2:
                            pair.reverse()
                        for acc, path in pair:
                            prewarm(path)
                            acc.append(time_one(work, path))
                finally:
                    gc.enable()
                md, mr = us(dist), us(rep)
                res[name] = {"distinct_us": md, "repeated_us": mr, "ratio": md / mr}
                shutil.rmtree(d)
            results.append(res)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def print_distinct(results, n):
    print(f"\n## never-seen vs repeated ({n} fresh copies, each timed once, vs one file "
          f"{n} times; median us; ratio must be ~1.0)")
    hdr = (f"{'format':26s} {'mutagen new':>11s} {'repeated':>9s} {'ratio':>6s}   "
           f"{'rs new':>9s} {'repeated':>9s} {'ratio':>6s}")
    print(hdr)
    print("-" * len(hdr))
    for r in results:
        m = r["mutagen"]
        line = (f"{r['label'][:26]:26s} {fmt_us(m['distinct_us']):>11s} "
                f"{fmt_us(m['repeated_us']):>9s} {m['ratio']:6.2f}   ")
        if "rs" in r:
            s = r["rs"]
            line += (f"{fmt_us(s['distinct_us']):>9s} {fmt_us(s['repeated_us']):>9s} "
                     f"{s['ratio']:6.2f}")
        else:
            line += f"{'n/a':>9s} {'n/a':>9s} {'n/a':>6s}"
        print(line)


# ---------------------------------------------------------------------------


def machine():
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "mutagen": mutagen.version_string,
        "mutagen_rs": getattr(mutagen_rs, "version_string", None) if mutagen_rs else None,
        "mutagen_rs_path": getattr(mutagen_rs, "__file__", None) if mutagen_rs else None,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=30, help="timed rounds (default 30)")
    ap.add_argument("--warmup", type=int, default=3, help="untimed rounds first (default 3)")
    ap.add_argument("--only", action="append", default=[], metavar="FORMAT",
                    help="only rows of this class/group (MP3, FLAC, mp3_vbr, File, ...);"
                         " repeatable or comma-separated")
    ap.add_argument("--json", default=str(DEFAULT_JSON), metavar="OUT",
                    help=f"write results here (default {DEFAULT_JSON.relative_to(ROOT)})")
    ap.add_argument("--distinct", type=int, default=100, metavar="N",
                    help="copies for the never-seen check (default 100; 0 skips it)")
    ap.add_argument("--no-corpus", action="store_true", help="skip the corpus table")
    ap.add_argument("--no-test-files", action="store_true", help="skip the test_files table")
    args = ap.parse_args(argv)
    only = [o.strip() for a in args.only for o in a.split(",") if o.strip()]

    info = machine()
    now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    print(f"# bench_py: mutagen {info['mutagen']} vs mutagen_rs {info['mutagen_rs'] or 'n/a'}")
    print(f"date {now}; cpu {info['cpu']}; cores {info['cores']} "
          f"(usable {info['usable_cores']}); python {info['python']}; {info['platform']}")
    print(f"rounds {args.rounds} (+{args.warmup} warm-up), interleaved A/B, order alternating "
          f"per round; median us per file")
    if RS_IMPORT_ERROR:
        print(f"note: mutagen_rs not importable ({RS_IMPORT_ERROR}); its columns are n/a")
    t_start = perf_counter_ns()

    results = {"machine": info, "date": now, "rounds": args.rounds, "warmup": args.warmup,
               "tables": {}}
    sets = []
    if not args.no_test_files:
        sets.append(("test_files", f"test_files/ ({TEST_FILES})", test_file_rows))
    if not args.no_corpus:
        if CORPUS.is_dir() and any(CORPUS.iterdir()):
            sets.append(("corpus", f"corpus ({CORPUS})", corpus_rows))
        else:
            print(f"note: no corpus at {CORPUS} (run: make corpus); corpus table skipped")

    test_rows = []
    for key, title, make_rows in sets:
        rows = [r for r in make_rows() if r.matches(only)]
        for row in rows:
            validate(row)
        run_rounds(rows, args.rounds, args.warmup)
        summary = summarise(rows)
        print_table(title, summary)
        results["tables"][key] = summary
        if key == "test_files":
            test_rows = rows

    if args.distinct > 0 and test_rows:
        dres = distinct_check(test_rows, args.distinct, args.warmup)
        print_distinct(dres, args.distinct)
        results["never_seen_vs_repeated"] = dres

    elapsed = (perf_counter_ns() - t_start) / 1e9
    results["elapsed_s"] = elapsed
    print(f"\nelapsed {elapsed:.1f} s")
    if args.json:
        out = Path(args.json)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
        print(f"results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
