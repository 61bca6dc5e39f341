//! End-to-end tests of the `claimtrack` binary: inputs, errors, exit statuses,
//! determinism. They check the command's own behaviour (I/O, ordering, error
//! handling), never what the parser finds in an article: outputs are compared
//! between two runs rather than against hard-coded claims, so the tests stay
//! valid as extraction improves.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

/// The claims CSV header of the contract.
const HEADER: &str = "doc_id,claim,speaker,speaker_kind,speaker_role,speaker_mention,\
speaker_start,speaker_end,cue,cue_start,cue_end,kind,stance,stance_cue,responds_to,\
text,start,end";

fn claimtrack() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimtrack"))
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/cli")
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// Runs `claimtrack` with `args`, expecting success; returns stdout.
fn stdout_of(args: &[&str]) -> String {
    let out = claimtrack().args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output")
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A synthetic article with quotes and reported speech, different for each `i`.
fn article(i: usize) -> String {
    format!(
        "Officials met on day {i}.\n\n\"We made progress on item {i},\" said Jane Doe{i}, \
         the negotiator. Ministry sources denied that talks had stalled. \
         According to Reuters, a deal on item {i} is near. The embassy declined to comment.\n"
    )
}

#[test]
fn output_starts_with_the_contract_header() {
    let out = stdout_of(&["extract", s(&fixture("articles/harbor-bridge.txt"))]);
    assert_eq!(out.lines().next(), Some(HEADER));
}

#[test]
fn an_input_with_no_article_still_writes_the_header() {
    let dir = TempDir::new().unwrap();
    let out = stdout_of(&["extract", s(dir.path())]);
    assert_eq!(out, format!("{HEADER}\n"));
}

#[test]
fn invalid_utf8_is_named_and_the_other_files_are_processed() {
    let dir = TempDir::new().unwrap();
    let good_a = write(dir.path(), "a.txt", article(1).as_bytes());
    let bad = write(dir.path(), "b.txt", b"Caf\xe9 \"ol\xe9,\" she said.\n");
    let good_c = write(dir.path(), "c.txt", article(2).as_bytes());
    let run = claimtrack()
        .args(["extract", s(&good_a), s(&bad), s(&good_c)])
        .assert()
        .code(1);
    let output = run.get_output();
    let err = stderr_of(output);
    assert!(
        err.contains(&format!("{}: not valid UTF-8", bad.display())),
        "{err}"
    );
    assert!(err.contains("2 articles read, 1 failed"), "{err}");
    // The good files give exactly what they give on their own.
    let alone = stdout_of(&["extract", s(&good_a), s(&good_c)]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), alone);
}

#[test]
fn an_empty_or_blank_file_is_an_error() {
    let dir = TempDir::new().unwrap();
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b" \n\t\r\n ");
    claimtrack()
        .args(["extract", s(&empty), s(&blank)])
        .assert()
        .code(1)
        .stdout(format!("{HEADER}\n"))
        .stderr(
            predicate::str::contains(format!("{}: article text is empty", empty.display()))
                .and(predicate::str::contains(format!(
                    "{}: article text is empty",
                    blank.display()
                )))
                .and(predicate::str::contains("0 articles read, 2 failed")),
        );
}

/// `bytes` gzip-compressed.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn gzip_compressed_inputs_give_the_rows_of_the_files_they_hold() {
    let dir = TempDir::new().unwrap();
    let lines: String = (0..6)
        .map(|i| format!("{{\"id\": \"j{i}\", \"text\": {:?}}}\n", article(i)))
        .collect();
    write(dir.path(), "plain/one.txt", article(7).as_bytes());
    write(dir.path(), "plain/many.jsonl", lines.as_bytes());
    write(
        dir.path(),
        "packed/one.txt.gz",
        &gzip(article(7).as_bytes()),
    );
    write(dir.path(), "packed/many.jsonl.gz", &gzip(lines.as_bytes()));
    let expected = stdout_of(&["extract", "--quiet", s(&dir.path().join("plain"))]);
    // The text file's doc_id is `one` either way.
    assert!(expected.contains("\none,1,"), "{expected}");
    assert!(expected.lines().count() > 7, "{expected}");
    assert_eq!(
        stdout_of(&["extract", "--quiet", s(&dir.path().join("packed"))]),
        expected
    );
}

#[test]
fn text_files_that_share_a_doc_id_are_named_and_still_extracted() {
    let dir = TempDir::new().unwrap();
    let first = write(dir.path(), "2024/index.txt", article(1).as_bytes());
    let second = write(dir.path(), "2025/index.txt", article(2).as_bytes());
    for report in ["extract", "speakers"] {
        let out = claimtrack()
            .args([report, "--quiet", s(dir.path())])
            .assert()
            .success()
            .stderr(predicate::str::contains(format!(
                "claimtrack: {}: doc_id \"index\" is also that of {}; the reports count \
                 articles by doc_id",
                second.display(),
                first.display()
            )))
            .stderr(predicate::str::contains("2 articles read, 0 failed"));
        // Warned once, on the second file only.
        assert_eq!(
            stderr_of(out.get_output())
                .matches("is also that of")
                .count(),
            1
        );
    }
}

#[test]
fn an_unreadable_path_is_named_and_the_run_goes_on() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("no-such-article.txt");
    let good = write(dir.path(), "good.txt", article(3).as_bytes());
    claimtrack()
        .args(["extract", s(&missing), s(&good)])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains(format!(
                "{}: cannot read: no such file or directory",
                missing.display()
            ))
            .and(predicate::str::contains("1 article read, 1 failed")),
        );
}

#[test]
fn bad_jsonl_lines_are_named_with_their_line_numbers() {
    let dir = TempDir::new().unwrap();
    let mut jsonl = Vec::new();
    jsonl.extend_from_slice(
        format!("{}\n", serde_json::json!({"id": "ok1", "text": article(1)})).as_bytes(),
    );
    jsonl.extend_from_slice(b"{\"id\": \"broken\", \"text\": \n");
    jsonl.extend_from_slice(b"{\"id\": \"no-text\"}\n");
    jsonl.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"caf\xe9\"}\n");
    jsonl.extend_from_slice(b"\n");
    jsonl.extend_from_slice(b"{\"text\": \"No id here.\"}\n");
    jsonl.extend_from_slice(
        format!("{}\n", serde_json::json!({"id": 42, "text": article(2)})).as_bytes(),
    );
    let path = write(dir.path(), "batch.jsonl", &jsonl);
    let name = path.display().to_string();
    let run = claimtrack().args(["extract", &name]).assert().code(1);
    let err = stderr_of(run.get_output());
    for expected in [
        format!("{name}:2: invalid JSON"),
        format!("{name}:3: missing \"text\""),
        format!("{name}:4: not valid UTF-8"),
        format!("{name}:6: missing \"id\""),
        "2 articles read, 4 failed".to_string(),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn the_same_articles_give_the_same_claims_from_a_directory_jsonl_and_csv() {
    let from_dir = stdout_of(&["extract", s(&fixture("articles"))]);
    let from_jsonl = stdout_of(&["extract", s(&fixture("collection.jsonl"))]);
    let from_csv = stdout_of(&[
        "extract",
        s(&fixture("collection.csv")),
        "--id-column",
        "slug",
        "--text-column",
        "body",
    ]);
    assert_eq!(from_dir, from_jsonl);
    assert_eq!(from_dir, from_csv);
}

#[test]
fn a_directory_gives_what_its_files_give_in_path_order() {
    let articles = fixture("articles");
    let files = [
        "harbor-bridge.txt",
        "world/NOTE",
        "world/grain-talks.txt",
        "world/museum.md",
    ]
    .map(|f| articles.join(f).display().to_string());
    let mut args = vec!["extract"];
    args.extend(files.iter().map(String::as_str));
    assert_eq!(stdout_of(&["extract", s(&articles)]), stdout_of(&args));
}

#[test]
fn directory_walk_is_sorted_recursive_and_skips_hidden_and_foreign_files() {
    // Empty files fail, and failures are reported in reading order: the
    // stderr lines show which files the walk visits, and in what order.
    let dir = TempDir::new().unwrap();
    for name in [
        "b/z.txt",
        "b/a.md",
        "a.txt",
        "c",
        "b/.hidden.txt",
        ".git/x.txt",
        "d.json",
        "e.pdf",
    ] {
        write(dir.path(), name, b"");
    }
    write(dir.path(), "x.jsonl", b"{bad\n");
    let run = claimtrack()
        .args(["extract", s(dir.path())])
        .assert()
        .code(1);
    let err = stderr_of(run.get_output());
    let visited: Vec<String> = err
        .lines()
        .filter(|l| !l.contains(" articles read"))
        .map(|l| {
            let path = l.trim_start_matches("claimtrack: ");
            let path = path.split(':').next().unwrap();
            Path::new(path)
                .strip_prefix(dir.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(visited, ["a.txt", "b/a.md", "b/z.txt", "c", "x.jsonl"]);
}

#[test]
fn csv_collections_use_the_named_columns() {
    let dir = TempDir::new().unwrap();
    let csv = write(
        dir.path(),
        "export.csv",
        format!(
            "slug,body\nfirst,\"{}\"\n,\"Text without id.\"\nthird,\"   \"\n",
            article(1).replace('"', "\"\"")
        )
        .as_bytes(),
    );
    let name = csv.display().to_string();
    let run = claimtrack()
        .args([
            "extract",
            &name,
            "--id-column",
            "slug",
            "--text-column",
            "body",
        ])
        .assert()
        .code(1);
    let err = stderr_of(run.get_output());
    // The first article spans lines 2 to 5: CSV line numbers count real lines.
    assert!(
        err.contains(&format!("{name}: row 2 (line 6): missing id")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{name}: row 3 (line 7): article text is empty")),
        "{err}"
    );
    assert!(err.contains("1 article read, 2 failed"), "{err}");
}

#[test]
fn a_csv_without_the_text_column_says_which_columns_it_has() {
    claimtrack()
        .args(["extract", s(&fixture("collection.csv"))])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no column \"id\" in the header (columns: published, slug, body)",
        ));
}

#[test]
fn stdin_text_jsonl_and_csv_match_the_file() {
    let path = fixture("articles/harbor-bridge.txt");
    let text = fs::read_to_string(&path).unwrap();
    let from_file = stdout_of(&["extract", s(&path)]);

    let from_stdin = claimtrack()
        .args(["extract", "--stdin-id", "harbor-bridge"])
        .write_stdin(text.clone())
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&from_stdin.get_output().stdout),
        from_file
    );

    let line = format!(
        "{}\n",
        serde_json::json!({"id": "harbor-bridge", "text": text})
    );
    let from_jsonl = claimtrack()
        .args(["extract", "-", "--input-format", "jsonl"])
        .write_stdin(line)
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&from_jsonl.get_output().stdout),
        from_file
    );

    let csv = format!("id,text\nharbor-bridge,\"{}\"\n", text.replace('"', "\"\""));
    let from_csv = claimtrack()
        .args(["extract", "--input-format", "csv"])
        .write_stdin(csv)
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&from_csv.get_output().stdout),
        from_file
    );
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    // More articles than one batch holds, so batching is exercised too.
    let dir = TempDir::new().unwrap();
    for i in 0..300 {
        write(dir.path(), &format!("a{i:03}.txt"), article(i).as_bytes());
    }
    let mut jsonl = String::new();
    for i in 0..300 {
        jsonl.push_str(&serde_json::json!({"id": format!("j{i}"), "text": article(i)}).to_string());
        jsonl.push('\n');
    }
    write(dir.path(), "more.jsonl", jsonl.as_bytes());
    let one = stdout_of(&["extract", s(dir.path()), "--threads", "1"]);
    let four = stdout_of(&["extract", s(dir.path()), "--threads", "4"]);
    let all = stdout_of(&["extract", s(dir.path())]);
    assert_eq!(one, four);
    assert_eq!(one, all);
}

#[test]
fn out_file_holds_what_stdout_would() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("claims.csv");
    let input = fixture("articles");
    claimtrack()
        .args(["extract", s(&input), "--out", s(&out)])
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        stdout_of(&["extract", s(&input)])
    );
}

#[test]
fn out_dir_writes_claims_speakers_and_denials_in_one_pass() {
    let dir = TempDir::new().unwrap();
    let results = dir.path().join("results/new");
    let input = fixture("articles");
    claimtrack()
        .args(["extract", s(&input), "--out-dir", s(&results)])
        .assert()
        .success();
    let claims = results.join("claims.csv");
    assert_eq!(
        fs::read_to_string(&claims).unwrap(),
        stdout_of(&["extract", s(&input)])
    );
    // The reports written in the same pass equal the reports built afterwards.
    for (report, first_column) in [("speakers", "speaker,"), ("denials", "doc_id,")] {
        let written = fs::read_to_string(results.join(format!("{report}.csv"))).unwrap();
        assert!(written.starts_with(first_column), "{written}");
        assert_eq!(
            written,
            stdout_of(&[report, "--from-claims", s(&claims)]),
            "{report}"
        );
    }
}

#[test]
fn outputs_inside_the_input_directory_are_not_read_back() {
    for out_dir in [false, true] {
        let dir = TempDir::new().unwrap();
        write(dir.path(), "a.txt", article(1).as_bytes());
        let expected = stdout_of(&["extract", s(dir.path())]);
        let (flag, target, claims) = if out_dir {
            let results = dir.path().join("results");
            ("--out-dir", results.clone(), results.join("claims.csv"))
        } else {
            let out = dir.path().join("claims.csv");
            ("--out", out.clone(), out)
        };
        // Twice: the second run finds the first run's outputs in the directory.
        for _ in 0..2 {
            claimtrack()
                .args(["extract", s(dir.path()), flag, s(&target)])
                .assert()
                .success();
            assert_eq!(fs::read_to_string(&claims).unwrap(), expected);
        }
    }
}

#[test]
fn usage_errors_exit_with_status_2() {
    for args in [
        &["extract", "--no-such-flag"][..],
        &["extract", "--threads", "many"],
        &["extract", "--input-format", "xml"],
        &["extract", "--out", "a.csv", "--out-dir", "d"],
        &["speakers", "corpus", "--from-claims", "claims.csv"],
        &["no-such-command"],
    ] {
        claimtrack().args(args).assert().code(2);
    }
}

#[test]
fn help_shows_examples_and_version_prints() {
    for command in ["extract", "speakers", "denials"] {
        claimtrack()
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(
                predicate::str::contains("Examples:")
                    .and(predicate::str::contains(format!("claimtrack {command} "))),
            );
    }
    claimtrack()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("claimtrack "));
}

#[test]
fn quiet_keeps_the_summary_and_no_progress_bar_reaches_a_pipe() {
    let input = fixture("articles/harbor-bridge.txt");
    for quiet in [true, false] {
        let mut cmd = claimtrack();
        cmd.args(["extract", s(&input)]);
        if quiet {
            cmd.arg("--quiet");
        }
        let run = cmd.assert().success();
        let err = stderr_of(run.get_output());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("claimtrack: 1 article read, 0 failed"),
            "{err}"
        );
        assert!(!err.contains('\u{1b}') && !err.contains('\r'), "{err:?}");
    }
}

#[test]
fn binary_garbage_never_panics() {
    let dir = TempDir::new().unwrap();
    // Deterministic pseudo-random bytes (xorshift), invalid UTF-8 included.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut bytes = Vec::new();
    for _ in 0..20_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        bytes.push((state >> 24) as u8);
    }
    write(dir.path(), "garbage.txt", &bytes);
    write(dir.path(), "garbage.jsonl", &bytes);
    write(dir.path(), "garbage.csv", &bytes);
    // Valid UTF-8 garbage reaches the parser: control characters, lone quote
    // marks, combining marks, emoji, no sentence structure at all.
    let weird: String = bytes
        .iter()
        .map(|&b| match b % 16 {
            0 => '"',
            1 => '\u{201c}',
            2 => '\u{201d}',
            3 => '\0',
            4 => '\u{301}',
            5 => '🦀',
            6 => '\n',
            7 => ',',
            8 => '\'',
            9 => '.',
            _ => char::from(b'a' + b % 26),
        })
        .collect();
    write(dir.path(), "weird.txt", weird.as_bytes());
    write(
        dir.path(),
        "weird.jsonl",
        format!("{}\n", serde_json::json!({"id": "w", "text": weird})).as_bytes(),
    );
    let run = claimtrack().args(["extract", s(dir.path())]).assert();
    let output = run.get_output();
    let err = stderr_of(output);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("garbage.txt: not valid UTF-8"), "{err}");
    assert!(
        err.contains("2 articles read"),
        "the valid UTF-8 garbage is processed: {err}"
    );
}
