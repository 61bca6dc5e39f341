//! `claimtrack`: who claimed what in news articles, as CSV.

use std::io;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Reads news articles and reports every quotation and reported statement,
/// the speaker it is attributed to, and the speaker's stance.
#[derive(Parser, Debug)]
#[command(name = "claimtrack", version, about, long_about = None, after_help = MAIN_EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const MAIN_EXAMPLES: &str = "\
Examples:
  claimtrack extract article.txt > claims.csv
  claimtrack extract corpus/ --out-dir results/
  claimtrack speakers --from-claims claims.csv";

const EXTRACT_EXAMPLES: &str = "\
Examples:
  claimtrack extract article.txt > claims.csv
  claimtrack extract corpus/ --threads 4 --out claims.csv
  claimtrack extract articles.jsonl --out-dir results/   # claims, speakers, denials
  claimtrack extract export.csv --id-column slug --text-column body
  curl -s https://example.org/story.txt | claimtrack extract --stdin-id story

Exit status: 0 all inputs read, 1 some input failed (named on stderr), 2 usage error.";

const SPEAKERS_EXAMPLES: &str = "\
Examples:
  claimtrack speakers corpus/ > speakers.csv
  claimtrack speakers --from-claims claims/ --out speakers.csv

Columns: speaker, speaker_kind, roles, articles, claims, assert, deny, non_denial,
confirmations, direct, indirect, mixed, first_doc, last_doc.";

const DENIALS_EXAMPLES: &str = "\
Examples:
  claimtrack denials corpus/ > denials.csv
  claimtrack denials --from-claims claims/ --out denials.csv

Columns: doc_id, claim, speaker, speaker_role, stance, stance_cue, text,
responds_to, answered_speaker, answered_text.";

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract claims from articles into the claims CSV.
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract(claimtrack_cli::extract::ExtractArgs),
    /// Score extraction against gold annotations.
    Eval(claimtrack_cli::eval::EvalArgs),
    /// One row per speaker across a corpus.
    #[command(after_help = SPEAKERS_EXAMPLES)]
    Speakers(claimtrack_cli::report::ReportArgs),
    /// The audit of denials, non-denials and confirmations.
    #[command(after_help = DENIALS_EXAMPLES)]
    Denials(claimtrack_cli::report::ReportArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => claimtrack_cli::extract::run(&args),
        Command::Eval(args) => claimtrack_cli::eval::run(&args),
        Command::Speakers(args) => claimtrack_cli::report::run_speakers(&args),
        Command::Denials(args) => claimtrack_cli::report::run_denials(&args),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`claimtrack extract | head`): not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("claimtrack: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let io_err = cause.downcast_ref::<io::Error>().or_else(|| {
            match cause.downcast_ref::<csv::Error>().map(csv::Error::kind) {
                Some(csv::ErrorKind::Io(e)) => Some(e),
                _ => None,
            }
        });
        io_err.is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
