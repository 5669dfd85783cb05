//! `id3_read`: a file's ID3 tags as raw frames for the Python layer.

use std::collections::HashSet;

use mtg_core::ByteSource;
use mtg_id3::tag::{is_mutagen_frame_id, SkipReason};
use mtg_id3::{read_id3, read_id3_sparse, DeferredBody, SizeMode, SparseLimits};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple};

use super::build::FrameBuilder;
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

/// The fingerprint of the file `src` reads (a path), as Python object.
fn file_fingerprint<'py>(
    py: Python<'py>,
    src: &PySource,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let PySource::Path(fs) = src else {
        return Ok(py.None().into_bound(py));
    };
    let print = source::fingerprint(fs.file())
        .map_err(|e| error::to_py(py, &mtg_core::Error::Io(e), name))?;
    Ok(print.into_pyobject(py)?.into_any())
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
/// is True when every entry was built and no two share a key.
///
/// With `mpeg_modes` (the `BitrateMode` members), the MPEG audio stream
/// info after the tag is read too, from the same open file, as `mpeg`: the
/// attributes of `MPEGInfo` (searched from the end of the ID3v2 tag, or
/// from 0 with only an ID3v1 tag), or the exception reading it raised.
#[pyfunction]
#[pyo3(signature = (filething, load_v1=true, known_ids=None, v2_version=4, table=None, native=None, mpeg_modes=None))]
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
) -> PyResult<Bound<'py, PyDict>> {
    let builder = match (table, native) {
        (Some(table), Some(native)) => Some(FrameBuilder::new(table, native)?),
        _ => None,
    };
    let mut simple = true;
    let name = error::display_name(filething);
    let Some(opened) = source::open_for_reading(py, filething)? else {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "id3_read needs a path or a file object",
        ));
    };
    let known: Option<HashSet<String>> = match known_ids {
        Some(ids) if !ids.is_none() => Some(
            ids.try_iter()?
                .map(|i| i.and_then(|i| i.extract::<String>()))
                .collect::<PyResult<_>>()?,
        ),
        _ => None,
    };
    let src = &opened.source;
    // Pictures stay in the file when their frames are built here and the
    // file can be opened again by path to read them.
    let sparse = builder.is_some() && matches!(src, PySource::Path(_));
    let found = py
        .detach(|| {
            if sparse {
                let known = |id: &str| match &known {
                    Some(set) => set.contains(id),
                    None => is_mutagen_frame_id(id.as_bytes()),
                };
                read_id3_sparse(src, load_v1, &known, SparseLimits::default())
            } else {
                read_id3(src, load_v1)
            }
        })
        .map_err(|e| error::to_py(py, &e, &name))?;
    let mut file_print: Option<Bound<'py, PyAny>> = None;

    let out = PyDict::new(py);
    let frames = PyList::empty(py);
    match &found.v2 {
        Some(tag_bytes) => {
            let header = tag_bytes.header();
            let (major, revision) = (header.major, header.revision);
            out.set_item("version", (2u8, major, revision))?;
            out.set_item("flags", header.flags)?;
            out.set_item("size", header.size)?;
            match &header.ext {
                Some(ext) => out.set_item("ext_data", PyBytes::new(py, &ext.data))?,
                None => out.set_item("ext_data", py.None())?,
            }
            let tag = match &known {
                Some(set) => tag_bytes.frames_with(&|id: &str| set.contains(id)),
                None => tag_bytes.frames(),
            };
            out.set_item("padding", tag.padding)?;
            // Frames in file order: the valid ones, and those whose ID the
            // splitter rejected (e.g. "PIC\0" in a v2.3 tag), which mutagen
            // still reads; the Python layer decides what to do with each.
            let area = tag_bytes.frame_area();
            // (offset, key and frame) for built frames, (offset, raw tuple,
            // None) for the others
            let mut entries: Vec<(usize, Bound<'py, PyAny>, Option<Bound<'py, PyAny>>)> =
                Vec::new();
            // built frames by key, to notice keys that repeat
            let seen = PyDict::new(py);
            for frame in &tag.frames {
                let flags = tag.effective_flags(frame);
                let id = frame.id.as_str();
                let deferred = tag_bytes.deferred_at(frame.offset);
                let mut built = None;
                if let (Some(b), Some(d)) = (&builder, deferred) {
                    built = b.build_picture(major, id, frame.body, d.size, |start, len| {
                        let print = match &file_print {
                            Some(p) => p.clone(),
                            None => {
                                let p = file_fingerprint(py, src, &name)?;
                                file_print = Some(p.clone());
                                p
                            }
                        };
                        Ok(PyTuple::new(
                            py,
                            [
                                filething.clone(),
                                (d.source_offset + start as u64)
                                    .into_pyobject(py)?
                                    .into_any(),
                                len.into_pyobject(py)?.into_any(),
                                print,
                            ],
                        )?
                        .into_any())
                    })?;
                }
                // a deferred body not built from its prefix is read whole
                let whole;
                let (body, raw) = match deferred {
                    Some(d) if built.is_none() => {
                        whole = read_whole(py, src, d, &name)?;
                        (&whole[10..], &whole[..])
                    }
                    _ => (frame.body, frame.raw),
                };
                if built.is_none() {
                    if let Some(b) = &builder {
                        built = b.build(major, id, flags, body)?;
                    }
                }
                let item = match built {
                    Some((key, obj)) => {
                        if simple {
                            if seen.contains(&key)? {
                                simple = false;
                            } else {
                                seen.set_item(&key, &obj)?;
                            }
                        }
                        (frame.offset, key.into_any(), Some(obj))
                    }
                    None => {
                        simple = false;
                        (
                            frame.offset,
                            frame_tuple(py, id, flags, body, raw)?.into_any(),
                            None,
                        )
                    }
                };
                entries.push(item);
            }
            for skipped in &tag.skipped {
                if skipped.reason != SkipReason::InvalidId {
                    continue;
                }
                if let Some((flags, body, raw)) =
                    reslice(area, skipped.offset, major, tag.size_mode)
                {
                    simple = false;
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
                    entries.push((
                        skipped.offset,
                        frame_tuple(py, &id, flags, body, raw)?.into_any(),
                        None,
                    ));
                }
            }
            if simple && builder.is_some() {
                // every frame built, keys distinct: the dict is the answer
                out.set_item("frames", seen)?;
                out.set_item("simple", true)?;
            } else {
                entries.sort_by_key(|(offset, _, _)| *offset);
                for (_, first, frame) in entries {
                    match frame {
                        Some(frame) => frames.append(PyTuple::new(py, [first, frame])?)?,
                        None => frames.append(first)?,
                    }
                }
            }
        }
        None => {
            out.set_item("version", py.None())?;
            out.set_item("flags", 0)?;
            out.set_item("size", 0)?;
            out.set_item("ext_data", py.None())?;
            out.set_item("padding", 0)?;
        }
    }
    if !out.contains("frames")? {
        out.set_item("frames", frames)?;
        out.set_item("simple", false)?;
    }
    match &found.v1 {
        Some((tag, _offset)) => out.set_item("v1", v1::frames_to_py(py, tag, v2_version)?)?,
        None => out.set_item("v1", py.None())?,
    }
    if let Some(modes) = mpeg_modes {
        let offset = found.v2.as_ref().map_or(0, |t| u64::from(t.header().size));
        match crate::mpeg::info_from_source(py, src, Some(offset), &modes) {
            Ok(info) => out.set_item("mpeg", info)?,
            Err(e) => out.set_item("mpeg", e.into_value(py))?,
        }
    }
    Ok(out)
}
