//! `FileType` and `StreamInfo`: the base classes of every format.
//!
//! `FileType` is an open audio file: its `tags` (or None), its stream `info`
//! and its `filename`; it forwards the mapping protocol to its tags.
//! Formats subclass it (in Rust or Python) and override `load`.

use pyo3::exceptions::{PyAssertionError, PyKeyError, PyNotImplementedError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::dict_mixin::DictMixin;

/// An open audio file: tags, stream information and a file name.
#[pyclass(extends = DictMixin, subclass, dict, weakref, module = "mutagen_rs")]
pub struct FileType {
    /// The tags of the file, or None when it has none.
    #[pyo3(get, set)]
    pub tags: Option<Py<PyAny>>,
    /// The stream information (length, bitrate, ...).
    #[pyo3(get, set)]
    pub info: Option<Py<PyAny>>,
    /// The name of the file that was loaded.
    #[pyo3(get, set)]
    pub filename: Option<Py<PyAny>>,
}

impl FileType {
    /// An empty file object, as built before `load` runs.
    pub fn empty() -> PyClassInitializer<Self> {
        PyClassInitializer::from(DictMixin).add_subclass(FileType {
            tags: None,
            info: None,
            filename: None,
        })
    }

    fn tags_of<'py>(slf: &Bound<'py, Self>) -> Option<Bound<'py, PyAny>> {
        // Go through attribute lookup so Python subclasses that shadow
        // `tags` with a property are honoured.
        slf.as_any()
            .getattr(pyo3::intern!(slf.py(), "tags"))
            .ok()
            .filter(|t| !t.is_none())
    }
}

#[pymethods]
impl FileType {
    #[new]
    #[pyo3(signature = (*_args, **_kwargs))]
    fn new(
        _args: &Bound<'_, PyTuple>,
        _kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyClassInitializer<Self> {
        Self::empty()
    }

    #[pyo3(signature = (*args, **kwargs))]
    fn __init__(
        slf: &Bound<'_, Self>,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let py = slf.py();
        // Without any argument there is nothing to load: warn, stay empty.
        if args.is_empty() && kwargs.is_none_or(|k| k.is_empty()) {
            let warnings = py.import("warnings")?;
            let category = py.get_type::<pyo3::exceptions::PyDeprecationWarning>();
            warnings.call_method1(
                "warn",
                ("FileType constructor requires a filename", category),
            )?;
            return Ok(());
        }
        slf.as_any().call_method("load", args, kwargs)?;
        Ok(())
    }

    /// Loads the file; every format overrides this. The base opens the
    /// file (so a bad path fails as in any format) and then refuses.
    #[pyo3(signature = (*args, **kwargs))]
    fn load(
        slf: &Bound<'_, Self>,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        crate::abstract_call(slf.as_any(), "_abstract_load", args, kwargs)
    }

    fn __getitem__<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        match Self::tags_of(slf) {
            None => Err(PyKeyError::new_err(key.clone().unbind())),
            Some(tags) => tags.get_item(key),
        }
    }

    fn __setitem__(
        slf: &Bound<'_, Self>,
        key: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let tags = match Self::tags_of(slf) {
            Some(tags) => tags,
            None => {
                slf.as_any().call_method0("add_tags")?;
                slf.as_any().getattr("tags")?
            }
        };
        tags.set_item(key, value)
    }

    fn __delitem__(slf: &Bound<'_, Self>, key: &Bound<'_, PyAny>) -> PyResult<()> {
        match Self::tags_of(slf) {
            None => Err(PyKeyError::new_err(key.clone().unbind())),
            Some(tags) => tags.del_item(key),
        }
    }

    fn keys<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        match Self::tags_of(slf) {
            None => Ok(PyList::empty(slf.py()).into_any()),
            Some(tags) => tags.call_method0("keys"),
        }
    }

    /// Removes the tags from the file (the given one, or the loaded one).
    #[pyo3(signature = (filething=None))]
    fn delete(slf: &Bound<'_, Self>, filething: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
        let target = resolve_target(slf, filething)?;
        if let Some(tags) = Self::tags_of(slf) {
            tags.call_method1("delete", (target,))?;
        }
        Ok(())
    }

    /// Saves the tags to the file (the given one, or the loaded one).
    #[pyo3(signature = (filething=None, **kwargs))]
    fn save(
        slf: &Bound<'_, Self>,
        filething: Option<&Bound<'_, PyAny>>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let target = resolve_target(slf, filething)?;
        if let Some(tags) = Self::tags_of(slf) {
            tags.call_method("save", (target,), kwargs)?;
        }
        Ok(())
    }

    /// Stream information, the MIME type and the tags, one per line.
    fn pprint(slf: &Bound<'_, Self>) -> PyResult<String> {
        let info = slf.as_any().getattr("info")?;
        if info.is_none() {
            return Err(PyAssertionError::new_err(()));
        }
        let stream = info.call_method0("pprint")?.extract::<String>()?;
        let mimes = slf.as_any().getattr("mime")?;
        let first_mime = mimes.get_item(0)?.extract::<String>()?;
        let mut out = format!("{stream} ({first_mime})");
        if let Some(tags) = Self::tags_of(slf) {
            let text = tags.call_method0("pprint")?.extract::<String>()?;
            out.push('\n');
            out.push_str(&text);
        }
        Ok(out)
    }

    /// Adds empty tags; formats that can hold tags override this.
    fn add_tags(&self) -> PyResult<()> {
        Err(PyNotImplementedError::new_err(()))
    }

    /// The MIME types of this file, most specific first.
    #[getter]
    fn mime<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyList>> {
        let py = slf.py();
        let out = PyList::empty(py);
        let mro = slf.get_type().getattr(pyo3::intern!(py, "__mro__"))?;
        for cls in mro.try_iter()? {
            let cls = cls?;
            let dict = cls.getattr(pyo3::intern!(py, "__dict__"))?;
            if let Ok(mimes) = dict.get_item("_mimes") {
                for m in mimes.try_iter()? {
                    let m = m?;
                    if !out.contains(&m)? {
                        out.append(m)?;
                    }
                }
            }
        }
        Ok(out)
    }

    /// How likely it is that the file is of this type; formats override it.
    #[staticmethod]
    fn score(
        _filename: &Bound<'_, PyAny>,
        _fileobj: &Bound<'_, PyAny>,
        _header: &Bound<'_, PyAny>,
    ) -> PyResult<i64> {
        Err(PyNotImplementedError::new_err(()))
    }

    #[classattr]
    fn _mimes() -> Vec<&'static str> {
        vec!["application/octet-stream"]
    }
}

/// The file a save/delete without an explicit target goes to.
fn resolve_target<'py>(
    slf: &Bound<'py, FileType>,
    filething: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    match filething {
        Some(f) if !f.is_none() => Ok(f.clone()),
        _ => {
            let name = slf.as_any().getattr("filename")?;
            if name.is_none() {
                return Err(PyTypeError::new_err("Missing filename or fileobj argument"));
            }
            Ok(name)
        }
    }
}

/// Information about an audio stream: length, bitrate, sample rate, ...
#[pyclass(subclass, dict, weakref, module = "mutagen_rs")]
pub struct StreamInfo;

#[pymethods]
impl StreamInfo {
    #[new]
    #[pyo3(signature = (*_args, **_kwargs))]
    fn new(_args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>) -> Self {
        StreamInfo
    }

    /// A one-line summary; every format overrides this.
    fn pprint(&self) -> PyResult<String> {
        Err(PyNotImplementedError::new_err(()))
    }
}
