//! Reading an ID3v2 tag and splitting it into raw frames, as mutagen does.
//!
//! Reading ([`TagBytes::read`]) costs two positional reads: the 10-byte
//! header, then the whole tag body (one more only for an extended header
//! that reaches past the tag). Only bytes that exist are read, so a tag that
//! declares 256 MiB in a small file allocates no more than the file. Errors,
//! in mutagen's order: the header's ([`Id3Header::parse_fixed`]), the
//! extended header's, then `ValueError("size must not be negative")` for an
//! extended header larger than the tag, then an empty `mutagen.id3.error`
//! for a tag that ends before its declared size.
//!
//! Splitting ([`TagBytes::frames`]) never fails. Its rules, observed from
//! mutagen 1.48.1:
//!
//! * v2.2/v2.3 tags with the unsynchronisation flag are decoded as a whole
//!   before splitting; when the data is not valid unsynchronised data it is
//!   used as it is. (v2.4 unsynchronises per frame: see
//!   [`Tag::unsync_frames`].)
//! * Frame headers: v2.2 `id(3) size(3)`; v2.3 `id(4) size(4) flags(2)`;
//!   v2.4 the same with a syncsafe size, unless the tag was written with
//!   plain sizes, which mutagen detects with a heuristic ([`SizeMode`],
//!   [`determine_size_mode`]).
//! * Splitting stops when fewer bytes than a frame header remain or when a
//!   frame ID is all zero bytes; what remains is padding (mutagen's
//!   `_padding` is its length, whatever its content).
//! * A frame whose ID is not made of `A-Z0-9` with at least one letter is
//!   skipped (its declared size is still used to find the next frame), and
//!   so is a frame that declares size 0.
//! * A frame that runs past the end of the tag keeps the bytes that are
//!   there; splitting ends after it.
//! * Duplicate frames are all returned (mutagen merges them later).
//!
//! Frames whose IDs the caller does not know are kept verbatim by mutagen
//! (`ID3.unknown_frames`: header plus body as found, see [`RawFrame::raw`])
//! and written back only when the tag is saved with the version it was read
//! with; see [`crate::write`].

use std::borrow::Cow;

use mtg_core::{syncsafe, ByteSource, SliceSource};

use crate::error::{Id3Error, NoHeaderReason};
use crate::header::{Id3Header, FLAG_UNSYNC, HEADER_LEN};
use crate::id_table::IdTable;
pub use crate::sparse::{DeferredBody, SparseLimits};
use crate::unsync::{self, UnsyncError};
use crate::v1::{self, Id3v1};

/// The frame IDs mutagen 1.48.1 knows for v2.3/v2.4 (`mutagen.id3.Frames`),
/// sorted. Used where mutagen consults that table below the frame level:
/// telling a missing extended header from a frame, and as the default
/// vocabulary of the v2.4 frame-size heuristic.
pub const MUTAGEN_FRAME_IDS: [&[u8; 4]; 105] = [
    b"AENC", b"APIC", b"ASPI", b"CHAP", b"COMM", b"COMR", b"CTOC", b"ENCR", b"EQU2", b"ETCO",
    b"GEOB", b"GRID", b"GRP1", b"IPLS", b"LINK", b"MCDI", b"MLLT", b"MVIN", b"MVNM", b"OWNE",
    b"PCNT", b"PCST", b"POPM", b"POSS", b"PRIV", b"RBUF", b"RVA2", b"RVAD", b"RVRB", b"SEEK",
    b"SIGN", b"SYLT", b"SYTC", b"TALB", b"TBPM", b"TCAT", b"TCMP", b"TCOM", b"TCON", b"TCOP",
    b"TDAT", b"TDEN", b"TDES", b"TDLY", b"TDOR", b"TDRC", b"TDRL", b"TDTG", b"TENC", b"TEXT",
    b"TFLT", b"TGID", b"TIME", b"TIPL", b"TIT1", b"TIT2", b"TIT3", b"TKEY", b"TKWD", b"TLAN",
    b"TLEN", b"TMCL", b"TMED", b"TMOO", b"TOAL", b"TOFN", b"TOLY", b"TOPE", b"TORY", b"TOWN",
    b"TPE1", b"TPE2", b"TPE3", b"TPE4", b"TPOS", b"TPRO", b"TPUB", b"TRCK", b"TRDA", b"TRSN",
    b"TRSO", b"TSIZ", b"TSO2", b"TSOA", b"TSOC", b"TSOP", b"TSOT", b"TSRC", b"TSSE", b"TSST",
    b"TXXX", b"TYER", b"UFID", b"USER", b"USLT", b"WCOM", b"WCOP", b"WFED", b"WOAF", b"WOAR",
    b"WOAS", b"WORS", b"WPAY", b"WPUB", b"WXXX",
];

/// Is `id` one of [`MUTAGEN_FRAME_IDS`]?
pub fn is_mutagen_frame_id(id: &[u8]) -> bool {
    static IDS: IdTable = IdTable::build(&{
        let mut out = [""; MUTAGEN_FRAME_IDS.len()];
        let mut i = 0;
        while i < out.len() {
            out[i] = match std::str::from_utf8(MUTAGEN_FRAME_IDS[i]) {
                Ok(id) => id,
                Err(_) => panic!("a frame ID that is not text"),
            };
            i += 1;
        }
        out
    });
    IDS.find(id).is_some()
}

/// mutagen's frame ID check: ASCII upper-case letters and digits only, at
/// least one letter (so `"1ABC"` passes and `"1234"` does not).
pub fn is_valid_frame_id(id: &[u8]) -> bool {
    id.iter()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && id.iter().any(|b| b.is_ascii_uppercase())
}

/// A frame ID of 3 (v2.2) or 4 ASCII characters.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FrameId {
    bytes: [u8; 4],
    len: u8,
}

impl FrameId {
    /// A frame ID from 3 or 4 bytes that pass [`is_valid_frame_id`].
    pub fn new(id: &[u8]) -> Option<FrameId> {
        if !(3..=4).contains(&id.len()) || !is_valid_frame_id(id) {
            return None;
        }
        let mut bytes = [0u8; 4];
        bytes.get_mut(..id.len())?.copy_from_slice(id);
        Some(FrameId {
            bytes,
            len: id.len() as u8,
        })
    }

    /// The ID's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }

    /// The ID as text (always ASCII).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

impl std::fmt::Debug for FrameId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl std::fmt::Display for FrameId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The number of frames room is made for before splitting a tag (more
/// grow the list as usual).
const FRAMES_GUESS: usize = 48;

/// How v2.4 frame sizes are encoded in a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeMode {
    /// Syncsafe 28-bit sizes, as the v2.4 specification says (the top bit of
    /// each byte is ignored).
    Syncsafe,
    /// Plain 32-bit sizes, as written by some v2.4 taggers (and always used
    /// by v2.3).
    Plain,
}

/// mutagen's heuristic for the frame sizes of a v2.4 tag (`determine_bpi`).
///
/// The frame area is walked twice, reading sizes as syncsafe and as plain
/// integers. Each walk counts frames whose ID `known` accepts and notes where
/// it ended relative to the end of the data: a walk stops at a frame header
/// of ten zero bytes (its "overshoot" is then minus the remaining length
/// modulo 10) or when fewer than eleven bytes remain (overshoot = final
/// position minus length). Plain sizes win when they find more known frames,
/// or as many while the syncsafe walk overshot by at least one byte and the
/// plain walk by at most one.
pub fn determine_size_mode(data: &[u8], known: &dyn Fn(&str) -> bool) -> SizeMode {
    size_mode_in(data, by_name(known))
}

/// [`determine_size_mode`] with mutagen's default vocabulary
/// ([`MUTAGEN_FRAME_IDS`]), each ID looked up as a number.
fn default_size_mode(data: &[u8]) -> SizeMode {
    size_mode_in(data, |id| is_mutagen_frame_id(&id))
}

/// A 4-byte ID check from a check of names (an ID that is not ASCII is
/// never known).
fn by_name(known: &dyn Fn(&str) -> bool) -> impl Fn([u8; 4]) -> bool + '_ {
    move |id| std::str::from_utf8(&id).is_ok_and(|name| name.is_ascii() && known(name))
}

/// The heuristic over a frame area in memory; `known` is asked about each
/// 4-byte ID (inlined: one walk step costs no call).
fn size_mode_in(data: &[u8], known: impl Fn([u8; 4]) -> bool) -> SizeMode {
    let header_at = |o: u64| -> Option<[u8; 10]> {
        let start = usize::try_from(o).ok()?;
        data.get(start..start.checked_add(10)?)?.try_into().ok()
    };
    size_mode_walks(data.len() as u64, header_at, known)
}

/// [`determine_size_mode`] over a frame area of `len` bytes whose 10-byte
/// frame headers `header_at` gives by offset (None past the end), so that
/// it can run without the frame bodies in memory.
pub fn determine_size_mode_by(
    len: u64,
    header_at: &dyn Fn(u64) -> Option<[u8; 10]>,
    known: &dyn Fn(&str) -> bool,
) -> SizeMode {
    size_mode_walks(len, header_at, by_name(known))
}

/// The two walks of the heuristic and mutagen's choice between them.
fn size_mode_walks(
    len: u64,
    header_at: impl Fn(u64) -> Option<[u8; 10]>,
    known: impl Fn([u8; 4]) -> bool,
) -> SizeMode {
    let walk = |syncsafe_sizes: bool| -> SizeWalk {
        let mut o: u64 = 0;
        let mut found = 0usize;
        while o.saturating_add(10) < len {
            let Some(part) = header_at(o) else {
                break;
            };
            if part.iter().all(|&b| b == 0) {
                return SizeWalk {
                    found,
                    overshoot: -(((len - o) % 10) as i128),
                };
            }
            let size_bytes = [part[4], part[5], part[6], part[7]];
            let size = if syncsafe_sizes {
                syncsafe::decode_u28(size_bytes)
            } else {
                u32::from_be_bytes(size_bytes)
            };
            o = o.saturating_add(10 + u64::from(size));
            if known([part[0], part[1], part[2], part[3]]) {
                found += 1;
            }
        }
        SizeWalk {
            found,
            overshoot: i128::from(o) - i128::from(len),
        }
    };
    let syncsafe = walk(true);
    let plain = walk(false);
    if plain.found > syncsafe.found
        || (plain.found == syncsafe.found && syncsafe.overshoot >= 1 && plain.overshoot <= 1)
    {
        SizeMode::Plain
    } else {
        SizeMode::Syncsafe
    }
}

/// Where one walk of the size heuristic ended.
struct SizeWalk {
    /// Known frames met.
    found: usize,
    /// Final position minus the length (or minus the rest modulo 10 when
    /// the walk stopped at a zero header).
    overshoot: i128,
}

/// One frame as found in the tag, body not decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawFrame<'a> {
    /// The frame ID as in the file (3 characters for v2.2).
    pub id: FrameId,
    /// The frame flags as in the file (always 0 for v2.2). Flags are not
    /// acted upon here: see `unwrap_frame_body` and [`Tag::unsync_frames`].
    pub flags: u16,
    /// The size the frame header declares.
    pub size: u32,
    /// The frame body: the declared size, or less when the tag ends first.
    pub body: &'a [u8],
    /// Header and body together, as mutagen keeps unknown frames.
    pub raw: &'a [u8],
    /// Offset of the frame header in the frame area (after the header and
    /// extended header; in the decoded data for a whole-tag unsynchronised
    /// tag).
    pub offset: usize,
}

impl RawFrame<'_> {
    /// Length of the frame header (6 for v2.2, else 10).
    pub fn header_len(&self) -> usize {
        self.raw.len() - self.body.len()
    }
}

/// Why a frame was dropped while splitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The ID fails [`is_valid_frame_id`].
    InvalidId,
    /// The frame declares size 0.
    Empty,
}

/// A frame dropped while splitting (mutagen drops it silently).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkippedFrame {
    /// Offset of the frame header in the frame area.
    pub offset: usize,
    /// The ID bytes (3 used for v2.2).
    pub id: [u8; 4],
    /// Why it was dropped.
    pub reason: SkipReason,
}

/// A tag split into frames.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
    /// The tag header.
    pub header: &'a Id3Header,
    /// The frames, in file order.
    pub frames: Vec<RawFrame<'a>>,
    /// Frames dropped while splitting.
    pub skipped: Vec<SkippedFrame>,
    /// mutagen's `_padding`: the bytes left after the last frame.
    pub padding: usize,
    /// Frame size encoding used (always [`SizeMode::Plain`] below v2.4).
    pub size_mode: SizeMode,
    /// The whole tag was unsynchronised and has been decoded (v2.2/v2.3).
    pub unsynchronised: bool,
}

impl Tag<'_> {
    /// v2.4 tag with the header's unsynchronisation flag: mutagen decodes
    /// every frame body as if the frame's own unsynchronisation flag
    /// (`0x0002`) were set.
    pub fn unsync_frames(&self) -> bool {
        self.header.major == 4 && self.header.flags & FLAG_UNSYNC != 0
    }

    /// The flags to decode `frame` with: its own, plus `0x0002` when
    /// [`Tag::unsync_frames`].
    pub fn effective_flags(&self, frame: &RawFrame<'_>) -> u16 {
        if self.unsync_frames() {
            frame.flags | 0x0002
        } else {
            frame.flags
        }
    }
}

/// A tag's bytes as read from a source, with its parsed header.
#[derive(Debug, Clone)]
pub struct TagBytes<'s> {
    pub(crate) header: Id3Header,
    /// The declared tag body (after the 10-byte header); with deferred
    /// bodies, the frame area without them (see [`crate::sparse`]).
    pub(crate) body: Cow<'s, [u8]>,
    /// Where the frames start in `body` (after the extended header).
    pub(crate) frames_start: usize,
    /// The frame area after whole-tag unsynchronisation, when it changed.
    pub(crate) decoded: Option<Vec<u8>>,
    /// Whole-tag unsynchronisation that failed (the raw data is used).
    pub(crate) unsync_error: Option<UnsyncError>,
    /// Frame bodies left in the source, in frame area order.
    pub(crate) deferred: Vec<DeferredBody>,
    /// The frame size encoding, when it was decided before the frame area
    /// was shortened (a tag read with deferred bodies).
    pub(crate) size_mode: Option<SizeMode>,
}

impl<'s> TagBytes<'s> {
    /// Read the tag at the start of `src` (two positional reads).
    pub fn read<S: ByteSource + ?Sized>(src: &'s S) -> mtg_core::Result<TagBytes<'s>> {
        Self::read_with(src.len(), |offset, len| src.read_range(offset, len))
    }

    /// Parse the tag at the start of `data`, borrowing from it.
    pub fn parse(data: &'s [u8]) -> mtg_core::Result<TagBytes<'s>> {
        let src = SliceSource::new(data);
        Self::read_with(src.len(), |offset, len| {
            Ok(Cow::Borrowed(src.slice(offset, len)))
        })
    }

    pub(crate) fn read_with<F>(src_len: u64, mut read: F) -> mtg_core::Result<TagBytes<'s>>
    where
        F: FnMut(u64, usize) -> mtg_core::Result<Cow<'s, [u8]>>,
    {
        if src_len < HEADER_LEN as u64 {
            return Err(Id3Error::NoHeader(NoHeaderReason::TooSmall).into());
        }
        let head = read(0, HEADER_LEN)?;
        let mut header = Id3Header::parse_fixed(&head)?;
        let body_len = header.size as usize - HEADER_LEN;
        // A tag that the source cannot hold fails after the extended header
        // checks: do not read (or allocate) its body at all.
        let complete = src_len >= HEADER_LEN as u64 + body_len as u64;
        let body = if complete {
            read(HEADER_LEN as u64, body_len)?
        } else {
            Cow::Borrowed(&[][..])
        };
        let have = body.len() as u64;
        header.read_ext(|offset, len| {
            let rel = offset.saturating_sub(HEADER_LEN as u64);
            let end = rel.saturating_add(len as u64);
            let start = usize::try_from(rel).unwrap_or(usize::MAX);
            if end <= have {
                return Ok(Cow::Borrowed(
                    body.get(start..start + len).unwrap_or_default(),
                ));
            }
            // An extended header reaching past the tag (mutagen reads it from
            // the file anyway). Read only the missing part, and nothing if
            // the source cannot have it (the short read is the error).
            if HEADER_LEN as u64 + end > src_len {
                return Ok(Cow::Borrowed(&[]));
            }
            let mut out = body.get(start..).unwrap_or_default().to_vec();
            let from = HEADER_LEN as u64 + rel.max(have);
            let missing = (end - rel.max(have)) as usize;
            out.extend_from_slice(&read(from, missing)?);
            Ok(Cow::Owned(out))
        })?;
        let ext_len = header.ext_len();
        if ext_len > body_len as u64 {
            return Err(Id3Error::ValueError("size must not be negative".into()).into());
        }
        if body.len() < body_len {
            return Err(Id3Error::truncated().into());
        }
        let frames_start = ext_len as usize;
        let mut tag = TagBytes {
            header,
            body,
            frames_start,
            decoded: None,
            unsync_error: None,
            deferred: Vec::new(),
            size_mode: None,
        };
        if tag.header.major < 4 && tag.header.unsync() {
            match unsync::decode(tag.raw_frame_area()) {
                Ok(Cow::Owned(d)) => tag.decoded = Some(d),
                Ok(Cow::Borrowed(_)) => {}
                Err(e) => tag.unsync_error = Some(e),
            }
        }
        Ok(tag)
    }

    /// The tag header.
    pub fn header(&self) -> &Id3Header {
        &self.header
    }

    /// The same tag, owning its bytes (copied if they were borrowed).
    pub fn into_owned(self) -> TagBytes<'static> {
        TagBytes {
            header: self.header,
            body: Cow::Owned(self.body.into_owned()),
            frames_start: self.frames_start,
            decoded: self.decoded,
            unsync_error: self.unsync_error,
            deferred: self.deferred,
            size_mode: self.size_mode,
        }
    }

    /// The declared tag body after the 10-byte header (extended header
    /// included).
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The frame area as stored (after the extended header).
    pub fn raw_frame_area(&self) -> &[u8] {
        self.body.get(self.frames_start..).unwrap_or_default()
    }

    /// The frame area the frames are split from: decoded when the whole tag
    /// was unsynchronised (v2.2/v2.3), else as stored.
    pub fn frame_area(&self) -> &[u8] {
        match &self.decoded {
            Some(d) => d,
            None => self.raw_frame_area(),
        }
    }

    /// Offset in the source of the stored frame area.
    pub fn frame_area_offset(&self) -> u64 {
        HEADER_LEN as u64 + self.frames_start as u64
    }

    /// Frame bodies that were left in the source (large pictures, see
    /// [`TagBytes::read_sparse`]): the frame area holds only their first
    /// bytes, and their frame headers declare that shortened size.
    pub fn deferred(&self) -> &[DeferredBody] {
        &self.deferred
    }

    /// The deferred body of the frame whose header is at `area_offset` of
    /// the frame area, if its body was deferred.
    pub fn deferred_at(&self, area_offset: usize) -> Option<&DeferredBody> {
        self.deferred
            .binary_search_by_key(&area_offset, |d| d.area_offset)
            .ok()
            .and_then(|i| self.deferred.get(i))
    }

    /// The failure of whole-tag unsynchronisation, if it failed (mutagen then
    /// reads the frames from the raw data, as done here).
    pub fn unsync_error(&self) -> Option<UnsyncError> {
        self.unsync_error
    }

    /// Split the tag into frames with mutagen's default vocabulary of known
    /// frames ([`MUTAGEN_FRAME_IDS`]) for the v2.4 size heuristic.
    pub fn frames(&self) -> Tag<'_> {
        self.split(default_size_mode)
    }

    /// Split the tag into frames; `known` tells which frame IDs count as
    /// known for the v2.4 size heuristic (mutagen uses the `known_frames`
    /// the caller passed to `ID3()`, by default all of its frames).
    pub fn frames_with(&self, known: &dyn Fn(&str) -> bool) -> Tag<'_> {
        self.split(|data| determine_size_mode(data, known))
    }

    /// Split the tag into frames; `size_mode` runs the v2.4 size heuristic
    /// when the sizes are not known yet.
    fn split(&self, size_mode: impl FnOnce(&[u8]) -> SizeMode) -> Tag<'_> {
        let data = self.frame_area();
        let major = self.header.major;
        let size_mode = match self.size_mode {
            Some(mode) => mode,
            None if major == 4 => size_mode(data),
            None => SizeMode::Plain,
        };
        let (id_len, header_len) = if major == 2 { (3, 6) } else { (4, 10) };
        // A frame takes at least a header and one byte; a first guess
        // bounded by the bytes present and by a typical tag's frame count.
        let mut frames = Vec::with_capacity((data.len() / (header_len + 1)).min(FRAMES_GUESS));
        let mut skipped = Vec::new();
        let mut o = 0usize;
        let padding = loop {
            let Some(h) = data.get(o..o.saturating_add(header_len)) else {
                break data.len().saturating_sub(o);
            };
            let id = &h[..id_len];
            if id.iter().all(|&b| b == 0) {
                break data.len() - o;
            }
            let (size, flags) = if major == 2 {
                (u32::from_be_bytes([0, h[3], h[4], h[5]]), 0)
            } else {
                let sb = [h[4], h[5], h[6], h[7]];
                let size = match size_mode {
                    SizeMode::Syncsafe => syncsafe::decode_u28(sb),
                    SizeMode::Plain => u32::from_be_bytes(sb),
                };
                (size, u16::from_be_bytes([h[8], h[9]]))
            };
            let body_start = o + header_len;
            let end = body_start
                .saturating_add(usize::try_from(size).unwrap_or(usize::MAX))
                .min(data.len());
            let raw = data.get(o..end).unwrap_or_default();
            let body = data.get(body_start..end).unwrap_or_default();
            let frame_offset = o;
            let next = (body_start as u64).saturating_add(u64::from(size));
            // Fixed-size copies (a copy of `id_len` bytes would be a call).
            let id_bytes = if id_len == 3 {
                [h[0], h[1], h[2], 0]
            } else {
                [h[0], h[1], h[2], h[3]]
            };
            let frame_id = is_valid_frame_id(id).then_some(FrameId {
                bytes: id_bytes,
                len: id_len as u8,
            });
            match frame_id {
                None => skipped.push(SkippedFrame {
                    offset: frame_offset,
                    id: id_bytes,
                    reason: SkipReason::InvalidId,
                }),
                Some(_) if size == 0 => skipped.push(SkippedFrame {
                    offset: frame_offset,
                    id: id_bytes,
                    reason: SkipReason::Empty,
                }),
                Some(id) => frames.push(RawFrame {
                    id,
                    flags,
                    size,
                    body,
                    raw,
                    offset: frame_offset,
                }),
            }
            if next >= data.len() as u64 {
                break 0;
            }
            o = next as usize;
        };
        Tag {
            header: &self.header,
            frames,
            skipped,
            padding,
            size_mode,
            unsynchronised: self.decoded.is_some(),
        }
    }
}

/// What [`read_id3`] found in a source.
#[derive(Debug, Clone)]
pub struct Id3Read<'s> {
    /// The ID3v2 tag at the start, if there is one.
    pub v2: Option<TagBytes<'s>>,
    /// The ID3v1 tag at the end (when asked for) and its offset from the end
    /// of the source (`-128`, or `-124..=-127` for a short one).
    pub v1: Option<(Id3v1, i64)>,
}

/// Read a file's ID3 tags as mutagen's `ID3.load` does: the ID3v2 tag at
/// offset 0, and with `load_v1` the ID3v1 tag at the end.
///
/// When there is no usable ID3v2 header ([`Id3Error::NoHeader`] or
/// [`Id3Error::UnsupportedVersion`]) but an ID3v1 tag exists and `load_v1`
/// is set, the result has only `v1` (mutagen then reports version `(1, 1)`,
/// size 0, padding 0); without an ID3v1 tag that error is returned. Any
/// other error is returned as is. ID3v2 tags elsewhere than at offset 0 are
/// not looked for.
pub fn read_id3<S: ByteSource + ?Sized>(src: &S, load_v1: bool) -> mtg_core::Result<Id3Read<'_>> {
    read_id3_by(src, load_v1, TagBytes::read)
}

/// [`read_id3`] reading the ID3v2 tag with [`TagBytes::read_sparse`]: the
/// bodies of large pictures stay in the source.
pub fn read_id3_sparse<'s, S: ByteSource + ?Sized>(
    src: &'s S,
    load_v1: bool,
    known: &dyn Fn(&str) -> bool,
    limits: SparseLimits,
) -> mtg_core::Result<Id3Read<'s>> {
    read_id3_by(src, load_v1, |src| {
        TagBytes::read_sparse(src, known, limits)
    })
}

fn read_id3_by<'s, S: ByteSource + ?Sized>(
    src: &'s S,
    load_v1: bool,
    read_tag: impl FnOnce(&'s S) -> mtg_core::Result<TagBytes<'s>>,
) -> mtg_core::Result<Id3Read<'s>> {
    let v2 = match read_tag(src) {
        Ok(tag) => Some(tag),
        Err(e) => {
            let recoverable = matches!(
                Id3Error::find(&e),
                Some(Id3Error::NoHeader(_) | Id3Error::UnsupportedVersion { .. })
            );
            if !(recoverable && load_v1) {
                return Err(e);
            }
            match v1::find_id3v1(src)? {
                Some(found) => {
                    return Ok(Id3Read {
                        v2: None,
                        v1: Some(found),
                    })
                }
                None => return Err(e),
            }
        }
    };
    let v1 = if load_v1 { v1::find_id3v1(src)? } else { None };
    Ok(Id3Read { v2, v1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ss(n: u32) -> [u8; 4] {
        syncsafe::encode_u28(n).unwrap()
    }

    #[test]
    fn mutagen_frame_ids_search() {
        // the binary search needs ascending order
        assert!(MUTAGEN_FRAME_IDS.windows(2).all(|w| w[0] < w[1]));
        for id in MUTAGEN_FRAME_IDS {
            assert!(is_mutagen_frame_id(id));
            // neighbours in the number order that are not in the list
            let n = u32::from_be_bytes(*id);
            for other in [n.wrapping_sub(1), n.wrapping_add(1)] {
                let bytes = other.to_be_bytes();
                assert_eq!(
                    is_mutagen_frame_id(&bytes),
                    MUTAGEN_FRAME_IDS.contains(&&bytes)
                );
            }
        }
        for other in [&b"TIT"[..], b"TIT2X", b"", b"XXXX", b"tit2"] {
            assert!(!is_mutagen_frame_id(other));
        }
    }

    fn tag(major: u8, flags: u8, body: &[u8]) -> Vec<u8> {
        let mut v = vec![b'I', b'D', b'3', major, 0, flags];
        v.extend_from_slice(&ss(body.len() as u32));
        v.extend_from_slice(body);
        v
    }

    fn fr4(id: &[u8], body: &[u8]) -> Vec<u8> {
        let mut v = id.to_vec();
        v.extend_from_slice(&ss(body.len() as u32));
        v.extend_from_slice(&[0, 0]);
        v.extend_from_slice(body);
        v
    }

    fn ids(t: &Tag<'_>) -> Vec<String> {
        t.frames.iter().map(|f| f.id.to_string()).collect()
    }

    #[test]
    fn frame_ids() {
        assert!(is_valid_frame_id(b"TIT2"));
        assert!(is_valid_frame_id(b"1ABC"));
        assert!(is_valid_frame_id(b"TT2"));
        assert!(!is_valid_frame_id(b"1234"));
        assert!(!is_valid_frame_id(b"tit2"));
        assert!(!is_valid_frame_id(b"TIT "));
        assert!(!is_valid_frame_id(b""));
        assert!(is_mutagen_frame_id(b"TIT2"));
        assert!(is_mutagen_frame_id(b"WXXX"));
        assert!(!is_mutagen_frame_id(b"TIT9"));
        assert!(!is_mutagen_frame_id(b"TIT"));
        let mut sorted = MUTAGEN_FRAME_IDS;
        sorted.sort();
        assert_eq!(sorted, MUTAGEN_FRAME_IDS);
        assert_eq!(FrameId::new(b"TT2").unwrap().as_str(), "TT2");
        assert!(FrameId::new(b"TIT22").is_none());
    }

    #[test]
    fn split_v24() {
        let t = b"\x03abc";
        let mut body = fr4(b"TIT2", t);
        body.extend(fr4(b"tpe1", t));
        body.extend(fr4(b"ZZZZ", b""));
        body.extend(fr4(b"TALB", t));
        body.extend([0u8; 7]);
        let data = tag(4, 0, &body);
        let tb = TagBytes::parse(&data).unwrap();
        let tag = tb.frames();
        assert_eq!(ids(&tag), ["TIT2", "TALB"]);
        assert_eq!(tag.padding, 7);
        assert_eq!(tag.skipped.len(), 2);
        assert_eq!(tag.skipped[0].reason, SkipReason::InvalidId);
        assert_eq!(tag.skipped[1].reason, SkipReason::Empty);
        assert_eq!(tag.frames[0].body, t);
        assert_eq!(tag.frames[0].raw.len(), 14);
        assert_eq!(tag.frames[0].header_len(), 10);
        // Borrowed from the input.
        let p = tag.frames[0].body.as_ptr() as usize;
        assert!(p > data.as_ptr() as usize && p < data.as_ptr() as usize + data.len());
    }

    #[test]
    fn truncated_frame_keeps_what_is_there() {
        let mut body = fr4(b"TIT2", b"\x03abc");
        body.extend(b"TPE1");
        body.extend(ss(100));
        body.extend([0, 0, 3, b'x']);
        let data = tag(4, 0, &body);
        let tb = TagBytes::parse(&data).unwrap();
        let tag = tb.frames();
        assert_eq!(tag.frames[1].body, b"\x03x");
        assert_eq!(tag.frames[1].size, 100);
        assert_eq!(tag.padding, 0);
    }

    #[test]
    fn huge_declared_size_small_file() {
        let mut data = b"ID3\x04\x00\x00\x7f\x7f\x7f\x7f".to_vec();
        data.extend([0u8; 100]);
        let e = TagBytes::parse(&data).unwrap_err();
        assert_eq!(Id3Error::find(&e), Some(&Id3Error::truncated()));
    }
}
