//! `FileType` and `StreamInfo`: the base classes of every format.
//!
//! `FileType` is an open audio file: its `tags` (or None), its stream `info`
//! and its `filename`; it forwards the mapping protocol to its tags and
//! derives the rest of the dict API from Python's `DictMixin`.
//! Formats subclass it (in Rust or Python) and override `load`.

use pyo3::exceptions::{PyAssertionError, PyKeyError, PyNotImplementedError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple};

/// An open audio file: tags, stream information and a file name.
///
/// `tags`, `info` and `filename` live in the instance dict, as in mutagen
/// (the class holds None for each): reading them is a plain attribute
/// lookup, and `vars(file)` shows them.
#[pyclass(subclass, weakref, dict, module = "mutagen_rs")]
pub struct FileType {}

impl FileType {
    /// An empty file object, as built before `load` runs.
    pub fn empty() -> Self {
        FileType {}
    }

    fn tags_of<'py>(slf: &Bound<'py, Self>) -> Option<Bound<'py, PyAny>> {
        // Through attribute lookup, so that Python subclasses that shadow
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
    fn new(_args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>) -> Self {
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

    /// The tags of the file, or None when it has none (until set on the
    /// instance).
    #[classattr]
    fn tags(py: Python<'_>) -> Py<PyAny> {
        py.None()
    }

    /// The stream information (length, bitrate, ...), None until loaded.
    #[classattr]
    fn info(py: Python<'_>) -> Py<PyAny> {
        py.None()
    }

    /// The name of the file that was loaded, None until loaded.
    #[classattr]
    fn filename(py: Python<'_>) -> Py<PyAny> {
        py.None()
    }

    /// For copy and pickle: the instance dict.
    fn __getstate__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyDict>> {
        let py = slf.py();
        slf.as_any()
            .getattr(pyo3::intern!(py, "__dict__"))?
            .cast_into::<PyDict>()?
            .copy()
    }

    /// The inverse of `__getstate__`: the state goes to the instance dict.
    fn __setstate__(slf: &Bound<'_, Self>, state: &Bound<'_, PyDict>) -> PyResult<()> {
        let py = slf.py();
        let own = slf.as_any().getattr(pyo3::intern!(py, "__dict__"))?;
        own.call_method1(pyo3::intern!(py, "update"), (state,))?;
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
    #[pyo3(signature = (filething=None, **kwargs))]
    fn delete(
        slf: &Bound<'_, Self>,
        filething: Option<&Bound<'_, PyAny>>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let kwargs = kwargs.map(|k| k.copy()).transpose()?;
        let target = resolve_target(slf, filething, kwargs.as_ref())?;
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
        let kwargs = kwargs.map(|k| k.copy()).transpose()?;
        let target = resolve_target(slf, filething, kwargs.as_ref())?;
        if let Some(tags) = Self::tags_of(slf) {
            tags.call_method("save", (target,), kwargs.as_ref())?;
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
            if !text.is_empty() {
                out.push('\n');
                out.push_str(&text);
            }
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

    // The dict API as DictMixin gives it, done here for the most used
    // methods (through the object's own `keys` and `__getitem__`, so
    // subclasses that override them are honoured); the rest calls
    // DictMixin.

    /// `iter(self.keys())`.
    fn __iter__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Ok(own_keys(slf)?.try_iter()?.into_any())
    }

    /// Whether `self[key]` answers (a KeyError: False).
    fn __contains__(slf: &Bound<'_, Self>, key: &Bound<'_, PyAny>) -> PyResult<bool> {
        match slf.as_any().get_item(key) {
            Ok(_) => Ok(true),
            Err(e) if e.is_instance_of::<PyKeyError>(slf.py()) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// `len(self.keys())`.
    fn __len__(slf: &Bound<'_, Self>) -> PyResult<usize> {
        own_keys(slf)?.len()
    }

    fn values<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        mixin(slf, "values", ())
    }

    fn items<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        mixin(slf, "items", ())
    }

    fn clear(slf: &Bound<'_, Self>) -> PyResult<()> {
        mixin(slf, "clear", ()).map(drop)
    }

    #[pyo3(signature = (key, *args))]
    fn pop<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
        args: &Bound<'py, PyTuple>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut all = vec![key.clone()];
        all.extend(args.iter());
        mixin(slf, "pop", PyTuple::new(slf.py(), all)?)
    }

    fn popitem<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        mixin(slf, "popitem", ())
    }

    #[pyo3(signature = (other=None, **kwargs))]
    fn update(
        slf: &Bound<'_, Self>,
        other: Option<&Bound<'_, PyAny>>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<()> {
        let func = mixin_func(slf.py(), "update")?;
        func.call((slf, other), kwargs).map(drop)
    }

    #[pyo3(signature = (key, default=None))]
    fn setdefault<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
        default: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        mixin(slf, "setdefault", (key, default))
    }

    #[pyo3(signature = (key, default=None))]
    /// `self[key]`, or `default` for a KeyError.
    fn get<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
        default: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        match slf.as_any().get_item(key) {
            Err(e) if e.is_instance_of::<PyKeyError>(py) => Ok(match default {
                Some(d) => d.clone(),
                None => py.None().into_bound(py),
            }),
            other => other,
        }
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        mixin(slf, "__repr__", ())?.extract()
    }

    fn __eq__<'py>(
        slf: &Bound<'py, Self>,
        other: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        mixin(slf, "__eq__", (other,))
    }

    fn __ne__<'py>(
        slf: &Bound<'py, Self>,
        other: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        mixin(slf, "__ne__", (other,))
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

    #[classattr]
    fn _mimes() -> Vec<&'static str> {
        vec!["application/octet-stream"]
    }
}

/// `self.keys()`, through the object's own `keys`.
fn own_keys<'py>(slf: &Bound<'py, FileType>) -> PyResult<Bound<'py, PyAny>> {
    slf.as_any().call_method0(pyo3::intern!(slf.py(), "keys"))
}

/// `mutagen_rs._util.DictMixin.<name>`: the dict API FileType shares with
/// every Python mapping class of the package (one implementation of it).
fn mixin_func<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    DICT_MIXIN
        .get_or_try_init(py, || {
            py.import(pyo3::intern!(py, "mutagen_rs._util"))?
                .getattr(pyo3::intern!(py, "DictMixin"))
                .map(Bound::unbind)
        })?
        .bind(py)
        .getattr(name)
}

/// `mutagen_rs._util.DictMixin`, looked up once per process (an import per
/// `name in file` cost more than the lookup itself).
static DICT_MIXIN: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Calls `DictMixin.<name>(slf, *args)`.
fn mixin<'py, A>(slf: &Bound<'py, FileType>, name: &str, args: A) -> PyResult<Bound<'py, PyAny>>
where
    A: IntoPyObject<'py, Target = PyTuple, Output = Bound<'py, PyTuple>>,
{
    let py = slf.py();
    let args = args.into_pyobject(py).map_err(Into::into)?;
    let mut all = vec![slf.clone().into_any()];
    all.extend(args.iter());
    mixin_func(py, name)?.call1(PyTuple::new(py, all)?)
}

/// The file a save/delete without an explicit target goes to.
fn resolve_target<'py>(
    slf: &Bound<'py, FileType>,
    filething: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    // Like mutagen's loadfile methods: a file may also come as `fileobj=`
    // or `filename=` (taken out of the keywords passed on).
    if let Some(kw) = kwargs {
        for key in ["fileobj", "filename"] {
            if let Some(value) = kw.get_item(key)? {
                kw.del_item(key)?;
                if filething.is_none_or(|f| f.is_none()) && !value.is_none() {
                    return Ok(value);
                }
            }
        }
    }
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
#[pyclass(subclass, weakref, module = "mutagen_rs")]
pub struct StreamInfo;

#[pymethods]
impl StreamInfo {
    #[new]
    #[pyo3(signature = (*_args, **_kwargs))]
    fn new(_args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>) -> Self {
        StreamInfo
    }

    /// For copy and pickle: the instance dict of a Python subclass (the
    /// base class holds nothing of its own).
    fn __getstate__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        match slf.as_any().getattr(pyo3::intern!(py, "__dict__")) {
            Ok(own) => Ok(own),
            Err(_) => Ok(PyDict::new(py).into_any()),
        }
    }

    /// The inverse of `__getstate__`.
    fn __setstate__(slf: &Bound<'_, Self>, state: &Bound<'_, PyAny>) -> PyResult<()> {
        let py = slf.py();
        let own = slf.as_any().getattr(pyo3::intern!(py, "__dict__"))?;
        own.call_method1(pyo3::intern!(py, "update"), (state,))?;
        Ok(())
    }

    /// A one-line summary; every format overrides this.
    fn pprint(&self) -> PyResult<String> {
        Err(PyNotImplementedError::new_err(()))
    }
}
