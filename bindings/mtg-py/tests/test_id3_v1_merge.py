"""The ID3v1 tag at the end of a file adds the frames the ID3v2 tag lacks
(now merged natively on the common paths): the result must be mutagen's,
for every mix of v2 version, missing fields, load options and reloads."""

import itertools
import os
import shutil

import pytest

import mutagen.id3 as R_ID3
import mutagen.mp3 as R_MP3
import mutagen_rs.id3 as O_ID3
import mutagen_rs.mp3 as O_MP3

from conftest import TEST_FILES

NOTAG = os.path.join(TEST_FILES, "mp3_notag_lsf.mp3")



def _field(text, size):
    return text.encode("latin-1").ljust(size, b"\x00")


# an ID3v1.1 tag with every field (title, artist, album, year, comment,
# track 7, genre 17: Rock)
V1_TAG = (b"TAG" + _field("v1 title", 30) + _field("v1 artist", 30) +
          _field("v1 album", 30) + b"1999" + _field("v1 c\xe9", 28) +
          b"\x00\x07\x11")
assert len(V1_TAG) == 128

# what the ID3v2 tag may hold (some clash with v1 fields, some do not)
V2_CHOICES = [
    R_ID3.TIT2(encoding=1, text=["v2 title"]),
    R_ID3.TXXX(encoding=3, desc="TALB", text=["not an album"]),
    R_ID3.COMM(encoding=3, lang="eng", desc="ID3v1 Comment", text=["v2 c"]),
    R_ID3.COMM(encoding=3, lang="deu", desc="other", text=["x"]),
    # its key starts with the v1 comment's key and a colon
    R_ID3.COMM(encoding=0, lang="xyz", desc="ID3v1 Comment:eng", text=["y"]),
    R_ID3.TDRC(encoding=3, text=["2001-02-03"]),
    R_ID3.TCON(encoding=3, text=["(12)Jazz"]),
]


def _desc(tags):
    if tags is None:
        return None
    return ([(k, repr(v)) for k, v in tags.items()], tags.version,
            tags.unknown_frames, tags.pprint())


def _make(path, v2_frames, v2_version):
    """A copy of an untagged MP3 with an ID3v2 tag of `v2_frames` (none:
    no ID3v2 tag) and an ID3v1 tag with every field."""
    shutil.copy(NOTAG, path)
    if v2_frames:
        tags = R_ID3.ID3()
        for frame in v2_frames:
            tags.add(frame)
        tags.save(path, v1=0, v2_version=v2_version)
    with open(path, "ab") as f:
        f.write(V1_TAG)


CASES = [(subset, version)
         for n in (0, 1, 3, len(V2_CHOICES))
         for subset in itertools.combinations(range(len(V2_CHOICES)), n)
         for version in (3, 4)
         if n or version == 4]


@pytest.mark.parametrize("subset,version", CASES)
def test_merge_as_mutagen(tmp_path, subset, version):
    path = str(tmp_path / "a.mp3")
    _make(path, [V2_CHOICES[i] for i in subset], version)
    options = [{}, {"v2_version": 3}, {"translate": False}]
    for known in (("TIT2", "TPE1", "TDRC"), ("TIT2", "TYER"),
                  ("TIT2", "TDRC", "TYER", "COMM")):
        options += [{"known_frames": known},
                    {"known_frames": known, "v2_version": 3},
                    {"known_frames": known, "translate": False}]
    for kwargs in options:
        ref_kwargs, our_kwargs = dict(kwargs), dict(kwargs)
        if "known_frames" in kwargs:
            # each library with its own classes
            ref_kwargs["known_frames"] = {
                k: getattr(R_ID3, k) for k in kwargs["known_frames"]}
            our_kwargs["known_frames"] = {
                k: getattr(O_ID3, k) for k in kwargs["known_frames"]}
        ref = _desc(R_ID3.ID3(path, **ref_kwargs))
        assert _desc(O_ID3.ID3(path, **our_kwargs)) == ref, kwargs
    assert _desc(O_MP3.MP3(path).tags) == _desc(R_MP3.MP3(path).tags)


def test_reload_merges_against_all_frames(tmp_path):
    first = str(tmp_path / "a.mp3")
    second = str(tmp_path / "b.mp3")
    _make(first, [V2_CHOICES[0]], 4)
    _make(second, [V2_CHOICES[4]], 3)
    for a, b in ((first, second), (second, first)):
        ref = R_ID3.ID3(a)
        ref.load(b)
        ours = O_ID3.ID3(a)
        ours.load(b)
        assert _desc(ours) == _desc(ref)
        ours = O_ID3.ID3(a)
        ours.keys()  # built before the second load
        ours.load(b)
        assert _desc(ours) == _desc(ref)


def test_v1_only_without_v1(tmp_path):
    path = str(tmp_path / "a.mp3")
    _make(path, [], 4)
    with pytest.raises(R_ID3.ID3NoHeaderError):
        R_ID3.ID3(path, load_v1=False)
    with pytest.raises(O_ID3.ID3NoHeaderError):
        O_ID3.ID3(path, load_v1=False)


@pytest.mark.parametrize("v2_version", [3, 4])
@pytest.mark.parametrize("known", [None, ("TDRC",), ("TYER",),
                                   ("TDRC", "TYER"), ("TIT2", "COMM")])
def test_parse_id3v1_year_frame(tmp_path, v2_version, known):
    path = str(tmp_path / "a.mp3")
    _make(path, [], 4)
    with open(path, "rb") as f:
        data = f.read()[-128:]

    def parse(module):
        table = None if known is None else {
            k: getattr(module, k) for k in known}
        frames = module.ParseID3v1(data, v2_version, table)
        return sorted((k, repr(v)) for k, v in frames.items())

    assert parse(O_ID3) == parse(R_ID3)
