"""The top-level API compared with real mutagen 1.48.1, behaviour by behaviour."""

import inspect
import io
import os
import subprocess
import sys
import types
import warnings

import mutagen
import pytest

import mutagen_rs

from conftest import TEST_FILES


def _kind(value):
    if inspect.isclass(value):
        return "class"
    return "callable" if callable(value) else "value"


def _public(module):
    return {
        n: _kind(getattr(module, n))
        for n in dir(module)
        if not n.startswith("_")
        and not isinstance(getattr(module, n), types.ModuleType)
    }


def _outcome(func, *args, **kwargs):
    """What a call does: ('ok', result) or ('raise', exception type name, args)."""
    try:
        return ("ok", func(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 - comparing any failure
        return ("raise", type(e).__name__, str(e))


def test_every_public_toplevel_name_present_with_same_kind():
    ref = _public(mutagen)
    ours = _public(mutagen_rs)
    missing = {n: k for n, k in ref.items() if ours.get(n) != k}
    assert missing == {}


def test_version_matches_reference():
    assert mutagen_rs.version == mutagen.version == (1, 48, 1)
    assert mutagen_rs.version_string == mutagen.version_string


@pytest.mark.parametrize("data", [b"", b"\x00", os.urandom(5000), b"fLa"])
def test_file_unrecognised_bytes_give_none(tmp_file, data):
    path = tmp_file(data)
    assert mutagen.File(path) is None  # the reference agrees on the input
    assert mutagen_rs.File(path) is None


def test_file_missing_path_raises_mutagen_error_wrapping_oserror(tmp_path):
    path = str(tmp_path / "does-not-exist.mp3")
    with pytest.raises(mutagen.MutagenError) as ref:
        mutagen.File(path)
    with pytest.raises(mutagen_rs.MutagenError) as ours:
        mutagen_rs.File(path)
    assert type(ours.value.args[0]) is type(ref.value.args[0]) is FileNotFoundError
    assert str(ours.value) == str(ref.value)


def test_file_directory_raises_like_mutagen(tmp_path):
    ref = _outcome(mutagen.File, str(tmp_path))
    ours = _outcome(mutagen_rs.File, str(tmp_path))
    assert ref[0] == ours[0] == "raise"
    assert ref[1:] == ours[1:]


@pytest.mark.parametrize("arg", [None, 1, 2.5, object()])
def test_file_bad_arguments_raise_like_mutagen(arg):
    assert _outcome(mutagen_rs.File, arg)[:2] == _outcome(mutagen.File, arg)[:2]


def test_file_accepts_fileobj_bytes_path_and_pathlike(tmp_file, tmp_path):
    path = tmp_file(b"nothing audio here" * 10)
    assert mutagen_rs.File(io.BytesIO(b"abc" * 100)) is None
    assert mutagen_rs.File(os.fsencode(path)) is None
    assert mutagen_rs.File(tmp_path / os.path.basename(path)) is None
    with open(path, "rb") as f:
        assert mutagen_rs.File(f) is None
        assert mutagen_rs.File(fileobj=f) is None
    assert mutagen_rs.File(filename=path) is None


def _make_kinds(lib, spec):
    """Classes of `lib` named and scored as `spec` says; load records its args."""
    kinds = []
    for name, score in spec:
        def load(self, filething, *args, **kwargs):
            self.loaded_with = (filething.tell(), args, sorted(kwargs))
            self.tags = None
            self.info = None

        kinds.append(type(name, (lib.FileType,), {
            "load": load,
            "score": staticmethod(lambda fn, fo, h, s=score: s),
        }))
    return kinds


@pytest.mark.parametrize("spec", [
    [("A", 1), ("B", 1)],
    [("B", 1), ("A", 1)],
    [("A", 2), ("B", 1)],
    [("B", 1), ("A", 2)],
    [("A", 0)],
    [("A", -3), ("B", -1)],
    [("Z", True), ("A", 1)],
])
def test_file_ranking_matches_mutagen(tmp_file, spec):
    path = tmp_file(b"x" * 1000)
    results = []
    for lib in (mutagen, mutagen_rs):
        got = lib.File(path, options=_make_kinds(lib, spec))
        if got is None:
            results.append(None)
        else:
            results.append((type(got).__name__, got.loaded_with))
    assert results[0] == results[1]


def test_file_score_sees_name_and_header(tmp_file):
    path = tmp_file(b"H" * 300, suffix=".xyz")
    for lib in (mutagen, mutagen_rs):
        seen = []

        class K(lib.FileType):
            @staticmethod
            def score(filename, fileobj, header):
                seen.append((filename, len(header), fileobj.tell()))
                return 0

        lib.File(path, options=[K])
        lib.File(io.BytesIO(b"x" * 10), options=[K])
        if lib is mutagen:
            want = seen
        else:
            assert seen == want


class _Calls:
    """Runs the same script of calls on a FileType subclass of each library."""

    @staticmethod
    def subclass(lib):
        class F(lib.FileType):
            _mimes = ["audio/x-test"]

            def load(self, filething, *args, **kwargs):
                self.tags = None
                self.info = None
                self.filename = filething

        return F


@pytest.mark.parametrize("action", [
    "keys", "getitem", "setitem", "delitem", "mime", "add_tags", "pprint",
    "save", "delete", "len", "repr", "get", "items", "contains",
])
def test_filetype_base_behaviour_matches_mutagen(action, tmp_file):
    path = tmp_file(b"data")
    outs = []
    for lib in (mutagen, mutagen_rs):
        f = _Calls.subclass(lib)(path)
        f.filename = None
        call = {
            "keys": lambda: f.keys(),
            "getitem": lambda: f["a"],
            "setitem": lambda: f.__setitem__("a", 1),
            "delitem": lambda: f.__delitem__("a"),
            "mime": lambda: f.mime,
            "add_tags": lambda: f.add_tags(),
            "pprint": lambda: f.pprint(),
            "save": lambda: f.save(),
            "delete": lambda: f.delete(),
            "len": lambda: len(f),
            "repr": lambda: repr(f),
            "get": lambda: f.get("a", 5),
            "items": lambda: f.items(),
            "contains": lambda: "a" in f,
        }[action]
        outs.append(_outcome(call)[:2])
    assert outs[0] == outs[1]


def test_filetype_forwards_mapping_to_tags():
    class T(dict):
        pass

    class F(mutagen_rs.FileType):
        def load(self, filething):
            self.tags = T(a=1)
            self.info = None

    f = F("unused")
    assert f["a"] == 1
    assert list(f.keys()) == ["a"]
    f["b"] = 2
    del f["a"]
    assert dict(f.tags) == {"b": 2}
    assert f.items() == [("b", 2)] and f.get("zz") is None


def test_filetype_without_filename_warns_like_mutagen():
    for lib in (mutagen, mutagen_rs):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            obj = lib.FileType()
        assert [type(w.message) for w in caught] == [DeprecationWarning]
        assert obj.tags is None and obj.info is None


def test_filetype_load_not_implemented(tmp_file, tmp_path):
    path = tmp_file(b"abc")
    missing = str(tmp_path / "missing")
    for lib in (mutagen, mutagen_rs):
        with pytest.raises(NotImplementedError):
            lib.FileType(path)
        with pytest.raises(lib.MutagenError):
            lib.FileType(missing)
        with pytest.raises(NotImplementedError):
            lib.FileType.score("a", None, b"")


def test_filetype_subclass_gets_args_and_kwargs_like_mutagen():
    results = []
    for lib in (mutagen, mutagen_rs):
        got = []

        class F(lib.FileType):
            def load(self, *args, **kwargs):
                got.append((args, kwargs))

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            F("p", 1, 2, k=3)
            F(filename="q")
            F(fileobj=3)
            F(None, filename="z")
            F(None)
            F()
        results.append(got)
    assert results[0] == results[1]
    assert len(results[0]) == 5  # only F() with no argument skips load


@pytest.mark.parametrize("padding,size", [
    (p, s) for p in (-100000, -1, 0, 1, 1024, 10239, 10240, 10241, 20000, 1 << 20)
    for s in (-5000, 0, 1, 999, 1000, 1099, 1100, 100000, 1 << 27)
])
def test_padding_default_matches_mutagen(padding, size):
    ref = mutagen.PaddingInfo(padding, size)
    ours = mutagen_rs.PaddingInfo(padding, size)
    assert ours.get_default_padding() == ref.get_default_padding()
    assert repr(ours) == repr(ref)
    assert ours._get_padding(None) == ref._get_padding(None)
    assert ours._get_padding(lambda i: i.size) == size


def test_streaminfo_and_tags_abstract_like_mutagen(tmp_file, tmp_path):
    path = tmp_file(b"abc")
    missing = str(tmp_path / "missing")
    for lib in (mutagen, mutagen_rs):
        with pytest.raises(NotImplementedError):
            lib.StreamInfo().pprint()
        with pytest.raises(NotImplementedError):
            lib.Tags().pprint()
        m = lib.Metadata()
        for call in (lambda: m.save(path), lambda: m.delete(path),
                     lambda: lib.Metadata(path)):
            with pytest.raises(NotImplementedError):
                call()
        for call in (lambda: m.save(missing), lambda: m.delete(missing),
                     lambda: lib.Metadata(missing)):
            with pytest.raises(lib.MutagenError):
                call()
        for call in (m.save, m.delete):
            with pytest.raises(TypeError):
                call()
        with pytest.raises(NotImplementedError):
            m.load(path)
        assert m.filename == path


def test_import_hook_routes_mutagen_to_mutagen_rs():
    code = "\n".join([
        "import mutagen_rs, sys",
        "mutagen_rs.install_as_mutagen()",
        "import mutagen, mutagen._util",
        "assert mutagen is mutagen_rs, mutagen",
        "assert mutagen._util is sys.modules['mutagen_rs._util']",
        "assert mutagen.__spec__.name == 'mutagen_rs'",
        "from mutagen import File, MutagenError",
        "assert File is mutagen_rs.File",
        "try:",
        "    import mutagen.no_such_module",
        "except ModuleNotFoundError:",
        "    pass",
        "else:",
        "    raise SystemExit('fell through to something else')",
        "print('hook-ok')",
    ])
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "hook-ok"


@pytest.mark.parametrize("name", sorted(
    n for n in os.listdir(TEST_FILES) if n != "README.md"))
def test_copy_and_pickle_like_mutagen(name):
    import copy
    import pickle
    path = os.path.join(TEST_FILES, name)
    try:
        ref = mutagen.File(path)
        ours = mutagen_rs.File(path)
    except Exception:
        return
    if ours is None:
        return
    for make in (copy.copy, copy.deepcopy,
                 lambda f: pickle.loads(pickle.dumps(f))):
        other = make(mutagen_rs.File(path))
        assert type(other) is type(ours)
        assert other.filename == ours.filename
        assert other.pprint() == ours.pprint()
        if type(ref).__name__ == type(ours).__name__:
            assert other.pprint() == ref.pprint()
