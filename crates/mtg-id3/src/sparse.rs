//! Reading an ID3v2 tag without the payload of its large pictures.
//!
//! A tagged song often carries a cover of a few hundred KiB in an `APIC`
//! frame, and reading it costs more than everything else in the tag
//! together, although a scan of a library rarely looks at it.
//! [`TagBytes::read_sparse`] reads a tag like [`TagBytes::read`] but leaves
//! the bodies of large `APIC` frames in the source, except their first
//! bytes (which hold the encoding, MIME type, picture type and description):
//!
//! 1. One read of the header and the first [`SparseLimits::first_read`] bytes. A tag that
//!    fits, or one that needs the general path (extended header, whole-tag
//!    unsynchronisation, a tag longer than its source), is finished as by
//!    [`TagBytes::read`].
//! 2. The frame headers past that point are read one by one (usually one or
//!    two: the picture's and the padding's), enough to decide the v2.4 size
//!    encoding exactly as [`crate::tag::determine_size_mode`] does on the
//!    whole area, and to find every frame.
//! 3. Every byte of the frame area is read except the rest of each deferred
//!    body. The frame area kept holds the deferred frames shortened to their
//!    prefix, their size fields rewritten to match, so that splitting it
//!    ([`TagBytes::frames`]) finds the same frames, in the same order, with
//!    the same padding; [`TagBytes::deferred`] says where each full body is.
//!
//! A body is deferred only when it can be read back verbatim later: an
//! `APIC` frame of at least [`SparseLimits::min_deferred`] bytes, complete in the tag, past
//! the first read, without compression, encryption, unsynchronisation or a
//! data length indicator, in a v2.3 or v2.4 tag.

use std::borrow::Cow;
use std::cell::RefCell;

use mtg_core::{syncsafe, ByteSource};

use crate::header::{Id3Header, HEADER_LEN};
use crate::tag::{determine_size_mode_by, SizeMode, TagBytes};

/// How [`TagBytes::read_sparse`] reads a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SparseLimits {
    /// Bytes of the tag read first (after the 10-byte header).
    pub first_read: usize,
    /// The smallest picture body left in the source.
    pub min_deferred: usize,
    /// Bytes at the start of a deferred body that are read (and kept in
    /// the frame area); a body must be larger to be deferred.
    pub prefix: usize,
}

impl Default for SparseLimits {
    /// 16 KiB first, pictures of 16 KiB or more deferred, 2 KiB of each
    /// kept.
    fn default() -> Self {
        SparseLimits {
            first_read: 16 * 1024,
            min_deferred: 16 * 1024,
            prefix: 2048,
        }
    }
}

/// Frame flags that change how a body is stored (v2.4: unsynchronisation,
/// data length, compression, encryption; v2.3: compression, encryption).
const V24_TRANSFORMS: u16 = 0x0002 | 0x0001 | 0x0008 | 0x0004;
const V23_TRANSFORMS: u16 = 0x0080 | 0x0040;

/// A frame body left in the source by [`TagBytes::read_sparse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeferredBody {
    /// Offset of the frame header in the frame area the tag holds.
    pub area_offset: usize,
    /// Offset of the body in the source.
    pub source_offset: u64,
    /// The body's real size.
    pub size: usize,
    /// How many of its first bytes the frame area holds.
    pub held: usize,
}

/// A frame found by walking the headers.
struct FramePos {
    offset: u64,
    id: [u8; 4],
    size: u64,
    flags: u16,
}

/// The frame area of a tag, partly read: the first `loaded` bytes are in
/// memory, frame headers after them are read from the source on demand.
struct PartialArea<'a, S: ?Sized> {
    src: &'a S,
    /// Offset of the frame area in the source.
    start: u64,
    len: u64,
    loaded: &'a [u8],
    /// Parts read after `loaded` while walking: (offset, bytes).
    fetched: RefCell<Vec<(u64, Vec<u8>)>>,
    error: RefCell<Option<mtg_core::Error>>,
}

/// Bytes read at once when a frame header lies past what is in memory (so
/// that a run of small frames costs one read, not one per frame; enough
/// for the frames after a cover and the padding of most tags, and the
/// start of the audio after them, in one read).
const HEADER_FETCH: usize = 16 * 1024;

/// Bytes after the end of the tag read with its last part (see
/// [`HEADER_FETCH`]): the audio's first frames, which a caller wrapping the
/// source in [`mtg_core::ReadWindows`] then gets without another read.
const AFTER_TAG: usize = 8 * 1024;

impl<S: ByteSource + ?Sized> PartialArea<'_, S> {
    fn header_at(&self, o: u64) -> Option<[u8; 10]> {
        let end = o.checked_add(10)?;
        if end > self.len {
            return None;
        }
        if let Ok(start) = usize::try_from(o) {
            if let Some(h) = self.loaded.get(start..start + 10) {
                return h.try_into().ok();
            }
        }
        let within = |at: u64, part: &[u8]| -> Option<[u8; 10]> {
            let rel = usize::try_from(o.checked_sub(at)?).ok()?;
            part.get(rel..rel.checked_add(10)?)?.try_into().ok()
        };
        if let Some(h) = self
            .fetched
            .borrow()
            .iter()
            .find_map(|(at, p)| within(*at, p))
        {
            return Some(h);
        }
        // the rest of the tag when it fits, with the first bytes after it
        // (what a reader of the file asks for next)
        let want = usize::try_from(self.len - o).map_or(HEADER_FETCH, |left| {
            if left <= HEADER_FETCH {
                left + AFTER_TAG
            } else {
                HEADER_FETCH
            }
        });
        match self.src.read_range(self.start + o, want) {
            Ok(part) if part.len() >= 10 => {
                let h = within(o, &part);
                self.fetched.borrow_mut().push((o, part.into_owned()));
                h
            }
            Ok(_) => {
                let e = mtg_core::Error::truncated("tag shorter than its source said");
                self.error.borrow_mut().get_or_insert(e);
                None
            }
            Err(e) => {
                self.error.borrow_mut().get_or_insert(e);
                None
            }
        }
    }

    /// Appends the area bytes `from..to` to `out`: from memory where
    /// loaded, else read.
    fn copy_range(&self, from: u64, to: u64, out: &mut Vec<u8>) -> mtg_core::Result<()> {
        let mut from = from;
        if let Ok(start) = usize::try_from(from) {
            if start < self.loaded.len() {
                let end = usize::try_from(to)
                    .unwrap_or(usize::MAX)
                    .min(self.loaded.len());
                out.extend_from_slice(self.loaded.get(start..end).unwrap_or_default());
                from = end as u64;
            }
        }
        if from < to {
            let want = usize::try_from(to - from).map_err(|_| mtg_core::Error::truncated(""))?;
            let data = self.src.read_range(self.start + from, want)?;
            if data.len() != want {
                return Err(mtg_core::Error::truncated(
                    "tag shorter than when first read",
                ));
            }
            out.extend_from_slice(&data);
        }
        Ok(())
    }
}

impl<'s> TagBytes<'s> {
    /// Read the tag at the start of `src` as [`TagBytes::read`] does, but
    /// leave the bodies of large `APIC` frames in the source (see the module
    /// documentation and [`SparseLimits`]). `known` is the frame
    /// vocabulary of the v2.4 size heuristic, as for
    /// [`TagBytes::frames_with`] (which then uses the encoding decided
    /// here).
    pub fn read_sparse<S: ByteSource + ?Sized>(
        src: &'s S,
        known: &dyn Fn(&str) -> bool,
        limits: SparseLimits,
    ) -> mtg_core::Result<TagBytes<'s>> {
        let src_len = src.len();
        let prefix = limits.prefix;
        let first = src.read_range(0, HEADER_LEN.saturating_add(limits.first_read))?;
        let header = match Id3Header::parse_fixed(&first) {
            Ok(h) => h,
            Err(_) => return TagBytes::read(src),
        };
        let body_len = header.size as usize - HEADER_LEN;
        let general = header.extended()
            || (header.major < 4 && header.unsync())
            || header.major < 3
            || src_len < (HEADER_LEN + body_len) as u64;
        if general || first.len() >= HEADER_LEN + body_len {
            return Self::read_with(src_len, |offset, len| {
                let start = usize::try_from(offset).unwrap_or(usize::MAX);
                match first.get(start..start.saturating_add(len)) {
                    Some(part) => Ok(Cow::Owned(part.to_vec())),
                    None => src.read_range(offset, len),
                }
            });
        }

        let area = PartialArea {
            src,
            start: HEADER_LEN as u64,
            len: body_len as u64,
            loaded: first.get(HEADER_LEN..).unwrap_or_default(),
            fetched: RefCell::new(Vec::new()),
            error: RefCell::new(None),
        };
        let header_at = |o: u64| area.header_at(o);
        let mode = if header.major == 4 {
            determine_size_mode_by(area.len, &header_at, known)
        } else {
            SizeMode::Plain
        };
        let frames = walk(area.len, mode, &header_at);
        if let Some(e) = area.error.borrow_mut().take() {
            return Err(e);
        }

        let transforms = if header.major == 4 {
            if header.unsync() {
                u16::MAX
            } else {
                V24_TRANSFORMS
            }
        } else {
            V23_TRANSFORMS
        };
        let loaded_len = area.loaded.len() as u64;
        let mut out = Vec::with_capacity(area.loaded.len().saturating_add(4 * prefix));
        let mut deferred = Vec::new();
        let mut pos = 0u64;
        for f in &frames {
            let body_start = f.offset + 10;
            let body_end = body_start + f.size;
            let defer = &f.id == b"APIC"
                && f.size >= limits.min_deferred.max(prefix.saturating_add(1)) as u64
                && body_end <= area.len
                && body_end > loaded_len
                && f.flags & transforms == 0;
            if !defer {
                continue;
            }
            let Ok(held) = u32::try_from(prefix) else {
                continue;
            };
            let size_field = match mode {
                SizeMode::Syncsafe => match syncsafe::encode_u28(held) {
                    Ok(field) => field,
                    Err(_) => continue,
                },
                SizeMode::Plain => held.to_be_bytes(),
            };
            area.copy_range(pos, body_start + u64::from(held), &mut out)?;
            let header_pos = out.len() - (10 + prefix);
            out[header_pos + 4..header_pos + 8].copy_from_slice(&size_field);
            deferred.push(DeferredBody {
                area_offset: header_pos,
                source_offset: area.start + body_start,
                size: f.size as usize,
                held: prefix,
            });
            pos = body_end;
        }
        area.copy_range(pos, area.len, &mut out)?;
        Ok(TagBytes {
            header,
            body: Cow::Owned(out),
            frames_start: 0,
            decoded: None,
            unsync_error: None,
            deferred,
            size_mode: Some(mode),
        })
    }
}

/// The frames of an area of `len` bytes, walked as
/// [`TagBytes::frames_with`] walks them (v2.3/v2.4 headers).
fn walk(len: u64, mode: SizeMode, header_at: &dyn Fn(u64) -> Option<[u8; 10]>) -> Vec<FramePos> {
    let mut frames = Vec::new();
    let mut o = 0u64;
    while let Some(h) = header_at(o) {
        if h[..4].iter().all(|&b| b == 0) {
            break;
        }
        let sb = [h[4], h[5], h[6], h[7]];
        let size = match mode {
            SizeMode::Syncsafe => syncsafe::decode_u28(sb),
            SizeMode::Plain => u32::from_be_bytes(sb),
        };
        frames.push(FramePos {
            offset: o,
            id: [h[0], h[1], h[2], h[3]],
            size: u64::from(size),
            flags: u16::from_be_bytes([h[8], h[9]]),
        });
        let next = o + 10 + u64::from(size);
        if next >= len {
            break;
        }
        o = next;
    }
    frames
}
