//! `id3_read`: a file's ID3 tags for the Python layer.
//!
//! Two phases: [`prepare`] opens and reads the file, splits the tag and
//! decodes its frames (pure Rust, owned results; for a path all of it in
//! one stretch without the GIL), then the frames become Python objects.

use std::collections::HashSet;
use std::ops::Range;

use mtg_core::{ByteSource, ReadWindows};
use mtg_id3::tag::{is_mutagen_frame_id, SkipReason};
use mtg_id3::{
    read_id3, read_id3_sparse, DeferredBody, Id3Error, Id3v1, SizeMode, SparseLimits, TagBytes,
};
use mtg_mpeg::{MpegError, MpegInfo};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

use super::build::{decode, Decoded, Entry, FrameBuilder};
use super::upgrade::upgrade_to_v24;
use super::{error, v1};
use crate::source::{self, PySource};

/// `(id, flags, body, frame_header)`: the frame header as stored, so that
/// the raw frame (`frame_header + body`, needed only for unknown frames) is
/// built in Python when needed instead of copying every body twice.
fn frame_tuple<'py>(
    py: Python<'py>,
    id: &str,
    flags: u16,
    body: &[u8],
    raw: &[u8],
) -> PyResult<Bound<'py, PyTuple>> {
    let header = raw
        .get(..raw.len().saturating_sub(body.len()))
        .unwrap_or_default();
    PyTuple::new(
        py,
        [
            id.into_pyobject(py)?.into_any(),
            flags.into_pyobject(py)?.into_any(),
            PyBytes::new(py, body).into_any(),
            PyBytes::new(py, header).into_any(),
        ],
    )
}

/// The ID3v2.4 body of the frame an ID3v1 field becomes (Latin-1 text;
/// COMM with mutagen's language and description); None if `text` does
/// not fit Latin-1.
fn v1_body(id: &str, text: &str) -> Option<Vec<u8>> {
    let mut body = vec![0u8];
    if id == "COMM" {
        body.extend_from_slice(mtg_id3::v1::V1_COMMENT_LANG.as_bytes());
        body.extend_from_slice(mtg_id3::v1::V1_COMMENT_DESC.as_bytes());
        body.push(0);
    }
    for c in text.chars() {
        body.push(u8::try_from(u32::from(c)).ok()?);
    }
    Some(body)
}

/// `id3_v1_frame(table, native, frame_id, text)`: the frame an ID3v1 field
/// becomes (`TIT2`, `COMM`, `TDRC`, ...: Latin-1 `text`; COMM with
/// mutagen's language and description), built natively; None when
/// `table[frame_id]` is not the standard class or the text is not Latin-1
/// (the caller then builds it in Python).
#[pyfunction]
pub fn id3_v1_frame<'py>(
    table: Bound<'py, PyDict>,
    native: Bound<'py, PyDict>,
    frame_id: &str,
    text: &str,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(body) = v1_body(frame_id, text) else {
        return Ok(None);
    };
    let builder = FrameBuilder::new(table, None, native)?;
    Ok(builder
        .build(4, frame_id, 0, &body)?
        .map(|(_, frame)| frame))
}

/// The frames an ID3v1 tag adds to `frames` (`{hash_key: frame}`, changed
/// in place), as mutagen merges them after loading: each field whose frame
/// ID (with a `:` part or not; COMM by its whole key) the dict lacks, built
/// natively, in field order. The year is a `TYER` frame when `v2_version`
/// is 3 and the table has that frame, else `TDRC` (as mutagen chooses it
/// with `known_frames`). Returns False, changing nothing, when a
/// field's class in the table is not the standard one or cannot be built
/// here (the Python merge then runs).
fn merge_v1_frames<'py>(
    builder: &FrameBuilder<'py>,
    v1: &Id3v1,
    v2_version: u8,
    frames: &Bound<'py, PyDict>,
) -> PyResult<bool> {
    let mut keys: Vec<String> = frames
        .keys()
        .iter()
        .map(|k| k.extract::<String>())
        .collect::<PyResult<_>>()?;
    let mut add = Vec::new();
    let version = if v2_version == 3 && builder.has("TYER")? {
        3
    } else {
        4
    };
    for (id, text) in v1.frames(version) {
        if !builder.is_standard(4, id)? {
            return Ok(false);
        }
        let key = if id == "COMM" {
            format!(
                "COMM:{}:{}",
                mtg_id3::v1::V1_COMMENT_DESC,
                mtg_id3::v1::V1_COMMENT_LANG
            )
        } else {
            id.to_owned()
        };
        // what `getall(key)` would find
        let present = keys.iter().any(|k| {
            k.strip_prefix(key.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(':'))
        });
        if present {
            continue;
        }
        let Some(body) = v1_body(id, &text) else {
            return Ok(false);
        };
        let Some((hash_key, frame)) = builder.build(4, id, 0, &body)? else {
            return Ok(false);
        };
        keys.push(key);
        add.push((hash_key, frame));
    }
    for (hash_key, frame) in add {
        frames.set_item(hash_key, frame)?;
    }
    Ok(true)
}

/// A frame as the Python side gets it, found and decoded by [`prepare`].
struct PreparedFrame {
    /// Offset of the frame header in the frame area.
    offset: usize,
    id: String,
    /// The flags to decode it with (see `Tag::effective_flags`).
    flags: u16,
    /// Its body and its whole bytes, in the frame area.
    body: Range<usize>,
    raw: Range<usize>,
    deferred: Option<DeferredBody>,
    decoded: Decoded<'static>,
}

/// The ID3v2 tag as [`prepare`] found it.
struct PreparedTag {
    bytes: TagBytes<'static>,
    /// Every frame in file order, with those the splitter rejected for
    /// their ID (mutagen still reads them).
    frames: Vec<PreparedFrame>,
    padding: usize,
}

/// Everything `id3_read` takes from a file, owned: made without the GIL.
struct Prepared {
    /// The file has no ID3 tag (mutagen's `ID3NoHeaderError`): only the
    /// MPEG stream info was read (when asked for).
    untagged: bool,
    v2: Option<PreparedTag>,
    v1: Option<Id3v1>,
    mpeg: Option<Result<MpegInfo, MpegError>>,
    /// The file's fingerprint, when a picture was left in it.
    fingerprint: Option<source::Fingerprint>,
}

/// What [`prepare`] does.
struct PrepareOptions<'a> {
    load_v1: bool,
    /// Frame IDs the caller knows (the v2.4 size heuristic), or None for
    /// mutagen's.
    known: Option<&'a HashSet<String>>,
    /// Leave large pictures in the file (a path source only).
    sparse: bool,
    /// Decode the frames (for building them natively).
    decode: bool,
    /// With `decode`: leave the frames that [`can_wait`](super::build::can_wait) allows undecoded
    /// ([`Decoded::Later`]), for a lazy load that builds them later.
    decode_later: bool,
    /// Read the MPEG stream info after the tag.
    mpeg: bool,
}

/// Reads and decodes a file's tags (pure Rust; see [`Prepared`]).
fn prepare(src: &PySource, opts: &PrepareOptions<'_>) -> mtg_core::Result<Prepared> {
    // the tag readers and the MPEG reader share what each read
    let reads = ReadWindows::new(src);
    let known = |id: &str| match opts.known {
        Some(set) => set.contains(id),
        None => is_mutagen_frame_id(id.as_bytes()),
    };
    let found = if opts.sparse {
        read_id3_sparse(&reads, opts.load_v1, &known, SparseLimits::default())
    } else {
        read_id3(&reads, opts.load_v1)
    };
    let found = match found {
        Ok(found) => found,
        // no tag at all: MP3 reads only the stream, from the start
        Err(e) if opts.mpeg && matches!(Id3Error::find(&e), Some(Id3Error::NoHeader(_))) => {
            return Ok(Prepared {
                untagged: true,
                v2: None,
                v1: None,
                mpeg: Some(MpegInfo::read(&reads, None)),
                fingerprint: None,
            });
        }
        Err(e) => return Err(e),
    };
    let mut fingerprint = None;
    let v2 = match found.v2 {
        None => None,
        Some(bytes) => {
            let bytes = bytes.into_owned();
            let major = bytes.header().major;
            let tag = bytes.frames_with(&known);
            let area = bytes.frame_area();
            let range_of = |part: &[u8]| {
                let start = part.as_ptr() as usize - area.as_ptr() as usize;
                start..start + part.len()
            };
            let mut frames = Vec::with_capacity(tag.frames.len());
            for frame in &tag.frames {
                let flags = tag.effective_flags(frame);
                let deferred = bytes.deferred_at(frame.offset).copied();
                let decoded = if opts.decode {
                    decode(
                        major,
                        frame.id.as_str(),
                        flags,
                        frame.body,
                        deferred.is_some(),
                        opts.decode_later,
                    )
                    .into_owned()
                } else {
                    Decoded::No
                };
                frames.push(PreparedFrame {
                    offset: frame.offset,
                    id: frame.id.as_str().to_owned(),
                    flags,
                    body: range_of(frame.body),
                    raw: range_of(frame.raw),
                    deferred,
                    decoded,
                });
            }
            for skipped in &tag.skipped {
                if skipped.reason != SkipReason::InvalidId {
                    continue;
                }
                if let Some((flags, body, raw)) =
                    reslice(area, skipped.offset, major, tag.size_mode)
                {
                    let id_len = if major == 2 { 3 } else { 4 };
                    let id: String = skipped.id[..id_len]
                        .iter()
                        .map(|&b| char::from(b))
                        .collect();
                    let flags = if tag.unsync_frames() {
                        flags | 0x0002
                    } else {
                        flags
                    };
                    frames.push(PreparedFrame {
                        offset: skipped.offset,
                        id,
                        flags,
                        body: range_of(body),
                        raw: range_of(raw),
                        deferred: None,
                        decoded: Decoded::No,
                    });
                }
            }
            frames.sort_by_key(|f| f.offset);
            let padding = tag.padding;
            drop(tag);
            if !bytes.deferred().is_empty() {
                if let PySource::Path(fs) = src {
                    fingerprint = Some(source::fingerprint_of(fs.metadata()));
                }
            }
            Some(PreparedTag {
                bytes,
                frames,
                padding,
            })
        }
    };
    let mpeg = opts.mpeg.then(|| {
        let offset = v2.as_ref().map_or(0, |t| u64::from(t.bytes.header().size));
        MpegInfo::read(&reads, Some(offset))
    });
    Ok(Prepared {
        untagged: false,
        v2,
        v1: found.v1.map(|(tag, _)| tag),
        mpeg,
        fingerprint,
    })
}

/// The raw frame (header and whole body) of a deferred body, read from
/// `src`.
fn read_whole(py: Python<'_>, src: &PySource, d: &DeferredBody, name: &str) -> PyResult<Vec<u8>> {
    let start = d.source_offset.saturating_sub(10);
    let data = src
        .read_range(start, d.size + 10)
        .map_err(|e| error::to_py(py, &e, name))?;
    if data.len() != d.size + 10 {
        let e = mtg_core::Error::truncated("the file changed while read");
        return Err(error::to_py(py, &e, name));
    }
    Ok(data.into_owned())
}

/// A frame's flags, body and raw bytes at `offset` of the frame area, read
/// again from its header (for frames the splitter skipped).
fn reslice(area: &[u8], offset: usize, major: u8, mode: SizeMode) -> Option<(u16, &[u8], &[u8])> {
    let header_len = if major == 2 { 6 } else { 10 };
    let h = area.get(offset..offset.checked_add(header_len)?)?;
    let (size, flags) = if major == 2 {
        (u32::from_be_bytes([0, h[3], h[4], h[5]]), 0)
    } else {
        let sb = [h[4], h[5], h[6], h[7]];
        let size = match mode {
            SizeMode::Syncsafe => mtg_core::syncsafe::decode_u28(sb),
            SizeMode::Plain => u32::from_be_bytes(sb),
        };
        (size, u16::from_be_bytes([h[8], h[9]]))
    };
    let body_start = offset + header_len;
    let end = body_start
        .saturating_add(usize::try_from(size).ok()?)
        .min(area.len());
    Some((flags, area.get(body_start..end)?, area.get(offset..end)?))
}

/// The frames of `tag` as Python objects: `(frames, all_built)`, where
/// `frames` is a dict `{hash_key: frame}` when every frame was built
/// natively under distinct keys (`all_built`), else the list of entries
/// `(hash_key, frame)` or `(id, flags, body, frame_header)` (for the
/// Python path), in file order. `src` is needed only for a picture left in
/// the file whose frame cannot be built from its first bytes.
fn build_frames<'py>(
    py: Python<'py>,
    builder: Option<&FrameBuilder<'py>>,
    tag: &PreparedTag,
    filething: &Bound<'py, PyAny>,
    fingerprint: Option<&Bound<'py, PyAny>>,
    src: Option<&PySource>,
    name: &str,
) -> PyResult<(Bound<'py, PyAny>, bool)> {
    let major = tag.bytes.header().major;
    let area = tag.bytes.frame_area();
    let mut simple = builder.is_some();
    // (key, frame) for built frames, (raw tuple, None) for others
    let mut entries: Vec<(Bound<'py, PyAny>, Option<Bound<'py, PyAny>>)> =
        Vec::with_capacity(tag.frames.len());
    // built frames by key, to notice keys that repeat
    let seen = PyDict::new(py);
    for frame in &tag.frames {
        let id = frame.id.as_str();
        let mut entry = Entry::Python;
        if let Some(b) = builder {
            entry = b.build_decoded(major, id, &frame.decoded, |start| {
                let (Some(d), Some(print)) = (frame.deferred, fingerprint) else {
                    return Err(pyo3::exceptions::PyAssertionError::new_err(
                        "picture not left in a file",
                    ));
                };
                Ok(PyTuple::new(
                    py,
                    [
                        filething.clone(),
                        (d.source_offset + start as u64)
                            .into_pyobject(py)?
                            .into_any(),
                        (d.size - start).into_pyobject(py)?.into_any(),
                        print.clone(),
                    ],
                )?
                .into_any())
            })?;
        }
        let unbuilt = matches!(entry, Entry::Python);
        // a deferred body not built from its prefix is read whole
        let whole;
        let (body, raw) = match (frame.deferred, src) {
            (Some(d), Some(src)) if unbuilt => {
                whole = read_whole(py, src, &d, name)?;
                (&whole[10..], &whole[..])
            }
            (Some(_), None) if unbuilt => {
                return Err(pyo3::exceptions::PyAssertionError::new_err(
                    "picture left in a closed file",
                ));
            }
            _ => (
                area.get(frame.body.clone()).unwrap_or_default(),
                area.get(frame.raw.clone()).unwrap_or_default(),
            ),
        };
        if unbuilt && (frame.deferred.is_some() || matches!(frame.decoded, Decoded::Later)) {
            if let Some(b) = builder {
                entry = b.build_entry(major, id, frame.flags, body)?;
            }
        }
        match entry {
            Entry::Built(key, obj) => {
                if simple {
                    if seen.contains(&key)? {
                        simple = false;
                    } else {
                        seen.set_item(&key, &obj)?;
                    }
                }
                entries.push((key.into_any(), Some(obj)));
            }
            // as mutagen's load drops a junk frame
            Entry::Dropped => {}
            Entry::Python => {
                simple = false;
                let item = frame_tuple(py, id, frame.flags, body, raw)?;
                entries.push((item.into_any(), None));
            }
        }
    }
    if simple {
        // every frame built, keys distinct: the dict is the answer
        return Ok((seen.into_any(), true));
    }
    let frames = PyList::empty(py);
    for (first, frame) in entries {
        match frame {
            Some(frame) => frames.append(PyTuple::new(py, [first, frame])?)?,
            None => frames.append(first)?,
        }
    }
    Ok((frames.into_any(), false))
}

/// Whether every frame of `tag` can wait to be built (natively, with no
/// need of the file): each decoded with its key known, junk, or left for
/// later ([`Decoded::Later`]); its class the standard one; the keys known
/// now distinct. A frame left for later that does not decode (but as junk,
/// which is dropped), or whose key turns out to repeat, is found when
/// building: `build` then answers with the list of entries for the Python
/// path, as an eager load would have.
fn lazy_candidate(builder: &FrameBuilder<'_>, tag: &PreparedTag) -> PyResult<bool> {
    let major = tag.bytes.header().major;
    let mut keys = HashSet::with_capacity(tag.frames.len());
    for frame in &tag.frames {
        match &frame.decoded {
            Decoded::Frame { key: Some(k), .. } | Decoded::Picture { key: Some(k), .. } => {
                if !keys.insert(k.as_str()) {
                    return Ok(false);
                }
            }
            // (a junk frame of a standard class is dropped when building)
            Decoded::Later | Decoded::Junk => {}
            _ => return Ok(false),
        }
        if !builder.is_standard(major, frame.id.as_str())? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The frames of a loaded tag, decoded but not yet Python objects: `ID3`
/// builds them (`build()`) when its frames are first used.
#[pyclass(module = "mutagen_rs._native", frozen)]
pub struct PendingFrames {
    tag: PreparedTag,
    table: Py<PyDict>,
    table22: Option<Py<PyDict>>,
    native: Py<PyDict>,
    filething: Py<PyAny>,
    fingerprint: Option<Py<PyAny>>,
    /// The file's ID3v1 tag, merged into the frames when they are built.
    v1: Option<Id3v1>,
}

#[pymethods]
impl PendingFrames {
    /// `({hash_key: frame}, v1_fields, upgraded)`: new frame objects on
    /// every call. With `merge_v1`, the ID3v1 frames the tag lacks are in
    /// the dict (see [`merge_v1_frames`], with the tag's version) and
    /// `v1_fields` is None; else, or when that cannot be done here,
    /// `v1_fields` is the `[(frame_id, kwargs)]` list for the Python merge
    /// (None without an ID3v1 tag). With `upgrade` too, the frames are
    /// converted to ID3v2.4 as `update_to_v24` does, when that can be done
    /// here ([`upgrade_to_v24`]); `upgraded` says whether it was.
    #[pyo3(signature = (merge_v1=true, upgrade=false))]
    fn build<'py>(
        &self,
        py: Python<'py>,
        merge_v1: bool,
        upgrade: bool,
    ) -> PyResult<(Bound<'py, PyAny>, Option<Bound<'py, PyList>>, bool)> {
        let builder = FrameBuilder::new(
            self.table.bind(py).clone(),
            self.table22.as_ref().map(|t| t.bind(py).clone()),
            self.native.bind(py).clone(),
        )?;
        let fingerprint = self.fingerprint.as_ref().map(|f| f.bind(py).clone());
        let (frames, _) = build_frames(
            py,
            Some(&builder),
            &self.tag,
            self.filething.bind(py),
            fingerprint.as_ref(),
            None,
            "",
        )?;
        let Ok(dict) = frames.cast::<PyDict>() else {
            let v1 = match &self.v1 {
                Some(v1) => Some(v1::frames_to_py(py, v1, 4)?),
                None => None,
            };
            return Ok((frames, v1, false));
        };
        if let Some(v1) = &self.v1 {
            let version = if self.tag.bytes.header().major == 4 {
                4
            } else {
                3
            };
            if !(merge_v1 && merge_v1_frames(&builder, v1, version, dict)?) {
                return Ok((frames, Some(v1::frames_to_py(py, v1, 4)?), false));
            }
        }
        let upgraded = upgrade && upgrade_to_v24(&builder, dict)?;
        Ok((frames, None, upgraded))
    }

    /// The object itself: it never changes.
    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// The object itself: it never changes.
    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// Reads the ID3v2 tag at the start of `filething` (a path, opened by Rust,
/// or a file object) and, with `load_v1`, the ID3v1 tag at its end.
///
/// Returns a dict: `version` ((2, major, revision) or None without a v2 tag),
/// `flags`, `size` (the whole v2 tag), `ext_data`, `padding`, `frames`
/// (`[(id, effective_flags, body, frame_header)]` in file order; the raw
/// frame is `frame_header + body`) and `v1` (the frames
/// ParseID3v1 makes, or None). `known_ids` (frame IDs the caller knows, or
/// None) steers the v2.4 frame-size heuristic. Raises mutagen's ID3 errors.
///
/// With `table` (frame ID to class, the table an ID3v2.3/2.4 tag is read
/// with) and `native` (the classes that may be built here), frames are built
/// as Python objects where possible (see `build`): such an entry of
/// `frames` is `(hash_key, frame)` instead of the raw 4-tuple, and `simple`
/// is True when every entry was built and no two share a key (`frames` is
/// then a dict). With `lazy` too, when every frame can be built that way
/// without the file, `frames` is a `PendingFrames` that builds that dict
/// later, and `lazy` is True in the result.
///
/// With `table22` too (the table an ID3v2.2 tag is read with), the frames
/// of an ID3v2.2 tag are built the same way, as the ID3v2.3/2.4 frames
/// they become (see `build`); without it they are left to the Python path.
///
/// In a file with only an ID3v1 tag, with `table` and `native`, its frames
/// are built here when they can be (`v2_version` chooses the year's frame,
/// `TDRC` for 4 or `TYER` for 3) as the dict `v1_frames`, and `v1` is None.
/// In a lazy result the ID3v1 tag goes with the `PendingFrames` (`v1` is
/// None).
///
/// With `mpeg_modes` (the `BitrateMode` members), a file without any ID3
/// tag gives `{"untagged": True, "mpeg": ...}`, the stream info read from
/// the start of the file (without `mpeg_modes` such a file raises
/// `ID3NoHeaderError`); and the
/// MPEG audio stream info after the tag is read too, from the same open
/// file, as `mpeg`: the
/// attributes of `MPEGInfo` (searched from the end of the ID3v2 tag, or
/// from 0 with only an ID3v1 tag), or the exception reading it raised.
#[pyfunction]
#[pyo3(signature = (filething, load_v1=true, known_ids=None, v2_version=4, table=None, native=None, mpeg_modes=None, lazy=false, table22=None))]
#[allow(clippy::too_many_arguments)]
pub fn id3_read<'py>(
    py: Python<'py>,
    filething: &Bound<'py, PyAny>,
    load_v1: bool,
    known_ids: Option<&Bound<'py, PyAny>>,
    v2_version: u8,
    table: Option<Bound<'py, PyDict>>,
    native: Option<Bound<'py, PyDict>>,
    mpeg_modes: Option<Bound<'py, PyAny>>,
    lazy: bool,
    table22: Option<Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let classes = match (&table, &native) {
        (Some(t), Some(n)) => Some((
            t.clone().unbind(),
            table22.clone().map(Bound::unbind),
            n.clone().unbind(),
        )),
        _ => None,
    };
    let builder = match (table, native) {
        (Some(table), Some(native)) => Some(FrameBuilder::new(table, table22, native)?),
        _ => None,
    };
    let name = error::display_name(filething);
    let known: Option<HashSet<String>> = match known_ids {
        Some(ids) if !ids.is_none() => Some(
            ids.try_iter()?
                .map(|i| i.and_then(|i| i.extract::<String>()))
                .collect::<PyResult<_>>()?,
        ),
        _ => None,
    };
    let native_build = builder.is_some();
    let want_mpeg = mpeg_modes.is_some();
    let known_ref = known.as_ref();
    let opened = source::open_and_run(py, filething, |src| {
        // Pictures stay in the file when their frames are built here and
        // the file can be opened again by path to read them.
        let opts = PrepareOptions {
            load_v1,
            known: known_ref,
            sparse: native_build && matches!(src, PySource::Path(_)),
            decode: native_build,
            decode_later: lazy,
            mpeg: want_mpeg,
        };
        prepare(src, &opts)
    })?;
    let Some((src, prepared)) = opened else {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "id3_read needs a path or a file object",
        ));
    };
    let prepared = prepared.map_err(|e| error::to_py(py, &e, &name))?;
    let src = &src;
    let fingerprint = match &prepared.fingerprint {
        Some(print) => Some(print.into_pyobject(py)?.into_any()),
        None => None,
    };
    let Prepared {
        untagged,
        v2,
        mut v1,
        mpeg,
        ..
    } = prepared;

    let out = PyDict::new(py);
    if untagged {
        out.set_item("untagged", true)?;
        if let (Some(modes), Some(read)) = (&mpeg_modes, &mpeg) {
            out.set_item("mpeg", crate::mpeg::info_or_error(py, read, modes)?)?;
        }
        return Ok(out);
    }
    match v2 {
        Some(tag) => {
            let header = tag.bytes.header();
            out.set_item("version", (2u8, header.major, header.revision))?;
            out.set_item("flags", header.flags)?;
            out.set_item("size", header.size)?;
            match &header.ext {
                Some(ext) => out.set_item("ext_data", PyBytes::new(py, &ext.data))?,
                None => out.set_item("ext_data", py.None())?,
            }
            out.set_item("padding", tag.padding)?;
            let lazy_ok = match (&builder, &classes) {
                (Some(b), Some(_)) if lazy => lazy_candidate(b, &tag)?,
                _ => false,
            };
            if let (true, Some((table, table22, native))) = (lazy_ok, classes) {
                let pending = PendingFrames {
                    tag,
                    table,
                    table22,
                    native,
                    filething: filething.clone().unbind(),
                    fingerprint: fingerprint.map(Bound::unbind),
                    v1: v1.take(),
                };
                out.set_item("frames", Bound::new(py, pending)?)?;
                out.set_item("simple", true)?;
                out.set_item("lazy", true)?;
            } else {
                let (frames, simple) = build_frames(
                    py,
                    builder.as_ref(),
                    &tag,
                    filething,
                    fingerprint.as_ref(),
                    Some(src),
                    &name,
                )?;
                out.set_item("frames", frames)?;
                out.set_item("simple", simple)?;
            }
        }
        None => {
            out.set_item("version", py.None())?;
            out.set_item("flags", 0)?;
            out.set_item("size", 0)?;
            out.set_item("ext_data", py.None())?;
            out.set_item("padding", 0)?;
            out.set_item("frames", PyList::empty(py))?;
            out.set_item("simple", false)?;
        }
    }
    match (&v1, &builder) {
        // only an ID3v1 tag: its frames built here when they can be
        (Some(tag), Some(b)) if out.get_item("version")?.is_some_and(|v| v.is_none()) => {
            let frames = PyDict::new(py);
            if merge_v1_frames(b, tag, v2_version, &frames)? {
                out.set_item("v1_frames", frames)?;
                out.set_item("v1", py.None())?;
            } else {
                out.set_item("v1", v1::frames_to_py(py, tag, v2_version)?)?;
            }
        }
        (Some(tag), _) => out.set_item("v1", v1::frames_to_py(py, tag, v2_version)?)?,
        (None, _) => out.set_item("v1", py.None())?,
    }
    if let (Some(modes), Some(read)) = (&mpeg_modes, &mpeg) {
        out.set_item("mpeg", crate::mpeg::info_or_error(py, read, modes)?)?;
    }
    Ok(out)
}
