//! `PendingAttr`: a class attribute standing for an instance attribute that
//! a lazy load fills in on first use (`ID3._DictProxy__dict` and
//! `unknown_frames`), without a `__getattr__` on the class (which slows
//! every attribute access of its instances).
//!
//! It is a non-data descriptor (no `__set__`/`__delete__`): once the
//! instance dict holds the attribute, Python finds it there without
//! calling the descriptor. Setting the attribute before the build writes
//! the instance dict directly, and the build keeps that value (as if it
//! had been set after mutagen's eager load); deleting goes through the
//! owner's `__delattr__`, which builds first.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use crate::instance::instance_dict;

/// A non-data descriptor for the instance attribute `name`: the value
/// lives in the instance dict under the same name, where Python looks
/// first. Reading it while the instance dict lacks it but holds `_pending`
/// calls the instance's `_materialize()`.
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
}
