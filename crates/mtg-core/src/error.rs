//! The error type shared by every format crate.
//!
//! Format crates either return this [`Error`] directly or define their own
//! error type and implement `From<TheirError> for mtg_core::Error`, usually by
//! wrapping it in [`Error::Format`] or by mapping it onto one of the generic
//! variants below.

use std::borrow::Cow;
use std::fmt;

/// A message carried by an error: a static string in the common case, so that
/// building an error on a hot parse path does not allocate.
pub type Message = Cow<'static, str>;

/// Everything that can go wrong while reading or writing tags.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An operating-system level I/O failure.
    #[error(transparent)]
    Io(#[from] std::io::Error),

    /// The data ended before a structure that was being read was complete.
    #[error("unexpected end of data: {context}")]
    Truncated {
        /// What was being read when the data ran out.
        context: Message,
    },

    /// The data is present but does not make sense for the format.
    #[error("invalid data: {0}")]
    InvalidData(Message),

    /// The data uses a feature, version or variant this library does not handle.
    #[error("unsupported: {0}")]
    Unsupported(Message),

    /// The thing looked for (a header, a tag, a stream) is not there.
    #[error("not found: {0}")]
    NotFound(Message),

    /// A caller passed an argument outside its valid range (an offset past the
    /// end of a file, a value too wide for its field, ...).
    #[error("invalid argument: {0}")]
    InvalidArgument(Message),

    /// Bytes could not be decoded as text in the given encoding (strict mode).
    ///
    /// The fields mirror Python's `UnicodeDecodeError`, so that a binding can
    /// raise the same exception mutagen would.
    #[error("{0}")]
    Decode(TextError),

    /// Text could not be encoded in the given encoding.
    ///
    /// The fields mirror Python's `UnicodeEncodeError`; positions count
    /// characters (Unicode scalar values), as in Python.
    #[error("{0}")]
    Encode(TextError),

    /// An in-place edit failed and putting the file back as it was failed too:
    /// the file may be damaged. Only returned by the editing functions.
    #[error("in-place edit failed ({error}) and the file could not be restored ({restore_error})")]
    RestoreFailed {
        /// Why the edit failed.
        error: std::io::Error,
        /// Why restoring the original content failed.
        restore_error: std::io::Error,
    },

    /// A format-specific error, for format crates that keep their own error type.
    #[error("{format}: {source}")]
    Format {
        /// Short name of the format, e.g. `"id3"`.
        format: &'static str,
        /// The format crate's own error.
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
}

impl Error {
    /// An [`Error::Truncated`] with the given context.
    pub fn truncated(context: impl Into<Message>) -> Self {
        Error::Truncated {
            context: context.into(),
        }
    }

    /// An [`Error::InvalidData`] with the given message.
    pub fn invalid_data(message: impl Into<Message>) -> Self {
        Error::InvalidData(message.into())
    }

    /// An [`Error::Unsupported`] with the given message.
    pub fn unsupported(message: impl Into<Message>) -> Self {
        Error::Unsupported(message.into())
    }

    /// An [`Error::NotFound`] with the given message.
    pub fn not_found(message: impl Into<Message>) -> Self {
        Error::NotFound(message.into())
    }

    /// An [`Error::InvalidArgument`] with the given message.
    pub fn invalid_argument(message: impl Into<Message>) -> Self {
        Error::InvalidArgument(message.into())
    }

    /// Wrap a format crate's own error in [`Error::Format`].
    pub fn format<E>(format: &'static str, source: E) -> Self
    where
        E: std::error::Error + Send + Sync + 'static,
    {
        Error::Format {
            format,
            source: Box::new(source),
        }
    }
}

/// Details of a text decoding or encoding failure, shaped like Python's
/// `UnicodeDecodeError` / `UnicodeEncodeError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// Python's name of the codec, e.g. `"utf-16-le"`.
    pub encoding: &'static str,
    /// Start of the offending range (bytes when decoding, characters when encoding).
    pub start: usize,
    /// End (exclusive) of the offending range.
    pub end: usize,
    /// Python's reason string, e.g. `"truncated data"`.
    pub reason: &'static str,
    /// `true` for a decoding failure, `false` for an encoding failure.
    pub decoding: bool,
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = if self.decoding { "decode" } else { "encode" };
        let what = if self.decoding { "byte" } else { "character" };
        if self.end > self.start + 1 {
            write!(
                f,
                "'{}' codec can't {verb} {what}s in position {}-{}: {}",
                self.encoding,
                self.start,
                self.end - 1,
                self.reason
            )
        } else {
            write!(
                f,
                "'{}' codec can't {verb} {what} in position {}: {}",
                self.encoding, self.start, self.reason
            )
        }
    }
}

/// Shorthand for `Result<T, mtg_core::Error>`.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        assert_eq!(
            Error::truncated("frame header").to_string(),
            "unexpected end of data: frame header"
        );
        assert_eq!(
            Error::unsupported(format!("version {}", 5)).to_string(),
            "unsupported: version 5"
        );
        let e = TextError {
            encoding: "utf-8",
            start: 0,
            end: 2,
            reason: "unexpected end of data",
            decoding: true,
        };
        assert_eq!(
            Error::Decode(e).to_string(),
            "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"
        );
        let io = std::io::Error::other("boom");
        assert!(matches!(Error::from(io), Error::Io(_)));
        let f = Error::format("id3", std::io::Error::other("bad frame"));
        assert_eq!(f.to_string(), "id3: bad frame");
    }

    #[test]
    fn error_is_send_sync() {
        fn check<T: Send + Sync + 'static>() {}
        check::<Error>();
    }
}
