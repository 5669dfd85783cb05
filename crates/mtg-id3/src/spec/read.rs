//! Reading one field.

use std::borrow::Cow;

use super::error::FrameError;
use super::text::{
    context_encoding, read_encoded_text, read_latin1_terminated, read_sync_text, TextEncoding,
};
use super::{FieldDef, FieldKind, SpecContext};
use crate::timestamp::Id3TimeStamp;
use crate::value::{FieldValue, PyInt};

/// The RVAD value indices that carry a sign, with their flag bit.
pub(crate) const RVA_SIGNED: [(usize, u8); 6] = [(0, 0), (1, 1), (4, 2), (5, 3), (8, 4), (10, 5)];

fn index_error() -> FrameError {
    FrameError::Index(Cow::Borrowed("bytearray index out of range"))
}

fn int_value(v: PyInt) -> FieldValue<'static> {
    match v {
        PyInt::Small(v) => FieldValue::Int(v),
        big => FieldValue::BigInt(Box::new(big)),
    }
}

fn be_u64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
}

fn split(data: &[u8], n: usize) -> (&[u8], &[u8]) {
    data.split_at(n.min(data.len()))
}

/// Read one field of kind `kind` from the start of `data`, returning its
/// value and the bytes after it, as mutagen's `Spec.read` does.
pub fn read_field<'a>(
    kind: &FieldKind,
    ctx: &SpecContext,
    data: &'a [u8],
) -> Result<(FieldValue<'a>, &'a [u8]), FrameError> {
    match *kind {
        FieldKind::Byte | FieldKind::PictureType | FieldKind::CtocFlags | FieldKind::Channel => {
            let (&b, rest) = data.split_first().ok_or_else(index_error)?;
            Ok((FieldValue::Int(i64::from(b)), rest))
        }
        FieldKind::Encoding => {
            let (&b, rest) = data.split_first().ok_or_else(index_error)?;
            if b > 3 {
                return Err(FrameError::Spec(Cow::Owned(format!(
                    "Invalid Encoding: {b}"
                ))));
            }
            Ok((FieldValue::Int(i64::from(b)), rest))
        }
        FieldKind::Integer => Ok((int_value(PyInt::from_be_bytes(data, false)), &[])),
        FieldKind::SizedInteger(size) => {
            let (head, rest) = split(data, usize::from(size));
            Ok((int_value(PyInt::from_be_bytes(head, false)), rest))
        }
        FieldKind::String(len) | FieldKind::FrameId(len) => {
            let (head, rest) = split(data, usize::from(len));
            if !head.is_ascii() {
                return Err(FrameError::Spec(Cow::Borrowed("not ascii")));
            }
            let text = std::str::from_utf8(head)
                .map_err(|_| FrameError::Spec(Cow::Borrowed("not ascii")))?;
            Ok((FieldValue::Text(Cow::Borrowed(text)), rest))
        }
        FieldKind::Rva { stereo_only } => read_rva(data, stereo_only),
        FieldKind::BinaryData => Ok((FieldValue::Bytes(Cow::Borrowed(data)), &[])),
        FieldKind::Id3Frames => Ok((FieldValue::Frames(Cow::Borrowed(data)), &[])),
        FieldKind::EncodedText
        | FieldKind::EncodedNumericText
        | FieldKind::EncodedNumericPartText => {
            let enc = context_encoding(ctx.encoding)?;
            let (text, rest) = read_encoded_text(data, enc, ctx.version)?;
            Ok((FieldValue::Text(text), rest))
        }
        FieldKind::TimeStamp => {
            let enc = context_encoding(ctx.encoding)?;
            let (text, rest) = read_encoded_text(data, enc, ctx.version)?;
            Ok((
                FieldValue::TimeStamp(Box::new(Id3TimeStamp::parse(&text))),
                rest,
            ))
        }
        FieldKind::Latin1Text => {
            let (text, rest) = read_latin1_terminated(data);
            Ok((FieldValue::Text(text), rest))
        }
        FieldKind::Latin1TextList => {
            let (&count, mut rest) = data.split_first().ok_or_else(index_error)?;
            let mut items = Vec::with_capacity(usize::from(count));
            for _ in 0..count {
                let (text, after) = read_latin1_terminated(rest);
                items.push(text);
                rest = after;
            }
            Ok((FieldValue::TextList(items), rest))
        }
        FieldKind::Multi { parts, .. } => read_multi(parts, ctx, data),
        FieldKind::SynchronizedText => {
            let enc = context_encoding(ctx.encoding)?;
            let mut items = Vec::new();
            let mut rest = data;
            while !rest.is_empty() {
                let (text, after) = read_sync_text(rest, enc)?;
                let (time, after) = after
                    .split_first_chunk::<4>()
                    .ok_or(FrameError::Spec(Cow::Borrowed("not enough data")))?;
                items.push((text, i64::from(u32::from_be_bytes(*time))));
                rest = after;
            }
            Ok((FieldValue::SyncedText(items), rest))
        }
        FieldKind::KeyEvent => {
            let mut items = Vec::with_capacity(data.len() / 5);
            let mut rest = data;
            while let Some((event, after)) = rest.split_first_chunk::<5>() {
                let [kind, t0, t1, t2, t3] = *event;
                items.push((
                    i64::from(kind as i8),
                    i64::from(u32::from_be_bytes([t0, t1, t2, t3])),
                ));
                rest = after;
            }
            Ok((FieldValue::KeyEvents(items), rest))
        }
        FieldKind::VolumeAdjustments => {
            let mut items = Vec::with_capacity(data.len() / 4);
            let mut rest = data;
            while let Some((entry, after)) = rest.split_first_chunk::<4>() {
                let [f0, f1, a0, a1] = *entry;
                items.push((
                    f64::from(u16::from_be_bytes([f0, f1])) / 2.0,
                    f64::from(i16::from_be_bytes([a0, a1])) / 512.0,
                ));
                rest = after;
            }
            // mutagen keeps one adjustment per frequency (the last one read),
            // sorted by frequency.
            items.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut unique: Vec<(f64, f64)> = Vec::with_capacity(items.len());
            for item in items {
                match unique.last_mut() {
                    Some(last) if last.0 == item.0 => *last = item,
                    _ => unique.push(item),
                }
            }
            Ok((FieldValue::VolumeAdjustments(unique), rest))
        }
        FieldKind::AspiIndex => read_aspi(ctx, data),
        FieldKind::VolumeAdjustment => {
            let (value, rest) =
                data.split_first_chunk::<2>()
                    .ok_or(FrameError::Struct(Cow::Borrowed(
                        "unpack requires a buffer of 2 bytes",
                    )))?;
            Ok((
                FieldValue::Float(f64::from(i16::from_be_bytes(*value)) / 512.0),
                rest,
            ))
        }
        FieldKind::VolumePeak => {
            let (&bits, rest) = data.split_first().ok_or_else(index_error)?;
            let count = ((usize::from(bits) + 7) >> 3).min(4);
            if rest.len() < count {
                return Err(FrameError::Spec(Cow::Borrowed("not enough frame data")));
            }
            let (head, rest) = split(rest, count);
            let shift = ((8 - u32::from(bits & 7)) & 7) + (4 - count as u32) * 8;
            let peak = be_u64(head) << shift;
            Ok((FieldValue::Float(peak as f64 / 2147483647.0), rest))
        }
    }
}

/// Read one field of the definition `field` like [`read_field`], append its
/// value to `out` and note it in `ctx`; returns the bytes after it.
///
/// The kinds most frames are made of (the encoding byte, texts, text
/// lists, a picture type, binary data) are read here, inline, so that a
/// text frame costs no call per field and no value moved through memory;
/// the others go through [`read_field`]. The values are the same.
#[inline]
pub(crate) fn read_field_into<'a>(
    field: &FieldDef,
    ctx: &mut SpecContext,
    data: &'a [u8],
    out: &mut Vec<FieldValue<'a>>,
) -> Result<&'a [u8], FrameError> {
    match field.kind {
        FieldKind::Encoding => {
            let (&b, rest) = data.split_first().ok_or_else(index_error)?;
            if b > 3 {
                return Err(FrameError::Spec(Cow::Owned(format!(
                    "Invalid Encoding: {b}"
                ))));
            }
            ctx.encoding = Some(i64::from(b));
            out.push(FieldValue::Int(i64::from(b)));
            Ok(rest)
        }
        FieldKind::PictureType => {
            let (&b, rest) = data.split_first().ok_or_else(index_error)?;
            out.push(FieldValue::Int(i64::from(b)));
            Ok(rest)
        }
        FieldKind::BinaryData => {
            out.push(FieldValue::Bytes(Cow::Borrowed(data)));
            Ok(&[])
        }
        FieldKind::EncodedText
        | FieldKind::EncodedNumericText
        | FieldKind::EncodedNumericPartText => {
            let enc = context_encoding(ctx.encoding)?;
            let (text, rest) = read_encoded_text(data, enc, ctx.version)?;
            out.push(FieldValue::Text(text));
            Ok(rest)
        }
        FieldKind::Latin1Text => {
            let (text, rest) = read_latin1_terminated(data);
            out.push(FieldValue::Text(text));
            Ok(rest)
        }
        FieldKind::Multi {
            parts: [single], ..
        } if single.kind.is_encoded_text() => {
            let enc = context_encoding(ctx.encoding)?;
            // Most text frames hold one value.
            let mut items = Vec::with_capacity(1);
            let mut rest = data;
            while !rest.is_empty() {
                let (text, after) = read_encoded_text(rest, enc, ctx.version)?;
                items.push(text);
                rest = after;
            }
            out.push(FieldValue::TextList(items));
            Ok(rest)
        }
        _ => {
            let (value, rest) = read_field(&field.kind, ctx, data)?;
            ctx.note(field, &value);
            out.push(value);
            Ok(rest)
        }
    }
}

/// The values of a text frame's body, a frame made of an encoding byte,
/// a description when `described` (`TXXX`), and a list of texts, all in
/// that encoding (`TIT2` and most `T...` frames): what reading its fields
/// one by one gives, errors included, read in one pass. A field with no
/// data left for it makes the frame junk, as there.
pub(crate) fn read_text_frame(
    version: u8,
    body: &[u8],
    described: bool,
) -> Result<Vec<FieldValue<'_>>, FrameError> {
    let no_data = || FrameError::JunkFrame(Cow::Borrowed("no data left"));
    let Some((&byte, mut data)) = body.split_first() else {
        return Err(no_data());
    };
    let Some(encoding) = TextEncoding::from_byte(i64::from(byte)) else {
        return Err(FrameError::JunkFrame(Cow::Owned(format!(
            "Invalid Encoding: {byte}"
        ))));
    };
    let mut description = None;
    if described {
        if data.is_empty() {
            return Err(no_data());
        }
        let (text, rest) =
            read_encoded_text(data, encoding, version).map_err(FrameError::for_frame_read)?;
        description = Some(text);
        data = rest;
    }
    if data.is_empty() {
        return Err(no_data());
    }
    // Most text frames hold one value.
    let mut texts = Vec::with_capacity(1);
    while !data.is_empty() {
        let (text, rest) =
            read_encoded_text(data, encoding, version).map_err(FrameError::for_frame_read)?;
        texts.push(text);
        data = rest;
    }
    // built in place in the new list (no value moved through the stack)
    Ok(match description {
        Some(description) => vec![
            FieldValue::Int(i64::from(byte)),
            FieldValue::Text(description),
            FieldValue::TextList(texts),
        ],
        None => vec![
            FieldValue::Int(i64::from(byte)),
            FieldValue::TextList(texts),
        ],
    })
}

/// mutagen writes equalisation points sorted (by frequency, then
/// adjustment).
pub(crate) fn sort_adjustments(items: &mut [(f64, f64)]) {
    items.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
}

fn read_rva(data: &[u8], stereo_only: bool) -> Result<(FieldValue<'_>, &[u8]), FrameError> {
    let (&flags, rest) = data.split_first().ok_or_else(index_error)?;
    let (&bits, rest) = rest
        .split_first()
        .ok_or(FrameError::Spec(Cow::Borrowed("truncated")))?;
    if bits == 0 {
        return Err(FrameError::Spec(Cow::Borrowed("bits used has to be > 0")));
    }
    let width = usize::from(bits).div_ceil(8);
    let max = if stereo_only { 4 } else { 12 };
    let count = (rest.len() / width).min(max);
    if count < 2 {
        return Err(FrameError::Spec(Cow::Borrowed(
            "First two values not optional",
        )));
    }
    let mut values = Vec::with_capacity(count);
    let mut rest = rest;
    for i in 0..count {
        let (head, after) = split(rest, width);
        let negative = RVA_SIGNED
            .iter()
            .any(|&(index, bit)| index == i && flags & (1 << bit) == 0);
        values.push(PyInt::from_be_bytes(head, negative));
        rest = after;
    }
    Ok((FieldValue::IntList(values), rest))
}

fn read_aspi<'a>(
    ctx: &SpecContext,
    data: &'a [u8],
) -> Result<(FieldValue<'a>, &'a [u8]), FrameError> {
    let bits = ctx.aspi_bits.ok_or(FrameError::Attribute(Cow::Borrowed(
        "'Frame' object has no attribute 'b'",
    )))?;
    let count = ctx.aspi_count.ok_or(FrameError::Attribute(Cow::Borrowed(
        "'Frame' object has no attribute 'N'",
    )))?;
    let width = match bits {
        8 => 1,
        16 => 2,
        _ => {
            return Err(FrameError::Spec(Cow::Owned(format!(
                "invalid bit count in ASPI ({bits})"
            ))))
        }
    };
    let count = usize::try_from(count)
        .map_err(|_| FrameError::Spec(Cow::Borrowed("bad char in struct format")))?;
    let size = count.saturating_mul(width);
    if data.len() < size {
        return Err(FrameError::Spec(Cow::Owned(format!(
            "unpack requires a buffer of {size} bytes"
        ))));
    }
    let (head, rest) = split(data, size);
    let values = head
        .chunks_exact(width)
        .map(|c| PyInt::Small(be_u64(c) as i64))
        .collect();
    Ok((FieldValue::IntList(values), rest))
}

fn read_multi<'a>(
    parts: &'static [FieldDef],
    ctx: &SpecContext,
    data: &'a [u8],
) -> Result<(FieldValue<'a>, &'a [u8]), FrameError> {
    let mut rest = data;
    match parts {
        // Text frames: the texts are read directly (the same reads as
        // `read_field` on the part, without wrapping each in a value).
        [single] if single.kind.is_encoded_text() => {
            let enc = context_encoding(ctx.encoding)?;
            // Most text frames hold one value.
            let mut items = Vec::with_capacity(1);
            while !rest.is_empty() {
                let (text, after) = read_encoded_text(rest, enc, ctx.version)?;
                items.push(text);
                rest = after;
            }
            Ok((FieldValue::TextList(items), rest))
        }
        [single] if single.kind == FieldKind::Latin1Text => {
            let mut items = Vec::with_capacity(1);
            while !rest.is_empty() {
                let (text, after) = read_latin1_terminated(rest);
                items.push(text);
                rest = after;
            }
            Ok((FieldValue::TextList(items), rest))
        }
        [single] if single.kind == FieldKind::TimeStamp => {
            let mut items = Vec::new();
            while !rest.is_empty() {
                let (value, after) = read_field(&single.kind, ctx, rest)?;
                if let FieldValue::TimeStamp(t) = value {
                    items.push(*t);
                }
                rest = after;
            }
            Ok((FieldValue::TimeStampList(items), rest))
        }
        _ if parts
            .iter()
            .all(|p| p.kind.is_encoded_text() || p.kind == FieldKind::Latin1Text) =>
        {
            let mut items = Vec::new();
            while !rest.is_empty() {
                let mut tuple = Vec::with_capacity(parts.len());
                for part in parts {
                    let (value, after) = read_field(&part.kind, ctx, rest)?;
                    if let FieldValue::Text(t) = value {
                        tuple.push(t);
                    }
                    rest = after;
                }
                items.push(tuple);
            }
            Ok((FieldValue::TextTuples(items), rest))
        }
        _ => Err(FrameError::Type(Cow::Borrowed(
            "unsupported MultiSpec parts",
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frames::{V22_FRAMES, V24_FRAMES};

    /// `read_field_into` reads some kinds itself: for every field of every
    /// frame, on bodies of every kind, it must give what `read_field` then
    /// `SpecContext::note` give (value, rest, context and errors).
    #[test]
    fn read_field_into_matches_read_field() {
        let mut bodies: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"\x00".to_vec(),
            b"\x03abc\x00def".to_vec(),
            b"\x03abc\x00def\x00".to_vec(),
            b"\x00caf\xe9\x00x\x00\x00".to_vec(),
            b"\x01\xff\xfea\x00b\x00\x00\x00c\x00".to_vec(),
            b"\x02\x00a\x00b\x00\x00".to_vec(),
            b"\x03\xff\xfe\x00".to_vec(),
            b"\x05abc".to_vec(),
            b"\x01\xff".to_vec(),
            b"eng\x03desc\x00text".to_vec(),
            // a text followed by zero bytes only (dropped below v2.4)
            b"abc\x00\x00\x00".to_vec(),
            b"\x03a\x00\x00".to_vec(),
            b"\xff\xfea\x00\x00\x00\x00\x00".to_vec(),
        ];
        // and pseudo-random ones, mostly of the bytes that matter here:
        // encodings, terminators, ASCII, BOM bytes
        let mut rng = mtg_core::testing::Rng(0x2545_F491_4F6C_DD1D);
        for len in 0..40 {
            let body = (0..len)
                .map(|_| [0u8, 1, 3, b'a', 0xff, 0xfe, rng.byte()][rng.below(7)])
                .collect();
            bodies.push(body);
        }
        let mut checked = 0;
        for def in V24_FRAMES.iter().chain(V22_FRAMES) {
            for field in def.fields.iter().chain(def.optional) {
                for version in [2u8, 3, 4] {
                    for encoding in [None, Some(0), Some(1), Some(2), Some(3)] {
                        for body in &bodies {
                            let ctx = SpecContext {
                                encoding,
                                ..SpecContext::new(version)
                            };
                            let mut by_field = ctx;
                            let expected =
                                read_field(&field.kind, &by_field, body).map(|(value, rest)| {
                                    by_field.note(field, &value);
                                    (vec![value], rest)
                                });
                            let mut by_into = ctx;
                            let mut out = Vec::new();
                            let got = read_field_into(field, &mut by_into, body, &mut out)
                                .map(|rest| (out, rest));
                            assert_eq!(got, expected, "{} {} {body:?}", def.id, field.name);
                            if expected.is_ok() {
                                assert_eq!(by_into, by_field, "{} {}", def.id, field.name);
                            }
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000);
    }
}
