"""mutagen_rs: read and write audio metadata; a Rust rewrite of mutagen.

The same API as mutagen 1.48.1, at the same paths: ``mutagen_rs.File``,
``mutagen_rs.mp3.MP3``, ``mutagen_rs.id3.TIT2``... To run code written for
mutagen unchanged, call :func:`install_as_mutagen` before importing it.
"""

from ._util import MutagenError
from ._file import FileType, StreamInfo, File
from ._tags import Tags, Metadata, PaddingInfo
from ._import_hook import install_as_mutagen, uninstall_as_mutagen
from ._batch import batch_open

version = (1, 48, 1)
"""The mutagen version whose API and behaviour this package reproduces."""

version_string = ".".join(map(str, version))
"""``version`` as a string."""

__all__ = [
    "File", "FileType", "Tags", "Metadata", "StreamInfo", "PaddingInfo",
    "MutagenError", "version", "version_string", "install_as_mutagen",
    "uninstall_as_mutagen", "batch_open",
]
