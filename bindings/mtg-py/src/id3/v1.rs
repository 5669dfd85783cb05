//! ID3v1: find at the end of a file, parse to frames, make from values.

use mtg_id3::v1::{self, Id3v1, V1Values};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

use super::error;

/// The frames ParseID3v1 makes from a v1 tag, as `[(frame_id, kwargs)]`.
pub fn frames_to_py<'py>(
    py: Python<'py>,
    tag: &Id3v1,
    v2_version: u8,
) -> PyResult<Bound<'py, PyList>> {
    let out = PyList::empty(py);
    for (id, text) in tag.frames(v2_version) {
        let kwargs = PyDict::new(py);
        kwargs.set_item("encoding", 0)?;
        if id == "COMM" {
            kwargs.set_item("lang", v1::V1_COMMENT_LANG)?;
            kwargs.set_item("desc", v1::V1_COMMENT_DESC)?;
        }
        kwargs.set_item("text", PyList::new(py, [text])?)?;
        out.append(PyTuple::new(
            py,
            [id.into_pyobject(py)?.into_any(), kwargs.into_any()],
        )?)?;
    }
    Ok(out)
}

/// `ParseID3v1` on raw tag bytes: the frames, or None if it is no v1 tag.
#[pyfunction]
#[pyo3(signature = (data, v2_version=4))]
pub fn id3_parse_v1<'py>(
    py: Python<'py>,
    data: &[u8],
    v2_version: u8,
) -> PyResult<Option<Bound<'py, PyList>>> {
    match v1::parse_id3v1(data) {
        Some(tag) => Ok(Some(frames_to_py(py, &tag, v2_version)?)),
        None => Ok(None),
    }
}

/// mutagen's search for a v1 tag in the last bytes of a file: the tag's
/// bytes and its offset from the end, or `(None, None)`.
#[pyfunction]
#[pyo3(signature = (tail, file_size=None))]
pub fn id3_find_v1_in_tail<'py>(
    py: Python<'py>,
    tail: &[u8],
    file_size: Option<u64>,
) -> PyResult<(Option<Bound<'py, PyBytes>>, Option<i64>)> {
    let _ = file_size;
    match v1::find_id3v1_in_tail(tail) {
        Some((_, offset)) => {
            let start = (tail.len() as i64 + offset).max(0) as usize;
            let data = tail.get(start..).unwrap_or_default();
            let data = data.get(..128).unwrap_or(data);
            Ok((Some(PyBytes::new(py, data)), Some(offset)))
        }
        None => Ok((None, None)),
    }
}

/// MakeID3v1's 128 bytes from `{"title", "artist", "album", "year",
/// "comment": str, "track": int, "genre": str}` (each may be absent).
#[pyfunction]
pub fn id3_make_v1<'py>(
    py: Python<'py>,
    values: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyBytes>> {
    let text = |key: &str| -> PyResult<Option<String>> {
        match values.get_item(key)? {
            Some(v) if !v.is_none() => Ok(Some(v.extract()?)),
            _ => Ok(None),
        }
    };
    let (title, artist, album) = (text("title")?, text("artist")?, text("album")?);
    let (year, comment, genre) = (text("year")?, text("comment")?, text("genre")?);
    let track = match values.get_item("track")? {
        Some(v) if !v.is_none() => Some(v.extract::<i64>()?),
        _ => None,
    };
    let v = V1Values {
        title: title.as_deref(),
        artist: artist.as_deref(),
        album: album.as_deref(),
        year: year.as_deref(),
        comment: comment.as_deref(),
        track,
        genre: genre.as_deref(),
    };
    match v1::make_id3v1(&v) {
        Ok(bytes) => Ok(PyBytes::new(py, &bytes)),
        // Only the year is encoded strictly (as ASCII).
        Err(mtg_id3::Id3Error::Encode(text_err)) => Err(crate::errors::unicode_encode_error(
            &text_err,
            year.as_deref().unwrap_or_default(),
        )),
        Err(e) => Err(error::to_py(py, &e.into(), "<unknown>")),
    }
}
