//! Compare mtg-flac with mutagen 1.48.1 on the fixtures written by
//! `tests/gen/gen_fixtures.py`: Vorbis comment parsing and writing, every
//! metadata block, loading crafted and malformed files, and saving edits
//! (byte-identical files).

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use mtg_core::{ByteSource, FileSource};
use mtg_flac::{
    render_blocks, Block, CueSheet, ErrorMode, FlacError, FlacFile, NoHeader, PaddingInfo,
    ParseOptions, Picture, PictureData, RawBlock, SaveOptions, StreamInfo, VComment, VorbisError,
};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(data_dir().join(name)).unwrap()
}

fn cases(name: &str) -> Vec<Vec<String>> {
    read_fixture(name)
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

fn esc(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&c| {
            if (0x21..=0x7E).contains(&c) && !b"%;=,|[]".contains(&c) {
                char::from(c).to_string()
            } else {
                format!("%{c:02X}")
            }
        })
        .collect()
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

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

fn fbits(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

fn err_flac(e: &FlacError) -> String {
    let msg = match e {
        FlacError::NoHeader(NoHeader::NotFlac) => "'<file>' is not a valid FLAC file".to_owned(),
        other => other.to_string(),
    };
    format!(
        "err\t{}\t{}",
        e.python_exception().qualified_name(),
        esc(msg.as_bytes())
    )
}

fn err_vorbis(e: &VorbisError) -> String {
    format!(
        "err\t{}\t{}",
        e.python_exception().qualified_name(),
        esc(e.to_string().as_bytes())
    )
}

fn dump_vc(c: &VComment<'_>) -> String {
    let pairs: Vec<String> = c
        .comments
        .iter()
        .map(|(k, v)| format!("{}={}", esc(k.as_bytes()), esc(v.as_bytes())))
        .collect();
    format!("vc {} {}", esc(c.vendor.as_bytes()), pairs.join(";"))
}

fn dump_si(s: &StreamInfo) -> String {
    format!(
        "si {} {} {} {} {} {} {} {} {:032x} {}",
        s.min_blocksize,
        s.max_blocksize,
        s.min_framesize,
        s.max_framesize,
        s.sample_rate,
        s.channels,
        s.bits_per_sample,
        s.total_samples,
        s.md5_signature,
        fbits(s.length())
    )
}

fn dump_block(b: &Block<'_>, source: Option<&dyn ByteSource>) -> String {
    match b {
        Block::StreamInfo(s) => dump_si(s),
        Block::Padding(p) => format!("pad {}", p.length),
        Block::SeekTable(s) => {
            let pts: Vec<String> = s
                .seekpoints
                .iter()
                .map(|p| format!("{},{},{}", p.first_sample, p.byte_offset, p.num_samples))
                .collect();
            format!("st {}", pts.join(";"))
        }
        Block::VorbisComment { comment, .. } => dump_vc(comment),
        Block::CueSheet(c) => {
            let tracks: Vec<String> = c
                .tracks
                .iter()
                .map(|t| {
                    let idx: Vec<String> = t
                        .indexes
                        .iter()
                        .map(|i| format!("{}:{}", i.index_number, i.index_offset))
                        .collect();
                    format!(
                        "{},{},{},{},{},[{}]",
                        t.track_number,
                        t.start_offset,
                        esc(&t.isrc),
                        t.track_type,
                        u8::from(t.pre_emphasis),
                        idx.join(",")
                    )
                })
                .collect();
            format!(
                "cue {} {} {} {}",
                esc(&c.media_catalog_number),
                c.lead_in_samples,
                u8::from(c.compact_disc),
                tracks.join(";")
            )
        }
        Block::Picture(p) => format!(
            "pic {} {} {} {} {} {} {} {}",
            p.picture_type,
            esc(p.mime.as_bytes()),
            esc(p.desc.as_bytes()),
            p.width,
            p.height,
            p.depth,
            p.colors,
            hex(&p.data.load(source).unwrap())
        ),
        Block::Raw(r) => format!("raw {} {}", r.code, hex(&r.data)),
    }
}

fn dump_file(f: &FlacFile<'_>, source: Option<&dyn ByteSource>) -> String {
    let blocks: Vec<String> = f
        .blocks()
        .unwrap()
        .iter()
        .map(|b| dump_block(b, source))
        .collect();
    format!(
        "ok\t{}\t{}\t{}\t{}",
        f.bitrate(),
        f.tags_index().map_or(-1, |i| i as i64),
        fbits(f.length()),
        blocks.join("|")
    )
}

/// Run every case; report all mismatches at once.
fn check(failures: Vec<String>, total: usize) {
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from mutagen:\n{}",
        failures.len(),
        total,
        failures.join("\n")
    );
}

#[test]
fn vorbis_comments_like_mutagen() {
    let mut failures = Vec::new();
    let all = cases("vorbis.txt");
    for case in &all {
        let kind = case[0].as_str();
        let name = &case[1];
        match kind {
            "P" | "D" => {
                let data = unhex(&case[2]);
                let (options, expected) = if kind == "P" {
                    let errors = ErrorMode::from_python(&case[4]).unwrap();
                    let options = ParseOptions {
                        errors,
                        framing: case[3] == "1",
                        strict_lengths: false,
                    };
                    (options, case[5..].join("\t"))
                } else {
                    (ParseOptions::VCFLACDICT, case[3..].join("\t"))
                };
                let got = match VComment::parse(&data, options) {
                    Ok((c, size)) => format!("ok\t{size}\t{}", dump_vc(&c)),
                    Err(e) => err_vorbis(&e),
                };
                // measure() agrees with parse() on size and short-data errors.
                if let (Ok(size), Ok((_, parsed))) = (
                    VComment::measure(&data, options),
                    VComment::parse(&data, options),
                ) {
                    if size != parsed {
                        failures.push(format!("{kind} {name}: measure {size} != {parsed}"));
                    }
                }
                if got != expected {
                    failures.push(format!(
                        "{kind} {name} {options:?}\n  got  {got}\n  want {expected}"
                    ));
                }
            }
            "W" => {
                let mut c = VComment::new();
                if case[2] != "-" {
                    c.vendor = Cow::Owned(unesc(&case[2]));
                }
                if !case[3].is_empty() {
                    for pair in case[3].split(';') {
                        let (k, v) = pair.split_once('=').unwrap();
                        c.comments.push((unesc(k).into(), unesc(v).into()));
                    }
                }
                let expected = case[5..].join("\t");
                let got = match c.write(case[4] == "1") {
                    Ok(bytes) => format!("ok\t{}", hex(&bytes)),
                    Err(e) => err_vorbis(&e),
                };
                if got != expected {
                    failures.push(format!("W {name}\n  got  {got}\n  want {expected}"));
                }
            }
            other => panic!("unknown case kind {other}"),
        }
    }
    check(failures, all.len());
}

fn value_case(name: &str) -> Block<'static> {
    let si = |f: &dyn Fn(&mut StreamInfo)| {
        let mut s = StreamInfo {
            min_blocksize: 4096,
            max_blocksize: 4096,
            min_framesize: 14,
            max_framesize: 3000,
            sample_rate: 44100,
            channels: 2,
            bits_per_sample: 16,
            total_samples: 4410,
            md5_signature: u128::from_be_bytes(std::array::from_fn(|i| i as u8)),
        };
        f(&mut s);
        Block::StreamInfo(s)
    };
    let cue = || -> CueSheet<'static> {
        let all = cases("blocks.txt");
        let row = all.iter().find(|c| c[0] == "B" && c[1] == "cue").unwrap();
        CueSheet::parse(&unhex(&row[3])).unwrap().into_owned()
    };
    match name {
        // A binding reduces Python ints modulo the Rust field width.
        "si_masked" => si(&|s| {
            s.total_samples = (1 << 36) + 5;
            s.sample_rate = (1 << 20) + 7;
            s.channels = 9;
            s.bits_per_sample = 33;
            s.min_blocksize = (70000 & 0xFFFF) as u16;
            s.min_framesize = (1 << 24) + 1;
            s.md5_signature = 5;
        }),
        "si_zero_ch" => si(&|s| {
            s.channels = 0;
            s.bits_per_sample = 0;
        }),
        "pic_default" => Block::Picture(Picture::default()),
        "pic_set" => Block::Picture(Picture {
            picture_type: 3,
            mime: "image/jpeg".into(),
            desc: "é".into(),
            width: 7,
            height: 5,
            depth: 24,
            colors: 0,
            data: PictureData::Bytes(Cow::Borrowed(b"xyz")),
            invalid_overflow_size: None,
        }),
        "cue_set" => {
            let mut c = cue();
            c.media_catalog_number = Cow::Owned(vec![b'x'; 130]);
            c.tracks[0].isrc = Cow::Owned(vec![b'y'; 14]);
            c.tracks[0].track_type = 3;
            c.tracks[1].track_type = 2;
            c.tracks[1].pre_emphasis = true;
            c.compact_disc = false;
            Block::CueSheet(c)
        }
        "cue_many" => {
            let mut c = cue();
            let tracks = c.tracks.clone();
            c.tracks = (0..86).flat_map(|_| tracks.clone()).collect();
            Block::CueSheet(c)
        }
        "pad_set" => Block::Padding(mtg_flac::Padding { length: 20 }),
        "vcflac_default" => Block::vorbis_comment(VComment::new()),
        other => panic!("unknown value case {other}"),
    }
}

#[test]
fn blocks_like_mutagen() {
    let mut failures = Vec::new();
    let all = cases("blocks.txt");
    for case in &all {
        let name = &case[1];
        match case[0].as_str() {
            "B" => {
                let code: u8 = case[2].parse().unwrap();
                let data = unhex(&case[3]);
                let expected = case[4..].join("\t");
                let got = match Block::parse(code, &data) {
                    Ok(b) => {
                        let mut body = Vec::new();
                        match b.write_body(&mut body, None) {
                            Ok(()) => format!("ok\t{}\t{}", dump_block(&b, None), hex(&body)),
                            Err(e) => err_flac(&e),
                        }
                    }
                    Err(e) => err_flac(&e),
                };
                if got != expected {
                    failures.push(format!("B {name}\n  got  {got}\n  want {expected}"));
                }
            }
            "V" => {
                let block = value_case(name);
                let expected = case[2..].join("\t");
                let mut body = Vec::new();
                let got = match block.write_body(&mut body, None) {
                    Ok(()) => format!("ok\t{}", hex(&body)),
                    Err(e) => err_flac(&e),
                };
                if got != expected {
                    failures.push(format!("V {name}\n  got  {got}\n  want {expected}"));
                }
            }
            "C" => {
                let available: i64 = case[2].parse().unwrap();
                let size: u64 = case[3].parse().unwrap();
                let raw = Block::Raw(RawBlock {
                    code: 9,
                    data: Cow::Borrowed(b"abc"),
                });
                let blocks: Vec<Block<'_>> = match name.as_str() {
                    "two_raw" => vec![
                        raw.clone(),
                        Block::Padding(mtg_flac::Padding { length: 2 }),
                        raw,
                    ],
                    "empty" => vec![],
                    _ => vec![raw],
                };
                let mut seen = Vec::new();
                let value: Option<i64> = case[4].parse().ok();
                let mut callback = |info: &PaddingInfo| {
                    seen.push(format!("{}:{}", info.padding, info.size));
                    value.unwrap_or(0)
                };
                let padding: Option<&mut dyn FnMut(&PaddingInfo) -> i64> = if value.is_some() {
                    Some(&mut callback)
                } else {
                    None
                };
                let out = render_blocks(&blocks, available, size, padding, None);
                let got = match out {
                    Ok(bytes) => format!("ok\t{}\t{}", seen.join(","), hex(&bytes)),
                    Err(e) => err_flac(&e),
                };
                let expected = case[5..].join("\t");
                if got != expected {
                    failures.push(format!("C {name}\n  got  {got}\n  want {expected}"));
                }
            }
            other => panic!("unknown case kind {other}"),
        }
    }
    check(failures, all.len());
}

#[test]
fn loading_files_like_mutagen() {
    let mut failures = Vec::new();
    let all: Vec<_> = cases("files.txt")
        .into_iter()
        .filter(|c| c[0] == "L")
        .collect();
    for case in &all {
        let (name, rel) = (&case[1], &case[2]);
        let path = data_dir().join(rel);
        let expected = case[3..].join("\t");
        let source = FileSource::open(&path).unwrap();
        let got = match FlacFile::read(&source) {
            Ok(f) => dump_file(&f, Some(&source)),
            Err(e) => err_flac(&e),
        };
        if got != expected {
            failures.push(format!("L {name}\n  got  {got}\n  want {expected}"));
        }
        // The in-memory reader gives the same result.
        let bytes = std::fs::read(&path).unwrap();
        let from_bytes = match FlacFile::from_bytes(&bytes) {
            Ok(f) => dump_file(&f, None),
            Err(e) => err_flac(&e),
        };
        if from_bytes != expected {
            failures.push(format!(
                "L {name} (bytes)\n  got  {from_bytes}\n  want {expected}"
            ));
        }
    }
    check(failures, all.len());
}

fn retain_key(c: &mut VComment<'_>, key: &str) {
    c.comments.retain(|(k, _)| !k.eq_ignore_ascii_case(key));
}

/// The first comment block's comment; like mutagen's implicit `add_tags()`,
/// a new one is appended when there is none.
fn first_tags<'b, 'a>(blocks: &'b mut Vec<Block<'a>>) -> &'b mut VComment<'a> {
    if !blocks
        .iter()
        .any(|b| matches!(b, Block::VorbisComment { .. }))
    {
        blocks.push(Block::vorbis_comment(VComment::new()));
    }
    blocks
        .iter_mut()
        .find_map(|b| match b {
            Block::VorbisComment { comment, .. } => Some(comment),
            _ => None,
        })
        .unwrap()
}

/// Apply the edit `name` as mutagen's test script does; returns the padding
/// value to force and whether to delete ID3 tags.
fn apply_edit(name: &str, blocks: &mut Vec<Block<'static>>) -> (Option<i64>, bool, bool) {
    let mut padding = None;
    let mut delete_id3 = false;
    let mut info_padding = false;
    match name {
        "nochange" => {}
        "set_title" | "deleteid3" => {
            let c = first_tags(blocks);
            retain_key(c, "TITLE");
            c.comments.push(("TITLE".into(), "New title".into()));
            delete_id3 = name == "deleteid3";
        }
        "del_artist" => retain_key(first_tags(blocks), "artist"),
        "add_big" => {
            let c = first_tags(blocks);
            retain_key(c, "FAKETAG");
            for _ in 0..20 {
                c.comments.push(("FAKETAG".into(), "a".repeat(1000).into()));
            }
        }
        "clear_tags" => first_tags(blocks).comments.clear(),
        "remove_vc" => {
            let i = blocks
                .iter()
                .position(|b| matches!(b, Block::VorbisComment { .. }))
                .unwrap();
            blocks.remove(i);
        }
        "delete" => {
            blocks.retain(|b| !matches!(b, Block::VorbisComment { .. }));
            padding = Some(0);
        }
        "add_picture" => {
            let mut data = b"\x89PNG\r\n\x1a\n".to_vec();
            data.extend(0..100u8);
            blocks.push(Block::Picture(Picture {
                picture_type: 3,
                mime: "image/png".into(),
                desc: "front ü".into(),
                width: 2,
                height: 3,
                depth: 24,
                colors: 0,
                data: PictureData::Bytes(Cow::Owned(data)),
                invalid_overflow_size: None,
            }));
        }
        "clear_pictures" => blocks.retain(|b| !matches!(b, Block::Picture(_))),
        "add_tags" => {
            let mut c = VComment::new();
            c.comments.push(("a".into(), "b".into()));
            blocks.push(Block::vorbis_comment(c));
        }
        "padding0" => padding = Some(0),
        "padding42" => padding = Some(42),
        "padding_neg" => padding = Some(-5),
        "padding_info" => info_padding = true,
        "add_padding_blocks" => {
            blocks.push(Block::Padding(mtg_flac::Padding { length: 42 }));
            blocks.push(Block::Padding(mtg_flac::Padding { length: 24 }));
        }
        "unknown_block" => blocks.push(Block::Raw(RawBlock {
            code: 99,
            data: Cow::Borrowed(b"test block data"),
        })),
        "zero_samples" => {
            if let Some(Block::StreamInfo(s)) = blocks
                .iter_mut()
                .find(|b| matches!(b, Block::StreamInfo(_)))
            {
                s.total_samples = 0;
            }
        }
        other => panic!("unknown edit {other}"),
    }
    (padding, delete_id3, info_padding)
}

fn expected_output(rel_out: &str, shared_tail: usize, original: &[u8]) -> Vec<u8> {
    let mut expected = std::fs::read(data_dir().join(rel_out)).unwrap();
    expected.extend_from_slice(&original[original.len() - shared_tail..]);
    expected
}

fn temp_path(tag: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "mtg-flac-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(format!("{tag}.flac"))
}

fn save_result(
    path: &Path,
    blocks: &[Block<'_>],
    padding: Option<i64>,
    info_padding: bool,
    delete_id3: bool,
    origin: Option<&dyn ByteSource>,
) -> Result<Vec<u8>, FlacError> {
    let mut fixed = |_: &PaddingInfo| padding.unwrap_or(0);
    let mut from_info = |i: &PaddingInfo| (i.padding * 7 + i.size * 3).rem_euclid(5000);
    let mut options = SaveOptions {
        delete_id3,
        padding: if info_padding {
            Some(&mut from_info)
        } else if padding.is_some() {
            Some(&mut fixed)
        } else {
            None
        },
    };
    mtg_flac::save_path(path, blocks, &mut options, origin)?;
    Ok(std::fs::read(path).unwrap())
}

#[test]
fn saving_like_mutagen() {
    let mut failures = Vec::new();
    let all: Vec<_> = cases("files.txt")
        .into_iter()
        .filter(|c| c[0] == "S")
        .collect();
    for case in &all {
        let (name, rel, edit) = (&case[1], &case[2], &case[3]);
        let original = std::fs::read(data_dir().join(rel)).unwrap();
        let expected = case[4..].join("\t");
        let path = temp_path(name);
        std::fs::write(&path, &original).unwrap();

        // Load, edit, save through the path (blocks may still point into
        // the file for picture images: the target is their origin).
        let result = (|| -> Result<(Vec<u8>, Vec<u8>), FlacError> {
            let source = FileSource::open(&path)?;
            let flac = FlacFile::read(&source)?;
            let mut blocks: Vec<Block<'static>> =
                flac.blocks()?.into_iter().map(Block::into_owned).collect();
            drop(flac);
            drop(source);
            let (padding, delete_id3, info_padding) = apply_edit(edit, &mut blocks);
            // The same save into memory, through save_to.
            let mut memory = original.clone();
            {
                let mut fixed = |_: &PaddingInfo| padding.unwrap_or(0);
                let mut from_info = |i: &PaddingInfo| (i.padding * 7 + i.size * 3).rem_euclid(5000);
                let mut options = SaveOptions {
                    delete_id3,
                    padding: if info_padding {
                        Some(&mut from_info)
                    } else if padding.is_some() {
                        Some(&mut fixed)
                    } else {
                        None
                    },
                };
                let origin = mtg_core::SliceSource::new(&original);
                mtg_flac::save_to(&mut memory, &blocks, &mut options, Some(&origin))?;
            }
            let saved = save_result(&path, &blocks, padding, info_padding, delete_id3, None)?;
            Ok((saved, memory))
        })();
        let got = match result {
            Ok((saved, memory)) => {
                if let [_, _, _, _, ok, rel_out, tail] = case.as_slice() {
                    assert_eq!(ok, "ok");
                    let want = expected_output(rel_out, tail.parse().unwrap(), &original);
                    if saved != want {
                        failures.push(format!(
                            "S {name} {edit}: saved file differs ({} vs {} bytes, first difference at {:?})",
                            saved.len(),
                            want.len(),
                            saved.iter().zip(&want).position(|(a, b)| a != b)
                        ));
                    }
                    if memory != want {
                        failures.push(format!("S {name} {edit}: save_to result differs"));
                    }
                    // mutagen's module-level delete() does the same.
                    if edit == "delete" {
                        let other = temp_path("delete");
                        std::fs::write(&other, &original).unwrap();
                        mtg_flac::delete_path(&other).unwrap();
                        if std::fs::read(&other).unwrap() != want {
                            failures.push(format!("S {name} delete_path differs"));
                        }
                        let _ = std::fs::remove_dir_all(other.parent().unwrap());
                    }
                    // The saved file reads back.
                    if let Err(e) = FlacFile::from_bytes(&saved) {
                        failures.push(format!("S {name} {edit}: saved file unreadable: {e}"));
                    }
                }
                expected.clone()
            }
            Err(e) => err_flac(&e),
        };
        if got != expected {
            failures.push(format!("S {name} {edit}\n  got  {got}\n  want {expected}"));
        }
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }
    check(failures, all.len());
}

#[test]
fn saving_into_other_files_like_mutagen() {
    let mut failures = Vec::new();
    let all: Vec<_> = cases("files.txt")
        .into_iter()
        .filter(|c| c[0] == "T")
        .collect();
    for case in &all {
        let (name, source_rel, target_rel) = (&case[1], &case[2], &case[3]);
        let expected = case[4..].join("\t");
        let source = FileSource::open(data_dir().join(source_rel)).unwrap();
        let flac = FlacFile::read(&source).unwrap();
        let blocks = flac.blocks().unwrap();
        let target = std::fs::read(data_dir().join(target_rel)).unwrap();
        let path = temp_path(name);
        std::fs::write(&path, &target).unwrap();
        let got = match save_result(&path, &blocks, None, false, false, Some(&source)) {
            Ok(saved) => {
                let want = expected_output(&case[5], case[6].parse().unwrap(), &target);
                if saved != want {
                    failures.push(format!("T {name}: saved file differs"));
                }
                expected.clone()
            }
            Err(e) => {
                if std::fs::read(&path).unwrap() != target {
                    failures.push(format!("T {name}: failed save changed the file"));
                }
                err_flac(&e)
            }
        };
        if got != expected {
            failures.push(format!("T {name}\n  got  {got}\n  want {expected}"));
        }
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }
    check(failures, all.len());
}
