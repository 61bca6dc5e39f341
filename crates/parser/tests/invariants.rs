//! Properties `extract_claims` must keep on any input, whatever it finds:
//! it never panics; every span (content, cue, mention) lies inside the text on
//! `char` boundaries; claims come sorted by content start, with disjoint,
//! non-empty contents; `CharOffsets` agrees with counting characters; and
//! the document's index of capitalised words is exact.
//!
//! Inputs: arbitrary strings, news-like text assembled from fragments rich in
//! quotation marks, apostrophes, reporting cues, newlines and multi-byte
//! characters, and every text fixture in the repository.

use std::fs;
use std::path::{Path, PathBuf};

use claimtrack_parser::structure::{Document, TokenKind};
use claimtrack_parser::{attribution, resolve};
use claimtrack_parser::{extract_claims, CharOffsets, Claim, Span};
use proptest::prelude::*;

/// Checks every invariant on `text`; returns the first broken one.
fn check_invariants(text: &str) -> Result<(), String> {
    let claims = extract_claims(text);
    let offsets = CharOffsets::new(text);
    let valid = |what: &str, i: usize, span: Span| -> Result<(), String> {
        if span.start > span.end || span.end > text.len() {
            return Err(format!(
                "claim {i}: {what} {span:?} out of bounds ({} bytes)",
                text.len()
            ));
        }
        if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Err(format!("claim {i}: {what} {span:?} not on char boundaries"));
        }
        for byte in [span.start, span.end] {
            let counted = text[..byte].chars().count();
            if offsets.char_offset(byte) != counted {
                return Err(format!(
                    "claim {i}: char_offset({byte}) = {}, counted {counted}",
                    offsets.char_offset(byte)
                ));
            }
        }
        Ok(())
    };
    for (i, claim) in claims.iter().enumerate() {
        valid("text", i, claim.text)?;
        if let Some(cue) = claim.cue {
            valid("cue", i, cue)?;
        }
        if let Some(mention) = claim.mention {
            valid("mention", i, mention)?;
        }
        let content = claim.text.slice(text);
        if content.is_empty() {
            return Err(format!("claim {i}: empty content {:?}", claim.text));
        }
        if content != &text[claim.text.start..claim.text.end] {
            return Err(format!("claim {i}: slice disagrees with indexing"));
        }
    }
    for (i, pair) in claims.windows(2).enumerate() {
        let (a, b) = (pair[0].text, pair[1].text);
        if a.start > b.start {
            return Err(format!("claims {i} and {}: not sorted by start", i + 1));
        }
        if a.overlaps(b) {
            return Err(format!(
                "claims {i} and {}: contents overlap ({a:?}, {b:?})",
                i + 1
            ));
        }
    }
    check_capitals(text)
}

/// The document's index of capitalised words holds exactly the word tokens
/// that start with an uppercase letter, in order.
fn check_capitals(text: &str) -> Result<(), String> {
    let doc = Document::parse(text);
    let expected: Vec<usize> = doc
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            t.kind == TokenKind::Word
                && t.span
                    .slice(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
        .map(|(k, _)| k)
        .collect();
    if doc.capitals != expected {
        return Err(format!(
            "capitals index {:?} differs from the capitalised words {:?}",
            doc.capitals, expected
        ));
    }
    Ok(())
}

/// `CharOffsets` on every char boundary, not just at claim ends.
fn check_char_offsets(text: &str) -> Result<(), String> {
    let offsets = CharOffsets::new(text);
    let boundaries = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    for (count, byte) in boundaries.enumerate() {
        if offsets.char_offset(byte) != count {
            return Err(format!(
                "char_offset({byte}) = {}, expected {count}",
                offsets.char_offset(byte)
            ));
        }
    }
    Ok(())
}

/// Pieces of news text: cues, speakers, apostrophes, every kind of quotation
/// mark, datelines, and multi-byte characters.
const FRAGMENTS: &[&str] = &[
    "said",
    "told reporters",
    "told IRNA that",
    "according to",
    "per",
    "noted",
    "added",
    "noting that",
    "adding",
    "warned",
    "confirmed",
    "denied the report",
    "declined to comment",
    "would neither confirm nor deny",
    "didn't deny",
    "rejected the allegations as baseless",
    "Peskov",
    "Kremlin spokesman Dmitry Peskov",
    "the Kremlin",
    "The White House",
    "he",
    "she",
    "officials",
    "a spokesperson",
    "Sources familiar with the matter",
    "Jean\u{2011}Luc O\u{2019}Neil",
    "Élodie",
    "Iran's",
    "didn't",
    "'90s",
    "won\u{2019}t",
    "rock 'n' roll",
    "O'Brien",
    "WASHINGTON (Reuters) -",
    "date 2022-07-12 (Newser) \u{2013}",
    "\"hundreds\"",
    "\"",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "\u{2018}",
    "\u{2019}",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "\u{2014}",
    "\u{2013}",
    "é",
    "中文",
    "…",
    "😀",
    "\u{00A0}",
    "\u{200B}",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "(",
    ")",
    "-",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\"We will win,\" Jane Doe said.",
    "\u{201C}It was time,\u{201D} he said, \u{201C}and",
    "we will go.\u{201D}",
    "\u{2018}Not now,\u{2019} said Ms Holm.",
    "«Jamais», a-t-il dit.",
    "the claims were false",
    "there was no discussion",
    "Mr. Smith",
    "U.S.",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", "", ", ", ". ", "\n", "\n\n"];

/// News-like text: fragments joined by separators.
fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(FRAGMENTS),
            prop::sample::select(SEPARATORS),
        ),
        0..60,
    )
    .prop_map(|parts| parts.into_iter().flat_map(|(f, s)| [f, s]).collect())
}

/// News-like text with arbitrary characters mixed in.
fn news_with_noise() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
            1 => "[a-zA-Z ]{1,12}",
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn invariants_hold_on_arbitrary_strings(text in any::<String>()) {
        prop_assert_eq!(check_invariants(&text), Ok(()));
    }

    #[test]
    fn invariants_hold_on_news_like_text(text in news_like()) {
        prop_assert_eq!(check_invariants(&text), Ok(()));
    }

    #[test]
    fn invariants_hold_on_noisy_news_like_text(text in news_with_noise()) {
        prop_assert_eq!(check_invariants(&text), Ok(()));
    }

    #[test]
    fn char_offsets_agree_with_counting_chars(text in news_with_noise()) {
        prop_assert_eq!(check_char_offsets(&text), Ok(()));
    }

    #[test]
    fn reused_buffers_find_what_fresh_ones_find(texts in prop::collection::vec(news_with_noise(), 1..8)) {
        for text in &texts {
            prop_assert_eq!(extract_claims(text), claims_afresh(text));
        }
    }
}

/// The claims of `text` by the three stages, each with vectors of its own:
/// what `extract_claims`, which keeps its vectors from one text to the
/// next, must find.
fn claims_afresh(text: &str) -> Vec<Claim> {
    let doc = Document::parse(text);
    resolve::resolve(&doc, &attribution::attributions(&doc))
}

/// Every `.txt`, `.md` and extension-less file under `dir`, recursively.
fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            text_files(&path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            None | Some("txt" | "md")
        ) {
            out.push(path);
        }
    }
}

/// The repository's text fixtures, in path order (at least ten of them:
/// fewer means they were not found).
fn fixture_texts() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut files = Vec::new();
    text_files(&root, &mut files);
    files.sort();
    assert!(
        files.len() >= 10,
        "expected the repository's text fixtures under {}, found {}",
        root.display(),
        files.len()
    );
    files
}

#[test]
fn invariants_hold_on_every_fixture_text() {
    let files = fixture_texts();
    let mut claims = 0;
    for path in &files {
        let Ok(text) = fs::read_to_string(path) else {
            continue;
        };
        claims += extract_claims(&text).len();
        if let Err(broken) = check_invariants(&text).and_then(|()| check_char_offsets(&text)) {
            panic!("{}: {broken}", path.display());
        }
    }
    // The seed article alone has a dozen claims: finding none means the
    // fixtures were not read, not that the invariants hold.
    assert!(
        claims > 0,
        "no claims found in {} fixture files",
        files.len()
    );
}

/// Article after article, in both orders and with one too long for its
/// vectors to be kept between them, `extract_claims` (which reuses them)
/// finds what fresh vectors find.
#[test]
fn reused_buffers_find_what_fresh_ones_find_in_every_fixture() {
    let mut texts: Vec<String> = fixture_texts()
        .iter()
        .filter_map(|path| fs::read_to_string(path).ok())
        .collect();
    assert!(texts.len() >= 10, "fixtures read: {}", texts.len());
    // Past the length up to which `extract_claims` keeps its vectors.
    let all = texts.concat();
    let long = all.repeat((1 << 20) / all.len().max(1) + 1);
    texts.insert(texts.len() / 2, long);
    let reversed: Vec<String> = texts.iter().rev().cloned().collect();
    for (i, text) in texts.iter().chain(&reversed).enumerate() {
        assert_eq!(extract_claims(text), claims_afresh(text), "text {i}");
    }
}

/// `check_invariants(text)`, failing (rather than stalling the test run)
/// when it takes longer than `LIMIT`, far beyond the milliseconds these
/// inputs need: the guard of the hangs fuzzing found, not a speed target.
fn check_invariants_or_hang(name: &str, text: String) {
    const LIMIT: std::time::Duration = std::time::Duration::from_secs(10);
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(check_invariants(&text)));
    match receive.recv_timeout(LIMIT) {
        Ok(Ok(())) => {}
        Ok(Err(broken)) => panic!("{name}: {broken}"),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name}: no result after {LIMIT:?}")
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            panic!("{name}: extract_claims panicked")
        }
    }
}

/// Inputs on which `make fuzz` found a crash or hang, kept as found in
/// `tests/fuzz-regressions/` (bytes, read lossily as the fuzz targets do).
#[test]
fn fuzz_regressions_keep_the_invariants() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().is_some_and(|name| name != "README.md"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no inputs in {}", dir.display());
    for path in paths {
        let text = String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned();
        check_invariants_or_hang(&path.display().to_string(), text);
    }
}

/// The same hang, generalised: a run of commas before a cue made the reading
/// of `Name, apposition, said` branch at every comma (100 commas: hours).
#[test]
fn runs_of_commas_before_a_cue_finish() {
    for n in [100, 300] {
        let texts = [
            format!(
                "The festival will go ahead{} said farm manager Hilde Strand.",
                ",".repeat(n)
            ),
            format!(
                "The festival will go ahead{} said farm manager Hilde Strand.",
                ", a".repeat(n)
            ),
            format!(
                "Strand{} said the field will close.",
                ", the manager,".repeat(n)
            ),
        ];
        for (k, text) in texts.into_iter().enumerate() {
            check_invariants_or_hang(&format!("commas {n} #{k}"), text);
        }
    }
}

/// `Ann at Ann at ... said`: each `at` nests a call for the name before it,
/// one stack frame per word pair. Before sentences were capped at 250 tokens
/// this 56 KB article overflowed the stack of a 2 MiB thread (what the CLI's
/// workers have) and aborted the whole run; the cap bounds the depth now.
#[test]
fn a_long_chain_of_affiliations_does_not_overflow_the_stack() {
    let text = format!("{}Ann said the plan would work.", "Ann at ".repeat(8000));
    let found = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || check_invariants(&text).map(|()| extract_claims(&text).len()))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(found, Ok(1));
}
