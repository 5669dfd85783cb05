//! Native functions behind `mutagen_rs.mp3`, `mutagen_rs.aac` and
//! `mutagen_rs.ac3`, on top of the mtg-mpeg crate.

use pyo3::prelude::*;

/// Adds this module's functions to `mutagen_rs._native`.
pub fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
