//! Malformed input never panics or over-allocates; reads stay few; large
//! blocks behave like mutagen's; save offsets are right.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};

use mtg_core::testing::Rng;
use mtg_core::{ByteSource, FileSource, SliceSource};
use mtg_flac::{
    code, render_blocks, write_block, Block, ErrorMode, FlacError, FlacFile, PaddingInfo,
    ParseOptions, Picture, PictureData, SaveOptions, StreamInfo, VComment, MAX_BLOCK_LEN,
};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

/// A source that records how it is read.
struct Recorder<'a> {
    inner: SliceSource<'a>,
    calls: Cell<usize>,
    largest: Cell<usize>,
    furthest: Cell<u64>,
    log: RefCell<Vec<(u64, usize)>>,
}

impl<'a> Recorder<'a> {
    fn new(data: &'a [u8]) -> Self {
        Recorder {
            inner: SliceSource::new(data),
            calls: Cell::new(0),
            largest: Cell::new(0),
            furthest: Cell::new(0),
            log: RefCell::new(Vec::new()),
        }
    }
}

impl ByteSource for Recorder<'_> {
    fn len(&self) -> u64 {
        self.inner.len()
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> mtg_core::Result<usize> {
        self.calls.set(self.calls.get() + 1);
        self.inner.read_at(offset, buf)
    }
    fn read_range(&self, offset: u64, len: usize) -> mtg_core::Result<Cow<'_, [u8]>> {
        let out = self.inner.read_range(offset, len)?;
        self.calls.set(self.calls.get() + 1);
        self.largest.set(self.largest.get().max(out.len()));
        self.furthest
            .set(self.furthest.get().max(offset + out.len() as u64));
        self.log.borrow_mut().push((offset, out.len()));
        // Hand out an owned copy, as a file source does.
        Ok(Cow::Owned(out.into_owned()))
    }
}

fn inputs() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(data_dir().join("in")).unwrap() {
        out.push(std::fs::read(entry.unwrap().path()).unwrap());
    }
    out.push(std::fs::read(data_dir().join("tone.flac")).unwrap());
    out.sort();
    out
}

/// Everything a binding would do with a file: no panic allowed, whatever
/// the bytes.
fn exercise(data: &[u8]) {
    let recorder = Recorder::new(data);
    let from_source = FlacFile::read(&recorder);
    let from_bytes = FlacFile::from_bytes(data);
    assert_eq!(from_source.is_ok(), from_bytes.is_ok());
    // Never a buffer larger than the data.
    assert!(recorder.largest.get() <= data.len());
    if let Ok(flac) = from_bytes {
        let _ = (flac.bitrate(), flac.length(), flac.tags());
        if let Ok(blocks) = flac.blocks() {
            let mut memory = data.to_vec();
            let mut options = SaveOptions::default();
            let origin = SliceSource::new(data);
            let _ = mtg_flac::save_to(&mut memory, &blocks, &mut options, Some(&origin));
            for b in &blocks {
                let mut out = Vec::new();
                let _ = write_block(b, false, &mut out, Some(&origin));
            }
        }
    }
    let _ = mtg_flac::scan_layout(&SliceSource::new(data));
    for c in 0..8u8 {
        if let Ok(b) = Block::parse(c, data) {
            let mut out = Vec::new();
            let _ = b.write_body(&mut out, None);
        }
    }
    for errors in [ErrorMode::Strict, ErrorMode::Replace, ErrorMode::Ignore] {
        for (framing, strict_lengths) in [(true, false), (false, true)] {
            let options = ParseOptions {
                errors,
                framing,
                strict_lengths,
            };
            let _ = VComment::parse(data, options);
            let _ = VComment::measure(data, options);
        }
    }
}

#[test]
fn mutated_inputs_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for base in inputs() {
        exercise(&base);
        for _ in 0..150 {
            let mut data = base.clone();
            for _ in 0..1 + rng.below(4) {
                let len = data.len();
                match rng.below(6) {
                    0 if len > 0 => {
                        let i = rng.below(len);
                        data[i] ^= 1 << rng.below(8);
                    }
                    1 if len > 0 => {
                        let i = rng.below(len);
                        data[i] = [0x00, 0xFF, 0x7F, 0x80][rng.below(4)];
                    }
                    2 => data.truncate(rng.below(len + 1)),
                    3 if len > 4 => {
                        // A huge length field somewhere.
                        let i = rng.below(len - 3);
                        data[i..i + 4].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0x7F]);
                    }
                    4 => {
                        let i = rng.below(len + 1);
                        let junk: Vec<u8> =
                            (0..rng.below(40)).map(|_| rng.next_u64() as u8).collect();
                        data.splice(i..i, junk);
                    }
                    _ if len > 8 => {
                        let i = rng.below(len - 8);
                        let n = rng.below(8);
                        data.drain(i..i + n);
                    }
                    _ => {}
                }
            }
            exercise(&data);
        }
    }
    let mut rng = Rng(42);
    for n in 0..300 {
        let data: Vec<u8> = (0..n).map(|_| rng.next_u64() as u8).collect();
        exercise(&data);
        let mut flac = b"fLaC".to_vec();
        flac.extend_from_slice(&data);
        exercise(&flac);
    }
}

fn header(code: u8, last: bool, len: u32) -> [u8; 4] {
    mtg_flac::header_bytes(code, last, len)
}

fn streaminfo_block(last: bool) -> Vec<u8> {
    let si = StreamInfo {
        min_blocksize: 4096,
        max_blocksize: 4096,
        sample_rate: 44100,
        channels: 2,
        bits_per_sample: 16,
        total_samples: 44100,
        ..StreamInfo::default()
    };
    let mut out = Vec::new();
    write_block(&Block::StreamInfo(si), last, &mut out, None).unwrap();
    out
}

#[test]
fn declared_sizes_never_allocate_more_than_present() {
    // A block declaring 16 MB in a 1 KB file.
    let mut data = b"fLaC".to_vec();
    data.extend(streaminfo_block(false));
    data.extend(header(99, true, 0xFF_FFFF));
    data.resize(1024, 0xAB);
    let recorder = Recorder::new(&data);
    let err = FlacFile::read(&recorder).unwrap_err();
    assert_eq!(err.to_string(), "file said 16777215 bytes, read 978 bytes");
    assert!(recorder.largest.get() <= data.len());

    // A Vorbis comment claiming 4 billion comments in 100 bytes.
    let mut vc = 3u32.to_le_bytes().to_vec();
    vc.extend_from_slice(b"ref");
    vc.extend_from_slice(&u32::MAX.to_le_bytes());
    vc.resize(100, 0);
    for options in [
        ParseOptions::VCOMMENT,
        ParseOptions::FLAC,
        ParseOptions::VCFLACDICT,
    ] {
        assert!(VComment::parse(&vc, options).is_err());
    }
    let mut file = b"fLaC".to_vec();
    file.extend(streaminfo_block(false));
    file.extend(header(4, true, 100));
    file.extend_from_slice(&vc);
    let recorder = Recorder::new(&file);
    assert!(matches!(
        FlacFile::read(&recorder),
        Err(FlacError::Truncated { wanted: 4, .. })
    ));
    assert!(recorder.largest.get() <= file.len());

    // A picture whose image claims 4 GB.
    let mut pic = Vec::new();
    pic.extend_from_slice(&3u32.to_be_bytes());
    pic.extend_from_slice(&0u32.to_be_bytes());
    pic.extend_from_slice(&0u32.to_be_bytes());
    for v in [1u32, 1, 24, 0, u32::MAX] {
        pic.extend_from_slice(&v.to_be_bytes());
    }
    assert_eq!(
        Picture::parse(&pic).unwrap_err().to_string(),
        "file said 4294967295 bytes, read 0 bytes"
    );
}

#[test]
fn few_reads_and_no_audio() {
    // The project's sample: one read covers the whole metadata.
    let path = data_dir().join("../../../../test_files/flac_tagged.flac");
    let data = std::fs::read(path).unwrap();
    let recorder = Recorder::new(&data);
    let flac = FlacFile::read(&recorder).unwrap();
    assert_eq!(recorder.calls.get(), 1);
    assert!(recorder.furthest.get() <= flac.audio_offset());
    assert_eq!(flac.picture_indices().count(), 1);

    // A 300 KB cover: its image is not read, the next header is.
    let mut file = b"fLaC".to_vec();
    file.extend(streaminfo_block(false));
    let mut tags = VComment::new();
    tags.comments
        .push(("TITLE".into(), "x".repeat(3000).into()));
    write_block(&Block::vorbis_comment(tags), false, &mut file, None).unwrap();
    let image: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    let picture = Picture {
        picture_type: 3,
        mime: "image/jpeg".into(),
        data: PictureData::Bytes(Cow::Borrowed(&image)),
        ..Picture::default()
    };
    write_block(&Block::Picture(picture), false, &mut file, None).unwrap();
    file.extend(header(code::PADDING, true, 8192));
    file.resize(file.len() + 8192, 0);
    let audio_offset = file.len() as u64;
    file.extend(std::iter::repeat_n(0xFFu8, 100_000));

    let recorder = Recorder::new(&file);
    let flac = FlacFile::read(&recorder).unwrap();
    assert_eq!(flac.audio_offset(), audio_offset);
    assert_eq!(recorder.calls.get(), 2, "{:?}", recorder.log.borrow());
    let read: usize = recorder.log.borrow().iter().map(|(_, n)| n).sum();
    assert!(read < 10_000, "read {read} bytes");
    assert!(recorder.furthest.get() <= audio_offset);
    match flac.block(2).unwrap() {
        Block::Picture(p) => {
            let PictureData::InFile { offset, len } = p.data else {
                panic!("image should stay in the file");
            };
            assert_eq!(len as usize, image.len());
            assert_eq!(&file[offset as usize..][..image.len()], &image[..]);
            assert_eq!(p.data.load(Some(&recorder)).unwrap(), &image[..]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn oversized_blocks() {
    // mutagen's _writeblock: 2**24 - 1 is the largest body.
    let mut out = Vec::new();
    let raw = |n: usize| {
        Block::Raw(mtg_flac::RawBlock {
            code: 127,
            data: Cow::Owned(vec![0; n]),
        })
    };
    write_block(&raw(MAX_BLOCK_LEN), true, &mut out, None).unwrap();
    assert_eq!(&out[..4], b"\xff\xff\xff\xff");
    assert_eq!(out.len(), MAX_BLOCK_LEN + 4);
    out.clear();
    assert!(matches!(
        write_block(&raw(MAX_BLOCK_LEN + 1), false, &mut out, None),
        Err(FlacError::BlockTooLong)
    ));
    assert!(out.is_empty());

    // A padding choice above the limit is clamped.
    let mut big = |_: &PaddingInfo| 1 << 24;
    let chain = render_blocks(&[], 0, 0, Some(&mut big), None).unwrap();
    assert_eq!(chain.len(), MAX_BLOCK_LEN + 4);

    // A picture too large for the header, written with a recorded wrong
    // size, reads back (mutagen's _invalid_overflow_size) and saves again.
    let image = vec![7u8; (1 << 24) - 32];
    let mut picture = Picture {
        data: PictureData::Bytes(Cow::Borrowed(&image)),
        ..Picture::default()
    };
    let mut out = Vec::new();
    assert!(matches!(
        write_block(&Block::Picture(picture.clone()), false, &mut out, None),
        Err(FlacError::BlockTooLong)
    ));
    picture.invalid_overflow_size = Some(42);
    let mut file = b"fLaC".to_vec();
    file.extend(streaminfo_block(false));
    write_block(&Block::Picture(picture), false, &mut file, None).unwrap();
    file.extend(header(code::PADDING, true, 0));
    assert_eq!(&file[42..46], &[6, 0, 0, 42]);

    let flac = FlacFile::from_bytes(&file).unwrap();
    let blocks = flac.blocks().unwrap();
    let Block::Picture(p) = &blocks[1] else {
        panic!()
    };
    assert_eq!(p.invalid_overflow_size, Some(42));
    assert_eq!(p.data.len(), image.len() as u64);
    let mut memory = file.clone();
    let origin = SliceSource::new(&file);
    mtg_flac::save_to(
        &mut memory,
        &blocks,
        &mut SaveOptions::default(),
        Some(&origin),
    )
    .unwrap();
    assert_eq!(memory, file);
}

#[test]
fn save_reports_offsets_and_failed_saves_keep_the_file() {
    let original = std::fs::read(data_dir().join("in/full.flac")).unwrap();
    let dir = std::env::temp_dir().join(format!("mtg-flac-robust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("full.flac");
    std::fs::write(&path, &original).unwrap();

    let blocks: Vec<Block<'static>> = {
        let source = FileSource::open(&path).unwrap();
        let flac = FlacFile::read(&source).unwrap();
        let mut blocks: Vec<Block<'static>> = flac
            .blocks()
            .unwrap()
            .into_iter()
            .map(Block::into_owned)
            .collect();
        if let Some(Block::VorbisComment { comment, .. }) = blocks.get_mut(2) {
            comment
                .comments
                .push(("NEW".into(), "y".repeat(2000).into()));
        }
        blocks
    };
    let outcome = mtg_flac::save_path(&path, &blocks, &mut SaveOptions::default(), None).unwrap();
    let saved = std::fs::read(&path).unwrap();
    let flac = FlacFile::from_bytes(&saved).unwrap();
    let written: Vec<u64> = flac.block_infos().map(|b| b.offset).collect();
    let reported: Vec<u64> = outcome.block_offsets.iter().flatten().copied().collect();
    assert_eq!(&written[..reported.len()], &reported[..]);
    for (i, b) in blocks.iter().enumerate() {
        if let (Block::Picture(p), Some(at)) = (b, outcome.block_offsets[i]) {
            let start = mtg_flac::picture_data_offset(at, p) as usize;
            let PictureData::Bytes(image) = &p.data else {
                panic!()
            };
            assert_eq!(&saved[start..start + image.len()], &image[..]);
        }
    }

    // Saving into something that is not FLAC fails and changes nothing.
    let other = dir.join("other.bin");
    std::fs::write(&other, b"RIFF not flac at all").unwrap();
    assert!(matches!(
        mtg_flac::save_path(&other, &blocks, &mut SaveOptions::default(), None),
        Err(FlacError::NoHeader(_))
    ));
    assert_eq!(std::fs::read(&other).unwrap(), b"RIFF not flac at all");
    // A missing file is an I/O error.
    assert!(matches!(
        mtg_flac::save_path(
            dir.join("missing"),
            &blocks,
            &mut SaveOptions::default(),
            None
        ),
        Err(FlacError::Core(mtg_core::Error::Io(_)))
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn picture_in_file_needs_its_source() {
    let picture = Picture {
        data: PictureData::InFile { offset: 10, len: 5 },
        ..Picture::default()
    };
    let mut out = Vec::new();
    assert!(matches!(
        write_block(&Block::Picture(picture.clone()), false, &mut out, None),
        Err(FlacError::MissingPictureData { offset: 10, len: 5 })
    ));
    let short = SliceSource::new(b"0123456789abc");
    assert!(write_block(
        &Block::Picture(picture.clone()),
        false,
        &mut out,
        Some(&short)
    )
    .is_err());
    let long = SliceSource::new(b"0123456789abcdefgh");
    write_block(&Block::Picture(picture), false, &mut out, Some(&long)).unwrap();
    assert!(out.ends_with(b"abcde"));
}
