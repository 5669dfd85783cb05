//! Text codecs: decoding never panics, and whatever decodes strictly
//! re-encodes to text that decodes to the same string.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtg_core::text::{self, DecodeMode, Encoding};

const ENCODINGS: [Encoding; 5] = [
    Encoding::Latin1,
    Encoding::Utf16,
    Encoding::Utf16Be,
    Encoding::Utf16Le,
    Encoding::Utf8,
];

fuzz_target!(|data: &[u8]| {
    for enc in ENCODINGS {
        let _ = text::decode(data, enc, DecodeMode::Replace);
        let _ = text::find_terminator(data, enc);
        let _ = text::decode_terminated(data, enc, true);
        if let Ok((s, rest)) = text::decode_terminated(data, enc, false) {
            assert!(rest.len() <= data.len());
            let _ = s.len();
        }
        if let Ok(s) = text::decode(data, enc, DecodeMode::Strict) {
            let encoded = text::encode(&s, enc).expect("decoded text re-encodes");
            let again =
                text::decode(&encoded, enc, DecodeMode::Strict).expect("re-encoded text decodes");
            assert_eq!(again, s);
        }
    }
});
