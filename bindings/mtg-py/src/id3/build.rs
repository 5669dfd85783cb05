//! Frames of a loaded tag as Python frame objects, built here in one step
//! from mtg-id3's decoded values, instead of field by field in Python
//! (`Frame._fromData`, one `Spec.read` call and one validating
//! `__setattr__` per field).
//!
//! Only the standard classes are built here: a frame whose class in the
//! table the tag is read with is not the class `mutagen_rs.id3` defines for
//! that ID (a caller's `known_frames`, a replaced class), a frame with
//! sub-frames (`CHAP`, `CTOC`), an ID3v2.2 frame without an ID3v2.3/2.4
//! form, and a frame whose body does not decode are left to the Python path,
//! which gives them mutagen's exact handling. An ID3v2.2 frame is built
//! directly as the ID3v2.3/2.4 class its class derives from, which is what
//! adding it to a tag makes of it (`Frame._upgrade_frame`: the fields are
//! copied by name, and a v2.2 frame's fields have the same names as those
//! of the class it becomes).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use mtg_id3::frames::{
    decode_frame, decode_frame_body, frame_def, hash_key, FrameDef, V22_FRAMES, V24_FRAMES,
};
use mtg_id3::spec::FieldKind;
use mtg_id3::{FieldValue, FrameError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyType};

use super::spec::value_to_py;

/// Hashes a key made of `usize`s (addresses and lengths of static strings).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Keyed by (address, length): literals may share storage ("TIT" inside
/// "TIT2").
type ByAddress = HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>;

/// Python strings for every frame ID and field name of the frame tables,
/// by the address of the static text, made once per process (they are
/// names of the classes' API, not data read from files).
static NAMES: PyOnceLock<ByAddress> = PyOnceLock::new();

/// The Python string for `text`, a frame ID or field name of the frame
/// tables (any other text works too, more slowly).
fn name<'py>(py: Python<'py>, text: &'static str) -> Bound<'py, PyString> {
    let names = NAMES.get_or_init(py, || {
        let mut names = ByAddress::default();
        for def in V24_FRAMES.iter().chain(V22_FRAMES) {
            for text in
                std::iter::once(def.id).chain(def.fields.iter().chain(def.optional).map(|f| f.name))
            {
                names
                    .entry((text.as_ptr() as usize, text.len()))
                    .or_insert_with(|| PyString::intern(py, text).unbind());
            }
        }
        names
    });
    match names.get(&(text.as_ptr() as usize, text.len())) {
        Some(s) => s.bind(py).clone(),
        None => PyString::intern(py, text),
    }
}

/// A frame decoded before any Python object is made (this needs no GIL).
pub enum Decoded<'a> {
    /// Left to the Python path: no definition here, an ID3v2.2 frame
    /// without a v2.3/2.4 form, sub-frames, or a body that does not decode
    /// for another reason than junk.
    No,
    /// A body that is junk (`ID3JunkFrameError`): mutagen's load drops the
    /// frame when its class is the standard one.
    Junk,
    /// Not decoded yet: a frame of a lazy load that [`can_wait`] allows
    /// to be decoded when it is built ([`FrameBuilder::build`]).
    Later,
    /// Every field value, and the HashKey (None: the class computes it).
    Frame {
        /// The frame's definition.
        def: &'static FrameDef,
        /// Its field values.
        values: Vec<FieldValue<'a>>,
        /// Its HashKey, when computed here.
        key: Option<String>,
    },
    /// A picture held in part: every field but the image, which starts
    /// at `image_start` of the body.
    Picture {
        /// The frame's definition.
        def: &'static FrameDef,
        /// The field values before the image.
        values: Vec<FieldValue<'a>>,
        /// Its HashKey.
        key: Option<String>,
        /// Where the image starts in the body.
        image_start: usize,
    },
}

impl Decoded<'_> {
    /// The same, owning its values.
    pub fn into_owned(self) -> Decoded<'static> {
        let own = |values: Vec<FieldValue<'_>>| -> Vec<FieldValue<'static>> {
            values.into_iter().map(FieldValue::into_owned).collect()
        };
        match self {
            Decoded::No => Decoded::No,
            Decoded::Junk => Decoded::Junk,
            Decoded::Later => Decoded::Later,
            Decoded::Frame { def, values, key } => Decoded::Frame {
                def,
                values: own(values),
                key,
            },
            Decoded::Picture {
                def,
                values,
                key,
                image_start,
            } => Decoded::Picture {
                def,
                values: own(values),
                key,
                image_start,
            },
        }
    }
}

/// Whether a frame of the definition `def` may be decoded when it is
/// built rather than at the load: every field is of a kind whose bad data
/// the Python path drops as junk (`ID3JunkFrameError`) or keeps as an
/// unknown frame, so that deciding later changes nothing mutagen's load
/// would show. Frames with other kinds (a volume adjustment raises
/// `struct.error`, ASPI an `AttributeError`: from the load) and frames with
/// sub-frames are decoded at the load.
pub fn can_wait(def: &FrameDef) -> bool {
    fn junk_only(kind: &FieldKind) -> bool {
        match kind {
            FieldKind::Byte
            | FieldKind::Encoding
            | FieldKind::PictureType
            | FieldKind::BinaryData
            | FieldKind::EncodedText
            | FieldKind::EncodedNumericText
            | FieldKind::EncodedNumericPartText
            | FieldKind::Latin1Text
            | FieldKind::TimeStamp
            | FieldKind::String(_)
            | FieldKind::Integer
            | FieldKind::SizedInteger(_) => true,
            FieldKind::Multi { parts, .. } => parts.iter().all(|p| junk_only(&p.kind)),
            _ => false,
        }
    }
    def.fields
        .iter()
        .chain(def.optional)
        .all(|f| junk_only(&f.kind))
}

/// Whether a frame of definition `def`, in a tag of version `major`, may be
/// built here: any ID3v2.3/2.4 frame; an ID3v2.2 frame that becomes an
/// ID3v2.3/2.4 frame by copying its fields, which excludes `LNK` (the
/// frame ID it links to is converted too).
fn buildable(major: u8, def: &FrameDef) -> bool {
    major >= 3
        || def.upgrade.is_some()
            && !def
                .fields
                .iter()
                .chain(def.optional)
                .any(|f| matches!(f.kind, FieldKind::FrameId(_)))
}

/// The definition of the frame built for a frame of definition `def`: the
/// ID3v2.3/2.4 one an ID3v2.2 frame becomes (its fields have the same
/// names and order), else `def` itself.
fn built_as(def: &'static FrameDef) -> &'static FrameDef {
    def.upgrade.and_then(|id| frame_def(4, id)).unwrap_or(def)
}

/// Decodes a frame of a tag of version `major` as [`FrameBuilder`] builds
/// it: `body` with the frame's effective `flags`, or, for a body left in
/// the file (`deferred`), the `body` prefix held, stored as is. With
/// `later`, a frame held whole that [`can_wait`] allows is not decoded
/// ([`Decoded::Later`]).
pub fn decode<'a>(
    major: u8,
    id: &str,
    flags: u16,
    body: &'a [u8],
    deferred: bool,
    later: bool,
) -> Decoded<'a> {
    let Some(def) = frame_def(major, id) else {
        return Decoded::No;
    };
    if !buildable(major, def) {
        return Decoded::No;
    }
    if def
        .fields
        .iter()
        .chain(def.optional)
        .any(|f| f.kind == FieldKind::Id3Frames)
    {
        return Decoded::No;
    }
    if later && !deferred && can_wait(def) {
        return Decoded::Later;
    }
    let key_of = |values: &[FieldValue<'_>]| match hash_key(built_as(def), values, "") {
        Ok(key) if def.id != "COMR" => Some(key),
        _ => None,
    };
    if !deferred {
        return match decode_frame(def, major, flags, body) {
            Ok(values) => Decoded::Frame {
                key: key_of(&values),
                def,
                values,
            },
            Err(FrameError::JunkFrame(_)) => Decoded::Junk,
            Err(_) => Decoded::No,
        };
    }
    let (Some(last), true) = (def.fields.last(), def.optional.is_empty()) else {
        return Decoded::No;
    };
    if last.kind != FieldKind::BinaryData {
        return Decoded::No;
    }
    let Ok(mut values) = decode_frame_body(def, major, body) else {
        return Decoded::No;
    };
    match values.pop() {
        Some(FieldValue::Bytes(image))
            if !image.is_empty() && values.len() + 1 == def.fields.len() =>
        {
            Decoded::Picture {
                image_start: body.len() - image.len(),
                key: key_of(&values),
                def,
                values,
            }
        }
        _ => Decoded::No,
    }
}

/// What [`FrameBuilder`] makes of one frame of a tag.
pub enum Entry<'py> {
    /// The frame object and its HashKey.
    Built(Bound<'py, PyString>, Bound<'py, PyAny>),
    /// A frame of a standard class whose body is junk: mutagen's load
    /// drops it (`ID3JunkFrameError`).
    Dropped,
    /// Left to the Python path.
    Python,
}

/// Builds the frames of one tag.
pub struct FrameBuilder<'py> {
    py: Python<'py>,
    /// Frame ID to class: the table an ID3v2.3/2.4 tag is read with.
    table: Bound<'py, PyDict>,
    /// Frame ID to class: the table an ID3v2.2 tag is read with, if its
    /// frames may be built here.
    table22: Option<Bound<'py, PyDict>>,
    /// Frame ID to class: the classes this module may build (the standard
    /// ID3v2.3/2.4 classes without sub-frames, and the ID3v2.2 classes
    /// that derive from one of them).
    native: Bound<'py, PyDict>,
    object_new: Bound<'py, PyAny>,
}

impl<'py> FrameBuilder<'py> {
    /// A builder for frames looked up in `table` (`table22` for those of
    /// an ID3v2.2 tag; None leaves them to the Python path), built natively
    /// when the class found is the one `native` has for the ID.
    pub fn new(
        table: Bound<'py, PyDict>,
        table22: Option<Bound<'py, PyDict>>,
        native: Bound<'py, PyDict>,
    ) -> PyResult<Self> {
        let py = table.py();
        Ok(FrameBuilder {
            py,
            table,
            table22,
            native,
            object_new: crate::instance::object_new(py)?.clone(),
        })
    }

    /// The table a tag of version `major` is read with, if its frames may
    /// be built here.
    fn table_for(&self, major: u8) -> Option<&Bound<'py, PyDict>> {
        if major >= 3 {
            Some(&self.table)
        } else {
            self.table22.as_ref()
        }
    }

    /// The frame definition and the class to build for `id` in a tag of
    /// version `major`, when the frame is built here: the class the table
    /// has for it, or for an ID3v2.2 frame the class that one derives from.
    fn standard(
        &self,
        major: u8,
        id: &str,
    ) -> PyResult<Option<(&'static FrameDef, Bound<'py, PyType>)>> {
        let Some(def) = frame_def(major, id) else {
            return Ok(None);
        };
        let Some(table) = self.table_for(major).filter(|_| buildable(major, def)) else {
            return Ok(None);
        };
        let key = self.id_string(def, id);
        let Some(cls) = table.get_item(&key)? else {
            return Ok(None);
        };
        match self.native.get_item(&key)? {
            Some(standard) if standard.is(&cls) => {}
            _ => return Ok(None),
        }
        if def
            .fields
            .iter()
            .chain(def.optional)
            .any(|f| f.kind == FieldKind::Id3Frames)
        {
            return Ok(None);
        }
        let cls = if major < 3 {
            // what adding the frame to a tag makes of it
            cls.getattr(pyo3::intern!(self.py, "__base__"))?
        } else {
            cls
        };
        Ok(Some((def, cls.cast_into::<PyType>()?)))
    }

    /// The Python string for the frame ID `id` found as `def`: the
    /// interned one of the tables (its hash kept) when `id` is the
    /// definition's own ID.
    fn id_string(&self, def: &'static FrameDef, id: &str) -> Bound<'py, PyString> {
        if def.id == id {
            name(self.py, def.id)
        } else {
            PyString::new(self.py, id)
        }
    }

    /// Whether the table has a class for `id`.
    pub fn has(&self, id: &str) -> PyResult<bool> {
        self.table.contains(id)
    }

    /// Whether the class the table of a tag of version `major` has for
    /// `id` is the one built here.
    pub fn is_standard(&self, major: u8, id: &str) -> PyResult<bool> {
        let Some(table) = self.table_for(major) else {
            return Ok(false);
        };
        let key = match frame_def(major.max(2), id) {
            Some(def) if def.id == id => name(self.py, def.id),
            _ => PyString::new(self.py, id),
        };
        let Some(cls) = table.get_item(&key)? else {
            return Ok(false);
        };
        Ok(matches!(self.native.get_item(&key)?, Some(standard) if standard.is(&cls)))
    }

    /// What a [`Decoded`] frame becomes: the frame object and its
    /// HashKey, dropped (junk), or left to the Python path (not decoded
    /// here, or its class in the table is not the standard one). A picture
    /// gets `_image_source` from `image_source(offset in the body, length)`.
    pub fn build_decoded(
        &self,
        major: u8,
        id: &str,
        decoded: &Decoded<'_>,
        image_source: impl FnOnce(usize) -> PyResult<Bound<'py, PyAny>>,
    ) -> PyResult<Entry<'py>> {
        let (def, values, key, image) = match decoded {
            Decoded::No | Decoded::Later => return Ok(Entry::Python),
            Decoded::Junk => {
                return Ok(match self.standard(major, id)? {
                    Some(_) => Entry::Dropped,
                    None => Entry::Python,
                })
            }
            Decoded::Frame { def, values, key } => (*def, values, key, None),
            Decoded::Picture {
                def,
                values,
                key,
                image_start,
            } => (*def, values, key, Some(*image_start)),
        };
        let Some((_, cls)) = self.standard(major, id)? else {
            return Ok(Entry::Python);
        };
        let (py_key, frame, dict) = self.instantiate_keyed(def, &cls, values, key.as_deref())?;
        if let Some(start) = image {
            dict.set_item(
                pyo3::intern!(self.py, "_image_source"),
                image_source(start)?,
            )?;
        }
        Ok(Entry::Built(py_key, frame))
    }

    /// An instance of `cls` holding `values` (the first ones of `def`'s
    /// fields), with its HashKey.
    fn instantiate(
        &self,
        def: &'static FrameDef,
        cls: &Bound<'py, PyType>,
        values: &[FieldValue<'_>],
    ) -> PyResult<(Bound<'py, PyString>, Bound<'py, PyAny>, Bound<'py, PyDict>)> {
        let key = match hash_key(built_as(def), values, "") {
            Ok(key) if def.id != "COMR" => Some(key),
            _ => None,
        };
        self.instantiate_keyed(def, cls, values, key.as_deref())
    }

    /// [`FrameBuilder::instantiate`] with the HashKey known (None: the
    /// class computes it).
    fn instantiate_keyed(
        &self,
        def: &'static FrameDef,
        cls: &Bound<'py, PyType>,
        values: &[FieldValue<'_>],
        key: Option<&str>,
    ) -> PyResult<(Bound<'py, PyString>, Bound<'py, PyAny>, Bound<'py, PyDict>)> {
        let py = self.py;
        let frame = self.object_new.call1((cls,))?;
        let dict = frame
            .getattr(pyo3::intern!(py, "__dict__"))?
            .cast_into::<PyDict>()?;
        for (field, value) in def.fields.iter().chain(def.optional).zip(values) {
            dict.set_item(name(py, field.name), value_to_py(py, &field.kind, value)?)?;
        }
        let key = match key {
            // most frames' key is their ID
            Some(key) if key == built_as(def).id => name(py, built_as(def).id),
            Some(key) => PyString::new(py, key),
            // COMR's key is its encoded body: ask the class
            None => frame
                .getattr(pyo3::intern!(py, "HashKey"))?
                .cast_into::<PyString>()?,
        };
        Ok((key, frame, dict))
    }

    /// The frame read from `body` (flags as the tag says: see
    /// [`mtg_id3::Tag::effective_flags`]) and its HashKey, or None when it
    /// is not built here (junk included).
    pub fn build(
        &self,
        major: u8,
        id: &str,
        flags: u16,
        body: &[u8],
    ) -> PyResult<Option<(Bound<'py, PyString>, Bound<'py, PyAny>)>> {
        Ok(match self.build_entry(major, id, flags, body)? {
            Entry::Built(key, frame) => Some((key, frame)),
            Entry::Dropped | Entry::Python => None,
        })
    }

    /// What the frame read from `body` becomes (see [`FrameBuilder::build`]
    /// and [`Entry`]).
    pub fn build_entry(
        &self,
        major: u8,
        id: &str,
        flags: u16,
        body: &[u8],
    ) -> PyResult<Entry<'py>> {
        let Some((def, cls)) = self.standard(major, id)? else {
            return Ok(Entry::Python);
        };
        match decode_frame(def, major, flags, body) {
            Ok(values) => {
                let (key, frame, _) = self.instantiate(def, &cls, &values)?;
                Ok(Entry::Built(key, frame))
            }
            Err(FrameError::JunkFrame(_)) => Ok(Entry::Dropped),
            Err(_) => Ok(Entry::Python),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mtg_core::testing::Rng;

    /// A frame [`can_wait`] lets wait must fail only as junk, whatever its
    /// body: any other error is one mutagen's load raises, and must come
    /// from the load.
    #[test]
    fn frames_that_wait_fail_only_as_junk() {
        let mut rng = Rng::new(7);
        let mut waiting = 0;
        let defs = V24_FRAMES.iter().map(|d| (d, [3u8, 4]));
        let v22 = V22_FRAMES
            .iter()
            .filter(|d| buildable(2, d))
            .map(|d| (d, [2u8, 2]));
        for (def, majors) in defs.chain(v22) {
            if !can_wait(def) {
                continue;
            }
            waiting += 1;
            for major in majors {
                for _ in 0..400 {
                    let len = rng.below(24);
                    let mut body = rng.bytes(len);
                    // mostly a valid encoding byte first, and some NULs
                    if !body.is_empty() && rng.below(4) > 0 {
                        body[0] = rng.byte() % 4;
                    }
                    for b in body.iter_mut().skip(1) {
                        if rng.below(4) == 0 {
                            *b = 0;
                        }
                    }
                    match decode_frame(def, major, 0, &body) {
                        Ok(_) | Err(FrameError::JunkFrame(_)) => {}
                        Err(e) => panic!("{} {major} {body:?}: {e:?}", def.id),
                    }
                }
            }
        }
        // the text frames and the other common ones wait
        assert!(waiting > 120, "{waiting}");
        for id in [
            "TIT2", "TXXX", "COMM", "USLT", "APIC", "UFID", "WXXX", "TDRC",
        ] {
            assert!(can_wait(frame_def(4, id).unwrap()), "{id}");
        }
        for id in ["RVA2", "ASPI", "CHAP", "CTOC", "RVAD", "EQU2"] {
            assert!(!can_wait(frame_def(4, id).unwrap()), "{id}");
        }
        for id in ["TT2", "PIC", "COM", "TXX"] {
            assert!(can_wait(frame_def(2, id).unwrap()), "{id}");
        }
        // LNK's linked frame ID changes when it is upgraded: not built here
        assert!(!buildable(2, frame_def(2, "LNK").unwrap()));
        assert!(buildable(2, frame_def(2, "PIC").unwrap()));
        assert!(!buildable(2, frame_def(2, "CRM").unwrap()));
    }
}
