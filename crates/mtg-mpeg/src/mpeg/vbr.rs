//! The VBR headers in the first frame of an MP3 stream: Xing/Info (with the
//! optional LAME extension) and Fraunhofer's VBRI.

use nom::bytes::complete::take;
use nom::number::complete::{be_u16, be_u32};
use nom::IResult;

use mtg_core::ByteSource;

use crate::error::{VbriHeaderError, XingHeaderError};
use crate::mpeg::header::BitrateMode;
use crate::mpeg::lame::{LameHeader, LameVersion};

/// Xing header flag: the frame count is present.
pub const XING_FRAMES: u32 = 1;
/// Xing header flag: the byte count is present.
pub const XING_BYTES: u32 = 2;
/// Xing header flag: the 100-entry seek table is present.
pub const XING_TOC: u32 = 4;
/// Xing header flag: the VBR scale is present.
pub const XING_VBR_SCALE: u32 = 8;

/// Most bytes [`XingHeader::parse`] looks at: tag, flags, the four fields
/// and the LAME version and header.
pub const XING_MAX_LEN: usize = 8 + 4 + 4 + 100 + 4 + 9 + LameHeader::LEN;

/// A Xing or Info header (mutagen's `XingHeader`).
#[derive(Debug, Clone, PartialEq)]
pub struct XingHeader {
    /// `true` for an `Info` tag (written by LAME for CBR files), `false`
    /// for `Xing`.
    pub is_info: bool,
    /// Number of frames (without this one), when present.
    pub frames: Option<u32>,
    /// Number of bytes of the stream (with this frame), when present.
    pub bytes: Option<u32>,
    /// The seek table (100 entries), empty when absent.
    pub toc: Vec<u8>,
    /// VBR scale, when present.
    pub vbr_scale: Option<u32>,
    /// The LAME encoder version, when the tag carries a readable one.
    pub lame_version: Option<LameVersion>,
    /// The LAME header, for LAME 3.90+ tags whose header parses.
    pub lame_header: Option<LameHeader>,
    /// Bytes of the input the parser consumed (where mutagen leaves the
    /// file position).
    pub consumed: usize,
}

/// Read a big-endian 32-bit field from the front of `rest` when `present`.
fn take_field(rest: &mut &[u8], present: bool) -> Result<Option<u32>, XingHeaderError> {
    if !present {
        return Ok(None);
    }
    let (tail, v) =
        be_u32::<_, nom::error::Error<&[u8]>>(*rest).map_err(|_| XingHeaderError::Truncated)?;
    *rest = tail;
    Ok(Some(v))
}

impl XingHeader {
    /// Parse a header at the start of `data`, which should hold every byte
    /// up to the end of the file or at least [`XING_MAX_LEN`] bytes.
    pub fn parse(data: &[u8]) -> Result<XingHeader, XingHeaderError> {
        let (Some(tag), Some(flags)) = (data.get(..4), data.get(4..8)) else {
            return Err(XingHeaderError::NotXing);
        };
        if tag != b"Xing" && tag != b"Info" {
            return Err(XingHeaderError::NotXing);
        }
        let flags = u32::from_be_bytes([flags[0], flags[1], flags[2], flags[3]]);
        let mut rest = &data[8..];
        let frames = take_field(&mut rest, flags & XING_FRAMES != 0)?;
        let bytes = take_field(&mut rest, flags & XING_BYTES != 0)?;
        let mut toc = Vec::new();
        if flags & XING_TOC != 0 {
            let (tail, t) = take::<_, _, nom::error::Error<&[u8]>>(100usize)(rest)
                .map_err(|_| XingHeaderError::Truncated)?;
            toc = t.to_vec();
            rest = tail;
        }
        let vbr_scale = take_field(&mut rest, flags & XING_VBR_SCALE != 0)?;
        let fields_end = data.len() - rest.len();
        let mut header = XingHeader {
            is_info: tag == b"Info",
            frames,
            bytes,
            toc,
            vbr_scale,
            lame_version: None,
            lame_header: None,
            consumed: fields_end + rest.len().min(20),
        };
        if let Ok(version) = LameVersion::parse(rest) {
            if version.is_new {
                let after = &rest[9..];
                header.consumed = fields_end + 9 + after.len().min(LameHeader::LEN);
                header.lame_header = LameHeader::parse(header.vbr_scale_py(), after).ok();
            }
            header.lame_version = Some(version);
        }
        Ok(header)
    }

    /// The frame count as mutagen holds it: -1 when absent.
    pub fn frames_py(&self) -> i64 {
        self.frames.map_or(-1, i64::from)
    }

    /// The byte count as mutagen holds it: -1 when absent.
    pub fn bytes_py(&self) -> i64 {
        self.bytes.map_or(-1, i64::from)
    }

    /// The VBR scale as mutagen holds it: -1 when absent.
    pub fn vbr_scale_py(&self) -> i64 {
        self.vbr_scale.map_or(-1, i64::from)
    }

    /// `(major, minor)` of the LAME version, `(0, 0)` when there is none.
    pub fn lame_version_tuple(&self) -> (u64, u64) {
        self.lame_version
            .as_ref()
            .map_or((0, 0), |v| (u64::from(v.major), v.minor))
    }

    /// The LAME version description, empty when there is none.
    pub fn lame_version_desc(&self) -> &str {
        self.lame_version.as_ref().map_or("", |v| v.desc.as_str())
    }

    /// The guessed encoder settings (mutagen's `get_encoder_settings`):
    /// empty without a LAME header.
    pub fn encoder_settings(&self) -> String {
        match &self.lame_header {
            Some(lame) => {
                let (major, minor) = self.lame_version_tuple();
                lame.guess_settings(major, minor)
            }
            None => String::new(),
        }
    }

    /// The bitrate mode a stream with this header has (mutagen's
    /// `_guess_xing_bitrate_mode`): from the LAME VBR method when it is
    /// known, CBR for an `Info` tag, else VBR when a VBR scale or a LAME
    /// version is present.
    pub fn bitrate_mode(&self) -> BitrateMode {
        if let Some(lame) = &self.lame_header {
            match lame.vbr_method {
                1 | 8 => return BitrateMode::Cbr,
                2 | 9 => return BitrateMode::Abr,
                3..=6 => return BitrateMode::Vbr,
                _ => {}
            }
        }
        if self.is_info {
            BitrateMode::Cbr
        } else if self.vbr_scale.is_some() || !self.lame_version_desc().is_empty() {
            BitrateMode::Vbr
        } else {
            BitrateMode::Unknown
        }
    }
}

/// Bytes of the fixed part of a VBRI header.
pub const VBRI_FIXED_LEN: usize = 26;

/// The fixed part of a VBRI header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VbriFixed {
    /// Version (1 is the only one accepted).
    pub version: u16,
    /// Quality.
    pub quality: u16,
    /// Bytes of the stream.
    pub bytes: u32,
    /// Frames of the stream.
    pub frames: u32,
    /// Number of TOC entries.
    pub toc_entries: u16,
    /// TOC scale factor.
    pub toc_scale_factor: u16,
    /// Bytes per TOC entry (2 or 4 accepted).
    pub toc_entry_size: u16,
    /// Frames per TOC entry.
    pub toc_frames: u16,
}

fn vbri_fixed(input: &[u8]) -> IResult<&[u8], VbriFixed> {
    let (input, _tag) = take(4usize)(input)?;
    let (input, version) = be_u16(input)?;
    let (input, _delay) = be_u16(input)?;
    let (input, quality) = be_u16(input)?;
    let (input, bytes) = be_u32(input)?;
    let (input, frames) = be_u32(input)?;
    let (input, toc_entries) = be_u16(input)?;
    let (input, toc_scale_factor) = be_u16(input)?;
    let (input, toc_entry_size) = be_u16(input)?;
    let (input, toc_frames) = be_u16(input)?;
    Ok((
        input,
        VbriFixed {
            version,
            quality,
            bytes,
            frames,
            toc_entries,
            toc_scale_factor,
            toc_entry_size,
            toc_frames,
        },
    ))
}

impl VbriFixed {
    /// Parse and check the fixed part at the start of `data`, given how many
    /// bytes the input holds from its start (`available`, at least
    /// `data.len()`): the TOC must fit in them. Returns the header and the
    /// TOC length in bytes.
    pub fn parse(data: &[u8], available: u64) -> Result<(VbriFixed, usize), VbriHeaderError> {
        if data.len() < VBRI_FIXED_LEN || &data[..4] != b"VBRI" {
            return Err(VbriHeaderError::NotVbri);
        }
        let (_, fixed) = vbri_fixed(data).map_err(|_| VbriHeaderError::NotVbri)?;
        if fixed.version != 1 {
            return Err(VbriHeaderError::UnsupportedVersion(fixed.version));
        }
        let toc_len = usize::from(fixed.toc_entries) * usize::from(fixed.toc_entry_size);
        if available.saturating_sub(VBRI_FIXED_LEN as u64) < toc_len as u64 {
            return Err(VbriHeaderError::Truncated);
        }
        if fixed.toc_entry_size != 2 && fixed.toc_entry_size != 4 {
            return Err(VbriHeaderError::InvalidTocEntrySize);
        }
        Ok((fixed, toc_len))
    }
}

/// Why [`VbriHeader::read`] failed.
#[derive(Debug, thiserror::Error)]
pub enum VbriHeaderReadError {
    /// Not a valid VBRI header.
    #[error(transparent)]
    Header(#[from] VbriHeaderError),
    /// The byte source failed.
    #[error(transparent)]
    Io(#[from] mtg_core::Error),
}

/// A VBRI header (mutagen's `VBRIHeader`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VbriHeader {
    /// Version (always 1).
    pub version: u16,
    /// Quality.
    pub quality: u16,
    /// Bytes of the stream.
    pub bytes: u32,
    /// Frames of the stream.
    pub frames: u32,
    /// TOC scale factor.
    pub toc_scale_factor: u16,
    /// Frames per TOC entry.
    pub toc_frames: u16,
    /// The TOC entries.
    pub toc: Vec<u32>,
    /// Bytes of the input the parser consumed.
    pub consumed: usize,
}

impl VbriHeader {
    /// Read a header at `offset` in `src` (mutagen's `VBRIHeader(fileobj)`
    /// with the file there): the fixed part, then the table of contents.
    pub fn read<S: ByteSource + ?Sized>(
        src: &S,
        offset: u64,
    ) -> Result<VbriHeader, VbriHeaderReadError> {
        let fixed = src.read_range(offset, VBRI_FIXED_LEN)?;
        let available = src.len().saturating_sub(offset);
        let (_, toc_len) = VbriFixed::parse(&fixed, available)?;
        let all = src.read_range(offset, VBRI_FIXED_LEN + toc_len)?;
        Ok(Self::parse(&all)?)
    }

    /// Parse a header at the start of `data`, which must hold the whole
    /// table of contents (or end where the file ends).
    pub fn parse(data: &[u8]) -> Result<VbriHeader, VbriHeaderError> {
        let (fixed, toc_len) = VbriFixed::parse(data, data.len() as u64)?;
        let toc_bytes = &data[VBRI_FIXED_LEN..VBRI_FIXED_LEN + toc_len];
        let size = usize::from(fixed.toc_entry_size);
        let toc = toc_bytes
            .chunks_exact(size)
            .map(|c| c.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)))
            .collect();
        Ok(VbriHeader {
            version: fixed.version,
            quality: fixed.quality,
            bytes: fixed.bytes,
            frames: fixed.frames,
            toc_scale_factor: fixed.toc_scale_factor,
            toc_frames: fixed.toc_frames,
            toc,
            consumed: VBRI_FIXED_LEN + toc_len,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xing_from_mutagen_tests() {
        let data: &[u8] = b"Info\x00\x00\x00\x0f\x00\x00:>\x00\xed\xbd8\x00\x03\x05\x07\
\n\r\x0f\x12\x14\x17\x1a\x1c\x1e\"$&)+.1359;=@CEGJLORTVZ\\^ac\
fikmqsux{}\x80\x82\x84\x87\x8a\x8c\x8e\x92\x94\x96\x99\x9c\
\x9e\xa1\xa3\xa5\xa9\xab\xad\xb0\xb3\xb5\xb8\xba\xbd\xc0\xc2\
\xc4\xc6\xca\xcc\xce\xd1\xd4\xd6\xd9\xdb\xdd\xe1\xe3\xe5\xe8\
\xeb\xed\xf0\xf2\xf5\xf8\xfa\xfc\x00\x00\x009";
        let x = XingHeader::parse(data).unwrap();
        assert_eq!(x.bytes, Some(15_580_472));
        assert_eq!(x.frames, Some(14910));
        assert_eq!(x.vbr_scale, Some(57));
        assert_eq!(x.toc.len(), 100);
        assert_eq!(x.toc.iter().map(|&v| u32::from(v)).sum::<u32>(), 12625);
        assert!(x.is_info);
        assert_eq!(x.bitrate_mode(), BitrateMode::Cbr);
        assert_eq!(x.consumed, 120);
        assert_eq!(XingHeader::parse(b""), Err(XingHeaderError::NotXing));
        assert_eq!(XingHeader::parse(b"Xing"), Err(XingHeaderError::NotXing));
        assert_eq!(XingHeader::parse(b"aaaa"), Err(XingHeaderError::NotXing));
        assert_eq!(
            XingHeader::parse(b"Info\0\0\0\x01"),
            Err(XingHeaderError::Truncated)
        );
        let x = XingHeader::parse(b"Xing\0\0\0\0").unwrap();
        assert_eq!(x.bitrate_mode(), BitrateMode::Unknown);
        assert_eq!(
            (x.frames_py(), x.bytes_py(), x.vbr_scale_py()),
            (-1, -1, -1)
        );
        assert_eq!(x.lame_version_tuple(), (0, 0));
        assert_eq!(x.encoder_settings(), "");
    }

    #[test]
    fn vbri_from_mutagen_tests() {
        let mut data = b"VBRI\x00\x01\t1\x00d\x00\x0c\xb05\x00\x00\x049\x00\x87\x00\
\x01\x00\x02\x00\x08\n0\x19H\x18\xe0\x18x\x18\xe0\x18x\x19H\
\x18\xe0\x19H\x18\xe0\x18\xe0\x18x"
            .to_vec();
        data.resize(data.len() + 300, 0);
        let v = VbriHeader::parse(&data).unwrap();
        assert_eq!(
            (v.bytes, v.frames, v.quality, v.version),
            (831_541, 1081, 100, 1)
        );
        assert_eq!(v.toc_frames, 8);
        assert_eq!(v.toc.len(), 135);
        assert_eq!(v.toc.iter().sum::<u32>(), 72656);
        assert_eq!(VbriHeader::parse(b""), Err(VbriHeaderError::NotVbri));
        let src = mtg_core::SliceSource::new(&data);
        assert_eq!(VbriHeader::read(&src, 0).unwrap(), v);
        assert!(VbriHeader::read(&src, 1).is_err());
        assert_eq!(VbriHeader::parse(b"VBRI"), Err(VbriHeaderError::NotVbri));
        assert_eq!(VbriHeader::parse(b"Xing"), Err(VbriHeaderError::NotVbri));
        assert_eq!(
            VbriHeader::parse(&data[..40]),
            Err(VbriHeaderError::Truncated)
        );
    }
}
