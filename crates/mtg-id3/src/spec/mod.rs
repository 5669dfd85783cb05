//! Field specifications: the kinds of fields ID3 frames are made of, and
//! reading/writing one field, with mutagen 1.48.1's behaviour.
//!
//! Each [`FieldKind`] corresponds to one of mutagen's `Spec` classes
//! ([`FieldKind::spec_class`]); a frame lists its fields as [`FieldDef`]s
//! (name, kind, default). [`read_field`] reads one field from the start of
//! the data and returns the rest; [`write_field`] appends one field. Both
//! take a [`SpecContext`] with what a field may depend on: the tag version,
//! the frame's text encoding (read before the text fields) and `ASPI`'s `b`
//! and `N`.
//!
//! Errors are [`FrameError`]s naming the Python exception mutagen raises at
//! this level (mostly `SpecError`); see [`FrameError`] for how the frame
//! level translates them.
//!
//! | kind | value |
//! |------|-------|
//! | `Byte`, `PictureType`, `CtocFlags`, `Channel`, `Encoding`, `SizedInteger` | [`FieldValue::Int`] |
//! | `Integer` | [`FieldValue::Int`], or [`FieldValue::BigInt`] above `i64::MAX` |
//! | `String`, `FrameId`, `EncodedText*`, `Latin1Text` | [`FieldValue::Text`] |
//! | `BinaryData` | [`FieldValue::Bytes`] |
//! | `Id3Frames` | [`FieldValue::Frames`] (raw sub-frames) |
//! | `TimeStamp` | [`FieldValue::TimeStamp`] |
//! | `Latin1TextList`, `Multi` of one text kind | [`FieldValue::TextList`] |
//! | `Multi` of `TimeStamp` | [`FieldValue::TimeStampList`] |
//! | `Multi` of several text kinds | [`FieldValue::TextTuples`] |
//! | `Rva`, `AspiIndex` | [`FieldValue::IntList`] |
//! | `SynchronizedText` | [`FieldValue::SyncedText`] |
//! | `KeyEvent` | [`FieldValue::KeyEvents`] |
//! | `VolumeAdjustments` | [`FieldValue::VolumeAdjustments`] |
//! | `VolumeAdjustment`, `VolumePeak` | [`FieldValue::Float`] |

pub mod error;
mod read;
pub mod text;
mod write;

pub use error::FrameError;
pub use read::read_field;
pub(crate) use read::{read_field_into, read_text_frame};
pub use text::{read_encoded_text, write_encoded_text, TextEncoding};
pub use write::{validate_value, write_field};

#[cfg(doc)]
use crate::value::FieldValue;

/// The kind of a frame field: one variant per mutagen `Spec` class, with
/// the class's parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// `ByteSpec`: one unsigned byte.
    Byte,
    /// `PictureTypeSpec`: one byte, the picture type of `APIC`.
    PictureType,
    /// `CTOCFlagsSpec`: one byte, the flags of `CTOC`.
    CtocFlags,
    /// `ChannelSpec`: one byte, the channel of `RVA2`.
    Channel,
    /// `EncodingSpec`: the text encoding byte (0..=3).
    Encoding,
    /// `IntegerSpec`: all remaining bytes as one big-endian number
    /// (written with at least 4 bytes).
    Integer,
    /// `SizedIntegerSpec(size)`: a big-endian number of `size` bytes.
    SizedInteger(u8),
    /// `StringSpec(length)`: fixed-length ASCII (language codes, dates).
    String(u8),
    /// `FrameIDSpec(length)`: a frame ID of fixed length (`LINK`).
    FrameId(u8),
    /// `RVASpec(stereo_only)`: `RVAD`/`RVA` volume adjustments (at most 4
    /// values when `stereo_only`, else 12).
    Rva {
        /// Only the stereo values (ID3v2.2 `RVA`).
        stereo_only: bool,
    },
    /// `BinaryDataSpec`: all remaining bytes.
    BinaryData,
    /// `EncodedTextSpec`: terminated text in the frame's encoding.
    EncodedText,
    /// `EncodedNumericTextSpec`: as [`FieldKind::EncodedText`].
    EncodedNumericText,
    /// `EncodedNumericPartTextSpec`: as [`FieldKind::EncodedText`].
    EncodedNumericPartText,
    /// `Latin1TextSpec`: terminated Latin-1 text.
    Latin1Text,
    /// `Latin1TextListSpec`: a count byte, then that many Latin-1 strings.
    Latin1TextList,
    /// `ID3FramesSpec`: embedded frames, all remaining bytes.
    Id3Frames,
    /// `TimeStampSpec`: an encoded text parsed as a time stamp.
    TimeStamp,
    /// `MultiSpec(parts, sep)`: the parts repeated until the data ends.
    /// `sep` is mutagen's separator parameter: `'\0'` for text lists (which
    /// ID3v2.3 saves join with the configured separator), `','` for time
    /// stamps, `None` for pairs.
    Multi {
        /// The repeated fields.
        parts: &'static [FieldDef],
        /// mutagen's `sep` parameter.
        sep: Option<char>,
    },
    /// `SynchronizedTextSpec`: (text, time) pairs of `SYLT`.
    SynchronizedText,
    /// `KeyEventSpec`: (event type, time) pairs of `ETCO`.
    KeyEvent,
    /// `VolumeAdjustmentsSpec`: (frequency, adjustment) pairs of `EQU2`.
    VolumeAdjustments,
    /// `ASPIIndexSpec`: `N` index points of `b` bits each (`ASPI`).
    AspiIndex,
    /// `VolumeAdjustmentSpec`: a signed 16-bit value in 1/512 dB.
    VolumeAdjustment,
    /// `VolumePeakSpec`: a bit count, then the peak value.
    VolumePeak,
}

impl FieldKind {
    /// The name of mutagen's `Spec` class for this kind.
    pub fn spec_class(&self) -> &'static str {
        match self {
            FieldKind::Byte => "ByteSpec",
            FieldKind::PictureType => "PictureTypeSpec",
            FieldKind::CtocFlags => "CTOCFlagsSpec",
            FieldKind::Channel => "ChannelSpec",
            FieldKind::Encoding => "EncodingSpec",
            FieldKind::Integer => "IntegerSpec",
            FieldKind::SizedInteger(_) => "SizedIntegerSpec",
            FieldKind::String(_) => "StringSpec",
            FieldKind::FrameId(_) => "FrameIDSpec",
            FieldKind::Rva { .. } => "RVASpec",
            FieldKind::BinaryData => "BinaryDataSpec",
            FieldKind::EncodedText => "EncodedTextSpec",
            FieldKind::EncodedNumericText => "EncodedNumericTextSpec",
            FieldKind::EncodedNumericPartText => "EncodedNumericPartTextSpec",
            FieldKind::Latin1Text => "Latin1TextSpec",
            FieldKind::Latin1TextList => "Latin1TextListSpec",
            FieldKind::Id3Frames => "ID3FramesSpec",
            FieldKind::TimeStamp => "TimeStampSpec",
            FieldKind::Multi { .. } => "MultiSpec",
            FieldKind::SynchronizedText => "SynchronizedTextSpec",
            FieldKind::KeyEvent => "KeyEventSpec",
            FieldKind::VolumeAdjustments => "VolumeAdjustmentsSpec",
            FieldKind::AspiIndex => "ASPIIndexSpec",
            FieldKind::VolumeAdjustment => "VolumeAdjustmentSpec",
            FieldKind::VolumePeak => "VolumePeakSpec",
        }
    }

    /// The kind for a mutagen `Spec` class name and its parameters (`size`
    /// for `SizedIntegerSpec`, `length` for `StringSpec`/`FrameIDSpec`,
    /// `stereo_only` for `RVASpec`). `MultiSpec` is not covered (it needs
    /// its parts).
    pub fn from_spec_class(name: &str, size: u8, stereo_only: bool) -> Option<FieldKind> {
        Some(match name {
            "ByteSpec" => FieldKind::Byte,
            "PictureTypeSpec" => FieldKind::PictureType,
            "CTOCFlagsSpec" => FieldKind::CtocFlags,
            "ChannelSpec" => FieldKind::Channel,
            "EncodingSpec" => FieldKind::Encoding,
            "IntegerSpec" => FieldKind::Integer,
            "SizedIntegerSpec" => FieldKind::SizedInteger(size),
            "StringSpec" => FieldKind::String(size),
            "FrameIDSpec" => FieldKind::FrameId(size),
            "RVASpec" => FieldKind::Rva { stereo_only },
            "BinaryDataSpec" => FieldKind::BinaryData,
            "EncodedTextSpec" => FieldKind::EncodedText,
            "EncodedNumericTextSpec" => FieldKind::EncodedNumericText,
            "EncodedNumericPartTextSpec" => FieldKind::EncodedNumericPartText,
            "Latin1TextSpec" => FieldKind::Latin1Text,
            "Latin1TextListSpec" => FieldKind::Latin1TextList,
            "ID3FramesSpec" => FieldKind::Id3Frames,
            "TimeStampSpec" => FieldKind::TimeStamp,
            "SynchronizedTextSpec" => FieldKind::SynchronizedText,
            "KeyEventSpec" => FieldKind::KeyEvent,
            "VolumeAdjustmentsSpec" => FieldKind::VolumeAdjustments,
            "ASPIIndexSpec" => FieldKind::AspiIndex,
            "VolumeAdjustmentSpec" => FieldKind::VolumeAdjustment,
            "VolumePeakSpec" => FieldKind::VolumePeak,
            _ => return None,
        })
    }

    /// The [`FieldKind::Multi`] kind that mutagen builds as
    /// `MultiSpec(name, *parts, sep=sep)`, given the parts' kinds. Only the
    /// combinations mutagen's frames use exist: a text kind or time stamps
    /// with `'\0'`/`','`, two encoded texts with no separator.
    pub fn multi(sep: Option<char>, parts: &[FieldKind]) -> Option<FieldKind> {
        let frames = crate::frames::V24_FRAMES
            .iter()
            .chain(crate::frames::V22_FRAMES);
        frames
            .flat_map(|def| def.fields.iter().chain(def.optional))
            .map(|field| field.kind)
            .find(|kind| match kind {
                FieldKind::Multi { parts: p, sep: s } => {
                    *s == sep
                        && p.len() == parts.len()
                        && p.iter().zip(parts).all(|(a, b)| a.kind == *b)
                }
                _ => false,
            })
    }

    /// Whether a frame may read this field from no data at all (mutagen's
    /// `handle_nodata`): binary data and embedded frames are then empty.
    /// Any other field missing from a frame body makes the frame junk.
    pub fn handles_nodata(&self) -> bool {
        matches!(self, FieldKind::BinaryData | FieldKind::Id3Frames)
    }

    /// Whether this is one of the encoded text kinds a text list is made of.
    pub fn is_encoded_text(&self) -> bool {
        matches!(
            self,
            FieldKind::EncodedText
                | FieldKind::EncodedNumericText
                | FieldKind::EncodedNumericPartText
        )
    }
}

/// A field's default value (mutagen's `Spec.default`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultValue {
    /// An integer (for `encoding` the `Encoding` enum member, for `type`
    /// the `PictureType` member with this value).
    Int(i64),
    /// A text.
    Text(&'static str),
    /// Bytes.
    Bytes(&'static [u8]),
    /// An empty list.
    EmptyList,
    /// A list of integers (`RVAD`'s `[0, 0]`).
    IntList(&'static [i64]),
}

/// One field of a frame: mutagen's `Spec` instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldDef {
    /// The attribute name (`"encoding"`, `"text"`, ...).
    pub name: &'static str,
    /// The kind of field.
    pub kind: FieldKind,
    /// The default value.
    pub default: DefaultValue,
}

impl FieldDef {
    /// A field definition.
    pub const fn new(name: &'static str, kind: FieldKind, default: DefaultValue) -> FieldDef {
        FieldDef {
            name,
            kind,
            default,
        }
    }
}

/// What reading or writing a field may depend on besides its own bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecContext {
    /// The tag's major version: 2, 3 or 4 (reading only: below 4, zero
    /// bytes left after an encoded text are dropped).
    pub version: u8,
    /// The frame's `encoding` (read before its text fields), if it has one.
    pub encoding: Option<i64>,
    /// `ASPI`'s `b` (bits per index point).
    pub aspi_bits: Option<i64>,
    /// `ASPI`'s `N` (number of index points).
    pub aspi_count: Option<i64>,
}

impl SpecContext {
    /// A context for tag version `version` and nothing else known yet.
    pub fn new(version: u8) -> SpecContext {
        SpecContext {
            version,
            encoding: None,
            aspi_bits: None,
            aspi_count: None,
        }
    }

    /// The same context with the frame's encoding set.
    pub fn with_encoding(mut self, encoding: i64) -> SpecContext {
        self.encoding = Some(encoding);
        self
    }

    /// Record what a field just read or about to be written means for the
    /// fields after it (the encoding, `ASPI`'s `b` and `N`).
    pub fn note(&mut self, field: &FieldDef, value: &crate::value::FieldValue<'_>) {
        let Some(v) = value.as_int() else { return };
        match (field.kind, field.name) {
            (FieldKind::Encoding, _) => self.encoding = Some(v),
            (FieldKind::Byte, "b") => self.aspi_bits = Some(v),
            (FieldKind::SizedInteger(_), "N") => self.aspi_count = Some(v),
            _ => {}
        }
    }
}

/// How a frame body is written: mutagen's `ID3SaveConfig`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteConfig {
    /// The ID3v2 version saved: 3 or 4.
    pub v2_version: u8,
    /// For ID3v2.3: the separator that joins the values of text frames into
    /// one (mutagen's `v23_sep`); `None` keeps them zero-separated.
    pub v23_separator: Option<String>,
}

impl WriteConfig {
    /// ID3v2.4 (mutagen's default `ID3SaveConfig()`).
    pub fn v24() -> WriteConfig {
        WriteConfig {
            v2_version: 4,
            v23_separator: None,
        }
    }

    /// ID3v2.3 with the given separator for multi-valued text.
    pub fn v23(separator: Option<&str>) -> WriteConfig {
        WriteConfig {
            v2_version: 3,
            v23_separator: separator.map(str::to_owned),
        }
    }
}

impl Default for WriteConfig {
    fn default() -> Self {
        WriteConfig::v24()
    }
}
