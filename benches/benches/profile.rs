//! A loop for profilers: read one file set again and again with one
//! variant, for a given time, and print the time per file. Nothing is
//! compared or checked here (the summary does that); this target only
//! gives `perf record` or `valgrind --tool=callgrind` a steady workload.
//!
//! ```text
//! cargo bench -p mtg-benches --bench profile -- FORMAT SET SOURCE VARIANT [SECONDS] [per-file]
//! # e.g.: -- flac test_files memory ours 5
//! ```
//!
//! With `per-file`, each file of the set is looped alone for SECONDS / the
//! number of files, and its time is printed (to find the files a set's
//! mean hides).
//!
//! FORMAT is `flac`, `mp3` or `ape`; SET a set label (`test_files`,
//! `corpus/mp3_vbr`, ...); SOURCE `memory` or `path`; VARIANT a variant id
//! (`ours`, `lofty`, `ours_lazy_pictures`, ...).

use std::time::{Duration, Instant};

use mtg_benches::{file_sets, Format, Source};

#[path = "../src/lofty_side.rs"]
#[allow(dead_code)]
mod lofty_side;

use lofty_side::{read_all, read_one, Variant};

fn usage() -> ! {
    eprintln!("usage: profile FORMAT SET SOURCE VARIANT [SECONDS] [per-file]");
    std::process::exit(2);
}

fn main() {
    // `cargo bench` adds `--bench`; keep the other arguments in order.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [format, set_label, source, variant, rest @ ..] = args.as_slice() else {
        usage()
    };
    let seconds: f64 = rest.first().and_then(|s| s.parse().ok()).unwrap_or(5.0);
    let format = match format.as_str() {
        "flac" => Format::Flac,
        "mp3" => Format::Mp3,
        "ape" => Format::Ape,
        _ => usage(),
    };
    let source = match source.as_str() {
        "memory" => Source::Memory,
        "path" => Source::Path,
        _ => usage(),
    };
    let Some(&variant) = Variant::for_format(format)
        .iter()
        .find(|v| v.id() == variant.as_str())
    else {
        usage()
    };
    let (sets, _) = file_sets();
    let Some(set) = sets
        .iter()
        .find(|s| s.format == format && s.label == *set_label)
    else {
        eprintln!("no set {set_label} for this format");
        std::process::exit(2);
    };
    if rest.get(1).map(String::as_str) == Some("per-file") {
        let limit = Duration::from_secs_f64(seconds / set.len() as f64);
        for index in 0..set.len() {
            let start = Instant::now();
            let mut passes = 0u64;
            while start.elapsed() < limit {
                for _ in 0..64 {
                    std::hint::black_box(read_one(set, index, variant, source).ok());
                }
                passes += 64;
            }
            let per_file = start.elapsed().as_secs_f64() * 1e6 / passes as f64;
            println!("{per_file:9.3} µs  {}", set.paths[index].display());
        }
        return;
    }
    let limit = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let mut passes = 0u64;
    while start.elapsed() < limit {
        for _ in 0..64 {
            read_all(set, variant, source);
        }
        passes += 64;
    }
    let per_file = start.elapsed().as_secs_f64() * 1e6 / (passes as f64 * set.len() as f64);
    println!("{passes} passes, {per_file:.3} µs per file");
}
