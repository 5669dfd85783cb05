"""Copy the corpus encodes and tag each copy with real mutagen (run as a tool).

Called by tools/make_corpus.sh:
    .venv/bin/python tools/_corpus_tags.py WORKDIR CORPUSDIR N

WORKDIR holds base_<group>.<ext> (one encode per group) and cover_<i>.jpg.
Writes CORPUSDIR/<group>/<NN>_<slug>.<ext>, N files per group, each with its own
tag values (seeded, so reproducible): ~25 text fields, unsynced lyrics of a few
KiB, MusicBrainz ids and the i-th ~250 KiB cover.
"""

import base64
import random
import shutil
import sys
import uuid
from pathlib import Path

from mutagen import id3
from mutagen.flac import FLAC, Picture
from mutagen.mp4 import MP4, MP4Cover, MP4FreeForm
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

GROUPS = {
    "mp3_vbr": "mp3",
    "mp3_cbr": "mp3",
    "flac": "flac",
    "ogg_vorbis": "ogg",
    "opus": "opus",
    "m4a_aac": "m4a",
}

WORDS = """amber river night signal echo hollow lantern velvet static harbor
paper winter golden machine quiet orbit glass summer distant thunder silver
garden motion shadow letter morning ocean fever mirror circle falling wire
northern bright open tender electric ghost simple cathedral season""".split()
GENRES = ["Rock", "Electronic", "Jazz", "Folk", "Ambient", "Pop", "Classical",
          "Hip-Hop", "Indie", "Soul"]
LABELS = ["Northern Wire Records", "Glass Orbit", "Velvet Static Ltd.",
          "Harbor Sound", "Lantern Music"]
LANGS = ["eng", "deu", "fra", "spa", "jpn"]


def words(rng, lo, hi):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi))).title()


def make_values(group, i):
    """All tag values of file i of a group; distinct per (group, i)."""
    rng = random.Random(f"{group}:{i}")

    def mbid():
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    lyrics = []
    while sum(len(line) + 1 for line in lyrics) < 3000:
        verse = [words(rng, 4, 9) for _ in range(4)]
        lyrics.extend(verse + [""])
    artist = words(rng, 1, 3)
    year = rng.randint(1965, 2024)
    v = {
        "title": words(rng, 1, 5),
        "artist": artist,
        "album": words(rng, 1, 4),
        "albumartist": artist,
        "artistsort": artist.split(" ")[-1] + ", " + " ".join(artist.split(" ")[:-1]),
        "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "originaldate": str(year - rng.randint(0, 5)),
        "genre": rng.choice(GENRES),
        "track": i + 1,
        "tracktotal": 12,
        "disc": 1 + i // 12,
        "disctotal": 2,
        "composer": words(rng, 2, 3),
        "lyricist": words(rng, 2, 3),
        "conductor": words(rng, 2, 2),
        "comment": "Corpus file for the mutagen-rs benchmark; " + words(rng, 5, 12).lower(),
        "copyright": f"℗ {year} " + rng.choice(LABELS),
        "encodedby": "mutagen-rs make_corpus.sh",
        "bpm": str(rng.randint(70, 180)),
        "isrc": f"XX{rng.choice('ABCDEFGH')}{rng.choice('JKLMNPQR')}{rng.randint(0, 9)}"
                f"{year % 100:02d}{rng.randint(0, 99999):05d}",
        "label": rng.choice(LABELS),
        "catalognumber": f"CAT-{rng.randint(1000, 9999)}",
        "media": "Digital Media",
        "language": rng.choice(LANGS),
        "barcode": str(rng.randint(10**11, 10**12 - 1)),
        "rg_track_gain": f"{rng.uniform(-12, 2):.2f} dB",
        "rg_track_peak": f"{rng.uniform(0.5, 1.0):.6f}",
        "lyrics": "\n".join(lyrics),
        "mb_track": mbid(),
        "mb_recording": mbid(),
        "mb_album": mbid(),
        "mb_artist": mbid(),
        "mb_albumartist": mbid(),
        "mb_releasegroup": mbid(),
    }
    return v


def slug(text):
    return "".join(c if c.isalnum() else "_" for c in text.lower())[:40].strip("_")


# --- ID3 ---------------------------------------------------------------------

def tag_id3(path, v, cover, version):
    E = id3.Encoding
    enc = E.UTF8 if version == 4 else E.UTF16
    t = id3.ID3()

    def text(cls, value):
        t.add(cls(encoding=enc, text=[value]))

    def txxx(desc, value):
        t.add(id3.TXXX(encoding=enc, desc=desc, text=[value]))

    text(id3.TIT2, v["title"])
    text(id3.TPE1, v["artist"])
    text(id3.TALB, v["album"])
    text(id3.TPE2, v["albumartist"])
    text(id3.TSOP, v["artistsort"])
    text(id3.TDRC, v["date"])
    text(id3.TDOR, v["originaldate"])
    text(id3.TCON, v["genre"])
    text(id3.TRCK, f"{v['track']}/{v['tracktotal']}")
    text(id3.TPOS, f"{v['disc']}/{v['disctotal']}")
    text(id3.TCOM, v["composer"])
    text(id3.TEXT, v["lyricist"])
    text(id3.TPE3, v["conductor"])
    text(id3.TCOP, v["copyright"])
    text(id3.TENC, v["encodedby"])
    text(id3.TBPM, v["bpm"])
    text(id3.TSRC, v["isrc"])
    text(id3.TPUB, v["label"])
    text(id3.TMED, v["media"])
    text(id3.TLAN, v["language"])
    txxx("CATALOGNUMBER", v["catalognumber"])
    txxx("BARCODE", v["barcode"])
    txxx("REPLAYGAIN_TRACK_GAIN", v["rg_track_gain"])
    txxx("REPLAYGAIN_TRACK_PEAK", v["rg_track_peak"])
    txxx("MusicBrainz Album Id", v["mb_album"])
    txxx("MusicBrainz Artist Id", v["mb_artist"])
    txxx("MusicBrainz Album Artist Id", v["mb_albumartist"])
    txxx("MusicBrainz Release Group Id", v["mb_releasegroup"])
    txxx("MusicBrainz Release Track Id", v["mb_track"])
    t.add(id3.UFID(owner="http://musicbrainz.org", data=v["mb_recording"].encode()))
    t.add(id3.COMM(encoding=enc, lang="eng", desc="", text=[v["comment"]]))
    t.add(id3.USLT(encoding=enc, lang="eng", desc="", text=v["lyrics"]))
    t.add(id3.APIC(encoding=E.LATIN1, mime="image/jpeg", type=id3.PictureType.COVER_FRONT,
                   desc="", data=cover))
    v1 = id3.ID3v1SaveOptions.CREATE if version == 3 else id3.ID3v1SaveOptions.REMOVE
    t.save(path, v2_version=version, v1=v1)


# --- Vorbis comments (FLAC, Ogg Vorbis, Opus) ----------------------------------

def vorbis_fields(v):
    return {
        "TITLE": v["title"], "ARTIST": v["artist"], "ALBUM": v["album"],
        "ALBUMARTIST": v["albumartist"], "ARTISTSORT": v["artistsort"],
        "DATE": v["date"], "ORIGINALDATE": v["originaldate"], "GENRE": v["genre"],
        "TRACKNUMBER": str(v["track"]), "TRACKTOTAL": str(v["tracktotal"]),
        "DISCNUMBER": str(v["disc"]), "DISCTOTAL": str(v["disctotal"]),
        "COMPOSER": v["composer"], "LYRICIST": v["lyricist"], "CONDUCTOR": v["conductor"],
        "COMMENT": v["comment"], "COPYRIGHT": v["copyright"], "ENCODEDBY": v["encodedby"],
        "BPM": v["bpm"], "ISRC": v["isrc"], "LABEL": v["label"],
        "CATALOGNUMBER": v["catalognumber"], "MEDIA": v["media"], "LANGUAGE": v["language"],
        "BARCODE": v["barcode"],
        "REPLAYGAIN_TRACK_GAIN": v["rg_track_gain"], "REPLAYGAIN_TRACK_PEAK": v["rg_track_peak"],
        "UNSYNCEDLYRICS": v["lyrics"],
        "MUSICBRAINZ_TRACKID": v["mb_recording"],
        "MUSICBRAINZ_RELEASETRACKID": v["mb_track"],
        "MUSICBRAINZ_ALBUMID": v["mb_album"],
        "MUSICBRAINZ_ARTISTID": v["mb_artist"],
        "MUSICBRAINZ_ALBUMARTISTID": v["mb_albumartist"],
        "MUSICBRAINZ_RELEASEGROUPID": v["mb_releasegroup"],
    }


def cover_picture(cover):
    pic = Picture()
    pic.type = 3
    pic.mime = "image/jpeg"
    pic.desc = ""
    pic.width, pic.height, pic.depth = 860, 860, 24
    pic.data = cover
    return pic


def tag_flac(path, v, cover):
    f = FLAC(path)
    if f.tags is None:
        f.add_tags()
    for k, val in vorbis_fields(v).items():
        f.tags[k] = [val]
    f.add_picture(cover_picture(cover))
    f.save()


def tag_ogg(cls, path, v, cover):
    f = cls(path)
    for k, val in vorbis_fields(v).items():
        f.tags[k] = [val]
    f.tags["METADATA_BLOCK_PICTURE"] = [
        base64.b64encode(cover_picture(cover).write()).decode("ascii")]
    f.save()


# --- MP4 -------------------------------------------------------------------------

def tag_mp4(path, v, cover):
    f = MP4(path)
    if f.tags is None:
        f.add_tags()
    t = f.tags
    t["\xa9nam"] = [v["title"]]
    t["\xa9ART"] = [v["artist"]]
    t["\xa9alb"] = [v["album"]]
    t["aART"] = [v["albumartist"]]
    t["soar"] = [v["artistsort"]]
    t["\xa9day"] = [v["date"]]
    t["\xa9gen"] = [v["genre"]]
    t["trkn"] = [(v["track"], v["tracktotal"])]
    t["disk"] = [(v["disc"], v["disctotal"])]
    t["\xa9wrt"] = [v["composer"]]
    t["\xa9cmt"] = [v["comment"]]
    t["cprt"] = [v["copyright"]]
    t["\xa9too"] = [v["encodedby"]]
    t["tmpo"] = [int(v["bpm"])]
    t["\xa9lyr"] = [v["lyrics"]]
    t["cpil"] = False

    def ff(name, value):
        t["----:com.apple.iTunes:" + name] = [MP4FreeForm(value.encode("utf-8"))]

    ff("ISRC", v["isrc"])
    ff("LABEL", v["label"])
    ff("CATALOGNUMBER", v["catalognumber"])
    ff("MEDIA", v["media"])
    ff("LANGUAGE", v["language"])
    ff("LYRICIST", v["lyricist"])
    ff("CONDUCTOR", v["conductor"])
    ff("BARCODE", v["barcode"])
    ff("originaldate", v["originaldate"])
    ff("replaygain_track_gain", v["rg_track_gain"])
    ff("replaygain_track_peak", v["rg_track_peak"])
    ff("MusicBrainz Track Id", v["mb_recording"])
    ff("MusicBrainz Release Track Id", v["mb_track"])
    ff("MusicBrainz Album Id", v["mb_album"])
    ff("MusicBrainz Artist Id", v["mb_artist"])
    ff("MusicBrainz Album Artist Id", v["mb_albumartist"])
    ff("MusicBrainz Release Group Id", v["mb_releasegroup"])
    t["covr"] = [MP4Cover(cover, imageformat=MP4Cover.FORMAT_JPEG)]
    f.save()


def main():
    work, corpus, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    covers = [(work / f"cover_{i}.jpg").read_bytes() for i in range(n)]
    for group, ext in GROUPS.items():
        (corpus / group).mkdir(parents=True, exist_ok=True)
        base = work / f"base_{group}.{ext}"
        for i in range(n):
            v = make_values(group, i)
            dest = corpus / group / f"{i + 1:02d}_{slug(v['title'])}.{ext}"
            shutil.copyfile(base, dest)
            cover = covers[i]
            if group == "mp3_vbr":
                tag_id3(dest, v, cover, 4)
            elif group == "mp3_cbr":
                tag_id3(dest, v, cover, 3)
            elif group == "flac":
                tag_flac(dest, v, cover)
            elif group == "ogg_vorbis":
                tag_ogg(OggVorbis, dest, v, cover)
            elif group == "opus":
                tag_ogg(OggOpus, dest, v, cover)
            elif group == "m4a_aac":
                tag_mp4(dest, v, cover)


if __name__ == "__main__":
    main()
