//! MPEG audio, AAC and AC-3 stream info and the VBR headers from any bytes:
//! no panic, no hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtg_mpeg::{AacInfo, Ac3Info, LameHeader, MpegInfo, VbriHeader, XingHeader};

fuzz_target!(|data: &[u8]| {
    let _ = MpegInfo::from_bytes(data, None);
    let _ = MpegInfo::from_bytes(data, Some(0));
    let _ = AacInfo::from_bytes(data, 0);
    let _ = Ac3Info::from_bytes(data, 0);
    let _ = XingHeader::parse(data);
    let _ = VbriHeader::parse(data);
    let _ = LameHeader::parse(0, data);
});
