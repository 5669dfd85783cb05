//! MPEG audio (MP3) frame headers, Xing/Info/LAME/VBRI, length and bitrate;
//! AAC ADTS/ADIF and AC-3/E-AC-3 stream information — read exactly as
//! mutagen 1.48.1 reads them, down to the last digit of its floats.
//!
//! * [`mpeg`]: MPEG-1/2/2.5 layers I–III: [`MpegInfo`] (mutagen's
//!   `mutagen.mp3.MPEGInfo`), [`MpegFrame`] (`MPEGFrame`), the pure header
//!   parsers of `mutagen.mp3._util` ([`XingHeader`], [`VbriHeader`],
//!   [`LameHeader`], [`LameVersion`]), [`iter_sync`] and [`skip_id3`].
//! * [`aac`]: raw AAC in ADTS frames or with an ADIF header: [`AacInfo`]
//!   (`mutagen.aac.AACInfo`).
//! * [`ac3`]: AC-3 and E-AC-3: [`Ac3Info`] (`mutagen.ac3.AC3Info`).
//! * [`error`]: the errors, each naming the Python exception mutagen
//!   raises ([`PyException`]) and carrying its message.
//!
//! Files are read through [`mtg_core::ByteSource`] with few positional reads:
//! the bytes where the first frames are (growing the buffer only when the
//! stream needs more) and the file length; never the whole audio. Every
//! search is bounded (1 MiB and 1499 syncs for MPEG, 10 attempts of at most
//! 512 + 100 frames for ADTS), so any input is accepted or rejected quickly.
//!
//! ```
//! use mtg_mpeg::{MpegInfo, BitrateMode};
//!
//! // Four MPEG-1 layer III frames, 128 kbit/s, 44.1 kHz, joint stereo.
//! let mut frame = vec![0u8; 417];
//! frame[..4].copy_from_slice(&[0xFF, 0xFB, 0x90, 0x44]);
//! let data = frame.repeat(4);
//! let info = MpegInfo::from_bytes(&data, None).unwrap();
//! assert_eq!((info.bitrate, info.sample_rate, info.channels), (128_000, 44100, 2));
//! assert_eq!(info.length, 0.10425);
//! assert_eq!(info.bitrate_mode, BitrateMode::Unknown);
//! assert!(!info.sketchy);
//! ```
#![forbid(unsafe_code)]

pub mod aac;
pub mod ac3;
mod bits;
pub mod error;
pub mod mpeg;
mod region;

pub use aac::{AacInfo, AacKind};
pub use ac3::{Ac3Codec, Ac3Info};
pub use error::{
    AacError, Ac3Error, LameError, MpegError, PyException, VbriHeaderError, XingHeaderError,
};
pub use mpeg::{
    iter_sync, skip_id3, skip_id3_bytes, BitrateMode, FrameHeader, LameHeader, LameVersion,
    MpegFrame, MpegInfo, MpegVersion, VbrHeader, VbriFixed, VbriHeader, VbriHeaderReadError,
    XingHeader, DUALCHANNEL, JOINTSTEREO, MONO, STEREO,
};
