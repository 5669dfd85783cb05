"""The ID3v2 tag as a collection of frames, its header, and frame splitting.

``ID3Tags`` maps frame keys (normally each frame's ``HashKey``) to frames
and knows how to convert between the ID3v2.3 and ID3v2.4 frame sets.
``ID3Header`` reads the 10-byte tag header (and an extended header) from a
file object. ``read_frames`` and ``save_frame`` turn frames into bytes and
back one frame at a time; they are what the tests and sub-frame containers
(CHAP, CTOC) use, while whole files are read and written by the Rust crate
``mtg-id3`` (see ``mutagen_rs.id3._file``).
"""

import re
import struct
from itertools import zip_longest

from .._tags import Tags
from .._util import DictProxy, convert_error, read_full  # noqa: F401
from ._util import (
    BitPaddedInt, unsynch, ID3JunkFrameError, ID3EncryptionUnsupportedError,
    is_valid_frame_id, error, ID3NoHeaderError, ID3UnsupportedVersionError,
    ID3SaveConfig,
)
from ._frames import (
    _plain_genres, TDRC, APIC, TDOR, TIME, TIPL, TORY, TDAT, Frames_2_2, TextFrame, TYER,
    Frame, IPLS, Frames,
)

# Largest chunk read at once while reading a declared size, so that a
# size field claiming gigabytes costs no more memory than the file holds.
_READ_CHUNK = 1 << 20


def _read_declared(fileobj, size):
    """``read_full`` for a size taken from the file: read in chunks so that
    no buffer larger than the bytes really present gets allocated."""

    if size < 0 or size <= _READ_CHUNK:
        return read_full(fileobj, size)
    parts = []
    left = size
    while left:
        part = fileobj.read(min(left, _READ_CHUNK))
        if not part:
            raise IOError
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


class ID3Header(object):
    """The header of an ID3v2 tag.

    Built without arguments it is an empty header whose attributes the
    caller fills in (``version``, ``_flags``...). Given a file object it
    reads the header at the current position, and the extended header when
    the flags announce one; a missing or foreign header raises
    ID3NoHeaderError, an ID3v2.0/2.1/2.5+ tag ID3UnsupportedVersionError and
    anything else malformed ``mutagen_rs.id3.error``.
    """

    _V24 = (2, 4, 0)
    _V23 = (2, 3, 0)
    _V22 = (2, 2, 0)
    _V11 = (1, 1)

    f_unsynch = property(lambda s: bool(s._flags & 0x80))
    f_extended = property(lambda s: bool(s._flags & 0x40))
    f_experimental = property(lambda s: bool(s._flags & 0x20))
    f_footer = property(lambda s: bool(s._flags & 0x10))

    # frame classes to use instead of the version's default table
    _known_frames = None

    @property
    def known_frames(self):
        """The frame classes by ID used to read this tag's frames."""

        if self._known_frames is not None:
            return self._known_frames
        if self.version >= self._V23:
            return Frames
        if self.version >= self._V22:
            return Frames_2_2
        return None

    @convert_error(IOError, error)
    def __init__(self, fileobj=None):
        if fileobj is None:
            self._flags = 0
            return

        name = getattr(fileobj, "name", "<unknown>")
        raw = fileobj.read(10)
        if len(raw) != 10:
            raise ID3NoHeaderError("%s: too small" % name)

        magic, major, revision, flags, size_bytes = struct.unpack(
            ">3sBBB4s", raw)
        self._flags = flags
        self.size = BitPaddedInt(size_bytes) + 10
        self.version = (2, major, revision)

        if magic != b"ID3":
            raise ID3NoHeaderError(
                "%r doesn't start with an ID3 tag" % name)
        if major not in (2, 3, 4):
            raise ID3UnsupportedVersionError(
                "%r ID3v2.%d not supported" % (name, major))
        if not BitPaddedInt.has_valid_padding(size_bytes):
            raise error("Header size not synchsafe")

        # flag bits a version does not define make the tag unreadable
        if major == 4:
            undefined = flags & 0x0F
        elif major == 3:
            undefined = flags & 0x1F
        else:
            undefined = 0
        if undefined:
            raise error("%r has invalid flags %#02x" % (name, flags))

        if self.f_extended:
            size_field = read_full(fileobj, 4)
            if size_field.decode("latin-1") in Frames:
                # Some taggers set the flag without writing an extended
                # header: these bytes start the first frame.
                fileobj.seek(-4, 1)
                self._extdata = b""
                self._flags &= ~0x40
                return

            if major == 4:
                if not BitPaddedInt.has_valid_padding(size_field):
                    raise error("Extended header size not synchsafe")
                # the v2.4 size counts the size field itself
                ext_size = BitPaddedInt(size_field) - 4
                if ext_size < 0:
                    raise error("invalid extended header size")
            else:
                ext_size = struct.unpack(">L", size_field)[0]
            self._extdata = _read_declared(fileobj, ext_size)


def determine_bpi(data, frames, EMPTY=b"\x00" * 10):
    """Whether the frame sizes of an ID3v2.4 frame area are syncsafe.

    Some writers store plain 32-bit sizes in v2.4 tags. The area is walked
    once with each reading of the size field; the reading that finds more
    frames named in ``frames`` wins, and on a tie plain sizes win only when
    they end the walk (nearly) at the end of the data while syncsafe sizes
    run past it. Returns BitPaddedInt or int, to be called on size fields.
    """

    def walk(convert):
        pos = 0
        found = 0
        end = len(data)
        while pos < end - 10:
            head = data[pos:pos + 10]
            if head == EMPTY:
                # padding: how far into it the walk is, in frame headers
                return found, -((end - pos) % 10)
            name, size, _flags = struct.unpack(">4sLH", head)
            pos += 10 + convert(size)
            try:
                text = name.decode("ascii")
            except UnicodeDecodeError:
                continue
            if text in frames:
                found += 1
        return found, pos - end

    syncsafe_found, syncsafe_over = walk(BitPaddedInt)
    plain_found, plain_over = walk(int)
    if plain_found > syncsafe_found:
        return int
    if plain_found == syncsafe_found and syncsafe_over >= 1 and \
            plain_over <= 1:
        return int
    return BitPaddedInt


def _frame_class(name, frames):
    """The class for frame ID ``name`` (str) in ``frames``, or None.

    An ID3v2.2 three-letter ID padded with a NUL (a v2.2 frame copied into a
    v2.3/2.4 tag) stands for the frame it becomes in v2.3/2.4.
    """

    if name[-1:] == "\x00":
        old = Frames_2_2.get(name[:-1])
        if old is None:
            return None, name
        name = old.__base__.__name__
    return frames.get(name), name


def _load_frame(header, cls, flags, body, raw, found, unknown):
    """Append the frame ``cls`` reads from ``body`` to ``found``; keep the
    raw frame in ``unknown`` when it cannot be decoded (encryption), drop
    it when its data is broken."""

    try:
        frame = cls._fromData(header, flags, body)
    except NotImplementedError:
        unknown.append(raw)
    except ID3JunkFrameError:
        pass
    else:
        found.append(frame)


def read_frames(id3, data, frames):
    """Split the frame area ``data`` of a tag with header ``id3`` into frames.

    ``frames`` maps frame IDs to classes. Returns ``(frames, unknown,
    rest)``: the frames read, the raw bytes (header and body) of frames with
    IDs ``frames`` lacks or that could not be decoded, and what followed the
    last frame (the padding).
    """

    assert id3.version >= ID3Header._V22

    found = []
    unknown = []

    if id3.version < ID3Header._V24 and id3.f_unsynch:
        # before v2.4 the whole tag is unsynchronised at once
        try:
            data = unsynch.decode(data)
        except ValueError:
            pass

    if id3.version >= ID3Header._V23:
        if id3.version >= ID3Header._V24:
            size_of = determine_bpi(data, frames)
        else:
            size_of = int
        while data:
            head = data[:10]
            if len(head) < 10:
                break
            raw_name, size, flags = struct.unpack(">4sLH", head)
            if not raw_name.strip(b"\x00"):
                break
            size = size_of(size)
            body = data[10:10 + size]
            data = data[10 + size:]
            if size == 0:
                continue
            try:
                name = raw_name.decode("ascii")
            except UnicodeDecodeError:
                continue
            cls, name = _frame_class(name, frames)
            if cls is None:
                if is_valid_frame_id(name):
                    unknown.append(head + body)
                continue
            _load_frame(id3, cls, flags, body, head + body, found, unknown)

    elif id3.version >= ID3Header._V22:
        while data:
            head = data[:6]
            if len(head) < 6:
                break
            raw_name = head[:3]
            if not raw_name.strip(b"\x00"):
                break
            size = struct.unpack(">L", b"\x00" + head[3:6])[0]
            body = data[6:6 + size]
            data = data[6 + size:]
            if size == 0:
                continue
            try:
                name = raw_name.decode("ascii")
            except UnicodeDecodeError:
                continue
            cls = frames.get(name)
            if cls is None:
                if is_valid_frame_id(name):
                    unknown.append(head + body)
                continue
            _load_frame(id3, cls, 0, body, head + body, found, unknown)

    return found, unknown, data


def save_frame(frame, name=None, config=None):
    """The bytes of ``frame`` as stored in a tag: header and body.

    ``name`` (bytes) replaces the frame ID written (the class name by
    default); ``config`` (an ID3SaveConfig, v2.4 by default) picks the size
    encoding. A text frame without any text gives b"" (it is not written);
    any other frame is written even when its body is empty.
    """

    if config is None:
        config = ID3SaveConfig()

    if name is None:
        name = type(frame).__name__.encode("ascii")
    assert isinstance(name, bytes)

    if isinstance(frame, TextFrame) and not str(frame):
        return b""

    body = frame._writeData(config)

    if config.v2_version == 4:
        size = BitPaddedInt.to_str(len(body), width=4)
    elif config.v2_version == 3:
        size = BitPaddedInt.to_str(len(body), width=4, bits=8)
    else:
        raise ValueError

    return struct.pack(">4s4sH", name, size, 0) + body


# Frames a tag lists first when saved, in this order; the rest follow by
# size and pictures come last.
_SAVE_FIRST = ("TIT2", "TPE1", "TRCK", "TALB", "TPOS", "TDRC", "TCON")

# Frames that exist only in the version converted from.
_NOT_IN_V24 = ("RVAD", "EQUA", "TRDA", "TSIZ", "TDAT", "TIME")
_NOT_IN_V23 = ("ASPI", "EQU2", "RVA2", "SEEK", "SIGN", "TDEN", "TDOR",
               "TDRC", "TDRL", "TDTG", "TIPL", "TMCL", "TMOO", "TPRO",
               "TSOA", "TSOP", "TSOT", "TSST")

# Keys whose presence makes update_to_v24 change a tag (besides TCON,
# pictures and sub-frames, handled separately).
_V24_INPUTS = frozenset(("TYER", "TDAT", "TIME", "TORY", "IPLS") +
                        _NOT_IN_V24)


def _storage(tags):
    """The dict in which ``tags`` keeps its frames, when its class reads and
    removes them the way DictProxy does (so using the dict directly is what
    the mapping methods would do); else None."""

    cls = type(tags)
    if cls.__getitem__ is _PROXY_GETITEM and cls.keys is _PROXY_KEYS and \
            cls.__delitem__ is _PROXY_DELITEM:
        return tags._DictProxy__dict
    return None


_PROXY_GETITEM = DictProxy.__getitem__
_PROXY_KEYS = DictProxy.keys
_PROXY_DELITEM = DictProxy.__delitem__

# ID3v2.2 picture formats and their mime types.
_PIC_MIMES = {"PNG": "image/png", "JPG": "image/jpeg"}

# (ASCII digits only, as mutagen matches them)
_YEAR = re.compile(r"([0-9]{4})(-[0-9]{2}-[0-9]{2})?\Z")
_TWO_PAIRS = re.compile(r"([0-9]{2})([0-9]{2})\Z")


def _v23_to_timestamps(years, dates, times):
    """TDRC timestamps from the ID3v2.3 TYER (yyyy), TDAT (DDMM) and TIME
    (HHMM) values, taken in parallel."""

    stamps = []
    for year, date, time in zip_longest(years, dates, times, fillvalue=""):
        ymatch = _YEAR.match(year)
        if ymatch is None:
            continue
        stamp = year
        has_day = ymatch.group(2) is not None
        dmatch = _TWO_PAIRS.match(date)
        if dmatch is not None:
            day, month = dmatch.groups()
            stamp = "%s-%s-%s" % (ymatch.group(1), month, day)
            has_day = True
        tmatch = _TWO_PAIRS.match(time)
        if has_day and tmatch is not None:
            stamp += " %s:%s:00" % tmatch.groups()
        stamps.append(stamp)
    return stamps


def _update_genres_of(tcon):
    """Rewrite the "(NN)" references and numbers of the TCON frame `tcon`
    as genre names, unless its texts are plain names already."""

    if not (type(tcon.text) is list and _plain_genres(tcon.text)):
        tcon.genres = tcon.genres


class ID3Tags(DictProxy, Tags):
    """A dict of ID3v2 frames, by key (the frame's ``HashKey``).

    Keys name a frame ID (e.g. 'TIT2') or, for frames that may appear more
    than once, the frame ID plus distinguishing fields ('TXXX:desc').
    ``getall``/``setall``/``delall`` work on all frames of one ID.
    ``unknown_frames`` keeps the raw bytes of frames that could not be
    read; they are written back when saving the version they came from.
    """

    __module__ = "mutagen_rs.id3"

    def __init__(self, *args, **kwargs):
        self.unknown_frames = []
        self._unknown_v2_version = 4
        super(ID3Tags, self).__init__(*args, **kwargs)

    def _read(self, header, data):
        """Add the frames found in the frame area ``data`` of a tag with
        header ``header``; returns the bytes after the last frame."""

        frames, unknown, rest = read_frames(
            header, data, header.known_frames)
        for frame in frames:
            self._add(frame, False)
        self.unknown_frames = unknown
        self._unknown_v2_version = header.version[1]
        return rest

    def _write(self, config):
        """The frame area of the tag for ``config``: every frame in save
        order, then the unknown frames when saving their version."""

        regular = []
        pictures = []
        for frame in self.values():
            data = save_frame(frame, config=config)
            if frame.FrameID == "APIC":
                pictures.append(data)
                continue
            try:
                rank = _SAVE_FIRST.index(frame.FrameID)
            except ValueError:
                rank = len(_SAVE_FIRST)
            regular.append(((rank, len(data), frame.HashKey), data))

        regular.sort(key=lambda item: item[0])
        out = bytearray()
        for _key, data in regular:
            out += data
        for data in pictures:
            out += data
        if self.unknown_frames and \
                self._unknown_v2_version == config.v2_version:
            for data in self.unknown_frames:
                out += data
        return out

    def getall(self, key):
        """All frames of a kind: the frame at ``key`` if there is one, else
        every frame whose key starts with ``key + ':'`` (possibly none)."""

        store = _storage(self)
        if store is not None:
            if key in store:
                return [store[key]]
            prefix = key + ":"
            return [v for k, v in store.items() if k.startswith(prefix)]
        if key in self:
            return [self[key]]
        prefix = key + ":"
        return [v for k, v in self.items() if k.startswith(prefix)]

    def setall(self, key, values):
        """Remove the frames ``getall(key)`` finds and store ``values``
        under their HashKeys."""

        self.delall(key)
        for frame in values:
            self[frame.HashKey] = frame

    def delall(self, key):
        """Remove the frames ``getall(key)`` would return."""

        if key in self:
            del self[key]
            return
        prefix = key + ":"
        for k in list(self.keys()):
            if k.startswith(prefix):
                del self[k]

    def pprint(self):
        """One line per frame (``FRAMEID=value``), sorted."""

        return "\n".join(sorted(frame.pprint() for frame in self.values()))

    def _add(self, frame, strict):
        """Add ``frame`` (upgraded from ID3v2.2 if needed).

        With ``strict`` the frame replaces one with the same HashKey, and a
        v2.2 frame without a v2.3/2.4 form raises TypeError. Without, such
        frames are skipped and an existing frame is merged with the new one
        (text values combined; pictures kept side by side).
        """

        if not isinstance(frame, Frame):
            raise TypeError("%r not a Frame instance" % frame)

        upgraded = frame._upgrade_frame()
        if upgraded is None:
            if not strict:
                return
            raise TypeError("Can't upgrade %r frame" % type(frame).__name__)
        frame = upgraded

        key = frame.HashKey
        if strict or key not in self:
            self[key] = frame
            return

        while True:
            merged = self[key]._merge_frame(frame)
            new_key = merged.HashKey
            if new_key == key:
                self[key] = merged
                return
            # the newcomer took another key (APIC salt): store it there,
            # unless that key is taken too
            if new_key not in self:
                self[new_key] = merged
                return
            key = new_key

    def loaded_frame(self, tag):
        """Deprecated; use add()."""

        self._add(tag, True)

    def add(self, frame):
        """Add a frame, replacing one with the same HashKey. ID3v2.2
        frames are converted to their v2.3/2.4 form."""

        self.loaded_frame(frame)

    def __setitem__(self, key, tag):
        if not isinstance(tag, Frame):
            raise TypeError("%r not a Frame instance" % tag)
        super(ID3Tags, self).__setitem__(key, tag)

    def _update_genres(self):
        """Rewrite the "(NN)" references and numbers of TCON as genre
        names (part of both conversions)."""

        if "TCON" in self:
            _update_genres_of(self["TCON"])

    def __update_common(self, ids=None):
        """Conversions done for both target versions. ``ids`` is the set of
        the first four characters of every key, when known."""

        self._update_genres()

        if ids is not None and "APIC" not in ids:
            return
        for pic in self.getall("APIC"):
            if pic.mime in _PIC_MIMES:
                self.add(APIC(
                    encoding=pic.encoding, mime=_PIC_MIMES[pic.mime],
                    type=pic.type, desc=pic.desc, data=pic.data))

    def update_to_v24(self):
        """Convert the frames to ID3v2.4: TYER/TDAT/TIME become TDRC, TORY
        TDOR, IPLS TIPL; frames v2.4 lacks are dropped. Sub-frames of
        chapters and tables of contents are converted too."""

        store = _storage(self)
        # the frame IDs present (the start of each key), to skip scans
        ids = None if store is None else {k[:4] for k in store}
        self.__update_common(ids)

        if store is None or not store.keys().isdisjoint(_V24_INPUTS):
            self.__convert_to_v24()

        if ids is None or "CHAP" in ids:
            for chap in self.getall("CHAP"):
                chap.sub_frames.update_to_v24()
        if ids is None or "CTOC" in ids:
            for ctoc in self.getall("CTOC"):
                ctoc.sub_frames.update_to_v24()

    def __convert_to_v24(self):
        """The frame conversions of update_to_v24 (nothing to do unless the
        tag has one of the frames in _V24_INPUTS)."""

        store = _storage(self)
        pop = self.pop if store is None else store.pop
        old = [pop(frame_id, []) for frame_id in ("TYER", "TDAT", "TIME")]
        stamps = _v23_to_timestamps(*old)
        if stamps and "TDRC" not in self:
            self.add(TDRC(encoding=0, text=stamps))

        if "TORY" in self:
            tory = self.pop("TORY")
            if "TDOR" not in self:
                self.add(TDOR(encoding=0, text=str(tory)))

        if "IPLS" in self:
            ipls = self.pop("IPLS")
            if "TIPL" not in self:
                self.add(TIPL(encoding=ipls.encoding, people=ipls.people))

        for frame_id in _NOT_IN_V24:
            if frame_id in self:
                del self[frame_id]

    def update_to_v23(self):
        """Convert the frames to ID3v2.3: TIPL/TMCL become IPLS, TDOR
        TORY, TDRC TYER/TDAT/TIME; frames v2.3 lacks are dropped.
        Sub-frames of chapters and tables of contents are converted too.

        Text values are not joined here; saving as v2.3 does that."""

        self.__update_common()

        if "TIPL" in self or "TMCL" in self:
            if "IPLS" not in self:
                people = []
                encoding = None
                for frame_id in ("TIPL", "TMCL"):
                    if frame_id in self:
                        credits = self[frame_id]
                        people.extend(credits.people)
                        encoding = credits.encoding
                self.add(IPLS(encoding=encoding, people=people))

        if "TDOR" in self:
            tdor = self["TDOR"]
            if tdor.text:
                stamp = tdor.text[0]
                if stamp.year and "TORY" not in self:
                    self.add(TORY(encoding=tdor.encoding,
                                  text="%04d" % stamp.year))

        if "TDRC" in self:
            tdrc = self["TDRC"]
            if tdrc.text:
                stamp = tdrc.text[0]
                if stamp.year and "TYER" not in self:
                    self.add(TYER(encoding=tdrc.encoding,
                                  text="%04d" % stamp.year))
                if stamp.month and stamp.day and "TDAT" not in self:
                    self.add(TDAT(encoding=tdrc.encoding,
                                  text="%02d%02d" % (stamp.day, stamp.month)))
                if stamp.hour and stamp.minute and "TIME" not in self:
                    self.add(TIME(encoding=tdrc.encoding,
                                  text="%02d%02d" % (stamp.hour,
                                                     stamp.minute)))

        for frame_id in _NOT_IN_V23:
            if frame_id in self:
                del self[frame_id]

        for chap in self.getall("CHAP"):
            chap.sub_frames.update_to_v23()
        for ctoc in self.getall("CTOC"):
            ctoc.sub_frames.update_to_v23()

    def _copy(self):
        """A snapshot for :meth:`_restore`: the items (frames are shared,
        not copied) and, recursively, those of chapter/TOC sub-frames."""

        items = list(self.items())
        subs = {}
        for frame in self.getall("CHAP") + self.getall("CTOC"):
            subs[frame.HashKey] = frame.sub_frames._copy()
        return (items, subs)

    def _restore(self, value):
        """Put back the items saved by :meth:`_copy`."""

        items, subs = value
        self.clear()
        for key, frame in items:
            self[key] = frame
            if key in subs:
                frame.sub_frames._restore(subs[key])
