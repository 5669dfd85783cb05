//! Saving a FLAC file read from any bytes with its own blocks (a `Vec` as
//! the file), with or without dropping ID3 tags, with a chosen padding.
//! Never panics; a saved file reads back with the same blocks but PADDING,
//! then one PADDING block of the chosen size (0 too, as mutagen writes),
//! and the audio unchanged (less an ID3v1 tag when ID3 tags are dropped).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtg_core::SliceSource;
use mtg_flac::{code, save_to, BlockInfo, FlacFile, PaddingInfo, SaveOptions};

/// The block codes of `file` but PADDING, and the sizes of the PADDING
/// blocks.
fn codes(file: &FlacFile<'_>) -> (Vec<u8>, Vec<u64>) {
    let (padding, other): (Vec<&BlockInfo>, Vec<&BlockInfo>) =
        file.block_infos().partition(|b| b.code == code::PADDING);
    (
        other.iter().map(|b| b.code).collect(),
        padding.iter().map(|b| b.len).collect(),
    )
}

fuzz_target!(|input: &[u8]| {
    let Some((&control, data)) = input.split_first() else {
        return;
    };
    let Ok(flac) = FlacFile::from_bytes(data) else {
        return;
    };
    let Ok(blocks) = flac.blocks() else {
        return;
    };
    let Some(audio) = usize::try_from(flac.audio_offset())
        .ok()
        .and_then(|at| data.get(at..))
    else {
        return;
    };
    let delete_id3 = control & 1 == 1;
    let pad = i64::from(control >> 1);
    let mut choose = move |_: &PaddingInfo| pad;
    let mut options = SaveOptions {
        delete_id3,
        padding: Some(&mut choose),
    };
    let mut file = data.to_vec();
    let origin = SliceSource::new(data);
    if save_to(&mut file, &blocks, &mut options, Some(&origin)).is_err() {
        return;
    }
    let again = FlacFile::from_bytes(&file).expect("the saved file does not read back");
    let (before, _) = codes(&flac);
    let (after, padding) = codes(&again);
    assert_eq!(after, before, "the blocks changed");
    assert_eq!(padding, [pad as u64], "PADDING blocks");
    assert_eq!(
        again.block_infos().last().map(|b| b.code),
        Some(code::PADDING)
    );
    let mut expected = audio;
    if delete_id3 && expected.len() >= 128 && expected[expected.len() - 128..].starts_with(b"TAG") {
        expected = &expected[..expected.len() - 128];
    }
    let new_audio = usize::try_from(again.audio_offset())
        .ok()
        .and_then(|at| file.get(at..))
        .expect("audio offset inside the file");
    assert_eq!(new_audio, expected, "the audio changed");
});
