//! Throughput of `classify` on the seed article with its twelve hand-built
//! claims, and on a long article made of the seed repeated (to show the cost
//! grows with the text, not with claims squared).
//!
//! `cargo bench -p claimtrack-classifier --bench classify`

use claimtrack_classifier::classify;
use claimtrack_parser::{Claim, ClaimKind, ResolvedSpeaker, Span, SpeakerKind};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const SEED: &str = include_str!("../../../fixtures/seed/newser-2022-07-12.txt");

/// The seed's claims as the gold has them: content from its first to its last
/// words, the speaker mention and the cue (first occurrence after `after`).
const CLAIMS: [(&str, &str, &str, &str, &str, &str); 12] = [
    (
        "Russian President",
        "next week",
        "the Kremlin",
        "said",
        "",
        "Kremlin",
    ),
    ("Tehran could", "in Ukraine", "the US", "warned", "", "US"),
    (
        "During a trip",
        "Syria-related talks",
        "Dmitry Peskov",
        "said",
        "",
        "Dmitry Peskov",
    ),
    (
        "Putin's visit to Iran will",
        "of discussion",
        "the AP",
        "per",
        "",
        "AP",
    ),
    (
        "it believes",
        "use in Ukraine",
        "The White House",
        "said",
        "",
        "White House",
    ),
    (
        "it was unclear",
        "to Russia",
        "Jake Sullivan",
        "said",
        "",
        "Jake Sullivan",
    ),
    (
        "the US has",
        "this month",
        "he",
        "noted",
        " but ",
        "Jake Sullivan",
    ),
    (
        "\"Our information",
        "timeline,\"",
        "Sullivan",
        "told",
        "\"Our",
        "Jake Sullivan",
    ),
    (
        "\"Iran's cooperation",
        "recently.\"",
        "An Iranian",
        "noting",
        "",
        "Iranian Foreign Ministry spokesman",
    ),
    (
        "Putin's trip would",
        "nations",
        "Mohammadreza Pourebrahimi",
        "told",
        "",
        "Mohammadreza Pourebrahimi",
    ),
    (
        "on Putin's visit",
        "Erdogan",
        "Peskov",
        "added",
        "Erdogan.",
        "Dmitry Peskov",
    ),
    (
        "there was no discussion",
        "negotiations",
        "Peskov",
        "said",
        "Istanbul.",
        "Dmitry Peskov",
    ),
];

fn find(text: &str, needle: &str, from: usize) -> Span {
    let start = text[from..].find(needle).map_or(from, |i| from + i);
    Span::new(start, start + needle.len())
}

fn seed_claims(text: &str) -> Vec<Claim> {
    CLAIMS
        .iter()
        .map(|&(first, last, mention, cue, after, name)| {
            let from = find(text, after, 0).start;
            let start = find(text, first, from).start;
            let sentence = text[..start].rfind(". ").map_or(0, |i| i + 2).max(from);
            let mut mention_span = find(text, mention, sentence);
            if mention == "An Iranian" {
                mention_span.end = find(text, "spokesman", mention_span.start).end;
            }
            Claim {
                text: Span::new(start, find(text, last, start).end),
                kind: if first.starts_with('"') {
                    ClaimKind::Direct
                } else {
                    ClaimKind::Indirect
                },
                cue: Some(find(text, cue, sentence)),
                mention: Some(mention_span),
                speaker: ResolvedSpeaker {
                    name: name.to_string(),
                    kind: SpeakerKind::Person,
                    role: String::new(),
                },
            }
        })
        .collect()
}

/// `copies` seeds one after the other, with every claim shifted along.
fn repeated(copies: usize) -> (String, Vec<Claim>) {
    let one = seed_claims(SEED);
    let shift = |s: Span, by: usize| Span::new(s.start + by, s.end + by);
    let text = SEED.repeat(copies);
    let claims = (0..copies)
        .flat_map(|k| {
            one.iter().map(move |c| Claim {
                text: shift(c.text, k * SEED.len()),
                cue: c.cue.map(|s| shift(s, k * SEED.len())),
                mention: c.mention.map(|s| shift(s, k * SEED.len())),
                ..c.clone()
            })
        })
        .collect();
    (text, claims)
}

fn bench(c: &mut Criterion) {
    let claims = seed_claims(SEED);
    let judged = classify(SEED, &claims);
    assert_eq!(
        judged[8].stance_cue.map(|s| s.slice(SEED)),
        Some("didn't deny"),
        "bench claims are off"
    );

    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("seed", |b| {
        b.iter(|| classify(black_box(SEED), black_box(&claims)))
    });
    let (long, long_claims) = repeated(40);
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("seed_x40", |b| {
        b.iter(|| classify(black_box(&long), black_box(&long_claims)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
