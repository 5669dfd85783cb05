//! ID3v2 tags from any bytes: splitting, per-frame flags and field decoding
//! never panic; a frame that decodes re-encodes (as v2.4) into a body that
//! decodes again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtg_id3::frames::{decode_frame, decode_frame_body, encode_frame_body, frame_def};
use mtg_id3::spec::WriteConfig;
use mtg_id3::{parse_id3v1, TagBytes};

fuzz_target!(|data: &[u8]| {
    let _ = parse_id3v1(data);
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
            assert!(
                decode_frame_body(def, 4, &body).is_ok(),
                "{} re-encoded into a body that does not decode",
                frame.id
            );
        }
    }
});
