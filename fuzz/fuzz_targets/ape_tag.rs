//! APEv2 tags from any bytes: locating the tag and parsing its items never
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtg_ape::{parse_items, read_tag};
use mtg_core::SliceSource;

fuzz_target!(|data: &[u8]| {
    let src = SliceSource::new(data);
    if let Ok(tag) = read_tag(&src) {
        let count = tag.located().fields.count;
        let parsed = parse_items(tag.data(), count);
        assert!(parsed.items.len() <= tag.data().len());
    }
    let _ = parse_items(data, u32::MAX);
});
