#!/usr/bin/env bash
# Build the realistic benchmark corpus in .cache/corpus/ (gitignored, never
# committed):
#
#   bash tools/make_corpus.sh          (make corpus; make bench-py runs it)
#   CORPUS_FILES=4 bash tools/make_corpus.sh    (fewer files per group)
#   FORCE=1 bash tools/make_corpus.sh           (rebuild even if up to date)
#
# One 3-minute stereo 44.1 kHz source (chord + pink noise, from ffmpeg lavfi)
# is encoded once per group with real encoders, then copied N times and each
# copy tagged differently by real mutagen 1.48.1 (.venv, run as a tool, see
# tools/_corpus_tags.py): ~25 text fields, unsynced lyrics (~3 KiB),
# MusicBrainz ids and a ~250 KiB JPEG cover (ffmpeg-made, one per index).
#
#   group      encoder                    tags
#   mp3_vbr    lame -V 2                  ID3v2.4
#   mp3_cbr    lame -b 256                ID3v2.3 + ID3v1
#   flac       flac -5                    Vorbis comments + PICTURE block
#   ogg_vorbis oggenc -q 5                Vorbis comments + METADATA_BLOCK_PICTURE
#   opus       opusenc --bitrate 128      OpusTags + METADATA_BLOCK_PICTURE
#   m4a_aac    ffmpeg aac 192 kb/s        iTunes ilst (+ ----:com.apple.iTunes:*)
#
# Idempotent: skipped when .cache/corpus/.stamp matches this script, the tag
# helper and the file count.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CORPUS=$ROOT/.cache/corpus
N=${CORPUS_FILES:-8}
VERSION=1
GROUPS_=(mp3_vbr mp3_cbr flac ogg_vorbis opus m4a_aac)

stamp() {
    { echo "corpus v$VERSION files=$N"
      sha256sum "$ROOT/tools/make_corpus.sh" "$ROOT/tools/_corpus_tags.py" | cut -d' ' -f1
    } | sha256sum | cut -d' ' -f1
}

count_files() {
    find "$CORPUS" -mindepth 2 -type f 2>/dev/null | wc -l
}

if [[ -z ${FORCE:-} && -f $CORPUS/.stamp && $(cat "$CORPUS/.stamp") == "$(stamp)" \
      && $(count_files) -eq $((N * ${#GROUPS_[@]})) ]]; then
    echo "corpus up to date: $CORPUS ($(count_files) files, $(du -sh "$CORPUS" | cut -f1))"
    exit 0
fi

# shellcheck source=tools/_ensure_tools.sh
source "$ROOT/tools/_ensure_tools.sh"
ensure_apt_packages "$ROOT"
ensure_venv_mutagen "$ROOT"
PY=$ROOT/.venv/bin/python

START=$(date +%s)
rm -rf "$CORPUS"
mkdir -p "$CORPUS"
WORK=$(mktemp -d "$ROOT/.cache/corpus-work.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
BITEXACT=(-fflags +bitexact -flags:a +bitexact -flags:v +bitexact)

# 3-minute source: an A-minor chord with a slow tremolo over quiet pink noise,
# so that encoders work at realistic bitrates.
ff -f lavfi -i "sine=frequency=220:sample_rate=44100:duration=180" \
   -f lavfi -i "sine=frequency=261.63:sample_rate=44100:duration=180" \
   -f lavfi -i "sine=frequency=329.63:sample_rate=44100:duration=180" \
   -f lavfi -i "anoisesrc=color=pink:seed=42:amplitude=0.05:sample_rate=44100:duration=180" \
   -f lavfi -i "anoisesrc=color=pink:seed=43:amplitude=0.05:sample_rate=44100:duration=180" \
   -filter_complex "[0:a][1:a][2:a]amix=inputs=3,tremolo=f=0.5:d=0.4,asplit[l0][r0];\
[l0][3:a]amix=inputs=2:weights=1 1[l];[r0][4:a]amix=inputs=2:weights=1 1[r];\
[l][r]amerge=inputs=2" \
   -c:a pcm_s16le "${BITEXACT[@]}" src.wav

# Covers: ~250 KiB JPEGs (860x860 test pattern + noise), one per index.
for ((i = 0; i < N; i++)); do
    ff -f lavfi -i "testsrc2=size=860x860:rate=1" \
       -vf "noise=alls=25:allf=u:all_seed=$((i + 1)),hue=h=$((i * 45))" \
       -frames:v 1 -q:v 3 "${BITEXACT[@]}" "cover_$i.jpg"
done

# One encode per group, two at a time (2 cores).
lame --quiet -V 2 src.wav base_mp3_vbr.mp3 &
lame --quiet -b 256 src.wav base_mp3_cbr.mp3 &
wait
flac --silent -f -5 -o base_flac.flac src.wav &
oggenc --quiet -q 5 --serial 1 -o base_ogg_vorbis.ogg src.wav &
wait
opusenc --quiet --serial 2 --bitrate 128 src.wav base_opus.opus &
ff -i src.wav -c:a aac -b:a 192k "${BITEXACT[@]}" base_m4a_aac.m4a &
wait

# Copy and tag (mutagen).
"$PY" "$ROOT/tools/_corpus_tags.py" "$WORK" "$CORPUS" "$N"

stamp > "$CORPUS/.stamp"
END=$(date +%s)
for g in "${GROUPS_[@]}"; do
    printf '%-11s %2d files  %s\n' "$g" "$(find "$CORPUS/$g" -type f | wc -l)" \
        "$(du -sh "$CORPUS/$g" | cut -f1)"
done
echo "corpus: $(count_files) files, $(du -sh "$CORPUS" | cut -f1), built in $((END - START)) s"
