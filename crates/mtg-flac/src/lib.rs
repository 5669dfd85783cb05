//! FLAC metadata blocks and Vorbis comments (shared with mtg-ogg), read and
//! written byte for byte like mutagen 1.48.1.
//!
//! * [`vorbis`]: Vorbis comments ([`VComment`]): parse with mutagen's
//!   `errors` modes and framing bit, validate and write, [`istag`].
//! * [`blocks`]: every metadata block ([`StreamInfo`], [`Padding`],
//!   [`SeekTable`], [`CueSheet`], [`Picture`], VORBIS_COMMENT, raw
//!   APPLICATION/unknown blocks) as [`Block`]; [`write_block`] and
//!   [`render_blocks`] (the chain with mutagen's padding rules).
//! * [`file`](mod@file): a FLAC file ([`FlacFile`]: ID3v2 in front skipped, block chain
//!   walked with mutagen's handling of wrong block sizes, few reads, picture
//!   images left in the file) and saving ([`save_path`], [`save_to`],
//!   [`delete_path`]) through `mtg_core`'s in-place editing.
//! * [`error`]: [`FlacError`] and [`VorbisError`], each variant naming the
//!   Python exception mutagen raises ([`PyException`]).
//!
//! ```
//! use mtg_flac::{Block, FlacFile, VComment};
//!
//! // A minimal FLAC stream: marker, STREAMINFO, VORBIS_COMMENT (last).
//! let mut si = mtg_flac::StreamInfo::default();
//! si.sample_rate = 44100;
//! si.channels = 2;
//! si.bits_per_sample = 16;
//! si.total_samples = 44100;
//! let mut tags = VComment::new();
//! tags.comments.push(("TITLE".into(), "Song".into()));
//! let mut data = b"fLaC".to_vec();
//! mtg_flac::write_block(&Block::StreamInfo(si), false, &mut data, None).unwrap();
//! mtg_flac::write_block(&Block::vorbis_comment(tags), true, &mut data, None).unwrap();
//!
//! let flac = FlacFile::from_bytes(&data).unwrap();
//! assert_eq!(flac.length(), 1.0);
//! let tags = flac.tags().unwrap().unwrap();
//! assert_eq!(tags.get("title").collect::<Vec<_>>(), ["Song"]);
//! ```
#![forbid(unsafe_code)]

pub mod blocks;
pub mod error;
pub mod file;
pub mod vorbis;

pub use blocks::{
    code, header_bytes, render_blocks, render_chain, write_block, Block, CueSheet, CueSheetTrack,
    CueSheetTrackIndex, Padding, PaddingInfo, Picture, PictureData, RawBlock, SeekPoint, SeekTable,
    StreamInfo, MAX_BLOCK_LEN,
};
pub use error::{FlacError, NoHeader, PyException, Result};
pub use file::{
    delete_path, picture_data_offset, plan_save, save_path, save_to, scan_layout, BlockInfo,
    FlacFile, Layout, SaveOptions, SaveOutcome, SavePlan,
};
pub use vorbis::{istag, ErrorMode, ParseOptions, VComment, VorbisError, DEFAULT_VENDOR};
