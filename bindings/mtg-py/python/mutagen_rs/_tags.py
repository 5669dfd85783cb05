"""The base classes of tag containers and the padding policy."""

from ._native import Tags, Metadata, PaddingInfo
from ._util import loadfile

__all__ = ["Tags", "Metadata", "PaddingInfo", "loadfile"]
