//! ID3v1 and ID3v2.2/2.3/2.4 tags: parsing, every frame type, writing.
//!
//! **Status: skeleton.** This crate holds only its public shape so far; the
//! parser and writer land with the issue for this format. Nothing here is
//! "done".
#![forbid(unsafe_code)]

pub use mtg_core::{Error, Result};
