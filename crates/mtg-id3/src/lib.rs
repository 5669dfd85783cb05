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
//!
//! Frame level: [`frame_def`] finds a frame ID's definition (its fields,
//! as mutagen's frame class has them), [`decode_frame`] turns a raw frame
//! into its field values, [`encode_frame_body`] does the reverse.
//!
//! Reading every frame of a file's tags (here a file in memory; a
//! `FileSource` reads a path with a few positional reads):
//!
//! ```
//! use mtg_core::SliceSource;
//! use mtg_id3::{decode_frame, frame_def, read_id3, FieldValue};
//!
//! // An ID3v2.4 tag with one TIT2 frame (UTF-8 "Harbor"), some audio,
//! // and an ID3v1 tag whose artist is "Lake".
//! let mut file = b"ID3\x04\x00\x00\x00\x00\x00\x11".to_vec();
//! file.extend_from_slice(b"TIT2\x00\x00\x00\x07\x00\x00\x03Harbor");
//! file.extend_from_slice(&[0; 1000]);
//! let mut v1 = [0u8; 128];
//! v1[..3].copy_from_slice(b"TAG");
//! v1[33..37].copy_from_slice(b"Lake");
//! v1[127] = 0xFF; // no genre
//! file.extend_from_slice(&v1);
//!
//! let src = SliceSource::new(&file);
//! let found = read_id3(&src, true).unwrap();
//! let tag_bytes = found.v2.as_ref().unwrap();
//! let version = tag_bytes.header().major;
//! let tag = tag_bytes.frames();
//! let mut texts = Vec::new();
//! for frame in &tag.frames {
//!     let def = frame_def(version, frame.id.as_str()).unwrap();
//!     let values = decode_frame(def, version, tag.effective_flags(frame), frame.body).unwrap();
//!     // the fields in mutagen's order: encoding, then the text list
//!     assert_eq!(def.fields[1].name, "text");
//!     if let FieldValue::TextList(list) = &values[1] {
//!         texts.push(format!("{}={}", frame.id.as_str(), list.join("/")));
//!     }
//! }
//! assert_eq!(texts, ["TIT2=Harbor"]);
//!
//! let (v1, offset) = found.v1.unwrap();
//! assert_eq!(v1.artist.unwrap().text(), "Lake");
//! assert_eq!(v1.title, None);
//! assert_eq!(offset, -128);
//! ```
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
