"""Vorbis comments: the key=value tag lists of Ogg streams and FLAC files.

A Vorbis comment packet is a little-endian length-prefixed vendor string,
a count, then that many length-prefixed ``KEY=value`` strings in UTF-8,
optionally followed by a one-byte framing flag (Ogg has it, FLAC does not).

The byte work (parsing and serialising) is done by the native core
(``mutagen_rs._native.vorbis_parse`` / ``vorbis_write``); this module holds
the list/dict containers, key validation and the value checks that run
before a save. Names and behaviour follow ``mutagen._vorbis``.
"""

import re as _re
import struct as _struct
from io import BytesIO  # noqa: F401 (re-exported, and used for bytes input)

from . import _native
from ._tags import Tags as _Tags
from ._util import DictMixin, MutagenError, cdata, reraise  # noqa: F401

# Written as the vendor string of comments this package creates. It names
# mutagen on purpose: files saved by mutagen_rs are byte-identical to the
# ones mutagen 1.48.1 writes.
_DEFAULT_VENDOR = "Mutagen 1.48.1"

_NOT_VALID = "file is not a valid Vorbis comment"

_unpack_uint32 = _struct.Struct("<I").unpack

# One or more of 0x20..0x7D except '=' (0x3D).
_valid_key_match = _re.compile("[ -<>-}]+\\Z").match

# Reads larger than this are done in pieces, so that a corrupt length does
# not make us ask the file object for gigabytes at once.
_MAX_SINGLE_READ = 16 * 1024 * 1024


def is_valid_key(key: str) -> bool:
    """Whether `key` may be used as the name of a Vorbis comment.

    A name is one or more characters from ' ' (0x20) to '}' (0x7D), except
    '='. Comparison is case-insensitive elsewhere, so case does not matter
    here.

    Raises:
        TypeError: `key` is bytes (or is not iterable)
    """

    if type(key) is str:
        return _valid_key_match(key) is not None
    # anything else is walked like a sequence of characters
    if isinstance(key, bytes):
        raise TypeError("needs to be str not bytes")
    for char in key:
        if char < " " or char > "}" or char == "=":
            return False
    return bool(key)


istag = is_valid_key


class error(MutagenError):
    """A Vorbis comment could not be parsed."""


class VorbisUnsetFrameError(error):
    """The framing flag after the comments was missing or not set."""


class VorbisEncodingError(error):
    """A comment's name or text was malformed (only raised when the
    ``errors`` mode is neither 'replace' nor 'ignore')."""


def _not_valid_because(cause):
    """An `error` for unreadable data, with `cause` as its context."""

    err = error(_NOT_VALID)
    err.__context__ = cause
    return err


def _read_some(fileobj, size):
    """fileobj.read(size), in bounded pieces for very large sizes; stops at
    the first short piece, as one big read would."""

    if size <= _MAX_SINGLE_READ:
        return fileobj.read(size)
    pieces = []
    while size > 0:
        want = min(size, _MAX_SINGLE_READ)
        piece = fileobj.read(want)
        pieces.append(piece)
        size -= len(piece)
        if len(piece) != want:
            break
    if len(pieces) == 1:
        return pieces[0]
    return _join(pieces)


def _join(pieces):
    try:
        return b"".join(pieces)
    except TypeError as e:
        # e.g. a text-mode file object
        raise _not_valid_because(e)


def _read_packet(fileobj, framing):
    """Read exactly the bytes of one comment packet from `fileobj`.

    Follows the length fields, issuing the same reads a packet parser
    would, so the file position ends right after the packet (or where the
    data ran out). The bytes are returned for the native parser, which
    reports any problem with them.
    """

    pieces = []
    append = pieces.append

    def length():
        head = fileobj.read(4)
        append(head)
        if len(head) != 4:
            return None
        try:
            return _unpack_uint32(head)[0]
        except TypeError as e:
            # text instead of bytes
            raise _not_valid_because(e)

    size = length()
    if size is not None:
        append(_read_some(fileobj, size))
        count = length()
        if count is not None:
            complete = True
            for _ in range(count):
                size = length()
                if size is None:
                    complete = False
                    break
                append(_read_some(fileobj, size))
            if complete and framing:
                append(fileobj.read(1))
    return _join(pieces)


class VComment(_Tags, list):
    """A Vorbis comment: a list of ``(key, value)`` pairs, in file order.

    Any list operation works on it. Keys and values are str. Comments
    always live inside another container (an Ogg packet, a FLAC block), so
    the constructor takes the comment's bytes or a file object positioned
    at them, never a file name.

    Attributes:
        vendor (str): the name of the program that wrote the comment
    """

    vendor = _DEFAULT_VENDOR

    def __init__(self, data=None, *args, **kwargs):
        self._size = 0
        if data is None:
            return
        if isinstance(data, bytes):
            if (type(self).load is VComment.load and not args and
                    _only_load_keywords(kwargs)):
                # bytes straight to the parser, no file object in between
                self._size = self._parse(
                    data, kwargs.get("errors", "replace"),
                    kwargs.get("framing", True))
                return
            data = BytesIO(data)
        elif not hasattr(data, "read"):
            raise TypeError("VComment requires bytes or a file-like")
        start = data.tell()
        self.load(data, *args, **kwargs)
        self._size = data.tell() - start

    def load(self, fileobj, errors='replace', framing=True):
        """Read a comment packet from the file object `fileobj` and add
        its vendor string and comments to this one.

        Args:
            errors (str): how to handle bytes that are not UTF-8, and
                comments without '=': 'replace' (the default) keeps them
                (a comment without '=' becomes ``unknownN``, N its index),
                'ignore' drops them, 'strict' (and any other codec error
                handler) raises.
            framing (bool): require the framing flag after the comments
                (Ogg streams); FLAC blocks have none.

        The file position ends right after the packet.

        Raises:
            error: truncated or malformed data
            VorbisUnsetFrameError: `framing` and the flag is not set
            VorbisEncodingError: a malformed comment with strict errors
            UnicodeDecodeError: text that is not UTF-8 with strict errors
        """

        if type(fileobj) is BytesIO:
            start = fileobj.tell()
            data = fileobj.read()
            size = self._parse(data, errors, framing)
            fileobj.seek(start + size)
        else:
            self._parse(_read_packet(fileobj, framing), errors, framing)

    def _parse(self, data, errors, framing):
        """Parse the packet at the start of `data` into this comment.

        Returns the number of bytes it took up.
        """

        if not isinstance(errors, str):
            raise _errors_type_error(errors)
        try:
            vendor, comments, size = _native.vorbis_parse(
                data, errors, bool(framing))
        except Exception as e:
            # Optional native extension: what was read before the failure.
            # A failed load leaves that much behind, as mutagen's does.
            partial = getattr(e, "_vorbis_partial", None)
            if partial is not None:
                if partial[0] is not None:
                    self.vendor = partial[0]
                self.extend(partial[1])
            raise
        self.vendor = vendor
        self.extend(comments)
        return size

    def validate(self):
        """Check that the comment can be saved.

        The vendor and every value have to be str; every key has to be a
        str accepted by :func:`is_valid_key`.

        Returns:
            True

        Raises:
            ValueError: the first problem found
        """

        if not isinstance(self.vendor, str):
            raise ValueError("vendor needs to be str")

        for key, value in self:
            try:
                if not is_valid_key(key):
                    raise ValueError("%r is not a valid key" % key)
            except TypeError:
                raise ValueError("%r is not a valid key" % key)

            if not isinstance(value, str):
                raise ValueError(
                    "%r needs to be str for key %r" % (value, key))

        return True

    def clear(self) -> None:
        """Remove every comment (the vendor string stays)."""

        del self[:]

    def write(self, framing=True):
        """The comment packet as bytes.

        Validates first (see :meth:`validate`).

        Args:
            framing (bool): end with the framing flag (for Ogg streams)

        Raises:
            ValueError: the comment is not valid
            UnicodeEncodeError: the vendor or a value can not be UTF-8
        """

        self.validate()
        comments = [(key, value) for key, value in self]
        return _native.vorbis_write(self.vendor, comments, bool(framing))

    def pprint(self) -> str:
        """One ``key=value`` line per comment, in order."""

        return "\n".join(
            "%s=%s" % (_text(key), _text(value)) for key, value in self)


def _text(value):
    if isinstance(value, str):
        return value
    return value.decode("utf-8", "replace")


def _only_load_keywords(kwargs):
    for name in kwargs:
        if name != "errors" and name != "framing":
            return False
    return True


def _errors_type_error(errors):
    # A non-str error mode fails the first text decoding, which counts as
    # unreadable data.
    kind = "None" if errors is None else type(errors).__name__
    return _not_valid_because(TypeError(
        "decode() argument 'errors' must be str, not %s" % kind))


def _getitem_slow(self, key):
    """``VCommentDict.__getitem__`` where the native lookup cannot answer
    (`key` is not a str naming a valid key, or the comments are not plain
    ``(str, value)`` tuples in a plain list)."""

    if isinstance(key, slice):
        return list.__getitem__(self, key)

    if not is_valid_key(key):
        raise ValueError

    key = key.lower()
    values = [value for (k, value) in self if k.lower() == key]
    if not values:
        raise KeyError(key)
    return values


def _keys_slow(self):
    """``VCommentDict.keys()`` where the native code cannot answer."""

    return list({k.lower() for k, v in self})


class VCommentDict(VComment, DictMixin):
    """A :class:`VComment` that also works like a dict.

    ``d[key]`` is the list of every value stored under `key`; keys are
    case-insensitive (the names returned by :meth:`keys` are lower case).
    Unlike a dict, ``len()`` counts values and iteration yields the
    ``(key, value)`` pairs, as for the list; an int or slice index also
    uses the list.
    """

    # All values of `key` (case-insensitive), as a new list; with a slice,
    # the slice of the list. Raises KeyError (no such key) or ValueError
    # (`key` is not a valid key). Native: the lookup of a valid str key in
    # plain comments, else _getitem_slow.
    __getitem__ = _native.vorbis_getitem

    def __delitem__(self, key):
        """Remove every value of `key` (case-insensitive); with a slice,
        remove that slice of the list."""

        if isinstance(key, slice):
            return list.__delitem__(self, key)

        if not is_valid_key(key):
            raise ValueError

        key = key.lower()
        doomed = [item for item in self if item[0].lower() == key]
        if not doomed:
            raise KeyError(key)
        for item in doomed:
            self.remove(item)

    def __contains__(self, key):
        """Whether `key` has a value (case-insensitive)."""

        if not is_valid_key(key):
            raise ValueError

        key = key.lower()
        for k, value in self:
            if k.lower() == key:
                return True
        return False

    def __setitem__(self, key, values):
        """Replace all values of `key` with `values` (a list, or a single
        value), appended at the end under `key` as given. With a slice,
        list slice assignment."""

        if isinstance(key, slice):
            return list.__setitem__(self, key, values)

        if not isinstance(values, list):
            values = [values]
        try:
            del self[key]
        except KeyError:
            pass
        for value in values:
            self.append((key, value))

    # The distinct keys, lower case. Native for plain comments, else
    # _keys_slow.
    keys = _native.vorbis_keys

    def as_dict(self):
        """A plain dict of lower-case key to list of values."""

        return {key: self[key] for key in self.keys()}
