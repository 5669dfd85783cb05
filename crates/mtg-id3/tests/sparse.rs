//! `TagBytes::read_sparse` finds what `TagBytes::read` finds: the same
//! frames in the same order with the same flags, padding and size encoding;
//! a deferred body is held as its prefix and lies verbatim in the source
//! where `DeferredBody` says; the same errors for broken tags.

mod common;

use mtg_core::testing::Rng;
use mtg_core::SliceSource;
use mtg_id3::tag::is_mutagen_frame_id;
use mtg_id3::{SparseLimits, TagBytes};

fn known(id: &str) -> bool {
    is_mutagen_frame_id(id.as_bytes())
}

/// Compares the two readings of `data`; returns how many bodies were
/// deferred.
fn check(data: &[u8], limits: SparseLimits) -> usize {
    let src = SliceSource::new(data);
    let full = TagBytes::read(&src);
    let sparse = TagBytes::read_sparse(&src, &known, limits);
    let (full, sparse) = match (full, sparse) {
        (Ok(f), Ok(s)) => (f, s),
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string());
            return 0;
        }
        (a, b) => panic!("full {:?} vs sparse {:?}", a.err(), b.err()),
    };
    assert_eq!(full.header(), sparse.header());
    let a = full.frames();
    let b = sparse.frames();
    assert_eq!(a.padding, b.padding);
    assert_eq!(a.size_mode, b.size_mode);
    assert_eq!(a.unsynchronised, b.unsynchronised);
    let skipped =
        |t: &mtg_id3::Tag<'_>| -> Vec<_> { t.skipped.iter().map(|s| (s.id, s.reason)).collect() };
    assert_eq!(skipped(&a), skipped(&b));
    assert_eq!(a.frames.len(), b.frames.len());
    let mut seen = 0;
    for (fa, fb) in a.frames.iter().zip(&b.frames) {
        assert_eq!(fa.id, fb.id);
        assert_eq!(fa.flags, fb.flags);
        match sparse.deferred_at(fb.offset) {
            Some(d) => {
                seen += 1;
                assert_eq!(fb.body, &fa.body[..d.held]);
                assert_eq!(d.size, fa.body.len());
                let start = d.source_offset as usize;
                assert_eq!(&data[start..start + d.size], fa.body);
            }
            None => {
                assert_eq!(fa.body, fb.body);
                assert_eq!(fa.raw, fb.raw);
                assert_eq!(fa.size, fb.size);
            }
        }
    }
    assert_eq!(seen, sparse.deferred().len());
    seen
}

fn syncsafe(n: usize) -> [u8; 4] {
    let n = n as u32;
    [
        (n >> 21 & 0x7f) as u8,
        (n >> 14 & 0x7f) as u8,
        (n >> 7 & 0x7f) as u8,
        (n & 0x7f) as u8,
    ]
}

fn frame(major: u8, plain: bool, id: &[u8], flags: u16, body: &[u8]) -> Vec<u8> {
    let mut out = id.to_vec();
    if major == 4 && !plain {
        out.extend_from_slice(&syncsafe(body.len()));
    } else {
        out.extend_from_slice(&(body.len() as u32).to_be_bytes());
    }
    out.extend_from_slice(&flags.to_be_bytes());
    out.extend_from_slice(body);
    out
}

fn tag(major: u8, flags: u8, frames: &[Vec<u8>], padding: usize) -> Vec<u8> {
    let area: Vec<u8> = frames.concat();
    let mut out = b"ID3".to_vec();
    out.extend_from_slice(&[major, 0, flags]);
    out.extend_from_slice(&syncsafe(area.len() + padding));
    out.extend_from_slice(&area);
    out.resize(out.len() + padding, 0);
    out.extend_from_slice(&[0xff, 0xfb, 0x90, 0x00]);
    out
}

fn apic(size: usize) -> Vec<u8> {
    let mut body = b"\x00image/jpeg\x00\x03cover\x00".to_vec();
    body.extend((0..size).map(|i| (i * 7 % 251) as u8));
    body
}

fn text(s: &str) -> Vec<u8> {
    let mut body = vec![3];
    body.extend_from_slice(s.as_bytes());
    body
}

fn sample_tags() -> Vec<Vec<u8>> {
    let mut tags = Vec::new();
    for major in [3u8, 4] {
        for plain in [false, true] {
            if major == 3 && plain {
                continue;
            }
            let f = |id: &[u8], flags: u16, body: &[u8]| frame(major, plain, id, flags, body);
            tags.push(tag(
                major,
                0,
                &[
                    f(b"TIT2", 0, &text("title")),
                    f(b"APIC", 0, &apic(300_000)),
                    f(b"TPE1", 0, &text("artist")),
                    f(b"APIC", 0, &apic(40_000)),
                ],
                1000,
            ));
            // a picture that starts in the first read
            tags.push(tag(
                major,
                0,
                &[
                    f(b"TXXX", 0, &vec![b'a'; 60_000]),
                    f(b"APIC", 0, &apic(90_000)),
                ],
                0,
            ));
            // pictures that must stay in memory: small, or transformed
            let squeezed = if major == 4 { 0x0008 | 0x0001 } else { 0x0080 };
            tags.push(tag(
                major,
                0,
                &[
                    f(b"TIT2", 0, &vec![b'x'; 70_000]),
                    f(b"APIC", 0, &apic(100)),
                    f(b"APIC", squeezed, &apic(70_000)),
                    f(b"GEOB", 0, &apic(70_000)),
                ],
                10,
            ));
        }
    }
    // tag-level unsynchronisation
    tags.push(tag(
        3,
        0x80,
        &[frame(3, false, b"APIC", 0, &apic(80_000))],
        0,
    ));
    tags.push(tag(
        4,
        0x80,
        &[frame(4, false, b"APIC", 0, &apic(80_000))],
        0,
    ));
    // a picture running past the end of the tag
    let mut cut = tag(
        4,
        0,
        &[
            frame(4, false, b"TIT2", 0, &text("t")),
            frame(4, false, b"APIC", 0, &apic(100_000)),
        ],
        0,
    );
    let declared = 100_000usize;
    cut[6..10].copy_from_slice(&syncsafe(declared));
    tags.push(cut);
    tags
}

#[test]
fn equivalent_on_sample_tags() {
    let mut deferred = 0;
    for data in sample_tags() {
        deferred += check(&data, SparseLimits::default());
        let small = SparseLimits {
            first_read: 64,
            min_deferred: 1,
            prefix: 8,
        };
        check(&data, small);
    }
    assert!(deferred >= 6, "only {deferred} bodies deferred");
}

#[test]
fn equivalent_on_test_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../test_files");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let data = std::fs::read(entry.unwrap().path()).unwrap();
        for first_read in [16, 100, 1000, 65536] {
            for prefix in [1, 4, 64] {
                let limits = SparseLimits {
                    first_read,
                    min_deferred: 1,
                    prefix,
                };
                check(&data, limits);
            }
        }
        n += 1;
    }
    assert!(n > 10);
}

#[test]
fn equivalent_on_damaged_tags() {
    let mut rng = Rng(0x5eed);
    let bases = sample_tags();
    let mut deferred = 0;
    for round in 0..3000 {
        let mut data = bases[round % bases.len()].clone();
        data.truncate(data.len().min(120_000 + rng.below(300_000)));
        for _ in 0..1 + rng.below(6) {
            // mostly frame headers and sizes: the walk is what may differ
            let at = if rng.below(2) == 0 {
                10 + rng.below(40)
            } else {
                rng.below(data.len())
            };
            if let Some(b) = data.get_mut(at) {
                *b = rng.byte();
            }
        }
        let limits = SparseLimits {
            first_read: 1 + rng.below(70_000),
            min_deferred: rng.below(50_000),
            prefix: 1 + rng.below(3000),
        };
        deferred += check(&data, limits);
    }
    assert!(deferred > 500, "only {deferred} bodies deferred");
}
