//! Writing and deleting ID3 tags in a file.

use std::borrow::Cow;
use std::cell::RefCell;

use mtg_id3::write::{self, EncodedFrame, SaveOptions, V1Mode};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use super::error;
use crate::source::PyFileEdit;

const V1_LEN: usize = 128;

/// Where a save writes: a path (opened by Rust) or an open Python file.
enum Target<'py> {
    Path(std::path::PathBuf),
    File(PyFileEdit<'py>),
}

fn target<'py>(filething: &Bound<'py, PyAny>) -> PyResult<Target<'py>> {
    if filething.hasattr("write")? && filething.hasattr("seek")? {
        Ok(Target::File(PyFileEdit::new(filething)))
    } else {
        Ok(Target::Path(filething.extract()?))
    }
}

/// Writes the ID3v2 tag made of `frames` (`[(id, hash_key, body)]`, in any
/// order: they are sorted as mutagen sorts them) and the raw `unknown`
/// frames into `filething`, in place, with the padding from `padding_func`
/// (mutagen's rule when None), then updates the ID3v1 tag per `v1` (0
/// remove, 1 update an existing one, 2 create) using `v1_data`.
#[pyfunction]
#[pyo3(signature = (filething, frames, unknown, v2_version=4, padding_func=None, v1=1, v1_data=None))]
#[allow(clippy::too_many_arguments)]
pub fn id3_save<'py>(
    py: Python<'py>,
    filething: &Bound<'py, PyAny>,
    frames: &Bound<'py, PyList>,
    unknown: &Bound<'py, PyList>,
    v2_version: u8,
    padding_func: Option<&Bound<'py, PyAny>>,
    v1: i64,
    v1_data: Option<&Bound<'py, PyBytes>>,
) -> PyResult<()> {
    let name = error::display_name(filething);
    let v1_mode = V1Mode::from_int(v1)
        .ok_or_else(|| PyValueError::new_err(format!("invalid v1 value: {v1}")))?;

    let mut owned: Vec<(String, String, Bound<'py, PyBytes>)> = Vec::with_capacity(frames.len());
    for item in frames.iter() {
        owned.push(item.extract()?);
    }
    let encoded: Vec<EncodedFrame<'_>> = owned
        .iter()
        .map(|(id, hash_key, body)| EncodedFrame {
            id: Cow::Borrowed(id.as_str()),
            hash_key: Cow::Borrowed(hash_key.as_str()),
            body: Cow::Borrowed(body.as_bytes()),
        })
        .collect();
    let unknown_owned: Vec<Bound<'py, PyBytes>> = unknown
        .iter()
        .map(|u| u.cast_into::<PyBytes>().map_err(PyErr::from))
        .collect::<PyResult<_>>()?;
    let unknown_raw: Vec<&[u8]> = unknown_owned.iter().map(|b| b.as_bytes()).collect();

    let v1_bytes: Option<[u8; V1_LEN]> = match v1_data {
        Some(b) => Some(
            b.as_bytes()
                .try_into()
                .map_err(|_| PyValueError::new_err("an ID3v1 tag is 128 bytes"))?,
        ),
        None => None,
    };
    let make_v1 = move || -> mtg_core::Result<[u8; V1_LEN]> {
        v1_bytes.ok_or_else(|| mtg_core::Error::invalid_argument("no ID3v1 data given"))
    };

    // A Python padding function may raise: keep its error, make the save
    // fail before anything is written (a negative padding is refused), and
    // raise the original error.
    let padding_error: RefCell<Option<PyErr>> = RefCell::new(None);
    let call_padding = |info: write::PaddingInfo| -> i64 {
        let Some(func) = padding_func.filter(|f| !f.is_none()) else {
            return info.default_padding();
        };
        let result = py
            .import("mutagen_rs._tags")
            .and_then(|m| m.getattr("PaddingInfo"))
            .and_then(|cls| cls.call1((info.padding, info.size)))
            .and_then(|obj| obj.call_method1("_get_padding", (func,)))
            .and_then(|r| r.extract::<i64>());
        match result {
            Ok(p) => p,
            Err(e) => {
                *padding_error.borrow_mut() = Some(e);
                -1
            }
        }
    };

    let options = SaveOptions {
        version: v2_version,
        frames: encoded,
        unknown: unknown_raw,
        padding: Some(&call_padding),
        v1_mode,
        make_v1: Some(&make_v1),
    };
    let result = match target(filething)? {
        Target::Path(path) => write::save_path(&path, options).map(drop),
        Target::File(mut file) => write::save(&mut file, options).map(drop),
    };
    if let Some(e) = padding_error.into_inner() {
        return Err(e);
    }
    result.map_err(|e| error::to_py(py, &e, &name))
}

/// Removes the ID3v1 and/or ID3v2 tags of `filething`.
#[pyfunction]
#[pyo3(signature = (filething, delete_v1=true, delete_v2=true))]
pub fn id3_delete(
    py: Python<'_>,
    filething: &Bound<'_, PyAny>,
    delete_v1: bool,
    delete_v2: bool,
) -> PyResult<()> {
    let name = error::display_name(filething);
    let result = match target(filething)? {
        Target::Path(path) => write::delete_path(&path, delete_v1, delete_v2),
        Target::File(mut file) => write::delete(&mut file, delete_v1, delete_v2),
    };
    result.map_err(|e| error::to_py(py, &e, &name))
}
