//! The whole extract path of one article: parser, classifier, CSV rows with
//! code point offsets, the CLI's CSV writer (both cell policies), and the CSV
//! read back.

#![no_main]

use claimtrack_cli::cells::CellPolicy;
use claimtrack_cli::input::Article;
use claimtrack_cli::output::ClaimsCsv;
use claimtrack_cli::pipeline::{extract_rows, RowSink};
use claimtrack_cli::row::{ClaimRow, COLUMNS};
use libfuzzer_sys::fuzz_target;

/// The characters `chars[start..end]`, or `None` when the offsets do not fit.
fn chars_at(chars: &[char], start: usize, end: usize) -> Option<String> {
    chars.get(start..end).map(|c| c.iter().collect())
}

/// True when a spreadsheet-safe writer must prefix `cell` with `'`: it starts
/// with a formula character, possibly after apostrophes (so that the escape
/// can be undone exactly).
fn escaped(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `rows` written as the CLI writes them, then read back.
fn round_trip(rows: &[ClaimRow], policy: CellPolicy) -> Vec<ClaimRow> {
    let mut sink = ClaimsCsv::new(Vec::new(), policy).expect("header written");
    sink.article(rows).expect("rows written");
    let out = sink.finish().expect("flushed");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(out.as_slice());
    let header = reader.headers().expect("a header").clone();
    assert_eq!(header.iter().collect::<Vec<_>>(), COLUMNS);
    let back: Vec<ClaimRow> = reader
        .deserialize()
        .collect::<Result<_, _>>()
        .expect("the CSV reads back as rows");
    assert_eq!(back.len(), rows.len(), "row count changed in the CSV");
    back
}

fuzz_target!(|data: &[u8]| {
    let article = Article {
        doc_id: "fuzz".to_string(),
        text: String::from_utf8_lossy(data).into_owned(),
    };
    // On a thread with the stack the CLI's pipeline workers get (Rust's
    // default, 2 MiB), so that deep recursion fails here as it would there.
    let rows = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn_scoped(scope, || extract_rows(&article))
            .expect("a thread")
            .join()
            .expect("extract_rows panicked")
    });
    let chars: Vec<char> = article.text.chars().collect();

    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.claim, i + 1, "claims numbered 1, 2, 3 ...");
        assert!(
            row.start < row.end,
            "row {i}: empty text {}..{}",
            row.start,
            row.end
        );
        assert_eq!(
            chars_at(&chars, row.start, row.end).as_deref(),
            Some(row.text.as_str()),
            "row {i}: text is not article[start..end]"
        );
        for (what, words, start, end) in [
            (
                "speaker_mention",
                &row.speaker_mention,
                row.speaker_start,
                row.speaker_end,
            ),
            ("cue", &row.cue, row.cue_start, row.cue_end),
        ] {
            match (start, end) {
                (Some(s), Some(e)) => assert_eq!(
                    chars_at(&chars, s, e).as_deref(),
                    Some(words.as_str()),
                    "row {i}: {what} is not article[{s}..{e}]"
                ),
                (None, None) => assert!(words.is_empty(), "row {i}: {what} with no offsets"),
                _ => panic!("row {i}: {what} has one offset of two"),
            }
        }
    }
    for pair in rows.windows(2) {
        assert!(pair[0].start <= pair[1].start, "rows not sorted by start");
    }

    // --raw-cells: every row back exactly.
    assert_eq!(
        round_trip(&rows, CellPolicy::Raw),
        rows,
        "raw CSV round trip"
    );

    // The default: a `'` before formula-like cells, and only before those.
    let back = round_trip(&rows, CellPolicy::Safe);
    for (i, (row, mut back)) in rows.iter().zip(back).enumerate() {
        let want = if escaped(&row.text) {
            format!("'{}", row.text)
        } else {
            row.text.clone()
        };
        assert_eq!(back.text, want, "row {i}: text cell");
        back.unescape_cells();
        assert_eq!(&back, row, "row {i}: unescaped row");
    }
});
