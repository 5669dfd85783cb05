//! Finding the APEv2 tag in a file, the way mutagen finds it.
//!
//! A tag is a 32-byte block (`APETAGEX`, version, size, item count, flags,
//! 8 reserved bytes) after its items (the footer) and optionally before
//! them (the header). `size` counts the items and the footer, not the
//! header. mutagen looks, in this order, for:
//!
//! 1. a footer in the last 32 bytes of the file;
//! 2. if the file ends with an ID3v1 tag (`TAG` 128 bytes from the end): a
//!    footer right before it, or a footer before a Lyrics3v2 block that sits
//!    between the two (`LYRICS200` and its 6-digit size right before the
//!    ID3v1 tag);
//! 3. a header at the very start of the file.
//!
//! Files shorter than 32 bytes have no tag. The sizes in the block are
//! trusted as they are: the header is assumed where the footer's
//! `HAS_HEADER` flag says, never checked; sizes below 32 or beyond the start
//! of the file give the errors mutagen runs into ([`ApeError::NegativeRead`],
//! [`ApeError::NegativeSeek`]). Before the tag, any number of 24-byte
//! blocks starting with `APETAGEX` (left by a writer that predates mutagen)
//! count as part of the tag, so that saving or deleting removes them.
//!
//! Reading costs one positional read of the file's last 4 KiB, which holds a
//! typical tag completely; a larger tag, or one at the start of the file,
//! costs one more.

use std::borrow::Cow;
use std::ops::Range;

use mtg_core::ByteSource;

use crate::error::{ApeError, Result};
use crate::item::{parse_items, ParsedItems};

/// The 8 bytes every APEv2 header and footer starts with.
pub const PREAMBLE: &[u8; 8] = b"APETAGEX";

/// Size of a header or footer block.
pub const BLOCK_SIZE: u64 = 32;

/// Tag flag: the tag has a header.
pub const HAS_HEADER: u32 = 1 << 31;
/// Tag flag: the tag has no footer.
pub const HAS_NO_FOOTER: u32 = 1 << 30;
/// Tag flag: this block is the header.
pub const IS_HEADER: u32 = 1 << 29;

/// How many bytes at the end of the file the first read takes.
const TAIL_READ: usize = 4096;

/// The fields of a header or footer block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TagFields {
    /// Format version (1000 or 2000; mutagen accepts any).
    pub version: u32,
    /// Bytes of the items plus the footer.
    pub size: u32,
    /// Number of items.
    pub count: u32,
    /// Tag flags ([`HAS_HEADER`], [`HAS_NO_FOOTER`], [`IS_HEADER`]).
    pub flags: u32,
}

impl TagFields {
    /// The fields of a block starting with [`PREAMBLE`]; the reserved
    /// bytes are not needed, so 24 bytes suffice. None if `block` is shorter.
    pub fn parse(block: &[u8]) -> Option<Self> {
        let field = |i: usize| -> Option<u32> {
            let bytes = block.get(8 + 4 * i..12 + 4 * i)?;
            Some(u32::from_le_bytes(bytes.try_into().ok()?))
        };
        Some(TagFields {
            version: field(0)?,
            size: field(1)?,
            count: field(2)?,
            flags: field(3)?,
        })
    }
}

/// Where the tag is, as mutagen computes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The fields of the footer, or of the header for a tag found at the
    /// start of the file.
    pub fields: TagFields,
    /// The tag was found by its header at the start of the file.
    pub at_start: bool,
    /// Offset of the footer, if there is one.
    pub footer: Option<u64>,
    /// Offset of the header, if there is one (from the footer's flag, or 0
    /// for a tag at the start).
    pub header: Option<u64>,
    /// Start of the region that saving and deleting remove, including any
    /// garbage blocks before the tag.
    pub start: u64,
    /// End of that region (exclusive). For a tag at the start of the file
    /// this comes from the header's size and may lie past the end of the
    /// file.
    pub end: u64,
    /// Offset of the item area.
    pub data_offset: u64,
    /// Length of the item area, as far as it lies in the file.
    pub data_len: u64,
}

/// Choices for file objects that behave unlike files on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LocateOptions {
    /// Treat a declared item-area length below -1 like -1 (read to the end
    /// of the file) instead of failing with [`ApeError::NegativeRead`]: what
    /// mutagen gets from an in-memory file object such as `io.BytesIO`.
    pub negative_read_to_end: bool,
}

/// Where the search found a tag block.
enum Anchor {
    Footer(u64),
    HeaderAtStart,
}

/// Reads of one source, answered from the file's tail when they fall in it.
struct Reader<'s, S: ?Sized> {
    src: &'s S,
    len: u64,
    tail_start: u64,
    tail: Cow<'s, [u8]>,
}

impl<'s, S: ByteSource + ?Sized> Reader<'s, S> {
    fn new(src: &'s S) -> Result<Self> {
        let len = src.len();
        let tail_start = len.saturating_sub(TAIL_READ as u64);
        let tail = src.read_range(tail_start, TAIL_READ)?;
        Ok(Reader {
            src,
            len,
            tail_start,
            tail,
        })
    }

    /// The range of the tail buffer holding `pos..pos + n`, if it does
    /// (clamped to the end of the file).
    fn in_tail(&self, pos: u64, n: usize) -> Option<Range<usize>> {
        let rel = usize::try_from(pos.checked_sub(self.tail_start)?).ok()?;
        let end = rel.saturating_add(n).min(self.tail.len());
        (rel <= end).then_some(rel..end)
    }

    /// Up to `n` bytes at `pos` (fewer at the end of the file).
    fn bytes(&self, pos: u64, n: usize) -> Result<Cow<'_, [u8]>> {
        if let Some(range) = self.in_tail(pos, n) {
            return Ok(Cow::Borrowed(self.tail.get(range).unwrap_or(&[])));
        }
        Ok(self.src.read_range(pos, n)?)
    }

    fn matches(&self, pos: u64, pattern: &[u8]) -> Result<bool> {
        Ok(&*self.bytes(pos, pattern.len())? == pattern)
    }

    /// `n` bytes at `pos` as [`TagBytes`], keeping the tail buffer instead
    /// of copying when it holds them.
    fn into_bytes(self, pos: u64, n: usize) -> Result<TagBytes<'s>> {
        if let Some(range) = self.in_tail(pos, n) {
            return Ok(TagBytes {
                buf: self.tail,
                range,
            });
        }
        let buf = self.src.read_range(pos, n)?;
        let range = 0..buf.len();
        Ok(TagBytes { buf, range })
    }
}

/// Bytes read from the source: a buffer and the part of it that matters.
#[derive(Debug, Clone)]
struct TagBytes<'s> {
    buf: Cow<'s, [u8]>,
    range: Range<usize>,
}

/// Python's `int()` of a bytes object, as mutagen applies it to the
/// Lyrics3v2 size field: surrounding ASCII whitespace, an optional sign,
/// decimal digits with single underscores between them.
fn python_int(field: &[u8]) -> Option<i64> {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let start = field.iter().position(|b| !is_space(b))?;
    let end = field.iter().rposition(|b| !is_space(b))? + 1;
    let mut text = field.get(start..end)?;
    let negative = match text.first() {
        Some(b'-') => true,
        Some(b'+') => false,
        _ => {
            return parse_digits(text);
        }
    };
    text = text.get(1..)?;
    parse_digits(text).map(|v| if negative { -v } else { v })
}

/// Decimal digits with single underscores between them (at most a few
/// digits here, so no overflow handling beyond saturation is needed).
fn parse_digits(text: &[u8]) -> Option<i64> {
    let mut value: i64 = 0;
    let mut prev_digit = false;
    for &b in text {
        match b {
            b'0'..=b'9' => {
                value = value.saturating_mul(10).saturating_add(i64::from(b - b'0'));
                prev_digit = true;
            }
            b'_' if prev_digit => prev_digit = false,
            _ => return None,
        }
    }
    prev_digit.then_some(value)
}

/// Find the tag block: a footer (end of file, before ID3v1, before
/// Lyrics3v2 + ID3v1) or a header at the start.
fn find_anchor<S: ByteSource + ?Sized>(r: &Reader<'_, S>) -> Result<Option<Anchor>> {
    let len = r.len;
    if len < BLOCK_SIZE {
        return Ok(None);
    }
    if r.matches(len - BLOCK_SIZE, PREAMBLE)? {
        return Ok(Some(Anchor::Footer(len - BLOCK_SIZE)));
    }
    if len >= 128 && r.matches(len - 128, b"TAG")? {
        if len >= 160 && r.matches(len - 160, PREAMBLE)? {
            return Ok(Some(Anchor::Footer(len - 160)));
        }
        if len >= 143 {
            let trailer = r.bytes(len - 143, 15)?;
            if trailer.get(6..) == Some(&b"LYRICS200"[..]) {
                if let Some(lyrics) = trailer.get(..6).and_then(python_int) {
                    let pos = i128::from(len) - 143 - i128::from(lyrics) - 32;
                    if let Ok(pos) = u64::try_from(pos) {
                        if r.matches(pos, PREAMBLE)? {
                            return Ok(Some(Anchor::Footer(pos)));
                        }
                    }
                }
            }
        }
    }
    if r.matches(0, PREAMBLE)? {
        return Ok(Some(Anchor::HeaderAtStart));
    }
    Ok(None)
}

/// Find the tag and compute its region; the reader is kept for the item
/// area. Ok(None) when there is no tag.
fn locate_with<S: ByteSource + ?Sized>(
    r: &Reader<'_, S>,
    options: LocateOptions,
) -> Result<Option<Located>> {
    let len = r.len;
    let Some(anchor) = find_anchor(r)? else {
        return Ok(None);
    };
    match anchor {
        Anchor::Footer(footer) => {
            let block = r.bytes(footer, BLOCK_SIZE as usize)?;
            let fields = TagFields::parse(&block).ok_or(ApeError::Truncated)?;
            let tag_len = i64::from(fields.size) - 32;
            let footer_i = i64::try_from(footer).map_err(|_| ApeError::Truncated)?;
            let data = footer_i - tag_len;
            let header = (fields.flags & HAS_HEADER != 0).then_some(data - 32);
            let start = header.unwrap_or(data);
            if start < 0 {
                return Err(ApeError::NegativeSeek(start));
            }
            if tag_len < -1 && !options.negative_read_to_end {
                return Err(ApeError::NegativeRead {
                    len: tag_len,
                    offset: data.unsigned_abs(),
                });
            }
            // Both are >= 0 here: data >= start.
            let data_offset = data.unsigned_abs();
            let mut start = start.unsigned_abs();
            let data_len = if tag_len < 0 {
                len.saturating_sub(data_offset)
            } else {
                tag_len.unsigned_abs().min(len.saturating_sub(data_offset))
            };
            // Garbage blocks of an old writer right before the tag.
            while start >= 24 && r.matches(start - 24, PREAMBLE)? {
                start -= 24;
            }
            Ok(Some(Located {
                fields,
                at_start: false,
                footer: Some(footer),
                header: header.map(i64::unsigned_abs),
                start,
                end: footer + BLOCK_SIZE,
                data_offset,
                data_len,
            }))
        }
        Anchor::HeaderAtStart => {
            let block = r.bytes(0, BLOCK_SIZE as usize)?;
            let fields = TagFields::parse(&block).ok_or(ApeError::Truncated)?;
            let size = u64::from(fields.size);
            // A footer where the header's size says; without one, the item
            // area is taken to be `size` bytes long.
            let footer = r.matches(size, PREAMBLE)?.then_some(size);
            let tag_len = i64::from(fields.size) - if footer.is_some() { 32 } else { 0 };
            if tag_len < -1 && !options.negative_read_to_end {
                return Err(ApeError::NegativeRead {
                    len: tag_len,
                    offset: BLOCK_SIZE,
                });
            }
            let available = len.saturating_sub(BLOCK_SIZE);
            let data_len = if tag_len < 0 {
                available
            } else {
                tag_len.unsigned_abs().min(available)
            };
            Ok(Some(Located {
                fields,
                at_start: true,
                footer,
                header: Some(0),
                start: 0,
                end: BLOCK_SIZE + size,
                data_offset: BLOCK_SIZE,
                data_len,
            }))
        }
    }
}

/// Find the tag in `src` like mutagen does, including the errors mutagen
/// runs into on broken sizes. Ok(None) when the file has no tag.
///
/// A tag whose item area is empty is returned too (saving and deleting
/// treat it as a tag; [`read_tag`] reports it as missing).
pub fn locate<S: ByteSource + ?Sized>(src: &S) -> Result<Option<Located>> {
    locate_opts(src, LocateOptions::default())
}

/// [`locate`] with [`LocateOptions`].
pub fn locate_opts<S: ByteSource + ?Sized>(
    src: &S,
    options: LocateOptions,
) -> Result<Option<Located>> {
    let reader = Reader::new(src)?;
    locate_with(&reader, options)
}

/// A tag read from a file: where it is and the bytes of its items.
#[derive(Debug, Clone)]
pub struct TagData<'s> {
    located: Located,
    bytes: TagBytes<'s>,
}

impl<'s> TagData<'s> {
    /// Where the tag is.
    pub fn located(&self) -> &Located {
        &self.located
    }

    /// The item area.
    pub fn data(&self) -> &[u8] {
        self.bytes.buf.get(self.bytes.range.clone()).unwrap_or(&[])
    }

    /// The same tag, owning its bytes (copied only if they were borrowed).
    pub fn into_owned(self) -> TagData<'static> {
        TagData {
            located: self.located,
            bytes: TagBytes {
                buf: Cow::Owned(self.bytes.buf.into_owned()),
                range: self.bytes.range,
            },
        }
    }

    /// The items, parsed with the tag's item count (see
    /// [`parse_items`]).
    pub fn items(&self) -> ParsedItems<'_> {
        parse_items(self.data(), self.located.fields.count)
    }
}

/// Read the tag of `src`: find it ([`locate`]) and read its item area.
///
/// [`ApeError::NoHeader`] when there is no tag or its item area is empty,
/// as mutagen's `APEv2.load` reports both.
pub fn read_tag<S: ByteSource + ?Sized>(src: &S) -> Result<TagData<'_>> {
    read_tag_opts(src, LocateOptions::default())
}

/// [`read_tag`] with [`LocateOptions`].
pub fn read_tag_opts<S: ByteSource + ?Sized>(
    src: &S,
    options: LocateOptions,
) -> Result<TagData<'_>> {
    let reader = Reader::new(src)?;
    let located = locate_with(&reader, options)?.ok_or(ApeError::NoHeader)?;
    let wanted = usize::try_from(located.data_len).unwrap_or(usize::MAX);
    let bytes = reader.into_bytes(located.data_offset, wanted)?;
    if bytes.range.is_empty() {
        return Err(ApeError::NoHeader);
    }
    Ok(TagData { located, bytes })
}

#[cfg(test)]
mod tests {
    use super::*;
    use mtg_core::SliceSource;

    #[test]
    fn python_int_rules() {
        for (text, want) in [
            (&b"000039"[..], Some(39)),
            (b"  +39 ", Some(39)),
            (b"39    ", Some(39)),
            (b"0_0039", Some(39)),
            (b"-00039", Some(-39)),
            (b"\t00039", Some(39)),
            (b"\x0b39\x0c", Some(39)),
            (b"00x070", None),
            (b"_39", None),
            (b"39_", None),
            (b"3__9", None),
            (b"+ 39", None),
            (b"\x1c39", None),
            (b"      ", None),
            (b"+", None),
            (b"39\x00", None),
        ] {
            assert_eq!(python_int(text), want, "{text:?}");
        }
    }

    #[test]
    fn fields_need_24_bytes() {
        let mut block = PREAMBLE.to_vec();
        for v in [2000u32, 40, 1, HAS_HEADER] {
            block.extend_from_slice(&v.to_le_bytes());
        }
        let f = TagFields::parse(&block).unwrap();
        assert_eq!(
            (f.version, f.size, f.count, f.flags),
            (2000, 40, 1, HAS_HEADER)
        );
        assert_eq!(TagFields::parse(&block[..23]), None);
    }

    #[test]
    fn tiny_and_empty_sources() {
        for n in 0..40 {
            let data = b"APETAGEX".repeat(5);
            let src = SliceSource::new(&data[..n]);
            // Never a panic; below 32 bytes never a tag.
            let r = locate(&src);
            if n < 32 {
                assert!(matches!(r, Ok(None)));
            }
        }
    }
}
