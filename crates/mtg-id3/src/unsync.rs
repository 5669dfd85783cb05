//! ID3v2 unsynchronisation.
//!
//! Encoding inserts a zero byte after every `0xFF` that is followed by a byte
//! `>= 0xE0` or by `0x00`, and after a `0xFF` that ends the data, so that the
//! result never contains an MPEG sync pattern. Decoding removes the zero byte
//! after each `0xFF` and rejects data that encoding could not have produced:
//! a `0xFF` followed by a byte `>= 0xE0` (Python `ValueError("invalid
//! sync-safe string")`) or a `0xFF` at the very end (`ValueError("string
//! ended unsafe")`, which wins when both apply), as mutagen's
//! `unsynch.decode` does.
//!
//! Both directions borrow the input when there is nothing to change.

use std::borrow::Cow;

use crate::error::Id3Error;

/// Why unsynchronised data could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsyncError {
    /// A `0xFF` followed by a byte `>= 0xE0` at this position.
    InvalidSequence {
        /// Offset of the `0xFF` in the input.
        position: usize,
    },
    /// The data ends with a `0xFF`.
    EndedUnsafe,
}

impl UnsyncError {
    /// mutagen's message for this failure.
    pub fn message(self) -> &'static str {
        match self {
            UnsyncError::InvalidSequence { .. } => "invalid sync-safe string",
            UnsyncError::EndedUnsafe => "string ended unsafe",
        }
    }
}

impl std::fmt::Display for UnsyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for UnsyncError {}

impl From<UnsyncError> for Id3Error {
    fn from(e: UnsyncError) -> Self {
        Id3Error::ValueError(Cow::Borrowed(e.message()))
    }
}

impl From<UnsyncError> for mtg_core::Error {
    fn from(e: UnsyncError) -> Self {
        Id3Error::from(e).into()
    }
}

/// Decode unsynchronised data; borrows `data` when it holds no `0xFF`.
pub fn decode(data: &[u8]) -> Result<Cow<'_, [u8]>, UnsyncError> {
    let Some(first) = memchr::memchr(0xFF, data) else {
        return Ok(Cow::Borrowed(data));
    };
    // mutagen checks the end first: "\xff\xe0\xff" ended unsafe.
    if data.last() == Some(&0xFF) {
        return Err(UnsyncError::EndedUnsafe);
    }
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(data.get(..first).unwrap_or_default());
    let mut i = first;
    while let Some(&b) = data.get(i) {
        out.push(b);
        i += 1;
        if b != 0xFF {
            continue;
        }
        match data.get(i) {
            None => return Err(UnsyncError::EndedUnsafe), // not reached
            Some(0x00) => i += 1,
            Some(&next) if next >= 0xE0 => {
                return Err(UnsyncError::InvalidSequence { position: i - 1 })
            }
            Some(_) => {}
        }
    }
    Ok(Cow::Owned(out))
}

/// Does a `0xFF` at `index` of `data` need a zero byte inserted after it?
fn needs_zero(data: &[u8], index: usize) -> bool {
    match data.get(index + 1) {
        None => true,
        Some(&next) => next == 0x00 || next >= 0xE0,
    }
}

/// Unsynchronise `data`; borrows it when nothing needs to change.
pub fn encode(data: &[u8]) -> Cow<'_, [u8]> {
    let first = memchr::memchr_iter(0xFF, data).find(|&i| needs_zero(data, i));
    let Some(first) = first else {
        return Cow::Borrowed(data);
    };
    let mut out = Vec::with_capacity(data.len() + data.len() / 16 + 1);
    out.extend_from_slice(data.get(..first).unwrap_or_default());
    for (i, &b) in data.iter().enumerate().skip(first) {
        out.push(b);
        if b == 0xFF && needs_zero(data, i) {
            out.push(0x00);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pairs of mutagen's own unsynchronisation test.
    const PAIRS: &[(&[u8], &[u8])] = &[
        (b"", b""),
        (b"\x00", b"\x00"),
        (b"\x44", b"\x44"),
        (b"\x44\xff", b"\x44\xff\x00"),
        (b"\xe0", b"\xe0"),
        (b"\xe0\xe0", b"\xe0\xe0"),
        (b"\xe0\xff", b"\xe0\xff\x00"),
        (b"\xff", b"\xff\x00"),
        (b"\xff\x00", b"\xff\x00\x00"),
        (b"\xff\x00\x00", b"\xff\x00\x00\x00"),
        (b"\xff\x01", b"\xff\x01"),
        (b"\xff\x44", b"\xff\x44"),
        (b"\xff\xe0", b"\xff\x00\xe0"),
        (b"\xff\xe0\xff", b"\xff\x00\xe0\xff\x00"),
        (b"\xff\xf0\x0f\x00", b"\xff\x00\xf0\x0f\x00"),
        (b"\xff\xff", b"\xff\x00\xff\x00"),
        (b"\xff\xff\x01", b"\xff\x00\xff\x01"),
        (b"\xff\xff\xff\xff", b"\xff\x00\xff\x00\xff\x00\xff\x00"),
    ];

    #[test]
    fn pairs() {
        for &(d, e) in PAIRS {
            assert_eq!(&*encode(d), e, "encode {d:?}");
            assert_eq!(&*decode(e).unwrap(), d, "decode {e:?}");
            assert_eq!(&*decode(&encode(e)).unwrap(), e);
            let ee = [e, e].concat();
            let dd = [d, d].concat();
            assert_eq!(&*decode(&ee).unwrap(), &dd[..]);
        }
    }

    #[test]
    fn invalid() {
        assert_eq!(decode(b"\xff\xff\xff\xff"), Err(UnsyncError::EndedUnsafe));
        assert_eq!(
            decode(b"\xff\xff\x00"),
            Err(UnsyncError::InvalidSequence { position: 0 })
        );
        assert!(decode(b"\xff\xf0\x0f\x00").is_err());
        assert!(decode(b"\xff\xe0").is_err());
        assert_eq!(decode(b"\xff"), Err(UnsyncError::EndedUnsafe));
        assert_eq!(decode(b"\xff\x00\xff"), Err(UnsyncError::EndedUnsafe));
        assert_eq!(decode(b"\xff\xe0\xff"), Err(UnsyncError::EndedUnsafe));
        assert_eq!(decode(b"\xff\xff"), Err(UnsyncError::EndedUnsafe));
        assert_eq!(
            decode(b"ab\xff\x00\xff\xfe"),
            Err(UnsyncError::InvalidSequence { position: 4 })
        );
        assert_eq!(
            &*decode(b"\xff\x01\xff\x00\x00").unwrap(),
            b"\xff\x01\xff\x00"
        );
        let e: Id3Error = UnsyncError::EndedUnsafe.into();
        assert_eq!(e, Id3Error::ValueError("string ended unsafe".into()));
    }

    #[test]
    fn borrows_when_unchanged() {
        assert!(matches!(decode(b"abc"), Ok(Cow::Borrowed(_))));
        assert!(matches!(encode(b"a\xff\x01"), Cow::Borrowed(_)));
        assert!(matches!(encode(b"a\xff"), Cow::Owned(_)));
    }
}
