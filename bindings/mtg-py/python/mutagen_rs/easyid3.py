"""Easier access to ID3 tags: plain text keys instead of frames.

:class:`EasyID3` looks like a dict of lists of strings, as Vorbis comments
do ('title', 'artist', 'date', ...). Each key maps to functions that read,
write, delete (and for pattern keys such as ``performer:*`` list) the ID3
frames behind it. New keys are added with :meth:`EasyID3.RegisterKey`,
:meth:`EasyID3.RegisterTextKey` and :meth:`EasyID3.RegisterTXXXKey`.
"""

from functools import partial
from typing import Callable, Dict

import mutagen_rs
import mutagen_rs.id3
from mutagen_rs import Metadata
from mutagen_rs._util import DictMixin, DictProxy, dict_match, loadfile
from mutagen_rs.id3 import ID3, error, delete, ID3FileType


__all__ = ['EasyID3', 'Open', 'delete']

# what a frame missing from a dict is told apart by (a stored value may be
# anything, None included)
_ABSENT = object()
# how a text frame lists its values
_TEXT_ITER = mutagen_rs.id3.TextFrame.__iter__


class EasyID3KeyError(KeyError, ValueError, error):
    """A key EasyID3 has no mapping for (it is both a KeyError and a
    ValueError, as earlier versions raised one or the other)."""


class EasyID3(DictMixin, Metadata):
    """EasyID3(filething=None)

    An ID3 tag seen as a dict of lists of strings.

    Keys are case-insensitive. A value set as a single string becomes a
    one-element list. Keys without a mapping raise EasyID3KeyError; the
    class attributes ``GetFallback``, ``SetFallback``, ``DeleteFallback``
    and ``ListFallback`` may name functions to use for them instead.
    ``valid_keys`` is the dict of keys (and key patterns) that have a
    mapping.

    The tag underneath is an :class:`mutagen_rs.id3.ID3`; ``load``,
    ``delete``, ``filename`` and ``size`` are those of that tag.
    """

    Set: Dict[str, Callable] = {}
    Get: Dict[str, Callable] = {}
    Delete: Dict[str, Callable] = {}
    List: Dict[str, Callable] = {}

    # the same dict as Get
    valid_keys = Get

    GetFallback = None
    SetFallback = None
    DeleteFallback = None
    ListFallback = None

    @classmethod
    def RegisterKey(cls, key,
                    getter=None, setter=None, deleter=None, lister=None):
        """Register the functions behind a key.

        ``key`` may be an fnmatch pattern ('performer:*'). The functions are
        called as ``getter(id3, key)``, ``setter(id3, key, value)``,
        ``deleter(id3, key)`` and ``lister(id3, key)`` with the ID3 tag and
        the key as the user wrote it; ``value`` is a list of strings.
        Getters return a list of strings, listers the keys present (for a
        pattern key). Getters and deleters raise KeyError for an absent key.
        Arguments left None keep what is registered already.
        """

        key = key.lower()
        if getter is not None:
            cls.Get[key] = getter
        if setter is not None:
            cls.Set[key] = setter
        if deleter is not None:
            cls.Delete[key] = deleter
        if lister is not None:
            cls.List[key] = lister

    @classmethod
    def RegisterTextKey(cls, key, frameid):
        """Map ``key`` to the text frame ``frameid`` (e.g. 'TIT2'): all of
        its values are the key's values. Setting stores UTF-8 text.
        """

        def getter(id3, key):
            return list(id3[frameid])

        getter._frame_key = frameid

        def setter(id3, key, value):
            try:
                frame = id3[frameid]
            except KeyError:
                id3.add(mutagen_rs.id3.Frames[frameid](encoding=3, text=value))
            else:
                frame.encoding = 3
                frame.text = value

        def deleter(id3, key):
            del id3[frameid]

        cls.RegisterKey(key, getter, setter, deleter)

    @classmethod
    def RegisterTXXXKey(cls, key, desc):
        """Map ``key`` to the user text frame (TXXX) with description
        ``desc``. Setting stores Latin-1 text when all values are ASCII,
        UTF-8 text otherwise.
        """

        frameid = "TXXX:" + desc

        def getter(id3, key):
            return list(id3[frameid])

        getter._frame_key = frameid

        def setter(id3, key, value):
            enc = 0
            # only ASCII is stored as Latin-1; anything else as UTF-8
            for v in value:
                for char in v:
                    if char > u"\x7f":
                        enc = 3
                        break
                if enc == 3:
                    break

            id3.add(mutagen_rs.id3.TXXX(encoding=enc, text=value, desc=desc))

        def deleter(id3, key):
            del id3[frameid]

        cls.RegisterKey(key, getter, setter, deleter)

    def __init__(self, filename=None):
        self.__id3 = ID3()
        if filename is not None:
            self.load(filename)

    load = property(lambda s: s.__id3.load,
                    lambda s, v: setattr(s.__id3, 'load', v))

    @loadfile(writable=True, create=True)
    def save(self, filething=None, v1=1, v2_version=4, v23_sep='/',
             padding=None):
        """save(filething=None, v1=1, v2_version=4, v23_sep='/', padding=None)

        Save the tag; the arguments are those of
        :meth:`mutagen_rs.id3.ID3.save`. With ``v2_version`` 3 the frames
        are converted to ID3v2.3 for the write only: the tag keeps its
        frames.
        """

        target = dict(fileobj=filething.fileobj, filename=filething.filename)
        if v2_version == 3:
            # convert a snapshot's worth of frames, then put them back
            backup = self.__id3._copy()
            try:
                self.__id3.update_to_v23()
                self.__id3.save(
                    v1=v1, v2_version=v2_version, v23_sep=v23_sep,
                    padding=padding, **target)
            finally:
                self.__id3._restore(backup)
        else:
            self.__id3.save(v1=v1, v2_version=v2_version, v23_sep=v23_sep,
                            padding=padding, **target)

    delete = property(lambda s: s.__id3.delete,
                      lambda s, v: setattr(s.__id3, 'delete', v))

    filename = property(lambda s: s.__id3.filename,
                        lambda s, fn: setattr(s.__id3, 'filename', fn))

    @property
    def size(self):
        return self.__id3.size

    def __getitem__(self, key):
        func = dict_match(self.Get, key.lower(), self.GetFallback)
        if func is not None:
            return func(self.__id3, key)
        else:
            raise EasyID3KeyError("%r is not a valid key" % key)

    def __setitem__(self, key, value):
        if isinstance(value, str):
            value = [value]
        func = dict_match(self.Set, key.lower(), self.SetFallback)
        if func is not None:
            return func(self.__id3, key, value)
        else:
            raise EasyID3KeyError("%r is not a valid key" % key)

    def __delitem__(self, key):
        func = dict_match(self.Delete, key.lower(), self.DeleteFallback)
        if func is not None:
            return func(self.__id3, key)
        else:
            raise EasyID3KeyError("%r is not a valid key" % key)

    def keys(self):
        keys = []
        frames = self._frames_for_keys()
        for key, getter in self.Get.items():
            if key in self.List:
                keys.extend(self.List[key](self.__id3, key))
                continue
            if frames is not None and "[" not in key and key == key.lower():
                # `key in self` would call this getter, which raises
                # KeyError exactly when its frame is missing, and lists a
                # text frame's values (which cannot fail) when it is there:
                # the same answers without raising (most keys are absent)
                # or building the list
                frame_key = getattr(getter, "_frame_key", None)
                if frame_key is not None:
                    frame = frames.get(frame_key, _ABSENT)
                    if frame is _ABSENT:
                        continue
                    if (getattr(type(frame), "__iter__", None) is _TEXT_ITER
                            and type(frame.text) is list):
                        keys.append(key)
                        continue
            if key in self:
                keys.append(key)
        if self.ListFallback is not None:
            keys.extend(self.ListFallback(self.__id3, ""))
        return keys

    def _frames_for_keys(self):
        """The tag's frame dict when ``key in self`` is this class's lookup
        of the key's getter in ``Get`` and ``id3[frame key]`` is the plain
        lookup in that dict; else None."""

        cls = type(self)
        id3 = self.__id3
        if (cls.__contains__ is not EasyID3.__contains__
                or cls.__getitem__ is not EasyID3.__getitem__
                or type(id3).__getitem__ is not DictProxy.__getitem__):
            return None
        return id3._DictProxy__dict

    def pprint(self):
        """One ``key=value`` line per value, sorted."""

        strings = []
        for key in sorted(self.keys()):
            values = self[key]
            for value in values:
                strings.append("%s=%s" % (key, value))
        return "\n".join(strings)


Open = EasyID3


# The functions behind the built-in keys. Each takes the ID3 tag and the key
# as written by the user (and for setters the list of values).

def genre_get(id3, key):
    return id3["TCON"].genres


def genre_set(id3, key, value):
    try:
        tcon = id3["TCON"]
    except KeyError:
        id3.add(mutagen_rs.id3.TCON(encoding=3, text=value))
        return
    tcon.encoding = 3
    tcon.genres = value


def genre_delete(id3, key):
    del id3["TCON"]


def _stamps(frame):
    return [stamp.text for stamp in frame.text]


def date_get(id3, key):
    return _stamps(id3["TDRC"])


def date_set(id3, key, value):
    id3.add(mutagen_rs.id3.TDRC(encoding=3, text=value))


def date_delete(id3, key):
    del id3["TDRC"]


def original_date_get(id3, key):
    return _stamps(id3["TDOR"])


def original_date_set(id3, key, value):
    id3.add(mutagen_rs.id3.TDOR(encoding=3, text=value))


def original_date_delete(id3, key):
    del id3["TDOR"]


def _role(key):
    """The instrument or role of a 'performer:ROLE' key."""
    return key.split(":", 1)[1]


def performer_get(id3, key):
    role = _role(key)
    if "TMCL" not in id3:
        raise KeyError(key)
    names = [name for (r, name) in id3["TMCL"].people if r == role]
    if not names:
        raise KeyError(key)
    return names


def performer_set(id3, key, value):
    role = _role(key)
    if "TMCL" in id3:
        credits = id3["TMCL"]
    else:
        credits = mutagen_rs.id3.TMCL(encoding=3, people=[])
        id3.add(credits)
    credits.encoding = 3
    kept = [entry for entry in credits.people if entry[0] != role]
    credits.people = kept + [(role, name) for name in value]


def performer_delete(id3, key):
    role = _role(key)
    if "TMCL" not in id3:
        raise KeyError(key)
    credits = id3["TMCL"]
    kept = [entry for entry in credits.people if entry[0] != role]
    if kept == credits.people:
        raise KeyError(key)
    if kept:
        credits.people = kept
    else:
        del id3["TMCL"]


def performer_list(id3, key):
    if "TMCL" not in id3:
        return []
    return list(set("performer:" + entry[0]
                    for entry in id3["TMCL"].people))


_MB_TRACK = "UFID:http://musicbrainz.org"


def musicbrainz_trackid_get(id3, key):
    return [id3[_MB_TRACK].data.decode("ascii")]


def musicbrainz_trackid_set(id3, key, value):
    if len(value) != 1:
        raise ValueError("only one track ID may be set per song")
    data = value[0].encode("ascii")
    if _MB_TRACK in id3:
        id3[_MB_TRACK].data = data
    else:
        id3.add(mutagen_rs.id3.UFID(owner="http://musicbrainz.org",
                                    data=data))


def musicbrainz_trackid_delete(id3, key):
    del id3[_MB_TRACK]


def website_get(id3, key):
    urls = [woar.url for woar in id3.getall("WOAR")]
    if not urls:
        raise EasyID3KeyError(key)
    return urls


def website_set(id3, key, value):
    id3.delall("WOAR")
    for url in value:
        id3.add(mutagen_rs.id3.WOAR(url=url))


def website_delete(id3, key):
    id3.delall("WOAR")


def _rva2_key(key):
    """The RVA2 HashKey for 'replaygain_DESC_gain' / '..._peak'."""
    return "RVA2:" + key[len("replaygain_"):-len("_gain")]


def _rva2_for_write(id3, key):
    """The RVA2 frame of a ReplayGain key, created (neutral) if missing."""
    hash_key = _rva2_key(key)
    if hash_key in id3:
        return id3[hash_key]
    frame = mutagen_rs.id3.RVA2(desc=hash_key[len("RVA2:"):], gain=0,
                                peak=0, channel=1)
    id3.add(frame)
    return frame


def _rva2_for_read(id3, key):
    try:
        return id3[_rva2_key(key)]
    except KeyError:
        raise EasyID3KeyError(key)


def gain_get(id3, key):
    return [u"%+f dB" % _rva2_for_read(id3, key).gain]


def gain_set(id3, key, value):
    if len(value) != 1:
        raise ValueError(
            "there must be exactly one gain value, not %r.", value)
    # "-3.5 dB": the number before any unit
    gain = float(value[0].split()[0])
    _rva2_for_write(id3, key).gain = gain


def gain_delete(id3, key):
    hash_key = _rva2_key(key)
    if hash_key not in id3:
        return
    frame = id3[hash_key]
    if frame.peak:
        frame.gain = 0.0
    else:
        del id3[hash_key]


def peak_get(id3, key):
    return [u"%f" % _rva2_for_read(id3, key).peak]


def peak_set(id3, key, value):
    if len(value) != 1:
        raise ValueError(
            "there must be exactly one peak value, not %r.", value)
    peak = float(value[0])
    if peak >= 2 or peak < 0:
        raise ValueError("peak must be => 0 and < 2.")
    _rva2_for_write(id3, key).peak = peak


def peak_delete(id3, key):
    hash_key = _rva2_key(key)
    if hash_key not in id3:
        return
    frame = id3[hash_key]
    if frame.gain:
        frame.peak = 0.0
    else:
        del id3[hash_key]


def peakgain_list(id3, key):
    keys = []
    for frame in id3.getall("RVA2"):
        keys += ["replaygain_%s_gain" % frame.desc,
                 "replaygain_%s_peak" % frame.desc]
    return keys


# Keys stored as plain text frames (frame ID -> key).
for frameid, key in {
    "TALB": "album", "TBPM": "bpm", "TCMP": "compilation",
    "TCOM": "composer", "TCOP": "copyright", "TENC": "encodedby",
    "TEXT": "lyricist", "TLEN": "length", "TMED": "media", "TMOO": "mood",
    "TIT1": "grouping", "TIT2": "title", "TIT3": "version",
    "TPE1": "artist", "TPE2": "albumartist", "TPE3": "conductor",
    "TPE4": "arranger", "TPOS": "discnumber", "TPUB": "organization",
    "TRCK": "tracknumber", "TOLY": "author", "TSO2": "albumartistsort",
    "TSOA": "albumsort", "TSOC": "composersort", "TSOP": "artistsort",
    "TSOT": "titlesort", "TSRC": "isrc", "TSST": "discsubtitle",
    "TLAN": "language",
}.items():
    EasyID3.RegisterTextKey(key, frameid)

# Keys with their own conversions.
for key, functions in [
    ("genre", (genre_get, genre_set, genre_delete)),
    ("date", (date_get, date_set, date_delete)),
    ("originaldate", (original_date_get, original_date_set,
                      original_date_delete)),
    ("performer:*", (performer_get, performer_set, performer_delete,
                     performer_list)),
    ("musicbrainz_trackid", (musicbrainz_trackid_get,
                             musicbrainz_trackid_set,
                             musicbrainz_trackid_delete)),
    ("website", (website_get, website_set, website_delete)),
    ("replaygain_*_gain", (gain_get, gain_set, gain_delete, peakgain_list)),
    ("replaygain_*_peak", (peak_get, peak_set, peak_delete)),
]:
    EasyID3.RegisterKey(key, *functions)
del functions

# Keys stored as user text frames (TXXX description -> key).
for desc, key in {
    u"MusicBrainz Artist Id": "musicbrainz_artistid",
    u"MusicBrainz Album Id": "musicbrainz_albumid",
    u"MusicBrainz Album Artist Id": "musicbrainz_albumartistid",
    u"MusicBrainz TRM Id": "musicbrainz_trmid",
    u"MusicIP PUID": "musicip_puid",
    u"MusicMagic Fingerprint": "musicip_fingerprint",
    u"MusicBrainz Album Status": "musicbrainz_albumstatus",
    u"MusicBrainz Album Type": "musicbrainz_albumtype",
    u"MusicBrainz Album Release Country": "releasecountry",
    u"MusicBrainz Disc Id": "musicbrainz_discid",
    u"ASIN": "asin",
    u"PERFORMER": "performer",
    u"BARCODE": "barcode",
    u"CATALOGNUMBER": "catalognumber",
    u"MusicBrainz Release Track Id": "musicbrainz_releasetrackid",
    u"MusicBrainz Release Group Id": "musicbrainz_releasegroupid",
    u"MusicBrainz Work Id": "musicbrainz_workid",
    u"Acoustid Fingerprint": "acoustid_fingerprint",
    u"Acoustid Id": "acoustid_id",
}.items():
    EasyID3.RegisterTXXXKey(key, desc)


def txxxkey_getter(id3, key, frameid):
    return list(id3[frameid])


def txxxkey_deleter(id3, key, frameid):
    del id3[frameid]


def fallback_getter_helper(id3, key, original, fallback):
    """``original(id3, key)``, or when that raises KeyError,
    ``fallback(id3, key)``; the first KeyError if both fail."""

    try:
        return original(id3, key)
    except KeyError as first:
        try:
            return fallback(id3, key)
        except KeyError:
            raise first


def fallback_deleter_helper(id3, key, original, fallback):
    """Delete with both ``original`` and ``fallback``; KeyError (the
    first) only when neither had anything to delete."""

    try:
        original(id3, key)
    except KeyError as first:
        try:
            fallback(id3, key)
        except KeyError:
            raise first
        return
    try:
        fallback(id3, key)
    except KeyError:
        pass


# Keys that other software also writes as a TXXX frame: read from and
# deleted in both places; written to the standard frame.
for key, extra_source in {
    "albumartistsort": "TXXX:ALBUMARTISTSORT",
}.items():
    EasyID3.RegisterKey(
        key,
        getter=partial(fallback_getter_helper,
                       original=EasyID3.Get[key],
                       fallback=partial(txxxkey_getter,
                                        frameid=extra_source)),
        deleter=partial(fallback_deleter_helper,
                        original=EasyID3.Delete[key],
                        fallback=partial(txxxkey_deleter,
                                         frameid=extra_source)),
    )


class EasyID3FileType(ID3FileType):
    """EasyID3FileType(filething=None)

    Like ID3FileType, with EasyID3 tags.

    Args:
        filething (filething): a path or file object

    Raises:
        mutagen_rs.MutagenError: the file could not be loaded
    """

    ID3 = EasyID3
