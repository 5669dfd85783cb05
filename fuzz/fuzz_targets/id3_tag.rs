//! ID3v2 tags from any bytes: splitting, per-frame flags and field decoding
//! never panic; a frame that decodes re-encodes (as v2.4) into a body that
//! decodes again; reading without large picture bodies
//! (`TagBytes::read_sparse`, with tiny limits so that small inputs use it)
//! finds the same frames as reading everything.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtg_core::SliceSource;
use mtg_id3::frames::{decode_frame, decode_frame_body, encode_frame_body, frame_def};
use mtg_id3::spec::WriteConfig;
use mtg_id3::tag::is_mutagen_frame_id;
use mtg_id3::{parse_id3v1, FieldValue, FrameError, SparseLimits, TagBytes};

/// A list value with no items.
fn empty_list(v: &FieldValue<'_>) -> bool {
    match v {
        FieldValue::VolumeAdjustments(l) => l.is_empty(),
        FieldValue::KeyEvents(l) => l.is_empty(),
        FieldValue::SyncedText(l) => l.is_empty(),
        FieldValue::IntList(l) => l.is_empty(),
        FieldValue::TextList(l) => l.is_empty(),
        FieldValue::TextTuples(l) => l.is_empty(),
        FieldValue::TimeStampList(l) => l.is_empty(),
        _ => false,
    }
}

/// `read_sparse` agrees with `read` on `data`.
fn check_sparse(data: &[u8]) {
    let src = SliceSource::new(data);
    let limits = SparseLimits {
        first_read: 16 + usize::from(data.len() as u8 % 64),
        min_deferred: 1,
        prefix: 1 + usize::from(data.len() as u8 % 8),
    };
    let known = |id: &str| is_mutagen_frame_id(id.as_bytes());
    let (full, sparse) = match (
        TagBytes::read(&src),
        TagBytes::read_sparse(&src, &known, limits),
    ) {
        (Ok(f), Ok(s)) => (f, s),
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string());
            return;
        }
        (a, b) => panic!("read {:?} vs read_sparse {:?}", a.err(), b.err()),
    };
    let (a, b) = (full.frames(), sparse.frames());
    assert_eq!((a.padding, a.size_mode), (b.padding, b.size_mode));
    assert_eq!(a.frames.len(), b.frames.len());
    for (fa, fb) in a.frames.iter().zip(&b.frames) {
        assert_eq!((fa.id, fa.flags), (fb.id, fb.flags));
        match sparse.deferred_at(fb.offset) {
            Some(d) => {
                assert_eq!(fb.body, &fa.body[..d.held]);
                let start = d.source_offset as usize;
                assert_eq!(&data[start..start + d.size], fa.body);
            }
            None => assert_eq!(fa.raw, fb.raw),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let _ = parse_id3v1(data);
    check_sparse(data);
    let Ok(tag_bytes) = TagBytes::parse(data) else {
        return;
    };
    let major = tag_bytes.header().major;
    let tag = tag_bytes.frames();
    for frame in &tag.frames {
        let Some(def) = frame_def(major, frame.id.as_str()) else {
            continue;
        };
        let Ok(values) = decode_frame(def, major, tag.effective_flags(frame), frame.body) else {
            continue;
        };
        if major != 4 {
            continue;
        }
        if let Ok(body) = encode_frame_body(def, &values, &WriteConfig::v24()) {
            match decode_frame_body(def, 4, &body) {
                Ok(_) => {}
                // An empty trailing list (EQU2 adjustments read from a
                // too-short remainder) is written as nothing, which then
                // reads as "no data left": mutagen 1.48.1 does the same.
                Err(FrameError::JunkFrame(m))
                    if m == "no data left" && values.last().is_some_and(empty_list) => {}
                Err(e) => panic!(
                    "{} re-encoded into a body that does not decode: {e:?}",
                    frame.id
                ),
            }
        }
    }
});
