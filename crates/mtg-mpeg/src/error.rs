//! Errors of this crate, each naming the exception class mutagen raises for
//! the same input ([`PyException`]), with mutagen's message as `Display`.
//!
//! * [`MpegError`]: reading MPEG audio stream info (`mutagen.mp3.error` and
//!   its subclasses `HeaderNotFoundError`, `InvalidMPEGHeader`).
//! * [`XingHeaderError`], [`VbriHeaderError`], [`LameError`]: the pure
//!   parsers of `mutagen.mp3._util` (plain `Exception` subclasses there).
//! * [`AacError`] is `mutagen.aac.AACError`.
//! * [`Ac3Error`] is `mutagen.ac3.AC3Error`.
//!
//! I/O failures of the byte source are carried as [`mtg_core::Error`] in an
//! `Io` variant of the stream-info errors and map to `mutagen.MutagenError`.

use std::borrow::Cow;

/// The Python exception class mutagen raises for an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PyException {
    /// `mutagen.MutagenError` (I/O failures, wrapped as mutagen does).
    MutagenError,
    /// `mutagen.mp3.error` (base class of the MPEG errors).
    Mp3Error,
    /// `mutagen.mp3.HeaderNotFoundError`.
    HeaderNotFoundError,
    /// `mutagen.mp3.InvalidMPEGHeader`.
    InvalidMpegHeader,
    /// `mutagen.mp3._util.XingHeaderError`.
    XingHeaderError,
    /// `mutagen.mp3._util.VBRIHeaderError`.
    VbriHeaderError,
    /// `mutagen.mp3._util.LAMEError`.
    LameError,
    /// `mutagen.aac.AACError`.
    AacError,
    /// `mutagen.ac3.AC3Error`.
    Ac3Error,
}

impl PyException {
    /// The fully qualified Python name of the class.
    pub fn qualified_name(self) -> &'static str {
        match self {
            PyException::MutagenError => "mutagen.MutagenError",
            PyException::Mp3Error => "mutagen.mp3.error",
            PyException::HeaderNotFoundError => "mutagen.mp3.HeaderNotFoundError",
            PyException::InvalidMpegHeader => "mutagen.mp3.InvalidMPEGHeader",
            PyException::XingHeaderError => "mutagen.mp3._util.XingHeaderError",
            PyException::VbriHeaderError => "mutagen.mp3._util.VBRIHeaderError",
            PyException::LameError => "mutagen.mp3._util.LAMEError",
            PyException::AacError => "mutagen.aac.AACError",
            PyException::Ac3Error => "mutagen.ac3.AC3Error",
        }
    }
}

/// mutagen's message when no MPEG frame can be found in a stream.
pub const CANT_SYNC: &str = "can't sync to MPEG frame";
/// Message for a frame header whose first 11 bits are not all set.
pub const INVALID_SYNC: &str = "invalid sync";
/// Message for a frame header with a reserved or forbidden field value.
pub const INVALID_HEADER: &str = "invalid header";
/// Message for a frame header cut short by the end of the data.
pub const TRUNCATED_HEADER: &str = "truncated header";

/// Errors reading MPEG audio stream information.
#[derive(Debug, thiserror::Error)]
pub enum MpegError {
    /// No usable frame (`HeaderNotFoundError`). The message is one of
    /// [`CANT_SYNC`] (stream search), [`INVALID_SYNC`], [`INVALID_HEADER`] or
    /// [`TRUNCATED_HEADER`] (single frame parse, `MPEGFrame` in mutagen).
    #[error("{0}")]
    HeaderNotFound(&'static str),
    /// `InvalidMPEGHeader`. mutagen 1.48.1 declares this class but its
    /// reading code never raises it; this crate never returns it either.
    /// It exists so that bindings can name the class.
    #[error("{0}")]
    InvalidMpegHeader(Cow<'static, str>),
    /// The byte source failed (`MutagenError`).
    #[error(transparent)]
    Io(#[from] mtg_core::Error),
}

impl MpegError {
    /// The exception mutagen raises in the same situation.
    pub fn python_exception(&self) -> PyException {
        match self {
            MpegError::HeaderNotFound(_) => PyException::HeaderNotFoundError,
            MpegError::InvalidMpegHeader(_) => PyException::InvalidMpegHeader,
            MpegError::Io(_) => PyException::MutagenError,
        }
    }
}

impl From<MpegError> for mtg_core::Error {
    fn from(e: MpegError) -> Self {
        match e {
            MpegError::Io(inner) => inner,
            other => mtg_core::Error::format("mp3", other),
        }
    }
}

/// Errors of the Xing/Info header parser (`XingHeaderError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum XingHeaderError {
    /// Fewer than 8 bytes, or the tag is neither `Xing` nor `Info`.
    #[error("Not a Xing header")]
    NotXing,
    /// A field announced by the flags is cut short.
    #[error("Xing header truncated")]
    Truncated,
}

impl XingHeaderError {
    /// Always [`PyException::XingHeaderError`].
    pub fn python_exception(&self) -> PyException {
        PyException::XingHeaderError
    }
}

/// Errors of the VBRI header parser (`VBRIHeaderError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VbriHeaderError {
    /// Fewer than 26 bytes, or no `VBRI` tag.
    #[error("Not a VBRI header")]
    NotVbri,
    /// A version other than 1.
    #[error("Unsupported header version: {0}")]
    UnsupportedVersion(u16),
    /// The table of contents is cut short.
    #[error("VBRI header truncated")]
    Truncated,
    /// A TOC entry size other than 2 or 4.
    #[error("Invalid TOC entry size")]
    InvalidTocEntrySize,
}

impl VbriHeaderError {
    /// Always [`PyException::VbriHeaderError`].
    pub fn python_exception(&self) -> PyException {
        PyException::VbriHeaderError
    }
}

/// Errors of the LAME version and header parsers (`LAMEError`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LameError {
    /// Fewer than 20 bytes, or no `LAME`/`L3.99` prefix.
    #[error("Not a lame header")]
    NotLame,
    /// The major or minor version is not a number (mutagen's message is
    /// empty).
    #[error("")]
    BadVersion,
    /// The version number does not fit the 9-byte version string of a
    /// LAME 3.90+ tag.
    #[error("Invalid version: too long")]
    TooLong,
    /// Fewer than 27 bytes for the LAME header proper.
    #[error("Not enough data")]
    NotEnoughData,
    /// A tag revision other than 0.
    #[error("unsupported header revision {0}")]
    UnsupportedRevision(u8),
}

impl LameError {
    /// Always [`PyException::LameError`].
    pub fn python_exception(&self) -> PyException {
        PyException::LameError
    }
}

/// Errors reading AAC (ADTS/ADIF) stream information (`AACError`).
#[derive(Debug, thiserror::Error)]
pub enum AacError {
    /// No ADTS sync word in the bytes searched.
    #[error("sync not found")]
    SyncNotFound,
    /// Every attempt found fewer than three consistent frames; the count is
    /// that of the last attempt.
    #[error("no valid stream found (only {0} frames)")]
    NoValidStream(u64),
    /// An ADIF header cut short.
    #[error("not enough data")]
    NotEnoughData,
    /// The byte source failed (`MutagenError`).
    #[error(transparent)]
    Io(#[from] mtg_core::Error),
}

impl AacError {
    /// The exception mutagen raises in the same situation.
    pub fn python_exception(&self) -> PyException {
        match self {
            AacError::Io(_) => PyException::MutagenError,
            _ => PyException::AacError,
        }
    }
}

impl From<AacError> for mtg_core::Error {
    fn from(e: AacError) -> Self {
        match e {
            AacError::Io(inner) => inner,
            other => mtg_core::Error::format("aac", other),
        }
    }
}

/// Errors reading AC-3 / E-AC-3 stream information (`AC3Error`).
#[derive(Debug, thiserror::Error)]
pub enum Ac3Error {
    /// The header is cut short.
    #[error("not enough data")]
    NotEnoughData,
    /// No `0B 77` sync word at the start.
    #[error("not a AC3 file")]
    NotAc3,
    /// A bitstream id above 16.
    #[error("invalid bitstream_id {0}")]
    InvalidBitstreamId(u8),
    /// Sample rate code 3 (reserved).
    #[error("invalid sample rate code {0}")]
    InvalidSampleRateCode(u8),
    /// An AC-3 frame size code above 37.
    #[error("invalid frame size code {0}")]
    InvalidFrameSizeCode(u8),
    /// E-AC-3 stream type 3 (reserved).
    #[error("invalid frame type {0}")]
    InvalidFrameType(u8),
    /// An E-AC-3 frame shorter than 8 bytes (the size in bytes).
    #[error("invalid frame size {0}")]
    InvalidFrameSize(u32),
    /// The byte source failed (`MutagenError`).
    #[error(transparent)]
    Io(#[from] mtg_core::Error),
}

impl Ac3Error {
    /// The exception mutagen raises in the same situation.
    pub fn python_exception(&self) -> PyException {
        match self {
            Ac3Error::Io(_) => PyException::MutagenError,
            _ => PyException::Ac3Error,
        }
    }
}

impl From<Ac3Error> for mtg_core::Error {
    fn from(e: Ac3Error) -> Self {
        match e {
            Ac3Error::Io(inner) => inner,
            other => mtg_core::Error::format("ac3", other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_classes() {
        assert_eq!(
            MpegError::HeaderNotFound(CANT_SYNC).to_string(),
            "can't sync to MPEG frame"
        );
        assert_eq!(
            MpegError::HeaderNotFound(CANT_SYNC)
                .python_exception()
                .qualified_name(),
            "mutagen.mp3.HeaderNotFoundError"
        );
        assert_eq!(
            VbriHeaderError::UnsupportedVersion(2).to_string(),
            "Unsupported header version: 2"
        );
        assert_eq!(LameError::BadVersion.to_string(), "");
        assert_eq!(
            LameError::UnsupportedRevision(4).to_string(),
            "unsupported header revision 4"
        );
        assert_eq!(
            AacError::NoValidStream(1).to_string(),
            "no valid stream found (only 1 frames)"
        );
        assert_eq!(
            Ac3Error::InvalidFrameSize(6).to_string(),
            "invalid frame size 6"
        );
        let e: mtg_core::Error = Ac3Error::NotAc3.into();
        assert_eq!(e.to_string(), "ac3: not a AC3 file");
        let e: mtg_core::Error = MpegError::Io(mtg_core::Error::truncated("x")).into();
        assert!(matches!(e, mtg_core::Error::Truncated { .. }));
        assert_eq!(
            AacError::Io(mtg_core::Error::truncated("x")).python_exception(),
            PyException::MutagenError
        );
        assert_eq!(
            XingHeaderError::Truncated.python_exception(),
            PyException::XingHeaderError
        );
        assert_eq!(
            MpegError::InvalidMpegHeader("x".into()).python_exception(),
            PyException::InvalidMpegHeader
        );
    }
}
