//! The ID3 error type.
//!
//! [`Id3Error`] has one variant per exception class that mutagen's ID3 code
//! raises (`mutagen.id3.ID3NoHeaderError`, `ID3UnsupportedVersionError`, the
//! base class `mutagen.id3.error`, ...), plus [`Id3Error::ValueError`] for the
//! few places where mutagen lets a plain Python `ValueError` escape. A
//! binding picks the Python class with [`Id3Error::python_class`] and the
//! message with [`Id3Error::python_message`].
//!
//! Functions of this crate return [`mtg_core::Result`]; an `Id3Error` travels
//! inside [`mtg_core::Error::Format`] (format `"id3"`) and is found again with
//! [`Id3Error::find`]. I/O failures stay [`mtg_core::Error::Io`].

use std::borrow::Cow;
use std::fmt;

/// A message carried by an error (static in the common case).
pub type Message = Cow<'static, str>;

/// Why there is no ID3v2 header (mutagen's `ID3NoHeaderError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoHeaderReason {
    /// Fewer than 10 bytes: mutagen's `"<name>: too small"`.
    TooSmall,
    /// The data does not start with `"ID3"`: mutagen's
    /// `"<name!r> doesn't start with an ID3 tag"`.
    NotId3,
}

/// An ID3 error; each variant names the Python exception it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Id3Error {
    /// `mutagen.id3.ID3NoHeaderError` (a `ValueError`).
    NoHeader(NoHeaderReason),
    /// `mutagen.id3.ID3UnsupportedVersionError` (a `NotImplementedError`):
    /// the major version is not 2, 3 or 4.
    UnsupportedVersion {
        /// The major version found (the `x` of ID3v2.x).
        major: u8,
    },
    /// `mutagen.id3.ID3BadUnsynchData` (a `ValueError`).
    BadUnsynchData(Message),
    /// `mutagen.id3.ID3BadCompressedData` (a `ValueError`).
    BadCompressedData(Message),
    /// `mutagen.id3.ID3TagError` (a `ValueError`).
    TagError(Message),
    /// `mutagen.id3.ID3EncryptionUnsupportedError` (a `NotImplementedError`).
    EncryptionUnsupported(Message),
    /// `mutagen.id3.ID3JunkFrameError`.
    JunkFrame(Message),
    /// `mutagen.id3.ID3Warning` (a `UserWarning`).
    Warning(Message),
    /// `mutagen.id3.error` raised for header flags that the version does not
    /// define: mutagen's `"<name!r> has invalid flags <flags:#x>"`.
    InvalidFlags {
        /// The whole flags byte as found.
        flags: u8,
    },
    /// `mutagen.id3.error` (the base class) with the given message, e.g.
    /// `"Header size not synchsafe"`, `"invalid extended header size"`, or
    /// an empty message for a tag that ends before its declared size.
    Error(Message),
    /// A plain Python `ValueError` (not a `MutagenError`), which mutagen lets
    /// through in a few places: `"size must not be negative"` (an extended
    /// header larger than the tag), invalid unsynchronisation
    /// (`"invalid sync-safe string"`, `"string ended unsafe"`), edits outside
    /// the file (empty message), sizes too wide for their field.
    ValueError(Message),
    /// A Python `UnicodeEncodeError` (e.g. a non-ASCII ID3v1 year); the
    /// fields mirror Python's exception.
    Encode(mtg_core::TextError),
}

impl Id3Error {
    /// The error mutagen raises for a tag whose bytes end early (an empty
    /// `mutagen.id3.error`).
    pub fn truncated() -> Self {
        Id3Error::Error(Cow::Borrowed(""))
    }

    /// Module and name of the Python exception class this error stands for.
    pub fn python_class(&self) -> (&'static str, &'static str) {
        const M: &str = "mutagen.id3";
        match self {
            Id3Error::NoHeader(_) => (M, "ID3NoHeaderError"),
            Id3Error::UnsupportedVersion { .. } => (M, "ID3UnsupportedVersionError"),
            Id3Error::BadUnsynchData(_) => (M, "ID3BadUnsynchData"),
            Id3Error::BadCompressedData(_) => (M, "ID3BadCompressedData"),
            Id3Error::TagError(_) => (M, "ID3TagError"),
            Id3Error::EncryptionUnsupported(_) => (M, "ID3EncryptionUnsupportedError"),
            Id3Error::JunkFrame(_) => (M, "ID3JunkFrameError"),
            Id3Error::Warning(_) => (M, "ID3Warning"),
            Id3Error::InvalidFlags { .. } | Id3Error::Error(_) => (M, "error"),
            Id3Error::ValueError(_) => ("builtins", "ValueError"),
            Id3Error::Encode(_) => ("builtins", "UnicodeEncodeError"),
        }
    }

    /// The message mutagen gives this error. `name` is the file name as
    /// mutagen prints it with `%s` and `name_repr` as with `%r` (for a file
    /// object mutagen uses `<unknown>` and `'<unknown>'`).
    pub fn python_message(&self, name: &str, name_repr: &str) -> String {
        match self {
            Id3Error::NoHeader(NoHeaderReason::TooSmall) => format!("{name}: too small"),
            Id3Error::NoHeader(NoHeaderReason::NotId3) => {
                format!("{name_repr} doesn't start with an ID3 tag")
            }
            Id3Error::UnsupportedVersion { major } => {
                format!("{name_repr} ID3v2.{major} not supported")
            }
            Id3Error::InvalidFlags { flags } => format!("{name_repr} has invalid flags {flags:#x}"),
            other => other.to_string(),
        }
    }

    /// The `Id3Error` inside a [`mtg_core::Error`], if there is one.
    pub fn find(error: &mtg_core::Error) -> Option<&Id3Error> {
        match error {
            mtg_core::Error::Format { source, .. } => source.downcast_ref::<Id3Error>(),
            _ => None,
        }
    }
}

impl fmt::Display for Id3Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Id3Error::NoHeader(NoHeaderReason::TooSmall) => f.write_str("too small"),
            Id3Error::NoHeader(NoHeaderReason::NotId3) => {
                f.write_str("doesn't start with an ID3 tag")
            }
            Id3Error::UnsupportedVersion { major } => write!(f, "ID3v2.{major} not supported"),
            Id3Error::InvalidFlags { flags } => write!(f, "has invalid flags {flags:#x}"),
            Id3Error::Encode(e) => e.fmt(f),
            Id3Error::BadUnsynchData(m)
            | Id3Error::BadCompressedData(m)
            | Id3Error::TagError(m)
            | Id3Error::EncryptionUnsupported(m)
            | Id3Error::JunkFrame(m)
            | Id3Error::Warning(m)
            | Id3Error::Error(m)
            | Id3Error::ValueError(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Id3Error {}

impl From<Id3Error> for mtg_core::Error {
    fn from(e: Id3Error) -> Self {
        mtg_core::Error::format("id3", e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_messages() {
        let e = Id3Error::NoHeader(NoHeaderReason::TooSmall);
        assert_eq!(e.python_class(), ("mutagen.id3", "ID3NoHeaderError"));
        assert_eq!(
            e.python_message("<unknown>", "'<unknown>'"),
            "<unknown>: too small"
        );
        let e = Id3Error::NoHeader(NoHeaderReason::NotId3);
        assert_eq!(
            e.python_message("x", "'x'"),
            "'x' doesn't start with an ID3 tag"
        );
        let e = Id3Error::UnsupportedVersion { major: 5 };
        assert_eq!(e.python_message("x", "'x'"), "'x' ID3v2.5 not supported");
        let e = Id3Error::InvalidFlags { flags: 0x4f };
        assert_eq!(e.python_message("x", "'x'"), "'x' has invalid flags 0x4f");
        assert_eq!(e.python_class().1, "error");
        let e = Id3Error::Error("Header size not synchsafe".into());
        assert_eq!(e.python_message("x", "'x'"), "Header size not synchsafe");
        assert_eq!(
            Id3Error::ValueError("".into()).python_class(),
            ("builtins", "ValueError")
        );
        assert_eq!(Id3Error::truncated().to_string(), "");
    }

    #[test]
    fn into_core_and_back() {
        let core: mtg_core::Error = Id3Error::UnsupportedVersion { major: 1 }.into();
        assert_eq!(
            Id3Error::find(&core),
            Some(&Id3Error::UnsupportedVersion { major: 1 })
        );
        assert_eq!(core.to_string(), "id3: ID3v2.1 not supported");
        let io: mtg_core::Error = std::io::Error::other("x").into();
        assert!(Id3Error::find(&io).is_none());
    }
}
