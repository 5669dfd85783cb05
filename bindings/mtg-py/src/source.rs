//! Byte sources for the Python side: what a format reads its file through.
//!
//! A plain path (str, bytes, os.PathLike) is opened by Rust itself with
//! `mtg_core::FileSource` (open, fstat, pread of exactly the ranges needed,
//! close): no Python file object is created on that path. A Python file
//! object is read through its own `seek`/`read` methods, range by range.

use std::borrow::Cow;
use std::io;
use std::path::{Path, PathBuf};

use mtg_core::{ByteSource, FileSource};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::errors;

/// Bytes of a file given to a format's `load`: a path Rust opened, or a
/// Python file object.
pub enum PySource {
    /// A file opened by Rust from a path.
    Path(FileSource),
    /// A Python file object (anything with `seek` and `read`).
    Object(PyFileObject),
}

/// A Python file object seen as a [`ByteSource`].
pub struct PyFileObject {
    fileobj: Py<PyAny>,
    len: u64,
}

impl PyFileObject {
    /// Wraps `fileobj`, taking its length by seeking to the end.
    pub fn new(fileobj: &Bound<'_, PyAny>) -> PyResult<Self> {
        let len: u64 = fileobj.call_method1("seek", (0, 2))?.extract()?;
        Ok(PyFileObject {
            fileobj: fileobj.clone().unbind(),
            len,
        })
    }

    fn read_py(&self, offset: u64, len: usize) -> PyResult<Vec<u8>> {
        Python::attach(|py| {
            let f = self.fileobj.bind(py);
            f.call_method1("seek", (offset,))?;
            let data = f.call_method1("read", (len,))?;
            let bytes = data.cast::<PyBytes>()?;
            Ok(bytes.as_bytes().to_vec())
        })
    }
}

/// Keeps the Python exception inside the I/O error, so that
/// `errors::from_core` can raise it again unchanged.
fn py_io_error(err: PyErr) -> mtg_core::Error {
    mtg_core::Error::Io(std::io::Error::other(err))
}

impl ByteSource for PyFileObject {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> mtg_core::Result<usize> {
        let wanted = buf.len().min(self.len.saturating_sub(offset) as usize);
        if wanted == 0 {
            return Ok(0);
        }
        let data = self.read_py(offset, wanted).map_err(py_io_error)?;
        let n = data.len().min(wanted);
        buf[..n].copy_from_slice(&data[..n]);
        Ok(n)
    }

    fn read_range(&self, offset: u64, len: usize) -> mtg_core::Result<Cow<'_, [u8]>> {
        let wanted = len.min(self.len.saturating_sub(offset) as usize);
        if wanted == 0 {
            return Ok(Cow::Borrowed(&[]));
        }
        let mut data = self.read_py(offset, wanted).map_err(py_io_error)?;
        data.truncate(wanted);
        Ok(Cow::Owned(data))
    }
}

impl ByteSource for PySource {
    fn len(&self) -> u64 {
        match self {
            PySource::Path(f) => f.len(),
            PySource::Object(f) => f.len(),
        }
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> mtg_core::Result<usize> {
        match self {
            PySource::Path(f) => f.read_at(offset, buf),
            PySource::Object(f) => f.read_at(offset, buf),
        }
    }

    fn read_range(&self, offset: u64, len: usize) -> mtg_core::Result<Cow<'_, [u8]>> {
        match self {
            PySource::Path(f) => f.read_range(offset, len),
            PySource::Object(f) => f.read_range(offset, len),
        }
    }
}

/// A file argument reduced to what a loader needs.
pub struct Opened {
    /// Where to read from.
    pub source: PySource,
}

/// The path in `obj` if it is a str, bytes or os.PathLike; None otherwise.
pub(crate) fn as_path(obj: &Bound<'_, PyAny>) -> PyResult<Option<PathBuf>> {
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return Ok(Some(bytes_path(bytes.as_bytes())));
    }
    if obj.is_instance_of::<PyString>() {
        return Ok(Some(obj.extract::<PathBuf>()?));
    }
    if obj.hasattr("__fspath__")? {
        let fspath = obj.call_method0("__fspath__")?;
        return match fspath.cast::<PyBytes>() {
            Ok(bytes) => Ok(Some(bytes_path(bytes.as_bytes()))),
            Err(_) => Ok(Some(fspath.extract::<PathBuf>()?)),
        };
    }
    Ok(None)
}

/// A bytes path, taken as the raw file-system name it is.
#[cfg(unix)]
fn bytes_path(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn bytes_path(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// Opens `filething` for reading the way mutagen's loaders accept it: a
/// path (opened by Rust; failures raise `MutagenError(OSError)`) or a file
/// object (used as is). Anything else is left to the Python `loadfile`
/// rules, signalled by `Ok(None)`.
pub fn open_for_reading(py: Python<'_>, filething: &Bound<'_, PyAny>) -> PyResult<Option<Opened>> {
    if let Some(path) = as_path(filething)? {
        return match py.detach(|| FileSource::open(&path)) {
            Ok(source) => Ok(Some(Opened {
                source: PySource::Path(source),
            })),
            Err(mtg_core::Error::Io(err)) => Err(errors::mutagen_error_from(
                py,
                errors::os_error(py, &err, filething),
            )),
            Err(other) => Err(pyo3::exceptions::PyOSError::new_err(other.to_string())),
        };
    }
    if filething.hasattr("read")? && filething.hasattr("seek")? {
        return Ok(Some(Opened {
            source: PySource::Object(PyFileObject::new(filething)?),
        }));
    }
    Ok(None)
}

/// [`open_for_reading`], then `work` on the source: for a path, opening
/// and `work` run in one stretch without the GIL (one release per call
/// keeps threads from handing the GIL back and forth). `work` must return
/// owned data. None when `filething` is neither a path nor a file object.
pub fn open_and_run<T: Send>(
    py: Python<'_>,
    filething: &Bound<'_, PyAny>,
    work: impl FnOnce(&PySource) -> T + Send,
) -> PyResult<Option<(PySource, T)>> {
    if let Some(path) = as_path(filething)? {
        let done = py.detach(|| {
            FileSource::open(&path).map(|fs| {
                let src = PySource::Path(fs);
                let out = work(&src);
                (src, out)
            })
        });
        return match done {
            Ok(pair) => Ok(Some(pair)),
            Err(mtg_core::Error::Io(err)) => Err(errors::mutagen_error_from(
                py,
                errors::os_error(py, &err, filething),
            )),
            Err(other) => Err(pyo3::exceptions::PyOSError::new_err(other.to_string())),
        };
    }
    if filething.hasattr("read")? && filething.hasattr("seek")? {
        let src = PySource::Object(PyFileObject::new(filething)?);
        let out = work(&src);
        return Ok(Some((src, out)));
    }
    Ok(None)
}

/// A Python file object opened for writing, seen as an
/// [`mtg_core::EditTarget`]: what a save edits when mutagen's `loadfile`
/// hands over an open file. Python exceptions raised by the object travel
/// inside the `io::Error` and come back out unchanged (see
/// [`crate::errors::from_core`]).
pub struct PyFileEdit<'py> {
    fileobj: Bound<'py, PyAny>,
}

impl<'py> PyFileEdit<'py> {
    /// Wraps an open, writable, seekable Python file object.
    pub fn new(fileobj: &Bound<'py, PyAny>) -> Self {
        PyFileEdit {
            fileobj: fileobj.clone(),
        }
    }

    fn call<A>(&self, name: &str, args: A) -> std::io::Result<Bound<'py, PyAny>>
    where
        A: pyo3::call::PyCallArgs<'py>,
    {
        self.fileobj
            .call_method1(name, args)
            .map_err(std::io::Error::other)
    }
}

impl mtg_core::EditTarget for PyFileEdit<'_> {
    fn current_len(&mut self) -> std::io::Result<u64> {
        self.call("seek", (0, 2))?
            .extract::<u64>()
            .map_err(std::io::Error::other)
    }

    fn truncate_or_extend(&mut self, len: u64) -> std::io::Result<()> {
        let current = self.current_len()?;
        if len < current {
            self.call("truncate", (len,))?;
            return Ok(());
        }
        // Grow by writing zeros at the end (works for BytesIO too).
        let mut left = len - current;
        const CHUNK: u64 = 1 << 20;
        while left > 0 {
            let n = left.min(CHUNK);
            let zeros = PyBytes::new(self.fileobj.py(), &vec![0u8; n as usize]);
            self.call("write", (zeros,))?;
            left -= n;
        }
        Ok(())
    }

    fn read_exact_from(&mut self, offset: u64, buf: &mut [u8]) -> std::io::Result<()> {
        self.call("seek", (offset,))?;
        let data = self.call("read", (buf.len(),))?;
        let bytes = data
            .cast::<PyBytes>()
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let got = bytes.as_bytes();
        if got.len() != buf.len() {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.copy_from_slice(got);
        Ok(())
    }

    fn write_all_to(&mut self, offset: u64, buf: &[u8]) -> std::io::Result<()> {
        self.call("seek", (offset,))?;
        self.call("write", (PyBytes::new(self.fileobj.py(), buf),))?;
        Ok(())
    }
}

/// Identifies a file's content well enough to notice that it changed:
/// device, inode, size and modification time. Bytes left in a file at load
/// time (picture payloads) are read later only from a file that still has
/// the fingerprint it had then.
pub type Fingerprint = (u64, u64, u64, i128);

/// The fingerprint of a file whose metadata was already taken.
pub fn fingerprint_of(meta: &std::fs::Metadata) -> Fingerprint {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino(), meta.len(), mtime)
    }
    #[cfg(not(unix))]
    {
        (0, 0, meta.len(), mtime)
    }
}

/// The `length` bytes at `offset` of the file at `path`, if it can be
/// opened and still has the fingerprint `expected` (else None: the caller
/// looks for the bytes again).
pub fn read_if_unchanged(
    path: &Path,
    offset: u64,
    length: usize,
    expected: Fingerprint,
) -> io::Result<Option<Vec<u8>>> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(_) => return Ok(None),
    };
    let source = FileSource::from_file(file).map_err(io::Error::other)?;
    if fingerprint_of(source.metadata()) != expected {
        return Ok(None);
    }
    let data = source
        .read_range(offset, length)
        .map_err(io::Error::other)?;
    Ok((data.len() == length).then(|| data.into_owned()))
}

/// `file_range_if_unchanged(path, offset, length, fingerprint)`: the bytes,
/// or None when the file changed since `fingerprint` was taken (or is
/// gone). Raises MutagenError(OSError) when reading fails.
#[pyfunction]
pub fn file_range_if_unchanged<'py>(
    py: Python<'py>,
    path: &Bound<'py, PyAny>,
    offset: u64,
    length: usize,
    fingerprint: Fingerprint,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    let Some(file_path) = as_path(path)? else {
        return Err(pyo3::exceptions::PyTypeError::new_err("a path is needed"));
    };
    match py.detach(|| read_if_unchanged(&file_path, offset, length, fingerprint)) {
        Ok(Some(data)) => Ok(Some(PyBytes::new(py, &data))),
        Ok(None) => Ok(None),
        Err(e) => Err(errors::mutagen_error_from(
            py,
            errors::os_error(py, &e, path),
        )),
    }
}
