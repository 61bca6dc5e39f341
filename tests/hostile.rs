//! Hostile input and spreadsheet safety, end to end through the binary:
//! pathological articles, invalid UTF-8, formula-like cells, interrupted
//! runs, broken pipes, and RFC 4180 output that reads back.
//!
//! Every pathological article is checked for the same things: the run ends
//! without a panic, the CSV parses strictly (same number of fields on every
//! row), its row count is the one the summary line states, and every row
//! keeps the contract's invariants (see [`check_rows`]).
//!
//! Time and memory are not asserted here (speed targets live in `make
//! bench`, which runs `scripts/bench-pathological.sh`); the figures in the
//! comments were measured with the release binary on the 2-core development
//! machine. Before the fixes these tests came with, three of these inputs
//! were quadratic: "He said "x"" repeated with no full stop took 115 s for
//! 1.5 MB, and a 1 MB text of one-sentence denials 5.5 s.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use claimtrack_cli::cells::unescape;
use tempfile::TempDir;

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_claimtrack")
}

fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// One claims CSV row, by column name.
type Row = std::collections::HashMap<String, String>;

/// `claimtrack ARGS` started with all three streams piped.
fn spawn_piped(args: &[&str]) -> std::process::Child {
    Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimtrack starts")
}

/// The peak resident memory of a running process, in KB (`VmHWM`; Linux
/// only, `None` elsewhere).
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse::<u64>().ok()
}

/// A finished run: exit code, stdout, stderr.
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

fn run(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = spawn_piped(args);
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        // The binary may stop reading early (an error); that is its right.
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("claimtrack runs");
    feeder.join().expect("feeder");
    let run = Run {
        code: output.status.code(),
        stdout: output.stdout,
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// Parses a CSV strictly (every record as long as the header) into rows.
fn parse_csv(bytes: &[u8]) -> (Vec<String>, Vec<Row>) {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let record = r.expect("an RFC 4180 record of the header's length");
            header
                .iter()
                .cloned()
                .zip(record.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (header, rows)
}

/// The number in "N claims written" of the summary line.
fn claims_written(stderr: &str) -> usize {
    let line = stderr
        .lines()
        .find(|l| l.contains("claims written") || l.contains("claim written"))
        .unwrap_or_else(|| panic!("no summary line in {stderr}"));
    let before = line.split(" claim").next().unwrap_or("");
    before
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {line}"))
}

/// The contract's invariants on the rows of one article `text`: claims
/// numbered 1..n in order of start; every span in bounds with start < end
/// (start <= end for mention and cue); text, speaker_mention and cue equal to
/// the article's code points at their offsets. Linear in the text, so that
/// it can check a 10 MB article.
fn check_rows(text: &str, rows: &[Row]) {
    let number = |row: &Row, column: &str| -> Option<usize> {
        let cell = &row[column];
        (!cell.is_empty()).then(|| cell.parse().expect("a number"))
    };
    // Every offset needed, mapped to a byte offset in one pass.
    let mut wanted: Vec<usize> = Vec::new();
    for row in rows {
        for column in [
            "start",
            "end",
            "speaker_start",
            "speaker_end",
            "cue_start",
            "cue_end",
        ] {
            wanted.extend(number(row, column));
        }
    }
    wanted.sort_unstable();
    wanted.dedup();
    let mut byte_of = std::collections::HashMap::new();
    let mut want = wanted.iter().peekable();
    let boundaries = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    for (chars, byte) in boundaries.enumerate() {
        while want.peek() == Some(&&chars) {
            byte_of.insert(chars, byte);
            want.next();
        }
    }
    assert!(want.next().is_none(), "an offset beyond the article");
    let slice = |start: usize, end: usize| &text[byte_of[&start]..byte_of[&end]];
    let mut last_start = 0;
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(number(row, "claim"), Some(i + 1), "claims numbered 1..n");
        let (start, end) = (number(row, "start").unwrap(), number(row, "end").unwrap());
        assert!(start < end, "row {}: empty text span", i + 1);
        assert!(start >= last_start, "rows sorted by start");
        last_start = start;
        assert_eq!(unescape(&row["text"]), slice(start, end), "row {}", i + 1);
        for (cell, from, to) in [
            ("speaker_mention", "speaker_start", "speaker_end"),
            ("cue", "cue_start", "cue_end"),
        ] {
            match (number(row, from), number(row, to)) {
                (Some(a), Some(b)) => {
                    assert!(a < b, "row {}: {from} >= {to}", i + 1);
                    assert_eq!(unescape(&row[cell]), slice(a, b), "row {}: {cell}", i + 1);
                }
                (None, None) => assert!(row[cell].is_empty(), "row {}: {cell}", i + 1),
                _ => panic!("row {}: half a {cell} span", i + 1),
            }
        }
    }
}

/// Runs `extract` on `text` as a file (bytes exactly as given), checks the
/// output as described at the top, and returns the rows.
fn extract_checked(name: &str, text: &str) -> Vec<Row> {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let out = run(&["extract", "--quiet", s(&path)], b"");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let (_, rows) = parse_csv(&out.stdout);
    assert_eq!(rows.len(), claims_written(&out.stderr), "{}", out.stderr);
    check_rows(text, &rows);
    rows
}

/// A paragraph of ordinary news prose with two claims.
const PARAGRAPH: &str = "The minister said the plan would work. \"We are ready,\" \
she told reporters on Monday, adding that talks would go on.\n\n";

/// A paragraph of narrative with no claim in it.
const NARRATIVE: &str = "The bridge was built in 1932 and carries about forty \
thousand vehicles a day across the harbour. Repairs began in the spring.\n\n";

#[test]
fn an_unclosed_quotation_mark_atop_a_1_mb_article() {
    // Release build: 0.09 s, 24 MB peak RSS.
    let mut text = String::from("\"This quotation opens and never closes.\n\n");
    while text.len() < 1 << 20 {
        text.push_str(PARAGRAPH);
    }
    let rows = extract_checked("unclosed.txt", &text);
    assert!(rows.len() > 1000, "the rest of the article is still read");
}

#[test]
fn one_hundred_thousand_quotation_marks() {
    // Release build: 0.01 s (100 KB of `"`), 0.02 s for 12,000 rounds of
    // every kind of quotation mark; about 10 MB peak RSS.
    extract_checked("quotes.txt", &"\"".repeat(100_000));
    extract_checked("marks.txt", &"“ ” „ « » \" ' ‘ ’ ".repeat(12_000));
    extract_checked("words.txt", &["\"word"; 100_000].join(" "));
}

#[test]
fn a_single_10_mb_line_with_no_punctuation() {
    // Release build: 0.75 s, 55 MB peak RSS (read in 1 MiB segments).
    let words = [
        "alpha",
        "beta",
        "said",
        "told",
        "he",
        "she",
        "Smith",
        "John",
        "according",
        "to",
    ];
    let mut text = String::with_capacity(10 << 20);
    let mut state = 7u64;
    while text.len() < 10 << 20 {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        text.push_str(words[(state >> 33) as usize % words.len()]);
        text.push(' ');
    }
    extract_checked("line.txt", &text);
}

#[test]
fn only_whitespace_is_an_empty_article() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("blank.txt");
    std::fs::write(&path, " \n\t\r\n \u{a0}\u{2003}\n".repeat(10_000)).unwrap();
    let out = run(&["extract", s(&path)], b"");
    assert_eq!(out.code, Some(1));
    assert!(
        out.stderr.contains("blank.txt: article text is empty"),
        "{}",
        out.stderr
    );
    let (_, rows) = parse_csv(&out.stdout);
    assert!(rows.is_empty());
}

#[test]
fn nul_bytes_and_control_characters() {
    // Release build: 0.16 s for 1.5 MB, 45 MB peak RSS (it was 115 s).
    let controls = [
        '\0', '\u{1}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\u{2028}',
    ];
    let mut text = String::new();
    for i in 0..100_000 {
        text.push(controls[i % controls.len()]);
        text.push_str("He said \"x\0y\" ");
    }
    extract_checked("controls.txt", &text);
    let mut prose = String::new();
    for (i, c) in controls.iter().cycle().take(40).enumerate() {
        prose.push_str(&PARAGRAPH.replace(" the plan", &format!(" the{c}plan {i}")));
    }
    let rows = extract_checked("prose.txt", &prose);
    assert!(
        rows.len() >= 40,
        "control characters do not hide the claims"
    );
}

#[test]
fn a_byte_order_mark_is_counted_as_read() {
    let text = format!("\u{feff}{}", PARAGRAPH.repeat(3));
    let rows = extract_checked("bom.txt", &text);
    let plain = extract_checked("plain.txt", &PARAGRAPH.repeat(3));
    assert_eq!(rows.len(), plain.len());
    for (with, without) in rows.iter().zip(&plain) {
        let start = |r: &Row| r["start"].parse::<usize>().unwrap();
        assert_eq!(start(with), start(without) + 1, "the BOM is one code point");
    }
}

#[test]
fn crlf_and_lone_cr_line_endings_keep_offsets_as_read() {
    let crlf = PARAGRAPH.replace('\n', "\r\n").repeat(3);
    let cr = PARAGRAPH.replace('\n', "\r").repeat(3);
    let mixed = format!("{crlf}{cr}{}", PARAGRAPH.repeat(2));
    let lf = extract_checked("lf.txt", &PARAGRAPH.repeat(3));
    for (name, text) in [("crlf.txt", &crlf), ("cr.txt", &cr), ("mixed.txt", &mixed)] {
        let rows = extract_checked(name, text);
        assert!(
            rows.len() >= lf.len(),
            "{name}: {} claims, LF gives {}",
            rows.len(),
            lf.len()
        );
    }
}

#[test]
fn mixed_scripts_and_emoji_sequences() {
    // Release build: 0.24 s for 4.5 MB, 40 MB peak RSS.
    let paragraph = "«Мы готовы», — сказал Песков. \"نحن مستعدون،\" قال المتحدث. \
        「準備はできている」と彼は言った。 \"We are ready 👩‍👩‍👧‍👦🏳️‍🌈,\" said Jane Doe.\n\n";
    let rows = extract_checked("scripts.txt", &paragraph.repeat(2_000));
    assert!(rows.len() >= 2_000, "the English quote of every paragraph");
}

#[test]
fn an_endless_json_line_is_skipped_in_bounded_memory() {
    // A damaged export (or a gzip bomb) of one 80 MB line between two good
    // ones: the line is dropped once past the limit, the others are read.
    const SIZE: usize = 80_000_000;
    let mut child = spawn_piped(&["extract", "--quiet", "--input-format", "jsonl"]);
    let pid = child.id();
    let mut input = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let good =
            |id: &str| format!("{{\"id\": \"{id}\", \"text\": \"\\\"Yes,\\\" she said.\"}}\n");
        input.write_all(good("a").as_bytes()).unwrap();
        input
            .write_all(b"{\"id\": \"endless\", \"text\": \"")
            .unwrap();
        let chunk = "word ".repeat(200_000);
        let mut written = 0;
        while written < SIZE {
            input.write_all(chunk.as_bytes()).unwrap();
            written += chunk.len();
        }
        input.write_all(b"\"}\n").unwrap();
        input.write_all(good("b").as_bytes()).unwrap();
        input.flush().unwrap();
        // Peak memory before stdin closes (Linux only), as above.
        std::thread::sleep(std::time::Duration::from_millis(200));
        peak_rss_kb(pid)
    });
    let peak_kb = feeder.join().unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("<stdin>:2: line of 80000030 bytes, longer than the 32 MiB a JSON line may hold; skipped"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 articles read, 1 failed, 2 claims written"),
        "{stderr}"
    );
    let (_, rows) = parse_csv(&output.stdout);
    assert_eq!(rows.len(), 2);
    if let Some(kb) = peak_kb {
        assert!(kb < 100_000, "peak RSS {kb} KB: the line was held");
    }
}

#[test]
fn an_endless_csv_record_ends_its_collection_in_bounded_memory() {
    // The csv crate cannot skip a record it has not read, so the collection
    // ends at the record past the limit; the records before it are read.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("export.csv");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(b"id,text\na,\"\"\"Yes,\"\" she said.\"\nendless,\"")
        .unwrap();
    let chunk = "word ".repeat(200_000);
    for _ in 0..(80_000_000 / chunk.len()) {
        file.write_all(chunk.as_bytes()).unwrap();
    }
    file.write_all(b"\"\nb,After.\n").unwrap();
    drop(file);
    let out = run(&["extract", "--quiet", s(&path)], b"");
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "{}: row 2 (line 3): bad CSV: a record longer than 32 MiB; \
             the rest of the collection was skipped",
            path.display()
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("1 article read, 1 failed, 1 claim written"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_200_mb_article_streams_in_bounded_memory() {
    // Release build: 9.8 s and 58 MB peak RSS for 200 MB of BBC prose read
    // as one article; 23 s and 117 MB for 200 MB made of nothing but claims
    // (5.2 million rows). This test: ordinary prose, fed through a pipe.
    const SIZE: usize = 200_000_000;
    // About the claim density of BBC news (3 claims per KB).
    let block = format!("{PARAGRAPH}{}", NARRATIVE.repeat(4)).repeat(16);
    let block_chars: Vec<char> = block.chars().collect();
    let mut child = spawn_piped(&["extract", "--quiet", "--stdin-id", "huge"]);
    let pid = child.id();
    let mut input = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let mut written = 0;
        while written < SIZE {
            input
                .write_all(block.as_bytes())
                .expect("claimtrack reads on");
            written += block.len();
        }
        // Peak memory so far, read before stdin closes (Linux only): by now
        // all but the last segments went through the pipeline.
        peak_rss_kb(pid)
    });
    // Read the CSV as it comes, checking each row against the periodic text.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).unwrap();
        text
    });
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(&mut stdout);
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (claim, start, end, text) = (
        column("claim"),
        column("start"),
        column("end"),
        column("text"),
    );
    let mut rows = 0usize;
    let mut last_start = 0usize;
    for record in reader.records() {
        let record = record.expect("a well-formed record");
        rows += 1;
        assert_eq!(record[claim].parse::<usize>().unwrap(), rows);
        let (a, b): (usize, usize) = (record[start].parse().unwrap(), record[end].parse().unwrap());
        assert!(a < b && a >= last_start);
        last_start = a;
        let expected: String = (a..b).map(|i| block_chars[i % block_chars.len()]).collect();
        assert_eq!(unescape(&record[text]), expected, "claim {rows}");
    }
    let peak_kb = feeder.join().unwrap();
    let status = child.wait().unwrap();
    let stderr = errors.join().unwrap();
    assert!(status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(rows, claims_written(&stderr));
    let blocks = SIZE / block_chars.len();
    assert!(rows >= 2 * 16 * blocks, "{rows} claims");
    assert!(
        stderr.contains("1 article read"),
        "one article, however many segments: {stderr}"
    );
    if let Some(kb) = peak_kb {
        assert!(
            kb < 100_000,
            "peak RSS {kb} KB for a 200 MB article: memory is not bounded"
        );
    }
}

#[test]
fn invalid_utf8_names_the_byte_and_lossy_replaces_it() {
    let dir = TempDir::new().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(
        &bad,
        [PARAGRAPH.as_bytes(), b"caf\xe9 \xff\xfe ok.\n"].concat(),
    )
    .unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, PARAGRAPH).unwrap();
    let jsonl = dir.path().join("c.jsonl");
    std::fs::write(
        &jsonl,
        [
            b"{\"id\": \"j1\", \"text\": \"Caf\xe9 \\\"ok,\\\" he said.\"}\n".as_slice(),
            b"{\"id\": \"j2\", \"text\": \"Fine.\"}\n",
        ]
        .concat(),
    )
    .unwrap();
    let out = run(&["extract", s(&bad), s(&good), s(&jsonl)], b"");
    assert_eq!(out.code, Some(1));
    let offset = PARAGRAPH.len() + 3;
    assert!(
        out.stderr.contains(&format!(
            "bad.txt: not valid UTF-8 (bad byte at offset {offset})"
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("c.jsonl:1: not valid UTF-8"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("2 articles read, 2 failed"),
        "{}",
        out.stderr
    );

    let out = run(&["extract", "--lossy", s(&bad), s(&good), s(&jsonl)], b"");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("bad.txt: 3 invalid UTF-8 bytes replaced with U+FFFD (--lossy)"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("c.jsonl:1: 1 invalid UTF-8 byte replaced"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("4 articles read, 0 failed"),
        "{}",
        out.stderr
    );
    let (_, rows) = parse_csv(&out.stdout);
    let bad_rows: Vec<Row> = rows
        .iter()
        .filter(|r| r["doc_id"] == "bad")
        .cloned()
        .collect();
    let decoded = String::from_utf8_lossy(&std::fs::read(&bad).unwrap()).into_owned();
    check_rows(&decoded, &bad_rows);
}

/// A JSON Lines collection whose ids start with every formula trigger.
fn trigger_collection(dir: &Path) -> PathBuf {
    let lines: Vec<String> = ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\ry"]
        .iter()
        .map(|id| {
            let text = format!(
                "\"We have made progress,\" said Jane Doe, the negotiator. \
                 The embassy denied the report. {}",
                PARAGRAPH
            );
            serde_json::json!({ "id": id, "text": text }).to_string()
        })
        .collect();
    let path = dir.join("triggers.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn cells_that_look_like_formulas_get_an_apostrophe_in_every_report() {
    let dir = TempDir::new().unwrap();
    let input = trigger_collection(dir.path());
    let out_dir = dir.path().join("out");
    let out = run(&["extract", s(&input), "--out-dir", s(&out_dir)], b"");
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let read = |name: &str| parse_csv(&std::fs::read(out_dir.join(name)).unwrap()).1;
    let claims = read("claims.csv");
    let ids: std::collections::BTreeSet<&str> =
        claims.iter().map(|r| r["doc_id"].as_str()).collect();
    let expected: std::collections::BTreeSet<&str> =
        ["'=SUM(A1)", "'+1", "'-2", "'@cmd", "'\tx", "'\ry"].into();
    assert_eq!(ids, expected);
    for row in read("denials.csv") {
        assert!(row["doc_id"].starts_with('\''), "{row:?}");
    }
    for row in read("speakers.csv") {
        for column in ["first_doc", "last_doc"] {
            assert!(row[column].starts_with('\''), "{column}: {row:?}");
        }
    }
    // Reports built from the escaped claims are the same reports: the
    // apostrophe is read back, not doubled.
    for report in ["speakers", "denials"] {
        let from_claims = run(
            &[report, "--from-claims", s(&out_dir.join("claims.csv"))],
            b"",
        );
        assert_eq!(from_claims.code, Some(0), "{}", from_claims.stderr);
        let written = std::fs::read(out_dir.join(format!("{report}.csv"))).unwrap();
        assert_eq!(from_claims.stdout, written, "{report}");
    }
    // --raw-cells writes them as they are.
    let raw = run(&["extract", "--raw-cells", s(&input)], b"");
    let (_, rows) = parse_csv(&raw.stdout);
    let ids: std::collections::BTreeSet<&str> = rows.iter().map(|r| r["doc_id"].as_str()).collect();
    let expected: std::collections::BTreeSet<&str> =
        ["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\ry"].into();
    assert_eq!(ids, expected);
}

#[test]
fn an_interrupted_run_leaves_the_previous_report_whole() {
    let dir = TempDir::new().unwrap();
    let out_path = dir.path().join("claims.csv");
    std::fs::write(&out_path, "the previous, complete report\n").unwrap();
    let args = [
        "extract",
        "--quiet",
        "--input-format",
        "jsonl",
        "--out",
        s(&out_path),
    ];
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    for i in 0..2_000 {
        let line = serde_json::json!({ "id": i, "text": PARAGRAPH }).to_string();
        writeln!(input, "{line}").unwrap();
    }
    input.flush().unwrap();
    // Mid-run (stdin still open): killed without a chance to clean up.
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    drop(input);
    assert_eq!(
        std::fs::read_to_string(&out_path).unwrap(),
        "the previous, complete report\n"
    );
    // A whole run replaces it, and leaves no temporary file behind (killed
    // runs may leave a hidden `.claims.csv.*.tmp`, which walks skip).
    let out = run(
        &args,
        format!("{}\n", serde_json::json!({"id": "a", "text": PARAGRAPH})).as_bytes(),
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let (_, rows) = parse_csv(&std::fs::read(&out_path).unwrap());
    assert!(!rows.is_empty());
    let visible: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    assert_eq!(visible, ["claims.csv"]);
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = Command::new(binary())
        .args(["extract", "--input-format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for i in 0..20_000 {
            let line = serde_json::json!({ "id": i, "text": PARAGRAPH }).to_string();
            if writeln!(input, "{line}").is_err() {
                break; // claimtrack stopped reading: expected
            }
        }
    });
    // `claimtrack extract ... | head -c 100`
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    assert!(first.starts_with(b"doc_id,claim,"));
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.to_lowercase().contains("broken pipe"), "{stderr}");
    assert_eq!(status.code(), Some(0), "{stderr}");
}

#[test]
fn every_fixture_gives_a_csv_that_reads_back_strictly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() > 20, "fixtures found: {}", files.len());
    for path in files {
        let out = run(&["extract", "--quiet", s(&path)], b"");
        let (header, rows) = parse_csv(&out.stdout);
        assert_eq!(header.len(), 18, "{}", path.display());
        assert_eq!(
            rows.len(),
            claims_written(&out.stderr),
            "{}",
            path.display()
        );
        if out.code == Some(0) {
            let text = std::fs::read_to_string(&path).unwrap();
            check_rows(&text, &rows);
        }
    }
}
