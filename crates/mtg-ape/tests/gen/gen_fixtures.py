#!/usr/bin/env python3
"""Generate the mutagen reference fixtures of mtg-ape's tests.

Needs a virtualenv with mutagen 1.48.1 installed:

    python3 -m venv /tmp/venv-ape
    /tmp/venv-ape/bin/pip install mutagen==1.48.1
    /tmp/venv-ape/bin/python crates/mtg-ape/tests/gen/gen_fixtures.py

mutagen is used as a black box: the inputs are built here byte by byte
(APEv2 header/footer blocks and items as the format describes them, placed
at the end of a file, before ID3v1 / Lyrics3v2, at the start, damaged in
many ways), plus the project's own sample files (test_files/, referenced by
path, not copied). Each input goes to mutagen's public API and what it
returns, raises or writes is recorded in tests/data/cases.txt:

  case    NAME  hex:INPUT | file:PATH-FROM-REPO-ROOT
  load    OK    ITEMS
  load    ERR   CLASS  MESSAGE  ITEMS   (ITEMS: what a failed load into an
                                         APEv2 holding {"Pre": "x"} leaves)
  save    OK    PREFIX  SUFFIX  MIDDLE  (output = input[:PREFIX] + MIDDLE +
                                         input[len - SUFFIX:])
  save    ERR   CLASS  MESSAGE
  delete  ... as save

Fields are tab-separated; MESSAGE and MIDDLE are hex; ITEMS is a
comma-separated list of KEYHEX:KIND:VALUEHEX (text as UTF-8). "save" sets
Zz="1", Ab=b"\\x00\\x01" and Ext=external "u" on a new APEv2 object and saves
it into the file; "delete" is APEv2().delete(file).
"""

import os
import random
import shutil
import struct
import sys
import tempfile

import mutagen
import mutagen.apev2 as M

assert mutagen.version == (1, 48, 1), mutagen.version

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
OUT = os.path.join(HERE, "..", "data", "cases.txt")

TAG_FLAGS = 0xA0000000
FOOTER_FLAGS = 0x80000000
ID3V1 = b"TAG" + b"Title".ljust(30, b"\0") + b"\0" * 95


def item(key, value, flags=0):
    return struct.pack("<II", len(value), flags) + key + b"\0" + value


def block(size, count, flags, version=2000):
    return b"APETAGEX" + struct.pack("<IIII", version, size, count, flags) \
        + b"\0" * 8


def tag(items, count=None, size=None, header=True, footer=True,
        hflags=None, fflags=None, version=2000):
    body = b"".join(items)
    count = len(items) if count is None else count
    size = len(body) + 32 if size is None else size
    if hflags is None:
        hflags = TAG_FLAGS | (0 if footer else 0x40000000)
    if fflags is None:
        fflags = FOOTER_FLAGS if header else 0
    out = block(size, count, hflags, version) if header else b""
    out += body
    if footer:
        out += block(size, count, fflags, version)
    return out


def lyrics(size_field=None, body=b"LYRICSBEGININD0000200EAL00005hello"):
    field = b"%06d" % len(body) if size_field is None else size_field
    return body + field + b"LYRICS200"


AUDIO = bytes(range(200))
BASE = [item(b"Title", b"A song"), item(b"Artist", b"A\0B"),
        item(b"Cover Art (Front)", b"\x89PNG\0\xff", 2),
        item(b"Link", b"http://example.com/", 4)]


def crafted():
    """(name, bytes) of hand-made inputs, one behaviour each."""

    c = []
    t = tag(BASE)
    c += [
        ("plain", AUDIO + t),
        ("footer_only", AUDIO + tag(BASE, header=False)),
        ("before_id3v1", AUDIO + t + ID3V1),
        ("lyrics_id3v1", AUDIO + t + lyrics() + ID3V1),
        ("lyrics_no_id3v1", AUDIO + t + lyrics()),
        ("lyrics_spaces", AUDIO + t + lyrics(b"  +34 ") + ID3V1),
        ("lyrics_underscore", AUDIO + t + lyrics(b"0_0034") + ID3V1),
        ("lyrics_wrong_size", AUDIO + t + lyrics(b"000035") + ID3V1),
        ("lyrics_not_digits", AUDIO + t + lyrics(b"00x034") + ID3V1),
        ("lyrics_huge", AUDIO + t + lyrics(b"999999") + ID3V1),
        ("lyrics_negative", AUDIO + t + lyrics(b"-00040") + ID3V1),
        ("two_id3v1", AUDIO + t + ID3V1 + ID3V1),
        ("junk_after", AUDIO + t + b"x"),
        ("at_start", tag(BASE, footer=False) + AUDIO),
        ("at_start_with_footer", t + AUDIO),
        ("at_start_then_id3v1", tag(BASE, footer=False) + AUDIO + ID3V1),
        ("at_start_and_end", t + AUDIO + tag([item(b"Other", b"1")])),
        ("at_start_empty_footer", tag([]) + AUDIO),
        ("at_start_empty", tag([], footer=False) + AUDIO),
        ("at_start_size_0", tag(BASE, footer=False, size=0) + AUDIO),
        ("at_start_size_1", tag(BASE, footer=False, size=1) + AUDIO),
        ("at_start_size_40", tag(BASE, footer=False, size=40) + AUDIO),
        ("at_start_huge", tag(BASE, footer=False, size=100000) + AUDIO),
        ("footer_at_start_only", tag(BASE, header=False) + AUDIO),
        ("version_1000", AUDIO + tag(BASE, version=1000, header=False)),
        ("version_3000", AUDIO + tag(BASE, version=3000)),
        ("count_0", AUDIO + tag(BASE, count=0)),
        ("count_high", AUDIO + tag(BASE, count=100)),
        ("count_max", AUDIO + tag(BASE, count=0xFFFFFFFF)),
        ("count_low", AUDIO + tag(BASE, count=2)),
        ("size_0", AUDIO + t[:-32] + block(0, 4, FOOTER_FLAGS)),
        ("size_31", AUDIO + tag(BASE, size=31, header=False)),
        ("size_32", AUDIO + tag(BASE, size=32)),
        ("size_33", AUDIO + tag(BASE, size=33, header=False)),
        ("size_huge", AUDIO + tag(BASE, size=1000000)),
        ("header_flag_no_header", AUDIO + tag(BASE, header=False,
                                              fflags=FOOTER_FLAGS)),
        ("header_before_start", tag(BASE, header=False, fflags=FOOTER_FLAGS)),
        ("no_header_flag", AUDIO + tag(BASE, fflags=0)),
        ("empty_tag", AUDIO + tag([])),
        ("empty_footer_only", AUDIO + tag([], header=False)),
        ("file_is_footer", block(40, 1, 0)),
        ("short_file", b"APETAGEX"),
        ("short_header", b"APETAGEX\xd0\x07\0\0\x20\0\0\0"),
        ("empty_file", b""),
        ("no_tag", AUDIO),
        ("no_tag_id3v1", AUDIO + ID3V1),
        ("garbage_block", AUDIO + b"APETAGEX" + b"0" * 16 + t),
        ("garbage_blocks", AUDIO + (b"APETAGEX" + b"1" * 16) * 2 + t),
        ("garbage_block_8", AUDIO + b"APETAGEX" + t),
        ("garbage_at_file_start", b"APETAGEX" + b"0" * 16 + t),
        ("dup_keys", AUDIO + tag([item(b"Title", b"a"), item(b"Other", b"b"),
                                  item(b"TITLE", b"c")])),
        ("read_only_flag", AUDIO + tag([item(b"Title", b"a", 1)])),
        ("high_flags", AUDIO + tag([item(b"Title", b"a", 0xFFFF0000)])),
        ("kind_3", AUDIO + tag([item(b"Title", b"a"), item(b"Bad", b"a", 6)])),
        ("key_short", AUDIO + tag([item(b"T", b"a")])),
        ("key_empty", AUDIO + tag([item(b"", b"a")])),
        ("key_forbidden", AUDIO + tag([item(b"ID3", b"a")])),
        ("key_lowercase_forbidden", AUDIO + tag([item(b"oggs", b"a")])),
        ("key_control", AUDIO + tag([item(b"a\x7f", b"a")])),
        ("key_quote", AUDIO + tag([item(b"a'\x01", b"a")])),
        ("key_not_ascii", AUDIO + tag([item(b"T\xffx", b"a")])),
        ("key_255", AUDIO + tag([item(b"k" * 255, b"a")])),
        ("key_256", AUDIO + tag([item(b"k" * 256, b"a")])),
        ("key_unterminated", AUDIO + tag([struct.pack("<II", 1, 0) + b"Titl"])),
        ("value_short", AUDIO + tag([struct.pack("<II", 100, 0) + b"Title\0abc"])),
        ("value_size_max", AUDIO + tag([struct.pack("<II", 0xFFFFFFFF, 0)
                                        + b"Title\0abc"])),
        ("text_bad_utf8", AUDIO + tag([item(b"Good", b"g"), item(b"Title", b"a\xff")])),
        ("text_surrogate", AUDIO + tag([item(b"Title", b"\xed\xa0\x80")])),
        ("text_cut_utf8", AUDIO + tag([item(b"Title", b"ab\xe2\x82")])),
        ("external_bad_utf8", AUDIO + tag([item(b"Link", b"\xc0\xaf", 4)])),
        ("binary_any", AUDIO + tag([item(b"Bin", bytes(range(256)), 2)])),
        ("item_header_cut", AUDIO + tag([item(b"Title", b"a"), b"\0" * 5])),
        ("item_header_only", AUDIO + tag([item(b"Title", b"a"), b"\0" * 8])),
        ("ape_tail_in_id3v1", AUDIO + t + item(b"Zz", b"q")
         + b"TAG" + b"\0" * 93 + block(32 + 11, 1, 0)),
    ]
    return c


def random_inputs(n, seed):
    """Random but plausible inputs: valid and damaged tags, placements."""

    rng = random.Random(seed)
    keys = [b"Title", b"ARTIST", b"artist", b"Ab", b"Year", b"Comment",
            b"Cover Art (Front)", b"T", b"ID3", b"a\x7f", b"T\xffx"]
    values = [b"", b"abc", b"a\0b", b"\xc3\xa9t\xc3\xa9", b"\xff\xfe",
              b"x" * 300, bytes(range(256))]
    out = []
    for i in range(n):
        items = []
        for _ in range(rng.randrange(0, 6)):
            good = rng.random() < 0.8
            key = rng.choice(keys[:7] if good else keys)
            value = rng.choice(values[:4] if good else values)
            kind = rng.choice([0, 0, 1, 2] if good else [0, 1, 2, 3])
            flags = (kind << 1) | rng.choice([0, 0, 1])
            if kind == 1:
                value = rng.choice(values)
            items.append(item(key, value, flags))
        body = b"".join(items)
        size, count = len(body) + 32, len(items)
        if rng.random() < 0.15:
            size = rng.choice([0, 31, 32, size - 1, size + 1, size + 24,
                               rng.getrandbits(32)])
        if rng.random() < 0.15:
            count = rng.choice([0, count + 1, rng.getrandbits(32)])
        has_header = rng.random() < 0.75
        hflags = rng.choice([TAG_FLAGS, 0xE0000000, 0])
        fflags = rng.choice([FOOTER_FLAGS, 0]) if has_header else \
            rng.choice([0, FOOTER_FLAGS])
        t = (block(size, count, hflags) if has_header else b"") + body \
            + block(size, count, fflags)
        audio = bytes(rng.getrandbits(8) for _ in range(
            rng.choice([0, 10, 40, 130, 300])))
        tail = b""
        if rng.random() < 0.3:
            tail = (lyrics() if rng.random() < 0.3 else b"") + ID3V1
        if rng.random() < 0.8:
            data = audio + t + tail
        else:
            data = t + audio + tail
        if rng.random() < 0.15 and data:
            b = bytearray(data)
            for _ in range(rng.randrange(1, 4)):
                b[rng.randrange(len(b))] = rng.getrandbits(8)
            data = bytes(b)
        out.append(("random_%03d" % i, data))
    return out


SAMPLES = ["test_files/mp3_apev2.mp3", "test_files/wavpack.wv",
           "test_files/musepack.mpc"]


def items_field(tag_items):
    return ",".join("%s:%d:%s" % (k.encode("ascii").hex(), v.kind,
                                  (bytes(v) if v.kind == 1
                                   else v.value.encode("utf-8")).hex())
                    for k, v in tag_items)


def err_fields(e):
    return [type(e).__name__, str(e).encode("utf-8").hex()]


def file_result(data, path, action):
    with open(path, "wb") as h:
        h.write(data)
    try:
        action(path)
    except Exception as e:
        return ["ERR"] + err_fields(e)
    with open(path, "rb") as h:
        out = h.read()
    prefix = 0
    limit = min(len(out), len(data))
    while prefix < limit and out[prefix] == data[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(out), len(data)) - prefix and \
            out[-1 - suffix] == data[-1 - suffix]:
        suffix += 1
    return ["OK", str(prefix), str(suffix),
            out[prefix:len(out) - suffix].hex()]


def save_action(path):
    t = M.APEv2()
    t["Zz"] = "1"
    t["Ab"] = b"\x00\x01"
    t["Ext"] = M.APEValue("u", M.EXTERNAL)
    t.save(path)


def delete_action(path):
    M.APEv2().delete(path)


def main():
    cases = crafted() + random_inputs(120, 1)
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "f.bin")
    lines = []
    try:
        inputs = [(os.path.basename(s).replace(".", "_"), "file:" + s,
                   open(os.path.join(ROOT, s), "rb").read()) for s in SAMPLES]
        inputs += [(n, "hex:" + d.hex(), d) for n, d in cases]
        for name, spec, data in inputs:
            lines.append("\t".join(["case", name, spec]))
            with open(path, "wb") as h:
                h.write(data)
            try:
                t = M.APEv2(path)
                lines.append("\t".join(["load", "OK", items_field(t.items())]))
            except Exception as e:
                t = M.APEv2()
                t["Pre"] = "x"
                try:
                    t.load(path)
                except Exception:
                    pass
                lines.append("\t".join(["load", "ERR"] + err_fields(e)
                                       + [items_field(t.items())]))
            lines.append("\t".join(
                ["save"] + file_result(data, path, save_action)))
            lines.append("\t".join(
                ["delete"] + file_result(data, path, delete_action)))
    finally:
        shutil.rmtree(tmp)
    with open(OUT, "w") as h:
        h.write("\n".join(lines) + "\n")
    print("wrote %d cases to %s" % (len(inputs), os.path.normpath(OUT)))


if __name__ == "__main__":
    sys.exit(main())
