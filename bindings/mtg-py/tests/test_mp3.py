"""mutagen_rs.mp3 (and mp3._util) compared with real mutagen 1.48.1.

Both packages are imported in this process (no import hook); every check
runs the same operation with each and compares the results: every attribute
of the stream info (values, types, the order they were set in, floats
exactly), pprint(), mime, the header classes of ``mp3._util`` on crafted
bytes, where file objects are left, errors (class name, message), and the
exact bytes of files saved and deleted through the ID3 layer.

Crafted inputs come from mtg-mpeg's fixture list
(crates/mtg-mpeg/tests/data/cases.txt): only its inputs are used here, the
expected values come from running mutagen now.
"""

import glob
import io
import os
import random
import shutil
import struct

import pytest

import mutagen
import mutagen.id3
import mutagen.mp3 as ref
import mutagen.mp3._util as ref_util

import mutagen_rs
import mutagen_rs.id3
import mutagen_rs.mp3 as our
import mutagen_rs.mp3._util as our_util

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
TEST_FILES = os.path.join(REPO, "test_files")
CRATE_DATA = os.path.join(REPO, "crates", "mtg-mpeg", "tests", "data")
CASES = os.path.join(CRATE_DATA, "cases.txt")

MPEG_FILES = sorted(
    glob.glob(os.path.join(TEST_FILES, "*.mp3")) +
    glob.glob(os.path.join(TEST_FILES, "*.mp2")) +
    glob.glob(os.path.join(CRATE_DATA, "files", "*.mp3")) +
    glob.glob(os.path.join(CRATE_DATA, "files", "*.mp2")))
# Everything else: other formats, read as MPEG (sketchy streams or errors).
OTHER_FILES = sorted(
    p for p in glob.glob(os.path.join(TEST_FILES, "*")) +
    glob.glob(os.path.join(CRATE_DATA, "files", "*"))
    if os.path.isfile(p) and p not in MPEG_FILES)


def names(paths):
    return [os.path.basename(p) for p in paths]


# ---------------------------------------------------------------------------
# helpers

def decode(tokens):
    """Bytes from the fixture token language: hex pairs, ``*XXn.`` (byte XX
    n times), ``[...]n.`` (the bracketed tokens n times), ``@path``."""

    if tokens.startswith("@"):
        with open(os.path.join(REPO, tokens[1:]), "rb") as h:
            return h.read()

    def parse(i, stop):
        out = bytearray()
        while i < len(tokens) and tokens[i] != stop:
            c = tokens[i]
            if c == "*":
                dot = tokens.index(".", i)
                out += bytes([int(tokens[i + 1:i + 3], 16)]) * \
                    int(tokens[i + 3:dot])
                i = dot + 1
            elif c == "[":
                inner, i = parse(i + 1, "]")
                dot = tokens.index(".", i)
                out += inner * int(tokens[i + 1:dot])
                i = dot + 1
            else:
                out.append(int(tokens[i:i + 2], 16))
                i += 2
        return bytes(out), i

    return parse(0, None)[0]


def load_cases(kind):
    out = []
    with open(CASES, encoding="utf-8") as h:
        for line in h:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if parts[0] == kind:
                out.append(parts)
    return out


def value(v):
    """A comparable form of an attribute value: type name and value (enum
    members by class name and int value)."""

    if isinstance(v, (ref.BitrateMode, our.BitrateMode)):
        return ("BitrateMode", int(v), repr(v), str(v))
    if isinstance(v, float):
        return ("float", repr(v))
    if isinstance(v, list):
        return ("list", [value(x) for x in v])
    if isinstance(v, tuple):
        return ("tuple", tuple(value(x) for x in v))
    if isinstance(v, (ref_util.LAMEHeader, our_util.LAMEHeader)):
        return ("LAMEHeader", attrs(v))
    return (type(v).__name__, v)


def attrs(obj):
    """The instance attributes of `obj`, in the order they were set."""

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


def same(func_ref, func_our, *args):
    a = outcome(func_ref, *args)
    b = outcome(func_our, *args)
    if a[0] == "err" and b[0] == "err":
        # the hierarchy is named the same, modules aside
        assert a == b
    else:
        assert a == b
    return b


# ---------------------------------------------------------------------------
# the module surface

@pytest.mark.parametrize("mods", [(ref, our), (ref_util, our_util)],
                         ids=["mp3", "mp3._util"])
def test_public_names(mods):
    r, o = mods
    for name in dir(r):
        if name.startswith("__"):
            continue
        assert hasattr(o, name), name
        a, b = getattr(r, name), getattr(o, name)
        assert isinstance(a, type) == isinstance(b, type), name
        assert callable(a) == callable(b), name
    assert getattr(r, "__all__", None) == getattr(o, "__all__", None)


def test_classes():
    for name in ["MP3", "EasyMP3", "MPEGInfo", "error", "HeaderNotFoundError",
                 "InvalidMPEGHeader", "BitrateMode", "MPEGFrame"]:
        a, b = getattr(ref, name), getattr(our, name)
        # (the native FileType base provides DictMixin's methods itself)
        assert [c.__name__ for c in a.__mro__ if c.__name__ != "DictMixin"] \
            == [c.__name__ for c in b.__mro__], name
    for name in ["XingHeader", "VBRIHeader", "LAMEHeader", "XingHeaderError",
                 "VBRIHeaderError", "LAMEError", "XingHeaderFlags"]:
        a, b = getattr(ref_util, name), getattr(our_util, name)
        assert [c.__name__ for c in a.__mro__] == \
            [c.__name__ for c in b.__mro__], name
    assert issubclass(our.MP3, mutagen_rs.id3.ID3FileType)
    assert our.Open is our.MP3
    assert our.delete is mutagen_rs.id3.delete
    assert our.EasyMP3.ID3.__name__ == "EasyID3"
    assert our.MP3.ID3 is mutagen_rs.id3.ID3
    assert our.MP3._Info is our.MPEGInfo
    for cls in ["XingHeader", "VBRIHeader", "LAMEHeader", "XingHeaderFlags"]:
        a, b = getattr(ref_util, cls), getattr(our_util, cls)
        for k, v in vars(a).items():
            if not k.startswith("_") and not callable(v) and \
                    not isinstance(v, classmethod):
                assert value(getattr(b, k)) == value(v), (cls, k)
    for k in ["sketchy", "encoder_info", "encoder_settings", "bitrate_mode",
              "track_gain", "track_peak", "album_gain", "album_peak"]:
        assert value(getattr(our.MPEGInfo, k)) == \
            value(getattr(ref.MPEGInfo, k))
    assert (our.STEREO, our.JOINTSTEREO, our.DUALCHANNEL, our.MONO) == \
        (0, 1, 2, 3)


def test_bitrate_mode():
    for v in range(-1, 6):
        a, b = ref.BitrateMode(v), our.BitrateMode(v)
        assert (repr(a), str(a), int(a)) == (repr(b), str(b), int(b))
    for name in ["UNKNOWN", "CBR", "VBR", "ABR"]:
        a, b = getattr(ref.BitrateMode, name), getattr(our.BitrateMode, name)
        assert (repr(a), str(a), int(a)) == (repr(b), str(b), int(b))


# ---------------------------------------------------------------------------
# files

@pytest.mark.parametrize("path", MPEG_FILES + OTHER_FILES,
                         ids=names(MPEG_FILES + OTHER_FILES))
def test_file_info(path):
    keep = []

    def state(mod, how):
        if how == "path":
            f = mod.MP3(path)
        elif how == "file":
            with open(path, "rb") as h:
                f = mod.MP3(h)
        else:
            with open(path, "rb") as h:
                f = mod.MP3(io.BytesIO(h.read()))
        keep.append(f)
        tags = None if f.tags is None else sorted(
            (k, repr(v)) for k, v in f.tags.items())
        return (info_state(f.info), f.mime, f.pprint(), type(f.tags).__name__,
                tags)

    for how in ["path", "file", "bytes"]:
        a = outcome(state, ref, how)
        b = outcome(state, our, how)
        assert a == b, how


@pytest.mark.parametrize("path", MPEG_FILES, ids=names(MPEG_FILES))
def test_file_easy(path):
    a = ref.EasyMP3(path)
    b = our.EasyMP3(path)
    assert info_state(a.info) == info_state(b.info)
    assert type(b.tags).__name__ == type(a.tags).__name__
    assert a.pprint() == b.pprint()
    assert a.mime == b.mime


@pytest.mark.parametrize("path", MPEG_FILES, ids=names(MPEG_FILES))
def test_mpeginfo_direct(path):
    with open(path, "rb") as h:
        data = h.read()
    for offset in [None, 0, 1, 100, len(data), len(data) + 10]:
        a = outcome(lambda: info_state(ref.MPEGInfo(io.BytesIO(data), offset)))
        b = outcome(lambda: info_state(our.MPEGInfo(io.BytesIO(data), offset)))
        assert a == b, offset
    # starting with the file object elsewhere: the search starts at 0
    fa, fb = io.BytesIO(data), io.BytesIO(data)
    fa.seek(7)
    fb.seek(7)
    assert info_state(ref.MPEGInfo(fa)) == info_state(our.MPEGInfo(fb))


def test_mime_follows_layer():
    f = our.MP3(os.path.join(TEST_FILES, "mp3_id3v24.mp3"))
    assert f.mime[:2] == ["audio/mp3", "audio/x-mp3"]
    f.info.layer = 2
    assert f.mime == ["audio/mp2", "audio/x-mp2", "audio/mpeg", "audio/mpg",
                      "audio/x-mpeg", "application/octet-stream"]
    f.info = None
    with pytest.raises(AttributeError):
        f.mime


def test_info_pprint_of_edited_values():
    path = os.path.join(TEST_FILES, "mp3_vbr_lame.mp3")
    edits = [("bitrate_mode", 2), ("bitrate_mode", 0), ("bitrate_mode", "a.b"),
             ("bitrate_mode", None), ("version", 1.0), ("encoder_info", ""),
             ("encoder_settings", None), ("sketchy", 1), ("length", 1),
             ("sample_rate", 44100.5), ("layer", "3"), ("bitrate", 1.9)]
    for key, v in edits:
        a, b = ref.MP3(path).info, our.MP3(path).info
        setattr(a, key, v)
        setattr(b, key, v)
        assert outcome(a.pprint) == outcome(b.pprint), (key, v)


# ---------------------------------------------------------------------------
# scores

def test_score():
    headers = [b"", b"ID3", b"xID3", b"\xff", b"\xff\xfb", b"\xff\xfa\x90",
               b"\xff\xf3", b"\xff\xf2", b"\xff\xe3", b"\xff\xf1", b"ADIF",
               b"\x0b\x77", b"fLaC"]
    headers += [bytes([0xFF, b]) for b in range(256)]
    fnames = ["x", "x.mp3", "X.MP3", "x.mp2", "x.mpg", "x.mpeg", "x.mp1",
              "x.mpga", "mp3", b"x.mp3", b"X.MPEG", b"x"]
    for h in headers:
        for fn in fnames:
            for cls in ["MP3", "EasyMP3"]:
                a = getattr(ref, cls).score(fn, None, h)
                b = getattr(our, cls).score(fn, None, h)
                assert (a, type(a)) == (b, type(b)), (h, fn)
    for fn in [None, 1]:
        assert outcome(ref.MP3.score, fn, None, b"") == \
            outcome(our.MP3.score, fn, None, b"")


def test_file_picks_mp3():
    for path in MPEG_FILES:
        f = mutagen_rs.File(path)
        assert type(f).__name__ == type(mutagen.File(path)).__name__
        assert type(mutagen_rs.File(path, easy=True)).__name__ == \
            type(mutagen.File(path, easy=True)).__name__


# ---------------------------------------------------------------------------
# crafted streams: the fixture inputs, compared live

@pytest.mark.parametrize("case", load_cases("mpeg"), ids=lambda c: c[1])
def test_case_mpeginfo(case):
    _, _, tokens, args, _ = case
    data = decode(tokens)
    offset = None if args == "~" else int(args)
    same(lambda: info_state(ref.MPEGInfo(io.BytesIO(data), offset)),
         lambda: info_state(our.MPEGInfo(io.BytesIO(data), offset)))


def frame_state(mod, data, pos):
    fo = io.BytesIO(data)
    fo.seek(pos)
    try:
        frame = mod.MPEGFrame(fo)
    except Exception as e:  # noqa: BLE001
        return error(e), fo.tell()
    return attrs(frame), fo.tell()


@pytest.mark.parametrize("case", load_cases("frame"), ids=lambda c: c[1])
def test_case_frame(case):
    _, _, tokens, args, _ = case
    data = decode(tokens)
    pos = int(args)
    assert frame_state(ref, data, pos) == frame_state(our, data, pos)


def header_state(cls, data, pos=0):
    fo = io.BytesIO(data)
    fo.seek(pos)
    try:
        obj = cls(fo)
    except Exception as e:  # noqa: BLE001
        return error(e), fo.tell()
    extra = []
    if isinstance(obj, (ref_util.XingHeader, our_util.XingHeader)):
        mod = ref if isinstance(obj, ref_util.XingHeader) else our
        extra = [obj.get_encoder_settings(),
                 value(mod._guess_xing_bitrate_mode(obj))]
    return attrs(obj), fo.tell(), extra


@pytest.mark.parametrize("case", load_cases("xing"), ids=lambda c: c[1])
def test_case_xing(case):
    data = decode(case[2])
    assert header_state(ref_util.XingHeader, data) == \
        header_state(our_util.XingHeader, data)


@pytest.mark.parametrize("case", load_cases("vbri"), ids=lambda c: c[1])
def test_case_vbri(case):
    data = decode(case[2])
    assert header_state(ref_util.VBRIHeader, data) == \
        header_state(our_util.VBRIHeader, data)


def lamever_state(mod, data):
    fo = io.BytesIO(data)
    try:
        out = mod.LAMEHeader.parse_version(fo)
    except Exception as e:  # noqa: BLE001
        return error(e), fo.tell()
    return value(out), fo.tell()


@pytest.mark.parametrize("case", load_cases("lamever"), ids=lambda c: c[1])
def test_case_lame_version(case):
    data = decode(case[2])
    assert lamever_state(ref_util, data) == lamever_state(our_util, data)


class FakeXing(object):
    def __init__(self, scale):
        self.vbr_scale = scale


def lamehdr_state(mod, data, scale):
    fo = io.BytesIO(data)
    try:
        h = mod.LAMEHeader(FakeXing(scale), fo)
    except Exception as e:  # noqa: BLE001
        return error(e), fo.tell()
    return attrs(h), fo.tell()


@pytest.mark.parametrize("case", load_cases("lamehdr"), ids=lambda c: c[1])
def test_case_lame_header(case):
    data = decode(case[2])
    scale = int(case[3])
    assert lamehdr_state(ref_util, data, scale) == \
        lamehdr_state(our_util, data, scale)


def test_cases_guess_settings():
    keys = ["vbr_method", "preset_used", "bitrate", "vbr_quality", "quality",
            "lowpass_filter", "ath_type", "encoding_flags"]
    a = ref_util.LAMEHeader(FakeXing(57), io.BytesIO(b"\0" * 27))
    b = our_util.LAMEHeader(FakeXing(57), io.BytesIO(b"\0" * 27))
    cases = load_cases("guess")
    assert cases
    for case in cases:
        nums = [int(x) for x in case[3].split(",")]
        major, minor = nums[:2]
        for k, v in zip(keys, nums[2:]):
            setattr(a, k, v)
            setattr(b, k, v)
        assert a.guess_settings(major, minor) == \
            b.guess_settings(major, minor), case[3]


def io_trace(mod, func, data, *args, start=0, move=False):
    """The values `func` yields or returns and every read/seek it makes."""

    log = []

    class Spy(io.BytesIO):
        def read(self, n=-1):
            pos = self.tell()
            out = super().read(n)
            log.append(("read", pos, n, len(out)))
            return out

        def seek(self, offset, whence=0):
            log.append(("seek", offset, whence))
            return super().seek(offset, whence)

    fo = Spy(data)
    fo.seek(start)
    log.clear()
    result = func(mod)(fo, *args)
    if func is not skip_id3_of:
        out = []
        for v in result:
            out.append((v, fo.tell()))
            if move:
                fo.seek(0)
        result = out
    return result, log, fo.tell()


def iter_sync_of(mod):
    return mod.iter_sync


def skip_id3_of(mod):
    return mod.skip_id3


@pytest.mark.parametrize("case", load_cases("sync"), ids=lambda c: c[1])
def test_case_iter_sync(case):
    data = decode(case[2])
    max_read = int(case[3])
    assert io_trace(ref, iter_sync_of, data, max_read) == \
        io_trace(our, iter_sync_of, data, max_read)


def test_iter_sync_io():
    data = (b"\x00" * 3000 + b"\xff\xe0") * 30 + b"\xff"
    for max_read in [0, 1, 2, 3, 100, 5000, 100000]:
        for move in [False, True]:
            for start in [0, 5]:
                assert io_trace(ref, iter_sync_of, data, max_read,
                                start=start, move=move) == \
                    io_trace(our, iter_sync_of, data, max_read,
                             start=start, move=move)
    r = random.Random(5)
    for _ in range(200):
        data = bytes(r.choice([0, 0xFF, 0xE0, 0xF0, 0x10])
                     for _ in range(r.randrange(80)))
        max_read = r.randrange(90)
        assert io_trace(ref, iter_sync_of, data, max_read) == \
            io_trace(our, iter_sync_of, data, max_read)


@pytest.mark.parametrize("case", load_cases("skipid3"), ids=lambda c: c[1])
def test_case_skip_id3(case):
    data = decode(case[2])
    pos = int(case[3])
    assert io_trace(ref, skip_id3_of, data, start=pos) == \
        io_trace(our, skip_id3_of, data, start=pos)


def test_get_offset():
    class Info(object):
        pass

    for layer in [1, 2, 3]:
        for version in [1, 2, 2.5]:
            for mode in range(4):
                info = Info()
                info.layer, info.version, info.mode = layer, version, mode
                for cls in ["XingHeader", "VBRIHeader"]:
                    assert outcome(getattr(ref_util, cls).get_offset, info) \
                        == outcome(getattr(our_util, cls).get_offset, info)


# ---------------------------------------------------------------------------
# crafted streams: generated here

def frame_header(version, layer, bitrate, rate, pad, mode, protect):
    bits = 0x7FF << 21
    bits |= {1: 3, 2: 2, 2.5: 0}[version] << 19
    bits |= (4 - layer) << 17
    bits |= (0 if protect else 1) << 16
    bits |= bitrate << 12 | rate << 10 | pad << 9 | mode << 6
    return struct.pack(">I", bits)


BITRATES = {  # kbit/s by bitrate index, per (MPEG-1?, layer)
    (True, 1): [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384,
                416, 448],
    (True, 2): [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
                384],
    (True, 3): [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256,
                320],
    (False, 1): [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224,
                 256],
    (False, 2): [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
RATES = {1: [44100, 48000, 32000], 2: [22050, 24000, 16000],
         2.5: [11025, 12000, 8000]}


def frame_spacing(version, layer, bitrate, rate, pad):
    """Where mutagen looks for the frame after this one (layer I: four
    times the real frame length)."""

    table = BITRATES[(version == 1, min(layer, 2) if version != 1 else layer)]
    br = table[bitrate] * 1000
    sr = RATES[version][rate]
    if layer == 1:
        return (48 * br // sr + pad) * 4
    if layer == 3 and version != 1:
        return 72 * br // sr + pad
    return 144 * br // sr + pad


def random_stream(r):
    version = r.choice([1, 2, 2.5])
    layer = r.choice([1, 2, 3])
    bitrate = r.randrange(1, 15)
    rate = r.randrange(3)
    mode = r.randrange(4)
    pad = r.randrange(2)
    head = frame_header(version, layer, bitrate, rate, pad, mode,
                        r.randrange(2))
    size = r.choice([r.randrange(20, 3000), 104, 417, 418, 1152 // 8])
    if r.random() < 0.7:
        size = max(frame_spacing(version, layer, bitrate, rate, pad), 4)
    frame = head + bytes(r.randrange(4) for _ in range(size - 4))
    out = bytearray(r.choice([b"", b"junk", bytes(r.randrange(600))]))
    if r.random() < 0.3:
        out = bytearray(b"ID3\x04\x00\x00\x00\x00\x01\x00") + bytes(128) + out
    for _ in range(r.randrange(1, 7)):
        out += frame
        if r.random() < 0.2:
            out += bytes(r.randrange(5))
    if layer == 3 and r.random() < 0.5:
        off = 36 if version == 1 and mode != 3 else (
            21 if version == 1 or mode != 3 else 13)
        tag = r.choice([b"Xing", b"Info", b"VBRI"])
        if tag == b"VBRI":
            off = 36
            body = b"VBRI" + struct.pack(
                ">HHHIIHHHH", r.choice([1, 1, 2]), 0, 90,
                r.randrange(1 << 20), r.randrange(5000), 2, 1,
                r.choice([2, 4, 3]), 1) + bytes(8)
        else:
            flags = r.randrange(16)
            body = tag + struct.pack(">I", flags)
            body += struct.pack(">I", r.randrange(10000)) * 2
            body += bytes(r.randrange(256) for _ in range(100))
            body += struct.pack(">I", r.randrange(101))
            body += r.choice([b"LAME3.99r", b"LAME3.100", b"LAME3.80 ",
                              b"Lavc58.1", b"L3.99r\0\0\0"])
            body += bytes(r.randrange(256) for _ in range(27))
        start = len(out) - len(frame) * 1 if r.random() < 0.3 else \
            out.find(head)
        if start >= 0 and start + off + len(body) <= len(out):
            out[start + off:start + off + len(body)] = body
    return bytes(out)


def test_random_streams():
    r = random.Random(1)
    for _ in range(1500):
        data = random_stream(r)
        offset = r.choice([None, None, 0, 10, 138])
        same(lambda: info_state(ref.MPEGInfo(io.BytesIO(data), offset)),
             lambda: info_state(our.MPEGInfo(io.BytesIO(data), offset)))
        pos = r.randrange(len(data) + 1)
        assert frame_state(ref, data, pos) == frame_state(our, data, pos)


def test_mutated_files():
    r = random.Random(2)
    sources = []
    for path in MPEG_FILES:
        with open(path, "rb") as h:
            sources.append(h.read())
    for _ in range(600):
        data = bytearray(r.choice(sources))
        for _ in range(r.randrange(1, 12)):
            if not data:
                break
            i = r.randrange(min(len(data), 6000))
            data[i] = r.randrange(256)
        if r.random() < 0.3:
            data = data[:r.randrange(len(data) + 1)]
        data = bytes(data)
        same(lambda: info_state(ref.MPEGInfo(io.BytesIO(data))),
             lambda: info_state(our.MPEGInfo(io.BytesIO(data))))
        for start in [36, 21, 13]:
            for cls in ["XingHeader", "VBRIHeader"]:
                assert header_state(getattr(ref_util, cls), data, start) == \
                    header_state(getattr(our_util, cls), data, start)


def test_real_headers():
    # the Xing/LAME and VBRI headers of the sample files
    for path in MPEG_FILES + [os.path.join(TEST_FILES, "mp3_vbr_lame.mp3")]:
        info = ref.MP3(path).info
        with open(path, "rb") as h:
            data = h.read()
        if info.layer != 3:
            continue
        for cls in ["XingHeader", "VBRIHeader"]:
            start = info.frame_offset + \
                getattr(ref_util, cls).get_offset(info)
            assert header_state(getattr(ref_util, cls), data, start) == \
                header_state(getattr(our_util, cls), data, start)
        assert frame_state(ref, data, info.frame_offset) == \
            frame_state(our, data, info.frame_offset)


# ---------------------------------------------------------------------------
# errors

JUNK = [b"", b"\x00", b"ID3", b"ID3\x04\x00\x00\x00\x00\x00\x05abc",
        b"\xff\xfb", b"\xff\xfb\x90\x64", b"\xff" * 5000, b"hello" * 100,
        bytes(range(256)) * 40]


@pytest.mark.parametrize("data", JUNK, ids=range(len(JUNK)))
def test_junk(data, tmp_path):
    same(lambda: info_state(ref.MPEGInfo(io.BytesIO(data))),
         lambda: info_state(our.MPEGInfo(io.BytesIO(data))))
    path = str(tmp_path / "junk.mp3")
    with open(path, "wb") as h:
        h.write(data)
    same(lambda: info_state(ref.MP3(path).info),
         lambda: info_state(our.MP3(path).info))
    same(lambda: info_state(ref.MP3(io.BytesIO(data)).info),
         lambda: info_state(our.MP3(io.BytesIO(data)).info))


def test_open_errors(tmp_path):
    missing = str(tmp_path / "missing.mp3")
    for target in [missing, str(tmp_path)]:
        with pytest.raises(mutagen_rs.MutagenError) as got:
            our.MP3(target)
        with pytest.raises(mutagen.MutagenError) as want:
            ref.MP3(target)
        assert type(got.value.args[0]) is type(want.value.args[0])
        assert str(got.value) == str(want.value)


class FailingFile(object):
    """A file object that fails after `fail_after` operations, or returns
    only `stop_after` bytes in total (as mutagen's own tests do)."""

    def __init__(self, data, stop_after=-1, fail_after=-1):
        self._f = io.BytesIO(data)
        self._stop = stop_after
        self._fail = fail_after
        self.read_total = 0
        self.ops = 0

    def _check(self):
        self.ops += 1
        if self._fail != -1 and self.ops > self._fail:
            raise IOError("fail")

    def tell(self):
        self._check()
        return self._f.tell()

    def seek(self, offset, whence=0):
        self._check()
        return self._f.seek(offset, whence)

    def read(self, size=-1):
        try:
            self._check()
        except IOError:
            if size != 0:
                raise
        out = self._f.read(size)
        self.read_total += len(out)
        if self._stop != -1 and self.read_total > self._stop:
            out = out[:self._stop - self.read_total]
        return out

    def write(self, data):
        try:
            self._check()
        except IOError:
            if len(data):
                raise
        self._f.write(data)

    def truncate(self, *args):
        self._check()
        self._f.truncate(*args)

    def flush(self):
        pass


@pytest.mark.parametrize("name", ["mp3_id3v24.mp3", "mp3_notag_lsf.mp3",
                                  "mp2_layer2.mp2"])
def test_failing_file_objects(name):
    with open(os.path.join(TEST_FILES, name), "rb") as h:
        data = h.read()
    probe = FailingFile(data)
    our.MP3(probe)
    for n in range(probe.ops + 2):
        try:
            our.MP3(FailingFile(data, fail_after=n))
        except mutagen_rs.MutagenError:
            pass
    for n in range(0, probe.read_total + 1, max(1, probe.read_total // 150)):
        try:
            our.MP3(FailingFile(data, stop_after=n))
        except mutagen_rs.MutagenError:
            pass
    # a failure while reading the stream is mp3.error(OSError)
    for mod in [ref, our]:
        with pytest.raises(mod.error) as got:
            mod.MPEGInfo(FailingFile(data, fail_after=1))
        assert type(got.value).__name__ == "error"
        assert isinstance(got.value.args[0], OSError)


# ---------------------------------------------------------------------------
# saving and deleting: through the ID3 layer, byte for byte

def copies(tmp_path, name):
    src = os.path.join(TEST_FILES, name)
    a, b = str(tmp_path / ("ref-" + name)), str(tmp_path / ("our-" + name))
    shutil.copy(src, a)
    shutil.copy(src, b)
    return a, b


def read(path):
    with open(path, "rb") as h:
        return h.read()


EDITS = [
    ("none", lambda f, mod: None, {}),
    ("title", lambda f, mod: f.tags.add(mod.id3.TIT2(encoding=3,
                                                      text=["new title"])),
     {}),
    ("many", lambda f, mod: [f.tags.add(mod.id3.TXXX(
        encoding=1, desc="k%d" % i, text=["v" * (i * 37)]))
        for i in range(30)], {}),
    ("v23", lambda f, mod: f.tags.update_to_v23(), {"v2_version": 3}),
    ("v1create", lambda f, mod: None, {"v1": 2}),
    ("v1remove", lambda f, mod: None, {"v1": 0}),
    ("padding", lambda f, mod: None, {"padding": lambda info: 7}),
    ("clear", lambda f, mod: f.tags.clear(), {}),
]


@pytest.mark.parametrize("name", ["mp3_id3v24.mp3", "mp3_id3v23.mp3",
                                  "mp3_id3v1.mp3", "mp3_notag_lsf.mp3",
                                  "mp3_vbr_lame.mp3", "mp2_layer2.mp2",
                                  "mp3_apev2.mp3"])
@pytest.mark.parametrize("edit", EDITS, ids=[e[0] for e in EDITS])
def test_save_identical(tmp_path, name, edit):
    _, change, kwargs = edit
    pa, pb = copies(tmp_path, name)
    fa, fb = ref.MP3(pa), our.MP3(pb)
    if fa.tags is None:
        fa.add_tags()
        fb.add_tags()
    change(fa, mutagen)
    change(fb, mutagen_rs)
    fa.save(**kwargs)
    fb.save(**kwargs)
    assert read(pa) == read(pb)
    assert info_state(ref.MP3(pa).info) == info_state(our.MP3(pb).info)


@pytest.mark.parametrize("name", ["mp3_id3v24.mp3", "mp3_id3v1.mp3",
                                  "mp3_vbr_lame.mp3", "mp3_notag_lsf.mp3"])
def test_delete_identical(tmp_path, name):
    pa, pb = copies(tmp_path, name)
    fa, fb = ref.MP3(pa), our.MP3(pb)
    fa.delete()
    fb.delete()
    assert read(pa) == read(pb)
    assert fb.tags is None or len(fb.tags) == 0
    assert our.MP3(pb).tags is None

    pa, pb = copies(tmp_path, name)
    ref.delete(pa)
    our.delete(pb)
    assert read(pa) == read(pb)


def test_easy_save_identical(tmp_path):
    pa, pb = copies(tmp_path, "mp3_id3v24.mp3")
    fa, fb = ref.EasyMP3(pa), our.EasyMP3(pb)
    for f in (fa, fb):
        f["title"] = ["easy"]
        f["artist"] = ["a", "b"]
        f.save()
    assert read(pa) == read(pb)
    assert dict(our.EasyMP3(pb)) == dict(ref.EasyMP3(pa))


def test_save_through_file_object(tmp_path):
    pa, pb = copies(tmp_path, "mp3_id3v23.mp3")
    with open(pa, "rb+") as ha, open(pb, "rb+") as hb:
        fa, fb = ref.MP3(ha), our.MP3(hb)
        fa.tags.add(mutagen.id3.TALB(encoding=3, text=["x"]))
        fb.tags.add(mutagen_rs.id3.TALB(encoding=3, text=["x"]))
        ha.seek(0)
        hb.seek(0)
        fa.save(ha)
        fb.save(hb)
    assert read(pa) == read(pb)


def test_add_tags_and_no_tags(tmp_path):
    pa, pb = copies(tmp_path, "mp3_notag_lsf.mp3")
    fa, fb = ref.MP3(pa), our.MP3(pb)
    assert fb.tags is None
    fa.save()
    fb.save()
    assert read(pa) == read(pb)
    fb.add_tags()
    assert isinstance(fb.tags, mutagen_rs.id3.ID3)
    with pytest.raises(mutagen_rs.MutagenError):
        fb.add_tags()


def test_load_with_other_tag_class():
    import mutagen.apev2
    import mutagen_rs.apev2
    path = os.path.join(TEST_FILES, "mp3_apev2.mp3")
    a = ref.MP3(path, ID3=mutagen.apev2.APEv2)
    b = our.MP3(path, ID3=mutagen_rs.apev2.APEv2)
    assert sorted(a.tags.keys()) == sorted(b.tags.keys())
    assert info_state(a.info) == info_state(b.info)
    assert b.ID3 is mutagen_rs.apev2.APEv2


def test_filename_and_paths(tmp_path):
    import pathlib
    path = os.path.join(TEST_FILES, "mp3_id3v24.mp3")
    for arg in [path, path.encode(), pathlib.Path(path)]:
        a, b = ref.MP3(arg), our.MP3(arg)
        assert a.filename == b.filename
        assert info_state(a.info) == info_state(b.info)
    with pytest.raises(TypeError):
        our.MP3(filething=io.BytesIO())
