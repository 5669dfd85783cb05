//! MP4/M4A/M4B atoms, iTunes ilst metadata, chapters and codec info.
//!
//! **Status: skeleton.** This crate holds only its public shape so far; the
//! parser and writer land with the issue for this format. Nothing here is
//! "done".
#![forbid(unsafe_code)]

pub use mtg_core::{Error, Result};
