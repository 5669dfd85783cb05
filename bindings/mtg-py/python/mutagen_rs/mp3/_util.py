"""The headers an MP3 encoder may put into the first frame of a stream.

* :class:`XingHeader`: the Xing (VBR) or Info (CBR) tag: frame and byte
  counts, seek table, quality, and the LAME extension when present;
* :class:`LAMEHeader`: that extension (ReplayGain, gapless information,
  the encoder settings, from which :meth:`LAMEHeader.guess_settings` derives
  a likely command line);
* :class:`VBRIHeader`: Fraunhofer's VBRI tag.

Each class reads its header from a file object at its current position and
leaves the position after the bytes it used. The bytes are decoded by the
native core (crate ``mtg-mpeg``); the objects only hold the values.
"""

from __future__ import division  # noqa: F401 (re-exported)

from functools import partial  # noqa: F401 (re-exported)
from io import BytesIO  # noqa: F401 (re-exported)
from typing import List

from .. import _native
from .._util import cdata, BitReader, iterbytes  # noqa: F401 (re-exported)

# tag, flags, frames, bytes, TOC, VBR scale, LAME version and LAME header
_XING_READ = 8 + 4 + 4 + 100 + 4 + 20 + 27


class LAMEError(Exception):
    """A LAME version string or header could not be read."""


class LAMEHeader(object):
    """The LAME extension of a Xing/Info tag.

    Args:
        xing (XingHeader): the tag it belongs to (its ``vbr_scale`` gives
            the quality values)
        fileobj: positioned at the 27 header bytes

    Raises:
        LAMEError: too few bytes, or an unknown header revision

    Attributes are integers unless noted: ``vbr_method``,
    ``lowpass_filter`` (Hz), ``quality``, ``vbr_quality``, ``track_peak``
    (float or None), ``track_gain_origin``, ``track_gain_adjustment`` (dB,
    float or None), ``album_gain_origin``, ``album_gain_adjustment``,
    ``encoding_flags``, ``ath_type``, ``bitrate`` (kbit/s),
    ``encoder_delay_start``, ``encoder_padding_end`` (samples),
    ``source_sample_frequency_enum``, ``unwise_setting_used``,
    ``stereo_mode``, ``noise_shaping``, ``mp3_gain``, ``surround_info``,
    ``preset_used``, ``music_length`` (bytes), ``music_crc``,
    ``header_crc``.
    """

    vbr_method = 0
    lowpass_filter = 0
    quality = -1
    vbr_quality = -1
    track_peak = None
    track_gain_origin = 0
    track_gain_adjustment = None
    album_gain_origin = 0
    album_gain_adjustment = None
    encoding_flags = 0
    ath_type = -1
    bitrate = -1
    encoder_delay_start = 0
    encoder_padding_end = 0
    source_sample_frequency_enum = -1
    unwise_setting_used = False
    stereo_mode = 0
    noise_shaping = 0
    mp3_gain = 0
    surround_info = 0
    preset_used = 0
    music_length = 0
    music_crc = -1
    header_crc = -1

    def __init__(self, xing, fileobj):
        data = fileobj.read(27)
        self.__dict__.update(_native.mpeg_lame_header(xing.vbr_scale, data))

    def guess_settings(self, major, minor):
        """The LAME options that most likely produced the file, for an
        encoder of version ``major.minor`` (e.g. ``"-V 2"``), or ``""``.

        Returns:
            text
        """

        version = (major, minor)
        method = self.vbr_method
        bitrate = self.bitrate
        preset = self.preset_used
        vq = self.vbr_quality
        early = (3, 90) <= version <= (3, 92)

        if method == 2:
            # average bitrate
            if early and self.encoding_flags:
                if bitrate < 255:
                    return u"--alt-preset %d" % bitrate
                return u"--alt-preset %d+" % bitrate
            if preset != 0:
                return u"--preset %d" % preset
            if bitrate < 255:
                return u"--abr %d" % bitrate
            return u"--abr %d+" % bitrate

        if method == 1:
            # constant bitrate
            if preset == 0:
                if bitrate < 255:
                    return u"-b %d" % bitrate
                return u"-b 255+"
            if preset == 1003:
                return u"--preset insane"
            return u"-b %d" % preset

        if early:
            known = {
                (1, 2, 4, 19500, 3): u"--preset r3mix",
                (2, 2, 3, 19000, 4): u"--alt-preset standard",
                (2, 2, 3, 19500, 2): u"--alt-preset extreme",
            }
            key = (vq, self.quality, method, self.lowpass_filter,
                   self.ath_type)
            if key in known:
                return known[key]
            if method == 3:
                return u"-V %s" % vq
            if method in (4, 5):
                return u"-V %s --vbr-new" % vq
        elif (3, 93) <= version <= (3, 97):
            presets = {
                1001: u"--preset standard",
                1002: u"--preset extreme",
                1004: u"--preset fast standard",
                1005: u"--preset fast extreme",
                1006: u"--preset medium",
                1007: u"--preset fast medium",
            }
            if preset in presets:
                return presets[preset]
            if method == 3:
                return u"-V %s" % vq
            if method in (4, 5):
                return u"-V %s --vbr-new" % vq
        elif version == (3, 98):
            if method == 3:
                return u"-V %s --vbr-old" % vq
            if method in (4, 5):
                return u"-V %s" % vq
        elif version >= (3, 99):
            if method == 3:
                return u"-V %s --vbr-old" % vq
            if method in (4, 5):
                # LAME 3.99 stored some low settings with the wrong quality
                remap = {(5, 32, 0): 7, (5, 8, 0): 8, (6, 8, 0): 9}
                vq = remap.get((vq, bitrate, self.lowpass_filter), vq)
                return u"-V %s" % vq
        return u""

    @classmethod
    def parse_version(cls, fileobj):
        """Read the encoder version that starts a LAME tag (20 bytes).

        Returns:
            ((major, minor), description, is_new): ``is_new`` is True for
            LAME 3.90 and later, whose tag carries a :class:`LAMEHeader`;
            the file is then left at the end of the 9-byte version string.

        Raises:
            LAMEError: not a LAME version string
        """

        start = fileobj.tell()
        data = fileobj.read(20)
        major, minor, desc, is_new, used = _native.mpeg_lame_version(data)
        if used != len(data):
            fileobj.seek(start + used, 0)
        return (major, minor), desc, is_new


class XingHeaderError(Exception):
    """Not a Xing/Info header, or one cut short."""


class XingHeaderFlags(object):
    """Which fields a Xing header holds."""

    FRAMES = 1
    BYTES = 2
    TOC = 4
    VBR_SCALE = 8


class XingHeader(object):
    """A Xing or Info tag, read from the position of `fileobj`.

    Attributes:
        frames (int): frames in the stream, -1 if not given
        bytes (int): bytes in the stream, -1 if not given
        toc (List[int]): the seek table (100 entries), empty if not given
        vbr_scale (int): the quality, -1 if not given
        lame_header (LAMEHeader): the LAME extension, or None
        lame_version (tuple): the LAME version, (0, 0) if none
        lame_version_desc (text): the LAME version as text, "" if none
        is_info (bool): an ``Info`` tag (written for CBR streams)

    Raises:
        XingHeaderError
    """

    frames = -1
    bytes = -1
    toc: List[int] = []
    vbr_scale = -1
    lame_header = None
    lame_version = (0, 0)
    lame_version_desc = u""
    is_info = False

    def __init__(self, fileobj):
        start = fileobj.tell()
        data = fileobj.read(_XING_READ)
        try:
            attrs, lame, used = _native.mpeg_xing(data)
        except XingHeaderError:
            if len(data) >= 8 and data[:4] in (b"Xing", b"Info"):
                # a field ran past the end of the file
                fileobj.seek(start + len(data), 0)
            else:
                fileobj.seek(start + min(8, len(data)), 0)
            raise
        fileobj.seek(start + used, 0)
        self.__dict__.update(attrs)
        if lame is not None:
            header = LAMEHeader.__new__(LAMEHeader)
            header.__dict__.update(lame)
            self.lame_header = header

    def get_encoder_settings(self):
        """The guessed encoder settings (see
        :meth:`LAMEHeader.guess_settings`), or ``""`` without a LAME header.
        """

        if self.lame_header is None:
            return u""
        return self.lame_header.guess_settings(*self.lame_version)

    @classmethod
    def get_offset(cls, info):
        """Where the tag starts, counted from the start of the frame whose
        stream information is `info` (a layer III frame)."""

        assert info.layer == 3

        mono = info.mode == 3
        if info.version == 1:
            return 21 if mono else 36
        return 13 if mono else 21


class VBRIHeaderError(Exception):
    """Not a VBRI header, or one that cannot be read."""


class VBRIHeader(object):
    """A Fraunhofer VBRI tag, read from the position of `fileobj`.

    Attributes:
        version (int), quality (int), bytes (int), frames (int),
        toc_scale_factor (int), toc_frames (int): the header fields
        toc (List[int]): the seek table

    Raises:
        VBRIHeaderError
    """

    version = 0
    quality = 0
    bytes = 0
    frames = 0
    toc_scale_factor = 0
    toc_frames = 0
    toc: List[int] = []

    def __init__(self, fileobj):
        self.__dict__.update(_native.mpeg_vbri(fileobj))

    @classmethod
    def get_offset(cls, info):
        """Where the tag starts from the start of its (layer III) frame."""

        assert info.layer == 3
        return 36
