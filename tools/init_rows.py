#!/usr/bin/env python3
"""The rows of mutagen's test___init__.py for the formats mutagen_rs has.

mutagen 1.48.1's test___init__.py imports every format module at its top, so
against mutagen_rs it fails at import until every format exists, and
tools/conformance.py counts all of its 1365 tests as failed. Its largest part
is one generated test class per (format class, sample file): the "rows"
(TFileTypeMP3, TFileTypeMP3_2, TFileTypeFLAC, TFileTypeAAC, ...), which the
issues name as figures ("the test___init__.py rows for MP3, AAC and AC-3
pass").

This tool measures those rows on a patched copy of the file, in a directory of
its own (the unpacked suite itself is not touched):

* each `from mutagen.MOD import NAMES` line whose module mutagen_rs lacks
  becomes placeholder classes with those names;
* the placeholders' entries are taken out of the table the rows are generated
  from (`_FILETYPES`), so only rows of existing format classes are made.

Nothing else in the file changes. The rows run in a pytest subprocess with the
same plugin and import hook as tools/conformance.py (`import mutagen` gives
mutagen_rs; a real mutagen imported anywhere invalidates the run).

Prints, per test class, passed/total: the rows of the formats that exist, then
the file's other classes (some of these use the missing formats and fail for
that reason alone). Exit status: 0 when every test of every row passed, 1 when
one did not (or none ran), 2 when the harness could not run.

Usage: .venv/bin/python tools/init_rows.py [-v]
"""

import argparse
import importlib.util
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _sdist  # noqa: E402
import conformance  # noqa: E402

TEST_FILE = "test___init__.py"
IMPORT_LINE = re.compile(r"^from mutagen\.(\w+) import ([\w, ]+)$", re.M)
# the last statement that adds to the table, before the rows are generated
TABLE_END = "_FILETYPES[APEv2File] = _FILETYPES[MonkeysAudio]\n"
ROW_CLASS = re.compile(r"^TFileType([A-Za-z0-9]+?)(?:_\d+)?$")
# a table entry that reuses another format's sample files
SHARED_FILES = re.compile(r"^_FILETYPES\[(\w+)\] = _FILETYPES\[(\w+)\]$", re.M)


def patch(source):
    """The patched test file, the modules it stood in for and the names
    stood in for."""
    missing = []
    stand_ins = set()

    def stand_in(m):
        module, names = m.group(1), [n.strip() for n in m.group(2).split(",")]
        if importlib.util.find_spec("mutagen_rs." + module) is not None:
            return m.group(0)
        missing.append(module)
        stand_ins.update(names)
        return "\n".join(
            "class %s(object):\n    _missing_module = %r" % (n, "mutagen." + module)
            for n in names)

    out = IMPORT_LINE.sub(stand_in, source)
    if out.count(TABLE_END) != 1:
        conformance.die("%s: the table's last line %r is not there once"
                        % (TEST_FILE, TABLE_END.strip()))
    drop = ("for _kind in [k for k in _FILETYPES if hasattr(k, '_missing_module')]:\n"
            "    del _FILETYPES[_kind]\n")
    return out.replace(TABLE_END, TABLE_END + drop), missing, stand_ins


def row_kind(cls_name, kinds):
    """The format class a row's test class is generated for, or None when
    `cls_name` is not a row."""
    m = ROW_CLASS.match(cls_name)
    return m.group(1) if m and m.group(1) in kinds else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also stream pytest's output (it always goes to the log)")
    args = ap.parse_args()
    if importlib.util.find_spec("mutagen_rs") is None:
        conformance.die("mutagen_rs is not installed in %s (run `make build`)"
                        % sys.executable)

    cache = _sdist.cache_dir()
    run_dir = os.path.join(cache, "init-rows-run")
    if os.path.lexists(run_dir):
        shutil.rmtree(run_dir)
    os.makedirs(run_dir)
    _sdist.extract("tests", run_dir)
    path = os.path.join(run_dir, "tests", TEST_FILE)
    with open(path, encoding="utf-8") as f:
        original = f.read()
    source, missing, stand_ins = patch(original)
    kinds = {n.strip() for m in IMPORT_LINE.finditer(original) for n in m.group(2).split(",")}
    # rows of an existing class on the sample files of a missing format:
    # what File() makes of those files depends on that format
    on_missing = {kind: files for kind, files in SHARED_FILES.findall(original)
                  if files in stand_ins and kind not in stand_ins}
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)

    out_path = os.path.join(run_dir, "events.jsonl")
    log_path = os.path.join(cache, "init-rows.log")
    env = conformance.child_env(run_dir, out_path, "rs",
                                forbidden=conformance.real_mutagen_dir())
    print("running the rows of %s for the formats mutagen_rs has (log: %s); standing in "
          "for %d missing modules: %s" % (TEST_FILE, os.path.relpath(log_path),
                                          len(missing), ", ".join(missing)), flush=True)
    rc, secs = conformance.run_pytest(run_dir, [TEST_FILE], False, env, log_path,
                                      conformance.DEFAULT_TIMEOUT, args.verbose,
                                      "short", [])
    events = conformance.read_events(out_path)
    aborts = [e for e in events if e.get("event") == "abort"]
    if aborts:
        conformance.die("ABORTED: " + aborts[0]["message"])
    finish = [e for e in events if e.get("event") == "finish"]
    if not finish or rc is None:
        conformance.die("pytest did not finish (exit %s); see %s" % (rc, log_path))
    if finish[0]["leaks"]:
        conformance.die("INVALID RUN: a real mutagen was imported: %s"
                        % ", ".join(finish[0]["leaks"]))
    errors = [e for e in events if e.get("event") == "collect_error"]
    if errors:
        conformance.die("%s did not import: %s" % (TEST_FILE, errors[0]["message"]))

    # per test: failed in any phase, else passed when its call passed
    outcome = {}
    for ev in events:
        if ev.get("event") != "test":
            continue
        prev = outcome.get(ev["id"])
        if ev["outcome"] == "failed" or prev == "failed":
            outcome[ev["id"]] = "failed"
        elif ev["when"] == "call":
            outcome[ev["id"]] = ev["outcome"]
    classes = {}
    for nid, result in outcome.items():
        parts = nid.split("::")
        if len(parts) < 3:
            continue
        counts = classes.setdefault(parts[1], [0, 0])
        counts[0] += result == "passed"
        counts[1] += 1

    rows = sorted(c for c in classes if row_kind(c, kinds) and
                  row_kind(c, kinds) not in on_missing)
    borrowed = sorted(c for c in classes if row_kind(c, kinds) in on_missing)
    others = sorted(c for c in classes if not row_kind(c, kinds))
    width = max(len(c) for c in classes) if classes else 10

    def show(names, flag):
        for c in names:
            passed, total = classes[c]
            print("  %-*s %4d/%-4d%s" % (width, c, passed, total,
                                         "" if passed == total or not flag else "  FAILED"))

    print("\nrows (one test class per format class and sample file)")
    show(rows, True)
    if borrowed:
        print("\nrows on a missing format's sample files (%s)" % ", ".join(
            "%s on %s's" % item for item in sorted(on_missing.items())))
        show(borrowed, False)
    print("\nthe file's other classes (some use the missing formats)")
    show(others, False)
    row_passed = sum(classes[c][0] for c in rows)
    row_total = sum(classes[c][1] for c in rows)
    formats = sorted({row_kind(c, kinds) for c in rows})
    print("\nrows: %d of %d tests passed in %d classes (%s); pytest %.1f s"
          % (row_passed, row_total, len(rows), ", ".join(formats), secs))
    return 0 if row_total and row_passed == row_total else 1


if __name__ == "__main__":
    sys.exit(main())
