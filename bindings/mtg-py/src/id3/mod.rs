//! Native functions behind `mutagen_rs.id3`, on top of the mtg-id3 crate.
//!
//! * `error`: mtg-id3 errors as mutagen's Python exceptions.
//! * `unsync`: `unsynch.encode/decode`.
//! * `read`: reading a file's tags (`id3_read`).
//! * `build`: a tag's frames as Python objects, built in one step.
//! * `upgrade`: the ID3v2.4 conversion of such frames after a load.
//! * `v1`: ID3v1 find, parse and make.
//! * `save`: writing and deleting tags in a file.
//! * `spec`: one frame field between bytes and its Python value.

mod build;
mod error;
mod read;
mod save;
mod spec;
mod unsync;
mod upgrade;
mod v1;

use pyo3::prelude::*;

pub(crate) use read::id3_read;

/// Adds this module's functions to `mutagen_rs._native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(unsync::id3_unsynch_decode, m)?)?;
    m.add_function(wrap_pyfunction!(unsync::id3_unsynch_encode, m)?)?;
    m.add_function(wrap_pyfunction!(read::id3_read, m)?)?;
    m.add_class::<read::PendingFrames>()?;
    m.add_function(wrap_pyfunction!(read::id3_v1_frame, m)?)?;
    m.add_function(wrap_pyfunction!(v1::id3_parse_v1, m)?)?;
    m.add_function(wrap_pyfunction!(v1::id3_find_v1_in_tail, m)?)?;
    m.add_function(wrap_pyfunction!(v1::id3_make_v1, m)?)?;
    m.add_function(wrap_pyfunction!(save::id3_save, m)?)?;
    m.add_function(wrap_pyfunction!(save::id3_delete, m)?)?;
    m.add_function(wrap_pyfunction!(spec::id3_spec_read, m)?)?;
    m.add_function(wrap_pyfunction!(spec::id3_spec_write, m)?)?;
    m.add_function(wrap_pyfunction!(spec::id3_timestamp_parse, m)?)?;
    m.add_function(wrap_pyfunction!(spec::id3_unwrap_frame_body, m)?)?;
    Ok(())
}
