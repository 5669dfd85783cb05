//! In-place file editing: insert, delete, resize and move byte ranges.
//!
//! Every tag writer ends up here: a new tag rarely has the size of the old
//! one, so the bytes after it (usually the audio) must be shifted up or down
//! inside the file. The operations work on any [`EditTarget`] (a
//! [`std::fs::File`], a `Vec<u8>`, or a binding's wrapper around a Python
//! file object), use a bounded buffer ([`SHIFT_BUFFER_SIZE`]) whatever the
//! file size, and copy in the direction that keeps overlapping ranges correct.
//!
//! # Failure safety
//!
//! An edit either completes or, on an I/O error, puts the file back as it was
//! and returns [`Error::Io`]. Only if putting it back fails too is
//! [`Error::RestoreFailed`] returned. The strategy:
//!
//! * Growing sets the final length first, so a file that cannot grow fails
//!   before any byte moved. The tail is then copied from the end backwards,
//!   so the newly added part of the file (the only part that needs new disk
//!   blocks) is written first: on ordinary filesystems an out-of-space error
//!   happens at the very first chunk, and undoing it needs no new blocks.
//! * A copy that fails halfway is undone by copying the finished chunks back
//!   (the source of every finished chunk is still intact at its destination)
//!   and rewriting the chunk held in the buffer.
//! * Bytes that are overwritten without being copied anywhere (the range a
//!   deletion removes, the old content of a replaced region) are kept in
//!   memory to be written back: [`replace_region`] keeps the old region,
//!   [`delete_bytes`] and [`move_bytes`] keep up to [`ROLLBACK_LIMIT`] bytes.
//!   Beyond that limit a failed delete/move reports [`Error::RestoreFailed`].
//!
//! In-place editing cannot survive a crash or power loss mid-edit; for that,
//! see [`crate::atomic`], which writes a new file and renames it over the old.

use std::fs::File;
use std::io;

use crate::error::{Error, Result};

/// Size of the buffer used to shift bytes: the most memory an edit uses for
/// copying, whatever the file size.
pub const SHIFT_BUFFER_SIZE: usize = 1 << 20;

/// The most bytes [`delete_bytes`] and [`move_bytes`] keep in memory to undo
/// a failed edit.
pub const ROLLBACK_LIMIT: u64 = 1 << 20;

/// Something that can be edited in place: random-access reads and writes plus
/// changing the length. The method names avoid clashing with
/// `std::os::unix::fs::FileExt` and `File::set_len`.
pub trait EditTarget {
    /// Current length in bytes.
    fn current_len(&mut self) -> io::Result<u64>;
    /// Change the length: truncate, or extend with unspecified (zero) bytes.
    fn truncate_or_extend(&mut self, len: u64) -> io::Result<()>;
    /// Fill `buf` from `offset`; an error if the data ends first.
    fn read_exact_from(&mut self, offset: u64, buf: &mut [u8]) -> io::Result<()>;
    /// Write all of `buf` at `offset`.
    fn write_all_to(&mut self, offset: u64, buf: &[u8]) -> io::Result<()>;
}

impl EditTarget for File {
    fn current_len(&mut self) -> io::Result<u64> {
        Ok(self.metadata()?.len())
    }
    fn truncate_or_extend(&mut self, len: u64) -> io::Result<()> {
        self.set_len(len)
    }
    fn read_exact_from(&mut self, offset: u64, buf: &mut [u8]) -> io::Result<()> {
        file_read_exact_at(self, offset, buf)
    }
    fn write_all_to(&mut self, offset: u64, buf: &[u8]) -> io::Result<()> {
        file_write_all_at(self, offset, buf)
    }
}

#[cfg(unix)]
fn file_read_exact_at(file: &File, offset: u64, buf: &mut [u8]) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(unix)]
fn file_write_all_at(file: &File, offset: u64, buf: &[u8]) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, buf, offset)
}

#[cfg(not(unix))]
fn file_read_exact_at(file: &File, offset: u64, buf: &mut [u8]) -> io::Result<()> {
    let mut done = 0usize;
    while done < buf.len() {
        let at = offset + done as u64;
        match crate::source::positional_read(file, at, &mut buf[done..]) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(windows)]
fn file_write_all_at(file: &File, offset: u64, buf: &[u8]) -> io::Result<()> {
    let mut done = 0usize;
    while done < buf.len() {
        let at = offset + done as u64;
        match std::os::windows::fs::FileExt::seek_write(file, &buf[done..], at) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(n) => done += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn file_write_all_at(file: &File, offset: u64, buf: &[u8]) -> io::Result<()> {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = file;
    f.seek(SeekFrom::Start(offset))?;
    f.write_all(buf)
}

/// An in-memory file: handy for tests and for editing buffered data.
impl EditTarget for Vec<u8> {
    fn current_len(&mut self) -> io::Result<u64> {
        Ok(self.len() as u64)
    }
    fn truncate_or_extend(&mut self, len: u64) -> io::Result<()> {
        let len = usize::try_from(len).map_err(|_| io::Error::from(io::ErrorKind::OutOfMemory))?;
        self.resize(len, 0);
        Ok(())
    }
    fn read_exact_from(&mut self, offset: u64, buf: &mut [u8]) -> io::Result<()> {
        let src = usize::try_from(offset)
            .ok()
            .and_then(|start| self.get(start..start.checked_add(buf.len())?))
            .ok_or_else(|| io::Error::from(io::ErrorKind::UnexpectedEof))?;
        buf.copy_from_slice(src);
        Ok(())
    }
    fn write_all_to(&mut self, offset: u64, buf: &[u8]) -> io::Result<()> {
        let too_big = || io::Error::from(io::ErrorKind::OutOfMemory);
        let start = usize::try_from(offset).map_err(|_| too_big())?;
        let end = start.checked_add(buf.len()).ok_or_else(too_big)?;
        if end > self.len() {
            self.resize(end, 0);
        }
        if let Some(dst) = self.get_mut(start..end) {
            dst.copy_from_slice(buf);
        }
        Ok(())
    }
}

/// Move `count` bytes from `src` to `dest` inside the file (the ranges may
/// overlap). Both ranges must lie inside the file; the length does not change.
///
/// On failure the source range is restored, and the destination range too if
/// its non-overlapping part is at most [`ROLLBACK_LIMIT`] bytes.
pub fn move_bytes<F: EditTarget + ?Sized>(
    file: &mut F,
    dest: u64,
    src: u64,
    count: u64,
) -> Result<()> {
    let len = file.current_len()?;
    let fits = |start: u64| start.checked_add(count).is_some_and(|end| end <= len);
    if !fits(src) || !fits(dest) {
        return Err(Error::invalid_argument(format!(
            "cannot move {count} bytes from {src} to {dest} in a file of {len} bytes"
        )));
    }
    if count == 0 || dest == src {
        return Ok(());
    }
    // The part of the destination that is not also source: overwritten
    // without being copied anywhere, so it needs a backup to be restorable.
    let (only_start, only_end) = if dest < src {
        (dest, (dest + count).min(src))
    } else {
        ((src + count).max(dest), dest + count)
    };
    let backup = read_backup(file, only_start, only_end - only_start)?;
    let restore = match &backup {
        Some(bytes) => DestOnly::Bytes(only_start, bytes),
        None => DestOnly::Lost,
    };
    let mut buf = shift_buffer(count);
    shift_restoring(file, dest, src, count, restore, &mut buf).map_err(Error::from)
}

/// Insert `size` bytes at `offset` (which may equal the file length): the file
/// grows by `size` and everything from `offset` on moves up. The content of
/// the new range is unspecified; the caller overwrites it.
pub fn insert_bytes<F: EditTarget + ?Sized>(file: &mut F, size: u64, offset: u64) -> Result<()> {
    let len = file.current_len()?;
    if offset > len {
        return Err(Error::invalid_argument(format!(
            "cannot insert at offset {offset} in a file of {len} bytes"
        )));
    }
    if len.checked_add(size).is_none() {
        return Err(Error::invalid_argument("file length would overflow"));
    }
    if size == 0 {
        return Ok(());
    }
    let mut buf = shift_buffer(len - offset);
    insert_raw(file, len, size, offset, &mut buf).map_err(Error::from)
}

/// Delete the `size` bytes at `offset`: everything after them moves down and
/// the file shrinks by `size`. The range must lie inside the file.
pub fn delete_bytes<F: EditTarget + ?Sized>(file: &mut F, size: u64, offset: u64) -> Result<()> {
    let len = file.current_len()?;
    check_range(len, offset, size, "delete")?;
    if size == 0 {
        return Ok(());
    }
    let backup = read_backup(file, offset, size)?;
    let restore = match &backup {
        Some(bytes) => DestOnly::Bytes(offset, bytes),
        None => DestOnly::Lost,
    };
    let mut buf = shift_buffer(len - offset - size);
    delete_raw(file, len, size, offset, restore, &mut buf).map_err(Error::from)
}

/// Change the region of `old_size` bytes at `offset` to `new_size` bytes,
/// adding or removing bytes at the region's end. The first
/// `min(old_size, new_size)` bytes of the region are kept; added bytes are
/// unspecified. The old region must lie inside the file.
pub fn resize_bytes<F: EditTarget + ?Sized>(
    file: &mut F,
    old_size: u64,
    new_size: u64,
    offset: u64,
) -> Result<()> {
    let len = file.current_len()?;
    check_range(len, offset, old_size, "resize")?;
    match new_size.cmp(&old_size) {
        std::cmp::Ordering::Greater => insert_bytes(file, new_size - old_size, offset + old_size),
        std::cmp::Ordering::Less => delete_bytes(file, old_size - new_size, offset + new_size),
        std::cmp::Ordering::Equal => Ok(()),
    }
}

/// Replace the `old_len` bytes at `offset` with `new_bytes`, resizing the
/// region and shifting the rest of the file as needed: what a tag writer
/// calls to save.
///
/// The old region is read into memory first so that any failure can put the
/// file back exactly as it was (the region is a tag, which the caller held in
/// memory anyway, and its size is bounded by the file).
pub fn replace_region<F: EditTarget + ?Sized>(
    file: &mut F,
    offset: u64,
    old_len: u64,
    new_bytes: &[u8],
) -> Result<()> {
    let len = file.current_len()?;
    check_range(len, offset, old_len, "replace")?;
    let new_len = new_bytes.len() as u64;
    if len.checked_add(new_len).is_none() {
        return Err(Error::invalid_argument("file length would overflow"));
    }
    let mut backup = vec![0u8; to_usize(old_len)?];
    file.read_exact_from(offset, &mut backup)?;
    let end = offset + old_len;
    let tail = len - end;
    // the rest of the file moves only when the size changes
    let mut buf = if new_len == old_len {
        Vec::new()
    } else {
        shift_buffer(tail)
    };

    if new_len > old_len {
        insert_raw(file, len, new_len - old_len, end, &mut buf)?;
    } else if new_len < old_len {
        let cut = offset + new_len;
        let deleted = backup.get(to_usize(new_len)?..).unwrap_or(&[]);
        delete_raw(
            file,
            len,
            old_len - new_len,
            cut,
            DestOnly::Bytes(cut, deleted),
            &mut buf,
        )?;
    }

    let Err(error) = file.write_all_to(offset, new_bytes) else {
        return Ok(());
    };
    // Undo: give the region its old size again, then its old bytes.
    let current = len - old_len + new_len;
    let undo_resize = if new_len > old_len {
        delete_raw(
            file,
            current,
            new_len - old_len,
            end,
            DestOnly::NotNeeded,
            &mut buf,
        )
    } else if new_len < old_len {
        insert_raw(file, current, old_len - new_len, offset + new_len, &mut buf)
    } else {
        Ok(())
    };
    let restored = match undo_resize {
        Ok(()) => file.write_all_to(offset, &backup),
        Err(Failure::Restored(e) | Failure::Damaged(e, _)) => Err(e),
    };
    Err(match restored {
        Ok(()) => Error::Io(error),
        Err(restore_error) => Error::RestoreFailed {
            error,
            restore_error,
        },
    })
}

fn check_range(len: u64, offset: u64, size: u64, what: &str) -> Result<()> {
    if offset.checked_add(size).is_some_and(|end| end <= len) {
        Ok(())
    } else {
        Err(Error::invalid_argument(format!(
            "cannot {what} {size} bytes at offset {offset} in a file of {len} bytes"
        )))
    }
}

fn to_usize(n: u64) -> Result<usize> {
    usize::try_from(n).map_err(|_| Error::invalid_argument("size does not fit in memory"))
}

/// A buffer for shifting `count` bytes: never larger than needed, never
/// larger than [`SHIFT_BUFFER_SIZE`], never empty.
fn shift_buffer(count: u64) -> Vec<u8> {
    let size = usize::try_from(count).map_or(SHIFT_BUFFER_SIZE, |c| c.min(SHIFT_BUFFER_SIZE));
    vec![0u8; size.max(1)]
}

/// Read `size` bytes at `offset` if that is within [`ROLLBACK_LIMIT`].
fn read_backup<F: EditTarget + ?Sized>(
    file: &mut F,
    offset: u64,
    size: u64,
) -> Result<Option<Vec<u8>>> {
    if size > ROLLBACK_LIMIT {
        return Ok(None);
    }
    let mut backup = vec![0u8; to_usize(size)?];
    file.read_exact_from(offset, &mut backup)?;
    Ok(Some(backup))
}

/// How a failed low-level step left the file.
enum Failure {
    /// The step failed with this error; the file is as it was before it.
    Restored(io::Error),
    /// The step failed (first) and undoing it failed too (second).
    Damaged(io::Error, io::Error),
}

impl From<Failure> for Error {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Restored(e) => Error::Io(e),
            Failure::Damaged(error, restore_error) => Error::RestoreFailed {
                error,
                restore_error,
            },
        }
    }
}

/// How to restore the destination bytes that are not part of the source
/// after a failed shift.
#[derive(Clone, Copy)]
enum DestOnly<'a> {
    /// Those bytes do not matter (they are cut off afterwards anyway).
    NotNeeded,
    /// Write these bytes back at this offset.
    Bytes(u64, &'a [u8]),
    /// They were too many to keep: the file cannot be fully restored.
    Lost,
}

/// Where a shift stopped.
struct Partial {
    error: io::Error,
    /// Bytes fully copied (from the start when moving down, from the end when
    /// moving up).
    done: u64,
    /// The chunk in the buffer whose write failed: its offset relative to the
    /// start of the move and its length.
    pending: Option<(u64, usize)>,
    /// Whether any write was attempted (if not, nothing changed).
    touched: bool,
}

/// Copy `count` bytes from `src` to `dest`, chunk by chunk through `buf`,
/// front to back when moving down and back to front when moving up, so that
/// every byte is read before it is overwritten. Callers check the ranges.
fn shift<F: EditTarget + ?Sized>(
    file: &mut F,
    dest: u64,
    src: u64,
    count: u64,
    buf: &mut [u8],
) -> std::result::Result<(), Partial> {
    if count == 0 || dest == src || buf.is_empty() {
        return Ok(());
    }
    let step = buf.len() as u64;
    let mut done = 0u64;
    let mut touched = false;
    while done < count {
        let n = (count - done).min(step);
        let rel = if dest < src { done } else { count - done - n };
        // n <= buf.len() by construction.
        let chunk = &mut buf[..n as usize];
        if let Err(error) = file.read_exact_from(src + rel, chunk) {
            return Err(Partial {
                error,
                done,
                pending: None,
                touched,
            });
        }
        touched = true;
        if let Err(error) = file.write_all_to(dest + rel, chunk) {
            return Err(Partial {
                error,
                done,
                pending: Some((rel, n as usize)),
                touched,
            });
        }
        done += n;
    }
    Ok(())
}

/// Undo a partial [`shift`]: put the buffered chunk back at its source, then
/// copy the finished chunks back. Afterwards the source range holds its
/// original bytes; destination-only bytes are the caller's business.
fn undo_shift<F: EditTarget + ?Sized>(
    file: &mut F,
    dest: u64,
    src: u64,
    count: u64,
    partial: &Partial,
    buf: &mut [u8],
) -> io::Result<()> {
    if let Some((rel, n)) = partial.pending {
        let chunk = buf.get(..n).unwrap_or(&[]);
        file.write_all_to(src + rel, chunk)?;
    }
    if partial.done > 0 {
        let (from, to) = if dest < src {
            (dest, src)
        } else {
            let skip = count - partial.done;
            (dest + skip, src + skip)
        };
        shift(file, to, from, partial.done, buf).map_err(|p| p.error)?;
    }
    Ok(())
}

/// [`shift`], undoing a partial copy on failure.
fn shift_restoring<F: EditTarget + ?Sized>(
    file: &mut F,
    dest: u64,
    src: u64,
    count: u64,
    dest_only: DestOnly<'_>,
    buf: &mut [u8],
) -> std::result::Result<(), Failure> {
    let partial = match shift(file, dest, src, count, buf) {
        Ok(()) => return Ok(()),
        Err(p) if !p.touched => return Err(Failure::Restored(p.error)),
        Err(p) => p,
    };
    let undone = undo_shift(file, dest, src, count, &partial, buf).and_then(|()| match dest_only {
        DestOnly::NotNeeded => Ok(()),
        DestOnly::Bytes(at, bytes) => file.write_all_to(at, bytes),
        DestOnly::Lost => Err(io::Error::other(
            "the overwritten bytes exceeded the rollback limit and were not kept",
        )),
    });
    Err(match undone {
        Ok(()) => Failure::Restored(partial.error),
        Err(restore_error) => Failure::Damaged(partial.error, restore_error),
    })
}

/// Set the length back to `len` after `error`.
fn restore_len<F: EditTarget + ?Sized>(file: &mut F, len: u64, error: io::Error) -> Failure {
    match file.truncate_or_extend(len) {
        Ok(()) => Failure::Restored(error),
        Err(restore_error) => Failure::Damaged(error, restore_error),
    }
}

/// Insert `size` bytes at `offset` in a file of `len` bytes (checked by the
/// caller): grow first, then shift the tail up from its end.
fn insert_raw<F: EditTarget + ?Sized>(
    file: &mut F,
    len: u64,
    size: u64,
    offset: u64,
    buf: &mut [u8],
) -> std::result::Result<(), Failure> {
    if let Err(e) = file.truncate_or_extend(len + size) {
        // Usually the length did not change; only reset it if it did.
        return Err(match file.current_len() {
            Ok(current) if current == len => Failure::Restored(e),
            _ => restore_len(file, len, e),
        });
    }
    match shift_restoring(
        file,
        offset + size,
        offset,
        len - offset,
        DestOnly::NotNeeded,
        buf,
    ) {
        Ok(()) => Ok(()),
        Err(Failure::Restored(e)) => Err(restore_len(file, len, e)),
        Err(damaged) => {
            let _ = file.truncate_or_extend(len);
            Err(damaged)
        }
    }
}

/// Delete `size` bytes at `offset` from a file of `len` bytes (checked by the
/// caller); `deleted` restores the deleted bytes if needed.
fn delete_raw<F: EditTarget + ?Sized>(
    file: &mut F,
    len: u64,
    size: u64,
    offset: u64,
    deleted: DestOnly<'_>,
    buf: &mut [u8],
) -> std::result::Result<(), Failure> {
    let tail = len - offset - size;
    shift_restoring(file, offset, offset + size, tail, deleted, buf)?;
    let Err(error) = file.truncate_or_extend(len - size) else {
        return Ok(());
    };
    // The tail moved down but the file could not shrink: move it back up.
    let undone = shift(file, offset + size, offset, tail, buf)
        .map_err(|p| p.error)
        .and_then(|()| match deleted {
            DestOnly::NotNeeded => Ok(()),
            DestOnly::Bytes(at, bytes) => file.write_all_to(at, bytes),
            DestOnly::Lost => Err(io::Error::other(
                "the deleted bytes exceeded the rollback limit and were not kept",
            )),
        });
    Err(match undone {
        Ok(()) => Failure::Restored(error),
        Err(restore_error) => Failure::Damaged(error, restore_error),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::{Rng, TempDir};
    use std::fs::OpenOptions;
    use std::io::{BufWriter, Read, Write};

    fn pattern_byte(i: u64) -> u8 {
        ((i * 31 + 7) % 251) as u8
    }

    fn pattern(n: usize) -> Vec<u8> {
        (0..n as u64).map(pattern_byte).collect()
    }

    #[test]
    fn hundred_mib_insert_then_delete_streaming() {
        const SIZE: u64 = 100 << 20;
        const AT: u64 = 1 << 20;
        const GAP: u64 = 4096;
        let dir = TempDir::new("big");
        let path = dir.path().join("big.bin");
        {
            let mut w = BufWriter::with_capacity(1 << 20, File::create(&path).unwrap());
            let mut block = vec![0u8; 1 << 20];
            let mut i = 0u64;
            while i < SIZE {
                for (k, b) in block.iter_mut().enumerate() {
                    *b = pattern_byte(i + k as u64);
                }
                w.write_all(&block).unwrap();
                i += block.len() as u64;
            }
            w.flush().unwrap();
        }
        let mut f = OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .unwrap();
        insert_bytes(&mut f, GAP, AT).unwrap();
        assert_eq!(f.current_len().unwrap(), SIZE + GAP);
        // The shifted tail is intact right after the gap.
        let mut probe = [0u8; 64];
        f.read_exact_from(AT + GAP, &mut probe).unwrap();
        assert!(probe
            .iter()
            .enumerate()
            .all(|(k, &b)| b == pattern_byte(AT + k as u64)));
        f.read_exact_from(SIZE + GAP - 64, &mut probe).unwrap();
        assert!(probe
            .iter()
            .enumerate()
            .all(|(k, &b)| b == pattern_byte(SIZE - 64 + k as u64)));

        delete_bytes(&mut f, GAP, AT).unwrap();
        assert_eq!(f.current_len().unwrap(), SIZE);
        drop(f);

        // Streaming comparison against the pattern, 1 MiB at a time.
        let mut r = File::open(&path).unwrap();
        let mut block = vec![0u8; 1 << 20];
        let mut i = 0u64;
        loop {
            let n = r.read(&mut block).unwrap();
            if n == 0 {
                break;
            }
            for (k, &b) in block[..n].iter().enumerate() {
                assert_eq!(
                    b,
                    pattern_byte(i + k as u64),
                    "mismatch at {}",
                    i + k as u64
                );
            }
            i += n as u64;
        }
        assert_eq!(i, SIZE);
    }

    enum Op {
        Insert { size: u64, offset: u64 },
        Delete { size: u64, offset: u64 },
        Move { dest: u64, src: u64, count: u64 },
        Resize { old: u64, new: u64, offset: u64 },
        Replace { offset: u64, old: u64, new: Vec<u8> },
    }

    fn random_op(rng: &mut Rng, len: u64) -> Op {
        match rng.below_u64(5) {
            0 => Op::Insert {
                size: rng.below_u64(3000),
                offset: rng.below_u64(len + 1),
            },
            1 => {
                let offset = rng.below_u64(len + 1);
                let size = rng.below_u64(len - offset + 1);
                Op::Delete { size, offset }
            }
            2 => {
                let count = rng.below_u64(len + 1);
                let src = rng.below_u64(len - count + 1);
                let dest = rng.below_u64(len - count + 1);
                Op::Move { dest, src, count }
            }
            3 => {
                let offset = rng.below_u64(len + 1);
                let old = rng.below_u64(len - offset + 1);
                let new = rng.below_u64(2000);
                Op::Resize { old, new, offset }
            }
            _ => {
                let offset = rng.below_u64(len + 1);
                let old = rng.below_u64(len - offset + 1);
                let n = rng.below_u64(2000) as usize;
                Op::Replace {
                    offset,
                    old,
                    new: rng.bytes(n),
                }
            }
        }
    }

    /// Apply `op`, zeroing any range the operation leaves unspecified.
    fn apply(t: &mut dyn EditTarget, op: &Op) -> Result<()> {
        match *op {
            Op::Insert { size, offset } => {
                insert_bytes(t, size, offset)?;
                t.write_all_to(offset, &vec![0; size as usize])?;
            }
            Op::Delete { size, offset } => delete_bytes(t, size, offset)?,
            Op::Move { dest, src, count } => move_bytes(t, dest, src, count)?,
            Op::Resize { old, new, offset } => {
                resize_bytes(t, old, new, offset)?;
                if new > old {
                    t.write_all_to(offset + old, &vec![0; (new - old) as usize])?;
                }
            }
            Op::Replace {
                offset,
                old,
                ref new,
            } => replace_region(t, offset, old, new)?,
        }
        Ok(())
    }

    /// The same operation on a plain vector.
    fn apply_model(m: &mut Vec<u8>, op: &Op) {
        let zeros = |n: u64| std::iter::repeat_n(0u8, n as usize);
        match *op {
            Op::Insert { size, offset } => {
                let o = offset as usize;
                m.splice(o..o, zeros(size));
            }
            Op::Delete { size, offset } => {
                m.drain(offset as usize..(offset + size) as usize);
            }
            Op::Move { dest, src, count } => {
                m.copy_within(src as usize..(src + count) as usize, dest as usize);
            }
            Op::Resize { old, new, offset } => {
                let (o, a, b) = (offset as usize, old as usize, new as usize);
                if b > a {
                    m.splice(o + a..o + a, zeros(new - old));
                } else {
                    m.drain(o + b..o + a);
                }
            }
            Op::Replace {
                offset,
                old,
                ref new,
            } => {
                let o = offset as usize;
                m.splice(o..o + old as usize, new.iter().copied());
            }
        }
    }

    #[test]
    fn random_edits_match_model_on_file_and_vec() {
        let dir = TempDir::new("random");
        let path = dir.path().join("r.bin");
        let mut rng = Rng::new(42);
        let initial = rng.bytes(5000);
        std::fs::write(&path, &initial).unwrap();
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(&path)
            .unwrap();
        let mut in_memory = initial.clone();
        let mut model = initial;

        for round in 0..400 {
            let op = random_op(&mut rng, model.len() as u64);
            apply(&mut file, &op).unwrap();
            apply(&mut in_memory, &op).unwrap();
            apply_model(&mut model, &op);
            let mut on_disk = Vec::new();
            File::open(&path)
                .unwrap()
                .read_to_end(&mut on_disk)
                .unwrap();
            assert!(on_disk == model, "file diverged at round {round}");
            assert!(in_memory == model, "vec diverged at round {round}");
        }
    }

    #[test]
    fn edge_cases() {
        let mut v: Vec<u8> = Vec::new();
        insert_bytes(&mut v, 0, 0).unwrap();
        assert!(v.is_empty());
        insert_bytes(&mut v, 5, 0).unwrap();
        assert_eq!(v.len(), 5);
        v.copy_from_slice(b"hello");
        insert_bytes(&mut v, 3, 5).unwrap(); // at the end
        assert_eq!(&v[..5], b"hello");
        assert_eq!(v.len(), 8);
        assert!(matches!(
            insert_bytes(&mut v, 1, 9),
            Err(Error::InvalidArgument(_))
        ));
        assert!(matches!(
            insert_bytes(&mut v, u64::MAX, 0),
            Err(Error::InvalidArgument(_))
        ));
        delete_bytes(&mut v, 3, 5).unwrap(); // at the end
        assert_eq!(v, b"hello");
        assert!(matches!(
            delete_bytes(&mut v, 2, 4),
            Err(Error::InvalidArgument(_))
        ));
        assert!(delete_bytes(&mut v, u64::MAX, 1).is_err());
        assert!(delete_bytes(&mut v, 1, u64::MAX).is_err());
        delete_bytes(&mut v, 0, 5).unwrap();
        delete_bytes(&mut v, 0, 2).unwrap();
        assert_eq!(v, b"hello");
        assert!(delete_bytes(&mut v, 0, 6).is_err());
        delete_bytes(&mut v, 5, 0).unwrap();
        assert!(v.is_empty());

        let mut v = b"abcdef".to_vec();
        assert!(move_bytes(&mut v, 4, 0, 3).is_err());
        assert!(move_bytes(&mut v, 0, 4, 3).is_err());
        assert!(move_bytes(&mut v, u64::MAX, 0, 1).is_err());
        move_bytes(&mut v, 3, 3, 3).unwrap();
        move_bytes(&mut v, 0, 6, 0).unwrap();
        move_bytes(&mut v, 1, 0, 5).unwrap();
        assert_eq!(v, b"aabcde");
        move_bytes(&mut v, 0, 2, 4).unwrap();
        assert_eq!(v, b"bcdede");

        let mut v = b"0123456789".to_vec();
        resize_bytes(&mut v, 2, 4, 3).unwrap();
        assert_eq!(&v[..5], b"01234");
        assert_eq!(&v[7..], b"56789");
        resize_bytes(&mut v, 4, 2, 3).unwrap();
        assert_eq!(v, b"0123456789");
        resize_bytes(&mut v, 3, 3, 7).unwrap();
        assert!(resize_bytes(&mut v, 4, 1, 7).is_err());

        replace_region(&mut v, 2, 3, b"XY").unwrap();
        assert_eq!(v, b"01XY56789");
        replace_region(&mut v, 9, 0, b"!").unwrap();
        assert_eq!(v, b"01XY56789!");
        replace_region(&mut v, 0, 10, b"").unwrap();
        assert!(v.is_empty());
        assert!(replace_region(&mut v, 1, 0, b"x").is_err());
    }

    /// A `Vec<u8>` target whose writes or length changes fail on command.
    struct Faulty {
        data: Vec<u8>,
        /// Fail the write with this number (counting from 0)...
        fail_write: Option<u64>,
        /// ...and every later one if `persistent`.
        persistent: bool,
        /// Fail any length change.
        fail_set_len: bool,
        writes: u64,
    }

    impl Faulty {
        fn new(data: Vec<u8>) -> Self {
            Faulty {
                data,
                fail_write: None,
                persistent: false,
                fail_set_len: false,
                writes: 0,
            }
        }
    }

    impl EditTarget for Faulty {
        fn current_len(&mut self) -> io::Result<u64> {
            self.data.current_len()
        }
        fn truncate_or_extend(&mut self, len: u64) -> io::Result<()> {
            if self.fail_set_len {
                return Err(io::Error::other("injected set_len failure"));
            }
            self.data.truncate_or_extend(len)
        }
        fn read_exact_from(&mut self, offset: u64, buf: &mut [u8]) -> io::Result<()> {
            self.data.read_exact_from(offset, buf)
        }
        fn write_all_to(&mut self, offset: u64, buf: &[u8]) -> io::Result<()> {
            let n = self.writes;
            self.writes += 1;
            let fail = match self.fail_write {
                Some(k) if self.persistent => n >= k,
                Some(k) => n == k,
                None => false,
            };
            if fail {
                // Half the chunk lands (garbage) before the error.
                let half: Vec<u8> = buf[..buf.len() / 2].iter().map(|b| !b).collect();
                self.data.write_all_to(offset, &half)?;
                return Err(io::Error::other("injected write failure"));
            }
            self.data.write_all_to(offset, buf)
        }
    }

    #[test]
    fn transient_failures_leave_the_data_as_it_was() {
        let mut rng = Rng::new(7);
        // Bigger than the shift buffer so moves take several chunks.
        let original = rng.bytes(SHIFT_BUFFER_SIZE * 2 + 12345);
        let len = original.len() as u64;
        let mut failures = 0;
        for trial in 0..60u64 {
            let mut t = Faulty::new(original.clone());
            t.fail_write = Some(rng.below_u64(3));
            let offset = rng.below_u64(len);
            let old = rng.below_u64((len - offset).min(3 << 20) + 1);
            let new_len = rng.below_u64(1 << 20) as usize;
            let new = rng.bytes(new_len);
            let result = match trial % 3 {
                0 => replace_region(&mut t, offset, old, &new),
                1 => insert_bytes(&mut t, new.len() as u64, offset),
                _ => delete_bytes(&mut t, old.min(ROLLBACK_LIMIT), offset),
            };
            match result {
                Ok(()) => {}
                Err(Error::Io(_)) => {
                    failures += 1;
                    assert!(t.data == original, "not restored in trial {trial}");
                }
                Err(e) => panic!("trial {trial}: unexpected {e}"),
            }
        }
        assert!(failures > 15, "too few injected failures hit: {failures}");

        // Overlapping moves, failing at each chunk in turn.
        for fail_at in 0..4 {
            for (dest, src) in [(100u64, 0u64), (0, 100), (10, 2_000_000), (2_000_000, 10)] {
                let mut t = Faulty::new(original.clone());
                t.fail_write = Some(fail_at);
                let count = (len - dest.max(src)).min(2_100_000);
                match move_bytes(&mut t, dest, src, count) {
                    Ok(()) => {}
                    Err(Error::Io(_)) => assert!(t.data == original),
                    Err(e) => panic!("unexpected {e}"),
                }
            }
        }
    }

    #[test]
    fn failing_length_change_restores() {
        let original = pattern(3000);
        let mut t = Faulty::new(original.clone());
        t.fail_set_len = true;
        assert!(matches!(insert_bytes(&mut t, 10, 5), Err(Error::Io(_))));
        assert_eq!(t.data, original);
        assert!(matches!(delete_bytes(&mut t, 10, 5), Err(Error::Io(_))));
        assert_eq!(t.data, original);
        assert!(matches!(
            replace_region(&mut t, 5, 100, b"short"),
            Err(Error::Io(_))
        ));
        assert_eq!(t.data, original);
        // Same size: no length change needed.
        replace_region(&mut t, 5, 3, b"abc").unwrap();
        assert_eq!(&t.data[5..8], b"abc");
    }

    #[test]
    fn persistent_failure_is_reported_as_damage() {
        let original = pattern(SHIFT_BUFFER_SIZE * 3);
        let mut t = Faulty::new(original);
        t.fail_write = Some(1);
        t.persistent = true;
        assert!(matches!(
            insert_bytes(&mut t, 10, 5),
            Err(Error::RestoreFailed { .. })
        ));
        let mut t = Faulty::new(pattern(100));
        t.fail_write = Some(0);
        t.persistent = true;
        assert!(matches!(
            replace_region(&mut t, 0, 10, b"0123456789"),
            Err(Error::RestoreFailed { .. })
        ));
    }

    #[test]
    fn oversized_delete_failure_cannot_restore_deleted_bytes() {
        let original = pattern((ROLLBACK_LIMIT as usize) * 3);
        let mut t = Faulty::new(original);
        t.fail_write = Some(1);
        assert!(matches!(
            delete_bytes(&mut t, ROLLBACK_LIMIT + 1, 0),
            Err(Error::RestoreFailed { .. })
        ));
    }
}
