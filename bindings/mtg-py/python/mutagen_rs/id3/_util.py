"""ID3 helpers: errors, bit-padded integers, unsynchronisation, save options."""

from typing import Union  # noqa: F401 (part of the module's public names)

from .._util import MutagenError
from .. import _native


class error(MutagenError):
    """Base class of every ID3 error."""


class ID3NoHeaderError(error, ValueError):
    """The data does not start with an ID3v2 header."""


class ID3UnsupportedVersionError(error, NotImplementedError):
    """The tag's ID3v2 major version is not 2, 3 or 4."""


class ID3EncryptionUnsupportedError(error, NotImplementedError):
    """A frame is encrypted; decryption is not supported."""


class ID3JunkFrameError(error):
    """A frame's data cannot be parsed."""


class ID3BadUnsynchData(error, ValueError):
    """Unsynchronised data that is not validly unsynchronised."""


class ID3BadCompressedData(error, ValueError):
    """A compressed frame whose data does not decompress."""


class ID3TagError(error, ValueError):
    """A tag that is structurally wrong."""


class ID3Warning(error, UserWarning):
    """A recoverable problem found while reading a tag."""


def is_valid_frame_id(frame_id):
    """True if ``frame_id`` can be a frame ID: upper-case letters and digits,
    with at least one letter."""
    return frame_id.isalnum() and frame_id.isupper()


class ID3SaveConfig(object):
    """How a tag is written: ``v2_version`` (3 or 4) and, for 2.3, the
    separator used to join multiple text values (``v23_separator``)."""

    def __init__(self, v2_version=4, v23_separator=None):
        assert v2_version in (3, 4)
        self.v2_version = v2_version
        self.v23_separator = v23_separator


class _BitPaddedMixin(object):
    """Shared methods of integers stored ``bits`` bits per byte."""

    def as_str(self, width=4, minwidth=4):
        """The value encoded like :meth:`BitPaddedInt.to_str`, using this
        integer's own ``bits`` and ``bigendian``."""
        return self.to_str(self, self.bits, self.bigendian, width, minwidth)

    @staticmethod
    def to_str(value, bits=7, bigendian=True, width=4, minwidth=4):
        """Encode ``value`` using the low ``bits`` bits of each byte.

        ``width`` is the exact number of bytes (ValueError if the value needs
        more); with ``width=-1`` the result is as long as needed but at least
        ``minwidth`` bytes.
        """
        mask = (1 << bits) - 1
        if value < 0:
            raise ValueError("Value too wide (>%d bytes)" % width)
        out = bytearray()
        if width != -1:
            for _ in range(width):
                out.append(value & mask)
                value >>= bits
            if value:
                raise ValueError("Value too wide (>%d bytes)" % width)
        else:
            while value:
                out.append(value & mask)
                value >>= bits
            if len(out) < minwidth:
                out.extend(b"\x00" * (minwidth - len(out)))
        if bigendian:
            out.reverse()
        return bytes(out)

    @staticmethod
    def has_valid_padding(value, bits=7):
        """Whether every byte of ``value`` (bytes, or an int read byte by byte
        from its low end) leaves its unused high bits clear."""
        if bits >= 8:
            return True
        unused = 0xFF & ~((1 << bits) - 1)
        if isinstance(value, int):
            while value:
                if value & unused:
                    return False
                value >>= 8
            return True
        return not any(b & unused for b in bytearray(value))


class BitPaddedInt(int, _BitPaddedMixin):
    """An integer read from bytes that each carry only ``bits`` value bits
    (7 for ID3v2's syncsafe integers). Given an int, its bytes are taken from
    the low end; given bytes, ``bigendian`` says which end comes first."""

    def __new__(cls, value, bits=7, bigendian=True):
        mask = (1 << bits) - 1
        result = 0
        shift = 0
        if isinstance(value, int):
            if value < 0:
                raise ValueError
            while value:
                result |= (value & 0xFF & mask) << shift
                value >>= 8
                shift += bits
        elif isinstance(value, bytes):
            data = bytearray(value)
            if bigendian:
                data.reverse()
            for byte in data:
                result |= (byte & mask) << shift
                shift += bits
        else:
            raise TypeError
        self = int.__new__(cls, result)
        self.bits = bits
        self.bigendian = bigendian
        return self


class unsynch(object):
    """ID3v2 unsynchronisation: an 0x00 after every 0xFF that could be
    mistaken for an MPEG sync (or ends the data)."""

    @staticmethod
    def decode(value: bytes) -> bytes:
        """Undo unsynchronisation; ValueError on data that was not validly
        unsynchronised."""
        return _native.id3_unsynch_decode(value)

    @staticmethod
    def encode(value: bytes) -> bytes:
        """Apply unsynchronisation."""
        return _native.id3_unsynch_encode(value)
