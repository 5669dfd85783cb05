//! One MPEG audio frame as mutagen reads it (`MPEGFrame`): the header, and
//! for layer III the Xing/Info or VBRI header that turns the frame into the
//! source of the stream's length and bitrate.

use std::borrow::Cow;

use crate::error::MpegError;
use crate::mpeg::header::{BitrateMode, FrameHeader};
use crate::mpeg::vbr::{VbriFixed, XingHeader, VBRI_FIXED_LEN, XING_MAX_LEN};
use crate::region::{Region, SliceRegion, SourceRegion};
use mtg_core::ByteSource;

/// The VBR header found in a frame.
#[derive(Debug, Clone, PartialEq)]
pub enum VbrHeader {
    /// A Xing or Info header.
    Xing(XingHeader),
    /// A VBRI header (its fixed part; the table of contents is not read).
    Vbri(VbriFixed),
}

/// A frame as mutagen's `MPEGFrame` holds it.
///
/// Without a VBR header the frame is "sketchy": only a run of following
/// frames makes it believable. With one, the stream values derived from it
/// are filled in (`length`, a recomputed `bitrate`, `bitrate_mode`, encoder
/// and ReplayGain values).
#[derive(Debug, Clone, PartialEq)]
pub struct MpegFrame {
    /// Offset of the frame header in the file.
    pub frame_offset: u64,
    /// The decoded header.
    pub header: FrameHeader,
    /// Frame length in bytes as mutagen counts it (see
    /// [`FrameHeader::frame_size`]).
    pub frame_size: u32,
    /// `false` when the frame carries a VBR header.
    pub sketchy: bool,
    /// Bitrate in bit/s: the header's, or the average from a VBR header.
    pub bitrate: u64,
    /// Stream length in seconds from the VBR header (`None` when the header
    /// gives no frame count, or there is none).
    pub length: Option<f64>,
    /// Bitrate mode from the VBR header.
    pub bitrate_mode: BitrateMode,
    /// Track ReplayGain from the LAME header.
    pub track_gain: Option<f64>,
    /// Track peak from the LAME header.
    pub track_peak: Option<f64>,
    /// Album ReplayGain from the LAME header.
    pub album_gain: Option<f64>,
    /// The VBR header, if one was found.
    pub vbr_header: Option<Box<VbrHeader>>,
}

impl MpegFrame {
    /// Parse the frame whose header starts at `offset` in `data` (all of the
    /// file, so that VBR headers and the file length are seen as mutagen
    /// sees them).
    pub fn from_bytes(data: &[u8], offset: u64) -> Result<MpegFrame, MpegError> {
        Self::read_in(&mut SliceRegion::new(data), offset)
    }

    /// Parse the frame whose header starts at `offset` in `src` (mutagen's
    /// `MPEGFrame(fileobj)` with the file at `offset`), reading only the
    /// header and the VBR header bytes.
    pub fn read<S: ByteSource + ?Sized>(src: &S, offset: u64) -> Result<MpegFrame, MpegError> {
        match src.as_bytes() {
            Some(data) => Self::read_in(&mut SliceRegion::new(data), offset),
            None => Self::read_in(&mut SourceRegion::new(src, 512), offset),
        }
    }

    /// Offset where mutagen looks for the next frame.
    pub fn next_offset(&self) -> u64 {
        self.frame_offset + u64::from(self.frame_size)
    }

    /// Number of channels (1 for mono, else 2).
    pub fn channels(&self) -> u32 {
        self.header.channels()
    }

    /// `"LAME <version>"` (a Xing header with a LAME version) or `"FhG"`
    /// (VBRI), else empty. Made when asked for, not when the frame is read.
    pub fn encoder_info(&self) -> Cow<'static, str> {
        match self.vbr_header.as_deref() {
            Some(VbrHeader::Xing(xing)) => match xing.lame_version_desc() {
                "" => Cow::Borrowed(""),
                desc => Cow::Owned(format!("LAME {desc}")),
            },
            Some(VbrHeader::Vbri(_)) => Cow::Borrowed("FhG"),
            None => Cow::Borrowed(""),
        }
    }

    /// The guessed LAME settings (e.g. `"-V 2"`), else empty. Made when
    /// asked for, not when the frame is read.
    pub fn encoder_settings(&self) -> String {
        match self.vbr_header.as_deref() {
            Some(VbrHeader::Xing(xing)) => xing.encoder_settings(),
            _ => String::new(),
        }
    }

    pub(crate) fn read_in<R: Region + ?Sized>(
        region: &mut R,
        offset: u64,
    ) -> Result<MpegFrame, MpegError> {
        let header = FrameHeader::parse(region.get(offset, 4)?)?;
        let mut frame = MpegFrame {
            frame_offset: offset,
            header,
            frame_size: header.frame_size(),
            sketchy: true,
            bitrate: u64::from(header.bitrate),
            length: None,
            bitrate_mode: BitrateMode::Unknown,
            track_gain: None,
            track_peak: None,
            album_gain: None,
            vbr_header: None,
        };
        if let (Some(xing_off), Some(vbri_off)) = (header.xing_offset(), header.vbri_offset()) {
            let at = offset.saturating_add(u64::from(xing_off));
            if let Ok(xing) = XingHeader::parse(region.get(at, XING_MAX_LEN)?) {
                frame.apply_xing(&xing);
                frame.vbr_header = Some(Box::new(VbrHeader::Xing(xing)));
            } else {
                let at = offset.saturating_add(u64::from(vbri_off));
                let available = region.total_len().saturating_sub(at);
                if let Ok((vbri, _)) = VbriFixed::parse(region.get(at, VBRI_FIXED_LEN)?, available)
                {
                    frame.apply_vbri(&vbri);
                    frame.vbr_header = Some(Box::new(VbrHeader::Vbri(vbri)));
                }
            }
        }
        Ok(frame)
    }

    fn apply_xing(&mut self, xing: &XingHeader) {
        let sample_rate = self.header.sample_rate;
        let lame = xing.lame_header.as_ref();
        self.sketchy = false;
        self.bitrate_mode = xing.bitrate_mode();
        if let Some(frames) = xing.frames {
            let mut samples = i64::from(self.header.samples_per_frame()) * i64::from(frames);
            if let Some(bytes) = xing.bytes {
                if samples > 0 {
                    // The Xing frame is counted in the bytes, not the frames.
                    let audio_bytes = (i64::from(bytes) - i64::from(self.frame_size)).max(0);
                    let exact = (audio_bytes * 8 * i64::from(sample_rate)) as f64 / samples as f64;
                    self.bitrate = exact.round_ties_even() as u64;
                }
            }
            if let Some(lame) = lame {
                samples -= i64::from(lame.encoder_delay_start);
                samples -= i64::from(lame.encoder_padding_end);
            }
            let samples = samples.max(0);
            self.length = Some(samples as f64 / f64::from(sample_rate));
        }
        if let Some(lame) = lame {
            self.track_gain = lame.track_gain_adjustment;
            self.track_peak = lame.track_peak;
            self.album_gain = lame.album_gain_adjustment;
        }
    }

    fn apply_vbri(&mut self, vbri: &VbriFixed) {
        self.bitrate_mode = BitrateMode::Vbr;
        self.sketchy = false;
        let samples = u64::from(self.header.samples_per_frame()) * u64::from(vbri.frames);
        let length = samples as f64 / f64::from(self.header.sample_rate);
        self.length = Some(length);
        if length != 0.0 {
            self.bitrate = (f64::from(vbri.bytes) * 8.0 / length) as u64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_xing_frames() {
        let mut data = vec![0u8; 417 * 2];
        data[..4].copy_from_slice(&[0xFF, 0xFB, 0x90, 0x44]);
        let f = MpegFrame::from_bytes(&data, 0).unwrap();
        assert!(f.sketchy);
        assert_eq!(f.next_offset(), 417);
        assert_eq!(f.bitrate, 128_000);
        assert_eq!(f.channels(), 2);

        // Xing with 100 frames and 41700 bytes.
        data[36..52].copy_from_slice(b"Xing\0\0\0\x03\0\0\0\x64\0\0\xa2\xe4");
        let f = MpegFrame::from_bytes(&data, 0).unwrap();
        assert!(!f.sketchy);
        assert_eq!(f.bitrate, 126_429);
        assert_eq!(f.length, Some(2.612_244_897_959_183_5));
        assert!(matches!(f.vbr_header.as_deref(), Some(VbrHeader::Xing(_))));

        // A VBRI header instead.
        data[36..52].fill(0);
        data[36..62].copy_from_slice(
            b"VBRI\0\x01\0\0\0\x64\0\x62\xdb\x91\0\0\x21\x3a\0\0\0\x01\0\x02\0\x01",
        );
        let f = MpegFrame::from_bytes(&data, 0).unwrap();
        assert_eq!(f.encoder_info(), "FhG");
        assert_eq!(f.bitrate, 233_260);
        assert_eq!(f.length, Some(222.197_551_020_408_16));
        assert!(MpegFrame::from_bytes(&data, 1).is_err());
        assert!(MpegFrame::from_bytes(&data, u64::MAX).is_err());
        let src = mtg_core::SliceSource::new(&data);
        assert_eq!(MpegFrame::read(&src, 0).unwrap(), f);
    }
}
