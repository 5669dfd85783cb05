//! Vorbis comments: the `vendor` string and `KEY=value` pairs used by FLAC,
//! Ogg Vorbis, Opus, Speex, Theora and Ogg FLAC.
//!
//! Layout (all lengths little-endian `u32`): vendor length, vendor (UTF-8),
//! comment count, then per comment its length and `KEY=value` (UTF-8). Ogg
//! Vorbis adds a framing byte whose lowest bit must be set; FLAC has none.
//!
//! Reading follows mutagen's `VComment(data, errors=..., framing=...)`:
//!
//! * each string is decoded as UTF-8 with the chosen [`ErrorMode`] (in
//!   strict mode an invalid string is a [`VorbisError::Decode`], Python's
//!   `UnicodeDecodeError`);
//! * a comment without `=` is an error in strict mode, is kept as
//!   `unknown<N>=<whole comment>` in replace mode (N: its position in the
//!   list, counting from 0) and dropped in ignore mode;
//! * a key with non-ASCII characters is an error in strict mode, has each of
//!   them replaced by `?` in replace mode, removed in ignore mode;
//! * a key that is then not a valid tag name ([`istag`]) is dropped silently.
//!
//! Keys keep their case; comparing them case-insensitively is the caller's
//! business. Strings borrow from the input whenever they are valid UTF-8.

use std::borrow::Cow;

use nom::bytes::complete::take;
use nom::number::complete::le_u32;
use nom::Parser;

use crate::error::{py_repr, PyException};

/// The vendor string mutagen 1.48.1 writes into comments it creates.
pub const DEFAULT_VENDOR: &str = "Mutagen 1.48.1";

/// What to do with invalid text (Python's `errors=` argument).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum ErrorMode {
    /// Fail (`errors="strict"`).
    Strict,
    /// Substitute: U+FFFD for bad UTF-8, `?` for non-ASCII key characters,
    /// `unknown<N>` for a missing key (`errors="replace"`, mutagen's default).
    #[default]
    Replace,
    /// Drop what is invalid (`errors="ignore"`).
    Ignore,
}

impl ErrorMode {
    /// The mode named by Python's `errors` string (`"strict"`, `"replace"`,
    /// `"ignore"`); `None` for other names.
    pub fn from_python(name: &str) -> Option<Self> {
        match name {
            "strict" => Some(ErrorMode::Strict),
            "replace" => Some(ErrorMode::Replace),
            "ignore" => Some(ErrorMode::Ignore),
            _ => None,
        }
    }
}

/// How to read a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseOptions {
    /// Handling of invalid text.
    pub errors: ErrorMode,
    /// Whether a framing byte follows the comments (Ogg Vorbis: yes).
    pub framing: bool,
    /// How short data is treated.
    ///
    /// `false` (mutagen's `VComment(bytes)`): a string shorter than its
    /// length field is taken as it is and a missing length field is a
    /// [`VorbisError::Invalid`]. `true` (how mutagen reads the comment inside
    /// a FLAC file): every short read is a [`VorbisError::Truncated`].
    pub strict_lengths: bool,
}

impl ParseOptions {
    /// mutagen's `VComment(data)` defaults: replace, framing byte expected,
    /// lenient lengths.
    pub const VCOMMENT: ParseOptions = ParseOptions {
        errors: ErrorMode::Replace,
        framing: true,
        strict_lengths: false,
    };

    /// mutagen's `VCFLACDict(data)`: replace, no framing byte, lenient
    /// lengths.
    pub const VCFLACDICT: ParseOptions = ParseOptions {
        errors: ErrorMode::Replace,
        framing: false,
        strict_lengths: false,
    };

    /// How mutagen reads the VORBIS_COMMENT block of a FLAC file: replace,
    /// no framing byte, strict lengths.
    pub const FLAC: ParseOptions = ParseOptions {
        errors: ErrorMode::Replace,
        framing: false,
        strict_lengths: true,
    };
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions::VCOMMENT
    }
}

/// A Vorbis comment: vendor string and ordered `(key, value)` pairs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct VComment<'a> {
    /// The vendor string.
    pub vendor: Cow<'a, str>,
    /// The comments in stored order; keys as stored (any case).
    pub comments: Vec<Pair<'a>>,
}

impl Default for VComment<'_> {
    fn default() -> Self {
        VComment::new()
    }
}

/// Errors of the Vorbis comment codec; [`VorbisError::python_exception`]
/// names the exception mutagen raises.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VorbisError {
    /// The data ends inside a length field (`mutagen._vorbis.error`).
    #[error("file is not a valid Vorbis comment")]
    Invalid,

    /// Strict-length reading: a field or string was cut short (inside a FLAC
    /// file this is `mutagen.flac.error`).
    #[error("file said {wanted} bytes, read {got} bytes")]
    Truncated {
        /// Bytes asked for.
        wanted: u64,
        /// Bytes present.
        got: u64,
    },

    /// The framing byte's lowest bit is clear (`VorbisUnsetFrameError`).
    #[error("framing bit was unset")]
    UnsetFramingBit,

    /// A framing byte was expected but the data ended; mutagen 1.48.1 lets an
    /// `IndexError` escape here.
    #[error("bytearray index out of range")]
    MissingFramingByte,

    /// Strict mode: a comment without `=` (`VorbisEncodingError`).
    #[error("not enough values to unpack (expected 2, got 1)")]
    MissingSeparator,

    /// Strict mode: a key with non-ASCII characters (`VorbisEncodingError`);
    /// carries the decoded key.
    #[error("invalid tag name {}", py_repr(.0))]
    InvalidTagName(String),

    /// Strict mode: text that is not UTF-8 (Python's `UnicodeDecodeError`;
    /// positions are relative to the string: the vendor or one whole
    /// comment).
    #[error("{}", decode_message(.error, *.byte))]
    Decode {
        /// Codec, range and reason, as Python reports them.
        error: mtg_core::TextError,
        /// The first offending byte (Python names it when the range is one
        /// byte long).
        byte: u8,
    },

    /// Writing: a key that is not a valid tag name (`ValueError`); carries
    /// the key.
    #[error("{} is not a valid key", py_repr(.0))]
    InvalidKey(String),

    /// Writing: a string or count that does not fit a 32-bit length field.
    #[error("'I' format requires 0 <= number <= 4294967295")]
    TooLong,
}

impl VorbisError {
    /// The exception mutagen raises in the same situation.
    pub fn python_exception(&self) -> PyException {
        match self {
            VorbisError::Invalid => PyException::VorbisError,
            VorbisError::Truncated { .. } => PyException::FlacError,
            VorbisError::UnsetFramingBit => PyException::VorbisUnsetFrameError,
            VorbisError::MissingFramingByte => PyException::IndexError,
            VorbisError::MissingSeparator | VorbisError::InvalidTagName(_) => {
                PyException::VorbisEncodingError
            }
            VorbisError::Decode { .. } => PyException::UnicodeDecodeError,
            VorbisError::InvalidKey(_) => PyException::ValueError,
            VorbisError::TooLong => PyException::StructError,
        }
    }
}

/// Python's `UnicodeDecodeError` message.
fn decode_message(e: &mtg_core::TextError, byte: u8) -> String {
    if e.end > e.start + 1 {
        format!(
            "'{}' codec can't decode bytes in position {}-{}: {}",
            e.encoding,
            e.start,
            e.end - 1,
            e.reason
        )
    } else {
        format!(
            "'{}' codec can't decode byte 0x{byte:02x} in position {}: {}",
            e.encoding, e.start, e.reason
        )
    }
}

/// A comment split into key and value.
pub type Pair<'a> = (Cow<'a, str>, Cow<'a, str>);

type NomResult<'a> = nom::IResult<&'a [u8], &'a [u8], nom::error::Error<&'a [u8]>>;

/// Whether `key` is a valid comment key: not empty, only characters from
/// U+0020 to U+007D, no `=`.
pub fn istag(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| (0x20..=0x7D).contains(&b) && b != b'=')
}

/// Where parsing is in the input, with mutagen's two ways of treating short
/// data.
struct Cursor<'a> {
    data: &'a [u8],
    pos: usize,
    strict: bool,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or(&[])
    }

    /// A little-endian length field.
    fn length(&mut self) -> Result<u32, VorbisError> {
        let rest = self.rest();
        match le_u32::<_, nom::error::Error<&[u8]>>(rest) {
            Ok((_, n)) => {
                self.pos += 4;
                Ok(n)
            }
            Err(_) if self.strict => Err(VorbisError::Truncated {
                wanted: 4,
                got: rest.len() as u64,
            }),
            Err(_) => Err(VorbisError::Invalid),
        }
    }

    /// `n` bytes; fewer at the end in lenient mode.
    fn string(&mut self, n: u32) -> Result<&'a [u8], VorbisError> {
        let rest = self.rest();
        let wanted = usize::try_from(n).unwrap_or(usize::MAX);
        let taken: NomResult<'a> = take(wanted).parse(rest);
        let bytes = match taken {
            Ok((_, bytes)) => bytes,
            Err(_) if self.strict => {
                return Err(VorbisError::Truncated {
                    wanted: u64::from(n),
                    got: rest.len() as u64,
                })
            }
            Err(_) => rest,
        };
        self.pos += bytes.len();
        Ok(bytes)
    }
}

/// Decode UTF-8 with Python's `errors` semantics; borrows valid input.
pub fn decode_utf8(data: &[u8], errors: ErrorMode) -> Result<Cow<'_, str>, VorbisError> {
    if let Ok(s) = std::str::from_utf8(data) {
        return Ok(Cow::Borrowed(s));
    }
    match errors {
        ErrorMode::Strict => {
            match mtg_core::text::decode(
                data,
                mtg_core::Encoding::Utf8,
                mtg_core::DecodeMode::Strict,
            ) {
                Err(mtg_core::Error::Decode(error)) => Err(VorbisError::Decode {
                    byte: data.get(error.start).copied().unwrap_or(0),
                    error,
                }),
                // Not reached: the data was found invalid above.
                _ => Ok(String::from_utf8_lossy(data)),
            }
        }
        ErrorMode::Replace => Ok(String::from_utf8_lossy(data)),
        ErrorMode::Ignore => {
            let mut out = String::with_capacity(data.len());
            for chunk in data.utf8_chunks() {
                out.push_str(chunk.valid());
            }
            Ok(Cow::Owned(out))
        }
    }
}

/// Split a decoded comment at its first `=`, keeping borrowed text
/// borrowed; gives the text back when there is no `=`.
fn split_comment(text: Cow<'_, str>) -> Result<Pair<'_>, Cow<'_, str>> {
    // `=` is ASCII: its first byte is its first character, and the text
    // splits there on character boundaries (a byte scan: keys are short).
    let at = text.bytes().position(|b| b == b'=');
    match text {
        Cow::Borrowed(s) => match at.and_then(|at| Some((s.get(..at)?, s.get(at + 1..)?))) {
            Some((k, v)) => Ok((Cow::Borrowed(k), Cow::Borrowed(v))),
            None => Err(Cow::Borrowed(s)),
        },
        Cow::Owned(mut s) => match at {
            Some(at) => {
                let value = s.split_off(at + 1);
                s.truncate(at);
                Ok((Cow::Owned(s), Cow::Owned(value)))
            }
            None => Err(Cow::Owned(s)),
        },
    }
}

/// A comment that is valid UTF-8 with an `=` after an ASCII key, split
/// there (borrowed); `None` for any other comment.
#[inline]
fn split_plain(raw: &[u8]) -> Option<(&str, &str)> {
    // One validation of the whole comment (a call per part costs more on
    // short texts); `=` is ASCII, so the split is on character boundaries.
    let text = std::str::from_utf8(raw).ok()?;
    let at = raw.iter().position(|&b| b == b'=')?;
    let (key, value) = (text.get(..at)?, text.get(at + 1..)?);
    key.is_ascii().then_some((key, value))
}

/// Turn one raw comment (the `index`-th) into a pair, or `None` to drop it.
fn read_comment(
    index: u32,
    raw: &[u8],
    errors: ErrorMode,
) -> Result<Option<Pair<'_>>, VorbisError> {
    let text = decode_utf8(raw, errors)?;
    let (key, value) = match split_comment(text) {
        Ok(pair) => pair,
        Err(text) => match errors {
            ErrorMode::Strict => return Err(VorbisError::MissingSeparator),
            ErrorMode::Replace => (Cow::Owned(format!("unknown{index}")), text),
            ErrorMode::Ignore => return Ok(None),
        },
    };
    let key = if key.is_ascii() {
        key
    } else {
        match errors {
            ErrorMode::Strict => return Err(VorbisError::InvalidTagName(key.into_owned())),
            ErrorMode::Replace => Cow::Owned(
                key.chars()
                    .map(|c| if c.is_ascii() { c } else { '?' })
                    .collect(),
            ),
            ErrorMode::Ignore => Cow::Owned(key.chars().filter(char::is_ascii).collect()),
        }
    };
    if istag(&key) {
        Ok(Some((key, value)))
    } else {
        Ok(None)
    }
}

/// Append a little-endian length field, failing past `u32::MAX`.
fn push_len(out: &mut Vec<u8>, n: usize) -> Result<(), VorbisError> {
    let n = u32::try_from(n).map_err(|_| VorbisError::TooLong)?;
    out.extend_from_slice(&n.to_le_bytes());
    Ok(())
}

impl<'a> VComment<'a> {
    /// An empty comment with mutagen's vendor string ([`DEFAULT_VENDOR`]).
    pub fn new() -> Self {
        VComment {
            vendor: Cow::Borrowed(DEFAULT_VENDOR),
            comments: Vec::new(),
        }
    }

    /// Parse a comment from the start of `data`. Returns the comment and the
    /// number of bytes it took (framing byte included; mutagen's `_size`).
    /// Bytes after it are ignored.
    pub fn parse(data: &'a [u8], options: ParseOptions) -> Result<(Self, usize), VorbisError> {
        let mut cur = Cursor {
            data,
            pos: 0,
            strict: options.strict_lengths,
        };
        let vendor_len = cur.length()?;
        let vendor = decode_utf8(cur.string(vendor_len)?, options.errors)?;
        let count = cur.length()?;
        // Every comment takes at least four bytes: never reserve more
        // entries than the data could hold.
        let mut comments = Vec::with_capacity((count as usize).min(cur.rest().len() / 4));
        for index in 0..count {
            let len = cur.length()?;
            let raw = cur.string(len)?;
            // The usual comment, valid UTF-8 with an ASCII key, is split
            // here; anything else takes `read_comment`, which gives the
            // same result for it.
            if let Some((key, value)) = split_plain(raw) {
                if istag(key) {
                    comments.push((Cow::Borrowed(key), Cow::Borrowed(value)));
                }
                continue;
            }
            if let Some(pair) = read_comment(index, raw, options.errors)? {
                comments.push(pair);
            }
        }
        if options.framing {
            match cur.rest().first() {
                None => return Err(VorbisError::MissingFramingByte),
                Some(b) if b & 1 == 0 => return Err(VorbisError::UnsetFramingBit),
                Some(_) => cur.pos += 1,
            }
        }
        Ok((VComment { vendor, comments }, cur.pos))
    }

    /// The number of bytes the comment at the start of `data` takes (framing
    /// byte included), found from its length fields without decoding any
    /// text. Fails like [`VComment::parse`] on short data, never on bad text.
    pub fn measure(data: &[u8], options: ParseOptions) -> Result<usize, VorbisError> {
        let mut cur = Cursor {
            data,
            pos: 0,
            strict: options.strict_lengths,
        };
        let vendor_len = cur.length()?;
        cur.string(vendor_len)?;
        let count = cur.length()?;
        for _ in 0..count {
            let len = cur.length()?;
            cur.string(len)?;
        }
        if options.framing {
            match cur.rest().first() {
                None => return Err(VorbisError::MissingFramingByte),
                Some(b) if b & 1 == 0 => return Err(VorbisError::UnsetFramingBit),
                Some(_) => cur.pos += 1,
            }
        }
        Ok(cur.pos)
    }

    /// Check that every key is a valid tag name (mutagen's `validate()`).
    pub fn validate(&self) -> Result<(), VorbisError> {
        match self.comments.iter().find(|(k, _)| !istag(k)) {
            Some((k, _)) => Err(VorbisError::InvalidKey(k.to_string())),
            None => Ok(()),
        }
    }

    /// The serialised size (with the framing byte if `framing`).
    pub fn encoded_len(&self, framing: bool) -> usize {
        8 + self.vendor.len()
            + self
                .comments
                .iter()
                .map(|(k, v)| 4 + k.len() + 1 + v.len())
                .sum::<usize>()
            + usize::from(framing)
    }

    /// Serialise like mutagen's `write(framing=...)`: validates first.
    pub fn write(&self, framing: bool) -> Result<Vec<u8>, VorbisError> {
        let mut out = Vec::with_capacity(self.encoded_len(framing));
        self.write_into(&mut out, framing)?;
        Ok(out)
    }

    /// [`VComment::write`] appending to `out` (left unchanged on error).
    pub fn write_into(&self, out: &mut Vec<u8>, framing: bool) -> Result<(), VorbisError> {
        self.validate()?;
        let start = out.len();
        let result = (|| {
            push_len(out, self.vendor.len())?;
            out.extend_from_slice(self.vendor.as_bytes());
            push_len(out, self.comments.len())?;
            for (k, v) in &self.comments {
                push_len(out, k.len() + 1 + v.len())?;
                out.extend_from_slice(k.as_bytes());
                out.push(b'=');
                out.extend_from_slice(v.as_bytes());
            }
            if framing {
                out.push(1);
            }
            Ok(())
        })();
        if result.is_err() {
            out.truncate(start);
        }
        result
    }

    /// Values of the comments whose key equals `key` ignoring ASCII case.
    pub fn get<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s str> + 's {
        self.comments
            .iter()
            .filter(move |(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v.as_ref())
    }

    /// A copy that owns its text.
    pub fn into_owned(self) -> VComment<'static> {
        VComment {
            vendor: Cow::Owned(self.vendor.into_owned()),
            comments: self
                .comments
                .into_iter()
                .map(|(k, v)| (Cow::Owned(k.into_owned()), Cow::Owned(v.into_owned())))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The split of usual comments in `parse` gives what `read_comment`
    /// gives for every kind of comment, in every error mode.
    #[test]
    fn plain_split_matches_read_comment() {
        let raws: &[&[u8]] = &[
            b"TITLE=x",
            b"a=b=c",
            b"=v",
            b"k=",
            b"=",
            b"",
            b"novalue",
            b"~key=v",
            b"}key=v",
            b"k\x7fy=v",
            b"sp ace=v",
            b"k=\xc3\xa9t\xc3\xa9",
            b"k=\xff",
            b"k\xc3\xa9=v",
            b"\xff=v",
            b"k\xff=v",
            b"\xc3\xa9",
        ];
        for &raw in raws {
            for errors in [ErrorMode::Strict, ErrorMode::Replace, ErrorMode::Ignore] {
                let options = ParseOptions {
                    errors,
                    framing: false,
                    strict_lengths: false,
                };
                let block = vc(b"v", &[raw], None, b"");
                let parsed = VComment::parse(&block, options).map(|(c, _)| c.comments);
                let expected = read_comment(0, raw, errors).map(|p| p.into_iter().collect());
                assert_eq!(parsed, expected, "{raw:?} {errors:?}");
            }
        }
    }

    fn vc(vendor: &[u8], comments: &[&[u8]], count: Option<u32>, framing: &[u8]) -> Vec<u8> {
        let mut d = (vendor.len() as u32).to_le_bytes().to_vec();
        d.extend_from_slice(vendor);
        d.extend_from_slice(&count.unwrap_or(comments.len() as u32).to_le_bytes());
        for c in comments {
            d.extend_from_slice(&(c.len() as u32).to_le_bytes());
            d.extend_from_slice(c);
        }
        d.extend_from_slice(framing);
        d
    }

    fn opts(errors: ErrorMode) -> ParseOptions {
        ParseOptions {
            errors,
            ..ParseOptions::VCOMMENT
        }
    }

    fn pairs(c: &VComment<'_>) -> Vec<(String, String)> {
        c.comments
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn istag_rules() {
        assert!(!istag(""));
        assert!(!istag("ti~tle"));
        assert!(!istag("ti=tle"));
        assert!(!istag("ti\x19tle"));
        assert!(!istag("ti\u{a0}tle"));
        assert!(istag("title"));
        assert!(istag("ti tle"));
        assert!(istag("!{}[]-_()*&"));
        assert!(istag("}"));
        assert!(!istag("\x7f"));
    }

    #[test]
    fn borrowed_when_valid() {
        let data = vc(b"Mutagen", &[b"artist=piman", b"title=x"], None, b"\x01");
        let (c, size) = VComment::parse(&data, ParseOptions::VCOMMENT).unwrap();
        assert_eq!(size, data.len());
        assert!(matches!(c.vendor, Cow::Borrowed("Mutagen")));
        assert!(c
            .comments
            .iter()
            .all(|(k, v)| matches!(k, Cow::Borrowed(_)) && matches!(v, Cow::Borrowed(_))));
        assert_eq!(c.write(true).unwrap(), data);
        assert_eq!(c.get("ARTIST").collect::<Vec<_>>(), ["piman"]);
    }

    #[test]
    fn missing_separator() {
        let data = vc(b"Mutagen", &[b"abc", b"x=1", b"def"], None, b"\x01");
        assert_eq!(
            VComment::parse(&data, opts(ErrorMode::Strict)).unwrap_err(),
            VorbisError::MissingSeparator
        );
        let (c, _) = VComment::parse(&data, opts(ErrorMode::Replace)).unwrap();
        assert_eq!(
            pairs(&c),
            [("unknown0", "abc"), ("x", "1"), ("unknown2", "def")]
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        let (c, _) = VComment::parse(&data, opts(ErrorMode::Ignore)).unwrap();
        assert_eq!(pairs(&c), [("x".to_owned(), "1".to_owned())]);
    }

    #[test]
    fn bad_keys_and_text() {
        let data = vc(
            b"M",
            &[b"a\xc2\xaa=c", b"a\xff=d", b"b~=1", b"=2", b"C=\xff\xfeok"],
            None,
            b"\x01",
        );
        let (c, _) = VComment::parse(&data, opts(ErrorMode::Replace)).unwrap();
        assert_eq!(
            pairs(&c),
            [("a?", "c"), ("a?", "d"), ("C", "\u{fffd}\u{fffd}ok")]
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        let (c, _) = VComment::parse(&data, opts(ErrorMode::Ignore)).unwrap();
        assert_eq!(
            pairs(&c),
            [("a", "c"), ("a", "d"), ("C", "ok")].map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        let err = VComment::parse(&data, opts(ErrorMode::Strict)).unwrap_err();
        assert_eq!(err, VorbisError::InvalidTagName("aª".into()));
        assert_eq!(err.to_string(), "invalid tag name 'aª'");
        let data = vc(b"M", &[b"a\xff=c"], None, b"\x01");
        let err = VComment::parse(&data, opts(ErrorMode::Strict)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"
        );
        assert_eq!(err.python_exception(), PyException::UnicodeDecodeError);
    }

    #[test]
    fn framing() {
        let base = vc(b"M", &[b"a=b"], None, b"");
        let with = |f: &[u8]| [base.as_slice(), f].concat();
        assert_eq!(
            VComment::parse(&base, ParseOptions::VCOMMENT).unwrap_err(),
            VorbisError::MissingFramingByte
        );
        assert_eq!(
            VComment::parse(&with(b"\x02"), ParseOptions::VCOMMENT).unwrap_err(),
            VorbisError::UnsetFramingBit
        );
        let (_, n) = VComment::parse(&with(b"\x03junk"), ParseOptions::VCOMMENT).unwrap();
        assert_eq!(n, base.len() + 1);
        let no_framing = ParseOptions {
            framing: false,
            ..ParseOptions::VCOMMENT
        };
        let (_, n) = VComment::parse(&with(b"\x00"), no_framing).unwrap();
        assert_eq!(n, base.len());
    }

    #[test]
    fn huge_counts_and_lengths() {
        let data = vc(b"Mutagen", &[b"a=b"], Some(4_000_000_000), b"\x01");
        assert_eq!(
            VComment::parse(&data, ParseOptions::VCOMMENT).unwrap_err(),
            VorbisError::Invalid
        );
        assert_eq!(
            VComment::parse(&data, ParseOptions::FLAC).unwrap_err(),
            VorbisError::Truncated { wanted: 4, got: 1 }
        );
        let mut data = vc(b"M", &[], Some(1), b"");
        data.extend_from_slice(&u32::MAX.to_le_bytes());
        data.extend_from_slice(b"a=bc");
        let lenient = ParseOptions {
            framing: false,
            ..ParseOptions::VCOMMENT
        };
        let (c, n) = VComment::parse(&data, lenient).unwrap();
        assert_eq!(pairs(&c), [("a".to_owned(), "bc".to_owned())]);
        assert_eq!(n, data.len());
        assert_eq!(
            VComment::parse(&data, ParseOptions::FLAC).unwrap_err(),
            VorbisError::Truncated {
                wanted: u64::from(u32::MAX),
                got: 4
            }
        );
        for bad in [
            &b""[..],
            b"\x00\x00\x00",
            b"\x00\x00\x00\x00",
            b"\x10\x00\x00\x00abc",
        ] {
            assert_eq!(
                VComment::parse(bad, ParseOptions::VCOMMENT).unwrap_err(),
                VorbisError::Invalid
            );
        }
    }

    #[test]
    fn writing() {
        let mut c = VComment::new();
        c.comments.push(("a".into(), "b".into()));
        c.comments.push(("TITLE".into(), "x=y".into()));
        assert_eq!(
            c.write(true).unwrap(),
            b"\x0e\x00\x00\x00Mutagen 1.48.1\x02\x00\x00\x00\x03\x00\x00\x00a=b\t\x00\x00\x00TITLE=x=y\x01"
        );
        assert_eq!(c.encoded_len(true), c.write(true).unwrap().len());
        c.comments.push(("a~".into(), "b".into()));
        let err = c.write(false).unwrap_err();
        assert_eq!(err.to_string(), "'a~' is not a valid key");
        assert_eq!(err.python_exception(), PyException::ValueError);
        let mut out = vec![1, 2];
        assert!(c.write_into(&mut out, true).is_err());
        assert_eq!(out, [1, 2]);
    }
}
