//! Syncsafe integers: big-endian integers that use only the low 7 bits of
//! each byte, so that they never contain an MPEG sync pattern (a byte of
//! `0xFF`). ID3v2 stores its sizes in 4-byte (28-bit) syncsafe integers and
//! some values (the extended header CRC) in 5-byte (35-bit) ones.
//!
//! Decoding ignores the top bit of each byte, as lenient readers (mutagen
//! among them) do; use [`is_syncsafe`] or the `*_strict` variants to insist
//! on valid input.

use crate::error::{Error, Result};

/// Largest value a 4-byte syncsafe integer holds (`2^28 - 1`).
pub const MAX_U28: u32 = (1 << 28) - 1;

/// Largest value a 5-byte syncsafe integer holds (`2^35 - 1`).
pub const MAX_U35: u64 = (1 << 35) - 1;

/// `true` if every byte has its top bit clear, i.e. `bytes` is a valid
/// syncsafe integer of any width.
pub fn is_syncsafe(bytes: &[u8]) -> bool {
    bytes.iter().all(|&b| b & 0x80 == 0)
}

/// Decode up to 9 syncsafe bytes (big-endian, 7 bits each), ignoring the top
/// bit of each byte. `None` if `bytes` is longer than 9 bytes (63 bits).
pub fn decode(bytes: &[u8]) -> Option<u64> {
    if bytes.len() > 9 {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0u64, |acc, &b| (acc << 7) | u64::from(b & 0x7F)),
    )
}

/// Decode a 4-byte syncsafe integer, ignoring the top bit of each byte.
pub fn decode_u28(bytes: [u8; 4]) -> u32 {
    bytes
        .iter()
        .fold(0u32, |acc, &b| (acc << 7) | u32::from(b & 0x7F))
}

/// Decode a 4-byte syncsafe integer; [`Error::InvalidData`] if any byte has
/// its top bit set.
pub fn decode_u28_strict(bytes: [u8; 4]) -> Result<u32> {
    if is_syncsafe(&bytes) {
        Ok(decode_u28(bytes))
    } else {
        Err(Error::invalid_data("invalid syncsafe integer"))
    }
}

/// Encode `value` as a 4-byte syncsafe integer; [`Error::InvalidArgument`] if
/// it exceeds [`MAX_U28`].
pub fn encode_u28(value: u32) -> Result<[u8; 4]> {
    if value > MAX_U28 {
        return Err(Error::invalid_argument(format!(
            "{value} does not fit in a 28-bit syncsafe integer"
        )));
    }
    Ok([
        (value >> 21) as u8 & 0x7F,
        (value >> 14) as u8 & 0x7F,
        (value >> 7) as u8 & 0x7F,
        value as u8 & 0x7F,
    ])
}

/// Decode a 5-byte syncsafe integer, ignoring the top bit of each byte.
pub fn decode_u35(bytes: [u8; 5]) -> u64 {
    bytes
        .iter()
        .fold(0u64, |acc, &b| (acc << 7) | u64::from(b & 0x7F))
}

/// Decode a 5-byte syncsafe integer; [`Error::InvalidData`] if any byte has
/// its top bit set.
pub fn decode_u35_strict(bytes: [u8; 5]) -> Result<u64> {
    if is_syncsafe(&bytes) {
        Ok(decode_u35(bytes))
    } else {
        Err(Error::invalid_data("invalid syncsafe integer"))
    }
}

/// Encode `value` as a 5-byte syncsafe integer; [`Error::InvalidArgument`] if
/// it exceeds [`MAX_U35`].
pub fn encode_u35(value: u64) -> Result<[u8; 5]> {
    if value > MAX_U35 {
        return Err(Error::invalid_argument(format!(
            "{value} does not fit in a 35-bit syncsafe integer"
        )));
    }
    Ok([
        (value >> 28) as u8 & 0x7F,
        (value >> 21) as u8 & 0x7F,
        (value >> 14) as u8 & 0x7F,
        (value >> 7) as u8 & 0x7F,
        value as u8 & 0x7F,
    ])
}

/// Decode the 4-byte syncsafe integer at the start of `data`;
/// [`Error::Truncated`] if fewer than 4 bytes are present.
pub fn read_u28(data: &[u8]) -> Result<u32> {
    match data.first_chunk::<4>() {
        Some(bytes) => Ok(decode_u28(*bytes)),
        None => Err(Error::truncated("syncsafe integer")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn u28_known_values() {
        assert_eq!(decode_u28([0, 0, 0, 0]), 0);
        assert_eq!(decode_u28([0, 0, 1, 0x7F]), 255);
        assert_eq!(decode_u28([0, 0, 2, 0]), 256);
        assert_eq!(decode_u28([0x7F, 0x7F, 0x7F, 0x7F]), MAX_U28);
        // Top bits are ignored by the lenient decoder, rejected by the strict one.
        assert_eq!(decode_u28([0x80, 0, 0x81, 0xFF]), 0xFF);
        assert!(decode_u28_strict([0x80, 0, 0, 0]).is_err());
        assert_eq!(decode_u28_strict([0, 0, 0x0F, 0x76]).unwrap(), 2038);

        assert_eq!(encode_u28(255).unwrap(), [0, 0, 1, 0x7F]);
        assert_eq!(encode_u28(MAX_U28).unwrap(), [0x7F; 4]);
        assert!(encode_u28(MAX_U28 + 1).is_err());
        assert!(encode_u28(u32::MAX).is_err());
    }

    #[test]
    fn u35_known_values() {
        assert_eq!(decode_u35([0x0F, 0x7F, 0x7F, 0x7F, 0x7F]), 0xFFFF_FFFF);
        assert_eq!(
            encode_u35(0xFFFF_FFFF).unwrap(),
            [0x0F, 0x7F, 0x7F, 0x7F, 0x7F]
        );
        assert_eq!(encode_u35(MAX_U35).unwrap(), [0x7F; 5]);
        assert!(encode_u35(MAX_U35 + 1).is_err());
        assert!(decode_u35_strict([0, 0, 0, 0, 0x80]).is_err());
        assert_eq!(decode_u35_strict([0, 0, 0, 1, 0]).unwrap(), 128);
    }

    #[test]
    fn round_trips_and_generic_decode() {
        for v in [
            0u32, 1, 127, 128, 16383, 16384, 2_097_151, 2_097_152, MAX_U28,
        ] {
            let e = encode_u28(v).unwrap();
            assert!(is_syncsafe(&e));
            assert_eq!(decode_u28(e), v);
            assert_eq!(decode(&e), Some(u64::from(v)));
            assert_eq!(read_u28(&e).unwrap(), v);
        }
        for v in [0u64, 1 << 28, (1 << 32) + 5, MAX_U35] {
            assert_eq!(decode_u35(encode_u35(v).unwrap()), v);
        }
        assert_eq!(decode(&[]), Some(0));
        assert_eq!(decode(&[0x7F; 9]), Some((1 << 63) - 1));
        assert_eq!(decode(&[0; 10]), None);
        assert!(read_u28(&[1, 2, 3]).is_err());
        assert!(is_syncsafe(&[]));
        assert!(!is_syncsafe(&[0, 0xFF]));
    }
}
