//! MPEG audio (MP1/MP2/MP3) stream information, read like mutagen's
//! `mutagen.mp3.MPEGInfo`.
//!
//! * [`header`]: the 4-byte frame header ([`FrameHeader`]).
//! * [`frame`]: a frame with its VBR header ([`MpegFrame`], mutagen's
//!   `MPEGFrame`).
//! * [`vbr`]: Xing/Info ([`XingHeader`]) and VBRI ([`VbriHeader`]) headers.
//! * [`lame`]: the LAME extension ([`LameVersion`], [`LameHeader`], the
//!   encoder settings guess).
//!
//! # How the first frame is found
//!
//! As in mutagen: after skipping any ID3v2 tags at the start offset, every
//! frame sync (`FF` followed by a byte with its top three bits set) in the
//! next 1 MiB is tried, at most 1499 of them. At each one up to four frames
//! are read back to back (each where the previous one ends by mutagen's
//! frame length). A frame with a Xing/Info or VBRI header is taken at once;
//! four frames in a row take the first; the first run of two or three
//! frames is kept as a fallback, which makes the result `sketchy`. The work
//! is bounded whatever the input: a 100 MiB file of random bytes is rejected
//! after reading about 1 MiB.
//!
//! Without a VBR header giving a frame count, the length is the size from
//! the first frame to the end of the file (trailing tags included, as in
//! mutagen) divided by the bitrate.

pub mod frame;
pub mod header;
pub mod lame;
pub mod vbr;

use std::borrow::Cow;
use std::fmt::Write as _;

use memchr::memchr;
use mtg_core::ByteSource;

use crate::error::{MpegError, CANT_SYNC};
use crate::region::{Region, SliceRegion, SourceRegion};

pub use frame::{MpegFrame, VbrHeader};
pub use header::{BitrateMode, FrameHeader, MpegVersion, DUALCHANNEL, JOINTSTEREO, MONO, STEREO};
pub use lame::{LameHeader, LameVersion};
pub use vbr::{VbriFixed, VbriHeader, VbriHeaderReadError, XingHeader};

/// How many bytes after the start offset may hold the first frame sync.
pub const MAX_SYNC_READ: u64 = 1024 * 1024;
/// mutagen's sync budget: the 1500th sync is not tried.
pub const MAX_SYNCS: u32 = 1500;
/// Frames in a row that make a stream believable.
const ENOUGH_FRAMES: usize = 4;
/// Frames in a row kept as a fallback.
const MIN_FRAMES: usize = 2;
/// First read of a file: enough for the frames right after a tag.
const FIRST_READ: usize = 8 * 1024;

/// Positions of frame syncs in `data`: each `i` with `data[i] == 0xFF` and
/// `data[i + 1] & 0xE0 == 0xE0` (mutagen's `iter_sync` over the first
/// `max_read` bytes is this over `data[..max_read]`).
pub fn iter_sync(data: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut pos = 0usize;
    std::iter::from_fn(move || loop {
        let i = pos + memchr(0xFF, data.get(pos..)?)?;
        pos = i + 1;
        if data.get(i + 1)? & 0xE0 == 0xE0 {
            return Some(i);
        }
    })
}

/// Skip ID3v2 tags starting at `pos` the way mutagen's `skip_id3` does: while
/// ten bytes starting with `ID3` are there and their size (the four size
/// bytes, 7 bits each, top bits ignored) is not 0, jump over header and
/// body. Returns the position after the last tag skipped.
pub fn skip_id3<S: ByteSource + ?Sized>(src: &S, pos: u64) -> Result<u64, MpegError> {
    match src.as_bytes() {
        Some(data) => skip_id3_in(&mut SliceRegion::new(data), pos),
        None => skip_id3_in(&mut SourceRegion::new(src, 64), pos),
    }
}

/// [`skip_id3`] over bytes in memory.
pub fn skip_id3_bytes(data: &[u8], pos: u64) -> u64 {
    skip_id3_in(&mut SliceRegion::new(data), pos).unwrap_or(pos)
}

fn skip_id3_in<R: Region + ?Sized>(region: &mut R, mut pos: u64) -> Result<u64, MpegError> {
    loop {
        let h = region.get(pos, 10)?;
        if h.len() < 10 || &h[..3] != b"ID3" {
            return Ok(pos);
        }
        let size = h[6..10]
            .iter()
            .fold(0u64, |acc, &b| (acc << 7) | u64::from(b & 0x7F));
        if size == 0 {
            return Ok(pos);
        }
        pos = pos.saturating_add(10 + size);
    }
}

/// MPEG audio stream information, with every attribute of mutagen's
/// `MPEGInfo`.
#[derive(Debug, Clone, PartialEq)]
pub struct MpegInfo {
    /// Length in seconds.
    pub length: f64,
    /// Bitrate in bit/s (a Python `int`).
    pub bitrate: u64,
    /// Sample rate in Hz.
    pub sample_rate: u32,
    /// Number of channels (1 or 2).
    pub channels: u32,
    /// MPEG version (Python `int` 1 or 2, `float` 2.5).
    pub version: MpegVersion,
    /// Layer, 1 to 3.
    pub layer: u8,
    /// Channel mode: [`STEREO`], [`JOINTSTEREO`], [`DUALCHANNEL`], [`MONO`].
    pub mode: u8,
    /// `true` when the first frame has a CRC.
    pub protected: bool,
    /// Padding bit of the first frame.
    pub padding: bool,
    /// `true` when fewer than four frames in a row (and no VBR header) were
    /// found: the file may well not be MPEG audio.
    pub sketchy: bool,
    /// Offset of the first frame (mutagen's `frame_offset`).
    pub frame_offset: u64,
    /// Bitrate mode (from a Xing/Info/VBRI header; `Unknown` without).
    pub bitrate_mode: BitrateMode,
    /// Track ReplayGain in dB from the LAME header.
    pub track_gain: Option<f64>,
    /// Track peak from the LAME header.
    pub track_peak: Option<f64>,
    /// Album ReplayGain in dB from the LAME header.
    pub album_gain: Option<f64>,
    /// Album peak: mutagen never sets it (always `None`).
    pub album_peak: Option<f64>,
    /// The first frame (header fields such as emphasis, the VBR header).
    pub first_frame: MpegFrame,
}

impl MpegInfo {
    /// Read the stream info of `src` as mutagen's `MPEGInfo(fileobj,
    /// offset)`: `offset` is where to start (mutagen's MP3 passes the end of
    /// the ID3v2 tag it read; `None` means the start of the file). Further
    /// ID3v2 tags there are skipped.
    pub fn read<S: ByteSource + ?Sized>(src: &S, offset: Option<u64>) -> Result<Self, MpegError> {
        match src.as_bytes() {
            Some(data) => Self::read_in(&mut SliceRegion::new(data), offset),
            None => Self::read_in(&mut SourceRegion::new(src, FIRST_READ), offset),
        }
    }

    /// [`MpegInfo::read`] over the whole file in memory.
    pub fn from_bytes(data: &[u8], offset: Option<u64>) -> Result<Self, MpegError> {
        Self::read_in(&mut SliceRegion::new(data), offset)
    }

    fn read_in<R: Region + ?Sized>(region: &mut R, offset: Option<u64>) -> Result<Self, MpegError> {
        let start = skip_id3_in(region, offset.unwrap_or(0))?;
        let total = region.total_len();
        let end = total.min(start.saturating_add(MAX_SYNC_READ));
        let mut syncs_left = MAX_SYNCS;
        let mut fallback: Option<MpegFrame> = None;
        let mut chosen: Option<MpegFrame> = None;
        let mut pos = start;
        while let Some(sync) = next_sync(region, pos, end)? {
            pos = sync + 1;
            syncs_left -= 1;
            if syncs_left == 0 {
                break;
            }
            // Up to ENOUGH_FRAMES frames in a row from this sync, until one
            // has a VBR header; only the first and that one can be chosen,
            // so only they are kept.
            let mut first: Option<MpegFrame> = None;
            let mut with_vbr: Option<MpegFrame> = None;
            let mut count = 0;
            let mut at = sync;
            while count < ENOUGH_FRAMES {
                let frame = match MpegFrame::read_in(region, at) {
                    Ok(f) => f,
                    Err(MpegError::HeaderNotFound(_)) => break,
                    Err(e) => return Err(e),
                };
                count += 1;
                at = frame.next_offset();
                if !frame.sketchy {
                    with_vbr = Some(frame);
                    break;
                }
                if first.is_none() {
                    first = Some(frame);
                }
            }
            if with_vbr.is_some() || count >= ENOUGH_FRAMES {
                // the frame with the VBR header, else the first of the run
                chosen = with_vbr.or(first);
                break;
            }
            if count >= MIN_FRAMES && fallback.is_none() {
                fallback = first;
            }
        }
        let (frame, sketchy) = match (chosen, fallback) {
            (Some(f), _) => (f, false),
            (None, Some(f)) => (f, true),
            (None, None) => return Err(MpegError::HeaderNotFound(CANT_SYNC)),
        };
        let length = match frame.length {
            Some(l) => l,
            None if frame.bitrate != 0 => {
                let bytes = total.saturating_sub(frame.frame_offset);
                (bytes as f64 * 8.0) / frame.bitrate as f64
            }
            None => 0.0,
        };
        Ok(MpegInfo {
            length,
            bitrate: frame.bitrate,
            sample_rate: frame.header.sample_rate,
            channels: frame.header.channels(),
            version: frame.header.version,
            layer: frame.header.layer,
            mode: frame.header.mode,
            protected: frame.header.protected,
            padding: frame.header.padding,
            sketchy,
            frame_offset: frame.frame_offset,
            bitrate_mode: frame.bitrate_mode,
            track_gain: frame.track_gain,
            track_peak: frame.track_peak,
            album_gain: frame.album_gain,
            album_peak: None,
            first_frame: frame,
        })
    }

    /// `"LAME <version>"`, `"FhG"`, or empty (see
    /// [`MpegFrame::encoder_info`]).
    pub fn encoder_info(&self) -> Cow<'static, str> {
        self.first_frame.encoder_info()
    }

    /// Guessed LAME settings, or empty (see
    /// [`MpegFrame::encoder_settings`]).
    pub fn encoder_settings(&self) -> String {
        self.first_frame.encoder_settings()
    }

    /// mutagen's `pprint()`, e.g. `"MPEG 1 layer 3, 128000 bps (CBR?),
    /// 44100 Hz, 2 chn, 3.77 seconds"`.
    pub fn pprint(&self) -> String {
        let mut info = vec![match self.bitrate_mode {
            BitrateMode::Unknown => "CBR?",
            other => other.name(),
        }
        .to_owned()];
        let encoder_info = self.encoder_info();
        if !encoder_info.is_empty() {
            info.push(encoder_info.into_owned());
        }
        let encoder_settings = self.encoder_settings();
        if !encoder_settings.is_empty() {
            info.push(encoder_settings);
        }
        let mut s = format!(
            "MPEG {} layer {}, {} bps ({}), {} Hz, {} chn, {:.2} seconds",
            self.version,
            self.layer,
            self.bitrate,
            info.join(", "),
            self.sample_rate,
            self.channels,
            self.length
        );
        if self.sketchy {
            let _ = write!(s, " (sketchy)");
        }
        s
    }
}

/// The next sync at or after `pos` whose two bytes lie before `end`.
fn next_sync<R: Region + ?Sized>(
    region: &mut R,
    mut pos: u64,
    end: u64,
) -> Result<Option<u64>, MpegError> {
    // Small first: the sync is nearly always in the first bytes, which the
    // region holds already; each miss doubles the next request.
    const FIRST_CHUNK: u64 = 4 * 1024;
    const MAX_CHUNK: u64 = 64 * 1024;
    let mut chunk_len = FIRST_CHUNK;
    while pos.saturating_add(1) < end {
        let want = (end - pos).min(chunk_len) as usize;
        chunk_len = (chunk_len * 2).min(MAX_CHUNK);
        let chunk = region.get(pos, want)?;
        if chunk.len() < 2 {
            return Ok(None);
        }
        if let Some(i) = iter_sync(chunk).next() {
            return Ok(Some(pos + i as u64));
        }
        // The last byte may start a sync completed by the next chunk.
        pos += chunk.len() as u64 - 1;
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syncs_like_mutagen() {
        let s = |d: &[u8]| iter_sync(d).collect::<Vec<_>>();
        assert_eq!(s(b"abc"), Vec::<usize>::new());
        assert_eq!(s(b""), Vec::<usize>::new());
        assert_eq!(s(b"a"), Vec::<usize>::new());
        assert_eq!(s(b"a\xff\xc0\xff\xe0"), [3]);
        assert_eq!(s(b"a\xff\xe0\xff\xe0\xff\xe0"), [1, 3, 5]);
        assert_eq!(s(b"\xff\xff\xff\xe0"), [0, 1, 2]);
        assert_eq!(s(b"\xff\xe0\xff"), [0]);
        for i in 0..400 {
            let mut d = vec![0u8; i];
            d.extend_from_slice(b"\xff\xe0");
            assert_eq!(s(&d), [i]);
        }
    }

    #[test]
    fn skips_id3_like_mutagen() {
        let tag = |size: u8| [b'I', b'D', b'3', 4, 0, 0, 0, 0, 0, size];
        let mut d = tag(5).to_vec();
        d.extend_from_slice(&[0; 5]);
        d.extend_from_slice(&tag(3));
        d.extend_from_slice(&[0; 3]);
        assert_eq!(skip_id3_bytes(&d, 0), 28);
        assert_eq!(skip_id3_bytes(&tag(0), 0), 0);
        assert_eq!(skip_id3_bytes(b"ID3", 0), 0);
        assert_eq!(
            skip_id3_bytes(b"ID3\x04\x00\x00\xff\xff\xff\xff", 0),
            268_435_465
        );
        let src = mtg_core::SliceSource::new(&d);
        assert_eq!(skip_id3(&src, 0).unwrap(), 28);
    }

    #[test]
    fn empty_and_junk() {
        assert_eq!(
            MpegInfo::from_bytes(b"", None).unwrap_err().to_string(),
            CANT_SYNC
        );
        assert!(MpegInfo::from_bytes(&[0xFF; 5000], None).is_err());
        assert!(MpegInfo::from_bytes(b"\xff\xfb\x90\x00", Some(u64::MAX)).is_err());
    }
}
