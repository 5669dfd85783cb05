//! Native functions behind `mutagen_rs.mp3`, `mutagen_rs.mp3._util`,
//! `mutagen_rs.aac` and `mutagen_rs.ac3`, on top of the mtg-mpeg crate.
//!
//! Stream readers (`mpeg_info`, `aac_info`, `ac3_info`) take a path (opened
//! and read by Rust with the GIL released) or a Python file object (read
//! through its `seek`/`read`). They return a dict holding exactly the
//! attributes mutagen sets on its info instance, in the order mutagen sets
//! them; the Python classes supply the class-level defaults for the rest.
//!
//! The header parsers of `mutagen.mp3._util` (`mpeg_xing`, `mpeg_vbri`,
//! `mpeg_lame_version`, `mpeg_lame_header`) and `MPEGFrame` (`mpeg_frame`)
//! work on bytes or on a file object at a given offset.
//!
//! Errors are raised as the Python classes mutagen uses, looked up by name
//! in the `mutagen_rs` modules; a failing file object's own exception comes
//! back unchanged (the Python layer converts `IOError` as mutagen does).

use mtg_core::ByteSource;
use mtg_mpeg::aac::FREQUENCIES;
use mtg_mpeg::mpeg::VbrHeader;
use mtg_mpeg::{
    AacError, AacInfo, AacKind, Ac3Codec, Ac3Error, Ac3Info, LameError, LameHeader, LameVersion,
    MpegError, MpegFrame, MpegInfo, PyException, VbriHeader, VbriHeaderError, VbriHeaderReadError,
    XingHeader, XingHeaderError,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors;
use crate::source::{self, PySource};

/// Adds this module's functions to `mutagen_rs._native`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(mpeg_info, m)?)?;
    m.add_function(wrap_pyfunction!(mpeg_frame, m)?)?;
    m.add_function(wrap_pyfunction!(mpeg_xing, m)?)?;
    m.add_function(wrap_pyfunction!(mpeg_vbri, m)?)?;
    m.add_function(wrap_pyfunction!(mpeg_lame_version, m)?)?;
    m.add_function(wrap_pyfunction!(mpeg_lame_header, m)?)?;
    m.add_function(wrap_pyfunction!(aac_info, m)?)?;
    m.add_function(wrap_pyfunction!(ac3_info, m)?)?;
    Ok(())
}

// ------------------------------------------------------------------ errors

/// The module and class name of the Python exception `kind`.
fn exception_class(kind: PyException) -> (&'static str, &'static str) {
    match kind {
        PyException::MutagenError => ("mutagen_rs._util", "MutagenError"),
        PyException::Mp3Error => ("mutagen_rs.mp3", "error"),
        PyException::HeaderNotFoundError => ("mutagen_rs.mp3", "HeaderNotFoundError"),
        PyException::InvalidMpegHeader => ("mutagen_rs.mp3", "InvalidMPEGHeader"),
        PyException::XingHeaderError => ("mutagen_rs.mp3._util", "XingHeaderError"),
        PyException::VbriHeaderError => ("mutagen_rs.mp3._util", "VBRIHeaderError"),
        PyException::LameError => ("mutagen_rs.mp3._util", "LAMEError"),
        PyException::AacError => ("mutagen_rs.aac", "AACError"),
        PyException::Ac3Error => ("mutagen_rs.ac3", "AC3Error"),
    }
}

/// A new exception of class `kind`; an empty message gives an exception
/// without arguments (as mutagen raises a bare `LAMEError()`).
fn raise(py: Python<'_>, kind: PyException, message: String) -> PyErr {
    let (module, name) = exception_class(kind);
    if message.is_empty() {
        return match errors::class(py, module, name) {
            Ok(cls) => PyErr::from_type(cls, ()),
            Err(lookup_failed) => lookup_failed,
        };
    }
    errors::new_err(py, module, name, message)
}

fn mpeg_error(py: Python<'_>, err: &MpegError) -> PyErr {
    match err {
        MpegError::Io(io) => errors::from_core(py, io),
        other => raise(py, other.python_exception(), other.to_string()),
    }
}

fn aac_error(py: Python<'_>, err: &AacError) -> PyErr {
    match err {
        AacError::Io(io) => errors::from_core(py, io),
        other => raise(py, other.python_exception(), other.to_string()),
    }
}

fn ac3_error(py: Python<'_>, err: &Ac3Error) -> PyErr {
    match err {
        Ac3Error::Io(io) => errors::from_core(py, io),
        other => raise(py, other.python_exception(), other.to_string()),
    }
}

fn xing_error(py: Python<'_>, err: XingHeaderError) -> PyErr {
    raise(py, err.python_exception(), err.to_string())
}

fn vbri_error(py: Python<'_>, err: VbriHeaderError) -> PyErr {
    raise(py, err.python_exception(), err.to_string())
}

fn lame_error(py: Python<'_>, err: LameError) -> PyErr {
    raise(py, err.python_exception(), err.to_string())
}

// ----------------------------------------------------------------- sources

/// Opens a file argument: a path (by Rust) or a file object.
fn open(py: Python<'_>, filething: &Bound<'_, PyAny>) -> PyResult<PySource> {
    match source::open_for_reading(py, filething)? {
        Some(opened) => Ok(opened.source),
        None => Err(PyTypeError::new_err("expected a path or a file object")),
    }
}

/// Runs `work` on `src`: without the GIL for a file Rust opened, with it
/// for a Python file object (whose methods need it anyway).
fn run<T: Send>(py: Python<'_>, src: &PySource, work: impl FnOnce(&PySource) -> T + Send) -> T {
    match src {
        PySource::Path(_) => py.detach(|| work(src)),
        PySource::Object(_) => work(src),
    }
}

// ------------------------------------------------------------------- MPEG

/// The MPEG version as mutagen holds it: `int` 1 or 2, `float` 2.5.
fn version_value<'py>(py: Python<'py>, frame: &MpegFrame) -> PyResult<Bound<'py, PyAny>> {
    let version = frame.header.version;
    if version.is_integer() {
        Ok((version.as_f64() as i64).into_pyobject(py)?.into_any())
    } else {
        Ok(version.as_f64().into_pyobject(py)?.into_any())
    }
}

/// Sets the attributes of `frame` into `d` in mutagen's order: the header
/// fields, then (`with_frame_only`) `sketchy`, then what the VBR header
/// supplies. `length` is the frame's own only for a frame dict; an info
/// dict has its `sketchy` and `length` set already.
fn frame_fields(
    d: &Bound<'_, PyDict>,
    frame: &MpegFrame,
    modes: &Bound<'_, PyAny>,
    frame_only: bool,
) -> PyResult<()> {
    let py = d.py();
    let h = &frame.header;
    d.set_item("frame_offset", frame.frame_offset)?;
    d.set_item("mode", h.mode)?;
    d.set_item("channels", h.channels())?;
    d.set_item("version", version_value(py, frame)?)?;
    d.set_item("layer", h.layer)?;
    d.set_item("protected", h.protected)?;
    d.set_item("padding", h.padding)?;
    d.set_item("bitrate", frame.bitrate)?;
    d.set_item("sample_rate", h.sample_rate)?;
    if frame_only {
        d.set_item("sketchy", frame.sketchy)?;
    }
    let mode = modes.get_item(frame.bitrate_mode as u8)?;
    match frame.vbr_header.as_deref() {
        None => {}
        Some(VbrHeader::Xing(xing)) => {
            d.set_item("bitrate_mode", mode)?;
            d.set_item("encoder_settings", xing.encoder_settings())?;
            if let (Some(length), true) = (frame.length, frame_only) {
                d.set_item("length", length)?;
            }
            let encoder_info = frame.encoder_info();
            if !encoder_info.is_empty() {
                d.set_item("encoder_info", encoder_info)?;
            }
            if xing.lame_header.is_some() {
                d.set_item("track_gain", frame.track_gain)?;
                d.set_item("track_peak", frame.track_peak)?;
                d.set_item("album_gain", frame.album_gain)?;
            }
        }
        Some(VbrHeader::Vbri(_)) => {
            d.set_item("bitrate_mode", mode)?;
            d.set_item("encoder_info", frame.encoder_info())?;
            if let (Some(length), true) = (frame.length, frame_only) {
                d.set_item("length", length)?;
            }
        }
    }
    Ok(())
}

/// The attributes mutagen's `MPEGInfo(fileobj, offset)` sets, for a path
/// or file object. `offset` is where the search starts (after the ID3v2
/// tag the caller read), None for the start of the file; `modes` are the
/// `BitrateMode` members by value.
#[pyfunction]
#[pyo3(signature = (filething, offset, modes))]
fn mpeg_info<'py>(
    py: Python<'py>,
    filething: &Bound<'py, PyAny>,
    offset: Option<u64>,
    modes: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let src = open(py, filething)?;
    let info = run(py, &src, |s| MpegInfo::read(s, offset)).map_err(|e| mpeg_error(py, &e))?;
    info_dict(py, &info, modes)
}

/// For a loader that read `MpegInfo` itself (see `id3_read`): the
/// attributes of MPEGInfo, or the exception reading them raised (as a
/// value).
pub(crate) fn info_or_error<'py>(
    py: Python<'py>,
    read: &Result<MpegInfo, MpegError>,
    modes: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    match read {
        Ok(info) => Ok(info_dict(py, info, modes)?.into_any()),
        Err(e) => Ok(mpeg_error(py, e).into_value(py).into_bound(py).into_any()),
    }
}

fn info_dict<'py>(
    py: Python<'py>,
    info: &MpegInfo,
    modes: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("sketchy", info.sketchy)?;
    d.set_item("length", info.length)?;
    frame_fields(&d, &info.first_frame, modes, false)?;
    Ok(d)
}

/// mutagen's `MPEGFrame(fileobj)` for the frame at the position of
/// `fileobj`: its attributes. The file is left where mutagen leaves it: at
/// the end of the frame (by mutagen's frame length), or, on error, after
/// the header bytes it read.
#[pyfunction]
fn mpeg_frame<'py>(
    py: Python<'py>,
    fileobj: &Bound<'py, PyAny>,
    modes: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyDict>> {
    let start: u64 = fileobj.call_method0("tell")?.extract()?;
    let src = source::PyFileObject::new(fileobj)?;
    match MpegFrame::read(&src, start) {
        Ok(frame) => {
            let d = PyDict::new(py);
            frame_fields(&d, &frame, modes, true)?;
            fileobj.call_method1("seek", (frame.next_offset(),))?;
            Ok(d)
        }
        Err(err) => {
            if let MpegError::HeaderNotFound(message) = &err {
                // Two bytes are read for the sync, two more for the rest.
                let wanted = if *message == mtg_mpeg::error::INVALID_SYNC {
                    2
                } else {
                    4
                };
                let end = start + (src.len().saturating_sub(start)).min(wanted);
                fileobj.call_method1("seek", (end,))?;
            }
            Err(mpeg_error(py, &err))
        }
    }
}

/// The attributes of a LAME header, in mutagen's order.
fn lame_dict<'py>(py: Python<'py>, h: &LameHeader) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("vbr_method", h.vbr_method)?;
    d.set_item("lowpass_filter", h.lowpass_filter)?;
    d.set_item("quality", h.quality)?;
    d.set_item("vbr_quality", h.vbr_quality)?;
    d.set_item("track_peak", h.track_peak)?;
    d.set_item("track_gain_origin", h.track_gain_origin)?;
    d.set_item("track_gain_adjustment", h.track_gain_adjustment)?;
    d.set_item("album_gain_origin", h.album_gain_origin)?;
    d.set_item("album_gain_adjustment", h.album_gain_adjustment)?;
    d.set_item("encoding_flags", h.encoding_flags)?;
    d.set_item("ath_type", h.ath_type)?;
    d.set_item("bitrate", h.bitrate)?;
    d.set_item("encoder_delay_start", h.encoder_delay_start)?;
    d.set_item("encoder_padding_end", h.encoder_padding_end)?;
    d.set_item(
        "source_sample_frequency_enum",
        h.source_sample_frequency_enum,
    )?;
    d.set_item("unwise_setting_used", h.unwise_setting_used)?;
    d.set_item("stereo_mode", h.stereo_mode)?;
    d.set_item("noise_shaping", h.noise_shaping)?;
    d.set_item("mp3_gain", h.mp3_gain)?;
    d.set_item("surround_info", h.surround_info)?;
    d.set_item("preset_used", h.preset_used)?;
    d.set_item("music_length", h.music_length)?;
    d.set_item("music_crc", h.music_crc)?;
    d.set_item("header_crc", h.header_crc)?;
    Ok(d)
}

/// A Xing/Info header at the start of `data` (up to 156 bytes from the
/// file): `(attributes, lame_header_attributes or None, consumed)`, the
/// attributes being those mutagen's `XingHeader` sets on itself (without
/// `lame_header`), `consumed` the bytes it reads.
#[pyfunction]
fn mpeg_xing<'py>(
    py: Python<'py>,
    data: &[u8],
) -> PyResult<(Bound<'py, PyDict>, Option<Bound<'py, PyDict>>, usize)> {
    let x = XingHeader::parse(data).map_err(|e| xing_error(py, e))?;
    let d = PyDict::new(py);
    d.set_item("is_info", x.is_info)?;
    if let Some(frames) = x.frames {
        d.set_item("frames", frames)?;
    }
    if let Some(bytes) = x.bytes {
        d.set_item("bytes", bytes)?;
    }
    if !x.toc.is_empty() {
        // a list of ints (a Vec<u8> would become bytes)
        let toc: Vec<u32> = x.toc.iter().map(|&b| u32::from(b)).collect();
        d.set_item("toc", toc)?;
    }
    if let Some(scale) = x.vbr_scale {
        d.set_item("vbr_scale", scale)?;
    }
    if let Some(version) = &x.lame_version {
        d.set_item("lame_version", (version.major, version.minor))?;
        d.set_item("lame_version_desc", version.desc.as_str())?;
    }
    let lame = match &x.lame_header {
        Some(h) => Some(lame_dict(py, h)?),
        None => None,
    };
    Ok((d, lame, x.consumed))
}

/// A VBRI header at the position of `fileobj`, read like mutagen's
/// `VBRIHeader(fileobj)`: its attributes. The table of contents is only
/// read when the file holds all of it; the file is left after the bytes
/// mutagen reads.
#[pyfunction]
fn mpeg_vbri<'py>(py: Python<'py>, fileobj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    let start: u64 = fileobj.call_method0("tell")?.extract()?;
    let src = source::PyFileObject::new(fileobj)?;
    let available = src.len().saturating_sub(start);
    match VbriHeader::read(&src, start) {
        Ok(v) => {
            fileobj.call_method1("seek", (start + v.consumed as u64,))?;
            let d = PyDict::new(py);
            d.set_item("version", v.version)?;
            d.set_item("quality", v.quality)?;
            d.set_item("bytes", v.bytes)?;
            d.set_item("frames", v.frames)?;
            d.set_item("toc_scale_factor", v.toc_scale_factor)?;
            d.set_item("toc_frames", v.toc_frames)?;
            d.set_item("toc", v.toc)?;
            Ok(d)
        }
        Err(VbriHeaderReadError::Io(io)) => Err(errors::from_core(py, &io)),
        Err(VbriHeaderReadError::Header(err)) => {
            let fixed = mtg_mpeg::mpeg::vbr::VBRI_FIXED_LEN as u64;
            let read = match err {
                VbriHeaderError::Truncated => available,
                VbriHeaderError::InvalidTocEntrySize => {
                    // The whole table was read before its entry size was
                    // looked at.
                    let head = src
                        .read_range(start, fixed as usize)
                        .map_err(|e| errors::from_core(py, &e))?;
                    let entries = u64::from(u16::from_be_bytes([head[18], head[19]]));
                    let size = u64::from(u16::from_be_bytes([head[22], head[23]]));
                    fixed + entries * size
                }
                _ => fixed,
            };
            fileobj.call_method1("seek", (start + read.min(available),))?;
            Err(vbri_error(py, err))
        }
    }
}

/// mutagen's `LAMEHeader.parse_version` on the 20 bytes `data`:
/// `(major, minor, desc, is_new, consumed)`.
#[pyfunction]
fn mpeg_lame_version(py: Python<'_>, data: &[u8]) -> PyResult<(u8, u64, String, bool, usize)> {
    let v = LameVersion::parse(data).map_err(|e| lame_error(py, e))?;
    let consumed = v.consumed();
    Ok((v.major, v.minor, v.desc, v.is_new, consumed))
}

/// mutagen's `LAMEHeader(xing, fileobj)` on the (up to 27) bytes `data`,
/// `vbr_scale` being the Xing header's: the header's attributes.
#[pyfunction]
fn mpeg_lame_header<'py>(
    py: Python<'py>,
    vbr_scale: i64,
    data: &[u8],
) -> PyResult<Bound<'py, PyDict>> {
    let h = LameHeader::parse(vbr_scale, data).map_err(|e| lame_error(py, e))?;
    lame_dict(py, &h)
}

// ------------------------------------------------------------- AAC, AC-3

/// The attributes mutagen's `AACInfo(fileobj)` sets, for a path (read from
/// its start) or a file object positioned at `pos`.
#[pyfunction]
#[pyo3(signature = (filething, pos=0))]
fn aac_info<'py>(
    py: Python<'py>,
    filething: &Bound<'py, PyAny>,
    pos: u64,
) -> PyResult<Bound<'py, PyDict>> {
    let src = open(py, filething)?;
    let info = run(py, &src, |s| AacInfo::read(s, pos)).map_err(|e| aac_error(py, &e))?;
    let d = PyDict::new(py);
    match info.kind {
        AacKind::Adts => {
            d.set_item("sample_rate", info.sample_rate)?;
            d.set_item("channels", info.channels)?;
            d.set_item("bitrate", info.bitrate)?;
            d.set_item("length", info.length.unwrap_or(0.0))?;
        }
        AacKind::Adif => {
            // A whole number of at most 23 bits.
            d.set_item("bitrate", info.bitrate as i64)?;
            // A reserved frequency index leaves the class default.
            let known = info
                .pce
                .is_some_and(|p| usize::from(p.sampling_frequency_index) < FREQUENCIES.len());
            if known {
                d.set_item("sample_rate", info.sample_rate)?;
            }
            d.set_item("channels", info.channels)?;
            if let Some(length) = info.length {
                d.set_item("length", length)?;
            }
        }
    }
    d.set_item("_type", info.kind.name())?;
    Ok(d)
}

/// The attributes mutagen's `AC3Info(fileobj)` sets, for a path (read from
/// its start) or a file object positioned at `pos`.
#[pyfunction]
#[pyo3(signature = (filething, pos=0))]
fn ac3_info<'py>(
    py: Python<'py>,
    filething: &Bound<'py, PyAny>,
    pos: u64,
) -> PyResult<Bound<'py, PyDict>> {
    let src = open(py, filething)?;
    let info = run(py, &src, |s| Ac3Info::read(s, pos)).map_err(|e| ac3_error(py, &e))?;
    let d = PyDict::new(py);
    if info.codec == Ac3Codec::Eac3 {
        d.set_item("codec", info.codec.name())?;
    }
    d.set_item("sample_rate", info.sample_rate)?;
    d.set_item("bitrate", info.bitrate)?;
    d.set_item("channels", info.channels)?;
    d.set_item("length", info.length)?;
    Ok(d)
}
