"""batch_open: File() for many paths on several threads, in order, with a
per-file exception in place of failing the batch."""

import os

import pytest

import mutagen_rs

from conftest import TEST_FILES


def _paths():
    return sorted(os.path.join(TEST_FILES, n) for n in os.listdir(TEST_FILES)
                  if n != "README.md")


def _describe(result):
    if isinstance(result, Exception):
        return ("raise", type(result).__name__, str(result))
    if result is None:
        return None
    return (type(result).__name__, result.pprint())


def _one_by_one(paths):
    out = []
    for p in paths:
        try:
            out.append(mutagen_rs.File(p))
        except Exception as e:
            out.append(e)
    return out


@pytest.mark.parametrize("threads", [None, 1, 2, 3, 64])
def test_same_as_file_in_order(tmp_path, threads):
    missing = str(tmp_path / "missing.mp3")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"no audio here" * 20)
    paths = _paths() + [missing, str(junk)] + _paths()[:3]
    results = mutagen_rs.batch_open(iter(paths), threads=threads)
    assert len(results) == len(paths)
    assert [_describe(r) for r in results] == \
        [_describe(r) for r in _one_by_one(paths)]
    assert isinstance(results[len(_paths())], mutagen_rs.MutagenError)
    assert results[len(_paths()) + 1] is None
    assert any(isinstance(r, mutagen_rs.FileType) for r in results)


def test_options_and_easy():
    mp3 = os.path.join(TEST_FILES, "mp3_id3v24.mp3")
    from mutagen_rs.mp3 import EasyMP3
    from mutagen_rs.flac import FLAC
    easy, = mutagen_rs.batch_open([mp3], easy=True)
    assert isinstance(easy, EasyMP3)
    none, = mutagen_rs.batch_open([mp3], options=[FLAC])
    assert none is None


def test_empty_and_bad_thread_counts():
    assert mutagen_rs.batch_open([]) == []
    with pytest.raises(ValueError):
        mutagen_rs.batch_open(_paths(), threads=0)
    with pytest.raises(TypeError):
        mutagen_rs.batch_open(_paths(), threads=1.5)


def test_odd_paths(tmp_path):
    # directories, FIFOs, empty and unreadable names: each gets what File()
    # gives it, and reading ahead never blocks (a FIFO is only opened by
    # File() itself, as mutagen would; here it has a writer ready)
    d = tmp_path / "dir"
    d.mkdir()
    empty = tmp_path / "empty.mp3"
    empty.write_bytes(b"")
    paths = [str(d), str(empty), os.fsencode(str(empty)), tmp_path / "nope",
             str(tmp_path / "missing.flac")]
    results = mutagen_rs.batch_open(paths, threads=4)
    assert [_describe(r) for r in results] == \
        [_describe(r) for r in _one_by_one(paths)]
