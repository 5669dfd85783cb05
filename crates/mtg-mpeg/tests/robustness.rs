//! Robustness: random and mutated inputs never panic, searches stay bounded
//! (a 100 MiB buffer of random bytes is rejected quickly, reading about
//! 1 MiB), and real files are read with few positional reads.

use std::borrow::Cow;
use std::cell::Cell;
use std::path::Path;
use std::time::{Duration, Instant};

use mtg_core::testing::Rng;
use mtg_core::{ByteSource, SliceSource};
use mtg_mpeg::{
    iter_sync, skip_id3_bytes, AacInfo, Ac3Info, LameHeader, LameVersion, MpegFrame, MpegInfo,
    VbriHeader, XingHeader,
};

/// A source that counts reads and bytes read.
struct Counting<'a> {
    inner: SliceSource<'a>,
    reads: Cell<usize>,
    bytes: Cell<usize>,
}

impl<'a> Counting<'a> {
    fn new(data: &'a [u8]) -> Self {
        Counting {
            inner: SliceSource::new(data),
            reads: Cell::new(0),
            bytes: Cell::new(0),
        }
    }
}

impl ByteSource for Counting<'_> {
    fn len(&self) -> u64 {
        self.inner.len()
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> mtg_core::Result<usize> {
        self.reads.set(self.reads.get() + 1);
        let n = self.inner.read_at(offset, buf)?;
        self.bytes.set(self.bytes.get() + n);
        Ok(n)
    }
    fn read_range(&self, offset: u64, len: usize) -> mtg_core::Result<Cow<'_, [u8]>> {
        self.reads.set(self.reads.get() + 1);
        let r = self.inner.read_range(offset, len)?;
        self.bytes.set(self.bytes.get() + r.len());
        Ok(r)
    }
}

/// Run every parser of the crate on `data`; none may panic.
fn exercise(data: &[u8], rng: &mut Rng) {
    let _ = MpegInfo::from_bytes(data, None);
    let _ = MpegInfo::from_bytes(data, Some(rng.below(data.len() + 2) as u64));
    let _ = AacInfo::from_bytes(data, 0);
    let _ = AacInfo::from_bytes(data, rng.below(data.len() + 2) as u64);
    let _ = Ac3Info::from_bytes(data, 0);
    let _ = Ac3Info::from_bytes(data, rng.below(data.len() + 2) as u64);
    let at = rng.below(data.len() + 1);
    let tail = &data[at..];
    let _ = MpegFrame::from_bytes(data, at as u64);
    let _ = XingHeader::parse(tail);
    let _ = VbriHeader::parse(tail);
    let _ = LameVersion::parse(tail);
    if let Ok(h) = LameHeader::parse(rng.next_u64() as i64, tail) {
        let _ = h.guess_settings(rng.next_u64() % 5, rng.next_u64() % 120);
    }
    let _ = skip_id3_bytes(data, at as u64);
    let _ = iter_sync(tail).count();
}

/// Inputs that reach deep into the parsers, to mutate.
fn seeds() -> Vec<Vec<u8>> {
    let mut seeds = Vec::new();
    let mut frame = vec![0u8; 417];
    frame[..4].copy_from_slice(&[0xFF, 0xFB, 0x90, 0x44]);
    seeds.push(frame.repeat(4));
    let mut xing = frame.clone();
    let tag: &[u8] = b"Xing\0\0\0\x0f\0\0\0\x64\0\0\xa2\xe4";
    xing[36..36 + tag.len()].copy_from_slice(tag);
    let lame: &[u8] =
        b"LAME3.99r\x04\xb9\x00\x00\x00\x00,<\x00\x005 $\x05#M\x00\x01\xe0\x00\x00\x08&J&\xa6\x02";
    xing[36 + tag.len() + 104..36 + tag.len() + 104 + lame.len()].copy_from_slice(lame);
    seeds.push(xing);
    let mut vbri = frame.clone();
    let v: &[u8] =
        b"VBRI\0\x01\0\0\0\x64\0\x62\xdb\x91\0\0\x21\x3a\0\x02\0\x01\0\x02\0\x01\x12\x34\x56\x78";
    vbri[36..36 + v.len()].copy_from_slice(v);
    seeds.push(vbri);
    let mut adts = vec![0xFF, 0xF1, 0x50, 0x80, 0x0C, 0x9F, 0xFC];
    adts.resize(100, 0);
    seeds.push(adts.repeat(5));
    let mut adif = b"ADIF\x00\x3e\x80\x00\x00\x00\x01\x98\x80\x00\x04\x00\x00".to_vec();
    adif.resize(300, 0);
    seeds.push(adif);
    let mut ac3 = b"\x0b\x77\x00\x00\x14\x40\x40\x00\x00".to_vec();
    ac3.resize(200, 0);
    seeds.push(ac3);
    let mut eac3 = b"\x0b\x77\x00\x64\x34\x80\x00".to_vec();
    eac3.resize(200, 0);
    seeds.push(eac3);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_files");
    for name in [
        "mp3_vbr_lame.mp3",
        "mp2_layer2.mp2",
        "adts.aac",
        "eac3.eac3",
    ] {
        if let Ok(d) = std::fs::read(root.join(name)) {
            seeds.push(d[..d.len().min(6000)].to_vec());
        }
    }
    seeds
}

/// Iterations for the random and mutation loops: `MTG_MPEG_STRESS` times
/// the default (for long runs by hand).
fn scale() -> usize {
    std::env::var("MTG_MPEG_STRESS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
}

#[test]
fn random_inputs_never_panic() {
    let mut rng = Rng(0x1234_5678_9ABC_DEF1 ^ scale() as u64);
    for _ in 0..3000 * scale() {
        let len = match rng.below(4) {
            0 => rng.below(16),
            1 => rng.below(200),
            _ => rng.below(5000),
        };
        let mut data = vec![0u8; len];
        rng.fill(&mut data);
        // Bias towards sync bytes and magic values.
        for _ in 0..rng.below(8) {
            if data.len() >= 4 {
                let at = rng.below(data.len() - 3);
                let magic: &[u8] = match rng.below(6) {
                    0 => b"\xff\xfb",
                    1 => b"\xff\xf1",
                    2 => b"\x0b\x77",
                    3 => b"ID3\x04",
                    4 => b"Xing",
                    _ => b"ADIF",
                };
                let n = magic.len().min(data.len() - at);
                data[at..at + n].copy_from_slice(&magic[..n]);
            }
        }
        exercise(&data, &mut rng);
    }
}

#[test]
fn mutated_inputs_never_panic() {
    let mut rng = Rng(0xDEAD_BEEF_0BAD_F00D ^ scale() as u64);
    for seed in seeds() {
        for _ in 0..400 * scale() {
            let mut data = seed.clone();
            for _ in 0..1 + rng.below(6) {
                match rng.below(4) {
                    0 if !data.is_empty() => {
                        let i = rng.below(data.len());
                        data[i] ^= 1 << rng.below(8);
                    }
                    1 if !data.is_empty() => {
                        let i = rng.below(data.len());
                        data[i] = rng.next_u64() as u8;
                    }
                    2 => data.truncate(rng.below(data.len() + 1)),
                    _ => {
                        let i = rng.below(data.len() + 1);
                        let n = rng.below(20);
                        let junk: Vec<u8> = (0..n).map(|_| rng.next_u64() as u8).collect();
                        data.splice(i..i, junk);
                    }
                }
            }
            exercise(&data, &mut rng);
        }
    }
}

#[test]
fn random_100_mib_rejected_fast() {
    let mut data = vec![0u8; 100 << 20];
    Rng(0x0123_4567_89AB_CDEF).fill(&mut data);
    let src = Counting::new(&data);

    let t = Instant::now();
    let r = MpegInfo::read(&src, None);
    let mpeg_time = t.elapsed();
    assert!(r.is_err(), "{r:?}");
    let t = Instant::now();
    let a = AacInfo::read(&src, 0);
    let aac_time = t.elapsed();
    assert!(a.is_err());
    let t = Instant::now();
    let c = Ac3Info::read(&src, 0);
    let ac3_time = t.elapsed();
    assert!(c.is_err());
    let t = Instant::now();
    assert!(MpegInfo::from_bytes(&data, None).is_err());
    let slice_time = t.elapsed();
    eprintln!(
        "100 MiB random: MPEG {mpeg_time:?} (in memory {slice_time:?}), AAC {aac_time:?}, \
         AC-3 {ac3_time:?}; {} reads, {} bytes read",
        src.reads.get(),
        src.bytes.get()
    );
    for d in [mpeg_time, aac_time, ac3_time, slice_time] {
        assert!(d < Duration::from_millis(500), "{d:?}");
    }
    // About the 1 MiB searched, in a handful of reads.
    assert!(src.bytes.get() < (3 << 20), "{}", src.bytes.get());
    assert!(src.reads.get() < 20, "{}", src.reads.get());

    // The same with a tag in front and junk pretending to be ID3.
    data[..10].copy_from_slice(b"ID3\x04\x00\x00\x00\x00\x10\x00");
    let t = Instant::now();
    assert!(MpegInfo::from_bytes(&data, None).is_err());
    assert!(t.elapsed() < Duration::from_millis(500));
}

#[test]
fn few_reads_on_real_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test_files");
    for (name, max_reads) in [
        ("mp3_vbr_lame.mp3", 2),
        ("mp3_notag_lsf.mp3", 1),
        ("mp2_layer2.mp2", 1),
        ("mp3_id3v24.mp3", 2),
    ] {
        let data = std::fs::read(root.join(name)).unwrap();
        let src = Counting::new(&data);
        // As mutagen's MP3 does: start after the ID3v2 tag.
        let offset = if data.starts_with(b"ID3") {
            let size = data[6..10]
                .iter()
                .fold(0u64, |a, &b| (a << 7) | u64::from(b & 0x7F));
            Some(size + 10)
        } else {
            None
        };
        let info = MpegInfo::read(&src, offset).unwrap();
        assert!(info.length > 0.0);
        assert!(
            src.reads.get() <= max_reads,
            "{name}: {} reads",
            src.reads.get()
        );
    }
    for name in ["adts.aac", "ac3.ac3", "eac3.eac3"] {
        let data = std::fs::read(root.join(name)).unwrap();
        let src = Counting::new(&data);
        if name.ends_with("aac") {
            AacInfo::read(&src, 0).unwrap();
        } else {
            Ac3Info::read(&src, 0).unwrap();
        }
        assert!(src.reads.get() <= 1, "{name}: {} reads", src.reads.get());
    }
}
