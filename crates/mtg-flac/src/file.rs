//! FLAC files: finding the metadata, reading the block chain, saving an
//! edited chain back, the way mutagen 1.48.1 does.
//!
//! # Reading
//!
//! A file may start with one ID3v2 tag, skipped using its 10-byte header
//! (the size's bytes are read 7 bits each, whatever their top bit; a footer
//! is not skipped; a second tag is not looked for). Then comes `fLaC` and the
//! chain of blocks up to the one flagged last; the audio starts right after.
//!
//! Blocks are walked like mutagen walks them: a VORBIS_COMMENT or PICTURE
//! block is measured from its own length fields and the next block starts
//! where it really ends, whatever its header declared (this is how mutagen
//! reads files whose declared sizes are too short, and why trailing bytes
//! inside such a block break the chain); every other block is its declared
//! size. Any read that comes up short is a
//! [`FlacError::Truncated`] with mutagen's message, computed from the file
//! length without reading past it.
//!
//! [`FlacFile::read`] makes few reads: the start of the file (a few KiB,
//! usually every header and small block), then only what lies beyond: a
//! picture's image bytes and PADDING are never read, and the audio is never
//! read. Block bodies stay in the buffers read (borrowed from the source
//! when it is in memory) and are parsed when asked for.
//!
//! # Saving
//!
//! [`save_path`] and [`save_to`] follow mutagen's `FLAC.save`: the target's
//! own layout is walked again, the given blocks are written in order without
//! their PADDING blocks, and one PADDING block ends the chain (see
//! [`render_blocks`](crate::render_blocks)). The region replaced starts at `fLaC` (at 0 with
//! `delete_id3`, dropping an ID3v2 tag in front) and ends where the audio
//! starts; with `delete_id3` an ID3v1 tag (`TAG` 128 bytes from the end of the
//! saved file) is cut off too. [`delete_path`] is mutagen's `delete()`: all
//! VORBIS_COMMENT blocks removed, padding 0.

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::Path;

use mtg_core::{ByteSource, EditTarget, FileSource, SaveMethod};
use nom::number::complete::{be_u24, be_u32, le_u32};

use crate::blocks::{
    code, render_chain, Block, CueSheet, PaddingInfo, Picture, PictureData, RawBlock, SeekTable,
    StreamInfo, MAX_BLOCK_LEN,
};
use crate::error::{FlacError, NoHeader, Result};
use crate::vorbis::{ParseOptions, VComment};

/// Bytes read at the start of a file: enough for the headers and small
/// blocks of most files.
const INITIAL_READ: usize = 4096;
/// Extra bytes read past what is needed, so that the next block header
/// usually comes with the current block.
const LOOKAHEAD: usize = 1024;
/// Largest VORBIS_COMMENT body read in one go on the strength of its
/// declared length (a longer one is read as it is walked).
const PREFETCH_MAX: u64 = 1 << 20;
/// Read size when walking a VORBIS_COMMENT past its declared end.
const OVERRUN_READ: usize = 64 * 1024;

/// Where a block is in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BlockInfo {
    /// The type code (7 bits).
    pub code: u8,
    /// File offset of the 4-byte header.
    pub offset: u64,
    /// Body length declared by the header.
    pub declared_len: u32,
    /// Body length as walked: the declared one, except for VORBIS_COMMENT and
    /// PICTURE blocks, measured from their content.
    pub len: u64,
    /// Whether the header carries the last-block flag.
    pub last: bool,
}

/// A range inside one of the buffers read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Loc {
    seg: usize,
    start: usize,
    len: usize,
}

/// What is kept of a block's body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    /// PADDING: nothing (never read).
    Padding,
    /// The whole body (or, for a VORBIS_COMMENT, the measured body).
    Body(Loc),
    /// A picture's fields before the image; the image stays in the file.
    Picture {
        header: Loc,
        data_offset: u64,
        data_len: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    info: BlockInfo,
    content: Content,
}

/// A source of byte ranges with the lifetime of what it hands out.
trait Fetch<'s> {
    fn total_len(&self) -> u64;
    fn get(&self, offset: u64, len: usize) -> Result<Cow<'s, [u8]>>;
}

struct FromSource<'s, S: ?Sized>(&'s S);

impl<'s, S: ByteSource + ?Sized> Fetch<'s> for FromSource<'s, S> {
    fn total_len(&self) -> u64 {
        self.0.len()
    }
    fn get(&self, offset: u64, len: usize) -> Result<Cow<'s, [u8]>> {
        Ok(self.0.read_range(offset, len)?)
    }
}

struct FromSlice<'s>(&'s [u8]);

impl<'s> Fetch<'s> for FromSlice<'s> {
    fn total_len(&self) -> u64 {
        self.0.len() as u64
    }
    fn get(&self, offset: u64, len: usize) -> Result<Cow<'s, [u8]>> {
        let start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.0.len());
        let end = start.saturating_add(len).min(self.0.len());
        Ok(Cow::Borrowed(self.0.get(start..end).unwrap_or(&[])))
    }
}

/// A buffer read from the source, starting at `start`.
#[derive(Debug, Clone)]
struct Segment<'s> {
    start: u64,
    bytes: Cow<'s, [u8]>,
}

impl Segment<'_> {
    /// Where `[offset, offset + len)` lies in this buffer, if inside.
    fn local(&self, offset: u64, len: usize) -> Option<usize> {
        let local = usize::try_from(offset.checked_sub(self.start)?).ok()?;
        (local.checked_add(len)? <= self.bytes.len()).then_some(local)
    }
}

/// Reads byte ranges on demand, keeping what blocks need and reusing what
/// was read for what follows. Never reads past the end of the source, and
/// never allocates for bytes that are not there.
struct Loader<'s, F> {
    src: F,
    len: u64,
    segments: Vec<Segment<'s>>,
    /// The last buffer read only to walk (length fields), dropped when the
    /// next one is read unless a block keeps it.
    scratch: Option<Segment<'s>>,
}

impl<'s, F: Fetch<'s>> Loader<'s, F> {
    fn new(src: F) -> Self {
        let len = src.total_len();
        Loader {
            src,
            len,
            segments: Vec::new(),
            scratch: None,
        }
    }

    /// Fail like mutagen's reads unless `len` bytes exist at `offset`.
    fn present(&self, offset: u64, len: u64) -> Result<()> {
        let available = self.len.saturating_sub(offset);
        if available < len {
            Err(FlacError::truncated(len, available))
        } else {
            Ok(())
        }
    }

    fn size(len: u64) -> Result<usize> {
        usize::try_from(len).map_err(|_| FlacError::truncated(len, 0u8))
    }

    fn read(&self, offset: u64, len: usize, hint: usize) -> Result<Segment<'s>> {
        let bytes = self.src.get(offset, len.max(hint))?;
        if bytes.len() < len {
            // The source shrank under us.
            return Err(FlacError::truncated(len, bytes.len()));
        }
        Ok(Segment {
            start: offset,
            bytes,
        })
    }

    /// `len` bytes at `offset` for walking only.
    fn peek(&mut self, offset: u64, len: usize, hint: usize) -> Result<&[u8]> {
        self.present(offset, len as u64)?;
        if let Some((i, local)) = self
            .segments
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, s)| s.local(offset, len).map(|l| (i, l)))
        {
            return Ok(self
                .segments
                .get(i)
                .map_or(&[][..], |s| slice(&s.bytes, local, len)));
        }
        let hit = self.scratch.as_ref().and_then(|s| s.local(offset, len));
        let local = match hit {
            Some(local) => local,
            None => {
                self.scratch = Some(self.read(offset, len, hint)?);
                0
            }
        };
        Ok(self
            .scratch
            .as_ref()
            .map_or(&[][..], |s| slice(&s.bytes, local, len)))
    }

    /// `len` bytes at `offset`, kept for later.
    fn fetch(&mut self, offset: u64, len: u64, hint: usize) -> Result<Loc> {
        self.present(offset, len)?;
        let len = Self::size(len)?;
        if let Some(loc) = self
            .segments
            .iter()
            .enumerate()
            .rev()
            .find_map(|(seg, s)| s.local(offset, len).map(|start| Loc { seg, start, len }))
        {
            return Ok(loc);
        }
        let from_scratch = self.scratch.as_ref().and_then(|s| s.local(offset, len));
        let (segment, start) = match (from_scratch, self.scratch.take()) {
            (Some(start), Some(segment)) => (segment, start),
            (_, scratch) => {
                self.scratch = scratch;
                (self.read(offset, len, hint)?, 0)
            }
        };
        self.segments.push(segment);
        Ok(Loc {
            seg: self.segments.len() - 1,
            start,
            len,
        })
    }
}

fn slice(bytes: &[u8], start: usize, len: usize) -> &[u8] {
    start
        .checked_add(len)
        .and_then(|end| bytes.get(start..end))
        .unwrap_or(&[])
}

fn arr4(b: &[u8]) -> [u8; 4] {
    let mut out = [0u8; 4];
    for (d, s) in out.iter_mut().zip(b) {
        *d = *s;
    }
    out
}

fn read_be_u24(b: &[u8]) -> u32 {
    be_u24::<_, nom::error::Error<&[u8]>>(b).map_or(0, |(_, v)| v)
}

fn read_be_u32(b: &[u8]) -> u32 {
    be_u32::<_, nom::error::Error<&[u8]>>(b).map_or(0, |(_, v)| v)
}

fn read_le_u32(b: &[u8]) -> u32 {
    le_u32::<_, nom::error::Error<&[u8]>>(b).map_or(0, |(_, v)| v)
}

/// The result of walking a file.
struct Walk {
    flac_offset: u64,
    entries: Vec<Entry>,
    audio_offset: u64,
    stream_info: Option<StreamInfo>,
}

/// Walk the header and the block chain. With `validate`, parse STREAMINFO,
/// SEEKTABLE and CUESHEET blocks as they come and check what mutagen checks
/// when loading (a STREAMINFO exists; at most one SEEKTABLE and CUESHEET).
fn walk<'s, F: Fetch<'s>>(loader: &mut Loader<'s, F>, validate: bool) -> Result<Walk> {
    let mut marker = arr4(loader.peek(0, 4, INITIAL_READ)?);
    let mut flac_offset = 0u64;
    if marker.starts_with(b"ID3") {
        let rest = loader.peek(4, 6, INITIAL_READ)?;
        let size = rest
            .get(2..6)
            .unwrap_or(&[])
            .iter()
            .fold(0u64, |acc, &b| (acc << 7) | u64::from(b & 0x7F));
        flac_offset = 10 + size;
        marker = arr4(loader.peek(flac_offset, 4, INITIAL_READ)?);
    }
    if &marker != b"fLaC" {
        return Err(FlacError::NoHeader(NoHeader::NotFlac));
    }

    let mut pos = flac_offset + 4;
    let mut entries = Vec::new();
    let mut stream_info = None;
    let (mut seektables, mut cuesheets) = (0u32, 0u32);
    loop {
        let first = loader
            .peek(pos, 1, LOOKAHEAD)?
            .first()
            .copied()
            .unwrap_or(0);
        let declared = read_be_u24(loader.peek(pos + 1, 3, LOOKAHEAD)?);
        let block_code = first & 0x7F;
        let last = first & 0x80 != 0;
        let body = pos + 4;
        let (len, content) = match block_code {
            code::VORBIS_COMMENT => walk_vorbis(loader, body, declared)?,
            code::PICTURE => walk_picture(loader, body)?,
            code::PADDING => {
                loader.present(body, u64::from(declared))?;
                (u64::from(declared), Content::Padding)
            }
            _ => {
                let hint = (declared as usize).saturating_add(4 + LOOKAHEAD);
                let loc = loader.fetch(body, u64::from(declared), hint)?;
                (u64::from(declared), Content::Body(loc))
            }
        };
        if validate {
            if let Content::Body(loc) = content {
                let data = loader
                    .segments
                    .get(loc.seg)
                    .map_or(&[][..], |s| slice(&s.bytes, loc.start, loc.len));
                match block_code {
                    code::STREAMINFO => {
                        let info = StreamInfo::parse(data)?;
                        stream_info.get_or_insert(info);
                    }
                    code::SEEKTABLE => {
                        SeekTable::parse(data)?;
                        seektables += 1;
                        if seektables > 1 {
                            return Err(FlacError::Duplicate("SeekTable"));
                        }
                    }
                    code::CUESHEET => {
                        CueSheet::parse(data)?;
                        cuesheets += 1;
                        if cuesheets > 1 {
                            return Err(FlacError::Duplicate("CueSheet"));
                        }
                    }
                    _ => {}
                }
            }
        }
        entries.push(Entry {
            info: BlockInfo {
                code: block_code,
                offset: pos,
                declared_len: declared,
                len,
                last,
            },
            content,
        });
        pos = body + len;
        if last {
            break;
        }
    }
    if validate && stream_info.is_none() {
        return Err(FlacError::NoHeader(NoHeader::NoStreamInfo));
    }
    Ok(Walk {
        flac_offset,
        entries,
        audio_offset: pos,
        stream_info,
    })
}

/// Measure a VORBIS_COMMENT body from its length fields and keep it.
fn walk_vorbis<'s, F: Fetch<'s>>(
    loader: &mut Loader<'s, F>,
    body: u64,
    declared: u32,
) -> Result<(u64, Content)> {
    let declared_end = body + u64::from(declared);
    let hint = |at: u64| match declared_end.checked_sub(at) {
        Some(left) if left > 0 => (left as usize).saturating_add(4 + LOOKAHEAD),
        _ => OVERRUN_READ,
    };
    // The declared length is usually right: read the whole body (and what
    // follows it) at once instead of piece by piece while walking it.
    let declared_len = u64::from(declared);
    if declared_len <= PREFETCH_MAX && declared_end <= loader.len {
        loader.fetch(body, declared_len, hint(body))?;
    }
    let mut at = body;
    let length = |loader: &mut Loader<'s, F>, at: &mut u64| -> Result<u32> {
        let n = read_le_u32(loader.peek(*at, 4, hint(*at))?);
        *at += 4;
        Ok(n)
    };
    let vendor_len = length(loader, &mut at)?;
    loader.present(at, u64::from(vendor_len))?;
    at += u64::from(vendor_len);
    let count = length(loader, &mut at)?;
    for _ in 0..count {
        let n = length(loader, &mut at)?;
        loader.present(at, u64::from(n))?;
        at += u64::from(n);
    }
    let len = at - body;
    let loc = loader.fetch(body, len, 0)?;
    Ok((len, Content::Body(loc)))
}

/// Measure a PICTURE body; keep the fields before the image, not the image.
fn walk_picture<'s, F: Fetch<'s>>(loader: &mut Loader<'s, F>, body: u64) -> Result<(u64, Content)> {
    let hint = 256 + LOOKAHEAD;
    let mut at = body;
    let mime_len = read_be_u32(loader.peek(at, 8, hint)?.get(4..).unwrap_or(&[]));
    at += 8;
    loader.present(at, u64::from(mime_len))?;
    at += u64::from(mime_len);
    let desc_len = read_be_u32(loader.peek(at, 4, hint)?);
    at += 4;
    loader.present(at, u64::from(desc_len))?;
    at += u64::from(desc_len);
    let data_len = read_be_u32(loader.peek(at, 20, hint)?.get(16..).unwrap_or(&[]));
    at += 20;
    loader.present(at, u64::from(data_len))?;
    let data_offset = at;
    let header = loader.fetch(body, data_offset - body, 0)?;
    Ok((
        data_offset - body + u64::from(data_len),
        Content::Picture {
            header,
            data_offset,
            data_len,
        },
    ))
}

/// The metadata of a FLAC file, as mutagen's `FLAC` loads it.
#[derive(Debug, Clone)]
pub struct FlacFile<'s> {
    flac_offset: u64,
    audio_offset: u64,
    file_size: u64,
    stream_info: StreamInfo,
    entries: Vec<Entry>,
    segments: Vec<Segment<'s>>,
}

impl<'s> FlacFile<'s> {
    /// Read the metadata from `source`. Fails like mutagen's `FLAC(file)`:
    /// [`FlacError::NoHeader`] for a file that is not FLAC or has no
    /// STREAMINFO, other [`FlacError`]s for broken blocks.
    pub fn read<S: ByteSource + ?Sized>(source: &'s S) -> Result<Self> {
        // A source in memory is read as a slice: the same bytes, without
        // a call per read.
        match source.as_bytes() {
            Some(data) => Self::from_bytes(data),
            None => Self::from_loader(Loader::new(FromSource(source))),
        }
    }

    /// Read the metadata from bytes in memory, borrowing from them.
    pub fn from_bytes(data: &'s [u8]) -> Result<Self> {
        Self::from_loader(Loader::new(FromSlice(data)))
    }

    fn from_loader<F: Fetch<'s>>(mut loader: Loader<'s, F>) -> Result<Self> {
        let walked = walk(&mut loader, true)?;
        Ok(FlacFile {
            flac_offset: walked.flac_offset,
            audio_offset: walked.audio_offset,
            file_size: loader.len,
            stream_info: walked
                .stream_info
                .ok_or(FlacError::NoHeader(NoHeader::NoStreamInfo))?,
            entries: walked.entries,
            segments: loader.segments,
        })
    }

    /// File offset of `fLaC` (the size of an ID3v2 tag in front, or 0).
    pub fn flac_offset(&self) -> u64 {
        self.flac_offset
    }

    /// File offset where the audio starts (right after the last block).
    pub fn audio_offset(&self) -> u64 {
        self.audio_offset
    }

    /// Length of the file when it was read.
    pub fn file_size(&self) -> u64 {
        self.file_size
    }

    /// The first STREAMINFO block (mutagen's `info`).
    pub fn stream_info(&self) -> &StreamInfo {
        &self.stream_info
    }

    /// Duration in seconds (mutagen's `info.length`).
    pub fn length(&self) -> f64 {
        self.stream_info.length()
    }

    /// mutagen's `info.bitrate`: bytes after the metadata (trailing tags
    /// included) times 8 over the length, truncated; 0 for a zero length.
    pub fn bitrate(&self) -> u64 {
        let length = self.length();
        if length > 0.0 {
            let bits = (self.file_size.saturating_sub(self.audio_offset) as f64) * 8.0;
            (bits / length) as u64
        } else {
            0
        }
    }

    /// The blocks' positions, in file order.
    pub fn block_infos(&self) -> impl ExactSizeIterator<Item = &BlockInfo> + '_ {
        self.entries.iter().map(|e| &e.info)
    }

    /// Number of blocks.
    pub fn block_count(&self) -> usize {
        self.entries.len()
    }

    fn bytes(&self, loc: Loc) -> &[u8] {
        self.segments
            .get(loc.seg)
            .map_or(&[][..], |s| slice(&s.bytes, loc.start, loc.len))
    }

    /// The image bytes of a picture if they happen to be in a buffer read.
    fn loaded(&self, offset: u64, len: u32) -> Option<&[u8]> {
        self.segments.iter().find_map(|s| {
            s.local(offset, len as usize)
                .map(|local| slice(&s.bytes, local, len as usize))
        })
    }

    /// Parse the `index`-th block. A picture's image is
    /// [`PictureData::Bytes`] when it was read along with other blocks and
    /// [`PictureData::InFile`] otherwise.
    pub fn block(&self, index: usize) -> Result<Block<'_>> {
        let entry = self.entries.get(index).ok_or_else(|| {
            FlacError::Core(mtg_core::Error::invalid_argument(format!(
                "block index {index} out of range"
            )))
        })?;
        let info = entry.info;
        let overflow = (info.len > MAX_BLOCK_LEN as u64).then_some(info.declared_len);
        Ok(match entry.content {
            Content::Padding => Block::Padding(crate::blocks::Padding {
                length: info.declared_len as usize,
            }),
            Content::Body(loc) => {
                let data = self.bytes(loc);
                match info.code {
                    code::STREAMINFO => Block::StreamInfo(StreamInfo::parse(data)?),
                    code::SEEKTABLE => Block::SeekTable(SeekTable::parse(data)?),
                    code::CUESHEET => Block::CueSheet(CueSheet::parse(data)?),
                    code::VORBIS_COMMENT => Block::VorbisComment {
                        comment: VComment::parse(data, ParseOptions::FLAC)?.0,
                        invalid_overflow_size: overflow,
                    },
                    block_code => Block::Raw(RawBlock {
                        code: block_code,
                        data: Cow::Borrowed(data),
                    }),
                }
            }
            Content::Picture {
                header,
                data_offset,
                data_len,
            } => {
                let (mut picture, _, _) = Picture::parse_header(self.bytes(header))?;
                picture.data = match self.loaded(data_offset, data_len) {
                    Some(bytes) => PictureData::Bytes(Cow::Borrowed(bytes)),
                    None => PictureData::InFile {
                        offset: data_offset,
                        len: data_len,
                    },
                };
                picture.invalid_overflow_size = overflow;
                Block::Picture(picture)
            }
        })
    }

    /// Every block, parsed, in file order (mutagen's `metadata_blocks`).
    pub fn blocks(&self) -> Result<Vec<Block<'_>>> {
        (0..self.entries.len()).map(|i| self.block(i)).collect()
    }

    /// Index of the first VORBIS_COMMENT block (the one mutagen's `tags`
    /// is).
    pub fn tags_index(&self) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| e.info.code == code::VORBIS_COMMENT)
    }

    /// The comment of the first VORBIS_COMMENT block (mutagen's `tags`).
    pub fn tags(&self) -> Result<Option<VComment<'_>>> {
        match self.tags_index().map(|i| self.block(i)).transpose()? {
            Some(Block::VorbisComment { comment, .. }) => Ok(Some(comment)),
            _ => Ok(None),
        }
    }

    /// Indices of the PICTURE blocks (mutagen's `pictures`), in order.
    pub fn picture_indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.info.code == code::PICTURE)
            .map(|(i, _)| i)
    }

    /// A copy that owns every buffer (no-op for buffers read from a file).
    pub fn into_owned(self) -> FlacFile<'static> {
        FlacFile {
            flac_offset: self.flac_offset,
            audio_offset: self.audio_offset,
            file_size: self.file_size,
            stream_info: self.stream_info,
            entries: self.entries,
            segments: self
                .segments
                .into_iter()
                .map(|s| Segment {
                    start: s.start,
                    bytes: Cow::Owned(s.bytes.into_owned()),
                })
                .collect(),
        }
    }
}

/// Where the metadata of a file is, as mutagen finds it when saving (the
/// chain is walked but no block is checked).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Layout {
    /// Offset of `fLaC` (size of a leading ID3v2 tag, or 0).
    pub flac_offset: u64,
    /// Offset where the audio starts.
    pub audio_offset: u64,
    /// Length of the file.
    pub file_size: u64,
}

/// Find the metadata region of `source` the way mutagen does before saving.
pub fn scan_layout<S: ByteSource + ?Sized>(source: &S) -> Result<Layout> {
    let mut loader = Loader::new(FromSource(source));
    let walked = walk(&mut loader, false)?;
    Ok(Layout {
        flac_offset: walked.flac_offset,
        audio_offset: walked.audio_offset,
        file_size: loader.len,
    })
}

/// How to save.
#[derive(Default)]
pub struct SaveOptions<'p> {
    /// Drop an ID3v2 tag in front and an ID3v1 tag at the end (mutagen's
    /// `deleteid3`).
    pub delete_id3: bool,
    /// Choose the padding (mutagen's `padding` callback); `None` uses
    /// [`PaddingInfo::default_padding`].
    pub padding: Option<&'p mut dyn FnMut(&PaddingInfo) -> i64>,
}

/// What to write: `data` replaces `old_len` bytes at `offset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavePlan {
    /// Start of the region replaced.
    pub offset: u64,
    /// Length of the region replaced.
    pub old_len: u64,
    /// `fLaC` and the new block chain.
    pub data: Vec<u8>,
    /// Whether an ID3v1 tag at the end is to be cut off afterwards.
    pub strip_id3v1: bool,
    /// For each block given, the file offset of its header after saving
    /// (`None` for PADDING blocks, which are not written).
    pub block_offsets: Vec<Option<u64>>,
}

/// Work out the new metadata region of `target` for `blocks` (mutagen's
/// `FLAC.save` up to the write). Image bytes still in a file are read from
/// `origin`, or from `target` when `origin` is `None`.
pub fn plan_save<S: ByteSource + ?Sized>(
    target: &S,
    blocks: &[Block<'_>],
    options: &mut SaveOptions<'_>,
    origin: Option<&dyn ByteSource>,
) -> Result<SavePlan> {
    let layout = scan_layout(target)?;
    let start = if options.delete_id3 {
        0
    } else {
        layout.flac_offset
    };
    let old_len = layout.audio_offset - start;
    let available = i64::try_from(old_len).unwrap_or(i64::MAX) - 4;
    let content_size = layout.file_size.saturating_sub(layout.audio_offset);
    let target_dyn = ByteSourceRef(target);
    let source: &dyn ByteSource = origin.unwrap_or(&target_dyn);
    let padding = options.padding.as_deref_mut();
    let (chain, offsets) = render_chain(blocks, available, content_size, padding, Some(source))?;
    let mut data = Vec::with_capacity(chain.len() + 4);
    data.extend_from_slice(b"fLaC");
    data.extend_from_slice(&chain);
    let block_offsets = offsets
        .into_iter()
        .map(|o| o.map(|o| start + 4 + o as u64))
        .collect();
    Ok(SavePlan {
        offset: start,
        old_len,
        data,
        strip_id3v1: options.delete_id3,
        block_offsets,
    })
}

/// Lets a generic source be used where a `&dyn ByteSource` is needed.
struct ByteSourceRef<'a, S: ?Sized>(&'a S);

impl<S: ByteSource + ?Sized> ByteSource for ByteSourceRef<'_, S> {
    fn len(&self) -> u64 {
        self.0.len()
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> mtg_core::Result<usize> {
        self.0.read_at(offset, buf)
    }
    fn read_range(&self, offset: u64, len: usize) -> mtg_core::Result<Cow<'_, [u8]>> {
        self.0.read_range(offset, len)
    }
    fn as_bytes(&self) -> Option<&[u8]> {
        self.0.as_bytes()
    }
}

/// The file offset where a picture's image starts, given the offset of its
/// block header (e.g. from [`SavePlan::block_offsets`]).
pub fn picture_data_offset(block_offset: u64, picture: &Picture<'_>) -> u64 {
    block_offset + 4 + 32 + picture.mime.len() as u64 + picture.desc.len() as u64
}

/// What a save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveOutcome {
    /// In place, or by rewriting the file.
    pub method: SaveMethod,
    /// For each block given, the file offset of its header after saving
    /// (`None` for PADDING blocks).
    pub block_offsets: Vec<Option<u64>>,
}

/// Cut 128 bytes off the end of `file` if they are an ID3v1 tag.
fn strip_id3v1<F: EditTarget + ?Sized>(file: &mut F) -> Result<()> {
    let len = file.current_len()?;
    if len >= 128 {
        let mut tag = [0u8; 3];
        file.read_exact_from(len - 128, &mut tag)?;
        if &tag == b"TAG" {
            file.truncate_or_extend(len - 128)?;
        }
    }
    Ok(())
}

/// Save `blocks` into the FLAC file at `path` (mutagen's `FLAC.save`):
/// in place when possible, otherwise by an atomic rewrite; the file is
/// complete or as it was. `origin` is where image bytes still in a file are
/// read from (the file the blocks were read from; `None` when that is
/// `path` itself).
pub fn save_path(
    path: impl AsRef<Path>,
    blocks: &[Block<'_>],
    options: &mut SaveOptions<'_>,
    origin: Option<&dyn ByteSource>,
) -> Result<SaveOutcome> {
    let path = path.as_ref();
    let plan = {
        let target = FileSource::open(path)?;
        plan_save(&target, blocks, options, origin)?
    };
    let method = mtg_core::save_region(path, plan.offset, plan.old_len, &plan.data)?;
    if plan.strip_id3v1 {
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)?;
        strip_id3v1(&mut file)?;
    }
    Ok(SaveOutcome {
        method,
        block_offsets: plan.block_offsets,
    })
}

/// A [`ByteSource`] reading through an [`EditTarget`].
struct TargetSource<'f, F: ?Sized> {
    file: RefCell<&'f mut F>,
    len: u64,
}

impl<F: EditTarget + ?Sized> ByteSource for TargetSource<'_, F> {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> mtg_core::Result<usize> {
        let available = usize::try_from(self.len.saturating_sub(offset)).unwrap_or(usize::MAX);
        let n = buf.len().min(available);
        if let Some(part) = buf.get_mut(..n) {
            if !part.is_empty() {
                self.file.borrow_mut().read_exact_from(offset, part)?;
            }
        }
        Ok(n)
    }

    fn read_range(&self, offset: u64, len: usize) -> mtg_core::Result<Cow<'_, [u8]>> {
        let available = usize::try_from(self.len.saturating_sub(offset)).unwrap_or(usize::MAX);
        let mut buf = vec![0u8; len.min(available)];
        let n = self.read_at(offset, &mut buf)?;
        buf.truncate(n);
        Ok(Cow::Owned(buf))
    }
}

/// [`save_path`] on an open file or any other [`EditTarget`] (a binding's
/// wrapper around a Python file object): edited in place; a failed edit is
/// undone.
pub fn save_to<F: EditTarget + ?Sized>(
    file: &mut F,
    blocks: &[Block<'_>],
    options: &mut SaveOptions<'_>,
    origin: Option<&dyn ByteSource>,
) -> Result<Vec<Option<u64>>> {
    let len = file.current_len()?;
    let plan = {
        let target = TargetSource {
            file: RefCell::new(&mut *file),
            len,
        };
        plan_save(&target, blocks, options, origin)?
    };
    mtg_core::replace_region(file, plan.offset, plan.old_len, &plan.data)?;
    if plan.strip_id3v1 {
        strip_id3v1(file)?;
    }
    Ok(plan.block_offsets)
}

/// mutagen's `flac.delete(path)`: remove every VORBIS_COMMENT block and save
/// with no padding (an ID3 tag in front is kept).
pub fn delete_path(path: impl AsRef<Path>) -> Result<SaveOutcome> {
    let path = path.as_ref();
    let source = FileSource::open(path)?;
    let plan = {
        let flac = FlacFile::read(&source)?;
        let blocks: Vec<Block<'_>> = flac
            .blocks()?
            .into_iter()
            .filter(|b| b.code() != code::VORBIS_COMMENT)
            .collect();
        let mut zero = |_: &PaddingInfo| 0;
        let mut options = SaveOptions {
            delete_id3: false,
            padding: Some(&mut zero),
        };
        plan_save(&source, &blocks, &mut options, None)?
    };
    drop(source);
    let method = mtg_core::save_region(path, plan.offset, plan.old_len, &plan.data)?;
    Ok(SaveOutcome {
        method,
        block_offsets: plan.block_offsets,
    })
}
