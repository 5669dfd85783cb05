//! Shared foundation of mutagen-rs: what every format crate needs and none
//! should implement on its own.
//!
//! * [`error`]: the [`Error`] type and [`Result`] alias that format errors
//!   convert into.
//! * [`source`]: [`ByteSource`], random-access reads of exactly the byte
//!   ranges a parser needs, over a file ([`FileSource`]: `open`, `fstat`,
//!   `pread`, `close`) or over memory ([`SliceSource`], zero-copy).
//! * [`edit`]: in-place editing of files — insert, delete, resize and move
//!   byte ranges with a bounded buffer — and [`replace_region`], what a tag
//!   writer calls to save; failures undo themselves.
//! * [`atomic`]: saving through a temporary file renamed over the original
//!   ([`rewrite_atomically`]), and [`save_region`], which edits in place and
//!   falls back to the rewrite. The module documents the safety strategy.
//! * [`padding`]: the default padding rule of tag writers ([`PaddingInfo`]).
//! * [`syncsafe`]: ID3v2's 7-bits-per-byte integers (28 and 35 bits).
//! * [`text`]: Latin-1, UTF-16 (with BOM, LE, BE) and UTF-8 codecs with
//!   Python's strict and replace behaviour, and zero-terminated strings.
//! * [`bitreader`]: [`BitReader`], MSB-first bit fields for codec headers.
//!
//! Nothing here panics on untrusted input, and nothing allocates more than
//! the bytes actually present.
#![forbid(unsafe_code)]

pub mod atomic;
pub mod bitreader;
pub mod edit;
pub mod error;
pub mod padding;
pub mod read_windows;
pub mod source;
pub mod syncsafe;
pub mod text;

#[cfg(any(test, feature = "testing"))]
pub mod testing;

#[cfg(test)]
mod test_util;

/// The Rust examples of the project's README, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeExamples;

pub use atomic::{rewrite_atomically, rewrite_region_atomically, save_region, SaveMethod};
pub use bitreader::BitReader;
pub use edit::{delete_bytes, insert_bytes, move_bytes, replace_region, resize_bytes, EditTarget};
pub use error::{Error, Result, TextError};
pub use padding::PaddingInfo;
pub use read_windows::ReadWindows;
pub use source::{ByteSource, CountingSource, FileSource, SliceSource};
pub use text::{DecodeMode, Encoding, Endian};
