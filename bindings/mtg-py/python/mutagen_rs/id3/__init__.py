"""ID3v2 and ID3v1 tags: reading, every frame type, writing.

The same API as ``mutagen.id3``. Parsing and writing happen in the Rust
crate ``mtg-id3``; this package exposes the Python objects.
"""

from ._util import (
    error, ID3NoHeaderError, ID3UnsupportedVersionError,
    ID3EncryptionUnsupportedError, ID3JunkFrameError, ID3BadUnsynchData,
    ID3BadCompressedData, ID3TagError, ID3Warning, BitPaddedInt,
)
from ._specs import (
    Encoding, PictureType, CTOCFlags, ID3TimeStamp, EncodedTextSpec,
    MultiSpec,
)
from ._frames import (
    Frames, Frames_2_2, Frame, TextFrame, NumericTextFrame,
    NumericPartTextFrame, TimeStampTextFrame, UrlFrame, UrlFrameU,
    PairedTextFrame, BinaryFrame,
)

from ._tags import ID3Tags
from ._file import ID3, ID3FileType, delete, ID3v1SaveOptions
from ._id3v1 import ParseID3v1, MakeID3v1

Open = ID3

# Every frame class under its frame ID (mutagen_rs.id3.TIT2, ...TT2, ...).
globals().update(Frames)
globals().update(Frames_2_2)

__all__ = ["ID3", "ID3FileType", "Frames", "Open", "delete"]
