//! Text codecs with the behaviour of Python's codecs, as mutagen uses them.
//!
//! * Latin-1 maps every byte to U+0000..U+00FF; encoding fails on any
//!   character above U+00FF.
//! * UTF-16 with a byte order mark ([`Encoding::Utf16`], Python's `"utf-16"`):
//!   decoding lets a leading BOM choose the byte order (and drops it) and
//!   assumes little-endian without one, as CPython does on the little-endian
//!   machines mutagen runs on; later BOMs are kept as U+FEFF. Encoding writes
//!   the little-endian BOM `FF FE` followed by little-endian units.
//! * UTF-16LE / UTF-16BE without BOM, and UTF-8 (a UTF-8 BOM is kept as
//!   U+FEFF, as Python's `"utf-8"` codec does).
//!
//! Decoding is either [`DecodeMode::Strict`] (an [`Error::Decode`] whose
//! positions and reason match Python's `UnicodeDecodeError`) or
//! [`DecodeMode::Replace`] (each bad sequence becomes U+FFFD exactly where
//! Python's `errors="replace"` puts one). Valid UTF-8, and Latin-1 that is
//! pure ASCII, decode without copying.

use std::borrow::Cow;

use crate::error::{Error, Result, TextError};

/// A text encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// ISO-8859-1.
    Latin1,
    /// UTF-16 with a byte order mark (BOM).
    Utf16,
    /// UTF-16, big-endian, no BOM.
    Utf16Be,
    /// UTF-16, little-endian, no BOM.
    Utf16Le,
    /// UTF-8.
    Utf8,
}

impl Encoding {
    /// Python's name for the codec (as it appears in Unicode errors).
    pub fn python_name(self) -> &'static str {
        match self {
            Encoding::Latin1 => "latin-1",
            Encoding::Utf16 => "utf-16",
            Encoding::Utf16Be => "utf-16-be",
            Encoding::Utf16Le => "utf-16-le",
            Encoding::Utf8 => "utf-8",
        }
    }

    /// Size in bytes of one code unit: 1 for Latin-1 and UTF-8, 2 for UTF-16.
    pub fn unit_size(self) -> usize {
        match self {
            Encoding::Latin1 | Encoding::Utf8 => 1,
            Encoding::Utf16 | Encoding::Utf16Be | Encoding::Utf16Le => 2,
        }
    }

    /// The string terminator: one zero byte, or two for UTF-16.
    pub fn terminator(self) -> &'static [u8] {
        if self.unit_size() == 2 {
            &[0, 0]
        } else {
            &[0]
        }
    }
}

/// What to do with bytes that are not valid in the encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecodeMode {
    /// Fail with [`Error::Decode`] (Python's `errors="strict"`).
    #[default]
    Strict,
    /// Substitute U+FFFD (Python's `errors="replace"`).
    Replace,
}

/// Byte order for the multi-byte encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endian {
    /// Least significant byte first.
    Little,
    /// Most significant byte first.
    Big,
}

/// Decode `data` in `encoding`.
pub fn decode(data: &[u8], encoding: Encoding, mode: DecodeMode) -> Result<Cow<'_, str>> {
    match encoding {
        Encoding::Latin1 => Ok(decode_latin1(data)),
        Encoding::Utf8 => decode_utf8(data, mode),
        Encoding::Utf16Le => {
            decode_utf16(data, 0, Endian::Little, "utf-16-le", mode).map(Cow::Owned)
        }
        Encoding::Utf16Be => decode_utf16(data, 0, Endian::Big, "utf-16-be", mode).map(Cow::Owned),
        Encoding::Utf16 => {
            let (endian, skip) = match data {
                [0xFF, 0xFE, ..] => (Endian::Little, 2),
                [0xFE, 0xFF, ..] => (Endian::Big, 2),
                _ => (Endian::Little, 0),
            };
            let body = data.get(skip..).unwrap_or(&[]);
            decode_utf16(body, skip, endian, "utf-16", mode).map(Cow::Owned)
        }
    }
}

/// Decode Latin-1: every byte is the character with the same number. Borrows
/// when the data is pure ASCII.
pub fn decode_latin1(data: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(data) {
        Ok(s) if data.is_ascii() => Cow::Borrowed(s),
        _ => Cow::Owned(data.iter().map(|&b| char::from(b)).collect()),
    }
}

fn decode_utf8(data: &[u8], mode: DecodeMode) -> Result<Cow<'_, str>> {
    match (std::str::from_utf8(data), mode) {
        (Ok(s), _) => Ok(Cow::Borrowed(s)),
        (Err(_), DecodeMode::Replace) => Ok(String::from_utf8_lossy(data)),
        (Err(e), DecodeMode::Strict) => {
            let start = e.valid_up_to();
            let first = data.get(start).copied().unwrap_or(0);
            let (end, reason) = if matches!(first, 0x80..=0xC1 | 0xF5..=0xFF) {
                (start + 1, "invalid start byte")
            } else if let Some(n) = e.error_len() {
                (start + n, "invalid continuation byte")
            } else {
                (data.len(), "unexpected end of data")
            };
            Err(decode_error("utf-8", start, end, reason))
        }
    }
}

fn decode_error(encoding: &'static str, start: usize, end: usize, reason: &'static str) -> Error {
    Error::Decode(TextError {
        encoding,
        start,
        end,
        reason,
        decoding: true,
    })
}

/// Decode UTF-16 code units (no BOM handling). `base` is added to error
/// positions (the length of a BOM already skipped).
fn decode_utf16(
    data: &[u8],
    base: usize,
    endian: Endian,
    name: &'static str,
    mode: DecodeMode,
) -> Result<String> {
    let unit_at = |i: usize| -> Option<u16> {
        let pair = [*data.get(i)?, *data.get(i + 1)?];
        Some(match endian {
            Endian::Little => u16::from_le_bytes(pair),
            Endian::Big => u16::from_be_bytes(pair),
        })
    };
    let mut out = String::with_capacity(data.len());
    // Records a bad sequence: an error in strict mode, U+FFFD otherwise.
    let bad = |out: &mut String, start: usize, end: usize, reason: &'static str| match mode {
        DecodeMode::Strict => Err(decode_error(name, base + start, base + end, reason)),
        DecodeMode::Replace => {
            out.push(char::REPLACEMENT_CHARACTER);
            Ok(())
        }
    };
    let mut i = 0usize;
    while let Some(unit) = unit_at(i) {
        match unit {
            0xD800..=0xDBFF => match unit_at(i + 2) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let c =
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    out.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
                    i += 4;
                }
                Some(_) => {
                    bad(&mut out, i, i + 2, "illegal UTF-16 surrogate")?;
                    i += 2;
                }
                None => {
                    bad(&mut out, i, data.len(), "unexpected end of data")?;
                    i = data.len();
                }
            },
            0xDC00..=0xDFFF => {
                bad(&mut out, i, i + 2, "illegal encoding")?;
                i += 2;
            }
            _ => {
                out.push(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER));
                i += 2;
            }
        }
    }
    if i < data.len() {
        bad(&mut out, i, data.len(), "truncated data")?;
    }
    Ok(out)
}

/// Encode `text` in `encoding`. Only Latin-1 can fail ([`Error::Encode`] on a
/// character above U+00FF, positions in characters like Python's).
pub fn encode(text: &str, encoding: Encoding) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    encode_into(text, encoding, &mut out)?;
    Ok(out)
}

/// [`encode`], appending to `out`. On error `out` is left as it was.
pub fn encode_into(text: &str, encoding: Encoding, out: &mut Vec<u8>) -> Result<()> {
    match encoding {
        Encoding::Latin1 => encode_latin1(text, out),
        Encoding::Utf8 => {
            out.extend_from_slice(text.as_bytes());
            Ok(())
        }
        Encoding::Utf16 => {
            push_utf16(text, Endian::Little, true, out);
            Ok(())
        }
        Encoding::Utf16Le => {
            push_utf16(text, Endian::Little, false, out);
            Ok(())
        }
        Encoding::Utf16Be => {
            push_utf16(text, Endian::Big, false, out);
            Ok(())
        }
    }
}

fn encode_latin1(text: &str, out: &mut Vec<u8>) -> Result<()> {
    if let Some(start) = text.chars().position(|c| u32::from(c) > 0xFF) {
        let run = text
            .chars()
            .skip(start)
            .take_while(|&c| u32::from(c) > 0xFF)
            .count();
        return Err(Error::Encode(TextError {
            encoding: "latin-1",
            start,
            end: start + run,
            reason: "ordinal not in range(256)",
            decoding: false,
        }));
    }
    out.reserve(text.len());
    out.extend(text.chars().map(|c| u32::from(c) as u8));
    Ok(())
}

fn push_utf16(text: &str, endian: Endian, bom: bool, out: &mut Vec<u8>) {
    let put = |u: u16| match endian {
        Endian::Little => u.to_le_bytes(),
        Endian::Big => u.to_be_bytes(),
    };
    out.reserve(text.len() * 2 + 2);
    if bom {
        out.extend_from_slice(&put(0xFEFF));
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&put(unit));
    }
}

/// Encode `text` as UTF-16 in the given byte order, optionally preceded by a
/// byte order mark in that order.
pub fn encode_utf16(text: &str, endian: Endian, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    push_utf16(text, endian, bom, &mut out);
    out
}

/// Encode `text` as UTF-32 in the given byte order, optionally preceded by a
/// byte order mark in that order (Python's `"utf-32"` is little-endian with
/// BOM on little-endian machines).
pub fn encode_utf32(text: &str, endian: Endian, bom: bool) -> Vec<u8> {
    let put = |c: u32| match endian {
        Endian::Little => c.to_le_bytes(),
        Endian::Big => c.to_be_bytes(),
    };
    let mut out = Vec::with_capacity(text.len() * 4 + 4);
    if bom {
        out.extend_from_slice(&put(0xFEFF));
    }
    for c in text.chars() {
        out.extend_from_slice(&put(u32::from(c)));
    }
    out
}

/// Offset of the first string terminator in `data`: a zero byte for Latin-1
/// and UTF-8, a pair of zero bytes at an even offset for UTF-16.
pub fn find_terminator(data: &[u8], encoding: Encoding) -> Option<usize> {
    if encoding.unit_size() == 1 {
        memchr::memchr(0, data)
    } else {
        data.chunks_exact(2)
            .position(|pair| pair == [0, 0])
            .map(|unit| unit * 2)
    }
}

/// Decode a zero-terminated string at the start of `data`, returning the text
/// and the bytes after the terminator. The text is decoded strictly.
///
/// Without a terminator: if `strict`, [`Error::InvalidData`]; otherwise all
/// of `data` is decoded and the rest is empty.
pub fn decode_terminated(
    data: &[u8],
    encoding: Encoding,
    strict: bool,
) -> Result<(Cow<'_, str>, &[u8])> {
    match find_terminator(data, encoding) {
        Some(at) => {
            let text = data.get(..at).unwrap_or(&[]);
            let rest = data.get(at + encoding.unit_size()..).unwrap_or(&[]);
            Ok((decode(text, encoding, DecodeMode::Strict)?, rest))
        }
        None if strict => Err(Error::invalid_data("string is not null-terminated")),
        None => Ok((decode(data, encoding, DecodeMode::Strict)?, &[])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Encoding::*;

    /// `(encoding, input, Python's strict error (start, end, reason) or None,
    /// Python's result with errors="replace")`. Every expectation was produced
    /// by CPython 3.11's codecs (`bytes.decode`), not by this code.
    #[allow(clippy::type_complexity)]
    const PYTHON_DECODE: &[(Encoding, &[u8], Option<(usize, usize, &str)>, &str)] = &[
        (
            Utf8,
            b"\xff",
            Some((0, 1, "invalid start byte")),
            "\u{fffd}",
        ),
        (
            Utf8,
            b"a\x80b",
            Some((1, 2, "invalid start byte")),
            "a\u{fffd}b",
        ),
        (
            Utf8,
            b"\xe2\x82",
            Some((0, 2, "unexpected end of data")),
            "\u{fffd}",
        ),
        (
            Utf8,
            b"\xe2\x82A",
            Some((0, 2, "invalid continuation byte")),
            "\u{fffd}A",
        ),
        (
            Utf8,
            b"\xed\xa0\x80",
            Some((0, 1, "invalid continuation byte")),
            "\u{fffd}\u{fffd}\u{fffd}",
        ),
        (
            Utf8,
            b"\xf0\x80\x80",
            Some((0, 1, "invalid continuation byte")),
            "\u{fffd}\u{fffd}\u{fffd}",
        ),
        (
            Utf8,
            b"\xf4\x90\x80\x80",
            Some((0, 1, "invalid continuation byte")),
            "\u{fffd}\u{fffd}\u{fffd}\u{fffd}",
        ),
        (
            Utf8,
            b"\xc0\xaf",
            Some((0, 1, "invalid start byte")),
            "\u{fffd}\u{fffd}",
        ),
        (
            Utf8,
            b"\xf0\x9f\x98",
            Some((0, 3, "unexpected end of data")),
            "\u{fffd}",
        ),
        (
            Utf8,
            b"\xf0\x9f\x98\x80x\xf0\x80",
            Some((5, 6, "invalid continuation byte")),
            "\u{1f600}x\u{fffd}\u{fffd}",
        ),
        (
            Utf8,
            b"\xe0",
            Some((0, 1, "unexpected end of data")),
            "\u{fffd}",
        ),
        (
            Utf8,
            b"\xf5",
            Some((0, 1, "invalid start byte")),
            "\u{fffd}",
        ),
        (
            Utf8,
            b"ab\xe0\xa0",
            Some((2, 4, "unexpected end of data")),
            "ab\u{fffd}",
        ),
        (Utf8, b"\xef\xbb\xbfhi", None, "\u{feff}hi"),
        (
            Utf16Le,
            b"a\x00b",
            Some((2, 3, "truncated data")),
            "a\u{fffd}",
        ),
        (
            Utf16Le,
            b"\x00\xd8",
            Some((0, 2, "unexpected end of data")),
            "\u{fffd}",
        ),
        (
            Utf16Le,
            b"\x00\xd8A",
            Some((0, 3, "unexpected end of data")),
            "\u{fffd}",
        ),
        (
            Utf16Le,
            b"\x00\xd8A\x00",
            Some((0, 2, "illegal UTF-16 surrogate")),
            "\u{fffd}A",
        ),
        (
            Utf16Le,
            b"\x00\xdcA\x00",
            Some((0, 2, "illegal encoding")),
            "\u{fffd}A",
        ),
        (
            Utf16Le,
            b"\x00\xd8\x00\xd8\x00\xdc",
            Some((0, 2, "illegal UTF-16 surrogate")),
            "\u{fffd}\u{10000}",
        ),
        (Utf16Le, b"=\xd8\x00\xde", None, "\u{1f600}"),
        (
            Utf16Le,
            b"\x00\xd8\x00\x00",
            Some((0, 2, "illegal UTF-16 surrogate")),
            "\u{fffd}\0",
        ),
        (
            Utf16Le,
            b"\x00\xd8A\x00B",
            Some((0, 2, "illegal UTF-16 surrogate")),
            "\u{fffd}A\u{fffd}",
        ),
        (
            Utf16Le,
            b"\x00\xdc\x00",
            Some((0, 2, "illegal encoding")),
            "\u{fffd}\u{fffd}",
        ),
        (
            Utf16Le,
            b"\x00\xd8\x00\xdc\x00\xd8",
            Some((4, 6, "unexpected end of data")),
            "\u{10000}\u{fffd}",
        ),
        (Utf16Le, b"\xff\xfea\x00", None, "\u{feff}a"),
        (Utf16Le, b"\xfe\xff\x00a", None, "\u{fffe}\u{6100}"),
        (Utf16Le, b"\xff", Some((0, 1, "truncated data")), "\u{fffd}"),
        (
            Utf16Be,
            b"\xd8\x00",
            Some((0, 2, "unexpected end of data")),
            "\u{fffd}",
        ),
        (
            Utf16Be,
            b"\xd8\x00\x00A",
            Some((0, 2, "illegal UTF-16 surrogate")),
            "\u{fffd}A",
        ),
        (
            Utf16Be,
            b"\xdc\x00\x00A",
            Some((0, 2, "illegal encoding")),
            "\u{fffd}A",
        ),
        (Utf16Be, b"\xd8=\xde\x00", None, "\u{1f600}"),
        (
            Utf16Be,
            b"\xd8\x00\xd8\x00\xdc\x00",
            Some((0, 2, "illegal UTF-16 surrogate")),
            "\u{fffd}\u{10000}",
        ),
        (
            Utf16Be,
            b"\x00\xd8A",
            Some((2, 3, "truncated data")),
            "\u{d8}\u{fffd}",
        ),
        (Utf16Be, b"\xfe\xff\x00a", None, "\u{feff}a"),
        (Utf16Be, b"\xff\xfe", None, "\u{fffe}"),
        (Utf16, b"\xff\xfea\x00", None, "a"),
        (Utf16, b"\xfe\xff\x00a", None, "a"),
        (Utf16, b"\xff\xfe\xff\xfea\x00", None, "\u{feff}a"),
        (Utf16, b"\xff\xfe", None, ""),
        (Utf16, b"a\x00b\x00", None, "ab"),
        (Utf16, b"\xff", Some((0, 1, "truncated data")), "\u{fffd}"),
        (
            Utf16,
            b"\xfe\xff\x00",
            Some((2, 3, "truncated data")),
            "\u{fffd}",
        ),
        (
            Utf16,
            b"\xfe\xff\xd8\x00\x00A",
            Some((2, 4, "illegal UTF-16 surrogate")),
            "\u{fffd}A",
        ),
        (
            Utf16,
            b"\xfe\xff\xdc\x00",
            Some((2, 4, "illegal encoding")),
            "\u{fffd}",
        ),
        (
            Utf16,
            b"\xff\xfe\x00\xdc",
            Some((2, 4, "illegal encoding")),
            "\u{fffd}",
        ),
        (Utf16, b"\xfe\xff\xd8=\xde\x00", None, "\u{1f600}"),
        (
            Utf16,
            b"\x00\xd8A\x00B",
            Some((0, 2, "illegal UTF-16 surrogate")),
            "\u{fffd}A\u{fffd}",
        ),
        (Latin1, b"\xffA\x80\xe9", None, "\u{ff}A\u{80}\u{e9}"),
    ];

    #[test]
    fn decoding_matches_python() {
        for &(enc, input, err, replaced) in PYTHON_DECODE {
            let strict = decode(input, enc, DecodeMode::Strict);
            match (err, strict) {
                (None, Ok(s)) => assert_eq!(s, replaced, "{enc:?} {input:x?}"),
                (Some((start, end, reason)), Err(Error::Decode(e))) => {
                    assert_eq!(
                        (e.start, e.end, e.reason, e.encoding),
                        (start, end, reason, enc.python_name()),
                        "{enc:?} {input:x?}"
                    );
                    assert!(e.decoding);
                }
                (want, got) => panic!("{enc:?} {input:x?}: want {want:?}, got {got:?}"),
            }
            let lax = decode(input, enc, DecodeMode::Replace).unwrap();
            assert_eq!(lax, replaced, "replace: {enc:?} {input:x?}");
        }
    }

    /// `(text, utf-16, utf-16-le, utf-16-be, utf-8, utf-32, utf-32-be)`, from
    /// CPython's `str.encode`.
    #[allow(clippy::type_complexity)]
    const PYTHON_ENCODE: &[(&str, &[u8], &[u8], &[u8], &[u8], &[u8], &[u8])] = &[
        ("", b"\xff\xfe", b"", b"", b"", b"\xff\xfe\x00\x00", b""),
        (
            "a",
            b"\xff\xfea\x00",
            b"a\x00",
            b"\x00a",
            b"a",
            b"\xff\xfe\x00\x00a\x00\x00\x00",
            b"\x00\x00\x00a",
        ),
        (
            "h\u{e9}\u{20ac}",
            b"\xff\xfeh\x00\xe9\x00\xac ",
            b"h\x00\xe9\x00\xac ",
            b"\x00h\x00\xe9 \xac",
            b"h\xc3\xa9\xe2\x82\xac",
            b"\xff\xfe\x00\x00h\x00\x00\x00\xe9\x00\x00\x00\xac \x00\x00",
            b"\x00\x00\x00h\x00\x00\x00\xe9\x00\x00 \xac",
        ),
        (
            "\u{1f600}",
            b"\xff\xfe=\xd8\x00\xde",
            b"=\xd8\x00\xde",
            b"\xd8=\xde\x00",
            b"\xf0\x9f\x98\x80",
            b"\xff\xfe\x00\x00\x00\xf6\x01\x00",
            b"\x00\x01\xf6\x00",
        ),
    ];

    #[test]
    fn encoding_matches_python() {
        for &(text, u16bom, u16le, u16be, u8, u32bom, u32be) in PYTHON_ENCODE {
            assert_eq!(encode(text, Utf16).unwrap(), u16bom);
            assert_eq!(encode(text, Utf16Le).unwrap(), u16le);
            assert_eq!(encode(text, Utf16Be).unwrap(), u16be);
            assert_eq!(encode(text, Utf8).unwrap(), u8);
            assert_eq!(encode_utf16(text, Endian::Little, true), u16bom);
            assert_eq!(encode_utf16(text, Endian::Big, false), u16be);
            assert_eq!(encode_utf32(text, Endian::Little, true), u32bom);
            assert_eq!(encode_utf32(text, Endian::Big, false), u32be);
            // Round trip through every encoding that can hold the text.
            for enc in [Utf16, Utf16Le, Utf16Be, Utf8] {
                let bytes = encode(text, enc).unwrap();
                assert_eq!(decode(&bytes, enc, DecodeMode::Strict).unwrap(), text);
            }
        }
        assert_eq!(
            encode_utf16("a", Endian::Big, true),
            b"\xfe\xff\x00a".to_vec()
        );
    }

    #[test]
    fn latin1() {
        let all: Vec<u8> = (0..=255).collect();
        let text = decode(&all, Latin1, DecodeMode::Strict).unwrap();
        assert_eq!(text.chars().count(), 256);
        assert!(text.chars().zip(0u32..).all(|(c, i)| u32::from(c) == i));
        assert_eq!(encode(&text, Latin1).unwrap(), all);
        assert!(matches!(decode_latin1(b"plain"), Cow::Borrowed("plain")));
        assert!(matches!(decode_latin1(b"caf\xe9"), Cow::Owned(_)));

        // From CPython: 'ab\u20acd'.encode('latin-1') fails at 2..3,
        // 'ab\u20ac\u20acd' at 2..4, reason 'ordinal not in range(256)'.
        for (text, start, end) in [("ab\u{20ac}d", 2, 3), ("ab\u{20ac}\u{20ac}d", 2, 4)] {
            let mut out = b"keep".to_vec();
            match encode_into(text, Latin1, &mut out) {
                Err(Error::Encode(e)) => {
                    assert_eq!((e.start, e.end), (start, end));
                    assert_eq!(e.reason, "ordinal not in range(256)");
                    assert_eq!(e.encoding, "latin-1");
                    assert!(!e.decoding);
                }
                other => panic!("unexpected {other:?}"),
            }
            assert_eq!(out, b"keep");
        }
        assert_eq!(
            Error::Encode(TextError {
                encoding: "latin-1",
                start: 2,
                end: 3,
                reason: "ordinal not in range(256)",
                decoding: false
            })
            .to_string(),
            "'latin-1' codec can't encode character in position 2: ordinal not in range(256)"
        );
    }

    #[test]
    fn utf8_borrows_when_valid() {
        assert!(matches!(
            decode("héllo".as_bytes(), Utf8, DecodeMode::Strict).unwrap(),
            Cow::Borrowed("héllo")
        ));
    }

    #[test]
    fn terminated_strings() {
        assert_eq!(find_terminator(b"ab\0cd", Latin1), Some(2));
        assert_eq!(find_terminator(b"abcd", Utf8), None);
        // A zero pair straddling units is not a terminator.
        assert_eq!(find_terminator(b"a\x00\x00b\x00\x00", Utf16Le), Some(4));
        assert_eq!(find_terminator(b"\x00a\x00\x00", Utf16Be), Some(2));
        assert_eq!(find_terminator(b"\x00", Utf16), None);

        let (s, rest) = decode_terminated(b"abc\0def\0", Latin1, true).unwrap();
        assert_eq!((s.as_ref(), rest), ("abc", &b"def\0"[..]));
        let (s, rest) = decode_terminated(b"\xc3\xa9\0", Utf8, true).unwrap();
        assert_eq!((s.as_ref(), rest), ("é", &b""[..]));
        let (s, rest) = decode_terminated(b"\xff\xfea\x00\x00\x00b\x00", Utf16, true).unwrap();
        assert_eq!((s.as_ref(), rest), ("a", &b"b\x00"[..]));
        let (s, rest) = decode_terminated(b"\x01\x00\x00\x02\x00\x00", Utf16Le, true).unwrap();
        assert_eq!((s.as_ref(), rest), ("\u{1}\u{200}", &b""[..]));
        let (s, rest) = decode_terminated(b"\x00\x00", Utf16Be, true).unwrap();
        assert_eq!((s.as_ref(), rest), ("", &b""[..]));

        // No terminator.
        assert!(matches!(
            decode_terminated(b"abc", Latin1, true),
            Err(Error::InvalidData(_))
        ));
        let (s, rest) = decode_terminated(b"abc", Latin1, false).unwrap();
        assert_eq!((s.as_ref(), rest), ("abc", &b""[..]));
        let (s, rest) = decode_terminated(b"a\x00b\x00", Utf16Le, false).unwrap();
        assert_eq!((s.as_ref(), rest), ("ab", &b""[..]));
        // Odd trailing byte without terminator: decoding (strict) fails.
        assert!(matches!(
            decode_terminated(b"a\x00b", Utf16Le, false),
            Err(Error::Decode(_))
        ));
        // Invalid text before the terminator fails even when terminated.
        assert!(matches!(
            decode_terminated(b"\xff\0", Utf8, true),
            Err(Error::Decode(_))
        ));
        assert!(decode_terminated(b"", Utf8, true).is_err());
        let (s, rest) = decode_terminated(b"", Utf16, false).unwrap();
        assert_eq!((s.as_ref(), rest), ("", &b""[..]));
    }

    #[test]
    fn encoding_properties() {
        assert_eq!(Utf16.terminator(), b"\0\0");
        assert_eq!(Utf8.terminator(), b"\0");
        assert_eq!(Latin1.unit_size(), 1);
        assert_eq!(Utf16Be.python_name(), "utf-16-be");
        assert_eq!(DecodeMode::default(), DecodeMode::Strict);
    }
}
