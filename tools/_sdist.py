"""Fetch, verify and unpack mutagen 1.48.1's source distribution (the pinned one).

Shared by tools/conformance.py and tools/api_surface.py. The archive and everything
unpacked from it live in the cache directory ($MUTAGEN_RS_CACHE, else <repo>/.cache),
which git ignores: nothing from mutagen's distribution is ever committed.
"""

import contextlib
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request

MUTAGEN_VERSION = "1.48.1"
SDIST_NAME = "mutagen-%s.tar.gz" % MUTAGEN_VERSION
SDIST_SHA256 = "8f95637ab9f6f305cec6bd1294e197debe207998e3e068596563c74f86b0a173"
SDIST_URL = (
    "https://files.pythonhosted.org/packages/source/m/mutagen/" + SDIST_NAME
)
# Top directory inside the archive.
SDIST_ROOT = "mutagen-%s" % MUTAGEN_VERSION

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cache_dir():
    """The cache root; created on first use."""
    path = os.environ.get("MUTAGEN_RS_CACHE") or os.path.join(REPO, ".cache")
    path = os.path.abspath(path)
    os.makedirs(path, exist_ok=True)
    return path


@contextlib.contextmanager
def locked(name):
    """Hold an exclusive lock on <cache>/<name>.lock (concurrent runs take turns)."""
    path = os.path.join(cache_dir(), name + ".lock")
    with open(path, "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            _log("waiting for another run holding %s ..." % path)
            fcntl.flock(f, fcntl.LOCK_EX)
        yield


def _sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _log(msg):
    print(msg, file=sys.stderr, flush=True)


def _download_pip(dest_dir):
    """pip goes through whatever index this machine is configured for."""
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps",
        "--no-binary", ":all:", "--dest", dest_dir,
        "mutagen==%s" % MUTAGEN_VERSION,
    ]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=600)
    path = os.path.join(dest_dir, SDIST_NAME)
    if proc.returncode != 0 or not os.path.exists(path):
        raise RuntimeError("pip download failed:\n" + proc.stdout[-2000:])
    return path


def _download_url(dest_dir):
    path = os.path.join(dest_dir, SDIST_NAME)
    with urllib.request.urlopen(SDIST_URL, timeout=120) as resp, \
            open(path, "wb") as out:
        shutil.copyfileobj(resp, out)
    return path


def sdist_path():
    """Path of the verified sdist in the cache; downloads it if needed."""
    root = os.path.join(cache_dir(), "sdist")
    os.makedirs(root, exist_ok=True)
    path = os.path.join(root, SDIST_NAME)
    if os.path.exists(path):
        if _sha256(path) == SDIST_SHA256:
            return path
        _log("cached %s has the wrong sha256; fetching it again" % path)
        os.remove(path)

    errors = []
    for how, fetch in (("pip download", _download_pip), ("urllib", _download_url)):
        with tempfile.TemporaryDirectory(dir=root) as tmp:
            _log("fetching %s with %s ..." % (SDIST_NAME, how))
            try:
                got = fetch(tmp)
            except Exception as e:  # noqa: BLE001 - try the next way
                errors.append("%s: %s" % (how, e))
                continue
            digest = _sha256(got)
            if digest != SDIST_SHA256:
                errors.append("%s: sha256 %s, expected %s" % (how, digest, SDIST_SHA256))
                continue
            os.replace(got, path)
            return path
    raise SystemExit("could not fetch %s:\n  %s" % (SDIST_NAME, "\n  ".join(errors)))


def extract(subdir, dest):
    """Unpack <sdist root>/<subdir>/ from the verified sdist into dest/<subdir>/.

    dest/<subdir> is removed first, so every call gives a pristine copy.
    Only members under that one directory are written.
    """
    src = sdist_path()
    prefix = SDIST_ROOT + "/" + subdir.strip("/") + "/"
    target = os.path.join(dest, subdir)
    if os.path.lexists(target):
        shutil.rmtree(target)
    os.makedirs(dest, exist_ok=True)
    count = 0
    with tarfile.open(src, "r:gz") as tar:
        members = []
        for m in tar.getmembers():
            if not m.name.startswith(prefix):
                continue
            if not (m.isfile() or m.isdir()):
                continue  # no links or devices
            rel = m.name[len(SDIST_ROOT) + 1:]
            parts = rel.split("/")
            if rel.startswith("/") or ".." in parts:
                raise SystemExit("unsafe member in sdist: %r" % m.name)
            m.name = rel
            members.append(m)
            count += m.isfile()
        kwargs = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(dest, members=members, **kwargs)
    if not count:
        raise SystemExit("%s has no %s" % (src, prefix))
    return target
