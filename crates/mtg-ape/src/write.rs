//! Writing and removing APEv2 tags as mutagen does.
//!
//! A saved tag always has a header and a footer, version 2000; the header's
//! flags are `HAS_HEADER | IS_HEADER`, the footer's `HAS_HEADER`. Items are
//! written in the order of their serialised bytes, shortest first and
//! byte-wise among equal lengths, which makes the output independent of the
//! order the items were set in. Item flags carry only the value kind.
//!
//! Placement follows mutagen:
//!
//! * a tag at the end of the file is replaced by cutting the file at the
//!   start of the old tag (which also drops an ID3v1 tag or Lyrics3v2
//!   block after it) and appending the new tag;
//! * a tag at the start of the file is removed there, and the new one is
//!   appended at the end of the file;
//! * without a tag, the new one is appended (after an ID3v1 tag, if any).
//!
//! Deleting removes just the tag's region (an ID3v1 tag after it stays).

use std::fs::{File, OpenOptions};
use std::path::Path;

use mtg_core::{delete_bytes, replace_region, ByteSource, EditTarget, FileSource};

use crate::error::{ApeError, Result};
use crate::locate::{locate, Located, HAS_HEADER, IS_HEADER, PREAMBLE};

/// The format version mutagen writes.
pub const WRITE_VERSION: u32 = 2000;

/// An item to write: key, item flags and value bytes (UTF-8 for text and
/// external values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewItem<'a> {
    /// The key, written as is (callers check it with
    /// [`crate::is_valid_key`]).
    pub key: &'a str,
    /// Item flags; mutagen writes the kind only
    /// ([`crate::ItemKind::flags`]).
    pub flags: u32,
    /// The value bytes.
    pub value: &'a [u8],
}

/// A header or footer block.
fn block(size: u32, count: u32, flags: u32) -> [u8; 32] {
    let mut out = [0u8; 32];
    out[..8].copy_from_slice(PREAMBLE);
    for (i, v) in [WRITE_VERSION, size, count, flags].into_iter().enumerate() {
        out[8 + 4 * i..12 + 4 * i].copy_from_slice(&v.to_le_bytes());
    }
    out
}

/// Serialise a complete tag (header, items in mutagen's order, footer).
///
/// [`ApeError::TooLarge`] if an item or the tag does not fit the 32-bit size
/// fields.
pub fn render_tag(items: &[NewItem<'_>]) -> Result<Vec<u8>> {
    let mut encoded: Vec<Vec<u8>> = Vec::with_capacity(items.len());
    for item in items {
        let size = u32::try_from(item.value.len())
            .map_err(|_| ApeError::TooLarge(item.value.len() as u64))?;
        let mut out = Vec::with_capacity(9 + item.key.len() + item.value.len());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&item.flags.to_le_bytes());
        out.extend_from_slice(item.key.as_bytes());
        out.push(0);
        out.extend_from_slice(item.value);
        encoded.push(out);
    }
    encoded.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    let body_len: usize = encoded.iter().map(Vec::len).sum();
    let total = body_len as u64 + 32;
    let size = u32::try_from(total).map_err(|_| ApeError::TooLarge(total))?;
    let count =
        u32::try_from(encoded.len()).map_err(|_| ApeError::TooLarge(encoded.len() as u64))?;
    let mut out = Vec::with_capacity(body_len + 64);
    out.extend_from_slice(&block(size, count, HAS_HEADER | IS_HEADER));
    for item in &encoded {
        out.extend_from_slice(item);
    }
    out.extend_from_slice(&block(size, count, HAS_HEADER));
    Ok(out)
}

/// Remove `located`'s region from `file`.
fn remove_region<F: EditTarget + ?Sized>(file: &mut F, located: &Located, len: u64) -> Result<()> {
    if located.end > len || located.start > located.end {
        return Err(ApeError::RegionPastEnd);
    }
    delete_bytes(file, located.end - located.start, located.start)?;
    Ok(())
}

/// Write `tag` (from [`render_tag`]) into `file`, whose current tag (from
/// [`locate`] on the same file) is `located`. See the module
/// documentation for where it goes.
pub fn save_tag<F: EditTarget + ?Sized>(
    file: &mut F,
    located: Option<&Located>,
    tag: &[u8],
) -> Result<()> {
    let len = file.current_len()?;
    match located {
        Some(l) if l.at_start => {
            remove_region(file, l, len)?;
            let len = file.current_len()?;
            replace_region(file, len, 0, tag)?;
        }
        Some(l) => {
            let start = l.start.min(len);
            replace_region(file, start, len - start, tag)?;
        }
        None => replace_region(file, len, 0, tag)?,
    }
    Ok(())
}

/// Remove the tag `located` (from [`locate`] on the same file) from `file`.
pub fn delete_tag<F: EditTarget + ?Sized>(file: &mut F, located: &Located) -> Result<()> {
    let len = file.current_len()?;
    remove_region(file, located, len)
}

/// Open `path` for reading and writing (creating it if `create`), find its
/// tag and hand both to `edit`.
fn edit_path<T>(
    path: &Path,
    create: bool,
    edit: impl FnOnce(&mut File, Option<Located>) -> Result<T>,
) -> Result<T> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(create)
        .truncate(false)
        .open(path)?;
    let source = FileSource::from_file(file)?;
    let located = locate(&source)?;
    let mut file = source.into_file();
    edit(&mut file, located)
}

/// Save `tag` (from [`render_tag`]) into the file at `path`, creating the
/// file if it does not exist (as mutagen's `APEv2.save` does).
pub fn save_path(path: impl AsRef<Path>, tag: &[u8]) -> Result<()> {
    edit_path(path.as_ref(), true, |file, located| {
        save_tag(file, located.as_ref(), tag)
    })
}

/// Remove the tag of the file at `path`; Ok(false) if it had none.
pub fn delete_path(path: impl AsRef<Path>) -> Result<bool> {
    edit_path(path.as_ref(), false, |file, located| match located {
        Some(l) => delete_tag(file, &l).map(|()| true),
        None => Ok(false),
    })
}

/// Find the tag of `src` and save `tag` into `file` (the same file seen
/// for reading and for editing, e.g. a binding's file object).
pub fn save_to<S, F>(src: &S, file: &mut F, tag: &[u8]) -> Result<()>
where
    S: ByteSource + ?Sized,
    F: EditTarget + ?Sized,
{
    let located = locate(src)?;
    save_tag(file, located.as_ref(), tag)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_tag;
    use mtg_core::SliceSource;

    fn items() -> Vec<NewItem<'static>> {
        vec![
            NewItem {
                key: "bb",
                flags: 0,
                value: b"1",
            },
            NewItem {
                key: "aaa",
                flags: 0,
                value: b"11",
            },
            NewItem {
                key: "zzzz",
                flags: 0,
                value: b"1",
            },
            NewItem {
                key: "Ab",
                flags: 2,
                value: b"\xff",
            },
        ]
    }

    #[test]
    fn render_order_and_blocks() {
        let tag = render_tag(&items()).unwrap();
        assert_eq!(&tag[..8], PREAMBLE);
        assert_eq!(&tag[8..12], &2000u32.to_le_bytes());
        let size = u32::from_le_bytes(tag[12..16].try_into().unwrap()) as usize;
        assert_eq!(size, tag.len() - 32);
        assert_eq!(&tag[16..20], &4u32.to_le_bytes());
        assert_eq!(&tag[20..24], &0xA000_0000u32.to_le_bytes());
        assert_eq!(
            &tag[tag.len() - 12..tag.len() - 8],
            &0x8000_0000u32.to_le_bytes()
        );
        let src = SliceSource::new(&tag);
        let read = read_tag(&src).unwrap();
        let keys: Vec<_> = read.items().items.iter().map(|i| i.key).collect();
        // Shortest item first, then by bytes (size field, flags, key).
        assert_eq!(keys, ["bb", "Ab", "zzzz", "aaa"]);
        let empty = render_tag(&[]).unwrap();
        assert_eq!(empty.len(), 64);
    }

    #[test]
    fn save_replaces_and_appends() {
        let tag = render_tag(&items()).unwrap();
        let audio = vec![0x55u8; 100];
        let id3v1 = {
            let mut v = b"TAG".to_vec();
            v.resize(128, 0);
            v
        };

        // No tag: appended after everything (an ID3v1 tag too).
        let mut file = [audio.clone(), id3v1.clone()].concat();
        let located = locate(&SliceSource::new(&file)).unwrap();
        assert!(located.is_none());
        save_tag(&mut file, None, &tag).unwrap();
        assert_eq!(file, [audio.clone(), id3v1.clone(), tag.clone()].concat());

        // A tag before ID3v1: cut at the tag, ID3v1 dropped.
        let mut file = [audio.clone(), tag.clone(), id3v1.clone()].concat();
        let located = locate(&SliceSource::new(&file)).unwrap().unwrap();
        let new = render_tag(&items()[..1]).unwrap();
        save_tag(&mut file, Some(&located), &new).unwrap();
        assert_eq!(file, [audio.clone(), new.clone()].concat());

        // Delete keeps what follows the tag.
        let mut file = [audio.clone(), tag.clone(), id3v1.clone()].concat();
        let located = locate(&SliceSource::new(&file)).unwrap().unwrap();
        delete_tag(&mut file, &located).unwrap();
        assert_eq!(file, [audio.clone(), id3v1.clone()].concat());

        // At the start: removed there, appended at the end.
        let mut file = [tag.clone(), audio.clone()].concat();
        let located = locate(&SliceSource::new(&file)).unwrap().unwrap();
        assert!(located.at_start);
        save_tag(&mut file, Some(&located), &new).unwrap();
        assert_eq!(file, [audio.clone(), new.clone()].concat());
    }
}
