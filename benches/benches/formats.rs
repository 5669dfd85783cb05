//! Criterion benchmarks: for every format crate, ours and lofty on the same
//! files, from memory and from a path (`cargo bench -p mtg-benches`).
//!
//! One group per format × file set × source; each function reads every file
//! of the set once per iteration (throughput: files). The correctness guard
//! runs first and prints every difference in the work done. The short
//! summary (medians, ratios) is the `summary` bench, run after this one.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use mtg_benches::{file_sets, Source};

#[path = "../src/lofty_side.rs"]
#[allow(dead_code)]
mod lofty_side;

use lofty_side::{check, read_all, Variant};

fn formats(c: &mut Criterion) {
    let (sets, notes) = file_sets();
    for note in notes {
        eprintln!("note: {note}");
    }
    let mut unequal = 0;
    for set in &sets {
        for problem in check(set) {
            eprintln!("UNEQUAL WORK: {problem}");
            unequal += 1;
        }
    }
    assert!(
        unequal == 0 || std::env::var_os("MTG_BENCH_ALLOW_UNEQUAL").is_some(),
        "{unequal} differences between ours and lofty (see above); \
         MTG_BENCH_ALLOW_UNEQUAL=1 to measure anyway"
    );
    for set in &sets {
        for source in Source::ALL {
            let mut group = c.benchmark_group(format!(
                "{}/{}/{}",
                set.format.id(),
                set.label.replace('/', "-"),
                source.name()
            ));
            group.throughput(Throughput::Elements(set.len() as u64));
            for &variant in Variant::for_format(set.format) {
                group.bench_function(variant.id(), |b| {
                    b.iter(|| read_all(set, variant, source));
                });
            }
            group.finish();
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    targets = formats
}
criterion_main!(benches);
