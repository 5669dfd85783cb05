"""FLAC files: stream information, metadata blocks and Vorbis comments.

A FLAC file is the marker ``fLaC``, a chain of metadata blocks and the
audio. Every block is a class here (:class:`StreamInfo`, :class:`Padding`,
:class:`SeekTable`, :class:`VCFLACDict`, :class:`CueSheet`,
:class:`Picture`, or a plain :class:`MetadataBlock` for the rest), and
:class:`FLAC` holds the chain as ``metadata_blocks``. An ID3v2 tag in front
of the marker is tolerated (and kept unless asked otherwise).

The byte work (walking the chain, decoding and encoding every block,
rewriting the file) is done by the native core; the block objects are only
built when asked for: ``info`` and ``tags`` right away, the other blocks on
the first access to ``metadata_blocks`` (or ``seektable``, ``cuesheet``,
``pictures``). An image that was not read along with the blocks is read
from the file on the first access to its picture's ``data``.

Names and behaviour follow ``mutagen.flac`` of mutagen 1.48.1.
"""

import struct  # noqa: F401 (re-exported like mutagen.flac's)
from functools import reduce, wraps as _wraps  # noqa: F401 (reduce re-exported)
from io import BytesIO

import mutagen_rs as mutagen  # noqa: F401 (re-exported)
from . import _native
from ._file import FileType as _FileType
from ._native import StreamInfo as _BaseStreamInfo
from ._tags import PaddingInfo  # noqa: F401 (re-exported)
from ._util import (  # noqa: F401 (several re-exported)
    FileThing as _FileThing, MutagenError, bchr, convert_error, endswith,
    get_size, loadfile, resize_bytes, _path_load_method, _lazy_bitpaddedint)
from ._vorbis import VCommentDict

__all__ = ["FLAC", "Open", "delete"]

_MAX_SIZE = 2 ** 24 - 1
_new_thing = tuple.__new__


# BitPaddedInt: imported from the ID3 package when first used
__getattr__, __dir__ = _lazy_bitpaddedint(__name__)


class error(MutagenError):
    """A FLAC file or block could not be read or written."""


class FLACNoHeaderError(error):
    """The file is not FLAC (no ``fLaC`` marker) or has no STREAMINFO."""


class FLACVorbisError(ValueError, error):
    """A Vorbis comment block was added where there already is one."""


def to_int_be(data):
    """The big-endian unsigned integer made of the bytes of `data`."""

    return int.from_bytes(bytearray(data), "big")


class StrictFileObject(object):
    """Wraps a file object so that a short ``read(n)`` raises :class:`error`
    instead of returning fewer bytes.

    ``tryread()`` reads without that check; ``close``, ``flush``, ``seek``,
    ``tell``, ``truncate`` and ``write`` are the wrapped object's own when
    it has them.
    """

    def __init__(self, fileobj):
        self._fileobj = fileobj
        for name in ["close", "tell", "seek", "write", "truncate", "flush"]:
            if hasattr(fileobj, name):
                setattr(self, name, getattr(fileobj, name))

    def read(self, size=-1):
        data = self._fileobj.read(size)
        if size >= 0 and len(data) != size:
            raise error("file said %d bytes, read %d bytes" % (
                size, len(data)))
        return data

    def tryread(self, *args):
        return self._fileobj.read(*args)


def _read_all(data):
    """Everything left in the file object `data` (a StrictFileObject is read
    without its length check)."""

    if isinstance(data, StrictFileObject):
        return data.tryread()
    return data.read()


def _give_back(data, raw, used):
    """Put the position of `data` right after the `used` bytes of `raw`
    (all of which were read from it), if it can seek."""

    extra = len(raw) - used
    if extra > 0:
        try:
            data.seek(-extra, 1)
        except Exception:
            pass


class MetadataBlock(object):
    """A metadata block: its type ``code`` and body ``data`` (bytes).

    Blocks of types this module does not know are kept as MetadataBlock
    objects, so they are written back unchanged. The constructor takes the
    body as bytes or a file object (None leaves the block empty).
    """

    _distrust_size = False
    """Whether the length in the block's header may be wrong (the block is
    measured from its content when read)."""

    _invalid_overflow_size = -1
    """For a block too long for its header: the length to write into the
    header anyway (-1: refuse to write it)."""

    _MAX_SIZE = _MAX_SIZE

    def __init__(self, data):
        if data is None:
            return
        if isinstance(data, bytes):
            parse = _BYTES_PARSERS.get(type(self).load)
            if parse is not None:
                parse(self, data)
                return
            data = BytesIO(data)
        elif not isinstance(data, StrictFileObject) and \
                not hasattr(data, "read"):
            raise TypeError(
                "StreamInfo requires string data or a file-like")
        if not isinstance(data, StrictFileObject):
            data = StrictFileObject(data)
        self.load(data)

    def load(self, data):
        """Read the body from the file object `data` (all of it)."""

        self.data = data.read()

    def write(self):
        """The body as bytes."""

        return self.data

    @classmethod
    def _writeblock(cls, block, is_last=False):
        """`block` with its 4-byte header, as a bytearray."""

        return _native.flac_writeblock(block, is_last)

    @classmethod
    def _writeblocks(cls, blocks, available, cont_size, padding_func):
        """The chain for `blocks`: all but their Padding blocks, then one
        PADDING block (the last) sized by `padding_func` from a
        :class:`PaddingInfo` of the room left in `available` bytes and
        `cont_size`, the size of what follows the metadata."""

        return _native.flac_writeblocks(
            blocks, available, cont_size, padding_func)


def _load_raw(self, data):
    self.data = data


class StreamInfo(MetadataBlock, mutagen.StreamInfo):
    """The STREAMINFO block: properties of the audio stream.

    Attributes:
        min_blocksize (int): smallest block size, in samples
        max_blocksize (int): largest block size, in samples
        min_framesize (int): smallest frame size in bytes (0: unknown)
        max_framesize (int): largest frame size in bytes (0: unknown)
        sample_rate (int): samples per second, per channel
        channels (int): number of channels (1 to 8)
        bits_per_sample (int): bits per sample (4 to 32)
        total_samples (int): samples per channel (0: unknown)
        length (float): duration in seconds
        md5_signature (int): MD5 of the decoded audio
        bitrate (int): average bitrate in bits per second (set on the
            ``info`` of a loaded file; 0 otherwise)
    """

    code = 0
    bitrate = 0

    def __eq__(self, other):
        try:
            return (self.min_blocksize == other.min_blocksize and
                    self.max_blocksize == other.max_blocksize and
                    self.sample_rate == other.sample_rate and
                    self.channels == other.channels and
                    self.bits_per_sample == other.bits_per_sample and
                    self.total_samples == other.total_samples)
        except Exception:
            return False

    __hash__ = MetadataBlock.__hash__

    def load(self, data):
        raw = _read_all(data)
        self.__dict__.update(_native.flac_streaminfo_parse(raw))
        _give_back(data, raw, 34)

    def write(self):
        return _native.flac_streaminfo_write(self)

    def pprint(self):
        return u"FLAC, %.2f seconds, %d Hz" % (self.length, self.sample_rate)

    def __getstate__(self):
        # The native base class has no state of its own: copy and pickle
        # through the attributes.
        return self.__dict__


def _load_streaminfo(self, data):
    self.__dict__.update(_native.flac_streaminfo_parse(data))


class SeekPoint(tuple):
    """SeekPoint(first_sample, byte_offset, num_samples)

    One seek point: the frame holding sample `first_sample` starts
    `byte_offset` bytes after the first frame and holds `num_samples`
    samples. A `first_sample` of 0xFFFFFFFFFFFFFFFF marks a placeholder.
    """

    def __new__(cls, first_sample, byte_offset, num_samples):
        return super(SeekPoint, cls).__new__(
            cls, (first_sample, byte_offset, num_samples))

    def __getnewargs__(self):
        return tuple(self)

    first_sample = property(lambda self: self[0])
    byte_offset = property(lambda self: self[1])
    num_samples = property(lambda self: self[2])


class SeekTable(MetadataBlock):
    """The SEEKTABLE block: ``seekpoints``, a list of :class:`SeekPoint`."""

    __SEEKPOINT_FORMAT = ">QQH"
    __SEEKPOINT_SIZE = struct.calcsize(__SEEKPOINT_FORMAT)

    code = 3

    def __init__(self, data):
        self.seekpoints = []
        super(SeekTable, self).__init__(data)

    def __eq__(self, other):
        try:
            return self.seekpoints == other.seekpoints
        except (AttributeError, TypeError):
            return False

    __hash__ = MetadataBlock.__hash__

    def load(self, data):
        self.seekpoints = _native.flac_seektable_parse(
            _read_all(data), SeekPoint)

    def write(self):
        return _native.flac_seektable_write(self)

    def __repr__(self):
        return "<%s seekpoints=%r>" % (type(self).__name__, self.seekpoints)


def _load_seektable(self, data):
    self.seekpoints = _native.flac_seektable_parse(data, SeekPoint)


class CueSheetTrackIndex(tuple):
    """CueSheetTrackIndex(index_number, index_offset)

    An index point of a cue sheet track: number `index_number` (0 is the
    pre-gap) at `index_offset` samples from the start of the track.
    """

    def __new__(cls, index_number, index_offset):
        return super(CueSheetTrackIndex, cls).__new__(
            cls, (index_number, index_offset))

    index_number = property(lambda self: self[0])
    index_offset = property(lambda self: self[1])


class CueSheetTrack(object):
    """A track of a cue sheet.

    Attributes:
        track_number (int): the track's number (170 or 255: lead-out)
        start_offset (int): start of the track in samples
        isrc (bytes): the track's ISRC (12 bytes), if any
        type (int): 0 for audio, 1 for anything else
        pre_emphasis (bool): whether the audio has pre-emphasis
        indexes (list): the track's :class:`CueSheetTrackIndex` points
    """

    def __init__(self, track_number, start_offset, isrc='', type_=0,
                 pre_emphasis=False):
        self.track_number = track_number
        self.start_offset = start_offset
        self.isrc = isrc
        self.type = type_
        self.pre_emphasis = pre_emphasis
        self.indexes = []

    def __eq__(self, other):
        try:
            return (self.track_number == other.track_number and
                    self.start_offset == other.start_offset and
                    self.isrc == other.isrc and
                    self.type == other.type and
                    self.pre_emphasis == other.pre_emphasis and
                    self.indexes == other.indexes)
        except (AttributeError, TypeError):
            return False

    __hash__ = object.__hash__

    def __repr__(self):
        return (("<%s number=%r, offset=%d, isrc=%r, type=%r, "
                "pre_emphasis=%r, indexes=%r)>") %
                (type(self).__name__, self.track_number, self.start_offset,
                 self.isrc, self.type, self.pre_emphasis, self.indexes))


def _make_tracks(raw_tracks):
    tracks = []
    for number, offset, isrc, type_, pre_emphasis, indexes in raw_tracks:
        track = CueSheetTrack(number, offset, isrc, type_, pre_emphasis)
        track.indexes = [CueSheetTrackIndex(n, o) for n, o in indexes]
        tracks.append(track)
    return tracks


class CueSheet(MetadataBlock):
    """The CUESHEET block: how the audio maps to the tracks of a CD.

    Attributes:
        media_catalog_number (bytes): the disc's catalog number
        lead_in_samples (int): lead-in length in samples
        compact_disc (bool): whether this describes a compact disc
        tracks (list): the :class:`CueSheetTrack` objects, lead-out last
    """

    __CUESHEET_FORMAT = ">128sQB258xB"
    __CUESHEET_SIZE = struct.calcsize(__CUESHEET_FORMAT)
    __CUESHEET_TRACK_FORMAT = ">QB12sB13xB"
    __CUESHEET_TRACK_SIZE = struct.calcsize(__CUESHEET_TRACK_FORMAT)
    __CUESHEET_TRACKINDEX_FORMAT = ">QB3x"
    __CUESHEET_TRACKINDEX_SIZE = struct.calcsize(__CUESHEET_TRACKINDEX_FORMAT)

    code = 5

    media_catalog_number = b''
    lead_in_samples = 88200
    compact_disc = True

    def __init__(self, data):
        self.tracks = []
        super(CueSheet, self).__init__(data)

    def __eq__(self, other):
        try:
            return (self.media_catalog_number == other.media_catalog_number and
                    self.lead_in_samples == other.lead_in_samples and
                    self.compact_disc == other.compact_disc and
                    self.tracks == other.tracks)
        except (AttributeError, TypeError):
            return False

    __hash__ = MetadataBlock.__hash__

    def load(self, data):
        raw = _read_all(data)
        values, used = _native.flac_cuesheet_parse(raw)
        self._set(values)
        _give_back(data, raw, used)

    def _set(self, values):
        mcn, lead_in, compact_disc, tracks = values
        self.media_catalog_number = mcn
        self.lead_in_samples = lead_in
        self.compact_disc = compact_disc
        self.tracks = _make_tracks(tracks)

    def write(self):
        return _native.flac_cuesheet_write(self)

    def __repr__(self):
        return (("<%s media_catalog_number=%r, lead_in=%r, compact_disc=%r, "
                 "tracks=%r>") %
                (type(self).__name__, self.media_catalog_number,
                 self.lead_in_samples, self.compact_disc, self.tracks))


def _load_cuesheet(self, data):
    self._set(_native.flac_cuesheet_parse(data)[0])


class _ImageInFile(object):
    """The ``data`` of a picture whose image bytes are still in the file
    (only read when first asked for)."""

    def __get__(self, obj, cls=None):
        if obj is None:
            raise AttributeError(
                "type object %r has no attribute 'data'" % cls.__name__)
        source = obj.__dict__.pop("_image_source", None)
        if source is None:
            raise AttributeError(
                "%r object has no attribute 'data'" % type(obj).__name__)
        try:
            data = _read_image(source)
        except BaseException:
            obj.__dict__["_image_source"] = source
            raise
        # put it where it would have been, right after `colors`
        d = obj.__dict__
        items = list(d.items())
        d.clear()
        placed = False
        for key, value in items:
            d[key] = value
            if key == "colors":
                d["data"] = data
                placed = True
        if not placed:
            d["data"] = data
        return data


def _read_image(source):
    """The image bytes described by `source`: (path, offset, length,
    fingerprint, ordinal, header)."""

    path, offset, length, fingerprint, ordinal, header = source
    data = _native.flac_picture_data(path, offset, length, fingerprint)
    if data is not None:
        return data
    # The file changed since it was read: look for the same picture (same
    # position among the pictures, same fields) in what it is now.
    _info, _tags, _index, state, fingerprint = _native.flac_load(
        path, path, StreamInfo, VCFLACDict)
    seen = 0
    for code, payload in state.blocks(SeekPoint):
        if code != Picture.code:
            continue
        if seen == ordinal:
            if tuple(payload[:7]) == header and payload[9] == length:
                if payload[7] is not None:
                    return payload[7]
                data = _native.flac_picture_data(
                    path, payload[8], length, fingerprint)
                if data is not None:
                    return data
            break
        seen += 1
    raise error("picture data of %r is no longer available: the file "
                "changed since it was read" % (path,))


class Picture(MetadataBlock):
    """The PICTURE block: an embedded image (cover art and the like).

    Attributes:
        type (int): what the picture shows (ID3 APIC types; 3 is the front
            cover)
        mime (str): MIME type of the image
        desc (str): description
        width (int): width in pixels
        height (int): height in pixels
        depth (int): colour depth in bits per pixel
        colors (int): colours used by an indexed image (0 otherwise)
        data (bytes): the image
    """

    code = 6
    _distrust_size = True

    data = _ImageInFile()

    def __init__(self, data=None):
        self.type = 0
        self.mime = u''
        self.desc = u''
        self.width = 0
        self.height = 0
        self.depth = 0
        self.colors = 0
        self.data = b''
        super(Picture, self).__init__(data)

    def __eq__(self, other):
        try:
            return (self.type == other.type and
                    self.mime == other.mime and
                    self.desc == other.desc and
                    self.width == other.width and
                    self.height == other.height and
                    self.depth == other.depth and
                    self.colors == other.colors and
                    self.data == other.data)
        except (AttributeError, TypeError):
            return False

    __hash__ = MetadataBlock.__hash__

    def load(self, data):
        raw = _read_all(data)
        values = _native.flac_picture_parse(raw)
        self._set(values)
        _give_back(data, raw, values[8])

    def _set(self, values):
        (self.type, self.mime, self.desc, self.width, self.height,
         self.depth, self.colors, self.data) = values[:8]

    def write(self):
        return _native.flac_picture_write(self)

    def __repr__(self):
        return "<%s '%s' (%d bytes)>" % (type(self).__name__, self.mime,
                                         len(self.data))


def _load_picture(self, data):
    self._set(_native.flac_picture_parse(data))


class Padding(MetadataBlock):
    """The PADDING block: ``length`` zero bytes of room for growing the
    other blocks without rewriting the file."""

    code = 1

    def __init__(self, data=b""):
        super(Padding, self).__init__(data)

    def load(self, data):
        self.length = len(data.read())

    def write(self):
        return _native.flac_padding_write(self)

    def __eq__(self, other):
        return isinstance(other, Padding) and self.length == other.length

    __hash__ = MetadataBlock.__hash__

    def __repr__(self):
        return "<%s (%d bytes)>" % (type(self).__name__, self.length)


def _load_padding(self, data):
    self.length = len(data)


class VCFLACDict(VCommentDict):
    """The VORBIS_COMMENT block: a :class:`mutagen_rs._vorbis.VCommentDict`
    that is read and written without the framing bit."""

    code = 4
    _distrust_size = True

    def load(self, data, errors='replace', framing=False):
        super(VCFLACDict, self).load(data, errors=errors, framing=framing)

    def write(self, framing=False):
        return super(VCFLACDict, self).write(framing=framing)


# Loaders that read a block's body straight from bytes, for classes whose
# load() is the one defined here.
_BYTES_PARSERS = {
    MetadataBlock.load: _load_raw,
    StreamInfo.load: _load_streaminfo,
    SeekTable.load: _load_seektable,
    CueSheet.load: _load_cuesheet,
    Picture.load: _load_picture,
    Padding.load: _load_padding,
}


# ---------------------------------------------------------------------------
# the file type

_new_object = object.__new__
_new_list = list.__new__


def _make_info(values):
    info = _BaseStreamInfo.__new__(StreamInfo)
    info.__dict__.update(values)
    return info


def _make_tags(values):
    vendor, comments, size, overflow = values
    tags = _new_list(VCFLACDict)
    list.extend(tags, comments)
    d = tags.__dict__
    d["_size"] = size
    d["vendor"] = vendor
    if overflow is not None:
        d["_invalid_overflow_size"] = overflow
    d["code"] = VCFLACDict.code
    return tags


def _make_block(code, payload, source):
    """The block object for one `(code, payload)` of ``FlacState.blocks``."""

    if code == StreamInfo.code:
        block = _make_info(payload)
        block.code = code
        return block
    if code == Padding.code:
        block = _new_object(Padding)
        block.length = payload
    elif code == SeekTable.code:
        block = _new_object(SeekTable)
        block.seekpoints = payload
    elif code == VCFLACDict.code:
        return _make_tags(payload)
    elif code == CueSheet.code:
        block = _new_object(CueSheet)
        block.tracks = []
        block._set(payload)
    elif code == Picture.code:
        block = _new_object(Picture)
        d = block.__dict__
        (d["type"], d["mime"], d["desc"], d["width"], d["height"],
         d["depth"], d["colors"]) = payload[:7]
        if payload[7] is not None:
            d["data"] = payload[7]
        else:
            d["_image_source"] = source(payload)
        if payload[10] is not None:
            d["_invalid_overflow_size"] = payload[10]
    else:
        block = _new_object(MetadataBlock)
        block.data = payload
    block.code = code
    return block


# What FlacState.build makes the block objects of (and how it makes a
# CUESHEET block).
_BLOCK_CLASSES = (StreamInfo, Padding, SeekTable, SeekPoint, VCFLACDict,
                  CueSheet, Picture, MetadataBlock, _make_block)


class _Materialized(object):
    """An attribute of a loaded FLAC object that exists once the block
    objects are built: ``metadata_blocks``, ``seektable``, ``cuesheet``."""

    def __init__(self, name):
        self.name = name

    def __get__(self, obj, cls=None):
        if obj is None:
            raise AttributeError("type object %r has no attribute %r" % (
                cls.__name__, self.name))
        obj._build_blocks()
        d = obj.__dict__
        if self.name in d:
            return d[self.name]
        raise AttributeError("%r object has no attribute %r" % (
            type(obj).__name__, self.name))


# a plain path goes to the native reader unopened
_load_method = _path_load_method


def _save_method(func):
    """`func(self, filething, ...)` as a method taking what a writable
    ``loadfile`` takes (``self.filename`` by default); a plain path is
    handed over to the native writer unopened."""

    slow = loadfile(writable=True)(func)

    @_wraps(func)
    def save(self, *args, **kwargs):
        if "filename" not in kwargs and "fileobj" not in kwargs and \
                "filething" not in kwargs:
            filething = args[0] if args else None
            if filething is None:
                filething = getattr(self, "filename", None)
            kind = type(filething)
            if kind is str or kind is bytes:
                return func(self, _new_thing(
                    _FileThing, (None, filething, filething)),
                    *args[1:], **kwargs)
        return slow(self, *args, **kwargs)

    return save


def _target(filething):
    """What the native functions get for a FileThing: the path when no file
    object was opened, else the file object."""

    return filething.filename if filething.fileobj is None \
        else filething.fileobj


class FLAC(_FileType):
    """FLAC(filething)

    A FLAC file, loaded from `filething` (a path or a file object).

    Attributes:
        info (StreamInfo): the first STREAMINFO block
        tags (VCFLACDict): the first Vorbis comment block (None without)
        metadata_blocks (list): every block of the file, in file order
        seektable (SeekTable): the SEEKTABLE block, or None
        cuesheet (CueSheet): the CUESHEET block, or None
        pictures (list): the PICTURE blocks (:class:`Picture`)
    """

    _mimes = ["audio/flac", "audio/x-flac", "application/x-flac"]

    filename = None
    tags = None

    METADATA_BLOCKS = [StreamInfo, Padding, None, SeekTable, VCFLACDict,
                       CueSheet, Picture]

    metadata_blocks = _Materialized("metadata_blocks")
    seektable = _Materialized("seektable")
    cuesheet = _Materialized("cuesheet")

    @staticmethod
    def score(filename, fileobj, header_data):
        return (header_data.startswith(b"fLaC") +
                endswith(filename.lower(), ".flac") * 3)

    def add_tags(self):
        """Add an empty Vorbis comment block.

        Raises:
            FLACVorbisError: the file already has one
        """

        if self.tags is None:
            self.tags = VCFLACDict()
            self.metadata_blocks.append(self.tags)
        else:
            raise FLACVorbisError("a Vorbis comment already exists")

    add_vorbiscomment = add_tags

    @property
    def vc(self):
        """The Vorbis comment block (``tags``)."""

        return self.tags

    @_save_method
    def delete(self, filething=None):
        """Remove every Vorbis comment block from the file.

        In memory the first one (``tags``) stays, emptied; saving later
        writes it back.
        """

        if self.tags is not None:
            temp_blocks = [
                b for b in self.metadata_blocks if b.code != VCFLACDict.code]
            self._save(filething, temp_blocks, False, padding=lambda x: 0)
            self.metadata_blocks[:] = [
                b for b in self.metadata_blocks
                if b.code != VCFLACDict.code or b is self.tags]
            self.tags.clear()
        elif filething.fileobj is None:
            # nothing to write, but the file has to be there and writable
            try:
                open(filething.filename, "rb+").close()
            except IOError as e:
                raise MutagenError(e) from e

    @_load_method
    def load(self, filething):
        """Load the file's metadata blocks.

        Raises:
            MutagenError: the file cannot be opened or read
            FLACNoHeaderError: not a FLAC file
            error: the metadata is broken
        """

        d = self.__dict__
        try:
            info, tags, tags_index, state, fingerprint = _native.flac_load(
                _target(filething), filething.name, StreamInfo, VCFLACDict)
        except BaseException as e:
            if type(e) is not MutagenError or filething.fileobj is not None:
                d.pop("_flac_blocks", None)
                d.pop("_flac_pictures", None)
                d["metadata_blocks"] = []
                d["tags"] = None
                d["cuesheet"] = None
                d["seektable"] = None
            raise
        d.pop("metadata_blocks", None)
        d.pop("_flac_pictures", None)
        d.pop("cuesheet", None)
        d.pop("seektable", None)
        d["tags"] = tags
        d["_flac_blocks"] = (info, tags, tags_index, state,
                             filething.filename if fingerprint is not None
                             else None, fingerprint)

    def __getstate__(self):
        # copy and pickle: the block objects are made first (the native
        # state they come from is not copied)
        self._build_blocks()
        return super(FLAC, self).__getstate__()

    def _build_blocks(self):
        """Build the block objects of the loaded file (once)."""

        d = self.__dict__
        pending = d.pop("_flac_blocks", None)
        if pending is None:
            return
        info, tags, tags_index, state, path, fingerprint = pending
        blocks, seektable, cuesheet = state.build(
            _BLOCK_CLASSES, info, tags, tags_index, path, fingerprint,
            d.pop("_flac_pictures", None))
        d.setdefault("metadata_blocks", blocks)
        d.setdefault("cuesheet", cuesheet)
        d.setdefault("seektable", seektable)

    @property
    def info(self):
        pending = self.__dict__.get("_flac_blocks")
        if pending is not None:
            return pending[0]
        streaminfo_blocks = [
            block for block in self.metadata_blocks
            if isinstance(block, StreamInfo)]
        return streaminfo_blocks[0]

    def add_picture(self, picture):
        """Add a new picture to the file.

        Args:
            picture (Picture)
        """

        self.metadata_blocks.append(picture)

    def clear_pictures(self):
        """Delete all pictures from the file."""

        blocks = [b for b in self.metadata_blocks if b.code != Picture.code]
        self.metadata_blocks = blocks

    @property
    def pictures(self):
        """list[Picture]: the embedded pictures"""

        d = self.__dict__
        pending = d.get("_flac_blocks")
        if pending is not None and "metadata_blocks" not in d:
            # Only the pictures are made (the same objects the block list
            # gets when it is built).
            pictures = d.get("_flac_pictures")
            if pictures is None:
                pictures = d["_flac_pictures"] = pending[3].pictures(
                    Picture, pending[2], pending[4], pending[5])
            return list(pictures)
        return [b for b in self.metadata_blocks if b.code == Picture.code]

    @_save_method
    def save(self, filething=None, deleteid3=False, padding=None):
        """Save the metadata blocks to the file.

        Args:
            filething (filething): the file (default: the one loaded)
            deleteid3 (bool): also remove ID3 tags from the file
            padding (:obj:`mutagen.PaddingFunction`)

        Raises:
            MutagenError: the file cannot be opened or written
            FLACNoHeaderError: the file is not a FLAC file
        """

        self._save(filething, self.metadata_blocks, deleteid3, padding)

    def _save(self, filething, metadata_blocks, deleteid3, padding):
        _native.flac_save(_target(filething), filething.name,
                          metadata_blocks, bool(deleteid3), padding)


Open = FLAC


def _module_writer(func):
    """`func(filething)` taking what a writable module-level ``loadfile``
    takes; a plain path goes to ``FLAC`` unopened."""

    slow = loadfile(method=False, writable=True)(func)

    @_wraps(func)
    def wrapper(*args, **kwargs):
        if len(args) == 1 and not kwargs:
            path = args[0]
            kind = type(path)
            if kind is str or kind is bytes:
                FLAC(path).delete(path)
                return
        return slow(*args, **kwargs)

    return wrapper


@_module_writer
def delete(filething):
    """Remove the Vorbis comments from a FLAC file.

    Arguments:
        filething (filething)

    Raises:
        mutagen.MutagenError
    """

    f = FLAC(filething.fileobj, filename=filething.filename)
    filething.fileobj.seek(0)
    f.delete(filething.fileobj)
