//! The ID3v2 tag header and extended header.
//!
//! The 10-byte header is `"ID3"`, the major version and revision, a flags
//! byte and the tag size as a 4-byte syncsafe integer (the size excludes the
//! header itself). Checks happen in mutagen's order, with mutagen's errors:
//!
//! 1. fewer than 10 bytes: [`NoHeaderReason::TooSmall`];
//! 2. no `"ID3"` magic: [`NoHeaderReason::NotId3`];
//! 3. major version not 2, 3 or 4: [`Id3Error::UnsupportedVersion`];
//! 4. a size byte with its top bit set: `error("Header size not synchsafe")`;
//! 5. flags the version does not define (v2.4: low nibble; v2.3: low five
//!    bits; v2.2: anything goes): [`Id3Error::InvalidFlags`].
//!
//! When the extended-header flag (`0x40`) is set, the extended header follows
//! (for v2.2 too, where the bit really means compression: mutagen reads it as
//! a v2.3 extended header). Broken taggers set the flag without writing one;
//! like mutagen, if the four bytes after the header name a frame mutagen
//! knows ([`crate::tag::MUTAGEN_FRAME_IDS`]) the flag is dropped and those
//! bytes are left for the frames. Otherwise:
//!
//! * v2.4: the size is syncsafe (else `error("Extended header size not
//!   synchsafe")`), counts its own four bytes and must be at least 4 (else
//!   `error("invalid extended header size")`);
//! * v2.3 (and v2.2): the size is a plain 32-bit integer that excludes its
//!   own four bytes; any value is accepted.
//!
//! Bytes missing for the extended header give an empty `error` (mutagen's
//! short read). The extended header's content is kept but not acted upon
//! (mutagen ignores CRCs, restrictions and the v2.3 padding size too).

use mtg_core::syncsafe;

use crate::error::{Id3Error, NoHeaderReason};

/// Length of the fixed ID3v2 header.
pub const HEADER_LEN: usize = 10;

/// Header flag: the tag is unsynchronised (v2.2/v2.3: as a whole; v2.4: every
/// frame is).
pub const FLAG_UNSYNC: u8 = 0x80;
/// Header flag: an extended header follows (v2.2: compression).
pub const FLAG_EXTENDED: u8 = 0x40;
/// Header flag: experimental tag.
pub const FLAG_EXPERIMENTAL: u8 = 0x20;
/// Header flag (v2.4): a footer follows the tag.
pub const FLAG_FOOTER: u8 = 0x10;

/// A parsed ID3v2 header, with its extended header if there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Id3Header {
    /// Major version: 2, 3 or 4.
    pub major: u8,
    /// Revision (the `y` of ID3v2.x.y), anything.
    pub revision: u8,
    /// The flags byte; the extended-header bit is cleared when the extended
    /// header turned out to be a frame (as mutagen's `_flags`).
    pub flags: u8,
    /// mutagen's `size`: the declared tag size plus the 10 header bytes
    /// (extended header included, footer excluded).
    pub size: u32,
    /// The extended header, when the (corrected) flags announce one.
    pub ext: Option<ExtHeader>,
}

/// An extended header as found in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtHeader {
    /// Bytes it occupies after the 10-byte header (size field included).
    pub len: u64,
    /// Its content after the size field (mutagen's `_extdata`).
    pub data: Vec<u8>,
    /// Major version of the tag it belongs to (the layouts differ).
    pub major: u8,
}

impl ExtHeader {
    /// The CRC-32 of the tag data, if the extended header carries one
    /// (v2.3: flag `0x8000`, 4 bytes after the padding size; v2.4: flag
    /// `0x20`, a 5-byte syncsafe integer). `None` if absent or malformed.
    pub fn crc(&self) -> Option<u32> {
        if self.major == 4 {
            let flags = self.v24_flags()?;
            if flags & 0x20 == 0 {
                return None;
            }
            // Flag data in order: update (0x40, no data), CRC (0x20).
            let mut pos = 2usize;
            if flags & 0x40 != 0 {
                pos += 1;
            }
            let len = *self.data.get(pos)?;
            if len != 5 {
                return None;
            }
            let bytes: [u8; 5] = self.data.get(pos + 1..pos + 6)?.try_into().ok()?;
            u32::try_from(syncsafe::decode_u35(bytes)).ok()
        } else {
            let flags = u16::from_be_bytes(self.data.get(..2)?.try_into().ok()?);
            if flags & 0x8000 == 0 {
                return None;
            }
            Some(u32::from_be_bytes(self.data.get(6..10)?.try_into().ok()?))
        }
    }

    /// v2.3: the padding size the extended header declares.
    pub fn padding_size(&self) -> Option<u32> {
        if self.major == 4 {
            return None;
        }
        Some(u32::from_be_bytes(self.data.get(2..6)?.try_into().ok()?))
    }

    /// v2.4: the extended flags byte (after the flag-byte count).
    pub fn v24_flags(&self) -> Option<u8> {
        if self.major != 4 || self.data.first() != Some(&1) {
            return None;
        }
        self.data.get(1).copied()
    }

    /// v2.4: is the tag an update of an earlier one (flag `0x40`)?
    pub fn is_update(&self) -> bool {
        self.v24_flags().is_some_and(|f| f & 0x40 != 0)
    }

    /// v2.4: the tag restrictions byte (flag `0x10`), if present.
    pub fn restrictions(&self) -> Option<u8> {
        let flags = self.v24_flags()?;
        if flags & 0x10 == 0 {
            return None;
        }
        let mut pos = 2usize;
        if flags & 0x40 != 0 {
            pos += 1;
        }
        if flags & 0x20 != 0 {
            pos += 1 + usize::from(*self.data.get(pos)?);
        }
        if *self.data.get(pos)? != 1 {
            return None;
        }
        self.data.get(pos + 1).copied()
    }
}

impl Id3Header {
    /// Parse the fixed 10-byte header (checks 1-5 of the
    /// [module documentation](self)); the extended header is not read, so
    /// `ext` is `None` even when [`FLAG_EXTENDED`] is set.
    pub fn parse_fixed(bytes: &[u8]) -> Result<Id3Header, Id3Error> {
        let Some(h) = bytes.get(..HEADER_LEN) else {
            return Err(Id3Error::NoHeader(NoHeaderReason::TooSmall));
        };
        let (magic, major, revision, flags, size_bytes) =
            (&h[..3], h[3], h[4], h[5], [h[6], h[7], h[8], h[9]]);
        if magic != b"ID3" {
            return Err(Id3Error::NoHeader(NoHeaderReason::NotId3));
        }
        if !(2..=4).contains(&major) {
            return Err(Id3Error::UnsupportedVersion { major });
        }
        if !syncsafe::is_syncsafe(&size_bytes) {
            return Err(Id3Error::Error("Header size not synchsafe".into()));
        }
        let invalid = match major {
            4 => flags & 0x0F,
            3 => flags & 0x1F,
            _ => 0,
        };
        if invalid != 0 {
            return Err(Id3Error::InvalidFlags { flags });
        }
        Ok(Id3Header {
            major,
            revision,
            flags,
            size: syncsafe::decode_u28(size_bytes) + HEADER_LEN as u32,
            ext: None,
        })
    }

    /// Parse the header and its extended header from `data`, the bytes from
    /// the start of the tag on (as many as are available).
    pub fn parse(data: &[u8]) -> Result<Id3Header, Id3Error> {
        let mut header = Id3Header::parse_fixed(data)?;
        header
            .read_ext(|offset, len| {
                let start = usize::try_from(offset).unwrap_or(usize::MAX);
                let end = start.saturating_add(len).min(data.len());
                Ok(std::borrow::Cow::Borrowed(
                    data.get(start..end).unwrap_or_default(),
                ))
            })
            .map_err(|e| match Id3Error::find(&e) {
                Some(id3) => id3.clone(),
                None => Id3Error::truncated(),
            })?;
        Ok(header)
    }

    /// Read the extended header, if the flags announce one, through `read`
    /// (`read(offset, len)` returns up to `len` bytes at `offset` from the
    /// start of the tag; fewer only at the end of the data).
    pub fn read_ext<'r, F>(&mut self, mut read: F) -> mtg_core::Result<()>
    where
        F: FnMut(u64, usize) -> mtg_core::Result<std::borrow::Cow<'r, [u8]>>,
    {
        if self.flags & FLAG_EXTENDED == 0 {
            return Ok(());
        }
        let size_bytes: [u8; 4] = read(HEADER_LEN as u64, 4)?
            .as_ref()
            .try_into()
            .map_err(|_| Id3Error::truncated())?;
        if crate::tag::is_mutagen_frame_id(&size_bytes) {
            // Not an extended header but the first frame.
            self.flags &= !FLAG_EXTENDED;
            return Ok(());
        }
        let (data_len, len) = if self.major == 4 {
            if !syncsafe::is_syncsafe(&size_bytes) {
                return Err(Id3Error::Error("Extended header size not synchsafe".into()).into());
            }
            let size = u64::from(syncsafe::decode_u28(size_bytes));
            if size < 4 {
                return Err(Id3Error::Error("invalid extended header size".into()).into());
            }
            (size - 4, size)
        } else {
            let size = u64::from(u32::from_be_bytes(size_bytes));
            (size, size + 4)
        };
        let want = usize::try_from(data_len).map_err(|_| Id3Error::truncated())?;
        let data = read(HEADER_LEN as u64 + 4, want)?;
        if data.len() != want {
            return Err(Id3Error::truncated().into());
        }
        self.ext = Some(ExtHeader {
            len,
            data: data.into_owned(),
            major: self.major,
        });
        Ok(())
    }

    /// mutagen's `version`: `(2, major, revision)`.
    pub fn version(&self) -> (u8, u8, u8) {
        (2, self.major, self.revision)
    }

    /// Is the unsynchronisation flag set?
    pub fn unsync(&self) -> bool {
        self.flags & FLAG_UNSYNC != 0
    }

    /// Is there an extended header (after correction)?
    pub fn extended(&self) -> bool {
        self.flags & FLAG_EXTENDED != 0
    }

    /// Is the experimental flag set?
    pub fn experimental(&self) -> bool {
        self.flags & FLAG_EXPERIMENTAL != 0
    }

    /// Is the footer flag set? (mutagen accepts it and ignores the footer.)
    pub fn footer(&self) -> bool {
        self.flags & FLAG_FOOTER != 0
    }

    /// Bytes the extended header occupies after the 10-byte header.
    pub fn ext_len(&self) -> u64 {
        self.ext.as_ref().map_or(0, |e| e.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(data: &[u8]) -> Id3Error {
        Id3Header::parse(data).unwrap_err()
    }

    #[test]
    fn fixed() {
        assert_eq!(err(b""), Id3Error::NoHeader(NoHeaderReason::TooSmall));
        assert_eq!(
            err(b"ID3\x01\x00\x00\x00\x00\x00"),
            Id3Error::NoHeader(NoHeaderReason::TooSmall)
        );
        assert_eq!(
            err(b"id3\x04\x00\x00\x00\x00\x00\x00"),
            Id3Error::NoHeader(NoHeaderReason::NotId3)
        );
        assert_eq!(
            err(b"ID3\x01\x00\x00\x00\x00\x00\x00"),
            Id3Error::UnsupportedVersion { major: 1 }
        );
        assert_eq!(
            err(b"ID3\x05\x00\x0f\x80\x00\x00\x00"),
            Id3Error::UnsupportedVersion { major: 5 }
        );
        assert_eq!(
            err(b"ID3\x04\x00\x0f\x80\x00\x00\x00"),
            Id3Error::Error("Header size not synchsafe".into())
        );
        assert_eq!(
            err(b"ID3\x04\x00\x1f\x00\x00\x00\x00"),
            Id3Error::InvalidFlags { flags: 0x1f }
        );
        assert_eq!(
            err(b"ID3\x03\x00\x10\x00\x00\x00\x00"),
            Id3Error::InvalidFlags { flags: 0x10 }
        );
        let h = Id3Header::parse(b"ID3\x02\x00\x1f\x00\x00\x00\x00").unwrap();
        assert_eq!(h.version(), (2, 2, 0));
        let h = Id3Header::parse(b"ID3\x04\x00\x10\x00\x00\x00\x00").unwrap();
        assert!(h.footer());
        let h = Id3Header::parse(b"ID3\x04\x03\x00\x7f\x7f\x7f\x7f").unwrap();
        assert_eq!(h.size, (1 << 28) - 1 + 10);
        assert_eq!(h.version(), (2, 4, 3));
    }

    #[test]
    fn extended() {
        let h = Id3Header::parse(b"ID3\x04\x00\x40\x00\x00\x00\x00\x00\x00\x00\x05\x5a").unwrap();
        assert_eq!(h.ext.as_ref().unwrap().data, b"\x5a");
        assert_eq!(h.ext_len(), 5);
        assert_eq!(
            err(b"ID3\x04\x00\x40\x00\x00\x00\x00\x00\x00\x00\xFF\x5a"),
            Id3Error::Error("Extended header size not synchsafe".into())
        );
        let h = Id3Header::parse(b"ID3\x04\x00\x40\x00\x00\x00\x00TIT1\x00\x00\x00\x01a").unwrap();
        assert!(!h.extended() && h.ext.is_none() && h.flags == 0);
        assert_eq!(
            err(b"ID3\x04\x00\x40\x00\x00\x00\x00TIT9"),
            Id3Error::truncated()
        );
        assert_eq!(
            err(b"ID3\x04\x00\x40\x00\x00\x00\x00\x00\x00\x00\x03"),
            Id3Error::Error("invalid extended header size".into())
        );
        let h = Id3Header::parse(
            b"ID3\x03\x00\x40\x00\x00\x00\x00\x00\x00\x00\x06\x00\x00\x56\x78\x9a\xbc",
        )
        .unwrap();
        let ext = h.ext.unwrap();
        assert_eq!(ext.data, b"\x00\x00\x56\x78\x9a\xbc");
        assert_eq!(ext.len, 10);
        assert_eq!(ext.padding_size(), Some(0x56789abc));
        assert_eq!(ext.crc(), None);
        // v2.3 with CRC.
        let h = Id3Header::parse(
            b"ID3\x03\x00\x40\x00\x00\x00\x00\x00\x00\x00\x0a\x80\x00\x00\x00\x00\x00\x12\x34\x56\x78",
        )
        .unwrap();
        assert_eq!(h.ext.unwrap().crc(), Some(0x12345678));
        // v2.4 with update, CRC and restrictions.
        let h = Id3Header::parse(
            b"ID3\x04\x00\x40\x00\x00\x00\x00\x00\x00\x00\x0f\x01\x70\x00\x05\x00\x00\x00\x01\x7f\x01\x42",
        )
        .unwrap();
        let ext = h.ext.unwrap();
        assert!(ext.is_update());
        assert_eq!(ext.crc(), Some(0xff));
        assert_eq!(ext.restrictions(), Some(0x42));
        // Flags set, nothing after the header.
        assert_eq!(
            err(b"ID3\x03\x00\x40\x00\x00\x00\x00"),
            Id3Error::truncated()
        );
    }
}
