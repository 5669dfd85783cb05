"""Raw AAC streams: ADTS frames, or an ADIF header.

Such files have no tags of their own (an ID3v2 tag in front is skipped).
The stream is read by the native core (crate ``mtg-mpeg``): sample rate and
channels from the first frame or header; for ADTS the bitrate and length
are estimated from the first frames.

Names and behaviour follow ``mutagen.aac`` of mutagen 1.48.1.
"""

from . import _native
from ._util import _stream_info_from_path, _lazy_bitpaddedint
from ._file import FileType
from ._native import StreamInfo
from ._util import (  # noqa: F401 (several re-exported)
    BitReader, BitReaderError, MutagenError, loadfile, convert_error,
    endswith)

__all__ = ["AAC", "Open"]

_FREQS = [
    96000, 88200, 64000, 48000,
    44100, 32000, 24000, 22050,
    16000, 12000, 11025, 8000,
    7350,
]


# BitPaddedInt: imported from the ID3 package when first used
__getattr__, __dir__ = _lazy_bitpaddedint(__name__)


class AACError(MutagenError):
    """An AAC stream could not be read."""


error = AACError


class ProgramConfigElement(object):
    """An ADIF program config element, read from a :class:`BitReader`.

    Attributes:
        element_instance_tag (int)
        object_type (int)
        sampling_frequency_index (int)
        channels (int): one per single channel and LFE element, two per
            channel pair element
    """

    element_instance_tag = None
    object_type = None
    sampling_frequency_index = None
    channels = None

    def __init__(self, r):
        """Reads the element; raises BitReaderError when the data ends."""

        self.element_instance_tag = r.bits(4)
        self.object_type = r.bits(2)
        self.sampling_frequency_index = r.bits(4)
        num_front = r.bits(4)
        num_side = r.bits(4)
        num_back = r.bits(4)
        num_lfe = r.bits(2)
        num_assoc = r.bits(3)
        num_cc = r.bits(4)
        if r.bits(1):  # mono mixdown
            r.skip(4)
        if r.bits(1):  # stereo mixdown
            r.skip(4)
        if r.bits(1):  # matrix mixdown index and pseudo surround flag
            r.skip(3)

        channels = 0
        for _ in range(num_front + num_side + num_back):
            is_pair = r.bits(1)
            r.skip(4)
            channels += 2 if is_pair else 1
        channels += num_lfe
        r.skip(4 * num_lfe)
        r.skip(4 * num_assoc)
        for _ in range(num_cc):
            r.skip(5)
        r.align()
        comment_bytes = r.bits(8)
        r.skip(8 * comment_bytes)
        self.channels = channels


class AACInfo(StreamInfo):
    """AACInfo()

    Stream information of a raw AAC stream. For ADTS the length and bitrate
    are estimates, from the first frames and the size of the file.

    Attributes:
        channels (int): number of audio channels
        length (float): in seconds
        sample_rate (int): Hz
        bitrate (int): bits per second (the average over the first frames
            for ADTS)
    """

    channels = 0
    length = 0
    sample_rate = 0
    bitrate = 0

    @convert_error(IOError, AACError)
    def __init__(self, fileobj):
        """Raises AACError"""

        self.__dict__.update(_native.aac_info(fileobj, fileobj.tell()))

    def pprint(self):
        return u"AAC (%s), %d Hz, %.2f seconds, %d channel(s), %d bps" % (
            self._type, self.sample_rate, self.length, self.channels,
            self.bitrate)


class AAC(FileType):
    """AAC(filething)

    A raw AAC file (ADTS or ADIF); it cannot hold tags.

    Arguments:
        filething (filething)

    Attributes:
        info (AACInfo)
    """

    _mimes = ["audio/x-aac"]

    def load(self, *args, **kwargs):
        """load(filething)

        Raises:
            AACError: not an AAC stream
            mutagen_rs.MutagenError: the file cannot be read
        """

        # a path goes to the native reader unopened
        if not _stream_info_from_path(self, args, kwargs, _native.aac_info,
                                      AACInfo, AACError):
            return self._load(*args, **kwargs)

    @loadfile()
    def _load(self, filething):
        self.info = AACInfo(filething.fileobj)

    def add_tags(self):
        raise AACError("doesn't support tags")

    @staticmethod
    def score(filename, fileobj, header):
        filename = filename.lower()
        s = endswith(filename, ".aac") or endswith(filename, ".adts") or \
            endswith(filename, ".adif")
        s += b"ADIF" in header
        return s


Open = AAC
