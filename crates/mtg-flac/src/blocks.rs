//! FLAC metadata blocks: parse and write each kind the way mutagen does.
//!
//! A block is a 4-byte header (last-block flag, 7-bit type, 24-bit body
//! length) and a body. [`Block`] holds one parsed body; [`write_block`] adds
//! the header and [`render_blocks`] lays out a whole chain with the trailing
//! PADDING block mutagen always writes.
//!
//! Parsers take the body and read it in the same groups of bytes as mutagen,
//! so that a short body fails with the same
//! `file said N bytes, read M bytes` message. Writers mask every field to its
//! width, as mutagen's writer does; text and binary strings borrow from the
//! input.

use std::borrow::Cow;

use mtg_core::ByteSource;
use nom::bytes::complete::take;
use nom::number::complete::{be_u128, be_u16, be_u24, be_u32, be_u64, u8 as be_u8};
use nom::Parser;

use crate::error::{FlacError, Result};
use crate::vorbis::{decode_utf8, ErrorMode, VComment};

/// Block type codes (the low 7 bits of the header's first byte).
pub mod code {
    /// STREAMINFO.
    pub const STREAMINFO: u8 = 0;
    /// PADDING.
    pub const PADDING: u8 = 1;
    /// APPLICATION (kept as raw bytes, like mutagen).
    pub const APPLICATION: u8 = 2;
    /// SEEKTABLE.
    pub const SEEKTABLE: u8 = 3;
    /// VORBIS_COMMENT.
    pub const VORBIS_COMMENT: u8 = 4;
    /// CUESHEET.
    pub const CUESHEET: u8 = 5;
    /// PICTURE.
    pub const PICTURE: u8 = 6;
}

/// The largest body a block header can declare (24 bits).
pub const MAX_BLOCK_LEN: usize = 0xFF_FFFF;

type NomError<'a> = nom::error::Error<&'a [u8]>;

/// Reads a body in mutagen's groups: each group is all there or a
/// [`FlacError::Truncated`] naming its size and what was left.
pub(crate) struct Groups<'a> {
    rest: &'a [u8],
}

impl<'a> Groups<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Groups { rest: data }
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let taken: nom::IResult<&[u8], &[u8], NomError<'a>> = take(n).parse(self.rest);
        match taken {
            Ok((rest, group)) => {
                self.rest = rest;
                Ok(group)
            }
            Err(_) => Err(FlacError::truncated(n, self.rest.len())),
        }
    }

    /// The next `N` bytes decoded by a nom parser that consumes them.
    fn fields<const N: usize, O>(
        &mut self,
        mut parser: impl Parser<&'a [u8], Output = O, Error = NomError<'a>>,
    ) -> Result<O> {
        let group = self.take(N)?;
        parser
            .parse(group)
            .map(|(_, out)| out)
            .map_err(|_| FlacError::truncated(N, group.len()))
    }

    /// Bytes consumed so far, given the original input.
    pub(crate) fn consumed(&self, original: &[u8]) -> usize {
        original.len() - self.rest.len()
    }
}

/// `b` with trailing NUL bytes removed (Python's `rstrip(b"\0")`).
fn rstrip_nul(b: &[u8]) -> &[u8] {
    let end = b.iter().rposition(|&c| c != 0).map_or(0, |i| i + 1);
    b.get(..end).unwrap_or(&[])
}

/// `b` cut or NUL-padded to `n` bytes (Python's `struct.pack("<n>s")`).
fn push_fixed(out: &mut Vec<u8>, b: &[u8], n: usize) {
    let used = b.len().min(n);
    out.extend_from_slice(b.get(..used).unwrap_or(&[]));
    out.resize(out.len() + (n - used), 0);
}

fn out_of_range(what: &'static str) -> FlacError {
    FlacError::ValueOutOfRange(Cow::Borrowed(what))
}

fn u32_len(n: usize) -> Result<u32> {
    u32::try_from(n).map_err(|_| out_of_range("'I' format requires 0 <= number <= 4294967295"))
}

fn u8_count(n: usize) -> Result<u8> {
    u8::try_from(n).map_err(|_| out_of_range("ubyte format requires 0 <= number <= 255"))
}

/// STREAMINFO: the audio properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct StreamInfo {
    /// Minimum block size in samples.
    pub min_blocksize: u16,
    /// Maximum block size in samples.
    pub max_blocksize: u16,
    /// Minimum frame size in bytes (24 bits; 0 when unknown).
    pub min_framesize: u32,
    /// Maximum frame size in bytes (24 bits; 0 when unknown).
    pub max_framesize: u32,
    /// Sample rate in Hz (20 bits; never 0 in a parsed block).
    pub sample_rate: u32,
    /// Channel count (1 to 8; stored minus one in 3 bits).
    pub channels: u8,
    /// Bits per sample (1 to 32; stored minus one in 5 bits).
    pub bits_per_sample: u8,
    /// Total samples per channel (36 bits; 0 when unknown).
    pub total_samples: u64,
    /// MD5 of the decoded audio, as a 128-bit big-endian integer.
    pub md5_signature: u128,
}

impl StreamInfo {
    /// Size of the body as written.
    pub const LEN: usize = 34;

    /// Parse a body (extra bytes after the 34 are ignored, as by mutagen).
    pub fn parse(data: &[u8]) -> Result<Self> {
        let mut g = Groups::new(data);
        let min_blocksize = g.fields::<2, _>(be_u16)?;
        let max_blocksize = g.fields::<2, _>(be_u16)?;
        let min_framesize = g.fields::<3, _>(be_u24)?;
        let max_framesize = g.fields::<3, _>(be_u24)?;
        let rate_high = g.fields::<2, _>(be_u16)?;
        let packed = g.fields::<1, _>(be_u8)?;
        let (bps_total_high, total_low) = g.fields::<5, _>((be_u8, be_u32))?;
        let sample_rate = (u32::from(rate_high) << 4) | u32::from(packed >> 4);
        if sample_rate == 0 {
            return Err(FlacError::InvalidSampleRate);
        }
        let md5_signature = g.fields::<16, _>(be_u128)?;
        Ok(StreamInfo {
            min_blocksize,
            max_blocksize,
            min_framesize,
            max_framesize,
            sample_rate,
            channels: ((packed >> 1) & 7) + 1,
            bits_per_sample: (((packed & 1) << 4) | (bps_total_high >> 4)) + 1,
            total_samples: (u64::from(bps_total_high & 0x0F) << 32) | u64::from(total_low),
            md5_signature,
        })
    }

    /// Duration in seconds: `total_samples / sample_rate` (0.0 without a
    /// sample rate).
    pub fn length(&self) -> f64 {
        if self.sample_rate == 0 {
            0.0
        } else {
            self.total_samples as f64 / f64::from(self.sample_rate)
        }
    }

    /// The 34-byte body, every field masked to its width.
    pub fn write(&self) -> [u8; 34] {
        let packed: u64 = (u64::from(self.sample_rate & 0xF_FFFF) << 44)
            | (u64::from(self.channels.wrapping_sub(1) & 7) << 41)
            | (u64::from(self.bits_per_sample.wrapping_sub(1) & 0x1F) << 36)
            | (self.total_samples & 0xF_FFFF_FFFF);
        let [a, b] = self.min_blocksize.to_be_bytes();
        let [c, d] = self.max_blocksize.to_be_bytes();
        let [_, e, f, g] = self.min_framesize.to_be_bytes();
        let [_, h, i, j] = self.max_framesize.to_be_bytes();
        let mut out = [0u8; 34];
        let fields = [a, b, c, d, e, f, g, h, i, j]
            .into_iter()
            .chain(packed.to_be_bytes())
            .chain(self.md5_signature.to_be_bytes());
        for (slot, byte) in out.iter_mut().zip(fields) {
            *slot = byte;
        }
        out
    }
}

/// PADDING: zero bytes. Only the length is kept (mutagen writes zeros
/// whatever the block held).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Padding {
    /// Length of the body in bytes.
    pub length: usize,
}

/// One SEEKTABLE entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct SeekPoint {
    /// Sample number of the target frame (`u64::MAX` for a placeholder).
    pub first_sample: u64,
    /// Offset in bytes from the first frame to the target frame.
    pub byte_offset: u64,
    /// Samples in the target frame.
    pub num_samples: u16,
}

/// SEEKTABLE: seek points.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct SeekTable {
    /// The points in stored order.
    pub seekpoints: Vec<SeekPoint>,
}

impl SeekTable {
    /// Parse a body: as many whole 18-byte points as fit; a partial one at the
    /// end is ignored (and dropped on writing).
    pub fn parse(data: &[u8]) -> Result<Self> {
        let seekpoints = data
            .chunks_exact(18)
            .filter_map(|p| {
                (be_u64::<_, NomError<'_>>, be_u64, be_u16)
                    .parse(p)
                    .ok()
                    .map(|(_, (first_sample, byte_offset, num_samples))| SeekPoint {
                        first_sample,
                        byte_offset,
                        num_samples,
                    })
            })
            .collect();
        Ok(SeekTable { seekpoints })
    }

    /// Append the body to `out`.
    pub fn write_into(&self, out: &mut Vec<u8>) {
        for p in &self.seekpoints {
            out.extend_from_slice(&p.first_sample.to_be_bytes());
            out.extend_from_slice(&p.byte_offset.to_be_bytes());
            out.extend_from_slice(&p.num_samples.to_be_bytes());
        }
    }
}

/// An index point of a cue sheet track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CueSheetTrackIndex {
    /// Index point number.
    pub index_number: u8,
    /// Offset in samples from the track's start.
    pub index_offset: u64,
}

/// A cue sheet track.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct CueSheetTrack<'a> {
    /// Track number (170 or 255 for the lead-out).
    pub track_number: u8,
    /// Offset in samples from the start of the audio.
    pub start_offset: u64,
    /// ISRC, trailing NULs removed (written NUL-padded or cut to 12 bytes).
    pub isrc: Cow<'a, [u8]>,
    /// 0 for audio, 1 for non-audio (only the lowest bit is written).
    pub track_type: u8,
    /// Pre-emphasis flag.
    pub pre_emphasis: bool,
    /// Index points.
    pub indexes: Vec<CueSheetTrackIndex>,
}

/// CUESHEET.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct CueSheet<'a> {
    /// Media catalog number, trailing NULs removed (written NUL-padded or cut
    /// to 128 bytes).
    pub media_catalog_number: Cow<'a, [u8]>,
    /// Lead-in in samples.
    pub lead_in_samples: u64,
    /// Whether the sheet describes a CD.
    pub compact_disc: bool,
    /// Tracks, lead-out last.
    pub tracks: Vec<CueSheetTrack<'a>>,
}

impl<'a> CueSheet<'a> {
    /// Parse a body (reserved bytes are skipped and written back as zeros).
    pub fn parse(data: &'a [u8]) -> Result<Self> {
        let mut g = Groups::new(data);
        let head = g.take(396)?;
        let (_, (mcn, lead_in_samples, flags, _, num_tracks)) =
            (take(128usize), be_u64, be_u8, take(258usize), be_u8)
                .parse(head)
                .map_err(|_: nom::Err<NomError<'_>>| FlacError::truncated(396u32, head.len()))?;
        let mut tracks = Vec::with_capacity(usize::from(num_tracks).min(data.len() / 36));
        for _ in 0..num_tracks {
            let group = g.take(36)?;
            let (_, (start_offset, track_number, isrc, flags, _, num_indexes)) =
                (be_u64, be_u8, take(12usize), be_u8, take(13usize), be_u8)
                    .parse(group)
                    .map_err(|_: nom::Err<NomError<'_>>| {
                        FlacError::truncated(36u32, group.len())
                    })?;
            let mut indexes = Vec::with_capacity(usize::from(num_indexes).min(data.len() / 12));
            for _ in 0..num_indexes {
                let group = g.take(12)?;
                let (_, (index_offset, index_number)) =
                    (be_u64, be_u8)
                        .parse(group)
                        .map_err(|_: nom::Err<NomError<'_>>| {
                            FlacError::truncated(12u32, group.len())
                        })?;
                indexes.push(CueSheetTrackIndex {
                    index_number,
                    index_offset,
                });
            }
            tracks.push(CueSheetTrack {
                track_number,
                start_offset,
                isrc: Cow::Borrowed(rstrip_nul(isrc)),
                track_type: flags >> 7,
                pre_emphasis: flags & 0x40 != 0,
                indexes,
            });
        }
        Ok(CueSheet {
            media_catalog_number: Cow::Borrowed(rstrip_nul(mcn)),
            lead_in_samples,
            compact_disc: flags & 0x80 != 0,
            tracks,
        })
    }

    /// Append the body to `out` (fails on more than 255 tracks or indexes).
    pub fn write_into(&self, out: &mut Vec<u8>) -> Result<()> {
        let start = out.len();
        let result = self.write_fields(out);
        if result.is_err() {
            out.truncate(start);
        }
        result
    }

    fn write_fields(&self, out: &mut Vec<u8>) -> Result<()> {
        push_fixed(out, &self.media_catalog_number, 128);
        out.extend_from_slice(&self.lead_in_samples.to_be_bytes());
        out.push(if self.compact_disc { 0x80 } else { 0 });
        out.resize(out.len() + 258, 0);
        out.push(u8_count(self.tracks.len())?);
        for t in &self.tracks {
            out.extend_from_slice(&t.start_offset.to_be_bytes());
            out.push(t.track_number);
            push_fixed(out, &t.isrc, 12);
            out.push(((t.track_type & 1) << 7) | if t.pre_emphasis { 0x40 } else { 0 });
            out.resize(out.len() + 13, 0);
            out.push(u8_count(t.indexes.len())?);
            for i in &t.indexes {
                out.extend_from_slice(&i.index_offset.to_be_bytes());
                out.push(i.index_number);
                out.extend_from_slice(&[0, 0, 0]);
            }
        }
        Ok(())
    }

    /// A copy that owns its bytes.
    pub fn into_owned(self) -> CueSheet<'static> {
        CueSheet {
            media_catalog_number: Cow::Owned(self.media_catalog_number.into_owned()),
            lead_in_samples: self.lead_in_samples,
            compact_disc: self.compact_disc,
            tracks: self
                .tracks
                .into_iter()
                .map(|t| CueSheetTrack {
                    track_number: t.track_number,
                    start_offset: t.start_offset,
                    isrc: Cow::Owned(t.isrc.into_owned()),
                    track_type: t.track_type,
                    pre_emphasis: t.pre_emphasis,
                    indexes: t.indexes,
                })
                .collect(),
        }
    }
}

/// Where a picture's image bytes are.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PictureData<'a> {
    /// In memory.
    Bytes(Cow<'a, [u8]>),
    /// Still in the file it was read from: `len` bytes at `offset`. Read them
    /// with [`PictureData::load`] when needed.
    InFile {
        /// Absolute file offset of the first byte.
        offset: u64,
        /// Number of bytes.
        len: u32,
    },
}

impl Default for PictureData<'_> {
    fn default() -> Self {
        PictureData::Bytes(Cow::Borrowed(&[]))
    }
}

impl PictureData<'_> {
    /// Length of the image data in bytes.
    pub fn len(&self) -> u64 {
        match self {
            PictureData::Bytes(b) => b.len() as u64,
            PictureData::InFile { len, .. } => u64::from(*len),
        }
    }

    /// Whether there are no image bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes: borrowed when in memory, read from `source` otherwise
    /// (which must be the file the picture was read from, unchanged).
    pub fn load<'s>(&'s self, source: Option<&'s dyn ByteSource>) -> Result<Cow<'s, [u8]>> {
        match self {
            PictureData::Bytes(b) => Ok(Cow::Borrowed(b.as_ref())),
            PictureData::InFile { offset, len } => {
                let missing = || FlacError::MissingPictureData {
                    offset: *offset,
                    len: u64::from(*len),
                };
                let source = source.ok_or_else(missing)?;
                let bytes = source.read_range(*offset, *len as usize)?;
                if bytes.len() == *len as usize {
                    Ok(bytes)
                } else {
                    Err(missing())
                }
            }
        }
    }
}

/// PICTURE: an embedded image.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Picture<'a> {
    /// Picture type (ID3v2 APIC codes; 3 is the front cover).
    pub picture_type: u32,
    /// MIME type (read as UTF-8 with replacement, like mutagen).
    pub mime: Cow<'a, str>,
    /// Description (UTF-8).
    pub desc: Cow<'a, str>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Colour depth in bits per pixel.
    pub depth: u32,
    /// Number of colours of an indexed image (0 otherwise).
    pub colors: u32,
    /// The image bytes.
    pub data: PictureData<'a>,
    /// The body length the file declared when the picture was too large for
    /// the header's 24 bits (mutagen's `_invalid_overflow_size`): written
    /// back as the header length if the body still does not fit.
    pub invalid_overflow_size: Option<u32>,
}

impl<'a> Picture<'a> {
    /// Parse a body whose image bytes are all present (mutagen's
    /// `Picture(data)`); bytes after the image are ignored.
    pub fn parse(data: &'a [u8]) -> Result<Self> {
        let (mut picture, data_len, header_len) = Self::parse_header(data)?;
        let image = Groups::new(data.get(header_len..).unwrap_or(&[])).take(data_len as usize)?;
        picture.data = PictureData::Bytes(Cow::Borrowed(image));
        Ok(picture)
    }

    /// Parse the fields before the image: the picture (with empty data), the
    /// image length and the number of header bytes.
    pub fn parse_header(data: &'a [u8]) -> Result<(Self, u32, usize)> {
        let mut g = Groups::new(data);
        let (picture_type, mime_len) = g.fields::<8, _>((be_u32, be_u32))?;
        let mime = g.take(mime_len as usize)?;
        let desc_len = g.fields::<4, _>(be_u32)?;
        let desc = g.take(desc_len as usize)?;
        let (width, height, depth, colors, data_len) =
            g.fields::<20, _>((be_u32, be_u32, be_u32, be_u32, be_u32))?;
        let picture = Picture {
            picture_type,
            mime: decode_utf8(mime, ErrorMode::Replace)?,
            desc: decode_utf8(desc, ErrorMode::Replace)?,
            width,
            height,
            depth,
            colors,
            data: PictureData::default(),
            invalid_overflow_size: None,
        };
        Ok((picture, data_len, g.consumed(data)))
    }

    /// Length of the body as written.
    pub fn encoded_len(&self) -> u64 {
        32 + self.mime.len() as u64 + self.desc.len() as u64 + self.data.len()
    }

    /// Append the body to `out`; image bytes still in a file are read from
    /// `source`.
    pub fn write_into(&self, out: &mut Vec<u8>, source: Option<&dyn ByteSource>) -> Result<()> {
        let data = self.data.load(source)?;
        let mime_len = u32_len(self.mime.len())?;
        let desc_len = u32_len(self.desc.len())?;
        let data_len = u32_len(data.len())?;
        out.reserve(32 + self.mime.len() + self.desc.len() + data.len());
        out.extend_from_slice(&self.picture_type.to_be_bytes());
        out.extend_from_slice(&mime_len.to_be_bytes());
        out.extend_from_slice(self.mime.as_bytes());
        out.extend_from_slice(&desc_len.to_be_bytes());
        out.extend_from_slice(self.desc.as_bytes());
        for v in [self.width, self.height, self.depth, self.colors, data_len] {
            out.extend_from_slice(&v.to_be_bytes());
        }
        out.extend_from_slice(&data);
        Ok(())
    }

    /// A copy that owns its text and bytes.
    pub fn into_owned(self) -> Picture<'static> {
        Picture {
            picture_type: self.picture_type,
            mime: Cow::Owned(self.mime.into_owned()),
            desc: Cow::Owned(self.desc.into_owned()),
            width: self.width,
            height: self.height,
            depth: self.depth,
            colors: self.colors,
            data: match self.data {
                PictureData::Bytes(b) => PictureData::Bytes(Cow::Owned(b.into_owned())),
                PictureData::InFile { offset, len } => PictureData::InFile { offset, len },
            },
            invalid_overflow_size: self.invalid_overflow_size,
        }
    }
}

/// A block kept as raw bytes: APPLICATION and every type mutagen does not
/// parse (7 to 127).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct RawBlock<'a> {
    /// The block type code.
    pub code: u8,
    /// The body, byte for byte.
    pub data: Cow<'a, [u8]>,
}

/// One metadata block.
#[derive(Debug, Clone, PartialEq)]
pub enum Block<'a> {
    /// STREAMINFO.
    StreamInfo(StreamInfo),
    /// PADDING.
    Padding(Padding),
    /// SEEKTABLE.
    SeekTable(SeekTable),
    /// VORBIS_COMMENT (no framing byte).
    VorbisComment {
        /// The comment.
        comment: VComment<'a>,
        /// Declared body length of a comment too large for 24 bits (see
        /// [`Picture::invalid_overflow_size`]).
        invalid_overflow_size: Option<u32>,
    },
    /// CUESHEET.
    CueSheet(CueSheet<'a>),
    /// PICTURE.
    Picture(Picture<'a>),
    /// APPLICATION or an unknown type, kept as raw bytes.
    Raw(RawBlock<'a>),
}

impl<'a> Block<'a> {
    /// A VORBIS_COMMENT block holding `comment`.
    pub fn vorbis_comment(comment: VComment<'a>) -> Self {
        Block::VorbisComment {
            comment,
            invalid_overflow_size: None,
        }
    }

    /// The type code written into the header.
    pub fn code(&self) -> u8 {
        match self {
            Block::StreamInfo(_) => code::STREAMINFO,
            Block::Padding(_) => code::PADDING,
            Block::SeekTable(_) => code::SEEKTABLE,
            Block::VorbisComment { .. } => code::VORBIS_COMMENT,
            Block::CueSheet(_) => code::CUESHEET,
            Block::Picture(_) => code::PICTURE,
            Block::Raw(r) => r.code,
        }
    }

    /// Parse a body of type `code` held entirely in `data`, as mutagen's
    /// block classes do when given bytes (a picture's image must be present;
    /// a comment is read like `VCFLACDict(data)`,
    /// [`crate::vorbis::ParseOptions::VCFLACDICT`]).
    pub fn parse(code: u8, data: &'a [u8]) -> Result<Self> {
        Ok(match code {
            code::STREAMINFO => Block::StreamInfo(StreamInfo::parse(data)?),
            code::PADDING => Block::Padding(Padding { length: data.len() }),
            code::SEEKTABLE => Block::SeekTable(SeekTable::parse(data)?),
            code::VORBIS_COMMENT => {
                let (comment, _) = VComment::parse(data, crate::vorbis::ParseOptions::VCFLACDICT)?;
                Block::vorbis_comment(comment)
            }
            code::CUESHEET => Block::CueSheet(CueSheet::parse(data)?),
            code::PICTURE => Block::Picture(Picture::parse(data)?),
            code => Block::Raw(RawBlock {
                code,
                data: Cow::Borrowed(data),
            }),
        })
    }

    /// The declared-size fallback for a body too large for the header.
    fn invalid_overflow_size(&self) -> Option<u32> {
        match self {
            Block::VorbisComment {
                invalid_overflow_size,
                ..
            } => *invalid_overflow_size,
            Block::Picture(p) => p.invalid_overflow_size,
            _ => None,
        }
    }

    /// Append the body (no header) to `out`; image bytes still in a file are
    /// read from `source`.
    pub fn write_body(&self, out: &mut Vec<u8>, source: Option<&dyn ByteSource>) -> Result<()> {
        match self {
            Block::StreamInfo(s) => out.extend_from_slice(&s.write()),
            Block::Padding(p) => out.resize(out.len() + p.length, 0),
            Block::SeekTable(s) => s.write_into(out),
            Block::VorbisComment { comment, .. } => comment.write_into(out, false)?,
            Block::CueSheet(c) => c.write_into(out)?,
            Block::Picture(p) => p.write_into(out, source)?,
            Block::Raw(r) => out.extend_from_slice(&r.data),
        }
        Ok(())
    }

    /// A copy that owns its text and bytes.
    pub fn into_owned(self) -> Block<'static> {
        match self {
            Block::StreamInfo(s) => Block::StreamInfo(s),
            Block::Padding(p) => Block::Padding(p),
            Block::SeekTable(s) => Block::SeekTable(s),
            Block::VorbisComment {
                comment,
                invalid_overflow_size,
            } => Block::VorbisComment {
                comment: comment.into_owned(),
                invalid_overflow_size,
            },
            Block::CueSheet(c) => Block::CueSheet(c.into_owned()),
            Block::Picture(p) => Block::Picture(p.into_owned()),
            Block::Raw(r) => Block::Raw(RawBlock {
                code: r.code,
                data: Cow::Owned(r.data.into_owned()),
            }),
        }
    }
}

/// Append a block with its header to `out` (mutagen's `_writeblock`). A body
/// over [`MAX_BLOCK_LEN`] is written with its `invalid_overflow_size` as the
/// header length if it has one, and is a [`FlacError::BlockTooLong`]
/// otherwise. `out` is unchanged on error.
pub fn write_block(
    block: &Block<'_>,
    last: bool,
    out: &mut Vec<u8>,
    source: Option<&dyn ByteSource>,
) -> Result<()> {
    let start = out.len();
    out.extend_from_slice(&[0; 4]);
    if let Err(e) = block.write_body(out, source) {
        out.truncate(start);
        return Err(e);
    }
    let body_len = out.len() - start - 4;
    let declared = if body_len <= MAX_BLOCK_LEN {
        body_len as u32
    } else if let Some(size) = block.invalid_overflow_size() {
        size
    } else {
        out.truncate(start);
        return Err(FlacError::BlockTooLong);
    };
    let header = header_bytes(block.code(), last, declared);
    if let Some(h) = out.get_mut(start..start + 4) {
        h.copy_from_slice(&header);
    }
    Ok(())
}

/// A block header: type code (with bit 7 set for the last block) and the
/// low 24 bits of `len`.
pub fn header_bytes(code: u8, last: bool, len: u32) -> [u8; 4] {
    let [_, a, b, c] = len.to_be_bytes();
    [if last { code | 0x80 } else { code }, a, b, c]
}

/// What a padding choice is based on; `size` is the bytes of the file after
/// the metadata (the audio, plus any trailing tag).
pub use mtg_core::padding::PaddingInfo;

/// Lay out a block chain as mutagen's `_writeblocks(blocks, available,
/// cont_size, padding_func)` does: every block except PADDING, in order, then
/// one PADDING block (the last block) whose length `padding` chooses from a
/// [`PaddingInfo`] with `padding = available - (bytes of the other blocks + 4)`
/// and `size = content_size` ([`PaddingInfo::default_padding`] when `None`),
/// clamped to `0..=MAX_BLOCK_LEN`.
pub fn render_blocks(
    blocks: &[Block<'_>],
    available: i64,
    content_size: u64,
    padding: Option<&mut (dyn FnMut(&PaddingInfo) -> i64 + '_)>,
    source: Option<&dyn ByteSource>,
) -> Result<Vec<u8>> {
    render_chain(blocks, available, content_size, padding, source).map(|(out, _)| out)
}

/// [`render_blocks`], also giving for each block of `blocks` the offset of
/// its header in the output (`None` for PADDING blocks, not written).
pub fn render_chain(
    blocks: &[Block<'_>],
    available: i64,
    content_size: u64,
    padding: Option<&mut (dyn FnMut(&PaddingInfo) -> i64 + '_)>,
    source: Option<&dyn ByteSource>,
) -> Result<(Vec<u8>, Vec<Option<usize>>)> {
    let mut out = Vec::new();
    let mut offsets = Vec::with_capacity(blocks.len());
    for block in blocks {
        if matches!(block, Block::Padding(_)) {
            offsets.push(None);
        } else {
            offsets.push(Some(out.len()));
            write_block(block, false, &mut out, source)?;
        }
    }
    let needed = i64::try_from(out.len())
        .unwrap_or(i64::MAX)
        .saturating_add(4);
    let info = PaddingInfo {
        padding: available.saturating_sub(needed),
        size: i64::try_from(content_size).unwrap_or(i64::MAX),
    };
    let chosen = match padding {
        Some(f) => f(&info),
        None => info.default_padding(),
    };
    let length = chosen.clamp(0, MAX_BLOCK_LEN as i64) as usize;
    out.extend_from_slice(&header_bytes(code::PADDING, true, length as u32));
    out.resize(out.len() + length, 0);
    Ok((out, offsets))
}
