"""FileType's dict API (``key in f``, ``len(f)``, ``iter(f)``, ``f.get``,
``values``, ``items``...) behaves as mutagen's: the same answers and the
same calls into the tags, with tags whose methods disagree with each other,
and with subclasses that override ``keys`` or ``__getitem__``; and the file
attributes live in the instance dict as in mutagen."""

import os

import pytest

import mutagen.mp3 as R_MP3
import mutagen_rs.mp3 as O_MP3

from conftest import TEST_FILES

PATH = os.path.join(TEST_FILES, "mp3_id3v24.mp3")

EXPRESSIONS = [
    "'a' in f", "'b' in f", "'z' in f", "len(f)", "list(f)",
    "f.get('a', 5)", "f.get('z')", "f.get('b', 5)", "f.values()",
    "f.items()", "bool(f)", "sorted(f.keys())",
]


class Probe(object):
    """Tags whose keys(), __getitem__, __contains__, __iter__ and __len__
    disagree, logging every call."""

    def __init__(self, calls):
        self.calls = calls

    def keys(self):
        self.calls.append("keys")
        return ["a", "z"]

    def __getitem__(self, key):
        self.calls.append(("getitem", key))
        if key == "z":
            return "zed"
        if key == "b":
            raise ValueError("b")
        raise KeyError(key)

    def __contains__(self, key):
        self.calls.append(("contains", key))
        return False

    def __iter__(self):
        self.calls.append("iter")
        return iter(["y"])

    def __len__(self):
        self.calls.append("len")
        return 7


def _run(module, expression, tags_factory=Probe, cls=None):
    calls = []
    f = (cls or module.MP3)(PATH)
    f.tags = tags_factory(calls)
    try:
        result = ("ok", eval(expression, {"f": f}))
    except Exception as e:
        result = ("raised", type(e).__name__, str(e))
    return result, calls


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_same_answers_and_calls_as_mutagen(expression):
    assert _run(O_MP3, expression) == _run(R_MP3, expression)


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_subclass_overrides_are_used(expression):
    def subclass(module):
        class Mine(module.MP3):
            def keys(self):
                return ["k1", "k2"]

            def __getitem__(self, key):
                if key == "k1":
                    return 1
                raise KeyError(key)
        return Mine
    ours = _run(O_MP3, expression, cls=subclass(O_MP3))
    ref = _run(R_MP3, expression, cls=subclass(R_MP3))
    assert ours == ref


def test_no_tags():
    for module in (O_MP3, R_MP3):
        f = module.MP3(PATH)
        f.tags = None
        assert "a" not in f and len(f) == 0 and list(f) == []
        assert f.get("a", 3) == 3


def test_attributes_in_the_instance_dict():
    ours, ref = O_MP3.MP3(PATH), R_MP3.MP3(PATH)
    assert list(vars(ours)) == list(vars(ref))
    assert O_MP3.MP3.tags is None and O_MP3.MP3.info is None
    assert O_MP3.MP3.filename is None
