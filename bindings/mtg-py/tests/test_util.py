"""mutagen_rs._util and _constants, compared with real mutagen 1.48.1."""

import builtins
import errno
import io
import os
import pathlib
import random
import types

import pytest

import mutagen._constants as ref_constants
import mutagen._util as ref

import mutagen_rs
import mutagen_rs._constants as our_constants
import mutagen_rs._util as our


def outcome(func, *args, **kwargs):
    """What a call did: its value, or the type name and text of its error."""
    try:
        return ("ok", func(*args, **kwargs))
    except Exception as e:
        return ("raised", type(e).__name__, str(e))


def same(name, *args, **kwargs):
    """Call `name` from both modules with the same arguments; compare."""
    a = outcome(getattr(ref, name), *args, **kwargs)
    b = outcome(getattr(our, name), *args, **kwargs)
    assert a == b, (name, args, kwargs)
    return b


# --------------------------------------------------------------------------
# names

def _public(module):
    out = {}
    for n in dir(module):
        v = getattr(module, n)
        if n.startswith("_") or isinstance(v, types.ModuleType):
            continue
        if isinstance(v, type):
            out[n] = "class"
        elif callable(v):
            out[n] = "callable"
        else:
            out[n] = "value"
    return out


def test_public_names_and_kinds():
    assert _public(our) == _public(ref)


def test_reexports_are_the_stdlib_objects():
    for name in ["BytesIO", "List", "Tuple", "contextmanager", "fnmatchcase",
                 "namedtuple", "wraps"]:
        assert getattr(our, name) is getattr(ref, name), name


def test_genres():
    assert our_constants.GENRES == ref_constants.GENRES
    assert len(our_constants.GENRES) == 192
    assert isinstance(our_constants.GENRES, list)


def test_mutagen_error():
    assert issubclass(our.MutagenError, Exception)
    assert our.MutagenError.__module__ == "mutagen_rs"
    assert our.MutagenError.__qualname__ == "MutagenError"
    assert repr(our.MutagenError("x")) == repr(ref.MutagenError("x"))
    assert getattr(mutagen_rs, "MutagenError", our.MutagenError) \
        is our.MutagenError
    assert issubclass(our.BitReaderError, Exception)
    assert not issubclass(our.BitReaderError, our.MutagenError)


def test_file_thing():
    assert our.FileThing._fields == ref.FileThing._fields
    t = our.FileThing(1, 2, 3)
    assert (t.fileobj, t.filename, t.name) == (1, 2, 3)


# --------------------------------------------------------------------------
# cdata

def test_cdata_table_matches():
    assert list(our.cdata.__dict__) == list(ref.cdata.__dict__)
    assert our.cdata.error is ref.cdata.error
    assert our.cdata.bitswap == ref.cdata.bitswap
    for key in ref.cdata.__dict__:
        if key.startswith("_"):
            continue
        value = getattr(ref.cdata, key)
        if not callable(value):
            assert getattr(our.cdata, key) == value, key


def _cdata_names(kind):
    names = [k for k in ref.cdata.__dict__ if not k.startswith("_")
             and callable(getattr(ref.cdata, k))]
    if kind == "to":
        return [k for k in names if k.startswith("to_")]
    if kind == "from":
        return [k for k in names if k.endswith("_from")]
    return [k for k in names if not k.startswith("to_")
            and not k.endswith("_from") and k not in ("test_bit", "error")]


@pytest.mark.parametrize("name", _cdata_names("plain"))
def test_cdata_unpack(name):
    rnd = random.Random(name)
    for size in range(0, 10):
        data = bytes(rnd.randrange(256) for _ in range(size))
        a = outcome(getattr(ref.cdata, name), data)
        b = outcome(getattr(our.cdata, name), data)
        assert a == b, (name, data)
    assert outcome(getattr(ref.cdata, name), "ab")[1] == \
        outcome(getattr(our.cdata, name), "ab")[1]


@pytest.mark.parametrize("name", _cdata_names("from"))
def test_cdata_unpack_from(name):
    data = bytes(range(1, 12))
    for offset in [0, 1, 3, 7, 8, 11, 12, -1, -4, -20]:
        a = outcome(getattr(ref.cdata, name), data, offset)
        b = outcome(getattr(our.cdata, name), data, offset)
        assert a == b, (name, offset)
    assert getattr(ref.cdata, name)(data) == getattr(our.cdata, name)(data)
    assert getattr(ref.cdata, name)(data, offset=2) == \
        getattr(our.cdata, name)(data, offset=2)


@pytest.mark.parametrize("name", _cdata_names("to"))
def test_cdata_pack(name):
    stem = name[3:].replace("_le", "").replace("_be", "")
    low = getattr(ref.cdata, stem + "_min")
    high = getattr(ref.cdata, stem + "_max")
    for v in [0, 1, -1, low, high, low - 1, high + 1, 0x1234, 2.0]:
        assert outcome(getattr(ref.cdata, name), v) == \
            outcome(getattr(our.cdata, name), v), (name, v)


def test_cdata_aliases_are_identical():
    c = our.cdata
    assert c.char is c.int8 and c.uchar is c.uint8
    assert c.to_char is c.to_int8 and c.uint_be_from is c.uint32_be_from
    assert c.ulonglong_le is c.uint64_le


def test_cdata_test_bit():
    for v in [0, 1, 5, 255, -1, -2, 1 << 70]:
        for n in [0, 1, 2, 7, 64, 100]:
            assert our.cdata.test_bit(v, n) is ref.cdata.test_bit(v, n)
    assert outcome(ref.cdata.test_bit, 5, -1) == \
        outcome(our.cdata.test_bit, 5, -1)


# --------------------------------------------------------------------------
# enum / flags / hashable / total_ordering

def _enum_body():
    class Kind(object):
        """doc"""
        FOO = 1
        BAR = 3
        BAZ = 3
        NEG = -1
        _private = 7
        text = "x"
        flt = 2.0

        def method(self):
            return "m"
    return Kind


def _flags_body():
    class Bits(object):
        C = 4
        A = 1
        B = 2
        AB = 3
        ZERO = 0
        BIG = 16
        A2 = 1
        _hidden = 8
    return Bits


@pytest.mark.parametrize("deco", ["enum", "flags"])
def test_enum_flags_text(deco):
    body = _enum_body if deco == "enum" else _flags_body
    Ref = getattr(ref, deco)(body())
    Our = getattr(our, deco)(body())
    assert Our.__name__ == Ref.__name__
    assert Our.__mro__[1:] == (int, object)
    for v in list(range(-40, 40)) + [1 << 40, -(1 << 40)]:
        assert repr(Our(v)) == repr(Ref(v)), v
        assert str(Our(v)) == str(Ref(v)), v
        assert int(Our(v)) == v and isinstance(Our(v), Our)
        assert format(Our(v)) == format(Ref(v))
    for key, value in vars(Ref).items():
        if key.startswith("_") or callable(value):
            continue
        ours = getattr(Our, key)
        if isinstance(value, Ref):
            assert type(ours) is Our and repr(ours) == repr(value)
        else:
            assert ours == value
    assert Our.__doc__ == Ref.__doc__ and Our.__module__ == Ref.__module__


def test_enum_subclass_uses_own_name():
    Our = our.enum(_enum_body())

    class Sub(Our):
        pass
    assert repr(Sub(1)) == "<Sub.FOO: 1>"
    assert str(Sub(1)) == "Sub.FOO"
    assert Our(1).method() == "m"


def test_hashable():
    for mod in (ref, our):
        class H(object):
            def __eq__(self, other):
                return other == 1

            def __hash__(self):
                return 1
        H = mod.hashable(H)
        assert (H() != 1) is False and (H() != 2) is True

    class NoEq(object):
        def __hash__(self):
            return 1

    class NoHash(object):
        def __eq__(self, other):
            return True

    class Neither(object):
        pass
    for cls in (NoEq, NoHash, Neither):
        assert outcome(ref.hashable, cls)[:2] == outcome(our.hashable, cls)[:2]


def test_total_ordering():
    results = []
    for mod in (ref, our):
        log = []

        class T(object):
            def __init__(self, lt, eq):
                self.lt, self.eq = lt, eq

            def __eq__(self, other):
                log.append("eq")
                return self.eq

            def __lt__(self, other):
                log.append("lt")
                return self.lt
            __hash__ = None
        T = mod.total_ordering(T)
        row = []
        for lt in (True, False, 0, "x"):
            for eq in (True, False, ""):
                for op in ("__le__", "__gt__", "__ge__", "__ne__"):
                    del log[:]
                    row.append((getattr(T(lt, eq), op)(T(lt, eq)), list(log)))
        results.append(row)
    assert results[0] == results[1]

    class OnlyLt(object):
        def __lt__(self, other):
            return True
    assert outcome(ref.total_ordering, OnlyLt)[:2] == \
        outcome(our.total_ordering, OnlyLt)[:2]


# --------------------------------------------------------------------------
# text helpers

DECODE_CASES = [
    (b"abc\x00def", "utf-8"), (b"abc\x00def", "latin-1"),
    (b"abc\x00", "ascii"),
    (b"a\x00b\x00\x00\x00c\x00", "utf-16-le"),
    (b"\xff\xfea\x00\x00\x00c\x00", "utf-16"),
    (b"\xfe\xff\x00a\x00\x00c", "utf-16"), (b"a\x00\x00", "utf-16-le"),
    (b"\x00\x00", "utf-16"), (b"\xff\xfe", "utf-16"), (b"", "utf-8"),
    (b"\x00", "utf-8"), (b"\x00", "utf-16"), (b"a\x00\x00\x00", "utf-16"),
    (b"\xff\xfe\x00\x00a\x00\x00\x00\x00\x00\x00\x00z", "utf-32"),
    (b"a\x00\x00\x00\x00\x00\x00\x00", "utf-32-le"),
    (b"ab\xff\x00", "utf-8"), (b"ab\xff", "utf-8"), (b"abc", "utf-8"),
    (b"a\x00b", "utf-16-le"), (b"\x00a\x00\x00x", "utf-16-be"),
    (b"abc\x00", "cp1252"), (b"abc\x00", "shift_jis"), (b"abc\x00", "utf-7"),
    (b"a+AAA-b\x00", "utf-7"), (b"abc\x00", "idna"),
    (b"abc\x00x", "nopenope"), (bytearray(b"abc\x00x"), "utf-8"),
    (bytearray(b"abc\x00x"), "utf-16-le"), ("abc\x00", "utf-8"),
    ("abc\x00", "utf-16"), (b"abc\x00", "U8"), (b"abc\x00", "L1"),
]


@pytest.mark.parametrize("data,encoding", DECODE_CASES)
@pytest.mark.parametrize("strict", [True, False])
def test_decode_terminated(data, encoding, strict):
    same("decode_terminated", data, encoding, strict)
    same("decode_terminated", data, encoding, strict=strict)


def test_decode_terminated_memoryview():
    for enc in ["utf-8", "latin-1", "ascii", "utf-16-le"]:
        a = outcome(ref.decode_terminated, memoryview(b"ab\x00\x00c"), enc)
        b = outcome(our.decode_terminated, memoryview(b"ab\x00\x00c"), enc)
        if a[0] == "ok":
            assert a[1][0] == b[1][0] and bytes(a[1][1]) == bytes(b[1][1])
        else:
            assert a == b


@pytest.mark.parametrize("encoding", [
    "utf-16", "UTF16", "U16", "utf-16-le", "utf-16-be", "utf-32", "U32",
    "utf-32-be", "utf-8", "latin-1", "utf-8-sig", "nope"])
@pytest.mark.parametrize("le", [True, False])
def test_encode_endian(encoding, le):
    for text in ["", "\xe4", "abc\u2714", "\U0001f600", "\ud800"]:
        for errors in ["strict", "replace", "surrogatepass"]:
            same("encode_endian", text, encoding, errors, le)
    same("encode_endian", b"x", encoding)


def test_intround():
    values = [2.5, 3.5, 2.4, 2.6, -2.5, -3.5, -0.5, 0.5, 1.5, 1e20, 1e300,
              0.49999999999999994, 2, -7, True, float("inf"),
              float("-inf"), float("nan"), "2.5", None, 2 ** 80]
    for v in values:
        a, b = outcome(ref.intround, v), outcome(our.intround, v)
        assert a == b, v
        if a[0] == "ok":
            assert type(b[1]) is int


def test_small_text_helpers():
    for args in [("abc", "c"), (b"abc", b"c"), ("abc", b"c"), (b"abc", "c"),
                 ("abc", ""), ("\xe4", b"\xc3\xa4"), (b"\xc3\xa4", "\xe4"),
                 (bytearray(b"abc"), b"bc"), (b"abc", bytearray(b"bc")),
                 ("abc", ("c",)), (1, 2)]:
        same("endswith", *args)
    for v in [0, 65, 255, 256, -1, "a", 1.0]:
        same("bchr", v)
    for v in [b"", b"abc", bytearray(b"ab"), memoryview(b"ab")]:
        assert list(our.iterbytes(v)) == list(ref.iterbytes(v))
    assert outcome(lambda: list(our.iterbytes("ab"))) == \
        outcome(lambda: list(ref.iterbytes("ab")))
    assert outcome(our.iterbytes, 1) == outcome(ref.iterbytes, 1)


def test_dict_match():
    cases = [({"*": 1}, "a"), ({"*": 1}, "*"), ({"*a": 1}, "ba"),
             ({"?": 1}, "b"), ({"[ab]": 1}, "b"), ({"*a": 1}, "ab"),
             ({"??": 1}, "a"), ({"[ab]": 1}, "c"), ({"[ab]": 1}, "[ab]"),
             ({"a[": 1}, "a["), ({"a*": 1, "ab": 2}, "ab"),
             ({"a*": 1, "*b": 2}, "ab"), ({"A*": 1}, "ab"), ({}, "x"),
             ({"[ab]": 1, "[[]ab]": 2}, "[ab]"), ({b"ab": 1}, b"ab"),
             ({b"a*": 1}, b"ab"), ({"a*": 1}, b"ab"), ({1: 1}, "ab"),
             ({"x": 1}, 1), ({("a",): 1}, ("a",))]
    for d, key in cases:
        same("dict_match", d, key)
        same("dict_match", d, key, "default")


def test_convert_error_and_reraise():
    class E1(Exception):
        pass

    class E2(E1):
        pass

    for mod in (ref, our):
        @mod.convert_error((IOError, KeyError), ValueError)
        def f(exc):
            """doc"""
            raise exc
        assert f.__name__ == "f" and f.__doc__ == "doc"
        orig = IOError(2, "x")
        with pytest.raises(ValueError) as info:
            f(orig)
        assert info.value.args == (orig,)
        assert info.value.__context__ is orig
        assert info.value.__cause__ is None
        with pytest.raises(TypeError):
            f(TypeError())

        @mod.convert_error(E1, E2)
        def g(exc):
            raise exc
        e2 = E2()
        with pytest.raises(E2) as info:
            g(e2)
        assert info.value is e2

    for args in [(ValueError, ValueError("x"), None),
                 (TypeError, "text", None)]:
        a, b = outcome(ref.reraise, *args), outcome(our.reraise, *args)
        assert a == b


# --------------------------------------------------------------------------
# file object helpers

class FakeFile(object):
    def __init__(self, read_result=b"", read_exc=None, write_exc=None,
                 has_write=True):
        self._r, self._re, self._we = read_result, read_exc, write_exc
        if has_write:
            self.write = self._write

    def read(self, n=-1):
        if self._re:
            raise self._re
        return self._r

    def _write(self, data):
        if self._we:
            raise self._we

    def __repr__(self):
        return "FakeFile"


class FSPath(object):
    def __init__(self, value):
        self.value = value

    def __fspath__(self):
        return self.value

    def __repr__(self):
        return "FSPath(%r)" % (self.value,)


def test_verify_and_classify():
    objs = ["a", b"a", bytearray(b"a"), FSPath("a"), FSPath(42),
            pathlib.PurePosixPath("a"), io.BytesIO(), io.StringIO(), None, 1,
            FakeFile(), FakeFile(""), FakeFile(None),
            FakeFile(read_exc=OSError(1, "x")),
            FakeFile(read_exc=AttributeError("inner")),
            FakeFile(write_exc=ValueError("w")), FakeFile(has_write=False)]
    for o in objs:
        same("is_fileobj", o)
        same("verify_filename", o)
        same("verify_fileobj", o)
        same("verify_fileobj", o, True)
        same("verify_fileobj", o, writable=True)
        same("fileobj_name", o)


def test_fileobj_name(tmp_path):
    class Named(object):
        pass
    for name in [123, b"/x", None, pathlib.PurePosixPath("/p"), "s"]:
        n = Named()
        n.name = name
        same("fileobj_name", n)
    p = tmp_path / "f"
    p.write_bytes(b"x")
    with open(str(p), "rb") as h:
        same("fileobj_name", h)
    with open(os.fsencode(str(p)), "rb") as h:
        same("fileobj_name", h)


def test_get_size_seek_end_read_full():
    for fn, args in [("get_size", ()), ("seek_end", (0,)), ("seek_end", (1,)),
                     ("seek_end", (6,)), ("seek_end", (10,)),
                     ("seek_end", (-1,)), ("seek_end", (1.0,)),
                     ("read_full", (2,)), ("read_full", (0,)),
                     ("read_full", (10,)), ("read_full", (-1,))]:
        results = []
        for mod in (ref, our):
            f = io.BytesIO(b"abcdef")
            f.seek(2)
            results.append((outcome(getattr(mod, fn), f, *args), f.tell()))
        assert results[0] == results[1], (fn, args)


# --------------------------------------------------------------------------
# moving bytes

def _run_on(kind, data, fn, args, kwargs, tmp_path):
    if kind == "bytesio":
        f = io.BytesIO(data)
    else:
        path = tmp_path / ("f%d" % random.randrange(1 << 30))
        path.write_bytes(data)
        f = open(str(path), "rb+")
    try:
        res = outcome(fn, f, *args, **kwargs)
        f.seek(0)
        return res, f.read()
    finally:
        f.close()


BYTE_OPS = [
    ("resize_file", (5,)), ("resize_file", (-3,)), ("resize_file", (0,)),
    ("resize_file", (-10,)), ("resize_file", (-9,)),
    ("resize_file", (2 ** 17,)),
    ("move_bytes", (0, 3, 4)), ("move_bytes", (3, 0, 4)),
    ("move_bytes", (3, 3, 4)), ("move_bytes", (3, 0, 0)),
    ("move_bytes", (-1, 0, 0)), ("move_bytes", (0, -1, 0)),
    ("move_bytes", (0, 0, -1)), ("move_bytes", (0, 0, 11)),
    ("move_bytes", (1, 0, 9)), ("move_bytes", (9, 0, 1)),
    ("move_bytes", (10, 0, 0)), ("move_bytes", (11, 0, 0)),
    ("insert_bytes", (3, 2)), ("insert_bytes", (1, 10)),
    ("insert_bytes", (1, 11)), ("insert_bytes", (1, -1)),
    ("insert_bytes", (-1, 0)), ("insert_bytes", (0, 0)),
    ("insert_bytes", (100, 0)), ("delete_bytes", (3, 2)),
    ("delete_bytes", (1, 9)), ("delete_bytes", (1, 10)),
    ("delete_bytes", (1, -1)), ("delete_bytes", (-1, 0)),
    ("delete_bytes", (0, 0)), ("delete_bytes", (10, 0)),
    ("delete_bytes", (11, 0)), ("resize_bytes", (2, 5, 1)),
    ("resize_bytes", (5, 2, 1)), ("resize_bytes", (1, 1, 99)),
    ("resize_bytes", (1, 2, 99)), ("resize_bytes", (-1, 2, 0)),
    ("resize_bytes", (2, -1, 0)), ("resize_bytes", (-1, -1, 0)),
    ("resize_bytes", (2, 1, -1)), ("resize_bytes", (1, 2, -1)),
    ("resize_bytes", (3, 2, 9)),
]


@pytest.mark.parametrize("kind", ["bytesio", "file"])
@pytest.mark.parametrize("name,args", BYTE_OPS)
def test_byte_ops(kind, name, args, tmp_path):
    data = b"abcdefghij"
    kwargs_list = [{}]
    if name != "resize_bytes":
        kwargs_list += [{"BUFFER_SIZE": 1}, {"BUFFER_SIZE": 3}]
    for kwargs in kwargs_list:
        a = _run_on(kind, data, getattr(ref, name), args, kwargs, tmp_path)
        b = _run_on(kind, data, getattr(our, name), args, kwargs, tmp_path)
        assert a == b, (name, args, kwargs)


def test_random_insert_delete_roundtrip(tmp_path):
    rnd = random.Random(1)
    base = bytes(rnd.randrange(256) for _ in range(5000))
    path = tmp_path / "r"
    path.write_bytes(base)
    mirror = io.BytesIO(base)
    with open(str(path), "rb+") as f:
        for _ in range(60):
            size = f.seek(0, 2)
            offset = rnd.randrange(size + 1)
            n = rnd.randrange(0, 700)
            bs = rnd.randrange(1, 900)
            if rnd.random() < 0.5 or n > size - offset:
                our.insert_bytes(f, n, offset, BUFFER_SIZE=bs)
                ref.insert_bytes(mirror, n, offset, BUFFER_SIZE=bs)
            else:
                our.delete_bytes(f, n, offset, BUFFER_SIZE=bs)
                ref.delete_bytes(mirror, n, offset, BUFFER_SIZE=bs)
            f.seek(0)
            assert f.read() == mirror.getvalue()


def test_resize_file_out_of_space_rolls_back():
    def no_space(*args):
        raise IOError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def other_error(*args):
        raise IOError(errno.EIO, "io")

    for attr in ("write", "flush"):
        for failing in (no_space, other_error):
            sizes = []
            for mod in (ref, our):
                h = io.BytesIO(b"abc")
                setattr(h, attr, failing)
                with pytest.raises(IOError):
                    mod.resize_file(h, 5, BUFFER_SIZE=2)
                sizes.append(h.getvalue())
            assert sizes[0] == sizes[1]


def test_short_reads_are_completed(tmp_path):
    class Trickle(io.BytesIO):
        def read(self, n=-1):
            if n is None or n < 0:
                return super().read()
            return super().read(min(n, 1))

    f = Trickle(b"0123456789")
    our.move_bytes(f, 0, 4, 6, BUFFER_SIZE=4)
    assert f.getvalue() == b"4567896789"


def test_zero_buffer_size_is_refused():
    with pytest.raises(ValueError):
        our.insert_bytes(io.BytesIO(b"abc"), 1, 0, BUFFER_SIZE=0)
    with pytest.raises(ValueError):
        our.resize_file(io.BytesIO(b"abc"), 1, BUFFER_SIZE=-1)


# --------------------------------------------------------------------------
# BitReader

def test_bitreader_random_ops():
    rnd = random.Random(7)
    for _ in range(200):
        data = bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 12)))
        start = rnd.randrange(0, 3)
        readers = []
        for mod in (ref, our):
            f = io.BytesIO(data)
            f.seek(start)
            readers.append((mod.BitReader(f), f))
        for _ in range(12):
            op = rnd.choice(["bits", "bytes", "skip", "align", "is_aligned",
                             "get_position"])
            args = ()
            if op in ("bits", "skip"):
                args = (rnd.randrange(-1, 30),)
            elif op == "bytes":
                args = (rnd.randrange(-1, 4),)
            res = [outcome(getattr(r, op), *args) for r, _ in readers]
            assert res[0] == res[1], (data, op, args)
            assert readers[0][1].tell() == readers[1][1].tell()
            assert vars(readers[0][0])["_bits"] == vars(readers[1][0])["_bits"]


# --------------------------------------------------------------------------
# DictProxy

def test_dict_proxy():
    d = our.DictProxy()
    d["a"] = 1
    assert d["a"] == 1 and list(d.keys()) == ["a"] and "a" in d
    assert vars(d) == {"_DictProxy__dict": {"a": 1}}
    del d["a"]
    with pytest.raises(KeyError):
        d["a"]
    assert isinstance(d, our.DictMixin)
    assert outcome(our.DictProxy, {"a": 1})[:2] == \
        outcome(ref.DictProxy, {"a": 1})[:2]


# --------------------------------------------------------------------------
# loadfile

def _describe(result):
    """FileThing -> comparable tuple (file object type, names, content)."""
    if result[0] != "ok":
        return result
    value = result[1]
    if isinstance(value, tuple) and len(value) == 2 and \
            isinstance(value[1], dict):
        thing_args, kwargs = value
    else:
        thing_args, kwargs = (value,), {}
    out = []
    for thing in thing_args:
        if type(thing).__name__ == "FileThing":
            f = thing.fileobj
            out.append(("thing", type(f).__name__, getattr(f, "mode", None),
                        thing.filename, thing.name))
        else:
            out.append(thing)
    return ("ok", tuple(out), kwargs)


def _make(mod, method, writable, create):
    deco = mod.loadfile(method=method, writable=writable, create=create)
    if method:
        class Holder(object):
            @deco
            def call(self, *args, **kwargs):
                return args, kwargs
        return Holder
    return deco(lambda *args, **kwargs: (args, kwargs))


class NamedBytesIO(io.BytesIO):
    def __repr__(self):
        return "NamedBytesIO"


class NamedStringIO(io.StringIO):
    def __repr__(self):
        return "NamedStringIO"


def _loadfile_calls(path, missing):
    bio = NamedBytesIO(b"data")
    return [
        ((path,), {}), ((os.fsencode(path),), {}), ((pathlib.Path(path),), {}),
        ((FSPath(path),), {}), ((FSPath(os.fsencode(path)),), {}),
        ((FSPath(42),), {}), ((bio,), {}), ((), {"filename": path}),
        ((), {"fileobj": bio}), ((None,), {}), ((), {}), ((1,), {}),
        ((1.5,), {}), ((bytearray(b"x"),), {}), ((missing,), {}),
        ((os.path.dirname(path),), {}), (("",), {}), (("a\0b",), {}),
        ((path, 1, 2), {"x": 3}), ((path,), {"filename": missing}),
        ((bio,), {"filename": "/other"}), ((bio,), {"filename": 1}),
        ((bio,), {"filename": ""}), ((path,), {"fileobj": bio}),
        ((None,), {"filename": path}), ((None,), {"fileobj": bio}),
        ((), {"filething": path}), ((), {"filething": None, "filename": path}),
        ((NamedStringIO("x"),), {}), ((), {"fileobj": path}),
        ((), {"filename": bio}), ((), {"filename": pathlib.Path(path)}),
        ((FakeFile(has_write=False),), {}),
    ]


@pytest.mark.parametrize("method", [False, True])
@pytest.mark.parametrize("writable,create", [
    (False, False), (True, False), (True, True), (False, True)])
def test_loadfile_matrix(method, writable, create, tmp_path):
    path = str(tmp_path / "file.bin")
    missing = str(tmp_path / "missing.bin")
    for n in range(len(_loadfile_calls(path, missing))):
        results = []
        for mod in (ref, our):
            with open(path, "wb") as h:
                h.write(b"data")
            if os.path.exists(missing):
                os.remove(missing)
            args, kwargs = _loadfile_calls(path, missing)[n]
            target = _make(mod, method, writable, create)
            if method:
                inst = target()
                res = outcome(inst.call, *args, **kwargs)
                state = {k: repr(v) for k, v in vars(inst).items()}
            else:
                res = outcome(target, *args, **kwargs)
                state = None
            if res[0] == "ok":
                res = _describe(("ok", res[1]))
            results.append((res, state, os.path.exists(missing)))
        assert results[0] == results[1], _loadfile_calls(path, missing)[n]


@pytest.mark.parametrize("value", [
    "PATH", None, 1, "MISSING", "BYTESIO", "PATHLIB", "FSPATH42", "UNSET"])
@pytest.mark.parametrize("arg", ["none", "explicit-none", "bytesio", "path"])
def test_loadfile_writable_method_uses_self_filename(value, arg, tmp_path):
    path = str(tmp_path / "file.bin")
    with open(path, "wb") as h:
        h.write(b"data")
    bio = io.BytesIO()
    concrete = {"PATH": path, "MISSING": str(tmp_path / "nope"),
                "BYTESIO": bio, "PATHLIB": pathlib.Path(path),
                "FSPATH42": FSPath(42)}.get(value, value)
    call_args = {"none": (), "explicit-none": (None,), "bytesio": (bio,),
                 "path": (path,)}[arg]
    results = []
    for mod in (ref, our):
        inst = _make(mod, True, True, False)()
        if value != "UNSET":
            inst.filename = concrete
        res = _describe(outcome(inst.call, *call_args))
        results.append((res, vars(inst).get("filename", "UNSET")))
    assert results[0] == results[1]


@pytest.mark.parametrize("writable", [False, True])
def test_loadfile_unbound_method_with_odd_self(writable, tmp_path):
    path = str(tmp_path / "f")
    with open(path, "wb") as h:
        h.write(b"x")
    for self_value in (None, 5, "s"):
        results = []
        for mod in (ref, our):
            Holder = _make(mod, True, writable, False)
            res = _describe(outcome(Holder.call, self_value, path))
            results.append(res[:2] if res[0] == "raised" else res)
        assert results[0] == results[1], self_value


def test_loadfile_errors_are_chained(tmp_path):
    missing = str(tmp_path / "missing")
    for mod in (ref, our):
        f = mod.loadfile(method=False)(lambda filething: filething)
        with pytest.raises(mod.MutagenError) as info:
            f(missing)
        err = info.value
        assert isinstance(err.args[0], FileNotFoundError)
        assert err.__cause__ is err.args[0]
        assert err.__suppress_context__
        with pytest.raises(TypeError, match="Missing filename or fileobj"):
            f(None)
        with pytest.raises(ValueError, match="^1 not a valid file object$"):
            f(1)


def test_loadfile_function_errors_pass_through(tmp_path):
    path = str(tmp_path / "f")
    with open(path, "wb") as h:
        h.write(b"x")
    seen = []

    @our.loadfile(method=False)
    def boom(filething, exc):
        seen.append(filething.fileobj)
        raise exc

    for exc in (IOError(5, "x"), ValueError("v"), our.MutagenError("m")):
        with pytest.raises(type(exc)) as info:
            boom(path, exc)
        assert info.value is exc
        assert seen[-1].closed
    with pytest.raises(ValueError):
        boom(io.BytesIO(), ValueError())
    assert not seen[-1].closed


def test_loadfile_wraps_metadata():
    class A(object):
        @our.loadfile()
        def load(self, filething, extra=1):
            """Docs."""

    assert A.load.__name__ == "load" and A.load.__doc__ == "Docs."
    assert A.load.__qualname__.endswith("A.load")
    import inspect
    assert str(inspect.signature(A.load)) == "(self, filething, extra=1)"
    with pytest.raises(TypeError, match="missing 1 required positional"):
        A.load()


@pytest.mark.parametrize("errno_rw,errno_other", [
    (errno.EOPNOTSUPP, None), (errno.EOPNOTSUPP, "rb"),
    (errno.EOPNOTSUPP, "wb"), (errno.EACCES, None), (errno.ENOENT, "wb+"),
    (errno.ENOENT, None)])
@pytest.mark.parametrize("create", [False, True])
@pytest.mark.parametrize("fail_inside", [False, True])
def test_loadfile_mixed_mode_fallback(errno_rw, errno_other, create,
                                      fail_inside, tmp_path):
    """rb+ refused with EOPNOTSUPP: work in memory and write back."""
    results = []
    for mod in (ref, our):
        path = str(tmp_path / ("f_" + mod.__name__))
        with open(path, "wb") as h:
            h.write(b"foo")
        calls = []
        real_open = builtins.open

        def mock_open(name, mode, *args):
            calls.append(mode)
            if "+" in mode and mode != "wb+":
                raise IOError(errno_rw, "mock")
            if mode == errno_other:
                raise IOError(errno.EOPNOTSUPP if mode == "wb+"
                              else errno.EIO, "mock")
            return real_open(name, mode, *args)

        @mod.loadfile(method=False, writable=True, create=create)
        def edit(filething):
            f = filething.fileobj
            assert f.read() == b"foo"
            f.seek(0, 2)
            f.write(b"bar")
            if fail_inside:
                raise KeyError("inside")
            return type(f).__name__, filething.filename == path

        builtins.open = mock_open
        try:
            res = outcome(edit, path)
        finally:
            builtins.open = real_open
        with open(path, "rb") as h:
            content = h.read()
        results.append((res[:2] if res[0] == "raised" else res, calls,
                        content))
    assert results[0] == results[1]


def test_loadfile_create_makes_file(tmp_path):
    path = str(tmp_path / "new")

    @our.loadfile(method=False, writable=True, create=True)
    def make(filething):
        filething.fileobj.write(b"hello")

    make(path)
    with open(path, "rb") as h:
        assert h.read() == b"hello"


def test_loadfile_fast_path_keeps_extra_args(tmp_path):
    path = str(tmp_path / "f")
    with open(path, "wb") as h:
        h.write(b"x")

    @our.loadfile(method=False)
    def f(filething, a, b=2, **kw):
        return filething.filename, a, b, kw

    assert f(path, 1) == (path, 1, 2, {})
    assert f(path, 1, b=3, c=4) == (path, 1, 3, {"c": 4})
    assert f(path, a=5) == (path, 5, 2, {})
