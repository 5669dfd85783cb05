"""The shortcuts of mutagen_rs.flac's read path, checked against mutagen.

``FLAC.pictures`` makes only the picture blocks while the other blocks are
not built yet, and ``VCommentDict.__getitem__`` is a native method with a
Python fallback. Both have to behave exactly like mutagen 1.48.1: same
values, same errors, and the same picture objects whichever of
``pictures`` and ``metadata_blocks`` is asked for first.
"""

import copy
import inspect
import os
import pickle
import shutil

import pytest

import mutagen._vorbis as ref_vorbis
import mutagen.flac as ref

import mutagen_rs._vorbis as our_vorbis
import mutagen_rs.flac as our

from conftest import FLAC_CRATE_DATA as CRATE_DATA, FLAC_SAMPLES as SAMPLES, \
    REPO
TAGGED = os.path.join(REPO, "test_files", "flac_tagged.flac")


def _picture_state(p):
    return (type(p).__name__, p.type, p.mime, p.desc, p.width, p.height,
            p.depth, p.colors, p.data, p.code)


def _load(module, path):
    try:
        return module.FLAC(path)
    except Exception:
        return None


@pytest.mark.parametrize("path", SAMPLES, ids=os.path.basename)
def test_pictures_first_then_blocks(path):
    theirs = _load(ref, path)
    ours = _load(our, path)
    assert (theirs is None) == (ours is None)
    if ours is None:
        return
    pictures = ours.pictures
    assert ours.pictures == pictures
    # the same objects on every access, and in the block list built later
    again = ours.pictures
    assert again is not pictures
    assert all(a is b for a, b in zip(pictures, again))
    in_blocks = [b for b in ours.metadata_blocks if b.code == 6]
    assert len(in_blocks) == len(pictures)
    assert all(a is b for a, b in zip(pictures, in_blocks))
    assert all(a is b for a, b in zip(pictures, ours.pictures))
    assert "_flac_pictures" not in vars(ours)
    assert ([_picture_state(p) for p in pictures] ==
            [_picture_state(p) for p in theirs.pictures])


@pytest.mark.parametrize("path", SAMPLES, ids=os.path.basename)
def test_blocks_first_then_pictures(path):
    ours = _load(our, path)
    if ours is None:
        return
    blocks = ours.metadata_blocks
    pictures = ours.pictures
    assert all(any(p is b for b in blocks) for p in pictures)
    theirs = ref.FLAC(path)
    assert ([_picture_state(p) for p in pictures] ==
            [_picture_state(p) for p in theirs.pictures])


def test_pictures_then_copy_and_pickle():
    f = our.FLAC(TAGGED)
    pictures = f.pictures
    assert pictures
    g = copy.deepcopy(f)
    assert "_flac_pictures" not in vars(g)
    assert [_picture_state(p) for p in g.pictures] == \
        [_picture_state(p) for p in pictures]
    h = pickle.loads(pickle.dumps(f))
    assert [_picture_state(p) for p in h.pictures] == \
        [_picture_state(p) for p in pictures]
    # the original's blocks hold the very pictures handed out before
    assert all(any(p is b for b in f.metadata_blocks) for p in pictures)


def test_pictures_after_reload_are_new(tmp_path):
    path = str(tmp_path / "a.flac")
    shutil.copy(TAGGED, path)
    f = our.FLAC(path)
    first = f.pictures
    first[0].desc = "changed"
    f.load(path)
    second = f.pictures
    assert second[0] is not first[0]
    assert second[0].desc == ref.FLAC(path).pictures[0].desc


def test_pictures_after_metadata_blocks_assigned():
    f = our.FLAC(TAGGED)
    f.metadata_blocks = [f.info]
    assert f.pictures == []
    g = ref.FLAC(TAGGED)
    g.metadata_blocks = [g.info]
    assert g.pictures == []


def test_pictures_edit_and_save(tmp_path):
    a, b = str(tmp_path / "a.flac"), str(tmp_path / "b.flac")
    shutil.copy(TAGGED, a)
    shutil.copy(TAGGED, b)
    for module, path in ((our, a), (ref, b)):
        f = module.FLAC(path)
        f.pictures[0].desc = "edited"
        f.save()
    with open(a, "rb") as fa, open(b, "rb") as fb:
        assert fa.read() == fb.read()
    assert our.FLAC(a).pictures[0].desc == "edited"


# --------------------------------------------------------------------------
# VCommentDict.__getitem__

def _outcome(func, *args):
    try:
        return ("ok", func(*args))
    except Exception as e:
        return (type(e).__name__, e.args)


def _pairs():
    return [("TITLE", "a"), ("title", "b"), ("Artist", "c"),
            ("ÄRTIST", "d"), ("x", "e")]


KEYS = ["title", "TITLE", "Title", "artist", "ärtist", "ÄRTIST", "x", "X",
        "missing", "MISSING", "a=b", "", "~", "\x7e", "\x1f", 0, -1, 3,
        slice(1, 3), slice(None), b"title", None, 1.5, ("title",)]


@pytest.mark.parametrize("key", KEYS, ids=repr)
def test_getitem_like_mutagen(key):
    ours, theirs = our_vorbis.VCommentDict(), ref_vorbis.VCommentDict()
    for pair in _pairs():
        ours.append(pair)
        theirs.append(pair)
    assert _outcome(lambda k: ours[k], key) == \
        _outcome(lambda k: theirs[k], key)


@pytest.mark.parametrize("key", ["title", "x", "missing", slice(0, 1)],
                         ids=repr)
def test_getitem_unusual_items_like_mutagen(key):
    items = [("TITLE", "a"), ["title", "b"], ("X", b"raw")]
    ours, theirs = our_vorbis.VCommentDict(), ref_vorbis.VCommentDict()
    ours.extend(items)
    theirs.extend(items)
    assert _outcome(lambda k: ours[k], key) == \
        _outcome(lambda k: theirs[k], key)


def test_getitem_subclass_with_own_iter():
    class Ours(our_vorbis.VCommentDict):
        def __iter__(self):
            return iter([("title", "from iter")])

    class Theirs(ref_vorbis.VCommentDict):
        def __iter__(self):
            return iter([("title", "from iter")])

    a, b = Ours(), Theirs()
    a.append(("TITLE", "stored"))
    b.append(("TITLE", "stored"))
    assert a["title"] == b["title"]


def test_getitem_through_super_and_dict_methods():
    class Ours(our_vorbis.VCommentDict):
        def __getitem__(self, key):
            return ["wrapped"] + super().__getitem__(key)

    d = Ours()
    d.append(("A", "1"))
    assert d["a"] == ["wrapped", "1"]
    f = our.FLAC(TAGGED)
    g = ref.FLAC(TAGGED)
    assert f.tags.as_dict() == g.tags.as_dict()
    assert f.tags.get("nope", 1) == g.tags.get("nope", 1)
    assert f["title"] == g["title"]


def test_getitem_key_error_context():
    d = our_vorbis.VCommentDict()
    with pytest.raises(KeyError) as info:
        try:
            raise OSError("first")
        except OSError:
            d["MISSING"]
    assert info.value.args == ("missing",)
    assert isinstance(info.value.__context__, OSError)


def test_getitem_signature():
    # A method descriptor's `self` is positional-only, so the class
    # attribute reads "(self, /, key)" where mutagen's reads "(self, key)":
    # the same parameter names; on an instance both read "(key)".
    ours = inspect.signature(our_vorbis.VCommentDict.__getitem__)
    ref = inspect.signature(ref_vorbis.VCommentDict.__getitem__)
    assert list(ours.parameters) == list(ref.parameters)
    for mod in (our_vorbis, ref_vorbis):
        assert str(inspect.signature(mod.VCommentDict().__getitem__)) == \
            "(key)"
        assert str(inspect.signature(mod.VCommentDict().keys)) == "()"
    assert our_vorbis.VCommentDict.__getitem__.__doc__


@pytest.mark.parametrize("args, kwargs", [
    ((), {}),
    (("a", "b"), {}),
    ((), {"k": "a"}),
    (("a",), {"key": "a"}),
    ((), {"key": "a", "other": 1}),
    (("a", "b", "c"), {}),
])
def test_getitem_bad_arguments(args, kwargs):
    errors = []
    for mod in (our_vorbis, ref_vorbis):
        d = mod.VCommentDict()
        d.append(("A", "1"))
        with pytest.raises(TypeError) as info:
            d.__getitem__(*args, **kwargs)
        errors.append(str(info.value))
    assert errors[0] == errors[1]


def test_getitem_key_keyword():
    for mod in (our_vorbis, ref_vorbis):
        d = mod.VCommentDict()
        d.append(("A", "1"))
        assert d.__getitem__(key="a") == ["1"]


# --------------------------------------------------------------------------
# VCommentDict.keys

KEY_LISTS = [
    [],
    _pairs(),
    [("A", "1"), ("a", "2"), ("b", "3"), ("B", "4"), ("abc", "5")],
    [("ÄRTIST", "d"), ("Ärtist", "e"), ("x", "f")],
    [("TITLE", "a"), ["title", "b"]],
    [("TITLE", "a"), ("X", b"raw"), ("y", None)],
    [("k%d" % i, str(i)) for i in range(200)] +
    [("K%d" % i, str(i)) for i in range(200)],
]


@pytest.mark.parametrize("items", KEY_LISTS, ids=range(len(KEY_LISTS)))
def test_keys_like_mutagen(items):
    ours, theirs = our_vorbis.VCommentDict(), ref_vorbis.VCommentDict()
    ours.extend(items)
    theirs.extend(items)
    assert _outcome(ours.keys) == _outcome(theirs.keys)


@pytest.mark.parametrize("items", [[("a", "b", "c")], [("a",)], [1],
                                   [(1, "x")], [(b"a", "x")]], ids=repr)
def test_keys_bad_items_like_mutagen(items):
    ours, theirs = our_vorbis.VCommentDict(), ref_vorbis.VCommentDict()
    ours.extend(items)
    theirs.extend(items)
    assert _outcome(ours.keys) == _outcome(theirs.keys)


def test_keys_subclass_with_own_iter():
    class Ours(our_vorbis.VCommentDict):
        def __iter__(self):
            return iter([("FROM", "iter")])

    d = Ours()
    d.append(("TITLE", "stored"))
    assert d.keys() == ["from"]


@pytest.mark.parametrize("path", SAMPLES, ids=os.path.basename)
def test_keys_of_files_like_mutagen(path):
    ours, theirs = _load(our, path), _load(ref, path)
    if ours is None or ours.tags is None:
        return
    assert ours.tags.keys() == theirs.tags.keys()
    assert ours.keys() == theirs.keys()


def test_keys_signature():
    # "(self, /)" against "(self)": see test_getitem_signature
    assert list(inspect.signature(our_vorbis.VCommentDict.keys).parameters) \
        == list(inspect.signature(ref_vorbis.VCommentDict.keys).parameters)


@pytest.mark.parametrize("path", SAMPLES, ids=os.path.basename)
def test_pictures_from_file_object(path):
    with open(path, "rb") as fa, open(path, "rb") as fb:
        ours, theirs = _load(our, fa), _load(ref, fb)
        assert (ours is None) == (theirs is None)
        if ours is None:
            return
        pictures = ours.pictures
    # the images were read while the file was open
    assert ([_picture_state(p) for p in pictures] ==
            [_picture_state(p) for p in theirs.pictures])
    assert all(any(p is b for b in ours.metadata_blocks) for p in pictures)
