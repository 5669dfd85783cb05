//! Native functions behind `mutagen_rs.apev2`, on top of the mtg-ape crate.
//!
//! * `ape_load(target)`: the items of the file's tag as a list of
//!   `(key, kind, value)` tuples in file order (`value` a str for text and
//!   external items, bytes for binary ones).
//! * `ape_render(items)`: a complete tag (header, items in mutagen's order,
//!   footer) from `(key, flags, value_bytes)` tuples.
//! * `ape_save(target, tag, create)`: write a rendered tag where mutagen
//!   puts it (replacing the file's tag).
//! * `ape_delete(target)`: remove the file's tag region.
//!
//! `target` is a path (str or bytes), opened by Rust with the GIL released,
//! or a file object, read and written through its own methods. Errors are
//! raised as the exceptions of `mutagen_rs.apev2` (and the `ValueError`s)
//! mutagen raises for the same file; an exception raised by a file object
//! comes back unchanged, an `OSError` wrapped in `apev2.error` like mutagen
//! does. When an item is broken, the exception carries `_ape_partial`: the
//! items read before it, which mutagen's `load` has already stored.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fs::OpenOptions;
use std::io;
use std::path::PathBuf;

use mtg_ape::{ApeError, BadItem, ItemKind, LocateOptions, Located, NewItem};
use mtg_core::{ByteSource, FileSource};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple, PyType};

use crate::errors;
use crate::source::PyFileEdit;

const MODULE: &str = "mutagen_rs.apev2";

/// Adds this module's functions to `mutagen_rs._native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(ape_load, m)?)?;
    m.add_function(wrap_pyfunction!(ape_render, m)?)?;
    m.add_function(wrap_pyfunction!(ape_save, m)?)?;
    m.add_function(wrap_pyfunction!(ape_delete, m)?)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// file objects

/// A Python file object as a [`ByteSource`]: `seek` + `read` per range. The
/// first exception the object raises is kept to be re-raised as it was.
struct PyReader<'py> {
    obj: Bound<'py, PyAny>,
    len: u64,
    pending: RefCell<Option<PyErr>>,
}

impl<'py> PyReader<'py> {
    fn new(obj: &Bound<'py, PyAny>) -> PyResult<Self> {
        let len: u64 = obj.call_method1("seek", (0, 2))?.extract()?;
        Ok(PyReader {
            obj: obj.clone(),
            len,
            pending: RefCell::new(None),
        })
    }

    fn read(&self, offset: u64, len: usize) -> PyResult<Vec<u8>> {
        self.obj.call_method1("seek", (offset,))?;
        let data = self.obj.call_method1("read", (len,))?;
        let bytes = data.cast::<PyBytes>()?;
        let mut out = bytes.as_bytes().to_vec();
        out.truncate(len);
        Ok(out)
    }

    fn fail(&self, err: PyErr) -> mtg_core::Error {
        let message = err.to_string();
        self.pending.borrow_mut().get_or_insert(err);
        mtg_core::Error::Io(io::Error::other(message))
    }
}

impl ByteSource for PyReader<'_> {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> mtg_core::Result<usize> {
        let wanted = clamp(self.len, offset, buf.len());
        if wanted == 0 {
            return Ok(0);
        }
        let data = self.read(offset, wanted).map_err(|e| self.fail(e))?;
        let n = data.len().min(wanted);
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), data.get(..n)) {
            dst.copy_from_slice(src);
        }
        Ok(n)
    }

    fn read_range(&self, offset: u64, len: usize) -> mtg_core::Result<Cow<'_, [u8]>> {
        let wanted = clamp(self.len, offset, len);
        if wanted == 0 {
            return Ok(Cow::Borrowed(&[]));
        }
        Ok(Cow::Owned(
            self.read(offset, wanted).map_err(|e| self.fail(e))?,
        ))
    }
}

fn clamp(total: u64, offset: u64, wanted: usize) -> usize {
    usize::try_from(total.saturating_sub(offset)).map_or(wanted, |a| a.min(wanted))
}

/// What a native function was given to work on.
enum Target<'py> {
    Path(PathBuf),
    Object(Bound<'py, PyAny>),
}

fn target<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Target<'py>> {
    if obj.is_instance_of::<PyString>() {
        Ok(Target::Path(obj.extract::<PathBuf>()?))
    } else if let Ok(bytes) = obj.cast::<PyBytes>() {
        Ok(Target::Path(bytes_path(obj.py(), bytes)?))
    } else {
        Ok(Target::Object(obj.clone()))
    }
}

/// A bytes path as the OS takes it.
#[cfg(unix)]
fn bytes_path(_py: Python<'_>, bytes: &Bound<'_, PyBytes>) -> PyResult<PathBuf> {
    use std::os::unix::ffi::OsStrExt;
    Ok(PathBuf::from(std::ffi::OsStr::from_bytes(bytes.as_bytes())))
}

/// A bytes path as the OS takes it (decoded like `os.fsdecode`).
#[cfg(not(unix))]
fn bytes_path(py: Python<'_>, bytes: &Bound<'_, PyBytes>) -> PyResult<PathBuf> {
    py.import("os")?
        .call_method1("fsdecode", (bytes,))?
        .extract::<PathBuf>()
}

// ---------------------------------------------------------------------------
// exceptions

/// An exception of `mutagen_rs.apev2` with the given arguments.
fn ape_err<A>(py: Python<'_>, name: &str, args: A) -> PyErr
where
    A: pyo3::PyErrArguments + Send + Sync + 'static,
{
    match errors::class(py, MODULE, name) {
        Ok(cls) => PyErr::from_type(cls, args),
        Err(e) => e,
    }
}

/// `cls(cause)` raised while handling `cause` (`__context__` set).
fn wrapping(py: Python<'_>, name: &str, cause: PyErr) -> PyErr {
    let err = match errors::class(py, MODULE, name) {
        Ok(cls) => PyErr::from_type(cls, (cause.value(py).clone().unbind(),)),
        Err(e) => return e,
    };
    let _ = err.value(py).setattr("__context__", cause.value(py));
    err
}

/// An exception a file object raised: `OSError` becomes `apev2.error(e)`,
/// anything else stays as it is.
fn from_file_object(py: Python<'_>, err: PyErr) -> PyErr {
    if err.is_instance_of::<PyOSError>(py) {
        wrapping(py, "error", err)
    } else {
        err
    }
}

/// `OSError(errno, strerror)` for an I/O error of a file Rust opened.
fn os_error(py: Python<'_>, err: &io::Error) -> PyErr {
    match err.raw_os_error() {
        Some(errno) => {
            let strerror = py
                .import("os")
                .and_then(|os| os.call_method1("strerror", (errno,)))
                .and_then(|s| s.extract::<String>())
                .unwrap_or_else(|_| err.to_string());
            PyOSError::new_err((errno, strerror))
        }
        None => PyOSError::new_err(err.to_string()),
    }
}

/// `data[range].decode(codec)` failing: the `UnicodeDecodeError` Python
/// gives for it, wrapped in `APEBadItemError` as mutagen raises it.
fn decode_error(py: Python<'_>, data: &[u8], range: std::ops::Range<usize>, codec: &str) -> PyErr {
    let bytes = PyBytes::new(py, data.get(range).unwrap_or(&[]));
    match bytes.call_method1("decode", (codec,)) {
        Err(e) => wrapping(py, "APEBadItemError", e),
        Ok(_) => ape_err(py, "APEBadItemError", ()),
    }
}

/// The `APEBadItemError` mutagen raises for `bad` (`data` is the item area
/// the ranges point into).
fn bad_item(py: Python<'_>, bad: &BadItem, data: &[u8]) -> PyErr {
    match bad {
        BadItem::UnknownKind => ape_err(py, "APEBadItemError", ("value type must be 0, 1, or 2",)),
        BadItem::UnterminatedKey | BadItem::ValueTruncated => ape_err(py, "APEBadItemError", ()),
        BadItem::KeyNotAscii { key, .. } => decode_error(py, data, key.clone(), "ascii"),
        BadItem::ValueNotUtf8 { value, .. } => decode_error(py, data, value.clone(), "utf-8"),
        BadItem::InvalidKey { key } => {
            let shown = PyString::new(py, key)
                .repr()
                .map(|r| r.to_string())
                .unwrap_or_else(|_| format!("{key:?}"));
            ape_err(
                py,
                "APEBadItemError",
                (format!("{shown} is not a valid APEv2 key"),),
            )
        }
    }
}

/// Raise `err` as mutagen does. `file` is the file object worked on, if
/// any (a negative seek is replayed on it to get its own exception), and
/// `pending` an exception it raised meanwhile, which wins.
fn ape_to_py(
    py: Python<'_>,
    err: &ApeError,
    file: Option<&Bound<'_, PyAny>>,
    pending: Option<PyErr>,
) -> PyErr {
    if let Some(e) = pending {
        return from_file_object(py, e);
    }
    match err {
        ApeError::NoHeader => ape_err(py, "APENoHeaderError", ("No APE tag found",)),
        ApeError::Truncated => ape_err(py, "error", ()),
        ApeError::BadItem(bad) => bad_item(py, bad, &[]),
        ApeError::NegativeSeek(offset) => {
            if let Some(f) = file {
                if let Err(e) = f.call_method1("seek", (*offset,)) {
                    return from_file_object(py, e);
                }
            }
            wrapping(py, "error", PyOSError::new_err((22, "Invalid argument")))
        }
        ApeError::NegativeRead { .. } => {
            PyValueError::new_err("read length must be non-negative or -1")
        }
        ApeError::RegionPastEnd => PyValueError::new_err(()),
        ApeError::TooLarge(_) => {
            let cls = py
                .import("struct")
                .and_then(|m| m.getattr("error"))
                .and_then(|c| c.cast_into::<PyType>().map_err(PyErr::from));
            match cls {
                Ok(cls) => PyErr::from_type(cls, ("argument out of range",)),
                Err(e) => e,
            }
        }
        ApeError::Core(core) => core_to_py(py, core),
    }
}

fn core_to_py(py: Python<'_>, err: &mtg_core::Error) -> PyErr {
    match err {
        mtg_core::Error::Io(io) => match errors::python_error_in(io) {
            Some(e) => from_file_object(py, e),
            None => wrapping(py, "error", os_error(py, io)),
        },
        mtg_core::Error::RestoreFailed { error, .. } => {
            let e = match errors::python_error_in(error) {
                Some(e) => from_file_object(py, e),
                None => wrapping(py, "error", os_error(py, error)),
            };
            let _ = e.value(py).setattr("restore_failed", err.to_string());
            e
        }
        mtg_core::Error::InvalidArgument(_) => PyValueError::new_err(()),
        mtg_core::Error::Truncated { .. } => ape_err(py, "error", ()),
        other => ape_err(py, "error", (other.to_string(),)),
    }
}

/// `MutagenError(e)` raised from `e` for a path that cannot be opened, as
/// mutagen's `loadfile` reports it.
fn open_error(py: Python<'_>, err: &io::Error, name: &Bound<'_, PyAny>) -> PyErr {
    let cause = errors::os_error(py, err, name);
    let context = cause.clone_ref(py);
    let wrapped = errors::mutagen_error_from(py, cause);
    let _ = wrapped.value(py).setattr("__context__", context.value(py));
    wrapped
}

fn is_directory_error(err: &ApeError) -> Option<&io::Error> {
    match err {
        ApeError::Core(mtg_core::Error::Io(io)) if io.raw_os_error() == Some(21) => Some(io),
        _ => None,
    }
}

/// Run `op` on a file object's reader the way mutagen's reads would go:
/// when the tag asks for a negative read length, the object's own `read`
/// decides (a file on disk raises `ValueError`, `io.BytesIO` reads to the
/// end, and so does `op` then).
fn on_object<'py, T>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    reader: &PyReader<'py>,
    op: impl Fn(LocateOptions) -> mtg_ape::Result<T>,
) -> PyResult<T> {
    let fail = |e: &ApeError| ape_to_py(py, e, Some(obj), reader.pending.take());
    match op(LocateOptions::default()) {
        Err(ApeError::NegativeRead { len, offset }) => {
            let replay = obj
                .call_method1("seek", (offset,))
                .and_then(|_| obj.call_method1("read", (len,)));
            if let Err(e) = replay {
                return Err(from_file_object(py, e));
            }
            op(LocateOptions {
                negative_read_to_end: true,
            })
            .map_err(|e| fail(&e))
        }
        other => other.map_err(|e| fail(&e)),
    }
}

// ---------------------------------------------------------------------------
// loading

/// The items of `tag` as Python tuples; on a broken item, the exception
/// with the items before it in `_ape_partial`.
fn items_to_py<'py>(py: Python<'py>, tag: &mtg_ape::TagData<'_>) -> PyResult<Bound<'py, PyList>> {
    let parsed = tag.items();
    let list = PyList::empty(py);
    for item in &parsed.items {
        let value = match item.kind {
            ItemKind::Binary => PyBytes::new(py, item.value).into_any(),
            // Checked to be UTF-8 by the parser.
            _ => PyString::new(py, &String::from_utf8_lossy(item.value)).into_any(),
        };
        let entry = PyTuple::new(
            py,
            [
                PyString::new(py, item.key).into_any(),
                (item.kind as u32).into_pyobject(py)?.into_any(),
                value,
            ],
        )?;
        list.append(entry)?;
    }
    if let Some(err) = parsed.error {
        let exc = match err {
            mtg_ape::ItemError::Truncated => ape_err(py, "error", ()),
            mtg_ape::ItemError::Bad(bad) => bad_item(py, &bad, tag.data()),
        };
        let _ = exc.value(py).setattr("_ape_partial", list);
        return Err(exc);
    }
    Ok(list)
}

/// Read the APEv2 tag of `target` (a path or a file object).
///
/// Returns `[(key, kind, value), ...]` in file order.
#[pyfunction]
pub fn ape_load<'py>(py: Python<'py>, target: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    match self::target(target)? {
        Target::Path(path) => {
            // One GIL release for open, fstat, the reads and close.
            let read = py.detach(|| match FileSource::open(&path) {
                Ok(source) => Ok(mtg_ape::read_tag(&source).map(mtg_ape::TagData::into_owned)),
                Err(e) => Err(e),
            });
            let tag = match read {
                Err(mtg_core::Error::Io(io)) => return Err(open_error(py, &io, target)),
                Err(other) => return Err(core_to_py(py, &other)),
                Ok(Err(e)) => {
                    return Err(match is_directory_error(&e) {
                        Some(io) => open_error(py, io, target),
                        None => ape_to_py(py, &e, None, None),
                    })
                }
                Ok(Ok(tag)) => tag,
            };
            items_to_py(py, &tag)
        }
        Target::Object(obj) => {
            let reader = PyReader::new(&obj).map_err(|e| from_file_object(py, e))?;
            let tag = on_object(py, &obj, &reader, |o| mtg_ape::read_tag_opts(&reader, o))?;
            items_to_py(py, &tag)
        }
    }
}

// ---------------------------------------------------------------------------
// writing

/// Serialise a tag from `[(key, flags, value_bytes), ...]`.
#[pyfunction]
pub fn ape_render<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let mut owned: Vec<(String, u32, Vec<u8>)> = Vec::new();
    for entry in items.try_iter()? {
        let (key, flags, value): (String, u32, Vec<u8>) = entry?.extract()?;
        owned.push((key, flags, value));
    }
    let new: Vec<NewItem<'_>> = owned
        .iter()
        .map(|(key, flags, value)| NewItem {
            key,
            flags: *flags,
            value,
        })
        .collect();
    let tag = mtg_ape::render_tag(&new).map_err(|e| ape_to_py(py, &e, None, None))?;
    Ok(PyBytes::new(py, &tag))
}

/// What to do with the tag region.
enum Edit<'a> {
    Save(&'a [u8]),
    Delete,
}

fn apply<F: mtg_core::EditTarget + ?Sized>(
    file: &mut F,
    located: Option<&Located>,
    edit: &Edit<'_>,
) -> mtg_ape::Result<()> {
    match (edit, located) {
        (Edit::Save(tag), located) => mtg_ape::save_tag(file, located, tag),
        (Edit::Delete, Some(l)) => mtg_ape::delete_tag(file, l),
        (Edit::Delete, None) => Ok(()),
    }
}

fn edit_target(
    py: Python<'_>,
    target: &Bound<'_, PyAny>,
    edit: Edit<'_>,
    create: bool,
) -> PyResult<()> {
    match self::target(target)? {
        Target::Path(path) => {
            let file = py
                .detach(|| {
                    OpenOptions::new()
                        .read(true)
                        .write(true)
                        .create(create)
                        .truncate(false)
                        .open(&path)
                })
                .map_err(|e| open_error(py, &e, target))?;
            py.detach(|| -> mtg_ape::Result<()> {
                let source = FileSource::from_file(file)?;
                let located = mtg_ape::locate(&source)?;
                let mut file = source.into_file();
                apply(&mut file, located.as_ref(), &edit)
            })
            .map_err(|e| ape_to_py(py, &e, None, None))
        }
        Target::Object(obj) => {
            let reader = PyReader::new(&obj).map_err(|e| from_file_object(py, e))?;
            let located = on_object(py, &obj, &reader, |o| mtg_ape::locate_opts(&reader, o))?;
            let mut file = PyFileEdit::new(&obj);
            apply(&mut file, located.as_ref(), &edit)
                .map_err(|e| ape_to_py(py, &e, Some(&obj), None))
        }
    }
}

/// Write the rendered tag `tag` into `target` (a path, created if missing
/// and `create`, or a writable file object), replacing its APEv2 tag.
#[pyfunction]
#[pyo3(signature = (target, tag, create=true))]
pub fn ape_save(
    py: Python<'_>,
    target: &Bound<'_, PyAny>,
    tag: &[u8],
    create: bool,
) -> PyResult<()> {
    edit_target(py, target, Edit::Save(tag), create)
}

/// Remove the APEv2 tag region of `target` (a path or a writable file
/// object); nothing happens without a tag.
#[pyfunction]
pub fn ape_delete(py: Python<'_>, target: &Bound<'_, PyAny>) -> PyResult<()> {
    edit_target(py, target, Edit::Delete, false)
}
