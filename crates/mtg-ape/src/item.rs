//! APEv2 items: the key rules, the three value kinds, and the item parser.
//!
//! An item is `value size (u32 LE) | flags (u32 LE) | key | NUL | value`.
//! Bits 1-2 of the flags give the kind of the value (UTF-8 text, binary,
//! external locator); bit 0 marks it read-only, which mutagen ignores when
//! reading and never writes.

use nom::bytes::complete::take;
use nom::number::complete::le_u32;
use nom::{IResult, Parser};

use mtg_core::text::decode;
use mtg_core::{DecodeMode, Encoding};

use crate::error::BadItem;

/// Keys mutagen refuses although they are printable ASCII (they are the
/// magic strings of other tag formats).
pub const FORBIDDEN_KEYS: [&str; 4] = ["OggS", "TAG", "ID3", "MP+"];

/// Shortest and longest key length, in characters.
pub const KEY_LEN: std::ops::RangeInclusive<usize> = 2..=255;

/// Whether `key` is a valid APEv2 key by mutagen's rules: 2 to 255
/// characters, each between space and `~`, and not one of
/// [`FORBIDDEN_KEYS`] (case matters there: `oggs` is fine).
pub fn is_valid_key(key: &str) -> bool {
    // Characters are all ASCII here, so the byte count is the char count.
    KEY_LEN.contains(&key.len())
        && key.bytes().all(|b| (b' '..=b'~').contains(&b))
        && !FORBIDDEN_KEYS.contains(&key)
}

/// What an item's value holds (bits 1-2 of its flags).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// UTF-8 text; several values are separated by NUL bytes.
    Text = 0,
    /// Arbitrary bytes (pictures, ...).
    Binary = 1,
    /// A UTF-8 locator (URL, file name) of data kept elsewhere.
    External = 2,
}

impl ItemKind {
    /// The kind encoded in item `flags`, or None for the reserved value 3.
    pub fn from_flags(flags: u32) -> Option<Self> {
        match (flags >> 1) & 3 {
            0 => Some(ItemKind::Text),
            1 => Some(ItemKind::Binary),
            2 => Some(ItemKind::External),
            _ => None,
        }
    }

    /// The kind from its number (0, 1, 2), as mutagen's `TEXT`, `BINARY`,
    /// `EXTERNAL`.
    pub fn from_number(n: u32) -> Option<Self> {
        Self::from_flags(n << 1)
    }

    /// The item flags mutagen writes for a value of this kind.
    pub fn flags(self) -> u32 {
        (self as u32) << 1
    }

    /// Whether values of this kind must be UTF-8.
    pub fn is_utf8(self) -> bool {
        !matches!(self, ItemKind::Binary)
    }
}

/// One item, borrowed from the tag's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item<'a> {
    /// The key, with the case it has in the file.
    pub key: &'a str,
    /// The item flags as stored (only the kind bits mean anything to
    /// mutagen).
    pub flags: u32,
    /// The kind of the value.
    pub kind: ItemKind,
    /// The value's bytes (already checked to be UTF-8 for text and
    /// external values).
    pub value: &'a [u8],
}

impl<'a> Item<'a> {
    /// The value as text, for text and external items.
    pub fn text(&self) -> Option<&'a str> {
        if self.kind.is_utf8() {
            std::str::from_utf8(self.value).ok()
        } else {
            None
        }
    }

    /// The NUL-separated values of a text item (one empty string for an
    /// empty value, as mutagen's list view gives).
    pub fn text_values(&self) -> Option<impl Iterator<Item = &'a str>> {
        if self.kind == ItemKind::Text {
            self.text().map(|t| t.split('\0'))
        } else {
            None
        }
    }

    /// Whether the read-only flag (bit 0) is set.
    pub fn read_only(&self) -> bool {
        self.flags & 1 != 0
    }
}

/// The result of [`parse_items`]: the items read, in file order, and the
/// error that stopped the parse early, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedItems<'a> {
    /// Items parsed (before the error, if there is one).
    pub items: Vec<Item<'a>>,
    /// Why parsing stopped before `count` items or the end of the data.
    pub error: Option<ItemError>,
}

/// Why [`parse_items`] stopped early.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ItemError {
    /// Fewer than 8 bytes (an item header) were left.
    /// mutagen: `apev2.error()` without a message.
    #[error("APEv2 data ends inside an item header")]
    Truncated,
    /// The item is malformed.
    #[error(transparent)]
    Bad(#[from] BadItem),
}

impl From<ItemError> for crate::ApeError {
    fn from(e: ItemError) -> Self {
        match e {
            ItemError::Truncated => crate::ApeError::Truncated,
            ItemError::Bad(b) => crate::ApeError::BadItem(b),
        }
    }
}

/// `value size` and `flags` of an item.
fn item_header(input: &[u8]) -> IResult<&[u8], (u32, u32)> {
    (le_u32, le_u32).parse(input)
}

/// Parse up to `count` items from the item area `data`, the way mutagen
/// does: stop quietly when the data is used up (the count may be too high),
/// ignore what follows the last counted item, and fail on the first broken
/// item, keeping those before it.
///
/// The checks come in mutagen's order: item header complete, kind known,
/// key terminated, key ASCII, key valid, value complete, value UTF-8.
pub fn parse_items(data: &[u8], count: u32) -> ParsedItems<'_> {
    // Every item takes at least 11 bytes (header, 2-char key, NUL), so the
    // data bounds the allocation whatever `count` claims.
    let cap = (count as usize).min(data.len() / 11);
    let mut items = Vec::with_capacity(cap);
    let mut rest = data;
    let mut error = None;
    for _ in 0..count {
        if rest.is_empty() {
            break;
        }
        let offset = data.len() - rest.len();
        match parse_one(rest, offset) {
            Ok((next, item)) => {
                items.push(item);
                rest = next;
            }
            Err(e) => {
                error = Some(e);
                break;
            }
        }
    }
    ParsedItems { items, error }
}

/// One item at the start of `input`, which begins at `offset` in the data.
fn parse_one(input: &[u8], offset: usize) -> Result<(&[u8], Item<'_>), ItemError> {
    let (after_header, (size, flags)) =
        item_header(input).map_err(|_: nom::Err<nom::error::Error<&[u8]>>| ItemError::Truncated)?;
    let kind = ItemKind::from_flags(flags).ok_or(BadItem::UnknownKind)?;

    let nul = memchr_nul(after_header).ok_or(BadItem::UnterminatedKey)?;
    let key_bytes = &after_header[..nul];
    let key_start = offset + 8;
    if let Some(position) = key_bytes.iter().position(|b| !b.is_ascii()) {
        return Err(BadItem::KeyNotAscii {
            key: key_start..key_start + nul,
            position,
            byte: key_bytes[position],
        }
        .into());
    }
    // All ASCII, hence UTF-8.
    let key = std::str::from_utf8(key_bytes).map_err(|_| BadItem::UnterminatedKey)?;
    if !is_valid_key(key) {
        return Err(BadItem::InvalidKey {
            key: key.to_owned(),
        }
        .into());
    }

    let after_key = &after_header[nul + 1..];
    let value_start = key_start + nul + 1;
    let (rest, value) = usize::try_from(size)
        .ok()
        .and_then(|n| take::<usize, &[u8], nom::error::Error<&[u8]>>(n)(after_key).ok())
        .ok_or(BadItem::ValueTruncated)?;
    if kind.is_utf8() && std::str::from_utf8(value).is_err() {
        let error = match decode(value, Encoding::Utf8, DecodeMode::Strict) {
            Err(mtg_core::Error::Decode(e)) => e,
            // Not reached: the bytes are not UTF-8.
            _ => mtg_core::TextError {
                encoding: "utf-8",
                start: 0,
                end: value.len(),
                reason: "invalid data",
                decoding: true,
            },
        };
        let byte = value.get(error.start).copied().unwrap_or(0);
        return Err(BadItem::ValueNotUtf8 {
            value: value_start..value_start + value.len(),
            error,
            byte,
        }
        .into());
    }
    Ok((
        rest,
        Item {
            key,
            flags,
            kind,
            value,
        },
    ))
}

fn memchr_nul(haystack: &[u8]) -> Option<usize> {
    memchr::memchr(0, haystack)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(key: &[u8], value: &[u8], flags: u32) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&(value.len() as u32).to_le_bytes());
        out.extend_from_slice(&flags.to_le_bytes());
        out.extend_from_slice(key);
        out.push(0);
        out.extend_from_slice(value);
        out
    }

    #[test]
    fn key_rules() {
        for ok in ["foo", "Foo", "   f ~~~", "oggs", "tag", "ab"] {
            assert!(is_valid_key(ok), "{ok}");
        }
        assert!(is_valid_key(&"k".repeat(255)));
        for bad in [
            "\x11hi",
            "ffoo\u{FF}",
            "\u{1234}",
            "a",
            "",
            "OggS",
            "TAG",
            "ID3",
            "MP+",
        ] {
            assert!(!is_valid_key(bad), "{bad:?}");
        }
        assert!(!is_valid_key(&"foo".repeat(100)));
        assert!(!is_valid_key("a\x7f"));
    }

    #[test]
    fn kinds() {
        assert_eq!(ItemKind::from_flags(0), Some(ItemKind::Text));
        assert_eq!(ItemKind::from_flags(3), Some(ItemKind::Binary));
        assert_eq!(ItemKind::from_flags(0xffff_fff4), Some(ItemKind::External));
        assert_eq!(ItemKind::from_flags(6), None);
        assert_eq!(ItemKind::from_number(2), Some(ItemKind::External));
        assert_eq!(ItemKind::from_number(3), None);
        assert_eq!(ItemKind::Binary.flags(), 2);
    }

    #[test]
    fn parses_items_and_stops_at_end_of_data() {
        let mut data = item(b"Title", b"a\0b", 0);
        data.extend(item(b"Cover", b"\xff\x00", 3));
        data.extend(item(b"Link", b"http://x", 4));
        let parsed = parse_items(&data, 100);
        assert_eq!(parsed.error, None);
        assert_eq!(parsed.items.len(), 3);
        let title = parsed.items[0];
        assert_eq!(title.key, "Title");
        assert_eq!(title.text_values().unwrap().collect::<Vec<_>>(), ["a", "b"]);
        assert!(parsed.items[1].read_only());
        assert_eq!(parsed.items[1].kind, ItemKind::Binary);
        assert_eq!(parsed.items[1].text(), None);
        assert_eq!(parsed.items[2].text(), Some("http://x"));
        assert_eq!(parse_items(&data, 1).items.len(), 1);
        assert!(parse_items(&data, 0).items.is_empty());
    }

    #[test]
    fn errors_in_mutagens_order() {
        let check = |data: &[u8], want: ItemError| {
            let parsed = parse_items(data, 5);
            assert_eq!(parsed.error, Some(want), "{data:?}");
        };
        check(b"\x01\x00", ItemError::Truncated);
        check(&item(b"T", b"a", 6), BadItem::UnknownKind.into());
        check(
            b"\x01\x00\x00\x00\x00\x00\x00\x00Title",
            BadItem::UnterminatedKey.into(),
        );
        check(
            &item(b"T\xffx", b"a", 0),
            BadItem::KeyNotAscii {
                key: 8..11,
                position: 1,
                byte: 0xff,
            }
            .into(),
        );
        check(
            &item(b"T", b"a", 0),
            BadItem::InvalidKey { key: "T".into() }.into(),
        );
        let mut short = item(b"Title", b"abc", 0);
        short.truncate(short.len() - 1);
        check(&short, BadItem::ValueTruncated.into());
        let bad = parse_items(&item(b"Title", b"a\xff", 0), 1).error.unwrap();
        assert_eq!(
            bad.to_string(),
            "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"
        );
        assert!(
            matches!(bad, ItemError::Bad(BadItem::ValueNotUtf8 { value, .. }) if value == (14..16))
        );
        // Binary values are not decoded; a bad second item keeps the first.
        let mut data = item(b"Bin", b"\xff", 2);
        data.extend(item(b"X", b"", 0));
        let parsed = parse_items(&data, 2);
        assert_eq!(parsed.items.len(), 1);
        assert!(matches!(
            parsed.error,
            Some(ItemError::Bad(BadItem::InvalidKey { .. }))
        ));
    }

    #[test]
    fn huge_count_and_size_do_not_allocate() {
        let one = item(b"Key", b"v", 0);
        let parsed = parse_items(&one, u32::MAX);
        assert_eq!(parsed.items.len(), 1);
        let mut data = item(b"Key", b"v", 0);
        data[..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(
            parse_items(&data, 1).error,
            Some(BadItem::ValueTruncated.into())
        );
    }
}
