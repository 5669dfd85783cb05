//! The crate against mutagen's recorded behaviour (tests/data/cases.txt,
//! made by tests/gen/gen_fixtures.py): for every input, the items read or
//! the error, and the exact bytes of the file after saving a new tag and
//! after deleting the tag.

use std::path::PathBuf;

use mtg_ape::{
    delete_tag, locate, read_tag, render_tag, save_tag, ApeError, BadItem, ItemError, ItemKind,
    NewItem,
};
use mtg_core::SliceSource;

fn unhex(s: &str) -> Vec<u8> {
    assert!(s.len() % 2 == 0, "odd hex length");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

fn hex(data: &[u8]) -> String {
    data.iter().map(|b| format!("{b:02x}")).collect()
}

/// mutagen's exception class and message for an error of ours.
fn python_error(err: &ApeError) -> (&'static str, String) {
    match err {
        ApeError::NoHeader => ("APENoHeaderError", "No APE tag found".into()),
        ApeError::Truncated => ("error", String::new()),
        ApeError::NegativeSeek(_) => ("error", "[Errno 22] Invalid argument".into()),
        ApeError::NegativeRead { .. } => (
            "ValueError",
            "read length must be non-negative or -1".into(),
        ),
        ApeError::RegionPastEnd => ("ValueError", String::new()),
        ApeError::BadItem(bad) => ("APEBadItemError", bad_item_message(bad)),
        other => panic!("unexpected error {other:?}"),
    }
}

fn bad_item_message(bad: &BadItem) -> String {
    match bad {
        BadItem::UnterminatedKey | BadItem::ValueTruncated => String::new(),
        other => other.to_string(),
    }
}

fn item_error(err: &ItemError) -> (&'static str, String) {
    match err {
        ItemError::Truncated => ("error", String::new()),
        ItemError::Bad(bad) => ("APEBadItemError", bad_item_message(bad)),
    }
}

/// Items as the fixture writes them: KEYHEX:KIND:VALUEHEX, comma-separated,
/// after case-insensitive de-duplication (last value wins, in the position
/// of the first, with the case of the last), as a Python dict keeps them.
fn items_field(items: &[mtg_ape::Item<'_>]) -> String {
    let mut merged: Vec<(String, u32, Vec<u8>)> = Vec::new();
    for item in items {
        let entry = (item.key.to_owned(), item.kind as u32, item.value.to_vec());
        match merged
            .iter_mut()
            .find(|(k, _, _)| k.eq_ignore_ascii_case(item.key))
        {
            Some(slot) => *slot = entry,
            None => merged.push(entry),
        }
    }
    merged
        .iter()
        .map(|(k, kind, v)| format!("{}:{kind}:{}", hex(k.as_bytes()), hex(v)))
        .collect::<Vec<_>>()
        .join(",")
}

fn save_items() -> Vec<u8> {
    render_tag(&[
        NewItem {
            key: "Zz",
            flags: ItemKind::Text.flags(),
            value: b"1",
        },
        NewItem {
            key: "Ab",
            flags: ItemKind::Binary.flags(),
            value: b"\x00\x01",
        },
        NewItem {
            key: "Ext",
            flags: ItemKind::External.flags(),
            value: b"u",
        },
    ])
    .unwrap()
}

/// A copy of a locate error (errors are not `Clone`: they may hold I/O
/// errors, which these in-memory tests never produce).
fn clone_error(err: &ApeError) -> ApeError {
    match err {
        ApeError::NoHeader => ApeError::NoHeader,
        ApeError::Truncated => ApeError::Truncated,
        ApeError::NegativeSeek(n) => ApeError::NegativeSeek(*n),
        ApeError::NegativeRead { len, offset } => ApeError::NegativeRead {
            len: *len,
            offset: *offset,
        },
        ApeError::RegionPastEnd => ApeError::RegionPastEnd,
        other => panic!("unexpected error {other:?}"),
    }
}

/// The file after an edit, as the fixture's OK fields describe it.
fn expected_output(input: &[u8], fields: &[&str]) -> Vec<u8> {
    let prefix: usize = fields[0].parse().unwrap();
    let suffix: usize = fields[1].parse().unwrap();
    let mut out = input[..prefix].to_vec();
    out.extend(unhex(fields.get(2).copied().unwrap_or("")));
    out.extend_from_slice(&input[input.len() - suffix..]);
    out
}

fn check_edit(
    name: &str,
    what: &str,
    input: &[u8],
    fields: &[&str],
    edit: impl Fn(&mut Vec<u8>) -> Result<(), ApeError>,
) {
    let mut file = input.to_vec();
    let result = edit(&mut file);
    match (fields[0], result) {
        ("OK", Ok(())) => assert!(
            file == expected_output(input, &fields[1..]),
            "{name}: {what} wrote different bytes"
        ),
        ("ERR", Err(e)) => {
            let (class, message) = python_error(&e);
            assert_eq!(class, fields[1], "{name}: {what} error class ({e:?})");
            assert_eq!(hex(message.as_bytes()), fields[2], "{name}: {what} message");
            assert_eq!(file, input, "{name}: a failed {what} changed the file");
        }
        (want, got) => panic!("{name}: {what}: mutagen gave {want}, we gave {got:?}"),
    }
}

#[test]
fn mutagen_cases() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/data/cases.txt")).unwrap();
    let tag = save_items();
    let mut input = Vec::new();
    let mut name = String::new();
    let mut cases = 0;
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields[0] {
            "case" => {
                name = fields[1].to_owned();
                let spec = fields[2];
                input = if let Some(h) = spec.strip_prefix("hex:") {
                    unhex(h)
                } else {
                    let path = spec.strip_prefix("file:").unwrap();
                    std::fs::read(root.join("../..").join(path)).unwrap()
                };
                cases += 1;
            }
            "load" => {
                let src = SliceSource::new(&input);
                match (fields[1], read_tag(&src)) {
                    ("OK", Ok(data)) => {
                        let parsed = data.items();
                        assert_eq!(parsed.error, None, "{name}");
                        assert_eq!(items_field(&parsed.items), fields[2], "{name}: items");
                    }
                    ("ERR", Ok(data)) => {
                        let parsed = data.items();
                        let err = parsed.error.as_ref().unwrap_or_else(|| {
                            panic!("{name}: mutagen failed, we parsed {:?}", parsed.items)
                        });
                        let (class, message) = item_error(err);
                        assert_eq!(class, fields[2], "{name}: error class ({err:?})");
                        assert_eq!(hex(message.as_bytes()), fields[3], "{name}: message");
                        assert_eq!(items_field(&parsed.items), fields[4], "{name}: partial");
                    }
                    ("ERR", Err(e)) => {
                        let (class, message) = python_error(&e);
                        assert_eq!(class, fields[2], "{name}: error class ({e:?})");
                        assert_eq!(hex(message.as_bytes()), fields[3], "{name}: message");
                        // Nothing was loaded: the object keeps what it had.
                        assert_eq!(fields[4], "507265:0:78", "{name}: partial");
                    }
                    (want, got) => panic!("{name}: load: mutagen {want}, we {got:?}"),
                }
            }
            "save" => {
                let located = locate(&SliceSource::new(&input));
                check_edit(&name, "save", &input, &fields[1..], |file| {
                    let located = located.as_ref().map_err(clone_error)?;
                    save_tag(file, located.as_ref(), &tag)
                })
            }
            "delete" => {
                let located = locate(&SliceSource::new(&input));
                check_edit(&name, "delete", &input, &fields[1..], |file| match located
                    .as_ref()
                    .map_err(clone_error)?
                {
                    Some(l) => delete_tag(file, l),
                    None => Ok(()),
                })
            }
            other => panic!("unknown line kind {other}"),
        }
    }
    assert!(cases > 150, "only {cases} cases");
}
