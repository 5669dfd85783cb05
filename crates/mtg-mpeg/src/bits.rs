//! A bit cursor over a [`Region`] that fails exactly where mutagen's own bit
//! reader fails.
//!
//! mutagen reads codec headers through a bit reader over the file object:
//! reading bits needs the bytes that hold them, but skipping a run of whole
//! bytes only moves the file position, so it "succeeds" past the end of the
//! file (the next read then fails). Which header mutagen accepts, and where
//! it thinks a header ends (which enters its length estimates), depends on
//! that, so [`PyBits`] reproduces it. Values are read with
//! [`mtg_core::BitReader`].

use mtg_core::BitReader;

use crate::region::Region;

/// Why a bit read failed.
#[derive(Debug)]
pub(crate) enum BitsError {
    /// The data ends first (mutagen's `BitReaderError: not enough data`).
    NotEnoughData,
    /// The byte source failed.
    Io(mtg_core::Error),
}

impl From<mtg_core::Error> for BitsError {
    fn from(e: mtg_core::Error) -> Self {
        BitsError::Io(e)
    }
}

/// A bit position in a [`Region`], with mutagen's failure rules.
pub(crate) struct PyBits<'r, R: Region + ?Sized> {
    region: &'r mut R,
    /// Absolute position in bits.
    pos: u64,
}

impl<'r, R: Region + ?Sized> PyBits<'r, R> {
    /// A cursor at byte `byte_pos`.
    pub(crate) fn new(region: &'r mut R, byte_pos: u64) -> Self {
        PyBits {
            region,
            pos: byte_pos.saturating_mul(8),
        }
    }

    fn total_bits(&self) -> u64 {
        self.region.total_len().saturating_mul(8)
    }

    /// Read `n` bits (at most 64), most significant first.
    pub(crate) fn bits(&mut self, n: u32) -> Result<u64, BitsError> {
        if n == 0 {
            return Ok(0);
        }
        let end = self.pos.saturating_add(u64::from(n));
        if end > self.total_bits() {
            return Err(BitsError::NotEnoughData);
        }
        let first = self.pos / 8;
        let shift = self.pos % 8;
        let nbytes = usize::try_from((shift + u64::from(n)).div_ceil(8))
            .map_err(|_| BitsError::NotEnoughData)?;
        let bytes = self.region.get(first, nbytes)?;
        let mut r = BitReader::new(bytes);
        r.skip(shift).map_err(|_| BitsError::NotEnoughData)?;
        let v = r.bits(n).map_err(|_| BitsError::NotEnoughData)?;
        self.pos = end;
        Ok(v)
    }

    /// Skip `n` bits the way mutagen does: the rest of the current byte,
    /// then whole bytes without looking at them, then the remaining bits,
    /// which need their byte to exist.
    pub(crate) fn skip(&mut self, n: u64) -> Result<(), BitsError> {
        let buffered = (8 - self.pos % 8) % 8;
        if n <= buffered {
            self.pos += n;
            return Ok(());
        }
        let m = n - buffered;
        let aligned = self.pos.saturating_add(buffered).saturating_add(m / 8 * 8);
        let rem = m % 8;
        self.pos = aligned.saturating_add(rem);
        if rem > 0 && aligned.saturating_add(8) > self.total_bits() {
            return Err(BitsError::NotEnoughData);
        }
        Ok(())
    }

    /// Drop the rest of the current byte.
    pub(crate) fn align(&mut self) {
        self.pos = self.pos.div_ceil(8).saturating_mul(8);
    }

    /// The position in bits.
    pub(crate) fn position(&self) -> u64 {
        self.pos
    }

    /// The file position mutagen's reader leaves behind: the end of the last
    /// byte touched.
    pub(crate) fn byte_end(&self) -> u64 {
        self.pos.div_ceil(8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::region::SliceRegion;

    #[test]
    fn skip_like_mutagen() {
        // The cases of mutagen's BitReader observed as a black box.
        let data = b"abc";
        let mut region = SliceRegion::new(&data[..2]);
        let mut r = PyBits::new(&mut region, 0);
        assert!(r.skip(24).is_ok()); // whole bytes past the end: fine
        assert!(matches!(r.bits(1), Err(BitsError::NotEnoughData)));

        let mut r = PyBits::new(&mut region, 0);
        assert!(r.skip(23).is_err());

        let mut r = PyBits::new(&mut region, 0);
        assert_eq!(r.bits(3).unwrap(), 3);
        assert!(r.skip(29).is_ok());
        assert_eq!(r.position(), 32);
        assert_eq!(r.byte_end(), 4);

        let mut r = PyBits::new(&mut region, 0);
        r.bits(3).unwrap();
        assert!(r.skip(13).is_ok());
        let mut r = PyBits::new(&mut region, 0);
        r.bits(3).unwrap();
        assert!(r.skip(14).is_err());

        let mut region = SliceRegion::new(data);
        let mut r = PyBits::new(&mut region, 0);
        r.bits(3).unwrap();
        r.skip(14).unwrap();
        r.align();
        assert_eq!(r.position(), 24);
        assert!(r.bits(8).is_err());
        let mut r = PyBits::new(&mut region, 1);
        assert_eq!(r.bits(16).unwrap(), u64::from(u16::from_be_bytes(*b"bc")));
        assert_eq!(r.bits(0).unwrap(), 0);
        let mut r = PyBits::new(&mut region, u64::MAX);
        assert!(r.bits(1).is_err());
        let _ = r.skip(u64::MAX);
        let _ = r.bits(64);
    }
}
