//! APEv2 tags, read and written byte for byte like mutagen 1.48.1.
//!
//! * [`locate`](mod@locate): where the tag is ([`locate()`], [`read_tag`]):
//!   a footer at the end of the file, before an ID3v1 tag, or before a
//!   Lyrics3v2 block and an ID3v1 tag; or a header at the start.
//! * [`item`]: items ([`Item`], [`ItemKind`]), the key rules
//!   ([`is_valid_key`]) and the parser ([`parse_items`]), which keeps the
//!   items before a broken one.
//! * [`write`](mod@write): serialising a tag ([`render_tag`]) and saving or deleting
//!   it through `mtg_core`'s in-place editing ([`save_tag`], [`delete_tag`],
//!   [`save_path`], [`delete_path`]).
//! * [`error`]: [`ApeError`] and [`BadItem`]; each variant documents the
//!   exception mutagen raises for the same input.
//!
//! ```
//! use mtg_ape::{read_tag, render_tag, ItemKind, NewItem};
//! use mtg_core::SliceSource;
//!
//! let mut file = b"audio data".to_vec();
//! let tag = render_tag(&[
//!     NewItem { key: "Artist", flags: ItemKind::Text.flags(), value: b"A\0B" },
//!     NewItem { key: "Cover", flags: ItemKind::Binary.flags(), value: b"\x89PNG" },
//! ])
//! .unwrap();
//! mtg_ape::save_tag(&mut file, None, &tag).unwrap();
//!
//! let src = SliceSource::new(&file);
//! let read = read_tag(&src).unwrap();
//! let parsed = read.items();
//! assert!(parsed.error.is_none());
//! let artist = parsed.items.iter().find(|i| i.key == "Artist").unwrap();
//! assert_eq!(artist.text_values().unwrap().collect::<Vec<_>>(), ["A", "B"]);
//! ```
#![forbid(unsafe_code)]

pub mod error;
pub mod item;
pub mod locate;
pub mod write;

pub use error::{ApeError, BadItem, Result};
pub use item::{
    is_valid_key, parse_items, Item, ItemError, ItemKind, ParsedItems, FORBIDDEN_KEYS, KEY_LEN,
};
pub use locate::{
    locate, locate_opts, read_tag, read_tag_opts, LocateOptions, Located, TagData, TagFields,
    BLOCK_SIZE, HAS_HEADER, HAS_NO_FOOTER, IS_HEADER, PREAMBLE,
};
pub use write::{
    delete_path, delete_tag, render_tag, save_path, save_tag, save_to, NewItem, WRITE_VERSION,
};
