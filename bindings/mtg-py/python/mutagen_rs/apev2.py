"""APEv2 tags: read, write and remove them, with mutagen's API.

APEv2 is the tag format of Monkey's Audio, Musepack, WavPack and
OptimFROG files, and sometimes found in MP3 files. A tag maps
case-insensitive ASCII keys (2 to 255 printable characters) to values of
three kinds: UTF-8 text (several values separated by NUL), binary data, and
external locators. Finding, parsing and writing the tag happens in Rust
(the mtg-ape crate); this module keeps mutagen's classes around it.

The tag is looked for at the end of the file (also before an ID3v1 tag and
before a Lyrics3v2 block) and at the start. Saving writes it at the end of
the file, dropping anything that followed the old tag.
"""

import struct  # noqa: F401 (re-exported, as in mutagen)
import sys  # noqa: F401
from collections.abc import MutableSequence
from functools import wraps as _wraps
from io import BytesIO  # noqa: F401
from typing import Type  # noqa: F401

from . import _native
from ._file import FileType, StreamInfo
from ._tags import Metadata
from ._util import (  # noqa: F401 (several are re-exported)
    DictMixin, MutagenError, cdata, convert_error, delete_bytes, get_size,
    loadfile, reraise, seek_end, total_ordering, FileThing as _FileThing,
    _tuple_new, _path_load_method,
)

__all__ = ["APEv2", "APEv2File", "Open", "delete"]

TEXT, BINARY, EXTERNAL = range(3)
"""Value kinds: UTF-8 text, binary data, external locator."""

HAS_HEADER = 1 << 31
HAS_NO_FOOTER = 1 << 30
IS_HEADER = 1 << 29
"""Flags of the tag's header and footer blocks."""

_FORBIDDEN_KEYS = ("OggS", "TAG", "ID3", "MP+")


class error(MutagenError):
    """Base class of the APEv2 errors (also an I/O failure on the file)."""


class APENoHeaderError(error):
    """The file has no APEv2 tag."""


class APEUnsupportedVersionError(error):
    """Kept for compatibility; tags of any version are read."""


class APEBadItemError(error):
    """An item of the tag is malformed."""


def is_valid_apev2_key(key):
    """Whether `key` (a str) may be used as an APEv2 key: 2 to 255
    characters between space and ``~``, and none of OggS, TAG, ID3, MP+.

    Raises TypeError for anything but a str.
    """

    if not isinstance(key, str):
        raise TypeError("APEv2 key must be str")
    return (2 <= len(key) <= 255 and min(key) >= " " and max(key) <= "~"
            and key not in _FORBIDDEN_KEYS)


# ---------------------------------------------------------------------------
# values

def _get_value_type(kind):
    """The value class for a kind number."""

    if kind == TEXT:
        return APETextValue
    elif kind == BINARY:
        return APEBinaryValue
    elif kind == EXTERNAL:
        return APEExtValue
    raise ValueError("unknown kind %r" % kind)


def APEValue(value, kind):
    """A new value of the given kind (TEXT, BINARY or EXTERNAL).

    Text and external values take a str, binary values bytes; anything else
    raises TypeError, an unknown kind ValueError.
    """

    try:
        cls = _get_value_type(kind)
    except ValueError:
        raise ValueError("kind must be TEXT, BINARY, or EXTERNAL")
    return cls(value)


class _APEValue(object):
    """Base class of the three value kinds; ``value`` holds the data."""

    kind: int = None
    value = None

    def __init__(self, value, kind=None):
        # `kind` is accepted for old callers, and must match the class.
        if kind is not None and kind != self.kind:
            raise ValueError
        self.value = self._validate(value)

    @classmethod
    def _new(cls, data):
        """A value of this class from its bytes in a tag."""

        instance = cls.__new__(cls)
        instance._parse(data)
        return instance

    def _parse(self, data):
        raise NotImplementedError

    def _write(self):
        raise NotImplementedError

    def _validate(self, value):
        raise NotImplementedError

    def __repr__(self):
        return "%s(%r, %d)" % (type(self).__name__, self.value, self.kind)


@total_ordering
class _APEUtf8Value(_APEValue):
    """A value stored as UTF-8 text; compares like its str."""

    def _parse(self, data):
        try:
            self.value = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise APEBadItemError(e)

    def _validate(self, value):
        if not isinstance(value, str):
            raise TypeError("value not str")
        return value

    def _write(self):
        return self.value.encode("utf-8")

    def __len__(self):
        return len(self.value)

    def __bytes__(self):
        return self._write()

    def __eq__(self, other):
        return self.value == other

    def __lt__(self, other):
        return self.value < other

    def __str__(self):
        return self.value


class APETextValue(_APEUtf8Value, MutableSequence):
    """An APEv2 text value: a str that is also a list of the strings
    separated by NUL in it (``list(value)``, ``value[0]``, ...).
    """

    kind = TEXT

    def __iter__(self):
        return iter(self.value.split("\0"))

    def __getitem__(self, index):
        return self.value.split("\0")[index]

    def __len__(self):
        return self.value.count("\0") + 1

    def __setitem__(self, index, value):
        if not isinstance(value, str):
            raise TypeError("value not str")
        parts = list(self)
        parts[index] = value
        self.value = "\0".join(parts)

    def insert(self, index, value):
        if not isinstance(value, str):
            raise TypeError("value not str")
        parts = list(self)
        parts.insert(index, value)
        self.value = "\0".join(parts)

    def __delitem__(self, index):
        parts = list(self)
        del parts[index]
        self.value = "\0".join(parts)

    def pprint(self):
        return " / ".join(self)


@total_ordering
class APEBinaryValue(_APEValue):
    """An APEv2 binary value (bytes)."""

    kind = BINARY

    def _parse(self, data):
        self.value = data

    def _write(self):
        return self.value

    def _validate(self, value):
        if not isinstance(value, bytes):
            raise TypeError("value not bytes")
        return bytes(value)

    def __len__(self):
        return len(self.value)

    def __bytes__(self):
        return self._write()

    def __eq__(self, other):
        return self.value == other

    def __lt__(self, other):
        return self.value < other

    def pprint(self):
        return "[%d bytes]" % len(self)


class APEExtValue(_APEUtf8Value):
    """An APEv2 external value: a locator (URI, file name) as a str."""

    kind = EXTERNAL

    def pprint(self):
        return "[External] %s" % self.value


# Fast construction of loaded values, without validation.
_KIND_CLASSES = (APETextValue, APEBinaryValue, APEExtValue)
_new_object = object.__new__


# ---------------------------------------------------------------------------
# the tag

class _CIDictProxy(DictMixin):
    """A mapping with case-insensitive str keys that remembers the case a
    key was last set with (that is the case ``keys()`` shows and saving
    writes)."""

    def __init__(self, *args, **kwargs):
        self.__casemap = {}
        self.__dict = {}
        super(_CIDictProxy, self).__init__(*args, **kwargs)

    def __getitem__(self, key):
        return self.__dict[key.lower()]

    def __setitem__(self, key, value):
        lower = key.lower()
        self.__casemap[lower] = key
        self.__dict[lower] = value

    def __delitem__(self, key):
        lower = key.lower()
        del self.__casemap[lower]
        del self.__dict[lower]

    def keys(self):
        return [self.__casemap.get(key, key) for key in self.__dict.keys()]


def _target(filething):
    """What the native functions get: the path when no file object was
    opened, else the file object."""

    return filething.filename if filething.fileobj is None \
        else filething.fileobj


# a plain path goes to the native reader unopened
_load_method = _path_load_method


def _save_method(create):
    """`func(self, filething)` taking what a writable ``loadfile`` takes
    (``self.filename`` by default); a plain path goes to the native writer
    unopened."""

    def decorator(func):
        slow = loadfile(writable=True, create=create)(func)

        @_wraps(func)
        def save(self, *args, **kwargs):
            if not kwargs and len(args) < 2:
                filething = args[0] if args else None
                if filething is None:
                    filething = getattr(self, "filename", None)
                kind = type(filething)
                if kind is str or kind is bytes:
                    return func(self, _tuple_new(
                        _FileThing, (None, filething, filething)))
            return slow(self, *args, **kwargs)

        return save

    return decorator


class APEv2(_CIDictProxy, Metadata):
    """APEv2(filething=None)

    An APEv2 tag: a dict-like object with case-insensitive keys, loaded
    from `filething` if given. Values are APETextValue, APEBinaryValue or
    APEExtValue objects; assigning a str stores text, a list of str stores
    text with several values, bytes store binary data.

    ID3v1 tags after the APEv2 tag are skipped when reading and removed
    when saving.

    Arguments:
        filething (filething)

    Attributes:
        filename (str): the file the tag was loaded from
    """

    filename = None

    def __init__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and type(args[0]) is str:
            # The common case, without the generic constructor chain.
            self._CIDictProxy__casemap = {}
            self._CIDictProxy__dict = {}
            self.load(args[0])
        else:
            super(APEv2, self).__init__(*args, **kwargs)

    def pprint(self):
        """The items, one ``key=value`` per line, sorted by key."""

        items = sorted(self.items())
        return u"\n".join(u"%s=%s" % (k, v.pprint()) for k, v in items)

    @_load_method
    def load(self, filething):
        """Load the tag of `filething`, replacing the current items.

        Raises:
            MutagenError: the file cannot be opened or read
            APENoHeaderError: the file has no APEv2 tag
            APEBadItemError: an item is broken (the items before it are
                loaded)
        """

        try:
            items = _native.ape_load(_target(filething))
        except error as e:
            partial = e.__dict__.pop("_ape_partial", None)
            if partial is not None:
                self.__fill(partial)
            raise
        self.__fill(items)

    def __fill(self, items):
        casemap = self._CIDictProxy__casemap
        store = self._CIDictProxy__dict
        casemap.clear()
        store.clear()
        classes = _KIND_CLASSES
        new = _new_object
        for key, kind, data in items:
            value = new(classes[kind])
            value.value = data
            lower = key.lower()
            casemap[lower] = key
            store[lower] = value

    def __getitem__(self, key):
        # Fast path: an ASCII key whose lower case is stored has the length
        # and characters of a stored (valid) key; only the case-sensitive
        # forbidden names remain to be refused.
        if type(key) is str and key.isascii():
            value = self._CIDictProxy__dict.get(key.lower())
            if value is not None and key not in _FORBIDDEN_KEYS:
                return value
        if not is_valid_apev2_key(key):
            raise KeyError("%r is not a valid APEv2 key" % key)
        return super(APEv2, self).__getitem__(key)

    def __delitem__(self, key):
        if not is_valid_apev2_key(key):
            raise KeyError("%r is not a valid APEv2 key" % key)
        super(APEv2, self).__delitem__(key)

    def __setitem__(self, key, value):
        """Set `key` to `value`, converting a str to a text value, a list
        of str to a text value with several entries and bytes to a binary
        value; APE value objects are stored as they are.
        """

        if not is_valid_apev2_key(key):
            raise KeyError("%r is not a valid APEv2 key" % key)
        if not isinstance(value, _APEValue):
            if isinstance(value, str):
                value = APEValue(value, TEXT)
            elif isinstance(value, list):
                parts = []
                for part in value:
                    if not isinstance(part, str):
                        raise TypeError("item in list not str")
                    parts.append(part)
                value = APEValue(u"\0".join(parts), TEXT)
            else:
                value = APEValue(value, BINARY)
        super(APEv2, self).__setitem__(key, value)

    @_save_method(create=True)
    def save(self, filething=None):
        """Save the tag to `filething` (default: the file it was loaded
        from), creating the file if needed.

        The tag goes to the end of the file: an existing tag at the end is
        replaced (along with anything after it, like an ID3v1 tag), one at
        the start is removed there.

        Raises:
            MutagenError: the file cannot be opened or written
        """

        self._save_to(_target(filething), True)

    def _save_to(self, target, create):
        casemap = self._CIDictProxy__casemap
        items = [(casemap[lower], value.kind << 1, value._write())
                 for lower, value in self._CIDictProxy__dict.items()]
        tag = _native.ape_render(items)
        _native.ape_save(target, tag, create)

    @_save_method(create=False)
    def delete(self, filething=None):
        """Remove the APEv2 tag from `filething` (default: the file it was
        loaded from) and clear this object.

        Raises:
            MutagenError: the file cannot be opened or written
        """

        _native.ape_delete(_target(filething))
        self.clear()


Open = APEv2


def _check_writable(filename):
    """Fail like opening `filename` for writing would in ``loadfile``."""

    try:
        open(filename, "rb+").close()
    except IOError as e:
        raise MutagenError(e) from e


def _module_delete(func):
    slow = loadfile(method=False, writable=True)(func)

    @_wraps(func)
    def wrapper(*args, **kwargs):
        if len(args) == 1 and not kwargs:
            path = args[0]
            kind = type(path)
            if kind is str or kind is bytes:
                return func(_tuple_new(_FileThing, (None, path, path)))
        return slow(*args, **kwargs)

    return wrapper


@_module_delete
def delete(filething):
    """Remove the APEv2 tag of `filething`; nothing happens without one.

    Arguments:
        filething (filething)

    Raises:
        MutagenError: the file cannot be opened or written, or its tag is
            broken
    """

    try:
        tag = APEv2(_target(filething))
    except APENoHeaderError:
        if filething.fileobj is None:
            _check_writable(filething.filename)
        return
    if filething.fileobj is not None:
        filething.fileobj.seek(0)
    tag.delete(_target(filething))


# ---------------------------------------------------------------------------
# files with only an APEv2 tag known

class _UnknownInfo(StreamInfo):
    """Stream information of a file whose format is unknown."""

    length = 0
    bitrate = 0

    def __init__(self, fileobj):
        pass

    @staticmethod
    def pprint():
        return u"Unknown format with APEv2 tag."


class APEv2File(FileType):
    """APEv2File(filething)

    A file of a format not known otherwise, with an APEv2 tag. The base
    class of the APEv2-tagged formats (their ``_Info`` class reads the
    stream information).

    Arguments:
        filething (filething)

    Attributes:
        tags (`APEv2`)
    """

    _Info: Type[StreamInfo] = _UnknownInfo

    @loadfile()
    def load(self, filething):
        fileobj = filething.fileobj
        self.info = self._Info(fileobj)
        try:
            self.tags = APEv2(fileobj)
        except APENoHeaderError:
            self.tags = None

    @_save_method(create=False)
    def save(self, filething=None):
        """Save the tags to `filething` (default: the file loaded)."""

        if self.tags is not None:
            self.tags._save_to(_target(filething), False)
        elif filething.fileobj is None:
            _check_writable(filething.filename)

    @_save_method(create=False)
    def delete(self, filething=None):
        """Remove the APEv2 tag from `filething` (default: the file
        loaded)."""

        if self.tags is not None:
            self.tags.delete(_target(filething))
        elif filething.fileobj is None:
            _check_writable(filething.filename)

    def add_tags(self):
        """Add an empty APEv2 tag; error if there is one already."""

        if self.tags is None:
            self.tags = APEv2()
        else:
            raise error("%r already has tags: %r" % (self, self.tags))

    @staticmethod
    def score(filename, fileobj, header):
        try:
            seek_end(fileobj, 160)
            footer = fileobj.read()
        except IOError:
            return -1
        return ((b"APETAGEX" in footer) - header.startswith(b"ID3"))
