//! `Spec.read` / `Spec.write` of `mutagen_rs.id3._specs`: one frame field
//! between bytes and its Python value, done by mtg-id3's field codecs.

use std::borrow::Cow;

use mtg_id3::spec::{read_field, write_field, FieldKind, FrameError, SpecContext};
use mtg_id3::value::{FieldValue, PyInt};
use mtg_id3::Id3TimeStamp;
use pyo3::exceptions::{PyAttributeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyFloat, PyInt as PyIntType, PyList, PyString, PyTuple};

use crate::errors;

/// The Python exception mutagen raises for a field error.
pub fn frame_error(py: Python<'_>, err: &FrameError) -> PyErr {
    let (module, class) = err.python_class();
    let message = err.message().to_owned();
    let module = match module {
        "mutagen.id3._specs" => "mutagen_rs.id3._specs",
        "mutagen.id3" => "mutagen_rs.id3._util",
        other => other,
    };
    if let FrameError::Encode { error, .. } = err {
        return errors::unicode_encode_error(error, "");
    }
    errors::new_err(py, module, class, message)
}

/// The field kind of a Python spec object (found by its class, or the
/// nearest spec class it derives from).
pub fn kind_of(spec: &Bound<'_, PyAny>) -> PyResult<FieldKind> {
    let py = spec.py();
    let mro = spec.get_type().getattr(pyo3::intern!(py, "__mro__"))?;
    for cls in mro.try_iter()? {
        let name: String = cls?.getattr(pyo3::intern!(py, "__name__"))?.extract()?;
        if name == "MultiSpec" {
            let sep: Option<String> = spec.getattr("sep")?.extract()?;
            let sep = sep.and_then(|s| s.chars().next());
            let parts = spec
                .getattr("specs")?
                .try_iter()?
                .map(|s| kind_of(&s?))
                .collect::<PyResult<Vec<_>>>()?;
            return FieldKind::multi(sep, &parts)
                .ok_or_else(|| PyTypeError::new_err("unsupported MultiSpec combination"));
        }
        let size: u8 = match name.as_str() {
            "StringSpec" | "FrameIDSpec" => spec.getattr("len")?.extract()?,
            "SizedIntegerSpec" => spec.getattr("_size")?.extract()?,
            _ => 0,
        };
        let stereo_only = name == "RVASpec" && spec.getattr("_max_values")?.extract::<u8>()? == 4;
        if let Some(kind) = FieldKind::from_spec_class(&name, size, stereo_only) {
            return Ok(kind);
        }
    }
    Err(PyTypeError::new_err("not an ID3 spec"))
}

/// A class of `mutagen_rs.id3._specs`, looked up once per process (the
/// classes, not any value read from a file).
fn specs_class<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    cell.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import("mutagen_rs.id3._specs")?.getattr(name)?.unbind())
    })
    .map(|c| c.bind(py).clone())
}

static ENCODING: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static ENCODINGS: PyOnceLock<[Py<PyAny>; 4]> = PyOnceLock::new();
static PICTURE_TYPE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static CTOC_FLAGS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static TIME_STAMP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn int_to_py<'py>(py: Python<'py>, v: &PyInt) -> PyResult<Bound<'py, PyAny>> {
    match v {
        PyInt::Small(i) => Ok(i.into_pyobject(py)?.into_any()),
        PyInt::Big {
            negative,
            magnitude,
        } => {
            let int_type = py.get_type::<PyIntType>();
            let value =
                int_type.call_method1("from_bytes", (PyBytes::new(py, magnitude), "big"))?;
            if *negative {
                value.neg()
            } else {
                Ok(value)
            }
        }
    }
}

fn int_from_py(obj: &Bound<'_, PyAny>) -> PyResult<PyInt> {
    if let Ok(i) = obj.extract::<i64>() {
        return Ok(PyInt::Small(i));
    }
    let negative = obj.lt(0)?;
    let magnitude = obj.call_method0("__abs__")?;
    let bits: usize = magnitude.call_method0("bit_length")?.extract()?;
    let bytes = magnitude.call_method1("to_bytes", (bits.div_ceil(8), "big"))?;
    Ok(PyInt::from_be_bytes(
        bytes.cast::<PyBytes>()?.as_bytes(),
        negative,
    ))
}

/// `ID3TimeStamp(ts.text())`, made without running its `__init__`: the
/// instance's attributes are what `set_text` sets, from the same parse.
fn timestamp_to_py<'py>(py: Python<'py>, ts: &Id3TimeStamp) -> PyResult<Bound<'py, PyAny>> {
    let cls = specs_class(py, &TIME_STAMP, "ID3TimeStamp")?;
    let parsed = Id3TimeStamp::parse(&ts.text());
    let obj = crate::instance::new_instance(&cls)?;
    let dict = obj
        .getattr(pyo3::intern!(py, "__dict__"))?
        .cast_into::<pyo3::types::PyDict>()?;
    dict.set_item(pyo3::intern!(py, "year"), parsed.year)?;
    dict.set_item(pyo3::intern!(py, "month"), parsed.month)?;
    dict.set_item(pyo3::intern!(py, "day"), parsed.day)?;
    dict.set_item(pyo3::intern!(py, "hour"), parsed.hour)?;
    dict.set_item(pyo3::intern!(py, "minute"), parsed.minute)?;
    dict.set_item(pyo3::intern!(py, "second"), parsed.second)?;
    Ok(obj)
}

/// A field value as the Python object mutagen gives for a `kind` field.
pub fn value_to_py<'py>(
    py: Python<'py>,
    kind: &FieldKind,
    value: &FieldValue<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let wrap = |cell: &'static PyOnceLock<Py<PyAny>>,
                class: &str,
                v: i64|
     -> PyResult<Bound<'py, PyAny>> { specs_class(py, cell, class)?.call1((v,)) };
    Ok(match (kind, value) {
        (FieldKind::Encoding, FieldValue::Int(v @ 0..=3)) => {
            // the four encodings, made once (immutable int subclasses)
            let members = ENCODINGS.get_or_try_init(py, || -> PyResult<[Py<PyAny>; 4]> {
                let cls = specs_class(py, &ENCODING, "Encoding")?;
                Ok([
                    cls.call1((0,))?.unbind(),
                    cls.call1((1,))?.unbind(),
                    cls.call1((2,))?.unbind(),
                    cls.call1((3,))?.unbind(),
                ])
            })?;
            members[*v as usize].bind(py).clone()
        }
        (FieldKind::Encoding, FieldValue::Int(v)) => wrap(&ENCODING, "Encoding", *v)?,
        (FieldKind::PictureType, FieldValue::Int(v)) => wrap(&PICTURE_TYPE, "PictureType", *v)?,
        (FieldKind::CtocFlags, FieldValue::Int(v)) => wrap(&CTOC_FLAGS, "CTOCFlags", *v)?,
        (_, FieldValue::Int(v)) => v.into_pyobject(py)?.into_any(),
        (_, FieldValue::BigInt(v)) => int_to_py(py, v)?,
        (_, FieldValue::Float(v)) => PyFloat::new(py, *v).into_any(),
        (_, FieldValue::Text(s)) => PyString::new(py, s).into_any(),
        (_, FieldValue::Bytes(b)) | (_, FieldValue::Frames(b)) => PyBytes::new(py, b).into_any(),
        (_, FieldValue::TimeStamp(ts)) => timestamp_to_py(py, ts)?,
        (_, FieldValue::TextList(items)) => {
            PyList::new(py, items.iter().map(|s| s.as_ref()))?.into_any()
        }
        (_, FieldValue::TimeStampList(items)) => {
            let list = PyList::empty(py);
            for ts in items {
                list.append(timestamp_to_py(py, ts)?)?;
            }
            list.into_any()
        }
        (_, FieldValue::TextTuples(rows)) => {
            let list = PyList::empty(py);
            for row in rows {
                list.append(PyList::new(py, row.iter().map(|s| s.as_ref()))?)?;
            }
            list.into_any()
        }
        (_, FieldValue::IntList(items)) => {
            let list = PyList::empty(py);
            for v in items {
                list.append(int_to_py(py, v)?)?;
            }
            list.into_any()
        }
        (_, FieldValue::SyncedText(items)) => {
            let list = PyList::empty(py);
            for (text, time) in items {
                list.append((text.as_ref(), *time))?;
            }
            list.into_any()
        }
        (_, FieldValue::KeyEvents(items)) => PyList::new(py, items.iter().copied())?.into_any(),
        (_, FieldValue::VolumeAdjustments(items)) => {
            PyList::new(py, items.iter().copied())?.into_any()
        }
    })
}

fn text_of(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if obj.is_instance_of::<PyString>() {
        return obj.extract();
    }
    // mutagen calls str methods on the value: anything else fails with the
    // AttributeError Python gives for the missing method.
    let type_name = obj.get_type().name()?.to_string();
    Err(PyAttributeError::new_err(format!(
        "'{type_name}' object has no attribute 'encode'"
    )))
}

fn timestamp_of(obj: &Bound<'_, PyAny>) -> PyResult<Id3TimeStamp> {
    let text = obj.getattr("text").map_err(|_| {
        let type_name = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        PyAttributeError::new_err(format!("'{type_name}' object has no attribute 'encode'"))
    })?;
    Ok(Id3TimeStamp::parse(&text.extract::<String>()?))
}

fn list_of<'py, T>(
    obj: &Bound<'py, PyAny>,
    item: impl Fn(&Bound<'py, PyAny>) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    obj.try_iter()?.map(|v| item(&v?)).collect()
}

/// A Python value as the field value mtg-id3 writes for a `kind` field.
pub fn value_from_py(kind: &FieldKind, obj: &Bound<'_, PyAny>) -> PyResult<FieldValue<'static>> {
    Ok(match kind {
        FieldKind::Byte
        | FieldKind::PictureType
        | FieldKind::CtocFlags
        | FieldKind::Channel
        | FieldKind::Encoding => {
            if obj.is_none() || !obj.is_instance_of::<PyIntType>() {
                let type_name = obj.get_type().name()?.to_string();
                return Err(PyTypeError::new_err(format!(
                    "'{type_name}' object cannot be interpreted as an integer"
                )));
            }
            FieldValue::Int(obj.extract()?)
        }
        FieldKind::Integer | FieldKind::SizedInteger(_) => match int_from_py(obj)? {
            PyInt::Small(v) => FieldValue::Int(v),
            big => FieldValue::BigInt(Box::new(big)),
        },
        FieldKind::String(_)
        | FieldKind::FrameId(_)
        | FieldKind::EncodedText
        | FieldKind::EncodedNumericText
        | FieldKind::EncodedNumericPartText
        | FieldKind::Latin1Text => FieldValue::Text(Cow::Owned(text_of(obj)?)),
        FieldKind::Rva { .. } | FieldKind::AspiIndex => {
            FieldValue::IntList(list_of(obj, int_from_py)?)
        }
        FieldKind::BinaryData => {
            FieldValue::Bytes(Cow::Owned(obj.cast::<PyBytes>()?.as_bytes().to_vec()))
        }
        FieldKind::Id3Frames => {
            FieldValue::Frames(Cow::Owned(obj.cast::<PyBytes>()?.as_bytes().to_vec()))
        }
        FieldKind::Latin1TextList => {
            FieldValue::TextList(list_of(obj, |v| text_of(v).map(Cow::Owned))?)
        }
        FieldKind::TimeStamp => FieldValue::TimeStamp(Box::new(timestamp_of(obj)?)),
        FieldKind::Multi { parts, .. } => match parts {
            [one] if one.kind == FieldKind::TimeStamp => {
                FieldValue::TimeStampList(list_of(obj, timestamp_of)?)
            }
            [_] => FieldValue::TextList(list_of(obj, |v| text_of(v).map(Cow::Owned))?),
            _ => FieldValue::TextTuples(list_of(obj, |row| {
                list_of(row, |v| text_of(v).map(Cow::Owned))
            })?),
        },
        FieldKind::SynchronizedText => FieldValue::SyncedText(list_of(obj, |pair| {
            let (text, time): (Bound<'_, PyAny>, i64) = pair.extract()?;
            Ok((Cow::Owned(text_of(&text)?), time))
        })?),
        FieldKind::KeyEvent => FieldValue::KeyEvents(list_of(obj, |pair| pair.extract())?),
        FieldKind::VolumeAdjustments => {
            FieldValue::VolumeAdjustments(list_of(obj, |pair| pair.extract())?)
        }
        FieldKind::VolumeAdjustment | FieldKind::VolumePeak => FieldValue::Float(obj.extract()?),
    })
}

/// Whether reading `kind` depends on the tag version (so needs a header).
fn needs_header(kind: &FieldKind) -> bool {
    match kind {
        FieldKind::EncodedText
        | FieldKind::EncodedNumericText
        | FieldKind::EncodedNumericPartText
        | FieldKind::TimeStamp => true,
        FieldKind::Multi { parts, .. } => parts.iter().any(|p| needs_header(&p.kind)),
        _ => false,
    }
}

fn optional_int(obj: &Bound<'_, PyAny>, name: &Bound<'_, PyString>) -> PyResult<Option<i64>> {
    if obj.is_none() {
        return Ok(None);
    }
    match obj.getattr(name) {
        Ok(v) if !v.is_none() => Ok(Some(v.extract()?)),
        _ => Ok(None),
    }
}

/// Whether a field of `kind` is read or written in the frame's encoding.
fn uses_encoding(kind: &FieldKind) -> bool {
    match kind {
        FieldKind::EncodedText
        | FieldKind::EncodedNumericText
        | FieldKind::EncodedNumericPartText
        | FieldKind::TimeStamp
        | FieldKind::SynchronizedText => true,
        FieldKind::Multi { parts, .. } => parts.iter().any(|p| uses_encoding(&p.kind)),
        _ => false,
    }
}

/// The context a field of `kind` is read or written in: the frame's
/// attributes that field depends on (`encoding`; ASPI's `b` and `N`), each
/// looked up only for the kinds that use it (a missing attribute costs an
/// exception).
fn context(frame: &Bound<'_, PyAny>, kind: &FieldKind, version: u8) -> PyResult<SpecContext> {
    let py = frame.py();
    let mut ctx = SpecContext::new(version);
    if uses_encoding(kind) {
        ctx.encoding = optional_int(frame, pyo3::intern!(py, "encoding"))?;
    }
    if *kind == FieldKind::AspiIndex {
        ctx.aspi_bits = optional_int(frame, pyo3::intern!(py, "b"))?;
        ctx.aspi_count = optional_int(frame, pyo3::intern!(py, "N"))?;
    }
    Ok(ctx)
}

/// `Spec.read(header, frame, data)`: the field's value and the bytes after it.
#[pyfunction]
pub fn id3_spec_read<'py>(
    py: Python<'py>,
    spec: &Bound<'py, PyAny>,
    header: &Bound<'py, PyAny>,
    frame: &Bound<'py, PyAny>,
    data: &[u8],
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyBytes>)> {
    let kind = kind_of(spec)?;
    let version: u8 = if header.is_none() {
        if needs_header(&kind) {
            return Err(PyAttributeError::new_err(
                "'NoneType' object has no attribute 'version'",
            ));
        }
        4
    } else {
        header.getattr("version")?.get_item(1)?.extract()?
    };
    let ctx = context(frame, &kind, version)?;
    let (value, rest) = read_field(&kind, &ctx, data).map_err(|e| frame_error(py, &e))?;
    Ok((value_to_py(py, &kind, &value)?, PyBytes::new(py, rest)))
}

/// `Spec.write(config, frame, value)`: the field's bytes.
#[pyfunction]
pub fn id3_spec_write<'py>(
    py: Python<'py>,
    spec: &Bound<'py, PyAny>,
    config: &Bound<'py, PyAny>,
    frame: &Bound<'py, PyAny>,
    value: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let kind = kind_of(spec)?;
    let version: u8 = if config.is_none() {
        4
    } else {
        config.getattr("v2_version")?.extract()?
    };
    let ctx = context(frame, &kind, version)?;
    let field = value_from_py(&kind, value)?;
    let mut out = Vec::new();
    write_field(&kind, &ctx, &field, &mut out).map_err(|e| match &e {
        FrameError::Encode { error, .. } => {
            let object = value.extract::<String>().unwrap_or_default();
            errors::unicode_encode_error(error, &object)
        }
        _ => frame_error(py, &e),
    })?;
    Ok(PyBytes::new(py, &out))
}

/// `ID3TimeStamp` parsing: (year, month, day, hour, minute, second), each
/// None where absent.
#[pyfunction]
pub fn id3_timestamp_parse(text: &str) -> [Option<i64>; 6] {
    let ts = Id3TimeStamp::parse(text);
    [ts.year, ts.month, ts.day, ts.hour, ts.minute, ts.second]
}

/// Undoes a frame's per-frame flags (unsync, data length, compression;
/// encryption raises) for a tag of `version` ((2, major, revision)).
#[pyfunction]
pub fn id3_unwrap_frame_body<'py>(
    py: Python<'py>,
    version: &Bound<'py, PyTuple>,
    flags: u16,
    data: &[u8],
) -> PyResult<Bound<'py, PyBytes>> {
    let major: u8 = version.get_item(1)?.extract()?;
    match mtg_id3::frames::unwrap_frame_body(major, flags, data) {
        Ok(body) => Ok(PyBytes::new(py, &body)),
        Err(e) => Err(frame_error(py, &e)),
    }
}
