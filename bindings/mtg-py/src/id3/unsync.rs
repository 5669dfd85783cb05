//! `mutagen_rs.id3._util.unsynch`: ID3v2 unsynchronisation.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// Undoes unsynchronisation; `ValueError` on data that was not validly
/// unsynchronised (mutagen's messages).
#[pyfunction]
pub fn id3_unsynch_decode<'py>(py: Python<'py>, value: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
    match mtg_id3::unsync::decode(value) {
        Ok(out) => Ok(PyBytes::new(py, &out)),
        Err(e) => Err(PyValueError::new_err(e.message())),
    }
}

/// Applies unsynchronisation.
#[pyfunction]
pub fn id3_unsynch_encode<'py>(py: Python<'py>, value: &[u8]) -> Bound<'py, PyBytes> {
    PyBytes::new(py, &mtg_id3::unsync::encode(value))
}
