"""MP3(path) and ID3(path) make their tag (and stream-info) objects
natively (_native.mp3_open, id3_open_into) when the tag's frames can wait:
the objects are those the Python steps make from id3_read's answer (ID3() +
ID3._load, MPEGInfo from the attributes), attribute for attribute and in the
same order, and the file reads as mutagen reads it."""

import glob
import os
import shutil

import pytest

import mutagen.id3 as R_ID3
import mutagen.mp3 as R_MP3
import mutagen_rs._native as _native
import mutagen_rs.id3 as O_ID3
import mutagen_rs.mp3 as O_MP3
from mutagen_rs.id3 import _file as id3_file

from conftest import TEST_FILES

SAMPLES = sorted(glob.glob(os.path.join(TEST_FILES, "*.mp3")))


def _python_steps(path):
    """What MP3.load made before mp3_open: id3_read, then the objects in
    Python."""
    result = _native.id3_read(path, True, None, 4, id3_file._Frames,
                              id3_file._NATIVE_FRAMES, O_MP3._MODES, True)
    if result.get("untagged"):
        return None, O_MP3._info_from(result.get("mpeg"))
    tags = O_MP3._ID3()
    tags.filename = path
    attrs = tags._load(path, mpeg_modes=O_MP3._MODES, result=result)
    return tags, O_MP3._info_from(attrs)


def _state(obj):
    """The instance dict, its order kept; the pending frames (a native
    object, new on every load) by type, the header by its own state."""
    out = []
    for key, value in vars(obj).items():
        if key == "_pending":
            value = (type(value[0]).__name__,) + tuple(value[1:])
        elif key == "_header" and value is not None:
            value = list(vars(value).items())
        out.append((key, value))
    return out


def _frames(tags):
    return [(k, repr(v)) for k, v in tags.items()], tags.unknown_frames


def test_samples_exist():
    assert len(SAMPLES) >= 5


@pytest.mark.parametrize("path", SAMPLES, ids=os.path.basename)
def test_same_objects_as_the_python_steps(path):
    made = O_MP3.MP3(path)
    try:
        tags, info = _python_steps(path)
    except Exception as e:  # the load must fail the same way
        with pytest.raises(type(e)):
            O_MP3.MP3(path)
        return
    assert type(made.info) is type(info)
    assert list(vars(made.info).items()) == list(vars(info).items())
    if tags is None:
        assert made.tags is None
        return
    assert type(made.tags) is type(tags)
    assert _state(made.tags) == _state(tags)
    assert _frames(made.tags) == _frames(tags)
    assert _state(made.tags) == _state(tags)


@pytest.mark.parametrize("path", SAMPLES, ids=os.path.basename)
def test_reads_as_mutagen(path):
    ours, ref = O_MP3.MP3(path), R_MP3.MP3(path)
    assert ours.pprint() == ref.pprint()
    assert sorted(ours.tags.keys() if ours.tags is not None else []) == \
        sorted(ref.tags.keys() if ref.tags is not None else [])


def test_untagged_and_errors(tmp_path):
    # a stream without tags; a file with a tag but no stream; no file
    plain = str(tmp_path / "plain.mp3")
    with open(SAMPLES[0], "rb") as f:
        data = f.read()
    tagged = O_MP3.MP3(SAMPLES[0])
    start = tagged.tags.size if tagged.tags is not None else 0
    with open(plain, "wb") as f:
        f.write(data[start:])
    assert O_MP3.MP3(plain).tags is None
    assert O_MP3.MP3(plain).info.pprint() == R_MP3.MP3(plain).info.pprint()

    only_tag = str(tmp_path / "only_tag.mp3")
    with open(only_tag, "wb") as f:
        f.write(data[:start] if start else b"ID3\x04\x00\x00\x00\x00\x00\x00")
    with pytest.raises(R_MP3.HeaderNotFoundError):
        R_MP3.MP3(only_tag)
    with pytest.raises(O_MP3.HeaderNotFoundError):
        O_MP3.MP3(only_tag)

    with pytest.raises(O_MP3.MutagenError) as ours:
        O_MP3.MP3(str(tmp_path / "missing.mp3"))
    with pytest.raises(R_MP3.MutagenError) as ref:
        R_MP3.MP3(str(tmp_path / "missing.mp3"))
    assert type(ours.value.__cause__ or ours.value).__name__ == \
        type(ref.value.__cause__ or ref.value).__name__


def test_save_after_native_open(tmp_path):
    for path in SAMPLES:
        a = str(tmp_path / ("a_" + os.path.basename(path)))
        b = str(tmp_path / ("b_" + os.path.basename(path)))
        shutil.copy(path, a)
        shutil.copy(path, b)
        ours, ref = O_MP3.MP3(a), R_MP3.MP3(b)
        if ours.tags is None:
            ours.add_tags()
            ref.add_tags()
        ours.tags.add(O_ID3.TIT2(encoding=3, text=["new"]))
        ref.tags.add(R_ID3.TIT2(encoding=3, text=["new"]))
        ours.save()
        ref.save()
        with open(a, "rb") as fa, open(b, "rb") as fb:
            assert fa.read() == fb.read(), path


def _id3_python_steps(path):
    """ID3(path) through ID3() then load(path): the Python steps."""
    tags = O_ID3.ID3()
    tags.load(path)
    return tags


@pytest.mark.parametrize("path", SAMPLES, ids=os.path.basename)
def test_id3_same_object_as_the_python_steps(path):
    try:
        steps = _id3_python_steps(path)
    except Exception as e:
        with pytest.raises(type(e)) as info:
            O_ID3.ID3(path)
        assert str(info.value) == str(e)
        return
    steps_state = _state(steps)
    for made in (O_ID3.ID3(path), O_ID3.ID3(os.fsencode(path))):
        want = steps_state
        if isinstance(made.filename, bytes):
            want = [(k, os.fsencode(v) if k == "filename" else v)
                    for k, v in want]
        assert _state(made) == want
        assert _frames(made) == _frames(steps)
        assert made.pprint() == R_ID3.ID3(path).pprint()


def test_id3_errors_as_mutagen(tmp_path):
    untagged = str(tmp_path / "untagged.mp3")
    with open(untagged, "wb") as f:
        f.write(b"\xff\xfb\x90\x00" + b"\x00" * 1000)
    for path in (untagged, str(tmp_path / "missing.mp3")):
        with pytest.raises(Exception) as ref:
            R_ID3.ID3(path)
        with pytest.raises(Exception) as ours:
            O_ID3.ID3(path)
        assert type(ours.value).__name__ == type(ref.value).__name__
        assert isinstance(ours.value, O_ID3.error) == \
            isinstance(ref.value, R_ID3.error)


def test_id3_subclass_and_keywords_read_as_mutagen():
    class Mine(O_ID3.ID3):
        pass

    class Theirs(R_ID3.ID3):
        pass

    for path in SAMPLES:
        try:
            R_ID3.ID3(path)
        except R_ID3.error:
            continue
        pairs = [
            (Mine(path), Theirs(path)),
            (O_ID3.ID3(path, translate=False),
             R_ID3.ID3(path, translate=False)),
            (O_ID3.ID3(filename=path), R_ID3.ID3(filename=path)),
            (O_ID3.ID3(path, v2_version=3), R_ID3.ID3(path, v2_version=3)),
        ]
        for ours, ref in pairs:
            assert [(k, repr(v)) for k, v in ours.items()] == \
                [(k, repr(v)) for k, v in ref.items()], path
            assert ours.version == ref.version


@pytest.mark.parametrize("path", SAMPLES, ids=os.path.basename)
def test_easymp3_as_mutagen_and_as_easyid3(path):
    ours, ref = O_MP3.EasyMP3(path), R_MP3.EasyMP3(path)
    if ref.tags is None:
        assert ours.tags is None
        assert ours.pprint() == ref.pprint()
        return
    assert type(ours.tags) is O_MP3.EasyMP3.ID3
    # the wrapped ID3 is the one EasyID3(path) loads (compared before
    # anything builds its frames)
    alone = O_MP3.EasyMP3.ID3(path)
    assert list(vars(ours.tags)) == list(vars(alone))
    inner, inner_alone = (t._EasyID3__id3 for t in (ours.tags, alone))
    assert _state(inner) == _state(inner_alone)
    assert _frames(inner) == _frames(inner_alone)
    assert ours.pprint() == ref.pprint()
    assert sorted(ours.tags.items()) == sorted(ref.tags.items())


def test_easymp3_errors_as_mutagen(tmp_path):
    tagged = next(p for p in SAMPLES if O_MP3.MP3(p).tags is not None and
                  O_MP3.MP3(p).tags.size)
    with open(tagged, "rb") as f:
        data = f.read()
    tag_size = O_MP3.MP3(tagged).tags.size
    cases = {
        "missing.mp3": None,
        "tag_only.mp3": data[:tag_size],
        "junk.mp3": b"\x00" * 3000,
        "empty.mp3": b"",
    }
    for name, content in cases.items():
        path = str(tmp_path / name)
        if content is not None:
            with open(path, "wb") as f:
                f.write(content)
        for cls in ("MP3", "EasyMP3"):
            with pytest.raises(Exception) as ref:
                getattr(R_MP3, cls)(path)
            with pytest.raises(Exception) as ours:
                getattr(O_MP3, cls)(path)
            assert type(ours.value).__name__ == type(ref.value).__name__, \
                (name, cls)
            assert str(ours.value).replace("mutagen_rs", "mutagen") == \
                str(ref.value), (name, cls)
