"""The base classes of tag containers and the padding policy."""

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


class PaddingInfo(object):
    """What a save tells a padding function: ``padding``, the padding left
    if the new tag replaced the old one exactly (negative if it does not
    fit), and ``size``, the size the default scales with. The function
    returns the padding to use. The same rule is implemented for the Rust
    writers in ``mtg_core::padding``."""

    def __init__(self, padding, size):
        self.padding = padding
        self.size = size

    def get_default_padding(self):
        """Keep ``padding`` if it is between 0 and 10 KiB + 1% of ``size``,
        else use 1 KiB + 0.1% of ``size``."""
        high = 10240 + self.size // 100
        low = 1024 + self.size // 1000
        if 0 <= self.padding <= high:
            return self.padding
        return low

    def _get_padding(self, user_func):
        if user_func is None:
            return self.get_default_padding()
        return user_func(self)

    def __repr__(self):
        return "<PaddingInfo size=%d padding=%d>" % (self.size, self.padding)
