//! End-to-end tests of `claimtrack eval`.
//!
//! The agreement tests compare the binary with outputs of the reference scorer
//! (`../shared/tools/score_quotes.py`) recorded in `fixtures/eval/expected/`,
//! so they need neither Python nor `../shared`. `fixtures/eval/build_fixtures.py`
//! rebuilds the fixtures and the recordings; `live_agreement_with_score_quotes_py`
//! re-runs the script when it is at hand.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(rel: &str) -> PathBuf {
    repo().join("fixtures").join(rel)
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(fixture(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn claimtrack() -> Command {
    Command::cargo_bin("claimtrack").expect("the claimtrack binary")
}

/// Runs `claimtrack eval` and returns (exit code, stdout, stderr).
fn eval(args: &[&str]) -> (i32, String, String) {
    let out = claimtrack()
        .arg("eval")
        .args(args)
        .output()
        .expect("run claimtrack");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

fn path(rel: &str) -> String {
    fixture(rel).to_string_lossy().into_owned()
}

/// The hand gold (no stances) scored against the hand claims.
fn hand(extra: &[&str]) -> (i32, String, String) {
    let (gold, claims) = (path("eval/gold"), path("eval/claims/hand.csv"));
    let mut args = vec!["--gold", gold.as_str(), "--claims", claims.as_str()];
    args.extend_from_slice(extra);
    eval(&args)
}

/// The seed gold (with stances) scored against the hand-written seed claims.
fn seed(extra: &[&str]) -> (i32, String, String) {
    let (gold, claims) = (path("seed"), path("eval/claims/seed.csv"));
    let mut args = vec!["--gold", gold.as_str(), "--claims", claims.as_str()];
    args.extend_from_slice(extra);
    eval(&args)
}

/// The figures of one threshold object, as JSON.
fn threshold(json: &str, i: usize) -> Value {
    let v: Value = serde_json::from_str(json).expect("JSON output");
    v[i].clone()
}

#[test]
fn text_agrees_byte_for_byte_with_the_scorer() {
    let (code, out, err) = hand(&[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, read("eval/expected/hand.txt"));
}

#[test]
fn json_agrees_byte_for_byte_with_the_scorer() {
    let (code, out, err) = hand(&["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, read("eval/expected/hand.json"));
}

#[test]
fn with_gold_stances_the_scorer_lines_come_first() {
    let (code, out, err) = seed(&[]);
    assert_eq!(code, 0, "{err}");
    let expected = read("eval/expected/seed.txt");
    let rest = out
        .strip_prefix(&expected)
        .unwrap_or_else(|| panic!("scorer lines not first:\n{out}"));
    assert!(
        rest.starts_with("\nstance @0.3: accuracy 0.727 (8 of 11 "),
        "{rest}"
    );
}

#[test]
fn with_gold_stances_the_json_keeps_every_scorer_figure() {
    let (code, out, err) = seed(&["--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let ours: Value = serde_json::from_str(&out).expect("JSON");
    let theirs: Value = serde_json::from_str(&read("eval/expected/seed.json")).expect("JSON");
    let (ours, theirs) = (
        ours.as_array().expect("list"),
        theirs.as_array().expect("list"),
    );
    assert_eq!(ours.len(), theirs.len());
    for (o, t) in ours.iter().zip(theirs) {
        for (key, value) in t.as_object().expect("object") {
            assert_eq!(&o[key], value, "{key}");
        }
    }
}

#[test]
fn stance_confusion_counts_found_quotes_with_a_gold_stance() {
    // seed.csv: of the 11 found quotes (one of 12 is missed), one assert is
    // predicted deny, one has no stance, the non-denial is predicted assert.
    let (_, out, _) = seed(&["--format", "json"]);
    let s = &threshold(&out, 0)["stance"];
    assert_eq!(s["total"], 11);
    assert_eq!(s["correct"], 8);
    assert_eq!(s["confusion"]["assert"]["assert"], 8);
    assert_eq!(s["confusion"]["assert"]["deny"], 1);
    assert_eq!(s["confusion"]["assert"][""], 1);
    assert_eq!(s["confusion"]["non_denial"]["assert"], 1);
    assert_eq!(s["confusion"]["non_denial"]["non_denial"], 0);
    // At 0.8 the half-covered quote and the 70%-covered non-denial are lost.
    assert_eq!(threshold(&out, 1)["stance"]["total"], 9);
}

#[test]
fn no_stance_section_when_the_gold_has_none() {
    let (_, out, _) = hand(&["--format", "json"]);
    assert!(threshold(&out, 0).get("stance").is_none());
}

#[test]
fn by_kind_recall_by_gold_kind_precision_by_predicted_kind() {
    // Gold kinds (kind_of): direct 4, indirect 3, mixed 3. At 0.3 found:
    // direct 3 (the 30% one is not), indirect 2 (one missed), mixed 3.
    // Valid predictions by their kind column: direct 4, indirect 7, mixed 3;
    // of those used to find a quote: direct 3, indirect 3, mixed 2.
    let (code, out, err) = hand(&["--format", "json", "--by-kind"]);
    assert_eq!(code, 0, "{err}");
    let k = &threshold(&out, 0)["by_kind"];
    let counts = |kind: &str| {
        ["gold", "found", "pred", "matched"].map(|f| k[kind][f].as_u64().expect("count"))
    };
    assert_eq!(counts("direct"), [4, 3, 4, 3]);
    assert_eq!(counts("indirect"), [3, 2, 7, 3]);
    assert_eq!(counts("mixed"), [3, 3, 3, 2]);
    assert_eq!(k["indirect"]["precision"], 3.0 / 7.0);
    assert_eq!(k["indirect"]["recall"], 2.0 / 3.0);
    // The by-kind text follows the scorer lines.
    let (_, text, _) = hand(&["--by-kind"]);
    assert!(text.starts_with(&read("eval/expected/hand.txt")));
    assert!(text.contains("  indirect P 0.429 R 0.667 "), "{text}");
}

#[test]
fn errors_csv_lists_each_failure_at_the_lowest_threshold() {
    let dir = tempfile::tempdir().expect("temp dir");
    let errors = dir.path().join("errors.csv");
    let (code, _, err) = hand(&[
        "--threshold",
        "0.8,0.3",
        "--errors",
        &errors.to_string_lossy(),
    ]);
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_path(&errors).expect("errors CSV");
    let header = reader.headers().expect("header").clone();
    assert_eq!(&header[0], "doc_id");
    assert_eq!(&header[1], "what");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let count = |what: &str| rows.iter().filter(|r| &r[1] == what).count();
    // At 0.3: bail and the exactly-30% quote are missed; the superseded
    // half-span, "Critics ...", the 30% span, the padded-offsets row and both
    // hand-c rows are false alarms.
    assert_eq!(count("miss"), 2);
    assert_eq!(count("false_alarm"), 6);
    assert_eq!(count("wrong_mention"), 3);
    assert_eq!(count("wrong_speaker"), 3);
    assert_eq!(count("wrong_cue"), 1);
    assert_eq!(count("wrong_kind"), 1);
    assert_eq!(rows.len(), 16);
    let miss = rows.iter().find(|r| &r[1] == "miss").expect("a miss");
    assert_eq!(
        (&miss[0], &miss[2]),
        ("hand-b", "the men were released on bail")
    );
}

#[test]
fn a_bad_gold_file_is_named_and_the_others_still_scored() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["hand-a.json", "hand-b.json", "hand-c.json"] {
        std::fs::copy(fixture("eval/gold").join(name), dir.path().join(name)).expect("copy");
    }
    std::fs::write(
        dir.path().join("broken.json"),
        "{\"id\": \"x\", \"quotes\": [",
    )
    .expect("write");
    let (gold, claims) = (
        dir.path().to_string_lossy().into_owned(),
        path("eval/claims/hand.csv"),
    );
    let (code, out, err) = eval(&["--gold", &gold, "--claims", &claims]);
    assert_eq!(code, 1);
    assert!(err.contains("broken.json"), "{err}");
    assert_eq!(out, read("eval/expected/hand.txt"));
}

#[test]
fn an_empty_gold_folder_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gold = dir.path().to_string_lossy().into_owned();
    let (code, _, err) = eval(&["--gold", &gold, "--claims", &path("eval/claims/hand.csv")]);
    assert_eq!(code, 1);
    assert!(err.contains("no *.json gold files"), "{err}");
}

#[test]
fn thresholds_and_csv_format() {
    let (code, out, err) = hand(&["--threshold", "0.5", "--format", "csv", "--by-kind"]);
    assert_eq!(code, 0, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let groups: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert_eq!(groups, ["all", "direct", "indirect", "mixed"]);
    assert!(rows.iter().all(|r| &r[0] == "0.5"));
    let (code, _, err) = hand(&["--threshold", "1.5"]);
    assert_ne!(code, 0);
    assert!(err.contains("1.5"), "{err}");
}

#[test]
fn runs_the_pipeline_on_the_gold_texts() {
    // Whatever the parser finds, the seed's 12 gold quotes are all counted.
    let (code, out, err) = eval(&["--gold", &path("seed")]);
    assert_eq!(code, 0, "{err}");
    let first = out.lines().next().unwrap_or("");
    assert!(first.starts_with("@0.3: P "), "{out}");
    assert!(first.contains("(gold 12, pred "), "{out}");
}

#[test]
fn live_agreement_with_score_quotes_py() {
    let scorer = repo().join("../shared/tools/score_quotes.py");
    let python = Command::new("python3").arg("--version").output();
    if !scorer.exists() || python.map(|o| !o.status.success()).unwrap_or(true) {
        eprintln!(
            "note: python3 or {} absent; live agreement not checked",
            scorer.display()
        );
        return;
    }
    for (gold, claims) in [
        ("eval/gold", "eval/claims/hand.csv"),
        ("seed", "eval/claims/seed.csv"),
    ] {
        for (flag, format) in [(None, "text"), (Some("--json"), "json")] {
            let mut py = Command::new("python3");
            py.arg(&scorer)
                .arg(fixture(gold))
                .arg(fixture(claims))
                .args(flag);
            let expected = String::from_utf8(py.output().expect("python3").stdout).expect("UTF-8");
            let (code, out, err) = eval(&[
                "--gold",
                &path(gold),
                "--claims",
                &path(claims),
                "--format",
                format,
            ]);
            assert_eq!(code, 0, "{err}");
            if format == "text" {
                assert!(
                    out.starts_with(&expected),
                    "{gold}:\nscorer:\n{expected}\nours:\n{out}"
                );
            } else {
                let (o, t): (Value, Value) = (
                    serde_json::from_str(&out).expect("ours"),
                    serde_json::from_str(&expected).expect("theirs"),
                );
                for (oi, ti) in o
                    .as_array()
                    .expect("list")
                    .iter()
                    .zip(t.as_array().expect("list"))
                {
                    for (key, value) in ti.as_object().expect("object") {
                        assert_eq!(&oi[key], value, "{gold}: {key}");
                    }
                }
            }
        }
    }
}

/// A small deterministic generator (no `rand` in the workspace).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// Random predictions near the gold quotes of `docs`: shifted spans, padded
/// and broken integers, odd speakers, cues and kinds, extra false alarms.
fn random_claims(docs: &[Value], rng: &mut Lcg) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        "doc_id",
        "speaker",
        "speaker_start",
        "speaker_end",
        "cue",
        "kind",
        "text",
        "start",
        "end",
    ];
    w.write_record(header).expect("header");
    let speakers = [
        "",
        "the",
        "Kremlin",
        "the Kremlin",
        "Sullivan",
        "Mr. Smith",
        "O’Brien",
        "İstanbul Σ",
        "a b",
    ];
    let cues = ["said", " Said ", "told", "", "according to", "\u{1f}said"];
    let kinds = ["direct", "indirect", "mixed", "", "Direct", "direct "];
    for doc in docs {
        let id = doc["id"].as_str().unwrap_or("");
        for q in doc["quotes"].as_array().into_iter().flatten() {
            if rng.below(7) == 0 {
                continue;
            }
            let (s, e) = (
                q["start"].as_i64().unwrap_or(0),
                q["end"].as_i64().unwrap_or(0),
            );
            let len = (e - s).max(1) as u64;
            let jitter = |rng: &mut Lcg| rng.below(len) as i64 - (len / 2) as i64;
            let (ps, pe) = if rng.below(2) == 0 {
                (s, e)
            } else {
                (s + jitter(rng), e + jitter(rng))
            };
            let int = |rng: &mut Lcg, v: i64| match rng.below(8) {
                0 => format!(" {v} "),
                1 => format!("+{v}"),
                2 => format!("{v}.0"),
                3 => String::new(),
                _ => v.to_string(),
            };
            let (ms, me) = match q["speaker_start"].as_i64() {
                Some(m) if rng.below(4) > 0 => {
                    let shift = rng.below(21) as i64 - 10;
                    (
                        int(rng, m + shift),
                        int(rng, q["speaker_end"].as_i64().unwrap_or(m) + shift),
                    )
                }
                _ => (String::new(), String::new()),
            };
            let gold_ref = q["speaker_ref"].as_str().unwrap_or("");
            let surname = gold_ref.split_whitespace().last().unwrap_or("");
            let speaker = match rng.below(3) {
                0 => gold_ref,
                1 => surname,
                _ => rng.pick(&speakers),
            };
            let cue = if rng.below(2) == 0 {
                q["cue"].as_str().unwrap_or("")
            } else {
                rng.pick(&cues)
            };
            let kind = rng.pick(&kinds);
            let record = [
                id,
                speaker,
                &ms,
                &me,
                cue,
                kind,
                "",
                &int(rng, ps),
                &int(rng, pe),
            ];
            w.write_record(record).expect("row");
        }
        for _ in 0..rng.below(4) {
            let s = rng.below(3000);
            let e = s + rng.below(300);
            w.write_record([
                id,
                "X",
                "",
                "",
                "said",
                "indirect",
                "",
                &s.to_string(),
                &e.to_string(),
            ])
            .expect("row");
        }
    }
    String::from_utf8(w.into_inner().expect("csv")).expect("UTF-8")
}

#[test]
fn live_agreement_on_random_predictions_for_ggt_dev() {
    let scorer = repo().join("../shared/tools/score_quotes.py");
    let gold = repo().join("../shared/data/ggt-dev");
    let python = Command::new("python3").arg("--version").output();
    if !scorer.exists() || !gold.is_dir() || python.map(|o| !o.status.success()).unwrap_or(true) {
        eprintln!(
            "note: python3, {} or {} absent; not checked",
            scorer.display(),
            gold.display()
        );
        return;
    }
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(&gold).expect("gold dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            docs.push(
                serde_json::from_str::<Value>(&std::fs::read_to_string(&path).expect("read"))
                    .expect("json"),
            );
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut rng = Lcg(20_220_712);
    for round in 0..4 {
        let claims = dir.path().join(format!("claims-{round}.csv"));
        std::fs::write(&claims, random_claims(&docs, &mut rng)).expect("write claims");
        for (flag, format) in [(None, "text"), (Some("--json"), "json")] {
            let mut py = Command::new("python3");
            py.arg(&scorer).arg(&gold).arg(&claims).args(flag);
            let expected = String::from_utf8(py.output().expect("python3").stdout).expect("UTF-8");
            let args = [
                "--gold",
                &gold.to_string_lossy(),
                "--claims",
                &claims.to_string_lossy(),
                "--format",
                format,
            ]
            .map(String::from);
            let (code, out, err) = eval(&args.iter().map(String::as_str).collect::<Vec<_>>());
            assert_eq!(code, 0, "{err}");
            assert_eq!(out, expected, "round {round}, {format}");
        }
    }
}
