"""AC-3 (Dolby Digital) and E-AC-3 (Dolby Digital Plus) streams.

Such files have no tags. The first frame's header is read by the native
core (crate ``mtg-mpeg``); the length is estimated from the size of the
file at that frame's bitrate.

Names and behaviour follow ``mutagen.ac3`` of mutagen 1.48.1.
"""

from . import _native
from ._util import _stream_info_from_path
from ._file import FileType
from ._native import StreamInfo
from ._util import (  # noqa: F401 (several re-exported)
    BitReader, BitReaderError, MutagenError, convert_error, enum, loadfile,
    endswith)

__all__ = ["AC3", "Open"]


@enum
class ChannelMode(object):
    """Audio coding mode (``acmod``): the full-bandwidth channels."""

    DUALMONO = 0
    MONO = 1
    STEREO = 2
    C3F = 3
    C2F1R = 4
    C3F1R = 5
    C2F2R = 6
    C3F2R = 7


AC3_CHANNELS = {
    ChannelMode.DUALMONO: 2,
    ChannelMode.MONO: 1,
    ChannelMode.STEREO: 2,
    ChannelMode.C3F: 3,
    ChannelMode.C2F1R: 3,
    ChannelMode.C3F1R: 4,
    ChannelMode.C2F2R: 4,
    ChannelMode.C3F2R: 5,
}

AC3_HEADER_SIZE = 7

AC3_SAMPLE_RATES = [48000, 44100, 32000]

AC3_BITRATES = [
    32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192,
    224, 256, 320, 384, 448, 512, 576, 640,
]


@enum
class EAC3FrameType(object):
    """E-AC-3 stream type (``strmtyp``)."""

    INDEPENDENT = 0
    DEPENDENT = 1
    AC3_CONVERT = 2
    RESERVED = 3


EAC3_BLOCKS = [1, 2, 3, 6]


class AC3Error(MutagenError):
    """An AC-3 stream could not be read."""


error = AC3Error


class AC3Info(StreamInfo):
    """AC3Info()

    Stream information of an AC-3 / E-AC-3 stream. The length assumes a
    constant bitrate, that of the first frame.

    Attributes:
        channels (int): number of audio channels (LFE included)
        length (float): in seconds
        sample_rate (int): Hz
        bitrate (int): bits per second
        codec (str): ``"ac-3"`` or ``"ec-3"``
    """

    channels = 0
    length = 0
    sample_rate = 0
    bitrate = 0
    codec = 'ac-3'

    @convert_error(IOError, AC3Error)
    def __init__(self, fileobj):
        """Raises AC3Error"""

        self.__dict__.update(_native.ac3_info(fileobj, fileobj.tell()))

    def pprint(self):
        return u"%s, %d Hz, %.2f seconds, %d channel(s), %d bps" % (
            self.codec, self.sample_rate, self.length, self.channels,
            self.bitrate)


class AC3(FileType):
    """AC3(filething)

    An AC-3 or E-AC-3 file; it cannot hold tags.

    Arguments:
        filething (filething)

    Attributes:
        info (AC3Info)
    """

    _mimes = ["audio/ac3"]

    def load(self, *args, **kwargs):
        """load(filething)

        Raises:
            AC3Error: not an AC-3 stream
            mutagen_rs.MutagenError: the file cannot be read
        """

        # a path goes to the native reader unopened
        if not _stream_info_from_path(self, args, kwargs, _native.ac3_info,
                                      AC3Info, AC3Error):
            return self._load(*args, **kwargs)

    @loadfile()
    def _load(self, filething):
        self.info = AC3Info(filething.fileobj)

    def add_tags(self):
        raise AC3Error("doesn't support tags")

    @staticmethod
    def score(filename, fileobj, header):
        return header.startswith(b"\x0b\x77") * 2 \
            + (endswith(filename, ".ac3") or endswith(filename, ".eac3"))


Open = AC3
