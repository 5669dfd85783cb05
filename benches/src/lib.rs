//! Benchmark support: the files measured and our side of the work.
//!
//! The harness compares each mutagen-rs format crate with lofty on equal
//! work (see `benches/README.md`): the same files, read from the same
//! in-memory buffer or from a path opened on every read, producing every tag
//! item as a usable value (text decoded, binary as bytes; borrowing allowed)
//! and the audio properties. This library holds:
//!
//! * the file sets ([`file_sets`]): the project's `test_files/` and the
//!   realistic corpus in `.cache/corpus/` (`bash tools/make_corpus.sh`);
//! * our readers ([`ours_flac`], [`ours_mp3`], [`ours_ape`]), each returning a [`Digest`]
//!   of what it produced, so that the two libraries' work can be compared
//!   before it is timed ([`compare`]);
//! * timing helpers for the summary ([`median`], [`Table`]).
//!
//! Lofty's side lives in `src/lofty_side.rs`, compiled only into the bench
//! targets, since lofty is a dev-dependency.

use std::error::Error;
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use mtg_ape::{read_tag, ItemKind};
use mtg_core::ByteSource;
use mtg_flac::{Block, FlacFile};
use mtg_id3::{decode_frame, frame_def, read_id3, FieldValue, Id3Error};
use mtg_mpeg::MpegInfo;

/// Any error of either library.
pub type BoxError = Box<dyn Error + Send + Sync>;

/// The format a file set is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// FLAC: STREAMINFO, Vorbis comments, PICTURE blocks.
    Flac,
    /// MP3: ID3v2 and ID3v1 tags (mtg-id3) and the MPEG audio stream
    /// information (mtg-mpeg), as mutagen's `MP3` loads them.
    Mp3,
    /// The APEv2 tag at the end of a file (mtg-ape), whatever the
    /// container (MP3, WavPack, Musepack): tag only, no audio properties.
    Ape,
}

impl Format {
    /// Name in tables and benchmark ids.
    pub fn name(self) -> &'static str {
        match self {
            Format::Flac => "FLAC",
            Format::Mp3 => "MP3",
            Format::Ape => "APEv2",
        }
    }

    /// Short name for benchmark ids.
    pub fn id(self) -> &'static str {
        match self {
            Format::Flac => "flac",
            Format::Mp3 => "mp3",
            Format::Ape => "ape",
        }
    }
}

/// Where a read takes its bytes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// The file's bytes, read once before timing; both libraries get the
    /// same slice.
    Memory,
    /// The path: every read opens the file.
    Path,
}

impl Source {
    /// Both sources, in table order.
    pub const ALL: [Source; 2] = [Source::Memory, Source::Path];

    /// Name in tables and benchmark ids.
    pub fn name(self) -> &'static str {
        match self {
            Source::Memory => "memory",
            Source::Path => "path",
        }
    }
}

/// Whether our FLAC reader loads the picture bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pictures {
    /// Load every picture's image bytes (lofty always does): equal work.
    Load,
    /// Parse the picture fields but leave the image in the file (what
    /// mtg-flac does until the bytes are asked for).
    Lazy,
}

/// Files of one format read as one benchmark unit.
#[derive(Debug, Clone)]
pub struct FileSet {
    /// How the files are read.
    pub format: Format,
    /// Where they come from: `test_files` or `corpus/<group>`.
    pub label: String,
    /// The files, sorted.
    pub paths: Vec<PathBuf>,
    /// Each file's bytes, read once (for [`Source::Memory`]).
    pub data: Vec<Vec<u8>>,
    /// Each file's [`FloorReads`], for [`syscall_floor`].
    pub floor_reads: Vec<FloorReads>,
}

impl FileSet {
    fn load(format: Format, label: &str, paths: Vec<PathBuf>) -> std::io::Result<FileSet> {
        let data: Vec<Vec<u8>> = paths
            .iter()
            .map(std::fs::read)
            .collect::<std::io::Result<_>>()?;
        let floor_reads = data.iter().map(|d| FloorReads::of(format, d)).collect();
        Ok(FileSet {
            format,
            label: label.to_owned(),
            paths,
            data,
            floor_reads,
        })
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether the set has no file.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

/// What [`syscall_floor`] reads beyond the metadata itself: 4 KiB, the
/// start of the audio (MPEG frame headers) or the end of the file.
pub const FLOOR_EXTRA: u64 = 4096;

/// The byte ranges of a file that any reader of its metadata has to read
/// (found once, when the set is loaded, with our parsers from memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloorReads {
    /// Bytes from the start: the metadata there (FLAC blocks, ID3v2 tag)
    /// and [`FLOOR_EXTRA`] more.
    pub head: u64,
    /// Bytes at the end: the ID3v1 tag of an MP3, the APEv2 tag (with
    /// [`FLOOR_EXTRA`] for both).
    pub tail: u64,
}

impl FloorReads {
    fn of(format: Format, data: &[u8]) -> FloorReads {
        let len = data.len() as u64;
        let head = match format {
            Format::Flac => FlacFile::from_bytes(data).map_or(0, |f| f.audio_offset()),
            Format::Mp3 => read_id3(&mtg_core::SliceSource::new(data), false)
                .ok()
                .and_then(|found| found.v2)
                .map_or(0, |tag| 10 + u64::from(tag.header().size)),
            Format::Ape => 0,
        };
        let tail = match format {
            Format::Flac => 0,
            Format::Mp3 => 128,
            Format::Ape => FLOOR_EXTRA,
        };
        FloorReads {
            head: (head + FLOOR_EXTRA).min(len),
            tail: tail.min(len),
        }
    }
}

/// The least a reader of a file's metadata does through the system: open
/// it, ask its size, read the [`FloorReads`] ranges (one `pread` each),
/// close it. It parses nothing. The path rows compare against it: a
/// reader that did nothing else would be this fast. Returns the bytes
/// read.
pub fn syscall_floor(path: &Path, reads: FloorReads, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    let mut total = 0;
    for (offset, want) in [
        (0, reads.head.min(len)),
        (len.saturating_sub(reads.tail), reads.tail.min(len)),
    ] {
        if want == 0 {
            continue;
        }
        buf.resize(usize::try_from(want).unwrap_or(0), 0);
        total += read_at(&file, buf, offset)?;
    }
    Ok(black_box(total))
}

#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(not(unix))]
fn read_at(mut file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(offset))?;
    file.read(buf)
}

/// The workspace root (the parent of this crate).
pub fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// The corpus directory: `$MTG_BENCH_CORPUS`, or `.cache/corpus/` in the
/// workspace.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("MTG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join(".cache").join("corpus"))
}

/// The project's sample files each format set reads. `mp3_apev2.mp3` is
/// left out of the MP3 set (lofty's `MpegFile` reads its APEv2 tag, which
/// mtg-id3 does not) and read by the APEv2 set instead. The APEv2 set is
/// the sample files that end with an APEv2 tag; the corpus has none.
const TEST_FILES: &[(Format, &[&str])] = &[
    (Format::Flac, &["flac_tagged.flac"]),
    (
        Format::Mp3,
        &[
            "mp3_id3v1.mp3",
            "mp3_id3v23.mp3",
            "mp3_id3v24.mp3",
            "mp3_notag_lsf.mp3",
            "mp3_vbr_lame.mp3",
        ],
    ),
    (
        Format::Ape,
        &["mp3_apev2.mp3", "musepack.mpc", "wavpack.wv"],
    ),
];

/// Corpus groups each format set reads.
const CORPUS_GROUPS: &[(Format, &str, &str)] = &[
    (Format::Flac, "flac", "flac"),
    (Format::Mp3, "mp3_vbr", "mp3"),
    (Format::Mp3, "mp3_cbr", "mp3"),
];

fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Every file set, in table order, with a note for each one skipped (a
/// missing corpus is skipped, not an error).
pub fn file_sets() -> (Vec<FileSet>, Vec<String>) {
    let mut sets = Vec::new();
    let mut notes = Vec::new();
    let test_files = workspace_root().join("test_files");
    let corpus = corpus_dir();
    let formats = [Format::Flac, Format::Mp3, Format::Ape];
    for format in formats {
        let names = TEST_FILES
            .iter()
            .filter(|(f, _)| *f == format)
            .flat_map(|(_, names)| names.iter());
        let (present, missing): (Vec<PathBuf>, Vec<PathBuf>) =
            names.map(|n| test_files.join(n)).partition(|p| p.is_file());
        for p in missing {
            notes.push(format!("skipped missing test file {}", p.display()));
        }
        if !present.is_empty() {
            match FileSet::load(format, "test_files", present) {
                Ok(set) => sets.push(set),
                Err(e) => notes.push(format!("skipped test_files for {}: {e}", format.name())),
            }
        }
        for (_, group, ext) in CORPUS_GROUPS.iter().filter(|(f, _, _)| *f == format) {
            let dir = corpus.join(group);
            let paths = files_with_ext(&dir, ext);
            if paths.is_empty() {
                notes.push(format!(
                    "skipped corpus/{group}: no .{ext} files in {} (run `bash tools/make_corpus.sh`)",
                    dir.display()
                ));
                continue;
            }
            match FileSet::load(format, &format!("corpus/{group}"), paths) {
                Ok(set) => sets.push(set),
                Err(e) => notes.push(format!("skipped corpus/{group}: {e}")),
            }
        }
    }
    (sets, notes)
}

/// What one read of one file produced: enough to check that both
/// libraries did the same work, and consumed so that none of it is
/// optimised away.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Digest {
    /// Tag items: Vorbis comments; ID3v2 frames; APEv2 items.
    pub items: usize,
    /// Bytes of text in the items (keys and values for Vorbis comments;
    /// every text field for ID3, which the two libraries split differently).
    pub text_bytes: usize,
    /// Bytes of binary item data other than pictures.
    pub binary_bytes: usize,
    /// Pictures.
    pub pictures: usize,
    /// Bytes of picture data produced (loaded, or the declared length for a
    /// lazy read).
    pub picture_bytes: usize,
    /// An ID3v1 tag was read.
    pub id3v1: bool,
    /// mutagen's size of the ID3v2 tag read (where the MPEG search starts);
    /// not compared.
    pub id3v2_size: Option<u64>,
    /// Duration in seconds.
    pub duration: Option<f64>,
    /// Audio bitrate in kbit/s.
    pub bitrate_kbps: Option<u32>,
    /// Sample rate in Hz.
    pub sample_rate: Option<u32>,
    /// Channels.
    pub channels: Option<u8>,
}

impl Digest {
    /// Count `text` as produced.
    pub fn text(&mut self, text: &str) {
        self.text_bytes += black_box(text).len();
    }

    /// Count `bytes` as produced.
    pub fn binary(&mut self, bytes: &[u8]) {
        self.binary_bytes += black_box(bytes).len();
    }

    /// Count a picture's image bytes as produced.
    pub fn picture(&mut self, bytes: &[u8]) {
        self.pictures += 1;
        self.picture_bytes += black_box(bytes).len();
    }
}

/// Read a FLAC file with mtg-flac: STREAMINFO, length, bitrate, every
/// Vorbis comment (decoded, borrowed), every PICTURE block's fields and,
/// with [`Pictures::Load`], its image bytes.
pub fn ours_flac<S: ByteSource>(src: &S, pictures: Pictures) -> Result<Digest, BoxError> {
    let flac = FlacFile::read(src)?;
    let mut d = Digest::default();
    if let Some(tags) = flac.tags()? {
        for (key, value) in &tags.comments {
            d.items += 1;
            d.text(key);
            d.text(value);
        }
    }
    for index in flac.picture_indices() {
        if let Block::Picture(picture) = flac.block(index)? {
            black_box((&picture.mime, &picture.desc, picture.picture_type));
            match pictures {
                Pictures::Load => {
                    let bytes = picture.data.load(Some(src as &dyn ByteSource))?;
                    d.picture(&bytes);
                }
                Pictures::Lazy => {
                    d.pictures += 1;
                    d.picture_bytes += black_box(picture.data.len()) as usize;
                }
            }
        }
    }
    let info = flac.stream_info();
    d.duration = Some(flac.length());
    d.bitrate_kbps = Some(u32::try_from(flac.bitrate() / 1000).unwrap_or(u32::MAX));
    d.sample_rate = Some(info.sample_rate);
    d.channels = Some(info.channels);
    Ok(d)
}

/// Consume one decoded ID3 field.
fn weigh(d: &mut Digest, value: &FieldValue<'_>, picture: bool) {
    match value {
        FieldValue::Text(s) => d.text(s),
        FieldValue::TextList(list) => list.iter().for_each(|s| d.text(s)),
        FieldValue::TextTuples(tuples) => tuples.iter().flatten().for_each(|s| d.text(s)),
        FieldValue::SyncedText(pairs) => pairs.iter().for_each(|(s, _)| d.text(s)),
        FieldValue::Bytes(b) if picture => d.picture(b),
        FieldValue::Bytes(b) | FieldValue::Frames(b) => d.binary(b),
        other => {
            black_box(other);
        }
    }
}

/// Read an MP3 file as mutagen's `MP3` does: the ID3 tags with mtg-id3 (the
/// ID3v2 tag at the start, split into frames, every frame body decoded into
/// its field values: text decoded, binary borrowed, a frame mutagen does not
/// know kept as bytes; and the ID3v1 tag at the end), then the MPEG stream
/// information with mtg-mpeg, searched from the end of the ID3v2 tag.
pub fn ours_mp3<S: ByteSource>(src: &S) -> Result<Digest, BoxError> {
    let mut d = ours_id3(src)?;
    let info = MpegInfo::read(src, d.id3v2_size)?;
    d.duration = Some(info.length);
    d.bitrate_kbps = Some(u32::try_from(info.bitrate / 1000).unwrap_or(u32::MAX));
    d.sample_rate = Some(info.sample_rate);
    d.channels = Some(u8::try_from(info.channels).unwrap_or(u8::MAX));
    Ok(d)
}

/// The ID3 part of [`ours_mp3`]. A file without either tag gives an empty
/// digest.
pub fn ours_id3<S: ByteSource>(src: &S) -> Result<Digest, BoxError> {
    let mut d = Digest::default();
    let found = match read_id3(src, true) {
        Ok(found) => found,
        Err(e)
            if matches!(
                Id3Error::find(&e),
                Some(Id3Error::NoHeader(_) | Id3Error::UnsupportedVersion { .. })
            ) =>
        {
            return Ok(d)
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(tag_bytes) = &found.v2 {
        d.id3v2_size = Some(u64::from(tag_bytes.header().size));
        let version = tag_bytes.header().major;
        let tag = tag_bytes.frames();
        for frame in &tag.frames {
            d.items += 1;
            let id = frame.id.as_str();
            match frame_def(version, id) {
                Some(def) => {
                    // A frame mutagen cannot decode is dropped by it (junk).
                    if let Ok(values) =
                        decode_frame(def, version, tag.effective_flags(frame), frame.body)
                    {
                        let picture = matches!(id, "APIC" | "PIC");
                        values.iter().for_each(|v| weigh(&mut d, v, picture));
                    }
                }
                None => d.binary(frame.body),
            }
        }
    }
    if let Some((v1, _)) = &found.v1 {
        d.id3v1 = true;
        for text in [&v1.title, &v1.artist, &v1.album, &v1.year, &v1.comment]
            .into_iter()
            .flatten()
        {
            d.text(&text.text());
        }
        black_box((v1.track, v1.genre));
    }
    Ok(d)
}

/// Read the APEv2 tag with mtg-ape as mutagen's `APEv2` loads it: find it
/// (footer at the end, before ID3v1 or Lyrics3v2 + ID3v1, or header at the
/// start), read its item area and parse every item; each key as `&str`,
/// each text or locator value decoded to `&str` (borrowed, NUL-separated
/// values left joined, as lofty keeps them), each binary value as bytes. A
/// broken item is an error, as in mutagen.
pub fn ours_ape<S: ByteSource>(src: &S) -> Result<Digest, BoxError> {
    let tag = read_tag(src)?;
    let parsed = tag.items();
    if let Some(e) = parsed.error {
        return Err(e.into());
    }
    let mut d = Digest::default();
    for item in &parsed.items {
        d.items += 1;
        d.text(item.key);
        match item.kind {
            ItemKind::Binary => d.binary(item.value),
            ItemKind::Text | ItemKind::External => {
                d.text(item.text().ok_or("APEv2 text value not UTF-8")?);
            }
        }
    }
    Ok(d)
}

/// The differences between what our reader and lofty's produced for one
/// file that mean the work was not equal (empty when it was). Duration and
/// bitrate are compared within a tolerance (10 ms and 1 % for FLAC; 60 ms
/// and 5 % for MP3, where mutagen's definitions differ from lofty's). Text bytes
/// are compared for FLAC and APEv2 only (ID3 text is split into fields
/// differently: lofty joins a frame's list with NULs, for instance); binary
/// bytes for APEv2 only.
pub fn compare(format: Format, ours: &Digest, lofty: &Digest) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |what: &str, equal: bool, a: String, b: String| {
        if !equal {
            out.push(format!("{what}: ours {a}, lofty {b}"));
        }
    };
    check(
        "tag items",
        ours.items == lofty.items,
        ours.items.to_string(),
        lofty.items.to_string(),
    );
    if matches!(format, Format::Flac | Format::Ape) {
        check(
            "text bytes",
            ours.text_bytes == lofty.text_bytes,
            ours.text_bytes.to_string(),
            lofty.text_bytes.to_string(),
        );
    }
    if format == Format::Ape {
        check(
            "binary bytes",
            ours.binary_bytes == lofty.binary_bytes,
            ours.binary_bytes.to_string(),
            lofty.binary_bytes.to_string(),
        );
    }
    check(
        "pictures",
        ours.pictures == lofty.pictures && ours.picture_bytes == lofty.picture_bytes,
        format!("{} ({} bytes)", ours.pictures, ours.picture_bytes),
        format!("{} ({} bytes)", lofty.pictures, lofty.picture_bytes),
    );
    check(
        "ID3v1",
        ours.id3v1 == lofty.id3v1,
        ours.id3v1.to_string(),
        lofty.id3v1.to_string(),
    );
    // mutagen's MP3 length takes the LAME encoder delay and padding off and
    // its bitrate follows from that length; lofty's do not: up to ~2 frames
    // (52 ms) apart, and a few percent of bitrate on a 1.5 s file.
    let (tolerance, percent) = match format {
        Format::Flac | Format::Ape => (0.01, 1),
        Format::Mp3 => (0.06, 5),
    };
    let close = match (ours.duration, lofty.duration) {
        (Some(a), Some(b)) => (a - b).abs() <= tolerance,
        (a, b) => a.is_none() && b.is_none(),
    };
    check(
        "duration",
        close,
        format!("{:?}", ours.duration),
        format!("{:?}", lofty.duration),
    );
    let close = match (ours.bitrate_kbps, lofty.bitrate_kbps) {
        (Some(a), Some(b)) => a.abs_diff(b) <= 1 + a * percent / 100,
        (a, b) => a.is_none() && b.is_none(),
    };
    check(
        "bitrate",
        close,
        format!("{:?}", ours.bitrate_kbps),
        format!("{:?}", lofty.bitrate_kbps),
    );
    check(
        "sample rate",
        ours.sample_rate == lofty.sample_rate,
        format!("{:?}", ours.sample_rate),
        format!("{:?}", lofty.sample_rate),
    );
    check(
        "channels",
        ours.channels == lofty.channels,
        format!("{:?}", ours.channels),
        format!("{:?}", lofty.channels),
    );
    out
}

/// The median of `samples` (which it sorts); 0 when empty.
pub fn median(samples: &mut [f64]) -> f64 {
    samples.sort_by(f64::total_cmp);
    match samples.len() {
        0 => 0.0,
        n if n % 2 == 1 => samples[n / 2],
        n => (samples[n / 2 - 1] + samples[n / 2]) / 2.0,
    }
}

/// A Markdown table, columns right-aligned after the first three.
#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column names.
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|s| (*s).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Add a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as Markdown, padded to line up in a terminal.
    pub fn render(&self) -> String {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let mut out = String::new();
        let line = |out: &mut String, cells: &[String]| {
            out.push('|');
            for (i, w) in widths.iter().enumerate() {
                let cell = cells.get(i).map_or("", String::as_str);
                if i < 3 {
                    let _ = write!(out, " {cell:<w$} |");
                } else {
                    let _ = write!(out, " {cell:>w$} |");
                }
            }
            out.push('\n');
        };
        line(&mut out, &self.header);
        out.push('|');
        for (i, w) in widths.iter().enumerate().take(columns) {
            let dashes = "-".repeat((*w).max(3));
            if i < 3 {
                let _ = write!(out, "{dashes}--|");
            } else {
                let _ = write!(out, "-{dashes}:|");
            }
        }
        out.push('\n');
        for row in &self.rows {
            line(&mut out, row);
        }
        out
    }
}
