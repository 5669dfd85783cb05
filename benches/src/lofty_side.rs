//! Lofty's side of the work, and the reads both targets time. Included with
//! `#[path]` into the two bench targets (lofty is a dev-dependency, so
//! the library cannot hold it).
//!
//! Lofty is used at its fastest: the concrete file type (`FlacFile`,
//! `MpegFile`) read through `AudioFile::read_from`, from a `Cursor` over
//! the same slice ours reads, or from a `BufReader<File>` opened on every
//! read (what `lofty::read_from_path` does). `Probe` (format detection and
//! conversion to the generic `TaggedFile`) is measured as a separate,
//! informative variant. Options: properties and tags read, cover art read
//! (lofty's default) except for the lazy variant, and implicit conversions
//! off (lofty would otherwise split `TRACKNUMBER=3/12` and merge ID3v2.3
//! dates, work our readers do not do).
//!
//! APEv2: lofty has no public reader for an APE tag alone (its
//! `ape::tag::read` is crate-private), only the container types. Its
//! leanest is `WavPackFile::read_from` with properties off: ID3v1, then
//! Lyrics3v2, then the APE footer at the end, and nothing of the stream
//! (no magic checked), so it reads the tag of any container; that is the
//! `lofty` variant, used on every file. `lofty_container_type` reads each
//! file with its own type (`MpegFile`, `MpcFile`, `WavPackFile`), also
//! without properties; `lofty_probe` is `Probe` without properties.

use std::fs::File;
use std::hint::black_box;
use std::io::{BufReader, Cursor, Read, Seek};
use std::path::Path;

use lofty::ape::ApeTag;
use lofty::config::ParseOptions;
use lofty::file::{AudioFile, TaggedFile, TaggedFileExt};
use lofty::flac::FlacFile;
use lofty::id3::v2::Frame;
use lofty::mpeg::MpegFile;
use lofty::musepack::MpcFile;
use lofty::ogg::OggPictureStorage;
use lofty::tag::ItemValue;
use lofty::wavpack::WavPackFile;
use mtg_benches::{
    compare, ours_ape, ours_flac, ours_mp3, BoxError, Digest, FileSet, Format, Pictures, Source,
};
use mtg_core::{FileSource, SliceSource};

/// Which side of a comparison a read is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// mutagen-rs, equal work (pictures loaded).
    Ours,
    /// lofty's concrete file type, default cover-art reading.
    Lofty,
    /// lofty's `Probe` into a `TaggedFile` (detection + generic tag).
    LoftyProbe,
    /// mutagen-rs leaving picture bytes in the file.
    OursLazy,
    /// lofty with `read_cover_art(false)`.
    LoftyNoCover,
    /// APEv2: lofty's own type for the file's container (`MpegFile`,
    /// `MpcFile`, `WavPackFile`), properties off.
    LoftyContainer,
}

impl Variant {
    /// Function name in criterion groups.
    pub fn id(self) -> &'static str {
        match self {
            Variant::Ours => "ours",
            Variant::Lofty => "lofty",
            Variant::LoftyProbe => "lofty_probe",
            Variant::OursLazy => "ours_lazy_pictures",
            Variant::LoftyNoCover => "lofty_no_cover_art",
            Variant::LoftyContainer => "lofty_container_type",
        }
    }

    /// The variants measured for `format`.
    pub fn for_format(format: Format) -> &'static [Variant] {
        match format {
            Format::Flac => &[
                Variant::Ours,
                Variant::Lofty,
                Variant::LoftyProbe,
                Variant::OursLazy,
                Variant::LoftyNoCover,
            ],
            Format::Mp3 => &[Variant::Ours, Variant::Lofty, Variant::LoftyProbe],
            Format::Ape => &[
                Variant::Ours,
                Variant::Lofty,
                Variant::LoftyContainer,
                Variant::LoftyProbe,
            ],
        }
    }
}

/// Lofty's options: tags and properties, cover art as asked, no implicit
/// conversions.
pub fn options(cover_art: bool) -> ParseOptions {
    ParseOptions::new()
        .read_tags(true)
        .read_properties(true)
        .read_cover_art(cover_art)
        .implicit_conversions(false)
}

/// Lofty's options for a tag-only read (APEv2): tags, cover art (lofty
/// skips APE picture items without it), no properties, no implicit
/// conversions.
pub fn tag_options() -> ParseOptions {
    options(true).read_properties(false)
}

/// Lofty's options for `format`'s reads.
fn format_options(format: Format, cover_art: bool) -> ParseOptions {
    match format {
        Format::Ape => tag_options(),
        Format::Flac | Format::Mp3 => options(cover_art),
    }
}

fn flac_digest(file: &FlacFile) -> Digest {
    let mut d = Digest::default();
    if let Some(tag) = file.vorbis_comments() {
        for (key, value) in tag.items() {
            d.items += 1;
            d.text(key);
            d.text(value);
        }
        for (picture, info) in tag.pictures() {
            black_box((picture.mime_type(), picture.description(), info));
            d.picture(picture.data());
        }
    }
    for (picture, info) in file.pictures() {
        black_box((picture.mime_type(), picture.description(), info));
        d.picture(picture.data());
    }
    let p = file.properties();
    d.duration = Some(p.duration().as_secs_f64());
    d.bitrate_kbps = Some(p.audio_bitrate());
    d.sample_rate = Some(p.sample_rate());
    d.channels = Some(p.channels());
    d
}

fn frame_digest(d: &mut Digest, frame: &Frame<'_>) {
    match frame {
        Frame::Comment(f) => {
            d.text(&f.description);
            d.text(&f.content);
        }
        Frame::UnsynchronizedText(f) => {
            d.text(&f.description);
            d.text(&f.content);
        }
        Frame::Text(f) => d.text(&f.value),
        Frame::UserText(f) => {
            d.text(&f.description);
            d.text(&f.content);
        }
        Frame::Url(f) => d.text(f.url()),
        Frame::UserUrl(f) => {
            d.text(&f.description);
            d.text(&f.content);
        }
        Frame::Picture(f) => {
            black_box((f.picture.mime_type(), f.picture.pic_type()));
            if let Some(desc) = f.picture.description() {
                d.text(desc);
            }
            d.picture(f.picture.data());
        }
        Frame::Popularimeter(f) => d.text(&f.email),
        Frame::KeyValue(f) => {
            for (k, v) in f.key_value_pairs.iter() {
                d.text(k);
                d.text(v);
            }
        }
        Frame::UniqueFileIdentifier(f) => {
            d.text(&f.owner);
            d.binary(&f.identifier);
        }
        Frame::Private(f) => {
            d.text(&f.owner);
            d.binary(&f.private_data);
        }
        Frame::Binary(f) => d.binary(&f.data),
        Frame::Ownership(f) => {
            d.text(&f.price_paid);
            d.text(&f.date_of_purchase);
            d.text(&f.seller);
        }
        other => {
            black_box(other);
        }
    }
}

fn mpeg_digest(file: &MpegFile) -> Digest {
    let mut d = Digest::default();
    if let Some(tag) = file.id3v2() {
        for frame in tag {
            d.items += 1;
            frame_digest(&mut d, frame);
        }
    }
    if let Some(v1) = file.id3v1() {
        d.id3v1 = true;
        for text in [&v1.title, &v1.artist, &v1.album, &v1.comment]
            .into_iter()
            .flatten()
        {
            d.text(text);
        }
        // Lofty parses the year into a number (ours keeps its text).
        black_box((v1.year, v1.track_number, v1.genre));
    }
    let p = file.properties();
    d.duration = Some(p.duration().as_secs_f64());
    d.bitrate_kbps = Some(p.audio_bitrate());
    d.sample_rate = Some(p.sample_rate());
    d.channels = Some(p.channels());
    d
}

/// Every item of lofty's APE tag: key, value decoded (text and locator,
/// NUL-separated values joined) or bytes (binary, cover art included).
fn ape_digest(tag: Option<&ApeTag>) -> Digest {
    let mut d = Digest::default();
    for item in tag.into_iter().flatten() {
        d.items += 1;
        d.text(item.key());
        match item.value() {
            ItemValue::Text(s) | ItemValue::Locator(s) => d.text(s),
            ItemValue::Binary(b) => d.binary(b),
        }
    }
    d
}

/// Read the APE tag with lofty's type for the file's container, chosen by
/// the extension of `path`.
fn lofty_ape_container<R: Read + Seek>(path: &Path, reader: &mut R) -> Result<Digest, BoxError> {
    let options = tag_options();
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    Ok(match ext {
        "mp3" => ape_digest(MpegFile::read_from(reader, options)?.ape()),
        "mpc" => ape_digest(MpcFile::read_from(reader, options)?.ape()),
        "wv" => ape_digest(WavPackFile::read_from(reader, options)?.ape()),
        _ => return Err(format!("no lofty container type for {}", path.display()).into()),
    })
}

fn tagged_digest(file: &TaggedFile) -> Digest {
    let mut d = Digest::default();
    for tag in file.tags() {
        for item in tag.items() {
            d.items += 1;
            match item.value() {
                ItemValue::Text(s) | ItemValue::Locator(s) => d.text(s),
                ItemValue::Binary(b) => d.binary(b),
            }
        }
        for picture in tag.pictures() {
            d.picture(picture.data());
        }
    }
    let p = file.properties();
    d.duration = Some(p.duration().as_secs_f64()).filter(|&s| s > 0.0);
    d.bitrate_kbps = p.audio_bitrate().filter(|&b| b > 0);
    d.sample_rate = p.sample_rate().filter(|&r| r > 0);
    d.channels = p.channels().filter(|&c| c > 0);
    d
}

/// Read with lofty's concrete type for `format`.
fn lofty_read<R: Read + Seek>(
    format: Format,
    reader: &mut R,
    cover_art: bool,
) -> Result<Digest, BoxError> {
    let options = format_options(format, cover_art);
    Ok(match format {
        Format::Flac => flac_digest(&FlacFile::read_from(reader, options)?),
        Format::Mp3 => mpeg_digest(&MpegFile::read_from(reader, options)?),
        // The leanest reader of a trailing APE tag (see the module docs).
        Format::Ape => ape_digest(WavPackFile::read_from(reader, options)?.ape()),
    })
}

/// Read with lofty's `Probe` (content-based detection) into a `TaggedFile`.
fn lofty_probe<R: Read + Seek>(format: Format, reader: R) -> Result<Digest, BoxError> {
    let file = lofty::probe::Probe::new(reader)
        .options(format_options(format, true))
        .guess_file_type()?
        .read()?;
    Ok(tagged_digest(&file))
}

/// One read of file `index` of `set` by `variant` from `source`.
pub fn read_one(
    set: &FileSet,
    index: usize,
    variant: Variant,
    source: Source,
) -> Result<Digest, BoxError> {
    let format = set.format;
    match source {
        Source::Memory => {
            let data: &[u8] = &set.data[index];
            match variant {
                Variant::Ours | Variant::OursLazy => {
                    let src = SliceSource::new(data);
                    match format {
                        Format::Flac => ours_flac(&src, pictures(variant)),
                        Format::Mp3 => ours_mp3(&src),
                        Format::Ape => ours_ape(&src),
                    }
                }
                Variant::Lofty => lofty_read(format, &mut Cursor::new(data), true),
                Variant::LoftyNoCover => lofty_read(format, &mut Cursor::new(data), false),
                Variant::LoftyContainer => {
                    lofty_ape_container(&set.paths[index], &mut Cursor::new(data))
                }
                Variant::LoftyProbe => lofty_probe(format, Cursor::new(data)),
            }
        }
        Source::Path => {
            let path: &Path = &set.paths[index];
            match variant {
                Variant::Ours | Variant::OursLazy => {
                    let src = FileSource::open(path)?;
                    match format {
                        Format::Flac => ours_flac(&src, pictures(variant)),
                        Format::Mp3 => ours_mp3(&src),
                        Format::Ape => ours_ape(&src),
                    }
                }
                Variant::Lofty | Variant::LoftyNoCover => lofty_read(
                    format,
                    &mut BufReader::new(File::open(path)?),
                    variant == Variant::Lofty,
                ),
                Variant::LoftyContainer => {
                    lofty_ape_container(path, &mut BufReader::new(File::open(path)?))
                }
                Variant::LoftyProbe => lofty_probe(format, BufReader::new(File::open(path)?)),
            }
        }
    }
}

fn pictures(variant: Variant) -> Pictures {
    if variant == Variant::OursLazy {
        Pictures::Lazy
    } else {
        Pictures::Load
    }
}

/// Read every file of `set` once with `variant`, panicking on an error
/// (the guard has checked that every read succeeds).
pub fn read_all(set: &FileSet, variant: Variant, source: Source) {
    for index in 0..set.len() {
        match read_one(set, index, variant, source) {
            Ok(d) => {
                black_box(d);
            }
            Err(e) => panic!("{}: {e}", set.paths[index].display()),
        }
    }
}

/// The correctness guard: read every file of `set` with each variant from
/// both sources, and report (as lines to print) every read that failed and
/// every difference between ours and lofty's work. Ours and lofty (and,
/// for APEv2, lofty's container type) are compared fully; the probe only
/// on pictures and properties (its generic tag maps items differently, and
/// APE cover art to pictures); the lazy variants are checked for errors.
/// With `MTG_BENCH_VERBOSE` set, every digest is printed to stderr.
pub fn check(set: &FileSet) -> Vec<String> {
    let mut problems = Vec::new();
    for index in 0..set.len() {
        let name = set.paths[index]
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        for source in Source::ALL {
            let mut read = |variant: Variant| match read_one(set, index, variant, source) {
                Ok(d) => Some(d),
                Err(e) => {
                    problems.push(format!(
                        "{} {name} ({}): {} failed: {e}",
                        set.label,
                        source.name(),
                        variant.id()
                    ));
                    None
                }
            };
            let digests: Vec<(Variant, Option<Digest>)> = Variant::for_format(set.format)
                .iter()
                .map(|&v| (v, read(v)))
                .collect();
            let get = |v: Variant| digests.iter().find(|(x, _)| *x == v).and_then(|(_, d)| *d);
            if std::env::var_os("MTG_BENCH_VERBOSE").is_some() {
                for (v, d) in &digests {
                    eprintln!("{} {name} ({}) {}: {d:?}", set.label, source.name(), v.id());
                }
            }
            for other in [Variant::Lofty, Variant::LoftyContainer] {
                if let (Some(ours), Some(lofty)) = (get(Variant::Ours), get(other)) {
                    for diff in compare(set.format, &ours, &lofty) {
                        problems.push(format!(
                            "{} {name} ({}): ours vs {}: {diff}",
                            set.label,
                            source.name(),
                            other.id()
                        ));
                    }
                }
            }
            if let (Some(ours), Some(probe)) = (get(Variant::Ours), get(Variant::LoftyProbe)) {
                let mut probe = probe;
                probe.items = ours.items;
                probe.text_bytes = ours.text_bytes;
                probe.id3v1 = ours.id3v1;
                probe.binary_bytes = ours.binary_bytes;
                if set.format == Format::Ape {
                    probe.pictures = ours.pictures;
                    probe.picture_bytes = ours.picture_bytes;
                }
                for diff in compare(set.format, &ours, &probe) {
                    problems.push(format!(
                        "{} {name} ({}): ours vs lofty_probe: {diff}",
                        set.label,
                        source.name()
                    ));
                }
            }
        }
    }
    problems
}
