//! Pattern fixtures, end to end: `claimtrack extract` on every
//! `fixtures/patterns/NAME.txt` is compared with `NAME.expected.csv`, field by
//! field.
//!
//! The expected files are the truth (what a careful annotator following the
//! contract writes), not the tool's output; see `fixtures/patterns/README.md`.
//! Fixtures the parser gets wrong today are listed in [`KNOWN_GAPS`]: for them
//! the test asserts that the output still differs, and prints the difference,
//! so that fixing the parser makes the test fail until the entry is removed.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// Fixtures whose expected claims the tool does not produce yet. Remove an
/// entry as soon as its fixture passes (the test fails until you do).
const KNOWN_GAPS: &[&str] = &[
    // Capitalised role words outside the title lexicon before an uncommon given
    // name ("Chef Paolo Brennan") are taken into the name.
    "speaker-roles",
];

fn patterns_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/patterns")
}

/// The fixture names (file stems of `fixtures/patterns/*.txt`), sorted.
fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(patterns_dir())
        .expect("fixtures/patterns")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .map(|path| {
            path.file_stem()
                .and_then(|stem| stem.to_str())
                .expect("a UTF-8 file name")
                .to_string()
        })
        .collect();
    names.sort();
    names
}

/// A parsed claims CSV: its header and rows.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn parse(csv_text: &str) -> Table {
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let header = reader
            .headers()
            .expect("a header row")
            .iter()
            .map(str::to_string)
            .collect();
        let rows = reader
            .records()
            .map(|r| r.expect("a CSV row").iter().map(str::to_string).collect())
            .collect();
        Table { header, rows }
    }

    fn column(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name:?}"))
    }

    /// The `start..end` of row `i`'s text (code points).
    fn span(&self, i: usize) -> (usize, usize) {
        let get = |name: &str| {
            self.rows[i][self.column(name)]
                .parse::<usize>()
                .unwrap_or(0)
        };
        (get("start"), get("end"))
    }
}

/// The field-level differences between the expected and actual claims of one
/// article, one line each; empty when they agree.
///
/// Rows are paired by their text spans (each expected row with the unused
/// actual row that overlaps it most), so a missing claim shows as one missing
/// row rather than shifting every comparison after it.
fn diff(expected: &Table, actual: &Table) -> Vec<String> {
    let mut out = Vec::new();
    if expected.header != actual.header {
        out.push(format!(
            "header: expected {:?}, got {:?}",
            expected.header, actual.header
        ));
        return out;
    }
    let text = expected.column("text");
    let mut used = vec![false; actual.rows.len()];
    for (i, want) in expected.rows.iter().enumerate() {
        let (ws, we) = expected.span(i);
        let best = (0..actual.rows.len())
            .filter(|&j| !used[j])
            .map(|j| {
                let (s, e) = actual.span(j);
                (j, we.min(e).saturating_sub(ws.max(s)))
            })
            .filter(|&(_, overlap)| overlap > 0)
            .max_by_key(|&(j, overlap)| (overlap, std::cmp::Reverse(j)));
        let Some((j, _)) = best else {
            out.push(format!(
                "expected claim {} missing: {ws}..{we} {:?}",
                i + 1,
                want[text]
            ));
            continue;
        };
        used[j] = true;
        for (c, name) in expected.header.iter().enumerate() {
            if want[c] != actual.rows[j][c] {
                out.push(format!(
                    "claim {} ({ws}..{we}) {name}: expected {:?}, got {:?}",
                    i + 1,
                    want[c],
                    actual.rows[j][c]
                ));
            }
        }
    }
    for (j, row) in actual.rows.iter().enumerate() {
        if !used[j] {
            let (s, e) = actual.span(j);
            out.push(format!(
                "unexpected claim {} ({s}..{e}) {:?}",
                j + 1,
                row[text]
            ));
        }
    }
    out
}

/// Runs `claimtrack extract` on one fixture; returns its claims CSV.
fn extract(name: &str) -> String {
    let out = Command::cargo_bin("claimtrack")
        .expect("the claimtrack binary")
        .arg("extract")
        .arg(patterns_dir().join(format!("{name}.txt")))
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output")
}

#[test]
fn pattern_fixtures_match_their_expected_claims() {
    let names = fixture_names();
    assert!(!names.is_empty(), "no fixtures in fixtures/patterns");
    for gap in KNOWN_GAPS {
        assert!(
            names.iter().any(|n| n == gap),
            "KNOWN_GAPS names {gap:?}, which is no fixture"
        );
    }

    let mut failures = String::new();
    for name in &names {
        let expected_path = patterns_dir().join(format!("{name}.expected.csv"));
        let expected = fs::read_to_string(&expected_path)
            .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        let differences = diff(&Table::parse(&expected), &Table::parse(&extract(name)));
        let known_gap = KNOWN_GAPS.contains(&name.as_str());
        match (known_gap, differences.is_empty()) {
            (false, true) => println!("{name}: ok"),
            (true, false) => {
                println!("{name}: known gap, {} differences", differences.len());
                for line in &differences {
                    println!("    {line}");
                }
            }
            (false, false) => {
                let _ = writeln!(failures, "{name}: output differs from {name}.expected.csv");
                for line in &differences {
                    let _ = writeln!(failures, "    {line}");
                }
            }
            (true, true) => {
                let _ = writeln!(
                    failures,
                    "{name}: now matches its expected claims; remove it from KNOWN_GAPS"
                );
            }
        }
    }
    assert!(failures.is_empty(), "\n{failures}");
}

#[test]
fn every_pattern_fixture_has_an_expected_csv() {
    for name in fixture_names() {
        let path = patterns_dir().join(format!("{name}.expected.csv"));
        assert!(path.is_file(), "{} is missing", path.display());
    }
}

/// The diff itself: agreement gives nothing; a changed field, a missing and
/// an extra claim are each reported.
#[test]
fn diff_reports_changed_missing_and_extra_claims() {
    let header = "doc_id,claim,speaker,text,start,end\n";
    let expected = Table::parse(&format!("{header}d,1,A,x,0,5\nd,2,B,y,10,15\n"));
    assert!(diff(&expected, &expected).is_empty());

    let actual = Table::parse(&format!("{header}d,1,C,x,0,5\nd,2,B,z,20,25\n"));
    let lines = diff(&expected, &actual);
    assert_eq!(lines.len(), 3, "{lines:#?}");
    assert!(lines[0].contains("speaker: expected \"A\", got \"C\""));
    assert!(lines[1].contains("expected claim 2 missing"));
    assert!(lines[2].contains("unexpected claim 2"));
}
