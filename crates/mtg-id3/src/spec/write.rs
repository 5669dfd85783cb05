//! Writing one field.

use std::borrow::Cow;

use super::error::FrameError;
use super::read::{sort_adjustments, RVA_SIGNED};
use super::text::{ascii_into, context_encoding, latin1_into, write_encoded_text};
use super::{FieldDef, FieldKind, SpecContext};
use crate::value::{FieldValue, PyInt};

fn byte_range_error() -> FrameError {
    FrameError::Value(Cow::Borrowed("bytes must be in range(0, 256)"))
}

/// The integer of an `Int` or `BigInt` value.
fn int_of(value: &FieldValue<'_>) -> Result<PyInt, FrameError> {
    match value {
        FieldValue::Int(v) => Ok(PyInt::Small(*v)),
        FieldValue::BigInt(v) => Ok((**v).clone()),
        other => Err(FrameError::wrong_type("Int", other.variant_name())),
    }
}

fn small_int_of(value: &FieldValue<'_>) -> Result<Option<i64>, FrameError> {
    Ok(int_of(value)?.to_i64())
}

fn float_of(value: &FieldValue<'_>) -> Result<f64, FrameError> {
    match value {
        FieldValue::Float(v) => Ok(*v),
        FieldValue::Int(v) => Ok(*v as f64),
        other => Err(FrameError::wrong_type("Float", other.variant_name())),
    }
}

fn text_of<'v>(value: &'v FieldValue<'_>) -> Result<&'v str, FrameError> {
    match value {
        FieldValue::Text(t) => Ok(t),
        other => Err(FrameError::wrong_type("Text", other.variant_name())),
    }
}

/// Python's `intround` (round half to even through `Decimal`), with its
/// errors for NaN and infinities.
fn decimal_round(v: f64) -> Result<f64, FrameError> {
    if v.is_nan() {
        return Err(FrameError::Value(Cow::Borrowed(
            "cannot convert NaN to integer",
        )));
    }
    if v.is_infinite() {
        return Err(FrameError::Overflow(Cow::Borrowed(
            "cannot convert Infinity to integer",
        )));
    }
    Ok(v.round_ties_even())
}

/// Python's `int(float)` (truncation), with its errors.
fn float_trunc(v: f64) -> Result<f64, FrameError> {
    if v.is_nan() {
        return Err(FrameError::Value(Cow::Borrowed(
            "cannot convert float NaN to integer",
        )));
    }
    if v.is_infinite() {
        return Err(FrameError::Overflow(Cow::Borrowed(
            "cannot convert float infinity to integer",
        )));
    }
    Ok(v.trunc())
}

/// `struct.pack(">I", v)` checks.
fn check_u32(v: i64) -> Result<u32, FrameError> {
    if v < 0 {
        return Err(FrameError::Struct(Cow::Borrowed("argument out of range")));
    }
    u32::try_from(v).map_err(|_| {
        FrameError::Struct(Cow::Borrowed(
            "'I' format requires 0 <= number <= 4294967295",
        ))
    })
}

/// Append one field of kind `kind` holding `value` to `out`, as mutagen's
/// `Spec.write` does. On error, `out` may hold part of the field.
pub fn write_field(
    kind: &FieldKind,
    ctx: &SpecContext,
    value: &FieldValue<'_>,
    out: &mut Vec<u8>,
) -> Result<(), FrameError> {
    match *kind {
        FieldKind::Byte
        | FieldKind::PictureType
        | FieldKind::CtocFlags
        | FieldKind::Channel
        | FieldKind::Encoding => {
            let v = small_int_of(value)?.ok_or_else(byte_range_error)?;
            let b = u8::try_from(v).map_err(|_| byte_range_error())?;
            out.push(b);
        }
        FieldKind::Integer => {
            let v = int_of(value)?;
            if v.is_negative() {
                // mutagen loops forever here; refuse instead.
                return Err(FrameError::Value(Cow::Borrowed(
                    "negative value for an unsigned integer field",
                )));
            }
            let mag = v.magnitude();
            out.extend(std::iter::repeat_n(0, 4usize.saturating_sub(mag.len())));
            out.extend_from_slice(&mag);
        }
        FieldKind::SizedInteger(size) => {
            let v = int_of(value)?;
            let mag = v.magnitude();
            let size = usize::from(size);
            if v.is_negative() || mag.len() > size {
                return Err(FrameError::Value(Cow::Owned(format!(
                    "Value too wide (>{size} bytes)"
                ))));
            }
            out.extend(std::iter::repeat_n(0, size - mag.len()));
            out.extend_from_slice(&mag);
        }
        FieldKind::String(len) | FieldKind::FrameId(len) => {
            let text = text_of(value)?;
            let start = out.len();
            ascii_into(text, out)?;
            out.resize(start + usize::from(len), 0);
        }
        FieldKind::Rva { stereo_only } => write_rva(value, stereo_only, out)?,
        FieldKind::BinaryData | FieldKind::Id3Frames => match value {
            FieldValue::Bytes(b) | FieldValue::Frames(b) => out.extend_from_slice(b),
            other => return Err(FrameError::wrong_type("Bytes", other.variant_name())),
        },
        FieldKind::EncodedText
        | FieldKind::EncodedNumericText
        | FieldKind::EncodedNumericPartText => {
            let enc = context_encoding(ctx.encoding)?;
            write_encoded_text(text_of(value)?, enc, out)?;
        }
        FieldKind::TimeStamp => {
            let enc = context_encoding(ctx.encoding)?;
            match value {
                FieldValue::TimeStamp(t) => write_encoded_text(&t.frame_text(), enc, out)?,
                other => return Err(FrameError::wrong_type("TimeStamp", other.variant_name())),
            }
        }
        FieldKind::Latin1Text => {
            latin1_into(text_of(value)?, out)?;
            out.push(0);
        }
        FieldKind::Latin1TextList => match value {
            FieldValue::TextList(items) => {
                let count = u8::try_from(items.len()).map_err(|_| byte_range_error())?;
                out.push(count);
                for item in items {
                    latin1_into(item, out)?;
                    out.push(0);
                }
            }
            other => return Err(FrameError::wrong_type("TextList", other.variant_name())),
        },
        FieldKind::Multi { parts, .. } => write_multi(parts, ctx, value, out)?,
        FieldKind::SynchronizedText => {
            let enc = context_encoding(ctx.encoding)?;
            match value {
                FieldValue::SyncedText(items) => {
                    for (text, time) in items {
                        write_encoded_text(text, enc, out)?;
                        out.extend_from_slice(&check_u32(*time)?.to_be_bytes());
                    }
                }
                other => return Err(FrameError::wrong_type("SyncedText", other.variant_name())),
            }
        }
        FieldKind::KeyEvent => match value {
            FieldValue::KeyEvents(items) => {
                for &(event, time) in items {
                    let event = i8::try_from(event).map_err(|_| {
                        FrameError::Struct(Cow::Borrowed(
                            "byte format requires -128 <= number <= 127",
                        ))
                    })?;
                    let time = check_u32(time)?;
                    out.push(event as u8);
                    out.extend_from_slice(&time.to_be_bytes());
                }
            }
            other => return Err(FrameError::wrong_type("KeyEvents", other.variant_name())),
        },
        FieldKind::VolumeAdjustments => match value {
            FieldValue::VolumeAdjustments(items) => {
                let mut items = items.clone();
                sort_adjustments(&mut items);
                for (freq, adj) in items {
                    let freq = float_trunc(freq * 2.0)?;
                    let adj = float_trunc(adj * 512.0)?;
                    if freq < 0.0 {
                        return Err(FrameError::Struct(Cow::Borrowed("argument out of range")));
                    }
                    if freq > 65535.0 {
                        return Err(FrameError::Struct(Cow::Borrowed(
                            "'H' format requires 0 <= number <= 65535",
                        )));
                    }
                    if !(-32768.0..=32767.0).contains(&adj) {
                        return Err(FrameError::Struct(Cow::Borrowed(
                            "'h' format requires -32768 <= number <= 32767",
                        )));
                    }
                    out.extend_from_slice(&(freq as u16).to_be_bytes());
                    out.extend_from_slice(&(adj as i16).to_be_bytes());
                }
            }
            other => {
                return Err(FrameError::wrong_type(
                    "VolumeAdjustments",
                    other.variant_name(),
                ))
            }
        },
        FieldKind::AspiIndex => write_aspi(ctx, value, out)?,
        FieldKind::VolumeAdjustment => {
            let v = decimal_round(float_of(value)? * 512.0)?;
            if !(-32768.0..=32767.0).contains(&v) {
                return Err(FrameError::Spec(Cow::Borrowed("not in range")));
            }
            out.extend_from_slice(&(v as i16).to_be_bytes());
        }
        FieldKind::VolumePeak => {
            let v = decimal_round(float_of(value)? * 32768.0)?;
            if !(0.0..65536.0).contains(&v) {
                return Err(FrameError::Spec(Cow::Borrowed("not in range")));
            }
            out.push(0x10);
            out.extend_from_slice(&(v as u16).to_be_bytes());
        }
    }
    Ok(())
}

fn write_rva(
    value: &FieldValue<'_>,
    stereo_only: bool,
    out: &mut Vec<u8>,
) -> Result<(), FrameError> {
    let FieldValue::IntList(values) = value else {
        return Err(FrameError::wrong_type("IntList", value.variant_name()));
    };
    let max = if stereo_only { 4 } else { 12 };
    if values.len() < 2 || values.len() > max {
        return Err(FrameError::Spec(Cow::Owned(format!(
            "at least two volume change values required, max {max}"
        ))));
    }
    let mut flags = 0u8;
    for (i, v) in values.iter().enumerate() {
        match RVA_SIGNED.iter().find(|&&(index, _)| index == i) {
            Some(&(_, bit)) if !v.is_negative() => flags |= 1 << bit,
            Some(_) => {}
            None if v.is_negative() => {
                // A negative peak makes mutagen loop forever; refuse instead.
                return Err(FrameError::Value(Cow::Borrowed(
                    "negative peak value in volume adjustment",
                )));
            }
            None => {}
        }
    }
    let widest = values.iter().map(PyInt::bit_length).max().unwrap_or(0);
    let mut bits: u64 = 16;
    while widest > bits {
        bits += 8;
    }
    let bits_byte = u8::try_from(bits)
        .map_err(|_| FrameError::Value(Cow::Borrowed("bytes must be in range(0, 256)")))?;
    let width = (bits / 8) as usize;
    out.push(flags);
    out.push(bits_byte);
    for v in values {
        // mutagen renders each value in as many bytes as it needs (at least
        // two) and pads it with zero bytes on the right up to the field
        // width, so a value narrower than the widest reads back shifted.
        let mag = v.magnitude();
        let start = out.len();
        out.extend(std::iter::repeat_n(0, 2usize.saturating_sub(mag.len())));
        out.extend_from_slice(&mag);
        out.resize(start + width.max(out.len() - start), 0);
    }
    Ok(())
}

fn write_aspi(
    ctx: &SpecContext,
    value: &FieldValue<'_>,
    out: &mut Vec<u8>,
) -> Result<(), FrameError> {
    let FieldValue::IntList(values) = value else {
        return Err(FrameError::wrong_type("IntList", value.variant_name()));
    };
    let bits = ctx.aspi_bits.ok_or(FrameError::Attribute(Cow::Borrowed(
        "'Frame' object has no attribute 'b'",
    )))?;
    let count = ctx.aspi_count.ok_or(FrameError::Attribute(Cow::Borrowed(
        "'Frame' object has no attribute 'N'",
    )))?;
    if bits != 8 && bits != 16 {
        return Err(FrameError::Spec(Cow::Borrowed("frame.b must be 8 or 16")));
    }
    if count < 0 {
        return Err(FrameError::Spec(Cow::Borrowed("bad char in struct format")));
    }
    if i64::try_from(values.len()).ok() != Some(count) {
        return Err(FrameError::Spec(Cow::Owned(format!(
            "pack expected {count} items for packing (got {})",
            values.len()
        ))));
    }
    for v in values {
        if bits == 8 {
            let b = v
                .to_i64()
                .and_then(|v| u8::try_from(v).ok())
                .ok_or(FrameError::Spec(Cow::Borrowed(
                    "ubyte format requires 0 <= number <= 255",
                )))?;
            out.push(b);
        } else {
            if v.is_negative() {
                return Err(FrameError::Spec(Cow::Borrowed("argument out of range")));
            }
            let h = v
                .to_i64()
                .and_then(|v| u16::try_from(v).ok())
                .ok_or(FrameError::Spec(Cow::Borrowed(
                    "'H' format requires 0 <= number <= 65535",
                )))?;
            out.extend_from_slice(&h.to_be_bytes());
        }
    }
    Ok(())
}

fn write_multi(
    parts: &'static [FieldDef],
    ctx: &SpecContext,
    value: &FieldValue<'_>,
    out: &mut Vec<u8>,
) -> Result<(), FrameError> {
    match (parts, value) {
        ([single], FieldValue::TextList(items)) => {
            for item in items {
                write_field(
                    &single.kind,
                    ctx,
                    &FieldValue::Text(Cow::Borrowed(item)),
                    out,
                )?;
            }
        }
        ([single], FieldValue::TimeStampList(items)) => {
            for item in items {
                write_field(
                    &single.kind,
                    ctx,
                    &FieldValue::TimeStamp(Box::new(*item)),
                    out,
                )?;
            }
        }
        (_, FieldValue::TextTuples(items)) => {
            for tuple in items {
                for (part, item) in parts.iter().zip(tuple) {
                    write_field(&part.kind, ctx, &FieldValue::Text(Cow::Borrowed(item)), out)?;
                }
            }
        }
        (_, other) => return Err(FrameError::wrong_type("list", other.variant_name())),
    }
    Ok(())
}

/// Python's `repr()` of an ASCII string (for error messages).
fn py_ascii_repr(text: &str) -> String {
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
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ if u32::from(c) < 0x100 => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            _ => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// mutagen's frame ID rule (`is_valid_frame_id`): letters and digits,
/// upper case, at least one letter.
pub(crate) fn is_valid_frame_id(id: &str) -> bool {
    id.bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && id.bytes().any(|b| b.is_ascii_uppercase())
}

fn out_of_range() -> FrameError {
    FrameError::Value(Cow::Borrowed("out of range"))
}

/// Check a value as mutagen's `Spec.validate` does beyond its Python type:
/// byte ranges, encodings 0..=3, the length and ASCII-ness of fixed-length
/// strings, frame IDs, the number of `RVAD` values and the range of volume
/// adjustments and peaks. Other kinds accept any value of their variant.
///
/// mutagen runs these checks when a frame is built, and again on the
/// values of a frame converted for an ID3v2.3 save (so that a `LINK` read
/// with an invalid frame ID cannot be saved as ID3v2.3).
pub fn validate_value(kind: &FieldKind, value: &FieldValue<'_>) -> Result<(), FrameError> {
    match *kind {
        FieldKind::Byte | FieldKind::PictureType | FieldKind::CtocFlags | FieldKind::Channel => {
            let v = small_int_of(value)?.ok_or_else(byte_range_error)?;
            if !(0..=255).contains(&v) {
                return Err(byte_range_error());
            }
        }
        FieldKind::Encoding => {
            let v = int_of(value)?;
            if !matches!(v.to_i64(), Some(0..=3)) {
                return Err(FrameError::Value(Cow::Owned(format!(
                    "Invalid Encoding: {v}"
                ))));
            }
        }
        FieldKind::String(len) | FieldKind::FrameId(len) => {
            let text = text_of(value)?;
            ascii_into(text, &mut Vec::new())?;
            if text.len() != usize::from(len) {
                return Err(FrameError::Value(Cow::Owned(format!(
                    "Invalid StringSpec[{len}] data: {}",
                    py_ascii_repr(text)
                ))));
            }
            if matches!(kind, FieldKind::FrameId(_)) && !is_valid_frame_id(text) {
                return Err(FrameError::Value(Cow::Borrowed("Invalid frame ID")));
            }
        }
        FieldKind::Rva { stereo_only } => {
            let FieldValue::IntList(values) = value else {
                return Err(FrameError::wrong_type("IntList", value.variant_name()));
            };
            let max = if stereo_only { 4 } else { 12 };
            if values.len() < 2 || values.len() > max {
                return Err(FrameError::Value(Cow::Owned(format!(
                    "needs list of length 2..{max}"
                ))));
            }
        }
        FieldKind::VolumeAdjustment => {
            let v = decimal_round(float_of(value)? * 512.0)?;
            if !(-32768.0..=32767.0).contains(&v) {
                return Err(out_of_range());
            }
        }
        FieldKind::VolumePeak => {
            let v = decimal_round(float_of(value)? * 32768.0)?;
            if !(0.0..65536.0).contains(&v) {
                return Err(out_of_range());
            }
        }
        _ => {}
    }
    Ok(())
}
