//! Errors of APEv2 reading and writing.
//!
//! Each variant corresponds to one exception mutagen raises for the same
//! input, so that a binding can reproduce it exactly; the documentation of
//! each variant names it.

use std::ops::Range;

/// Shorthand for `Result<T, ApeError>`.
pub type Result<T> = std::result::Result<T, ApeError>;

/// Everything that can go wrong while finding, reading or writing a tag.
#[derive(Debug, thiserror::Error)]
pub enum ApeError {
    /// No APEv2 tag in the file, or one whose item area is empty.
    /// mutagen: `APENoHeaderError("No APE tag found")`.
    #[error("No APE tag found")]
    NoHeader,

    /// A header/footer block or an item header is cut short.
    /// mutagen: `apev2.error()` without a message.
    #[error("APEv2 data ends inside a header or an item header")]
    Truncated,

    /// An item is malformed. mutagen: `APEBadItemError`.
    #[error(transparent)]
    BadItem(#[from] BadItem),

    /// The tag's sizes point before the start of the file. mutagen seeks
    /// there and gets `OSError(EINVAL)` (re-raised as `apev2.error`), or,
    /// with an in-memory file object, `ValueError("negative seek value N")`.
    #[error("negative seek to offset {0}")]
    NegativeSeek(i64),

    /// The declared tag size is below 31 bytes (the header/footer size
    /// minus one), so the length of the item area is a negative number other
    /// than -1. mutagen: `ValueError("read length must be non-negative or
    /// -1")` from reading the file.
    #[error("read length must be non-negative or -1")]
    NegativeRead {
        /// The length mutagen asks for.
        len: i64,
        /// Where the read would start (the item area).
        offset: u64,
    },

    /// A tag found at the start of the file claims to extend past the end of
    /// the file, so it cannot be removed. mutagen: `ValueError()` from its
    /// byte-deleting helper.
    #[error("the APEv2 tag region runs past the end of the file")]
    RegionPastEnd,

    /// The tag does not fit the 32-bit size field.
    /// mutagen: `struct.error` from packing the size.
    #[error("APEv2 tag too large: {0} bytes")]
    TooLarge(u64),

    /// Reading or writing the file failed (`apev2.error(OSError)` in mutagen).
    #[error(transparent)]
    Core(#[from] mtg_core::Error),
}

impl From<std::io::Error> for ApeError {
    fn from(e: std::io::Error) -> Self {
        ApeError::Core(mtg_core::Error::Io(e))
    }
}

impl From<ApeError> for mtg_core::Error {
    fn from(e: ApeError) -> Self {
        match e {
            ApeError::Core(core) => core,
            other => mtg_core::Error::format("ape", other),
        }
    }
}

/// A malformed item; mutagen raises `APEBadItemError` for each of these.
///
/// Ranges are byte offsets into the item area that was parsed, so a caller
/// can show (or re-decode) the offending bytes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadItem {
    /// The type bits of the item flags are 3.
    /// mutagen's message: `value type must be 0, 1, or 2`.
    #[error("value type must be 0, 1, or 2")]
    UnknownKind,

    /// No NUL byte ends the key. mutagen: no message.
    #[error("item key is not terminated")]
    UnterminatedKey,

    /// The key has a byte above 0x7F; mutagen wraps the ASCII
    /// `UnicodeDecodeError` of these bytes.
    #[error("'ascii' codec can't decode byte 0x{byte:02x} in position {position}: ordinal not in range(128)")]
    KeyNotAscii {
        /// Where the key's bytes are.
        key: Range<usize>,
        /// Index of the first non-ASCII byte in the key.
        position: usize,
        /// That byte.
        byte: u8,
    },

    /// The key is ASCII but breaks the key rules (see
    /// [`crate::is_valid_key`]); mutagen's message is `repr(key)` followed
    /// by ` is not a valid APEv2 key`.
    #[error("{} is not a valid APEv2 key", python_repr(key))]
    InvalidKey {
        /// The key.
        key: String,
    },

    /// The value is shorter than its declared size. mutagen: no message.
    #[error("item value is shorter than its declared size")]
    ValueTruncated,

    /// A text or external value is not valid UTF-8; mutagen wraps the
    /// `UnicodeDecodeError` of these bytes.
    #[error("{}", python_decode_message(error, *byte))]
    ValueNotUtf8 {
        /// Where the value's bytes are.
        value: Range<usize>,
        /// The failure as Python's UTF-8 decoder reports it (positions are
        /// relative to the value).
        error: mtg_core::TextError,
        /// The first offending byte.
        byte: u8,
    },
}

/// `str(UnicodeDecodeError)` as Python words it: the byte is named when the
/// bad range is one byte long.
fn python_decode_message(error: &mtg_core::TextError, byte: u8) -> String {
    if error.end == error.start + 1 {
        format!(
            "'{}' codec can't decode byte 0x{byte:02x} in position {}: {}",
            error.encoding, error.start, error.reason
        )
    } else {
        error.to_string()
    }
}

/// Python's `repr()` of a str, for the ASCII keys it is used on (other
/// characters are shown as `\u` escapes, which Python would print as they
/// are if printable; keys never hold them).
pub(crate) fn python_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if u32::from(c) < 0x100 => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c => out.push_str(&format!("\\u{:04x}", u32::from(c))),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_like_python() {
        assert_eq!(python_repr("ab"), "'ab'");
        assert_eq!(python_repr("a'b"), "\"a'b\"");
        assert_eq!(python_repr("a'\"b"), "'a\\'\"b'");
        assert_eq!(python_repr("a\x7f\x01\t\\"), "'a\\x7f\\x01\\t\\\\'");
        assert_eq!(
            BadItem::InvalidKey { key: "T".into() }.to_string(),
            "'T' is not a valid APEv2 key"
        );
    }
}
