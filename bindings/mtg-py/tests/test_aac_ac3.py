"""mutagen_rs.aac and mutagen_rs.ac3 compared with real mutagen 1.48.1.

Both packages are imported in this process (no import hook); every check
runs the same operation with each and compares: every attribute of the
stream info (values, types, order set, floats exactly), pprint(), mime,
scores, errors (class name, message) and the enum/constant surface.

Crafted streams come from mtg-mpeg's fixture list
(crates/mtg-mpeg/tests/data/cases.txt, inputs only) and from random
mutations of the sample files.
"""

import glob
import io
import os
import random

import pytest

import mutagen
import mutagen.aac as ref_aac
import mutagen.ac3 as ref_ac3

import mutagen_rs
import mutagen_rs.aac as our_aac
import mutagen_rs.ac3 as our_ac3
from mutagen._util import BitReader as RefBitReader
from mutagen_rs._util import BitReader as OurBitReader

from test_mp3 import decode, load_cases, FailingFile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
TEST_FILES = os.path.join(REPO, "test_files")
CRATE_DATA = os.path.join(REPO, "crates", "mtg-mpeg", "tests", "data")

ALL_FILES = sorted(
    p for p in glob.glob(os.path.join(TEST_FILES, "*")) +
    glob.glob(os.path.join(CRATE_DATA, "files", "*")) if os.path.isfile(p))
AAC_FILES = [p for p in ALL_FILES if p.endswith(".aac")]
AC3_FILES = [p for p in ALL_FILES if p.endswith((".ac3", ".eac3"))]

MODS = {"AAC": (ref_aac, our_aac), "AC3": (ref_ac3, our_ac3)}


def names(paths):
    return [os.path.basename(p) for p in paths]


def value(v):
    if isinstance(v, float):
        return ("float", repr(v))
    return (type(v).__name__, v)


def attrs(obj):
    return [(k, value(v)) for k, v in vars(obj).items()]


def error(e):
    return ("err", type(e).__name__, str(e), len(e.args),
            [c.__name__ for c in type(e).__mro__][1:])


def outcome(func, *args):
    try:
        return ("ok", func(*args))
    except Exception as e:  # noqa: BLE001 (compared as data)
        return error(e)


def info_state(info):
    return attrs(info), info.pprint()


# ---------------------------------------------------------------------------
# surface

@pytest.mark.parametrize("kind", ["AAC", "AC3"])
def test_public_names(kind):
    r, o = MODS[kind]
    for name in dir(r):
        # (_ADTSStream, mutagen's private ADTS walker, has no counterpart)
        if name.startswith("__") or name == "_ADTSStream":
            continue
        assert hasattr(o, name), name
        a, b = getattr(r, name), getattr(o, name)
        assert isinstance(a, type) == isinstance(b, type), name
        assert callable(a) == callable(b), name
    assert r.__all__ == o.__all__
    assert o.Open is getattr(o, kind)
    assert o.error is getattr(o, kind + "Error")
    for name in [kind, kind + "Info", kind + "Error"]:
        # (the native FileType base provides DictMixin's methods itself)
        assert [c.__name__ for c in getattr(r, name).__mro__
                if c.__name__ != "DictMixin"] == \
            [c.__name__ for c in getattr(o, name).__mro__]
    info_r, info_o = getattr(r, kind + "Info"), getattr(o, kind + "Info")
    for k in ["channels", "length", "sample_rate", "bitrate", "codec"]:
        if hasattr(info_r, k):
            assert value(getattr(info_o, k)) == value(getattr(info_r, k))


def test_ac3_constants():
    for name in ["AC3_HEADER_SIZE", "AC3_SAMPLE_RATES", "AC3_BITRATES",
                 "EAC3_BLOCKS"]:
        assert getattr(our_ac3, name) == getattr(ref_ac3, name)
    assert [(repr(k), str(k), int(k), v)
            for k, v in our_ac3.AC3_CHANNELS.items()] == \
        [(repr(k), str(k), int(k), v)
         for k, v in ref_ac3.AC3_CHANNELS.items()]
    for enum in ["ChannelMode", "EAC3FrameType"]:
        for v in range(-1, 10):
            a = getattr(ref_ac3, enum)(v)
            b = getattr(our_ac3, enum)(v)
            assert (repr(a), str(a), int(a)) == (repr(b), str(b), int(b))
    assert our_aac._FREQS == ref_aac._FREQS
    assert our_aac.BitPaddedInt.__name__ == "BitPaddedInt"


# ---------------------------------------------------------------------------
# files

@pytest.mark.parametrize("kind", ["AAC", "AC3"])
@pytest.mark.parametrize("path", ALL_FILES, ids=names(ALL_FILES))
def test_files(kind, path):
    keep = []

    def state(mod, how):
        cls = getattr(mod, kind)
        if how == "path":
            f = cls(path)
        elif how == "file":
            with open(path, "rb") as h:
                f = cls(h)
        else:
            with open(path, "rb") as h:
                f = cls(io.BytesIO(h.read()))
        keep.append(f)
        return info_state(f.info), f.mime, f.pprint(), f.tags, f.filename \
            if how == "path" else None

    r, o = MODS[kind]
    for how in ["path", "file", "bytes"]:
        assert outcome(state, r, how) == outcome(state, o, how), how


@pytest.mark.parametrize("kind", ["AAC", "AC3"])
def test_info_from_offset(kind):
    # the info classes start where the file object is
    r, o = MODS[kind]
    paths = AAC_FILES if kind == "AAC" else AC3_FILES
    for path in paths:
        with open(path, "rb") as h:
            data = h.read()
        for pos in [0, 1, 2, 7, 100, len(data)]:
            def state(mod):
                fo = io.BytesIO(data)
                fo.seek(pos)
                return info_state(getattr(mod, kind + "Info")(fo))
            assert outcome(state, r) == outcome(state, o), (path, pos)


@pytest.mark.parametrize("kind", ["AAC", "AC3"])
def test_no_tags(kind, tmp_path):
    r, o = MODS[kind]
    path = (AAC_FILES if kind == "AAC" else AC3_FILES)[0]
    a, b = getattr(r, kind)(path), getattr(o, kind)(path)
    assert outcome(a.add_tags) == outcome(b.add_tags)
    assert b.tags is None
    assert outcome(a.save) == outcome(b.save)
    assert outcome(a.delete) == outcome(b.delete)
    assert outcome(lambda: a.keys()) == outcome(lambda: b.keys())


def test_scores():
    headers = [b"", b"ADIF", b"xADIF", b"adif", b"\xff\xf1", b"\x0b\x77",
               b"\x0b", b"\x0b\x78", b"ID3", b"\xff\xfb"]
    fnames = ["x", "x.aac", "x.AAC", "x.adts", "x.ADIF", "x.ac3", "x.AC3",
              "x.eac3", "x.EAC3", "x.m4a", b"x.aac", b"x.ac3", b"x.AC3"]
    for h in headers:
        for fn in fnames:
            for kind in ["AAC", "AC3"]:
                r, o = MODS[kind]
                a = getattr(r, kind).score(fn, None, h)
                b = getattr(o, kind).score(fn, None, h)
                assert (a, type(a)) == (b, type(b)), (kind, h, fn)
    for kind in ["AAC", "AC3"]:
        r, o = MODS[kind]
        for fn in [None, 1]:
            assert outcome(getattr(r, kind).score, fn, None, b"") == \
                outcome(getattr(o, kind).score, fn, None, b"")


def test_file_picks_format():
    for path in AAC_FILES + AC3_FILES:
        assert type(mutagen_rs.File(path)).__name__ == \
            type(mutagen.File(path)).__name__


# ---------------------------------------------------------------------------
# crafted streams

@pytest.mark.parametrize("case", load_cases("aac"), ids=lambda c: c[1])
def test_case_aac(case):
    data = decode(case[2])
    pos = int(case[3])

    def state(mod):
        fo = io.BytesIO(data)
        fo.seek(pos)
        return info_state(mod.AACInfo(fo))
    assert outcome(state, ref_aac) == outcome(state, our_aac)


@pytest.mark.parametrize("case", load_cases("ac3"), ids=lambda c: c[1])
def test_case_ac3(case):
    data = decode(case[2])
    pos = int(case[3])

    def state(mod):
        fo = io.BytesIO(data)
        fo.seek(pos)
        return info_state(mod.AC3Info(fo))
    assert outcome(state, ref_ac3) == outcome(state, our_ac3)


@pytest.mark.parametrize("kind", ["AAC", "AC3"])
def test_mutated(kind):
    r, o = MODS[kind]
    rng = random.Random(7)
    sources = []
    for path in AAC_FILES + AC3_FILES:
        with open(path, "rb") as h:
            sources.append(h.read())
    sources.append(decode("[fff150800c9ffc*0093.]12."))
    for _ in range(800):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.randrange(1, 8)):
            i = rng.randrange(min(len(data), 400))
            data[i] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[:rng.randrange(len(data) + 1)]
        if rng.random() < 0.2:
            data = b"ID3\x04\x00\x00\x00\x00\x00\x20" + bytes(32) + data
        data = bytes(data)
        cls_r = getattr(r, kind + "Info")
        cls_o = getattr(o, kind + "Info")
        assert outcome(lambda: info_state(cls_r(io.BytesIO(data)))) == \
            outcome(lambda: info_state(cls_o(io.BytesIO(data))))


def test_program_config_element():
    rng = random.Random(9)
    for _ in range(300):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(40)))

        def state(mod, reader):
            pce = mod.ProgramConfigElement(reader(io.BytesIO(data)))
            return attrs(pce)
        a = outcome(state, ref_aac, RefBitReader)
        b = outcome(state, our_aac, OurBitReader)
        assert a == b


JUNK = [b"", b"\x00", b"ADIF", b"\x0b\x77", b"\x0b\x77" + bytes(10),
        b"\xff\xf1" * 10, b"hello" * 200, bytes(range(256)) * 8]


@pytest.mark.parametrize("kind", ["AAC", "AC3"])
@pytest.mark.parametrize("data", JUNK, ids=range(len(JUNK)))
def test_junk(kind, data, tmp_path):
    r, o = MODS[kind]
    path = str(tmp_path / "junk")
    with open(path, "wb") as h:
        h.write(data)
    for arg in [path, io.BytesIO(data)]:
        if not isinstance(arg, str):
            arg.seek(0)
        a = outcome(lambda: info_state(getattr(r, kind)(arg).info))
        if not isinstance(arg, str):
            arg.seek(0)
        b = outcome(lambda: info_state(getattr(o, kind)(arg).info))
        assert a == b


@pytest.mark.parametrize("kind", ["AAC", "AC3"])
def test_failing_file_objects(kind, tmp_path):
    r, o = MODS[kind]
    path = (AAC_FILES if kind == "AAC" else AC3_FILES)[0]
    with open(path, "rb") as h:
        data = h.read()
    probe = FailingFile(data)
    getattr(o, kind)(probe)
    for n in range(probe.ops + 2):
        try:
            getattr(o, kind)(FailingFile(data, fail_after=n))
        except mutagen_rs.MutagenError:
            pass
    for n in range(0, probe.read_total + 1, max(1, probe.read_total // 100)):
        try:
            getattr(o, kind)(FailingFile(data, stop_after=n))
        except mutagen_rs.MutagenError:
            pass
    for mod in [r, o]:
        with pytest.raises(mod.error) as got:
            getattr(mod, kind + "Info")(FailingFile(data, fail_after=1))
        assert isinstance(got.value.args[0], OSError)

    missing = str(tmp_path / "missing")
    with pytest.raises(mutagen_rs.MutagenError) as got:
        getattr(o, kind)(missing)
    with pytest.raises(mutagen.MutagenError) as want:
        getattr(r, kind)(missing)
    assert str(got.value) == str(want.value)
