//! Malformed input never panics, reads stay within the bytes present, and a
//! tag is read with two positional reads.

mod common;

use mtg_core::testing::Rng;

use std::borrow::Cow;
use std::cell::Cell;

use mtg_core::{ByteSource, FileSource};
use mtg_id3::tag::determine_size_mode;
use mtg_id3::v1::{find_id3v1_in_tail, parse_id3v1};
use mtg_id3::{read_id3, unsync, write, Id3Error, Id3Header, TagBytes};

/// A source over memory that counts reads and the bytes handed out.
struct Counting<'a> {
    data: &'a [u8],
    reads: Cell<usize>,
    bytes: Cell<usize>,
}

impl<'a> Counting<'a> {
    fn new(data: &'a [u8]) -> Self {
        Counting {
            data,
            reads: Cell::new(0),
            bytes: Cell::new(0),
        }
    }
}

impl ByteSource for Counting<'_> {
    fn len(&self) -> u64 {
        self.data.len() as u64
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> mtg_core::Result<usize> {
        let got = self.read_range(offset, buf.len())?;
        buf[..got.len()].copy_from_slice(&got);
        Ok(got.len())
    }
    fn read_range(&self, offset: u64, len: usize) -> mtg_core::Result<Cow<'_, [u8]>> {
        self.reads.set(self.reads.get() + 1);
        let start = (offset as usize).min(self.data.len());
        let end = start.saturating_add(len).min(self.data.len());
        self.bytes.set(self.bytes.get() + (end - start));
        Ok(Cow::Owned(self.data[start..end].to_vec()))
    }
}

fn exercise(data: &[u8]) {
    let _ = Id3Header::parse(data);
    if let Ok(tb) = TagBytes::parse(data) {
        let tag = tb.frames();
        for f in &tag.frames {
            assert!(f.raw.len() >= f.body.len());
            let _ = tag.effective_flags(f);
        }
        let _ = tb.frames_with(&|_| true);
    }
    let _ = determine_size_mode(data, &|_| true);
    let _ = unsync::decode(data);
    let _ = unsync::encode(data);
    let _ = parse_id3v1(data);
    let _ = find_id3v1_in_tail(data);
    let src = Counting::new(data);
    let _ = read_id3(&src, true);
    assert!(
        src.bytes.get() <= data.len() + 131 + 10,
        "read more than present"
    );
    let mut file = data.to_vec();
    let _ = write::delete(&mut file, true, true);
    let mut file = data.to_vec();
    let _ = write::old_tag_size(&mut file);
}

#[test]
fn mutated_fixtures_do_not_panic() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for name in ["read.txt", "headers.txt", "load.txt", "v1_find.txt"] {
        for case in common::load(name) {
            inputs.push(case.bytes("input"));
        }
    }
    for input in &inputs {
        exercise(input);
        for _ in 0..20 {
            let mut d = input.clone();
            match rng.below(4) {
                0 if !d.is_empty() => {
                    let i = rng.below(d.len());
                    d[i] = rng.byte();
                }
                1 if !d.is_empty() => d.truncate(rng.below(d.len())),
                2 => {
                    let i = rng.below(d.len() + 1);
                    d.insert(i, [0x00, 0xFF, 0x7F, 0x80][rng.below(4)]);
                }
                _ => {
                    for _ in 0..rng.below(8) {
                        d.push(rng.byte());
                    }
                }
            }
            exercise(&d);
        }
    }
}

#[test]
fn garbage_does_not_panic() {
    let mut rng = Rng(42);
    for _ in 0..3000 {
        let len = rng.below(300);
        let mut d: Vec<u8> = (0..len).map(|_| rng.byte()).collect();
        if rng.below(2) == 0 && d.len() >= 10 {
            d[..3].copy_from_slice(b"ID3");
            d[3] = [2, 3, 4][rng.below(3)];
            for b in &mut d[6..10] {
                *b &= 0x7F;
            }
            d[6] = 0;
            d[7] = 0;
        }
        exercise(&d);
    }
    exercise(&[0xFF; 1000]);
}

#[test]
fn declared_256m_in_a_small_file() {
    let mut data = b"ID3\x04\x00\x00\x7f\x7f\x7f\x7f".to_vec();
    data.extend(std::iter::repeat_n(0xAB, 1024));
    let src = Counting::new(&data);
    let e = TagBytes::read(&src).unwrap_err();
    assert_eq!(Id3Error::find(&e), Some(&Id3Error::truncated()));
    // The body is not even read: only the header.
    assert_eq!(src.reads.get(), 1);
    assert_eq!(src.bytes.get(), 10);

    // Through a real file too.
    let path = std::env::temp_dir().join(format!("mtg-id3-256m-{}", std::process::id()));
    std::fs::write(&path, &data).unwrap();
    let src = FileSource::open(&path).unwrap();
    assert!(TagBytes::read(&src).is_err());
    std::fs::remove_file(&path).unwrap();

    // An extended header declaring 256 MiB.
    let mut data = b"ID3\x03\x00\x40\x00\x00\x01\x00\x0f\xff\xff\xff".to_vec();
    data.extend([0u8; 200]);
    let src = Counting::new(&data);
    assert!(TagBytes::read(&src).is_err());
    assert!(src.bytes.get() <= data.len());
}

#[test]
fn two_reads_for_a_tag_and_audio_untouched() {
    let mut data = b"ID3\x04\x00\x00\x00\x00\x00\x0eTIT2\x00\x00\x00\x04\x00\x00\x03abc".to_vec();
    data.extend(std::iter::repeat_n(0x55, 100_000));
    let src = Counting::new(&data);
    let tb = TagBytes::read(&src).unwrap();
    assert_eq!(src.reads.get(), 2);
    assert_eq!(src.bytes.get(), 24);
    assert_eq!(tb.frames().frames[0].body, b"\x03abc");
    // With the ID3v1 lookup: one more read of 131 bytes.
    let src = Counting::new(&data);
    let r = read_id3(&src, true).unwrap();
    assert!(r.v2.is_some() && r.v1.is_none());
    assert_eq!(src.reads.get(), 3);
    assert_eq!(src.bytes.get(), 24 + 131);
}

/// Found by the `id3_tag` fuzz target: an EQU2 whose adjustments are too
/// short to hold one reads as no adjustments, is written back without any,
/// and that body no longer reads ("no data left"). mutagen 1.48.1 does the
/// same (checked by running it), so the crate keeps the asymmetry.
#[test]
fn equ2_empty_adjustments_round_trip_like_mutagen() {
    use mtg_id3::frames::{decode_frame_body, encode_frame_body, frame_def};
    use mtg_id3::spec::WriteConfig;
    use mtg_id3::{FieldValue, FrameError};

    let def = frame_def(4, "EQU2").unwrap();
    let values = decode_frame_body(def, 4, b"\x01x\x00\xc4\x00\x00").unwrap();
    assert_eq!(values[2], FieldValue::VolumeAdjustments(vec![]));
    let body = encode_frame_body(def, &values, &WriteConfig::v24()).unwrap();
    assert_eq!(body, b"\x01x\x00");
    assert!(matches!(
        decode_frame_body(def, 4, &body),
        Err(FrameError::JunkFrame(m)) if m == "no data left"
    ));
}
