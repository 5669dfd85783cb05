"""The base classes of tag containers and the padding policy."""

from ._native import PaddingInfo
from ._util import loadfile, _abstract_load, _abstract_write

__all__ = ["Tags", "Metadata", "PaddingInfo", "loadfile"]


class Tags(object):
    """A collection of tags; the base class of every tag container.

    A plain Python class (not a native one) so that containers can also
    derive from ``list`` or a dict helper, as mutagen's do.
    """

    __module__ = "mutagen_rs"

    def pprint(self):
        """A readable listing of the tags; every format overrides this."""
        raise NotImplementedError


class Metadata(Tags):
    """Tags stored in a file of their own kind that load, save and delete
    themselves (ID3, APEv2, ...). Given arguments, the constructor loads."""

    __module__ = "mutagen_rs"

    def __init__(self, *args, **kwargs):
        if args or kwargs:
            self.load(*args, **kwargs)

    def load(self, *args, **kwargs):
        """Loads tags from a file; every format overrides this."""
        _abstract_load(self, *args, **kwargs)

    def save(self, *args, **kwargs):
        """Saves the tags to a file; every format overrides this."""
        _abstract_write(self, *args, **kwargs)

    def delete(self, *args, **kwargs):
        """Removes the tags from a file; every format overrides this."""
        _abstract_write(self, *args, **kwargs)
