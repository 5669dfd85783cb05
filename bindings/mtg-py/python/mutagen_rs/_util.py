"""Helpers shared by the whole package.

File-argument handling (:func:`loadfile`), in-place byte moving on file
objects, fixed-size integer packing (:class:`cdata`), int enum/flag
decorators, text helpers and a bit reader. The names and their behaviour
match ``mutagen._util`` so that code written against mutagen keeps working.
"""

import codecs
import errno
import struct
import sys
from collections import namedtuple
from contextlib import contextmanager  # noqa: F401 (re-exported)
from fnmatch import fnmatchcase
from functools import wraps
from io import BytesIO
from typing import List, Tuple  # noqa: F401 (List: re-exported)



class DictMixin(object):
    """Turns ``__getitem__``, ``__setitem__``, ``__delitem__`` and ``keys()``
    into the rest of the dict API. Every derived method goes through those
    four, so a subclass's versions are always honoured."""

    def __iter__(self):
        return iter(self.keys())

    def __has_key(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    __contains__ = __has_key

    def values(self):
        return [self[k] for k in self.keys()]

    def items(self):
        # the keys, then the values (which ask for the keys again), as
        # mutagen's calls go
        return list(zip(self.keys(), self.values()))

    def clear(self):
        for key in list(self.keys()):
            del self[key]

    def pop(self, key, *args):
        if len(args) > 1:
            raise TypeError("pop takes at most two arguments")
        try:
            value = self[key]
        except KeyError:
            if args:
                return args[0]
            raise
        del self[key]
        return value

    def popitem(self):
        for key in self.keys():
            break
        else:
            raise KeyError("dictionary is empty")
        return key, self.pop(key)

    def update(self, other=None, **kwargs):
        # Keyword items count only when no positional mapping is given.
        if other is None:
            other = kwargs
        try:
            pairs = other.items()
        except AttributeError:
            pairs = other
        for key, value in pairs:
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
            return default

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __repr__(self):
        return repr(dict(self.items()))

    def __eq__(self, other):
        return dict(self.items()) == other

    def __ne__(self, other):
        return dict(self.items()) != other

    def __lt__(self, other):
        return dict(self.items()) < other

    def __le__(self, other):
        return dict(self.items()) <= other

    def __gt__(self, other):
        return dict(self.items()) > other

    def __ge__(self, other):
        return dict(self.items()) >= other

    __hash__ = object.__hash__

    def __len__(self):
        return len(self.keys())


_DEFAULT_BUFFER_SIZE = 2 ** 20

_tuple_new = tuple.__new__


class MutagenError(Exception):
    """Root of every error this package raises for bad or unreadable files.

    Failures to open or write a file are reported as a MutagenError whose
    single argument (and ``__cause__``) is the original OSError.
    """


MutagenError.__module__ = "mutagen_rs"


# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------

def intround(value: float) -> int:
    """Round to the nearest int; exact halves go to the even neighbour."""

    if type(value) is int:
        return value
    if type(value) is float and value - value == 0.0:
        # round() of a finite float is exact half-even already
        return round(value)
    import decimal
    return int(decimal.Decimal.from_float(value).to_integral_value(
        decimal.ROUND_HALF_EVEN))


def is_fileobj(fileobj) -> bool:
    """True if `fileobj` is to be used as a file object (not as a path)."""

    return not (isinstance(fileobj, (str, bytes)) or
                hasattr(fileobj, "__fspath__"))


def verify_fileobj(fileobj, writable=False):
    """Check that `fileobj` can be read (and written, if asked) in bytes.

    Raises:
        ValueError: not a file object, not binary, or not usable.
    """

    try:
        read = fileobj.read
    except AttributeError:
        raise ValueError("%r not a valid file object" % fileobj)
    try:
        data = read(0)
    except Exception:
        raise ValueError("Can't read from file object %r" % fileobj)
    if not isinstance(data, bytes):
        raise ValueError(
            "file object %r not opened in binary mode" % fileobj)

    if writable:
        try:
            write = fileobj.write
        except AttributeError:
            raise ValueError("%r not a valid file object" % fileobj)
        try:
            write(b"")
        except Exception:
            raise ValueError("Can't write to file object %r" % fileobj)


def verify_filename(filename):
    """Check that `filename` is a path (str, bytes or os.PathLike).

    Raises:
        ValueError: if it is not.
    """

    if is_fileobj(filename):
        raise ValueError("%r not a filename" % filename)


def fileobj_name(fileobj):
    """A name for `fileobj`, taken from its ``name`` attribute.

    Gives a str or bytes, '' when there is no name; other values are
    converted with str().
    """

    value = getattr(fileobj, "name", "")
    if not isinstance(value, (str, bytes)):
        value = str(value)
    return value


def bchr(x):
    """The byte string of length one holding the byte value `x`."""

    return bytes((x,))


def iterbytes(b):
    """Iterate over `b` as one-byte bytes objects."""

    return (bytes((i,)) for i in b)


def endswith(text, end):
    """text.endswith(end), converting `end` (ascii) to the type of `text`."""

    if isinstance(text, str):
        if not isinstance(end, str):
            end = end.decode("ascii")
    elif not isinstance(end, bytes):
        end = end.encode("ascii")
    return text.endswith(end)


def dict_match(d, key, default=None):
    """Look `key` up in `d`, whose keys may be fnmatch patterns.

    An exact key wins (unless `key` holds a "[", which a pattern can not
    match literally); otherwise the value of the first pattern that matches
    `key` is returned, or `default` if none does.
    """

    if key in d and "[" not in key:
        return d[key]
    for pattern, value in d.items():
        if fnmatchcase(key, pattern):
            return value
    return default


def reraise(tp, value, tb):
    """Raise ``tp(value)`` carrying the traceback `tb`."""

    raise tp(value).with_traceback(tb)


def convert_error(exc_src, exc_dest):
    """Decorator: errors of type `exc_src` leave the function as `exc_dest`.

    Errors that already are `exc_dest` pass through unchanged.
    """

    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            try:
                return func(*args, **kwargs)
            except exc_dest:
                raise
            except exc_src as err:
                reraise(exc_dest, err, err.__traceback__)
        return wrapper
    return decorator


def hashable(cls):
    """Class decorator: add ``__ne__`` to a class with ``__eq__``/``__hash__``.
    """

    assert cls.__dict__["__hash__"] is not None
    assert "__eq__" in cls.__dict__

    cls.__ne__ = lambda self, other: not self.__eq__(other)
    return cls


def total_ordering(cls):
    """Class decorator: derive <=, >, >= and != from ``__eq__``/``__lt__``."""

    assert "__eq__" in cls.__dict__
    assert "__lt__" in cls.__dict__

    cls.__le__ = lambda self, other: self == other or self < other
    cls.__gt__ = lambda self, other: not (self == other or self < other)
    cls.__ge__ = lambda self, other: not self < other
    cls.__ne__ = lambda self, other: not self.__eq__(other)
    return cls


def _int_class(cls):
    """Rebuild `cls` as an int subclass; members become instances of it.

    Returns the new class and a dict mapping each member value to its name
    (the last name wins for duplicated values).
    """

    namespace = dict(cls.__dict__)
    # descriptors that belong to the old class only
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    new_type = type(cls.__name__, (int,), namespace)

    names = {}
    for key, value in cls.__dict__.items():
        if key.startswith("_") or not isinstance(value, int):
            continue
        names[value] = key
        setattr(new_type, key, new_type(value))
    return new_type, names


def enum(cls):
    """Class decorator: an int enum built from the int class attributes.

    The result subclasses int; members repr as ``<Cls.NAME: value>`` and
    str as ``Cls.NAME``; values without a name look like plain ints.
    """

    new_type, names = _int_class(cls)
    int_repr = int.__repr__

    def __repr__(self):
        name = names.get(self)
        if name is None:
            return int_repr(self)
        return "<%s.%s: %d>" % (type(self).__name__, name, self)

    def __str__(self):
        name = names.get(self)
        if name is None:
            return int_repr(self)
        return "%s.%s" % (type(self).__name__, name)

    new_type.__repr__ = __repr__
    new_type.__str__ = __str__
    return new_type


def flags(cls):
    """Class decorator: an int bit-flag type built from the int attributes.

    str() lists the matching members joined by `` | `` (plus any leftover
    bits as a number); repr() is ``<that: value>``.
    """

    new_type, names = _int_class(cls)
    members = list(names.items())

    def __str__(self):
        value = int(self)
        prefix = type(self).__name__
        parts = []
        for member, name in members:
            if value & member:
                parts.append("%s.%s" % (prefix, name))
                value &= ~member
        if value or not parts:
            parts.append("%d" % value)
        return " | ".join(parts)

    def __repr__(self):
        return "<%s: %d>" % (__str__(self), self)

    new_type.__repr__ = __repr__
    new_type.__str__ = __str__
    return new_type


# ---------------------------------------------------------------------------
# DictProxy
# ---------------------------------------------------------------------------

class DictProxy(DictMixin):
    """A DictMixin storing its items in a private dict."""

    def __init__(self, *args, **kwargs):
        self.__dict = {}
        super(DictProxy, self).__init__(*args, **kwargs)

    def __getitem__(self, key):
        return self.__dict[key]

    def __setitem__(self, key, value):
        self.__dict[key] = value

    def __delitem__(self, key):
        del self.__dict[key]

    def keys(self):
        return self.__dict.keys()


# ---------------------------------------------------------------------------
# cdata
# ---------------------------------------------------------------------------

class cdata(object):
    """Fixed-size integers to and from bytes.

    For every C type name and its intN/uintN alias, with an ``_le`` or
    ``_be`` suffix for types wider than a byte:

    * ``NAME(data)``: the value stored in `data` (exactly the size),
    * ``NAME_from(data, offset=0)``: ``(value, offset + size)``,
    * ``to_NAME(value)``: the packed bytes,
    * ``NAME_min`` / ``NAME_max``: the value range.

    Wrong sizes or out of range values raise :attr:`error`.
    """

    error = struct.error

    bitswap = bytes(
        int("{:08b}".format(i)[::-1], 2) for i in range(256))

    test_bit = staticmethod(lambda value, n: bool((value >> n) & 1))


def _make_unpack(st):
    unpack = st.unpack

    def value_of(data):
        return unpack(data)[0]
    return value_of


def _make_unpack_from(st):
    unpack_from = st.unpack_from
    size = st.size

    def unpack_from_offset(data, offset=0):
        return unpack_from(data, offset)[0], offset + size
    unpack_from_offset.__name__ = "unpack_from"
    return unpack_from_offset


def _fill_cdata(cls):
    """Add the struct helpers to `cls` (see the cdata docstring)."""

    # per size: (C name, stdint name, struct code) unsigned, then signed
    sizes = [
        [("uchar", "uint8", "B"), ("char", "int8", "b")],
        [("ushort", "uint16", "H"), ("short", "int16", "h")],
        [("uint", "uint32", "I"), ("int", "int32", "i")],
        [("ulonglong", "uint64", "Q"), ("longlong", "int64", "q")],
    ]
    for kinds in sizes:
        bits = struct.calcsize(kinds[0][2]) * 8
        orders = [("", ">")] if bits == 8 else [("_le", "<"), ("_be", ">")]
        for suffix, order in orders:
            for cname, stdname, code in kinds:
                names = (cname, stdname)
                if not hasattr(cls, cname + "_min"):
                    if code.islower():
                        low, high = -2 ** (bits - 1), 2 ** (bits - 1) - 1
                    else:
                        low, high = 0, 2 ** bits - 1
                    for name in names:
                        setattr(cls, name + "_min", low)
                        setattr(cls, name + "_max", high)

                st = struct.Struct(order + code)
                value_of = staticmethod(_make_unpack(st))
                value_from = staticmethod(_make_unpack_from(st))
                to_bytes = staticmethod(st.pack)
                for name in names:
                    setattr(cls, name + suffix, value_of)
                for name in names:
                    setattr(cls, name + suffix + "_from", value_from)
                for name in names:
                    setattr(cls, "to_" + name + suffix, to_bytes)


_fill_cdata(cdata)


# ---------------------------------------------------------------------------
# file helpers
# ---------------------------------------------------------------------------

def get_size(fileobj) -> int:
    """Size of the file, keeping the current position."""

    old_pos = fileobj.tell()
    fileobj.seek(0, 2)
    size = fileobj.tell()
    fileobj.seek(old_pos, 0)
    return size


def read_full(fileobj, size: int) -> None:
    """Read exactly `size` bytes and return them.

    Raises:
        ValueError: `size` is negative
        IOError: fewer bytes were available
    """

    if size < 0:
        raise ValueError("size must not be negative")
    data = fileobj.read(size)
    if len(data) != size:
        raise IOError
    return data


def seek_end(fileobj, offset: int) -> None:
    """Seek to `offset` bytes before the end, stopping at the start."""

    if offset < 0:
        raise ValueError
    if get_size(fileobj) < offset:
        fileobj.seek(0, 0)
    else:
        fileobj.seek(-offset, 2)


def _check_buffer_size(size):
    # mutagen loops forever on these; refuse them instead
    if size < 1:
        raise ValueError("BUFFER_SIZE must be positive")


def _read_exactly(fobj, count):
    data = fobj.read(count)
    if len(data) < count:
        # raw (unbuffered) files may return short reads: keep reading
        parts = [data]
        missing = count - len(data)
        while missing > 0:
            more = fobj.read(missing)
            if not more:
                break
            parts.append(more)
            missing -= len(more)
        data = b"".join(parts)
    return data


def resize_file(fobj, diff: int, BUFFER_SIZE: int = _DEFAULT_BUFFER_SIZE
                ) -> None:
    """Grow (zero filled) or shrink the file by `diff` bytes.

    If growing runs out of disk space the file is cut back to its old size.
    """

    fobj.seek(0, 2)
    filesize = fobj.tell()

    if diff < 0:
        if filesize + diff < 0:
            raise ValueError
        fobj.truncate(filesize + diff)
    elif diff > 0:
        _check_buffer_size(BUFFER_SIZE)
        zeros = b"\x00" * min(BUFFER_SIZE, diff)
        try:
            while diff:
                chunk = min(BUFFER_SIZE, diff)
                fobj.write(zeros if chunk == len(zeros) else zeros[:chunk])
                diff -= chunk
            fobj.flush()
        except IOError as e:
            if e.errno == errno.ENOSPC:
                fobj.truncate(filesize)
            raise


def move_bytes(fobj, dest: int, src: int, count: int,
               BUFFER_SIZE: int = _DEFAULT_BUFFER_SIZE) -> None:
    """Copy `count` bytes at `src` to `dest` (the areas may overlap).

    Raises:
        ValueError: negative arguments or an area past the end of file
        IOError: the file object failed
    """

    if dest < 0 or src < 0 or count < 0:
        raise ValueError
    fobj.seek(0, 2)
    filesize = fobj.tell()
    if max(dest, src) + count > filesize:
        raise ValueError("area outside of file")

    if count and src != dest:
        _check_buffer_size(BUFFER_SIZE)
        if src > dest:
            # moving towards the start: copy front to back
            done = 0
            while done < count:
                chunk = min(BUFFER_SIZE, count - done)
                fobj.seek(src + done)
                data = _read_exactly(fobj, chunk)
                fobj.seek(dest + done)
                fobj.write(data)
                done += chunk
        else:
            # moving towards the end: copy back to front
            left = count
            while left > 0:
                chunk = min(BUFFER_SIZE, left)
                left -= chunk
                fobj.seek(src + left)
                data = _read_exactly(fobj, chunk)
                fobj.seek(dest + left)
                fobj.write(data)
    fobj.flush()


def insert_bytes(fobj, size: int, offset: int,
                 BUFFER_SIZE: int = _DEFAULT_BUFFER_SIZE) -> None:
    """Open a gap of `size` bytes at `offset`, moving the rest back.

    The gap keeps whatever bytes were there before. `fobj` must be
    readable, writable and seekable.
    """

    if size < 0 or offset < 0:
        raise ValueError
    fobj.seek(0, 2)
    filesize = fobj.tell()
    movesize = filesize - offset
    if movesize < 0:
        raise ValueError

    resize_file(fobj, size, BUFFER_SIZE)
    move_bytes(fobj, offset + size, offset, movesize, BUFFER_SIZE)


def delete_bytes(fobj, size: int, offset: int,
                 BUFFER_SIZE: int = _DEFAULT_BUFFER_SIZE) -> None:
    """Remove `size` bytes at `offset`, moving the rest forward.

    `fobj` must be readable, writable and seekable.
    """

    if size < 0 or offset < 0:
        raise ValueError
    fobj.seek(0, 2)
    filesize = fobj.tell()
    movesize = filesize - offset - size
    if movesize < 0:
        raise ValueError

    move_bytes(fobj, offset, offset + size, movesize, BUFFER_SIZE)
    resize_file(fobj, -size, BUFFER_SIZE)


def resize_bytes(fobj, old_size: int, new_size: int, offset: int) -> None:
    """Make the `old_size` bytes area at `offset` `new_size` bytes long.

    Bytes are added or removed at the end of the area.
    """

    if new_size < old_size:
        delete_bytes(fobj, old_size - new_size, offset + new_size)
    elif new_size > old_size:
        insert_bytes(fobj, new_size - old_size, offset + old_size)


# ---------------------------------------------------------------------------
# text helpers
# ---------------------------------------------------------------------------

def encode_endian(text: str, encoding: str, errors: str = "strict",
                  le: bool = True) -> bytes:
    """text.encode(encoding, errors), but UTF-16/32 get the byte order
    (and BOM) chosen by `le` instead of the machine's."""

    name = codecs.lookup(encoding).name
    if name == "utf-16":
        if le:
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le", errors)
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be", errors)
    if name == "utf-32":
        if le:
            return codecs.BOM_UTF32_LE + text.encode("utf-32-le", errors)
        return codecs.BOM_UTF32_BE + text.encode("utf-32-be", errors)
    return text.encode(encoding, errors)


def decode_terminated(data: bytes, encoding: str,
                      strict: bool = True) -> Tuple[str, bytes]:
    """Decode `data` up to the first NUL character.

    Returns the text before it and the bytes after it. Without a NUL the
    whole data is decoded and ValueError raised, unless `strict` is false:
    then ``(text, b"")`` is returned.

    Raises:
        UnicodeError: undecodable data
        LookupError: unknown encoding
        ValueError: no terminator (strict only)
    """

    codec = codecs.lookup(encoding)

    # UTF-8 and Latin-1 never contain a zero byte except for U+0000
    if codec.name in ("utf-8", "iso8859-1"):
        index = data.find(b"\x00")
        if index == -1:
            text = data.decode(encoding)
            if strict:
                raise ValueError("not null terminated")
            return text, b""
        return data[:index].decode(encoding), data[index + 1:]

    # anything else: decode byte by byte until a NUL comes out
    decoder = codec.incrementaldecoder()
    decode = decoder.decode
    pieces = []
    for i, byte in enumerate(iterbytes(data)):
        chars = decode(byte)
        if "\x00" in chars:
            pieces.append(chars[:chars.index("\x00")])
            return "".join(pieces), data[i + 1:]
        pieces.append(chars)

    pieces.append(decode(b"", True))
    if strict:
        raise ValueError("not null terminated")
    return "".join(pieces), b""


# ---------------------------------------------------------------------------
# BitReader
# ---------------------------------------------------------------------------

class BitReaderError(Exception):
    pass


class BitReader(object):
    """Read big-endian bit fields from a file object."""

    def __init__(self, fileobj):
        self._fileobj = fileobj
        self._buffer = 0
        self._bits = 0
        self._pos = fileobj.tell()

    def bits(self, count: int) -> int:
        """Read `count` bits as an unsigned int.

        Raises:
            BitReaderError: not enough data
            ValueError: negative count
        """

        if count < 0:
            raise ValueError

        if count > self._bits:
            need = (count - self._bits + 7) // 8
            data = self._fileobj.read(need)
            if len(data) != need:
                raise BitReaderError("not enough data")
            self._buffer = ((self._buffer << (need * 8)) |
                            int.from_bytes(data, "big"))
            self._bits += need * 8

        self._bits -= count
        value = self._buffer >> self._bits
        self._buffer &= (1 << self._bits) - 1
        return value

    def bytes(self, count: int) -> bytes:
        """Read `count` bytes (aligned or not).

        Raises:
            BitReaderError: not enough data
            ValueError: negative count
        """

        if count < 0:
            raise ValueError

        if self._bits == 0:
            data = self._fileobj.read(count)
            if len(data) != count:
                raise BitReaderError("not enough data")
            return data

        return bytes(bytearray(self.bits(8) for _ in range(count)))

    def skip(self, count: int) -> None:
        """Skip `count` bits.

        Whole bytes are skipped by seeking, so skipping past the end is
        only noticed by the next read.

        Raises:
            BitReaderError: not enough data
            ValueError: negative count
        """

        if count < 0:
            raise ValueError

        if count <= self._bits:
            self.bits(count)
        else:
            count -= self.align()
            n_bytes = count // 8
            self._fileobj.seek(n_bytes, 1)
            self.bits(count - n_bytes * 8)

    def get_position(self) -> int:
        """Bits read since the reader was created."""

        return (self._fileobj.tell() - self._pos) * 8 - self._bits

    def align(self) -> int:
        """Drop the bits left in the current byte; returns how many."""

        bits = self._bits
        self._buffer = 0
        self._bits = 0
        return bits

    def is_aligned(self) -> bool:
        """True when at a byte boundary."""

        return self._bits == 0


# ---------------------------------------------------------------------------
# loadfile
# ---------------------------------------------------------------------------

FileThing = namedtuple("FileThing", ["fileobj", "filename", "name"])
"""What a :func:`loadfile` function gets: the file object to use, the path
(or None) and a name for messages."""


def _path_load_method(func):
    """``func(self, filething)`` as a ``load`` method taking what
    ``loadfile`` takes; a plain path (str, bytes or os.PathLike) is handed
    over unopened, as a FileThing without a file object, for a native
    reader to open."""

    slow = loadfile()(func)

    @wraps(func)
    def load(self, *args, **kwargs):
        if len(args) == 1 and not kwargs:
            filething = args[0]
            kind = type(filething)
            if kind is not str and kind is not bytes and \
                    hasattr(kind, "__fspath__"):
                filething = filething.__fspath__()
                kind = type(filething)
            if kind is str or kind is bytes:
                self.filename = filething
                return func(self, _tuple_new(
                    FileThing, (None, filething, filething)))
        return slow(self, *args, **kwargs)

    return load


def _stream_info_from_path(filetype, args, kwargs, read, info_cls, error):
    """The ``load(path)`` shortcut of a format whose stream information a
    native function reads from a path: when the call is ``load(path)`` with
    a str or bytes path, set ``filetype.filename`` and ``filetype.info`` (an
    ``info_cls`` holding the attributes ``read(path)`` returns; an IOError
    is raised as ``error``) and return True. Else return False: the caller
    loads through ``loadfile``."""

    if len(args) != 1 or kwargs:
        return False
    path = args[0]
    if type(path) is not str and type(path) is not bytes:
        return False
    filetype.filename = path
    try:
        attrs = read(path)
    except IOError as e:
        raise error(e).with_traceback(e.__traceback__)
    info = info_cls.__new__(info_cls)
    info.__dict__ = attrs
    filetype.info = info
    return True


def _open_path(filename, writable, create):
    """Open `filename` for the decorated function.

    Returns ``(fileobj, in_memory)``; `in_memory` means the file could not
    be opened read-write and its content was loaded into a BytesIO that
    has to be written back afterwards.
    """

    if not writable:
        try:
            return open(filename, "rb"), False
        except IOError as e:
            raise MutagenError(e) from e

    try:
        try:
            return open(filename, "rb+"), False
        except IOError as e:
            if create and e.errno == errno.ENOENT:
                return open(filename, "wb+"), False
            if e.errno != errno.EOPNOTSUPP:
                raise
            # some file systems refuse mixed read/write handles: work on
            # a copy in memory and write it back
            with open(filename, "rb") as h:
                return BytesIO(h.read()), True
    except IOError as e:
        raise MutagenError(e) from e


def _write_back(filename, fileobj):
    try:
        with open(filename, "wb") as h:
            h.write(fileobj.getvalue())
    except IOError as e:
        raise MutagenError(e) from e


def _call_slow(func, method, writable, create, instance, args, kwargs):
    """The general case of a loadfile call."""

    assert writable or not create

    if args:
        filething = args[0]
        args = args[1:]
    else:
        filething = None
    filename = kwargs.pop("filename", None)
    fileobj = kwargs.pop("fileobj", None)

    if filething is not None:
        if isinstance(filething, FileThing):
            # Handed on by another loadfile function: reuse its open file.
            fileobj = filething.fileobj
            filename = filething.filename
        elif is_fileobj(filething):
            fileobj = filething
        elif hasattr(filething, "__fspath__"):
            filename = filething.__fspath__()
            if not isinstance(filename, (bytes, str)):
                raise TypeError("expected __fspath__() to return a filename")
        else:
            filename = filething

    if method and instance is not None:
        if not writable:
            instance.filename = filename
        elif filename is None:
            filename = getattr(instance, "filename", None)

    if fileobj is not None:
        verify_fileobj(fileobj, writable=writable)
        thing = _tuple_new(
            FileThing, (fileobj, filename, filename or fileobj_name(fileobj)))
        if method:
            return func(instance, thing, *args, **kwargs)
        return func(thing, *args, **kwargs)

    if filename is None:
        raise TypeError("Missing filename or fileobj argument")
    verify_filename(filename)

    fileobj, in_memory = _open_path(filename, writable, create)
    try:
        thing = _tuple_new(FileThing, (fileobj, filename, filename))
        if method:
            result = func(instance, thing, *args, **kwargs)
        else:
            result = func(thing, *args, **kwargs)
        if in_memory:
            _write_back(filename, fileobj)
        return result
    finally:
        fileobj.close()


def loadfile(method=True, writable=False, create=False):
    """Decorator for functions whose first argument is a file.

    The caller may pass a path (str, bytes, os.PathLike) or a binary file
    object as first argument, or use the ``filename=`` / ``fileobj=``
    keywords. The function receives a :class:`FileThing` instead; files
    opened here (``rb``, or ``rb+`` with `writable`) are closed afterwards.

    Args:
        method (bool): decorating a method: a read-only one records the
            path in ``self.filename``, a writable one falls back to
            ``self.filename`` when given no file
        writable (bool): open paths read-write / require writable objects
        create (bool): create a missing file (needs `writable`)

    Failing to open the file raises :class:`MutagenError` wrapping the
    OSError; a missing argument raises TypeError, a wrong one ValueError.
    """

    def decorator(func):
        if create and not writable:
            # always an AssertionError at call time; no fast path
            if method:
                @wraps(func)
                def wrapper(self, *args, **kwargs):
                    return _call_slow(
                        func, True, writable, create, self, args, kwargs)
            else:
                @wraps(func)
                def wrapper(*args, **kwargs):
                    return _call_slow(
                        func, False, writable, create, None, args, kwargs)
            return wrapper

        if method and not writable:
            # FileType.load(): by far the most frequent call
            @wraps(func)
            def wrapper(self, *args, **kwargs):
                if len(args) == 1 and not kwargs:
                    filething = args[0]
                    kind = type(filething)
                    if kind is str or kind is bytes:
                        if self is not None:
                            self.filename = filething
                        try:
                            fileobj = open(filething, "rb")
                        except IOError as e:
                            raise MutagenError(e) from e
                        try:
                            return func(self, _tuple_new(
                                FileThing, (fileobj, filething, filething)))
                        finally:
                            fileobj.close()
                return _call_slow(func, True, False, False, self, args, kwargs)

        elif method:
            # save()/delete(): defaults to self.filename
            @wraps(func)
            def wrapper(self, *args, **kwargs):
                if not kwargs and len(args) < 2:
                    if args:
                        filename = args[0]
                        if filename is None:
                            filename = getattr(self, "filename", None)
                    else:
                        filename = getattr(self, "filename", None)
                    kind = type(filename)
                    if kind is str or kind is bytes:
                        fileobj, in_memory = _open_path(
                            filename, True, create)
                        try:
                            result = func(self, _tuple_new(
                                FileThing, (fileobj, filename, filename)))
                            if in_memory:
                                _write_back(filename, fileobj)
                            return result
                        finally:
                            fileobj.close()
                return _call_slow(
                    func, True, True, create, self, args, kwargs)

        elif not writable:
            # File(), module level delete functions etc.
            @wraps(func)
            def wrapper(*args, **kwargs):
                if args and (not kwargs or (
                        "filename" not in kwargs and "fileobj" not in kwargs)):
                    filething = args[0]
                    kind = type(filething)
                    if kind is str or kind is bytes:
                        try:
                            fileobj = open(filething, "rb")
                        except IOError as e:
                            raise MutagenError(e) from e
                        try:
                            thing = _tuple_new(
                                FileThing, (fileobj, filething, filething))
                            if len(args) == 1:
                                return func(thing, **kwargs)
                            return func(thing, *args[1:], **kwargs)
                        finally:
                            fileobj.close()
                return _call_slow(
                    func, False, False, False, None, args, kwargs)

        else:
            @wraps(func)
            def wrapper(*args, **kwargs):
                return _call_slow(
                    func, False, True, create, None, args, kwargs)

        return wrapper

    return decorator


def _abstract_method(self, filething, *args, **kwargs):
    raise NotImplementedError


# What the base classes' load/save/delete do: open the file like every real
# implementation would (so a bad path fails the same way), then refuse.
_abstract_load = loadfile()(_abstract_method)
_abstract_write = loadfile(writable=True)(_abstract_method)


def _lazy_bitpaddedint(module_name):
    """``(__getattr__, __dir__)`` for a format module that re-exports
    ``BitPaddedInt`` (as mutagen's do) without importing the ID3 package
    until the name is first used, so that reading its files does not load
    the ID3 code."""

    def __getattr__(name):
        if name == "BitPaddedInt":
            from .id3._util import BitPaddedInt
            sys.modules[module_name].BitPaddedInt = BitPaddedInt
            return BitPaddedInt
        raise AttributeError("module %r has no attribute %r" % (
            module_name, name))

    def __dir__():
        return sorted(set(vars(sys.modules[module_name])) |
                      {"BitPaddedInt"})

    return __getattr__, __dir__
