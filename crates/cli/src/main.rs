//! `claimtrack`: who claimed what in news articles, as CSV.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Reads news articles and reports every quotation and reported statement,
/// the speaker it is attributed to, and the speaker's stance.
#[derive(Parser, Debug)]
#[command(name = "claimtrack", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract claims from articles into the claims CSV.
    Extract(claimtrack_cli::extract::ExtractArgs),
    /// Score extraction against gold annotations.
    Eval(claimtrack_cli::eval::EvalArgs),
    /// One row per speaker across a corpus.
    Speakers(claimtrack_cli::report::ReportArgs),
    /// The audit of denials, non-denials and confirmations.
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
        Err(err) => {
            eprintln!("claimtrack: error: {err:#}");
            ExitCode::from(1)
        }
    }
}
