//! Turning Rust errors into the Python exceptions mutagen raises.
//!
//! Exception classes are defined in the Python package (so they can inherit
//! from several bases as mutagen's do); Rust looks them up by module and name
//! when it needs to raise one.

use pyo3::exceptions::PyOSError;
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// Exception classes looked up so far, by (module, name): the package's
/// own classes, found once per process (an import and an attribute lookup
/// per error cost several µs, a good part of a failed `ID3(path)`).
static CLASSES: PyOnceLock<Mutex<Vec<KnownClass>>> = PyOnceLock::new();

/// (module, name, class) of an exception class found by [`class`].
type KnownClass = (String, String, Py<PyType>);

/// The exception class `name` of module `module` (e.g. `mutagen_rs.id3._util`).
pub fn class<'py>(py: Python<'py>, module: &str, name: &str) -> PyResult<Bound<'py, PyType>> {
    let known = CLASSES.get_or_init(py, || Mutex::new(Vec::new()));
    let found = known.lock().ok().and_then(|classes| {
        classes
            .iter()
            .find(|(m, n, _)| m == module && n == name)
            .map(|(_, _, cls)| cls.clone_ref(py))
    });
    if let Some(cls) = found {
        return Ok(cls.into_bound(py));
    }
    let cls = py.import(module)?.getattr(name)?.cast_into::<PyType>()?;
    if let Ok(mut classes) = known.lock() {
        classes.push((module.to_owned(), name.to_owned(), cls.clone().unbind()));
    }
    Ok(cls)
}

/// A new exception of class `module.name` with one message argument.
pub fn new_err(py: Python<'_>, module: &str, name: &str, message: String) -> PyErr {
    match class(py, module, name) {
        Ok(cls) => PyErr::from_type(cls, message),
        Err(lookup_failed) => lookup_failed,
    }
}

/// The Python `OSError` (the right subclass for the errno, with strerror
/// and filename set) that `open(filename)` would have raised for `err`.
pub fn os_error(py: Python<'_>, err: &std::io::Error, filename: &Bound<'_, PyAny>) -> PyErr {
    let Some(errno) = err.raw_os_error() else {
        return PyOSError::new_err(err.to_string());
    };
    let strerror = py
        .import("os")
        .and_then(|os| os.call_method1("strerror", (errno,)))
        .and_then(|s| s.extract::<String>())
        .unwrap_or_else(|_| err.to_string());
    // OSError(errno, strerror, filename) picks FileNotFoundError & co. itself.
    PyOSError::new_err((errno, strerror, filename.clone().unbind()))
}

/// `MutagenError(cause)` raised `from cause`, as mutagen reports a file that
/// cannot be opened or read.
pub fn mutagen_error_from(py: Python<'_>, cause: PyErr) -> PyErr {
    let wrapped = new_err_with_arg(py, "mutagen_rs._util", "MutagenError", cause.value(py));
    // `raise MutagenError(e) from e` inside `except`: both links are set.
    let _ = wrapped.value(py).setattr("__context__", cause.value(py));
    wrapped.set_cause(py, Some(cause));
    wrapped
}

fn new_err_with_arg(py: Python<'_>, module: &str, name: &str, arg: &Bound<'_, PyAny>) -> PyErr {
    match class(py, module, name) {
        Ok(cls) => PyErr::from_type(cls, (arg.clone().unbind(),)),
        Err(lookup_failed) => lookup_failed,
    }
}

/// The Python exception a Python call raised inside Rust I/O, if `err` is
/// one (see `source::PyFileEdit`).
pub fn python_error_in(err: &std::io::Error) -> Option<PyErr> {
    let inner = err.get_ref()?;
    let py_err = inner.downcast_ref::<PyErr>()?;
    Some(Python::attach(|py| py_err.clone_ref(py)))
}

/// A generic `mtg_core::Error` as a Python exception: a Python error that
/// travelled through Rust comes back as it was; I/O becomes `OSError`; the
/// rest becomes `mutagen_rs.MutagenError` with the error's text.
pub fn from_core(py: Python<'_>, err: &mtg_core::Error) -> PyErr {
    match err {
        mtg_core::Error::Io(io) => python_error_in(io).unwrap_or_else(|| match io.raw_os_error() {
            // OSError(errno, strerror) picks the right subclass itself.
            Some(errno) => PyOSError::new_err((errno, io.kind().to_string())),
            None => PyOSError::new_err(io.to_string()),
        }),
        other => new_err(py, "mutagen_rs._util", "MutagenError", other.to_string()),
    }
}

/// Python's `UnicodeEncodeError(encoding, object, start, end, reason)` for
/// a Rust encode failure of the text `object`.
pub fn unicode_encode_error(err: &mtg_core::TextError, object: &str) -> PyErr {
    pyo3::exceptions::PyUnicodeEncodeError::new_err((
        err.encoding,
        object.to_owned(),
        err.start,
        err.end,
        err.reason,
    ))
}
