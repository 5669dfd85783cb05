//! Compare mtg-mpeg with mutagen 1.48.1 on the cases written by
//! `tests/gen/gen_fixtures.py` (`tests/data/cases.txt`): MPEG stream info on
//! crafted and real files, single frames, the `_util` header parsers, the
//! LAME settings guess, sync search and ID3 skipping, AAC and AC-3 stream
//! info. Every attribute is compared, floats bit for bit.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mtg_core::FileSource;
use mtg_mpeg::{
    iter_sync, skip_id3_bytes, AacInfo, AacKind, Ac3Info, BitrateMode, FrameHeader, LameHeader,
    LameVersion, MpegFrame, MpegInfo, MpegVersion, VbrHeader, VbriHeader, XingHeader,
};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Case {
    line: usize,
    kind: String,
    name: String,
    input: String,
    args: String,
    expected: String,
}

fn cases() -> Vec<Case> {
    // MTG_MPEG_CASES: an extended case file from the generator (see its
    // MTG_GEN_* variables), instead of the committed one.
    let path = std::env::var_os("MTG_MPEG_CASES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases.txt"),
        PathBuf::from,
    );
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.is_empty())
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "line {}", i + 1);
            Case {
                line: i + 1,
                kind: f[0].into(),
                name: f[1].into(),
                input: f[2].into(),
                args: f[3].into(),
                expected: f[4].into(),
            }
        })
        .collect()
}

/// Decode the token language of the generator.
fn dec(s: &str) -> Vec<u8> {
    if let Some(path) = s.strip_prefix('@') {
        return std::fs::read(repo_root().join(path)).unwrap();
    }
    fn parse(s: &[u8], mut i: usize, stop: Option<u8>) -> (Vec<u8>, usize) {
        let mut out = Vec::new();
        let hex = |a: &[u8]| u8::from_str_radix(std::str::from_utf8(a).unwrap(), 16).unwrap();
        let count = |s: &[u8], i: usize| -> (usize, usize) {
            let j = i + s[i..].iter().position(|&c| c == b'.').unwrap();
            let n = std::str::from_utf8(&s[i..j]).unwrap().parse().unwrap();
            (n, j + 1)
        };
        while i < s.len() && Some(s[i]) != stop {
            match s[i] {
                b'*' => {
                    let b = hex(&s[i + 1..i + 3]);
                    let (n, j) = count(s, i + 3);
                    out.resize(out.len() + n, b);
                    i = j;
                }
                b'[' => {
                    let (inner, j) = parse(s, i + 1, Some(b']'));
                    let (n, k) = count(s, j + 1);
                    for _ in 0..n {
                        out.extend_from_slice(&inner);
                    }
                    i = k;
                }
                _ => {
                    out.push(hex(&s[i..i + 2]));
                    i += 2;
                }
            }
        }
        (out, i)
    }
    parse(s.as_bytes(), 0, None).0
}

fn unesc(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// A value as Python holds it.
#[derive(Debug, Clone)]
enum V {
    None,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
}

fn opt_f(v: Option<f64>) -> V {
    v.map_or(V::None, V::Float)
}

/// Compare one expected field with a value; `None` when equal.
fn check(expected: &str, actual: &V) -> Option<String> {
    let ok = match actual {
        V::None => expected == "~",
        V::Bool(b) => expected == if *b { "1" } else { "0" },
        V::Int(i) => expected == i.to_string(),
        V::Float(f) => {
            let is_float_repr = expected.contains(['.', 'e', 'n', 'i']);
            is_float_repr
                && expected
                    .parse::<f64>()
                    .is_ok_and(|e| e.to_bits() == f.to_bits())
        }
        V::Str(s) => unesc(expected) == *s,
    };
    (!ok).then(|| format!("expected {expected:?}, got {actual:?}"))
}

/// Compare `|`-separated expected fields with values; only as many values
/// as there are expected fields are compared (the rest must be defaults,
/// which the caller checks).
fn check_fields(expected: &str, actual: &[V]) -> Result<(), String> {
    let exp: Vec<&str> = expected.split('|').collect();
    if exp.len() > actual.len() {
        return Err(format!(
            "{} fields expected, {} produced",
            exp.len(),
            actual.len()
        ));
    }
    let mut errs = Vec::new();
    for (i, (e, a)) in exp.iter().zip(actual).enumerate() {
        if let Some(msg) = check(e, a) {
            errs.push(format!("field {i}: {msg}"));
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs.join("; "))
    }
}

fn check_error(expected: &str, class: &str, msg: &str) -> Result<(), String> {
    let got = format!("!{class}:{msg}");
    let want = match expected.split_once(':') {
        Some((c, m)) => format!("{c}:{}", unesc(m)),
        None => expected.to_owned(),
    };
    if got == want {
        Ok(())
    } else {
        Err(format!("expected {want:?}, got {got:?}"))
    }
}

fn version_v(v: MpegVersion) -> V {
    match v {
        MpegVersion::V1 => V::Int(1),
        MpegVersion::V2 => V::Int(2),
        MpegVersion::V25 => V::Float(2.5),
    }
}

fn mpeg_values(i: &MpegInfo) -> Vec<V> {
    vec![
        V::Float(i.length),
        V::Int(i.bitrate.into()),
        V::Int(i.sample_rate.into()),
        V::Int(i.channels.into()),
        version_v(i.version),
        V::Int(i.layer.into()),
        V::Int(i.mode.into()),
        V::Bool(i.protected),
        V::Bool(i.padding),
        V::Bool(i.sketchy),
        V::Int(i.frame_offset.into()),
        V::Int(i.bitrate_mode as i128),
        V::Str(i.encoder_info().into_owned()),
        V::Str(i.encoder_settings()),
        opt_f(i.track_gain),
        opt_f(i.track_peak),
        opt_f(i.album_gain),
        V::Str(i.pprint()),
    ]
}

fn check_mpeg(expected: &str, r: Result<MpegInfo, mtg_mpeg::MpegError>) -> Result<(), String> {
    match r {
        Err(e) => {
            let class = match e.python_exception() {
                mtg_mpeg::PyException::HeaderNotFoundError => "HeaderNotFoundError",
                other => other.qualified_name(),
            };
            check_error(expected, class, &e.to_string())
        }
        Ok(info) => {
            if expected.starts_with('!') {
                return Err(format!("expected {expected}, got {info:?}"));
            }
            if info.album_peak.is_some() {
                return Err("album_peak set".into());
            }
            let n = expected.split('|').count();
            if n == 12
                && (!info.encoder_info().is_empty()
                    || !info.encoder_settings().is_empty()
                    || info.track_gain.is_some()
                    || info.track_peak.is_some()
                    || info.album_gain.is_some())
            {
                return Err(format!("VBR fields set but mutagen has none: {info:?}"));
            }
            check_fields(expected, &mpeg_values(&info))
        }
    }
}

fn frame_values(f: &MpegFrame, end: u64) -> Vec<V> {
    let h = &f.header;
    let (mut length, mut mode, mut info, mut settings) = (V::None, V::None, V::None, V::None);
    let (mut tg, mut tp, mut ag) = (V::None, V::None, V::None);
    match f.vbr_header.as_deref() {
        Some(VbrHeader::Xing(x)) => {
            length = f.length.map_or(V::None, V::Float);
            mode = V::Int(f.bitrate_mode as i128);
            settings = V::Str(f.encoder_settings());
            if !f.encoder_info().is_empty() {
                info = V::Str(f.encoder_info().into_owned());
            }
            if x.lame_header.is_some() {
                (tg, tp, ag) = (
                    opt_f(f.track_gain),
                    opt_f(f.track_peak),
                    opt_f(f.album_gain),
                );
            }
        }
        Some(VbrHeader::Vbri(_)) => {
            length = f.length.map_or(V::None, V::Float);
            mode = V::Int(f.bitrate_mode as i128);
            info = V::Str(f.encoder_info().into_owned());
        }
        None => {}
    }
    vec![
        V::Int(f.frame_offset.into()),
        V::Int(h.mode.into()),
        V::Int(f.channels().into()),
        version_v(h.version),
        V::Int(h.layer.into()),
        V::Bool(h.protected),
        V::Bool(h.padding),
        V::Int(f.bitrate.into()),
        V::Int(h.sample_rate.into()),
        V::Bool(f.sketchy),
        length,
        mode,
        info,
        settings,
        tg,
        tp,
        ag,
        V::Int(end.into()),
    ]
}

fn lame_values(h: &LameHeader) -> Vec<V> {
    vec![
        V::Int(h.vbr_method.into()),
        V::Int(h.lowpass_filter.into()),
        V::Int(h.quality.into()),
        V::Int(h.vbr_quality.into()),
        opt_f(h.track_peak),
        V::Int(h.track_gain_origin.into()),
        opt_f(h.track_gain_adjustment),
        V::Int(h.album_gain_origin.into()),
        opt_f(h.album_gain_adjustment),
        V::Int(h.encoding_flags.into()),
        V::Int(h.ath_type.into()),
        V::Int(h.bitrate.into()),
        V::Int(h.encoder_delay_start.into()),
        V::Int(h.encoder_padding_end.into()),
        V::Int(h.source_sample_frequency_enum.into()),
        V::Int(h.unwise_setting_used.into()),
        V::Int(h.stereo_mode.into()),
        V::Int(h.noise_shaping.into()),
        V::Int(h.mp3_gain.into()),
        V::Int(h.surround_info.into()),
        V::Int(h.preset_used.into()),
        V::Int(h.music_length.into()),
        V::Int(h.music_crc.into()),
        V::Int(h.header_crc.into()),
    ]
}

fn list<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn run_case(c: &Case) -> Result<(), String> {
    let data = dec(&c.input);
    match c.kind.as_str() {
        "mpeg" => {
            let offset = (c.args != "~").then(|| c.args.parse::<u64>().unwrap());
            let from_bytes = MpegInfo::from_bytes(&data, offset);
            // The same through a file source when the input is a file.
            if let Some(path) = c.input.strip_prefix('@') {
                let src = FileSource::open(repo_root().join(path)).unwrap();
                let via_file = MpegInfo::read(&src, offset);
                if format!("{via_file:?}") != format!("{from_bytes:?}") {
                    return Err("FileSource and bytes differ".into());
                }
            }
            check_mpeg(&c.expected, from_bytes)
        }
        "combo" => {
            let a: Vec<&str> = c.args.split(',').collect();
            let version = match a[0] {
                "1" => 3u32,
                "2" => 2,
                _ => 0,
            };
            let n = |i: usize| a[i].parse::<u32>().unwrap();
            let (layer, br, sr, pad, mode, prot, emph, count) =
                (n(1), n(2), n(3), n(4), n(5), n(6), n(7), n(8));
            let word = (0x7FF << 21)
                | (version << 19)
                | ((4 - layer) << 17)
                | (prot << 16)
                | (br << 12)
                | (sr << 10)
                | (pad << 9)
                | (mode << 6)
                | emph;
            let head = word.to_be_bytes();
            let h = FrameHeader::parse(&head).unwrap();
            let (rate, freq) = (h.bitrate, h.sample_rate);
            let size = match (layer, a[9], version) {
                (1, "m", _) => (48 * rate / freq + pad) * 4,
                (1, _, _) => (12 * rate / freq + pad) * 4,
                (3, _, 0 | 2) => 72 * rate / freq + pad,
                _ => 144 * rate / freq + pad,
            };
            let mut frame = head.to_vec();
            frame.resize(size as usize, 0);
            let data = frame.repeat(count as usize);
            check_mpeg(&c.expected, MpegInfo::from_bytes(&data, None))
        }
        "frame" => {
            let pos: u64 = c.args.parse().unwrap();
            match MpegFrame::from_bytes(&data, pos) {
                Err(e) => check_error(&c.expected, "HeaderNotFoundError", &e.to_string()),
                Ok(f) => check_fields(&c.expected, &frame_values(&f, f.next_offset())),
            }
        }
        "xing" => match XingHeader::parse(&data) {
            Err(e) => check_error(&c.expected, "XingHeaderError", &e.to_string()),
            Ok(x) => {
                let (major, minor) = x.lame_version_tuple();
                let mut vals = vec![
                    V::Bool(x.is_info),
                    V::Int(x.frames_py().into()),
                    V::Int(x.bytes_py().into()),
                    V::Str(list(&x.toc)),
                    V::Int(x.vbr_scale_py().into()),
                    V::Str(format!("{major},{minor}")),
                    V::Str(x.lame_version_desc().to_owned()),
                    V::Str(x.encoder_settings()),
                    V::Int(x.bitrate_mode() as i128),
                    V::Int(x.consumed as i128),
                ];
                let exp: Vec<&str> = c.expected.split('|').collect();
                match &x.lame_header {
                    Some(h) => vals.extend(lame_values(h)),
                    None => vals.push(V::None),
                }
                if exp.len() != vals.len() {
                    return Err(format!("{} fields vs {}", exp.len(), vals.len()));
                }
                check_fields(&c.expected, &vals)
            }
        },
        "vbri" => match VbriHeader::parse(&data) {
            Err(e) => check_error(&c.expected, "VBRIHeaderError", &e.to_string()),
            Ok(v) => check_fields(
                &c.expected,
                &[
                    V::Int(v.version.into()),
                    V::Int(v.quality.into()),
                    V::Int(v.bytes.into()),
                    V::Int(v.frames.into()),
                    V::Int(v.toc_scale_factor.into()),
                    V::Int(v.toc_frames.into()),
                    V::Str(list(&v.toc)),
                    V::Int(v.consumed as i128),
                ],
            ),
        },
        "lamever" => match LameVersion::parse(&data) {
            Err(e) => check_error(&c.expected, "LAMEError", &e.to_string()),
            Ok(v) => check_fields(
                &c.expected,
                &[
                    V::Int(v.major.into()),
                    V::Int(v.minor.into()),
                    V::Str(v.desc.clone()),
                    V::Bool(v.is_new),
                    V::Int(v.consumed() as i128),
                ],
            ),
        },
        "lamehdr" => {
            let scale: i64 = c.args.parse().unwrap();
            match LameHeader::parse(scale, &data) {
                Err(e) => check_error(&c.expected, "LAMEError", &e.to_string()),
                Ok(h) => check_fields(&c.expected, &lame_values(&h)),
            }
        }
        "guess" => {
            let a: Vec<i64> = c.args.split(',').map(|v| v.parse().unwrap()).collect();
            let mut h = LameHeader::parse(57, &[0u8; 27]).unwrap();
            h.vbr_method = a[2] as u8;
            h.preset_used = a[3] as u16;
            h.bitrate = a[4] as u8;
            h.vbr_quality = a[5];
            h.quality = a[6];
            h.lowpass_filter = a[7] as u32;
            h.ath_type = a[8] as u8;
            h.encoding_flags = a[9] as u8;
            let got = h.guess_settings(a[0] as u64, a[1] as u64);
            check_fields(&c.expected, &[V::Str(got)])
        }
        "sync" => {
            let max: usize = c.args.parse().unwrap();
            let got = list(iter_sync(&data[..data.len().min(max)]));
            (got == c.expected)
                .then_some(())
                .ok_or(format!("expected {}, got {got}", c.expected))
        }
        "skipid3" => {
            let pos: u64 = c.args.parse().unwrap();
            let got = skip_id3_bytes(&data, pos).to_string();
            (got == c.expected)
                .then_some(())
                .ok_or(format!("expected {}, got {got}", c.expected))
        }
        "aac" => {
            let pos: u64 = c.args.parse().unwrap();
            let r = AacInfo::from_bytes(&data, pos);
            if let Some(path) = c.input.strip_prefix('@') {
                let src = FileSource::open(repo_root().join(path)).unwrap();
                if format!("{:?}", AacInfo::read(&src, pos)) != format!("{r:?}") {
                    return Err("FileSource and bytes differ".into());
                }
            }
            match r {
                Err(e) => check_error(&c.expected, "AACError", &e.to_string()),
                Ok(i) => check_fields(
                    &c.expected,
                    &[
                        V::Str(i.kind.name().into()),
                        V::Int(i.sample_rate.into()),
                        V::Int(i.channels.into()),
                        match i.kind {
                            AacKind::Adts => V::Float(i.bitrate),
                            AacKind::Adif => V::Int(i.bitrate as i128),
                        },
                        i.length.map_or(V::Int(0), V::Float),
                        V::Str(i.pprint()),
                    ],
                ),
            }
        }
        "ac3" => {
            let pos: u64 = c.args.parse().unwrap();
            let r = Ac3Info::from_bytes(&data, pos);
            if let Some(path) = c.input.strip_prefix('@') {
                let src = FileSource::open(repo_root().join(path)).unwrap();
                if format!("{:?}", Ac3Info::read(&src, pos)) != format!("{r:?}") {
                    return Err("FileSource and bytes differ".into());
                }
            }
            match r {
                Err(e) => check_error(&c.expected, "AC3Error", &e.to_string()),
                Ok(i) => check_fields(
                    &c.expected,
                    &[
                        V::Str(i.codec.name().into()),
                        V::Int(i.sample_rate.into()),
                        V::Int(i.channels.into()),
                        V::Int(i.bitrate.into()),
                        V::Float(i.length),
                        V::Str(i.pprint()),
                    ],
                ),
            }
        }
        other => Err(format!("unknown kind {other}")),
    }
}

fn run_kinds(kinds: &[&str]) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for c in cases().iter().filter(|c| kinds.contains(&c.kind.as_str())) {
        *counts.entry(c.kind.clone()).or_default() += 1;
        if let Err(msg) = run_case(c) {
            failures.push(format!("line {} {} {}: {msg}", c.line, c.kind, c.name));
        }
    }
    for k in kinds {
        assert!(counts.get(*k).copied().unwrap_or(0) > 0, "no {k} cases");
    }
    eprintln!("{counts:?}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn mpeg_info_matches_mutagen() {
    run_kinds(&["mpeg", "combo"]);
}

#[test]
fn mpeg_frame_matches_mutagen() {
    run_kinds(&["frame"]);
}

#[test]
fn util_headers_match_mutagen() {
    run_kinds(&["xing", "vbri", "lamever", "lamehdr", "guess"]);
}

#[test]
fn sync_and_id3_skip_match_mutagen() {
    run_kinds(&["sync", "skipid3"]);
}

#[test]
fn aac_matches_mutagen() {
    run_kinds(&["aac"]);
}

#[test]
fn ac3_matches_mutagen() {
    run_kinds(&["ac3"]);
}

#[test]
fn bitrate_mode_names() {
    assert_eq!(BitrateMode::Vbr.name(), "VBR");
}
