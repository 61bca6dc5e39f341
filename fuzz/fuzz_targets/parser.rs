//! `extract_claims` on any text: no panic, and every span it returns lies in
//! the text on `char` boundaries and is non-empty; claims come sorted by start
//! with disjoint contents.

#![no_main]

use claimtrack_parser::{extract_claims, Span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Lossy, so that mutations which break UTF-8 still reach the parser (as
    // U+FFFD, a three-byte character).
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let claims = extract_claims(text);
    let check = |i: usize, what: &str, span: Span| {
        assert!(
            span.start < span.end && span.end <= text.len(),
            "claim {i}: {what} {span:?} empty or out of bounds ({} bytes)",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "claim {i}: {what} {span:?} not on char boundaries"
        );
    };
    for (i, claim) in claims.iter().enumerate() {
        check(i, "text", claim.text);
        if let Some(cue) = claim.cue {
            check(i, "cue", cue);
        }
        if let Some(mention) = claim.mention {
            check(i, "mention", mention);
        }
    }
    for (i, pair) in claims.windows(2).enumerate() {
        let (a, b) = (pair[0].text, pair[1].text);
        assert!(a.start <= b.start, "claims {i}, {}: not sorted", i + 1);
        assert!(
            !a.overlaps(b),
            "claims {i}, {}: {a:?} overlaps {b:?}",
            i + 1
        );
    }
});
