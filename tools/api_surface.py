#!/usr/bin/env python3
"""Check that mutagen_rs exposes every public name of mutagen 1.48.1, at the same path.

The reference list is computed from mutagen 1.48.1 itself: its package is unpacked from the
pinned sdist (tools/_sdist.py) into the cache and introspected in a subprocess that has that
directory first on sys.path. This process only imports mutagen_rs, never a real mutagen.

Public name: for every module that pkgutil.walk_packages finds in the mutagen package (and
mutagen itself), except mutagen._tools and its submodules, each dir() entry that does not
start with "_" and whose value is not a module. Kind: 'class' (inspect.isclass), else
'callable', else 'value'. A name is present when mutagen_rs.<same module> has it with the
same kind.

    python tools/api_surface.py                  # report; exit 1 if a required module is incomplete
    python tools/api_surface.py --require mutagen.id3   # also require this one (repeatable)
    python tools/api_surface.py --summary        # counts only

Required modules: conformance/api_required.txt (one per line) plus --require.
Exit status: 0 every required module complete; 1 one is not; 2 the check could not run.
"""

import argparse
import datetime
import importlib
import inspect
import json
import os
import subprocess
import sys
import textwrap
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _sdist  # noqa: E402

REPO = _sdist.REPO
REPORT = os.path.join(REPO, "conformance", "api_surface.json")
REQUIRED = os.path.join(REPO, "conformance", "api_required.txt")
EXPECTED_TOTAL = 1317

# Runs in the reference subprocess (argv[1]: the directory that holds the sdist's mutagen/).
REFERENCE_SCRIPT = r'''
import importlib, inspect, json, os, pkgutil, sys, types
root = os.path.realpath(sys.argv[1])
sys.path.insert(0, root)
import mutagen
if not os.path.realpath(mutagen.__file__).startswith(root + os.sep):
    sys.exit("reference mutagen imported from %s, not %s" % (mutagen.__file__, root))
names = ["mutagen"] + [m.name for m in pkgutil.walk_packages(mutagen.__path__, "mutagen.")]
out = {}
for modname in names:
    if modname == "mutagen._tools" or modname.startswith("mutagen._tools."):
        continue
    mod = importlib.import_module(modname)
    if not os.path.realpath(mod.__file__).startswith(root + os.sep):
        sys.exit("reference %s imported from %s" % (modname, mod.__file__))
    kinds = {}
    for attr in dir(mod):
        if attr.startswith("_"):
            continue
        value = getattr(mod, attr)
        if isinstance(value, types.ModuleType):
            continue
        kinds[attr] = ("class" if inspect.isclass(value)
                       else "callable" if callable(value) else "value")
    out[modname] = kinds
json.dump({"version": mutagen.version_string, "modules": out}, sys.stdout)
'''


def die(msg, code=2):
    print("api_surface: " + msg, file=sys.stderr, flush=True)
    sys.exit(code)


def kind_of(value):
    if isinstance(value, types.ModuleType):
        return "module"
    if inspect.isclass(value):
        return "class"
    return "callable" if callable(value) else "value"


def reference():
    """{module: {name: kind}} of mutagen 1.48.1, computed in a subprocess."""
    pkg_root = os.path.join(_sdist.cache_dir(), "mutagen-pkg")
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    with _sdist.locked("api-surface"):
        _sdist.extract("mutagen", pkg_root)
        # -I: no PYTHONPATH, no user site-packages, no script dir on sys.path.
        proc = subprocess.run([sys.executable, "-I", "-c", REFERENCE_SCRIPT, pkg_root],
                              capture_output=True, text=True, env=env, timeout=300)
    if proc.returncode != 0:
        die("reference introspection failed:\n" + proc.stderr[-3000:])
    data = json.loads(proc.stdout)
    if data["version"] != _sdist.MUTAGEN_VERSION:
        die("reference is mutagen %s, not %s" % (data["version"], _sdist.MUTAGEN_VERSION))
    return data["modules"]


def check_module(refname, ref_kinds):
    target = "mutagen_rs" + refname[len("mutagen"):]
    entry = {"module": target, "total": len(ref_kinds), "present": 0,
             "module_missing": False, "import_error": None,
             "missing": [], "kind_mismatch": {}, "extra": []}
    try:
        mod = importlib.import_module(target)
    except ModuleNotFoundError as e:
        if e.name and (target == e.name or target.startswith(e.name + ".")):
            entry["module_missing"] = True
        else:
            entry["import_error"] = "%s: %s" % (type(e).__name__, e)
        entry["missing"] = sorted(ref_kinds)
        return entry
    except Exception as e:  # noqa: BLE001 - report, do not crash the check
        entry["import_error"] = "%s: %s" % (type(e).__name__, e)
        entry["missing"] = sorted(ref_kinds)
        return entry
    for name in sorted(ref_kinds):
        try:
            value = getattr(mod, name)
        except AttributeError:
            entry["missing"].append(name)
            continue
        except Exception as e:  # noqa: BLE001 - a broken attribute is a missing one
            entry["missing"].append(name)
            entry.setdefault("attribute_errors", {})[name] = "%s: %s" % (type(e).__name__, e)
            continue
        got = kind_of(value)
        if got == ref_kinds[name]:
            entry["present"] += 1
        else:
            entry["kind_mismatch"][name] = {"expected": ref_kinds[name], "got": got}
    entry["extra"] = sorted(
        n for n in dir(mod)
        if not n.startswith("_") and n not in ref_kinds
        and not isinstance(getattr(mod, n, None), types.ModuleType))
    return entry


def normalize(modname, known):
    m = modname.strip()
    if m == "mutagen_rs" or m.startswith("mutagen_rs."):
        m = "mutagen" + m[len("mutagen_rs"):]
    elif m != "mutagen" and not m.startswith("mutagen."):
        m = "mutagen." + m
    if m not in known:
        die("required module %r is not a module of mutagen %s"
            % (modname, _sdist.MUTAGEN_VERSION))
    return m


def read_required():
    if not os.path.exists(REQUIRED):
        return ["mutagen"]
    with open(REQUIRED, encoding="utf-8") as f:
        return [line.split("#", 1)[0].strip() for line in f
                if line.split("#", 1)[0].strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--require", action="append", default=[], metavar="MODULE",
                    help="also require this module to be complete (e.g. mutagen.id3 "
                         "or id3); repeatable")
    ap.add_argument("--summary", action="store_true",
                    help="print counts only, not the missing names")
    args = ap.parse_args()

    ref = reference()
    total = sum(len(v) for v in ref.values())
    if total != EXPECTED_TOTAL:
        die("the reference has %d public names, expected %d" % (total, EXPECTED_TOTAL))
    required = []
    for m in read_required() + args.require:
        m = normalize(m, ref)
        if m not in required:
            required.append(m)

    try:
        import mutagen_rs
    except Exception as e:  # noqa: BLE001
        die("cannot import mutagen_rs: %s: %s (run `make build`?)" % (type(e).__name__, e))

    results = {m: check_module(m, ref[m]) for m in sorted(ref)}

    leaked = sorted(n for n, mod in sys.modules.items()
                    if n == "mutagen" or n.startswith("mutagen."))
    if leaked:
        die("importing mutagen_rs imported a real mutagen: %s" % ", ".join(leaked))

    width = max(len(m) for m in results)
    wrap = textwrap.TextWrapper(width=100, initial_indent=" " * 4,
                                subsequent_indent=" " * 4, break_on_hyphens=False)
    for m, r in results.items():
        note = ""
        if r["module_missing"]:
            note = "  (no module %s)" % r["module"]
        elif r["import_error"]:
            note = "  (import failed: %s)" % r["import_error"][:120]
        print("%-*s  %4d/%-4d%s" % (width, m, r["present"], r["total"], note))
        if args.summary:
            continue
        if r["missing"] and not (r["module_missing"] or r["import_error"]):
            print(wrap.fill("missing: " + ", ".join(r["missing"])))
        elif r["missing"]:
            print(wrap.fill("all missing: " + ", ".join(r["missing"])))
        if r["kind_mismatch"]:
            print(wrap.fill("wrong kind: " + ", ".join(
                "%s (%s, expected %s)" % (n, k["got"], k["expected"])
                for n, k in sorted(r["kind_mismatch"].items()))))

    present = sum(r["present"] for r in results.values())
    complete = sum(r["present"] == r["total"] for r in results.values())
    print()
    print("%d of %d modules complete" % (complete, len(results)))
    print("%d of %d present" % (present, total))

    failing = [m for m in required if results[m]["present"] < results[m]["total"]]
    for m in failing:
        print("REQUIRED %s is incomplete: %d/%d"
              % (m, results[m]["present"], results[m]["total"]))
    if not failing:
        print("OK: required module(s) complete: %s" % ", ".join(required))

    version = getattr(mutagen_rs, "version_string", None)
    report = {
        "timestamp": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "mutagen_rs_version": None if version is None else str(version),
        "reference": "mutagen %s" % _sdist.MUTAGEN_VERSION,
        "present": present,
        "total": total,
        "required": required,
        "required_incomplete": failing,
        "modules": results,
    }
    with open(REPORT, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)
        f.write("\n")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
