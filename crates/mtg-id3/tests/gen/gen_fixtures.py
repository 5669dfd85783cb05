#!/usr/bin/env python3
"""Generate the tag-level ID3 fixtures in ../data/ by running mutagen 1.48.1.

Needs a virtualenv with mutagen (expected values come from mutagen, run as a
black box; nothing of its source is used):

    python3 -m venv /tmp/venv-id3 && /tmp/venv-id3/bin/pip install mutagen==1.48.1
    /tmp/venv-id3/bin/python crates/mtg-id3/tests/gen/gen_fixtures.py

Output format (read by tests/common/mod.rs): records separated by blank
lines; each record is `case <name>` followed by `key value` lines. Binary
values and text that may hold odd characters are hex (runs of 8 or more
equal bytes as `[bb*count]`); `-` means None.
Random inputs use a fixed seed, so the output is reproducible.
"""

import os
import random
import struct
import sys
import tempfile
from io import BytesIO

import mutagen
from mutagen import id3 as m
from mutagen.id3 import ID3, Frames
from mutagen.id3._id3v1 import MakeID3v1, ParseID3v1, find_id3v1
from mutagen.id3._tags import ID3Header, determine_bpi
from mutagen.id3._util import BitPaddedInt, unsynch
from mutagen._constants import GENRES

assert mutagen.version == (1, 48, 1), mutagen.version

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")


def hx(b):
    """Hex, with runs of 8 or more equal bytes written as [bb*count]."""
    out = []
    i = 0
    while i < len(b):
        j = i
        while j < len(b) and b[j] == b[i]:
            j += 1
        if j - i >= 8:
            out.append("[%02x*%d]" % (b[i], j - i))
        else:
            out.append(b[i:j].hex())
        i = j
    return "".join(out)


def sx(s):
    return "-" if s is None else s.encode("utf-8", "surrogatepass").hex()


class Writer:
    def __init__(self, name):
        self.path = os.path.join(OUT, name)
        self.records = []

    def add(self, name, items):
        lines = ["case " + name]
        for k, v in items:
            lines.append(("%s %s" % (k, v)).rstrip())
        self.records.append("\n".join(lines))

    def close(self):
        with open(self.path, "w") as f:
            f.write("\n\n".join(self.records) + "\n")


def ss(n):
    return BitPaddedInt.to_str(n)


def tag(ver, body, flags=0, size=None):
    if size is None:
        size = len(body)
    return b"ID3" + bytes([ver, 0, flags]) + ss(size) + body


def fr4(fid, body, flags=0, bpi=True):
    size = ss(len(body)) if bpi else struct.pack(">I", len(body))
    return fid + size + struct.pack(">H", flags) + body


def fr3(fid, body, flags=0):
    return fid + struct.pack(">I", len(body)) + struct.pack(">H", flags) + body


def fr2(fid, body):
    return fid + struct.pack(">I", len(body))[1:] + body


def err_items(e, filename=None):
    """The error's class name and message (a file name shown as mutagen
    shows a file object's: <unknown>)."""
    msg = str(e)
    if filename is not None:
        msg = msg.replace(repr(filename), "'<unknown>'").replace(filename, "<unknown>")
    return [("error", type(e).__name__), ("message", sx(msg))]


# --------------------------------------------------------------- headers

def gen_headers():
    w = Writer("headers.txt")
    H4 = b"ID3\x04\x00\x40\x00\x00\x01\x00"
    H3 = b"ID3\x03\x00\x40\x00\x00\x01\x00"
    cases = [
        b"", b"ID", b"ID3\x04\x00\x00\x00\x00\x00",
        b"ID3\x04\x00\x00\x00\x00\x00\x00", b"id3\x04\x00\x00\x00\x00\x00\x00",
        b"ID3\x01\x00\x00\x00\x00\x00\x00", b"ID3\x05\x00\x00\x00\x00\x00\x00",
        b"ID3\xff\x00\x00\x00\x00\x00\x00", b"ID3\x04\x05\x00\x00\x00\x00\x00",
        b"ID3\x04\x00\x00\x80\x00\x00\x00", b"ID3\x03\x00\x00\x00\x00\x00\x80",
        b"ID3\x02\x00\x00\x00\x00\x00\x80", b"ID3\x04\x00\x00\x7f\x7f\x7f\x7f",
        b"ID3\x04B@\x00\x00\x00\x00\x00\x00\x00\x00",
        b"ID3\x05\x00\x0f\x80\x00\x00\x00", b"ID3\x04\x00\x0f\x80\x00\x00\x00",
        b"ID3\x04\x00\x4f\x00\x00\x00\x00",
        b"ID3\x02\x00\x4f\x00\x00\x00\x00TT2\x00\x00",
        b"ID3\x02\x00\x40\x00\x00\x00\x00TIT2\x00\x00",
        b"ID3\x04\x00\x40\x00\x00\x00\x00\x00\x00\x00\x05\x5a",
        b"ID3\x04\x00\x40\x00\x00\x00\x00\x00\x00\x00\xFF\x5a",
        b"ID3\x04\x00\x40\x00\x00\x00\x00TIT1\x00\x00\x00\x01a",
        b"ID3\x04\x00\x40\x00\x00\x00\x00TIT9",
        b"ID3\x03\x00\x40\x00\x00\x00\x00\x00\x00\x00\x06\x00\x00\x56\x78\x9a\xbc",
        H4 + b"\x00\x00\x00\x06\x01\x00" + b"\x00" * 20,
        H4 + b"\x00\x00\x00\x04", H4 + b"\x00\x00\x00\x03", H4 + b"\x00\x00\x00\x00",
        H4 + b"\x00\x00\x00\x0c\x01\x20\x00\x00\x00\x00\x00\x00",
        H4 + b"\x00\x00\x00\x05", H4 + b"\x00\x00\x00",
        H4 + b"TXXX\x00\x00\x00\x01a", H4 + b"ABCD\x00\x00\x00\x01a",
        H4 + b"tit1\x00\x00\x00\x01a", H4 + b"TT1\x00\x00\x00\x01a",
        b"ID3\x04\x00\xc0\x00\x00\x01\x00TIT1" + b"\x00" * 20,
        b"ID3\x04\x00\xe0\x00\x00\x01\x00TIT1" + b"\x00" * 20,
        b"ID3\x03\x00\xe0\x00\x00\x01\x00TIT1" + b"\x00" * 20,
        H3 + b"\x00\x00\x00\x0a\x80\x00\x00\x00\x00\x00\x12\x34\x56\x78",
        H3 + b"\x00\x00\x00\x00", H3 + b"\x00\x00\x00\x01\x00",
        H3 + b"\x00\x00\x00\x06", H3 + b"\x00\x00\x00\x06\x00\x00\x00",
        H3 + b"\xff\xff\xff\xff" + b"\x00" * 50, H3 + b"\x00\x00",
        b"ID3\x02\x00\x40\x00\x00\x01\x00\x00\x00\x00\x06\x00\x00\x56\x78\x9a\xbc",
    ]
    for v in (2, 3, 4):
        for f in (0x80, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02, 0x01, 0xc0, 0xe0, 0xf0):
            cases.append(b"ID3" + bytes([v, 0, f]) + b"\x00" * 4 + b"\x00" * 12)
    rng = random.Random(1)
    for i in range(60):
        flags = rng.choice([0x40, 0xc0, 0x40, 0x00, rng.randrange(256)])
        body = bytes(rng.choice([0, 0, 1, 4, 5, 6, 0x7f, 0x80, 0xff, 0x41])
                     for _ in range(rng.randrange(0, 24)))
        if rng.random() < 0.3:
            body = rng.choice(list(Frames)).encode() + body
        cases.append(b"ID3" + bytes([rng.choice([2, 3, 4]), 0, flags]) +
                     bytes(rng.choice([0, 0, 1, 0x7f]) for _ in range(4)) + body)
    for i, data in enumerate(cases):
        items = [("input", hx(data))]
        try:
            h = ID3Header(BytesIO(data))
        except Exception as e:
            items += err_items(e)
        else:
            ext = getattr(h, "_extdata", None)
            items += [("version", "%d.%d.%d" % h.version), ("flags", h._flags),
                      ("size", h.size),
                      ("extdata", "-" if ext is None else "x" + hx(ext))]
        w.add("h%d" % i, items)
    w.close()


# ---------------------------------------------------------------- unsync

def gen_unsync():
    w = Writer("unsync.txt")
    rng = random.Random(2)
    for i in range(150):
        data = bytes(rng.choice([0, 0xff, 0xff, 0xe0, 0xdf, 0x01, 0xfe])
                     for _ in range(rng.randrange(0, 12)))
        items = [("input", hx(data)), ("encoded", hx(unsynch.encode(data)))]
        try:
            items.append(("decoded", "x" + hx(unsynch.decode(data))))
        except ValueError as e:
            items.append(("decoded", "-"))
            items.append(("message", sx(str(e))))
        w.add("u%d" % i, items)
    w.close()


# ------------------------------------------------------------------ bpi

def gen_bpi():
    w = Writer("bpi.txt")
    rng = random.Random(3)
    names = [k.encode() for k in list(Frames)[:12]] + [b"ZZZZ", b"\x00\x00\x00\x00", b"tit2"]

    def frame(bpi):
        n = rng.choice(names)
        size = rng.choice([0, 1, 5, 100, 127, 128, 129, 255, 256, 300, rng.randint(0, 300)])
        sz = BitPaddedInt.to_str(size) if bpi else struct.pack(">I", size)
        body = b"\x00" * size if rng.random() < 0.5 else bytes(
            rng.choice([0, 1, 0xff, 0x41]) for _ in range(size))
        return n + sz + b"\x00\x00" + body

    def get_frame_data(name, size, bpi=True):
        data = name + (BitPaddedInt.to_str(size) if bpi else BitPaddedInt.to_str(size, bits=8))
        return data + b"\x00\x00" + b"\x01" * size

    fixed = [
        b"",
        get_frame_data(b"TPE2", 1000, True),
        get_frame_data(b"TPE2", 1000, True) + b"\x00" * 1000,
        get_frame_data(b"TPE2", 1000, False),
        get_frame_data(b"TPE2", 1000, False) + b"\x00" * 1000,
        get_frame_data(b"TPE2", 1000) + get_frame_data(b"TPE2", 10) + b"\x01" * 875,
        b"TPE2\x00\x00\x01\x00\x00\x00" + b"\x00" + b"a" * 127 +
        b"TALB\x7f\x7f\x7f\x7f\x00\x00" + b"b" * 118,
    ]
    cases = list(fixed)
    for i in range(200):
        parts = []
        for j in range(rng.randint(0, 4)):
            r = rng.random()
            if r < 0.4:
                parts.append(frame(True))
            elif r < 0.8:
                parts.append(frame(False))
            elif r < 0.9:
                parts.append(b"\x00" * rng.randint(0, 30))
            else:
                parts.append(bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 15))))
        d = b"".join(parts)
        if rng.random() < 0.1:
            d = d[:rng.randint(0, len(d))]
        cases.append(d)
    for i, d in enumerate(cases):
        w.add("b%d" % i, [
            ("input", hx(d)),
            ("frames", "plain" if determine_bpi(d, Frames) is int else "syncsafe"),
            ("none", "plain" if determine_bpi(d, {}) is int else "syncsafe"),
        ])
    w.close()


# ------------------------------------------------------------ tag reading

def read_cases():
    T = b"\x03abc"
    L = b"\x00a\xff\x00bc"
    cases = {
        "v4_basic": tag(4, fr4(b"TIT2", T) + fr4(b"TPE1", T)),
        "v4_pad_then_frames": tag(4, fr4(b"TIT2", T) + b"\x00" * 20 + fr4(b"TPE1", T)),
        "v4_bad_ids": tag(4, fr4(b"TIT2", T) + fr4(b"tpe1", T) + fr4(b"T$E1", T) +
                          fr4(b"1234", T) + fr4(b"\xc4BCD", T) + fr4(b"TIT\x00", T) +
                          fr4(b"\x00\x00\x00\x01", T) + fr4(b"TALB", T)),
        "v4_odd_valid_ids": tag(4, fr4(b"1ABC", T) + fr4(b"ABC1", T) + fr4(b"ZZZZ", T)),
        "v4_size0": tag(4, fr4(b"TIT2", T) + fr4(b"TPE1", b"") + fr4(b"ZZZZ", b"") + fr4(b"TALB", T)),
        "v4_size_past_end": tag(4, fr4(b"TIT2", T) + b"TPE1" + ss(100) + b"\x00\x00" + T + fr4(b"TALB", T)),
        "v4_dup": tag(4, fr4(b"TIT2", T) + fr4(b"TIT2", b"\x03def") + fr4(b"TALB", T)),
        "v4_short_header_left": tag(4, fr4(b"TIT2", T) + b"TPE1\x00\x00"),
        "v4_header_only": tag(4, fr4(b"TIT2", T) + fr4(b"TPE1", T)[:10]),
        "v4_zero_id_stops": tag(4, fr4(b"TIT2", T) + b"\x00\x00\x00\x00" + ss(4) + b"\x00\x00" + T + fr4(b"TALB", T)),
        "v4_partial_zero_id": tag(4, fr4(b"TIT2", T) + b"\x00TPE" + ss(4) + b"\x00\x00" + T + fr4(b"TALB", T)),
        "v4_ff_garbage": tag(4, fr4(b"TIT2", T) + b"\xff" * 40),
        "v4_all_ff": tag(4, b"\xff" * 64),
        "v4_int_sizes": tag(4, fr4(b"TPE2", b"\x00" + b"x" * 300, bpi=False) + fr4(b"TALB", T, bpi=False)),
        "v4_flags": tag(4, fr4(b"TIT2", T, flags=0x4000) + fr4(b"TPE1", T, flags=0x000f)),
        "v4_unsync_header": tag(4, fr4(b"TIT2", L) + fr4(b"TPE1", b"\x00xyz"), flags=0x80),
        "v4_ext": tag(4, b"\x00\x00\x00\x06\x01\x00" + fr4(b"TIT2", T), flags=0x40),
        "v4_ext_is_frame": tag(4, fr4(b"TIT1", T) + fr4(b"TIT2", T), flags=0x40),
        "v4_ext_too_big": tag(4, b"\x00\x00\x00\x7f" + b"\x00" * 0x7b + fr4(b"TIT2", T), flags=0x40, size=20) + b"\x00" * 100,
        "v4_ext_exact": tag(4, b"\x00\x00\x00\x7f" + b"\x00" * 0x7b, flags=0x40),
        "v4_ext_short_file": tag(4, b"\x00\x00\x00\x7f" + b"\x00" * 10, flags=0x40, size=0x7f),
        "v4_footer": tag(4, fr4(b"TIT2", T), flags=0x10) + b"3DI\x04\x00\x10" + ss(14),
        "v4_experimental": tag(4, fr4(b"TIT2", T), flags=0x20),
        "v4_truncated": tag(4, fr4(b"TIT2", T), size=1000),
        "v4_truncated_huge": tag(4, fr4(b"TIT2", T), size=200000000),
        "v4_declared_256m": b"ID3\x04\x00\x00\x7f\x7f\x7f\x7f" + b"\x00" * 64,
        "v4_empty": tag(4, b""),
        "v3_basic": tag(3, fr3(b"TIT2", T) + fr3(b"TPE1", T) + fr3(b"ZZZZ", T, flags=0x8000)),
        "v3_bad_ids": tag(3, fr3(b"TIT2", T) + fr3(b"tpe1", T) + fr3(b"TALB", T)),
        "v3_size0": tag(3, fr3(b"TIT2", T) + fr3(b"ZZZZ", b"") + fr3(b"TALB", T)),
        "v3_big_size": tag(3, fr3(b"TIT2", T) + b"TPE1\xff\xff\xff\xff\x00\x00abc"),
        "v3_unsync": tag(3, fr3(b"TIT2", L[:-1].replace(b"\xff\x00", b"\xff")) .replace(b"\x00\x00\x00\x04", b"\x00\x00\x00\x04")),
        "v3_unsync_real": tag(3, fr3(b"TIT2", b"\x00a\xffb")[:-2] + b"\xff\x00b" + fr3(b"TPE1", b"\x00xyz"), flags=0x80),
        "v3_unsync_invalid": tag(3, fr3(b"TIT2", b"\x00a\xff\x00b") + fr3(b"TPE1", b"\x00x\xff\xe0z"), flags=0x80),
        "v3_unsync_trailing_ff": tag(3, fr3(b"TIT2", b"\x00a\xff\x00b") + fr3(b"TPE1", b"\x00xy\xff"), flags=0x80),
        "v3_unsync_unknown": tag(3, fr3(b"ZZZZ", b"\x00a\xffb")[:-2] + b"\xff\x00b" + fr3(b"TPE1", b"\x00xyz"), flags=0x80),
        "v3_ext": tag(3, b"\x00\x00\x00\x06\x00\x00\x00\x00\x00\x00" + fr3(b"TIT2", T), flags=0x40),
        "v3_ext_crc": tag(3, b"\x00\x00\x00\x0a\x80\x00\x00\x00\x00\x00\x12\x34\x56\x78" + fr3(b"TIT2", T), flags=0x40),
        "v3_ext_unsync": tag(3, b"\x00\x00\x00\x06\x00\x00\x00\x00\x00\x00" + fr3(b"TIT2", b"\x00a\xffb")[:-2] + b"\xff\x00b", flags=0xc0),
        "v3_ext_bigger_than_tag": tag(3, b"\x00\x00\x00\x20" + b"\x00" * 0x20 + fr3(b"TIT2", T), flags=0x40, size=10) + b"\x00" * 100,
        "v3_bad_flags": tag(3, fr3(b"TIT2", T), flags=0x1f),
        "v2_basic": tag(2, fr2(b"TT2", T) + fr2(b"TP1", T) + fr2(b"ZZZ", T)),
        "v2_bad_ids": tag(2, fr2(b"TT2", T) + fr2(b"tp1", T) + fr2(b"123", T) + fr2(b"TI\x00", T) + fr2(b"TAL", T)),
        "v2_pad": tag(2, fr2(b"TT2", T) + b"\x00" * 10),
        "v2_size0": tag(2, fr2(b"TT2", T) + fr2(b"ZZZ", b"") + fr2(b"TAL", T)),
        "v2_short_left": tag(2, fr2(b"TT2", T) + fr2(b"TP1", T)[:5]),
        "v2_header_only": tag(2, fr2(b"TT2", T) + fr2(b"TP1", T)[:6]),
        "v2_unsync": tag(2, fr2(b"TT2", b"\x00a\xffb")[:-2] + b"\xff\x00b" + fr2(b"TP1", b"\x00xyz"), flags=0x80),
        "v2_unsync_invalid": tag(2, fr2(b"TT2", b"\x00a\xff\xe0bc") + fr2(b"TP1", b"\x00xyz"), flags=0x80),
        "v2_compression_flag": tag(2, fr2(b"TT2", T) + fr2(b"TP1", T), flags=0x40),
        "v2_junk_flags": tag(2, fr2(b"TT2", T), flags=0x3f),
        "no_tag": b"\xaa" * 40,
        "too_small": b"ID3\x04",
        "empty_file": b"",
        "unsupported": b"ID3\x05\x00\x00\x00\x00\x00\x00" + b"\x00" * 20,
    }
    rng = random.Random(4)
    ids4 = [b"TIT2", b"TPE1", b"TALB", b"APIC", b"ZZZZ", b"COMM", b"tit2", b"\x00\x00\x00\x00", b"TXXX"]
    for i in range(70):
        ver = rng.choice([2, 3, 4, 4])
        parts = []
        for j in range(rng.randint(0, 6)):
            size = rng.choice([0, 1, 3, 10, 127, 128, rng.randint(0, 200)])
            body = bytes(rng.choice([0, 1, 0x41, 0xff, 0xe0]) for _ in range(size))
            if ver == 2:
                fid = rng.choice([b"TT2", b"TP1", b"ZZZ", b"tt2", b"\x00\x00\x00"])
                parts.append(fr2(fid, body))
            elif ver == 3:
                parts.append(fr3(rng.choice(ids4), body, flags=rng.choice([0, 0, 0x8000, 0x0040])))
            else:
                parts.append(fr4(rng.choice(ids4), body, flags=rng.choice([0, 0, 0x4000, 0x0002]),
                                 bpi=rng.random() < 0.7))
            if rng.random() < 0.15:
                parts.append(b"\x00" * rng.randint(1, 20))
        body = b"".join(parts)
        if rng.random() < 0.2:
            body = body[:rng.randint(0, len(body))]
        flags = rng.choice([0, 0, 0, 0x80, 0x40, 0x20])
        if flags == 0x40 and rng.random() < 0.7:
            body = (b"\x00\x00\x00\x06\x01\x00" if ver == 4 else b"\x00\x00\x00\x02\x00\x00") + body
        data = tag(ver, body, flags=flags)
        if rng.random() < 0.1:
            data = data[:rng.randint(0, len(data))]
        cases["rand%d" % i] = data
    return cases


def gen_read():
    w = Writer("read.txt")
    for name, data in read_cases().items():
        items = [("input", hx(data))]
        try:
            t = ID3(BytesIO(data), known_frames={}, load_v1=False, translate=False)
        except Exception as e:
            items += err_items(e)
        else:
            h = t._header
            items += [("version", "%d.%d.%d" % t.version), ("flags", h._flags),
                      ("size", t.size), ("padding", t._padding)]
            for u in t.unknown_frames:
                items.append(("unknown", hx(u)))
            if t.version[1] == 4:
                ext = getattr(h, "_extdata", None)
                start = 10 + (len(ext) + 4 if h.f_extended else 0)
                area = data[start:t.size]
                items.append(("bpi_frames", "plain" if determine_bpi(area, Frames) is int else "syncsafe"))
        w.add(name, items)
    w.close()


# ------------------------------------------------------------- file level

def gen_load():
    """ID3() with load_v1 on whole files: which error, or v2 and/or v1."""
    w = Writer("load.txt")
    v1 = MakeID3v1({"TIT2": m.TIT2(text=["v1"])})
    cases = {
        "v1_only": b"\xaa" * 10 + v1,
        "v25_plus_v1": b"ID3\x05\x00\x00\x00\x00\x00\x00" + v1,
        "badflags_plus_v1": b"ID3\x04\x00\x0f\x00\x00\x00\x00" + v1,
        "whole_file_tag_plus_v1": b"ID3\x04\x00\x00\x00\x00\x01\x00" + v1,
        "short_plus_v1": b"ID3" + v1,
        "empty": b"",
        "short": b"ID3\x04",
        "garbage": b"\xaa" * 300,
        "trunc_plus_v1": b"ID3\x04\x00\x00\x00\x00\x02\x00" + v1,
        "v22_ext_plus_v1": b"ID3\x02\x00\x40\x00\x00\x02\x00" + v1,
        "ext_negative_plus_v1": b"ID3\x04\x00\x40\x00\x00\x00\x05" + b"\x00\x00\x00\x10" + b"\x00" * 20 + v1,
        "ext_bad_synchsafe_plus_v1": b"ID3\x04\x00\x40\x00\x00\x00\x05" + b"\x00\x00\x00\x80" + b"\x00" * 20 + v1,
        "hdr_bad_synchsafe_plus_v1": b"ID3\x04\x00\x00\x00\x00\x00\x85" + b"\x00" * 20 + v1,
        "v2_and_v1": tag(4, fr4(b"TIT2", b"\x03abc")) + b"\xaa" * 5 + v1,
        "trailing_v2_only": b"\xaa" * 10 + tag(4, fr4(b"TIT2", b"\x03abc")),
    }
    for name, data in cases.items():
        items = [("input", hx(data))]
        try:
            t = ID3(BytesIO(data), load_v1=True, translate=False)
        except Exception as e:
            items += err_items(e)
        else:
            items += [("version", "%d.%d.%d" % tuple(list(t.version) + [0])[:3]),
                      ("size", t.size), ("padding", t._padding)]
            fr, off = find_id3v1(BytesIO(data))
            items.append(("v1_offset", off))
        w.add(name, items)
    w.close()


# ------------------------------------------------------------------ ID3v1

def gen_v1():
    w = Writer("v1_find.txt")
    rng = random.Random(5)
    base = MakeID3v1({"TIT2": m.TIT2(text=["hello"]), "TPE1": m.TPE1(text=["art"])})
    fixed = [
        b"x" * 500 + base, base, base[3:], base[:-3], b"",
        b"x" * 500 + base + b"APETAGEX" + b"\x00" * 24,
        b"x" * 500 + b"APETAGEX" + b"\xd0\x07" + b"\x00" * 22 + base,
        b"x" * 500 + base[:-3], b"x" * 500 + b"LYRICS200" + base,
        b"x" * 500 + base[:-9] + b"LYRICS200", b"x" * 500 + b"APETAGEX" + base[8:],
        b"x" * 500 + b"TAG" + b"y" + b"TAG" + b"z" * 123,
        b"x" * 500 + base[:50] + b"APETAGEX" + base[58:],
        b"x" * 500 + b"APE" + b"TAGEX" + base[5:], b"x" * 500 + b"AP" + b"ETAGEX" + b"a" * 122,
        b"z" * 10 + b"APETAGxx" + b"a" * 123, b"z" * 10 + b"XXXTAGEX" + b"a" * 123,
        b"APETAG" + b"a" * 122, b"z" * 10 + b"APETAGEX" + b"a" * 50 + b"TAG" + b"a" * 70,
        b"TAG", b"xxTAG" + b"a" * 125,
    ]
    for k in range(1, 140, 3):
        fixed.append(b"x" * 400 + b"TAG" + b"y" * (k - 3) if k >= 3 else b"x" * 400 + b"TAG"[:k])
    for L in range(122, 131):
        for pre in (0, 2):
            fixed.append(b"x" * pre + b"TAG" + bytes(range(65, 65 + 60)) * 3)
            fixed[-1] = fixed[-1][:pre + L]
    alphabet = [0, 0, 0, 0x20, 0x09, 0x0b, 0x41, 0x61, 0xe9, 0xff, 0x31, 0x1f, 0xa0]
    for i in range(80):
        L = rng.choice([124, 125, 126, 127, 128, 128, 128])
        body = bytes(rng.choice(alphabet) for _ in range(L - 3))
        pre = bytes(rng.choice([0x78, 0x54, 0x41]) for _ in range(rng.randint(0, 8)))
        fixed.append(pre + b"TAG" + body)
    for i, data in enumerate(fixed):
        items = [("input", hx(data))]
        fr, off = find_id3v1(BytesIO(data), v2_version=3)
        items.append(("offset", off))
        if fr is not None:
            for key in ("TIT2", "TPE1", "TALB", "TYER", "COMM", "TRCK", "TCON"):
                items.append((key.lower(), sx(fr[key].text[0]) if key in fr else "-"))
            items.append(("order", ",".join(fr.keys())))
        w.add("f%d" % i, items)
    w.close()

    w = Writer("v1_make.txt")
    texts = ["", "a", "hello", "x" * 40, "\xe9" * 35, "\u0100bc\xe9", "\u65e5\u672c",
             "ab\x00cd", "  abcdefgh  ", " 7", "abcdefghijklmnopqrstuvwxyzABCDEFG"]
    years = ["", "2004", "12345", "12", "ab", "2010-10-10", "1\xe9", "1234\xe9", "\xe9\xe9x"]
    tracks = ["3/11", "0", "255", "256", "-1", " 7", "7a", "1000", "+5", "07", "", "#7", "1_0", "3/x"]
    genres = ["pop", "Pop", "(13)", "Rock", "Unknownxx", "255", "Blues", "Psybient", "12",
              "(12)Foo", "Hip-Hop", "hip-hop", "", "Darkwave"]
    for i in range(160):
        frames = {}
        vals = {}
        for key, cls in (("TIT2", m.TIT2), ("TPE1", m.TPE1), ("TALB", m.TALB)):
            if rng.random() < 0.6:
                t = rng.choice(texts)
                frames[key] = cls(encoding=3, text=[t])
                vals[key] = t
        yk = rng.choice([None, "TDRC", "TYER", "both"])
        if yk is not None:
            y = rng.choice(years)
            y2 = rng.choice(years)
            if yk in ("TDRC", "both"):
                frames["TDRC"] = m.TDRC(encoding=3, text=[y])
            if yk in ("TYER", "both"):
                frames["TYER"] = m.TYER(encoding=3, text=[y2])
            vals["year"] = str(frames["TDRC"]) if "TDRC" in frames else str(frames["TYER"])
        if rng.random() < 0.5:
            c = rng.choice(texts)
            frames["COMM"] = m.COMM(encoding=3, text=[c])
            vals["COMM"] = c
        if rng.random() < 0.6:
            tr = rng.choice(tracks)
            frames["TRCK"] = m.TRCK(encoding=3, text=[tr])
            try:
                vals["track"] = str(+frames["TRCK"])
            except ValueError:
                vals["track"] = None
        if rng.random() < 0.6:
            g = rng.choice(genres)
            frames["TCON"] = m.TCON(encoding=3, text=[g])
            gs = frames["TCON"].genres
            vals["genre"] = gs[0] if gs else None
        items = []
        for key in ("TIT2", "TPE1", "TALB", "year", "COMM"):
            items.append((key.lower(), sx(vals.get(key))))
        items.append(("track", vals.get("track") or "-"))
        items.append(("genre", sx(vals.get("genre"))))
        try:
            items.append(("output", hx(MakeID3v1(frames))))
        except UnicodeEncodeError as e:
            items.append(("output", "-"))
            items.append(("encode_error", "%d,%d" % (e.start, e.end)))
        w.add("m%d" % i, items)
    w.close()

    w = Writer("genres.txt")
    for i, g in enumerate(GENRES):
        w.add("g%d" % i, [("name", sx(g))])
    w.close()


# ---------------------------------------------------------------- writing

def make_random_frames(rng, n):
    out = []
    used = set()
    for i in range(n):
        kind = rng.choice(["text", "text", "txxx", "comm", "apic", "priv", "geob"])
        size = rng.choice([0, 1, 3, 10, 40])
        txt = "".join(rng.choice("ab\xe9") for _ in range(size))
        enc = rng.choice([0, 1, 3])
        if enc == 0:
            txt = txt.replace("\u20ac", "e")
        if kind == "text":
            fid = rng.choice(["TIT2", "TPE1", "TRCK", "TALB", "TPOS", "TCON", "TBPM", "TCOM",
                              "TENC", "TIT3", "TPE2", "TSOA", "TKEY"])
            f = Frames[fid](encoding=enc, text=[txt or "x"])
        elif kind == "txxx":
            f = m.TXXX(encoding=enc, desc=rng.choice("abcdef"), text=[txt])
        elif kind == "comm":
            f = m.COMM(encoding=enc, lang="eng", desc=rng.choice("abcdef"), text=[txt])
        elif kind == "apic":
            f = m.APIC(encoding=enc, mime="image/png", type=3, desc=rng.choice("abcdef"),
                       data=b"\x89PNG" * size)
        elif kind == "priv":
            f = m.PRIV(owner=rng.choice("abcdef"), data=b"\x01" * size)
        else:
            f = m.GEOB(encoding=enc, mime="x/y", filename="f", desc=rng.choice("abcdef"),
                       data=b"\x02" * size)
        if f.HashKey in used:
            continue
        used.add(f.HashKey)
        out.append(f)
    return out


def gen_write():
    w = Writer("write.txt")
    rng = random.Random(6)
    v1_existing = MakeID3v1({"TIT2": m.TIT2(text=["old"])})

    def old_tag(total, ver=4, flags=0, ext=b""):
        return b"ID3" + bytes([ver, 0, flags]) + ss(total - 10) + ext + b"\x00" * (total - 10 - len(ext))

    layouts = [
        ("empty", b""), ("audio", b"\xaa" * 50), ("audio_1000", b"\xaa" * 1000),
        ("tag_small", old_tag(20) + b"\xaa" * 30), ("tag_exact", old_tag(100) + b"\xaa" * 30),
        ("tag_big", old_tag(30000) + b"\xaa" * 10), ("tag_v23", old_tag(200, 3) + b"\xaa" * 10),
        ("tag_v22", old_tag(200, 2) + b"\xaa" * 10),
        ("tag_ext", old_tag(100, 4, 0x40, b"\x00\x00\x00\x06\x00\x00") + b"\xaa" * 10),
        ("tag_footer", old_tag(100, 4, 0x10) + b"3DI\x04\x00\x10" + ss(90) + b"\xaa" * 10),
        ("v1_only", b"\xaa" * 20 + v1_existing), ("tag_v1", old_tag(60) + b"\xaa" * 20 + v1_existing),
        ("short_v1", old_tag(20) + b"\xaa" * 10 + v1_existing[:-3]),
        ("trunc_tag", old_tag(100)[:50]), ("header_9", b"ID3\x04\x00\x00\x00\x00\x00"),
        ("bad_version", b"ID3\x05\x00\x00\x00\x00\x00\x05" + b"\x00" * 5 + b"\xaa"),
        ("bad_ext", old_tag(100, 4, 0x40, b"\x00\x00\x00\x01")),
        ("tag_then_v1_inside", b"ID3\x04\x00\x00" + ss(190) + b"\x00" * 62 + v1_existing),
    ]
    n = 0
    for lname, content in layouts:
        for trial in range(4):
            frames = make_random_frames(rng, rng.randint(0, 8))
            version = rng.choice([3, 4])
            pad = rng.choice([None, None, 0, 7, 100])
            v1 = rng.choice([0, 1, 1, 2])
            fn = tempfile.mktemp()
            with open(fn, "wb") as f:
                f.write(content)
            t = ID3()
            for fr in frames:
                t.add(fr)
            infos = []

            def padf(info):
                infos.append((info.padding, info.size))
                return info.get_default_padding() if pad is None else pad

            items = [("before", hx(content)), ("version", version),
                     ("padding", "-" if pad is None else pad), ("v1", v1)]
            config = m._util.ID3SaveConfig(version, "/")
            for fr in t.values():
                data = m._tags.save_frame(fr, config=config)
                if not data:
                    # mutagen leaves this frame out: not passed to the writer.
                    continue
                items.append(("frame", "%s %s %s" % (fr.FrameID, sx(fr.HashKey), hx(data[10:]))))
            try:
                items.append(("v1tag", hx(MakeID3v1(t))))
            except Exception:
                items.append(("v1tag", "-"))
            try:
                t.save(fn, v2_version=version, padding=padf, v1=v1)
            except Exception as e:
                items += err_items(e, fn)
            with open(fn, "rb") as f:
                items.append(("after", hx(f.read())))
            if infos:
                items.append(("info", "%d %d" % infos[0]))
            os.remove(fn)
            w.add("w%d_%s" % (n, lname), items)
            n += 1

    # Unknown frames written back when the version matches.
    T = b"\x00abc"
    for ver, data in ((4, tag(4, fr4(b"ZZZ1", T * 3, flags=0x4000) + fr4(b"TIT2", T) + fr4(b"ZZZ0", T) +
                             fr4(b"APIC", b"\x00\x00\x03\x00x"))),
                      (3, tag(3, fr3(b"ZZZZ", T, flags=0x4000) + fr3(b"TIT2", T)))):
        for save_ver in (3, 4):
            fn = tempfile.mktemp()
            with open(fn, "wb") as f:
                f.write(data)
            t = ID3(fn, translate=False)
            items = [("before", hx(data)), ("version", save_ver), ("padding", 0), ("v1", 1)]
            config = m._util.ID3SaveConfig(save_ver, "/")
            for fr in t.values():
                d = m._tags.save_frame(fr, config=config)
                if not d:
                    continue
                items.append(("frame", "%s %s %s" % (fr.FrameID, sx(fr.HashKey), hx(d[10:]))))
            for u in t.unknown_frames:
                items.append(("unknown", hx(u)))
            items.append(("same_version", int(save_ver == t.version[1])))
            items.append(("v1tag", hx(MakeID3v1(t))))
            t.save(fn, v2_version=save_ver, padding=lambda i: 0)
            with open(fn, "rb") as f:
                items.append(("after", hx(f.read())))
            os.remove(fn)
            w.add("unknown_v%d_to_v%d" % (ver, save_ver), items)
    w.close()


def gen_delete():
    w = Writer("delete.txt")
    v1 = MakeID3v1({"TIT2": m.TIT2(text=["v1"])})

    def tagbytes(total, flags=0, ver=4):
        return b"ID3" + bytes([ver, 0, flags]) + ss(total - 10) + b"\x00" * (total - 10)

    layouts = {
        "v2_v1": tagbytes(100) + b"\xaa" * 10 + v1,
        "short_v1": b"\xaa" * 10 + v1[:-3],
        "v2_trunc": tagbytes(100)[:50],
        "v2_bad_flags": b"ID3\x04\x00\x0f\x00\x00\x00\x05" + b"\x00" * 5 + b"\xaa",
        "v25": b"ID3\x05\x00\x00\x00\x00\x00\x05" + b"\x00" * 5 + b"\xaa",
        "v22": tagbytes(20, ver=2) + b"\xaa",
        "none": b"\xaa" * 10, "empty": b"",
        "ext_bad": b"ID3\x04\x00\x40\x00\x00\x00\x05" + b"\x00" * 5 + b"\xaa",
        "footer": tagbytes(100, 0x10) + b"3DI\x04\x00\x10" + ss(90) + b"\xaa",
        "v2_is_v1": tagbytes(20) + v1,
        "overlap": tagbytes(130)[:2] + v1,
        "nonsyncsafe": b"ID3\x04\x00\x00\x00\x00\x00\x85" + b"\x00" * 5 + b"\xaa" * 10,
        "lowercase": b"id3\x04\x00\x00\x00\x00\x00\x05" + b"\x00" * 5 + b"\xaa",
        "header_9": b"ID3\x04\x00\x00\x00\x00\x00", "header_10": b"ID3\x04\x00\x00\x00\x00\x00\x00",
        "ff_bytes": b"ID3\xff\xff\xff\x00\x00\x00\x01\xaa\xbb",
        "ape_v1": tagbytes(20) + b"\xaa" * 10 + b"APETAGEX" + b"\x00" * 24 + v1,
    }
    for name, content in layouts.items():
        for dv1, dv2 in ((True, True), (True, False), (False, True)):
            fn = tempfile.mktemp()
            with open(fn, "wb") as f:
                f.write(content)
            items = [("before", hx(content)), ("delete_v1", int(dv1)), ("delete_v2", int(dv2))]
            try:
                m.delete(fn, delete_v1=dv1, delete_v2=dv2)
            except Exception as e:
                items += err_items(e, fn)
            with open(fn, "rb") as f:
                items.append(("after", hx(f.read())))
            os.remove(fn)
            w.add("%s_%d%d" % (name, dv1, dv2), items)
    w.close()


def main():
    os.makedirs(OUT, exist_ok=True)
    gen_headers()
    gen_unsync()
    gen_bpi()
    gen_read()
    gen_load()
    gen_v1()
    gen_write()
    gen_delete()
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print("fixtures written to %s (%d bytes)" % (os.path.normpath(OUT), total), file=sys.stderr)


if __name__ == "__main__":
    main()
