//! Frames of a loaded tag as Python frame objects, built here in one step
//! from mtg-id3's decoded values, instead of field by field in Python
//! (`Frame._fromData`, one `Spec.read` call and one validating
//! `__setattr__` per field).
//!
//! Only the standard classes are built here: a frame whose class in the
//! table the tag is read with is not the class `mutagen_rs.id3` defines for
//! that ID (a caller's `known_frames`, a replaced class), a frame with
//! sub-frames (`CHAP`, `CTOC`), an ID3v2.2 frame (upgraded on the way in)
//! and a frame whose body does not decode are left to the Python path, which
//! gives them mutagen's exact handling.

use mtg_id3::frames::{decode_frame, decode_frame_body, frame_def, hash_key, FrameDef};
use mtg_id3::spec::FieldKind;
use mtg_id3::FieldValue;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString, PyType};

use super::spec::value_to_py;

/// `object.__new__`: an instance of a frame class without running its
/// `__init__` (whose per-field validation is what this module avoids).
static OBJECT_NEW: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn object_new(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    OBJECT_NEW
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(
                py.get_type::<pyo3::types::PyAny>()
                    .getattr(pyo3::intern!(py, "__new__"))?
                    .unbind(),
            )
        })
        .map(|f| f.bind(py))
}

/// Builds the frames of one tag.
pub struct FrameBuilder<'py> {
    py: Python<'py>,
    /// Frame ID to class: the table the tag is read with.
    table: Bound<'py, PyDict>,
    /// Frame ID to class: the classes this module may build (the standard
    /// ID3v2.3/2.4 classes without sub-frames).
    native: Bound<'py, PyDict>,
    object_new: Bound<'py, PyAny>,
}

impl<'py> FrameBuilder<'py> {
    /// A builder for frames looked up in `table`, built natively when the
    /// class found is the one `native` has for the ID.
    pub fn new(table: Bound<'py, PyDict>, native: Bound<'py, PyDict>) -> PyResult<Self> {
        let py = table.py();
        Ok(FrameBuilder {
            py,
            table,
            native,
            object_new: object_new(py)?.clone(),
        })
    }

    /// The frame definition and class for `id`, when the frame is built
    /// here.
    fn standard(
        &self,
        major: u8,
        id: &str,
    ) -> PyResult<Option<(&'static FrameDef, Bound<'py, PyType>)>> {
        if major < 3 {
            return Ok(None);
        }
        let Some(def) = frame_def(major, id) else {
            return Ok(None);
        };
        let Some(cls) = self.table.get_item(id)? else {
            return Ok(None);
        };
        match self.native.get_item(id)? {
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
        Ok(Some((def, cls.cast_into::<PyType>()?)))
    }

    /// An instance of `cls` holding `values` (the first ones of `def`'s
    /// fields), with its HashKey.
    fn instantiate(
        &self,
        def: &FrameDef,
        cls: &Bound<'py, PyType>,
        values: &[FieldValue<'_>],
    ) -> PyResult<(Bound<'py, PyString>, Bound<'py, PyAny>, Bound<'py, PyDict>)> {
        let py = self.py;
        let frame = self.object_new.call1((cls,))?;
        let dict = frame
            .getattr(pyo3::intern!(py, "__dict__"))?
            .cast_into::<PyDict>()?;
        for (field, value) in def.fields.iter().chain(def.optional).zip(values) {
            dict.set_item(
                PyString::intern(py, field.name),
                value_to_py(py, &field.kind, value)?,
            )?;
        }
        let key = match hash_key(def, values, "") {
            Ok(key) if def.id != "COMR" => PyString::new(py, &key),
            // COMR's key is its encoded body: ask the class
            _ => frame
                .getattr(pyo3::intern!(py, "HashKey"))?
                .cast_into::<PyString>()?,
        };
        Ok((key, frame, dict))
    }

    /// The frame read from `body` (flags as the tag says: see
    /// [`mtg_id3::Tag::effective_flags`]) and its HashKey, or None when the
    /// Python path must read it.
    pub fn build(
        &self,
        major: u8,
        id: &str,
        flags: u16,
        body: &[u8],
    ) -> PyResult<Option<(Bound<'py, PyString>, Bound<'py, PyAny>)>> {
        let Some((def, cls)) = self.standard(major, id)? else {
            return Ok(None);
        };
        let Ok(values) = decode_frame(def, major, flags, body) else {
            return Ok(None);
        };
        let (key, frame, _) = self.instantiate(def, &cls, &values)?;
        Ok(Some((key, frame)))
    }

    /// A picture frame whose body is held only in part (`prefix`, of a
    /// body of `size` bytes left in the file, stored as is): every field
    /// but the image, which `image_source(offset, length)` (its place in
    /// the body) describes as the frame's `_image_source`, read when
    /// `data` is first asked for. None when the prefix does not reach the
    /// image: the caller reads the whole body.
    pub fn build_picture(
        &self,
        major: u8,
        id: &str,
        prefix: &[u8],
        size: usize,
        image_source: impl FnOnce(usize, usize) -> PyResult<Bound<'py, PyAny>>,
    ) -> PyResult<Option<(Bound<'py, PyString>, Bound<'py, PyAny>)>> {
        let Some((def, cls)) = self.standard(major, id)? else {
            return Ok(None);
        };
        let (Some(last), true) = (def.fields.last(), def.optional.is_empty()) else {
            return Ok(None);
        };
        if last.kind != FieldKind::BinaryData {
            return Ok(None);
        }
        let Ok(mut values) = decode_frame_body(def, major, prefix) else {
            return Ok(None);
        };
        let image_start = match values.pop() {
            Some(FieldValue::Bytes(image))
                if !image.is_empty() && values.len() + 1 == def.fields.len() =>
            {
                prefix.len() - image.len()
            }
            _ => return Ok(None),
        };
        let (key, frame, dict) = self.instantiate(def, &cls, &values)?;
        dict.set_item(
            pyo3::intern!(self.py, "_image_source"),
            image_source(image_start, size - image_start)?,
        )?;
        Ok(Some((key, frame)))
    }
}
