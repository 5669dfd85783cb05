//! The native module `mutagen_rs._native`: the Rust side of the Python
//! package. Base classes live here so that formats written in Rust can
//! extend them; Python glue lives in `python/mutagen_rs`.

mod ape;
mod errors;
mod file_type;
mod flac;
mod id3;
mod instance;
mod list_method;
mod mpeg;
mod native_open;
mod pending_attr;
mod prefetch;
mod source;

use pyo3::prelude::*;

pub use file_type::{FileType, StreamInfo};

/// Runs one of `mutagen_rs._util`'s abstract-method stand-ins on `obj`: it
/// handles the file argument like a real implementation, then raises
/// `NotImplementedError`.
pub(crate) fn abstract_call(
    obj: &Bound<'_, PyAny>,
    helper: &str,
    args: &Bound<'_, pyo3::types::PyTuple>,
    kwargs: Option<&Bound<'_, pyo3::types::PyDict>>,
) -> PyResult<()> {
    let py = obj.py();
    let func = py.import("mutagen_rs._util")?.getattr(helper)?;
    let mut full = Vec::with_capacity(args.len() + 1);
    full.push(obj.clone());
    full.extend(args.iter());
    func.call(pyo3::types::PyTuple::new(py, full)?, kwargs)?;
    Ok(())
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<FileType>()?;
    m.add_class::<StreamInfo>()?;
    ape::register(m)?;
    flac::register(m)?;
    id3::register(m)?;
    mpeg::register(m)?;
    m.add_function(wrap_pyfunction!(native_open::mp3_open, m)?)?;
    m.add_function(wrap_pyfunction!(native_open::id3_open_into, m)?)?;
    m.add_function(wrap_pyfunction!(source::file_range_if_unchanged, m)?)?;
    m.add_class::<prefetch::Prefetch>()?;
    m.add_class::<pending_attr::PendingAttr>()?;
    m.add_function(wrap_pyfunction!(prefetch::prefetch, m)?)?;
    Ok(())
}
