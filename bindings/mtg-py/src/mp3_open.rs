//! `mp3_open`: what `MP3(path)` loads (its ID3 tag, left unbuilt, and its
//! stream info) made into the Python objects in one native call, instead of
//! the Python steps `MP3.load` takes with `id3_read`'s answer.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

use crate::id3::id3_read;
use crate::instance::new_instance_with_dict;

/// `MP3(path).load` for a plain path and the standard `ID3` class.
///
/// Reads as `id3_read(path, True, None, 4, table, native, mpeg_modes,
/// True)` does, then:
///
/// * a file without any ID3 tag: `(None, info)`;
/// * a tag whose frames are left for later (the lazy load of
///   `ID3._load`): `(tags, info)`, `tags` an `id3_class` instance with the
///   attributes, in the order, `ID3()` plus `_load` give it (its header an
///   `header_class` instance);
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
    table: Bound<'py, PyDict>,
    native: Bound<'py, PyDict>,
    id3_class: &Bound<'py, PyAny>,
    header_class: &Bound<'py, PyAny>,
    info_class: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::intern;
    let read = id3_read(
        py,
        path,
        true,
        None,
        4,
        Some(table),
        Some(native),
        Some(mpeg_modes),
        true,
    )?;
    let item = |name: &Bound<'py, pyo3::types::PyString>| -> PyResult<Bound<'py, PyAny>> {
        read.get_item(name)?
            .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(name.clone().unbind()))
    };
    let untagged = read.get_item(intern!(py, "untagged"))?.is_some();
    let lazy = read.get_item(intern!(py, "lazy"))?.is_some();
    if !untagged && !lazy {
        return Ok(read.into_any());
    }
    let info = match item(intern!(py, "mpeg"))? {
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

    let version = item(intern!(py, "version"))?.cast_into::<PyTuple>()?;
    let (header, hd) = new_instance_with_dict(header_class)?;
    hd.set_item(intern!(py, "_flags"), item(intern!(py, "flags"))?)?;
    hd.set_item(intern!(py, "version"), &version)?;
    hd.set_item(intern!(py, "size"), item(intern!(py, "size"))?)?;
    let ext = item(intern!(py, "ext_data"))?;
    if !ext.is_none() {
        hd.set_item(intern!(py, "_extdata"), ext)?;
    }

    let (tags, td) = new_instance_with_dict(id3_class)?;
    td.set_item(intern!(py, "_header"), header)?;
    td.set_item(intern!(py, "_version"), (2u8, 4u8, 0u8))?;
    td.set_item(intern!(py, "_unknown_v2_version"), version.get_item(1)?)?;
    td.set_item(intern!(py, "filename"), path)?;
    td.set_item(intern!(py, "_padding"), item(intern!(py, "padding"))?)?;
    // (frames, frames stored before the load, ID3v1 fields, translate,
    // v2_version): what ID3._load leaves for ID3._materialize
    let pending = PyTuple::new(
        py,
        [
            item(intern!(py, "frames"))?,
            PyDict::new(py).into_any(),
            item(intern!(py, "v1"))?,
            true.into_pyobject(py)?.to_owned().into_any(),
            4u8.into_pyobject(py)?.into_any(),
        ],
    )?;
    td.set_item(intern!(py, "_pending"), pending)?;
    Ok(PyTuple::new(py, [tags, info])?.into_any())
}
