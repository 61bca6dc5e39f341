//! `claimtrack extract`: articles in, claims CSV out (and, with `--out-dir`,
//! the speakers and denials reports in the same pass).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;

use crate::cells::CellPolicy;
use crate::denials::{DenialAudit, DENIAL_COLUMNS};
use crate::input::{size_of_inputs, ArticleStream, InputFormat, ReadOptions};
use crate::output::{write_report, ClaimsCsv, Output};
use crate::pipeline::{self, BatchLimits, Fanout, RowSink, RunStats};
use crate::progress::Progress;
use crate::speakers::{SpeakerTable, SPEAKER_COLUMNS};

/// Where articles come from and how to run over them; shared by `extract`,
/// `speakers` and `denials`.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Articles: files, directories (read recursively, in path order) or `-`
    /// for standard input (the default). In directories, .txt/.text/.md files
    /// and files without extension are one article each, .jsonl and .csv files
    /// are collections; hidden files are skipped.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Format of standard input and of files whose extension does not tell
    /// (.txt/.text/.md: text, .jsonl/.ndjson: jsonl, .csv: csv) [default: text].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,

    /// CSV collections: the column holding the article id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_column: String,

    /// CSV collections: the column holding the article text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_column: String,

    /// The doc_id of a plain-text article read from standard input.
    #[arg(long, value_name = "ID", default_value = "stdin")]
    pub stdin_id: String,

    /// Worker threads (0: one per core). The output is identical whatever the number.
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0)]
    pub threads: usize,

    /// Replace invalid UTF-8 with U+FFFD and say on standard error how many
    /// bytes were replaced in each document, instead of skipping the
    /// document. Offsets then count the replacement characters.
    #[arg(long)]
    pub lossy: bool,

    /// No progress bar (it is only ever drawn when standard error is a
    /// terminal). Errors and the summary line are still printed.
    #[arg(short, long)]
    pub quiet: bool,
}

impl InputArgs {
    /// The reading options these arguments describe.
    pub fn read_options(&self) -> ReadOptions {
        ReadOptions {
            format: self.input_format,
            id_column: self.id_column.clone(),
            text_column: self.text_column.clone(),
            stdin_id: self.stdin_id.clone(),
            skip: Vec::new(),
            lossy: self.lossy,
            segment_bytes: crate::input::SEGMENT_BYTES,
        }
    }

    /// Reads every article and feeds its rows to `sink`, with a progress bar
    /// and error reports on standard error. `outputs` (files this run
    /// writes, already created) are never read as inputs.
    pub fn run(&self, sink: &mut dyn RowSink, outputs: &[PathBuf]) -> anyhow::Result<RunStats> {
        let reads_stdin = self.inputs.is_empty() || self.inputs.iter().any(|p| p == "-");
        if reads_stdin && !self.quiet && std::io::stdin().is_terminal() {
            // Without this, a forgotten INPUT looks like a hang.
            eprintln!("claimtrack: reading an article from standard input (end it with Ctrl-D)");
        }
        let mut options = self.read_options();
        options.skip = outputs
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        let stream = ArticleStream::open(&self.inputs, &options);
        let planned = stream.planned_bytes();
        let mut progress = Progress::new(Arc::clone(&planned), !self.quiet);
        if progress.is_drawn() {
            // The stream lists a directory as it reads it, so its total is
            // final only at the end: a walk of the inputs' own, beside the
            // run, gives the bar a total (and an ETA) early. Only when the
            // bar is drawn: it costs the listing's system calls twice.
            let (inputs, options) = (self.inputs.clone(), options.clone());
            std::thread::spawn(move || {
                if let Some(total) = size_of_inputs(&inputs, &options) {
                    planned.set_estimate(total);
                }
            });
        }
        let stats = pipeline::run(
            stream,
            self.threads,
            BatchLimits::default(),
            &mut progress,
            sink,
        );
        progress.finish();
        stats
    }
}

/// Options of `claimtrack extract`.
#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write the claims CSV to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub out: Option<PathBuf>,

    /// Write claims.csv, speakers.csv and denials.csv into DIR (created if
    /// needed), all in one pass.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Write cells exactly as they are. By default a cell starting with `=`,
    /// `+`, `-`, `@`, tab or carriage return gets a leading `'`, so that
    /// spreadsheets show it as text instead of running it as a formula.
    #[arg(long)]
    pub raw_cells: bool,
}

/// Runs `claimtrack extract`.
pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let policy = CellPolicy::from_raw_flag(args.raw_cells);
    let stats = match &args.out_dir {
        None => {
            let mut claims = ClaimsCsv::new(Output::create(args.out.as_deref())?, policy)?;
            let outputs: Vec<PathBuf> = args.out.iter().cloned().collect();
            let stats = args.input.run(&mut claims, &outputs)?;
            claims.finish()?.commit()?;
            stats
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let outputs = ["claims.csv", "speakers.csv", "denials.csv"].map(|f| dir.join(f));
            let [claims_path, speakers_path, denials_path] = &outputs;
            let mut claims = ClaimsCsv::new(Output::create(Some(claims_path))?, policy)?;
            let speakers_out = Output::create(Some(speakers_path))?;
            let denials_out = Output::create(Some(denials_path))?;
            let mut speakers = SpeakerTable::default();
            let mut denials = DenialAudit::default();
            let stats = args.input.run(
                &mut Fanout(vec![&mut claims, &mut speakers, &mut denials]),
                &outputs,
            )?;
            // Everything is written before anything is renamed into place.
            let claims_out = claims.finish()?;
            let speakers_out =
                write_report(speakers_out, policy, &SPEAKER_COLUMNS, &speakers.finish())?;
            let denials_out =
                write_report(denials_out, policy, &DENIAL_COLUMNS, &denials.finish())?;
            claims_out.commit()?;
            speakers_out.commit()?;
            denials_out.commit()?;
            stats
        }
    };
    Ok(finish(&stats, &stats.summary()))
}

/// Prints the summary line; exit status 1 when any input failed.
pub fn finish(stats: &RunStats, summary: &str) -> ExitCode {
    eprintln!("{summary}");
    if stats.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
