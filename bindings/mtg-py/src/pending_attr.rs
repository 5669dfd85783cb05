//! `PendingAttr`: a class attribute standing for an instance attribute that
//! a lazy load fills in on first use (`ID3._DictProxy__dict` and
//! `unknown_frames`), without a `__getattr__` on the class (which slows
//! every attribute access of its instances).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::instance::instance_dict;

/// A data descriptor for the instance attribute `name`: the value lives in
/// the instance dict under the same name. Reading it while the instance
/// dict holds `_pending` first calls the instance's `_materialize()`.
#[pyclass(module = "mutagen_rs._native", frozen)]
pub struct PendingAttr {
    name: Py<PyString>,
}

impl PendingAttr {
    fn missing(&self, obj: &Bound<'_, PyAny>) -> PyErr {
        let py = obj.py();
        let kind = obj
            .get_type()
            .name()
            .map_or_else(|_| "object".to_owned(), |n| n.to_string());
        pyo3::exceptions::PyAttributeError::new_err(format!(
            "'{}' object has no attribute '{}'",
            kind,
            self.name.bind(py)
        ))
    }
}

#[pymethods]
impl PendingAttr {
    #[new]
    fn new(name: Bound<'_, PyString>) -> Self {
        PendingAttr {
            name: name.unbind(),
        }
    }

    fn __get__<'py>(
        slf: &Bound<'py, Self>,
        obj: Option<&Bound<'py, PyAny>>,
        owner: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let this = slf.get();
        let name = this.name.bind(py);
        let Some(obj) = obj.filter(|o| !o.is_none()) else {
            // on the class: absent, as an instance attribute is
            let owner = owner
                .and_then(|o| o.getattr(pyo3::intern!(py, "__name__")).ok())
                .map_or_else(|| "?".to_owned(), |n| n.to_string());
            return Err(pyo3::exceptions::PyAttributeError::new_err(format!(
                "type object '{owner}' has no attribute '{name}'"
            )));
        };
        let dict: Bound<'py, PyDict> = instance_dict(obj)?;
        if let Some(value) = dict.get_item(name)? {
            return Ok(value);
        }
        if dict.contains(pyo3::intern!(py, "_pending"))? {
            obj.call_method0(pyo3::intern!(py, "_materialize"))?;
            if let Some(value) = dict.get_item(name)? {
                return Ok(value);
            }
        }
        Err(this.missing(obj))
    }

    /// Sets the instance's value (after building what the load left, so
    /// that the build does not overwrite it).
    fn __set__(
        slf: &Bound<'_, Self>,
        obj: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let dict = settled_dict(obj)?;
        dict.set_item(slf.get().name.bind(slf.py()), value)
    }

    /// Deletes the instance's value (after building what the load left).
    fn __delete__(slf: &Bound<'_, Self>, obj: &Bound<'_, PyAny>) -> PyResult<()> {
        let this = slf.get();
        let dict = settled_dict(obj)?;
        if dict.contains(this.name.bind(slf.py()))? {
            dict.del_item(this.name.bind(slf.py()))
        } else {
            Err(this.missing(obj))
        }
    }
}

/// The instance dict of `obj` once nothing is pending: `_materialize()` is
/// called first when the dict holds `_pending`.
fn settled_dict<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let py = obj.py();
    let dict = instance_dict(obj)?;
    if dict.contains(pyo3::intern!(py, "_pending"))? {
        obj.call_method0(pyo3::intern!(py, "_materialize"))?;
    }
    Ok(dict)
}
