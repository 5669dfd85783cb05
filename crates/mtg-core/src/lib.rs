//! Shared foundation of mutagen-rs.
#![forbid(unsafe_code)]

mod error;

pub use error::{Error, Result};
