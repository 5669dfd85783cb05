//! Saving without ever leaving a half-written file.
//!
//! Two strategies, both giving "a complete result or the file as it was":
//!
//! 1. **In place** ([`crate::edit`]): the file is edited where it is, like
//!    mutagen does, which is fast (only the bytes after the tag move) and keeps
//!    the file's identity (inode, hard links, extended attributes, open
//!    handles). On an I/O error the edit is undone before returning. It cannot
//!    survive a crash or power loss in the middle of the edit.
//! 2. **Rewrite and rename** ([`rewrite_atomically`]): the complete new
//!    content is written to a temporary file in the same directory, flushed to
//!    disk (`fsync`), given the original's permissions (and owner, where
//!    allowed), then renamed over the original, which is atomic on POSIX
//!    filesystems. The temporary file is removed if anything fails. This
//!    survives crashes but costs a full copy of the file and gives it a new
//!    identity (hard links to the old file keep the old content; extended
//!    attributes and ACLs are not copied). Symbolic links are followed: the
//!    file they point to is replaced, the link stays.
//!
//! [`save_region`] combines them: in place first, and only if that fails with
//! an I/O error after which the file was restored, the rewrite. Permission
//! problems are not worked around: if the file cannot be opened for writing,
//! neither strategy is attempted (a rename could otherwise replace a
//! read-only file).

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::edit::replace_region;
use crate::error::{Error, Result};

/// Capacity of the buffered writer handed to [`rewrite_atomically`] callers.
const WRITE_BUFFER_SIZE: usize = 256 * 1024;

/// Which strategy [`save_region`] ended up using.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveMethod {
    /// The file was edited in place.
    InPlace,
    /// In-place editing failed (and was undone); the file was rewritten and
    /// renamed over the original.
    Rewritten,
}

/// Replace the content of the file at `path` with whatever `write` produces,
/// atomically: readers see either the old file or the complete new one.
///
/// `write` gets a buffered writer on a fresh temporary file in the same
/// directory and must write the whole new content; it may read the original
/// at `path` meanwhile. If `write` (or anything after it) fails, the temporary
/// file is removed and the original is untouched. The original must be
/// writable by the caller, as it would have to be for an in-place save.
pub fn rewrite_atomically<P, F>(path: P, write: F) -> Result<()>
where
    P: AsRef<Path>,
    F: FnOnce(&mut BufWriter<File>) -> Result<()>,
{
    // Follow symbolic links so the link itself survives.
    let target = fs::canonicalize(path.as_ref())?;
    let metadata = OpenOptions::new().write(true).open(&target)?.metadata()?;
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();

    let (temp_path, temp_file) = create_temp_file(dir, &name)?;
    let mut guard = RemoveOnDrop(Some(temp_path));

    let mut writer = BufWriter::with_capacity(WRITE_BUFFER_SIZE, temp_file);
    write(&mut writer)?;
    let file = writer.into_inner().map_err(|e| e.into_error())?;
    copy_owner_and_permissions(&file, &metadata)?;
    file.sync_all()?;
    drop(file);

    if let Some(temp_path) = guard.0.as_ref() {
        fs::rename(temp_path, &target)?;
    }
    guard.0 = None;
    sync_directory(dir);
    Ok(())
}

/// Like [`crate::edit::replace_region`] on the file at `path`, but by writing a
/// new file (prefix, `new_bytes`, suffix) and renaming it over the original;
/// see [`rewrite_atomically`].
pub fn rewrite_region_atomically(
    path: impl AsRef<Path>,
    offset: u64,
    old_len: u64,
    new_bytes: &[u8],
) -> Result<()> {
    let path = path.as_ref();
    let mut original = File::open(path)?;
    let len = original.metadata()?.len();
    let end = offset
        .checked_add(old_len)
        .filter(|&end| end <= len)
        .ok_or_else(|| {
            Error::invalid_argument(format!(
                "cannot replace {old_len} bytes at offset {offset} in a file of {len} bytes"
            ))
        })?;
    rewrite_atomically(path, |w| {
        let copied = io::copy(&mut (&mut original).take(offset), w)?;
        if copied != offset {
            return Err(Error::truncated("file shrank while being rewritten"));
        }
        w.write_all(new_bytes)?;
        original.seek(SeekFrom::Start(end))?;
        io::copy(&mut original, w)?;
        Ok(())
    })
}

/// Save a new region (typically a tag) into the file at `path`: replace the
/// `old_len` bytes at `offset` with `new_bytes`. Edits in place when possible,
/// otherwise rewrites the file atomically; either way the file ends up
/// complete or as it was. See the [module documentation](self).
///
/// If both strategies fail, the in-place error is returned.
pub fn save_region(
    path: impl AsRef<Path>,
    offset: u64,
    old_len: u64,
    new_bytes: &[u8],
) -> Result<SaveMethod> {
    save_region_with(path.as_ref(), offset, old_len, new_bytes, |file| {
        replace_region(file, offset, old_len, new_bytes)
    })
}

/// [`save_region`] with the in-place step supplied (so tests can make it fail).
fn save_region_with<F>(
    path: &Path,
    offset: u64,
    old_len: u64,
    new_bytes: &[u8],
    in_place: F,
) -> Result<SaveMethod>
where
    F: FnOnce(&mut File) -> Result<()>,
{
    let mut file = OpenOptions::new().read(true).write(true).open(path)?;
    match in_place(&mut file) {
        Ok(()) => Ok(SaveMethod::InPlace),
        // The edit failed and was undone: the original is intact, so a
        // rewrite from it can still succeed.
        Err(Error::Io(error)) => {
            drop(file);
            match rewrite_region_atomically(path, offset, old_len, new_bytes) {
                Ok(()) => Ok(SaveMethod::Rewritten),
                Err(_) => Err(Error::Io(error)),
            }
        }
        Err(other) => Err(other),
    }
}

/// Removes the temporary file it holds when dropped (unless emptied).
struct RemoveOnDrop(Option<PathBuf>);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = fs::remove_file(path);
        }
    }
}

/// Create a new, uniquely named file in `dir`, named after `name`.
fn create_temp_file(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut last_error = None;
    for _ in 0..100 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let candidate = dir.join(format!(".{name}.{}.{n}.mtg-tmp", std::process::id()));
        match OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => return Ok((candidate, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last_error = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other("no free temporary file name")))
}

/// Give `file` the permissions (and, on Unix, where allowed, the owner and
/// group) described by `metadata`.
fn copy_owner_and_permissions(file: &File, metadata: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away, and only group members may change
        // its group: both are best effort. Done before the mode, because a
        // change of owner clears set-id bits.
        let _ = std::os::unix::fs::fchown(file, Some(metadata.uid()), Some(metadata.gid()));
        let _ = std::os::unix::fs::fchown(file, None, Some(metadata.gid()));
    }
    file.set_permissions(metadata.permissions())
}

/// Flush a directory entry change (the rename) to disk; best effort.
fn sync_directory(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::TempDir;

    fn temp_leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".mtg-tmp"))
            .collect()
    }

    #[test]
    fn rewrite_replaces_content() {
        let dir = TempDir::new("atomic-ok");
        let path = dir.path().join("song.mp3");
        fs::write(&path, b"old content").unwrap();
        rewrite_atomically(&path, |w| {
            w.write_all(b"new ")?;
            w.write_all(b"content")?;
            Ok(())
        })
        .unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new content");
        assert!(temp_leftovers(dir.path()).is_empty());
    }

    #[test]
    fn failing_writer_leaves_original_untouched() {
        let dir = TempDir::new("atomic-fail");
        let path = dir.path().join("song.mp3");
        let original: Vec<u8> = (0..100_000u32).map(|i| (i % 253) as u8).collect();
        fs::write(&path, &original).unwrap();
        let result = rewrite_atomically(&path, |w| {
            w.write_all(&[0u8; 300_000])?; // more than the buffer: hits the disk
            Err(Error::invalid_data("injected failure halfway"))
        });
        assert!(matches!(result, Err(Error::InvalidData(_))));
        assert_eq!(fs::read(&path).unwrap(), original);
        assert!(temp_leftovers(dir.path()).is_empty());
    }

    #[test]
    fn missing_file_is_an_error() {
        let dir = TempDir::new("atomic-missing");
        let result = rewrite_atomically(dir.path().join("nope"), |_| Ok(()));
        assert!(matches!(result, Err(Error::Io(_))));
        assert!(temp_leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn permissions_and_symlinks_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = TempDir::new("atomic-perm");
        let path = dir.path().join("song.flac");
        fs::write(&path, b"abc").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.flac");
        std::os::unix::fs::symlink(&path, &link).unwrap();

        rewrite_region_atomically(&link, 1, 1, b"XYZ").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"aXYZc");
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn rewrite_region_checks_range() {
        let dir = TempDir::new("atomic-range");
        let path = dir.path().join("a");
        fs::write(&path, b"abc").unwrap();
        assert!(matches!(
            rewrite_region_atomically(&path, 2, 2, b"x"),
            Err(Error::InvalidArgument(_))
        ));
        assert_eq!(fs::read(&path).unwrap(), b"abc");
        rewrite_region_atomically(&path, 3, 0, b"def").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"abcdef");
    }

    #[test]
    fn save_region_in_place_and_fallback() {
        let dir = TempDir::new("atomic-save");
        let path = dir.path().join("a");
        fs::write(&path, b"0123456789").unwrap();
        assert_eq!(
            save_region(&path, 2, 3, b"abcdef").unwrap(),
            SaveMethod::InPlace
        );
        assert_eq!(fs::read(&path).unwrap(), b"01abcdef56789");

        // In place fails (and restores): the rewrite takes over.
        let method = save_region_with(&path, 0, 2, b"", |_| {
            Err(Error::Io(io::Error::other("injected")))
        })
        .unwrap();
        assert_eq!(method, SaveMethod::Rewritten);
        assert_eq!(fs::read(&path).unwrap(), b"abcdef56789");

        // A damaged file or a bad argument is not papered over.
        let damaged = save_region_with(&path, 0, 1, b"", |_| {
            Err(Error::RestoreFailed {
                error: io::Error::other("a"),
                restore_error: io::Error::other("b"),
            })
        });
        assert!(matches!(damaged, Err(Error::RestoreFailed { .. })));
        assert!(matches!(
            save_region(&path, 100, 1, b""),
            Err(Error::InvalidArgument(_))
        ));
        // Both strategies failing gives the in-place error.
        let both = save_region_with(&path, 100, 1, b"", |_| {
            Err(Error::Io(io::Error::other("in place")))
        });
        assert!(matches!(both, Err(Error::Io(e)) if e.to_string() == "in place"));
        assert_eq!(fs::read(&path).unwrap(), b"abcdef56789");
        assert!(temp_leftovers(dir.path()).is_empty());
    }
}
