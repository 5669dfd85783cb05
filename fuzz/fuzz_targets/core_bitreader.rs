//! Bit reader: any sequence of reads over any input either succeeds within
//! bounds or fails cleanly; the position never passes the end.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtg_core::BitReader;

fuzz_target!(|input: &[u8]| {
    // The first half drives the operations, the second is read.
    let (ops, data) = input.split_at(input.len() / 2);
    let mut reader = BitReader::new(data);
    for op in ops.chunks(2) {
        let kind = op[0] % 5;
        let arg = op.get(1).copied().unwrap_or(0);
        let before = reader.position();
        let ok = match kind {
            0 => reader.bits(u32::from(arg % 65)).is_ok(),
            1 => reader.bit().is_ok(),
            2 => reader.bytes(usize::from(arg)).is_ok(),
            3 => reader.skip(u64::from(arg)).is_ok(),
            _ => {
                reader.align();
                true
            }
        };
        assert!(reader.position() <= reader.len_bits());
        if !ok {
            assert_eq!(reader.position(), before, "a failed read must not move");
        }
    }
});
