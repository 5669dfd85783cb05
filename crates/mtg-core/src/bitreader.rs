//! Reading bit fields, most significant bit first, from a byte slice.
//!
//! Codec headers (MPEG audio, AAC, AC-3, FLAC STREAMINFO, Opus, ...) pack
//! fields of arbitrary bit widths. [`BitReader`] reads them without ever
//! panicking: a read past the end is an [`Error::Truncated`] and leaves the
//! position where it was.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// An MSB-first bit reader over a byte slice.
#[derive(Debug, Clone)]
pub struct BitReader<'a> {
    data: &'a [u8],
    /// Position in bits from the start of `data`.
    pos: u64,
}

impl<'a> BitReader<'a> {
    /// A reader positioned at the first bit of `data`.
    pub fn new(data: &'a [u8]) -> Self {
        BitReader { data, pos: 0 }
    }

    /// Total number of bits in the data.
    pub fn len_bits(&self) -> u64 {
        (self.data.len() as u64).saturating_mul(8)
    }

    /// Current position in bits from the start.
    pub fn position(&self) -> u64 {
        self.pos
    }

    /// Bits left to read.
    pub fn remaining_bits(&self) -> u64 {
        self.len_bits() - self.pos
    }

    /// `true` when the position is on a byte boundary.
    pub fn is_aligned(&self) -> bool {
        self.pos % 8 == 0
    }

    /// Check that `n` more bits exist.
    fn ensure(&self, n: u64) -> Result<()> {
        if n <= self.remaining_bits() {
            Ok(())
        } else {
            Err(Error::truncated(format!(
                "wanted {n} bits at bit {}, only {} left",
                self.pos,
                self.remaining_bits()
            )))
        }
    }

    /// Read an unsigned integer of `n` bits (0 to 64), MSB first.
    pub fn bits(&mut self, n: u32) -> Result<u64> {
        if n > 64 {
            return Err(Error::invalid_argument(format!(
                "cannot read {n} bits into a 64-bit integer"
            )));
        }
        self.ensure(u64::from(n))?;
        let mut value = 0u64;
        let mut need = n;
        let mut pos = self.pos;
        while need > 0 {
            let byte = usize::try_from(pos / 8)
                .ok()
                .and_then(|i| self.data.get(i))
                .copied()
                .ok_or_else(|| Error::truncated("bit reader"))?;
            let offset = (pos % 8) as u32;
            let available = 8 - offset;
            let take = available.min(need);
            let chunk = (u64::from(byte) >> (available - take)) & ((1u64 << take) - 1);
            value = (value << take) | chunk;
            need -= take;
            pos += u64::from(take);
        }
        self.pos = pos;
        Ok(value)
    }

    /// Read one bit as a boolean.
    pub fn bit(&mut self) -> Result<bool> {
        Ok(self.bits(1)? == 1)
    }

    /// Read `n` bytes. Borrowed when the reader is byte-aligned, assembled
    /// from bits otherwise.
    pub fn bytes(&mut self, n: usize) -> Result<Cow<'a, [u8]>> {
        let n_bits = (n as u64)
            .checked_mul(8)
            .ok_or_else(|| Error::truncated("bit reader"))?;
        self.ensure(n_bits)?;
        if self.is_aligned() {
            let start =
                usize::try_from(self.pos / 8).map_err(|_| Error::truncated("bit reader"))?;
            let slice = start
                .checked_add(n)
                .and_then(|end| self.data.get(start..end))
                .ok_or_else(|| Error::truncated("bit reader"))?;
            self.pos += n_bits;
            return Ok(Cow::Borrowed(slice));
        }
        // `ensure` bounded n by the data length, so this allocation is too.
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(self.bits(8)? as u8);
        }
        Ok(Cow::Owned(out))
    }

    /// Skip `n` bits.
    pub fn skip(&mut self, n: u64) -> Result<()> {
        self.ensure(n)?;
        self.pos += n;
        Ok(())
    }

    /// Skip to the next byte boundary; returns how many bits were skipped.
    pub fn align(&mut self) -> u32 {
        let skip = ((8 - self.pos % 8) % 8) as u32;
        // Never past the end: the end of the data is a byte boundary.
        self.pos += u64::from(skip);
        skip
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fields_msb_first() {
        let data = [0b1010_1100, 0b0101_0011, 0xFF, 0x00];
        let mut r = BitReader::new(&data);
        assert_eq!(r.bits(0).unwrap(), 0);
        assert!(r.bit().unwrap());
        assert_eq!(r.bits(3).unwrap(), 0b010);
        assert_eq!(r.position(), 4);
        assert!(!r.is_aligned());
        assert_eq!(r.bits(6).unwrap(), 0b11_0001);
        assert_eq!(r.bits(10).unwrap(), 0b01_0011_1111);
        assert_eq!(r.position(), 20);
        assert_eq!(r.remaining_bits(), 12);
        assert_eq!(r.align(), 4);
        assert!(r.is_aligned());
        assert_eq!(r.align(), 0);
        assert_eq!(r.bits(8).unwrap(), 0);
        assert_eq!(r.remaining_bits(), 0);
        assert!(r.bits(1).is_err());
        assert_eq!(r.bits(0).unwrap(), 0);
    }

    #[test]
    fn sixty_four_bits_and_beyond() {
        let data: Vec<u8> = (1..=9).collect();
        let mut r = BitReader::new(&data);
        assert_eq!(r.bits(64).unwrap(), 0x0102_0304_0506_0708);
        let mut r = BitReader::new(&data);
        r.skip(4).unwrap();
        assert_eq!(r.bits(64).unwrap(), 0x1020_3040_5060_7080);
        assert_eq!(r.bits(4).unwrap(), 0x9);
        let mut r = BitReader::new(&data);
        assert!(matches!(r.bits(65), Err(Error::InvalidArgument(_))));
        let mut r = BitReader::new(&[0xFF; 8]);
        assert_eq!(r.bits(64).unwrap(), u64::MAX);
    }

    #[test]
    fn bytes_aligned_and_not() {
        let data = [0x12, 0x34, 0x56, 0x78];
        let mut r = BitReader::new(&data);
        assert!(matches!(r.bytes(2).unwrap(), Cow::Borrowed(&[0x12, 0x34])));
        r.skip(4).unwrap();
        let b = r.bytes(1).unwrap();
        assert!(matches!(b, Cow::Owned(_)));
        assert_eq!(&*b, &[0x67]);
        assert_eq!(r.bits(4).unwrap(), 0x8);
        assert!(r.bytes(0).unwrap().is_empty());
        assert!(r.bytes(1).is_err());
    }

    #[test]
    fn errors_leave_position_unchanged() {
        let data = [0xAB, 0xCD];
        let mut r = BitReader::new(&data);
        r.skip(3).unwrap();
        assert!(matches!(r.bits(14), Err(Error::Truncated { .. })));
        assert!(r.bytes(2).is_err());
        assert!(r.bytes(usize::MAX).is_err());
        assert!(r.skip(14).is_err());
        assert!(r.skip(u64::MAX).is_err());
        assert_eq!(r.position(), 3);
        assert_eq!(r.bits(13).unwrap(), 0x0BCD);

        let mut empty = BitReader::new(&[]);
        assert_eq!(empty.len_bits(), 0);
        assert!(empty.bit().is_err());
        assert_eq!(empty.align(), 0);
        assert!(empty.bytes(0).unwrap().is_empty());
    }
}
