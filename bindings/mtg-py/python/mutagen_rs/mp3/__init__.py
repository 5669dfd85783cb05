"""MPEG audio: MP3 (and MP2/MP1) files with ID3 tags.

:class:`MP3` is an ID3-tagged file whose ``info`` is an :class:`MPEGInfo`:
the first believable frame after the tag (and any VBR header in it) gives
version, layer, bitrate, sample rate, channels and length. Locating and
decoding the frames is done by the native core (crate ``mtg-mpeg``); tags
are read and written by :mod:`mutagen_rs.id3`.

Names and behaviour follow ``mutagen.mp3`` of mutagen 1.48.1.
"""

import struct  # noqa: F401 (re-exported)

from .. import _native
from .._native import mp3_open as _mp3_open
from .._util import (  # noqa: F401 (several re-exported)
    MutagenError, enum, BitReader, BitReaderError, convert_error, intround,
    endswith)
from .._native import StreamInfo
from ..id3 import ID3FileType, delete, ID3 as _ID3
from ..id3._util import BitPaddedInt  # noqa: F401 (re-exported)
from ..id3._util import error as _id3_error
from ..id3._file import _TABLES, _NATIVE_FRAMES
from ..id3._tags import ID3Header as _ID3Header
from .. import easyid3 as _easyid3
from . import _util  # noqa: F401 (the submodule, as an attribute)
from ._util import XingHeader, XingHeaderError, VBRIHeader, VBRIHeaderError

__all__ = ["MP3", "Open", "delete", "MP3"]


class error(MutagenError):
    """An MPEG audio stream could not be read."""


class HeaderNotFoundError(error):
    """No MPEG audio frame could be found."""


class InvalidMPEGHeader(error):
    """An invalid MPEG audio frame header."""


@enum
class BitrateMode(object):

    UNKNOWN = 0
    """No VBR header says how the bitrate varies"""

    CBR = 1
    """Constant bitrate"""

    VBR = 2
    """Variable bitrate"""

    ABR = 3
    """Average bitrate (a kind of variable bitrate)"""


# The members by value, for the native readers.
_MODES = (BitrateMode.UNKNOWN, BitrateMode.CBR, BitrateMode.VBR,
          BitrateMode.ABR)


def _guess_xing_bitrate_mode(xing):
    """The :class:`BitrateMode` of a stream whose first frame holds the
    :class:`XingHeader` `xing`."""

    if xing.lame_header:
        method = xing.lame_header.vbr_method
        if method in (1, 8):
            return BitrateMode.CBR
        elif method in (2, 9):
            return BitrateMode.ABR
        elif method in (3, 4, 5, 6):
            return BitrateMode.VBR
        # otherwise decided below

    if xing.is_info:
        return BitrateMode.CBR
    elif xing.vbr_scale != -1 or xing.lame_version_desc:
        return BitrateMode.VBR

    return BitrateMode.UNKNOWN


# Channel modes
STEREO, JOINTSTEREO, DUALCHANNEL, MONO = range(4)


def _sync_positions(data):
    """Offsets ``i`` in `data` where ``data[i]`` is 0xFF and the top three
    bits of ``data[i + 1]`` are set."""

    find = data.find
    end = len(data) - 1
    i = find(b"\xff")
    while 0 <= i < end:
        if data[i + 1] & 0xE0 == 0xE0:
            yield i
        i = find(b"\xff", i + 1)


def iter_sync(fileobj, max_read):
    """Find frame syncs in the next `max_read` bytes of `fileobj`.

    Yields once per sync (the value is None) with the file positioned at
    it; consecutive reads grow in size. When done the file is positioned
    after the bytes read.
    """

    read = 0
    size = 2
    last_byte = b""
    base = fileobj.tell()  # offset of last_byte (or of the next read)
    while read < max_read:
        chunk_start = base + len(last_byte)
        data = last_byte + fileobj.read(min(max_read - read, size))
        read += len(data) - len(last_byte)
        end = chunk_start + len(data) - len(last_byte)
        if len(data) == len(last_byte):
            break
        size *= 2
        for i in _sync_positions(data):
            fileobj.seek(base + i, 0)
            yield
        fileobj.seek(end, 0)
        last_byte = data[-1:]
        base = end - 1


def skip_id3(fileobj):
    """Move `fileobj` past the ID3v2 tags that start at its position."""

    while True:
        header = fileobj.read(10)
        if len(header) == 10 and header[:3] == b"ID3":
            size = 0
            for byte in header[6:10]:
                size = (size << 7) | (byte & 0x7F)
            if size:
                fileobj.seek(size, 1)
                continue
        fileobj.seek(-len(header), 1)
        return


class MPEGFrame(object):
    """The MPEG audio frame at the position of `fileobj`, with what a VBR
    header in it says about the whole stream.

    Attributes: ``frame_offset``, ``mode``, ``channels``, ``version``,
    ``layer``, ``protected``, ``padding``, ``bitrate``, ``sample_rate``,
    ``sketchy`` (True without a VBR header); with one, some of
    ``bitrate_mode``, ``encoder_info``, ``encoder_settings``, ``length``,
    ``track_gain``, ``track_peak``, ``album_gain``.

    Raises:
        HeaderNotFoundError: no valid frame header there
    """

    sketchy = False

    def __init__(self, fileobj):
        self.__dict__.update(_native.mpeg_frame(fileobj, _MODES))


class MPEGInfo(StreamInfo):
    """MPEGInfo()

    Stream information of an MPEG audio file.

    Read from the first frame after the ID3v2 tag that is followed by
    three more frames, or that carries a VBR header (Xing, Info, VBRI).
    Without such a frame, the first run of two or three frames is used
    and ``sketchy`` is set.

    Arguments:
        fileobj (fileobj): the file
        offset (int): where to start looking (past the ID3v2 tag); None
            for the start of the file

    Attributes:
        length (float): in seconds
        channels (int)
        bitrate (int): bits per second (the average, for VBR)
        sample_rate (int): Hz
        encoder_info (text): the encoder name and version, or ""
        encoder_settings (text): the encoder settings (a guess), or ""
        bitrate_mode (BitrateMode): how the bitrate varies
        track_gain (float): ReplayGain track gain in dB, or None
        track_peak (float): ReplayGain track peak, or None
        album_gain (float): ReplayGain album gain in dB, or None
        album_peak (float): always None
        version (float): 1, 2 or 2.5
        layer (int): 1, 2 or 3
        mode (int): STEREO, JOINTSTEREO, DUALCHANNEL or MONO
        protected (bool): the first frame has a CRC
        padding (bool): the first frame is padded
        sketchy (bool): no run of four frames nor a VBR header was found;
            possibly not MPEG audio at all
        frame_offset (int): where the first frame starts

    Raises:
        HeaderNotFoundError: no frames found
        error: the file could not be read
    """

    sketchy = False
    encoder_info = u""
    encoder_settings = u""
    bitrate_mode = BitrateMode.UNKNOWN
    track_gain = track_peak = album_gain = album_peak = None

    @convert_error(IOError, error)
    def __init__(self, fileobj, offset=None):
        self.__dict__.update(_native.mpeg_info(fileobj, offset, _MODES))

    def pprint(self):
        mode = self.bitrate_mode
        text = str(mode).split(".", 1)[-1]
        if mode == BitrateMode.UNKNOWN:
            text = u"CBR?"
        parts = [text]
        if self.encoder_info:
            parts.append(self.encoder_info)
        if self.encoder_settings:
            parts.append(self.encoder_settings)
        line = u"MPEG %s layer %d, %d bps (%s), %s Hz, %d chn, %.2f seconds" % (
            self.version, self.layer, self.bitrate, u", ".join(parts),
            self.sample_rate, self.channels, self.length)
        if self.sketchy:
            line += u" (sketchy)"
        return line


_new_info = MPEGInfo.__new__


def _info_from(attrs):
    """MPEGInfo with the attributes the native reader found, or raising
    what it raised (an IOError as this module's error)."""

    if isinstance(attrs, BaseException):
        if isinstance(attrs, IOError) and not isinstance(attrs, error):
            raise error(attrs)
        raise attrs
    info = _new_info(MPEGInfo)
    info.__dict__ = attrs
    return info


class MP3(ID3FileType):
    """MP3(filething)

    An MPEG-1/2/2.5 audio file (layer III, or II or I) with ID3 tags.

    Arguments:
        filething (filething)

    Attributes:
        info (MPEGInfo)
        tags (mutagen_rs.id3.ID3)
    """

    _Info = MPEGInfo

    _mimes = ["audio/mpeg", "audio/mpg", "audio/x-mpeg"]

    @property
    def mime(self):
        layer = self.info.layer
        return ["audio/mp%d" % layer, "audio/x-mp%d" % layer] + \
            super(MP3, self).mime

    @staticmethod
    def score(filename, fileobj, header_data):
        filename = filename.lower()
        sync = header_data[:2] in (b"\xff\xf2", b"\xff\xf3", b"\xff\xfa",
                                   b"\xff\xfb")
        return ((header_data.startswith(b"ID3") or sync) * 2 +
                (endswith(filename, ".mp3") or endswith(filename, ".mp2") or
                 endswith(filename, ".mpg") or endswith(filename, ".mpeg")))

    def load(self, *args, **kwargs):
        """load(filething, ID3=None, **kwargs)

        Load the ID3 tags (with the class ``ID3``, by default the one of
        this file type; further keywords go to its ``load``) and the
        stream information.

        Raises:
            mutagen_rs.MutagenError
        """

        if len(args) == 1 and not kwargs:
            path = args[0]
            kind = type(path)
            if (kind is str or kind is bytes) and self.ID3 in _PATH_TAGS:
                # A path goes to the native readers as it is.
                self.filename = path
                # tags and stream info from one opening of the file, tagged
                # or not; the objects made natively when the frames can wait
                # (see _native.mp3_open)
                try:
                    result = _mp3_open(path, _MODES, _TABLES, _NATIVE_FRAMES,
                                       _ID3, _ID3Header, MPEGInfo)
                    if type(result) is tuple:
                        tags, info = result
                        if tags is None:
                            self.tags = None
                            self.info = info if type(info) is MPEGInfo \
                                else _info_from(info)
                            return
                    elif result.get("untagged"):
                        self.tags = None
                        self.info = _info_from(result.get("mpeg"))
                        return
                    else:
                        tags = _ID3()
                        tags.filename = path
                        info = tags._load(path, mpeg_modes=_MODES,
                                          result=result)
                except IOError as e:
                    raise _id3_error(e).with_traceback(e.__traceback__)
                if self.ID3 is not _ID3:
                    # EasyID3: the same ID3 object, wrapped
                    easy = _EasyID3.__new__(_EasyID3)
                    easy._EasyID3__id3 = tags
                    tags = easy
                self.tags = tags
                self.info = info if type(info) is MPEGInfo \
                    else _info_from(info)
                return
        return ID3FileType.load(self, *args, **kwargs)


Open = MP3


class EasyMP3(MP3):
    """EasyMP3(filething)

    An :class:`MP3` whose tags are an EasyID3 (text keys such as
    ``"title"``).

    Arguments:
        filething (filething)

    Attributes:
        info (MPEGInfo)
        tags (mutagen_rs.easyid3.EasyID3)
    """

    ID3 = _easyid3.EasyID3


# Tag classes MP3.load reads a plain path for natively, without a Python
# file object: ID3, and EasyID3 around the same ID3 object.
_EasyID3 = EasyMP3.ID3
_PATH_TAGS = (_ID3, _EasyID3)
