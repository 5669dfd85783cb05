//! Writing ID3v2.3/v2.4 tags and saving them into files, as mutagen does.
//!
//! What mutagen 1.48.1 writes (observed):
//!
//! * The header: `"ID3"`, the major version (3 or 4), revision 0, flags 0 (no
//!   unsynchronisation, no extended header, no footer, whatever the tag had
//!   when read), and the size after the header as a syncsafe integer (for
//!   v2.3 too). A tag larger than 2^28 - 11 bytes fails with
//!   `ValueError("Value too wide (>4 bytes)")`.
//! * Each frame: ID, size (v2.4 syncsafe, v2.3 plain 32-bit), flags 0 (flags
//!   read from the file are not kept), the encoded body.
//! * Frame order ([`sort_for_save`]): first `TIT2 TPE1 TRCK TALB TPOS TDRC
//!   TCON` in that order, then the other frames by encoded size and then by
//!   hash key, then all `APIC` frames in their insertion order. The raw
//!   unknown frames come after all of them, in the order they were read,
//!   and only when the tag is saved with the major version it was read with.
//! * Padding: zero bytes after the frames. mutagen's `PaddingInfo` gets
//!   `padding = available - needed` (available: the old tag's size with
//!   header, 0 if the file has no tag; needed: 10 + the frames) and `size` =
//!   the whole file's length before saving; the default rule is
//!   [`default_padding`]. A negative result is `error("invalid padding")`.
//! * The old tag region (its header's size; a v2.4 footer after it is left
//!   in place) is resized to the new tag, moving the rest of the file, and
//!   overwritten. A tag region that reaches past the end of the file only
//!   works when the new tag has exactly its size; otherwise `ValueError`.
//! * Then the ID3v1 tag, per [`V1Mode`].
//!
//! Deleting ([`delete`]) removes the ID3v1 tag first (truncating the file
//! where it starts), then the ID3v2 tag at offset 0: any 10 bytes starting
//! with `"ID3"`, the size read ignoring the top bit of each size byte, no
//! other checks.

use std::borrow::Cow;

use mtg_core::edit::{replace_region, EditTarget};
use mtg_core::syncsafe;

use crate::error::Id3Error;
use crate::header::{Id3Header, HEADER_LEN};
use crate::v1::{find_id3v1_in_tail, V1_LEN, V1_SEARCH_LEN};

/// The frames mutagen writes first, in this order.
pub const PRIORITY_FRAMES: [&str; 7] = ["TIT2", "TPE1", "TRCK", "TALB", "TPOS", "TDRC", "TCON"];

/// A frame ready to be written: its ID, mutagen's hash key (e.g.
/// `"COMM:desc:eng"`) and its encoded body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedFrame<'a> {
    /// The 4-character frame ID.
    pub id: Cow<'a, str>,
    /// mutagen's `HashKey` of the frame.
    pub hash_key: Cow<'a, str>,
    /// The frame body as the frame level encoded it for the target version;
    /// empty for a frame mutagen would not write (see [`frames_len`]).
    pub body: Cow<'a, [u8]>,
}

/// Check a `v2_version` argument: mutagen writes only 3 and 4
/// (`ValueError("Only 3 or 4 allowed for v2_version")`).
pub fn check_version(v2_version: u8) -> Result<u8, Id3Error> {
    if v2_version == 3 || v2_version == 4 {
        Ok(v2_version)
    } else {
        Err(Id3Error::ValueError(
            "Only 3 or 4 allowed for v2_version".into(),
        ))
    }
}

/// Sort frames into mutagen's save order (see the [module documentation](self)).
pub fn sort_for_save(frames: &mut [EncodedFrame<'_>]) {
    let group = |f: &EncodedFrame<'_>| -> usize {
        if f.id == "APIC" {
            PRIORITY_FRAMES.len() + 1
        } else {
            PRIORITY_FRAMES
                .iter()
                .position(|&p| p == f.id)
                .unwrap_or(PRIORITY_FRAMES.len())
        }
    };
    frames.sort_by(|a, b| {
        let (ga, gb) = (group(a), group(b));
        ga.cmp(&gb).then_with(|| {
            if ga == PRIORITY_FRAMES.len() + 1 {
                std::cmp::Ordering::Equal
            } else {
                a.body
                    .len()
                    .cmp(&b.body.len())
                    .then_with(|| a.hash_key.cmp(&b.hash_key))
            }
        })
    });
}

fn too_wide() -> Id3Error {
    Id3Error::ValueError("Value too wide (>4 bytes)".into())
}

/// The 10-byte header of a frame with a body of `body_len` bytes, flags 0.
pub fn frame_header(version: u8, id: &str, body_len: usize) -> Result<[u8; 10], Id3Error> {
    let version = check_version(version)?;
    let id = id.as_bytes();
    if id.len() != 4 {
        return Err(Id3Error::ValueError("frame IDs have 4 characters".into()));
    }
    let len = u32::try_from(body_len).map_err(|_| too_wide())?;
    let size = if version == 4 {
        syncsafe::encode_u28(len).map_err(|_| too_wide())?
    } else {
        len.to_be_bytes()
    };
    let mut h = [0u8; 10];
    h[..4].copy_from_slice(id);
    h[4..8].copy_from_slice(&size);
    Ok(h)
}

/// Append `frame` (header and body) to `out`.
pub fn push_frame(
    out: &mut Vec<u8>,
    version: u8,
    frame: &EncodedFrame<'_>,
) -> Result<(), Id3Error> {
    out.extend_from_slice(&frame_header(version, &frame.id, frame.body.len())?);
    out.extend_from_slice(&frame.body);
    Ok(())
}

/// The length of the frame data of a tag: `frames` (already in save order,
/// see [`sort_for_save`]) followed by the raw `unknown` frames (pass them
/// only when saving with the version they were read with). Every frame
/// given is written, an empty body too (a 10-byte header of size 0, as
/// mutagen writes `MCDI(data=b"")`); leaving out frames with no content (a
/// text frame without text) is the caller's decision, made at the frame
/// level. Fails as [`frame_header`] does on a frame that cannot be written.
pub fn frames_len(
    version: u8,
    frames: &[EncodedFrame<'_>],
    unknown: &[&[u8]],
) -> Result<usize, Id3Error> {
    let mut total = unknown.iter().map(|u| u.len()).sum::<usize>();
    for f in frames {
        frame_header(version, &f.id, f.body.len())?;
        total = total.saturating_add(10 + f.body.len());
    }
    Ok(total)
}

/// A complete tag, in one buffer: the header, the frame data of `frames`
/// and `unknown` (see [`frames_len`]) and `padding` zero bytes.
pub fn render_tag(
    version: u8,
    frames: &[EncodedFrame<'_>],
    unknown: &[&[u8]],
    padding: usize,
) -> Result<Vec<u8>, Id3Error> {
    let version = check_version(version)?;
    let frame_data = frames_len(version, frames, unknown)?;
    let size = frame_data
        .checked_add(padding)
        .and_then(|s| u32::try_from(s).ok())
        .ok_or_else(too_wide)?;
    let size = syncsafe::encode_u28(size).map_err(|_| too_wide())?;
    let mut out = Vec::with_capacity(HEADER_LEN + frame_data + padding);
    out.extend_from_slice(b"ID3");
    out.extend_from_slice(&[version, 0, 0]);
    out.extend_from_slice(&size);
    for f in frames {
        push_frame(&mut out, version, f)?;
    }
    for u in unknown {
        out.extend_from_slice(u);
    }
    out.resize(out.len() + padding, 0);
    Ok(out)
}

/// What a padding callback is told; `size` is the length of the whole file
/// before saving (as mutagen passes it for ID3).
pub use mtg_core::padding::{default_padding, PaddingInfo};

/// Check a padding a callback returned (`error("invalid padding")` if
/// negative).
pub fn check_padding(padding: i64) -> Result<usize, Id3Error> {
    usize::try_from(padding).map_err(|_| Id3Error::Error("invalid padding".into()))
}

/// Up to `len` bytes of `file` at `offset` (fewer at the end of the file).
fn read_clamped<F: EditTarget + ?Sized>(
    file: &mut F,
    file_len: u64,
    offset: u64,
    len: usize,
) -> mtg_core::Result<Vec<u8>> {
    let available = file_len.saturating_sub(offset);
    let n = usize::try_from(available).map_or(len, |a| a.min(len));
    let mut buf = vec![0u8; n];
    if n > 0 {
        file.read_exact_from(offset, &mut buf)?;
    }
    Ok(buf)
}

/// The size of the tag region at the start of `file` that a save replaces:
/// the header's size, or 0 when there is no ID3v2 header. Header errors other
/// than a missing header are returned (mutagen refuses to save over them).
pub fn old_tag_size<F: EditTarget + ?Sized>(file: &mut F) -> mtg_core::Result<u64> {
    let file_len = file.current_len()?;
    let head = read_clamped(file, file_len, 0, HEADER_LEN)?;
    let mut header = match Id3Header::parse_fixed(&head) {
        Ok(h) => h,
        Err(Id3Error::NoHeader(_)) => return Ok(0),
        Err(e) => return Err(e.into()),
    };
    header.read_ext(|offset, len| Ok(Cow::Owned(read_clamped(file, file_len, offset, len)?)))?;
    Ok(u64::from(header.size))
}

/// Replace the old tag region (`old_size` bytes at offset 0) with `tag`.
pub fn write_tag<F: EditTarget + ?Sized>(
    file: &mut F,
    old_size: u64,
    tag: &[u8],
) -> mtg_core::Result<()> {
    let file_len = file.current_len()?;
    if old_size <= file_len {
        return replace_region(file, 0, old_size, tag);
    }
    if tag.len() as u64 == old_size {
        file.write_all_to(0, tag)?;
        return Ok(());
    }
    Err(Id3Error::ValueError("".into()).into())
}

/// What to do with the ID3v1 tag when saving (mutagen's `ID3v1SaveOptions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum V1Mode {
    /// `0`: remove an ID3v1 tag.
    Remove,
    /// `1` (the default): replace an existing ID3v1 tag, add none.
    Update,
    /// `2`: replace or add an ID3v1 tag.
    Create,
}

impl V1Mode {
    /// From mutagen's integer (0, 1, 2).
    pub fn from_int(v: i64) -> Option<V1Mode> {
        match v {
            0 => Some(V1Mode::Remove),
            1 => Some(V1Mode::Update),
            2 => Some(V1Mode::Create),
            _ => None,
        }
    }
}

/// The offset from the end of `file` of its ID3v1 tag, if it has one.
pub fn find_v1_offset<F: EditTarget + ?Sized>(file: &mut F) -> mtg_core::Result<Option<u64>> {
    let file_len = file.current_len()?;
    let start = file_len.saturating_sub(V1_SEARCH_LEN as u64);
    let tail = read_clamped(file, file_len, start, V1_SEARCH_LEN)?;
    Ok(find_id3v1_in_tail(&tail).map(|(_, off)| off.unsigned_abs()))
}

/// Apply `mode` to the ID3v1 tag of `file`. `make` builds the new ID3v1 tag
/// (see [`crate::v1::make_id3v1`]); like mutagen, it is called only when a
/// tag is to be written ([`V1Mode::Update`] with an existing tag,
/// [`V1Mode::Create`]), and if it fails the file keeps its old ID3v1 tag.
pub fn write_v1<F, M>(file: &mut F, mode: V1Mode, make: M) -> mtg_core::Result<()>
where
    F: EditTarget + ?Sized,
    M: FnOnce() -> mtg_core::Result<[u8; V1_LEN]>,
{
    let file_len = file.current_len()?;
    let existing = find_v1_offset(file)?;
    match (mode, existing) {
        (V1Mode::Remove, Some(len)) => file.truncate_or_extend(file_len - len)?,
        (V1Mode::Remove, None) | (V1Mode::Update, None) => {}
        (_, Some(len)) => {
            let tag = make()?;
            replace_region(file, file_len - len, len, &tag)?;
        }
        (V1Mode::Create, None) => {
            let tag = make()?;
            replace_region(file, file_len, 0, &tag)?;
        }
    }
    Ok(())
}

/// Everything mutagen's `ID3.save` needs besides the file.
pub struct SaveOptions<'a> {
    /// 3 or 4.
    pub version: u8,
    /// The frames, in any order (they are sorted here).
    pub frames: Vec<EncodedFrame<'a>>,
    /// Raw unknown frames to write after them (only when saving with the
    /// version they were read with).
    pub unknown: Vec<&'a [u8]>,
    /// The padding callback; `None` for [`default_padding`].
    pub padding: Option<&'a dyn Fn(PaddingInfo) -> i64>,
    /// What to do with the ID3v1 tag.
    pub v1_mode: V1Mode,
    /// Builds the new ID3v1 tag, called only when one is written (see
    /// [`write_v1`]); `None` is an error unless `v1_mode` is
    /// [`V1Mode::Remove`] or nothing needs writing.
    pub make_v1: Option<&'a dyn Fn() -> mtg_core::Result<[u8; V1_LEN]>>,
}

/// The new tag for `file` and the size of the region it replaces: reads the
/// old header, sorts and renders the frames, asks for the padding.
pub fn prepare_tag<F: EditTarget + ?Sized>(
    file: &mut F,
    options: &mut SaveOptions<'_>,
) -> mtg_core::Result<(u64, Vec<u8>)> {
    let version = check_version(options.version)?;
    let old_size = old_tag_size(file)?;
    sort_for_save(&mut options.frames);
    let frame_data = frames_len(version, &options.frames, &options.unknown)?;
    let file_len = file.current_len()?;
    let needed = HEADER_LEN as i64 + frame_data as i64;
    let info = PaddingInfo {
        padding: old_size as i64 - needed,
        size: file_len as i64,
    };
    let padding = match options.padding {
        Some(f) => f(info),
        None => info.default_padding(),
    };
    let padding = check_padding(padding)?;
    Ok((
        old_size,
        render_tag(version, &options.frames, &options.unknown, padding)?,
    ))
}

fn finish_v1<F: EditTarget + ?Sized>(
    file: &mut F,
    options: &SaveOptions<'_>,
) -> mtg_core::Result<()> {
    write_v1(file, options.v1_mode, || match options.make_v1 {
        Some(make) => make(),
        None => Err(mtg_core::Error::invalid_argument(
            "an ID3v1 tag is needed for this v1 mode",
        )),
    })
}

/// Save a tag into `file` as mutagen's `ID3.save` does: build the tag with
/// the chosen padding, replace the old tag region in place, then handle
/// ID3v1. Returns the bytes of the tag written.
pub fn save<F: EditTarget + ?Sized>(
    file: &mut F,
    mut options: SaveOptions<'_>,
) -> mtg_core::Result<Vec<u8>> {
    let (old_size, tag) = prepare_tag(file, &mut options)?;
    write_tag(file, old_size, &tag)?;
    finish_v1(file, &options)?;
    Ok(tag)
}

/// [`save`] on the file at `path` (created if missing, as mutagen does).
/// The tag region is replaced with [`mtg_core::save_region`]: in place, or,
/// if that fails with an I/O error after which the file was restored, by
/// rewriting the file and renaming it over the original.
pub fn save_path(
    path: impl AsRef<std::path::Path>,
    mut options: SaveOptions<'_>,
) -> mtg_core::Result<Vec<u8>> {
    let path = path.as_ref();
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)?;
    let (old_size, tag) = prepare_tag(&mut file, &mut options)?;
    if old_size <= file.current_len()? {
        drop(file);
        mtg_core::save_region(path, 0, old_size, &tag)?;
        file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)?;
    } else {
        write_tag(&mut file, old_size, &tag)?;
    }
    finish_v1(&mut file, &options)?;
    Ok(tag)
}

/// Remove the ID3v1 tag (`delete_v1`) and then the ID3v2 tag at offset 0
/// (`delete_v2`) from `file`, as mutagen's `mutagen.id3.delete`.
pub fn delete<F: EditTarget + ?Sized>(
    file: &mut F,
    delete_v1: bool,
    delete_v2: bool,
) -> mtg_core::Result<()> {
    if delete_v1 {
        write_v1(file, V1Mode::Remove, || Ok([0; V1_LEN]))?;
    }
    if delete_v2 {
        let file_len = file.current_len()?;
        let head = read_clamped(file, file_len, 0, HEADER_LEN)?;
        if head.len() == HEADER_LEN && head.starts_with(b"ID3") {
            let size = u64::from(syncsafe::decode_u28([head[6], head[7], head[8], head[9]]))
                + HEADER_LEN as u64;
            if size > file_len {
                return Err(Id3Error::ValueError("".into()).into());
            }
            mtg_core::edit::delete_bytes(file, size, 0)?;
        }
    }
    Ok(())
}

/// [`delete`] on the file at `path`.
pub fn delete_path(
    path: impl AsRef<std::path::Path>,
    delete_v1: bool,
    delete_v2: bool,
) -> mtg_core::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?;
    delete(&mut file, delete_v1, delete_v2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ef<'a>(id: &'a str, key: &'a str, body: &'a [u8]) -> EncodedFrame<'a> {
        EncodedFrame {
            id: id.into(),
            hash_key: key.into(),
            body: body.into(),
        }
    }

    #[test]
    fn order() {
        let mut frames = vec![
            ef("APIC", "APIC:z", b"1234567"),
            ef("COMM", "COMM:b:eng", b"123"),
            ef("APIC", "APIC:a", b"1"),
            ef("TCON", "TCON", b"12345"),
            ef("PRIV", "PRIV:o:d", b"123"),
            ef("TIT2", "TIT2", b"1234567890"),
            ef("TBPM", "TBPM", b"12"),
        ];
        sort_for_save(&mut frames);
        let keys: Vec<_> = frames.iter().map(|f| f.hash_key.as_ref()).collect();
        assert_eq!(
            keys,
            [
                "TIT2",
                "TCON",
                "TBPM",
                "COMM:b:eng",
                "PRIV:o:d",
                "APIC:z",
                "APIC:a"
            ]
        );
    }

    #[test]
    fn padding_rule() {
        assert_eq!(default_padding(-23, 0), 1024);
        assert_eq!(default_padding(-23, 1_000_000), 2024);
        assert_eq!(default_padding(977, 101_000), 977);
        assert_eq!(default_padding(19977, 120_000), 1144);
        assert!(check_padding(-1).is_err());
    }

    #[test]
    fn tag_bytes() {
        let frames = [ef("TIT2", "TIT2", b"\x03x\x00")];
        assert_eq!(frames_len(4, &frames, &[]).unwrap(), 13);
        let tag = render_tag(4, &frames, &[], 2).unwrap();
        assert_eq!(
            tag,
            b"ID3\x04\x00\x00\x00\x00\x00\x0fTIT2\x00\x00\x00\x03\x00\x00\x03x\x00\x00\x00"
        );
        assert!(render_tag(2, &frames, &[], 0).is_err());
        assert!(frame_header(4, "TIT2", 1 << 28).is_err());
        assert_eq!(
            frame_header(3, "TIT2", 300).unwrap(),
            *b"TIT2\x00\x00\x01\x2c\x00\x00"
        );
    }

    #[test]
    fn save_and_delete_in_memory() {
        let mut file = b"audio".to_vec();
        save(
            &mut file,
            SaveOptions {
                version: 4,
                frames: vec![ef("TIT2", "TIT2", b"\x03x\x00")],
                unknown: vec![],
                padding: Some(&|_| 0),
                v1_mode: V1Mode::Update,
                make_v1: None,
            },
        )
        .unwrap();
        assert_eq!(&file[..10], b"ID3\x04\x00\x00\x00\x00\x00\x0d");
        assert!(file.ends_with(b"audio"));
        delete(&mut file, true, true).unwrap();
        assert_eq!(file, b"audio");
    }
}
