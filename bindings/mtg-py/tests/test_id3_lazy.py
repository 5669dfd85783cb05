"""ID3 frames are built from the decoded tag on first use, not at load:
nothing of that is visible, the values are those the file held when it
was loaded, and reloading, copying and pickling behave as mutagen's."""

import copy
import os
import pickle
import shutil

import mutagen.id3 as R_ID3
import mutagen_rs.id3 as O_ID3
import mutagen_rs.mp3 as O_MP3

from conftest import TEST_FILES

V24 = os.path.join(TEST_FILES, "mp3_id3v24.mp3")
V23 = os.path.join(TEST_FILES, "mp3_id3v23.mp3")
LAME = os.path.join(TEST_FILES, "mp3_vbr_lame.mp3")


def _desc(tags):
    return ([(k, repr(v)) for k, v in tags.items()], tags.version,
            tags.unknown_frames, tags.pprint())


def test_frames_wait_for_first_use():
    tags = O_ID3.ID3(V24)
    assert "_pending" in vars(tags)
    assert "_DictProxy__dict" not in vars(tags)
    assert tags.version == (2, 4, 0) and tags.size > 0
    assert "_pending" in vars(tags)
    assert len(tags) == len(R_ID3.ID3(V24))
    assert "_pending" not in vars(tags)
    assert "_DictProxy__dict" in vars(tags)


def test_same_as_mutagen_whatever_is_used_first():
    for path in (V24, V23, LAME):
        ref = _desc(R_ID3.ID3(path))
        for first in (lambda t: t.keys(), lambda t: t.unknown_frames,
                      lambda t: t.getall("TIT2"), lambda t: t.pprint(),
                      lambda t: "TIT2" in t, lambda t: t.values()):
            tags = O_ID3.ID3(path)
            first(tags)
            assert _desc(tags) == ref, path


def test_values_are_those_loaded(tmp_path):
    path = str(tmp_path / "a.mp3")
    shutil.copy(V24, path)
    tags = O_ID3.ID3(path)
    before = _desc(R_ID3.ID3(path))
    other = R_ID3.ID3(path)
    other.add(R_ID3.TIT2(encoding=3, text=["changed"]))
    other.delall("TPE1")
    other.save()
    assert _desc(tags) == before


def test_reload_adds_to_the_frames():
    for first, second in ((V24, LAME), (LAME, V23), (V23, V24)):
        ours, ref = O_ID3.ID3(first), R_ID3.ID3(first)
        ours.load(second)
        ref.load(second)
        assert _desc(ours) == _desc(ref)


def test_copy_and_pickle():
    for make in (copy.copy, copy.deepcopy,
                 lambda t: pickle.loads(pickle.dumps(t))):
        tags = O_ID3.ID3(V24)
        other = make(tags)
        assert _desc(other) == _desc(R_ID3.ID3(V24))
        assert _desc(tags) == _desc(other)


def test_not_lazy_with_known_frames_or_subclasses():
    tags = O_ID3.ID3(V24, known_frames=dict(O_ID3.Frames))
    assert "_pending" not in vars(tags)

    class Mine(O_ID3.ID3):
        pass
    assert "_pending" not in vars(Mine(V24))


def test_missing_attribute_message():
    tags = O_ID3.ID3(V24)
    try:
        tags.no_such_thing
    except AttributeError as e:
        assert str(e) == "'ID3' object has no attribute 'no_such_thing'"
    else:
        raise AssertionError
    assert "_pending" in vars(tags)


def test_mp3_save_after_lazy_load(tmp_path):
    outs = []
    for lib in ("ref", "ours"):
        path = str(tmp_path / ("%s.mp3" % lib))
        shutil.copy(V23, path)
        if lib == "ref":
            import mutagen.mp3 as R_MP3
            f = R_MP3.MP3(path)
        else:
            f = O_MP3.MP3(path)
            assert "_pending" in vars(f.tags)
        f.save()
        with open(path, "rb") as h:
            outs.append(h.read())
    assert outs[0] == outs[1]


def test_threads_reading_a_fresh_tag_see_all_of_it():
    import threading
    ref = _desc(R_ID3.ID3(V23))
    for _ in range(30):
        tags = O_ID3.ID3(V23)
        seen = []
        start = threading.Barrier(4)

        def read():
            start.wait()
            seen.append(_desc(tags))

        threads = [threading.Thread(target=read) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert seen == [ref] * 4


def test_lazy_attributes_look_like_instance_attributes():
    # unknown_frames and the frame store are instance attributes, as in
    # mutagen: absent on the class, settable and deletable on a tag
    for name in ("unknown_frames", "_DictProxy__dict"):
        assert hasattr(O_ID3.ID3, name) == hasattr(R_ID3.ID3, name)
    outcomes = []
    for mod in (O_ID3, R_ID3):
        seen = []
        for make in (mod.ID3, lambda: mod.ID3(V24)):
            tags = make()
            tags.unknown_frames = [b"x"]
            seen.append(tags.unknown_frames)
            del tags.unknown_frames
            seen.append(hasattr(tags, "unknown_frames"))
            try:
                del tags.unknown_frames
            except AttributeError as e:
                seen.append(str(e))
            try:
                mod.ID3.unknown_frames
            except AttributeError as e:
                seen.append(str(e))
        outcomes.append(seen)
    assert outcomes[0] == outcomes[1]


def test_values_set_before_first_use_stay():
    # set on a tag whose frames are not built yet, then the build is made
    # through another attribute: the value set stays, as it does after
    # mutagen's eager load
    def run(mod):
        seen = []
        tags = mod.ID3(V24)
        tags.unknown_frames = [b"x"]
        seen.append(sorted(tags.keys()))
        seen.append(tags.unknown_frames)
        tags = mod.ID3(V24)
        tags._DictProxy__dict = {}
        seen.append(tags.unknown_frames)
        seen.append(list(tags.keys()))
        tags = mod.ID3(V24)
        tags._DictProxy__dict = {}
        seen.append(sorted(vars(copy.copy(tags))))
        return seen

    assert run(O_ID3) == run(R_ID3)


def test_lazy_attributes_are_not_data_descriptors():
    # once built, the instance's own attributes are found without calling
    # the class attribute (a data descriptor would be called on every
    # frame lookup)
    for name in ("unknown_frames", "_DictProxy__dict"):
        kind = type(vars(O_ID3.ID3)[name])
        assert not hasattr(kind, "__set__") and not hasattr(kind, "__delete__")


def test_first_use_through_a_lazy_attribute():
    tags = O_ID3.ID3(V24)
    assert "_pending" in vars(tags)
    assert tags.unknown_frames == R_ID3.ID3(V24).unknown_frames
    assert "_pending" not in vars(tags)
    assert _desc(tags) == _desc(R_ID3.ID3(V24))


def _tag(major, frames, v1=b""):
    """A file: an ID3v2 tag of version `major` holding `frames`
    ((id, flags, body) in order), 64 bytes of padding, the MPEG frames of
    mp3_notag_lsf.mp3 and the ID3v1 tag `v1` (or none)."""
    out = b""
    for fid, flags, body in frames:
        n = len(body)
        if major == 4:
            size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
        else:
            size = n.to_bytes(4, "big")
        out += fid + size + flags.to_bytes(2, "big") + body
    out += b"\x00" * 64
    n = len(out)
    size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
    with open(os.path.join(TEST_FILES, "mp3_notag_lsf.mp3"), "rb") as h:
        audio = h.read()
    return b"ID3" + bytes([major, 0, 0]) + size + out + audio + v1


def _v1(title, year):
    return (b"TAG" + title.ljust(30, b"\x00") + b"\x00" * 60 + year
            + b"\x00" * 28 + b"\x00\x05" + b"\x0c")


def test_frames_left_for_later_that_fail_when_built(tmp_path):
    # The load leaves text-like frames undecoded; when they are built, one
    # does not decode (junk: dropped), one is encrypted (kept as unknown),
    # two share a key (merged): the tag must end as mutagen's load left it,
    # for either version, with or without an ID3v1 tag.
    enc4, enc3 = 0x0004, 0x0040
    for major, enc in ((4, enc4), (3, enc3)):
        frames = [
            (b"TIT2", 0, b"\x03title"),
            (b"TPE1", 0, b"\x05bad encoding"),
            (b"TALB", enc, b"\x00\x01\x02secret"),
            (b"TXXX", 0, b"\x03same\x00one"),
            (b"TXXX", 0, b"\x03same\x00two"),
            (b"TYER" if major == 3 else b"TDRC", 0, b"\x002004"),
            (b"COMM", 0, b"\x03eng\x00words"),
        ]
        for v1 in (b"", _v1(b"v1 title", b"1999")):
            path = str(tmp_path / ("t%d_%d.mp3" % (major, len(v1))))
            with open(path, "wb") as h:
                h.write(_tag(major, frames, v1))
            ref = _desc(R_ID3.ID3(path))
            for first in (lambda t: t.keys(), lambda t: t.unknown_frames,
                          lambda t: t.pprint()):
                tags = O_ID3.ID3(path)
                assert "_pending" in vars(tags), (major, v1)
                first(tags)
                assert _desc(tags) == ref, (major, v1)
            f = O_MP3.MP3(path)
            assert "_pending" in vars(f.tags)
            assert _desc(f.tags) == ref


def _tag22(frames, v1=b""):
    """A file like `_tag`'s with an ID3v2.2 tag: (id, body) frames with
    three-character IDs and three-byte sizes."""
    out = b"".join(fid + len(body).to_bytes(3, "big") + body
                   for fid, body in frames) + b"\x00" * 64
    n = len(out)
    size = bytes([(n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F])
    with open(os.path.join(TEST_FILES, "mp3_notag_lsf.mp3"), "rb") as h:
        audio = h.read()
    return b"ID3\x02\x00\x00" + size + out + audio + v1


V22_FRAMES = [
    (b"TT2", b"\x00title"),
    (b"TP1", b"\x01\xff\xfea\x00b\x00"),
    (b"TAL", b"\x05bad encoding"),
    (b"TYE", b"\x001999"),
    (b"TCO", b"\x00(17)"),
    (b"COM", b"\x00engdesc\x00words"),
    (b"TXX", b"\x00key\x00value"),
    (b"PIC", b"\x00JPG\x03cover\x00\xff\xd8data"),
    (b"PIC", b"\x00PNG\x04back\x00\x89PNG"),
    (b"CRM", b"owner\x00desc\x00data"),
    (b"LNK", b"TT2http://x\x00"),
]


def test_id3v22_frames_wait_and_become_v24_frames(tmp_path):
    # an ID3v2.2 tag loads lazily too; its frames become the v2.3/2.4
    # frames mutagen makes of them (a junk one dropped, CRM dropped, LNK
    # through the Python path), pictures with mime types
    for v1 in (b"", _v1(b"v1 title", b"1999")):
        path = str(tmp_path / ("v22_%d.mp3" % len(v1)))
        with open(path, "wb") as h:
            h.write(_tag22(V22_FRAMES, v1))
        for kw in ({}, {"v2_version": 3}, {"translate": False}):
            ref = _desc(R_ID3.ID3(path, **kw))
            for first in (lambda t: t.keys(), lambda t: t.unknown_frames,
                          lambda t: t.pprint()):
                tags = O_ID3.ID3(path, **kw)
                first(tags)
                assert _desc(tags) == ref, (v1, kw)
        # without CRM and LNK (left to Python) the frames wait
        with open(path, "wb") as h:
            h.write(_tag22(V22_FRAMES[:-2], v1))
        tags = O_ID3.ID3(path)
        assert "_pending" in vars(tags)
        assert tags["APIC:cover"].mime == "image/jpeg"
        assert _desc(tags) == _desc(R_ID3.ID3(path))
        f = O_MP3.MP3(path)
        assert "_pending" in vars(f.tags)
        assert _desc(f.tags) == _desc(R_ID3.ID3(path))


def test_id3v22_replaced_class_is_used(tmp_path):
    # a class replaced in Frames_2_2 is honoured as mutagen honours it
    path = str(tmp_path / "v22.mp3")
    with open(path, "wb") as h:
        h.write(_tag22(V22_FRAMES[:2]))
    out = []
    for lib in (R_ID3, O_ID3):
        class TT2(lib.TT2):
            pass
        saved = lib.Frames_2_2["TT2"]
        lib.Frames_2_2["TT2"] = TT2
        try:
            tags = lib.ID3(path)
            out.append((_desc(tags), [[c.__name__ for c in type(v).__mro__[:3]]
                                      for v in tags.values()]))
        finally:
            lib.Frames_2_2["TT2"] = saved
    assert out[1] == out[0]
