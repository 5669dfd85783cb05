//! AC-3 (ATSC A/52) and E-AC-3 (A/52 Annex E) stream information, read like
//! mutagen's `mutagen.ac3.AC3Info`.
//!
//! Only the first frame's header is read. Its bitstream id selects the
//! syntax: up to 10 AC-3 (9 and 10 halve and quarter the sample rate and
//! bitrate), 11 to 16 E-AC-3. The length is the bytes after the header at
//! the frame's bitrate, so the header's end matters; it is found by walking
//! the header fields the way mutagen does, including its deviations from
//! the standard (AC-3: two mix-level bits always, both time-code flags read
//! before their values; E-AC-3: the header walk stops at mixing metadata,
//! `convsync` read only with six blocks per frame, no `frmsizecod` in that
//! case).

use mtg_core::ByteSource;

use crate::bits::{BitsError, PyBits};
use crate::error::Ac3Error;
use crate::region::{Region, SliceRegion, SourceRegion};

/// AC-3 bitrates in kbit/s by frame size code / 2.
const AC3_BITRATES: [u32; 19] = [
    32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 576, 640,
];
/// Sample rates by sample rate code.
const SAMPLE_RATES: [u32; 3] = [48000, 44100, 32000];
/// E-AC-3 reduced sample rates by `fscod2`.
const HALF_SAMPLE_RATES: [u32; 3] = [24000, 22050, 16000];
/// E-AC-3 audio blocks per frame by `numblkscod`.
const BLOCKS: [u32; 4] = [1, 2, 3, 6];
/// Full-bandwidth channels by audio coding mode.
const ACMOD_CHANNELS: [u32; 8] = [2, 1, 2, 3, 3, 4, 4, 5];

/// The codec of the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ac3Codec {
    /// AC-3 (mutagen's `codec` `"ac-3"`).
    Ac3,
    /// E-AC-3 (`"ec-3"`).
    Eac3,
}

impl Ac3Codec {
    /// The name mutagen uses: `"ac-3"` or `"ec-3"`.
    pub fn name(self) -> &'static str {
        match self {
            Ac3Codec::Ac3 => "ac-3",
            Ac3Codec::Eac3 => "ec-3",
        }
    }
}

/// AC-3 / E-AC-3 stream information with every attribute of mutagen's
/// `AC3Info`.
#[derive(Debug, Clone, PartialEq)]
pub struct Ac3Info {
    /// `ac-3` or `ec-3`.
    pub codec: Ac3Codec,
    /// Sample rate in Hz.
    pub sample_rate: u32,
    /// Channels, LFE included.
    pub channels: u32,
    /// Bitrate in bit/s.
    pub bitrate: u64,
    /// Length in seconds: bytes after the first header at `bitrate`.
    pub length: f64,
    /// Bitstream id (not exposed by mutagen).
    pub bitstream_id: u8,
    /// Audio coding mode (not exposed by mutagen).
    pub acmod: u8,
    /// `true` when an LFE channel is present (counted in `channels`).
    pub lfe_on: bool,
    /// Where mutagen considers the header to end (its length estimate
    /// starts there).
    pub header_end: u64,
}

impl Ac3Info {
    /// Read the stream info of `src` as mutagen's `AC3Info(fileobj)` with the
    /// file object at `pos` (normally 0): the six bytes there are checked,
    /// and the header is then read from byte 2 of the file, as mutagen does.
    pub fn read<S: ByteSource + ?Sized>(src: &S, pos: u64) -> Result<Ac3Info, Ac3Error> {
        match src.as_bytes() {
            Some(data) => Self::read_in(&mut SliceRegion::new(data), pos),
            None => Self::read_in(&mut SourceRegion::new(src, 256), pos),
        }
    }

    /// [`Ac3Info::read`] over the whole file in memory.
    pub fn from_bytes(data: &[u8], pos: u64) -> Result<Ac3Info, Ac3Error> {
        Self::read_in(&mut SliceRegion::new(data), pos)
    }

    fn read_in<R: Region + ?Sized>(region: &mut R, pos: u64) -> Result<Ac3Info, Ac3Error> {
        let header = region.get(pos, 6)?;
        if header.len() < 6 {
            return Err(Ac3Error::NotEnoughData);
        }
        if &header[..2] != b"\x0b\x77" {
            return Err(Ac3Error::NotAc3);
        }
        let bitstream_id = header[5] >> 3;
        if bitstream_id > 16 {
            return Err(Ac3Error::InvalidBitstreamId(bitstream_id));
        }
        let total = region.total_len();
        let mut r = PyBits::new(region, 2);
        let mut info = if bitstream_id <= 10 {
            read_normal(&mut r, bitstream_id)
        } else {
            read_enhanced(&mut r, bitstream_id)
        }
        .map_err(|e| match e {
            Fail::Bits(BitsError::NotEnoughData) => Ac3Error::NotEnoughData,
            Fail::Bits(BitsError::Io(e)) => Ac3Error::Io(e),
            Fail::Ac3(e) => e,
        })?;
        info.header_end = r.byte_end();
        let bytes = total as i128 - i128::from(info.header_end);
        info.length = (bytes * 8) as f64 / info.bitrate as f64;
        Ok(info)
    }

    /// mutagen's `pprint()`, e.g. `"ac-3, 44100 Hz, 3.69 seconds, 2
    /// channel(s), 192000 bps"`.
    pub fn pprint(&self) -> String {
        format!(
            "{}, {} Hz, {:.2} seconds, {} channel(s), {} bps",
            self.codec.name(),
            self.sample_rate,
            self.length,
            self.channels,
            self.bitrate
        )
    }
}

enum Fail {
    Bits(BitsError),
    Ac3(Ac3Error),
}

impl From<BitsError> for Fail {
    fn from(e: BitsError) -> Self {
        Fail::Bits(e)
    }
}

fn read_normal<R: Region + ?Sized>(r: &mut PyBits<'_, R>, bsid: u8) -> Result<Ac3Info, Fail> {
    r.skip(16)?; // crc1
    let sr_code = r.bits(2)? as u8;
    if sr_code == 3 {
        return Err(Fail::Ac3(Ac3Error::InvalidSampleRateCode(sr_code)));
    }
    let frame_size_code = r.bits(6)? as u8;
    if frame_size_code > 37 {
        return Err(Fail::Ac3(Ac3Error::InvalidFrameSizeCode(frame_size_code)));
    }
    r.skip(5)?; // bsid
    r.skip(3)?; // bsmod
    let acmod = r.bits(3)? as u8;
    r.skip(2)?; // mutagen: two mix-level bits whatever the mode
    let lfe_on = r.bits(1)? == 1;
    let shift = bsid.max(8) - 8;
    let sample_rate = SAMPLE_RATES[usize::from(sr_code)] >> shift;
    let bitrate = (AC3_BITRATES[usize::from(frame_size_code >> 1)] * 1000) >> shift;
    // The fields mutagen walks over.
    r.skip(5)?; // dialnorm
    if r.bits(1)? == 1 {
        r.skip(8)?; // compr
    }
    if r.bits(1)? == 1 {
        r.skip(8)?; // langcod
    }
    if r.bits(1)? == 1 {
        r.skip(7)?; // mixlevel, roomtyp
    }
    if acmod == 0 {
        r.skip(5)?;
        if r.bits(1)? == 1 {
            r.skip(8)?;
        }
        if r.bits(1)? == 1 {
            r.skip(8)?;
        }
        if r.bits(1)? == 1 {
            r.skip(7)?;
        }
    }
    r.skip(2)?; // copyrightb, origbs
    let timecode1 = r.bits(1)? == 1;
    let timecode2 = r.bits(1)? == 1;
    if timecode1 {
        r.skip(14)?;
    }
    if timecode2 {
        r.skip(14)?;
    }
    if r.bits(1)? == 1 {
        let len = r.bits(6)?;
        r.skip((len + 1) * 8)?;
    }
    Ok(Ac3Info {
        codec: Ac3Codec::Ac3,
        sample_rate,
        channels: ACMOD_CHANNELS[usize::from(acmod)] + u32::from(lfe_on),
        bitrate: u64::from(bitrate),
        length: 0.0,
        bitstream_id: bsid,
        acmod,
        lfe_on,
        header_end: 0,
    })
}

fn read_enhanced<R: Region + ?Sized>(r: &mut PyBits<'_, R>, bsid: u8) -> Result<Ac3Info, Fail> {
    let frame_type = r.bits(2)? as u8;
    if frame_type == 3 {
        return Err(Fail::Ac3(Ac3Error::InvalidFrameType(frame_type)));
    }
    r.skip(3)?; // substreamid
    let frame_size = (r.bits(11)? as u32 + 1) * 2;
    if frame_size < 7 {
        return Err(Fail::Ac3(Ac3Error::InvalidFrameSize(frame_size)));
    }
    let sr_code = r.bits(2)? as u8;
    let (sample_rate, numblocks_code) = if sr_code == 3 {
        let sr_code2 = r.bits(2)? as u8;
        if sr_code2 == 3 {
            return Err(Fail::Ac3(Ac3Error::InvalidSampleRateCode(sr_code2)));
        }
        (HALF_SAMPLE_RATES[usize::from(sr_code2)], 3u8)
    } else {
        (SAMPLE_RATES[usize::from(sr_code)], r.bits(2)? as u8)
    };
    let acmod = r.bits(3)? as u8;
    let lfe_on = r.bits(1)? == 1;
    let blocks = BLOCKS[usize::from(numblocks_code)];
    let bitrate =
        (8.0 * f64::from(frame_size) * f64::from(sample_rate) / f64::from(blocks * 256)) as u64;
    r.skip(5)?; // bsid
    skip_enhanced(r, frame_type, acmod, sr_code, numblocks_code)?;
    Ok(Ac3Info {
        codec: Ac3Codec::Eac3,
        sample_rate,
        channels: ACMOD_CHANNELS[usize::from(acmod)] + u32::from(lfe_on),
        bitrate,
        length: 0.0,
        bitstream_id: bsid,
        acmod,
        lfe_on,
        header_end: 0,
    })
}

fn skip_enhanced<R: Region + ?Sized>(
    r: &mut PyBits<'_, R>,
    frame_type: u8,
    acmod: u8,
    sr_code: u8,
    numblocks_code: u8,
) -> Result<(), BitsError> {
    r.skip(5)?; // dialnorm
    if r.bits(1)? == 1 {
        r.skip(8)?; // compr
    }
    if acmod == 0 {
        r.skip(5)?; // dialnorm2
        if r.bits(1)? == 1 {
            r.skip(8)?; // compr2
        }
    }
    if frame_type == 1 && r.bits(1)? == 1 {
        r.skip(16)?; // chanmap
    }
    if r.bits(1)? == 1 {
        // Mixing metadata: mutagen stops reading the header here.
        return Ok(());
    }
    if r.bits(1)? == 1 {
        // Informational metadata.
        r.skip(5)?; // bsmod, copyrightb, origbs
        if acmod == 2 {
            r.skip(4)?; // dsurmod, dheadphonmod
        }
        if acmod >= 6 {
            r.skip(2)?; // dsurexmod
        }
        if r.bits(1)? == 1 {
            r.skip(8)?; // mixlevel, roomtyp, adconvtyp
        }
        if acmod == 0 && r.bits(1)? == 1 {
            r.skip(8)?;
        }
        if sr_code < 3 {
            r.skip(1)?; // sourcefscod
        }
    }
    if frame_type == 0 && numblocks_code == 3 {
        r.skip(1)?; // convsync (mutagen's condition)
    }
    if frame_type == 2 && numblocks_code != 3 && r.bits(1)? == 1 {
        r.skip(6)?; // frmsizecod
    }
    if r.bits(1)? == 1 {
        let len = r.bits(6)?;
        r.skip((len + 1) * 8)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ac3_and_eac3() {
        // AC-3, 48 kHz, 192 kbit/s, bsid 8, stereo: 9-byte header.
        let mut d = b"\x0b\x77\x00\x00\x14\x40\x40\x00\x00".to_vec();
        d.resize(1009, 0);
        let i = Ac3Info::from_bytes(&d, 0).unwrap();
        assert_eq!(
            (i.codec, i.sample_rate, i.bitrate, i.channels),
            (Ac3Codec::Ac3, 48000, 192_000, 2)
        );
        assert_eq!(i.length, 0.041_666_666_666_666_664);
        assert_eq!(i.header_end, 9);
        // E-AC-3, frmsiz 100, 48 kHz, 6 blocks, stereo: 7-byte header.
        let mut e = b"\x0b\x77\x00\x64\x34\x80\x00".to_vec();
        e.resize(1007, 0);
        let i = Ac3Info::from_bytes(&e, 0).unwrap();
        assert_eq!((i.codec, i.bitrate), (Ac3Codec::Eac3, 50500));
        assert_eq!(i.length, 0.158_415_841_584_158_42);
        assert!(i.pprint().starts_with("ec-3, 48000 Hz, 0.16 seconds"));
        let msg = |d: &[u8]| Ac3Info::from_bytes(d, 0).unwrap_err().to_string();
        assert_eq!(msg(b""), "not enough data");
        assert_eq!(msg(b"\x0b\x78\0\0\0\0"), "not a AC3 file");
        assert_eq!(msg(b"\x0b\x77\0\0\0\x88"), "invalid bitstream_id 17");
        assert_eq!(msg(b"\x0bwII\x00\x00\xe3\xe3//"), "not enough data");
    }
}
