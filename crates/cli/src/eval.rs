//! `claimtrack eval`: extraction scored against gold annotations.
//!
//! The figures are those of `../shared/tools/score_quotes.py` (the Gender Gap
//! Tracker protocol), reproduced exactly so the two can be diffed: a gold quote
//! is found when one prediction covers strictly more than the threshold share
//! of its code points (greedy, gold quotes in order, each prediction used
//! once); then, over found quotes, the share with the right speaker mention,
//! resolved speaker, cue and kind. Beyond the script: figures by kind, stance
//! accuracy with a confusion table, and a CSV of failures.
//!
//! The predictions come from running the extraction pipeline on each gold
//! file's `text` (the per-article step of `claimtrack extract`), or from an
//! existing claims CSV (`--claims`).

pub mod gold;
pub mod predictions;
pub mod report;
pub mod rules;
pub mod score;

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};

use self::gold::{gold_files, read_gold, GoldDoc};
use self::predictions::Predictions;
use self::report::Extras;
use self::score::{score, ThresholdScore};
use crate::cells::CellPolicy;
use crate::input::Article;
use crate::output::Output;
use crate::pipeline::extract_rows;

/// Report formats of `claimtrack eval`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EvalFormat {
    /// The scorer's lines, then the breakdowns.
    #[default]
    Text,
    /// The scorer's `--json` list, with extra keys for the breakdowns.
    Json,
    /// One row per threshold (and kind).
    Csv,
}

/// Options of `claimtrack eval`.
#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// Folder of gold JSON files (`*.json`, one article each).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Coverage thresholds, comma-separated: a gold quote is found when one
    /// prediction covers more than this share of its characters.
    #[arg(long, value_name = "T,...", value_delimiter = ',', default_values_t = [0.3, 0.8])]
    pub threshold: Vec<f64>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
    /// Write the failures at the lowest threshold (misses, false alarms,
    /// wrong mention/speaker/cue/kind/stance) to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    /// Also report the figures by claim kind (direct, indirect, mixed).
    #[arg(long)]
    pub by_kind: bool,
    /// Score this claims CSV instead of running the extraction.
    #[arg(long, value_name = "FILE")]
    pub claims: Option<PathBuf>,
    /// Write the `--errors` cells exactly as they are, without the leading
    /// `'` that keeps spreadsheets from reading `=`, `+`, `-`, `@` as formulas.
    #[arg(long)]
    pub raw_cells: bool,
}

/// Runs `claimtrack eval`. Exit code 1 when a gold file could not be used
/// (after scoring the others).
pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    for &t in &args.threshold {
        if !(0.0..=1.0).contains(&t) {
            bail!("--threshold {t}: a threshold is a share between 0 and 1");
        }
    }
    if args.threshold.is_empty() {
        bail!("--threshold: give at least one threshold");
    }
    let (docs, mut failed) = read_gold_dir(&args.gold)?;
    let predictions = match &args.claims {
        Some(path) => Predictions::read_csv(path)?,
        None => {
            let (predictions, extraction_failed) = extract(&docs);
            failed |= extraction_failed;
            predictions
        }
    };
    let docs: Vec<GoldDoc> = docs.into_iter().map(|(_, d)| d).collect();
    let scores: Vec<ThresholdScore> = args
        .threshold
        .iter()
        .map(|&t| score(&docs, &predictions, t))
        .collect();
    let extras = Extras {
        by_kind: args.by_kind,
        stance: docs
            .iter()
            .flat_map(|d| &d.quotes)
            .any(|q| q.stance.as_deref().is_some_and(|s| !s.is_empty())),
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        EvalFormat::Text => out.write_all(report::text(&scores, extras).as_bytes())?,
        EvalFormat::Json => out.write_all(report::json(&scores, extras).as_bytes())?,
        EvalFormat::Csv => report::csv(&scores, extras, &mut out)?,
    }
    out.flush()?;
    if let Some(path) = &args.errors {
        let lowest = scores
            .iter()
            .min_by(|a, b| a.threshold.total_cmp(&b.threshold))
            .map(|s| s.errors.as_slice())
            .unwrap_or(&[]);
        let out = Output::create(Some(path))?;
        report::errors_csv(lowest, out, CellPolicy::from_raw_flag(args.raw_cells))
            .and_then(Output::commit)
            .with_context(|| format!("{}: cannot write", path.display()))?;
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads every gold file of `dir`; a bad file is reported on stderr and left
/// out (the flag says so). No gold file at all is an error.
fn read_gold_dir(dir: &Path) -> anyhow::Result<(Vec<(PathBuf, GoldDoc)>, bool)> {
    let files = gold_files(dir)
        .with_context(|| format!("{}: cannot list the gold folder", dir.display()))?;
    if files.is_empty() {
        bail!("{}: no *.json gold files", dir.display());
    }
    let mut docs = Vec::with_capacity(files.len());
    let mut failed = false;
    for path in files {
        match read_gold(&path) {
            Ok(doc) => docs.push((path, doc)),
            Err(err) => {
                eprintln!("claimtrack: error: {err}");
                failed = true;
            }
        }
    }
    Ok((docs, failed))
}

/// Runs the extraction pipeline on each gold article. An article without
/// `text`, or one the pipeline panics on, is reported and yields nothing.
/// Like a claims CSV, predictions are keyed by id: a repeated id is
/// extracted once.
fn extract(docs: &[(PathBuf, GoldDoc)]) -> (Predictions, bool) {
    let mut predictions = Predictions::default();
    let mut failed = false;
    let mut seen = HashSet::new();
    for (path, doc) in docs {
        if !seen.insert(doc.id.as_str()) {
            eprintln!("claimtrack: warning: {}: id {:?} already seen; scored against the first article's claims", path.display(), doc.id);
            continue;
        }
        let Some(text) = doc.text.as_deref() else {
            eprintln!(
                "claimtrack: error: {}: no \"text\" to extract from",
                path.display()
            );
            failed = true;
            continue;
        };
        // The same per-article function as `claimtrack extract`, so both score alike.
        let article = Article {
            doc_id: doc.id.clone(),
            text: text.to_string(),
        };
        let rows = std::panic::catch_unwind(|| extract_rows(&article));
        match rows {
            Ok(rows) => predictions.add_rows(&rows),
            Err(_) => {
                eprintln!(
                    "claimtrack: error: {}: extraction failed (panic); scored as no claims",
                    path.display()
                );
                failed = true;
            }
        }
    }
    (predictions, failed)
}
