//! Native functions behind `mutagen_rs.flac` and `mutagen_rs._vorbis`,
//! on top of the mtg-flac crate.
//!
//! * Vorbis comments: `vorbis_parse` / `vorbis_write` (the codec
//!   `mutagen_rs._vorbis` is built on).
//! * Block bodies: `flac_*_parse` turn a body into the attribute values of
//!   the Python block classes, `flac_*_write` serialise a Python block
//!   object, reading its attributes in the order (and with the errors) the
//!   Python objects' values would give when packed field by field.
//! * Chains: `flac_writeblock` / `flac_writeblocks` (a block with its
//!   header; a whole chain ending in the PADDING block).
//! * Files: `flac_load` (one call: every block header walked, STREAMINFO and
//!   the first comment decoded, the rest kept in a `FlacState` for when the
//!   Python side asks), `flac_picture_data` (one positional read of an image
//!   left in the file) and `flac_save` (the new chain written over the old
//!   one, in place).
//!
//! Paths are opened by Rust; Python file objects are read (and written)
//! through their own methods, and an exception they raise is re-raised as
//! the Python side would see it.

use std::borrow::Cow;
use std::cell::RefCell;
use std::io;
use std::path::{Path, PathBuf};

use mtg_core::{ByteSource, EditTarget, FileSource};
use mtg_flac::{
    header_bytes, scan_layout, Block, CueSheet, CueSheetTrack, CueSheetTrackIndex, ErrorMode,
    FlacError, FlacFile, Layout, NoHeader, ParseOptions, Picture, PictureData, SeekPoint,
    SeekTable, StreamInfo, VComment, VorbisError, MAX_BLOCK_LEN,
};
use pyo3::buffer::PyBuffer;
use pyo3::exceptions::{
    PyAssertionError, PyIndexError, PyMemoryError, PyOSError, PyOverflowError, PyTypeError,
    PyUnicodeEncodeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyInt, PyList, PyString, PyTuple, PyType};

use crate::{errors, list_method, source};

const FLAC_MODULE: &str = "mutagen_rs.flac";
const VORBIS_MODULE: &str = "mutagen_rs._vorbis";

/// Adds this module's functions to `mutagen_rs._native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<FlacState>()?;
    m.add_function(wrap_pyfunction!(vorbis_parse, m)?)?;
    m.add_function(wrap_pyfunction!(vorbis_write, m)?)?;
    m.add("vorbis_getitem", vcomment_getitem_descriptor(m.py())?)?;
    m.add("vorbis_keys", vcomment_keys_descriptor(m.py())?)?;
    m.add_function(wrap_pyfunction!(flac_streaminfo_parse, m)?)?;
    m.add_function(wrap_pyfunction!(flac_seektable_parse, m)?)?;
    m.add_function(wrap_pyfunction!(flac_cuesheet_parse, m)?)?;
    m.add_function(wrap_pyfunction!(flac_picture_parse, m)?)?;
    m.add_function(wrap_pyfunction!(flac_streaminfo_write, m)?)?;
    m.add_function(wrap_pyfunction!(flac_padding_write, m)?)?;
    m.add_function(wrap_pyfunction!(flac_seektable_write, m)?)?;
    m.add_function(wrap_pyfunction!(flac_cuesheet_write, m)?)?;
    m.add_function(wrap_pyfunction!(flac_picture_write, m)?)?;
    m.add_function(wrap_pyfunction!(flac_writeblock, m)?)?;
    m.add_function(wrap_pyfunction!(flac_writeblocks, m)?)?;
    m.add_function(wrap_pyfunction!(flac_load, m)?)?;
    m.add_function(wrap_pyfunction!(flac_picture_data, m)?)?;
    m.add_function(wrap_pyfunction!(flac_save, m)?)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// exceptions

/// `mutagen_rs.flac.error(message)`.
fn flac_error(py: Python<'_>, message: impl Into<String>) -> PyErr {
    errors::new_err(py, FLAC_MODULE, "error", message.into())
}

/// An exception of `mutagen_rs._vorbis` with one message argument.
fn vorbis_error(py: Python<'_>, name: &str, message: impl Into<String>) -> PyErr {
    errors::new_err(py, VORBIS_MODULE, name, message.into())
}

/// Python's `struct.error(message)`.
fn struct_error(py: Python<'_>, message: &str) -> PyErr {
    let class = py
        .import("struct")
        .and_then(|m| m.getattr("error"))
        .and_then(|c| c.cast_into::<PyType>().map_err(PyErr::from));
    match class {
        Ok(cls) => PyErr::from_type(cls, message.to_owned()),
        Err(e) => e,
    }
}

/// `err` with `context` as its `__context__`, as when raised while handling
/// `context`.
fn with_context(py: Python<'_>, err: PyErr, context: PyErr) -> PyErr {
    // Setting an attribute on an exception instance cannot fail in practice;
    // the error itself is what matters.
    let _ = err.value(py).setattr("__context__", context.value(py));
    err
}

/// `error(cause)` raised while handling `cause`: how the Python side reports
/// an `OSError` met while reading or writing a FLAC file.
fn flac_error_from(py: Python<'_>, cause: PyErr) -> PyErr {
    let err = match errors::class(py, FLAC_MODULE, "error") {
        Ok(cls) => PyErr::from_type(cls, (cause.value(py).clone().unbind(),)),
        Err(e) => return e,
    };
    with_context(py, err, cause)
}

/// An exception raised by a Python file object: `OSError`s become
/// `mutagen_rs.flac.error`, anything else is passed through.
fn file_object_error(py: Python<'_>, err: PyErr) -> PyErr {
    if err.is_instance_of::<PyOSError>(py) {
        flac_error_from(py, err)
    } else {
        err
    }
}

/// An I/O error of a path Rust opened, as the Python side reports it.
fn io_error(py: Python<'_>, err: &io::Error, name: &Bound<'_, PyAny>) -> PyErr {
    flac_error_from(py, errors::os_error(py, err, name))
}

/// Raise `err` (from reading or saving the file `name`) as mutagen does.
/// `pending` is an exception a Python file object raised meanwhile; it wins.
fn flac_to_py(
    py: Python<'_>,
    err: &FlacError,
    name: &Bound<'_, PyAny>,
    pending: Option<PyErr>,
) -> PyErr {
    if let Some(e) = pending {
        return file_object_error(py, e);
    }
    match err {
        FlacError::NoHeader(NoHeader::NotFlac) => {
            let shown = name
                .repr()
                .map(|r| r.to_string())
                .unwrap_or_else(|_| "''".to_owned());
            errors::new_err(
                py,
                FLAC_MODULE,
                "FLACNoHeaderError",
                format!("{shown} is not a valid FLAC file"),
            )
        }
        FlacError::NoHeader(NoHeader::NoStreamInfo) => with_context(
            py,
            errors::new_err(py, FLAC_MODULE, "FLACNoHeaderError", err.to_string()),
            PyIndexError::new_err("list index out of range"),
        ),
        FlacError::VorbisExists => {
            errors::new_err(py, FLAC_MODULE, "FLACVorbisError", err.to_string())
        }
        FlacError::ValueOutOfRange(m) => struct_error(py, m),
        FlacError::Vorbis(v) if !matches!(v, VorbisError::Truncated { .. }) => vorbis_to_py(py, v),
        FlacError::Core(mtg_core::Error::Io(e)) => io_error(py, e, name),
        FlacError::Core(mtg_core::Error::RestoreFailed { error, .. }) => {
            let err = io_error(py, error, name);
            let _ = err.value(py).setattr("restore_failed", err.to_string());
            err
        }
        other => flac_error(py, other.to_string()),
    }
}

/// A Vorbis codec error as the Python exception mutagen raises.
fn vorbis_to_py(py: Python<'_>, err: &VorbisError) -> PyErr {
    match err {
        VorbisError::Invalid => {
            not_valid(py, struct_error(py, "unpack requires a buffer of 4 bytes"))
        }
        VorbisError::Truncated { .. } => flac_error(py, err.to_string()),
        VorbisError::UnsetFramingBit => vorbis_error(py, "VorbisUnsetFrameError", err.to_string()),
        VorbisError::MissingFramingByte => PyIndexError::new_err(err.to_string()),
        VorbisError::MissingSeparator | VorbisError::InvalidTagName(_) => {
            vorbis_error(py, "VorbisEncodingError", err.to_string())
        }
        VorbisError::Decode { .. } | VorbisError::InvalidKey(_) => {
            PyValueError::new_err(err.to_string())
        }
        VorbisError::TooLong => struct_error(py, &err.to_string()),
    }
}

/// `mutagen_rs._vorbis.error("file is not a valid Vorbis comment")` raised
/// while handling `cause`.
fn not_valid(py: Python<'_>, cause: PyErr) -> PyErr {
    with_context(
        py,
        vorbis_error(py, "error", "file is not a valid Vorbis comment"),
        cause,
    )
}

// ---------------------------------------------------------------------------
// Vorbis comments

/// The pair list `comments` as a Python list of `(key, value)` tuples.
fn comment_list<'py>(
    py: Python<'py>,
    comments: &[(Cow<'_, str>, Cow<'_, str>)],
) -> PyResult<Bound<'py, PyList>> {
    PyList::new(
        py,
        comments
            .iter()
            .map(|(k, v)| {
                PyTuple::new(py, [PyString::new(py, k), PyString::new(py, v)]).map(Bound::into_any)
            })
            .collect::<PyResult<Vec<_>>>()?,
    )
}

/// Append the pairs of `comments` to `list` as `(key, value)` tuples (with
/// `list.append` itself, whatever the list's class).
fn append_comments(
    list: &Bound<'_, PyList>,
    comments: &[(Cow<'_, str>, Cow<'_, str>)],
) -> PyResult<()> {
    let py = list.py();
    for (k, v) in comments {
        list.append(PyTuple::new(
            py,
            [PyString::new(py, k), PyString::new(py, v)],
        )?)?;
    }
    Ok(())
}

/// Parse the Vorbis comment packet at the start of `data`.
///
/// Returns `(vendor, [(key, value), ...], size)`, `size` being the bytes the
/// packet took (framing byte included). `errors` is a Python codec error
/// handler name: 'strict', 'replace' and 'ignore' are handled natively,
/// anything else goes through Python's codecs. Errors raise the
/// `mutagen_rs._vorbis` exceptions (or the codec's own); the exception then
/// carries `_vorbis_partial = (vendor or None, comments)`: what was read
/// before the failure.
#[pyfunction]
pub fn vorbis_parse<'py>(
    py: Python<'py>,
    data: &[u8],
    errors: &Bound<'py, PyString>,
    framing: bool,
) -> PyResult<Bound<'py, PyTuple>> {
    if let Some(mode) = errors.to_str().ok().and_then(ErrorMode::from_python) {
        let options = ParseOptions {
            errors: mode,
            framing,
            strict_lengths: false,
        };
        if let Ok((comment, size)) = VComment::parse(data, options) {
            let comments = comment_list(py, &comment.comments)?;
            return PyTuple::new(
                py,
                [
                    PyString::new(py, &comment.vendor).into_any(),
                    comments.into_any(),
                    size.into_pyobject(py)?.into_any(),
                ],
            );
        }
    }
    // A failure (whose partial result and exact exception matter) or a codec
    // error handler only Python knows: the step-by-step reader.
    let mut vendor: Option<Bound<'py, PyString>> = None;
    let comments = PyList::empty(py);
    match parse_stepwise(py, data, errors, framing, &mut vendor, &comments) {
        Ok(size) => PyTuple::new(
            py,
            [
                vendor.map_or_else(|| PyString::new(py, "").into_any(), Bound::into_any),
                comments.into_any(),
                size.into_pyobject(py)?.into_any(),
            ],
        ),
        Err(err) => {
            let vendor_obj = vendor.map_or_else(|| py.None().into_bound(py), Bound::into_any);
            let partial = PyTuple::new(py, [vendor_obj, comments.into_any()])?;
            let _ = err.value(py).setattr("_vorbis_partial", partial);
            Err(err)
        }
    }
}

/// The packet reader behind [`vorbis_parse`] when the fast path cannot
/// answer: text that is not UTF-8 is decoded by Python with the `errors`
/// handler, and every failure is raised as mutagen raises it. Fills
/// `vendor` and `comments` as it goes; returns the bytes consumed.
fn parse_stepwise<'py>(
    py: Python<'py>,
    data: &[u8],
    errors: &Bound<'py, PyString>,
    framing: bool,
    vendor: &mut Option<Bound<'py, PyString>>,
    comments: &Bound<'py, PyList>,
) -> PyResult<usize> {
    let mode = errors.to_str().ok();
    let mut pos = 0usize;
    let length = |pos: &mut usize| -> PyResult<usize> {
        let field = data
            .get(*pos..)
            .and_then(|rest| rest.get(..4))
            .ok_or_else(|| {
                not_valid(py, struct_error(py, "unpack requires a buffer of 4 bytes"))
            })?;
        *pos += 4;
        let mut raw = [0u8; 4];
        raw.copy_from_slice(field);
        Ok(u32::from_le_bytes(raw) as usize)
    };
    // A string is what is left when the data ends early.
    let string = |pos: &mut usize, n: usize| -> &[u8] {
        let start = (*pos).min(data.len());
        let end = start.saturating_add(n).min(data.len());
        *pos = end;
        data.get(start..end).unwrap_or(&[])
    };
    let decode = |raw: &[u8]| -> PyResult<Bound<'py, PyString>> {
        if let Ok(text) = std::str::from_utf8(raw) {
            return Ok(PyString::new(py, text));
        }
        match PyBytes::new(py, raw).call_method1("decode", ("utf-8", errors)) {
            Ok(text) => Ok(text.cast_into::<PyString>()?),
            Err(e) if e.is_instance_of::<PyTypeError>(py) => Err(not_valid(py, e)),
            Err(e) => Err(e),
        }
    };

    let vendor_len = length(&mut pos)?;
    *vendor = Some(decode(string(&mut pos, vendor_len))?);
    let count = length(&mut pos)?;
    for index in 0..count {
        let size = length(&mut pos)?;
        let text = decode(string(&mut pos, size))?;
        let parts = text.call_method1("split", ("=", 1))?;
        let (key, value) = if parts.len()? == 2 {
            (parts.get_item(0)?, parts.get_item(1)?)
        } else {
            match mode {
                Some("ignore") => continue,
                Some("replace") => (
                    PyString::new(py, &format!("unknown{index}")).into_any(),
                    text.into_any(),
                ),
                _ => {
                    let cause =
                        PyValueError::new_err("not enough values to unpack (expected 2, got 1)");
                    let err = match errors::class(py, VORBIS_MODULE, "VorbisEncodingError") {
                        Ok(cls) => PyErr::from_type(cls, (cause.value(py).clone().unbind(),)),
                        Err(e) => return Err(e),
                    };
                    return Err(with_context(py, err, cause));
                }
            }
        };
        let ascii_key = match key.cast::<PyString>().ok().and_then(|k| k.to_str().ok()) {
            Some(k) if k.is_ascii() => key.clone(),
            _ => match key.call_method1("encode", ("ascii", errors)) {
                Ok(encoded) => encoded.call_method1("decode", ("ascii",))?,
                Err(e) if e.is_instance_of::<PyUnicodeEncodeError>(py) => {
                    let shown = key.repr()?.to_string();
                    let err = vorbis_error(
                        py,
                        "VorbisEncodingError",
                        format!("invalid tag name {shown}"),
                    );
                    return Err(with_context(py, err, e));
                }
                Err(e) if e.is_instance_of::<PyTypeError>(py) => return Err(not_valid(py, e)),
                Err(e) => return Err(e),
            },
        };
        let valid = ascii_key
            .cast::<PyString>()
            .ok()
            .and_then(|k| k.to_str().ok())
            .is_some_and(mtg_flac::istag);
        if valid {
            comments.append(PyTuple::new(py, [ascii_key, value])?)?;
        }
    }
    if framing {
        match data.get(pos) {
            None => return Err(PyIndexError::new_err("bytearray index out of range")),
            Some(b) if b & 1 == 0 => {
                return Err(vorbis_error(
                    py,
                    "VorbisUnsetFrameError",
                    "framing bit was unset",
                ))
            }
            Some(_) => pos += 1,
        }
    }
    Ok(pos)
}

/// Serialise a Vorbis comment packet: `vendor`, the `(key, value)` pairs of
/// `comments` (all str, already validated), and the framing byte if
/// `framing`. Text that cannot be UTF-8 (lone surrogates) raises
/// `UnicodeEncodeError`.
#[pyfunction]
pub fn vorbis_write<'py>(
    py: Python<'py>,
    vendor: &Bound<'py, PyString>,
    comments: &Bound<'py, PyAny>,
    framing: bool,
) -> PyResult<Bound<'py, PyBytes>> {
    // Every string as UTF-8, in the order they are written: vendor, then
    // key and value of each comment.
    let vendor = utf8_of(vendor.as_any())?;
    let mut texts: Vec<(Utf8<'py>, Utf8<'py>)> = Vec::new();
    for item in comments.try_iter()? {
        let item = item?;
        let pair = item.cast::<PyTuple>()?;
        if pair.len() != 2 {
            return Err(PyValueError::new_err("comments must be (key, value) pairs"));
        }
        let key = utf8_of(&pair.get_item(0)?)?;
        let value = utf8_of(&pair.get_item(1)?)?;
        texts.push((key, value));
    }
    let mut comment = VComment {
        vendor: Cow::Borrowed(vendor.as_str()),
        comments: Vec::with_capacity(texts.len()),
    };
    for (k, v) in &texts {
        comment
            .comments
            .push((Cow::Borrowed(k.as_str()), Cow::Borrowed(v.as_str())));
    }
    let out = comment.write(framing).map_err(|e| vorbis_to_py(py, &e))?;
    Ok(PyBytes::new(py, &out))
}

// ---------------------------------------------------------------------------
// Vorbis comment dict lookups (`VCommentDict.__getitem__` / `keys`)

/// The items of `comments` as a list walked like `for k, v in comments`
/// walks it, or None when only Python can say (not a list, or a type with
/// its own `__iter__`).
///
/// A class that defines `__iter__` in Python gets another `tp_iter` slot
/// than `list`'s, so comparing the slots answers what comparing the
/// `__iter__` attributes does, without a type attribute lookup (measured:
/// 10-20% of a `tags[key]`).
fn plain_list<'a, 'py>(
    comments: &'a Bound<'py, PyAny>,
) -> PyResult<Option<&'a Bound<'py, PyList>>> {
    let Ok(list) = comments.cast::<PyList>() else {
        return Ok(None);
    };
    // SAFETY: `list` is a live object (the GIL is held), so its type object
    // is live too; `list` and the type of every list instance are full
    // `PyTypeObject`s (this module is built for the full, not the limited,
    // API), whose `tp_iter` field is only read.
    let same = unsafe {
        let own = (*pyo3::ffi::Py_TYPE(list.as_ptr())).tp_iter;
        let base = (*std::ptr::addr_of_mut!(pyo3::ffi::PyList_Type)).tp_iter;
        own.map(|f| f as usize) == base.map(|f| f as usize)
    };
    Ok(same.then_some(list))
}

/// Whether `key` is a valid comment name made of ASCII only (every
/// character from ' ' to '}' except '=').
fn ascii_tag(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| (0x20..=0x7D).contains(&b) && b != b'=')
}

/// How the name of one comment list item compares: `Some(text)` for an
/// exact str (`text` the name lower-cased, borrowed when the name is ASCII
/// and needs no change), None when only Python can say (the item is not an
/// exact 2-tuple, or its name is not an exact str).
fn comment_name<'a, 'py>(
    pair: &'a Bound<'py, PyAny>,
) -> PyResult<Option<(&'a Bound<'py, PyString>, &'a Bound<'py, PyAny>)>> {
    let Ok(pair) = pair.cast_exact::<PyTuple>() else {
        return Ok(None);
    };
    let [name, value] = pair.as_slice() else {
        return Ok(None);
    };
    let Ok(name) = name.cast_exact::<PyString>() else {
        return Ok(None);
    };
    Ok(Some((name, value)))
}

/// `name.lower()` for a name that is not ASCII (str.lower() of an exact str
/// runs no Python code); None if the result is not text Rust can read.
fn unicode_lower<'py>(name: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
    Ok(name
        .call_method0(pyo3::intern!(name.py(), "lower"))?
        .cast_into::<PyString>()?)
}

/// What [`ascii_scan`] found.
enum AsciiScan {
    /// The positions of the items whose name matches.
    Found(Vec<usize>),
    /// An item that is not an exact `(str, value)` tuple: Python answers.
    NotPlain,
    /// A name that is not compact ASCII text: the general loop answers.
    NotAscii,
}

/// The positions of the items of `list` whose name equals the ASCII `key`
/// ignoring case, when every item is an exact `(str, value)` tuple whose
/// name is compact ASCII text (what loaded comments always are).
///
/// Reads the objects in place, without reference counting or calls into
/// Python: measured, the general loop (one `PyUnicode_AsUTF8AndSize` call
/// and two reference count changes per item) costs several times more per
/// item, and `tags[key]` scans the whole list for every key.
fn ascii_scan(list: &Bound<'_, PyList>, key: &str) -> AsciiScan {
    use pyo3::ffi;
    let key = key.as_bytes();
    let mut found = Vec::new();
    let list_ptr = list.as_ptr();
    // SAFETY: `list_ptr` is a live list (`list` holds a reference and the
    // GIL is held). Nothing in this block runs Python code or allocates
    // Python objects, so neither the list nor its items can change or be
    // freed meanwhile. Every index is below the list's size; an item is only
    // read as a tuple after its type was checked to be exactly `tuple` with
    // two items, and a name is only read as text after its type was checked
    // to be exactly `str` stored as compact ASCII, whose
    // `PyUnicode_GET_LENGTH` bytes start at `PyUnicode_1BYTE_DATA` (read
    // only when that length equals `key.len()`).
    unsafe {
        let size = ffi::PyList_GET_SIZE(list_ptr);
        for i in 0..size {
            let item = ffi::PyList_GET_ITEM(list_ptr, i);
            if ffi::Py_TYPE(item) != std::ptr::addr_of_mut!(ffi::PyTuple_Type)
                || ffi::PyTuple_GET_SIZE(item) != 2
            {
                return AsciiScan::NotPlain;
            }
            let name = ffi::PyTuple_GET_ITEM(item, 0);
            if ffi::Py_TYPE(name) != std::ptr::addr_of_mut!(ffi::PyUnicode_Type) {
                return AsciiScan::NotPlain;
            }
            if ffi::PyUnicode_IS_COMPACT_ASCII(name) == 0 {
                return AsciiScan::NotAscii;
            }
            let len = ffi::PyUnicode_GET_LENGTH(name);
            if usize::try_from(len).is_ok_and(|n| n == key.len()) {
                let text = std::slice::from_raw_parts(ffi::PyUnicode_1BYTE_DATA(name), key.len());
                if text.eq_ignore_ascii_case(key) {
                    found.push(i as usize);
                }
            }
        }
    }
    AsciiScan::Found(found)
}

/// `VCommentDict.__getitem__` for a str `key`: every value whose name
/// equals `key` ignoring case, in order, as a new list (empty when there is
/// none). None when the Python code has to answer: `key` is not a valid
/// ASCII name, or the comments are not plain `(str, value)` tuples in a
/// plain list. Nothing observable happens before None is returned.
fn vorbis_lookup<'py>(
    comments: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyList>>> {
    let py = comments.py();
    let Ok(key) = key.cast_exact::<PyString>() else {
        return Ok(None);
    };
    let Ok(key) = key.to_str() else {
        return Ok(None);
    };
    if !ascii_tag(key) {
        return Ok(None);
    }
    let Some(list) = plain_list(comments)? else {
        return Ok(None);
    };
    match ascii_scan(list, key) {
        AsciiScan::Found(indices) => {
            let found = PyList::empty(py);
            for i in indices {
                let pair = list.get_item(i)?;
                found.append(pair.cast_exact::<PyTuple>()?.get_item(1)?)?;
            }
            return Ok(Some(found));
        }
        AsciiScan::NotPlain => return Ok(None),
        AsciiScan::NotAscii => {}
    }
    let found = PyList::empty(py);
    for item in list.iter() {
        let Some((name, value)) = comment_name(&item)? else {
            return Ok(None);
        };
        let Ok(text) = name.to_str() else {
            return Ok(None);
        };
        let matches = if text.is_ascii() {
            text.len() == key.len() && text.eq_ignore_ascii_case(key)
        } else {
            let lower = unicode_lower(name)?;
            lower.to_str().is_ok_and(|lower| {
                lower.len() == key.len()
                    && lower
                        .bytes()
                        .zip(key.bytes())
                        .all(|(a, b)| a == b.to_ascii_lowercase())
            })
        };
        if matches {
            found.append(value)?;
        }
    }
    Ok(Some(found))
}

/// `VCommentDict.__getitem__`: [`vorbis_lookup`]'s answer (a KeyError for
/// no value), else what `mutagen_rs._vorbis._getitem_slow(self, key)`
/// answers.
fn vcomment_getitem<'py>(
    comments: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = comments.py();
    if let Some(values) = vorbis_lookup(comments, key)? {
        if !values.is_empty() {
            return Ok(values.into_any());
        }
        // The lookup only answers for an exact str naming a valid key,
        // which is ASCII: lower-cased here as str.lower() does.
        let lower = key.cast_exact::<PyString>()?.to_str()?.to_ascii_lowercase();
        return Err(pyo3::exceptions::PyKeyError::new_err(lower));
    }
    py.import(pyo3::intern!(py, VORBIS_MODULE))?
        .getattr(pyo3::intern!(py, "_getitem_slow"))?
        .call1((comments, key))
}

/// The one argument of `__getitem__(self, key)`, given by position or as
/// `key=`, from a vectorcall's `args`/`nargs`/`kwnames` (`args` holds the
/// positional values, then one value per name in `kwnames`).
fn getitem_key<'a, 'py>(
    args: &'a [Bound<'py, PyAny>],
    kwnames: Option<&Bound<'py, PyTuple>>,
) -> PyResult<&'a Bound<'py, PyAny>> {
    const NAME: &str = "VCommentDict.__getitem__()";
    let names: Vec<Bound<'py, PyAny>> = kwnames.map_or_else(Vec::new, |k| k.iter().collect());
    let positional = args.len() - names.len().min(args.len());
    if positional > 1 {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{NAME} takes 2 positional arguments but {} were given",
            positional + 1
        )));
    }
    for name in &names {
        if !name.eq("key")? {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                "{NAME} got an unexpected keyword argument '{}'",
                name.str()?
            )));
        }
    }
    match (positional, names.len(), args.first()) {
        (_, 0, Some(key)) | (0, 1, Some(key)) => Ok(key),
        (0, 0, _) => Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{NAME} missing 1 required positional argument: 'key'"
        ))),
        _ => Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{NAME} got multiple values for argument 'key'"
        ))),
    }
}

/// The C entry point of [`vcomment_getitem`], for a
/// `METH_FASTCALL | METH_KEYWORDS` method (so that `key=` works as in a
/// Python method).
unsafe extern "C" fn vcomment_getitem_c(
    slf: *mut pyo3::ffi::PyObject,
    args: *const *mut pyo3::ffi::PyObject,
    nargs: pyo3::ffi::Py_ssize_t,
    kwnames: *mut pyo3::ffi::PyObject,
) -> *mut pyo3::ffi::PyObject {
    // SAFETY: CPython calls a METH_FASTCALL | METH_KEYWORDS method with the
    // GIL held; `slf` (a list, checked by the method descriptor), the
    // `nargs` positional values at `args`, one more value per name in
    // `kwnames` (a tuple of str, or NULL) are borrowed references that live
    // for the whole call. `nargs` may carry PY_VECTORCALL_ARGUMENTS_OFFSET.
    let py = unsafe { Python::assume_attached() };
    let slf = unsafe { Bound::from_borrowed_ptr(py, slf) };
    let kwnames = unsafe { Bound::from_borrowed_ptr_or_opt(py, kwnames) };
    // SAFETY: only masks the offset flag out of the count.
    let positional = unsafe { pyo3::ffi::PyVectorcall_NARGS(nargs as usize) };
    let kwcount = match &kwnames {
        Some(k) => unsafe { pyo3::ffi::PyTuple_GET_SIZE(k.as_ptr()) },
        None => 0,
    };
    let total = usize::try_from(positional + kwcount).unwrap_or(0);
    let args: Vec<Bound<'_, PyAny>> = (0..total)
        .map(|i| unsafe { Bound::from_borrowed_ptr(py, *args.add(i)) })
        .collect();
    list_method::c_result(py, "VCommentDict.__getitem__", || {
        let kwnames = kwnames.as_ref().map(|k| k.cast::<PyTuple>()).transpose()?;
        let key = getitem_key(&args, kwnames)?;
        vcomment_getitem(&slf, key)
    })
}

/// `VCommentDict.__getitem__` as a method descriptor of `list` (what
/// `list.__getitem__` itself is), so that `tags[key]` calls the native
/// lookup directly. Measured: the Python method that called
/// [`vorbis_lookup`] took about 3 of the 11 us of the 34 lookups of a corpus
/// file.
fn vcomment_getitem_descriptor(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    list_method::descriptor(
        py,
        c"__getitem__",
        pyo3::ffi::PyMethodDefPointer {
            PyCFunctionFastWithKeywords: vcomment_getitem_c,
        },
        pyo3::ffi::METH_FASTCALL | pyo3::ffi::METH_KEYWORDS,
        c"__getitem__($self, key)\n--\n\nAll values of `key` (case-insensitive), as a \
new list; with a slice, the slice of the list.\n\nRaises:\n    KeyError: no such key\n    \
ValueError: `key` is not a valid key",
    )
}

/// `VCommentDict.keys()` for plain comments: `list({k.lower() for k, v in
/// comments})` (the same set, filled in the same order, so the same order
/// out), or None when the Python code has to answer (the comments are not
/// exact `(str, value)` tuples in a plain list, or a name is not ASCII).
fn ascii_keys<'py>(comments: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    use pyo3::ffi;
    let py = comments.py();
    let Some(list) = plain_list(comments)? else {
        return Ok(None);
    };
    let set = pyo3::types::PySet::empty(py)?;
    let list_ptr = list.as_ptr();
    let set_ptr = set.as_ptr();
    // SAFETY: `list_ptr` is a live list and `set_ptr` a live set (both held
    // by Bounds; the GIL is held). Nothing here runs Python code: hashing and
    // comparing exact str objects does not, and neither do PyUnicode_New and
    // PySet_Add (which allocate no garbage-collected object, so no collection
    // can run), so the list and its items cannot change while they are read.
    // The index stays below the list's size (read again on every step); an
    // item is read as a tuple only once its type is exactly `tuple` with two
    // items, a name as text only once its type is exactly `str` stored as
    // compact ASCII (`len` bytes at PyUnicode_1BYTE_DATA). A new string
    // from PyUnicode_New(len, 127) is compact ASCII with room for `len`
    // bytes, all written before it is used; its reference is released after
    // PySet_Add took its own.
    unsafe {
        let mut i = 0;
        while i < ffi::PyList_GET_SIZE(list_ptr) {
            let item = ffi::PyList_GET_ITEM(list_ptr, i);
            i += 1;
            if ffi::Py_TYPE(item) != std::ptr::addr_of_mut!(ffi::PyTuple_Type)
                || ffi::PyTuple_GET_SIZE(item) != 2
            {
                return Ok(None);
            }
            let name = ffi::PyTuple_GET_ITEM(item, 0);
            if ffi::Py_TYPE(name) != std::ptr::addr_of_mut!(ffi::PyUnicode_Type)
                || ffi::PyUnicode_IS_COMPACT_ASCII(name) == 0
            {
                return Ok(None);
            }
            let len = ffi::PyUnicode_GET_LENGTH(name);
            let text =
                std::slice::from_raw_parts(ffi::PyUnicode_1BYTE_DATA(name), len.max(0) as usize);
            let added = if text.iter().any(u8::is_ascii_uppercase) {
                let lower = ffi::PyUnicode_New(len, 127);
                if lower.is_null() {
                    return Err(PyErr::fetch(py));
                }
                let out =
                    std::slice::from_raw_parts_mut(ffi::PyUnicode_1BYTE_DATA(lower), text.len());
                for (o, b) in out.iter_mut().zip(text) {
                    *o = b.to_ascii_lowercase();
                }
                let added = ffi::PySet_Add(set_ptr, lower);
                ffi::Py_DECREF(lower);
                added
            } else {
                ffi::PySet_Add(set_ptr, name)
            };
            if added != 0 {
                return Err(PyErr::fetch(py));
            }
        }
        Ok(Some(Bound::from_owned_ptr_or_err(
            py,
            ffi::PySequence_List(set_ptr),
        )?))
    }
}

/// `VCommentDict.keys`: [`ascii_keys`], else what
/// `mutagen_rs._vorbis._keys_slow(self)` answers.
fn vcomment_keys<'py>(comments: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = comments.py();
    if let Some(keys) = ascii_keys(comments)? {
        return Ok(keys);
    }
    py.import(pyo3::intern!(py, VORBIS_MODULE))?
        .getattr(pyo3::intern!(py, "_keys_slow"))?
        .call1((comments,))
}

/// The C entry point of [`vcomment_keys`], for a `METH_NOARGS` method.
unsafe extern "C" fn vcomment_keys_c(
    slf: *mut pyo3::ffi::PyObject,
    _unused: *mut pyo3::ffi::PyObject,
) -> *mut pyo3::ffi::PyObject {
    // SAFETY: CPython calls a METH_NOARGS method with the GIL held and the
    // instance (a list, checked by the method descriptor) as a borrowed
    // reference that lives for the whole call.
    let py = unsafe { Python::assume_attached() };
    let slf = unsafe { Bound::from_borrowed_ptr(py, slf) };
    list_method::c_result(py, "VCommentDict.keys", || vcomment_keys(&slf))
}

/// `VCommentDict.keys` as a method descriptor of `list` (see
/// [`vcomment_getitem_descriptor`]). Measured: 10-25% less than the set
/// comprehension it replaces, warm and cold, for 13 to 34 comments.
fn vcomment_keys_descriptor(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    list_method::descriptor(
        py,
        c"keys",
        pyo3::ffi::PyMethodDefPointer {
            PyCFunction: vcomment_keys_c,
        },
        pyo3::ffi::METH_NOARGS,
        c"keys($self)\n--\n\nThe distinct keys, lower case.",
    )
}

/// A Python string's UTF-8 text, borrowed from the string where possible.
enum Utf8<'py> {
    Str(Bound<'py, PyString>),
    Bytes(Bound<'py, PyBytes>),
}

impl Utf8<'_> {
    fn as_str(&self) -> &str {
        match self {
            Utf8::Str(s) => s.to_str().unwrap_or(""),
            Utf8::Bytes(b) => std::str::from_utf8(b.as_bytes()).unwrap_or(""),
        }
    }
}

/// `text.encode("utf-8")` as text: a str is used as is (after checking it
/// encodes: lone surrogates raise UnicodeEncodeError), anything else goes
/// through its own `encode` method and has to give UTF-8 bytes.
fn utf8_of<'py>(text: &Bound<'py, PyAny>) -> PyResult<Utf8<'py>> {
    if let Ok(s) = text.cast::<PyString>() {
        s.to_str()?;
        return Ok(Utf8::Str(s.clone()));
    }
    let encoded = encode_utf8(text)?;
    if std::str::from_utf8(encoded.as_bytes()).is_err() {
        return Err(PyTypeError::new_err("encode() did not give UTF-8 bytes"));
    }
    Ok(Utf8::Bytes(encoded))
}

// ---------------------------------------------------------------------------
// packing Python values the way struct.pack does

/// Integer struct formats used by FLAC blocks (all big-endian, standard
/// sizes).
#[derive(Clone, Copy)]
enum Fmt {
    /// `B`: unsigned byte.
    B,
    /// `H`: unsigned 16 bits.
    H,
    /// `I`: unsigned 32 bits.
    I,
    /// `Q`: unsigned 64 bits.
    Q,
}

/// `obj` as a Python int the way struct accepts one (an int, or anything
/// with `__index__`); None when struct would refuse it.
fn as_int<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyInt>>> {
    if let Ok(i) = obj.cast::<PyInt>() {
        return Ok(Some(i.clone()));
    }
    if obj.get_type().hasattr("__index__")? {
        let index = obj.py().import("operator")?.call_method1("index", (obj,))?;
        return Ok(Some(index.cast_into::<PyInt>()?));
    }
    Ok(None)
}

/// `struct.pack(">" + fmt, obj)` as an unsigned value, with struct's errors.
fn pack_uint(obj: &Bound<'_, PyAny>, fmt: Fmt) -> PyResult<u64> {
    let py = obj.py();
    let Some(int) = as_int(obj)? else {
        return Err(struct_error(py, "required argument is not an integer"));
    };
    let value: Option<i128> = int.extract().ok();
    let u64_range = |v: i128| (0..=i128::from(u64::MAX)).contains(&v);
    match fmt {
        Fmt::Q => match value {
            Some(v) if u64_range(v) => Ok(v as u64),
            _ => Err(struct_error(py, "int too large to convert")),
        },
        Fmt::H | Fmt::I => {
            let (max, letter) = match fmt {
                Fmt::H => (u64::from(u16::MAX), 'H'),
                _ => (u64::from(u32::MAX), 'I'),
            };
            match value {
                Some(v) if u64_range(v) => {
                    let v = v as u64;
                    if v > max {
                        Err(struct_error(
                            py,
                            &format!("'{letter}' format requires 0 <= number <= {max}"),
                        ))
                    } else {
                        Ok(v)
                    }
                }
                _ => Err(struct_error(py, "argument out of range")),
            }
        }
        Fmt::B => match value {
            Some(v) if (i128::from(i64::MIN)..=i128::from(i64::MAX)).contains(&v) => {
                if (0..=255).contains(&v) {
                    Ok(v as u64)
                } else {
                    Err(struct_error(py, "ubyte format requires 0 <= number <= 255"))
                }
            }
            _ => Err(struct_error(py, "argument out of range")),
        },
    }
}

/// A Python int known to be small and non-negative (the result of masking).
fn masked(obj: &Bound<'_, PyAny>) -> PyResult<u64> {
    obj.extract::<u64>()
}

/// `struct.pack(">Ns", obj)`'s acceptance: bytes or bytearray.
fn pack_bytes<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Cow::Borrowed(b.as_bytes()));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Cow::Owned(b.to_vec()));
    }
    Err(struct_error(
        obj.py(),
        "argument for 's' must be a bytes object",
    ))
}

/// The bytes of a bytes-like object, or None if `obj` has no byte buffer.
fn bytes_like<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<Option<Cow<'a, [u8]>>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Some(Cow::Borrowed(b.as_bytes())));
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(Some(Cow::Owned(b.to_vec())));
    }
    if let Ok(buffer) = PyBuffer::<u8>::get(obj) {
        return Ok(Some(Cow::Owned(buffer.to_vec(obj.py())?)));
    }
    if obj.hasattr("__buffer__")? || obj.is_instance_of::<pyo3::types::PyMemoryView>() {
        let raw = obj.py().get_type::<PyBytes>().call1((obj,))?;
        return Ok(Some(Cow::Owned(raw.cast::<PyBytes>()?.as_bytes().to_vec())));
    }
    Ok(None)
}

/// `text.encode("utf-8")` with Python's errors.
fn encode_utf8<'py>(text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    Ok(text
        .call_method1("encode", ("utf-8",))?
        .cast_into::<PyBytes>()?)
}

/// The name of `obj`'s type, for messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".to_owned())
}

// ---------------------------------------------------------------------------
// block bodies → Python values

fn stream_info_dict<'py>(py: Python<'py>, si: &StreamInfo) -> PyResult<Bound<'py, PyDict>> {
    use pyo3::intern;
    let d = PyDict::new(py);
    d.set_item(intern!(py, "min_blocksize"), si.min_blocksize)?;
    d.set_item(intern!(py, "max_blocksize"), si.max_blocksize)?;
    d.set_item(intern!(py, "min_framesize"), si.min_framesize)?;
    d.set_item(intern!(py, "max_framesize"), si.max_framesize)?;
    d.set_item(intern!(py, "sample_rate"), si.sample_rate)?;
    d.set_item(intern!(py, "channels"), si.channels)?;
    d.set_item(intern!(py, "bits_per_sample"), si.bits_per_sample)?;
    d.set_item(intern!(py, "total_samples"), si.total_samples)?;
    d.set_item(intern!(py, "length"), si.length())?;
    d.set_item(intern!(py, "md5_signature"), si.md5_signature)?;
    Ok(d)
}

fn flac_err_plain(py: Python<'_>, err: &FlacError) -> PyErr {
    flac_to_py(py, err, &PyString::new(py, ""), None)
}

/// The attributes of a STREAMINFO body, as a dict in attribute order
/// (extra bytes after the 34 are ignored).
#[pyfunction]
pub fn flac_streaminfo_parse<'py>(py: Python<'py>, data: &[u8]) -> PyResult<Bound<'py, PyDict>> {
    let si = StreamInfo::parse(data).map_err(|e| flac_err_plain(py, &e))?;
    stream_info_dict(py, &si)
}

fn seekpoints<'py>(
    py: Python<'py>,
    table: &SeekTable,
    point_class: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let tuple_new = py.get_type::<PyTuple>().getattr("__new__")?;
    let list = PyList::empty(py);
    for p in &table.seekpoints {
        let values = (p.first_sample, p.byte_offset, p.num_samples).into_pyobject(py)?;
        list.append(tuple_new.call1((point_class, values))?)?;
    }
    Ok(list)
}

/// The seek points of a SEEKTABLE body as `point_class` tuples (a partial
/// point at the end is ignored).
#[pyfunction]
pub fn flac_seektable_parse<'py>(
    py: Python<'py>,
    data: &[u8],
    point_class: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyList>> {
    let table = SeekTable::parse(data).map_err(|e| flac_err_plain(py, &e))?;
    seekpoints(py, &table, point_class)
}

fn cuesheet_tuple<'py>(py: Python<'py>, cs: &CueSheet<'_>) -> PyResult<Bound<'py, PyTuple>> {
    let tracks = PyList::empty(py);
    for t in &cs.tracks {
        let indexes = PyList::empty(py);
        for i in &t.indexes {
            indexes.append((i.index_number, i.index_offset))?;
        }
        tracks.append((
            t.track_number,
            t.start_offset,
            PyBytes::new(py, &t.isrc),
            t.track_type,
            t.pre_emphasis,
            indexes,
        ))?;
    }
    (
        PyBytes::new(py, &cs.media_catalog_number),
        cs.lead_in_samples,
        cs.compact_disc,
        tracks,
    )
        .into_pyobject(py)
}

fn cuesheet_size(cs: &CueSheet<'_>) -> usize {
    396 + cs
        .tracks
        .iter()
        .map(|t| 36 + 12 * t.indexes.len())
        .sum::<usize>()
}

/// A CUESHEET body as `((media_catalog_number, lead_in_samples,
/// compact_disc, [(number, offset, isrc, type, pre_emphasis, [(index_number,
/// index_offset)])]), size)`.
#[pyfunction]
pub fn flac_cuesheet_parse<'py>(py: Python<'py>, data: &[u8]) -> PyResult<Bound<'py, PyTuple>> {
    let cs = CueSheet::parse(data).map_err(|e| flac_err_plain(py, &e))?;
    (cuesheet_tuple(py, &cs)?, cuesheet_size(&cs)).into_pyobject(py)
}

/// A picture's fields before its image: type, mime, desc, width, height,
/// depth, colors (the order of `Picture`'s attributes).
fn picture_fields<'py>(py: Python<'py>, p: &Picture<'_>) -> PyResult<[Bound<'py, PyAny>; 7]> {
    Ok([
        p.picture_type.into_pyobject(py)?.into_any(),
        PyString::new(py, &p.mime).into_any(),
        PyString::new(py, &p.desc).into_any(),
        p.width.into_pyobject(py)?.into_any(),
        p.height.into_pyobject(py)?.into_any(),
        p.depth.into_pyobject(py)?.into_any(),
        p.colors.into_pyobject(py)?.into_any(),
    ])
}

/// A PICTURE body as `(type, mime, desc, width, height, depth, colors, data,
/// size)`.
#[pyfunction]
pub fn flac_picture_parse<'py>(py: Python<'py>, data: &[u8]) -> PyResult<Bound<'py, PyTuple>> {
    let picture = Picture::parse(data).map_err(|e| flac_err_plain(py, &e))?;
    let (_, data_len, header_len) =
        Picture::parse_header(data).map_err(|e| flac_err_plain(py, &e))?;
    let image = match &picture.data {
        PictureData::Bytes(b) => PyBytes::new(py, b),
        PictureData::InFile { .. } => PyBytes::new(py, &[]),
    };
    let [t, mime, desc, w, h, depth, colors] = picture_fields(py, &picture)?;
    let size = (header_len + data_len as usize)
        .into_pyobject(py)?
        .into_any();
    PyTuple::new(
        py,
        [t, mime, desc, w, h, depth, colors, image.into_any(), size],
    )
}

// ---------------------------------------------------------------------------
// Python block objects → bodies

/// The body of a Python StreamInfo object. Every field is masked to its
/// width; values are combined with Python's own operators, so odd values
/// fail with the errors they would in Python.
#[pyfunction]
pub fn flac_streaminfo_write<'py>(
    py: Python<'py>,
    block: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let si = streaminfo_from(block)?;
    Ok(PyBytes::new(py, &si.write()))
}

fn streaminfo_from(block: &Bound<'_, PyAny>) -> PyResult<StreamInfo> {
    let min_blocksize = pack_uint(&block.getattr("min_blocksize")?, Fmt::I)? as u16;
    let max_blocksize = pack_uint(&block.getattr("max_blocksize")?, Fmt::I)? as u16;
    let min_framesize = (pack_uint(&block.getattr("min_framesize")?, Fmt::I)? & 0xFF_FFFF) as u32;
    let max_framesize = (pack_uint(&block.getattr("max_framesize")?, Fmt::I)? & 0xFF_FFFF) as u32;
    let rate_high = pack_uint(&block.getattr("sample_rate")?.rshift(4)?, Fmt::I)? & 0xFFFF;
    let rate_low = masked(&block.getattr("sample_rate")?.bitand(0xF)?)?;
    let channels = masked(&block.getattr("channels")?.sub(1)?.bitand(7)?)?;
    let bps_high = masked(
        &block
            .getattr("bits_per_sample")?
            .sub(1)?
            .rshift(4)?
            .bitand(1)?,
    )?;
    let bps_low = masked(&block.getattr("bits_per_sample")?.sub(1)?.bitand(0xF)?)?;
    let total_high = masked(&block.getattr("total_samples")?.rshift(32)?.bitand(0xF)?)?;
    let total_low = masked(&block.getattr("total_samples")?.bitand(0xFFFF_FFFFu32)?)?;
    let md5 = block.getattr("md5_signature")?;
    let md5_high = masked(&md5.rshift(64)?.bitand(u64::MAX)?)?;
    let md5_low = masked(&md5.bitand(u64::MAX)?)?;
    Ok(StreamInfo {
        min_blocksize,
        max_blocksize,
        min_framesize,
        max_framesize,
        sample_rate: ((rate_high << 4) | rate_low) as u32,
        channels: (channels + 1) as u8,
        bits_per_sample: (((bps_high << 4) | bps_low) + 1) as u8,
        total_samples: (total_high << 32) | total_low,
        md5_signature: (u128::from(md5_high) << 64) | u128::from(md5_low),
    })
}

/// `length` zero bytes, `length` being what `b"\0" * length` accepts
/// (negative is empty).
fn zero_count(length: &Bound<'_, PyAny>) -> PyResult<usize> {
    let py = length.py();
    let Some(int) = as_int(length)? else {
        return Err(PyTypeError::new_err(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(length)
        )));
    };
    match int.extract::<i64>() {
        Ok(n) => Ok(usize::try_from(n.max(0)).unwrap_or(usize::MAX)),
        Err(_) => {
            if int.lt(0)? {
                Ok(0)
            } else {
                let cause =
                    PyOverflowError::new_err("cannot fit 'int' into an index-sized integer");
                Err(with_context(
                    py,
                    flac_error(py, format!("cannot write {int} bytes")),
                    cause,
                ))
            }
        }
    }
}

/// `n` zero bytes as a Python bytes object (MemoryError if that much cannot
/// be had).
fn zeros(py: Python<'_>, n: usize) -> PyResult<Bound<'_, PyBytes>> {
    if isize::try_from(n).is_err() {
        return Err(PyMemoryError::new_err(()));
    }
    PyBytes::new_with(py, n, |_| Ok(()))
}

/// The body of a Python Padding object: `length` zero bytes.
#[pyfunction]
pub fn flac_padding_write<'py>(
    py: Python<'py>,
    block: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let n = zero_count(&block.getattr("length")?)?;
    zeros(py, n)
}

/// The body of a Python SeekTable object.
#[pyfunction]
pub fn flac_seektable_write<'py>(
    py: Python<'py>,
    block: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let mut table = SeekTable::default();
    for point in block.getattr("seekpoints")?.try_iter()? {
        let point = point?;
        table.seekpoints.push(SeekPoint {
            first_sample: pack_uint(&point.getattr("first_sample")?, Fmt::Q)?,
            byte_offset: pack_uint(&point.getattr("byte_offset")?, Fmt::Q)?,
            num_samples: pack_uint(&point.getattr("num_samples")?, Fmt::H)? as u16,
        });
    }
    let mut out = Vec::with_capacity(table.seekpoints.len() * 18);
    table.write_into(&mut out);
    Ok(PyBytes::new(py, &out))
}

/// The body of a Python CueSheet object.
#[pyfunction]
pub fn flac_cuesheet_write<'py>(
    py: Python<'py>,
    block: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let compact_disc = block.getattr("compact_disc")?.is_truthy()?;
    let mcn_obj = block.getattr("media_catalog_number")?;
    let media_catalog_number = pack_bytes(&mcn_obj)?.into_owned();
    let lead_in_samples = pack_uint(&block.getattr("lead_in_samples")?, Fmt::Q)?;
    let tracks_obj = block.getattr("tracks")?;
    let count = tracks_obj.len()?;
    pack_uint(&count.into_pyobject(py)?.into_any(), Fmt::B)?;
    let mut sheet = CueSheet {
        media_catalog_number: Cow::Owned(media_catalog_number),
        lead_in_samples,
        compact_disc,
        tracks: Vec::with_capacity(count),
    };
    for track in tracks_obj.try_iter()? {
        let track = track?;
        let track_type = masked(&track.getattr("type")?.bitand(1)?)? as u8;
        let pre_emphasis = track.getattr("pre_emphasis")?.is_truthy()?;
        let start_offset = pack_uint(&track.getattr("start_offset")?, Fmt::Q)?;
        let track_number = pack_uint(&track.getattr("track_number")?, Fmt::B)? as u8;
        let isrc_obj = track.getattr("isrc")?;
        let isrc = if isrc_obj.is_truthy()? {
            pack_bytes(&isrc_obj)?.into_owned()
        } else {
            Vec::new()
        };
        let indexes_obj = track.getattr("indexes")?;
        let index_count = indexes_obj.len()?;
        pack_uint(&index_count.into_pyobject(py)?.into_any(), Fmt::B)?;
        let mut indexes = Vec::with_capacity(index_count);
        for index in track.getattr("indexes")?.try_iter()? {
            let index = index?;
            let index_offset = pack_uint(&index.getattr("index_offset")?, Fmt::Q)?;
            let index_number = pack_uint(&index.getattr("index_number")?, Fmt::B)? as u8;
            indexes.push(CueSheetTrackIndex {
                index_number,
                index_offset,
            });
        }
        sheet.tracks.push(CueSheetTrack {
            track_number,
            start_offset,
            isrc: Cow::Owned(isrc),
            track_type,
            pre_emphasis,
            indexes,
        });
    }
    let mut out = Vec::with_capacity(cuesheet_size(&sheet));
    sheet
        .write_into(&mut out)
        .map_err(|e| flac_err_plain(py, &e))?;
    Ok(PyBytes::new(py, &out))
}

/// The body of a Python Picture object.
#[pyfunction]
pub fn flac_picture_write<'py>(
    py: Python<'py>,
    block: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let mime = encode_utf8(&block.getattr("mime")?)?;
    let picture_type = pack_uint(&block.getattr("type")?, Fmt::I)? as u32;
    let desc = encode_utf8(&block.getattr("desc")?)?;
    let width = pack_uint(&block.getattr("width")?, Fmt::I)? as u32;
    let height = pack_uint(&block.getattr("height")?, Fmt::I)? as u32;
    let depth = pack_uint(&block.getattr("depth")?, Fmt::I)? as u32;
    let colors = pack_uint(&block.getattr("colors")?, Fmt::I)? as u32;
    let data_len = block.getattr("data")?.len()?;
    pack_uint(&data_len.into_pyobject(py)?.into_any(), Fmt::I)?;
    let data_obj = block.getattr("data")?;
    let Some(data) = bytes_like(&data_obj)? else {
        return Err(PyTypeError::new_err(format!(
            "a bytes-like object is required, not '{}'",
            type_name(&data_obj)
        )));
    };
    let (Ok(mime), Ok(desc)) = (
        std::str::from_utf8(mime.as_bytes()),
        std::str::from_utf8(desc.as_bytes()),
    ) else {
        return Err(PyValueError::new_err("mime and desc must encode to UTF-8"));
    };
    let picture = Picture {
        picture_type,
        mime: Cow::Borrowed(mime),
        desc: Cow::Borrowed(desc),
        width,
        height,
        depth,
        colors,
        data: PictureData::Bytes(data),
        invalid_overflow_size: None,
    };
    let total = usize::try_from(picture.encoded_len()).unwrap_or(usize::MAX);
    let mut out = Vec::new();
    out.try_reserve_exact(total)
        .map_err(|_| PyMemoryError::new_err(()))?;
    picture
        .write_into(&mut out, None)
        .map_err(|e| flac_err_plain(py, &e))?;
    Ok(PyBytes::new(py, &out))
}

// ---------------------------------------------------------------------------
// block chains

/// Append `block` with its header to `out` (the Python `_writeblock`): the
/// header holds `block.code` (with the last-block flag if `is_last`) and the
/// length of `block.write()`. A body too long for the 24-bit length is an
/// error unless the block distrusts sizes and recorded the length to
/// write instead (`_invalid_overflow_size`).
fn write_one(block: &Bound<'_, PyAny>, is_last: bool, out: &mut Vec<u8>) -> PyResult<()> {
    let py = block.py();
    let mut code = block.getattr("code")?;
    if is_last {
        code = code.bitor(128)?;
    }
    let datum = block.call_method0("write")?;
    let size = datum.len()?;
    let declared = if size > MAX_BLOCK_LEN {
        let distrust = block.getattr("_distrust_size")?.is_truthy()?;
        let overflow = if distrust {
            let value = block.getattr("_invalid_overflow_size")?;
            if value.ne(-1)? {
                Some(value)
            } else {
                None
            }
        } else {
            None
        };
        let Some(value) = overflow else {
            return Err(flac_error(py, "block is too long to write"));
        };
        if value.gt(MAX_BLOCK_LEN)? {
            return Err(PyAssertionError::new_err(()));
        }
        pack_uint(&value, Fmt::I)? as u32
    } else {
        size as u32
    };
    let code = match code
        .cast::<PyInt>()
        .ok()
        .and_then(|c| c.extract::<i64>().ok())
    {
        Some(c) if (0..=255).contains(&c) => c as u8,
        Some(_) => return Err(PyValueError::new_err("byte must be in range(0, 256)")),
        None => {
            // Let bytearray say what is wrong with it.
            let probe = PyByteArray::new(py, &[]);
            probe.call_method1("append", (code,))?;
            let appended = probe.to_vec();
            match appended.first() {
                Some(&c) if appended.len() == 1 => c,
                _ => return Err(PyValueError::new_err("byte must be in range(0, 256)")),
            }
        }
    };
    let Some(body) = bytes_like(&datum)? else {
        return Err(PyTypeError::new_err(format!(
            "can't concat {} to bytearray",
            type_name(&datum)
        )));
    };
    let mut header = header_bytes(code, false, declared);
    header[0] = code;
    out.try_reserve(4 + body.len())
        .map_err(|_| PyMemoryError::new_err(()))?;
    out.extend_from_slice(&header);
    out.extend_from_slice(&body);
    Ok(())
}

/// `block` with its header, as a bytearray (mutagen's `_writeblock`).
#[pyfunction]
#[pyo3(signature = (block, is_last=None))]
pub fn flac_writeblock<'py>(
    py: Python<'py>,
    block: &Bound<'py, PyAny>,
    is_last: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyByteArray>> {
    let last = match is_last {
        Some(flag) => flag.is_truthy()?,
        None => false,
    };
    let mut out = Vec::new();
    write_one(block, last, &mut out)?;
    Ok(PyByteArray::new(py, &out))
}

/// The chain for `blocks`: every block except Padding objects, then one
/// last PADDING block whose size `padding_func` picks from a `PaddingInfo`
/// (the room left of `available` bytes, and `cont_size`), clamped to what a
/// block can hold.
fn render_chain(
    blocks: &Bound<'_, PyAny>,
    available: &Bound<'_, PyAny>,
    cont_size: &Bound<'_, PyAny>,
    padding_func: &Bound<'_, PyAny>,
    out: &mut Vec<u8>,
) -> PyResult<()> {
    let py = blocks.py();
    let padding_class = py.import(FLAC_MODULE)?.getattr("Padding")?;
    let start = out.len();
    for block in blocks.try_iter()? {
        let block = block?;
        if block.is_instance(&padding_class)? {
            continue;
        }
        write_one(&block, false, out)?;
    }
    let used = out.len() - start + 4;
    let room = available.sub(used)?;
    let info = py
        .import("mutagen_rs._tags")?
        .getattr("PaddingInfo")?
        .call1((room, cont_size))?;
    let chosen = info.call_method1("_get_padding", (padding_func,))?;
    let builtins = py.import("builtins")?;
    let chosen = builtins.getattr("min")?.call1((chosen, MAX_BLOCK_LEN))?;
    let chosen = builtins.getattr("max")?.call1((chosen, 0))?;
    let length = zero_count(&chosen)?.min(MAX_BLOCK_LEN);
    out.try_reserve(4 + length)
        .map_err(|_| PyMemoryError::new_err(()))?;
    out.extend_from_slice(&header_bytes(mtg_flac::code::PADDING, true, length as u32));
    out.resize(out.len() + length, 0);
    Ok(())
}

/// The chain for `blocks` as a bytearray (mutagen's `_writeblocks`).
#[pyfunction]
pub fn flac_writeblocks<'py>(
    py: Python<'py>,
    blocks: &Bound<'py, PyAny>,
    available: &Bound<'py, PyAny>,
    cont_size: &Bound<'py, PyAny>,
    padding_func: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyByteArray>> {
    let mut out = Vec::new();
    render_chain(blocks, available, cont_size, padding_func, &mut out)?;
    Ok(PyByteArray::new(py, &out))
}

// ---------------------------------------------------------------------------
// Python file objects

/// Remembers the first exception a Python file object raised, so that it is
/// the one reported.
#[derive(Default)]
struct Pending(RefCell<Option<PyErr>>);

impl Pending {
    fn fail(&self, err: PyErr) -> io::Error {
        let mut slot = self.0.borrow_mut();
        if slot.is_none() {
            *slot = Some(err);
        }
        io::Error::other("the Python file object raised an exception")
    }

    fn take(&self) -> Option<PyErr> {
        self.0.borrow_mut().take()
    }
}

/// The position of `fileobj` (`tell()`).
fn current_position(fileobj: &Bound<'_, PyAny>) -> PyResult<u64> {
    fileobj.call_method0("tell")?.extract()
}

/// The position `fileobj.seek(0, 2)` reports (or `tell()` if it reports
/// nothing).
fn end_position(fileobj: &Bound<'_, PyAny>) -> PyResult<u64> {
    let end = fileobj.call_method1("seek", (0, 2))?;
    match end.extract::<u64>() {
        Ok(n) => Ok(n),
        Err(_) => fileobj.call_method0("tell")?.extract(),
    }
}

/// A Python file object read as a [`ByteSource`] (seek + read). Like the
/// Python side, it takes the FLAC data to start at the position the file
/// object is at: offset 0 is that position.
struct PyReader<'py> {
    fileobj: Bound<'py, PyAny>,
    base: u64,
    len: u64,
    pending: Pending,
}

impl<'py> PyReader<'py> {
    fn new(fileobj: &Bound<'py, PyAny>) -> PyResult<Self> {
        let base = current_position(fileobj)?;
        Ok(PyReader {
            fileobj: fileobj.clone(),
            base,
            len: end_position(fileobj)?.saturating_sub(base),
            pending: Pending::default(),
        })
    }

    fn read(&self, offset: u64, len: usize) -> PyResult<Vec<u8>> {
        self.fileobj
            .call_method1("seek", (self.base.saturating_add(offset),))?;
        let data = self.fileobj.call_method1("read", (len,))?;
        let bytes = data.cast::<PyBytes>()?;
        let raw = bytes.as_bytes();
        Ok(raw.get(..len.min(raw.len())).unwrap_or(&[]).to_vec())
    }
}

impl ByteSource for PyReader<'_> {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> mtg_core::Result<usize> {
        let wanted = buf
            .len()
            .min(usize::try_from(self.len.saturating_sub(offset)).unwrap_or(usize::MAX));
        if wanted == 0 {
            return Ok(0);
        }
        let data = self
            .read(offset, wanted)
            .map_err(|e| self.pending.fail(e))?;
        let n = data.len();
        if let Some(dest) = buf.get_mut(..n) {
            dest.copy_from_slice(&data);
        }
        Ok(n)
    }

    fn read_range(&self, offset: u64, len: usize) -> mtg_core::Result<Cow<'_, [u8]>> {
        let wanted =
            len.min(usize::try_from(self.len.saturating_sub(offset)).unwrap_or(usize::MAX));
        if wanted == 0 {
            return Ok(Cow::Borrowed(&[]));
        }
        let data = self
            .read(offset, wanted)
            .map_err(|e| self.pending.fail(e))?;
        Ok(Cow::Owned(data))
    }
}

/// A Python file object edited in place (seek, read, write, truncate),
/// offset 0 being `base` (where the FLAC data was found).
struct PyWriter<'py> {
    fileobj: Bound<'py, PyAny>,
    base: u64,
    pending: Pending,
}

impl PyWriter<'_> {
    fn call<T>(&self, f: impl FnOnce() -> PyResult<T>) -> io::Result<T> {
        f().map_err(|e| self.pending.fail(e))
    }

    fn write_at(&self, offset: u64, data: &[u8]) -> PyResult<()> {
        let py = self.fileobj.py();
        let offset = self.base.saturating_add(offset);
        let mut done = 0usize;
        while done < data.len() {
            self.fileobj.call_method1("seek", (offset + done as u64,))?;
            let chunk = data.get(done..).unwrap_or(&[]);
            let written = self
                .fileobj
                .call_method1("write", (PyBytes::new(py, chunk),))?;
            match written.extract::<usize>() {
                Ok(0) => return Err(PyOSError::new_err("write returned 0")),
                Ok(n) => done += n.min(chunk.len()),
                // Writers that do not report a count wrote everything.
                Err(_) => done = data.len(),
            }
        }
        Ok(())
    }
}

impl EditTarget for PyWriter<'_> {
    fn current_len(&mut self) -> io::Result<u64> {
        self.call(|| end_position(&self.fileobj).map(|end| end.saturating_sub(self.base)))
    }

    fn truncate_or_extend(&mut self, len: u64) -> io::Result<()> {
        let current = self.current_len()?;
        if len < current {
            let at = self.base.saturating_add(len);
            self.call(|| self.fileobj.call_method1("truncate", (at,)).map(drop))
        } else if len > current {
            // Not every file object grows on truncate(): write zeros.
            const CHUNK: u64 = 1 << 20;
            let mut at = current;
            while at < len {
                let n = (len - at).min(CHUNK) as usize;
                let zeros = vec![0u8; n];
                self.call(|| self.write_at(at, &zeros))?;
                at += n as u64;
            }
            Ok(())
        } else {
            Ok(())
        }
    }

    fn read_exact_from(&mut self, offset: u64, buf: &mut [u8]) -> io::Result<()> {
        let data = self.call(|| {
            self.fileobj
                .call_method1("seek", (self.base.saturating_add(offset),))?;
            let data = self.fileobj.call_method1("read", (buf.len(),))?;
            Ok(data.cast::<PyBytes>()?.as_bytes().to_vec())
        })?;
        if data.len() < buf.len() {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        buf.copy_from_slice(data.get(..buf.len()).unwrap_or(&[]));
        Ok(())
    }

    fn write_all_to(&mut self, offset: u64, buf: &[u8]) -> io::Result<()> {
        self.call(|| self.write_at(offset, buf))
    }
}

// ---------------------------------------------------------------------------
// loading a file

/// What was read from a FLAC file that the Python side may ask for later:
/// every block, for building the `metadata_blocks` list.
#[pyclass(module = "mutagen_rs._native", frozen)]
pub struct FlacState {
    file: FlacFile<'static>,
    /// Image bytes read at load time (file objects), by block index.
    images: Vec<(usize, Vec<u8>)>,
}

#[pymethods]
impl FlacState {
    /// The block objects of the file, in file order, built in one step:
    /// `(blocks, seektable, cuesheet)` (the last two None when absent).
    ///
    /// `classes` is `(StreamInfo, Padding, SeekTable, SeekPoint, VCFLACDict,
    /// CueSheet, Picture, MetadataBlock, make_block)`; `make_block(code,
    /// payload, source)` builds what is left to Python (a CUESHEET block,
    /// from the payload [`FlacState::blocks`] gives). The first STREAMINFO
    /// block is `info` and the block at `tags_index` is `tags` (the objects
    /// `flac_load` made); a picture whose image is still in the file gets an
    /// `_image_source` of `(path, offset, length, fingerprint, ordinal,
    /// (type, mime, desc, width, height, depth, colors))`. Every object is
    /// made without running its `__init__`, with the attributes (in the
    /// order) the Python loaders give it. `made_pictures`, when not None, is
    /// what [`FlacState::pictures`] returned: those objects are the picture
    /// blocks, in order.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (classes, info, tags, tags_index, path, fingerprint, made_pictures=None))]
    fn build<'py>(
        &self,
        py: Python<'py>,
        classes: &Bound<'py, PyTuple>,
        info: &Bound<'py, PyAny>,
        tags: &Bound<'py, PyAny>,
        tags_index: i64,
        path: &Bound<'py, PyAny>,
        fingerprint: &Bound<'py, PyAny>,
        made_pictures: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        use pyo3::intern;
        let reuse = made_pictures
            .filter(|m| !m.is_none())
            .map(|m| m.cast::<PyList>())
            .transpose()?;
        let [streaminfo_cls, padding_cls, seektable_cls, point_cls, vc_cls, _cuesheet_cls, picture_cls, raw_cls, make_block] =
            classes.as_slice()
        else {
            return Err(PyTypeError::new_err("build() needs 9 classes"));
        };
        let code_name = intern!(py, "code");
        let new_object = crate::instance::new_instance_with_dict;
        let out = PyList::empty(py);
        let mut seektable = py.None().into_bound(py);
        let mut cuesheet = py.None().into_bound(py);
        let mut first_info = true;
        let mut pictures = 0u64;
        for (index, binfo) in self.file.block_infos().enumerate() {
            let block_code = binfo.code;
            let overflow = (binfo.len > MAX_BLOCK_LEN as u64).then_some(binfo.declared_len);
            let object = if block_code == mtg_flac::code::STREAMINFO && first_info {
                // Parsed anyway, so that a broken block fails as before.
                self.file.block(index).map_err(|e| flac_err_plain(py, &e))?;
                first_info = false;
                info.clone()
            } else if i64::try_from(index).is_ok_and(|i| i == tags_index) {
                tags.clone()
            } else {
                let block = self.file.block(index).map_err(|e| flac_err_plain(py, &e))?;
                match &block {
                    Block::StreamInfo(si) => {
                        let obj = streaminfo_cls
                            .call_method1(intern!(py, "__new__"), (streaminfo_cls,))?;
                        let dict = stream_info_dict(py, si)?;
                        dict.set_item(code_name, block_code)?;
                        obj.setattr(intern!(py, "__dict__"), dict)?;
                        obj
                    }
                    Block::Padding(p) => {
                        let (obj, dict) = new_object(padding_cls)?;
                        dict.set_item(intern!(py, "length"), p.length)?;
                        dict.set_item(code_name, block_code)?;
                        obj
                    }
                    Block::SeekTable(t) => {
                        let (obj, dict) = new_object(seektable_cls)?;
                        dict.set_item(intern!(py, "seekpoints"), seekpoints(py, t, point_cls)?)?;
                        dict.set_item(code_name, block_code)?;
                        obj
                    }
                    Block::VorbisComment { comment, .. } => {
                        let obj = py
                            .get_type::<PyList>()
                            .call_method1(intern!(py, "__new__"), (vc_cls,))?;
                        append_comments(obj.cast::<PyList>()?, &comment.comments)?;
                        let dict = PyDict::new(py);
                        dict.set_item(intern!(py, "_size"), binfo.len)?;
                        dict.set_item(intern!(py, "vendor"), PyString::new(py, &comment.vendor))?;
                        if let Some(declared) = overflow {
                            dict.set_item(intern!(py, "_invalid_overflow_size"), declared)?;
                        }
                        dict.set_item(code_name, block_code)?;
                        obj.setattr(intern!(py, "__dict__"), dict)?;
                        obj
                    }
                    Block::CueSheet(cs) => {
                        make_block.call1((block_code, cuesheet_tuple(py, cs)?, py.None()))?
                    }
                    Block::Picture(p) => {
                        match reuse.as_ref().map(|r| r.get_item(pictures as usize)) {
                            Some(made) => made?,
                            None => self.picture_object(
                                py,
                                picture_cls,
                                index,
                                p,
                                overflow,
                                pictures,
                                path,
                                fingerprint,
                            )?,
                        }
                    }
                    Block::Raw(r) => {
                        let (obj, dict) = new_object(raw_cls)?;
                        dict.set_item(intern!(py, "data"), PyBytes::new(py, &r.data))?;
                        dict.set_item(code_name, block_code)?;
                        obj
                    }
                }
            };
            match block_code {
                mtg_flac::code::PICTURE => pictures += 1,
                mtg_flac::code::SEEKTABLE => seektable = object.clone(),
                mtg_flac::code::CUESHEET => cuesheet = object.clone(),
                _ => {}
            }
            out.append(object)?;
        }
        PyTuple::new(py, [out.into_any(), seektable, cuesheet])
    }

    /// The picture blocks alone, as [`FlacState::build`] makes them (same
    /// objects, same attributes), without making the other blocks: what
    /// `FLAC.pictures` needs. Every other block is parsed as `build` parses
    /// it, so that a broken one fails here as it would there.
    fn pictures<'py>(
        &self,
        py: Python<'py>,
        picture_cls: &Bound<'py, PyAny>,
        tags_index: i64,
        path: &Bound<'py, PyAny>,
        fingerprint: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        let mut first_info = true;
        for (index, binfo) in self.file.block_infos().enumerate() {
            if binfo.code == mtg_flac::code::STREAMINFO && first_info {
                first_info = false;
            } else if i64::try_from(index).is_ok_and(|i| i == tags_index) {
                continue;
            }
            let block = self.file.block(index).map_err(|e| flac_err_plain(py, &e))?;
            if let Block::Picture(p) = &block {
                let overflow = (binfo.len > MAX_BLOCK_LEN as u64).then_some(binfo.declared_len);
                let ordinal = out.len() as u64;
                out.append(self.picture_object(
                    py,
                    picture_cls,
                    index,
                    p,
                    overflow,
                    ordinal,
                    path,
                    fingerprint,
                )?)?;
            }
        }
        Ok(out)
    }

    /// Every block in file order, as `(code, payload)`:
    ///
    /// * 0 STREAMINFO: its attribute dict
    /// * 1 PADDING: its length
    /// * 3 SEEKTABLE: `[(first_sample, byte_offset, num_samples)]`
    /// * 4 VORBIS_COMMENT: `(vendor, comments, size, overflow)`
    /// * 5 CUESHEET: as `flac_cuesheet_parse`'s first item
    /// * 6 PICTURE: `(type, mime, desc, width, height, depth, colors, data,
    ///   offset, length, overflow)`; `data` is None when the image is still
    ///   in the file, at `offset`
    /// * any other code: the raw body
    ///
    /// `overflow` is the declared length of a block too long for its
    /// header, else None.
    fn blocks<'py>(
        &self,
        py: Python<'py>,
        point_class: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for (index, info) in self.file.block_infos().enumerate() {
            let block = self.file.block(index).map_err(|e| flac_err_plain(py, &e))?;
            let overflow = (info.len > MAX_BLOCK_LEN as u64).then_some(info.declared_len);
            let payload: Bound<'py, PyAny> = match &block {
                Block::StreamInfo(si) => stream_info_dict(py, si)?.into_any(),
                Block::Padding(p) => p.length.into_pyobject(py)?.into_any(),
                Block::SeekTable(t) => seekpoints(py, t, point_class)?.into_any(),
                Block::VorbisComment { comment, .. } => (
                    PyString::new(py, &comment.vendor),
                    comment_list(py, &comment.comments)?,
                    info.len,
                    overflow,
                )
                    .into_pyobject(py)?
                    .into_any(),
                Block::CueSheet(cs) => cuesheet_tuple(py, cs)?.into_any(),
                Block::Picture(p) => {
                    let (data, offset) = match &p.data {
                        PictureData::Bytes(b) => (Some(PyBytes::new(py, b)), 0),
                        PictureData::InFile { offset, .. } => {
                            let kept = self.images.iter().find(|(i, _)| *i == index);
                            (kept.map(|(_, b)| PyBytes::new(py, b)), *offset)
                        }
                    };
                    let [t, mime, desc, w, h, depth, colors] = picture_fields(py, p)?;
                    PyTuple::new(
                        py,
                        [
                            t,
                            mime,
                            desc,
                            w,
                            h,
                            depth,
                            colors,
                            data.map_or_else(|| py.None().into_bound(py), Bound::into_any),
                            offset.into_pyobject(py)?.into_any(),
                            p.data.len().into_pyobject(py)?.into_any(),
                            overflow.into_pyobject(py)?.into_any(),
                        ],
                    )?
                    .into_any()
                }
                Block::Raw(r) => PyBytes::new(py, &r.data).into_any(),
            };
            out.append((info.code, payload))?;
        }
        Ok(out)
    }
}

impl FlacState {
    /// The `picture_cls` object of the picture `p`, block `index` of the
    /// file and picture number `ordinal` (from 0) in it; `overflow` is the
    /// declared length of a block too long for its header.
    #[allow(clippy::too_many_arguments)]
    fn picture_object<'py>(
        &self,
        py: Python<'py>,
        picture_cls: &Bound<'py, PyAny>,
        index: usize,
        p: &Picture<'_>,
        overflow: Option<u32>,
        ordinal: u64,
        path: &Bound<'py, PyAny>,
        fingerprint: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        use pyo3::intern;
        let (obj, dict) = crate::instance::new_instance_with_dict(picture_cls)?;
        let fields = picture_fields(py, p)?;
        let names = [
            intern!(py, "type"),
            intern!(py, "mime"),
            intern!(py, "desc"),
            intern!(py, "width"),
            intern!(py, "height"),
            intern!(py, "depth"),
            intern!(py, "colors"),
        ];
        for (name, value) in names.iter().zip(&fields) {
            dict.set_item(name, value)?;
        }
        let (data, offset) = match &p.data {
            PictureData::Bytes(b) => (Some(PyBytes::new(py, b)), 0),
            PictureData::InFile { offset, .. } => {
                let kept = self.images.iter().find(|(i, _)| *i == index);
                (kept.map(|(_, b)| PyBytes::new(py, b)), *offset)
            }
        };
        match data {
            Some(data) => dict.set_item(intern!(py, "data"), data)?,
            None => {
                let source = PyTuple::new(
                    py,
                    [
                        path.clone(),
                        offset.into_pyobject(py)?.into_any(),
                        p.data.len().into_pyobject(py)?.into_any(),
                        fingerprint.clone(),
                        ordinal.into_pyobject(py)?.into_any(),
                        PyTuple::new(py, fields)?.into_any(),
                    ],
                )?;
                dict.set_item(intern!(py, "_image_source"), source)?;
            }
        }
        if let Some(declared) = overflow {
            dict.set_item(intern!(py, "_invalid_overflow_size"), declared)?;
        }
        dict.set_item(intern!(py, "code"), mtg_flac::code::PICTURE)?;
        Ok(obj)
    }
}

/// The path in `obj` (str, bytes or os.PathLike). Bytes are taken as the
/// file system's own bytes.
fn path_of(obj: &Bound<'_, PyAny>) -> PyResult<PathBuf> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            return Ok(PathBuf::from(std::ffi::OsStr::from_bytes(b.as_bytes())));
        }
        #[cfg(not(unix))]
        {
            let decoded = obj.py().import("os")?.call_method1("fsdecode", (b,))?;
            return decoded.extract();
        }
    }
    obj.extract()
}

/// Opens the path `obj` for reading, failing like the Python side's
/// `open()` (MutagenError raised from the OSError, which names `obj`).
fn open_path(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<source::PySource> {
    if obj.is_instance_of::<PyBytes>() {
        let path = path_of(obj)?;
        return match py.detach(|| FileSource::open(&path)) {
            Ok(f) => Ok(source::PySource::Path(f)),
            Err(mtg_core::Error::Io(e)) => Err(cause_as_context(
                py,
                errors::mutagen_error_from(py, errors::os_error(py, &e, obj)),
            )),
            Err(other) => Err(PyOSError::new_err(other.to_string())),
        };
    }
    match source::open_for_reading(py, obj).map_err(|e| cause_as_context(py, e))? {
        Some(opened) => Ok(opened.source),
        None => Err(PyTypeError::new_err("expected a path or a file object")),
    }
}

/// `err` with its `__cause__` also as its `__context__`, as `raise ... from
/// cause` inside an `except` block leaves it.
fn cause_as_context(py: Python<'_>, err: PyErr) -> PyErr {
    if let Some(cause) = err.cause(py) {
        if err
            .value(py)
            .getattr("__context__")
            .is_ok_and(|c| c.is_none())
        {
            return with_context(py, err, cause);
        }
    }
    err
}

/// Whether `err` is the error of reading a directory.
fn is_directory_error(err: &io::Error) -> bool {
    err.kind() == io::ErrorKind::IsADirectory
}

/// Whether `obj` is a path (str, bytes, os.PathLike) rather than a file
/// object.
fn is_path(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(obj.is_instance_of::<PyString>()
        || obj.is_instance_of::<PyBytes>()
        || obj.hasattr("__fspath__")?)
}

/// Whether a picture of `file` left its image in the file (to be read
/// later, from a file that still has the same fingerprint).
fn needs_fingerprint(file: &FlacFile<'_>) -> bool {
    file.picture_indices().any(|i| {
        matches!(
            file.block(i),
            Ok(Block::Picture(Picture {
                data: PictureData::InFile { .. },
                ..
            }))
        )
    })
}

/// The path `obj` names when it is a str or bytes (not a PathLike, whose
/// `__fspath__` the general path handles).
fn plain_path(obj: &Bound<'_, PyAny>) -> PyResult<Option<PathBuf>> {
    if let Ok(text) = obj.cast_exact::<PyString>() {
        // The file system encoding is UTF-8 (with surrogateescape, which
        // only changes lone surrogates, refused by to_str()): the str's own
        // UTF-8 text is the path, without the bytes object the general
        // conversion makes (measured: a noticeable part of a cold load).
        if fs_encoding_is_utf8(obj.py())? {
            if let Ok(text) = text.to_str() {
                return Ok(Some(PathBuf::from(text)));
            }
        }
    }
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        path_of(obj).map(Some)
    } else {
        Ok(None)
    }
}

/// Whether Python encodes file names as UTF-8 with surrogateescape (fixed
/// at interpreter start-up: a property of the process, not of any file).
static FS_UTF8: PyOnceLock<bool> = PyOnceLock::new();

fn fs_encoding_is_utf8(py: Python<'_>) -> PyResult<bool> {
    FS_UTF8
        .get_or_try_init(py, || {
            let sys = py.import("sys")?;
            let encoding: String = sys.getattr("getfilesystemencoding")?.call0()?.extract()?;
            let errors: String = sys
                .getattr("getfilesystemencodeerrors")?
                .call0()?
                .extract()?;
            let encoding = encoding.to_ascii_lowercase().replace('_', "-");
            Ok::<_, PyErr>(
                (encoding == "utf-8" || encoding == "utf8") && errors == "surrogateescape",
            )
        })
        .copied()
}

/// A file opened by path, read with positional reads; its length (and
/// fingerprint) come from the one `fstat` made when opening it.
struct PathFile {
    file: std::fs::File,
    len: u64,
}

impl PathFile {
    /// Open `path` read-only; a directory is refused with EISDIR, as
    /// Python's `open()` refuses it.
    fn open(path: &Path) -> io::Result<(Self, source::Fingerprint)> {
        let file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        if meta.is_dir() {
            return Err(io::Error::from_raw_os_error(EISDIR));
        }
        let fp = source::fingerprint_of(&meta);
        Ok((
            PathFile {
                file,
                len: meta.len(),
            },
            fp,
        ))
    }

    /// Fill `buf` from `offset` until it is full or the file ends; the
    /// number of bytes read.
    fn read_fully(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let mut done = 0usize;
        while let Some(rest) = buf.get_mut(done..) {
            if rest.is_empty() {
                break;
            }
            match positional_read(&self.file, offset.saturating_add(done as u64), rest) {
                Ok(0) => break,
                Ok(n) => done += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
        Ok(done)
    }
}

/// `EISDIR` (the same number on Linux and the BSDs/macOS).
const EISDIR: i32 = 21;

#[cfg(unix)]
fn positional_read(file: &std::fs::File, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(windows)]
fn positional_read(file: &std::fs::File, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

impl ByteSource for PathFile {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> mtg_core::Result<usize> {
        let available = usize::try_from(self.len.saturating_sub(offset)).unwrap_or(usize::MAX);
        let want = buf.len().min(available);
        match buf.get_mut(..want) {
            Some(target) if !target.is_empty() => Ok(self.read_fully(offset, target)?),
            _ => Ok(0),
        }
    }

    fn read_range(&self, offset: u64, len: usize) -> mtg_core::Result<Cow<'_, [u8]>> {
        let available = usize::try_from(self.len.saturating_sub(offset)).unwrap_or(usize::MAX);
        let want = len.min(available);
        if want == 0 {
            return Ok(Cow::Borrowed(&[]));
        }
        let mut buf = vec![0u8; want];
        let got = self.read_fully(offset, &mut buf)?;
        buf.truncate(got);
        Ok(Cow::Owned(buf))
    }
}

/// Why reading a FLAC file from a path failed.
enum PathLoadError {
    /// It could not be opened (or its metadata taken).
    Open(io::Error),
    /// Its metadata could not be read.
    Read(FlacError),
}

/// Read the metadata of the FLAC file `filething` (a path, opened by Rust,
/// or a file object); `name` is how error messages call it.
///
/// Returns `(info, tags, tags_index, state, fingerprint)`: the first
/// STREAMINFO block as an `info_class` object (with `code` and `bitrate`),
/// the first Vorbis comment as a `tags_class` list (with `_size`, `vendor`,
/// `code`) or None, its block index (-1 without), a [`FlacState`] for the
/// other blocks, and for a path whose pictures' images were left in the
/// file, a fingerprint of the file to check before reading them (else
/// None). The objects are made without running their `__init__`.
#[pyfunction]
pub fn flac_load<'py>(
    py: Python<'py>,
    filething: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
    info_class: &Bound<'py, PyAny>,
    tags_class: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyTuple>> {
    let (file, images, fp) = if let Some(path) = plain_path(filething)? {
        // A str or bytes path: opened here, its length and fingerprint
        // taken from one stat; opened, read and closed with the GIL released
        // once.
        let read = py.detach(|| {
            let (src, fp) = PathFile::open(&path).map_err(PathLoadError::Open)?;
            FlacFile::read(&src)
                .map(|file| (FlacFile::into_owned(file), fp))
                .map_err(PathLoadError::Read)
        });
        let (file, fp) = read.map_err(|e| match e {
            PathLoadError::Open(e) => cause_as_context(
                py,
                errors::mutagen_error_from(py, errors::os_error(py, &e, filething)),
            ),
            PathLoadError::Read(e) => flac_to_py(py, &e, name, None),
        })?;
        let fp = needs_fingerprint(&file).then_some(fp);
        (file, Vec::new(), fp)
    } else if is_path(filething)? {
        let opened = open_path(py, filething)?;
        let src = &opened;
        let file = py
            .detach(|| FlacFile::read(src).map(FlacFile::into_owned))
            .map_err(|e| match &e {
                // A directory opens but cannot be read: report it like a
                // failed open.
                FlacError::Core(mtg_core::Error::Io(io)) if is_directory_error(io) => {
                    cause_as_context(
                        py,
                        errors::mutagen_error_from(py, errors::os_error(py, io, filething)),
                    )
                }
                _ => flac_to_py(py, &e, name, None),
            })?;
        let fp = match (&opened, needs_fingerprint(&file)) {
            (source::PySource::Path(fs), true) => Some(source::fingerprint_of(fs.metadata())),
            _ => None,
        };
        (file, Vec::new(), fp)
    } else {
        let reader = PyReader::new(filething).map_err(|e| file_object_error(py, e))?;
        let file = FlacFile::read(&reader)
            .map(FlacFile::into_owned)
            .map_err(|e| flac_to_py(py, &e, name, reader.pending.take()))?;
        // The file object may be gone later: read the images now.
        let mut images = Vec::new();
        for index in file.picture_indices().collect::<Vec<_>>() {
            if let Ok(Block::Picture(p)) = file.block(index) {
                if let PictureData::InFile { .. } = p.data {
                    let bytes = p
                        .data
                        .load(Some(&reader))
                        .map_err(|e| flac_to_py(py, &e, name, reader.pending.take()))?;
                    images.push((index, bytes.into_owned()));
                }
            }
        }
        // Leave the file object at its end, where measuring the audio for
        // the bitrate leaves it on the Python side.
        reader
            .fileobj
            .call_method1("seek", (reader.base.saturating_add(reader.len),))
            .map_err(|e| file_object_error(py, e))?;
        (file, images, None)
    };

    use pyo3::intern;
    let info_dict = stream_info_dict(py, file.stream_info())?;
    info_dict.set_item(intern!(py, "code"), 0)?;
    info_dict.set_item(intern!(py, "bitrate"), file.bitrate())?;
    // An instance of `info_class` (made without running its __init__) with
    // these attributes.
    let info = info_class.call_method1(intern!(py, "__new__"), (info_class,))?;
    info.setattr(intern!(py, "__dict__"), info_dict)?;
    let (tags, tags_index) = match file.tags_index() {
        Some(index) => {
            let block_info = file.block_infos().nth(index);
            let size = block_info.map_or(0, |b| b.len);
            let overflow = block_info
                .filter(|b| b.len > MAX_BLOCK_LEN as u64)
                .map(|b| b.declared_len);
            let comment = match file
                .block(index)
                .map_err(|e| flac_to_py(py, &e, name, None))?
            {
                Block::VorbisComment { comment, .. } => comment,
                _ => VComment::new(),
            };
            let tags = py
                .get_type::<PyList>()
                .call_method1(intern!(py, "__new__"), (tags_class,))?;
            {
                let list = tags.cast::<PyList>()?;
                for (k, v) in &comment.comments {
                    list.append(PyTuple::new(
                        py,
                        [PyString::new(py, k), PyString::new(py, v)],
                    )?)?;
                }
            }
            let attrs = PyDict::new(py);
            attrs.set_item(intern!(py, "_size"), size)?;
            attrs.set_item(intern!(py, "vendor"), PyString::new(py, &comment.vendor))?;
            if let Some(declared) = overflow {
                attrs.set_item(intern!(py, "_invalid_overflow_size"), declared)?;
            }
            attrs.set_item(intern!(py, "code"), 4)?;
            tags.setattr(intern!(py, "__dict__"), attrs)?;
            (tags, index as i64)
        }
        None => (py.None().into_bound(py), -1),
    };
    let state = Bound::new(py, FlacState { file, images })?;
    PyTuple::new(
        py,
        [
            info,
            tags,
            tags_index.into_pyobject(py)?.into_any(),
            state.into_any(),
            fp.into_pyobject(py)?.into_any(),
        ],
    )
}

/// The `length` image bytes at `offset` of the file at `path`, if the file
/// still has the fingerprint it had when it was read (else None: the
/// caller has to look for the picture again).
#[pyfunction]
pub fn flac_picture_data<'py>(
    py: Python<'py>,
    path: &Bound<'py, PyAny>,
    offset: u64,
    length: usize,
    expected: source::Fingerprint,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    let name = path;
    let path = path_of(path)?;
    let read = py.detach(|| source::read_if_unchanged(&path, offset, length, expected));
    match read {
        Ok(Some(data)) => Ok(Some(PyBytes::new(py, &data))),
        Ok(None) => Ok(None),
        Err(e) => Err(io_error(py, &e, name)),
    }
}

// ---------------------------------------------------------------------------
// saving

/// Where the new chain goes in a file of layout `layout`, and the chain:
/// `(offset, old_len, data)`.
fn plan(
    layout: &Layout,
    blocks: &Bound<'_, PyAny>,
    deleteid3: bool,
    padding: &Bound<'_, PyAny>,
) -> PyResult<(u64, u64, Vec<u8>)> {
    let py = blocks.py();
    let start = if deleteid3 { 0 } else { layout.flac_offset };
    let old_len = layout.audio_offset.saturating_sub(start);
    let available = i128::from(old_len) - 4;
    let content_size = layout.file_size.saturating_sub(layout.audio_offset);
    let mut data = b"fLaC".to_vec();
    render_chain(
        blocks,
        &available.into_pyobject(py)?.into_any(),
        &content_size.into_pyobject(py)?.into_any(),
        padding,
        &mut data,
    )?;
    Ok((start, old_len, data))
}

/// Cut 128 bytes off the end of `file` if they are an ID3v1 tag; gives the
/// new length if it did.
fn strip_id3v1<F: EditTarget + ?Sized>(file: &mut F) -> io::Result<Option<u64>> {
    let len = file.current_len()?;
    if len >= 128 {
        let mut tag = [0u8; 3];
        file.read_exact_from(len - 128, &mut tag)?;
        if &tag == b"TAG" {
            file.truncate_or_extend(len - 128)?;
            return Ok(Some(len - 128));
        }
    }
    Ok(None)
}

fn core_to_io(err: mtg_core::Error) -> io::Error {
    match err {
        mtg_core::Error::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

/// Save `blocks` (Python block objects, in order) as the metadata of the
/// FLAC file `filething` (a path, opened by Rust, or a file object open for
/// reading and writing): the chain from `fLaC` to the audio is replaced by
/// the blocks without their Padding objects and one PADDING block chosen by
/// `padding`. With `deleteid3` an ID3v2 tag in front and an ID3v1 tag at
/// the end are removed too. `name` is how error messages call the file.
#[pyfunction]
#[pyo3(signature = (filething, name, blocks, deleteid3=false, padding=None))]
pub fn flac_save<'py>(
    py: Python<'py>,
    filething: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
    blocks: &Bound<'py, PyAny>,
    deleteid3: bool,
    padding: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let none = py.None().into_bound(py);
    let padding = padding.unwrap_or(&none);
    if is_path(filething)? {
        let path = path_of(filething)?;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .map_err(|e| {
                cause_as_context(
                    py,
                    errors::mutagen_error_from(py, errors::os_error(py, &e, filething)),
                )
            })?;
        let layout = py
            .detach(|| {
                let source = FileSource::from_file(file)?;
                scan_layout(&source)
            })
            .map_err(|e| flac_to_py(py, &e, name, None))?;
        let (offset, old_len, data) = plan(&layout, blocks, deleteid3, padding)?;
        py.detach(|| save_path(&path, offset, old_len, &data, deleteid3))
            .map_err(|e| io_error(py, &e, name))?;
    } else {
        let reader = PyReader::new(filething).map_err(|e| file_object_error(py, e))?;
        let layout =
            scan_layout(&reader).map_err(|e| flac_to_py(py, &e, name, reader.pending.take()))?;
        let (offset, old_len, data) = plan(&layout, blocks, deleteid3, padding)?;
        let mut writer = PyWriter {
            fileobj: filething.clone(),
            base: reader.base,
            pending: Pending::default(),
        };
        let result = mtg_core::replace_region(&mut writer, offset, old_len, &data)
            .map_err(core_to_io)
            .and_then(|()| {
                if !deleteid3 {
                    return Ok(());
                }
                // A file object is left at its new end after the cut.
                match strip_id3v1(&mut writer)? {
                    Some(new_len) => writer.call(|| {
                        writer
                            .fileobj
                            .call_method1("seek", (writer.base.saturating_add(new_len),))
                            .map(drop)
                    }),
                    None => Ok(()),
                }
            });
        if let Err(e) = result {
            return Err(match writer.pending.take() {
                Some(pending) => file_object_error(py, pending),
                None => io_error(py, &e, name),
            });
        }
    }
    Ok(())
}

/// Replace `old_len` bytes at `offset` of the file at `path` with `data`
/// (in place, or by an atomic rewrite if that fails), then drop a trailing
/// ID3v1 tag if asked.
fn save_path(
    path: &Path,
    offset: u64,
    old_len: u64,
    data: &[u8],
    deleteid3: bool,
) -> io::Result<()> {
    mtg_core::save_region(path, offset, old_len, data).map_err(core_to_io)?;
    if deleteid3 {
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)?;
        strip_id3v1(&mut file)?;
    }
    Ok(())
}
