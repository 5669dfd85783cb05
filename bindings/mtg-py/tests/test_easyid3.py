"""Differential tests of mutagen_rs.easyid3 against mutagen 1.48.1.

Each case is a snippet run with both libraries' names (``E`` is the easyid3
module, ``ID3``, frame classes...); results (repr, or exception type and
message) must be equal once module paths are normalised. Saved files are
compared byte for byte.
"""

import ast
import os
import pickle
import shutil

import pytest

import mutagen.easyid3 as R_EASY
import mutagen.id3 as R_ID3
import mutagen_rs.easyid3 as O_EASY
import mutagen_rs.id3 as O_ID3

from conftest import TEST_FILES




def _norm(text):
    return text.replace("mutagen_rs.", "mutagen.").replace(
        "mutagen_rs", "mutagen")


def outcome(fn):
    try:
        value = fn()
    except Exception as e:
        return ("raise", type(e).__name__, _norm(str(e)))
    return ("ok", _norm(repr(value)))


def _attempt(fn):
    try:
        return fn()
    except Exception as e:
        return (type(e).__name__, _norm(str(e)))


def _ns(easy, id3):
    ns = {k: v for k, v in vars(id3).items() if not k.startswith("__")}
    ns.update((k, v) for k, v in vars(easy).items() if not k.startswith("__"))
    ns["E"] = easy
    ns["attempt"] = _attempt
    return ns


REF_NS = _ns(R_EASY, R_ID3)
OUR_NS = _ns(O_EASY, O_ID3)


def run_case(ns, code, extra):
    ns = dict(ns)
    ns.update(extra)
    tree = ast.parse(code, mode="exec")
    body, last = tree.body[:-1], tree.body[-1]
    exec(compile(ast.Module(body=body, type_ignores=[]), "<case>", "exec"),
         ns)
    return eval(compile(ast.Expression(body=last.value), "<case>", "eval"),
                ns)


def same(code, **extra):
    ref = outcome(lambda: run_case(REF_NS, code, extra))
    our = outcome(lambda: run_case(OUR_NS, code, extra))
    assert our == ref, code


# ---------------------------------------------------------------------------
# module surface and registry
# ---------------------------------------------------------------------------

def test_public_names():
    for name in dir(R_EASY):
        if name.startswith("__") or name == "mutagen":
            continue
        value = getattr(R_EASY, name)
        if type(value).__name__ == "module":
            continue
        assert hasattr(O_EASY, name), name
        mine = getattr(O_EASY, name)
        if isinstance(value, type):
            assert isinstance(mine, type), name
        elif callable(value):
            assert callable(mine), name
        else:
            assert type(mine) is type(value), name
            if isinstance(value, str):
                assert mine == value, name
    assert O_EASY.__all__ == R_EASY.__all__
    assert O_EASY.Open is O_EASY.EasyID3
    assert O_EASY.delete is O_ID3.delete


def test_exception_class():
    assert [c.__name__ for c in O_EASY.EasyID3KeyError.__mro__] == \
        [c.__name__ for c in R_EASY.EasyID3KeyError.__mro__]


def _describe(func):
    if func is None or not callable(func):
        return func
    if hasattr(func, "func"):
        kw = {k: _describe(v) for k, v in func.keywords.items()}
        return ("partial", func.func.__name__, func.args, sorted(kw.items()))
    cells = []
    for cell in func.__closure__ or ():
        value = cell.cell_contents
        if isinstance(value, str):
            cells.append(value)
    return (func.__name__, sorted(cells))


@pytest.mark.parametrize("table", ["Get", "Set", "Delete", "List"])
def test_registry(table):
    ref = getattr(R_EASY.EasyID3, table)
    our = getattr(O_EASY.EasyID3, table)
    assert list(our) == list(ref)
    for key in ref:
        assert _describe(our[key]) == _describe(ref[key]), key
    assert O_EASY.EasyID3.valid_keys is O_EASY.EasyID3.Get


def test_class_attributes():
    for name in ("GetFallback", "SetFallback", "DeleteFallback",
                 "ListFallback"):
        assert getattr(O_EASY.EasyID3, name) is None
    assert [c.__name__ for c in O_EASY.EasyID3.__mro__] == \
        [c.__name__ for c in R_EASY.EasyID3.__mro__]
    assert O_EASY.EasyID3FileType.ID3 is O_EASY.EasyID3
    assert set(vars(R_EASY.EasyID3)) - set(vars(O_EASY.EasyID3)) <= {
        "__doc__"}


# ---------------------------------------------------------------------------
# keys on an in-memory tag
# ---------------------------------------------------------------------------

ALL_KEYS = [k for k in R_EASY.EasyID3.Get if "*" not in k]

KEY_CASES = [
    """e = EasyID3()
[attempt(lambda: e["title"]), attempt(lambda: e["nonexist"]),
 attempt(lambda: e.__delitem__("title")),
 attempt(lambda: e.__setitem__("NonExist", "x")),
 attempt(lambda: e["NonExist"]), attempt(lambda: e.__delitem__("NonExist"))]""",
    """e = EasyID3(); r = e._EasyID3__id3
out = []
for v in ["a", ["a", "b"], [1], 5, b"x", None, ("x", "y"), [], ""]:
    out.append((attempt(lambda: e.__setitem__("title", v)), list(r.items())))
out""",
    """e = EasyID3(); r = e._EasyID3__id3
r.add(TALB(text="x", encoding=1)); f = r["TALB"]
e["album"] = "y"
(r["TALB"] is f, list(r.items()))""",
    """e = EasyID3(); e["TiTlE"] = "z"
(e["TITLE"], e.keys(), e.get("foo"), "foo" in e, "title" in e, len(e))""",
    """e = EasyID3(); r = e._EasyID3__id3
out = []
for v in [["Rock"], ["12"], ["(12)"], ["Rock", "Pop"], []]:
    e["genre"] = v
    out.append((list(r.items()), e["genre"]))
r["TCON"] = TCON(text=["(12)", "(4)Foo"]); out.append(e["genre"])
del e["genre"]; out.append(attempt(lambda: e["genre"]))
out.append(attempt(lambda: e.__delitem__("genre")))
out""",
    """e = EasyID3(); r = e._EasyID3__id3
out = []
for key in ["date", "originaldate"]:
    for v in [["2004"], ["abc"], ["2004-13"], [], ["2004", "2005-01"]]:
        out.append((attempt(lambda: e.__setitem__(key, v)), list(r.items()),
                    attempt(lambda: e[key])))
    out.append(attempt(lambda: e.__delitem__(key)))
    out.append(attempt(lambda: e.__delitem__(key)))
r.add(TYER(text="1999")); out.append((attempt(lambda: e["date"]), e.keys()))
out""",
    """e = EasyID3(); r = e._EasyID3__id3
out = [attempt(lambda: e["performer:x"]), attempt(lambda: e.__delitem__("performer:x"))]
r.add(TMCL(people=[["a", "1"], ["b", "2"], ["a", "3"]], encoding=0))
out.append((e["performer:a"], sorted(e.keys())))
e["performer:a"] = "new"; out.append(list(r.items()))
e["performer:c"] = []; out.append(list(r.items()))
out.append(attempt(lambda: e.__delitem__("performer:zz")))
del e["performer:b"]; del e["performer:a"]; out.append((list(r.items()), e.keys()))
e["performer:"] = "emp"; out.append((list(r.items()), e.keys(), e["performer:"]))
e2 = EasyID3(); e2["performer:x"] = []; out.append(list(e2._EasyID3__id3.items()))
out""",
    """e = EasyID3(); r = e._EasyID3__id3
out = []
for v in ["abc", "\\xe9", "\\u0243", ["a", "\\u0243"], [], "", "\\x7f", "\\x80",
          [b"x"], [1], 5]:
    out.append((attempt(lambda: e.__setitem__("asin", v)), list(r.items())))
out.append(attempt(lambda: e.__delitem__("asin")))
out.append(attempt(lambda: e.__delitem__("asin")))
r.add(TXXX(desc="ASIN", text=["q"], encoding=1)); f = r["TXXX:ASIN"]
e["asin"] = "r"; out.append((r["TXXX:ASIN"] is f, list(r.items())))
out""",
    """e = EasyID3(); r = e._EasyID3__id3
out = [attempt(lambda: e["website"]), attempt(lambda: e.__delitem__("website"))]
r.add(WOAR(url="a")); r.add(WOAR(url="b")); out.append(e["website"])
e["website"] = ["c"]; out.append(list(r.items()))
e["website"] = []; out.append((list(r.items()), attempt(lambda: e["website"])))
e["website"] = "abc"; out.append(list(r.items()))
out.append(attempt(lambda: e.__setitem__("website", ["\\u0243"])))
out""",
    """e = EasyID3(); r = e._EasyID3__id3
out = [attempt(lambda: e["musicbrainz_trackid"]),
       attempt(lambda: e.__delitem__("musicbrainz_trackid"))]
for v in [["a", "b"], [], "ab", ["\\u0243"], ["x"], ["y"]]:
    out.append((attempt(lambda: e.__setitem__("musicbrainz_trackid", v)),
                list(r.items())))
out.append(e["musicbrainz_trackid"])
r["UFID:http://musicbrainz.org"].data = b"\\xff"
out.append(attempt(lambda: e["musicbrainz_trackid"]))
del e["musicbrainz_trackid"]; out.append(list(r.items()))
out""",
    """out = []
for v in [["1"], ["1.5 dB"], ["+1.5dB"], ["-1,5"], ["1e2"], [" 2 "], ["2 db"],
          ["inf"], ["nan"], ["64"], ["63.99"], ["-64"], ["-64.01"],
          ["2 dB extra"], "3", ["1", "2"], [""], []]:
    e = EasyID3(); r = e._EasyID3__id3
    out.append((v, attempt(lambda: e.__setitem__("replaygain_x_gain", v)),
                list(r.items()), attempt(lambda: e["replaygain_x_gain"]),
                attempt(lambda: e["replaygain_x_peak"])))
out""",
    """out = []
for v in [["1"], ["0.5"], ["2"], ["1.99"], ["-0.1"], ["abc"], [" 0.5 "],
          ["1e-1"], ["nan"], "1", ["0.5", "0.5"], ["0.5 dB"], [""]]:
    e = EasyID3(); r = e._EasyID3__id3
    out.append((v, attempt(lambda: e.__setitem__("replaygain_x_peak", v)),
                list(r.items()), attempt(lambda: e["replaygain_x_peak"])))
out""",
    """e = EasyID3(); r = e._EasyID3__id3
r["RVA2:x"] = RVA2(desc="x", channel=0, gain=1, peak=0.5)
r["RVA2:y"] = RVA2(desc="y", channel=1, gain=1, peak=0.5)
out = [e.keys(), e["replaygain_x_gain"]]
e["replaygain_x_gain"] = ["2"]; out.append(list(r.items()))
e["replaygain_x_peak"] = ["0.1"]; out.append(list(r.items()))
del e["replaygain_x_gain"]; out.append(list(r.items()))
del e["replaygain_x_peak"]; out.append(list(r.items()))
del e["replaygain_y_peak"]; out.append(list(r.items()))
del e["replaygain_zz_peak"]; del e["replaygain_zz_gain"]
out.append([attempt(lambda: e["replaygain__gain"]), attempt(lambda: e["replaygain_Y_gain"])])
out""",
    """e = EasyID3(); r = e._EasyID3__id3
r.add(RVA2(desc="Foo", gain=1.0, peak=1.0, channel=0))
out = ["replaygain_Foo_peak" in e, e.keys()]
e["replaygain_Foo_gain"] = ["0.5"]; e["replaygain_Foo_peak"] = ["0.25"]
out.append(list(r.items()))
out""",
    """out = []
for frames in [[TSO2(text="s")], [TXXX(desc="ALBUMARTISTSORT", text="t")],
               [TSO2(text="s"), TXXX(desc="ALBUMARTISTSORT", text="t")], []]:
    e = EasyID3(); r = e._EasyID3__id3
    for f in frames:
        r.add(f)
    out.append((attempt(lambda: e["albumartistsort"]), e.keys(), len(e)))
    out.append(attempt(lambda: e.__delitem__("albumartistsort")))
    out.append(list(r.items()))
    e["albumartistsort"] = ["o"]; out.append(list(r.items()))
out""",
    """e = EasyID3(); r = e._EasyID3__id3
for k in KEYS:
    e[k] = ["v1", "v2"] if k != "musicbrainz_trackid" else "id"
(e.keys(), e.pprint(), sorted(r.keys()))""",
    """e = EasyID3()
e["date"] = ["2004"]; e["asin"] = ["foo"]
out = [e["DATE"], e["Asin"]]
del e["DaTe"]; del e["AsIn"]
out.append(len(e))
out""",
    """e = EasyID3()
called = []
def get_func(id3, key):
    called.append(("get", key)); return ["fb"]
def set_func(id3, key, value):
    called.append(("set", key, value))
def del_func(id3, key):
    called.append(("del", key))
def list_func(id3, key):
    called.append(("list", key)); return ["somekey"]
e.GetFallback = get_func; e.SetFallback = set_func
e.DeleteFallback = del_func; e.ListFallback = list_func
out = [e["nope"]]
e["nope"] = "foo"; del e["nope"]
out.append(e.keys()); out.append(called)
out""",
    """e = EasyID3()
(e.size, e.filename, attempt(lambda: e.save()), sorted(vars(e)))""",
    # keys() of text and TXXX keys whose frames hold odd values: a text
    # that is not a list, none at all, or something other than a frame
    """out = []
for value in ["abc", None, ("a", "b"), [], 5]:
    e = EasyID3(); r = e._EasyID3__id3
    r.add(TIT2(text=["t"])); r.add(TXXX(desc="ASIN", text=["x"]))
    vars(r["TIT2"])["text"] = value; vars(r["TXXX:ASIN"])["text"] = value
    out.append(attempt(e.keys))
for value in [None, "plain", ["a"], TIT3(text=["t3"]), COMM(text=["c"])]:
    e = EasyID3(); r = e._EasyID3__id3
    r._DictProxy__dict["TIT2"] = value; r._DictProxy__dict["TXXX:ASIN"] = value
    out.append(attempt(e.keys))
out""",
    # keys() when the class looks keys up its own way, or a key has a getter
    # of its own, or a key in Get is not lower case
    """class Sub(EasyID3):
    Get = dict(EasyID3.Get)
    def __getitem__(self, key):
        if key == "title":
            raise KeyError(key)
        return EasyID3.__getitem__(self, key)
class Sub2(EasyID3):
    Get = dict(EasyID3.Get)
    def __contains__(self, key):
        return key != "album"
class Sub3(EasyID3):
    Get = dict(EasyID3.Get)
Sub3.Get["Title2"] = Sub3.Get["title"]
Sub3.Get["album"] = lambda id3, key: []
class MyID3(ID3):
    def __getitem__(self, key):
        if key == "TALB":
            return 5
        return ID3.__getitem__(self, key)
out = []
for cls in (Sub, Sub2, Sub3, EasyID3):
    e = cls(); r = e._EasyID3__id3
    if cls is EasyID3:
        r = e._EasyID3__id3 = MyID3()
    r.add(TIT2(text=["t"])); r.add(TALB(text=["a"]))
    out.append(attempt(e.keys))
out""",
]


@pytest.mark.parametrize("code", KEY_CASES)
def test_keys(code):
    same(code, KEYS=ALL_KEYS)


def test_register_key():
    # registering goes into the shared class tables (lower-cased)
    for easy in (R_EASY, O_EASY):
        class Sub(easy.EasyID3):
            pass
        Sub.RegisterTextKey("MyKey_rs_test", "TIT3")
        Sub.RegisterTXXXKey("MyTxxx_rs_test", "Some Desc")
        Sub.RegisterKey("mylist_rs_test", lister=lambda id3, key: [])
        assert "mykey_rs_test" in easy.EasyID3.Get
        assert "mytxxx_rs_test" in easy.EasyID3.Set
        assert "mylist_rs_test" in easy.EasyID3.List
        for table in ("Get", "Set", "Delete", "List"):
            for key in ("mykey_rs_test", "mytxxx_rs_test", "mylist_rs_test"):
                getattr(easy.EasyID3, table).pop(key, None)


def test_pickle():
    # both libraries, so that pickle's per-class caches (__slotnames__)
    # exist on both sides' frame classes alike
    for easy in (R_EASY, O_EASY):
        e = easy.EasyID3()
        e["title"] = "x"
        assert pickle.loads(pickle.dumps(e))["title"] == ["x"]


# ---------------------------------------------------------------------------
# files
# ---------------------------------------------------------------------------

MP3S = [os.path.join(TEST_FILES, n) for n in sorted(os.listdir(TEST_FILES))
        if n.endswith(".mp3")]


@pytest.mark.parametrize("path", MP3S)
def test_load(path):
    same("e = EasyID3(path)\n(e.keys(), e.pprint(), e.size, "
         "e.filename == path)", path=path)
    same("f = EasyID3FileType(path)\n(type(f.tags).__name__, f.keys(), "
         "f.pprint())", path=path)


def _save_both(tmp_path, source, code, **save_kw):
    outs = []
    for i, (easy, id3) in enumerate(((R_EASY, R_ID3), (O_EASY, O_ID3))):
        target = str(tmp_path / ("%d.mp3" % i))
        if source is None:
            open(target, "wb").close()
        else:
            shutil.copy(source, target)
        ns = _ns(easy, id3)
        result = outcome(lambda: run_case(ns, code, {"path": target,
                                                     "save_kw": save_kw}))
        with open(target, "rb") as h:
            outs.append((result, h.read()))
    assert outs[1] == outs[0]


SAVE_CODE = """e = EasyID3()
try:
    e.load(path)
except ID3NoHeaderError:
    pass
e["title"] = ["t1", "t2"]; e["date"] = ["2004-05-06"]; e["asin"] = "\\u0243"
e["performer:guitar"] = ["p"]; e["replaygain_track_gain"] = "-1 dB"
e["originaldate"] = "1999"; e["website"] = ["http://x"]
e.save(path, **save_kw)
r = e._EasyID3__id3
(e.keys(), sorted((k, repr(v)) for k, v in r.items()))"""


@pytest.mark.parametrize("save_kw", [{}, {"v2_version": 3},
                                     {"v2_version": 3, "v23_sep": None},
                                     {"v1": 2}, {"padding": lambda i: 0}])
@pytest.mark.parametrize("source", MP3S + [None])
def test_save(tmp_path, source, save_kw):
    _save_both(tmp_path, source, SAVE_CODE, **save_kw)


def test_save_errors(tmp_path):
    same("""e = EasyID3(); e["date"] = "2004"
(attempt(lambda: e.save("", v2_version=3)), e["date"],
 attempt(lambda: e.save()), attempt(lambda: e.save(filething=None)))""")


def test_save_v23_restores_subframes(tmp_path):
    code = """e = EasyID3(); r = e._EasyID3__id3
r.add(CHAP(sub_frames=[TDRC(text="2006")]))
r.add(CTOC(sub_frames=[TDRC(text="2006")]))
e.save(path, v2_version=3)
new = ID3(path, translate=False)
([(k, list(v.sub_frames.items())) for k, v in r.items()],
 [(k, list(v.sub_frames.items())) for k, v in new.items()])"""
    _save_both(tmp_path, None, code)


def test_delete(tmp_path):
    code = """e = EasyID3(); e["artist"] = "foobar"; e.save(path)
e.delete(path)
(len(e), e.keys())"""
    _save_both(tmp_path, None, code)


def test_filetype_remember_ctr():
    path = os.path.join(TEST_FILES, "mp3_notag_lsf.mp3")
    same("""f = ID3FileType(path, ID3=EasyID3)
out = [f.tags]
f["artist"] = ["testing"]
out.append((type(f.tags).__name__, f.keys()))
out""", path=path)
