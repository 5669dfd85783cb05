//! [`FrameError`]: what can go wrong reading or writing a field or a frame
//! body, one variant per Python exception class mutagen raises there.

use std::borrow::Cow;
use std::fmt;

use mtg_core::TextError;

/// A message carried by an error (static in the common case).
pub type Message = Cow<'static, str>;

/// An error of the frame level. Each variant names the Python exception
/// that mutagen raises in the same situation ([`FrameError::python_class`]);
/// the message is mutagen's where it is known.
///
/// Field-level functions ([`crate::spec::read_field`],
/// [`crate::spec::write_field`]) raise what a mutagen `Spec.read`/`write`
/// raises (e.g. [`FrameError::Spec`]); the frame-level functions translate
/// as mutagen's `Frame._fromData` / `_writeData` do: a `SpecError` becomes
/// [`FrameError::JunkFrame`] when reading and [`FrameError::Id3`] when
/// writing, other classes pass through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrameError {
    /// `mutagen.id3._specs.SpecError` (field level only).
    Spec(Message),
    /// `mutagen.id3.ID3JunkFrameError`: the frame's bytes make no sense.
    JunkFrame(Message),
    /// `mutagen.id3.ID3EncryptionUnsupportedError`: an encrypted frame.
    EncryptionUnsupported,
    /// `mutagen.id3.error`, the base class (a field could not be written).
    Id3(Message),
    /// `struct.error`, which mutagen lets through from a few fields.
    Struct(Message),
    /// `ValueError`.
    Value(Message),
    /// `OverflowError` (an infinite float where an integer is needed).
    Overflow(Message),
    /// `TypeError`: a value of the wrong kind for the field.
    Type(Message),
    /// `IndexError`: a one-byte field read from no data (field level only;
    /// frame bodies check for missing data first).
    Index(Message),
    /// `KeyError`: an encoding number outside 0..=3 given for writing.
    Key(Message),
    /// `AttributeError`: a field needs a value the context lacks (the
    /// frame's encoding, `ASPI`'s `b` or `N`).
    Attribute(Message),
    /// `UnicodeEncodeError`: text that the field's codec cannot hold.
    Encode {
        /// The details, as in Python's exception (positions in characters).
        error: TextError,
        /// Python's `str()` of the exception.
        message: String,
    },
}

impl FrameError {
    /// Module and name of the Python exception class.
    pub fn python_class(&self) -> (&'static str, &'static str) {
        match self {
            FrameError::Spec(_) => ("mutagen.id3._specs", "SpecError"),
            FrameError::JunkFrame(_) => ("mutagen.id3", "ID3JunkFrameError"),
            FrameError::EncryptionUnsupported => ("mutagen.id3", "ID3EncryptionUnsupportedError"),
            FrameError::Id3(_) => ("mutagen.id3", "error"),
            FrameError::Struct(_) => ("struct", "error"),
            FrameError::Value(_) => ("builtins", "ValueError"),
            FrameError::Overflow(_) => ("builtins", "OverflowError"),
            FrameError::Type(_) => ("builtins", "TypeError"),
            FrameError::Index(_) => ("builtins", "IndexError"),
            FrameError::Key(_) => ("builtins", "KeyError"),
            FrameError::Attribute(_) => ("builtins", "AttributeError"),
            FrameError::Encode { .. } => ("builtins", "UnicodeEncodeError"),
        }
    }

    /// The exception's message (`str()` of the Python exception).
    pub fn message(&self) -> &str {
        match self {
            FrameError::EncryptionUnsupported => "",
            FrameError::Encode { message, .. } => message,
            FrameError::Spec(m)
            | FrameError::JunkFrame(m)
            | FrameError::Id3(m)
            | FrameError::Struct(m)
            | FrameError::Value(m)
            | FrameError::Overflow(m)
            | FrameError::Type(m)
            | FrameError::Index(m)
            | FrameError::Key(m)
            | FrameError::Attribute(m) => m,
        }
    }

    /// A short name of the variant (`"Spec"`, `"JunkFrame"`, ...).
    pub fn kind_name(&self) -> &'static str {
        match self {
            FrameError::Spec(_) => "Spec",
            FrameError::JunkFrame(_) => "JunkFrame",
            FrameError::EncryptionUnsupported => "EncryptionUnsupported",
            FrameError::Id3(_) => "Id3",
            FrameError::Struct(_) => "Struct",
            FrameError::Value(_) => "Value",
            FrameError::Overflow(_) => "Overflow",
            FrameError::Type(_) => "Type",
            FrameError::Index(_) => "Index",
            FrameError::Key(_) => "Key",
            FrameError::Attribute(_) => "Attribute",
            FrameError::Encode { .. } => "Encode",
        }
    }

    /// How a frame read reports this field error: `SpecError` becomes
    /// `ID3JunkFrameError`.
    pub(crate) fn for_frame_read(self) -> FrameError {
        match self {
            FrameError::Spec(m) => FrameError::JunkFrame(m),
            other => other,
        }
    }

    /// How a frame write reports this field error: `SpecError` becomes
    /// `mutagen.id3.error`.
    pub(crate) fn for_frame_write(self) -> FrameError {
        match self {
            FrameError::Spec(m) => FrameError::Id3(m),
            other => other,
        }
    }

    /// A `TypeError` for a value of the wrong variant.
    pub(crate) fn wrong_type(expected: &'static str, got: &'static str) -> FrameError {
        FrameError::Type(Cow::Owned(format!("expected {expected}, got {got}")))
    }
}

impl fmt::Display for FrameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (module, name) = self.python_class();
        write!(f, "{module}.{name}: {}", self.message())
    }
}

impl std::error::Error for FrameError {}

impl From<FrameError> for mtg_core::Error {
    fn from(e: FrameError) -> Self {
        mtg_core::Error::format("id3", e)
    }
}

/// Python's `str()` of a `UnicodeDecodeError` for `data` (the bytes given
/// to the codec).
pub(crate) fn decode_message(e: &TextError, data: &[u8]) -> String {
    if e.end == e.start + 1 {
        let byte = data.get(e.start).copied().unwrap_or(0);
        format!(
            "'{}' codec can't decode byte 0x{byte:02x} in position {}: {}",
            e.encoding, e.start, e.reason
        )
    } else {
        format!(
            "'{}' codec can't decode bytes in position {}-{}: {}",
            e.encoding,
            e.start,
            e.end.saturating_sub(1),
            e.reason
        )
    }
}

/// Python's `str()` of a `UnicodeEncodeError` for `text`.
pub(crate) fn encode_message(e: &TextError, text: &str) -> String {
    if e.end == e.start + 1 {
        let c = text.chars().nth(e.start).map_or(0, u32::from);
        let shown = if c < 0x100 {
            format!("\\x{c:02x}")
        } else if c < 0x10000 {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        format!(
            "'{}' codec can't encode character '{shown}' in position {}: {}",
            e.encoding, e.start, e.reason
        )
    } else {
        format!(
            "'{}' codec can't encode characters in position {}-{}: {}",
            e.encoding,
            e.start,
            e.end.saturating_sub(1),
            e.reason
        )
    }
}

/// A [`FrameError::Encode`] for `text`.
pub(crate) fn encode_error(error: TextError, text: &str) -> FrameError {
    let message = encode_message(&error, text);
    FrameError::Encode { error, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        let e = TextError {
            encoding: "latin-1",
            start: 0,
            end: 1,
            reason: "ordinal not in range(256)",
            decoding: false,
        };
        assert_eq!(
            encode_message(&e, "\u{100}"),
            "'latin-1' codec can't encode character '\\u0100' in position 0: ordinal not in range(256)"
        );
        assert_eq!(
            encode_message(&e, "\u{1f600}"),
            "'latin-1' codec can't encode character '\\U0001f600' in position 0: ordinal not in range(256)"
        );
        let d = TextError {
            encoding: "utf-8",
            start: 0,
            end: 1,
            reason: "invalid start byte",
            decoding: true,
        };
        assert_eq!(
            decode_message(&d, b"\xff"),
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        let err = FrameError::JunkFrame("no data left".into());
        assert_eq!(err.python_class(), ("mutagen.id3", "ID3JunkFrameError"));
        assert_eq!(
            err.to_string(),
            "mutagen.id3.ID3JunkFrameError: no data left"
        );
        assert_eq!(
            FrameError::Spec("x".into()).for_frame_write(),
            FrameError::Id3("x".into())
        );
        let core: mtg_core::Error = FrameError::EncryptionUnsupported.into();
        assert!(matches!(core, mtg_core::Error::Format { .. }));
    }
}
