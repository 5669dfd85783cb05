//! The frames mutagen knows and the codec of their bodies.
//!
//! * [`table`]: every frame of mutagen 1.48.1 ([`V24_FRAMES`] for
//!   ID3v2.3/2.4, [`V22_FRAMES`] for ID3v2.2) as a [`FrameDef`]: ID, base
//!   class, fields, optional fields; [`BASE_CLASSES`] lists the abstract
//!   classes (`TextFrame`, `UrlFrame`, ...).
//! * [`unwrap_frame_body`]: undo what a frame's flags say was done to its
//!   body (unsynchronisation, data length indicator, compression) or refuse
//!   it (encryption).
//! * [`decode_frame_body`] / [`encode_frame_body`]: the fields of a body, as
//!   mutagen's `Frame._readData` / `_writeData`.
//! * [`hash_key`]: the key a frame is stored under in a tag (`TXXX:desc`,
//!   `COMM:desc:lang`, ...).

use std::borrow::Cow;

pub mod table;

pub use table::{frame_v22, frame_v24, V22_FRAMES, V24_FRAMES};

use crate::spec::{
    read_field_into, read_text_frame, validate_value, write_field, FieldDef, FieldKind, FrameError,
    SpecContext, WriteConfig,
};
use crate::value::FieldValue;

/// The abstract mutagen class a frame class derives from most closely; it
/// decides the behaviour mutagen adds in Python (list access for text
/// frames, `+frame` for numeric ones, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FrameClass {
    /// `Frame` itself.
    Frame,
    /// `TextFrame`.
    TextFrame,
    /// `NumericTextFrame`.
    NumericTextFrame,
    /// `NumericPartTextFrame`.
    NumericPartTextFrame,
    /// `TimeStampTextFrame`.
    TimeStampTextFrame,
    /// `UrlFrame`.
    UrlFrame,
    /// `UrlFrameU` (a URL frame that may repeat: the URL is in its key).
    UrlFrameU,
    /// `PairedTextFrame`.
    PairedTextFrame,
    /// `BinaryFrame`.
    BinaryFrame,
}

impl FrameClass {
    /// The Python class name.
    pub fn name(self) -> &'static str {
        match self {
            FrameClass::Frame => "Frame",
            FrameClass::TextFrame => "TextFrame",
            FrameClass::NumericTextFrame => "NumericTextFrame",
            FrameClass::NumericPartTextFrame => "NumericPartTextFrame",
            FrameClass::TimeStampTextFrame => "TimeStampTextFrame",
            FrameClass::UrlFrame => "UrlFrame",
            FrameClass::UrlFrameU => "UrlFrameU",
            FrameClass::PairedTextFrame => "PairedTextFrame",
            FrameClass::BinaryFrame => "BinaryFrame",
        }
    }
}

/// One frame class of mutagen.
#[derive(Debug, PartialEq, Eq)]
pub struct FrameDef {
    /// The frame ID, which is also the class name (`"TIT2"`, `"TT2"`).
    pub id: &'static str,
    /// The name of the class it derives from directly: an abstract class
    /// (`"TextFrame"`, `"Frame"`, ...), another frame (`IPLS` derives from
    /// `"TIPL"`), or for ID3v2.2 frames the ID3v2.3/2.4 frame they become.
    pub parent: &'static str,
    /// The nearest abstract base class.
    pub class: FrameClass,
    /// A one-line description (the class's docstring).
    pub doc: &'static str,
    /// The fields, in body order (`_framespec`).
    pub fields: &'static [FieldDef],
    /// Fields that may follow when data is left (`_optionalspec`): read
    /// while data remains, written up to the first one without a value.
    pub optional: &'static [FieldDef],
    /// For ID3v2.2 frames: the ID3v2.3/2.4 frame ID it is upgraded to.
    pub upgrade: Option<&'static str>,
}

impl FrameDef {
    /// The field named `name`, among the fields and the optional fields,
    /// with its position in a value list.
    pub fn field(&self, name: &str) -> Option<(usize, &'static FieldDef)> {
        self.fields
            .iter()
            .chain(self.optional)
            .enumerate()
            .find(|(_, f)| f.name == name)
    }

    /// Whether this is an ID3v2.2 frame (three-character ID).
    pub fn is_v22(&self) -> bool {
        self.id.len() == 3
    }
}

/// An abstract frame class of mutagen, with the fields its subclasses
/// inherit unless they define their own.
#[derive(Debug, PartialEq, Eq)]
pub struct BaseClassDef {
    /// The class.
    pub class: FrameClass,
    /// The class it derives from (`None` for `Frame`).
    pub parent: Option<FrameClass>,
    /// A one-line description (the class's docstring).
    pub doc: &'static str,
    /// The fields (`_framespec`).
    pub fields: &'static [FieldDef],
}

/// The abstract frame classes, base classes first.
pub static BASE_CLASSES: &[BaseClassDef] = &[
    BaseClassDef {
        class: FrameClass::Frame,
        parent: None,
        doc: "A frame: the unit of data of an ID3v2 tag.",
        fields: &[],
    },
    BaseClassDef {
        class: FrameClass::TextFrame,
        parent: Some(FrameClass::Frame),
        doc: "A frame of text strings in one encoding.",
        fields: table::TEXT_FIELDS,
    },
    BaseClassDef {
        class: FrameClass::NumericTextFrame,
        parent: Some(FrameClass::TextFrame),
        doc: "A text frame whose strings are numbers.",
        fields: table::NUMERIC_TEXT,
    },
    BaseClassDef {
        class: FrameClass::NumericPartTextFrame,
        parent: Some(FrameClass::TextFrame),
        doc: "A text frame whose strings are numbers of the form N/M.",
        fields: table::NUMERIC_PART_TEXT,
    },
    BaseClassDef {
        class: FrameClass::TimeStampTextFrame,
        parent: Some(FrameClass::TextFrame),
        doc: "A text frame whose strings are time stamps.",
        fields: table::TIME_STAMP_TEXT,
    },
    BaseClassDef {
        class: FrameClass::UrlFrame,
        parent: Some(FrameClass::Frame),
        doc: "A frame holding one URL.",
        fields: table::URL_ONLY,
    },
    BaseClassDef {
        class: FrameClass::UrlFrameU,
        parent: Some(FrameClass::UrlFrame),
        doc: "A URL frame that may appear more than once (keyed by its URL).",
        fields: table::URL_ONLY,
    },
    BaseClassDef {
        class: FrameClass::PairedTextFrame,
        parent: Some(FrameClass::Frame),
        doc: "A frame of text pairs in one encoding.",
        fields: table::PAIRED_TEXT,
    },
    BaseClassDef {
        class: FrameClass::BinaryFrame,
        parent: Some(FrameClass::Frame),
        doc: "A frame holding one block of binary data.",
        fields: table::BINARY,
    },
];

/// The frame with this ID for tag version `version` (2: three-character
/// ID3v2.2 IDs; 3 or 4: ID3v2.3/2.4 IDs).
pub fn frame_def(version: u8, id: &str) -> Option<&'static FrameDef> {
    if version == 2 {
        frame_v22(id)
    } else {
        frame_v24(id)
    }
}

/// The frame ID an ID3v2.2 `LNK` frame's `frameid` becomes in `LINK`: the
/// class an ID3v2.2 frame derives from (as mutagen does: `"Frame"` for
/// `CRM`), or the ID padded with a space when it is not a known frame.
pub fn upgrade_linked_frame_id(id: &str) -> Cow<'_, str> {
    match frame_v22(id) {
        Some(def) => Cow::Borrowed(def.parent),
        None => Cow::Owned(format!("{id} ")),
    }
}

// ----------------------------------------------------------------- flags

/// ID3v2.4 frame flag: the body is unsynchronised.
pub const FLAG24_UNSYNCH: u16 = 0x0002;
/// ID3v2.4 frame flag: a 4-byte data length indicator precedes the body.
pub const FLAG24_DATALEN: u16 = 0x0001;
/// ID3v2.4 frame flag: the body is zlib-compressed.
pub const FLAG24_COMPRESS: u16 = 0x0008;
/// ID3v2.4 frame flag: the body is encrypted.
pub const FLAG24_ENCRYPT: u16 = 0x0004;
/// ID3v2.4 frame flag: a group identity byte precedes the body.
pub const FLAG24_GROUPID: u16 = 0x0040;
/// ID3v2.3 frame flag: the body is zlib-compressed, after a 4-byte size.
pub const FLAG23_COMPRESS: u16 = 0x0080;
/// ID3v2.3 frame flag: the body is encrypted.
pub const FLAG23_ENCRYPT: u16 = 0x0040;
/// ID3v2.3 frame flag: a group identity byte precedes the body.
pub const FLAG23_GROUP: u16 = 0x0020;

/// Upper bound of a decompressed frame body: a deflate stream expands at
/// most about 1032 times, and no frame can be larger than a tag (2^28).
const MAX_INFLATE: usize = 1 << 28;

/// Python's `repr()` of a bytes object (for error messages).
fn py_bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if char::from(b) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7E => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

/// zlib's message for a stream that fails before any data (header checks),
/// or `None` when the header is fine.
fn zlib_header_error(data: &[u8]) -> Option<&'static str> {
    let (&cmf, &flg) = match data {
        [a, b, ..] => (a, b),
        _ => return Some("Error -5 while decompressing data: incomplete or truncated stream"),
    };
    if (u16::from(cmf) * 256 + u16::from(flg)) % 31 != 0 {
        return Some("Error -3 while decompressing data: incorrect header check");
    }
    if cmf & 0x0F != 8 {
        return Some("Error -3 while decompressing data: unknown compression method");
    }
    if cmf >> 4 > 7 {
        return Some("Error -3 while decompressing data: invalid window size");
    }
    if flg & 0x20 != 0 {
        return Some("Error 2 while decompressing data");
    }
    None
}

/// `zlib.decompress(data)`, bounded; the error message as Python's.
fn inflate(data: &[u8]) -> Result<Vec<u8>, &'static str> {
    if let Some(msg) = zlib_header_error(data) {
        return Err(msg);
    }
    let limit = data
        .len()
        .saturating_mul(1032)
        .saturating_add(1024)
        .min(MAX_INFLATE);
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(data, limit).map_err(|e| {
        use miniz_oxide::inflate::TINFLStatus;
        match e.status {
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                "Error -5 while decompressing data: incomplete or truncated stream"
            }
            TINFLStatus::Adler32Mismatch => {
                "Error -3 while decompressing data: incorrect data check"
            }
            TINFLStatus::HasMoreOutput => "decompressed frame larger than the limit",
            _ => "Error -3 while decompressing data: invalid compressed data",
        }
    })
}

fn zlib_junk(message: &str, data: &[u8]) -> FrameError {
    FrameError::JunkFrame(Cow::Owned(format!(
        "zlib: {message}: {}",
        py_bytes_repr(data)
    )))
}

/// Undo what the frame flags say was done to a frame body, as mutagen's
/// `Frame._fromData` does before reading the fields. `version` is the tag's
/// major version (2, 3 or 4); `flags` the frame's flags, **plus
/// [`FLAG24_UNSYNCH`] for a v2.4 tag whose header has the
/// unsynchronisation flag** (mutagen then treats every frame as
/// unsynchronised).
///
/// * v2.4: unsynchronisation is undone first (data that is not valid
///   unsynchronised data is kept as it is); a data length indicator is
///   skipped when the frame is not compressed; encryption is refused; a
///   compressed body is inflated, and if that fails, inflated again
///   without its first 4 bytes (some writers add the data length without
///   the flag).
/// * v2.3: a compressed frame starts with its 4-byte decompressed size
///   (fewer than 4 bytes: junk); encryption is refused; then the rest is
///   inflated.
/// * Grouping identity bytes are left in place (mutagen does not remove
///   them), and v2.2 has no frame flags.
///
/// Errors: [`FrameError::JunkFrame`] (with a zlib message) and
/// [`FrameError::EncryptionUnsupported`].
pub fn unwrap_frame_body(
    version: u8,
    flags: u16,
    body: &[u8],
) -> Result<Cow<'_, [u8]>, FrameError> {
    match version {
        4 => {
            let mut data = Cow::Borrowed(body);
            if flags & FLAG24_UNSYNCH != 0 {
                if let Ok(Cow::Owned(decoded)) = crate::unsync::decode(body) {
                    data = Cow::Owned(decoded);
                }
            }
            let compressed = flags & FLAG24_COMPRESS != 0;
            if flags & FLAG24_DATALEN != 0 && !compressed {
                data = match data {
                    Cow::Borrowed(b) => Cow::Borrowed(b.get(4..).unwrap_or_default()),
                    Cow::Owned(v) => Cow::Owned(v.get(4..).unwrap_or_default().to_vec()),
                };
            }
            if flags & FLAG24_ENCRYPT != 0 {
                return Err(FrameError::EncryptionUnsupported);
            }
            if compressed {
                match inflate(&data) {
                    Ok(out) => return Ok(Cow::Owned(out)),
                    Err(first) => match inflate(data.get(4..).unwrap_or_default()) {
                        Ok(out) => return Ok(Cow::Owned(out)),
                        Err(_) => return Err(zlib_junk(first, &data)),
                    },
                }
            }
            Ok(data)
        }
        3 => {
            let mut data = body;
            let compressed = flags & FLAG23_COMPRESS != 0;
            if compressed {
                if data.len() < 4 {
                    return Err(FrameError::JunkFrame(Cow::Owned(format!(
                        "frame too small: {}",
                        py_bytes_repr(data)
                    ))));
                }
                data = data.get(4..).unwrap_or_default();
            }
            if flags & FLAG23_ENCRYPT != 0 {
                return Err(FrameError::EncryptionUnsupported);
            }
            if compressed {
                return inflate(data)
                    .map(Cow::Owned)
                    .map_err(|m| zlib_junk(m, data));
            }
            Ok(Cow::Borrowed(data))
        }
        _ => Ok(Cow::Borrowed(body)),
    }
}

// ----------------------------------------------------------------- bodies

/// Read the fields of a frame body, as mutagen's `Frame._readData`: each
/// field in turn (a field other than binary data or sub-frames finding no
/// data left makes the frame junk), then the optional fields while data
/// remains. Bytes left over after the last field are ignored.
///
/// The result has one value per field, then one per optional field read.
/// `version` is the tag's major version (2, 3 or 4); `body` must already
/// be unwrapped ([`unwrap_frame_body`]).
///
/// Errors: [`FrameError::JunkFrame`] for `SpecError`s and missing data;
/// [`FrameError::Struct`] passes through as in mutagen (a truncated `RVA2`
/// gain).
pub fn decode_frame_body<'a>(
    def: &FrameDef,
    version: u8,
    body: &'a [u8],
) -> Result<Vec<FieldValue<'a>>, FrameError> {
    match text_frame_shape(def) {
        Some(described) => read_text_frame(version, body, described),
        None => read_fields(def, version, body),
    }
}

/// The values of a frame body read field by field (what
/// [`decode_frame_body`] does for any frame but the usual text frames).
fn read_fields<'a>(
    def: &FrameDef,
    version: u8,
    body: &'a [u8],
) -> Result<Vec<FieldValue<'a>>, FrameError> {
    let mut ctx = SpecContext::new(version);
    let mut values = Vec::with_capacity(def.fields.len() + def.optional.len());
    let mut data = body;
    for field in def.fields {
        if data.is_empty() && !field.kind.handles_nodata() {
            return Err(FrameError::JunkFrame(Cow::Borrowed("no data left")));
        }
        data = read_field_into(field, &mut ctx, data, &mut values)
            .map_err(FrameError::for_frame_read)?;
    }
    for field in def.optional {
        if data.is_empty() && !field.kind.handles_nodata() {
            break;
        }
        data = read_field_into(field, &mut ctx, data, &mut values)
            .map_err(FrameError::for_frame_read)?;
    }
    Ok(values)
}

/// Whether `def` is a text frame of one of the usual shapes (read by
/// [`read_text_frame`] in one pass): an encoding byte, then a list of
/// texts in that encoding (`Some(false)`), or an encoding byte, a
/// description and a list of texts (`Some(true)`, `TXXX`); nothing
/// optional. None for any other frame.
fn text_frame_shape(def: &FrameDef) -> Option<bool> {
    let text_list = |field: &FieldDef| matches!(field.kind, FieldKind::Multi { parts: [text], .. } if text.kind.is_encoded_text());
    if !def.optional.is_empty() {
        return None;
    }
    match def.fields {
        [encoding, texts] if encoding.kind == FieldKind::Encoding && text_list(texts) => {
            Some(false)
        }
        [encoding, description, texts]
            if encoding.kind == FieldKind::Encoding
                && description.kind.is_encoded_text()
                && text_list(texts) =>
        {
            Some(true)
        }
        _ => None,
    }
}

/// [`unwrap_frame_body`] then [`decode_frame_body`]: the values of a frame
/// as found in a tag (`flags` as for [`unwrap_frame_body`]). Values borrow
/// from `body` unless the body had to be transformed (unsynchronised or
/// compressed).
pub fn decode_frame<'a>(
    def: &FrameDef,
    version: u8,
    flags: u16,
    body: &'a [u8],
) -> Result<Vec<FieldValue<'a>>, FrameError> {
    match unwrap_frame_body(version, flags, body)? {
        Cow::Borrowed(data) => decode_frame_body(def, version, data),
        Cow::Owned(data) => Ok(decode_frame_body(def, version, &data)?
            .into_iter()
            .map(FieldValue::into_owned)
            .collect()),
    }
}

/// The values as an ID3v2.3 save writes them (mutagen's
/// `_get_v23_frame`): UTF-16BE and UTF-8 (any encoding above 1) become
/// UTF-16, and with a
/// separator the strings of a text list are joined into one. Sub-frames
/// ([`FieldValue::Frames`]) are left as given: the caller renders them for
/// ID3v2.3.
pub fn v23_values<'v>(
    def: &FrameDef,
    values: &'v [FieldValue<'v>],
    separator: Option<&str>,
) -> Vec<Cow<'v, FieldValue<'v>>> {
    let fields = def.fields.iter().chain(def.optional);
    values
        .iter()
        .zip(fields)
        .map(|(value, field)| match (field.kind, value) {
            (FieldKind::Encoding, FieldValue::Int(v)) if *v > 1 => Cow::Owned(FieldValue::Int(1)),
            (
                FieldKind::Multi {
                    sep: Some('\0'), ..
                },
                FieldValue::TextList(items),
            ) => match separator {
                Some(sep) => Cow::Owned(FieldValue::TextList(vec![Cow::Owned(items.join(sep))])),
                None => Cow::Borrowed(value),
            },
            _ => Cow::Borrowed(value),
        })
        .collect()
}

/// Write a frame body from its values, as mutagen's `Frame._writeData`:
/// `values` holds one value per field, then values for a prefix of the
/// optional fields (writing stops at the first optional field without a
/// value). For an ID3v2.3 `config` the values are converted first
/// ([`v23_values`]) and checked again ([`validate_value`], as mutagen
/// rebuilds the frame).
///
/// Errors: a `SpecError` of a field becomes [`FrameError::Id3`]; other
/// classes pass through (`struct.error`, `ValueError`,
/// `UnicodeEncodeError` from Latin-1 and ASCII fields, ...).
pub fn encode_frame_body(
    def: &FrameDef,
    values: &[FieldValue<'_>],
    config: &WriteConfig,
) -> Result<Vec<u8>, FrameError> {
    if values.len() < def.fields.len() || values.len() > def.fields.len() + def.optional.len() {
        return Err(FrameError::Type(Cow::Owned(format!(
            "{} takes {} to {} values, got {}",
            def.id,
            def.fields.len(),
            def.fields.len() + def.optional.len(),
            values.len()
        ))));
    }
    let converted;
    let values: Vec<&FieldValue<'_>> = if config.v2_version == 3 {
        converted = v23_values(def, values, config.v23_separator.as_deref());
        for (field, value) in def.fields.iter().chain(def.optional).zip(&converted) {
            validate_value(&field.kind, value)?;
        }
        converted.iter().map(|v| v.as_ref()).collect()
    } else {
        values.iter().collect()
    };
    let mut ctx = SpecContext::new(config.v2_version);
    let mut out = Vec::new();
    for (field, value) in def.fields.iter().chain(def.optional).zip(values) {
        ctx.note(field, value);
        write_field(&field.kind, &ctx, value, &mut out).map_err(FrameError::for_frame_write)?;
    }
    Ok(out)
}

// --------------------------------------------------------------- hash key

fn latin1_string(data: &[u8]) -> String {
    data.iter().map(|&b| char::from(b)).collect()
}

/// The key mutagen stores a frame under in a tag (`Frame.HashKey`).
///
/// Most frames use their ID; frames that may repeat add what tells them
/// apart: `TXXX:desc`, `COMM:desc:lang`, `UFID:owner`, `POPM:email`,
/// `PRIV:owner:data`, `WCOM:url`, ... Binary parts are shown as Latin-1.
/// ID3v2.2 frames use the rule of the frame they upgrade to, with their own
/// ID. `salt` is appended to an `APIC`/`PIC` key (mutagen adds spaces there
/// to keep pictures with equal descriptions apart). `COMR` is keyed by its
/// whole ID3v2.4 body, so it can fail as [`encode_frame_body`] can.
pub fn hash_key(
    def: &FrameDef,
    values: &[FieldValue<'_>],
    salt: &str,
) -> Result<String, FrameError> {
    let base = def.upgrade.unwrap_or(def.id);
    let text = |name: &str| -> String {
        def.field(name)
            .and_then(|(i, _)| values.get(i))
            .map(|v| match v {
                FieldValue::Text(t) => t.to_string(),
                FieldValue::Int(n) => n.to_string(),
                FieldValue::BigInt(n) => n.to_string(),
                FieldValue::Bytes(b) => latin1_string(b),
                _ => String::new(),
            })
            .unwrap_or_default()
    };
    let id = def.id;
    Ok(match base {
        "TXXX" | "WXXX" | "GEOB" | "RVA2" | "EQU2" => format!("{id}:{}", text("desc")),
        "APIC" => format!("{id}:{}{salt}", text("desc")),
        "COMM" | "USLT" | "SYLT" => format!("{id}:{}:{}", text("desc"), text("lang")),
        "UFID" | "AENC" | "ENCR" => format!("{id}:{}", text("owner")),
        "POPM" => format!("{id}:{}", text("email")),
        "USER" => format!("{id}:{}", text("lang")),
        "CHAP" | "CTOC" => format!("{id}:{}", text("element_id")),
        "WCOM" | "WOAR" => format!("{id}:{}", text("url")),
        "PRIV" => format!("{id}:{}:{}", text("owner"), text("data")),
        "SIGN" => format!("{id}:{}:{}", text("group"), text("sig")),
        "GRID" => format!("{id}:{}", text("group")),
        "LINK" => format!("{id}:{}:{}:{}", text("frameid"), text("url"), text("data")),
        "COMR" => {
            let body = encode_frame_body(def, values, &WriteConfig::v24())?;
            format!("{id}:{}", latin1_string(&body))
        }
        _ => id.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text frame body: an encoding byte (sometimes a bad one), then
    /// texts and separators in that encoding or not (invalid sequences,
    /// odd lengths, runs of zero bytes), or random bytes.
    fn text_body(rng: &mut mtg_core::testing::Rng) -> Vec<u8> {
        let mut body = Vec::new();
        match rng.below(8) {
            0 => {
                let n = rng.below(12);
                return rng.bytes(n);
            }
            1 => body.push([4u8, 255, 0x80][rng.below(3)]),
            _ => body.push(rng.byte() % 4),
        }
        let enc = body[0];
        let wide = enc == 1 || enc == 2;
        for _ in 0..rng.below(4) {
            match rng.below(6) {
                0 => body.extend_from_slice(b"plain text"),
                1 => body.extend_from_slice("caf\u{e9} \u{263a}".as_bytes()),
                2 => body.extend_from_slice(&[0xe9, 0x41, 0xff, 0xc3]),
                3 if wide => body.extend_from_slice(&[0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]),
                3 => body.extend_from_slice(&[0xfe, 0xff, 0x00, 0x41]),
                4 => {
                    let n = rng.below(5);
                    body.extend(rng.bytes(n));
                }
                _ => {}
            }
            // a separator, a wide one, or a run of zero bytes
            let zeros = [1, 2, 2, 3, 4][rng.below(5)];
            body.extend(std::iter::repeat_n(0u8, zeros));
        }
        body
    }

    #[test]
    fn text_frames_read_in_one_pass_as_field_by_field() {
        let mut rng = mtg_core::testing::Rng::new(11);
        let defs: Vec<&FrameDef> = V24_FRAMES
            .iter()
            .chain(V22_FRAMES)
            .copied()
            .filter(|d| text_frame_shape(d).is_some())
            .collect();
        // TIT2, the numeric text frames and TXXX take the short path;
        // COMM, TIPL and WXXX do not
        assert!(defs.len() > 90, "{}", defs.len());
        assert_eq!(text_frame_shape(frame_v24("TIT2").unwrap()), Some(false));
        assert_eq!(text_frame_shape(frame_v24("TXXX").unwrap()), Some(true));
        assert_eq!(text_frame_shape(frame_v22("TXX").unwrap()), Some(true));
        for id in ["COMM", "TIPL", "WOAR", "WXXX", "USLT"] {
            assert_eq!(text_frame_shape(frame_v24(id).unwrap()), None, "{id}");
        }
        for _ in 0..20_000 {
            let def = defs[rng.below(defs.len())];
            let version = [2u8, 3, 4][rng.below(3)];
            let body = text_body(&mut rng);
            let described = text_frame_shape(def) == Some(true);
            assert_eq!(
                read_text_frame(version, &body, described),
                read_fields(def, version, &body),
                "{} v{version} {body:?}",
                def.id
            );
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(V24_FRAMES.len(), 105);
        assert_eq!(V22_FRAMES.len(), 71);
        assert_eq!(
            frame_v24("TIT2").map(|d| d.class),
            Some(FrameClass::TextFrame)
        );
        assert_eq!(frame_def(2, "TT2").and_then(|d| d.upgrade), Some("TIT2"));
        assert_eq!(frame_def(2, "CRM").and_then(|d| d.upgrade), None);
        assert!(frame_def(4, "TT2").is_none());
        assert!(frame_def(3, "XXXX").is_none());
        assert_eq!(upgrade_linked_frame_id("PIC"), "APIC");
        assert_eq!(upgrade_linked_frame_id("CRM"), "Frame");
        assert_eq!(upgrade_linked_frame_id("XYZ"), "XYZ ");
        for def in V24_FRAMES.iter().chain(V22_FRAMES) {
            assert_eq!(
                frame_def(if def.is_v22() { 2 } else { 4 }, def.id),
                Some(*def)
            );
        }
        // Prefixes, extensions and other lengths of known IDs are unknown.
        for id in [
            "", "T", "TI", "TIT", "TIT2 ", "TIT22", "TT2\0", "TT", "tit2", "TIT2\0",
        ] {
            assert!(frame_v24(id).is_none(), "{id:?}");
        }
        for id in ["", "T", "TT", "TT2 ", "TT2\0", "TT22", "TIT2", "tt2"] {
            assert!(frame_v22(id).is_none(), "{id:?}");
        }
    }

    #[test]
    fn decode_with_flags() {
        let tit2 = frame_v24("TIT2").unwrap();
        let values = decode_frame(tit2, 4, 0, b"\x03abc").unwrap();
        assert!(
            matches!(&values[1], FieldValue::TextList(t) if matches!(t[0], Cow::Borrowed("abc")))
        );
        let values = decode_frame(tit2, 4, FLAG24_UNSYNCH, b"\x00\xff\x00ab").unwrap();
        assert_eq!(
            values[1],
            FieldValue::TextList(vec![Cow::Borrowed("\u{ff}ab")])
        );
        assert_eq!(
            decode_frame(tit2, 3, FLAG23_ENCRYPT, b"\x00a"),
            Err(FrameError::EncryptionUnsupported)
        );
    }

    #[test]
    fn multi_kinds() {
        let text = FieldKind::multi(Some('\0'), &[FieldKind::EncodedText]);
        assert_eq!(text, Some(table::TEXT_FIELDS[1].kind));
        let people = FieldKind::multi(None, &[FieldKind::EncodedText, FieldKind::EncodedText]);
        assert_eq!(people, Some(table::PAIRED_TEXT[1].kind));
        assert!(FieldKind::multi(Some(','), &[FieldKind::TimeStamp]).is_some());
        assert!(FieldKind::multi(None, &[FieldKind::Byte]).is_none());
    }

    #[test]
    fn bytes_repr() {
        assert_eq!(py_bytes_repr(b"a'\x00\\\xff"), "b\"a'\\x00\\\\\\xff\"");
        assert_eq!(py_bytes_repr(b"a'\""), "b'a\\'\"'");
    }

    #[test]
    fn unwrap_flags() {
        // From mutagen's observed behaviour: v2.4 unsync + data length.
        let out = unwrap_frame_body(4, 0x03, b"\x00\x00\x00\x05\x00\xff\x00ab").unwrap();
        assert_eq!(out.as_ref(), b"\x00\xffab");
        assert_eq!(
            unwrap_frame_body(4, 0x04, b"\x00"),
            Err(FrameError::EncryptionUnsupported)
        );
        assert!(matches!(
            unwrap_frame_body(3, 0x80, b"\x00\x00"),
            Err(FrameError::JunkFrame(_))
        ));
        assert_eq!(unwrap_frame_body(2, 0xFFFF, b"x").unwrap().as_ref(), b"x");
    }
}
