"""``File()`` and the ``FileType`` / ``StreamInfo`` base classes."""

import importlib
from typing import List

from ._native import FileType, StreamInfo
from ._util import DictMixin, loadfile, MutagenError

__all__ = ["File", "FileType", "StreamInfo", "List", "DictMixin", "loadfile"]

# Every format File() knows, in the order it asks them, as
# (module under mutagen_rs, class name, class name in easy mode).
_FORMATS = (
    ("mp3", "MP3", "EasyMP3"),
    ("trueaudio", "TrueAudio", "EasyTrueAudio"),
    ("oggtheora", "OggTheora", None),
    ("oggspeex", "OggSpeex", None),
    ("oggvorbis", "OggVorbis", None),
    ("oggflac", "OggFLAC", None),
    ("flac", "FLAC", None),
    ("aiff", "AIFF", None),
    ("apev2", "APEv2File", None),
    ("mp4", "MP4", "EasyMP4"),
    ("id3", "ID3FileType", "EasyID3FileType"),
    ("wavpack", "WavPack", None),
    ("musepack", "Musepack", None),
    ("monkeysaudio", "MonkeysAudio", None),
    ("optimfrog", "OptimFROG", None),
    ("asf", "ASF", None),
    ("oggopus", "OggOpus", None),
    ("aac", "AAC", None),
    ("ac3", "AC3", None),
    ("smf", "SMF", None),
    ("tak", "TAK", None),
    ("dsf", "DSF", None),
    ("dsdiff", "DSDIFF", None),
    ("wave", "WAVE", None),
)


# The resolved class lists, per easy flag. This is which code exists in this
# build (like sys.modules), never anything about a file.
_KINDS = {}


def _default_kinds(easy):
    """The format classes File() tries when given no options.

    A format whose module or class does not exist in this build yet is left
    out; any other import failure is a bug and propagates.
    """
    kinds = _KINDS.get(easy)
    if kinds is None:
        kinds = _KINDS[easy] = _resolve_kinds(easy)
    return list(kinds)


def _import_if_built(modname):
    """The module ``mutagen_rs.<modname>``, or None if this build has none."""
    fullname = __package__ + "." + modname
    try:
        return importlib.import_module(fullname)
    except ModuleNotFoundError as e:
        if e.name == fullname:
            return None
        raise


def _resolve_kinds(easy):
    kinds = []
    for modname, plain, easy_name in _FORMATS:
        name = plain
        if easy and easy_name:
            name = easy_name
            # The easy ID3 class lives in its own module.
            if modname == "id3":
                modname = "easyid3"
        module = _import_if_built(modname)
        # A format whose module or class is not built yet is left out.
        kind = getattr(module, name, None) if module is not None else None
        if kind is not None:
            kinds.append(kind)
    return tuple(kinds)


@loadfile(method=False)
def File(filething, options=None, easy=False):
    """Open an audio file of any supported format and guess its type.

    Returns an instance of the best-matching ``FileType`` subclass, or None
    when no format recognises the file. ``options`` is a list of classes to
    try instead of every known one; ``easy=True`` picks the Easy* classes
    where they exist.

    Raises MutagenError when the file cannot be opened or read, and the
    format's own error when the best match fails to load it.
    """
    if options is None:
        options = _default_kinds(easy)
    if not options:
        return None

    fileobj = filething.fileobj
    try:
        header = fileobj.read(128)
    except IOError:
        header = b""

    ranked = []
    for Kind in options:
        score = Kind.score(filething.name, fileobj, header)
        ranked.append((score, Kind.__name__, Kind))
    ranked.sort()
    score, _name, Kind = ranked[-1]
    if score > 0:
        try:
            fileobj.seek(0, 0)
        except IOError:
            # A file object that fails here fails again in the format's
            # load, which reports it the way that format does.
            pass
        filename = filething.filename
        if (type(filename) is str or type(filename) is bytes) and \
                Kind.__module__.startswith("mutagen_rs."):
            # Opened from a path: a format of this package reads it by
            # path, natively (fewer bytes, the GIL released while reading).
            # Other classes get the open file, as mutagen gives it.
            return Kind(filename)
        return Kind(fileobj, filename=filename)
    return None
