//! The founding article, end to end: `claimtrack extract` on
//! `fixtures/seed/newser-2022-07-12.txt` must reproduce its gold annotation.
//!
//! Two views of the same check: a byte-for-byte comparison with the expected CSV
//! (catches any change at all, quoting and header included), and a field-by-field
//! comparison with the gold JSON (says *which* field of *which* quote drifted).
//! The expected CSV was produced by the binary and then verified by hand against
//! the gold on every field, so both tests encode the annotators' answer, not the
//! tool's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn seed_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seed")
}

fn seed_file(ext: &str) -> PathBuf {
    seed_dir().join(format!("newser-2022-07-12.{ext}"))
}

/// Runs `claimtrack extract` on the seed article; returns its standard output.
fn extract_seed() -> String {
    let out = Command::cargo_bin("claimtrack")
        .expect("the claimtrack binary")
        .arg("extract")
        .arg(seed_file("txt"))
        .assert()
        .success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output")
}

/// The output's rows as column -> value maps, in output order.
fn rows_of(csv_text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().expect("a header row").clone();
    reader
        .records()
        .map(|record| {
            let record = record.expect("a well-formed CSV row");
            headers
                .iter()
                .zip(record.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn seed_output_equals_expected_csv_byte_for_byte() {
    let expected = std::fs::read_to_string(seed_file("expected.csv")).expect("expected CSV");
    let actual = extract_seed();
    if actual != expected {
        for (i, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
            if a != e {
                eprintln!("line {}:\n  expected: {e}\n  actual:   {a}", i + 1);
            }
        }
        panic!(
            "seed output differs from fixtures/seed/newser-2022-07-12.expected.csv \
             ({} lines expected, {} produced); see the lines above",
            expected.lines().count(),
            actual.lines().count()
        );
    }
}

/// A gold field as the CSV writes it: strings as they are, numbers in decimal,
/// null and absent as empty.
fn gold_field(quote: &Value, key: &str) -> String {
    match quote.get(key) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

#[test]
fn seed_output_matches_gold_field_by_field() {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(seed_file("gold.json")).expect("gold"))
            .expect("gold JSON");
    let quotes = gold["quotes"].as_array().expect("gold quotes");
    let rows = rows_of(&extract_seed());

    // (gold key, CSV column): the contract's mapping from gold to output.
    const FIELDS: &[(&str, &str)] = &[
        ("text", "text"),
        ("start", "start"),
        ("end", "end"),
        ("speaker", "speaker_mention"),
        ("speaker_start", "speaker_start"),
        ("speaker_end", "speaker_end"),
        ("cue", "cue"),
        ("cue_start", "cue_start"),
        ("cue_end", "cue_end"),
        ("speaker_ref", "speaker"),
        ("speaker_kind", "speaker_kind"),
        ("speaker_role", "speaker_role"),
        ("kind", "kind"),
        ("stance", "stance"),
        ("stance_cue", "stance_cue"),
    ];

    let mut drift = Vec::new();
    if rows.len() != quotes.len() {
        drift.push(format!(
            "{} gold quotes, {} claims written",
            quotes.len(),
            rows.len()
        ));
    }
    for (n, quote) in quotes.iter().enumerate() {
        let (start, end) = (gold_field(quote, "start"), gold_field(quote, "end"));
        // Pair by span rather than position, so one missing claim does not
        // shift every later comparison.
        let Some(row) = rows.iter().find(|r| r["start"] == start && r["end"] == end) else {
            drift.push(format!(
                "gold quote {} ({start}..{end}) {:?}: no claim with this span",
                n + 1,
                gold_field(quote, "text")
            ));
            continue;
        };
        for &(key, column) in FIELDS {
            let (want, got) = (gold_field(quote, key), &row[column]);
            if &want != got {
                drift.push(format!(
                    "gold quote {} ({start}..{end}) {column}: gold {want:?}, output {got:?}",
                    n + 1
                ));
            }
        }
        drift.extend(responds_to_drift(n + 1, quote, row, &rows));
    }
    assert!(
        drift.is_empty(),
        "seed output drifted from gold:\n{}",
        drift.join("\n")
    );
}

/// Checks `responds_to`. The gold names the answered claim in words ("the US
/// claim"); the CSV gives a claim number. The answered claim is right when its
/// resolved speaker is one of the words of the gold phrase; with no gold phrase
/// the column must be empty.
fn responds_to_drift(
    n: usize,
    quote: &Value,
    row: &HashMap<String, String>,
    rows: &[HashMap<String, String>],
) -> Option<String> {
    let want = gold_field(quote, "responds_to");
    let got = &row["responds_to"];
    if want.is_empty() {
        return (!got.is_empty())
            .then(|| format!("gold quote {n} responds_to: gold empty, output {got:?}"));
    }
    let Some(target) = rows.iter().find(|r| &r["claim"] == got) else {
        return Some(format!(
            "gold quote {n} responds_to: gold {want:?}, output {got:?} names no claim"
        ));
    };
    let speaker = &target["speaker"];
    let named = !speaker.is_empty() && want.split_whitespace().any(|w| w == speaker);
    (!named).then(|| {
        format!(
            "gold quote {n} responds_to: gold {want:?}, output claim {got} by {speaker:?}: {:?}",
            target["text"]
        )
    })
}
