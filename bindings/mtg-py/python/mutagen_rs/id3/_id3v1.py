"""ID3v1 and ID3v1.1 tags: the 128 bytes at the end of a file.

The byte layout (parsing, finding the tag in a file's last bytes, building
one) is handled by the Rust crate ``mtg-id3``; this module maps it to and
from ID3v2 frames.
"""

import errno
from struct import error as StructError, unpack  # noqa: F401

from .._util import bchr  # noqa: F401
from .. import _native
from ._frames import TCON, TRCK, COMM, TDRC, TYER, TALB, TPE1, TIT2


def _v2_version_ok(v2_version):
    if v2_version not in (3, 4):
        raise ValueError("Only 3 and 4 possible for v2_version")


def _year_version(v2_version, known_frames):
    """The version whose year frame an ID3v1 year becomes: 3 (TYER) when
    ``v2_version`` is 3 and ``known_frames`` has TYER, else 4 (TDRC)."""

    return 3 if v2_version == 3 and "TYER" in known_frames else 4


def find_id3v1(fileobj, v2_version=4, known_frames=None):
    """Look for an ID3v1 tag at the end of ``fileobj``.

    Returns ``(frames, offset)``: the frames of the tag (see
    :func:`ParseID3v1`) and where it starts, counted from the end of the
    file (-128, or a little less for a tag cut short); ``(None, 0)`` when
    there is none. The file position is left as it was.
    """

    _v2_version_ok(v2_version)

    old_pos = fileobj.tell()
    try:
        fileobj.seek(-131, 2)
    except IOError as e:
        if e.errno != errno.EINVAL:
            raise
        # the file is shorter than what we want to look at
        fileobj.seek(0, 0)
    start = fileobj.tell()
    tail = fileobj.read(131)
    fileobj.seek(old_pos, 0)

    data, offset = _native.id3_find_v1_in_tail(tail, start + len(tail))
    if data is None:
        return (None, 0)
    return ParseID3v1(data, v2_version, known_frames), offset


def ParseID3v1(data, v2_version=4, known_frames=None):
    """The frames of the ID3v1 tag in ``data`` (its 128 bytes), as a dict by
    frame ID; None if ``data`` is not an ID3v1 tag.

    The year becomes TYER for ``v2_version`` 3 when ``known_frames`` has
    TYER, else TDRC. Only frames whose IDs are in ``known_frames``
    (default: all) are made, with the classes it names.
    """

    _v2_version_ok(v2_version)
    if known_frames is None:
        from ._frames import Frames as known_frames
    fields = _native.id3_parse_v1(
        data, _year_version(v2_version, known_frames))
    if fields is None:
        return None

    frames = {}
    for frame_id, kwargs in fields:
        if frame_id in known_frames:
            frames[frame_id] = known_frames[frame_id](**kwargs)
    return frames


def MakeID3v1(id3):
    """The 128-byte ID3v1(.1) tag for the frames in ``id3`` (an ID3 tag or
    any mapping of frame keys to frames).

    Uses TIT2, TPE1 and TALB, the year of TDRC (else TYER), the frame at key
    'COMM', the track number of TRCK (making the tag v1.1 when it is 1-255)
    and the first genre of TCON. Text is stored as Latin-1, cut to size.
    """

    values = {}
    for frame_id, field in (("TIT2", "title"), ("TPE1", "artist"),
                            ("TALB", "album")):
        if frame_id in id3:
            values[field] = id3[frame_id].text[0]

    if "TDRC" in id3:
        values["year"] = str(id3["TDRC"])
    elif "TYER" in id3:
        values["year"] = str(id3["TYER"])
    if "year" in values:
        # the year is stored as ASCII digits: anything else is an error
        values["year"].encode("ascii")

    if "COMM" in id3:
        values["comment"] = id3["COMM"].text[0]

    if "TRCK" in id3:
        try:
            values["track"] = +id3["TRCK"]
        except ValueError:
            values["track"] = None

    if "TCON" in id3:
        genres = id3["TCON"].genres
        values["genre"] = genres[0] if genres else None

    return _native.id3_make_v1(values)
