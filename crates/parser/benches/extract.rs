//! Throughput of `extract_claims`: on the founding article (about 2.5 KB) and
//! on a long article (the founding article repeated to about 200 KB), in bytes
//! per second. Run with `cargo bench -p claimtrack-parser` or `make bench`.

use std::time::Duration;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

/// The founding article of the project (also the seed of the tests).
const SEED: &str = include_str!("../../../fixtures/seed/newser-2022-07-12.txt");

/// Size of the long article, in bytes (at least).
const LONG_ARTICLE_BYTES: usize = 200 * 1024;

/// The seed repeated, paragraph-separated, to [`LONG_ARTICLE_BYTES`]: a long
/// article with many quotes and many speakers to resolve against.
fn long_article() -> String {
    let mut text = String::with_capacity(LONG_ARTICLE_BYTES + SEED.len() + 2);
    while text.len() < LONG_ARTICLE_BYTES {
        text.push_str(SEED.trim_end());
        text.push_str("\n\n");
    }
    text
}

fn extract(c: &mut Criterion) {
    let long = long_article();
    let mut group = c.benchmark_group("extract_claims");
    // Short runs keep the whole `make bench` within minutes on a shared 2-core machine.
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (name, text) in [("seed", SEED), ("long-200KB", long.as_str())] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| claimtrack_parser::extract_claims(black_box(text)))
        });
    }
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
