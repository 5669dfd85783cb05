//! `MP3(path)` and `ID3(path)` made in one native call: when the tag's
//! frames can wait (the lazy load of `ID3._load`), the tag object (and for
//! MP3 the stream info) are filled in here with the attributes, in the
//! order, the Python steps (`ID3()`, `ID3._load`, `_info_from`) give them;
//! otherwise `id3_read`'s answer goes back for those steps.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};

use crate::id3::id3_read;
use crate::instance::{instance_dict, new_instance_with_dict};

/// The entry `name` of `id3_read`'s answer.
fn item<'py>(
    read: &Bound<'py, PyDict>,
    name: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyAny>> {
    read.get_item(name)?
        .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(name.clone().unbind()))
}

/// Fills `tags` (the empty `__dict__` of an `ID3`) from the lazy answer
/// `read` of `id3_read(path, ...)`: `_header` (a `header_class` instance),
/// `_version`, `_unknown_v2_version`, `filename`, `_padding`, `_pending`.
fn fill_lazy_tags<'py>(
    tags: &Bound<'py, PyDict>,
    read: &Bound<'py, PyDict>,
    path: &Bound<'py, PyAny>,
    header_class: &Bound<'py, PyAny>,
) -> PyResult<()> {
    let py = tags.py();
    let version = item(read, intern!(py, "version"))?.cast_into::<PyTuple>()?;
    let (header, hd) = new_instance_with_dict(header_class)?;
    hd.set_item(intern!(py, "_flags"), item(read, intern!(py, "flags"))?)?;
    hd.set_item(intern!(py, "version"), &version)?;
    hd.set_item(intern!(py, "size"), item(read, intern!(py, "size"))?)?;
    let ext = item(read, intern!(py, "ext_data"))?;
    if !ext.is_none() {
        hd.set_item(intern!(py, "_extdata"), ext)?;
    }

    tags.set_item(intern!(py, "_header"), header)?;
    tags.set_item(intern!(py, "_version"), (2u8, 4u8, 0u8))?;
    tags.set_item(intern!(py, "_unknown_v2_version"), version.get_item(1)?)?;
    tags.set_item(intern!(py, "filename"), path)?;
    tags.set_item(intern!(py, "_padding"), item(read, intern!(py, "padding"))?)?;
    // (frames, frames stored before the load, ID3v1 fields, translate,
    // v2_version): what ID3._load leaves for ID3._materialize
    let pending = PyTuple::new(
        py,
        [
            item(read, intern!(py, "frames"))?,
            PyDict::new(py).into_any(),
            item(read, intern!(py, "v1"))?,
            true.into_pyobject(py)?.to_owned().into_any(),
            4u8.into_pyobject(py)?.into_any(),
        ],
    )?;
    tags.set_item(intern!(py, "_pending"), pending)
}

/// `id3_read(path, True, None, 4, table, native, mpeg_modes, True,
/// table22)`: the read `ID3(path)` and `MP3(path)` make (the frames left
/// for later when they can be).
fn read_lazily<'py>(
    path: &Bound<'py, PyAny>,
    (table, table22): (Bound<'py, PyDict>, Bound<'py, PyDict>),
    native: Bound<'py, PyDict>,
    mpeg_modes: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    id3_read(
        path.py(),
        path,
        true,
        None,
        4,
        Some(table),
        Some(native),
        mpeg_modes,
        true,
        Some(table22),
    )
}

/// Whether `read` (an `id3_read` answer) left the frames for later.
fn is_lazy(read: &Bound<'_, PyDict>) -> PyResult<bool> {
    Ok(read.get_item(intern!(read.py(), "lazy"))?.is_some())
}

/// `MP3(path).load` for a plain path and the standard `ID3` class.
///
/// Reads as `id3_read(path, True, None, 4, table, native, mpeg_modes,
/// True, table22)` does, then:
///
/// * a file without any ID3 tag: `(None, info)`;
/// * a tag whose frames are left for later: `(tags, info)`, `tags` a new
///   `id3_class` instance (see [`fill_lazy_tags`]);
/// * anything else: `id3_read`'s dict, for the Python path.
///
/// `info` is an `info_class` instance with `id3_read`'s `mpeg` attributes,
/// or the exception reading the stream raised (for the caller to raise).
#[pyfunction]
#[allow(clippy::too_many_arguments)]
pub fn mp3_open<'py>(
    py: Python<'py>,
    path: &Bound<'py, PyAny>,
    mpeg_modes: Bound<'py, PyAny>,
    tables: (Bound<'py, PyDict>, Bound<'py, PyDict>),
    native: Bound<'py, PyDict>,
    id3_class: &Bound<'py, PyAny>,
    header_class: &Bound<'py, PyAny>,
    info_class: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let read = read_lazily(path, tables, native, Some(mpeg_modes))?;
    let untagged = read.get_item(intern!(py, "untagged"))?.is_some();
    if !untagged && !is_lazy(&read)? {
        return Ok(read.into_any());
    }
    let info = match item(&read, intern!(py, "mpeg"))? {
        attrs if attrs.is_instance_of::<PyDict>() => {
            // (MPEGInfo extends a native class: its own __new__, not
            // object's)
            let info = info_class.call_method1(intern!(py, "__new__"), (info_class,))?;
            info.setattr(intern!(py, "__dict__"), attrs)?;
            info
        }
        error => error,
    };
    if untagged {
        return Ok(PyTuple::new(py, [py.None().into_bound(py), info])?.into_any());
    }
    let (tags, td) = new_instance_with_dict(id3_class)?;
    fill_lazy_tags(&td, &read, path, header_class)?;
    Ok(PyTuple::new(py, [tags, info])?.into_any())
}

/// `ID3(path)` for a plain path and the `ID3` class itself: reads as
/// `id3_read(path, True, None, 4, table, native, None, True, table22)`
/// does (`tables` is `(table, table22)`); when the
/// frames are left for later, fills in `tags` (a new `ID3` whose
/// `__init__` has not run: its `__dict__` is empty) as the Python steps
/// would (see [`fill_lazy_tags`]) and returns None; else returns
/// `id3_read`'s dict, for the Python path.
#[pyfunction]
pub fn id3_open_into<'py>(
    tags: &Bound<'py, PyAny>,
    path: &Bound<'py, PyAny>,
    tables: (Bound<'py, PyDict>, Bound<'py, PyDict>),
    native: Bound<'py, PyDict>,
    header_class: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    let read = read_lazily(path, tables, native, None)?;
    if !is_lazy(&read)? {
        return Ok(Some(read));
    }
    let td = instance_dict(tags)?;
    if !td.is_empty() {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "id3_open_into needs a tag whose __init__ has not run",
        ));
    }
    fill_lazy_tags(&td, &read, path, header_class)?;
    Ok(None)
}
