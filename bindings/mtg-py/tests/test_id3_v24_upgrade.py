"""After a load the frames are converted to ID3v2.4 (TYER/TDAT/TIME into
TDRC, TORY into TDOR, v2.3-only frames dropped; TCON references, IPLS and
v2.2 picture formats rewritten). The common cases are done natively now,
the others by the Python conversion: the result must be mutagen's for
every mix of them."""

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

V1_TAG = (b"TAG" + b"v1 title".ljust(30, b"\x00") + b"\x00" * 60 +
          b"1987" + b"\x00" * 30 + b"\x11")
assert len(V1_TAG) == 128

CHOICES = [
    R_ID3.TYER(encoding=0, text=["2004"]),
    R_ID3.TYER(encoding=1, text=["2004", "bad", "2006-07-08"]),
    R_ID3.TYER(encoding=0, text=["2006-07-08"]),
    R_ID3.TYER(encoding=1, text=["\uff12\uff10\uff10\uff14"]),  # fullwidth
    R_ID3.TDAT(encoding=0, text=["3112"]),
    R_ID3.TDAT(encoding=1, text=["\uff13\uff11\uff11\uff12", "0101"]),
    R_ID3.TIME(encoding=0, text=["2359"]),
    R_ID3.TORY(encoding=0, text=["1999"]),
    R_ID3.TORY(encoding=1, text=["1999", "2000"]),
    R_ID3.TORY(encoding=1, text=["abc"]),
    R_ID3.TDRC(encoding=3, text=["2010"]),
    R_ID3.TDOR(encoding=3, text=["2011"]),
    R_ID3.TSIZ(encoding=0, text=["12345"]),
    R_ID3.TRDA(encoding=0, text=["May 1st"]),
    R_ID3.IPLS(encoding=1, people=[["producer", "someone"]]),
    R_ID3.TCON(encoding=1, text=["Rock", "\u30ed\u30c3\u30af"]),
    R_ID3.TCON(encoding=0, text=["(17)Rock"]),
    R_ID3.TCON(encoding=0, text=["17"]),
    R_ID3.TCON(encoding=0, text=["CR"]),
    R_ID3.APIC(encoding=0, mime="PNG", type=3, desc="a", data=b"\x89PNG"),
    R_ID3.APIC(encoding=0, mime="image/jpeg", type=3, desc="b",
               data=b"\xff\xd8" * 40000),
    R_ID3.TIT2(encoding=3, text=["title"]),
    R_ID3.TXXX(encoding=3, desc="TYER", text=["2003"]),
]


def _make(path, frames, version, v1):
    """`version` 3, 4, or "3nul" (ID3v2.3 with values separated by NULs,
    not joined with "/")."""
    shutil.copy(NOTAG, path)
    tags = R_ID3.ID3()
    for frame in frames:
        tags.add(frame)
    if version == "3nul":
        tags.save(path, v1=0, v2_version=3, v23_sep=None)
    else:
        tags.save(path, v1=0, v2_version=version)
    if v1:
        with open(path, "ab") as f:
            f.write(V1_TAG)


def _desc(tags):
    return ([(k, type(v).__name__, repr(v)) for k, v in tags.items()],
            tags.version, tags.pprint())


CASES = [(subset, version, v1)
         for n in (1, 2)
         for subset in itertools.combinations(range(len(CHOICES)), n)
         for version in (3, "3nul", 4)
         for v1 in (False, True)
         if v1 is False or n == 1]
CASES += [(tuple(range(len(CHOICES))), 3, True),
          ((0, 3, 5, 6, 11, 12, 14, 19, 20, 21), 3, False),
          ((1, 3, 5, 7, 13), 3, True),
          ((1, 3, 4, 5, 7, 13), "3nul", True)]


@pytest.mark.parametrize("subset,version,v1", CASES)
def test_upgrade_as_mutagen(tmp_path, subset, version, v1):
    path = str(tmp_path / "a.mp3")
    _make(path, [CHOICES[i] for i in subset], version, v1)
    for options in ({}, {"v2_version": 3}, {"translate": False}):
        want = _desc(R_ID3.ID3(path, **options))
        assert _desc(O_ID3.ID3(path, **options)) == want, options
    want = _desc(R_MP3.MP3(path).tags)
    got = O_MP3.MP3(path)
    assert _desc(got.tags) == want
    # saved again, as mutagen saves the same tag
    ref_path = str(tmp_path / "ref.mp3")
    shutil.copy(path, ref_path)
    R_MP3.MP3(ref_path).save()
    got.save()
    with open(path, "rb") as a, open(ref_path, "rb") as b:
        assert a.read() == b.read()
