"""ID3v2 and ID3v1 tags: reading, every frame type, writing.

The same API as ``mutagen.id3``. Parsing and writing happen in the Rust
crate ``mtg-id3``; this package exposes the Python objects.
"""

from ._util import (
    error, ID3NoHeaderError, ID3UnsupportedVersionError,
    ID3EncryptionUnsupportedError, ID3JunkFrameError, ID3BadUnsynchData,
    ID3BadCompressedData, ID3TagError, ID3Warning,
)

__all__ = ["error", "ID3NoHeaderError", "ID3UnsupportedVersionError"]
