//! Saving the APEv2 items read from any bytes back into them (a `Vec` as
//! the file). Never panics; the saved tag is at the end of the file and
//! reads back with the same items (unless it has none: an empty tag reads
//! as no tag, as in mutagen), and the bytes before the old tag's place are
//! unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtg_ape::{is_valid_key, read_tag, render_tag, save_to, ItemKind, NewItem};
use mtg_core::SliceSource;

/// Items as comparable values: key, kind, value; sorted.
fn sorted(mut items: Vec<(String, ItemKind, Vec<u8>)>) -> Vec<(String, ItemKind, Vec<u8>)> {
    items.sort_by(|a, b| (&a.0, a.1 as u32, &a.2).cmp(&(&b.0, b.1 as u32, &b.2)));
    items
}

fuzz_target!(|data: &[u8]| {
    let src = SliceSource::new(data);
    let Ok(tag) = read_tag(&src) else {
        return;
    };
    let located = tag.located().clone();
    let parsed = mtg_ape::parse_items(tag.data(), located.fields.count);
    let items: Vec<_> = parsed
        .items
        .iter()
        .filter(|i| is_valid_key(i.key))
        .collect();
    let new: Vec<NewItem<'_>> = items
        .iter()
        .map(|i| NewItem {
            key: i.key,
            flags: i.kind.flags(),
            value: i.value,
        })
        .collect();
    let Ok(rendered) = render_tag(&new) else {
        return;
    };
    let mut file = data.to_vec();
    if save_to(&src, &mut file, &rendered).is_err() {
        return;
    }
    // The part before where the tag was (or the whole file, for a tag at
    // the start, which moves to the end) is unchanged.
    let kept = if located.at_start {
        0
    } else {
        usize::try_from(located.start)
            .unwrap_or(usize::MAX)
            .min(data.len())
    };
    assert_eq!(
        file.get(..kept),
        data.get(..kept),
        "bytes before the tag changed"
    );
    assert!(file.ends_with(&rendered), "the tag is not at the end");

    // A tag without items reads as no tag, as in mutagen. An ID3v1
    // look-alike ("TAG" 128 bytes from the end) inside the new tag makes
    // readers look for the tag before it, as mutagen does.
    if items.is_empty() || file.len() >= 128 && file[file.len() - 128..].starts_with(b"TAG") {
        return;
    }
    let written = sorted(
        items
            .iter()
            .map(|i| (i.key.to_owned(), i.kind, i.value.to_vec()))
            .collect(),
    );
    let again_src = SliceSource::new(&file);
    let again = read_tag(&again_src).expect("the saved tag does not read back");
    let reparsed = mtg_ape::parse_items(again.data(), again.located().fields.count);
    assert!(reparsed.error.is_none(), "{:?}", reparsed.error);
    let read = sorted(
        reparsed
            .items
            .iter()
            .map(|i| (i.key.to_owned(), i.kind, i.value.to_vec()))
            .collect(),
    );
    assert_eq!(read, written, "the items changed");
});
