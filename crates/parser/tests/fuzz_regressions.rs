//! Inputs the fuzzer (`make fuzz`) found a crash or hang with, kept in
//! `tests/fuzz-regressions/`: `extract_claims` must finish on each within a
//! few seconds, without panicking, and keep its invariants (every span in the
//! text on `char` boundaries and non-empty; claims sorted by start, contents
//! disjoint).

use std::fs;
use std::path::Path;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use claimtrack_parser::{extract_claims, Span};

/// Far more than any of these inputs needs (milliseconds), even unoptimised.
const LIMIT: Duration = Duration::from_secs(10);

fn check(text: &str) -> Result<(), String> {
    let claims = extract_claims(text);
    let valid = |i: usize, what: &str, span: Span| {
        if span.start >= span.end || span.end > text.len() {
            return Err(format!("claim {i}: {what} {span:?} empty or out of bounds"));
        }
        if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Err(format!("claim {i}: {what} {span:?} not on char boundaries"));
        }
        Ok(())
    };
    for (i, claim) in claims.iter().enumerate() {
        valid(i, "text", claim.text)?;
        if let Some(cue) = claim.cue {
            valid(i, "cue", cue)?;
        }
        if let Some(mention) = claim.mention {
            valid(i, "mention", mention)?;
        }
    }
    for (i, pair) in claims.windows(2).enumerate() {
        let (a, b) = (pair[0].text, pair[1].text);
        if a.start > b.start || a.overlaps(b) {
            return Err(format!("claims {i}, {}: {a:?} then {b:?}", i + 1));
        }
    }
    Ok(())
}

#[test]
fn fuzz_regressions_keep_the_invariants_in_time() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().is_some_and(|name| name != "README.md"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no inputs in {}", dir.display());
    for path in paths {
        let text = String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned();
        let (send, receive) = mpsc::channel();
        // A thread, so that a hang fails the test instead of stalling it.
        thread::spawn(move || send.send(check(&text)));
        match receive.recv_timeout(LIMIT) {
            Ok(result) => {
                if let Err(e) = result {
                    panic!("{}: {e}", path.display());
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                panic!("{}: no result after {LIMIT:?}", path.display())
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                panic!("{}: extract_claims panicked", path.display())
            }
        }
    }
}
