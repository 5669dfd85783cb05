//! Reading files ahead for `batch_open`: native threads that never take the
//! GIL bring the parts of each file the loaders will read (its start, the
//! end of an ID3v2 tag and what follows, FLAC block headers, its end) into
//! the page cache, so that the Python thread opening the files one after
//! the other does not wait on the disk. Starts and ends are asked for with
//! read-ahead hints (`posix_fadvise` WILLNEED) well ahead, which keeps many
//! reads in flight; the places that depend on a file's content are found
//! by reading its start. Nothing is kept in this process: a later call
//! reads everything again.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use mtg_core::{ByteSource, FileSource};
use pyo3::prelude::*;

use crate::source;

/// Bytes read at the start of a file (and before the end of an ID3v2
/// tag).
const HEAD: usize = 16 * 1024;
/// Bytes read after an ID3v2 tag (where the MPEG frames are looked for).
const AFTER_TAG: usize = 64 * 1024;
/// Bytes read at the end of a file (ID3v1, APEv2, Lyrics3 footers).
const TAIL: usize = 4096;
/// How many files ahead the start and end of files are hinted (read-ahead
/// hints cost no waiting, so they can run further ahead than reads).
const HINT_AHEAD: usize = 32;
/// How many files the threads may read ahead of the files opened, so that
/// a long list does not push the first files out of the page cache.
const LEAD: usize = 64;

/// Asks the kernel to start reading `len` bytes at `offset` of `file` into
/// the page cache, without waiting for them (a hint: errors are ignored).
fn advise(file: &std::fs::File, offset: u64, len: u64) {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::io::AsRawFd;
        let (Ok(offset), Ok(len)) = (i64::try_from(offset), i64::try_from(len)) else {
            return;
        };
        // SAFETY: posix_fadvise takes an open descriptor (`file` is open for
        // the whole call) and integers; it touches no memory of ours. Used
        // because std has no read-ahead hint, and measured: a thread that
        // waits on each read keeps one read in flight, hints keep dozens
        // (bench_batch --cold, OPTIMIZATION_LOG.md "batch_open").
        unsafe {
            libc::posix_fadvise(file.as_raw_fd(), offset, len, libc::POSIX_FADV_WILLNEED);
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (file, offset, len);
    }
}

/// Hints the kernel to read the start and the end of the file at `path`
/// (see [`advise`]): fast, it waits for no disk.
fn hint(path: &PathBuf) {
    let Ok(file) = std::fs::File::open(path) else {
        return;
    };
    let Ok(meta) = file.metadata() else {
        return;
    };
    if !meta.is_file() {
        return;
    }
    let len = meta.len();
    advise(&file, 0, HEAD as u64);
    if len > HEAD as u64 {
        advise(&file, len.saturating_sub(TAIL as u64), TAIL as u64);
    }
}

/// Reads the parts of the file at `path` that loaders read; errors are
/// ignored (the loader meets them and reports them).
fn warm(path: &PathBuf) {
    // only regular files (opening a FIFO would wait for a writer)
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return;
    }
    let Ok(src) = FileSource::open(path) else {
        return;
    };
    let len = src.len();
    let Ok(head) = src.read_range(0, HEAD) else {
        return;
    };
    if head.len() >= 10 && &head[..3] == b"ID3" {
        // the end of the tag (its last frame header and padding) and the
        // first audio frames after it
        let size = mtg_core::syncsafe::decode_u28([head[6], head[7], head[8], head[9]]);
        let end = 10 + u64::from(size);
        if end > HEAD as u64 && end < len {
            let from = end.saturating_sub(HEAD as u64).max(HEAD as u64);
            advise(src.file(), from, end - from + AFTER_TAG as u64);
        }
    }
    if head.len() >= 4 && &head[..4] == b"fLaC" {
        // the metadata block headers: those past a large block (a picture)
        // are read by the loader
        let mut pos = 4u64;
        for _ in 0..MAX_BLOCKS {
            let Ok(h) = src.read_array::<4>(pos) else {
                break;
            };
            pos += 4 + u64::from(u32::from_be_bytes([0, h[1], h[2], h[3]]));
            if h[0] & 0x80 != 0 || pos >= len {
                break;
            }
        }
    }
}

/// FLAC metadata blocks walked at most.
const MAX_BLOCKS: usize = 256;

/// Threads reading a list of files ahead (see the module documentation);
/// stopped by `close()` (or when dropped).
#[pyclass(module = "mutagen_rs._native")]
pub struct Prefetch {
    stop: Arc<AtomicBool>,
    /// How many files the caller has opened.
    opened: Arc<AtomicUsize>,
    workers: Mutex<Vec<JoinHandle<()>>>,
}

impl Prefetch {
    fn stop_and_join(&self) {
        self.stop.store(true, Ordering::Relaxed);
        let workers = match self.workers.lock() {
            Ok(mut w) => std::mem::take(&mut *w),
            Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
        };
        for worker in workers {
            let _ = worker.join();
        }
    }
}

#[pymethods]
impl Prefetch {
    /// Tells the threads that the first `count` files were opened.
    fn opened(&self, count: usize) {
        self.opened.store(count, Ordering::Relaxed);
    }

    /// Stops reading ahead and waits for the threads to finish.
    fn close(&self, py: Python<'_>) {
        py.detach(|| self.stop_and_join());
    }
}

impl Drop for Prefetch {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}

/// `prefetch(paths, threads)`: starts `threads` threads reading the files
/// of `paths` ahead, in order (entries that are not paths are skipped).
#[pyfunction]
pub fn prefetch(paths: &Bound<'_, PyAny>, threads: usize) -> PyResult<Prefetch> {
    let mut list = Vec::new();
    for item in paths.try_iter()? {
        if let Some(path) = source::as_path(&item?)? {
            list.push(path);
        }
    }
    let list = Arc::new(list);
    let next = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let opened = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..threads.max(1) {
        let (list, next, stop, opened) = (list.clone(), next.clone(), stop.clone(), opened.clone());
        let spawned = std::thread::Builder::new()
            .name("mutagen_rs-prefetch".into())
            .spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i == 0 {
                        // the first files' starts and ends, all at once
                        list.iter().take(HINT_AHEAD).for_each(hint);
                    }
                    if let Some(ahead) = list.get(i + HINT_AHEAD) {
                        hint(ahead);
                    }
                    let Some(path) = list.get(i) else {
                        break;
                    };
                    while i > opened.load(Ordering::Relaxed) + LEAD {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        std::thread::sleep(std::time::Duration::from_micros(200));
                    }
                    warm(path);
                }
            });
        match spawned {
            Ok(handle) => workers.push(handle),
            // no thread: the files are simply read when opened
            Err(_) => break,
        }
    }
    Ok(Prefetch {
        stop,
        opened,
        workers: Mutex::new(workers),
    })
}
