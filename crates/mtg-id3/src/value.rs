//! Decoded values of ID3 frame fields.
//!
//! A frame body is a sequence of fields; [`FieldValue`] holds one field's
//! value in a form that does not depend on Python. Text and binary data
//! borrow from the frame body where they can (Latin-1 that is pure ASCII,
//! valid UTF-8, binary blobs); UTF-16 text is always decoded into an owned
//! string.
//!
//! Integers in two places can be larger than any machine word: a play
//! counter ([`crate::spec::FieldKind::Integer`] reads all remaining bytes as
//! one number) and the volume values of `RVAD` (their bit width is declared
//! by the frame). Those use [`PyInt`], which keeps small values in an `i64`
//! and larger ones as big-endian magnitude bytes, like a Python `int`.

use std::borrow::Cow;
use std::fmt;

use crate::timestamp::Id3TimeStamp;

/// An integer of any size, as a Python `int` holds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PyInt {
    /// A value that fits in an `i64`.
    Small(i64),
    /// A value that does not fit in an `i64`.
    Big {
        /// `true` for a negative value.
        negative: bool,
        /// The absolute value, big-endian, without leading zero bytes.
        magnitude: Vec<u8>,
    },
}

impl PyInt {
    /// The unsigned big-endian number in `bytes` (any length), negated if
    /// `negative`.
    pub fn from_be_bytes(bytes: &[u8], negative: bool) -> PyInt {
        let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
        let digits = bytes.get(start..).unwrap_or_default();
        if digits.len() <= 8 {
            let mut buf = [0u8; 8];
            let offset = 8 - digits.len();
            if let Some(dst) = buf.get_mut(offset..) {
                dst.copy_from_slice(digits);
            }
            let value = u64::from_be_bytes(buf);
            if negative {
                if value <= 1 << 63 {
                    return PyInt::Small(0i64.wrapping_sub_unsigned(value));
                }
            } else if let Ok(v) = i64::try_from(value) {
                return PyInt::Small(v);
            }
        }
        PyInt::Big {
            negative,
            magnitude: digits.to_vec(),
        }
    }

    /// The value as an `i64`, if it fits.
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            PyInt::Small(v) => Some(*v),
            PyInt::Big { .. } => None,
        }
    }

    /// `true` for a value below zero.
    pub fn is_negative(&self) -> bool {
        match self {
            PyInt::Small(v) => *v < 0,
            PyInt::Big { negative, .. } => *negative,
        }
    }

    /// The absolute value as big-endian bytes without leading zeros (empty
    /// for zero).
    pub fn magnitude(&self) -> Cow<'_, [u8]> {
        match self {
            PyInt::Small(v) => {
                let bytes = v.unsigned_abs().to_be_bytes();
                let start = bytes.iter().position(|&b| b != 0).unwrap_or(8);
                Cow::Owned(bytes.get(start..).unwrap_or_default().to_vec())
            }
            PyInt::Big { magnitude, .. } => {
                let start = magnitude
                    .iter()
                    .position(|&b| b != 0)
                    .unwrap_or(magnitude.len());
                Cow::Borrowed(magnitude.get(start..).unwrap_or_default())
            }
        }
    }

    /// Number of significant bits of the absolute value (0 for zero).
    pub fn bit_length(&self) -> u64 {
        let mag = self.magnitude();
        match mag.first() {
            None => 0,
            Some(&first) => (mag.len() as u64 - 1) * 8 + u64::from(8 - first.leading_zeros()),
        }
    }
}

impl From<i64> for PyInt {
    fn from(v: i64) -> Self {
        PyInt::Small(v)
    }
}

impl fmt::Display for PyInt {
    /// Decimal, like Python's `str(int)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PyInt::Small(v) => write!(f, "{v}"),
            PyInt::Big {
                negative,
                magnitude,
            } => {
                // Repeated division of the big-endian magnitude by 10^9.
                let mut digits: Vec<u8> = magnitude.clone();
                let mut chunks: Vec<u32> = Vec::new();
                while digits.iter().any(|&d| d != 0) {
                    let mut rem: u64 = 0;
                    for d in digits.iter_mut() {
                        let cur = (rem << 8) | u64::from(*d);
                        *d = (cur / 1_000_000_000) as u8;
                        rem = cur % 1_000_000_000;
                    }
                    chunks.push(rem as u32);
                }
                if chunks.is_empty() {
                    return f.write_str("0");
                }
                if *negative {
                    f.write_str("-")?;
                }
                let mut iter = chunks.iter().rev();
                if let Some(first) = iter.next() {
                    write!(f, "{first}")?;
                }
                for chunk in iter {
                    write!(f, "{chunk:09}")?;
                }
                Ok(())
            }
        }
    }
}

/// The value of one frame field.
///
/// Which variant a field holds depends on its [`crate::spec::FieldKind`];
/// see there. Writing accepts the same variant (and, for integer fields,
/// [`FieldValue::Int`] and [`FieldValue::BigInt`] interchangeably).
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue<'a> {
    /// A small integer: bytes, sized integers, encodings, picture types,
    /// flags, channels, and play counters that fit in an `i64`.
    Int(i64),
    /// An integer field whose value does not fit in an `i64`.
    BigInt(Box<PyInt>),
    /// A floating-point value (volume adjustment in dB, volume peak).
    Float(f64),
    /// A text value.
    Text(Cow<'a, str>),
    /// Binary data.
    Bytes(Cow<'a, [u8]>),
    /// Embedded frames (`CHAP` and `CTOC` sub-frames), as raw frame bytes:
    /// the tag level splits and parses them (their format depends on the
    /// tag version).
    Frames(Cow<'a, [u8]>),
    /// A time stamp (`TDRC` and the other time stamp frames).
    TimeStamp(Box<Id3TimeStamp>),
    /// A list of texts (text frames, `CTOC` child element IDs).
    TextList(Vec<Cow<'a, str>>),
    /// A list of time stamps.
    TimeStampList(Vec<Id3TimeStamp>),
    /// A list of text tuples: `TIPL`/`TMCL`/`IPLS` (involvement, person)
    /// pairs. Reading always gives pairs; writing writes as many texts of
    /// each tuple as the field has parts (extra ones are ignored).
    TextTuples(Vec<Vec<Cow<'a, str>>>),
    /// A list of integers (`RVAD` adjustments, `ASPI` index points).
    IntList(Vec<PyInt>),
    /// Synchronised text (`SYLT`): (text, time stamp) pairs.
    SyncedText(Vec<(Cow<'a, str>, i64)>),
    /// Event timing codes (`ETCO`): (event type, time stamp) pairs.
    KeyEvents(Vec<(i64, i64)>),
    /// Equalisation (`EQU2`): (frequency in Hz, adjustment in dB) pairs.
    VolumeAdjustments(Vec<(f64, f64)>),
}

impl FieldValue<'_> {
    /// The value with every borrowed part copied, so that it no longer
    /// borrows the frame body.
    pub fn into_owned(self) -> FieldValue<'static> {
        fn own(s: Cow<'_, str>) -> Cow<'static, str> {
            Cow::Owned(s.into_owned())
        }
        match self {
            FieldValue::Int(v) => FieldValue::Int(v),
            FieldValue::BigInt(v) => FieldValue::BigInt(v),
            FieldValue::Float(v) => FieldValue::Float(v),
            FieldValue::Text(s) => FieldValue::Text(own(s)),
            FieldValue::Bytes(b) => FieldValue::Bytes(Cow::Owned(b.into_owned())),
            FieldValue::Frames(b) => FieldValue::Frames(Cow::Owned(b.into_owned())),
            FieldValue::TimeStamp(t) => FieldValue::TimeStamp(t),
            FieldValue::TextList(v) => FieldValue::TextList(v.into_iter().map(own).collect()),
            FieldValue::TimeStampList(v) => FieldValue::TimeStampList(v),
            FieldValue::TextTuples(v) => FieldValue::TextTuples(
                v.into_iter()
                    .map(|t| t.into_iter().map(own).collect())
                    .collect(),
            ),
            FieldValue::IntList(v) => FieldValue::IntList(v),
            FieldValue::SyncedText(v) => {
                FieldValue::SyncedText(v.into_iter().map(|(s, t)| (own(s), t)).collect())
            }
            FieldValue::KeyEvents(v) => FieldValue::KeyEvents(v),
            FieldValue::VolumeAdjustments(v) => FieldValue::VolumeAdjustments(v),
        }
    }

    /// The integer value of an [`FieldValue::Int`].
    pub fn as_int(&self) -> Option<i64> {
        match self {
            FieldValue::Int(v) => Some(*v),
            _ => None,
        }
    }

    /// The text of a [`FieldValue::Text`].
    pub fn as_text(&self) -> Option<&str> {
        match self {
            FieldValue::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The bytes of a [`FieldValue::Bytes`] or [`FieldValue::Frames`].
    pub fn as_bytes(&self) -> Option<&[u8]> {
        match self {
            FieldValue::Bytes(b) | FieldValue::Frames(b) => Some(b),
            _ => None,
        }
    }

    /// Name of the variant, for error messages.
    pub fn variant_name(&self) -> &'static str {
        match self {
            FieldValue::Int(_) => "Int",
            FieldValue::BigInt(_) => "BigInt",
            FieldValue::Float(_) => "Float",
            FieldValue::Text(_) => "Text",
            FieldValue::Bytes(_) => "Bytes",
            FieldValue::Frames(_) => "Frames",
            FieldValue::TimeStamp(_) => "TimeStamp",
            FieldValue::TextList(_) => "TextList",
            FieldValue::TimeStampList(_) => "TimeStampList",
            FieldValue::TextTuples(_) => "TextTuples",
            FieldValue::IntList(_) => "IntList",
            FieldValue::SyncedText(_) => "SyncedText",
            FieldValue::KeyEvents(_) => "KeyEvents",
            FieldValue::VolumeAdjustments(_) => "VolumeAdjustments",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pyint_from_bytes() {
        assert_eq!(PyInt::from_be_bytes(&[], false), PyInt::Small(0));
        assert_eq!(
            PyInt::from_be_bytes(&[0, 0, 1, 2], false),
            PyInt::Small(258)
        );
        assert_eq!(PyInt::from_be_bytes(&[1, 2], true), PyInt::Small(-258));
        assert_eq!(
            PyInt::from_be_bytes(&[0x80, 0, 0, 0, 0, 0, 0, 0], true),
            PyInt::Small(i64::MIN)
        );
        let big = PyInt::from_be_bytes(&[0x80, 0, 0, 0, 0, 0, 0, 0], false);
        assert!(matches!(big, PyInt::Big { .. }));
        assert_eq!(big.to_string(), "9223372036854775808");
        let big = PyInt::from_be_bytes(&[1, 2, 3, 4, 5, 6, 7, 8, 9], false);
        assert_eq!(big.to_string(), "18591708106338011145");
        assert_eq!(big.bit_length(), 65);
        let neg = PyInt::from_be_bytes(&[0, 1, 0, 0, 0, 0, 0, 0, 0, 0], true);
        assert_eq!(neg.to_string(), "-18446744073709551616");
        assert!(neg.is_negative());
        assert_eq!(PyInt::Small(-5).magnitude().as_ref(), &[5]);
        assert_eq!(PyInt::Small(0).bit_length(), 0);
        assert_eq!(PyInt::Small(256).bit_length(), 9);
    }
}
