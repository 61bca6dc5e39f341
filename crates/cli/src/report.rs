//! `claimtrack speakers` and `claimtrack denials`: corpus reports, built from
//! articles (extracting first) or from existing claims CSV files
//! (`--from-claims`, several files being shards of one corpus).

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cells::CellPolicy;
use crate::denials::{DenialAudit, DENIAL_COLUMNS};
use crate::extract::{finish, InputArgs};
use crate::input::{contents_extension, files_under, open_maybe_gzip};
use crate::output::{write_report, Output};
use crate::pipeline::{RowSink, RunStats};
use crate::row::{ClaimRow, COLUMNS};
use crate::speakers::{SpeakerTable, SPEAKER_COLUMNS};

/// Options shared by the report subcommands.
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Build the report from claims CSV files written by `claimtrack extract`
    /// instead of articles (`-` reads standard input; a directory, its `.csv`
    /// files in path order, recursively, passing over the speakers and
    /// denials reports that `extract --out-dir` writes beside the claims).
    /// Several files are shards of one corpus; each article's rows must be
    /// in one file, together.
    #[arg(
        long,
        value_name = "FILE",
        num_args = 1..,
        conflicts_with = "inputs"
    )]
    pub from_claims: Vec<PathBuf>,

    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Write cells exactly as they are, without the leading `'` that keeps
    /// spreadsheets from reading `=`, `+`, `-`, `@`, tab or CR as a formula.
    #[arg(long)]
    pub raw_cells: bool,
}

impl ReportArgs {
    fn cells(&self) -> CellPolicy {
        CellPolicy::from_raw_flag(self.raw_cells)
    }

    /// Feeds `sink` the rows of every article, from claims files or articles.
    fn feed(&self, sink: &mut dyn RowSink) -> anyhow::Result<RunStats> {
        if self.from_claims.is_empty() {
            let outputs: Vec<PathBuf> = self.out.iter().cloned().collect();
            self.input.run(sink, &outputs)
        } else {
            read_claims_files(&self.from_claims, sink)
        }
    }
}

/// Runs `claimtrack speakers`.
pub fn run_speakers(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let out = Output::create(args.out.as_deref())?;
    let mut table = SpeakerTable::default();
    let stats = args.feed(&mut table)?;
    let rows = table.finish();
    write_report(out, args.cells(), &SPEAKER_COLUMNS, &rows)?.commit()?;
    Ok(finish(&stats, &stats.report_summary(rows.len())))
}

/// Runs `claimtrack denials`.
pub fn run_denials(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let out = Output::create(args.out.as_deref())?;
    let mut audit = DenialAudit::default();
    let stats = args.feed(&mut audit)?;
    let rows = audit.finish();
    write_report(out, args.cells(), &DENIAL_COLUMNS, &rows)?.commit()?;
    Ok(finish(&stats, &stats.report_summary(rows.len())))
}

/// Reads claims CSV files in order and hands `sink` the rows of one article
/// at a time (consecutive rows with the same `doc_id`), so memory holds one
/// article's rows. Bad files and rows are reported on standard error, counted
/// as failed, and skipped.
///
/// A directory stands for the `.csv` files under it, in path order, as
/// `claimtrack extract` reads a directory of articles: the shards of a corpus
/// are usually written to one folder. Of its files, claimtrack's own speakers
/// and denials reports (known by their headers) are passed over, because
/// `claimtrack extract --out-dir` writes them beside the claims.
pub fn read_claims_files(files: &[PathBuf], sink: &mut dyn RowSink) -> anyhow::Result<RunStats> {
    let mut stats = RunStats::default();
    for path in files {
        if path.is_dir() {
            let (shards, problems) = files_under(path, is_csv);
            for problem in problems {
                eprintln!("claimtrack: {problem}");
                stats.failed += 1;
            }
            if shards.is_empty() {
                eprintln!("claimtrack: {}: no .csv file in it", path.display());
                stats.failed += 1;
            }
            for shard in shards {
                read_claims_file(&shard, true, sink, &mut stats)?;
            }
        } else {
            read_claims_file(path, false, sink, &mut stats)?;
        }
    }
    Ok(stats)
}

/// A claims file in a directory given to `--from-claims`: `.csv`, or
/// `.csv.gz` (shards compressed to save disk).
fn is_csv(path: &Path) -> bool {
    contents_extension(path).is_some_and(|e| e.eq_ignore_ascii_case(b"csv"))
}

/// Reads one claims file; `in_directory`: found in a directory given to
/// `--from-claims`, where report files are passed over.
fn read_claims_file(
    path: &Path,
    in_directory: bool,
    sink: &mut dyn RowSink,
    stats: &mut RunStats,
) -> anyhow::Result<()> {
    let (name, reader): (String, Box<dyn Read>) = if path.as_os_str() == "-" {
        ("<stdin>".to_string(), Box::new(io::stdin()))
    } else {
        let name = path.display().to_string();
        match open_maybe_gzip(path) {
            Ok(reader) => (name, reader),
            Err(err) => {
                eprintln!("claimtrack: {name}: cannot read: {err}");
                stats.failed += 1;
                return Ok(());
            }
        }
    };
    let mut reader = csv::Reader::from_reader(reader);
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(err) => {
            eprintln!("claimtrack: {name}: cannot read the CSV header: {err}");
            stats.failed += 1;
            return Ok(());
        }
    };
    let is_report = |columns: &[&str]| headers.iter().eq(columns.iter().copied());
    if in_directory && (is_report(&SPEAKER_COLUMNS) || is_report(&DENIAL_COLUMNS)) {
        return Ok(());
    }
    if let Some(missing) = COLUMNS.iter().find(|c| !headers.iter().any(|h| h == **c)) {
        eprintln!(
            "claimtrack: {name}: not a claims CSV (no column \"{missing}\"); \
             --from-claims reads the output of `claimtrack extract`"
        );
        stats.failed += 1;
        return Ok(());
    }
    let mut article: Vec<ClaimRow> = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line();
        let row = match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => record
                .deserialize::<ClaimRow>(Some(&headers))
                .map(|mut row| {
                    row.unescape_cells();
                    row
                })
                .map_err(|err| err.to_string())
                .and_then(|row| row.validate().map(|()| row)),
            Err(err) => {
                let fatal = matches!(err.kind(), csv::ErrorKind::Io(_));
                eprintln!("claimtrack: {name}:{line}: bad row: {err}");
                stats.failed += 1;
                if fatal {
                    break;
                }
                continue;
            }
        };
        match row {
            Ok(row) => {
                if article
                    .first()
                    .is_some_and(|first| first.doc_id != row.doc_id)
                {
                    flush(&mut article, sink, stats)?;
                }
                article.push(row);
            }
            Err(reason) => {
                eprintln!("claimtrack: {name}:{line}: bad row: {reason}");
                stats.failed += 1;
            }
        }
    }
    flush(&mut article, sink, stats)
}

fn flush(
    article: &mut Vec<ClaimRow>,
    sink: &mut dyn RowSink,
    stats: &mut RunStats,
) -> anyhow::Result<()> {
    if !article.is_empty() {
        sink.article(article)?;
        stats.articles += 1;
        stats.claims += article.len() as u64;
        article.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::ClaimsCsv;
    use std::fs::File;

    #[derive(Default)]
    struct Articles(Vec<Vec<ClaimRow>>);

    impl RowSink for Articles {
        fn article(&mut self, rows: &[ClaimRow]) -> anyhow::Result<()> {
            self.0.push(rows.to_vec());
            Ok(())
        }
    }

    fn row(doc: &str, claim: usize, text: &str) -> ClaimRow {
        ClaimRow {
            doc_id: doc.into(),
            claim,
            speaker_kind: "unknown".into(),
            kind: "direct".into(),
            stance: "assert".into(),
            text: text.into(),
            start: 3,
            end: 3 + text.chars().count(),
            ..ClaimRow::default()
        }
    }

    #[test]
    fn extract_output_reads_back_one_article_at_a_time() {
        let written = vec![
            vec![
                row("b", 1, "\"One, \"\"two\"\"\nthree.\""),
                row("b", 2, "é"),
            ],
            vec![row("a", 1, "x")],
        ];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.csv");
        let mut csv = ClaimsCsv::new(File::create(&path).unwrap(), CellPolicy::Safe).unwrap();
        for rows in &written {
            csv.article(rows).unwrap();
        }
        csv.finish().unwrap();

        let mut read = Articles::default();
        let stats = read_claims_files(&[path], &mut read).unwrap();
        assert_eq!(read.0, written);
        assert_eq!((stats.articles, stats.claims, stats.failed), (2, 3, 0));
    }
}
