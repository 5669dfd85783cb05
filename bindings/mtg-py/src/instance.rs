//! Python instances made without running `__init__` (`object.__new__(cls)`):
//! how the native loaders make mutagen's objects before filling in their
//! attributes.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

/// `object.__new__`, looked up once per process.
static OBJECT_NEW: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `object.__new__` (call it with the class).
pub(crate) fn object_new(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    OBJECT_NEW
        .get_or_try_init(py, || {
            py.get_type::<PyAny>()
                .getattr(pyo3::intern!(py, "__new__"))
                .map(Bound::unbind)
        })
        .map(|f| f.bind(py))
}

/// `object.__new__(cls)`: an instance without running `__init__`.
pub(crate) fn new_instance<'py>(cls: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    object_new(cls.py())?.call1((cls,))
}

/// [`new_instance`] and the instance's (empty) `__dict__`.
pub(crate) fn new_instance_with_dict<'py>(
    cls: &Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyDict>)> {
    let obj = new_instance(cls)?;
    let dict = instance_dict(&obj)?;
    Ok((obj, dict))
}

/// The `__dict__` of `obj`.
pub(crate) fn instance_dict<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    Ok(obj
        .getattr(pyo3::intern!(obj.py(), "__dict__"))?
        .cast_into::<PyDict>()?)
}
