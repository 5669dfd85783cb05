//! Byte access for the stream parsers: a slice in memory, or a growing
//! window over a [`ByteSource`] that reads as few times as possible.
//!
//! Every parser of this crate asks for small ranges at absolute offsets
//! (a 4-byte frame header, a 156-byte Xing tag, ...), mostly moving forward
//! from where it started. [`SourceRegion`] keeps one buffer starting at the
//! first offset asked for and, when a request falls past its end, reads the
//! missing bytes with one positional read, at least doubling the buffer each
//! time; a request far away (a skipped ID3v2 tag) starts a new buffer there.
//! Buffers are never larger than the bytes the source holds.

use mtg_core::ByteSource;

/// Random access to the bytes of a stream, clamped to its end.
pub(crate) trait Region {
    /// Total length of the stream in bytes.
    fn total_len(&self) -> u64;

    /// The bytes in `off..off + len`, clamped to the end of the stream
    /// (possibly empty).
    fn get(&mut self, off: u64, len: usize) -> Result<&[u8], mtg_core::Error>;
}

/// A [`Region`] over bytes in memory.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SliceRegion<'a> {
    data: &'a [u8],
}

impl<'a> SliceRegion<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        SliceRegion { data }
    }
}

impl Region for SliceRegion<'_> {
    fn total_len(&self) -> u64 {
        self.data.len() as u64
    }

    fn get(&mut self, off: u64, len: usize) -> Result<&[u8], mtg_core::Error> {
        let Ok(start) = usize::try_from(off) else {
            return Ok(&[]);
        };
        let Some(rest) = self.data.get(start..) else {
            return Ok(&[]);
        };
        Ok(&rest[..rest.len().min(len)])
    }
}

/// How far past the end of the buffer a request may start and still extend
/// it (instead of starting a new buffer).
const MAX_GAP: u64 = 256 * 1024;
/// The largest buffer grown by extension (a new buffer starts beyond).
const MAX_SPAN: u64 = 4 * 1024 * 1024;

/// A [`Region`] over a [`ByteSource`], reading with few positional reads.
pub(crate) struct SourceRegion<'s, S: ByteSource + ?Sized> {
    src: &'s S,
    total: u64,
    base: u64,
    buf: Vec<u8>,
    chunk: usize,
}

impl<'s, S: ByteSource + ?Sized> SourceRegion<'s, S> {
    /// A region over `src` whose first read is at least `chunk` bytes.
    pub(crate) fn new(src: &'s S, chunk: usize) -> Self {
        SourceRegion {
            total: src.len(),
            src,
            base: 0,
            buf: Vec::new(),
            chunk: chunk.max(16),
        }
    }

    /// Read `self.base + buf.len() .. self.base + new_len` into the buffer.
    fn fill_to(&mut self, new_len: u64) -> Result<(), mtg_core::Error> {
        let new_len = new_len.min(self.total.saturating_sub(self.base));
        let Ok(new_len) = usize::try_from(new_len) else {
            return Ok(());
        };
        let old = self.buf.len();
        if new_len <= old {
            return Ok(());
        }
        self.buf.resize(new_len, 0);
        let got = self
            .src
            .read_at(self.base + old as u64, &mut self.buf[old..])?;
        if got < new_len - old {
            // The source shrank under us: what is left is all there is.
            self.buf.truncate(old + got);
            self.total = self.base + self.buf.len() as u64;
        }
        Ok(())
    }
}

impl<S: ByteSource + ?Sized> Region for SourceRegion<'_, S> {
    fn total_len(&self) -> u64 {
        self.total
    }

    fn get(&mut self, off: u64, len: usize) -> Result<&[u8], mtg_core::Error> {
        if off >= self.total || len == 0 {
            return Ok(&[]);
        }
        let end = off.saturating_add(len as u64).min(self.total);
        let buf_end = self.base + self.buf.len() as u64;
        let inside = off >= self.base && end <= buf_end;
        if !inside {
            let extend = !self.buf.is_empty()
                && off >= self.base
                && off <= buf_end.saturating_add(MAX_GAP)
                && end - self.base <= MAX_SPAN;
            if extend {
                let want = (end - self.base)
                    .max(2 * self.buf.len() as u64)
                    .max(self.chunk as u64);
                self.fill_to(want)?;
            } else {
                self.base = off;
                self.buf.clear();
                let want = (end - off).max(self.chunk as u64);
                self.fill_to(want)?;
            }
        }
        let start = usize::try_from(off - self.base).unwrap_or(usize::MAX);
        let stop = usize::try_from(end.saturating_sub(self.base)).unwrap_or(usize::MAX);
        Ok(self.buf.get(start..stop.min(self.buf.len())).unwrap_or(&[]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mtg_core::{CountingSource, SliceSource};

    #[test]
    fn grows_and_reanchors() {
        let data: Vec<u8> = (0..2_000_000u32).map(|i| (i % 251) as u8).collect();
        let src = CountingSource::new(SliceSource::new(&data));
        let mut r = SourceRegion::new(&src, 1000);
        assert_eq!(r.get(10, 4).unwrap(), &data[10..14]);
        assert_eq!(src.reads(), 1);
        assert_eq!(r.get(500, 100).unwrap(), &data[500..600]);
        assert_eq!(src.reads(), 1);
        // Past the end of the buffer: grows.
        assert_eq!(r.get(1500, 10).unwrap(), &data[1500..1510]);
        assert_eq!(src.reads(), 2);
        // Far away: a new buffer.
        assert_eq!(r.get(1_900_000, 10).unwrap(), &data[1_900_000..1_900_010]);
        assert_eq!(src.reads(), 3);
        // Behind the new buffer: another new buffer.
        assert_eq!(r.get(5, 3).unwrap(), &data[5..8]);
        // Clamped at the end, and past it.
        assert_eq!(r.get(1_999_998, 10).unwrap(), &data[1_999_998..]);
        assert!(r.get(2_000_000, 10).unwrap().is_empty());
        assert!(r.get(u64::MAX, usize::MAX).unwrap().is_empty());
        assert_eq!(r.total_len(), 2_000_000);

        let mut s = SliceRegion::new(&data);
        assert_eq!(s.get(3, 2).unwrap(), &data[3..5]);
        assert!(s.get(u64::MAX, 2).unwrap().is_empty());
        assert_eq!(s.get(1_999_999, usize::MAX).unwrap(), &data[1_999_999..]);
    }
}
