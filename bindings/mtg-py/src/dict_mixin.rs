//! `DictMixin`: the mapping behaviour a class gets from four methods.
//!
//! A subclass defines `__getitem__`, `__setitem__`, `__delitem__` and
//! `keys()`; everything else a dict offers is derived here by calling those
//! through Python, so a Python subclass's overrides are always honoured.

use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

/// Base class that turns four mapping primitives into a full dict API.
#[pyclass(subclass, dict, weakref, module = "mutagen_rs._util")]
pub struct DictMixin;

/// Calls `obj.keys()` and returns the result as a list.
fn key_list<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let keys = obj.call_method0(pyo3::intern!(obj.py(), "keys"))?;
    if let Ok(list) = keys.cast::<PyList>() {
        return Ok(list.clone());
    }
    let items = keys.try_iter()?.collect::<PyResult<Vec<_>>>()?;
    PyList::new(obj.py(), items)
}

/// `dict(obj.items())`, used for comparisons and `repr`.
fn as_dict<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(obj.py());
    for key in key_list(obj)?.iter() {
        let value = obj.get_item(&key)?;
        d.set_item(key, value)?;
    }
    Ok(d)
}

#[pymethods]
impl DictMixin {
    #[new]
    #[pyo3(signature = (*_args, **_kwargs))]
    fn new(_args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>) -> Self {
        DictMixin
    }

    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Ok(key_list(slf.as_any())?.as_any().try_iter()?.into_any())
    }

    fn __contains__(slf: &Bound<'_, Self>, key: &Bound<'_, PyAny>) -> PyResult<bool> {
        match slf.as_any().get_item(key) {
            Ok(_) => Ok(true),
            Err(e) if e.is_instance_of::<PyKeyError>(slf.py()) => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn __len__(slf: &Bound<'_, Self>) -> PyResult<usize> {
        Ok(key_list(slf.as_any())?.len())
    }

    fn values<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(slf.py());
        for key in key_list(slf.as_any())?.iter() {
            out.append(slf.as_any().get_item(key)?)?;
        }
        Ok(out)
    }

    fn items<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(slf.py());
        for key in key_list(slf.as_any())?.iter() {
            let value = slf.as_any().get_item(&key)?;
            out.append(PyTuple::new(slf.py(), [key, value])?)?;
        }
        Ok(out)
    }

    fn clear(slf: &Bound<'_, Self>) -> PyResult<()> {
        // Copy first: keys() may hand out the subclass's own list.
        let keys: Vec<_> = key_list(slf.as_any())?.iter().collect();
        for key in keys {
            slf.as_any().del_item(key)?;
        }
        Ok(())
    }

    #[pyo3(signature = (key, *args))]
    fn pop<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
        args: &Bound<'py, PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if args.len() > 1 {
            return Err(PyTypeError::new_err("pop takes at most two arguments"));
        }
        match slf.as_any().get_item(key) {
            Ok(value) => {
                slf.as_any().del_item(key)?;
                Ok(value)
            }
            Err(e) if e.is_instance_of::<PyKeyError>(slf.py()) && !args.is_empty() => {
                args.get_item(0)
            }
            Err(e) => Err(e),
        }
    }

    fn popitem<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let keys = key_list(slf.as_any())?;
        if keys.is_empty() {
            return Err(PyKeyError::new_err("dictionary is empty"));
        }
        let key = keys.get_item(0)?;
        let value = slf.as_any().get_item(&key)?;
        slf.as_any().del_item(&key)?;
        PyTuple::new(slf.py(), [key, value])
    }

    #[pyo3(signature = (other=None, **kwargs))]
    fn update(
        slf: &Bound<'_, Self>,
        other: Option<&Bound<'_, PyAny>>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let this = slf.as_any();
        if let Some(other) = other {
            if other.hasattr(pyo3::intern!(slf.py(), "keys"))? {
                for key in other.call_method0("keys")?.try_iter()? {
                    let key = key?;
                    this.set_item(&key, other.get_item(&key)?)?;
                }
            } else {
                for pair in other.try_iter()? {
                    let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair?.extract()?;
                    this.set_item(key, value)?;
                }
            }
        }
        if let Some(kwargs) = kwargs {
            for (key, value) in kwargs.iter() {
                this.set_item(key, value)?;
            }
        }
        Ok(())
    }

    #[pyo3(signature = (key, default=None))]
    fn setdefault<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match slf.as_any().get_item(key) {
            Ok(value) => Ok(value),
            Err(e) if e.is_instance_of::<PyKeyError>(slf.py()) => {
                let value = default.unwrap_or_else(|| slf.py().None().into_bound(slf.py()));
                slf.as_any().set_item(key, &value)?;
                Ok(value)
            }
            Err(e) => Err(e),
        }
    }

    #[pyo3(signature = (key, default=None))]
    fn get<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match slf.as_any().get_item(key) {
            Ok(value) => Ok(value),
            Err(e) if e.is_instance_of::<PyKeyError>(slf.py()) => {
                Ok(default.unwrap_or_else(|| slf.py().None().into_bound(slf.py())))
            }
            Err(e) => Err(e),
        }
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        Ok(as_dict(slf.as_any())?.repr()?.to_string())
    }

    fn __hash__(slf: &Bound<'_, Self>) -> isize {
        // Identity hash computed the way object.__hash__ does it.
        let h = (slf.as_ptr() as usize).rotate_right(4) as isize;
        if h == -1 {
            -2
        } else {
            h
        }
    }

    fn __eq__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        as_dict(slf.as_any())?.eq(other)
    }

    fn __ne__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        as_dict(slf.as_any())?.ne(other)
    }

    fn __lt__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        as_dict(slf.as_any())?.lt(other)
    }

    fn __le__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        as_dict(slf.as_any())?.le(other)
    }

    fn __gt__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        as_dict(slf.as_any())?.gt(other)
    }

    fn __ge__(slf: &Bound<'_, Self>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        as_dict(slf.as_any())?.ge(other)
    }
}
