//! FLAC metadata and Vorbis comments from any bytes: no panic; a comment
//! packet that parses writes out and parses back to the same values.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtg_flac::{FlacFile, ParseOptions, VComment};

fuzz_target!(|data: &[u8]| {
    if let Ok(file) = FlacFile::from_bytes(data) {
        let _ = file.stream_info();
        let _ = file.length();
        let _ = file.bitrate();
        let _ = file.tags();
    }
    for framing in [true, false] {
        let options = ParseOptions {
            framing,
            ..ParseOptions::VCOMMENT
        };
        let Ok((comment, _size)) = VComment::parse(data, options) else {
            continue;
        };
        let Ok(written) = comment.write(framing) else {
            continue;
        };
        let (again, _) = VComment::parse(&written, options).expect("written comment parses");
        assert_eq!(again.vendor, comment.vendor);
        assert_eq!(again.comments, comment.comments);
    }
});
