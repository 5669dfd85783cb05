//! The native module `mutagen_rs._native`.
use pyo3::prelude::*;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__doc__", "Native core of mutagen_rs")?;
    Ok(())
}
