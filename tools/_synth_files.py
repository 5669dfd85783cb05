"""Write the sample files that no Debian encoder can make, from the formats' specs.

Used by tools/make_test_files.sh:  python tools/_synth_files.py OUTDIR

  dsd64.dsf     Sony DSF: 'DSD ' + 'fmt ' + 'data' chunks (little-endian),
                1-bit DSD64 stereo, LSB-first bytes, 4096-byte blocks per channel.
  dsd64.dff     Philips DSDIFF 1.5: FRM8/DSD  with FVER, PROP/SND (FS, CHNL,
                CMPR) and a 'DSD ' sound chunk (big-endian, byte-interleaved,
                MSB-first bytes).
  midi.mid      Standard MIDI File, format 1, two tracks (tempo map + notes).

The DSD audio is a 1 kHz tone through a first-order delta-sigma modulator.
Everything is deterministic. ID3 tags are added afterwards with mutagen.
"""

import math
import struct
import sys
from pathlib import Path

DSD64 = 2_822_400
TONE_HZ = 1000.0


def dsd_bits(n_samples, phase=0.0, amp=0.5):
    """1-bit stream (list of 0/1) of a sine tone, first-order delta-sigma."""
    bits = []
    acc = 0.0
    step = 2.0 * math.pi * TONE_HZ / DSD64
    for i in range(n_samples):
        x = amp * math.sin(phase + step * i)
        y = 1.0 if acc >= 0.0 else -1.0
        acc += x - y
        bits.append(1 if y > 0 else 0)
    return bits


def pack_bits(bits, lsb_first):
    out = bytearray(len(bits) // 8)
    for byte_i in range(len(out)):
        v = 0
        chunk = bits[byte_i * 8:byte_i * 8 + 8]
        for j, b in enumerate(chunk):
            if b:
                v |= (1 << j) if lsb_first else (0x80 >> j)
        out[byte_i] = v
    return bytes(out)


def write_dsf(path, blocks_per_channel=4):
    channels = 2
    block = 4096
    samples = blocks_per_channel * block * 8  # per channel
    chans = [pack_bits(dsd_bits(samples, phase=c * math.pi / 2), lsb_first=True)
             for c in range(channels)]
    data = bytearray()
    for b in range(blocks_per_channel):
        for c in range(channels):
            data += chans[c][b * block:(b + 1) * block]
    fmt = struct.pack("<4sQIIIIIIQII", b"fmt ", 52, 1, 0, 2, channels, DSD64, 1,
                      samples, block, 0)
    data_chunk = struct.pack("<4sQ", b"data", 12 + len(data)) + bytes(data)
    total = 28 + len(fmt) + len(data_chunk)
    dsd = struct.pack("<4sQQQ", b"DSD ", 28, total, 0)  # no metadata yet
    Path(path).write_bytes(dsd + fmt + data_chunk)


def _chunk_be(ck_id, payload):
    out = ck_id + struct.pack(">Q", len(payload)) + payload
    if len(payload) % 2:
        out += b"\x00"
    return out


def write_dff(path, seconds=0.02):
    channels = 2
    samples = int(DSD64 * seconds) // 8 * 8
    chans = [pack_bits(dsd_bits(samples, phase=c * math.pi / 2), lsb_first=False)
             for c in range(channels)]
    inter = bytearray()
    for i in range(samples // 8):
        for c in range(channels):
            inter.append(chans[c][i])
    name = b"not compressed"
    prop = b"SND " + _chunk_be(b"FS  ", struct.pack(">I", DSD64)) \
        + _chunk_be(b"CHNL", struct.pack(">H", channels) + b"SLFTSRGT") \
        + _chunk_be(b"CMPR", b"DSD " + bytes([len(name)]) + name)
    body = b"DSD " + _chunk_be(b"FVER", struct.pack(">I", 0x01050000)) \
        + _chunk_be(b"PROP", prop) + _chunk_be(b"DSD ", bytes(inter))
    Path(path).write_bytes(_chunk_be(b"FRM8", body))


def _vlq(n):
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.append(0x80 | (n & 0x7F))
        n >>= 7
    return bytes(reversed(out))


def _track(events):
    body = b"".join(_vlq(d) + ev for d, ev in events) + b"\x00\xff\x2f\x00"
    return b"MTrk" + struct.pack(">I", len(body)) + body


def write_smf(path):
    division = 96  # ticks per quarter note
    tempo = _track([
        (0, b"\xff\x03" + _vlq(9) + b"mutagenrs"),
        (0, b"\xff\x51\x03" + (500_000).to_bytes(3, "big")),   # 120 bpm
        (0, b"\xff\x58\x04\x04\x02\x18\x08"),                    # 4/4
        (192, b"\xff\x51\x03" + (400_000).to_bytes(3, "big")),  # 150 bpm
    ])
    notes = [(0, b"\xff\x03" + _vlq(5) + b"piano"), (0, b"\xc0\x00")]
    for i, key in enumerate((60, 64, 67, 72, 67, 64, 60)):
        notes.append((0, bytes([0x90, key, 100])))
        notes.append((48, bytes([0x80, key, 64])))
    header = b"MThd" + struct.pack(">IHHH", 6, 1, 2, division)
    Path(path).write_bytes(header + tempo + _track(notes))


def main():
    out = Path(sys.argv[1])
    write_dsf(out / "dsd64.dsf")
    write_dff(out / "dsd64.dff")
    write_smf(out / "midi.mid")


if __name__ == "__main__":
    main()
