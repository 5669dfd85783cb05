//! The tag level against mutagen 1.48.1: every expectation here comes from
//! running mutagen (see `tests/gen/gen_fixtures.py`).

mod common;

use std::borrow::Cow;

use common::{load, unhex, Case};
use mtg_core::{FileSource, SliceSource};
use mtg_id3::tag::{determine_size_mode, is_mutagen_frame_id, SizeMode};
use mtg_id3::v1::{find_id3v1_in_tail, make_id3v1, V1Values, GENRES};
use mtg_id3::write::{self, EncodedFrame, PaddingInfo, SaveOptions, V1Mode};
use mtg_id3::{read_id3, unsync, Id3Error, Id3Header, TagBytes};

/// Python class name and message of an error, as the fixtures record them.
fn py_error(e: &mtg_core::Error) -> (String, String) {
    match Id3Error::find(e) {
        Some(id3) => (
            id3.python_class().1.to_string(),
            id3.python_message("<unknown>", "'<unknown>'"),
        ),
        None => ("?".to_string(), e.to_string()),
    }
}

fn check_error(case: &Case, e: &mtg_core::Error) {
    let want_class = case
        .get("error")
        .unwrap_or_else(|| panic!("{}: unexpected error {e}", case.name));
    let (class, message) = py_error(e);
    assert_eq!(class, want_class, "{}: class ({e})", case.name);
    if let Some(msg) = case.text("message") {
        assert_eq!(message, msg, "{}: message", case.name);
    }
}

fn size_mode(s: &str) -> SizeMode {
    match s {
        "plain" => SizeMode::Plain,
        "syncsafe" => SizeMode::Syncsafe,
        other => panic!("size mode {other}"),
    }
}

fn default_known(id: &str) -> bool {
    is_mutagen_frame_id(id.as_bytes())
}

#[test]
fn headers() {
    let cases = load("headers.txt");
    assert!(cases.len() > 100);
    for case in &cases {
        let input = case.bytes("input");
        match Id3Header::parse(&input) {
            Err(e) => check_error(case, &e.into()),
            Ok(h) => {
                assert!(case.get("error").is_none(), "{}: no error", case.name);
                let (a, b, c) = h.version();
                assert_eq!(format!("{a}.{b}.{c}"), case.req("version"), "{}", case.name);
                assert_eq!(i64::from(h.flags), case.int("flags"), "{}", case.name);
                assert_eq!(i64::from(h.size), case.int("size"), "{}", case.name);
                let ext = match &h.ext {
                    None if h.major == 2 && h.flags & 0x40 != 0 => unreachable!(),
                    None if case.req("extdata") == "x" => "x".to_string(),
                    None => "-".to_string(),
                    Some(e) => format!("x{}", hex(&e.data)),
                };
                assert_eq!(
                    unhex_x(&ext),
                    unhex_x(case.req("extdata")),
                    "{}: extdata",
                    case.name
                );
            }
        }
    }
}

/// `-` or `x` + hex, compared as bytes.
fn unhex_x(s: &str) -> Option<Vec<u8>> {
    s.strip_prefix('x').map(unhex)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn unsynchronisation() {
    for case in &load("unsync.txt") {
        let input = case.bytes("input");
        assert_eq!(
            &*unsync::encode(&input),
            &case.bytes("encoded")[..],
            "{}",
            case.name
        );
        match (unsync::decode(&input), unhex_x(case.req("decoded"))) {
            (Ok(d), Some(want)) => assert_eq!(&*d, &want[..], "{}", case.name),
            (Err(e), None) => {
                assert_eq!(Some(e.message().to_string()), case.text("message"))
            }
            (got, want) => panic!("{}: {got:?} vs {want:?}", case.name),
        }
    }
}

#[test]
fn size_heuristic() {
    for case in &load("bpi.txt") {
        let input = case.bytes("input");
        assert_eq!(
            determine_size_mode(&input, &default_known),
            size_mode(case.req("frames")),
            "{}",
            case.name
        );
        assert_eq!(
            determine_size_mode(&input, &|_| false),
            size_mode(case.req("none")),
            "{}",
            case.name
        );
    }
}

fn check_read(case: &Case, result: mtg_core::Result<TagBytes<'_>>) {
    let tb = match result {
        Err(e) => return check_error(case, &e),
        Ok(tb) => tb,
    };
    assert!(
        case.get("error").is_none(),
        "{}: expected an error",
        case.name
    );
    let h = tb.header();
    let (a, b, c) = h.version();
    assert_eq!(format!("{a}.{b}.{c}"), case.req("version"), "{}", case.name);
    assert_eq!(i64::from(h.flags), case.int("flags"), "{}", case.name);
    assert_eq!(i64::from(h.size), case.int("size"), "{}", case.name);
    // known_frames={}: every frame is kept raw, as mutagen's unknown_frames.
    let tag = tb.frames_with(&|_| false);
    assert_eq!(
        tag.padding as i64,
        case.int("padding"),
        "{}: padding",
        case.name
    );
    let raw: Vec<Vec<u8>> = tag.frames.iter().map(|f| f.raw.to_vec()).collect();
    let want: Vec<Vec<u8>> = case.all("unknown").into_iter().map(unhex).collect();
    assert_eq!(raw, want, "{}: frames", case.name);
    if let Some(mode) = case.get("bpi_frames") {
        assert_eq!(
            determine_size_mode(tb.raw_frame_area(), &default_known),
            size_mode(mode),
            "{}",
            case.name
        );
        // The default split uses that mode.
        assert_eq!(tb.frames().size_mode, size_mode(mode), "{}", case.name);
    }
}

#[test]
fn read_from_memory() {
    let cases = load("read.txt");
    assert!(cases.len() > 100);
    for case in &cases {
        let input = case.bytes("input");
        check_read(case, TagBytes::parse(&input));
        let src = SliceSource::new(&input);
        check_read(case, TagBytes::read(&src));
    }
}

#[test]
fn read_from_files() {
    let dir = std::env::temp_dir().join(format!("mtg-id3-read-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for case in &load("read.txt") {
        let path = dir.join(&case.name);
        std::fs::write(&path, case.bytes("input")).unwrap();
        let src = FileSource::open(&path).unwrap();
        check_read(case, TagBytes::read(&src));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn load_with_v1() {
    for case in &load("load.txt") {
        let input = case.bytes("input");
        let src = SliceSource::new(&input);
        match read_id3(&src, true) {
            Err(e) => check_error(case, &e),
            Ok(r) => {
                assert!(case.get("error").is_none(), "{}", case.name);
                match &r.v2 {
                    Some(tb) => {
                        let (a, b, c) = tb.header().version();
                        assert_eq!(format!("{a}.{b}.{c}"), case.req("version"));
                        assert_eq!(i64::from(tb.header().size), case.int("size"));
                        assert_eq!(tb.frames().padding as i64, case.int("padding"));
                    }
                    None => {
                        assert_eq!(case.req("version"), "1.1.0", "{}", case.name);
                        assert_eq!(case.int("size"), 0);
                    }
                }
                let off = r.v1.as_ref().map_or(0, |(_, o)| *o);
                assert_eq!(off, case.int("v1_offset"), "{}", case.name);
            }
        }
    }
}

#[test]
fn v1_find_and_parse() {
    let cases = load("v1_find.txt");
    assert!(cases.len() > 100);
    for case in &cases {
        let input = case.bytes("input");
        let tail = &input[input.len().saturating_sub(131)..];
        let found = find_id3v1_in_tail(tail);
        let src = SliceSource::new(&input);
        assert_eq!(mtg_id3::find_id3v1(&src).unwrap(), found, "{}", case.name);
        let Some((tag, off)) = found else {
            assert_eq!(case.int("offset"), 0, "{}: not found", case.name);
            continue;
        };
        assert_eq!(off, case.int("offset"), "{}", case.name);
        let fields = [
            ("tit2", tag.title.map(|t| t.to_string())),
            ("tpe1", tag.artist.map(|t| t.to_string())),
            ("talb", tag.album.map(|t| t.to_string())),
            ("tyer", tag.year.map(|t| t.to_string())),
            ("comm", tag.comment.map(|t| t.to_string())),
            ("trck", tag.track.map(|t| t.to_string())),
            ("tcon", tag.genre.map(|t| t.to_string())),
        ];
        for (key, got) in fields {
            assert_eq!(got, case.text(key), "{}: {key}", case.name);
        }
        let order: Vec<_> = tag.frames(3).into_iter().map(|(id, _)| id).collect();
        assert_eq!(order.join(","), case.req("order"), "{}", case.name);
    }
}

#[test]
fn v1_make() {
    for case in &load("v1_make.txt") {
        let (title, artist, album) = (case.text("tit2"), case.text("tpe1"), case.text("talb"));
        let (year, comment, genre) = (case.text("year"), case.text("comm"), case.text("genre"));
        let track = match case.req("track") {
            "-" => None,
            t => Some(t.parse::<i64>().unwrap()),
        };
        let values = V1Values {
            title: title.as_deref(),
            artist: artist.as_deref(),
            album: album.as_deref(),
            year: year.as_deref(),
            comment: comment.as_deref(),
            track,
            genre: genre.as_deref(),
        };
        match make_id3v1(&values) {
            Ok(bytes) => assert_eq!(&bytes[..], &case.bytes("output")[..], "{}", case.name),
            Err(Id3Error::Encode(e)) => {
                assert_eq!(format!("{},{}", e.start, e.end), case.req("encode_error"))
            }
            Err(e) => panic!("{}: {e}", case.name),
        }
    }
}

#[test]
fn genre_table() {
    let cases = load("genres.txt");
    assert_eq!(cases.len(), GENRES.len());
    for (i, case) in cases.iter().enumerate() {
        assert_eq!(case.text("name").as_deref(), Some(GENRES[i]));
    }
}

fn frames_of(case: &Case) -> Vec<EncodedFrame<'static>> {
    case.all("frame")
        .into_iter()
        .map(|line| {
            let mut parts = line.splitn(3, ' ');
            let id = parts.next().unwrap().to_string();
            let key = String::from_utf8(unhex(parts.next().unwrap())).unwrap();
            let body = unhex(parts.next().unwrap_or(""));
            EncodedFrame {
                id: Cow::Owned(id),
                hash_key: Cow::Owned(key),
                body: Cow::Owned(body),
            }
        })
        .collect()
}

/// Save a fixture case into `file` (in memory) or, with `path`, into a file.
fn save_case(case: &Case, path: Option<&std::path::Path>) {
    let mut file = case.bytes("before");
    let v1tag = case.req("v1tag");
    let make_v1 = || -> mtg_core::Result<[u8; 128]> {
        match v1tag {
            "-" => Err(Id3Error::ValueError("no v1".into()).into()),
            hex => Ok(unhex(hex).try_into().unwrap()),
        }
    };
    let fixed = case.get("padding").and_then(|p| p.parse::<i64>().ok());
    let seen = std::cell::Cell::new(None);
    let padding = |info: PaddingInfo| {
        seen.set(Some((info.padding, info.size)));
        fixed.unwrap_or_else(|| info.default_padding())
    };
    let unknown_owned: Vec<Vec<u8>> = if case.get("same_version") == Some("1") {
        case.all("unknown").into_iter().map(unhex).collect()
    } else {
        Vec::new()
    };
    let options = SaveOptions {
        version: case.int("version") as u8,
        frames: frames_of(case),
        unknown: unknown_owned.iter().map(Vec::as_slice).collect(),
        padding: Some(&padding),
        v1_mode: V1Mode::from_int(case.int("v1")).unwrap(),
        make_v1: Some(&make_v1),
    };
    let result = match path {
        None => write::save(&mut file, options),
        Some(path) => {
            std::fs::write(path, &file).unwrap();
            let r = write::save_path(path, options);
            file = std::fs::read(path).unwrap();
            r
        }
    };
    match result {
        Ok(_) => assert!(case.get("error").is_none(), "{}: no error", case.name),
        Err(e) => check_error(case, &e),
    }
    assert_eq!(hex(&file), hex(&case.bytes("after")), "{}", case.name);
    if let Some(info) = case.get("info") {
        let (p, s) = info.split_once(' ').unwrap();
        assert_eq!(
            seen.get(),
            Some((p.parse().unwrap(), s.parse().unwrap())),
            "{}: padding info",
            case.name
        );
    }
}

#[test]
fn save() {
    let cases = load("write.txt");
    assert!(cases.len() > 60);
    for case in &cases {
        save_case(case, None);
    }
}

#[test]
fn save_to_files() {
    let dir = std::env::temp_dir().join(format!("mtg-id3-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for case in &load("write.txt") {
        save_case(case, Some(&dir.join(&case.name)));
    }
    // A file that does not exist yet is created.
    let path = dir.join("new.mp3");
    let options = SaveOptions {
        version: 4,
        frames: vec![],
        unknown: vec![],
        padding: None,
        v1_mode: V1Mode::Update,
        make_v1: None,
    };
    write::save_path(&path, options).unwrap();
    let data = std::fs::read(&path).unwrap();
    assert_eq!(data.len(), 10 + 1024);
    write::delete_path(&path, true, true).unwrap();
    assert!(std::fs::read(&path).unwrap().is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn delete() {
    for case in &load("delete.txt") {
        let mut file = case.bytes("before");
        match write::delete(
            &mut file,
            case.int("delete_v1") == 1,
            case.int("delete_v2") == 1,
        ) {
            Ok(()) => assert!(case.get("error").is_none(), "{}", case.name),
            Err(e) => check_error(case, &e),
        }
        assert_eq!(hex(&file), hex(&case.bytes("after")), "{}", case.name);
    }
}
