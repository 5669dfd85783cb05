//! mtg-id3's errors raised as the Python exceptions mutagen raises.

use mtg_id3::Id3Error;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::errors;

/// `err` as mutagen would raise it; `name` is the file's name as mutagen
/// shows it in messages (`<unknown>` for anonymous file objects).
pub fn to_py(py: Python<'_>, err: &mtg_core::Error, name: &str) -> PyErr {
    let Some(id3) = Id3Error::find(err) else {
        return errors::from_core(py, err);
    };
    let name_repr = pyo3::types::PyString::new(py, name)
        .repr()
        .map(|r| r.to_string())
        .unwrap_or_else(|_| format!("'{name}'"));
    let message = id3.python_message(name, &name_repr);
    match id3 {
        Id3Error::ValueError(_) => PyValueError::new_err(message),
        Id3Error::Encode(text_err) => errors::unicode_encode_error(text_err, ""),
        other => {
            let (_, class) = other.python_class();
            errors::new_err(py, "mutagen_rs.id3._util", class, message)
        }
    }
}

/// The name mutagen uses in messages for a file argument: the path, the
/// file object's `name`, or `<unknown>`.
pub fn display_name(filething: &Bound<'_, PyAny>) -> String {
    if let Ok(text) = filething.cast::<pyo3::types::PyString>() {
        // a str path (no `read` to look for): the common case, on every load
        if let Ok(text) = text.to_str() {
            return text.to_owned();
        }
    }
    let named = if filething.hasattr("read").unwrap_or(false) {
        filething.getattr("name").ok()
    } else {
        Some(filething.clone())
    };
    match named {
        Some(n) => match n.extract::<std::path::PathBuf>() {
            Ok(p) => p.to_string_lossy().into_owned(),
            Err(_) => "<unknown>".to_owned(),
        },
        None => "<unknown>".to_owned(),
    }
}
