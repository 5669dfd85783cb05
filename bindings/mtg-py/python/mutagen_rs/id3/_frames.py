"""ID3v2 frames: the Frame base class, its families and every frame type.

A frame class declares its fields as Spec objects in ``_framespec`` (always
present) and ``_optionalspec`` (trailing fields a frame may lack). Assigning
to a field normalises the value through its spec; ``_readData`` and
``_writeData`` turn the fields into bytes and back through the specs, which
hand the byte work to the Rust crate mtg-id3. Per-frame flags (compression,
data length, unsynchronisation, encryption) are undone by mtg-id3 as well.

``Frames`` maps the ID3v2.3/2.4 frame IDs to their classes and
``Frames_2_2`` the three-character ID3v2.2 IDs; each v2.2 class derives from
the v2.3/2.4 class it becomes when a tag is upgraded.
"""

import re as _re
import zlib  # noqa: F401 (part of the module's public names)
from struct import unpack  # noqa: F401
from typing import Sequence

from .._constants import GENRES as _GENRES
from .. import _native
from ._util import (  # noqa: F401
    ID3JunkFrameError, ID3EncryptionUnsupportedError, unsynch, ID3SaveConfig,
    error,
)
from ._specs import (  # noqa: F401
    BinaryDataSpec, StringSpec, Latin1TextSpec, EncodedTextSpec, ByteSpec,
    EncodingSpec, ASPIIndexSpec, SizedIntegerSpec, IntegerSpec, Encoding,
    VolumeAdjustmentsSpec, VolumePeakSpec, VolumeAdjustmentSpec,
    ChannelSpec, MultiSpec, SynchronizedTextSpec, KeyEventSpec, TimeStampSpec,
    EncodedNumericPartTextSpec, EncodedNumericTextSpec, SpecError,
    PictureTypeSpec, ID3FramesSpec, Latin1TextListSpec, CTOCFlagsSpec,
    FrameIDSpec, RVASpec, Spec,
)


def _bytes2key(b):
    """Bytes as a str usable inside a HashKey (each byte one character)."""

    return b.decode("latin1")


# Text codecs of the four ID3 encodings, for decoding bytes handed to TCON.
_CODECS = {0: "latin1", 1: "utf16", 2: "utf_16_be", 3: "utf8"}

_UNREPRESENTABLE = "[unrepresentable data]"


class Frame(object):
    """Base class of all ID3 frames.

    The fields of a frame are the names of the specs in ``_framespec`` and
    ``_optionalspec``. Construct a frame with the field values as keywords
    (or positionally, in ``_framespec`` order), or pass a single frame of
    this type to copy it. Frames compare by content where a class defines
    it, and are unhashable.
    """

    FLAG23_ALTERTAG = 0x8000
    FLAG23_ALTERFILE = 0x4000
    FLAG23_READONLY = 0x2000
    FLAG23_COMPRESS = 0x0080
    FLAG23_ENCRYPT = 0x0040
    FLAG23_GROUP = 0x0020

    FLAG24_ALTERTAG = 0x4000
    FLAG24_ALTERFILE = 0x2000
    FLAG24_READONLY = 0x1000
    FLAG24_GROUPID = 0x0040
    FLAG24_COMPRESS = 0x0008
    FLAG24_ENCRYPT = 0x0004
    FLAG24_UNSYNCH = 0x0002
    FLAG24_DATALEN = 0x0001

    _framespec: Sequence[Spec] = []
    _optionalspec: Sequence[Spec] = []

    def __init__(self, *args, **kwargs):
        if (len(args) == 1 and not kwargs and
                isinstance(args[0], type(self))):
            # copy construction: the source decides how its fields carry over
            args[0]._to_other(self)
            return

        for spec, value in zip(self._framespec, args):
            setattr(self, spec.name, value)
        for spec in self._framespec[len(args):]:
            setattr(self, spec.name, kwargs.get(spec.name, spec.default))
        # optional fields form a prefix: the first one missing ends them
        for spec in self._optionalspec:
            if spec.name not in kwargs:
                break
            setattr(self, spec.name, kwargs[spec.name])

    def __setattr__(self, name, value):
        for spec in self._framespec:
            if spec.name == name:
                self._setattr(name, spec.validate(self, value))
                return
        for spec in self._optionalspec:
            if spec.name == name:
                self._setattr(name, spec.validate(self, value))
                return
        super(Frame, self).__setattr__(name, value)

    def _setattr(self, name, value):
        """Store a field value as it is, without checking it."""

        object.__setattr__(self, name, value)

    def _to_other(self, other):
        """Copy this frame's fields into ``other``, a frame of a class with
        the very same field specs (ValueError otherwise)."""

        if self._framespec is not other._framespec:
            raise ValueError

        for spec in self._framespec:
            other._setattr(spec.name, getattr(self, spec.name))
        for spec in other._optionalspec:
            if hasattr(self, spec.name):
                other._setattr(spec.name, getattr(self, spec.name))

    def _merge_frame(self, other):
        """The frame that stands for this one and ``other`` (same HashKey)
        once both are in a tag; by default the newer one wins."""

        return other

    def _upgrade_frame(self):
        """This frame as a v2.3/2.4 frame: a v2.2 frame becomes an instance
        of the class it derives from (None if it has no such class); other
        frames are returned unchanged."""

        if len(type(self).__name__) != 3:
            return self
        target = type(self).__base__
        if target is Frame:
            return None
        return target(self)

    def _get_v23_frame(self, **kwargs):
        """A copy of this frame with every field as ID3v2.3 can store it;
        ``sep`` joins multiple text values when given."""

        values = {}
        for spec in self._framespec:
            values[spec.name] = spec._validate23(
                self, getattr(self, spec.name), **kwargs)
        for spec in self._optionalspec:
            if hasattr(self, spec.name):
                values[spec.name] = spec._validate23(
                    self, getattr(self, spec.name), **kwargs)
        return type(self)(**values)

    @property
    def HashKey(self):
        """The key of this frame in a tag: unique among the frames of the
        tag. Frames that may appear several times add their distinguishing
        fields to the frame ID."""

        return self.FrameID

    @property
    def FrameID(self):
        """The frame ID: the frame's class name (e.g. 'TIT2')."""

        return type(self).__name__

    def __repr__(self):
        fields = []
        for spec in self._framespec:
            if hasattr(self, spec.name):
                fields.append("%s=%r" % (spec.name, getattr(self, spec.name)))
        for spec in self._optionalspec:
            if hasattr(self, spec.name):
                fields.append("%s=%r" % (spec.name, getattr(self, spec.name)))
        return "%s(%s)" % (type(self).__name__, ", ".join(fields))

    def _readData(self, id3, data):
        """Set the fields from the frame body ``data``; returns the bytes
        left over. Bad data raises ID3JunkFrameError."""

        for spec in self._framespec:
            if not data and not spec.handle_nodata:
                raise ID3JunkFrameError("no data left")
            try:
                value, data = spec.read(id3, self, data)
            except SpecError as e:
                raise ID3JunkFrameError(str(e))
            self._setattr(spec.name, value)

        for spec in self._optionalspec:
            if not data and not spec.handle_nodata:
                break
            try:
                value, data = spec.read(id3, self, data)
            except SpecError as e:
                raise ID3JunkFrameError(str(e))
            self._setattr(spec.name, value)

        return data

    def _writeData(self, config=None):
        """The frame body as bytes, for the ID3 version of ``config``
        (an ID3SaveConfig; ID3v2.4 by default)."""

        if config is None:
            config = ID3SaveConfig()

        if config.v2_version == 3:
            frame = self._get_v23_frame(sep=config.v23_separator)
        else:
            frame = self

        parts = []
        try:
            for spec in self._framespec:
                parts.append(
                    spec.write(config, frame, getattr(frame, spec.name)))
            for spec in self._optionalspec:
                if not hasattr(frame, spec.name):
                    break
                parts.append(
                    spec.write(config, frame, getattr(frame, spec.name)))
        except (SpecError, UnicodeEncodeError) as e:
            raise error(str(e))
        return b"".join(parts)

    def pprint(self):
        """A one-line (or, for frames with sub-frames, indented
        multi-line) readable form: ``FRAMEID=<value>``."""

        return "%s=%s" % (type(self).__name__, self._pprint())

    def _pprint(self):
        """The readable value part of :meth:`pprint`."""

        return _UNREPRESENTABLE

    @classmethod
    def _fromData(cls, header, tflags, data):
        """A new frame of this class read from a frame body as stored in a
        tag with ID3 header ``header`` and frame flags ``tflags``."""

        version = tuple(header.version)
        flags = tflags
        if version >= (2, 4, 0):
            # a v2.4 tag header flag makes every frame unsynchronised
            if getattr(header, "f_unsynch", False):
                flags |= Frame.FLAG24_UNSYNCH
            active = flags & (
                Frame.FLAG24_UNSYNCH | Frame.FLAG24_DATALEN |
                Frame.FLAG24_COMPRESS | Frame.FLAG24_ENCRYPT)
        elif version >= (2, 3, 0):
            active = flags & (Frame.FLAG23_COMPRESS | Frame.FLAG23_ENCRYPT)
        else:
            active = 0

        if active:
            data = _unwrap_body(version, flags, data)

        frame = cls()
        frame._readData(header, data)
        return frame

    def __hash__(self):
        raise TypeError("Frame objects are unhashable")


def _unwrap_body(version, flags, data):
    """Undo the per-frame encodings flagged in ``flags`` (done by mtg-id3),
    mapping failures to the ID3 errors."""

    try:
        return _native.id3_unwrap_frame_body(version, flags, data)
    except (ID3JunkFrameError, ID3EncryptionUnsupportedError):
        raise
    except NotImplementedError as e:
        raise ID3EncryptionUnsupportedError(*e.args)
    except ValueError as e:
        raise ID3JunkFrameError(*e.args)


class CHAP(Frame):
    """Chapter: a section of the audio, given by start/end times (ms) and
    byte offsets, that carries its own frames in ``sub_frames``."""

    _framespec = [
        Latin1TextSpec("element_id"),
        SizedIntegerSpec("start_time", size=4, default=0),
        SizedIntegerSpec("end_time", size=4, default=0),
        SizedIntegerSpec("start_offset", size=4, default=0xffffffff),
        SizedIntegerSpec("end_offset", size=4, default=0xffffffff),
        ID3FramesSpec("sub_frames"),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.element_id)

    def __eq__(self, other):
        if not isinstance(other, CHAP):
            return False

        mine = (self.element_id, self.start_time, self.end_time,
                self.start_offset, self.end_offset,
                sorted(self.sub_frames.values()))
        theirs = (other.element_id, other.start_time, other.end_time,
                  other.start_offset, other.end_offset,
                  sorted(other.sub_frames.values()))
        return mine == theirs

    __hash__ = Frame.__hash__

    def _pprint(self):
        text = "%s time=%d..%d offset=%d..%d" % (
            self.element_id, self.start_time, self.end_time,
            self.start_offset, self.end_offset)
        for frame in self.sub_frames.values():
            text += "\n    " + frame.pprint()
        return text


class CTOC(Frame):
    """Table of contents: the element IDs of chapters (or nested tables),
    with flags marking the top-level table and whether order matters."""

    _framespec = [
        Latin1TextSpec("element_id"),
        CTOCFlagsSpec("flags", default=0),
        Latin1TextListSpec("child_element_ids"),
        ID3FramesSpec("sub_frames"),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.element_id)

    def __eq__(self, other):
        if not isinstance(other, CTOC):
            return False

        mine = (self.element_id, self.flags, self.child_element_ids,
                sorted(self.sub_frames.values()))
        theirs = (other.element_id, other.flags, other.child_element_ids,
                  sorted(other.sub_frames.values()))
        return mine == theirs

    __hash__ = Frame.__hash__

    def _pprint(self):
        text = "%s flags=%d child_element_ids=%s" % (
            self.element_id, self.flags,
            ",".join(self.child_element_ids))
        for frame in self.sub_frames.values():
            text += "\n    " + frame.pprint()
        return text


class TextFrame(Frame):
    """Base class of the text frames: ``text`` is a list of strings and
    ``encoding`` says how they are stored.

    The frame behaves like that list for indexing, iteration, ``append``
    and ``extend``; ``str()`` joins the values with NUL characters and the
    frame compares equal to that string, to its UTF-8 bytes and to the list.
    """

    _framespec = [
        EncodingSpec("encoding"),
        MultiSpec("text", EncodedTextSpec("text"), sep=u"\u0000", default=[]),
    ]

    def __bytes__(self):
        return str(self).encode("utf-8")

    def __str__(self):
        return u"\u0000".join(self.text)

    def __eq__(self, other):
        if isinstance(other, bytes):
            return bytes(self) == other
        elif isinstance(other, str):
            return str(self) == other
        return self.text == other

    __hash__ = Frame.__hash__

    def __getitem__(self, item):
        return self.text[item]

    def __iter__(self):
        return iter(self.text)

    def append(self, value):
        """Add one value to ``text`` (stored as given)."""

        return self.text.append(value)

    def extend(self, value):
        """Add several values to ``text`` (stored as given)."""

        return self.text.extend(value)

    def _merge_frame(self, other):
        # the union of both frames' values (first occurrence kept); when
        # values are added, in an encoding that can hold them all
        for value in other[:]:
            if value not in self.text:
                self.encoding = max(self.encoding, other.encoding)
                self.text.append(value)
        return self

    def _pprint(self):
        return " / ".join(self.text)


class NumericTextFrame(TextFrame):
    """Text frame whose value is an integer; ``+frame`` gives the first
    value as an int."""

    _framespec = [
        EncodingSpec("encoding"),
        MultiSpec("text", EncodedNumericTextSpec("text"), sep=u"\u0000",
                  default=[]),
    ]

    def __pos__(self):
        return int(self.text[0])


class NumericPartTextFrame(TextFrame):
    """Text frame holding ``N`` or ``N/M`` (a position in a set);
    ``+frame`` gives N as an int."""

    _framespec = [
        EncodingSpec("encoding"),
        MultiSpec("text", EncodedNumericPartTextSpec("text"), sep=u"\u0000",
                  default=[]),
    ]

    def __pos__(self):
        return int(self.text[0].split("/")[0])


class TimeStampTextFrame(TextFrame):
    """Text frame of ID3 timestamps (``text`` holds ID3TimeStamp objects);
    ``str()`` joins them with commas."""

    _framespec = [
        EncodingSpec("encoding"),
        MultiSpec("text", TimeStampSpec("stamp"), sep=u",", default=[]),
    ]

    def __bytes__(self):
        return str(self).encode("utf-8")

    def __str__(self):
        return u",".join([stamp.text for stamp in self.text])

    def _pprint(self):
        return u" / ".join([stamp.text for stamp in self.text])


class UrlFrame(Frame):
    """Base class of the link frames: ``url``, stored as Latin-1 text."""

    _framespec: Sequence[Spec] = [
        Latin1TextSpec("url"),
    ]

    def __bytes__(self):
        return self.url.encode("utf-8")

    def __str__(self):
        return self.url

    def __eq__(self, other):
        return self.url == other

    __hash__ = Frame.__hash__

    def _pprint(self):
        return self.url


class UrlFrameU(UrlFrame):
    """Link frame that may appear several times with different URLs (the
    URL is part of the HashKey)."""

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.url)


class TALB(TextFrame):
    "Album / movie / show title"


class TBPM(NumericTextFrame):
    "Tempo in beats per minute"


class TCOM(TextFrame):
    "Composer(s)"


# A genre entry of TCON: ID3v1-style references "(N)", "(CR)" and "(RX)"
# at its start, then optional free text (up to the end of the line).
_GENRE_ENTRY = _re.compile(r"((?:\((?:[0-9]+|CR|RX)\))*)(.+)?")
_GENRE_REF = _re.compile(r"\(([0-9]+|CR|RX)\)")
_GENRE_WORDS = {u"CR": u"Cover", u"RX": u"Remix"}


def _genre_name(number):
    """The ID3v1 genre name of a genre number ('Unknown' past the list)."""

    if number < len(_GENRES):
        return _GENRES[number]
    return u"Unknown"


def _parse_genres(values):
    """The genre names described by the text values of a TCON frame."""

    genres = []
    for value in values:
        pieces = [value] if value.isdecimal() else value.split(u"\u0000")
        for piece in pieces:
            if not piece:
                continue
            if piece.isdecimal():
                number = int(piece)
                # a bare number only counts if it fits an ID3v1 genre byte
                if number <= 255:
                    genres.append(_genre_name(number))
                else:
                    genres.append(piece)
                continue
            if piece in _GENRE_WORDS:
                genres.append(_GENRE_WORDS[piece])
                continue

            match = _GENRE_ENTRY.match(piece)
            refs, rest = match.group(1), match.group(2)
            found = []
            for ref in _GENRE_REF.findall(refs):
                if ref in _GENRE_WORDS:
                    found.append(_GENRE_WORDS[ref])
                else:
                    found.append(_genre_name(int(ref)))
            genres.extend(found)
            if rest:
                # "((" escapes a literal opening parenthesis
                if rest.startswith(u"(("):
                    rest = rest[1:]
                # free text repeating a referenced genre adds nothing
                if rest not in found:
                    genres.append(rest)
    return genres


def _plain_genres(values):
    """Whether ``_parse_genres(values) == values``: every value a genre name
    as it stands (non-empty, no number, reference, NUL or line break)."""

    for value in values:
        if not value or value.isdecimal() or value in _GENRE_WORDS or \
                u"(" in value or u"\u0000" in value or u"\n" in value:
            return False
    return True


class TCON(TextFrame):
    """Content type (genre).

    The raw text may mix free-form genre names with ID3v1 genre numbers,
    bare or in parentheses ("(17)Rock"), and "(CR)"/"(RX)" for cover and
    remix. ``genres`` gives the list of genre names this text describes;
    assigning a list of names (or one name) to it replaces the text.
    """

    GENRES = _GENRES

    def __decode(self, value):
        if isinstance(value, bytes):
            return value.decode(_CODECS[self.encoding])
        return value

    def __get_genres(self):
        return _parse_genres(self.text)

    def __set_genres(self, genres):
        if isinstance(genres, str):
            genres = [genres]
        self.text = [self.__decode(genre) for genre in genres]

    genres = property(
        __get_genres, __set_genres, None,
        "The list of genre names the frame's text describes.")

    def _pprint(self):
        return " / ".join(self.genres)


class TCOP(TextFrame):
    "Copyright (c) message"


class TCMP(NumericTextFrame):
    "iTunes compilation flag (1 if part of a compilation)"


class TDAT(TextFrame):
    "Date of recording as DDMM (ID3v2.3 only)"


class TDEN(TimeStampTextFrame):
    "Encoding time"


class TDES(TextFrame):
    "iTunes podcast description"


class TKWD(TextFrame):
    "iTunes podcast keywords"


class TCAT(TextFrame):
    "iTunes podcast category"


class MVNM(TextFrame):
    "iTunes movement name"


class MVIN(NumericPartTextFrame):
    "iTunes movement number (N or N/M)"


class GRP1(TextFrame):
    "iTunes grouping"


class TDOR(TimeStampTextFrame):
    "Original release time"


class TDLY(NumericTextFrame):
    "Playlist delay in milliseconds"


class TDRC(TimeStampTextFrame):
    "Recording time"


class TDRL(TimeStampTextFrame):
    "Release time"


class TDTG(TimeStampTextFrame):
    "Tagging time"


class TENC(TextFrame):
    "Encoded by (person or organisation)"


class TEXT(TextFrame):
    "Lyricist / text writer"


class TFLT(TextFrame):
    "Audio file type"


class TGID(TextFrame):
    "iTunes podcast identifier"


class TIME(TextFrame):
    "Time of recording as HHMM (ID3v2.3 only)"


class TIT1(TextFrame):
    "Content group description"


class TIT2(TextFrame):
    "Title / song name / content description"


class TIT3(TextFrame):
    "Subtitle / description refinement"


class TKEY(TextFrame):
    "Initial musical key"


class TLAN(TextFrame):
    "Language(s) of the audio, as ISO 639-2 codes"


class TLEN(NumericTextFrame):
    "Audio length in milliseconds"


class TMED(TextFrame):
    "Media type the audio came from"


class TMOO(TextFrame):
    "Mood"


class TOAL(TextFrame):
    "Original album / movie / show title"


class TOFN(TextFrame):
    "Original file name"


class TOLY(TextFrame):
    "Original lyricist(s) / text writer(s)"


class TOPE(TextFrame):
    "Original artist(s) / performer(s)"


class TORY(NumericTextFrame):
    "Original release year (ID3v2.3 only)"


class TOWN(TextFrame):
    "File owner / licensee"


class TPE1(TextFrame):
    "Lead performer(s) / soloist(s)"


class TPE2(TextFrame):
    "Band / orchestra / accompaniment (often used for the album artist)"


class TPE3(TextFrame):
    "Conductor"


class TPE4(TextFrame):
    "Interpreted, remixed or otherwise modified by"


class TPOS(NumericPartTextFrame):
    "Part of a set: disc number, as N or N/M"


class TPRO(TextFrame):
    "Production copyright (P) notice"


class TPUB(TextFrame):
    "Publisher"


class TRCK(NumericPartTextFrame):
    "Track number, as N or N/M"


class TRDA(TextFrame):
    "Recording dates (ID3v2.3 only)"


class TRSN(TextFrame):
    "Internet radio station name"


class TRSO(TextFrame):
    "Internet radio station owner"


class TSIZ(NumericTextFrame):
    "Audio size in bytes (ID3v2.3 only)"


class TSO2(TextFrame):
    "iTunes album artist sort order"


class TSOA(TextFrame):
    "Album sort order"


class TSOC(TextFrame):
    "iTunes composer sort order"


class TSOP(TextFrame):
    "Performer sort order"


class TSOT(TextFrame):
    "Title sort order"


class TSRC(TextFrame):
    "International Standard Recording Code (ISRC)"


class TSSE(TextFrame):
    "Software / hardware and settings used for encoding"


class TSST(TextFrame):
    "Set subtitle"


class TYER(NumericTextFrame):
    "Year of recording (ID3v2.3 only)"


class TXXX(TextFrame):
    """User-defined text: ``desc`` names the value, so a tag can hold one
    TXXX per description."""

    _framespec = [
        EncodingSpec("encoding"),
        EncodedTextSpec("desc"),
        MultiSpec("text", EncodedTextSpec("text"), sep=u"\u0000", default=[]),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.desc)

    def _pprint(self):
        return "%s=%s" % (self.desc, " / ".join(self.text))


class WCOM(UrlFrameU):
    "Commercial information URL"


class WCOP(UrlFrame):
    "Copyright / legal information URL"


class WFED(UrlFrame):
    "iTunes podcast feed URL"


class WOAF(UrlFrame):
    "Official web page of the audio file"


class WOAR(UrlFrameU):
    "Official web page of the artist / performer"


class WOAS(UrlFrame):
    "Official web page of the audio source"


class WORS(UrlFrame):
    "Official home page of the internet radio station"


class WPAY(UrlFrame):
    "Payment URL"


class WPUB(UrlFrame):
    "Official web page of the publisher"


class WXXX(UrlFrame):
    """User-defined URL: ``desc`` names the link, so a tag can hold one
    WXXX per description."""

    _framespec = [
        EncodingSpec("encoding"),
        EncodedTextSpec("desc"),
        Latin1TextSpec("url"),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.desc)


class PairedTextFrame(Frame):
    """Base class of the credit-list frames: ``people`` is a list of
    [involvement, person] pairs."""

    _framespec = [
        EncodingSpec("encoding"),
        MultiSpec("people",
                  EncodedTextSpec("involvement"),
                  EncodedTextSpec("person"), default=[]),
    ]

    def __eq__(self, other):
        return self.people == other

    __hash__ = Frame.__hash__


class TIPL(PairedTextFrame):
    "Involved people list: [role, person] pairs"


class TMCL(PairedTextFrame):
    "Musician credits list: [instrument, person] pairs"


class IPLS(TIPL):
    "Involved people list (ID3v2.3 only)"


class BinaryFrame(Frame):
    """Base class of frames whose body is opaque bytes (``data``)."""

    _framespec = [BinaryDataSpec("data")]

    def __eq__(self, other):
        return self.data == other

    __hash__ = Frame.__hash__


class MCDI(BinaryFrame):
    "Music CD identifier: the CD's table of contents as binary data"


class ETCO(Frame):
    """Event timing codes: ``events`` is a list of (event type, time) with
    times in the unit given by ``format``."""

    _framespec = [
        ByteSpec("format", default=1),
        KeyEventSpec("events", default=[]),
    ]

    def __eq__(self, other):
        return self.events == other

    __hash__ = Frame.__hash__


class MLLT(Frame):
    """MPEG location lookup table: deviations from the stated frames /
    bytes / milliseconds steps, kept as raw ``data``."""

    _framespec = [
        SizedIntegerSpec("frames", size=2, default=0),
        SizedIntegerSpec("bytes", size=3, default=0),
        SizedIntegerSpec("milliseconds", size=3, default=0),
        ByteSpec("bits_for_bytes", default=0),
        ByteSpec("bits_for_milliseconds", default=0),
        BinaryDataSpec("data"),
    ]

    def __eq__(self, other):
        return self.data == other

    __hash__ = Frame.__hash__


class SYTC(Frame):
    """Synchronised tempo codes, kept as raw ``data``."""

    _framespec = [
        ByteSpec("format", default=1),
        BinaryDataSpec("data"),
    ]

    def __eq__(self, other):
        return self.data == other

    __hash__ = Frame.__hash__


class USLT(Frame):
    """Unsynchronised lyrics / text transcription, one per language and
    description."""

    _framespec = [
        EncodingSpec("encoding"),
        StringSpec("lang", length=3, default=u"XXX"),
        EncodedTextSpec("desc"),
        EncodedTextSpec("text"),
    ]

    @property
    def HashKey(self):
        return "%s:%s:%s" % (self.FrameID, self.desc, self.lang)

    def __bytes__(self):
        return self.text.encode("utf-8")

    def __str__(self):
        return self.text

    def __eq__(self, other):
        return self.text == other

    __hash__ = Frame.__hash__

    def _pprint(self):
        return "%s=%s=%s" % (self.desc, self.lang, self.text)


class SYLT(Frame):
    """Synchronised lyrics / text: ``text`` is a list of (text, time) with
    times in MPEG frames (``format`` 1) or milliseconds (``format`` 2)."""

    _framespec = [
        EncodingSpec("encoding"),
        StringSpec("lang", length=3, default=u"XXX"),
        ByteSpec("format", default=1),
        ByteSpec("type", default=0),
        EncodedTextSpec("desc"),
        SynchronizedTextSpec("text"),
    ]

    @property
    def HashKey(self):
        return "%s:%s:%s" % (self.FrameID, self.desc, self.lang)

    def _pprint(self):
        return str(self)

    def __eq__(self, other):
        return str(self) == other

    __hash__ = Frame.__hash__

    def __str__(self):
        unit = "fr" if self.format == 1 else "ms"
        return u"\n".join(
            [u"[%s%s]: %s" % (time, unit, text) for (text, time) in self.text])

    def __bytes__(self):
        return str(self).encode("utf-8")


class COMM(TextFrame):
    """Comment: ``text`` values with a language and a description, one
    frame per (description, language)."""

    _framespec = [
        EncodingSpec("encoding"),
        StringSpec("lang", length=3, default="XXX"),
        EncodedTextSpec("desc"),
        MultiSpec("text", EncodedTextSpec("text"), sep=u"\u0000", default=[]),
    ]

    @property
    def HashKey(self):
        return "%s:%s:%s" % (self.FrameID, self.desc, self.lang)

    def _pprint(self):
        return "%s=%s=%s" % (self.desc, self.lang, " / ".join(self.text))


class RVA2(Frame):
    """Relative volume adjustment (2): ``gain`` in dB and ``peak`` volume
    for one ``channel``; ``desc`` identifies the adjustment (e.g. 'track'
    or 'album' for ReplayGain)."""

    _framespec = [
        Latin1TextSpec("desc"),
        ChannelSpec("channel", default=1),
        VolumeAdjustmentSpec("gain", default=1),
        VolumePeakSpec("peak", default=1),
    ]

    # readable names of the channel numbers
    _channels = ["Other", "Master volume", "Front right", "Front left",
                 "Back right", "Back left", "Front centre", "Back centre",
                 "Subwoofer"]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.desc)

    def __eq__(self, other):
        return str(self) == other

    __hash__ = Frame.__hash__

    def __str__(self):
        return "%s: %+0.4f dB/%0.4f" % (
            self._channels[self.channel], self.gain, self.peak)


class EQU2(Frame):
    """Equalisation (2): ``adjustments`` is a list of (frequency in Hz,
    adjustment in dB); ``method`` says how to interpolate between them."""

    _framespec = [
        ByteSpec("method", default=0),
        Latin1TextSpec("desc"),
        VolumeAdjustmentsSpec("adjustments", default=[]),
    ]

    def __eq__(self, other):
        return self.adjustments == other

    __hash__ = Frame.__hash__

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.desc)


class RVAD(Frame):
    """Relative volume adjustment (ID3v2.3 only): raw ``adjustments`` for
    the stereo channels and optionally the surround ones."""

    _framespec = [
        RVASpec("adjustments", stereo_only=False),
    ]

    def __eq__(self, other):
        if not isinstance(other, RVAD):
            return False
        return self.adjustments == other.adjustments

    __hash__ = Frame.__hash__


class RVRB(Frame):
    """Reverb settings: delays (ms), bounces, feedback and premix
    values."""

    _framespec = [
        SizedIntegerSpec("left", size=2, default=0),
        SizedIntegerSpec("right", size=2, default=0),
        ByteSpec("bounce_left", default=0),
        ByteSpec("bounce_right", default=0),
        ByteSpec("feedback_ltl", default=0),
        ByteSpec("feedback_ltr", default=0),
        ByteSpec("feedback_rtr", default=0),
        ByteSpec("feedback_rtl", default=0),
        ByteSpec("premix_ltr", default=0),
        ByteSpec("premix_rtl", default=0),
    ]

    def __eq__(self, other):
        return (self.left, self.right) == other

    __hash__ = Frame.__hash__


class _ImageInFile(object):
    """``APIC.data`` of a picture loaded from a path: the image bytes stay in
    the file until first asked for. The frame then holds ``_image_source``,
    (path, offset, length, fingerprint of the file when loaded); the bytes
    are read from a file that still has that fingerprint, else looked up in
    the tag the file holds now (same description, MIME type and picture
    type)."""

    def __get__(self, obj, cls=None):
        if obj is None:
            raise AttributeError(
                "type object %r has no attribute 'data'" % cls.__name__)
        d = obj.__dict__
        source = d.get("_image_source")
        if source is None:
            raise AttributeError(
                "%r object has no attribute 'data'" % type(obj).__name__)
        data = _native.file_range_if_unchanged(*source)
        if data is None:
            data = _find_image_again(obj, source[0])
        del d["_image_source"]
        d["data"] = data
        return data


def _find_image_again(frame, path):
    """The image of the picture like ``frame`` in the tag ``path`` holds
    now (the file changed after the tag was loaded)."""

    from ._file import ID3

    for other in ID3(path).getall("APIC"):
        if (other.desc, other.mime, other.type, other.encoding) == (
                frame.desc, frame.mime, frame.type, frame.encoding):
            return other.data
    raise error("%r changed: the picture is no longer in it" % (path,))


class APIC(Frame):
    """Attached picture: image ``data`` with its ``mime`` type, picture
    ``type`` (a PictureType) and a description; one per description."""

    data = _ImageInFile()

    _framespec = [
        EncodingSpec("encoding"),
        Latin1TextSpec("mime"),
        PictureTypeSpec("type"),
        EncodedTextSpec("desc"),
        BinaryDataSpec("data"),
    ]

    # appended to the HashKey to keep pictures with equal descriptions apart
    salt = ""

    def __eq__(self, other):
        return self.data == other

    __hash__ = Frame.__hash__

    @property
    def HashKey(self):
        return "%s:%s%s" % (self.FrameID, self.desc, self.salt)

    def _merge_frame(self, other):
        # keep both pictures: give the newcomer a different key
        other.salt += " "
        return other

    def _pprint(self):
        kind = self.type
        if hasattr(kind, "_pprint"):
            kind = kind._pprint()
        return "%s, %s (%s, %d bytes)" % (
            kind, self.desc, self.mime, len(self.data))


class PCNT(Frame):
    """Play counter: how often the file was played (``+frame``)."""

    _framespec = [
        IntegerSpec("count", default=0),
    ]

    def __eq__(self, other):
        return self.count == other

    __hash__ = Frame.__hash__

    def __pos__(self):
        return self.count

    def _pprint(self):
        return str(self.count)


class PCST(Frame):
    """iTunes podcast flag (``value``, normally 0)."""

    _framespec = [
        IntegerSpec("value", default=0),
    ]

    def __eq__(self, other):
        return self.value == other

    __hash__ = Frame.__hash__

    def __pos__(self):
        return self.value

    def _pprint(self):
        return str(self.value)


class POPM(Frame):
    """Popularimeter: a 0-255 ``rating`` (``+frame``) by the user named by
    ``email``, and optionally a play ``count``; one per email."""

    _framespec = [
        Latin1TextSpec("email"),
        ByteSpec("rating", default=0),
    ]

    _optionalspec = [
        IntegerSpec("count", default=0),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.email)

    def __eq__(self, other):
        return self.rating == other

    __hash__ = Frame.__hash__

    def __pos__(self):
        return self.rating

    def _pprint(self):
        return "%s=%r %r/255" % (
            self.email, getattr(self, "count", None), self.rating)


class GEOB(Frame):
    """General encapsulated object: a file of any type (``data``) with its
    mime type, file name and a description; one per description."""

    _framespec = [
        EncodingSpec("encoding"),
        Latin1TextSpec("mime"),
        EncodedTextSpec("filename"),
        EncodedTextSpec("desc"),
        BinaryDataSpec("data"),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.desc)

    def __eq__(self, other):
        return self.data == other

    __hash__ = Frame.__hash__


class RBUF(Frame):
    """Recommended buffer size (``+frame``), optionally with an info flag
    and the offset to the next tag."""

    _framespec = [
        SizedIntegerSpec("size", size=3, default=0),
    ]

    _optionalspec = [
        ByteSpec("info", default=0),
        SizedIntegerSpec("offset", size=4, default=0),
    ]

    def __eq__(self, other):
        return self.size == other

    __hash__ = Frame.__hash__

    def __pos__(self):
        return self.size


class AENC(Frame):
    """Audio encryption: who encrypted the audio (``owner``), the
    unencrypted preview range and extra ``data``; one per owner."""

    _framespec = [
        Latin1TextSpec("owner"),
        SizedIntegerSpec("preview_start", size=2, default=0),
        SizedIntegerSpec("preview_length", size=2, default=0),
        BinaryDataSpec("data"),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.owner)

    def __bytes__(self):
        return self.owner.encode("utf-8")

    def __str__(self):
        return self.owner

    def __eq__(self, other):
        return self.owner == other

    __hash__ = Frame.__hash__


class LINK(Frame):
    """Linked information: a frame (``frameid``) to be fetched from
    ``url``, with extra identifying ``data``."""

    _framespec = [
        FrameIDSpec("frameid", length=4),
        Latin1TextSpec("url"),
        BinaryDataSpec("data"),
    ]

    @property
    def HashKey(self):
        return "%s:%s:%s:%s" % (
            self.FrameID, self.frameid, self.url, _bytes2key(self.data))

    def __eq__(self, other):
        return (self.frameid, self.url, self.data) == other

    __hash__ = Frame.__hash__


class POSS(Frame):
    """Position synchronisation: the playback ``position`` (``+frame``) in
    the unit given by ``format``."""

    _framespec = [
        ByteSpec("format", default=1),
        IntegerSpec("position", default=0),
    ]

    def __pos__(self):
        return self.position

    def __eq__(self, other):
        return self.position == other

    __hash__ = Frame.__hash__


class UFID(Frame):
    """Unique file identifier: an identifier (``data``) issued by the
    database named by ``owner``; one per owner."""

    _framespec = [
        Latin1TextSpec("owner"),
        BinaryDataSpec("data"),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.owner)

    def __eq__(self, other):
        return self.data == other

    __hash__ = Frame.__hash__

    def _pprint(self):
        return "%s=%r" % (self.owner, self.data)


class USER(Frame):
    """Terms of use, in one language."""

    _framespec = [
        EncodingSpec("encoding"),
        StringSpec("lang", length=3, default=u"XXX"),
        EncodedTextSpec("text"),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.lang)

    def __bytes__(self):
        return self.text.encode("utf-8")

    def __str__(self):
        return self.text

    def __eq__(self, other):
        return self.text == other

    __hash__ = Frame.__hash__

    def _pprint(self):
        return "%r=%s" % (self.lang, self.text)


class OWNE(Frame):
    """Ownership: the price paid, the purchase date (YYYYMMDD) and the
    seller."""

    _framespec = [
        EncodingSpec("encoding"),
        Latin1TextSpec("price"),
        StringSpec("date", length=8, default=u"19700101"),
        EncodedTextSpec("seller"),
    ]

    def __bytes__(self):
        return self.seller.encode("utf-8")

    def __str__(self):
        return self.seller

    def __eq__(self, other):
        return self.seller == other

    __hash__ = Frame.__hash__


class COMR(Frame):
    """Commercial frame: an offer to buy the audio (price, validity,
    contact, seller, description and an optional seller logo)."""

    _framespec = [
        EncodingSpec("encoding"),
        Latin1TextSpec("price"),
        StringSpec("valid_until", length=8, default=u"19700101"),
        Latin1TextSpec("contact"),
        ByteSpec("format", default=0),
        EncodedTextSpec("seller"),
        EncodedTextSpec("desc"),
    ]

    _optionalspec = [
        Latin1TextSpec("mime"),
        BinaryDataSpec("logo"),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, _bytes2key(self._writeData()))

    def __eq__(self, other):
        return self._writeData() == other._writeData()

    __hash__ = Frame.__hash__


class ENCR(Frame):
    """Encryption method registration: the ``method`` symbol that frames
    encrypted by ``owner`` carry, with extra ``data``."""

    _framespec = [
        Latin1TextSpec("owner"),
        ByteSpec("method", default=0x80),
        BinaryDataSpec("data"),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.owner)

    def __bytes__(self):
        return self.data

    def __eq__(self, other):
        return self.data == other

    __hash__ = Frame.__hash__


class GRID(Frame):
    """Group identification registration: the ``group`` symbol
    (``+frame``) registered by ``owner``, with extra ``data``."""

    _framespec = [
        Latin1TextSpec("owner"),
        ByteSpec("group", default=0x80),
        BinaryDataSpec("data"),
    ]

    @property
    def HashKey(self):
        return "%s:%s" % (self.FrameID, self.group)

    def __pos__(self):
        return self.group

    def __bytes__(self):
        return self.owner.encode("utf-8")

    def __str__(self):
        return self.owner

    def __eq__(self, other):
        return self.owner == other or self.group == other

    __hash__ = Frame.__hash__


class PRIV(Frame):
    """Private data (``data``) for the application named by ``owner``."""

    _framespec = [
        Latin1TextSpec("owner"),
        BinaryDataSpec("data"),
    ]

    @property
    def HashKey(self):
        return "%s:%s:%s" % (
            self.FrameID, self.owner, _bytes2key(self.data))

    def __bytes__(self):
        return self.data

    def __eq__(self, other):
        return self.data == other

    def _pprint(self):
        return "%s=%r" % (self.owner, self.data)

    __hash__ = Frame.__hash__


class SIGN(Frame):
    """Signature (``sig``) of the frames of the registered ``group``."""

    _framespec = [
        ByteSpec("group", default=0x80),
        BinaryDataSpec("sig"),
    ]

    @property
    def HashKey(self):
        return "%s:%s:%s" % (self.FrameID, self.group, _bytes2key(self.sig))

    def __bytes__(self):
        return self.sig

    def __eq__(self, other):
        return self.sig == other

    __hash__ = Frame.__hash__


class SEEK(Frame):
    """Seek frame: the distance in bytes to the next tag (``+frame``)."""

    _framespec = [
        IntegerSpec("offset", default=0),
    ]

    def __pos__(self):
        return self.offset

    def __eq__(self, other):
        return self.offset == other

    __hash__ = Frame.__hash__


class ASPI(Frame):
    """Audio seek point index: ``N`` seek points (``Fi``) for the
    ``L`` bytes of audio starting at ``S``, each ``b`` bits wide."""

    _framespec = [
        SizedIntegerSpec("S", size=4, default=0),
        SizedIntegerSpec("L", size=4, default=0),
        SizedIntegerSpec("N", size=2, default=0),
        ByteSpec("b", default=0),
        ASPIIndexSpec("Fi", default=[]),
    ]

    def __eq__(self, other):
        return self.Fi == other

    __hash__ = Frame.__hash__


# ID3v2.2 frames: each derives from the frame it becomes in ID3v2.3/2.4.

class MVN(MVNM):
    "iTunes movement name (ID3v2.2)"


class MVI(MVIN):
    "iTunes movement number (ID3v2.2)"


class GP1(GRP1):
    "iTunes grouping (ID3v2.2)"


class UFI(UFID):
    "Unique file identifier (ID3v2.2)"


class TT1(TIT1):
    "Content group description (ID3v2.2)"


class TT2(TIT2):
    "Title (ID3v2.2)"


class TT3(TIT3):
    "Subtitle / description refinement (ID3v2.2)"


class TP1(TPE1):
    "Lead performer(s) (ID3v2.2)"


class TP2(TPE2):
    "Band / orchestra / accompaniment (ID3v2.2)"


class TP3(TPE3):
    "Conductor (ID3v2.2)"


class TP4(TPE4):
    "Interpreted, remixed or otherwise modified by (ID3v2.2)"


class TCM(TCOM):
    "Composer(s) (ID3v2.2)"


class TXT(TEXT):
    "Lyricist / text writer (ID3v2.2)"


class TLA(TLAN):
    "Language(s) (ID3v2.2)"


class TCO(TCON):
    "Content type / genre (ID3v2.2)"


class TAL(TALB):
    "Album title (ID3v2.2)"


class TPA(TPOS):
    "Part of a set (ID3v2.2)"


class TRK(TRCK):
    "Track number (ID3v2.2)"


class TRC(TSRC):
    "ISRC (ID3v2.2)"


class TYE(TYER):
    "Year of recording (ID3v2.2)"


class TDA(TDAT):
    "Date of recording as DDMM (ID3v2.2)"


class TIM(TIME):
    "Time of recording as HHMM (ID3v2.2)"


class TRD(TRDA):
    "Recording dates (ID3v2.2)"


class TMT(TMED):
    "Media type (ID3v2.2)"


class TFT(TFLT):
    "Audio file type (ID3v2.2)"


class TBP(TBPM):
    "Tempo in beats per minute (ID3v2.2)"


class TCP(TCMP):
    "iTunes compilation flag (ID3v2.2)"


class TCR(TCOP):
    "Copyright message (ID3v2.2)"


class TPB(TPUB):
    "Publisher (ID3v2.2)"


class TEN(TENC):
    "Encoded by (ID3v2.2)"


class TST(TSOT):
    "Title sort order (ID3v2.2)"


class TSA(TSOA):
    "Album sort order (ID3v2.2)"


class TS2(TSO2):
    "iTunes album artist sort order (ID3v2.2)"


class TSP(TSOP):
    "Performer sort order (ID3v2.2)"


class TSC(TSOC):
    "iTunes composer sort order (ID3v2.2)"


class TSS(TSSE):
    "Encoding software / hardware and settings (ID3v2.2)"


class TOF(TOFN):
    "Original file name (ID3v2.2)"


class TLE(TLEN):
    "Audio length in milliseconds (ID3v2.2)"


class TSI(TSIZ):
    "Audio size in bytes (ID3v2.2)"


class TDY(TDLY):
    "Playlist delay in milliseconds (ID3v2.2)"


class TKE(TKEY):
    "Initial musical key (ID3v2.2)"


class TOT(TOAL):
    "Original album title (ID3v2.2)"


class TOA(TOPE):
    "Original artist(s) / performer(s) (ID3v2.2)"


class TOL(TOLY):
    "Original lyricist(s) / text writer(s) (ID3v2.2)"


class TOR(TORY):
    "Original release year (ID3v2.2)"


class TXX(TXXX):
    "User-defined text (ID3v2.2)"


class WAF(WOAF):
    "Official web page of the audio file (ID3v2.2)"


class WAR(WOAR):
    "Official web page of the artist / performer (ID3v2.2)"


class WAS(WOAS):
    "Official web page of the audio source (ID3v2.2)"


class WCM(WCOM):
    "Commercial information URL (ID3v2.2)"


class WCP(WCOP):
    "Copyright / legal information URL (ID3v2.2)"


class WPB(WPUB):
    "Official web page of the publisher (ID3v2.2)"


class WXX(WXXX):
    "User-defined URL (ID3v2.2)"


class IPL(IPLS):
    "Involved people list (ID3v2.2)"


class MCI(MCDI):
    "Music CD identifier (ID3v2.2)"


class ETC(ETCO):
    "Event timing codes (ID3v2.2)"


class MLL(MLLT):
    "MPEG location lookup table (ID3v2.2)"


class STC(SYTC):
    "Synchronised tempo codes (ID3v2.2)"


class ULT(USLT):
    "Unsynchronised lyrics / text transcription (ID3v2.2)"


class SLT(SYLT):
    "Synchronised lyrics / text (ID3v2.2)"


class COM(COMM):
    "Comment (ID3v2.2)"


class RVA(RVAD):
    "Relative volume adjustment (ID3v2.2)"

    _framespec = [
        RVASpec("adjustments", stereo_only=True),
    ]

    def _to_other(self, other):
        if not isinstance(other, RVAD):
            raise TypeError

        other.adjustments = list(self.adjustments)


class REV(RVRB):
    "Reverb (ID3v2.2)"


class PIC(APIC):
    """Attached picture (ID3v2.2): like APIC, but the image format is a
    three-letter code (e.g. 'JPG', 'PNG') instead of a mime type."""

    _framespec = [
        EncodingSpec("encoding"),
        StringSpec("mime", length=3, default="JPG"),
        PictureTypeSpec("type"),
        EncodedTextSpec("desc"),
        BinaryDataSpec("data"),
    ]

    def _to_other(self, other):
        if not isinstance(other, APIC):
            raise TypeError

        # fields go through the target's checks: its mime spec differs
        other.encoding = self.encoding
        other.mime = self.mime
        other.type = self.type
        other.desc = self.desc
        other.data = self.data


class GEO(GEOB):
    "General encapsulated object (ID3v2.2)"


class CNT(PCNT):
    "Play counter (ID3v2.2)"


class POP(POPM):
    "Popularimeter (ID3v2.2)"


class BUF(RBUF):
    "Recommended buffer size (ID3v2.2)"


class CRM(Frame):
    """Encrypted meta frame (ID3v2.2 only; no ID3v2.3/2.4 counterpart):
    encrypted ``data`` with the ``owner`` and a description."""

    _framespec = [
        Latin1TextSpec("owner"),
        Latin1TextSpec("desc"),
        BinaryDataSpec("data"),
    ]

    def __eq__(self, other):
        return self.data == other

    __hash__ = Frame.__hash__


class CRA(AENC):
    "Audio encryption (ID3v2.2)"


class LNK(LINK):
    """Linked information (ID3v2.2): the linked frame ID has three
    characters; upgrading to LINK maps it to its v2.3/2.4 ID."""

    _framespec = [
        FrameIDSpec("frameid", length=3),
        Latin1TextSpec("url"),
        BinaryDataSpec("data"),
    ]

    def _to_other(self, other):
        if not isinstance(other, LINK):
            raise TypeError

        if isinstance(other, LNK):
            new_frameid = self.frameid
        else:
            try:
                new_frameid = Frames_2_2[self.frameid].__bases__[0].__name__
            except KeyError:
                # unknown v2.2 ID: pad it to four characters
                new_frameid = self.frameid.ljust(4)

        # the new ID may not be a valid one: store it unchecked
        other._setattr("frameid", new_frameid)
        other.url = self.url
        other.data = self.data


def _collect_frames():
    four, three = {}, {}
    for name, obj in list(globals().items()):
        if isinstance(obj, type) and issubclass(obj, Frame):
            # the public path of the frame classes
            obj.__module__ = "mutagen_rs.id3"
            if len(name) == 4 and name.isupper():
                four[name] = obj
            elif len(name) == 3 and name.isupper():
                three[name] = obj
    return four, three


Frames, Frames_2_2 = _collect_frames()
"""Frames: every ID3v2.3/2.4 frame class by frame ID.
Frames_2_2: every ID3v2.2 frame class by frame ID."""

del _collect_frames
