"""Large ID3 pictures: their bytes stay in the file until ``data`` is asked
for (a tag loaded from a path), and everything seen from Python is what
mutagen gives: the frames, their order and keys, the image bytes, saves.
"""

import os
import shutil

import pytest

import mutagen.id3 as R_ID3
import mutagen_rs.id3 as O_ID3

from conftest import TEST_FILES

AUDIO = os.path.join(TEST_FILES, "mp3_id3v24.mp3")


def _image(size, seed):
    return bytes((i * seed + i // 7) % 256 for i in range(size))


def _make(path, version, pictures, after=True, compress=False):
    """A copy of an MP3 with a tag holding text frames and ``pictures``
    ((desc, size) pairs) saved by mutagen as ``version``."""

    shutil.copy(AUDIO, path)
    tags = R_ID3.ID3()
    tags.add(R_ID3.TIT2(encoding=3, text=["title"]))
    for n, (desc, size) in enumerate(pictures):
        tags.add(R_ID3.APIC(encoding=3, mime="image/jpeg", type=3 + n,
                            desc=desc, data=_image(size, 3 + n)))
    if after:
        tags.add(R_ID3.TXXX(encoding=1, desc="after", text=["x" * 100]))
        tags.add(R_ID3.USLT(encoding=1, lang="eng", desc="",
                            text="lyrics " * 3000))
    tags.save(path, v2_version=version)
    return path


def _desc(tags):
    items = [(k, repr(v)) for k, v in tags.items()]
    return (items, tags.version, tags.size, tags._padding,
            tags.unknown_frames, tags.pprint())


CASES = [
    (4, [("", 300000)]),
    (3, [("", 300000)]),
    (4, [("front", 200000), ("back", 90000)]),
    (3, [("same", 100000), ("same", 120000)]),   # same key: salted
    (4, [("small", 1000), ("big", 500000)]),
]


@pytest.mark.parametrize("version,pictures", CASES)
def test_same_as_mutagen(tmp_path, version, pictures):
    path = _make(str(tmp_path / "a.mp3"), version, pictures)
    ours = O_ID3.ID3(path)
    lazy = [f for f in ours.getall("APIC") if "_image_source" in vars(f)]
    assert lazy, "no picture was left in the file"
    assert _desc(ours) == _desc(R_ID3.ID3(path))
    assert not any("_image_source" in vars(f) for f in ours.getall("APIC"))
    for f in ours.getall("APIC"):
        assert "data" in vars(f)


def test_keys_and_order_before_reading(tmp_path):
    path = _make(str(tmp_path / "a.mp3"), 4, [("a", 100000), ("a", 100000)])
    ours, ref = O_ID3.ID3(path), R_ID3.ID3(path)
    assert list(ours.keys()) == list(ref.keys())
    for key in ours.keys():
        if key.startswith("APIC"):
            assert "_image_source" in vars(ours[key])
            assert ours[key].desc == ref[key].desc
            assert ours[key].HashKey == ref[key].HashKey


def test_file_object_reads_everything(tmp_path):
    path = _make(str(tmp_path / "a.mp3"), 4, [("", 300000)])
    with open(path, "rb") as h:
        ours = O_ID3.ID3(h)
    assert "_image_source" not in vars(ours["APIC:"])
    assert ours["APIC:"].data == R_ID3.ID3(path)["APIC:"].data


def test_file_changed_before_reading(tmp_path):
    path = _make(str(tmp_path / "a.mp3"), 4, [("", 300000)])
    expected = R_ID3.ID3(path)["APIC:"].data
    ours = O_ID3.ID3(path)
    # another program rewrites the tag: the picture moves
    other = R_ID3.ID3(path)
    other.add(R_ID3.TALB(encoding=3, text=["x" * 5000]))
    other.save(path)
    assert ours["APIC:"].data == expected


def test_file_lost_picture(tmp_path):
    path = _make(str(tmp_path / "a.mp3"), 4, [("", 300000)])
    ours = O_ID3.ID3(path)
    R_ID3.ID3(path).delete()
    with pytest.raises(O_ID3.error):
        ours["APIC:"].data
    # still unread: a file holding it again gives it
    _make(path, 4, [("", 300000)])
    assert ours["APIC:"].data == R_ID3.ID3(path)["APIC:"].data


@pytest.mark.parametrize("version", [3, 4])
def test_save_identical(tmp_path, version):
    outs = []
    for lib in (R_ID3, O_ID3):
        path = _make(str(tmp_path / ("%s.mp3" % lib.__name__)), 4,
                     [("", 300000), ("b", 70000)])
        tags = lib.ID3(path)
        tags.add(lib.TPE1(encoding=3, text=["someone"]))
        tags.save(v2_version=version)
        with open(path, "rb") as h:
            outs.append(h.read())
    assert outs[0] == outs[1]


def test_copy_and_equality(tmp_path):
    import copy
    path = _make(str(tmp_path / "a.mp3"), 4, [("", 300000)])
    frame = O_ID3.ID3(path)["APIC:"]
    twin = copy.copy(frame)
    assert twin == _image(300000, 3)
    assert frame == _image(300000, 3)
    assert O_ID3.APIC(frame).data == frame.data
    with pytest.raises(AttributeError):
        O_ID3.APIC.data
