"""Field specifications of ID3 frames.

Each frame class lists its fields as Spec objects (``_framespec`` and
``_optionalspec``). A spec knows its field's name, default and how a value
assigned to the field is checked and normalised (``validate``). Turning bytes
into values and back (``read``/``write``) is done by the Rust crate mtg-id3;
the spec object only tells it which kind of field this is (``_kind``) and its
parameters.
"""

import codecs  # noqa: F401 (part of the module's public names)
import struct  # noqa: F401
from struct import unpack, pack  # noqa: F401

from .._util import (  # noqa: F401
    bchr, cdata, enum, flags, intround, total_ordering, decode_terminated,
    encode_endian,
)
from .. import _native
from ._util import BitPaddedInt, is_valid_frame_id  # noqa: F401


@total_ordering
class ID3TimeStamp(object):
    """A date and time as ID3v2.4 writes them: ``yyyy-MM-ddTHH:mm:ss``,
    any prefix of it. ``text`` reads and writes the whole; ``year`` ...
    ``second`` are the parts (None where absent)."""

    _FIELDS = ("year", "month", "day", "hour", "minute", "second")
    _SEPS = ("", "-", "-", " ", ":", ":")

    def __init__(self, text):
        if isinstance(text, ID3TimeStamp):
            text = text.text
        elif not isinstance(text, str):
            raise TypeError("not a str")
        self.set_text(text)

    def get_text(self):
        """The timestamp as text, up to its last present part."""
        parts = []
        for sep, name in zip(self._SEPS, self._FIELDS):
            value = getattr(self, name)
            if value is None:
                break
            parts.append(sep + ("%04d" if name == "year" else "%02d") % value)
        return "".join(parts)

    def set_text(self, text):
        """Parse ``text``, setting every part (None where absent)."""
        values = _native.id3_timestamp_parse(text)
        for name, value in zip(self._FIELDS, values):
            setattr(self, name, value)

    text = property(get_text, set_text, doc="The timestamp as text.")

    def __str__(self):
        return self.text

    def __bytes__(self):
        return self.text.encode("utf-8")

    def __repr__(self):
        return repr(self.text)

    def __eq__(self, other):
        if not isinstance(other, ID3TimeStamp):
            return NotImplemented
        return self.text == other.text

    def __lt__(self, other):
        if not isinstance(other, ID3TimeStamp):
            return NotImplemented
        return self.text < other.text

    def __hash__(self):
        return hash((ID3TimeStamp, self.text))

    def encode(self, *args):
        """``text`` encoded, like ``str.encode``."""
        return self.text.encode(*args)


class SpecError(Exception):
    """Bytes that do not form a valid value of a field."""


@enum
class PictureType(object):
    """What an attached picture shows (APIC/PIC ``type``)."""

    OTHER = 0
    FILE_ICON = 1
    OTHER_FILE_ICON = 2
    COVER_FRONT = 3
    COVER_BACK = 4
    LEAFLET_PAGE = 5
    MEDIA = 6
    LEAD_ARTIST = 7
    ARTIST = 8
    CONDUCTOR = 9
    BAND = 10
    COMPOSER = 11
    LYRICIST = 12
    RECORDING_LOCATION = 13
    DURING_RECORDING = 14
    DURING_PERFORMANCE = 15
    SCREEN_CAPTURE = 16
    FISH = 17
    ILLUSTRATION = 18
    BAND_LOGOTYPE = 19
    PUBLISHER_LOGOTYPE = 20

    def _pprint(self):
        return str(self).split(".", 1)[-1].lower().replace("_", " ")


@flags
class CTOCFlags(object):
    TOP_LEVEL = 0x2
    ORDERED = 0x1


@enum
class Encoding(object):
    """Text encoding of a frame (its ``encoding`` field)."""

    LATIN1 = 0
    UTF16 = 1
    UTF16BE = 2
    UTF8 = 3


def iter_text_fixups(data, encoding):
    """Yield ``data`` and then variants of it that may decode where the
    original failed: for UTF-16, with a missing trailing byte supplied."""
    yield data
    if encoding in (Encoding.UTF16, Encoding.UTF16BE) and len(data) % 2:
        yield data + b"\x00"


class Spec(object):
    """One field of a frame: a name, a default and a kind of value."""

    handle_nodata = False
    """Whether the field may be read from no bytes at all."""

    _kind = None

    def __init__(self, name, default):
        self.name = name
        self.default = default

    def __hash__(self):
        raise TypeError("Spec objects are unhashable")

    def _validate23(self, frame, value, **kwargs):
        """The value as it must be for an ID3v2.3 save."""
        return value

    def read(self, header, frame, data):
        """Reads a value from the start of ``data``: (value, rest)."""
        return _native.id3_spec_read(self, header, frame, data)

    def write(self, config, frame, value):
        """The bytes of ``value``."""
        return _native.id3_spec_write(self, config, frame, value)

    def validate(self, frame, value):
        """The normalised value; raises for values the field can't hold."""
        raise NotImplementedError


class ByteSpec(Spec):
    _kind = "byte"

    def __init__(self, name, default=0):
        super(ByteSpec, self).__init__(name, default)

    def validate(self, frame, value):
        if value is not None:
            bchr(value)
        return value


class PictureTypeSpec(ByteSpec):
    _kind = "picture_type"

    def __init__(self, name, default=PictureType.COVER_FRONT):
        super(PictureTypeSpec, self).__init__(name, default)

    def validate(self, frame, value):
        value = ByteSpec.validate(self, frame, value)
        if value is not None:
            return PictureType(value)
        return value


class CTOCFlagsSpec(ByteSpec):
    _kind = "ctoc_flags"

    def validate(self, frame, value):
        value = ByteSpec.validate(self, frame, value)
        if value is not None:
            return CTOCFlags(value)
        return value


class ChannelSpec(ByteSpec):
    _kind = "channel"
    (OTHER, MASTER, FRONTRIGHT, FRONTLEFT, BACKRIGHT, BACKLEFT, FRONTCENTRE,
     BACKCENTRE, SUBWOOFER) = range(9)


class EncodingSpec(ByteSpec):
    _kind = "encoding"

    def __init__(self, name, default=Encoding.UTF16):
        super(EncodingSpec, self).__init__(name, default)

    def validate(self, frame, value):
        if value is None:
            raise TypeError
        if value in (0, 1, 2, 3):
            return Encoding(value)
        raise ValueError("Invalid Encoding: %r" % value)

    def _validate23(self, frame, value, **kwargs):
        # ID3v2.3 knows only Latin-1 and UTF-16 with BOM.
        if value > 1:
            return Encoding.UTF16
        return value


class StringSpec(Spec):
    """A fixed number of ASCII characters (e.g. a language code)."""

    _kind = "string"

    def __init__(self, name, length, default=None):
        if default is None:
            default = u" " * length
        super(StringSpec, self).__init__(name, default)
        self.len = length

    def validate(self, frame, value):
        if value is None:
            raise TypeError
        if not isinstance(value, str):
            raise TypeError("%s has to be str" % self.name)
        value.encode("ascii")
        if len(value) == self.len:
            return value
        raise ValueError("Invalid StringSpec[%d] data: %r" % (self.len, value))


class FrameIDSpec(StringSpec):
    _kind = "frame_id"

    def __init__(self, name, length):
        super(FrameIDSpec, self).__init__(name, length, u"X" * length)

    def validate(self, frame, value):
        value = super(FrameIDSpec, self).validate(frame, value)
        if not is_valid_frame_id(value):
            raise ValueError("Invalid frame ID")
        return value


class RVASpec(Spec):
    """Relative volume adjustment values of RVAD/RVA."""

    _kind = "rva"

    def __init__(self, name, stereo_only, default=[0, 0]):
        super(RVASpec, self).__init__(name, default)
        self._max_values = 4 if stereo_only else 12

    def validate(self, frame, value):
        if not 2 <= len(value) <= self._max_values:
            raise ValueError(
                "needs list of length 2..%d" % self._max_values)
        return value


class BinaryDataSpec(Spec):
    """All remaining bytes of the frame."""

    _kind = "binary"
    handle_nodata = True

    def __init__(self, name, default=b""):
        super(BinaryDataSpec, self).__init__(name, default)

    def write(self, config, frame, value):
        # Anything but bytes is written as the ASCII of its str().
        if isinstance(value, bytes):
            return value
        return str(value).encode("ascii")

    def validate(self, frame, value):
        if value is None:
            raise TypeError
        if isinstance(value, bytes):
            return value
        raise TypeError("%s has to be bytes" % self.name)


class EncodedTextSpec(Spec):
    """Terminated text in the frame's encoding."""

    _kind = "encoded_text"

    def __init__(self, name, default=u""):
        super(EncodedTextSpec, self).__init__(name, default)

    def validate(self, frame, value):
        return str(value)


class MultiSpec(Spec):
    """A list of values of one spec, or of tuples of several specs."""

    _kind = "multi"

    def __init__(self, name, *specs, **kw):
        super(MultiSpec, self).__init__(name, default=kw.get("default"))
        self.specs = specs
        self.sep = kw.get("sep")

    def validate(self, frame, value):
        if self.sep and isinstance(value, str):
            value = value.split(self.sep)
        if isinstance(value, list):
            if len(self.specs) == 1:
                return [self.specs[0].validate(frame, v) for v in value]
            return [
                [s.validate(frame, v) for (v, s) in zip(entry, self.specs)]
                for entry in value
            ]
        raise ValueError("Invalid MultiSpec data: %r" % value)

    def _validate23(self, frame, value, **kwargs):
        if len(self.specs) != 1:
            return [
                [s._validate23(frame, v, **kwargs)
                 for (v, s) in zip(entry, self.specs)]
                for entry in value
            ]
        spec = self.specs[0]
        # v2.3 has no multi-value text: plain text values are joined with
        # the caller's separator; timestamps become their text.
        sep = kwargs.get("sep")
        if sep is not None and type(spec) in _JOINED_IN_V23:
            return [sep.join(value)]
        return [spec._validate23(frame, v, **kwargs) for v in value]


class EncodedNumericTextSpec(EncodedTextSpec):
    _kind = "encoded_text"


class EncodedNumericPartTextSpec(EncodedTextSpec):
    _kind = "encoded_text"


# Text specs whose values ID3v2.3 stores joined into one string.
_JOINED_IN_V23 = (EncodedTextSpec, EncodedNumericTextSpec,
                  EncodedNumericPartTextSpec)


class Latin1TextSpec(Spec):
    """Terminated Latin-1 text."""

    _kind = "latin1_text"

    def __init__(self, name, default=u""):
        super(Latin1TextSpec, self).__init__(name, default)

    def validate(self, frame, value):
        return str(value)


class ID3FramesSpec(Spec):
    """Embedded frames (CHAP and CTOC sub-frames)."""

    _kind = "id3_frames"
    handle_nodata = True

    def __init__(self, name, default=[]):
        super(ID3FramesSpec, self).__init__(name, default)

    def read(self, header, frame, data):
        # Sub-frames are a frame area of their own: split and decode them
        # the way a tag's frames are.
        from ._tags import ID3Tags

        tags = ID3Tags()
        return tags, tags._read(header, data)

    def write(self, config, frame, value):
        return value._write(config)

    def validate(self, frame, value):
        from ._tags import ID3Tags
        from ._frames import Frame

        if isinstance(value, ID3Tags):
            return value
        tags = ID3Tags()
        for v in value:
            if not isinstance(v, Frame):
                raise TypeError("%r not a Frame instance" % v)
            tags.add(v)
        return tags

    def _validate23(self, frame, value, **kwargs):
        from ._tags import ID3Tags

        v = ID3Tags()
        for subframe in value.values():
            v.add(subframe._get_v23_frame(**kwargs))
        return v


class Latin1TextListSpec(Spec):
    """A counted list of terminated Latin-1 texts."""

    _kind = "latin1_text_list"

    def __init__(self, name, default=[]):
        super(Latin1TextListSpec, self).__init__(name, default)
        self._bspec = ByteSpec("entry_count", default=0)
        self._lspec = Latin1TextSpec("child_element_id")

    def validate(self, frame, value):
        return [self._lspec.validate(frame, v) for v in value]


class TimeStampSpec(EncodedTextSpec):
    """A terminated ID3 timestamp in the frame's encoding."""

    _kind = "timestamp"

    def validate(self, frame, value):
        try:
            return ID3TimeStamp(value)
        except TypeError:
            raise ValueError("Invalid ID3TimeStamp: %r" % value)

    def _validate23(self, frame, value, **kwargs):
        return value.text


class _PassThroughSpec(Spec):
    def validate(self, frame, value):
        return value


class IntegerSpec(_PassThroughSpec):
    """A big-endian integer of all the remaining bytes."""

    _kind = "integer"


class SizedIntegerSpec(_PassThroughSpec):
    """A big-endian unsigned integer of ``size`` bytes."""

    _kind = "sized_integer"

    def __init__(self, name, size, default):
        self.name, self.__sz, self.default = name, size, default

    @property
    def _size(self):
        return self.__sz


class SynchronizedTextSpec(EncodedTextSpec):
    """(text, time) pairs of SYLT."""

    _kind = "synchronized_text"

    def validate(self, frame, value):
        return value


class _ListSpec(Spec):
    def validate(self, frame, value):
        return list(value)


class KeyEventSpec(_ListSpec):
    """(type, time) pairs of ETCO."""

    _kind = "key_events"


class VolumeAdjustmentsSpec(_ListSpec):
    """(frequency, adjustment) pairs of EQU2."""

    _kind = "volume_adjustments"


class ASPIIndexSpec(_ListSpec):
    """The fraction-at-index table of ASPI, sized by the frame's N and b."""

    _kind = "aspi_index"


class VolumeAdjustmentSpec(Spec):
    """A gain in dB, stored in 1/512 dB steps as a signed 16-bit value."""

    _kind = "volume_adjustment"

    def validate(self, frame, value):
        if value is not None:
            stored = intround(value * 512)
            if not -32768 <= stored <= 32767:
                raise ValueError("out of range")
        return value


class VolumePeakSpec(Spec):
    """A peak volume, stored as a 16-bit fraction of full scale."""

    _kind = "volume_peak"

    def validate(self, frame, value):
        if value is not None:
            stored = intround(value * 32768)
            if not 0 <= stored <= 65535:
                raise ValueError("out of range")
        return value
