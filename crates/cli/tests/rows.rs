//! Properties of the claims CSV rows on any input, arbitrary or news-like,
//! formula characters included: extraction never panics; claims are
//! numbered 1..n in order of start; every offset is in bounds with start <
//! end; `text`, `speaker_mention` and `cue` equal the article's code points at
//! their offsets, except for the leading `'` of a spreadsheet-escaped cell
//! (see `claimtrack_cli::cells`); the CSV reads back strictly with one record
//! per row; and a second run gives the same bytes.

use claimtrack_cli::cells::{unescape, CellPolicy};
use claimtrack_cli::input::Article;
use claimtrack_cli::output::ClaimsCsv;
use claimtrack_cli::pipeline::{extract_rows, RowSink};
use claimtrack_cli::row::ClaimRow;
use proptest::prelude::*;

/// Fragments that build news-like text, formula triggers among them.
const FRAGMENTS: &[&str] = &[
    "\"We will win,\" Jane Doe said. ",
    "\u{201C}It was time,\u{201D} he said, \u{201C}and we go.\u{201D} ",
    "The Kremlin said ",
    "Officials said ",
    "according to police, ",
    "the ministry denied the report. ",
    "She declined to comment. ",
    "= ",
    "=HYPERLINK(\"http://x\") ",
    "+5 ",
    "-40 degrees ",
    "@handle ",
    "\t",
    "\r",
    "\r\n",
    "\n\n",
    "\"",
    "'",
    "«",
    "»",
    "é",
    "中文",
    "😀",
    "\u{feff}",
    "\0",
    "was a record. ",
    "Peskov told reporters that ",
    "there was no discussion. ",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|parts| parts.concat())
}

/// The CSV of one article's rows, written the way `claimtrack extract` does.
fn csv_of(rows: &[ClaimRow]) -> Vec<u8> {
    let mut csv = ClaimsCsv::new(Vec::new(), CellPolicy::Safe).unwrap();
    csv.article(rows).unwrap();
    csv.finish().unwrap()
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let article = Article {
        doc_id: "d".into(),
        text: text.to_string(),
    };
    let rows = extract_rows(&article);
    let chars: Vec<char> = text.chars().collect();
    let slice = |a: usize, b: usize| -> Option<String> {
        (a < b && b <= chars.len()).then(|| chars[a..b].iter().collect())
    };
    let bytes = csv_of(&rows);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(&bytes[..]);
    let records: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| TestCaseError::fail(format!("CSV does not read back: {e}")))?;
    prop_assert_eq!(records.len(), rows.len());
    let mut last_start = 0;
    for (i, (row, record)) in rows.iter().zip(&records).enumerate() {
        prop_assert_eq!(row.claim, i + 1);
        prop_assert!(row.start >= last_start, "sorted by start");
        last_start = row.start;
        prop_assert_eq!(slice(row.start, row.end), Some(row.text.clone()));
        // The written cell is the text, or the text after one apostrophe.
        prop_assert_eq!(unescape(&record[15]), row.text.as_str());
        for (cell, span) in [
            (&row.speaker_mention, row.speaker_start.zip(row.speaker_end)),
            (&row.cue, row.cue_start.zip(row.cue_end)),
        ] {
            match span {
                Some((a, b)) => prop_assert_eq!(slice(a, b), Some(cell.clone())),
                None => prop_assert!(cell.is_empty()),
            }
        }
        if let Some(n) = row.responds_to {
            prop_assert!(n >= 1 && n <= rows.len() && n != row.claim);
        }
    }
    prop_assert_eq!(csv_of(&extract_rows(&article)), bytes, "same bytes twice");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn rows_keep_the_contract_on_arbitrary_text(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn rows_keep_the_contract_on_news_like_text(text in news_like()) {
        check(&text)?;
    }
}
