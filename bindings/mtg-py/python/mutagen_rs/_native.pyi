"""Type stubs for mutagen_rs._native, the Rust core of mutagen_rs."""

from typing import Any, Dict, Iterator, List, Optional, Tuple

class FileType:
    """An open audio file: ``tags``, ``info`` and ``filename``; the dict API
    is forwarded to the tags (derived from ``mutagen_rs._util.DictMixin``)."""

    tags: Optional[Any]
    info: Optional["StreamInfo"]
    filename: Optional[Any]
    _mimes: List[str]
    def __init__(self, filething: Any = None, *args: Any, **kwargs: Any) -> None: ...
    def load(self, *args: Any, **kwargs: Any) -> None: ...
    def __getitem__(self, key: Any) -> Any: ...
    def __setitem__(self, key: Any, value: Any) -> None: ...
    def __delitem__(self, key: Any) -> None: ...
    def keys(self) -> List[Any]: ...
    def delete(self, filething: Any = None) -> None: ...
    def save(self, filething: Any = None, **kwargs: Any) -> None: ...
    def pprint(self) -> str: ...
    def add_tags(self) -> None: ...
    @property
    def mime(self) -> List[str]: ...
    @staticmethod
    def score(filename: Any, fileobj: Any, header: bytes) -> int: ...
    def __iter__(self) -> Iterator[Any]: ...
    def __contains__(self, key: Any) -> bool: ...
    def __len__(self) -> int: ...
    def values(self) -> List[Any]: ...
    def items(self) -> List[Tuple[Any, Any]]: ...
    def clear(self) -> None: ...
    def pop(self, key: Any, *args: Any) -> Any: ...
    def popitem(self) -> Tuple[Any, Any]: ...
    def update(self, other: Any = None, **kwargs: Any) -> None: ...
    def setdefault(self, key: Any, default: Any = None) -> Any: ...
    def get(self, key: Any, default: Any = None) -> Any: ...
    def __eq__(self, other: object) -> Any: ...
    def __ne__(self, other: object) -> Any: ...
    def __hash__(self) -> int: ...

class StreamInfo:
    """Stream information: length, bitrate, sample rate, channels..."""

    def __init__(self, *args: Any, **kwargs: Any) -> None: ...
    def pprint(self) -> str: ...


# --- APEv2 (mutagen_rs.apev2) -------------------------------------------------

def ape_load(target: Any) -> List[Tuple[str, int, Any]]:
    """Items of the APEv2 tag of `target` (path or file object) as
    ``(key, kind, value)`` in file order; raises mutagen's APEv2 errors."""
    ...

def ape_render(items: Any) -> bytes:
    """A complete APEv2 tag from ``(key, flags, value_bytes)`` tuples."""
    ...

def ape_save(target: Any, tag: bytes, create: bool = True) -> None:
    """Write the rendered `tag` into `target`, replacing its APEv2 tag."""
    ...

def ape_delete(target: Any) -> None:
    """Remove the APEv2 tag region of `target`."""
    ...

# --- ID3 (mutagen_rs.id3) -----------------------------------------------------

def id3_unsynch_decode(value: bytes) -> bytes:
    """Undo ID3 unsynchronisation; ValueError on invalid data."""
    ...

def id3_unsynch_encode(value: bytes) -> bytes:
    """Apply ID3 unsynchronisation."""
    ...

def mp3_open(path: Any, mpeg_modes: Any, tables: Tuple[Dict[str, Any], Dict[str, Any]],
             native: Any, id3_class: Any, header_class: Any, info_class: Any) -> Any:
    """``MP3(path)``'s load in one call: ``(tags, info)`` (tags None for a
    file without ID3 tags; info an ``info_class`` instance, or the exception
    reading the stream raised), or ``id3_read``'s dict when the tag's frames
    cannot be left for later. ``tables``: ``(table, table22)`` of
    ``id3_read``."""
def id3_open_into(tags: Any, path: Any, tables: Tuple[Dict[str, Any], Dict[str, Any]],
                  native: Any, header_class: Any) -> Optional[Dict[str, Any]]:
    """``ID3(path)``'s load: fills in `tags` (an ``ID3`` whose ``__init__``
    has not run) and returns None when the frames can wait, else returns
    ``id3_read``'s dict for the Python path."""
def id3_read(filething: Any, load_v1: bool = True, known_ids: Any = None,
             v2_version: int = 4, table: Optional[Dict[str, Any]] = None,
             native: Optional[Dict[str, Any]] = None,
             mpeg_modes: Any = None, lazy: bool = False,
             table22: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """A file's ID3v2 tag as raw frames (and ID3v1 frames): keys version,
    flags, size, ext_data, padding, frames [(id, flags, body, frame_header)]
    (the raw frame is frame_header + body), v1. With table and native,
    frames whose class table[id] is native[id] come built, as
    (hash_key, frame); simple is True when all did, under distinct keys
    (frames is then a dict). With mpeg_modes, mpeg holds MPEGInfo's
    attributes read after the tag (or the exception raised reading them).
    With lazy, frames may be a PendingFrames (and lazy True). With table22
    (the table of ID3v2.2 frames), a v2.2 tag's frames come built too, as
    the v2.3/2.4 frames they become."""

def id3_v1_frame(table: Dict[str, Any], native: Dict[str, Any], frame_id: str,
                 text: str) -> Any:
    """The frame an ID3v1 field becomes, built natively (None: build it in
    Python: a replaced class or non-Latin-1 text)."""

class PendingFrames:
    """Decoded frames of a loaded tag, built into objects on demand."""
    def build(self, merge_v1: bool = True, upgrade: bool = False
              ) -> Tuple[Dict[str, Any], Optional[List[Tuple[str, Dict[str, Any]]]], bool]:
        """({hash_key: frame}, v1_fields, upgraded): new frame objects on
        every call; the ID3v1 frames merged unless v1_fields is returned;
        converted to ID3v2.4 natively when asked and possible."""
    ...

def id3_parse_v1(data: bytes, v2_version: int = 4) -> Optional[List[Tuple[str, Dict[str, Any]]]]:
    """ParseID3v1: the frames of an ID3v1 tag, or None."""
    ...

def id3_find_v1_in_tail(tail: bytes, file_size: Optional[int] = None) -> Tuple[Optional[bytes], Optional[int]]:
    """The ID3v1 tag in the last bytes of a file and its offset from the end."""
    ...

def id3_make_v1(values: Dict[str, Any]) -> bytes:
    """MakeID3v1's 128 bytes from title/artist/album/year/comment/track/genre."""
    ...

def id3_save(filething: Any, frames: List[Tuple[str, str, bytes]], unknown: List[bytes],
             v2_version: int = 4, padding_func: Any = None, v1: int = 1,
             v1_data: Optional[bytes] = None) -> None:
    """Write an ID3v2 tag (and update ID3v1) in place."""
    ...

def id3_delete(filething: Any, delete_v1: bool = True, delete_v2: bool = True) -> None:
    """Remove the ID3v1 and/or ID3v2 tags of a file."""
    ...

def id3_spec_read(spec: Any, header: Any, frame: Any, data: bytes) -> Tuple[Any, bytes]:
    """Spec.read: one field's value and the bytes after it."""
    ...

def id3_spec_write(spec: Any, config: Any, frame: Any, value: Any) -> bytes:
    """Spec.write: one field's bytes."""
    ...

def id3_timestamp_parse(text: str) -> List[Optional[int]]:
    """ID3TimeStamp parts: year, month, day, hour, minute, second."""
    ...

def id3_unwrap_frame_body(version: Tuple[int, int, int], flags: int, data: bytes) -> bytes:
    """Undo a frame's unsync/data-length/compression flags."""
    ...

# --- FLAC and Vorbis comments (src/flac.rs) ---------------------------------

def vorbis_parse(data: bytes, errors: str, framing: bool) -> Tuple[str, List[Tuple[str, str]], int]:
    """Parse a Vorbis comment packet: (vendor, [(key, value)], bytes used).
    Errors carry ``_vorbis_partial = (vendor or None, comments)``."""
def vorbis_getitem(self: List[Any], key: Any) -> Any:
    """``VCommentDict.__getitem__`` (a method descriptor of ``list``)."""
def vorbis_keys(self: List[Any]) -> List[str]:
    """``VCommentDict.keys`` (a method descriptor of ``list``)."""
def vorbis_write(vendor: str, comments: List[Tuple[str, str]], framing: bool) -> bytes:
    """Serialise a Vorbis comment packet (framing byte if `framing`)."""
def flac_streaminfo_parse(data: bytes) -> dict:
    """The attributes of a STREAMINFO body."""
def flac_seektable_parse(data: bytes, point_class: Any) -> List[Any]:
    """The seek points of a SEEKTABLE body, as `point_class` tuples."""
def flac_cuesheet_parse(data: bytes) -> Tuple[Tuple[bytes, int, bool, List[Any]], int]:
    """A CUESHEET body: ((mcn, lead_in, compact_disc, tracks), size)."""
def flac_picture_parse(data: bytes) -> Tuple[int, str, str, int, int, int, int, bytes, int]:
    """A PICTURE body: (type, mime, desc, width, height, depth, colors,
    data, size)."""
def flac_streaminfo_write(block: Any) -> bytes: ...
def flac_padding_write(block: Any) -> bytes: ...
def flac_seektable_write(block: Any) -> bytes: ...
def flac_cuesheet_write(block: Any) -> bytes: ...
def flac_picture_write(block: Any) -> bytes: ...
def flac_writeblock(block: Any, is_last: Any = None) -> bytearray:
    """A block with its header (mutagen's ``MetadataBlock._writeblock``)."""
def flac_writeblocks(blocks: Any, available: Any, cont_size: Any, padding_func: Any) -> bytearray:
    """A block chain ending in PADDING (``MetadataBlock._writeblocks``)."""

class FlacState:
    """The blocks of a loaded FLAC file, built into Python values on request."""

    def blocks(self, point_class: Any) -> List[Tuple[int, Any]]: ...
    def build(self, classes: Tuple[Any, ...], info: Any, tags: Any, tags_index: int, path: Any, fingerprint: Any, made_pictures: Optional[List[Any]] = None) -> Tuple[List[Any], Any, Any]:
        """The block objects in file order: (blocks, seektable, cuesheet);
        the picture blocks are `made_pictures` (what `pictures` gave) when
        given."""
    def pictures(self, picture_class: Any, tags_index: int, path: Any, fingerprint: Any) -> List[Any]:
        """The picture blocks alone, as `build` makes them."""

def flac_load(filething: Any, name: Any, info_class: Any, tags_class: Any) -> Tuple[Any, Any, int, FlacState, Optional[Tuple[int, int, int, int]]]:
    """Read a FLAC file's metadata: (info, tags, tags_index, state,
    fingerprint)."""
def flac_picture_data(path: Any, offset: int, length: int, expected: Tuple[int, int, int, int]) -> Optional[bytes]:
    """Image bytes left in the file, if it is unchanged (else None)."""
class Prefetch:
    """Native threads reading files ahead (see prefetch)."""
    def opened(self, count: int) -> None:
        """The first `count` files were opened (the threads stay at most
        64 files ahead)."""
    def close(self) -> None:
        """Stop reading ahead; wait for the threads."""

def prefetch(paths: Any, threads: int) -> Prefetch:
    """Start `threads` threads reading ahead the parts of the files at
    `paths` that loaders read (non-paths are skipped; nothing is kept)."""
def file_range_if_unchanged(path: Any, offset: int, length: int, fingerprint: Tuple[int, int, int, int]) -> Optional[bytes]:
    """The bytes at offset of the file at path, if it still has the
    fingerprint (device, inode, size, mtime ns) it had (else None)."""
def flac_save(filething: Any, name: Any, blocks: Any, deleteid3: bool = False, padding: Any = None) -> None:
    """Write `blocks` as the metadata of a FLAC file (path or file object)."""

# --- MPEG audio, AAC, AC-3 (src/mpeg.rs) ---
def mpeg_info(filething: Any, offset: Optional[int], modes: Any) -> Dict[str, Any]:
    """The attributes mutagen's ``MPEGInfo(fileobj, offset)`` sets, in its
    order (path or file object; `modes` are the BitrateMode members)."""
def mpeg_frame(fileobj: Any, modes: Any) -> Dict[str, Any]:
    """The attributes of ``MPEGFrame(fileobj)`` at the file's position; the
    file is left where mutagen leaves it."""
def mpeg_xing(data: bytes) -> Tuple[Dict[str, Any], Optional[Dict[str, Any]], int]:
    """A Xing/Info header: (attributes, LAME header attributes or None,
    bytes used)."""
def mpeg_vbri(fileobj: Any) -> Dict[str, Any]:
    """The attributes of ``VBRIHeader(fileobj)``; the file is left after the
    bytes mutagen reads."""
def mpeg_lame_version(data: bytes) -> Tuple[int, int, str, bool, int]:
    """``LAMEHeader.parse_version`` on 20 bytes: (major, minor, desc,
    is_new, bytes used)."""
def mpeg_lame_header(vbr_scale: int, data: bytes) -> Dict[str, Any]:
    """The attributes of ``LAMEHeader(xing, fileobj)`` on its 27 bytes."""
def aac_info(filething: Any, pos: int = 0) -> Dict[str, Any]:
    """The attributes mutagen's ``AACInfo(fileobj)`` sets, in its order."""
def ac3_info(filething: Any, pos: int = 0) -> Dict[str, Any]:
    """The attributes mutagen's ``AC3Info(fileobj)`` sets, in its order."""

class PendingAttr:
    """A class attribute standing for the instance attribute `name`, which
    a lazy load fills in on first use (a non-data descriptor: reading it
    while the instance lacks it and ``_pending`` is set calls the
    instance's ``_materialize()``)."""
    def __init__(self, name: str) -> None: ...
    def __get__(self, obj: Any, owner: Any = None) -> Any: ...
