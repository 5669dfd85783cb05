//! Errors of this crate, each mapping onto one exception class of mutagen.
//!
//! [`FlacError`] covers FLAC files and metadata blocks (mutagen's
//! `mutagen.flac.error` family); [`VorbisError`]
//! covers Vorbis comments (`mutagen._vorbis.error` family). Both say which
//! Python exception mutagen raises for the same input through
//! [`FlacError::python_exception`] and
//! [`VorbisError::python_exception`](crate::vorbis::VorbisError::python_exception).

use std::borrow::Cow;

use crate::vorbis::VorbisError;

/// The Python exception class mutagen raises for an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PyException {
    /// `mutagen.flac.error`.
    FlacError,
    /// `mutagen.flac.FLACNoHeaderError` (a subclass of `mutagen.flac.error`).
    FlacNoHeaderError,
    /// `mutagen.flac.FLACVorbisError` (subclass of `ValueError` and
    /// `mutagen.flac.error`).
    FlacVorbisError,
    /// `mutagen._vorbis.error`.
    VorbisError,
    /// `mutagen._vorbis.VorbisUnsetFrameError`.
    VorbisUnsetFrameError,
    /// `mutagen._vorbis.VorbisEncodingError`.
    VorbisEncodingError,
    /// The builtin `ValueError` (invalid values given for writing).
    ValueError,
    /// The builtin `UnicodeDecodeError` (strict decoding of Vorbis text).
    UnicodeDecodeError,
    /// The builtin `IndexError` (mutagen's reaction to a missing framing byte).
    IndexError,
    /// The builtin `struct.error` (a value too large for its field).
    StructError,
    /// `mutagen.MutagenError` wrapping an I/O failure (an `OSError` inside).
    MutagenError,
}

impl PyException {
    /// The fully qualified Python name of the class.
    pub fn qualified_name(self) -> &'static str {
        match self {
            PyException::FlacError => "mutagen.flac.error",
            PyException::FlacNoHeaderError => "mutagen.flac.FLACNoHeaderError",
            PyException::FlacVorbisError => "mutagen.flac.FLACVorbisError",
            PyException::VorbisError => "mutagen._vorbis.error",
            PyException::VorbisUnsetFrameError => "mutagen._vorbis.VorbisUnsetFrameError",
            PyException::VorbisEncodingError => "mutagen._vorbis.VorbisEncodingError",
            PyException::ValueError => "ValueError",
            PyException::UnicodeDecodeError => "UnicodeDecodeError",
            PyException::IndexError => "IndexError",
            PyException::StructError => "struct.error",
            PyException::MutagenError => "mutagen.MutagenError",
        }
    }
}

/// Why a file is not recognised as FLAC (`FLACNoHeaderError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoHeader {
    /// The four bytes where `fLaC` belongs (after an optional ID3v2 tag) are
    /// something else. mutagen's message names the file:
    /// `"'<filename>' is not a valid FLAC file"`.
    NotFlac,
    /// The block chain holds no STREAMINFO block.
    NoStreamInfo,
}

/// Everything that can go wrong reading or writing FLAC metadata.
#[derive(Debug, thiserror::Error)]
pub enum FlacError {
    /// Not a FLAC file (`FLACNoHeaderError`).
    #[error("{}", match .0 {
        NoHeader::NotFlac => "not a valid FLAC file",
        NoHeader::NoStreamInfo => "Stream info block not found",
    })]
    NoHeader(NoHeader),

    /// A read came up short: the data declared `wanted` bytes but only `got`
    /// were there (`mutagen.flac.error`, same message).
    #[error("file said {wanted} bytes, read {got} bytes")]
    Truncated {
        /// Bytes the structure asked for.
        wanted: u64,
        /// Bytes actually present.
        got: u64,
    },

    /// A STREAMINFO block with a sample rate of 0 (`mutagen.flac.error`).
    #[error("A sample rate value of 0 is invalid")]
    InvalidSampleRate,

    /// A second block of a kind that may appear once (`mutagen.flac.error`):
    /// the payload is mutagen's class name, `"SeekTable"` or `"CueSheet"`.
    #[error("> 1 {0} block found")]
    Duplicate(&'static str),

    /// A block body longer than the 24-bit length field allows, with no
    /// recorded fallback size (`mutagen.flac.error`).
    #[error("block is too long to write")]
    BlockTooLong,

    /// A field value does not fit its binary field (`struct.error` in mutagen).
    #[error("{0}")]
    ValueOutOfRange(Cow<'static, str>),

    /// A Vorbis comment is being added where one exists (`FLACVorbisError`).
    #[error("a Vorbis comment already exists")]
    VorbisExists,

    /// An error of the Vorbis comment codec.
    #[error(transparent)]
    Vorbis(#[from] VorbisError),

    /// Picture data that lives in a file was needed but no source to read it
    /// from was given, or the source no longer holds it.
    #[error("picture data at offset {offset} ({len} bytes) is not available")]
    MissingPictureData {
        /// File offset of the data.
        offset: u64,
        /// Length of the data.
        len: u64,
    },

    /// An error of the I/O layer (reading, in-place editing, atomic rewrite).
    #[error(transparent)]
    Core(#[from] mtg_core::Error),
}

impl From<std::io::Error> for FlacError {
    fn from(e: std::io::Error) -> Self {
        FlacError::Core(mtg_core::Error::Io(e))
    }
}

impl FlacError {
    /// The exception mutagen raises in the same situation.
    pub fn python_exception(&self) -> PyException {
        match self {
            FlacError::NoHeader(_) => PyException::FlacNoHeaderError,
            FlacError::Truncated { .. }
            | FlacError::InvalidSampleRate
            | FlacError::Duplicate(_)
            | FlacError::BlockTooLong => PyException::FlacError,
            FlacError::ValueOutOfRange(_) => PyException::StructError,
            FlacError::VorbisExists => PyException::FlacVorbisError,
            FlacError::Vorbis(v) => match v {
                // Inside a FLAC file the Vorbis reader's short reads are
                // mutagen.flac.error like every other short read.
                VorbisError::Truncated { .. } => PyException::FlacError,
                other => other.python_exception(),
            },
            FlacError::MissingPictureData { .. } => PyException::ValueError,
            FlacError::Core(e) => match e {
                mtg_core::Error::Truncated { .. } => PyException::FlacError,
                _ => PyException::MutagenError,
            },
        }
    }

    /// A short read of `wanted` bytes where `got` were present.
    pub(crate) fn truncated(wanted: impl TryInto<u64>, got: impl TryInto<u64>) -> Self {
        FlacError::Truncated {
            wanted: wanted.try_into().unwrap_or(u64::MAX),
            got: got.try_into().unwrap_or(u64::MAX),
        }
    }
}

impl From<FlacError> for mtg_core::Error {
    fn from(e: FlacError) -> Self {
        match e {
            FlacError::Core(inner) => inner,
            other => mtg_core::Error::format("flac", other),
        }
    }
}

/// `Result` with a [`FlacError`].
pub type Result<T, E = FlacError> = std::result::Result<T, E>;

/// Python's `repr()` of a `str`, as mutagen puts it into messages: single
/// quotes unless the text holds `'` and no `"`, backslash escapes for quotes,
/// backslashes and characters Python does not print. The set of
/// non-printable characters is approximated (controls, separators and the
/// common format characters); bindings wanting exact text call Python's own
/// `repr` on the value carried by the error.
pub fn py_repr(text: &str) -> String {
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
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !py_printable(c) => {
                let n = u32::from(c);
                if n <= 0xFF {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n <= 0xFFFF {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Whether Python's `str.isprintable()` holds for `c` (approximation: the
/// ASCII and Latin-1 ranges exactly, the usual separators and format
/// characters, surrogates and private use above).
fn py_printable(c: char) -> bool {
    let n = u32::from(c);
    !matches!(n,
        0x00..=0x1F | 0x7F..=0xA0 | 0xAD
        | 0x0600..=0x0605 | 0x061C | 0x06DD | 0x070F | 0x1680 | 0x180E
        | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x2064 | 0x2066..=0x206F
        | 0x3000 | 0xD800..=0xF8FF | 0xFEFF | 0xFFF9..=0xFFFB
        | 0xE0001 | 0xE0020..=0xE007F | 0xF0000..=0x10FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_like_python() {
        assert_eq!(py_repr("a~"), "'a~'");
        assert_eq!(py_repr("ª"), "'ª'");
        assert_eq!(py_repr("it's"), "\"it's\"");
        assert_eq!(py_repr("'\""), "'\\'\"'");
        assert_eq!(
            py_repr("a\x19\u{a0}\u{200b}\u{10ffff}\\"),
            "'a\\x19\\xa0\\u200b\\U0010ffff\\\\'"
        );
        assert_eq!(py_repr(""), "''");
    }

    #[test]
    fn messages_and_classes() {
        assert_eq!(
            FlacError::truncated(16u32, 0u32).to_string(),
            "file said 16 bytes, read 0 bytes"
        );
        assert_eq!(
            FlacError::Duplicate("SeekTable").to_string(),
            "> 1 SeekTable block found"
        );
        assert_eq!(
            FlacError::NoHeader(NoHeader::NoStreamInfo).to_string(),
            "Stream info block not found"
        );
        assert_eq!(
            FlacError::NoHeader(NoHeader::NotFlac).python_exception(),
            PyException::FlacNoHeaderError
        );
        assert_eq!(
            FlacError::VorbisExists.python_exception().qualified_name(),
            "mutagen.flac.FLACVorbisError"
        );
        let e: mtg_core::Error = FlacError::BlockTooLong.into();
        assert_eq!(e.to_string(), "flac: block is too long to write");
    }
}
