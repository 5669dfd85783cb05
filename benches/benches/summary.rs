//! The short summary of the benchmark: ours and lofty timed side by side in
//! one run, interleaved, and printed as a Markdown table for
//! OPTIMIZATION_LOG.md. The last step of `cargo bench -p mtg-benches`;
//! alone:
//!
//! ```text
//! cargo bench -p mtg-benches --bench summary [-- ROUNDS]
//! ```
//!
//! For each format × file set × source, every round times each variant once
//! (a batch of whole passes over the set, at least `BATCH` long), in an
//! order that rotates from round to round, so that drift and noise fall on
//! every variant alike. Times are the median over the rounds of the time
//! per file, in µs; the ratio is the median of the per-round ratios (paired
//! samples, so that load from other processes cancels out). The
//! correctness guard runs first; differences in the work done are printed,
//! and the rows they concern are marked.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use mtg_benches::{file_sets, median, syscall_floor, FileSet, Format, Source, Table};

#[path = "../src/lofty_side.rs"]
#[allow(dead_code)]
mod lofty_side;

use lofty_side::{check, read_all, Variant};

/// Default number of rounds.
const ROUNDS: usize = 201;
/// Shortest timed batch.
const BATCH: Duration = Duration::from_millis(1);

/// One thing timed per round: a pass over every file of the set.
type Run<'a> = Box<dyn Fn() + 'a>;

/// µs per file of each run in each round (`[run][round]`), measured
/// interleaved.
fn measure(set: &FileSet, runs: &[Run<'_>], rounds: usize) -> Vec<Vec<f64>> {
    // Warm up and size each run's batch.
    let passes: Vec<u32> = runs
        .iter()
        .map(|run| {
            run();
            let start = Instant::now();
            run();
            let one = start.elapsed().max(Duration::from_micros(1));
            (BATCH.as_nanos() / one.as_nanos()).clamp(1, 10_000) as u32
        })
        .collect();
    let mut samples = vec![Vec::with_capacity(rounds); runs.len()];
    for round in 0..rounds {
        for k in 0..runs.len() {
            let i = (round + k) % runs.len();
            let start = Instant::now();
            for _ in 0..passes[i] {
                runs[i]();
            }
            let per_file = start.elapsed().as_secs_f64() * 1e6 / f64::from(passes[i]);
            samples[i].push(per_file / set.len() as f64);
        }
    }
    samples
}

/// A pass of `variant` over `set` from `source`.
fn variant_run(set: &FileSet, variant: Variant, source: Source) -> Run<'_> {
    Box::new(move || read_all(set, variant, source))
}

/// A pass of [`syscall_floor`] over `set`.
fn floor_run(set: &FileSet) -> Run<'_> {
    let buf = std::cell::RefCell::new(Vec::new());
    Box::new(move || {
        for (path, &reads) in set.paths.iter().zip(&set.floor_reads) {
            if let Err(e) = syscall_floor(path, reads, &mut buf.borrow_mut()) {
                panic!("{}: {e}", path.display());
            }
        }
    })
}

/// Median of the per-round ratios `num[r] / den[r]`: the two were timed
/// next to each other, so load that varies over the run cancels out.
fn paired_ratio(num: &[f64], den: &[f64]) -> f64 {
    let mut ratios: Vec<f64> = num.iter().zip(den).map(|(n, d)| n / d).collect();
    median(&mut ratios)
}

fn us(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// Print the summary. The first argument that is a number is the number of
/// rounds (`cargo bench` adds `--bench` and passes filters, ignored here).
fn main() {
    let rounds = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(ROUNDS);
    let (sets, notes) = file_sets();
    for note in &notes {
        println!("note: {note}");
    }

    let mut unequal: BTreeSet<String> = BTreeSet::new();
    for set in &sets {
        let problems = check(set);
        if !problems.is_empty() {
            unequal.insert(set.label.clone());
        }
        for problem in problems {
            println!("UNEQUAL WORK: {problem}");
        }
    }

    let mut table = Table::new(&[
        "format",
        "set",
        "source",
        "files",
        "ours µs",
        "lofty µs",
        "lofty/ours",
        "lofty Probe µs",
        "floor µs",
        "lofty/floor",
    ]);
    for set in &sets {
        for source in Source::ALL {
            let variants = Variant::for_format(set.format);
            let mut runs: Vec<Run<'_>> = variants
                .iter()
                .map(|&v| variant_run(set, v, source))
                .collect();
            // The syscall floor, timed in the same rounds (path rows only).
            if source == Source::Path {
                runs.push(floor_run(set));
            }
            let samples = measure(set, &runs, rounds);
            let floor = samples.get(variants.len());
            let of = |v: Variant| {
                variants
                    .iter()
                    .position(|&x| x == v)
                    .and_then(|i| samples.get(i))
            };
            let at = |v: Variant| of(v).map(|s| median(&mut s.clone()));
            let mark = if unequal.contains(&set.label) {
                " (!)"
            } else {
                ""
            };
            // `main`: the equal-work row, with the Probe and floor columns (the
            // floor reads the pictures, which the lazy row leaves).
            let mut row = |name: String, ours: Variant, lofty: Variant, main: bool| {
                let floor = floor.filter(|_| main);
                if let (Some(o), Some(l), Some(so), Some(sl)) =
                    (at(ours), at(lofty), of(ours), of(lofty))
                {
                    table.row(vec![
                        name,
                        set.label.clone(),
                        source.name().to_owned(),
                        set.len().to_string(),
                        us(o),
                        us(l),
                        format!("{:.2}x", paired_ratio(sl, so)),
                        if main {
                            at(Variant::LoftyProbe).map_or_else(|| "-".into(), us)
                        } else {
                            "-".into()
                        },
                        floor.map_or_else(|| "-".into(), |f| us(median(&mut f.clone()))),
                        floor
                            .map_or_else(|| "-".into(), |f| format!("{:.2}x", paired_ratio(sl, f))),
                    ]);
                }
            };
            row(
                format!("{}{mark}", set.format.name()),
                Variant::Ours,
                Variant::Lofty,
                true,
            );
            if set.format == Format::Flac {
                row(
                    format!("FLAC, lazy pictures{mark}"),
                    Variant::OursLazy,
                    Variant::LoftyNoCover,
                    false,
                );
            }
            if set.format == Format::Ape {
                row(
                    format!("APEv2, lofty container type{mark}"),
                    Variant::Ours,
                    Variant::LoftyContainer,
                    false,
                );
            }
        }
    }
    println!();
    print!("{}", table.render());
    println!();
    println!(
        "Median of {rounds} interleaved rounds, µs per file; lofty/ours is the median of \
         the per-round ratios. \"lofty\": lofty's concrete \
         file type (FlacFile / MpegFile::read_from, Cursor or BufReader<File>); \
         \"lofty Probe\": Probe + guess_file_type + TaggedFile (informative)."
    );
    println!(
        "\"FLAC, lazy pictures\": ours parses PICTURE fields but leaves the image in the \
         file; lofty with read_cover_art(false) skips PICTURE blocks."
    );
    println!(
        "MP3: ours = mtg-id3 (v2 frames decoded, v1) + mtg-mpeg MpegInfo; lofty's MpegFile \
         also looks for APE and Lyrics3 tags at the end (mp3_apev2.mp3 is in the APEv2 set)."
    );
    println!(
        "APEv2: tag only (every item's key and value; text as str, binary as bytes), no \
         properties; test_files only (mp3_apev2.mp3, musepack.mpc, wavpack.wv; the corpus has \
         no APE-tagged files). ours = mtg-ape read_tag + items; \"lofty\" = WavPackFile::read_from \
         with properties off on every file (lofty's leanest trailing-APE reader: ID3v1, \
         Lyrics3v2, APE footer, no stream); \"lofty container type\" = MpegFile / MpcFile / \
         WavPackFile by extension, properties off; Probe also without properties."
    );
    println!(
        "floor: per file open + fstat + one pread of the metadata at the start (FLAC blocks, \
         ID3v2 tag) + 4 KiB, one pread of the end (MP3: 128 bytes, APEv2: 4 KiB) + close, \
         parsing nothing, timed in the same rounds: the least a reader does from a path. \
         lofty/floor bounds the lofty/ours any reader could show on that row."
    );
    if !unequal.is_empty() {
        println!("(!): the guard found unequal work in this set, see UNEQUAL WORK above.");
    }
}
