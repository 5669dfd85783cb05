//! Raw AAC streams (ISO 14496-3): ADTS frames or an ADIF header, read like
//! mutagen's `mutagen.aac.AACInfo`.
//!
//! # ADTS
//!
//! Up to ten attempts, each starting one byte after the sync the previous
//! attempt found (mutagen's bookkeeping counts the bytes skipped before
//! that sync twice): search a sync word in at most 512 bytes, then walk up
//! to 100 frames whose fixed header matches the first, allowing up to 10
//! bytes of junk between frames. Three frames make a stream. Sample rate and
//! channels come from the first frame's fixed header; the bitrate is the
//! payload of the frames walked over their duration, floored (a Python
//! `float`); the length is extrapolated from the bytes walked to the end of
//! the file.
//!
//! # ADIF
//!
//! The header's bitrate, and the first program config element's sample rate
//! and channel count (front, side, back channel elements, two channels for a
//! pair, and LFE elements); the length is the bytes after the header at
//! that bitrate. As in mutagen, program config elements after the first are
//! read without their buffer-fullness field.

use mtg_core::ByteSource;

use crate::bits::{BitsError, PyBits};
use crate::error::AacError;
use crate::region::{Region, SliceRegion, SourceRegion};

/// Sample rates by sampling frequency index (13 to 15 are reserved).
pub const FREQUENCIES: [u32; 13] = [
    96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350,
];

/// Channels by ADTS channel configuration.
const CHANNELS: [u32; 8] = [0, 1, 2, 3, 4, 5, 6, 8];

/// Bytes searched for the first ADTS sync.
const MAX_INITIAL_READ: i64 = 512;
/// Bytes of junk allowed between ADTS frames.
const MAX_RESYNC_READ: i64 = 10;
/// Attempts at finding a stream.
const MAX_SYNC_TRIES: usize = 10;
/// Frames walked per attempt.
const FRAMES_MAX: usize = 100;
/// Frames that make a stream.
const FRAMES_NEEDED: u64 = 3;
/// First read of a file.
const FIRST_READ: usize = 64 * 1024;

/// The container of the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AacKind {
    /// ADTS frames (mutagen's `_type` `"ADTS"`).
    Adts,
    /// An ADIF header (`"ADIF"`).
    Adif,
}

impl AacKind {
    /// The name mutagen uses: `"ADTS"` or `"ADIF"`.
    pub fn name(self) -> &'static str {
        match self {
            AacKind::Adts => "ADTS",
            AacKind::Adif => "ADIF",
        }
    }
}

/// An ADIF program config element (mutagen's `ProgramConfigElement`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProgramConfigElement {
    /// Element instance tag.
    pub element_instance_tag: u8,
    /// Object type (profile).
    pub object_type: u8,
    /// Sampling frequency index.
    pub sampling_frequency_index: u8,
    /// Channels: 1 per single channel element, 2 per pair, 1 per LFE.
    pub channels: u32,
}

/// AAC stream information with every attribute of mutagen's `AACInfo`.
#[derive(Debug, Clone, PartialEq)]
pub struct AacInfo {
    /// ADTS or ADIF (mutagen's `_type`).
    pub kind: AacKind,
    /// Sample rate in Hz; 0 for a reserved frequency index.
    pub sample_rate: u32,
    /// Number of channels (0 when the configuration is in-band).
    pub channels: u32,
    /// Bitrate in bit/s, a whole number. mutagen's value is a Python
    /// `float` for ADTS (negative for nonsense CRC sizes, even `-0.0`), an
    /// `int` for ADIF.
    pub bitrate: f64,
    /// Length in seconds. `None` for an ADIF header with bitrate 0, where
    /// mutagen leaves its class default, the `int` 0.
    pub length: Option<f64>,
    /// The profile/object type: the ADTS profile field or the first PCE's
    /// object type (not exposed by mutagen).
    pub profile: u8,
    /// Frames walked for the ADTS estimate (0 for ADIF).
    pub frames: u64,
    /// The first program config element (ADIF only).
    pub pce: Option<ProgramConfigElement>,
}

impl AacInfo {
    /// Read the stream info of `src` as mutagen's `AACInfo(fileobj)` with the
    /// file object at `pos` (normally 0): an ID3v2 header there moves the
    /// start of the stream to its size plus 10 (counted from the start of
    /// the file, as mutagen does).
    pub fn read<S: ByteSource + ?Sized>(src: &S, pos: u64) -> Result<AacInfo, AacError> {
        match src.as_bytes() {
            Some(data) => Self::read_in(&mut SliceRegion::new(data), pos),
            None => Self::read_in(&mut SourceRegion::new(src, FIRST_READ), pos),
        }
    }

    /// [`AacInfo::read`] over the whole file in memory.
    pub fn from_bytes(data: &[u8], pos: u64) -> Result<AacInfo, AacError> {
        Self::read_in(&mut SliceRegion::new(data), pos)
    }

    fn read_in<R: Region + ?Sized>(region: &mut R, pos: u64) -> Result<AacInfo, AacError> {
        let header = region.get(pos, 10)?;
        let mut start = 0u64;
        if header.starts_with(b"ID3") {
            // Fewer than 10 bytes near the end of the file: mutagen reads the
            // size from the bytes there are.
            let size = header
                .get(6..)
                .unwrap_or_default()
                .iter()
                .fold(0u64, |acc, &b| (acc << 7) | u64::from(b & 0x7F));
            start = size + 10;
        }
        if region.get(start, 4)? == b"ADIF" {
            parse_adif(region, start + 4)
        } else {
            parse_adts(region, start)
        }
    }

    /// mutagen's `pprint()`, e.g. `"AAC (ADTS), 44100 Hz, 3.70 seconds,
    /// 2 channel(s), 3159 bps"`.
    pub fn pprint(&self) -> String {
        format!(
            "AAC ({}), {} Hz, {:.2} seconds, {} channel(s), {} bps",
            self.kind.name(),
            self.sample_rate,
            self.length.unwrap_or(0.0),
            self.channels,
            self.bitrate as i64
        )
    }
}

fn io_or(e: BitsError, otherwise: AacError) -> AacError {
    match e {
        BitsError::Io(e) => AacError::Io(e),
        BitsError::NotEnoughData => otherwise,
    }
}

/// State of one ADTS attempt (mutagen's `_ADTSStream`).
struct AdtsStream {
    fixed_header: Option<[u8; 9]>,
    parsed_frames: u64,
    samples: u64,
    payload: i64,
    start: u64,
    last: u64,
}

/// Find the next sync word (`FFF`), reading at most `max_bytes` bytes.
fn adts_sync<R: Region + ?Sized>(
    r: &mut PyBits<'_, R>,
    max_bytes: i64,
) -> Result<bool, mtg_core::Error> {
    let mut left = max_bytes.max(2);
    r.align();
    while left > 0 {
        let byte = match r.bits(8) {
            Ok(b) => b,
            Err(BitsError::NotEnoughData) => return Ok(false),
            Err(BitsError::Io(e)) => return Err(e),
        };
        if byte == 0xFF {
            match r.bits(4) {
                Ok(0xF) => return Ok(true),
                Ok(_) => {}
                Err(BitsError::NotEnoughData) => return Ok(false),
                Err(BitsError::Io(e)) => return Err(e),
            }
            r.align();
            left -= 2;
        } else {
            left -= 1;
        }
    }
    Ok(false)
}

impl AdtsStream {
    fn parse_frame<R: Region + ?Sized>(
        &mut self,
        r: &mut PyBits<'_, R>,
    ) -> Result<bool, mtg_core::Error> {
        match self.try_parse_frame(r) {
            Ok(ok) => Ok(ok),
            Err(BitsError::NotEnoughData) => Ok(false),
            Err(BitsError::Io(e)) => Err(e),
        }
    }

    fn try_parse_frame<R: Region + ?Sized>(
        &mut self,
        r: &mut PyBits<'_, R>,
    ) -> Result<bool, BitsError> {
        let start = r.position().saturating_sub(12);
        let mut key = [0u8; 9];
        for (slot, width) in key.iter_mut().zip([1, 2, 1, 2, 4, 1, 3, 1, 1]) {
            *slot = r.bits(width)? as u8;
        }
        match self.fixed_header {
            None => self.fixed_header = Some(key),
            Some(k) if k != key => return Ok(false),
            Some(_) => {}
        }
        let protection_absent = key[2] == 1;
        r.skip(2)?;
        let frame_length = r.bits(13)?;
        r.skip(11)?;
        let blocks = r.bits(2)?;
        let mut crc_overhead = 0i64;
        if !protection_absent {
            crc_overhead = (blocks as i64 + 1) * 16;
            if blocks != 0 {
                crc_overhead *= 2;
            }
        }
        let used = r.position() - start;
        let left = (frame_length * 8) as i64 - used as i64;
        if left < 0 {
            return Ok(false);
        }
        r.skip(left as u64)?;
        self.payload += (left - crc_overhead) / 8;
        self.samples += (blocks + 1) * 1024;
        self.last = r.position();
        self.parsed_frames += 1;
        Ok(true)
    }
}

fn parse_adts<R: Region + ?Sized>(region: &mut R, start_offset: u64) -> Result<AacInfo, AacError> {
    let mut offset = start_offset;
    let mut found: Option<(AdtsStream, u64)> = None;
    let mut last_parsed = 0;
    for _ in 0..MAX_SYNC_TRIES {
        let mut r = PyBits::new(region, offset);
        let reader_start = r.position();
        if !adts_sync(&mut r, MAX_INITIAL_READ)? {
            return Err(AacError::SyncNotFound);
        }
        let stream_offset = (r.position() - reader_start - 12) / 8;
        offset = offset.saturating_add(stream_offset + 1);
        let mut s = AdtsStream {
            fixed_header: None,
            parsed_frames: 0,
            samples: 0,
            payload: 0,
            start: reader_start,
            last: reader_start,
        };
        for _ in 0..FRAMES_MAX {
            if !s.parse_frame(&mut r)? || !adts_sync(&mut r, MAX_RESYNC_READ)? {
                break;
            }
        }
        last_parsed = s.parsed_frames;
        if s.parsed_frames >= FRAMES_NEEDED {
            found = Some((s, stream_offset));
            break;
        }
    }
    let Some((s, stream_offset)) = found else {
        return Err(AacError::NoValidStream(last_parsed));
    };
    let key = s.fixed_header.unwrap_or_default();
    let frequency = FREQUENCIES.get(usize::from(key[4])).copied().unwrap_or(0);
    let samples = s.samples as i64;
    // Floor division, like Python's on floats (whose zero keeps the sign of
    // the payload when the frequency is unknown).
    let scaled = 8 * s.payload * i64::from(frequency);
    let bitrate = if scaled == 0 && s.payload < 0 {
        -0.0
    } else {
        scaled.div_euclid(samples.max(1)) as f64
    };
    let size = (s.last - s.start) as f64 / 8.0;
    let stream_size = region.total_len() as i128 - (i128::from(offset) + i128::from(stream_offset));
    let length = if frequency != 0 {
        (i128::from(samples) * stream_size) as f64 / (size * f64::from(frequency))
    } else {
        0.0
    };
    Ok(AacInfo {
        kind: AacKind::Adts,
        sample_rate: frequency,
        channels: CHANNELS[usize::from(key[6] & 7)],
        bitrate,
        length: Some(length),
        profile: key[3],
        frames: s.parsed_frames,
        pce: None,
    })
}

fn read_pce<R: Region + ?Sized>(r: &mut PyBits<'_, R>) -> Result<ProgramConfigElement, BitsError> {
    let element_instance_tag = r.bits(4)? as u8;
    let object_type = r.bits(2)? as u8;
    let sampling_frequency_index = r.bits(4)? as u8;
    let front = r.bits(4)?;
    let side = r.bits(4)?;
    let back = r.bits(4)?;
    let lfe = r.bits(2)?;
    let assoc = r.bits(3)?;
    let cc = r.bits(4)?;
    if r.bits(1)? == 1 {
        r.skip(4)?; // mono mixdown element
    }
    if r.bits(1)? == 1 {
        r.skip(4)?; // stereo mixdown element
    }
    if r.bits(1)? == 1 {
        r.skip(3)?; // matrix mixdown index, pseudo surround
    }
    let mut channels = 0u32;
    for _ in 0..front + side + back {
        channels += if r.bits(1)? == 1 { 2 } else { 1 };
        r.skip(4)?;
    }
    channels += lfe as u32;
    r.skip(4 * lfe)?;
    r.skip(4 * assoc)?;
    for _ in 0..cc {
        r.skip(5)?;
    }
    r.align();
    let comment_bytes = r.bits(8)?;
    r.skip(8 * comment_bytes)?;
    Ok(ProgramConfigElement {
        element_instance_tag,
        object_type,
        sampling_frequency_index,
        channels,
    })
}

fn parse_adif<R: Region + ?Sized>(region: &mut R, pos: u64) -> Result<AacInfo, AacError> {
    let total = region.total_len();
    let mut r = PyBits::new(region, pos);
    let parsed = (|| -> Result<(ProgramConfigElement, u64), BitsError> {
        if r.bits(1)? == 1 {
            r.skip(72)?; // copyright id
        }
        r.skip(2)?; // original/copy, home
        let bitstream_type = r.bits(1)?;
        let bitrate = r.bits(23)?;
        let npce = r.bits(4)?;
        if bitstream_type == 0 {
            r.skip(20)?; // buffer fullness
        }
        let pce = read_pce(&mut r)?;
        for _ in 0..npce {
            read_pce(&mut r)?;
        }
        r.align();
        Ok((pce, bitrate))
    })();
    let (pce, bitrate) = parsed.map_err(|e| io_or(e, AacError::NotEnoughData))?;
    let start = r.byte_end();
    let length =
        (bitrate != 0).then(|| 8.0 * (total as i128 - i128::from(start)) as f64 / bitrate as f64);
    Ok(AacInfo {
        kind: AacKind::Adif,
        sample_rate: FREQUENCIES
            .get(usize::from(pce.sampling_frequency_index))
            .copied()
            .unwrap_or(0),
        channels: pce.channels,
        bitrate: f64::from(bitrate as u32),
        length,
        profile: pce.object_type,
        frames: 0,
        pce: Some(pce),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adts_frame(len: u16) -> Vec<u8> {
        // MPEG-4, no CRC, LC, 44.1 kHz, 2 channels.
        let mut f = vec![0xFF, 0xF1, 0x50, 0x80, 0, 0x1F, 0xFC];
        f[3] |= (len >> 11) as u8 & 3;
        f[4] = (len >> 3) as u8;
        f[5] |= ((len & 7) as u8) << 5;
        f.resize(usize::from(len), 0);
        f
    }

    #[test]
    fn adts_estimate() {
        let data = adts_frame(100).repeat(10);
        let info = AacInfo::from_bytes(&data, 0).unwrap();
        assert_eq!(info.kind, AacKind::Adts);
        assert_eq!((info.sample_rate, info.channels), (44100, 2));
        assert_eq!(info.bitrate, 32041.0);
        assert_eq!(info.length, Some(0.231_967_346_938_775_52));
        assert_eq!(info.frames, 10);
        assert!(info
            .pprint()
            .starts_with("AAC (ADTS), 44100 Hz, 0.23 seconds"));
        let two = adts_frame(100).repeat(2);
        assert_eq!(
            AacInfo::from_bytes(&two, 0).unwrap_err().to_string(),
            "sync not found"
        );
        assert!(AacInfo::from_bytes(b"", 0).is_err());
        assert!(AacInfo::from_bytes(b"ADIF", 0).is_err());
    }
}
