"""ID3 tags of files: loading, saving and removing them.

``ID3`` is an ``ID3Tags`` bound to a file. Reading a whole tag, saving it
in place (with padding and the ID3v1 tag) and removing tags are done by the
Rust crate ``mtg-id3`` through ``mutagen_rs._native``; the frames are built
and serialised here, through the frame classes.

The same steps also exist in Python, built on the overridable methods
(``_pre_load_header``, ``_read``, ``_write``, ``_prepare_data``): they run
for subclasses that override one of those (formats embedding the tag
elsewhere in a file), and for file objects that are not positioned at their
start (the tag is read from, and written to, where mutagen would).
"""

import struct
import threading
from functools import wraps

import mutagen_rs
from .. import _native
from .._util import (
    insert_bytes, delete_bytes, enum, loadfile, convert_error, read_full,
)
from .._tags import PaddingInfo
from ._util import (
    error, ID3NoHeaderError, ID3UnsupportedVersionError, BitPaddedInt,
    ID3SaveConfig, ID3JunkFrameError as _ID3JunkFrameError,
    is_valid_frame_id as _is_valid_frame_id,
)
from ._frames import (
    Frames as _Frames, Frames_2_2 as _Frames_2_2, TextFrame as _TextFrame,
)
from ._tags import ID3Tags, ID3Header, _storage as _tags_storage, \
    _update_genres_of
from ._id3v1 import MakeID3v1, find_id3v1, _year_version


# Held while the frames of a lazy load are built (ID3._materialize).
_MATERIALIZING = threading.RLock()

# The frame classes mutagen_rs._native may build itself from a tag's bytes
# (all standard ID3v2.3/2.4 frames except those holding sub-frames).
_NATIVE_FRAMES = {
    frame_id: cls for frame_id, cls in _Frames.items()
    if frame_id not in ("CHAP", "CTOC")
}
# the ID3v2.2 classes, built natively as the v2.3/2.4 class they derive from
_NATIVE_FRAMES.update(
    (frame_id, cls) for frame_id, cls in _Frames_2_2.items()
    if _NATIVE_FRAMES.get(cls.__base__.__name__) is cls.__base__)
# the tables a tag of each version is read with: (v2.3/2.4, v2.2)
_TABLES = (_Frames, _Frames_2_2)


@enum
class ID3v1SaveOptions(object):
    """What ``ID3.save`` does with an ID3v1 tag."""

    REMOVE = 0
    """remove any ID3v1 tag"""

    UPDATE = 1
    """update an existing ID3v1 tag, do not add one"""

    CREATE = 2
    """write an ID3v1 tag, replacing any existing one"""


def _v1_mode(v1):
    """The ID3v1 handling ``v1`` asks for, as 0/1/2: UPDATE and CREATE are
    recognised by equality, any other value removes the tag."""

    if v1 == ID3v1SaveOptions.UPDATE:
        return 1
    if v1 == ID3v1SaveOptions.CREATE:
        return 2
    return 0


def _merge_v1(tags, frames):
    """Add the frames of an ID3v1 tag that the tag has nothing of yet."""

    for frame in frames.values():
        if len(tags.getall(frame.HashKey)) == 0:
            tags.add(frame)


def _merge_v1_fields(tags, fields, known_frames, v2_version):
    """``_merge_v1(tags, ParseID3v1-like frames of fields)``, without
    building the frames the tag already has (and building the
    others natively where the class is the standard one). Building an
    ID3v1 frame cannot fail: its values are Latin-1 texts."""

    table = _Frames if known_frames is None else known_frames
    year_id = "TYER" if _year_version(v2_version, table) == 3 else "TDRC"
    store = _tags_storage(tags)
    # the frame IDs of keys with a ":" part (getall(ID) finds those)
    qualified = None if store is None else {
        k.partition(":")[0] for k in store if ":" in k}
    for frame_id, kwargs in fields:
        if frame_id in ("TDRC", "TYER"):
            frame_id = year_id
        cls = table.get(frame_id)
        if cls is None:
            continue
        if cls is _NATIVE_FRAMES.get(frame_id):
            if frame_id == "COMM":
                key = "COMM:%s:%s" % (kwargs["desc"], kwargs["lang"])
                if tags.getall(key):
                    continue
            elif store is not None:
                if frame_id in store or frame_id in qualified:
                    continue
            elif tags.getall(frame_id):
                continue
        frame = None
        if cls is _NATIVE_FRAMES.get(frame_id):
            frame = _native.id3_v1_frame(table, _NATIVE_FRAMES, frame_id,
                                         kwargs["text"][0])
        if frame is None:
            frame = cls(**kwargs)
        if len(tags.getall(frame.HashKey)) == 0:
            tags.add(frame)


def _frame_class(frame_id, table, version):
    """``(class, name)`` for a frame ID found in a tag of ``version``: the
    class ``table`` has for it (None if none) and the ID it goes by, which
    is None for IDs that are dropped outright."""

    if not frame_id.isascii():
        return None, None
    if version >= ID3Header._V23 and frame_id[-1:] == "\x00":
        # an ID3v2.2 frame ID padded to four characters
        old = _Frames_2_2.get(frame_id[:-1])
        if old is None:
            return None, None
        frame_id = old.__base__.__name__
    return table.get(frame_id), frame_id


def _current_v1(fileobj):
    """The ID3v1 tag the file ends with, or None (the position is kept)."""

    pos = fileobj.tell()
    try:
        fileobj.seek(0, 2)
        size = fileobj.tell()
        fileobj.seek(max(0, size - 131), 0)
        start = fileobj.tell()
        tail = fileobj.read(131)
    finally:
        fileobj.seek(pos, 0)
    data, _offset = _native.id3_find_v1_in_tail(tail, start + len(tail))
    return data


def _at_start(fileobj):
    try:
        return fileobj.tell() == 0
    except Exception:
        return False


class ID3(ID3Tags, mutagen_rs.Metadata):
    """ID3(filething=None)

    An ID3v2 tag of a file (with what an ID3v1 tag at its end adds).

    With arguments, :meth:`load` is called with them; without, the tag is
    empty (version 2.4).

    Attributes:
        version (tuple[int]): the version of the loaded tag, e.g. (2, 4, 0)
        unknown_frames (list[bytes]): frames that could not be read, as
            they were stored (header and body)
        size (int): the size of the loaded tag with its header, 0 if none
    """

    __module__ = "mutagen_rs.id3"

    PEDANTIC = True
    filename = None

    def __init__(self, *args, **kwargs):
        if len(args) == 1 and not kwargs and type(self) is ID3:
            path = args[0]
            if type(path) is str or type(path) is bytes:
                # a plain path: the tag filled in natively when its frames
                # can wait, else loaded with the answer read there
                try:
                    result = _native.id3_open_into(
                        self, path, _TABLES, _NATIVE_FRAMES, ID3Header)
                    if result is None:
                        return
                    self._header = None
                    self._version = (2, 4, 0)
                    super(ID3, self).__init__()
                    self.filename = path
                    self._load(path, result=result)
                except IOError as e:
                    raise error(e).with_traceback(e.__traceback__)
                return
        self._header = None
        self._version = (2, 4, 0)
        super(ID3, self).__init__(*args, **kwargs)

    @property
    def version(self):
        """The ID3 version: that of the loaded header, else the one set."""

        if self._header is not None:
            return self._header.version
        return self._version

    @version.setter
    def version(self, value):
        self._version = value

    @property
    def f_unsynch(self):
        if self._header is not None:
            return self._header.f_unsynch
        return False

    @property
    def f_extended(self):
        if self._header is not None:
            return self._header.f_extended
        return False

    @property
    def size(self):
        if self._header is not None:
            return self._header.size
        return 0

    def _pre_load_header(self, fileobj):
        """Read the tag header at the position of ``fileobj`` (formats that
        embed the tag elsewhere seek first)."""

        self._header = ID3Header(fileobj)

    def _load_file(self, filething, known_frames=None, translate=True,
                   v2_version=4, load_v1=True):
        """Load tags from a file.

        Args:
            filething (filething): the file to read
            known_frames (dict): frame ID -> frame class, used instead of
                the standard tables
            translate (bool): convert the frames to ``v2_version`` after
                loading (needed before saving them as that version)
            v2_version (int): 3 or 4
            load_v1 (bool): also read an ID3v1 tag at the end of the file;
                its values fill in frames the ID3v2 tag lacks

        Raises:
            mutagen_rs.MutagenError: the file cannot be read or has no
                usable tag
        """

        fileobj = filething.fileobj
        if self._native_reads() and _at_start(fileobj):
            self._load(fileobj, known_frames, translate, v2_version, load_v1)
            return

        if v2_version not in (3, 4):
            raise ValueError("Only 3 and 4 possible for v2_version")
        self._reset()
        self._read_python(fileobj, known_frames, v2_version, load_v1)
        self._translate(translate, v2_version)

    _load_file = convert_error(IOError, error)(loadfile()(_load_file))

    @wraps(_load_file)
    def load(self, *args, **kwargs):
        # A path goes straight to the Rust reader (no Python file object).
        if args and "filename" not in kwargs and "fileobj" not in kwargs:
            path = args[0]
            if type(path) is str or type(path) is bytes:
                v2_version = kwargs.get("v2_version", 4)
                if len(args) > 3:
                    v2_version = args[3]
                if v2_version in (3, 4) and self._native_reads():
                    self.filename = path
                    try:
                        self._load(path, *args[1:], **kwargs)
                    except IOError as e:
                        raise error(e).with_traceback(e.__traceback__)
                    return
        return self._load_file(*args, **kwargs)

    def _native_reads(self):
        cls = type(self)
        return (hasattr(_native, "id3_read") and
                cls._pre_load_header is ID3._pre_load_header and
                cls._read is ID3Tags._read)

    def _reset(self):
        if "_pending" in self.__dict__:
            # frames of an earlier lazy load stay (load adds to them)
            self._materialize()
        self.unknown_frames = []
        self._header = None
        self._padding = 0

    def _translate(self, translate, v2_version):
        if translate:
            if v2_version == 3:
                self.update_to_v23()
            else:
                self.update_to_v24()

    def _load(self, source, known_frames=None, translate=True, v2_version=4,
              load_v1=True, mpeg_modes=None, result=None):
        """Load through the Rust reader; ``source`` is a path or a file
        object at its start. With ``mpeg_modes`` (for MP3), returns what
        the reader found of the MPEG stream after the tag: MPEGInfo's
        attributes or the exception reading them raised. ``result``: the
        ``id3_read`` answer ``_native.mp3_open`` or ``id3_open_into`` gave
        back, when the caller read it already (a plain ID3 with the default
        arguments only)."""

        if v2_version not in (3, 4):
            raise ValueError("Only 3 and 4 possible for v2_version")
        self._reset()

        ids = None if known_frames is None else frozenset(known_frames)
        table = _Frames if known_frames is None else known_frames
        # frames may be built on first use (see __getattr__) by the plain
        # class with the standard frame table
        lazy = known_frames is None and type(self) is ID3
        # the table of an ID3v2.2 tag's frames (ID3Header.known_frames)
        table22 = _Frames_2_2 if known_frames is None else known_frames
        if result is None:
            result = _native.id3_read(source, load_v1, ids, v2_version,
                                      table, _NATIVE_FRAMES, mpeg_modes, lazy,
                                      table22)
        if result.get("untagged"):
            # no tag (a result with mpeg_modes): read again without them,
            # which raises the error
            _native.id3_read(source, load_v1, ids, v2_version, table,
                             _NATIVE_FRAMES, None, lazy, table22)
            raise AssertionError("an ID3 tag appeared while loading")

        version = result.get("version")
        if version is None:
            # only an ID3v1 tag
            self.version = ID3Header._V11
            v1_frames = result.get("v1_frames")
            store = self._DictProxy__dict
            if v1_frames is not None and not store:
                store.update(v1_frames)
            else:
                _merge_v1_fields(self, result["v1"], known_frames, v2_version)
            self._translate(translate, v2_version)
            return result.get("mpeg")

        header = ID3Header()
        header.version = tuple(version)
        header._flags = result["flags"]
        header.size = result["size"]
        if result.get("ext_data") is not None:
            header._extdata = result["ext_data"]
        if known_frames is not None:
            # sub-frames (CHAP, CTOC) are read with the header's table
            header._known_frames = known_frames
        self._header = header

        self._unknown_v2_version = header.version[1]
        self._padding = result["padding"]
        v1 = result.get("v1")
        if result.get("lazy"):
            # every frame can be built natively: when first used
            d = self.__dict__
            d["_pending"] = (result["frames"], d.pop("_DictProxy__dict", None),
                             v1, translate, v2_version)
            del d["unknown_frames"]
            return result.get("mpeg")

        store = self._DictProxy__dict
        frames = result["frames"]
        if result["simple"] and not store:
            # every frame built natively, under distinct keys
            store.update(frames)
            frames = ()
        elif result["simple"]:
            frames = frames.items()
        self.unknown_frames = self._add_entries(frames, header)
        self._finish_load(v1, known_frames, translate, v2_version)
        return result.get("mpeg")

    def _add_entries(self, frames, header):
        """Add the frame entries of an ``id3_read`` answer (or of a lazy
        build that could not give a dict) in file order: ``(key, frame)``
        for a frame built natively, ``(id, flags, body, frame_header)``
        for one read here. Returns the raw bytes of the unknown frames."""

        table = header.known_frames
        unknown = []
        add = self._add
        store = self._DictProxy__dict
        for entry in frames:
            if len(entry) == 2:
                key, frame = entry
                if key in store:
                    add(frame, False)
                else:
                    store[key] = frame
                continue
            frame_id, flags, body, frame_header = entry
            cls, name = _frame_class(frame_id, table, header.version)
            if cls is None:
                if name is not None and _is_valid_frame_id(name):
                    unknown.append(frame_header + body)
                continue
            try:
                frame = cls._fromData(header, flags, body)
            except NotImplementedError:
                unknown.append(frame_header + body)
                continue
            except _ID3JunkFrameError:
                continue
            add(frame, False)
        return unknown

    def _finish_load(self, v1, known_frames, translate, v2_version):
        """What follows reading the ID3v2 frames: the ID3v1 tag's frames
        the tag lacks, then the conversion to ``v2_version``."""

        if v1:
            # the ID3v1 year becomes a frame of the loaded tag's version
            v1_version = 4 if self._header.version[1] == 4 else 3
            _merge_v1_fields(self, v1, known_frames, v1_version)
        self._translate(translate, v2_version)

    def _materialize(self):
        """Build the frames a lazy load left in ``_pending``: on a scratch
        tag, published when complete, so that threads reading this tag at
        the same time never see part of it."""

        with _MATERIALIZING:
            d = self.__dict__
            if "_pending" not in d:
                return  # built meanwhile, by another thread
            pending, base, v1, translate, v2_version = d["_pending"]
            # the ID3v1 frames are merged natively, unless the tag had
            # frames before this load; so is the conversion to v2.4 when
            # the frames allow it
            upgrade = translate and v2_version == 4 and not base
            frames, v1, upgraded = pending.build(not base, upgrade)
            if upgraded:
                # all of the v2.4 conversion done but TCON's genre names;
                # the new dict is the store
                tcon = frames.get("TCON")
                if tcon is not None:
                    _update_genres_of(tcon)
                store, unknown = frames, []
            else:
                work = ID3()
                work._header = self._header
                store = work._DictProxy__dict
                if base:
                    store.update(base)
                if isinstance(frames, list):
                    # a frame left for later did not decode, or keys
                    # repeat: the entries an eager load would have had
                    work.unknown_frames = work._add_entries(
                        frames, self._header)
                elif not store:
                    store.update(frames)
                    work.unknown_frames = []
                else:
                    work.unknown_frames = work._add_entries(
                        frames.items(), self._header)
                work._finish_load(v1, None, translate, v2_version)
                unknown = work.unknown_frames
            # a value set before the build stays (it was set "after" the
            # load, as with mutagen's eager one)
            d.setdefault("unknown_frames", unknown)
            d.setdefault("_DictProxy__dict", store)
            del d["_pending"]

    # the frames (and unknown_frames) of a lazy load are built on first
    # use: these attributes stand for the instance's own until then
    # (non-data descriptors: an instance's own value is found first)
    _DictProxy__dict = _native.PendingAttr("_DictProxy__dict")
    unknown_frames = _native.PendingAttr("unknown_frames")

    def __delattr__(self, name):
        # a deletion before the build: build first, or the build would
        # bring the attribute back
        if "_pending" in self.__dict__:
            self._materialize()
        super(ID3, self).__delattr__(name)

    def __getstate__(self):
        if "_pending" in self.__dict__:
            self._materialize()
        return self.__dict__

    def _read_python(self, fileobj, known_frames, v2_version, load_v1):
        """Load with the overridable methods, reading ``fileobj`` from its
        current position."""

        try:
            self._pre_load_header(fileobj)
        except (ID3NoHeaderError, ID3UnsupportedVersionError):
            if not load_v1:
                raise
            frames, _offset = find_id3v1(fileobj, v2_version, known_frames)
            if frames is None:
                raise
            self.version = ID3Header._V11
            _merge_v1(self, frames)
            return

        header = self._header
        if known_frames is not None:
            header._known_frames = known_frames
        ext_len = 0
        if header.f_extended:
            ext_len = 4 + len(header._extdata)
        data = read_full(fileobj, self.size - 10 - ext_len)
        rest = self._read(header, data)
        self._padding = len(rest)

        if load_v1:
            # the ID3v1 year becomes a frame of the loaded tag's version
            v1_version = 4 if self.version[1] == 4 else 3
            frames, _offset = find_id3v1(fileobj, v1_version, known_frames)
            if frames:
                _merge_v1(self, frames)

    def _prepare_data(self, fileobj, start, available, v2_version, v23_sep,
                      pad_func):
        """The whole tag (header, frames and padding) to be written at
        ``start`` of ``fileobj`` over ``available`` bytes."""

        if v2_version not in (3, 4):
            raise ValueError("Only 3 or 4 allowed for v2_version")

        config = ID3SaveConfig(v2_version, v23_sep)
        framedata = self._write(config)

        needed = len(framedata) + 10
        fileobj.seek(0, 2)
        trailing_size = fileobj.tell() - start

        info = PaddingInfo(available - needed, trailing_size)
        new_padding = info._get_padding(pad_func)
        if new_padding < 0:
            raise error("invalid padding")
        new_size = needed + new_padding

        size_field = BitPaddedInt.to_str(new_size - 10, width=4)
        data = bytearray(
            struct.pack(">3sBBB4s", b"ID3", v2_version, 0, 0, size_field))
        data += framedata
        data += b"\x00" * (new_size - len(data))
        return bytes(data)

    @convert_error(IOError, error)
    @loadfile(writable=True, create=True)
    def save(self, filething=None, v1=1, v2_version=4, v23_sep="/",
             padding=None):
        """save(filething=None, v1=1, v2_version=4, v23_sep='/', padding=None)

        Write the tag to a file.

        Args:
            filething (filething): the file to write; by default the one
                last loaded
            v1 (ID3v1SaveOptions): 0 removes an ID3v1 tag, 1 updates one
                that exists, 2 writes one in any case
            v2_version (int): 3 or 4. The frames are written as they are
                (text values are joined for 3): call ``update_to_v23``
                first to get v2.3 frames.
            v23_sep (text): joins multiple text values in v2.3; None keeps
                the NUL separator of v2.4
            padding (:obj:`mutagen_rs.PaddingFunction`): chooses the padding

        Raises:
            mutagen_rs.MutagenError
        """

        fileobj = filething.fileobj
        cls = type(self)
        if hasattr(_native, "id3_save") and _at_start(fileobj) and \
                cls._write is ID3Tags._write and \
                cls._prepare_data is ID3._prepare_data:
            self._save_native(fileobj, v1, v2_version, v23_sep, padding)
            return

        try:
            old_size = ID3Header(fileobj).size
        except ID3NoHeaderError:
            old_size = 0

        data = self._prepare_data(
            fileobj, 0, old_size, v2_version, v23_sep, padding)
        new_size = len(data)
        if old_size < new_size:
            insert_bytes(fileobj, new_size - old_size, old_size)
        elif old_size > new_size:
            delete_bytes(fileobj, old_size - new_size, new_size)
        fileobj.seek(0)
        fileobj.write(data)

        self.__save_v1(fileobj, v1)

    def _save_native(self, fileobj, v1, v2_version, v23_sep, padding):
        if v2_version not in (3, 4):
            # a broken existing header is reported first
            try:
                ID3Header(fileobj)
            except ID3NoHeaderError:
                pass
            raise ValueError("Only 3 or 4 allowed for v2_version")

        config = ID3SaveConfig(v2_version, v23_sep)
        frames = []
        for frame in self.values():
            if isinstance(frame, _TextFrame) and not str(frame):
                # text frames without text are not written (save_frame)
                continue
            frames.append((type(frame).__name__, frame.HashKey,
                           frame._writeData(config)))
        unknown = []
        if self._unknown_v2_version == v2_version:
            unknown = list(self.unknown_frames)

        mode = _v1_mode(v1)
        v1_data = None
        failure = None
        if mode:
            try:
                v1_data = MakeID3v1(self)
            except Exception as e:
                # mutagen builds the ID3v1 tag after writing the ID3v2 tag,
                # and only when it writes one: write the ID3v2 tag, leave
                # the ID3v1 tag as it is, then fail if it had to be written
                old_v1 = _current_v1(fileobj)
                if mode == 2 or old_v1 is not None:
                    failure = e
                if old_v1 is None:
                    mode = 0
                else:
                    mode, v1_data = 1, old_v1

        _native.id3_save(fileobj, frames, unknown, v2_version, padding,
                         mode, v1_data)
        if failure is not None:
            raise failure

    def __save_v1(self, fileobj, v1):
        tag, offset = find_id3v1(fileobj)
        has_v1 = tag is not None

        fileobj.seek(offset, 2)
        mode = _v1_mode(v1)
        if mode == 2 or (mode == 1 and has_v1):
            fileobj.write(MakeID3v1(self))
        else:
            fileobj.truncate()

    def delete(self, filething=None, delete_v1=True, delete_v2=True):
        """delete(filething=None, delete_v1=True, delete_v2=True)

        Remove the tags from a file, and empty this tag.

        Args:
            filething (filething): the file; by default the one last loaded
            delete_v1 (bool): remove an ID3v1 tag
            delete_v2 (bool): remove an ID3v2 tag
        """

        if filething is None:
            filething = self.filename
        delete(filething, delete_v1, delete_v2)
        self.clear()


@convert_error(IOError, error)
@loadfile(method=False, writable=True)
def delete(filething, delete_v1=True, delete_v2=True):
    """Remove the ID3 tags of a file.

    Args:
        filething (filething): the file
        delete_v1 (bool): remove an ID3v1 tag at the end
        delete_v2 (bool): remove an ID3v2 tag at the start
    """

    _native.id3_delete(filething.fileobj, delete_v1, delete_v2)


class ID3FileType(mutagen_rs.FileType):
    """ID3FileType(filething, ID3=None, **kwargs)

    A file of unknown format that starts with an ID3 tag.

    Args:
        filething (filething): a path or file object
        ID3 (ID3): the ID3 subclass to read the tags with (kept for
            :meth:`add_tags`); further keywords go to its ``load``

    Raises:
        mutagen_rs.MutagenError: the file could not be loaded
    """

    __module__ = "mutagen_rs.id3"

    ID3 = ID3

    class _Info(mutagen_rs.StreamInfo):
        length = 0

        def __init__(self, fileobj, offset):
            pass

        @staticmethod
        def pprint():
            return u"Unknown format with ID3 tag"

    @staticmethod
    def score(filename, fileobj, header_data):
        return header_data.startswith(b"ID3")

    def add_tags(self, ID3=None):
        """Add an empty tag, of class ``ID3`` (by default the one the file
        was loaded with).

        Raises:
            mutagen_rs.MutagenError: the file has a tag already
        """

        if ID3 is None:
            ID3 = self.ID3
        if self.tags is None:
            self.ID3 = ID3
            self.tags = ID3()
        else:
            raise error("an ID3 tag already exists")

    @loadfile()
    def load(self, filething, ID3=None, **kwargs):
        fileobj = filething.fileobj

        # an explicit tag class is remembered for add_tags()
        if ID3 is None:
            ID3 = self.ID3
        else:
            self.ID3 = ID3

        try:
            self.tags = ID3(fileobj, **kwargs)
        except ID3NoHeaderError:
            self.tags = None

        if self.tags is not None:
            try:
                offset = self.tags.size
            except AttributeError:
                offset = None
        else:
            offset = None

        self.info = self._Info(fileobj, offset)
