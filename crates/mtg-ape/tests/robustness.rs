//! Random and mutated inputs never panic, hang or allocate by declared
//! sizes; saving and deleting on disk round-trip.

use std::path::PathBuf;

use mtg_ape::{
    delete_path, delete_tag, locate, read_tag, render_tag, save_path, save_tag, ItemKind, NewItem,
    PREAMBLE,
};
use mtg_core::testing::Rng;
use mtg_core::{FileSource, SliceSource};

fn block(size: u32, count: u32, flags: u32) -> Vec<u8> {
    let mut out = PREAMBLE.to_vec();
    for v in [2000, size, count, flags] {
        out.extend_from_slice(&u32::to_le_bytes(v));
    }
    out.extend_from_slice(&[0; 8]);
    out
}

fn exercise(data: &[u8]) {
    let src = SliceSource::new(data);
    if let Ok(tag) = read_tag(&src) {
        let parsed = tag.items();
        for item in &parsed.items {
            let _ = item.text();
            if let Some(values) = item.text_values() {
                let _ = values.count();
            }
        }
    }
    let located = locate(&src);
    let new = render_tag(&[NewItem {
        key: "Title",
        flags: ItemKind::Text.flags(),
        value: b"x",
    }])
    .unwrap();
    if let Ok(located) = located {
        let mut file = data.to_vec();
        let _ = save_tag(&mut file, located.as_ref(), &new);
        if let Some(l) = &located {
            let mut file = data.to_vec();
            let _ = delete_tag(&mut file, l);
        }
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for name in ["mp3_apev2.mp3", "wavpack.wv", "musepack.mpc"] {
        let data = std::fs::read(root.join("../../test_files").join(name)).unwrap();
        // The tail holds the tag; keep the test fast.
        out.push(data[data.len().saturating_sub(4000)..].to_vec());
    }
    let mut tag = block(60, 2, 0xA000_0000);
    tag.extend_from_slice(b"\x01\0\0\0\0\0\0\0Ab\0x\x03\0\0\0\x02\0\0\0Key\0\xff\xfe\xfd");
    tag.extend(block(60, 2, 0x8000_0000));
    out.push(tag.clone());
    let mut with_id3 = tag.clone();
    with_id3.extend_from_slice(b"TAG");
    with_id3.resize(with_id3.len() + 125, 0);
    out.push(with_id3);
    out
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for _ in 0..3000 {
        let len = rng.below(400);
        let mut data: Vec<u8> = (0..len).map(|_| rng.byte()).collect();
        // Often plant a block so the parser gets past the search.
        if len >= 32 && rng.below(2) == 0 {
            let at = match rng.below(3) {
                0 => len - 32,
                1 => 0,
                _ => rng.below(len - 31),
            };
            let size = match rng.below(4) {
                0 => rng.next_u64() as u32,
                1 => rng.below(64) as u32,
                _ => (at as u32).saturating_add(32).min(len as u32),
            };
            let b = block(size, rng.next_u64() as u32, rng.next_u64() as u32);
            data[at..at + 32].copy_from_slice(&b);
        }
        exercise(&data);
    }
}

#[test]
fn mutated_tags_never_panic() {
    let mut rng = Rng(42);
    let seeds = seeds();
    for round in 0..4000 {
        let mut data = seeds[round % seeds.len()].clone();
        match rng.below(4) {
            0 => {
                for _ in 0..1 + rng.below(6) {
                    let i = rng.below(data.len());
                    data[i] = rng.byte();
                }
            }
            1 => data.truncate(rng.below(data.len() + 1)),
            2 => {
                let cut = rng.below(data.len() + 1);
                data.drain(..cut);
            }
            _ => {
                // Overwrite a size, count or flags field with extremes.
                let i = rng.below(data.len().saturating_sub(4));
                let v: u32 = [0, 1, 31, 32, 33, u32::MAX, rng.next_u64() as u32][rng.below(7)];
                data[i..i + 4].copy_from_slice(&v.to_le_bytes());
            }
        }
        exercise(&data);
    }
}

#[test]
fn declared_sizes_do_not_allocate() {
    // A footer claiming 4 GiB of items in a 32-byte file, and an item
    // claiming a 4 GiB value: errors, no huge buffers.
    let data = block(u32::MAX, u32::MAX, 0);
    assert!(read_tag(&SliceSource::new(&data)).is_err());
    let mut tag = block(u32::MAX, 1, 0xA000_0000);
    tag.extend_from_slice(&u32::MAX.to_le_bytes());
    tag.extend_from_slice(&[0, 0, 0, 0]);
    tag.extend_from_slice(b"Key\0abc");
    let src = SliceSource::new(&tag);
    let read = read_tag(&src).unwrap();
    assert!(read.items().error.is_some());
}

#[test]
fn save_and_delete_on_disk() {
    let dir = std::env::temp_dir().join(format!("mtg-ape-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("song.bin");
    let audio = vec![0x11u8; 5000];
    std::fs::write(&path, &audio).unwrap();

    let tag = render_tag(&[
        NewItem {
            key: "Artist",
            flags: 0,
            value: "Ünïcødé".as_bytes(),
        },
        NewItem {
            key: "Cover Art (Front)",
            flags: ItemKind::Binary.flags(),
            value: &[0u8; 3000],
        },
    ])
    .unwrap();
    save_path(&path, &tag).unwrap();
    let on_disk = std::fs::read(&path).unwrap();
    assert_eq!(on_disk, [audio.clone(), tag.clone()].concat());

    let src = FileSource::open(&path).unwrap();
    let read = read_tag(&src).unwrap();
    let parsed = read.items();
    assert_eq!(parsed.items.len(), 2);
    assert_eq!(parsed.items[0].key, "Artist");
    assert_eq!(parsed.items[1].value.len(), 3000);
    drop(src);

    // Saving again replaces; deleting restores the audio alone.
    save_path(&path, &tag).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), [audio.clone(), tag].concat());
    assert!(delete_path(&path).unwrap());
    assert_eq!(std::fs::read(&path).unwrap(), audio);
    assert!(!delete_path(&path).unwrap());

    // save_path creates a missing file; delete_path does not.
    let fresh = dir.join("new.bin");
    save_path(&fresh, &render_tag(&[]).unwrap()).unwrap();
    assert_eq!(std::fs::read(&fresh).unwrap().len(), 64);
    assert!(delete_path(dir.join("missing.bin")).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}
