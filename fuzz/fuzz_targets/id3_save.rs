//! Saving over any bytes: the frames of the ID3v2 tag found there that
//! decode, encoded for v2.3 or v2.4, saved back into the same bytes (a
//! `Vec` as the file) with ID3v1 removal. Never panics; after a save over
//! a file longer than its tag plus the ID3v1 search, the file starts with
//! the tag the save returned, that tag reads back with the frame IDs
//! written in the order written, and everything between the old tag and the
//! old ID3v1 tag follows it unchanged.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use mtg_core::SliceSource;
use mtg_id3::frames::{decode_frame, encode_frame_body, frame_def, hash_key};
use mtg_id3::spec::WriteConfig;
use mtg_id3::write::{find_v1_offset, old_tag_size, save, sort_for_save, SaveOptions, V1Mode};
use mtg_id3::{EncodedFrame, TagBytes};

/// The length of the tail searched for an ID3v1 tag.
const V1_SEARCH_LEN: usize = 131;

fuzz_target!(|input: &[u8]| {
    let Some((&control, data)) = input.split_first() else {
        return;
    };
    let version = if control & 1 == 0 { 4 } else { 3 };
    let config = WriteConfig {
        v2_version: version,
        v23_separator: (control & 2 != 0).then(|| "/".to_owned()),
    };
    let padding = i64::from(control >> 2);
    let pad = move |_| padding;

    let mut frames = Vec::new();
    if let Ok(tag_bytes) = TagBytes::parse(data) {
        let major = tag_bytes.header().major;
        let tag = tag_bytes.frames();
        for frame in tag.frames.iter().filter(|_| major >= 3) {
            let Some(def) = frame_def(major, frame.id.as_str()) else {
                continue;
            };
            let flags = tag.effective_flags(frame);
            let Ok(values) = decode_frame(def, major, flags, frame.body) else {
                continue;
            };
            let (Ok(body), Ok(key)) = (
                encode_frame_body(def, &values, &config),
                hash_key(def, &values, ""),
            ) else {
                continue;
            };
            frames.push(EncodedFrame {
                id: Cow::Owned(frame.id.as_str().to_owned()),
                hash_key: Cow::Owned(key),
                body: Cow::Owned(body),
            });
        }
    }
    let mut expected = frames.clone();
    sort_for_save(&mut expected);
    let expected: Vec<String> = expected
        .iter()
        .filter(|f| !f.body.is_empty())
        .map(|f| f.id.to_string())
        .collect();

    let mut file = data.to_vec();
    let old_size = old_tag_size(&mut file.clone()).ok();
    let old_v1 = find_v1_offset(&mut file.clone()).ok().flatten();
    let options = SaveOptions {
        version,
        frames,
        unknown: Vec::new(),
        padding: Some(&pad),
        v1_mode: V1Mode::Remove,
        make_v1: None,
    };
    let Ok(tag) = save(&mut file, options) else {
        return;
    };
    // The checks hold when the ID3v1 search (the last 131 bytes) cannot
    // reach into the old or the new tag: otherwise removing a "TAG" found
    // there cuts the file inside the new tag, as mutagen does.
    let Some(old_size) = old_size.and_then(|s| usize::try_from(s).ok()) else {
        return;
    };
    if old_size.saturating_add(V1_SEARCH_LEN) > data.len() {
        return;
    }
    assert!(
        file.starts_with(&tag),
        "the file does not start with the tag"
    );
    let read = TagBytes::parse(&file).expect("the saved tag does not read back");
    assert_eq!(read.header().major, version);
    let ids: Vec<String> = read
        .frames()
        .frames
        .iter()
        .map(|f| f.id.as_str().to_owned())
        .collect();
    assert_eq!(ids, expected);
    let _ = TagBytes::read(&SliceSource::new(&file)).expect("reading from a source");
    // What followed the old tag, up to the old ID3v1 tag, follows the new one.
    let v1_len = old_v1.map_or(0, |l| l as usize);
    let middle = &data[old_size..data.len() - v1_len];
    assert_eq!(&file[tag.len()..], middle, "the audio moved or changed");
});
