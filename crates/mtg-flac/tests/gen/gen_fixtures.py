#!/usr/bin/env python3
"""Generate the mutagen reference fixtures of mtg-flac's tests.

Needs a virtualenv with mutagen 1.48.1 installed (and nothing else):

    python3 -m venv /tmp/venv-flac
    /tmp/venv-flac/bin/pip install mutagen==1.48.1
    /tmp/venv-flac/bin/python crates/mtg-flac/tests/gen/gen_fixtures.py

mutagen is used as a black box only: inputs are crafted here byte by byte
(FLAC blocks per RFC 9639), handed to mutagen's public classes, and what
mutagen returns, raises or writes is recorded. The only real audio is
tests/data/tone.flac (0.1 s of two sine tones, made once with the reference
`flac` encoder; re-made with `flac` when missing).

Output, all under tests/data/:
  vorbis.txt  Vorbis comment parse/write cases
  blocks.txt  metadata block parse/write cases
  files.txt   FLAC file load cases, save cases, and their input/output files
  in/*.flac   crafted input files
  out/*.bin   files saved by mutagen, minus the tail they share with their
              input (the audio; its length is recorded in files.txt)

Text format: one case per line, tab-separated fields; strings escaped with
esc() below (printable ASCII kept, any other byte as %XX of its UTF-8).
"""

import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import wave

import mutagen
from mutagen._vorbis import VComment
from mutagen.flac import (FLAC, CueSheet, MetadataBlock, Padding, Picture,
                          SeekTable, StreamInfo, VCFLACDict)

assert mutagen.version_string == "1.48.1", mutagen.version_string

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "data"))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))


def esc(value):
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogatepass")
    return "".join(
        chr(c) if 0x21 <= c <= 0x7E and chr(c) not in "%;=,|[]" else "%%%02X" % c
        for c in value)


def exc_name(e):
    t = type(e)
    if t.__module__ == "builtins":
        return t.__qualname__
    return "%s.%s" % (t.__module__, t.__qualname__)


def err(e, path=None):
    msg = str(e)
    if path is not None:
        msg = msg.replace(repr(path), "'<file>'")
    return "err\t%s\t%s" % (exc_name(e), esc(msg))


def fbits(x):
    return struct.pack(">d", float(x)).hex()


# ---------------------------------------------------------------- dumps

def dump_vc(c):
    return "vc %s %s" % (esc(c.vendor), ";".join(
        "%s=%s" % (esc(k), esc(v)) for k, v in c))


def dump_si(s):
    return "si %d %d %d %d %d %d %d %d %032x %s" % (
        s.min_blocksize, s.max_blocksize, s.min_framesize, s.max_framesize,
        s.sample_rate, s.channels, s.bits_per_sample, s.total_samples,
        s.md5_signature, fbits(s.length))


def dump_block(b):
    if isinstance(b, StreamInfo):
        return dump_si(b)
    if isinstance(b, Padding):
        return "pad %d" % b.length
    if isinstance(b, SeekTable):
        return "st " + ";".join("%d,%d,%d" % tuple(p) for p in b.seekpoints)
    if isinstance(b, VCFLACDict):
        return dump_vc(b)
    if isinstance(b, CueSheet):
        tracks = ";".join(
            "%d,%d,%s,%d,%d,[%s]" % (
                t.track_number, t.start_offset, esc(t.isrc), t.type,
                int(bool(t.pre_emphasis)),
                ",".join("%d:%d" % (i.index_number, i.index_offset)
                         for i in t.indexes))
            for t in b.tracks)
        return "cue %s %d %d %s" % (esc(b.media_catalog_number),
                                    b.lead_in_samples,
                                    int(bool(b.compact_disc)), tracks)
    if isinstance(b, Picture):
        return "pic %d %s %s %d %d %d %d %s" % (
            b.type, esc(b.mime), esc(b.desc), b.width, b.height, b.depth,
            b.colors, b.data.hex())
    return "raw %d %s" % (b.code, bytes(b.data).hex())


def dump_file(f):
    blocks = "|".join(dump_block(b) for b in f.metadata_blocks)
    tags = f.metadata_blocks.index(f.tags) if f.tags is not None else -1
    return "ok\t%d\t%d\t%s\t%s" % (f.info.bitrate, tags,
                                   fbits(f.info.length), blocks)


# ---------------------------------------------------------------- builders

def u32le(n):
    return struct.pack("<I", n)


def vcdata(vendor=b"reference libFLAC 1.4.2 20221022", comments=(),
           count=None):
    d = u32le(len(vendor)) + vendor
    d += u32le(len(comments) if count is None else count)
    for c in comments:
        d += u32le(len(c)) + c
    return d


def blk(code, data, last=False, size=None):
    if size is None:
        size = len(data)
    return bytes([code | (0x80 if last else 0)]) + size.to_bytes(3, "big") + data


def si(minb=4096, maxb=4096, minf=14, maxf=3000, sr=44100, ch=2, bps=16,
       tot=4410, md5=bytes(range(16)), extra=b""):
    v = (sr << 44) | ((ch - 1) << 41) | ((bps - 1) << 36) | tot
    return (struct.pack(">HH", minb, maxb) + minf.to_bytes(3, "big")
            + maxf.to_bytes(3, "big") + v.to_bytes(8, "big") + md5 + extra)


def pic(ptype=3, mime=b"image/png", desc=b"cover", w=16, h=8, depth=24,
        colors=0, data=b"\x89PNG\r\n\x1a\n" + bytes(range(40)), dlen=None):
    return (struct.pack(">I", ptype) + struct.pack(">I", len(mime)) + mime
            + struct.pack(">I", len(desc)) + desc
            + struct.pack(">IIIII", w, h, depth, colors,
                          len(data) if dlen is None else dlen) + data)


def seekpoints(*pts):
    return b"".join(struct.pack(">QQH", *p) for p in pts)


def cue_index(off, num, res=b"\0\0\0"):
    return struct.pack(">QB", off, num) + res


def cue_track(off, num, isrc=b"", flags=0, res=b"\0" * 13, idxs=()):
    return (struct.pack(">QB", off, num) + isrc.ljust(12, b"\0")
            + bytes([flags]) + res + bytes([len(idxs)]) + b"".join(idxs))


def cue(mcn=b"", leadin=88200, flags=0x80, res=b"\0" * 258, tracks=(),
        ntracks=None):
    return (mcn.ljust(128, b"\0") + struct.pack(">Q", leadin) + bytes([flags])
            + res + bytes([len(tracks) if ntracks is None else ntracks])
            + b"".join(tracks))


CUE = cue(b"1234567890123", tracks=[
    cue_track(0, 1, b"123456789012", 0, idxs=[cue_index(0, 1)]),
    cue_track(44100, 2, b"", 0xC0, idxs=[cue_index(0, 1), cue_index(588, 2)]),
    cue_track(162496, 170)])

AUDIO = b"\xff\xf8\x69\x08\x00\x16\x4c" + bytes((i * 37 + 11) % 256 for i in range(300))
SI = blk(0, si())
ST = blk(3, seekpoints((0, 0, 4096), (2 ** 64 - 1, 0, 0)))
VC = blk(4, vcdata(comments=[b"TITLE=Silence", b"ARTIST=piman", b"artist=mu",
                             b"ALBUM=\xc3\xa9t\xc3\xa9"]))
PAD = blk(1, b"\0" * 100, last=True)


def flac(*blocks, audio=AUDIO, pre=b""):
    return pre + b"fLaC" + b"".join(blocks) + audio


def id3v2(text=b"id3 title"):
    frame = b"TIT2" + struct.pack(">I", len(text) + 1) + b"\0\0" + b"\0" + text
    n = len(frame) + 20  # with padding
    size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
    return b"ID3\x04\x00\x00" + size + frame + b"\0" * 20


ID3V1 = b"TAG" + b"v1 title".ljust(30, b"\0") + b"\0" * 95


# ---------------------------------------------------------------- vorbis

def vorbis_cases(out):
    def vc(vendor, comments, count=None, framing=b"\x01"):
        return vcdata(vendor, comments, count) + framing

    parse_inputs = [
        ("basic", vc(b"Mutagen", [b"artist=piman", b"ARTIST=mu", b"title=more fakes"])),
        ("empty", vc(b"", [])),
        ("nokey", vc(b"Mutagen", [b"abc"])),
        ("nokey2", vc(b"Mutagen", [b"abc", b"x=1", b"def"])),
        ("badkey_utf8", vc(b"Mutagen", [b"\xc2\xaa=c"])),
        ("badkey_mixed", vc(b"Mutagen", [b"a\xc2\xaa=c"])),
        ("badkey_tilde", vc(b"Mutagen", [b"a~b=c", b"\xc2\xaa~=c"])),
        ("badkey_invalid", vc(b"Mutagen", [b"\xff\xfe=c", b"a\xff=d"])),
        ("emptykey", vc(b"Mutagen", [b"=c"])),
        ("ctrlkey", vc(b"Mutagen", [b"a\x19=c", b"a\x00=b\x00c", b"\x7f=w"])),
        ("edgekeys", vc(b"M", [b"~=b", b" =x", b"}=y", b"a}=c", b"A {|}=d", b"!{}[]-_()*&=e"])),
        ("badval", vc(b"Mutagen", [b"a=\xff\xfeok"])),
        ("badval_surrogate", vc(b"M", [b"a=\xed\xa0\x80"])),
        ("badval_trunc", vc(b"M", [b"a=\xf0\x9f\x98", b"b=\xe2\x82\xe2\x82\xac"])),
        ("badvendor", vc(b"Mut\xffagen", [b"a=b"])),
        ("badvendor_then_short", b"\x01\x00\x00\x00\xff"),
        ("eqval", vc(b"Mutagen", [b"a=b=c", b"A="])),
        ("empty_comment", vc(b"M", [b""])),
        ("lone_invalid", vc(b"M", [b"\xff"])),
        ("lone_utf8", vc(b"M", [b"\xc2\xaa"])),
        ("noframe", vc(b"Mutagen", [b"a=b"], framing=b"")),
        ("frame0", vc(b"Mutagen", [b"a=b"], framing=b"\x00")),
        ("frame2", vc(b"Mutagen", [b"a=b"], framing=b"\x02")),
        ("frame3", vc(b"Mutagen", [b"a=b"], framing=b"\x03junk")),
        ("bigcount", vc(b"Mutagen", [b"a=b"], count=4000000000)),
        ("count2", vc(b"Mutagen", [], count=2)),
        ("shortvendor", b"\x10\x00\x00\x00abc"),
        ("nothing", b""),
        ("short3", b"\x00\x00\x00"),
        ("onlyvendor", b"\x00\x00\x00\x00"),
        ("shortcomment", vc(b"M", [b"a=b"])[:-3]),
        ("longcomment", vcdata(b"M", [], 1) + b"\xff\xff\xff\x00a=bc"),
        ("utf8", vc("vé".encode(), ["a=ü€𝄞".encode(), "KEY=日本".encode()])),
    ]
    for name, data in parse_inputs:
        for framing in (True, False):
            for mode in ("strict", "replace", "ignore"):
                try:
                    c = VComment(data, errors=mode, framing=framing)
                    res = "ok\t%d\t%s" % (c._size, dump_vc(c))
                except Exception as e:
                    res = err(e)
                out.append("P\t%s\t%s\t%d\t%s\t%s" % (name, data.hex(), int(framing), mode, res))
        # how a FLAC-dict parses the same bytes
        try:
            c = VCFLACDict(data)
            res = "ok\t%d\t%s" % (c._size, dump_vc(c))
        except Exception as e:
            res = err(e)
        out.append("D\t%s\t%s\t%s" % (name, data.hex(), res))

    write_inputs = [
        ("basic", None, [("a", "b"), ("TITLE", "x=y")]),
        ("vendor", "Not Mutagen", [("artist", "piman"), ("artist", "mu")]),
        ("emptyvendor", "", []),
        ("unicode", "vé", [("a", "ü€𝄞"), ("Key With Space", "")]),
        ("edgekey", None, [("}", "1"), (" ", "2"), ("!{}[]-_()*&", "3")]),
        ("badkey_tilde", None, [("a~", "b")]),
        ("badkey_empty", None, [("", "b")]),
        ("badkey_eq", None, [("a=b", "c")]),
        ("badkey_unicode", None, [("é", "b")]),
        ("badkey_ctrl", None, [("ok", "1"), ("a\x19", "b")]),
    ]
    for name, vendor, items in write_inputs:
        for framing in (True, False):
            c = VComment()
            if vendor is not None:
                c.vendor = vendor
            c.extend(items)
            try:
                res = "ok\t" + c.write(framing=framing).hex()
            except Exception as e:
                res = err(e)
            vend = "-" if vendor is None else esc(vendor)
            out.append("W\t%s\t%s\t%s\t%d\t%s" % (
                name, vend, ";".join("%s=%s" % (esc(k), esc(v)) for k, v in items),
                int(framing), res))


# ---------------------------------------------------------------- blocks

def block_cases(out):
    classes = {0: StreamInfo, 1: Padding, 3: SeekTable, 4: VCFLACDict,
               5: CueSheet, 6: Picture}
    full_cue = cue(b"12\x0034", flags=0xFF, res=b"\x01" * 258, tracks=[
        cue_track(5, 1, b"AB\0CD", 0xFF, res=b"\x02" * 13,
                  idxs=[cue_index(1, 1, b"\x03\x03\x03")])])
    cases = [
        ("si", 0, si()),
        ("si_max", 0, si(minb=65535, maxb=65535, minf=2 ** 24 - 1, maxf=2 ** 24 - 1,
                         sr=2 ** 20 - 1, ch=8, bps=32, tot=2 ** 36 - 1,
                         md5=b"\xff" * 16)),
        ("si_min", 0, si(minb=0, maxb=0, minf=0, maxf=0, sr=1, ch=1, bps=1, tot=0,
                         md5=b"\0" * 16)),
        ("si_len3", 0, si(tot=44100 * 3 + 1)),
        ("si_48k", 0, si(sr=48000, tot=1)),
        ("si_extra", 0, si(extra=b"abc")),
        ("si_sr0", 0, si(sr=0)),
        ("si_zeros", 0, b"\0" * 34),
        ("si_sr0_short", 0, b"\x10\x00" * 2 + b"\0" * 14),
        ("si_mutagen", 0, bytes.fromhex("120012000000 0e00 35ea 0ac448f000ca30 14 2890f9e129321301d4a7a9112138ab91".replace(" ", ""))),
    ]
    for n in [0, 1, 2, 3, 4, 5, 7, 8, 10, 11, 12, 13, 17, 18, 19, 33]:
        cases.append(("si_short%d" % n, 0, si()[:n]))
    cases += [
        ("pad", 1, b"\0" * 10),
        ("pad_nonzero", 1, b"abc"),
        ("pad_empty", 1, b""),
        ("st", 3, seekpoints((0, 0, 4608), (41472, 11852, 4608), (2 ** 64 - 1, 0, 0))),
        ("st_partial", 3, seekpoints((1, 2, 3)) + b"abc"),
        ("st_empty", 3, b""),
        ("vc", 4, vcdata(comments=[b"a=b", b"C=d"])),
        ("vc_framed", 4, vcdata(comments=[b"a=b"]) + b"\x00"),
        ("vc_trunc", 4, vcdata(comments=[b"a=b"], count=2)),
        ("vc_lastshort", 4, vcdata(comments=[]) [:-4] + u32le(1) + u32le(10) + b"c=d"),
        ("cue", 5, CUE),
        ("cue_reserved", 5, full_cue),
        ("cue_extra", 5, CUE + b"junk"),
        ("cue_short", 5, CUE[:-5]),
        ("cue_shorthdr", 5, CUE[:100]),
        ("cue_ntracks", 5, cue(ntracks=200)),
        ("cue_empty", 5, b""),
        ("cue_shortidx", 5, cue(tracks=[cue_track(0, 1, idxs=[cue_index(0, 1)])])[:-4]),
        ("pic", 6, pic()),
        ("pic_extra", 6, pic() + b"extra"),
        ("pic_utf8", 6, pic(mime="imé".encode(), desc="dé".encode())),
        ("pic_badutf", 6, pic(mime=b"im\xffage", desc=b"\xff\xfe")),
        ("pic_max", 6, pic(ptype=2 ** 32 - 1, w=2 ** 32 - 1, h=0, depth=32, colors=256, data=b"")),
    ]
    for n in [0, 3, 4, 7, 8, 9, 17, 18, 20, 21, 22, 25, 40, 41, 42, 45, 55]:
        cases.append(("pic_short%d" % n, 6, pic()[:n]))
    cases += [
        ("app", 2, b"riffapplication data"),
        ("unknown", 99, b"test block data"),
        ("unknown_empty", 126, b""),
    ]
    for name, code, data in cases:
        cls = classes.get(code)
        try:
            if cls is None:
                b = MetadataBlock(data)
                b.code = code
            else:
                b = cls(data)
            written = bytes(b.write())
            res = "ok\t%s\t%s" % (dump_block(b), written.hex())
        except Exception as e:
            res = err(e)
        out.append("B\t%s\t%d\t%s\t%s" % (name, code, data.hex(), res))

    # Writing values set from Python (masking, defaults).
    def w(name, block):
        try:
            res = "ok\t" + bytes(block.write()).hex()
        except Exception as e:
            res = err(e)
        out.append("V\t%s\t%s" % (name, res))

    s = StreamInfo(si())
    s.total_samples = 2 ** 36 + 5
    s.sample_rate = 2 ** 20 + 7
    s.channels = 9
    s.bits_per_sample = 33
    s.min_blocksize = 70000
    s.min_framesize = 2 ** 24 + 1
    s.md5_signature = 2 ** 128 + 5
    w("si_masked", s)
    s = StreamInfo(si())
    s.channels = 0
    s.bits_per_sample = 0
    w("si_zero_ch", s)
    w("pic_default", Picture())
    p = Picture()
    p.type, p.mime, p.desc, p.width, p.height, p.depth, p.colors = 3, "image/jpeg", "é", 7, 5, 24, 0
    p.data = b"xyz"
    w("pic_set", p)
    c = CueSheet(CUE)
    c.media_catalog_number = b"x" * 130
    c.tracks[0].isrc = b"y" * 14
    c.tracks[0].type = 3
    c.tracks[1].type = 2
    c.tracks[1].pre_emphasis = True
    c.compact_disc = False
    w("cue_set", c)
    c = CueSheet(CUE)
    c.tracks = c.tracks * 86
    w("cue_many", c)
    pd = Padding()
    pd.length = 20
    w("pad_set", pd)
    w("vcflac_default", VCFLACDict())

    # _writeblocks: the chain and padding choice.
    def chain(name, blocks, available, size, value):
        seen = []

        def pad(info):
            seen.append((info.padding, info.size))
            return value

        try:
            data = MetadataBlock._writeblocks(blocks, available, size,
                                              None if value is None else pad)
            res = "ok\t%s\t%s" % (",".join("%d:%d" % s for s in seen), bytes(data).hex())
        except Exception as e:
            res = err(e)
        out.append("C\t%s\t%d\t%d\t%s\t%s" % (
            name, available, size, "-" if value is None else value, res))

    raw = MetadataBlock(b"abc")
    raw.code = 9
    chain("two_raw", [raw, Padding(b"zz"), raw], 100, 50, 3)
    chain("empty", [], 0, 50, 3)
    chain("default_neg", [raw], 0, 0, None)
    chain("default_keep", [raw], 120, 0, None)
    chain("default_high", [raw], 20000, 0, None)
    chain("default_size", [raw], 20000, 2 * 10 ** 6, None)
    chain("neg_value", [raw], 100, 0, -5)
    chain("zero_value", [raw], 100, 0, 0)


# ---------------------------------------------------------------- files

LOAD_CASES = {}
SAVE_CASES = []


def write_input(name, data):
    path = os.path.join(DATA, "in", name + ".flac")
    with open(path, "wb") as h:
        h.write(data)
    return "in/%s.flac" % name


def file_inputs():
    """Crafted inputs; small, with a fake 307-byte audio tail."""
    vc = VC
    p = pic()
    return {
        "basic": flac(SI, ST, vc, PAD),
        "full": flac(SI, ST, vc, blk(5, CUE), blk(6, p), blk(2, b"riffappdata"), PAD),
        "notags": flac(SI, PAD),
        "nopad": flac(SI, blk(4, vcdata(comments=[b"A=1"]), last=True)),
        "id3": flac(SI, ST, vc, PAD, pre=id3v2(), audio=AUDIO + ID3V1),
        "id3_nonsyncsafe": flac(SI, vc, PAD, pre=b"ID3\x03\x00\x00\x00\x00\x00\x85xxxxx"),
        "short_vc": flac(SI, blk(4, vcdata(comments=[b"TITLE=hello", b"ARTIST=me"]), size=20), PAD),
        "short_vc_last": flac(SI, blk(4, vcdata(comments=[b"TITLE=Mother's Daughter", b"ARTIST=Tunng"]), size=48, last=True)),
        "short_pic": flac(SI, blk(4, vcdata()), blk(6, p, size=0), blk(1, b"\0" * 3960, last=True)),
        "si_long": flac(blk(0, si(extra=b"extra")), vc, PAD),
        "st_partial": flac(SI, blk(3, seekpoints((1, 2, 3)) + b"abc"), vc, PAD),
        "two_vc": flac(SI, blk(4, vcdata(comments=[b"DUPLICATE=FIRST"])),
                       blk(4, vcdata(comments=[b"DUPLICATE=SECOND"])), PAD),
        "two_si": flac(SI, blk(0, si(sr=48000)), PAD),
        "multi_pad": flac(SI, blk(1, b"\0" * 5), vc, blk(1, b"\0" * 7), PAD),
        "unknown_first": flac(blk(99, b"abc"), SI, vc, PAD),
        "badutf": flac(SI, blk(4, vcdata(vendor=b"v\xff", comments=[
            b"a=\xff", b"noeq", b"\xc3\xa9=x", b"b~=1", b"C=2"])), PAD),
        "pic_badutf": flac(SI, blk(6, pic(mime=b"im\xffage", desc=b"\xff\xfe")), PAD),
        "pad_nonzero": flac(SI, vc, blk(1, b"abc", last=True)),
        "empty_after": flac(SI, blk(1, b"", last=True), audio=b""),
        "zero_samples": flac(blk(0, si(tot=0)), vc, PAD),
        "v1only": flac(SI, vc, PAD, audio=AUDIO + ID3V1),
        # 'TAG' 128 bytes before the end, inside the old padding: the ID3v1
        # check looks at the saved file, where it is gone.
        "tag_in_padding": flac(SI, blk(1, b"\0" * 72 + b"TAG" + b"\0" * 125, last=True),
                               audio=b""),
    }


def malformed_inputs():
    p = pic()
    return {
        "empty": b"",
        "only_marker": b"fLaC",
        "marker_plus": b"fLaC\x00",
        "no_marker": b"fLaX" + b"\0" * 100,
        "riff": b"RIFF" + b"\0" * 100,
        "lower_id3": b"id3\x03\x00\x00\x00\x00\x00\x05abcde" + flac(SI, PAD),
        "id3_short": b"ID3\x03\x00",
        "id3_short2": b"ID3\x03\x00\x00\x00\x00\x00\x05ab",
        "id3_huge": b"ID3\x03\x00\x00\xff\xff\xff\xff" + b"x" * 100,
        "id3_twice": flac(SI, PAD, pre=id3v2() + id3v2()),
        "id3_footer": flac(SI, PAD, pre=b"ID3\x04\x00\x10\x00\x00\x00\x05abcde3DI\x04\x00\x10\x00\x00\x00\x05"),
        "id3_garbage": flac(SI, PAD, pre=id3v2() + b"zz"),
        "si_short": flac(blk(0, si()[:20]), PAD),
        "si_18": flac(blk(0, si()[:18]), blk(1, b"\0" * 60, last=True)),
        "si_sr0": flac(blk(0, si(sr=0)), PAD),
        "si2_sr0": flac(SI, blk(0, b"\0" * 34), PAD),
        "si_beyond": flac(blk(0, si(), size=100), PAD),
        "no_streaminfo": flac(blk(4, vcdata()), PAD),
        "ooming": flac(SI, blk(4, vcdata(count=1000000)), audio=b""),
        "ooming_audio": flac(SI, blk(4, vcdata(count=1000000)), PAD),
        "vc_bigcomment": flac(SI, blk(4, vcdata(count=1) + b"\xff\xff\xff\x00a=bc"), audio=b""),
        "vc_bigvendor": flac(SI, blk(4, b"\xff\xff\xff\x00abc", last=True), audio=b""),
        "vc_shortheader": flac(SI, blk(4, b"\x01\x00"), audio=b""),
        "vc_junk": flac(SI, blk(4, vcdata(comments=[b"a=b"]) + b"JUNKJUNK"), PAD),
        "vc_count_misaligned": flac(SI, blk(4, vcdata(count=2) + b"\0" * 4), PAD),
        "pic_bigmime": flac(SI, blk(6, struct.pack(">II", 3, 1000) + b"image"), audio=b""),
        "pic_bigdata": flac(SI, blk(6, pic(dlen=1000)), audio=b""),
        "pic_trunc_hdr": flac(SI, blk(6, p[:20]), audio=b""),
        "pic_junk": flac(SI, blk(6, p + b"junk"), PAD),
        "pic_dlen_misaligned": flac(SI, blk(6, pic(dlen=100), size=len(p)), PAD),
        "two_st": flac(SI, ST, ST, PAD),
        "two_cue": flac(SI, blk(5, CUE), blk(5, CUE), PAD),
        "two_cue_trunc": flac(SI, blk(5, CUE), blk(5, CUE[:10]), PAD),
        "cue_trunc": flac(SI, blk(5, CUE[:-1]), PAD),
        "block_beyond": flac(SI, blk(99, b"abc", size=100), audio=b""),
        "pad_beyond": flac(SI, blk(1, b"\0\0\0", size=100, last=True), audio=b""),
        "nolast": flac(SI, blk(1, b"\0" * 10), audio=b""),
        "nolast_audio": flac(SI, blk(1, b"\0" * 10), audio=b"\xff\xf8\x00\x00"),
        "header_cut": flac(SI, audio=b"\x81\x00"),
    }


# Edits: (name, function applied to the loaded FLAC, save kwargs or None)
def _set_title(f):
    f["TITLE"] = ["New title"]


def _add_big(f):
    f["FAKETAG"] = ["a" * 1000] * 20


def _clear_tags(f):
    f.tags.clear()


def _remove_vc(f):
    f.metadata_blocks.remove(f.tags)


def _add_picture(f):
    p = Picture()
    p.type = 3
    p.mime = "image/png"
    p.desc = "front ü"
    p.width, p.height, p.depth, p.colors = 2, 3, 24, 0
    p.data = b"\x89PNG\r\n\x1a\n" + bytes(range(100))
    f.add_picture(p)


def _clear_pictures(f):
    f.clear_pictures()


def _add_tags(f):
    f.add_tags()
    f["a"] = "b"


def _add_padding_blocks(f):
    for n in (42, 24):
        b = Padding()
        b.length = n
        f.metadata_blocks.append(b)


def _unknown_block(f):
    b = MetadataBlock(b"test block data")
    b.code = 99
    f.metadata_blocks.append(b)


def _zero_samples(f):
    f.info.total_samples = 0


def _del_artist(f):
    del f["artist"]


def _nothing(f):
    pass


EDITS = {
    "nochange": (_nothing, {}),
    "set_title": (_set_title, {}),
    "del_artist": (_del_artist, {}),
    "add_big": (_add_big, {}),
    "clear_tags": (_clear_tags, {}),
    "remove_vc": (_remove_vc, {}),
    "delete": (None, None),
    "add_picture": (_add_picture, {}),
    "clear_pictures": (_clear_pictures, {}),
    "add_tags": (_add_tags, {}),
    "padding0": (_nothing, {"padding": lambda i: 0}),
    "padding42": (_nothing, {"padding": lambda i: 42}),
    "padding_neg": (_nothing, {"padding": lambda i: -5}),
    "padding_info": (_nothing, {"padding": lambda i: (i.padding * 7 + i.size * 3) % 5000}),
    "add_padding_blocks": (_add_padding_blocks, {}),
    "unknown_block": (_unknown_block, {}),
    "deleteid3": (_set_title, {"deleteid3": True}),
    "zero_samples": (_zero_samples, {}),
}

SAVES = [
    ("basic", ["nochange", "set_title", "del_artist", "add_big", "clear_tags", "remove_vc",
               "delete", "add_picture", "clear_pictures", "padding0", "padding42",
               "padding_neg", "padding_info", "add_padding_blocks", "unknown_block",
               "deleteid3", "zero_samples"]),
    ("full", ["nochange", "set_title", "add_big", "add_picture", "clear_pictures", "delete"]),
    ("notags", ["nochange", "add_tags", "add_picture"]),
    ("nopad", ["nochange", "set_title"]),
    ("id3", ["nochange", "set_title", "deleteid3", "delete"]),
    ("id3_nonsyncsafe", ["set_title", "deleteid3"]),
    ("short_vc", ["nochange", "set_title"]),
    ("short_vc_last", ["nochange", "del_artist"]),
    ("short_pic", ["nochange", "clear_pictures"]),
    ("si_long", ["nochange"]),
    ("st_partial", ["nochange"]),
    ("two_vc", ["nochange", "set_title", "delete"]),
    ("two_si", ["nochange"]),
    ("multi_pad", ["nochange", "add_padding_blocks"]),
    ("unknown_first", ["nochange"]),
    ("badutf", ["nochange"]),
    ("pic_badutf", ["nochange"]),
    ("pad_nonzero", ["nochange"]),
    ("empty_after", ["nochange", "set_title"]),
    ("v1only", ["nochange", "deleteid3", "delete"]),
    ("tag_in_padding", ["deleteid3"]),
    ("tone", ["nochange", "set_title", "add_picture", "add_big", "delete", "deleteid3"]),
    ("flac_tagged", ["nochange", "set_title", "clear_pictures", "delete"]),
]


def tone_flac():
    path = os.path.join(DATA, "tone.flac")
    if not os.path.exists(path):
        tmp = tempfile.mkdtemp()
        wav = os.path.join(tmp, "tone.wav")
        w = wave.open(wav, "wb")
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(b"".join(
            struct.pack("<hh", int(3000 * math.sin(i * 0.05)),
                        int(2000 * math.sin(i * 0.031))) for i in range(4410)))
        w.close()
        subprocess.check_call(["flac", "-s", "-f", "--best", "-o", path, wav])
        shutil.rmtree(tmp)
    return path


def store_output(outname, saved, original):
    """Write `saved` minus the tail it shares with `original` (the audio);
    returns the length of that tail, which the test takes from the input."""
    k = 0
    limit = min(len(saved), len(original))
    while k < limit and saved[len(saved) - 1 - k] == original[len(original) - 1 - k]:
        k += 1
    with open(os.path.join(DATA, outname), "wb") as h:
        h.write(saved[:len(saved) - k])
    return k


def file_cases(out):
    shutil.rmtree(os.path.join(DATA, "in"), ignore_errors=True)
    shutil.rmtree(os.path.join(DATA, "out"), ignore_errors=True)
    os.makedirs(os.path.join(DATA, "in"))
    os.makedirs(os.path.join(DATA, "out"))
    inputs = {}
    for name, data in file_inputs().items():
        inputs[name] = write_input(name, data)
    inputs["tone"] = "tone.flac"
    inputs["flac_tagged"] = "../../../../test_files/flac_tagged.flac"
    for name, data in malformed_inputs().items():
        inputs[name] = write_input(name, data)

    tmpdir = tempfile.mkdtemp()
    for name, rel in inputs.items():
        path = os.path.normpath(os.path.join(DATA, rel))
        try:
            res = dump_file(FLAC(path))
        except Exception as e:
            res = err(e, path)
        out.append("L\t%s\t%s\t%s" % (name, rel, res))

    for name, edits in SAVES:
        src = os.path.normpath(os.path.join(DATA, inputs[name]))
        for edit in edits:
            fn, kwargs = EDITS[edit]
            tmp = os.path.join(tmpdir, "t.flac")
            shutil.copy(src, tmp)
            try:
                f = FLAC(tmp)
                if fn is None:
                    f.delete()
                else:
                    fn(f)
                    f.save(**kwargs)
                with open(tmp, "rb") as h:
                    saved = h.read()
                with open(src, "rb") as h:
                    original = h.read()
                outname = "out/%s.%s.bin" % (name, edit)
                res = "ok\t%s\t%d" % (outname, store_output(outname, saved, original))
            except Exception as e:
                res = err(e, tmp)
            out.append("S\t%s\t%s\t%s\t%s" % (name, inputs[name], edit, res))

    # Saving good blocks into another (odd) file: only its layout matters.
    src = os.path.normpath(os.path.join(DATA, inputs["nopad"]))
    targets = {
        "two_st": flac(SI, ST, ST, PAD),
        "no_streaminfo": flac(PAD),
        "si_sr0": flac(blk(0, si(sr=0)), PAD),
        "vc_short": flac(SI, blk(4, vcdata(comments=[b"abc=def"]), size=3), PAD),
        "vc_trunc": flac(SI, blk(4, vcdata(count=5)), audio=b""),
        "block_beyond": flac(SI, blk(9, b"abc", size=100), audio=b""),
        "not_flac": b"RIFF" + b"\0" * 50,
        "empty": b"",
        "id3": flac(SI, PAD, pre=id3v2(), audio=AUDIO + ID3V1),
    }
    for tname, tdata in targets.items():
        rel = write_input("target_" + tname, tdata)
        tmp = os.path.join(tmpdir, "t.flac")
        with open(tmp, "wb") as h:
            h.write(tdata)
        try:
            f = FLAC(src)
            f.save(tmp)
            with open(tmp, "rb") as h:
                saved = h.read()
            outname = "out/target_%s.bin" % tname
            res = "ok\t%s\t%d" % (outname, store_output(outname, saved, tdata))
        except Exception as e:
            res = err(e, tmp)
        out.append("T\t%s\t%s\t%s\t%s" % (tname, inputs["nopad"], rel, res))
    shutil.rmtree(tmpdir)


def main():
    tone_flac()
    for fname, gen in (("vorbis.txt", vorbis_cases), ("blocks.txt", block_cases),
                       ("files.txt", file_cases)):
        lines = ["# generated by tests/gen/gen_fixtures.py with mutagen %s; do not edit"
                 % mutagen.version_string]
        gen(lines)
        with open(os.path.join(DATA, fname), "w") as h:
            h.write("\n".join(lines) + "\n")
    total = sum(os.path.getsize(os.path.join(d, f))
                for d, _, fs in os.walk(DATA) for f in fs)
    print("fixtures written to %s (%d bytes)" % (DATA, total), file=sys.stderr)


if __name__ == "__main__":
    main()
