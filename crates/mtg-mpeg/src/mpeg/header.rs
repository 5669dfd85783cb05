//! The 4-byte MPEG audio frame header (ISO 11172-3 / 13818-3, and the
//! unofficial MPEG 2.5 extension).

use std::fmt;

use nom::number::complete::be_u32;
use nom::IResult;

use crate::error::{MpegError, INVALID_HEADER, INVALID_SYNC, TRUNCATED_HEADER};

/// Channel mode: stereo (mutagen's `STEREO`).
pub const STEREO: u8 = 0;
/// Channel mode: joint stereo (mutagen's `JOINTSTEREO`).
pub const JOINTSTEREO: u8 = 1;
/// Channel mode: dual channel (mutagen's `DUALCHANNEL`).
pub const DUALCHANNEL: u8 = 2;
/// Channel mode: single channel (mutagen's `MONO`).
pub const MONO: u8 = 3;

/// The MPEG audio version of a frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MpegVersion {
    /// MPEG-1 (ISO 11172-3).
    V1,
    /// MPEG-2 low sampling frequencies (ISO 13818-3).
    V2,
    /// The unofficial MPEG 2.5 extension.
    V25,
}

impl MpegVersion {
    /// The version as a number: 1.0, 2.0 or 2.5. mutagen exposes it as the
    /// Python `int` 1 or 2, or the `float` 2.5 (see [`MpegVersion::is_integer`]).
    pub fn as_f64(self) -> f64 {
        match self {
            MpegVersion::V1 => 1.0,
            MpegVersion::V2 => 2.0,
            MpegVersion::V25 => 2.5,
        }
    }

    /// `true` for versions mutagen reports as a Python `int` (1 and 2).
    pub fn is_integer(self) -> bool {
        !matches!(self, MpegVersion::V25)
    }

    /// The sample rates of sample rate indices 0 to 2.
    pub fn sample_rates(self) -> [u32; 3] {
        match self {
            MpegVersion::V1 => [44100, 48000, 32000],
            MpegVersion::V2 => [22050, 24000, 16000],
            MpegVersion::V25 => [11025, 12000, 8000],
        }
    }
}

impl fmt::Display for MpegVersion {
    /// `1`, `2` or `2.5`, as Python prints mutagen's value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MpegVersion::V1 => "1",
            MpegVersion::V2 => "2",
            MpegVersion::V25 => "2.5",
        })
    }
}

/// How a file's bitrate varies (mutagen's `BitrateMode`; the discriminant is
/// the Python value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BitrateMode {
    /// Not known (`BitrateMode.UNKNOWN`, 0).
    #[default]
    Unknown = 0,
    /// Constant bitrate (`BitrateMode.CBR`, 1).
    Cbr = 1,
    /// Variable bitrate (`BitrateMode.VBR`, 2).
    Vbr = 2,
    /// Average bitrate (`BitrateMode.ABR`, 3).
    Abr = 3,
}

impl BitrateMode {
    /// The enum member name mutagen uses (`"UNKNOWN"`, `"CBR"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            BitrateMode::Unknown => "UNKNOWN",
            BitrateMode::Cbr => "CBR",
            BitrateMode::Vbr => "VBR",
            BitrateMode::Abr => "ABR",
        }
    }
}

/// Bitrates in kbit/s by bitrate index, for MPEG-1 layers I, II, III and
/// MPEG-2/2.5 layer I and layers II/III.
const BITRATES: [[u16; 15]; 5] = [
    [
        0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448,
    ],
    [
        0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384,
    ],
    [
        0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
    ],
    [
        0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256,
    ],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
];

/// A decoded frame header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FrameHeader {
    /// MPEG version.
    pub version: MpegVersion,
    /// Layer, 1 to 3.
    pub layer: u8,
    /// `true` when a CRC follows the header (protection bit 0).
    pub protected: bool,
    /// Bitrate index (1 to 14; 0, free format, and 15 are rejected).
    pub bitrate_index: u8,
    /// Bitrate in bit/s.
    pub bitrate: u32,
    /// Sample rate index (0 to 2).
    pub sample_rate_index: u8,
    /// Sample rate in Hz.
    pub sample_rate: u32,
    /// Padding bit.
    pub padding: bool,
    /// Private bit.
    pub private: bool,
    /// Channel mode ([`STEREO`], [`JOINTSTEREO`], [`DUALCHANNEL`], [`MONO`]).
    pub mode: u8,
    /// Mode extension (joint stereo).
    pub mode_extension: u8,
    /// Copyright bit.
    pub copyright: bool,
    /// Original bit.
    pub original: bool,
    /// Emphasis (0 none, 1 50/15 µs, 2 reserved, 3 CCITT J.17); not checked,
    /// as in mutagen.
    pub emphasis: u8,
}

fn header_word(input: &[u8]) -> IResult<&[u8], u32> {
    be_u32(input)
}

impl FrameHeader {
    /// Decode the header at the start of `bytes` with mutagen's checks and
    /// messages: fewer than 4 bytes is [`TRUNCATED_HEADER`] (or
    /// [`INVALID_SYNC`] when the two bytes present already fail the sync),
    /// 11 sync bits not all set is [`INVALID_SYNC`], and a reserved version
    /// or layer, bitrate index 0 (free format) or 15, or sample rate index 3
    /// is [`INVALID_HEADER`], all [`MpegError::HeaderNotFound`].
    pub fn parse(bytes: &[u8]) -> Result<FrameHeader, MpegError> {
        let Ok((_, word)) = header_word(bytes) else {
            if let [a, b, ..] = bytes {
                if *a != 0xFF || b & 0xE0 != 0xE0 {
                    return Err(MpegError::HeaderNotFound(INVALID_SYNC));
                }
            }
            return Err(MpegError::HeaderNotFound(TRUNCATED_HEADER));
        };
        if word >> 21 != 0x7FF {
            return Err(MpegError::HeaderNotFound(INVALID_SYNC));
        }
        let field = |shift: u32, bits: u32| ((word >> shift) & ((1 << bits) - 1)) as u8;
        let version = match field(19, 2) {
            0 => MpegVersion::V25,
            2 => MpegVersion::V2,
            3 => MpegVersion::V1,
            _ => return Err(MpegError::HeaderNotFound(INVALID_HEADER)),
        };
        let layer = 4 - field(17, 2);
        let bitrate_index = field(12, 4);
        let sample_rate_index = field(10, 2);
        if layer == 4 || bitrate_index == 0 || bitrate_index == 15 || sample_rate_index == 3 {
            return Err(MpegError::HeaderNotFound(INVALID_HEADER));
        }
        let table = match (version, layer) {
            (MpegVersion::V1, l) => usize::from(l - 1),
            (_, 1) => 3,
            _ => 4,
        };
        let bitrate = u32::from(BITRATES[table][usize::from(bitrate_index)]) * 1000;
        let sample_rate = version.sample_rates()[usize::from(sample_rate_index)];
        Ok(FrameHeader {
            version,
            layer,
            protected: field(16, 1) == 0,
            bitrate_index,
            bitrate,
            sample_rate_index,
            sample_rate,
            padding: field(9, 1) == 1,
            private: field(8, 1) == 1,
            mode: field(6, 2),
            mode_extension: field(4, 2),
            copyright: field(3, 1) == 1,
            original: field(2, 1) == 1,
            emphasis: field(0, 2),
        })
    }

    /// Number of channels: 1 in [`MONO`] mode, else 2.
    pub fn channels(&self) -> u32 {
        if self.mode == MONO {
            1
        } else {
            2
        }
    }

    /// Samples per frame: 384 (layer I), 1152 (layer II, MPEG-1 layer III),
    /// 576 (MPEG-2/2.5 layer III).
    pub fn samples_per_frame(&self) -> u32 {
        match (self.layer, self.version) {
            (1, _) => 384,
            (3, MpegVersion::V2 | MpegVersion::V25) => 576,
            _ => 1152,
        }
    }

    /// The frame length in bytes as mutagen computes it, i.e. where it looks
    /// for the next frame. For layer I mutagen counts four times the real
    /// length: `(48 * bitrate / sample_rate + padding) * 4`.
    pub fn frame_size(&self) -> u32 {
        let br = u64::from(self.bitrate);
        let sr = u64::from(self.sample_rate);
        let pad = u64::from(self.padding);
        let size = match (self.layer, self.version) {
            (1, _) => (48 * br / sr + pad) * 4,
            (3, MpegVersion::V2 | MpegVersion::V25) => 72 * br / sr + pad,
            _ => 144 * br / sr + pad,
        };
        // At most 2881 bytes.
        size as u32
    }

    /// Offset of a Xing/Info header from the start of a layer III frame
    /// (mutagen's `XingHeader.get_offset`): 36/21 bytes (MPEG-1
    /// stereo/mono), 21/13 (MPEG-2/2.5). `None` for layers I and II, where
    /// mutagen asserts.
    pub fn xing_offset(&self) -> Option<u32> {
        if self.layer != 3 {
            return None;
        }
        Some(match (self.version, self.mode == MONO) {
            (MpegVersion::V1, false) => 36,
            (MpegVersion::V1, true) => 21,
            (_, false) => 21,
            (_, true) => 13,
        })
    }

    /// Offset of a VBRI header from the start of a layer III frame
    /// (mutagen's `VBRIHeader.get_offset`): always 36. `None` for layers I
    /// and II.
    pub fn vbri_offset(&self) -> Option<u32> {
        (self.layer == 3).then_some(36)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_fields() {
        let h = FrameHeader::parse(&[0xFF, 0xFB, 0x90, 0x64]).unwrap();
        assert_eq!(h.version, MpegVersion::V1);
        assert_eq!(h.layer, 3);
        assert!(!h.protected);
        assert_eq!(h.bitrate, 128_000);
        assert_eq!(h.sample_rate, 44100);
        assert_eq!(h.mode, JOINTSTEREO);
        assert_eq!(h.mode_extension, 2);
        assert!(h.original);
        assert_eq!(h.frame_size(), 417);
        assert_eq!(h.samples_per_frame(), 1152);
        assert_eq!(h.xing_offset(), Some(36));
        assert_eq!(h.channels(), 2);

        let msg = |b: &[u8]| FrameHeader::parse(b).unwrap_err().to_string();
        assert_eq!(msg(b""), TRUNCATED_HEADER);
        assert_eq!(msg(b"\xff"), TRUNCATED_HEADER);
        assert_eq!(msg(b"\xff\xfb\x90"), TRUNCATED_HEADER);
        assert_eq!(msg(b"\x00\x00\x00"), INVALID_SYNC);
        assert_eq!(msg(b"\xfe\xfb\x90\x00"), INVALID_SYNC);
        assert_eq!(msg(b"\xff\xfb\x9c\x00"), INVALID_HEADER);
        assert_eq!(msg(b"\xff\xfb\xf0\x00"), INVALID_HEADER);
        assert_eq!(msg(b"\xff\xfb\x00\x00"), INVALID_HEADER);
        assert_eq!(msg(b"\xff\xe8\x90\x00"), INVALID_HEADER);
        assert_eq!(msg(b"\xff\xe0\x90\x00"), INVALID_HEADER);

        // Layer I: mutagen's length is four times the real one.
        let h = FrameHeader::parse(&[0xFF, 0xFF, 0x40, 0x40]).unwrap();
        assert_eq!((h.layer, h.bitrate, h.sample_rate), (1, 128_000, 44100));
        assert_eq!(h.frame_size(), 556);
        assert_eq!(h.xing_offset(), None);
        assert_eq!(MpegVersion::V25.to_string(), "2.5");
        assert!(!MpegVersion::V25.is_integer());
        assert_eq!(MpegVersion::V2.as_f64(), 2.0);
        assert_eq!(BitrateMode::Abr as u8, 3);
        assert_eq!(BitrateMode::default().name(), "UNKNOWN");
    }
}
