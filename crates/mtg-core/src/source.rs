//! Random-access byte sources: where parsers get their bytes from.
//!
//! A parser asks a [`ByteSource`] for exactly the byte ranges it needs (a tag
//! header, then the tag body, then a frame header near the audio) instead of
//! reading the whole file. Two implementations are provided:
//!
//! * [`FileSource`] over an open [`std::fs::File`]: one `open`, one `fstat`
//!   (at open), one positional read (`pread`) per range asked for, one `close`
//!   on drop. No buffering, no seeking, no other system calls.
//! * [`SliceSource`] over bytes already in memory: every read borrows, nothing
//!   is copied.
//!
//! All reads are clamped to the end of the source: asking for bytes past the
//! end returns the bytes that exist, and buffers are never sized by a request
//! larger than what is present.

use std::borrow::Cow;
use std::fs::File;
use std::io;
use std::path::Path;

use crate::error::{Error, Result};

/// A random-access, read-only sequence of bytes of known length.
pub trait ByteSource {
    /// Total length of the source in bytes.
    fn len(&self) -> u64;

    /// `true` when the source holds no bytes.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Read bytes starting at `offset` into `buf`, as many as fit in `buf`
    /// and exist in the source. Returns how many were read; fewer than
    /// `buf.len()` only when the end of the source was reached (0 when
    /// `offset` is at or past the end).
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<usize>;

    /// Fill `buf` entirely from `offset`, or fail with [`Error::Truncated`]
    /// when the source ends first.
    fn read_exact_at(&self, offset: u64, buf: &mut [u8]) -> Result<()> {
        let n = self.read_at(offset, buf)?;
        if n == buf.len() {
            Ok(())
        } else {
            Err(Error::truncated(format!(
                "wanted {} bytes at offset {offset}, only {n} present",
                buf.len()
            )))
        }
    }

    /// The bytes in `offset..offset + len`, clamped to the end of the source
    /// (possibly empty). Borrowed when the source is in memory, owned
    /// otherwise; an owned buffer is never larger than the bytes present.
    fn read_range(&self, offset: u64, len: usize) -> Result<Cow<'_, [u8]>>;

    /// All the bytes, when the source is a slice in memory (so that readers
    /// can borrow from it instead of copying); `None` for sources that read
    /// (files, Python file objects).
    fn as_bytes(&self) -> Option<&[u8]> {
        None
    }

    /// Read exactly `N` bytes at `offset` into an array (handy for fixed-size
    /// headers); [`Error::Truncated`] if fewer are present.
    fn read_array<const N: usize>(&self, offset: u64) -> Result<[u8; N]>
    where
        Self: Sized,
    {
        let mut out = [0u8; N];
        self.read_exact_at(offset, &mut out)?;
        Ok(out)
    }
}

impl<T: ByteSource + ?Sized> ByteSource for &T {
    fn len(&self) -> u64 {
        (**self).len()
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<usize> {
        (**self).read_at(offset, buf)
    }
    fn read_exact_at(&self, offset: u64, buf: &mut [u8]) -> Result<()> {
        (**self).read_exact_at(offset, buf)
    }
    fn read_range(&self, offset: u64, len: usize) -> Result<Cow<'_, [u8]>> {
        (**self).read_range(offset, len)
    }
    fn as_bytes(&self) -> Option<&[u8]> {
        (**self).as_bytes()
    }
}

/// How many bytes of a request for `wanted` bytes at `offset` exist in a
/// source of length `total`.
fn clamp(total: u64, offset: u64, wanted: usize) -> usize {
    let available = total.saturating_sub(offset);
    match usize::try_from(available) {
        Ok(a) => a.min(wanted),
        // More than usize::MAX bytes remain: the request fits.
        Err(_) => wanted,
    }
}

/// `EISDIR` (the same number on Linux and the BSDs/macOS).
const EISDIR: i32 = 21;

/// A [`ByteSource`] over an open file, reading with positional reads.
///
/// The length is taken once, when the source is created; reads never go past
/// it, even if the file grows later. If the file shrinks under us, reads
/// return what is still there (and [`ByteSource::read_exact_at`] reports
/// truncation).
#[derive(Debug)]
pub struct FileSource {
    file: File,
    len: u64,
    metadata: std::fs::Metadata,
}

impl FileSource {
    /// Open `path` read-only and take its length (`open` + `fstat`); a
    /// directory is refused (EISDIR), as Python's `open()` refuses it.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let file = File::open(path)?;
        Self::from_file(file)
    }

    /// Wrap an already open file, taking its length (`fstat`).
    pub fn from_file(file: File) -> Result<Self> {
        let meta = file.metadata()?;
        if meta.is_dir() {
            // What reading a directory gives, reported at open like
            // Python's open() does (EISDIR).
            return Err(Error::Io(io::Error::from_raw_os_error(EISDIR)));
        }
        Ok(FileSource {
            file,
            len: meta.len(),
            metadata: meta,
        })
    }

    /// The file's metadata as taken when it was opened (no system call).
    pub fn metadata(&self) -> &std::fs::Metadata {
        &self.metadata
    }

    /// The underlying file.
    pub fn file(&self) -> &File {
        &self.file
    }

    /// Give back the underlying file.
    pub fn into_file(self) -> File {
        self.file
    }
}

impl ByteSource for FileSource {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<usize> {
        let want = clamp(self.len, offset, buf.len());
        let Some(target) = buf.get_mut(..want) else {
            return Ok(0);
        };
        if target.is_empty() {
            return Ok(0);
        }
        Ok(read_fully_at(&self.file, offset, target)?)
    }

    fn read_range(&self, offset: u64, len: usize) -> Result<Cow<'_, [u8]>> {
        let want = clamp(self.len, offset, len);
        if want == 0 {
            return Ok(Cow::Borrowed(&[]));
        }
        let mut buf = vec![0u8; want];
        let got = read_fully_at(&self.file, offset, &mut buf)?;
        buf.truncate(got);
        Ok(Cow::Owned(buf))
    }
}

/// A [`ByteSource`] over another that counts the reads reaching it: what
/// a reader's read pattern would cost in system calls over a file (used by
/// tests of readers that must read little). It never lends its bytes
/// ([`ByteSource::as_bytes`] is None), so readers take their reading path.
pub struct CountingSource<S> {
    inner: S,
    reads: std::cell::Cell<usize>,
}

impl<S: ByteSource> CountingSource<S> {
    /// A counter over `inner`, at zero.
    pub fn new(inner: S) -> Self {
        CountingSource {
            inner,
            reads: std::cell::Cell::new(0),
        }
    }

    /// How many `read_at` and `read_range` calls reached the source.
    pub fn reads(&self) -> usize {
        self.reads.get()
    }
}

impl<S: ByteSource> ByteSource for CountingSource<S> {
    fn len(&self) -> u64 {
        self.inner.len()
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<usize> {
        self.reads.set(self.reads.get() + 1);
        self.inner.read_at(offset, buf)
    }

    fn read_range(&self, offset: u64, len: usize) -> Result<Cow<'_, [u8]>> {
        self.reads.set(self.reads.get() + 1);
        self.inner.read_range(offset, len)
    }
}

/// Read into `buf` at `offset` until it is full or the file ends, retrying
/// interrupted and short reads. Returns the number of bytes read.
fn read_fully_at(file: &File, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
    let mut done = 0usize;
    while let Some(rest) = buf.get_mut(done..) {
        if rest.is_empty() {
            break;
        }
        let at = offset
            .checked_add(done as u64)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "offset overflow"))?;
        match positional_read(file, at, rest) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

/// One positional read: `pread` on Unix, `seek_read` on Windows, seek + read
/// elsewhere.
#[cfg(unix)]
pub(crate) fn positional_read(file: &File, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

/// One positional read: `pread` on Unix, `seek_read` on Windows, seek + read
/// elsewhere.
#[cfg(windows)]
pub(crate) fn positional_read(file: &File, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

/// One positional read: `pread` on Unix, `seek_read` on Windows, seek + read
/// elsewhere.
#[cfg(not(any(unix, windows)))]
pub(crate) fn positional_read(file: &File, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = file;
    f.seek(SeekFrom::Start(offset))?;
    f.read(buf)
}

/// A [`ByteSource`] over bytes in memory; every read borrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SliceSource<'a> {
    data: &'a [u8],
}

impl<'a> SliceSource<'a> {
    /// A source over `data`.
    pub fn new(data: &'a [u8]) -> Self {
        SliceSource { data }
    }

    /// All the bytes of the source.
    pub fn as_slice(&self) -> &'a [u8] {
        self.data
    }

    /// The bytes in `offset..offset + len`, clamped to the end, with the
    /// source's own lifetime (not tied to `&self`).
    pub fn slice(&self, offset: u64, len: usize) -> &'a [u8] {
        let want = clamp(self.data.len() as u64, offset, len);
        usize::try_from(offset)
            .ok()
            .and_then(|start| self.data.get(start..start.checked_add(want)?))
            .unwrap_or(&[])
    }
}

impl<'a> From<&'a [u8]> for SliceSource<'a> {
    fn from(data: &'a [u8]) -> Self {
        SliceSource::new(data)
    }
}

impl ByteSource for SliceSource<'_> {
    fn len(&self) -> u64 {
        self.data.len() as u64
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<usize> {
        let src = self.slice(offset, buf.len());
        let n = src.len();
        if let Some(dst) = buf.get_mut(..n) {
            dst.copy_from_slice(src);
        }
        Ok(n)
    }

    fn read_range(&self, offset: u64, len: usize) -> Result<Cow<'_, [u8]>> {
        Ok(Cow::Borrowed(self.slice(offset, len)))
    }

    fn as_bytes(&self) -> Option<&[u8]> {
        Some(self.data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn pattern(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i * 31 + 7) as u8).collect()
    }

    fn check_source<S: ByteSource>(src: &S, data: &[u8]) {
        let len = data.len() as u64;
        assert_eq!(src.len(), len);
        assert_eq!(src.is_empty(), data.is_empty());
        if let Some(all) = src.as_bytes() {
            assert_eq!(all, data);
        }

        // Inside.
        let mut buf = [0u8; 10];
        assert_eq!(src.read_at(5, &mut buf).unwrap(), 10);
        assert_eq!(&buf, &data[5..15]);
        src.read_exact_at(0, &mut buf).unwrap();
        assert_eq!(&buf, &data[..10]);
        assert_eq!(src.read_array::<4>(96).unwrap(), data[96..100]);

        // Straddling the end.
        let mut buf = [0xAAu8; 10];
        assert_eq!(src.read_at(len - 3, &mut buf).unwrap(), 3);
        assert_eq!(&buf[..3], &data[data.len() - 3..]);
        assert_eq!(&buf[3..], &[0xAA; 7]);
        assert!(matches!(
            src.read_exact_at(len - 3, &mut buf),
            Err(Error::Truncated { .. })
        ));
        assert!(src.read_array::<4>(len - 3).is_err());

        // At and past the end.
        assert_eq!(src.read_at(len, &mut buf).unwrap(), 0);
        assert_eq!(src.read_at(len + 1000, &mut buf).unwrap(), 0);
        assert_eq!(src.read_at(u64::MAX, &mut buf).unwrap(), 0);
        assert!(src.read_exact_at(u64::MAX, &mut buf).is_err());
        let mut empty: [u8; 0] = [];
        assert_eq!(src.read_at(u64::MAX, &mut empty).unwrap(), 0);
        src.read_exact_at(u64::MAX, &mut empty).unwrap();

        // Ranges.
        assert_eq!(&*src.read_range(10, 20).unwrap(), &data[10..30]);
        assert_eq!(
            &*src.read_range(len - 5, 1000).unwrap(),
            &data[data.len() - 5..]
        );
        assert!(src.read_range(len, 10).unwrap().is_empty());
        assert!(src.read_range(u64::MAX, usize::MAX).unwrap().is_empty());
        // A huge declared length allocates only what is present.
        assert_eq!(src.read_range(0, usize::MAX).unwrap().len(), data.len());

        // Through a reference and a trait object.
        let by_ref: &dyn ByteSource = src;
        assert_eq!(by_ref.len(), len);
        assert_eq!(&*(&by_ref).read_range(1, 2).unwrap(), &data[1..3]);
    }

    #[test]
    fn slice_source() {
        let data = pattern(100);
        let src = SliceSource::new(&data);
        check_source(&src, &data);
        assert!(matches!(src.read_range(3, 4).unwrap(), Cow::Borrowed(_)));
        assert_eq!(src.slice(98, 10), &data[98..]);
        assert_eq!(src.as_slice().len(), 100);
        assert_eq!(src.as_bytes(), Some(&data[..]));
        // through the forwarding impl for references
        fn all_bytes<S: ByteSource>(src: S) -> Option<Vec<u8>> {
            src.as_bytes().map(<[u8]>::to_vec)
        }
        let by_ref: &SliceSource<'_> = &src;
        assert_eq!(all_bytes(by_ref), Some(data.clone()));

        let empty = SliceSource::from(&[][..]);
        assert!(empty.is_empty());
        assert!(empty.read_range(0, 5).unwrap().is_empty());
    }

    #[test]
    fn file_source() {
        let dir = crate::test_util::TempDir::new("source");
        let path = dir.path().join("data.bin");
        let data = pattern(100);
        std::fs::File::create(&path)
            .unwrap()
            .write_all(&data)
            .unwrap();

        let src = FileSource::open(&path).unwrap();
        check_source(&src, &data);
        assert!(matches!(src.read_range(3, 4).unwrap(), Cow::Owned(_)));
        assert!(src.as_bytes().is_none());

        // The length is fixed at open: growth afterwards is not seen.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"more")
            .unwrap();
        assert_eq!(src.read_range(95, 100).unwrap().len(), 5);
        let _ = src.file();
        let _file = src.into_file();

        // Empty file and missing file.
        let empty = dir.path().join("empty.bin");
        std::fs::File::create(&empty).unwrap();
        let src = FileSource::open(&empty).unwrap();
        assert!(src.is_empty());
        assert!(src.read_range(0, 10).unwrap().is_empty());
        assert!(matches!(
            FileSource::open(dir.path().join("missing")),
            Err(Error::Io(_))
        ));
    }

    #[test]
    fn file_shrunk_after_open() {
        let dir = crate::test_util::TempDir::new("shrink");
        let path = dir.path().join("data.bin");
        std::fs::write(&path, pattern(100)).unwrap();
        let src = FileSource::open(&path).unwrap();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(50)
            .unwrap();
        assert_eq!(src.read_range(40, 20).unwrap().len(), 10);
        let mut buf = [0u8; 20];
        assert!(matches!(
            src.read_exact_at(40, &mut buf),
            Err(Error::Truncated { .. })
        ));
    }
}
