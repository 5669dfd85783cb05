#!/usr/bin/env bash
# Make the project's own small sample files in test_files/ (committed).
#
#   bash tools/make_test_files.sh        (make test-files)
#
# Every file starts from the same 1.5 s tone (440 Hz left, 660 Hz right) made
# by ffmpeg's lavfi sine source; real encoders (lame, flac, oggenc, opusenc,
# ffmpeg, wavpack, mpcenc) encode it, and tags are written by the encoders
# themselves or by real mutagen 1.48.1 from .venv, run as a tool
# (tools/_tag_test_files.py). DSF, DSDIFF and MIDI, which no Debian encoder
# writes, come from tools/_synth_files.py. test_files/README.md describes
# each file. Needs the Debian packages in tools/apt-packages.txt (installed
# here when missing) and the .venv ('make venv', run here when missing).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/test_files
# shellcheck source=tools/_ensure_tools.sh
source "$ROOT/tools/_ensure_tools.sh"
ensure_apt_packages "$ROOT"
ensure_venv_mutagen "$ROOT"
PY=$ROOT/.venv/bin/python

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# Quiet, reproducible ffmpeg: no version strings, fixed Ogg serials.
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
BITEXACT=(-fflags +bitexact -flags:a +bitexact -flags:v +bitexact)

# Sources: the stereo tone (44.1 kHz, 16-bit), a mono 8 kHz second for the
# uncompressed containers, and two tiny cover pictures.
ff -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=1.5" \
   -f lavfi -i "sine=frequency=660:sample_rate=44100:duration=1.5" \
   -filter_complex "[0:a][1:a]amerge=inputs=2" -c:a pcm_s16le "${BITEXACT[@]}" src.wav
ff -f lavfi -i "sine=frequency=440:sample_rate=8000:duration=1" \
   -c:a pcm_s16le "${BITEXACT[@]}" mono8k.wav
ff -f lavfi -i "testsrc=size=32x32:rate=1" -frames:v 1 "${BITEXACT[@]}" cover.png
ff -f lavfi -i "testsrc=size=64x64:rate=1" -frames:v 1 -q:v 5 "${BITEXACT[@]}" cover.jpg

NEW=$WORK/out
mkdir -p "$NEW"

# --- MPEG audio -------------------------------------------------------------
lame --quiet -b 128 src.wav "$NEW/mp3_id3v24.mp3"          # tags: mutagen v2.4
cp "$NEW/mp3_id3v24.mp3" "$NEW/mp3_id3v23.mp3"             # tags: mutagen v2.3
cp "$NEW/mp3_id3v24.mp3" "$NEW/mp3_apev2.mp3"              # tags: mutagen APEv2
lame --quiet -b 128 --id3v1-only --tt "Sample Tone 440/660" --ta "mutagen-rs" \
     --tl "Sample Files, Vol. 1" --ty 2024 --tc "ID3v1.1 comment" --tn 3 \
     --tg Electronic src.wav "$NEW/mp3_id3v1.mp3"
# MPEG-2 layer III (22.05 kHz mono, 32 kb/s), no Xing/Info/LAME header, no tags.
lame --quiet -t -m m --resample 22.05 -b 32 src.wav "$NEW/mp3_notag_lsf.mp3"
# VBR with Xing+LAME header; lame's own ID3v2.3 tag (with APIC) and ID3v1.
lame --quiet -V 4 --add-id3v2 --pad-id3v2-size 128 --tt "Sample Tone 440/660" \
     --ta "mutagen-rs" --tl "Sample Files, Vol. 1" --ty 2024 --tn 3/12 \
     --tg Electronic --tc "written by lame" --tv "TCOM=A. Composer" \
     --tv "TXXX=MusicBrainz Album Id=2f0f8a4e-8c62-4d8e-b7b5-6b6a1f0c9d02" \
     --ti cover.jpg src.wav "$NEW/mp3_vbr_lame.mp3"
ff -i src.wav -c:a mp2 -b:a 64k -ac 1 "${BITEXACT[@]}" -f mp2 "$NEW/mp2_layer2.mp2"

# --- FLAC and Ogg -------------------------------------------------------------
FLAC_TAGS=(-T "TITLE=Sample Tone 440/660" -T "ARTIST=mutagen-rs Test Ensemble"
           -T "ARTIST=Ünïcødé Ärtist 日本語" -T "ALBUM=Sample Files, Vol. 1"
           -T "ALBUMARTIST=mutagen-rs" -T "DATE=2024-05-17" -T "GENRE=Electronic"
           -T "TRACKNUMBER=3" -T "TRACKTOTAL=12" -T "DISCNUMBER=1"
           -T "COMPOSER=A. Composer" -T "ISRC=XXA002400001"
           -T "MUSICBRAINZ_TRACKID=8d3c1f0a-5b57-4c1e-9f3b-3f5c6f1e2a01"
           -T "COMMENT=written by flac -T")
flac --silent -f -8 "${FLAC_TAGS[@]}" --picture="3|image/png|front||cover.png" \
     -o "$NEW/flac_tagged.flac" src.wav
flac --silent -f -5 --ogg --serial-number=3 "${FLAC_TAGS[@]}" -o "$NEW/oggflac.oga" src.wav
oggenc --quiet -q 0 --serial 1 -t "Sample Tone 440/660" -a "mutagen-rs Test Ensemble" \
       -a "Ünïcødé Ärtist 日本語" -l "Sample Files, Vol. 1" -d 2024-05-17 -G Electronic \
       -N 3 -c "TRACKTOTAL=12" -c "COMPOSER=A. Composer" -c "COMMENT=written by oggenc" \
       -c "MUSICBRAINZ_ALBUMID=2f0f8a4e-8c62-4d8e-b7b5-6b6a1f0c9d02" \
       -o "$NEW/vorbis.ogg" src.wav
opusenc --quiet --serial 2 --bitrate 32 --title "Sample Tone 440/660" \
        --artist "mutagen-rs Test Ensemble" --album "Sample Files, Vol. 1" \
        --date 2024-05-17 --genre Electronic --tracknumber 3 \
        --comment "COMMENT=written by opusenc" \
        --comment "R128_TRACK_GAIN=-512" \
        --picture "3|image/png|front||cover.png" src.wav "$NEW/opus.opus"
ff -i src.wav -c:a libspeex -ar 16000 -ac 1 -metadata title="Sample Tone 440/660" \
   -metadata artist="mutagen-rs" "${BITEXACT[@]}" "$NEW/speex.spx"
ff -f lavfi -i "testsrc=size=64x48:rate=10:duration=0.5" -c:v libtheora -q:v 2 \
   -metadata title="Sample Theora clip" "${BITEXACT[@]}" "$NEW/theora.ogv"

# --- MP4 and AAC/AC-3 elementary streams -------------------------------------
ff -i src.wav -c:a aac -b:a 64k "${BITEXACT[@]}" "$NEW/aac_tagged.m4a"   # tags: mutagen
ff -i src.wav -ac 1 -ar 22050 -c:a alac -metadata title="Sample Tone (ALAC)" \
   -metadata artist="mutagen-rs" -metadata album="Sample Files, Vol. 1" \
   -metadata date=2024 -metadata track=4/12 -metadata genre=Electronic \
   "${BITEXACT[@]}" "$NEW/alac.m4a"
ff -i src.wav -c:a aac -b:a 48k "${BITEXACT[@]}" -f adts "$NEW/adts.aac"
ff -i src.wav -c:a ac3 -b:a 96k "${BITEXACT[@]}" "$NEW/ac3.ac3"
ff -i src.wav -c:a eac3 -b:a 96k "${BITEXACT[@]}" "$NEW/eac3.eac3"

# --- RIFF/IFF, ASF --------------------------------------------------------
ff -i mono8k.wav -c:a pcm_s16le -metadata title="Sample Tone" -metadata artist="mutagen-rs" \
   "${BITEXACT[@]}" "$NEW/wav_info.wav"                         # LIST/INFO by ffmpeg
ff -i mono8k.wav -c:a pcm_s16le "${BITEXACT[@]}" "$NEW/wav_id3.wav"   # 'id3 ': mutagen
ff -i mono8k.wav -c:a pcm_s16be -write_id3v2 1 -id3v2_version 4 \
   -metadata title="Sample Tone" -metadata artist="mutagen-rs" -metadata album="Sample Files" \
   "${BITEXACT[@]}" "$NEW/aiff_id3.aiff"
ff -i src.wav -c:a wmav2 -b:a 32k -ac 1 "${BITEXACT[@]}" "$NEW/wma_tagged.wma"  # tags: mutagen
ff -i src.wav -i cover.jpg -map 0:a -map 1:v -c:a wmav2 -b:a 32k -ac 1 -c:v copy \
   -disposition:v attached_pic -metadata title="Sample Tone" -metadata artist="mutagen-rs" \
   "${BITEXACT[@]}" "$NEW/wma_picture_stream.wma"

# --- APEv2-tagged formats ----------------------------------------------------
wavpack -q -y -hh -w "Title=Sample Tone 440/660" -w "Artist=mutagen-rs" \
        -w "Album=Sample Files, Vol. 1" -w "Year=2024" -w "Track=3/12" \
        src.wav -o "$NEW/wavpack.wv" >/dev/null 2>&1
mpcenc --silent --overwrite --quality 2 --tag "Title=Sample Tone 440/660" \
       --tag "Artist=mutagen-rs" --tag "Album=Sample Files, Vol. 1" --tag "Year=2024" \
       --tag "Track=3" src.wav "$NEW/musepack.mpc" >/dev/null 2>&1
# TTA; ffmpeg appends an APEv2 tag, mutagen adds ID3v2 at the front.
ff -i mono8k.wav -c:a tta -metadata title="Sample Tone" -metadata artist="mutagen-rs" \
   "${BITEXACT[@]}" "$NEW/trueaudio.tta"

# --- DSD and MIDI, written from the specs -------------------------------------
"$PY" "$ROOT/tools/_synth_files.py" "$NEW"

# --- tags by mutagen ------------------------------------------------------------
"$PY" "$ROOT/tools/_tag_test_files.py" "$NEW" "$WORK"

# Replace the generated files in test_files/ (README.md stays).
mkdir -p "$OUT"
find "$OUT" -maxdepth 1 -type f ! -name README.md -delete
cp "$NEW"/* "$OUT"/

# Check: every file opens with real mutagen; print sizes and a summary.
"$PY" - "$OUT" <<'EOF'
import os, sys
import mutagen
out = sys.argv[1]
total = 0
for name in sorted(os.listdir(out)):
    if name == "README.md":
        continue
    p = os.path.join(out, name)
    size = os.path.getsize(p)
    total += size
    f = mutagen.File(p)
    kind = type(f).__name__ if f is not None else "None (not recognised!)"
    lines = len(f.pprint().splitlines()) if f is not None else 0
    print(f"{name:28s} {size:7d} B  {kind:12s} pprint lines: {lines}")
    assert size < 100 * 1024, f"{name} is over 100 KiB"
print(f"{'total':28s} {total:7d} B ({total / 1024:.0f} KiB)")
assert total < 1024 * 1024, "test_files/ over 1 MiB"
EOF
