//! End-to-end tests of `claimtrack speakers` and `claimtrack denials`.
//!
//! The reports are computed from hand-written claims CSV files
//! (`fixtures/cli/claims/`), so they test the aggregation itself, not the
//! parser. The central property: reports built from shards of a corpus (whole
//! articles split across several claims files) equal the report of the whole.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use claimtrack_cli::denials::DenialAudit;
use claimtrack_cli::row::ClaimRow;
use claimtrack_cli::speakers::SpeakerTable;
use predicates::prelude::*;
use proptest::prelude::*;
use tempfile::TempDir;

fn claimtrack() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimtrack"))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/cli")
        .join(name)
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn stdout_of(args: &[&str]) -> String {
    let out = claimtrack().args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// The rows of a claims CSV.
fn read_rows(path: &Path) -> Vec<ClaimRow> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader.deserialize().map(Result::unwrap).collect()
}

/// Writes `rows` as a claims CSV the way `claimtrack extract` does.
fn write_rows(path: &Path, rows: &[&ClaimRow]) {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_path(path)
        .unwrap();
    writer.write_record(claimtrack_cli::row::COLUMNS).unwrap();
    for row in rows {
        writer.serialize(row).unwrap();
    }
    writer.flush().unwrap();
}

#[test]
fn speakers_report_matches_the_hand_computed_one() {
    let corpus = fixture("claims/corpus.csv");
    let expected = fs::read_to_string(fixture("claims/expected-speakers.csv")).unwrap();
    assert_eq!(
        stdout_of(&["speakers", "--from-claims", s(&corpus)]),
        expected
    );
}

#[test]
fn denials_report_matches_the_hand_computed_one() {
    let corpus = fixture("claims/corpus.csv");
    let expected = fs::read_to_string(fixture("claims/expected-denials.csv")).unwrap();
    assert_eq!(
        stdout_of(&["denials", "--from-claims", s(&corpus)]),
        expected
    );
}

#[test]
fn shard_reports_add_up_to_the_whole_corpus_report() {
    let corpus = fixture("claims/corpus.csv");
    let rows = read_rows(&corpus);
    let dir = TempDir::new().unwrap();
    // "Sullivan" alone in shard a (d2), "Jake Sullivan" only in shard b (d1):
    // the merge must still happen, and count d1 once.
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    let empty = dir.path().join("empty.csv");
    let in_a = |r: &&ClaimRow| r.doc_id == "d2" || r.doc_id == "d4";
    write_rows(&a, &rows.iter().filter(in_a).collect::<Vec<_>>());
    write_rows(&b, &rows.iter().filter(|r| !in_a(r)).collect::<Vec<_>>());
    write_rows(&empty, &[]);
    for report in ["speakers", "denials"] {
        let whole = stdout_of(&[report, "--from-claims", s(&corpus)]);
        for shards in [[&a, &b, &empty], [&b, &empty, &a]] {
            let mut args = vec![report, "--from-claims"];
            args.extend(shards.iter().map(|p| s(p)));
            assert_eq!(stdout_of(&args), whole, "{report} {shards:?}");
        }
    }
}

#[test]
fn reports_on_articles_equal_reports_on_their_claims() {
    let dir = TempDir::new().unwrap();
    let claims = dir.path().join("claims.csv");
    let articles = fixture("articles");
    claimtrack()
        .args(["extract", s(&articles), "--out", s(&claims), "--quiet"])
        .assert()
        .success();
    for report in ["speakers", "denials"] {
        assert_eq!(
            stdout_of(&[report, s(&articles)]),
            stdout_of(&[report, "--from-claims", s(&claims)]),
            "{report}"
        );
    }
}

#[test]
fn bad_claims_rows_are_named_by_line_and_skipped() {
    let bad = fixture("claims/bad-rows.csv");
    let name = bad.display().to_string();
    let run = claimtrack()
        .args(["speakers", "--from-claims", &name])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(format!("{name}:3: bad row"))
                .and(predicate::str::contains(format!(
                    "{name}:4: bad row: stance is \"maybe\""
                )))
                .and(predicate::str::contains(
                    "1 article read, 2 failed, 2 claims",
                )),
        );
    let out = String::from_utf8_lossy(&run.get_output().stdout).into_owned();
    assert!(
        out.contains("\nKremlin,organization,,1,2,1,1,0,0,0,2,0,d9,d9\n"),
        "{out}"
    );
    claimtrack()
        .args(["denials", "--from-claims", &name])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "d9,4,Kremlin,,deny,denied,all is not well,1,Kremlin,all is well",
        ));
}

#[test]
fn a_directory_of_shards_reads_as_its_claims_files_in_path_order() {
    // The shards as `extract --out-dir` leaves them: claims beside the
    // speakers and denials reports, which are passed over.
    let articles = fixture("articles");
    let dir = TempDir::new().unwrap();
    let mut claims_files = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&articles)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 2, "{names:?}");
    for (i, article) in names.iter().enumerate() {
        let shard = dir.path().join(format!("shards/{i:02}"));
        claimtrack()
            .args(["extract", s(article), "--out-dir", s(&shard), "--quiet"])
            .assert()
            .success();
        claims_files.push(shard.join("claims.csv"));
    }
    // One shard compressed, as `gzip claims.csv` leaves it.
    let first = claims_files[0].clone();
    let packed = first.with_extension("csv.gz");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&packed).unwrap(),
        flate2::Compression::default(),
    );
    std::io::copy(&mut std::fs::File::open(&first).unwrap(), &mut encoder).unwrap();
    encoder.finish().unwrap();
    std::fs::remove_file(&first).unwrap();
    claims_files[0] = packed;
    for report in ["speakers", "denials"] {
        let mut args = vec![report, "--from-claims"];
        args.extend(claims_files.iter().map(|p| s(p)));
        let from_files = stdout_of(&args);
        assert_eq!(from_files, stdout_of(&[report, s(&articles)]), "{report}");
        let shards = dir.path().join("shards");
        assert_eq!(
            stdout_of(&[report, "--from-claims", s(&shards)]),
            from_files,
            "{report}"
        );
    }
    // Any other CSV in the directory is still refused, by name.
    let stray = dir.path().join("shards/notes.csv");
    std::fs::write(&stray, "a,b\n1,2\n").unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    claimtrack()
        .args([
            "speakers",
            "--from-claims",
            s(&dir.path().join("shards")),
            s(&empty),
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(format!("{}: not a claims CSV", stray.display())).and(
                predicate::str::contains(format!("{}: no .csv file in it", empty.display())),
            ),
        );
}

#[test]
fn a_file_that_is_not_a_claims_csv_is_refused_by_name() {
    let other = fixture("collection.csv");
    let missing = fixture("claims/no-such-file.csv");
    claimtrack()
        .args(["speakers", "--from-claims", s(&other), s(&missing)])
        .assert()
        .code(1)
        .stdout("speaker,speaker_kind,roles,articles,claims,assert,deny,non_denial,confirmations,direct,indirect,mixed,first_doc,last_doc\n")
        .stderr(
            predicate::str::contains(format!(
                "{}: not a claims CSV (no column \"doc_id\")",
                other.display()
            ))
            .and(predicate::str::contains(format!(
                "{}: cannot read",
                missing.display()
            ))),
        );
}

#[test]
fn claims_can_come_from_stdin_and_reports_go_to_a_file() {
    let corpus = fixture("claims/corpus.csv");
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("denials.csv");
    claimtrack()
        .args(["denials", "--from-claims", "-", "--out", s(&out)])
        .write_stdin(fs::read(&corpus).unwrap())
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        fs::read_to_string(fixture("claims/expected-denials.csv")).unwrap()
    );
}

/// A random claim: indexes of (speaker, kind, stance, cue) and responds_to.
type ClaimSpec = (usize, usize, usize, usize, Option<usize>);

/// Rows of a random corpus, one `Vec` per article.
fn corpus_rows(docs: &[Vec<ClaimSpec>]) -> Vec<Vec<ClaimRow>> {
    const SPEAKERS: [(&str, &str); 8] = [
        ("Jake Sullivan", "person"),
        ("Sullivan", "person"),
        ("Smith", "person"),
        ("Anna Smith", "person"),
        ("Bo Smith", "person"),
        ("Kremlin", "organization"),
        ("officials", "anonymous"),
        ("", "unknown"),
    ];
    const STANCES: [&str; 3] = ["assert", "deny", "non_denial"];
    const CUES: [&str; 4] = ["said", "confirmed", "denied", "declined to comment"];
    const KINDS: [&str; 3] = ["direct", "indirect", "mixed"];
    docs.iter()
        .enumerate()
        .map(|(d, claims)| {
            claims
                .iter()
                .enumerate()
                .map(|(i, &(speaker, kind, stance, cue, responds_to))| ClaimRow {
                    doc_id: format!("doc{d:02}"),
                    claim: i + 1,
                    speaker: SPEAKERS[speaker].0.to_string(),
                    speaker_kind: SPEAKERS[speaker].1.to_string(),
                    speaker_role: ["", "spokesman", "minister"][(speaker + i) % 3].to_string(),
                    cue: CUES[cue].to_string(),
                    kind: KINDS[kind].to_string(),
                    stance: STANCES[stance].to_string(),
                    responds_to: responds_to.map(|k| k % claims.len() + 1),
                    text: format!("claim {i} of doc {d}"),
                    ..ClaimRow::default()
                })
                .collect()
        })
        .collect()
}

fn reports(articles: &[&Vec<ClaimRow>]) -> (String, String) {
    let mut speakers = SpeakerTable::default();
    let mut denials = DenialAudit::default();
    for rows in articles {
        speakers.add_article(rows);
        denials.add_article(rows);
    }
    (
        format!("{:?}", speakers.finish()),
        format!("{:?}", denials.finish()),
    )
}

proptest! {
    /// Any partition of the articles into shards, read in any shard order,
    /// gives the reports of the whole corpus.
    #[test]
    fn reports_are_independent_of_sharding(
        docs in prop::collection::vec(
            prop::collection::vec((0..8usize, 0..3usize, 0..3usize, 0..4usize, prop::option::of(0..8usize)), 0..6),
            1..10,
        ),
        shard_of in prop::collection::vec(0..4usize, 10),
        shard_order in Just([0usize, 1, 2, 3]).prop_shuffle(),
    ) {
        let articles = corpus_rows(&docs);
        let whole: Vec<&Vec<ClaimRow>> = articles.iter().collect();
        let mut sharded = Vec::new();
        for &shard in &shard_order {
            sharded.extend(articles.iter().enumerate().filter(|(i, _)| shard_of[*i] == shard).map(|(_, a)| a));
        }
        prop_assert_eq!(reports(&whole), reports(&sharded));
    }
}
