//! Sets and maps of frame IDs built at compile time: an open-addressing hash
//! table over the IDs read as big-endian numbers. A lookup is a multiply, a
//! shift and (nearly always) one comparison, with no branch that depends on
//! which ID it is (a `match` on the text or a binary search mispredicts on a
//! real tag's mix of IDs).

/// Slots of every table: a power of two, at most a third full for the
/// largest table (the 90-odd ID3v2.3/2.4 frames).
const SLOTS: usize = 512;
const SHIFT: u32 = 32 - SLOTS.trailing_zeros();

/// A set of frame IDs, all of the same length (3 or 4 bytes), each with its
/// index in the list the table was built from.
pub(crate) struct IdTable {
    /// The IDs as numbers (0: an empty slot; no ID is all zero bytes).
    keys: [u32; SLOTS],
    /// The index of each slot's ID in the building list.
    indices: [u16; SLOTS],
    /// The length of every ID of the table.
    id_len: usize,
}

/// A 3- or 4-byte ID as a number (a 3-byte ID ends with a zero byte);
/// None for any other length.
const fn number(id: &[u8]) -> Option<u32> {
    match *id {
        [a, b, c, d] => Some(u32::from_be_bytes([a, b, c, d])),
        [a, b, c] => Some(u32::from_be_bytes([a, b, c, 0])),
        _ => None,
    }
}

/// The first slot to probe for `key`.
const fn slot_of(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> SHIFT) as usize
}

impl IdTable {
    /// The table of `ids`, in that order. A compile-time error when the IDs
    /// differ in length, are empty or too many.
    pub(crate) const fn build(ids: &[&str]) -> IdTable {
        assert!(!ids.is_empty() && ids.len() * 3 <= SLOTS);
        let id_len = ids[0].len();
        assert!(id_len == 3 || id_len == 4);
        let mut keys = [0u32; SLOTS];
        let mut indices = [0u16; SLOTS];
        let mut i = 0;
        while i < ids.len() {
            let id = ids[i].as_bytes();
            assert!(id.len() == id_len);
            let key = match number(id) {
                Some(key) => key,
                None => panic!("an ID of 3 or 4 bytes"),
            };
            assert!(key != 0);
            let mut slot = slot_of(key);
            while keys[slot] != 0 {
                assert!(keys[slot] != key, "an ID is listed twice");
                slot = (slot + 1) % SLOTS;
            }
            keys[slot] = key;
            indices[slot] = i as u16;
            i += 1;
        }
        IdTable {
            keys,
            indices,
            id_len,
        }
    }

    /// The index (in the building list) of `id`, if the table has it.
    #[inline]
    pub(crate) fn find(&self, id: &[u8]) -> Option<usize> {
        if id.len() != self.id_len {
            return None;
        }
        let key = number(id)?;
        if key == 0 {
            // the mark of an empty slot, and never an ID of a table
            return None;
        }
        // a table is at most a third full: a probe meets an empty slot
        // within the table's size
        for slot in slot_of(key)..slot_of(key) + SLOTS {
            let found = self.keys[slot % SLOTS];
            if found == key {
                return Some(usize::from(self.indices[slot % SLOTS]));
            }
            if found == 0 {
                return None;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: &[&str] = &["TIT2", "TPE1", "APIC", "TXXX", "WXXX", "COMM", "1ABC"];
    static TABLE: IdTable = IdTable::build(IDS);

    #[test]
    fn finds_each_id_and_nothing_else() {
        for (i, id) in IDS.iter().enumerate() {
            assert_eq!(TABLE.find(id.as_bytes()), Some(i), "{id}");
        }
        for id in [
            "TIT", "TIT22", "TIT3", "", "tit2", "TIT\0", "\0\0\0\0", "APID", "ZZZZ",
        ] {
            assert_eq!(TABLE.find(id.as_bytes()), None, "{id:?}");
        }
    }

    #[test]
    fn three_byte_ids_never_match_four_byte_ones() {
        static V22: IdTable = IdTable::build(&["TT2", "PIC"]);
        assert_eq!(V22.find(b"TT2"), Some(0));
        assert_eq!(V22.find(b"PIC"), Some(1));
        assert_eq!(V22.find(b"TT2\0"), None);
        assert_eq!(V22.find(b"TT"), None);
    }
}
