//! The LAME extension of the Xing/Info tag: the encoder version string and
//! the 27 bytes after it (ReplayGain, gapless delay/padding, encoder
//! settings), and the guess of the command line that produced a file.

use crate::error::LameError;

/// The encoder version read from the 20 bytes after the Xing fields
/// (mutagen's `LAMEHeader.parse_version`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LameVersion {
    /// Major version (a single digit).
    pub major: u8,
    /// Minor version (as many digits as the string holds).
    pub minor: u64,
    /// Human-readable version, e.g. `"3.99.1+"`, `"3.97.0"`, `"3.88 (beta)"`.
    pub desc: String,
    /// `true` for LAME 3.90 and later, whose tag carries a
    /// [`LameHeader`] right after the 9-byte version string.
    pub is_new: bool,
}

impl LameVersion {
    /// Bytes mutagen's parser leaves consumed: 9 for a 3.90+ version (the
    /// LAME header follows), else 20.
    pub fn consumed(&self) -> usize {
        if self.is_new {
            9
        } else {
            20
        }
    }

    /// Parse the version at the start of `data` (at least 20 bytes are
    /// needed, as in mutagen).
    ///
    /// The string starts `LAME` or `L3.99`; after the leading `L`, `A`,
    /// `M`, `E` characters come a one-digit major, dots, and the minor
    /// digits. Versions before 3.90 (and 3.90 followed by `" ("`) are "old":
    /// the rest of the 20 bytes, stripped, is appended to the description.
    /// Newer versions must end within the 9-byte version field; the
    /// character(s) after the minor number become `.1+` (`r`), `.0`
    /// (space, 3.97+), `.0+`, ` (alpha)`, ` (beta)` or ` (?)`.
    pub fn parse(data: &[u8]) -> Result<LameVersion, LameError> {
        let Some(d) = data.get(..20) else {
            return Err(LameError::NotLame);
        };
        if !(d.starts_with(b"LAME") || d.starts_with(b"L3.99")) {
            return Err(LameError::NotLame);
        }
        let mut i = d.iter().take_while(|c| b"EMAL".contains(c)).count();
        let major = match d.get(i) {
            Some(c) if c.is_ascii_digit() => c - b'0',
            _ => return Err(LameError::BadVersion),
        };
        i += 1;
        i += d[i..].iter().take_while(|&&c| c == b'.').count();
        let digits = d[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return Err(LameError::BadVersion);
        }
        // At most 15 digits: fits.
        let minor = d[i..i + digits]
            .iter()
            .fold(0u64, |acc, c| acc * 10 + u64::from(c - b'0'));
        let end = i + digits;
        let rest = &d[end..];
        let version = (major, minor);
        if version < (3, 90) || (version == (3, 90) && end <= 9 && d[9] == b'(') {
            let flag = rstrip_whitespace(strip_nul(rest));
            let flag = if flag.is_ascii() {
                flag.iter().map(|&c| char::from(c)).collect()
            } else {
                " (?)".to_owned()
            };
            return Ok(LameVersion {
                major,
                minor,
                desc: format!("{major}.{minor}{flag}"),
                is_new: false,
            });
        }
        if end > 9 {
            return Err(LameError::TooLong);
        }
        let mut flag = &d[end..9];
        while let [head @ .., 0] = flag {
            flag = head;
        }
        let suffix = match flag {
            b"r" => ".1+",
            b" " if version >= (3, 97) => ".0",
            b"" | b"." | b" " => ".0+",
            b"a" => " (alpha)",
            b"b" => " (beta)",
            _ => " (?)",
        };
        Ok(LameVersion {
            major,
            minor,
            desc: format!("{major}.{minor}{suffix}"),
            is_new: true,
        })
    }
}

/// Strip NUL bytes from both ends.
fn strip_nul(mut s: &[u8]) -> &[u8] {
    while let [0, tail @ ..] = s {
        s = tail;
    }
    while let [head @ .., 0] = s {
        s = head;
    }
    s
}

/// Strip trailing ASCII whitespace as Python's `bytes.rstrip()` does.
fn rstrip_whitespace(mut s: &[u8]) -> &[u8] {
    while let [head @ .., last] = s {
        if matches!(last, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            s = head;
        } else {
            break;
        }
    }
    s
}

/// The LAME header proper: the 27 bytes after the 9-byte version string of
/// a LAME 3.90+ tag (mutagen's `LAMEHeader`).
#[derive(Debug, Clone, PartialEq)]
pub struct LameHeader {
    /// VBR method (0 unknown, 1 CBR, 2 ABR, 3 VBR old/rh, 4 VBR mtrh,
    /// 5 VBR mt, 6, 8 CBR 2-pass, 9 ABR 2-pass).
    pub vbr_method: u8,
    /// Lowpass filter in Hz (the byte times 100).
    pub lowpass_filter: u32,
    /// Quality (the `-q` value), derived from the Xing VBR scale:
    /// `(100 - vbr_scale) mod 10` (Python's floor modulo).
    pub quality: i64,
    /// VBR quality (the `-V` value): `(100 - vbr_scale) div 10` (floor).
    pub vbr_quality: i64,
    /// Peak signal amplitude (the 32-bit value / 2^23), `None` when 0.
    pub track_peak: Option<f64>,
    /// Originator code of the radio (track) ReplayGain field.
    pub track_gain_origin: u8,
    /// Radio ReplayGain in dB, `None` unless the field's name code is 1.
    pub track_gain_adjustment: Option<f64>,
    /// Originator code of the audiophile (album) ReplayGain field.
    pub album_gain_origin: u8,
    /// Audiophile ReplayGain in dB, `None` unless the field's name code is 2.
    /// As in mutagen, the field's sign bit is ignored (never negative).
    pub album_gain_adjustment: Option<f64>,
    /// Encoding flags (nspsytune, nssafejoint, nogap next/previous).
    pub encoding_flags: u8,
    /// ATH type.
    pub ath_type: u8,
    /// Bitrate byte: the ABR target or minimal bitrate, kbit/s (255 = 255+).
    pub bitrate: u8,
    /// Encoder delay in samples (start padding).
    pub encoder_delay_start: u16,
    /// Padding at the end in samples.
    pub encoder_padding_end: u16,
    /// Source sample frequency code.
    pub source_sample_frequency_enum: u8,
    /// Unwise settings used (0 or 1; a Python `int` in mutagen).
    pub unwise_setting_used: u8,
    /// Stereo mode code.
    pub stereo_mode: u8,
    /// Noise shaping.
    pub noise_shaping: u8,
    /// MP3Gain change in 1.5 dB steps (sign and magnitude).
    pub mp3_gain: i8,
    /// Surround info.
    pub surround_info: u8,
    /// Preset used (11 bits).
    pub preset_used: u16,
    /// Music length in bytes.
    pub music_length: u32,
    /// CRC-16 of the music.
    pub music_crc: u16,
    /// CRC-16 of the tag.
    pub header_crc: u16,
}

impl LameHeader {
    /// Bytes of the header.
    pub const LEN: usize = 27;

    /// Parse the 27 bytes at the start of `data`; `vbr_scale` is the Xing
    /// header's VBR scale, -1 when absent (mutagen derives the quality
    /// values from it).
    pub fn parse(vbr_scale: i64, data: &[u8]) -> Result<LameHeader, LameError> {
        let Some(d) = data.get(..Self::LEN) else {
            return Err(LameError::NotEnoughData);
        };
        let revision = d[0] >> 4;
        if revision != 0 {
            return Err(LameError::UnsupportedRevision(revision));
        }
        let be16 = |i: usize| u16::from_be_bytes([d[i], d[i + 1]]);
        let be32 = |i: usize| u32::from_be_bytes([d[i], d[i + 1], d[i + 2], d[i + 3]]);
        let q = 100i64.saturating_sub(vbr_scale);
        let peak = be32(2);
        // name (3 bits), originator (3), sign (1), value in 0.1 dB (9).
        let gain = |raw: u16| {
            let name = raw >> 13;
            let origin = ((raw >> 10) & 7) as u8;
            let value = f64::from(raw & 0x1FF) / 10.0;
            (name, origin, value, raw & 0x200 != 0)
        };
        let (track_name, track_gain_origin, track_value, track_negative) = gain(be16(6));
        let track_value = if track_negative {
            -track_value
        } else {
            track_value
        };
        // mutagen ignores the sign of the album gain.
        let (album_name, album_gain_origin, album_value, _) = gain(be16(8));
        let gain_byte = d[16];
        let magnitude = (gain_byte & 0x7F) as i8;
        let surround_preset = be16(17);
        Ok(LameHeader {
            vbr_method: d[0] & 0x0F,
            lowpass_filter: u32::from(d[1]) * 100,
            quality: q.rem_euclid(10),
            vbr_quality: q.div_euclid(10),
            track_peak: (peak != 0).then(|| f64::from(peak) / 8_388_608.0),
            track_gain_origin,
            track_gain_adjustment: (track_name == 1).then_some(track_value),
            album_gain_origin,
            album_gain_adjustment: (album_name == 2).then_some(album_value),
            encoding_flags: d[10] >> 4,
            ath_type: d[10] & 0x0F,
            bitrate: d[11],
            encoder_delay_start: (u16::from(d[12]) << 4) | u16::from(d[13] >> 4),
            encoder_padding_end: (u16::from(d[13] & 0x0F) << 8) | u16::from(d[14]),
            source_sample_frequency_enum: d[15] >> 6,
            unwise_setting_used: (d[15] >> 5) & 1,
            stereo_mode: (d[15] >> 2) & 7,
            noise_shaping: d[15] & 3,
            mp3_gain: if gain_byte & 0x80 != 0 {
                -magnitude
            } else {
                magnitude
            },
            surround_info: ((surround_preset >> 11) & 7) as u8,
            preset_used: surround_preset & 0x7FF,
            music_length: be32(19),
            music_crc: be16(23),
            header_crc: be16(25),
        })
    }

    /// The LAME command line that most likely produced the file, for an
    /// encoder of version `major.minor` (mutagen's `guess_settings`), or an
    /// empty string.
    pub fn guess_settings(&self, major: u64, minor: u64) -> String {
        let version = (major, minor);
        let vq = self.vbr_quality;
        let br = self.bitrate;
        let old_390 = matches!(version, (3, 90..=92));
        match self.vbr_method {
            2 => {
                if old_390 && self.encoding_flags != 0 {
                    return if br < 255 {
                        format!("--alt-preset {br}")
                    } else {
                        format!("--alt-preset {br}+")
                    };
                }
                if self.preset_used != 0 {
                    return format!("--preset {}", self.preset_used);
                }
                return if br < 255 {
                    format!("--abr {br}")
                } else {
                    format!("--abr {br}+")
                };
            }
            1 => {
                return match self.preset_used {
                    0 if br < 255 => format!("-b {br}"),
                    0 => "-b 255+".to_owned(),
                    1003 => "--preset insane".to_owned(),
                    p => format!("-b {p}"),
                };
            }
            _ => {}
        }
        let vm = self.vbr_method;
        if old_390 {
            let key = (vq, self.quality, vm, self.lowpass_filter, self.ath_type);
            match key {
                (1, 2, 4, 19500, 3) => return "--preset r3mix".to_owned(),
                (2, 2, 3, 19000, 4) => return "--alt-preset standard".to_owned(),
                (2, 2, 3, 19500, 2) => return "--alt-preset extreme".to_owned(),
                _ => {}
            }
            match vm {
                3 => format!("-V {vq}"),
                4 | 5 => format!("-V {vq} --vbr-new"),
                _ => String::new(),
            }
        } else if matches!(version, (3, 93..=97)) {
            let preset = match self.preset_used {
                1001 => Some("--preset standard"),
                1002 => Some("--preset extreme"),
                1004 => Some("--preset fast standard"),
                1005 => Some("--preset fast extreme"),
                1006 => Some("--preset medium"),
                1007 => Some("--preset fast medium"),
                _ => None,
            };
            if let Some(p) = preset {
                return p.to_owned();
            }
            match vm {
                3 => format!("-V {vq}"),
                4 | 5 => format!("-V {vq} --vbr-new"),
                _ => String::new(),
            }
        } else if version == (3, 98) {
            match vm {
                3 => format!("-V {vq} --vbr-old"),
                4 | 5 => format!("-V {vq}"),
                _ => String::new(),
            }
        } else if version >= (3, 99) {
            match vm {
                3 => format!("-V {vq} --vbr-old"),
                4 | 5 => {
                    // LAME 3.99 wrote some low -V settings with the wrong
                    // quality value; mutagen maps them back.
                    let v = match (vq, br, self.lowpass_filter) {
                        (5, 32, 0) => 7,
                        (5, 8, 0) => 8,
                        (6, 8, 0) => 9,
                        _ => vq,
                    };
                    format!("-V {v}")
                }
                _ => String::new(),
            }
        } else {
            String::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pv(s: &[u8]) -> Result<(String, bool), LameError> {
        let mut d = s.to_vec();
        d.resize(20.max(s.len()), 0);
        LameVersion::parse(&d).map(|v| (v.desc, v.is_new))
    }

    #[test]
    fn versions_from_mutagen_tests() {
        let ok = |s: &[u8], desc: &str, new: bool| assert_eq!(pv(s), Ok((desc.into(), new)));
        ok(b"LAME3.80", "3.80", false);
        ok(b"LAME3.80 ", "3.80", false);
        ok(b"LAME3.88 (beta)", "3.88 (beta)", false);
        ok(b"LAME3.90 (alpha)", "3.90 (alpha)", false);
        ok(b"LAME3.80 (no-ascii-\xff)", "3.80 (?)", false);
        ok(b"LAME3.90 ", "3.90.0+", true);
        ok(b"LAME3.96a", "3.96 (alpha)", true);
        ok(b"LAME3.96b", "3.96 (beta)", true);
        ok(b"LAME3.96x", "3.96 (?)", true);
        ok(b"LAME3.98 ", "3.98.0", true);
        ok(b"LAME3.96r", "3.96.1+", true);
        ok(b"L3.99r", "3.99.1+", true);
        ok(b"LAME3100r", "3.100.1+", true);
        ok(b"LAME3.90.\x03\xbe\x00", "3.90.0+", true);
        ok(b"LAME3.100", "3.100.0+", true);
        ok(b"LAME3.80\x00\x00ab", "3.80ab", false);
        ok(b"LAMEA3.99r", "3.99.0+", true);
        assert_eq!(pv(b""), Err(LameError::NotLame));
        assert_eq!(pv(b"LAME"), Err(LameError::BadVersion));
        assert_eq!(pv(b"LAME3.9999"), Err(LameError::TooLong));
        assert_eq!(pv(b"L3.9"), Err(LameError::NotLame));
        assert_eq!(
            LameVersion::parse(b"LAME3.99r\0\0\0\0\0\0\0\0\0\0"),
            Err(LameError::NotLame)
        );
    }

    #[test]
    fn header_fields() {
        let d = b"\x04\xb9\x00\x00\x00\x00,<\x00\x005 $\x05#M\x00\x01\xe0\x00\x00\x08&J&\xa6\x02";
        let h = LameHeader::parse(80, d).unwrap();
        assert_eq!((h.vbr_method, h.lowpass_filter), (4, 18500));
        assert_eq!((h.quality, h.vbr_quality), (0, 2));
        assert_eq!(h.track_gain_adjustment, Some(6.0));
        assert_eq!(h.track_gain_origin, 3);
        assert_eq!(h.album_gain_adjustment, None);
        assert_eq!((h.encoding_flags, h.ath_type, h.bitrate), (3, 5, 32));
        assert_eq!((h.encoder_delay_start, h.encoder_padding_end), (576, 1315));
        assert_eq!(h.preset_used, 480);
        assert_eq!(
            (h.music_length, h.music_crc, h.header_crc),
            (2086, 18982, 42498)
        );
        assert_eq!(h.guess_settings(3, 99), "-V 2");
        assert_eq!(h.guess_settings(3, 97), "-V 2 --vbr-new");
        assert_eq!(h.guess_settings(3, 89), "");
        let mut x = h.clone();
        x.vbr_method = 2;
        x.bitrate = 255;
        assert_eq!(x.guess_settings(3, 91), "--alt-preset 255+");
        assert_eq!(
            LameHeader::parse(-1, &d[..26]),
            Err(LameError::NotEnoughData)
        );
        let mut bad = *d;
        bad[0] = 0x44;
        assert_eq!(
            LameHeader::parse(-1, &bad),
            Err(LameError::UnsupportedRevision(4))
        );
        let h = LameHeader::parse(4_294_967_295, d).unwrap();
        assert_eq!((h.quality, h.vbr_quality), (5, -429_496_720));
    }
}
