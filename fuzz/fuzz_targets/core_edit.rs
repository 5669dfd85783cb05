//! In-place editing: insert/delete/resize/move on a Vec-backed target agree
//! with a plain model of the same edits, and bad arguments are errors.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtg_core::edit;

fn arg(op: &[u8], i: usize) -> u64 {
    u64::from(op.get(i).copied().unwrap_or(0))
}

fuzz_target!(|input: &[u8]| {
    let (ops, init) = input.split_at(input.len().min(64));
    let mut target: Vec<u8> = init.to_vec();
    let mut model: Vec<u8> = init.to_vec();
    for op in ops.chunks(4) {
        let (a, b, c) = (arg(op, 1), arg(op, 2), arg(op, 3));
        let len = model.len() as u64;
        match op[0] % 4 {
            0 => {
                let ok = edit::insert_bytes(&mut target, a, b).is_ok();
                if b <= len {
                    assert!(ok);
                    let at = b as usize;
                    model.splice(at..at, std::iter::repeat_n(0u8, a as usize));
                    // Inserted bytes are unspecified: align the model to them.
                    model[at..at + a as usize].copy_from_slice(&target[at..at + a as usize]);
                } else {
                    assert!(!ok);
                }
            }
            1 => {
                let ok = edit::delete_bytes(&mut target, a, b).is_ok();
                if b + a <= len {
                    assert!(ok);
                    model.drain(b as usize..(b + a) as usize);
                } else {
                    assert!(!ok);
                }
            }
            2 => {
                let ok = edit::resize_bytes(&mut target, a, b, c).is_ok();
                if c + a <= len {
                    assert!(ok);
                    let at = c as usize;
                    let (old_end, new_end) = (at + a as usize, at + b as usize);
                    if new_end >= old_end {
                        // Bytes added at the region's end are unspecified:
                        // take exactly those from the target; the kept
                        // prefix must already agree.
                        model.splice(
                            old_end..old_end,
                            std::iter::repeat_n(0u8, new_end - old_end),
                        );
                        model[old_end..new_end].copy_from_slice(&target[old_end..new_end]);
                    } else {
                        model.drain(new_end..old_end);
                    }
                } else {
                    assert!(!ok);
                }
            }
            _ => {
                let ok = edit::move_bytes(&mut target, a, b, c).is_ok();
                if a + c <= len && b + c <= len {
                    assert!(ok);
                    let chunk = model[b as usize..(b + c) as usize].to_vec();
                    model[a as usize..(a + c) as usize].copy_from_slice(&chunk);
                } else {
                    assert!(!ok);
                }
            }
        }
        assert_eq!(target, model);
    }
});
