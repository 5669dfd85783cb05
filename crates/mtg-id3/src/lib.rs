//! ID3v1 and ID3v2.2/2.3/2.4 tags: parsing, every frame type, writing.
//!
//! Tag level (this part of the crate):
//!
//! * the ID3v2 header and extended header, with mutagen's errors
//!   ([`header`]);
//! * reading a tag ([`TagBytes`]), also without its large pictures'
//!   payload ([`sparse`]), and splitting it into raw frames ([`Tag`],
//!   [`RawFrame`]), and [`read_id3`] for a whole file ([`tag`]);
//! * unsynchronisation ([`unsync`]);
//! * ID3v1 find, parse, make ([`v1`]);
//! * serialising a tag, saving it into a file, deleting tags ([`write`](mod@write));
//! * [`Id3Error`], one variant per mutagen exception class ([`error`]).
#![forbid(unsafe_code)]

pub use mtg_core::{Error, Result};

pub mod error;
pub mod frames;
pub mod header;
mod id_table;
pub mod sparse;
pub mod spec;
pub mod tag;
pub mod timestamp;
pub mod unsync;
pub mod v1;
pub mod value;
pub mod write;

pub use error::{Id3Error, NoHeaderReason};
pub use header::{ExtHeader, Id3Header};
pub use sparse::{DeferredBody, SparseLimits};
pub use tag::{read_id3, read_id3_sparse, FrameId, Id3Read, RawFrame, SizeMode, Tag, TagBytes};
pub use v1::{find_id3v1, make_id3v1, parse_id3v1, Id3v1, V1Text, V1Values, GENRES};
pub use write::{EncodedFrame, PaddingInfo, SaveOptions, V1Mode};

// Frame level.
pub use frames::{
    decode_frame, decode_frame_body, encode_frame_body, frame_def, hash_key, unwrap_frame_body,
    FrameClass, FrameDef,
};
pub use spec::{FieldDef, FieldKind, FrameError, SpecContext, WriteConfig};
pub use timestamp::Id3TimeStamp;
pub use value::{FieldValue, PyInt};
