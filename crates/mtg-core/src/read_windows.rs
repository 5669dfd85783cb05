//! One parse's reads, shared between the readers of that parse.
//!
//! Reading a file's metadata often means several readers in turn: the ID3v2
//! tag at the start, the MPEG frames after it, the ID3v1 tag at the end.
//! Each asks its [`ByteSource`] for a few ranges, and the first read of one
//! often already brought in the bytes the next asks for (a small file is
//! read whole by the first 16 KiB read). [`ReadWindows`] wraps the source
//! for the length of one parse: it remembers every range it read, and a
//! later request that lies inside one of them is answered from memory
//! instead of with another system call.
//!
//! It lives only as long as the parse: nothing is kept between calls, and a
//! parse that reads the file again (a picture asked for later) reads it from
//! the source.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::error::Result;
use crate::source::ByteSource;

/// Ranges longer than this are not kept: readers ask for small windows
/// (headers, the first frames, the end of a file) again, not for whole tags
/// or pictures, whose copy would cost more than it saves.
const MAX_KEPT: usize = 64 * 1024;

/// A [`ByteSource`] that answers a request inside a range it has already
/// read from memory (see the module documentation).
///
/// Every range of at most 64 KiB read is kept until the wrapper is
/// dropped, so that the memory held is at most the bytes read through it.
pub struct ReadWindows<'s, S: ByteSource + ?Sized> {
    src: &'s S,
    /// `(offset, bytes)` of every read, in the order made; `bytes` is what
    /// the source gave (shorter than asked only at its end).
    windows: RefCell<Vec<(u64, Vec<u8>)>>,
}

impl<'s, S: ByteSource + ?Sized> ReadWindows<'s, S> {
    /// A wrapper over `src` that has read nothing yet.
    pub fn new(src: &'s S) -> Self {
        ReadWindows {
            src,
            windows: RefCell::new(Vec::new()),
        }
    }

    /// The source read through this wrapper.
    pub fn source(&self) -> &'s S {
        self.src
    }

    /// Calls `f` with the bytes `offset..offset + len` (clamped to the end
    /// of the source) when a range already read holds all of them.
    fn with_held<T>(&self, offset: u64, len: usize, f: impl FnOnce(&[u8]) -> T) -> Option<T> {
        let total = self.src.len();
        if offset >= total || len == 0 {
            // nothing there: every source gives no bytes
            return Some(f(&[]));
        }
        let end = offset.saturating_add(len as u64).min(total);
        let windows = self.windows.borrow();
        let (at, bytes) = windows.iter().find(|(at, bytes)| {
            let window_end = at.saturating_add(bytes.len() as u64);
            *at <= offset && end <= window_end
        })?;
        let start = usize::try_from(offset - at).ok()?;
        let stop = usize::try_from(end - at).ok()?;
        bytes.get(start..stop).map(f)
    }

    fn remember(&self, offset: u64, bytes: &[u8]) {
        if !bytes.is_empty() && bytes.len() <= MAX_KEPT {
            self.windows.borrow_mut().push((offset, bytes.to_vec()));
        }
    }
}

impl<S: ByteSource + ?Sized> ByteSource for ReadWindows<'_, S> {
    fn len(&self) -> u64 {
        self.src.len()
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<usize> {
        let held = self.with_held(offset, buf.len(), |part| {
            let n = part.len();
            buf[..n].copy_from_slice(part);
            n
        });
        if let Some(n) = held {
            return Ok(n);
        }
        let n = self.src.read_at(offset, buf)?;
        self.remember(offset, &buf[..n]);
        Ok(n)
    }

    fn read_range(&self, offset: u64, len: usize) -> Result<Cow<'_, [u8]>> {
        if let Some(part) = self.with_held(offset, len, <[u8]>::to_vec) {
            return Ok(Cow::Owned(part));
        }
        let data = self.src.read_range(offset, len)?;
        self.remember(offset, &data);
        Ok(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{CountingSource, SliceSource};

    fn data() -> Vec<u8> {
        (0..1000u32).map(|i| (i * 7 % 251) as u8).collect()
    }

    #[test]
    fn reads_inside_a_window_reach_no_source() {
        let bytes = data();
        let src = CountingSource::new(SliceSource::new(&bytes));
        let w = ReadWindows::new(&src);
        assert_eq!(&*w.read_range(100, 200).unwrap(), &bytes[100..300]);
        assert_eq!(src.reads(), 1);
        assert_eq!(&*w.read_range(150, 50).unwrap(), &bytes[150..200]);
        let mut buf = [0u8; 100];
        assert_eq!(w.read_at(200, &mut buf).unwrap(), 100);
        assert_eq!(&buf[..], &bytes[200..300]);
        assert_eq!(src.reads(), 1);
        // one byte past the window: read from the source
        assert_eq!(&*w.read_range(201, 100).unwrap(), &bytes[201..301]);
        assert_eq!(src.reads(), 2);
    }

    #[test]
    fn a_window_at_the_end_answers_clamped_requests() {
        let bytes = data();
        let src = CountingSource::new(SliceSource::new(&bytes));
        let w = ReadWindows::new(&src);
        assert_eq!(w.read_range(900, 500).unwrap().len(), 100);
        assert_eq!(&*w.read_range(990, 64).unwrap(), &bytes[990..]);
        let mut buf = [0u8; 32];
        assert_eq!(w.read_at(980, &mut buf).unwrap(), 20);
        assert_eq!(&buf[..20], &bytes[980..]);
        assert_eq!(w.read_at(1000, &mut buf).unwrap(), 0);
        assert!(w.read_range(5000, 10).unwrap().is_empty());
        assert_eq!(src.reads(), 1);
    }

    #[test]
    fn long_reads_are_not_kept() {
        let bytes = vec![7u8; MAX_KEPT + 10];
        let src = CountingSource::new(SliceSource::new(&bytes));
        let w = ReadWindows::new(&src);
        assert_eq!(w.read_range(0, MAX_KEPT + 1).unwrap().len(), MAX_KEPT + 1);
        assert_eq!(w.read_range(0, 10).unwrap().len(), 10);
        assert_eq!(src.reads(), 2);
        assert_eq!(w.read_range(5, 5).unwrap().len(), 5);
        assert_eq!(src.reads(), 2);
    }

    #[test]
    fn same_bytes_as_the_source_for_any_request() {
        let bytes = data();
        let plain = SliceSource::new(&bytes);
        let w = ReadWindows::new(&plain);
        let mut rng = crate::testing::Rng(0x2545_f491);
        for _ in 0..2000 {
            let offset = rng.below_u64(1100);
            let len = rng.below(300);
            assert_eq!(
                w.read_range(offset, len).unwrap(),
                plain.read_range(offset, len).unwrap()
            );
            let mut a = vec![0u8; len];
            let mut b = vec![0u8; len];
            let n = w.read_at(offset, &mut a).unwrap();
            assert_eq!(n, plain.read_at(offset, &mut b).unwrap());
            assert_eq!(a[..n], b[..n]);
        }
    }
}
